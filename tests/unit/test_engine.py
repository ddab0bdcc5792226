"""The session engine without Qt: whole sessions on a fake clock, every event, every record."""

import dataclasses
import random
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

from backcompanion.program import builtin_program
from backcompanion.session.breathing import BreathPhase
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import (
    TRANSITIONS,
    Event,
    InvalidTransition,
    PauseReason,
    ResumePoint,
    SessionEngine,
    Snapshot,
    State,
    Step,
)
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan
from backcompanion.session.records import (
    BreathingDone,
    CheckIn,
    Effort,
    EffortRated,
    ExerciseEnded,
    ExerciseOutcome,
    GateShown,
    PainReported,
    RepeatDone,
    SessionEnded,
    SessionOutcome,
    SessionStarted,
)

PROGRAM = builtin_program()
WALL = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
S, E = State, Event
STRETCH_IDS = [e.id for e in PROGRAM.stretches]
STRENGTH_IDS = [e.id for e in PROGRAM.strength]


def small_plan(*, hold=2, reps=2, gate_open=True, breaths=3, strength=None) -> SessionPlan:
    """Short holds and few repeats: a whole session is about two minutes of fake time.

    Per side: get_ready 2 + hold 2 + release 1 + hold 2 = 7 s.
    """

    def step(ex):
        return StepPlan(ex, hold, reps)

    return SessionPlan(
        breathing=PROGRAM.breathing,
        cadence=Cadence(4, 0, 6, 0, breaths),
        stretches=tuple(step(e) for e in PROGRAM.stretches),
        strength=tuple(step(e) for e in (strength or PROGRAM.strength)),
        gate_open=gate_open,
        gate_reasons=("test reason",),
        easier={"plank": step(PROGRAM.by_id("knee_plank"))},
        get_ready_s=2,
        release_s=1,
    )


def full_plan(gate_open=True) -> SessionPlan:
    """The real program: every exercise at the low end of its hold, every repeat."""

    def step(ex):
        return StepPlan(ex, ex.hold_s[0], ex.reps)

    return SessionPlan(
        breathing=PROGRAM.breathing,
        cadence=Cadence(),
        stretches=tuple(step(e) for e in PROGRAM.stretches),
        strength=tuple(step(e) for e in PROGRAM.strength),
        gate_open=gate_open,
        easier={"plank": step(PROGRAM.by_id("knee_plank"))},
    )


class Run:
    """One engine on a fake clock, keeping every record and counting notifications."""

    def __init__(self, plan=None, **kwargs):
        self.plan = plan or small_plan()
        self.clock = FakeClock()
        self.engine = SessionEngine(self.plan, self.clock, lambda: WALL, **kwargs)
        self.records = []
        self.changes = 0
        self.engine.add_recorder(self.records.append)
        self.engine.add_listener(self._changed)

    def _changed(self):
        self.changes += 1

    @property
    def snap(self) -> Snapshot:
        return self.engine.snapshot()

    def send(self, event, **payload) -> Snapshot:
        self.engine.send(event, **payload)
        return self.snap

    def wait(self, seconds) -> Snapshot:
        self.clock.advance(seconds)
        self.engine.update()
        return self.snap

    def tick(self) -> Snapshot:
        """What the UI's one-shot timer does: wake at the next deadline and update."""
        self.clock.advance(self.engine.next_deadline() - self.clock.now)
        self.engine.update()
        return self.snap

    def until(self, done, limit=100_000) -> Snapshot:
        for _ in range(limit):
            snap = self.tick()
            if done(snap):
                return snap
        raise AssertionError("never got there")

    def of(self, kind):
        return [r for r in self.records if isinstance(r, kind)]

    def begin(self) -> Snapshot:
        self.send(E.START)
        return self.send(E.CHECK_IN, rating=3)

    def to_stretching(self) -> Snapshot:
        self.begin()
        return self.send(E.CONTINUE)

    def to_exercise(self, exercise_id) -> Snapshot:
        """Skip ahead to the get_ready of ``exercise_id`` (through an open gate if needed)."""
        snap = self.to_stretching()
        while snap.exercise is None or snap.exercise.id != exercise_id:
            snap = self.send(E.CONTINUE if snap.state is S.GATE else E.SKIP_EXERCISE)
        return snap


def position(snap):
    return (snap.state, snap.step, snap.exercise and snap.exercise.id, snap.side_index, snap.rep)


# ---- a whole session ----


