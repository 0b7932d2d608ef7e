import datetime

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import StepsBlock
from ..validators import normalise_doi, validate_doi
from .base import ResourcePage


class ProtocolPage(ResourcePage):
    """A clinical or operational protocol, with its evidence and review dates."""

    scope = models.TextField(help_text="What the protocol covers, and what it does not.")
    population = models.TextField(help_text="Which patients it applies to.")
    steps = StreamField([("steps", StepsBlock())], blank=True, max_num=1)
    effective_date = models.DateField(null=True, blank=True)
    review_by = models.DateField(
        "review by", null=True, blank=True, help_text="After this date the page says the review is overdue."
    )
    superseded_by = models.ForeignKey(
        "resources.ProtocolPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        help_text="The newer protocol that replaces this one.",
    )

    default_resource_type = "protocol"

    search_fields = ResourcePage.search_fields + [
        index.SearchField("scope"),
        index.SearchField("population"),
        index.SearchField("steps"),
    ]

    protocol_panels = [
        FieldPanel("scope"),
        FieldPanel("population"),
        FieldPanel("steps"),
        FieldRowPanel([FieldPanel("effective_date"), FieldPanel("review_by")]),
        FieldPanel("superseded_by"),
        InlinePanel("citations", label="Citation", heading="Evidence"),
    ]
    edit_handler = ResourcePage.build_edit_handler([ObjectList(protocol_panels, heading="Protocol")])

    class Meta:
        verbose_name = "protocol"

    def get_context(self, request, *args, **kwargs):
        from ..visibility import can_view

        context = super().get_context(request, *args, **kwargs)
        # Named only when the visitor may see it: a members-only successor stays unnamed.
        context["successor"] = self.superseded_by if can_view(self.superseded_by, request) else None
        return context

    @property
    def review_overdue(self):
        return self.overdue_since() is not None

    def overdue_since(self, today=None):
        """The first day the review was overdue (the day after ``review_by``), if it is overdue
        ``today``; computed from the date each time it is shown, never stored, so the flag is right
        without the page being saved again (docs/evidence.md, "Protocol currency")."""
        today = today or timezone.localdate()
        if self.review_by is None or self.review_by >= today:
            return None
        return self.review_by + datetime.timedelta(days=1)

    @property
    def protocol_steps(self):
        return [step for block in self.steps for step in block.value]


class Citation(Orderable):
    page = ParentalKey(ProtocolPage, related_name="citations", on_delete=models.CASCADE)
    text = models.TextField(help_text="Authors. Title. Journal. Year;volume:pages.")
    doi = models.CharField("DOI", max_length=200, blank=True, validators=[validate_doi])

    panels = [FieldPanel("text"), FieldPanel("doi")]

    def clean(self):
        super().clean()
        self.doi = normalise_doi(self.doi)

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    def __str__(self):
        return self.text

    class Meta(Orderable.Meta):
        # Ties (rows made without a sort order) in the order they were made, on every database.
        ordering = ["sort_order", "pk"]


class ReminderKind(models.TextChoices):
    DUE = "due", "Review due soon"
    OVERDUE = "overdue", "Review overdue"


class ProtocolReminder(models.Model):
    """A reminder the daily job sent about a protocol's review (resources/review/currency.py): kept
    so that running the job again the same day, or the next, sends nothing twice."""

    page = models.ForeignKey(ProtocolPage, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    review_by = models.DateField(help_text="The review-by date the reminder was about.")
    sent_on = models.DateField()
    recipients = models.PositiveIntegerField(default=0, help_text="How many people it was sent to.")

    class Meta:
        ordering = ["-sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "review_by", "sent_on"], name="one_protocol_reminder_a_day")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page_id} on {self.sent_on}"
