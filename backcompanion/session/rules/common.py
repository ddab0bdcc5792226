"""What every rule module shares: which sessions count, the time checks, the float slack.

Sessions whose outcome is "open" (running, or interrupted and not yet closed)
count for nothing in the rules. "stopped" and "partial" sessions count for their
ratings; their stretching never counts toward the gate (``session.completion``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from backcompanion.session.facts import Clearance, RedFlagCheck, SessionFacts

# Float slack for the threshold tests: 0.3 * 10 is 3.0000000000000004 in binary,
# and a drop of exactly 3 from a baseline of 10 must still count as 30 %.
EPS = 1e-9


def usable(facts: Iterable[SessionFacts]) -> list[SessionFacts]:
    """The sessions that count, oldest first."""
    return sorted((f for f in facts if f.outcome != "open"), key=lambda f: f.started_at)


def latest(
    usable: Sequence[SessionFacts],
    checks: Sequence[RedFlagCheck],
    clearances: Sequence[Clearance],
) -> datetime | None:
    """The moment of the newest fact, or None when there is none."""
    moments = [x.at for x in (*checks, *clearances)] + [f.started_at for f in usable[-1:]]
    return max(moments, default=None)


def require_aware(when: datetime, name: str = "now") -> None:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")
