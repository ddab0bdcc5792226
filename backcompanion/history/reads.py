"""What the store reads: the facts the rules need, the weekly report's rows, the resume point.

Module functions of an open connection, which :class:`~backcompanion.history.store.Store`
delegates to (its methods carry the documentation callers read). Each read is a
fixed number of queries, whatever the length of the history; the weekly
report's reads take days ``start <= day < end``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import date, datetime

from backcompanion.history import queries
from backcompanion.history.rows import (
    BreathingRow,
    ExerciseTotal,
    GateEventRow,
    HurtRow,
    InterruptedSession,
    SessionRow,
)
from backcompanion.session.completion import ExerciseTally
from backcompanion.session.facts import Clearance, RedFlagCheck, SafetyFacts, SessionFacts

Day = date | datetime  # a datetime counts as its date

# --- what the rules read --------------------------------------------------------------


def session_facts(conn: sqlite3.Connection, since: Day | None = None) -> list[SessionFacts]:
    """Every session started on ``since`` or later (all when None), oldest first."""
    params = {"since": _day(since) if since is not None else ""}
    holds: dict[str, dict[str, int]] = defaultdict(dict)
    reps: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    rows = conn.execute(queries.SESSION_HOLDS, params)
    for session_id, exercise_id, hold_s, planned, done in rows:
        holds[session_id][exercise_id] = hold_s
        reps[session_id][exercise_id] = (planned, done)
    hurts: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    for session_id, exercise_id, rating in conn.execute(queries.SESSION_HURTS, params):
        hurts[session_id].append((exercise_id, rating))
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
            reps=reps.get(sid, {}),
            max_pain=max_pain,
            hurt=bool(hurt),
            hurts=tuple(hurts.get(sid, ())),
        )
        for sid, started, status, opening, closing, planned, done, max_pain, hurt in (
            conn.execute(queries.SESSION_FACTS, params)
        )
    ]


def latest_session_start(conn: sqlite3.Connection) -> datetime | None:
    """When the newest session started (any status), or None when there is none."""
    row = conn.execute(queries.LATEST_SESSION_START).fetchone()
    return datetime.fromisoformat(row[0]) if row else None


def sessions_ended_count(conn: sqlite3.Connection) -> int:
    """How many sessions ended: done, stopped or partial (not still open)."""
    return conn.execute(queries.SESSIONS_ENDED_COUNT).fetchone()[0]


def complete_sessions_count(conn: sqlite3.Connection, complete_share: float) -> int:
    """How many sessions are complete by ``session.completion``'s rule."""
    return conn.execute(queries.COMPLETE_SESSIONS_COUNT, {"share": complete_share}).fetchone()[0]


def session_day(conn: sqlite3.Connection, session_id: str) -> tuple[date, float] | None:
    """The day a session started on and its start as a timestamp; None when unknown."""
    row = conn.execute(queries.SESSION_DAY_AND_TS, {"id": session_id}).fetchone()
    return (date.fromisoformat(row[0]), row[1]) if row else None


def previous_rated(conn: sqlite3.Connection, started_ts: float) -> SessionFacts | None:
    """The newest session started before ``started_ts`` with an opening rating."""
    row = conn.execute(queries.PREVIOUS_RATED, {"ts": started_ts}).fetchone()
    if row is None:
        return None
    sid, started, status, opening = row
    return SessionFacts(sid, datetime.fromisoformat(started), status, opening, None, 0, 0)


def offered_before(conn: sqlite3.Connection, exercise_id: str, start: Day) -> bool:
    """Whether ``exercise_id`` was offered (not locked) in a session before ``start``."""
    params = {"exercise_id": exercise_id, "start": _day(start)}
    return bool(conn.execute(queries.OFFERED_BEFORE, params).fetchone()[0])


def safety_facts(conn: sqlite3.Connection, since_ts: float | None = None) -> SafetyFacts:
    """The answers the safety rules read; ``recent_checks`` from ``since_ts`` (Unix seconds) on."""
    check = conn.execute(queries.LAST_RED_FLAG_CHECK).fetchone()
    clearance = conn.execute(queries.LAST_CLEARANCE).fetchone()
    recent = ()
    if since_ts is not None:
        rows = conn.execute(queries.RED_FLAG_CHECKS_SINCE, {"since": since_ts})
        recent = tuple(_red_flag_check(*row) for row in rows)
    cleared: set[int] = set()
    for (ticked,) in conn.execute(queries.CLEARED_FLAGS):
        cleared.update(int(n) for n in ticked.split(",") if n)
    return SafetyFacts(
        last_check=_red_flag_check(*check) if check else None,
        last_clearance=_clearance(*clearance) if clearance else None,
        recent_checks=recent,
        cleared_flags=tuple(sorted(cleared)),
    )


