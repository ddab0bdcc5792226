"""The exercise figure's shapes painted with QPainter: colours, paths, and a picture of the parts
that never move.

All arithmetic is in the Qt-free :mod:`backcompanion.figure` (tested without painting). Here
the shapes become QPainterPaths in world units (centimetres, y up) and :func:`paint_scene`
fills them into any painter. The paths are mapped into the painter's own coordinates before
they are filled: Qt's raster engine fills a path under a large scaling transform about four
times slower than the same path already scaled. Every fill is an opaque colour: the far limbs
are the figure colour pre-blended with the background, never a translucent fill (Qt blends
those on its thread pool, every frame).

:class:`StillPicture` keeps the shapes that never move
(:func:`~backcompanion.figure.scene.still_mask`) as pixmaps at the device's resolution, one
per run of still shapes in paint order, so a frame of the moving figure blits those and
fills only the moving limbs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap, QTransform

from backcompanion.figure import Figure, Moment, reduced_moment
from backcompanion.figure.geometry import Point
from backcompanion.figure.scene import Box, Scene, scene
from backcompanion.figure.shapes import HALO, Shape, grown, local_outline
from backcompanion.ui.theme import Theme, current_theme

__all__ = [
    "FAR_MIX",
    "HALO",
    "OUTLINES_KEPT",
    "Outlines",
    "Paths",
    "StillPicture",
    "figure_colors",
    "figure_image",
    "fit_transform",
    "mix",
    "paint_figure",
    "paint_scene",
    "paths_rect",
    "rigid_move",
    "scene_paths",
    "world_rect",
]

FAR_MIX = 0.45  # the far limbs: this share of the background mixed into the figure colour
Paths = list[tuple[QPainterPath, QPainterPath | None, Shape]]
# per rigid outline (a Frame's key, side, and whether it has a halo): its path and its
# halo's, in its own frame
Outlines = dict[tuple[tuple, bool, bool], tuple[QPainterPath, QPainterPath | None]]
OUTLINES_KEPT = 256  # rigid outlines a view keeps (a limb that changes length makes new ones)
# per shape (by index): the points a path was built from exactly, the path and its halo
Rigid = dict[int, tuple[tuple[Point, ...], QPainterPath, QPainterPath | None]]
RIGID_TOL = 1e-6  # cm: a shape this close to a turned and shifted earlier one is that one


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
    return _outline(shape.kind, shape.points)


def _outline(kind: str, pts: tuple[Point, ...] | list[Point]) -> QPainterPath:
    # numbers, not QPointF: a path is built every frame, and each QPointF costs a call into Qt;
    # a smooth outline's Catmull-Rom controls (shapes.smooth_closed) are worked out inline
    path = QPainterPath()
    path.moveTo(*pts[0])
    if kind == "smooth":
        cubic = path.cubicTo
        n = len(pts)
        (ax, ay), (bx, by), (cx, cy) = pts[-1], pts[0], pts[1 % n]
        for i in range(n):
            dx, dy = pts[(i + 2) % n]
            cubic(
                bx + (cx - ax) / 6.0,
                by + (cy - ay) / 6.0,
                cx - (dx - bx) / 6.0,
                cy - (dy - by) / 6.0,
                cx,
                cy,
            )
            ax, ay, bx, by, cx, cy = bx, by, cx, cy, dx, dy
        path.closeSubpath()
    else:
        line = path.lineTo
        for x, y in pts[1:]:
            line(x, y)
        if kind == "polygon":
            path.closeSubpath()
    return path


def scene_paths(
    sc: Scene,
    still: tuple[bool, ...] | None = None,
    base: Paths | None = None,
    base_shapes: tuple[Shape, ...] | None = None,
    rigid: Rigid | None = None,
    outlines: Outlines | None = None,
) -> Paths:
    """Each shape of ``sc`` as a QPainterPath in world units, in paint order, with the path of
    its halo (the outline grown by :data:`HALO`) for the shapes of the body and the near limbs
    (the far limbs are behind everything: nothing to set them apart from). The shapes that
    ``still`` marks are taken from ``base`` (another moment's paths) instead of built again,
    and so are those whose points are those of ``base_shapes`` (the shapes ``base`` was built
    from, when known: a limb that did not move between two frames).

    ``rigid`` (a dict the caller keeps for one figure and side): a limb that has only turned
    and moved since its path was built (a forearm, a head: the same outline, elsewhere) gets
    that path turned and moved by Qt (:func:`rigid_move`) instead of being built again in
    Python; the paths built are put in it. The shapes come without their points: the paths
    hold them (a cached moment stays small).

    A shape that comes with a frame (a scene asked for ``framed``) gets its outline's path
    from ``outlines`` (built there once per outline and side; a dict the caller keeps)
    placed by its frame."""
    out = []
    shapes = sc.shapes
    reuse = still is not None and base is not None and len(base) == len(shapes)
    same = reuse and base_shapes is not None and len(base_shapes) == len(shapes)
    for i, s in enumerate(shapes):
        if reuse and (
            still[i]
            or (same and s.points == base_shapes[i].points and s.frame == base_shapes[i].frame)
        ):
            out.append(base[i])
            continue
        # the shape without its points (the path holds them): the earlier frame's, when known
        bare = base[i][2] if same else Shape(s.part, s.tone, (), s.kind, s.group, s.width)
        f = s.frame
        if f is not None:
            if outlines is None:
                outlines = {}
            known = (f.key, f.mirrored, _haloed(s))  # a far limb has no halo, a near one has
            made = outlines.get(known)
            if made is None:
                made = _outline_paths(s, local_outline(f.key, f.mirrored))
                if len(outlines) >= OUTLINES_KEPT:
                    outlines.clear()
                outlines[known] = made
            to = QTransform(f.cos, f.sin, -f.sin, f.cos, f.x, f.y)
            out.append((to.map(made[0]), to.map(made[1]) if made[1] is not None else None, bare))
            continue
        known = rigid.get(i) if rigid is not None else None
        if known is not None:
            to = rigid_move(known[0], s.points)
            if to is not None:
                halo = to.map(known[2]) if known[2] is not None else None
                out.append((to.map(known[1]), halo, bare))
                continue
        path, halo = _outline_paths(s, s.points)
        if rigid is not None:
            rigid[i] = (s.points, path, halo)
        out.append((path, halo, bare))
    return out


def _outline_paths(s: Shape, points: tuple[Point, ...]) -> tuple[QPainterPath, QPainterPath | None]:
    """The path of shape ``s`` through ``points``, and its halo's for the shapes of the body
    and the near limbs (the far limbs are behind everything: nothing to set them apart from)."""
    halo = _outline("smooth", grown(points)) if _haloed(s) else None
    return _outline(s.kind, points), halo


def _haloed(s: Shape) -> bool:
    return bool(s.group) and s.kind == "smooth" and not s.group.startswith("far_")


def rigid_move(before: tuple[Point, ...], after: tuple[Point, ...]) -> QTransform | None:
    """The turn and shift that takes every point of ``before`` to ``after`` (within
    :data:`RIGID_TOL`), or None when there is none (the outline changed its shape)."""
    n = len(before)
    if n < 3 or len(after) != n:
        return None
    (ax, ay), (bx, by) = before[0], before[n // 2]
    (cx, cy), (dx, dy) = after[0], after[n // 2]
    ux, uy, vx, vy = bx - ax, by - ay, dx - cx, dy - cy
    lu, lv = math.hypot(ux, uy), math.hypot(vx, vy)
    if lu < 1e-6 or abs(lu - lv) > RIGID_TOL:
        return None
    cos = (ux * vx + uy * vy) / (lu * lv)
    sin = (ux * vy - uy * vx) / (lu * lv)
    tx, ty = cx - (cos * ax - sin * ay), cy - (sin * ax + cos * ay)
    tol = RIGID_TOL
    for (x, y), (X, Y) in zip(before, after, strict=True):
        ex = cos * x - sin * y + tx - X
        ey = sin * x + cos * y + ty - Y
        if ex > tol or ex < -tol or ey > tol or ey < -tol:
            return None
    return QTransform(cos, sin, -sin, cos, tx, ty)


def world_rect(paths: Paths, still: tuple[bool, ...] | None = None) -> QRectF:
    """Where the paths (not the ``still`` ones) lie, halos and line widths included, in world
    units: what a frame has to repaint."""
    out = QRectF()
    for i, (path, halo, shape) in enumerate(paths):
        if still is not None and still[i]:
            continue
        r = (halo or path).controlPointRect()
        if shape.kind == "line":
            pad = shape.width / 2.0
            r = r.adjusted(-pad, -pad, pad, pad)
        out = out.united(r)
    return out


def fit_transform(box: Box, rect: QRectF) -> QTransform:
    """World (cm, y up) to ``rect``: the whole box, as large as fits, centred, never stretched."""
    x0, y0, x1, y1 = box
    w, h = max(1e-6, x1 - x0), max(1e-6, y1 - y0)
    k = min(rect.width() / w, rect.height() / h)
    cx, cy = (x0 + x1) / 2.0, (y0 + y1) / 2.0
    centre = rect.center()
    return QTransform(k, 0.0, 0.0, -k, centre.x() - cx * k, centre.y() + cy * k)


def paths_rect(paths: Paths, to: QTransform) -> QRectF:
    """Where ``paths`` (halos and line widths included) land under ``to``."""
    out = QRectF()
    k = abs(to.m11())
    for path, halo, shape in paths:
        r = to.mapRect((halo or path).controlPointRect())
        if shape.kind == "line":
            pad = shape.width * k / 2.0 + 1.0
            r = r.adjusted(-pad, -pad, pad, pad)
        out = out.united(r)
    return out.adjusted(-1.0, -1.0, 1.0, 1.0)  # antialiasing reaches a pixel beyond


def paint_scene(
    painter: QPainter,
    rect: QRectF,
    paths: Paths,
    box: Box,
    colors: dict[str, QColor],
) -> None:
    """Fill (and for lines, stroke) ``paths`` into ``rect``; the painter's state is restored.

    A limb group is painted as all its halos in the background colour, then all its shapes:
    the halo shows only round the group's outside, never across its own joints."""
    to = fit_transform(box, rect)
    k = abs(to.m11())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    i, n = 0, len(paths)
    while i < n:
        path, _, shape = paths[i]
        if shape.kind == "line":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_line_pen(colors[shape.tone], shape.width * k))
            painter.drawPath(to.map(path))
            painter.setPen(Qt.PenStyle.NoPen)
            i += 1
            continue
        end = i + 1
        while shape.group and end < n and paths[end][2].group == shape.group:
            end += 1
        painter.setBrush(colors["halo"])
        for _, halo, _ in paths[i:end]:
            if halo is not None:
                painter.drawPath(to.map(halo))
        for gp, _, gs in paths[i:end]:
            painter.setBrush(colors[gs.tone])
            painter.drawPath(to.map(gp))
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
    colors: dict[str, QColor] | None = None,
) -> None:
    """Paint ``figure`` at ``moment`` into ``rect`` of any painter (a widget, an image, a PDF:
    all vectors). ``reduced``: the end pose, still, with a small arrow for the movement.
    Without a moment: the end pose (the picture that sums the exercise up). ``colors``
    (:func:`figure_colors`) replace the theme's, for a page that is always printed light."""
    if moment is None and not reduced:
        moment = reduced_moment(figure)  # the still picture, without the arrow
    sc = scene(figure, moment, mirrored=mirrored, reduced=reduced)
    colors = colors or figure_colors(theme or current_theme(), background)
    paint_scene(painter, rect, scene_paths(sc), sc.box, colors)


