"""Every public page shows an anonymous visitor what it is for: the content, the links and the
counts, checked against the database rather than against the markup."""

import datetime
import math
import re

import pytest
from django.contrib.staticfiles import finders
from django.db.models import Sum
from django.templatetags.static import static
from django.utils import timezone

from contributors.models import ContributorProfile, Organisation
from resources.models import (
    Audience,
    ChangePackagePage,
    CollectionPage,
    Condition,
    HomePage,
    Licence,
    ProtocolPage,
    Release,
    ResourcePage,
    ResourceType,
    ToolPage,
)

from .builders import public_resources, resource_urls
from .conftest import login
from .html import all_pages, count_beside, squash, stated_count, visit

pytestmark = pytest.mark.django_db

PER_PAGE = 12
NEWEST_FIRST = ("-first_published_at", "-pk")


def library_results(client, query=""):
    """(stated count, every resource URL listed on every page of results) for a library query."""
    pages = all_pages(client, f"/library/?{query}")
    return stated_count(pages[0]), {href for seen in pages for href in seen.hrefs} & resource_urls()


def assert_lists_exactly(seen, expected):
    """The resources linked from ``seen`` are those in ``expected`` (a queryset or pages), and each
    is shown with its title."""
    expected = list(expected)
    assert set(seen.hrefs) & resource_urls() == {page.url for page in expected}
    for page in expected:
        assert page.title in seen


# Home


def test_home_page_shows_site_featured_collection_releases_and_conditions(client):
    home = HomePage.objects.get()
    seen = visit(client, "/")
    assert "Improvement Commons" in seen
    assert "/library/" in seen.hrefs

    featured = home.featured_collection
    assert featured is not None and featured.title in seen
    assert featured.url in seen.hrefs
    public = set(public_resources().values_list("pk", flat=True))
    first_item = next(item for item in featured.items.order_by("sort_order", "pk") if item.resource_id in public)
    assert first_item.resource.title in seen
    assert first_item.resource.url in seen.hrefs
    assert squash(first_item.note) in seen

    latest = (
        Release.objects.published()
        .filter(resource__in=public_resources())
        .select_related("resource")
        .order_by("-release_date", "-pk")[:6]
    )
    assert len(latest) == 6
    for release in latest:
        assert release.resource.title in seen
        assert release.get_absolute_url() in seen.hrefs
        assert seen.says(f"Version {release.label}")

    for condition in Condition.objects.all():
        url = f"/library/?condition={condition.slug}"
        assert seen.link_text(url) == condition.name
        expected = public_resources().filter(conditions=condition).distinct().count()
        shown = re.search(re.escape(condition.name) + r"\W+(\d+) resources?", seen.text)
        assert shown and int(shown.group(1)) == expected, f"{condition.name}: expected {expected} resources"
        # The link leads to a library listing exactly that many.
        assert stated_count(visit(client, url)) == expected


def test_home_page_lists_the_collections(client):
    seen = visit(client, "/")
    for collection in CollectionPage.objects.live():
        assert collection.title in seen
        assert collection.url in seen.hrefs


# Library


def test_library_shows_a_page_of_cards_and_the_total(client):
    public = list(public_resources().order_by(*NEWEST_FIRST))
    seen = visit(client, "/library/")
    assert stated_count(seen) == len(public)
    for resource in public[:PER_PAGE]:
        assert resource.url in seen.hrefs
        assert seen.link_text(resource.url) == resource.title
        assert squash(resource.summary) in seen
    listed = set(seen.hrefs) & resource_urls()
    assert listed == {resource.url for resource in public[:PER_PAGE]}


def test_library_page_two_shows_the_next_resources(client):
    public = list(public_resources().order_by(*NEWEST_FIRST))
    assert len(public) > 2 * PER_PAGE
    first = set(visit(client, "/library/").hrefs) & resource_urls()
    second = set(visit(client, "/library/?page=2").hrefs) & resource_urls()
    assert second == {resource.url for resource in public[PER_PAGE:2 * PER_PAGE]}
    assert not first & second


