"""The outlines a painter fills: their arithmetic, their order, mirroring and the steady view."""

from __future__ import annotations

import math

import pytest

from backcompanion.figure import builtin_figures
from backcompanion.figure.geometry import distance
from backcompanion.figure.motion import Moment, figure_joints
from backcompanion.figure.scene import sample_moments, scene, view_box
from backcompanion.figure.shapes import (
    GROUPS,
    HALO,
    arrow_shapes,
    bounds,
    capsule,
    contact_gap,
    figure_shapes,
    grown,
    local_outline,
    smooth_closed,
)

BOOK = builtin_figures()


def test_a_smooth_closed_curve_passes_through_every_point_and_closes():
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    segments = smooth_closed(square)
    assert [end for _, _, end in segments] == [*square[1:], square[0]]
    c1, c2, _ = segments[0]  # tangents from the neighbours (Catmull-Rom)
    assert c1 == pytest.approx((0 + 10 / 6, 0 - 10 / 6))
    assert c2 == pytest.approx((10 - 10 / 6, 0 - 10 / 6))


def test_a_capsule_is_round_at_both_ends_and_tapers():
    pts = capsule((0.0, 0.0), (40.0, 0.0), 8.0, 4.0)
    assert max(x for x, _ in pts) == pytest.approx(44.0)
    assert min(x for x, _ in pts) == pytest.approx(-8.0, abs=0.2)
    assert max(y for _, y in pts) <= 8.0 + 1e-9
    near_q = [p for p in pts if p[0] > 40]
    assert all(distance(p, (40, 0)) == pytest.approx(4.0) for p in near_q)
    bulged = capsule((0.0, 0.0), (40.0, 0.0), 8.0, 4.0, (0.5, 3.0, 0.0))
    assert max(y for _, y in bulged) > max(y for _, y in pts)
    dot = capsule((0.0, 0.0), (0.5, 0.0), 6.0, 2.0)  # too short for a taper: a round end
    assert all(distance(p, (0, 0)) == pytest.approx(6.0) for p in dot)


def test_a_grown_outline_lies_outside_by_the_halo_whichever_way_it_winds():
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    for pts in (square, square[::-1]):
        out = grown(pts, 1.0)
        for (x, y), (gx, gy) in zip(pts, out, strict=True):
            assert distance((x, y), (gx, gy)) == pytest.approx(1.0)
            assert abs(gx - 5) > abs(x - 5) and abs(gy - 5) > abs(y - 5)
    circle = [(5 * math.cos(a / 8 * math.pi), 5 * math.sin(a / 8 * math.pi)) for a in range(16)]
    assert all(distance(p, (0, 0)) == pytest.approx(5 + HALO) for p in grown(circle))


def test_shapes_come_back_to_front_with_the_near_limbs_last():
    fig = BOOK.get("bird_dog")
    shapes = figure_shapes(
        fig, figure_joints(fig, Moment("stretch", "stretch", 1.0)), floor=(-9, 9)
    )
    parts = [s.part for s in shapes]
    assert parts.index("floor") < parts.index("far_upper_arm") < parts.index("torso")
    assert parts.index("torso") < parts.index("near_thigh") < parts.index("near_upper_arm")
    assert parts.index("pelvis") > parts.index("near_thigh")  # shorts over the near thigh
    groups = [s.group for s in shapes if s.group in GROUPS]
    assert groups == sorted(groups, key=GROUPS.index)
    tones = {s.part: s.tone for s in shapes}
    assert tones["near_thigh"] == "accent" and tones["far_upper_arm"] == "far_accent"
    assert tones["near_upper_arm"] == "body" and tones["far_thigh"] == "far"
    assert tones["towel"] == "prop" and tones["mat"] == "prop"


def test_the_view_box_holds_every_pose_and_stays_the_same_while_moving():
    for fig in BOOK.figures:
        box = view_box(fig)
        for i in range(5):
            sc = scene(fig, Moment("start", "stretch" if fig.moves else "start", i / 4, 1.0))
            assert sc.box == box
            x0, y0, x1, y1 = bounds(s for s in sc.shapes if s.part != "floor")
            assert box[0] <= x0 and box[1] <= y0 and x1 <= box[2] and y1 <= box[3], fig.id
        assert box[1] < 0 < box[3]  # the floor is inside


