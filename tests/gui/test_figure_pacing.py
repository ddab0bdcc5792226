"""When the moving figure gets a new picture: a fast movement at every frame offered, a slow one
at every other frame, a step too small to see never, the end of a movement always; and the
paths built for one frame are reused where nothing moved."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from backcompanion.figure import Moment, builtin_figures, figure_joints, session_moment
from backcompanion.figure.motion import EASE_IN_S, joint_travel, mirror_joints
from backcompanion.figure.scene import scene
from backcompanion.ui.theme import LIGHT
from backcompanion.ui.widgets.figure import MIN_STEP_PX, STEP_SHARE, FigureView, paint_figure
from backcompanion.ui.widgets.figure_paint import scene_paths

BOOK = builtin_figures()


def test_joint_travel_is_how_far_the_outline_moves_at_most():
    fig = BOOK.get("hamstring_stretch")
    a = figure_joints(fig, Moment("start", "stretch", 0.3))
    b = figure_joints(fig, Moment("start", "stretch", 0.35))
    assert joint_travel(a, a) == 0.0
    farthest = max(
        ((x - a[name][0]) ** 2 + (y - a[name][1]) ** 2) ** 0.5 for name, (x, y) in b.points.items()
    )
    assert joint_travel(a, b) >= farthest > 0.5  # the raised leg sweeps centimetres
    assert joint_travel(a, b) == pytest.approx(joint_travel(b, a))
    assert joint_travel(mirror_joints(a), mirror_joints(b)) == pytest.approx(joint_travel(a, b))
    breath = figure_joints(BOOK.get("breathing_90_90_wall"), Moment("start", "start", 0.0, 0.5))
    full = figure_joints(BOOK.get("breathing_90_90_wall"), Moment("start", "start", 0.0, 1.0))
    assert joint_travel(breath, full) > 1.0  # the belly rises with the breath


def test_scene_takes_the_joints_it_would_work_out():
    fig = BOOK.get("bird_dog")
    m = Moment("start", "stretch", 0.4)
    assert scene(fig, m, mirrored=True, joints=figure_joints(fig, m)) == scene(
        fig, m, mirrored=True
    )


def _view(qtbot, fid: str, width: int = 800) -> FigureView:
    view = FigureView(fid, theme=LIGHT)
    qtbot.addWidget(view)
    view.resize(width, width * 3 // 4)
    view.set_moment(Moment("start", "stretch", 0.0))
    return view


def _painted(view: FigureView, moments) -> list[bool]:
    return [view.set_moment(m) for m in moments]


def test_a_fast_movement_gets_a_picture_at_every_frame(qtbot, light):
    view = _view(qtbot, "hamstring_stretch")
    # the middle of the ease, 60 frames a second: the leg sweeps several pixels a frame
    frames = [session_moment("hold", 0.8 + i / 60, 10.0) for i in range(12)]
    assert all(_painted(view, frames))


def test_a_slow_movement_gets_a_picture_every_other_frame(qtbot, light):
    view = _view(qtbot, "hip_flexor_stretch", width=600)  # it rocks the hips a little
    step = max(MIN_STEP_PX, 600 * STEP_SHARE)
    frames = [session_moment("hold", 0.5 + i / 60, 10.0) for i in range(30)]
    painted = _painted(view, frames)
    assert 10 <= sum(painted) <= 16  # about half the frames: 30 pictures a second
    assert not any(a and b for a, b in itertools.pairwise(painted))
    assert step < 3.0  # each of those steps is small


def test_a_step_too_small_to_see_gets_no_picture_and_the_end_always_does(qtbot, light):
    view = _view(qtbot, "angry_cat", width=320)
    assert view.set_moment(Moment("start", "stretch", 0.5))
    for _ in range(2):  # the next step of the pose grid: a fraction of a pixel at this size
        assert not view.set_moment(Moment("start", "stretch", 0.5 + 1 / 240))
    assert view.set_moment(Moment("start", "stretch", 0.5 + 1 / 240), exact=True)  # a snapshot
    assert view.set_moment(Moment("start", "stretch", 1.0))  # arrived: exactly the stretch
    assert not view.set_moment(Moment("start", "stretch", 1.0))  # nothing new
    view.set_reduced_motion(True)
    assert not view.set_moment(Moment("start", "stretch", 0.2))  # reduced motion: still


def test_the_picture_at_the_end_of_a_movement_is_the_still_pose_exactly(qtbot, light):
    view = _view(qtbot, "bird_dog", width=480)
    for i in range(int(EASE_IN_S * 60) + 2):
        view.set_moment(session_moment("hold", i / 60, 10.0))
    frame = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    whole = QImage(frame.size(), QImage.Format.Format_RGB32)
    whole.fill(QColor(LIGHT.window))
    painter = QPainter(whole)
    rect = QRectF(0, 0, frame.width(), frame.height())
    paint_figure(painter, rect, BOOK.get("bird_dog"), Moment("start", "stretch", 1.0), theme=LIGHT)
    painter.end()
    fresh = FigureView("bird_dog", theme=LIGHT)
    qtbot.addWidget(fresh)
    fresh.resize(480, 360)
    fresh.set_moment(Moment("start", "stretch", 1.0))
    assert frame == fresh.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_resize_changes_the_step_a_picture_waits_for(qtbot, light):
    view = _view(qtbot, "bridge", width=400)
    small = view._scale()
    view.resize(1600, 1200)
    assert view._scale() == pytest.approx(4 * small, rel=0.01)


def test_paths_of_shapes_that_did_not_move_are_reused():
    fig = BOOK.get("bird_dog")
    a = scene(fig, Moment("start", "stretch", 0.3))
    b = scene(fig, Moment("start", "stretch", 0.4))
    first = scene_paths(a)
    still = tuple(False for _ in a.shapes)
    again = scene_paths(b, still, first, a.shapes)
    moved = [sa.points != sb.points for sa, sb in zip(a.shapes, b.shapes, strict=True)]
    assert any(moved) and not all(moved)
    for i, m in enumerate(moved):
        assert (again[i] is first[i]) == (not m)


def _elements(path) -> list[tuple[float, float]]:
    return [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def test_a_limb_that_only_turned_and_moved_gets_its_earlier_path_turned_and_moved():
    from backcompanion.ui.widgets.figure_paint import Rigid, rigid_move

    for fid in ("angry_cat", "hamstring_stretch", "bird_dog", "bridge"):
        fig = BOOK.get(fid)
        rigid: Rigid = {}
        moved = 0
        for i in range(1, 20):
            sc = scene(fig, Moment("start", "stretch", i / 20), mirrored=fid == "bird_dog")
            fast, exact = scene_paths(sc, rigid=rigid), scene_paths(sc)
            for i, ((pa, ha, sa), (pb, hb, sb)) in enumerate(zip(fast, exact, strict=True)):
                assert sa == sb and (ha is None) == (hb is None)
                for a, b in ((pa, pb), (ha, hb)) if ha is not None else ((pa, pb),):
                    ea, eb = _elements(a), _elements(b)
                    assert len(ea) == len(eb)
                    pairs = zip(ea, eb, strict=True)
                    assert max(abs(x - u) + abs(y - v) for (x, y), (u, v) in pairs) < 1e-5
                moved += rigid[i][1] is not pa  # turned and moved, not built again
        assert moved, fid
    square = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))
    turned = tuple((-y + 5.0, x + 2.0) for x, y in square)  # a quarter turn, then a shift
    to = rigid_move(square, turned)
    assert to is not None and to.map(1.0, 1.0) == pytest.approx((4.0, 3.0))
    assert rigid_move(square, tuple((2 * x, 2 * y) for x, y in square)) is None  # grown
    assert rigid_move(square, tuple((-x, y) for x, y in square)) is None  # mirrored


@pytest.mark.parametrize("change", ["side", "figure", "reduced", "size", "theme"])
def test_what_a_moving_view_kept_is_dropped_when_the_picture_changes(qtbot, light, change):
    """The paths kept between frames (limbs to turn and move, the last shapes built) belong to
    one figure on one side: after a change, frames look as a fresh view paints them."""
    from backcompanion.ui.theme import DARK

    view = _view(qtbot, "bird_dog", width=480)
    for i in range(1, 12):
        view.set_moment(Moment("start", "stretch", i / 24))
    view.grab()
    outlines = view._outlines
    assert outlines  # the limbs' outlines, placed by their frames
    figure, mirrored, theme, width = "bird_dog", False, LIGHT, 480
    if change == "side":
        mirrored = True
        view.set_figure("bird_dog", mirrored=True)
    elif change == "figure":
        figure = "hamstring_stretch"
        view.set_figure(figure)
    elif change == "reduced":
        view.set_reduced_motion(True)
        view.set_reduced_motion(False)
    elif change == "size":
        width = 640
        view.resize(640, 480)
    else:
        theme = DARK
        view.set_theme(DARK)
    # the outlines placed by frames are in world units without colours: kept over a new size
    # or theme, dropped with the figure, the side or the motion setting
    assert (view._outlines is outlines) == (change in ("size", "theme"))
    for i in range(12, 20):
        view.set_moment(Moment("start", "stretch", i / 24))
    fresh = FigureView(figure, mirrored=mirrored, theme=theme)
    qtbot.addWidget(fresh)
    fresh.resize(width, width * 3 // 4)
    fresh.set_moment(view.moment())
    assert view.moment() == Moment("start", "stretch", 19 / 24)
    a = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    b = fresh.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert a == b


def test_frames_placed_from_outlines_built_once_paint_what_a_fresh_build_paints(
    qtbot, light, monkeypatch
):
    """A moving frame places each limb's outline (built once per outline, side and halo) by
    its frame; the picture is the one a frame built from every point paints, pixel for pixel
    (a far limb and a near limb may share an outline: only the near one has a halo)."""
    import backcompanion.ui.widgets.figure as widget

    def frames(fid: str, mirrored: bool, framed: bool) -> list[QImage]:
        view = FigureView(fid, mirrored=mirrored, theme=LIGHT)
        qtbot.addWidget(view)
        view.resize(480, 360)
        out = []
        for i in (3, 4, 9, 14):
            view.set_moment(Moment("start", "stretch", i / 17), exact=True)
            out.append(view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32))
        assert bool(view._outlines) == framed  # placed outlines only when asked for
        return out

    built = widget.scene

    def unframed(*args, framed=False, **kwargs):
        return built(*args, **kwargs)

    for fid, mirrored in (("hamstring_stretch", False), ("angry_cat", True), ("bird_dog", False)):
        placed = frames(fid, mirrored, framed=True)
        with monkeypatch.context() as m:
            m.setattr(widget, "scene", unframed)
            whole = frames(fid, mirrored, framed=False)
        assert placed == whole, fid
