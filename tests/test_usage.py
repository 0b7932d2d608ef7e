"""Usage figures (resources/usage/, docs/usage.md): views counted by the page's beacon, downloads
where files are served, robots and prefetches left out, nothing about the visitor kept; the
figures on the resource page, in the editors' report, and as the "Most used" order of the library."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from resources.models import Release, ReuseRequest, ReuseStatus, UsageCount, UsageKind
from resources.usage import figures_for
from resources.usage.bots import is_robot_agent
from resources.usage.rollup import rollup, stale_pages

from .builders import make_tool, network_only, public_resources, resource_urls
from .conftest import login
from .html import read, visit

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Safari/537.36"
)
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Mobile/15E148 Safari/604.1"
)
EDGE = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Safari/537.36 Edg/131.0.0.0"
)
SAMSUNG = (
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 "
    "Chrome/122.0.0.0 Mobile Safari/537.36"
)
ROBOTS = {
    "search engine": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "rendering crawler": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0) Chrome/116",
    "AI crawler": "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
    "chat link preview": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "social link preview": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "headless browser": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0",
    "link checker": "W3C-checklink/5.0.0 libwww-perl/6.77",
    "uptime monitor": "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
    "script": "python-requests/2.32.3",
    "command line": "curl/8.5.0",
    "no user agent": "",
}


def beacon(client, page, release=None, agent=FIREFOX, **headers):
    data = {"page": page.pk} if release is None else {"page": page.pk, "release": release.pk}
    return client.post(reverse("usage_view"), data, HTTP_USER_AGENT=agent, **headers)


def views_of(page, release=None):
    rows = UsageCount.objects.filter(page=page, kind=UsageKind.VIEW, release=release)
    return sum(rows.values_list("count", flat=True))


@pytest.fixture
def tool(db):
    return make_tool("Usage counted checklist", releases=2)


# Views ------------------------------------------------------------------------------------------


def test_the_page_asks_for_its_beacon_and_a_view_counts_once(client, tool):
    response = client.get(tool.url)
    html = response.content.decode()
    assert '<script src="/static/js/usage.js" defer></script>' in html
    assert f'data-usage-page="{tool.pk}"' in html and 'data-usage-url="/usage/views/"' in html
    assert views_of(tool) == 0, "rendering the page counts nothing: the beacon does"

    answer = beacon(client, tool)

    assert answer.status_code == 204 and answer.content == b""
    assert views_of(tool) == 1
    assert UsageCount.objects.get(page=tool).day == datetime.date.today()
    assert figures_for([tool])[tool.pk].views == 1
    beacon(client, tool, agent=CHROME)
    assert UsageCount.objects.filter(page=tool).count() == 1, "one row per page and day"
    assert views_of(tool) == 2


@pytest.mark.parametrize("kind", ROBOTS)
def test_a_robot_is_not_counted(client, tool, kind):
    answer = beacon(client, tool, agent=ROBOTS[kind])
    assert answer.status_code == 204
    assert views_of(tool) == 0


@pytest.mark.parametrize("agent", [FIREFOX, CHROME, SAFARI_IPHONE, EDGE, SAMSUNG])
def test_people_s_browsers_are_not_taken_for_robots(agent):
    assert not is_robot_agent(agent)


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
        {"HTTP_X_PURPOSE": "preview"},
    ],
    ids=lambda headers: "+".join(f"{name}={value}" for name, value in headers.items()),
)
def test_a_prefetch_is_not_counted(client, tool, headers):
    assert beacon(client, tool, **headers).status_code == 204
    assert views_of(tool) == 0


def test_a_beacon_from_another_site_is_not_counted(client, tool):
    beacon(client, tool, HTTP_SEC_FETCH_SITE="cross-site")
    beacon(client, tool, HTTP_ORIGIN="https://elsewhere.example")
    assert views_of(tool) == 0
    beacon(client, tool, HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="http://testserver")
    assert views_of(tool) == 1


def test_a_beacon_for_what_the_visitor_may_not_see_counts_nothing_and_tells_nothing(client, tool):
    draft = make_tool("Usage draft", live=False)
    withdrawn = make_tool("Usage withdrawn")
    withdrawn.unpublish()
    members_only = network_only()[0]
    answers = [
        beacon(client, page)
        for page in (draft, withdrawn, members_only, type("Missing", (), {"pk": 987654})())
    ]
    answers.append(client.post(reverse("usage_view"), {"page": "not a number"}, HTTP_USER_AGENT=FIREFOX))
    visible = beacon(client, tool)
    assert {(answer.status_code, answer.content) for answer in [*answers, visible]} == {(204, b"")}
    assert not UsageCount.objects.exclude(page=tool).exists()
    assert client.get(reverse("usage_view")).status_code == 405, "a GET counts nothing either"

    # A member of the network may see the network-only resource: their view counts.
    assert beacon(login(Client(), "grace.lin"), members_only).status_code == 204
    assert views_of(members_only) == 1


def test_a_release_page_counts_views_per_release(client, tool):
    older, newer = tool.releases.published().order_by("release_date")
    html = client.get(older.get_absolute_url()).content.decode()
    assert f'data-usage-page="{tool.pk}" data-usage-release="{older.pk}"' in html
    beacon(client, tool, older)
    beacon(client, tool, older)
    beacon(client, tool, newer)
    other = make_tool("Another usage tool", releases=1)
    beacon(client, tool, other.releases.get())  # not a release of this resource
    assert views_of(tool, older) == 2 and views_of(tool, newer) == 1
    assert views_of(tool) == 0, "the resource page itself was not viewed"
    assert figures_for([tool])[tool.pk].views == 3, "a resource's views include its release pages"


# Downloads --------------------------------------------------------------------------------------


def test_a_download_counts_per_release_file(client, tool):
    older, newer = tool.releases.published().order_by("release_date")
    older_file, newer_file = older.files.get(), newer.files.get()
    for url in (older_file.get_absolute_url(), older_file.get_absolute_url(), newer_file.get_absolute_url()):
        response = client.get(url, HTTP_USER_AGENT=SAFARI_IPHONE)
        assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")

    downloads = dict(
        UsageCount.objects.filter(kind=UsageKind.DOWNLOAD).values_list("release_file", "count")
    )
    assert downloads == {older_file.pk: 2, newer_file.pk: 1}
    assert set(UsageCount.objects.filter(kind=UsageKind.DOWNLOAD).values_list("page", "release")) == {
        (tool.pk, older.pk), (tool.pk, newer.pk)
    }
    older_file.refresh_from_db()
    assert older_file.download_count == 2, "the file's running total moves with it"
    assert figures_for([tool])[tool.pk].downloads == 3


def test_robots_head_requests_and_resumed_downloads_are_not_counted(client, tool):
    release_file = tool.releases.published().first().files.get()
    url = release_file.get_absolute_url()
    assert client.get(url, HTTP_USER_AGENT=ROBOTS["search engine"]).status_code == 200
    assert client.head(url, HTTP_USER_AGENT=FIREFOX).status_code == 200
    assert client.get(url, HTTP_USER_AGENT=FIREFOX, HTTP_RANGE="bytes=500-").status_code == 200
    assert client.get(url, HTTP_USER_AGENT=FIREFOX, HTTP_PURPOSE="prefetch").status_code == 200
    release_file.refresh_from_db()
    assert release_file.download_count == 0
    assert not UsageCount.objects.filter(kind=UsageKind.DOWNLOAD).exists()
    client.get(url, HTTP_USER_AGENT=FIREFOX, HTTP_RANGE="bytes=0-")
    release_file.refresh_from_db()
    assert release_file.download_count == 1


# Privacy ----------------------------------------------------------------------------------------


def test_no_personal_data_is_stored(client, tool):
    fields = {field.name for field in UsageCount._meta.get_fields()}
    assert fields == {"id", "day", "kind", "page", "release", "release_file", "count"}
    answer = beacon(client, tool)
    assert not answer.cookies, "the beacon sets no cookie"
    assert "sessionid" not in client.cookies
    row = UsageCount.objects.values().get(page=tool)
    assert FIREFOX not in str(row) and "127.0.0.1" not in str(row)


# Figures on the page, and the cache ----------------------------------------------------------------


def test_the_figures_are_on_the_resource_page(client, tool):
    adaptation = make_tool("Adapted usage checklist", adapted_from=tool)
    make_tool("Unpublished adaptation", adapted_from=tool, live=False)
    requester = get_user_model().objects.get(username="tom.alvarez")
    ReuseRequest.objects.create(resource=tool, requester=requester, purpose="Our clinic", status=ReuseStatus.GRANTED)
    ReuseRequest.objects.create(resource=tool, requester=requester, purpose="Again", status=ReuseStatus.DECLINED)
    for _ in range(3):
        beacon(client, tool)
    client.get(tool.releases.published().first().files.get().get_absolute_url(), HTTP_USER_AGENT=FIREFOX)

    seen = visit(client, tool.url)

    assert seen.says("How it is used")
    assert seen.says("Views 3") and seen.says("Downloads 1")
    assert seen.says("Adapted by other teams 1"), "live adaptations only"
    assert seen.says("Permissions to reuse granted 1"), "granted requests only"
    assert adaptation.url in seen.hrefs
    assert figures_for([tool, adaptation]) == {
        tool.pk: figures_for([tool])[tool.pk],
        adaptation.pk: figures_for([adaptation])[adaptation.pk],
    }


def test_figures_for_many_pages_is_one_query():
    """One query whatever the number of pages, and the view restrictions once (two queries, kept
    on the request: a page that already asked who may see what pays only the one)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pages = list(public_resources()[:20])
    counts = []
    for some in (pages[:2], pages):
        with CaptureQueriesContext(connection) as queries:
            figures = figures_for(some)
        counts.append(len(queries))
        assert set(figures) == {page.pk for page in some}
    assert counts == [3, 3]


