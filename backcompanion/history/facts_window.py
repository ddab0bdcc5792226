"""The session facts the rules need for one moment, read in time independent of the history.

The rules replay the history from the very first session. Reading all of it
costs time in proportion to the years kept (about 0.1 s for ten years of
daily sessions in ``Store.session_facts`` and as much again in the replay),
while docs/ARCHITECTURE.md §10 asks the weekly PDF to cost the same with ten years of
history as with one week. So the report reads a window of recent weeks
(``session_facts(since=...)``) and adds the few older sessions the rules'
answers depend on:

- the first sessions up to the third with an opening rating: the baseline is
  their mean, and the no-improvement nudge counts the weeks from the first;
- the last rated session before the window: a flare-up compares a session's
  opening rating with the one before it.

Replaying that, every reading of the gate from a moment ``exact_from`` on is
the one the whole history gives (the rules' documented windows are all
shorter than the lookback): by then the window holds enough completed
sessions that "at least N completed sessions" is met in both, enough rated
ones that "the mean of the last N openings" is the same, and each time
window (recent sessions, the 72 hours after a flare-up, the days the
worsening test looks at) lies wholly inside the window. Two answers are not
covered and make :func:`read_facts` fall back to the whole history: a window
too thin to reach ``exact_from`` before the moments asked about, and the
"pain getting worse" reason (its run of sessions may have begun before the
window), which the caller checks with :meth:`FactsWindow.trusted`.

``tests/unit/test_summary.py`` checks, week by week over a long simulated
history, that the summaries read this way equal those read from everything.
The app's home screen, session plan and the simulator read the same window
(:func:`facts_now`, ``companion.Companion.rule_facts``) with their own tests
of exactness; ``tests/unit/test_bounded_reads.py`` compares their answers.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

from backcompanion.history import SessionRow, Store
from backcompanion.session import rules as R
from backcompanion.session.clock import local_midnight
from backcompanion.session.facts import SessionFacts

__all__ = ["LOOKBACK_DAYS", "FactsWindow", "facts_now", "read_facts"]

LOOKBACK_DAYS = 28  # four weeks before the first moment asked about
T = TypeVar("T")


@dataclass(frozen=True)
class FactsWindow:
    """Facts for the rules, oldest first, none after ``until``.

    ``exact_from`` is None when the whole history was read; otherwise the
    rules' readings from that moment (a session's start) on are exact, and a
    gate change found at or before it may be an artefact of the window.
    """

    facts: tuple[SessionFacts, ...]
    exact_from: datetime | None
    start: datetime | None = None  # where the window begins (None: everything was read)

    def real_change(self, moment: datetime) -> bool:
        """A change the replay finds at ``moment`` is real: the reading before it was exact."""
        return self.exact_from is None or moment > self.exact_from

    def trim(self, dated: Sequence[T]) -> list[T]:
        """Red-flag checks or clearances (oldest first) as the window's replay needs them.

        The rules keep only the latest check and the latest clearance, so the
        last one before the window stands for all the older ones.
        """
        if self.start is None:
            return list(dated)
        first_inside = bisect.bisect_left(dated, self.start, key=lambda x: x.at)
        return list(dated[max(0, first_inside - 1) :])

    @staticmethod
    def worsening_in(reasons: Iterable[R.Reason]) -> bool:
        return any(r.code is R.ReasonCode.WORSENING for r in reasons)


def read_facts(
    store: Store,
    rules: R.Rules,
    until: datetime,
    first_needed: datetime,
    lookback_days: int | None = LOOKBACK_DAYS,
    whole_if_inexact: bool = True,
) -> FactsWindow | None:
    """The facts up to ``until`` for readings from ``first_needed`` on.

    ``lookback_days`` None reads everything (the reference the window is
    tested against). The window starts ``lookback_days`` before
    ``first_needed``; when it would not be exact by ``first_needed`` the
    whole history is read instead (or, with ``whole_if_inexact`` False, None
    is returned, so the caller can try a longer window first).
    """
    first_day = store.first_session_day()
    if lookback_days is None or first_day is None:
        return _everything(store, until)
    window_start = first_needed.date() - timedelta(days=lookback_days)
    window = _upto(store.session_facts(since=window_start), until)
    if first_day >= window_start:
        return FactsWindow(tuple(window), None)  # the whole history is in the window
    exact_from = _exact_from(rules, window, window_start, until)
    if exact_from is None or exact_from >= first_needed:
        return _everything(store, until) if whole_if_inexact else None
    seeds = _first_sessions(store, rules, first_day, window_start)
    previous = _last_rated_before(store, first_day, window_start)
    if previous is not None:
        seeds.append(previous)
    known = {f.session_id for f in window}
    extra = {f.session_id: f for f in seeds if f.session_id not in known}
    facts = sorted((*extra.values(), *window), key=lambda f: f.started_at)
    start = local_midnight(window_start, until)
    return FactsWindow(tuple(facts), exact_from, start)


def facts_now(
    store: Store,
    rules: R.Rules,
    now: datetime,
    lookback_days: int = LOOKBACK_DAYS,
    whole_if_inexact: bool = True,
) -> FactsWindow | None:
    """The facts for readings at ``now``: every session up to the newest, even one dated later.

    The rules read a session dated after ``now`` (a clock set back) too, so
    nothing is cut off at the end. ``whole_if_inexact`` as in :func:`read_facts`.
    """
    latest = store.latest_session_start()
    until = now if latest is None else max(now, latest)
    return read_facts(store, rules, until, now, lookback_days, whole_if_inexact)


def _everything(store: Store, until: datetime) -> FactsWindow:
    return FactsWindow(tuple(_upto(store.session_facts(), until)), None)


def _upto(facts: Iterable[SessionFacts], until: datetime) -> list[SessionFacts]:
    return [f for f in facts if f.started_at <= until]


def _exact_from(
    rules: R.Rules, window: Sequence[SessionFacts], window_start: date, until: datetime
) -> datetime | None:
    """The first moment the window's replay equals the whole history's (None: not before the end).

    The latest of: the window start plus the longest of the rules' time
    windows; the counted session of the window by which its own counted
    sessions fall on enough different days spread over enough days (the
    gate's day and span conditions, which are then met with or without the
    older history); the N-th rated one (N = the openings the gate averages,
    or the openings the slow-creep test looks at, whichever is more).
    """
    g = rules.gate
    usable = [f for f in window if f.outcome != "open"]
    counted = _days_and_span_met(rules, usable)
    rated = [f for f in usable if f.opening is not None]
    openings_needed = max(g.mean_of_last, g.rise_window)
    if counted is None or len(rated) < openings_needed:
        return None
    start = local_midnight(window_start, until)
    span = max(
        timedelta(days=max(g.recent_days, rules.nudge.window_days)),
        timedelta(hours=g.no_flare_hours),
    )
    ready = max(
        start + span,
        counted,
        rated[openings_needed - 1].started_at,
    )
    # the first session from then on: the rules read the gate at every session, so
    # a change after it follows an exact reading (one at ``ready`` itself may be the
    # window filling up, not a change)
    return next((f.started_at for f in usable if f.started_at >= ready), None)


def _days_and_span_met(rules: R.Rules, usable: Sequence[SessionFacts]) -> datetime | None:
    """The start of the session by which these alone meet the gate's days and span, or None."""
    g = rules.gate
    days: set[date] = set()
    first: date | None = None
    for f in usable:
        if not R.counts_for_gate(rules, f):
            continue
        days.add(f.day)
        first = f.day if first is None else min(first, f.day)
        span = (f.day - first).days + 1
        if len(days) >= g.min_sessions and span >= g.min_span_days:
            return f.started_at
    return None


