"""Adherence: days with a session against the plan's days per week (docs/ARCHITECTURE.md §13).

Plain values, no Qt. A week counts the days with a session, each day at most
once; a session that was only partly done counts for the share of it that was
done (:func:`session_share`), and a day's sessions add up to at most one day.
Each week is measured against the days per week of the plan in force at its
end (the standard program's number when no plan was set). The overall figure
covers the weeks since the plan in force was set (at most :data:`MAX_WEEKS`);
the week the plan began counts only its days from then on, and a week not
over yet is shown "so far" and left out of the overall figure.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from backcompanion.history import Store
from backcompanion.i18n import format_date, format_decimal, translate
from backcompanion.program import Program
from backcompanion.report.weeks import IsoWeek
from backcompanion.session.completion import stretching_counts
from backcompanion.session.facts import SessionFacts
from backcompanion.session.progression_config import load_rules

__all__ = [
    "MAX_WEEKS",
    "Adherence",
    "WeekAdherence",
    "adherence",
    "full_stretch_reps",
    "session_share",
]

MAX_WEEKS = 12  # the overall figure reaches back this far at most [APP: a therapy block]


def session_share(
    fact: SessionFacts, full_stretch_reps: int = 0, complete_share: float | None = None
) -> float:
    """How much of a session counts: 1 when complete; else the share of its stretch repeats done.

    Complete is the one rule of ``session.completion`` (``complete_share`` of
    the repeats, from progression.yaml when None), so a session with most
    repeats skipped counts partly here as everywhere else. A stopped session
    records an end only for the exercises it reached, so the repeats it
    planned are at least ``full_stretch_reps``: every stretch repeat of the
    program in force.
    """
    if complete_share is None:
        complete_share = load_rules().complete_share
    if stretching_counts(fact, complete_share):
        return 1.0
    planned = max(fact.stretch_reps_planned, full_stretch_reps)
    if fact.outcome == "open" or planned <= 0:
        return 0.0
    return max(0.0, min(1.0, fact.stretch_reps_done / planned))


def full_stretch_reps(program: Program) -> int:
    """Every stretch repeat of ``program``, all sides (what a whole session plans)."""
    return sum(e.reps * max(1, len(e.sides)) for e in program.stretches)


@dataclass(frozen=True)
class WeekAdherence:
    week: IsoWeek
    target: int  # days the plan asks for in this week (fewer in the week a plan began)
    done: float  # days with a session, a partly done one counting partly
    sessions: int
    partly: int  # sessions that counted partly
    complete: bool  # the week is over

    @property
    def share(self) -> float | None:
        return min(1.0, self.done / self.target) if self.target else None

    @property
    def text(self) -> str:
        """'3 of 5 days' (with a decimal when a session counted partly)."""
        return translate("Adherence", "{done} of {target} days").format(
            done=days_text(self.done), target=self.target
        )


@dataclass(frozen=True)
class Adherence:
    weeks: tuple[WeekAdherence, ...]  # oldest first, up to the week read
    since: date | None  # the first day counted; None when there is nothing to count
    days_per_week: int  # of the plan in force at the end

    @property
    def counted(self) -> tuple[WeekAdherence, ...]:
        return tuple(w for w in self.weeks if w.complete and w.target)

    @property
    def overall(self) -> float | None:
        """Days done over days asked, over the weeks that are over; None before the first."""
        weeks = self.counted
        target = sum(w.target for w in weeks)
        return sum(min(w.done, w.target) for w in weeks) / target if target else None

    @property
    def last(self) -> WeekAdherence | None:
        return self.weeks[-1] if self.weeks else None

    @property
    def overall_text(self) -> str:
        share = self.overall
        if share is None:
            return translate("Adherence", "no full week yet")
        return translate("Adherence", "{percent} % of the days asked").format(
            percent=round(share * 100)
        )


def adherence_line(a: Adherence) -> str:
    """One line for the history page: this week so far, and the weeks since the plan began."""
    last = a.last
    if last is None or a.since is None:
        return ""
    week = translate("Adherence", "This week: {days}.").format(days=last.text)
    if a.overall is None:
        return week
    return (
        week
        + " "
        + translate("Adherence", "Since {day}: {share}.").format(
            day=format_date(a.since, "day_month"), share=a.overall_text
        )
    )


def days_text(days: float) -> str:
    return str(int(days)) if float(days).is_integer() else format_decimal(days, 1)


def adherence(
    store: Store,
    today: date,
    standard_days: int,
    program: Program | None = None,
    *,
    max_weeks: int = MAX_WEEKS,
) -> Adherence:
    """Adherence up to and including ``today`` (see the module's docstring).

    ``program``: the program in force, for what a whole session plans
    (:func:`session_share`); ``standard_days``: the standard program's days a week.
    """
    full = full_stretch_reps(program) if program is not None else 0
    plans = _targets(store)
    in_force_at = next((at for at, _ in reversed(plans) if at.date() <= today), None)
    this_week = IsoWeek.of(today)
    earliest = this_week.shifted(-(max_weeks - 1)).start
    first = store.first_session_day()
    starts = [d for d in (in_force_at.date() if in_force_at else first,) if d is not None]
    if not starts:
        return Adherence((), None, _target_at(plans, today, standard_days))
    since = max(earliest, starts[0])
    facts = [f for f in store.session_facts(since=since) if f.day <= today]
    by_day: dict[date, list[SessionFacts]] = {}
    for f in facts:
        by_day.setdefault(f.day, []).append(f)

    weeks: list[WeekAdherence] = []
    week = IsoWeek.of(since)
    while week.start <= today:
        last_day = min(week.end - timedelta(days=1), today)
        target = _target_at(plans, last_day, standard_days)
        first_day = max(week.start, since)
        open_days = (week.end - first_day).days
        if open_days < 7:  # the week the plan (or the history) began
            target = min(target, math.ceil(target * open_days / 7))
        done, sessions, partly = 0.0, 0, 0
        for day in week.days:
            found = by_day.get(day, []) if first_day <= day <= last_day else []
            shares = [session_share(f, full) for f in found if f.outcome != "open"]
            sessions += len(shares)
            partly += sum(1 for s in shares if 0 < s < 1)
            done += min(1.0, sum(shares))
        weeks.append(
            WeekAdherence(
                week,
                target,
                round(done, 2),
                sessions,
                partly,
                today >= week.end - timedelta(days=1),
            )
        )
        week = week.shifted(1)
    return Adherence(tuple(weeks), since, _target_at(plans, today, standard_days))


def _targets(store: Store) -> list[tuple[datetime, int | None]]:
    """When each plan was set and its days per week (None: the standard program's)."""
    out: list[tuple[datetime, int | None]] = []
    for row in store.plans():
        days = None
        if row.body is not None:
            try:
                days = int(json.loads(row.body)["days_per_week"])
            except (ValueError, KeyError, TypeError):
                days = None
        out.append((row.at, days))
    return out


def _target_at(plans: list[tuple[datetime, int | None]], day: date, standard_days: int) -> int:
    days = next((d for at, d in reversed(plans) if at.date() <= day), None)
    return standard_days if days is None else days
