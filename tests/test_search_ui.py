"""Search as a visitor uses it: /search/, the library's filters, suggestions, related resources,
the click log, and the editors' analytics. Expected results come from the database, not from the
search engine: a resource matches a filter when its fields say so."""

import json
import math
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from contributors.roles import EDITORS
from resources.models import ResourcePage
from search import service
from search.engines.base import EngineUnavailable
from search.indexing import index_pages, paused
from search.models import SearchClick, SearchQueryLog, Synonym

from .builders import network_only, public_resources, resource_urls
from .conftest import login
from .html import all_pages, read, squash, stated_count, visit

pytestmark = pytest.mark.django_db

PER_PAGE = 12
CLICK_URL = re.compile(r"^/search/click/(\d+)/(\d+)/(\d+)/\?sig=[\w:-]+$")  # signed: search/clicks.py


def listed_urls(pages):
    return {href for seen in pages for href in seen.hrefs} & resource_urls()


def result_page_ids(seen):
    """The page ids of /search/'s results in order, from their click-counting links."""
    ids = []
    for href in seen.hrefs:
        match = CLICK_URL.match(href)
        if match and int(match.group(2)) not in ids:
            ids.append(int(match.group(2)))
    return ids


# Facet checkboxes, as a visitor sees them.


@dataclass
class Checkbox:
    name: str
    value: str
    checked: bool
    label: str = ""

    @property
    def count(self):
        match = re.search(r"\((\d+)\)$", self.label)
        return int(match.group(1)) if match else None

    @property
    def text(self):
        return re.sub(r"\s*\(\d+\)$", "", self.label)


class _Boxes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.boxes = {}
        self.labels = {}
        self.legends = []
        self._label = None
        self._legend = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox":
            self.boxes[attrs["id"]] = Checkbox(attrs["name"], attrs["value"], "checked" in attrs)
        elif tag == "label" and attrs.get("for"):
            self._label = attrs["for"]
            self.labels[self._label] = ""
        elif tag == "legend":
            self._legend = ""

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None
        elif tag == "legend" and self._legend is not None:
            self.legends.append(squash(self._legend))
            self._legend = None

    def handle_data(self, data):
        if self._label:
            self.labels[self._label] += data
        if self._legend is not None:
            self._legend += data


def facets_of(response):
    """({facet: {value: Checkbox}}, [legends]) of a results page."""
    parser = _Boxes()
    parser.feed(response.content.decode())
    facets = {}
    for box_id, box in parser.boxes.items():
        box.label = squash(parser.labels.get(box_id, ""))
        facets.setdefault(box.name, {})[box.value] = box
    return facets, parser.legends


# /search/


def test_search_shows_the_methotrexate_resources_first_with_a_highlight(client):
    expected = set(public_resources().filter(title__icontains="methotrexate").values_list("pk", flat=True))
    assert len(expected) >= 2
    response = client.get("/search/?q=methotrexate")
    assert response.status_code == 200
    seen = read(response)
    assert seen.says("resources for “methotrexate”") or seen.says("resource for “methotrexate”")
    ids = result_page_ids(seen)
    assert set(ids[: len(expected)]) == expected
    for page in ResourcePage.objects.filter(pk__in=expected):
        assert page.title in seen
    assert re.search(r"<mark>methotrexate</mark>", response.content.decode(), re.IGNORECASE)


def test_search_highlights_are_escaped_apart_from_the_marks(client):
    response = client.get("/search/?q=methotrexate")
    content = response.content.decode()
    excerpts = re.findall(r'<p class="result__excerpt">(.*?)</p>', content, re.DOTALL)
    assert excerpts
    for excerpt in excerpts:
        without_marks = re.sub(r"</?mark>", "", re.sub(r'<span class="visually-hidden">[^<]*</span>', "", excerpt))
        assert "<" not in without_marks


