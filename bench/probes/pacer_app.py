"""The real breathing pacer, animated for real: frame intervals and CPU while breathing.

Builds the real window on an empty store with the real clock, starts a session,
answers the opening check-in, and lets the breathing page run as the bridge
drives it (its frame timer -> ``breathFrame`` -> ``BreathingPage.show_breath``
-> ``PacerWidget.set_state``). An event filter on the pacer (no other object)
stamps each paint. After a one-second warm-up it measures ``--seconds``.

If the window does not connect ``breathFrame`` to the page, the probe connects
it (so the pacer's own cost is still measured) and says ``wired: false``.

``--idle``: no session at all; the window sits on the home page and the probe
measures CPU time and context switches (wake-ups), and lists running timers. It starts
measuring once the home card's figure has shown its movement and come to rest (a few slow
loops, ``ui/home/card_motion.py``), as a window left open does; ``rest_s`` says when.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QAbstractAnimation, QEvent, QObject, QTimer

from bench.probes.common import Meter, arg, build_window, emit, make_app, wire_pacer

WARM_MS = 1000
SETTLE_MS = 1500
REST_LIMIT_S = 60.0  # the home card's figure is at rest by then (or the figure says so)


class Stamps(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[float] = []

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.stamps.append(time.monotonic())
        return False


def running_timers(app, window) -> list[dict]:
    """Every active QTimer and running animation under the window or the application."""
    found = []
    for root in (window, app):
        for t in root.findChildren(QTimer):
            if t.isActive():
                parent = t.parent()
                found.append(
                    {
                        "owner": type(parent).__name__ if parent is not None else None,
                        "name": t.objectName(),
                        "interval_ms": t.interval(),
                        "single_shot": t.isSingleShot(),
                    }
                )
        for a in root.findChildren(QAbstractAnimation):
            if a.state() == QAbstractAnimation.State.Running:
                found.append({"owner": type(a.parent()).__name__, "animation": type(a).__name__})
    return found


def main() -> None:
    from backcompanion.session.engine import Event

    folder = Path(arg("--data-dir"))
    seconds = float(arg("--seconds", "10"))
    idle = "--idle" in sys.argv
    app = make_app()
    window, store, _follower = build_window(folder / "data", folder / "settings.ini")
    out: dict[str, object] = {"mode": "idle" if idle else "pacer"}
    stamps = Stamps()
    meter = Meter()

    def finish() -> None:
        out.update(meter.read())
        if idle:
            out["timers"] = running_timers(app, window)
            out["page"] = window.current_page()
        else:
            out["stamps"] = list(stamps.stamps)
            out["timers"] = running_timers(app, window)
            out["state"] = window.bridge.engine.state.value if window.bridge.engine else None
            window.bridge.detach()
        app.quit()

    def begin() -> None:
        stamps.stamps.clear()
        meter.start()
        QTimer.singleShot(round(seconds * 1000), finish)

    def start_breathing() -> None:
        out["wired"] = wire_pacer(window)
        window.start_session()
        window.bridge.send(Event.CHECK_IN, rating=2)
        pacer = window.breathing.pacer
        out["page"] = window.current_page()
        out["size"] = [pacer.width(), pacer.height()]
        pacer.installEventFilter(stamps)
        QTimer.singleShot(WARM_MS, begin)

    window.show()
    if idle:
        shown = time.monotonic()
        loop = window.carousel.card().loop

        def settle() -> None:  # the card's figure loops a few times, then rests for good
            if loop.running() and time.monotonic() - shown < REST_LIMIT_S:
                QTimer.singleShot(250, settle)
                return
            out["rest_s"] = round(time.monotonic() - shown, 1)
            QTimer.singleShot(SETTLE_MS, begin)

        QTimer.singleShot(SETTLE_MS, settle)
    else:
        QTimer.singleShot(300, start_breathing)
    app.exec()
    store.close()
    emit(out)


if __name__ == "__main__":
    main()