def figure_image(
    figure: Figure,
    size: QSize,
    *,
    theme: Theme | None = None,
    background: str | None = None,
    mirrored: bool = False,
    reduced: bool = False,
    dpr: float = 1.0,
) -> QPixmap:
    """``figure``'s still picture (the end pose) as a pixmap of ``size`` logical pixels at
    device pixel ratio ``dpr``, transparent around the drawing (a thumbnail)."""
    w, h = max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr))
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint_figure(
        painter,
        QRectF(0, 0, w, h),
        figure,
        theme=theme,
        background=background,
        mirrored=mirrored,
        reduced=reduced,
    )
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(dpr)
    return pixmap


@dataclass(frozen=True)
class _Layer:
    """A run of shapes in paint order: ``pixmap`` (at ``pos``, logical, covering ``rect``)
    for a still run, or None for a run painted again on every frame."""

    first: int
    last: int  # one past the end
    pixmap: QPixmap | None = None
    pos: QPointF | None = None
    rect: QRect | None = None


class StillPicture:
    """The runs of still shapes of one figure as pixmaps, for one size, resolution, colours and
    side; the moving runs are left for the caller to paint on each frame (:meth:`paint`)."""

    def __init__(
        self,
        paths: Paths,
        mask: tuple[bool, ...],
        box: Box,
        rect: QRectF,
        colors: dict[str, QColor],
        dpr: float,
    ):
        self.box, self.rect = box, rect
        self.to = fit_transform(box, rect)
        self.layers: list[_Layer] = []
        i, n = 0, len(paths)
        while i < n:
            end = i + 1
            while end < n and mask[end] == mask[i]:
                end += 1
            if mask[i]:
                self.layers.append(self._still(paths, i, end, colors, dpr))
            else:
                self.layers.append(_Layer(i, end))
            i = end

    def _still(self, paths: Paths, i: int, end: int, colors, dpr: float) -> _Layer:
        area = paths_rect(paths[i:end], self.to).intersected(self.rect).toAlignedRect()
        if area.isEmpty():
            return _Layer(i, end, QPixmap(), QPointF(), QRect())
        w, h = max(1, round(area.width() * dpr)), max(1, round(area.height() * dpr))
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        # in the pixmap's own pixels: the paths are mapped there before they are filled
        moved = QRectF(self.rect).translated(-area.left(), -area.top())
        scaled = QRectF(
            moved.left() * dpr, moved.top() * dpr, moved.width() * dpr, moved.height() * dpr
        )
        paint_scene(painter, scaled, paths[i:end], self.box, colors)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(dpr)
        return _Layer(i, end, pixmap, QPointF(area.topLeft()), area)

    def paint(self, painter: QPainter, paths: Paths, colors, clip: QRect | None = None) -> None:
        """One frame: the still runs as pixmaps, the moving runs of ``paths`` filled."""
        for layer in self.layers:
            if layer.pixmap is not None:
                if not layer.pixmap.isNull() and (clip is None or clip.intersects(layer.rect)):
                    painter.drawPixmap(layer.pos, layer.pixmap)
            else:
                paint_scene(painter, self.rect, paths[layer.first : layer.last], self.box, colors)
