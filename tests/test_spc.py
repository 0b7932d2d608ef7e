"""The run and control chart rules (resources/evidence/spc.py, run_rules.py) against worked
examples computed by hand from the published definitions: Provost & Murray, The Health Care Data
Guide; Perla, Provost & Murray 2011 (BMJ Qual Saf); Anhøj & Olesen 2014 (PLoS ONE); Montgomery for
p and u charts. The arithmetic is in the comments; limits are checked to 6 decimals, signals
exactly (rule and points). No database."""

import datetime
import math

import pytest

from resources.evidence import run_rules
from resources.evidence.charts_data import Observation
from resources.evidence.spc import compute

from .builders import months


def series(values, start=datetime.date(2024, 1, 1)):
    return [Observation(period, value=value) for period, value in zip(months(len(values), start), values, strict=True)]


def fractions(pairs, start=datetime.date(2024, 1, 1)):
    return [Observation(period, numerator=numerator, denominator=denominator)
            for period, (numerator, denominator) in zip(months(len(pairs), start), pairs, strict=True)]


def found(chart):
    return [(signal.rule, signal.points) for signal in chart.signals]


def rounded(limits):
    return [None if limit is None else round(limit, 6) for limit in limits]


# --- XmR ----------------------------------------------------------------------------------------

# 20 months from January 2024; the last (August 2025) jumps to 31.
XMR_VALUES = [20, 22, 19, 21, 20, 23, 18, 21, 20, 22, 19, 21, 20, 22, 21, 19, 20, 21, 20, 31]


def test_xmr_centre_and_limits_worked_by_hand():
    # Sum = 420, so the mean is 420 / 20 = 21.
    # Moving ranges: 2 3 2 1 3 5 3 1 2 3 2 1 2 1 2 1 1 1 11 -> 19 of them, summing to 47;
    # mean moving range = 47 / 19 = 2.473684...
    # Limits 21 ± 2.66 × 47/19 = 21 ± 125.02/19 = 21 ± 6.58 (19 × 6.58 = 125.02) -> 14.42 and 27.58.
    chart = compute("xmr", series(XMR_VALUES))
    (phase,) = chart.phases
    assert (phase.start, phase.end, phase.baseline_end) == (0, 20, 20)
    assert round(phase.centre, 6) == 21.0
    assert set(rounded(phase.lower)) == {14.42}
    assert set(rounded(phase.upper)) == {27.58}
    assert len(phase.lower) == len(phase.upper) == 20


def test_xmr_moving_range_chart_worked_by_hand():
    # MR centre 47/19 = 2.473684; MR upper 3.267 × 47/19 = 153.549/19 = 8.081526.
    chart = compute("xmr", series(XMR_VALUES))
    assert chart.moving_ranges[0] is None
    assert chart.moving_ranges[1:4] == (2, 3, 2)
    assert chart.moving_ranges[19] == 11
    assert [round(centre, 6) for centre in chart.moving_range_centres] == [2.473684]
    assert [round(upper, 6) for upper in chart.moving_range_uppers] == [8.081526]


def test_xmr_point_above_the_limit_and_a_large_moving_range():
    # 31 > 27.58; its moving range 11 > 8.081526. Runs about 21 are at most 3 long, no trend, and
    # the only point more than 2 sigma (2 × 6.58 / 3 = 4.386667) from 21 is the 31 itself.
    chart = compute("xmr", series(XMR_VALUES), desired_direction="down")
    assert found(chart) == [("outside-limits", (19,)), ("moving-range", (19,))]
    outside, jump = chart.signals
    assert outside.text == "August 2025 is above the upper limit: a special cause up, against the desired direction."
    assert (outside.direction, outside.favourable) == ("up", False)
    assert jump.text == ("The change from July 2025 to August 2025 (11) is larger than the moving-range limit "
                         "(8.082): a sudden rise, against the desired direction.")


def test_xmr_notes_trial_limits_under_20_points():
    chart = compute("xmr", series(XMR_VALUES[:12]))
    assert chart.notes == ("The limits are worked out from 12 points: with fewer than 20, treat them as trial "
                           "limits and recalculate them as data come in.",)
    assert compute("xmr", series(XMR_VALUES)).notes == ()


