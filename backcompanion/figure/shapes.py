"""The figure as shapes to paint: outlines with volume, in paint order, with a colour role each.

Qt-free so the arithmetic is tested without painting: a painter only turns each outline into a
smooth closed curve (:func:`smooth_closed`, Catmull-Rom as cubic Béziers) and fills it with the
colour its ``tone`` names. World units are centimetres, y up, the floor at ``y = 0``.

Paint order, back to front: the props behind the body (wall, chair, mat, floor), the far arm
and leg (a lighter tone), the torso with neck and head, the pelvis drawn as shorts so its tilt
shows, the near leg and arm, then the belt and towel. Each limb group gets a thin outline in
the background colour so that it stands apart from whatever lies behind it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from backcompanion.figure.geometry import Point, add, angle_of, distance, lerp_point, polar, sub
from backcompanion.figure.model import GROUPS, Figure, Props
from backcompanion.figure.skeleton import SKELETON, Joints, Skeleton

__all__ = [
    "FLOOR_DEPTH",
    "GROUPS",
    "HALO",
    "Frame",
    "Shape",
    "arrow_shapes",
    "bounds",
    "capsule",
    "contact_gap",
    "figure_shapes",
    "foot_outline",
    "grown",
    "head_outline",
    "local_outline",
    "pelvis_outline",
    "prop_shapes",
    "smooth_closed",
    "torso_outline",
]

FLOOR_DEPTH = 1.6  # the mat's thickness; the ground line lies this far below y = 0 with a mat
HALO = 0.7  # cm of background colour round a limb group, setting it apart from what is behind


class Frame(NamedTuple):  # a tuple: made for every limb of every frame, so cheap to make
    """Where a rigid outline lies: :func:`local_outline` of ``key`` (mirrored, x -> -x, when
    ``mirrored``) turned by the angle whose cosine and sine are ``cos`` and ``sin``, then moved
    to (``x``, ``y``). A limb keeps its outline from frame to frame (a forearm is a forearm);
    only its frame changes, so a painter can build the outline's path once and place it."""

    x: float
    y: float
    cos: float
    sin: float
    key: tuple
    mirrored: bool = False

    def points(self) -> tuple[Point, ...]:
        """The outline's points in world units (the same as the shape built directly, to
        within rounding)."""
        x, y, c, s = self.x, self.y, self.cos, self.sin
        local = local_outline(self.key, self.mirrored)
        return tuple((x + c * u - s * v, y + s * u + c * v) for u, v in local)

    def flipped(self) -> Frame:
        """The frame seen from the other side (x -> -x): the turn goes the other way."""
        return Frame(-self.x, self.y, self.cos, -self.sin, self.key, not self.mirrored)


@dataclass(frozen=True, slots=True)
class Shape:
    """One thing to paint. ``kind``: ``smooth`` (closed curve through ``points``), ``polygon``
    (closed, straight sides) or ``line`` (open, stroked ``width`` cm wide). ``tone`` names its
    colour (``body far accent far_accent pelvis pelvis_accent prop prop_light prop_line
    arrow``);
    shapes with the same ``group`` share one outline in the background colour. ``frame``
    (only from :func:`figure_shapes` asked for ``framed``): the shape is that rigid outline
    placed there, and ``points`` is empty (:meth:`Frame.points` works them out)."""

    part: str
    tone: str
    points: tuple[Point, ...]
    kind: str = "smooth"
    group: str = ""
    width: float = 0.0
    frame: Frame | None = None


# ---------------------------------------------------------------- outlines


