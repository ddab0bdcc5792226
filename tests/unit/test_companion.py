"""The use-case layer: home status, sessions wired to the store, resume, failed writes."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backcompanion.companion import Companion, RecordWriter, cadence_from_label
from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.program.safety import Level
from backcompanion.session import rules as R
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, State, Step
from backcompanion.session.plan import PRESETS, Cadence

PROGRAM = builtin_program()
TZ = ZoneInfo("Europe/Berlin")


class Wall:
    def __init__(self, clock: FakeClock):
        self.clock, self.base = clock, datetime(2026, 3, 2, 18, 0, tzinfo=TZ)
        self.at = clock()

    def __call__(self):
        from datetime import timedelta

        return self.base + timedelta(seconds=self.clock() - self.at)


@pytest.fixture
def setup(tmp_path):
    clock = FakeClock()
    wall = Wall(clock)
    store = Store.open(
        tmp_path, phases={e.id: e.phase.value for e in PROGRAM.exercises}, wall_clock=wall
    )
    yield Companion(PROGRAM, R.load_rules(), store, wall=wall), clock
    store.close()


def _run_to(engine, clock, predicate):
    while not predicate(engine.snapshot()):
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()


def test_first_start_asks_the_safety_questions(setup):
    companion, _ = setup
    status = companion.home_status()
    assert status.safety.check_due and not status.may_start
    companion.record_red_flags(())
    assert companion.home_status().may_start


def test_a_ticked_flag_blocks_until_cleared(setup):
    companion, _ = setup
    companion.record_red_flags((16,))  # one_leg: see a clinician first
    status = companion.home_status()
    assert status.safety.sessions_blocked and status.safety.flags == (16,)
    assert status.safety.level is Level.SEE_CLINICIAN and status.safety.clearable
    companion.record_clearance("my physio says go ahead", who="Dr Ng", on=date(2024, 3, 1))
    assert companion.home_status().may_start
    assert companion.store.safety_facts().last_clearance.who == "Dr Ng"


def test_an_emergency_blocks_the_day_whatever_is_recorded_and_asks_again_the_next(setup):
    companion, _ = setup
    morning = companion.wall()
    companion.record_red_flags((), now=morning)
    companion.record_red_flags((1,), now=morning + timedelta(minutes=1), kind="daily")
    status = companion.home_status(morning + timedelta(minutes=2))
    assert status.safety.level is Level.EMERGENCY and not status.safety.clearable
    companion.record_clearance(now=morning + timedelta(minutes=3), who="me")
    companion.record_red_flags((), now=morning + timedelta(minutes=4), kind="daily")
    assert companion.home_status(morning + timedelta(minutes=5)).safety.level is Level.EMERGENCY
    tomorrow = morning + timedelta(days=1)
    assert companion.home_status(tomorrow).may_start


def test_a_session_is_stored_as_it_happens_and_resumes_after_a_crash(setup):
    companion, clock = setup
    companion.record_red_flags(())
    plan = companion.plan(PRESETS["relaxed"])
    assert not plan.gate_open  # a first session never opens strengthening
    engine = companion.new_engine(plan, clock)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=6, note="stiff")
    _run_to(
        engine, clock, lambda s: s.state is State.STRETCHING and s.rep == 4 and s.step is Step.HOLD
    )
    # the app "crashes" here: nothing more is written; the next start finds the session
    it = companion.home_status().interrupted
    assert it is not None and it.opening_done and it.breathing_done
    assert it.last_repeat.exercise_id == "angry_cat" and it.last_repeat.rep == 3
    resumed = companion.resume_engine(it, clock)
    snap = resumed.snapshot()
    assert snap.state is State.PAUSED and snap.exercise.id == "angry_cat" and snap.rep == 4
    resumed.send(Event.RESUME)
    _run_to(resumed, clock, lambda s: s.state is State.CHECK_IN_AFTER)
    resumed.send(Event.CHECK_IN, rating=4)
    assert companion.home_status().interrupted is None
    (facts,) = companion.store.session_facts()
    assert (facts.opening, facts.closing, facts.outcome) == (6, 4, "done")
    assert facts.stretch_ratio == 1.0
    summary = companion.done_summary(facts.session_id)
    assert summary.opening == 6 and summary.closing == 4 and summary.exercises_done == 6


def test_an_interrupted_session_can_be_closed_as_partial(setup):
    companion, clock = setup
    companion.record_red_flags(())
    engine = companion.new_engine(companion.plan(PRESETS["box"]), clock)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=5)
    companion.close_interrupted(companion.home_status().interrupted)
    assert companion.home_status().interrupted is None
    assert companion.store.session_facts()[0].outcome == "partial"


class FlakyStore:
    def __init__(self):
        self.fail, self.written = True, []

    def record(self, rec):
        if self.fail:
            raise sqlite3.OperationalError("database or disk is full")
        self.written.append(rec)


def test_failed_writes_wait_in_memory_tell_once_and_go_out_later():
    store, told = FlakyStore(), []
    writer = RecordWriter(store, on_failure=told.append)
    writer("a")
    writer("b")
    assert writer.pending == 2 and len(told) == 1 and "keeps trying" in told[0]
    store.fail = False
    writer("c")
    assert store.written == ["a", "b", "c"] and writer.pending == 0


def test_cadence_label_round_trip():
    assert cadence_from_label(PRESETS["box"].label) == Cadence(4, 4, 4, 4)
    assert cadence_from_label("garbage") == PRESETS["relaxed"]
