"""A therapist's plan that keeps one side of a two-sided exercise (ARCHITECTURE §13).

The page and the card say which side, and the figure shows that side: the
program's second side is drawn mirrored, as during a two-sided exercise's
second half (the page asks the figure for the side through the snapshot's
``side_index``).
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QLocale

from backcompanion import prescription
from backcompanion.program import builtin_program
from backcompanion.program.plan import FIRST, SECOND, apply_plan
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, SessionEngine, State
from backcompanion.session.facts import SafetyFacts
from backcompanion.session.plan import Cadence
from backcompanion.session.rules import load_rules, make_plan
from backcompanion.ui import language
from backcompanion.ui.home.carousel_model import dose_text
from backcompanion.ui.home.exercise_card import ExerciseCard
from backcompanion.ui.session_screens.exercise_page import ExercisePage
from backcompanion.ui.session_screens.fullscreen_view import FullscreenSessionView

BASE = builtin_program()


def program_with(sides: str):
    """The standard program with the hamstring stretch on one side only."""
    plan = prescription.standard(BASE)
    items = tuple(
        dataclasses.replace(e, sides=sides) if e.id == "hamstring_stretch" else e
        for e in plan.exercises
    )
    return apply_plan(dataclasses.replace(plan, exercises=items), BASE)


def snapshot_at_hamstring(program):
    from datetime import UTC, datetime

    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    plan = make_plan(load_rules(), program, [], SafetyFacts(None, None), now, Cadence())
    clock = FakeClock()
    engine = SessionEngine(plan, clock, lambda: now)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=2)
    engine.send(Event.CONTINUE)
    while (snap := engine.snapshot()).exercise.id != "hamstring_stretch":
        engine.send(Event.SKIP_EXERCISE)
    assert snap.state is State.STRETCHING
    return snap, engine, clock


@pytest.mark.parametrize(
    ("sides", "label", "index", "mirrored"),
    [(FIRST, "Left leg only", 0, False), (SECOND, "Right leg only", 1, True)],
)
def test_the_page_names_the_one_side_and_the_figure_shows_it(
    qtbot, light, sides, label, index, mirrored
):
    snap, engine, clock = snapshot_at_hamstring(program_with(sides))
    assert snap.side_index == index
    page = ExercisePage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show_snapshot(snap)
    assert page.side_label.text() == label
    assert page.figure.is_mirrored() is mirrored
    assert page.next_up.picture.is_mirrored() is mirrored  # "Next up" as the page draws it
    full = FullscreenSessionView(reduced_motion=False)
    qtbot.addWidget(full)
    full.show_snapshot(snap)
    assert full.side_text.text() == label
    assert full.figure.is_mirrored() is mirrored
    # one side only: no switch, the exercise ends after its repeats on that side
    while engine.snapshot().exercise.id == "hamstring_stretch":
        assert not engine.snapshot().switching_side
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()


def test_both_sides_say_the_side_without_only_and_mirror_the_second(qtbot, light):
    snap, engine, clock = snapshot_at_hamstring(BASE)
    page = ExercisePage()
    qtbot.addWidget(page)
    page.show_snapshot(snap)
    assert (page.side_label.text(), page.figure.is_mirrored()) == ("Left leg", False)
    while not (snap := engine.snapshot()).switching_side:
        clock.advance(max(snap.remaining_s, 1e-3))
        engine.update()
    page.show_snapshot(snap)
    assert snap.side_index == 1 and page.figure.is_mirrored()


@pytest.mark.parametrize(
    ("sides", "dose", "mirrored"),
    [
        (FIRST, "Hold 5 s · 20 repeats, left leg only", False),
        (SECOND, "Hold 5 s · 20 repeats, right leg only", True),
    ],
)
def test_the_card_names_the_one_side_and_draws_it(qtbot, light, sides, dose, mirrored):
    program = program_with(sides)
    hamstring = program.by_id("hamstring_stretch")
    assert dose_text(hamstring, None) == dose
    card = ExerciseCard()
    qtbot.addWidget(card)
    card.show_exercise(hamstring, easier_of=None, dose=dose, now=False, locked=False, reasons=())
    assert card.figure.is_mirrored() is mirrored
    other = program.by_id("piriformis_stretch")  # both sides: drawn as the first
    card.show_exercise(other, easier_of=None, dose="", now=False, locked=False, reasons=())
    assert not card.figure.is_mirrored()


def test_the_one_side_in_spanish(qapp, qtbot, light):
    before = QLocale()
    spanish = language.install("es", qapp)
    try:
        program = builtin_program()  # its words in Spanish
        plan = prescription.standard(program)
        items = tuple(
            dataclasses.replace(e, sides=SECOND) if e.id == "hamstring_stretch" else e
            for e in plan.exercises
        )
        program = apply_plan(dataclasses.replace(plan, exercises=items), program)
        hamstring = program.by_id("hamstring_stretch")
        assert dose_text(hamstring, None).endswith(f"20 repeticiones, solo {hamstring.sides[0]}")
        snap, _, _ = snapshot_at_hamstring(program)
        page = ExercisePage()
        qtbot.addWidget(page)
        page.show_snapshot(snap)
        assert page.side_label.text() == f"Solo {hamstring.sides[0]}"
    finally:
        spanish.remove()
        QLocale.setDefault(before)
