"""The weekly PDF's safety lines (issue 14), in English and in Spanish.

Each "this hurts" press with its exercise, rating and session day; the week's
red flags with their triage level; a clearance as "self-reported: cleared by
NAME on DATE". The history is written with the engine's record types into a
real SQLite file, the PDF is a real file read back with pypdf.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from pypdf import PdfReader
from report_helpers import NOW, WEEK, at, day, open_store, session

from backcompanion.program.loader import builtin_program
from backcompanion.report.pdf import write_summary_pdf
from backcompanion.report.summary import weekly_summary
from backcompanion.session.records import PainReported
from backcompanion.session.rules import load_rules
from backcompanion.ui import language

RULES = load_rules()


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def _first_page(path) -> str:
    return " ".join(PdfReader(path).pages[0].extract_text().split())


def _week(store) -> None:
    """Three "this hurts" presses, an emergency flag and a see-a-clinician flag, a clearance."""
    session(store, "mon", at(day(0), 18), 3, 2)
    store.record(PainReported("mon", 200.0, "hamstring_stretch", 7))
    session(store, "wed", at(day(2), 18), 3, 2)
    store.record(PainReported("wed", 300.0, "piriformis_stretch", 3))
    store.record(PainReported("wed", 400.0, "hip_flexor_stretch", None))
    store.record_red_flag_check(at(day(4), 8), (1, 12))  # saddle numbness, steroids
    store.record_clearance(at(day(5), 9), "", "Dr Lee", day(5))


def _pdf(tmp_path) -> tuple[str, str]:
    """The whole PDF's text, and its first page's."""
    with open_store(tmp_path / "data") as store:
        _week(store)
        program = builtin_program()  # its names in the installed language
        s = weekly_summary(store, program, RULES, *WEEK, NOW)
        path = write_summary_pdf(s, tmp_path / "week.pdf")
    assert [(h.exercise_id, h.rating, h.too_much) for h in s.hurts] == [
        ("hamstring_stretch", 7, True),
        ("piriformis_stretch", 3, False),
        ("hip_flexor_stretch", None, True),
    ]
    return _text(path), _first_page(path)


@pytest.fixture
def spanish(qapp):
    installed = language.install("es", qapp)
    yield
    installed.remove()


def test_each_press_is_listed_with_exercise_rating_and_day(qapp, tmp_path):
    text, first = _pdf(tmp_path)
    assert "\u201cThis hurts\u201d during an exercise" in text
    assert "Mon 16 Nov, 18:00 Hamstring stretch 7 of 10" in text
    assert "Too much (above 5): the exercise ended" in text
    assert "Wed 18 Nov, 18:00 Piriformis stretch 3 of 10" in text
    assert "its hold does not grow for the next two sessions" in text
    assert "Hip flexor stretch No number: the person chose to stop the exercise" in text
    # the flags with their level, and the clearance as the person reported it
    assert "(emergency)" in text and "(see a clinician first)" in text
    assert "Self-reported: cleared by Dr Lee on 2026-11-21." in text
    # the count at a glance, on the first page
    assert "\u201cThis hurts\u201d pressed 3 times. 2 of them too much" in first


def test_the_same_lines_in_spanish(spanish, tmp_path):
    text, first = _pdf(tmp_path)
    assert "This hurts" not in text and "Self-reported" not in text
    assert "\u201cMe duele\u201d durante un ejercicio" in text
    assert "lun 16 nov, 18:00" in text.lower()
    assert "7 de 10" in text and "3 de 10" in text
    assert "Demasiado (más de 5)" in text
    assert "Sin número" in text
    assert "(emergencia)" in text and "(ver antes a un profesional)" in text
    assert "Según la propia persona: visto bueno de Dr Lee el 2026-11-21." in text
    assert "\u201cMe duele\u201d pulsado 3 veces. 2 de ellas fueron demasiado" in first


def test_a_week_without_presses_says_so(qapp, tmp_path):
    with open_store(tmp_path / "data") as store:
        session(store, "mon", at(day(0), 18), 3, 2)
        s = weekly_summary(store, builtin_program(), RULES, *WEEK, NOW)
        path = write_summary_pdf(s, tmp_path / "week.pdf")
    assert s.hurts == ()
    assert "\u201cThis hurts\u201d during an exercise Not pressed this week." in _text(path)


def test_presses_of_other_weeks_are_left_out(qapp, tmp_path):
    with open_store(tmp_path / "data") as store:
        session(store, "before", at(day(-3), 18), 3, 2)
        store.record(PainReported("before", 200.0, "hamstring_stretch", 8))
        session(store, "after", at(day(7) + timedelta(hours=1), 18), 3, 2)
        store.record(PainReported("after", 200.0, "hamstring_stretch", 8))
        session(store, "mon", at(day(0), 18), 3, 2)
        s = weekly_summary(store, builtin_program(), RULES, *WEEK, NOW)
    assert s.hurts == ()
