"""The full-screen session view: the pure layout at three screen sizes, and the view
fed by a real SessionEngine on a fake clock (no sleeps, no timers, nothing shown:
``grab()`` lays a hidden widget out and paints it)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

from backcompanion import i18n
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, PauseReason, SessionEngine, State, Step
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan
from backcompanion.ui.devtools.screenshots_fullscreen import SIZES, render_fullscreen
from backcompanion.ui.session_screens.fullscreen_layout import Rect, fullscreen_layout
from backcompanion.ui.session_screens.fullscreen_view import FullscreenSessionView
from backcompanion.ui.theme import DARK, LIGHT, apply_theme
from backcompanion.ui.widgets.fit_text import FitText

PROGRAM = builtin_program()
WALL = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
GET_READY, RELEASE, HOLD, REPS = 5, 2, 4, 2
SCREENS = [(1366, 768), (1920, 1080), (3840, 2160)]
SCREEN_IDS = [f"{w}x{h}" for w, h in SCREENS]


def plan(*, gate_open=False, breaths=3) -> SessionPlan:
    """Short holds: get ready 5 s, hold 4 s, release 2 s, 2 repeats per side."""

    def step(ex):
        return StepPlan(ex, HOLD, REPS)

    return SessionPlan(
        breathing=PROGRAM.breathing,
        cadence=Cadence(4, 0, 6, 0, breaths),
        stretches=tuple(step(e) for e in PROGRAM.stretches),
        strength=tuple(step(e) for e in PROGRAM.strength),
        gate_open=gate_open,
        gate_reasons=("5 more stretching sessions.",),
        get_ready_s=GET_READY,
        release_s=RELEASE,
    )


class Run:
    """One engine on a fake clock; the view is told every change, as the bridge tells it."""

    def __init__(self, view: FullscreenSessionView, plan_: SessionPlan | None = None):
        self.view = view
        self.clock = FakeClock()
        self.engine = SessionEngine(plan_ or plan(), self.clock, lambda: WALL)
        self.engine.add_listener(self.refresh)

    def refresh(self) -> None:
        self.view.show_snapshot(self.engine.snapshot())

    @property
    def snap(self):
        return self.engine.snapshot()

    def send(self, event: Event, **payload) -> None:
        self.engine.send(event, **payload)

    def wait(self, seconds: float) -> None:
        """The display tick: time passes and the view is told, changed or not."""
        self.clock.advance(seconds)
        self.engine.update()
        self.refresh()

    def until(self, done) -> None:
        for _ in range(10_000):
            if done(self.snap):
                return
            self.wait(0.25)
        raise AssertionError("the session never got there")

    def to_breathing(self) -> None:
        self.send(Event.START)
        self.send(Event.CHECK_IN, rating=4)

    def to_stretching(self) -> None:
        self.to_breathing()
        self.send(Event.CONTINUE)

    def to(self, exercise_id: str) -> None:
        while self.snap.exercise.id != exercise_id:
            self.send(Event.SKIP_EXERCISE)


@pytest.fixture(autouse=True)
def _delete_closed_views(qapp):
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def view(qtbot, light) -> FullscreenSessionView:
    widget = FullscreenSessionView(reduced_motion=False)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.grab()  # a hidden widget gets its resize events when it is first painted
    return widget


@pytest.fixture
def run(view) -> Run:
    r = Run(view)
    r.to_stretching()
    return r


def _resize(view: FullscreenSessionView, w: int, h: int) -> QImage:
    view.resize(w, h)
    return view.grab().toImage()


# ---------------------------------------------------------------- the pure layout


@pytest.mark.parametrize(("w", "h"), SCREENS, ids=SCREEN_IDS)
def test_layout_inside_the_screen_without_overlaps(w, h):
    lay = fullscreen_layout(w, h)
    assert (lay.width, lay.height) == (w, h)
    for group in (lay.exercise_rects(), lay.breathing_rects(), lay.message_rects()):
        for name, rect in group.items():
            assert not rect.is_empty(), name
            assert rect.inside(w, h), f"{name} {rect} leaves the {w}x{h} screen"
        for (a, ra), (b, rb) in itertools.combinations(group.items(), 2):
            assert not ra.overlaps(rb), f"{a} {ra} overlaps {b} {rb}"


@pytest.mark.parametrize(("w", "h"), SCREENS, ids=SCREEN_IDS)
def test_layout_digits_a_fifth_of_the_height_and_a_square_dial(w, h):
    lay = fullscreen_layout(w, h)
    assert lay.dial.w == lay.dial.h  # the dial's circle fills its square
    assert lay.digit_px >= h / 5
    # Atkinson Hyperlegible's capitals (and digits) are two thirds of the pixel size:
    # even the cap height is more than a fifth of the screen
    assert lay.digit_px * 0.66 >= h / 5
    assert lay.dial.h >= 0.7 * h


@pytest.mark.parametrize(("w", "h"), SCREENS, ids=SCREEN_IDS)
def test_layout_is_sized_from_the_height(w, h):
    lay = fullscreen_layout(w, h)
    small = fullscreen_layout(1366, 768)
    scale = h / 768
    for name in ("name", "rep", "side", "cue", "phase", "dial"):
        assert getattr(lay, name).h == pytest.approx(getattr(small, name).h * scale, abs=2)
    assert lay.bar.h <= 0.015 * h  # thin
    assert lay.bar.w == w - 2 * lay.bar.x  # along the whole width
    assert lay.bar.bottom < h
    # the picture keeps a useful 4:3 area; the left column and the dial share the width
    assert lay.figure.h >= 0.4 * h
    assert lay.name.right < lay.dial.x and lay.cue.right < lay.dial.x
    assert lay.phase.x == lay.dial.x and lay.phase.bottom <= lay.dial.y


@pytest.mark.parametrize(("w", "h"), [(1280, 800), (1024, 768), (2560, 1080), (800, 600)])
def test_layout_holds_on_other_shapes(w, h):
    lay = fullscreen_layout(w, h)
    for group in (lay.exercise_rects(), lay.breathing_rects(), lay.message_rects()):
        for name, rect in group.items():
            assert not rect.is_empty() and rect.inside(w, h), name
        for (a, ra), (b, rb) in itertools.combinations(group.items(), 2):
            assert not ra.overlaps(rb), (a, b)


def test_layout_degenerate_sizes():
    for w, h in ((0, 0), (1, 1), (50, 900), (900, 20)):
        lay = fullscreen_layout(w, h)
        for rect in (*lay.exercise_rects().values(), *lay.breathing_rects().values()):
            assert rect.w >= 0 and rect.h >= 0


def test_rect_helpers():
    a = Rect(0, 0, 10, 10)
    assert a.overlaps(Rect(5, 5, 10, 10))
    assert not a.overlaps(Rect(10, 0, 5, 5))  # touching is not overlapping
    assert a.inside(10, 10) and not Rect(1, 0, 10, 10).inside(10, 10)
    assert a.qrect() == QRect(0, 0, 10, 10)


# ---------------------------------------------------------------- the view at each size


def _ink_rows(image: QImage, box: QRect, colour: str, tol: int = 60) -> tuple[int, int]:
    """The first and last row of ``box`` with a pixel near ``colour`` (the digits' ink)."""
    c = QColor(colour)
    rows = []
    for y in range(box.top(), box.bottom() + 1):
        for x in range(box.left(), box.right() + 1, 2):
            p = image.pixelColor(x, y)
            if (
                abs(p.red() - c.red()) <= tol
                and abs(p.green() - c.green()) <= tol
                and abs(p.blue() - c.blue()) <= tol
            ):
                rows.append(y)
                break
    assert rows, "no digits drawn"
    return rows[0], rows[-1]


@pytest.mark.parametrize(("w", "h"), SCREENS, ids=SCREEN_IDS)
def test_digits_at_least_a_fifth_of_the_height(view, run, w, h):
    run.send(Event.CONTINUE)  # a hold: the digits in the text colour on a faint tint
    assert run.snap.step is Step.HOLD
    image = _resize(view, w, h)
    dial = view.dial
    assert dial.geometry() == view.layout_now().dial.qrect()
    font = dial.digit_font()
    assert font.pixelSize() >= h / 5
    assert QFontMetricsF(font).capHeight() >= h / 5
    # and as painted: the "4" is more than a fifth of the screen's height
    g = dial.geometry_now()
    box = QRect(
        dial.x() + round(g.center_x - g.digit_box / 2),
        dial.y() + round(g.center_y - g.digit_box / 2),
        round(g.digit_box),
        round(g.digit_box),
    )
    top, bottom = _ink_rows(image, box, LIGHT.text)
    assert bottom - top + 1 >= h / 5


def _parts_inside(view: FullscreenSessionView) -> None:
    screen = view.rect()
    for part in view.visible_parts():
        assert not part.isHidden(), part.objectName()
        assert screen.contains(part.geometry()), f"{part.objectName()} {part.geometry()}"
    for text in view.findChildren(FitText):
        if text.isHidden() or not text.text():
            continue
        assert text.shown_text() == text.text(), f"{text.objectName()} elided"
        fm = QFontMetricsF(text.fitted_font())
        box = text.text_rect()
        assert fm.horizontalAdvance(text.text()) <= box.width() + 0.5, text.objectName()
        assert fm.height() <= box.height() + 0.5, text.objectName()


@pytest.mark.parametrize(("w", "h"), SCREENS, ids=SCREEN_IDS)
def test_nothing_clipped_at_each_size(view, run, w, h):
    """The widgets sit inside the screen and each text fits its place, whole."""
    _resize(view, w, h)
    run.to("hamstring_stretch")
    run.until(lambda s: s.switching_side)  # "Switch sides: right leg", outlined
    _parts_inside(view)
    run.send(Event.CONTINUE)
    _parts_inside(view)  # the hold: "Breathe out into the stretch"
    long = Run(view, plan(gate_open=True))
    long.to_stretching()
    while long.snap.state is State.STRETCHING:
        long.send(Event.SKIP_EXERCISE)
    _parts_inside(view)  # the gate
    long.send(Event.CONTINUE)
    long.to("bird_dog")
    long.until(lambda s: s.switching_side)  # "Switch sides: right leg and left arm"
    assert view.side_text.text() == "Switch sides: right leg and left arm"
    _parts_inside(view)
    breathing = Run(view)
    breathing.to_breathing()
    _parts_inside(view)


# ---------------------------------------------------------------- following the engine


def test_shows_the_engine_name_rep_side_countdown_and_cue(view, run):
    assert view.mode() == "exercise"
    assert view.name_text.text() == "Angry cat"
    assert view.rep_text.text() == f"Rep 1 of {REPS}"
    assert view.side_text.text() == ""  # done once: no side
    assert view.phase_text.text() == "Get ready"
    assert view.cue_text.text() == "Get into position"
    assert (view.dial.mode(), view.dial.text()) == ("ready", "5")
    run.wait(1.0)
    assert view.dial.text() == "4"
    # the last three seconds before the hold: 3-2-1, by segments and in the hold colour
    for n in (3, 2, 1):
        run.wait(1.0)
        assert (view.dial.mode(), view.dial.text()) == ("count_in", str(n))
        assert view.phase_text.text() == f"Get ready: {n}"
        assert view.phase_text.role() == "hold"
    run.wait(1.0)
    assert run.snap.step is Step.HOLD
    assert (view.dial.mode(), view.dial.text()) == ("hold", str(HOLD))
    assert (view.phase_text.text(), view.phase_text.role()) == ("Hold", "hold")
    assert view.cue_text.text() == "Breathe out into the stretch"  # angry cat asks for it
    run.wait(HOLD)
    assert run.snap.step is Step.RELEASE
    assert (view.dial.mode(), view.dial.text()) == ("release", str(RELEASE))
    assert (view.phase_text.text(), view.phase_text.role()) == ("Release", "release")
    assert view.cue_text.text() == "Relax and breathe"
    assert view.rep_text.text() == f"Rep 2 of {REPS}"
    assert 0 < view.progress.value() < 1
    assert view.progress.value() == pytest.approx(run.snap.session_progress)


def test_a_hold_without_the_exhale_cue(view, qtbot):
    r = Run(view, plan(gate_open=True))
    r.to_stretching()
    while r.snap.state is State.STRETCHING:
        r.send(Event.SKIP_EXERCISE)
    r.send(Event.CONTINUE)
    assert r.snap.exercise.id == "bridge"
    r.send(Event.CONTINUE)
    assert view.cue_text.text() == "Keep breathing"


def test_sides_mirrored_on_the_second_side(view, run):
    run.to("hamstring_stretch")
    assert view.name_text.text() == "Hamstring stretch"
    assert view.side_text.text() == "Left leg"
    assert not view.side_text.is_boxed()
    assert view.figure.figure_id() == "hamstring_stretch"
    assert not view.figure.is_mirrored()
    run.until(lambda s: s.side_index == 1)
    assert view.side_text.text() == "Switch sides: right leg"
    assert view.side_text.is_boxed()  # by shape, not by colour alone
    assert view.cue_text.text() == "Change sides and get into position"
    assert view.figure.is_mirrored()
    # what comes is this stretch's other side: nothing on screen names the next stretch
    shown = [t.text() for t in view.findChildren(FitText) if not t.isHidden()]
    assert "Hamstring stretch" in shown and not any("Piriformis" in t for t in shown)
    run.send(Event.CONTINUE)
    assert view.side_text.text() == "Right leg" and not view.side_text.is_boxed()
    assert view.figure.is_mirrored()
    run.send(Event.SKIP_EXERCISE)
    assert not view.figure.is_mirrored()


def test_breathing_pacer_and_breath_count(view):
    r = Run(view, plan(breaths=3))
    r.to_breathing()
    assert view.mode() == "breathing"
    assert view.name_text.text() == "90/90 breathing"
    assert view.rep_text.text() == "Breath 1 of 3"
    assert view.pacer.isVisibleTo(view) and not view.dial.isVisibleTo(view)
    assert view.figure.figure_id() == "breathing_90_90_wall"
    assert view.figure.geometry() == view.layout_now().breath_picture.qrect()
    r.wait(2.0)  # mid-inhale
    view.show_breath(r.engine.breath_at(r.clock.now))
    pacer = view.pacer
    assert (pacer.phase_word(), pacer.phase(), pacer.count()) == ("Breathe in", "inhale", 2)
    assert pacer.size_value() == pytest.approx(0.5)
    r.wait(8.0)
    assert view.rep_text.text() == "Breath 2 of 3"
    view.show_breath(None)  # not breathing: nothing changes
    assert pacer.phase() == "inhale"
    view.set_reduced_motion(True)
    assert pacer.reduced_motion()
    view.set_reduced_motion(False)
    assert not pacer.reduced_motion()
    r.send(Event.CONTINUE)
    assert view.mode() == "exercise"
    assert view.figure.geometry() == view.layout_now().figure.qrect()


@pytest.mark.parametrize("gate_open", [True, False], ids=["open", "closed"])
def test_the_gate_in_one_line(view, gate_open):
    r = Run(view, plan(gate_open=gate_open))
    r.to_stretching()
    while r.snap.state is State.STRETCHING:
        r.send(Event.SKIP_EXERCISE)
    assert view.mode() == "gate"
    expected = "Strengthening is open" if gate_open else "Strengthening stays locked for now"
    assert view.message_text.text() == expected
    assert view.detail_text.text() == "Continuing by itself in 8 s"
    r.wait(3.0)
    assert view.detail_text.text() == "Continuing by itself in 5 s"
    assert not view.dial.isVisibleTo(view) and not view.name_text.isVisibleTo(view)


def test_paused_large_and_resumed(view, run):
    assert not view.is_paused_shown()
    run.send(Event.PAUSE)
    assert view.is_paused_shown()
    assert view.paused.title.text() == "Paused - press Space"
    assert view.paused.reason.text() == ""
    image = view.grab().toImage()
    assert image.width() == 1366
    # large: the line is more than a tenth of the height, inside a card inside the screen
    assert view.paused.title.fitted_font().pixelSize() >= 768 / 10
    assert view.rect().toRectF().contains(view.paused.card_rect())
    run.send(Event.RESUME)
    assert not view.is_paused_shown()
    run.engine.suspend_detected(60.0)
    assert view.is_paused_shown()
    assert view.paused.reason.text() == "Paused while the computer was asleep"


def test_the_paused_cover_says_why_in_its_own_context(view):
    i18n.install(lambda context, text, disambiguation=None, n=-1: f"<{context}>{text}")
    try:
        view.paused.set_reason(PauseReason.RESTORED)
        restored = view.paused.reason.text()
        view.paused.set_reason(PauseReason.USER)
        by_hand = view.paused.reason.text()
    finally:
        i18n.install(None)
    assert restored == (
        "<PausedCover>Your last session was interrupted: it picks up where you left off"
    )
    assert by_hand == ""


def test_other_states_show_only_the_bar(view):
    r = Run(view)
    r.send(Event.START)
    assert view.mode() == "blank"
    assert [p.objectName() for p in view.visible_parts()] == ["fsProgress"]


def test_escape_asks_to_leave_and_other_keys_go_on(qtbot, view):
    with qtbot.waitSignal(view.exitRequested, timeout=100):
        esc = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view, esc)
    assert esc.isAccepted()
    space = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier)
    with qtbot.assertNotEmitted(view.exitRequested):
        QApplication.sendEvent(view, space)
    assert not space.isAccepted()  # the main window takes Space, N, B ... as before


