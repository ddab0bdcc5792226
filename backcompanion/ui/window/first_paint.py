"""Reports the first time a widget is painted.

The app starts what its first screen does not need in the turn after the window's
first paint (``app.after_first_paint``), and ``make bench`` measures process start to
the first painted main window with it (``BACKCOMPANION_EXIT_AFTER_FIRST_PAINT``).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """``painted`` in the turn of the event loop after ``widget``'s first paint event (the
    whole first frame is painted and flushed by then); with ``started`` (a
    ``time.perf_counter()`` moment) it also prints how long after that the paint came."""

    painted = Signal()

    def __init__(self, widget: QWidget, started: float | None = None):
        super().__init__(widget)
        self._started = started
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            obj.removeEventFilter(self)
            if self._started is not None:
                print(f"first paint after {time.perf_counter() - self._started:.3f} s", flush=True)
            QTimer.singleShot(0, self.painted.emit)
        return False
