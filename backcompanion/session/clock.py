"""Clocks. Production uses ``time.monotonic``; tests and ``simulate`` use :class:`FakeClock`."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timezone
from datetime import time as day_time

Clock = Callable[[], float]
WallClock = Callable[[], datetime]


def monotonic() -> float:
    return time.monotonic()


def local_now() -> datetime:
    return datetime.now().astimezone()


def local_midnight(day: date, like: datetime) -> datetime:
    """Midnight at the start of ``day`` in the zone of ``like``, with that day's own offset.

    ``like`` often carries a fixed offset (``datetime.now().astimezone()``), which is
    wrong on the other side of a daylight-saving change; a zone with rules (zoneinfo)
    is used as it is, and the system's fixed offset by the system's rules for that day.
    """
    zone = like.tzinfo
    if zone is None:
        return datetime.combine(day, day_time()).astimezone()
    if isinstance(zone, timezone) and like.astimezone().utcoffset() == like.utcoffset():
        return datetime.combine(day, day_time()).astimezone()  # the system's own rules
    return datetime.combine(day, day_time(), tzinfo=zone)


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
