"""When the daily exercise reminder is due. Pure Python: no Qt, no timers.

A reminder is a time of day (``datetime.time``, to the minute, no zone) on a set
of ISO weekdays (1 = Monday ... 7 = Sunday), read in a real time zone: a
``zoneinfo.ZoneInfo`` or :func:`local_zone`. Every instant handed in and out
is zone-aware. (A fixed UTC offset, as ``datetime.now().astimezone()`` gives,
knows nothing of summer time: :func:`zoned` turns such a datetime into the
computer's real zone.)

Summer time, decided once here and tested:

* **Spring forward** (the clock jumps, e.g. Europe/Berlin 2026-03-29 02:00 ->
  03:00): a reminder set inside the gap (02:30) is **not skipped**: it fires at
  the first instant after the gap, 03:00 local time, once. (A calendar day a
  zone skipped whole, like Samoa's 2011-12-30, has no reminder.)
* **Fall back** (an hour happens twice, e.g. Europe/Berlin 2026-10-25 02:00-03:00):
  a reminder set inside that hour (02:30) fires **once**, at the first 02:30
  (summer time); the repeated 02:30 an hour later is not a second reminder.

All comparisons and differences are made in UTC: Python compares and subtracts
two datetimes sharing one tzinfo by their wall clock, which is wrong around a
change of offset.

:func:`due_reminders` answers "what is due since I last looked": at most one
:class:`Reminder`, however many scheduled times passed (a computer asleep over
three evenings is reminded once when it wakes, not three times).
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as dtime
from datetime import timezone as fixed_timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "LATE_AFTER",
    "LOOKBACK",
    "Reminder",
    "SystemLocal",
    "due_reminders",
    "local_now",
    "local_zone",
    "next_reminder",
    "occurrence",
    "zoned",
]

LATE_AFTER = timedelta(minutes=2)  # a reminder shown later than this was missed (asleep, off)
LOOKBACK = timedelta(days=366)  # due_reminders counts missed reminders over at most this long
_EPOCH = datetime(1970, 1, 1)
_SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class Reminder:
    """The one reminder to show now.

    ``at`` is the scheduled time of the latest reminder that fell due (in the
    zone of the schedule); ``missed`` how many scheduled times fell due since the
    last check (1 normally, more after a long sleep); ``late_by`` how long ago
    ``at`` was when the check ran.
    """

    at: datetime
    missed: int
    late_by: timedelta

    @property
    def late(self) -> bool:
        """Shown well after its time (the computer slept, or was busy): say so kindly."""
        return self.late_by > LATE_AFTER


def _check(moment: datetime, time_of_day: dtime, days: Collection[int]) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a reminder needs a zone-aware datetime, not {moment!r}")
    if time_of_day.tzinfo is not None:
        raise ValueError(f"the reminder time is a wall-clock time without a zone: {time_of_day!r}")
    bad = [d for d in days if not 1 <= d <= 7]
    if bad:
        raise ValueError(f"reminder days are ISO weekdays 1-7, not {bad}")


def _wall(instant: datetime, zone: tzinfo) -> datetime:
    """The naive wall-clock reading of ``instant`` in ``zone``.

    Through UTC: ``astimezone`` to the datetime's own tzinfo returns it unchanged,
    even when its wall time does not exist there.
    """
    return instant.astimezone(UTC).astimezone(zone).replace(tzinfo=None)


def _posix(instant: datetime) -> int:
    """Whole seconds since the epoch (rounded down)."""
    return math.floor(instant.timestamp())


def occurrence(day: date, time_of_day: dtime, zone: tzinfo) -> datetime:
    """The instant ``time_of_day`` happens on ``day`` in ``zone`` (module doc: summer time).

    In a spring-forward gap: the first instant after the gap (03:00 for 02:30 in
    Berlin). In a fall-back hour: the first of the two (``fold=0``).
    """
    naive = datetime.combine(day, time_of_day)
    first = naive.replace(tzinfo=zone, fold=0)
    if _wall(first, zone) == naive:
        return first
    # ``naive`` does not exist. PEP 495: fold=1 reads it with the offset after the
    # change (an instant before the gap), fold=0 with the one before (after the gap).
    lo, hi = sorted((_posix(naive.replace(tzinfo=zone, fold=1)), _posix(first)))
    # bisect for the first whole second whose wall clock is at or past ``naive``
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _wall(datetime.fromtimestamp(mid, UTC), zone) >= naive:
            hi = mid
        else:
            lo = mid
    return datetime.fromtimestamp(hi, UTC).astimezone(zone)


def next_reminder(after: datetime, time_of_day: dtime, days: Collection[int]) -> datetime | None:
    """The first reminder strictly after ``after``, in ``after``'s zone; None without days.

    ``after`` must be zone-aware; its zone is the zone of the schedule.
    """
    _check(after, time_of_day, days)
    if not days:
        return None
    zone = after.tzinfo
    after_utc = after.astimezone(UTC)
    start = _wall(after, zone).date()
    for offset in range(15):  # a week and a day would do; the margin is for odd zones
        day = start + timedelta(days=offset)
        if day.isoweekday() in days:
            at = occurrence(day, time_of_day, zone)
            # a calendar day the zone skipped whole (Pacific/Apia, 2011-12-30) has none
            if _wall(at, zone).date() == day and at.astimezone(UTC) > after_utc:
                return at
    raise AssertionError("unreachable: some weekday in any 15 days is a reminder day")


def due_reminders(
    last_check: datetime, now: datetime, time_of_day: dtime, days: Collection[int]
) -> Reminder | None:
    """The reminder to show at ``now`` when the last check was at ``last_check``.

    Considers the scheduled times in ``(last_check, now]`` (in ``now``'s zone) and
    returns at most ONE :class:`Reminder`, for the latest of them, however many
    there were; None when none fell due (or the clock went back). Missed times are
    counted over at most :data:`LOOKBACK`.
    """
    _check(last_check, time_of_day, days)
    _check(now, time_of_day, days)
    now_utc = now.astimezone(UTC)
    since = max(last_check.astimezone(UTC), now_utc - LOOKBACK)
    if not days or since >= now_utc:
        return None
    cursor = since.astimezone(now.tzinfo)
    latest, count = None, 0
    while True:
        at = next_reminder(cursor, time_of_day, days)
        if at is None or at.astimezone(UTC) > now_utc:
            break
        latest, count, cursor = at, count + 1, at
    if latest is None:
        return None
    return Reminder(at=latest, missed=count, late_by=now_utc - latest.astimezone(UTC))


# -- the computer's own zone -------------------------------------------------------------------


class SystemLocal(tzinfo):
    """The operating system's local time (``time.localtime``), as a PEP 495 tzinfo.

    Used when no IANA zone name can be found (Windows without the ``tzdata``
    package, or a POSIX ``TZ`` string like ``CET-1CEST``). It asks the C library
    for every conversion, so it follows summer time as the system does.
    """

    def _utc_seconds(self, naive: datetime, fold: int) -> int:
        """The POSIX time of ``naive`` local time (after CPython's ``datetime._mktime``)."""
        max_fold = 24 * 3600
        t = (naive - _EPOCH) // _SECOND

        def local(u: int) -> int:
            y, m, d, hh, mm, ss = time.localtime(u)[:6]
            return (datetime(y, m, d, hh, mm, ss) - _EPOCH) // _SECOND

        a = local(t) - t
        u1 = t - a
        t1 = local(u1)
        if t1 == t:
            # one solution; look for the other one of an ambiguous hour
            u2 = u1 + (-max_fold, max_fold)[fold]
            b = local(u2) - u2
            if a == b:
                return u1
        else:
            b = t1 - u1
        u2 = t - b
        if local(u2) == t:
            return u2
        if t1 == t:
            return u1
        # in a gap: fold=0 reads it with the offset before the change (the later instant)
        return (max, min)[fold](u1, u2)

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        if dt is None:
            return None
        naive = dt.replace(tzinfo=None)
        t = (naive - _EPOCH) // _SECOND
        return timedelta(seconds=t - self._utc_seconds(naive, dt.fold))

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None  # unknown: only the total offset is known

    def tzname(self, dt: datetime | None) -> str | None:
        if dt is None:
            return time.localtime().tm_zone
        u = self._utc_seconds(dt.replace(tzinfo=None), dt.fold)
        return time.localtime(u).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        naive_utc = dt.replace(tzinfo=None)
        u = (naive_utc - _EPOCH) // _SECOND
        local = naive_utc + timedelta(seconds=time.localtime(u).tm_gmtoff)
        fold = 0 if self._utc_seconds(local, 0) == u else 1
        return local.replace(tzinfo=self, fold=fold)

    def __repr__(self) -> str:
        return "SystemLocal()"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SystemLocal)

    def __hash__(self) -> int:
        return hash(SystemLocal)


def _zone_key_from_link(link: str) -> str | None:
    marker = "zoneinfo/"
    at = link.rfind(marker)
    return link[at + len(marker) :] if at >= 0 else None


def local_zone() -> tzinfo:
    """The computer's time zone: a ``ZoneInfo`` when one can be named, else :class:`SystemLocal`.

    Asked afresh each time (cheap), so a laptop that changed zone is followed.
    A found zone is checked against the C library's current offset; on any
    disagreement the system's own answer wins.
    """
    zone: tzinfo | None = None
    tz_env = os.environ.get("TZ", "")
    try:
        if tz_env:
            zone = ZoneInfo(tz_env.removeprefix(":"))
        else:
            key = _zone_key_from_link(os.path.realpath("/etc/localtime"))
            if key:
                zone = ZoneInfo(key)
            elif os.path.isfile("/etc/localtime"):
                with open("/etc/localtime", "rb") as fh:
                    zone = ZoneInfo.from_file(fh, key="localtime")
    except (ZoneInfoNotFoundError, ValueError, OSError):
        zone = None
    if zone is not None:
        now = time.time()
        offset = datetime.fromtimestamp(now, zone).utcoffset()
        if offset == timedelta(seconds=time.localtime(now).tm_gmtoff):
            return zone
    return SystemLocal()


def zoned(moment: datetime) -> datetime:
    """``moment`` in a zone that knows summer time.

    A ``ZoneInfo`` or :class:`SystemLocal` datetime is kept; a fixed offset
    (``datetime.now().astimezone()``) or a naive local datetime is moved to
    :func:`local_zone` (the same instant).
    """
    if isinstance(moment.tzinfo, ZoneInfo | SystemLocal):
        return moment
    if moment.tzinfo is None or isinstance(moment.tzinfo, fixed_timezone):
        return moment.astimezone(local_zone())
    return moment


def local_now() -> datetime:
    """Now, in the computer's real zone (not a fixed offset)."""
    return datetime.now(local_zone())
