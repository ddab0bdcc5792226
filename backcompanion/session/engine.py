"""The session engine: one object owns a whole session, from the opening check-in to the end.

Widgets observe it (plain callbacks), send it events (:meth:`SessionEngine.send`)
and read an immutable :class:`Snapshot`; none keeps its own idea of where we are
(DESIGN 2). It is written by hand: the states are an enum, every allowed move
sits in one table, :data:`TRANSITIONS`, guards are plain functions, and a move
that is not in the table raises :class:`InvalidTransition`. No Qt, so the tests
walk every (state, event) pair in milliseconds.

Time (DESIGN 3) enters only through the injected monotonic clock, and the engine
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
"""

from __future__ import annotations

import enum
import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from backcompanion.program import Exercise
from backcompanion.session.breathing import BreathState, breath_position
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


class State(enum.StrEnum):
    IDLE = "idle"
    CHECK_IN_BEFORE = "check_in_before"
    BREATHING = "breathing"
    STRETCHING = "stretching"
    GATE = "gate"
    STRENGTHENING = "strengthening"
    CHECK_IN_AFTER = "check_in_after"
    DONE = "done"
    PAUSED = "paused"
    STOPPED = "stopped"


class Step(enum.StrEnum):
    """Where we are inside one repeat of an exercise."""

    GET_READY = "get_ready"
    HOLD = "hold"
    RELEASE = "release"


class Event(enum.StrEnum):
    START = "start"
    CHECK_IN = "check_in"  # payload: rating (int 0-10), note (str, optional)
    PAUSE = "pause"
    RESUME = "resume"
    SKIP_REPEAT = "skip_repeat"
    SKIP_EXERCISE = "skip_exercise"
    PREVIOUS = "previous"
    STOP = "stop"
    TOO_HARD = "too_hard"
    THIS_HURTS = "this_hurts"  # payload: rating (int 0-10 or None, optional)
    CONTINUE = "continue"
    RATE_EFFORT = "rate_effort"  # payload: effort (Effort)
    TAKE_EASIER = "take_easier"  # accept the easier version offered after "this hurts"


class PauseReason(enum.StrEnum):
    USER = "user"
    SUSPEND = "suspend"  # the machine slept; the UI noticed the clocks part
    RESTORED = "restored"  # a session picked up again after a crash


class InvalidTransition(Exception):
    """An event the current state does not accept (or whose guard says not now)."""

    def __init__(self, state: State, event: Event):
        self.state, self.event = state, event
        super().__init__(f"the event {event.value!r} is not allowed in the state {state.value!r}")


_TIMED = frozenset({State.BREATHING, State.STRETCHING, State.GATE, State.STRENGTHENING})
_EXERCISING = frozenset({State.STRETCHING, State.STRENGTHENING})


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
    side_index: int | None  # None for exercises done once
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


Handler = Callable[..., None]
Guard = Callable[["SessionEngine"], bool]