def capsule(
    p: Point,
    q: Point,
    r1: float,
    r2: float,
    bulge: tuple[float, float, float] = (0.5, 0.0, 0.0),
) -> list[Point]:
    """A limb from ``p`` (radius ``r1``) to ``q`` (radius ``r2``): a tapered capsule, round at
    both ends. ``bulge`` = (where along, extra on the counter-clockwise side, extra on the
    clockwise side) swells the middle (a calf, a thigh)."""
    # the arithmetic of add(point, polar(angle, r)) written out: built for every frame
    length = distance(p, q)
    if length < abs(r1 - r2) + 1e-6:
        r = max(r1, r2)
        return [add(p, polar(a, r)) for a in range(0, 360, 45)]
    d = angle_of(sub(q, p))
    alpha = math.degrees(math.acos(max(-1.0, min(1.0, (r1 - r2) / length))))
    at, plus, minus = bulge
    mx, my = lerp_point(p, q, at)
    r_mid = r1 + (r2 - r1) * at
    cos, sin, rad = math.cos, math.sin, math.radians
    px, py = p
    qx, qy = q
    a = rad(d - 90.0)
    r = r_mid + minus
    out: list[Point] = [(mx + r * cos(a), my + r * sin(a))]  # clockwise side, toward q
    for i in range(5):  # the far end: a half circle (less when r2 < r1)
        a = rad(d - alpha + i * alpha / 2.0)
        out.append((qx + r2 * cos(a), qy + r2 * sin(a)))
    a = rad(d + 90.0)
    r = r_mid + plus
    out.append((mx + r * cos(a), my + r * sin(a)))  # counter-clockwise side, back to p
    sweep = 360.0 - 2.0 * alpha
    for i in range(5):
        a = rad(d + alpha + i * sweep / 4.0)
        out.append((px + r1 * cos(a), py + r1 * sin(a)))
    return out


@lru_cache(maxsize=512)
def local_outline(key: tuple, mirrored: bool = False) -> tuple[Point, ...]:
    """A rigid outline in its own frame (``key`` from :class:`Frame`): ``("capsule", length,
    r1, r2, bulge)`` from (0, 0) to (length, 0), ``("foot", ankle_height)`` round its ankle
    with the sole along +x, ``("head", radius)`` round its centre facing +y."""
    kind = key[0]
    if kind == "capsule":
        _, length, r1, r2, bulge = key
        pts = capsule((0.0, 0.0), (length, 0.0), r1, r2, bulge)
    elif kind == "foot":
        h = key[1]
        pts = [(u, h - v) for u, v in _foot_local(h)]
    elif kind == "head":
        pts = [(y, x) for x, y in _head_profile(key[1])]
    else:
        raise ValueError(f"not a rigid outline: {kind!r}")
    if mirrored:
        return tuple((-x, y) for x, y in pts)
    return tuple(pts)


def _capsule_frame(
    p: Point, q: Point, r1: float, r2: float, bulge: tuple[float, float, float] = (0.5, 0.0, 0.0)
) -> Frame | None:
    """The frame of :func:`capsule` (``p``, ``q``, ...): at ``p``, turned toward ``q``; None
    when the capsule is a circle (its points do not turn with it)."""
    length = distance(p, q)
    if length < abs(r1 - r2) + 1e-6:
        return None
    return Frame(
        p[0],
        p[1],
        (q[0] - p[0]) / length,
        (q[1] - p[1]) / length,
        ("capsule", length, r1, r2, bulge),
    )


def _limb(
    part: str,
    tone: str,
    group: str,
    framed: bool,
    p: Point,
    q: Point,
    r1: float,
    r2: float,
    bulge: tuple[float, float, float] = (0.5, 0.0, 0.0),
) -> Shape:
    """A capsule shape, as points or (``framed``) as a frame."""
    frame = _capsule_frame(p, q, r1, r2, bulge) if framed else None
    if frame is not None:
        return Shape(part, tone, (), group=group, frame=frame)
    return Shape(part, tone, tuple(capsule(p, q, r1, r2, bulge)), group=group)


def _stations(j: Joints) -> list[tuple[str, float]]:
    """The torso's stations from the seat up, each with the body's direction there."""
    d = j.dirs
    return [
        ("seat", d["pelvis"]),
        ("hip", d["pelvis"]),
        ("sacrum", _mean_angle(d["pelvis"], d["low_spine"])),
        ("waist", d["lumbar"]),
        ("midback", _mean_angle(d["lumbar"], d["thoracic"])),
        ("chest", d["thoracic"]),
        ("neck", d["upper"]),
    ]


def _mean_angle(a: float, b: float) -> float:
    return angle_of(add(polar(a), polar(b)))


def _front_extra(station: str, breath: float, s: Skeleton) -> float:
    if station == "waist":
        return s.belly_breath * breath
    if station == "midback":
        return s.ribs_breath * breath
    if station == "chest":
        return s.ribs_breath * 0.4 * breath
    if station == "sacrum":
        return s.belly_breath * 0.35 * breath
    return 0.0