def test_whole_session_walks_every_state_in_order():
    run = Run()
    states = [run.snap.state]
    assert run.engine.next_deadline() is None
    snap = run.send(E.START)
    assert snap.state is S.CHECK_IN_BEFORE
    assert snap.started_at == WALL
    assert run.engine.next_deadline() is None  # nothing moves while waiting for the rating
    states.append(snap.state)
    snap = run.send(E.CHECK_IN, rating=4, note="stiff this morning")
    assert (snap.state, snap.breath.phase, snap.rep, snap.reps) == (S.BREATHING, "inhale", 1, 3)
    states.append(snap.state)
    while snap.state is not S.DONE:
        if snap.state is S.CHECK_IN_AFTER:
            snap = run.send(E.CHECK_IN, rating=2)
        elif snap.state is S.GATE:
            assert snap.gate_reasons == ("test reason",)
            snap = run.send(E.CONTINUE)
        else:
            snap = run.tick()
        if snap.state is not states[-1]:
            states.append(snap.state)
    assert states == [
        S.IDLE,
        S.CHECK_IN_BEFORE,
        S.BREATHING,
        S.STRETCHING,
        S.GATE,
        S.STRENGTHENING,
        S.CHECK_IN_AFTER,
        S.DONE,
    ]
    first, *_, last = run.records
    assert first == SessionStarted(snap.session_id, WALL, True, ("test reason",), "4-0-6-0")
    assert last == SessionEnded(snap.session_id, last.t, SessionOutcome.DONE, last.t, last.t)
    assert [c.kind for c in run.of(CheckIn)] == ["before", "after"]
    assert run.of(CheckIn)[0].note == "stiff this morning"
    assert run.of(BreathingDone) == [BreathingDone(snap.session_id, 30.0, 3, 30.0, "4-0-6-0")]
    ended = run.of(ExerciseEnded)
    assert [e.exercise_id for e in ended] == STRETCH_IDS + STRENGTH_IDS
    assert {e.outcome for e in ended} == {ExerciseOutcome.DONE}
    planned = sum(s.total_reps for s in (*run.plan.stretches, *run.plan.strength))
    assert len(run.of(RepeatDone)) == planned == sum(e.reps_done for e in ended)
    assert len(run.of(GateShown)) == 1
    assert {r.session_id for r in run.records} == {snap.session_id}
    assert snap.session_progress == 1.0
    assert run.snap.allowed_events == frozenset()


def test_hands_free_from_check_in_to_check_in():
    """Nobody touches anything between the two check-ins: time alone carries the session."""
    run = Run()
    run.begin()
    rng = random.Random(7)
    progress = 0.0
    while run.snap.state is not S.CHECK_IN_AFTER:
        snap = run.wait(rng.uniform(0.001, 3.0))
        assert snap.session_progress >= progress
        progress = snap.session_progress
    planned = sum(s.total_reps for s in (*run.plan.stretches, *run.plan.strength))
    assert len(run.of(RepeatDone)) == planned
    gate = run.of(GateShown)[0]
    first_strength = next(r for r in run.of(RepeatDone) if r.exercise_id == "bridge")
    assert first_strength.t - gate.t == pytest.approx(8 + 2 + 2)  # gate, get_ready, hold
    assert progress == 1.0


def test_gate_waits_for_continue_or_its_pause():
    run = Run(gate_pause_s=20)
    snap = run.to_exercise("pelvic_tilt")
    snap = run.until(lambda s: s.state is S.GATE)
    assert (snap.remaining_s, snap.next_exercise.id) == (20.0, "bridge")
    assert run.wait(19.5).state is S.GATE
    assert run.wait(0.5).state is S.STRENGTHENING


def test_closed_gate_goes_to_the_closing_check_in_and_marks_strength_locked():
    run = Run(small_plan(gate_open=False))
    snap = run.to_exercise("pelvic_tilt")
    snap = run.until(lambda s: s.state is S.GATE)
    assert (snap.gate_open, snap.gate_reasons, snap.next_exercise) == (
        False,
        ("test reason",),
        None,
    )
    assert run.of(GateShown)[-1].open is False
    snap = run.wait(8)
    assert snap.state is S.CHECK_IN_AFTER
    locked = [e for e in run.of(ExerciseEnded) if e.outcome is ExerciseOutcome.LOCKED]
    assert [e.exercise_id for e in locked] == STRENGTH_IDS
    assert not run.of(RepeatDone) or all(r.exercise_id in STRETCH_IDS for r in run.of(RepeatDone))


def test_a_zero_gate_pause_passes_straight_through():
    run = Run(gate_pause_s=0)
    run.to_exercise("pelvic_tilt")
    snap = run.send(E.SKIP_EXERCISE)
    assert (snap.state, snap.exercise.id, snap.step) == (S.STRENGTHENING, "bridge", Step.GET_READY)
    assert len(run.of(GateShown)) == 1


def test_full_size_session_runs_in_milliseconds():
    plan = full_plan()
    run = Run(plan)
    started = time.perf_counter()
    run.begin()
    snap = run.until(lambda s: s.state is S.CHECK_IN_AFTER)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0
    # 20 repeats of each stretch (per side for three of them), 15 + 15 x 2 + 10 strength
    assert len(run.of(RepeatDone)) == 20 * (1 + 1 + 2 + 2 + 2 + 1) + 15 + 2 * 15 + 10 == 235
    planned = (
        plan.cadence.total_s
        + sum(_length(s, plan) for s in (*plan.stretches, *plan.strength))
        + 8.0
    )
    assert run.clock.now - 1000.0 == planned
    assert run.of(RepeatDone)[-1].t == planned  # the last hold ends the planned time exactly
    assert snap.session_progress == 1.0


def _length(step, plan):
    sides = max(1, len(step.sides))
    return sides * (plan.get_ready_s + step.reps * step.hold_s + (step.reps - 1) * plan.release_s)


# ---- inside an exercise ----


def test_repeat_flow_get_ready_hold_release():
    run = Run()
    snap = run.to_stretching()
    assert position(snap) == (S.STRETCHING, Step.GET_READY, "angry_cat", None, 1)
    assert (snap.remaining_s, snap.phase_duration_s, snap.countdown) == (2.0, 2.0, 2)
    assert snap.next_exercise.id == "childs_pose"
    assert not snap.exhale_cue
    snap = run.wait(2)
    assert position(snap) == (S.STRETCHING, Step.HOLD, "angry_cat", None, 1)
    assert snap.exhale_cue  # stretches put the stretch on the out-breath
    snap = run.wait(2)
    assert position(snap) == (S.STRETCHING, Step.RELEASE, "angry_cat", None, 2)
    assert snap.remaining_s == 1.0
    snap = run.wait(1)
    assert position(snap) == (S.STRETCHING, Step.HOLD, "angry_cat", None, 2)
    snap = run.wait(2)
    assert position(snap) == (S.STRETCHING, Step.GET_READY, "childs_pose", None, 1)
    assert (snap.exercise_index, snap.exercise_count) == (1, 6)