def test_library_sorts_by_most_reused(client):
    """Most adapted first (live adaptations), then most downloaded, then newest."""

    def reuse(page):
        adapted = ResourcePage.objects.live().filter(adapted_from=page).count()
        downloads = page.releases.published().aggregate(total=Sum("files__download_count"))["total"] or 0
        return (-adapted, -downloads, -page.first_published_at.timestamp(), page.pk)

    keys = {page.pk: reuse(page) for page in public_resources()}
    public = sorted(public_resources(), key=lambda page: keys[page.pk])
    assert keys[public[0].pk][0] < 0, "the demo network has adapted resources to sort by"
    seen = visit(client, "/library/?sort=reused")
    listed = [href for href in seen.hrefs if href in resource_urls()]
    expected = [resource.url for resource in public[:PER_PAGE]]
    assert list(dict.fromkeys(listed)) == expected
    assert list(dict.fromkeys(listed)) != [
        resource.url for resource in public_resources().order_by(*NEWEST_FIRST)[:PER_PAGE]
    ]


def _filter_value(name):
    """A filter value that narrows the library, and the resources it should leave."""
    public = public_resources()
    if name == "condition":
        return "jia", public.filter(conditions__slug="jia")
    if name == "type":
        return "handout", public.filter(resource_type=ResourceType.objects.get(slug="handout"))
    if name == "phase":
        return "measure", public.filter(phase="measure")
    if name == "audience":
        return "patients", public.filter(audiences=Audience.objects.get(slug="patients"))
    licence = Licence.objects.get(spdx_id="CC-BY-NC-4.0")
    return licence.spdx_id, public.filter(licence=licence)


@pytest.mark.parametrize("name", ["condition", "type", "phase", "audience", "licence"])
def test_library_filter_narrows_the_list(client, name):
    value, expected = _filter_value(name)
    expected_urls = {resource.url for resource in expected.distinct()}
    assert 0 < len(expected_urls) < public_resources().count()
    count, found = library_results(client, f"{name}={value}")
    assert count == len(expected_urls)
    assert found == expected_urls


def test_library_filters_combine(client):
    expected = public_resources().filter(conditions__slug="ibd", phase="implement").distinct()
    count, found = library_results(client, "condition=ibd&phase=implement")
    assert count == expected.count() > 0
    assert found == {resource.url for resource in expected}


@pytest.mark.parametrize("query", ["sort=random", "page=abc", "page=-1", "page=0", "condition="])
def test_library_ignores_an_invalid_value(client, query):
    seen = visit(client, f"/library/?{query}")
    assert stated_count(seen) == public_resources().count()
    assert set(seen.hrefs) & resource_urls()


@pytest.mark.parametrize(
    "query",
    ["phase=bogus", "condition=no-such-condition", "type=nope", "audience=martians", "licence=abc",
     "licence=999999", "organisation=nowhere", "tag=no-such-tag"],
)
def test_library_filter_value_that_matches_nothing_says_so(client, query):
    """Filters are multi-value facets: an unknown value matches nothing (it is not silently
    dropped), is shown ticked so it can be unticked, and the page offers to clear it."""
    name, value = query.split("=")
    seen = visit(client, f"/library/?{query}")
    assert stated_count(seen) == 0
    assert "No resources match with these filters" in seen
    assert "clear all filters" in [text for href, text in seen.links if href == "/library/"]
    assert re.search(rf'<input type="checkbox"[^>]*name="{name}" value="{re.escape(value)}" checked>',
                     _content(client, f"/library/?{query}"))
    assert stated_count(visit(client, "/library/")) == public_resources().count()


def _content(client, url):
    return client.get(url).content.decode()


