"""A centre's data series as a chart, and what it says about its changes: the one place that turns
a ``Series`` into ``spc.compute``'s chart and ``improvement.judge``'s judgements, for the series
page, the Evidence section of resource pages, the API and the search index alike."""

from dataclasses import dataclass

from . import improvement, spc


@dataclass(frozen=True)
class ChangeJudged:
    """A documented change on a series (a ``SeriesAnnotation`` with ``is_change``) and whether the
    series shows improvement after it (``improvement.Judgement``)."""

    note: object
    judgement: improvement.Judgement


def desired_direction(series):
    return (series.measure.desired_direction or None) if series.measure_id else None


def unit(series):
    return series.measure.unit if series.measure_id else ""


def change_label(note):
    """What a documented change is called on its chart: the change idea tested, else the note."""
    return note.change_idea or note.text


def changes(series):
    """The series' documented changes as ``(date, label)``: where the limits are recalculated and
    the dashed lines drawn."""
    return [(note.date, change_label(note)) for note in series.annotations.all() if note.is_change]


def chart_of(series):
    """The series' chart, its limits recalculated after each documented change. Reads the series'
    points and annotations (prefetch them for many series). Raises ValueError, in words, when the
    data cannot make the chosen chart (an editor may change the chart kind after the upload)."""
    return spc.compute(
        series.chart_kind, series.observations(), desired_direction=desired_direction(series), changes=changes(series)
    )


def changes_judged(series):
    """Each documented change of the series with its judgement, in date order."""
    observations = series.observations()
    judged = []
    for note in series.annotations.all():
        if not note.is_change:
            continue
        try:
            judgement = improvement.judge(series.chart_kind, observations, note.date, desired_direction(series))
        except ValueError as error:
            judgement = improvement.Judgement(False, reason=str(error))
        judged.append(ChangeJudged(note, judgement))
    return judged


def shows_improvement(series):
    """True when some documented change of the series has evidence of improvement after it."""
    return any(judged.judgement.improved for judged in changes_judged(series))