def test_strength_holds_have_no_exhale_cue():
    run = Run()
    run.to_exercise("bridge")
    assert not run.wait(2).exhale_cue


def test_repeat_done_is_emitted_the_moment_the_hold_ends():
    run = Run()
    run.to_stretching()
    run.wait(2)
    run.wait(1.5)
    assert run.of(RepeatDone) == []
    run.wait(0.5)
    done = run.of(RepeatDone)
    assert len(done) == 1
    assert (done[0].exercise_id, done[0].rep, done[0].side, done[0].hold_s) == (
        "angry_cat",
        1,
        None,
        2,
    )
    assert done[0].held_s == 2.0
    # a very late update still stamps each repeat with its own scheduled end
    run.wait(30)
    times = [r.t for r in run.of(RepeatDone)]
    cat_2, child_1, child_2 = times[1:4]
    assert times[0] == 4.0  # breathing ended at once, get_ready 2, hold 2
    assert (cat_2 - times[0], child_1 - cat_2, child_2 - child_1) == (3.0, 4.0, 3.0)


@pytest.mark.parametrize(
    ("exercise_id", "labels"),
    [
        ("hamstring_stretch", ("left leg", "right leg")),
        ("bird_dog", ("left leg and right arm", "right leg and left arm")),
    ],
)
def test_two_sided_exercises_do_one_side_then_switch(exercise_id, labels):
    run = Run()
    snap = run.to_exercise(exercise_id)
    seen = []
    while snap.exercise.id == exercise_id:
        seen.append((snap.step, snap.side_index, snap.side_label, snap.rep, snap.switching_side))
        snap = run.tick()
    steps = [s for i, s in enumerate(seen) if i == 0 or s != seen[i - 1]]
    left, right = labels
    assert steps == [
        (Step.GET_READY, 0, left, 1, False),
        (Step.HOLD, 0, left, 1, False),
        (Step.RELEASE, 0, left, 2, False),
        (Step.HOLD, 0, left, 2, False),
        (Step.GET_READY, 1, right, 1, True),  # the switch is announced
        (Step.HOLD, 1, right, 1, False),
        (Step.RELEASE, 1, right, 2, False),
        (Step.HOLD, 1, right, 2, False),
    ]
    reps = [(r.side, r.rep) for r in run.of(RepeatDone) if r.exercise_id == exercise_id]
    assert reps == [(0, 1), (0, 2), (1, 1), (1, 2)]
    ended = run.of(ExerciseEnded)[-1]
    assert (ended.exercise_id, ended.reps_planned, ended.reps_done) == (exercise_id, 4, 4)


def test_continue_in_a_lead_in_starts_the_hold_now():
    run = Run()
    run.to_stretching()
    run.wait(0.5)
    snap = run.send(E.CONTINUE)
    assert (snap.step, snap.remaining_s) == (Step.HOLD, 2.0)
    with pytest.raises(InvalidTransition):
        run.send(E.CONTINUE)  # a hold runs its course; skip_repeat is the way out
    snap = run.wait(2)
    assert snap.step is Step.RELEASE
    assert run.send(E.CONTINUE).step is Step.HOLD


# ---- time: pause, suspend, deadlines ----


def test_pause_and_resume_continue_exactly_where_they_left_off():
    run = Run()
    run.to_exercise("hamstring_stretch")
    run.until(lambda s: s.side_index == 1 and s.step is Step.HOLD)
    before = run.wait(0.75)
    assert before.remaining_s == 1.25
    paused = run.send(E.PAUSE)
    assert (paused.state, paused.paused_from, paused.paused_reason) == (
        S.PAUSED,
        S.STRETCHING,
        PauseReason.USER,
    )
    assert run.engine.next_deadline() is None
    run.clock.advance(3 * 3600)
    assert run.engine.update() is False
    frozen = run.snap
    assert position(frozen)[1:] == position(before)[1:]
    assert frozen.remaining_s == before.remaining_s
    assert frozen.allowed_events == {E.RESUME, E.STOP}
    resumed = run.send(E.RESUME)
    assert resumed == dataclasses.replace(before, allowed_events=resumed.allowed_events)
    assert resumed.paused_from is None
    held = len(run.of(RepeatDone))
    run.wait(1.25)
    last = run.of(RepeatDone)[-1]
    assert len(run.of(RepeatDone)) == held + 1
    assert (last.side, last.rep, last.held_s) == (1, 1, 2.0)  # the paused hours are not held


def test_pause_freezes_the_breath():
    run = Run()
    run.begin()
    before = run.wait(5.5)
    run.send(E.PAUSE)
    run.clock.advance(600)
    assert run.snap.breath == before.breath
    assert run.engine.breath_at(run.clock.now) == before.breath
    assert run.send(E.RESUME).breath == before.breath
    assert run.engine.breath_at(run.clock.now + 0.5).phase_elapsed == pytest.approx(2.0)


