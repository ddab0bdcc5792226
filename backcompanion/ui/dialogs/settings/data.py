"""The Data page: where the history is kept, opening that folder and a backup now.

The page does no file work itself: the caller passes the folder and two
callables, ``open_data_folder()`` and ``backup_now() -> str`` (the message to show).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from backcompanion.i18n import translate
from backcompanion.ui.dialogs.settings.controls import note
from backcompanion.ui.dialogs.settings.section import Section

__all__ = ["DataSection"]

log = logging.getLogger(__name__)


class DataSection(Section):
    """No setting: the folder, two buttons and the message of the last one pressed."""

    def __init__(
        self,
        data_folder: str = "",
        open_data_folder: Callable[[], object] | None = None,
        backup_now: Callable[[], str] | None = None,
    ) -> None:
        super().__init__()
        self._data_folder = data_folder
        self._open_data_folder = open_data_folder
        self._backup_now = backup_now

    def title(self) -> str:
        return translate("SettingsDialog", "Data")

    def build(self, column: QVBoxLayout) -> None:
        label = QLabel(translate("SettingsDialog", "Your exercise history is kept in this folder:"))
        label.setWordWrap(True)
        self.data_folder_edit = QLineEdit(
            self._data_folder or translate("SettingsDialog", "(not known)")
        )
        self.data_folder_edit.setReadOnly(True)
        self.data_folder_edit.setAccessibleName(translate("SettingsDialog", "Data folder"))
        self.data_folder_edit.setToolTip(self._data_folder)
        self.data_folder_edit.setCursorPosition(0)
        label.setBuddy(self.data_folder_edit)
        column.addWidget(label)
        column.addWidget(self.data_folder_edit)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.open_folder_button = QPushButton(translate("SettingsDialog", "O&pen data folder"))
        self.open_folder_button.setAccessibleName(translate("SettingsDialog", "Open data folder"))
        self.open_folder_button.setAutoDefault(False)
        self.open_folder_button.setEnabled(
            bool(self._data_folder) or self._open_data_folder is not None
        )
        self.open_folder_button.clicked.connect(self._open_folder)
        self.backup_button = QPushButton(translate("SettingsDialog", "&Back up now"))
        self.backup_button.setAccessibleName(translate("SettingsDialog", "Back up now"))
        self.backup_button.setAutoDefault(False)
        self.backup_button.setEnabled(self._backup_now is not None)
        self.backup_button.clicked.connect(self._back_up)
        row.addWidget(self.open_folder_button)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        column.addLayout(row)
        self.data_message = note("", role="strong")
        self.data_message.setAccessibleName(translate("SettingsDialog", "Result"))
        self.data_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.data_message)
        column.addWidget(
            note(
                translate(
                    "SettingsDialog",
                    "A backup is also made once a day and before every update. "
                    "The last 7 daily and 4 weekly backups are kept.",
                )
            )
        )

    def _open_folder(self) -> None:
        if self._open_data_folder is not None:
            result = self._open_data_folder()
            ok = result is not False
        else:
            ok = QDesktopServices.openUrl(QUrl.fromLocalFile(self._data_folder))
        self.data_message.setText(
            "" if ok else translate("SettingsDialog", "The folder could not be opened.")
        )

    def _back_up(self) -> None:
        if self._backup_now is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            message = self._backup_now()
        except Exception as error:  # the caller should return a message; never lose the dialog
            log.exception("backup from the settings dialog failed")
            message = translate("SettingsDialog", "The backup failed: {error}").format(error=error)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.data_message.setText(str(message))
