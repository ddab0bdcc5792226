"""ISO weeks (Monday to Sunday): parsing "YYYY-Www", bounds, the last full week. No Qt.

An ISO week belongs to the year that holds its Thursday, so 2026-W01 begins on
Monday 29 December 2025, and a year has 53 weeks when it begins on a Thursday
(or on a Wednesday in a leap year), as 2020 and 2026 do.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

__all__ = ["IsoWeek", "WeekError", "last_full_week", "weeks_in_year"]

_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")


class WeekError(ValueError):
    """Text that is not an ISO week; ``str()`` is one line for the user."""


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the year's last."""
    return date(year, 12, 28).isocalendar().week


class IsoWeek(NamedTuple):
    """One ISO week. A plain ``(year, week)`` tuple, so it compares and sorts as one."""

    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """``"2026-W07"`` -> ``IsoWeek(2026, 7)``; anything else raises :class:`WeekError`.

        Only the ISO form with the dash and two week digits is accepted (``2026-w07``
        too: people type lower case); week 53 only in years that have one.
        """
        found = _WEEK.fullmatch(text.strip().upper()) if isinstance(text, str) else None
        if found is None:
            raise WeekError(f"expected YYYY-Www like 2026-W07, not {text!r}")
        year, week = int(found[1]), int(found[2])
        if not 1 <= year <= 9998:
            raise WeekError(f"expected YYYY-Www like 2026-W07, not {text!r}")
        last = weeks_in_year(year)
        if not 1 <= week <= last:
            raise WeekError(
                f"expected YYYY-Www like 2026-W07, not {text!r} ({year} has weeks 01 to {last})"
            )
        return cls(year, week)

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        """The week that holds ``day`` (a datetime counts as its date)."""
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def label(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"

    @property
    def start(self) -> date:
        """Its Monday."""
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def end(self) -> date:
        """The Monday after it: the week covers ``start <= day < end``, as the store's ranges do."""
        return self.start + timedelta(days=7)

    @property
    def last_day(self) -> date:
        """Its Sunday."""
        return self.start + timedelta(days=6)

    @property
    def days(self) -> tuple[date, ...]:
        """Monday to Sunday."""
        monday = self.start
        return tuple(monday + timedelta(days=i) for i in range(7))

    def shifted(self, weeks: int) -> IsoWeek:
        """The week ``weeks`` later (earlier when negative)."""
        return IsoWeek.of(self.start + timedelta(weeks=weeks))

    def __str__(self) -> str:
        return self.label


def last_full_week(today: date) -> IsoWeek:
    """The newest week that has ended: the one before the week holding ``today``.

    On a Sunday the current week is not over yet, so it is still the week before.
    """
    return IsoWeek.of(today).shifted(-1)
