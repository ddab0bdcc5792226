"""The session engine: one object owns a whole session, from the opening check-in to the end.

Widgets observe it (plain callbacks), send it events (:meth:`SessionEngine.send`)
and read an immutable :class:`Snapshot`; none keeps its own idea of where we are
(docs/ARCHITECTURE.md §3). It is written by hand: the states are an enum, every allowed move
sits in one table, :data:`TRANSITIONS`, guards are plain functions, and a move
that is not in the table raises :class:`InvalidTransition`. No Qt, so the tests
walk every (state, event) pair in milliseconds.

Time (docs/ARCHITECTURE.md §4) enters only through the injected monotonic clock, and the engine
never counts ticks. Every timed phase has a scheduled end on that clock;
:meth:`SessionEngine.update` walks through every phase whose end has passed and
starts each next phase at the previous phase's *scheduled* end, not at "now", so
a late, early or irregular display timer never shifts the schedule. A pause moves
the current phase's start and end on by the time spent paused when it is resumed:
remaining = duration - (now - phase start - paused time), with no accumulation.

Inside an exercise, a repeat is a lead-in followed by a hold: the lead-in is
``get_ready`` for the first repeat on each side (time to get into position, or to
switch sides) and ``release`` (the short rest) for every other repeat. So the
flow on one side is get_ready, hold, release, hold, ..., hold; the next side or the
next exercise starts with its own get_ready, which is the rest after the last hold.

This module is the outside (observers, events, the clock). The parts live beside it:
``states`` (the enums), ``engine_table`` (the moves and guards), ``flow`` (what
each move does), ``cursor`` (the position in the plan), ``timing`` (the time
arithmetic), ``record_emitter`` (the records), ``snapshot`` and ``resume``.
Everything callers use is importable from here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from backcompanion.session.breathing import BreathState, breath_position
from backcompanion.session.engine_table import TRANSITIONS, Move
from backcompanion.session.flow import SessionFlow
from backcompanion.session.plan import SessionPlan
from backcompanion.session.records import Record
from backcompanion.session.resume import ResumePoint
from backcompanion.session.snapshot import PlannedTime, Snapshot, take_snapshot
from backcompanion.session.states import (
    TIMED,
    Event,
    InvalidTransition,
    PauseReason,
    State,
    Step,
)
from backcompanion.session.timing import PhaseTimer

__all__ = [
    "TRANSITIONS",
    "Event",
    "InvalidTransition",
    "Move",
    "PauseReason",
    "ResumePoint",
    "SessionEngine",
    "Snapshot",
    "State",
    "Step",
]


class SessionEngine:
    """The whole session as one state machine driven by events and by the clock.

    ``clock`` is monotonic seconds (``time.monotonic`` or a ``FakeClock``);
    ``wall`` gives the local, timezone-aware date once, at start.
    """

    def __init__(
        self,
        plan: SessionPlan,
        clock: Callable[[], float],
        wall: Callable[[], datetime],
        session_id: str | None = None,
        resume: ResumePoint | None = None,
        gate_pause_s: float = 8.0,
        day_planner: Callable[[SessionPlan, int], SessionPlan] | None = None,
    ):
        """``day_planner(plan, opening)`` gives today's plan once the opening rating is in."""
        if gate_pause_s < 0:
            raise ValueError("gate_pause_s must not be negative")
        self.gate_pause_s = float(gate_pause_s)
        self._clock = clock
        self._listeners: list[Callable[[], None]] = []
        self._timer = PhaseTimer(clock())
        self._flow = SessionFlow(
            plan, wall, self._timer, session_id, self.gate_pause_s, day_planner
        )
        self._planned = PlannedTime(plan, self.gate_pause_s)
        self._planned_for = plan
        if resume is not None:
            self._flow.restore(resume)

    @property
    def plan(self) -> SessionPlan:
        """The session's plan: today's, once the opening rating has trimmed it."""
        return self._flow.plan

    @property
    def state(self) -> State:
        return self._flow.state

    @property
    def session_id(self) -> str | None:
        return self._flow.session_id

    def add_listener(self, callback: Callable[[], None]) -> None:
        """``callback()`` runs after every change: an event, a phase ending, a pause."""
        self._listeners.append(callback)

    def add_recorder(self, callback: Callable[[Record], None]) -> None:
        """``callback(record)`` runs the moment a thing happens, so the store commits it at once."""
        self._flow.log.add_recorder(callback)

    def send(self, event: Event, **payload: object) -> None:
        """Apply one event at the clock's current time; raises InvalidTransition if not allowed.

        Time is brought up to date first, so the event applies to the phase that
        is really running now, even when the display timer is late.
        """
        now = self._clock()
        flow = self._flow
        changed = flow.advance(now)
        try:
            move = TRANSITIONS.get((flow.state, event))
            if move is None or not move.allowed(flow):
                raise InvalidTransition(flow.state, event)
            move.do(flow, now, **payload)
            assert flow.state in move.to, f"{event} landed in {flow.state}, not in the table"
            changed = True
            flow.advance(now)  # a zero-length phase passes at once
        finally:
            if changed:
                self._notify()

    def allowed_events(self) -> frozenset[Event]:
        flow = self._flow
        return frozenset(
            e for e in Event if (m := TRANSITIONS.get((flow.state, e))) and m.allowed(flow)
        )

    def update(self) -> bool:
        """Catch up with the clock; True when a phase ended. Call it from the display timer."""
        changed = self._flow.advance(self._clock())
        if changed:
            self._notify()
        return changed

    def next_deadline(self) -> float | None:
        """Monotonic time of the next change on screen (a whole second shown, a phase end).

        None when nothing moves (idle, check-ins, paused, done, stopped), so an
        idle window does not wake up. Always later than the last update.
        """
        if self._flow.state not in TIMED:
            return None
        now, end = self._timer.now, self._timer.end
        deadline = end - (math.ceil(end - now) - 1)
        if self._flow.state is State.BREATHING:
            breath = breath_position(self.plan.cadence, now - self._timer.start)
            deadline = min(deadline, now + breath.until_change)
        return deadline if deadline > now else math.nextafter(now, math.inf)

    def suspend_detected(self, gap_s: float) -> None:
        """The machine slept for about ``gap_s`` seconds: pause at the moment before the gap.

        That moment is the last time the engine was told the time (the display
        timer runs every second), or ``now - gap_s`` when the monotonic clock
        counted the sleep. The snapshot then says ``paused_reason == "suspend"``.
        """
        now = self._clock()
        timer = self._timer
        before_gap = min(now, max(timer.now, now - gap_s))
        changed = self._flow.advance(before_gap)
        if self._flow.state in TIMED:
            self._flow.pause_at(before_gap, PauseReason.SUSPEND)
            changed = True
        timer.now = max(timer.now, now)
        if changed:
            self._notify()

    def breath_at(self, now: float) -> BreathState | None:
        """The breath at monotonic ``now``, for the pacer's per-frame drawing.

        None when not breathing. Pure: it moves nothing. Frozen while paused.
        """
        timer = self._timer
        if self._flow.live is not State.BREATHING or timer.start is None:
            return None
        at = timer.frozen_at if timer.frozen_at is not None else now
        return breath_position(self.plan.cadence, at - timer.start)

    def phase_time_at(self, now: float) -> float | None:
        """Seconds into the current timed phase at monotonic ``now`` (at most its length), for
        drawing a phase's movement frame by frame. None between timed phases. Pure: it moves
        nothing. Frozen while paused (a pause moves the phase's start on when it ends)."""
        timer = self._timer
        if self._flow.live not in TIMED or timer.start is None:
            return None
        at = timer.frozen_at if timer.frozen_at is not None else now
        return min(timer.duration, max(0.0, at - timer.start))

    def snapshot(self) -> Snapshot:
        """The session as of the last update or event (pure: it moves nothing)."""
        if self._planned_for is not self._flow.plan:  # today's plan replaced the first one
            self._planned_for = self._flow.plan
            self._planned = PlannedTime(self._planned_for, self.gate_pause_s)
        return take_snapshot(self._flow, self._planned, self.allowed_events())

    def _notify(self) -> None:
        for callback in self._listeners:
            callback()
