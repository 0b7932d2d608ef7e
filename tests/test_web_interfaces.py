"""The commons on the open web (docs/web-interfaces.md): schema.org JSON-LD in resource and
collection pages, /sitemap.xml and the Atom feeds of new releases.

Each is read the way a crawler or a feed reader reads it: the JSON-LD parsed out of the page's
HTML, the sitemap and feeds parsed as XML. Nothing a visitor may not see (a draft, a network-only
resource, a withdrawn one, a draft release) may appear in any of them.
"""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, Site

from contributors.models import ContributorProfile, Organisation
from resources.feeds import FEED_LENGTH
from resources.models import (
    ChangePackagePage,
    CollectionPage,
    Condition,
    ContributorRole,
    HomePage,
    ProtocolPage,
    Release,
    ReleaseFile,
    ResourcePage,
    ToolPage,
)

from .builders import add_release, make_document, make_tool, network_only, public_resources
from .conftest import login
from .html import count_queries, read

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
TODAY = datetime.date.today()


def root():
    return Site.objects.get(is_default_site=True).root_url


def json_ld(response):
    """The one JSON-LD block of a page, parsed."""
    assert response.status_code == 200
    blocks = JSON_LD.findall(response.content.decode())
    assert len(blocks) == 1, f"{len(blocks)} JSON-LD blocks"
    return json.loads(blocks[0])


def names(things):
    return [thing["name"] for thing in things]


def sitemap_entries(client=None, **headers):
    """{location: lastmod or None} of /sitemap.xml, parsed as XML."""
    response = (client or Client()).get("/sitemap.xml", **headers)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    tree = ET.fromstring(response.content)
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in tree.iter(f"{SITEMAP}url")}


def feed(url, client=None):
    """The Atom feed at ``url``, parsed: (feed element, [entry elements])."""
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    tree = ET.fromstring(response.content)
    assert tree.tag == f"{ATOM}feed"
    return tree, tree.findall(f"{ATOM}entry")


def entry_ids(entries):
    return [entry.findtext(f"{ATOM}id") for entry in entries]


def release_address(release):
    return root() + release.get_absolute_url()


def public_published_releases():
    return Release.objects.published().filter(resource__in=public_resources().values("pk"))


def first_public(model):
    return model.objects.live().public().filter(releases__published_at__isnull=False).distinct().order_by("pk").first()


# JSON-LD


def assert_describes(data, page):
    """What every resource's JSON-LD says, checked against the page's own records."""
    page = page.specific
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LearningResource"
    assert data["url"] == data["@id"] == root() + page.url
    assert data["name"] == page.title
    assert data["description"] == page.summary
    assert data["learningResourceType"] == page.resource_type.name
    assert data["inLanguage"] == "en-GB"
    assert data["publisher"] == {"@type": "Organization", "name": "Improvement Commons", "url": root() + "/"}
    assert data["license"] == page.licence.url and data["license"].startswith("https://")
    assert data["version"] == page.latest_release.label
    released = max(page.last_published_at, page.latest_release.published_at)
    assert datetime.datetime.fromisoformat(data["dateModified"]) == released
    assert datetime.datetime.fromisoformat(data["datePublished"]) == page.first_published_at

    credits = list(page.contributor_links.select_related("contributor").order_by("sort_order", "pk"))
    people = [link.contributor for link in credits if link.role != ContributorRole.REVIEWER]
    organisations = list(page.organisations.all())
    assert names(data["author"]) == [person.display_name for person in people] + [org.name for org in organisations]
    for person, described in zip(people, data["author"], strict=False):
        assert described["@type"] == "Person"
        assert described["url"] == root() + f"/people/{person.slug}/"
    for described in data["author"][len(people):]:
        assert described["@type"] == "Organization" and described["url"].startswith(root() + "/organisations/")
    reviewers = [link.contributor.display_name for link in credits if link.role == ContributorRole.REVIEWER]
    assert names(data.get("contributor", [])) == reviewers

    assert names(data["about"]) == [condition.name for condition in page.conditions.all()]
    assert {about["@type"] for about in data["about"]} == {"MedicalCondition"}
    assert [audience["audienceType"] for audience in data["audience"]] == [a.name for a in page.audiences.all()]
    assert sorted(data["keywords"]) == sorted(page.tags.values_list("name", flat=True))


