"""The shape of the history file: connection settings, tables and forward migrations.

The schema version lives in ``PRAGMA user_version``. ``MIGRATIONS[n]`` takes a
file from version ``n`` to ``n + 1``; version 0 is an empty file. A step is
either a tuple of SQL statements or a function of the connection, so the next
version is one more entry at the end of the list. Each step runs in its own
transaction together with the new ``user_version``: a failed or interrupted
step leaves the file at the version before it. A migration that leaves at
least half the file unused (a table rebuilt) gives the space back (``VACUUM``,
itself atomic) before the file is used.

Why the tables look the way they do (version 3):

* one table per kind of record the engine emits (``session.records``), each row
  pointing at its session. A session has two ids: ``id``, the engine's text id
  (in its records, the resume point and the CSV export), and ``key``, a small
  integer the child tables use, 1-2 bytes where the text took 32 in every row
  and again in every index entry (ten years of history went from 106 MB to
  19 MB with version 3; ``bench/`` measures it);
* the child tables are ``WITHOUT ROWID`` tables keyed by ``(session, ...)``:
  the rows of one session lie together in the table itself, so reading a
  session, a week or a ``since`` range walks one range of the table with no
  index beside it that repeats its columns. ``seq`` numbers a session's
  records of one kind in the order they were written (the resume point is the
  last repeat); check-ins and exercise ends, which a later answer replaces,
  are keyed by what they are about instead (``kind``, ``exercise``), and an
  exercise end keeps the ``seq`` of its first answer, its place in the session;
* exercise ids are program ids (text) kept once in ``exercise_ids`` and pointed
  at by key, for the same reason; the short fixed words (outcome, effort,
  phase, status, kind) stay text, which keeps the file readable with any
  SQLite tool and costs under half a megabyte in ten years;
* the sessions are indexed on their local ``day``, so a week's report or a
  ``since`` query finds its sessions' keys in an index range whatever the
  length of the history; ``exercises_by_exercise`` answers "offered before?"
  without reading every exercise;
* times within a session are whole milliseconds (``t_ms``, ``held_ms``):
  INTEGER takes 2-4 bytes where a fractional REAL takes 8, and a millisecond
  is finer than anything the app shows or compares;
* times of day are kept twice: ISO 8601 text with the UTC offset as the user
  saw it, and Unix seconds (``*_ts``) to order by, because text with
  different offsets (summer and winter time) does not sort by instant;
* CHECK constraints repeat the rules the store enforces in Python, so no other
  writer (a future migration, a hand-edited file) can store a pain rating of
  11; foreign keys keep every child pointing at a session that exists.
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

# Version 1. Version 3 (``integer_session_keys``) rebuilds its session tables; the
# safety tables at the end are still as written here.
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

# Version 3: the session tables with integer keys, WITHOUT ROWID children and whole
# milliseconds (the module's docstring says why). A new file runs it too, after 1 and 2.
_SESSION = "session INTEGER NOT NULL REFERENCES sessions(key) ON DELETE CASCADE"
_EXERCISE = "exercise INTEGER NOT NULL REFERENCES exercise_ids(key)"
_SEQ = "seq INTEGER NOT NULL CHECK (seq >= 1)"  # the record's place in its session, from 1
_MS = "{0} INTEGER NOT NULL CHECK (typeof({0}) = 'integer' AND {0} >= 0)"
_T_MS = _MS.format("t_ms")  # active milliseconds since the session started

V3_TABLES = (
    """CREATE TABLE sessions (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
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
    "CREATE TABLE exercise_ids (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)",
    f"""CREATE TABLE check_ins (
        {_SESSION},
        kind TEXT NOT NULL CHECK (kind IN ('before', 'after')),
        {_T_MS},
        rating INTEGER NOT NULL CHECK ({_RATING.format("rating")}),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (session, kind)
    ) WITHOUT ROWID""",
    f"""CREATE TABLE breathing (
        {_SESSION},
        {_SEQ},
        {_T_MS},
        breaths INTEGER NOT NULL CHECK (breaths >= 0),
        seconds REAL NOT NULL CHECK (seconds >= 0),
        cadence TEXT NOT NULL,
        PRIMARY KEY (session, seq)
    ) WITHOUT ROWID""",
    f"""CREATE TABLE repeats (
        {_SESSION},
        {_SEQ},
        {_T_MS},
        {_EXERCISE},
        side INTEGER CHECK (side >= 0),
        rep INTEGER NOT NULL CHECK (rep >= 1),
        hold_s INTEGER NOT NULL CHECK (hold_s >= 0),
        {_MS.format("held_ms")},
        PRIMARY KEY (session, seq)
    ) WITHOUT ROWID""",
    f"""CREATE TABLE exercises (
        {_SESSION},
        {_EXERCISE},
        {_SEQ},
        {_T_MS},
        phase TEXT,
        outcome TEXT NOT NULL
            CHECK (outcome IN ('done', 'skipped', 'hurt', 'easier', 'stopped', 'locked')),
        reps_planned INTEGER NOT NULL CHECK (reps_planned >= 0),
        reps_done INTEGER NOT NULL CHECK (reps_done >= 0),
        hold_s INTEGER NOT NULL CHECK (hold_s >= 0),
        PRIMARY KEY (session, exercise)
    ) WITHOUT ROWID""",
    f"""CREATE TABLE efforts (
        {_SESSION},
        {_SEQ},
        {_T_MS},
        {_EXERCISE},
        effort TEXT NOT NULL CHECK (effort IN ('easy', 'right', 'hard', 'painful')),
        PRIMARY KEY (session, seq)
    ) WITHOUT ROWID""",
    f"""CREATE TABLE pain_reports (
        {_SESSION},
        {_SEQ},
        {_T_MS},
        {_EXERCISE},
        rating INTEGER CHECK (rating IS NULL OR ({_RATING.format("rating")})),
        PRIMARY KEY (session, seq)
    ) WITHOUT ROWID""",
    f"""CREATE TABLE gate_events (
        {_SESSION},
        {_SEQ},
        {_T_MS},
        open INTEGER NOT NULL CHECK (open IN (0, 1)),
        reasons TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
        PRIMARY KEY (session, seq)
    ) WITHOUT ROWID""",
)
V3_INDEXES = (
    "CREATE INDEX sessions_by_day ON sessions (day, started_ts)",
    "CREATE INDEX sessions_open ON sessions (started_ts) WHERE status = 'open'",
    "CREATE INDEX exercises_by_exercise ON exercises (exercise, outcome)",
)

