"""The run-chart rules, and the counting both run and control charts share: runs of points on one
side of a centre line and trends, found the way the published rules count them (docs/evidence.md,
"Charts and rules").

Two rule sets for run charts:

- Anhøj's (Anhøj & Olesen 2014, PLoS ONE 9(11): e113825), the default: an unusually long run
  (longer than ``round(log2(n) + 3)`` points) or too few crossings of the median (fewer than
  ``qbinom(0.05, n - 1, 0.5)``), ``n`` being the points not on the median.
- The IHI rules (Perla, Provost & Murray 2011, BMJ Qual Saf 20: 46-51; Provost & Murray, *The
  Health Care Data Guide*): a shift of 6 or more points on one side of the median, a trend of 5 or
  more points all going up or all going down, too few or too many runs. Their fourth rule, the
  astronomical point, is a judgement about what happened in that period, not a calculation: it is
  left to the reader.

A point exactly on the centre line neither makes nor breaks a run; a value repeating the one before
it neither makes nor breaks a trend. Nothing here knows about dates or words: ``spc.py`` says what
a finding means.
"""

import math
from dataclasses import dataclass
from itertools import pairwise

ANHOEJ = "anhoej"
IHI = "ihi"
RULE_SETS = (ANHOEJ, IHI)

# The run rules need this many points off the median before they say anything (Perla et al.;
# Anhøj's limits are tabled from 10 too).
MIN_USEFUL_POINTS = 10

IHI_SHIFT = 6
IHI_TREND = 5

# Perla, Provost & Murray 2011, Table 1 ("Table for checking for too many or too few runs on a run
# chart", after Swed & Eisenhart 1943): points not on the median -> (fewest runs, most runs) that
# chance alone gives; fewer than the first or more than the second is a signal. Transcribed from
# the published table; rows 10, 14, 16, 24, 30, 40, 50 and 60 were checked against a second source
# and agree with the exact distribution below (tests/test_spc.py).
RUNS_TABLE = {
    10: (3, 9), 11: (3, 10), 12: (3, 11), 13: (4, 11), 14: (4, 12), 15: (5, 12), 16: (5, 13),
    17: (5, 13), 18: (6, 14), 19: (6, 15), 20: (6, 16), 21: (7, 16), 22: (7, 17), 23: (7, 17),
    24: (8, 18), 25: (8, 18), 26: (9, 19), 27: (10, 19), 28: (10, 20), 29: (10, 20), 30: (11, 21),
    31: (11, 22), 32: (11, 23), 33: (12, 23), 34: (12, 24), 35: (13, 24), 36: (13, 25), 37: (13, 25),
    38: (14, 26), 39: (14, 26), 40: (15, 27), 41: (16, 27), 42: (16, 28), 43: (17, 28), 44: (17, 29),
    45: (17, 30), 46: (17, 31), 47: (18, 31), 48: (18, 32), 49: (19, 32), 50: (19, 33), 51: (20, 33),
    52: (20, 34), 53: (21, 34), 54: (21, 35), 55: (22, 35), 56: (22, 36), 57: (23, 36), 58: (23, 37),
    59: (24, 38), 60: (24, 38),
}


@dataclass(frozen=True)
class Finding:
    """What one rule found, before it is put in words: the points it counted, which way they go
    (None when the rule says nothing of a way), how many it counted and the limit it was judged by."""

    rule: str
    points: tuple[int, ...]
    direction: str | None
    count: int
    limit: int | None = None
    # For "runs": "few" or "many".
    kind: str = ""


def sides(values, centre):
    """+1 above the centre line, -1 below, 0 on it."""
    return tuple((value > centre) - (value < centre) for value in values)


def runs_of(indices, point_sides):
    """The runs of points on one side of the centre line, as ``(side, indices)``, skipping the
    points on it: they neither end a run nor count in one."""
    runs = []
    for index, side in zip(indices, point_sides, strict=True):
        if side == 0:
            continue
        if runs and runs[-1][0] == side:
            runs[-1][1].append(index)
        else:
            runs.append((side, [index]))
    return [(side, tuple(members)) for side, members in runs]


def trends_of(indices, values):
    """The stretches of points all going up or all going down, as ``(+1 or -1, indices)``. A value
    equal to the one before it is not counted (it is neither a rise nor a fall) and does not end the
    trend; the first of equal values is the one counted. Neighbouring trends share their turning
    point, as they do when counted by hand."""
    kept = []
    for index, value in zip(indices, values, strict=True):
        if kept and value == kept[-1][1]:
            continue
        kept.append((index, value))
    trends = []
    for (index, value), (next_index, next_value) in pairwise(kept):
        step = 1 if next_value > value else -1
        if trends and trends[-1][0] == step and trends[-1][1][-1] == index:
            trends[-1][1].append(next_index)
        else:
            trends.append((step, [index, next_index]))
    return [(step, tuple(members)) for step, members in trends]


def shifts(indices, point_sides, length, limit=None):
    """Runs of ``length`` or more points on one side of the centre line. The findings name ``limit``
    as their limit, ``length`` unless given (Anhøj's names the longest run chance gives, one short)."""
    limit = length if limit is None else limit
    return [
        Finding("shift", members, "up" if side > 0 else "down", len(members), limit)
        for side, members in runs_of(indices, point_sides)
        if len(members) >= length
    ]


