"""The full-page cache for anonymous visitors (commons_site/page_cache.py, resources/page_cache.py).

A page is served from the cache when a second anonymous GET makes no database query at all. Each
invalidation test first reads every page showing an object (which caches it, checked), changes the
object the way an editor does, and reads the pages again as a new anonymous visitor: each must show
the change.
"""

import datetime

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.db import connection
from django.http import HttpResponseRedirect
from django.middleware.csrf import get_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.models import PageViewRestriction

from contributors.models import ContributorProfile
from contributors.roles import ROLE_GROUPS
from resources.models import (
    ChangePackagePage,
    CollectionPage,
    Condition,
    HomePage,
    LibraryPage,
    ProtocolPage,
    ResourceContributor,
    ToolPage,
)
from search.models import SearchQueryLog

from .builders import add_release, make_tool, network_only, public_resources
from .conftest import login
from .html import read, squash

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def get(url, client=None):
    return (client or Client()).get(url)


def cached(url):
    """Read ``url`` twice as two anonymous visitors; the second read must come from the cache.
    Returns what the page says."""
    first = get(url)
    assert first.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        second = get(url)
    assert second.status_code == 200 and second["X-Page-Cache"] == "hit", url
    assert len(queries) == 0, f"{url}: {len(queries)} queries on a cached page"
    assert second.content == first.content
    return read(second)


def fresh(url):
    """What a new anonymous visitor sees at ``url`` now."""
    response = get(url)
    assert response.status_code == 200, url
    return read(response)


def public_tool():
    """A public tool with a release, credited to someone with an organisation, in a collection."""
    return (
        ToolPage.objects.live().public()
        .filter(releases__published_at__isnull=False, contributor_links__contributor__organisation__isnull=False,
                organisations__isnull=False, collection_items__isnull=False)
        .distinct().order_by("pk").first()
    )


def library_url_listing(page):
    """A library URL whose first page lists ``page`` (filtered by its type and conditions)."""
    condition = page.conditions.order_by("pk").first()
    return f"/library/?type={page.resource_type.slug}&condition={condition.slug}&phase={page.phase}"


def pages_showing(tool):
    """Every public page that shows ``tool``, with its title as the check."""
    credit = tool.contributor_links.select_related("contributor").order_by("sort_order", "pk").first()
    urls = [
        tool.url,
        library_url_listing(tool),
        tool.latest_release.get_absolute_url(),
        credit.contributor.get_absolute_url(),
        tool.organisations.order_by("pk").first().get_absolute_url(),
        tool.collection_items.order_by("pk").first().collection.url,
        "/sitemap.xml",
    ]
    for url in urls:
        seen = cached(url)
        assert tool.title in seen or url == "/sitemap.xml", url
    return urls


# What is cached


def family_urls():
    tool = public_tool()
    return {
        "home": "/",
        "library": "/library/",
        "library filtered": "/library/?phase=change&condition=ibd",
        "library page 2": "/library/?page=2",
        "tool": tool.url,
        "change package": ChangePackagePage.objects.live().public().order_by("pk").first().url,
        "protocol": ProtocolPage.objects.live().public().order_by("pk").first().url,
        "collection": HomePage.objects.get().featured_collection.url,
        "people": "/people/",
        "person": "/people/grace-lin/",
        "organisations": "/organisations/",
        "organisation": "/organisations/prairie-childrens/",
        "release": tool.latest_release.get_absolute_url(),
        "sitemap": "/sitemap.xml",
        "search without text": "/search/?condition=ibd",
        "citation": f"{tool.url}cite/bibtex/",
    }


FAMILIES = [
    "home", "library", "library filtered", "library page 2", "tool", "change package", "protocol", "collection",
    "people", "person", "organisations", "organisation", "release", "sitemap", "search without text", "citation",
]


