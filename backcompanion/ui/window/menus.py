"""The main window's menu bar: File, Plan, View and Help.

Each entry calls the window (or opens a dialog over it); the texts keep the
translation context "MainWindow", where they were first written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from backcompanion.i18n import translate

if TYPE_CHECKING:
    from backcompanion.ui.window.main_window import MainWindow

Opener = Callable[[QWidget], None]


class Menus:
    """Builds the menu bar of ``window``; keeps the actions the window turns on and off.

    ``open_settings`` and ``export_summary`` open their dialogs over the window
    (the app passes them; tests and tools pass none).
    """

    def __init__(
        self,
        window: MainWindow,
        open_settings: Opener | None = None,
        export_summary: Opener | None = None,
    ):
        self._window = window
        self._open_settings = open_settings
        self._export_summary = export_summary
        bar = window.menuBar()
        file = bar.addMenu(translate("MainWindow", "&File"))
        self.start_action = self._action(
            file,
            translate("MainWindow", "&Start session"),
            window.start_session,
            QKeySequence.StandardKey.New,
        )
        self._action(
            file, translate("MainWindow", "&Export weekly summary..."), self.export, "Ctrl+E"
        )
        self._action(
            file,
            translate("MainWindow", "Se&ttings..."),
            self.settings,
            QKeySequence.StandardKey.Preferences,
        )
        file.addSeparator()
        quit_action = self._action(file, translate("MainWindow", "&Quit"), window.close)
        # Ctrl+Q everywhere (the platform's binding is empty on Windows and offscreen)
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        ctrl_q = QKeySequence("Ctrl+Q")
        quit_action.setShortcuts(quit_keys + ([] if ctrl_q in quit_keys else [ctrl_q]))
        plan = bar.addMenu(translate("MainWindow", "P&lan"))
        flow = window.plan
        self.plan_actions = [
            self._action(plan, translate("MainWindow", "&Edit plan..."), flow.edit, "Ctrl+L"),
            self._action(plan, translate("MainWindow", "&Save plan as..."), flow.save_as),
            self._action(plan, translate("MainWindow", "&Open plan..."), flow.open),
        ]
        plan.addSeparator()
        self.plan_actions += [
            self._action(
                plan,
                translate("MainWindow", "Rate everyday &activities..."),
                flow.rate_activities,
                "Ctrl+R",
            ),
            self._action(
                plan, translate("MainWindow", "Back to the &previous plan"), flow.previous
            ),
            self._action(
                plan, translate("MainWindow", "Back to the standard p&rogram..."), flow.standard
            ),
        ]
        view = bar.addMenu(translate("MainWindow", "&View"))
        self._action(view, translate("MainWindow", "&Home"), window.go_home, "Ctrl+H")
        self._action(view, translate("MainWindow", "&Progress"), window.show_progress, "Ctrl+P")
        self.fullscreen_action = self._action(
            view,
            translate("MainWindow", "&Full screen"),
            window.toggle_fullscreen,
            QKeySequence.StandardKey.FullScreen,
        )
        self.fullscreen_action.setShortcuts([QKeySequence(Qt.Key.Key_F11)])
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self._action(help_menu, translate("MainWindow", "&Safety check..."), window.safety.request)
        self._action(help_menu, translate("MainWindow", "&About BackCompanion"), self.about)

    def _action(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def export(self) -> None:
        """File > Export (also the progress page's button)."""
        if self._export_summary:
            self._export_summary(self._window)

    def settings(self) -> None:
        if self._open_settings:
            self._open_settings(self._window)

    def about(self) -> None:
        from backcompanion.ui.dialogs.about import AboutDialog

        AboutDialog(self._window).exec()
