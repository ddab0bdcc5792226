"""When the daily reminder is due: weekdays, summer time, missed ones (session/reminders.py)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from datetime import timezone as fixed_timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backcompanion.session.reminders import (
    LATE_AFTER,
    Reminder,
    SystemLocal,
    due_reminders,
    local_zone,
    next_reminder,
    occurrence,
    zoned,
)

BERLIN = ZoneInfo("Europe/Berlin")
EVERY_DAY = frozenset(range(1, 8))
WEEKDAYS = frozenset(range(1, 6))
SIX_PM = dtime(18, 0)


def berlin(*args, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=BERLIN, fold=fold)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def same_instant(a: datetime | None, b: datetime) -> bool:
    """Compare in UTC: two datetimes sharing a tzinfo compare by wall clock (fold ignored)."""
    return a is not None and a.astimezone(UTC) == b.astimezone(UTC)


# -- days and weekdays -----------------------------------------------------------------------


def test_later_today_when_the_time_has_not_come():
    assert next_reminder(berlin(2026, 5, 4, 9, 0), SIX_PM, EVERY_DAY) == berlin(2026, 5, 4, 18, 0)


def test_tomorrow_when_the_time_has_passed_or_is_now():
    assert next_reminder(berlin(2026, 5, 4, 18, 1), SIX_PM, EVERY_DAY) == berlin(2026, 5, 5, 18)
    assert next_reminder(berlin(2026, 5, 4, 18, 0), SIX_PM, EVERY_DAY) == berlin(2026, 5, 5, 18)


def test_over_many_days_every_day_once():
    at, seen = berlin(2026, 5, 1, 12), []
    for _ in range(10):
        at = next_reminder(at, SIX_PM, EVERY_DAY)
        seen.append(at.date().isoformat())
    assert seen == [f"2026-05-{d:02d}" for d in range(1, 11)]


@pytest.mark.parametrize(
    ("after", "days", "expected"),
    [
        # 2026-05-01 is a Friday; Mon/Wed/Fri
        (berlin(2026, 5, 1, 19), {1, 3, 5}, berlin(2026, 5, 4, 18)),  # Fri evening -> Monday
        (berlin(2026, 5, 2, 10), {1, 3, 5}, berlin(2026, 5, 4, 18)),  # Saturday -> Monday
        (berlin(2026, 5, 4, 17), {1, 3, 5}, berlin(2026, 5, 4, 18)),  # Monday before the time
        (berlin(2026, 5, 4, 19), {1, 3, 5}, berlin(2026, 5, 6, 18)),  # Monday after -> Wednesday
        (berlin(2026, 5, 4, 19), {7}, berlin(2026, 5, 10, 18)),  # only Sundays
        (berlin(2026, 5, 3, 19), {7}, berlin(2026, 5, 10, 18)),  # Sunday after -> next Sunday
        (berlin(2026, 5, 1, 19), WEEKDAYS, berlin(2026, 5, 4, 18)),  # no weekend reminders
    ],
)
def test_weekday_subsets(after, days, expected):
    assert next_reminder(after, SIX_PM, frozenset(days)) == expected


def test_no_days_no_reminder():
    assert next_reminder(berlin(2026, 5, 4, 9), SIX_PM, frozenset()) is None
    assert due_reminders(berlin(2026, 5, 1, 9), berlin(2026, 5, 9, 9), SIX_PM, frozenset()) is None


def test_the_result_is_in_the_zone_of_after():
    got = next_reminder(utc(2026, 5, 4, 9), SIX_PM, EVERY_DAY)
    assert got == utc(2026, 5, 4, 18) and got.tzinfo is UTC


@pytest.mark.parametrize(
    "bad",
    [
        lambda: next_reminder(datetime(2026, 5, 4, 9), SIX_PM, EVERY_DAY),  # naive
        lambda: next_reminder(berlin(2026, 5, 4, 9), dtime(18, tzinfo=UTC), EVERY_DAY),
        lambda: next_reminder(berlin(2026, 5, 4, 9), SIX_PM, {0, 1}),
        lambda: next_reminder(berlin(2026, 5, 4, 9), SIX_PM, {8}),
        lambda: due_reminders(datetime(2026, 5, 4), berlin(2026, 5, 5), SIX_PM, EVERY_DAY),
    ],
)
def test_bad_input_is_refused(bad):
    with pytest.raises(ValueError):
        bad()


# -- summer time (Europe/Berlin) -------------------------------------------------------------


def test_spring_forward_a_reminder_in_the_gap_fires_at_three():
    """2026-03-29 02:00 CET -> 03:00 CEST: 02:30 does not exist; it fires at 03:00, once."""
    at = next_reminder(berlin(2026, 3, 28, 12), dtime(2, 30), EVERY_DAY)
    assert same_instant(at, utc(2026, 3, 29, 1, 0))  # 03:00 CEST
    assert (at.hour, at.minute, at.utcoffset()) == (3, 0, timedelta(hours=2))
    after = next_reminder(at, dtime(2, 30), EVERY_DAY)
    assert same_instant(after, utc(2026, 3, 30, 0, 30))  # the next day 02:30 CEST
    assert due_reminders(
        berlin(2026, 3, 29, 1, 0), berlin(2026, 3, 29, 4, 0), dtime(2, 30), EVERY_DAY
    ) == Reminder(at=at, missed=1, late_by=timedelta(hours=1))


def test_spring_forward_a_day_is_23_hours_long():
    at = next_reminder(berlin(2026, 3, 28, 18, 30), SIX_PM, EVERY_DAY)
    assert same_instant(at, utc(2026, 3, 29, 16))  # 18:00 CEST, not CET
    assert at.astimezone(UTC) - berlin(2026, 3, 28, 18).astimezone(UTC) == timedelta(hours=23)


def test_fall_back_a_reminder_in_the_doubled_hour_fires_once():
    """2026-10-25 03:00 CEST -> 02:00 CET: 02:30 happens twice; the first one counts."""
    first = next_reminder(berlin(2026, 10, 24, 12), dtime(2, 30), EVERY_DAY)
    assert same_instant(first, utc(2026, 10, 25, 0, 30))  # 02:30 CEST
    assert first.fold == 0
    following = next_reminder(first, dtime(2, 30), EVERY_DAY)
    assert same_instant(following, utc(2026, 10, 26, 1, 30))  # the next day, not 02:30 CET
    # from the repeated hour (02:45 CET, fold=1) it is the next day too
    repeated = berlin(2026, 10, 25, 2, 45, fold=1)
    assert same_instant(next_reminder(repeated, dtime(2, 30), EVERY_DAY), utc(2026, 10, 26, 1, 30))
    # a check spanning the whole doubled hour finds one reminder
    one = due_reminders(berlin(2026, 10, 25, 1), berlin(2026, 10, 25, 4), dtime(2, 30), EVERY_DAY)
    assert one is not None and one.missed == 1 and same_instant(one.at, first)


def test_fall_back_a_day_is_25_hours_long():
    at = next_reminder(berlin(2026, 10, 24, 18, 30), SIX_PM, EVERY_DAY)
    assert same_instant(at, utc(2026, 10, 25, 17))  # 18:00 CET
    assert at.astimezone(UTC) - berlin(2026, 10, 24, 18).astimezone(UTC) == timedelta(hours=25)


def test_a_skipped_calendar_day_has_no_reminder():
    """Samoa moved across the date line: 2011-12-30 (a Friday) never happened in Apia."""
    apia = ZoneInfo("Pacific/Apia")
    after = datetime(2011, 12, 29, 19, tzinfo=apia)
    assert next_reminder(after, SIX_PM, EVERY_DAY) == datetime(2011, 12, 31, 18, tzinfo=apia)
    assert next_reminder(after, SIX_PM, {5}) == datetime(2012, 1, 6, 18, tzinfo=apia)


ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "UTC"]


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    after_s=st.integers(0, 3 * 365 * 86400),
    hour=st.integers(0, 23),
    minute=st.sampled_from([0, 15, 30, 45, 59]),
    days=st.frozensets(st.integers(1, 7), min_size=1),
)
def test_next_reminder_properties(zone, after_s, hour, minute, days):
    tz = ZoneInfo(zone)
    after = (utc(2025, 1, 1) + timedelta(seconds=after_s)).astimezone(tz)
    t = dtime(hour, minute)
    at = next_reminder(after, t, days)
    at_utc = at.astimezone(UTC)
    assert at_utc > after.astimezone(UTC)
    assert at_utc - after.astimezone(UTC) <= timedelta(days=7, hours=1)
    wall = at_utc.astimezone(tz)
    assert wall.isoweekday() in days
    # the wall clock reads the chosen time, unless that time did not exist (then just after)
    if (wall.hour, wall.minute) != (hour, minute):
        naive = datetime.combine(wall.date(), t)
        assert naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive
        assert wall.replace(tzinfo=None) > naive
    # nothing scheduled in between: asking from just before gives the same answer
    assert same_instant(next_reminder(at - timedelta(seconds=1), t, days), at)
    assert same_instant(next_reminder(after, t, days), at)  # and it is deterministic


# -- missed reminders ------------------------------------------------------------------------


def test_nothing_due_between_reminders():
    assert (
        due_reminders(berlin(2026, 5, 4, 18, 1), berlin(2026, 5, 5, 17, 59), SIX_PM, WEEKDAYS)
        is None
    )


def test_one_due_on_time():
    got = due_reminders(berlin(2026, 5, 4, 17, 50), berlin(2026, 5, 4, 18, 0, 0), SIX_PM, WEEKDAYS)
    assert got == Reminder(at=berlin(2026, 5, 4, 18), missed=1, late_by=timedelta(0))
    assert not got.late


def test_a_long_sleep_gives_one_reminder_for_all_it_missed():
    """Asleep from Monday afternoon to Thursday night: four reminders missed, shown once."""
    got = due_reminders(berlin(2026, 5, 4, 17), berlin(2026, 5, 7, 20), SIX_PM, WEEKDAYS)
    assert got == Reminder(at=berlin(2026, 5, 7, 18), missed=4, late_by=timedelta(hours=2))
    assert got.late
    # and after it was shown (the last check is now), nothing more until the next one
    assert due_reminders(berlin(2026, 5, 7, 20), berlin(2026, 5, 8, 17), SIX_PM, WEEKDAYS) is None


def test_a_week_asleep_over_the_weekend_counts_only_chosen_days():
    got = due_reminders(berlin(2026, 5, 1, 19), berlin(2026, 5, 10, 12), SIX_PM, WEEKDAYS)
    assert got.missed == 5 and got.at == berlin(2026, 5, 8, 18)  # Mon-Fri, the latest a Friday


def test_missed_reminders_are_counted_over_at_most_a_year():
    got = due_reminders(berlin(2016, 5, 1), berlin(2026, 5, 1, 20), SIX_PM, EVERY_DAY)
    assert got.at == berlin(2026, 5, 1, 18) and 360 <= got.missed <= 367


def test_late_means_more_than_a_couple_of_minutes():
    at = berlin(2026, 5, 4, 18)
    assert not Reminder(at, 1, LATE_AFTER).late
    assert Reminder(at, 1, LATE_AFTER + timedelta(seconds=1)).late


def test_a_clock_that_went_back_has_nothing_due():
    assert due_reminders(berlin(2026, 5, 4, 19), berlin(2026, 5, 4, 17), SIX_PM, EVERY_DAY) is None
    assert due_reminders(berlin(2026, 5, 4, 19), berlin(2026, 5, 4, 19), SIX_PM, EVERY_DAY) is None


def test_mixed_zones_compare_as_instants():
    """last_check in UTC, now in Berlin: 17:30 UTC is 19:30 CEST, after the 18:00 reminder."""
    assert due_reminders(utc(2026, 5, 4, 15, 30), berlin(2026, 5, 4, 19), SIX_PM, EVERY_DAY)
    assert due_reminders(utc(2026, 5, 4, 16, 30), berlin(2026, 5, 4, 19), SIX_PM, EVERY_DAY) is None


# -- the computer's own zone -----------------------------------------------------------------


@pytest.fixture
def system_tz(monkeypatch):
    """Set the C library's zone through TZ for one test, and put it back after."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset exists only on Unix")

    def use(value: str) -> None:
        monkeypatch.setenv("TZ", value)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def test_local_zone_names_the_iana_zone(system_tz):
    system_tz("Europe/Berlin")
    assert local_zone() == BERLIN