@pytest.mark.parametrize("family", FAMILIES)
def test_the_second_anonymous_visit_is_served_from_the_cache(family):
    url = family_urls()[family]
    cached(url)
    response = get(url)
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    assert response["ETag"] and response["Last-Modified"]
    assert "Set-Cookie" not in response


def test_the_query_string_is_part_of_the_key_in_any_order():
    ibd = fresh("/library/?condition=ibd&phase=change")
    cached("/library/?condition=ibd&phase=change")
    with CaptureQueriesContext(connection) as queries:
        reordered = get("/library/?phase=change&condition=ibd")
    assert reordered["X-Page-Cache"] == "hit" and len(queries) == 0
    assert get("/library/?condition=asthma")["X-Page-Cache"] == "miss"
    assert read(get("/library/?condition=asthma")).text != ibd.text


def test_head_is_answered_from_the_cached_page():
    cached("/library/")
    with CaptureQueriesContext(connection) as queries:
        response = Client().head("/library/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit" and len(queries) == 0


def test_a_conditional_get_with_the_etag_or_date_gets_304():
    cached("/library/")
    response = get("/library/")
    etag, modified = response["ETag"], response["Last-Modified"]
    assert Client().get("/library/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert Client().get("/library/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # The first, rendered answer honours it too.
    tool = public_tool()
    assert Client().get(tool.url, HTTP_IF_NONE_MATCH='"not-this-one"').status_code == 200
    # Once the page changes, the old ETag gets the new page.
    Condition.objects.filter(slug="ibd").update(name="unchanged")  # no signal: still the old page
    assert Client().get("/library/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    condition = Condition.objects.get(slug="ibd")
    condition.name = "Inflammatory bowel disease (IBD), renamed"
    condition.save()
    changed = Client().get("/library/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Inflammatory bowel disease (IBD), renamed" in read(changed)


def test_search_with_text_is_never_cached_as_each_visit_is_logged():
    before = SearchQueryLog.objects.count()
    for url in ("/search/?q=asthma", "/search/?q=asthma", "/library/?q=asthma", "/library/?q=asthma"):
        response = get(url)
        assert response.status_code == 200 and "X-Page-Cache" not in response
    assert SearchQueryLog.objects.count() == before + 4


# What is never cached


def test_a_signed_in_visit_is_never_served_from_the_cache_nor_stored():
    cached("/library/")
    member = login(Client(), "grace.lin")
    with CaptureQueriesContext(connection) as queries:
        response = member.get("/library/")
    assert "X-Page-Cache" not in response and len(queries) > 0
    assert "Sign out" in read(response)
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]

    # A page first read by someone signed in is not kept for anyone.
    url = public_tool().url
    assert "Sign out" in read(member.get(url))
    assert member.get(url).get("X-Page-Cache") is None
    anonymous = get(url)
    assert anonymous["X-Page-Cache"] == "miss" and "Sign out" not in read(anonymous)


def test_a_network_only_resource_is_never_served_from_the_cache():
    page = network_only()[0]
    member = login(Client(), "grace.lin")
    for _ in range(2):
        assert get(page.url).status_code == 302  # anonymous visitors are asked to sign in
        response = member.get(page.url)
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert page.title in read(response)
    assert get(page.url).status_code == 302


def test_a_page_rendered_with_a_csrf_token_is_not_stored():
    def uses_csrf_token(page, request, args, kwargs):
        get_token(request)

    with hooks.register_temporarily("before_serve_page", uses_csrf_token):
        for _ in range(2):
            response = get("/library/")
            assert response.status_code == 200 and "X-Page-Cache" not in response
            assert "csrftoken" in response.cookies
            assert "no-store" in response["Cache-Control"]
    assert get("/library/")["X-Page-Cache"] == "miss"


def leaves_a_message(page, request, args, kwargs):
    """?thanks=1 shows a message on the page itself; ?later=1 leaves one for the next page and
    redirects there, as a form does."""
    if request.GET.get("thanks"):
        messages.success(request, "Thank you for your feedback.")
    if request.GET.get("later"):
        messages.info(request, "Your reuse request was sent.")
        return HttpResponseRedirect("/library/")
    return None


def test_a_page_showing_a_message_is_not_stored():
    with hooks.register_temporarily("before_serve_page", leaves_a_message):
        response = get("/library/?thanks=1")
        assert "Thank you for your feedback." in read(response) and "X-Page-Cache" not in response
        assert get("/library/?thanks=1").get("X-Page-Cache") is None


def test_a_visitor_with_a_message_waiting_is_not_served_the_cached_page():
    cached("/library/")
    visitor = Client()
    with hooks.register_temporarily("before_serve_page", leaves_a_message):
        assert visitor.get("/library/?later=1").status_code == 302
    response = visitor.get("/library/")
    assert "Your reuse request was sent." in read(response) and response.get("X-Page-Cache") != "hit"
    assert get("/library/")["X-Page-Cache"] == "hit"  # the message was not stored for others


def test_a_page_using_the_csp_nonce_is_not_stored():
    def uses_nonce(page, request, args, kwargs):
        str(request.csp_nonce)

    with hooks.register_temporarily("before_serve_page", uses_nonce):
        get("/library/")
        assert "X-Page-Cache" not in get("/library/")


@pytest.mark.parametrize("url", ["/accounts/login/", "/share/", "/my/contributions/", "/admin/login/"])
def test_sign_in_and_personal_pages_are_never_cached(url):
    for _ in range(2):
        assert "X-Page-Cache" not in get(url)


# Every invalidation path


def test_publishing_a_new_resource_shows_it_on_every_list_and_on_its_people():
    person = ContributorProfile.objects.get(user__username="grace.lin")
    organisation = person.organisation
    urls = ["/", "/library/", person.get_absolute_url(), organisation.get_absolute_url(), "/sitemap.xml"]
    for url in urls:
        cached(url)
    people_before = cached("/people/")

    tool = make_tool("Pumpkin clinic huddle sheet", contributors=[person], organisations=[organisation],
                     releases=1, release_dates_from=TODAY)

    for url in ["/", "/library/", person.get_absolute_url(), organisation.get_absolute_url()]:
        assert "Pumpkin clinic huddle sheet" in fresh(url), url
    assert tool.url in get("/sitemap.xml").content.decode()
    assert fresh("/people/").text != people_before.text  # Grace's count went up


def test_editing_a_resource_shows_the_change_on_every_page_showing_it():
    tool = public_tool()
    urls = pages_showing(tool)
    old_title = tool.title
    tool.title = "Renamed pre-visit checklist"
    tool.save_revision().publish()
    for url in urls:
        if url != "/sitemap.xml":
            seen = fresh(url)
            assert "Renamed pre-visit checklist" in seen and old_title not in seen, url


def test_unpublishing_a_resource_removes_it_from_every_page_showing_it():
    tool = public_tool()
    urls = pages_showing(tool)
    tool.unpublish()
    assert get(tool.url).status_code == 404
    assert get(tool.latest_release.get_absolute_url()).status_code == 404
    for url in urls[1:]:
        if url.startswith("/releases/"):
            continue
        response = get(url)
        assert tool.title not in read(response) and tool.url not in response.content.decode(), url


def test_deleting_a_resource_removes_it_from_every_page_showing_it():
    tool = make_tool("Short-lived tool", contributors=[ContributorProfile.objects.get(user__username="tom.alvarez")])
    person_url = "/people/" + tool.contributor_links.get().contributor.slug + "/"
    for url in (tool.url, "/library/", person_url):
        assert "Short-lived tool" in cached(url)
    url = tool.url
    tool.delete()
    assert get(url).status_code == 404
    for listing in ("/library/", person_url):
        assert "Short-lived tool" not in fresh(listing)


def test_moving_a_page_changes_its_links_everywhere():
    collection = CollectionPage.objects.live().public().order_by("pk").first()
    old_url = collection.url
    assert old_url in cached("/").hrefs
    cached(old_url)
    collection.move(LibraryPage.objects.get(), pos="last-child")
    collection.refresh_from_db()
    assert collection.url != old_url and collection.url in fresh("/").hrefs
    assert get(old_url).status_code == 301  # Wagtail's redirect to where it went, not the cached page


def test_a_new_release_shows_on_the_resource_its_older_releases_and_the_home_page():
    tool = public_tool()
    older = tool.latest_release
    for url in (tool.url, older.get_absolute_url(), "/"):
        cached(url)
    newer = add_release(tool, "9.9", TODAY, "A new version for the cache test.")
    assert fresh(tool.url).says("Version 9.9")
    assert "A newer version is available" in fresh(older.get_absolute_url())
    assert newer.get_absolute_url() in fresh("/").hrefs


def test_a_view_restriction_hides_a_cached_resource_and_lifting_it_shows_it_again():
    tool = public_tool()
    person_url = tool.contributor_links.order_by("sort_order", "pk").first().contributor.get_absolute_url()
    for url in (tool.url, library_url_listing(tool), person_url):
        assert tool.title in cached(url)
    restriction = PageViewRestriction.objects.create(page=tool, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=ROLE_GROUPS))
    assert get(tool.url).status_code == 302
    for url in (library_url_listing(tool), person_url):
        assert tool.title not in fresh(url), url
    restriction.delete()
    assert tool.title in fresh(tool.url)
    assert tool.title in fresh(person_url)


def test_lifting_a_network_only_restriction_shows_the_resource_to_anonymous_visitors():
    page = network_only()[0]
    listing = library_url_listing(page)
    assert page.title not in cached(listing)
    assert get(page.url).status_code == 302
    PageViewRestriction.objects.filter(page=page).delete()
    assert page.title in fresh(page.url)
    assert page.title in fresh(listing)


def test_editing_a_licence_shows_its_new_terms_on_every_page():
    tool = public_tool()
    for url in (tool.url, tool.latest_release.get_absolute_url()):
        cached(url)
    licence = tool.licence
    licence.summary = "Reuse it freely, and tell the network what you changed."
    licence.save()
    for url in (tool.url, tool.latest_release.get_absolute_url()):
        assert "tell the network what you changed" in fresh(url), url


def test_editing_network_only_terms_shows_on_a_members_page_and_purges_the_public_lists():
    page = network_only()[0]
    cached("/library/")
    licence = page.licence
    licence.name = "Network members' terms, revised"
    licence.save()
    assert "Network members' terms, revised" in read(login(Client(), "grace.lin").get(page.url))
    assert get("/library/")["X-Page-Cache"] == "miss"


def test_editing_a_collection_shows_on_the_collection_and_the_home_page():
    collection = HomePage.objects.get().featured_collection.specific
    assert collection.title in cached("/")
    cached(collection.url)
    removed = collection.items.order_by("sort_order", "pk").first()
    collection.introduction = "<p>Refreshed for the cache test.</p>"
    collection.items.remove(removed)
    collection.save_revision().publish()
    assert "Refreshed for the cache test." in fresh("/")
    seen = fresh(collection.url)
    assert "Refreshed for the cache test." in seen and removed.resource.url not in seen.hrefs


@pytest.mark.parametrize("vocabulary", ["condition", "resource type", "audience"])
def test_renaming_a_vocabulary_term_shows_everywhere(vocabulary):
    tool = public_tool()
    term = {
        "condition": tool.conditions.order_by("pk").first(),
        "resource type": tool.resource_type,
        "audience": tool.audiences.order_by("pk").first(),
    }[vocabulary]
    assert term is not None
    urls = [tool.url, "/library/"] + (["/"] if vocabulary == "condition" else [])
    for url in urls:
        assert term.name in cached(url)
    term.name = f"Renamed {vocabulary} for the cache test"
    term.save()
    for url in urls:
        assert f"Renamed {vocabulary} for the cache test" in fresh(url), url


def test_renaming_a_person_shows_on_their_page_the_lists_and_what_credits_them():
    tool = public_tool()
    person = tool.contributor_links.order_by("sort_order", "pk").first().contributor
    urls = [person.get_absolute_url(), "/people/", tool.url, tool.latest_release.get_absolute_url()]
    if person.organisation:
        urls.append(person.organisation.get_absolute_url())
    for url in urls:
        cached(url)
    person.display_name = "Dr Renamed Person"
    person.save()
    for url in urls:
        assert "Renamed Person" in fresh(url), url


def test_renaming_an_organisation_shows_on_its_page_its_people_and_its_resources():
    tool = public_tool()
    organisation = tool.organisations.order_by("pk").first()
    person = organisation.people.order_by("pk").first()
    urls = [organisation.get_absolute_url(), "/organisations/", tool.url]
    if person is not None:
        urls.append(person.get_absolute_url())
    for url in urls:
        assert organisation.name in cached(url), url
    organisation.name = "Renamed Children's Centre"
    organisation.save()
    for url in urls:
        assert "Renamed Children's Centre" in fresh(url), url


def test_crediting_someone_new_lists_the_resource_on_their_page_and_uncrediting_removes_it():
    tool = public_tool()
    newcomer = ContributorProfile.objects.exclude(resource_links__page=tool).order_by("pk").first()
    assert tool.title not in cached(newcomer.get_absolute_url())
    tool.contributor_links.add(ResourceContributor(contributor=newcomer, role="reviewer"))
    tool.save_revision().publish()
    assert tool.title in fresh(newcomer.get_absolute_url())
    assert squash(newcomer.display_name) in fresh(tool.url)

    cached(newcomer.get_absolute_url())
    tool = ToolPage.objects.get(pk=tool.pk)
    tool.contributor_links = [link for link in tool.contributor_links.all() if link.contributor_id != newcomer.pk]
    tool.save_revision().publish()
    assert tool.title not in fresh(newcomer.get_absolute_url())


def test_a_release_published_outside_the_workflow_purges_too():
    tool = public_tool()
    cached(tool.url)
    release = add_release(tool, "7.0", TODAY, "A quiet release.", publish=False)
    assert get(tool.url)["X-Page-Cache"] == "hit"  # a draft release shows nowhere
    release.publish()
    assert fresh(tool.url).says("Version 7.0")


def test_every_public_resource_page_is_cached_once_visited():
    """No resource type slips through the rules (each answers 200 and is kept)."""
    for page in public_resources().order_by("pk")[:12]:
        cached(page.url)


def test_a_person_edit_leaves_pages_that_do_not_show_people_cached():
    """Exact, not global: the library and the home page show no names, so renaming someone keeps them."""
    for url in ("/", "/library/"):
        cached(url)
    person = ContributorProfile.objects.get(user__username="grace.lin")
    person.display_name = "Grace Lin-Renamed"
    person.save()
    for url in ("/", "/library/"):
        assert get(url)["X-Page-Cache"] == "hit", url
    assert "Grace Lin-Renamed" in fresh(person.get_absolute_url())


@pytest.mark.django_db
def test_a_bulk_write_purges_once_and_leaves_out_the_pages_it_made():
    from resources.page_cache import changed, page_tag, purge, purged_once

    existing = public_resources()[0]
    sent = []

    def note(sender, tags=(), **kwargs):
        sent.append(set(tags))

    changed.connect(note)
    try:
        with purged_once():
            made = make_tool("Made inside the bulk write")
            purge(page_tag(made.pk), page_tag(existing.pk), "lists")
            purge(page_tag(existing.pk))
    finally:
        changed.disconnect(note)
    # One purge at the end; the new page's tag is left out (no page kept before can carry it).
    assert len(sent) == 1
    assert page_tag(existing.pk) in sent[0] and "lists" in sent[0]
    assert page_tag(made.pk) not in sent[0]
