"""What the OAI-PMH interface has ever exposed (resources/oai/): one record per page that was public.

A harvester keeps a copy of every record it collected, so a resource that leaves the public commons
(unpublished, deleted, put under a view restriction) must be announced as deleted, not simply
vanish (the protocol's ``deletedRecord=persistent``). Pages keep no trace of having been public,
so this table does: a row is made the first time a page is seen public and is never removed.
"""

from django.db import models


class HarvestKind(models.TextChoices):
    RESOURCE = "resource", "Resource"
    COLLECTION = "collection", "Collection"


class HarvestRecord(models.Model):
    # The page's id, not a foreign key: the record outlives the page (a deleted page stays a
    # deleted record).
    page_id = models.PositiveIntegerField(unique=True)
    kind = models.CharField(max_length=20, choices=HarvestKind.choices)
    # The last change a harvester should see, to the second (the protocol's granularity): the
    # page's metadata as disseminated changed, or it was withdrawn.
    datestamp = models.DateTimeField()
    deleted = models.BooleanField(default=False)
    # A digest of the metadata and sets last disseminated: a change of anything else (a draft,
    # a field no format shows) leaves the datestamp alone.
    fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["datestamp", "pk"]
        indexes = [models.Index(fields=["datestamp", "id"], name="harvest_record_order")]

    def __str__(self):
        state = "deleted" if self.deleted else "live"
        return f"{self.kind}/{self.page_id} ({state}, {self.datestamp:%Y-%m-%dT%H:%M:%SZ})"


class HarvestRecordSet(models.Model):
    """A set the record belonged to when last disseminated (kept for deleted records too, so a
    harvester of one set learns of a deletion in it)."""

    record = models.ForeignKey(HarvestRecord, on_delete=models.CASCADE, related_name="sets")
    spec = models.CharField(max_length=200, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["record", "spec"], name="unique_harvest_record_set")]

    def __str__(self):
        return self.spec