def red_flag_checks(conn: sqlite3.Connection) -> list[RedFlagCheck]:
    """Every red-flag check, oldest first."""
    return [_red_flag_check(*row) for row in conn.execute(queries.RED_FLAG_CHECKS)]


def clearances(conn: sqlite3.Connection) -> list[Clearance]:
    """Every clinician clearance, oldest first."""
    return [_clearance(*row) for row in conn.execute(queries.CLEARANCES)]


def last_nudge_dismissed(conn: sqlite3.Connection) -> datetime | None:
    row = conn.execute(queries.LAST_NUDGE_DISMISSAL).fetchone()
    return datetime.fromisoformat(row[0]) if row else None


def interrupted_session(conn: sqlite3.Connection) -> InterruptedSession | None:
    """The newest session still open, with where to resume it; None when there is none."""
    row = conn.execute(queries.NEWEST_OPEN_SESSION).fetchone()
    if row is None:
        return None
    session_id, started_at, gate_open, gate_reasons, cadence = row
    key = {"id": session_id}
    opening_done, breathing_done, active_s = conn.execute(queries.RESUME_STATE, key).fetchone()
    row = conn.execute(queries.LAST_REPEAT, key).fetchone()
    if row:  # an interrupted session: the records' classes load now, not at every start
        from backcompanion.session.records import RepeatDone

        last = RepeatDone(*row)
    else:
        last = None
    ended = tuple(r[0] for r in conn.execute(queries.ENDED_EXERCISES, key))
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


def sessions_between(conn: sqlite3.Connection, start: Day, end: Day) -> list[SessionRow]:
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
        ) in conn.execute(queries.SESSIONS_BETWEEN, _range(start, end))
    ]


def hurts_between(conn: sqlite3.Connection, start: Day, end: Day) -> list[HurtRow]:
    """Every "this hurts" press of sessions started on a day in ``[start, end)``, in order."""
    return [
        HurtRow(sid, datetime.fromisoformat(started), ex, rating)
        for sid, started, ex, rating in conn.execute(queries.HURTS_BETWEEN, _range(start, end))
    ]


def exercise_totals_between(conn: sqlite3.Connection, start: Day, end: Day) -> list[ExerciseTotal]:
    """Each exercise offered or repeated on a day in ``[start, end)``, by id."""
    params = _range(start, end)
    holds: dict[str, int] = {}
    sides: dict[str, set[int]] = defaultdict(set)
    for exercise_id, side, hold_s in conn.execute(queries.REPEAT_TOTALS_BETWEEN, params):
        holds[exercise_id] = max(hold_s, holds.get(exercise_id, 0))
        if side is not None:
            sides[exercise_id].add(side)
    ended = {row[0]: row[1:] for row in conn.execute(queries.EXERCISE_TOTALS_BETWEEN, params)}
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


def session_exercises_between(
    conn: sqlite3.Connection, start: Day, end: Day
) -> dict[str, tuple[ExerciseTally, ...]]:
    """Each session's exercise ends (sessions started on a day in ``[start, end)``), in order."""
    found: dict[str, list[ExerciseTally]] = defaultdict(list)
    for session_id, *tally in conn.execute(queries.SESSION_EXERCISES_BETWEEN, _range(start, end)):
        found[session_id].append(ExerciseTally(*tally))
    return {sid: tuple(tallies) for sid, tallies in found.items()}


def breathing_between(conn: sqlite3.Connection, start: Day, end: Day) -> list[BreathingRow]:
    """Breathing sets of sessions started on a day in ``[start, end)``, in order."""
    return [
        BreathingRow(sid, date.fromisoformat(day), t, breaths, seconds, cadence)
        for sid, day, t, breaths, seconds, cadence in conn.execute(
            queries.BREATHING_BETWEEN, _range(start, end)
        )
    ]


def gate_events_between(conn: sqlite3.Connection, start: Day, end: Day) -> list[GateEventRow]:
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
        for sid, day, started, t, is_open, reasons in conn.execute(
            queries.GATE_EVENTS_BETWEEN, _range(start, end)
        )
    ]


def first_session_day(conn: sqlite3.Connection) -> date | None:
    """The day of the very first session (the baseline starts there); None before any."""
    (day,) = conn.execute(queries.FIRST_SESSION_DAY).fetchone()
    return date.fromisoformat(day) if day else None


def _day(value: Day) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _range(start: Day, end: Day) -> dict[str, str]:
    return {"start": _day(start), "end": _day(end)}


def _red_flag_check(at: str, ticked: str, kind: str = "weekly") -> RedFlagCheck:
    numbers = tuple(int(n) for n in ticked.split(",") if n)
    return RedFlagCheck(datetime.fromisoformat(at), numbers, kind)


def _clearance(at: str, note: str, who: str = "", on: str | None = None) -> Clearance:
    return Clearance(datetime.fromisoformat(at), note, who, date.fromisoformat(on) if on else None)
