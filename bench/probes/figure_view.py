"""The exercise figure moving in the full-screen view, for real: frame intervals and CPU.

Builds the real :class:`FullscreenSessionView` at ``--size WxH`` (offscreen), shows it the
hold of ``--exercise`` (angry cat by default: its whole body moves, the worst case) from a
real engine on a fake clock, then moves the figure as a session does, at the bridge's frame
rate (``FRAME_MS``) with the real clock: easing into the stretch over ``EASE_IN_S``, then
back through the release, again and again, so that it moves for the whole measurement
(in a session it moves only those first seconds of a hold or a release). An event filter
on the figure widget (no other object) stamps each paint; a frame that needs no new picture
(``FigureView.set_moment`` says so: the same pose, or one that has not moved far enough to
be worth a picture yet, see ``STEP_SHARE`` in ``ui/widgets/figure.py``) is stamped as shown
on time: the screen is as up to date as the widget means it to be. It is stamped when a
picture asked for at that frame would have reached the screen (the frame's moment plus the
last picture's delay from frame to paint), so that the gaps between frames with and without
a new picture do not count that delay as lateness.
After a one-second warm-up it measures ``--seconds``; it reports the figure's size, for the
bare window to match.
"""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

from bench.probes.common import Meter, arg, emit, make_app, maxrss_kb

WARM_MS = 1000


class Stamps(QObject):
    """Each paint's moment, and how long after the frame that asked for it it came."""

    def __init__(self) -> None:
        super().__init__()
        self.stamps: list[float] = []
        self.asked: float | None = None  # the frame that asked for the picture not yet painted
        self.latency = 0.0  # frame to paint, for the last picture painted

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            now = time.monotonic()
            self.stamps.append(now)
            if self.asked is not None:
                self.latency, self.asked = now - self.asked, None
        return False


def main() -> None:
    from backcompanion.figure.motion import EASE_IN_S, VIA_S, session_moment
    from backcompanion.program import builtin_program
    from backcompanion.session.clock import FakeClock
    from backcompanion.session.engine import Event, SessionEngine, Step
    from backcompanion.session.facts import SafetyFacts
    from backcompanion.session.plan import PRESETS
    from backcompanion.session.rules import load_rules, make_plan
    from backcompanion.ui.services.bridge import FRAME_MS
    from backcompanion.ui.session_screens.fullscreen_view import FullscreenSessionView
    from backcompanion.ui.theme import LIGHT, apply_theme

    w, h = (int(x) for x in arg("--size", "1920x1080").split("x"))
    seconds = float(arg("--seconds", "10"))
    exercise = arg("--exercise", "angry_cat")
    app = make_app()
    apply_theme(app, LIGHT)
    now = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
    program = builtin_program()
    plan = make_plan(load_rules(), program, [], SafetyFacts(None, None), now, PRESETS["relaxed"])
    clock = FakeClock()
    engine = SessionEngine(plan, clock, lambda: now)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=2)
    engine.send(Event.CONTINUE)
    while engine.snapshot().exercise.id != exercise:
        engine.send(Event.SKIP_EXERCISE)
    while engine.snapshot().step is not Step.HOLD:
        clock.advance(0.5)
        engine.update()

    view = FullscreenSessionView(reduced_motion=False)
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(w, h)
    view.show()
    view.show_snapshot(engine.snapshot())
    app.processEvents()
    figure = view.figure
    fig = figure.figure()
    stamps = Stamps()
    meter = Meter()
    cycle = EASE_IN_S + VIA_S
    t0 = time.monotonic()

    current: list[float] = []  # frames that needed no new picture

    def frame() -> None:
        """What the bridge's frame does: the figure where a session's phase time puts it."""
        u = math.fmod(time.monotonic() - t0, cycle)
        if u < EASE_IN_S:
            moment = session_moment("hold", u, 10.0)
        else:
            moment = session_moment("release", u - EASE_IN_S, 10.0, via=fig.via)
        now = time.monotonic()
        if figure.set_moment(moment):
            stamps.asked = now
        else:  # on screen as soon as a picture asked for now would have been
            current.append(now + stamps.latency)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(FRAME_MS)
    timer.timeout.connect(frame)
    out: dict[str, object] = {
        "size": [figure.width(), figure.height()],
        "window": [w, h],
        "exercise": exercise,
        "frame_ms": FRAME_MS,
    }

    def finish() -> None:
        out.update(meter.read())
        out["painted"] = len(stamps.stamps)
        out["stamps"] = sorted(stamps.stamps + current)
        out["still_layers"] = sum(1 for layer in figure._still.layers if layer.pixmap is not None)
        out["moments_cached"] = len(figure._cache)
        out["maxrss_kb"] = maxrss_kb()
        timer.stop()
        app.quit()

    def begin() -> None:
        stamps.stamps.clear()
        current.clear()
        meter.start()
        QTimer.singleShot(round(seconds * 1000), finish)

    figure.installEventFilter(stamps)
    timer.start()
    QTimer.singleShot(WARM_MS, begin)
    app.exec()
    emit(out)


if __name__ == "__main__":
    main()
