"""The safety pages: welcome with the disclaimer, the red-flag checks, "see a clinician".

The pages hold no rules: the caller decides when each is shown (first start,
every 7 days) and what an answer means; the pages only report what the person
chose. The safety wording comes from ``resources/safety.yaml``
(:func:`backcompanion.program.safety.load_safety`); the rest is marked for
translation.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from backcompanion import APP_NAME
from backcompanion.program.safety import RedFlag, RedFlagCheck, SafetyText, load_safety
from backcompanion.ui.theme import Theme, Themed, set_role
from backcompanion.ui.widgets.labels import button, label, scrolling

__all__ = [
    "DailyCheckPage",
    "RedFlagPage",
    "RedFlagRow",
    "SeeClinicianPage",
    "TickCheckBox",
    "WelcomePage",
]

MAX_CLEARED_WHO = 120
_DIGITS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}


class _Page(QWidget):
    """A page: a scrolling column of content over a fixed row of buttons."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = QWidget()
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(48, 28, 48, 8)
        self.column.setSpacing(18)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(48, 10, 48, 24)
        self.buttons.setSpacing(20)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.scroll_area = scrolling(self.content)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(self.buttons)

    def finish(self) -> None:
        self.column.addStretch(1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button (Space does too, as everywhere in Qt)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled() and focused.isVisible():
                focused.click()
                event.accept()
                return
        super().keyPressEvent(event)


class WelcomePage(_Page):
    """First start: a short welcome and the disclaimer; ``continued`` when read."""

    continued = Signal()

    def __init__(self, parent: QWidget | None = None, *, safety: SafetyText | None = None):
        super().__init__(parent)
        s = safety or load_safety()
        self.heading = label(self.tr("Welcome to %1").replace("%1", APP_NAME), "heading")
        self.intro = label(
            self.tr(
                "A calm guide through your back exercises: breathing first, then gentle "
                "stretches, and strengthening once your pain eases."
            )
        )
        card = QFrame()
        set_role(card, "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(14)
        self.disclaimer_title = label(s.disclaimer.title, "subtitle")
        self.disclaimer = label(s.disclaimer.text)
        self.ask_first = label(s.disclaimer.ask_first)
        for w in (self.disclaimer_title, self.disclaimer, self.ask_first):
            inner.addWidget(w)
        self.column.addWidget(self.heading)
        self.column.addWidget(self.intro)
        self.column.addWidget(card)
        self.finish()
        self.continue_button = button(self.tr("Continue"), primary=True)
        self.continue_button.clicked.connect(self.continued)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.continue_button)
        self.setFocusProxy(self.continue_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.continued.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


class TickCheckBox(Themed, QCheckBox):
    """A large checkbox that draws a check mark in its box (not a colour change alone)."""

    def __init__(self, text: str, parent: QWidget | None = None, *, theme: Theme | None = None):
        super().__init__(text, parent)
        self._theme = theme

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.isChecked():
            return
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        box = QRectF(self.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, self))
        t = self.painted_theme()
        side = min(box.width(), box.height())
        path = QPainterPath(QPointF(box.left() + side * 0.22, box.top() + side * 0.52))
        path.lineTo(box.left() + side * 0.42, box.top() + side * 0.72)
        path.lineTo(box.left() + side * 0.78, box.top() + side * 0.30)
        pen = QPen(QColor(t.on_accent), max(2.0, side * 0.14))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(pen)
        p.drawPath(path)


class RedFlagRow(QFrame):
    """One choice as a card: a large checkbox with a short label, an optional sentence under it.

    A click anywhere on the card toggles the box.
    """

    def __init__(self, title: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "card")
        self.flag: RedFlag | None = None  # set by RedFlagPage for each flag
        self.box = TickCheckBox(title)
        self.box.setAccessibleName(title)
        set_role(self.box, "strong")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 16, 10)
        layout.setSpacing(0)
        layout.addWidget(self.box)
        self.text: QLabel | None = None
        if text:
            self.box.setAccessibleDescription(text)
            self.text = label(text)
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            indent = (
                self.box.style()
                .subElementRect(
                    QStyle.SubElement.SE_CheckBoxContents, _button_option(self.box), self.box
                )
                .left()
            )
            row.addSpacing(max(indent, 40))
            row.addWidget(self.text, 1)
            layout.addLayout(row)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.box.toggled.connect(self._show_checked)

    def _show_checked(self, checked: bool) -> None:
        set_role(self, "card-checked" if checked else "card")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.box.toggle()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mouseReleaseEvent(event)


def _button_option(button: QCheckBox) -> QStyleOptionButton:
    opt = QStyleOptionButton()
    button.initStyleOption(opt)
    return opt


