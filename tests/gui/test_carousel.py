"""The exercise carousel: browsing with keys, buttons, clicks and the wheel; locks; "Now"."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractAnimation, QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from backcompanion.program import Phase, builtin_program
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan
from backcompanion.ui.home import carousel as carousel_module
from backcompanion.ui.home import carousel_model
from backcompanion.ui.home.carousel import BROWSE_HOLD_S, ExerciseCarousel
from backcompanion.ui.home.carousel_model import (
    SHARES,
    WHEEL_STEP,
    WheelSteps,
    easier_of,
    is_roomy,
    picture_width,
)
from backcompanion.ui.theme import DARK, LIGHT, apply_theme

ORDER = [
    "breathing_90_90",
    "angry_cat",
    "childs_pose",
    "hamstring_stretch",
    "piriformis_stretch",
    "hip_flexor_stretch",
    "pelvic_tilt",
    "bridge",
    "bird_dog",
    "plank",
    "knee_plank",
]
STRENGTH = ["bridge", "bird_dog", "plank", "knee_plank"]
REASONS = (
    "3 more stretching sessions with at least 80 % of the repeats done.",
    "Answer the safety questions: it takes a minute.",
)


_HOSTS: list[QWidget] = []


@pytest.fixture(autouse=True)
def _release_hosts():
    """Delete the windows of the tests before (not at teardown: the conftest's timer check
    must still see them), so that apply_theme() does not restyle a growing pile of them."""
    while _HOSTS:
        _HOSTS.pop().deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    yield


class FakeClock:
    def __init__(self, t: float = 1000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def program():
    return builtin_program()


@pytest.fixture
def plan(program):
    holds = {"hamstring_stretch": 7, "childs_pose": 10}
    reps = {"childs_pose": 10}

    def step(e):
        return StepPlan(e, holds.get(e.id, e.hold_s[0]), reps.get(e.id, e.reps))

    return SessionPlan(
        breathing=program.breathing,
        cadence=Cadence(breaths=12),
        stretches=tuple(step(e) for e in program.stretches),
        strength=tuple(step(e) for e in program.strength),
        gate_open=False,
        easier={"plank": step(program.by_id("knee_plank"))},
    )


@pytest.fixture
def clock():
    return FakeClock()


def _host(qtbot, widget, width=1280, height=800) -> QWidget:
    """A bare window holding the carousel, as the main window will: the carousel is never a
    window itself (offscreen Qt warns when a window's minimum size changes after show())."""
    host = QWidget()
    qtbot.addWidget(host)
    widget.setParent(host)
    host.resize(width, height)
    widget.setGeometry(0, 0, width, height)
    host.show()
    qtbot.waitExposed(host)
    _HOSTS.append(host)  # qtbot only closes it; the test keeps it alive
    return host


def _make(qtbot, program, clock, *, plan=None, reduced=True):
    widget = ExerciseCarousel(clock=clock, reduced_motion=reduced)
    widget.set_program(program, plan)
    _host(qtbot, widget)
    return widget


@pytest.fixture
def carousel(qtbot, light, program, clock):
    return _make(qtbot, program, clock)


@pytest.fixture
def browsed(carousel):
    got: list[str] = []
    carousel.browsed.connect(got.append)
    return got


def _visible_texts(widget) -> list[str]:
    return [lbl.text() for lbl in widget.findChildren(QLabel) if lbl.isVisibleTo(widget)]


def _wheel(widget, dx=0, dy=0, phase=Qt.ScrollPhase.NoScrollPhase):
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(),
        QPoint(dx, dy),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        phase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _running_timers(widget) -> list[QTimer]:
    return [t for t in widget.findChildren(QTimer) if t.isActive()]


# ---------------------------------------------------------------- the cards


def test_every_exercise_of_the_program_is_a_card(carousel, program):
    assert carousel.count() == 11
    phases = [program.by_id(i).phase for i in ORDER]
    assert phases.count(Phase.BREATHING) == 1
    assert phases.count(Phase.STRETCH) == 6
    assert phases.count(Phase.STRENGTH) == 4  # bridge, bird dog, plank and the easier plank
    assert [d.objectName() for d in carousel.dots()] == [f"dot_{i}" for i in ORDER]
    assert carousel.current_index() == 0
    assert carousel.shown_id() == "breathing_90_90"


def test_card_shows_name_dose_and_the_four_instruction_lines(carousel, program):
    carousel.show("angry_cat")
    card = carousel.card()
    cat = program.by_id("angry_cat")
    assert card.name.text() == "Angry cat"
    assert card.dose.text() == "Hold 5 s · 20 repeats"
    assert card.instruction("position") == cat.instructions.position
    assert card.instruction("avoid") == cat.instructions.mistake
    shown = " ".join(_visible_texts(card))
    for title in ("Position", "Movement", "Feel", "Avoid"):
        assert f"<b>{title}</b>" in shown
    assert cat.instructions.feel in shown
    assert card.figure.figure().id == "angry_cat"
    assert card.figure.accessibleName() == "Angry cat"


def test_dose_without_a_plan_is_the_low_end_of_the_range(carousel):
    carousel.show("hamstring_stretch")
    assert carousel.card().dose.text() == ("Hold 5 s · 20 repeats per side (left leg, right leg)")
    carousel.show("breathing_90_90")
    assert carousel.card().dose.text() == "10 breaths"


def test_dose_follows_the_plan(qtbot, light, program, plan, clock):
    carousel = _make(qtbot, program, clock, plan=plan)
    carousel.show("hamstring_stretch")
    assert carousel.card().dose.text() == ("Hold 7 s · 20 repeats per side (left leg, right leg)")
    carousel.show("childs_pose")
    assert carousel.card().dose.text() == "Hold 10 s · 10 repeats"
    carousel.show("breathing_90_90")
    assert carousel.card().dose.text() == "12 breaths"
    carousel.show("knee_plank")  # from the plan's easier versions
    assert carousel.card().dose.text() == "Hold 5 s · 10 repeats"


def test_easier_plank_says_what_it_is_easier_than(carousel):
    carousel.show("knee_plank")
    assert carousel.card().variant.isVisibleTo(carousel)
    assert carousel.card().variant.text() == "Easier version of Plank"
    carousel.show("plank")
    assert not carousel.card().variant.isVisibleTo(carousel)


# ---------------------------------------------------------------- browsing


def test_right_and_left_keys_walk_every_card_and_stop_at_the_ends(carousel, qtbot, browsed):
    seen = [carousel.shown_id()]
    for _ in range(len(ORDER) - 1):
        qtbot.keyClick(carousel, Qt.Key.Key_Right)
        seen.append(carousel.shown_id())
    assert seen == ORDER
    assert browsed == ORDER[1:]
    qtbot.keyClick(carousel, Qt.Key.Key_Right)  # the last card: no wrap-around
    assert carousel.shown_id() == "knee_plank"
    assert browsed == ORDER[1:]  # nothing moved, nothing emitted
    assert not carousel.buttons()[1].isEnabled()
    for _ in range(len(ORDER) - 1):
        qtbot.keyClick(carousel, Qt.Key.Key_Left)
    assert carousel.shown_id() == "breathing_90_90"
    qtbot.keyClick(carousel, Qt.Key.Key_Left)
    assert carousel.current_index() == 0
    assert not carousel.buttons()[0].isEnabled()
    assert browsed[-1] == "breathing_90_90"


def test_home_and_end_jump_to_the_ends(carousel, qtbot, browsed):
    qtbot.keyClick(carousel, Qt.Key.Key_End)
    assert carousel.shown_id() == "knee_plank"
    qtbot.keyClick(carousel, Qt.Key.Key_Home)
    assert carousel.shown_id() == "breathing_90_90"
    assert browsed == ["knee_plank", "breathing_90_90"]


def test_buttons_walk_every_card_and_stop_at_the_ends(carousel, qtbot, browsed):
    prev, nxt = carousel.buttons()
    assert not prev.isEnabled() and nxt.isEnabled()
    for expected in ORDER[1:]:
        qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
        assert carousel.shown_id() == expected
    assert not nxt.isEnabled()
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    assert carousel.shown_id() == "knee_plank"
    for expected in reversed(ORDER[:-1]):
        qtbot.mouseClick(prev, Qt.MouseButton.LeftButton)
        assert carousel.shown_id() == expected
    assert not prev.isEnabled()
    assert browsed == ORDER[1:] + list(reversed(ORDER[:-1]))


def test_arrow_keys_browse_while_a_button_has_focus(carousel, qtbot):
    _prev, nxt = carousel.buttons()
    nxt.setFocus()
    qtbot.keyClick(nxt, Qt.Key.Key_Right)
    qtbot.keyClick(nxt, Qt.Key.Key_Right)
    assert carousel.shown_id() == "childs_pose"
    qtbot.keyClick(nxt, Qt.Key.Key_Left)
    assert carousel.shown_id() == "angry_cat"


def test_buttons_have_accessible_names_and_tooltips(carousel):
    prev, nxt = carousel.buttons()
    assert prev.accessibleName() == "Previous exercise"
    assert nxt.accessibleName() == "Next exercise"
    assert "Left arrow" in prev.toolTip()
    assert "Right arrow" in nxt.toolTip()
    assert carousel.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_counter_says_where_you_are(carousel, qtbot):
    assert "1 of 11" in _visible_texts(carousel)
    qtbot.keyClick(carousel, Qt.Key.Key_End)
    assert "11 of 11" in _visible_texts(carousel)
    assert carousel.dots()[10].is_shown_dot()
    assert not carousel.dots()[0].is_shown_dot()


def test_clicking_a_thumbnail_jumps_to_it(carousel, qtbot, browsed):
    carousel.show("hamstring_stretch")
    prev_thumb, next_thumb = carousel.thumbnails()
    assert prev_thumb.exercise().id == "childs_pose"
    assert next_thumb.exercise().id == "piriformis_stretch"
    qtbot.mouseClick(next_thumb, Qt.MouseButton.LeftButton)
    assert carousel.shown_id() == "piriformis_stretch"
    qtbot.mouseClick(prev_thumb, Qt.MouseButton.LeftButton)
    assert carousel.shown_id() == "hamstring_stretch"
    assert browsed == ["piriformis_stretch", "hamstring_stretch"]


def test_no_thumbnail_beyond_the_ends(carousel, qtbot):
    prev_thumb, next_thumb = carousel.thumbnails()
    assert not prev_thumb.isVisible() and next_thumb.isVisible()
    width = carousel.card().width()
    qtbot.keyClick(carousel, Qt.Key.Key_End)
    assert prev_thumb.isVisible() and not next_thumb.isVisible()
    assert carousel.card().width() == width  # the card does not jump about at the ends


def test_clicking_a_dot_jumps_to_it(carousel, qtbot, browsed):
    dot = carousel.dots()[ORDER.index("bird_dog")]
    assert "Bird dog" in dot.accessibleName()
    qtbot.mouseClick(dot, Qt.MouseButton.LeftButton)
    assert carousel.shown_id() == "bird_dog"
    qtbot.mouseClick(carousel.dots()[1], Qt.MouseButton.LeftButton)
    assert carousel.shown_id() == "angry_cat"
    assert browsed == ["bird_dog", "angry_cat"]


def test_one_wheel_notch_moves_one_card(carousel, browsed):
    _wheel(carousel, dy=-120)  # wheel towards the user: next
    assert carousel.shown_id() == "angry_cat"
    _wheel(carousel, dx=-120)  # horizontal: next
    assert carousel.shown_id() == "childs_pose"
    _wheel(carousel, dx=120)
    assert carousel.shown_id() == "angry_cat"
    _wheel(carousel, dy=-60)  # half a notch: nothing yet
    assert carousel.shown_id() == "angry_cat"
    _wheel(carousel, dy=-60)
    assert carousel.shown_id() == "childs_pose"
    assert browsed == ["angry_cat", "childs_pose", "angry_cat", "childs_pose"]


def test_one_trackpad_swipe_moves_one_card(carousel):
    _wheel(carousel, phase=Qt.ScrollPhase.ScrollBegin)
    for _ in range(12):
        _wheel(carousel, dx=-50, phase=Qt.ScrollPhase.ScrollUpdate)
    _wheel(carousel, phase=Qt.ScrollPhase.ScrollEnd)
    for _ in range(12):
        _wheel(carousel, dx=-50, phase=Qt.ScrollPhase.ScrollMomentum)
    assert carousel.shown_id() == "angry_cat"
    _wheel(carousel, phase=Qt.ScrollPhase.ScrollBegin)
    for _ in range(3):
        _wheel(carousel, dx=50, phase=Qt.ScrollPhase.ScrollUpdate)
    _wheel(carousel, phase=Qt.ScrollPhase.ScrollEnd)
    assert carousel.shown_id() == "breathing_90_90"


def test_show_moves_without_emitting_browsed(carousel, browsed, clock):
    carousel.show("plank")
    assert carousel.shown_id() == "plank"
    assert carousel.current_index() == ORDER.index("plank")
    assert browsed == []
    assert not carousel.is_browsing()
    with pytest.raises(KeyError):
        carousel.show("no_such_exercise")
    carousel.hide()
    carousel.show()  # plain show() is still QWidget.show()
    assert carousel.isVisible()
    assert carousel.shown_id() == "plank"


def test_set_program_keeps_the_card_shown(carousel, program):
    carousel.show("bridge")
    carousel.set_program(program, None)
    assert carousel.shown_id() == "bridge"


def test_without_a_program_nothing_moves(qtbot, light, clock):
    empty = ExerciseCarousel(clock=clock, reduced_motion=True)
    _host(qtbot, empty)
    qtbot.keyClick(empty, Qt.Key.Key_Right)
    _wheel(empty, dy=-120)
    assert empty.current_index() == -1
    assert empty.shown_id() is None
    assert not any(b.isEnabled() for b in empty.buttons())


# ---------------------------------------------------------------- the gate


def test_locked_strength_cards_say_locked_and_why(carousel):
    carousel.set_gate(False, REASONS)
    card = carousel.card()
    for exercise_id in STRENGTH:
        carousel.show(exercise_id)
        assert carousel.is_locked(exercise_id)
        assert card.lock_badge.isVisibleTo(carousel)
        assert card.lock_badge.text() == "Locked"
        assert card.lock_panel.isVisibleTo(carousel)
        shown = _visible_texts(card)
        assert "Unlocks when:" in shown
        for reason in REASONS:
            assert reason in shown
        assert "Locked" in card.accessibleName()
    for exercise_id in ORDER[:7]:  # breathing and stretches are never locked
        carousel.show(exercise_id)
        assert not carousel.is_locked(exercise_id)
        assert not card.lock_badge.isVisibleTo(carousel)
        assert not card.lock_panel.isVisibleTo(carousel)


def test_locked_neighbours_show_a_padlock_on_their_thumbnail(carousel):
    carousel.set_gate(False, REASONS)
    carousel.show("bridge")
    prev_thumb, next_thumb = carousel.thumbnails()
    assert not prev_thumb.is_locked()  # pelvic tilt
    assert next_thumb.is_locked()  # bird dog
    assert "Locked" in next_thumb.accessibleName()


def test_opening_the_gate_removes_every_lock(carousel):
    carousel.set_gate(False, REASONS)
    carousel.show("plank")
    assert carousel.card().lock_badge.isVisibleTo(carousel)
    carousel.set_gate(True, ("You have stretched regularly: strengthening is open.",))
    for exercise_id in STRENGTH:
        carousel.show(exercise_id)
        assert not carousel.is_locked(exercise_id)
        assert not carousel.card().lock_badge.isVisibleTo(carousel)
        assert not carousel.card().lock_panel.isVisibleTo(carousel)
        assert "Unlocks when:" not in _visible_texts(carousel.card())
    assert not any(t.is_locked() for t in carousel.thumbnails())


def test_new_reasons_replace_the_old_ones(carousel):
    carousel.set_gate(False, REASONS)
    carousel.show("bridge")
    carousel.set_gate(False, ("Answer the safety questions: it takes a minute.",))
    shown = _visible_texts(carousel.card())
    assert REASONS[0] not in shown
    assert "Answer the safety questions: it takes a minute." in shown


# ---------------------------------------------------------------- the session's exercise


def test_set_current_follows_when_the_user_is_not_browsing(carousel, browsed):
    carousel.set_current("childs_pose")
    assert carousel.shown_id() == "childs_pose"
    card = carousel.card()
    assert card.is_now()
    assert card.now_badge.isVisibleTo(carousel)
    assert card.now_badge.text() == "Now"
    assert carousel.dots()[ORDER.index("childs_pose")].is_now()
    carousel.set_current("hamstring_stretch")
    assert carousel.shown_id() == "hamstring_stretch"
    assert browsed == []  # following the session is not browsing


def test_set_current_does_not_move_a_user_who_just_browsed(carousel, qtbot, clock):
    carousel.set_current("angry_cat")
    qtbot.keyClick(carousel, Qt.Key.Key_End)  # the user looks ahead at the strength cards
    clock.t += BROWSE_HOLD_S - 1
    carousel.set_current("childs_pose")
    assert carousel.shown_id() == "knee_plank"  # still where the user is looking
    assert not carousel.card().is_now()
    assert not carousel.card().now_badge.isVisibleTo(carousel)
    assert carousel.dots()[ORDER.index("childs_pose")].is_now()  # highlighted all the same
    assert carousel.current_exercise() == "childs_pose"
    qtbot.keyClick(carousel, Qt.Key.Key_Home)
    qtbot.keyClick(carousel, Qt.Key.Key_Right)  # browsing again restarts the 10 s
    assert carousel.thumbnails()[1].is_now()  # child's pose, next to angry cat
    clock.t += BROWSE_HOLD_S + 0.5
    assert not carousel.is_browsing()
    carousel.set_current("hamstring_stretch")
    assert carousel.shown_id() == "hamstring_stretch"
    assert carousel.card().is_now()


def test_follow_current_can_be_switched_off(carousel):
    carousel.follow_current = False
    carousel.set_current("pelvic_tilt")
    assert carousel.shown_id() == "breathing_90_90"
    assert carousel.dots()[ORDER.index("pelvic_tilt")].is_now()
    carousel.follow_current = True
    carousel.set_current("bridge")
    assert carousel.shown_id() == "bridge"


def test_set_current_none_clears_the_highlight(carousel):
    carousel.set_current("angry_cat")
    carousel.set_current(None)
    assert carousel.shown_id() == "angry_cat"
    assert not carousel.card().is_now()
    assert not any(d.is_now() for d in carousel.dots())


def test_the_carousel_only_knows_the_plan_not_the_engine():
    tree = ast.parse(Path(carousel_module.__file__).read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    session = {m for m in modules if m and m.startswith("backcompanion.session")}
    assert session == {"backcompanion.session.plan"}


# ---------------------------------------------------------------- motion and timers


def test_slide_ends_and_leaves_nothing_running(qtbot, light, program, clock):
    carousel = _make(qtbot, program, clock, reduced=False)
    qtbot.keyClick(carousel, Qt.Key.Key_Right)
    assert carousel.is_animating()
    assert carousel.card().offset() != 0
    qtbot.waitUntil(lambda: not carousel.is_animating(), timeout=3000)
    assert carousel.card().offset() == 0
    anim = carousel.findChild(carousel_module.QVariantAnimation)
    assert anim.state() == QAbstractAnimation.State.Stopped
    loop = carousel.card().loop.timer()  # the figure's own loop (tested below)
    assert [t for t in _running_timers(carousel) if t is not loop] == []


def test_reduced_motion_never_animates(carousel, qtbot):
    assert carousel.reduced_motion()
    for _ in range(3):
        qtbot.keyClick(carousel, Qt.Key.Key_Right)
        assert not carousel.is_animating()
        assert carousel.card().offset() == 0
    carousel.set_current("bridge")
    assert not carousel.is_animating()
    assert _running_timers(carousel) == []


def test_switching_to_reduced_motion_or_hiding_stops_a_slide(qtbot, light, program, clock):
    carousel = _make(qtbot, program, clock, reduced=False)
    qtbot.keyClick(carousel, Qt.Key.Key_Right)
    assert carousel.is_animating()
    carousel.set_reduced_motion(True)
    assert not carousel.is_animating()
    assert carousel.card().offset() == 0
    carousel.set_reduced_motion(False)
    qtbot.keyClick(carousel, Qt.Key.Key_Right)
    assert carousel.is_animating()
    carousel.hide()
    assert not carousel.is_animating()
    assert carousel.card().offset() == 0


# ---------------------------------------------------------------- theme and size


def _card_background(carousel) -> QColor:
    card = carousel.card()
    image = card.grab().toImage()
    inset = round(card.page.mapTo(card, QPoint(0, 0)).x() / 2) + 4  # border .. content
    return image.pixelColor(
        round(inset * image.devicePixelRatio()), round(card.height() / 2 * image.devicePixelRatio())
    )


def test_set_theme_repaints_in_the_new_colours(carousel):
    assert _card_background(carousel).name() == LIGHT.card
    carousel.set_theme(DARK)
    assert carousel.theme() == DARK
    assert _card_background(carousel).name() == DARK.card


def test_follows_the_app_theme(carousel, qapp, qtbot):
    try:
        apply_theme(qapp, DARK)
        qtbot.waitUntil(lambda: _card_background(carousel).name() == DARK.card, timeout=2000)
        thumb = carousel.thumbnails()[1].grab().toImage()
        colours = {
            thumb.pixelColor(x, thumb.height() // 2).name() for x in range(0, thumb.width(), 3)
        }
        assert DARK.card in colours and LIGHT.card not in colours
    finally:
        apply_theme(qapp, LIGHT)


def test_sizes_follow_the_font(carousel, qapp):
    dot_small = carousel.dots()[0].sizeHint().width()
    badge_small = carousel.card().lock_badge.sizeHint().height()
    try:
        apply_theme(qapp, LIGHT, base_pt=36)
        assert carousel.dots()[0].sizeHint().width() > dot_small * 1.5
        assert carousel.card().lock_badge.sizeHint().height() > badge_small * 1.5
    finally:
        apply_theme(qapp, LIGHT)


def test_instructions_scroll_rather_than_clip_in_a_small_window(carousel, qtbot):
    carousel.set_gate(False, REASONS)
    carousel.show("bird_dog")
    carousel.parentWidget().resize(1000, 560)
    carousel.resize(1000, 560)
    qtbot.waitUntil(lambda: carousel.card().scroll.verticalScrollBar().maximum() > 0)
    bar = carousel.card().scroll.verticalScrollBar()
    qtbot.keyClick(carousel, Qt.Key.Key_Down)
    assert bar.value() > 0
    assert carousel.shown_id() == "bird_dog"


# ---------------------------------------------------------------- the parts, on their own

CAROUSEL_MODULES = ("carousel", "carousel_model", "carousel_strip", "exercise_card", "card_badges")


def _imported(module_file: str) -> set[str]:
    tree = ast.parse(Path(module_file).read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return {m for m in modules if m}


def test_no_part_of_the_carousel_knows_the_engine():
    folder = Path(carousel_module.__file__).parent
    for name in CAROUSEL_MODULES:
        session = {
            m for m in _imported(folder / f"{name}.py") if m.startswith("backcompanion.session")
        }
        assert session <= {"backcompanion.session.plan"}, name


def test_the_carousel_model_needs_no_qt():
    assert not {
        m
        for m in _imported(carousel_model.__file__)
        if m.startswith(("PySide6", "backcompanion.ui"))
    }


def test_one_wheel_notch_is_one_card_and_one_swipe_at_most_one():
    wheel = WheelSteps()
    assert wheel.feed(WHEEL_STEP // 2, gesture=False) == 0
    assert wheel.feed(WHEEL_STEP // 2, gesture=False) == -1  # away from the user: back
    assert wheel.feed(-WHEEL_STEP, gesture=False) == 1
    assert wheel.feed(-WHEEL_STEP, gesture=True) == 1
    assert wheel.feed(-5 * WHEEL_STEP, gesture=True) == 0  # the same swipe goes on
    wheel.reset()
    assert wheel.feed(-WHEEL_STEP, gesture=True) == 1


def test_picture_takes_the_largest_share_that_leaves_the_text_room():
    def text_height(width: int) -> float:
        return 30_000 / width  # narrower text is taller

    # 1000 wide, 200 high: 0.6 leaves 400 px (75 high) .. always fits
    assert picture_width(1000, 10_000, 200, text_height) == 1000 * SHARES[0]
    # 60 high: the text needs 500 px, so the picture gets half
    assert picture_width(1000, 10_000, 60, text_height) == 1000 * 0.5
    # never wider than is useful, never below the smallest share when nothing fits
    assert picture_width(1000, 120, 200, text_height) == 120
    assert picture_width(1000, 10_000, 1, text_height) == 1000 * SHARES[-1]


def test_roomy_has_a_margin_between_growing_and_shrinking():
    assert not is_roomy(43, 30, was_roomy=False)
    assert is_roomy(44, 25, was_roomy=False)
    assert is_roomy(43, 24, was_roomy=True)  # stays roomy a little below
    assert not is_roomy(41.9, 24, was_roomy=True)


def test_easier_of_names_the_exercise_a_variant_eases(program):
    assert easier_of(program.by_id("knee_plank"), program) == program.by_id("plank").name
    assert easier_of(program.by_id("plank"), program) is None
    assert easier_of(program.by_id("knee_plank"), None) is None


# ---------------------------------------------------------------- the card's figure loop


def _loop_carousel(qtbot, program, clock, exercise="hamstring_stretch"):
    carousel = _make(qtbot, program, clock, reduced=False)
    carousel.show(exercise)
    return carousel


def test_the_card_figure_loops_only_while_the_card_is_on_screen(qtbot, light, program, clock):
    carousel = _loop_carousel(qtbot, program, clock)
    card = carousel.card()
    assert card.loop.running()
    assert [t.objectName() for t in _running_timers(carousel)] == ["figureLoop"]  # one timer
    for thumb in carousel.thumbnails():  # the neighbours are still pictures
        assert not thumb.findChildren(QTimer)
    carousel.hide()
    assert _running_timers(carousel) == []
    carousel.show()
    assert card.loop.running()
    host = carousel.window()
    host.showMinimized()  # a spontaneous hide: isVisible() stays true, the loop stops
    qtbot.waitUntil(lambda: not card.loop.running(), timeout=2000)
    assert _running_timers(carousel) == []
    host.showNormal()
    qtbot.waitUntil(card.loop.running, timeout=2000)
    carousel.set_reduced_motion(True)
    assert _running_timers(carousel) == []


def test_the_loop_is_a_pure_function_of_the_clock_and_sleeps_while_the_figure_rests(
    qtbot, light, program, clock
):
    from backcompanion.figure.motion import CAROUSEL_S, Moment, carousel_moment
    from backcompanion.ui.home.card_motion import LOOP_FRAME_MS

    carousel = _loop_carousel(qtbot, program, clock)
    card = carousel.card()
    timer = card.loop.timer()
    assert card.figure.moment() == Moment()  # at rest when it comes into view
    assert timer.interval() > 1000  # nothing moves for the first second: no frames
    for t in (0.2, 0.3, 0.45, 0.55, 0.75):
        clock.t = 1000.0 + t * CAROUSEL_S
        card.loop.step()
        _same_moment(card.figure.moment(), carousel_moment(t * CAROUSEL_S))
        moving = 0.12 < t < 0.37 or 0.6 < t < 0.88
        assert (timer.interval() == LOOP_FRAME_MS) == moving
    clock.t = 1000.0 + 0.2 * CAROUSEL_S
    card.loop.step()  # a late or early frame only shows the moment it is called at
    _same_moment(card.figure.moment(), carousel_moment(0.2 * CAROUSEL_S))


def _same_moment(a, b) -> None:
    assert (a.start, a.end) == (b.start, b.end)
    assert a.t == pytest.approx(b.t, abs=1e-9) and a.breath == pytest.approx(b.breath, abs=1e-9)


def test_after_a_few_loops_the_figure_rests_in_the_stretch(qtbot, light, program, clock):
    from backcompanion.figure.motion import Moment
    from backcompanion.ui.home.card_motion import loop_end_s

    carousel = _loop_carousel(qtbot, program, clock)
    card = carousel.card()
    clock.t = 1000.0 + loop_end_s(True) + 30.0
    card.loop.step()
    assert card.figure.moment() == Moment("stretch", "stretch", 1.0)
    assert not card.loop.running()
    carousel.show("angry_cat")  # a new card comes into view: its loop starts over
    assert card.loop.running() and card.figure.moment() == Moment()


def test_reduced_motion_shows_the_end_pose_still_with_its_arrow(qtbot, light, program, clock):
    carousel = _make(qtbot, program, clock, reduced=True)
    carousel.show("bridge")
    card = carousel.card()
    assert card.figure.reduced_motion() and not card.loop.running()
    carousel.set_reduced_motion(False)
    assert not card.figure.reduced_motion() and card.loop.running()


def test_the_card_figure_tells_a_screen_reader_what_it_shows(carousel):
    from PySide6.QtGui import QAccessible

    from backcompanion.figure import builtin_figures

    carousel.show("bird_dog")
    view = carousel.card().figure
    face = QAccessible.queryAccessibleInterface(view)
    assert face.text(QAccessible.Text.Name) == "Bird dog"
    assert face.text(QAccessible.Text.Description) == builtin_figures().get("bird_dog").description


def test_a_cramped_body_keeps_a_useful_picture_and_every_line_and_scrolls():
    from backcompanion.ui.home.carousel_model import body_room

    def text_height(width: int) -> float:
        return 40_000 / width  # 100 px high at 400 px wide

    chosen, body_h, cramped = body_room(1000, 400, text_height, 90, 4 / 3)
    assert not cramped and body_h == 400
    assert chosen == pytest.approx(min(1000 * SHARES[0], 400 * 4 / 3))
    chosen, body_h, cramped = body_room(1000, 60, text_height, 90, 4 / 3)
    assert cramped
    assert chosen >= 90 * 4 / 3  # the picture keeps its useful minimum
    assert body_h >= chosen / (4 / 3) and body_h >= text_height(int(1000 - chosen))


def test_a_thumbnail_draws_its_figure_once_when_shown(
    qapp, program, plan, clock, qtbot, monkeypatch
):
    """Set up, themed and resized before it is first seen, a neighbour's picture is drawn
    once, at its paint, and again only after a change (the window's start pays for what it
    shows, not for every layout on the way)."""
    from backcompanion.ui.home import carousel_strip

    drawn = []
    real = carousel_strip.figure_image

    def counting(*args, **kwargs):
        drawn.append(args[0].id if args else None)
        return real(*args, **kwargs)

    monkeypatch.setattr(carousel_strip, "figure_image", counting)
    widget = ExerciseCarousel(clock=clock, reduced_motion=True)
    widget.set_program(program, plan)
    apply_theme(qapp, DARK)
    apply_theme(qapp, LIGHT)
    host = _host(qtbot, widget)
    for width in (900, 1000, 1280):
        host.resize(width, 800)
        widget.setGeometry(0, 0, width, 800)
    QApplication.processEvents()
    thumbs = [t for t in widget.thumbnails() if t.isVisible()]
    qtbot.waitUntil(lambda: len(drawn) >= len(thumbs))
    QApplication.processEvents()
    assert len(drawn) == len(thumbs) == 1  # at the first exercise: only the next one
    widget.show_exercise(ORDER[1])
    qtbot.waitUntil(lambda: len(drawn) >= 3)
    QApplication.processEvents()
    assert len(drawn) == 3  # both neighbours of the second exercise, once each
