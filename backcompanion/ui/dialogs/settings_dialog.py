"""Everything a user can set, in one dialog.

Seven sections, chosen from a list on the left (it stays readable with large
type, where a row of seven tabs would not fit): Breathing, Session, Look,
Sound, Reminders, You and Data. Each section scrolls on its own when the
screen is small. The controls start from :class:`~backcompanion.ui.settings_model.Settings`;
nothing is written until OK (Cancel changes nothing); "Restore defaults" puts
every control back to its default, except the name, which is not a preference.

The dialog does no file work itself: the caller passes the data folder and two
callables, ``open_data_folder()`` and ``backup_now() -> str`` (the message to
show), and why the app cannot stay in the tray, if it cannot (``tray_problem``, from
``TrayController.unavailable_reason()``). Tests replace :meth:`SettingsDialog.ask`
to answer without a window.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTime, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from backcompanion.session.plan import PRESETS, Cadence
from backcompanion.ui.settings_model import MAX_NAME, MOTIONS, THEMES, Settings
from backcompanion.ui.theme import Theme, current_theme, set_role, settings_style_sheet

__all__ = ["PAGES", "SecondsSpinBox", "SettingsDialog", "Stepper", "sound_addon_available"]

log = logging.getLogger(__name__)

PAGES = ("breathing", "session", "look", "sound", "reminders", "you", "data")
_CUSTOM_FIELDS = ("inhale", "hold_in", "exhale", "hold_out")
_RESTYLE = QEvent.Type(QEvent.registerEventType())
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # a pasted tab or line break in the name
_SYSTEM = "system"  # the language setting that follows the system


def sound_addon_available(module: str = "PySide6.QtMultimedia") -> bool:
    """Whether the optional Qt add-on module (QtMultimedia, QtTextToSpeech) can be imported."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


class SecondsSpinBox(QDoubleSpinBox):
    """Seconds in half-second steps, shown without a needless ".0" ("4 s", "4.5 s")."""

    def __init__(self, lo: float, hi: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setRange(lo, hi)
        self.setSuffix(" s")

    def textFromValue(self, value: float) -> str:
        return self.locale().toString(float(value), "g", 3)


class Stepper(QWidget):
    """A spin box between large "−" and "+" buttons (the spin box's own arrows are tiny).

    The spin box keeps the keyboard focus (Up/Down, PgUp/PgDn, typing); the two
    buttons are for the mouse and skip the Tab order. Disable the stepper, not
    the spin box.
    """

    def __init__(
        self,
        spin: QAbstractSpinBox,
        parent: QWidget | None = None,
        *,
        down: Callable[[], None] | None = None,
        up: Callable[[], None] | None = None,
    ):
        super().__init__(parent)
        self.spin = spin
        # the style sheet gives the arrows no width: with NoButtons and a styled border,
        # Qt 6.12 lays the text field out 1 px wide
        spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        spin.setKeyboardTracking(False)
        self.less = QPushButton("\u2212")
        self.more = QPushButton("+")
        steps = ((self.less, down or spin.stepDown), (self.more, up or spin.stepUp))
        for button, step in steps:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.setAutoRepeat(True)
            button.clicked.connect(step)
            set_role(button, "step")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.less)
        row.addWidget(spin)
        row.addWidget(self.more)
        if hasattr(spin, "valueChanged"):
            spin.valueChanged.connect(self._ends)
            self._ends()

    def set_accessible_name(self, name: str) -> None:
        self.spin.setAccessibleName(name)
        self.less.setAccessibleName(QApplication.translate("Stepper", "Less: {0}").format(name))
        self.more.setAccessibleName(QApplication.translate("Stepper", "More: {0}").format(name))

    def _ends(self, _value: float = 0) -> None:
        value = self.spin.value()  # type: ignore[attr-defined]
        self.less.setEnabled(value > self.spin.minimum())  # type: ignore[attr-defined]
        self.more.setEnabled(value < self.spin.maximum())  # type: ignore[attr-defined]


def _pattern(c: Cadence, short: bool = False) -> str:
    """'4-0-6-0', or '4-6' when asked for the short form of a pattern without holds."""
    if short and not c.hold_in and not c.hold_out:
        return f"{c.inhale:g}-{c.exhale:g}"
    return c.label


