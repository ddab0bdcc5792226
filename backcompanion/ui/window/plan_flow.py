"""The Plan menu's work: edit, save, open (differences shown, asked first), restore, standard.

The dialogs ask (``ui/dialogs/plan``), the companion puts the plan in force, and
the home page shows the new program. Nothing here runs during a session: the
plan in force is read when a session starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

from backcompanion.i18n import translate
from backcompanion.program import DataError
from backcompanion.program.plan import plan_changes
from backcompanion.program.plan_file import read_plan_file, write_plan_file

# The plan dialogs are imported by the Plan menu's actions, when first used: a start to the
# home page does not load them (start-up time).

if TYPE_CHECKING:
    from backcompanion.ui.window.main_window import MainWindow


class PlanFlow:
    def __init__(self, window: MainWindow):
        self.w = window

    def _idle(self) -> bool:
        return not self.w.bridge.is_running()

    def _changed(self, text: str) -> None:
        w = self.w
        w.carousel.set_program(w.companion.program, None)
        w.refresh_home()
        w.message.setText(text)

    def edit(self) -> None:
        if not self._idle():
            return
        from backcompanion.ui.dialogs.plan.editor import PlanEditor

        c = self.w.companion
        edited = PlanEditor.ask(self.w, c.plan_in_force.plan, c.base_program, c.standard_plan())
        if edited is None or edited == c.plan_in_force.plan:
            return
        c.set_plan(edited, "editor")
        self._changed(translate("PlanFlow", "The plan is saved and used from the next session."))

    def save_as(self) -> None:
        from backcompanion.ui.dialogs.plan.files import PlanFiles

        c = self.w.companion
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / translate("PlanFlow", "backcompanion-plan.yaml")
        path = PlanFiles.ask_save(self.w, suggested)
        if path is None:
            return
        try:
            write_plan_file(c.plan_in_force.plan, path)
        except OSError as exc:
            PlanFiles.tell_error(
                self.w,
                translate("PlanFlow", "The plan was not saved: {reason}.").format(
                    reason=exc.strerror or exc
                ),
            )
            return
        self.w.message.setText(translate("PlanFlow", "Plan saved to {path}.").format(path=path))

    def open(self) -> None:
        if not self._idle():
            return
        from backcompanion.ui.dialogs.plan.files import ApplyPlan, PlanFiles

        c = self.w.companion
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path = PlanFiles.ask_open(self.w, Path(folder or Path.home()))
        if path is None:
            return
        try:
            plan = read_plan_file(path, c.base_program, shown_name=path.name)
        except DataError as exc:
            PlanFiles.tell_error(self.w, str(exc))
            return
        changes = plan_changes(c.plan_in_force.plan, plan, c.base_program)
        if not ApplyPlan.ask(self.w, changes):
            return
        c.set_plan(plan, "file")
        self._changed(
            translate("PlanFlow", "The plan from {file} is in force.").format(file=path.name)
        )

    def rate_activities(self) -> None:
        """The PSFS: rate the everyday activities (the home banner, or the Plan menu)."""
        if not self._idle():
            return
        from backcompanion.ui.dialogs.plan.psfs import PsfsDialog

        c = self.w.companion
        scores = PsfsDialog.ask(self.w, c.psfs_activities())
        if not scores:
            return
        c.record_psfs(scores)
        self.w.refresh_home()
        self.w.message.setText(translate("PlanFlow", "Your ratings are saved."))

    def previous(self) -> None:
        if not self._idle():
            return
        if self.w.companion.restore_previous_plan():
            self._changed(translate("PlanFlow", "The previous plan is back in force."))
        else:
            self.w.message.setText(translate("PlanFlow", "There is no earlier plan to go back to."))

    def standard(self) -> None:
        if not self._idle():
            return
        c = self.w.companion
        if c.plan_in_force.standard:
            self.w.message.setText(translate("PlanFlow", "The standard program is in force."))
            return
        from backcompanion.ui.dialogs.plan.files import StandardPlan

        if not StandardPlan.ask(self.w):
            return
        c.set_plan(None, "standard")
        self._changed(translate("PlanFlow", "The standard program is back in force."))
