"""The six OAI-PMH verbs at /oai/ (docs/oai-pmh.md). Answers are never kept by the page cache:
the view is not among its pages (resources/page_cache.py ``PAGE_VIEWS``), and says ``no-cache``."""

from email.utils import parseaddr

from django.conf import settings
from django.db.models import Min, Q
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..models import HarvestRecord
from . import metadata, records, tokens
from .arguments import arguments_of, parse, parse_date
from .errors import BadArgument, BadVerb, CannotDisseminateFormat, NoRecordsMatch, OAIError
from .identifiers import identifier, record_for
from .sets import all_sets
from .xml import element, envelope, header, response, resumption_token, utc

LIST_ARGUMENTS = ("metadataPrefix", "from", "until", "set")
METADATA_FORMATS = {
    "oai_dc": (metadata.OAI_DC_SCHEMA, metadata.OAI_DC_NS),
}


def admin_emails():
    """``OAI_ADMIN_EMAILS``, or the address the site sends from. The protocol wants a dotted
    domain: a host-local address (``commons@localhost``, the development default) is given as the
    same mailbox on ``localhost.localdomain``."""
    configured = getattr(settings, "OAI_ADMIN_EMAILS", None)
    addresses = list(configured) if configured else [parseaddr(settings.DEFAULT_FROM_EMAIL)[1]]
    return [address if "." in address.rpartition("@")[2] else f"{address}.localdomain" for address in addresses]


def _check_prefix(prefix):
    if prefix not in METADATA_FORMATS:
        raise CannotDisseminateFormat(
            f"This repository has no metadata format {prefix!r}: use one of {', '.join(METADATA_FORMATS)} "
            "(ListMetadataFormats lists them)."
        )


def identify(request, arguments, verb_element, base_url):
    earliest = HarvestRecord.objects.aggregate(earliest=Min("datestamp"))["earliest"]
    element(verb_element, "repositoryName", getattr(settings, "OAI_REPOSITORY_NAME", "") or settings.WAGTAIL_SITE_NAME)
    element(verb_element, "baseURL", base_url)
    element(verb_element, "protocolVersion", "2.0")
    for address in admin_emails():
        element(verb_element, "adminEmail", address)
    # Truncated to the second, so that from=<earliestDatestamp> takes in every record.
    element(verb_element, "earliestDatestamp", utc(earliest) if earliest else "1970-01-01T00:00:00Z")
    element(verb_element, "deletedRecord", "persistent")
    element(verb_element, "granularity", "YYYY-MM-DDThh:mm:ssZ")


def list_metadata_formats(request, arguments, verb_element, base_url):
    if "identifier" in arguments:
        record_for(request, arguments["identifier"])  # idDoesNotExist for an unknown item
    for prefix, (schema, namespace) in METADATA_FORMATS.items():
        node = element(verb_element, "metadataFormat")
        element(node, "metadataPrefix", prefix)
        element(node, "schema", schema)
        element(node, "metadataNamespace", namespace)


def list_sets(request, arguments, verb_element, base_url):
    cursor = 0
    if "resumptionToken" in arguments:
        _query, _after, cursor = tokens.read(arguments["resumptionToken"], "ListSets")
    everything = all_sets()
    size = tokens.batch_size()
    for oai_set in everything[cursor:cursor + size]:
        node = element(verb_element, "set")
        element(node, "setSpec", oai_set.spec)
        element(node, "setName", oai_set.name)
        if oai_set.description:
            element(node, "setDescription").append(metadata.oai_dc_element({"description": [oai_set.description]}))
    if cursor + size < len(everything):
        token = tokens.make("ListSets", {}, None, cursor + size)
        resumption_token(verb_element, token, len(everything), cursor, tokens.expiration())
    elif cursor:
        resumption_token(verb_element, "", len(everything), cursor)


