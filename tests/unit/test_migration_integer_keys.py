"""Version 3 (``schema.integer_session_keys``) on version 2 files: every read, every row's
order and the resume point survive; times become whole milliseconds; the file shrinks to a
fifth and is backed up first; a crash midway leaves version 2 as it was.

The long history is simulated at the current version and written back as version 2
(``bench.history_v2``); ``bench/`` migrates ten years the same way and times it.
"""

# ruff: noqa: E402  (bench is found from the repository root, added to sys.path first)
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `bench` is not installed: it lives beside the package
    sys.path.insert(0, str(ROOT))

from backcompanion.history import Store, queries, schema
from backcompanion.program import builtin_program
from backcompanion.report.csv_export import history_csv_text
from backcompanion.session import rules as R
from backcompanion.session.records import CheckIn, RepeatDone, SessionStarted
from backcompanion.simulate import simulate
from bench.history_v2 import write_v2

PROGRAM = builtin_program()
PHASES = {e.id: e.phase.value for e in PROGRAM.exercises}
START = date(2025, 1, 6)  # a Monday
DAYS = 91
CHILDREN = (
    "check_ins",
    "breathing",
    "repeats",
    "exercises",
    "efforts",
    "pain_reports",
    "gate_events",
)
CET = timezone(timedelta(hours=1))