def test_search_page_has_one_search_form_with_a_label_and_a_sort_choice(client):
    response = client.get("/search/?q=pdsa")
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert re.search(r'<label[^>]*for="search-box-q"[^>]*>Search resources</label>', content)
    assert 'role="search"' in content
    assert 'id="site-search-q"' not in content  # the header's box would be a second one here
    options = re.findall(r'<option value="(\w+)"[^>]*>([^<]+)</option>', content)
    assert options == [
        ("relevance", "Best match"), ("newest", "Newest"), ("reused", "Most reused"), ("used", "Most used"),
        ("adopted", "Most adopted"),
    ]
    assert re.search(r'<option value="relevance" selected>', content)


def test_search_sorted_newest_first(client):
    seen = visit(client, "/search/?q=checklist&sort=newest")
    ids = result_page_ids(seen)
    assert len(ids) > 2
    pages = {page.pk: page for page in ResourcePage.objects.filter(pk__in=ids)}
    dates = [pages[pk].first_published_at for pk in ids]
    assert dates == sorted(dates, reverse=True)


def test_search_results_have_page_links_that_keep_the_query(client):
    seen = visit(client, "/search/?q=clinic&condition=ibd&condition=jia")
    count = stated_count(seen)
    assert count > PER_PAGE
    last = math.ceil(count / PER_PAGE)
    assert "?q=clinic&condition=ibd&condition=jia&page=2" in seen.hrefs
    assert seen.says(f"page 1 of {last}")
    second = visit(client, "/search/?q=clinic&condition=ibd&condition=jia&page=2")
    assert "?q=clinic&condition=ibd&condition=jia" in second.hrefs  # back to page 1
    # Only the first page of a search is logged, so the second links straight to the resources.
    first_urls = {page.url for page in ResourcePage.objects.filter(pk__in=result_page_ids(seen))}
    second_urls = set(second.hrefs) & resource_urls()
    assert len(first_urls) == PER_PAGE and second_urls
    assert not first_urls & second_urls


class _UnreachableCluster:
    name = "cluster"

    def __getattr__(self, method):
        def unavailable(*args, **kwargs):
            raise EngineUnavailable("connection refused")

        return unavailable


def test_search_says_when_results_may_be_incomplete(client, monkeypatch):
    monkeypatch.setattr(service, "configured_engine", _UnreachableCluster)
    monkeypatch.setattr(service, "_outage_logged", False)
    seen = visit(client, "/search/?q=methotrexate")
    assert "Results may be incomplete" in seen
    assert stated_count(seen) > 0  # answered by the embedded engine
    monkeypatch.undo()
    assert "Results may be incomplete" not in visit(client, "/search/?q=methotrexate")


def test_search_without_results_suggests_what_to_try(client):
    seen = visit(client, "/search/?q=zebrafish&condition=ibd")
    assert stated_count(seen) == 0
    assert "No resources match “zebrafish” with these filters" in seen
    assert "clear all filters" in [text for href, text in seen.links if href == "/search/?q=zebrafish"]
    assert "check the spelling" in seen
    assert "/library/" in [href for href, text in seen.links if "browse every resource" in text]


def test_header_search_box_on_every_other_page(client):
    page = public_resources().order_by("pk").first()
    for url in ("/", page.url, "/people/"):
        content = client.get(url).content.decode()
        form = re.search(r'<form class="site-search" role="search" method="get" action="([^"]+)"', content)
        assert form and form.group(1) == reverse("search")
        assert re.search(r'<label[^>]*for="site-search-q"[^>]*>Search resources</label>', content)
        assert f'data-autocomplete="{reverse("search_autocomplete")}"' in content


# Facets


def test_facet_checkboxes_show_counts_of_what_matches(client):
    response = client.get("/library/")
    facets, legends = facets_of(response)
    # Adoption and Evidence: the demo's centres use some resources, and some public series show improvement.
    assert legends == ["Condition", "Resource type", "Improvement phase", "Audience", "Licence", "Organisation",
                       "Adoption", "Evidence", "Tag"]
    conditions = facets["condition"]
    for slug, box in conditions.items():
        expected = public_resources().filter(conditions__slug=slug).distinct().count()
        assert box.count == expected > 0, f"{slug}: {box.label}"
        assert not box.checked
    licences = facets["licence"]
    for spdx, box in licences.items():
        assert box.count == public_resources().filter(licence__spdx_id=spdx).count()
    assert "network-only" not in licences  # nothing an anonymous visitor can see carries it
    assert 0 < len(facets["tag"]) <= 15


