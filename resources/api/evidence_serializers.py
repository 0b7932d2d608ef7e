"""How the API shows the learning loop: change packages' measures, centres' data series (with the
chart the rules compute and the judgement of each documented change) and adoption marks
(docs/api.md, "Evidence: measures, series, adoptions").

What a caller may know follows the site: a series only through ``Series.objects.visible_to`` (the
views' querysets), its centre only where ``series.centre_shown_to(user)``, a linked resource only
when the caller may see it, and an adoption mark's centre only when the centre chose to be named.
The views put in the context, besides DRF's: ``http_request`` (Django's, whose user is the caller)
and, where a serializer needs it, ``visible_resource_ids`` (the linked resources the caller may see).
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..evidence import series_charts
from ..models import Adoption, Measure, Series
from .resource_serializers import ResourceSummarySerializer
from .serializers import OrganisationSummarySerializer, absolute, api_url


def _user(context):
    return context["http_request"].user


class MeasureSummarySerializer(serializers.ModelSerializer):
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Measure
        fields = ["id", "name", "api_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, measure):
        return api_url(self.context, "measure-detail", measure.pk)


class MeasureSerializer(MeasureSummarySerializer):
    """A change package's measure. Expects ``page`` selected and ``series_count`` annotated."""

    package = ResourceSummarySerializer(source="page")
    kind = serializers.CharField(help_text="outcome, process or balancing.")
    desired_direction = serializers.SerializerMethodField(help_text="up, down, or null when neither is better.")
    series_count = serializers.IntegerField(help_text="Centres' data series for it that you may see.")
    series_api_url = serializers.SerializerMethodField(help_text="Those series (the series list, filtered).")

    class Meta(MeasureSummarySerializer.Meta):
        fields = [
            *MeasureSummarySerializer.Meta.fields, "package", "kind", "operational_definition", "numerator",
            "denominator", "unit", "desired_direction", "series_count", "series_api_url",
        ]

    def get_desired_direction(self, measure) -> str | None:
        return measure.desired_direction or None

    @extend_schema_field(OpenApiTypes.URI)
    def get_series_api_url(self, measure):
        return api_url(self.context, "series-list") + f"?measure={measure.pk}"


class SeriesSerializer(serializers.ModelSerializer):
    """A series in a list. Expects ``measure``, ``package`` and ``organisation`` selected and
    ``point_count``, ``first_period`` and ``last_period`` annotated."""

    measure = MeasureSummarySerializer()
    package = ResourceSummarySerializer()
    kind = serializers.CharField(help_text="values (one number per period) or rates (a numerator over a denominator).")
    chart_kind = serializers.CharField(help_text="run, xmr, p or u.")
    visibility = serializers.CharField(help_text="public, or network: the network's members only.")
    centre = serializers.SerializerMethodField(
        help_text="The centre whose data it is: named to members, and to everyone when the centre agreed; else null."
    )
    points = serializers.IntegerField(source="point_count", help_text="How many periods it has.")
    first_period = serializers.DateField(allow_null=True)
    last_period = serializers.DateField(allow_null=True)
    url = serializers.SerializerMethodField(help_text="The series' page, with its chart and data table.")
    csv_url = serializers.SerializerMethodField(help_text="Its data as CSV.")
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Series
        fields = [
            "id", "title", "measure", "package", "centre", "kind", "chart_kind", "visibility", "points",
            "first_period", "last_period", "updated_at", "url", "csv_url", "api_url",
        ]

    @extend_schema_field(OrganisationSummarySerializer(allow_null=True))
    def get_centre(self, series):
        if not series.centre_shown_to(_user(self.context)):
            return None
        return OrganisationSummarySerializer(series.organisation, context=self.context).data

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, series):
        return absolute(self.context, series.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_csv_url(self, series):
        from django.urls import reverse

        return absolute(self.context, reverse("series_csv", args=[series.pk]))

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, series):
        return api_url(self.context, "series-detail", series.pk)


