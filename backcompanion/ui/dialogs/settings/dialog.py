"""Everything a user can set, in one dialog.

Seven sections, chosen from a list on the left (it stays readable with large
type, where a row of seven tabs would not fit): Breathing, Session, Look,
Sound, Reminders, You and Data. Each section scrolls on its own when the
screen is small. The controls start from :class:`~backcompanion.ui.settings_model.Settings`;
nothing is written until OK (Cancel changes nothing); "Restore defaults" puts
every control back to its default, except the name, which is not a preference.

The dialog is a shell: each page is a :class:`~.section.Section` (one module
each) that owns its controls, the settings they show and their enabling; the
dialog composes them, asks each for its values and styles them all
(:func:`~backcompanion.ui.theme.settings_style_sheet`).

The dialog does no file work itself: the caller passes the data folder and two
callables, ``open_data_folder()`` and ``backup_now() -> str`` (the message to
show), and why the app cannot stay in the tray, if it cannot. Tests replace
:meth:`SettingsDialog.ask` to answer without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backcompanion.ui.dialogs.settings.breathing import BreathingSection
from backcompanion.ui.dialogs.settings.data import DataSection
from backcompanion.ui.dialogs.settings.look import LookSection
from backcompanion.ui.dialogs.settings.reminders import RemindersSection
from backcompanion.ui.dialogs.settings.section import Section
from backcompanion.ui.dialogs.settings.session import SessionSection
from backcompanion.ui.dialogs.settings.sound import SoundSection
from backcompanion.ui.dialogs.settings.you import YouSection
from backcompanion.ui.settings_model import Settings
from backcompanion.ui.theme import Theme, current_theme, set_role, settings_style_sheet

__all__ = ["PAGES", "SettingsDialog"]

PAGES = ("breathing", "session", "look", "sound", "reminders", "you", "data")
_RESTYLE = QEvent.Type(QEvent.registerEventType())


class SettingsDialog(QDialog):
    """The settings, grouped in sections; OK writes them all, Cancel nothing.

    Each section's controls are also the dialog's attributes, as they were before
    the sections, by name: ``dialog.parts["sound"].sound_check``.
    """

    _restyle_pending = False  # a class default: changeEvent can come before __init__ ends

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        data_folder: str | Path | None = None,
        open_data_folder: Callable[[], object] | None = None,
        backup_now: Callable[[], str] | None = None,
        sound_available: bool | None = None,
        voice_available: bool | None = None,
        languages: Sequence[str] | None = None,
        cues: Any = None,
        tray_problem: str = "",
    ):
        super().__init__(parent)
        self._settings = settings
        self._styled_for: Theme | None = None
        self.parts: dict[str, Section] = {
            "breathing": BreathingSection(),
            "session": SessionSection(),
            "look": LookSection(settings.language, languages),
            "sound": SoundSection(
                settings,
                cues=cues,
                sound_available=sound_available,
                voice_available=voice_available,
            ),
            "reminders": RemindersSection(tray_problem),
            "you": YouSection(),
            "data": DataSection(
                str(data_folder) if data_folder is not None else "", open_data_folder, backup_now
            ),
        }

        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.setModal(True)

        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Settings sections"))
        self.sections.setObjectName("sections")
        self.pages = QStackedWidget()
        for part in self.parts.values():
            title = part.title()
            self.sections.addItem(title)
            self.pages.addWidget(self._page(title, part))
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sections.setCurrentRow(0)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.defaults_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.defaults_button.setText(self.tr("Restore defaults"))
        self.ok_button.setAccessibleName(self.tr("OK: save the settings"))
        self.cancel_button.setAccessibleName(self.tr("Cancel: change nothing"))
        self.defaults_button.setAccessibleName(self.tr("Restore defaults"))
        set_role(self.ok_button, "primary")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(self.restore_defaults)

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(16)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

        values = {name: settings.get(name) for name in Settings.NAMES}
        self.load(values)
        self._restyle()
        self._fit_sections()
        self._fit_to_screen()

    # -- the public surface --------------------------------------------------------------

    @classmethod
    def ask(cls, parent: QWidget | None, settings: Settings, **kwargs: Any) -> bool:
        """Show the dialog; True when the user pressed OK (the settings are then written)."""
        dialog = cls(settings, parent, **kwargs)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def show_page(self, name: str) -> None:
        """Switch to a section by name (one of :data:`PAGES`)."""
        self.sections.setCurrentRow(PAGES.index(name))

    def values(self) -> dict[str, Any]:
        """What OK would write: setting name -> value, as the controls show them now."""
        shown: dict[str, Any] = {}
        for part in self.parts.values():
            shown.update(part.values())
        return shown

    def load(self, values: Mapping[str, Any]) -> None:
        """Show these values in the controls (keys as :attr:`Settings.NAMES`; others ignored)."""
        for part in self.parts.values():
            part.load(values)

    def restore_defaults(self) -> None:
        """Every control back to its default (nothing is written until OK); the name stays."""
        defaults = Settings.defaults()
        del defaults["person_name"]
        self.load(defaults)

    def accept(self) -> None:
        """OK: write every value, then close."""
        self._settings.update(self.values())
        self._settings.sync()
        super().accept()

    # -- pages -------------------------------------------------------------------------------

    def _page(self, title: str, part: Section) -> QScrollArea:
        inner = QWidget()
        inner.setObjectName("page")
        column = QVBoxLayout(inner)
        column.setContentsMargins(8, 0, 16, 8)
        column.setSpacing(14)
        heading = QLabel(title)
        set_role(heading, "title")
        heading.setAccessibleName(title)
        column.addWidget(heading)
        part.build(column)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(title)
        return scroll

    # -- look --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._restyle_pending:
            # apply_theme() sets the palette before current_theme() changes: look after it
            self._restyle_pending = True
            QCoreApplication.postEvent(self, QEvent(_RESTYLE))

    def event(self, event: QEvent) -> bool:
        if event.type() == _RESTYLE:
            self._restyle_pending = False
            if self._styled_for is not current_theme():
                self._restyle()
            return True
        return super().event(event)

    def _restyle(self) -> None:
        """Large spin boxes, radio buttons and the section list (the app sheet sizes the rest)."""
        t = current_theme()
        self._styled_for = t
        self.setStyleSheet(settings_style_sheet(t, QApplication.font()))

    def _fit_sections(self) -> None:
        bold = QFont(self.sections.font())
        bold.setBold(True)
        fm = QFontMetricsF(bold)
        widest = max(
            fm.horizontalAdvance(self.sections.item(i).text()) for i in range(self.sections.count())
        )
        self.sections.setFixedWidth(round(widest + 80))
        self.sections.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def _fit_to_screen(self) -> None:
        hint = self.sizeHint()
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        fm = QFontMetricsF(QApplication.font())
        want_w = max(hint.width(), round(fm.averageCharWidth() * 70))
        want_h = max(hint.height(), round(fm.height() * 22))
        self.resize(min(want_w, room.width() - 40), min(want_h, room.height() - 40))
