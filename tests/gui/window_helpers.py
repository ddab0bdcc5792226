"""The real main window on a real store with a fake clock, and answering its dialogs by key.

Shared by the tests of what a person does with the keyboard (test_safe_dialogs.py,
test_keyboard_walk.py). A dialog runs its own event loop (``exec``): the answer
is scheduled before the key that opens it, and pressed on whatever has the
focus in the dialog, as a person's key would be.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from backcompanion.companion import Companion
from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.rules import load_rules
from backcompanion.ui.settings_model import Settings
from backcompanion.ui.window.main_window import MainWindow

PROGRAM = builtin_program()


class Windows:
    """Makes windows on stores in ``folder``; :meth:`close` ends their sessions and stores."""

    def __init__(self, qtbot, folder: Path):
        self.qtbot = qtbot
        self.folder = folder
        self.stores: list[Store] = []
        self.windows: list[MainWindow] = []

    def make(self, *, shown: bool = False) -> tuple[MainWindow, FakeClock]:
        store = Store.open(
            self.folder / "data", phases={e.id: e.phase.value for e in PROGRAM.exercises}
        )
        self.stores.append(store)
        companion = Companion(PROGRAM, load_rules(), store)
        companion.record_red_flags(())
        settings = Settings(
            QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        )
        settings.first_start_done = True
        settings.get_ready_s = 3
        settings.release_s = 2
        clock = FakeClock()
        window = MainWindow(companion, settings, clock=clock)
        # not qtbot.addWidget: qtbot closes its widgets before the fixtures end, and a
        # window on screen asks before it quits a running session (close() ends it first)
        self.windows.append(window)
        if shown:
            window.show()
            self.qtbot.waitExposed(window)
            window.activateWindow()
            assert QTest.qWaitForWindowActive(window), "the window never became active"
        return window, clock

    def close(self) -> None:
        for window in self.windows:
            window.bridge.detach()  # no session left: closing asks nothing
            window.close()
            window.deleteLater()
        for store in self.stores:
            store.close()


def open_gate(window: MainWindow) -> None:
    """Sessions started from now on have their gate open (strengthening today), as the
    rules would plan them after a few good weeks."""
    plan = window.companion.plan
    window.companion.plan = lambda *a, **kw: dataclasses.replace(plan(*a, **kw), gate_open=True)


def advance(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    """Let ``seconds`` pass the way the display timer sees them: a second at a time."""
    engine = window.bridge.engine
    end = clock() + seconds
    while clock() < end:
        clock.advance(min(1.0, end - clock()))
        engine.update()


def advance_until(window: MainWindow, clock: FakeClock, predicate, limit: int = 20_000):
    engine = window.bridge.engine
    for _ in range(limit):
        if predicate(engine.snapshot()):
            return engine.snapshot()
        clock.advance(min(1.0, max(engine.snapshot().remaining_s, 1e-3)))
        engine.update()
    raise AssertionError("never reached")


@dataclasses.dataclass
class Answer:
    """What the dialog looked like when the key was pressed, and whether it closed."""

    title: str = ""
    focus: str = ""  # the text of the focused button
    default: str = ""  # the text of the default button
    closed_by_key: bool = False


def answer_next_dialog(key: Qt.Key, settle_ms: int = 0) -> Answer:
    """Schedule ``key`` for the next modal dialog, pressed on its focused widget.

    A dialog the key does not close is closed with reject() (so no test hangs),
    and :attr:`Answer.closed_by_key` says so; ``settle_ms`` waits for a button
    that is pressed with a short animation (a mnemonic letter in a message box).
    """
    seen = Answer()
    tries = iter(range(300))

    def press() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            if next(tries, None) is not None:
                QTimer.singleShot(10, press)  # not up yet (given up after 3 s)
            return
        seen.title = box.windowTitle()
        focus: QWidget | None = box.focusWidget()
        seen.focus = getattr(focus, "text", lambda: "")()
        default = getattr(box, "defaultButton", lambda: None)()
        seen.default = default.text() if default is not None else ""
        QTest.keyClick(focus or box, key)
        if settle_ms and box.isVisible():
            QTest.qWait(settle_ms)
        seen.closed_by_key = not box.isVisible()
        if box.isVisible():
            box.reject()

    QTimer.singleShot(0, press)
    return seen


def on_dialog(do: Callable[[QWidget], None]) -> None:
    """Run ``do(dialog)`` on the next modal dialog once it is up; closed after if open."""

    tries = iter(range(300))

    def run() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            if next(tries, None) is not None:
                QTimer.singleShot(10, run)
            return
        try:
            do(box)
        finally:
            if box.isVisible():  # never leave a test waiting on a dialog
                box.reject()

    QTimer.singleShot(0, run)
