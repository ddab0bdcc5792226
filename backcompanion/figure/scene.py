"""Everything a painter needs for one frame: the shapes, mirrored if asked, and a steady view box.

The view box of a figure is the same for all its frames (the union of its key poses, its
props and its arrow), so the figure never jumps or zooms while it moves.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from backcompanion.figure.model import Figure
from backcompanion.figure.motion import Moment, arrow_path, figure_joints, reduced_moment
from backcompanion.figure.shapes import Shape, arrow_shapes, bounds, figure_shapes
from backcompanion.figure.skeleton import SKELETON, Skeleton

__all__ = ["MARGIN", "Scene", "scene", "view_box"]

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
) -> Scene:
    """The shapes of ``figure`` at ``moment`` (reduced motion: the end pose and an arrow)."""
    if reduced or moment is None:
        moment = reduced_moment(figure) if reduced else Moment()
    box = view_box(figure, skeleton)
    j = figure_joints(figure, moment, skeleton)
    shapes = figure_shapes(figure, j, skeleton, floor=(box[0], box[2]))
    if reduced:
        shapes += arrow_shapes(arrow_path(figure, skeleton))
    if mirrored:
        shapes = [_mirrored(s) for s in shapes]
        box = (-box[2], box[1], -box[0], box[3])
    return Scene(tuple(shapes), box)


def _mirrored(s: Shape) -> Shape:
    return replace(s, points=tuple((-x, y) for x, y in s.points))
