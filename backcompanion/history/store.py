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

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from backcompanion.history import backup_files, opening, plan_store, queries, reads, schema
from backcompanion.history.reads import Day
from backcompanion.history.rows import (
    BreathingRow,
    ExerciseTotal,
    GateEventRow,
    HurtRow,
    InterruptedSession,
    LegPainRow,
    PlanRow,
    PsfsRound,
    SessionRow,
)
from backcompanion.history.writes import session_end, statements, when
from backcompanion.session.clock import WallClock, local_now
from backcompanion.session.completion import ExerciseTally
from backcompanion.session.facts import Clearance, RedFlagCheck, SafetyFacts, SessionFacts

if TYPE_CHECKING:  # the records load when a session writes them (start-up time)
    from backcompanion.session.records import Record


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
        self.read_only = False  # opened by :meth:`open_to_read` where nothing can be written
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
        return cls(opening.connect(data_dir), data_dir, phases or {}, wall_clock)

    @classmethod
    def open_to_read(cls, data_dir: Path, *, phases: Mapping[str, str] | None = None) -> Store:
        """Open the history in ``data_dir`` for reading only (exports).

        Where the history can be written this is :meth:`open` (which may migrate
        it); where it cannot (a read-only folder or disk) the file is opened
        read-only and nothing is written, not even on :meth:`close`.
        """
        data_dir = Path(data_dir)
        if opening.writable(data_dir):
            return cls.open(data_dir, phases=phases)
        store = cls(opening.connect_read_only(data_dir), data_dir, phases or {}, local_now)
        store.read_only = True
        return store

    def close(self) -> None:
        """Close the file; SQLite folds the ``-wal`` file back into it. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self.read_only:
            self._conn.close()
            return
        try:
            self._conn.execute(queries.OPTIMIZE)
        except sqlite3.OperationalError:
            pass  # only statistics: another process holding the lock must not fail a close
        finally:
            self._conn.close()
        opening.mark_clean(self.path)

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
        from backcompanion.session.records import SessionEnded  # with the first record

        wall_clock = self._wall_clock
        if isinstance(rec, SessionEnded):  # its end: the start plus the monotonic time
            row = self._conn.execute(queries.SESSION_STARTED_AT, {"id": rec.session_id}).fetchone()
            ended = session_end(row[0] if row else None, rec, self._wall_clock())

            def wall_clock() -> datetime:
                return ended

        steps = statements(rec, self._phases, wall_clock)
        with self._write(type(rec).__name__) as conn:
            for sql, params in steps:
                changed = conn.execute(sql, params).rowcount
            if changed == 0:  # the last statement writes the record's row
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

    def record_red_flag_check(
        self, at: datetime, ticked: Iterable[int], kind: str = "weekly"
    ) -> None:
        """Keep the answers to a red-flag check; ``ticked`` holds the flags' numbers (1-based).

        ``kind``: "weekly" (the full check) or "daily" ("anything new today?").
        """
        if kind not in ("weekly", "daily"):
            raise ValueError(f"a red-flag check is weekly or daily, not {kind!r}")
        numbers = tuple(ticked)
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in numbers):
            raise ValueError(f"red flags are numbered from 1, not {numbers}")
        text = ",".join(str(n) for n in sorted(set(numbers)))
        with self._write("red-flag check") as conn:
            conn.execute(queries.INSERT_RED_FLAG_CHECK, {**when(at), "ticked": text, "kind": kind})

    def record_clearance(
        self, at: datetime, note: str = "", who: str = "", on: date | None = None
    ) -> None:
        """Keep that the user says a clinician (``who``, on the day ``on``) cleared them."""
        params = {
            **when(at),
            "note": note,
            "who": who,
            "cleared_on": on.isoformat() if on else None,
        }
        with self._write("clearance") as conn:
            conn.execute(queries.INSERT_CLEARANCE, params)

    def record_nudge_dismissed(self, at: datetime) -> None:
        """Keep that the user dismissed the "see a physical therapist" suggestion."""
        with self._write("nudge dismissal") as conn:
            conn.execute(queries.INSERT_NUDGE_DISMISSAL, when(at))

    def close_as_partial(self, session_id: str, at: datetime) -> None:
        """End an interrupted session the user chose not to resume; what was done is kept.

        Its active time becomes the latest ``t`` recorded. Raises ValueError
        when no open session has this id.
        """
        with self._write("partial session") as conn:
            params = {"id": session_id, "ended_at": when(at)["at"]}
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
        each exercise offered (not locked) to the hold it was offered at, and
        ``reps`` to its repeats planned and done.
        Two queries, whatever the number of sessions.
        """
        return reads.session_facts(self._conn, since)

    def latest_session_start(self) -> datetime | None:
        """When the newest session started (any status), or None when there is none."""
        return reads.latest_session_start(self._conn)

    def sessions_ended_count(self) -> int:
        """How many sessions ended: done, stopped or partial (not still open)."""
        return reads.sessions_ended_count(self._conn)

    def complete_sessions_count(self, complete_share: float) -> int:
        """How many sessions are complete (``session.completion``): ended with the closing
        check-in and at least ``complete_share`` of their planned repeats done."""
        return reads.complete_sessions_count(self._conn, complete_share)

    def session_day(self, session_id: str) -> tuple[date, float] | None:
        """The day a session started on and its start as a timestamp; None when unknown."""
        return reads.session_day(self._conn, session_id)

    def previous_rated(self, started_ts: float) -> SessionFacts | None:
        """The newest session started before ``started_ts`` with an opening rating.

        Only its time, status and opening rating are filled in: what the
        flare-up test compares a session with.
        """
        return reads.previous_rated(self._conn, started_ts)

    def offered_before(self, exercise_id: str, start: Day) -> bool:
        """Whether ``exercise_id`` was offered (not locked) in a session before ``start``."""
        return reads.offered_before(self._conn, exercise_id, start)

    def safety_facts(self, now: datetime | None = None) -> SafetyFacts:
        """The safety answers; with ``now``, every check of the two days up to it as well."""
        since = None if now is None else now.timestamp() - 2 * 86400
        return reads.safety_facts(self._conn, since)

    def red_flag_checks(self) -> list[RedFlagCheck]:
        """Every red-flag check, oldest first."""
        return reads.red_flag_checks(self._conn)

    def clearances(self) -> list[Clearance]:
        """Every clinician clearance, oldest first."""
        return reads.clearances(self._conn)

    def last_nudge_dismissed(self) -> datetime | None:
        return reads.last_nudge_dismissed(self._conn)

    def interrupted_session(self) -> InterruptedSession | None:
        """The newest session still open, with where to resume it; None when there is none.

        Call it at start-up, before a new session begins (a running session is
        open too).
        """
        return reads.interrupted_session(self._conn)

    # --- what the weekly report reads: days start <= day < end ------------------------

    def sessions_between(self, start: Day, end: Day) -> list[SessionRow]:
        """Sessions started on a day in ``[start, end)``, oldest first."""
        return reads.sessions_between(self._conn, start, end)

    def hurts_between(self, start: Day, end: Day) -> list[HurtRow]:
        """Every "this hurts" press of sessions started on a day in ``[start, end)``, in order.

        ``rating`` is None when the person ended the exercise without a number.
        """
        return reads.hurts_between(self._conn, start, end)

    def exercise_totals_between(self, start: Day, end: Day) -> list[ExerciseTotal]:
        """Each exercise offered or repeated on a day in ``[start, end)``, by id."""
        return reads.exercise_totals_between(self._conn, start, end)

    def session_exercises_between(
        self, start: Day, end: Day
    ) -> dict[str, tuple[ExerciseTally, ...]]:
        """Each session's exercise ends, by session id (sessions started in ``[start, end)``).

        Locked exercises are included: ``session.completion`` leaves them out.
        """
        return reads.session_exercises_between(self._conn, start, end)

    def breathing_between(self, start: Day, end: Day) -> list[BreathingRow]:
        """Breathing sets of sessions started on a day in ``[start, end)``, in order."""
        return reads.breathing_between(self._conn, start, end)

    def gate_events_between(self, start: Day, end: Day) -> list[GateEventRow]:
        """Each time the gate was shown in a session started on a day in ``[start, end)``."""
        return reads.gate_events_between(self._conn, start, end)

    def every_exercise(self) -> list[tuple[str, str, str, int, int, int | None]]:
        """Every exercise of every session, oldest first: (session id, exercise id,
        outcome, repeats planned, repeats done, hold)."""
        return self._conn.execute(queries.EVERY_EXERCISE).fetchall()

    def first_session_day(self) -> date | None:
        """The day of the very first session (the baseline starts there); None before any."""
        return reads.first_session_day(self._conn)

    # --- the therapist's plan, PSFS, leg pain (docs/ARCHITECTURE.md §13) ----------------

    def set_plan(self, at: datetime, body: str | None, source: str) -> int:
        """Put a plan in force from now on (JSON; None: the standard program); its id.

        Plans are only ever added: the one before stays, so one step restores it.
        """
        with self._write("plan") as conn:
            return plan_store.insert_plan(conn, at, body, source)

    def plans(self, newest: int | None = None) -> list[PlanRow]:
        """The plans put in force, oldest first; ``newest``: only that many of the latest."""
        return plan_store.plans(self._conn, newest)

    def session_plans_between(self, start: Day, end: Day) -> dict[str, int | None]:
        """Each session started on a day in ``[start, end)`` -> the plan id it started under."""
        return plan_store.session_plans_between(self._conn, start, end)

    def record_psfs(self, at: datetime, scores) -> int:
        """Keep one PSFS rating: (activity, 0-10) pairs, 1 to 5 of them."""
        with self._write("PSFS rating") as conn:
            return plan_store.insert_psfs(conn, at, list(scores))

    def psfs_rounds(self) -> list[PsfsRound]:
        """Every PSFS rating, oldest first."""
        return plan_store.psfs_rounds(self._conn)

    def record_leg_pain(self, session_id: str, kind: str, rating: int) -> None:
        """Keep the leg-pain rating (0-10) of a session's check-in; a new answer replaces it."""
        with self._write("leg pain") as conn:
            plan_store.upsert_leg_pain(conn, session_id, kind, rating)

    def leg_pain_between(self, start: Day, end: Day) -> list[LegPainRow]:
        return plan_store.leg_pain_between(self._conn, start, end)

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
