"""Nothing leaks: drafts and network-only resources stay out of every public list, page, file,
the sitemap and the release feeds; members of the network see what is shared with them."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from contributors.models import ContributorProfile
from resources.models import (
    ChangePackagePage,
    CollectionItem,
    CollectionPage,
    Condition,
    HomePage,
    Licence,
    ProtocolPage,
    ResourcePage,
    ToolPage,
)

from .builders import add_release, make_tool, network_only
from .conftest import login
from .html import all_pages, stated_count, visit

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Confidential draft: overnight insulin titration card"


def public_surfaces(client, people=(), organisations=()):
    """What anyone can browse: home, every page of the library, every collection, the people and
    organisation lists and the given people's and organisations' pages."""
    seen = [
        visit(client, "/"),
        *all_pages(client, "/library/"),
        visit(client, "/people/"),
        visit(client, "/organisations/"),
    ]
    seen += [visit(client, collection.url) for collection in CollectionPage.objects.live()]
    seen += [visit(client, person.get_absolute_url()) for person in people]
    seen += [visit(client, organisation.get_absolute_url()) for organisation in organisations]
    return seen


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode()


def release_feeds(client):
    """The overall release feed and every condition's, as one text."""
    urls = [reverse("release_feed")]
    slugs = Condition.objects.values_list("slug", flat=True)
    urls += [reverse("condition_release_feed", args=[slug]) for slug in slugs]
    responses = [client.get(url) for url in urls]
    assert all(response.status_code == 200 for response in responses)
    return "".join(response.content.decode() for response in responses)


def assert_nowhere(seen_pages, *, urls=(), words=()):
    for seen in seen_pages:
        for url in urls:
            assert url not in seen.hrefs, f"{url} is linked from a public page"
        for text in words:
            assert text not in seen, f"“{text}” is shown on a public page"


@pytest.fixture
def grace():
    return ContributorProfile.objects.get(user__username="grace.lin")


@pytest.fixture
def featured():
    return HomePage.objects.get().featured_collection


@pytest.fixture
def draft(grace, featured):
    """An unpublished tool, credited to Grace and her centre, with a published release, placed
    first in the featured collection: everywhere it could leak from."""
    page = make_tool(
        DRAFT_TITLE,
        slug="overnight-insulin-titration-card",
        live=False,
        summary="Unreleased wording that must not be seen yet.",
        conditions=("type-1-diabetes", "ibd"),
        tags=("insulin",),
        contributors=[grace],
        organisations=[grace.organisation],
    )
    add_release(page, "1.0", datetime.date(2026, 11, 1), "Draft release text")
    CollectionItem.objects.create(collection=featured, resource=page, note="A draft in the collection.", sort_order=-1)
    return page


def test_unpublished_page_appears_on_no_public_page(client, draft, grace):
    assert not draft.live
    seen = public_surfaces(client, people=[grace], organisations=[grace.organisation])
    assert_nowhere(seen, urls=[draft.url], words=[DRAFT_TITLE, draft.summary, "A draft in the collection."])
    assert draft.url not in sitemap(client)
    feeds = release_feeds(client)
    release = draft.releases.get()
    assert release.is_published and DRAFT_TITLE not in feeds and release.get_absolute_url() not in feeds
    assert client.get(draft.url).status_code == 404
    assert client.get(release.get_absolute_url()).status_code == 404
    assert client.get(release.files.get().get_absolute_url()).status_code == 404


def test_unpublished_page_is_hidden_from_members_too(client, draft, grace):
    login(client, "samuel.okafor")
    seen = public_surfaces(client, people=[grace], organisations=[grace.organisation])
    assert_nowhere(seen, urls=[draft.url], words=[DRAFT_TITLE])
    assert client.get(draft.url).status_code == 404


def test_draft_revision_of_a_live_page_shows_only_the_published_text(client, featured):
    page = featured.items.order_by("sort_order", "pk").first().resource.specific
    assert page.live and not page.get_view_restrictions().exists()
    live_title, live_url = page.title, page.url
    person = page.contributor_links.first().contributor
    organisation = page.organisations.first()

    page.title = "Renamed in a draft nobody has approved"
    page.summary = "Draft summary with unreviewed advice."
    page.slug = "renamed-in-a-draft"
    page.save_revision(user=get_user_model().objects.get(username="marcus.webb"))

    seen = public_surfaces(client, people=[person], organisations=[organisation])
    assert_nowhere(seen, urls=["/library/renamed-in-a-draft/"], words=[page.title, page.summary])
    assert live_title in seen[0]  # the home page's featured collection shows the live title
    resource = visit(client, live_url)
    assert live_title in resource and page.summary not in resource
    assert client.get("/library/renamed-in-a-draft/").status_code == 404
    xml = sitemap(client)
    assert live_url in xml and "renamed-in-a-draft" not in xml


