"""The cluster engine without a cluster: the exact JSON it sends (golden bodies), how it reads
answers back, the alias swap of a rebuild, and that an unreachable cluster is an outage
(EngineUnavailable) within seconds for both clients."""

import datetime
import time
from dataclasses import replace

import pytest

from search.engines.base import MARK_END, MARK_START, EngineUnavailable, SearchRequest
from search.engines.cluster import (
    ClusterEngine,
    ElasticsearchGateway,
    NotFound,
    OpenSearchGateway,
    build_autocomplete_body,
    build_related_body,
    build_search_body,
    engine_from_url,
    index_body,
    to_source,
)
from search.text import parse, synonym_map
from search.understanding import Query

SYNONYMS = synonym_map([("PDSA", ["plan-do-study-act"])])


def understood(request):
    """``request`` with its query worked out as search/understanding.py would with ``SYNONYMS`` and
    an index that knows every word: these tests need no database."""
    return replace(request, query=Query(text=request.text, groups=parse(request.text, SYNONYMS).groups))
PUBLIC = frozenset({"public"})
FIELDS = ["title^5", "tags.text^4", "summary^3", "body^2", "release_notes^2", "contributors^2", "file_text"]
HIGHLIGHT = {
    "fields": {"body": {}, "file_text": {}, "summary": {}},
    "type": "unified",
    "pre_tags": ["\ue000"],
    "post_tags": ["\ue001"],
    "number_of_fragments": 1,
    "fragment_size": 160,
    "order": "score",
}
BY_COUNT = [{"_count": "desc"}, {"_key": "asc"}]


def facet_agg(field, size=200, filters=None):
    terms = {"terms": {"field": field, "order": BY_COUNT, "size": size}}
    if not filters:
        return terms  # nothing else selected: no filter to count under
    return {"filter": {"bool": {"filter": filters}}, "aggs": {"counts": terms}}


# Golden request bodies ------------------------------------------------------------------------


def test_text_with_a_synonym_and_a_phrase():
    request = SearchRequest(
        text='PDSA "pre-visit planning"',
        page=2,
        per_page=10,
        access=frozenset({"public", "authenticated"}),
        with_facets=False,
    )

    query = {
        "bool": {
            "must": [
                {
                    "bool": {
                        "should": [
                            {"multi_match": {"query": "pdsa", "type": "best_fields", "fields": FIELDS}},
                            {"multi_match": {"query": "plan do study act", "type": "phrase", "fields": FIELDS}},
                        ],
                        "minimum_should_match": 1,
                    }
                },
                {
                    "bool": {
                        "should": [
                            {"multi_match": {"query": "pre visit planning", "type": "phrase", "fields": FIELDS}},
                        ],
                        "minimum_should_match": 1,
                    }
                },
            ],
            "filter": [{"terms": {"access": ["authenticated", "public"]}}],
        }
    }

    assert build_search_body(understood(request)) == [
        {
            "query": query,
            "sort": ["_score", {"published_at": {"order": "desc"}}, {"page_id": {"order": "asc"}}],
            "track_total_hits": False,
            "from": 10,
            "size": 10,
            "_source": False,
            "highlight": HIGHLIGHT,
        },
        {
            # Without facets the counts are the exact total alone.
            "query": query,
            "size": 0,
            "track_total_hits": True,
        },
    ]


