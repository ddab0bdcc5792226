"""Every page fits a 1280x720 screen (issue 19: 6): each button is on screen or, inside a
page that scrolls, reachable by scrolling, and the window never has to grow past the screen.

The pages are reached as a person reaches them: the first start's welcome and red-flag
check, the home page, progress, and a whole session with strengthening, by its keys.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget
from window_helpers import Windows, advance, advance_until, open_gate

from backcompanion.session.engine import State

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen has no window manager
SCREENS = [QSize(1280, 720), QSize(1280, 800)]


@pytest.fixture
def windows(qtbot, tmp_path, light):
    made = Windows(qtbot, tmp_path)
    yield made
    made.close()


def _scroll_area(widget: QWidget, page: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not page.parentWidget():
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _box(widget: QWidget, within: QWidget) -> QRect:
    return QRect(widget.mapTo(within, QPoint(0, 0)), widget.size())


def out_of_reach(window) -> list[str]:
    """The page's visible buttons a person cannot see or scroll to, by their text."""
    page = window.stack.currentWidget()
    inside = window.rect()
    missing = []
    for b in page.findChildren(QAbstractButton):
        if not b.isVisibleTo(window) or b.size().isEmpty():
            continue
        area = _scroll_area(b, page)
        if area is None:
            ok = inside.contains(_box(b, window))
        else:  # reachable: the scroll area is on screen and the button inside what it scrolls
            content = area.widget()
            ok = inside.contains(_box(area, window)) and content.rect().contains(_box(b, content))
        if not ok:
            missing.append(f"{window.current_page()}: {b.text() or b.objectName()}")
    return missing


def check(window, size: QSize, seen: dict) -> None:
    window.resize(size)
    QApplication.processEvents()
    name = window.current_page()
    assert window.size() == size, f"{name} makes the window {window.size().toTuple()}"
    assert out_of_reach(window) == []
    seen[name] = True


def press(window, key: Qt.Key) -> None:
    focus = QApplication.focusWidget()
    if focus is None or focus.window() is not window:
        focus = window.focusWidget()
    QTest.keyClick(focus or window, key)


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_page_and_its_buttons_fit_the_screen(windows, size):
    window, clock = windows.make(shown=True)
    seen: dict[str, bool] = {}
    for name in ("welcome", "red_flags", "clinician", "progress", "home"):
        window.show_page(name)
        check(window, size, seen)
    red_flags = window.pages.get("red_flags")
    window.show_page("red_flags")
    window.resize(size)
    QApplication.processEvents()
    save = red_flags.save_button
    assert window.rect().contains(_box(save, window)), "Save is off the window"

    open_gate(window)  # strengthening today: the gate and its pages too
    window.show_page("home")
    press(window, Qt.Key.Key_Space)
    check(window, size, seen)  # "anything new today?" before the session
    press(window, Qt.Key.Key_Return)  # nothing new
    check(window, size, seen)  # the opening check-in
    press(window, Qt.Key.Key_4)
    press(window, Qt.Key.Key_Return)
    advance(window, clock, 1.5)
    check(window, size, seen)  # breathing
    press(window, Qt.Key.Key_N)
    advance(window, clock, 1.5)
    check(window, size, seen)  # a stretch
    advance_until(window, clock, lambda s: s.state is State.GATE)
    check(window, size, seen)
    press(window, Qt.Key.Key_N)
    advance(window, clock, 1.5)
    check(window, size, seen)  # strengthening
    advance_until(window, clock, lambda s: s.state is State.CHECK_IN_AFTER)
    check(window, size, seen)
    press(window, Qt.Key.Key_3)
    press(window, Qt.Key.Key_Return)
    check(window, size, seen)  # done
    pages = {"welcome", "red_flags", "clinician", "progress", "home", "check_in"}
    assert pages | {"breathing", "exercise", "done"} <= set(seen), seen


def test_the_first_start_fits_the_screen_it_opens_on(windows):
    """No saved size: 1280x800 where the screen has room, else the screen's free height."""
    window, _clock = windows.make()
    free = window.screen().availableGeometry()
    assert window.width() == 1280
    assert window.height() == min(800, free.height() - 40)  # room for the title bar
    assert free.top() <= window.y() and window.y() + window.height() <= free.bottom() + 1
