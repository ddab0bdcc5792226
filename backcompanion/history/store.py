"""The history store: one SQLite file, written one record at a time.

Every record the engine emits is committed in its own transaction before
:meth:`Store.record` returns (WAL, ``synchronous=FULL``), so a crash or a power
cut loses at most the repeat in progress and the next start can offer to resume
(:meth:`Store.interrupted_session`).

Which exercises are stretches: the store is told the program's phases when it
is opened (``phases``: exercise id -> "breathing" / "stretch" / "strength")
and keeps each exercise's phase in its row as it is recorded. The history
then keeps the meaning it had on the day, even if a later program moves an
exercise; an exercise the mapping does not know is stored without a phase and
counts in no phase's totals (``SessionFacts.stretch_reps_*`` count only
"stretch").
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from backcompanion.history import backup_files, queries, schema
from backcompanion.history.errors import CorruptStoreError, StoreError
from backcompanion.history.paths import private_file, private_folder
from backcompanion.history.rows import (
    BreathingRow,
    ExerciseTotal,
    GateEventRow,
    InterruptedSession,
    SessionRow,
)
from backcompanion.i18n import translate
from backcompanion.session.clock import WallClock, local_now
from backcompanion.session.facts import Clearance, RedFlagCheck, SafetyFacts, SessionFacts
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

# SQLite's primary result codes that mean "the bytes are not a sound database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26

Day = date | datetime  # a datetime counts as its date


class Store:
    """The history of one person. Open with :meth:`Store.open`; use from one thread."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        data_dir: Path,
        phases: Mapping[str, str],
        wall_clock: WallClock,
    ):
        self._conn = conn
        self._closed = False
        self._phases = dict(phases)
        self._wall_clock = wall_clock
        self.data_dir = data_dir
        self.path = data_dir / schema.DB_NAME

    # --- opening and closing ----------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        phases: Mapping[str, str] | None = None,
        wall_clock: WallClock = local_now,
    ) -> Store:
        """Open (or create) the history in ``data_dir`` and bring its schema up to date.

        Raises :class:`CorruptStoreError` when the file is damaged or not ours
        (call :func:`history.recover`), :class:`StoreError` when it cannot be
        used for another reason (written by a newer app, folder not writable).
        ``phases`` maps exercise ids to their phase, e.g.
        ``{e.id: e.phase for e in program.exercises}`` (see the module's docstring).
        ``wall_clock`` stamps the end of a session; tests and ``simulate`` pass
        their fake one.
        """
        data_dir = Path(data_dir)
        path = data_dir / schema.DB_NAME
        try:
            private_folder(data_dir)
            if path.exists() and not path.is_file():
                raise CorruptStoreError(
                    path, translate("StoreError", "something other than a file is in its place")
                )
            if path.is_file() and path.stat().st_size == 0 and backup_files.any_backup(data_dir):
                # an emptied file (a crash on some file systems, a sync tool) is not a new
                # history: treating it as one would hide every backup behind it
                raise CorruptStoreError(path, translate("StoreError", "the file is empty"))
            private_file(path)
        except OSError as exc:
            raise StoreError(
                translate("StoreError", "cannot use the data folder {folder}: {error}").format(
                    folder=data_dir, error=exc.strerror
                )
            ) from exc
        checked = not _was_closed_cleanly(path)  # a file closed cleanly needs no full scan
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            _prepare(conn, path, data_dir, check=checked)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if exc.sqlite_errorcode & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
                raise CorruptStoreError(path, str(exc)) from exc
            raise StoreError(
                translate("StoreError", "cannot open the history file {path}: {error}").format(
                    path=path, error=exc
                )
            ) from exc
        except OSError as exc:  # the backup before a migration could not be written
            conn.close()
            raise StoreError(
                translate(
                    "StoreError", "cannot back up the history before updating it: {error}"
                ).format(error=exc)
            ) from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, data_dir, phases or {}, wall_clock)

    def close(self) -> None:
        """Close the file; SQLite folds the ``-wal`` file back into it. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            self._conn.execute(queries.OPTIMIZE)
        except sqlite3.OperationalError:
            pass  # only statistics: another process holding the lock must not fail a close
        finally:
            self._conn.close()
        _mark_clean(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def backup_to(self, dest: Path) -> None:
        """Write a consistent copy of the history to ``dest`` (see ``history.backup``)."""
        backup_files.copy_database(self._conn, dest)

    # --- writing ----------------------------------------------------------------------

    def record(self, rec: Record) -> None:
        """Commit one of the engine's records; it is on disk when this returns.

        Raises ValueError, and writes nothing, for a value out of range (a pain
        rating outside 0-10, an unknown outcome, a naive datetime), a record for
        a session that does not exist, or anything that is not a record.
        """
        sql, params = self._statement(rec)
        with self._write(type(rec).__name__) as conn:
            if conn.execute(sql, params).rowcount == 0:
                raise ValueError(f"{type(rec).__name__} for an unknown session {rec.session_id!r}")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Write many records in one transaction, committed when the block ends.

        For demo data and imports (``simulate`` writes years of sessions), where
        a commit per record would be slow. Never for a live session: there a
        crash would lose the whole batch.
        """
        if self._conn.in_transaction:
            raise RuntimeError("a batch is already open")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def record_red_flag_check(self, at: datetime, ticked: Iterable[int]) -> None:
        """Keep the answers to a red-flag check; ``ticked`` holds the flags' numbers (1-based)."""
        numbers = tuple(ticked)
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in numbers):
            raise ValueError(f"red flags are numbered from 1, not {numbers}")
        text = ",".join(str(n) for n in sorted(set(numbers)))
        with self._write("red-flag check") as conn:
            conn.execute(queries.INSERT_RED_FLAG_CHECK, {**_when(at), "ticked": text})

    def record_clearance(self, at: datetime, note: str = "") -> None:
        """Keep that the user says a clinician cleared them to continue."""
        with self._write("clearance") as conn:
            conn.execute(queries.INSERT_CLEARANCE, {**_when(at), "note": note})

    def record_nudge_dismissed(self, at: datetime) -> None:
        """Keep that the user dismissed the "see a physical therapist" suggestion."""
        with self._write("nudge dismissal") as conn:
            conn.execute(queries.INSERT_NUDGE_DISMISSAL, _when(at))

    def close_as_partial(self, session_id: str, at: datetime) -> None:
        """End an interrupted session the user chose not to resume; what was done is kept.

        Its active time becomes the latest ``t`` recorded. Raises ValueError
        when no open session has this id.
        """
        with self._write("partial session") as conn:
            params = {"id": session_id, "ended_at": _when(at)["at"]}
            if conn.execute(queries.CLOSE_AS_PARTIAL, params).rowcount == 0:
                raise ValueError(f"no open session {session_id!r}")

    def mark_resumed(self, session_id: str) -> None:
        """Count that an interrupted session was resumed (it stays open and keeps its id)."""
        with self._write("resume") as conn:
            if conn.execute(queries.MARK_RESUMED, {"id": session_id}).rowcount == 0:
                raise ValueError(f"no open session {session_id!r}")

    # --- what the rules read ----------------------------------------------------------

    def session_facts(self, since: Day | None = None) -> list[SessionFacts]:
        """Every session started on ``since`` or later (all when None), oldest first.

        ``max_pain`` is the highest of every rating in the session (both
        check-ins and "this hurts" reports); ``hurt`` is true after "this
        hurts", a Painful effort or an exercise that ended hurt; ``holds`` maps
        each exercise offered (not locked) to the hold it was offered at.
        Two queries, whatever the number of sessions.
        """
        params = {"since": _day(since) if since is not None else ""}
        holds: dict[str, dict[str, int]] = defaultdict(dict)
        for session_id, exercise_id, hold_s in self._conn.execute(queries.SESSION_HOLDS, params):
            holds[session_id][exercise_id] = hold_s
        return [
            SessionFacts(
                session_id=sid,
                started_at=datetime.fromisoformat(started),
                outcome=status,
                opening=opening,
                closing=closing,
                stretch_reps_planned=planned,
                stretch_reps_done=done,
                holds=holds.get(sid, {}),
                max_pain=max_pain,
                hurt=bool(hurt),
            )
            for sid, started, status, opening, closing, planned, done, max_pain, hurt in (
                self._conn.execute(queries.SESSION_FACTS, params)
            )
        ]

    def latest_session_start(self) -> datetime | None:
        """When the newest session started (any status), or None when there is none."""
        row = self._conn.execute(queries.LATEST_SESSION_START).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def sessions_ended_count(self) -> int:
        """How many sessions ended: done, stopped or partial (not still open)."""
        return self._conn.execute(queries.SESSIONS_ENDED_COUNT).fetchone()[0]

    def session_day(self, session_id: str) -> tuple[date, float] | None:
        """The day a session started on and its start as a timestamp; None when unknown."""
        row = self._conn.execute(queries.SESSION_DAY_AND_TS, {"id": session_id}).fetchone()
        return (date.fromisoformat(row[0]), row[1]) if row else None

    def previous_rated(self, started_ts: float) -> SessionFacts | None:
        """The newest session started before ``started_ts`` with an opening rating.

        Only its time, status and opening rating are filled in: what the
        flare-up test compares a session with.
        """
        row = self._conn.execute(queries.PREVIOUS_RATED, {"ts": started_ts}).fetchone()
        if row is None:
            return None
        sid, started, status, opening = row
        return SessionFacts(sid, datetime.fromisoformat(started), status, opening, None, 0, 0)

    def offered_before(self, exercise_id: str, start: Day) -> bool:
        """Whether ``exercise_id`` was offered (not locked) in a session before ``start``."""
        params = {"exercise_id": exercise_id, "start": _day(start)}
        return bool(self._conn.execute(queries.OFFERED_BEFORE, params).fetchone()[0])

    def safety_facts(self) -> SafetyFacts:
        check = self._conn.execute(queries.LAST_RED_FLAG_CHECK).fetchone()
        clearance = self._conn.execute(queries.LAST_CLEARANCE).fetchone()
        return SafetyFacts(
            last_check=_red_flag_check(*check) if check else None,
            last_clearance=_clearance(*clearance) if clearance else None,
        )

    def red_flag_checks(self) -> list[RedFlagCheck]:
        """Every red-flag check, oldest first."""
        return [_red_flag_check(*row) for row in self._conn.execute(queries.RED_FLAG_CHECKS)]

    def clearances(self) -> list[Clearance]:
        """Every clinician clearance, oldest first."""
        return [_clearance(*row) for row in self._conn.execute(queries.CLEARANCES)]

    def last_nudge_dismissed(self) -> datetime | None:
        row = self._conn.execute(queries.LAST_NUDGE_DISMISSAL).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def interrupted_session(self) -> InterruptedSession | None:
        """The newest session still open, with where to resume it; None when there is none.

        Call it at start-up, before a new session begins (a running session is
        open too).
        """
        row = self._conn.execute(queries.NEWEST_OPEN_SESSION).fetchone()
        if row is None:
            return None
        session_id, started_at, gate_open, gate_reasons, cadence = row
        key = {"id": session_id}
        opening_done, breathing_done, active_s = self._conn.execute(
            queries.RESUME_STATE, key
        ).fetchone()
        row = self._conn.execute(queries.LAST_REPEAT, key).fetchone()
        last = RepeatDone(*row) if row else None
        ended = tuple(r[0] for r in self._conn.execute(queries.ENDED_EXERCISES, key))
        return InterruptedSession(
            session_id=session_id,
            started_at=datetime.fromisoformat(started_at),
            gate_open=bool(gate_open),
            gate_reasons=tuple(json.loads(gate_reasons)),
            cadence=cadence,
            last_repeat=last,
            exercise_id=last.exercise_id if last else None,
            side_index=(last.side or 0) if last else 0,
            rep=last.rep + 1 if last else 1,
            opening_done=bool(opening_done),
            breathing_done=bool(breathing_done),
            exercises_ended=ended,
            active_s=float(active_s),
        )

    # --- what the weekly report reads: days start <= day < end ------------------------

    def sessions_between(self, start: Day, end: Day) -> list[SessionRow]:
        """Sessions started on a day in ``[start, end)``, oldest first."""
        return [
            SessionRow(
                session_id=sid,
                started_at=datetime.fromisoformat(started),
                day=date.fromisoformat(day),
                status=status,
                ended_at=datetime.fromisoformat(ended) if ended else None,
                active_s=active_s,
                opening=opening,
                closing=closing,
                notes=tuple(n for n in (opening_note, closing_note) if n),
                gate_open=bool(gate_open),
                gate_reasons=tuple(json.loads(reasons)),
                cadence=cadence,
                resumed=resumed,
            )
            for (
                sid,
                started,
                day,
                status,
                ended,
                active_s,
                opening,
                opening_note,
                closing,
                closing_note,
                gate_open,
                reasons,
                cadence,
                resumed,
            ) in self._conn.execute(queries.SESSIONS_BETWEEN, _range(start, end))
        ]

    def exercise_totals_between(self, start: Day, end: Day) -> list[ExerciseTotal]:
        """Each exercise offered or repeated on a day in ``[start, end)``, by id."""
        params = _range(start, end)
        holds: dict[str, int] = {}
        sides: dict[str, set[int]] = defaultdict(set)
        for exercise_id, side, hold_s in self._conn.execute(queries.REPEAT_TOTALS_BETWEEN, params):
            holds[exercise_id] = max(hold_s, holds.get(exercise_id, 0))
            if side is not None:
                sides[exercise_id].add(side)
        ended = {
            row[0]: row[1:] for row in self._conn.execute(queries.EXERCISE_TOTALS_BETWEEN, params)
        }
        totals = []
        for exercise_id in sorted(ended.keys() | holds.keys()):
            phase, sessions, planned, done = ended.get(exercise_id, (None, 0, 0, 0))
            totals.append(
                ExerciseTotal(
                    exercise_id=exercise_id,
                    phase=phase,
                    sessions=sessions,
                    reps_planned=planned,
                    reps_done=done,
                    max_hold_s=holds.get(exercise_id),
                    sides_done=tuple(sorted(sides[exercise_id])),
                )
            )
        return totals

    def breathing_between(self, start: Day, end: Day) -> list[BreathingRow]:
        """Breathing sets of sessions started on a day in ``[start, end)``, in order."""
        return [
            BreathingRow(sid, date.fromisoformat(day), t, breaths, seconds, cadence)
            for sid, day, t, breaths, seconds, cadence in self._conn.execute(
                queries.BREATHING_BETWEEN, _range(start, end)
            )
        ]

    def gate_events_between(self, start: Day, end: Day) -> list[GateEventRow]:
        """Each time the gate was shown in a session started on a day in ``[start, end)``."""
        return [
            GateEventRow(
                sid,
                date.fromisoformat(day),
                datetime.fromisoformat(started),
                t,
                bool(is_open),
                tuple(json.loads(reasons)),
            )
            for sid, day, started, t, is_open, reasons in self._conn.execute(
                queries.GATE_EVENTS_BETWEEN, _range(start, end)
            )
        ]

    def first_session_day(self) -> date | None:
        """The day of the very first session (the baseline starts there); None before any."""
        (day,) = self._conn.execute(queries.FIRST_SESSION_DAY).fetchone()
        return date.fromisoformat(day) if day else None

    # --- internals --------------------------------------------------------------------

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One atomic write: committed at the end, or inside the open :meth:`batch`.

        A savepoint outside a transaction starts one and RELEASE commits it, so
        the same code serves both; a failed write rolls back only itself.
        A constraint the schema refuses becomes ValueError.
        """
        conn = self._conn
        outermost = not conn.in_transaction  # then RELEASE is the commit
        conn.execute("SAVEPOINT write")
        try:
            yield conn
        except BaseException as exc:
            if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                conn.execute("ROLLBACK TO write")
                conn.execute("RELEASE write")
            if isinstance(exc, sqlite3.IntegrityError):
                raise ValueError(f"{what} not recorded: {exc}") from exc
            raise
        try:
            conn.execute("RELEASE write")
        except sqlite3.Error:
            # a commit that failed (disk full) leaves the transaction open: every later
            # write would nest inside it and never be committed, so end it here; the
            # caller keeps the record and retries it
            if outermost and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _statement(self, rec: object) -> tuple[str, dict[str, Any]]:
        """The SQL and parameters that store ``rec``, after checking what SQL cannot."""
        match rec:
            case SessionStarted():
                started = _when(rec.started_at)
                return queries.INSERT_SESSION, {
                    "id": rec.session_id,
                    "started_at": started["at"],
                    "started_ts": started["at_ts"],
                    "day": rec.started_at.date().isoformat(),
                    "gate_open": bool(rec.gate_open),
                    "gate_reasons": json.dumps(list(rec.gate_reasons)),
                    "cadence": rec.cadence,
                }
            case CheckIn():
                return queries.UPSERT_CHECK_IN, {
                    **_child(rec),
                    "kind": rec.kind,
                    "rating": _rating(rec.rating),
                    "note": rec.note,
                }
            case BreathingDone():
                return queries.INSERT_BREATHING, {
                    **_child(rec),
                    "breaths": rec.breaths,
                    "seconds": rec.seconds,
                    "cadence": rec.cadence,
                }
            case RepeatDone():
                return queries.INSERT_REPEAT, {
                    **_child(rec),
                    "exercise_id": rec.exercise_id,
                    "side": rec.side,
                    "rep": rec.rep,
                    "hold_s": rec.hold_s,
                    "held_s": rec.held_s,
                }
            case ExerciseEnded():
                phase = self._phases.get(rec.exercise_id)
                return queries.UPSERT_EXERCISE, {
                    **_child(rec),
                    "exercise_id": rec.exercise_id,
                    "phase": str(phase) if phase is not None else None,
                    "outcome": ExerciseOutcome(rec.outcome).value,
                    "reps_planned": rec.reps_planned,
                    "reps_done": rec.reps_done,
                    "hold_s": rec.hold_s,
                }
            case EffortRated():
                return queries.INSERT_EFFORT, {
                    **_child(rec),
                    "exercise_id": rec.exercise_id,
                    "effort": Effort(rec.effort).value,
                }
            case PainReported():
                rating = None if rec.rating is None else _rating(rec.rating)
                return queries.INSERT_PAIN_REPORT, {
                    **_child(rec),
                    "exercise_id": rec.exercise_id,
                    "rating": rating,
                }
            case GateShown():
                return queries.INSERT_GATE_EVENT, {
                    **_child(rec),
                    "open": bool(rec.open),
                    "reasons": json.dumps(list(rec.reasons)),
                }
            case SessionEnded():
                return queries.END_SESSION, {
                    "id": rec.session_id,
                    "status": SessionOutcome(rec.outcome).value,
                    "ended_at": _when(self._wall_clock())["at"],
                    "active_s": rec.active_s,
                }
        raise ValueError(f"not a session record: {rec!r}")


CLEAN_MARK = ".closed-cleanly"


def _mark_clean(path: Path) -> None:
    """Note the file's size and time as this clean close left them (best effort)."""
    try:
        st = path.stat()
        fd = os.open(path.parent / CLEAN_MARK, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(f"{st.st_size} {st.st_mtime_ns}\n")
    except OSError:
        pass


def _was_closed_cleanly(path: Path) -> bool:
    """True when the file is exactly as the last clean close left it; the mark is used up.

    ``quick_check`` reads the whole file (about 0.4 s for ten years of history),
    so it runs only when the last close was not clean (a crash, a kill, a power
    cut) or the file changed since (another program, a sync tool, damage).
    """
    mark = path.parent / CLEAN_MARK
    try:
        size, mtime = (int(x) for x in mark.read_text().split())
        mark.unlink()
        st = path.stat()
    except (OSError, ValueError):
        return False
    return (st.st_size, st.st_mtime_ns) == (size, mtime)


def _prepare(conn: sqlite3.Connection, path: Path, data_dir: Path, check: bool = True) -> None:
    """Check the file, set the connection up, and migrate it to the latest schema.

    The checks only read, and come before the pragmas (WAL rewrites the file's
    header), so a file refused here is set aside byte for byte as it was found.
    """
    problems = [row[0] for row in conn.execute(queries.QUICK_CHECK)] if check else ["ok"]
    if problems != ["ok"]:
        first = " ".join(" ".join(problems[:2]).split())[:160]  # one line for the user
        raise CorruptStoreError(path, f"quick_check: {first}")
    (version,) = conn.execute(queries.USER_VERSION).fetchone()
    (app_id,) = conn.execute(queries.APPLICATION_ID).fetchone()
    (has_tables,) = conn.execute(queries.HAS_TABLES).fetchone()
    empty = version == 0 and app_id == 0 and not has_tables
    if app_id != schema.APPLICATION_ID and not empty:
        raise CorruptStoreError(
            path, translate("StoreError", "it is not a BackCompanion history file")
        )
    for pragma in schema.CONNECTION_PRAGMAS:
        conn.execute(pragma)
    latest = schema.latest_version()
    if version > latest:
        raise StoreError(
            translate(
                "StoreError",
                "the history file {path} was written by a newer BackCompanion "
                "(history version {version}, this one reads up to {latest}): update the app",
            ).format(path=path, version=version, latest=latest)
        )
    if version == latest:
        return
    if version > 0:  # an empty file has nothing to save
        backup_files.backup_before_migration(conn, data_dir, version)
    schema.migrate(conn, version)


def _when(at: datetime) -> dict[str, Any]:
    """A timezone-aware time as stored: ISO text as the user saw it and Unix seconds to sort."""
    if not isinstance(at, datetime) or at.utcoffset() is None:
        raise ValueError(f"a timezone-aware datetime is needed, not {at!r}")
    return {"at": at.isoformat(), "at_ts": at.timestamp()}


def _child(rec: Any) -> dict[str, Any]:
    return {"session_id": rec.session_id, "t": rec.t}


def _rating(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"a pain rating is a whole number from 0 to 10, not {value!r}")
    return value


def _day(value: Day) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _range(start: Day, end: Day) -> dict[str, str]:
    return {"start": _day(start), "end": _day(end)}


def _red_flag_check(at: str, ticked: str) -> RedFlagCheck:
    return RedFlagCheck(datetime.fromisoformat(at), tuple(int(n) for n in ticked.split(",") if n))


def _clearance(at: str, note: str) -> Clearance:
    return Clearance(datetime.fromisoformat(at), note)