def torso_outline(j: Joints, s: Skeleton = SKELETON) -> list[Point]:
    """The trunk from the buttocks to the shoulders; the belly and ribs widen with the breath."""
    front, back = [], []
    for name, along in _stations(j):
        b_off, f_off = s.offsets(name)
        f_off += _front_extra(name, j.breath, s)
        front.append(add(j[name], polar(along + 90.0, f_off)))
        back.append(add(j[name], polar(along - 90.0, b_off)))
    top_dir = j.dirs["upper"]
    top = add(j["neck"], polar(top_dir, 3.0))
    bottom = add(j["seat"], polar(j.dirs["pelvis"], -3.5))
    return [*front, top, *reversed(back), bottom]


def pelvis_outline(j: Joints, s: Skeleton = SKELETON) -> list[Point]:
    """The pelvis as a pair of shorts: the torso's outline below a waistband that is square
    to the pelvis, so a tucked or tipped pelvis shows as a turned band."""
    pd = j.dirs["pelvis"]
    band = j["sacrum"]
    b_off, f_off = s.offsets("sacrum")
    f_off += _front_extra("sacrum", j.breath, s)
    pts = []
    for name in ("seat", "hip"):
        pts.append(add(j[name], polar(pd + 90.0, s.offsets(name)[1])))
    pts.append(add(band, polar(pd + 90.0, f_off)))
    pts.append(add(band, polar(pd + 90.0, f_off * 0.3)))
    pts.append(add(band, polar(pd - 90.0, b_off * 0.3)))
    pts.append(add(band, polar(pd - 90.0, b_off)))
    for name in ("hip", "seat"):
        pts.append(add(j[name], polar(pd - 90.0, s.offsets(name)[0])))
    pts.append(add(j["seat"], polar(pd, -3.5)))
    return pts


def head_outline(j: Joints, s: Skeleton = SKELETON) -> list[Point]:
    """The head in profile: an egg a little longer front to back, fuller at the back of the
    skull and narrowing to the chin, so the way it faces still shows without a face."""
    (cx, cy), nd = j["head"], j.dirs["neck"]
    # add(c, add(polar(nd, y), polar(nd + 90.0, x))) written out, the turn worked out once
    a, b = math.radians(nd), math.radians(nd + 90.0)
    ca, sa, cb, sb = math.cos(a), math.sin(a), math.cos(b), math.sin(b)
    return [(cx + (y * ca + x * cb), cy + (y * sa + x * sb)) for x, y in _head_profile(s.head_r)]


@lru_cache(maxsize=8)
def _head_profile(r: float) -> tuple[Point, ...]:
    """The head's outline round its centre, facing +x (toward the face) with the top at +y."""
    out = []
    for k in range(16):
        rel = k * 22.5  # degrees counter-clockwise from the top of the head (90: the face)
        a = math.radians(rel)
        front_back = 1.04 * r * math.sin(a)  # + toward the face
        up_down = r * math.cos(a) * (0.97 if math.cos(a) > 0 else 1.02)
        if math.cos(a) < 0 and math.sin(a) < 0:  # the back of the skull, above the nape
            front_back *= 1.0 - 0.12 * -math.cos(a)
        out.append((front_back, up_down))
    return tuple(out)


@lru_cache(maxsize=8)
def _foot_local(h: float) -> tuple[Point, ...]:
    """The foot's outline: along the sole from the ankle, and up from the sole."""
    return (
        (3.0, h + 1.5),
        (8.5, 4.6),
        (15.0, 2.6),
        (17.0, 1.1),
        (15.5, 0.0),
        (11.0, 0.0),
        (-2.0, 0.0),
        (-5.0, 1.8),
        (-5.0, 5.5),
        (-3.0, h + 2.0),
    )


def foot_outline(j: Joints, side: str, s: Skeleton = SKELETON) -> list[Point]:
    fd = j.dirs[f"{side}_foot"]
    base = add(j[f"{side}_ankle"], polar(fd + 90.0, s.ankle_height))
    along, up = polar(fd), polar(fd - 90.0)
    return [
        (base[0] + u * along[0] + v * up[0], base[1] + u * along[1] + v * up[1])
        for u, v in _foot_local(s.ankle_height)
    ]


def _foot_frame(j: Joints, side: str, s: Skeleton) -> Frame:
    """:func:`foot_outline`'s frame: at the ankle, turned the way the foot points."""
    a = math.radians(j.dirs[f"{side}_foot"])
    x, y = j[f"{side}_ankle"]
    return Frame(x, y, math.cos(a), math.sin(a), ("foot", s.ankle_height))


