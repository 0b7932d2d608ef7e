"""Harvest the whole demo network over HTTP with Sickle, a real OAI-PMH client from PyPI, in small
parts (resumption tokens), validating every response against the official schemas, and check that
the harvest is exactly the public resources and collections, each with the metadata its page has."""

import pytest
from django.test import override_settings
from sickle import Sickle
from sickle.iterator import OAIResponseIterator

from resources.models import CollectionPage, ResourcePage
from resources.oai.validation import validate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def public(model):
    return model.objects.live().public()


@override_settings(OAI_BATCH_SIZE=9)
def test_sickle_harvests_the_whole_demo_network(live_server):
    endpoint = f"{live_server.url}/oai/"
    network = live_server.url.split("//", 1)[1].rsplit(":", 1)[0]

    # Every response, as sent, is valid OAI-PMH with valid oai_dc inside.
    by_response = Sickle(endpoint, iterator=OAIResponseIterator, max_retries=0)
    responses = [
        by_response.harvest(verb="Identify"),
        by_response.harvest(verb="ListMetadataFormats"),
        *by_response.ListSets(),
        *by_response.ListRecords(metadataPrefix="oai_dc"),
        *by_response.ListIdentifiers(metadataPrefix="oai_dc", set="condition:ibd"),
    ]
    assert len(responses) > 8  # the records came in parts
    for response in responses:
        validate(response.raw.encode())

    sickle = Sickle(endpoint, max_retries=0)
    identify = sickle.Identify()
    assert identify.repositoryName == "Improvement Commons"
    assert identify.deletedRecord == "persistent"
    assert {item.metadataPrefix for item in sickle.ListMetadataFormats()} == {"oai_dc"}
    sets = {item.setSpec for item in sickle.ListSets()}
    assert {"condition:ibd", "type:checklist", "kind:collection"} <= sets

    records = list(sickle.ListRecords(metadataPrefix="oai_dc"))
    harvested = {record.header.identifier: record for record in records}
    assert len(harvested) == len(records)  # none twice
    resources = {f"oai:{network}:resource/{page.pk}": page for page in public(ResourcePage)}
    collections = {f"oai:{network}:collection/{page.pk}": page for page in public(CollectionPage)}
    assert set(harvested) == set(resources) | set(collections)
    assert len(resources) > 50 and collections
    assert not any(record.deleted for record in records)

    for identifier, page in resources.items():
        metadata = harvested[identifier].metadata
        page = page.specific
        assert metadata["title"] == [page.title], identifier
        assert metadata["description"] == [page.summary]
        assert metadata["identifier"] == [page.get_full_url()]
        assert metadata.get("creator", []) == [person.display_name for person in page.authors]
        assert set(metadata["subject"]) == {c.name for c in page.conditions.all()} | {t.name for t in page.tags.all()}
        assert metadata["rights"] == [value for value in (page.licence.url, page.licence.name) if value]
        assert metadata["type"] == ["Text", page.resource_type.name]
        assert metadata.get("relation", []) == (
            [page.adapted_from.get_full_url()] if public(ResourcePage).filter(pk=page.adapted_from_id) else []
        )
        header_sets = set(harvested[identifier].header.setSpecs)
        assert {f"condition:{c.slug}" for c in page.conditions.all()} | {f"type:{page.resource_type.slug}"} <= (
            header_sets
        )
    for identifier, page in collections.items():
        metadata = harvested[identifier].metadata
        assert metadata["title"] == [page.title]
        assert metadata["type"] == ["Collection"]

    # A record by its identifier, as a harvester fetching one item does.
    identifier = next(iter(resources))
    assert sickle.GetRecord(identifier=identifier, metadataPrefix="oai_dc").metadata == harvested[identifier].metadata


@override_settings(OAI_BATCH_SIZE=9)
def test_sickle_sees_a_withdrawn_resource_as_deleted(live_server):
    page = public(ResourcePage).filter(licence__network_only=False).order_by("pk").first().specific
    page.unpublish()
    sickle = Sickle(f"{live_server.url}/oai/", max_retries=0)
    headers = {header.identifier: header for header in sickle.ListIdentifiers(metadataPrefix="oai_dc")}
    network = live_server.url.split("//", 1)[1].rsplit(":", 1)[0]
    assert headers[f"oai:{network}:resource/{page.pk}"].deleted
    assert sum(header.deleted for header in headers.values()) == 1
    live = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", ignore_deleted=True))
    assert len(live) == public(ResourcePage).count() + public(CollectionPage).count()