_MS_OF = "CAST(round({0} * 1000) AS INTEGER)"
_ORDER = "row_number() OVER (PARTITION BY s.rowid ORDER BY c.id)"
_FROM = "FROM v2_{0} AS c JOIN v2_sessions AS s ON s.id = c.session_id"
_JOIN_EXERCISE = "JOIN exercise_ids AS x ON x.id = c.exercise_id"

# Version 2's rows in version 3's tables; a session keeps its rowid as its key, a child
# row its order (by id) as its seq. A child whose session is gone (only a writer with
# foreign keys off could leave one) was in no read and is not copied.
_V3_COPY = (
    """INSERT INTO sessions (key, id, started_at, started_ts, day, status, ended_at, active_s,
        gate_open, gate_reasons, cadence, resumed)
    SELECT rowid, id, started_at, started_ts, day, status, ended_at, active_s,
        gate_open, gate_reasons, cadence, resumed FROM v2_sessions ORDER BY rowid""",
    """INSERT INTO exercise_ids (id)
    SELECT exercise_id FROM v2_exercises UNION SELECT exercise_id FROM v2_repeats
    UNION SELECT exercise_id FROM v2_efforts UNION SELECT exercise_id FROM v2_pain_reports""",
    f"""INSERT INTO check_ins (session, kind, t_ms, rating, note)
    SELECT s.rowid, c.kind, {_MS_OF.format("c.t")}, c.rating, c.note {_FROM.format("check_ins")}
    ORDER BY s.rowid, c.kind""",
    f"""INSERT INTO breathing (session, seq, t_ms, breaths, seconds, cadence)
    SELECT s.rowid, {_ORDER}, {_MS_OF.format("c.t")}, c.breaths, c.seconds, c.cadence
    {_FROM.format("breathing")} ORDER BY s.rowid, c.id""",
    f"""INSERT INTO repeats (session, seq, t_ms, exercise, side, rep, hold_s, held_ms)
    SELECT s.rowid, {_ORDER}, {_MS_OF.format("c.t")}, x.key, c.side, c.rep, c.hold_s,
        {_MS_OF.format("c.held_s")}
    {_FROM.format("repeats")} {_JOIN_EXERCISE} ORDER BY s.rowid, c.id""",
    f"""INSERT INTO exercises (session, exercise, seq, t_ms, phase, outcome, reps_planned,
        reps_done, hold_s)
    SELECT s.rowid, x.key, {_ORDER}, {_MS_OF.format("c.t")}, c.phase, c.outcome,
        c.reps_planned, c.reps_done, c.hold_s
    {_FROM.format("exercises")} {_JOIN_EXERCISE} ORDER BY s.rowid, x.key""",
    f"""INSERT INTO efforts (session, seq, t_ms, exercise, effort)
    SELECT s.rowid, {_ORDER}, {_MS_OF.format("c.t")}, x.key, c.effort
    {_FROM.format("efforts")} {_JOIN_EXERCISE} ORDER BY s.rowid, c.id""",
    f"""INSERT INTO pain_reports (session, seq, t_ms, exercise, rating)
    SELECT s.rowid, {_ORDER}, {_MS_OF.format("c.t")}, x.key, c.rating
    {_FROM.format("pain_reports")} {_JOIN_EXERCISE} ORDER BY s.rowid, c.id""",
    f"""INSERT INTO gate_events (session, seq, t_ms, open, reasons)
    SELECT s.rowid, {_ORDER}, {_MS_OF.format("c.t")}, c.open, c.reasons
    {_FROM.format("gate_events")} ORDER BY s.rowid, c.id""",
)
# The tables version 3 rebuilds, parent first.
_V2_TABLES = (
    "sessions",
    "check_ins",
    "breathing",
    "repeats",
    "exercises",
    "efforts",
    "pain_reports",
    "gate_events",
)


