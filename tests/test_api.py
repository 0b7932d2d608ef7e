"""The REST API at /api/v1/ (resources/api/, docs/api.md): what each caller sees, that its lists
mean what /search/ means, pages, conditional GETs, JSON errors, rate limits, the schema and its
docs page under the site's Content-Security-Policy."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from contributors.tokens import create_token, revoke
from resources.models import ChangePackagePage, CollectionItem, CollectionPage, ProtocolPage, Release, ToolPage
from search.presentation import results_context

from .builders import make_tool, network_only, public_resources

pytestmark = pytest.mark.django_db

WORD = "quokkaflight"  # in every hidden resource's title, so a search for it finds them if anything does


def get(client, path, token=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"} if token else {}
    return client.get(path, params, **headers)


def every_id(client, path, token=None, **params):
    ids, page = [], 1
    while True:
        body = get(client, path, token, page=page, page_size=100, **params).json()
        ids += [item["id"] for item in body["results"]]
        if not body["next"]:
            return ids
        page += 1


@pytest.fixture
def hidden():
    """A draft, a withdrawn (unpublished) resource and a network-only one, each with a release, and
    a member's token."""
    draft = make_tool(f"{WORD.title()} draft checklist", live=False, releases=1)
    withdrawn = make_tool(f"{WORD.title()} withdrawn checklist", releases=1)
    withdrawn.unpublish()
    network = make_tool(f"{WORD.title()} network checklist", licence=network_only()[0].licence, releases=1)
    _token, secret = create_token(draft.owner, "Tests")
    return {"draft": draft, "withdrawn": withdrawn, "network": network, "token": secret}


# Visibility -------------------------------------------------------------------------------------


def test_anonymous_callers_see_public_live_resources_only(client, hidden):
    listed = every_id(client, "/api/v1/resources/")
    assert sorted(listed) == sorted(public_resources().values_list("pk", flat=True))
    found = get(client, "/api/v1/resources/", q=WORD).json()
    assert found["count"] == 0 and found["results"] == []
    releases = every_id(client, "/api/v1/releases/")
    for name in ("draft", "withdrawn", "network"):
        page = hidden[name]
        assert page.pk not in listed
        response = get(client, f"/api/v1/resources/{page.pk}/")
        assert response.status_code == 404
        assert response.json()["detail"].startswith("No resource with this id is visible to you.")
        release = Release.objects.get(resource=page)
        assert release.pk not in releases
        assert get(client, f"/api/v1/releases/{release.pk}/").status_code == 404
        assert get(client, "/api/v1/releases/", resource=page.pk).json()["count"] == 0


def test_a_members_token_also_shows_network_only_resources_but_never_drafts_or_withdrawn_ones(client, hidden):
    token, network = hidden["token"], hidden["network"]
    listed = every_id(client, "/api/v1/resources/", token)
    assert network.pk in listed
    assert set(pk for pk in (page.pk for page in network_only())) <= set(listed)
    assert hidden["draft"].pk not in listed and hidden["withdrawn"].pk not in listed

    found = get(client, "/api/v1/resources/", token, q=WORD).json()
    assert [item["id"] for item in found["results"]] == [network.pk]
    assert found["results"][0]["access"] == "network"
    assert any("<mark>" in fragment for fragment in found["results"][0]["highlights"])

    detail = get(client, f"/api/v1/resources/{network.pk}/", token).json()
    assert detail["title"] == network.title and detail["licence"]["network_only"] is True
    release = Release.objects.get(resource=network)
    assert [item["version"] for item in detail["releases"]] == [release.label]
    download = detail["releases"][0]["files"][0]["download_url"]
    assert download == f"http://testserver{release.files.get().get_absolute_url()}"
    assert release.pk in every_id(client, "/api/v1/releases/", token)

    for name in ("draft", "withdrawn"):
        assert get(client, f"/api/v1/resources/{hidden[name].pk}/", token).status_code == 404
        release = Release.objects.get(resource=hidden[name])
        assert get(client, f"/api/v1/releases/{release.pk}/", token).status_code == 404


def test_a_revoked_token_is_refused_with_a_clear_message(client, hidden):
    token = hidden["token"]
    assert get(client, f"/api/v1/resources/{hidden['network'].pk}/", token).status_code == 200
    revoke(hidden["draft"].owner.personal_tokens.get())
    for path in ("/api/v1/resources/", f"/api/v1/resources/{hidden['network'].pk}/", "/api/v1/releases/"):
        response = get(client, path, token)
        assert response.status_code == 401
        body = response.json()
        assert body["code"] == "authentication_failed"
        assert "was revoked on" in body["detail"] and "/my/tokens/" in body["detail"]
    unknown = get(client, "/api/v1/resources/", "ict_not-a-token")
    assert unknown.status_code == 401 and "not one the commons issued" in unknown.json()["detail"]


