"""The big countdown of the exercise page: a dial whose shape says the phase, digits in the middle.

The dial owns no timer and no time. The exercise page calls :meth:`TimerDial.set_phase`
once per displayed second (and on every change of the engine) with the mode, the
whole seconds to show and the share of the phase still to run. The shape tells
the phase without relying on colour:

``ready``     a thin dashed circle: get into position;
``count_in``  the last three seconds before a hold: three thick segments that go out
              one by one, 3-2-1, in the hold colour;
``hold``      a tinted disc in a thick ring, in the hold colour; the solid part of the
              ring empties clockwise as the hold runs (what is gone stays faint);
``release``   an outlined rounded square in the release colour: rest.

All arithmetic is in :func:`dial_geometry` (pure, tested without painting), and
which shape an exercise step shows in :func:`dial_mode`. Pens, brushes, fonts and
rectangles are built on resize, theme or font change only, the digit strings once,
so ``paintEvent`` only draws.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backcompanion.session.engine import Step
from backcompanion.ui.theme import Theme, Themed

__all__ = [
    "COUNT_IN_S",
    "DIGIT_SHARE",
    "MARGIN_SHARE",
    "MODES",
    "SEGMENT_GAP_DEG",
    "SQUARE_SHARE",
    "STROKE_SHARE",
    "DialGeometry",
    "TimerDial",
    "dial_geometry",
    "dial_mode",
]

MARGIN_SHARE = 0.03  # free space around the dial, of the shorter side
STROKE_SHARE = 0.16  # the ring's width, of the outer radius
DIGIT_SHARE = 0.42  # the digits' pixel size, of the shorter side (so: of the height when wide)
DIGIT_FIT = 0.8  # the digits never take more than this share of the ring's inner diameter
SQUARE_SHARE = 0.86  # the release square's half side, of the ring radius
CORNER_SHARE = 0.3  # the release square's corner radius, of its half side
SEGMENT_GAP_DEG = 14.0  # the gap between two of the three count-in segments
COUNT_IN_S = 3  # the count-in: the last three seconds before a hold
FULL_CIRCLE = 360 * 16  # Qt angles are in sixteenths of a degree
TOP = 90 * 16  # twelve o'clock
MODES = ("ready", "count_in", "hold", "release")
_RETHEME = QEvent.Type(QEvent.registerEventType())


def dial_mode(step: Step | None, countdown: int) -> str:
    """The dial's shape for an exercise step: count_in in the last 3 s of get_ready."""
    if step is Step.HOLD:
        return "hold"
    if step is Step.RELEASE:
        return "release"
    return "count_in" if 0 < countdown <= COUNT_IN_S else "ready"


class DialGeometry(NamedTuple):
    """Where things go in a ``w`` x ``h`` dial (logical pixels; angles in 1/16 degree)."""

    center_x: float
    center_y: float
    outer_radius: float  # the outer edge of the ring
    ring_radius: float  # the middle of the ring's stroke: where the pens draw
    stroke: float  # the ring's width
    start_angle: int  # twelve o'clock
    span_angle: int  # negative: clockwise; -FULL_CIRCLE when full, 0 when empty
    digit_px: float  # the digits' pixel size before fitting to the width
    digit_box: float  # the side of the square the digits must fit in
    square_half: float  # the release square: half its side
    corner_radius: float
    segments: tuple[tuple[int, int], ...]  # the count-in's three (start, span), 3 first

    @property
    def center(self) -> tuple[float, float]:
        return (self.center_x, self.center_y)


