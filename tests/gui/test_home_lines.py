"""The home page's lines say what the next session really offers (issues 14 and 18).

A therapist's plan chooses the strength exercises (ARCHITECTURE §13) and an
interrupted session resumes as its opening rating planned the day (§14): the
gate line counts what is there, with its plural, in English and Spanish.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from backcompanion.companion import Companion
from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.program.plan import UNLOCKED
from backcompanion.session.records import CheckIn, SessionStarted
from backcompanion.session.rules import load_rules
from backcompanion.ui import language
from backcompanion.ui.home.home_page import HomePage

PROGRAM = builtin_program()
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def companion(tmp_path):
    phases = {e.id: e.phase.value for e in PROGRAM.exercises}
    store = Store.open(tmp_path, phases=phases, wall_clock=lambda: NOW)
    c = Companion(PROGRAM, load_rules(), store, wall=lambda: NOW)
    c.record_red_flags(())
    yield c
    store.close()


@pytest.fixture
def home(qtbot, light):
    page = HomePage(QWidget())
    qtbot.addWidget(page)
    return page


@pytest.fixture
def spanish(qapp):
    before = QLocale()
    installed = language.install("es", qapp)
    yield
    installed.remove()
    QLocale.setDefault(before)


def put_plan(companion: Companion, strength: tuple[str, ...]) -> None:
    """A plan with every stretch, ``strength`` only, and strengthening unlocked now."""
    standard = companion.standard_plan()
    stretches = {e.id for e in PROGRAM.stretches}
    kept = tuple(e for e in standard.exercises if e.id in stretches or e.id in strength)
    plan = dataclasses.replace(standard, exercises=kept, strengthening=UNLOCKED)
    companion.set_plan(plan, "editor")


@pytest.mark.parametrize(
    ("strength", "line"),
    [
        (
            ("bridge", "bird_dog", "plank"),
            "Strengthening is open: stretches, then 3 strength exercises.",
        ),
        (("bridge", "plank"), "Strengthening is open: stretches, then 2 strength exercises."),
        (("plank",), "Strengthening is open: stretches, then 1 strength exercise."),
        ((), "Stretches today: your plan has no strength exercises."),
    ],
)
def test_the_gate_line_counts_the_plans_strength_exercises(companion, home, strength, line):
    put_plan(companion, strength)
    status = companion.home_status()
    assert status.strength_count == len(strength)
    home.set_status(status)
    assert home.gate_line.text() == line


def test_with_no_strength_exercise_the_closed_gate_has_nothing_to_open(companion, home):
    put_plan(companion, ())
    companion.set_plan(
        dataclasses.replace(companion.plan_in_force.plan, strengthening="gate"), "editor"
    )
    home.set_status(companion.home_status())
    assert home.gate_line.text() == "Stretches today: your plan has no strength exercises."


def test_the_gate_line_in_spanish_has_its_plural(companion, home, spanish):
    put_plan(companion, ("plank",))
    home.set_status(companion.home_status())
    assert home.gate_line.text() == (
        "El fortalecimiento está desbloqueado: estiramientos y después "
        "1 ejercicio de fortalecimiento."
    )
    put_plan(companion, ("bridge", "plank"))
    home.set_status(companion.home_status())
    assert home.gate_line.text() == (
        "El fortalecimiento está desbloqueado: estiramientos y después "
        "2 ejercicios de fortalecimiento."
    )
    put_plan(companion, ())
    home.set_status(companion.home_status())
    assert home.gate_line.text() == (
        "Hoy, estiramientos: tu plan no tiene ejercicios de fortalecimiento."
    )


@pytest.mark.parametrize(
    ("opening", "line"),
    [
        (6, "Your pain is 6 out of 10 today: stretching only, every hold at its shortest."),
        (8, "Your pain is 8 out of 10 today: breathing only, no exercises."),
    ],
)
def test_an_interrupted_lighter_day_says_what_it_resumes(companion, home, opening, line):
    put_plan(companion, ("bridge", "bird_dog", "plank"))
    store = companion.store
    store.record(SessionStarted("s1", NOW - timedelta(minutes=20), True, (), "4-0-6-0"))
    store.record(CheckIn("s1", 1.0, "before", opening))
    status = companion.home_status()
    assert status.interrupted is not None
    assert (status.strength_count, status.day_text) == (0, line)
    home.set_status(status)
    assert home.gate_line.text() == line


def test_an_interrupted_ordinary_day_counts_the_strength_exercises(companion, home):
    put_plan(companion, ("bridge", "plank"))
    store = companion.store
    store.record(SessionStarted("s1", NOW - timedelta(minutes=20), True, (), "4-0-6-0"))
    store.record(CheckIn("s1", 1.0, "before", 3))
    home.set_status(companion.home_status())
    assert home.gate_line.text() == "Strengthening is open: stretches, then 2 strength exercises."


def test_the_weekly_check_banner_counts_its_questions(tmp_path, home):
    """Sixteen red flags (issue 14), less a lifelong history item once cleared."""
    from backcompanion.program.safety import FLAG_COUNT, FLAG_IDS

    now = [NOW]
    phases = {e.id: e.phase.value for e in PROGRAM.exercises}
    store = Store.open(tmp_path, phases=phases, wall_clock=lambda: now[0])
    try:
        c = Companion(PROGRAM, load_rules(), store, wall=lambda: now[0])
        status = c.home_status()
        assert status.safety.check_due and status.weekly_questions == FLAG_COUNT == 16
        home.set_status(status)
        assert home.safety_banner.text.text() == (
            "Before your session, answer 16 short questions about warning signs."
        )
        assert home.safety_button.toolTip() == "16 short questions"
        c.record_red_flags((FLAG_IDS.index("osteoporosis") + 1,))
        c.record_clearance(who="Dr Ruiz", on=NOW.date(), now=NOW + timedelta(minutes=1))
        now[0] = NOW + timedelta(days=8)  # the next weekly check is due
        status = c.home_status()
        assert status.safety.check_due and status.weekly_questions == 15
        home.set_status(status)
        assert home.safety_banner.text.text() == (
            "Before your session, answer 15 short questions about warning signs."
        )
    finally:
        store.close()
