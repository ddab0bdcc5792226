"""The emergency and urgent pages: what to do now when a ticked flag cannot wait.

Built for a person on the floor two metres away: the instruction in the
largest type on a red-edged card, then why, then what was ticked. One key
leaves: Enter, Space or Esc go back to the home page. The words come from
``resources/safety.yaml`` (the ``emergency`` and ``urgent`` sections); which
page shows, and whether a clearance may lift it, is the companion's call
(``SafetyState.level``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from backcompanion.program.safety import Level, SafetyText, load_safety
from backcompanion.ui.home.safety_pages import _Page
from backcompanion.ui.theme import set_role
from backcompanion.ui.widgets.labels import button, label

__all__ = ["UrgentCarePage"]


class UrgentCarePage(_Page):
    """The emergency page, or the urgent one: what to do now, why, and the ticked flags.

    ``back`` when the person leaves (Enter, Space, Esc or the button). The
    urgent page also offers "A clinician has seen me" (``clearance_requested``),
    which the flow turns into the clinician page's confirmation; the emergency
    page never does: no clearance lifts it the same day.
    """

    back = Signal()
    clearance_requested = Signal()

    def __init__(
        self,
        level: Level,
        flags: Iterable[int] = (),
        parent: QWidget | None = None,
        *,
        safety: SafetyText | None = None,
    ):
        super().__init__(parent)
        if level is Level.SEE_CLINICIAN:
            raise ValueError("the see-a-clinician page is SeeClinicianPage")
        self.level = level
        self._safety = s = safety or load_safety()
        advice = s.emergency if level is Level.EMERGENCY else s.urgent
        self.setObjectName(level.value)
        self.setWindowTitle(advice.title)
        self.setAccessibleName(advice.title)

        card = QFrame()
        set_role(card, "danger-card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 24, 32, 24)
        self.instruction = label(advice.text, "heading")
        self.instruction.setAccessibleName(advice.text)
        inner.addWidget(self.instruction)
        self.why = label(advice.why, "subtitle")
        self.ticked_intro = label(self.tr("You ticked:"), "danger")
        self._flag_column = QVBoxLayout()
        self._flag_column.setSpacing(4)
        self._flag_labels: list[QLabel] = []
        for w in (card, self.why, self.ticked_intro):
            self.column.addWidget(w)
        self.column.addLayout(self._flag_column)
        self.finish()

        self.back_button = button(self.tr("Back to the start page"), primary=True)
        self.back_button.clicked.connect(self.back)
        self.buttons.addWidget(self.back_button)
        self.buttons.addStretch(1)
        self.cleared_button = button(self.tr("A clinician has seen me"))
        self.cleared_button.clicked.connect(self.clearance_requested)
        self.buttons.addWidget(self.cleared_button)
        self.cleared_button.setVisible(level is Level.URGENT)
        self.setFocusProxy(self.back_button)
        self.set_flags(flags)

    def set_flags(self, flags: Iterable[int]) -> None:
        """Name the flags of this level among ``flags`` (the others have their own pages)."""
        for old in self._flag_labels:
            self._flag_column.removeWidget(old)
            old.hide()
            old.deleteLater()
        self._flag_labels = []
        for flag in self._safety.flags(flags):
            if flag.level is not self.level:
                continue
            shown = label(f"{flag.label}: {flag.text}", "strong")
            self._flag_labels.append(shown)
            self._flag_column.addWidget(shown)
        self.ticked_intro.setVisible(bool(self._flag_labels))

    def flag_texts(self) -> tuple[str, ...]:
        return tuple(shown.text() for shown in self._flag_labels)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """One key leaves: Enter, Space or Esc."""
        if event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Space,
            Qt.Key.Key_Escape,
        ):
            if self.focusWidget() is self.cleared_button and event.key() != Qt.Key.Key_Escape:
                self.cleared_button.click()
            else:
                self.back.emit()
            event.accept()
            return
        super().keyPressEvent(event)
