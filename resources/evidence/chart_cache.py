"""A series' chart as drawn for pages and downloads, and what it says in words, kept in Django's
default cache: drawing costs 30–45 ms a chart, and a change package's page may show several.

The key is the series' id and a *fingerprint* of everything the drawing and its words depend on:
the series' title, kind and chart kind, its measure's name, unit and desired direction, every
point and every note, and ``VERSION``. It is made from the rows themselves (which the page reads
anyway, to show the data table or to prefetch for many series), not from a timestamp, so adding or
removing a point or a note, or choosing another chart, gives a new key and a new drawing with no
receiver to forget; an old drawing is never shown, and simply expires. Nothing here depends on who
looks: visibility is decided before a series gets here.

Read the series with ``measure`` selected and ``points`` and ``annotations`` prefetched
(``prefetch``), or each call costs queries.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import prefetch_related_objects

from . import drawing, series_charts

# Raise it when the drawing or the rules change what a chart shows or says: kept charts are drawn again.
VERSION = 2
CHART_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class ChangeSaid:
    """A documented change and its judgement (``series_charts.changes_judged``), in words."""

    date: datetime.date
    label: str
    improved: bool
    signals: tuple[str, ...] = ()
    reason: str = ""

    @property
    def text(self):
        if self.improved:
            return f"Evidence of improvement after {self.label}: " + " ".join(self.signals)
        return f"No evidence of improvement after {self.label}: {self.reason}"


@dataclass(frozen=True)
class Drawn:
    """What a page shows of a series' chart: the SVG to inline (empty when the data cannot make the
    chosen chart, and ``error`` says why), the signals and notes under it, each change judged."""

    svg: str = ""
    error: str = ""
    signals: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    changes: tuple[ChangeSaid, ...] = ()


def prefetch(series_list):
    """Points and notes of many series at once: two queries whatever their number."""
    prefetch_related_objects(list(series_list), "points", "annotations")


def y_label(series):
    unit = series_charts.unit(series)
    return f"{series.measure_name} ({unit})" if unit else series.measure_name


def fingerprint(series):
    parts = [
        VERSION, series.title, series.kind, series.chart_kind, series.measure_name,
        series_charts.unit(series), series_charts.desired_direction(series) or "",
    ]
    parts += [(p.period.isoformat(), str(p.value), str(p.numerator), str(p.denominator)) for p in series.points.all()]
    parts += [(n.pk, n.date.isoformat(), n.is_change, n.change_idea, n.text) for n in series.annotations.all()]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _key(series, what):
    return f"commons-series-chart:{series.pk}:{fingerprint(series)}:{what}"


def drawn(series):
    """The series' ``Drawn``, from the cache or drawn now and kept."""
    return drawn_many([series])[series.pk]


def drawn_many(series_list):
    """{series id: Drawn} for many series, looked up in one round trip to the cache (a shared cache
    such as Redis answers each look-up over the network) and the missing ones drawn and kept."""
    keys = {series.pk: _key(series, "page") for series in series_list}
    kept = cache.get_many(keys.values())
    result, new = {}, {}
    for series in series_list:
        key = keys[series.pk]
        if key not in kept:
            kept[key] = new[key] = _draw(series)
        result[series.pk] = kept[key]
    if new:
        cache.set_many(new, CHART_SECONDS)
    return result


def png(series):
    """The chart as a PNG (bytes), kept like the page's drawing; None when the data cannot make it."""
    key = _key(series, "png")
    kept = cache.get(key)
    if kept is None:
        try:
            chart = series_charts.chart_of(series)
        except ValueError:
            return None
        kept = _render(drawing.render_png, series, chart)
        cache.set(key, kept, CHART_SECONDS)
    return kept


def _draw(series):
    try:
        chart = series_charts.chart_of(series)
    except ValueError as error:
        return Drawn(error=str(error))
    svg = _render(drawing.render_svg, series, chart)
    changes = tuple(
        ChangeSaid(
            date=judged.note.date, label=series_charts.change_label(judged.note),
            improved=judged.judgement.improved,
            signals=tuple(signal.text for signal in judged.judgement.signals), reason=judged.judgement.reason,
        )
        for judged in series_charts.changes_judged(series)
    )
    return Drawn(
        svg=svg, signals=tuple(signal.text for signal in chart.signals),
        notes=tuple(chart.notes), changes=changes,
    )


def _render(render, series, chart):
    """The series' chart drawn by ``render`` (``drawing.render_svg`` or ``render_png``), with its
    title, its axis label and its changes."""
    return render(chart, title=series.title, y_label=y_label(series), annotations=series_charts.changes(series))