class RedFlagPage(_Page):
    """The weekly red-flag check, all 16 flags. ``answered`` carries the ticked numbers.

    A person has to choose actively: tick one or more flags, or tick
    "None of these apply" (which clears the flags); Save is enabled only then.
    Keys: 1-9 tick the flag shown with that number, 0 ticks "None of these
    apply", Enter saves. A lifelong history item a clinician has cleared is
    not asked again (:meth:`set_hidden`).
    """

    answered = Signal(tuple)

    def __init__(self, parent: QWidget | None = None, *, safety: SafetyText | None = None):
        s = safety or load_safety()
        self._build(s, s.red_flag_check, s.red_flags, parent)

    def _build(
        self,
        s: SafetyText,
        check: RedFlagCheck,
        flags: Iterable[RedFlag],
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(check.title)
        self.setAccessibleName(check.title)
        self.question = label(check.question, "title")
        self.column.addWidget(self.question)
        self.rows: dict[int, RedFlagRow] = {}
        self._keys: dict[int, int] = {}  # digit key -> flag number, in the order shown
        for flag in flags:
            row = RedFlagRow(flag.title, flag.text)
            row.flag = flag
            row.box.toggled.connect(self._on_flag_toggled)
            self.rows[flag.number] = row
        self.none_row = RedFlagRow(check.none)
        self.none_box = self.none_row.box
        self.none_box.toggled.connect(self._on_none_toggled)
        self._grid = QHBoxLayout()  # one or two columns of cards, each as tall as it needs
        self._grid.setSpacing(16)
        self._stacks = (QVBoxLayout(), QVBoxLayout())
        for stack in self._stacks:
            stack.setSpacing(10)
            self._grid.addLayout(stack, 1)
        self._columns = 0
        self.column.addLayout(self._grid)
        self._arrange(1)
        self.finish()
        self.hint = label(
            self.tr("Tick what applies, or tick “None of these apply”. Then save."), "muted"
        )
        self.save_button = button(self.tr("Save"), primary=True)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.buttons.addWidget(self.hint, 1)
        self.buttons.addWidget(self.save_button)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._number_keys()

    def set_hidden(self, numbers: Iterable[int]) -> None:
        """Leave out these flags (cleared lifelong history items); unticks them."""
        hidden = set(numbers)
        for n, row in self.rows.items():
            if n in hidden:
                row.box.setChecked(False)
            row.setHidden(n in hidden)
        self._number_keys()

    def _number_keys(self) -> None:
        """Keys 1-9 for the first nine flags shown; each card's title says its key."""
        self._keys = {}
        shown = [row for row in self.rows.values() if not row.isHidden()]
        for i, row in enumerate(shown, start=1):
            flag = row.flag
            assert flag is not None
            title = f"{i}. {flag.label}"
            row.box.setText(title)
            row.box.setAccessibleName(title)
            if i <= 9:
                self._keys[i] = flag.number

    def columns(self) -> int:
        """How many columns the choices use now (two on a wide page)."""
        return self._columns

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() >= self.fontMetrics().averageCharWidth() * 88
        self._arrange(2 if wide else 1)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        cards = [*self.rows.values(), self.none_row]  # hidden cards take no room
        for stack in self._stacks:
            while stack.count():
                stack.takeAt(0)
        per_column = -(-len(cards) // columns)  # the first half left, the rest and "none" right
        for i, card in enumerate(cards):
            self._stacks[i // per_column].addWidget(card)
        for stack in self._stacks:
            stack.addStretch(1)
        self._grid.setStretch(1, 1 if columns == 2 else 0)

    # ---- API ----

    def checkbox(self, number: int) -> QCheckBox:
        return self.rows[number].box

    def ticked(self) -> tuple[int, ...]:
        return tuple(
            n for n, row in self.rows.items() if row.box.isChecked() and not row.isHidden()
        )

    def none_apply(self) -> bool:
        return self.none_box.isChecked()

    def can_save(self) -> bool:
        return bool(self.ticked()) or self.none_apply()

    def set_ticked(self, numbers: Iterable[int]) -> None:
        wanted = set(numbers)
        unknown = wanted - set(self.rows)
        if unknown:
            raise ValueError(f"no red flag number {min(unknown)}")
        for n, row in self.rows.items():
            row.box.setChecked(n in wanted)

    def reset(self) -> None:
        """Nothing chosen: neither a flag nor "none"."""
        for row in self.rows.values():
            row.box.setChecked(False)
        self.none_box.setChecked(False)
        self._update_save()

    def save(self) -> bool:
        """Emit :attr:`answered` when a choice has been made; True when it was sent."""
        if not self.can_save():
            return False
        self.answered.emit(() if self.none_apply() else self.ticked())
        return True

    # ---- keys ----

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        digit = _DIGITS.get(key)
        if digit is not None and (digit in self._keys or digit == 0):
            row = self.rows[self._keys[digit]] if digit else self.none_row
            row.box.toggle()
            row.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.scroll_area.ensureWidgetVisible(row)
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            event.accept()
        else:
            super().keyPressEvent(event)

    # ---- internals ----

    def _on_flag_toggled(self, checked: bool) -> None:
        if checked and self.none_box.isChecked():
            self.none_box.setChecked(False)
        self._update_save()

    def _on_none_toggled(self, checked: bool) -> None:
        if checked:
            for row in self.rows.values():
                row.box.setChecked(False)
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(self.can_save())


class DailyCheckPage(RedFlagPage):
    """ "Anything new today?" before every session: the emergency and urgent flags only.

    One key for "nothing new": Enter (the primary button, "Nothing new", has
    the focus). Ticking a flag turns the button into "Save"; 1-9 tick the
    flags. ``answered`` carries the ticked numbers, ``()`` for nothing new.
    """

    def __init__(self, parent: QWidget | None = None, *, safety: SafetyText | None = None):
        s = safety or load_safety()
        self._build(s, s.daily_check, s.daily_flags(), parent)
        self._nothing_new = s.daily_check.none
        self.none_row.hide()
        self.hint.setText(self.tr("Nothing new? Press Enter. Otherwise tick what started."))
        self.setFocusProxy(self.save_button)
        self._update_save()

    def none_apply(self) -> bool:
        return not self.ticked()

    def can_save(self) -> bool:
        return True

    def _update_save(self) -> None:
        nothing = not self.ticked()
        self.save_button.setText(self._nothing_new if nothing else self.tr("Save"))
        self.save_button.setAccessibleName(self.save_button.text())
        self.save_button.setEnabled(True)


class SeeClinicianPage(_Page):
    """Names the ticked red flags and asks the person to see a clinician before going on.

    "A clinician has cleared me" turns the page into a confirmation step that
    asks who cleared the person and on what date (both needed: the PDF says
    "self-reported: cleared by NAME on DATE"); confirming emits
    ``cleared(who, day)``, Cancel goes back to the explanation. "Back" emits
    ``back``. :meth:`set_hurts` names exercises that hurt too much two sessions
    in a row, the other reason this page blocks.
    """

    cleared = Signal(str, object)  # who, datetime.date
    back = Signal()

    def __init__(
        self,
        flags: Iterable[int] = (),
        parent: QWidget | None = None,
        *,
        safety: SafetyText | None = None,
    ):
        super().__init__(parent)
        self._safety = s = safety or load_safety()
        self._flags: tuple[int, ...] = ()
        self._hurts: tuple[str, ...] = ()
        self.heading = label(s.see_clinician.title, "heading")

        # the explanation: what was ticked and why to stop here
        self.explanation = QWidget()
        explain = QVBoxLayout(self.explanation)
        explain.setContentsMargins(0, 0, 0, 0)
        explain.setSpacing(18)
        self.text = label(s.see_clinician.text)
        self.flag_card = QFrame()
        set_role(self.flag_card, "danger-card")
        self._flag_layout = QVBoxLayout(self.flag_card)
        self._flag_layout.setContentsMargins(28, 18, 28, 18)
        self._flag_layout.setSpacing(4)
        self._flag_labels: list[QLabel] = []
        self.cleared_text = label(s.see_clinician.cleared, "muted")
        for w in (self.text, self.flag_card, self.cleared_text):
            explain.addWidget(w)

        # the confirmation step
        self.confirm_panel = QFrame()
        set_role(self.confirm_panel, "card")
        confirm = QVBoxLayout(self.confirm_panel)
        confirm.setContentsMargins(28, 22, 28, 26)
        confirm.setSpacing(14)
        self.confirm_question = label(
            self.tr(
                "Please confirm: a doctor or physical therapist has checked you "
                "and says these exercises are fine for you."
            ),
            "subtitle",
        )
        who_label = label(self.tr("Who cleared you?"))
        self.who_edit = QLineEdit()
        self.who_edit.setMaxLength(MAX_CLEARED_WHO)
        self.who_edit.setPlaceholderText(self.tr("For example: Dr Lee, physiotherapist"))
        self.who_edit.setAccessibleName(self.tr("Who cleared you"))
        who_label.setBuddy(self.who_edit)
        date_label = label(self.tr("On what date?"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("The date you were cleared"))
        date_label.setBuddy(self.date_edit)
        self.missing = label("", "danger")
        for w in (
            self.confirm_question,
            who_label,
            self.who_edit,
            date_label,
            self.date_edit,
            self.missing,
        ):
            confirm.addWidget(w)

        self.column.addWidget(self.heading)
        self.column.addWidget(self.explanation)
        self.column.addWidget(self.confirm_panel)
        self.finish()

        self.back_button = button(self.tr("Back"))
        self.cleared_button = button(self.tr("A clinician has cleared me"))
        self.cancel_button = button(self.tr("Cancel"))
        self.confirm_button = button(self.tr("Yes, I have been cleared"), primary=True)
        self.buttons.addWidget(self.back_button)
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.cleared_button)
        self.buttons.addWidget(self.confirm_button)

        self.back_button.clicked.connect(self.back)
        self.cleared_button.clicked.connect(self.ask_confirmation)
        self.cancel_button.clicked.connect(self.cancel_confirmation)
        self.confirm_button.clicked.connect(self.confirm)
        self.who_edit.returnPressed.connect(self.confirm)
        self.who_edit.textChanged.connect(self._update_confirm)
        self.set_flags(flags)

    # ---- API ----

    def flags(self) -> tuple[int, ...]:
        return self._flags

    def set_hurts(self, names: Iterable[str]) -> None:
        """Exercises that hurt above 5 in two sessions in a row (their names, shown)."""
        self._hurts = tuple(names)
        self.set_flags(self._flags)

    def flag_texts(self) -> tuple[str, ...]:
        """The texts shown for the ticked flags (short label, then the sentence)."""
        return tuple(shown.text() for shown in self._flag_labels)

    def set_flags(self, flags: Iterable[int]) -> None:
        self._flags = tuple(f.number for f in self._safety.flags(flags))
        for old in self._flag_labels:
            self._flag_layout.removeWidget(old)
            old.hide()  # gone from the next paint, not only from the next event loop turn
            old.deleteLater()
        self._flag_labels = []
        intro = (
            self.tr("You ticked:")
            if self._flags
            else self.tr("Something you told us needs a clinician's check first.")
        )
        if self._hurts and not self._flags:
            intro = self.tr("An exercise hurt too much two sessions in a row:")
        widgets = [label(intro, "danger")]
        shown = [(f.label, f.text) for f in self._safety.flags(self._flags)]
        if self._hurts:
            hurt = self.tr("Pain above 5 out of 10 in two sessions in a row.")
            shown += [(name, hurt) for name in self._hurts]
        for heading, sentence in shown:
            title = label(heading, "strong")
            text = label(sentence)
            title.setContentsMargins(0, 10, 0, 0)
            self._flag_labels += [title, text]
            widgets += [title, text]
        self._flag_labels.insert(0, widgets[0])
        for w in widgets:
            self._flag_layout.addWidget(w)
        self.cancel_confirmation()

    def is_confirming(self) -> bool:
        return not self.confirm_panel.isHidden()

    def ask_confirmation(self, today: date | None = None) -> None:
        """The confirmation step; the date starts at ``today`` and cannot be later."""
        day = today or date.today()
        qday = QDate(day.year, day.month, day.day)
        self.date_edit.setMaximumDate(qday)
        self.date_edit.setDate(qday)
        self._show_step(confirming=True)
        self.who_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_confirmation(self) -> None:
        self.who_edit.clear()
        self.missing.clear()
        self._show_step(confirming=False)

    def who(self) -> str:
        return " ".join(self.who_edit.text().split())

    def confirm(self) -> bool:
        """Emit :attr:`cleared` with who and when; only during the confirmation step.

        Without a name the page says what is missing and keeps what was typed.
        """
        if not self.is_confirming():
            return False
        who = self.who()
        if not who:
            self.missing.setText(self.tr("Please write who cleared you, then confirm."))
            self.who_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        d = self.date_edit.date()
        day = date(d.year(), d.month(), d.day())
        self.cancel_confirmation()
        self.cleared.emit(who, day)
        return True

    def _update_confirm(self) -> None:
        if self.who():
            self.missing.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.is_confirming():
            self.cancel_confirmation()
            event.accept()
        else:
            super().keyPressEvent(event)

    def _show_step(self, confirming: bool) -> None:
        had_focus = self.focusWidget()
        self.heading.setText(
            self.tr("A clinician has cleared me")
            if confirming
            else self._safety.see_clinician.title
        )
        self.explanation.setVisible(not confirming)
        self.confirm_panel.setVisible(confirming)
        self.back_button.setVisible(not confirming)
        self.cleared_button.setVisible(not confirming)
        self.cancel_button.setVisible(confirming)
        self.confirm_button.setVisible(confirming)
        if not confirming and had_focus is not None and had_focus.isHidden():
            self.cleared_button.setFocus(Qt.FocusReason.OtherFocusReason)