@pytest.mark.parametrize(
    "model", [ToolPage, ChangePackagePage, ProtocolPage], ids=["tool", "change package", "protocol"]
)
def test_each_resource_page_describes_itself_in_json_ld(client, model):
    page = first_public(model)
    data = json_ld(client.get(page.url))
    assert_describes(data, page)
    # The people it credits, as the page itself links them: their public pages answer.
    person = data["author"][0]
    assert person["name"] in read(client.get(person["url"].removeprefix(root())))


def test_json_ld_of_a_demo_tool_says_what_its_page_says(client):
    page = ToolPage.objects.get(slug="ibd-pre-visit-planning-checklist")
    data = json_ld(client.get(page.url))
    assert data["name"] == "Pre-visit planning checklist for IBD clinic"
    assert data["learningResourceType"] == "Checklist"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["version"] == "2.0"
    assert names(data["author"])[:2] == ["Grace Lin", "Dr Samuel Okafor"]
    assert data["author"][0]["affiliation"]["name"] == "Northfield Children's Hospital"
    assert names(data["contributor"]) == ["Dr Tom Alvarez"]
    assert names(data["about"]) == ["Paediatric inflammatory bowel disease"]
    assert "pre-visit planning" in data["keywords"]
    assert data["educationalUse"] == "Develop changes"


def test_an_adaptation_is_based_on_its_source(client):
    adaptation = (
        public_resources().filter(adapted_from__in=public_resources().values("pk")).order_by("pk").first()
    )
    source = adaptation.adapted_from
    data = json_ld(client.get(adaptation.url))
    assert data["isBasedOn"] == {"@type": "LearningResource", "name": source.title, "url": root() + source.url}


def test_json_ld_names_no_network_only_source_to_an_anonymous_visitor(client):
    source = network_only()[0]
    page = ToolPage.objects.live().public().filter(adapted_from__isnull=True).order_by("pk").first()
    ResourcePage.objects.filter(pk=page.pk).update(adapted_from=source)
    response = client.get(page.url)
    data = json_ld(response)
    assert "isBasedOn" not in data
    block = JSON_LD.search(response.content.decode()).group(1)
    assert source.title not in block and source.url not in block
    # A member who may see the source is told what it was adapted from.
    login(client, "grace.lin")
    assert json_ld(client.get(page.url))["isBasedOn"]["url"] == root() + source.url


def test_json_ld_cannot_close_its_script_element(client):
    """A title or summary holding "</script>" stays data: the block parses back to it exactly, and
    no markup from it reaches the page."""
    title = 'Huddle card </script><script>alert("x")</script> & <!-- notes'
    tool = make_tool(title, summary="Ends the block? </script><b>no</b>", releases=1)
    response = client.get(tool.url)
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html and "<b>no</b>" not in html
    data = json_ld(response)
    assert data["name"] == title
    assert data["description"] == "Ends the block? </script><b>no</b>"


