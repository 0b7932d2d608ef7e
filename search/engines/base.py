"""The contract every search engine answers, whatever is behind it."""

from dataclasses import dataclass, field

from django.utils.html import escape

# The facets people filter by, in the order the page shows them. OR within a facet, AND across.
FACETS = ("condition", "type", "phase", "audience", "licence", "organisation", "tag")
SORTS = ("relevance", "newest", "reused")
ACCESS_FACET = "_access"
TOP_TAGS = 15  # the tag facet lists the most used; the other vocabularies are small

# Highlights travel between an engine and the page as text with these private-use characters
# around each match (never in real text): escaped, then turned into <mark>, only at the end.
MARK_START, MARK_END = "\ue000", "\ue001"


def marked_to_html(fragment):
    """A snippet with private-use markers -> escaped HTML with <mark>."""
    return escape(fragment).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def without_marks(text):
    """Indexed text never carries the markers, so a highlight cannot be forged from content."""
    return (text or "").replace(MARK_START, "").replace(MARK_END, "")


def document_field(facet):
    """The document's field a facet reads (the tag facet reads the list of tags)."""
    return "tags" if facet == "tag" else facet


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

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

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


@dataclass
class SearchResults:
    request: SearchRequest
    hits: list
    total: int
    facets: dict = field(default_factory=dict)  # facet -> [FacetCount]
    engine: str = ""
    degraded: bool = False  # answered by the fallback: results may be incomplete


class SearchEngine:
    """What search/service.py needs from an engine. Documents are dicts from documents.py."""

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