def test_facets_leave_out_values_that_match_nothing(client):
    facets, _ = facets_of(client.get("/search/?q=methotrexate"))
    matching = public_resources().filter(title__icontains="methotrexate")
    shown = set(facets["condition"])
    assert shown >= set(matching.values_list("conditions__slug", flat=True))
    assert "single-ventricle" not in shown
    # The evidence option has no count until ticked (a ``by_access`` facet, search/registry.py).
    assert all(box.count > 0 for name, values in facets.items() if name != "evidence" for box in values.values())


def test_two_conditions_widen_and_a_type_narrows(client):
    either = public_resources().filter(conditions__slug__in=["ibd", "jia"]).distinct()
    ibd = public_resources().filter(conditions__slug="ibd").distinct()
    assert either.count() > ibd.count()

    pages = all_pages(client, "/library/?condition=ibd&condition=jia")
    assert stated_count(pages[0]) == either.count()
    assert listed_urls(pages) == {page.url for page in either}
    facets, _ = facets_of(client.get("/library/?condition=ibd&condition=jia"))
    assert facets["condition"]["ibd"].checked and facets["condition"]["jia"].checked
    assert not facets["condition"]["type-1-diabetes"].checked
    # Counts of the other facets are within the chosen conditions.
    assert facets["type"]["checklist"].count == either.filter(resource_type__slug="checklist").count()

    checklists = either.filter(resource_type__slug="checklist")
    assert 0 < checklists.count() < either.count()
    pages = all_pages(client, "/library/?condition=ibd&condition=jia&type=checklist")
    assert stated_count(pages[0]) == checklists.count()
    assert listed_urls(pages) == {page.url for page in checklists}
    facets, _ = facets_of(client.get("/library/?condition=ibd&condition=jia&type=checklist"))
    assert facets["type"]["checklist"].checked
    assert facets["condition"]["ibd"].checked


def test_chosen_filters_can_be_removed_one_by_one_or_all_at_once(client):
    seen = visit(client, "/library/?condition=ibd&type=checklist&sort=newest")
    remove_ibd = "/library/?type=checklist&sort=newest"
    assert remove_ibd in seen.hrefs
    assert seen.link_text("/library/?sort=newest") == "Clear all filters"


def test_facets_form_keeps_the_search_text_and_sort(client):
    content = client.get("/search/?q=pdsa&sort=newest&condition=ibd").content.decode()
    form = content[content.index('<section class="panel facets"'):content.index("</section>")]
    assert '<input type="hidden" name="q" value="pdsa">' in form
    assert '<input type="hidden" name="sort" value="newest">' in form
    assert 'type="submit"' in form and "Apply filters" in form


# The library


def test_library_lists_every_visible_resource_with_facets(client):
    public = public_resources()
    pages = all_pages(client, "/library/")
    assert stated_count(pages[0]) == public.count()
    assert listed_urls(pages) == {page.url for page in public}
    first = client.get("/library/")
    facets, _ = facets_of(first)
    assert set(facets) == {"condition", "type", "phase", "audience", "licence", "organisation", "adoption",
                           "evidence", "tag"}
    content = first.content.decode()
    assert re.search(r'<form class="search-box" role="search" method="get" action="/library/"', content)
    assert re.search(r'<option value="newest" selected>', content)


def test_library_search_stays_in_the_library_and_is_logged(client):
    expected = set(public_resources().filter(title__icontains="methotrexate").values_list("pk", flat=True))
    seen = visit(client, "/library/?q=methotrexate")
    clicked = [int(CLICK_URL.match(href).group(2)) for href in seen.hrefs if CLICK_URL.match(href)]
    assert set(list(dict.fromkeys(clicked))[: len(expected)]) == expected
    log = SearchQueryLog.objects.get(query="methotrexate")
    assert log.result_count == stated_count(seen)


# The query log and clicks


