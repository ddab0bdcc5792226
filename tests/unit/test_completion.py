"""session.completion: one way to count a session, for every screen, report and the gate."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backcompanion.session.completion import ExerciseTally, session_completion, stretching_counts
from backcompanion.session.facts import SessionFacts

SHARE = 0.8


def tally(done: int, planned: int = 10, outcome: str = "done", name: str = "x") -> ExerciseTally:
    return ExerciseTally(name, outcome, planned, done)


def test_every_repeat_done_is_complete():
    c = session_completion("done", [tally(10), tally(6, 6)], SHARE)
    assert (c.exercises_done, c.exercises_offered, c.complete, c.partly) == (2, 2, True, False)
    assert c.share == 1.0


def test_mostly_skipped_is_partly_done_and_says_what_was_done():
    exercises = [tally(10), *(tally(1, outcome="skipped") for _ in range(5))]
    c = session_completion("done", exercises, SHARE)
    assert (c.exercises_done, c.exercises_offered) == (1, 6)
    assert (c.reps_done, c.reps_planned) == (15, 60)
    assert not c.complete and c.partly


def test_exactly_the_share_counts():
    c = session_completion("done", [tally(8, outcome="skipped")], SHARE)
    assert c.complete and c.exercises_done == 1
    c = session_completion("done", [tally(7, outcome="skipped")], SHARE)
    assert not c.complete and c.exercises_done == 0


@pytest.mark.parametrize("status", ["stopped", "partial", "open"])
def test_a_session_that_did_not_end_normally_is_never_complete(status):
    c = session_completion(status, [tally(10)], SHARE)
    assert not c.complete and c.partly and c.exercises_done == 1


def test_nothing_done_is_neither_complete_nor_partly():
    c = session_completion("done", [tally(0, outcome="skipped")], SHARE)
    assert not c.complete and not c.partly
    assert session_completion("done", [], SHARE).share is None


def test_locked_and_swapped_exercises_are_not_counted_as_offered():
    exercises = [
        tally(10),
        tally(0, outcome="locked", name="plank"),
        tally(1, outcome="easier", name="side_plank"),  # swapped: its easier version follows
        tally(5, 5, name="side_plank_knees"),
    ]
    c = session_completion("done", exercises, SHARE)
    assert (c.exercises_done, c.exercises_offered, c.reps_planned, c.complete) == (2, 2, 15, True)


def test_expected_counts_the_exercises_a_stopped_session_never_reached():
    c = session_completion("stopped", [tally(10), tally(2, outcome="stopped")], SHARE, expected=6)
    assert (c.exercises_done, c.exercises_offered) == (1, 6)


@pytest.mark.parametrize(
    ("outcome", "done", "counts"),
    [("done", 80, True), ("done", 79, False), ("stopped", 100, False), ("partial", 100, False)],
)
def test_the_gate_counts_stretching_done_in_a_session_that_ended(outcome, done, counts):
    f = SessionFacts("s", datetime(2026, 1, 5, 9, tzinfo=UTC), outcome, 3, 3, 100, done)
    assert stretching_counts(f, SHARE) is counts


# ---------------------------------------------------------------- the store's count


@pytest.mark.parametrize(
    ("status", "ends", "complete"),
    [
        pytest.param("done", [("a", "done", 10, 10)], True, id="all-done"),
        pytest.param("done", [("a", "done", 10, 10), ("b", "skipped", 10, 6)], True, id="80pc"),
        pytest.param("done", [("a", "done", 10, 10), ("b", "skipped", 10, 5)], False, id="75pc"),
        pytest.param("done", [("a", "skipped", 10, 0)], False, id="nothing"),
        pytest.param("done", [], False, id="no-exercise"),
        pytest.param("stopped", [("a", "done", 10, 10)], False, id="stopped"),
        pytest.param(
            "done",
            [
                ("a", "done", 4, 4),
                ("p", "locked", 5, 0),
                ("s", "easier", 5, 0),
                ("k", "done", 5, 5),
            ],
            True,
            id="locked-and-swapped-left-out",
        ),
        pytest.param("done", [("a", "hurt", 10, 2)], False, id="hurt-early"),
    ],
)
def test_the_store_counts_complete_sessions_as_the_rule_does(tmp_path, status, ends, complete):
    from datetime import timedelta

    from backcompanion.history import Store
    from backcompanion.session.records import (
        CheckIn,
        ExerciseEnded,
        ExerciseOutcome,
        SessionEnded,
        SessionOutcome,
        SessionStarted,
    )

    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    store = Store.open(tmp_path, wall_clock=lambda: start + timedelta(minutes=20))
    try:
        store.record(SessionStarted("s1", start, False, (), "4-0-6-0"))
        store.record(CheckIn("s1", 1.0, "before", 3))
        for i, (exercise, outcome, planned, done) in enumerate(ends):
            ended = ExerciseEnded(
                "s1", 10.0 + i, exercise, ExerciseOutcome(outcome), planned, done, 30
            )
            store.record(ended)
        if status == "done":
            store.record(CheckIn("s1", 100.0, "after", 3))
        store.record(SessionEnded("s1", 100.0, SessionOutcome(status), 100.0))
        tallies = store.session_exercises_between(start.date(), start.date() + timedelta(days=1))
        by_rule = session_completion(status, tallies.get("s1", ()), SHARE).complete
        assert by_rule is complete
        assert store.complete_sessions_count(SHARE) == int(complete)
    finally:
        store.close()


# ------------------------------------------- "this hurts", back, "too hard": one exercise


def _engine_records(plan, drive):
    """The records of a whole session driven by ``drive(engine, clock)`` on a fake clock."""
    from backcompanion.session.clock import FakeClock
    from backcompanion.session.engine import Event, SessionEngine, State

    clock = FakeClock()
    engine = SessionEngine(plan, clock, lambda: datetime(2026, 1, 5, 9, tzinfo=UTC))
    records = []
    engine.add_recorder(records.append)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=2)
    drive(engine, clock)
    while engine.state is not State.CHECK_IN_AFTER:
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()
    engine.send(Event.CHECK_IN, rating=2)
    return records


def test_a_real_session_this_hurts_back_and_too_hard_counts_the_plank_once(tmp_path):
    """The engine's own records, through a real store: "this hurts" (3/10) on the plank moves
    on to the bridge; B goes back to the plank and T swaps it for the knee plank."""
    from datetime import timedelta

    from backcompanion.history import Store
    from backcompanion.program import builtin_program
    from backcompanion.session.engine import Event, State
    from backcompanion.session.plan import Cadence, SessionPlan, StepPlan

    program = builtin_program()

    def step(exercise_id):
        return StepPlan(program.by_id(exercise_id), 2, 2)

    plan = SessionPlan(
        breathing=program.breathing,
        cadence=Cadence(4, 0, 6, 0, 3),
        stretches=(step("angry_cat"),),
        strength=(step("plank"), step("bridge")),
        gate_open=True,
        gate_reasons=(),
        easier={"plank": step("knee_plank")},
        get_ready_s=2,
        release_s=1,
    )

    def drive(engine, clock):
        engine.send(Event.CONTINUE)  # out of the breathing
        while (snap := engine.snapshot()).exercise is None or snap.exercise.id != "plank":
            if snap.state is State.GATE:
                engine.send(Event.CONTINUE)
                continue
            clock.advance(max(snap.remaining_s, 1e-3))
            engine.update()
        engine.send(Event.THIS_HURTS, rating=3)
        assert engine.snapshot().exercise.id == "bridge"
        engine.send(Event.PREVIOUS)
        assert engine.snapshot().exercise.id == "plank"
        engine.send(Event.TOO_HARD)
        assert engine.snapshot().exercise.id == "knee_plank"

    records = _engine_records(plan, drive)
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    store = Store.open(
        tmp_path,
        phases={e.id: e.phase.value for e in program.exercises},
        wall_clock=lambda: start + timedelta(minutes=20),
    )
    try:
        for record in records:
            store.record(record)
        (session_id,) = {r.session_id for r in records}
        tallies = store.session_exercises_between(start.date(), start.date() + timedelta(days=1))
        ends = [(t.exercise_id, t.outcome) for t in tallies[session_id]]
        # the store keeps one end per exercise, the last: the plank's is the swap
        assert ends == [
            ("angry_cat", "done"),
            ("plank", "easier"),
            ("knee_plank", "done"),
            ("bridge", "done"),
        ]
        c = session_completion("done", tallies[session_id], SHARE, expected=3)
        assert (c.exercises_done, c.exercises_offered, c.complete) == (3, 3, True)
        assert store.complete_sessions_count(SHARE) == 1
    finally:
        store.close()