# A baseline of 10 alternating 12, 10 (mean 11, every moving range 2): limits 11 ± 2.66 × 2 = 11 ± 5.32,
# i.e. 5.68 and 16.32; sigma 5.32 / 3 = 1.773333, 2 sigma 3.546667, so "beyond 2 sigma" above is > 14.546667.
# Periods from May 2023, so the first point after the baseline (index 10) is March 2024.
BASELINE = [12, 10] * 5


def frozen(values, **options):
    return compute("xmr", series(BASELINE + values, start=datetime.date(2023, 5, 1)), baseline_points=10, **options)


def test_xmr_frozen_baseline_limits_are_extended():
    chart = frozen([13] * 8)
    (phase,) = chart.phases
    assert (phase.start, phase.end, phase.baseline_end) == (0, 18, 10)
    assert round(phase.centre, 6) == 11.0
    assert set(rounded(phase.lower)) == {5.68} and set(rounded(phase.upper)) == {16.32}
    assert [round(x, 6) for x in chart.moving_range_centres] == [2.0]
    assert [round(x, 6) for x in chart.moving_range_uppers] == [6.534]


def test_shewhart_shift_of_eight_points():
    # 13 is above 11 for March to October 2024; index 9 (10) is below, so the run is exactly 8.
    chart = frozen([13] * 8, desired_direction="up")
    assert found(chart) == [("shift", tuple(range(10, 18)))]
    assert chart.signals[0].text == "8 points above the centre line from March 2024: a shift up, the desired direction."
    assert chart.signals[0].favourable is True


def test_shewhart_seven_points_is_no_shift():
    assert found(frozen([13] * 7)) == []


def test_shewhart_point_on_the_centre_line_neither_makes_nor_breaks_a_shift():
    # 4 above, one exactly on 11, 4 above: 8 points counted, the one on the line left out.
    chart = frozen([13, 13, 13, 13, 11, 13, 13, 13, 13])
    assert found(chart) == [("shift", (10, 11, 12, 13, 15, 16, 17, 18))]


def test_shewhart_trend_of_six():
    # After the baseline's last point (index 9, a 10): 11.2 11.4 11.6 11.8 12.0 12.2, so the trend starts at
    # the 10: 7 points, 9..15. Only 6 are above 11 (no shift of 8); all within 2 sigma (12.2 - 11 < 3.55).
    chart = frozen([11.2, 11.4, 11.6, 11.8, 12.0, 12.2])
    assert found(chart) == [("trend", (9, 10, 11, 12, 13, 14, 15))]
    assert chart.signals[0].text == "7 points in a row going up from February 2024: a trend up."


def test_shewhart_five_rising_points_are_no_trend():
    # 10 (index 9) then 10.5, 11, 11.5, 12: five points going up.
    assert found(frozen([10.5, 11, 11.5, 12])) == []


def test_shewhart_repeated_value_neither_makes_nor_breaks_a_trend():
    # 10 (index 9), 10.5, 10.5, 11, 11.5, 12: the repeat at index 11 is not counted: 5 points, no trend;
    # one more rise makes 6.
    assert found(frozen([10.5, 10.5, 11, 11.5, 12])) == []
    assert found(frozen([10.5, 10.5, 11, 11.5, 12, 12.5])) == [("trend", (9, 10, 12, 13, 14, 15))]


def test_two_of_three_beyond_two_sigma():
    # 15, 11, 15: 15 - 11 = 4 > 3.546667 twice in three points, both inside the upper limit 16.32.
    # Moving ranges 5, 4, 4 are below 6.534.
    chart = frozen([15, 11, 15], desired_direction="up")
    assert found(chart) == [("two-of-three", (10, 12))]
    assert chart.signals[0].text == ("2 of 3 points from March 2024 are more than two sigma above the centre line: "
                                     "a shift up, the desired direction.")


def test_two_of_three_needs_the_same_side():
    # 15 is 4 above, 7 is 4 below: one each side, no signal (7 is above the lower limit 5.68). Moving
    # ranges 5, 4, 4.
    assert found(frozen([15, 11, 7])) == []