def test_unpublished_collection_item_is_skipped(client, draft, featured):
    public = set(ResourcePage.objects.live().public().values_list("pk", flat=True))
    visible = [item for item in featured.items.order_by("sort_order", "pk") if item.resource_id in public]
    seen = visit(client, featured.url)
    assert DRAFT_TITLE not in seen
    listed = [href for href in seen.hrefs if href in {item.resource.url for item in visible}]
    assert list(dict.fromkeys(listed)) == [item.resource.url for item in visible]
    assert seen.says(f"{len(visible)} resources in this collection")


# Network-only resources


def test_network_only_resources_are_absent_from_public_lists(client):
    hidden = network_only()
    assert len(hidden) >= 5
    assert all(page.get_view_restrictions().exists() for page in hidden)
    people = ContributorProfile.objects.filter(resource_links__page__in=hidden).distinct()
    organisations = {org for page in hidden for org in page.organisations.all()}
    seen = public_surfaces(client, people=people, organisations=organisations)
    assert_nowhere(seen, urls=[page.url for page in hidden], words=[page.title for page in hidden])
    xml = sitemap(client)
    feeds = release_feeds(client)
    for page in hidden:
        assert page.url not in xml
        assert page.title not in feeds and page.url not in feeds
    # Even asked for by their licence, the library shows none, and the licence is not offered.
    assert stated_count(visit(client, "/library/?licence=network-only")) == 0
    assert 'value="network-only"' not in client.get("/library/").content.decode()


def test_network_only_page_asks_an_anonymous_visitor_to_sign_in(client):
    page = network_only()[0]
    response = client.get(page.url)
    assert response.status_code == 302
    assert f"next={page.url}" in response["Location"].replace("%2F", "/")
    assert page.title not in response.content.decode()
    sign_in = client.get(response["Location"])
    assert sign_in.status_code == 200
    assert 'type="password"' in sign_in.content.decode()


def test_network_only_page_sends_visitors_to_the_commons_sign_in_page(client):
    """Members-only pages send visitors to the commons' own sign-in page, not Wagtail's bare one."""
    page = network_only()[0]
    response = client.get(page.url)
    assert response["Location"].startswith(settings.LOGIN_URL)


def test_network_only_releases_and_files_are_not_found_for_anonymous_visitors(client):
    for page in network_only():
        for release in page.releases.published():
            assert client.get(release.get_absolute_url()).status_code == 404
            for release_file in release.files.all():
                assert client.get(release_file.get_absolute_url()).status_code == 404


def test_member_sees_network_only_resources(client):
    login(client, "grace.lin")
    hidden = network_only()
    assert 'value="network-only"' in client.get("/library/").content.decode()
    pages = all_pages(client, "/library/?licence=network-only")
    assert stated_count(pages[0]) == len(hidden)
    listed = {href for seen in pages for href in seen.hrefs}
    for page in hidden:
        assert page.url in listed
    everything = visit(client, "/library/")
    assert stated_count(everything) == ResourcePage.objects.live().count()

    page = hidden[0]
    seen = visit(client, page.url)
    assert page.title in seen
    release_file = page.latest_release.files.first()
    response = client.get(release_file.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content)


def test_member_sees_network_only_items_in_collections(client, featured):
    hidden = {page.pk for page in network_only()}
    item = next(item for item in featured.items.all() if item.resource_id in hidden)
    assert item.resource.url not in visit(client, featured.url).hrefs
    login(client, "grace.lin")
    assert item.resource.url in visit(client, featured.url).hrefs


def test_signed_in_user_in_no_group_does_not_see_network_only_resources(client):
    outsider = get_user_model().objects.create_user("visitor", "visitor@example.org", "a-long-password-1")
    client.force_login(outsider)
    assert stated_count(visit(client, "/library/?licence=network-only")) == 0
    page = network_only()[0]
    response = client.get(page.url)
    assert response.status_code in (302, 403)
    assert page.title not in response.content.decode()
    release_file = page.latest_release.files.first()
    assert client.get(release_file.get_absolute_url()).status_code == 404


