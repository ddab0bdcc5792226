"""Issue 14's screens in Spanish: the real window under the Spanish catalog, driven by keys.

The English walk is in test_main_window.py; here the same steps must show the
Spanish words: "anything new today?", the emergency and urgent instructions,
the see-a-clinician page and its clearance, the flare-up day, "this hurts".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from backcompanion.companion import Companion
from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import State
from backcompanion.session.rules import load_rules
from backcompanion.ui import language
from backcompanion.ui.settings_model import Settings
from backcompanion.ui.window.main_window import MainWindow


@pytest.fixture
def spanish_window(qtbot, qapp, tmp_path, light):
    installed = language.install("es", qapp)
    program = builtin_program()  # the names in Spanish
    store = Store.open(tmp_path / "data", phases={e.id: e.phase.value for e in program.exercises})
    companion = Companion(program, load_rules(), store)
    companion.record_red_flags(())
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.first_start_done = True
    settings.get_ready_s, settings.release_s = 3, 2
    clock = FakeClock()
    window = MainWindow(companion, settings, clock=clock)
    qtbot.addWidget(window)
    yield window, clock
    window.bridge.detach()
    store.close()
    installed.remove()


def _texts(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.text())


def test_an_emergency_sign_in_spanish(spanish_window, qtbot):
    window, _ = spanish_window
    window.start_session()
    assert window.current_page() == "daily_check"
    assert "¿Nada nuevo? Pulsa Intro." in _texts(window.daily_check)
    qtbot.keyClick(window.daily_check, Qt.Key.Key_1)
    qtbot.keyClick(window.daily_check, Qt.Key.Key_Return)
    assert window.current_page() == "emergency"
    assert window.emergency.instruction.text() == (
        "Para. Llama a tu número local de emergencias o ve a urgencias de un hospital ahora."
    )
    assert "emergency" not in _texts(window.emergency).lower()


def test_an_urgent_sign_and_its_clearance_in_spanish(spanish_window, qtbot):
    window, _ = spanish_window
    window.start_session()
    qtbot.keyClick(window.daily_check, Qt.Key.Key_7)  # a fall or injury
    qtbot.keyClick(window.daily_check, Qt.Key.Key_Return)
    assert window.current_page() == "urgent"
    assert window.urgent.instruction.text().startswith("Habla hoy con un médico")
    qtbot.mouseClick(window.urgent.cleared_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "clinician" and window.clinician.is_confirming()
    page_text = _texts(window.clinician)
    assert "clinician" not in page_text.lower() and "doctor" not in page_text.lower()
    window.clinician.who_edit.setText("Servicio de guardia")
    assert window.clinician.confirm()
    assert window.current_page() == "home" and window.home.start_button.isEnabled()


def test_a_flare_up_day_in_spanish(spanish_window, qtbot):
    window, clock = spanish_window
    window.start_session()
    assert window.safety.nothing_new()
    qtbot.keyClick(window.check_in, Qt.Key.Key_8)
    qtbot.keyClick(window.check_in, Qt.Key.Key_Return)
    assert window.current_page() == "breathing"
    clock.advance(1.5)
    window.bridge.engine.update()
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert window.current_page() == "flare_up"
    assert window.flare_up.today.text() == (
        "Hoy tu dolor es de 8 sobre 10: solo la respiración, sin ejercicios."
    )
    assert "pain" not in _texts(window.flare_up).lower()
    qtbot.keyClick(window.flare_up, Qt.Key.Key_Return)
    assert window.bridge.engine.state is State.CHECK_IN_AFTER
