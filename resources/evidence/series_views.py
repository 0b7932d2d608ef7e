"""A centre's data series on the site (not the admin): upload one for a change package's measure,
list the centre's, change who sees it, note when a change was introduced, read it with its chart,
and download its data as CSV and its chart as PNG or SVG (drawn once and kept: chart_cache.py).

Who may do what (``resources/models/evidence.py``): a series is read by those ``visible_to`` lets
see it, and by its centre's members and editors (``editable_by``); anyone else gets 404, as for a
page they may not see. Uploading needs a network member whose contributor profile names their
centre. None of these pages is kept by the anonymous page cache (they are not among
``resources/page_cache.PAGE_VIEWS``), and each says so to browsers and proxies (``never_cache``).
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from contributors.models import centre_of

from ..models import Measure
from ..models.evidence import Series, SeriesAnnotation, SeriesKind, may_upload
from ..visibility import can_view_fetched
from . import chart_cache
from .series_forms import AnnotationForm, SeriesSettingsForm, UploadForm
from .uploads import plain_number, save_series

NO_CENTRE = (
    "Your profile names no centre, so there is nowhere to keep a series. Ask an editor to add your centre to your "
    "profile, then come back."
)


def _readable(request, series_id):
    """The series, if this request may read it; 404 otherwise."""
    readable = Series.objects.filter(
        Q(pk__in=Series.objects.visible_to(request).values("pk"))
        | Q(pk__in=Series.objects.editable_by(request.user).values("pk"))
    )
    return get_object_or_404(readable.select_related("measure", "package", "organisation"), pk=series_id)


def _editable(request, series_id):
    """The series, if this person may change it; 404 otherwise (it may not be theirs to know of)."""
    return get_object_or_404(
        Series.objects.editable_by(request.user).select_related("measure", "package", "organisation"), pk=series_id
    )


def _visible_measures(request):
    return Measure.objects.visible_to(request).select_related("page").order_by("page__title", "sort_order", "pk")


@never_cache
@login_required
def series_list(request):
    centre = centre_of(request.user)
    series = []
    if centre is not None:
        series = (
            Series.objects.filter(organisation=centre)
            .select_related("measure", "package")
            .with_period_range()
            .order_by("measure_name", "title", "pk")
        )
    return render(request, "resources/evidence/series_list.html", {
        "centre": centre, "series_list": series, "may_upload": may_upload(request.user), "no_centre": NO_CENTRE,
    })


@never_cache
@login_required
def series_new(request):
    centre = centre_of(request.user)
    if not may_upload(request.user):
        messages.error(request, NO_CENTRE if centre is None else "Only the network's members can upload data.")
        return redirect("series_list")
    measures = _visible_measures(request)
    measure_id = request.GET.get("measure", "")
    measure = measures.filter(pk=measure_id).first() if measure_id.isdigit() else None
    if measure is None:
        # No measure (or one this person may not see): choose one first.
        return render(request, "resources/evidence/series_choose_measure.html", {
            "measures": measures, "asked_for": measure_id,
        })
    # Not the centre's name: the title is shown wherever the series is, and naming the centre is a choice.
    form = UploadForm(request.POST or None, request.FILES or None, initial={"title": measure.name})
    if request.method == "POST" and form.is_valid():
        series = save_series(
            form.upload, measure=measure, organisation=centre, created_by=request.user,
            title=form.cleaned_data["title"], chart_kind=form.cleaned_data["chart_kind"],
            visibility=form.cleaned_data["visibility"], show_centre=form.cleaned_data["show_centre"],
        )
        count = len(form.upload.points)
        messages.success(request, f"Saved {count} period{'s' if count != 1 else ''} for {measure.name}.")
        for warning in form.upload.warnings:
            messages.warning(request, warning)
        return redirect(series)
    return render(request, "resources/evidence/series_new.html", {"form": form, "measure": measure, "centre": centre})


def _rows(series, points):
    """What the data table and the CSV hold, per point: the period, then the numbers as written
    (12.5, not 12.500000), and a rate's quotient to six significant figures."""
    if series.kind == SeriesKind.RATES:
        return [
            (point.period, plain_number(point.numerator), plain_number(point.denominator), f"{point.rate:.6g}")
            for point in points
        ]
    return [(point.period, plain_number(point.value)) for point in points]


