"""Whether a session counts as done, from what its exercises' records say (no Qt).

One rule, used everywhere a session is counted: the done page, the home
page's count, the calendar, the progress page, the weekly PDF and CSV, and
the strengthening gate (ARCHITECTURE §6).

- An exercise counts as done when at least ``complete_share`` of its planned
  repeats were done (skipped repeats are not done; "too hard" and "this
  hurts" end it with the repeats done so far).
- A session is complete when it ended with its closing check-in (not stopped,
  not interrupted) and at least ``complete_share`` of all its planned repeats
  were done. Anything else that did some of its repeats is partly done.

Exercises not offered (strengthening locked) count for nothing; an exercise
swapped for its easier version ("too hard") counts once, as that easier
version, which has its own record. ``complete_share`` is
``progression.yaml``'s ``complete_share``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backcompanion.session.facts import SessionFacts

__all__ = [
    "Completion",
    "ExerciseTally",
    "exercise_done",
    "session_completion",
    "stretching_counts",
]

# Float slack: 0.8 * 10 is 8.000000000000002 in binary; 8 of 10 repeats is 80 %.
_EPS = 1e-9

# Exercise outcomes that do not count as offered: not offered at all (the gate
# was closed), or replaced by the easier version, which is recorded on its own.
_NOT_COUNTED = frozenset({"locked", "easier"})


@dataclass(frozen=True)
class ExerciseTally:
    """One exercise's end in a session, as the store keeps it."""

    exercise_id: str
    outcome: str  # session.records.ExerciseOutcome's value: done, skipped, hurt, ...
    reps_planned: int  # all sides together
    reps_done: int


@dataclass(frozen=True)
class Completion:
    """What a session did, counted one way for every screen and report."""

    exercises_done: int  # exercises with at least the share of their repeats done
    exercises_offered: int
    reps_done: int
    reps_planned: int
    complete: bool  # ended normally with at least the share of its repeats done

    @property
    def share(self) -> float | None:
        """The share of the planned repeats done, 0-1; None when nothing was planned."""
        return self.reps_done / self.reps_planned if self.reps_planned else None

    @property
    def partly(self) -> bool:
        """Not complete, but some repeats were done."""
        return not self.complete and self.reps_done > 0


def _meets(done: int, planned: int, complete_share: float) -> bool:
    return planned > 0 and done + _EPS >= complete_share * planned


def exercise_done(planned: int, done: int, complete_share: float) -> bool:
    """Whether an exercise with ``done`` of its ``planned`` repeats counts as done."""
    return _meets(min(done, planned), planned, complete_share)


def session_completion(
    status: str,
    exercises: Iterable[ExerciseTally],
    complete_share: float,
    expected: int | None = None,
) -> Completion:
    """Count a session: ``status`` is the session's ("done", "stopped", "partial", "open").

    ``expected``: how many exercises the plan offered, when known (a stopped
    session has no record of the exercises it never reached); at least the
    exercises recorded are counted as offered.
    """
    counted = [e for e in exercises if e.outcome not in _NOT_COUNTED]
    planned = sum(e.reps_planned for e in counted)
    done = sum(min(e.reps_done, e.reps_planned) for e in counted)
    done_exercises = [e for e in counted if _meets(e.reps_done, e.reps_planned, complete_share)]
    return Completion(
        exercises_done=len(done_exercises),
        exercises_offered=max(len(counted), expected or 0),
        reps_done=done,
        reps_planned=planned,
        complete=status == "done" and _meets(done, planned, complete_share),
    )


def stretching_counts(facts: SessionFacts, complete_share: float) -> bool:
    """Whether the strengthening gate counts ``facts`` as a stretching session done.

    The same rule on the session's stretches: ended normally (a stopped or
    interrupted session does not count) with at least ``complete_share`` of
    its stretch repeats done.
    """
    stretches = ExerciseTally(
        "stretches", "done", facts.stretch_reps_planned, facts.stretch_reps_done
    )
    return session_completion(facts.outcome, (stretches,), complete_share).complete
