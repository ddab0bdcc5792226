"""One exercise of the plan as a form: hold range, repeats, sides, rest, easier version, note.

It shows a :class:`PlanExercise` and emits ``edited`` with the new one after every
change; the limits come from ``program.plan.LIMITS``, the checks from the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from backcompanion.program import Exercise
from backcompanion.program.plan import BOTH, FIRST, LIMITS, MAX_NOTE, SECOND, PlanExercise

__all__ = ["ExerciseForm"]


def _spin(limit: str, suffix: str, own: str | None = None) -> QSpinBox:
    lo, hi = LIMITS[limit]
    box = QSpinBox()
    box.setRange(lo - 1 if own else lo, hi)
    box.setSuffix(suffix)
    if own:  # the lowest value reads as the person's own setting
        box.setSpecialValueText(own)
    return box


class ExerciseForm(QGroupBox):
    """The selected exercise's dose; ``edited`` carries the changed :class:`PlanExercise`."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._item: PlanExercise | None = None
        self._exercise: Exercise | None = None
        self._loading = False
        seconds = self.tr(" s")
        self.hold_low = _spin("hold_s", seconds)
        self.hold_high = _spin("hold_s", seconds)
        self.hold_low.setAccessibleName(self.tr("Shortest hold"))
        self.hold_high.setAccessibleName(self.tr("Longest hold"))
        hold = QHBoxLayout()
        hold.addWidget(self.hold_low)
        to = QLabel(self.tr("to"))
        hold.addWidget(to)
        hold.addWidget(self.hold_high)
        hold.addStretch(1)
        self.reps = _spin("reps", "")
        self.sides = QComboBox()
        self.rest = _spin("rest_s", seconds, own=self.tr("own setting"))
        self.easier = QCheckBox(self.tr("Offer the easier &version"))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("A short note for this exercise"))

        rows = QFormLayout(self)
        rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._hold_label = QLabel(self.tr("&Hold, shortest to longest"))
        self._hold_label.setBuddy(self.hold_low)
        rows.addRow(self._hold_label, hold)
        self._row(rows, self.tr("R&epeats (per side)"), self.reps)
        self._sides_label = self._row(rows, self.tr("S&ides"), self.sides)
        self._row(rows, self.tr("Rest between re&peats"), self.rest)
        rows.addRow("", self.easier)
        self._row(rows, self.tr("Exer&cise note"), self.note)

        for spin in (self.hold_low, self.hold_high, self.reps, self.rest):
            spin.valueChanged.connect(self._changed)
        self.sides.currentIndexChanged.connect(self._changed)
        self.easier.toggled.connect(self._changed)
        self.note.textChanged.connect(self._changed)
        self.setEnabled(False)

    @staticmethod
    def _row(rows: QFormLayout, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", ""))
        rows.addRow(label, field)
        return label

    def show_item(self, exercise: Exercise, item: PlanExercise, has_easier: bool) -> None:
        """Show ``item`` (the plan's dose of ``exercise``) for editing."""
        self._loading = True
        try:
            self._exercise, self._item = exercise, item
            self.setTitle(exercise.name)
            self.setEnabled(True)
            self.hold_low.setValue(item.hold_s[0])
            self.hold_high.setValue(item.hold_s[1])
            self.reps.setValue(item.reps)
            self.sides.clear()
            if exercise.per_side:
                self.sides.addItem(self.tr("Both sides"), BOTH)
                for key, side in zip((FIRST, SECOND), exercise.sides, strict=True):
                    self.sides.addItem(self.tr("%1 only").replace("%1", side), key)
            else:
                self.sides.addItem(self.tr("Done once (no sides)"), BOTH)
            self.sides.setCurrentIndex(max(0, self.sides.findData(item.sides)))
            self.sides.setEnabled(exercise.per_side)
            lo = self.rest.minimum()
            self.rest.setValue(lo if item.rest_s is None else item.rest_s)
            self.easier.setChecked(item.easier)
            self.easier.setVisible(has_easier)
            self.note.setText(item.note)
        finally:
            self._loading = False

    def item(self) -> PlanExercise | None:
        return self._item

    def _changed(self, *_args) -> None:
        if self._loading or self._item is None:
            return
        rest = self.rest.value()
        self._item = PlanExercise(
            id=self._item.id,
            hold_s=(self.hold_low.value(), self.hold_high.value()),
            reps=self.reps.value(),
            sides=self.sides.currentData() or BOTH,
            rest_s=None if rest == self.rest.minimum() else rest,
            easier=self.easier.isChecked(),
            note=self.note.text().strip(),
        )
        self.edited.emit(self._item)
