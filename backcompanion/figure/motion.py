"""The figure in motion: poses in between key poses, the other side, and where in the movement
the figure is at a given moment of a session or of the carousel.

Everything here is a pure function of its arguments (no clock, no Qt), called once per frame.

Between two key poses the joint angles turn the short way, eased; the body parts that bear
weight in both poses (the hands and knees of child's pose, the feet of the bridge) then stay
where they are: the body is shifted so they stay put on average, and a leg or arm whose hand
or foot is planted is bent to reach exactly its spot. So the figure never slides on the floor.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from functools import lru_cache

from backcompanion.figure.geometry import (
    Point,
    add,
    angle_of,
    distance,
    ease,
    lerp,
    lerp_angle,
    lerp_point,
    polar,
    sub,
    wrap,
)
from backcompanion.figure.model import CONTACTS, Figure, KeyPose
from backcompanion.figure.skeleton import (
    SKELETON,
    Arm,
    Joints,
    Leg,
    Pose,
    Skeleton,
    forward,
    rest_hand,
    two_bone,
)

__all__ = [
    "CAROUSEL_S",
    "EASE_IN_S",
    "EASE_OUT_S",
    "VIA_S",
    "Moment",
    "arrow_path",
    "blend",
    "carousel_moment",
    "carousel_wait",
    "figure_joints",
    "joint_travel",
    "joints_between",
    "mirror_joints",
    "mirror_point",
    "moving_span",
    "reduced_moment",
    "session_moment",
    "side_name",
]

EASE_IN_S = 2.0  # into the stretch: while the screen says "breathe out into the stretch"
EASE_OUT_S = 2.0  # back to the start on release
VIA_S = 2.6  # back through the release pose (angry cat: the back sags on the way)
CAROUSEL_S = 9.0  # one slow loop on a carousel card


@dataclass(frozen=True, slots=True)
class Moment:
    """Where the figure is: between key pose ``start`` and key pose ``end`` at eased fraction
    ``t`` (0 = at ``start``), with the lungs ``breath`` full (0..1)."""

    start: str = "start"
    end: str = "start"
    t: float = 0.0
    breath: float = 0.0

    def rounded(self, steps: int = 240) -> Moment:
        """The same moment on a grid of ``steps`` (a cache key that repeats)."""
        return replace(self, t=round(self.t * steps) / steps, breath=round(self.breath * 64) / 64)


# ---------------------------------------------------------------- poses in between


def _blend_arm(a: Arm, b: Arm, t: float) -> Arm:
    return Arm(
        lerp_angle(a.shoulder, b.shoulder, t),
        lerp_angle(a.elbow, b.elbow, t),
        lerp_angle(a.wrist, b.wrist, t),
        lerp(a.shown, b.shown, t),
        a.on if t < 0.5 else b.on,
    )


def _blend_leg(a: Leg, b: Leg, t: float) -> Leg:
    return Leg(
        lerp_angle(a.hip, b.hip, t),
        lerp_angle(a.knee, b.knee, t),
        lerp_angle(a.ankle, b.ankle, t),
        lerp(a.shown, b.shown, t),
        lerp(a.shin_shown, b.shin_shown, t),
    )


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose ``t`` of the way from ``a`` to ``b`` (not eased: pass an eased ``t``)."""
    return Pose(
        hip=lerp_point(a.hip, b.hip, t),
        torso=lerp_angle(a.torso, b.torso, t),
        spine=lerp_angle(a.spine, b.spine, t),
        pelvis=lerp_angle(a.pelvis, b.pelvis, t),
        neck=lerp_angle(a.neck, b.neck, t),
        near_arm=_blend_arm(a.near_arm, b.near_arm, t),
        far_arm=_blend_arm(a.far_arm, b.far_arm, t),
        near_leg=_blend_leg(a.near_leg, b.near_leg, t),
        far_leg=_blend_leg(a.far_leg, b.far_leg, t),
    )