class PointSerializer(serializers.Serializer):
    period = serializers.DateField(help_text="The period's first day (a month is its 1st).")
    value = serializers.FloatField(allow_null=True, help_text="Values: the number; rates: numerator / denominator.")
    numerator = serializers.FloatField(allow_null=True)
    denominator = serializers.FloatField(allow_null=True)


class AnnotationSerializer(serializers.Serializer):
    date = serializers.DateField()
    text = serializers.CharField()
    is_change = serializers.BooleanField(help_text="A change was introduced: the limits are calculated again.")
    change_idea = serializers.CharField(help_text="The change idea tested, as the package names it.")
    resource = ResourceSummarySerializer(allow_null=True, help_text="The resource tested, if you may see it.")


class ChartPhaseSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="The change that started it, or empty for the first.")
    first_period = serializers.DateField()
    last_period = serializers.DateField()
    baseline_last_period = serializers.DateField(help_text="The last period of those that fix its centre and limits.")
    centre = serializers.FloatField(help_text="Median (run chart) or mean; a proportion for a p chart.")
    lower = serializers.ListField(
        child=serializers.FloatField(allow_null=True),
        help_text="The lower limit at each of its periods (null: none, or clipped at 0); empty on a run chart.",
    )
    upper = serializers.ListField(child=serializers.FloatField(allow_null=True))


class SignalSerializer(serializers.Serializer):
    rule = serializers.CharField(help_text="shift, trend, runs, crossings, outside-limits, two-of-three, moving-range.")
    direction = serializers.CharField(allow_null=True, help_text="up, down, or null (runs, crossings).")
    favourable = serializers.BooleanField(allow_null=True, help_text="In the measure's desired direction.")
    text = serializers.CharField(help_text="The signal in words, as under the chart.")
    periods = serializers.ListField(child=serializers.DateField(), help_text="The periods it counted.")


class ChartSerializer(serializers.Serializer):
    kind = serializers.CharField()
    phases = ChartPhaseSerializer(many=True)
    signals = SignalSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField(), help_text="What a reader must know, in words.")


class ChangeSerializer(serializers.Serializer):
    date = serializers.DateField()
    text = serializers.CharField()
    change_idea = serializers.CharField()
    improved = serializers.BooleanField(
        help_text="Evidence of improvement: a signal in the desired direction mostly after the change, against "
        "limits fixed before it (docs/evidence.md)."
    )
    reason = serializers.CharField(help_text="Why there is no judgement or no evidence, in words; empty if improved.")
    signals = SignalSerializer(many=True, help_text="The favourable signals after the change.")


def signal_data(signal, periods):
    return {
        "rule": signal.rule, "direction": signal.direction, "favourable": signal.favourable, "text": signal.text,
        "periods": [periods[index] for index in signal.points if index < len(periods)],
    }


def chart_data(chart):
    periods = chart.periods
    return {
        "kind": chart.kind,
        "phases": [
            {
                "label": phase.label, "first_period": periods[phase.start], "last_period": periods[phase.end - 1],
                "baseline_last_period": periods[phase.baseline_end - 1], "centre": phase.centre,
                "lower": list(phase.lower), "upper": list(phase.upper),
            }
            for phase in chart.phases
        ],
        "signals": [signal_data(signal, periods) for signal in chart.signals],
        "notes": list(chart.notes),
    }


