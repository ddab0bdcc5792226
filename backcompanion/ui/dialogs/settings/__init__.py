"""The settings dialog: a shell (:mod:`.dialog`) over one section per page."""

from backcompanion.ui.dialogs.settings.controls import SecondsSpinBox, Stepper
from backcompanion.ui.dialogs.settings.dialog import PAGES, SettingsDialog
from backcompanion.ui.dialogs.settings.sound import sound_addon_available

__all__ = ["PAGES", "SecondsSpinBox", "SettingsDialog", "Stepper", "sound_addon_available"]
