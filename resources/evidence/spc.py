"""Statistical process control: a measure's series in, its run or control chart out (centre lines,
limits, phases and the special-cause signals said in words). Pure Python, no Django: what the chart
holds is in ``charts_data.py``; every convention is in docs/evidence.md, "Charts and rules".

    compute("p", observations, desired_direction="down", changes=[(date(2024, 3, 1), "Huddles")])

Kinds:

- ``run``: the median; the run rules of ``run_rules.py`` (Anhøj's by default, or the IHI rules).
- ``xmr``: individuals and moving ranges. Centre the mean, limits mean ± 2.66 × mean moving range;
  moving-range chart centre the mean moving range, upper limit 3.267 × it (Provost & Murray;
  Montgomery). Limits are not clipped: an individual value may be negative.
- ``p``: a proportion. p̄ = Σ numerators / Σ denominators, limits p̄ ± 3 √(p̄ (1 − p̄) / n_i) for
  each period's denominator n_i; a limit below 0 or above 1 is left out (None).
- ``u``: a rate per unit. ū = Σ numerators / Σ denominators, limits ū ± 3 √(ū / n_i); a lower limit
  below 0 is left out (None).

Control-chart signals (Provost & Murray's rules for Shewhart charts; the first four of them are the
Western Electric rules): a point beyond a limit; a shift of 8 or more points on one side of the
centre line; a trend of 6 or more points all going up or all going down; 2 of 3 points in a row
beyond 2 sigma on the same side (said only when not every one of them is already beyond a limit);
on an XmR chart, a moving range above its upper limit. A run or control chart of numerators over
denominators plots their ratio when an observation has no value.

Phases: the whole series is one phase; each documented change starts a new phase at the first
period on or after its date, with its own centre and limits. ``baseline_points`` (default: all the
points of each phase) is how many of a phase's first points fix its centre and limits; the points
after them are judged against those (frozen, extended) limits.
"""

import datetime
import math
import statistics
from bisect import bisect_left

from resources.evidence import charts_data, run_rules
from resources.evidence.charts_data import Chart, Phase, Signal

KINDS = ("run", "xmr", "p", "u")
DIRECTIONS = ("up", "down")

XMR_LIMIT = 2.66  # 3 / d2, d2 = 1.128 for moving ranges of two points
MR_UPPER = 3.267  # D4 for moving ranges of two points
SHEWHART_SHIFT = 8
SHEWHART_TREND = 6
# Provost & Murray call limits from fewer points than this trial limits.
TRIAL_LIMIT_POINTS = 20
# The fewest points a phase needs for its own centre and limits: a moving range needs two.
MIN_PHASE_POINTS = {"run": 1, "xmr": 2, "p": 1, "u": 1}

RULE_ORDER = ("outside-limits", "moving-range", "two-of-three", "shift", "trend", "runs", "crossings")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def compute(kind, observations, *, desired_direction=None, changes=(), baseline_points=None, rules=run_rules.ANHOEJ):
    """The chart of ``observations`` (a sequence of ``Observation``, one per period, in order).

    ``changes``: ``(date, label)`` pairs, documented changes after which the centre line and limits
    are recalculated. ``baseline_points``: how many of each phase's first points fix its centre and
    limits; None (the default) for all of them. ``rules``: the run-chart rule set, ``"anhoej"`` or
    ``"ihi"`` (control charts always use the Shewhart rules above). Raises ValueError, with a
    message for the person who gave the data, when the data cannot make this chart.
    """
    _check_arguments(kind, desired_direction, baseline_points, rules)
    observations = tuple(observations)
    if not observations:
        raise ValueError("There are no data to chart yet: add at least one period.")
    if len(observations) < MIN_PHASE_POINTS[kind]:
        raise ValueError(f"An XmR chart needs at least {MIN_PHASE_POINTS[kind]} periods of data.")
    periods = _checked_periods(observations)
    when = _period_names(periods)
    values, numerators, denominators = _checked_values(kind, observations, when)
    bounds, notes = _phase_bounds(periods, changes, MIN_PHASE_POINTS[kind], when)
    chart = _Builder(kind, periods, values, numerators, denominators, when, desired_direction, rules, notes,
                     several_phases=len(bounds) > 1)
    for start, end, label in bounds:
        baseline_end = end if baseline_points is None else min(end, start + baseline_points)
        chart.add_phase(start, end, baseline_end, label)
    return chart.result()


