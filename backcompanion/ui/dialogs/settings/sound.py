"""The Sound page: sound and voice cues, their volumes, a test of each, and why one is off."""

from __future__ import annotations

import importlib.util
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout

from backcompanion.i18n import translate
from backcompanion.ui.dialogs.settings.controls import form, int_spin, note
from backcompanion.ui.dialogs.settings.section import Field, Section
from backcompanion.ui.settings_model import Settings

__all__ = ["SoundSection", "sound_addon_available"]


def sound_addon_available(module: str = "PySide6.QtMultimedia") -> bool:
    """Whether the optional Qt add-on module (QtMultimedia, QtTextToSpeech) can be imported."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


class SoundSection(Section):
    """``sound_available``/``voice_available``: whether the add-on is there (None: ask the
    cue player, ``cues`` or the shared one, which also says why one cannot play)."""

    def __init__(
        self,
        settings: Settings,
        *,
        cues: Any = None,
        sound_available: bool | None = None,
        voice_available: bool | None = None,
    ) -> None:
        super().__init__()
        self._settings = settings
        self._cues = cues
        # why the sound or the voice cannot play ("" when it can); None asks the cue player
        self._sound_why = self._why_not(sound_available, "sound")
        self._voice_why = self._why_not(voice_available, "voice")
        self._sound_ok = not self._sound_why
        self._voice_ok = not self._voice_why

    def title(self) -> str:
        return translate("SettingsDialog", "Sound")

    def build(self, column: QVBoxLayout) -> None:
        self.sound_note = note(
            translate(
                "SettingsDialog",
                "Sound and voice are off at first. Everything they say also shows on the screen.",
            )
        )
        self.sound_note.setAccessibleName(translate("SettingsDialog", "About sound"))
        column.addWidget(self.sound_note)
        self.sound_check = QCheckBox(
            translate("SettingsDialog", "&Sound at each breathing phase and step")
        )
        self.sound_check.setAccessibleName(translate("SettingsDialog", "Sound cues"))
        self.sound_volume_spin = int_spin(0, 100, translate("SettingsDialog", " %"), 10)
        self.sound_test_button = QPushButton(translate("SettingsDialog", "&Play a test sound"))
        self.sound_test_button.setAccessibleName(translate("SettingsDialog", "Play a test sound"))
        self.sound_test_button.clicked.connect(self._play_test_sound)
        self.sound_reason = note(self._sound_why, role="strong")
        self.sound_reason.setAccessibleName(translate("SettingsDialog", "Why sound is off"))
        self.voice_check = QCheckBox(
            translate(
                "SettingsDialog", "Spoken &words (\u201cBreathe in\u201d, \u201cRelease\u201d)"
            )
        )
        self.voice_check.setAccessibleName(translate("SettingsDialog", "Voice cues"))
        self.voice_volume_spin = int_spin(0, 100, translate("SettingsDialog", " %"), 10)
        self.voice_test_button = QPushButton(translate("SettingsDialog", "Sa&y a test phrase"))
        self.voice_test_button.setAccessibleName(translate("SettingsDialog", "Say a test phrase"))
        self.voice_test_button.clicked.connect(self._say_test_phrase)
        self.voice_reason = note(self._voice_why, role="strong")
        self.voice_reason.setAccessibleName(translate("SettingsDialog", "Why the voice is off"))
        for part, (check, spin, button, reason, volume) in enumerate(
            (
                (
                    self.sound_check,
                    self.sound_volume_spin,
                    self.sound_test_button,
                    self.sound_reason,
                    translate("SettingsDialog", "Sound &volume"),
                ),
                (
                    self.voice_check,
                    self.voice_volume_spin,
                    self.voice_test_button,
                    self.voice_reason,
                    translate("SettingsDialog", "Voice v&olume"),
                ),
            )
        ):
            if part:
                column.addSpacing(12)
            column.addWidget(check)
            reason.setVisible(bool(reason.text()))
            column.addWidget(reason)
            rows = form()
            self._row(rows, volume, spin)
            column.addLayout(rows)
            button.setAutoDefault(False)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            column.addLayout(row)
        self.sound_check.toggled.connect(self.refresh)
        self.voice_check.toggled.connect(self.refresh)

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("sound_cues", self.sound_check.isChecked, self.sound_check.setChecked),
            Field("sound_volume", self.sound_volume_spin.value, self.sound_volume_spin.setValue),
            Field("voice_cues", self.voice_check.isChecked, self.voice_check.setChecked),
            Field("voice_volume", self.voice_volume_spin.value, self.voice_volume_spin.setValue),
        )

    def refresh(self, _checked: bool = True) -> None:
        """What cannot play stays off (a choice made elsewhere is kept, not erased)."""
        self.sound_check.setEnabled(self._sound_ok)
        self._stepper(self.sound_volume_spin).setEnabled(
            self._sound_ok and self.sound_check.isChecked()
        )
        self.voice_check.setEnabled(self._voice_ok)
        self._stepper(self.voice_volume_spin).setEnabled(
            self._voice_ok and self.voice_check.isChecked()
        )
        self.sound_test_button.setEnabled(self._sound_ok)
        self.voice_test_button.setEnabled(self._voice_ok)

    def _player(self) -> Any:
        if self._cues is None:
            from backcompanion.ui.services.cue_player import shared_player

            self._cues = shared_player(self._settings)
        return self._cues

    def _why_not(self, available: bool | None, what: str) -> str:
        """Why the sound (or voice) cannot play, "" when it can; asks the cue player if unsaid."""
        if available is not None:
            if available:
                return ""
            from backcompanion.ui.services.cue_player import addon_problem

            return addon_problem()
        player = self._player()
        return player.sound_problem() if what == "sound" else player.voice_problem()

    def _play_test_sound(self) -> None:
        self._player().play_test_sound(self.sound_volume_spin.value())

    def _say_test_phrase(self) -> None:
        self._player().say_test_phrase(self.voice_volume_spin.value())
