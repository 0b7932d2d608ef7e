"""The cluster engine: OpenSearch 2.x or Elasticsearch 8 behind one alias.

Everything the cluster receives is written once here with ``elasticsearch.dsl`` objects used only as
builders (``.to_dict()``); a small gateway per client (``gateways.py``) sends the JSON and turns every transport,
timeout and server error into ``EngineUnavailable`` so that search/service.py can fall back to the
embedded engine. Only features both products accept are used: no runtime fields, combined_fields,
point-in-time or vectors.

Queries are understood by search/understanding.py exactly as for the embedded engine (the same
groups of alternatives, the same relaxed second pass); user text only ever reaches the cluster as
the ``query`` of match-family queries, never a query parser.

Index lifecycle (kitsune's read/write aliases, reduced to what one resource index needs):
``<prefix>-resources`` is the alias every read and write goes through; concrete indices are
``<prefix>-resources-<UTC timestamp>``. ``rebuild`` loads a new concrete index (which carries the
alias ``<prefix>-resources-loading`` meanwhile, so page updates reach both), then moves the alias
in one atomic ``_aliases`` call and deletes the old index.
"""

import datetime
import logging
from urllib.parse import unquote, urlsplit

from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    MetaField,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch.dsl.response import Response

from .. import registry
from .base import (
    MARK_END,
    MARK_START,
    EngineUnavailable,
    Hit,
    SearchEngine,
    SearchResults,
    facet_counts,
    marked_to_html,
    normalise_prefix,
    nothing_to_search,
    without_marks,
)
from .gateways import BULK_TIMEOUT, WRITE_TIMEOUT, ClusterError, ElasticsearchGateway, NotFound, OpenSearchGateway

logger = logging.getLogger(__name__)

DEFAULT_PREFIX = "commons"
CHUNK_SIZE = 500
MAX_RESULT_WINDOW = 10_000  # index.max_result_window default on both products
FACET_SIZE = 200  # every value of a small vocabulary (a facet with `top` lists fewer)
HIGHLIGHT_FIELDS = ("body", "file_text", "summary")  # first one with a fragment wins, as in database.py

# Field boosts, mirroring the embedded engine's column weights (title > tags > summary > body > files).
TEXT_FIELDS = (
    "title^5",
    "tags.text^4",
    "summary^3",
    "body^2",
    "release_notes^2",
    "contributors^2",
    "file_text",
)
RELATED_FIELDS = ("title", "summary", "body", "tags")


# Analysis and mappings ------------------------------------------------------------------------

# Like the embedded SQLite tokenizer ("porter unicode61 remove_diacritics 2"): words of letters and
# digits, lowercased, accents folded, Porter-stemmed. Stop words are kept, as SQLite keeps them:
# a query made only of stop words still matches, and phrases keep every word.
english = analyzer(
    "commons_english",
    tokenizer="standard",
    filter=[
        token_filter("commons_possessive", type="stemmer", language="possessive_english"),
        "lowercase",
        "asciifolding",
        token_filter("commons_stemmer", type="stemmer", language="english"),
    ],
)
# Autocomplete: every word indexed as its prefixes (a token filter keeps them at the word's
# position, so a phrase query matches "word starts" in order); the query side is not n-grammed.
autocomplete_index = analyzer(
    "commons_autocomplete",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter("commons_edge_ngram", type="edge_ngram", min_gram=1, max_gram=20),
    ],
)
autocomplete_search = analyzer(
    "commons_autocomplete_search",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", token_filter("commons_truncate", type="truncate", length=20)],
)


def _autocomplete_field():
    return Text(analyzer=autocomplete_index, search_analyzer=autocomplete_search)


class CommonFields(Document):
    """The mapping of the fields every document has (``registry.DOCUMENT_FIELDS``); each facet adds a
    keyword field (``document_class``). Never saved through the DSL's connections: only
    ``Index.to_dict()`` is used."""

    page_id = Integer()
    title = Text(analyzer=english, fields={"autocomplete": _autocomplete_field(), "raw": Keyword()})
    # Offsets in the postings: the unified highlighter reads them instead of re-analysing long text.
    summary = Text(analyzer=english, index_options="offsets")
    body = Text(analyzer=english, index_options="offsets")
    file_text = Text(analyzer=english, index_options="offsets")
    release_notes = Text(analyzer=english)
    contributors = Text(analyzer=english)
    tags = Keyword(fields={"text": Text(analyzer=english), "autocomplete": _autocomplete_field()})
    access = Keyword()
    published_at = Date()
    latest_release_date = Date()
    reuse_count = Integer()
    download_count = Integer()
    use_count = Integer()
    adoption_count = Integer()

    class Meta:
        dynamic = MetaField("strict")


