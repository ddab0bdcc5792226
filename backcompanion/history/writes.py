"""What the store writes for each of the engine's records: the SQL and its checked parameters.

SQL checks most values itself (the schema's constraints); what it cannot check
(a naive datetime, a pain rating that is a bool, a time that is not a finite
number of seconds) is refused here with ValueError. Times within a session go
to the file in whole milliseconds.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from backcompanion.history import queries
from backcompanion.session.clock import WallClock

if TYPE_CHECKING:
    from backcompanion.session.records import SessionEnded

Statement = tuple[str, dict[str, Any]]


def statements(rec: object, phases: Mapping[str, str], wall_clock: WallClock) -> list[Statement]:
    """The SQL and parameters that store ``rec``, after checking what SQL cannot.

    Run them in one transaction. The last one writes the record's row and
    changes no row when the record's session does not exist; a record that
    names an exercise first gives the exercise's id a key (``exercise_ids``).
    ``phases`` gives an exercise's phase; ``wall_clock`` stamps the end of a session.
    """
    sql, params = _statement(rec, phases, wall_clock)
    if "exercise_id" in params:  # the statement looks the exercise's key up
        return [(queries.ADD_EXERCISE_ID, {"exercise_id": params["exercise_id"]}), (sql, params)]
    return [(sql, params)]


def _statement(rec: object, phases: Mapping[str, str], wall_clock: WallClock) -> Statement:
    # the records' classes load with the first record written, not at start-up
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

    match rec:
        case SessionStarted():
            started = when(rec.started_at)
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
                "held_ms": _ms(rec.held_s),
            }
        case ExerciseEnded():
            phase = phases.get(rec.exercise_id)
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
                "ended_at": when(wall_clock())["at"],  # the store passes session_end's answer
                "active_s": rec.active_s,
            }
    raise ValueError(f"not a session record: {rec!r}")


def when(at: datetime) -> dict[str, Any]:
    """A timezone-aware time as stored: ISO text as the user saw it and Unix seconds to sort."""
    if not isinstance(at, datetime) or at.utcoffset() is None:
        raise ValueError(f"a timezone-aware datetime is needed, not {at!r}")
    return {"at": at.isoformat(), "at_ts": at.timestamp()}


def _child(rec: Any) -> dict[str, Any]:
    return {"session_id": rec.session_id, "t_ms": _ms(rec.t)}


def _ms(seconds: object) -> int:
    """Seconds as whole milliseconds; the schema refuses a negative one."""
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not math.isfinite(seconds)
    ):
        raise ValueError(f"a time in seconds is a finite number, not {seconds!r}")
    return round(seconds * 1000)


def _rating(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"a pain rating is a whole number from 0 to 10, not {value!r}")
    return value


def session_end(started_at: str | None, rec: SessionEnded, wall: datetime) -> datetime:
    """When a session ended: its start plus the monotonic time it took (docs/ARCHITECTURE.md §4).

    ``started_at`` is the session's stored start (ISO text). A wall clock set back
    or forward during the session changes nothing. A resumed session (the engine
    did not see its start: ``elapsed_s`` is None) ends at the wall clock, but never
    before its start plus its active time.
    """
    if started_at is None:
        return wall
    start = datetime.fromisoformat(started_at)
    if rec.elapsed_s is not None and math.isfinite(rec.elapsed_s) and rec.elapsed_s >= 0:
        return start + timedelta(seconds=rec.elapsed_s)
    earliest = start + timedelta(seconds=max(0.0, rec.active_s))
    return max(wall, earliest, key=lambda d: d.timestamp())