class SeriesDetailSerializer(SeriesSerializer):
    """A series whole. Expects its points and annotations prefetched, and ``visible_resource_ids``
    in the context."""

    unit = serializers.SerializerMethodField()
    desired_direction = serializers.SerializerMethodField()
    data = serializers.SerializerMethodField(help_text="Its periods, in order.")
    annotations = serializers.SerializerMethodField(help_text="Its notes, in date order.")
    chart = serializers.SerializerMethodField(
        help_text="What the rules compute for its chart, limits recalculated after each change; null when the "
        "data cannot make the chosen chart (then chart_error says why)."
    )
    chart_error = serializers.SerializerMethodField()
    changes = serializers.SerializerMethodField(help_text="Each documented change and whether it worked.")

    class Meta(SeriesSerializer.Meta):
        fields = [*SeriesSerializer.Meta.fields, "unit", "desired_direction", "data", "annotations", "chart",
                  "chart_error", "changes"]

    def _chart(self, series):
        if not hasattr(series, "_api_chart"):
            try:
                series._api_chart, series._api_chart_error = series_charts.chart_of(series), ""
            except ValueError as error:
                series._api_chart, series._api_chart_error = None, str(error)
        return series._api_chart, series._api_chart_error

    def get_unit(self, series) -> str:
        return series_charts.unit(series)

    def get_desired_direction(self, series) -> str | None:
        return series_charts.desired_direction(series)

    @extend_schema_field(PointSerializer(many=True))
    def get_data(self, series):
        return PointSerializer(series.observations(), many=True).data

    @extend_schema_field(AnnotationSerializer(many=True))
    def get_annotations(self, series):
        visible = self.context.get("visible_resource_ids", set())
        notes = [
            {"date": note.date, "text": note.text, "is_change": note.is_change, "change_idea": note.change_idea,
             "resource": note.resource if note.resource_id in visible else None}
            for note in series.annotations.all()
        ]
        return AnnotationSerializer(notes, many=True, context=self.context).data

    @extend_schema_field(ChartSerializer(allow_null=True))
    def get_chart(self, series):
        chart, _error = self._chart(series)
        return ChartSerializer(chart_data(chart)).data if chart is not None else None

    def get_chart_error(self, series) -> str:
        return self._chart(series)[1]

    @extend_schema_field(ChangeSerializer(many=True))
    def get_changes(self, series):
        periods = [point.period for point in series.points.all()]
        changes = [
            {"date": judged.note.date, "text": judged.note.text, "change_idea": judged.note.change_idea,
             "improved": judged.judgement.improved, "reason": judged.judgement.reason,
             "signals": [signal_data(signal, periods) for signal in judged.judgement.signals]}
            for judged in series_charts.changes_judged(series)
        ]
        return ChangeSerializer(changes, many=True).data


class AdoptionMarkSerializer(serializers.ModelSerializer):
    """One centre's mark. Expects ``resource``, ``organisation``, ``release`` and ``evidence_series``
    selected, and ``visible_series_ids`` in the context."""

    resource = ResourceSummarySerializer()
    centre = serializers.SerializerMethodField(
        help_text="The centre, when it chose to be named publicly; null otherwise (it is only counted)."
    )
    in_use = serializers.BooleanField(source="is_live", help_text="False once the centre stopped using it.")
    version = serializers.SerializerMethodField(help_text="The released version it uses, if one in particular.")
    outcome = serializers.SerializerMethodField(
        help_text="Its answer to “did it work?”: yes, partly, no, too-early, or null when not answered."
    )
    evidence_series = serializers.SerializerMethodField(
        help_text="The data series the centre linked as showing it, for a named centre, if you may see the series."
    )

    class Meta:
        model = Adoption
        fields = ["id", "resource", "centre", "in_use", "started_on", "stopped_on", "version", "outcome",
                  "answered_on", "evidence_series"]

    @extend_schema_field(OrganisationSummarySerializer(allow_null=True))
    def get_centre(self, adoption):
        if not adoption.public:
            return None
        return OrganisationSummarySerializer(adoption.organisation, context=self.context).data

    def get_version(self, adoption) -> str | None:
        release = adoption.release
        return release.label if release is not None and release.published_at is not None else None

    def get_outcome(self, adoption) -> str | None:
        return adoption.outcome or None

    @extend_schema_field(
        {"type": "object", "nullable": True, "properties": {
            "id": {"type": "integer"}, "title": {"type": "string"}, "api_url": {"type": "string", "format": "uri"}}}
    )
    def get_evidence_series(self, adoption):
        # A series names its centre to members: linked from an unnamed mark it would name the mark's centre.
        if not adoption.public or adoption.evidence_series_id not in self.context.get("visible_series_ids", ()):
            return None
        series = adoption.evidence_series
        return {"id": series.pk, "title": series.title, "api_url": api_url(self.context, "series-detail", series.pk)}