def index_body():
    """Settings and mappings of a concrete index (the same for both products)."""
    index = Index("resources")
    # One shard: exact facet counts and scores at this size; replicas only when there is a second node.
    index.settings(number_of_shards=1, auto_expand_replicas="0-1")
    index.document(document_class())
    return index.to_dict()


def facet_fields():
    """The document fields the declared facets read, besides the tags every document has."""
    fields = (facet.document_field for facet in registry.facets())
    return list(dict.fromkeys(field for field in fields if field != registry.TAGS_FIELD))


def document_class():
    """``CommonFields`` with a keyword field per declared facet."""
    return type("IndexedDocument", (CommonFields,), {name: Keyword() for name in facet_fields()})


# Documents ------------------------------------------------------------------------------------

TEXT_SOURCE_FIELDS = ("title", "summary", "body", "file_text", "release_notes")


def _iso(value):
    return value.isoformat() if value else None


def _keywords(value):
    """A facet value or list of them, without blanks (the embedded engine skips them too)."""
    if isinstance(value, (list, tuple)):
        return [item for item in dict.fromkeys(value) if item]
    return value or None


def to_source(document):
    """A documents.build() dict -> the JSON stored in the cluster (its ``_id`` is the page id)."""
    source = {"page_id": document["id"]}
    for field in TEXT_SOURCE_FIELDS:
        source[field] = without_marks(document.get(field))
    source["contributors"] = [without_marks(name) for name in document.get("contributors") or []]
    source["tags"] = list(document.get("tags") or [])
    for field in facet_fields():
        source[field] = _keywords(document.get(field))
    source["access"] = list(document.get("access") or [])
    source["published_at"] = _iso(document.get("published_at"))
    source["latest_release_date"] = _iso(document.get("latest_release_date"))
    source["reuse_count"] = document.get("reuse_count") or 0
    source["download_count"] = document.get("download_count") or 0
    source["use_count"] = document.get("use_count") or 0
    source["adoption_count"] = document.get("adoption_count") or 0
    return source


# Queries --------------------------------------------------------------------------------------


def _access_filter(access):
    return Q("terms", access=sorted(access))


def _alternative(words):
    if len(words) > 1:
        return Q("multi_match", query=" ".join(words), type="phrase", fields=list(TEXT_FIELDS))
    return Q("multi_match", query=words[0], type="best_fields", fields=list(TEXT_FIELDS))


def _group_query(group):
    return Q("bool", should=[_alternative(words) for words in group.alternatives], minimum_should_match=1)


# In a relaxed search each group a resource matches adds this much to its score, more than any
# relevance score reaches: those matching the most groups come first, then by relevance.
COVERAGE_WEIGHT = 10_000


def text_query(groups, relaxed=False):
    """Every group must match (AND); within a group any alternative (synonyms, variants, OR).
    Relaxed: at least one group (``minimum_should_match`` 1), scored by how many match, then by
    relevance over all the alternatives (which also gives the highlights)."""
    if not relaxed:
        return [_group_query(group) for group in groups]
    covered = [Q("constant_score", filter=_group_query(group), boost=COVERAGE_WEIGHT) for group in groups]
    relevance = Q("bool", should=[_alternative(words) for group in groups for words in group.alternatives])
    return [Q("bool", should=[*covered, relevance], minimum_should_match=1)]


def _facet_filters(request):
    """facet -> its filter: the selected values OR'ed. A facet the engines do not know matches
    nothing, as in the embedded engine."""
    filters = {}
    declared = {facet.name for facet in registry.facets()}
    unknown = sorted(facet for facet, values in request.filters.items() if values and facet not in declared)
    for facet in registry.facets():
        if request.selected(facet.name):
            filters[facet.name] = Q("terms", **{facet.document_field: list(request.selected(facet.name))})
    for facet in unknown:
        filters[facet] = Q("match_none")
    return filters


def _sort(request, has_text):
    """The declared sort's fields; by relevance, the score first."""
    sort, by_score = registry.sort(request.sort, has_text)
    order = [{name.lstrip("-"): {"order": "desc" if name.startswith("-") else "asc"}} for name in sort.order]
    if by_score:
        order = ["_score", *order]
    return order + [{"page_id": {"order": "asc"}}]  # the embedded engine's final "pk"


def _text_and_access(groups, access, facet_filters=(), relaxed=False):
    must = text_query(groups, relaxed)
    filters = [_access_filter(access), *facet_filters]
    return Q("bool", must=must, filter=filters) if must else Q("bool", filter=filters)


