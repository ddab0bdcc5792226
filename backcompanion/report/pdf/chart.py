"""The pain chart of the weekly PDF: before and after each session, day by day.

It reads in grey: the two series differ by marker (filled circle, open square)
and by line (solid, dashed); the baseline is dotted; a flare-up's day is a
shaded column marked in words. The figures under each day repeat the chart.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from backcompanion.i18n import translate
from backcompanion.report.pdf.document import Document
from backcompanion.report.pdf.style import (
    BASELINE,
    CLOSING,
    GRID,
    INK,
    MUTED,
    OPENING,
    SHADE,
    WARN,
)
from backcompanion.report.pdf.words import weekday
from backcompanion.report.summary import WeeklySummary, day_month, rating_text


def pain_chart(doc: Document, s: WeeklySummary) -> None:
    f = doc.fonts
    chart_h = doc.mm(58)
    figures_h = 2 * doc.line_h(f.body) + doc.mm(2)
    doc.heading(
        translate("WeeklyPdf", "Pain before and after each session (0 = none, 10 = worst)"),
        chart_h + figures_h,
    )
    _legend(doc, s)
    top = doc.y
    label_w = doc.mm(24)
    plot = QRectF(label_w, top + doc.mm(2), doc.width - label_w - doc.mm(2), chart_h - doc.mm(14))
    slot = plot.width() / 7

    def x_of(i: int) -> float:
        return plot.left() + slot * (i + 0.5)

    def y_of(v: float) -> float:
        return plot.bottom() - v / 10 * plot.height()

    # a flare-up's day: a shaded column marked at its top (text, so it reads in grey)
    flare_days = {fl.day for fl in s.flare_ups}
    flare_word = translate("WeeklyPdf", "flare-up")
    flare_font = doc.fitted(flare_word, f.small_bold, slot - doc.mm(1))
    for i, d in enumerate(s.days):
        if d in flare_days:
            doc.rect(QRectF(x_of(i) - slot / 2, plot.top(), slot, plot.height()), fill=SHADE)
            doc.text_center(x_of(i), plot.top() + doc.mm(0.8), flare_word, flare_font, WARN)
    # grid and axis
    for v in range(0, 11, 2):
        y = y_of(v)
        doc.hline(plot.left(), plot.right(), y, INK if v == 0 else GRID, 0.35 if v == 0 else 0.2)
        doc.text_right(plot.left() - doc.mm(1.5), y - doc.line_h(f.small) / 2, str(v), f.small)
    for i, d in enumerate(s.days):
        doc.text_center(x_of(i), plot.bottom() + doc.mm(2.2), weekday(d), f.small_bold)
        doc.text_center(
            x_of(i), plot.bottom() + doc.mm(2.2) + doc.line_h(f.small_bold), day_month(d), f.small
        )
    if s.baseline is not None:
        by = y_of(s.baseline)
        pen = QPen(BASELINE, doc.mm(0.45), Qt.PenStyle.DotLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)

        def draw_base(p: QPainter, pen=pen, by=by) -> None:
            p.setPen(pen)
            p.drawLine(QPointF(plot.left(), by), QPointF(plot.right(), by))

        doc.add(draw_base)

    # the two series sit a little apart in each day, so equal ratings never hide a marker
    dodge = doc.mm(1.6)
    opening = [
        (x_of(i) - dodge, y_of(d.opening)) for i, d in enumerate(s.pain) if d.opening is not None
    ]
    closing = [
        (x_of(i) + dodge, y_of(d.closing)) for i, d in enumerate(s.pain) if d.closing is not None
    ]
    _series(doc, opening, OPENING, Qt.PenStyle.SolidLine, "circle")
    _series(doc, closing, CLOSING, Qt.PenStyle.DashLine, "square")

    # the figures under each day, in line with the chart
    y = top + chart_h
    for name, values, colour, marker in (
        (translate("WeeklyPdf", "Before"), [d.opening for d in s.pain], OPENING, "circle"),
        (translate("WeeklyPdf", "After"), [d.closing for d in s.pain], CLOSING, "square"),
    ):
        lh = doc.line_h(f.body)
        _marker_op(doc, doc.mm(2.2), y + lh / 2, colour, marker)
        doc.text_at(doc.mm(5), y, name, doc.fitted(name, f.bold, doc.mm(24) - doc.mm(6)))
        for i, v in enumerate(values):
            doc.text_center(x_of(i), y, rating_text(v), f.bold if v is not None else f.body)
        y += lh
    two = [d for d in s.pain if d.sessions > 1]
    doc.y = y + doc.mm(1)
    if two:
        days = ", ".join(weekday(d.day) for d in two)
        doc.paragraph(
            translate(
                "WeeklyPdf",
                "Days with more than one session ({days}) show the mean of their ratings.",
            ).format(days=days),
            f.small,
            MUTED,
        )


def _legend(doc: Document, s: WeeklySummary) -> None:
    """The key above the chart; an item that does not fit on the line starts the next one."""
    f = doc.fonts.small
    lh = doc.line_h(f)
    items = [
        (
            translate("WeeklyPdf", "Before the session (opening)"),
            OPENING,
            Qt.PenStyle.SolidLine,
            "circle",
        ),
        (
            translate("WeeklyPdf", "After the session (closing)"),
            CLOSING,
            Qt.PenStyle.DashLine,
            "square",
        ),
    ]
    if s.baseline is not None:
        label = translate(
            "WeeklyPdf", "Baseline {value}: mean at the start of the first sessions"
        ).format(value=rating_text(s.baseline))
        items.append((label, BASELINE, Qt.PenStyle.DotLine, None))
    left = doc.mm(24)
    x, y = left, doc.y
    for label, colour, style, marker in items:
        w = doc.mm(15) + doc.text_w(label, f)
        if x > left and x + w > doc.width:
            x, y = left, y + lh + doc.mm(0.5)
        _sample(doc, x, y + lh / 2, colour, style, marker)
        doc.text_at(x + doc.mm(15), y, label, f)
        x += w + doc.mm(5)
    doc.y = y + lh


def _sample(doc: Document, x: float, y: float, colour, style, marker) -> None:
    pen = QPen(colour, doc.mm(0.45 if style is Qt.PenStyle.DotLine else 0.5), style)
    if style is Qt.PenStyle.DotLine:
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    end = x + doc.mm(13)

    def op(p: QPainter) -> None:
        p.setPen(pen)
        p.drawLine(QPointF(x, y), QPointF(end, y))

    doc.add(op)
    if marker:
        _marker_op(doc, (x + end) / 2, y, colour, marker)


def _series(doc: Document, points, colour: QColor, style: Qt.PenStyle, marker: str) -> None:
    pen = QPen(colour, doc.mm(0.5), style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if len(points) > 1:
        path = QPainterPath(QPointF(*points[0]))
        for pt in points[1:]:
            path.lineTo(QPointF(*pt))

        def op(p: QPainter) -> None:
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)

        doc.add(op)
    for x, y in points:
        _marker_op(doc, x, y, colour, marker)


def _marker_op(doc: Document, x: float, y: float, colour: QColor, marker: str) -> None:
    """A filled circle (opening) or a white square with a thick outline (closing)."""
    r = doc.mm(1.3)
    pen = QPen(colour, doc.mm(0.45))

    def op(p: QPainter) -> None:
        p.setPen(pen)
        if marker == "circle":
            p.setBrush(QBrush(colour))
            p.drawEllipse(QPointF(x, y), r, r)
        else:
            p.setBrush(QBrush(QColor("white")))
            p.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))

    doc.add(op)