@dataclass(frozen=True)
class Move:
    """One allowed (state, event) move: where it may land, what it does, when it is allowed."""

    to: frozenset[State]
    do: Handler  # called as do(engine, now, **payload); sets the new state
    guard: Guard | None = None

    def allowed(self, engine: SessionEngine) -> bool:
        return self.guard is None or self.guard(engine)


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
    ):
        if gate_pause_s < 0:
            raise ValueError("gate_pause_s must not be negative")
        self.plan = plan
        self.gate_pause_s = float(gate_pause_s)
        self._clock = clock
        self._wall = wall
        self._listeners: list[Callable[[], None]] = []
        self._recorders: list[Callable[[Record], None]] = []
        self._now = clock()  # the time of the last update, event or suspend check
        self._state = State.IDLE
        self._live = State.IDLE  # the last working state: where resume returns, what a stop ends
        self._session_id = session_id
        self._started_at: datetime | None = None
        self._t0 = self._now  # monotonic time of active second 0; set at start
        self._paused_total = 0.0
        self._frozen_at: float | None = None  # when the session was paused or stopped
        self._paused_reason: PauseReason | None = None
        # the current timed phase, on the monotonic clock; None between timed phases
        self._start: float | None = None
        self._end: float | None = None
        self._duration = 0.0
        # the current exercise: which section, which slot, which side and repeat
        self._section = State.STRETCHING
        self._steps: tuple[StepPlan, ...] = ()
        self._index = 0
        self._current: StepPlan | None = None
        self._step: Step | None = None
        self._side = 0
        self._rep = 1
        self._reps_done = 0
        self._swapped: dict[str, StepPlan] = {}  # exercise id -> the easier version chosen
        self._effort_for: Exercise | None = None
        self._offer: tuple[int, StepPlan] | None = None  # (slot, easier version)
        g, r = plan.get_ready_s, plan.release_s
        self._lengths = {
            State.STRETCHING: [_planned_length(s, g, r) for s in plan.stretches],
            State.STRENGTHENING: [_planned_length(s, g, r) for s in plan.strength],
        }
        self._planned_total = (
            plan.cadence.total_s
            + sum(self._lengths[State.STRETCHING])
            + self.gate_pause_s
            + (sum(self._lengths[State.STRENGTHENING]) if plan.gate_open else 0.0)
        )
        if resume is not None:
            self._restore(resume)

    # ---- the outside: observers, events, time ----

    @property
    def state(self) -> State:
        return self._state

    @property
    def session_id(self) -> str | None:
        return self._session_id

    def add_listener(self, callback: Callable[[], None]) -> None:
        """``callback()`` runs after every change: an event, a phase ending, a pause."""
        self._listeners.append(callback)

    def add_recorder(self, callback: Callable[[Record], None]) -> None:
        """``callback(record)`` runs the moment a thing happens, so the store commits it at once."""
        self._recorders.append(callback)

    def send(self, event: Event, **payload: object) -> None:
        """Apply one event at the clock's current time; raises InvalidTransition if not allowed.

        Time is brought up to date first, so the event applies to the phase that
        is really running now, even when the display timer is late.
        """
        now = self._clock()
        changed = self._advance(now)
        try:
            move = TRANSITIONS.get((self._state, event))
            if move is None or not move.allowed(self):
                raise InvalidTransition(self._state, event)
            move.do(self, now, **payload)
            assert self._state in move.to, f"{event} landed in {self._state}, not in the table"
            changed = True
            self._advance(now)  # a zero-length phase passes at once
        finally:
            if changed:
                self._notify()

    def allowed_events(self) -> frozenset[Event]:
        return frozenset(
            e for e in Event if (m := TRANSITIONS.get((self._state, e))) and m.allowed(self)
        )

    def update(self) -> bool:
        """Catch up with the clock; True when a phase ended. Call it from the display timer."""
        changed = self._advance(self._clock())
        if changed:
            self._notify()
        return changed

    def next_deadline(self) -> float | None:
        """Monotonic time of the next change on screen (a whole second shown, a phase end).

        None when nothing moves (idle, check-ins, paused, done, stopped), so an
        idle window does not wake up. Always later than the last update.
        """
        if self._state not in _TIMED:
            return None
        now, end = self._now, self._end
        deadline = end - (math.ceil(end - now) - 1)
        if self._state is State.BREATHING:
            breath = breath_position(self.plan.cadence, now - self._start)
            deadline = min(deadline, now + breath.until_change)
        return deadline if deadline > now else math.nextafter(now, math.inf)

    def suspend_detected(self, gap_s: float) -> None:
        """The machine slept for about ``gap_s`` seconds: pause at the moment before the gap.

        That moment is the last time the engine was told the time (the display
        timer runs every second), or ``now - gap_s`` when the monotonic clock
        counted the sleep. The snapshot then says ``paused_reason == "suspend"``.
        """
        now = self._clock()
        before_gap = min(now, max(self._now, now - gap_s))
        changed = self._advance(before_gap)
        if self._state in _TIMED:
            self._pause_at(before_gap, PauseReason.SUSPEND)
            changed = True
        self._now = max(self._now, now)
        if changed:
            self._notify()

    def breath_at(self, now: float) -> BreathState | None:
        """The breath at monotonic ``now``, for the pacer's per-frame drawing.

        None when not breathing. Pure: it moves nothing. Frozen while paused.
        """
        if self._live is not State.BREATHING or self._start is None:
            return None
        at = self._frozen_at if self._frozen_at is not None else now
        return breath_position(self.plan.cadence, at - self._start)

    def snapshot(self) -> Snapshot:
        """The session as of the last update or event (pure: it moves nothing)."""
        live = self._live
        at = self._frozen_at if self._frozen_at is not None else self._now
        plan = self.plan
        exercise = step_plan = index = count = rep = reps = side = side_label = breath = None
        step = self._step if live in _EXERCISING else None
        if live is State.BREATHING:
            breath = breath_position(plan.cadence, at - self._start)
            exercise, index, count = plan.breathing, 0, 1
            rep, reps = breath.breath_index + 1, plan.cadence.breaths
        elif live in _EXERCISING:
            step_plan = self._current
            exercise, index, count = step_plan.exercise, self._index, len(self._steps)
            rep, reps = self._rep, step_plan.reps
            if step_plan.exercise.per_side:
                side, side_label = self._side, step_plan.sides[self._side]
        timed = live in _TIMED and self._end is not None
        remaining = max(0.0, self._end - at) if timed else 0.0
        return Snapshot(
            state=self._state,
            paused_from=live if self._state is State.PAUSED else None,
            paused_reason=self._paused_reason if self._state is State.PAUSED else None,
            session_id=self._session_id,
            started_at=self._started_at,
            step=step,
            exercise=exercise,
            step_plan=step_plan,
            exercise_index=index,
            exercise_count=count,
            rep=rep,
            reps=reps,
            side_index=side,
            side_label=side_label,
            switching_side=step is Step.GET_READY and self._side > 0 and self._rep == 1,
            remaining_s=remaining,
            phase_duration_s=self._duration if timed else 0.0,
            countdown=math.ceil(remaining),
            breath=breath,
            session_progress=self._progress(live, at),
            next_exercise=self._next_up(live),
            gate_open=plan.gate_open,
            gate_reasons=plan.gate_reasons,
            exhale_cue=step is Step.HOLD and live is State.STRETCHING and exercise.exhale_cue,
            offer_easier=self._offer[1].exercise if self._offer else None,
            last_finished_exercise=self._effort_for,
            allowed_events=self.allowed_events(),
        )

    # ---- time ----

    def _advance(self, now: float) -> bool:
        """End every phase whose scheduled end is not after ``now``, each at that end."""
        changed = False
        while self._state in _TIMED and now >= self._end:
            self._finish_phase(self._end)
            changed = True
        self._now = max(self._now, now)
        return changed

    def _begin(self, at: float, duration: float) -> None:
        self._start, self._duration, self._end = at, float(duration), at + duration

    def _untimed(self) -> None:
        self._start = self._end = None
        self._duration = 0.0

    def _t(self, at: float) -> float:
        """Active seconds since the session started (pauses left out), for the records."""
        return at - self._t0 - self._paused_total

    def _finish_phase(self, at: float) -> None:
        """The current timed phase reached its scheduled end ``at``: move on from there."""
        if self._state is State.BREATHING:
            self._record_breathing(at, finished=True)
            self._enter_section(at, State.STRETCHING)
        elif self._state is State.GATE:
            self._leave_gate(at)
        elif self._step is Step.HOLD:
            self._reps_done += 1
            sp = self._current
            self._record(
                RepeatDone(
                    session_id=self._session_id,
                    t=self._t(at),
                    exercise_id=sp.exercise.id,
                    side=self._side if sp.exercise.per_side else None,
                    rep=self._rep,
                    hold_s=sp.hold_s,
                    held_s=at - self._start,
                )
            )
            self._next_repeat(at)
        else:
            self._start_hold(at)

    # ---- the flow through a session ----

    def _set(self, state: State) -> None:
        self._state = state
        if state not in (State.PAUSED, State.STOPPED):
            self._live = state

    def _record(self, record: Record) -> None:
        for callback in self._recorders:
            callback(record)

    def _notify(self) -> None:
        for callback in self._listeners:
            callback()

    def _record_breathing(self, at: float, finished: bool) -> None:
        cadence = self.plan.cadence
        seconds = self._duration if finished else at - self._start
        breaths = cadence.breaths if finished else int(seconds // cadence.breath_s)
        self._record(BreathingDone(self._session_id, self._t(at), breaths, seconds, cadence.label))

    def _enter_section(self, at: float, section: State) -> None:
        self._section = section
        self._steps = self.plan.stretches if section is State.STRETCHING else self.plan.strength
        self._index = 0
        self._set(section)
        self._enter_slot(at)

    def _slot(self, index: int) -> StepPlan:
        base = self._steps[index]
        return self._swapped.get(base.exercise.id, base)

    def _enter_slot(self, at: float) -> None:
        """Begin the exercise at ``self._index``, or leave the section when none is left."""
        if self._index < len(self._steps):
            self._begin_exercise(at)
        elif self._section is State.STRETCHING:
            self._enter_gate(at)
        else:
            self._enter_check_in_after()

    def _begin_exercise(self, at: float, side: int = 0, rep: int = 1, reps_done: int = 0) -> None:
        self._current = self._slot(self._index)
        self._side, self._rep, self._reps_done = side, rep, reps_done
        self._lead_in(at, Step.GET_READY)

    def _lead_in(self, at: float, step: Step) -> None:
        self._step = step
        self._begin(at, self.plan.get_ready_s if step is Step.GET_READY else self.plan.release_s)

    def _start_hold(self, at: float) -> None:
        # The effort rating and the easier offer belong to the pause between exercises.
        self._effort_for = None
        self._offer = None
        self._step = Step.HOLD
        self._begin(at, self._current.hold_s)

    def _next_repeat(self, at: float) -> None:
        sp = self._current
        if self._rep < sp.reps:
            self._rep += 1
            self._lead_in(at, Step.RELEASE)
        elif self._side + 1 < len(sp.sides):
            self._side, self._rep = self._side + 1, 1
            self._lead_in(at, Step.GET_READY)
        else:
            finished = self._reps_done >= sp.total_reps
            outcome = ExerciseOutcome.DONE if finished else ExerciseOutcome.SKIPPED
            self._end_exercise(at, outcome, rate=self._reps_done > 0)
            self._index += 1
            self._enter_slot(at)

    def _end_exercise(self, at: float, outcome: ExerciseOutcome, rate: bool = False) -> None:
        sp = self._current
        self._record(
            ExerciseEnded(
                session_id=self._session_id,
                t=self._t(at),
                exercise_id=sp.exercise.id,
                outcome=outcome,
                reps_planned=sp.total_reps,
                reps_done=self._reps_done,
                hold_s=sp.hold_s,
            )
        )
        self._effort_for = sp.exercise if rate else None

    def _enter_gate(self, at: float) -> None:
        self._current, self._step = None, None
        self._set(State.GATE)
        plan = self.plan
        self._record(GateShown(self._session_id, self._t(at), plan.gate_open, plan.gate_reasons))
        self._begin(at, self.gate_pause_s)

    def _leave_gate(self, at: float) -> None:
        if self.plan.gate_open:
            self._enter_section(at, State.STRENGTHENING)
            return
        for sp in self.plan.strength:
            self._record(
                ExerciseEnded(
                    session_id=self._session_id,
                    t=self._t(at),
                    exercise_id=sp.exercise.id,
                    outcome=ExerciseOutcome.LOCKED,
                    reps_planned=sp.total_reps,
                    reps_done=0,
                    hold_s=sp.hold_s,
                )
            )
        self._enter_check_in_after()

    def _enter_check_in_after(self) -> None:
        self._current, self._step = None, None
        self._set(State.CHECK_IN_AFTER)
        self._untimed()

    def _pause_at(self, at: float, reason: PauseReason) -> None:
        self._frozen_at = at
        self._paused_reason = reason
        self._set(State.PAUSED)

    # ---- event handlers (named in TRANSITIONS; each sets the new state) ----

    def _on_start(self, now: float) -> None:
        self._t0 = now
        self._started_at = self._wall()
        if self._session_id is None:
            self._session_id = uuid.uuid4().hex
        self._set(State.CHECK_IN_BEFORE)
        plan = self.plan
        self._record(
            SessionStarted(
                self._session_id,
                self._started_at,
                plan.gate_open,
                plan.gate_reasons,
                plan.cadence.label,
            )
        )

    def _on_opening_check_in(self, now: float, rating: int, note: str = "") -> None:
        checked = _rating(rating), _note(note)
        self._record(CheckIn(self._session_id, self._t(now), "before", *checked))
        self._set(State.BREATHING)
        self._begin(now, self.plan.cadence.total_s)

    def _on_end_breathing(self, now: float) -> None:
        self._record_breathing(now, finished=False)
        self._enter_section(now, State.STRETCHING)

    def _on_start_hold(self, now: float) -> None:
        self._start_hold(now)

    def _on_skip_repeat(self, now: float) -> None:
        self._offer = None
        self._next_repeat(now)

    def _on_skip_exercise(self, now: float) -> None:
        self._offer = None
        self._end_exercise(now, ExerciseOutcome.SKIPPED)
        self._index += 1
        self._enter_slot(now)

    def _on_previous(self, now: float) -> None:
        """In the first repeat of an exercise: the start of the one before; else restart this one.

        Like a music player's "previous". It stays inside the section: the first
        stretch (or strength exercise) restarts itself. Nothing is recorded: the
        exercise left is not over, it comes round again.
        """
        self._offer = None
        self._effort_for = None
        if self._side == 0 and self._rep == 1 and self._index > 0:
            self._index -= 1
        self._begin_exercise(now)

    def _on_too_hard(self, now: float) -> None:
        """Strength exercise with an easier version: switch to it. Anything else: skip it."""
        easier = None
        if self._section is State.STRENGTHENING:
            easier = self.plan.easier.get(self._current.exercise.id)
        if easier is None:
            self._on_skip_exercise(now)
            return
        self._offer = None
        self._end_exercise(now, ExerciseOutcome.EASIER)
        self._swapped[self._current.exercise.id] = easier
        self._begin_exercise(now)

    def _on_this_hurts(self, now: float, rating: int | None = None) -> None:
        if rating is not None:
            rating = _rating(rating)
        self._offer = None
        sp = self._current
        self._record(PainReported(self._session_id, self._t(now), sp.exercise.id, rating))
        self._end_exercise(now, ExerciseOutcome.HURT)
        easier = self.plan.easier.get(sp.exercise.id)
        too_much = rating is not None and rating > self.plan.strength_pain_stop
        if self._section is State.STRENGTHENING and too_much and easier is not None:
            self._offer = (self._index, easier)
        self._index += 1
        self._enter_slot(now)

    def _on_take_easier(self, now: float) -> None:
        index, easier = self._offer
        self._offer = None
        self._swapped[self._steps[index].exercise.id] = easier
        self._index = index
        self._set(State.STRENGTHENING)
        self._begin_exercise(now)

    def _on_rate_effort(self, now: float, effort: Effort) -> None:
        effort = Effort(effort)
        exercise, self._effort_for = self._effort_for, None
        t = self._t(now)
        self._record(EffortRated(self._session_id, t, exercise.id, effort))
        if effort is Effort.PAINFUL:
            self._record(PainReported(self._session_id, t, exercise.id, None))

    def _on_leave_gate(self, now: float) -> None:
        self._leave_gate(now)

    def _on_closing_check_in(self, now: float, rating: int, note: str = "") -> None:
        t = self._t(now)
        self._record(CheckIn(self._session_id, t, "after", _rating(rating), _note(note)))
        self._effort_for = None
        self._offer = None
        self._set(State.DONE)
        self._record(SessionEnded(self._session_id, t, SessionOutcome.DONE, t))

    def _on_pause(self, now: float) -> None:
        self._pause_at(now, PauseReason.USER)

    def _on_resume(self, now: float) -> None:
        paused = now - self._frozen_at
        self._paused_total += paused
        self._start += paused
        self._end += paused
        self._frozen_at = None
        self._paused_reason = None
        self._set(self._live)

    def _on_stop(self, now: float) -> None:
        """End early; what was done is already recorded, plus how the current part ended."""
        at = self._frozen_at if self._state is State.PAUSED else now
        if self._live is State.BREATHING:
            self._record_breathing(at, finished=False)
        elif self._live in _EXERCISING:
            self._end_exercise(at, ExerciseOutcome.STOPPED)
        self._effort_for = None
        self._offer = None
        self._frozen_at = at
        self._paused_reason = None
        self._set(State.STOPPED)
        t = self._t(at)
        self._record(SessionEnded(self._session_id, t, SessionOutcome.STOPPED, t))

    # ---- resuming after a crash ----

    def _restore(self, point: ResumePoint) -> None:
        """Start paused at the get_ready of the repeat ``point`` names; breathing is behind us."""
        if self._session_id not in (None, point.session_id):
            raise ValueError("session_id and resume.session_id differ")
        self._session_id = point.session_id
        self._started_at = point.started_at
        self._t0 = self._now - point.active_s
        section, index, easier = self._find(point.exercise_id)
        self._section = section
        self._steps = self.plan.stretches if section is State.STRETCHING else self.plan.strength
        self._index = index
        if easier is not None:
            self._swapped[self._steps[index].exercise.id] = easier
        sp = self._slot(index)
        if not 0 <= point.side_index < max(1, len(sp.sides)) or not 1 <= point.rep <= sp.reps:
            raise ValueError(f"{sp.exercise.id} has no side {point.side_index} repeat {point.rep}")
        self._set(section)
        done_before = point.side_index * sp.reps + point.rep - 1
        self._begin_exercise(self._now, point.side_index, point.rep, done_before)
        self._pause_at(self._now, PauseReason.RESTORED)

    def _find(self, exercise_id: str) -> tuple[State, int, StepPlan | None]:
        for i, sp in enumerate(self.plan.stretches):
            if sp.exercise.id == exercise_id:
                return State.STRETCHING, i, None
        if self.plan.gate_open:
            for i, sp in enumerate(self.plan.strength):
                easier = self.plan.easier.get(sp.exercise.id)
                if sp.exercise.id == exercise_id:
                    return State.STRENGTHENING, i, None
                if easier is not None and easier.exercise.id == exercise_id:
                    return State.STRENGTHENING, i, easier
        raise ValueError(f"cannot resume at {exercise_id!r}: not in this session's plan")

    # ---- what the snapshot shows besides the position ----

    def _progress(self, live: State, at: float) -> float:
        """Share of the planned active time behind us, read from where we are in the plan.

        Position-based, so a skip jumps forward and "previous" steps back; each
        exercise counts for no more than its planned length.
        """
        if live in (State.IDLE, State.CHECK_IN_BEFORE):
            return 0.0
        if live in (State.CHECK_IN_AFTER, State.DONE):
            return 1.0
        breathing = self.plan.cadence.total_s
        stretches = sum(self._lengths[State.STRETCHING])
        elapsed = min(at - self._start, self._duration)
        if live is State.BREATHING:
            done = elapsed
        elif live is State.GATE:
            done = breathing + stretches + elapsed
        else:
            lengths = self._lengths[live]
            before = 0.0 if live is State.STRETCHING else stretches + self.gate_pause_s
            within = min(self._within_exercise(elapsed), lengths[self._index])
            done = breathing + before + sum(lengths[: self._index]) + within
        return max(0.0, min(1.0, done / self._planned_total))

    def _within_exercise(self, elapsed: float) -> float:
        sp, plan = self._current, self.plan
        side_length = _planned_length(sp, plan.get_ready_s, plan.release_s) / max(1, len(sp.sides))
        hold_start = plan.get_ready_s + (self._rep - 1) * (plan.release_s + sp.hold_s)
        if self._step is Step.HOLD:
            into_side = hold_start + elapsed
        else:
            into_side = hold_start - self._duration + elapsed
        return self._side * side_length + into_side

    def _next_up(self, live: State) -> Exercise | None:
        plan = self.plan
        if live in (State.IDLE, State.CHECK_IN_BEFORE):
            return plan.breathing
        if live is State.BREATHING:
            return plan.stretches[0].exercise if plan.stretches else self._first_strength()
        if live is State.GATE:
            return self._first_strength()
        if live in _EXERCISING and self._index + 1 < len(self._steps):
            return self._slot(self._index + 1).exercise
        if live is State.STRETCHING:
            return self._first_strength()
        return None

    def _first_strength(self) -> Exercise | None:
        plan = self.plan
        if not (plan.gate_open and plan.strength):
            return None
        first = plan.strength[0]
        return self._swapped.get(first.exercise.id, first).exercise


def _planned_length(sp: StepPlan, get_ready_s: float, release_s: float) -> float:
    """Seconds one exercise takes when nothing is skipped: per side, get_ready then holds
    with a release before every hold but the first."""
    per_side = get_ready_s + sp.hold_s + (sp.reps - 1) * (release_s + sp.hold_s)
    return per_side * max(1, len(sp.sides))


def _rating(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"a pain rating is a whole number from 0 to 10, not {value!r}")
    return value


def _note(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"a note is text, not {value!r}")
    return value


# ---- guards: plain functions of the engine ----


def _in_lead_in(engine: SessionEngine) -> bool:
    """``continue`` during get_ready or a release starts the hold now; a hold runs its course."""
    return engine._step in (Step.GET_READY, Step.RELEASE)


def _effort_pending(engine: SessionEngine) -> bool:
    return engine._effort_for is not None


def _easier_offered(engine: SessionEngine) -> bool:
    return engine._offer is not None


# ---- every allowed move: (state, event) -> Move(where it may land, handler, guard) ----

_S, _E, _X = State, Event, SessionEngine


def _to(*states: State) -> frozenset[State]:
    return frozenset(states)


_STRETCH_ON = _to(_S.STRETCHING, _S.GATE)  # the last stretch ends in the gate
_STRENGTH_ON = _to(_S.STRENGTHENING, _S.CHECK_IN_AFTER)  # the last one ends in the check-in
_STOP = Move(_to(_S.STOPPED), _X._on_stop)
_PAUSE = Move(_to(_S.PAUSED), _X._on_pause)

TRANSITIONS: dict[tuple[State, Event], Move] = {
    (_S.IDLE, _E.START): Move(_to(_S.CHECK_IN_BEFORE), _X._on_start),
    (_S.CHECK_IN_BEFORE, _E.CHECK_IN): Move(_to(_S.BREATHING), _X._on_opening_check_in),
    (_S.CHECK_IN_BEFORE, _E.STOP): _STOP,
    (_S.BREATHING, _E.CONTINUE): Move(_STRETCH_ON, _X._on_end_breathing),
    (_S.BREATHING, _E.SKIP_EXERCISE): Move(_STRETCH_ON, _X._on_end_breathing),
    (_S.BREATHING, _E.PAUSE): _PAUSE,
    (_S.BREATHING, _E.STOP): _STOP,
    (_S.STRETCHING, _E.CONTINUE): Move(_to(_S.STRETCHING), _X._on_start_hold, _in_lead_in),
    (_S.STRETCHING, _E.SKIP_REPEAT): Move(_STRETCH_ON, _X._on_skip_repeat),
    (_S.STRETCHING, _E.SKIP_EXERCISE): Move(_STRETCH_ON, _X._on_skip_exercise),
    (_S.STRETCHING, _E.PREVIOUS): Move(_to(_S.STRETCHING), _X._on_previous),
    (_S.STRETCHING, _E.TOO_HARD): Move(_STRETCH_ON, _X._on_too_hard),
    (_S.STRETCHING, _E.THIS_HURTS): Move(_STRETCH_ON, _X._on_this_hurts),
    (_S.STRETCHING, _E.RATE_EFFORT): Move(_to(_S.STRETCHING), _X._on_rate_effort, _effort_pending),
    (_S.STRETCHING, _E.PAUSE): _PAUSE,
    (_S.STRETCHING, _E.STOP): _STOP,
    (_S.GATE, _E.CONTINUE): Move(_STRENGTH_ON, _X._on_leave_gate),
    (_S.GATE, _E.RATE_EFFORT): Move(_to(_S.GATE), _X._on_rate_effort, _effort_pending),
    (_S.GATE, _E.PAUSE): _PAUSE,
    (_S.GATE, _E.STOP): _STOP,
    (_S.STRENGTHENING, _E.CONTINUE): Move(_to(_S.STRENGTHENING), _X._on_start_hold, _in_lead_in),
    (_S.STRENGTHENING, _E.SKIP_REPEAT): Move(_STRENGTH_ON, _X._on_skip_repeat),
    (_S.STRENGTHENING, _E.SKIP_EXERCISE): Move(_STRENGTH_ON, _X._on_skip_exercise),
    (_S.STRENGTHENING, _E.PREVIOUS): Move(_to(_S.STRENGTHENING), _X._on_previous),
    (_S.STRENGTHENING, _E.TOO_HARD): Move(_STRENGTH_ON, _X._on_too_hard),
    (_S.STRENGTHENING, _E.THIS_HURTS): Move(_STRENGTH_ON, _X._on_this_hurts),
    (_S.STRENGTHENING, _E.RATE_EFFORT): Move(
        _to(_S.STRENGTHENING), _X._on_rate_effort, _effort_pending
    ),
    (_S.STRENGTHENING, _E.TAKE_EASIER): Move(
        _to(_S.STRENGTHENING), _X._on_take_easier, _easier_offered
    ),
    (_S.STRENGTHENING, _E.PAUSE): _PAUSE,
    (_S.STRENGTHENING, _E.STOP): _STOP,
    (_S.CHECK_IN_AFTER, _E.CHECK_IN): Move(_to(_S.DONE), _X._on_closing_check_in),
    (_S.CHECK_IN_AFTER, _E.RATE_EFFORT): Move(
        _to(_S.CHECK_IN_AFTER), _X._on_rate_effort, _effort_pending
    ),
    (_S.CHECK_IN_AFTER, _E.TAKE_EASIER): Move(
        _to(_S.STRENGTHENING), _X._on_take_easier, _easier_offered
    ),
    (_S.CHECK_IN_AFTER, _E.STOP): _STOP,
    (_S.PAUSED, _E.RESUME): Move(_TIMED, _X._on_resume),
    (_S.PAUSED, _E.STOP): _STOP,
}