# --- the data -----------------------------------------------------------------------------------


def _check_arguments(kind, desired_direction, baseline_points, rules):
    if kind not in KINDS:
        raise ValueError(f"Unknown chart kind {kind!r}: use one of {', '.join(KINDS)}.")
    if desired_direction not in (None, *DIRECTIONS):
        raise ValueError(f"Unknown desired direction {desired_direction!r}: use 'up', 'down' or None.")
    if rules not in run_rules.RULE_SETS:
        raise ValueError(f"Unknown run rules {rules!r}: use one of {', '.join(run_rules.RULE_SETS)}.")
    if baseline_points is not None:
        if isinstance(baseline_points, bool) or not isinstance(baseline_points, int):
            raise ValueError("The number of baseline points must be a whole number.")
        if baseline_points < MIN_PHASE_POINTS[kind]:
            raise ValueError(f"A baseline needs at least {charts_data.points(MIN_PHASE_POINTS[kind])} for this chart.")


def _checked_periods(observations):
    periods = []
    for observation in observations:
        period = observation.period
        if isinstance(period, datetime.datetime):
            period = period.date()
        if not isinstance(period, datetime.date):
            raise ValueError(f"{period!r} is not a date: give each period as a date.")
        if periods and period == periods[-1]:
            raise ValueError(f"The period {_day(period)} appears twice: give each period once.")
        if periods and period < periods[-1]:
            raise ValueError(f"The periods are not in order: {_day(period)} comes after {_day(periods[-1])}. "
                             "Sort the data by period.")
        periods.append(period)
    return tuple(periods)


def _checked_values(kind, observations, when):
    """The plotted values, and the numerators and denominators of p and u charts, checked."""
    values, numerators, denominators = [], [], []
    for index, observation in enumerate(observations):
        period = when(index)
        if kind in ("run", "xmr") and observation.value is not None:
            values.append(_number(observation.value, f"The value for {period}"))
            continue
        if observation.numerator is None and observation.denominator is None:
            raise ValueError(f"The value for {period} is missing: give a value for every period, "
                             "or leave the period out.")
        numerator = _number(observation.numerator, f"The numerator for {period}")
        denominator = _number(observation.denominator, f"The denominator for {period}")
        if numerator < 0 or denominator < 0:
            raise ValueError(f"The numerator or denominator for {period} is negative: counts cannot be.")
        if denominator == 0:
            raise ValueError(f"The denominator for {period} is 0: a rate needs at least one case or unit in "
                             "every period. Correct it or leave the period out.")
        if kind == "p" and numerator > denominator:
            raise ValueError(f"The numerator for {period} ({_figure(numerator)}) is larger than its denominator "
                             f"({_figure(denominator)}): a proportion cannot be more than 1.")
        values.append(numerator / denominator)
        numerators.append(numerator)
        denominators.append(denominator)
    return tuple(values), tuple(numerators), tuple(denominators)


def _number(value, what):
    if value is None:
        raise ValueError(f"{what} is missing: give it, or leave the period out.")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} is not a number: {value!r}.") from None
    if not math.isfinite(number):
        raise ValueError(f"{what} is not a number: {value!r}.")
    return number


def _phase_bounds(periods, changes, minimum, when):
    """``[(start, end, label)]``: a phase from each documented change's first period on or after its
    date. A change after the last period, or one leaving a phase too short for its own limits, does
    not start a phase; the notes say so."""
    starts = {0: ""}
    notes = []
    for date, label in sorted(changes, key=lambda change: _as_date(change[0])):
        date = _as_date(date)
        start = bisect_left(periods, date)
        if start == len(periods):
            notes.append(f"The change “{label}” ({_day(date)}) comes after the last period: the centre line "
                         "is recalculated once there are data after it.")
            continue
        starts[start] = f"{starts[start]}; {label}" if starts.get(start) else label
    ordered = sorted(starts)
    while True:
        lengths = [end - start for start, end in zip(ordered, ordered[1:] + [len(periods)], strict=True)]
        short = next((i for i, length in enumerate(lengths) if length < minimum), None)
        if short is None:
            break
        dropped = ordered[short] if short else ordered[1]
        notes.append(f"The change “{starts[dropped]}” ({when(dropped)}) leaves fewer than {minimum} points on one "
                     f"side: the chart is split there once each side has {minimum}.")
        ordered.remove(dropped)
    ends = ordered[1:] + [len(periods)]
    return [(start, end, starts[start]) for start, end in zip(ordered, ends, strict=True)], notes


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if not isinstance(value, datetime.date):
        raise ValueError(f"The date of a change must be a date, not {value!r}.")
    return value