def test_collections_list_only_the_items_the_caller_may_see(client, hidden):
    collection = CollectionPage.objects.live().order_by("pk").first()
    for name in ("draft", "withdrawn", "network"):
        CollectionItem.objects.create(collection=collection, resource=hidden[name], note=f"{name} note")
    public_items = [item.resource_id for item in collection.items.all() if item.resource_id not in
                    {hidden[name].pk for name in ("draft", "withdrawn", "network")}]

    anonymous = get(client, f"/api/v1/collections/{collection.pk}/").json()
    shown = [item["resource"]["id"] for item in anonymous["items"]]
    assert shown == [pk for pk in public_items if pk in set(public_resources().values_list("pk", flat=True))]
    member = get(client, f"/api/v1/collections/{collection.pk}/", hidden["token"]).json()
    assert hidden["network"].pk in [item["resource"]["id"] for item in member["items"]]
    assert hidden["draft"].pk not in [item["resource"]["id"] for item in member["items"]]
    assert hidden["withdrawn"].pk not in [item["resource"]["id"] for item in member["items"]]


def test_people_and_organisations_count_only_visible_resources_and_show_no_account(client, hidden):
    people = get(client, "/api/v1/people/", page_size=100).json()["results"]
    assert people and all("user" not in person and "email" not in person for person in people)
    organisation = hidden["network"].organisations.first() or network_only()[0].organisations.first()
    anonymous = get(client, f"/api/v1/organisations/{organisation.slug}/").json()
    member = get(client, f"/api/v1/organisations/{organisation.slug}/", hidden["token"]).json()
    assert anonymous["resource_count"] == len(anonymous["resources"])
    assert member["resource_count"] > anonymous["resource_count"]


# Search, filters, facets, pages -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["q=sick+day&condition=type-1-diabetes", "type=checklist&sort=newest", "q=transition"]
)
def test_the_list_means_what_search_means(client, query):
    """The same query string gives the same resources, in the same order, with the same facet counts."""
    request = RequestFactory().get(f"/search/?{query}")
    request.user = AnonymousUser()
    expected = results_context(request, per_page=12)
    body = client.get(f"/api/v1/resources/?{query}&page_size=12").json()
    assert body["count"] == expected["results"].total > 0
    assert [item["id"] for item in body["results"]] == [hit.page_id for hit, _page in expected["hits"]]
    for name, _title, counts in expected["facets"]:
        facet = next(facet for facet in body["facets"] if facet["name"] == name)
        assert [(v["value"], v["count"], v["selected"]) for v in facet["values"]] == [
            (count.value, count.count, count.selected) for count in counts
        ]


def test_pages_of_results(client):
    total = public_resources().count()
    first = get(client, "/api/v1/resources/", sort="newest", page_size=5).json()
    second = get(client, "/api/v1/resources/", sort="newest", page_size=5, page=2).json()
    assert first["count"] == second["count"] == total
    assert len(first["results"]) == len(second["results"]) == 5
    assert not {item["id"] for item in first["results"]} & {item["id"] for item in second["results"]}
    assert first["previous"] is None and "page=2" in first["next"] and "page_size=5" in first["next"]
    assert "page=" not in second["previous"].replace("page_size=", "") and "page_size=5" in second["previous"]
    assert len(get(client, "/api/v1/resources/", page_size=100000).json()["results"]) == min(total, 100)

    licences = get(client, "/api/v1/licences/", page_size=2).json()
    assert len(licences["results"]) == 2 and licences["next"]
    past = get(client, "/api/v1/licences/", page=99)
    assert past.status_code == 404 and "There is no page 99" in past.json()["detail"]


# Conditional GETs --------------------------------------------------------------------------------


def test_unchanged_responses_answer_304_and_a_change_gives_a_new_etag(client):
    resource = public_resources().order_by("pk").first().specific
    path = f"/api/v1/resources/{resource.pk}/"
    first = client.get(path)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "no-cache, public" or set(first["Cache-Control"].split(", ")) == {
        "no-cache", "public"}
    assert "Authorization" in first["Vary"]

    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    again = client.get(path, HTTP_IF_MODIFIED_SINCE=modified)
    assert again.status_code == 304 and again.content == b""
    assert client.get(path, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200

    resource.title = "Renamed for the conditional GET test"
    resource.save_revision().publish()
    changed = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed.json()["title"] == "Renamed for the conditional GET test"
    assert changed["ETag"] != etag
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=modified).status_code == 200
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=changed["Last-Modified"]).status_code == 304


