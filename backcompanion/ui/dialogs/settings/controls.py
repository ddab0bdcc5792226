"""The settings dialog's controls and layout helpers, shared by its sections."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backcompanion.ui.theme import set_role

__all__ = ["SecondsSpinBox", "Stepper", "checked", "form", "int_spin", "note", "radios"]


class SecondsSpinBox(QDoubleSpinBox):
    """Seconds in half-second steps, shown without a needless ".0" ("4 s", "4.5 s")."""

    def __init__(self, lo: float, hi: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setRange(lo, hi)
        self.setSuffix(" s")

    def textFromValue(self, value: float) -> str:
        return self.locale().toString(float(value), "g", 3)


class Stepper(QWidget):
    """A spin box between large "−" and "+" buttons (the spin box's own arrows are tiny).

    The spin box keeps the keyboard focus (Up/Down, PgUp/PgDn, typing); the two
    buttons are for the mouse and skip the Tab order. Disable the stepper, not
    the spin box.
    """

    def __init__(
        self,
        spin: QAbstractSpinBox,
        parent: QWidget | None = None,
        *,
        down: Callable[[], None] | None = None,
        up: Callable[[], None] | None = None,
    ):
        super().__init__(parent)
        self.spin = spin
        # the style sheet gives the arrows no width: with NoButtons and a styled border,
        # Qt 6.12 lays the text field out 1 px wide
        spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        spin.setKeyboardTracking(False)
        self.less = QPushButton("\u2212")
        self.more = QPushButton("+")
        steps = ((self.less, down or spin.stepDown), (self.more, up or spin.stepUp))
        for button, step in steps:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.setAutoRepeat(True)
            button.clicked.connect(step)
            set_role(button, "step")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.less)
        row.addWidget(spin)
        row.addWidget(self.more)
        if hasattr(spin, "valueChanged"):
            spin.valueChanged.connect(self._ends)
            self._ends()

    def set_accessible_name(self, name: str) -> None:
        self.spin.setAccessibleName(name)
        self.less.setAccessibleName(QApplication.translate("Stepper", "Less: {0}").format(name))
        self.more.setAccessibleName(QApplication.translate("Stepper", "More: {0}").format(name))

    def _ends(self, _value: float = 0) -> None:
        value = self.spin.value()  # type: ignore[attr-defined]
        self.less.setEnabled(value > self.spin.minimum())  # type: ignore[attr-defined]
        self.more.setEnabled(value < self.spin.maximum())  # type: ignore[attr-defined]


def note(text: str, role: str = "muted") -> QLabel:
    """A wrapped plain-text label: an explanation under the controls, or a result."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_role(label, role)
    return label


def form() -> QFormLayout:
    """Label and control side by side; the control moves under its label when narrow."""
    layout = QFormLayout()
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    layout.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    layout.setHorizontalSpacing(20)
    layout.setVerticalSpacing(10)
    return layout


def radios(
    column: QVBoxLayout, group_name: str, options: Iterable[tuple[str, str]]
) -> dict[str, QRadioButton]:
    """One radio button per (key, text), stacked in ``column``; one choice among them."""
    group = QButtonGroup(column.parentWidget())  # lives as long as the page
    buttons: dict[str, QRadioButton] = {}
    stack = QVBoxLayout()
    stack.setSpacing(2)
    column.addLayout(stack)
    for key, text in options:
        button = QRadioButton(text)
        button.setAccessibleName(text)
        button.setAccessibleDescription(group_name)
        group.addButton(button)
        buttons[key] = button
        stack.addWidget(button)
    return buttons


def checked(buttons: dict[str, QRadioButton]) -> str:
    """The key of the checked radio button."""
    return next(k for k, b in buttons.items() if b.isChecked())


def int_spin(lo: int, hi: int, suffix: str = "", step: int = 1) -> QSpinBox:
    """A whole-number spin box (put it in a row, which adds the "−" and "+" buttons)."""
    box = QSpinBox()
    box.setRange(lo, hi)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    return box
