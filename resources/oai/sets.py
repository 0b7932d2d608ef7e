"""OAI-PMH sets: each condition (``condition:<slug>``), each resource type (``type:<slug>``) and each
kind of page (``kind:tool``, ``kind:collection``...). A colon makes a hierarchy in the protocol, so
``condition`` (every record filed under some condition), ``type`` and ``kind`` are sets too."""

from dataclasses import dataclass

from ..models import ChangePackagePage, CollectionPage, Condition, ProtocolPage, ResourceType, ToolPage

# The kind of each page model, as a set spec and a name.
KINDS = {
    ToolPage: ("tool", "Tools"),
    ChangePackagePage: ("change-package", "Change packages"),
    ProtocolPage: ("protocol", "Protocols"),
    CollectionPage: ("collection", "Collections"),
}
PARENTS = {
    "condition": "Resources by condition",
    "type": "Resources by resource type",
    "kind": "Records by kind: tools, change packages, protocols, collections",
}


@dataclass(frozen=True)
class OAISet:
    spec: str
    name: str
    description: str = ""


def all_sets():
    """Every set, parents first, in a stable order."""
    sets = [OAISet(spec, name) for spec, name in PARENTS.items()]
    sets += [
        OAISet(f"condition:{c.slug}", c.name, c.description) for c in Condition.objects.order_by("slug")
    ]
    sets += [
        OAISet(f"type:{t.slug}", t.name, t.description) for t in ResourceType.objects.order_by("slug")
    ]
    sets += [OAISet(f"kind:{spec}", name) for spec, name in sorted(KINDS.values())]
    return sets


def kind_spec(page_class):
    for model, (spec, _name) in KINDS.items():
        if issubclass(page_class, model):
            return f"kind:{spec}"
    return None


def specs_of(page, page_class):
    """The (leaf) sets a page belongs to; its parents are implied (``in_set``)."""
    specs = []
    if hasattr(page, "resource_type"):
        specs += [f"condition:{condition.slug}" for condition in page.conditions.all()]
        if page.resource_type is not None:
            specs.append(f"type:{page.resource_type.slug}")
    kind = kind_spec(page_class)
    if kind:
        specs.append(kind)
    return sorted(specs)