def test_two_of_three_not_repeated_when_the_points_are_beyond_the_limits():
    # 17 > 16.32 twice: two points beyond the limit say it already. The jump 10 -> 17 (7 > 6.534) is a
    # large moving range; 17 -> 11 and 11 -> 17 (6) are not.
    chart = frozen([17, 11, 17])
    assert found(chart) == [("outside-limits", (10,)), ("moving-range", (10,)), ("outside-limits", (12,))]


def test_consecutive_points_beyond_a_limit_are_one_signal():
    # 4 and 4 are below 5.68; the fall 10 -> 4 (6) is within 6.534, 4 -> 4 is 0.
    chart = frozen([4, 4], desired_direction="up")
    assert found(chart) == [("outside-limits", (10, 11))]
    assert chart.signals[0].text == ("2 points in a row below the lower limit, March 2024 to April 2024: "
                                     "a special cause down, against the desired direction.")


def test_xmr_of_identical_values_has_no_spread_and_no_signal():
    chart = compute("xmr", series([5] * 12))
    assert set(chart.phases[0].upper) == {5} and set(chart.phases[0].lower) == {5}
    assert chart.signals == ()


# --- p chart ------------------------------------------------------------------------------------

# Numerators 8 12 4 18 8 40 10 over 50 80 40 100 60 120 50: 100 / 500, p̄ = 0.2, p̄(1 - p̄) = 0.16.
P_PAIRS = [(8, 50), (12, 80), (4, 40), (18, 100), (8, 60), (40, 120), (10, 50)]


def test_p_chart_limits_vary_with_the_denominator():
    # 3 sigma = 3 √(0.16 / n):
    #   n = 50:  √0.0032 = 0.056568542 -> 0.169705627: 0.030294373 .. 0.369705627
    #   n = 80:  √0.002  = 0.044721360 -> 0.134164079: 0.065835921 .. 0.334164079
    #   n = 40:  √0.004  = 0.063245553 -> 0.189736660: 0.010263340 .. 0.389736660
    #   n = 100: √0.0016 = 0.04        -> 0.12:        0.08        .. 0.32
    #   n = 60:  √0.0026667 = 0.051639778 -> 0.154919334: 0.045080666 .. 0.354919334
    #   n = 120: √0.0013333 = 0.036514837 -> 0.109544512: 0.090455488 .. 0.309544512
    chart = compute("p", fractions(P_PAIRS))
    (phase,) = chart.phases
    assert round(phase.centre, 6) == 0.2
    assert rounded(phase.lower) == [0.030294, 0.065836, 0.010263, 0.08, 0.045081, 0.090455, 0.030294]
    assert rounded(phase.upper) == [0.369706, 0.334164, 0.389737, 0.32, 0.354919, 0.309545, 0.369706]
    assert [round(value, 6) for value in chart.values] == [0.16, 0.15, 0.1, 0.18, 0.133333, 0.333333, 0.2]


def test_p_chart_point_outside_its_own_limit():
    # 40/120 = 0.333333 > 0.309545 (n = 120); the same proportion at n = 50 would be inside 0.369706.
    chart = compute("p", fractions(P_PAIRS), desired_direction="down")
    assert found(chart) == [("outside-limits", (5,))]
    assert chart.signals[0].text == ("June 2024 is above the upper limit: a special cause up, "
                                     "against the desired direction.")


def test_p_chart_centre_pools_the_counts_rather_than_averaging_proportions():
    # 1/100 and 9/10: pooled 10/110 = 0.090909, not (0.01 + 0.9) / 2 = 0.455.
    chart = compute("p", fractions([(1, 100), (9, 10)]))
    assert round(chart.phases[0].centre, 6) == 0.090909


def test_p_chart_lower_limit_below_zero_is_left_out():
    # 4 / 80 = 0.05; 3 √(0.05 × 0.95 / 20) = 3 √0.002375 = 3 × 0.048733972 = 0.146201915:
    # lower 0.05 - 0.146202 < 0 -> None; upper 0.196201915.
    chart = compute("p", fractions([(1, 20), (2, 20), (0, 20), (1, 20)]))
    (phase,) = chart.phases
    assert phase.lower == (None, None, None, None)
    assert rounded(phase.upper) == [0.196202] * 4
    assert "The lower limit is left out where it would fall below 0." in chart.notes


