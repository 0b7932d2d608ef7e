"""The contract every search engine answers, whatever is behind it."""

from dataclasses import dataclass, field

from django.utils.html import escape

# The facets and sorts are declared by the registered source (search/registry.py). The embedded
# engine stores who may see a document as values of this reserved facet.
ACCESS_FACET = "_access"

# Highlights travel between an engine and the page as text with these private-use characters
# around each match (never in real text): escaped, then turned into <mark>, only at the end.
MARK_START, MARK_END = "\ue000", "\ue001"


def marked_to_html(fragment):
    """A snippet with private-use markers -> escaped HTML with <mark>."""
    return escape(fragment).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def without_marks(text):
    """Indexed text never carries the markers, so a highlight cannot be forged from content."""
    return (text or "").replace(MARK_START, "").replace(MARK_END, "")


def normalise_prefix(prefix):
    """What autocomplete matches: whitespace collapsed, at most 60 characters."""
    return " ".join((prefix or "").split())[:60]


class EngineUnavailable(Exception):
    """The engine cannot answer now (cluster down, timed out). Callers fall back."""


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet -> tuple of selected values
    sort: str = "relevance"
    page: int = 1
    per_page: int = 12
    # Who is asking, as access keys: "public", "authenticated", "group:<id>" (see access.py).
    access: frozenset = frozenset({"public"})
    with_facets: bool = True
    # What the text means (search/understanding.py), worked out once by the service; an engine
    # asked directly works it out itself (``understood``).
    query: object = None
    # False: a result must match every group of the query. True: any group, those matching the
    # most groups first, then by relevance (the service's second pass when few match every word).
    relaxed: bool = False

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    def understood(self):
        if self.query is not None:
            return self.query
        from ..understanding import Query, understand

        return understand(self.text) if self.text.strip() else Query(text=self.text)

    def selected(self, facet):
        return tuple(self.filters.get(facet, ()))


@dataclass
class Hit:
    page_id: int
    score: float = 0.0
    highlights: list = field(default_factory=list)  # safe HTML fragments with <mark>


@dataclass
class FacetCount:
    value: str
    count: int
    label: str = ""
    selected: bool = False


def facet_counts(request, facet, counted):
    """A facet's ``FacetCount``s from (value, count) pairs, best first: each marked if selected, and
    a selected value that matches nothing listed too (with 0), so it can be unticked."""
    selected = set(request.selected(facet.name))
    counts = [FacetCount(value=value, count=count, selected=value in selected) for value, count in counted]
    present = {count.value for count in counts}
    counts += [FacetCount(value=value, count=0, selected=True) for value in sorted(selected - present)]
    return counts


@dataclass
class SearchResults:
    request: SearchRequest
    hits: list
    total: int
    facets: dict = field(default_factory=dict)  # facet -> [FacetCount]
    engine: str = ""
    degraded: bool = False  # answered by the fallback: results may be incomplete
    relaxed: bool = False  # no result had every word: these match some of them, most first
    every_word_count: int = 0  # how many matched every word, when relaxed (they come first)
    suggestion: str = ""  # "Did you mean": the text with its unknown words corrected
    only_common: bool = False  # every word typed was too common to search for: nothing searched


def nothing_to_search(request, engine):
    """The answer to a query whose every word is too common to search for: no results (on every
    engine alike), the selected facet values still listed so they can be unticked."""
    from .. import registry

    facets = {facet.name: facet_counts(request, facet, []) for facet in registry.facets()}
    return SearchResults(request=request, hits=[], total=0, facets=facets, engine=engine, only_common=True)


class SearchEngine:
    """What search/service.py needs from an engine. Documents are dicts (search/registry.py)."""

    name = "base"

    def search(self, request: SearchRequest) -> SearchResults:
        raise NotImplementedError

    def autocomplete(self, prefix: str, access: frozenset, limit: int = 8) -> list:
        """Titles and tags starting with ``prefix``: [{"label": ..., "kind": "title"|"tag", "page_id": ...}]."""
        raise NotImplementedError

    def related(self, page_id: int, access: frozenset, limit: int = 4) -> list:
        """Page ids of resources like this one, best first."""
        raise NotImplementedError

    def index(self, documents) -> int:
        raise NotImplementedError

    def remove(self, page_ids) -> None:
        raise NotImplementedError

    def rebuild(self, documents, progress=None) -> int:
        """Replace the whole index with ``documents`` without ever answering from an empty one."""
        raise NotImplementedError

    def status(self) -> dict:
        raise NotImplementedError