def test_pause_during_the_gate_and_the_breathing():
    run = Run()
    run.begin()
    assert run.send(E.PAUSE).paused_from is S.BREATHING
    run.clock.advance(100)
    assert run.send(E.RESUME).state is S.BREATHING
    run = Run()
    run.to_exercise("pelvic_tilt")
    run.until(lambda s: s.state is S.GATE)
    run.wait(3)
    run.send(E.PAUSE)
    run.clock.advance(100)
    snap = run.send(E.RESUME)
    assert (snap.state, snap.remaining_s) == (S.GATE, 5.0)


def test_suspend_pauses_at_the_last_moment_seen_when_the_clock_slept_too():
    """time.monotonic stops during suspend on Linux: the last update is the point before the gap."""
    run = Run()
    run.to_stretching()
    seen = run.wait(2.5)  # 0.5 s into the first hold
    run.clock.advance(0.3)  # awake a moment, then slept; monotonic did not count the sleep
    run.engine.suspend_detected(gap_s=3600)
    snap = run.snap
    assert (snap.state, snap.paused_reason, snap.paused_from) == (
        S.PAUSED,
        "suspend",
        S.STRETCHING,
    )
    assert snap.remaining_s == seen.remaining_s == 1.5
    run.clock.advance(5)
    assert run.send(E.RESUME).remaining_s == 1.5


def test_suspend_pauses_before_the_gap_when_the_clock_counted_it():
    run = Run()
    run.to_stretching()
    run.wait(2.5)  # 0.5 s into the first hold
    run.clock.advance(2.0 + 3600)  # 2 s awake, then an hour asleep that the clock counted
    run.engine.suspend_detected(gap_s=3600)
    snap = run.snap
    assert (snap.state, snap.paused_from, snap.step) == (S.PAUSED, S.STRETCHING, Step.RELEASE)
    assert snap.remaining_s == pytest.approx(0.5)  # hold ended, 0.5 s into the release
    assert len(run.of(RepeatDone)) == 1


def test_suspend_outside_a_timed_state_changes_nothing():
    run = Run()
    run.send(E.START)
    run.engine.suspend_detected(gap_s=100)
    assert run.snap.state is S.CHECK_IN_BEFORE


def test_next_deadline_aims_at_whole_seconds_and_phase_ends():
    run = Run()
    assert run.engine.next_deadline() is None
    run.send(E.START)
    assert run.engine.next_deadline() is None
    run.send(E.CHECK_IN, rating=0)
    assert run.engine.next_deadline() == run.clock.now + 1.0  # the breath count: 4 -> 3
    run.send(E.CONTINUE)
    run.wait(0.25)
    assert run.engine.next_deadline() == run.clock.now + 0.75  # get_ready 2 -> 1
    run.wait(0.75)
    assert run.engine.next_deadline() == run.clock.now + 1.0  # get_ready ends
    run.send(E.PAUSE)
    assert run.engine.next_deadline() is None


def test_a_late_update_catches_up_many_phases_without_shifting_them():
    early, late = Run(session_id="same"), Run(session_id="same")
    for run in (early, late):
        run.to_stretching()
    for _ in range(324):
        early.wait(0.125)
    late.wait(40.5)
    assert early.snap == late.snap
    assert [r.t for r in early.of(RepeatDone)] == [r.t for r in late.of(RepeatDone)]


def test_listeners_hear_events_and_phase_changes_only():
    run = Run()
    run.to_stretching()
    heard = run.changes
    run.wait(0.5)
    assert run.changes == heard  # nothing changed but the count: the UI repaints on its timer
    run.wait(1.5)
    assert run.changes == heard + 1
    run.send(E.PAUSE)
    assert run.changes == heard + 2


# ---- the buttons ----


def test_skip_repeat_does_not_count_the_repeat():
    run = Run()
    run.to_stretching()
    snap = run.wait(3)  # 1 s into the first hold
    snap = run.send(E.SKIP_REPEAT)
    assert position(snap) == (S.STRETCHING, Step.RELEASE, "angry_cat", None, 2)
    assert run.of(RepeatDone) == []
    snap = run.wait(3)
    assert snap.exercise.id == "childs_pose"
    assert [r.rep for r in run.of(RepeatDone)] == [2]
    ended = run.of(ExerciseEnded)[-1]
    assert (ended.outcome, ended.reps_planned, ended.reps_done) == (ExerciseOutcome.SKIPPED, 2, 1)
    assert snap.last_finished_exercise.id == "angry_cat"  # it ran its course: rate it


def test_skip_repeat_on_the_last_repeat_of_a_side_switches_sides():
    run = Run()
    run.to_exercise("piriformis_stretch")
    run.send(E.SKIP_REPEAT)
    snap = run.send(E.SKIP_REPEAT)
    assert (snap.step, snap.side_index, snap.rep, snap.switching_side) == (
        Step.GET_READY,
        1,
        1,
        True,
    )


def test_skip_exercise_records_the_repeats_done_so_far():
    run = Run()
    run.to_stretching()
    run.wait(5)  # rep 1 done, rep 2 in its hold
    snap = run.send(E.SKIP_EXERCISE)
    assert position(snap) == (S.STRETCHING, Step.GET_READY, "childs_pose", None, 1)
    ended = run.of(ExerciseEnded)[-1]
    assert (ended.exercise_id, ended.outcome, ended.reps_done) == (
        "angry_cat",
        ExerciseOutcome.SKIPPED,
        1,
    )
    assert snap.last_finished_exercise is None  # skipped: no effort rating offered


def test_skip_exercise_ends_the_breathing_early():
    run = Run()
    run.begin()
    run.wait(12.5)
    snap = run.send(E.SKIP_EXERCISE)
    assert snap.exercise.id == "angry_cat"
    done = run.of(BreathingDone)[0]
    assert (done.breaths, done.seconds) == (1, 12.5)