def integer_session_keys(conn: sqlite3.Connection) -> None:
    """Version 3: rebuild the sessions and their children with integer keys (one transaction).

    The old tables are renamed aside (their foreign keys follow the rename), the new
    ones created and filled, the old ones dropped, children first, then the indexes
    made on the full tables. The old pages are not zeroed as they are freed
    (``secure_delete = FAST``; many SQLite builds zero them, which wrote 100 MB more
    for ten years): the same data is in the new tables, and the VACUUM after the
    migration (:func:`migrate`) rewrites the file without them.
    """
    (secure_delete,) = conn.execute("PRAGMA secure_delete").fetchone()
    conn.execute("PRAGMA secure_delete = FAST")
    try:
        for name in _V2_TABLES:
            conn.execute(f"ALTER TABLE {name} RENAME TO v2_{name}")
        for statement in (*V3_TABLES, *_V3_COPY):
            conn.execute(statement)
        for name in reversed(_V2_TABLES):
            conn.execute(f"DROP TABLE v2_{name}")
        for statement in V3_INDEXES:
            conn.execute(statement)
    finally:
        conn.execute(f"PRAGMA secure_delete = {secure_delete:d}")


# The therapist's plan (docs/ARCHITECTURE.md §13): every plan put in force, newest last
# (``body`` is the plan as JSON; NULL: the standard program), the plan each session
# started under, the PSFS ratings (a round: up to five activities rated 0-10 at one
# time) and the optional leg-pain rating of a check-in.
THERAPIST_PLAN = (
    """CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        at_ts REAL NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('standard', 'editor', 'file', 'previous')),
        body TEXT CHECK (body IS NULL OR json_valid(body))
    )""",
    "ALTER TABLE sessions ADD COLUMN plan INTEGER REFERENCES plans(id)",
    """CREATE TABLE psfs_rounds (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        at_ts REAL NOT NULL
    )""",
    f"""CREATE TABLE psfs_scores (
        round INTEGER NOT NULL REFERENCES psfs_rounds(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
        activity TEXT NOT NULL CHECK (length(activity) BETWEEN 1 AND 80),
        rating INTEGER NOT NULL CHECK ({_RATING.format("rating")}),
        PRIMARY KEY (round, position)
    ) WITHOUT ROWID""",
    f"""CREATE TABLE leg_pain (
        {_SESSION},
        kind TEXT NOT NULL CHECK (kind IN ('before', 'after')),
        rating INTEGER NOT NULL CHECK ({_RATING.format("rating")}),
        PRIMARY KEY (session, kind)
    ) WITHOUT ROWID""",
)


