"""What is indexed for a resource: one plain dict (the fields of ``search.registry.DOCUMENT_FIELDS``
and one per facet of ``facets.py``), built once and sent to every engine."""

import logging

from django.db.models import Count
from django.utils.html import strip_tags

from ..models import Adoption, ChangePackagePage, ProtocolPage, ResourcePage, ToolPage
from ..usage.figures import uses_for
from . import access
from .evidence import evidence_keys

logger = logging.getLogger(__name__)

NETWORK_ONLY = "network-only"  # the licence value of a licence without an SPDX identifier
ADOPTED = "used"  # the adoption facet's value: at least one centre uses it now


def licence_value(spdx_id):
    return spdx_id or NETWORK_ONLY


def _stream_text(value):
    """The readable text of a StreamField value."""
    return " ".join(strip_tags(str(part)) for part in value.stream_block.get_searchable_content(value) if part)


def _specific_text(page):
    """Text that only some resource types have."""
    if isinstance(page, ToolPage):
        return [_stream_text(page.how_to_use), page.effort_notes]
    if isinstance(page, ChangePackagePage):
        measures = [f"{m.name} {m.operational_definition}" for m in page.measures.all()]
        return [page.aim, _stream_text(page.drivers), *measures]
    if isinstance(page, ProtocolPage):
        return [page.scope, page.population, _stream_text(page.steps), *(c.text for c in page.citations.all())]
    return []


def file_text(release):
    """The extracted text of a release's files: each content is extracted once, by whichever of the
    upload check, the screening step or indexing reads it first, and kept by its SHA-256."""
    from ..files import text_of
    from ..files.extract import ExtractionError

    texts = []
    for release_file in release.files.all():  # prefetched with their documents by build()
        try:
            # A published release file's recorded hash spares reading the file to hash it again.
            extracted = text_of(release_file.document, release_file.filename, sha256=release_file.sha256 or None)
        except (ExtractionError, OSError) as error:
            logger.info("No text indexed for release file %s: %s", release_file.pk, error)
            continue
        texts.append(extracted.text)
    return "\n".join(text for text in texts if text)


def build(page):
    """The document for a live resource page (``page`` may be a ResourcePage or its subclass)."""
    page = page.specific
    releases = list(page.releases.published().prefetch_related("files__document").order_by("-release_date", "-pk"))
    latest = releases[0] if releases else None
    tags = sorted(page.tags.values_list("name", flat=True))
    credited = list(page.contributor_links.select_related("contributor"))
    organisations = list(page.organisations.all())
    notes = [f"{release.label} {release.change_notes}" for release in releases]
    body_parts = [
        _stream_text(page.body),
        *_specific_text(page),
        " ".join(link.contributor.display_name for link in credited),
        " ".join(org.name for org in organisations),
        *notes,
    ]
    centres = Adoption.objects.live().filter(resource_id=page.pk).aggregate(
        centres=Count("organisation", distinct=True)
    )["centres"]
    downloads = sum(release_file.download_count for release in releases for release_file in release.files.all())
    return {
        "id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "body": "\n".join(part for part in body_parts if part),
        "tags": tags,
        "condition": sorted(page.conditions.values_list("slug", flat=True)),
        "type": page.resource_type.slug if page.resource_type else "",
        "phase": page.phase,
        "audience": sorted(page.audiences.values_list("slug", flat=True)),
        "licence": licence_value(page.licence.spdx_id) if page.licence else "",
        "organisation": sorted(org.slug for org in organisations),
        "adoption": [ADOPTED] if centres else [],
        # Who may know that a series shows improvement for it (a ``by_access`` facet: indexing/evidence.py).
        "evidence": evidence_keys(page),
        "contributors": [link.contributor.display_name for link in credited],
        "release_notes": "\n".join(notes),
        "file_text": file_text(latest) if latest else "",
        "published_at": page.first_published_at,
        "latest_release_date": latest.release_date if latest else None,
        "reuse_count": ResourcePage.objects.live().filter(adapted_from=page).count(),
        "download_count": downloads,
        # Views and downloads by people; kept fresh by ``manage.py rollup_usage`` (docs/usage.md).
        "use_count": uses_for([page.pk]).get(page.pk, 0),
        # Centres that say they use it now (docs/evidence.md, "Adoption").
        "adoption_count": centres,
        "access": access.keys_for_page(page),
    }


def searchable_pages():
    """Every page that belongs in the index: live resources."""
    return ResourcePage.objects.live().specific().order_by("pk")