# --- words --------------------------------------------------------------------------------------


def _period_names(periods):
    """How periods are named in words: "March 2024" when every period is a month (its first day),
    "4 March 2024" otherwise (weekly or daily data)."""
    monthly = all(period.day == 1 for period in periods)

    def when(index):
        return _month(periods[index]) if monthly else _day(periods[index])

    return when


def _month(date):
    return f"{MONTHS[date.month - 1]} {date.year}"


def _day(date):
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def _figure(number):
    """A number as a reader wants it: at most three decimals, no trailing zeros."""
    text = f"{number:,.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _favourable(direction, desired_direction):
    if direction is None or desired_direction is None:
        return None
    return direction == desired_direction


def _verdict(favourable):
    return {True: ", the desired direction.", False: ", against the desired direction.", None: "."}[favourable]


# --- the chart ----------------------------------------------------------------------------------


class _Builder:
    """Builds a chart phase by phase: the centre and limits from each phase's baseline, then the
    signals found in the whole phase, said in words."""

    def __init__(self, kind, periods, values, numerators, denominators, when, desired_direction, rules, notes,
                 several_phases):
        self.kind = kind
        self.periods = periods
        self.values = values
        self.numerators = numerators
        self.denominators = denominators
        self.when = when
        self.desired_direction = desired_direction
        self.rules = rules
        self.notes = list(notes)
        self.phases = []
        self.signals = []
        self.moving_ranges = [None] * len(values)
        self.moving_range_centres = []
        self.moving_range_uppers = []
        self.several_phases = several_phases
        self.clipped = set()

    def add_phase(self, start, end, baseline_end, label):
        add = {"run": self._run_phase, "xmr": self._xmr_phase, "p": self._p_phase, "u": self._u_phase}[self.kind]
        add(start, end, baseline_end, label)

    def result(self):
        if self.clipped:
            self.notes.append(" ".join(sorted(self.clipped)))
        signals = sorted(self.signals, key=lambda signal: (signal.points[0], RULE_ORDER.index(signal.rule)))
        return Chart(
            kind=self.kind,
            periods=self.periods,
            values=self.values,
            phases=tuple(self.phases),
            signals=tuple(signals),
            desired_direction=self.desired_direction,
            moving_ranges=tuple(self.moving_ranges) if self.kind == "xmr" else (),
            moving_range_centres=tuple(self.moving_range_centres),
            moving_range_uppers=tuple(self.moving_range_uppers),
            notes=tuple(self.notes),
        )

    # Phases of each kind.

    def _run_phase(self, start, end, baseline_end, label):
        centre = statistics.median(self.values[start:baseline_end])
        nothing = (None,) * (end - start)
        self.phases.append(Phase(start, end, baseline_end, centre, nothing, nothing, label))
        indices = range(start, end)
        findings, useful = run_rules.run_chart_findings(indices, self.values[start:end], centre, self.rules)
        if useful < run_rules.MIN_USEFUL_POINTS:
            self.notes.append(f"Too few points for the run rules{self._where(start, label)}: {useful}, at least "
                              f"{run_rules.MIN_USEFUL_POINTS} needed" + (" (points on the median do not count)."
                                                                          if useful < end - start else "."))
        else:
            self.notes.append(run_rules.describe_rules(self.rules, useful, self._where(start, label)))
        self.signals += [self._said(finding, "the median") for finding in findings]

    def _xmr_phase(self, start, end, baseline_end, label):
        for index in range(start + 1, end):
            self.moving_ranges[index] = abs(self.values[index] - self.values[index - 1])
        mr_centre = statistics.fmean(self.moving_ranges[start + 1:baseline_end])
        mr_upper = MR_UPPER * mr_centre
        self.moving_range_centres.append(mr_centre)
        self.moving_range_uppers.append(mr_upper)
        centre = statistics.fmean(self.values[start:baseline_end])
        half_width = XMR_LIMIT * mr_centre
        count = end - start
        lower, upper = (centre - half_width,) * count, (centre + half_width,) * count
        self._shewhart_phase(start, end, baseline_end, label, centre, lower, upper, (half_width / 3,) * count)
        for index in range(start + 1, end):
            if self.moving_ranges[index] > mr_upper:
                self.signals.append(self._moving_range_signal(index, mr_upper))

    def _p_phase(self, start, end, baseline_end, label):
        centre = sum(self.numerators[start:baseline_end]) / sum(self.denominators[start:baseline_end])
        sigmas = tuple(math.sqrt(centre * (1 - centre) / n) for n in self.denominators[start:end])
        self._attribute_phase(start, end, baseline_end, label, centre, sigmas, ceiling=1)

    def _u_phase(self, start, end, baseline_end, label):
        centre = sum(self.numerators[start:baseline_end]) / sum(self.denominators[start:baseline_end])
        sigmas = tuple(math.sqrt(centre / n) for n in self.denominators[start:end])
        self._attribute_phase(start, end, baseline_end, label, centre, sigmas, ceiling=None)

    def _attribute_phase(self, start, end, baseline_end, label, centre, sigmas, ceiling):
        """p and u limits, one pair per point; a limit beyond what the measure can reach (below 0, or
        above 1 for a proportion) is left out rather than drawn at the boundary."""
        lower = tuple(centre - 3 * sigma for sigma in sigmas)
        upper = tuple(centre + 3 * sigma for sigma in sigmas)
        if any(limit < 0 for limit in lower):
            self.clipped.add("The lower limit is left out where it would fall below 0.")
        if ceiling is not None and any(limit > ceiling for limit in upper):
            self.clipped.add("The upper limit is left out where it would rise above 1.")
        lower = tuple(None if limit < 0 else limit for limit in lower)
        upper = tuple(None if ceiling is not None and limit > ceiling else limit for limit in upper)
        self._shewhart_phase(start, end, baseline_end, label, centre, lower, upper, sigmas)

    # The Shewhart rules, shared by XmR, p and u charts.

    def _shewhart_phase(self, start, end, baseline_end, label, centre, lower, upper, sigmas):
        self.phases.append(Phase(start, end, baseline_end, centre, lower, upper, label))
        baseline = baseline_end - start
        if baseline < TRIAL_LIMIT_POINTS:
            self.notes.append(
                f"The limits{self._where(start, label)} are worked out from {charts_data.points(baseline)}: with "
                f"fewer than {TRIAL_LIMIT_POINTS}, treat them as trial limits and recalculate them as data come in.")
        indices = range(start, end)
        values = self.values[start:end]
        outside = self._outside(start, values, lower, upper)
        self.signals += outside
        beyond_limits = {index for signal in outside for index in signal.points}
        self.signals += self._two_of_three(start, values, centre, sigmas, beyond_limits)
        point_sides = run_rules.sides(values, centre)
        findings = (run_rules.shifts(indices, point_sides, SHEWHART_SHIFT)
                    + run_rules.trends(indices, values, SHEWHART_TREND))
        self.signals += [self._said(finding, "the centre line") for finding in findings]

    def _outside(self, start, values, lower, upper):
        """Points beyond a limit, consecutive ones on the same side together."""
        found = []
        for offset, value in enumerate(values):
            if upper[offset] is not None and value > upper[offset]:
                found.append((start + offset, "up"))
            elif lower[offset] is not None and value < lower[offset]:
                found.append((start + offset, "down"))
        signals = []
        for direction, group in _consecutive(found):
            points = tuple(group)
            limit = "the upper limit" if direction == "up" else "the lower limit"
            if len(points) == 1:
                opening = f"{self.when(points[0])} is {'above' if direction == 'up' else 'below'} {limit}"
            else:
                opening = (f"{len(points)} points in a row {'above' if direction == 'up' else 'below'} {limit}, "
                           f"{self.when(points[0])} to {self.when(points[-1])}")
            signals.append(self._signal("outside-limits", points, direction,
                                        f"{opening}: a special cause {direction}"))
        return signals

    def _two_of_three(self, start, values, centre, sigmas, beyond_limits):
        """2 of 3 points in a row more than 2 sigma from the centre line, on the same side (each point
        against its own sigma, so varying p and u limits are honoured). Points beyond 2 sigma that
        share a window of three are one signal; it is left out when all its points are already beyond
        a limit, which says the same thing."""
        signals = []
        for side, direction in ((1, "up"), (-1, "down")):
            beyond = [side * (value - centre) > 2 * sigma for value, sigma in zip(values, sigmas, strict=True)]
            marked = set()
            for first in range(len(values) - 2):
                window = [offset for offset in range(first, first + 3) if beyond[offset]]
                if len(window) >= 2:
                    marked.update(window)
            groups = []
            for offset in sorted(marked):
                if groups and offset - groups[-1][-1] <= 2:
                    groups[-1].append(offset)
                else:
                    groups.append([offset])
            for group in groups:
                points = tuple(start + offset for offset in group)
                if set(points) <= beyond_limits:
                    continue
                where = "above" if side > 0 else "below"
                signals.append(self._signal(
                    "two-of-three", points, direction,
                    f"{len(points)} of {points[-1] - points[0] + 1} points from {self.when(points[0])} are more than "
                    f"two sigma {where} the centre line: a shift {direction}"))
        return signals

    def _moving_range_signal(self, index, mr_upper):
        direction = "up" if self.values[index] > self.values[index - 1] else "down"
        text = (f"The change from {self.when(index - 1)} to {self.when(index)} "
                f"({_figure(self.moving_ranges[index])}) is larger than the moving-range limit ({_figure(mr_upper)}): "
                f"a sudden {'rise' if direction == 'up' else 'fall'}")
        return self._signal("moving-range", (index,), direction, text)

    # Findings in words.

    def _said(self, finding, line):
        first = self.when(finding.points[0])
        if finding.rule == "shift":
            side = "above" if finding.direction == "up" else "below"
            chance = (f", more than the {finding.limit} chance allows" if self.kind == "run"
                      and self.rules == run_rules.ANHOEJ else "")
            text = f"{finding.count} points {side} {line} from {first}{chance}: a shift {finding.direction}"
        elif finding.rule == "trend":
            way = "going up" if finding.direction == "up" else "going down"
            text = f"{finding.count} points in a row {way} from {first}: a trend {finding.direction}"
        elif finding.rule == "crossings":
            useful = len(finding.points)
            times = {0: "never", 1: "only once"}.get(finding.count, f"only {finding.count} times")
            text = (f"The values cross the median {times} in {useful} points not on it, "
                    f"fewer than the {finding.limit} chance allows: a sign of a shift")
        elif finding.kind == "few":
            text = (f"Only {finding.count} runs in {len(finding.points)} points not on the median, fewer than "
                    f"the {finding.limit} chance allows: a sign of a shift")
        else:
            text = (f"{finding.count} runs in {len(finding.points)} points not on the median, more than the "
                    f"{finding.limit} chance allows: the values alternate too often, a sign of mixed data")
        return self._signal(finding.rule, finding.points, finding.direction, text)

    def _signal(self, rule, points, direction, opening):
        favourable = _favourable(direction, self.desired_direction)
        return Signal(rule, tuple(points), direction, favourable, opening + _verdict(favourable))

    def _where(self, start, label):
        """Which phase a note is about, when there are several: " before the first change",
        " after “Huddles” (March 2024)"."""
        if not label:
            return " before the first change" if self.several_phases else ""
        return f" after “{label}” ({self.when(start)})"


def _consecutive(found):
    """Group ``(index, direction)`` pairs into runs of neighbouring indices with one direction."""
    groups = []
    for index, direction in found:
        if groups and groups[-1][0] == direction and groups[-1][1][-1] == index - 1:
            groups[-1][1].append(index)
        else:
            groups.append((direction, [index]))
    return groups