def joints_between(
    a: KeyPose,
    b: KeyPose,
    t: float,
    breath: float = 0.0,
    skeleton: Skeleton = SKELETON,
) -> Joints:
    """The joints ``t`` of the way from key pose ``a`` to ``b`` (``t`` already eased), with
    the weight-bearing parts the two poses share held in place."""
    t = min(1.0, max(0.0, t))
    if t <= 0.0 or a == b:
        return forward(a.pose, skeleton, breath)
    if t >= 1.0:
        return forward(b.pose, skeleton, breath)
    between = blend(a.pose, b.pose, t)
    j = forward(between, skeleton, breath)
    ca, cb = a.contact_map(), b.contact_map()
    shared = sorted(c for c, place in ca.items() if cb.get(c) == place)
    if not shared:
        return j
    ja, jb = _key_joints(a.pose, skeleton), _key_joints(b.pose, skeleton)
    dx = dy = 0.0
    for c in shared:
        name = CONTACTS[c]
        target = lerp_point(ja[name], jb[name], t)
        dx += target[0] - j[name][0]
        dy += target[1] - j[name][1]
    j = j.translated(dx / len(shared), dy / len(shared))
    done: set[str] = set()
    for c in shared:
        side, _, part = c.partition("_")
        limb = "leg" if part in ("sole", "toes", "calf") else "arm" if part == "hand" else None
        if limb is None or (side, limb) in done:
            continue
        done.add((side, limb))
        j = _plant(j, ja, jb, t, side, limb, skeleton, between)
    for side in ("near", "far"):  # a hand resting on the body follows it
        arm = (a.pose if t < 0.5 else b.pose).arm(side)
        if arm.on:
            j = rest_hand(j, side, arm.on, skeleton, arm.shown)
    return j


@lru_cache(maxsize=64)
def _key_joints(pose: Pose, skeleton: Skeleton) -> Joints:
    """A key pose's joints: the same on every frame between two key poses (kept, not changed)."""
    return forward(pose, skeleton)


def _plant(
    j: Joints, ja: Joints, jb: Joints, t: float, side: str, limb: str, s: Skeleton, pose: Pose
) -> Joints:
    """Bend the ``side`` leg (or arm) so its ankle (wrist) is exactly where it is planted."""
    if limb == "leg":
        root, mid, end, dir_key = f"{side}_hip", f"{side}_knee", f"{side}_ankle", f"{side}_foot"
        a_len, b_len = s.thigh * pose.leg(side).shown, s.shin * pose.leg(side).shin_shown
    else:
        root, mid, end, dir_key = (
            f"{side}_shoulder",
            f"{side}_elbow",
            f"{side}_wrist",
            f"{side}_hand",
        )
        a_len, b_len = s.upper_arm * pose.arm(side).shown, s.forearm
    target = lerp_point(ja[end], jb[end], t)
    # bend the way the joint flexes (the elbow folds the forearm to the front, the knee the
    # shin to the back), never backward, however straight the limb was in between
    bend = 1.0 if limb == "arm" else -1.0
    middle, reached = two_bone(j[root], target, a_len, b_len, bend)
    direction = lerp_angle(ja.dirs[dir_key], jb.dirs[dir_key], t)
    moved: dict[str, Point] = {mid: middle, end: reached}
    if limb == "leg":
        base = add(reached, polar(direction + 90.0, s.ankle_height))
        moved[f"{side}_heel"] = add(base, polar(direction, -s.heel_back * 0.55))
        moved[f"{side}_ball"] = add(base, polar(direction, s.toe_length * 0.7))
        moved[f"{side}_toe"] = add(base, polar(direction, s.toe_length))
    else:
        moved[f"{side}_fingers"] = add(reached, polar(direction, s.hand))
    return j.moved(moved, {dir_key: direction})


def figure_joints(figure: Figure, moment: Moment, skeleton: Skeleton = SKELETON) -> Joints:
    """The joints of ``figure`` at ``moment`` (unknown pose names read as ``start``)."""
    a = figure.key(moment.start if figure.has(moment.start) else "start")
    b = figure.key(moment.end if figure.has(moment.end) else "start")
    return joints_between(a, b, moment.t, moment.breath, skeleton)


# outline points lie up to this far from the joint line they are built round (the torso's
# back and belly, the head): a turn of the segment moves them this radius times the angle
# (cm; the skeleton's largest offsets, rounded up: the app's own estimate)
TURN_RADIUS = 13.0


