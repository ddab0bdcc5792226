"""The small questions the main window asks before it does something that cannot be undone.

Each asks with :meth:`ask` and returns the answer; tests replace ``ask``. Their texts
keep the translation context "MainWindow", where they were first written.

They are asked during a session, of a person on the floor who presses the keys the
README teaches (Space carries on, Enter confirms, Esc backs out). So the safe answer
(keep going, stay open) is the default button and has the focus: Space, Enter and
Esc all give it. The answer that ends something needs a deliberate act: its own
letter (the underlined one, e.g. S for "Stop session", no Alt needed in a message
box), a Tab to it (then Space or Enter presses it), or a click.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from backcompanion.i18n import translate


def safe_question(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    safe: str,
    risky: str,
) -> tuple[QMessageBox, QPushButton, QPushButton]:
    """A message box whose ``safe`` button is the default, the escape and the focus.

    ``risky`` should carry a mnemonic (``&``): its letter alone presses it.
    Returns the box and its two buttons (safe, risky); the caller runs it.
    """
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    risky_button = box.addButton(risky, QMessageBox.ButtonRole.DestructiveRole)
    safe_button = box.addButton(safe, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(safe_button)  # Enter, and the focus: Space
    box.setEscapeButton(safe_button)
    safe_button.setFocus()
    return box, safe_button, risky_button


def _risky_chosen(box: QMessageBox, risky: QPushButton) -> bool:
    box.exec()
    return box.clickedButton() is risky


class StopConfirm:
    """Asks whether to stop the session; tests replace :meth:`ask`."""

    @staticmethod
    def build(parent: QWidget | None) -> tuple[QMessageBox, QPushButton, QPushButton]:
        return safe_question(
            parent,
            QMessageBox.Icon.Question,
            translate("MainWindow", "Stop the session?"),
            translate("MainWindow", "Stop today's session now? Everything you did so far is kept."),
            translate("MainWindow", "Keep going"),
            translate("MainWindow", "&Stop session"),
        )

    @staticmethod
    def ask(parent: QWidget) -> bool:
        """True when the person chose to stop."""
        box, _keep, stop = StopConfirm.build(parent)
        return _risky_chosen(box, stop)


class QuitDuringSession:
    """Quitting (Ctrl+Q, closing the window) while a session runs; tests replace :meth:`ask`."""

    @staticmethod
    def build(parent: QWidget | None) -> tuple[QMessageBox, QPushButton, QPushButton]:
        return safe_question(
            parent,
            QMessageBox.Icon.Question,
            translate("MainWindow", "Quit during the session?"),
            translate(
                "MainWindow",
                "Quit BackCompanion now? The session is paused and kept: "
                "you can resume it at the next start.",
            ),
            translate("MainWindow", "Keep going"),
            translate("MainWindow", "&Quit"),
        )

    @staticmethod
    def ask(parent: QWidget) -> bool:
        """True when the person chose to quit."""
        box, _keep, quit_ = QuitDuringSession.build(parent)
        return _risky_chosen(box, quit_)


class UnsavedOnQuit:
    """Quitting while records still wait for the disk: stay open? Tests replace :meth:`ask`."""

    @staticmethod
    def build(parent: QWidget | None, pending: int) -> tuple[QMessageBox, QPushButton, QPushButton]:
        return safe_question(
            parent,
            QMessageBox.Icon.Warning,
            translate("MainWindow", "Not everything is saved"),
            translate(
                "MainWindow",
                "%n step(s) of your session could not be saved yet (the disk may be full or "
                "read-only). If you quit now they are lost. Keep BackCompanion open and "
                "free some space?",
                None,
                pending,
            ),
            translate("MainWindow", "Keep it open"),
            translate("MainWindow", "&Quit anyway"),
        )

    @staticmethod
    def ask(parent: QWidget, pending: int) -> bool:
        """True when the person chose to stay open (the safe answer)."""
        box, _stay, quit_ = UnsavedOnQuit.build(parent, pending)
        return not _risky_chosen(box, quit_)