def test_previous_in_the_first_repeat_goes_to_the_exercise_before():
    run = Run()
    run.to_exercise("childs_pose")
    run.wait(1)
    snap = run.send(E.PREVIOUS)
    assert position(snap) == (S.STRETCHING, Step.GET_READY, "angry_cat", None, 1)
    assert snap.remaining_s == 2.0


def test_previous_later_in_an_exercise_restarts_it():
    run = Run()
    run.to_exercise("hamstring_stretch")
    snap = run.until(lambda s: s.side_index == 1)
    ended = len(run.of(ExerciseEnded))
    snap = run.send(E.PREVIOUS)
    assert position(snap) == (S.STRETCHING, Step.GET_READY, "hamstring_stretch", 0, 1)
    assert len(run.of(ExerciseEnded)) == ended  # not over: it comes round again
    run.until(lambda s: s.exercise.id != "hamstring_stretch")
    assert run.of(ExerciseEnded)[-1].reps_done == 4  # the run that finished


def test_previous_in_the_first_exercise_restarts_it():
    run = Run()
    run.to_stretching()
    run.wait(1)
    snap = run.send(E.PREVIOUS)
    assert (snap.exercise.id, snap.remaining_s) == ("angry_cat", 2.0)
    run = Run()
    run.to_exercise("bridge")
    assert run.send(E.PREVIOUS).exercise.id == "bridge"  # never back over the gate


def test_stop_keeps_what_was_done():
    run = Run()
    run.to_exercise("hamstring_stretch")
    run.until(lambda s: s.side_index == 1 and s.step is Step.HOLD)
    before = list(run.records)
    snap = run.send(E.STOP)
    assert snap.state is S.STOPPED
    assert run.records[: len(before)] == before
    ended, session = run.records[len(before) :]
    assert (ended.exercise_id, ended.outcome, ended.reps_done, ended.reps_planned) == (
        "hamstring_stretch",
        ExerciseOutcome.STOPPED,
        2,
        4,
    )
    assert (session.outcome, session.active_s) == (SessionOutcome.STOPPED, session.t)
    assert run.engine.next_deadline() is None
    for event in Event:
        with pytest.raises(InvalidTransition):
            run.engine.send(event)


def test_stop_while_paused_ends_at_the_pause():
    run = Run()
    run.begin()
    run.wait(12)
    run.send(E.PAUSE)
    run.clock.advance(500)
    run.send(E.STOP)
    breathing, ended = run.records[-2:]
    assert (breathing.breaths, breathing.seconds) == (1, 12.0)
    assert ended.active_s == 12.0  # active time: the paused minutes do not count


def test_too_hard_on_plank_switches_to_the_knee_plank():
    run = Run()
    run.to_exercise("plank")
    run.wait(2 + 2 + 0.5)  # first repeat done, in the release
    snap = run.send(E.TOO_HARD)
    assert position(snap) == (S.STRENGTHENING, Step.GET_READY, "knee_plank", None, 1)
    assert snap.step_plan == run.plan.easier["plank"]
    ended = run.of(ExerciseEnded)[-1]
    assert (ended.exercise_id, ended.outcome, ended.reps_done) == (
        "plank",
        ExerciseOutcome.EASIER,
        1,
    )
    run.wait(4)  # into the second repeat
    snap = run.send(E.PREVIOUS)  # restarting keeps the easier version
    assert position(snap) == (S.STRENGTHENING, Step.GET_READY, "knee_plank", None, 1)
    snap = run.until(lambda s: s.state is S.CHECK_IN_AFTER)
    ended = run.of(ExerciseEnded)[-1]
    assert (ended.exercise_id, ended.outcome, ended.reps_done) == (
        "knee_plank",
        ExerciseOutcome.DONE,
        2,
    )


@pytest.mark.parametrize("exercise_id", ["angry_cat", "bridge"])
def test_too_hard_without_an_easier_version_skips(exercise_id):
    run = Run()
    run.to_exercise(exercise_id)
    snap = run.send(E.TOO_HARD)
    assert snap.exercise.id != exercise_id
    assert run.of(ExerciseEnded)[-1].outcome is ExerciseOutcome.SKIPPED


def test_too_hard_on_the_knee_plank_skips_it():
    run = Run()
    run.to_exercise("plank")
    run.send(E.TOO_HARD)
    assert run.send(E.TOO_HARD).state is S.CHECK_IN_AFTER
    assert run.of(ExerciseEnded)[-1].outcome is ExerciseOutcome.SKIPPED


def test_this_hurts_ends_the_exercise_and_records_the_pain():
    run = Run()
    run.to_exercise("piriformis_stretch")
    run.wait(3)
    snap = run.send(E.THIS_HURTS, rating=6)
    assert snap.exercise.id == "hip_flexor_stretch"
    pain, ended = run.records[-2:]
    assert (pain.exercise_id, pain.rating) == ("piriformis_stretch", 6)
    assert (ended.outcome, ended.reps_done) == (ExerciseOutcome.HURT, 0)
    assert snap.offer_easier is None  # stretches have no easier version
    assert run.send(E.THIS_HURTS).exercise.id == "pelvic_tilt"
    assert run.of(PainReported)[-1].rating is None