def test_filters_on_two_facets_narrow_the_hits_and_each_facet_counts_under_the_others():
    request = SearchRequest(text="sick", filters={"condition": ("ibd", "jia"), "type": ("tool",)}, sort="reused")
    condition = {"terms": {"condition": ["ibd", "jia"]}}
    tool = {"terms": {"type": ["tool"]}}
    access = {"terms": {"access": ["public"]}}
    must = [
        {
            "bool": {
                "should": [{"multi_match": {"query": "sick", "type": "best_fields", "fields": FIELDS}}],
                "minimum_should_match": 1,
            }
        }
    ]

    hits, counts = build_search_body(understood(request))

    # The hits: OR within a facet (one terms filter), AND across facets, in the query itself.
    assert hits == {
        "query": {"bool": {"must": must, "filter": [access, condition, tool]}},
        "sort": [
            {"reuse_count": {"order": "desc"}},
            {"download_count": {"order": "desc"}},
            {"published_at": {"order": "desc"}},
            {"page_id": {"order": "asc"}},
        ],
        "track_total_hits": False,
        "from": 0,
        "size": 12,
        "_source": False,
        "highlight": HIGHLIGHT,
    }
    # The counts: no hits (so the request cache keeps it); the total under the whole selection,
    # each facet under the others' selection.
    assert counts == {
        "query": {"bool": {"must": must, "filter": [access]}},
        "aggs": {
            "total": {"filter": {"bool": {"filter": [condition, tool]}}},
            "condition": facet_agg("condition", filters=[tool]),
            "type": facet_agg("type", filters=[condition]),
            "phase": facet_agg("phase", filters=[condition, tool]),
            "audience": facet_agg("audience", filters=[condition, tool]),
            "licence": facet_agg("licence", filters=[condition, tool]),
            "organisation": facet_agg("organisation", filters=[condition, tool]),
            "adoption": facet_agg("adoption", filters=[condition, tool]),
            "evidence": facet_agg("evidence", filters=[condition, tool]),
            "tag": facet_agg("tags", size=15, filters=[condition, tool]),
        },
        "size": 0,
        "track_total_hits": False,
    }


def test_facets_with_nothing_selected_are_plain_terms_aggregations():
    _, counts = build_search_body(understood(SearchRequest(text="sick")))

    assert counts["track_total_hits"] is True  # the total is the hit count
    assert counts["aggs"] == {
        "condition": facet_agg("condition"),
        "type": facet_agg("type"),
        "phase": facet_agg("phase"),
        "audience": facet_agg("audience"),
        "licence": facet_agg("licence"),
        "organisation": facet_agg("organisation"),
        "adoption": facet_agg("adoption"),
        "evidence": facet_agg("evidence"),
        "tag": facet_agg("tags", size=15),
    }


def test_empty_text_matches_everything_visible_newest_first_without_highlights():
    request = SearchRequest(text='  "" !? ', sort="relevance", filters={"tag": ("asthma",)})
    asthma = {"terms": {"tags": ["asthma"]}}

    assert build_search_body(understood(request)) == [
        {
            "query": {"bool": {"filter": [{"terms": {"access": ["public"]}}, asthma]}},
            "sort": [{"published_at": {"order": "desc"}}, {"page_id": {"order": "asc"}}],
            "track_total_hits": False,
            "from": 0,
            "size": 12,
            "_source": False,
        },
        {
            "query": {"bool": {"filter": [{"terms": {"access": ["public"]}}]}},
            "aggs": {
                "total": {"filter": {"bool": {"filter": [asthma]}}},
                "condition": facet_agg("condition", filters=[asthma]),
                "type": facet_agg("type", filters=[asthma]),
                "phase": facet_agg("phase", filters=[asthma]),
                "audience": facet_agg("audience", filters=[asthma]),
                "licence": facet_agg("licence", filters=[asthma]),
                "organisation": facet_agg("organisation", filters=[asthma]),
                "adoption": facet_agg("adoption", filters=[asthma]),
                "evidence": facet_agg("evidence", filters=[asthma]),
                "tag": facet_agg("tags", size=15),  # its own selection ignored
            },
            "size": 0,
            "track_total_hits": False,
        },
    ]


def test_an_unknown_facet_matches_nothing_and_empties_the_other_counts():
    hits, counts = build_search_body(understood(SearchRequest(text="sick", filters={"colour": ("red",)})))

    assert hits["query"]["bool"]["filter"][1:] == [{"match_none": {}}]
    assert counts["aggs"]["total"] == {"filter": {"bool": {"filter": [{"match_none": {}}]}}}
    assert counts["aggs"]["condition"] == facet_agg("condition", filters=[{"match_none": {}}])


def test_sort_newest_with_text_and_pages_beyond_the_result_window():
    body, _ = build_search_body(understood(SearchRequest(text="asthma", sort="newest", page=5000, with_facets=False)))

    assert body["sort"] == [{"published_at": {"order": "desc"}}, {"page_id": {"order": "asc"}}]
    assert (body["from"], body["size"]) == (10_000, 0)  # never more than index.max_result_window


