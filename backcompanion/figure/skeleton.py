"""The body seen from the side: segment lengths, a pose, and forward kinematics to joint points.

Conventions (all angles in degrees, positive as in the anatomy words):

* The body is drawn with its **left side nearest** the viewer ("near" limbs are the
  left ones); :func:`backcompanion.figure.motion.mirror_joints` makes the other side.
  Seen from the left, the body's front is its head direction turned a quarter turn
  counter-clockwise: standing, it faces left; lying on its back with the head to the
  right, it faces up; on hands and knees with the head to the left, it faces down.
* ``Pose.hip`` places the hip joint (cm, the floor is ``y = 0``); ``Pose.torso`` is the
  direction from the hips toward the shoulders (0 = head to the right, 90 = upright,
  180 = head to the left).
* ``spine``: flexion (+) rounds the back, extension (-) lets it sag or arch; the bend is
  shared between the low and the upper back around the ``torso`` direction.
* ``pelvis``: posterior tilt (+, "tuck the tail") or anterior tilt (-), relative to the
  torso direction.
* ``neck``: flexion (+) brings the chin toward the chest.
* Arm: ``shoulder`` flexion from hanging along the body (0) through reaching forward
  (90) to overhead (180); ``elbow`` flexion (0 = straight); ``wrist`` bends the hand
  toward the front of the forearm (hands flat on the floor under vertical arms: 90).
* Leg: ``hip`` flexion from standing (0) to sitting (90), negative behind the body;
  ``knee`` flexion (0 = straight); ``ankle`` plantar flexion (0 = foot at a right angle
  to the shin, + points the toes).
* ``shown`` (arm or leg, default 1) draws the upper arm or thigh shorter, and ``shin_shown``
  the shin, for a limb that points partly toward the viewer (the crossed leg of the
  piriformis stretch: its shin runs across the body, so from the side it looks short).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from backcompanion.figure.geometry import (
    Point,
    add,
    angle_of,
    distance,
    polar,
    sub,
)

__all__ = [
    "ARM_JOINTS",
    "LEG_JOINTS",
    "SIDES",
    "SKELETON",
    "SURFACES",
    "Arm",
    "Joints",
    "Leg",
    "Pose",
    "Skeleton",
    "forward",
    "surface_point",
    "two_bone",
]

SIDES = ("near", "far")
ARM_JOINTS = ("shoulder", "elbow", "wrist")
LEG_JOINTS = ("hip", "knee", "ankle")
SURFACES = ("belly", "chest")  # where a hand may rest on the body
REST_HAND = 0.6  # share of a resting hand's length seen from the side (it lies across the body)


@dataclass(frozen=True, slots=True)
class Skeleton:
    """Segment lengths and half-thicknesses (cm) of a person about 1.75 m tall."""

    pelvis: float = 11.0  # hip joint to the base of the spine
    lumbar: float = 19.0
    thoracic: float = 22.0
    shoulder_drop: float = 4.0  # the shoulder joint sits this far below the top of the spine
    neck: float = 7.0
    head_r: float = 10.5
    upper_arm: float = 29.0
    forearm: float = 25.0
    hand: float = 17.0
    thigh: float = 43.0
    shin: float = 42.0
    ankle_height: float = 7.0  # ankle joint above the sole
    heel_back: float = 5.5  # heel behind the ankle
    toe_length: float = 17.0  # toe tip ahead of the ankle
    # half-thicknesses (radius at the near end, radius at the far end)
    upper_arm_r: tuple[float, float] = (5.0, 3.9)
    forearm_r: tuple[float, float] = (3.9, 2.8)
    hand_r: tuple[float, float] = (2.7, 2.0)
    thigh_r: tuple[float, float] = (8.0, 5.4)
    shin_r: tuple[float, float] = (5.2, 3.3)
    neck_r: float = 4.6
    # the torso's outline: (station, back offset, front offset) from the hips up; see shapes.py
    torso_profile: tuple[tuple[str, float, float], ...] = field(
        default=(
            ("seat", 7.5, 3.5),
            ("hip", 11.0, 8.0),
            ("sacrum", 10.0, 9.0),
            ("waist", 9.2, 9.5),
            ("midback", 10.0, 10.0),
            ("chest", 10.5, 10.5),
            ("neck", 6.0, 5.5),
        )
    )
    belly_breath: float = 3.2  # how far the belly rises at a full breath
    ribs_breath: float = 1.3  # and the lower ribs
    # The far limbs hang from joints this much higher on the picture, as if the viewer looked
    # slightly down at the body: left and right then never hide each other exactly, and a far
    # hand or foot rests on the far part of the floor (the mat's top, seen from above).
    far_lift: float = 3.5

    def offsets(self, station: str) -> tuple[float, float]:
        for name, back, front in self.torso_profile:
            if name == station:
                return back, front
        raise KeyError(station)


SKELETON = Skeleton()


@dataclass(frozen=True, slots=True)
class Arm:
    shoulder: float = 0.0
    elbow: float = 0.0
    wrist: float = 0.0
    shown: float = 1.0  # share of the upper arm's length drawn (foreshortening)
    on: str | None = None  # "belly" or "chest": the hand rests there (placed by the torso)


@dataclass(frozen=True, slots=True)
class Leg:
    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    shown: float = 1.0  # share of the thigh's length drawn (foreshortening)
    shin_shown: float = 1.0  # and of the shin's


@dataclass(frozen=True, slots=True)
class Pose:
    hip: Point
    torso: float
    spine: float = 0.0
    pelvis: float = 0.0
    neck: float = 0.0
    near_arm: Arm = Arm()
    far_arm: Arm = Arm()
    near_leg: Leg = Leg()
    far_leg: Leg = Leg()

    def arm(self, side: str) -> Arm:
        return self.near_arm if side == "near" else self.far_arm

    def leg(self, side: str) -> Leg:
        return self.near_leg if side == "near" else self.far_leg


@dataclass(frozen=True, slots=True)
class Joints:
    """Where every joint is (``points``) and which way each segment points (``dirs``, degrees).

    Points: ``seat hip sacrum waist midback chest neck head shoulder`` and, for
    ``near_``/``far_``: ``shoulder hip elbow wrist fingers knee ankle heel ball toe`` (the
    near shoulder and hip are the body's; the far ones sit ``far_lift`` higher). Directions:
    ``pelvis low_spine lumbar thoracic upper neck`` (the body's direction at the pelvis, the
    base of the spine, the waist, the chest, the shoulders; the head's) and ``near_``/``far_``
    ``hand foot``.
    ``breath`` (0..1) is how full the lungs are (the torso's outline widens with it).
    """

    points: dict[str, Point]
    dirs: dict[str, float]
    breath: float = 0.0

    def __getitem__(self, name: str) -> Point:
        return self.points[name]

    def moved(self, points: dict[str, Point], dirs: dict[str, float] | None = None) -> Joints:
        return replace(self, points={**self.points, **points}, dirs={**self.dirs, **(dirs or {})})

    def translated(self, dx: float, dy: float) -> Joints:
        return replace(self, points={k: (x + dx, y + dy) for k, (x, y) in self.points.items()})


def two_bone(root: Point, target: Point, a: float, b: float, bend: float) -> tuple[Point, Point]:
    """The middle and end joints of a two-segment limb (lengths ``a``, ``b``) from ``root``
    reaching for ``target``; ``bend`` > 0 puts the middle joint counter-clockwise of the
    root-target line. Out of reach, the limb points straight at the target (or folds)."""
    d = distance(root, target)
    lo, hi = abs(a - b) + 1e-6, a + b - 1e-6
    d = min(max(d, lo), hi)
    base = angle_of(sub(target, root)) if distance(root, target) > 1e-9 else 0.0
    cos_a = (a * a + d * d - b * b) / (2 * a * d)
    turn = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    middle = add(root, polar(base + (turn if bend >= 0 else -turn), a))
    return middle, add(root, polar(base, d))


def surface_point(j: Joints, where: str, skeleton: Skeleton = SKELETON) -> tuple[Point, float]:
    """A point on the front of the torso (``belly`` or ``chest``) and the direction of the
    body there (toward the head), with the breath's widening included."""
    if where == "belly":
        station, seg, extra = "waist", "lumbar", skeleton.belly_breath
    elif where == "chest":  # the lower chest, over the ribs
        station, seg, extra = "midback", "thoracic", skeleton.ribs_breath
    else:
        raise ValueError(f"not a body surface: {where!r}")
    along = j.dirs[seg]
    front = skeleton.offsets(station)[1] + extra * j.breath
    return add(j[station], polar(along + 90.0, front)), along


def forward(pose: Pose, skeleton: Skeleton = SKELETON, breath: float = 0.0) -> Joints:
    """Every joint of ``pose`` (the left side nearest), the hands placed on the body if asked."""
    s = skeleton
    hip = pose.hip
    c = pose.torso
    pelvis_dir = c - pose.pelvis  # posterior tilt turns the pelvis toward the back
    # the spine in four pieces sharing the bend evenly, so a rounded back is a smooth curve;
    # flexion turns the low pieces toward the back and the high ones toward the front
    k = pose.spine
    turns = (c - 3 * k / 8, c - k / 8, c + k / 8, c + 3 * k / 8)
    sacrum = add(hip, polar(pelvis_dir, s.pelvis))
    waist = add(sacrum, polar(turns[0], s.lumbar / 2.0))
    midback = add(waist, polar(turns[1], s.lumbar / 2.0))
    chest = add(midback, polar(turns[2], s.thoracic * 0.45))
    neck = add(chest, polar(turns[3], s.thoracic * 0.55))
    upper = turns[3]
    neck_dir = upper + pose.neck
    pts: dict[str, Point] = {
        "seat": add(hip, polar(pelvis_dir, -5.0)),
        "hip": hip,
        "sacrum": sacrum,
        "waist": waist,
        "midback": midback,
        "chest": chest,
        "neck": neck,
        "head": add(neck, polar(neck_dir, s.neck + s.head_r * 0.9)),
    }
    shoulder = add(neck, polar(upper, -s.shoulder_drop))
    pts["shoulder"] = shoulder
    dirs = {
        "pelvis": pelvis_dir,
        "low_spine": turns[0],
        "lumbar": c - k / 4,
        "thoracic": c + k / 4,
        "upper": upper,
        "neck": neck_dir,
    }
    down = upper + 180.0  # the arms hang from the top of the spine
    lift = (0.0, s.far_lift)
    pts["near_shoulder"], pts["far_shoulder"] = shoulder, add(shoulder, lift)
    pts["near_hip"], pts["far_hip"] = hip, add(hip, lift)
    for side in ("near", "far"):
        arm = pose.arm(side)
        upper = down - arm.shoulder  # flexion swings the arm toward the front
        fore = upper - arm.elbow
        hand = fore - arm.wrist
        elbow = add(pts[f"{side}_shoulder"], polar(upper, s.upper_arm * arm.shown))
        wrist = add(elbow, polar(fore, s.forearm))
        pts[f"{side}_elbow"], pts[f"{side}_wrist"] = elbow, wrist
        pts[f"{side}_fingers"] = add(wrist, polar(hand, s.hand))
        dirs[f"{side}_hand"] = hand
        leg = pose.leg(side)
        thigh = pelvis_dir + 180.0 - leg.hip
        shin = thigh + leg.knee  # flexion folds the shin toward the back
        foot = shin - 90.0 + leg.ankle
        knee = add(pts[f"{side}_hip"], polar(thigh, s.thigh * leg.shown))
        ankle = add(knee, polar(shin, s.shin * leg.shin_shown))
        pts[f"{side}_knee"], pts[f"{side}_ankle"] = knee, ankle
        dirs[f"{side}_foot"] = foot
        pts.update(_foot_points(side, ankle, foot, s))
    joints = Joints(pts, dirs, breath=min(1.0, max(0.0, breath)))
    for side in ("near", "far"):
        arm = pose.arm(side)
        if arm.on:
            joints = rest_hand(joints, side, arm.on, s, arm.shown)
    return joints


def _foot_points(side: str, ankle: Point, foot: float, s: Skeleton) -> dict[str, Point]:
    """Heel, ball and toe tip (on the sole) of a foot pointing along ``foot`` (degrees)."""
    base = add(ankle, polar(foot + 90.0, s.ankle_height))  # straight down to the sole
    return {
        f"{side}_heel": add(base, polar(foot, -s.heel_back * 0.55)),
        f"{side}_ball": add(base, polar(foot, s.toe_length * 0.7)),
        f"{side}_toe": add(base, polar(foot, s.toe_length)),
    }


def rest_hand(
    j: Joints, side: str, where: str, skeleton: Skeleton = SKELETON, shown: float = 1.0
) -> Joints:
    """The ``side`` hand laid flat on the body at ``where``, the arm reaching it. The hand
    lies across the body, so from the side it is drawn at :data:`REST_HAND` of its length."""
    s = skeleton
    spot, along = surface_point(j, where, s)
    hand_dir = along + 180.0  # fingers toward the feet, palm on the body
    length = s.hand * REST_HAND
    wrist = add(spot, polar(along + 90.0, s.hand_r[0]))
    wrist = add(wrist, polar(hand_dir, -length * 0.5))
    shoulder = j[f"{side}_shoulder"]
    back = polar(j.dirs["upper"] - 90.0)  # the elbow rests toward the back (on the floor)
    options = [two_bone(shoulder, wrist, s.upper_arm * shown, s.forearm, b) for b in (1.0, -1.0)]
    elbow, wrist = max(options, key=lambda o: o[0][0] * back[0] + o[0][1] * back[1])
    return j.moved(
        {
            f"{side}_elbow": elbow,
            f"{side}_wrist": wrist,
            f"{side}_fingers": add(wrist, polar(hand_dir, length)),
        },
        {f"{side}_hand": hand_dir},
    )
