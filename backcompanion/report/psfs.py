"""The Patient-Specific Functional Scale: when it is due, and its trend (no Qt).

The person names up to five activities their back makes hard and rates each
0 (unable) to 10 (able as before the problem). It is asked at the start and
then every ``psfs_every_days`` (resources/plan.yaml, which cites the source of
each number). The trend compares each rating with the first: the mean score and
each activity, with the minimal important change marked (2 points for the
mean, 3 for one activity, Horn et al. 2012).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from backcompanion.history.rows import PsfsRound
from backcompanion.i18n import format_decimal, translate
from backcompanion.program.plan import PlanSettings

__all__ = ["ActivityTrend", "PsfsTrend", "psfs_due", "psfs_line", "psfs_trend"]


def psfs_due(rounds: Sequence[PsfsRound], now: datetime, settings: PlanSettings) -> bool:
    """Whether to ask now: never asked, or the last rating is ``psfs_every_days`` old."""
    if not rounds:
        return True
    return now - rounds[-1].at >= timedelta(days=settings.psfs_every_days)


@dataclass(frozen=True)
class ActivityTrend:
    activity: str
    first: int
    last: int
    important_change: float

    @property
    def change(self) -> int:
        return self.last - self.first

    @property
    def important(self) -> bool:
        """Better by at least the minimal important change for one activity."""
        return self.change >= self.important_change


@dataclass(frozen=True)
class PsfsTrend:
    points: tuple[tuple[datetime, float], ...]  # (when, mean score), oldest first
    activities: tuple[ActivityTrend, ...]  # the first rating's activities, in its order
    important_change: float  # for the mean score

    @property
    def first(self) -> float | None:
        return self.points[0][1] if self.points else None

    @property
    def last(self) -> float | None:
        return self.points[-1][1] if self.points else None

    @property
    def change(self) -> float | None:
        if len(self.points) < 2:
            return None
        return self.last - self.first

    @property
    def important(self) -> bool:
        """The mean score is better than the first by at least the minimal important change."""
        change = self.change
        return change is not None and change >= self.important_change

    @property
    def threshold(self) -> float | None:
        """The mean score that marks an important change from the first (for the chart's line)."""
        return None if self.first is None else min(10.0, self.first + self.important_change)


def psfs_trend(
    rounds: Sequence[PsfsRound], settings: PlanSettings, until: datetime | None = None
) -> PsfsTrend:
    """The trend of every rating up to ``until`` (all when None) against the first."""
    chosen = [r for r in rounds if until is None or r.at <= until]
    points = tuple((r.at, r.mean) for r in chosen)
    activities: list[ActivityTrend] = []
    if chosen:
        for activity, first in chosen[0].scores:
            last = first
            for r in chosen[1:]:
                last = dict(r.scores).get(activity, last)
            activities.append(ActivityTrend(activity, first, last, settings.psfs_change_single))
    return PsfsTrend(points, tuple(activities), settings.psfs_change_mean)


def psfs_line(trend: PsfsTrend) -> str:
    """One line for the history page: the mean score now against the first."""
    if trend.first is None:
        return ""
    first, last = format_decimal(trend.first, 1), format_decimal(trend.last, 1)
    if trend.change is None:
        return translate(
            "Psfs", "Everyday activities (PSFS): {score} of 10 at the first rating."
        ).format(score=first)
    text = translate(
        "Psfs", "Everyday activities (PSFS): {first} at the start, {last} now."
    ).format(first=first, last=last)
    if trend.important:
        text += " " + translate("Psfs", "A change that matters (at least {points} points).").format(
            points=format_decimal(trend.important_change, 1)
        )
    return text