def dial_geometry(w: float, h: float, fraction: float) -> DialGeometry:
    """Pure layout of the dial; ``fraction`` 0..1 (clamped) is the share of the phase left.

    The dial is a circle centred in the widget, as large as its shorter side
    allows less a margin; the arc starts at twelve o'clock and runs clockwise.
    """
    w, h = max(0.0, float(w)), max(0.0, float(h))
    fraction = min(1.0, max(0.0, float(fraction)))
    side = min(w, h)
    outer = max(0.0, side / 2 - side * MARGIN_SHARE)
    stroke = outer * STROKE_SHARE
    ring = outer - stroke / 2
    inner_diameter = 2 * (outer - stroke)
    half = ring * SQUARE_SHARE
    step = 120.0
    segments = tuple(
        (
            round((90.0 - i * step - SEGMENT_GAP_DEG / 2) * 16),
            -round((step - SEGMENT_GAP_DEG) * 16),
        )
        for i in range(COUNT_IN_S)
    )
    return DialGeometry(
        center_x=w / 2,
        center_y=h / 2,
        outer_radius=outer,
        ring_radius=ring,
        stroke=stroke,
        start_angle=TOP,
        span_angle=-round(fraction * FULL_CIRCLE),
        digit_px=side * DIGIT_SHARE,
        digit_box=inner_diameter * DIGIT_FIT,
        square_half=half,
        corner_radius=half * CORNER_SHARE,
        segments=segments,
    )


# the smallest dial: its seconds stay readable, and a strengthening exercise (with the
# effort question above it) fits a 1280x720 screen with the window's menu and status bar
MIN_SIDE = 96


