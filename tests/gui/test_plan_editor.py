"""The plan editor and the Plan menu: round trip (change, save, reopen), live checks, keys."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QListWidget
from window_helpers import Windows

from backcompanion import prescription
from backcompanion.program import builtin_program
from backcompanion.program.plan import FIRST, UNLOCKED
from backcompanion.program.plan_file import read_plan_file
from backcompanion.ui.dialogs.plan.editor import PlanEditor
from backcompanion.ui.dialogs.plan.files import ApplyPlan, PlanFiles, StandardPlan

PROGRAM = builtin_program()
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def windows(qtbot, tmp_path, light):
    made = Windows(qtbot, tmp_path)
    yield made
    made.close()


@pytest.fixture
def editor(qtbot, light):
    standard = prescription.standard(PROGRAM)
    dialog = PlanEditor(standard, PROGRAM, standard)
    qtbot.addWidget(dialog)
    return dialog


def select(editor: PlanEditor, exercise_id: str) -> None:
    lst = editor.exercises
    for row in range(lst.count()):
        if lst.item(row).data(Qt.ItemDataRole.UserRole) == exercise_id:
            lst.setCurrentRow(row)
            return
    raise KeyError(exercise_id)


def change_it(editor: PlanEditor) -> None:
    """What a therapist does in the room: every kind of field once."""
    editor.prescribed_by.setText("Dr. Ana Ruiz")
    editor.prescribed_on.setText("2026-11-09")
    editor.days.setValue(3)
    editor.breathing.setCurrentIndex(editor.breathing.findData("box"))
    editor.breaths.setValue(6)
    editor.strengthening.setCurrentIndex(editor.strengthening.findData(UNLOCKED))
    editor.note.setText("Walk on the other days.")
    select(editor, "hamstring_stretch")
    editor.move(-1)
    editor.move(-1)  # now first
    form = editor.form
    form.hold_high.setValue(12)
    form.hold_low.setValue(8)
    form.reps.setValue(6)
    form.sides.setCurrentIndex(form.sides.findData(FIRST))
    form.rest.setValue(10)
    form.note.setText("gently")
    select(editor, "piriformis_stretch")
    editor.exercises.currentItem().setCheckState(Qt.CheckState.Unchecked)
    select(editor, "plank")
    form.easier.setChecked(False)


def test_the_editor_builds_the_plan_field_by_field(editor):
    change_it(editor)
    plan = editor.plan()
    assert editor.problems() == [] and editor.save_button.isEnabled()
    assert plan.ids[0] == "hamstring_stretch" and "piriformis_stretch" not in plan.ids
    ham = plan.item("hamstring_stretch")
    assert (ham.hold_s, ham.reps, ham.sides, ham.rest_s, ham.note) == (
        (8, 12),
        6,
        FIRST,
        10,
        "gently",
    )
    assert plan.item("plank").easier is False
    assert (plan.days_per_week, plan.breathing, plan.breaths, plan.strengthening) == (
        3,
        "box",
        6,
        UNLOCKED,
    )
    assert (plan.prescribed_by, plan.prescribed_on) == ("Dr. Ana Ruiz", date(2026, 11, 9))
    changes = editor.changes_label.text()
    assert "Hamstring stretch: hold: 5-10 s → 8-12 s" in changes
    assert "Piriformis stretch: exercise: in the plan → left out" in changes
    texts = [editor.exercises.item(r).text() for r in range(editor.exercises.count())]
    assert texts[0] == "Hamstring stretch *" and "Angry cat" in texts  # unchanged: no mark
    # back to the standard program in one step (in the form; nothing is saved yet)
    editor.standard_button.click()
    assert editor.plan() == prescription.standard(PROGRAM)
    assert editor.changes_label.text() == "None: the standard program."


def test_a_wrong_field_is_named_live_and_save_waits(editor):
    select(editor, "bridge")
    editor.form.hold_low.setValue(30)  # above the longest (10 s)
    assert not editor.save_button.isEnabled()
    assert editor.problems_label.isVisible() or not editor.isVisible()
    text = editor.problems_label.text()
    assert "Bridge, hold: the shortest hold (30 s) is above the longest (10 s)" in text
    editor.form.hold_low.setValue(5)
    editor.prescribed_on.setText("9 Nov")
    assert "prescribed on: write the date as 2026-01-31" in editor.problems_label.text()
    editor.prescribed_on.setText("")
    select(editor, "bridge")
    editor.move(-1)
    editor.move(-1)
    editor.move(-1)
    editor.move(-1)
    editor.move(-1)
    editor.move(-1)  # a strength exercise above the stretches
    assert (
        "exercises: keep the order: stretches first, then strength" in editor.problems_label.text()
    )
    for row in range(editor.exercises.count()):
        editor.exercises.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert "choose at least one stretch" in editor.problems_label.text()
    assert not editor.save_button.isEnabled()


def test_keys_alone_edit_the_plan(editor, qtbot):
    editor.show()
    qtbot.waitExposed(editor)
    lst: QListWidget = editor.exercises
    lst.setFocus()
    lst.setCurrentRow(0)
    QTest.keyClick(lst, Qt.Key.Key_Space)  # Angry cat out of the plan
    assert "angry_cat" not in editor.plan().ids
    QTest.keyClick(lst, Qt.Key.Key_Space)
    assert editor.plan().ids[0] == "angry_cat"
    QTest.keyClick(lst, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert editor.plan().ids[:2] == ("childs_pose", "angry_cat")
    # every field is reached by Tab and has a mnemonic (a label's buddy or its own text)
    fields = [
        w
        for kind in (QLineEdit, QAbstractSpinBox, QComboBox, QListWidget)
        for w in editor.findChildren(kind)
        if w.isVisibleTo(editor) and not isinstance(w.parent(), QAbstractSpinBox)
    ]
    assert fields and all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in fields)
    # the spin boxes take typed numbers
    editor.days.setFocus()
    editor.days.selectAll()
    QTest.keyClicks(editor.days, "4")
    assert editor.plan().days_per_week == 4
    QTest.keyClick(editor.save_button, Qt.Key.Key_Space)
    assert editor.result() == editor.DialogCode.Accepted


def test_edit_save_and_reopen_through_the_plan_menu(windows, tmp_path, monkeypatch):
    window, _clock = windows.make()
    companion = window.companion
    assert [a.text() for a in window.menus.plan_actions] == [
        "&Edit plan...",
        "&Save plan as...",
        "&Open plan...",
        "Rate everyday &activities...",
        "Back to the &previous plan",
        "Back to the standard p&rogram...",
    ]
    edited = {}

    def ask(parent, plan, program, standard):
        dialog = PlanEditor(plan, program, standard, parent)
        change_it(dialog)
        edited["plan"] = dialog.plan()
        dialog.deleteLater()
        return edited["plan"]

    monkeypatch.setattr(PlanEditor, "ask", ask)
    window.plan.edit()
    assert companion.plan_in_force.plan == edited["plan"]
    assert companion.program.stretches[0].id == "hamstring_stretch"
    assert "used from the next session" in window.message.text()

    out = tmp_path / "for-the-patient.yaml"
    monkeypatch.setattr(PlanFiles, "ask_save", lambda parent, suggested: out)
    window.plan.save_as()
    assert read_plan_file(out, PROGRAM) == edited["plan"]

    monkeypatch.setattr(StandardPlan, "ask", lambda parent: True)
    window.plan.standard()
    assert companion.plan_in_force.standard

    seen = {}

    def apply(parent, changes):
        seen["changes"] = [str(c) for c in changes]
        return True

    monkeypatch.setattr(PlanFiles, "ask_open", lambda parent, folder: out)
    monkeypatch.setattr(ApplyPlan, "ask", apply)
    window.plan.open()
    assert "days per week: 5 → 3" in seen["changes"]
    assert companion.plan_in_force.plan == edited["plan"]
    # reopened in the editor, the fields hold the same plan
    again = PlanEditor(companion.plan_in_force.plan, PROGRAM, prescription.standard(PROGRAM))
    assert again.plan() == edited["plan"]
    again.deleteLater()
    # one step back: the standard program again
    window.plan.previous()
    assert companion.plan_in_force.standard


def test_opening_a_bad_file_tells_why_and_changes_nothing(windows, tmp_path, monkeypatch):
    window, _clock = windows.make()
    bad = tmp_path / "photo.yaml"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    told = []
    monkeypatch.setattr(PlanFiles, "ask_open", lambda parent, folder: bad)
    monkeypatch.setattr(PlanFiles, "tell_error", lambda parent, message: told.append(message))
    monkeypatch.setattr(ApplyPlan, "ask", lambda parent, changes: pytest.fail("asked"))
    window.plan.open()
    assert told == ["photo.yaml: not a plan file (binary data)"]
    assert window.companion.store.plans() == []


def test_a_declined_file_changes_nothing(windows, tmp_path, monkeypatch):
    window, _clock = windows.make()
    out = tmp_path / "p.yaml"
    from backcompanion.program.plan_file import write_plan_file

    plan = prescription.standard(PROGRAM)
    write_plan_file(plan.__class__(**{**plan.__dict__, "days_per_week": 2}), out)
    monkeypatch.setattr(PlanFiles, "ask_open", lambda parent, folder: out)
    monkeypatch.setattr(ApplyPlan, "ask", lambda parent, changes: False)
    window.plan.open()
    assert window.companion.plan_in_force.standard and window.companion.store.plans() == []
