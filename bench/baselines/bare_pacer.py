"""The pacer's floor: a bare QWidget that paints one moving ellipse at the bridge's frame rate.

Run by path. Arguments: ``--size WxH`` (the real pacer's size, so both paint
the same area), ``--seconds S`` (measured after a one-second warm-up),
``--frame-ms N`` (the timer interval, the bridge's ``FRAME_MS``), ``--changed`` (repaint only
the square round the ellipse where it was and where it is now, instead of the whole
window: the usual way to repaint only what changes). Prints one
``BENCH {json}`` line with the paint timestamps and the CPU time of the window.
"""

from __future__ import annotations

import json
import math
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

WARM_MS = 1000


def ctx_switches() -> tuple[int, int]:
    vol = inv = 0
    for status in Path("/proc/self/task").glob("*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                vol += int(line.split()[1])
            elif line.startswith("nonvoluntary_ctxt_switches:"):
                inv += int(line.split()[1])
    return vol, inv


def arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


class Ellipse(QWidget):
    def __init__(self, changed: bool = False) -> None:
        super().__init__()
        self._changed = changed
        self._was = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._size = 0.0
        self._t0 = time.monotonic()
        self._bg = QBrush(QColor("#fafafa"))
        self._fill = QBrush(QColor("#3a7bd5"))
        self._pen = QPen(QColor("#1d4f91"), 4)

    def step(self) -> None:
        self._size = 0.5 + 0.5 * math.sin((time.monotonic() - self._t0) * math.pi / 5)
        if not self._changed:
            self.update()
            return
        now = self._square()
        self.update(now.united(self._was) if self._was is not None else now)
        self._was = now

    def _radius(self) -> float:
        side = min(self.width(), self.height()) / 2
        return side * (0.35 + 0.65 * self._size)

    def _square(self) -> QRect:
        r = self._radius() + 4
        cx, cy = self.width() / 2, self.height() / 2
        return QRect(
            math.floor(cx - r), math.floor(cy - r), math.ceil(2 * r) + 1, math.ceil(2 * r) + 1
        )

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(event.rect() if self._changed else self.rect(), self._bg)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self._radius()
        p.setPen(self._pen)
        p.setBrush(self._fill)
        p.drawEllipse(QPointF(self.width() / 2, self.height() / 2), r, r)


class Stamps(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[float] = []

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.stamps.append(time.monotonic())
        return False


def main() -> int:
    w, h = (int(x) for x in arg("--size", "700x600").split("x"))
    seconds = float(arg("--seconds", "10"))
    frame_ms = int(arg("--frame-ms", "16"))
    app = QApplication(sys.argv[:1])
    widget = Ellipse(changed="--changed" in sys.argv)
    widget.resize(w, h)
    stamps = Stamps()
    widget.installEventFilter(stamps)
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(frame_ms)
    timer.timeout.connect(widget.step)
    out: dict[str, object] = {"size": [w, h]}
    mark: list = []

    def start() -> None:
        stamps.stamps.clear()
        mark.extend((time.monotonic(), time.process_time(), ctx_switches()))
        QTimer.singleShot(round(seconds * 1000), stop)

    def stop() -> None:
        vol, inv = ctx_switches()
        out.update(
            wall_s=time.monotonic() - mark[0],
            cpu_s=time.process_time() - mark[1],
            voluntary=vol - mark[2][0],
            involuntary=inv - mark[2][1],
            stamps=list(stamps.stamps),
            maxrss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        )
        timer.stop()
        print("BENCH " + json.dumps(out), flush=True)
        app.quit()

    widget.show()
    timer.start()
    QTimer.singleShot(WARM_MS, start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
