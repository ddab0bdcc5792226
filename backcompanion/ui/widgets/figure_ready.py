"""The figure that comes next in a session, got ready before the page switches to it.

At a page switch the new exercise's figure used to be worked out on the spot: which of its
shapes never move (:func:`~backcompanion.figure.scene.still_mask`, a score of poses), its
view box, its first pose's paths and the pixmaps of its still parts; about 16 ms in which the
new number on the page waited (issue 20). :func:`upcoming` says from a snapshot which figure
comes next (the other side of this exercise, or the next exercise); :func:`prepare` does that
work ahead, some time after a snapshot, when its number is on screen and the next number most
of a second away; the view adopts the result when the switch comes (:class:`Ready`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from backcompanion.figure import Figure, Joints, Moment, builtin_figures, figure_joints
from backcompanion.figure.poses import DataError
from backcompanion.figure.scene import Box, scene, still_mask, view_box
from backcompanion.session.snapshot import Snapshot
from backcompanion.ui.widgets.figure_paint import Paths, StillPicture, scene_paths, world_rect

__all__ = ["PREPARE_AFTER_MS", "Ready", "prepare", "upcoming"]

# after a snapshot: its new number is painted by then, the next one is most of a second away
PREPARE_AFTER_MS = 250


@dataclass(frozen=True)
class Ready:
    """One figure worked out ahead for a view of one size, resolution and colours."""

    figure: Figure
    mirrored: bool
    reduced: bool
    key: tuple  # the view's cache key: (rounded moment or None, reduced)
    entry: tuple[Paths, QRectF, Joints | None]  # the cache entry for that key
    shapes: tuple  # the shapes the paths were built from
    box: Box
    still: StillPicture | None  # None when the view had no colours yet
    dpr: float
    colors: dict[str, QColor]

    def fits(self, figure: Figure | None, mirrored: bool, reduced: bool) -> bool:
        return (self.figure, self.mirrored, self.reduced) == (figure, mirrored, reduced)


def _figure_of(exercise) -> Figure | None:
    if exercise is None:
        return None
    try:
        figures = builtin_figures().for_exercise(exercise.id)
    except (DataError, OSError):
        return None
    return figures[0] if figures else None


def upcoming(snap: Snapshot) -> tuple[Figure, bool] | None:
    """The figure a session shows after ``snap``'s exercise, and whether mirrored: the same
    exercise's second side, else the next exercise's first; None when there is none."""
    ex = snap.exercise
    if ex is not None and len(ex.sides) > 1 and snap.side_index == 0:
        figure = _figure_of(ex)
        return (figure, True) if figure is not None else None
    figure = _figure_of(snap.next_exercise)
    return (figure, False) if figure is not None else None


def prepare(
    figure: Figure,
    mirrored: bool,
    reduced: bool,
    rect: QRectF,
    dpr: float,
    colors: dict[str, QColor],
) -> Ready:
    """Work out ``figure`` at the start pose (reduced: its still picture) for a view of
    ``rect`` at ``dpr`` painted in ``colors`` (empty: the still parts are left for the view)."""
    moment = None if reduced else Moment()
    joints = None if reduced else figure_joints(figure, moment)
    sc = scene(figure, moment, mirrored=mirrored, reduced=reduced, joints=joints)
    still = None if reduced else still_mask(figure)
    view_box(figure)
    paths = scene_paths(sc)
    entry = (paths, world_rect(paths, still), joints)
    picture = None
    if colors and rect.width() > 0 and rect.height() > 0:
        mask = tuple(True for _ in paths) if reduced else still
        if len(mask) != len(paths):
            mask = tuple(False for _ in paths)
        picture = StillPicture(paths, mask, sc.box, rect, colors, dpr)
    key = (moment, reduced)
    return Ready(
        figure, mirrored, reduced, key, entry, sc.shapes, sc.box, picture, dpr, dict(colors)
    )
