"""The OAI-PMH data provider at /oai/ (resources/oai/, docs/oai-pmh.md): every verb, every error the
protocol defines where it applies, sets, from/until, resumption tokens, deleted records, and what
never leaves (drafts, network-only resources, a withdrawn resource's content). Every response is
validated against the official schemas shipped in resources/oai/schemas/.

The harvest of the whole demo network with a real client against a live server is in
tests/harvest/.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction

from resources.models import CollectionPage, HarvestRecord, Licence, ResourcePage
from resources.oai.sets import kind_spec
from resources.oai.validation import validate

from .builders import make_tool, public_resources
from .conftest import login

pytestmark = pytest.mark.django_db

NS = {"o": "http://www.openarchives.org/OAI/2.0/", "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
      "dc": "http://purl.org/dc/elements/1.1/"}
SECRET = "quokkaflight"


def oai(client, method="get", **params):
    """The parsed response to an OAI-PMH request, after checking it against the schemas."""
    response = getattr(client, method)("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return validate(response.content)


def texts(node, path):
    return [element.text for element in node.xpath(path, namespaces=NS)]


def error(document):
    errors = document.xpath("/o:OAI-PMH/o:error", namespaces=NS)
    assert len(errors) == 1, etree.tostring(document)
    return errors[0].get("code"), errors[0].text


def request_attributes(document):
    return dict(document.xpath("/o:OAI-PMH/o:request", namespaces=NS)[0].attrib)


def identifier_of(page, kind="resource"):
    return f"oai:testserver:{kind}/{page.pk}"


def record_of(client, page, kind="resource"):
    document = oai(client, verb="GetRecord", identifier=identifier_of(page, kind), metadataPrefix="oai_dc")
    return document.xpath("//o:GetRecord/o:record", namespaces=NS)[0]


def dc_of(record):
    values = {}
    for element in record.xpath("o:metadata/oai_dc:dc/*", namespaces=NS):
        values.setdefault(etree.QName(element).localname, []).append(element.text)
    return values


def harvest(client, verb="ListIdentifiers", **params):
    """Every header (or record) of a list, following resumption tokens; and each response's token
    element."""
    found, tokens = [], []
    document = oai(client, verb=verb, metadataPrefix="oai_dc", **params)
    while True:
        if document.xpath("/o:OAI-PMH/o:error", namespaces=NS):
            return found, tokens
        found += document.xpath(f"//o:{verb}/o:header | //o:{verb}/o:record", namespaces=NS)
        token = document.xpath(f"//o:{verb}/o:resumptionToken", namespaces=NS)
        if not token:
            return found, tokens
        tokens.append(token[0])
        if not token[0].text:
            return found, tokens
        document = oai(client, verb=verb, resumptionToken=token[0].text)


def identifiers(headers):
    return [texts(header, "descendant-or-self::o:header/o:identifier")[0] for header in headers]


def public_identifiers():
    pages = [identifier_of(page) for page in public_resources()]
    pages += [identifier_of(page, "collection") for page in CollectionPage.objects.live().public()]
    return set(pages)


# Identify, ListMetadataFormats, ListSets --------------------------------------------------------


def test_identify_describes_the_repository(client):
    document = oai(client, verb="Identify")
    identify = document.xpath("//o:Identify", namespaces=NS)[0]
    assert texts(identify, "o:repositoryName") == ["Improvement Commons"]
    assert texts(identify, "o:baseURL") == ["http://testserver/oai/"]
    assert texts(identify, "o:protocolVersion") == ["2.0"]
    assert texts(identify, "o:deletedRecord") == ["persistent"]
    assert texts(identify, "o:granularity") == ["YYYY-MM-DDThh:mm:ssZ"]
    earliest = HarvestRecord.objects.order_by("datestamp").first().datestamp
    assert texts(identify, "o:earliestDatestamp") == [earliest.strftime("%Y-%m-%dT%H:%M:%SZ")]
    assert request_attributes(document) == {"verb": "Identify"}


@override_settings(OAI_ADMIN_EMAILS=["harvest@commons.example.org"], OAI_REPOSITORY_ID="commons.example.org")
def test_identify_and_identifiers_follow_the_settings(client):
    assert texts(oai(client, verb="Identify"), "//o:adminEmail") == ["harvest@commons.example.org"]
    tool = public_resources().first()
    record = oai(client, verb="GetRecord", identifier=f"oai:commons.example.org:resource/{tool.pk}",
                 metadataPrefix="oai_dc")
    assert texts(record, "//o:header/o:identifier") == [f"oai:commons.example.org:resource/{tool.pk}"]


def test_post_answers_as_get(client):
    tool = public_resources().first()
    params = {"verb": "GetRecord", "identifier": identifier_of(tool), "metadataPrefix": "oai_dc"}
    by_post = oai(client, method="post", **params)
    assert texts(by_post, "//dc:title") == [tool.title]
    assert request_attributes(by_post) == params


def test_list_metadata_formats(client):
    document = oai(client, verb="ListMetadataFormats")
    assert texts(document, "//o:metadataPrefix") == ["oai_dc"]
    assert texts(document, "//o:schema") == ["http://www.openarchives.org/OAI/2.0/oai_dc.xsd"]
    for_item = oai(client, verb="ListMetadataFormats", identifier=identifier_of(public_resources().first()))
    assert texts(for_item, "//o:metadataPrefix") == ["oai_dc"]
    unknown = oai(client, verb="ListMetadataFormats", identifier="oai:testserver:resource/999999")
    assert error(unknown)[0] == "idDoesNotExist"


def test_list_sets_names_every_condition_type_and_kind(client):
    document = oai(client, verb="ListSets")
    sets = dict(zip(texts(document, "//o:set/o:setSpec"), texts(document, "//o:set/o:setName"), strict=True))
    assert sets["condition:ibd"] == "Paediatric inflammatory bowel disease"
    assert sets["type:checklist"] == "Checklist"
    assert sets["kind:collection"] == "Collections"
    assert {"condition", "type", "kind", "kind:tool", "kind:change-package", "kind:protocol"} <= set(sets)
    description = document.xpath("//o:set[o:setSpec='condition:ibd']/o:setDescription//dc:description",
                                 namespaces=NS)[0].text
    assert description.startswith("Crohn's disease")


@override_settings(OAI_BATCH_SIZE=5)
def test_list_sets_in_parts(client):
    found, tokens = [], []
    document = oai(client, verb="ListSets")
    while True:
        found += texts(document, "//o:setSpec")
        token = document.xpath("//o:resumptionToken", namespaces=NS)
        tokens += token
        if not token or not token[0].text:
            break
        document = oai(client, verb="ListSets", resumptionToken=token[0].text)
    assert len(found) == len(set(found)) == int(tokens[0].get("completeListSize"))
    assert [int(token.get("cursor")) for token in tokens] == list(range(0, len(found), 5))


# GetRecord and the metadata ----------------------------------------------------------------------


def test_get_record_shows_the_resource_in_dublin_core(client):
    source = public_resources().filter(adaptations__isnull=False).distinct().first()
    adaptation = public_resources().filter(adapted_from=source).first()
    record = record_of(client, adaptation)
    page = adaptation.specific
    dc = dc_of(record)
    assert dc["title"] == [page.title]
    assert dc["description"] == [page.summary]
    assert dc["creator"] == [person.display_name for person in page.authors]
    assert set(dc["subject"]) == {c.name for c in page.conditions.all()} | {t.name for t in page.tags.all()}
    assert dc["publisher"] == ["Improvement Commons"]
    assert dc["type"] == ["Text", page.resource_type.name]
    assert dc["identifier"] == [page.get_full_url()]
    assert dc["relation"] == [source.full_url]  # adapted from: isBasedOn
    assert dc["rights"] == [value for value in (page.licence.url, page.licence.name) if value]
    assert dc["language"] == ["en-GB"]  # the page's locale, en-gb
    latest = page.latest_release
    assert dc["date"] == [latest.release_date.isoformat() if latest else page.first_published_at.date().isoformat()]
    assert "text/html" in dc["format"]
    header = record.xpath("o:header", namespaces=NS)[0]
    assert header.get("status") is None
    specs = texts(header, "o:setSpec")
    assert {f"condition:{c.slug}" for c in page.conditions.all()} <= set(specs)
    assert f"type:{page.resource_type.slug}" in specs and kind_spec(type(page)) in specs


def test_a_release_gives_the_record_its_date_and_file_format(client):
    tool = make_tool("Peak flow diary", releases=1, release_dates_from=datetime.date(2026, 3, 2))
    dc = dc_of(record_of(client, tool))
    assert dc["date"] == ["2026-03-02"]
    assert dc["format"] == ["text/html", "application/pdf"]


def test_a_collection_is_a_record_listing_its_public_resources(client):
    collection = CollectionPage.objects.live().public().first()
    record = record_of(client, collection, "collection")
    dc = dc_of(record)
    assert dc["title"] == [collection.title]
    assert dc["type"] == ["Collection"]
    items = [item.resource for item in collection.items.order_by("sort_order", "pk")]
    assert dc["relation"] == [page.full_url for page in items if page.live and not page.get_view_restrictions()]
    assert "kind:collection" in texts(record, "o:header/o:setSpec")


def test_get_record_errors(client):
    tool = public_resources().first()
    wrong_format = oai(client, verb="GetRecord", identifier=identifier_of(tool), metadataPrefix="marc21")
    assert error(wrong_format)[0] == "cannotDisseminateFormat"
    assert request_attributes(wrong_format)["metadataPrefix"] == "marc21"
    for unknown in ("oai:testserver:resource/999999", f"oai:elsewhere.org:resource/{tool.pk}",
                    f"oai:testserver:collection/{tool.pk}", "urn:isbn:0451450523"):
        code, message = error(oai(client, verb="GetRecord", identifier=unknown, metadataPrefix="oai_dc"))
        assert code == "idDoesNotExist", unknown
        assert "ListIdentifiers" in message


# Errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, code",
    [
        ({}, "badVerb"),
        ({"verb": "ListEverything"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "set": "condition"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-13-01"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-01-01T10:00:00"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-01-01", "until": "2026-02-01T00:00:00Z"},
         "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-02-01", "until": "2026-01-01"},
         "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "condition:"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai dc"}, "badArgument"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "resumptionToken": "abc"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "not an identifier"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "made-up"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "condition:no-such-condition"},
         "noRecordsMatch"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2999-01-01"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "1999-01-01"}, "noRecordsMatch"),
    ],
)
def test_errors(client, params, code):
    document = oai(client, **params)
    assert error(document)[0] == code
    # An error instead of the verb's element: nothing but the date, the request and the error.
    assert [etree.QName(child).localname for child in document] == ["responseDate", "request", "error"]
    if code in ("badVerb", "badArgument"):
        assert request_attributes(document) == {}  # the protocol: the base URL only


def test_error_messages_say_what_to_do(client):
    assert "verb=Identify" in error(oai(client))[1]
    assert "ListMetadataFormats" in error(oai(client, verb="ListRecords", metadataPrefix="marc21"))[1]
    assert "does not take set" in error(oai(client, verb="Identify", set="condition"))[1]


def test_other_methods_are_refused(client):
    assert client.put("/oai/?verb=Identify").status_code == 405


# from / until ------------------------------------------------------------------------------------


def _stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_from_and_until_select_by_datestamp_in_both_granularities(client):
    tool = make_tool("Fatigue scale")
    record = HarvestRecord.objects.get(page_id=tool.pk)
    older = HarvestRecord.objects.exclude(pk=record.pk).first()
    HarvestRecord.objects.filter(pk=older.pk).update(datestamp=datetime.datetime(2025, 6, 1, 12, 0, 30, 500_000,
                                                                                 tzinfo=datetime.UTC))
    HarvestRecord.objects.filter(pk=record.pk).update(datestamp=datetime.datetime(2025, 6, 3, 8, 15, 0,
                                                                                  tzinfo=datetime.UTC))

    def listed(**params):
        return set(identifiers(harvest(client, **params)[0]))

    assert identifier_of(tool) in listed(**{"from": "2025-06-03T08:15:00Z"})
    assert identifier_of(tool) not in listed(**{"from": "2025-06-03T08:15:01Z"})
    assert listed(**{"from": "2025-06-03", "until": "2025-06-03"}) == {identifier_of(tool)}
    assert listed(**{"from": "2025-06-01T12:00:30Z", "until": "2025-06-01T12:00:30Z"}) == {
        f"oai:testserver:{older.kind}/{older.page_id}"
    }
    assert listed(**{"until": "2025-06-03T08:14:59Z"}) == {f"oai:testserver:{older.kind}/{older.page_id}"}
    everything = listed()
    assert listed(**{"from": "2025-06-01"}) == everything


# Resumption tokens -------------------------------------------------------------------------------


@override_settings(OAI_BATCH_SIZE=7)
def test_lists_come_in_parts_with_tokens_and_every_record_once(client):
    found, tokens = harvest(client, verb="ListRecords")
    assert len(tokens) > 3
    assert identifiers(found) and len(set(identifiers(found))) == len(found)
    assert set(identifiers(found)) >= public_identifiers()
    assert [int(token.get("cursor")) for token in tokens] == [7 * n for n in range(len(tokens))]
    assert {int(token.get("completeListSize")) for token in tokens} == {HarvestRecord.objects.count()}
    assert all(token.get("expirationDate") for token in tokens[:-1])
    assert tokens[-1].text is None  # the last part closes the list with an empty token


@override_settings(OAI_BATCH_SIZE=7)
def test_a_record_changed_during_a_harvest_is_neither_skipped_nor_lost(client):
    first = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    sent = identifiers(first.xpath("//o:header", namespaces=NS))
    token = first.xpath("//o:resumptionToken", namespaces=NS)[0].text
    # One already sent changes; the rest of the list is still all there, and it comes again at the end.
    changed = ResourcePage.objects.get(pk=int(sent[0].rsplit("/", 1)[1])).specific
    changed.title = "Retitled during a harvest"
    changed.save_revision().publish()
    rest = []
    document = oai(client, verb="ListIdentifiers", resumptionToken=token)
    while True:
        rest += identifiers(document.xpath("//o:header", namespaces=NS))
        token = document.xpath("//o:resumptionToken", namespaces=NS)[0].text
        if not token:
            break
        document = oai(client, verb="ListIdentifiers", resumptionToken=token)
    assert set(sent[1:]).isdisjoint(rest)
    assert set(sent) | set(rest) == {f"oai:testserver:{r.kind}/{r.page_id}" for r in HarvestRecord.objects.all()}
    assert rest[-1] == sent[0]


@override_settings(OAI_BATCH_SIZE=7)
def test_a_token_keeps_its_query(client):
    found, _tokens = harvest(client, set="condition:ibd")
    expected = HarvestRecord.objects.filter(sets__spec="condition:ibd").count()
    assert len(found) == expected > 7
    assert all("condition:ibd" in texts(header, "o:setSpec") for header in found)


def test_altered_expired_and_misused_tokens_are_refused(client):
    with override_settings(OAI_BATCH_SIZE=3):
        token = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc").xpath(
            "//o:resumptionToken", namespaces=NS)[0].text
        altered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
        code, message = error(oai(client, verb="ListIdentifiers", resumptionToken=altered))
        assert code == "badResumptionToken" and "start the list again" in message
        assert error(oai(client, verb="ListRecords", resumptionToken=token))[0] == "badResumptionToken"
        assert oai(client, verb="ListIdentifiers", resumptionToken=token).xpath("//o:header", namespaces=NS)
    with override_settings(OAI_BATCH_SIZE=3, OAI_TOKEN_MAX_AGE=-1):  # every token is past its age
        code, message = error(oai(client, verb="ListIdentifiers", resumptionToken=token))
        assert code == "badResumptionToken" and "expired" in message


# Sets --------------------------------------------------------------------------------------------


def test_a_set_and_its_parent_select_records(client):
    ibd, _ = harvest(client, set="condition:ibd")
    ibd_pages = {identifier_of(page) for page in public_resources().filter(conditions__slug="ibd")}
    assert {i for i in identifiers(ibd)} >= ibd_pages
    assert all("condition:ibd" in texts(header, "o:setSpec") for header in ibd)
    any_condition, _ = harvest(client, set="condition")
    assert set(identifiers(any_condition)) > set(identifiers(ibd))
    assert not any(i.split(":")[2].startswith("collection/") for i in identifiers(any_condition))
    checklists, _ = harvest(client, set="type:checklist")
    assert set(identifiers(checklists)) == {
        identifier_of(page) for page in public_resources().filter(resource_type__slug="checklist")
    }
    collections, _ = harvest(client, set="kind:collection")
    assert set(identifiers(collections)) == {
        identifier_of(page, "collection") for page in CollectionPage.objects.live().public()
    }


# Deleted records ---------------------------------------------------------------------------------


def _header(client, page):
    document = oai(client, verb="GetRecord", identifier=identifier_of(page), metadataPrefix="oai_dc")
    return document.xpath("//o:header", namespaces=NS)[0], document


def test_an_unpublished_resource_stays_a_deleted_header(client):
    tool = make_tool(f"{SECRET.title()} breathing card", summary=f"The {SECRET} summary.", conditions=("jia",))
    before = HarvestRecord.objects.get(page_id=tool.pk).datestamp
    tool.unpublish()
    header, document = _header(client, tool)
    assert header.get("status") == "deleted"
    assert not document.xpath("//o:metadata", namespaces=NS)
    assert SECRET not in etree.tostring(document).decode().lower()
    assert texts(header, "o:setSpec") == ["condition:jia", "kind:tool", "type:checklist"]
    assert HarvestRecord.objects.get(page_id=tool.pk).datestamp > before
    listed = [h for h in harvest(client, set="condition:jia")[0] if identifiers([h]) == [identifier_of(tool)]]
    assert [h.get("status") for h in listed] == ["deleted"]
    # Published again: live again, with a newer datestamp.
    tool.save_revision().publish()
    header, document = _header(client, tool)
    assert header.get("status") is None and SECRET in etree.tostring(document).decode().lower()


def test_a_resource_put_under_a_view_restriction_becomes_deleted_and_comes_back(client):
    tool = make_tool(f"{SECRET.title()} visit planner", summary=f"The {SECRET} planner.")
    restriction = PageViewRestriction.objects.create(page=tool, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.all())
    header, document = _header(client, tool)
    assert header.get("status") == "deleted" and SECRET not in etree.tostring(document).decode().lower()
    restriction.delete()
    header, document = _header(client, tool)
    assert header.get("status") is None and SECRET in etree.tostring(document).decode().lower()


def test_a_deleted_resource_stays_a_deleted_header(client):
    tool = make_tool("Growth chart")
    tool.delete()
    header, _document = _header(client, tool)
    assert header.get("status") == "deleted"
    assert texts(oai(client, verb="ListMetadataFormats", identifier=identifier_of(tool)), "//o:metadataPrefix") == [
        "oai_dc"
    ]


def test_a_change_no_receiver_saw_is_caught_up_on_the_next_harvest(client):
    tool = make_tool("Stool chart")
    before = HarvestRecord.objects.get(page_id=tool.pk).datestamp
    ResourcePage.objects.filter(pk=tool.pk).update(title="Stool chart, second edition")
    assert dc_of(record_of(client, tool))["title"] == ["Stool chart, second edition"]
    assert HarvestRecord.objects.get(page_id=tool.pk).datestamp > before
    ResourcePage.objects.filter(pk=tool.pk).update(live=False)
    assert _header(client, tool)[0].get("status") == "deleted"


# Visibility --------------------------------------------------------------------------------------


def test_drafts_and_network_only_resources_never_appear(client):
    draft = make_tool(f"{SECRET.title()} draft diary", live=False)
    members = make_tool(f"{SECRET.title()} members' card", licence=Licence.objects.get(network_only=True))
    assert members.get_view_restrictions().exists()
    assert not HarvestRecord.objects.filter(page_id__in=[draft.pk, members.pk]).exists()
    found, _ = harvest(client, verb="ListRecords")
    body = b"".join(etree.tostring(record) for record in found).decode().lower()
    assert SECRET not in body
    listed = set(identifiers(found))
    assert identifier_of(draft) not in listed and identifier_of(members) not in listed
    network_only = ResourcePage.objects.live().filter(licence__network_only=True)
    assert network_only.exists() and not listed & {identifier_of(page) for page in network_only}
    # Live headers are exactly the public pages.
    live = {identifiers([r])[0] for r in found if r.xpath("o:header", namespaces=NS)[0].get("status") is None}
    assert live == public_identifiers()
    for page in (draft, members):
        assert error(oai(client, verb="GetRecord", identifier=identifier_of(page), metadataPrefix="oai_dc"))[0] == (
            "idDoesNotExist"
        )


def test_a_draft_of_a_public_resource_is_not_disseminated(client):
    tool = make_tool("Transition checklist")
    tool.title = f"{SECRET.title()} unpublished edit"
    tool.save_revision()
    assert SECRET not in etree.tostring(record_of(client, tool)).decode().lower()


def test_members_get_the_same_public_records(client):
    login(client, "olivia.chen")
    found, _ = harvest(client)
    assert {i for i, h in zip(identifiers(found), found, strict=True) if h.get("status") is None} == (
        public_identifiers()
    )


# Caching, records, query counts ------------------------------------------------------------------


def test_responses_are_never_kept_by_the_page_cache(client):
    tool = make_tool("Infusion log")
    for _ in range(2):
        response = client.get("/oai/", {"verb": "GetRecord", "identifier": identifier_of(tool),
                                         "metadataPrefix": "oai_dc"})
        assert "X-Page-Cache" not in response
        assert "no-cache" in response["Cache-Control"]
    tool.unpublish()
    assert _header(client, tool)[0].get("status") == "deleted"


def test_the_command_makes_the_records_of_public_pages(client):
    HarvestRecord.objects.all().delete()
    call_command("oai_records", stdout=open("/dev/null", "w"))
    assert {f"oai:testserver:{r.kind}/{r.page_id}" for r in HarvestRecord.objects.filter(deleted=False)} == (
        public_identifiers()
    )
    assert not HarvestRecord.objects.filter(deleted=True).exists()  # never public, so never deleted either
    stamps = dict(HarvestRecord.objects.values_list("pk", "datestamp"))
    call_command("oai_records", stdout=open("/dev/null", "w"))
    assert dict(HarvestRecord.objects.values_list("pk", "datestamp")) == stamps  # nothing changed, nothing moved


def test_list_records_reads_a_whole_batch_in_a_few_queries(client, django_assert_max_num_queries):
    assert HarvestRecord.objects.count() > 50
    with django_assert_max_num_queries(30):
        document = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert len(document.xpath("//o:record", namespaces=NS)) == HarvestRecord.objects.count()


def test_datestamps_are_utc_seconds(client):
    document = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    stamps = texts(document, "//o:datestamp")
    assert stamps and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp) for stamp in stamps)
    assert max(stamps) <= _stamp(timezone.now())
