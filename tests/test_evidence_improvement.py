"""The judgement "with evidence of improvement" (resources/evidence/improvement.py): a
favourable special cause mostly after the change, against limits fixed before it. No database."""

import datetime

from resources.evidence.charts_data import Observation
from resources.evidence.improvement import MINIMUM_BASELINE, judge
from resources.evidence.spc import compute

from .builders import months


def proportions(numerators, denominator=100):
    return [Observation(period, numerator=n, denominator=denominator) for period, n in
            zip(months(len(numerators)), numerators, strict=True)]


def values(numbers):
    return [Observation(period, value=v) for period, v in zip(months(len(numbers)), numbers, strict=True)]


# Twelve months around 20 % (the baseline), then the change in January 2025.
BASELINE = [20, 22, 19, 21, 18, 20, 23, 19, 21, 20, 22, 19]
CHANGE = datetime.date(2025, 1, 1)


def test_a_shift_up_after_the_change_is_improvement_when_up_is_wanted():
    # p̄ from the baseline = 244 / 1200 = 0.203333; σ = √(p̄(1−p̄)/100) = 0.040244, UCL = 0.324066:
    # every month after the change (33 % and more) is beyond it, and those eight above the centre are a shift.
    judgement = judge("p", proportions(BASELINE + [35, 34, 36, 33, 35, 37, 34, 36]), CHANGE, "up")
    assert judgement.improved
    after = tuple(range(12, 20))  # January to August 2025
    signals = [(signal.rule, signal.points) for signal in judgement.signals]
    assert signals == [("outside-limits", after), ("shift", after)]


def test_the_same_shift_is_no_improvement_when_down_is_wanted():
    judgement = judge("p", proportions(BASELINE + [35, 34, 36, 33, 35, 37, 34, 36]), CHANGE, "down")
    assert not judgement.improved
    assert judgement.reason == "No special-cause signal in the desired direction after the change."


def test_common_cause_variation_after_the_change_is_no_improvement():
    judgement = judge("p", proportions(BASELINE + [21, 19, 22, 20, 18, 21, 20, 22]), CHANGE, "up")
    assert not judgement.improved and judgement.signals == ()


def test_a_run_chart_judges_against_the_baseline_median():
    # Baseline median 20 (sorted: 18 19 19 19 20 20 20 21 21 22 22 23: the 6th and 7th are 20 and 20).
    # The three 20s are on the median and not useful, leaving 19 useful points; ten months at 24–27
    # after the change are a run of 10 above the frozen median, longer than round(log2(19) + 3) = 7
    # (Anhøj), all after the change.
    judgement = judge("run", values(BASELINE + [24, 25, 26, 24, 27, 25, 26, 24, 25, 26]), CHANGE, "up")
    assert judgement.improved
    assert [signal.rule for signal in judgement.signals] == ["shift"]
    assert judgement.signals[0].points[0] == 12


def test_a_signal_under_way_long_before_the_change_is_not_credited_to_it():
    # Centre from the baseline: (20 + 22 + 19 + 21 + 18 + 20 + 6 × 23) / 12 = 258 / 12 = 21.5. The
    # last six baseline months and four after the change sit at 23, inside the limits (mean moving
    # range 15 / 11, UCL 21.5 + 2.66 × 15/11 = 25.127273, 2σ line 21.5 + 2 × (15/11) / 1.128 = 23.917763):
    # a shift of 10 points, 6 of them before the change. (19 and 18 in March and May are two of three
    # beyond the lower 2σ line, 21.5 − 2.417763 = 19.082237: a signal down, not the desired way.)
    observations = values([20, 22, 19, 21, 18, 20] + [23] * 6 + [23] * 4)
    chart = compute("xmr", observations, desired_direction="up", baseline_points=12)
    signals = [(signal.rule, signal.points, signal.favourable) for signal in chart.signals]
    assert signals == [("two-of-three", (2, 4), False), ("shift", tuple(range(6, 16)), True)]
    assert not judge("xmr", observations, CHANGE, "up").improved


def test_a_shift_mostly_after_the_change_is_credited_to_it():
    # Two baseline months happen to sit above the median before the change; twelve more follow it.
    observations = values(BASELINE[:10] + [21, 21] + [26, 25, 27, 24, 26, 28, 25, 27, 26, 25, 27, 26])
    judgement = judge("run", observations, CHANGE, "up")
    assert judgement.improved
    (shift,) = [signal for signal in judgement.signals if signal.rule == "shift"]
    assert min(shift.points) < 12 and sum(point >= 12 for point in shift.points) == 12


def test_too_short_a_baseline_gives_no_judgement_and_says_why():
    judgement = judge("p", proportions(BASELINE[:8] + [40] * 8), datetime.date(2024, 9, 1), "up")
    assert not judgement.improved
    assert judgement.reason == f"8 period(s) before the change: at least {MINIMUM_BASELINE} are needed as a baseline."


def test_no_desired_direction_and_no_periods_after_give_no_judgement():
    assert "no desired direction" in judge("p", proportions(BASELINE + [40] * 8), CHANGE, None).reason
    assert judge("p", proportions(BASELINE), CHANGE, "up").reason == "No periods after the change yet."
