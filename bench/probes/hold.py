"""A real hold against ``time.monotonic``: how far the remaining time shown is from the truth.

The real window with the real clock; the session's plan is the app's own with
the first stretch changed to one repeat of ``--hold`` seconds (so a 60 s hold
needs no 60 s exercise in the program). The probe answers the opening check-in,
ends breathing at once, and records, at every ``changed`` signal of the bridge
(the moment the window is told, just before it hands the snapshot to the page),
``time.monotonic()`` and the snapshot's countdown
and remaining time; and every paint of the exercise page's dial with its digits.

The truth is taken outside the engine: the moment the probe sent "done
breathing" (read just before the send), plus the plan's get-ready, plus the
hold. The parent computes, for each whole second, how late the new number
reached the page and the screen.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer

from bench.probes.common import arg, build_window, emit, make_app

TAIL_S = 1.0


class DialPaints(QObject):
    def __init__(self, dial) -> None:
        super().__init__()
        self.dial = dial
        self.paints: list[tuple[float, str]] = []

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.paints.append((time.monotonic(), self.dial.text()))
        return False


def main() -> None:
    from backcompanion.session.engine import Event, Step

    folder = Path(arg("--data-dir"))
    hold_s = int(arg("--hold", "60"))
    app = make_app()
    window, store, _follower = build_window(
        folder / "data", folder / "settings.ini", time.monotonic, get_ready_s=3
    )
    companion = window.companion
    plain_plan = companion.plan

    def plan_with_long_hold(*args, **kwargs):
        plan = plain_plan(*args, **kwargs)
        first = dataclasses.replace(plan.stretches[0], hold_s=hold_s, reps=1)
        return dataclasses.replace(plan, stretches=(first, *plan.stretches[1:]))

    companion.plan = plan_with_long_hold
    records: list[tuple[float, str, str | None, int, float]] = []
    paints = DialPaints(window.exercise.dial)
    window.exercise.dial.installEventFilter(paints)
    out: dict[str, object] = {"hold_s": hold_s}

    def on_changed(snap) -> None:
        records.append(
            (
                time.monotonic(),
                snap.state.value,
                snap.step.value if snap.step else None,
                snap.countdown,
                snap.remaining_s,
            )
        )

    def finish() -> None:
        window.bridge.detach()
        app.quit()

    def go() -> None:
        window.start_session()
        bridge = window.bridge
        bridge.send(Event.CHECK_IN, rating=2)
        # the moment the window is told, before its pages do anything with the snapshot (a
        # page may paint the new number at once, before its slower work)
        bridge.changed.disconnect(window._on_snapshot)
        bridge.changed.connect(on_changed)
        bridge.changed.connect(window._on_snapshot)
        engine = bridge.engine
        get_ready = engine.plan.get_ready_s
        before = time.monotonic()
        bridge.send(Event.CONTINUE)
        after = time.monotonic()
        start = before + get_ready
        out.update(
            sent_before=before,
            sent_after=after,
            get_ready_s=get_ready,
            hold_start=start,
            hold_end=start + hold_s,
            exercise=engine.snapshot().exercise.id,
            step=engine.snapshot().step.value if engine.snapshot().step else None,
        )
        QTimer.singleShot(round((get_ready + hold_s + TAIL_S) * 1000), finish)
        out["hold_step"] = Step.HOLD.value

    window.show()
    QTimer.singleShot(500, go)
    app.exec()
    out["records"] = records
    out["paints"] = paints.paints
    store.close()
    emit(out)


if __name__ == "__main__":
    main()
