"""A whole session by the README's keys only, through the real main window (fake clock).

Keys go where a keyboard sends them: to the widget that has the focus in the
window on screen. Each key does what the README's table says, and nothing else:
Space never stops a session, Enter never leaves a page by surprise. Also here:
what the home page has focused at the start, the key held back when the session
has just moved on by itself, and the window's title.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window_helpers import Windows, advance, advance_until, answer_next_dialog, on_dialog, open_gate

from backcompanion.session.engine import Event, State, Step

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
K = Qt.Key
# keys a person might hit that the README's table does not list
NOT_IN_THE_README = [
    K.Key_A,
    K.Key_P,
    K.Key_Q,
    K.Key_S,
    K.Key_X,
    K.Key_0,
    K.Key_5,
    K.Key_9,
    K.Key_Backspace,
    K.Key_Delete,
    K.Key_Home,
    K.Key_End,
    K.Key_PageDown,
    K.Key_Left,
    K.Key_Right,
]


@pytest.fixture
def windows(qtbot, tmp_path, light):
    made = Windows(qtbot, tmp_path)
    yield made
    made.close()


def press(window, key: Qt.Key) -> None:
    """A key pressed on the keyboard: to the focused widget of the window on screen.

    (The offscreen platform leaves a closed dialog the active window; a desktop gives
    the main window back its activation, and with it the keys.)"""
    focus = QApplication.focusWidget()
    if focus is None or focus.window() is not window:
        focus = window.focusWidget()
    QTest.keyClick(focus or window, key)


def where(window) -> tuple:
    """What a key may change: page, state, exercise, side, repeat and step."""
    snap = window.bridge.snapshot() if window.bridge.is_running() else None
    if snap is None:
        return (window.current_page(),)
    ex = snap.exercise.id if snap.exercise else None
    return (window.current_page(), snap.state, ex, snap.side_index, snap.rep, snap.step)


# ---- the home page ---------------------------------------------------------------------


def test_the_home_page_starts_with_the_start_button_focused(windows):
    window, _clock = windows.make(shown=True)
    assert window.current_page() == "home"
    assert QApplication.focusWidget() is window.home.start_button
    press(window, K.Key_Space)  # the README's one key does the main thing
    assert window.current_page() == "daily_check"  # "anything new today?" first
    press(window, K.Key_Space)  # nothing new: the focus is on "Nothing new"
    assert window.current_page() == "check_in"


def test_enter_starts_the_session_from_the_home_page_too(windows):
    window, _clock = windows.make(shown=True)
    press(window, K.Key_Return)
    assert window.current_page() == "daily_check"
    press(window, K.Key_Return)  # nothing new
    assert window.current_page() == "check_in"


def test_the_readme_lists_enter():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| Enter |")]
    assert rows and "start" in rows[0].lower(), "README's key table: Enter"


# ---- the window's title -----------------------------------------------------------------


def shown_title(window) -> str:
    """The title the desktop shows: Qt adds " — " and the display name to a title that
    does not already end with it (QPlatformWindow::formatWindowTitle)."""
    name = QGuiApplication.applicationDisplayName()
    title = window.windowTitle()
    return title if title.endswith(name) else f"{title} \u2014 {name}"


@pytest.mark.parametrize("demo", [False, True], ids=["own", "demo"])
def test_the_name_appears_once_in_the_title(qtbot, tmp_path, light, demo):
    from PySide6.QtCore import QSettings
    from window_helpers import PROGRAM

    from backcompanion import APP_NAME
    from backcompanion.companion import Companion
    from backcompanion.history import Store
    from backcompanion.session.rules import load_rules
    from backcompanion.ui.settings_model import Settings
    from backcompanion.ui.window.main_window import MainWindow

    before = QGuiApplication.applicationDisplayName()
    QGuiApplication.setApplicationDisplayName(APP_NAME)  # as the app sets it
    try:
        with Store.open(tmp_path / "d") as store:
            settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
            window = MainWindow(Companion(PROGRAM, load_rules(), store), settings, demo=demo)
            qtbot.addWidget(window)
            title = shown_title(window)
            assert title.count(APP_NAME) == 1, title
            assert ("Demo" in title) is demo, title
    finally:
        QGuiApplication.setApplicationDisplayName(before)


# ---- a key held back as the session moves on by itself --------------------------------------


def at_the_first_stretch(windows):
    window, clock = windows.make()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(Event.CHECK_IN, rating=3)
    advance(window, clock, 1.5)
    window.bridge.send(Event.CONTINUE)
    assert window.bridge.engine.snapshot().exercise.id == "angry_cat"
    return window, clock


def test_n_just_after_the_session_moved_on_by_itself_is_held_back_and_shown(windows, qtbot):
    window, clock = at_the_first_stretch(windows)
    page = window.exercise
    advance_until(window, clock, lambda s: s.step is Step.HOLD)  # get ready ended by itself
    before = where(window)
    qtbot.keyClick(window, K.Key_N)
    assert where(window) == before  # meant for the get-ready that just ended: not skipped
    assert window.bridge.held_key() is Event.SKIP_REPEAT
    assert page.held_buttons() == [page.next_button]  # the key was received: it says so
    assert page.next_button.accessibleDescription()
    # the second is over: the display tick takes the mark off, and N works again
    clock.advance(1.0)
    window.bridge._on_tick()
    assert page.held_buttons() == [] and window.bridge.held_key() is None
    qtbot.keyClick(window, K.Key_N)
    assert where(window) != before


def test_in_full_screen_the_cue_line_says_the_key_was_received(windows, qtbot):
    window, clock = at_the_first_stretch(windows)
    window.toggle_fullscreen()
    view = window.fullscreen
    advance_until(window, clock, lambda s: s.step is Step.HOLD)
    cue = view.cue_text.text()
    qtbot.keyClick(window, K.Key_N)
    assert view.cue_text.text() == "It had just moved on by itself: press again"
    clock.advance(1.0)
    window.bridge._on_tick()
    assert view.cue_text.text() == cue
    window.toggle_fullscreen()


def test_n_after_n_skips_twice_as_pressed(windows, qtbot):
    window, clock = at_the_first_stretch(windows)
    advance_until(window, clock, lambda s: s.step is Step.HOLD)
    advance(window, clock, 1.5)
    assert window.bridge.engine.snapshot().rep == 1
    qtbot.keyClick(window, K.Key_N)  # next repeat
    snap = window.bridge.engine.snapshot()
    assert snap.rep == 2
    qtbot.keyClick(window, K.Key_N)  # at once again: the person moved on, nothing held back
    assert window.bridge.engine.snapshot().rep == 3
    assert window.exercise.held_buttons() == []


def test_a_key_held_down_is_one_press(windows, qtbot):
    """The keyboard repeats a key held down; N held must not skip repeat after repeat."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    window, clock = at_the_first_stretch(windows)
    advance_until(window, clock, lambda s: s.step is Step.HOLD)
    advance(window, clock, 1.5)
    qtbot.keyClick(window, K.Key_N)  # the press
    assert window.bridge.engine.snapshot().rep == 2
    for _ in range(10):  # what the keyboard sends while the key stays down
        press = QKeyEvent(QEvent.Type.KeyPress, K.Key_N, Qt.KeyboardModifier.NoModifier, "n", True)
        QApplication.sendEvent(window, press)
        assert press.isAccepted()
    assert window.bridge.engine.snapshot().rep == 2
    spaced = QKeyEvent(QEvent.Type.KeyPress, K.Key_Space, Qt.KeyboardModifier.NoModifier, " ", True)
    QApplication.sendEvent(window, spaced)  # Space held: no pause flickering on and off
    assert window.bridge.engine.state is State.STRETCHING


