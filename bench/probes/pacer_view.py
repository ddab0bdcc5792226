"""The breathing pacer in the full-screen view, animated for real: frame intervals and CPU.

Builds the real :class:`FullscreenSessionView` at ``--size WxH`` (offscreen) on a
breathing snapshot from a real engine, then drives its pacer as the bridge does, at the
bridge's frame rate (``FRAME_MS``) with the real clock: each frame, the breath where
:func:`~backcompanion.session.breathing.breath_position` puts it (4 s in, 6 s out) to
``pacer.set_state``. Only the pacer is driven: the breathing figure beside it is the
figure's own benchmark (``bench/exercise_figure.py``). An event filter on the pacer (no
other object) stamps each paint. After a one-second warm-up it measures ``--seconds``,
and reports the pacer's size and the share of its square a frame repainted.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

from bench.probes.common import Meter, arg, emit, make_app

WARM_MS = 1000


class Stamps(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[float] = []
        self.areas: list[int] = []

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.stamps.append(time.monotonic())
            self.areas.append(sum(r.width() * r.height() for r in event.region()))
        return False


def main() -> None:
    from backcompanion.program import builtin_program
    from backcompanion.session.breathing import breath_position
    from backcompanion.session.clock import FakeClock
    from backcompanion.session.engine import Event, SessionEngine
    from backcompanion.session.facts import SafetyFacts
    from backcompanion.session.plan import PRESETS
    from backcompanion.session.rules import load_rules, make_plan
    from backcompanion.ui.services.bridge import FRAME_MS
    from backcompanion.ui.session_screens.fullscreen_view import FullscreenSessionView
    from backcompanion.ui.theme import LIGHT, apply_theme
    from backcompanion.ui.widgets.pacer import phase_words

    w, h = (int(x) for x in arg("--size", "1920x1080").split("x"))
    seconds = float(arg("--seconds", "10"))
    app = make_app()
    apply_theme(app, LIGHT)
    now = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
    program = builtin_program()
    plan = make_plan(load_rules(), program, [], SafetyFacts(None, None), now, PRESETS["relaxed"])
    clock = FakeClock()
    engine = SessionEngine(plan, clock, lambda: now)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=2)
    view = FullscreenSessionView(reduced_motion=False)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(w, h)
    view.show()
    view.show_snapshot(engine.snapshot())
    app.processEvents()
    pacer = view.pacer
    words = phase_words()
    cadence = plan.cadence
    stamps = Stamps()
    meter = Meter()
    t0 = time.monotonic()

    def frame() -> None:
        state = breath_position(cadence, time.monotonic() - t0)
        phase = state.phase.value
        pacer.set_state(state.size, words[phase], state.count or None, phase)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(FRAME_MS)
    timer.timeout.connect(frame)
    out: dict[str, object] = {
        "size": [pacer.width(), pacer.height()],
        "window": [w, h],
        "frame_ms": FRAME_MS,
        "mode": view.mode() if hasattr(view, "mode") else None,
    }

    def finish() -> None:
        out.update(meter.read())
        out["stamps"] = list(stamps.stamps)
        side = 2 * pacer.pacer_geometry().max_radius
        areas = sorted(stamps.areas)
        out["repainted_share"] = (areas[len(areas) // 2] / (side * side)) if areas else None
        timer.stop()
        app.quit()

    def begin() -> None:
        stamps.stamps.clear()
        stamps.areas.clear()
        meter.start()
        QTimer.singleShot(round(seconds * 1000), finish)

    pacer.installEventFilter(stamps)
    timer.start()
    QTimer.singleShot(WARM_MS, begin)
    app.exec()
    emit(out)


if __name__ == "__main__":
    main()