def _head_frame(j: Joints, s: Skeleton) -> Frame:
    """:func:`head_outline`'s frame: at the head's centre, turned the way the neck points."""
    a = math.radians(j.dirs["neck"])
    x, y = j["head"]
    return Frame(x, y, math.cos(a), math.sin(a), ("head", s.head_r))


# ---------------------------------------------------------------- the whole figure


def _tone(figure: Figure, part: str) -> str:
    far = part.startswith("far_")
    if part in figure.accent:
        return "far_accent" if far else "accent"
    return "far" if far else "body"


def _limb_shapes(
    figure: Figure, j: Joints, side: str, limb: str, s: Skeleton, framed: bool = False
) -> list[Shape]:
    group = f"{side}_{limb}"

    def part(name: str) -> tuple[str, str, str, bool]:
        return f"{side}_{name}", _tone(figure, f"{side}_{name}"), group, framed

    if limb == "arm":
        shoulder, elbow = j[f"{side}_shoulder"], j[f"{side}_elbow"]
        wrist, fingers = j[f"{side}_wrist"], j[f"{side}_fingers"]
        return [
            _limb(*part("upper_arm"), shoulder, elbow, *s.upper_arm_r, (0.4, 0.6, 0.3)),
            _limb(*part("forearm"), elbow, wrist, *s.forearm_r, (0.3, 0.5, 0.5)),
            _limb(*part("hand"), wrist, fingers, *s.hand_r, (0.4, 0.3, 0.3)),
        ]
    hip, knee, ankle = j[f"{side}_hip"], j[f"{side}_knee"], j[f"{side}_ankle"]
    name, tone, _, _ = part("foot")
    if framed:
        foot = Shape(name, tone, (), group=group, frame=_foot_frame(j, side, s))
    else:
        foot = Shape(name, tone, tuple(foot_outline(j, side, s)), group=group)
    return [
        _limb(*part("thigh"), hip, knee, *s.thigh_r, (0.4, 0.6, 0.9)),
        _limb(*part("shin"), knee, ankle, *s.shin_r, (0.3, 1.8, 0.2)),
        foot,
    ]


def figure_shapes(
    figure: Figure,
    j: Joints,
    s: Skeleton = SKELETON,
    floor: tuple[float, float] | None = None,
    framed: bool = False,
) -> list[Shape]:
    """Everything to paint for ``figure`` with joints ``j``, back to front. ``floor`` is the
    x range the ground line spans (the view's width); without it, no ground line. ``framed``:
    the rigid outlines (the limbs, hands, feet, neck, head) come as a :class:`Frame` each
    instead of points (for a painter that builds each outline once and places it)."""
    out = prop_shapes(figure.props, floor)
    for group in figure.layers:
        if group == "body":
            out += _body_shapes(figure, j, s, framed)
            continue
        side, _, limb = group.partition("_")
        out += _limb_shapes(figure, j, side, limb, s, framed)
        if group == "near_leg":  # the pelvis as shorts over the top of the near thigh
            out += _pelvis_shapes(figure, j, s, framed)
    out += _front_props(figure.props, j, s)
    return out


def _body_shapes(figure: Figure, j: Joints, s: Skeleton, framed: bool = False) -> list[Shape]:
    head_neck = sub(j["head"], j["neck"])
    neck_end = add(j["neck"], polar(angle_of(head_neck), s.neck + 2.0))
    body_tone = "accent" if "torso" in figure.accent else "body"
    tone = _tone(figure, "head")
    if framed:
        head = Shape("head", tone, (), group="body", frame=_head_frame(j, s))
    else:
        head = Shape("head", tone, tuple(head_outline(j, s)), group="body")
    return [
        _limb(
            "neck", _tone(figure, "neck"), "body", framed, j["neck"], neck_end, s.neck_r, s.neck_r
        ),
        Shape("torso", body_tone, tuple(torso_outline(j, s)), group="body"),
        head,
    ]