def test_strong_pain_in_strengthening_ends_strengthening_with_no_easier_offer():
    """Above 5 is too much (issue 14): the knee plank is what "too hard" offers, not pain."""
    plank, bridge = PROGRAM.by_id("plank"), PROGRAM.by_id("bridge")
    run = Run(small_plan(strength=(plank, bridge)))
    run.to_exercise("plank")
    run.wait(3)
    snap = run.send(E.THIS_HURTS, rating=7)
    assert snap.state is S.CHECK_IN_AFTER and snap.offer_easier is None
    assert E.TAKE_EASIER not in snap.allowed_events
    assert run.of(PainReported)[-1].rating == 7


def test_pain_at_5_or_below_ends_only_that_exercise():
    plank, bridge = PROGRAM.by_id("plank"), PROGRAM.by_id("bridge")
    run = Run(small_plan(strength=(plank, bridge)))
    run.to_exercise("plank")
    snap = run.send(E.THIS_HURTS, rating=5)
    assert snap.state is S.STRENGTHENING and snap.exercise.id == "bridge"
    assert snap.offer_easier is None
    with pytest.raises(InvalidTransition):
        run.send(E.TAKE_EASIER)


@pytest.mark.parametrize("rating", [6, None])
def test_too_much_pain_in_a_stretch_leaves_the_stretches_but_closes_strengthening(rating):
    run = Run(small_plan(gate_open=True))
    run.to_stretching()
    first = run.snap.exercise.id
    snap = run.send(E.THIS_HURTS, rating=rating)  # None: stopped with no number
    assert snap.state is S.STRETCHING and snap.exercise.id != first
    assert not run.engine.plan.gate_open
    assert "hurt too much" in run.engine.plan.gate_reasons[0]
    snap = run.until(lambda s: s.state is not S.STRETCHING)
    assert snap.state is S.GATE
    snap = run.until(lambda s: s.state is not S.GATE)
    assert snap.state is S.CHECK_IN_AFTER  # no strengthening in this session


def test_effort_rating_is_taken_during_the_next_get_ready_only():
    run = Run()
    run.to_stretching()
    snap = run.until(lambda s: s.exercise.id == "childs_pose")
    assert snap.last_finished_exercise.id == "angry_cat"
    snap = run.send(E.RATE_EFFORT, effort=Effort.HARD)
    assert run.records[-1] == EffortRated(snap.session_id, run.records[-1].t, "angry_cat", "hard")
    assert snap.last_finished_exercise is None
    with pytest.raises(InvalidTransition):
        run.send(E.RATE_EFFORT, effort=Effort.EASY)  # once
    snap = run.until(lambda s: s.exercise.id == "hamstring_stretch")
    assert snap.last_finished_exercise.id == "childs_pose"
    snap = run.wait(2)  # the hold began: the question has gone, nothing was blocked
    assert snap.last_finished_exercise is None
    with pytest.raises(InvalidTransition):
        run.send(E.RATE_EFFORT, effort="easy")


def test_painful_effort_also_reports_pain():
    run = Run()
    run.to_exercise("plank")
    run.until(lambda s: s.state is S.CHECK_IN_AFTER)
    run.send(E.RATE_EFFORT, effort="painful")
    rated, pain = run.records[-2:]
    assert (rated.exercise_id, rated.effort) == ("plank", Effort.PAINFUL)
    assert (pain.exercise_id, pain.rating) == ("plank", None)


def test_effort_for_the_last_stretch_is_taken_at_the_gate():
    run = Run()
    run.to_exercise("pelvic_tilt")
    snap = run.until(lambda s: s.state is S.GATE)
    assert snap.last_finished_exercise.id == "pelvic_tilt"
    run.send(E.RATE_EFFORT, effort=Effort.RIGHT)
    assert run.of(EffortRated)[-1].exercise_id == "pelvic_tilt"


def test_bad_payloads_are_refused_before_anything_changes():
    run = Run()
    run.send(E.START)
    for bad in (11, -1, True, 2.5, "3"):
        with pytest.raises(ValueError):
            run.send(E.CHECK_IN, rating=bad)
    with pytest.raises(ValueError):
        run.send(E.CHECK_IN, rating=3, note=None)
    assert run.snap.state is S.CHECK_IN_BEFORE
    assert len(run.records) == 1
    run.send(E.CHECK_IN, rating=3)
    run.send(E.CONTINUE)
    with pytest.raises(ValueError):
        run.send(E.THIS_HURTS, rating=12)
    assert run.snap.exercise.id == "angry_cat"


# ---- every (state, event) pair ----


def breathing_only(plan, opening):
    """A day planner that leaves the breathing only, whatever the rating."""
    return dataclasses.replace(plan, stretches=(), gate_open=False, day="breathing_only")


def engine_in(state: State) -> Run:
    """A run standing in ``state`` with no effort rating or easier offer pending."""
    run = Run()
    if state is S.IDLE:
        return run
    if state is S.CHECK_IN_BEFORE:
        run.send(E.START)
    elif state is S.BREATHING:
        run.begin()
    elif state is S.FLARE_UP:
        run = Run(day_planner=breathing_only)
        run.begin()
        run.send(E.CONTINUE)
    elif state in (S.STRETCHING, S.PAUSED, S.STOPPED):
        run.to_stretching()
        if state is not S.STRETCHING:
            run.send(E.PAUSE if state is S.PAUSED else E.STOP)
    elif state is S.GATE:
        run.to_exercise("pelvic_tilt")
        run.send(E.SKIP_EXERCISE)
    elif state is S.STRENGTHENING:
        run.to_exercise("bridge")
    else:
        run.to_exercise("plank")
        run.send(E.SKIP_EXERCISE)
        if state is S.DONE:
            run.send(E.CHECK_IN, rating=1)
    assert run.snap.state is state
    return run


