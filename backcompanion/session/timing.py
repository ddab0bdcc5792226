"""The session engine's time arithmetic (docs/ARCHITECTURE.md §4), on the injected monotonic clock.

A :class:`PhaseTimer` keeps the scheduled start and end of the current timed
phase, when the session was frozen (paused or stopped), and the time spent
paused. A pause moves the current phase's start and end on by the time spent
paused when it is resumed: remaining = duration - (now - phase start - paused
time), with no accumulation. It never reads the clock itself: every time
comes in as an argument.
"""

from __future__ import annotations


class PhaseTimer:
    """The current timed phase and the session's active-time origin, in monotonic seconds."""

    def __init__(self, now: float):
        self.now = now  # the time of the last update, event or suspend check
        self.t0 = now  # monotonic time of active second 0; set at start
        self.paused_total = 0.0
        self.frozen_at: float | None = None  # when the session was paused or stopped
        # the current timed phase; None between timed phases
        self.start: float | None = None
        self.end: float | None = None
        self.duration = 0.0

    @property
    def at(self) -> float:
        """The moment a snapshot describes: when it froze, else the last update."""
        return self.frozen_at if self.frozen_at is not None else self.now

    def begin(self, at: float, duration: float) -> None:
        """A timed phase of ``duration`` seconds starts at ``at``."""
        self.start, self.duration, self.end = at, float(duration), at + duration

    def untimed(self) -> None:
        """Between timed phases (a check-in): nothing is scheduled."""
        self.start = self.end = None
        self.duration = 0.0

    def active_s(self, at: float) -> float:
        """Active seconds since the session started (pauses left out), for the records."""
        return at - self.t0 - self.paused_total

    def thaw(self, now: float) -> None:
        """Resume at ``now``: the phase's start and end move on by the time spent frozen."""
        paused = now - self.frozen_at
        self.paused_total += paused
        self.start += paused
        self.end += paused
        self.frozen_at = None