def test_mirroring_flips_every_shape_and_the_box():
    fig = BOOK.get("hamstring_stretch")
    plain = scene(fig, Moment("start", "stretch", 0.7))
    mirrored = scene(fig, Moment("start", "stretch", 0.7), mirrored=True)
    assert mirrored.box == (-plain.box[2], plain.box[1], -plain.box[0], plain.box[3])
    for a, b in zip(plain.shapes, mirrored.shapes, strict=True):
        assert (a.part, a.tone) == (b.part, b.tone)
        assert b.points == tuple((-x, y) for x, y in a.points)


def test_reduced_motion_is_the_end_pose_with_an_arrow_along_the_movement():
    fig = BOOK.get("hamstring_stretch")
    reduced = scene(fig, Moment("start", "stretch", 0.2), reduced=True)
    end = scene(fig, Moment("stretch", "stretch", 1.0))
    body = [s for s in reduced.shapes if not s.part.startswith("arrow")]
    assert [s.points for s in body] == [s.points for s in end.shapes]
    arrow = [s for s in reduced.shapes if s.part.startswith("arrow")]
    assert [s.part for s in arrow] == ["arrow", "arrow_head"]
    shaft = arrow[0].points
    start_foot = figure_joints(fig, Moment())["near_ankle"]
    end_foot = figure_joints(fig, Moment("stretch", "stretch", 1.0))["near_ankle"]
    assert distance(shaft[0], start_foot) < distance(shaft[0], end_foot)  # from start to end
    assert all(s.tone == "arrow" for s in arrow)
    breathing = BOOK.get("breathing_90_90_wall")
    assert not [s for s in scene(breathing, reduced=True).shapes if s.part.startswith("arrow")]


def test_every_moving_figure_has_an_arrow_of_some_length():
    for fig in BOOK.figures:
        if fig.moves:
            shapes = scene(fig, reduced=True).shapes
            assert any(s.part == "arrow" for s in shapes), fig.id


def test_an_arrow_needs_a_path_to_follow():
    assert arrow_shapes([]) == []
    assert arrow_shapes([(0.0, 0.0), (1.0, 0.0)]) == []  # too short to see
    _shaft, head = arrow_shapes([(0.0, 0.0), (10.0, 0.0), (20.0, 0.0)])
    assert max(x for x, _ in head.points) == pytest.approx(20.0 + 4.5 * 0.3)


def test_contact_gaps_measure_from_the_floor_the_wall_and_the_chair():
    wall = BOOK.get("breathing_90_90_wall")
    j = figure_joints(wall, Moment())
    assert contact_gap(j, "near_sole", "wall", wall.props) == pytest.approx(0, abs=1.5)
    assert contact_gap(j, "head", "floor", wall.props) == pytest.approx(0, abs=1.5)
    lifted = j.translated(0.0, 10.0)
    assert contact_gap(lifted, "head", "floor", wall.props) == pytest.approx(
        contact_gap(j, "head", "floor", wall.props) + 10
    )
    chair = BOOK.get("breathing_90_90_chair")
    jc = figure_joints(chair, Moment())
    assert contact_gap(jc, "near_calf", "chair", chair.props) == pytest.approx(0, abs=2.5)
    with pytest.raises(ValueError, match="not a contact"):
        contact_gap(j, "near_elbow", "floor", wall.props)


def test_the_breath_widens_the_torso_outline():
    fig = BOOK.get("breathing_90_90_chair")
    thin = figure_shapes(fig, figure_joints(fig, Moment(breath=0.0)))
    full = figure_shapes(fig, figure_joints(fig, Moment(breath=1.0)))
    top = {s.part: max(y for _, y in s.points) for s in thin}
    top_full = {s.part: max(y for _, y in s.points) for s in full}
    assert top_full["torso"] > top["torso"] + 1.0
    assert math.isclose(top_full["near_shin"], top["near_shin"])  # the legs stay put


