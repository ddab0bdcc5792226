"""The history store: every record written and read back, the facts the rules read,
the interrupted session, the weekly report's queries and the file's permissions."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone

import pytest

from backcompanion.history import (
    BreathingRow,
    ExerciseTotal,
    GateEventRow,
    Store,
)
from backcompanion.session.facts import Clearance, RedFlagCheck
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

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
PHASES = {
    "breathing_90_90": "breathing",
    "angry_cat": "stretch",
    "hamstring_stretch": "stretch",
    "plank": "strength",
    "knee_plank": "strength",
}
ENDED_AT = datetime(2024, 3, 4, 9, 30, tzinfo=CET)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "data", phases=PHASES, wall_clock=lambda: ENDED_AT) as s:
        yield s


# A child row's exercise id, in a raw query.
EXERCISE = "(SELECT id FROM exercise_ids WHERE key = exercise)"


def raw(store: Store, sql: str, *params) -> list[tuple]:
    """Read the file through a second connection: what is there is committed."""
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def start(store, sid, at, gate_open=False, reasons=("fewer than 5 sessions",)):
    store.record(SessionStarted(sid, at, gate_open, reasons, "4-0-6-0"))


def full_session(store, sid, at, opening, closing, *, done=True, cat_done=20, hurt=False):
    """A session with breathing, two stretches (one per side), a locked plank, both check-ins."""
    start(store, sid, at)
    store.record(CheckIn(sid, 1.0, "before", opening))
    store.record(BreathingDone(sid, 60.0, 10, 60.0, "4-0-6-0"))
    for rep in range(1, cat_done + 1):
        store.record(RepeatDone(sid, 60.0 + rep * 8, "angry_cat", None, rep, 5, 5.1))
    store.record(ExerciseEnded(sid, 230.0, "angry_cat", ExerciseOutcome.DONE, 20, cat_done, 5))
    for side in (0, 1):
        for rep in (1, 2):
            store.record(
                RepeatDone(
                    sid, 240.0 + side * 30 + rep * 10, "hamstring_stretch", side, rep, 7, 7.0
                )
            )
    store.record(ExerciseEnded(sid, 300.0, "hamstring_stretch", ExerciseOutcome.DONE, 4, 4, 7))
    if hurt:
        store.record(PainReported(sid, 305.0, "hamstring_stretch", 6))
    store.record(GateShown(sid, 310.0, False, ("fewer than 5 sessions",)))
    store.record(ExerciseEnded(sid, 310.0, "plank", ExerciseOutcome.LOCKED, 3, 0, 10))
    store.record(CheckIn(sid, 320.0, "after", closing, note="felt looser"))
    outcome = SessionOutcome.DONE if done else SessionOutcome.STOPPED
    store.record(SessionEnded(sid, 330.0, outcome, 330.0))


# --- writing --------------------------------------------------------------------------


def test_every_record_type_is_written_and_read_back(store):
    at = datetime(2024, 3, 4, 8, 15, tzinfo=CET)
    store.record(SessionStarted("s1", at, True, ("all rules met",), "4-0-7-0"))
    store.record(CheckIn("s1", 2.5, "before", 4, "stiff"))
    store.record(BreathingDone("s1", 62.0, 10, 60.0, "4-0-7-0"))
    store.record(RepeatDone("s1", 70.0, "hamstring_stretch", 1, 3, 7, 6.9))
    store.record(ExerciseEnded("s1", 80.0, "plank", ExerciseOutcome.EASIER, 3, 1, 10))
    store.record(EffortRated("s1", 81.0, "plank", Effort.HARD))
    store.record(PainReported("s1", 82.0, "plank", None))
    store.record(PainReported("s1", 83.0, "knee_plank", 6))
    store.record(GateShown("s1", 84.0, True, ("all rules met", "no flare-up")))
    store.record(CheckIn("s1", 90.0, "after", 3))
    store.record(SessionEnded("s1", 95.0, SessionOutcome.STOPPED, 95.0))

    assert raw(
        store,
        "SELECT id, started_at, day, status, ended_at, active_s, gate_open, "
        "gate_reasons, cadence FROM sessions",
    ) == [
        (
            "s1",
            "2024-03-04T08:15:00+01:00",
            "2024-03-04",
            "stopped",
            "2024-03-04T09:30:00+01:00",
            95.0,
            1,
            '["all rules met"]',
            "4-0-7-0",
        ),
    ]
    # children point at the session's integer key; times are whole milliseconds
    assert raw(store, "SELECT key FROM sessions") == [(1,)]
    assert raw(store, "SELECT session, t_ms, kind, rating, note FROM check_ins ORDER BY t_ms") == [
        (1, 2500, "before", 4, "stiff"),
        (1, 90000, "after", 3, ""),
    ]
    assert raw(store, "SELECT session, seq, t_ms, breaths, seconds, cadence FROM breathing") == [
        (1, 1, 62000, 10, 60.0, "4-0-7-0"),
    ]
    assert raw(
        store,
        f"SELECT session, seq, t_ms, {EXERCISE}, side, rep, hold_s, held_ms FROM repeats",
    ) == [(1, 1, 70000, "hamstring_stretch", 1, 3, 7, 6900)]
    assert raw(
        store,
        f"SELECT seq, t_ms, {EXERCISE}, phase, outcome, reps_planned, reps_done, hold_s "
        "FROM exercises",
    ) == [(1, 80000, "plank", "strength", "easier", 3, 1, 10)]
    assert raw(store, f"SELECT seq, t_ms, {EXERCISE}, effort FROM efforts") == [
        (1, 81000, "plank", "hard")
    ]
    assert raw(store, f"SELECT seq, t_ms, {EXERCISE}, rating FROM pain_reports ORDER BY seq") == [
        (1, 82000, "plank", None),
        (2, 83000, "knee_plank", 6),
    ]
    assert raw(store, "SELECT seq, t_ms, open, reasons FROM gate_events") == [
        (1, 84000, 1, '["all rules met", "no flare-up"]'),
    ]
    assert raw(store, "SELECT id FROM exercise_ids ORDER BY key") == [
        ("hamstring_stretch",),
        ("plank",),
        ("knee_plank",),
    ]

    (row,) = store.sessions_between(date(2024, 3, 4), date(2024, 3, 5))
    assert (row.session_id, row.started_at, row.day, row.status) == (
        "s1",
        at,
        date(2024, 3, 4),
        "stopped",
    )
    assert (row.opening, row.closing, row.notes) == (4, 3, ("stiff",))
    assert (row.ended_at, row.active_s, row.minutes) == (ENDED_AT, 95.0, 95.0 / 60)
    assert (row.gate_open, row.gate_reasons, row.cadence, row.resumed) == (
        True,
        ("all rules met",),
        "4-0-7-0",
        0,
    )
    assert row.started_at.utcoffset() == timedelta(hours=1)


def test_a_record_is_committed_when_record_returns(store):
    start(store, "s1", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
    store.record(CheckIn("s1", 1.0, "before", 5))
    # a second connection sees it while the store is still open: no commit pending
    assert raw(store, "SELECT rating FROM check_ins") == [(5,)]


def test_a_check_in_or_an_exercise_recorded_again_replaces_the_first(store):
    start(store, "s1", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
    store.record(CheckIn("s1", 1.0, "before", 5))
    store.record(CheckIn("s1", 3.0, "before", 4, "changed my mind"))
    store.record(ExerciseEnded("s1", 10.0, "angry_cat", ExerciseOutcome.SKIPPED, 20, 3, 5))
    store.record(ExerciseEnded("s1", 90.0, "angry_cat", ExerciseOutcome.DONE, 20, 20, 5))
    assert raw(store, "SELECT rating, note FROM check_ins") == [(4, "changed my mind")]
    assert raw(store, "SELECT outcome, reps_done FROM exercises") == [("done", 20)]


COUNT_ALL = """SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM check_ins),
                      (SELECT COUNT(*) FROM pain_reports), (SELECT COUNT(*) FROM exercises),
                      (SELECT COUNT(*) FROM efforts), (SELECT COUNT(*) FROM repeats),
                      (SELECT COUNT(*) FROM exercise_ids)"""


@pytest.mark.parametrize(
    "bad",
    [
        CheckIn("s1", 1.0, "before", 11),
        CheckIn("s1", 1.0, "before", -1),
        CheckIn("s1", 1.0, "after", 3.5),
        CheckIn("s1", 1.0, "after", True),
        CheckIn("s1", 1.0, "during", 3),
        PainReported("s1", 1.0, "plank", 11),
        ExerciseEnded("s1", 1.0, "plank", "meh", 3, 1, 10),
        ExerciseEnded("s1", 1.0, "plank", ExerciseOutcome.DONE, 3, -1, 10),
        EffortRated("s1", 1.0, "plank", "awful"),
        RepeatDone("s1", -1.0, "angry_cat", None, 1, 5, 5.0),
        RepeatDone("s1", 1.0, "angry_cat", None, 0, 5, 5.0),
        RepeatDone("s1", float("nan"), "angry_cat", None, 1, 5, 5.0),
        RepeatDone("s1", float("inf"), "angry_cat", None, 1, 5, 5.0),
        RepeatDone("s1", "1.0", "angry_cat", None, 1, 5, 5.0),
        RepeatDone("s1", 1.0, "angry_cat", None, 1, 5, -0.5),
        SessionEnded("s1", 1.0, "open", 1.0),
        SessionStarted("s2", datetime(2024, 3, 4, 8, 0), False, (), "4-0-6-0"),  # naive
        SessionStarted("s1", datetime(2024, 3, 4, 8, 0, tzinfo=CET), False, (), "4-0-6-0"),
        CheckIn("nobody", 1.0, "before", 3),
        RepeatDone("nobody", 1.0, "a_new_exercise", None, 1, 5, 5.0),
        SessionEnded("nobody", 1.0, SessionOutcome.DONE, 1.0),
        "CheckIn",
        object(),
        None,
    ],
    ids=repr,
)
def test_a_bad_record_raises_value_error_and_writes_nothing(store, bad):
    start(store, "s1", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
    before = raw(store, COUNT_ALL)
    with pytest.raises(ValueError):
        store.record(bad)
    assert raw(store, COUNT_ALL) == before
    assert raw(store, "SELECT status FROM sessions") == [("open",)]


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO check_ins (session, t_ms, kind, rating) VALUES (1, 1, 'before', 11)",
        "INSERT INTO check_ins (session, t_ms, kind, rating) VALUES (1, 1, 'before', 5.5)",
        "INSERT INTO check_ins (session, t_ms, kind, rating) VALUES (1, 1.5, 'before', 5)",
        "INSERT INTO check_ins (session, t_ms, kind, rating) VALUES (1, -1, 'before', 5)",
        "INSERT INTO check_ins (session, t_ms, kind, rating) VALUES (2, 1, 'before', 3)",
        "INSERT INTO exercise_ids (id) VALUES ('plank'), ('plank')",
        "INSERT INTO pain_reports (session, seq, t_ms, exercise, rating) VALUES (1, 1, 1, 1, 5)",
        (  # the first statement is what the bad one needs
            "INSERT INTO exercise_ids (key, id) VALUES (1, 'x')",
            "INSERT INTO pain_reports (session, seq, t_ms, exercise, rating) "
            "VALUES (1, 1, 1, 1, -1)",
        ),
        "INSERT INTO repeats (session, seq, t_ms, exercise, rep, hold_s, held_ms) "
        "VALUES (1, 0, 1, 1, 1, 5, 5000)",
        "UPDATE sessions SET status = 'paused'",
        "INSERT INTO red_flag_checks (at, at_ts, ticked) VALUES ('x', 0, '1;3')",
    ],
)
def test_the_schema_itself_refuses_bad_values(store, sql):
    start(store, "s1", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
    conn = sqlite3.connect(store.path)
    conn.execute("PRAGMA foreign_keys = ON")
    *setup, bad = (sql,) if isinstance(sql, str) else sql
    try:
        for statement in setup:
            conn.execute(statement)
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(bad)
    finally:
        conn.close()


def test_a_batch_commits_once_at_the_end_and_rolls_back_on_error(store):
    with store.batch():
        start(store, "s1", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
        with pytest.raises(ValueError):  # a bad record undoes only itself
            store.record(CheckIn("s1", 1.0, "before", 12))
        store.record(CheckIn("s1", 1.0, "before", 2))
        assert raw(store, "SELECT COUNT(*) FROM sessions") == [(0,)]  # not committed yet
    assert raw(store, "SELECT rating FROM check_ins") == [(2,)]
    with pytest.raises(RuntimeError, match="boom"), store.batch():
        start(store, "s2", datetime(2024, 3, 5, 8, 0, tzinfo=CET))
        raise RuntimeError("boom")
    assert raw(store, "SELECT id FROM sessions") == [("s1",)]


# --- the facts the rules read -----------------------------------------------------------


def test_session_facts_are_built_from_the_rows(store):
    full_session(store, "a", datetime(2024, 3, 4, 8, 0, tzinfo=CET), 5, 3)
    full_session(
        store, "b", datetime(2024, 3, 5, 8, 0, tzinfo=CET), 4, 7, done=False, cat_done=12, hurt=True
    )
    start(store, "c", datetime(2024, 3, 6, 8, 0, tzinfo=CET))
    store.record(EffortRated("c", 5.0, "angry_cat", Effort.PAINFUL))

    a, b, c = store.session_facts()
    assert (a.session_id, a.outcome, a.opening, a.closing) == ("a", "done", 5, 3)
    # stretches only: angry cat 20 + hamstring 4; the locked plank is not a stretch
    assert (a.stretch_reps_planned, a.stretch_reps_done, a.stretch_ratio) == (24, 24, 1.0)
    assert a.holds == {"angry_cat": 5, "hamstring_stretch": 7}  # the locked plank was not offered
    assert (a.max_pain, a.hurt) == (5, False)
    assert a.started_at == datetime(2024, 3, 4, 8, 0, tzinfo=CET)
    assert a.day == date(2024, 3, 4)

    assert a.reps == {"angry_cat": (20, 20), "hamstring_stretch": (4, 4)}  # planned, done

    assert (b.outcome, b.stretch_reps_planned, b.stretch_reps_done) == ("stopped", 24, 16)
    assert b.reps["angry_cat"] == (20, 12)  # offered, 12 done: the hold rule reads this
    assert (b.max_pain, b.hurt) == (7, True)

    assert (c.outcome, c.opening, c.closing, c.max_pain, c.hurt) == ("open", None, None, None, True)
    assert (c.stretch_reps_planned, c.holds, c.reps) == (0, {}, {})


def test_a_hold_does_not_grow_on_an_exercise_offered_but_skipped(store):
    """Through the store as the app reads it: the hamstring stretch offered and skipped after
    1 of its 4 repeats in every session stays at its low end; pelvic tilt, done, grows."""
    from backcompanion.program import builtin_program
    from backcompanion.session.rules import hold_for, load_rules

    program, rules = builtin_program(), load_rules()
    for day in range(4):
        sid = f"s{day}"
        start(store, sid, datetime(2024, 3, 4 + day, 8, 0, tzinfo=CET))
        store.record(CheckIn(sid, 1.0, "before", 3))
        store.record(RepeatDone(sid, 10.0, "hamstring_stretch", 0, 1, 5, 5.0))
        store.record(
            ExerciseEnded(sid, 20.0, "hamstring_stretch", ExerciseOutcome.SKIPPED, 4, 1, 5)
        )
        for rep in range(1, 5):
            store.record(RepeatDone(sid, 20.0 + rep * 8, "pelvic_tilt", None, rep, 5, 5.0))
        store.record(ExerciseEnded(sid, 60.0, "pelvic_tilt", ExerciseOutcome.DONE, 4, 4, 5))
        store.record(CheckIn(sid, 70.0, "after", 2))
        store.record(SessionEnded(sid, 80.0, SessionOutcome.DONE, 80.0))
    facts = store.session_facts()
    assert facts[0].reps == {"hamstring_stretch": (4, 1), "pelvic_tilt": (4, 4)}
    assert hold_for(rules, program.by_id("pelvic_tilt"), facts) == 7
    assert hold_for(rules, program.by_id("hamstring_stretch"), facts) == 5


def test_an_exercise_the_phases_do_not_name_counts_in_no_phase(tmp_path):
    with Store.open(tmp_path) as bare:  # no phases given
        start(bare, "a", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
        bare.record(ExerciseEnded("a", 9.0, "angry_cat", ExerciseOutcome.DONE, 20, 20, 5))
        (facts,) = bare.session_facts()
        assert (facts.stretch_reps_planned, facts.holds) == (0, {"angry_cat": 5})
        assert bare.exercise_totals_between(date(2024, 3, 4), date(2024, 3, 5))[0].phase is None


def test_session_facts_since_a_day_in_order_of_the_instant(store):
    # the clocks went forward: 01:30+01:00 is before 02:45+02:00 (00:30 and 00:45 UTC)...
    start(store, "winter", datetime(2024, 3, 31, 1, 30, tzinfo=CET))
    start(store, "summer", datetime(2024, 3, 31, 2, 45, tzinfo=CEST))
    # ...and 02:10+02:00 (00:10 UTC) is before both though its text sorts after 01:30
    start(store, "earliest", datetime(2024, 3, 31, 2, 10, tzinfo=CEST))
    start(store, "old", datetime(2024, 3, 20, 9, 0, tzinfo=CET))
    assert [f.session_id for f in store.session_facts()] == ["old", "earliest", "winter", "summer"]
    since = [f.session_id for f in store.session_facts(since=date(2024, 3, 31))]
    assert since == ["earliest", "winter", "summer"]
    at_noon = datetime(2024, 3, 31, 12, 0, tzinfo=CEST)  # a datetime counts as its day
    assert len(store.session_facts(since=at_noon)) == 3
    assert store.session_facts(since=date(2024, 4, 1)) == []


def test_a_session_belongs_to_the_day_it_started(store):
    start(store, "late", datetime(2024, 3, 4, 23, 50, tzinfo=CET))
    store.record(CheckIn("late", 1500.0, "after", 2))  # past midnight
    assert [r.day for r in store.sessions_between(date(2024, 3, 4), date(2024, 3, 5))] == [
        date(2024, 3, 4)
    ]
    assert store.sessions_between(date(2024, 3, 5), date(2024, 3, 6)) == []


def test_session_facts_stay_fast_for_ten_years_of_daily_sessions(store):
    first = datetime(2015, 1, 1, 8, 0, tzinfo=CET)
    with store.batch():
        for n in range(3650):
            sid = f"s{n:05}"
            start(store, sid, first + timedelta(days=n))
            store.record(CheckIn(sid, 1.0, "before", n % 8))
            store.record(BreathingDone(sid, 60.0, 10, 60.0, "4-0-6-0"))
            for rep in range(1, 11):
                store.record(RepeatDone(sid, 60.0 + rep, "angry_cat", None, rep, 5, 5.0))
            for ex in ("angry_cat", "hamstring_stretch", "plank"):
                store.record(ExerciseEnded(sid, 300.0, ex, ExerciseOutcome.DONE, 10, 10, 5))
            store.record(CheckIn(sid, 320.0, "after", n % 6))
            store.record(SessionEnded(sid, 330.0, SessionOutcome.DONE, 330.0))
    began = time.perf_counter()
    facts = store.session_facts()
    took = time.perf_counter() - began
    assert len(facts) == 3650
    assert facts[-1].stretch_reps_done == 20
    assert took < 1.0, f"session_facts took {took:.2f} s for 3650 sessions"
    began = time.perf_counter()
    week = store.sessions_between(date(2024, 12, 16), date(2024, 12, 23))
    store.exercise_totals_between(date(2024, 12, 16), date(2024, 12, 23))
    assert len(week) == 7
    assert time.perf_counter() - began < 0.05


def test_the_queries_walk_the_day_index(store):
    conn = sqlite3.connect(store.path)
    try:
        plan = " ".join(
            row[3]
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM sessions WHERE day >= ? AND day < ?",
                ("2024-01-01", "2024-01-08"),
            )
        )
    finally:
        conn.close()
    assert "sessions_by_day" in plan


# --- safety -----------------------------------------------------------------------------


def test_red_flag_checks_and_clearances_make_the_safety_facts(store):
    assert store.safety_facts().last_check is None
    assert store.safety_facts().blocking_flags() == ()
    store.record_red_flag_check(datetime(2024, 3, 1, 9, 0, tzinfo=CET), [])
    store.record_red_flag_check(datetime(2024, 3, 8, 9, 0, tzinfo=CET), [3, 1, 3])
    assert store.red_flag_checks() == [
        RedFlagCheck(datetime(2024, 3, 1, 9, 0, tzinfo=CET), ()),
        RedFlagCheck(datetime(2024, 3, 8, 9, 0, tzinfo=CET), (1, 3)),
    ]
    assert store.safety_facts().blocking_flags() == (1, 3)
    store.record_clearance(datetime(2024, 3, 9, 10, 0, tzinfo=CET), "Dr Ng, physio")
    assert store.clearances() == [
        Clearance(datetime(2024, 3, 9, 10, 0, tzinfo=CET), "Dr Ng, physio")
    ]
    facts = store.safety_facts()
    assert facts.last_clearance.note == "Dr Ng, physio"
    assert facts.blocking_flags() == ()


def test_the_newest_check_is_by_instant_not_by_text(store):
    store.record_red_flag_check(datetime(2024, 3, 31, 2, 10, tzinfo=CEST), [2])  # 00:10 UTC
    store.record_red_flag_check(datetime(2024, 3, 31, 1, 30, tzinfo=CET), [])  # 00:30 UTC
    assert store.safety_facts().last_check.ticked == ()


@pytest.mark.parametrize("ticked", [[0], [-2], [True], ["1"]])
def test_red_flags_are_numbered_from_one(store, ticked):
    with pytest.raises(ValueError):
        store.record_red_flag_check(datetime(2024, 3, 1, tzinfo=CET), ticked)
    assert store.red_flag_checks() == []


def test_safety_times_must_be_timezone_aware(store):
    with pytest.raises(ValueError):
        store.record_clearance(datetime(2024, 3, 1, 9, 0))
    with pytest.raises(ValueError):
        store.record_nudge_dismissed(datetime(2024, 3, 1, 9, 0))


def test_the_last_nudge_dismissal(store):
    assert store.last_nudge_dismissed() is None
    store.record_nudge_dismissed(datetime(2024, 3, 1, 9, 0, tzinfo=CET))
    store.record_nudge_dismissed(datetime(2024, 3, 8, 9, 0, tzinfo=CET))
    assert store.last_nudge_dismissed() == datetime(2024, 3, 8, 9, 0, tzinfo=CET)


# --- an interrupted session -------------------------------------------------------------


def test_no_interrupted_session_when_every_session_ended(store):
    full_session(store, "a", datetime(2024, 3, 4, 8, 0, tzinfo=CET), 5, 3)
    assert store.interrupted_session() is None


def test_the_interrupted_session_resumes_after_the_last_repeat(store):
    full_session(store, "old", datetime(2024, 3, 3, 8, 0, tzinfo=CET), 5, 3)
    start(store, "x", datetime(2024, 3, 4, 8, 0, tzinfo=CET), gate_open=True, reasons=("ok",))
    store.record(CheckIn("x", 1.0, "before", 4))
    found = store.interrupted_session()
    assert (found.last_repeat, found.exercise_id, found.side_index, found.rep) == (None, None, 0, 1)
    assert (found.opening_done, found.breathing_done, found.active_s) == (True, False, 1.0)
    store.record(BreathingDone("x", 61.0, 10, 60.0, "4-0-6-0"))
    for rep in range(1, 21):
        store.record(RepeatDone("x", 61.0 + 8 * rep, "angry_cat", None, rep, 5, 5.0))
    store.record(ExerciseEnded("x", 230.0, "angry_cat", ExerciseOutcome.DONE, 20, 20, 5))
    store.record(RepeatDone("x", 240.0, "hamstring_stretch", 0, 1, 7, 7.0))
    store.record(RepeatDone("x", 250.0, "hamstring_stretch", 0, 2, 7, 7.0))

    found = store.interrupted_session()
    assert (found.session_id, found.started_at) == ("x", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
    assert (found.gate_open, found.gate_reasons, found.cadence) == (True, ("ok",), "4-0-6-0")
    assert found.last_repeat == RepeatDone("x", 250.0, "hamstring_stretch", 0, 2, 7, 7.0)
    assert (found.exercise_id, found.side_index, found.rep) == ("hamstring_stretch", 0, 3)
    assert (found.opening_done, found.breathing_done) == (True, True)
    assert found.exercises_ended == ("angry_cat",)
    assert found.active_s == 250.0

    store.mark_resumed("x")
    assert store.interrupted_session().session_id == "x"  # still open after a resume
    store.close_as_partial("x", datetime(2024, 3, 4, 9, 0, tzinfo=CET))
    assert store.interrupted_session() is None
    row = store.sessions_between(date(2024, 3, 4), date(2024, 3, 5))[0]
    assert (row.status, row.active_s, row.resumed) == ("partial", 250.0, 1)
    assert row.ended_at == datetime(2024, 3, 4, 9, 0, tzinfo=CET)
    assert store.session_facts()[-1].outcome == "partial"
    with pytest.raises(ValueError):
        store.close_as_partial("x", datetime(2024, 3, 4, 9, 0, tzinfo=CET))
    with pytest.raises(ValueError):
        store.mark_resumed("x")


def test_times_in_a_session_are_kept_to_the_millisecond(store):
    start(store, "s1", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
    store.record(RepeatDone("s1", 70.0004999, "angry_cat", None, 1, 5, 4.99951))
    store.record(RepeatDone("s1", 78.12345, "angry_cat", None, 2, 5, 5.0))
    assert raw(store, "SELECT t_ms, held_ms FROM repeats ORDER BY seq") == [
        (70000, 5000),
        (78123, 5000),
    ]
    found = store.interrupted_session()
    assert found.last_repeat == RepeatDone("s1", 78.123, "angry_cat", None, 2, 5, 5.0)
    assert found.active_s == 78.123


def test_the_newest_open_session_is_offered(store):
    start(store, "older", datetime(2024, 3, 3, 8, 0, tzinfo=CET))
    start(store, "newer", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
    assert store.interrupted_session().session_id == "newer"


# --- the weekly report ------------------------------------------------------------------


def test_the_report_queries_cover_a_half_open_range_of_days(store):
    assert store.first_session_day() is None
    full_session(store, "sun", datetime(2024, 3, 3, 8, 0, tzinfo=CET), 6, 5)
    full_session(store, "mon", datetime(2024, 3, 4, 8, 0, tzinfo=CET), 5, 3)
    full_session(
        store, "thu", datetime(2024, 3, 7, 18, 0, tzinfo=CET), 4, 4, cat_done=10, done=False
    )
    full_session(store, "next_mon", datetime(2024, 3, 11, 8, 0, tzinfo=CET), 3, 2)
    monday, next_monday = date(2024, 3, 4), date(2024, 3, 11)

    assert store.first_session_day() == date(2024, 3, 3)
    week = store.sessions_between(monday, next_monday)
    assert [(r.session_id, r.status, r.opening, r.closing) for r in week] == [
        ("mon", "done", 5, 3),
        ("thu", "stopped", 4, 4),
    ]
    assert week[0].notes == ("felt looser",)
    assert store.sessions_between(datetime(2024, 3, 4, 23, 0, tzinfo=CET), next_monday) == week

    assert store.exercise_totals_between(monday, next_monday) == [
        ExerciseTotal("angry_cat", "stretch", 2, 40, 30, 5, ()),
        ExerciseTotal("hamstring_stretch", "stretch", 2, 8, 8, 7, (0, 1)),
    ]  # the plank was locked: not offered, not counted
    assert store.breathing_between(monday, next_monday) == [
        BreathingRow("mon", monday, 60.0, 10, 60.0, "4-0-6-0"),
        BreathingRow("thu", date(2024, 3, 7), 60.0, 10, 60.0, "4-0-6-0"),
    ]
    assert store.breathing_between(monday, next_monday)[0].minutes == 1.0
    gates = store.gate_events_between(monday, next_monday)
    assert gates[0] == GateEventRow(
        "mon",
        monday,
        datetime(2024, 3, 4, 8, 0, tzinfo=CET),
        310.0,
        False,
        ("fewer than 5 sessions",),
    )
    assert len(gates) == 2
    assert store.sessions_between(date(2024, 3, 12), date(2024, 3, 19)) == []
    assert store.exercise_totals_between(date(2024, 3, 12), date(2024, 3, 19)) == []


def test_an_exercise_cut_short_by_a_crash_shows_its_repeats(store):
    start(store, "x", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
    store.record(RepeatDone("x", 10.0, "hamstring_stretch", 1, 1, 8, 8.0))
    assert store.exercise_totals_between(date(2024, 3, 4), date(2024, 3, 5)) == [
        ExerciseTotal("hamstring_stretch", None, 0, 0, 0, 8, (1,)),
    ]


# --- the file ---------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_only_the_user_can_read_the_history(tmp_path):
    data = tmp_path / "deep" / "data"
    with Store.open(data) as s:
        start(s, "a", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
        assert stat.S_IMODE(os.stat(data).st_mode) == 0o700
        for name in ("backcompanion.sqlite3", "backcompanion.sqlite3-wal"):
            assert stat.S_IMODE(os.stat(data / name).st_mode) == 0o600, name


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_existing_file_is_made_private(tmp_path):
    Store.open(tmp_path).close()
    os.chmod(tmp_path / "backcompanion.sqlite3", 0o644)
    Store.open(tmp_path).close()
    assert stat.S_IMODE(os.stat(tmp_path / "backcompanion.sqlite3").st_mode) == 0o600


def test_the_connection_is_durable_and_checked(store):
    conn = store._conn  # the settings are the point of this test
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_closing_twice_is_harmless_and_folds_the_wal_back(tmp_path):
    s = Store.open(tmp_path)
    start(s, "a", datetime(2024, 3, 4, 8, 0, tzinfo=CET))
    s.close()
    s.close()
    assert not (tmp_path / "backcompanion.sqlite3-wal").exists()
    with pytest.raises(sqlite3.ProgrammingError):
        s.session_facts()


def test_the_default_folder_is_the_same_with_and_without_a_qt_application(tmp_path):
    # a fresh interpreter: pytest-qt may already have made an application in this one
    script = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from backcompanion import APP_NAME, ORG_NAME\n"
        "from backcompanion.history import default_data_dir\n"
        "print(default_data_dir())\n"
        "QCoreApplication.setOrganizationName(ORG_NAME)\n"
        "QCoreApplication.setApplicationName(APP_NAME)\n"
        "app = QCoreApplication([])\n"
        "print(default_data_dir())\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [str(tmp_path / "BackCompanion")] * 2  # the name once (test_relocate.py)
