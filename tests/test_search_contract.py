"""ONE contract for every search engine: the same test functions, parametrized over the embedded
engine (always) and each cluster named in the environment (OPENSEARCH_URL, ELASTICSEARCH_URL;
CI starts a real OpenSearch node). See README, "Search"."""

import os

import pytest
from django.test import override_settings

from resources.indexing import access
from resources.indexing.documents import build, searchable_pages
from resources.models import ResourcePage, ToolPage
from search import registry, service
from search.engines.base import SearchRequest
from search.engines.database import DatabaseEngine

from .builders import make_tool

PUBLIC = frozenset({access.PUBLIC})

CLUSTERS = [
    (name, os.environ[variable])
    for name, variable in (("opensearch", "OPENSEARCH_URL"), ("elasticsearch", "ELASTICSEARCH_URL"))
    if os.environ.get(variable)
]
ENGINES = ["embedded"] + [name for name, _ in CLUSTERS]


def cluster_url(name):
    return dict(CLUSTERS)[name]


@pytest.fixture(scope="module")
def cluster_engines(django_db_setup, django_db_blocker):
    """Each configured cluster, indexed from the demo network once for this module."""
    from search.engines.cluster import engine_from_url

    engines = {}
    with django_db_blocker.unblock():
        for name, url in CLUSTERS:
            engine = engine_from_url(url)
            engine.rebuild(build(page) for page in searchable_pages())
            engines[name] = engine
    return engines


@pytest.fixture(params=ENGINES)
def engine(request, db, cluster_engines):
    if request.param == "embedded":
        yield DatabaseEngine()
        return
    engine = cluster_engines[request.param]
    engine.test_page_ids = set()
    yield engine
    # The database rolls back after each test; the cluster index does not, so undo by hand.
    engine.remove(engine.test_page_ids)


def titles(engine, text, **kwargs):
    results = engine.search(SearchRequest(text=text, access=kwargs.pop("access", PUBLIC), **kwargs))
    pages = dict(ResourcePage.objects.filter(pk__in=[hit.page_id for hit in results.hits]).values_list("pk", "title"))
    return [pages[hit.page_id] for hit in results.hits], results


@pytest.mark.parametrize(
    "query, expected",
    [
        ("pre-visit planning", "Pre-visit planning checklist"),
        ("methotrexate", "Methotrexate"),
        ("sick day rules", "ick-day rules"),
        ("interstage home monitoring", "Interstage home monitoring"),
        ("PDSA", "PDSA"),
        ("plan do study act", "PDSA"),  # the synonym, the other way round
        ('"red flag" card', "red-flag card"),  # a phrase
        ("uveitis screening", "uveitis"),
        ("transition readiness", "ransition readiness"),
    ],
)
def test_relevance_expected_resource_in_top_three(engine, query, expected):
    found, results = titles(engine, query)
    assert results.total > 0
    assert any(expected.lower() in title.lower() for title in found[:3]), found[:5]


def test_title_outranks_body_only_mentions(engine):
    found, _ = titles(engine, "methotrexate")
    assert "methotrexate" in found[0].lower()


def test_stemming_finds_other_forms(engine):
    singular, _ = titles(engine, "checklist")
    plural, _ = titles(engine, "checklists")
    assert set(plural[:5]) & set(singular[:5])


def test_empty_query_lists_everything_visible_with_facets(engine):
    results = engine.search(SearchRequest(text="", access=PUBLIC, per_page=100))
    public = ResourcePage.objects.live().public().count()
    assert results.total == public == len(results.hits)
    condition_counts = {count.value: count.count for count in results.facets["condition"]}
    for slug, count in condition_counts.items():
        assert count == ResourcePage.objects.live().public().filter(conditions__slug=slug).count()
    assert set(results.facets) == {facet.name for facet in registry.facets()}


def test_or_within_a_facet_and_across_facets(engine):
    base = ResourcePage.objects.live().public()
    ibd_or_jia = engine.search(SearchRequest(filters={"condition": ("ibd", "jia")}, access=PUBLIC))
    assert ibd_or_jia.total == base.filter(conditions__slug__in=["ibd", "jia"]).distinct().count()
    narrowed = engine.search(
        SearchRequest(filters={"condition": ("ibd", "jia"), "type": ("checklist",)}, access=PUBLIC)
    )
    expected = base.filter(conditions__slug__in=["ibd", "jia"], resource_type__slug="checklist").distinct()
    assert narrowed.total == expected.count() and narrowed.total < ibd_or_jia.total
    # A facet's counts ignore its own selection, so every condition still shows what it would add.
    counts = {count.value: count for count in narrowed.facets["condition"]}
    assert counts["ibd"].selected and counts["jia"].selected
    assert counts["single-ventricle"].count == base.filter(
        conditions__slug="single-ventricle", resource_type__slug="checklist"
    ).count()


