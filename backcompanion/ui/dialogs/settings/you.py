"""The You page: the person's name, printed on the weekly summary."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout

from backcompanion.i18n import translate
from backcompanion.ui.dialogs.settings.controls import note
from backcompanion.ui.dialogs.settings.section import Field, Section
from backcompanion.ui.settings_model import MAX_NAME

__all__ = ["YouSection"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # a pasted tab or line break in the name


class YouSection(Section):
    def title(self) -> str:
        return translate("SettingsDialog", "You")

    def build(self, column: QVBoxLayout) -> None:
        label = QLabel(translate("SettingsDialog", "Your &name"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setAccessibleName(translate("SettingsDialog", "Your name"))
        self.name_edit.setPlaceholderText(translate("SettingsDialog", "Optional"))
        label.setBuddy(self.name_edit)
        column.addWidget(label)
        column.addWidget(self.name_edit)
        column.addWidget(
            note(
                translate(
                    "SettingsDialog",
                    "Printed at the top of the weekly summary, so your clinician knows whose "
                    "it is. It stays on this computer.",
                )
            )
        )

    def fields(self) -> tuple[Field, ...]:
        return (Field("person_name", self._name, self.name_edit.setText),)

    def _name(self) -> str:
        return _CONTROL.sub(" ", self.name_edit.text()).strip()
