"""The flare-up page: a day when the opening rating was 7 or more, after the breathing.

What to do today and when to seek help, in large type, then the closing
check-in (N, Enter or the button). The words are the safety texts'
(``resources/safety.yaml``, ``flare_up``); when the page shows is the
engine's call (``State.FLARE_UP``, from ``session.rules.day``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from backcompanion.program.safety import SafetyText, load_safety
from backcompanion.session.engine import Event, Snapshot
from backcompanion.ui.session_screens.page_base import SessionPage
from backcompanion.ui.theme import HEADING_PT, SUBTITLE_PT, set_role
from backcompanion.ui.widgets import labels
from backcompanion.ui.widgets.controls import em

__all__ = ["FlareUpPage"]


class FlareUpPage(SessionPage):
    def __init__(self, parent: QWidget | None = None, *, safety: SafetyText | None = None):
        super().__init__(parent)
        s = (safety or load_safety()).flare_up
        self.setAccessibleName(s.title)
        self.title = self.scaled(labels.label(s.title), HEADING_PT)
        self.today = self.scaled(labels.label(""), SUBTITLE_PT)
        self.text = self.scaled(labels.label(s.text), SUBTITLE_PT, bold=False)
        card = QFrame()
        set_role(card, "danger-card")
        inner = QVBoxLayout(card)
        line = round(em(self))
        inner.setContentsMargins(line, line // 2, line, line // 2)
        self.seek_help = self.scaled(labels.label(s.seek_help), SUBTITLE_PT)
        inner.addWidget(self.seek_help)
        self.continue_button = self.event_button(
            self.tr("Continue"),
            self.tr("N", "keyboard key"),
            Event.CONTINUE,
            self.tr("Continue to the closing check-in"),
            self.tr("Continue to the closing check-in (N or Enter)"),
        )
        self.continue_button.setObjectName("continueButton")
        set_role(self.continue_button, "primary")
        column = QVBoxLayout(self.content)
        column.setContentsMargins(line, line // 2, line, 0)
        column.setSpacing(round(line * 0.6))
        for w in (self.title, self.today, self.text, card):
            column.addWidget(w)
        column.addStretch(1)
        self.buttons.addWidget(self.continue_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.stop_button)
        self.pause_button.hide()  # nothing runs on this page
        self.setFocusProxy(self.continue_button)
        self.finish()

    def show_snapshot(self, snap: Snapshot, reason: str = "") -> None:
        super().show_snapshot(snap)
        if reason:
            self.today.setText(reason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.continue_button.isEnabled()
        ):
            self.continue_button.click()
            event.accept()
            return
        super().keyPressEvent(event)
