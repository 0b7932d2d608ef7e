from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import StepsBlock
from .base import ResourcePage


class TimeToAdopt(models.TextChoices):
    HOURS = "hours", "A few hours"
    DAYS = "days", "A few days"
    WEEKS = "weeks", "A few weeks"
    MONTHS = "months", "Months"


class ToolPage(ResourcePage):
    """A ready-to-use tool: a checklist, form, template, handout, report or video."""

    how_to_use = StreamField(
        [("steps", StepsBlock())], blank=True, max_num=1, help_text="The steps a team follows to use it."
    )
    time_to_adopt = models.CharField(max_length=20, choices=TimeToAdopt.choices, blank=True)
    effort_notes = models.TextField(
        "effort to adopt", blank=True, help_text="Who does what, and what it takes to get started."
    )
    # The change packages' measures that show whether using the tool helps (their centres' series
    # are its evidence).
    measures = ParentalManyToManyField(
        "resources.Measure", blank=True, related_name="tools",
        help_text="Measures from change packages that show whether using this tool helps.",
    )

    default_resource_type = "checklist"

    search_fields = ResourcePage.search_fields + [index.SearchField("how_to_use")]

    how_to_use_panels = [
        FieldPanel("how_to_use"), FieldPanel("time_to_adopt"), FieldPanel("effort_notes"), FieldPanel("measures"),
    ]
    edit_handler = ResourcePage.build_edit_handler(
        [ObjectList(how_to_use_panels, heading="How to use")]
    )

    class Meta:
        verbose_name = "tool"

    def evidence_section(self, request):
        from ..evidence.evidence_section import tool_evidence

        return tool_evidence(self, request)

    @property
    def steps(self):
        """The how-to-use steps as a flat list (the field holds one steps block)."""
        return [step for block in self.how_to_use for step in block.value]
