"""A history file as version 2 of the schema stored it, made from a current (version 3) one.

For measuring and testing the migration to version 3 on a long history: the
simulator writes the current schema, so an old file is made by copying a
simulated one back into version 2's tables (``schema.V1`` and ``schema.V2``).
Each child row goes back to pointing at its session's text id, with its time
in seconds (``t``, ``held_s``) and its place in the session as its rowid.
Bound to version 3's tables: a later version that changes them changes this.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from backcompanion.history import schema

_FROM = "FROM cur.{0} AS c JOIN cur.sessions AS s ON s.key = c.session"
_EXERCISE = "(SELECT id FROM cur.exercise_ids WHERE key = c.exercise)"

_COPY = (
    """INSERT INTO sessions (id, started_at, started_ts, day, status, ended_at, active_s,
        gate_open, gate_reasons, cadence, resumed)
    SELECT id, started_at, started_ts, day, status, ended_at, active_s,
        gate_open, gate_reasons, cadence, resumed FROM cur.sessions ORDER BY key""",
    f"""INSERT INTO check_ins (session_id, t, kind, rating, note)
    SELECT s.id, c.t_ms / 1000.0, c.kind, c.rating, c.note {_FROM.format("check_ins")}
    ORDER BY c.session, c.t_ms""",
    f"""INSERT INTO breathing (session_id, t, breaths, seconds, cadence)
    SELECT s.id, c.t_ms / 1000.0, c.breaths, c.seconds, c.cadence {_FROM.format("breathing")}
    ORDER BY c.session, c.seq""",
    f"""INSERT INTO repeats (session_id, t, exercise_id, side, rep, hold_s, held_s)
    SELECT s.id, c.t_ms / 1000.0, {_EXERCISE}, c.side, c.rep, c.hold_s, c.held_ms / 1000.0
    {_FROM.format("repeats")} ORDER BY c.session, c.seq""",
    f"""INSERT INTO exercises
        (session_id, t, exercise_id, phase, outcome, reps_planned, reps_done, hold_s)
    SELECT s.id, c.t_ms / 1000.0, {_EXERCISE}, c.phase, c.outcome, c.reps_planned,
        c.reps_done, c.hold_s {_FROM.format("exercises")} ORDER BY c.session, c.seq""",
    f"""INSERT INTO efforts (session_id, t, exercise_id, effort)
    SELECT s.id, c.t_ms / 1000.0, {_EXERCISE}, c.effort {_FROM.format("efforts")}
    ORDER BY c.session, c.seq""",
    f"""INSERT INTO pain_reports (session_id, t, exercise_id, rating)
    SELECT s.id, c.t_ms / 1000.0, {_EXERCISE}, c.rating {_FROM.format("pain_reports")}
    ORDER BY c.session, c.seq""",
    f"""INSERT INTO gate_events (session_id, t, open, reasons)
    SELECT s.id, c.t_ms / 1000.0, c.open, c.reasons {_FROM.format("gate_events")}
    ORDER BY c.session, c.seq""",
    # version 4 added columns to these two (and renumbered the flags: keep such files
    # free of ticked flags, as the simulation leaves them, to compare after a migration)
    "INSERT INTO red_flag_checks SELECT id, at, at_ts, ticked FROM cur.red_flag_checks ORDER BY id",
    "INSERT INTO clearances SELECT id, at, at_ts, note FROM cur.clearances ORDER BY id",
    "INSERT INTO nudge_dismissals SELECT * FROM cur.nudge_dismissals ORDER BY id",
)


def write_v2(current: Path, dest: Path) -> Path:
    """Write the history in ``current`` (version 3 or later) to the new file ``dest`` as version 2.

    ``dest`` is left as the app leaves a file it closed: one file, no ``-wal``.
    """
    conn = sqlite3.connect(dest, isolation_level=None)
    try:
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        if version or conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise FileExistsError(f"{dest} is not a new file")
        conn.execute("ATTACH DATABASE ? AS cur", (str(current),))
        (from_version,) = conn.execute("PRAGMA cur.user_version").fetchone()
        if from_version < 3:  # later versions keep version 3's tables and add their own
            raise ValueError(f"{current} is at version {from_version}, not 3 or later")
        conn.execute("BEGIN")
        for statement in (*schema.V1, *schema.V2, *_COPY):
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 2")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE cur")
        conn.execute("PRAGMA journal_mode = WAL")  # as the app left it
    finally:
        conn.close()
    return dest