def _as_fact(row: SessionRow) -> SessionFacts:
    """A session as the baseline, the nudge and the flare test read it (ratings, time, outcome)."""
    return SessionFacts(
        session_id=row.session_id,
        started_at=row.started_at,
        outcome=row.status,
        opening=row.opening,
        closing=row.closing,
        stretch_reps_planned=0,
        stretch_reps_done=0,
    )


def _first_sessions(
    store: Store, rules: R.Rules, first_day: date, window_start: date
) -> list[SessionFacts]:
    """The sessions from the first one to the one that completes the baseline (or the window)."""
    need = rules.gate.baseline_sessions
    span = 14
    while True:
        end = min(first_day + timedelta(days=span), window_start)
        rows = [r for r in store.sessions_between(first_day, end) if r.status != "open"]
        rated = [i for i, r in enumerate(rows) if r.opening is not None]
        if len(rated) >= need:
            return [_as_fact(r) for r in rows[: rated[need - 1] + 1]]
        if end >= window_start:
            return [_as_fact(r) for r in rows]
        span *= 2


def _last_rated_before(store: Store, first_day: date, window_start: date) -> SessionFacts | None:
    span = 14
    while True:
        start = max(window_start - timedelta(days=span), first_day)
        rows = [
            r
            for r in store.sessions_between(start, window_start)
            if r.status != "open" and r.opening is not None
        ]
        if rows:
            return _as_fact(rows[-1])
        if start <= first_day:
            return None
        span *= 2
