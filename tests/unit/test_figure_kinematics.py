"""The figure's skeleton: forward kinematics, poses in between, planted contacts, mirroring."""

from __future__ import annotations

import math

import pytest

from backcompanion.figure import builtin_figures
from backcompanion.figure.geometry import (
    angle_between,
    angle_of,
    distance,
    ease,
    lerp_angle,
    sub,
    wrap,
)
from backcompanion.figure.model import CONTACTS
from backcompanion.figure.motion import (
    Moment,
    blend,
    figure_joints,
    joints_between,
    mirror_joints,
    side_name,
)
from backcompanion.figure.skeleton import SKELETON, Arm, Leg, Pose, forward, two_bone

STANDING = Pose(hip=(0.0, 92.0), torso=90.0)  # upright, facing left (the left side nearest)


def close(p, q, tol=1e-6):
    return distance(p, q) <= tol


def test_standing_pose_hangs_limbs_straight_down_and_stacks_the_spine():
    j = forward(STANDING)
    s = SKELETON
    assert close(j["sacrum"], (0.0, 92.0 + s.pelvis))
    assert close(j["neck"], (0.0, 92.0 + s.pelvis + s.lumbar + s.thoracic))
    assert close(j["near_knee"], (0.0, 92.0 - s.thigh))
    assert close(j["near_ankle"], (0.0, 92.0 - s.thigh - s.shin))
    assert j["near_heel"][1] == pytest.approx(92.0 - s.thigh - s.shin - s.ankle_height)
    assert j["near_toe"][0] < j["near_ankle"][0]  # the feet point the way the body faces
    assert j["near_wrist"][1] < j["shoulder"][1]


def test_the_far_limbs_hang_a_little_higher_so_left_and_right_never_hide_each_other():
    j = forward(STANDING)
    lift = SKELETON.far_lift
    for name in ("shoulder", "hip", "elbow", "knee", "ankle"):
        near, far = j[f"near_{name}"], j[f"far_{name}"]
        assert far[0] == pytest.approx(near[0]) and far[1] == pytest.approx(near[1] + lift)


@pytest.mark.parametrize(
    ("leg", "thigh_dir"),
    [(Leg(hip=90), 180.0), (Leg(hip=-20), -70.0), (Leg(hip=0), -90.0)],
)
def test_hip_flexion_swings_the_thigh_to_the_front(leg, thigh_dir):
    j = forward(Pose(hip=(0, 92), torso=90, near_leg=leg))
    assert wrap(angle_of(sub(j["near_knee"], j["hip"])) - thigh_dir) == pytest.approx(0, abs=1e-6)


def test_knee_flexion_folds_the_shin_backward_and_elbow_flexion_forward():
    j = forward(Pose(hip=(0, 92), torso=90, near_leg=Leg(knee=90), near_arm=Arm(elbow=90)))
    shin = sub(j["near_ankle"], j["near_knee"])
    forearm = sub(j["near_wrist"], j["near_elbow"])
    assert shin[0] > 0 and abs(shin[1]) < 1e-6  # behind (the figure faces left)
    assert forearm[0] < 0 and abs(forearm[1]) < 1e-6  # in front


def test_spine_flexion_lifts_the_middle_of_a_back_on_all_fours():
    flat = forward(Pose(hip=(0, 48), torso=180))
    round_ = forward(Pose(hip=(0, 48), torso=180, spine=40))
    assert round_["midback"][1] > flat["midback"][1] + 3


def test_segment_lengths_never_change_whatever_the_angles():
    s = SKELETON
    pose = Pose(
        hip=(3, 40),
        torso=123,
        spine=17,
        pelvis=-9,
        near_arm=Arm(37, 51, 12),
        far_arm=Arm(-20, 5, 80),
        near_leg=Leg(71, 33, 10),
        far_leg=Leg(-15, 120, -20),
    )
    j = forward(pose)
    for side in ("near", "far"):
        assert distance(j[f"{side}_shoulder"], j[f"{side}_elbow"]) == pytest.approx(s.upper_arm)
        assert distance(j[f"{side}_elbow"], j[f"{side}_wrist"]) == pytest.approx(s.forearm)
        assert distance(j[f"{side}_hip"], j[f"{side}_knee"]) == pytest.approx(s.thigh)
        assert distance(j[f"{side}_knee"], j[f"{side}_ankle"]) == pytest.approx(s.shin)
    assert distance(j["hip"], j["sacrum"]) == pytest.approx(s.pelvis)