def test_autocomplete_body():
    assert build_autocomplete_body("  Sick   d ", frozenset({"public", "group:3"}), limit=6) == {
        "query": {"bool": {"filter": [{"terms": {"access": ["group:3", "public"]}}]}},
        # Titles are the hits: word starts, in order.
        "post_filter": {"match_phrase": {"title.autocomplete": "Sick d"}},
        # Tags: among the visible resources with a tag word starting so, the tags that start so.
        "aggs": {
            "tags": {
                "filter": {"match_phrase": {"tags.autocomplete": "Sick d"}},
                "aggs": {
                    "counts": {
                        "terms": {
                            "field": "tags",
                            "include": "[sS][iI][cC][kK]\\ [dD].*",
                            "order": BY_COUNT,
                            "size": 6,
                        }
                    }
                },
            }
        },
        "sort": [{"title.raw": {"order": "asc"}}, {"page_id": {"order": "asc"}}],
        "track_total_hits": False,
        "size": 6,
        "_source": ["title"],
    }


def test_autocomplete_escapes_regular_expression_characters():
    body = build_autocomplete_body("c++ (2", PUBLIC)

    assert body["aggs"]["tags"]["aggs"]["counts"]["terms"]["include"] == "[cC]\\+\\+\\ \\(2.*"


def test_related_body():
    assert build_related_body(42, frozenset({"public", "authenticated"}), limit=4) == {
        "query": {
            "bool": {
                "must": [
                    {
                        "more_like_this": {
                            "fields": ["title", "summary", "body", "tags"],
                            "like": [{"_id": "42"}],
                            "min_term_freq": 1,
                            "min_doc_freq": 2,
                            "max_query_terms": 25,
                        }
                    }
                ],
                "filter": [{"terms": {"access": ["authenticated", "public"]}}],
                "must_not": [{"ids": {"values": ["42"]}}],
            }
        },
        "track_total_hits": False,
        "size": 4,
        "_source": False,
    }


def test_index_settings_and_mappings():
    body = index_body()
    analysis = body["settings"]["analysis"]
    properties = body["mappings"]["properties"]

    assert body["settings"]["number_of_shards"] == 1
    assert body["mappings"]["dynamic"] == "strict"
    assert analysis["analyzer"]["commons_english"]["filter"] == [
        "commons_possessive",
        "lowercase",
        "asciifolding",
        "commons_stemmer",
    ]
    assert analysis["filter"]["commons_edge_ngram"] == {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}
    assert properties["title"] == {
        "type": "text",
        "analyzer": "commons_english",
        "fields": {
            "autocomplete": {
                "type": "text",
                "analyzer": "commons_autocomplete",
                "search_analyzer": "commons_autocomplete_search",
            },
            "raw": {"type": "keyword"},
        },
    }
    assert properties["tags"]["type"] == "keyword"
    assert set(properties["tags"]["fields"]) == {"text", "autocomplete"}
    for field in ("condition", "type", "phase", "audience", "licence", "organisation", "access"):
        assert properties[field] == {"type": "keyword"}
    assert properties["published_at"] == properties["latest_release_date"] == {"type": "date"}
    assert properties["reuse_count"] == properties["download_count"] == {"type": "integer"}


# Documents and answers ------------------------------------------------------------------------


def document(**changes):
    base = {
        "id": 7,
        "title": "Sick day rules",
        "summary": "What to do",
        "body": f"Body {MARK_START}forged{MARK_END}",
        "tags": ["sick day", "type 1"],
        "condition": ["t1d"],
        "type": "",
        "phase": "test",
        "audience": [],
        "licence": "CC-BY-4.0",
        "organisation": ["north"],
        "contributors": ["Ana Ruiz"],
        "release_notes": "v1 first",
        "file_text": "",
        "published_at": datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC),
        "latest_release_date": datetime.date(2025, 2, 28),
        "reuse_count": 2,
        "download_count": 5,
        "access": ["public"],
    }
    base.update(changes)
    return base


def test_documents_become_sources_with_iso_dates_and_no_markers_or_blanks():
    source = to_source(document())

    assert source["page_id"] == 7
    assert source["body"] == "Body forged"
    assert source["type"] is None and source["audience"] == []
    assert source["tags"] == ["sick day", "type 1"]
    assert source["published_at"] == "2025-03-01T09:30:00+00:00"
    assert source["latest_release_date"] == "2025-02-28"
    assert set(source) == set(index_body()["mappings"]["properties"])


