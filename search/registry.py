"""What the site indexes, declared by the app that owns it.

``search`` knows how to index, query and show documents; it knows nothing of what they are. The app
that owns them registers one source at start-up (``resources`` does, in its ``AppConfig.ready``)::

    from search import registry

    registry.register(ResourceSource())

and everything else asks the registry: the engines and the cluster mapping read the facets and
sorts, the form reads which query-string keys are facets, the results page reads facet titles,
value labels and the template of one result, indexing asks for documents by id, and ``manage.py
search_index rebuild`` asks for all of them.

A facet is declared once, as a ``Facet``; adding one to the source's ``facets`` (and its value to
the documents) is all it takes for both engines to index, filter and count it, the form to accept
it, the page to show it under its title with its labels, and the labels to be forgotten when one of
its vocabulary models changes (see tests/test_search_registry.py, which adds one).

A document is a plain dict with the fields every engine stores (``DOCUMENT_FIELDS``) plus one field
per facet (a string or a list of strings).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

# The fields of every document besides its facets. Text is searched (the title weighs most, then
# tags, summary, body, file text); the dates and counts order results (``SORT_FIELDS``);
# ``access`` holds the keys that may see it (see ``Source.access_keys``).
DOCUMENT_FIELDS = (
    "id", "title", "summary", "body", "tags", "file_text", "release_notes", "contributors",
    "published_at", "latest_release_date", "reuse_count", "download_count", "use_count", "adoption_count", "access",
)
SORT_FIELDS = ("published_at", "reuse_count", "download_count", "use_count", "adoption_count")
TAGS_FIELD = "tags"  # a facet reading this field also serves tag suggestions in autocomplete

FACET_LABELS_KEY = "commons-search-facet-labels"


@dataclass(frozen=True)
class Facet:
    """One way to filter results, as a list of values with counts (OR within a facet, AND across)."""

    name: str  # the query-string key (?condition=ibd) and the facet's key in results
    title: str  # its heading on the results page
    field: str = ""  # the document field it reads; its name by default
    labels: Callable[[], dict] | None = None  # value -> label shown, from the vocabulary; else the value
    models: tuple = ()  # models whose changes change the labels: saving or deleting one forgets them
    top: int | None = None  # show only the most used values (a long vocabulary, e.g. tags)
    related_weight: int = 0  # how much sharing a value makes two documents alike (``related``)
    # A yes/no filter on a fact not everyone may know (e.g. "has evidence of improvement", from
    # data some may not see): the document's values are the access keys of those who may know it,
    # and the only value asked for is ``YES``, which matches the documents that share a key with the
    # person asking (``service.search``). Its one option is counted only when ticked.
    by_access: bool = False

    @property
    def document_field(self):
        return self.field or self.name


YES = "yes"  # the one value of a ``by_access`` facet


@dataclass(frozen=True)
class Sort:
    """One order of results. ``order`` names document fields from ``SORT_FIELDS``, "-" for
    descending; ``by_relevance`` sorts matching text by score first, and uses ``order`` when there is
    no text to score."""

    name: str
    label: str
    order: tuple = ()
    by_relevance: bool = False

    def __post_init__(self):
        unknown = [name for name in self.order if name.lstrip("-") not in SORT_FIELDS]
        if unknown:
            raise ValueError(f"Sort {self.name!r} orders by {unknown}: not among {SORT_FIELDS}")


class Source:
    """What the owning app gives the search. Subclass it and register one instance."""

    facets: tuple[Facet, ...] = ()
    sorts: tuple[Sort, ...] = ()
    result_template = ""  # renders one result: gets ``hit``, ``object`` and ``url``

    def documents(self, ids) -> list[dict]:
        """The documents of the indexable objects among ``ids``; the others are removed."""
        raise NotImplementedError

    def all_documents(self) -> tuple[int, Iterable[dict]]:
        """(how many, every document), for a rebuild."""
        raise NotImplementedError

    def objects(self, ids) -> dict:
        """id -> the object a result shows, for the ids found (already filtered by access)."""
        raise NotImplementedError

    def url(self, obj, http_request) -> str:
        raise NotImplementedError

    def urls(self, ids, http_request) -> dict:
        """id -> URL, for suggestions (no more than a URL is needed)."""
        raise NotImplementedError

    def visible_object(self, object_id, http_request):
        """The object if the person asking may see it, else None (a clicked result's target)."""
        raise NotImplementedError

    def access_keys(self, http_request) -> frozenset:
        """The keys of the person asking; a document matches when it shares one with them."""
        raise NotImplementedError


_source = None


def register(source):
    """Make ``source`` what the site indexes, and forget cached labels when a vocabulary changes."""
    global _source
    names = [facet.name for facet in source.facets]
    if len(set(names)) != len(names) or any(name.startswith("_") or len(name) > 20 for name in names):
        raise ValueError(f"Facet names must be unique, at most 20 characters, not starting with '_': {names}")
    _source = source  # (no cache call here: start-up must not need the cache server)
    for model in {model for facet in source.facets for model in facet.models}:
        uid = f"search.labels.{model._meta.label_lower}"
        post_save.connect(forget_labels, sender=model, dispatch_uid=f"{uid}.saved", weak=False)
        post_delete.connect(forget_labels, sender=model, dispatch_uid=f"{uid}.deleted", weak=False)


def source() -> Source:
    if _source is None:
        raise RuntimeError("No search source registered: the app that owns the documents registers one in ready()")
    return _source


def facets():
    return source().facets


def sorts():
    return source().sorts


def sort(name, has_text):
    """The declared sort called ``name`` (the first, the default, when unknown) as it applies:
    relevance without text to score orders by its fallback."""
    declared = next((candidate for candidate in sorts() if candidate.name == name), sorts()[0])
    return declared, declared.by_relevance and has_text


def default_sort(has_text):
    """With text, the first sort (best match); without, the first that does not need text."""
    if has_text:
        return sorts()[0].name
    return next(candidate.name for candidate in sorts() if not candidate.by_relevance)


def tag_facet():
    return next((declared for declared in facets() if declared.document_field == TAGS_FIELD), None)


# Labels ---------------------------------------------------------------------------------------


def facet_labels():
    """facet name -> {value: label}, from each facet's vocabulary; cached until one changes."""
    labels = cache.get(_labels_key())
    if labels is None:
        labels = {declared.name: dict(declared.labels()) for declared in facets() if declared.labels}
        cache.set(_labels_key(), labels, 3600)
    return labels


def _labels_key():
    # The declared facets are part of the key: a source with other facets never reads these labels.
    return FACET_LABELS_KEY + ":" + ",".join(declared.name for declared in facets())


def forget_labels(**kwargs):
    cache.delete(_labels_key())

