"""The flow through one session: its state, and what each event and each phase end does.

:class:`SessionFlow` is the inside of :class:`~backcompanion.session.engine.SessionEngine`:
the engine looks an event up in the transition table (``session.engine_table``)
and calls the handler it names here (``on_*``), and it calls :meth:`SessionFlow.advance`
with the clock's time. Every handler sets the new state. Position in the plan
is a :class:`~backcompanion.session.cursor.Cursor`, time a
:class:`~backcompanion.session.timing.PhaseTimer`, and what happened goes out
through a :class:`~backcompanion.session.record_emitter.RecordEmitter`.

Every timed phase has a scheduled end; :meth:`SessionFlow.advance` ends every
phase whose end has passed and starts each next phase at the previous phase's
*scheduled* end, not at "now", so a late, early or irregular display timer
never shifts the schedule.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import datetime

from backcompanion.i18n import translate
from backcompanion.program import Exercise
from backcompanion.session.cursor import Cursor
from backcompanion.session.plan import SessionPlan, StepPlan
from backcompanion.session.record_emitter import RecordEmitter
from backcompanion.session.records import Effort, ExerciseOutcome, SessionOutcome
from backcompanion.session.resume import ResumePoint
from backcompanion.session.states import EXERCISING, TIMED, PauseReason, State, Step
from backcompanion.session.timing import PhaseTimer


class SessionFlow:
    """The state of one session and every move through it. Only the engine drives it."""

    def __init__(
        self,
        plan: SessionPlan,
        wall: Callable[[], datetime],
        timer: PhaseTimer,
        session_id: str | None,
        gate_pause_s: float,
        day_planner: Callable[[SessionPlan, int], SessionPlan] | None = None,
    ):
        self.plan = plan
        self.day_planner = day_planner  # today's plan from the opening rating (rules.day)
        self.gate_pause_s = gate_pause_s
        self._wall = wall
        self.timer = timer
        self.cursor = Cursor(plan)
        self.log = RecordEmitter(timer, session_id)
        self.state = State.IDLE
        self.live = State.IDLE  # the last working state: where resume returns, what a stop ends
        self.started_at: datetime | None = None
        self.paused_reason: PauseReason | None = None
        self.effort_for: Exercise | None = None  # the exercise that may be rated now
        self.offer: tuple[int, StepPlan] | None = None  # (slot, easier version)

    @property
    def session_id(self) -> str | None:
        return self.log.session_id

    # ---- time ----

    def advance(self, now: float) -> bool:
        """End every phase whose scheduled end is not after ``now``, each at that end."""
        changed = False
        timer = self.timer
        while self.state in TIMED and now >= timer.end:
            self._finish_phase(timer.end)
            changed = True
        timer.now = max(timer.now, now)
        return changed

    def pause_at(self, at: float, reason: PauseReason) -> None:
        self.timer.frozen_at = at
        self.paused_reason = reason
        self._set(State.PAUSED)

    def _finish_phase(self, at: float) -> None:
        """The current timed phase reached its scheduled end ``at``: move on from there."""
        cursor = self.cursor
        if self.state is State.BREATHING:
            self._record_breathing(at, finished=True)
            self._after_breathing(at)
        elif self.state is State.GATE:
            self._leave_gate(at)
        elif cursor.step is Step.HOLD:
            cursor.reps_done += 1
            sp = cursor.current
            side = cursor.side if sp.exercise.sides else None
            self.log.repeat_done(at, sp, side, cursor.rep, at - self.timer.start)
            self._next_repeat(at)
        else:
            self._start_hold(at)

    # ---- the flow through a session ----

    def _set(self, state: State) -> None:
        self.state = state
        if state not in (State.PAUSED, State.STOPPED):
            self.live = state

    def _record_breathing(self, at: float, finished: bool) -> None:
        cadence, timer = self.plan.cadence, self.timer
        seconds = timer.duration if finished else at - timer.start
        breaths = cadence.breaths if finished else int(seconds // cadence.breath_s)
        self.log.breathing_done(at, breaths, seconds, cadence.label)

    def _after_breathing(self, at: float) -> None:
        if self.plan.day == "breathing_only":
            self.cursor.leave_exercises()
            self._set(State.FLARE_UP)
            self.timer.untimed()
        else:
            self._enter_section(at, State.STRETCHING)

    def set_plan(self, plan: SessionPlan) -> None:
        """Today's plan, once the opening rating is known (before any exercise began)."""
        self.plan = plan
        self.cursor.plan = plan

    def _enter_section(self, at: float, section: State) -> None:
        self.cursor.enter_section(section)
        self._set(section)
        self._enter_slot(at)

    def _enter_slot(self, at: float) -> None:
        """Begin the exercise at the cursor's slot, or leave the section when none is left."""
        if self.cursor.slot_left:
            self._begin_exercise(at)
        elif self.cursor.section is State.STRETCHING:
            self._enter_gate(at)
        else:
            self._enter_check_in_after()

    def _begin_exercise(self, at: float, side: int = 0, rep: int = 1, reps_done: int = 0) -> None:
        self.cursor.begin_exercise(side, rep, reps_done)
        self._lead_in(at, Step.GET_READY)

    def _lead_in(self, at: float, step: Step) -> None:
        self.cursor.step = step
        plan = self.plan
        if step is Step.GET_READY:
            self.timer.begin(at, plan.get_ready_s)
        else:
            self.timer.begin(at, self.cursor.current.rest_s(plan.release_s))

    def _start_hold(self, at: float) -> None:
        # The effort rating and the easier offer belong to the pause between exercises.
        self.effort_for = None
        self.offer = None
        self.cursor.step = Step.HOLD
        self.timer.begin(at, self.cursor.current.hold_s)

    def _next_repeat(self, at: float) -> None:
        cursor = self.cursor
        lead_in = cursor.next_repeat()
        if lead_in is not None:
            self._lead_in(at, lead_in)
            return
        finished = cursor.reps_done >= cursor.current.total_reps
        outcome = ExerciseOutcome.DONE if finished else ExerciseOutcome.SKIPPED
        self._end_exercise(at, outcome, rate=cursor.reps_done > 0)
        cursor.index += 1
        self._enter_slot(at)

    def _end_exercise(self, at: float, outcome: ExerciseOutcome, rate: bool = False) -> None:
        sp = self.cursor.current
        self.log.exercise_ended(at, sp, outcome, self.cursor.reps_done)
        self.effort_for = sp.exercise if rate else None

    def _enter_gate(self, at: float) -> None:
        self.cursor.leave_exercises()
        self._set(State.GATE)
        self.log.gate_shown(at, self.plan)
        self.timer.begin(at, self.gate_pause_s)

    def _leave_gate(self, at: float) -> None:
        if self.plan.gate_open:
            self._enter_section(at, State.STRENGTHENING)
            return
        for sp in self.plan.strength:
            self.log.exercise_ended(at, sp, ExerciseOutcome.LOCKED, 0)
        self._enter_check_in_after()

    def _enter_check_in_after(self) -> None:
        self.cursor.leave_exercises()
        self._set(State.CHECK_IN_AFTER)
        self.timer.untimed()

    # ---- event handlers (named in engine_table.TRANSITIONS; each sets the new state) ----

    def on_start(self, now: float) -> None:
        self.timer.t0 = now
        self.started_at = self._wall()
        if self.log.session_id is None:
            self.log.session_id = uuid.uuid4().hex
        self._set(State.CHECK_IN_BEFORE)
        self.log.session_started(self.started_at, self.plan, now)

    def on_opening_check_in(self, now: float, rating: int, note: str = "") -> None:
        rating = _rating(rating)
        self.log.check_in(now, "before", rating, _note(note))
        if self.day_planner is not None:
            self.set_plan(self.day_planner(self.plan, rating))
        self._set(State.BREATHING)
        self.timer.begin(now, self.plan.cadence.total_s)

    def on_end_breathing(self, now: float) -> None:
        self._record_breathing(now, finished=False)
        self._after_breathing(now)

    def on_leave_flare_up(self, now: float) -> None:
        self._enter_check_in_after()

    def on_start_hold(self, now: float) -> None:
        self._start_hold(now)

    def on_skip_repeat(self, now: float) -> None:
        self.offer = None
        self._next_repeat(now)

    def on_skip_exercise(self, now: float) -> None:
        self.offer = None
        self._end_exercise(now, ExerciseOutcome.SKIPPED)
        self.cursor.index += 1
        self._enter_slot(now)

    def on_previous(self, now: float) -> None:
        """In the first repeat of an exercise: the start of the one before; else restart this one.

        Like a music player's "previous". It stays inside the section: the first
        stretch (or strength exercise) restarts itself. Nothing is recorded: the
        exercise left is not over, it comes round again.
        """
        self.offer = None
        self.effort_for = None
        cursor = self.cursor
        if cursor.side == 0 and cursor.rep == 1 and cursor.index > 0:
            cursor.index -= 1
        self._begin_exercise(now)

    def on_too_hard(self, now: float) -> None:
        """Strength exercise with an easier version: switch to it. Anything else: skip it."""
        cursor = self.cursor
        easier = None
        if cursor.section is State.STRENGTHENING:
            easier = self.plan.easier.get(cursor.current.exercise.id)
        if easier is None:
            self.on_skip_exercise(now)
            return
        self.offer = None
        self._end_exercise(now, ExerciseOutcome.EASIER)
        cursor.swapped[cursor.current.exercise.id] = easier
        self._begin_exercise(now)

    def on_this_hurts(self, now: float, rating: int | None = None) -> None:
        if rating is not None:
            rating = _rating(rating)
        self.offer = None
        cursor = self.cursor
        sp = cursor.current
        self.log.pain_reported(now, sp.exercise.id, rating)
        self._end_exercise(now, ExerciseOutcome.HURT)
        # above the limit, or stopped with no number: no strengthening in this session
        too_much = rating is None or rating > self.plan.strength_pain_stop
        if too_much and self.plan.gate_open:
            text = translate(
                "SessionFlow", "An exercise hurt too much today: no strengthening this session."
            )
            self.set_plan(dataclasses.replace(self.plan, gate_open=False, gate_reasons=(text,)))
        if too_much and cursor.section is State.STRENGTHENING:
            self._enter_check_in_after()
            return
        cursor.index += 1
        self._enter_slot(now)

    def on_take_easier(self, now: float) -> None:
        index, easier = self.offer
        self.offer = None
        cursor = self.cursor
        cursor.swapped[cursor.steps[index].exercise.id] = easier
        cursor.index = index
        self._set(State.STRENGTHENING)
        self._begin_exercise(now)

    def on_rate_effort(self, now: float, effort: Effort) -> None:
        effort = Effort(effort)
        exercise, self.effort_for = self.effort_for, None
        self.log.effort_rated(now, exercise.id, effort)
        if effort is Effort.PAINFUL:
            self.log.pain_reported(now, exercise.id, None)

    def on_leave_gate(self, now: float) -> None:
        self._leave_gate(now)

    def on_closing_check_in(self, now: float, rating: int, note: str = "") -> None:
        self.log.check_in(now, "after", _rating(rating), _note(note))
        self.effort_for = None
        self.offer = None
        self._set(State.DONE)
        self.log.session_ended(now, SessionOutcome.DONE)

    def on_pause(self, now: float) -> None:
        self.pause_at(now, PauseReason.USER)

    def on_resume(self, now: float) -> None:
        self.timer.thaw(now)
        self.paused_reason = None
        self._set(self.live)

    def on_stop(self, now: float) -> None:
        """End early; what was done is already recorded, plus how the current part ended."""
        at = self.timer.frozen_at if self.state is State.PAUSED else now
        if self.live is State.BREATHING:
            self._record_breathing(at, finished=False)
        elif self.live in EXERCISING:
            self._end_exercise(at, ExerciseOutcome.STOPPED)
        self.effort_for = None
        self.offer = None
        self.timer.frozen_at = at
        self.paused_reason = None
        self._set(State.STOPPED)
        self.log.session_ended(at, SessionOutcome.STOPPED)

    # ---- resuming after a crash ----

    def restore(self, point: ResumePoint) -> None:
        """Start paused at the get_ready of the repeat ``point`` names; breathing is behind us."""
        if self.log.session_id not in (None, point.session_id):
            raise ValueError("session_id and resume.session_id differ")
        self.log.session_id = point.session_id
        self.started_at = point.started_at
        now = self.timer.now
        self.timer.t0 = now - point.active_s
        cursor = self.cursor
        section, index, easier = cursor.locate(point.exercise_id)
        cursor.enter_section(section)
        cursor.index = index
        if easier is not None:
            cursor.swapped[cursor.steps[index].exercise.id] = easier
        sp = cursor.slot(index)
        if not 0 <= point.side_index < max(1, len(sp.sides)) or not 1 <= point.rep <= sp.reps:
            raise ValueError(f"{sp.exercise.id} has no side {point.side_index} repeat {point.rep}")
        self._set(section)
        done_before = point.side_index * sp.reps + point.rep - 1
        self._begin_exercise(now, point.side_index, point.rep, done_before)
        self.pause_at(now, PauseReason.RESTORED)


def _rating(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"a pain rating is a whole number from 0 to 10, not {value!r}")
    return value


def _note(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"a note is text, not {value!r}")
    return value
