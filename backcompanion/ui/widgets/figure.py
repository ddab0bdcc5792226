"""The exercise figure painted with QPainter: a body with volume, posed from data.

:func:`paint_figure` paints one figure into any QPainter and rectangle (the widget, a pixmap,
the PDF as vectors); :class:`FigureView` is the widget. Both take the moment of the movement
from their owner (:mod:`backcompanion.figure.motion` says which moment a session step or the
carousel is at); the widget owns no timer and repaints only when told a new moment.

All arithmetic is in the Qt-free :mod:`backcompanion.figure` (tested without painting). Here
the shapes become QPainterPaths in world units (centimetres, y up), cached per moment, and
one transform fits them into the rectangle. ``paintEvent`` only fills cached paths with
opaque colours: the far limbs are the figure colour pre-blended with the background, never a
translucent fill (Qt blends those on its thread pool, every frame).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from backcompanion.figure import Figure, Moment, builtin_figures, reduced_moment
from backcompanion.figure.scene import Box, Scene, scene
from backcompanion.figure.shapes import HALO, Shape, grown, smooth_closed
from backcompanion.i18n import translate
from backcompanion.ui.theme import Theme, Themed, current_theme

__all__ = [
    "FAR_MIX",
    "HALO",
    "FigureView",
    "figure_colors",
    "fit_transform",
    "mix",
    "paint_figure",
    "paint_scene",
    "scene_paths",
]

FAR_MIX = 0.45  # the far limbs: this share of the background mixed into the figure colour
CACHE_FRAMES = 96  # moments whose paths the widget keeps
FIGURE_CONTEXT = "figure"  # the translation context of the pose descriptions


def mix(a: str | QColor, b: str | QColor, share_b: float) -> QColor:
    """``a`` with ``share_b`` of ``b`` blended in (an opaque colour)."""
    ca, cb = QColor(a), QColor(b)
    k = min(1.0, max(0.0, share_b))
    return QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * k,
        ca.greenF() + (cb.greenF() - ca.greenF()) * k,
        ca.blueF() + (cb.blueF() - ca.blueF()) * k,
    )


def figure_colors(theme: Theme, background: str | None = None) -> dict[str, QColor]:
    """The colour of each shape tone, for ``theme`` on ``background`` (default: the window)."""
    bg = QColor(background or theme.window)
    ink, accent = theme.ink, theme.illustration_accent
    return {
        "body": QColor(ink),
        "far": mix(ink, bg, FAR_MIX),
        "accent": QColor(accent),
        "far_accent": mix(accent, bg, FAR_MIX),
        "pelvis": mix(ink, bg, 0.28),
        "pelvis_accent": mix(accent, ink, 0.22),
        "prop": mix(theme.muted, bg, 0.55),
        "prop_light": mix(theme.muted, bg, 0.8),
        "prop_line": mix(theme.muted, bg, 0.25),
        "belt": mix(theme.muted, bg, 0.15),
        "arrow": QColor(theme.accent),
        "halo": bg,
    }


def _path(shape: Shape) -> QPainterPath:
    path = QPainterPath()
    pts = shape.points
    path.moveTo(QPointF(*pts[0]))
    if shape.kind == "smooth":
        for c1, c2, end in smooth_closed(pts):
            path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
        path.closeSubpath()
    else:
        for p in pts[1:]:
            path.lineTo(QPointF(*p))
        if shape.kind == "polygon":
            path.closeSubpath()
    return path


def scene_paths(sc: Scene) -> list[tuple[QPainterPath, QPainterPath | None, Shape]]:
    """Each shape of ``sc`` as a QPainterPath in world units, in paint order, with the path of
    its halo (the outline grown by :data:`HALO`) for the shapes of the body and the near limbs
    (the far limbs are behind everything: nothing to set them apart from)."""
    out = []
    for s in sc.shapes:
        halo = None
        if s.group and not s.group.startswith("far_") and s.kind == "smooth":
            halo = _path(replace(s, points=tuple(grown(s.points))))
        out.append((_path(s), halo, s))
    return out


def fit_transform(box: Box, rect: QRectF) -> QTransform:
    """World (cm, y up) to ``rect``: the whole box, as large as fits, centred, never stretched."""
    x0, y0, x1, y1 = box
    w, h = max(1e-6, x1 - x0), max(1e-6, y1 - y0)
    k = min(rect.width() / w, rect.height() / h)
    cx, cy = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    centre = rect.center()
    return QTransform(k, 0.0, 0.0, -k, centre.x() - cx * k, centre.y() + cy * k)


def paint_scene(
    painter: QPainter,
    rect: QRectF,
    paths: list[tuple[QPainterPath, QPainterPath | None, Shape]],
    box: Box,
    colors: dict[str, QColor],
) -> None:
    """Fill (and for lines, stroke) ``paths`` into ``rect``; the painter's state is restored.

    A limb group is painted as all its halos in the background colour, then all its shapes:
    the halo shows only round the group's outside, never across its own joints."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(fit_transform(box, rect), True)
    painter.setPen(Qt.PenStyle.NoPen)
    i, n = 0, len(paths)
    while i < n:
        path, _, shape = paths[i]
        if shape.kind == "line":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_line_pen(colors[shape.tone], shape.width))
            painter.drawPath(path)
            painter.setPen(Qt.PenStyle.NoPen)
            i += 1
            continue
        end = i + 1
        while shape.group and end < n and paths[end][2].group == shape.group:
            end += 1
        painter.setBrush(colors["halo"])
        for _, halo, _ in paths[i:end]:
            if halo is not None:
                painter.drawPath(halo)
        for gp, _, gs in paths[i:end]:
            painter.setBrush(colors[gs.tone])
            painter.drawPath(gp)
        i = end
    painter.restore()