def _pelvis_shapes(figure: Figure, j: Joints, s: Skeleton, framed: bool = False) -> list[Shape]:
    """Shorts: they make the pelvis, and how it tilts, stand out from the trunk."""
    tone = "pelvis_accent" if "pelvis" in figure.accent else "pelvis"
    thigh_top = lerp_point(j["near_hip"], j["near_knee"], 0.3)
    r0, r1 = s.thigh_r
    return [
        Shape("pelvis", tone, tuple(pelvis_outline(j, s))),
        _limb(
            "pelvis_leg",
            tone,
            "",
            framed,
            j["near_hip"],
            thigh_top,
            r0 + 0.5,
            r0 + (r1 - r0) * 0.3 + 0.5,
        ),
    ]


def prop_shapes(props: Props, floor: tuple[float, float] | None) -> list[Shape]:
    """The wall, the chair, the mat and the ground line (the props behind the figure)."""
    out: list[Shape] = []
    ground = -FLOOR_DEPTH if props.mat else 0.0
    if props.wall is not None:
        x, w = props.wall, 10.0 * props.wall_side
        pts = ((x, ground), (x, 100.0), (x + w, 100.0), (x + w, ground))
        out.append(Shape("wall", "prop", pts, "polygon"))
    if props.chair is not None:
        c = props.chair
        far = c.front + c.depth * c.toward
        lo, hi = min(c.front, far), max(c.front, far)
        seat_t = 4.0
        top = c.seat + 2.0 * SKELETON.far_lift  # the seat's top seen slightly from above
        out.append(Shape("chair_seat", "prop", _rect(lo, c.seat - seat_t, hi, top), "polygon"))
        for x in (lo + 1.5, hi - 4.5):
            out.append(
                Shape("chair_leg", "prop", _rect(x, ground, x + 3.0, c.seat - seat_t), "polygon")
            )
        bx = far - 3.0 if c.toward > 0 else far
        out.append(
            Shape("chair_back", "prop", _rect(bx, c.seat, bx + 3.0, c.seat + 42.0), "polygon")
        )
    if props.mat is not None:  # its top seen slightly from above, and its front edge
        lo, hi = props.mat
        top = _rect(lo, 0.0, hi, 2.0 * SKELETON.far_lift)
        out.append(Shape("mat_top", "prop_light", top, "polygon"))
        out.append(Shape("mat", "prop", _rect(lo, -FLOOR_DEPTH, hi, 0.0), "polygon"))
    if floor is not None:
        out.append(
            Shape("floor", "prop_line", ((floor[0], ground), (floor[1], ground)), "line", width=1.0)
        )
    return out


def _rect(x0: float, y0: float, x1: float, y1: float) -> tuple[Point, ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _front_props(props: Props, j: Joints, s: Skeleton) -> list[Shape]:
    out: list[Shape] = []
    if props.belt:  # from the near hand round the sole and back: a long, thin loop
        side = props.belt
        grip = add(j["near_wrist"], polar(j.dirs["near_hand"], s.hand * 0.45))
        fd = j.dirs[f"{side}_foot"]
        sole = polar(fd + 90.0, 0.9)
        heel, ball = add(j[f"{side}_heel"], sole), add(j[f"{side}_ball"], sole)
        loop = (grip, lerp_point(heel, ball, 0.35), lerp_point(heel, ball, 0.75), grip)
        out.append(Shape("belt", "belt", loop, "line", width=1.1))
    if props.towel:
        spot = add(j["waist"], polar(j.dirs["lumbar"] - 90.0, s.offsets("waist")[0] + 3.6))
        ring = tuple(add(spot, polar(a, 3.6)) for a in range(0, 360, 45))
        out.append(Shape("towel", "prop", ring, group="front"))
    return out


def arrow_shapes(path: list[Point], width: float = 2.2) -> list[Shape]:
    """A small arrow along ``path`` (reduced motion: which way the body moves)."""
    if len(path) < 2 or distance(path[0], path[-1]) < 3.0:
        return []
    tip, before = path[-1], path[-2]
    d = angle_of(sub(tip, before))
    head = 4.5 * width / 2.2
    shaft = [*path[:-1], add(tip, polar(d, -head * 0.8))]
    wings = (
        add(tip, polar(d, head * 0.3)),
        add(tip, polar(d + 150.0, head * 1.4)),
        add(tip, polar(d - 150.0, head * 1.4)),
    )
    return [
        Shape("arrow", "arrow", tuple(shaft), "line", width=width),
        Shape("arrow_head", "arrow", wings, "polygon"),
    ]


# ---------------------------------------------------------------- arithmetic for painters/tests


def smooth_closed(points: tuple[Point, ...] | list[Point]) -> list[tuple[Point, Point, Point]]:
    """Cubic Bézier segments (control 1, control 2, end) of a closed Catmull-Rom curve through
    ``points``, starting and ending at ``points[0]``."""
    n = len(points)
    out = []
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6.0, p1[1] + (p2[1] - p0[1]) / 6.0)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6.0, p2[1] - (p3[1] - p1[1]) / 6.0)
        out.append((c1, c2, p2))
    return out


