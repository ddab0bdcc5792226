"""The records the session engine emits, built in one place and handed to its recorders.

Each record is emitted the moment the thing happens (the store commits it at
once, docs/ARCHITECTURE.md §3); its ``t`` is the session's active seconds at that moment,
read from the engine's :class:`~backcompanion.session.timing.PhaseTimer`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from backcompanion.session.plan import SessionPlan, StepPlan
from backcompanion.session.records import (
    BreathingDone,
    CheckIn,
    Effort,
    EffortRated,
    ExerciseEnded,
    ExerciseOutcome,
    GateShown,
    PainReported,
    Record,
    RepeatDone,
    SessionEnded,
    SessionOutcome,
    SessionStarted,
)
from backcompanion.session.timing import PhaseTimer


class RecordEmitter:
    """Builds each record of one session and calls every recorder with it."""

    def __init__(self, timer: PhaseTimer, session_id: str | None = None):
        self.session_id = session_id  # set at start (or on resuming) when not given
        self._timer = timer
        self._started_at: float | None = None  # monotonic, when this engine began the session
        self._recorders: list[Callable[[Record], None]] = []

    def add_recorder(self, callback: Callable[[Record], None]) -> None:
        self._recorders.append(callback)

    def emit(self, record: Record) -> None:
        for callback in self._recorders:
            callback(record)

    def _t(self, at: float) -> float:
        return self._timer.active_s(at)

    def session_started(
        self, started_at: datetime, plan: SessionPlan, at: float | None = None
    ) -> None:
        self._started_at = at
        self.emit(
            SessionStarted(
                self.session_id,
                started_at,
                plan.gate_open,
                plan.gate_reasons,
                plan.cadence.label,
            )
        )

    def check_in(self, at: float, kind: str, rating: int, note: str) -> None:
        self.emit(CheckIn(self.session_id, self._t(at), kind, rating, note))

    def breathing_done(self, at: float, breaths: int, seconds: float, cadence: str) -> None:
        self.emit(BreathingDone(self.session_id, self._t(at), breaths, seconds, cadence))

    def repeat_done(
        self, at: float, sp: StepPlan, side: int | None, rep: int, held_s: float
    ) -> None:
        self.emit(
            RepeatDone(
                session_id=self.session_id,
                t=self._t(at),
                exercise_id=sp.exercise.id,
                side=side,
                rep=rep,
                hold_s=sp.hold_s,
                held_s=held_s,
            )
        )

    def exercise_ended(
        self, at: float, sp: StepPlan, outcome: ExerciseOutcome, reps_done: int
    ) -> None:
        self.emit(
            ExerciseEnded(
                session_id=self.session_id,
                t=self._t(at),
                exercise_id=sp.exercise.id,
                outcome=outcome,
                reps_planned=sp.total_reps,
                reps_done=reps_done,
                hold_s=sp.hold_s,
            )
        )

    def gate_shown(self, at: float, plan: SessionPlan) -> None:
        self.emit(GateShown(self.session_id, self._t(at), plan.gate_open, plan.gate_reasons))

    def pain_reported(self, at: float, exercise_id: str, rating: int | None) -> None:
        self.emit(PainReported(self.session_id, self._t(at), exercise_id, rating))

    def effort_rated(self, at: float, exercise_id: str, effort: Effort) -> None:
        self.emit(EffortRated(self.session_id, self._t(at), exercise_id, effort))

    def session_ended(self, at: float, outcome: SessionOutcome) -> None:
        """The session is over; its active time is the ``t`` of this record."""
        t = self._t(at)
        elapsed = None if self._started_at is None else max(0.0, at - self._started_at)
        self.emit(SessionEnded(self.session_id, t, outcome, t, elapsed))