def pragma(path: Path, name: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def everything(store: Store) -> dict:
    """Every read the app makes of a history: the whole of it, then week by week."""
    first = store.first_session_day()
    facts = store.session_facts()
    weeks = []
    day = first
    while day <= START + timedelta(days=DAYS):
        end = day + timedelta(days=7)
        weeks.append(
            (
                store.sessions_between(day, end),
                store.exercise_totals_between(day, end),
                store.breathing_between(day, end),
                store.gate_events_between(day, end),
                store.session_facts(since=day),
                [store.offered_before(e.id, end) for e in PROGRAM.exercises],
            )
        )
        day = end
    return {
        "facts": facts,
        "weeks": weeks,
        "first": first,
        "latest": store.latest_session_start(),
        "ended": store.sessions_ended_count(),
        "previous": [store.previous_rated(f.started_at.timestamp()) for f in facts],
        "days": [store.session_day(f.session_id) for f in facts],
        "interrupted": store.interrupted_session(),
        "safety": (store.safety_facts(), store.red_flag_checks(), store.clearances()),
        "csv": history_csv_text(store, PROGRAM),
    }


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every child row with its session's and exercise's text ids in place of their keys."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in CHILDREN:
            columns = [
                {
                    "session": "(SELECT id FROM sessions WHERE key = session)",
                    "exercise": "(SELECT id FROM exercise_ids WHERE key = exercise)",
                }.get(row[1], row[1])
                for row in conn.execute(f"PRAGMA table_info({table})")
            ]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def simulated(tmp_path_factory) -> Path:
    """Thirteen weeks of simulated sessions at the current version, the last one interrupted."""
    folder = tmp_path_factory.mktemp("current")
    with Store.open(folder, phases=PHASES) as store:
        simulate(store, PROGRAM, R.load_rules(), DAYS, START, seed=11)
        at = datetime.combine(START + timedelta(days=DAYS), time(7, 30)).astimezone()
        store.record(SessionStarted("cut-short", at, True, ("all rules met",), "4-0-6-0"))
        store.record(CheckIn("cut-short", 3.25, "before", 3))
        store.record(RepeatDone("cut-short", 80.5, "angry_cat", None, 1, 5, 5.0))
        store.record(RepeatDone("cut-short", 88.75, "angry_cat", None, 2, 5, 4.5))
    return folder


def test_a_version_2_history_keeps_every_read_and_row_and_shrinks(simulated, tmp_path):
    with Store.open(simulated, phases=PHASES) as store:
        before = everything(store)
    assert len(before["facts"]) > 60 and before["interrupted"].rep == 3
    old = write_v2(simulated / schema.DB_NAME, tmp_path / schema.DB_NAME)
    old_size = old.stat().st_size
    assert pragma(old, "user_version") == 2

    with Store.open(tmp_path, phases=PHASES) as store:
        after = everything(store)
        problems = store._conn.execute("PRAGMA foreign_key_check").fetchall()
        integrity = store._conn.execute("PRAGMA integrity_check").fetchall()
    assert after == before
    assert dump(old) == dump(simulated / schema.DB_NAME)  # order (seq) and times included
    assert (problems, integrity) == ([], [("ok",)])
    assert pragma(old, "user_version") == schema.latest_version()
    assert old.stat().st_size * 4 <= old_size  # ten years: 106 MB to 19 MB (bench/)
    assert not (tmp_path / f"{schema.DB_NAME}-wal").exists()

    (backup,) = (tmp_path / "backups").iterdir()
    assert backup.name.endswith("-before-v3.sqlite3")
    assert pragma(backup, "user_version") == 2
    assert backup.stat().st_size == old_size


def write_old(folder: Path, rows: dict[str, list[tuple]]) -> Path:
    """A version 2 file with these rows, written as version 2 wrote them (ids in order)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / schema.DB_NAME
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in (*schema.V1, *schema.V2):
            conn.execute(statement)
        for table, values in rows.items():
            for row in values:
                marks = ", ".join("?" * len(row))
                conn.execute(f"INSERT INTO {table} VALUES ({marks})", row)
        conn.execute("PRAGMA user_version = 2")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    return path


def session(sid: str, day: int, status: str = "done") -> tuple:
    at = datetime(2024, 3, day, 8, 0, tzinfo=CET)
    active = None if status == "open" else 900.0
    return (sid, at.isoformat(), at.timestamp(), at.date().isoformat(), status, None, active,
            0, "[]", "4-0-6-0", 0)  # fmt: skip


def test_times_become_milliseconds_and_each_session_keeps_its_order(tmp_path):
    write_old(
        tmp_path,
        {
            "sessions": [session("a", 4), session("b", 5, "open")],
            "check_ins": [(1, "a", 1.0004, "before", 4, "stiff"), (2, "b", 2.5, "before", 5, "")],
            "breathing": [(1, "a", 61.23456, 10, 60.0, "4-0-6-0")],
            "repeats": [
                (1, "a", 123.77907203521681, "plank", None, 1, 10, 9.9996),
                (2, "b", 131.7790720352168, "angry_cat", None, 1, 5, 5.0),
                (3, "b", 139.7795, "angry_cat", None, 2, 5, 4.25),
            ],
            # two ends at the same moment: they stay in the order written, which is not
            # the order of their ids' keys (exercise_ids are numbered alphabetically)
            "exercises": [
                (1, "a", 300.0, "plank", "strength", "locked", 3, 0, 10),
                (2, "a", 300.0, "bird_dog", "strength", "locked", 3, 0, 10),
                (3, "b", 140.0, "angry_cat", "stretch", "stopped", 20, 2, 5),
            ],
            "efforts": [(1, "a", 301.5, "plank", "painful")],
            "pain_reports": [(1, "a", 302.0, "plank", 6), (2, "a", 303.0, "plank", None)],
            "gate_events": [(1, "a", 299.9999, 0, '["fewer than 5 sessions"]')],
        },
    )
    with Store.open(tmp_path, phases={}) as store:
        (a, b) = store.session_facts()
        resume = store.interrupted_session()
        breathing = store.breathing_between(date(2024, 3, 4), date(2024, 3, 6))
        gate = store.gate_events_between(date(2024, 3, 4), date(2024, 3, 6))
        ended = store._conn.execute(queries.ENDED_EXERCISES, {"id": "a"}).fetchall()
    assert (a.session_id, a.max_pain, a.hurt, a.opening) == ("a", 6, True, 4)
    assert (b.session_id, b.outcome, b.opening) == ("b", "open", 5)
    assert resume.last_repeat == RepeatDone("b", 139.78, "angry_cat", None, 2, 5, 4.25)
    assert (resume.exercise_id, resume.rep, resume.opening_done) == ("angry_cat", 3, True)
    assert resume.active_s == 140.0
    assert resume.exercises_ended == ("angry_cat",)
    assert [r.t for r in breathing] == [61.235]
    assert [g.t for g in gate] == [300.0]
    assert ended == [("plank",), ("bird_dog",)]
    assert dump(tmp_path / schema.DB_NAME)["repeats"] == [
        ("a", 1, 123779, "plank", None, 1, 10, 10000),
        ("b", 1, 131779, "angry_cat", None, 1, 5, 5000),
        ("b", 2, 139780, "angry_cat", None, 2, 5, 4250),
    ]


def test_a_child_row_without_its_session_is_left_behind(tmp_path):
    """Only a writer with foreign keys off could leave one; no read ever showed it."""
    path = write_old(
        tmp_path,
        {
            "sessions": [session("a", 4)],
            "repeats": [
                (1, "a", 10.0, "plank", None, 1, 10, 10.0),
                (2, "ghost", 20.0, "plank", None, 1, 10, 10.0),
            ],
        },
    )
    Store.open(tmp_path).close()
    assert dump(path)["repeats"] == [("a", 1, 10000, "plank", None, 1, 10, 10000)]
    (backup,) = (tmp_path / "backups").iterdir()
    conn = sqlite3.connect(backup)
    try:  # the backup keeps it
        assert conn.execute("SELECT count(*) FROM repeats").fetchone() == (2,)
    finally:
        conn.close()


CRASH_MIDWAY = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from backcompanion.history import Store, queries, schema

    class Crash:  # the indexes come last: every new table is filled, the old ones dropped
        def __iter__(self):
            os._exit(3)

    schema.V3_INDEXES = Crash()
    Store.open(Path(sys.argv[1]))
    """
)


def test_a_crash_midway_leaves_version_2_as_it_was_and_the_next_start_migrates(simulated, tmp_path):
    old = write_v2(simulated / schema.DB_NAME, tmp_path / schema.DB_NAME)
    before = dump_v2(old)
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_MIDWAY, str(tmp_path)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this tree's code
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert crashed.returncode == 3, crashed.stderr
    assert (tmp_path / f"{schema.DB_NAME}-wal").exists()  # the migration's uncommitted pages
    assert pragma(old, "user_version") == 2
    assert dump_v2(old) == before

    with Store.open(simulated, phases=PHASES) as store:
        expected = everything(store)
    with Store.open(tmp_path, phases=PHASES) as store:
        assert everything(store) == expected
    assert pragma(old, "user_version") == schema.latest_version()


def dump_v2(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
            for t in ("sessions", *CHILDREN)
        }
    finally:
        conn.close()