PAYLOAD = {
    E.CHECK_IN: {"rating": 3},
    E.RATE_EFFORT: {"effort": Effort.EASY},
    E.THIS_HURTS: {"rating": 3},
}

# Where each allowed event leads from the positions engine_in() sets up.
EXPECTED = {
    (S.IDLE, E.START): S.CHECK_IN_BEFORE,
    (S.CHECK_IN_BEFORE, E.CHECK_IN): S.BREATHING,
    (S.CHECK_IN_BEFORE, E.STOP): S.STOPPED,
    (S.BREATHING, E.CONTINUE): S.STRETCHING,
    (S.BREATHING, E.SKIP_EXERCISE): S.STRETCHING,
    (S.BREATHING, E.PAUSE): S.PAUSED,
    (S.BREATHING, E.STOP): S.STOPPED,
    (S.FLARE_UP, E.CONTINUE): S.CHECK_IN_AFTER,
    (S.FLARE_UP, E.STOP): S.STOPPED,
    **{
        (s, e): s
        for s in (S.STRETCHING, S.STRENGTHENING)
        for e in (
            E.CONTINUE,
            E.SKIP_REPEAT,
            E.SKIP_EXERCISE,
            E.PREVIOUS,
            E.TOO_HARD,
            E.THIS_HURTS,
        )
    },
    (S.STRETCHING, E.PAUSE): S.PAUSED,
    (S.STRETCHING, E.STOP): S.STOPPED,
    (S.GATE, E.CONTINUE): S.STRENGTHENING,
    (S.GATE, E.PAUSE): S.PAUSED,
    (S.GATE, E.STOP): S.STOPPED,
    (S.STRENGTHENING, E.PAUSE): S.PAUSED,
    (S.STRENGTHENING, E.STOP): S.STOPPED,
    (S.CHECK_IN_AFTER, E.CHECK_IN): S.DONE,
    (S.CHECK_IN_AFTER, E.STOP): S.STOPPED,
    (S.PAUSED, E.RESUME): S.STRETCHING,
    (S.PAUSED, E.STOP): S.STOPPED,
}
# Allowed only when something is pending; engine_in() leaves nothing pending.
GUARDED = {
    (S.STRETCHING, E.RATE_EFFORT),
    (S.GATE, E.RATE_EFFORT),
    (S.STRENGTHENING, E.RATE_EFFORT),
    (S.CHECK_IN_AFTER, E.RATE_EFFORT),
}


def test_the_table_holds_exactly_the_moves_expected():
    assert set(TRANSITIONS) == set(EXPECTED) | GUARDED
    for pair, target in EXPECTED.items():
        assert target in TRANSITIONS[pair].to


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("event", list(Event))
def test_every_state_event_pair(state, event):
    run = engine_in(state)
    records = list(run.records)
    before = run.snap
    if (state, event) in EXPECTED:
        after = run.send(event, **PAYLOAD.get(event, {}))
        assert after.state is EXPECTED[(state, event)]
        assert event in before.allowed_events
    else:
        with pytest.raises(InvalidTransition) as err:
            run.send(event, **PAYLOAD.get(event, {}))
        assert (err.value.state, err.value.event) == (state, event)
        assert run.snap == before
        assert run.records == records
        assert event not in before.allowed_events


@pytest.mark.parametrize("pair", sorted(GUARDED))
def test_guarded_moves_land_where_the_table_says(pair):
    state, event = pair
    if event is E.RATE_EFFORT:
        # let an exercise run its course just before the state in question
        run = Run()
        if state is S.STRETCHING:
            run.to_stretching()
            run.until(lambda s: s.exercise.id == "childs_pose")
        elif state is S.GATE:
            run.to_exercise("pelvic_tilt")
            run.until(lambda s: s.state is S.GATE)
        elif state is S.STRENGTHENING:
            run.to_exercise("bridge")
            run.until(lambda s: s.exercise.id == "bird_dog")
        else:
            run.to_exercise("plank")
            run.until(lambda s: s.state is S.CHECK_IN_AFTER)
    else:
        # strong pain in the plank: the offer stands in the next get_ready, or the check-in
        plank, bridge = PROGRAM.by_id("plank"), PROGRAM.by_id("bridge")
        order = (plank, bridge) if state is S.STRENGTHENING else (bridge, plank)
        run = Run(small_plan(strength=order))
        run.to_exercise("plank")
        run.send(E.THIS_HURTS, rating=8)
    assert run.snap.state is state
    assert event in run.snap.allowed_events
    run.send(event, **PAYLOAD.get(event, {}))
    assert run.snap.state in TRANSITIONS[pair].to


# ---- resuming after a crash ----


def test_resume_point_starts_paused_at_that_repeat():
    point = ResumePoint("abc123", WALL, "hamstring_stretch", side_index=1, rep=2, active_s=500.0)
    run = Run(resume=point)
    snap = run.snap
    assert (snap.state, snap.paused_from, snap.paused_reason) == (
        S.PAUSED,
        S.STRETCHING,
        PauseReason.RESTORED,
    )
    assert position(snap)[1:] == (Step.GET_READY, "hamstring_stretch", 1, 2)
    assert (snap.session_id, snap.started_at, snap.remaining_s) == ("abc123", WALL, 2.0)
    run.clock.advance(60)
    run.send(E.RESUME)
    snap = run.until(lambda s: s.exercise.id != "hamstring_stretch")
    assert run.of(SessionStarted) == []
    done = run.of(RepeatDone)
    assert [(r.session_id, r.side, r.rep, r.t) for r in done] == [("abc123", 1, 2, 504.0)]
    ended = run.of(ExerciseEnded)[0]
    assert (ended.reps_done, ended.outcome) == (4, ExerciseOutcome.DONE)


