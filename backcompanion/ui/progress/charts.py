"""The two drawings of the progress page: the pain trend and the session calendar.

:class:`TrendChart` shows opening and closing pain per session day over the last
8 weeks, with the baseline; :class:`SessionCalendar` the last 6 weeks, one square
per day. Where things go is computed by the pure functions :func:`trend_geometry`
and :func:`calendar_geometry`, tested without painting; pens, fonts and the
geometry are rebuilt only when the data, the size or the theme change
(:class:`_CachedChart`), so ``paintEvent`` only draws.

Readable from a mat 2 m away: labels at least 14 pt, thick lines, big
markers. Never colour alone: the two pain series differ by marker (filled
circle, open square) and line (solid, dashed), the baseline is dotted; a day
with a finished session is a filled square, a day with only a stopped or
interrupted one an outlined square, a day without a session a small faint
dot. Each drawing also says what it shows in its accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from backcompanion.i18n import format_date, translate
from backcompanion.report.progress import DayState, ProgressData
from backcompanion.report.summary import DayPain, rating_text
from backcompanion.ui.theme import Theme, Themed

__all__ = [
    "LABEL_PT",
    "CalendarGeometry",
    "SessionCalendar",
    "TrendChart",
    "TrendGeometry",
    "calendar_geometry",
    "day_month",
    "short_day",
    "trend_geometry",
    "weekday_letters",
]

LABEL_PT = 14  # axis labels and legends: the smallest text on the page


# ---------------------------------------------------------------- dates in the person's language


def day_month(day: date) -> str:
    """ "23 Nov" / "23 nov": a chart or calendar label."""
    return format_date(day, "day_month")


def short_day(day: date) -> str:
    """ "Mon 23 Nov" / "lun 23 nov"."""
    return format_date(day, "weekday_day_month")


def weekday_letters() -> tuple[str, ...]:
    """Monday to Sunday, the calendar's column heads: Mo Tu We Th Fr Sa Su (L M X J V S D).

    Two letters in English so that every source text is different (a catalog keys
    on the text); a translation may use one letter.
    """
    return (
        translate("SessionCalendar", "Mo", "Monday, a column head"),
        translate("SessionCalendar", "Tu", "Tuesday, a column head"),
        translate("SessionCalendar", "We", "Wednesday, a column head"),
        translate("SessionCalendar", "Th", "Thursday, a column head"),
        translate("SessionCalendar", "Fr", "Friday, a column head"),
        translate("SessionCalendar", "Sa", "Saturday, a column head"),
        translate("SessionCalendar", "Su", "Sunday, a column head"),
    )


def widest_day_month(metrics: QFontMetricsF) -> float:
    """The widest :func:`day_month` label of the year, in ``metrics``."""
    return max(metrics.horizontalAdvance(day_month(date(2024, m, 28))) for m in range(1, 13))


# ---------------------------------------------------------------- pure geometry


@dataclass(frozen=True)
class TrendGeometry:
    """Where the pain chart's parts go in a ``width`` x ``height`` widget (logical pixels)."""

    plot: tuple[float, float, float, float]  # x, y, width, height of the plotting area
    y_ticks: tuple[tuple[int, float], ...]  # (rating, y) for 0, 2, ... 10
    x_ticks: tuple[tuple[date, float], ...]  # (Monday, x) for each week
    opening: tuple[tuple[float, float], ...]  # marker centres, oldest first
    closing: tuple[tuple[float, float], ...]
    baseline_y: float | None
    day_width: float  # pixels per day

    def x_of(self, day: date, start: date) -> float:
        x, _, _, _ = self.plot
        return x + ((day - start).days + 0.5) * self.day_width