TOTAL_AGGREGATION = "total"  # not a facet name


def build_search(request):
    """The two searches for a SearchRequest, sent together in one ``_msearch`` (their
    ``to_dict()`` are the bodies sent):

    - the page of hits, filtered by the selection in its query; it does not count the matches,
      so the cluster may skip documents that cannot reach the page (block-max WAND);
    - the counts: the exact total and, with facets, the facet counts. It asks for no hits
      (``size: 0``), so nothing is scored and the shard request cache keeps it until the index
      next changes (and for every page of the same search)."""
    groups = request.understood().groups
    facet_filters = _facet_filters(request)
    hits = (
        Search()
        .query(_text_and_access(groups, request.access, facet_filters.values(), request.relaxed))
        .extra(track_total_hits=False)
        .source(False)
        .sort(*_sort(request, bool(groups)))
    )
    start = min(request.offset, MAX_RESULT_WINDOW)
    hits = hits[start : min(request.offset + request.per_page, MAX_RESULT_WINDOW)]
    if groups:
        hits = hits.highlight_options(
            type="unified",
            pre_tags=[MARK_START],
            post_tags=[MARK_END],
            number_of_fragments=1,
            fragment_size=160,
            order="score",
        ).highlight(*HIGHLIGHT_FIELDS)
    return [hits, build_count_search(groups, request.access, facet_filters, request.with_facets, request.relaxed)]


def build_count_search(groups, access, facet_filters, with_facets, relaxed=False):
    """The total, and the facets if asked. The query leaves the selection out, for the facets:
    with a selection, the total is a filter aggregation of all of it; without, the hit count.

    Disjunctive facets: each facet counts under the OTHER facets' selections only, so a facet
    with nothing else selected is a plain terms aggregation; the rest sit under a filter."""
    query = _text_and_access(groups, access, relaxed=relaxed)
    search = Search().query(query).extra(size=0, track_total_hits=not facet_filters)
    if facet_filters:
        search.aggs.bucket(TOTAL_AGGREGATION, "filter", filter=Q("bool", filter=list(facet_filters.values())))
    if not with_facets:
        return search
    for facet in registry.facets():
        others = [query for name, query in facet_filters.items() if name != facet.name]
        terms = {
            "field": facet.document_field,
            "size": facet.top or FACET_SIZE,
            "order": [{"_count": "desc"}, {"_key": "asc"}],
        }
        if others:
            search.aggs.bucket(facet.name, "filter", filter=Q("bool", filter=others)).bucket(
                "counts", "terms", **terms
            )
        else:
            search.aggs.bucket(facet.name, "terms", **terms)
    return search


def build_search_body(request):
    """The JSON bodies of a search, as sent in one ``_msearch`` (for tests and debugging)."""
    return [search.to_dict() for search in build_search(request)]


def _case_insensitive_prefix_regex(prefix):
    """A Lucene regular expression for "starts with ``prefix``, ignoring case" (terms ``include``)."""
    parts = []
    for char in prefix:
        lower, upper = char.lower(), char.upper()
        if lower != upper and len(lower) == 1 and len(upper) == 1:
            parts.append(f"[{lower}{upper}]")
        elif char.isalnum():
            parts.append(char)
        else:
            parts.append("\\" + char)
    return "".join(parts) + ".*"


def build_autocomplete(prefix, access, limit):
    """One request for both kinds of suggestion: titles are the hits (post_filter on
    title.autocomplete, alphabetical), tags an aggregation over the accessible resources with a tag
    word starting like the prefix, keeping the tags that start with it (as the embedded engine)."""
    prefix = normalise_prefix(prefix)
    search = (
        Search()
        .query(Q("bool", filter=[_access_filter(access)]))
        .post_filter(Q("match_phrase", **{"title.autocomplete": prefix}))
        .source(["title"])
        .sort({"title.raw": {"order": "asc"}}, {"page_id": {"order": "asc"}})
        .extra(track_total_hits=False)
    )[:limit]
    search.aggs.bucket("tags", "filter", filter=Q("match_phrase", **{"tags.autocomplete": prefix})).bucket(
        "counts",
        "terms",
        field="tags",
        size=limit,
        include=_case_insensitive_prefix_regex(prefix),
        order=[{"_count": "desc"}, {"_key": "asc"}],
    )
    return search


def build_autocomplete_body(prefix, access, limit=8):
    return build_autocomplete(prefix, access, limit).to_dict()


