"""The figure a session shows next is worked out before the page switches to it: the switch
then builds no pose, and what it shows is the picture it would have built; a change of size
or theme does not matter to that work, one of side or motion setting leaves it unused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QImage

import backcompanion.ui.widgets.figure as figure_module
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, SessionEngine, Step
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan
from backcompanion.ui.theme import DARK, LIGHT
from backcompanion.ui.widgets.figure import FigureView
from backcompanion.ui.widgets.figure_ready import upcoming

PROGRAM = builtin_program()
WALL = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)


def _engine() -> tuple[SessionEngine, FakeClock]:
    plan = SessionPlan(
        breathing=PROGRAM.breathing,
        cadence=Cadence(4, 0, 6, 0, 3),
        stretches=tuple(StepPlan(e, 4, 1) for e in PROGRAM.stretches),
        strength=tuple(StepPlan(e, 4, 1) for e in PROGRAM.strength),
        gate_open=False,
        gate_reasons=(),
        get_ready_s=3,
        release_s=2,
    )
    clock = FakeClock()
    engine = SessionEngine(plan, clock, lambda: WALL)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=3)
    engine.send(Event.CONTINUE)
    return engine, clock


def _until(engine, clock, done) -> None:
    for _ in range(2000):
        if done(engine.snapshot()):
            return
        clock.advance(0.5)
        engine.update()
    raise AssertionError("the session never got there")


@pytest.fixture
def shown(qtbot, light) -> FigureView:
    view = FigureView(theme=LIGHT)
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.show()
    qtbot.waitExposed(view)
    return view


def _grab(view: FigureView) -> QImage:
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _count_scenes(monkeypatch) -> list[int]:
    calls = [0]
    real = figure_module.scene

    def counted(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(figure_module, "scene", counted)
    return calls


def test_what_comes_next_is_the_other_side_then_the_next_exercise():
    engine, clock = _engine()
    snap = engine.snapshot()
    assert snap.exercise.id == "angry_cat" and len(snap.exercise.sides) < 2
    nxt = upcoming(snap)
    assert nxt is not None and nxt[0].exercise == snap.next_exercise.id and not nxt[1]
    _until(engine, clock, lambda s: s.exercise.id == "hamstring_stretch")
    figure, mirrored = upcoming(engine.snapshot())
    assert figure.exercise == "hamstring_stretch" and mirrored  # its right leg comes next
    _until(engine, clock, lambda s: s.exercise.id == "hamstring_stretch" and s.side_index == 1)
    figure, mirrored = upcoming(engine.snapshot())
    assert figure.exercise != "hamstring_stretch" and not mirrored


def test_the_next_figure_is_ready_before_the_switch_and_looks_the_same(shown, monkeypatch):
    engine, clock = _engine()
    shown.follow_session(engine.snapshot())
    assert shown._preparing  # asked for later, once this snapshot's number is on screen
    _grab(shown)
    shown._prepare_upcoming()  # what that later call does
    assert shown._ready is not None and shown._ready.fits(*upcoming(engine.snapshot()), False)
    scenes = _count_scenes(monkeypatch)
    _until(engine, clock, lambda s: s.exercise.id != "angry_cat")
    assert engine.snapshot().step is Step.GET_READY
    shown.follow_session(engine.snapshot())
    assert scenes[0] == 0  # the switch built no pose
    switched = _grab(shown)
    fresh = FigureView(shown.figure(), theme=LIGHT)
    fresh.resize(640, 480)
    fresh.follow_session(engine.snapshot())
    assert switched == _grab(fresh)
    fresh.deleteLater()


@pytest.mark.parametrize("change", ["size", "theme", "side", "reduced"])
def test_a_change_leaves_the_work_done_ahead_unused(shown, monkeypatch, change):
    engine, clock = _engine()
    shown.follow_session(engine.snapshot())
    _grab(shown)
    shown._prepare_upcoming()
    ready = shown._ready
    if change == "size":
        shown.resize(800, 600)
    elif change == "theme":
        shown.set_theme(DARK)
    elif change == "reduced":
        shown.set_reduced_motion(True)
    _until(engine, clock, lambda s: s.exercise.id != "angry_cat")
    snap = engine.snapshot()
    scenes = _count_scenes(monkeypatch)
    if change == "side":
        shown.set_figure(ready.figure, not ready.mirrored)
    else:
        shown.follow_session(snap)
    _grab(shown)
    built = scenes[0]
    fresh = FigureView(shown.figure(), mirrored=shown.is_mirrored(), theme=shown.painted_theme())
    fresh.resize(shown.size())
    fresh.set_reduced_motion(shown.reduced_motion())
    fresh.set_moment(shown.moment())
    assert _grab(shown) == _grab(fresh)
    if change in ("side", "reduced"):
        assert built >= 1  # built again: the work done ahead was for another picture
    else:
        assert built == 0  # the paths are in world units: any size, any colours
    assert ready is not None and shown._ready is None  # used or dropped, never kept
    fresh.deleteLater()
