"""Plan > Open plan… and Save plan as…: the file pickers and the question before applying.

Each is a static ``ask`` (or ``tell``) that tests replace. Applying a plan file
asks first and shows every difference from the plan in force; keeping the plan
in force is the default, so Enter and Esc change nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from backcompanion.i18n import translate
from backcompanion.program.plan import Change
from backcompanion.ui.dialogs.confirm import safe_question

__all__ = ["ApplyPlan", "PlanFiles", "StandardPlan"]


def _filter() -> str:
    plans = translate("PlanDialogs", "Plan files (*.yaml *.yml)")
    return plans + ";;" + translate("PlanDialogs", "All files (*)")


class PlanFiles:
    """Where to save a plan, which file to open, and what went wrong."""

    @staticmethod
    def ask_save(parent: QWidget | None, suggested: Path) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            parent, translate("PlanDialogs", "Save plan as"), str(suggested), _filter()
        )
        return Path(path) if path else None

    @staticmethod
    def ask_open(parent: QWidget | None, folder: Path) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, translate("PlanDialogs", "Open plan"), str(folder), _filter()
        )
        return Path(path) if path else None

    @staticmethod
    def tell_error(parent: QWidget | None, message: str) -> None:
        QMessageBox.warning(parent, translate("PlanDialogs", "Plan not used"), message)


class ApplyPlan:
    """Shows the differences a plan file makes and asks before it is put in force."""

    @staticmethod
    def build(parent: QWidget | None, changes: Sequence[Change]):
        if changes:
            lines = "\n".join(f"• {c}" for c in changes)
            text = translate("PlanDialogs", "Put this plan in force? It changes:") + "\n\n" + lines
        else:
            text = translate("PlanDialogs", "This plan is the same as the plan in force.")
        box, keep, apply = safe_question(
            parent,
            QMessageBox.Icon.Question,
            translate("PlanDialogs", "Open plan"),
            text,
            translate("PlanDialogs", "Keep the plan in force"),
            translate("PlanDialogs", "&Apply this plan"),
        )
        box.setInformativeText(
            translate("PlanDialogs", "Plan > Back to the previous plan undoes it in one step.")
        )
        return box, keep, apply

    @staticmethod
    def ask(parent: QWidget | None, changes: Sequence[Change]) -> bool:
        box, _keep, apply = ApplyPlan.build(parent, changes)
        box.exec()
        return box.clickedButton() is apply


class StandardPlan:
    """Asks before the standard program replaces the therapist's plan."""

    @staticmethod
    def ask(parent: QWidget | None) -> bool:
        box, _keep, back = safe_question(
            parent,
            QMessageBox.Icon.Question,
            translate("PlanDialogs", "Back to the standard program"),
            translate(
                "PlanDialogs",
                "Use the standard program instead of the therapist's plan? "
                "Plan > Back to the previous plan brings the plan back.",
            ),
            translate("PlanDialogs", "Keep the plan"),
            translate("PlanDialogs", "&Use the standard program"),
        )
        box.exec()
        return box.clickedButton() is back
