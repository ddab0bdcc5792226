"""The session pages, fed by a real SessionEngine on a fake clock (no sleeps, no timers).

Each page is wired the way the session bridge wires it: every engine change calls
``show_snapshot(engine.snapshot())``. The tests move the fake clock, send events
(often the very events the pages emitted) and read what the pages show.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication

from backcompanion import i18n
from backcompanion.companion import DoneSummary
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, PauseReason, SessionEngine, State, Step
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan
from backcompanion.session.records import Effort
from backcompanion.session.rules import GATE_OPEN_TEXT
from backcompanion.ui.session_screens.breathing_page import BreathingPage
from backcompanion.ui.session_screens.done_page import DonePage
from backcompanion.ui.session_screens.exercise_page import ExercisePage, next_up, next_up_side
from backcompanion.ui.session_screens.gate_page import GatePage
from backcompanion.ui.session_screens.page_base import scale_factor
from backcompanion.ui.theme import DARK, LIGHT, apply_theme
from backcompanion.ui.widgets.controls import KeyButton, pause_reason_text
from backcompanion.ui.widgets.pacer import phase_words
from backcompanion.ui.widgets.timer_dial import (
    FULL_CIRCLE,
    TOP,
    TimerDial,
    dial_geometry,
    dial_mode,
)

PROGRAM = builtin_program()
# Showing a top-level page on the offscreen platform: its layout sets size constraints
# that the platform cannot pass on, and says so at warning level. Nothing to fix here.
SHOWN = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
WALL = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
GET_READY, RELEASE, HOLD, REPS = 5, 2, 4, 2
CLOSED_REASONS = (
    "5 more stretching sessions with at least 80 % of the repeats done.",
    "Answer the safety questions: it takes a minute.",
)


def plan(*, gate_open=False, reasons=CLOSED_REASONS, strength=None, breaths=3) -> SessionPlan:
    """Short holds: get ready 5 s, hold 4 s, release 2 s, 2 repeats per side."""

    def step(ex):
        return StepPlan(ex, HOLD, REPS)

    return SessionPlan(
        breathing=PROGRAM.breathing,
        cadence=Cadence(4, 0, 6, 0, breaths),
        stretches=tuple(step(e) for e in PROGRAM.stretches),
        strength=tuple(step(e) for e in (strength or PROGRAM.strength)),
        gate_open=gate_open,
        gate_reasons=reasons,
        easier={"plank": step(PROGRAM.by_id("knee_plank"))},
        get_ready_s=GET_READY,
        release_s=RELEASE,
    )


class Run:
    """One engine on a fake clock, with pages wired like the bridge wires them."""

    def __init__(self, plan_: SessionPlan | None = None, *pages):
        self.clock = FakeClock()
        self.engine = SessionEngine(plan_ or plan(), self.clock, lambda: WALL)
        self.pages = list(pages)
        self.engine.add_listener(self.refresh)

    def refresh(self) -> None:
        snap = self.engine.snapshot()
        for page in self.pages:
            page.show_snapshot(snap)

    @property
    def snap(self):
        return self.engine.snapshot()

    def send(self, event: Event, **payload) -> None:
        self.engine.send(event, **payload)

    def wait(self, seconds: float) -> None:
        """The display tick: time passes and the page is told, changed or not."""
        self.clock.advance(seconds)
        self.engine.update()
        self.refresh()

    def to_breathing(self) -> None:
        self.send(Event.START)
        self.send(Event.CHECK_IN, rating=4)

    def to_stretching(self) -> None:
        self.to_breathing()
        self.send(Event.CONTINUE)

    def to(self, exercise_id: str) -> None:
        while self.snap.exercise.id != exercise_id:
            self.send(Event.SKIP_EXERCISE)

    def to_gate(self) -> None:
        self.to_stretching()
        while self.snap.state is State.STRETCHING:
            self.send(Event.SKIP_EXERCISE)
        assert self.snap.state is State.GATE


@pytest.fixture(autouse=True)
def _delete_closed_pages(qapp):
    """qtbot closes each widget with deleteLater(), which no event loop runs here: run it,
    so that pages do not pile up and slow down every later test's theme change."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def page(qtbot, light) -> ExercisePage:
    widget = ExercisePage()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


@pytest.fixture
def run(page) -> Run:
    r = Run(plan(), page)
    r.to_stretching()
    return r


# ---------------------------------------------------------------- dial geometry

# A 400 x 300 dial, worked by hand:
#   shorter side 300, margin 3 % = 9: outer radius 150 - 9 = 141, centre (200, 150)
#   ring 16 % of 141 = 22.56 wide; the pens draw at 141 - 11.28 = 129.72
#   inner diameter 2 * (141 - 22.56) = 236.88; the digits fit 80 % of it = 189.504
#   digits 42 % of 300 = 126 px; release square: half side 86 % of 129.72 = 111.5592,
#   corners 30 % of that = 33.46776
#   half the hold left: the arc spans 180 degrees clockwise from twelve o'clock


