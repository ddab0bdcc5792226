"""The Look page: colours, motion and the language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from backcompanion.i18n import translate
from backcompanion.ui.dialogs.settings.controls import checked, note, radios
from backcompanion.ui.dialogs.settings.section import Field, Section
from backcompanion.ui.settings_model import MOTIONS, THEMES
from backcompanion.ui.theme import set_role

__all__ = ["LookSection"]

_SYSTEM = "system"  # the language setting that follows the system


class LookSection(Section):
    """``stored_language`` is the language setting now, offered even when no translation for
    it is shipped; ``languages`` are the codes with one (None: those installed)."""

    def __init__(self, stored_language: str, languages: Sequence[str] | None = None) -> None:
        super().__init__()
        self._stored_language = stored_language
        if languages is None:
            from backcompanion.ui import language

            languages = tuple(language.available())
        self._language_codes = tuple(languages)

    def title(self) -> str:
        return translate("SettingsDialog", "Look")

    def build(self, column: QVBoxLayout) -> None:
        label = QLabel(translate("SettingsDialog", "Colours"))
        set_role(label, "strong")
        column.addWidget(label)
        theme_text = {
            "system": translate("SettingsDialog", "Follow the system"),
            "light": translate("SettingsDialog", "Light"),
            "dark": translate("SettingsDialog", "Dark"),
        }
        self.theme_buttons = radios(
            column, translate("SettingsDialog", "Colours"), ((k, theme_text[k]) for k in THEMES)
        )
        label = QLabel(translate("SettingsDialog", "Motion"))
        set_role(label, "strong")
        column.addSpacing(8)
        column.addWidget(label)
        motion_text = {
            "system": translate("SettingsDialog", "Follow the system"),
            "full": translate("SettingsDialog", "Full: the breathing shape grows and shrinks"),
            "reduced": translate("SettingsDialog", "Reduced: a calm bar and words, nothing grows"),
        }
        self.motion_buttons = radios(
            column, translate("SettingsDialog", "Motion"), ((k, motion_text[k]) for k in MOTIONS)
        )
        label = QLabel(translate("SettingsDialog", "&Language"))
        set_role(label, "strong")
        column.addSpacing(8)
        column.addWidget(label)
        codes = [c for c in self._language_codes if c != "system"]
        stored = self._stored_language
        if stored != "system" and stored not in codes:
            codes.append(stored)  # keep a language chosen elsewhere (no translation shipped)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(translate("SettingsDialog", "Language"))
        self.language_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_combo.addItem(
            translate("SettingsDialog", "Follow the system ({language})").format(
                language=self._language_name(self._system_language())
            ),
            _SYSTEM,
        )
        for code in codes:
            self.language_combo.addItem(self._language_name(code), code)
        label.setBuddy(self.language_combo)
        row = QHBoxLayout()
        row.addWidget(self.language_combo)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(note(translate("SettingsDialog", "A new language shows after a restart.")))

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("theme", lambda: checked(self.theme_buttons), self._choose_theme),
            Field("motion", lambda: checked(self.motion_buttons), self._choose_motion),
            Field("language", self.language_combo.currentData, self._set_language),
        )

    def _choose_theme(self, name: str) -> None:
        self.theme_buttons[name].setChecked(True)

    def _choose_motion(self, name: str) -> None:
        self.motion_buttons[name].setChecked(True)

    @staticmethod
    def _language_name(code: str) -> str:
        """The language in its own words: "Deutsch", "English" (not "American English")."""
        from backcompanion.ui.language import language_name

        return language_name(code)

    @staticmethod
    def _system_language() -> str:
        """The language "Follow the system" gives: the system's, when there is a translation."""
        from backcompanion.ui import language

        return language.choose("system")

    def _set_language(self, code: str) -> None:
        index = self.language_combo.findData(code)
        self.language_combo.setCurrentIndex(max(index, 0))
