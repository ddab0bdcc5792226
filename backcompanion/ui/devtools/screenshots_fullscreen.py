"""The full-screen session view as PNG at three screen sizes, for ``make screenshots``.

Drives a real :class:`~backcompanion.session.engine.SessionEngine` on a fake clock
(the built-in program, the rules, no history) to the middle of an inhale and to the
middle of a hold on the right side of the hamstring stretch, and grabs the view at
each size to ``fullscreen-<what>-<W>x<H>-<theme>.png``. The caller applies the app
theme first (``apply_theme``): the fonts come from it, the colours from ``theme_name``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, SessionEngine, Snapshot, Step
from backcompanion.session.facts import SafetyFacts
from backcompanion.session.plan import PRESETS
from backcompanion.session.rules import load_rules, make_plan
from backcompanion.ui.session_screens.fullscreen_view import FullscreenSessionView
from backcompanion.ui.theme import DARK, LIGHT

__all__ = ["SIZES", "render_fullscreen"]

SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1920, 1080), (3840, 2160))
_NOW = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)


def _engine(clock: FakeClock) -> SessionEngine:
    program = builtin_program()
    plan = make_plan(load_rules(), program, [], SafetyFacts(None, None), _NOW, PRESETS["relaxed"])
    return SessionEngine(plan, clock, lambda: _NOW)


def _advance_until(engine: SessionEngine, clock: FakeClock, done: Callable[[Snapshot], bool]):
    for _ in range(100_000):
        snap = engine.snapshot()
        if done(snap):
            return
        clock.advance(max(1e-3, min(snap.remaining_s, 0.5)))
        engine.update()
    raise RuntimeError("the session never reached the moment to show")


def _mid_hold_right_hamstring(snap: Snapshot) -> bool:
    return (
        snap.exercise is not None
        and snap.exercise.id == "hamstring_stretch"
        and snap.side_index == 1
        and snap.step is Step.HOLD
        and snap.remaining_s <= snap.phase_duration_s / 2
    )


def render_fullscreen(out: Path, theme_name: str) -> list[Path]:
    """Grab the view mid-inhale and mid-hold at each of :data:`SIZES`; the PNGs written."""
    theme = {"light": LIGHT, "dark": DARK}[theme_name]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    clock = FakeClock()
    engine = _engine(clock)
    view = FullscreenSessionView(theme=theme, reduced_motion=False)
    engine.add_listener(lambda: view.show_snapshot(engine.snapshot()))
    saved: list[Path] = []

    def grab(what: str) -> None:
        for w, h in SIZES:
            view.resize(w, h)
            QApplication.processEvents()
            path = out / f"fullscreen-{what}-{w}x{h}-{theme_name}.png"
            if not view.grab().save(str(path)):
                raise OSError(f"cannot write {path}")
            saved.append(path)

    try:
        engine.send(Event.START)
        engine.send(Event.CHECK_IN, rating=4)
        inhale = engine.plan.cadence.inhale
        clock.advance(inhale / 2)
        engine.update()
        view.show_snapshot(engine.snapshot())
        view.show_breath(engine.breath_at(clock()))
        grab("breathing")
        engine.send(Event.CONTINUE)
        _advance_until(engine, clock, _mid_hold_right_hamstring)
        view.show_snapshot(engine.snapshot())
        grab("hold")
    finally:
        view.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return saved