def _line_pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def paint_figure(
    painter: QPainter,
    rect: QRectF,
    figure: Figure,
    moment: Moment | None = None,
    *,
    theme: Theme | None = None,
    mirrored: bool = False,
    reduced: bool = False,
    background: str | None = None,
) -> None:
    """Paint ``figure`` at ``moment`` into ``rect`` of any painter (a widget, an image, a PDF:
    all vectors). ``reduced``: the end pose, still, with a small arrow for the movement.
    Without a moment: the end pose (the picture that sums the exercise up)."""
    if moment is None and not reduced:
        moment = reduced_moment(figure)  # the still picture, without the arrow
    sc = scene(figure, moment, mirrored=mirrored, reduced=reduced)
    colors = figure_colors(theme or current_theme(), background)
    paint_scene(painter, rect, scene_paths(sc), sc.box, colors)


class FigureView(Themed, QWidget):
    """Shows one exercise figure at the moment its owner last set; no timer, no clock.

    ``set_moment`` (or ``set_fraction``) recomputes the paths only for a moment not seen
    recently and asks for a repaint; ``paintEvent`` fills the cached paths. Reduced motion
    shows the end pose, still, with an arrow for the movement, whatever moment is set.
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
        self._moment = Moment()
        self._cache: OrderedDict[tuple, tuple[list, Box]] = OrderedDict()
        self._paths: list[tuple[QPainterPath, QPainterPath | None, Shape]] = []
        self._box: Box = (0.0, 0.0, 1.0, 1.0)
        self._colors: dict[str, QColor] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 120)
        self.set_figure(figure, mirrored)

    # ---- API ----

    def figure(self) -> Figure | None:
        return self._figure

    def moment(self) -> Moment:
        return self._moment

    def is_mirrored(self) -> bool:
        return self._mirrored

    def reduced_motion(self) -> bool:
        return self._reduced

    def set_figure(self, figure: Figure | str | None, mirrored: bool = False) -> None:
        """Show ``figure`` (or the shipped figure with that id); ``mirrored``: the right side."""
        if isinstance(figure, str):
            figure = builtin_figures().get(figure)
        if figure == self._figure and mirrored == self._mirrored:
            return
        self._figure, self._mirrored = figure, mirrored
        self._cache.clear()
        if figure is None:
            self.setAccessibleName("")
            self.setAccessibleDescription("")
        else:
            self.setAccessibleName(translate("program", figure.exercise_name))
            self.setAccessibleDescription(translate(FIGURE_CONTEXT, figure.description))
        self._refresh()

    def set_moment(self, moment: Moment) -> None:
        if moment != self._moment:
            self._moment = moment
            if not self._reduced:
                self._refresh()

    def set_fraction(self, fraction: float, breath: float = 0.0) -> None:
        """Between the start (0) and the stretch (1), eased by the caller."""
        self.set_moment(Moment("start", "stretch", fraction, breath))

    def set_reduced_motion(self, reduced: bool) -> None:
        if reduced != self._reduced:
            self._reduced = reduced
            self._refresh()

    def set_background(self, role: str) -> None:
        """The theme colour the figure sits on (``window`` or ``card``): the far limbs and the
        outlines are blended with it."""
        if role != self._background:
            self._background = role
            self._colors = {}
            self.update()

    # ---- Themed ----

    def _on_theme_change(self) -> None:
        self._colors = {}
        self.update()

    # ---- QWidget ----

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * 3 / 4)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._theme is None:
            self._on_theme_change()  # apply_theme() set a new palette: follow the app theme

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._paths:
            return
        if not self._colors:
            theme = self.painted_theme()
            self._colors = figure_colors(theme, getattr(theme, self._background, theme.window))
        painter = QPainter(self)
        paint_scene(painter, QRectF(self.rect()), self._paths, self._box, self._colors)

    # ---- internals ----

    def _refresh(self) -> None:
        if self._figure is None:
            self._paths = []
            self.update()
            return
        moment = None if self._reduced else self._moment.rounded()
        key = (moment, self._reduced)
        hit = self._cache.get(key)
        if hit is None:
            sc = scene(self._figure, moment, mirrored=self._mirrored, reduced=self._reduced)
            hit = (scene_paths(sc), sc.box)
            self._cache[key] = hit
            while len(self._cache) > CACHE_FRAMES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        self._paths, self._box = hit
        self.update()
