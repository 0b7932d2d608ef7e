"""/api/v1/measures/, /api/v1/series/ and /api/v1/adoptions/: the learning loop, with the site's
rules. A measure is listed when its change package is visible to the caller; a series only through
``Series.objects.visible_to`` (never one of a draft or withdrawn package, never a network-only one
without a member's token); an adoption mark when its resource is visible, its centre named only
when the centre chose to be (docs/api.md)."""

from django.db.models import Count, Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.response import Response

from contributors.models import Organisation

from ...models import Adoption, Measure, ResourcePage, Series
from ...models.evidence import may_see_network_series
from ...visibility import can_view_fetched, visible_pages
from ..errors import BadQuery
from ..evidence_serializers import (
    AdoptionMarkSerializer,
    MeasureSerializer,
    SeriesDetailSerializer,
    SeriesSerializer,
)
from .base import DetailView, ListView


def _whole_number(params, name, what):
    raw = params.get(name)
    if raw is None:
        return None
    if not raw.isdigit():
        raise BadQuery({name: [f"“{raw}” is not {what}: give a whole number."]})
    return int(raw)


def _organisation(params):
    slug = params.get("organisation")
    if slug is None:
        return None
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise BadQuery({"organisation": [f"No organisation is called “{slug}”: see /api/v1/organisations/."]})
    return organisation


def visible_series(http_request):
    return Series.objects.visible_to(http_request)


def measures(http_request):
    shown = visible_series(http_request).values("pk")
    return (
        Measure.objects.visible_to(http_request)
        .select_related("page")
        .annotate(series_count=Count("series", filter=Q(series__in=shown), distinct=True))
    )


@extend_schema_view(get=extend_schema(parameters=[
    OpenApiParameter("package", OpenApiTypes.INT, description="Only the measures of the change package with this id."),
]))
class MeasureList(ListView):
    """The measures of the change packages you may see, each with how many centres' series for it
    you may see."""

    serializer_class = MeasureSerializer

    def get_queryset(self):
        found = measures(self.http_request).order_by("page__title", "sort_order", "pk")
        package = _whole_number(self.request.query_params, "package", "a change package id")
        return found.filter(page_id=package) if package is not None else found


class MeasureDetail(DetailView):
    serializer_class = MeasureSerializer
    lookup_url_kwarg = "measure_id"
    not_found_message = "No measure with this id is visible to you."

    def get_queryset(self):
        return measures(self.http_request)


def _series_list(queryset):
    return queryset.select_related("measure", "package", "organisation").with_period_range()


@extend_schema_view(get=extend_schema(parameters=[
    OpenApiParameter("measure", OpenApiTypes.INT, description="Only the series of the measure with this id."),
    OpenApiParameter("package", OpenApiTypes.INT, description="Only the series of the change package with this id."),
    OpenApiParameter("organisation", OpenApiTypes.STR,
                     description="Only the series of the centre with this slug, among those whose centre you may "
                                 "know (members know every series' centre; others, those named publicly)."),
]))
class SeriesList(ListView):
    """Centres' data series you may see: public ones to everyone, network ones with a member's token;
    never one of a draft or withdrawn change package. The points, notes and chart: each series' own
    endpoint."""

    serializer_class = SeriesSerializer

    def get_queryset(self):
        params = self.request.query_params
        series = visible_series(self.http_request)
        measure = _whole_number(params, "measure", "a measure id")
        if measure is not None:
            series = series.filter(measure_id=measure)
        package = _whole_number(params, "package", "a change package id")
        if package is not None:
            series = series.filter(package_id=package)
        organisation = _organisation(params)
        if organisation is not None:
            series = series.filter(organisation=organisation)
            if not may_see_network_series(self.http_request.user):
                # Filtering by a centre not named would say which series are its.
                series = series.filter(show_centre=True)
        return _series_list(series).order_by("measure_name", "title", "pk")


class SeriesDetail(DetailView):
    """One series you may see, whole: its periods, notes, the chart the rules compute (centre and
    limits per phase, signals in words) and, for each documented change, whether it shows
    improvement."""

    serializer_class = SeriesDetailSerializer
    lookup_url_kwarg = "series_id"
    not_found_message = (
        "No data series with this id is visible to you. A series shared only within the network needs a "
        "member's token (docs/api.md, “Tokens”)."
    )

    def get_queryset(self):
        return _series_list(visible_series(self.http_request)).prefetch_related("points", "annotations__resource")

    def retrieve(self, request, *args, **kwargs):
        series = self.get_object()
        # A linked resource is named only to a caller who may see it. The resources came with the
        # series, and the restrictions this request fails were read for ``visible_series``.
        visible = {
            note.resource_id for note in series.annotations.all()
            if note.resource_id and can_view_fetched(note.resource, self.http_request)
        }
        context = {**self.get_serializer_context(), "visible_resource_ids": visible}
        return Response(self.get_serializer_class()(series, context=context).data)


@extend_schema_view(get=extend_schema(parameters=[
    OpenApiParameter("resource", OpenApiTypes.INT, description="Only the marks of the resource with this id."),
    OpenApiParameter("organisation", OpenApiTypes.STR,
                     description="Only the marks of the centre with this slug that it chose to make public."),
    OpenApiParameter("in_use", OpenApiTypes.BOOL, description="true: only marks still in use; false: only stopped."),
]))
class AdoptionList(ListView):
    """Centres' marks that they use a resource you may see, the latest started first: when it
    started and stopped, the version and the answer to “did it work?”. A centre is named only where
    it chose to be; the other marks are listed without their centre, and never found by it. Notes
    are for the centre's colleagues and are never shown here."""

    serializer_class = AdoptionMarkSerializer

    def get_queryset(self):
        params = self.request.query_params
        resources = visible_pages(ResourcePage.objects.all(), self.http_request)
        marks = Adoption.objects.filter(resource__in=resources.values("pk"))
        resource = _whole_number(params, "resource", "a resource id")
        if resource is not None:
            marks = marks.filter(resource_id=resource)
        organisation = _organisation(params)
        if organisation is not None:
            marks = marks.filter(organisation=organisation, public=True)
        in_use = params.get("in_use")
        if in_use is not None:
            if in_use not in ("true", "false"):
                raise BadQuery({"in_use": [f"“{in_use}” is not true or false."]})
            marks = marks.filter(stopped_on__isnull=in_use == "true")
        return marks.select_related("resource", "organisation", "release", "evidence_series").order_by(
            "-started_on", "-pk"
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["visible_series_ids"] = _VisibleSeriesIds(self.http_request)
        return context


class _VisibleSeriesIds:
    """``in``: whether the caller may see a series, asked of the database once, on first use."""

    def __init__(self, http_request):
        self.http_request, self.ids = http_request, None

    def __contains__(self, series_id):
        if series_id is None:
            return False
        if self.ids is None:
            self.ids = set(visible_series(self.http_request).filter(adoptions__isnull=False).values_list(
                "pk", flat=True))
        return series_id in self.ids
