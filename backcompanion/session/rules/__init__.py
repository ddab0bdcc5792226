"""The progression and safety rules of docs/ARCHITECTURE.md §6, as pure functions.

No Qt, no clock, no storage: time comes in as a timezone-aware ``now``, the
history as :class:`SessionFacts` and the red-flag answers, and the numbers as
:class:`Rules` (``resources/progression.yaml``). So every rule can be tested
with a handful of hand-made facts, and the weekly report can replay the past.

Sessions whose outcome is "open" (running, or interrupted and not yet closed)
count for nothing here. "stopped" and "partial" sessions count for their ratings;
their stretching never counts toward the gate (``session.completion``).

Every function walks the history once after sorting it, so ten years of daily
sessions (3,650 facts) stay cheap; nothing compares each session with each other.

The rules live by concern in this package's modules, re-exported here so that
callers import from one place: ``gate`` (the strengthening gate),
``flare`` (flare-ups, the baseline and the pain lines), ``holds``
(holds and repeats), ``safety`` (red flags, worsening pain and the nudge),
``common`` (what they share) and ``progression_config`` (the numbers).
Here: :func:`make_plan`, which puts them together for the next session.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from backcompanion.i18n import translate
from backcompanion.program import Exercise, Program
from backcompanion.session.facts import SafetyFacts, SessionFacts
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan
from backcompanion.session.progression_config import Rules, load_rules
from backcompanion.session.rules import flare
from backcompanion.session.rules.common import usable
from backcompanion.session.rules.day import DayKind, day_kind, day_text, plan_the_day
from backcompanion.session.rules.flare import FlareKind, FlareUp, baseline, flare_up, flare_ups
from backcompanion.session.rules.gate import (
    GATE_OPEN_TEXT,
    GateChange,
    GateDecision,
    Reason,
    ReasonCode,
    counts_for_gate,
    evaluate_gate,
    gate_changes,
)
from backcompanion.session.rules.holds import hold_for, hold_on, reps_for
from backcompanion.session.rules.safety import Nudge, NudgeLevel, SafetyState, nudge, safety_state

__all__ = [
    "GATE_OPEN_TEXT",
    "DayKind",
    "FlareKind",
    "FlareUp",
    "GateChange",
    "GateDecision",
    "Nudge",
    "NudgeLevel",
    "Reason",
    "ReasonCode",
    "Rules",
    "SafetyState",
    "baseline",
    "counts_for_gate",
    "day_kind",
    "day_text",
    "evaluate_gate",
    "flare_up",
    "flare_ups",
    "gate_changes",
    "hold_for",
    "load_rules",
    "make_plan",
    "nudge",
    "plan_the_day",
    "reps_for",
    "safety_state",
]


def make_plan(
    rules: Rules,
    program: Program,
    facts: Sequence[SessionFacts],
    safety: SafetyFacts,
    now: datetime,
    cadence: Cadence,
    get_ready_s: int = 5,
    release_s: int = 3,
) -> SessionPlan:
    """Everything the engine needs for the next session, decided before it starts.

    Strength steps are planned even when the gate is closed, so the gate
    screen can show what waits. ``gate_reasons`` holds why the gate is
    closed, or one sentence saying why it is open.
    """
    timeline = list(flare.timeline(rules, usable(facts)))

    def step(exercise: Exercise) -> StepPlan:
        hold = hold_on(rules, exercise, timeline)
        return StepPlan(exercise, hold, reps_for(rules, exercise, hold))

    easier: dict[str, StepPlan] = {}
    for exercise in (*program.stretches, *program.strength):
        variant = program.easier_version(exercise.id)
        if variant is not None:
            easier[exercise.id] = step(variant)
    gate = evaluate_gate(rules, facts, safety, now)
    return SessionPlan(
        breathing=program.breathing,
        cadence=cadence,
        stretches=tuple(step(e) for e in program.stretches),
        strength=tuple(step(e) for e in program.strength),
        gate_open=gate.open,
        gate_reasons=(translate("GateReason", GATE_OPEN_TEXT),) if gate.open else gate.texts,
        easier=easier,
        get_ready_s=get_ready_s,
        release_s=release_s,
        strength_pain_stop=rules.too_much,
    )
