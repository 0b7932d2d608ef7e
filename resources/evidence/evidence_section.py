"""The Evidence section of a resource page: centres' series for the measures it concerns, each with
its chart (kept drawn, ``chart_cache``), the centre where the viewer may see it, the documented
changes and the signals after them, and a link to the series' page.

- A change package shows the series of each of its measures.
- A tool shows the series of the measures it links (``ToolPage.measures``) and those whose
  documented change names the tool (``SeriesAnnotation.resource``).

Only what ``Series.objects.visible_to(request)`` lets the viewer see: an anonymous visitor (whose
page the page cache keeps) sees public series only. The series, their measures, centres, points
and notes are read in a fixed number of queries whatever the number of series.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from wagtail.models import Page

from ..models import Measure, Series
from ..models.evidence import may_upload
from . import chart_cache


@dataclass
class SeriesShown:
    series: Series
    drawn: chart_cache.Drawn
    centre: object = None  # the Organisation, where this viewer may see its name


@dataclass
class MeasureEvidence:
    measure: Measure
    series: list = field(default_factory=list)
    upload_url: str = ""
    # The measure's change package, named on a tool's page (a package's own page needs no link to itself).
    package: object = None


@dataclass
class Evidence:
    measures: list
    about: str = "the measures"  # "Centres' data for <about>"

    @property
    def package_ids(self):
        """The packages whose measures (and their visibility) the section shows: for the page cache."""
        return {group.measure.page_id for group in self.measures}

    @property
    def organisation_ids(self):
        """The centres the section names: for the page cache."""
        return {shown.centre.pk for group in self.measures for shown in group.series if shown.centre is not None}


def _visible_series(request, page):
    # The measure's package is not joined: a package's own page does not name it, and a tool's page
    # needs only its title and URL (``_packages_named``), not every column of every package row.
    series = list(
        Series.objects.visible_to(request)
        .concerning(page)
        .select_related("measure", "organisation")
        .order_by("measure_name", "title", "pk")
    )
    chart_cache.prefetch(series)
    return series


def _packages_named(measures):
    """{page id: Page} of these measures' change packages, titles and URLs only, in one query."""
    return Page.objects.in_bulk({measure.page_id for measure in measures})


def _evidence(request, measures, series, *, name_packages, about):
    uploading = may_upload(request.user)
    packages = _packages_named([*measures, *(one.measure for one in series)]) if name_packages else {}
    by_measure = {measure.pk: MeasureEvidence(measure, package=packages.get(measure.page_id)) for measure in measures}
    drawings = chart_cache.drawn_many(series)
    for one in series:
        group = by_measure.get(one.measure_id)
        if group is None:
            group = by_measure[one.measure_id] = MeasureEvidence(one.measure, package=packages.get(one.measure.page_id))
        centre = one.organisation if one.centre_shown_to(request.user) else None
        group.series.append(SeriesShown(one, drawings[one.pk], centre))
    groups = []
    for group in by_measure.values():
        if uploading:
            group.upload_url = f"{reverse('series_new')}?measure={group.measure.pk}"
        if group.series or group.upload_url:
            groups.append(group)
    return Evidence(groups, about) if groups else None


def package_evidence(page, request):
    """The Evidence of a change package's page (None when there is nothing to show this viewer)."""
    measures = page.shown_measures
    series = _visible_series(request, page)
    return _evidence(request, measures, series, name_packages=False, about="this package's measures")


def tool_evidence(page, request):
    """The Evidence of a tool's page: its measures' series and those whose change names the tool."""
    series = _visible_series(request, page)
    measures = []
    if may_upload(request.user):
        # Linked measures with no series yet, for the upload links: of packages this person may see.
        measures = list(page.measures.visible_to(request).order_by("page__title", "sort_order"))
    return _evidence(
        request, measures, series, name_packages=True, about="the measures this tool is meant to move, and tests of it"
    )