def test_p_chart_upper_limit_above_one_is_left_out():
    # 76 / 80 = 0.95: upper 0.95 + 0.146202 > 1 -> None; lower 0.803798085.
    chart = compute("p", fractions([(19, 20), (18, 20), (20, 20), (19, 20)]))
    (phase,) = chart.phases
    assert phase.upper == (None, None, None, None)
    assert rounded(phase.lower) == [0.803798] * 4
    assert "The upper limit is left out where it would rise above 1." in chart.notes


def test_p_chart_with_no_events_has_limits_at_zero():
    # p̄ = 0: sigma 0, both limits 0 (not below 0, so kept); nothing is outside.
    chart = compute("p", fractions([(0, 20)] * 5))
    assert chart.phases[0].lower == (0.0,) * 5 and chart.phases[0].upper == (0.0,) * 5
    assert chart.signals == ()


# --- u chart ------------------------------------------------------------------------------------


def test_u_chart_limits_and_a_point_below():
    # Counts 22 36 12 105 25 over exposures 10 20 5 40 25: 200 / 100, ū = 2. 3 sigma = 3 √(2 / n):
    #   n = 10: √0.2  = 0.447213595 -> 1.341640786: 0.658359 .. 3.341641
    #   n = 20: √0.1  = 0.316227766 -> 0.948683298: 1.051317 .. 2.948683
    #   n = 5:  √0.4  = 0.632455532 -> 1.897366596: 0.102633 .. 3.897367
    #   n = 40: √0.05 = 0.223606798 -> 0.670820393: 1.329180 .. 2.670820
    #   n = 25: √0.08 = 0.282842712 -> 0.848528137: 1.151472 .. 2.848528
    # Rates 2.2 1.8 2.4 2.625 1.0: 1.0 < 1.151472. Only 2.625 (> 2 + 2 × 0.223607) is beyond 2 sigma above.
    chart = compute("u", fractions([(22, 10), (36, 20), (12, 5), (105, 40), (25, 25)]), desired_direction="down")
    (phase,) = chart.phases
    assert round(phase.centre, 6) == 2.0
    assert rounded(phase.lower) == [0.658359, 1.051317, 0.102633, 1.32918, 1.151472]
    assert rounded(phase.upper) == [3.341641, 2.948683, 3.897367, 2.67082, 2.848528]
    assert chart.values == (2.2, 1.8, 2.4, 2.625, 1.0)
    assert found(chart) == [("outside-limits", (4,))]
    assert chart.signals[0].text == "May 2024 is below the lower limit: a special cause down, the desired direction."
    assert chart.signals[0].favourable is True


def test_u_chart_lower_limit_below_zero_is_left_out_and_no_upper_clip():
    # ū = 6 / 3 = 2 per unit, n = 1: 2 ± 3 √2 = 2 ± 4.242641 -> lower None, upper 6.242641 (a rate has no ceiling).
    chart = compute("u", fractions([(1, 1), (2, 1), (3, 1)]))
    assert chart.phases[0].lower == (None, None, None)
    assert rounded(chart.phases[0].upper) == [6.242641] * 3


# --- run charts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("useful", "longest", "crossings"),
    # Anhøj & Olesen 2014, table of limits: round(log2(n) + 3) and qbinom(0.05, n - 1, 0.5).
    [(10, 6, 2), (11, 6, 2), (12, 7, 3), (13, 7, 3), (14, 7, 4), (15, 7, 4), (16, 7, 4), (17, 7, 5),
     (18, 7, 5), (19, 7, 6), (20, 7, 6), (21, 7, 6), (22, 7, 7), (23, 8, 7), (24, 8, 8), (25, 8, 8),
     (26, 8, 8), (27, 8, 9), (28, 8, 9), (29, 8, 10), (30, 8, 10)],
)
def test_anhoej_limits_match_the_published_table(useful, longest, crossings):
    assert run_rules.longest_run_limit(useful) == longest
    assert run_rules.fewest_crossings(useful) == crossings