def grown(points: tuple[Point, ...] | list[Point], by: float = HALO) -> list[Point]:
    """The closed outline through ``points`` pushed ``by`` cm outward at every point (a halo
    to fill behind a shape: far cheaper to paint than a wide stroke)."""
    n = len(points)
    area = sum(
        points[i][0] * points[(i + 1) % n][1] - points[(i + 1) % n][0] * points[i][1]
        for i in range(n)
    )
    out_sign = 1.0 if area > 0 else -1.0  # counter-clockwise: outward is to the right
    hypot = math.hypot
    out = []
    ax, ay = points[-1]
    bx, by_ = points[0]
    for i in range(n):
        cx, cy = points[(i + 1) % n]
        nx, ny = 0.0, 0.0
        dx, dy = bx - ax, by_ - ay
        length = hypot(dx, dy)
        if length > 1e-9:
            nx += dy / length * out_sign
            ny += -dx / length * out_sign
        dx, dy = cx - bx, cy - by_
        length = hypot(dx, dy)
        if length > 1e-9:
            nx += dy / length * out_sign
            ny += -dx / length * out_sign
        length = hypot(nx, ny)
        if length < 1e-9:
            out.append((bx, by_))
        else:
            out.append((bx + nx / length * by, by_ + ny / length * by))
        ax, ay, bx, by_ = bx, by_, cx, cy
    return out


def bounds(shapes: Iterable[Shape]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) around every point of ``shapes`` (line widths included)."""
    xs, ys = [], []
    for sh in shapes:
        pad = sh.width / 2.0
        for x, y in sh.points:
            xs += (x - pad, x + pad)
            ys += (y - pad, y + pad)
    return min(xs), min(ys), max(xs), max(ys)


def contact_gap(j: Joints, part: str, place: str, props: Props, s: Skeleton = SKELETON) -> float:
    """How far body part ``part`` is from resting on ``place`` (cm; 0 = touching, negative =
    sunk into it). Used by the tests: weight-bearing parts must touch what they rest on."""

    lift = s.far_lift if part.startswith("far_") else 0.0  # the far part of floor or seat

    def height(p: Point) -> float:
        if place == "floor":
            return p[1] - lift
        if place == "wall":
            assert props.wall is not None
            return (p[0] - props.wall) * -props.wall_side
        assert props.chair is not None
        return p[1] - lift - props.chair.seat

    side, _, limb = part.partition("_")
    if part == "head":
        return (
            height(j["head"]) - s.head_r
            if place == "floor"
            else min(map(height, head_outline(j, s)))
        )
    if part in ("back", "seat"):
        return min(map(height, torso_outline(j, s)))
    if limb == "hand":
        return min(map(height, capsule(j[f"{side}_wrist"], j[f"{side}_fingers"], *s.hand_r)))
    if limb == "forearm":
        return max(
            height(j[f"{side}_elbow"]) - s.forearm_r[0], height(j[f"{side}_wrist"]) - s.forearm_r[1]
        )
    if limb == "knee":
        return height(j[f"{side}_knee"]) - s.shin_r[0]
    if limb == "shin":
        return max(
            height(j[f"{side}_knee"]) - s.shin_r[0], height(j[f"{side}_ankle"]) - s.shin_r[1] - 1.5
        )
    if limb == "calf":
        return min(
            map(height, capsule(j[f"{side}_knee"], j[f"{side}_ankle"], *s.shin_r, (0.3, 1.8, 0.2)))
        )
    if limb == "sole":
        return max(height(j[f"{side}_heel"]), height(j[f"{side}_ball"]))
    if limb == "toes":
        return min(height(j[f"{side}_ball"]), height(j[f"{side}_toe"]))
    raise ValueError(f"not a contact: {part!r}")
