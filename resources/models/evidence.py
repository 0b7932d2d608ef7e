"""A centre's data for a change package's measure: a series of periods, each a value or a numerator
over a denominator, with notes of when a change was introduced.

Who sees a series (``SeriesQuerySet.visible_to``) follows the page rules of ``resources/visibility.py``
through the change package that holds its measure: nobody sees a series of a draft, withdrawn or
(for those outside it) network-only package. Of the series of a package someone may see, public
ones are shown to everyone, network ones (the default) to the network's members only: those who
hold ``resources.see_network_series``, which every role has (``resources/roles.py``), as every role
passes a network-only page's restriction.

A measure is a child row of its change package (``Measure``, an ``Orderable``): publishing the
package after an editor removed a measure deletes the row (modelcluster). A series must outlive
that, so ``Series.measure`` is set to NULL and the series keeps a copy of the measure's name and
its package. Such a series is shown to nobody but its centre and editors (the measure it counted
is gone), who may delete it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from contributors.models import centre_of

from ..evidence.charts_data import Observation
from ..evidence.uploads import plain_number
from ..visibility import as_request


class SeriesKind(models.TextChoices):
    VALUES = "values", "Values (one number per period)"
    RATES = "rates", "Rates (a numerator over a denominator per period)"


class ChartKind(models.TextChoices):
    RUN = "run", "Run chart (median and run rules)"
    XMR = "xmr", "XmR chart (individual values and moving ranges)"
    P = "p", "p chart (a proportion: numerator out of denominator)"
    U = "u", "u chart (a rate per unit of denominator)"


# Which chart kinds fit which data: p needs every numerator within its denominator (checked on the form).
CHART_KINDS_FOR = {
    SeriesKind.VALUES: (ChartKind.RUN, ChartKind.XMR),
    SeriesKind.RATES: (ChartKind.RUN, ChartKind.XMR, ChartKind.P, ChartKind.U),
}


class Visibility(models.TextChoices):
    NETWORK = "network", "The network's members only"
    PUBLIC = "public", "Everyone (public)"


def may_see_network_series(user):
    return bool(user and user.is_authenticated and user.is_active and user.has_perm("resources.see_network_series"))


def may_upload(user):
    """A network member whose profile names a centre may add (and change) their centre's data."""
    return centre_of(user) is not None and may_see_network_series(user)


