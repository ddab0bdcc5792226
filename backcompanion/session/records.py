"""What the engine reports as it happens, for the store to commit at once.

The engine calls its recorders with these objects; ``history`` writes each one
in its own transaction. ``t`` is active seconds since the session started
(monotonic, pauses excluded); wall-clock dates come from ``started_at`` only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class ExerciseOutcome(enum.StrEnum):
    DONE = "done"  # every planned repeat finished
    SKIPPED = "skipped"  # the user moved on before finishing
    HURT = "hurt"  # "this hurts" (or a Painful effort rating) ended it
    EASIER = "easier"  # "too hard": switched to the easier version
    STOPPED = "stopped"  # the session was stopped during it
    LOCKED = "locked"  # not offered: the gate was closed


class Effort(enum.StrEnum):
    EASY = "easy"
    RIGHT = "right"
    HARD = "hard"
    PAINFUL = "painful"  # counts like "this hurts"


class SessionOutcome(enum.StrEnum):
    DONE = "done"
    STOPPED = "stopped"  # ended early by the user; what was done is kept
    PARTIAL = "partial"  # interrupted (crash, forced quit) and closed later


@dataclass(frozen=True)
class SessionStarted:
    session_id: str  # uuid4 hex, chosen by the engine
    started_at: datetime  # local wall-clock time, timezone-aware
    gate_open: bool
    gate_reasons: tuple[str, ...]
    cadence: str  # e.g. "4-0-6-0"


@dataclass(frozen=True)
class CheckIn:
    session_id: str
    t: float
    kind: str  # "before" or "after"
    rating: int  # 0-10
    note: str = ""


@dataclass(frozen=True)
class BreathingDone:
    session_id: str
    t: float
    breaths: int
    seconds: float
    cadence: str


@dataclass(frozen=True)
class RepeatDone:
    session_id: str
    t: float
    exercise_id: str
    side: int | None  # index into the exercise's sides, None when done once
    rep: int  # 1-based, per side
    hold_s: int  # planned hold
    held_s: float  # measured


@dataclass(frozen=True)
class ExerciseEnded:
    session_id: str
    t: float
    exercise_id: str
    outcome: ExerciseOutcome
    reps_planned: int  # all sides together
    reps_done: int
    hold_s: int


@dataclass(frozen=True)
class EffortRated:
    session_id: str
    t: float
    exercise_id: str
    effort: Effort


@dataclass(frozen=True)
class PainReported:
    """ "This hurts" during an exercise (optionally with a 0-10 rating)."""

    session_id: str
    t: float
    exercise_id: str
    rating: int | None


@dataclass(frozen=True)
class GateShown:
    session_id: str
    t: float
    open: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SessionEnded:
    session_id: str
    t: float
    outcome: SessionOutcome
    active_s: float
    # monotonic seconds from the start to the end, pauses included; None when this
    # engine did not see the start (a resumed session). The end is stored as the start
    # plus this, so a wall clock set back mid-session never ends it before it began.
    elapsed_s: float | None = None


Record = (
    SessionStarted
    | CheckIn
    | BreathingDone
    | RepeatDone
    | ExerciseEnded
    | EffortRated
    | PainReported
    | GateShown
    | SessionEnded
)
