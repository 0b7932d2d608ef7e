"""Which pages are public, and the harvest records that remember what was ever exposed.

A page is *public* when an anonymous visitor may see it (``resources.visibility``: live, under no
view restriction it fails) and its licence is not network-only (such a page gets its restriction
when it is published; the licence says so even before it has). Tools, change packages,
protocols and collections are harvested; nothing else.

``refresh(page_ids)`` brings their records up to date: a public page gets a record (or its record
a new datestamp) when what it disseminates changed; a record whose page is no longer public
becomes deleted, keeping its sets; a page that was never public gets nothing, ever. It is cheap to
call too often: a record's datestamp only moves when the digest of its metadata and sets changes.
"""

import hashlib
import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from ..models import CollectionItem, CollectionPage, HarvestKind, HarvestRecord, HarvestRecordSet, ResourcePage
from ..visibility import anonymous_request, visible_pages
from . import metadata, sets

HARVESTED = (ResourcePage, CollectionPage)
BATCH = 200


def public_ids(page_ids):
    """The ids among ``page_ids`` of public tools, change packages, protocols and collections."""
    if not page_ids:
        return set()
    pages = visible_pages(Page.objects.type(*HARVESTED).filter(pk__in=page_ids), anonymous_request())
    network_only = ResourcePage.objects.filter(pk__in=page_ids, licence__network_only=True)
    return set(pages.exclude(pk__in=network_only.values("pk")).values_list("pk", flat=True))


@dataclass
class Item:
    """A public page ready to disseminate: its record kind, Dublin Core and sets."""

    page: Page
    kind: str
    dc: dict
    specs: list

    @property
    def fingerprint(self):
        payload = json.dumps({"dc": self.dc, "sets": self.specs}, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()


def describe(page_ids):
    """``{page_id: Item}`` for the public pages among ``page_ids`` (a handful of queries whatever
    their number). Addresses are the site's own (its root URL), whoever asks: the same on every
    request and in every receiver, so a record's digest changes only when the page does."""
    public = public_ids(set(page_ids))
    pages = [*metadata.resources(public), *metadata.collections(public)]
    related = {page.adapted_from_id for page in pages if getattr(page, "adapted_from_id", None)}
    related |= {item.resource_id for page in pages if isinstance(page, CollectionPage) for item in page.items.all()}
    shown = public | public_ids(related - public)
    urls = {page.pk: page.get_full_url() for page in Page.objects.filter(pk__in=shown)}
    items = {}
    for page in pages:
        page_class = page.content_type.model_class()
        if isinstance(page, CollectionPage):
            items[page.pk] = Item(page, HarvestKind.COLLECTION, metadata.describe_collection(page, urls.get),
                                  sets.specs_of(page, page_class))
        else:
            items[page.pk] = Item(page, HarvestKind.RESOURCE, metadata.describe_resource(page, urls.get),
                                  sets.specs_of(page, page_class))
    return items


def _replace_sets(record, specs):
    HarvestRecordSet.objects.filter(record=record).delete()
    HarvestRecordSet.objects.bulk_create([HarvestRecordSet(record=record, spec=spec) for spec in specs])


@transaction.atomic
def refresh(page_ids):
    """Bring the records of ``page_ids`` up to date (see the module's docstring). Returns the
    records whose datestamp moved."""
    page_ids = set(page_ids)
    if not page_ids:
        return []
    items = describe(page_ids)
    existing = {record.page_id: record for record in HarvestRecord.objects.filter(page_id__in=page_ids)}
    changed = []
    for page_id in sorted(page_ids):
        record, item = existing.get(page_id), items.get(page_id)
        if item is not None:
            fingerprint = item.fingerprint
            if record is None:
                record = HarvestRecord.objects.create(
                    page_id=page_id, kind=item.kind, datestamp=timezone.now(), fingerprint=fingerprint
                )
            elif record.deleted or record.fingerprint != fingerprint:
                record.kind, record.deleted, record.fingerprint = item.kind, False, fingerprint
                record.datestamp = timezone.now()
                record.save()
            else:
                continue
            _replace_sets(record, item.specs)
            changed.append(record)
        elif record is not None and not record.deleted:
            # Withdrawn: a deleted record from now on, with the sets it was last disseminated in.
            record.deleted, record.datestamp = True, timezone.now()
            record.save(update_fields=["deleted", "datestamp"])
            changed.append(record)
    return changed


def withdraw(page_id):
    """The page is gone (deleted): its record, if it had one, is deleted from now on."""
    HarvestRecord.objects.filter(page_id=page_id, deleted=False).update(deleted=True, datestamp=timezone.now())


def with_dependents(page_ids):
    """The pages whose records show these pages: their adaptations (a relation to the source) and
    the collections listing them."""
    page_ids = set(page_ids)
    adaptations = ResourcePage.objects.filter(adapted_from_id__in=page_ids).values_list("pk", flat=True)
    listing = CollectionItem.objects.filter(resource_id__in=page_ids).values_list("collection_id", flat=True)
    return page_ids | set(adaptations) | set(listing)


def subtree(page):
    """The harvested pages at and below ``page``."""
    return set(Page.objects.type(*HARVESTED).descendant_of(page, inclusive=True).values_list("pk", flat=True))


def sync_all():
    """Bring every record up to date: every harvested page and every page that had a record.
    Returns how many records moved."""
    candidates = set(Page.objects.type(*HARVESTED).values_list("pk", flat=True))
    candidates |= set(HarvestRecord.objects.values_list("page_id", flat=True))
    ordered = sorted(candidates)
    changed = 0
    for start in range(0, len(ordered), BATCH):
        changed += len(refresh(ordered[start:start + BATCH]))
    return changed


def backfill_after_migrate(sender, using="default", **kwargs):
    """Once, on a site that had public pages before the harvest records existed: make theirs.
    (``manage.py oai_records`` does the same at any time.)"""
    if not HarvestRecord.objects.using(using).exists() and Page.objects.using(using).type(*HARVESTED).exists():
        sync_all()
