"""Counting a view or a download: one UPDATE of today's counter (an INSERT for the day's first).

Both come here after the request was judged a person's (``bots.why_not_counted``) and allowed to
see what it counts. A download also moves the release file's running total
(``ReleaseFile.download_count``), which the resource page, the API and the index read without
adding up days.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..models import ReleaseFile, UsageCount, UsageKind


def views_counted():
    """Whether pages carry the view beacon and it counts (``USAGE_COUNT_VIEWS``)."""
    return getattr(settings, "USAGE_COUNT_VIEWS", True)


def add(kind, page_id, release_id=None, release_file_id=None):
    """One more on today's counter for this page (release, release file)."""
    key = {"day": timezone.localdate(), "kind": kind, "page_id": page_id, "release_id": release_id,
           "release_file_id": release_file_id}
    if UsageCount.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():  # a savepoint: two first counts of the day may race
            UsageCount.objects.create(count=1, **key)
    except IntegrityError:
        UsageCount.objects.filter(**key).update(count=F("count") + 1)


def count_view(page_id, release_id=None):
    add(UsageKind.VIEW, page_id, release_id=release_id)


def count_download(release, release_file):
    """A download of a file of a published release."""
    add(UsageKind.DOWNLOAD, release.resource_id, release_id=release.pk, release_file_id=release_file.pk)
    # The one column of a published release's file that may move (ReleaseFileQuerySet.COUNTERS).
    ReleaseFile.objects.filter(pk=release_file.pk).update(download_count=F("download_count") + 1)
