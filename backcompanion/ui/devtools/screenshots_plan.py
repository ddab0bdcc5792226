"""The plan editor for ``backcompanion screenshots``: a therapist's plan being written.

Kept out of :func:`screenshots.scenes` (the translation tests walk those): the
plan holds the therapist's own words, which no catalog translates.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from backcompanion import prescription
from backcompanion.program import builtin_program
from backcompanion.program.plan import FIRST, UNLOCKED
from backcompanion.ui.dialogs.plan.editor import PlanEditor

SIZE = (1280, 720)


def example_plan(program):
    """A plan as a therapist might write it: fewer stretches, one side, strength unlocked."""
    standard = prescription.standard(program)
    items = []
    for item in standard.exercises:
        if item.id == "piriformis_stretch":
            continue
        if item.id == "hamstring_stretch":
            item = replace(item, hold_s=(8, 15), reps=10, sides=FIRST, rest_s=5)
        if item.id == "plank":
            item = replace(item, reps=6, easier=False)
        items.append(item)
    items.insert(0, items.pop(2))  # the hamstring stretch first
    return replace(
        standard,
        exercises=tuple(items),
        days_per_week=4,
        breathing="extended_exhale",
        strengthening=UNLOCKED,
        prescribed_by="Dr. Ana Ruiz",
        prescribed_on=date(2026, 11, 9),
        note="Walk 20 minutes on the other days.",
    )


def render_plan(out: Path, theme_name: str) -> list[Path]:
    program = builtin_program()
    standard = prescription.standard(program)
    editor = PlanEditor(example_plan(program), program, standard)
    editor.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    editor.show()
    editor.setFixedSize(*SIZE)
    editor.exercises.setCurrentRow(0)
    QApplication.processEvents()
    path = out / f"14-plan-editor-{theme_name}.png"
    if not editor.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    editor.close()
    editor.deleteLater()
    return [path]
