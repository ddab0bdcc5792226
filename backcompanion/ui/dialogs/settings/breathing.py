"""The Breathing page: the pattern (a preset or custom seconds) and the number of breaths."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QVBoxLayout

from backcompanion.i18n import translate
from backcompanion.session.plan import PRESETS, Cadence
from backcompanion.ui.dialogs.settings.controls import (
    SecondsSpinBox,
    checked,
    form,
    int_spin,
    note,
    radios,
)
from backcompanion.ui.dialogs.settings.section import Field, Section
from backcompanion.ui.settings_model import Settings
from backcompanion.ui.theme import set_role

__all__ = ["BreathingSection"]

CUSTOM_FIELDS = ("inhale", "hold_in", "exhale", "hold_out")


def _pattern(c: Cadence, short: bool = False) -> str:
    """'4-0-6-0', or '4-6' when asked for the short form of a pattern without holds."""
    if short and not c.hold_in and not c.hold_out:
        return f"{c.inhale:g}-{c.exhale:g}"
    return c.label


class BreathingSection(Section):
    """A preset shows its seconds in the (disabled) custom boxes; the custom seconds are kept
    while a preset is chosen, and come back with "Custom"."""

    def __init__(self) -> None:
        super().__init__()
        self._custom: Cadence | None = None  # the custom seconds, kept while a preset shows

    def title(self) -> str:
        return translate("SettingsDialog", "Breathing")

    def build(self, column: QVBoxLayout) -> None:
        relaxed, extended, box = PRESETS["relaxed"], PRESETS["extended_exhale"], PRESETS["box"]
        label = QLabel(translate("SettingsDialog", "Pattern"))
        set_role(label, "strong")
        column.addWidget(label)
        self.preset_buttons = radios(
            column,
            translate("SettingsDialog", "Breathing pattern"),
            (
                (
                    "relaxed",
                    translate("SettingsDialog", "Relaxed {0} (default)").format(
                        _pattern(relaxed, True)
                    ),
                ),
                (
                    "extended_exhale",
                    translate("SettingsDialog", "Extended exhale {0}").format(_pattern(extended)),
                ),
                ("box", translate("SettingsDialog", "Box {0}").format(_pattern(box))),
                ("custom", translate("SettingsDialog", "Custom")),
            ),
        )
        column.addWidget(
            note(
                translate(
                    "SettingsDialog",
                    "The numbers are seconds: breathe in, hold, breathe out, hold.",
                )
            )
        )
        rows = form()
        self.custom_spins: dict[str, SecondsSpinBox] = {}
        texts = {
            "inhale": translate("SettingsDialog", "Breathe &in"),
            "hold_in": translate("SettingsDialog", "&Hold after breathing in"),
            "exhale": translate("SettingsDialog", "Breathe &out"),
            "hold_out": translate("SettingsDialog", "Hold after breathing o&ut"),
        }
        for field in CUSTOM_FIELDS:
            lo, hi = Cadence.LIMITS[field]
            spin = SecondsSpinBox(lo, hi)
            spin.valueChanged.connect(self._on_custom_edit)
            self.custom_spins[field] = spin
            self._row(rows, texts[field], spin)
        lo, hi = Cadence.LIMITS["breaths"]
        self.breaths_spin = int_spin(int(lo), int(hi))
        self.breaths_spin.valueChanged.connect(self._show_rate)
        self._row(rows, translate("SettingsDialog", "&Breaths in a session"), self.breaths_spin)
        column.addLayout(rows)
        self.rate_label = note("", role="strong")
        self.rate_label.setAccessibleName(translate("SettingsDialog", "Breathing rate"))
        column.addWidget(self.rate_label)
        for button in self.preset_buttons.values():
            button.toggled.connect(self._on_preset)

    def fields(self) -> tuple[Field, ...]:
        return (
            Field("breathing_preset", self._preset, self._choose_preset),
            *(
                Field(name, self._custom_getter(name), self._custom_setter(name))
                for name in CUSTOM_FIELDS
            ),
            Field("breaths", self.breaths_spin.value, self.breaths_spin.setValue),
        )

    def refresh(self) -> None:
        self._on_preset()

    # -- behaviour ---------------------------------------------------------------------------

    def _preset(self) -> str:
        return checked(self.preset_buttons)

    def _choose_preset(self, name: str) -> None:
        self.preset_buttons[name].setChecked(True)

    def _custom_getter(self, name: str) -> Callable[[], float]:
        return lambda: getattr(self._custom_cadence(), name)

    def _custom_setter(self, name: str) -> Callable[[float], None]:
        def set_custom(value: float) -> None:
            self._custom = replace(self._custom_cadence(), **{name: value})

        return set_custom

    def _custom_cadence(self) -> Cadence:
        base = self._custom or Cadence(
            *(Settings.default(f) for f in CUSTOM_FIELDS), breaths=self.breaths_spin.value()
        )
        return base

    def _shown_cadence(self) -> Cadence:
        preset = self._preset()
        c = self._custom_cadence() if preset == "custom" else PRESETS[preset]
        return Cadence(c.inhale, c.hold_in, c.exhale, c.hold_out, self.breaths_spin.value())

    def _on_preset(self, _checked: bool = True) -> None:
        custom = self._preset() == "custom"
        shown = self._custom_cadence() if custom else PRESETS[self._preset()]
        for field, box in self.custom_spins.items():
            box.blockSignals(True)
            box.setValue(getattr(shown, field))
            box.blockSignals(False)
            self._stepper(box).setEnabled(custom)
        self._show_rate()

    def _on_custom_edit(self, _value: float) -> None:
        if self._preset() != "custom":
            return
        s = self.custom_spins
        self._custom = Cadence(
            s["inhale"].value(),
            s["hold_in"].value(),
            s["exhale"].value(),
            s["hold_out"].value(),
            self.breaths_spin.value(),
        )
        self._show_rate()

    def _show_rate(self, _value: int = 0) -> None:
        c = self._shown_cadence()
        locale = QLocale()
        per_minute = locale.toString(round(60.0 / c.breath_s, 1), "g", 3)
        total = round(c.total_s)
        minutes, seconds = divmod(total, 60)
        duration = (
            translate("SettingsDialog", "{m} min {s} s").format(m=minutes, s=seconds)
            if minutes
            else translate("SettingsDialog", "{s} s").format(s=seconds)
        )
        self.rate_label.setText(
            translate(
                "SettingsDialog", "{rate} breaths a minute; {n} breaths take {duration}."
            ).format(rate=per_minute, n=c.breaths, duration=duration)
        )