def test_highlights_contain_the_term(engine):
    _, results = titles(engine, "ketones")
    assert results.hits
    assert any("<mark>" in fragment and "ketone" in fragment.lower() for fragment in results.hits[0].highlights)


def sync(engine, *pages):
    """What indexing does on publish and unpublish, done directly to the engine under test."""
    ids = [page.pk for page in pages]
    getattr(engine, "test_page_ids", set()).update(ids)
    live = list(searchable_pages().filter(pk__in=ids))
    engine.index([build(page) for page in live])
    engine.remove(set(ids) - {page.pk for page in live})


def test_highlights_are_escaped(engine):
    tool = make_tool("Escaping check", summary="A <script>alert(1)</script> <b>summary</b> about zebrafish.")
    sync(engine, tool)
    _, results = titles(engine, "zebrafish")
    html = " ".join(results.hits[0].highlights)
    assert "<script>" not in html and "<b>" not in html


def test_autocomplete_titles_and_tags(engine):
    suggestions = engine.autocomplete("methotr", PUBLIC)
    assert any(s["kind"] == "title" and "Methotrexate" in s["label"] for s in suggestions)
    tags = engine.autocomplete("pre-vis", PUBLIC)
    assert any(s["kind"] == "tag" and s["label"] == "pre-visit planning" for s in tags)


def test_related_resources_share_subject(engine):
    tool = ToolPage.objects.live().public().get(slug="ibd-pre-visit-planning-checklist")
    related = engine.related(tool.pk, PUBLIC)
    assert related and tool.pk not in related
    related_titles = " ".join(ResourcePage.objects.filter(pk__in=related).values_list("title", flat=True)).lower()
    assert "pre-visit" in related_titles or "huddle" in related_titles


def test_sort_newest_and_pagination(engine):
    first = engine.search(SearchRequest(sort="newest", access=PUBLIC, per_page=5))
    second = engine.search(SearchRequest(sort="newest", access=PUBLIC, per_page=5, page=2))
    dates = dict(ResourcePage.objects.values_list("pk", "first_published_at"))
    ordered = [dates[hit.page_id] for hit in first.hits + second.hits]
    assert ordered == sorted(ordered, reverse=True)
    assert not {hit.page_id for hit in first.hits} & {hit.page_id for hit in second.hits}


def network_only_ids():
    return set(ResourcePage.objects.filter(licence__network_only=True).values_list("pk", flat=True))


def test_network_only_resources_only_for_members(engine):
    hidden = network_only_ids()
    assert hidden
    everyone = engine.search(SearchRequest(access=PUBLIC, per_page=200))
    assert not hidden & {hit.page_id for hit in everyone.hits}
    from django.contrib.auth.models import Group

    member = frozenset({access.PUBLIC, access.AUTHENTICATED, *(access.group_key(g.pk) for g in Group.objects.all())})
    members = engine.search(SearchRequest(access=member, per_page=200))
    assert hidden <= {hit.page_id for hit in members.hits}
    public_page = ResourcePage.objects.live().public().order_by("pk").first()
    assert not hidden & set(engine.related(public_page.pk, PUBLIC))
    suggestions = engine.autocomplete(ResourcePage.objects.get(pk=min(hidden)).title[:12], PUBLIC)
    assert all(s["page_id"] not in hidden for s in suggestions)


def test_drafts_and_unpublished_pages_are_never_returned(engine):
    draft = make_tool("Quokka draft protocol", live=False)
    live = make_tool("Quokka live handout")
    sync(engine, draft, live)
    found, _ = titles(engine, "quokka")
    assert found == ["Quokka live handout"]
    live.unpublish()
    sync(engine, draft, live)
    found, _ = titles(engine, "quokka")
    assert found == []


def test_a_long_query_without_spaces_answers(engine):
    results = engine.search(SearchRequest(text="a" * 100_000, access=PUBLIC))
    assert results.total == 0


CLUSTER_PARAMS = [name for name, _ in CLUSTERS] or [
    pytest.param("none", marks=pytest.mark.skip(reason="no cluster configured"))
]


