"""Where a session interrupted by a crash picks up (see :class:`ResumePoint`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from backcompanion.session.plan import SessionPlan

if TYPE_CHECKING:  # the records load when a session writes them (start-up time)
    from backcompanion.session.records import RepeatDone


@dataclass(frozen=True)
class ResumePoint:
    """Where a session interrupted by a crash picks up: the repeat to do next.

    The store gives it from the last records of the open session; ``active_s`` is
    the ``t`` of the last record, so the records that follow carry on its clock.
    """

    session_id: str
    started_at: datetime
    exercise_id: str
    side_index: int = 0
    rep: int = 1  # 1-based, per side
    active_s: float = 0.0

    @classmethod
    def after(cls, plan: SessionPlan, last: RepeatDone, started_at: datetime) -> ResumePoint | None:
        """The repeat that follows ``last`` in ``plan``; None when ``last`` was the final one.

        Sides, repeats and exercises follow the engine's own order; an exercise
        done as its easier version (knee plank) continues as the easier version.
        """
        order = [*plan.stretches, *(plan.strength if plan.gate_open else ())]
        for i, base in enumerate(order):
            easier = plan.easier.get(base.exercise.id)
            if last.exercise_id == base.exercise.id:
                done = base
            elif easier is not None and last.exercise_id == easier.exercise.id:
                done = easier
            else:
                continue
            side, rep = last.side or 0, last.rep + 1
            if rep > done.reps:
                side, rep = side + 1, 1
            if side < max(1, len(done.sides)):
                return cls(last.session_id, started_at, done.exercise.id, side, rep, last.t)
            if i + 1 == len(order):
                return None
            return cls(last.session_id, started_at, order[i + 1].exercise.id, 0, 1, last.t)
        raise ValueError(f"the plan has no exercise {last.exercise_id!r}")
