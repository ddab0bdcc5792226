"""Clocks. Production uses ``time.monotonic``; tests and ``simulate`` use :class:`FakeClock`."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], float]
WallClock = Callable[[], datetime]


def monotonic() -> float:
    return time.monotonic()


def local_now() -> datetime:
    return datetime.now().astimezone()


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self, start: float = 1000.0):
        self.now = float(start)

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self.now += seconds
        return self.now