# Triage levels (issue 14): the red flags go from the source's 7 to 16
# (resources/safety.yaml); an old answer keeps its meaning under the new
# numbers (old 5, bladder/bowel/sexual or belly, becomes both new ones; old 6,
# osteoporosis or cancer, too). A check is the weekly full one or the
# "anything new today?" before a session; a clearance says who cleared and on
# what date (self-reported).
OLD_FLAG_NUMBERS = {
    1: (15,),  # worsening -> not_improving
    2: (14,),  # sleep_or_movement -> night_pain
    3: (16,),  # leg_symptoms -> one_leg
    4: (7,),  # injury
    5: (2, 6),  # bowel_bladder_or_belly -> bladder_bowel_sexual, belly_pain
    6: (10, 11),  # osteoporosis_or_cancer -> cancer_history, osteoporosis
    7: (9,),  # weight_loss
}


def triage_levels(conn: sqlite3.Connection) -> None:
    conn.execute(
        "ALTER TABLE red_flag_checks ADD COLUMN kind TEXT NOT NULL DEFAULT 'weekly' "
        "CHECK (kind IN ('weekly', 'daily'))"
    )
    rows = conn.execute("SELECT id, ticked FROM red_flag_checks WHERE ticked != ''").fetchall()
    for row_id, ticked in rows:
        new = sorted({m for n in ticked.split(",") if n for m in OLD_FLAG_NUMBERS.get(int(n), ())})
        conn.execute(
            "UPDATE red_flag_checks SET ticked = ? WHERE id = ?",
            (",".join(str(n) for n in new), row_id),
        )
    conn.execute("ALTER TABLE clearances ADD COLUMN who TEXT NOT NULL DEFAULT ''")
    conn.execute(
        "ALTER TABLE clearances ADD COLUMN cleared_on TEXT CHECK (cleared_on IS NULL OR "
        "cleared_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
    )


Step = Sequence[str] | Callable[[sqlite3.Connection], None]

# MIGRATIONS[n] takes the file from version n to n + 1.
MIGRATIONS: list[Step] = [V1, V2, integer_session_keys, THERAPIST_PLAN, triage_levels]


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
    _give_back_free_space(conn)
    return latest_version()


def _give_back_free_space(conn: sqlite3.Connection) -> None:
    """VACUUM when at least half of the file is free pages (a step rebuilt a table).

    Then the ``-wal`` file, which held the migration, is emptied. Only space is at
    stake: a VACUUM that fails (no room for its copy) leaves the file as it was,
    migrated and usable.
    """
    (free,) = conn.execute("PRAGMA freelist_count").fetchone()
    (total,) = conn.execute("PRAGMA page_count").fetchone()
    if free * 2 < total or total == 0:
        return
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError:
        pass