class FakeGateway:
    """Records calls; answers searches with ``answer`` and alias lookups with ``aliases``."""

    name = "opensearch"
    url = "http://fake:9200"

    def __init__(self, answer=None, aliases=None):
        self.answer = answer
        self.aliases = aliases or {}
        self.calls = []

    def search(self, index, body, timeout=None):
        self.calls.append(("search", index, body))
        if self.answer is None:
            raise NotFound("no such index")
        return self.answer

    def msearch(self, index, bodies, cached=(), timeout=None):
        self.calls.append(("msearch", index, bodies, set(cached)))
        if self.answer is None:
            raise NotFound("no such index")
        return self.answer[: len(bodies)]

    def get_alias(self, alias):
        self.calls.append(("get_alias", alias))
        return self.aliases

    def create_index(self, name, body):
        self.calls.append(("create_index", name, sorted(body["aliases"])))

    def bulk(self, operations, timeout=None, refresh=None):
        indices = {
            action["_index"] for line in operations for name, action in line.items() if name in ("index", "delete")
        }
        self.calls.append(("bulk", len(operations), indices, refresh))

    def refresh(self, index):
        self.calls.append(("refresh", index))

    def update_aliases(self, actions):
        self.calls.append(("update_aliases", actions))

    def delete_index(self, name):
        self.calls.append(("delete_index", name))


def test_answers_become_results_with_marked_highlights_and_disjunctive_facets(monkeypatch):
    hits = {
        "took": 3,
        "timed_out": False,
        "hits": {
            "max_score": 4.0,
            "hits": [
                {
                    "_index": "x",
                    "_id": "7",
                    "_score": 4.0,
                    "highlight": {
                        "summary": [f"a {MARK_START}sick{MARK_END} summary"],
                        "body": [f"<b>&{MARK_START}sick{MARK_END} day"],
                    },
                },
                {"_index": "x", "_id": "9", "_score": 1.5},
            ],
        },
    }
    counts = {
        "took": 1,
        "timed_out": False,
        "hits": {"hits": []},
        "aggregations": {
            "total": {"doc_count": 2},
            # The selected facet counts as a plain terms aggregation; the others under its filter.
            "condition": {"buckets": [{"key": "ibd", "doc_count": 2}]},
            **{
                facet: {"doc_count": 2, "counts": {"buckets": []}}
                for facet in ("type", "phase", "audience", "licence", "organisation", "adoption", "evidence", "tag")
            },
        },
    }
    gateway = FakeGateway([hits, counts])
    engine = ClusterEngine(gateway)

    results = engine.search(understood(SearchRequest(text="sick", filters={"condition": ("ibd", "jia")})))

    # One round trip: the hits, then the facet counts (request-cached).
    ((name, index, bodies, cached),) = gateway.calls
    assert (name, index, len(bodies), cached) == ("msearch", "commons-resources", 2, {1})

    assert [(hit.page_id, hit.score) for hit in results.hits] == [(7, 4.0), (9, 1.5)]
    assert results.hits[0].highlights == ["&lt;b&gt;&amp;<mark>sick</mark> day"]  # body first, escaped
    assert results.hits[1].highlights == []
    assert results.total == 2 and results.engine == "opensearch"
    assert [(c.value, c.count, c.selected) for c in results.facets["condition"]] == [("ibd", 2, True), ("jia", 0, True)]
    assert results.facets["tag"] == []


def test_a_missing_index_is_an_outage_so_the_embedded_engine_answers(monkeypatch):
    with pytest.raises(EngineUnavailable):
        ClusterEngine(FakeGateway(answer=None)).related(7, PUBLIC)
    with pytest.raises(EngineUnavailable):
        ClusterEngine(FakeGateway(answer=None)).search(understood(SearchRequest(text="sick")))