def test_library_page_past_the_end_links_back_to_the_results(client):
    count = public_resources().count()
    last = math.ceil(count / PER_PAGE)
    seen = visit(client, "/library/?page=999")
    assert stated_count(seen) == count
    assert "There is no page 999 of these results" in seen
    assert seen.link_text(f"/library/?page={last}") == "the last page"
    assert set(visit(client, f"/library/?page={last}").hrefs) & resource_urls()


def test_library_keeps_valid_filters_beside_an_invalid_one(client):
    """One bad value in a hand-edited URL drops only itself: the valid condition still filters
    beside a bad page and sort, and beside an unknown value of the same filter (values of one
    filter widen each other, so the unknown one adds nothing)."""
    expected = public_resources().filter(conditions__slug="ibd").distinct()
    count, found = library_results(client, "condition=ibd&condition=bogus&page=abc&sort=random")
    assert count == expected.count()
    assert found == {resource.url for resource in expected}


# Resource pages


def _public_tool_with_history():
    for tool in ToolPage.objects.live().public().order_by("pk"):
        if (
            len(tool.published_releases) >= 2
            and tool.steps
            and tool.credited
            and any(block.block_type == "heading" for block in tool.body)
        ):
            return tool
    pytest.fail("the demo network has no public tool with two releases, steps, credits and a heading")


def test_tool_page_shows_its_content_licence_people_and_releases(client):
    tool = _public_tool_with_history()
    seen = visit(client, tool.url)

    assert tool.title in seen
    assert squash(tool.summary) in seen
    heading = next(block.value for block in tool.body if block.block_type == "heading")
    assert heading in seen
    assert tool.steps[0]["title"] in seen

    assert tool.licence.name in seen
    assert squash(tool.licence.summary) in seen
    for credit in tool.credited:
        assert seen.link_text(credit.contributor.get_absolute_url()) == credit.contributor.display_name

    latest, *older = tool.published_releases
    assert seen.says(f"Version {latest.label}")
    assert latest.get_absolute_url() in seen.hrefs
    for release_file in latest.files.all():
        assert release_file.get_absolute_url() in seen.hrefs
    # Version history: every published release, newest first.
    assert "Version history" in seen
    for release in older:
        assert release.get_absolute_url() in seen.hrefs
        assert squash(release.change_notes) in seen
    positions = [seen.hrefs.index(release.get_absolute_url(), seen.hrefs.index(latest.get_absolute_url()) + 1)
                 for release in older]
    assert positions == sorted(positions)