def joint_travel(a: Joints, b: Joints, skeleton: Skeleton = SKELETON) -> float:
    """How far (cm) the outline of the body moves at most between joints ``a`` and ``b``, about:
    the farthest any joint moves, plus what a turn of a segment adds at the edge of its outline,
    plus what the breath adds to the belly. Cheap (no shapes), for deciding whether a frame
    needs a new picture."""
    pa, pb = a.points, b.points
    far = 0.0
    for name, (x, y) in pb.items():
        qx, qy = pa[name]
        d = (x - qx) * (x - qx) + (y - qy) * (y - qy)
        if d > far:
            far = d
    da = a.dirs
    turn = max((abs(wrap(d - da[name])) for name, d in b.dirs.items()), default=0.0)
    breath = abs(a.breath - b.breath) * max(skeleton.belly_breath, skeleton.ribs_breath)
    return math.sqrt(far) + math.radians(turn) * TURN_RADIUS + breath


# ---------------------------------------------------------------- the other side


def mirror_point(p: Point) -> Point:
    return (-p[0], p[1])


def mirror_joints(j: Joints) -> Joints:
    """The figure seen from its other side: left and right swap places (x -> -x)."""
    return replace(
        j,
        points={k: (-x, y) for k, (x, y) in j.points.items()},
        dirs={k: 180.0 - d for k, d in j.dirs.items()},
    )


def side_name(side: str, mirrored: bool) -> str:
    """Which of the body's sides ``near`` or ``far`` is: the left is near unless mirrored."""
    if side not in ("near", "far"):
        raise ValueError(f"not a side: {side!r}")
    return "left" if (side == "near") != mirrored else "right"


# ---------------------------------------------------------------- when


def _span(step: str, duration_s: float, via: bool) -> float:
    """Seconds into ``step`` over which the figure moves (0 for a step that holds still)."""
    if step == "hold":
        return max(0.05, min(EASE_IN_S, 0.6 * duration_s)) if duration_s > 0 else EASE_IN_S
    if step == "release":
        wanted = VIA_S if via else EASE_OUT_S
        return max(0.05, min(wanted, 0.9 * duration_s)) if duration_s > 0 else wanted
    return 0.0


def moving_span(step: str | None, duration_s: float) -> float:
    """The longest time into a session step that any figure moves (a hold eases in, a release
    eases back, through a ``via`` pose or not); 0 for a step where figures hold still. A frame
    driver runs only this long into the step."""
    if step not in ("hold", "release"):
        return 0.0
    return max(_span(step, duration_s, False), _span(step, duration_s, True))


def session_moment(
    step: str | None,
    elapsed_s: float,
    duration_s: float,
    *,
    via: str | None = None,
    breath: float = 0.0,
) -> Moment:
    """Where the figure is ``elapsed_s`` into a session step lasting ``duration_s``.

    ``get_ready``: the start pose. ``hold``: eases into the stretch over the first
    :data:`EASE_IN_S` (less in a very short hold), then stays there. ``release``: eases
    back to the start (through the ``via`` pose, if the figure has one: angry cat lets
    its back sag). ``breathing``: the start pose, the lungs ``breath`` full. Anything
    else (no step) shows the start pose.
    """
    elapsed = max(0.0, elapsed_s)
    if step == "hold":
        return Moment("start", "stretch", ease(elapsed / _span(step, duration_s, False)))
    if step == "release":
        p = elapsed / _span(step, duration_s, bool(via))
        if via:
            if p < 0.5:
                return Moment("stretch", via, ease(2.0 * p))
            return Moment(via, "start", ease(2.0 * p - 1.0))
        return Moment("stretch", "start", ease(p))
    if step == "breathing":
        return Moment("start", "start", 0.0, min(1.0, max(0.0, breath)))
    return Moment()