class TimerDial(Themed, QWidget):
    """The countdown: a phase shape and large digits that scale with the widget's height."""

    def __init__(self, parent: QWidget | None = None, *, theme: Theme | None = None):
        super().__init__(parent)
        self._theme = theme
        self._mode = "ready"
        self._count: int | None = None
        self._fraction = 1.0
        self._texts = tuple(str(i) for i in range(1000))
        self._text = ""
        self._lit = 0
        self._retheme_pending = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(MIN_SIDE, MIN_SIDE)
        self.setAccessibleName(self.tr("Timer"))
        self._fonts: dict[int, QFont] = {}
        self._rebuild_paint_cache()

    # ---- API (called by the exercise page) ----

    def set_phase(self, mode: str, countdown: int | None, fraction: float) -> None:
        """Show ``mode`` (one of :data:`MODES`), ``countdown`` whole seconds (None: no digits)
        and ``fraction`` 0..1 of the phase still to run."""
        if mode not in MODES:
            raise ValueError(f"the dial's mode is one of {', '.join(MODES)}, not {mode!r}")
        if self.width() != self._cache_w or self.height() != self._cache_h:
            self._rebuild_paint_cache()  # resized while hidden: no resize event yet
        fraction = min(1.0, max(0.0, float(fraction)))
        if countdown is not None and countdown < 0:
            countdown = 0
        if (mode, countdown, fraction) == (self._mode, self._count, self._fraction):
            return
        if mode != self._mode:
            self._mode = mode
            self._choose_pens()
        if countdown != self._count:
            self._count = countdown
            if countdown is None:
                self._text = ""
            elif countdown < len(self._texts):
                self._text = self._texts[countdown]
            else:
                self._text = str(countdown)
            self._font = self._font_for(len(self._text))
            self.setAccessibleDescription(self._text)
        self._fraction = fraction
        self._span = -round(fraction * FULL_CIRCLE)
        self._lit = min(COUNT_IN_S, max(0, countdown or 0))
        self.update()

    def _on_theme_change(self) -> None:
        self._rebuild_paint_cache()
        self.update()

    # ---- read-only state (tests, accessibility) ----

    def mode(self) -> str:
        return self._mode

    def text(self) -> str:
        return self._text

    def fraction(self) -> float:
        return self._fraction

    def theme(self) -> Theme:
        return self.painted_theme()

    def geometry_now(self) -> DialGeometry:
        return dial_geometry(self.width(), self.height(), self._fraction)

    def digit_font(self) -> QFont:
        return QFont(self._font)

    # ---- QWidget ----

    def sizeHint(self) -> QSize:
        em = QFontMetricsF(self.font()).height()
        return QSize(round(em * 10), round(em * 10))

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_SIDE, MIN_SIDE)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rebuild_paint_cache()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._rebuild_paint_cache()
        elif event.type() == QEvent.Type.PaletteChange and not self._retheme_pending:
            # apply_theme() records the new theme after setting the palette: rebuild after it
            self._retheme_pending = True
            QCoreApplication.postEvent(self, QEvent(_RETHEME))

    def event(self, event: QEvent) -> bool:
        if event.type() == _RETHEME:
            self._retheme_pending = False
            self._rebuild_paint_cache()
            self.update()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        mode = self._mode
        if mode == "hold":
            p.setPen(self._no_pen)
            p.setBrush(self._tint)
            p.drawEllipse(self._center, self._inner_r, self._inner_r)
            p.setBrush(self._no_brush)
            p.setPen(self._track_pen)
            p.drawEllipse(self._center, self._ring_r, self._ring_r)
            p.setPen(self._arc_pen)
            p.drawArc(self._ring_rect, self._start, self._span)
        elif mode == "release":
            p.setBrush(self._no_brush)
            p.setPen(self._square_pen)
            p.drawRoundedRect(self._square, self._corner, self._corner)
        elif mode == "count_in":
            p.setBrush(self._no_brush)
            for i, (start, span) in enumerate(self._segments):
                p.setPen(self._lit_pen if i < self._lit else self._unlit_pen)
                p.drawArc(self._ring_rect, start, span)
        else:
            p.setBrush(self._no_brush)
            p.setPen(self._ready_pen)
            p.drawEllipse(self._center, self._ring_r, self._ring_r)
        if self._text:
            p.setPen(self._text_pen)
            p.setFont(self._font)
            p.drawText(self._digit_rect, self._align, self._text)

    # ---- the paint cache (resize, theme and font changes only) ----

    def _rebuild_paint_cache(self) -> None:
        t = self.theme()
        self._cache_w, self._cache_h = self.width(), self.height()
        g = dial_geometry(self._cache_w, self._cache_h, self._fraction)
        self._g = g
        self._center = QPointF(g.center_x, g.center_y)
        self._ring_r = g.ring_radius
        r = g.ring_radius
        self._ring_rect = QRectF(g.center_x - r, g.center_y - r, 2 * r, 2 * r)
        self._start = g.start_angle
        self._span = g.span_angle
        self._segments = g.segments
        half = g.square_half
        self._square = QRectF(g.center_x - half, g.center_y - half, 2 * half, 2 * half)
        self._corner = g.corner_radius
        box = g.digit_box
        self._digit_rect = QRectF(g.center_x - box / 2, g.center_y - box / 2, box, box)
        self._align = Qt.AlignmentFlag.AlignCenter
        stroke = max(2.0, g.stroke)
        hold, release, muted = QColor(t.hold), QColor(t.release), QColor(t.muted)
        self._no_pen = QPen(Qt.PenStyle.NoPen)
        self._no_brush = QBrush(Qt.BrushStyle.NoBrush)
        self._arc_pen = QPen(hold, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        self._inner_r = max(0.0, g.ring_radius - g.stroke / 2)
        track = QColor(hold)
        track.setAlphaF(0.22)
        self._track_pen = QPen(track, stroke)  # the part of the hold already gone: faint
        tint = QColor(hold)
        tint.setAlphaF(0.12)
        self._tint = QBrush(tint)
        self._square_pen = QPen(release, max(2.0, stroke * 0.35))
        self._square_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self._lit_pen = QPen(hold, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        self._unlit_pen = QPen(muted, max(1.5, stroke * 0.2))
        self._ready_pen = QPen(muted, max(2.0, stroke * 0.25), Qt.PenStyle.DashLine)
        self._text_pens = {
            "ready": QPen(QColor(t.text)),
            "count_in": QPen(hold),
            "hold": QPen(QColor(t.text)),
            "release": QPen(QColor(t.text)),
        }
        self._fonts.clear()
        self._choose_pens()
        self._font = self._font_for(len(self._text))

    def _choose_pens(self) -> None:
        self._text_pen = self._text_pens[self._mode]

    def _font_for(self, length: int) -> QFont:
        """The digits' font for ``length`` digits: from the height, shrunk to fit the ring."""
        length = max(1, length)
        font = self._fonts.get(length)
        if font is None:
            g = self._g
            font = QFont(self.font())
            font.setBold(True)
            px = max(8.0, g.digit_px)
            font.setPixelSize(max(8, round(px)))
            if g.digit_box > 0:
                width = QFontMetricsF(font).horizontalAdvance("0" * length)
                if width > g.digit_box:
                    font.setPixelSize(max(8, round(px * g.digit_box / width)))
            self._fonts[length] = font
        return font
