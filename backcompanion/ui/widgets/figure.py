"""The exercise figure as a widget: a body with volume, posed from data, at the moment its
owner says.

:class:`FigureView` takes the moment of the movement from its owner
(:mod:`backcompanion.figure.motion` says which moment a session step or the carousel is at);
it owns no timer and repaints only when told a new moment that has moved far enough to be
seen (:data:`STEP_SHARE`), and then only where the moving limbs were and are. The parts
that never move are kept as pixmaps at the device's resolution
(:class:`~backcompanion.ui.widgets.figure_paint.StillPicture`); the paths of the moving
ones are cached per moment. Following a session, it asks for one deferred call a quarter
second after a snapshot to work out the figure that comes next
(:mod:`~backcompanion.ui.widgets.figure_ready`). :func:`paint_figure` paints a figure into
any painter (an image, the PDF as vectors); :func:`figures_for` finds an exercise's figures.

A screen reader hears the exercise's name and one sentence saying what the figure shows
(``resources/figure/poses.yaml``'s ``description``, translated in the context "figure").
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from PySide6.QtCore import QEvent, QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from backcompanion.figure import (
    Figure,
    Joints,
    Moment,
    builtin_figures,
    figure_joints,
    reduced_moment,
    session_moment,
)
from backcompanion.figure.motion import joint_travel
from backcompanion.figure.poses import DataError
from backcompanion.figure.scene import Box, scene, still_mask, view_box
from backcompanion.i18n import translate
from backcompanion.session.snapshot import Snapshot
from backcompanion.session.states import EXERCISING
from backcompanion.ui.theme import Theme, Themed
from backcompanion.ui.widgets.figure_paint import (
    FAR_MIX,
    HALO,
    Outlines,
    Paths,
    Rigid,
    StillPicture,
    figure_colors,
    figure_image,
    fit_transform,
    mix,
    paint_figure,
    paint_scene,
    scene_paths,
    world_rect,
)
from backcompanion.ui.widgets.figure_ready import PREPARE_AFTER_MS, Ready, prepare, upcoming

__all__ = [
    "ASPECT",
    "FAR_MIX",
    "FIGURE_CONTEXT",
    "HALO",
    "FigureView",
    "figure_colors",
    "figure_image",
    "figures_for",
    "fit_transform",
    "fitted_size",
    "mix",
    "paint_figure",
    "paint_scene",
    "scene_paths",
]

log = logging.getLogger(__name__)

ASPECT = 4 / 3  # width / height a figure is laid out at (the drawing fits inside, centred)
CACHE_FRAMES = 64  # moments whose paths the widget keeps (about 40 kB each)
FIGURE_CONTEXT = "figure"  # the translation context of the pose descriptions
# When a frame gets a new picture (the app's own choice, see ARCHITECTURE §5): at once when
# the figure has moved at least STEP_SHARE of the drawing's width since the last picture (a
# fast movement is drawn at every frame its owner offers: 60 a second in a session); a slower
# one every other frame offered, once it has moved at least MIN_STEP_PX device pixels (30 a
# second, steps under STEP_SHARE); a movement reaching its end always.
STEP_SHARE = 1 / 400  # 2.5 px of a 981 px wide drawing, 4.9 px of one 1962 px wide
MIN_STEP_PX = 1.0


def fitted_size(width: int, height: int) -> QSize:
    """The largest :data:`ASPECT` (4:3) size inside ``width`` x ``height`` (logical pixels)."""
    width, height = max(0, width), max(0, height)
    if width <= 0 or height <= 0:
        return QSize(0, 0)
    if width / height > ASPECT:
        return QSize(max(1, round(height * ASPECT)), height)
    return QSize(width, max(1, round(width / ASPECT)))


def figures_for(exercise_id: str | None) -> tuple[Figure, ...]:
    """The shipped figures of an exercise (the 90/90 breathing has two); none for an exercise
    the poses file does not draw (a person's own program) or when it cannot be read."""
    if not exercise_id:
        return ()
    try:
        return builtin_figures().for_exercise(exercise_id)
    except (DataError, OSError) as exc:  # a broken install: the app goes on without pictures
        log.warning("the exercise figures are not available: %s", exc)
        return ()


class FigureView(Themed, QWidget):
    """Shows one exercise figure at the moment its owner last set; no timer, no clock.

    ``set_moment`` recomputes the paths only for a moment not seen recently that has moved
    far enough to be worth a picture, and repaints only where the moving limbs were and are;
    ``paintEvent`` blits the still parts and fills the moving ones. Reduced motion shows the
    end pose, still, with an arrow for the movement, whatever moment is set.
    """

    def __init__(
        self,
        figure: Figure | str | None = None,
        *,
        mirrored: bool = False,
        reduced_motion: bool = False,
        theme: Theme | None = None,
        background: str = "window",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._figure: Figure | None = None
        self._mirrored = mirrored
        self._reduced = reduced_motion
        self._theme = theme
        self._background = background
        self._name: str | None = None
        self._moment = Moment()
        self._shown: Moment | None = None  # the (rounded) moment the paths are for
        self._shown_joints: Joints | None = None  # its joints (unmirrored, world units)
        self._waited = 0  # frames offered since the last new picture
        self._px_per_cm = 0.0  # device pixels per world unit at the widget's size (0: unknown)
        self._scale_for: tuple[int, int, float] | None = None  # the size it is for
        # per (rounded) moment: its paths and where its moving shapes lie (world units)
        self._cache: OrderedDict[tuple, tuple[Paths, QRectF, Joints | None]] = OrderedDict()
        self._paths: Paths = []
        self._built: tuple[tuple | None, Paths] = (None, [])  # the last shapes made paths
        self._rigid: Rigid = {}  # limbs' paths built exactly, to turn and move (scene_paths)
        self._outlines: Outlines = {}  # rigid outlines' paths, placed by frames (scene_paths)
        self._moving = QRectF()  # where the shown moment's moving shapes lie
        self._box: Box = (0.0, 0.0, 1.0, 1.0)
        self._colors: dict[str, QColor] = {}
        self._still: StillPicture | None = None
        self._step: str | None = None  # the session step followed (follow_session)
        self._duration = 0.0
        self._upcoming: tuple[Figure, bool] | None = None  # what a session shows next
        self._ready: Ready | None = None  # ... worked out ahead (figure_ready.py)
        self._preparing = False  # a call to _prepare_upcoming is on its way
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 120)
        self.set_figure(figure, mirrored)

    # ---- API ----

    def figure(self) -> Figure | None:
        return self._figure

    def drawing_aspect(self) -> float:
        """Width / height of the drawing (its props and every pose), for a box that hugs it."""
        if self._figure is None:
            return ASPECT
        x0, y0, x1, y1 = view_box(self._figure)
        return (x1 - x0) / max(1e-6, y1 - y0)

    def figure_id(self) -> str | None:
        return self._figure.id if self._figure is not None else None

    def moment(self) -> Moment:
        return self._moment

    def is_mirrored(self) -> bool:
        return self._mirrored

    def reduced_motion(self) -> bool:
        return self._reduced

    def set_figure(
        self, figure: Figure | str | None, mirrored: bool = False, name: str | None = None
    ) -> None:
        """Show ``figure`` (or the shipped figure with that id); ``mirrored``: the other side
        (the right, for a figure drawn from its left). ``name``: what a screen reader calls
        it (the exercise's name as the program gives it; default: the figure's own)."""
        if isinstance(figure, str):
            figure = builtin_figures().get(figure)
        self._set_names(figure, name)
        if figure == self._figure and mirrored == self._mirrored:
            return
        self._figure, self._mirrored = figure, mirrored
        self._forget()
        self._adopt_ready()
        self._refresh()

    def set_moment(self, moment: Moment, exact: bool = False) -> bool:
        """Show ``moment`` of the movement (ignored in reduced motion). True when that asks for
        a new picture; False when the one on screen stays (the same pose, or, for a frame of a
        movement, one that has not moved far enough yet to be worth a picture:
        :data:`STEP_SHARE`). ``exact``: not a frame but a moment to show as it is (a
        snapshot, a still picture)."""
        self._moment = moment
        if self._reduced or self._figure is None:
            return False
        key = moment.rounded()
        if key == self._shown:
            return False
        joints = None
        if self._shown_joints is not None and self._paths:
            joints = figure_joints(self._figure, key)
            if not exact and not self._due(key, joints):
                self._waited += 1
                return False
        self._refresh(joints)
        return True

    def show_still(self) -> None:
        """The end pose, still (the picture that sums the exercise up), without an arrow."""
        self._step = None
        if self._figure is not None:
            self.set_moment(reduced_moment(self._figure), exact=True)

    def show_breath(self, breath: float) -> None:
        """The start pose with the lungs ``breath`` full (0..1): the belly and ribs widen."""
        self._step = None
        self.set_moment(Moment("start", "start", 0.0, min(1.0, max(0.0, breath))))

    def follow_session(self, snap: Snapshot) -> None:
        """Show the exercise of the session snapshot ``snap`` on the side being worked (its
        second side mirrored: the near limb is always the working one) where its movement is
        at the snapshot's phase time. Between snapshots :meth:`show_phase_time` moves it."""
        ex = snap.exercise
        figures = figures_for(ex.id if ex is not None else None)
        figure = figures[0] if figures else None
        exercising = (snap.paused_from or snap.state) in EXERCISING
        self._step = snap.step.value if exercising and snap.step is not None else None
        self._duration = snap.phase_duration_s
        elapsed = max(0.0, snap.phase_duration_s - snap.remaining_s)
        if figure is not None:  # a new figure is worked out at this moment, once
            self._moment = session_moment(self._step, elapsed, self._duration, via=figure.via)
        self.set_figure(figure, snap.side_index == 1, ex.name if ex is not None else None)
        if figure is not None:
            self.set_moment(self._moment, exact=True)
        self._upcoming = upcoming(snap)
        ready = self._ready
        if (
            self._upcoming is not None
            and not self._preparing
            and (ready is None or not ready.fits(*self._upcoming, self._reduced))
        ):
            self._preparing = True
            QTimer.singleShot(PREPARE_AFTER_MS, self, self._prepare_upcoming)

    def show_phase_time(self, elapsed_s: float) -> None:
        """Seconds into the session step last followed (a frame of the bridge's)."""
        if self._figure is not None:
            via = self._figure.via
            self.set_moment(session_moment(self._step, elapsed_s, self._duration, via=via))

    def set_fraction(self, fraction: float, breath: float = 0.0) -> None:
        """Between the start (0) and the stretch (1), eased by the caller."""
        self.set_moment(Moment("start", "stretch", fraction, breath))

    def set_reduced_motion(self, reduced: bool) -> None:
        if reduced != self._reduced:
            self._reduced = reduced
            self._forget()
            self._refresh()

    def set_background(self, role: str) -> None:
        """The theme colour the figure sits on (``window`` or ``card``): the far limbs and the
        outlines are blended with it."""
        if role != self._background:
            self._background = role
            self._on_theme_change()

    # ---- Themed ----

    def _on_theme_change(self) -> None:
        self._colors = {}
        self._still = None
        self.update()

    # ---- QWidget ----

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width / ASPECT)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._theme is None:
            self._on_theme_change()  # apply_theme() set a new palette: follow the app theme

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._still = None
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._still = None

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._paths or self.width() <= 0 or self.height() <= 0:
            return
        if not self._colors:
            theme = self.painted_theme()
            self._colors = figure_colors(theme, getattr(theme, self._background, theme.window))
        still = self._still_picture()
        painter = QPainter(self)
        still.paint(painter, self._paths, self._colors, event.rect())

    # ---- internals ----

    def _set_names(self, figure: Figure | None, name: str | None) -> None:
        if figure is None:
            self.setAccessibleName("")
            self.setAccessibleDescription("")
            return
        self.setAccessibleName(name or translate("program", figure.exercise_name))
        self.setAccessibleDescription(translate(FIGURE_CONTEXT, figure.description))

    def _prepare_upcoming(self) -> None:
        """Work out the figure a session shows next (:mod:`figure_ready`), off the switch."""
        self._preparing = False
        if self._upcoming is None or not self.isVisible():
            return
        figure, mirrored = self._upcoming
        if figure == self._figure and mirrored == self._mirrored:
            return
        self._ready = prepare(figure, mirrored, self._reduced)

    def _adopt_ready(self) -> None:
        """The figure just set was worked out ahead: take its first paths."""
        ready, self._ready = self._ready, None
        if ready is None or not ready.fits(self._figure, self._mirrored, self._reduced):
            return
        moment = None if self._reduced else self._moment.rounded()
        if ready.key != (moment, self._reduced):
            return  # it was got ready at another pose: nothing saved
        self._cache[ready.key] = ready.entry
        self._built = (ready.shapes, ready.entry[0])
        self._box = ready.box

    def _forget(self) -> None:
        """Another figure, side or mode: nothing computed before is any use."""
        self._cache.clear()
        self._paths, self._moving = [], QRectF()
        self._built = (None, [])
        self._rigid = {}
        self._outlines = {}
        self._still = None
        self._shown, self._shown_joints = None, None
        self._px_per_cm = 0.0

    def _due(self, key: Moment, joints: Joints) -> bool:
        """Whether the figure at ``key`` (with ``joints``) is worth a new picture now (the rule
        at :data:`STEP_SHARE`)."""
        moved = joint_travel(self._shown_joints, joints) * self._scale()
        if moved <= 0.0:
            return False
        if key.t in (0.0, 1.0) and key.breath in (0.0, 1.0):
            return True  # a key pose: the movement has arrived; the still picture is exact
        box = self._box
        if moved >= max(MIN_STEP_PX, (box[2] - box[0]) * self._scale() * STEP_SHARE):
            return True
        return moved >= MIN_STEP_PX and self._waited >= 1

    def _scale(self) -> float:
        """Device pixels per world unit (cm) at the widget's size."""
        size = (self.width(), self.height(), self.devicePixelRatioF())
        if self._scale_for != size:
            self._scale_for, self._px_per_cm = size, 0.0
        if self._px_per_cm <= 0.0 and self._figure is not None:
            to = fit_transform(view_box(self._figure), QRectF(self.rect()))
            self._px_per_cm = abs(to.m11()) * size[2]
        return self._px_per_cm

    def _mask(self) -> tuple[bool, ...]:
        """Which shapes never move (all, in reduced motion: the picture is still)."""
        if self._reduced:
            return tuple(True for _ in self._paths)
        mask = still_mask(self._figure)
        return mask if len(mask) == len(self._paths) else tuple(False for _ in self._paths)

    def _still_picture(self) -> StillPicture:
        if self._still is None:
            rect = QRectF(self.rect())
            self._still = StillPicture(
                self._paths, self._mask(), self._box, rect, self._colors, self.devicePixelRatioF()
            )
        return self._still

    def _refresh(self, joints: Joints | None = None) -> None:
        """Show the moment set (``joints``: its joints, when :meth:`set_moment` has them)."""
        self._waited = 0
        if self._figure is None:
            self._paths = []
            self.update()
            return
        moment = None if self._reduced else self._moment.rounded()
        key = (moment, self._reduced)
        hit = self._cache.get(key)
        if hit is None:
            if moment is not None and joints is None:
                joints = figure_joints(self._figure, moment)
            # a moving frame places each rigid outline (built once) by its frame and may take
            # the trunk's earlier path turned and moved; a key pose (the still picture a
            # movement ends on) is built exactly
            moving = moment is not None and moment.t not in (0.0, 1.0)
            sc = scene(
                self._figure,
                moment,
                mirrored=self._mirrored,
                reduced=self._reduced,
                joints=joints,
                framed=moving,
            )
            self._box = sc.box
            still = None if self._reduced else still_mask(self._figure)
            built_shapes, built = self._built
            rigid, outlines = (self._rigid, self._outlines) if moving else (None, None)
            paths = scene_paths(sc, still, built or None, built_shapes, rigid, outlines)
            self._built = (sc.shapes, paths)
            hit = (paths, world_rect(paths, still), joints)
            self._cache[key] = hit
            while len(self._cache) > CACHE_FRAMES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        before = self._moving
        was_shown = bool(self._paths)
        self._paths, self._moving, self._shown_joints = hit
        self._shown = moment
        if self._still is not None and was_shown and not self._reduced:
            # only where the moving limbs were and are now
            dirty = self._still.to.mapRect(before.united(self._moving))
            self.update(dirty.toAlignedRect().adjusted(-2, -2, 2, 2))
        else:
            self.update()