def test_tool_download_link_serves_the_released_file(client):
    tool = _public_tool_with_history()
    release_file = tool.latest_release.files.first()
    seen = visit(client, tool.url)
    assert release_file.get_absolute_url() in seen.hrefs
    response = client.get(release_file.get_absolute_url())
    assert response.status_code == 200
    with release_file.document.file.open("rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()


def _public_change_package():
    for package in ChangePackagePage.objects.live().public().order_by("pk"):
        if len(package.drivers) >= 3 and package.measures.exists() and any(
            idea["tool"] is not None for idea in package.change_ideas()
        ):
            return package
    pytest.fail("the demo network has no public change package with drivers, tools and measures")


def test_change_package_shows_aim_driver_diagram_and_measures(client):
    package = _public_change_package()
    seen = visit(client, package.url)
    assert squash(package.aim) in seen
    assert "Key driver diagram" in seen

    public_pks = set(public_resources().values_list("pk", flat=True))
    linked_tools = 0
    for primary in package.drivers:
        assert primary.value["title"] in seen
        assert primary.value["secondary_drivers"], "each primary driver has secondary drivers"
        for secondary in primary.value["secondary_drivers"]:
            assert secondary["title"] in seen
            for idea in secondary["change_ideas"]:
                assert idea["title"] in seen
                tool = idea["tool"]
                if tool is not None and tool.pk in public_pks:
                    assert tool.url in seen.hrefs
                    assert tool.title in seen
                    linked_tools += 1
    assert linked_tools

    measures = seen.text[seen.text.rindex("Measures"):]
    for measure in package.measures.all():
        kind = measure.get_kind_display()
        assert measure.name in measures
        assert squash(measure.operational_definition) in measures
        # Listed under its kind's heading.
        assert kind in measures and measures.index(kind) < measures.index(measure.name)


def _public_overdue_protocol():
    today = timezone.localdate()
    for protocol in ProtocolPage.objects.live().public().filter(review_by__lt=today).order_by("pk"):
        if protocol.citations.exclude(doi="").exists():
            return protocol
    pytest.fail("the demo network has no public overdue protocol with DOIs")


def test_protocol_shows_scope_population_evidence_and_overdue_review(client):
    protocol = _public_overdue_protocol()
    seen = visit(client, protocol.url)
    assert squash(protocol.scope) in seen
    assert squash(protocol.population) in seen
    for citation in protocol.citations.all():
        assert squash(citation.text) in seen
        if citation.doi:
            assert f"https://doi.org/{citation.doi}" in seen.hrefs
    # The notice names the date the review was due (the body may mention reviews too).
    assert "Review overdue" in seen
    assert f"due for review by {protocol.review_by.day} {protocol.review_by:%B %Y}" in seen


def test_protocol_within_its_review_date_has_no_overdue_notice(client):
    protocol = _public_overdue_protocol()
    ProtocolPage.objects.filter(pk=protocol.pk).update(review_by=timezone.localdate() + datetime.timedelta(days=90))
    seen = visit(client, protocol.url)
    assert squash(protocol.scope) in seen
    assert "due for review by" not in seen


def test_superseded_protocol_links_its_successor(client):
    # The demo's superseded protocols are network-only: a member reads them.
    old = ProtocolPage.objects.filter(superseded_by__isnull=False).first()
    successor = old.superseded_by
    login(client, "grace.lin")
    seen = visit(client, old.url)
    assert "superseded" in seen.text.lower()
    assert seen.link_text(successor.url) == successor.title
    # The successor itself is current.
    assert "has been superseded" not in visit(client, successor.url)


# Collections


def _all_public_collection():
    public = set(public_resources().values_list("pk", flat=True))
    for collection in CollectionPage.objects.live().order_by("pk"):
        items = list(collection.items.order_by("sort_order", "pk"))
        if len(items) >= 3 and all(item.resource_id in public for item in items):
            return collection, items
    pytest.fail("no collection whose resources are all public")


def test_collection_lists_items_in_the_editors_order_with_notes(client):
    collection, items = _all_public_collection()
    seen = visit(client, collection.url)
    assert collection.title in seen
    assert seen.says(f"{len(items)} resources")
    urls = [item.resource.url for item in items]
    listed = [href for href in seen.hrefs if href in urls]
    assert list(dict.fromkeys(listed)) == urls
    for item in items:
        assert squash(item.note) in seen
        assert item.resource.title in seen


def test_collection_follows_a_new_order(client):
    collection, items = _all_public_collection()
    for position, item in enumerate(reversed(items)):
        type(item).objects.filter(pk=item.pk).update(sort_order=position)
    seen = visit(client, collection.url)
    urls = [item.resource.url for item in reversed(items)]
    listed = [href for href in seen.hrefs if href in urls]
    assert list(dict.fromkeys(listed)) == urls


# People and organisations


def test_people_list_names_everyone_with_their_resource_count(client):
    seen = visit(client, "/people/")
    people = ContributorProfile.objects.filter(resource_links__isnull=False).distinct()
    assert people.count() >= 10
    for person in people:
        assert seen.link_text(person.get_absolute_url()) == person.display_name
        expected = public_resources().filter(contributor_links__contributor=person).distinct().count()
        assert count_beside(seen, person.display_name) == expected, person.display_name


def test_people_list_files_people_by_family_name_not_by_honorific(client):
    response = client.get("/people/")
    # Each letter's heading and the names under it.
    sections = {
        letter: read_fragment(body)
        for letter, body in re.findall(r'<h2 class="people-group__letter"[^>]*>(.*?)</h2>(.*?)</section>',
                                       response.content.decode(), re.S)
    }
    doctor = ContributorProfile.objects.get(user__username="samuel.okafor")
    assert doctor.display_name == "Dr Samuel Okafor"
    assert doctor.display_name in sections["O"]
    assert "D" not in sections or doctor.display_name not in sections["D"]
    # In the order of their family names, the last word of every name in the demo network.
    seen = visit(client, "/people/")
    people = {person.get_absolute_url(): person.display_name for person in ContributorProfile.objects.all()}
    listed = [people[href] for href in seen.hrefs if href in people]
    assert len(listed) == len(people)
    families = [name.split()[-1].casefold() for name in listed]
    assert families == sorted(families), listed


def read_fragment(html):
    return squash(re.sub(r"<[^>]+>", " ", html))


def test_person_page_lists_their_resources(client):
    person = ContributorProfile.objects.get(user__username="grace.lin")
    seen = visit(client, person.get_absolute_url())
    assert person.display_name in seen
    assert person.organisation.name in seen
    assert squash(person.bio) in seen
    expected = public_resources().filter(contributor_links__contributor=person).distinct()
    assert expected.count() >= 2
    assert_lists_exactly(seen, expected)


def test_organisation_list_names_each_with_its_resource_count(client):
    seen = visit(client, "/organisations/")
    for organisation in Organisation.objects.all():
        assert seen.link_text(organisation.get_absolute_url()) == organisation.name
        expected = public_resources().filter(organisations=organisation).distinct().count()
        assert count_beside(seen, organisation.name) == expected, organisation.name


def test_organisation_page_lists_its_people_and_resources(client):
    organisation = Organisation.objects.get(slug="prairie-childrens")
    seen = visit(client, organisation.get_absolute_url())
    assert organisation.name in seen and organisation.city in seen
    assert squash(organisation.description) in seen
    for person in organisation.people.all():
        assert seen.link_text(person.get_absolute_url()) == person.display_name
    expected = public_resources().filter(organisations=organisation).distinct()
    assert expected.count() >= 2
    assert_lists_exactly(seen, expected)
    for condition in organisation.conditions.all():
        assert seen.link_text(f"/library/?condition={condition.slug}") == condition.name


# Releases and adaptations


def test_release_page_shows_version_notes_files_and_licence(client):
    tool = _public_tool_with_history()
    release = tool.latest_release
    seen = visit(client, release.get_absolute_url())
    assert tool.title in seen
    assert seen.says(f"version {release.label}")
    assert squash(release.change_notes) in seen
    for release_file in release.files.all():
        assert seen.link_text(release_file.get_absolute_url()).startswith(release_file.display_title)
        assert release_file.sha256 in seen
    assert tool.licence.name in seen
    assert tool.url in seen.hrefs
    assert "A newer version is available" not in seen


def test_adapted_resource_links_its_source_and_the_source_lists_it(client):
    public = public_resources()
    page = public.filter(adapted_from__in=public).order_by("pk").first().specific
    source = page.adapted_from
    seen = visit(client, page.url)
    assert "Adapted from" in seen
    assert seen.link_text(source.url) == source.title

    seen = visit(client, source.url)
    assert "Adapted by others" in seen
    assert seen.link_text(page.url) == page.title


def test_the_site_has_an_icon(client):
    """Browsers ask for /favicon.ico on every visit; it was a 404."""
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == static("favicon.svg")
    with open(finders.find("favicon.svg"), encoding="utf-8") as icon:
        assert icon.read().startswith("<svg")
    home = client.get("/").content.decode()
    assert f'<link rel="icon" href="{static("favicon.svg")}" type="image/svg+xml">' in home
