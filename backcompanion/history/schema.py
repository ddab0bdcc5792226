"""The shape of the history file: connection settings, tables and forward migrations.

The schema version lives in ``PRAGMA user_version``. ``MIGRATIONS[n]`` takes a
file from version ``n`` to ``n + 1``; version 0 is an empty file. A step is
either a tuple of SQL statements or a function of the connection, so version 2
is one more entry at the end of the list. Each step runs in its own
transaction together with the new ``user_version``: a failed step leaves the
file at the version before it.

Why the tables look the way they do:

* one table per kind of record the engine emits (``session.records``), each row
  pointing at its session; every child table is indexed on ``session_id`` and
  the sessions are indexed on their local ``day``, so a week's report or a
  ``since`` query walks an index range whatever the length of the history;
* times are kept twice: ISO 8601 text with the UTC offset as the user saw it,
  and Unix seconds (``*_ts``) to order by, because text with different offsets
  (summer and winter time) does not sort by instant;
* CHECK constraints repeat the rules the store enforces in Python, so no other
  writer (a future migration, a hand-edited file) can store a pain rating of 11.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

DB_NAME = "backcompanion.sqlite3"

# "BCMP": marks the file as ours, so a stranger's database is never migrated.
APPLICATION_ID = 0x42434D50

# Run on every connection. WAL + synchronous=FULL: each commit is on disk when
# it returns (a lost workout is what a user notices); commits are few.
CONNECTION_PRAGMAS = (
    "PRAGMA busy_timeout = 5000",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
)

_RATING = "typeof({0}) = 'integer' AND {0} BETWEEN 0 AND 10"
_CHILD = "session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE"
_T = "t REAL NOT NULL CHECK (t >= 0)"  # active seconds since the session started

V1 = (
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        started_ts REAL NOT NULL,
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'done', 'stopped', 'partial')),
        ended_at TEXT,
        active_s REAL CHECK (active_s >= 0),
        gate_open INTEGER NOT NULL CHECK (gate_open IN (0, 1)),
        gate_reasons TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
        cadence TEXT NOT NULL,
        resumed INTEGER NOT NULL DEFAULT 0 CHECK (resumed >= 0)
    )""",
    "CREATE INDEX sessions_by_day ON sessions (day, started_ts)",
    "CREATE INDEX sessions_open ON sessions (started_ts) WHERE status = 'open'",
    f"""CREATE TABLE check_ins (
        id INTEGER PRIMARY KEY,
        {_CHILD},
        {_T},
        kind TEXT NOT NULL CHECK (kind IN ('before', 'after')),
        rating INTEGER NOT NULL CHECK ({_RATING.format("rating")}),
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (session_id, kind)
    )""",
    f"""CREATE TABLE breathing (
        id INTEGER PRIMARY KEY,
        {_CHILD},
        {_T},
        breaths INTEGER NOT NULL CHECK (breaths >= 0),
        seconds REAL NOT NULL CHECK (seconds >= 0),
        cadence TEXT NOT NULL
    )""",
    "CREATE INDEX breathing_by_session ON breathing (session_id)",
    f"""CREATE TABLE repeats (
        id INTEGER PRIMARY KEY,
        {_CHILD},
        {_T},
        exercise_id TEXT NOT NULL,
        side INTEGER CHECK (side >= 0),
        rep INTEGER NOT NULL CHECK (rep >= 1),
        hold_s INTEGER NOT NULL CHECK (hold_s >= 0),
        held_s REAL NOT NULL CHECK (held_s >= 0)
    )""",
    "CREATE INDEX repeats_by_session ON repeats (session_id, exercise_id)",
    f"""CREATE TABLE exercises (
        id INTEGER PRIMARY KEY,
        {_CHILD},
        {_T},
        exercise_id TEXT NOT NULL,
        phase TEXT,
        outcome TEXT NOT NULL
            CHECK (outcome IN ('done', 'skipped', 'hurt', 'easier', 'stopped', 'locked')),
        reps_planned INTEGER NOT NULL CHECK (reps_planned >= 0),
        reps_done INTEGER NOT NULL CHECK (reps_done >= 0),
        hold_s INTEGER NOT NULL CHECK (hold_s >= 0),
        UNIQUE (session_id, exercise_id)
    )""",
    f"""CREATE TABLE efforts (
        id INTEGER PRIMARY KEY,
        {_CHILD},
        {_T},
        exercise_id TEXT NOT NULL,
        effort TEXT NOT NULL CHECK (effort IN ('easy', 'right', 'hard', 'painful'))
    )""",
    "CREATE INDEX efforts_by_session ON efforts (session_id)",
    f"""CREATE TABLE pain_reports (
        id INTEGER PRIMARY KEY,
        {_CHILD},
        {_T},
        exercise_id TEXT NOT NULL,
        rating INTEGER CHECK (rating IS NULL OR ({_RATING.format("rating")}))
    )""",
    "CREATE INDEX pain_reports_by_session ON pain_reports (session_id)",
    f"""CREATE TABLE gate_events (
        id INTEGER PRIMARY KEY,
        {_CHILD},
        {_T},
        open INTEGER NOT NULL CHECK (open IN (0, 1)),
        reasons TEXT NOT NULL DEFAULT '[]'  -- JSON array of strings
    )""",
    "CREATE INDEX gate_events_by_session ON gate_events (session_id)",
    # Safety answers belong to the person, not to a session.
    """CREATE TABLE red_flag_checks (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        at_ts REAL NOT NULL,
        ticked TEXT NOT NULL CHECK (ticked NOT GLOB '*[^0-9,]*')
    )""",
    "CREATE INDEX red_flag_checks_by_time ON red_flag_checks (at_ts)",
    """CREATE TABLE clearances (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        at_ts REAL NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX clearances_by_time ON clearances (at_ts)",
    """CREATE TABLE nudge_dismissals (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        at_ts REAL NOT NULL
    )""",
    "CREATE INDEX nudge_dismissals_by_time ON nudge_dismissals (at_ts)",
    f"PRAGMA application_id = {APPLICATION_ID}",
)

# Version 2: the plan asks whether an exercise was ever offered before a day
# (``queries.OFFERED_BEFORE``); without this index that walks every exercise row.
V2 = ("CREATE INDEX exercises_by_exercise ON exercises (exercise_id, outcome)",)

Step = Sequence[str] | Callable[[sqlite3.Connection], None]

# MIGRATIONS[n] takes the file from version n to n + 1.
MIGRATIONS: list[Step] = [V1, V2]


def latest_version() -> int:
    """The version this code writes (read at call time, so a test can add a step)."""
    return len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, current: int) -> int:
    """Run every step after ``current``, each in its own transaction; return the new version.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so the
    transactions here are the only ones.
    """
    for version, step in enumerate(MIGRATIONS[current:], start=current + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if callable(step):
                step(conn)
            else:
                for statement in step:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version:d}")
        except BaseException:
            if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return latest_version()