@pytest.mark.parametrize("cluster", CLUSTER_PARAMS)
def test_rebuild_swaps_the_alias_while_search_keeps_answering(cluster, db):
    from search.engines.cluster import engine_from_url

    engine = engine_from_url(cluster_url(cluster))
    full = engine.search(SearchRequest(access=PUBLIC)).total
    seen = []

    def query_during_rebuild(count):
        seen.append(engine.search(SearchRequest(access=PUBLIC)).total)

    engine.rebuild((build(page) for page in searchable_pages()), progress=query_during_rebuild)
    assert seen and all(total == full for total in seen)
    assert engine.search(SearchRequest(access=PUBLIC)).total == full


def test_cluster_outage_falls_back_to_embedded(db, client, caplog):
    with override_settings(SEARCH_URL="opensearch://127.0.0.1:1"):
        service._engines.clear()
        results = service.search(SearchRequest(text="methotrexate", access=PUBLIC))
        assert results.degraded and results.total > 0
        response = client.get("/search/?q=methotrexate")
        assert response.status_code == 200
        assert "may be incomplete" in response.content.decode()
        service.search(SearchRequest(text="pdsa", access=PUBLIC))
    service._engines.clear()
    outage_logs = [r for r in caplog.records if "unavailable" in r.getMessage().lower()]
    assert len(outage_logs) == 1


@pytest.mark.parametrize("cluster", CLUSTER_PARAMS)
def test_search_falls_back_when_the_cluster_stops_and_comes_back(cluster, cluster_engines, db, client, caplog):
    """The real node, reached through a forwarder that is stopped mid-run and started again."""
    from urllib.parse import urlsplit

    from .tcp_proxy import TcpProxy

    target = urlsplit(cluster_url(cluster))
    proxy = TcpProxy(target.hostname, target.port).start()
    query = SearchRequest(text="methotrexate", access=PUBLIC)
    try:
        with override_settings(SEARCH_URL=f"{target.scheme}://127.0.0.1:{proxy.port}{target.path}"):
            service._engines.clear()
            answered = service.search(query)
            assert not answered.degraded and answered.total > 0
            caplog.clear()  # count what the outage and the recovery log

            proxy.stop()
            fallback = service.search(query)
            assert fallback.degraded and fallback.total == answered.total
            response = client.get("/search/?q=methotrexate")
            assert response.status_code == 200 and "may be incomplete" in response.content.decode()

            proxy.start()
            again = service.search(query)
            assert not again.degraded and again.total == answered.total
    finally:
        proxy.stop()
        service._engines.clear()
    messages = [record.getMessage().lower() for record in caplog.records if record.name == "search.service"]
    assert sum("unavailable" in message for message in messages) == 1, "logged once, not per request"
    assert sum("answering again" in message for message in messages) == 1


# What a query finds or not must not depend on the engine: common words, bare numbers, codes with
# digits, typos, spellings and compounds are understood once (search/understanding.py), and every
# engine gets the same groups. (Through the service, as the search page asks: with its second,
# relaxed pass.)
AGREEMENT = [
    ("the of and", False),  # only common words: nothing to search for
    ("what is it", False),
    ("1", False),  # a bare number says nothing alone (release labels are "1.0")
    ("zzqxv", False),
    ("PHQ-9", True),
    ("PHQ9", True),  # a code typed joined, written with a hyphen
    ("phq 9", True),
    ("HbA1c", True),
    ("A1c", True),  # inside the longer code
    ("checklsit", True),  # a typo
    ("behavior", True),  # the demo writes "behaviour"
    ("pediatric", True),  # and "paediatric"
    ("previsit", True),  # and "pre-visit"
    ("pre visit", True),
    ("how do we get families to fill in the pre-visit form", True),  # a question: no result has every word
    ("plan do study act", True),  # a synonym of several words, unquoted
]


@pytest.fixture(params=ENGINES)
def configured(request, db, cluster_engines):
    """SEARCH_URL naming each engine in turn (clusters indexed once for the module)."""
    url = "embedded" if request.param == "embedded" else cluster_url(request.param)
    with override_settings(SEARCH_URL=url):
        yield request.param


@pytest.mark.parametrize("text, finds", AGREEMENT)
def test_every_engine_agrees_on_whether_a_query_finds_anything(configured, text, finds):
    results = service.search(SearchRequest(text=text, access=PUBLIC))
    assert not results.degraded, "the configured engine answered"
    assert (results.total > 0) == finds, f"{configured}: {results.total} results for {text!r}"
