"""The facets and sorts of the resource search, each declared once.

Both engines, the cluster mapping, the search form, the results page and the label cache read
these (search/registry.py). To add a facet: declare it here and give the documents its field
(documents.py); then run ``manage.py search_index rebuild``.
"""

from contributors.models import Organisation
from search import registry
from search.registry import Facet, Sort

from ..models import Audience, Condition, ImprovementPhase, Licence, ResourceType
from .documents import ADOPTED, licence_value


def _slugs_and_names(model):
    return lambda: model.objects.values_list("slug", "name")


def _licence_labels():
    # A licence without an SPDX identifier is the network's own terms, shown by its name.
    return ((licence_value(spdx), spdx or name) for spdx, name in Licence.objects.values_list("spdx_id", "name"))


# In the order the results page shows them.
FACETS = (
    Facet("condition", "Condition", labels=_slugs_and_names(Condition), models=(Condition,), related_weight=1),
    Facet("type", "Resource type", labels=_slugs_and_names(ResourceType), models=(ResourceType,), related_weight=1),
    Facet("phase", "Improvement phase", labels=lambda: ImprovementPhase.choices),
    Facet("audience", "Audience", labels=_slugs_and_names(Audience), models=(Audience,)),
    Facet("licence", "Licence", labels=_licence_labels, models=(Licence,)),
    Facet("organisation", "Organisation", labels=_slugs_and_names(Organisation), models=(Organisation,)),
    # Live "our centre uses this" marks (resources/models/adoption.py).
    Facet("adoption", "Adoption", labels=lambda: [(ADOPTED, "Used at a centre")]),
    # A centre's series shows improvement after a documented change; known only to those who may see
    # that series, so its documents hold their access keys (indexing/evidence.py).
    Facet("evidence", "Evidence", labels=lambda: [(registry.YES, "With evidence of improvement")], by_access=True),
    # Tags are many: the most used fifteen. A shared tag says most about two resources being alike.
    Facet("tag", "Tag", field="tags", top=15, related_weight=3),
)

# The first is the default when there is text to match, the first without ``by_relevance`` when not.
SORTS = (
    Sort("relevance", "Best match", order=("-published_at",), by_relevance=True),
    Sort("newest", "Newest", order=("-published_at",)),
    Sort("reused", "Most reused", order=("-reuse_count", "-download_count", "-published_at")),
    # Views and downloads by people (resources/usage/), as of the last ``manage.py rollup_usage``.
    Sort("used", "Most used", order=("-use_count", "-reuse_count", "-published_at")),
    # Centres using it now; indexed again whenever a centre marks or stops (indexing/receivers.py).
    Sort("adopted", "Most adopted", order=("-adoption_count", "-use_count", "-published_at")),
)
