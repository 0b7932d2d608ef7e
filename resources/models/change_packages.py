from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from ..blocks import PrimaryDriverBlock
from .base import ResourcePage


class MeasureKind(models.TextChoices):
    OUTCOME = "outcome", "Outcome measure"
    PROCESS = "process", "Process measure"
    BALANCING = "balancing", "Balancing measure"


class DesiredDirection(models.TextChoices):
    UP = "up", "Up: higher is better"
    DOWN = "down", "Down: lower is better"


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

    @cached_property
    def shown_measures(self):
        """The measures, read once for the page's Measures and Evidence sections and its change ideas'
        measures (in the admin's preview, the revision's own)."""
        return list(self.measures.all())

    def evidence_section(self, request):
        from ..evidence.evidence_section import package_evidence

        return package_evidence(self, request)

    def clean(self):
        super().clean()
        known = {measure.name.strip().casefold() for measure in self.measures.all()}
        unknown = [
            f"“{name}” (change idea “{idea['title']}”)"
            for idea in self.change_ideas()
            for name in idea.get("measures") or []
            if name.strip().casefold() not in known
        ]
        if unknown:
            names = ", ".join(f"“{measure.name}”" for measure in self.measures.all()) or "none yet"
            raise ValidationError({
                "drivers": f"A change idea names a measure this package does not have: {'; '.join(unknown)}. "
                f"Use a name from the package's measures ({names}), or add the measure first."
            })

    def measures_by_idea(self):
        """{change idea title: [the package's measures it names, in the package's order]}, from the
        measures the page reads once (``shown_measures``)."""
        measures = self.shown_measures
        result = {}
        for idea in self.change_ideas():
            wanted = {name.strip().casefold() for name in idea.get("measures") or []}
            result[idea["title"]] = [measure for measure in measures if measure.name.strip().casefold() in wanted]
        return result

    def change_ideas(self):
        """Every change idea in the diagram, in reading order."""
        return [
            idea
            for primary in self.drivers
            for secondary in primary.value["secondary_drivers"]
            for idea in secondary["change_ideas"]
        ]


class MeasureQuerySet(models.QuerySet):
    def visible_to(self, request_or_user):
        """The measures of the live change packages this request (or user) may see."""
        from ..visibility import as_request, visible_pages

        packages = visible_pages(ChangePackagePage.objects.all(), as_request(request_or_user))
        return self.filter(page__in=packages.values("pk"))


class Measure(Orderable):
    """One of a change package's measures. Centres upload their data for it as series
    (``resources.models.evidence.Series``); a series keeps the measure's name, so removing a measure
    from the package (which deletes its row when the page is published) leaves the data in place."""

    page = ParentalKey(ChangePackagePage, related_name="measures", on_delete=models.CASCADE)
    kind = models.CharField(max_length=20, choices=MeasureKind.choices)
    name = models.CharField(max_length=200)
    operational_definition = models.TextField()
    numerator = models.TextField(blank=True)
    denominator = models.TextField(blank=True)
    unit = models.CharField(
        max_length=40, blank=True, help_text="What a value is counted in, for example “%”, “days” or “patients”."
    )
    desired_direction = models.CharField(
        max_length=4, choices=DesiredDirection.choices, blank=True,
        help_text="Which way is an improvement. Leave it blank when neither is (most balancing measures).",
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("operational_definition"),
        FieldPanel("numerator"),
        FieldPanel("denominator"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("desired_direction")]),
    ]

    objects = MeasureQuerySet.as_manager()

    def __str__(self):
        return self.name

    class Meta(Orderable.Meta):
        # Ties (rows made without a sort order) in the order they were made, on every database.
        ordering = ["sort_order", "pk"]
