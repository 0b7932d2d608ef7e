from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import PrimaryDriverBlock
from .base import ResourcePage


class MeasureKind(models.TextChoices):
    OUTCOME = "outcome", "Outcome measure"
    PROCESS = "process", "Process measure"
    BALANCING = "balancing", "Balancing measure"


class ChangePackagePage(ResourcePage):
    """A tested bundle of changes toward an aim, laid out as a key driver diagram."""

    aim = models.TextField(
        "SMART aim",
        help_text="Specific, measurable, achievable, relevant and time-bound: what will improve, for "
        "whom, from what to what, by when.",
    )
    drivers = StreamField(
        [("primary_driver", PrimaryDriverBlock())],
        blank=True,
        help_text="Primary drivers, each with its secondary drivers and their change ideas.",
    )

    default_resource_type = "change-package"

    search_fields = ResourcePage.search_fields + [index.SearchField("aim"), index.SearchField("drivers")]

    diagram_panels = [FieldPanel("aim"), FieldPanel("drivers"), InlinePanel("measures", label="Measure")]
    edit_handler = ResourcePage.build_edit_handler(
        [ObjectList(diagram_panels, heading="Aim, drivers and measures")]
    )

    class Meta:
        verbose_name = "change package"

    def change_ideas(self):
        """Every change idea in the diagram, in reading order."""
        return [
            idea
            for primary in self.drivers
            for secondary in primary.value["secondary_drivers"]
            for idea in secondary["change_ideas"]
        ]


class Measure(Orderable):
    page = ParentalKey(ChangePackagePage, related_name="measures", on_delete=models.CASCADE)
    kind = models.CharField(max_length=20, choices=MeasureKind.choices)
    name = models.CharField(max_length=200)
    operational_definition = models.TextField()
    numerator = models.TextField(blank=True)
    denominator = models.TextField(blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("operational_definition"),
        FieldPanel("numerator"),
        FieldPanel("denominator"),
    ]

    def __str__(self):
        return self.name

    class Meta(Orderable.Meta):
        # Ties (rows made without a sort order) in the order they were made, on every database.
        ordering = ["sort_order", "pk"]