def test_dial_geometry_by_hand():
    g = dial_geometry(400, 300, 0.5)
    assert g.center == (200.0, 150.0)
    assert g.outer_radius == pytest.approx(141.0)
    assert g.stroke == pytest.approx(22.56)
    assert g.ring_radius == pytest.approx(129.72)
    assert g.digit_box == pytest.approx(189.504)
    assert g.digit_px == pytest.approx(126.0)
    assert g.square_half == pytest.approx(111.5592)
    assert g.corner_radius == pytest.approx(33.46776)
    assert (g.start_angle, g.span_angle) == (TOP, -FULL_CIRCLE // 2) == (1440, -2880)
    # three count-in segments of 120 - 14 = 106 degrees, the first centred on 12 o'clock's
    # right, then clockwise: starts at 83, -37 and -157 degrees
    assert g.segments == ((1328, -1696), (-592, -1696), (-2512, -1696))


def test_dial_geometry_clamps_and_degenerate_sizes():
    assert dial_geometry(400, 300, -1).span_angle == 0
    assert dial_geometry(400, 300, 7).span_angle == -FULL_CIRCLE
    assert dial_geometry(400, 300, 0.25).span_angle == -1440
    empty = dial_geometry(0, 0, 0.5)
    assert empty.outer_radius == empty.ring_radius == empty.digit_px == 0
    assert dial_geometry(-5, 10, 0.5).outer_radius == 0


def test_dial_digits_scale_with_the_height_of_a_wide_dial():
    short, tall = dial_geometry(2000, 300, 1.0), dial_geometry(2000, 600, 1.0)
    assert tall.digit_px == pytest.approx(2 * short.digit_px)
    assert tall.ring_radius == pytest.approx(2 * short.ring_radius)
    # a narrow dial is limited by its width instead
    assert dial_geometry(300, 2000, 1.0).digit_px == pytest.approx(short.digit_px)


def test_dial_mode_and_next_up_are_pure(qapp):
    assert dial_mode(Step.HOLD, 2) == "hold"
    assert dial_mode(Step.RELEASE, 1) == "release"
    assert [dial_mode(Step.GET_READY, n) for n in (5, 4, 3, 2, 1)] == [
        "ready",
        "ready",
        "count_in",
        "count_in",
        "count_in",
    ]
    r = Run(plan())
    assert next_up(r.snap) is None  # idle
    r.to_stretching()
    assert next_up(r.snap).id == "angry_cat"  # the first rep: the exercise about to start
    assert next_up_side(r.snap) == ""
    r.to("hamstring_stretch")
    assert (next_up(r.snap).id, next_up_side(r.snap)) == ("hamstring_stretch", "")
    while r.snap.side_index != 1:
        r.send(Event.SKIP_REPEAT)
    assert r.snap.switching_side and r.snap.step is Step.GET_READY
    # "Switch sides: right leg / Get ready": next up is this stretch's right leg
    assert (next_up(r.snap).id, next_up_side(r.snap)) == ("hamstring_stretch", "right leg")


# ---------------------------------------------------------------- the dial widget


def _dial(qtbot, w=300, h=300) -> TimerDial:
    dial = TimerDial()
    qtbot.addWidget(dial)
    dial.resize(w, h)
    return dial


def test_dial_stores_the_phase_and_rejects_unknown_modes(qtbot, light):
    dial = _dial(qtbot)
    dial.set_phase("hold", 7, 0.4)
    assert (dial.mode(), dial.text(), dial.fraction()) == ("hold", "7", 0.4)
    assert dial.accessibleDescription() == "7"
    dial.set_phase("release", None, 2.0)
    assert dial.text() == "" and dial.fraction() == 1.0
    with pytest.raises(ValueError):
        dial.set_phase("spinning", 3, 0.5)


def test_dial_digits_fit_the_ring_and_grow_with_the_height(qtbot, light):
    small, big = _dial(qtbot, 300, 200), _dial(qtbot, 900, 600)
    for dial in (small, big):
        dial.set_phase("hold", 120, 1.0)  # three digits: shrunk to fit inside the ring
        width = QFontMetricsF(dial.digit_font()).horizontalAdvance("120")
        assert width <= dial.geometry_now().digit_box + 1
    small.set_phase("hold", 8, 1.0)
    big.set_phase("hold", 8, 1.0)
    assert big.digit_font().pixelSize() == pytest.approx(3 * small.digit_font().pixelSize(), abs=2)
    assert big.digit_font().pixelSize() >= 200  # readable from the mat


def _near(image: QImage, x: float, y: float) -> QColor:
    dpr = image.devicePixelRatio()
    return image.pixelColor(round(x * dpr), round(y * dpr))


def _close(a: QColor, b: str | QColor, tol: int = 40) -> bool:
    b = QColor(b)
    return all(abs(p - q) <= tol for p, q in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_hold_and_release_differ_in_shape(qtbot, qapp, theme):
    apply_theme(qapp, theme)
    dial = _dial(qtbot)
    g = dial.geometry_now()
    cx, cy, r = g.center_x, g.center_y, g.ring_radius
    on_ring = QPointF(cx + r * math.cos(math.radians(60)), cy - r * math.sin(math.radians(60)))
    square_top = QPointF(cx, cy - g.square_half)
    dial.set_phase("hold", 4, 1.0)
    hold = dial.grab().toImage()
    assert _close(_near(hold, on_ring.x(), on_ring.y()), theme.hold)  # a thick ring, filled
    assert not _close(_near(hold, square_top.x(), square_top.y()), theme.release)
    dial.set_phase("release", 2, 1.0)
    release = dial.grab().toImage()
    assert _close(_near(release, square_top.x(), square_top.y()), theme.release)  # a square
    assert not _close(_near(release, on_ring.x(), on_ring.y()), theme.hold)  # no ring
    # and the hold's ring empties clockwise: with a quarter left, 3 o'clock is still full
    # and 9 o'clock is faint
    dial.set_phase("hold", 1, 0.25)
    quarter = dial.grab().toImage()
    assert _close(_near(quarter, cx + r * 0.7071, cy - r * 0.7071), theme.hold)
    assert not _close(_near(quarter, cx - r, cy), theme.hold, tol=20)
    apply_theme(qapp, LIGHT)


# ---------------------------------------------------------------- exercise page


def test_name_rep_side_and_countdown_follow_the_engine(page, run):
    assert page.name_label.text() == "Angry cat"
    assert page.rep_label.text() == "Rep 1 of 2"
    assert page.side_notice.isHidden()  # done once: no side
    assert page.section_label.text() == "Stretch 1 of 6"
    assert page.phase_text() == "Get ready"
    assert (page.dial.mode(), page.dial.text()) == ("ready", "5")
    run.wait(1.0)
    assert page.dial.text() == "4"
    run.wait(4.0)  # the hold begins
    assert run.snap.step is Step.HOLD
    assert page.phase_text() == "Hold"
    assert (page.dial.mode(), page.dial.text()) == ("hold", "4")
    assert page.dial.fraction() == pytest.approx(1.0)
    run.wait(1.5)
    assert page.dial.text() == "3"  # 2.5 s left
    assert page.dial.fraction() == pytest.approx(2.5 / HOLD)
    run.wait(2.5)  # the release before repeat 2
    assert page.phase_text() == "Release"
    assert (page.dial.mode(), page.dial.text()) == ("release", "2")
    assert page.rep_label.text() == "Rep 2 of 2"
    assert page.cue_label.text() == "Relax and breathe"


def test_three_two_one_in_the_last_three_seconds_of_get_ready(page, run):
    run.wait(1.0)
    assert page.phase_text() == "Get ready" and page.dial.mode() == "ready"
    for n in (3, 2, 1):
        run.wait(1.0)
        assert page.dial.mode() == "count_in"
        assert page.dial.text() == str(n)
        assert page.phase_text() == f"Get ready: {n}"
    run.wait(1.0)
    assert page.dial.mode() == "hold" and page.phase_text() == "Hold"


def test_exhale_cue_only_during_stretch_holds(page, run):
    assert page.slot.currentWidget() is page.next_up
    run.send(Event.CONTINUE)  # start the hold now
    assert page.slot.currentWidget() is page.cue_label
    assert page.cue_label.text() == "Breathe out into the stretch"
    # a strength hold asks for steady breathing instead
    r = Run(plan(gate_open=True, reasons=(GATE_OPEN_TEXT,)), page)
    r.to_gate()
    r.send(Event.CONTINUE)
    r.send(Event.CONTINUE)
    assert r.snap.state is State.STRENGTHENING and r.snap.step is Step.HOLD
    assert not r.snap.exhale_cue
    assert page.cue_label.text() == "Keep breathing"


def test_next_up_during_get_ready(page, run):
    assert page.next_up.exercise().id == "angry_cat"  # first rep: what is about to start
    assert page.next_up.name.text() == "Angry cat"
    assert page.next_up.picture.figure_id() == "angry_cat"
    run.to("hamstring_stretch")
    while run.snap.side_index != 1:
        run.send(Event.SKIP_REPEAT)
    assert run.snap.switching_side
    assert page.side_label.text() == "Switch sides: right leg"
    # what this get_ready leads into: the same stretch on its other side, not the next one
    assert page.next_up.exercise().id == "hamstring_stretch"
    assert page.next_up.side() == "right leg"
    assert page.next_up.name.text() == "Hamstring stretch (right leg)"
    assert page.next_up.picture.figure_id() == "hamstring_stretch"
    assert page.next_up.accessibleName() == "Next up: Hamstring stretch (right leg)"
    assert "Piriformis" not in page.next_up.name.text()
    run.send(Event.CONTINUE)
    assert page.slot.currentWidget() is not page.next_up


def test_sides_switch_notice_and_mirrored_picture(page, run):
    run.to("hamstring_stretch")
    assert page.side_label.text() == "Left leg"
    assert not page.switch_notice_shown()
    assert page.figure.figure_id() == "hamstring_stretch"
    assert not page.figure.is_mirrored()
    while run.snap.side_index != 1:
        run.send(Event.SKIP_REPEAT)
    assert page.side_label.text() == "Switch sides: right leg"
    assert page.switch_notice_shown()
    assert page.figure.is_mirrored()
    run.send(Event.CONTINUE)
    assert page.side_label.text() == "Right leg"
    assert not page.switch_notice_shown()
    assert page.figure.is_mirrored()
    run.to("piriformis_stretch")
    assert not page.figure.is_mirrored()
    assert page.figure.figure_id() == "piriformis_stretch"


def test_instructions_show_position_and_movement(page, run):
    ex = PROGRAM.by_id("angry_cat")
    assert ex.instructions.position in page.position_label.text()
    assert ex.instructions.movement in page.movement_label.text()
    assert page.position_label.accessibleName() == f"Position: {ex.instructions.position}"


def test_session_progress_line(page, run):
    start = page.progress.value()
    assert start == pytest.approx(run.snap.session_progress)
    run.wait(6.0)
    assert page.progress.value() > start
    assert page.progress.value() == pytest.approx(run.snap.session_progress)


BUTTONS = [
    ("back_button", Event.PREVIOUS, "(B)"),
    ("next_button", Event.SKIP_REPEAT, "(N)"),
    ("hurts_button", Event.THIS_HURTS, "(H)"),
    ("too_hard_button", Event.TOO_HARD, "(T)"),
    ("stop_button", Event.STOP, "(Esc)"),
    ("pause_button", Event.PAUSE, "(Space)"),
]


@pytest.mark.parametrize(("name", "event", "key"), BUTTONS, ids=[b[0] for b in BUTTONS])
def test_each_button_emits_its_event_and_the_engine_takes_it(qtbot, page, run, name, event, key):
    button = getattr(page, name)
    assert button.isEnabled()
    assert button.accessibleName()
    assert key in button.toolTip()
    assert button.key_hint() == key.strip("()")
    with qtbot.waitSignal(page.event_requested, timeout=0) as sent:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert sent.args == [event, {}]
    run.send(sent.args[0], **sent.args[1])  # a move the engine allows: no exception


def test_buttons_follow_allowed_events_and_pause_becomes_resume(qtbot, page, run):
    run.send(Event.PAUSE)
    assert run.snap.allowed_events == {Event.RESUME, Event.STOP}
    for name in ("back_button", "next_button", "hurts_button", "too_hard_button"):
        assert not getattr(page, name).isEnabled(), name
    assert page.stop_button.isEnabled()
    assert page.pause_button.isEnabled()
    assert page.pause_button.text() == "Resume"
    assert "Space" in page.pause_button.toolTip()
    with qtbot.waitSignal(page.event_requested, timeout=0) as sent:
        qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    assert sent.args == [Event.RESUME, {}]
    run.send(Event.RESUME)
    assert page.pause_button.text() == "Pause"
    assert all(b.isEnabled() for b in (page.back_button, page.next_button, page.hurts_button))


def test_paused_overlay_and_the_suspend_reason(page, run):
    assert not page.is_paused_shown()
    run.wait(2.0)
    run.send(Event.PAUSE)
    assert page.is_paused_shown()
    overlay = page.overlay
    assert overlay.title.text() == "Paused"
    assert overlay.hint.text() == "Press Space to continue"
    assert overlay.reason.isHidden()
    assert page.dial.text() == "3"  # frozen where it was
    run.wait(30.0)
    assert page.dial.text() == "3"
    run.send(Event.RESUME)
    assert not page.is_paused_shown()
    run.wait(0.5)
    run.engine.suspend_detected(120.0)
    assert page.is_paused_shown()
    assert not overlay.reason.isHidden()
    assert overlay.reason.text() == "Paused while the computer was asleep"
    assert "asleep" in overlay.accessibleDescription()


@SHOWN
def test_paused_overlay_covers_the_content_and_leaves_the_buttons(qtbot, page, run):
    page.show()
    qtbot.waitExposed(page)
    run.send(Event.PAUSE)
    overlay = page.overlay
    assert overlay.geometry() == page.content.rect()
    assert overlay.card.geometry().width() > 0
    needed = overlay.card.layout().totalHeightForWidth(overlay.card.width())
    assert overlay.card.height() >= needed  # the wrapped text is not clipped
    top = page.mapFromGlobal(page.pause_button.mapToGlobal(page.pause_button.rect().topLeft()))
    assert top.y() >= page.content.geometry().bottom()


def test_effort_strip_rates_the_last_exercise_by_button_and_key(qtbot, page, run):
    assert not page.effort_visible()
    assert page.effort_for_key(Qt.Key.Key_1) is None  # nothing to rate yet
    while run.snap.exercise.id == "angry_cat":
        run.wait(1.0)
    assert run.snap.last_finished_exercise.id == "angry_cat"
    assert page.effort_visible()
    assert page.effort_strip.question.text() == "How was Angry cat?"
    keys = {Qt.Key.Key_1: Effort.EASY, Qt.Key.Key_2: Effort.RIGHT}
    keys |= {Qt.Key.Key_3: Effort.HARD, Qt.Key.Key_4: Effort.PAINFUL}
    for key, effort in keys.items():
        assert page.effort_for_key(key) is effort
    assert page.effort_for_key(int(Qt.Key.Key_3)) is Effort.HARD
    assert page.effort_for_key("2") is Effort.RIGHT
    assert page.effort_for_key(Qt.Key.Key_5) is None
    assert page.effort_for_key(Qt.Key.Key_Space) is None
    assert page.effort_strip.buttons[Effort.HARD].key_hint() == "3"
    with qtbot.waitSignal(page.event_requested, timeout=0) as sent:
        qtbot.mouseClick(page.effort_strip.buttons[Effort.HARD], Qt.MouseButton.LeftButton)
    assert sent.args == [Event.RATE_EFFORT, {"effort": Effort.HARD}]
    assert type(sent.args[1]["effort"]) is Effort  # not flattened to a str on the way
    run.send(sent.args[0], **sent.args[1])
    assert not page.effort_visible()  # rated: the snapshot no longer allows it
    assert page.effort_for_key(Qt.Key.Key_1) is None


def test_effort_strip_hides_when_the_next_hold_starts(page, run):
    while run.snap.exercise.id == "angry_cat":
        run.wait(1.0)
    assert page.effort_visible()
    run.wait(GET_READY)
    assert run.snap.step is Step.HOLD
    assert not page.effort_visible()


def _strength_run(page, strength_ids=("plank", "bridge", "bird_dog")) -> Run:
    strength = tuple(PROGRAM.by_id(i) for i in strength_ids)
    r = Run(plan(gate_open=True, reasons=(GATE_OPEN_TEXT,), strength=strength), page)
    r.to_gate()
    r.send(Event.CONTINUE)
    assert r.snap.state is State.STRENGTHENING
    return r


@SHOWN
def test_the_page_scales_its_texts_with_its_height(qtbot, light):
    small, big = ExercisePage(), ExercisePage()
    for p in (small, big):
        qtbot.addWidget(p)
    Run(plan(), small, big).to_stretching()
    small.resize(1280, 800)
    big.resize(3840, 2160)
    small.show()
    big.show()
    qtbot.waitExposed(big)
    assert small.scale() == 1.0
    assert big.scale() > 2.0
    assert big.name_label.font().pointSizeF() > 2 * small.name_label.font().pointSizeF()
    assert big.dial.digit_font().pixelSize() > 2 * small.dial.digit_font().pixelSize()
    assert big.dial.digit_font().pixelSize() >= 300
    assert scale_factor(800, 30) == 1.0
    assert scale_factor(1680, 30) == pytest.approx(2.0)
    assert scale_factor(100000, 30) == 3.0


@SHOWN
def test_key_caps_show_when_there_is_room_and_go_when_squeezed(qtbot, page, run):
    page.show()
    qtbot.waitExposed(page)
    buttons = [b for b in page.findChildren(KeyButton) if b.isVisible()]
    assert buttons and all(b.cap_shown() for b in buttons if b.key_hint())
    page.resize(900, 800)
    QApplication.processEvents()
    for b in buttons:
        assert b.width() >= b.minimumSizeHint().width()
        text_w = QFontMetricsF(b.font()).horizontalAdvance(b.text())
        assert b.width() > text_w  # never clips its text
    assert not all(b.cap_shown() for b in buttons if b.key_hint())


def test_the_page_fits_1280_by_800(qtbot, page, run):
    while run.snap.exercise.id == "angry_cat":
        run.wait(1.0)
    assert page.effort_visible()
    hint = page.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800


# ---------------------------------------------------------------- breathing


@pytest.fixture
def breathing(qtbot, light) -> BreathingPage:
    widget = BreathingPage(reduced_motion=False)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def test_breathing_page_shows_the_step_and_forwards_the_breath(qtbot, breathing):
    r = Run(plan(breaths=3), breathing)
    r.to_breathing()
    assert breathing.name_label.text() == "90/90 breathing"
    assert breathing.breath_label.text() == "Breath 1 of 3"
    assert [v.figure_id() for v in breathing.pictures] == [
        "breathing_90_90_wall",
        "breathing_90_90_chair",
    ]
    assert "feet on a wall" in breathing.position_label.text()
    r.wait(2.0)  # mid-inhale
    breathing.show_breath(r.engine.breath_at(r.clock.now))
    pacer = breathing.pacer
    assert pacer.phase_word() == "Breathe in"
    assert pacer.phase() == "inhale"
    assert pacer.count() == 2
    assert pacer.size_value() == pytest.approx(0.5)
    r.wait(5.0)  # 7 s: 3 s into the exhale
    breathing.show_breath(r.engine.breath_at(r.clock.now))
    assert (pacer.phase_word(), pacer.count(), pacer.phase()) == ("Breathe out", 3, "exhale")
    r.wait(4.0)  # the second breath
    assert breathing.breath_label.text() == "Breath 2 of 3"
    breathing.show_breath(None)  # not breathing: nothing changes
    assert pacer.phase() == "exhale"


def test_breathing_box_hold_and_reduced_motion(breathing):
    box = dataclasses.replace(plan(), cadence=Cadence(4, 4, 4, 4, 3))
    r = Run(box, breathing)
    r.to_breathing()
    r.wait(5.0)
    breathing.show_breath(r.engine.breath_at(r.clock.now))
    assert breathing.pacer.phase_word() == "Hold"
    assert breathing.pacer.phase() == "hold_in"
    breathing.set_reduced_motion(True)
    assert breathing.pacer.reduced_motion()
    breathing.set_reduced_motion(False)
    assert not breathing.pacer.reduced_motion()


def test_breathing_buttons(qtbot, breathing):
    r = Run(plan(), breathing)
    r.to_breathing()
    assert breathing.done_button.isEnabled()
    assert "N" in breathing.done_button.toolTip()
    with qtbot.waitSignal(breathing.event_requested, timeout=0) as sent:
        qtbot.mouseClick(breathing.done_button, Qt.MouseButton.LeftButton)
    assert sent.args == [Event.CONTINUE, {}]
    with qtbot.waitSignal(breathing.event_requested, timeout=0) as sent:
        qtbot.mouseClick(breathing.pause_button, Qt.MouseButton.LeftButton)
    assert sent.args == [Event.PAUSE, {}]
    r.send(Event.PAUSE)
    assert breathing.is_paused_shown()
    assert not breathing.done_button.isEnabled()
    assert breathing.pause_button.text() == "Resume"


# ---------------------------------------------------------------- gate


@pytest.fixture
def gate(qtbot, light) -> GatePage:
    widget = GatePage()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def test_gate_open_names_the_strength_exercises_and_counts_down(qtbot, gate):
    p = plan(gate_open=True, reasons=(GATE_OPEN_TEXT,))
    gate.set_plan(p)
    r = Run(p, gate)
    r.to_gate()
    assert gate.title.text() == "Strengthening is open"
    assert gate.line.text() == GATE_OPEN_TEXT
    assert gate.item_texts() == ("Bridge", "Bird dog", "Plank")
    assert [t.picture.figure_id() for t in gate.tiles if not t.isHidden()] == [
        "bridge",
        "bird_dog",
        "plank",
    ]
    assert gate.items.isHidden()
    assert gate.auto_continue_text() == "Continuing by itself in 8 s"
    r.wait(2.5)
    assert gate.auto_continue_text() == "Continuing by itself in 6 s"
    with qtbot.waitSignal(gate.event_requested, timeout=0) as sent:
        qtbot.mouseClick(gate.continue_button, Qt.MouseButton.LeftButton)
    assert sent.args == [Event.CONTINUE, {}]
    r.send(Event.PAUSE)
    assert gate.is_paused_shown()
    assert gate.auto_continue_text() == ""
    assert not gate.continue_button.isEnabled()


def test_gate_closed_lists_the_reasons(gate):
    r = Run(plan(), gate)
    r.to_gate()
    assert gate.title.text() == "Strengthening stays locked for now"
    assert gate.item_texts() == CLOSED_REASONS
    assert not gate.items.isHidden()
    assert gate.tiles_row.isHidden()
    assert gate.next_line.text() == "We go straight to your closing check-in."
    assert gate.auto_continue_text() == "Continuing by itself in 8 s"
    r.wait(7.2)
    assert gate.auto_continue_text() == "Continuing by itself in 1 s"


def test_gate_without_a_plan_names_the_first_exercise(gate):
    r = Run(plan(gate_open=True, reasons=(GATE_OPEN_TEXT,)), gate)
    r.to_gate()
    assert gate.item_texts() == ("Bridge",)


# ---------------------------------------------------------------- done


def test_done_page_finished(qtbot, light):
    done = DonePage()
    qtbot.addWidget(done)
    done.set_summary(DoneSummary(5, 3, 8, 23.4, None))
    assert done.title.text() == "Well done: session complete"
    assert done.pain_label.text() == "Pain before: 5 \u00b7 after: 3"
    assert done.count_label.text() == "8 exercises \u00b7 23 minutes"
    assert done.flare_frame.isHidden()
    done.set_summary(DoneSummary(2, 5, 1, 0.4, "Your pain rose by 3 points: a flare-up."))
    assert not done.flare_frame.isHidden()
    assert done.flare_label.text() == "Your pain rose by 3 points: a flare-up."
    assert done.count_label.text() == "1 exercise \u00b7 less than a minute"
    with qtbot.waitSignal(done.home_requested, timeout=0):
        qtbot.mouseClick(done.home_button, Qt.MouseButton.LeftButton)


def test_done_page_stopped(qtbot, light):
    done = DonePage()
    qtbot.addWidget(done)
    r = Run(plan(), done)
    r.to_stretching()
    r.send(Event.STOP)
    assert done.is_stopped()
    assert done.title.text() == "Session stopped: what you did is saved"
    done.set_summary(DoneSummary(5, None, 1, 1.0, None, exercises_offered=6, complete=False))
    assert done.title.text() == "Session stopped: what you did is saved"
    assert done.pain_label.text() == "Pain before: 5"
    assert done.count_label.text() == "1 of 6 exercises done \u00b7 1 minute"
    done.set_summary(DoneSummary(None, None, 2, 3.0, None), stopped=False)
    assert not done.is_stopped()
    assert done.pain_label.isHidden()


def test_done_page_partly_done_says_what_was_done(qtbot, light):
    done = DonePage()
    qtbot.addWidget(done)
    done.set_summary(
        DoneSummary(4, 3, 1, 8.2, None, exercises_offered=6, share=0.15, complete=False),
        stopped=False,
    )
    assert done.title.text() == "Partly done: 1 of 6 exercises"
    assert done.count_label.text() == "15 % of the repeats done \u00b7 8 minutes"
    assert "Well done" not in done.title.text()
    complete = done.icon.grab().toImage()
    done.set_summary(DoneSummary(4, 3, 6, 8.2, None, exercises_offered=6, share=1.0))
    assert done.title.text() == "Well done: session complete"
    assert done.icon.grab().toImage() != complete  # the end told by shape too


# ---------------------------------------------------------------- themes


def _ring_colour(dial: TimerDial) -> QColor:
    g = dial.geometry_now()
    image = dial.grab().toImage()
    angle = math.radians(60)  # inside the arc while most of the hold is left
    return _near(
        image,
        g.center_x + g.ring_radius * math.cos(angle),
        g.center_y - g.ring_radius * math.sin(angle),
    )


@SHOWN
def test_theme_changes_reach_the_cached_colours(qtbot, qapp, light):
    page = ExercisePage()
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    r = Run(plan(), page)
    r.to_stretching()
    r.send(Event.CONTINUE)  # a hold: the ring and the phase word in the hold colour
    assert _close(_ring_colour(page.dial), LIGHT.hold)
    page.set_theme(DARK)  # pinned
    assert page.theme() is DARK and page.dial.theme() is DARK
    assert _close(_ring_colour(page.dial), DARK.hold)
    assert DARK.hold in page.phase_label.styleSheet()
    page.set_theme(None)  # follow the app again
    assert page.theme() is LIGHT
    r.send(Event.PAUSE)  # no snapshots while paused: the colours still follow the app
    apply_theme(qapp, DARK)
    QApplication.processEvents()
    assert _close(_ring_colour(page.dial), DARK.hold)
    assert DARK.hold in page.phase_label.styleSheet()
    apply_theme(qapp, LIGHT)
    QApplication.processEvents()
    assert _close(_ring_colour(page.dial), LIGHT.hold)
    assert LIGHT.hold in page.phase_label.styleSheet()


def test_a_lone_dial_follows_the_app_theme(qtbot, qapp, light):
    dial = _dial(qtbot)
    dial.set_phase("hold", 4, 1.0)
    apply_theme(qapp, DARK)
    QApplication.processEvents()
    assert _close(_ring_colour(dial), DARK.hold)
    apply_theme(qapp, LIGHT)
    QApplication.processEvents()
    assert _close(_ring_colour(dial), LIGHT.hold)


def test_every_drawn_part_takes_the_pages_theme(qtbot, light):
    page = ExercisePage()
    qtbot.addWidget(page)
    done = DonePage()
    qtbot.addWidget(done)
    parts = (
        page.progress,
        page.overlay,
        page.overlay.icon,
        page.side_notice,
        page.pause_button,
        page.stop_button,
        page.dial,
        page.figure,
        page.next_up.picture,
    )
    page.set_theme(DARK)
    done.set_theme(DARK)
    assert [p.painted_theme() for p in (*parts, done.icon)] == [DARK] * (len(parts) + 1)
    page.set_theme(None)  # the app's theme again, handed down as it is now
    assert [p.painted_theme() for p in parts] == [LIGHT] * len(parts)


# ---------------------------------------------------------------- translation


@pytest.fixture
def tagged():
    """Every translate() call answers "<context>text", so the context a text uses shows."""
    i18n.install(lambda context, text, disambiguation=None, n=-1: f"<{context}>{text}")
    yield
    i18n.install(None)


def test_the_base_page_translates_in_its_own_context_on_every_page(qtbot, light, tagged):
    # lupdate files the base class's texts under "SessionPage"; self.tr() on a subclass
    # would look them up under "ExercisePage" and never find them
    for page in (ExercisePage(), BreathingPage(reduced_motion=True), GatePage()):
        qtbot.addWidget(page)
        assert page.pause_button.text() == "<SessionPage>Pause"
        assert page.pause_button.key_hint() == "<SessionPage>Space"
        assert page.stop_button.text() == "<SessionPage>Stop"


def test_both_pause_covers_say_why_each_in_its_own_context(qtbot, tagged):
    # one table of reasons for the page overlay and the full-screen cover; the catalog
    # keeps each text under both covers' names, so each asks in its own
    assert pause_reason_text(PauseReason.SUSPEND, "PausedOverlay") == (
        "<PausedOverlay>Paused while the computer was asleep"
    )
    assert pause_reason_text(PauseReason.RESTORED, "PausedCover") == (
        "<PausedCover>Your last session was interrupted: it picks up where you left off"
    )
    assert pause_reason_text(PauseReason.USER, "PausedOverlay") == ""
    assert pause_reason_text(None, "PausedCover") == ""
    page = ExercisePage()
    qtbot.addWidget(page)
    page.overlay.set_reason(PauseReason.RESTORED)
    assert page.overlay.reason.text() == (
        "<PausedOverlay>Your last session was interrupted: it picks up where you left off"
    )
    page.overlay.set_reason(PauseReason.USER)
    assert page.overlay.reason.text() == ""
    assert page.overlay.reason.isHidden()


def test_the_pacer_words_are_found_under_the_pacer(tagged):
    words = phase_words()
    assert words["inhale"] == "<PacerWidget>Breathe in"
    assert words["exhale"] == "<PacerWidget>Breathe out"
    assert words["hold_in"] == words["hold_out"] == "<PacerWidget>Hold"


@pytest.mark.qt_log_ignore(".*propagateSizeHints.*")
def test_the_side_label_is_never_cut_when_the_side_changes(qtbot):
    """The side label sits in a frame two layout passes from its new width; the page
    settles it when the text changes, so the first frame (or a screenshot) shows all of
    "Right leg" (it showed "Right le")."""
    from datetime import UTC, datetime

    from backcompanion.program import builtin_program
    from backcompanion.session.clock import FakeClock
    from backcompanion.session.engine import Event, SessionEngine
    from backcompanion.session.facts import SafetyFacts
    from backcompanion.session.plan import PRESETS
    from backcompanion.session.rules import load_rules, make_plan
    from backcompanion.ui.session_screens.exercise_page import ExercisePage

    now = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
    clock = FakeClock()
    plan = make_plan(
        load_rules(), builtin_program(), [], SafetyFacts(None, None), now, PRESETS["relaxed"]
    )
    engine = SessionEngine(plan, clock, lambda: now)
    page = ExercisePage()
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    page.show()  # laid out as on screen
    qtbot.waitExposed(page)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=4)
    engine.send(Event.CONTINUE)
    seen = set()
    while engine.snapshot().exercise is not None and len(seen) < 6:
        snap = engine.snapshot()
        page.show_snapshot(snap)  # no event processing in between, as in a busy second
        label = page.side_label
        if label.text() and not page.side_notice.isHidden():
            seen.add(label.text())
            assert label.width() >= label.sizeHint().width(), label.text()
        clock.advance(max(1e-3, min(snap.remaining_s, 1.0)))
        engine.update()
    assert len(seen) >= 2  # both sides of at least one exercise were looked at


# ---------------------------------------------------------------- the exercise figure


def test_the_figure_moves_with_the_session_as_a_pure_function_of_its_phase_time(page, run):
    from backcompanion.figure.motion import EASE_IN_S, Moment, session_moment

    run.to("hamstring_stretch")
    assert run.snap.step is Step.GET_READY
    assert page.figure.moment() == Moment()  # getting into position: the start pose
    run.wait(GET_READY)  # the hold begins
    assert run.snap.step is Step.HOLD
    assert page.figure.moment() == Moment("start", "stretch", 0.0)
    for elapsed in (0.25, 0.5, 1.0, 1.5):  # the bridge's frames between snapshots
        page.show_phase_time(elapsed)
        assert page.figure.moment() == session_moment("hold", elapsed, HOLD)
        assert 0.0 < page.figure.moment().t < 1.0
    assert page.cue_label.text() == "Breathe out into the stretch"  # while it eases in
    page.show_phase_time(EASE_IN_S)
    assert page.figure.moment() == Moment("start", "stretch", 1.0)  # then still
    run.wait(1.0)  # a snapshot a second later says the same (no ticks counted)
    assert page.figure.moment() == session_moment("hold", 1.0, HOLD)
    run.send(Event.PAUSE)
    frozen = page.figure.moment()
    run.clock.advance(30.0)
    run.refresh()
    assert page.figure.moment() == frozen  # a paused figure holds still
    run.send(Event.RESUME)
    run.wait(HOLD)  # the release: back to the start
    assert run.snap.step is Step.RELEASE
    page.show_phase_time(RELEASE * 0.5)
    assert page.figure.moment().start == "stretch" and page.figure.moment().end == "start"


def test_the_second_side_mirrors_so_the_near_limb_is_the_one_worked(page, run):
    from backcompanion.figure import side_name

    for exercise in ("hamstring_stretch", "piriformis_stretch", "hip_flexor_stretch"):
        run.to(exercise)
        figure = page.figure.figure()
        worked = {p for p in figure.accent if p.startswith(("near_", "far_"))}
        assert worked and all(p.startswith("near_") for p in worked), exercise
        for side in (0, 1):
            while run.snap.side_index != side:
                run.send(Event.SKIP_REPEAT)
            label = run.snap.side_label  # "left leg", "right leg"
            assert page.figure.is_mirrored() == (side == 1)
            assert label.startswith(side_name("near", page.figure.is_mirrored()))
        run.send(Event.SKIP_EXERCISE)


def test_reduced_motion_shows_the_end_pose_still_whatever_the_phase(page, run):
    from backcompanion.figure import reduced_moment

    page.set_reduced_motion(True)
    run.to("angry_cat")
    run.wait(GET_READY)
    still = page.figure.grab().toImage()
    for elapsed in (0.2, 0.8, 1.6):
        page.show_phase_time(elapsed)
        assert page.figure.grab().toImage() == still
    assert page.figure.reduced_motion()
    assert reduced_moment(page.figure.figure()).end == "stretch"


def test_the_breathing_figures_widen_with_the_breath_and_say_what_they_show(qtbot, breathing):
    from PySide6.QtGui import QAccessible

    r = Run(plan(breaths=3), breathing)
    r.to_breathing()
    r.wait(2.0)
    state = r.engine.breath_at(r.clock.now)
    breathing.show_breath(state)
    for view in breathing.pictures:
        assert view.moment().breath == pytest.approx(state.size)
        face = QAccessible.queryAccessibleInterface(view)
        assert face.text(QAccessible.Text.Name) == "90/90 breathing"
        assert face.text(QAccessible.Text.Description) == view.figure().description
    descriptions = [v.accessibleDescription() for v in breathing.pictures]
    assert "wall" in descriptions[0] and "chair" in descriptions[1]
    breathing.set_reduced_motion(True)
    assert all(v.reduced_motion() for v in breathing.pictures)


def test_every_figure_on_the_pages_has_a_name_and_a_description(page, run, qtbot):
    from PySide6.QtGui import QAccessible

    from backcompanion.ui.widgets.figure import FigureView

    def check(widget) -> list[str]:
        named = []
        for view in widget.findChildren(FigureView):
            if view.figure() is None:
                continue
            face = QAccessible.queryAccessibleInterface(view)
            assert face.text(QAccessible.Text.Name), view.figure_id()
            assert face.text(QAccessible.Text.Description).endswith("."), view.figure_id()
            named.append(view.figure_id())
        return named

    assert check(page) == ["angry_cat", "angry_cat"]  # the exercise and "Next up"
    gate = GatePage()
    qtbot.addWidget(gate)
    g = Run(plan(gate_open=True, reasons=(GATE_OPEN_TEXT,)), gate)
    gate.set_plan(g.engine.plan)
    g.to_gate()
    assert check(gate) == ["bridge", "bird_dog", "plank"]


@SHOWN
def test_a_new_phase_paints_its_number_before_the_page_does_its_slower_work(
    qtbot, page, run, monkeypatch
):
    """At a page switch (the next exercise), the dial's new number is painted first, then
    the page sets out the new exercise's texts and figure: the number is never late for
    them (issue 20: at most 20 ms late at a page switch)."""
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()  # laid out, as a page on screen for a while is
    seen: list[tuple[str, str]] = []

    class Paints(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                seen.append(("paint", page.dial.text()))
            return False

    watcher = Paints()
    page.dial.installEventFilter(watcher)
    real = page._show_exercise
    monkeypatch.setattr(
        page, "_show_exercise", lambda ex: (seen.append(("texts", ex.id)), real(ex))
    )
    first = run.snap.exercise.id
    run.send(Event.SKIP_EXERCISE)  # the next exercise's get ready: a new number, a new page
    assert run.snap.exercise.id != first
    number = str(run.snap.countdown)
    assert ("texts", run.snap.exercise.id) in seen
    assert seen.index(("paint", number)) < seen.index(("texts", run.snap.exercise.id))
    page.dial.removeEventFilter(watcher)
