"""ISO weeks: "YYYY-Www" parsing (malformed text, week 53), bounds, the last full week."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from backcompanion.report.weeks import IsoWeek, WeekError, last_full_week, weeks_in_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-W07", (2026, 7)),
        ("2026-W47", (2026, 47)),
        ("2026-w01", (2026, 1)),  # people type lower case
        (" 2026-W52 ", (2026, 52)),
        ("2026-W53", (2026, 53)),  # 2026 begins on a Thursday: 53 weeks
        ("2020-W53", (2020, 53)),  # a leap year beginning on a Wednesday
        ("2015-W53", (2015, 53)),
    ],
)
def test_parse_good_weeks(text, expected):
    week = IsoWeek.parse(text)
    assert week == expected
    assert (week.year, week.week) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026",
        "2026-7",
        "2026-W7",  # two digits for the week
        "2026W07",  # the dash is part of the form
        "26-W07",
        "2026-W007",
        "2026-W07-1",  # a day, not a week
        "2026-11-16",
        "W07-2026",
        "2026-W00",
        "2026-W54",
        "0000-W01",
        "abcd-Wef",
        "2026-Ｗ07",
        "２０２６-W07",  # digits from another script
    ],
)
def test_malformed_weeks_are_refused_in_one_line(text):
    with pytest.raises(WeekError) as caught:
        IsoWeek.parse(text)
    message = str(caught.value)
    assert message.startswith(f"expected YYYY-Www like 2026-W07, not {text!r}")
    assert "\n" not in message


def test_week_53_only_in_years_that_have_one():
    with pytest.raises(WeekError, match=r"2025 has weeks 01 to 52"):
        IsoWeek.parse("2025-W53")
    assert [weeks_in_year(y) for y in (2015, 2020, 2024, 2025, 2026, 2027, 2032)] == [
        53,
        53,
        52,
        52,
        53,
        52,
        53,
    ]


def test_week_53_bounds_cross_the_new_year():
    week = IsoWeek.parse("2026-W53")
    assert week.start == date(2026, 12, 28)  # Monday
    assert week.last_day == date(2027, 1, 3)  # Sunday
    assert week.end == date(2027, 1, 4)  # the Monday after: [start, end)
    assert week.days == tuple(date(2026, 12, 28) + timedelta(days=i) for i in range(7))
    assert IsoWeek.of(date(2027, 1, 3)) == (2026, 53)
    assert IsoWeek.of(date(2027, 1, 4)) == (2027, 1)
    assert week.shifted(1) == (2027, 1)
    assert IsoWeek(2027, 1).shifted(-1) == (2026, 53)


def test_week_1_may_begin_in_the_year_before():
    week = IsoWeek(2026, 1)
    assert week.start == date(2025, 12, 29)
    assert IsoWeek.of(date(2025, 12, 31)) == (2026, 1)
    assert IsoWeek.of(date(2021, 1, 1)) == (2020, 53)


def test_label_and_bounds_of_an_ordinary_week():
    week = IsoWeek(2026, 7)
    assert week.label == "2026-W07" == str(week)
    assert IsoWeek.parse(week.label) == week
    assert (week.start, week.last_day, week.end) == (
        date(2026, 2, 9),
        date(2026, 2, 15),
        date(2026, 2, 16),
    )
    assert [d.weekday() for d in week.days] == list(range(7))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 25), (2026, 47)),  # a Wednesday: the week before
        (date(2026, 11, 29), (2026, 47)),  # a Sunday: this week is not over yet
        (date(2026, 11, 30), (2026, 48)),  # the Monday after: that week has just ended
        (date(2027, 1, 4), (2026, 53)),
        (date(2027, 1, 2), (2026, 52)),  # inside week 53
        (date(2026, 1, 1), (2025, 52)),  # inside 2026-W01
    ],
)
def test_last_full_week(today, expected):
    assert last_full_week(today) == expected
    assert last_full_week(today).end <= today


def test_weeks_sort_as_tuples():
    weeks = [IsoWeek(2026, 2), IsoWeek(2025, 52), IsoWeek(2026, 1)]
    assert sorted(weeks) == [(2025, 52), (2026, 1), (2026, 2)]
