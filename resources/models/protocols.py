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
        return self.review_by is not None and self.review_by < timezone.localdate()

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
