"""The dates and phrases of the weekly PDF that several of its parts print.

Plain text, no Qt: every word through ``translate`` (context ``WeeklyPdf``),
every date through ``i18n.format_date``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from backcompanion.i18n import format_date, translate
from backcompanion.report.summary import WeeklySummary, day_month, short_day


def week_span(s: WeeklySummary) -> str:
    """The week's days, short: "23 to 29 Nov 2026", "30 Nov to 6 Dec 2026"."""
    first, last = s.week.start, s.week.last_day
    if first.year != last.year:
        start = format_date(first, "day_month_year")
    elif first.month != last.month:
        start = day_month(first)
    else:
        start = str(first.day)
    return from_to(start, format_date(last, "day_month_year"))


def from_to(first: str, last: str) -> str:
    return translate("WeeklyPdf", "{first} to {last}").format(first=first, last=last)


def day_and_time(at: datetime) -> str:
    return f"{short_day(at.date())}, {at:%H:%M}"


def weekday(day: date) -> str:
    return format_date(day, "weekday")


def gate_since(
    s: WeeklySummary, exact: Callable[[datetime], str], before: Callable[[datetime], str]
) -> str:
    """Since when the gate is as it is: "since Mon 23 Nov", "... or earlier", "from the start"."""
    g = s.gate
    if g.since is not None:
        return translate("WeeklyPdf", "since {day}").format(day=exact(g.since))
    if g.since_before is not None:
        return translate("WeeklyPdf", "since {day} or earlier").format(day=before(g.since_before))
    return translate("WeeklyPdf", "from the start")