def build_related(page_id, access, limit):
    like = Q(
        "more_like_this",
        fields=list(RELATED_FIELDS),
        like=[{"_id": str(page_id)}],
        min_term_freq=1,
        min_doc_freq=2,
        max_query_terms=25,
    )
    query = Q("bool", must=[like], filter=[_access_filter(access)], must_not=[Q("ids", values=[str(page_id)])])
    return Search().query(query).source(False).extra(track_total_hits=False)[:limit]


def build_related_body(page_id, access, limit=4):
    return build_related(page_id, access, limit).to_dict()


# The engine -----------------------------------------------------------------------------------


def _timestamp():
    return datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S-%f")


class ClusterEngine(SearchEngine):
    def __init__(self, gateway, prefix=DEFAULT_PREFIX, refresh_writes=True):
        self.gateway = gateway
        self.name = gateway.name
        self.prefix = prefix
        self.alias = f"{prefix}-resources"
        self.loading_alias = f"{prefix}-resources-loading"
        # index()/remove() return once the change is searchable (bulk refresh=wait_for, at most the
        # 1 s refresh interval), as with the embedded engine: an editor who publishes then searches
        # finds the page. rebuild() does not wait per chunk; it refreshes once before the swap.
        self.refresh_writes = refresh_writes

    def __repr__(self):
        return f"<ClusterEngine {self.gateway!r} alias={self.alias}>"

    # Querying

    def _search(self, search):
        try:
            raw = self.gateway.search(self.alias, search.to_dict())
        except NotFound as exc:
            raise EngineUnavailable(f"{self.name}: no index {self.alias} yet (run `search_index rebuild`)") from exc
        return Response(search, raw)

    def search(self, request):
        if request.understood().only_common:
            return nothing_to_search(request, self.name)
        searches = build_search(request)
        try:
            # The counts (the second) ask for no hits: cached until the index changes.
            answers = self.gateway.msearch(self.alias, [search.to_dict() for search in searches], cached={1})
        except NotFound as exc:
            raise EngineUnavailable(f"{self.name}: no index {self.alias} yet (run `search_index rebuild`)") from exc
        hits = []
        for result in answers[0]["hits"]["hits"]:
            hit = Hit(page_id=int(result["_id"]), score=float(result.get("_score") or 0.0))
            highlight = result.get("highlight") or {}
            for field in HIGHLIGHT_FIELDS:
                fragments = [fragment for fragment in highlight.get(field, ()) if MARK_START in fragment]
                if fragments:
                    hit.highlights = [marked_to_html(fragments[0])]
                    break
            hits.append(hit)
        counts = answers[1]
        facets = self._facets(request, counts["aggregations"]) if request.with_facets else {}
        if TOTAL_AGGREGATION in counts.get("aggregations", {}):
            total = counts["aggregations"][TOTAL_AGGREGATION]["doc_count"]
        else:
            total = counts["hits"]["total"]["value"]
        return SearchResults(request=request, hits=hits, total=total, facets=facets, engine=self.name)

    def _facets(self, request, aggregations):
        facets = {}
        for facet in registry.facets():
            aggregation = aggregations[facet.name]
            buckets = aggregation["counts"]["buckets"] if "counts" in aggregation else aggregation["buckets"]
            counted = [(bucket["key"], bucket["doc_count"]) for bucket in buckets]
            facets[facet.name] = facet_counts(request, facet, counted)
        return facets

    def autocomplete(self, prefix, access, limit=8):
        if len(normalise_prefix(prefix)) < 2:
            return []
        response = self._search(build_autocomplete(prefix, access, limit))
        suggestions = [{"label": hit.title, "kind": "title", "page_id": int(hit.meta.id)} for hit in response]
        suggestions += [
            {"label": bucket.key, "kind": "tag", "page_id": None}
            for bucket in response.aggregations.tags.counts.buckets
        ]
        return suggestions[:limit]

    def related(self, page_id, access, limit=4):
        response = self._search(build_related(page_id, access, limit))
        return [int(hit.meta.id) for hit in response]

    # Indexing

    def _targets(self):
        """The concrete indices writes go to: the alias's, plus one being rebuilt."""
        indices = self.gateway.get_alias(f"{self.prefix}-resources*")
        return sorted(
            index for index, aliases in indices.items() if self.alias in aliases or self.loading_alias in aliases
        )

    def _new_index(self, aliases):
        name = f"{self.alias}-{_timestamp()}"
        body = index_body()
        body["aliases"] = {alias: {} for alias in aliases}
        self.gateway.create_index(name, body)
        return name

    def _write(self, operations, targets, timeout=WRITE_TIMEOUT, wait=None):
        lines = []
        for action, page_id, source in operations:
            for index in targets:
                lines.append({action: {"_index": index, "_id": str(page_id)}})
                if source is not None:
                    lines.append(source)
        if lines:
            wait = self.refresh_writes if wait is None else wait
            self.gateway.bulk(lines, timeout=timeout, refresh="wait_for" if wait else None)

    def index(self, documents):
        documents = list(documents)
        if not documents:
            return 0
        targets = self._targets() or [self._new_index([self.alias])]
        for start in range(0, len(documents), CHUNK_SIZE):
            chunk = documents[start : start + CHUNK_SIZE]
            self._write([("index", document["id"], to_source(document)) for document in chunk], targets)
        return len(documents)

    def remove(self, page_ids):
        page_ids = list(page_ids)
        targets = self._targets()
        if page_ids and targets:
            self._write([("delete", page_id, None) for page_id in page_ids], targets)

    def rebuild(self, documents, progress=None):
        existing = self.gateway.get_alias(f"{self.prefix}-resources*")
        old = sorted(index for index, aliases in existing.items() if self.alias in aliases)
        for index, aliases in sorted(existing.items()):
            if self.loading_alias in aliases and self.alias not in aliases:
                logger.warning("Dropping search index %s left over from an interrupted rebuild", index)
                self._drop(index)
        new = self._new_index([self.loading_alias])
        try:
            count = 0
            chunk = []
            for document in documents:
                chunk.append(("index", document["id"], to_source(document)))
                if len(chunk) == CHUNK_SIZE:
                    self._write(chunk, [new], timeout=BULK_TIMEOUT, wait=False)
                    count += len(chunk)
                    chunk = []
                    if progress:
                        progress(count)
            if chunk or not count:
                self._write(chunk, [new], timeout=BULK_TIMEOUT, wait=False)
                count += len(chunk)
                if progress:
                    progress(count)
            self.gateway.refresh(new)
            # One atomic call: readers see the old index until this moment, the new one after it.
            actions = [{"add": {"index": new, "alias": self.alias}}]
            actions += [{"remove": {"index": index, "alias": self.alias}} for index in old]
            actions.append({"remove": {"index": new, "alias": self.loading_alias}})
            self.gateway.update_aliases(actions)
        except BaseException:
            self._drop(new)
            raise
        for index in old:
            self._drop(index)
        return count

    def _drop(self, index):
        try:
            self.gateway.delete_index(index)
        except (NotFound, EngineUnavailable, ClusterError) as exc:
            logger.warning("Could not delete search index %s: %s", index, exc)

    def status(self):
        indices = sorted(self.gateway.get_alias(self.alias))
        status = {
            "engine": self.name,
            "url": self.gateway.url,
            "alias": self.alias,
            "index": ", ".join(indices) or "(none: run `search_index rebuild`)",
            "documents": self.gateway.count(self.alias) if indices else 0,
            "health": self.gateway.health().get("status"),
        }
        return status