def test_fewest_crossings_worked_by_hand_for_12():
    # X ~ Binomial(11, 1/2): P(X <= 2) = (1 + 11 + 55) / 2048 = 0.0327 < 0.05;
    # P(X <= 3) = (67 + 165) / 2048 = 0.1133 >= 0.05, so qbinom(0.05, 11, 0.5) = 3.
    assert run_rules.fewest_crossings(12) == 3
    assert math.comb(11, 3) == 165


@pytest.mark.parametrize(
    ("useful", "fewest", "most"),
    # Rows of Perla, Provost & Murray 2011, Table 1 that a second source confirms.
    [(10, 3, 9), (14, 4, 12), (16, 5, 13), (24, 8, 18), (30, 11, 21), (40, 15, 27), (50, 19, 33), (60, 24, 38)],
)
def test_runs_limits_match_the_published_table_and_the_exact_distribution(useful, fewest, most):
    assert run_rules.runs_range(useful) == (fewest, most)
    assert run_rules.swed_eisenhart_range(useful) == (fewest, most)


def test_runs_distribution_worked_by_hand_for_10():
    # 5 above and 5 below: C(10, 5) = 252 orderings. 2 runs: 2 ways; 3 runs: 2 × C(4,1) × C(4,0) = 8.
    # P(R <= 2) = 2/252 = 0.008, P(R <= 3) = 10/252 = 0.040 > 0.025: the fewest is 3 (and, by symmetry,
    # the most 9).
    ways = run_rules._runs_ways(5, 5)
    assert sum(ways.values()) == 252
    assert (ways[2], ways[3]) == (2, 8)
    assert run_rules.swed_eisenhart_range(10) == (3, 9)


def test_runs_beyond_the_table_use_the_exact_distribution():
    assert 61 not in run_rules.RUNS_TABLE and run_rules.runs_range(61) == (24, 39)


def test_trend_counting_skips_repeated_values():
    assert run_rules.trends_of(range(6), [1, 2, 3, 3, 4, 5]) == [(1, (0, 1, 2, 4, 5))]
    assert run_rules.trends_of(range(8), [4] * 8) == []


def test_runs_skip_points_on_the_centre_line():
    assert run_rules.runs_of(range(7), [1, 1, 1, 0, 1, 1, 1]) == [(1, (0, 1, 2, 4, 5, 6))]


def test_run_chart_of_random_looking_data_has_no_signal():
    # Median of 1..12 is 6.5. Sides: - - - + + - + + - + - +: 8 runs, 7 crossings, longest run 3;
    # Anhøj for 12: longest allowed 7, at least 3 crossings. No signal.
    chart = compute("run", series([3, 5, 2, 8, 7, 4, 9, 10, 6, 11, 1, 12]))
    assert chart.phases[0].centre == 6.5
    assert chart.phases[0].lower == (None,) * 12
    assert chart.signals == ()
    assert chart.notes == ("Anhøj's run rules, for 12 points not on the median: a run of more than 7 points on one "
                           "side, or fewer than 3 crossings of the median, signals a shift.",)


# 14 months: 9 8 5 9 7 8 6 | 1 2 3 1 2 4 5. Sorted, the middle two are 5 and 5: median 5. Points 2 and 13
# sit on it, so 12 are useful. Above: 0 1 3 4 5 6 (6 points, the 5 at index 2 skipped); below: 7..12
# (6 points). Runs 2, crossings 1. Rises and falls are at most 4 points long.
STEP_DOWN = [9, 8, 5, 9, 7, 8, 6, 1, 2, 3, 1, 2, 4, 5]