def test_json_ld_needs_no_nonce_and_the_page_is_still_cached(client):
    """The block is data, not script: the policy is unchanged (no nonce, nothing inline allowed)
    and the page is kept for the next anonymous visitor like any other."""
    page = first_public(ToolPage)
    first = client.get(page.url)
    policy = dict(part.strip().split(" ", 1) for part in first["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'"  # no nonce was needed, and nothing inline is allowed
    second = Client().get(page.url)
    assert second["X-Page-Cache"] == "hit"
    assert json_ld(second) == json_ld(first)


def test_a_collection_is_a_schema_org_collection_of_what_the_visitor_may_see(client):
    collection = HomePage.objects.get().featured_collection
    hidden = {page.pk for page in network_only()}
    items = list(collection.items.select_related("resource").order_by("sort_order", "pk"))
    assert any(item.resource_id in hidden for item in items), "the featured collection shows a network-only tool"
    visible = [item.resource for item in items if item.resource_id not in hidden and item.resource.live]

    data = json_ld(client.get(collection.url))
    assert data["@type"] == "Collection"
    assert data["name"] == collection.title and data["url"] == root() + collection.url
    assert data["collectionSize"] == len(visible)
    assert [part["url"] for part in data["hasPart"]] == [root() + page.url for page in visible]

    login(client, "grace.lin")
    assert json_ld(client.get(collection.url))["collectionSize"] == len([item for item in items if item.resource.live])


def test_a_network_only_resource_is_described_to_members_alone(client):
    page = network_only()[0]
    assert client.get(page.url).status_code == 302  # an anonymous visitor is sent to sign in
    login(client, "grace.lin")
    data = json_ld(client.get(page.url))
    assert data["name"] == page.title
    # Network-only terms have no public licence text: named, not linked.
    assert data["license"] == {"@type": "CreativeWork", "name": page.licence.name}


# The sitemap


def test_the_sitemap_lists_every_public_page_and_nothing_else_at_the_real_address():
    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(hostname="commons.example.org", port=443)
    Site.clear_site_root_paths_cache()
    try:
        # Asked under another host name, it still names the commons' own address.
        entries = sitemap_entries(HTTP_HOST="intruder.example")
        public_pages = site.root_page.get_descendants(inclusive=True).live().public()
        expected = {"https://commons.example.org" + page.url for page in public_pages.specific()}
        expected |= {f"https://commons.example.org/people/{slug}/" for slug in
                     ContributorProfile.objects.values_list("slug", flat=True)}
        expected |= {f"https://commons.example.org/organisations/{slug}/" for slug in
                     Organisation.objects.values_list("slug", flat=True)}
        assert set(entries) == expected
        hidden = [*network_only(), *ResourcePage.objects.filter(live=False)]
        assert all(not any(location.endswith(page.url) for location in entries) for page in hidden)
        assert all(entries[f"https://commons.example.org{page.url}"] for page in public_resources())
    finally:
        Site.clear_site_root_paths_cache()


def test_a_resources_lastmod_is_when_it_or_its_latest_release_was_published():
    tool = make_tool("Lastmod check sheet")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Page.objects.filter(pk=tool.pk).update(last_published_at=long_ago)
    assert sitemap_entries()[root() + tool.url] == long_ago.date().isoformat()
    add_release(tool, "1.0", TODAY, "A release published today.")
    assert sitemap_entries()[root() + tool.url] == timezone.now().date().isoformat()


def test_a_withdrawn_resource_and_a_new_person_change_the_kept_sitemap():
    tool = first_public(ToolPage)
    assert root() + tool.url in sitemap_entries()
    assert Client().get("/sitemap.xml")["X-Page-Cache"] == "hit"
    tool.unpublish()
    assert root() + tool.url not in sitemap_entries()
    ContributorProfile.objects.create(display_name="Priya Natarajan", slug="priya-natarajan", role_in_care="nurse")
    assert root() + "/people/priya-natarajan/" in sitemap_entries()


# The feeds


def assert_entry_describes(entry, release):
    resource = release.resource
    assert entry.findtext(f"{ATOM}title") == f"{resource.title}, version {release.label}"
    assert entry.findtext(f"{ATOM}id") == release_address(release)
    links = {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")}
    assert links == {"alternate": release_address(release), "related": root() + resource.url}
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == release.published_at
    assert entry.findtext(f"{ATOM}published").startswith(release.release_date.isoformat())
    summary = entry.findtext(f"{ATOM}summary")
    assert release.change_notes.splitlines()[0] in read_html(summary)
    credited = resource.contributor_links.exclude(role=ContributorRole.REVIEWER).order_by("sort_order", "pk")
    assert [author.findtext(f"{ATOM}name") for author in entry.findall(f"{ATOM}author")] == [
        link.contributor.display_name for link in credited
    ]
    assert {category.get("term") for category in entry.findall(f"{ATOM}category")} == set(
        resource.conditions.values_list("name", flat=True)
    )


def read_html(fragment):
    from django.http import HttpResponse

    return read(HttpResponse(fragment)).text


def test_the_release_feed_lists_the_newest_public_releases(client):
    tree, entries = feed("/feeds/releases/")
    assert tree.findtext(f"{ATOM}title") == "New releases · Improvement Commons"
    assert tree.findtext(f"{ATOM}id") == root() + "/feeds/releases/"
    expected = list(public_published_releases().select_related("resource").order_by("-published_at", "-pk"))
    assert len(expected) > FEED_LENGTH  # the demo has more than a feed shows
    assert entry_ids(entries) == [release_address(release) for release in expected[:FEED_LENGTH]]
    for entry, release in zip(entries[:5], expected, strict=False):
        assert_entry_describes(entry, release)
    # Each entry's link is a page an anonymous visitor can open.
    release = expected[0]
    assert release.resource.title in read(client.get(release.get_absolute_url()))


def test_a_condition_feed_lists_that_conditions_public_releases():
    condition = Condition.objects.get(slug="ibd")
    tree, entries = feed("/feeds/releases/ibd/")
    assert tree.findtext(f"{ATOM}title") == f"New releases for {condition.name} · Improvement Commons"
    alternate = next(link for link in tree.findall(f"{ATOM}link") if link.get("rel") == "alternate")
    assert alternate.get("href") == root() + "/library/?condition=ibd"
    expected = public_published_releases().filter(resource__conditions=condition).order_by("-published_at", "-pk")
    assert entry_ids(entries) == [release_address(release) for release in expected[:FEED_LENGTH]]
    assert entries and all(condition.name in {c.get("term") for c in e.findall(f"{ATOM}category")} for e in entries)


def test_an_unknown_condition_has_no_feed(client):
    assert client.get("/feeds/releases/no-such-condition/").status_code == 404


def test_a_release_summary_escapes_its_notes():
    tool = make_tool("Escaping check sheet")
    risky = Release.objects.create(resource=tool, label="1.0", release_date=TODAY,
                                   change_notes='Fixed <script>alert("x")</script> & "quotes"\nSecond line')
    ReleaseFile.objects.create(release=risky, document=make_document("Escape doc", "text", "escape-doc.pdf"))
    risky.publish()
    _, entries = feed("/feeds/releases/")
    entry = next(e for e in entries if e.findtext(f"{ATOM}id") == release_address(risky))
    summary = entry.findtext(f"{ATOM}summary")
    assert "<script>" not in summary
    assert "&lt;script&gt;" in summary
    assert 'Fixed <script>alert("x")</script> & "quotes"' in read_html(summary)


# The most queries a rendering may make, measured on the demo network plus one: the feeds 5 and 8
# (a condition feed reads the condition and the library's address), the sitemap 17 (one query per
# page type for the specific pages).
MAX_QUERIES = {"/feeds/releases/": 6, "/feeds/releases/ibd/": 9, "/sitemap.xml": 18}


def test_feed_and_sitemap_query_counts_are_pinned_and_do_not_grow(client):
    counts = {url: count_queries(client, url)[0] for url in MAX_QUERIES}
    assert all(counts[url] <= most for url, most in MAX_QUERIES.items()), counts
    person = ContributorProfile.objects.get(user__username="grace.lin")
    for number in range(6):
        make_tool(f"Growth check tool {number}", contributors=[person], releases=2, release_dates_from=TODAY)
    for url, before in counts.items():
        assert count_queries(client, url)[0] == before, url


# Nothing private leaves


@pytest.fixture
def hidden_records():
    """A draft with a published release, a withdrawn tool, a draft release of a public tool and
    the network-only resources: what no public interface may show."""
    grace = ContributorProfile.objects.get(user__username="grace.lin")
    draft = make_tool("Zebrafinch draft sleep diary", live=False, contributors=[grace])
    add_release(draft, "1.0", TODAY, "Draft tool release.")
    withdrawn = make_tool("Zebrafinch withdrawn huddle card", contributors=[grace], releases=1,
                          release_dates_from=TODAY)
    withdrawn.unpublish()
    public_tool = first_public(ToolPage)
    draft_release = add_release(public_tool, "9.9", TODAY, "Unpublished release.", publish=False)
    return {"draft": draft, "withdrawn": withdrawn, "draft_release": draft_release, "network_only": network_only()}


def test_no_draft_withdrawn_or_network_only_resource_leaves_through_the_web_interfaces(client, hidden_records):
    pages = [hidden_records["draft"], hidden_records["withdrawn"], *hidden_records["network_only"]]
    releases = [release for page in pages for release in Release.objects.filter(resource=page)]
    releases.append(hidden_records["draft_release"])
    assert any(release.is_published for release in releases if release.resource_id in {p.pk for p in pages})

    bodies = {url: client.get(url).content.decode() for url in ("/feeds/releases/", "/feeds/releases/ibd/",
                                                                 "/sitemap.xml")}
    for condition in Condition.objects.all():
        url = f"/feeds/releases/{condition.slug}/"
        bodies[url] = client.get(url).content.decode()
    for url, body in bodies.items():
        for page in pages:
            assert page.url not in body and page.title not in body, f"{page.title} in {url}"
        for release in releases:
            assert release.get_absolute_url() not in body, f"{release} in {url}"
    assert "Zebrafinch" not in "".join(bodies.values())

    # Nor through the JSON-LD of any public page: every public resource and collection page.
    for page in [*public_resources(), *CollectionPage.objects.live().public()]:
        block = JSON_LD.search(client.get(page.url).content.decode()).group(1)
        for hidden in pages:
            assert hidden.url not in block and hidden.title not in block, f"{hidden.title} in {page.url}"


def test_a_signed_in_member_gets_the_same_public_feed(client):
    """A feed reader does not sign in, and a member's reader must not carry members-only
    releases out: the feed is the same whoever asks."""
    anonymous = client.get("/feeds/releases/").content
    login(client, "grace.lin")
    member = client.get("/feeds/releases/").content
    assert entry_ids(ET.fromstring(member).findall(f"{ATOM}entry")) == entry_ids(
        ET.fromstring(anonymous).findall(f"{ATOM}entry")
    )


# The feeds and the full-page cache


def test_a_kept_feed_shows_a_new_release_a_withdrawal_and_a_renamed_person():
    url = "/feeds/releases/"
    feed(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"

    person = ContributorProfile.objects.get(user__username="grace.lin")
    tool = make_tool("Quince clinic handover sheet", contributors=[person], releases=1, release_dates_from=TODAY)
    release = tool.latest_release
    _, entries = feed(url)
    assert entry_ids(entries)[0] == release_address(release)
    assert Client().get(url)["X-Page-Cache"] == "hit"

    person.display_name = "Grace Lin-Harper"
    person.save()
    _, entries = feed(url)
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == "Grace Lin-Harper"

    tool.unpublish()
    _, entries = feed(url)
    assert release_address(release) not in entry_ids(entries)


def test_a_condition_feed_is_kept_and_purged_when_a_release_is_published():
    url = "/feeds/releases/ibd/"
    feed(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"
    tool = first_public(ToolPage)
    assert tool.conditions.filter(slug="ibd").exists()
    release = add_release(tool, "7.0", TODAY, "A new version.")
    assert entry_ids(feed(url)[1])[0] == release_address(release)


# Where the feeds are offered


def test_the_home_page_and_the_library_offer_the_feeds(client):
    home = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" title="New releases" href="/feeds/releases/">' in home
    seen = read(client.get("/"))
    assert seen.link_text("/feeds/releases/") == "Follow new releases in your feed reader"

    library = client.get("/library/?condition=ibd").content.decode()
    condition = Condition.objects.get(slug="ibd")
    assert (f'<link rel="alternate" type="application/atom+xml" title="New releases for {condition.name}" '
            'href="/feeds/releases/ibd/">') in library
    assert "/feeds/releases/ibd/" not in client.get("/library/").content.decode()
    for href in re.findall(r'type="application/atom\+xml"[^>]*href="([^"]+)"', library):
        feed(href)

