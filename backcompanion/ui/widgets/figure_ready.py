"""The figure that comes next in a session, got ready before the page switches to it.

At a page switch the new exercise's figure used to be worked out on the spot: which of its
shapes never move (:func:`~backcompanion.figure.scene.still_mask`, a score of poses), its
view box and its first pose's paths; about 10 ms in which the new number on the page waited
(issue 20). :func:`upcoming` says from a snapshot which figure comes next (the other side of
this exercise, or the next exercise); :func:`prepare` does that work ahead, some time after a
snapshot, when its number is on screen and the next number most of a second away; the view
adopts the result when the switch comes (:class:`Ready`). The pixmaps of the still parts are
left for the switch (a millisecond or two): made ahead, they changed how the app's text was
anti-aliased on later paints (seen in the dark full-screen screenshots), for a saving too
small to keep.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from backcompanion.figure import Figure, Joints, Moment, builtin_figures, figure_joints
from backcompanion.figure.poses import DataError
from backcompanion.figure.scene import Box, scene, still_mask, view_box
from backcompanion.session.snapshot import Snapshot
from backcompanion.ui.widgets.figure_paint import Paths, scene_paths, world_rect

__all__ = ["PREPARE_AFTER_MS", "Ready", "prepare", "upcoming"]

# after a snapshot: its new number is painted by then, the next one is most of a second away
PREPARE_AFTER_MS = 250


@dataclass(frozen=True)
class Ready:
    """One figure worked out ahead: its first pose as the view's cache keeps it."""

    figure: Figure
    mirrored: bool
    reduced: bool
    key: tuple  # the view's cache key: (rounded moment or None, reduced)
    entry: tuple[Paths, QRectF, Joints | None]  # the cache entry for that key
    shapes: tuple  # the shapes the paths were built from
    box: Box

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


def prepare(figure: Figure, mirrored: bool, reduced: bool) -> Ready:
    """Work out ``figure`` at the start pose (reduced: its still picture with the arrow)."""
    moment = None if reduced else Moment()
    joints = None if reduced else figure_joints(figure, moment)
    sc = scene(figure, moment, mirrored=mirrored, reduced=reduced, joints=joints)
    still = None if reduced else still_mask(figure)
    view_box(figure)
    paths = scene_paths(sc)
    entry = (paths, world_rect(paths, still), joints)
    return Ready(figure, mirrored, reduced, (moment, reduced), entry, sc.shapes, sc.box)
