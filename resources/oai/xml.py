"""The OAI-PMH response envelope, and the headers and records inside it."""

import datetime

from django.http import HttpResponse
from lxml import etree

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def utc(moment):
    """A datestamp at the protocol's finest granularity, seconds: ``YYYY-MM-DDThh:mm:ssZ``."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def element(parent, name, text=None, **attributes):
    child = etree.SubElement(parent, f"{{{OAI_NS}}}{name}", {k: str(v) for k, v in attributes.items()})
    if text is not None:
        child.text = text
    return child


def envelope(base_url, arguments=None):
    """``<OAI-PMH>`` with its ``responseDate`` and ``request``. ``arguments`` (the verb among them)
    are echoed on ``request``; ``None`` for badVerb and badArgument, where the protocol says to
    give the base URL only."""
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} {OAI_SCHEMA}")
    element(root, "responseDate", utc(datetime.datetime.now(datetime.UTC)))
    element(root, "request", base_url, **(arguments or {}))
    return root


def header(parent, identifier, datestamp, specs, deleted=False):
    node = element(parent, "header", **({"status": "deleted"} if deleted else {}))
    element(node, "identifier", identifier)
    element(node, "datestamp", utc(datestamp))
    for spec in specs:
        element(node, "setSpec", spec)
    return node


def resumption_token(parent, token, complete_list_size, cursor, expiration=None):
    """A token for the rest of the list; an empty one (``token=""``) closes a list sent in parts."""
    attributes = {"completeListSize": complete_list_size, "cursor": cursor}
    if token and expiration is not None:
        attributes["expirationDate"] = utc(expiration)
    return element(parent, "resumptionToken", token or None, **attributes)


def response(root):
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
