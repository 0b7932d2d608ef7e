"""The judgement "with evidence of improvement" (resources/evidence/improvement.py): a
favourable special cause wholly after the change, against limits fixed before it. No database."""

import datetime

from resources.evidence.charts_data import Observation
from resources.evidence.improvement import MINIMUM_BASELINE, judge
from resources.evidence.spc import compute


def months(count):
    return [datetime.date(2024 + (m // 12), m % 12 + 1, 1) for m in range(count)]


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
    # 35 % and more after the change are beyond it, and eight months above the centre are a shift.
    judgement = judge("p", proportions(BASELINE + [35, 34, 36, 33, 35, 37, 34, 36]), CHANGE, "up")
    assert judgement.improved
    assert {signal.rule for signal in judgement.signals} >= {"outside-limits", "shift"}
    assert all(min(signal.points) >= 12 for signal in judgement.signals)
    assert all(signal.direction == "up" and signal.favourable for signal in judgement.signals)


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


def test_a_signal_that_began_before_the_change_is_not_credited_to_it():
    # The last four baseline months already sit above the centre; the shift of 8+ starts before the change.
    numbers = [20, 22, 19, 21, 18, 20, 23, 19, 23, 23, 23, 23] + [23, 23, 23, 23, 23, 23]
    observations = values(numbers)

    chart = compute("xmr", observations, desired_direction="up", baseline_points=12)
    shifts = [signal for signal in chart.signals if signal.rule == "shift"]
    assert shifts and min(shifts[0].points) < 12
    judgement = judge("xmr", observations, CHANGE, "up")
    assert not judgement.improved


def test_too_short_a_baseline_gives_no_judgement_and_says_why():
    judgement = judge("p", proportions(BASELINE[:8] + [40] * 8), datetime.date(2024, 9, 1), "up")
    assert not judgement.improved
    assert judgement.reason == f"8 period(s) before the change: at least {MINIMUM_BASELINE} are needed as a baseline."


def test_no_desired_direction_and_no_periods_after_give_no_judgement():
    assert "no desired direction" in judge("p", proportions(BASELINE + [40] * 8), CHANGE, None).reason
    assert judge("p", proportions(BASELINE), CHANGE, "up").reason == "No periods after the change yet."
