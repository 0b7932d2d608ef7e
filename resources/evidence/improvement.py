"""Whether a series shows improvement after a change: the judgement behind "with evidence of
improvement" (docs/evidence.md, "Evidence of improvement").

The chart's centre and limits are fixed from the periods before the change (the baseline) and
extended over the periods after it; the change has evidence of improvement when a special-cause
signal in the measure's desired direction lies mostly after it (more than half of its points).
Recalculating the limits at the change (``spc.compute(changes=...)``, what the series page draws
once a change is documented) would make the new phase its own reference and hide the very shift
being looked for.
"""

from dataclasses import dataclass

from . import run_rules, spc

# Fewer periods than this before the change and there is no baseline to judge against: a run
# chart needs 10 useful points for its rules, and limits from fewer points move too much.
MINIMUM_BASELINE = 10


@dataclass(frozen=True)
class Judgement:
    improved: bool
    # The favourable signals after the change (spc.Signal), and why there is no judgement if none.
    signals: tuple = ()
    reason: str = ""


def judge(kind, observations, change_date, desired_direction, *, rules=run_rules.ANHOEJ):
    """Judge the series ``observations`` (``charts_data.Observation``, in period order) for a change
    introduced on ``change_date``, on a chart of ``kind``. A measure with no desired direction
    cannot show improvement, only change."""
    observations = list(observations)
    if desired_direction not in spc.DIRECTIONS:
        return Judgement(
            False, reason="The measure has no desired direction, so a change cannot be called an improvement."
        )
    before = sum(1 for observation in observations if observation.period < change_date)
    after = len(observations) - before
    if before < MINIMUM_BASELINE:
        return Judgement(
            False, reason=f"{before} period(s) before the change: at least {MINIMUM_BASELINE} are needed as a baseline."
        )
    if after == 0:
        return Judgement(False, reason="No periods after the change yet.")
    chart = spc.compute(kind, observations, desired_direction=desired_direction, baseline_points=before, rules=rules)
    favourable = tuple(signal for signal in chart.signals if signal.favourable and _mostly_after(signal, before))
    if favourable:
        return Judgement(True, favourable)
    return Judgement(False, reason="No special-cause signal in the desired direction after the change.")


def _mostly_after(signal, first_after):
    """More than half of the signal's points after the change: a shift whose first points fall just
    before the change is still the change's, one that was under way long before it is not."""
    after = sum(1 for point in signal.points if point >= first_after)
    return after * 2 > len(signal.points)
