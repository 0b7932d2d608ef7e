"""A facet is declared once (search/registry.py): adding one to the registered source is all it takes
for the form to accept it, both engines to index, filter and count it, the cluster mapping to hold
it, the results page to show it under its title with its labels, and its labels to follow the
vocabulary they come from. Here a test adds two, the way resources/indexing/facets.py declares its own."""

import sys
from collections import Counter

import pytest
from django.http import QueryDict

from resources.indexing.facets import FACETS
from resources.indexing.source import ResourceSource
from resources.models import Audience, CareSetting, ResourcePage
from search import registry
from search.engines.base import SearchRequest
from search.engines.cluster import build_search_body, index_body, to_source
from search.engines.database import DatabaseEngine
from search.forms import SearchForm
from search.registry import Facet, Sort

from .html import stated_count, visit


def _audience_names():
    return Audience.objects.values_list("slug", "name")


class SourceWithSetting(ResourceSource):
    facets = FACETS + (
        Facet("setting", "Care setting", labels=lambda: CareSetting.choices),
        # A second facet over a field documents already have, labelled from a vocabulary model.
        Facet("for_whom", "Who it is for", field="audience", labels=_audience_names, models=(Audience,)),
    )

    def documents(self, ids):
        return self._with_setting(super().documents(ids))

    def all_documents(self):
        total, documents = super().all_documents()
        return total, self._with_setting(documents)

    @staticmethod
    def _with_setting(documents):
        documents = list(documents)
        settings = dict(
            ResourcePage.objects.filter(pk__in=[d["id"] for d in documents]).values_list("pk", "care_setting")
        )
        return [{**document, "setting": settings.get(document["id"], "")} for document in documents]


@pytest.fixture
def with_setting_facet(db):
    site_source = registry.source()
    registry.register(SourceWithSetting())
    DatabaseEngine().rebuild(registry.source().all_documents()[1])
    yield
    registry.register(site_source)  # the index rows go with the test's transaction


def _public_settings():
    """How many resources anyone may see have each care setting."""
    documents = registry.source().all_documents()[1]
    public = [document for document in documents if "public" in document["access"]]
    return Counter(document["setting"] for document in public if document["setting"])


def test_the_form_accepts_a_declared_facet_and_nothing_undeclared(with_setting_facet):
    form = SearchForm(QueryDict("setting=home&colour=red"))
    assert form.facet_values["setting"] == ("home",)
    assert "colour" not in form.facet_values


def test_the_embedded_engine_filters_and_counts_a_new_facet(with_setting_facet):
    counts = _public_settings()
    value, expected = counts.most_common(1)[0]
    engine = DatabaseEngine()
    everything = engine.search(SearchRequest(per_page=100))
    assert {count.value: count.count for count in everything.facets["setting"]} == dict(counts)

    filtered = engine.search(SearchRequest(filters={"setting": (value,)}, per_page=100))
    assert filtered.total == expected
    found = set(ResourcePage.objects.filter(pk__in=[hit.page_id for hit in filtered.hits]).values_list(
        "care_setting", flat=True
    ))
    assert found == {value}


def test_the_results_page_shows_a_new_facet_under_its_title_with_labels(with_setting_facet, client):
    value, expected = _public_settings().most_common(1)[0]
    seen = visit(client, f"/search/?setting={value}")
    assert "Care setting" in seen
    assert f"Care setting: {dict(CareSetting.choices)[value]}" in seen  # the filter in use, by its label
    assert stated_count(seen) == expected


def test_the_cluster_mapping_and_queries_carry_a_new_facet(with_setting_facet):
    mapping = index_body()["mappings"]["properties"]
    assert mapping["setting"] == {"type": "keyword"}
    document = registry.source().all_documents()[1]
    assert "setting" in to_source(next(iter(document)))
    hits, counts = build_search_body(SearchRequest(filters={"setting": ("home",)}))
    assert {"terms": {"setting": ["home"]}} in hits["query"]["bool"]["filter"]
    assert "setting" in counts["aggs"] and "for_whom" in counts["aggs"]


def test_a_new_facets_labels_follow_its_vocabulary(with_setting_facet, client):
    audience = Audience.objects.filter(resources__live=True).first()
    assert f"Who it is for: {audience.name}" in visit(client, f"/search/?for_whom={audience.slug}")
    audience.name = "Grandparents and other carers"
    audience.save()  # the facet declared models=(Audience,): its labels are forgotten
    assert "Who it is for: Grandparents and other carers" in visit(client, f"/search/?for_whom={audience.slug}")


def test_a_sort_orders_only_by_fields_every_document_has():
    with pytest.raises(ValueError, match="colour"):
        Sort("brightest", "Brightest", order=("-colour",))


def test_facet_names_must_be_unique():
    class Twice(ResourceSource):
        facets = FACETS + (Facet("tag", "Tag again", field="tags"),)

    site_source = registry.source()
    with pytest.raises(ValueError, match="unique"):
        registry.register(Twice())
    assert registry.source() is site_source


def test_a_cluster_url_without_the_cluster_extra_is_reported_by_the_system_check(monkeypatch, settings):
    from search.checks import cluster_clients_installed

    settings.SEARCH_URL = "opensearch://127.0.0.1:9200"
    assert cluster_clients_installed(None) == []
    monkeypatch.setitem(sys.modules, "opensearchpy", None)  # as if the extra were not installed
    [error] = cluster_clients_installed(None)
    assert error.id == "commons_search.E001" and "opensearchpy" in error.msg
    settings.SEARCH_URL = "embedded"
    assert cluster_clients_installed(None) == []