def carousel_moment(
    time_s: float, *, moves: bool = True, via: str | None = None, period_s: float = CAROUSEL_S
) -> Moment:
    """A slow loop for a carousel card: rest, ease into the stretch, hold, ease back, rest.

    A figure that only breathes (``moves`` False) breathes slowly instead."""
    phase = math.fmod(max(0.0, time_s), period_s) / period_s
    if not moves:
        return Moment("start", "start", 0.0, (1.0 - math.cos(2.0 * math.pi * phase)) / 2.0)
    if phase < 0.12:
        return Moment("start", "start", 0.0)
    if phase < 0.37:
        return Moment("start", "stretch", ease((phase - 0.12) / 0.25))
    if phase < 0.6:
        return Moment("stretch", "stretch", 1.0)
    if phase < 0.88:
        p = (phase - 0.6) / 0.28
        if via:
            if p < 0.5:
                return Moment("stretch", via, ease(2.0 * p))
            return Moment(via, "start", ease(2.0 * p - 1.0))
        return Moment("stretch", "start", ease(p))
    return Moment("start", "start", 0.0)


# the parts of the carousel loop (shares of its period) where the figure holds still; the
# rest at the end of a loop runs on into the rest at the start of the next
_CAROUSEL_STILL = ((0.0, 0.12), (0.37, 0.6), (0.88, 1.12))


def carousel_wait(time_s: float, *, moves: bool = True, period_s: float = CAROUSEL_S) -> float:
    """Seconds from ``time_s`` until the carousel figure next moves: 0 while it moves (and
    always for a figure that only breathes), else the rest of the still part it is in. A
    frame driver sleeps this long instead of painting the same picture again."""
    if not moves:
        return 0.0
    phase = math.fmod(max(0.0, time_s), period_s) / period_s
    for lo, hi in _CAROUSEL_STILL:
        if lo <= phase < hi:
            return (hi - phase) * period_s
    return 0.0


def reduced_moment(figure: Figure) -> Moment:
    """Reduced motion: the pose that sums the exercise up, still (half a breath in)."""
    end = figure.end
    return Moment(end, end, 1.0 if figure.moves else 0.0, 0.0 if figure.moves else 0.5)


ARROW_MIN = 22.0  # cm: the length of the arrow for a short movement
ARROW_GAP = 13.0  # cm between the moving part (or its path) and the arrow
TURN_MIN = 70.0  # degrees: a small turn of the pelvis gets a longer arc


def arrow_path(figure: Figure, skeleton: Skeleton = SKELETON, samples: int = 9) -> list[Point]:
    """Where reduced motion draws its arrow: along the path the figure's ``arrow`` joint
    follows from start to stretch, set off from the body; for a short move, a straight arrow
    onward from where the joint ends up (clear of the body); for ``arrow: pelvis``, an arc
    round the hips showing which way the pelvis turns. Empty when the figure does not move."""
    if not figure.moves or not figure.arrow:
        return []
    a, b = figure.key("start"), figure.key("stretch")
    ja, jb = forward(a.pose, skeleton), forward(b.pose, skeleton)
    if figure.arrow == "pelvis":
        return _turn_arc(ja, jb, samples)
    name = figure.arrow
    pts = [joints_between(a, b, i / (samples - 1), 0.0, skeleton)[name] for i in range(samples)]
    length = sum(distance(p, q) for p, q in itertools.pairwise(pts))
    if length < 1e-6:
        return []
    if length < 1.5 * ARROW_MIN:  # a short move: a straight arrow onward from where it ends
        way = angle_of(sub(pts[-1], pts[0]))
        begin = add(pts[-1], polar(way, ARROW_GAP))
        return [add(begin, polar(way, ARROW_MIN * i / (samples - 1))) for i in range(samples)]
    centre = lerp_point(jb["hip"], jb["neck"], 0.5)  # the middle of the trunk
    away = angle_of(sub(lerp_point(pts[0], pts[-1], 0.5), centre))
    shift = polar(away, ARROW_GAP)
    return [add(p, shift) for p in pts]


def _turn_arc(ja: Joints, jb: Joints, samples: int) -> list[Point]:
    """An arc round the hip joint on the belly side, turning the way the pelvis turns."""
    start = ja.dirs["pelvis"] + 90.0
    sweep = wrap(jb.dirs["pelvis"] - ja.dirs["pelvis"])
    if abs(sweep) < TURN_MIN:
        grow = (math.copysign(TURN_MIN, sweep) - sweep) / 2.0
        start, sweep = start - grow, sweep + 2.0 * grow
    radius = 21.0
    centre = jb["hip"]
    return [add(centre, polar(start + sweep * i / (samples - 1), radius)) for i in range(samples)]