def test_cached_pages_are_still_served_from_the_cache_and_their_views_counted(client, tool):
    first = client.get(tool.url)
    second = client.get(tool.url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert b'data-usage-page="%d"' % tool.pk in second.content
    beacon(client, tool)
    assert views_of(tool) == 1, "a page served from the cache is counted all the same"
    assert client.get(tool.url)["X-Page-Cache"] == "hit", "counting does not purge the page"

    # The rollup indexes the resource again, which purges its page: the new figure shows.
    assert stale_pages() == [tool.pk]
    assert rollup() == [tool.pk]
    assert stale_pages() == []
    fresh = client.get(tool.url)
    assert fresh["X-Page-Cache"] == "miss" and read(fresh).says("Views 1")


def test_a_grant_purges_the_resource_page(client, tool):
    client.get(tool.url)
    requester = get_user_model().objects.get(username="tom.alvarez")
    request = ReuseRequest.objects.create(resource=tool, requester=requester, purpose="Our clinic")
    request.decide(get_user_model().objects.get(username="marcus.webb"), granted=True)
    response = client.get(tool.url)
    assert response["X-Page-Cache"] == "miss" and read(response).says("Permissions to reuse granted 1")


# The editors' report ------------------------------------------------------------------------------


def test_the_usage_report_for_an_editor(client, tool):
    older, newer = tool.releases.published().order_by("release_date")
    for _ in range(4):
        beacon(client, tool)
    beacon(client, tool, newer)
    client.get(newer.files.get().get_absolute_url(), HTTP_USER_AGENT=FIREFOX)
    old_day = UsageCount.objects.create(
        day=datetime.date.today() - datetime.timedelta(days=60), kind=UsageKind.VIEW, page=tool, count=100
    )

    seen = visit(login(client, "marcus.webb"), "/admin/reports/usage/")

    assert seen.says("Most viewed resources") and seen.says("Most downloaded resources")
    assert seen.says(f"{tool.title} 5 1 0 0"), "views in the last 30 days (page and release), downloads"
    assert seen.says(f"{tool.title} {newer.label} 1 1"), "the release's views and downloads"
    assert f"/admin/pages/{tool.pk}/edit/" in seen.hrefs
    assert visit(client, "/admin/reports/usage/?days=90").says(f"{tool.title} {5 + old_day.count} 1 0 0")
    assert "/admin/reports/usage/" in client.get("/admin/").content.decode(), "in the Reports menu"


def test_the_usage_report_is_refused_to_a_participant(client, tool):
    beacon(client, tool)
    response = login(client, "grace.lin").get("/admin/reports/usage/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert tool.title not in response.content.decode()
    assert "/admin/reports/usage/" not in client.get("/admin/").content.decode(), "not in her menu"
    assert not get_user_model().objects.get(username="grace.lin").has_perm("resources.view_usagecount")
    assert get_user_model().objects.get(username="olivia.chen").has_perm("resources.view_usagecount")


# "Most used" ---------------------------------------------------------------------------------------


def test_most_used_sort_on_the_embedded_engine(client):
    first, second, third = list(public_resources().filter(releases__published_at__isnull=False).distinct()[:3])
    for page, views in ((second, 5), (third, 3), (first, 1)):
        for _ in range(views):
            beacon(client, page)
    release_file = first.releases.published().first().files.first()
    for _ in range(6):  # 1 view and 6 downloads: the most used of the three
        client.get(release_file.get_absolute_url(), HTTP_USER_AGENT=FIREFOX)

    def listed(url):
        return [href for href in dict.fromkeys(visit(client, url).hrefs) if href in resource_urls()]

    before = listed("/library/?sort=used")
    assert before[:3] != [first.url, second.url, third.url], "the index has not been told yet"
    assert set(rollup()) == {first.pk, second.pk, third.pk}

    assert listed("/library/?sort=used")[:3] == [first.url, second.url, third.url]
    assert listed("/search/?sort=used")[:3] == [first.url, second.url, third.url]
    assert "Most used" in visit(client, "/library/?sort=used")


def test_releases_are_counted_only_when_published(client, tool):
    draft_release = Release.objects.create(
        resource=tool, label="9.0", release_date=datetime.date(2026, 12, 1), change_notes="Not yet."
    )
    beacon(client, tool, draft_release)
    assert views_of(tool, draft_release) == 0


def test_view_counting_can_be_turned_off(client, tool, settings):
    settings.USAGE_COUNT_VIEWS = False
    html = client.get(tool.url).content.decode()
    assert "usage.js" not in html and "data-usage-page" not in html
    assert beacon(client, tool).status_code == 204
    assert views_of(tool) == 0
    assert visit(client, tool.url).says("Views 0"), "the figures are still shown"