def trends(indices, values, length):
    """Trends of ``length`` or more points."""
    return [
        Finding("trend", members, "up" if step > 0 else "down", len(members), length)
        for step, members in trends_of(indices, values)
        if len(members) >= length
    ]


def longest_run_limit(useful):
    """Anhøj: the longest run chance alone gives in ``useful`` points off the median,
    ``round(log2(n) + 3)``. (log2(n) + 3 is never exactly half way, so the rounding rule does not
    matter.)"""
    return round(math.log2(useful) + 3)


def fewest_crossings(useful):
    """Anhøj: the lower 5 % quantile of the crossings chance gives, ``qbinom(0.05, n - 1, 0.5)``:
    the smallest ``x`` with P(X <= x) >= 0.05 for X ~ Binomial(n - 1, 1/2), worked out exactly in
    integers (P(X <= x) >= 1/20 is 20 · Σ C(n-1, k) >= 2^(n-1))."""
    trials = useful - 1
    total = 0
    for x in range(trials + 1):
        total += math.comb(trials, x)
        if 20 * total >= 2**trials:
            return x
    return trials


def runs_range(useful):
    """The fewest and most runs chance alone gives in ``useful`` points off the median: the
    published table from 10 to 60 points, beyond it the exact Swed–Eisenhart distribution with
    2.5 % in each tail (which the table follows)."""
    if useful in RUNS_TABLE:
        return RUNS_TABLE[useful]
    return swed_eisenhart_range(useful)


def swed_eisenhart_range(useful, tail=(1, 40)):
    """The fewest and most runs not rejected at ``tail`` (a fraction, 1/40 = 2.5 %) in each tail
    of the number of runs among ``useful`` points split evenly either side of the median (Swed &
    Eisenhart 1943), in exact integer arithmetic."""
    below = useful // 2
    above = useful - below
    ways = _runs_ways(below, above)
    total = sum(ways.values())
    numerator, denominator = tail
    fewest = _first_past_tail(sorted(ways), ways, total, numerator, denominator)
    most = _first_past_tail(sorted(ways, reverse=True), ways, total, numerator, denominator)
    return fewest, most


def _first_past_tail(order, ways, total, numerator, denominator):
    cumulative = 0
    for runs in order:
        cumulative += ways[runs]
        if cumulative * denominator > numerator * total:
            return runs
    return order[-1]


def _runs_ways(first, second):
    """How many of the C(first + second, first) orderings give each number of runs."""
    ways = {}
    for runs in range(2, first + second + 1):
        half = runs // 2
        if runs % 2 == 0:
            count = 2 * math.comb(first - 1, half - 1) * math.comb(second - 1, half - 1)
        else:
            count = (math.comb(first - 1, half - 1) * math.comb(second - 1, half)
                     + math.comb(first - 1, half) * math.comb(second - 1, half - 1))
        if count:
            ways[runs] = count
    return ways


def run_chart_findings(indices, values, centre, rules):
    """What the chosen run rules find in one phase of a run chart, judged against ``centre`` (the
    phase's median, or its baseline's). Returns ``(findings, useful)``; nothing is judged with fewer
    than ``MIN_USEFUL_POINTS`` points off the median (the caller says so)."""
    point_sides = sides(values, centre)
    useful_indices = tuple(index for index, side in zip(indices, point_sides, strict=True) if side)
    useful = len(useful_indices)
    if useful < MIN_USEFUL_POINTS:
        return [], useful
    runs = runs_of(indices, point_sides)
    if rules == ANHOEJ:
        limit = longest_run_limit(useful)
        findings = shifts(indices, point_sides, limit + 1, limit=limit)
        crossings = len(runs) - 1
        fewest = fewest_crossings(useful)
        if crossings < fewest:
            findings.append(Finding("crossings", useful_indices, None, crossings, fewest))
        return findings, useful
    findings = shifts(indices, point_sides, IHI_SHIFT) + trends(indices, values, IHI_TREND)
    fewest, most = runs_range(useful)
    if len(runs) < fewest:
        findings.append(Finding("runs", useful_indices, None, len(runs), fewest, kind="few"))
    elif len(runs) > most:
        findings.append(Finding("runs", useful_indices, None, len(runs), most, kind="many"))
    return findings, useful


def describe_rules(rules, useful, where=""):
    """The rules applied to a phase (``where``, e.g. " after “Huddles” (March 2024)"), with their
    limits for its number of points, in words."""
    if rules == ANHOEJ:
        return (f"Anhøj's run rules{where}, for {useful} points not on the median: a run of more than "
                f"{longest_run_limit(useful)} points on one side, or fewer than {fewest_crossings(useful)} "
                "crossings of the median, signals a shift.")
    fewest, most = runs_range(useful)
    return (f"IHI run rules{where}, for {useful} points not on the median: a shift of {IHI_SHIFT} or more points "
            f"on one side, a trend of {IHI_TREND} or more points going one way, or fewer than {fewest} or "
            f"more than {most} runs is a signal; an astronomical point is left to your judgement.")