def test_api_responses_are_never_kept_by_the_page_cache(client):
    for _ in range(2):
        response = client.get("/api/v1/resources/")
        assert response.status_code == 200 and "X-Page-Cache" not in response


def test_a_token_holders_responses_are_private(client, hidden):
    response = get(client, "/api/v1/resources/", hidden["token"])
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


# Errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, parameter, says",
    [
        ("condition=no-such-condition", "condition", "No condition is called no-such-condition. The values are:"),
        ("conditon=ibd", "conditon", "“conditon” is not a parameter of this list"),
        ("sort=cheapest", "sort", "“cheapest” is not a sort: use one of relevance, newest, reused, used, adopted."),
        ("page=abc", "page", "“abc” is not a page"),
        ("page_size=0", "page_size", "“0” is not a page size"),
    ],
)
def test_bad_filters_are_400_with_the_reason(client, query, parameter, says):
    response = client.get(f"/api/v1/resources/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["code"] == "bad_query"
    assert says in body["errors"][parameter][0]


def test_errors_are_json(client):
    missing = client.get("/api/v1/no-such-endpoint/")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/json"
    assert "There is no such endpoint" in missing.json()["detail"]
    assert client.get("/api/nothing-here").json()["code"] == "not_found"
    refused = client.post("/api/v1/resources/", {}, content_type="application/json")
    assert refused.status_code == 405 and refused.json()["detail"] == 'Method "POST" not allowed.'
    person = client.get("/api/v1/people/nobody-at-all/")
    assert person.status_code == 404 and person.json() == {
        "status": 404, "code": "not_found", "detail": "No person has this slug."
    }
    bad = client.get("/api/v1/releases/?resource=first")
    assert bad.status_code == 400 and "is not a resource id" in bad.json()["errors"]["resource"][0]


def test_too_many_requests_are_429_with_when_to_try_again(client):
    rates = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anonymous": "2/minute", "token": "5/minute"}}
    with override_settings(REST_FRAMEWORK=rates):
        address = {"REMOTE_ADDR": "10.13.13.13"}
        assert [client.get("/api/v1/licences/", **address).status_code for _ in range(2)] == [200, 200]
        refused = client.get("/api/v1/licences/", **address)
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 0
        body = refused.json()
        assert body["code"] == "throttled"
        assert "Too many requests" in body["detail"] and "Try again in" in body["detail"]
        # A caller cannot pass for another by naming an address (no proxy of ours is configured).
        assert client.get("/api/v1/licences/", HTTP_X_FORWARDED_FOR="10.99.99.99", **address).status_code == 429
        # Another caller has a bucket of their own.
        assert client.get("/api/v1/licences/", REMOTE_ADDR="10.13.13.14").status_code == 200


# Content -----------------------------------------------------------------------------------------


def test_a_resource_in_full(client):
    source = public_resources().filter(adaptations__isnull=False).distinct().order_by("pk").first()
    adaptation = source.adaptations.live().public().order_by("pk").first()
    body = client.get(f"/api/v1/resources/{adaptation.pk}/").json()
    assert body["lineage"]["adapted_from"][0]["id"] == source.pk
    assert adaptation.pk in [item["id"] for item in client.get(f"/api/v1/resources/{source.pk}/").json()[
        "lineage"]["adaptations"]]
    page = adaptation.specific
    assert body["title"] == page.title and body["summary"] == page.summary
    assert body["licence"]["spdx_id"] == page.licence.spdx_id
    assert [credit["person"]["name"] for credit in body["contributors"]] == [
        link.contributor.display_name for link in page.credited
    ]
    assert body["url"] == f"http://testserver{page.url}"
    for release, shown in zip(page.published_releases, body["releases"], strict=True):
        assert shown["version"] == release.label
        assert [file["sha256"] for file in shown["files"]] == [file.sha256 for file in release.files.all()]


def test_vocabularies_and_the_root(client):
    root = client.get("/api/v1/").json()
    assert root["docs"] == "http://testserver/api/docs/" and root["resources"] == "http://testserver/api/v1/resources/"
    conditions = client.get(root["conditions"]).json()["results"]
    assert "ibd" in [condition["slug"] for condition in conditions]
    assert client.get(root["vocabularies"]).json()["audiences"] == "http://testserver/api/v1/vocabularies/audiences/"
    phases = client.get(root["phases"]).json()["results"]
    assert phases[0] == {"slug": "aim", "name": "Set an aim"}


# Schema and docs ---------------------------------------------------------------------------------


def test_the_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    schema = (tmp_path / "schema.yaml").read_text()
    assert "/api/v1/resources/{page_id}/" in schema and "/admin/api/" not in schema
    assert "personalToken" in schema


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources, self.inline, self.styles, self._in_script = [], [], 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            if attrs.get("src"):
                self.sources.append(attrs["src"])
            else:
                self._in_script = True
        self.styles += tag == "style"

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append(data)


def test_the_docs_page_runs_under_the_content_security_policy(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1).split()
    assert "'self'" in script_src and "'unsafe-inline'" not in script_src
    parser = _Scripts()
    parser.feed(response.content.decode())
    # Nothing inline for the policy to refuse, every script from this site.
    assert parser.inline == [] and parser.styles == 0
    assert len(parser.sources) == 3 and all(src.startswith("/") and not src.startswith("//") for src in parser.sources)
    for src in parser.sources:
        if src.startswith(settings.STATIC_URL):
            assert finders.find(src.removeprefix(settings.STATIC_URL)), f"{src} is not among the static files"
        else:
            script = client.get(src)
            assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")
            assert "/api/schema/" in script.content.decode()
    assert client.get("/api/schema/").status_code == 200


# Query counts ------------------------------------------------------------------------------------


def test_the_list_and_a_resource_take_a_fixed_number_of_queries(client, hidden, django_assert_max_num_queries):
    token = hidden["token"]
    get(client, "/api/v1/resources/", token)  # the token's first use records when it was used
    counts = []
    for size in (3, 30):
        with CaptureQueriesContext(connection) as queries:
            assert len(get(client, "/api/v1/resources/", token, page_size=size).json()["results"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 22, counts  # the search, visibility, the token, one per prefetch
    for model in (ToolPage, ChangePackagePage, ProtocolPage):
        resource = model.objects.live().filter(releases__isnull=False).order_by("pk").first()
        with django_assert_max_num_queries(25):  # about 20: the page, its releases, credits, lineage, details
            assert get(client, f"/api/v1/resources/{resource.pk}/", token).json()["releases"]
    for path in ("/api/v1/releases/", "/api/v1/people/", "/api/v1/organisations/", "/api/v1/collections/"):
        with django_assert_max_num_queries(10):
            assert get(client, path, token, page_size=50).json()["results"], path



FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def test_usage_figures_per_resource_and_per_release(client):
    """What resource pages and the editors' report show (resources/usage/) is in the API too: views
    and downloads per resource, per release and per file, adaptations and reuse grants."""
    tool = make_tool("Usage in the API checklist", releases=2)
    older, newer = tool.releases.published().order_by("release_date")
    older_file = older.files.get()
    for _ in range(2):
        assert client.get(older_file.get_absolute_url(), HTTP_USER_AGENT=FIREFOX).status_code == 200
    for beacon in ({"page": tool.pk, "release": newer.pk}, {"page": tool.pk}):  # a release page, the resource's
        answer = client.post("/usage/views/", beacon, HTTP_USER_AGENT=FIREFOX, HTTP_ORIGIN="http://testserver")
        assert answer.status_code == 204

    detail = get(client, f"/api/v1/resources/{tool.pk}/").json()
    assert detail["usage"] == {"views": 2, "downloads": 2, "adaptations": 0, "grants": 0}
    by_version = {release["id"]: release for release in detail["releases"]}
    assert by_version[older.pk]["usage"] == {"views": 0, "downloads": 2}
    assert by_version[older.pk]["files"][0]["downloads"] == 2
    assert by_version[newer.pk]["usage"] == {"views": 1, "downloads": 0}

    listed = get(client, "/api/v1/resources/", q="Usage in the API checklist").json()["results"]
    assert [item["usage"]["downloads"] for item in listed if item["id"] == tool.pk] == [2]
    releases = get(client, "/api/v1/releases/", resource=tool.pk).json()["results"]
    assert sorted(release["usage"]["downloads"] for release in releases) == [0, 2]
    assert get(client, f"/api/v1/releases/{newer.pk}/").json()["usage"]["views"] == 1
