"""What a record says: the ``oai_dc`` metadata of public pages, read in a few queries per batch.

Only public pages are described here (``records.public_pages``); a relation to another page is
named only when that page is public too.
"""

import mimetypes

from django.conf import settings
from django.db.models import Prefetch
from django.utils.html import strip_tags
from lxml import etree

from ..models import CollectionItem, CollectionPage, ContributorRole, Release, ResourceContributor, ResourcePage

OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# The order the elements are written in (the schema allows any order; a stable one diffs well).
DC_ELEMENTS = (
    "title", "creator", "subject", "description", "publisher", "contributor", "date", "type", "format",
    "identifier", "source", "language", "relation", "coverage", "rights",
)


def publisher():
    return getattr(settings, "OAI_PUBLISHER", "") or settings.WAGTAIL_SITE_NAME


def _language(page):
    code = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def _release_formats(release):
    formats = []
    for release_file in release.files.all():
        mime, _encoding = mimetypes.guess_type(release_file.filename or release_file.document.filename)
        if mime and mime not in formats:
            formats.append(mime)
    return formats


def resources(page_ids):
    """The resource pages among ``page_ids``, with everything their metadata reads."""
    releases = Release.objects.published().prefetch_related("files__document").order_by("-release_date", "-pk")
    credits = ResourceContributor.objects.select_related("contributor").order_by("sort_order", "pk")
    return (
        ResourcePage.objects.filter(pk__in=page_ids)
        .select_related("licence", "resource_type", "locale", "content_type")
        .prefetch_related(
            "conditions", "tags", Prefetch("contributor_links", credits), Prefetch("releases", releases)
        )
    )


def collections(page_ids):
    items = CollectionItem.objects.order_by("sort_order", "pk")
    return (
        CollectionPage.objects.filter(pk__in=page_ids)
        .select_related("locale", "content_type")
        .prefetch_related(Prefetch("items", items))
    )


def describe_resource(page, url_of):
    """``{element: [values]}`` in Dublin Core for a resource. ``url_of(page_id)`` is the public
    address of a page, or None for a page that is not public."""
    links = list(page.contributor_links.all())
    releases = list(page.releases.all())
    latest = releases[0] if releases else None
    dc = {
        "title": [page.title],
        "creator": [link.contributor.display_name for link in links if link.role != ContributorRole.REVIEWER],
        "contributor": [link.contributor.display_name for link in links if link.role == ContributorRole.REVIEWER],
        "subject": [condition.name for condition in page.conditions.all()]
        + sorted(tag.name for tag in page.tags.all()),
        "description": [page.summary],
        "publisher": [publisher()],
        "date": [(latest.release_date if latest else page.first_published_at.date()).isoformat()],
        # The DCMI type first (what harvesters group by), then the commons' own resource type.
        "type": ["Text"] + ([page.resource_type.name] if page.resource_type else []),
        "format": ["text/html"] + (_release_formats(latest) if latest else []),
        "identifier": [url_of(page.pk)],
        "language": [_language(page)],
        "relation": [],
        "rights": [],
    }
    if page.adapted_from_id and url_of(page.adapted_from_id):
        dc["relation"].append(url_of(page.adapted_from_id))  # isBasedOn: the source it adapts
    if page.licence is not None:
        dc["rights"] += [value for value in (page.licence.url, page.licence.name) if value]
    return dc


def describe_collection(page, url_of):
    items = [url_of(item.resource_id) for item in page.items.all()]
    date = page.last_published_at or page.first_published_at
    return {
        "title": [page.title],
        "description": [" ".join(strip_tags(page.introduction).split())],
        "publisher": [publisher()],
        "date": [date.date().isoformat()],
        "type": ["Collection"],
        "format": ["text/html"],
        "identifier": [url_of(page.pk)],
        "language": [_language(page)],
        "relation": [url for url in items if url],  # hasPart: its public resources
    }


def oai_dc_element(dc):
    """``<oai_dc:dc>`` for a description made by ``describe_*``."""
    root = etree.Element(
        f"{{{OAI_DC_NS}}}dc",
        nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS},
    )
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")
    for name in DC_ELEMENTS:
        for value in dc.get(name, []):
            if value:
                etree.SubElement(root, f"{{{DC_NS}}}{name}").text = value
    return root
