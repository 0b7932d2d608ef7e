"""A ``by_access`` facet (search/registry.py): a yes/no filter on a fact not everyone may know.
The documents hold the access keys of those who may know it; asking for "yes" matches the asker's
keys, any other value matches nothing, and its option is counted only when ticked. Here a test
declares one the way resources/indexing/facets.py declares its own."""

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.http import QueryDict

from resources.indexing import access
from resources.indexing.facets import FACETS
from resources.indexing.source import ResourceSource
from resources.models import ResourcePage
from search import registry, service
from search.engines.base import SearchRequest
from search.engines.database import DatabaseEngine
from search.forms import SearchForm
from search.registry import Facet

from .conftest import login

MEMBERS = "group:999"  # the key of a group no demo person is in: only a request naming it passes


def known_to(document_id):
    """Who may know the fact about each resource: some everyone, some only MEMBERS, some no one."""
    return {0: ["public"], 1: [MEMBERS]}.get(document_id % 3, [])


class SourceWithAFactSomeMayNotKnow(ResourceSource):
    facets = FACETS + (
        Facet("proven", "Evidence", labels=lambda: [(registry.YES, "With evidence")], by_access=True),
    )

    def documents(self, ids):
        return [{**document, "proven": known_to(document["id"])} for document in super().documents(ids)]

    def all_documents(self):
        total, documents = super().all_documents()
        return total, [{**document, "proven": known_to(document["id"])} for document in documents]


@pytest.fixture
def proven_facet(db):
    site_source = registry.source()
    registry.register(SourceWithAFactSomeMayNotKnow())
    DatabaseEngine().rebuild(registry.source().all_documents()[1])
    yield
    registry.register(site_source)


def ids_of(results):
    return {hit.page_id for hit in results.hits}


def public_ids():
    return {d["id"] for d in registry.source().all_documents()[1] if "public" in d["access"]}


def test_yes_matches_what_the_asker_may_know_and_no_more(proven_facet):
    everyone = frozenset({"public"})
    members = frozenset({"public", "authenticated", MEMBERS})
    anonymous = service.search(SearchRequest(filters={"proven": ("yes",)}, per_page=500, access=everyone))
    member = service.search(SearchRequest(filters={"proven": ("yes",)}, per_page=500, access=members))
    assert ids_of(anonymous) == {pk for pk in public_ids() if pk % 3 == 0}
    assert ids_of(member) == {pk for pk in public_ids() if pk % 3 in (0, 1)}
    assert ids_of(anonymous) < ids_of(member)
    # Ticked, every result has it: the count is the total.
    (option,) = member.facets["proven"]
    assert (option.value, option.count, option.selected, option.label) == ("yes", member.total, True, "With evidence")


def test_a_key_typed_by_hand_matches_nothing(proven_facet):
    for value in (MEMBERS, "public", "authenticated", "no"):
        results = service.search(SearchRequest(filters={"proven": (value,)}, per_page=500))
        assert results.total == 0, value


def test_unticked_its_option_has_no_count(proven_facet):
    results = service.search(SearchRequest(per_page=1))
    (option,) = results.facets["proven"]
    assert (option.value, option.count, option.selected) == ("yes", None, False)


class SourceWhereOnlyMembersKnow(SourceWithAFactSomeMayNotKnow):
    def documents(self, ids):
        return [{**document, "proven": [MEMBERS]} for document in ResourceSource.documents(self, ids)]

    def all_documents(self):
        total, documents = ResourceSource.all_documents(self)
        return total, [{**document, "proven": [MEMBERS]} for document in documents]


def test_the_option_is_offered_only_to_those_who_may_know_of_something(proven_facet):
    registry.register(SourceWhereOnlyMembersKnow())  # the fixture puts the site's source back
    DatabaseEngine().rebuild(registry.source().all_documents()[1])
    anonymous = service.search(SearchRequest(per_page=1))
    assert anonymous.total > 0 and anonymous.facets["proven"] == []
    member = service.search(SearchRequest(per_page=1, access=frozenset({"public", MEMBERS})))
    assert [(option.value, option.count) for option in member.facets["proven"]] == [("yes", None)]


def search_page(client, url):
    """The "With evidence" box and its label, and the titles the results page lists."""
    response = client.get(url)
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.content)
    (box,) = tree.xpath('//input[@name="proven"][@type="checkbox"]')
    (label,) = tree.xpath(f'//label[@for="{box.get("id")}"]')
    titles = [" ".join(link.text_content().split()) for link in tree.xpath('//h3[@class="result__title"]/a')]
    return box, " ".join(label.text_content().split()), titles


def known_to_keys(access):
    """The titles of the resources those holding ``access`` know have the fact, and their number."""
    results = service.search(SearchRequest(filters={"proven": ("yes",)}, per_page=500, access=access))
    titles = set(ResourcePage.objects.filter(pk__in=ids_of(results)).values_list("title", flat=True))
    return titles, results.total


def test_the_results_page_shows_one_box_without_a_count_until_ticked(proven_facet, client):
    box, label, _titles = search_page(client, "/search/")
    assert box.get("value") == "yes" and box.get("checked") is None
    assert label == "With evidence"
    box, label, titles = search_page(client, "/search/?proven=yes")
    assert box.get("checked") is not None
    # Ticked: the resources anyone may know have it, and how many they are.
    expected, total = known_to_keys(frozenset({"public"}))
    assert total > 0 and label == f"With evidence ({total})"
    assert titles and set(titles) <= expected and len(titles) == min(total, 12)


def test_the_form_keeps_yes_for_the_page_while_the_service_asks_by_key(proven_facet, client):
    form = SearchForm(QueryDict("proven=yes"))
    assert form.facet_values["proven"] == ("yes",)
    grace = get_user_model().objects.get(username="grace.lin")
    box, label, titles = search_page(login(client, "grace.lin"), "/search/?proven=yes")
    assert box.get("checked") is not None
    # She is not among MEMBERS: she is shown what her own keys know, not the MEMBERS-only ones.
    keys = frozenset({"public", "authenticated", *(access.group_key(group.pk) for group in grace.groups.all())})
    assert MEMBERS not in keys
    expected, total = known_to_keys(keys)
    assert total > 0 and label == f"With evidence ({total})"
    assert titles and set(titles) <= expected and len(titles) == min(total, 12)
    as_a_member, _total = known_to_keys(keys | {MEMBERS})
    assert as_a_member - expected and not set(titles) & (as_a_member - expected)
