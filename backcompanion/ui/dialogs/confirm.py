"""The small questions the main window asks before it does something that cannot be undone.

Each asks with :meth:`ask` and returns the answer; tests replace ``ask``. Their texts
keep the translation context "MainWindow", where they were first written.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from backcompanion.i18n import translate


class StopConfirm:
    """Asks whether to stop the session; tests replace :meth:`ask`."""

    @staticmethod
    def ask(parent: QWidget) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("MainWindow", "Stop the session?"))
        box.setText(
            translate("MainWindow", "Stop today's session now? Everything you did so far is kept.")
        )
        stop = box.addButton(
            translate("MainWindow", "Stop session"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("MainWindow", "Keep going"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is stop


class UnsavedOnQuit:
    """Quitting while records still wait for the disk: stay open? Tests replace :meth:`ask`."""

    @staticmethod
    def ask(parent: QWidget, pending: int) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("MainWindow", "Not everything is saved"))
        box.setText(
            translate(
                "MainWindow",
                "%n step(s) of your session could not be saved yet (the disk may be full or "
                "read-only). If you quit now they are lost. Keep BackCompanion open and "
                "free some space?",
                None,
                pending,
            )
        )
        stay = box.addButton(
            translate("MainWindow", "Keep it open"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            translate("MainWindow", "Quit anyway"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.exec()
        return box.clickedButton() is stay