def trend_geometry(
    width: float,
    height: float,
    start: date,
    end: date,
    pain: Sequence[DayPain],
    baseline: float | None,
    left: float,
    bottom: float,
    top: float,
    right: float = 8.0,
) -> TrendGeometry:
    """The chart's layout; ``left``/``bottom``/``top``/``right`` are the room kept for labels.

    Days run from ``start`` (inclusive) to ``end`` (exclusive), each a column
    of equal width; a rating ``v`` sits at ``plot_bottom - v / 10 * plot_height``.
    Days outside the range are left out.
    """
    days = max(1, (end - start).days)
    pw = max(0.0, width - left - right)
    ph = max(0.0, height - top - bottom)
    day_w = pw / days
    px, py = left, top

    def x_of(d: date) -> float:
        return px + ((d - start).days + 0.5) * day_w

    def y_of(v: float) -> float:
        return py + ph - max(0.0, min(10.0, v)) / 10 * ph

    inside = [p for p in pain if start <= p.day < end]
    mondays = []
    d = start + timedelta(days=(7 - start.weekday()) % 7)
    while d < end:
        mondays.append((d, x_of(d)))
        d += timedelta(days=7)
    return TrendGeometry(
        plot=(px, py, pw, ph),
        y_ticks=tuple((v, y_of(v)) for v in range(0, 11, 2)),
        x_ticks=tuple(mondays),
        opening=tuple((x_of(p.day), y_of(p.opening)) for p in inside if p.opening is not None),
        closing=tuple((x_of(p.day), y_of(p.closing)) for p in inside if p.closing is not None),
        baseline_y=y_of(baseline) if baseline is not None else None,
        day_width=day_w,
    )


@dataclass(frozen=True)
class CalendarGeometry:
    cell: float  # the side of a day's square
    gap: float
    origin: tuple[float, float]  # top-left of the first square (oldest week, Monday)
    label_width: float  # room at the left for the week's date
    header_height: float  # room at the top for the day names

    def cell_rect(self, week: int, weekday: int) -> tuple[float, float, float, float]:
        """The square of day ``weekday`` (0 = Monday) in row ``week`` (0 = oldest)."""
        x0, y0 = self.origin
        step = self.cell + self.gap
        return (x0 + weekday * step, y0 + week * step, self.cell, self.cell)


def calendar_geometry(
    width: float,
    height: float,
    weeks: int,
    label_width: float,
    header_height: float,
    legend_height: float,
    max_cell: float = 64.0,
) -> CalendarGeometry:
    """Square cells as large as fit (up to ``max_cell``), a gap of a sixth of a cell.

    Seven columns and ``weeks`` rows fill what is left after the labels; the
    grid is placed at the top left of that room.
    """
    avail_w = max(0.0, width - label_width)
    avail_h = max(0.0, height - header_height - legend_height)
    # n cells and n - 1 gaps of cell / 6: n * cell + (n - 1) * cell / 6
    per_w = avail_w / (7 + 6 / 6) if avail_w else 0.0
    per_h = avail_h / (weeks + (weeks - 1) / 6) if weeks and avail_h else 0.0
    cell = max(0.0, min(max_cell, per_w, per_h))
    return CalendarGeometry(
        cell=cell,
        gap=cell / 6,
        origin=(label_width, header_height),
        label_width=label_width,
        header_height=header_height,
    )


# ---------------------------------------------------------------- the chart


def _label_font(base: QFont, bold: bool = False) -> QFont:
    f = QFont(base)
    f.setPointSizeF(LABEL_PT)
    f.setBold(bold)
    return f


class _CachedChart(Themed, QWidget):
    """A chart that rebuilds its pens, fonts and geometry only when size, theme or data change.

    ``paintEvent`` calls :meth:`_rebuild` when ``_dirty`` and then only draws.
    """

    def __init__(self, parent: QWidget | None = None, theme: Theme | None = None):
        super().__init__(parent)
        self._theme = theme
        self._data: ProgressData | None = None
        self._dirty = True

    def theme(self) -> Theme:
        return self.painted_theme()

    def _on_theme_change(self) -> None:
        self._invalidate()

    def _invalidate(self) -> None:
        self._dirty = True
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._dirty = True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._dirty = True