def test_two_bone_reaches_a_target_in_reach_and_bends_to_the_side_asked():
    root, target = (0.0, 0.0), (30.0, 10.0)
    for bend in (1.0, -1.0):
        mid, end = two_bone(root, target, 25.0, 20.0, bend)
        assert close(end, target, 1e-6)
        assert distance(root, mid) == pytest.approx(25.0)
        assert distance(mid, end) == pytest.approx(20.0)
        cross = target[0] * mid[1] - target[1] * mid[0]
        assert math.copysign(1, cross) == bend
    _, end = two_bone(root, (100.0, 0.0), 25.0, 20.0, 1.0)  # out of reach: straight at it
    assert close(end, (45.0, 0.0), 1e-3)


def test_angles_turn_the_short_way_and_the_easing_rests_at_both_ends():
    assert lerp_angle(170, -170, 0.5) == pytest.approx(180)
    assert lerp_angle(-170, 170, 0.25) == pytest.approx(-175)
    assert wrap(540) == pytest.approx(180) and wrap(-190) == pytest.approx(170)
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == pytest.approx(0.5)
    assert ease(-1) == 0 and ease(2) == 1
    assert ease(0.01) < 0.01  # starts slowly
    assert angle_between((1, 0), (0, 0), (0, 1)) == pytest.approx(90)


def test_blend_is_each_pose_at_its_end_and_halfway_between():
    a = Pose(hip=(0, 10), torso=170, near_leg=Leg(hip=10, knee=20))
    b = Pose(hip=(10, 30), torso=-170, near_leg=Leg(hip=50, knee=40))
    assert blend(a, b, 0.0) == a
    mid = blend(a, b, 0.5)
    assert mid.hip == (5, 20)
    assert wrap(mid.torso) == pytest.approx(180)  # through 180, not through 0
    assert mid.near_leg.hip == pytest.approx(30) and mid.near_leg.knee == pytest.approx(30)


@pytest.mark.parametrize("figure", builtin_figures().figures, ids=lambda f: f.id)
def test_weight_bearing_parts_stay_put_while_the_figure_moves(figure):
    """Hands, knees and feet planted in both key poses do not slide or sink on the way."""
    if not figure.moves:
        return
    pairs = [("start", "stretch")]
    if figure.via:
        pairs += [("stretch", figure.via), (figure.via, "start")]
    for a_name, b_name in pairs:
        a, b = figure.key(a_name), figure.key(b_name)
        ja, jb = forward(a.pose), forward(b.pose)
        shared = [c for c, place in a.contacts if dict(b.contacts).get(c) == place]
        for i in range(1, 10):
            t = i / 10
            j = joints_between(a, b, t)
            for c in shared:
                joint = CONTACTS[c]
                expected = (
                    ja[joint][0] + (jb[joint][0] - ja[joint][0]) * t,
                    ja[joint][1] + (jb[joint][1] - ja[joint][1]) * t,
                )
                tol = 0.5 if c.split("_")[-1] in ("hand", "sole", "toes", "calf") else 4.0
                assert distance(j[joint], expected) < tol, (figure.id, a_name, b_name, t, c)


def test_a_moment_between_two_poses_is_each_pose_at_its_ends():
    cat = builtin_figures().get("angry_cat")
    at_start = figure_joints(cat, Moment("start", "stretch", 0.0))
    at_end = figure_joints(cat, Moment("start", "stretch", 1.0))
    assert at_start.points == forward(cat.key("start").pose).points
    assert at_end.points == forward(cat.key("stretch").pose).points
    unknown = figure_joints(cat, Moment("nope", "nope", 0.5))
    assert unknown.points == at_start.points


def test_mirroring_swaps_left_and_right_and_twice_is_the_same():
    j = forward(Pose(hip=(5, 40), torso=160, near_leg=Leg(hip=60, knee=30)))
    m = mirror_joints(j)
    for name, (x, y) in j.points.items():
        assert m[name] == (-x, y)
    assert mirror_joints(m).points == j.points
    assert m.dirs["near_foot"] == pytest.approx(180 - j.dirs["near_foot"])
    assert side_name("near", mirrored=False) == "left"
    assert side_name("near", mirrored=True) == "right"
    assert side_name("far", mirrored=True) == "left"
    with pytest.raises(ValueError):
        side_name("middle", mirrored=False)


def test_breath_widens_the_belly_and_a_resting_hand_rides_on_it():
    wall = builtin_figures().get("breathing_90_90_wall")
    empty = figure_joints(wall, Moment(breath=0.0))
    full = figure_joints(wall, Moment(breath=1.0))
    from backcompanion.figure.skeleton import surface_point

    rise = distance(surface_point(full, "belly")[0], surface_point(empty, "belly")[0])
    assert rise == pytest.approx(SKELETON.belly_breath)
    hand_rise = distance(full["near_wrist"], empty["near_wrist"])
    assert hand_rise == pytest.approx(SKELETON.belly_breath, abs=0.05)
    assert full["hip"] == empty["hip"]  # nothing else moves with the breath
