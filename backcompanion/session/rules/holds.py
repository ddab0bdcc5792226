"""Holds and repeats (docs/ARCHITECTURE.md §6): how long each exercise is held next time, how often.

Pure functions of the rules, the exercise and the history.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from backcompanion.program import Exercise
from backcompanion.session.completion import exercise_done
from backcompanion.session.facts import SessionFacts
from backcompanion.session.progression_config import Rules
from backcompanion.session.rules.common import usable
from backcompanion.session.rules.flare import FlareUp, timeline


def hold_for(rules: Rules, exercise: Exercise, facts: Sequence[SessionFacts]) -> int:
    """The hold (seconds) for ``exercise`` in the next session.

    It starts at the low end of the exercise's range. Each time the exercise
    was done in ``holds.sessions_in_a_row`` rated sessions in a row that ended
    with pain of ``holds.max_closing_pain`` or less and no flare-up, the hold
    grows by the exercise's step, up to the top. Done means done at that hold:
    at least ``complete_share`` of its planned repeats (``session.completion``),
    so an exercise offered but skipped (or swapped for its easier version) is
    no evidence either way. A session without an opening rating, or without
    this exercise done, neither counts nor breaks the run; one that ends with
    more pain (or no closing rating) breaks it. A flare-up in
    any session takes every hold one step back (never below the low end) and
    starts the run again: easing off is the safe answer to a flare-up, and
    one step keeps most of the progress.
    """
    return hold_on(rules, exercise, list(timeline(rules, usable(facts))))


def _done_at_hold(rules: Rules, f: SessionFacts, exercise_id: str) -> bool:
    """Whether ``f`` did ``exercise_id`` at the hold it was offered at (not only offered)."""
    if exercise_id not in f.holds:
        return False
    planned, done = f.reps.get(exercise_id, (0, 0))
    return exercise_done(planned, done, rules.complete_share)


def reps_for(rules: Rules, exercise: Exercise, hold: int) -> int:
    """Repeats per side: the program's number, or for child's pose fewer as the hold grows.

    About ``numerator`` seconds in the pose in all: clamp(round(100 / hold), 3, 20),
    with halves rounded up as people expect.
    """
    if not exercise.reps_follow_hold:
        return exercise.reps
    if hold < 1:
        raise ValueError(f"a hold must be at least 1 s, not {hold}")
    r = rules.childs_pose_reps
    return max(r.min, min(r.max, math.floor(r.numerator / hold + 0.5)))


def hold_on(
    rules: Rules, exercise: Exercise, timeline: Sequence[tuple[SessionFacts, FlareUp | None]]
) -> int:
    """:func:`hold_for` on a timeline already read (``rules_flare.timeline``).

    "This hurts" on the exercise (issue 14): above ``too_much`` (or stopped
    with no number) the next session starts it at the low end; any press
    keeps the hold from growing for the next ``holds.hurt_freeze_sessions``
    rated sessions.
    """
    low, high = exercise.hold_s
    step = exercise.hold_step_s
    need, calm = rules.holds.sessions_in_a_row, rules.holds.max_closing_pain
    hold, good, frozen = low, 0, 0
    for f, flare in timeline:
        pressed = [r for e, r in f.hurts if e == exercise.id]
        if pressed:
            if any(r is None or r > rules.too_much for r in pressed):
                hold = low
            elif flare is not None:
                hold = max(low, hold - step)
            good, frozen = 0, rules.holds.hurt_freeze_sessions
            continue
        if f.opening is not None and frozen > 0:
            frozen -= 1
            if flare is not None:
                hold = max(low, hold - step)
            continue
        if flare is not None:
            hold, good = max(low, hold - step), 0
        elif f.opening is None or not _done_at_hold(rules, f, exercise.id):
            continue
        elif f.closing is not None and f.closing <= calm:
            good += 1
            if good == need:
                hold, good = min(high, hold + step), 0
        else:
            good = 0
    return hold