class TrendChart(_CachedChart):
    """Opening (filled circles, solid line) and closing (open squares, dashed) pain per day."""

    def __init__(self, parent: QWidget | None = None, theme: Theme | None = None):
        super().__init__(parent, theme)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Pain over the last 8 weeks"))

    def sizeHint(self) -> QSize:
        h = QFontMetricsF(_label_font(self.font())).height()
        return QSize(round(h * 34), round(h * 12))

    def minimumSizeHint(self) -> QSize:
        h = QFontMetricsF(_label_font(self.font())).height()
        return QSize(round(h * 22), round(h * 10))

    def set_data(self, data: ProgressData | None) -> None:
        self._data = data
        self.setAccessibleDescription(self._description(data))
        self._invalidate()

    def _description(self, data: ProgressData | None) -> str:
        """What the chart shows, for a screen reader."""
        if data is None or not data.pain:
            return self.tr("No pain ratings in the last 8 weeks.")
        rated = [p for p in data.pain if p.opening is not None]
        days = len(data.pain)  # lupdate reads a plain name as the count, not an expression
        sentences = [translate("TrendChart", "%n day(s) with ratings.", "", days)]
        if rated:
            first, last = rated[0], rated[-1]
            sentences.append(
                self.tr(
                    "Pain before the session: {first} on {first_day}, {last} on {last_day}.",
                ).format(
                    first=rating_text(first.opening),
                    first_day=short_day(first.day),
                    last=rating_text(last.opening),
                    last_day=short_day(last.day),
                )
            )
        if data.baseline is not None:
            sentences.append(
                self.tr("Baseline {rating}.").format(rating=rating_text(data.baseline))
            )
        return " ".join(sentences)

    def geometry_now(self) -> TrendGeometry | None:
        """The layout for the current size and data (None without data)."""
        if self._data is None:
            return None
        fm = QFontMetricsF(_label_font(self.font()))
        left = fm.horizontalAdvance("10") + fm.height() * 0.8
        return trend_geometry(
            self.width(),
            self.height(),
            self._data.trend_start,
            self._data.trend_end,
            self._data.pain,
            self._data.baseline,
            left=left,
            bottom=fm.height() * 1.6,
            top=fm.height() * 1.9,
            right=fm.height() * 0.6,
        )

    def _rebuild(self) -> None:
        t = self.theme()
        self._dirty = False
        self._g = self.geometry_now()
        self._font = _label_font(self.font())
        self._bold = _label_font(self.font(), bold=True)
        self._fm = QFontMetricsF(self._font)
        self._text = QColor(t.text)
        self._muted = QColor(t.muted)
        self._card = QColor(t.card)
        self._open_c = QColor(t.accent)
        self._close_c = QColor(t.hold)
        lh = self._fm.height()
        stroke = max(3.0, lh * 0.14)
        self._r = max(6.0, lh * 0.3)
        self._grid_pen = QPen(_blend(QColor(t.border), self._card, 0.5), 1.0)
        self._grid_pen.setCosmetic(True)
        self._axis_pen = QPen(QColor(t.text), 2.0)
        self._open_pen = QPen(self._open_c, stroke, Qt.PenStyle.SolidLine)
        self._close_pen = QPen(self._close_c, stroke, Qt.PenStyle.DashLine)
        self._base_pen = QPen(QColor(t.muted), stroke * 0.8, Qt.PenStyle.DotLine)
        self._base_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self._marker_close_pen = QPen(self._close_c, stroke)
        self._paths = (QPainterPath(), QPainterPath())
        if self._g is not None:
            dodge = min(self._r, self._g.day_width * 0.3)
            self._dodge = dodge
            for path, points, dx in (
                (self._paths[0], self._g.opening, -dodge),
                (self._paths[1], self._g.closing, dodge),
            ):
                for i, (x, y) in enumerate(points):
                    if i == 0:
                        path.moveTo(x + dx, y)
                    else:
                        path.lineTo(x + dx, y)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._dirty:
            self._rebuild()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        g = self._g
        if g is None or not self._data or not self._data.pain:
            p.setFont(self._bold)
            p.setPen(self._muted)
            p.drawText(
                QRectF(0, 0, self.width(), self.height()),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("No pain ratings in the last 8 weeks yet.\nThey will show here."),
            )
            return
        px, py, pw, ph = g.plot
        lh = self._fm.height()
        p.setFont(self._font)
        for v, y in g.y_ticks:
            p.setPen(self._axis_pen if v == 0 else self._grid_pen)
            p.drawLine(QPointF(px, y), QPointF(px + pw, y))
            p.setPen(self._text)
            p.drawText(
                QRectF(0, y - lh / 2, px - lh * 0.3, lh),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(v),
            )
        label_w = 7 * g.day_width
        for monday, x in g.x_ticks:
            p.setPen(self._grid_pen)
            p.drawLine(QPointF(x - g.day_width / 2, py), QPointF(x - g.day_width / 2, py + ph))
            p.setPen(self._text)
            p.drawText(
                QRectF(x - g.day_width / 2, py + ph + lh * 0.2, label_w, lh),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                day_month(monday),
            )
        if g.baseline_y is not None:
            p.setPen(self._base_pen)
            p.drawLine(QPointF(px, g.baseline_y), QPointF(px + pw, g.baseline_y))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(self._open_pen)
        p.drawPath(self._paths[0])
        p.setPen(self._close_pen)
        p.drawPath(self._paths[1])
        r = self._r
        p.setPen(self._open_pen)
        p.setBrush(QBrush(self._open_c))
        for x, y in g.opening:
            p.drawEllipse(QPointF(x - self._dodge, y), r, r)
        p.setPen(self._marker_close_pen)
        p.setBrush(QBrush(self._card))
        for x, y in g.closing:
            p.drawRect(QRectF(x + self._dodge - r, y - r, 2 * r, 2 * r))
        self._legend(p, lh)

    def _legend(self, p: QPainter, lh: float) -> None:
        """The key along the top: marker and line for each series, the dotted baseline."""
        x, y = self._g.plot[0], lh * 0.2
        mid = y + lh / 2
        sample = lh * 1.8
        items = [
            (self.tr("Before the session"), self._open_pen, "circle"),
            (self.tr("After the session"), self._close_pen, "square"),
        ]
        if self._data and self._data.baseline is not None:
            baseline = rating_text(self._data.baseline)
            items.append((self.tr("Baseline {0}").format(baseline), self._base_pen, None))
        p.setFont(self._font)
        for label, pen, marker in items:
            p.setPen(pen)
            p.drawLine(QPointF(x, mid), QPointF(x + sample, mid))
            r = self._r * 0.85
            if marker == "circle":
                p.setBrush(QBrush(self._open_c))
                p.drawEllipse(QPointF(x + sample / 2, mid), r, r)
            elif marker == "square":
                p.setPen(self._marker_close_pen)
                p.setBrush(QBrush(self._card))
                p.drawRect(QRectF(x + sample / 2 - r, mid - r, 2 * r, 2 * r))
            p.setPen(self._text)
            x += sample + lh * 0.4
            p.drawText(QPointF(x, y + self._fm.ascent()), label)
            x += self._fm.horizontalAdvance(label) + lh * 1.2