def test_a_short_move_gets_a_straight_arrow_clear_of_the_body_pointing_the_way():
    from backcompanion.figure.motion import ARROW_MIN, arrow_path

    cat = BOOK.get("angry_cat")
    path = arrow_path(cat)
    back = max(y for s in scene(cat, reduced=True).shapes if s.part == "torso" for _, y in s.points)
    assert path[0][1] > back - 6  # starts at the back's top, not inside the body
    assert path[-1][1] - path[0][1] > 0.8 * ARROW_MIN  # and points up
    assert distance(path[0], path[-1]) == pytest.approx(ARROW_MIN)


def test_the_pelvic_tilt_arrow_turns_round_the_hips_toward_the_head():
    from backcompanion.figure.motion import TURN_MIN, arrow_path

    tilt = BOOK.get("pelvic_tilt")
    path = arrow_path(tilt)
    hip = figure_joints(tilt, Moment("stretch", "stretch", 1.0))["hip"]
    radii = {round(distance(p, hip), 6) for p in path}
    assert len(radii) == 1  # an arc round the hip joint
    assert path[-1][0] > path[0][0]  # toward the head (on the right)
    assert all(y > hip[1] for _, y in path)  # on the belly side
    chord = distance(path[0], path[-1])
    radius = radii.pop()
    assert chord >= 2 * radius * math.sin(math.radians(TURN_MIN / 2)) - 1e-6


def test_framed_shapes_are_the_same_outlines_placed_by_their_frames():
    """A painter may build each rigid outline once and place it: the frame puts every point
    where the shape built directly has it, on both sides, at every moment tried."""
    framed_parts = set()
    for figure in BOOK.figures:
        moments = (*sample_moments(figure), Moment("start", "stretch", 0.37, 0.6))
        for moment in moments:
            for mirrored in (False, True):
                built = scene(figure, moment, mirrored=mirrored).shapes
                framed = scene(figure, moment, mirrored=mirrored, framed=True).shapes
                assert len(built) == len(framed)
                for a, b in zip(built, framed, strict=True):
                    assert (a.part, a.tone, a.kind, a.group) == (b.part, b.tone, b.kind, b.group)
                    if b.frame is None:
                        assert b.points == a.points  # the trunk, the pelvis, the props
                        continue
                    framed_parts.add(b.part)
                    assert b.points == ()
                    placed = b.frame.points()
                    assert len(placed) == len(a.points)
                    far = max(distance(p, q) for p, q in zip(placed, a.points, strict=True))
                    assert far < 1e-9, (figure.id, a.part, moment)
    assert {"near_thigh", "far_forearm", "near_foot", "head", "neck", "pelvis_leg"} <= (
        framed_parts
    )
    assert "torso" not in framed_parts  # the trunk bends: built from its points every time


def test_a_limb_keeps_its_outline_from_frame_to_frame():
    fig = BOOK.get("hamstring_stretch")
    a = scene(fig, Moment("start", "stretch", 0.3), framed=True).shapes
    b = scene(fig, Moment("start", "stretch", 0.6), framed=True).shapes
    thigh_a, thigh_b = (next(s for s in sh if s.part == "near_thigh") for sh in (a, b))
    assert thigh_a.frame.key == thigh_b.frame.key  # the same outline ...
    assert (thigh_a.frame.x, thigh_a.frame.y) == (thigh_b.frame.x, thigh_b.frame.y)  # the hip
    assert thigh_a.frame.sin != thigh_b.frame.sin  # ... turned: the leg rises
    flipped = thigh_a.frame.flipped()
    assert flipped.mirrored and flipped.flipped() == thigh_a.frame
    assert local_outline(flipped.key, True) == tuple((-x, y) for x, y in local_outline(flipped.key))
    with pytest.raises(ValueError, match="not a rigid outline"):
        local_outline(("ear", 1.0))
