"""What widgets read from the session engine: an immutable :class:`Snapshot`, and how it is built.

The snapshot is pure: building it moves nothing. The share of the session
done (``session_progress``) is read from where we are in the plan against
its planned length (:class:`PlannedTime`), so a skip jumps forward and
"previous" steps back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from backcompanion.program import Exercise
from backcompanion.session.breathing import BreathState, breath_position
from backcompanion.session.plan import SessionPlan, StepPlan
from backcompanion.session.states import EXERCISING, TIMED, Event, PauseReason, State, Step

if TYPE_CHECKING:
    from backcompanion.session.cursor import Cursor
    from backcompanion.session.flow import SessionFlow
    from backcompanion.session.timing import PhaseTimer


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a widget may show, read at one instant. Immutable: widgets cannot drift.

    While paused (or after a stop) the position fields describe where the session
    was, frozen: ``state`` says paused, ``paused_from`` says where resume returns.
    """

    state: State
    paused_from: State | None
    paused_reason: PauseReason | None
    session_id: str | None
    started_at: datetime | None  # wall clock, read once at start
    step: Step | None  # None outside an exercise
    exercise: Exercise | None  # the breathing step during breathing
    step_plan: StepPlan | None  # the exercise as planned (the easier version once swapped in)
    exercise_index: int | None  # 0-based, within the stretches or the strength exercises
    exercise_count: int | None
    rep: int | None  # 1-based per side; during a release, the repeat it leads into;
    #                  during breathing, the breath number
    reps: int | None  # per side; during breathing, the number of breaths
    side_index: int | None  # None for exercises done once; a plan's one side: its index of two
    side_label: str | None
    switching_side: bool  # the get_ready that announces the change to the second side
    remaining_s: float  # of the current timed phase (the whole breathing step while breathing)
    phase_duration_s: float
    countdown: int  # whole seconds shown: ceil(remaining_s)
    breath: BreathState | None  # during breathing
    session_progress: float  # 0..1 of the planned active time
    next_exercise: Exercise | None  # the one after ``exercise``; during get_ready,
    #                                 ``exercise`` is the one to get ready for
    gate_open: bool
    gate_reasons: tuple[str, ...]
    exhale_cue: bool  # "exhale into the stretch": during the hold of a stretch that asks for it
    offer_easier: Exercise | None  # "this hurts" above the stop rating: the easier version offered
    last_finished_exercise: Exercise | None  # may be given an effort rating now
    allowed_events: frozenset[Event]  # what the buttons may send right now


def take_snapshot(
    flow: SessionFlow, planned: PlannedTime, allowed_events: frozenset[Event]
) -> Snapshot:
    """The session as of the last update or event."""
    live, cursor, timer = flow.live, flow.cursor, flow.timer
    at = timer.at
    plan = flow.plan
    exercise = step_plan = index = count = rep = reps = side = side_label = breath = None
    step = cursor.step if live in EXERCISING else None
    if live is State.BREATHING:
        breath = breath_position(plan.cadence, at - timer.start)
        exercise, index, count = plan.breathing, 0, 1
        rep, reps = breath.breath_index + 1, plan.cadence.breaths
    elif live in EXERCISING:
        step_plan = cursor.current
        exercise, index, count = step_plan.exercise, cursor.index, len(cursor.steps)
        rep, reps = cursor.rep, step_plan.reps
        if step_plan.exercise.sides:  # both sides, or the one side a plan keeps
            side, side_label = cursor.side, step_plan.sides[cursor.side]
            if step_plan.exercise.only_side is not None:  # which of the program's two it is
                side = step_plan.exercise.only_side
    timed = live in TIMED and timer.end is not None
    remaining = max(0.0, timer.end - at) if timed else 0.0
    paused = flow.state is State.PAUSED
    return Snapshot(
        state=flow.state,
        paused_from=live if paused else None,
        paused_reason=flow.paused_reason if paused else None,
        session_id=flow.session_id,
        started_at=flow.started_at,
        step=step,
        exercise=exercise,
        step_plan=step_plan,
        exercise_index=index,
        exercise_count=count,
        rep=rep,
        reps=reps,
        side_index=side,
        side_label=side_label,
        switching_side=step is Step.GET_READY and cursor.side > 0 and cursor.rep == 1,
        remaining_s=remaining,
        phase_duration_s=timer.duration if timed else 0.0,
        countdown=math.ceil(remaining),
        breath=breath,
        session_progress=planned.progress(live, cursor, timer, at),
        next_exercise=cursor.next_up(live),
        gate_open=plan.gate_open,
        gate_reasons=plan.gate_reasons,
        exhale_cue=step is Step.HOLD and live is State.STRETCHING and exercise.exhale_cue,
        offer_easier=flow.offer[1].exercise if flow.offer else None,
        last_finished_exercise=flow.effort_for,
        allowed_events=allowed_events,
    )


class PlannedTime:
    """The planned active time of a session, part by part, and the share of it behind us."""

    def __init__(self, plan: SessionPlan, gate_pause_s: float):
        self.plan = plan
        self.gate_pause_s = gate_pause_s
        g, r = plan.get_ready_s, plan.release_s
        self.lengths = {
            State.STRETCHING: [planned_length(s, g, r) for s in plan.stretches],
            State.STRENGTHENING: [planned_length(s, g, r) for s in plan.strength],
        }
        self.total = (
            plan.cadence.total_s
            + sum(self.lengths[State.STRETCHING])
            + gate_pause_s
            + (sum(self.lengths[State.STRENGTHENING]) if plan.gate_open else 0.0)
        )

    def progress(self, live: State, cursor: Cursor, timer: PhaseTimer, at: float) -> float:
        """Share of the planned active time behind us, read from where we are in the plan.

        Position-based, so a skip jumps forward and "previous" steps back; each
        exercise counts for no more than its planned length.
        """
        if live in (State.IDLE, State.CHECK_IN_BEFORE):
            return 0.0
        if live in (State.CHECK_IN_AFTER, State.DONE, State.FLARE_UP):
            return 1.0  # the flare-up page follows the day's only exercise, the breathing
        breathing = self.plan.cadence.total_s
        stretches = sum(self.lengths[State.STRETCHING])
        elapsed = min(at - timer.start, timer.duration)
        if live is State.BREATHING:
            done = elapsed
        elif live is State.GATE:
            done = breathing + stretches + elapsed
        else:
            lengths = self.lengths[live]
            before = 0.0 if live is State.STRETCHING else stretches + self.gate_pause_s
            within = min(self._within_exercise(cursor, timer, elapsed), lengths[cursor.index])
            done = breathing + before + sum(lengths[: cursor.index]) + within
        return max(0.0, min(1.0, done / self.total))

    def _within_exercise(self, cursor: Cursor, timer: PhaseTimer, elapsed: float) -> float:
        sp, plan = cursor.current, self.plan
        side_length = planned_length(sp, plan.get_ready_s, plan.release_s) / max(1, len(sp.sides))
        hold_start = plan.get_ready_s + (cursor.rep - 1) * (sp.rest_s(plan.release_s) + sp.hold_s)
        if cursor.step is Step.HOLD:
            into_side = hold_start + elapsed
        else:
            into_side = hold_start - timer.duration + elapsed
        return cursor.side * side_length + into_side


def planned_length(sp: StepPlan, get_ready_s: float, release_s: float) -> float:
    """Seconds one exercise takes when nothing is skipped: per side, get_ready then holds
    with a release before every hold but the first."""
    per_side = get_ready_s + sp.hold_s + (sp.reps - 1) * (sp.rest_s(release_s) + sp.hold_s)
    return per_side * max(1, len(sp.sides))
