"""The typed settings over QSettings, and the settings dialog (real widgets, a temp INI file)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
)

from backcompanion.session.plan import PRESETS, Cadence
from backcompanion.ui.dialogs.settings import PAGES, SettingsDialog, Stepper
from backcompanion.ui.settings_model import PRESET_NAMES, Settings
from backcompanion.ui.theme import DARK, LIGHT, apply_theme, settings_style_sheet

# a value for every setting that differs from its default
CHANGED = {
    "breathing_preset": "custom",
    "inhale": 5.5,
    "hold_in": 2.0,
    "exhale": 8.0,
    "hold_out": 1.5,
    "breaths": 12,
    "get_ready_s": 10,
    "release_s": 6,
    "fullscreen_on_start": True,
    "keep_screen_awake": False,
    "leg_symptoms": True,
    "theme": "dark",
    "motion": "reduced",
    "language": "pt_BR",
    "sound_cues": True,
    "sound_volume": 35,
    "voice_cues": True,
    "voice_volume": 45,
    "reminders_enabled": True,
    "reminder_time": dt.time(7, 30),
    "reminder_days": frozenset({1, 3, 5}),
    "reminders_keep_in_tray": True,
    "person_name": "Ana Souza, née Lima",
    "window_geometry": b"\x00\x01geometry\xff",
    "window_state": b"\x00state",
    "last_export_folder": "/home/ana/Documents/Back, weekly",
    "first_start_done": True,
}

# what the dialog shows and writes (window bytes, export folder and first start are not in it)
DIALOG_NAMES = tuple(
    n
    for n in Settings.NAMES
    if n not in ("window_geometry", "window_state", "last_export_folder", "first_start_done")
)

GARBAGE_INI = """\
[breathing]
preset=fast
inhale=abc
hold_in=nan
exhale=99
breaths=4.5
[session]
get_ready_s=true
release_s=@ByteArray(x)
keep_screen_awake=maybe
fullscreen_on_start=2
[look]
theme=purple
motion=
language=en_GB!
[sound]
volume=-5
voice_volume=1e9
[reminders]
time=25:99
days=mon, funday
[you]
name=line one\\nline two
[window]
geometry=hello
"""
GARBAGE_KEYS = (
    "breathing/preset",
    "breathing/inhale",
    "breathing/hold_in",
    "breathing/exhale",
    "breathing/breaths",
    "session/get_ready_s",
    "session/release_s",
    "session/keep_screen_awake",
    "session/fullscreen_on_start",
    "look/theme",
    "look/motion",
    "look/language",
    "sound/volume",
    "sound/voice_volume",
    "reminders/time",
    "reminders/days",
    "window/geometry",
)


@pytest.fixture(autouse=True)
def flush_deleted_widgets(qapp):
    """Delete the widgets earlier tests closed (qtbot only calls deleteLater on them).

    Without an event loop between tests they pile up, and every apply_theme()
    then re-polishes all of them: a test here would take a second instead of 50 ms.
    """
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def ini(tmp_path):
    return tmp_path / "settings.ini"


def make(path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.fixture
def settings(ini) -> Settings:
    return make(ini)


@pytest.fixture
def calls():
    return []


@pytest.fixture
def dialog(qtbot, light, settings, calls, tmp_path) -> SettingsDialog:
    def backup_now() -> str:
        calls.append("backup")
        return "Backed up to backup-2025-03-01.sqlite3"

    def open_data_folder() -> bool:
        calls.append("open")
        return True

    d = SettingsDialog(
        settings,
        data_folder=tmp_path / "data",
        open_data_folder=open_data_folder,
        backup_now=backup_now,
        sound_available=True,
        voice_available=True,
        languages=("en", "de"),
    )
    qtbot.addWidget(d)
    return d


# -- the settings model --------------------------------------------------------------------


def test_defaults_on_an_empty_file(settings):
    for name in Settings.NAMES:
        assert settings.get(name) == Settings.default(name) == getattr(settings, name), name
    assert settings.problems == []
    assert settings.breathing_preset == "relaxed"
    assert (settings.get_ready_s, settings.release_s) == (5, 3)
    assert settings.theme == settings.motion == settings.language == "system"
    assert not settings.sound_cues and settings.sound_volume == 60
    assert settings.keep_screen_awake and not settings.fullscreen_on_start
    assert not settings.reminders_enabled
    assert settings.reminder_time == dt.time(18, 0)
    assert settings.reminder_days == frozenset(range(1, 8))
    assert settings.person_name == "" and settings.window_geometry == b""
    assert not settings.first_start_done
    assert settings.cadence() == PRESETS["relaxed"] == Cadence()
    assert set(Settings.KEYS) == set(Settings.NAMES) == set(CHANGED)


def test_garbage_ini_gives_defaults_and_one_problem_per_key(ini):
    ini.write_text(GARBAGE_INI, encoding="utf-8")
    settings = make(ini)  # never raises
    for name in Settings.NAMES:
        assert getattr(settings, name) == Settings.default(name), name
    problems = settings.problems
    for key in GARBAGE_KEYS:
        assert sum(key in p for p in problems) == 1, (key, problems)
    assert any("you/name" in p for p in problems)  # QSettings reads \n as a line break
    assert all(p.startswith("settings: ") for p in problems)
    assert "settings: breathing/inhale = 'abc' is not a number; using 4" in problems
    assert any("breathing/preset = 'fast'" in p and "using relaxed" in p for p in problems)
    assert any("reminders/time = '25:99'" in p and "using 18:00" in p for p in problems)
    assert any("'funday'" in p for p in problems)
    # reading again reports nothing new; the file is left as the user wrote it
    for name in Settings.NAMES:
        getattr(settings, name)
    assert settings.problems == problems
    assert settings.cadence() == PRESETS["relaxed"]
    assert "inhale=abc" in ini.read_text(encoding="utf-8")


def test_take_problems_hands_each_problem_over_once(ini):
    ini.write_text("[look]\ntheme=purple\n", encoding="utf-8")
    settings = make(ini)
    assert len(settings.take_problems()) == 1
    assert settings.theme == "system"
    assert settings.take_problems() == []
    settings.theme = "dark"  # a valid write replaces the bad value
    assert settings.theme == "dark" and settings.problems == []


def test_an_unreadable_file_is_a_problem_not_an_error(ini):
    ini.write_bytes(b"[session\nget_ready_s=7\n\x00\xff[[[\n")
    settings = make(ini)
    assert settings.get_ready_s in (5, 7)  # whatever Qt could salvage, never an exception
    assert any("could not be read" in p for p in settings.problems)


def test_values_from_a_registry_or_plist_backend_are_accepted(settings):
    # other backends (and QSettings' in-process cache) give typed values, not strings
    raw = settings._q
    raw.setValue("session/get_ready_s", 12)
    raw.setValue("session/keep_screen_awake", False)
    raw.setValue("breathing/inhale", 6)
    raw.setValue("sound/cues", 1)
    raw.setValue("reminders/days", ["sat", "Sunday"])
    assert settings.get_ready_s == 12 and settings.keep_screen_awake is False
    assert settings.inhale == 6.0 and settings.sound_cues is True
    assert settings.reminder_days == frozenset({6, 7})
    assert settings.problems == []


def test_round_trip_of_every_value(ini, qtbot):
    settings = make(ini)
    seen = []
    settings.changed.connect(seen.append)
    for name, value in CHANGED.items():
        setattr(settings, name, value)
    assert seen == list(CHANGED)
    assert settings.sync()
    text = ini.read_text(encoding="utf-8")
    assert "time=07:30" in text and 'days="mon,wed,fri"' in text
    again = make(ini)
    for name, value in CHANGED.items():
        assert getattr(again, name) == value, name
    assert again.problems == []
    assert again.cadence() == Cadence(5.5, 2.0, 8.0, 1.5, 12)


def test_round_trip_through_a_fresh_file_read(ini, tmp_path):
    """What Qt writes reads back from the text alone (not only through its in-process cache)."""
    settings = make(ini)
    settings.update(CHANGED)
    settings.sync()
    copy = tmp_path / "copy.ini"
    copy.write_bytes(ini.read_bytes())
    again = make(copy)
    for name, value in CHANGED.items():
        assert getattr(again, name) == value, name
    assert again.problems == []


def test_changed_is_emitted_only_for_a_real_change(settings):
    seen = []
    settings.changed.connect(seen.append)
    settings.theme = "system"  # the default: no change
    settings.get_ready_s = 5
    assert seen == []
    settings.get_ready_s = 8
    settings.set("theme", "light")
    settings.reset("get_ready_s")
    assert seen == ["get_ready_s", "theme", "get_ready_s"]
    assert settings.get_ready_s == 5


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("breathing_preset", "fast"),
        ("inhale", 1.5),
        ("inhale", "4"),
        ("inhale", float("nan")),
        ("exhale", 12.5),
        ("hold_in", -1),
        ("breaths", 2),
        ("breaths", 10.5),
        ("breaths", True),
        ("get_ready_s", 31),
        ("release_s", 1),
        ("sound_volume", 101),
        ("keep_screen_awake", 1),
        ("theme", "blue"),
        ("motion", None),
        ("language", "English!"),
        ("reminder_time", "25:00"),
        ("reminder_time", dt.time(18, 0, 30)),
        ("reminder_days", {0, 1}),
        ("reminder_days", "mon"),
        ("person_name", "x" * 81),
        ("person_name", "two\nlines"),
        ("window_geometry", "not bytes"),
        ("first_start_done", "yes"),
    ],
)
def test_a_setter_refuses_an_invalid_value(settings, name, value):
    with pytest.raises(ValueError):
        setattr(settings, name, value)
    assert settings.get(name) == Settings.default(name)


def test_update_writes_nothing_when_one_value_is_invalid(settings):
    with pytest.raises(ValueError):
        settings.update({"theme": "dark", "get_ready_s": 99})
    assert settings.theme == "system"


def test_unknown_names_are_a_key_error(settings):
    with pytest.raises(KeyError):
        settings.get("colour")
    with pytest.raises(KeyError):
        Settings.default("changed")


@pytest.mark.parametrize("preset", [p for p in PRESET_NAMES if p != "custom"])
def test_cadence_of_each_preset(settings, preset):
    settings.breathing_preset = preset
    assert settings.cadence() == PRESETS[preset]
    settings.breaths = 20  # the number of breaths applies to every pattern
    assert settings.cadence() == replace(PRESETS[preset], breaths=20)


def test_cadence_custom(settings):
    settings.set_cadence("custom", Cadence(3, 1, 9, 2, breaths=8))
    assert settings.cadence() == Cadence(3, 1, 9, 2, 8)
    settings.set_cadence("box")  # the custom numbers stay for next time
    assert settings.cadence() == replace(PRESETS["box"], breaths=8)
    settings.breathing_preset = "custom"
    assert settings.cadence() == Cadence(3, 1, 9, 2, 8)


def test_custom_limits_follow_cadence_limits(settings):
    for name, (lo, hi) in Cadence.LIMITS.items():
        setattr(settings, name, lo)
        setattr(settings, name, hi)
        with pytest.raises(ValueError):
            setattr(settings, name, hi + 1)
        with pytest.raises(ValueError):
            setattr(settings, name, lo - 1)


def test_window_geometry_helpers(qtbot, settings, ini):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(640, 480)
    settings.save_window(window)
    assert settings.window_geometry and settings.window_state
    other = QMainWindow()
    qtbot.addWidget(other)
    assert make(ini).restore_window(other)
    assert other.size().toTuple() == (640, 480)


def test_unusable_window_bytes_are_a_problem(qtbot, settings):
    settings.window_geometry = b"not a geometry"
    window = QMainWindow()
    qtbot.addWidget(window)
    assert not settings.restore_window(window)
    assert any("window/geometry" in p for p in settings.problems)


# -- the dialog ------------------------------------------------------------------------------


def test_dialog_shows_the_current_values(qtbot, light, settings):
    settings.update({k: v for k, v in CHANGED.items()})
    d = SettingsDialog(settings, sound_available=True, voice_available=True)
    qtbot.addWidget(d)
    assert {n: d.values()[n] for n in DIALOG_NAMES} == {n: CHANGED[n] for n in DIALOG_NAMES}
    assert d.parts["breathing"].preset_buttons["custom"].isChecked()
    assert d.parts["breathing"].custom_spins["inhale"].value() == 5.5
    assert d.parts["reminders"].reminder_time_edit.time().toString("HH:mm") == "07:30"
    assert [d.parts["reminders"].day_checks[n].isChecked() for n in range(1, 8)] == [
        1,
        0,
        1,
        0,
        1,
        0,
        0,
    ]
    assert (
        d.parts["look"].language_combo.currentData() == "pt_BR"
    )  # kept though no translation is offered


def test_ok_writes_every_value(dialog, settings, ini, qtbot):
    d = dialog
    d.parts["breathing"].preset_buttons["custom"].click()
    d.parts["breathing"].custom_spins["inhale"].setValue(5)
    d.parts["breathing"].custom_spins["hold_in"].setValue(2)
    d.parts["breathing"].custom_spins["exhale"].setValue(9)
    d.parts["breathing"].custom_spins["hold_out"].setValue(1)
    d.parts["breathing"].breaths_spin.setValue(15)
    d.parts["session"].get_ready_spin.setValue(12)
    d.parts["session"].release_spin.setValue(4)
    d.parts["session"].fullscreen_check.click()
    d.parts["session"].awake_check.click()
    d.parts["look"].theme_buttons["dark"].click()
    d.parts["look"].motion_buttons["reduced"].click()
    d.parts["look"].language_combo.setCurrentIndex(d.parts["look"].language_combo.findData("de"))
    d.parts["sound"].sound_check.click()
    d.parts["sound"].sound_volume_spin.setValue(30)
    d.parts["sound"].voice_check.click()
    d.parts["sound"].voice_volume_spin.setValue(90)
    d.parts["reminders"].reminders_check.click()
    d.parts["reminders"].reminder_time_edit.setTime(QTime(7, 45))
    d.parts["reminders"].day_checks[2].click()
    d.parts["reminders"].day_checks[7].click()
    d.parts["you"].name_edit.setText("  Sam Lee  ")
    seen = []
    settings.changed.connect(seen.append)
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.result() == QDialog.DialogCode.Accepted
    expected = {
        "breathing_preset": "custom",
        "inhale": 5.0,
        "hold_in": 2.0,
        "exhale": 9.0,
        "hold_out": 1.0,
        "breaths": 15,
        "get_ready_s": 12,
        "release_s": 4,
        "fullscreen_on_start": True,
        "keep_screen_awake": False,
        "theme": "dark",
        "motion": "reduced",
        "language": "de",
        "sound_cues": True,
        "sound_volume": 30,
        "voice_cues": True,
        "voice_volume": 90,
        "reminders_enabled": True,
        "reminder_time": dt.time(7, 45),
        "reminder_days": frozenset({1, 3, 4, 5, 6}),
        "person_name": "Sam Lee",
    }
    assert set(seen) == set(expected)
    again = make(ini)
    for name, value in expected.items():
        assert getattr(again, name) == value, name
    assert again.cadence() == Cadence(5, 2, 9, 1, 15)


def test_cancel_changes_nothing(dialog, settings, ini, qtbot):
    before = {n: settings.get(n) for n in Settings.NAMES}
    text_before = ini.read_bytes() if ini.exists() else b""
    dialog.parts["look"].theme_buttons["dark"].click()
    dialog.parts["session"].get_ready_spin.setValue(20)
    dialog.parts["you"].name_edit.setText("Someone")
    dialog.restore_defaults()
    seen = []
    settings.changed.connect(seen.append)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert seen == []
    assert {n: settings.get(n) for n in Settings.NAMES} == before
    assert (ini.read_bytes() if ini.exists() else b"") == text_before


def test_restore_defaults_resets_the_controls_but_keeps_the_name(qtbot, light, settings):
    settings.update(CHANGED)
    d = SettingsDialog(settings, sound_available=True, voice_available=True)
    qtbot.addWidget(d)
    qtbot.mouseClick(d.defaults_button, Qt.MouseButton.LeftButton)
    shown = d.values()
    for name in DIALOG_NAMES:
        if name != "person_name":
            assert shown[name] == Settings.default(name), name
    assert shown["person_name"] == CHANGED["person_name"]
    assert settings.theme == "dark"  # nothing written until OK
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert settings.theme == "system" and settings.cadence() == PRESETS["relaxed"]
    assert settings.person_name == CHANGED["person_name"]


def test_custom_spin_boxes_are_limited_to_cadence_limits(dialog):
    for name, spin in dialog.parts["breathing"].custom_spins.items():
        lo, hi = Cadence.LIMITS[name]
        assert (spin.minimum(), spin.maximum()) == (lo, hi), name
    lo, hi = Cadence.LIMITS["breaths"]
    assert (
        dialog.parts["breathing"].breaths_spin.minimum(),
        dialog.parts["breathing"].breaths_spin.maximum(),
    ) == (lo, hi)
    dialog.parts["breathing"].preset_buttons["custom"].click()
    spin = dialog.parts["breathing"].custom_spins["exhale"]
    spin.setValue(99)
    assert spin.value() == Cadence.LIMITS["exhale"][1]
    stepper = spin.parentWidget()
    assert isinstance(stepper, Stepper) and not stepper.more.isEnabled()
    stepper.less.click()
    assert spin.value() == Cadence.LIMITS["exhale"][1] - 0.5
    assert stepper.more.isEnabled()


def test_presets_show_their_numbers_and_keep_the_custom_ones(dialog):
    d = dialog
    assert d.parts["breathing"].preset_buttons["relaxed"].isChecked()
    assert "(default)" in d.parts["breathing"].preset_buttons["relaxed"].text()
    assert "4-6" in d.parts["breathing"].preset_buttons["relaxed"].text()
    assert "4-0-7-0" in d.parts["breathing"].preset_buttons["extended_exhale"].text()
    assert "4-4-4-4" in d.parts["breathing"].preset_buttons["box"].text()
    assert not any(s.isEnabled() for s in d.parts["breathing"].custom_spins.values())
    assert "6 breaths a minute" in d.parts["breathing"].rate_label.text()
    d.parts["breathing"].preset_buttons["box"].click()
    assert [s.value() for s in d.parts["breathing"].custom_spins.values()] == [4, 4, 4, 4]
    assert "3.8 breaths a minute" in d.parts["breathing"].rate_label.text()
    d.parts["breathing"].preset_buttons["custom"].click()
    assert all(s.isEnabled() for s in d.parts["breathing"].custom_spins.values())
    d.parts["breathing"].custom_spins["inhale"].setValue(6)
    d.parts["breathing"].custom_spins["exhale"].setValue(9)
    assert "4 breaths a minute" in d.parts["breathing"].rate_label.text()
    assert "2 min 30 s" in d.parts["breathing"].rate_label.text()
    d.parts["breathing"].preset_buttons["relaxed"].click()
    assert d.parts["breathing"].custom_spins["inhale"].value() == 4
    d.parts["breathing"].preset_buttons["custom"].click()
    assert (
        d.parts["breathing"].custom_spins["inhale"].value(),
        d.parts["breathing"].custom_spins["exhale"].value(),
    ) == (6, 9)
    assert d.values()["breathing_preset"] == "custom"


def test_backup_button_calls_the_callable_and_shows_its_message(dialog, calls, qtbot):
    dialog.show_page("data")
    assert dialog.pages.currentIndex() == PAGES.index("data")
    qtbot.mouseClick(dialog.parts["data"].backup_button, Qt.MouseButton.LeftButton)
    assert calls == ["backup"]
    assert dialog.parts["data"].data_message.text() == "Backed up to backup-2025-03-01.sqlite3"
    qtbot.mouseClick(dialog.parts["data"].open_folder_button, Qt.MouseButton.LeftButton)
    assert calls == ["backup", "open"]
    assert dialog.parts["data"].data_folder_edit.isReadOnly()
    assert dialog.parts["data"].data_folder_edit.text().endswith("data")


def test_a_failing_backup_shows_a_message_and_keeps_the_dialog(qtbot, light, settings, caplog):
    def broken() -> str:
        raise OSError("disk full")

    d = SettingsDialog(settings, backup_now=broken, sound_available=True, voice_available=True)
    qtbot.addWidget(d)
    with caplog.at_level(logging.CRITICAL, logger="backcompanion.ui.dialogs.settings.data"):
        d.parts["data"].backup_button.click()
    assert "disk full" in d.parts["data"].data_message.text()
    assert QApplication.overrideCursor() is None


def test_without_callables_the_data_buttons_are_disabled(qtbot, light, settings):
    d = SettingsDialog(settings)
    qtbot.addWidget(d)
    assert not d.parts["data"].backup_button.isEnabled()
    assert not d.parts["data"].open_folder_button.isEnabled()


def test_sound_controls_explain_the_missing_add_on(qtbot, light, settings):
    settings.sound_cues = True
    d = SettingsDialog(settings, sound_available=False, voice_available=False)
    qtbot.addWidget(d)
    assert (
        not d.parts["sound"].sound_check.isEnabled()
        and not d.parts["sound"].voice_check.isEnabled()
    )
    assert not d.parts["sound"].sound_volume_spin.isEnabled()
    assert (
        not d.parts["sound"].sound_test_button.isEnabled()
        and not d.parts["sound"].voice_test_button.isEnabled()
    )
    for reason in (d.parts["sound"].sound_reason, d.parts["sound"].voice_reason):
        assert "backcompanion[sound]" in reason.text() and not reason.isHidden()
    assert d.values()["sound_cues"] is True  # a choice made elsewhere is kept, not erased


def test_sound_controls_work_when_the_add_on_is_there(dialog):
    assert (
        dialog.parts["sound"].sound_check.isEnabled()
        and dialog.parts["sound"].sound_reason.isHidden()
    )
    assert (
        dialog.parts["sound"].sound_test_button.isEnabled()
        and dialog.parts["sound"].voice_test_button.isEnabled()
    )
    assert not dialog.parts["sound"].sound_volume_spin.isEnabled()  # sound is off
    dialog.parts["sound"].sound_check.click()
    assert dialog.parts["sound"].sound_volume_spin.isEnabled()


def test_reminder_controls_follow_the_switch(dialog):
    assert not dialog.parts["reminders"].reminder_time_edit.isEnabled()
    dialog.parts["reminders"].reminders_check.click()
    assert dialog.parts["reminders"].reminder_time_edit.isEnabled()
    stepper = dialog.parts["reminders"].reminder_time_edit.parentWidget()
    stepper.more.click()
    assert dialog.values()["reminder_time"] == dt.time(18, 15)


def test_every_control_has_an_accessible_name(dialog):
    controls = [
        w
        for w in dialog.findChildren(QAbstractButton)
        + dialog.findChildren(QAbstractSpinBox)
        + dialog.findChildren(QLineEdit)
        if not isinstance(w.parentWidget(), QAbstractSpinBox)  # a spin box's own line edit
    ]
    assert len(controls) > 30
    missing = [f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''}" for w in controls]
    missing = [m for w, m in zip(controls, missing, strict=True) if not w.accessibleName()]
    assert missing == []
    assert dialog.sections.count() == len(PAGES)


def test_sections_switch_pages(dialog, qtbot):
    qtbot.keyClick(dialog.sections, Qt.Key.Key_Down)
    assert dialog.pages.currentIndex() == 1
    for name in PAGES:
        dialog.show_page(name)
        assert dialog.sections.currentRow() == PAGES.index(name)


def test_the_dialog_restyles_when_the_theme_changes(dialog, qapp):
    assert LIGHT.card in dialog.styleSheet()
    try:
        apply_theme(qapp, DARK)
        QCoreApplication.sendPostedEvents(dialog)
        assert DARK.card in dialog.styleSheet()
    finally:
        apply_theme(qapp, LIGHT)
        QCoreApplication.sendPostedEvents(dialog)
    assert LIGHT.card in dialog.styleSheet()


def test_ask_can_be_replaced_and_reports_the_answer(qtbot, light, settings, monkeypatch):
    shown = []

    def fake_exec(self) -> int:
        shown.append(self)
        self.parts["look"].theme_buttons["light"].click()
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    assert SettingsDialog.ask(None, settings, sound_available=False) is True
    assert settings.theme == "light" and len(shown) == 1
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert SettingsDialog.ask(None, settings) is False
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # both dialogs


# -- the sections ----------------------------------------------------------------------------


def test_each_setting_is_shown_by_exactly_one_section(dialog):
    assert tuple(dialog.parts) == PAGES
    names = [field.name for part in dialog.parts.values() for field in part.fields()]
    assert sorted(names) == sorted(DIALOG_NAMES)  # once each: no setting in two sections
    assert list(dialog.values()) == names


def test_a_section_shows_and_reads_its_own_values(qtbot, light, settings):
    settings.update(CHANGED)
    d = SettingsDialog(settings, sound_available=True, voice_available=True)
    qtbot.addWidget(d)
    d.restore_defaults()
    for name, part in d.parts.items():
        own = {field.name for field in part.fields()}
        part.load(CHANGED)
        assert part.values() == {n: CHANGED[n] for n in own}, name
    assert d.values() == {n: CHANGED[n] for n in DIALOG_NAMES}


def test_the_controls_are_reachable_from_the_dialog(dialog):
    assert dialog.parts["sound"].sound_check is dialog.parts["sound"].sound_check
    assert dialog.parts["breathing"].preset_buttons is dialog.parts["breathing"].preset_buttons
    with pytest.raises(AttributeError):
        dialog.no_such_control  # noqa: B018
    with pytest.raises(AttributeError):
        dialog._custom  # a section's private state stays its own  # noqa: B018


def test_without_a_tray_the_tray_choice_is_off_and_explained(qtbot, light, settings):
    settings.reminders_enabled = True
    d = SettingsDialog(settings, sound_available=True, tray_problem="No tray on this desktop")
    qtbot.addWidget(d)
    assert (
        d.parts["reminders"].reminder_time_edit.isEnabled()
        and not d.parts["reminders"].tray_check.isEnabled()
    )
    page = d.pages.widget(PAGES.index("reminders"))
    assert "No tray on this desktop" in [label.text() for label in page.findChildren(QLabel)]
    told = SettingsDialog(settings, sound_available=True)  # not told: the tray is there
    qtbot.addWidget(told)
    assert told.parts["reminders"].tray_check.isEnabled()


def test_the_dialog_sheet_comes_from_the_theme(dialog):
    assert dialog.styleSheet() == settings_style_sheet(LIGHT, QApplication.font())
    dark = settings_style_sheet(DARK, QApplication.font())
    assert DARK.card in dark and LIGHT.card not in dark
