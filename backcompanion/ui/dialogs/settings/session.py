"""The Session page: the pauses, full screen, keeping the screen awake, asking about leg pain."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout

from backcompanion.i18n import translate
from backcompanion.ui.dialogs.settings.controls import form, int_spin, note
from backcompanion.ui.dialogs.settings.section import Field, Section

__all__ = ["SessionSection"]


class SessionSection(Section):
    def title(self) -> str:
        return translate("SettingsDialog", "Session")

    def build(self, column: QVBoxLayout) -> None:
        rows = form()
        self.get_ready_spin = int_spin(3, 30, translate("SettingsDialog", " s"))
        self._row(
            rows,
            translate("SettingsDialog", "&Get ready before each exercise"),
            self.get_ready_spin,
        )
        self.release_spin = int_spin(2, 30, translate("SettingsDialog", " s"))
        self._row(rows, translate("SettingsDialog", "&Rest between repeats"), self.release_spin)
        column.addLayout(rows)
        self.fullscreen_check = QCheckBox(
            translate("SettingsDialog", "&Full screen when a session starts")
        )
        self.awake_check = QCheckBox(
            translate("SettingsDialog", "&Keep the screen awake during a session")
        )
        self.leg_check = QCheckBox(
            translate("SettingsDialog", "Ask about &leg pain at each check-in (leg symptoms)")
        )
        for box in (self.fullscreen_check, self.awake_check, self.leg_check):
            box.setAccessibleName(box.text().replace("&", ""))
            column.addWidget(box)
        column.addWidget(
            note(translate("SettingsDialog", "Full screen is easier to read from the floor."))
        )

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("get_ready_s", self.get_ready_spin.value, self.get_ready_spin.setValue),
            Field("release_s", self.release_spin.value, self.release_spin.setValue),
            Field(
                "fullscreen_on_start",
                self.fullscreen_check.isChecked,
                self.fullscreen_check.setChecked,
            ),
            Field("keep_screen_awake", self.awake_check.isChecked, self.awake_check.setChecked),
            Field("leg_symptoms", self.leg_check.isChecked, self.leg_check.setChecked),
        )
