"""Start the real app (``backcompanion --data-dir D``) and report when its window first painted.

Run by path, exactly like ``bench/baselines/bare_label.py``. It goes through
``backcompanion.cli.main`` and ``app.run_app`` unchanged; the only addition is
an event filter on the main window (hooked into ``MainWindow.__init__``, so no
other object pays for it): a zero-delay call queued from the window's first
paint event runs once the whole first frame has been painted and flushed. It
records ``time.monotonic()`` there, prints one ``BENCH {json}`` line and quits;
the parent subtracts the moment it spawned the process.

It also stamps the stages: the script starting (the interpreter is up), the
imports done, ``MainWindow.__init__`` entered and left.

When ``BACKCOMPANION_EXIT_AFTER_FIRST_PAINT`` is set, the app's own switch
quits instead, and ``painted`` says whether any paint had happened by then.
"""

# ruff: noqa: E402  (the first stamp is taken before the imports it times)
from __future__ import annotations

import time

T_SCRIPT = time.monotonic()  # the interpreter is up: what follows is imports

import json
import os
import resource
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

import backcompanion.ui.window.main_window as mw
from backcompanion import cli

OUT: dict[str, object] = {"painted": False, "t_script": T_SCRIPT, "t_imported": time.monotonic()}
SWITCH = bool(os.environ.get("BACKCOMPANION_EXIT_AFTER_FIRST_PAINT"))


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.window = None
        self._seen = False

    def eventFilter(self, obj, event):
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            OUT["paint_event_mono"] = time.monotonic()
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self) -> None:
        OUT["painted"] = True
        OUT["paint_mono"] = time.monotonic()
        OUT["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            OUT["page"] = self.window.current_page()
        except Exception as exc:  # the page name is a diagnostic only
            OUT["page"] = f"? ({exc})"
        app = QApplication.instance()
        if app is not None and not SWITCH:
            app.quit()


WATCH = FirstPaint()
_init = mw.MainWindow.__init__


def _watched_init(self, *args, **kwargs):
    OUT["t_window_start"] = time.monotonic()
    _init(self, *args, **kwargs)
    OUT["t_window_built"] = time.monotonic()
    WATCH.window = self
    self.installEventFilter(WATCH)
    if SWITCH:  # the app's own switch quits: note when, to see whether a paint came first
        app = QApplication.instance()
        app.aboutToQuit.connect(lambda: OUT.setdefault("quit_mono", time.monotonic()))


mw.MainWindow.__init__ = _watched_init


def main() -> int:
    code = cli.main(sys.argv[1:])
    OUT["exit_code"] = code
    OUT["modules"] = len(sys.modules)
    OUT["qt_modules"] = sorted(m for m in sys.modules if m.startswith("PySide6.Qt"))
    print("BENCH " + json.dumps(OUT), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
