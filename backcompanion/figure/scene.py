"""Everything a painter needs for one frame: the shapes, mirrored if asked, and a steady view box.

The view box of a figure is the same for all its frames (the union of its key poses, its
props and its arrow), so the figure never jumps or zooms while it moves. A figure's shapes
come in the same order at every moment, and :func:`still_mask` says which of them never move
(the props, and the limbs an exercise does not use): a painter keeps those as a picture and
draws only the rest again on each frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from backcompanion.figure.model import Figure
from backcompanion.figure.motion import Moment, arrow_path, figure_joints, reduced_moment
from backcompanion.figure.shapes import Shape, arrow_shapes, bounds, figure_shapes
from backcompanion.figure.skeleton import SKELETON, Joints, Skeleton

__all__ = ["MARGIN", "Scene", "sample_moments", "scene", "still_mask", "view_box"]

MARGIN = 0.05  # share of the view box's larger side left empty around the drawing
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (cm, y up)


@dataclass(frozen=True, slots=True)
class Scene:
    shapes: tuple[Shape, ...]
    box: Box  # what to fit into the painter's rectangle


@lru_cache(maxsize=64)
def view_box(figure: Figure, skeleton: Skeleton = SKELETON) -> Box:
    """The box around every pose of ``figure`` (breath full), its props and its arrow."""
    shapes: list[Shape] = []
    for key in figure.poses:
        j = figure_joints(figure, Moment(key.name, key.name, 0.0, 1.0), skeleton)
        shapes += figure_shapes(figure, j, skeleton)
    shapes += arrow_shapes(arrow_path(figure, skeleton))
    x0, y0, x1, y1 = bounds(shapes)
    y0 = min(y0, -2.0)
    pad = MARGIN * max(x1 - x0, y1 - y0)
    return (x0 - pad, y0 - pad * 0.5, x1 + pad, y1 + pad)


def scene(
    figure: Figure,
    moment: Moment | None = None,
    *,
    mirrored: bool = False,
    reduced: bool = False,
    skeleton: Skeleton = SKELETON,
    joints: Joints | None = None,
    framed: bool = False,
) -> Scene:
    """The shapes of ``figure`` at ``moment`` (reduced motion: the end pose and an arrow).
    ``joints``: :func:`~backcompanion.figure.motion.figure_joints` at that moment, when the
    caller has them already. ``framed``: the rigid outlines as frames, without points
    (:func:`~backcompanion.figure.shapes.figure_shapes`)."""
    if reduced or moment is None:
        moment = reduced_moment(figure) if reduced else Moment()
        joints = None
    box = view_box(figure, skeleton)
    j = joints if joints is not None else figure_joints(figure, moment, skeleton)
    shapes = figure_shapes(figure, j, skeleton, floor=(box[0], box[2]), framed=framed)
    if reduced:
        shapes += arrow_shapes(arrow_path(figure, skeleton))
    if mirrored:
        shapes = [_mirrored(s) for s in shapes]
        box = (-box[2], box[1], -box[0], box[3])
    return Scene(tuple(shapes), box)


def _mirrored(s: Shape) -> Shape:
    # made directly, not with dataclasses.replace: called for every shape of every frame
    if s.frame is not None:
        return Shape(s.part, s.tone, (), s.kind, s.group, s.width, s.frame.flipped())
    return Shape(s.part, s.tone, tuple((-x, y) for x, y in s.points), s.kind, s.group, s.width)


def sample_moments(figure: Figure) -> tuple[Moment, ...]:
    """Moments spread over every way ``figure`` moves: each step between its key poses (the
    session's and the carousel's, through its ``via`` pose too) at a few points, or for a
    figure that only breathes, its breath from empty to full."""
    if not figure.moves:
        return tuple(Moment("start", "start", 0.0, b) for b in (0.0, 0.25, 0.5, 0.75, 1.0))
    legs = [("start", "stretch"), ("stretch", "start")]
    if figure.via:
        legs += [("stretch", figure.via), (figure.via, "start")]
    return tuple(Moment(a, b, t) for a, b in legs for t in (0.0, 0.2, 0.45, 0.7, 1.0))


@lru_cache(maxsize=64)
def still_mask(figure: Figure, skeleton: Skeleton = SKELETON) -> tuple[bool, ...]:
    """For each shape of :func:`scene` (in order), whether it is the same at every moment of
    :func:`sample_moments`. Limb groups go together: a group is still only when every shape
    in it is (its outline in the background colour is painted for the whole group)."""
    frames = [scene(figure, m, skeleton=skeleton).shapes for m in sample_moments(figure)]
    first = frames[0]
    if any(len(f) != len(first) for f in frames):
        return tuple(False for _ in first)
    still = [all(_same(f[i], s) for f in frames[1:]) for i, s in enumerate(first)]
    moving_groups = {s.group for s, ok in zip(first, still, strict=True) if s.group and not ok}
    return tuple(ok and s.group not in moving_groups for s, ok in zip(first, still, strict=True))


def _same(a: Shape, b: Shape, tol: float = 1e-6) -> bool:
    if (a.part, a.kind, a.width, a.tone, a.group) != (b.part, b.kind, b.width, b.tone, b.group):
        return False
    if len(a.points) != len(b.points):
        return False
    return all(
        abs(p[0] - q[0]) <= tol and abs(p[1] - q[1]) <= tol
        for p, q in zip(a.points, b.points, strict=True)
    )