class SettingsDialog(QDialog):
    """The settings, grouped in sections; OK writes them all, Cancel nothing."""

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
        self._data_folder = str(data_folder) if data_folder is not None else ""
        self._open_data_folder = open_data_folder
        self._backup_now = backup_now
        self._cues = cues
        self._tray_problem = tray_problem  # why the app cannot stay in the tray ("" when it can)
        # why the sound or the voice cannot play ("" when it can); None asks the cue player
        self._sound_why = self._why_not(sound_available, "sound")
        self._voice_why = self._why_not(voice_available, "voice")
        self._sound_ok = not self._sound_why
        self._voice_ok = not self._voice_why
        self._custom: Cadence | None = None  # the custom seconds, kept while a preset shows
        self._styled_for: Theme | None = None
        if languages is None:
            from backcompanion.ui import language

            languages = tuple(language.available())
        self._language_codes = tuple(languages)
        self._steppers: dict[QAbstractSpinBox, Stepper] = {}

        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.setModal(True)

        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Settings sections"))
        self.sections.setObjectName("sections")
        self.pages = QStackedWidget()
        titles = {
            "breathing": self.tr("Breathing"),
            "session": self.tr("Session"),
            "look": self.tr("Look"),
            "sound": self.tr("Sound"),
            "reminders": self.tr("Reminders"),
            "you": self.tr("You"),
            "data": self.tr("Data"),
        }
        builders = {
            "breathing": self._build_breathing,
            "session": self._build_session,
            "look": self._build_look,
            "sound": self._build_sound,
            "reminders": self._build_reminders,
            "you": self._build_you,
            "data": self._build_data,
        }
        for name in PAGES:
            self.sections.addItem(titles[name])
            self.pages.addWidget(self._page(titles[name], builders[name]))
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
        custom = self._custom_cadence()
        return {
            "breathing_preset": self._preset(),
            "inhale": custom.inhale,
            "hold_in": custom.hold_in,
            "exhale": custom.exhale,
            "hold_out": custom.hold_out,
            "breaths": self.breaths_spin.value(),
            "get_ready_s": self.get_ready_spin.value(),
            "release_s": self.release_spin.value(),
            "fullscreen_on_start": self.fullscreen_check.isChecked(),
            "keep_screen_awake": self.awake_check.isChecked(),
            "theme": self._checked(self.theme_buttons),
            "motion": self._checked(self.motion_buttons),
            "language": self.language_combo.currentData(),
            "sound_cues": self.sound_check.isChecked(),
            "sound_volume": self.sound_volume_spin.value(),
            "voice_cues": self.voice_check.isChecked(),
            "voice_volume": self.voice_volume_spin.value(),
            "reminders_enabled": self.reminders_check.isChecked(),
            "reminder_time": self.reminder_time_edit.time().toPython().replace(second=0),
            "reminder_days": frozenset(d for d, box in self.day_checks.items() if box.isChecked()),
            "reminders_keep_in_tray": self.tray_check.isChecked(),
            "person_name": _CONTROL.sub(" ", self.name_edit.text()).strip(),
        }

    def load(self, values: dict[str, Any]) -> None:
        """Show these values in the controls (keys as :attr:`Settings.NAMES`; others ignored)."""
        v = dict(values)
        if "breathing_preset" in v:
            self.preset_buttons[v["breathing_preset"]].setChecked(True)
        if all(f in v for f in _CUSTOM_FIELDS):
            self._custom = Cadence(*(v[f] for f in _CUSTOM_FIELDS), breaths=v.get("breaths", 10))
        if "breaths" in v:
            self.breaths_spin.setValue(v["breaths"])
        setters: dict[str, Callable[[Any], None]] = {
            "get_ready_s": self.get_ready_spin.setValue,
            "release_s": self.release_spin.setValue,
            "fullscreen_on_start": self.fullscreen_check.setChecked,
            "keep_screen_awake": self.awake_check.setChecked,
            "theme": lambda x: self.theme_buttons[x].setChecked(True),
            "motion": lambda x: self.motion_buttons[x].setChecked(True),
            "language": self._set_language,
            "sound_cues": self.sound_check.setChecked,
            "sound_volume": self.sound_volume_spin.setValue,
            "voice_cues": self.voice_check.setChecked,
            "voice_volume": self.voice_volume_spin.setValue,
            "reminders_enabled": self.reminders_check.setChecked,
            "reminder_time": lambda t: self.reminder_time_edit.setTime(QTime(t.hour, t.minute)),
            "reminder_days": lambda days: [
                b.setChecked(d in days) for d, b in self.day_checks.items()
            ],
            "reminders_keep_in_tray": self.tray_check.setChecked,
            "person_name": self.name_edit.setText,
        }
        for name, setter in setters.items():
            if name in v:
                setter(v[name])
        self._on_preset()
        self._follow_toggles()

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

    def _page(self, title: str, build: Callable[[QVBoxLayout], None]) -> QScrollArea:
        inner = QWidget()
        inner.setObjectName("page")
        column = QVBoxLayout(inner)
        column.setContentsMargins(8, 0, 16, 8)
        column.setSpacing(14)
        heading = QLabel(title)
        set_role(heading, "title")
        heading.setAccessibleName(title)
        column.addWidget(heading)
        build(column)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(title)
        return scroll

    def _note(self, text: str, role: str = "muted") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        set_role(label, role)
        return label

    def _form(self) -> QFormLayout:
        """Label and control side by side; the control moves under its label when narrow."""
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(20)
        form.setVerticalSpacing(10)
        return form

    def _row(self, form: QFormLayout, text: str, widget: QWidget, name: str | None = None) -> None:
        """A label and its control; a spin box goes in a :class:`Stepper`."""
        label = QLabel(text)
        label.setBuddy(widget)
        name = name or text.replace("&", "")
        if isinstance(widget, QAbstractSpinBox):
            if isinstance(widget, QTimeEdit):  # the buttons move by a quarter of an hour
                stepper = Stepper(
                    widget,
                    down=lambda: widget.setTime(widget.time().addSecs(-15 * 60)),
                    up=lambda: widget.setTime(widget.time().addSecs(15 * 60)),
                )
            else:
                stepper = Stepper(widget)
            stepper.set_accessible_name(name)
            self._steppers[widget] = stepper
            shown: QWidget = stepper
        else:
            widget.setAccessibleName(name)
            shown = widget
        form.addRow(label, shown)

    def _radios(
        self, column: QVBoxLayout, group_name: str, options: Iterable[tuple[str, str]]
    ) -> dict[str, QRadioButton]:
        group = QButtonGroup(self)
        buttons: dict[str, QRadioButton] = {}
        stack = QVBoxLayout()
        stack.setSpacing(2)
        column.addLayout(stack)
        for key, text in options:
            button = QRadioButton(text)
            button.setAccessibleName(text)
            button.setAccessibleDescription(group_name)
            group.addButton(button)
            buttons[key] = button
            stack.addWidget(button)
        return buttons

    def _spin(self, lo: int, hi: int, suffix: str = "", step: int = 1) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lo, hi)
        spin.setSingleStep(step)
        spin.setSuffix(suffix)
        return spin

    def _build_breathing(self, column: QVBoxLayout) -> None:
        relaxed, extended, box = PRESETS["relaxed"], PRESETS["extended_exhale"], PRESETS["box"]
        label = QLabel(self.tr("Pattern"))
        set_role(label, "strong")
        column.addWidget(label)
        self.preset_buttons = self._radios(
            column,
            self.tr("Breathing pattern"),
            (
                ("relaxed", self.tr("Relaxed {0} (default)").format(_pattern(relaxed, True))),
                ("extended_exhale", self.tr("Extended exhale {0}").format(_pattern(extended))),
                ("box", self.tr("Box {0}").format(_pattern(box))),
                ("custom", self.tr("Custom")),
            ),
        )
        column.addWidget(
            self._note(self.tr("The numbers are seconds: breathe in, hold, breathe out, hold."))
        )
        form = self._form()
        self.custom_spins: dict[str, SecondsSpinBox] = {}
        texts = {
            "inhale": self.tr("Breathe &in"),
            "hold_in": self.tr("&Hold after breathing in"),
            "exhale": self.tr("Breathe &out"),
            "hold_out": self.tr("Hold after breathing o&ut"),
        }
        for field in _CUSTOM_FIELDS:
            lo, hi = Cadence.LIMITS[field]
            spin = SecondsSpinBox(lo, hi)
            spin.valueChanged.connect(self._on_custom_edit)
            self.custom_spins[field] = spin
            self._row(form, texts[field], spin)
        lo, hi = Cadence.LIMITS["breaths"]
        self.breaths_spin = self._spin(int(lo), int(hi))
        self.breaths_spin.valueChanged.connect(self._show_rate)
        self._row(form, self.tr("&Breaths in a session"), self.breaths_spin)
        column.addLayout(form)
        self.rate_label = self._note("", role="strong")
        self.rate_label.setAccessibleName(self.tr("Breathing rate"))
        column.addWidget(self.rate_label)
        for button in self.preset_buttons.values():
            button.toggled.connect(self._on_preset)

    def _build_session(self, column: QVBoxLayout) -> None:
        form = self._form()
        self.get_ready_spin = self._spin(3, 30, self.tr(" s"))
        self._row(form, self.tr("&Get ready before each exercise"), self.get_ready_spin)
        self.release_spin = self._spin(2, 30, self.tr(" s"))
        self._row(form, self.tr("&Rest between repeats"), self.release_spin)
        column.addLayout(form)
        self.fullscreen_check = QCheckBox(self.tr("&Full screen when a session starts"))
        self.awake_check = QCheckBox(self.tr("&Keep the screen awake during a session"))
        for box in (self.fullscreen_check, self.awake_check):
            box.setAccessibleName(box.text().replace("&", ""))
            column.addWidget(box)
        column.addWidget(self._note(self.tr("Full screen is easier to read from the floor.")))

    def _build_look(self, column: QVBoxLayout) -> None:
        label = QLabel(self.tr("Colours"))
        set_role(label, "strong")
        column.addWidget(label)
        theme_text = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        self.theme_buttons = self._radios(
            column, self.tr("Colours"), ((k, theme_text[k]) for k in THEMES)
        )
        label = QLabel(self.tr("Motion"))
        set_role(label, "strong")
        column.addSpacing(8)
        column.addWidget(label)
        motion_text = {
            "system": self.tr("Follow the system"),
            "full": self.tr("Full: the breathing shape grows and shrinks"),
            "reduced": self.tr("Reduced: a calm bar and words, nothing grows"),
        }
        self.motion_buttons = self._radios(
            column, self.tr("Motion"), ((k, motion_text[k]) for k in MOTIONS)
        )
        label = QLabel(self.tr("&Language"))
        set_role(label, "strong")
        column.addSpacing(8)
        column.addWidget(label)
        codes = [c for c in self._language_codes if c != "system"]
        stored = self._settings.language
        if stored != "system" and stored not in codes:
            codes.append(stored)  # keep a language chosen elsewhere (no translation shipped)
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_combo.addItem(
            self.tr("Follow the system ({language})").format(
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
        column.addWidget(self._note(self.tr("A new language shows after a restart.")))

    def _build_sound(self, column: QVBoxLayout) -> None:
        self.sound_note = self._note(
            self.tr(
                "Sound and voice are off at first. Everything they say also shows on the screen."
            )
        )
        self.sound_note.setAccessibleName(self.tr("About sound"))
        column.addWidget(self.sound_note)
        self.sound_check = QCheckBox(self.tr("&Sound at each breathing phase and step"))
        self.sound_check.setAccessibleName(self.tr("Sound cues"))
        self.sound_volume_spin = self._spin(0, 100, self.tr(" %"), 10)
        self.sound_test_button = QPushButton(self.tr("&Play a test sound"))
        self.sound_test_button.setAccessibleName(self.tr("Play a test sound"))
        self.sound_test_button.clicked.connect(self._play_test_sound)
        self.sound_reason = self._note(self._sound_why, role="strong")
        self.sound_reason.setAccessibleName(self.tr("Why sound is off"))
        self.voice_check = QCheckBox(
            self.tr("Spoken &words (\u201cBreathe in\u201d, \u201cRelease\u201d)")
        )
        self.voice_check.setAccessibleName(self.tr("Voice cues"))
        self.voice_volume_spin = self._spin(0, 100, self.tr(" %"), 10)
        self.voice_test_button = QPushButton(self.tr("Sa&y a test phrase"))
        self.voice_test_button.setAccessibleName(self.tr("Say a test phrase"))
        self.voice_test_button.clicked.connect(self._say_test_phrase)
        self.voice_reason = self._note(self._voice_why, role="strong")
        self.voice_reason.setAccessibleName(self.tr("Why the voice is off"))
        for part, (check, spin, button, reason, volume) in enumerate(
            (
                (
                    self.sound_check,
                    self.sound_volume_spin,
                    self.sound_test_button,
                    self.sound_reason,
                    self.tr("Sound &volume"),
                ),
                (
                    self.voice_check,
                    self.voice_volume_spin,
                    self.voice_test_button,
                    self.voice_reason,
                    self.tr("Voice v&olume"),
                ),
            )
        ):
            if part:
                column.addSpacing(12)
            column.addWidget(check)
            reason.setVisible(bool(reason.text()))
            column.addWidget(reason)
            form = self._form()
            self._row(form, volume, spin)
            column.addLayout(form)
            button.setAutoDefault(False)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            column.addLayout(row)
        self.sound_check.toggled.connect(self._follow_toggles)
        self.voice_check.toggled.connect(self._follow_toggles)

    def _build_reminders(self, column: QVBoxLayout) -> None:
        self.reminders_check = QCheckBox(self.tr("&Remind me to do my exercises"))
        self.reminders_check.setAccessibleName(self.tr("Reminders"))
        self.reminders_check.toggled.connect(self._follow_toggles)
        column.addWidget(self.reminders_check)
        form = self._form()
        self.reminder_time_edit = QTimeEdit()
        self.reminder_time_edit.setDisplayFormat("HH:mm")
        self._row(form, self.tr("&At"), self.reminder_time_edit, self.tr("Reminder time"))
        column.addLayout(form)
        label = QLabel(self.tr("On these days"))
        column.addWidget(label)
        days = QGridLayout()
        days.setHorizontalSpacing(8)
        days.setVerticalSpacing(4)
        locale = self.locale()
        self.day_checks: dict[int, QCheckBox] = {}
        for day in range(1, 8):
            box = QCheckBox(locale.dayName(day, QLocale.FormatType.ShortFormat))
            box.setAccessibleName(locale.dayName(day, QLocale.FormatType.LongFormat))
            self.day_checks[day] = box
            days.addWidget(box, (day - 1) // 4, (day - 1) % 4)
        column.addLayout(days)
        self._days_label = label
        self.tray_check = QCheckBox(self.tr("Keep running in the &tray when the window closes"))
        self.tray_check.setAccessibleName(self.tr("Keep running in the tray"))
        column.addWidget(self.tray_check)
        if self._tray_problem:
            column.addWidget(self._note(self._tray_problem))

    def _build_you(self, column: QVBoxLayout) -> None:
        label = QLabel(self.tr("Your &name"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("Optional"))
        label.setBuddy(self.name_edit)
        column.addWidget(label)
        column.addWidget(self.name_edit)
        column.addWidget(
            self._note(
                self.tr(
                    "Printed at the top of the weekly summary, so your clinician knows whose "
                    "it is. It stays on this computer."
                )
            )
        )

    def _build_data(self, column: QVBoxLayout) -> None:
        label = QLabel(self.tr("Your exercise history is kept in this folder:"))
        label.setWordWrap(True)
        self.data_folder_edit = QLineEdit(self._data_folder or self.tr("(not known)"))
        self.data_folder_edit.setReadOnly(True)
        self.data_folder_edit.setAccessibleName(self.tr("Data folder"))
        self.data_folder_edit.setToolTip(self._data_folder)
        self.data_folder_edit.setCursorPosition(0)
        label.setBuddy(self.data_folder_edit)
        column.addWidget(label)
        column.addWidget(self.data_folder_edit)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.open_folder_button = QPushButton(self.tr("O&pen data folder"))
        self.open_folder_button.setAccessibleName(self.tr("Open data folder"))
        self.open_folder_button.setAutoDefault(False)
        self.open_folder_button.setEnabled(
            bool(self._data_folder) or self._open_data_folder is not None
        )
        self.open_folder_button.clicked.connect(self._open_folder)
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.setAccessibleName(self.tr("Back up now"))
        self.backup_button.setAutoDefault(False)
        self.backup_button.setEnabled(self._backup_now is not None)
        self.backup_button.clicked.connect(self._back_up)
        row.addWidget(self.open_folder_button)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        column.addLayout(row)
        self.data_message = self._note("", role="strong")
        self.data_message.setAccessibleName(self.tr("Result"))
        self.data_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.data_message)
        column.addWidget(
            self._note(
                self.tr(
                    "A backup is also made once a day and before every update. "
                    "The last 7 daily and 4 weekly backups are kept."
                )
            )
        )

    # -- behaviour ---------------------------------------------------------------------------

    @staticmethod
    def _checked(buttons: dict[str, QRadioButton]) -> str:
        return next(k for k, b in buttons.items() if b.isChecked())

    def _preset(self) -> str:
        return self._checked(self.preset_buttons)

    def _custom_cadence(self) -> Cadence:
        base = self._custom or Cadence(
            *(Settings.default(f) for f in _CUSTOM_FIELDS), breaths=self.breaths_spin.value()
        )
        return base

    def _shown_cadence(self) -> Cadence:
        preset = self._preset()
        c = self._custom_cadence() if preset == "custom" else PRESETS[preset]
        return Cadence(c.inhale, c.hold_in, c.exhale, c.hold_out, self.breaths_spin.value())

    def _on_preset(self, _checked: bool = True) -> None:
        custom = self._preset() == "custom"
        shown = self._custom_cadence() if custom else PRESETS[self._preset()]
        for field, spin in self.custom_spins.items():
            spin.blockSignals(True)
            spin.setValue(getattr(shown, field))
            spin.blockSignals(False)
            self._steppers[spin].setEnabled(custom)
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
        locale = self.locale()
        per_minute = locale.toString(round(60.0 / c.breath_s, 1), "g", 3)
        total = round(c.total_s)
        minutes, seconds = divmod(total, 60)
        duration = (
            self.tr("{m} min {s} s").format(m=minutes, s=seconds)
            if minutes
            else self.tr("{s} s").format(s=seconds)
        )
        self.rate_label.setText(
            self.tr("{rate} breaths a minute; {n} breaths take {duration}.").format(
                rate=per_minute, n=c.breaths, duration=duration
            )
        )

    def _follow_toggles(self, _checked: bool = True) -> None:
        self.sound_check.setEnabled(self._sound_ok)
        self._steppers[self.sound_volume_spin].setEnabled(
            self._sound_ok and self.sound_check.isChecked()
        )
        self.voice_check.setEnabled(self._voice_ok)
        self._steppers[self.voice_volume_spin].setEnabled(
            self._voice_ok and self.voice_check.isChecked()
        )
        self.sound_test_button.setEnabled(self._sound_ok)
        self.voice_test_button.setEnabled(self._voice_ok)
        on = self.reminders_check.isChecked()
        self._steppers[self.reminder_time_edit].setEnabled(on)
        self._days_label.setEnabled(on)
        for box in self.day_checks.values():
            box.setEnabled(on)
        self.tray_check.setEnabled(on and not self._tray_problem)

    @staticmethod
    def _language_name(code: str) -> str:
        """The language in its own words: "Deutsch", "English" (not "American English")."""
        from backcompanion.ui.language import language_name

        return language_name(code)

    def _system_language(self) -> str:
        """The language "Follow the system" gives: the system's, when there is a translation."""
        from backcompanion.ui import language

        return language.choose("system")

    def _set_language(self, code: str) -> None:
        index = self.language_combo.findData(code)
        self.language_combo.setCurrentIndex(max(index, 0))

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

    def _open_folder(self) -> None:
        if self._open_data_folder is not None:
            result = self._open_data_folder()
            ok = result is not False
        else:
            ok = QDesktopServices.openUrl(QUrl.fromLocalFile(self._data_folder))
        self.data_message.setText("" if ok else self.tr("The folder could not be opened."))

    def _back_up(self) -> None:
        if self._backup_now is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            message = self._backup_now()
        except Exception as error:  # the caller should return a message; never lose the dialog
            log.exception("backup from the settings dialog failed")
            message = self.tr("The backup failed: {error}").format(error=error)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.data_message.setText(str(message))

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
