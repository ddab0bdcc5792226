"""What the store's queries return, besides the ``session.facts`` the rules read.

Plain frozen values, so the report and the UI never hold a cursor or a row.
Days are the local day a session started on (a session that runs past midnight
belongs to the day it began).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the records load when a session writes them (start-up time)
    from backcompanion.session.records import RepeatDone


@dataclass(frozen=True)
class SessionRow:
    """One session with everything the weekly report shows about it."""

    session_id: str
    started_at: datetime  # timezone-aware local wall-clock time
    day: date
    status: str  # "open", "done", "stopped" or "partial"
    ended_at: datetime | None  # wall-clock time the end was recorded; None while open
    active_s: float | None  # active seconds (pauses excluded); None while open
    opening: int | None  # opening pain 0-10
    closing: int | None  # closing pain 0-10
    notes: tuple[str, ...]  # check-in notes, the opening one first; empty ones left out
    gate_open: bool  # strengthening offered when the session started
    gate_reasons: tuple[str, ...]
    cadence: str  # breathing cadence, e.g. "4-0-6-0"
    resumed: int  # times it was resumed after an interruption

    @property
    def minutes(self) -> float:
        return (self.active_s or 0.0) / 60


@dataclass(frozen=True)
class ExerciseTotal:
    """One exercise summed over a range of days.

    Repeats planned and done come from the exercise's end record (exercises
    that were locked, i.e. never offered, are left out); the hold and the sides
    come from the repeats actually finished.
    """

    exercise_id: str
    phase: str | None  # "stretch", "strength", ...; None when the store was not told
    sessions: int  # sessions in which it was offered
    reps_planned: int
    reps_done: int
    max_hold_s: int | None  # longest planned hold of a finished repeat; None if none
    sides_done: tuple[int, ...]  # side indexes with at least one finished repeat


@dataclass(frozen=True)
class BreathingRow:
    session_id: str
    day: date
    t: float  # active seconds since the session started
    breaths: int
    seconds: float
    cadence: str

    @property
    def minutes(self) -> float:
        return self.seconds / 60


@dataclass(frozen=True)
class GateEventRow:
    """The gate as shown during a session: open (strengthening offered) or locked, and why."""

    session_id: str
    day: date
    started_at: datetime  # the session's start
    t: float  # active seconds since the session started
    open: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class InterruptedSession:
    """A session still marked open when the app starts: it crashed or was killed.

    ``exercise_id``, ``side_index`` and ``rep`` name the repeat after the last
    one stored. The store does not know the plan, so ``rep`` may be one past
    the last repeat of that side or exercise; ``session.engine.ResumePoint.after
    (plan, last_repeat, started_at)`` turns ``last_repeat`` into the engine's
    next repeat (next side, next exercise), and ``exercises_ended`` says which
    exercises already have an end. ``exercise_id`` is None (and ``rep`` 1) when
    no repeat was stored yet.
    """

    session_id: str
    started_at: datetime
    gate_open: bool  # strengthening was offered when it started
    gate_reasons: tuple[str, ...]
    cadence: str
    last_repeat: RepeatDone | None  # the last repeat stored, as the engine recorded it
    exercise_id: str | None
    side_index: int  # 0 for an exercise done once, as in the engine
    rep: int  # 1-based, per side
    opening_done: bool  # the opening check-in is stored
    breathing_done: bool
    exercises_ended: tuple[str, ...]  # in the order they ended
    active_s: float  # the latest t stored: the resumed session's clock carries on from here


@dataclass(frozen=True)
class PlanRow:
    """A plan put in force (docs/ARCHITECTURE.md §13); ``body`` None is the standard program."""

    id: int
    at: datetime
    source: str  # "standard", "editor", "file" or "previous"
    body: str | None  # the plan as JSON


@dataclass(frozen=True)
class PsfsRound:
    """One PSFS rating: up to five activities, each 0 (unable) to 10 (as before)."""

    id: int
    at: datetime
    scores: tuple[tuple[str, int], ...]  # (activity, rating), in the person's order

    @property
    def mean(self) -> float:
        return sum(r for _, r in self.scores) / len(self.scores)


@dataclass(frozen=True)
class LegPainRow:
    session_id: str
    day: date
    kind: str  # "before" or "after"
    rating: int


@dataclass(frozen=True)
class HurtRow:
    """One "this hurts" press: when, on which exercise, and the rating given."""

    session_id: str
    started_at: datetime  # the session's start (its day and time in the weekly report)
    exercise_id: str
    rating: int | None  # None: ended without a number (the rules count it as too much)
