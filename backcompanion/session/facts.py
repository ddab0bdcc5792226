"""The facts about past sessions that the rules read.

The store builds these from its tables (``history.Store.session_facts``); the
rules in ``session.rules`` only ever see these plain values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class SessionFacts:
    session_id: str
    started_at: datetime  # timezone-aware local wall-clock time at the start
    outcome: str  # "done", "stopped", "partial" or "open" (still running / interrupted)
    opening: int | None  # opening pain 0-10
    closing: int | None  # closing pain 0-10
    stretch_reps_planned: int
    stretch_reps_done: int
    holds: dict[str, int] = field(default_factory=dict)  # exercise id -> hold offered at (s)
    # exercise id -> (repeats planned, repeats done), all sides, for the exercises in holds:
    # whether it was done at that hold (session.completion.exercise_done) for the hold rule
    reps: dict[str, tuple[int, int]] = field(default_factory=dict)
    max_pain: int | None = None  # highest rating reported during the session
    hurt: bool = False  # "this hurts" or a Painful effort rating during the session
    # each "this hurts": (exercise id, 0-10 rating or None: ended unrated, counted as too much)
    hurts: tuple[tuple[str, int | None], ...] = ()

    def hurt_too_much(self, limit: int) -> frozenset[str]:
        """The exercises that hurt above ``limit`` (or unrated) in this session."""
        return frozenset(e for e, r in self.hurts if r is None or r > limit)

    @property
    def day(self) -> date:
        return self.started_at.date()

    @property
    def stretch_ratio(self) -> float:
        if self.stretch_reps_planned <= 0:
            return 0.0
        return self.stretch_reps_done / self.stretch_reps_planned


@dataclass(frozen=True)
class RedFlagCheck:
    at: datetime
    ticked: tuple[int, ...]  # numbers 1-16 of resources/safety.yaml; empty = none
    kind: str = "weekly"  # "weekly": the full check; "daily": "anything new today?"


@dataclass(frozen=True)
class Clearance:
    at: datetime  # when the user recorded that a clinician cleared them
    note: str = ""
    who: str = ""  # who cleared them, as the user wrote it (self-reported)
    on: date | None = None  # the day they were cleared, as the user gave it


@dataclass(frozen=True)
class SafetyFacts:
    last_check: RedFlagCheck | None  # the last weekly (full) check
    last_clearance: Clearance | None
    # every check, weekly or daily, of the last two days: today's emergency and urgent flags
    recent_checks: tuple[RedFlagCheck, ...] = ()
    # flags ticked at a weekly check before a clearance: a cleared lifelong history item
    cleared_flags: tuple[int, ...] = ()

    def blocking_flags(self) -> tuple[int, ...]:
        """Red flags ticked at the last check and not cleared by a clinician since."""
        if self.last_check is None or not self.last_check.ticked:
            return ()
        if self.last_clearance and self.last_clearance.at >= self.last_check.at:
            return ()
        return self.last_check.ticked