def test_a_posix_tz_string_falls_back_to_the_system_zone(system_tz):
    system_tz("CET-1CEST,M3.5.0,M10.5.0/3")  # Berlin's rules, without a name
    zone = local_zone()
    assert isinstance(zone, SystemLocal)
    at = next_reminder(datetime(2026, 3, 28, 12, tzinfo=zone), dtime(2, 30), EVERY_DAY)
    assert same_instant(at, utc(2026, 3, 29, 1, 0))
    first = next_reminder(datetime(2026, 10, 24, 12, tzinfo=zone), dtime(2, 30), EVERY_DAY)
    assert same_instant(first, utc(2026, 10, 25, 0, 30))
    assert same_instant(next_reminder(first, dtime(2, 30), EVERY_DAY), utc(2026, 10, 26, 1, 30))


def test_system_local_agrees_with_zoneinfo(system_tz):
    system_tz("Europe/Berlin")
    local = SystemLocal()
    for day in ("2026-03-29", "2026-10-25", "2026-07-01"):
        start = datetime.fromisoformat(day).replace(tzinfo=UTC) - timedelta(hours=4)
        for quarter in range(4 * 8):  # every 15 minutes around the change, both ways
            instant = start + timedelta(minutes=15 * quarter)
            mine, theirs = instant.astimezone(local), instant.astimezone(BERLIN)
            assert mine.replace(tzinfo=None) == theirs.replace(tzinfo=None)
            assert mine.fold == theirs.fold
            assert mine.utcoffset() == theirs.utcoffset()
            assert mine.astimezone(UTC) == instant
        for hour, minute in ((2, 30), (1, 59), (3, 0), (18, 0)):
            d = datetime.fromisoformat(day).date()
            t = dtime(hour, minute)
            assert same_instant(occurrence(d, t, local), occurrence(d, t, BERLIN))


def test_zoned_moves_a_fixed_offset_into_the_real_zone(system_tz):
    system_tz("Europe/Berlin")
    fixed = datetime(2026, 3, 28, 12, tzinfo=fixed_timezone(timedelta(hours=1)))
    moved = zoned(fixed)
    assert moved.tzinfo == BERLIN and moved == fixed
    assert zoned(berlin(2026, 3, 28, 12)).tzinfo is BERLIN
    # and the day after, 18:00 is summer time, which the fixed offset would have missed
    assert same_instant(next_reminder(moved, SIX_PM, EVERY_DAY), utc(2026, 3, 28, 17))
    assert same_instant(
        next_reminder(moved + timedelta(hours=12), SIX_PM, EVERY_DAY), utc(2026, 3, 29, 16)
    )
