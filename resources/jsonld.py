"""schema.org JSON-LD for resource and collection pages, for search engines and repositories that
read a page's structured data (docs/web-interfaces.md).

It describes only what the page itself shows the visitor: the page's get_context builds it from
what it has already checked (the visible source of an adaptation, the visible items of a
collection), and a network-only resource is described only on its own page, to members who may see
it. The data is rendered by ``script`` into a ``<script type="application/ld+json">`` element: a data
block, never run, so the Content-Security-Policy neither blocks it nor needs a nonce for it (a nonce
would stop the page being kept by the full-page cache).
"""

import json
from html import unescape

from django.conf import settings
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import to_locale

from .addresses import absolute, root_url
from .models import ContributorRole

CONTEXT = "https://schema.org"

# What json_script escapes (django.utils.html): the data can neither close the script element
# ("</script>") nor open an HTML comment in it, whatever a title or summary says.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def script(data):
    """``data`` as a ``<script type="application/ld+json">`` element, safe to put in a page."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def language():
    """The site's language as BCP 47, as the pages declare it ("en-gb" -> "en-GB")."""
    return to_locale(settings.LANGUAGE_CODE).replace("_", "-")


def publisher(request):
    return {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME, "url": root_url(request) + "/"}


def organisation(request, organisation):
    data = {
        "@type": "Organization",
        "name": organisation.name,
        "url": absolute(request, organisation.get_absolute_url()),
    }
    if organisation.website:
        data["sameAs"] = organisation.website
    return data


def person(request, profile):
    data = {"@type": "Person", "name": profile.display_name, "url": absolute(request, profile.get_absolute_url())}
    if profile.orcid_url:
        data["sameAs"] = profile.orcid_url
    if profile.organisation is not None:
        data["affiliation"] = organisation(request, profile.organisation)
    return data


def _reference(page, request, schema_type):
    """A short description of another page the visitor may see: its type, name and address."""
    return {"@type": schema_type, "name": page.title, "url": page.get_full_url(request)}


def _iso(moment):
    return moment.isoformat() if moment else None


def resource_data(page, request, *, source=None):
    """A resource page as a schema.org ``LearningResource`` (a ``CreativeWork``).

    ``source`` is the resource it was adapted from, given only when the visitor may see it; it
    becomes ``isBasedOn``. Conditions, audiences, organisations and tags are read through the
    page's relations, which its get_context has fetched once for the page and this alike.
    """
    url = page.get_full_url(request)
    release = page.latest_release
    licence = page.licence
    data = {
        "@context": CONTEXT,
        "@type": "LearningResource",
        "@id": url,
        "url": url,
        "name": page.title,
        "description": page.summary,
        "learningResourceType": page.resource_type.name if page.resource_type else page._meta.verbose_name,
        "inLanguage": language(),
        "publisher": publisher(request),
        "author": [
            *(person(request, link.contributor) for link in page.credited if link.role != ContributorRole.REVIEWER),
            *(organisation(request, each) for each in page.organisations.all()),
        ],
        "contributor": [
            person(request, link.contributor) for link in page.credited if link.role == ContributorRole.REVIEWER
        ],
        # A public licence by its URL; network-only terms have none, so by name.
        "license": (licence.url or {"@type": "CreativeWork", "name": licence.name}) if licence else None,
        "version": release.label if release else None,
        "datePublished": _iso(page.first_published_at),
        # What the visitor sees changes when the page is published and when a release is.
        "dateModified": _iso(max(filter(None, [page.last_published_at, release and release.published_at]),
                                 default=None)),
        "about": [{"@type": "MedicalCondition", "name": condition.name} for condition in page.conditions.all()],
        "audience": [{"@type": "Audience", "audienceType": audience.name} for audience in page.audiences.all()],
        "educationalUse": page.get_phase_display() if page.phase else None,
        "keywords": sorted((item.tag.name for item in page.tagged_items.all()), key=str.casefold),
        "isBasedOn": _reference(source, request, "LearningResource") if source is not None else None,
    }
    return {name: value for name, value in data.items() if value not in (None, "", [])}


def collection_data(page, request, items):
    """A collection page as a schema.org ``Collection`` of the resources it shows the visitor
    (``items``: (CollectionItem, resource) pairs, as ``CollectionPage.visible_items`` gives them)."""
    url = page.get_full_url(request)
    introduction = " ".join(unescape(strip_tags(page.introduction or "")).split())
    data = {
        "@context": CONTEXT,
        "@type": "Collection",
        "@id": url,
        "url": url,
        "name": page.title,
        "description": page.search_description or Truncator(introduction).words(60),
        "inLanguage": language(),
        "publisher": publisher(request),
        "datePublished": _iso(page.first_published_at),
        "dateModified": _iso(page.last_published_at),
        "collectionSize": len(items),
        "hasPart": [_reference(resource, request, "LearningResource") for _item, resource in items],
    }
    return {name: value for name, value in data.items() if value not in (None, "")}