def _with_rows(series):
    """The series with its points and notes (with their linked resources) read once: for the data
    table, the notes, and the chart's fingerprint and drawing alike."""
    notes = Prefetch("annotations", queryset=SeriesAnnotation.objects.select_related("resource"))
    prefetch_related_objects([series], "points", notes)
    return series


@never_cache
def series_detail(request, series_id):
    series = _with_rows(_readable(request, series_id))
    points = list(series.points.all())
    notes = list(series.annotations.all())
    # A linked resource is named only to those who may see it. The resources and the package came
    # with the series, and the restrictions this request fails were read by ``_readable``.
    visible_resources = {n.resource_id for n in notes if n.resource_id and can_view_fetched(n.resource, request)}
    package = series.package if can_view_fetched(series.package, request) else None
    return render(request, "resources/evidence/series_detail.html", {
        "series": series,
        "measure": series.measure,
        "package": package,
        "points": points,
        "rows": _rows(series, points),
        "notes": notes,
        "visible_resources": visible_resources,
        "show_centre": series.centre_shown_to(request.user),
        "may_edit": Series.objects.editable_by(request.user).filter(pk=series.pk).exists(),
        "drawn": chart_cache.drawn(series),
    })


def _download_name(series, extension):
    name = slugify(f"{series.measure_name} {series.title}")[:80] or "series"
    return f'attachment; filename="{name}.{extension}"'


@never_cache
def series_csv(request, series_id):
    series = _readable(request, series_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _download_name(series, "csv")
    writer = csv.writer(response)
    header = ["period", "numerator", "denominator", "rate"] if series.kind == SeriesKind.RATES else ["period", "value"]
    writer.writerow(header)
    for period, *numbers in _rows(series, series.points.all()):
        writer.writerow([period.isoformat(), *numbers])
    return response


@never_cache
def series_svg(request, series_id):
    """The chart as drawn on the page, as an SVG file. 404 when the data cannot make the chart (the
    page says why instead of linking here)."""
    series = _with_rows(_readable(request, series_id))
    drawn = chart_cache.drawn(series)
    if not drawn.svg:
        raise Http404(drawn.error)
    response = HttpResponse(drawn.svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = _download_name(series, "svg")
    return response


@never_cache
def series_png(request, series_id):
    """The chart as a PNG image, 720 pixels wide."""
    series = _with_rows(_readable(request, series_id))
    image = chart_cache.png(series)
    if image is None:
        raise Http404("The data cannot make this series' chart.")
    response = HttpResponse(image, content_type="image/png")
    response["Content-Disposition"] = _download_name(series, "png")
    return response


@never_cache
@login_required
def series_edit(request, series_id):
    series = _editable(request, series_id)
    form = SeriesSettingsForm(request.POST or None, instance=series)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect(series)
    return render(request, "resources/evidence/series_edit.html", {"form": form, "series": series})


@never_cache
@login_required
def series_delete(request, series_id):
    series = _editable(request, series_id)
    if request.method == "POST":
        title = series.title
        series.delete()
        messages.success(request, f"Deleted “{title}” and its data.")
        return redirect("series_list")
    return render(request, "resources/evidence/series_delete.html", {"series": series})


@never_cache
@login_required
def annotation_new(request, series_id):
    series = _editable(request, series_id)
    # The package came with the series; the restrictions this request fails are read once, for it
    # and for the form's list of resources.
    package = series.package if can_view_fetched(series.package, request) else None
    form = AnnotationForm(request.POST or None, request=request, package=package)
    if request.method == "POST" and form.is_valid():
        note = form.save(commit=False)
        note.series = series
        note.save()
        messages.success(request, "Note added." + (" The chart's limits are calculated again from that date."
                                                   if note.is_change else ""))
        return redirect(series)
    return render(request, "resources/evidence/annotation_new.html", {"form": form, "series": series})


@never_cache
@login_required
@require_POST
def annotation_delete(request, series_id, annotation_id):
    series = _editable(request, series_id)
    note = get_object_or_404(series.annotations, pk=annotation_id)
    note.delete()
    messages.success(request, "Note removed.")
    return redirect(series)