def _write_record(request, parent, record, item, with_metadata):
    """A header (and, for ListRecords and GetRecord, the metadata) of one record. A record whose
    page is not public now is a deleted header whatever the record says: nothing of a page that
    is not public leaves, even before its record has caught up."""
    specs = [record_set.spec for record_set in record.sets.all()]
    deleted = record.deleted or item is None
    if with_metadata:
        node = element(parent, "record")
        header(node, identifier(request, record), record.datestamp, specs, deleted)
        if not deleted:
            element(node, "metadata").append(metadata.oai_dc_element(item.dc))
    else:
        header(parent, identifier(request, record), record.datestamp, specs, deleted)


def _catch_up(records_sent, items):
    """Records whose page changed in a way no receiver saw (its public state or its metadata):
    refreshed after answering, so the next harvest gets them with a new datestamp."""
    stale = [
        record.page_id
        for record in records_sent
        if not record.deleted
        and (record.page_id not in items or items[record.page_id].fingerprint != record.fingerprint)
    ]
    records.refresh(stale)


def get_record(request, arguments, verb_element, base_url):
    record = record_for(request, arguments["identifier"])
    _check_prefix(arguments["metadataPrefix"])
    items = {} if record.deleted else records.describe([record.page_id])
    _write_record(request, verb_element, record, items.get(record.page_id), with_metadata=True)
    _catch_up([record], items)


def _matching(query):
    found = HarvestRecord.objects.all()
    if "from" in query:
        found = found.filter(datestamp__gte=parse_date("from", query["from"]).value)
    if "until" in query:
        found = found.filter(datestamp__lt=parse_date("until", query["until"]).upper_bound())
    if "set" in query:
        spec = query["set"]
        members = HarvestRecord.objects.filter(Q(sets__spec=spec) | Q(sets__spec__startswith=f"{spec}:"))
        found = found.filter(pk__in=members.values("pk"))
    return found


def _list(verb, with_metadata):
    def handler(request, arguments, verb_element, base_url):
        if "resumptionToken" in arguments:
            query, after, cursor = tokens.read(arguments["resumptionToken"], verb)
        else:
            after, cursor = None, 0
            query = {name: value for name, value in arguments.items() if name in LIST_ARGUMENTS}
        _check_prefix(query["metadataPrefix"])
        found = _matching(query)
        rest = found if after is None else found.filter(
            Q(datestamp__gt=after[0]) | Q(datestamp=after[0], pk__gt=after[1])
        )
        size = tokens.batch_size()
        batch = list(rest.order_by("datestamp", "pk").prefetch_related("sets")[: size + 1])
        more, batch = len(batch) > size, batch[:size]
        if not batch:
            raise NoRecordsMatch("No records match: widen from/until or choose another set (ListSets lists them).")
        live = [record.page_id for record in batch if not record.deleted]
        items = records.describe(live)
        for record in batch:
            _write_record(request, verb_element, record, items.get(record.page_id), with_metadata)
        if more or cursor:
            complete = found.count()
            if more:
                last = batch[-1]
                token = tokens.make(verb, query, (last.datestamp, last.pk), cursor + len(batch))
                resumption_token(verb_element, token, complete, cursor, tokens.expiration())
            else:
                resumption_token(verb_element, "", complete, cursor)
        _catch_up(batch, items)

    return handler


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": _list("ListIdentifiers", with_metadata=False),
    "ListRecords": _list("ListRecords", with_metadata=True),
}


@csrf_exempt  # harvesters POST without a session or a CSRF token; nothing here changes anything for them
@require_http_methods(["GET", "HEAD", "POST"])
@cache_control(no_cache=True)
def oai(request):
    base_url = request.build_absolute_uri(request.path)
    try:
        verb, arguments = parse(arguments_of(request))
    except (BadVerb, BadArgument) as error:
        root = envelope(base_url)
        element(root, "error", error.message, code=error.code)
        return response(root)
    root = envelope(base_url, {"verb": verb, **arguments})
    verb_element = element(root, verb)
    try:
        VERBS[verb](request, arguments, verb_element, base_url)
    except OAIError as error:
        # badArgument found by a verb (a format's name in illegal syntax): the base URL alone.
        root = envelope(base_url) if isinstance(error, (BadVerb, BadArgument)) else root
        if verb_element.getparent() is root:
            root.remove(verb_element)
        element(root, "error", error.message, code=error.code)
    return response(root)