def test_rebuild_loads_a_new_index_then_swaps_the_alias_atomically_then_drops_the_old():
    gateway = FakeGateway(
        aliases={
            "commons-resources-old": ["commons-resources"],
            "commons-resources-crashed": ["commons-resources-loading"],
        }
    )
    engine = ClusterEngine(gateway)
    progress = []

    count = engine.rebuild((document(id=n) for n in range(1, 1202)), progress=progress.append)

    assert count == 1201 and progress == [500, 1000, 1201]
    names = [call[0] for call in gateway.calls]
    assert names == [
        "get_alias",
        "delete_index",
        "create_index",
        "bulk",
        "bulk",
        "bulk",
        "refresh",
        "update_aliases",
        "delete_index",
    ]
    assert gateway.calls[1] == ("delete_index", "commons-resources-crashed")
    _, new, aliases = gateway.calls[2]
    assert new.startswith("commons-resources-2") and aliases == ["commons-resources-loading"]
    # Chunks of 500 documents (two lines each), not waiting for refreshes: one refresh before the swap.
    assert gateway.calls[3] == ("bulk", 1000, {new}, None) and gateway.calls[5] == ("bulk", 402, {new}, None)
    assert gateway.calls[7] == (
        "update_aliases",
        [
            {"add": {"index": new, "alias": "commons-resources"}},
            {"remove": {"index": "commons-resources-old", "alias": "commons-resources"}},
            {"remove": {"index": new, "alias": "commons-resources-loading"}},
        ],
    )
    assert gateway.calls[8] == ("delete_index", "commons-resources-old")


def test_updates_during_a_rebuild_reach_the_old_and_the_new_index():
    gateway = FakeGateway(
        aliases={
            "commons-resources-old": ["commons-resources"],
            "commons-resources-new": ["commons-resources-loading"],
            "commons-resources-other": ["commons-resources-other"],
        }
    )

    ClusterEngine(gateway).index([document()])

    # Searchable when index() returns, like the embedded engine.
    assert gateway.calls[-1] == ("bulk", 4, {"commons-resources-old", "commons-resources-new"}, "wait_for")

    ClusterEngine(gateway, refresh_writes=False).remove([7, 8])

    assert gateway.calls[-1] == ("bulk", 4, {"commons-resources-old", "commons-resources-new"}, None)


def test_first_update_creates_the_index_and_alias():
    gateway = FakeGateway()

    ClusterEngine(gateway).index([document()])

    assert gateway.calls[1][0] == "create_index" and gateway.calls[1][2] == ["commons-resources"]
    assert gateway.calls[2][0] == "bulk"


# Configuration and outages --------------------------------------------------------------------


def test_engine_from_url():
    engine = engine_from_url("opensearchs://search%40commons:p%3Ass@search.example.org:9243/staging")

    assert engine.name == "opensearch" and isinstance(engine.gateway, OpenSearchGateway)
    assert engine.gateway.url == "https://search.example.org:9243"
    assert (engine.gateway.username, engine.gateway.password) == ("search@commons", "p:ss")
    assert engine.alias == "staging-resources"
    assert engine.gateway._client is None  # nothing connects until the first request
    assert "p:ss" not in repr(engine)

    engine = engine_from_url("elasticsearch://localhost")
    assert isinstance(engine.gateway, ElasticsearchGateway)
    assert engine.gateway.url == "http://localhost:9200" and engine.alias == "commons-resources"

    for bad in ("redis://localhost", "opensearch:///x", "opensearch://h/Upper"):
        with pytest.raises(ValueError):
            engine_from_url(bad)


@pytest.mark.parametrize("scheme", ["opensearch", "elasticsearch"])
def test_a_closed_port_is_an_outage_within_seconds(scheme):
    engine = engine_from_url(f"{scheme}://127.0.0.1:1")

    for call in (
        lambda: engine.gateway.search("commons-resources", {"query": {"match_all": {}}}),
        engine.gateway.health,
        lambda: engine.related(1, PUBLIC),
        lambda: engine.index([document()]),
    ):
        started = time.monotonic()
        with pytest.raises(EngineUnavailable):
            call()
        assert time.monotonic() - started < 5


@pytest.mark.parametrize("scheme", ["opensearch", "elasticsearch"])
def test_a_cluster_that_never_answers_is_an_outage_after_the_search_timeout(scheme):
    import socket

    with socket.socket() as silent:  # accepts connections (the kernel does) but never replies
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        engine = engine_from_url(f"{scheme}://127.0.0.1:{silent.getsockname()[1]}")

        started = time.monotonic()
        with pytest.raises(EngineUnavailable):
            engine.related(1, PUBLIC)
        elapsed = time.monotonic() - started

    assert 2 <= elapsed < 5  # the 2.5 s search timeout, once: no retry


