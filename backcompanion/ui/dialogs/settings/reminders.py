"""The Reminders page: on or off, the time, the days, and keeping the app in the tray."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QTimeEdit, QVBoxLayout

from backcompanion.i18n import translate
from backcompanion.ui.dialogs.settings.controls import form, note
from backcompanion.ui.dialogs.settings.section import Field, Section

__all__ = ["RemindersSection"]


class RemindersSection(Section):
    """``tray_problem``: why the app cannot stay in the tray here ("" when it can); the
    caller asks the tray (``TrayController.unavailable_reason()``)."""

    def __init__(self, tray_problem: str = "") -> None:
        super().__init__()
        self._tray_problem = tray_problem

    def title(self) -> str:
        return translate("SettingsDialog", "Reminders")

    def build(self, column: QVBoxLayout) -> None:
        self.reminders_check = QCheckBox(
            translate("SettingsDialog", "&Remind me to do my exercises")
        )
        self.reminders_check.setAccessibleName(translate("SettingsDialog", "Reminders"))
        self.reminders_check.toggled.connect(self.refresh)
        column.addWidget(self.reminders_check)
        rows = form()
        self.reminder_time_edit = QTimeEdit()
        self.reminder_time_edit.setDisplayFormat("HH:mm")
        self._row(
            rows,
            translate("SettingsDialog", "&At"),
            self.reminder_time_edit,
            translate("SettingsDialog", "Reminder time"),
        )
        column.addLayout(rows)
        label = QLabel(translate("SettingsDialog", "On these days"))
        column.addWidget(label)
        days = QGridLayout()
        days.setHorizontalSpacing(8)
        days.setVerticalSpacing(4)
        locale = QLocale()
        self.day_checks: dict[int, QCheckBox] = {}
        for day in range(1, 8):
            box = QCheckBox(locale.dayName(day, QLocale.FormatType.ShortFormat))
            box.setAccessibleName(locale.dayName(day, QLocale.FormatType.LongFormat))
            self.day_checks[day] = box
            days.addWidget(box, (day - 1) // 4, (day - 1) % 4)
        column.addLayout(days)
        self._days_label = label
        self.tray_check = QCheckBox(
            translate("SettingsDialog", "Keep running in the &tray when the window closes")
        )
        self.tray_check.setAccessibleName(translate("SettingsDialog", "Keep running in the tray"))
        column.addWidget(self.tray_check)
        if self._tray_problem:
            column.addWidget(note(self._tray_problem))

    def fields(self) -> tuple[Field, ...]:
        return (
            Field(
                "reminders_enabled", self.reminders_check.isChecked, self.reminders_check.setChecked
            ),
            Field("reminder_time", self._time, self._set_time),
            Field("reminder_days", self._days, self._set_days),
            Field("reminders_keep_in_tray", self.tray_check.isChecked, self.tray_check.setChecked),
        )

    def refresh(self, _checked: bool = True) -> None:
        """The time, the days and the tray follow the switch (the tray only where there is one)."""
        on = self.reminders_check.isChecked()
        self._stepper(self.reminder_time_edit).setEnabled(on)
        self._days_label.setEnabled(on)
        for box in self.day_checks.values():
            box.setEnabled(on)
        self.tray_check.setEnabled(on and not self._tray_problem)

    def _time(self) -> dt.time:
        return self.reminder_time_edit.time().toPython().replace(second=0)

    def _set_time(self, t: dt.time) -> None:
        self.reminder_time_edit.setTime(QTime(t.hour, t.minute))

    def _days(self) -> frozenset[int]:
        return frozenset(d for d, box in self.day_checks.items() if box.isChecked())

    def _set_days(self, days: Collection[int]) -> None:
        for d, box in self.day_checks.items():
            box.setChecked(d in days)
