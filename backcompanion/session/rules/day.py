"""Today's plan from today's pain (docs/ARCHITECTURE.md §6): decided after the opening check-in.

The plan made before the session (``make_plan``) is what an ordinary day
does. The opening rating then trims it: at ``day_plan.breathing_only_from``
or more, the breathing only and the flare-up page; at
``day_plan.stretch_only_from`` or more, the stretches only, each at the low
end of its hold; below that, the plan as made. Pure: no clock, no storage.
"""

from __future__ import annotations

import dataclasses
import enum

from backcompanion.i18n import QT_TRANSLATE_NOOP, translate
from backcompanion.session.plan import SessionPlan, StepPlan
from backcompanion.session.progression_config import Rules
from backcompanion.session.rules.holds import reps_for


class DayKind(enum.StrEnum):
    FULL = "full"  # the plan as made
    STRETCH_ONLY = "stretch_only"  # stretches at their lowest holds; no strengthening
    BREATHING_ONLY = "breathing_only"  # breathing and the flare-up page


STRETCH_ONLY_TEXT = QT_TRANSLATE_NOOP(
    "DayPlan",
    "Your pain is {rating} out of 10 today: stretching only, every hold at its shortest.",
)
BREATHING_ONLY_TEXT = QT_TRANSLATE_NOOP(
    "DayPlan", "Your pain is {rating} out of 10 today: breathing only, no exercises."
)


def day_kind(rules: Rules, opening: int) -> DayKind:
    d = rules.day_plan
    if opening >= d.breathing_only_from:
        return DayKind.BREATHING_ONLY
    if opening >= d.stretch_only_from:
        return DayKind.STRETCH_ONLY
    return DayKind.FULL


def day_text(rules: Rules, opening: int) -> str | None:
    """What today's plan is, in a sentence; None on an ordinary day (the plan as made)."""
    kind = day_kind(rules, opening)
    if kind is DayKind.FULL:
        return None
    text = STRETCH_ONLY_TEXT if kind is DayKind.STRETCH_ONLY else BREATHING_ONLY_TEXT
    return translate("DayPlan", text).format(rating=opening)


def plan_the_day(rules: Rules, plan: SessionPlan, opening: int) -> SessionPlan:
    """``plan`` as today's opening rating allows it (the same object on an ordinary day)."""
    kind = day_kind(rules, opening)
    if kind is DayKind.FULL:
        return plan
    text = day_text(rules, opening)

    def lowest(step: StepPlan) -> StepPlan:
        low = step.exercise.hold_s[0]
        return StepPlan(step.exercise, low, reps_for(rules, step.exercise, low))

    if kind is DayKind.STRETCH_ONLY:
        stretches = tuple(lowest(s) for s in plan.stretches)
        easier = {k: lowest(v) for k, v in plan.easier.items()}
    else:
        stretches, easier = (), {}
    return dataclasses.replace(
        plan,
        stretches=stretches,
        easier=easier,
        gate_open=False,
        gate_reasons=(text,),
        day=kind.value,
    )