def test_n_at_the_gate_just_opened_by_itself_is_held_back_on_its_button(windows, qtbot):
    window, clock = windows.make()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(Event.CHECK_IN, rating=3)
    window.bridge.send(Event.CONTINUE)
    advance_until(window, clock, lambda s: s.state is State.GATE)
    qtbot.keyClick(window, K.Key_N)
    assert window.bridge.engine.state is State.GATE
    assert window.gate.held_buttons() == [window.gate.continue_button]
    clock.advance(1.0)
    window.bridge._on_tick()
    qtbot.keyClick(window, K.Key_N)
    assert window.bridge.engine.state is not State.GATE


# ---- the whole session -------------------------------------------------------------------


def test_a_whole_session_by_the_readmes_keys(windows):
    """Space, N, B, H, T, 1-4, F11, Esc and Enter, each where the README says."""
    window, clock = windows.make(shown=True)
    spaces: list[State] = []

    def space() -> None:
        press(window, K.Key_Space)
        spaces.append(window.bridge.engine.state)

    def enter_changes_nothing() -> None:
        before = where(window)
        press(window, K.Key_Return)
        press(window, K.Key_Enter)
        assert where(window) == before
        for key in NOT_IN_THE_README:  # and no key the README does not list does anything
            press(window, key)
            assert where(window) == before, f"{key!r} changed {before} to {where(window)}"

    open_gate(window)  # strengthening today: every key gets its turn
    # home: Space starts (the focus is on Start); "anything new today?": Enter, nothing new
    press(window, K.Key_Space)
    assert window.current_page() == "daily_check"
    press(window, K.Key_Return)
    assert window.current_page() == "check_in"
    # the opening check-in: a digit, then Enter saves it
    press(window, K.Key_4)
    press(window, K.Key_Return)
    assert window.current_page() == "breathing"
    advance(window, clock, 1.5)
    enter_changes_nothing()
    space()  # pause
    assert window.bridge.engine.state is State.PAUSED
    clock.advance(300)
    window.bridge.engine.update()
    space()  # carry on
    assert window.bridge.engine.state is State.BREATHING
    press(window, K.Key_N)  # breathing: continue
    snap = window.bridge.engine.snapshot()
    assert snap.state is State.STRETCHING and snap.exercise.id == "angry_cat"
    enter_changes_nothing()

    # F11 (the View menu's shortcut) and Esc, which leaves full screen first
    window.menus.fullscreen_action.trigger()
    assert window.isFullScreen() and window.current_page() == "fullscreen"
    space()
    space()
    press(window, K.Key_Escape)
    assert not window.isFullScreen()
    assert window.bridge.engine.state is State.STRETCHING

    # N next repeat, B back to the start of the exercise
    advance_until(window, clock, lambda s: s.step is Step.HOLD)
    advance(window, clock, 1.5)
    press(window, K.Key_N)
    assert window.bridge.engine.snapshot().rep == 2
    press(window, K.Key_B)
    snap = window.bridge.engine.snapshot()
    assert (snap.exercise.id, snap.rep, snap.step) == ("angry_cat", 1, Step.GET_READY)

    # Esc asks; Space and Enter in the question carry on
    for key in (K.Key_Space, K.Key_Return):
        answer = answer_next_dialog(key)
        press(window, K.Key_Escape)
        assert answer.title == "Stop the session?" and answer.closed_by_key
        assert window.bridge.engine.state is State.STRETCHING
        assert window.current_page() == "exercise"

    # T too hard (a stretch has no easier version: the next one)
    advance(window, clock, 1.5)
    press(window, K.Key_T)
    snap = window.bridge.engine.snapshot()
    assert snap.exercise.id != "angry_cat"
    # 1-4: how the one just done felt, while its strip shows
    if window.exercise.effort_visible():
        press(window, K.Key_2)
        assert not window.exercise.effort_visible()
    # H this hurts: how much (a number, then Enter); the exercise ends
    hurt = window.bridge.engine.snapshot().exercise.id
    advance(window, clock, 1.5)

    def three_then_enter(box) -> None:
        QTest.keyClick(box.focusWidget() or box, K.Key_3)
        QTest.keyClick(box.focusWidget() or box, K.Key_Return)

    on_dialog(three_then_enter)
    press(window, K.Key_H)
    assert window.bridge.engine.snapshot().exercise.id != hurt

    # hands-free to the gate; N continues
    advance_until(window, clock, lambda s: s.state is State.GATE)
    advance(window, clock, 1.5)
    enter_changes_nothing()
    press(window, K.Key_N)
    assert window.bridge.engine.state is State.STRENGTHENING
    # H during strengthening asks how much: a number, then Enter
    advance_until(window, clock, lambda s: s.step is Step.HOLD)
    advance(window, clock, 1.5)

    def two_then_enter(box) -> None:
        QTest.keyClick(box.focusWidget() or box, K.Key_2)
        QTest.keyClick(box.focusWidget() or box, K.Key_Return)

    on_dialog(two_then_enter)
    press(window, K.Key_H)
    assert window.bridge.engine.state is State.STRENGTHENING
    enter_changes_nothing()

    # the rest runs by itself; the closing check-in by digits and Enter
    advance_until(window, clock, lambda s: s.state is State.CHECK_IN_AFTER)
    assert window.current_page() == "check_in"
    press(window, K.Key_3)
    press(window, K.Key_Return)
    assert window.current_page() == "done"
    press(window, K.Key_Return)  # Enter does not leave the done page by surprise
    assert window.current_page() == "done"
    press(window, K.Key_Escape)  # Esc goes home
    assert window.current_page() == "home"

    assert State.STOPPED not in spaces and State.DONE not in spaces  # Space never stopped it
    [facts] = window.companion.store.session_facts()
    assert (facts.opening, facts.closing, facts.outcome) == (4, 3, "done")
