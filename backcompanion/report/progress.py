"""What the in-app history page shows, as plain values (no Qt), so the widget holds no rules.

:func:`progress_data` reads the last weeks from the store's day ranges and asks
the rules for the baseline and today's gate; ``ui.progress_view`` only draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from backcompanion.history import Store
from backcompanion.history.facts_window import LOOKBACK_DAYS, FactsWindow, read_facts
from backcompanion.i18n import translate
from backcompanion.program import Program
from backcompanion.program.plan_file import load_plan_settings
from backcompanion.report.adherence import Adherence, adherence
from backcompanion.report.psfs import PsfsTrend, psfs_trend
from backcompanion.report.summary import DayPain, daily_pain
from backcompanion.report.weeks import IsoWeek
from backcompanion.session import rules as R
from backcompanion.session.completion import session_completion

__all__ = [
    "CALENDAR_WEEKS",
    "TREND_WEEKS",
    "CalendarDay",
    "DayState",
    "ProgressData",
    "day_state",
    "progress_data",
]

TREND_WEEKS = 8  # the pain chart covers this week and the 7 before it
CALENDAR_WEEKS = 6  # the grid of session days covers this week and the 5 before it


class DayState:
    """What a day in the calendar grid shows (plain strings, so tests read them easily)."""

    DONE = "done"  # a complete session (session.completion): a filled square
    PARTIAL = "partial"  # sessions, none complete (partly done, stopped): an outlined square
    NONE = "none"  # no session: an empty (faint) square
    FUTURE = "future"  # a day still to come this week: nothing drawn


@dataclass(frozen=True)
class CalendarDay:
    day: date
    state: str  # a DayState value
    today: bool = False


@dataclass(frozen=True)
class ProgressData:
    today: date
    trend_start: date  # the Monday the pain chart starts on
    trend_end: date  # the day after the chart's last day: the Monday after this week
    pain: tuple[DayPain, ...]  # days with at least one rated session, oldest first
    baseline: float | None
    calendar: tuple[tuple[CalendarDay, ...], ...]  # weeks, oldest first; each Monday to Sunday
    gate_open: bool
    gate_since: datetime | None  # when it last opened or closed, when known
    gate_since_before: datetime | None  # else: unchanged since this or earlier (the weeks read)
    gate_reasons: tuple[str, ...]  # why strengthening is locked; the "open" sentence when open
    sessions_7_days: int  # complete sessions started in the last 7 days, today included
    minutes_7_days: float
    streak_days: int  # days in a row with a session, ending today or yesterday
    total_sessions: int  # in the chart's weeks
    partly_7_days: int = 0  # the other sessions started in the last 7 days
    adherence: Adherence | None = None  # days with a session against the plan's days a week
    psfs: PsfsTrend | None = None  # the everyday activities' ratings against the first

    @property
    def has_sessions(self) -> bool:
        return self.total_sessions > 0


def day_state(complete: list[bool]) -> str:
    """A day's square from whether each of its sessions is complete: done beats partial."""
    if any(complete):
        return DayState.DONE
    if complete:
        return DayState.PARTIAL  # partly done, stopped, or still open (running or interrupted)
    return DayState.NONE


def progress_data(
    store: Store,
    rules: R.Rules,
    now: datetime,
    *,
    lookback_days: int | None = LOOKBACK_DAYS,
    program: Program | None = None,
) -> ProgressData:
    """The last :data:`TREND_WEEKS` weeks of pain and :data:`CALENDAR_WEEKS` of sessions.

    The gate is read now, as the next session will see it (latest check and
    clearance); its "since" comes from the same replay.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")
    today = now.date()
    this_week = IsoWeek.of(today)
    trend_start = this_week.shifted(-(TREND_WEEKS - 1)).start
    rows = store.sessions_between(trend_start, today + timedelta(days=1))
    safety = store.safety_facts()
    window = read_facts(store, rules, now, now, lookback_days)
    gate = R.evaluate_gate(rules, window.facts, safety, now)
    if window.exact_from is not None and FactsWindow.worsening_in(gate.reasons):
        window = read_facts(store, rules, now, now, None)  # see history.facts_window
        gate = R.evaluate_gate(rules, window.facts, safety, now)
    since, since_before = gate.since, None
    if window.exact_from is not None and (since is None or not window.real_change(since)):
        since, since_before = None, window.exact_from

    exercises = store.session_exercises_between(trend_start, today + timedelta(days=1))
    complete = {
        r.session_id: session_completion(
            r.status, exercises.get(r.session_id, ()), rules.complete_share
        ).complete
        for r in rows
    }
    statuses: dict[date, list[bool]] = {}
    for r in rows:
        statuses.setdefault(r.day, []).append(complete[r.session_id])
    calendar = []
    for wk in (this_week.shifted(-i) for i in reversed(range(CALENDAR_WEEKS))):
        calendar.append(
            tuple(
                CalendarDay(
                    d,
                    DayState.FUTURE if d > today else day_state(statuses.get(d, [])),
                    today=d == today,
                )
                for d in wk.days
            )
        )

    days = sorted(statuses)
    pain = tuple(
        p for p in daily_pain(rows, days) if p.opening is not None or p.closing is not None
    )
    week_ago = today - timedelta(days=6)
    recent = [r for r in rows if r.day >= week_ago]

    streak, d = 0, today if today in statuses else today - timedelta(days=1)
    while d in statuses:
        streak += 1
        d -= timedelta(days=1)

    return ProgressData(
        today=today,
        trend_start=trend_start,
        trend_end=this_week.end,
        pain=pain,
        baseline=R.baseline(rules, window.facts),
        calendar=tuple(calendar),
        gate_open=gate.open,
        gate_since=since,
        gate_since_before=since_before,
        gate_reasons=gate.texts if not gate.open else (translate("GateReason", R.GATE_OPEN_TEXT),),
        sessions_7_days=sum(1 for r in recent if complete[r.session_id]),
        minutes_7_days=sum(r.minutes for r in recent),
        streak_days=streak,
        total_sessions=len(rows),
        partly_7_days=sum(1 for r in recent if not complete[r.session_id]),
        adherence=adherence(store, today, load_plan_settings().standard_days_per_week, program),
        psfs=psfs_trend(store.psfs_rounds(), load_plan_settings(), until=now),
    )
