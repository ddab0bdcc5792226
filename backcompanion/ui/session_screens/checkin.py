"""The 0-10 pain check-in, before and after a session.

Eleven large buttons in one row, the two anchors, an optional note and Save.
Usable with one key: 0-9 pick that number, "1" then "0" within 1.5 s picks 10,
Enter saves. The choice shows by a thick border and a check mark, not by
colour alone. To a screen reader the scale is one radio group ("Pain rating,
0 to 10") of eleven radio buttons named "3 out of 10" and so on: the buttons are
exclusive (a QButtonGroup, and auto-exclusive, which is what makes Qt call a
checkable button a radio button) inside a named group box. The widget has no
rules: it never judges a rating, it only reports it with
:attr:`PainCheckIn.submitted`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backcompanion.ui.theme import Theme, Themed, set_role

__all__ = [
    "MAX_NOTE",
    "MAX_RATING",
    "TEN_WINDOW_S",
    "LegPainDialog",
    "PainCheckIn",
    "PainNowDialog",
    "RatingButton",
]

MAX_RATING = 10
MAX_NOTE = 500
TEN_WINDOW_S = 1.5  # "1" then "0" within this many seconds means 10
_DIGITS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}


class RatingButton(Themed, QPushButton):
    """One number of the scale; when chosen it also shows a check mark (not colour alone)."""

    def __init__(self, value: int, parent: QWidget | None = None):
        super().__init__(str(value), parent)
        self.value = value
        self.setCheckable(True)
        self.setAutoExclusive(True)  # one of a radio group, also to a screen reader
        self.setAutoDefault(False)  # Enter saves the rating, even inside a dialog
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        set_role(self, "rating")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.isChecked():
            return
        t = self.painted_theme()
        # the check mark sits in the room the style sheet keeps under the number
        side = max(12.0, min(self.width() * 0.45, self.height() * 0.3))
        box = QRectF((self.width() - side) / 2, self.height() - side * 1.35, side, side)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.text))
        p.drawEllipse(box)
        path = QPainterPath(QPointF(box.left() + side * 0.27, box.top() + side * 0.52))
        path.lineTo(box.left() + side * 0.44, box.top() + side * 0.69)
        path.lineTo(box.left() + side * 0.75, box.top() + side * 0.33)
        pen = QPen(QColor(t.window), max(2.0, side * 0.13))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)


class PainCheckIn(QWidget):
    """Asks for a 0-10 pain rating and an optional note; emits ``submitted(rating, note)``."""

    submitted = Signal(int, str)
    ratingChanged = Signal(int)

    def __init__(
        self,
        title: str = "",
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ):
        super().__init__(parent)
        self._clock = clock
        self._rating: int | None = None
        self._one_at: float | None = None  # when "1" was typed, for "1 then 0" = 10
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self._title = QLabel(title)
        self._title.setWordWrap(True)
        set_role(self._title, "title")
        self._hint = QLabel(self.tr("Press 0 to 9, or 1 then 0 for 10. Enter saves."))
        self._hint.setWordWrap(True)
        set_role(self._hint, "muted")

        self.scale_box = QGroupBox()
        self.scale_box.setObjectName("painScale")
        self.scale_box.setFlat(True)
        self.scale_box.setStyleSheet(
            "QGroupBox#painScale { border: none; margin: 0px; padding: 0px; }"
        )
        self.scale_box.setAccessibleName(self.tr("Pain rating, 0 to 10"))
        self.scale_box.setAccessibleDescription(
            self.tr("0 is no pain, 10 the worst pain imaginable")
        )
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: list[RatingButton] = []
        grid = QGridLayout(self.scale_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        for value in range(MAX_RATING + 1):
            button = RatingButton(value)
            name = self._accessible_name(value)
            button.setAccessibleName(name)
            button.setToolTip(name)
            self._group.addButton(button, value)
            self._buttons.append(button)
            grid.addWidget(button, 0, value)
            grid.setColumnStretch(value, 1)
        self._group.idClicked.connect(self._on_clicked)

        self._low = QLabel(self.tr("No pain"))
        self._high = QLabel(self.tr("Worst pain imaginable"))
        for label in (self._low, self._high):
            label.setWordWrap(True)
            set_role(label, "muted")
        self._low.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._high.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._low, 1, 0, 1, 4)
        grid.addWidget(self._high, 1, 6, 1, 5)
        self._low.setBuddy(self._buttons[0])
        self._high.setBuddy(self._buttons[MAX_RATING])

        self._chosen = QLabel()
        set_role(self._chosen, "subtitle")
        self._chosen.setAccessibleName(self.tr("Chosen rating"))

        self._note_label = note_label = QLabel(self.tr("Note (optional)"))
        self._note = QLineEdit()
        self._note.setMaxLength(MAX_NOTE)
        self._note.setPlaceholderText(self.tr("For example: stiff after a long drive"))
        self._note.setAccessibleName(self.tr("Note (optional)"))
        note_label.setBuddy(self._note)

        self._save = QPushButton(self.tr("Save"))
        set_role(self._save, "primary")
        self._save.setEnabled(False)
        self._save.setAutoDefault(False)
        self._save.setAccessibleName(self.tr("Save the rating"))
        self._save.clicked.connect(self.submit)

        bottom = QHBoxLayout()
        bottom.addWidget(self._chosen, 1)
        bottom.addWidget(self._save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(18)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addSpacing(8)
        layout.addWidget(self.scale_box)
        layout.addSpacing(8)
        layout.addWidget(note_label)
        layout.addWidget(self._note)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self._show_choice()

    # ---- API ----

    def title(self) -> str:
        return self._title.text()

    def set_title(self, title: str) -> None:
        self._title.setText(title)

    def rating(self) -> int | None:
        return self._rating

    def note(self) -> str:
        return self._note.text().strip()

    def set_note(self, note: str) -> None:
        self._note.setText(note[:MAX_NOTE])

    def set_rating(self, value: int | None) -> None:
        """Choose ``value`` (0-10) or clear the choice with None."""
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_RATING
        ):
            raise ValueError(f"a pain rating is a whole number from 0 to 10, not {value!r}")
        self._one_at = None
        self._select(value)

    def reset(self) -> None:
        """Clear the rating and the note (for the next check-in)."""
        self._one_at = None
        self._note.clear()
        self._select(None)

    def button(self, value: int) -> RatingButton:
        return self._buttons[value]

    def buttons(self) -> tuple[RatingButton, ...]:
        return tuple(self._buttons)

    def note_edit(self) -> QLineEdit:
        return self._note

    def set_note_shown(self, shown: bool) -> None:
        """Show or hide the optional note, its label with it."""
        self._note_label.setVisible(shown)
        self._note.setVisible(shown)

    def save_button(self) -> QPushButton:
        return self._save

    def set_theme(self, theme: Theme | None) -> None:
        for b in self._buttons:
            b.set_theme(theme)

    def submit(self) -> bool:
        """Emit :attr:`submitted` when a rating is chosen; True when it was sent."""
        if self._rating is None:
            return False
        self._one_at = None
        self.submitted.emit(self._rating, self.note())
        return True

    # ---- keys ----

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _DIGITS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._on_digit(_DIGITS[key])
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._one_at = None
            self.submit()
            event.accept()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._rating is not None:
            step = -1 if key == Qt.Key.Key_Left else 1
            self.set_rating(min(MAX_RATING, max(0, self._rating + step)))
            self._buttons[self._rating].setFocus()
            event.accept()
        else:
            self._one_at = None
            super().keyPressEvent(event)

    def _on_digit(self, digit: int) -> None:
        now = self._clock()
        if (
            digit == 0
            and self._one_at is not None
            and self._rating == 1
            and 0 <= now - self._one_at <= TEN_WINDOW_S
        ):
            self._one_at = None
            self._select(10)
            return
        self._one_at = now if digit == 1 else None
        self._select(digit)

    # ---- internals ----

    def _on_clicked(self, value: int) -> None:
        self._one_at = None
        self._select(value)

    def _select(self, value: int | None) -> None:
        if value is None:
            checked = self._group.checkedButton()
            if checked is not None:
                self._group.setExclusive(False)
                checked.setChecked(False)
                self._group.setExclusive(True)
        else:
            self._buttons[value].setChecked(True)
        changed = value != self._rating
        self._rating = value
        self._save.setEnabled(value is not None)
        self._show_choice()
        if changed and value is not None:
            self.ratingChanged.emit(value)

    def _show_choice(self) -> None:
        if self._rating is None:
            self._chosen.setText(self.tr("Choose a number"))
        else:
            rating = self._rating  # a plain name: lupdate skips a count it cannot read
            self._chosen.setText(self.tr("Your rating: %n", "", rating))

    def _accessible_name(self, value: int) -> str:
        if value == 0:
            return self.tr("0 out of 10: no pain")
        if value == MAX_RATING:
            return self.tr("10 out of 10: worst pain imaginable")
        return self.tr("%n out of 10", "", value)


class PainNowDialog(QDialog):
    """'This hurts': how much, 0-10, taken from the keyboard as the check-in takes it.

    The exercise ends whatever the answer (the rules decide what the number
    means: above 5 is too much). With no number, the default, "Stop this
    exercise" (Space, Esc, or the button), records the press unrated, which
    counts as too much.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("How much does it hurt?"))
        self.check_in = PainCheckIn(self.tr("How much does it hurt right now?"), self)
        self.check_in.set_note_shown(False)
        self.check_in.submitted.connect(lambda rating, _note: self.done(100 + rating))
        self.stop_button = QPushButton(self.tr("Stop this exercise (Space)"))
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check_in)
        layout.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(1100, 580)
        # the scale, not its first number, takes the keys: Space must not pick 0 (below)
        self.check_in.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space stops the exercise with no number, as the button does.

        (Enter saves a chosen rating and does nothing before one is chosen; the
        scale takes the digits.)"""
        if event.key() == Qt.Key.Key_Space:
            event.accept()
            self.reject()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, parent: QWidget | None) -> int | None:
        """The rating chosen, or None for "Stop this exercise" with no number; tests replace
        this."""
        dialog = cls(parent)
        try:
            code = dialog.exec()
        finally:
            dialog.deleteLater()
        return code - 100 if code >= 100 else None


class LegPainDialog(PainNowDialog):
    """At a check-in, for a person with leg symptoms: leg pain now, 0-10 (Space skips it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Leg pain"))
        self.check_in.set_title(self.tr("How much pain do you feel in your leg right now?"))