def test_the_view_owns_no_timer(view, run):
    run.until(lambda s: s.step is Step.RELEASE)
    run.send(Event.PAUSE)
    run.send(Event.RESUME)
    assert view.findChildren(QTimer) == []


def test_theme_pinned_and_followed(qtbot, qapp, view, run):
    run.send(Event.CONTINUE)
    view.set_theme(DARK)
    assert view.theme() is DARK
    assert view.dial.theme() is DARK and view.pacer.theme() is DARK
    image = view.grab().toImage()
    assert image.pixelColor(2, 2) == QColor(DARK.window)
    view.set_theme(None)
    assert view.theme() is LIGHT
    apply_theme(qapp, DARK)
    QApplication.processEvents()
    assert view.dial.theme() is DARK
    assert view.grab().toImage().pixelColor(2, 2) == QColor(DARK.window)
    apply_theme(qapp, LIGHT)
    QApplication.processEvents()
    assert view.dial.theme() is LIGHT


def test_the_paused_cover_hands_its_theme_to_its_lines(view):
    view.set_theme(DARK)
    cover = view.paused
    assert cover.painted_theme() is DARK
    assert cover.title.painted_theme() is DARK and cover.reason.painted_theme() is DARK
    assert view.progress.painted_theme() is DARK and view.name_text.painted_theme() is DARK


# ---------------------------------------------------------------- the screenshots


def test_render_fullscreen_writes_each_moment_at_each_size(tmp_path, light):
    paths = render_fullscreen(tmp_path, "light")
    names = sorted(p.name for p in paths)
    expected = sorted(
        f"fullscreen-{what}-{w}x{h}-light.png" for what in ("breathing", "hold") for w, h in SIZES
    )
    assert names == expected
    for path in paths:
        image = QImage(str(path))
        w, h = (int(x) for x in path.name.split("-")[2].split("x"))
        assert (image.width(), image.height()) == (w, h)
