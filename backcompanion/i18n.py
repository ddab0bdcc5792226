"""Translation without Qt: the one call every layer uses for text a person reads.

``translate(context, text)`` has the signature of ``QCoreApplication.translate``
so that Qt's ``lupdate`` finds every call (``scripts/translations.py update``).
The engine, rules, store and report stay free of Qt: the app installs Qt's
translator with :func:`install` once the language is known; until then (the
command line without a display, tests) the English text comes back, with ``%n``
replaced the way Qt does it.

Placeholders are ``{name}``, filled with ``str.format`` after translating, so
a translation can move them; plurals pass ``n`` and use ``%n`` in the text.

English plurals: write ``(s)`` after a regular noun, ``"%n session(s)"``.
A translation gives its own forms; text that comes back untranslated (English,
or a message a catalog lacks) gets the ``s`` only when n is not 1: "1 session",
"2 sessions". (Qt alone would print "1 session(s)".)

Dates: day and month names go through the catalog too (contexts ``Weekday``,
``WeekdayShort``, ``Month``, ``MonthShort``; the order of the parts in
``DateFormat``), so :func:`format_date` needs no Qt and no C locale (never
``strftime("%a %b")``: it would mix languages on one page). The translator
decides the abbreviations ("lun", "nov"), and the names are read again after
each :func:`install`. Numbers with a decimal part use the catalog's decimal
separator (:func:`format_decimal`). Times of day are 24-hour "14:05" everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

__all__ = [
    "DATE_STYLES",
    "QT_TRANSLATE_NOOP",
    "format_date",
    "format_decimal",
    "install",
    "installed",
    "month_name",
    "translate",
    "weekday_name",
]

Translator = Callable[[str, str, "str | None", int], str]

_PLURAL_MARK = re.compile(r"\(s\)")


def _english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text


_translator: Translator = _english


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the person's language (English when no translation is installed)."""
    out = _translator(context, text, disambiguation, n)
    if n >= 0 and "(s)" in out:
        out = _PLURAL_MARK.sub("" if n == 1 else "s", out)
    return out


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate where it is defined; translate it where it is shown."""
    return text


def install(translator: Translator | None) -> None:
    """Route every :func:`translate` through ``translator`` (None: back to English)."""
    global _translator
    _translator = translator or _english
    _names.clear()


def installed() -> bool:
    return _translator is not _english


# ---------------------------------------------------------------- dates and numbers

# the translated names, read once per installed translator (cleared by install())
_names: dict[str, tuple[str, ...]] = {}


def _weekdays() -> tuple[str, ...]:
    return (
        translate("Weekday", "Monday"),
        translate("Weekday", "Tuesday"),
        translate("Weekday", "Wednesday"),
        translate("Weekday", "Thursday"),
        translate("Weekday", "Friday"),
        translate("Weekday", "Saturday"),
        translate("Weekday", "Sunday"),
    )


def _weekdays_short() -> tuple[str, ...]:
    return (
        translate("WeekdayShort", "Mon"),
        translate("WeekdayShort", "Tue"),
        translate("WeekdayShort", "Wed"),
        translate("WeekdayShort", "Thu"),
        translate("WeekdayShort", "Fri"),
        translate("WeekdayShort", "Sat"),
        translate("WeekdayShort", "Sun"),
    )


def _months() -> tuple[str, ...]:
    return (
        translate("Month", "January"),
        translate("Month", "February"),
        translate("Month", "March"),
        translate("Month", "April"),
        translate("Month", "May"),
        translate("Month", "June"),
        translate("Month", "July"),
        translate("Month", "August"),
        translate("Month", "September"),
        translate("Month", "October"),
        translate("Month", "November"),
        translate("Month", "December"),
    )


def _months_short() -> tuple[str, ...]:
    return (
        translate("MonthShort", "Jan"),
        translate("MonthShort", "Feb"),
        translate("MonthShort", "Mar"),
        translate("MonthShort", "Apr"),
        translate("MonthShort", "May"),
        translate("MonthShort", "Jun"),
        translate("MonthShort", "Jul"),
        translate("MonthShort", "Aug"),
        translate("MonthShort", "Sep"),
        translate("MonthShort", "Oct"),
        translate("MonthShort", "Nov"),
        translate("MonthShort", "Dec"),
    )


_TABLES = {
    "weekday": _weekdays,
    "weekday_short": _weekdays_short,
    "month": _months,
    "month_short": _months_short,
}


def _name(table: str, index: int) -> str:
    names = _names.get(table)
    if names is None:
        names = _names[table] = _TABLES[table]()
    return names[index]


def weekday_name(day: date, short: bool = False) -> str:
    """ "Monday" / "Mon" in the person's language ("lunes" / "lun")."""
    return _name("weekday_short" if short else "weekday", day.weekday())


def month_name(day: date, short: bool = False) -> str:
    """ "November" / "Nov" in the person's language ("noviembre" / "nov")."""
    return _name("month_short" if short else "month", day.month - 1)


def _format(style: str) -> str:
    if style == "day_month":
        return translate("DateFormat", "{day} {month}", "a day and a short month: 23 Nov")
    if style == "weekday_day_month":
        return translate(
            "DateFormat", "{weekday} {day} {month}", "short weekday and month: Mon 23 Nov"
        )
    if style == "day_month_year":
        return translate("DateFormat", "{day} {month} {year}", "short month: 23 Nov 2026")
    if style == "long":
        return translate(
            "DateFormat", "{weekday} {day} {month} {year}", "full names: Monday 23 November 2026"
        )
    if style == "weekday":
        return "{weekday}"
    raise ValueError(f"unknown date style {style!r}; use one of {', '.join(DATE_STYLES)}")


DATE_STYLES = ("day_month", "weekday_day_month", "day_month_year", "long", "weekday")


def format_date(day: date, style: str = "day_month") -> str:
    """``day`` as a person reads it, in the installed language.

    ``day_month`` "23 Nov", ``weekday_day_month`` "Mon 23 Nov", ``day_month_year``
    "23 Nov 2026", ``long`` "Monday 23 November 2026", ``weekday`` "Mon".
    A datetime counts as its date.
    """
    long = style == "long"
    return _format(style).format(
        weekday=weekday_name(day, short=not long),
        day=day.day,
        month=month_name(day, short=not long),
        year=day.year,
    )


def format_decimal(value: float, digits: int = 1) -> str:
    """ "4.5" ("4,5" in Spanish); trailing zeros dropped ("3", not "3.0")."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").removesuffix(".")
    point = translate("Number", ".", "the decimal separator: 4.5")
    return text.replace(".", point) if point != "." else text