class FakeCluster:
    """A tiny HTTP server that answers like a cluster and records what each gateway sends."""

    def __init__(self):
        import http.server
        import json
        import threading

        self.requests = []
        self.status = 200
        self.msearch_answer = {"hits": {"total": {"value": 0}, "hits": []}}
        cluster = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                lines = [json.loads(line) for line in raw.splitlines() if line.strip()]
                path, _, query = self.path.partition("?")
                cluster.requests.append((self.command, path, query, lines))
                if self.command == "HEAD":
                    body = b""
                elif path.endswith("/_bulk"):
                    body = json.dumps({"errors": False, "items": []}).encode()
                elif path.startswith("/_alias/"):
                    body = json.dumps({"commons-resources-1": {"aliases": {"commons-resources": {}}}}).encode()
                elif path.endswith("/_count"):
                    body = json.dumps({"count": 3}).encode()
                elif path == "/_cluster/health":
                    body = json.dumps({"status": "green"}).encode()
                elif path.endswith("/_msearch"):
                    answers = [cluster.msearch_answer for _ in lines[1::2]]
                    body = json.dumps({"responses": answers}).encode()
                else:
                    body = json.dumps({"acknowledged": True, "hits": {"total": {"value": 0}, "hits": []}}).encode()
                self.send_response(cluster.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_cluster():
    cluster = FakeCluster()
    yield cluster
    cluster.close()


@pytest.mark.parametrize("scheme", ["opensearch", "elasticsearch"])
def test_both_gateways_send_the_same_requests(scheme, fake_cluster):
    from search.engines.cluster import ClusterError

    gateway = engine_from_url(f"{scheme}://user:secret@127.0.0.1:{fake_cluster.port}").gateway

    gateway.create_index("commons-resources-1", {"settings": {"number_of_shards": 1}})
    gateway.bulk([{"index": {"_index": "commons-resources-1", "_id": "7"}}, {"title": "x"}], refresh="wait_for")
    assert gateway.get_alias("commons-resources*") == {"commons-resources-1": ["commons-resources"]}
    gateway.update_aliases([{"add": {"index": "commons-resources-1", "alias": "commons-resources"}}])
    gateway.search("commons-resources", {"query": {"match_all": {}}})
    assert len(gateway.msearch("commons-resources", [{"size": 1}, {"size": 0}], cached={1})) == 2
    gateway.refresh("commons-resources-1")
    assert gateway.count("commons-resources") == 3
    assert gateway.health()["status"] == "green"
    gateway.delete_index("commons-resources-0")

    sent = [(method, path, lines) for method, path, _, lines in fake_cluster.requests if path != "/"]
    assert sent == [
        ("PUT", "/commons-resources-1", [{"settings": {"number_of_shards": 1}}]),
        (
            "POST" if scheme == "opensearch" else "PUT",
            "/_bulk",
            [{"index": {"_index": "commons-resources-1", "_id": "7"}}, {"title": "x"}],
        ),
        ("GET", "/_alias/commons-resources*", []),
        ("POST", "/_aliases", [{"actions": [{"add": {"index": "commons-resources-1", "alias": "commons-resources"}}]}]),
        ("POST", "/commons-resources/_search", [{"query": {"match_all": {}}}]),
        ("POST", "/commons-resources/_msearch", [{}, {"size": 1}, {"request_cache": True}, {"size": 0}]),
        ("POST", "/commons-resources-1/_refresh", []),
        ("POST", "/commons-resources/_count", []),
        ("GET", "/_cluster/health", []),
        ("DELETE", "/commons-resources-0", []),
    ]
    assert [query for _, path, query, _ in fake_cluster.requests if path == "/_bulk"] == ["refresh=wait_for"]

    fake_cluster.status = 503
    with pytest.raises(EngineUnavailable):
        gateway.search("commons-resources", {})
    fake_cluster.status = 400
    with pytest.raises(ClusterError):
        gateway.search("commons-resources", {})
    fake_cluster.status = 404
    assert gateway.get_alias("commons-resources") == {}
    with pytest.raises(NotFound):
        gateway.search("commons-resources", {})

    # _msearch answers 200 with an error per refused search: the same translation.
    fake_cluster.status = 200
    for status, error in ((404, NotFound), (429, EngineUnavailable), (503, EngineUnavailable), (400, ClusterError)):
        fake_cluster.msearch_answer = {"error": {"type": "some_exception"}, "status": status}
        with pytest.raises(error):
            gateway.msearch("commons-resources", [{}])