# Configuration --------------------------------------------------------------------------------

SCHEMES = {
    "opensearch": (OpenSearchGateway, False),
    "opensearchs": (OpenSearchGateway, True),
    "elasticsearch": (ElasticsearchGateway, False),
    "elasticsearchs": (ElasticsearchGateway, True),
}


def engine_from_url(url):
    """``opensearch://[user:password@]host[:port][/indexprefix]`` (``opensearchs://`` for HTTPS),
    likewise ``elasticsearch://`` and ``elasticsearchs://``. No connection is made here.
    ``?refresh=false`` lets index()/remove() return before their changes are searchable."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise ValueError(
            f"SEARCH_URL scheme must be one of {', '.join(sorted(SCHEMES))} (or 'embedded'), not {scheme!r}"
        )
    if not parts.hostname:
        raise ValueError("SEARCH_URL needs a host, e.g. opensearch://127.0.0.1:9200")
    gateway_class, secure = SCHEMES[scheme]
    prefix = parts.path.strip("/") or DEFAULT_PREFIX
    if prefix != prefix.lower() or not all(char.isalnum() or char in "-_" for char in prefix) or prefix[0] in "-_":
        raise ValueError(f"The index prefix in SEARCH_URL must be lowercase letters, digits, - and _, not {prefix!r}")
    gateway = gateway_class(
        parts.hostname,
        parts.port or 9200,
        secure=secure,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )
    query = dict(pair.split("=", 1) for pair in parts.query.split("&") if "=" in pair)
    refresh = query.get("refresh", "wait_for").lower() not in ("false", "0", "no")
    return ClusterEngine(gateway, prefix=prefix, refresh_writes=refresh)