def _blend(a: QColor, b: QColor, share_a: float) -> QColor:
    """``share_a`` of ``a`` over ``b``: a grid line quieter than the data."""
    mix = [
        share_a * x + (1 - share_a) * y
        for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3], strict=True)
    ]
    return QColor.fromRgbF(*mix)


# ---------------------------------------------------------------- the calendar


class SessionCalendar(_CachedChart):
    """The last weeks, a row each (oldest first), Monday to Sunday: one square per day."""

    def __init__(self, parent: QWidget | None = None, theme: Theme | None = None):
        super().__init__(parent, theme)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Days with a session, last 6 weeks"))

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(_label_font(self.font()))

    def _label_width(self) -> float:
        fm = self._metrics()
        return widest_day_month(fm) + fm.height() * 0.5

    def sizeHint(self) -> QSize:
        lh = self._metrics().height()
        cell = max(36.0, lh * 1.7)
        weeks = len(self._data.calendar) if self._data else 6
        w = self._label_width() + 7 * cell + 6 * cell / 6
        h = lh * 1.4 + weeks * cell + (weeks - 1) * cell / 6 + self._legend_height()
        return QSize(round(w), round(h))

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(round(hint.width() * 0.75), round(hint.height() * 0.75))

    def _legend_height(self) -> float:
        return self._metrics().height() * 3.4  # up to two lines

    def set_data(self, data: ProgressData | None) -> None:
        self._data = data
        self.setAccessibleDescription(_calendar_description(data))
        self._dirty = True
        self.updateGeometry()
        self.update()

    def geometry_now(self) -> CalendarGeometry:
        weeks = len(self._data.calendar) if self._data else 6
        lh = self._metrics().height()
        return calendar_geometry(
            self.width(), self.height(), weeks, self._label_width(), lh * 1.4, self._legend_height()
        )

    def _rebuild(self) -> None:
        t = self.theme()
        self._dirty = False
        self._g = self.geometry_now()
        self._font = _label_font(self.font())
        self._bold = _label_font(self.font(), bold=True)
        self._fm = QFontMetricsF(self._font)
        cell = self._g.cell
        self._text = QColor(t.text)
        self._muted = QColor(t.muted)
        self._fill = QBrush(QColor(t.accent))
        self._done_pen = QPen(QColor(t.text), max(2.0, cell * 0.05))
        self._partial_pen = QPen(QColor(t.accent), max(3.0, cell * 0.1))
        self._partial_pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self._none_brush = QBrush(QColor(t.border))
        self._today_brush = QBrush(QColor(t.text))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._dirty:
            self._rebuild()
        if self._data is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        g = self._g
        lh = self._fm.height()
        p.setFont(self._bold)
        p.setPen(self._text)
        for i, name in enumerate(weekday_letters()):
            x, _, c, _ = g.cell_rect(0, i)
            p.drawText(
                QRectF(x, 0, c, g.header_height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
        p.setFont(self._font)
        for row, week in enumerate(self._data.calendar):
            _, y, c, _ = g.cell_rect(row, 0)
            p.setPen(self._muted)
            p.drawText(
                QRectF(0, y, g.label_width - lh * 0.4, c),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                day_month(week[0].day),
            )
            for col, day in enumerate(week):
                self._draw_day(p, QRectF(*g.cell_rect(row, col)), day.state, day.today)
        self._legend(p, lh)

    def _draw_day(self, p: QPainter, r: QRectF, state: str, today: bool) -> None:
        if state == DayState.DONE:
            p.setPen(self._done_pen)
            p.setBrush(self._fill)
            p.drawRoundedRect(r, r.width() * 0.12, r.width() * 0.12)
        elif state == DayState.PARTIAL:
            inset = self._partial_pen.widthF() / 2
            p.setPen(self._partial_pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r.adjusted(inset, inset, -inset, -inset))
        elif state == DayState.NONE:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._none_brush)
            d = r.width() * 0.16
            p.drawEllipse(r.center(), d, d)
        if today:  # a thick bar under the square, in the gap below it
            gap = self._g.gap
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._today_brush)
            p.drawRect(QRectF(r.left(), r.bottom() + gap * 0.2, r.width(), gap * 0.6))

    def _legend(self, p: QPainter, lh: float) -> None:
        """Done, partly done, no session and today; an item that does not fit starts a line."""
        g = self._g
        _, last_y, c, _ = g.cell_rect(len(self._data.calendar) - 1, 0)
        y = last_y + c + lh * 0.6
        side = lh * 0.9
        x = 0.0
        p.setFont(self._font)
        for state, label in (
            (DayState.DONE, self.tr("Done")),
            (DayState.PARTIAL, self.tr("Partly done")),
            (DayState.NONE, self.tr("No session")),
            ("today", self.tr("Today")),
        ):
            width = side + lh * 0.3 + self._fm.horizontalAdvance(label)
            if x > 0 and x + width > self.width():
                x, y = 0.0, y + lh * 1.2
            box = QRectF(x, y + (lh - side) / 2, side, side)
            if state == "today":
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(self._today_brush)
                p.drawRect(QRectF(box.left(), box.bottom() - side * 0.25, side, side * 0.25))
            else:
                self._draw_day(p, box, state, False)
            x += side + lh * 0.3
            p.setPen(self._text)
            p.drawText(QPointF(x, y + self._fm.ascent()), label)
            x += self._fm.horizontalAdvance(label) + lh * 0.9


def _calendar_description(data: ProgressData | None) -> str:
    if data is None:
        return ""
    days = [d for week in data.calendar for d in week if d.state != DayState.FUTURE]
    done = sum(1 for d in days if d.state == DayState.DONE)
    partial = sum(1 for d in days if d.state == DayState.PARTIAL)
    return translate(
        "SessionCalendar",
        "In the last {days} days: {done} with a finished session, {partial} partly done.",
    ).format(days=len(days), done=done, partial=partial)