# Leaks found while writing these tests: each has its own test so that its fix can be checked.


def _package_linking_a_network_only_tool():
    hidden = {page.pk for page in network_only()}
    for package in ChangePackagePage.objects.live().public().order_by("pk"):
        for idea in package.change_ideas():
            if idea["tool"] is not None and idea["tool"].pk in hidden:
                return package, idea
    pytest.fail("no public change package links a network-only tool")


def test_key_driver_diagram_does_not_reveal_network_only_tools(client):
    """The diagram names and links a change idea's tool only if the visitor may see the tool."""
    package, idea = _package_linking_a_network_only_tool()
    tool = idea["tool"]
    seen = visit(client, package.url)
    assert idea["title"] in seen  # the idea itself is public
    assert tool.url not in seen.hrefs
    assert tool.title not in seen


def test_key_driver_diagram_links_network_only_tools_for_members(client):
    package, idea = _package_linking_a_network_only_tool()
    login(client, "grace.lin")
    assert idea["tool"].url in visit(client, package.url).hrefs


def test_a_member_s_key_driver_diagram_is_never_shown_to_a_visitor(client):
    """The diagram's HTML is kept by what it shows: the member's, linking the network-only tool, is
    another entry than the one drawn for a visitor who may not see the tool."""
    package, idea = _package_linking_a_network_only_tool()
    member = Client()
    login(member, "grace.lin")
    assert idea["tool"].url in visit(member, package.url).hrefs
    seen = visit(client, package.url)
    assert idea["title"] in seen
    assert idea["tool"].url not in seen.hrefs


def test_adaptation_lineage_does_not_reveal_a_network_only_source(client):
    """"Adapted from" names a source only if the visitor may see it."""
    source = network_only()[0]
    page = ToolPage.objects.live().public().filter(adapted_from__isnull=True).order_by("pk").first()
    ResourcePage.objects.filter(pk=page.pk).update(adapted_from=source)
    seen = visit(client, page.url)
    assert source.url not in seen.hrefs
    assert source.title not in seen


def test_superseded_notice_does_not_reveal_a_network_only_successor(client):
    """The superseded notice names and links the successor only if the visitor may see it."""
    successor = next(page for page in network_only() if isinstance(page.specific, ProtocolPage))
    protocol = ProtocolPage.objects.live().public().exclude(pk=successor.pk).order_by("pk").first()
    ProtocolPage.objects.filter(pk=protocol.pk).update(superseded_by=successor.specific)
    seen = visit(client, protocol.url)
    assert successor.url not in seen.hrefs
    assert successor.title not in seen


def test_network_only_release_files_are_not_served_through_the_documents_url(client):
    """Wagtail's own /documents/<id>/<filename> URL honours the release's visibility too."""
    page = network_only()[0]
    document = page.latest_release.files.first().document
    assert client.get(page.latest_release.files.first().get_absolute_url()).status_code == 404
    response = client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    assert response.status_code in (302, 403, 404)


def test_draft_release_files_are_not_served_through_the_documents_url(client):
    """A draft release's file cannot be downloaded by any URL before the release is published."""
    tool = ToolPage.objects.live().public().order_by("pk").first()
    release = add_release(tool, "9.9", datetime.date(2026, 11, 20), "Not yet released text", publish=False)
    release_file = release.files.get()
    assert client.get(release_file.get_absolute_url()).status_code == 404
    document = release_file.document
    response = client.get(reverse("wagtaildocs_serve", args=[document.pk, document.filename]))
    assert response.status_code in (302, 403, 404)


def test_publishing_under_network_only_terms_restricts_the_page_to_members(client, editor_client, library):
    from wagtail.models import PageViewRestriction

    from .admin_forms import add_url, resource_form

    licence = Licence.objects.get(network_only=True)
    response = editor_client.post(
        add_url("toolpage", library),
        resource_form(
            licence=licence.pk,
            title="Members' huddle card",
            slug="members-huddle-card",
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302
    page = ToolPage.objects.get(slug="members-huddle-card")
    assert page.live
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    client.logout()
    anonymous = client.get(page.url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert "Members' huddle card" not in client.get("/library/").content.decode()