def test_a_search_is_logged_and_a_click_is_recorded(client):
    seen = visit(client, "/search/?q=methotrexate")
    log = SearchQueryLog.objects.get(query="methotrexate")
    assert log.result_count == stated_count(seen)
    first = next(href for href in seen.hrefs if CLICK_URL.match(href))
    search_id, page_id, position = map(int, CLICK_URL.match(first).groups())
    assert (search_id, position) == (log.pk, 1)

    response = client.get(first)
    page = ResourcePage.objects.get(pk=page_id)
    assert response.status_code == 302
    assert response["Location"] == page.url
    click = SearchClick.objects.get(search=log)
    assert (click.page_id, click.position) == (page_id, 1)
    # Further pages of the same search are not logged again.
    client.get("/search/?q=methotrexate&page=2")
    assert SearchQueryLog.objects.filter(query="methotrexate").count() == 1


def test_a_click_on_a_hidden_resource_is_not_found(client):
    log = SearchQueryLog.objects.create(query="survey", result_count=1, engine="embedded")
    hidden = network_only()[0]
    response = client.get(reverse("search_click", args=[log.pk, hidden.pk, 1]))
    assert response.status_code == 404
    assert not SearchClick.objects.exists()


# Suggestions


def suggestions(client, prefix):
    response = client.get(reverse("search_autocomplete"), {"q": prefix})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)["suggestions"]


def test_autocomplete_suggests_titles_with_their_urls(client):
    found = suggestions(client, "pre")
    titles = {item["label"]: item["url"] for item in found if item["kind"] == "title"}
    page = public_resources().get(title="Pre-visit planning checklist for IBD clinic")
    assert titles.get(page.title) == page.url
    assert all(set(item) == {"label", "kind", "url"} for item in found)


def test_autocomplete_needs_two_characters(client):
    assert suggestions(client, "p") == []


# Network-only resources


def _request_for(username):
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username=username)
    return request


def _public_page_related_to_a_hidden_one():
    """A public resource whose related resources, for a member, include a network-only one."""
    hidden = {page.pk for page in network_only()}
    member = _request_for("grace.lin")
    for page in public_resources().order_by("pk"):
        for related in page.specific.related_resources(member):
            if related.pk in hidden:
                return page, related
    pytest.fail("no public resource has a network-only resource among its related resources")


def test_network_only_resources_are_not_found_by_anonymous_visitors(client):
    hidden = network_only()
    assert hidden
    page = next(page for page in hidden if page.title.startswith("Pre-visit"))
    hidden_urls = [page.url for page in hidden]
    seen = visit(client, f"/search/?{urlencode({'q': 'pre-visit patient-reported outcomes survey'})}")
    assert page.pk not in result_page_ids(seen)
    assert page.title not in seen
    for query in ("", "q=survey", "q=IBD"):
        for seen in all_pages(client, f"/search/?{query}") + all_pages(client, f"/library/?{query}"):
            assert not set(hidden_urls) & set(seen.hrefs)
            assert not any(p.title in seen for p in hidden)
    assert page.title not in {item["label"] for item in suggestions(client, "pre-visit")}
    assert page.url not in {item["url"] for item in suggestions(client, "pre-visit")}

    public_page, related = _public_page_related_to_a_hidden_one()
    seen = visit(client, public_page.url)
    assert related.url not in seen.hrefs
    assert related.title not in seen


def test_network_only_resources_are_found_by_members(client):
    login(client, "grace.lin")
    hidden = network_only()
    page = next(page for page in hidden if page.title.startswith("Pre-visit"))
    seen = visit(client, f"/search/?{urlencode({'q': 'pre-visit patient-reported outcomes survey'})}")
    assert page.pk in result_page_ids(seen)
    assert stated_count(visit(client, "/library/")) == ResourcePage.objects.live().count()
    assert page.url in listed_urls(all_pages(client, "/library/?licence=network-only"))
    assert page.title in {item["label"] for item in suggestions(client, "pre-visit")}

    public_page, related = _public_page_related_to_a_hidden_one()
    seen = visit(client, public_page.url)
    assert "Related resources" in seen
    assert seen.link_text(related.url) == related.title


def test_related_resources_are_shown_as_cards(client):
    page = public_resources().order_by("pk").first().specific
    anonymous = RequestFactory().get("/")
    anonymous.user = AnonymousUser()
    related = page.related_resources(anonymous)
    assert related
    seen = visit(client, page.url)
    heading = seen.text.index("Related resources")
    for resource in related:
        assert seen.link_text(resource.url) == resource.title
        assert seen.text.index(resource.title, heading) > heading


