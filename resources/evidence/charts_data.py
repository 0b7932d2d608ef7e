"""What a computed chart holds: the plain values that the rules (spc.py) produce and the drawing
(drawing.py), the page's data table, the API and the CSV download read. No Django here."""

import datetime
from dataclasses import dataclass, field
from typing import Literal

ChartKind = Literal["run", "xmr", "p", "u"]
Direction = Literal["up", "down"]


@dataclass(frozen=True)
class Observation:
    """One period of a series: a value (run and XmR charts), or a numerator over a denominator
    (p charts: a proportion, numerator ≤ denominator; u charts: a rate per unit of denominator)."""

    period: datetime.date
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None


@dataclass(frozen=True)
class Phase:
    """A stretch of the chart with one centre line (and limits): the whole series, or the periods
    between two documented changes. ``start``/``end`` index the chart's points (end excluded); the
    centre and limits come from the phase's baseline, points ``start`` to ``baseline_end``."""

    start: int
    end: int
    baseline_end: int
    centre: float
    # One entry per point of the phase (p and u limits vary with the denominator); None on a run
    # chart, and where a limit is clipped away (below 0, above 1 for a proportion).
    lower: tuple[float | None, ...] = ()
    upper: tuple[float | None, ...] = ()
    label: str = ""


@dataclass(frozen=True)
class Signal:
    """A special cause found by one rule: which points show it, which way, and in words."""

    rule: str  # "shift", "trend", "runs", "crossings", "outside-limits", "moving-range"
    points: tuple[int, ...]
    direction: Direction | None
    # True in the measure's desired direction, False against it, None if it has none or no way.
    favourable: bool | None
    text: str


@dataclass(frozen=True)
class Chart:
    kind: ChartKind
    periods: tuple[datetime.date, ...]
    # What is plotted: the value, the proportion (p) or the rate (u).
    values: tuple[float, ...]
    phases: tuple[Phase, ...]
    signals: tuple[Signal, ...]
    desired_direction: Direction | None = None
    # XmR only: the moving ranges (None for each phase's first point) and their centre and upper limit
    # per phase, in the order of ``phases``.
    moving_ranges: tuple[float | None, ...] = ()
    moving_range_centres: tuple[float, ...] = ()
    moving_range_uppers: tuple[float, ...] = ()
    # Things a reader must know, in words ("Too few points for the run rules: 8, at least 10 needed.").
    notes: tuple[str, ...] = field(default_factory=tuple)


def points(count):
    """"1 point", "12 points": how the rules' notes and the drawing's words count points."""
    return "1 point" if count == 1 else f"{count} points"