def test_resume_at_the_knee_plank_keeps_the_easier_version():
    run = Run(resume=ResumePoint("s", WALL, "knee_plank", rep=2))
    run.send(E.RESUME)
    assert run.snap.exercise.id == "knee_plank"
    assert run.send(E.PREVIOUS).exercise.id == "knee_plank"


@pytest.mark.parametrize(
    "point",
    [
        ResumePoint("s", WALL, "nope"),
        ResumePoint("s", WALL, "angry_cat", side_index=1),
        ResumePoint("s", WALL, "angry_cat", rep=3),
        ResumePoint("s", WALL, "angry_cat", rep=0),
    ],
)
def test_resume_points_that_do_not_exist_are_refused(point):
    with pytest.raises(ValueError):
        Run(resume=point)


def test_resume_at_strength_is_refused_when_the_gate_is_closed():
    with pytest.raises(ValueError):
        Run(small_plan(gate_open=False), resume=ResumePoint("s", WALL, "bridge"))


def _done(exercise_id, side, rep):
    return RepeatDone("s", 42.0, exercise_id, side, rep, 2, 2.0)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (_done("angry_cat", None, 1), ("angry_cat", 0, 2)),
        (_done("angry_cat", None, 2), ("childs_pose", 0, 1)),
        (_done("hamstring_stretch", 0, 2), ("hamstring_stretch", 1, 1)),
        (_done("hamstring_stretch", 1, 2), ("piriformis_stretch", 0, 1)),
        (_done("pelvic_tilt", None, 2), ("bridge", 0, 1)),
        (_done("knee_plank", None, 1), ("knee_plank", 0, 2)),
        (_done("plank", None, 2), None),
    ],
)
def test_resume_point_after_the_last_repeat_done(last, expected):
    point = ResumePoint.after(small_plan(), last, WALL)
    if expected is None:
        assert point is None
    else:
        assert (point.exercise_id, point.side_index, point.rep) == expected
        assert (point.session_id, point.started_at, point.active_s) == ("s", WALL, 42.0)
        Run(resume=point)  # and the engine accepts it


def test_resume_point_after_the_last_stretch_with_the_gate_closed_is_none():
    assert (
        ResumePoint.after(small_plan(gate_open=False), _done("pelvic_tilt", None, 2), WALL) is None
    )


# ---- the snapshot ----


def test_snapshot_is_immutable_and_does_not_move_time():
    run = Run()
    run.begin()
    snap = run.snap
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.remaining_s = 0  # type: ignore[misc]
    run.clock.advance(1000)
    assert run.snap == snap  # only update() or an event moves the engine
    assert snap.breath.phase is BreathPhase.INHALE


def test_progress_counts_planned_time():
    run = Run()
    assert run.snap.session_progress == 0.0
    run.begin()
    total = 30 + 63 + 8 + 28  # breathing, stretches, gate, strength (small plan)
    assert run.wait(15).session_progress == pytest.approx(15 / total)
    run.send(E.CONTINUE)
    assert run.wait(1).session_progress == pytest.approx(31 / total)


def test_the_session_package_imports_no_qt():
    code = (
        "import sys, backcompanion.session.engine, backcompanion.session.breathing;"
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_phase_time_at_is_the_time_into_the_phase_frozen_while_paused():
    r = Run()
    assert r.engine.phase_time_at(r.clock.now) is None  # idle: no timed phase
    r.to_stretching()
    start = r.clock.now
    assert r.engine.phase_time_at(start) == 0.0
    assert r.engine.phase_time_at(start + 0.75) == pytest.approx(0.75)  # between updates
    assert r.engine.phase_time_at(start + 99.0) == r.snap.phase_duration_s  # at most its length
    r.wait(0.5)
    r.send(E.PAUSE)
    r.clock.advance(20.0)
    assert r.engine.phase_time_at(r.clock.now) == pytest.approx(0.5)  # frozen
    r.send(E.RESUME)
    assert r.engine.phase_time_at(r.clock.now + 0.25) == pytest.approx(0.75)
    snap = r.snap
    assert r.engine.phase_time_at(r.clock.now) == pytest.approx(
        snap.phase_duration_s - snap.remaining_s
    )


# ---- today's plan after the opening rating (issue 14) ----


def test_the_opening_rating_plans_the_day_before_the_breathing():
    seen = []

    def planner(plan, opening):
        seen.append(opening)
        return breathing_only(plan, opening)

    run = Run(day_planner=planner)
    run.send(E.START)
    assert run.engine.plan.stretches  # the plan as made, until the rating is in
    snap = run.send(E.CHECK_IN, rating=8)
    assert seen == [8] and snap.state is S.BREATHING and run.engine.plan.stretches == ()
    snap = run.until(lambda s: s.state is not S.BREATHING)
    assert snap.state is S.FLARE_UP and snap.remaining_s == 0
    assert run.engine.next_deadline() is None  # nothing ticks on the flare-up page
    assert run.send(E.CONTINUE).state is S.CHECK_IN_AFTER
    assert run.send(E.CHECK_IN, rating=7).state is S.DONE
    ended = [r for r in run.records if type(r).__name__ == "ExerciseEnded"]
    assert ended == []  # no exercise offered today, none locked either
