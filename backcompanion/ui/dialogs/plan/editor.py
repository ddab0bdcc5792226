"""Plan > Edit plan…: the plan as a form, checked live, its changes from the standard shown.

The dialog only gathers the fields into a :class:`Plan`; the checks and the list
of changes are the core's (``program.plan.check_plan``, ``plan_changes``), so the
editor and a plan file are judged alike. A field that is wrong is named in the
person's language and Save waits until nothing is. Everything works from the
keyboard: each field has a mnemonic, Space ticks an exercise in or out of the
plan, Ctrl+Up and Ctrl+Down move it. Tests replace :meth:`PlanEditor.ask`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backcompanion.i18n import translate
from backcompanion.program import Program
from backcompanion.program.plan import (
    GATE,
    LIMITS,
    MAX_NAME,
    MAX_NOTE,
    OWN,
    PATTERNS,
    UNLOCKED,
    Plan,
    PlanExercise,
    Problem,
    check_plan,
    pattern_name,
    plan_changes,
    strengthening_name,
)
from backcompanion.ui.dialogs.plan.exercise_form import ExerciseForm
from backcompanion.ui.theme import set_role
from backcompanion.ui.widgets.labels import scrolling

__all__ = ["PlanEditor", "field_name"]

_ID = Qt.ItemDataRole.UserRole


def field_name(problem: Problem, plan: Plan, program: Program) -> str:
    """The field a problem is about, as a person reads it: "Bridge, hold" or "days per week"."""
    words = {
        "id": translate("Plan", "exercise"),
        "hold_s": translate("Plan", "hold"),
        "reps": translate("Plan", "repeats"),
        "sides": translate("Plan", "sides"),
        "rest_s": translate("Plan", "rest"),
        "note": translate("Plan", "note"),
        "exercises": translate("PlanEditor", "exercises"),
        "days_per_week": translate("Plan", "days per week"),
        "breathing": translate("Plan", "breathing"),
        "breaths": translate("Plan", "breaths"),
        "strengthening": translate("Plan", "strengthening"),
        "prescribed_by": translate("Plan", "prescribed by"),
        "prescribed_on": translate("Plan", "prescribed on"),
    }
    head, _, rest = problem.field.partition(".")
    if head.startswith("exercises[") and rest:
        index = int(head[len("exercises[") : -1])
        ex_id = plan.exercises[index].id if index < len(plan.exercises) else ""
        name = next((e.name for e in program.exercises if e.id == ex_id), ex_id)
        return f"{name}, {words.get(rest, rest)}"
    if head == "note":
        return translate("Plan", "plan note")
    return words.get(head, head)


class PlanEditor(QDialog):
    """The plan's fields; :meth:`plan` reads them back, :meth:`problems` checks them."""

    def __init__(
        self,
        plan: Plan,
        program: Program,
        standard: Plan,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit the plan"))
        self.setModal(True)
        self._program, self._standard = program, standard
        self._items: dict[str, PlanExercise] = {}
        self._loading = False

        self.prescribed_by = QLineEdit()
        self.prescribed_by.setMaxLength(MAX_NAME)
        self.prescribed_on = QLineEdit()
        self.prescribed_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.prescribed_on.setMaxLength(10)
        self.days = QSpinBox()
        self.days.setRange(*LIMITS["days_per_week"])
        self.breathing = QComboBox()
        for key in (OWN, *PATTERNS):
            self.breathing.addItem(pattern_name(key), key)
        self.breaths = QSpinBox()
        lo, hi = LIMITS["breaths"]
        self.breaths.setRange(lo - 1, hi)
        self.breaths.setSpecialValueText(self.tr("own setting"))
        self.strengthening = QComboBox()
        for key in (GATE, UNLOCKED):
            self.strengthening.addItem(strengthening_name(key), key)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("A note for the whole plan"))

        self.exercises = QListWidget()
        self.exercises.setAccessibleName(self.tr("Exercises in the plan"))
        self.exercises.setWordWrap(True)  # a long name in a long language wraps, never hides
        self.exercises.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.exercises.setAccessibleDescription(
            self.tr("Space puts the exercise in or out of the plan; Ctrl+Up and Ctrl+Down move it.")
        )
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.form = ExerciseForm()

        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.problems_label, "danger")
        self.changes_label = QLabel()
        self.changes_label.setWordWrap(True)
        self.changes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Save plan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.standard_button = self.buttons.addButton(
            self.tr("Back to the st&andard program"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.save_button.setDefault(True)
        self._lay_out()
        self._connect()
        self.load(plan)
        self.resize(1040, 680)

    # ---- building ----

    def _lay_out(self) -> None:
        # the plan's own fields in two columns, so the exercises and the checks fit 1280x720
        left, right = QFormLayout(), QFormLayout()
        for rows in (left, right):
            rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            rows.setVerticalSpacing(6)
        self._add(left, self.tr("Prescribed &by"), self.prescribed_by)
        self._add(left, self.tr("Prescribed &on"), self.prescribed_on)
        self._add(left, self.tr("Plan &note"), self.note)
        self._add(right, self.tr("&Days per week"), self.days)
        self._add(right, self.tr("B&reathing"), self.breathing)
        self._add(right, self.tr("Brea&ths"), self.breaths)
        self._add(right, self.tr("Stren&gthening"), self.strengthening)
        who = QHBoxLayout()
        who.setSpacing(24)
        who.addLayout(left, 3)
        who.addLayout(right, 2)

        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        listing = QVBoxLayout()
        title = QLabel(self.tr("E&xercises (ticked: in the plan, in this order)"))
        title.setWordWrap(True)
        title.setBuddy(self.exercises)
        set_role(title, "strong")
        listing.addWidget(title)
        listing.addWidget(self.exercises, 1)
        listing.addLayout(moves)

        changes_title = QLabel(self.tr("Changes from the standard program"))
        changes_title.setWordWrap(True)  # never wider than its column
        set_role(changes_title, "strong")
        checks = QWidget()
        side = QVBoxLayout(checks)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.problems_label)
        side.addWidget(changes_title)
        side.addWidget(self.changes_label)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.setSpacing(16)
        middle.addLayout(listing, 4)
        middle.addWidget(self.form, 4)
        middle.addWidget(scrolling(checks), 4)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 12, 20, 12)
        outer.setSpacing(10)
        outer.addLayout(who)
        outer.addLayout(middle, 1)
        outer.addWidget(self.buttons)

    @staticmethod
    def _add(rows: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", ""))
        rows.addRow(label, field)

    def _connect(self) -> None:
        for line in (self.prescribed_by, self.prescribed_on, self.note):
            line.textChanged.connect(self._refresh)
        for spin in (self.days, self.breaths):
            spin.valueChanged.connect(self._refresh)
        for combo in (self.breathing, self.strengthening):
            combo.currentIndexChanged.connect(self._refresh)
        self.exercises.currentItemChanged.connect(self._show_current)
        self.exercises.itemChanged.connect(self._refresh)
        self.form.edited.connect(self._edited)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.exercises.installEventFilter(self)  # Ctrl+Up / Ctrl+Down move the exercise
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.standard_button.clicked.connect(lambda: self.load(self._standard))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.exercises and event.type() == QEvent.Type.KeyPress:
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(event.key())
            if ctrl and step is not None:
                self.move(step)
                return True
        return super().eventFilter(watched, event)

    # ---- reading and writing the fields ----

    def load(self, plan: Plan) -> None:
        """Show ``plan``; exercises it leaves out keep the standard dose, unticked, at the end."""
        self._loading = True
        try:
            self.prescribed_by.setText(plan.prescribed_by)
            on = plan.prescribed_on
            self.prescribed_on.setText(on.isoformat() if on else "")
            self.days.setValue(plan.days_per_week)
            self.breathing.setCurrentIndex(max(0, self.breathing.findData(plan.breathing)))
            self.breaths.setValue(self.breaths.minimum() if plan.breaths is None else plan.breaths)
            self.strengthening.setCurrentIndex(
                max(0, self.strengthening.findData(plan.strengthening))
            )
            self.note.setText(plan.note)
            self._items = {e.id: e for e in self._standard.exercises}
            self._items.update({e.id: e for e in plan.exercises})
            order = [*plan.ids, *(i for i in self._standard.ids if i not in plan.ids)]
            self.exercises.clear()
            for ex_id in order:
                item = QListWidgetItem()
                item.setData(_ID, ex_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = ex_id in plan.ids
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.exercises.addItem(item)
            self.exercises.setCurrentRow(0)
        finally:
            self._loading = False
        self._show_current()
        self._refresh()

    def plan(self) -> Plan:
        """The plan as the fields have it now (it may have problems: see :meth:`problems`)."""
        chosen = []
        for row in range(self.exercises.count()):
            item = self.exercises.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(self._items[item.data(_ID)])
        breaths = self.breaths.value()
        return Plan(
            exercises=tuple(chosen),
            days_per_week=self.days.value(),
            breathing=self.breathing.currentData(),
            breaths=None if breaths == self.breaths.minimum() else breaths,
            strengthening=self.strengthening.currentData(),
            note=self.note.text().strip(),
            prescribed_by=self.prescribed_by.text().strip(),
            prescribed_on=self._date_or_none(),
        )

    def _date_or_none(self) -> date | None:
        text = self.prescribed_on.text().strip()
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            return None

    def problems(self) -> list[Problem]:
        found = check_plan(self.plan(), self._program)
        text = self.prescribed_on.text().strip()
        if text and self._date_or_none() is None:
            found.append(
                Problem("prescribed_on", self.tr("write the date as 2026-01-31 (year-month-day)"))
            )
        return found

    # ---- live ----

    def _show_current(self, *_args) -> None:
        item = self.exercises.currentItem()
        if item is None:
            return
        ex_id = item.data(_ID)
        exercise = self._program.by_id(ex_id)
        has_easier = self._program.easier_version(ex_id) is not None
        self.form.show_item(exercise, self._items[ex_id], has_easier)
        row = self.exercises.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < self.exercises.count() - 1)

    def _edited(self, item: PlanExercise) -> None:
        self._items[item.id] = item
        self._refresh()

    def move(self, step: int) -> None:
        """Move the current exercise up (-1) or down (+1) the list."""
        row = self.exercises.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.exercises.count():
            return
        item = self.exercises.takeItem(row)
        self.exercises.insertItem(target, item)
        self.exercises.setCurrentRow(target)
        self._refresh()

    def _refresh(self, *_args) -> None:
        if self._loading:
            return
        plan = self.plan()
        problems = self.problems()
        self._loading = True  # the marks below change the items: no refresh from them
        for row in range(self.exercises.count()):
            item = self.exercises.item(row)
            ex_id = item.data(_ID)
            base = self._standard.item(ex_id)
            mine = self._items[ex_id]
            changed = (base is not None and replace(base, note=mine.note) != mine) or bool(
                mine.note
            )
            name = self._program.by_id(ex_id).name
            item.setText(name + (" *" if changed else ""))
        self._loading = False
        if problems:
            lines = [
                self.tr("To fix before saving:"),
                *(f"• {field_name(p, plan, self._program)}: {p.text}" for p in problems),
            ]
            self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(bool(problems))
        self.save_button.setEnabled(not problems)
        changes = plan_changes(self._standard, plan, self._program)
        self.changes_label.setText(
            "\n".join(f"• {c}" for c in changes)
            if changes
            else self.tr("None: the standard program.")
        )

    def _save(self) -> None:
        if not self.problems():
            self.accept()

    # ---- entry point ----

    @classmethod
    def ask(
        cls, parent: QWidget | None, plan: Plan, program: Program, standard: Plan
    ) -> Plan | None:
        """The edited plan, or None when the person cancels."""
        dialog = cls(plan, program, standard, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.plan()
