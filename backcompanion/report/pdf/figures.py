"""The exercise figures in the weekly PDF: each exercise in the pose that sums it up, as vectors.

The shapes are the app's own (the Qt-free :mod:`backcompanion.figure`, which the app's
``ui/widgets/figure_paint.py`` paints on screen); here they become paths in the page's
coordinates, filled in print colours that stay apart in grey: the body near-black, the
limbs on the far side lighter, the part at work in the report's blue, on white paper.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from backcompanion.figure import Figure, builtin_figures, reduced_moment
from backcompanion.figure.poses import DataError
from backcompanion.figure.scene import scene
from backcompanion.figure.shapes import Shape, grown, smooth_closed
from backcompanion.report.pdf.style import INK, OPENING

__all__ = ["PRINT_COLORS", "figure_for", "figure_op"]

log = logging.getLogger(__name__)

PAPER = QColor("#ffffff")


def _mix(a: QColor, b: QColor, k: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * k,
        a.greenF() + (b.greenF() - a.greenF()) * k,
        a.blueF() + (b.blueF() - a.blueF()) * k,
    )


_PROP = QColor("#8a94a1")
PRINT_COLORS = {
    "body": INK,
    "far": _mix(INK, PAPER, 0.45),
    "accent": OPENING,
    "far_accent": _mix(OPENING, PAPER, 0.45),
    "pelvis": _mix(INK, PAPER, 0.28),
    "pelvis_accent": _mix(OPENING, INK, 0.22),
    "prop": _mix(_PROP, PAPER, 0.55),
    "prop_light": _mix(_PROP, PAPER, 0.8),
    "prop_line": _mix(_PROP, PAPER, 0.25),
    "belt": _mix(_PROP, PAPER, 0.15),
    "arrow": OPENING,
    "halo": PAPER,
}


def figure_for(exercise_id: str) -> Figure | None:
    """The exercise's first figure (the 90/90 breathing has two); None when it has none."""
    try:
        figures = builtin_figures().for_exercise(exercise_id)
    except (DataError, OSError) as exc:  # a broken install: the report goes on without them
        log.warning("the exercise figures are not available: %s", exc)
        return None
    return figures[0] if figures else None


def _path(shape: Shape, to: QTransform) -> QPainterPath:
    pts = shape.points
    path = QPainterPath(QPointF(*pts[0]))
    if shape.kind == "smooth":
        for (ax, ay), (bx, by), (cx, cy) in smooth_closed(pts):
            path.cubicTo(ax, ay, bx, by, cx, cy)
        path.closeSubpath()
    else:
        for x, y in pts[1:]:
            path.lineTo(x, y)
        if shape.kind == "polygon":
            path.closeSubpath()
    return to.map(path)


def figure_op(figure: Figure, rect: QRectF):
    """A drawing operation for the PDF: ``figure`` in its end pose, as large as fits in
    ``rect`` (page units), centred. Each limb gets a thin white outline, as on screen."""
    sc = scene(figure, reduced_moment(figure))
    x0, y0, x1, y1 = sc.box
    k = min(rect.width() / max(1e-6, x1 - x0), rect.height() / max(1e-6, y1 - y0))
    centre = rect.center()
    to = QTransform(
        k, 0.0, 0.0, -k, centre.x() - (x0 + x1) / 2.0 * k, centre.y() + (y0 + y1) / 2.0 * k
    )
    steps: list[tuple[str, QPainterPath, float]] = []  # (colour, path, line width or 0)
    shapes = sc.shapes
    i = 0
    while i < len(shapes):
        shape = shapes[i]
        if shape.kind == "line":
            steps.append((shape.tone, _path(shape, to), shape.width * k))
            i += 1
            continue
        end = i + 1
        while shape.group and end < len(shapes) and shapes[end].group == shape.group:
            end += 1
        group = shapes[i:end]
        for s in group:  # the halos of the group, then its shapes
            if s.group and not s.group.startswith("far_") and s.kind == "smooth":
                steps.append(("halo", _path(replace(s, points=tuple(grown(s.points))), to), 0))
        steps += [(s.tone, _path(s, to), 0.0) for s in group]
        i = end

    def op(p: QPainter) -> None:
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for tone, path, width in steps:
            colour = PRINT_COLORS[tone]
            if width:
                pen = QPen(colour, width)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                p.setPen(pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
            p.drawPath(path)
        p.restore()

    return op
