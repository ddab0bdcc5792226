"""Dialogs shown during a session: the safe answer is the default and has the focus.

A person on the floor presses the README's keys: Space (carry on), Enter, Esc.
In every question asked during a session those keys keep the session going; the
answer that ends something needs its own letter or a deliberate Tab. Each dialog
is opened the way a person opens it (Esc, Ctrl+Q, H, closing with records unsaved)
and answered by a key pressed on whatever has the focus in it.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from window_helpers import Windows, advance, advance_until, answer_next_dialog, on_dialog, open_gate

from backcompanion.session.engine import Event, State, Step

SAFE_KEYS = [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape]
SAFE_IDS = ["Space", "Return", "Enter", "Esc"]
# a message box shown on the offscreen platform says it cannot pass its size hints on
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def windows(qtbot, tmp_path, light):
    made = Windows(qtbot, tmp_path)
    yield made
    made.close()


def in_session(windows: Windows, shown: bool = False):
    """A window with a session in its breathing, past the first second."""
    window, clock = windows.make(shown=shown)
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(Event.CHECK_IN, rating=3)
    advance(window, clock, 1.5)
    assert window.bridge.engine.state is State.BREATHING
    return window, clock


def quit_action(window) -> QAction:
    ctrl_q = QKeySequence("Ctrl+Q")
    (action,) = [a for a in window.findChildren(QAction) if ctrl_q in a.shortcuts()]
    return action


# ---- "Stop the session?" ------------------------------------------------------------------


@pytest.mark.parametrize("key", SAFE_KEYS, ids=SAFE_IDS)
def test_stop_the_session_carries_on_with_space_enter_and_esc(windows, qtbot, key):
    window, _clock = in_session(windows)
    answer = answer_next_dialog(key)
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # the README: Esc asks to stop
    assert answer.title == "Stop the session?"
    assert answer.focus == answer.default == "Keep going"
    assert answer.closed_by_key
    assert window.bridge.engine.state is State.BREATHING
    assert window.current_page() == "breathing"
    # the page's Stop button asks the same question
    answer = answer_next_dialog(key)
    window.breathing.stop_button.click()
    assert answer.closed_by_key and answer.focus == "Keep going"
    assert window.bridge.engine.state is State.BREATHING


def test_stop_the_session_stops_by_its_own_letter(windows, qtbot):
    window, _clock = in_session(windows)
    answer = answer_next_dialog(Qt.Key.Key_S, settle_ms=500)  # "&Stop session"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert answer.closed_by_key
    assert window.current_page() == "done"
    assert window.companion.store.session_facts()[0].outcome == "stopped"


def test_stop_the_session_stops_after_a_deliberate_tab(windows, qtbot):
    window, _clock = in_session(windows)

    def tab_then_enter(box) -> None:
        QTest.keyClick(box.focusWidget() or box, Qt.Key.Key_Tab)
        assert box.focusWidget().text() == "&Stop session"
        QTest.keyClick(box.focusWidget(), Qt.Key.Key_Return)

    on_dialog(tab_then_enter)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current_page() == "done"


# ---- Ctrl+Q (or closing the window) during a session ---------------------------------------


@pytest.mark.parametrize("key", SAFE_KEYS, ids=SAFE_IDS)
def test_ctrl_q_during_a_session_asks_and_space_enter_or_esc_carry_on(windows, key):
    window, _clock = in_session(windows, shown=True)
    answer = answer_next_dialog(key)
    quit_action(window).trigger()
    assert answer.title == "Quit during the session?"
    assert answer.focus == answer.default == "Keep going"
    assert answer.closed_by_key
    assert window.isVisible()
    assert window.bridge.engine.state is State.BREATHING  # not even paused


def test_ctrl_q_quits_by_its_own_letter_and_keeps_the_session_for_later(windows):
    window, _clock = in_session(windows, shown=True)
    answer = answer_next_dialog(Qt.Key.Key_Q, settle_ms=500)  # "&Quit"
    quit_action(window).trigger()
    assert answer.closed_by_key
    assert not window.isVisible()
    interrupted = window.companion.home_status().interrupted
    assert interrupted is not None  # resumable at the next start


def test_between_sessions_ctrl_q_quits_without_asking(windows):
    window, _clock = windows.make(shown=True)
    quit_action(window).trigger()
    assert not window.isVisible()


# ---- quitting with records still waiting for the disk ----------------------------------------


@pytest.mark.parametrize("key", SAFE_KEYS, ids=SAFE_IDS)
def test_unsaved_records_keep_the_window_open_on_space_enter_or_esc(windows, monkeypatch, key):
    window, _clock = in_session(windows, shown=True)
    store = window.companion.store

    def full(_record):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "record", full)
    window.bridge.send(Event.STOP)  # the records wait in memory now
    assert window.records.pending > 0
    answer = answer_next_dialog(key)
    assert not window.close()
    assert answer.title == "Not everything is saved"
    assert answer.focus == answer.default == "Keep it open"
    assert answer.closed_by_key and window.isVisible()
    answer = answer_next_dialog(Qt.Key.Key_Q, settle_ms=500)  # "&Quit anyway"
    assert window.close()
    assert answer.closed_by_key


# ---- "How much does it hurt?" (H during strengthening) --------------------------------------


def at_a_plank_hold(windows: Windows):
    window, clock = windows.make()
    open_gate(window)
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(Event.CHECK_IN, rating=3)
    advance_until(
        window,
        clock,
        lambda s: s.exercise is not None and s.exercise.id == "plank" and s.step is Step.HOLD,
    )
    advance(window, clock, 1.5)
    return window, clock


def test_how_much_does_it_hurt_space_stops_the_exercise_unrated(windows, qtbot):
    """Space is the default "Stop this exercise": recorded with no number, counted as too
    much, so strengthening ends for this session (issue 14)."""
    window, _clock = at_a_plank_hold(windows)
    answer = answer_next_dialog(Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_H)
    assert answer.title == "How much does it hurt?"
    assert answer.closed_by_key
    snap = window.bridge.engine.snapshot()
    assert snap.state is State.CHECK_IN_AFTER and snap.offer_easier is None


def test_how_much_does_it_hurt_enter_without_a_number_saves_nothing(windows, qtbot):
    window, _clock = at_a_plank_hold(windows)
    answer = answer_next_dialog(Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_H)
    assert not answer.closed_by_key  # nothing chosen: Enter saves nothing (closed after)
    snap = window.bridge.engine.snapshot()  # closed with no number: stopped, unrated
    assert snap.state is State.CHECK_IN_AFTER and snap.offer_easier is None


def test_how_much_does_it_hurt_takes_a_number_then_enter(windows, qtbot):
    window, _clock = at_a_plank_hold(windows)

    def seven_then_enter(box) -> None:
        QTest.keyClick(box.focusWidget() or box, Qt.Key.Key_7)
        QTest.keyClick(box.focusWidget() or box, Qt.Key.Key_Return)

    on_dialog(seven_then_enter)
    qtbot.keyClick(window, Qt.Key.Key_H)
    snap = window.bridge.engine.snapshot()
    assert snap.state is State.CHECK_IN_AFTER and snap.offer_easier is None  # 7 is above 5
