"""Plane geometry for the figure: points as tuples, angles in degrees, y pointing up.

World units are centimetres of a person about 1.75 m tall; the floor is ``y = 0``.
An angle is measured counter-clockwise from "to the right" (+x).
"""

from __future__ import annotations

import math

Point = tuple[float, float]

__all__ = [
    "Point",
    "add",
    "angle_between",
    "angle_of",
    "distance",
    "ease",
    "lerp",
    "lerp_angle",
    "lerp_point",
    "polar",
    "rotate",
    "scale",
    "sub",
    "wrap",
]


def polar(angle_deg: float, length: float = 1.0) -> Point:
    """The vector of ``length`` pointing at ``angle_deg``."""
    a = math.radians(angle_deg)
    return (length * math.cos(a), length * math.sin(a))


def add(p: Point, q: Point) -> Point:
    return (p[0] + q[0], p[1] + q[1])


def sub(p: Point, q: Point) -> Point:
    return (p[0] - q[0], p[1] - q[1])


def scale(p: Point, k: float) -> Point:
    return (p[0] * k, p[1] * k)


def distance(p: Point, q: Point) -> float:
    return math.hypot(p[0] - q[0], p[1] - q[1])


def angle_of(v: Point) -> float:
    """The direction of vector ``v`` in degrees, -180 < a <= 180."""
    return math.degrees(math.atan2(v[1], v[0]))


def rotate(v: Point, angle_deg: float) -> Point:
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c)


def wrap(angle_deg: float) -> float:
    """The same direction as ``angle_deg``, in -180 < a <= 180."""
    a = math.fmod(angle_deg + 180.0, 360.0)
    if a <= 0.0:
        a += 360.0
    return a - 180.0


def angle_between(a: Point, b: Point, c: Point) -> float:
    """The angle at ``b`` between the rays to ``a`` and to ``c`` (0 to 180 degrees)."""
    return abs(wrap(angle_of(sub(a, b)) - angle_of(sub(c, b))))


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def lerp_point(p: Point, q: Point, t: float) -> Point:
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def lerp_angle(a: float, b: float, t: float) -> float:
    """From ``a`` toward ``b`` the short way round (never more than 180 degrees of turn)."""
    return a + wrap(b - a) * t


def ease(t: float) -> float:
    """Cosine ease-in-out on 0..1 (clamped): starts and ends at rest, never jerks."""
    t = min(1.0, max(0.0, t))
    return (1.0 - math.cos(math.pi * t)) / 2.0