def test_anhoej_too_few_crossings():
    # n = 12: longest allowed 7 (the runs of 6 are fine), at least 3 crossings: 1 is too few.
    chart = compute("run", series(STEP_DOWN))
    useful = (0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
    assert found(chart) == [("crossings", useful)]
    assert chart.signals[0].text == ("The values cross the median only once in 12 points not on it, fewer than "
                                     "the 3 chance allows: a sign of a shift.")
    assert chart.signals[0].direction is None and chart.signals[0].favourable is None


def test_ihi_shifts_and_too_few_runs_with_points_on_the_median():
    # IHI: a shift is 6 or more on one side; the Perla table for 12 useful points allows 3 to 11 runs: 2 is
    # too few.
    chart = compute("run", series(STEP_DOWN), rules="ihi", desired_direction="down")
    useful = (0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
    assert found(chart) == [("shift", (0, 1, 3, 4, 5, 6)), ("runs", useful), ("shift", (7, 8, 9, 10, 11, 12))]
    up, runs, down = chart.signals
    assert up.text == "6 points above the median from January 2024: a shift up, against the desired direction."
    assert down.text == "6 points below the median from August 2024: a shift down, the desired direction."
    assert runs.text == ("Only 2 runs in 12 points not on the median, fewer than the 3 chance allows: "
                         "a sign of a shift.")


def test_anhoej_unusually_long_runs():
    # 8 low (2..5) then 8 high (9..13): median (5 + 9) / 2 = 7, 16 useful; longest allowed 7: both runs
    # of 8 signal; 1 crossing < 4.
    chart = compute("run", series([4, 3, 5, 4, 2, 4, 3, 5, 10, 11, 9, 12, 10, 11, 13, 10]), desired_direction="up")
    assert found(chart) == [("shift", tuple(range(8))), ("crossings", tuple(range(16))), ("shift", tuple(range(8, 16)))]
    assert chart.signals[2].text == ("8 points above the median from September 2024, more than the 7 chance allows: "
                                     "a shift up, the desired direction.")


def test_ihi_trend_skips_a_repeated_value_and_runs_at_the_lower_limit_are_fine():
    # 7 9 8 9 1 2 2 3 4 5 9 8 7: sorted, the 7th of 13 is 7; indices 0 and 12 sit on it (11 useful).
    # Below: 4..9, 6 points -> shift down. Rising 1 2 (2) 3 4 5 9: indices 4 5 7 8 9 10, 6 points -> trend.
    # Runs: + - + = 3; the table for 11 allows 3 to 10, so 3 is not too few.
    chart = compute("run", series([7, 9, 8, 9, 1, 2, 2, 3, 4, 5, 9, 8, 7]), rules="ihi", desired_direction="up")
    assert chart.phases[0].centre == 7
    assert found(chart) == [("shift", (4, 5, 6, 7, 8, 9)), ("trend", (4, 5, 7, 8, 9, 10))]
    shift, trend = chart.signals
    assert shift.text == "6 points below the median from May 2024: a shift down, against the desired direction."
    assert trend.text == "6 points in a row going up from May 2024: a trend up, the desired direction."


def test_ihi_too_many_runs():
    # 1 9 alternating, 12 points: median 5, 12 runs; the table for 12 allows at most 11.
    chart = compute("run", series([1, 9] * 6), rules="ihi")
    assert found(chart) == [("runs", tuple(range(12)))]
    assert chart.signals[0].text == ("12 runs in 12 points not on the median, more than the 11 chance allows: "
                                     "the values alternate too often, a sign of mixed data.")


def test_ihi_five_points_in_a_row_on_one_side_is_no_shift():
    # 1 1.5 1 1.5 1 9 4 8 3 9 4 8: sorted, the middle two are 3 and 4: median 3.5, 12 useful. Below: 0..4,
    # 5 points (IHI needs 6). Runs - + - + = 4, inside the table's 3..11; rises and falls alternate.
    chart = compute("run", series([1, 1.5, 1, 1.5, 1, 9, 4, 8, 3, 9, 4, 8]), rules="ihi")
    assert chart.phases[0].centre == 3.5
    assert chart.signals == ()


def test_run_chart_with_all_points_on_the_median():
    chart = compute("run", series([5] * 15))
    assert chart.phases[0].centre == 5
    assert chart.signals == ()
    assert chart.notes == ("Too few points for the run rules: 0, at least 10 needed (points on the median do not "
                           "count).",)


def test_run_chart_with_too_few_points_says_so():
    chart = compute("run", series([1, 2, 3, 4, 5, 6, 7, 8]))
    assert chart.signals == ()
    assert chart.notes == ("Too few points for the run rules: 8, at least 10 needed.",)


def test_run_chart_frozen_baseline_median():
    # Baseline: the first 10 (3 1 4 1 5 9 2 6 5 3: sorted 1 1 2 3 3 4 5 5 6 9, median (3 + 4) / 2 = 3.5).
    # Then 10 points at 6..8, all above 3.5: with the 4 baseline points above, the useful run at the end is
    # 10 long (indices 10..19), longer than Anhøj's 7 for 20 points. Sides - - + - + + - + + - then + × 10:
    # 8 runs, 7 crossings, not fewer than 6.
    values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 6, 7, 8, 7, 6, 8, 7, 6, 7, 8]
    chart = compute("run", series(values), baseline_points=10, desired_direction="up")
    (phase,) = chart.phases
    assert (phase.baseline_end, phase.centre) == (10, 3.5)
    assert found(chart) == [("shift", tuple(range(10, 20)))]


def test_run_chart_of_numerators_and_denominators_plots_the_proportion():
    chart = compute("run", fractions([(1, 4), (1, 2), (3, 4)]))
    assert chart.values == (0.25, 0.5, 0.75)
    assert chart.phases[0].centre == 0.5


def test_weekly_periods_are_named_by_day():
    weeks = [datetime.date(2024, 3, 4) + datetime.timedelta(weeks=week) for week in range(16)]
    values = [4, 3, 5, 4, 2, 4, 3, 5, 10, 11, 9, 12, 10, 11, 13, 10]
    chart = compute("run", [Observation(week, value=value) for week, value in zip(weeks, values, strict=True)])
    assert chart.signals[-1].text.startswith("8 points above the median from 29 April 2024")


# --- phases after documented changes -----------------------------------------------------------


def test_a_change_starts_a_new_phase_with_its_own_centre_and_limits():
    # Before March 2024 (from May 2023): the baseline above, mean 11, limits 5.68 .. 16.32.
    # From March 2024: 13 14 13 14 13 14: mean 13.5, moving ranges 1 × 5 -> limits 13.5 ± 2.66 = 10.84 .. 16.16.
    observations = series(BASELINE + [13, 14, 13, 14, 13, 14], start=datetime.date(2023, 5, 1))
    chart = compute("xmr", observations, changes=[(datetime.date(2024, 2, 15), "Huddles")])
    first, second = chart.phases
    assert (first.start, first.end, first.label) == (0, 10, "")
    assert (second.start, second.end, second.baseline_end, second.label) == (10, 16, 16, "Huddles")
    assert round(second.centre, 6) == 13.5
    assert set(rounded(second.lower)) == {10.84} and set(rounded(second.upper)) == {16.16}
    assert chart.moving_ranges[10] is None  # a phase's first point has no moving range
    assert [round(x, 6) for x in chart.moving_range_centres] == [2.0, 1.0]
    assert chart.notes == (
        "The limits before the first change are worked out from 10 points: with fewer than 20, treat them as "
        "trial limits and recalculate them as data come in.",
        "The limits after “Huddles” (March 2024) are worked out from 6 points: with fewer than 20, treat them as "
        "trial limits and recalculate them as data come in.",
    )


def test_run_rules_are_judged_within_each_phase():
    # Ten low points then ten high: one phase shows long runs; a phase per change judges each alone.
    values = [4, 3, 5, 4, 2, 4, 3, 5, 4, 3, 10, 11, 9, 12, 10, 11, 13, 10, 12, 9]
    assert found(compute("run", series(values)))[0][0] == "shift"
    chart = compute("run", series(values), changes=[(datetime.date(2024, 11, 1), "New pathway")])
    assert [phase.centre for phase in chart.phases] == [4, 10.5]
    assert chart.signals == ()
    # The first ten have four 4s on their median 4: 6 useful points, too few for the rules.
    assert chart.notes == (
        "Too few points for the run rules before the first change: 6, at least 10 needed (points on the median "
        "do not count).",
        "Anhøj's run rules after “New pathway” (November 2024), for 10 points not on the median: a run of more "
        "than 6 points on one side, or fewer than 2 crossings of the median, signals a shift.",
    )


def test_changes_after_the_data_before_the_data_and_on_the_same_period():
    chart = compute("run", series([1, 2, 3, 4]), changes=[
        (datetime.date(2025, 1, 1), "Later"),
        (datetime.date(2024, 2, 10), "Audit"),
        (datetime.date(2024, 3, 1), "Training"),
        (datetime.date(2023, 6, 1), "Earlier"),
    ])
    phases = [(phase.start, phase.end, phase.label) for phase in chart.phases]
    assert phases == [(0, 2, "Earlier"), (2, 4, "Audit; Training")]
    assert "The change “Later” (1 January 2025) comes after the last period" in chart.notes[0]


def test_a_change_leaving_one_point_does_not_split_an_xmr_chart():
    chart = compute("xmr", series([10, 12, 11, 13]), changes=[(datetime.date(2024, 4, 1), "Huddles")])
    assert [(phase.start, phase.end) for phase in chart.phases] == [(0, 4)]
    assert chart.notes[0] == ("The change “Huddles” (April 2024) leaves fewer than 2 points on one side: the chart "
                              "is split there once each side has 2.")


def test_desired_direction_none_leaves_favourable_unknown():
    chart = frozen([13] * 8)
    assert chart.signals[0].favourable is None
    assert chart.signals[0].text == "8 points above the centre line from March 2024: a shift up."


# --- what cannot be charted --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "observations", "message"),
    [
        ("p", fractions([(1, 10), (0, 0)]), "The denominator for February 2024 is 0"),
        ("u", fractions([(1, 0)]), "The denominator for January 2024 is 0"),
        ("p", fractions([(12, 10)]), "The numerator for January 2024 (12) is larger than its denominator (10)"),
        ("run", series([1, None, 3]), "The value for February 2024 is missing"),
        ("p", [Observation(datetime.date(2024, 1, 1), numerator=3)], "The denominator for January 2024 is missing"),
        ("xmr", series([1, float("nan")]), "The value for February 2024 is not a number"),
        ("p", fractions([(-1, 10)]), "is negative"),
        ("run", [Observation(datetime.date(2024, 2, 1), value=1), Observation(datetime.date(2024, 1, 1), value=2)],
         "The periods are not in order: 1 January 2024 comes after 1 February 2024"),
        ("run", [Observation(datetime.date(2024, 1, 1), value=1), Observation(datetime.date(2024, 1, 1), value=2)],
         "The period 1 January 2024 appears twice"),
        ("run", [], "There are no data to chart"),
        ("xmr", series([4]), "An XmR chart needs at least 2 periods"),
    ],
)
def test_data_that_cannot_be_charted_are_refused_in_plain_words(kind, observations, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        compute(kind, observations)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"kind": "c"}, "Unknown chart kind 'c'"),
        ({"desired_direction": "sideways"}, "Unknown desired direction"),
        ({"rules": "nelson"}, "Unknown run rules 'nelson'"),
        ({"baseline_points": 0}, "A baseline needs at least 1 point for this chart"),
        ({"baseline_points": 2.5}, "must be a whole number"),
    ],
)
def test_wrong_arguments_are_refused(arguments, message):
    options = {"kind": "run", **arguments}
    kind = options.pop("kind")
    with pytest.raises(ValueError, match=message):
        compute(kind, series([1, 2, 3]), **options)


def test_a_change_leaving_one_point_before_it_does_not_split_an_xmr_chart():
    chart = compute("xmr", series([10, 12, 11, 13]), changes=[(datetime.date(2024, 2, 1), "Huddles")])
    assert [(phase.start, phase.end, phase.label) for phase in chart.phases] == [(0, 4, "")]
    assert chart.notes[0] == ("The change “Huddles” (February 2024) leaves fewer than 2 points on one side: the "
                              "chart is split there once each side has 2.")


def test_a_run_chart_phase_may_be_a_single_point():
    chart = compute("run", series([1, 2, 3, 4]), changes=[(datetime.date(2024, 4, 1), "Huddles")])
    assert [(phase.start, phase.end, phase.centre) for phase in chart.phases] == [(0, 3, 2), (3, 4, 4)]