class SeriesQuerySet(models.QuerySet):
    def visible_to(self, request_or_user):
        """The series this request (or user) may see: of a live package they may see, public ones,
        and network ones for the network's members. Never a draft's, never one whose measure is gone."""
        from .change_packages import Measure

        request = as_request(request_or_user)
        # A series whose measure is gone (NULL) is never among the visible measures.
        series = self.filter(measure__in=Measure.objects.visible_to(request).values("pk"))
        if may_see_network_series(request.user):
            return series
        return series.filter(visibility=Visibility.PUBLIC)

    def concerning(self, page):
        """The series that may be evidence for this resource (``page`` specific): a change
        package's, of its measures; a tool's, of the measures it is linked to
        (``ToolPage.measures``) and those whose documented change names it
        (``SeriesAnnotation.resource``). Its page and the Evidence filter read the same."""
        from .change_packages import ChangePackagePage
        from .tools import ToolPage

        if isinstance(page, ChangePackagePage):
            return self.filter(measure__page=page)
        if isinstance(page, ToolPage):
            tested_here = SeriesAnnotation.objects.filter(resource=page, is_change=True).values("series_id")
            return self.filter(models.Q(measure__in=page.measures.values("pk")) | models.Q(pk__in=tested_here))
        return self.none()

    def with_period_range(self):
        """Each series with ``point_count`` and its ``first_period`` and ``last_period`` (None when
        it has no points), for lists of series."""
        return self.annotate(
            point_count=models.Count("points"),
            first_period=models.Min("points__period"),
            last_period=models.Max("points__period"),
        )

    def editable_by(self, user):
        """The series this user may change: their centre's, or any for editors."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("resources.change_series"):
            return self
        if not may_upload(user):
            return self.none()
        return self.filter(organisation=centre_of(user))


def default_chart_kind(kind, points):
    """Run charts for plain values (the usual start, and right with few points); a p chart for
    proportions, a u chart when some numerator exceeds its denominator (a rate, not a share)."""
    if kind == SeriesKind.VALUES:
        return ChartKind.RUN
    if any(point.numerator > point.denominator for point in points):
        return ChartKind.U
    return ChartKind.P


class Series(models.Model):
    measure = models.ForeignKey(
        "resources.Measure", null=True, blank=True, on_delete=models.SET_NULL, related_name="series"
    )
    # Kept when the measure is removed from its package (the module's docstring says why).
    measure_name = models.CharField(max_length=200)
    package = models.ForeignKey(
        "resources.ChangePackagePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="series"
    )
    organisation = models.ForeignKey(
        "contributors.Organisation", on_delete=models.PROTECT, related_name="series",
        help_text="The centre whose data this is.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=SeriesKind.choices, editable=False)
    chart_kind = models.CharField(max_length=4, choices=ChartKind.choices, default=ChartKind.RUN)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.NETWORK)
    show_centre = models.BooleanField(
        default=False, help_text="Name the centre where the series is shown publicly. Members always see it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        ordering = ["measure_name", "title", "pk"]
        verbose_name = "data series"
        verbose_name_plural = "data series"
        permissions = [("see_network_series", "Can see the network's members-only data series")]

    def __str__(self):
        return f"{self.title} ({self.measure_name})"

    def save(self, *args, **kwargs):
        if self.measure_id is not None:
            measure = self.measure
            self.measure_name = measure.name
            self.package_id = measure.page_id
        super().save(*args, **kwargs)

    def clean(self):
        allowed = CHART_KINDS_FOR.get(self.kind, ())
        if self.kind and self.chart_kind not in allowed:
            labels = " or ".join(ChartKind(kind).label.split(" (")[0] for kind in allowed)
            raise ValidationError({"chart_kind": f"This series holds one value per period: choose a {labels}."})
        if (self.chart_kind == ChartKind.P and self.pk
                and self.points.filter(numerator__gt=models.F("denominator")).exists()):
            raise ValidationError({"chart_kind": "A p chart needs every numerator within its denominator; some "
                                                 "are larger, so choose a u chart (a rate) instead."})

    def get_absolute_url(self):
        return reverse("series_detail", args=[self.pk])

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    def centre_shown_to(self, user):
        """The centre's name where this viewer may see it: members always, others when it agreed."""
        return self.show_centre or may_see_network_series(user)

    def observations(self):
        """The points as ``charts_data.Observation``s, in period order. A rate carries its numerator,
        denominator and, as ``value``, their quotient (what a run or XmR chart of it plots)."""
        return [point.observation() for point in self.points.all()]


class SeriesPoint(models.Model):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="points")
    period = models.DateField(help_text="The period's first day (a month is stored as its 1st).")
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    numerator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)

    class Meta:
        ordering = ["period"]
        constraints = [models.UniqueConstraint(fields=["series", "period"], name="one_point_per_series_period")]

    def __str__(self):
        return f"{self.period}: {self.shown_value}"

    @property
    def shown_value(self):
        if self.value is not None:
            return plain_number(self.value)
        return f"{plain_number(self.numerator)} / {plain_number(self.denominator)}"

    @property
    def rate(self):
        if self.numerator is None or not self.denominator:
            return None
        return float(self.numerator) / float(self.denominator)

    def observation(self):
        if self.value is not None:
            return Observation(period=self.period, value=float(self.value))
        return Observation(
            period=self.period, value=self.rate, numerator=float(self.numerator), denominator=float(self.denominator)
        )



class SeriesAnnotation(models.Model):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="annotations")
    date = models.DateField()
    text = models.CharField(max_length=500, help_text="What happened, in a sentence.")
    is_change = models.BooleanField(
        "a change was introduced", default=False,
        help_text="The chart's limits are calculated again from this date.",
    )
    change_idea = models.CharField(
        "change idea tested", max_length=255, blank=True, help_text="The change idea, as the package names it."
    )
    resource = models.ForeignKey(
        "resources.ResourcePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="A tool or change package from the library that was tested.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.date:%d %b %Y}: {self.text}"
