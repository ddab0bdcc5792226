"""Every shipped pose is the exercise the program's text describes (program-facts.md), checked
on the joint angles and positions that define it, and rests on what it should rest on."""

from __future__ import annotations

import math

import pytest

from backcompanion.figure import builtin_figures
from backcompanion.figure.geometry import angle_between, angle_of, distance, sub, wrap
from backcompanion.figure.motion import Moment, figure_joints
from backcompanion.figure.shapes import contact_gap, figure_shapes
from backcompanion.figure.skeleton import SKELETON, surface_point

BOOK = builtin_figures()
PROP_PARTS = {"floor", "mat", "mat_top", "wall", "chair_seat", "chair_leg", "chair_back"}


def joints(figure_id: str, pose: str, breath: float = 0.0):
    return figure_joints(BOOK.get(figure_id), Moment(pose, pose, 0.0, breath))


def all_poses():
    return [(f, k.name) for f in BOOK.figures for k in f.poses]


def tilt(p, q) -> float:
    """How far the line p -> q is from horizontal (0..90 degrees)."""
    a = abs(wrap(angle_of(sub(q, p))))
    return min(a, 180 - a)


def off_line(p, a, b) -> float:
    """Signed distance of p from the line a -> b (+ above it when a -> b runs left to right)."""
    (ax, ay), (bx, by), (px, py) = a, b, p
    length = math.hypot(bx - ax, by - ay)
    return ((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / length


def hip_angle(j, side="near"):
    """The angle at the hip between the trunk and the thigh (180 = straight, 90 = sitting)."""
    return angle_between(j["neck"], j["hip"], j[f"{side}_knee"])


def knee_angle(j, side="near"):
    return angle_between(j[f"{side}_hip"], j[f"{side}_knee"], j[f"{side}_ankle"])


# ---------------------------------------------------------------- every pose


@pytest.mark.parametrize(("figure", "pose"), all_poses(), ids=lambda x: getattr(x, "id", x))
def test_weight_bearing_parts_touch_what_they_rest_on(figure, pose):
    key = figure.key(pose)
    for breath in (0.0, 1.0):
        j = figure_joints(figure, Moment(pose, pose, 0.0, breath))
        for part, place in key.contacts:
            gap = contact_gap(j, part, place, figure.props)
            assert -1.5 <= gap <= 2.5, f"{figure.id} {pose}: {part} is {gap:.1f} cm off the {place}"


@pytest.mark.parametrize(("figure", "pose"), all_poses(), ids=lambda x: getattr(x, "id", x))
def test_nothing_sinks_below_the_floor(figure, pose):
    j = figure_joints(figure, Moment(pose, pose, 0.0, 1.0))
    for shape in figure_shapes(figure, j):
        if shape.part in PROP_PARTS:
            continue
        # a far limb rests on the far part of the floor, drawn higher (see Skeleton.far_lift)
        floor = SKELETON.far_lift if shape.part.startswith("far_") else 0.0
        low = min(y for _, y in shape.points) - floor
        assert low >= -1.0, f"{figure.id} {pose}: {shape.part} reaches {low:.1f} cm below the floor"


@pytest.mark.parametrize("figure", BOOK.figures, ids=lambda f: f.id)
def test_nothing_sinks_below_the_floor_on_the_way_either(figure):
    names = [k.name for k in figure.poses]
    for a, b in zip(names, names[1:] + names[:1], strict=True):
        for i in range(1, 10):
            j = figure_joints(figure, Moment(a, b, i / 10))
            for shape in figure_shapes(figure, j):
                if shape.part not in PROP_PARTS:
                    low = min(y for _, y in shape.points)
                    assert low >= -3.0, f"{figure.id} {a}->{b} at {i / 10}: {shape.part} {low:.1f}"


# ---------------------------------------------------------------- exercise by exercise


@pytest.mark.parametrize("figure_id", ["breathing_90_90_wall", "breathing_90_90_chair"])
def test_90_90_breathing_hips_and_knees_at_right_angles_a_hand_on_the_belly(figure_id):
    j = joints(figure_id, "start", breath=0.5)
    for side in ("near", "far"):
        assert hip_angle(j, side) == pytest.approx(90, abs=10)
        assert knee_angle(j, side) == pytest.approx(90, abs=10)
    belly, _ = surface_point(j, "belly")
    assert distance(j["near_wrist"], belly) < 10  # the hand lies on the belly
    chest, _ = surface_point(j, "chest")
    assert distance(j["far_wrist"], chest) < 10
    assert abs(j["neck"][1] - j["hip"][1]) < 4  # lying flat
    props = BOOK.get(figure_id).props
    assert (props.wall is not None) == figure_id.endswith("wall")
    assert (props.chair is not None) == figure_id.endswith("chair")


def test_angry_cat_rounds_the_back_up_with_the_tail_tucked_then_lets_it_sag():
    start, up, sag = (joints("angry_cat", p) for p in ("start", "stretch", "release"))

    def hump(j):  # how far the middle of the back is above the hips-shoulders line
        return off_line(j["midback"], j["shoulder"], j["hip"])

    assert hump(up) > hump(start) + 5
    assert hump(sag) < hump(start) - 2
    cat = BOOK.get("angry_cat")
    assert cat.key("stretch").pose.pelvis > cat.key("start").pose.pelvis + 10  # tail tucked
    assert cat.key("release").pose.pelvis < cat.key("start").pose.pelvis
    for j in (start, up, sag):  # on hands and knees throughout
        assert abs(j["near_wrist"][0] - j["shoulder"][0]) < 12
        assert abs(j["near_knee"][0] - j["hip"][0]) < 12
    assert {"torso", "pelvis"} <= cat.accent


def test_childs_pose_sits_back_on_the_heels_chest_down_arms_forward():
    start, rest = joints("childs_pose", "start"), joints("childs_pose", "stretch")
    assert abs(start["near_knee"][0] - start["hip"][0]) < 12  # starts on hands and knees
    assert abs(rest["hip"][0] - rest["near_ankle"][0]) < 12  # hips over the heels
    assert rest["hip"][1] < 30
    assert rest["shoulder"][1] < rest["hip"][1] + 5  # chest lowered toward the floor
    assert rest["near_wrist"][0] < rest["head"][0] - 15  # arms reaching forward past the head
    assert knee_angle(rest) < 35  # knees fully bent


def test_hamstring_stretch_raises_one_straight_leg_the_other_knee_bent():
    start, up = joints("hamstring_stretch", "start"), joints("hamstring_stretch", "stretch")
    assert knee_angle(up) > 170  # knee straight
    raised = 180 - hip_angle(up)  # hip flexion
    assert 60 <= raised <= 95
    assert 180 - hip_angle(start) < 15  # it starts low
    for j in (start, up):
        assert knee_angle(j, "far") < 120  # the other knee bent, foot on the floor
        assert abs(j["neck"][1] - j["hip"][1]) < 4  # on the back
    assert BOOK.get("hamstring_stretch").props.belt == "near"
    assert "near_thigh" in BOOK.get("hamstring_stretch").accent


def test_piriformis_crosses_an_ankle_over_the_other_knee_and_draws_it_to_the_chest():
    start, pull = joints("piriformis_stretch", "start"), joints("piriformis_stretch", "stretch")
    for j in (start, pull):
        assert distance(j["near_ankle"], j["far_knee"]) < 14  # the crossed ankle
        assert abs(j["neck"][1] - j["hip"][1]) < 4  # head and shoulders stay down
    assert hip_angle(pull, "far") < hip_angle(start, "far") - 30  # pulled toward the chest
    fig = BOOK.get("piriformis_stretch")
    assert contact_gap(pull, "far_sole", "floor", fig.props) > 15  # the foot leaves the floor
    assert "far_sole" in fig.key("start").contact_map()
    # drawn toward the chest: the far knee over the hip or toward the head (not up-left, away
    # from the chest), the shin about level and the foot above the knee, not dangling
    assert pull["far_knee"][0] >= pull["hip"][0]
    shin = angle_of(sub(pull["far_ankle"], pull["far_knee"]))
    assert abs(abs(shin) - 180) < 25 and pull["far_toe"][1] > pull["far_ankle"][1]


def test_hip_flexor_half_kneeling_pelvis_tucked_hips_forward_chest_high():
    start, fwd = joints("hip_flexor_stretch", "start"), joints("hip_flexor_stretch", "stretch")
    fig = BOOK.get("hip_flexor_stretch")
    assert hip_angle(start, "far") == pytest.approx(90, abs=15)  # front hip at a right angle
    assert knee_angle(start, "far") == pytest.approx(90, abs=15)  # and front knee
    for j in (start, fwd):
        assert contact_gap(j, "near_knee", "floor", fig.props) < 2.5  # back knee down
        assert tilt(j["hip"], j["neck"]) > 75  # chest high: the trunk upright
    assert fwd["hip"][0] < start["hip"][0] - 5  # hips eased forward (it faces left)
    assert fig.key("stretch").pose.pelvis > fig.key("start").pose.pelvis + 8  # tucked
    assert fwd["near_knee"][0] > fwd["hip"][0] + 5  # the back thigh slants behind the hip
    assert "near_thigh" in fig.accent


def test_pelvic_tilt_flattens_the_low_back_while_the_hips_stay_down():
    fig = BOOK.get("pelvic_tilt")
    start, flat = joints("pelvic_tilt", "start"), joints("pelvic_tilt", "stretch")

    def low_back_gap(j):  # the back of the waist above the floor
        back = SKELETON.offsets("waist")[0]
        return j["waist"][1] + back * math.sin(math.radians(j.dirs["lumbar"] - 90))

    assert low_back_gap(start) > 3.0  # an arch under the low back
    assert low_back_gap(flat) < 1.5  # pressed into the floor
    assert fig.key("stretch").pose.pelvis > fig.key("start").pose.pelvis + 15
    for j in (start, flat):
        assert contact_gap(j, "seat", "floor", fig.props) < 1.5  # hips stay down
        assert knee_angle(j) < 120  # knees bent
    assert "pelvis" in fig.accent


def test_bridge_lifts_the_hips_to_a_straight_line_shoulders_hips_knees():
    start, top = joints("bridge", "start"), joints("bridge", "stretch")
    assert start["hip"][1] < 15
    assert top["hip"][1] > 20
    assert angle_between(top["shoulder"], top["hip"], top["near_knee"]) > 165
    assert off_line(top["hip"], top["near_knee"], top["shoulder"]) > -3  # not sagging
    fig = BOOK.get("bridge")
    assert contact_gap(top, "back", "floor", fig.props) < 1.5  # shoulders stay down


def test_bird_dog_lifts_the_opposite_arm_and_leg_both_near_horizontal():
    start, reach = joints("bird_dog", "start"), joints("bird_dog", "stretch")
    fig = BOOK.get("bird_dog")
    # the lifted leg is the near one, the lifted arm the far one: opposite sides
    assert {"near_thigh", "near_shin", "far_upper_arm", "far_forearm"} <= fig.accent
    assert not {"far_thigh", "near_upper_arm"} & fig.accent
    assert tilt(reach["near_hip"], reach["near_ankle"]) < 15
    assert reach["near_ankle"][0] > reach["hip"][0] + 60  # reaching back
    assert tilt(reach["far_shoulder"], reach["far_wrist"]) < 15
    assert reach["far_wrist"][0] < reach["shoulder"][0] - 40  # reaching forward
    assert knee_angle(reach) > 165
    assert fig.props.towel
    for j in (start, reach):  # the supporting hand and knee stay down
        assert contact_gap(j, "near_hand", "floor", fig.props) < 2.5
        assert contact_gap(j, "far_shin", "floor", fig.props) < 2.5
    assert tilt(reach["hip"], reach["neck"]) < 15  # a level back


def test_plank_rests_on_forearms_and_toes_in_one_straight_line():
    fig = BOOK.get("plank")
    j = joints("plank", "stretch")
    assert angle_between(j["shoulder"], j["hip"], j["near_ankle"]) > 170
    assert abs(j["near_elbow"][0] - j["shoulder"][0]) < 6  # elbows under shoulders
    assert j["near_wrist"][0] < j["near_elbow"][0] - 15  # forearms pointing ahead
    assert tilt(j["near_elbow"], j["near_wrist"]) < 10
    assert j["hip"][1] > 15  # off the floor
    start = joints("plank", "start")
    assert contact_gap(start, "seat", "floor", fig.props) < 2.5  # it starts lying down


def test_knee_plank_rests_on_forearms_and_knees_in_one_straight_line():
    fig = BOOK.get("knee_plank")
    j = joints("knee_plank", "stretch")
    assert angle_between(j["shoulder"], j["hip"], j["near_knee"]) > 170
    assert abs(j["near_elbow"][0] - j["shoulder"][0]) < 6
    assert contact_gap(j, "near_knee", "floor", fig.props) < 2.5
    assert j["hip"][1] > 12
