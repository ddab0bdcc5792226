"""Hand-built history for the weekly summary, PDF, CSV and history-page tests.

Sessions are written with the engine's own record types, as the engine would
(breathing, every stretch and side, the gate, locked or done strength work,
both check-ins), each session in one store batch so a week takes milliseconds.

``reference_week(store)`` writes the week the summary tests count by hand:
ISO week 2026-W47 (Monday 16 to Sunday 22 November 2026), with three sessions
the week before for the baseline. See ``tests/unit/test_summary.py``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.session.records import (
    BreathingDone,
    CheckIn,
    ExerciseEnded,
    ExerciseOutcome,
    GateShown,
    RepeatDone,
    SessionEnded,
    SessionOutcome,
    SessionStarted,
)

PROGRAM = builtin_program()
PHASES = {e.id: e.phase.value for e in PROGRAM.exercises}
TZ = timezone(timedelta(hours=1))  # CET: November has no daylight saving time
STRETCHES = [e for e in PROGRAM.stretches]
STRENGTH = [e for e in PROGRAM.strength]
LOCKED_REASON = "5 more stretching sessions with at least 80 % of the repeats done."


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def open_store(folder: Path) -> Store:
    return Store.open(folder, phases=PHASES, wall_clock=lambda: datetime(2030, 1, 1, tzinfo=TZ))


def session(
    store: Store,
    sid: str,
    start: datetime,
    opening: int | None,
    closing: int | None,
    *,
    outcome: str = "done",
    stretches: int | None = None,
    strength: str = "locked",
    note_before: str = "",
    note_after: str = "",
    active_s: float = 1500.0,
    cadence: str = "4-0-6-0",
    breathing_s: float = 100.0,
    hold_s: int = 5,
    plank_easier: bool = False,
) -> None:
    """One session. ``stretches``: how many stretches were done in full (default: all).

    ``outcome`` "done" or "stopped" ends it; "partial" leaves it open and then
    closes it as an interrupted session; "open" leaves it open.
    ``strength``: "locked" (gate closed), "done" (gate open, all done) or "none".
    """
    gate_open = strength == "done"
    reasons = () if gate_open else (LOCKED_REASON,)
    with store.batch():
        store.record(SessionStarted(sid, start, gate_open, reasons, cadence))
        t = 1.0
        if opening is not None:
            store.record(CheckIn(sid, t, "before", opening, note_before))
        t += breathing_s
        store.record(BreathingDone(sid, t, 10, breathing_s, cadence))
        done_stretches = len(STRETCHES) if stretches is None else stretches
        for i, ex in enumerate(STRETCHES):
            if i >= done_stretches:
                break
            t = _exercise(store, sid, t, ex, hold_s)
        finished_stretching = done_stretches >= len(STRETCHES)
        if finished_stretching and strength != "none":
            t += 5
            store.record(GateShown(sid, t, gate_open, reasons))
            for ex in STRENGTH:
                if not gate_open:
                    reps = ex.reps * max(1, len(ex.sides))
                    store.record(
                        ExerciseEnded(sid, t, ex.id, ExerciseOutcome.LOCKED, reps, 0, ex.hold_s[0])
                    )
                elif ex.id == "plank" and plank_easier:
                    store.record(RepeatDone(sid, t + 6, ex.id, None, 1, ex.hold_s[0], ex.hold_s[0]))
                    store.record(
                        ExerciseEnded(sid, t + 8, ex.id, ExerciseOutcome.EASIER, ex.reps, 1, 5)
                    )
                    t = _exercise(store, sid, t + 8, PROGRAM.by_id("knee_plank"), hold_s)
                else:
                    t = _exercise(store, sid, t, ex, hold_s)
        if outcome in ("done", "stopped"):
            if closing is not None:
                store.record(CheckIn(sid, t + 5, "after", closing, note_after))
            store.record(SessionEnded(sid, t + 10, SessionOutcome(outcome), active_s))
    if outcome == "partial":
        store.close_as_partial(sid, start + timedelta(hours=3))


def _exercise(store: Store, sid: str, t: float, ex, hold_s: int) -> float:
    sides = range(len(ex.sides)) if ex.sides else [None]
    hold = max(ex.hold_s[0], min(ex.hold_s[1], hold_s))
    done = 0
    for side in sides:
        for rep in range(1, ex.reps + 1):
            t += hold + 3
            store.record(RepeatDone(sid, t, ex.id, side, rep, hold, hold + 0.05))
            done += 1
    store.record(ExerciseEnded(sid, t, ex.id, ExerciseOutcome.DONE, done, done, hold))
    return t


# --- the reference week ---------------------------------------------------------------

WEEK = (2026, 47)
MONDAY = date(2026, 11, 16)
NOW = at(date(2026, 11, 25), 12)  # the Wednesday after: the week is over


def day(n: int) -> date:
    """Day ``n`` of the reference week: 0 is Monday 16 November 2026."""
    return MONDAY + timedelta(days=n)


def reference_week(store: Store) -> None:
    """The week the summary tests count by hand (numbers in ``tests/unit/test_summary.py``)."""
    # the week before: three sessions with an opening of 6 give the baseline 6
    store.record_red_flag_check(at(day(-7), 8), ())
    session(store, "w46-mon", at(day(-7), 18), 6, 5)
    session(store, "w46-tue", at(day(-6), 18), 6, 5)
    session(store, "w46-wed", at(day(-5), 18), 6, 4)
    # the week
    session(store, "mon", at(day(0), 18), 5, 4, note_before="stiff after a long drive")
    session(store, "tue", at(day(1), 18), 4, 3, active_s=1320.0)
    session(
        store,
        "thu",
        at(day(3), 18),
        4,
        7,
        outcome="stopped",
        stretches=2,
        active_s=600.0,
        note_after="sharp pain in the hip",
    )
    session(store, "fri-am", at(day(4), 7, 30), 5, 4, cadence="4-0-7-0", breathing_s=110.0)
    session(store, "fri-pm", at(day(4), 19), 4, None, outcome="partial", stretches=1)
    store.record_red_flag_check(at(day(6), 9), ())
    session(store, "sun", at(day(6), 10), 3, 2, note_after="felt looser")
