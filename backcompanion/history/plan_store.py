"""The store's part for the therapist's plan, the PSFS and leg pain (docs/ARCHITECTURE.md §13).

Plain functions of a connection, for :class:`~backcompanion.history.store.Store` to call
inside its own atomic writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime

from backcompanion.history import queries
from backcompanion.history.rows import LegPainRow, PlanRow, PsfsRound
from backcompanion.history.writes import when

PLAN_SOURCES = ("standard", "editor", "file", "previous")
MAX_ACTIVITY = 80


def insert_plan(conn: sqlite3.Connection, at: datetime, body: str | None, source: str) -> int:
    if source not in PLAN_SOURCES:
        raise ValueError(f"a plan's source is one of {PLAN_SOURCES}, not {source!r}")
    cur = conn.execute(queries.INSERT_PLAN, {**when(at), "source": source, "body": body})
    return int(cur.lastrowid)


def plans(conn: sqlite3.Connection, newest: int | None = None) -> list[PlanRow]:
    """Every plan put in force, oldest first (or the ``newest`` few, still oldest first)."""
    if newest is None:
        rows = conn.execute(queries.PLANS).fetchall()
    else:
        rows = conn.execute(queries.LATEST_PLANS, {"n": newest}).fetchall()[::-1]
    return [PlanRow(i, datetime.fromisoformat(at), source, body) for i, at, source, body in rows]


def _days(start: date, end: date) -> dict[str, str]:
    def day(d: date) -> str:
        return (d.date() if isinstance(d, datetime) else d).isoformat()

    return {"start": day(start), "end": day(end)}


def session_plans_between(
    conn: sqlite3.Connection, start: date, end: date
) -> dict[str, int | None]:
    params = _days(start, end)
    return dict(conn.execute(queries.SESSION_PLANS_BETWEEN, params).fetchall())


def insert_psfs(conn: sqlite3.Connection, at: datetime, scores: Sequence[tuple[str, int]]) -> int:
    if not 1 <= len(scores) <= 5:
        raise ValueError(f"a PSFS rating names 1 to 5 activities, not {len(scores)}")
    for activity, rating in scores:
        if not isinstance(activity, str) or not 1 <= len(activity.strip()) <= MAX_ACTIVITY:
            raise ValueError(f"an activity is 1 to {MAX_ACTIVITY} characters, not {activity!r}")
        if isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= 10:
            raise ValueError(f"a PSFS rating is a whole number 0-10, not {rating!r}")
    round_id = int(conn.execute(queries.INSERT_PSFS_ROUND, when(at)).lastrowid)
    for position, (activity, rating) in enumerate(scores, start=1):
        conn.execute(
            queries.INSERT_PSFS_SCORE,
            {
                "round": round_id,
                "position": position,
                "activity": activity.strip(),
                "rating": rating,
            },
        )
    return round_id


def psfs_rounds(conn: sqlite3.Connection) -> list[PsfsRound]:
    rounds: dict[int, tuple[datetime, list[tuple[str, int]]]] = {}
    for round_id, at, _position, activity, rating in conn.execute(queries.PSFS_SCORES):
        rounds.setdefault(round_id, (datetime.fromisoformat(at), []))[1].append((activity, rating))
    return [PsfsRound(i, at, tuple(scores)) for i, (at, scores) in rounds.items()]


def upsert_leg_pain(conn: sqlite3.Connection, session_id: str, kind: str, rating: int) -> None:
    if kind not in ("before", "after"):
        raise ValueError(f"a check-in is 'before' or 'after', not {kind!r}")
    if isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= 10:
        raise ValueError(f"a leg-pain rating is a whole number 0-10, not {rating!r}")
    params = {"id": session_id, "kind": kind, "rating": rating}
    if conn.execute(queries.UPSERT_LEG_PAIN, params).rowcount == 0:
        raise ValueError(f"leg pain for an unknown session {session_id!r}")


def leg_pain_between(conn: sqlite3.Connection, start: date, end: date) -> list[LegPainRow]:
    params = _days(start, end)
    return [
        LegPainRow(sid, date.fromisoformat(day), kind, rating)
        for sid, day, kind, rating in conn.execute(queries.LEG_PAIN_BETWEEN, params)
    ]
