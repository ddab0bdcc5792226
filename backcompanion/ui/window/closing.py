"""Closing the main window: to the tray between sessions, or for good.

With a tray that keeps reminders going (a setting), closing the window between
sessions only hides it. Otherwise a running session asks first (Ctrl+Q is one
key away from the keys used on the floor; the safe answer is to keep going), and
is paused when the person does quit (it can be resumed at the next start);
records still waiting for the disk make the window ask whether to stay open, and
the window's geometry is kept for next time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication

from backcompanion.session.states import Event

if TYPE_CHECKING:
    from backcompanion.ui.window.main_window import MainWindow


class CloseGuard:
    def __init__(self, window: MainWindow):
        self._window = window
        self._quitting = False

    def quit_app(self) -> None:
        """The tray's Quit: close for good, whatever the tray setting, and end the app."""
        self._quitting = True
        if self._window.close():
            QApplication.quit()
        else:  # the person chose to keep going, or to stay open for unsaved records
            self._quitting = False

    def may_close(self, event: QCloseEvent) -> bool:
        """True when the window closes now (everything is shut down); else ``event`` is
        ignored and the window stays (hidden in the tray, or open: the person keeps going,
        or waits for unsaved records). Only a window on screen asks: a hidden one was not
        closed by a person's key or click."""
        from backcompanion.ui.dialogs.confirm import QuitDuringSession, UnsavedOnQuit

        w = self._window
        keep = w.tray is not None and w.tray.keep_in_tray and not self._quitting
        if keep and not w.bridge.is_running():  # reminders go on from the tray
            event.ignore()
            w.hide()
            w.tray.tell_still_running()
            return False
        if w.bridge.is_running():
            if w.isVisible() and not QuitDuringSession.ask(w):
                event.ignore()  # the person keeps going: nothing changes
                return False
            snap = w.bridge.snapshot()
            if snap and Event.PAUSE in snap.allowed_events:
                w.bridge.send(Event.PAUSE)
        if not w.records.flush() and UnsavedOnQuit.ask(w, w.records.pending):
            event.ignore()  # the person chose to stay open until the disk takes them
            return False
        if not w.isFullScreen():
            w.settings.window_geometry = bytes(w.saveGeometry().data())
        w.screen_awake.shutdown()
        w.records.stop()
        w.bridge.detach()
        return True
