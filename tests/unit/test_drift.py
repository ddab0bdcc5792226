"""Zero drift: ten simulated hours of sessions against a schedule worked out from the plan alone.

The fake clock moves in irregular gaps (1 ms to 3 s, some exactly to the engine's
next deadline as a one-shot timer would, some whole minutes late, some paused for
a while). At every call the engine's remaining time must equal the schedule to
1e-9 s, and every finished repeat must be stamped with its planned active time.
"""

import math
import random
from datetime import UTC, datetime
from typing import NamedTuple

import pytest

from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, SessionEngine, State, Step
from backcompanion.session.plan import PRESETS, SessionPlan, StepPlan
from backcompanion.session.records import GateShown, RepeatDone

PROGRAM = builtin_program()
GATE_PAUSE_S = 8.0
TOLERANCE = 1e-9


class Phase(NamedTuple):
    state: State
    step: Step | None
    exercise_id: str | None
    side: int | None
    rep: int | None
    seconds: float


def plan_for(session: int) -> SessionPlan:
    """The full program, every repeat; the cadence and the gate change from session to session."""

    def step(ex):
        return StepPlan(ex, ex.hold_s[0] + session % 3, ex.reps)

    return SessionPlan(
        breathing=PROGRAM.breathing,
        cadence=list(PRESETS.values())[session % 3],
        stretches=tuple(step(e) for e in PROGRAM.stretches),
        strength=tuple(step(e) for e in PROGRAM.strength),
        gate_open=session % 2 == 0,
        get_ready_s=5 + session % 2,
        release_s=3,
    )


def planned_phases(plan: SessionPlan) -> list[Phase]:
    """Every timed phase of a hands-free session, in order, from the plan alone."""
    phases = [Phase(State.BREATHING, None, plan.breathing.id, None, None, plan.cadence.total_s)]

    def section(state, steps):
        for sp in steps:
            ex = sp.exercise
            for side in range(len(ex.sides)) if ex.per_side else [None]:
                phases.append(Phase(state, Step.GET_READY, ex.id, side, 1, plan.get_ready_s))
                phases.append(Phase(state, Step.HOLD, ex.id, side, 1, sp.hold_s))
                for rep in range(2, sp.reps + 1):
                    phases.append(Phase(state, Step.RELEASE, ex.id, side, rep, plan.release_s))
                    phases.append(Phase(state, Step.HOLD, ex.id, side, rep, sp.hold_s))

    section(State.STRETCHING, plan.stretches)
    phases.append(Phase(State.GATE, None, None, None, None, GATE_PAUSE_S))
    if plan.gate_open:
        section(State.STRENGTHENING, plan.strength)
    return phases


def run_one_session(
    engine: SessionEngine, clock: FakeClock, plan: SessionPlan, rng: random.Random
) -> int:
    """Drive one session to its closing check-in, checking the schedule at every call."""
    records = []
    engine.add_recorder(records.append)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=2)
    phases = planned_phases(plan)
    # Each phase ends at the previous phase's end plus its own length; a pause
    # moves the current end on by the paused time and everything after with it.
    ends, end = [], clock.now
    for phase in phases:
        end += phase.seconds
        ends.append(end)
    calls = i = 0
    while True:
        pick = rng.random()
        if pick < 0.3:
            gap = engine.next_deadline() - clock.now  # a one-shot timer right on time
        elif pick < 0.305:
            gap = rng.uniform(20.0, 600.0)  # very late: several phases at once
        else:
            gap = rng.uniform(0.001, 3.0)
        clock.advance(gap)
        engine.update()
        calls += 1
        while i < len(ends) and clock.now >= ends[i]:
            i += 1
        snap = engine.snapshot()
        if i == len(phases):
            assert snap.state is State.CHECK_IN_AFTER
            break
        expected = phases[i]
        shown = (snap.state, snap.step, snap.exercise and snap.exercise.id, snap.side_index)
        assert shown == expected[:4]
        if expected.step is not None:
            assert snap.rep == expected.rep
        assert abs(snap.remaining_s - (ends[i] - clock.now)) <= TOLERANCE
        assert snap.phase_duration_s == expected.seconds
        assert snap.countdown == math.ceil(ends[i] - clock.now)
        if rng.random() < 0.003:
            paused_at = clock.now
            engine.send(Event.PAUSE)
            clock.advance(rng.uniform(1.0, 900.0))
            assert engine.snapshot().remaining_s == snap.remaining_s
            engine.send(Event.RESUME)
            ends[i] += clock.now - paused_at
            for j in range(i + 1, len(ends)):
                ends[j] = ends[j - 1] + phases[j].seconds
    engine.send(Event.CHECK_IN, rating=1)

    # Records carry active time: it must equal the sum of the planned phases exactly.
    active_ends = []
    total = 0.0
    for phase in phases:
        total = math.fsum((total, phase.seconds))
        active_ends.append((phase, total))
    holds = [(p, t) for p, t in active_ends if p.step is Step.HOLD]
    repeats = [r for r in records if isinstance(r, RepeatDone)]
    assert len(repeats) == len(holds)
    for (phase, t), record in zip(holds, repeats, strict=True):
        assert (record.exercise_id, record.side, record.rep) == (
            phase.exercise_id,
            phase.side,
            phase.rep,
        )
        assert abs(record.t - t) <= TOLERANCE
        assert record.held_s == pytest.approx(phase.seconds, abs=TOLERANCE)
    gate_start = next(t - p.seconds for p, t in active_ends if p.state is State.GATE)
    gate = next(r for r in records if isinstance(r, GateShown))
    assert abs(gate.t - gate_start) <= TOLERANCE
    if plan.gate_open:  # the last hold closes the planned time
        assert abs(repeats[-1].t - sum(p.seconds for p in phases)) <= TOLERANCE
    return calls


def test_zero_drift_over_ten_simulated_hours():
    rng = random.Random(20240304)
    # a monotonic clock of a machine that has been up for days: big numbers, real rounding
    clock = FakeClock(start=3 * 86400 + rng.random())
    finish = clock.now + 10 * 3600
    sessions = calls = 0
    while clock.now < finish:
        plan = plan_for(sessions)
        engine = SessionEngine(
            plan, clock, lambda: datetime(2024, 3, 4, tzinfo=UTC), gate_pause_s=GATE_PAUSE_S
        )
        calls += run_one_session(engine, clock, plan, rng)
        sessions += 1
    assert sessions >= 10
    assert calls > 5_000
