"""Query counts of the public pages are pinned, and do not grow as the library grows.

Each count is taken on a warm request (the first request fills Wagtail's site-root cache). The
bounds sit a few queries above what was measured on the demo network; a change that adds queries
should move them deliberately.
"""

import datetime

import pytest
from django.db import transaction
from django.test import Client
from wagtail.models import PageViewRestriction

from contributors.models import ContributorProfile, Organisation
from resources.models import (
    ChangePackagePage,
    CollectionItem,
    HomePage,
    Licence,
    ProtocolPage,
    ResourcePage,
    Series,
    ToolPage,
)

from .builders import add_release, make_tool
from .conftest import login
from .html import count_queries, read, visit

pytestmark = pytest.mark.django_db

PERSON, ORGANISATION = "grace-lin", "northfield-childrens"

# (page, signed in as): the most queries a warm request may make. Measured on the demo network
# (see the report with this suite): home 19, library 22, tool 32, change package 35, protocol 33,
# collection 17, person 11, organisation 13. The library is a search: a count, a page of ids and one
# count per facet (7), in place of the old filter form; facet labels are cached. Resource pages
# include "Related resources": their cards (6, as for any list); the engine's related ids (2 queries)
# are kept per access and index generation (search.service.related), so a warm request skips them.
# Anonymous pages are counted as rendered (a page-cache miss: count_queries clears it), including
# the page cache's look-ups of what the page shows, to purge it when that changes (resources/page_cache.py:
# organisations, linked pages, restrictions: 2 queries on a resource page, 1 on a collection). A hit costs none.
# Change package and tool pages read the centres' series they may show as evidence (1 query; with
# series, their points and notes: 2 more, whatever their number; their charts are kept drawn,
# resources/evidence/chart_cache.py). Signed in (a participant, who may see network series and add
# their centre's): the page cache does not answer, so the Evidence section, the adoption form and the
# diagram are worked out on every request; measured tool 42, change package 44, with charts 44.
# Wagtail's userbar is not drawn for a participant on someone else's page (commons_site/templatetags/
# site_userbar.py): it would add 5.
MAX_QUERIES = {
    ("home", None): 26,
    ("library", None): 25,
    ("library", "grace.lin"): 40,
    ("tool", None): 36,
    ("change package", None): 39,
    ("tool", "grace.lin"): 44,
    ("change package", "grace.lin"): 46,
    ("change package with charts", None): 42,
    ("change package with charts", "grace.lin"): 46,
    ("protocol", None): 36,
    ("collection", None): 21,
    ("person", None): 14,
    ("organisation", None): 16,
}


def measured_tool():
    return ToolPage.objects.live().public().filter(releases__isnull=False).order_by("pk").first()


def page_urls():
    return {
        "home": "/",
        "library": "/library/",
        "tool": measured_tool().url,
        "change package": ChangePackagePage.objects.live().public().order_by("pk").first().url,
        # The demo's first package with a public centre's series: its Evidence section draws charts.
        "change package with charts": Series.objects.filter(visibility="public", measure__page__live=True)
        .order_by("pk").first().measure.page.url,
        "protocol": ProtocolPage.objects.live().public().order_by("pk").first().url,
        "collection": HomePage.objects.get().featured_collection.url,
        "person": f"/people/{PERSON}/",
        "organisation": f"/organisations/{ORGANISATION}/",
    }


def measure_all():
    urls = page_urls()
    return {(name, user): count_queries(login(Client(), user), urls[name])[0] for name, user in MAX_QUERIES}


def ids(key):
    name, user = key
    return f"{name}, {user}" if user else name


@pytest.mark.parametrize("key", MAX_QUERIES, ids=ids)
def test_query_count_is_pinned(key, django_assert_max_num_queries):
    name, user = key
    client = login(Client(), user)
    url = page_urls()[name]
    assert client.get(url).status_code == 200  # warm up
    with django_assert_max_num_queries(MAX_QUERIES[key]):
        response = client.get(url)
    assert response.status_code == 200
    assert "Improvement Commons" in response.content.decode()


def test_signed_in_query_count_does_not_grow_with_network_only_resources():
    """The user's groups are fetched once per request, not once per view restriction: lists cost
    the same whatever the number of network-only resources."""
    client = login(Client(), "grace.lin")
    before = {name: count_queries(client, page_urls()[name])[0] for name in ("home", "library")}
    members_only = Licence.objects.get(network_only=True)
    added = [make_tool(f"Members' tool {number}", licence=members_only, owner="olivia.chen") for number in range(5)]
    # Publishing under network-only terms restricted each one (resources/signals.py), once.
    assert [PageViewRestriction.objects.filter(page=page).count() for page in added] == [1] * 5
    after = {}
    for name in ("home", "library"):
        after[name], response = count_queries(client, page_urls()[name])
        if name == "library":  # newest first: the member's first page lists the restricted tools
            assert all(page.title in read(response) for page in added)
    assert after == before
    assert "Members' tool" not in visit(Client(), "/library/"), "anonymous visitors do not see them"


# Growth: 15 more published tools, each with 3 tags, 2 conditions and 2 published releases with
# files, credited to the person and organisation measured, in the featured collection, five of
# them adaptations of the measured tool; and more releases of the measured resources.


def grow_the_library():
    person = ContributorProfile.objects.get(slug=PERSON)
    organisation = Organisation.objects.get(slug=ORGANISATION)
    featured = HomePage.objects.get().featured_collection
    tool = measured_tool()
    cover = tool.cover_image
    for number in range(15):
        page = make_tool(
            f"Growth tool {number:02d}",
            conditions=("ibd", "jia"),
            tags=(f"growth {number}", f"scale {number}", "load test"),
            contributors=[person],
            organisations=[organisation],
            releases=2,
            release_dates_from=datetime.date(2026, 10, 1) + datetime.timedelta(days=2 * number),
            cover_image=cover,
            adapted_from=tool if number < 5 else None,
        )
        CollectionItem.objects.create(collection=featured, resource=page, note=f"Added for growth {number}.",
                                      sort_order=100 + number)
    urls = page_urls()
    for name in ("tool", "change package", "protocol"):
        resource = ResourcePage.objects.get(url_path__endswith=urls[name].removeprefix("/")).specific
        for number in range(3):
            add_release(resource, f"7.{number}", datetime.date(2026, 11, 1 + number), f"Growth release {number}")


@pytest.fixture(scope="module")
def counts_before_growth(django_db_setup, django_db_blocker):
    """Counts on the demo network, then the library grows for the rest of this module's tests; the
    growth is rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        before = measure_all()
        grow_the_library()
        yield before
        transaction.set_rollback(True)


def test_the_library_grew(counts_before_growth, client):
    assert ToolPage.objects.filter(title__startswith="Growth tool").live().count() == 15
    page_one = client.get("/library/").content.decode()
    assert page_one.count("Growth tool") >= 12
    assert client.get("/library/?page=2").status_code == 200


@pytest.mark.parametrize("key", MAX_QUERIES, ids=ids)
def test_query_count_does_not_grow_with_data(counts_before_growth, key):
    name, user = key
    after, response = count_queries(login(Client(), user), page_urls()[name])
    if name in ("library", "collection", "person", "organisation"):
        assert "Growth tool" in response.content.decode()
    assert after <= MAX_QUERIES[key]
    assert after == counts_before_growth[key], f"{ids(key)}: {counts_before_growth[key]} queries before, {after} after"
