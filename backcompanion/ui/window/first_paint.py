"""Reports the first time a widget is painted (``BACKCOMPANION_EXIT_AFTER_FIRST_PAINT``).

``make bench`` measures process start to the first painted main window with it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    painted = Signal()

    def __init__(self, widget: QWidget, started: float):
        super().__init__(widget)
        self._started = started
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            print(f"first paint after {time.perf_counter() - self._started:.3f} s", flush=True)
            QTimer.singleShot(0, self.painted.emit)
        return False