# Abuse


def test_a_huge_query_without_spaces_is_answered(client):
    query = "a" * 100_000
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    seen = read(response)
    assert stated_count(seen) == 0
    log = SearchQueryLog.objects.get()
    assert len(log.query) <= 200
    assert client.get("/library/", {"q": query}).status_code == 200
    assert suggestions(client, query) == []


# Synonyms and the analytics report


def test_a_new_synonym_is_used_at_once(client):
    # Amethopterin is methotrexate's old name, used nowhere in the demo.
    assert stated_count(visit(client, "/search/?q=amethopterin")) == 0  # the synonym map is now cached
    Synonym.objects.create(term="amethopterin", synonyms="methotrexate")
    expected = set(public_resources().filter(title__icontains="methotrexate").values_list("pk", flat=True))
    assert expected <= set(result_page_ids(visit(client, "/search/?q=amethopterin")))


def test_editor_manages_synonyms(editor_client):
    response = editor_client.get(reverse("wagtailsnippets_commons_search_synonym:list"), {"q": "study act"})
    assert response.status_code == 200
    listing = read(response)
    assert "PDSA" in listing and "IBD" not in listing.text.split("Synonyms", 1)[-1]
    response = editor_client.post(
        reverse("wagtailsnippets_commons_search_synonym:add"),
        {"term": "Huddle", "synonyms": "team briefing, safety huddle"},
    )
    assert response.status_code == 302
    assert Synonym.objects.get(term="Huddle").phrases == ["team briefing", "safety huddle"]


def test_analytics_report_lists_zero_result_searches_for_editors(editor_client):
    anonymous = Client()
    anonymous.get("/search/?q=zebrafish")
    anonymous.get("/search/?q=Zebrafish")
    seen = visit(anonymous, "/search/?q=methotrexate")
    anonymous.get(next(href for href in seen.hrefs if CLICK_URL.match(href)))

    seen = visit(editor_client, reverse("commons_search_analytics"))
    assert "Search analytics" in seen
    zero = seen.text[seen.text.index("searches that found nothing"):]
    assert re.search(r"zebrafish 2\b", zero)
    top = seen.text[seen.text.index("Top 20 searches"):seen.text.index("searches that found nothing")]
    assert re.search(r"methotrexate 1 \d+(\.\d)? 100%", top)
    assert "Click-through rate 33% (1 of 3 searches)" in seen
    assert "Search analytics" in editor_client.get(reverse("wagtailadmin_home")).content.decode()


def test_analytics_report_is_refused_for_participants(participant_client):
    Client().get("/search/?q=zebrafish")
    response = participant_client.get(reverse("commons_search_analytics"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert "zebrafish" not in response.content.decode()
    assert "Search analytics" not in participant_client.get(reverse("wagtailadmin_home")).content.decode()


def test_related_lists_are_kept_per_access_until_the_index_changes(client):
    public_page, related = _public_page_related_to_a_hidden_one()
    service.index_changed()  # finding them kept the member's list: start from nothing kept
    member = login(Client(), "grace.lin")

    def engine_queries(viewer):
        with CaptureQueriesContext(connection) as queries:
            seen = visit(viewer, public_page.url)
        return seen, [query for query in queries if "commons_search" in query["sql"]]

    seen, asked = engine_queries(member)
    assert seen.link_text(related.url) == related.title and asked
    seen, asked = engine_queries(member)
    assert seen.link_text(related.url) == related.title and not asked, "kept: the index was not asked again"
    # Kept per access: an anonymous visitor's list is its own, without the network-only resource.
    seen, asked = engine_queries(client)
    assert related.url not in seen.links and asked

    # Any write to the index forgets what was kept.
    index_pages([public_page.pk])
    assert engine_queries(member)[1]

    # And what is shown is checked again: a restriction the index has not caught up with yet hides it.
    with paused():
        restriction = PageViewRestriction.objects.create(page=related, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set(Group.objects.filter(name=EDITORS))
    seen, asked = engine_queries(member)
    assert not asked and related.url not in seen.links
