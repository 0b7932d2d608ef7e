"""Usage figures: how often a resource was viewed and its release files downloaded, per day.

Counters only. A row says "this page (or release, or release file) was viewed (or downloaded) N
times on this day"; nothing about who: no address, no account, no browser, no cookie. How the
counts are made and which requests are left out: ``resources/usage/`` and docs/usage.md.
"""

from django.db import models
from django.db.models import Q


class UsageKind(models.TextChoices):
    VIEW = "view", "View"
    DOWNLOAD = "download", "Download"


class UsageCount(models.Model):
    """One counter per day and per thing counted:

    - a view of a resource's page: ``page``, no release;
    - a view of one of its release pages: ``page`` and ``release``;
    - a download of a release file: ``page``, ``release`` and ``release_file``.
    """

    day = models.DateField()
    kind = models.CharField(max_length=10, choices=UsageKind.choices)
    page = models.ForeignKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="usage_counts")
    release = models.ForeignKey(
        "resources.Release", null=True, blank=True, on_delete=models.CASCADE, related_name="usage_counts"
    )
    release_file = models.ForeignKey(
        "resources.ReleaseFile", null=True, blank=True, on_delete=models.CASCADE, related_name="usage_counts"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "usage figure"
        constraints = [
            # One row per thing and day, so that counting is an UPDATE of one row (partial
            # constraints: NULLs are distinct in a plain unique constraint).
            models.UniqueConstraint(
                fields=["page", "day"], condition=Q(kind="view", release__isnull=True), name="usage_page_view_day"
            ),
            models.UniqueConstraint(
                fields=["release", "day"],
                condition=Q(kind="view", release__isnull=False),
                name="usage_release_view_day",
            ),
            models.UniqueConstraint(
                fields=["release_file", "day"], condition=Q(kind="download"), name="usage_download_day"
            ),
        ]
        indexes = [
            # The dashboard's period (day >= ...), and a resource's totals.
            models.Index(fields=["day", "kind"], name="usage_day_kind"),
            models.Index(fields=["page", "kind"], name="usage_page_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}s of page {self.page_id} on {self.day}: {self.count}"
