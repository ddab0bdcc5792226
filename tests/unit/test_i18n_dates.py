"""backcompanion.i18n without Qt: English by default, dates and numbers from the catalog."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from backcompanion import i18n
from backcompanion.report.summary import cadence_text, long_date, minutes_text, short_day

DAY = date(2026, 11, 23)  # a Monday

SPANISH = {
    ("WeekdayShort", "Mon"): "lun",
    ("Weekday", "Monday"): "lunes",
    ("MonthShort", "Nov"): "nov",
    ("Month", "November"): "noviembre",
    ("DateFormat", "{weekday} {day} {month} {year}"): "{weekday}, {day} de {month} de {year}",
    ("Number", "."): ",",
    ("Duration", "%n day(s)"): "%n días",
    ("Breathing", "in {seconds} s"): "inspira {seconds} s",
}


def fake(context, text, disambiguation=None, n=-1):
    out = SPANISH.get((context, text), text)
    return out.replace("%n", str(n)) if n >= 0 else out


@pytest.fixture
def spanish():
    i18n.install(fake)
    yield
    i18n.install(None)


def test_english_by_default():
    assert not i18n.installed()
    assert i18n.format_date(DAY) == "23 Nov"
    assert i18n.format_date(DAY, "weekday_day_month") == "Mon 23 Nov"
    assert i18n.format_date(DAY, "day_month_year") == "23 Nov 2026"
    assert i18n.format_date(DAY, "long") == "Monday 23 November 2026"
    assert i18n.format_date(DAY, "weekday") == "Mon"
    assert i18n.format_date(datetime(2026, 5, 3, 14, 5)) == "3 May"
    assert short_day(DAY) == "Mon 23 Nov" and long_date(DAY) == "Monday 23 November 2026"
    with pytest.raises(ValueError, match="unknown date style"):
        i18n.format_date(DAY, "%a")


def test_english_plurals_drop_the_bracketed_s():
    assert i18n.translate("T", "%n day(s)", None, 1) == "1 day"
    assert i18n.translate("T", "%n day(s)", None, 0) == "0 days"
    assert i18n.translate("T", "%n more session(s) in %n day(s)", None, 3) == (
        "3 more sessions in 3 days"
    )
    assert i18n.translate("T", "a (s) without n") == "a (s) without n"


def test_decimals_and_durations():
    assert i18n.format_decimal(4.25) == "4.2" and i18n.format_decimal(3.0) == "3"
    assert i18n.format_decimal(10) == "10"
    assert minutes_text(42) == "42 min" and minutes_text(125) == "2 h 05 min"
    assert cadence_text("4-0-6-0") == "in 4 s, out 6 s (6 breaths a minute)"
    assert cadence_text("4-4-4-4") == "in 4 s, hold 4 s, out 4 s, hold 4 s (3.8 breaths a minute)"


def test_an_installed_translator_names_days_and_months(spanish):
    assert i18n.format_date(DAY, "weekday_day_month") == "lun 23 nov"
    assert i18n.format_date(DAY, "long") == "lunes, 23 de noviembre de 2026"
    assert i18n.format_decimal(4.5) == "4,5"
    assert i18n.translate("Duration", "%n day(s)", None, 2) == "2 días"
    assert cadence_text("4-0-6-0").startswith("inspira 4 s")


def test_names_are_read_again_after_each_install():
    assert i18n.format_date(DAY, "weekday") == "Mon"
    i18n.install(fake)
    try:
        assert i18n.format_date(DAY, "weekday") == "lun"
    finally:
        i18n.install(None)
    assert i18n.format_date(DAY, "weekday") == "Mon"
