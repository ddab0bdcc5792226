"""The 90/90 breathing pacer: a shape that fills with the breath, a phase word and a count.

The widget owns no timer and no time. A driver (the session bridge) calls
:meth:`PacerWidget.set_state` once per frame with the values computed by the
session's breathing module; the widget stores them and asks for a repaint of
only the pixels that can have changed: in full motion, the ring between the
shape's old and new edge (:func:`ring_rects`, a few bands of rectangles; the
fill inside it and the window outside it stay as they were), which at full
screen is a tenth of the shape's square or less. All arithmetic lives in
:func:`pacer_geometry`, :func:`blend_rgb`, :func:`shape_bounds` and
:func:`ring_rects` (pure, tested without painting).

``paintEvent`` stays cheap on purpose (it runs 60 times a second for minutes):
the static background (window colour and the dashed guide circle) is a cached
pixmap rebuilt on resize or theme change; the count and the phase word are
small cached pixmaps rebuilt only when their text, font or colour changes; the
fill is one OPAQUE colour, the fill colour pre-blended with the window colour
(Qt's raster engine blends any translucent fill, ``setOpacity`` or an alpha
brush, on its thread pool every frame: ~30x the wake-ups of an opaque one).
The fill is drawn before the ring and the ring always covers the guide circle
where the fill could reach it, so the opaque fill looks exactly like the
translucent one did.

Reduced motion (a setting; the default follows the platform): no growing
shape, but a calm ring of fixed size whose fill grows stronger and fainter
with the breath, plus the same words.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from backcompanion.i18n import translate
from backcompanion.ui.theme import Theme, Themed, system_prefers_reduced_motion

__all__ = [
    "COUNT_SHARE",
    "FILL_ALPHA",
    "MARGIN_SHARE",
    "MIN_SHARE",
    "REDUCED_LEVEL",
    "SHAPE_SHARE",
    "WORD_SHARE",
    "PacerGeometry",
    "PacerWidget",
    "blend_rgb",
    "pacer_geometry",
    "phase_words",
    "ring_rects",
    "shape_bounds",
]

SHAPE_SHARE = 0.7  # the top 70 % of the height holds the shape, the rest the phase word
MARGIN_SHARE = 0.04  # free space around the full shape, of the shape area's shorter side
MIN_SHARE = 0.35  # empty lungs: the radius is 35 % of the full radius
WORD_SHARE = 0.5  # the phase word's pixel size, of the word band's height
COUNT_SHARE = 0.6  # the count's pixel size, of the full radius
FILL_ALPHA = 0.3  # the fill's opacity in full motion
REDUCED_LEVEL = (0.05, 0.45)  # reduced motion: the fill's opacity at empty and full lungs
HOLD_PHASES = frozenset({"hold", "hold_in", "hold_out"})
RING_BAND_PX = 12  # the height of a band of the repainted ring, at least (logical px)
RING_BANDS = 24  # and at most this many bands over the ring's height


class PacerGeometry(NamedTuple):
    """Where things go in a ``rect_w`` x ``rect_h`` pacer (logical pixels)."""

    center_x: float
    center_y: float
    radius: float  # the shape now
    min_radius: float  # empty lungs (full motion)
    max_radius: float  # full lungs
    level: float  # the breath, 0..1 (the fill's strength in reduced motion)
    fill_opacity: float
    word_top: float  # the band under the shape that holds the phase word
    word_height: float
    word_px: float  # the phase word's pixel size before fitting to the width
    count_px: float  # the count's pixel size

    @property
    def center(self) -> tuple[float, float]:
        return (self.center_x, self.center_y)


def pacer_geometry(
    rect_w: float, rect_h: float, size: float, reduced: bool = False
) -> PacerGeometry:
    """Pure layout of the pacer: ``size`` 0..1 is empty..full lungs (clamped).

    Full motion: the radius runs linearly from ``MIN_SHARE`` of the full radius
    to the full radius. Reduced motion: the radius stays at the full radius and
    only the fill's opacity follows the breath.
    """
    w, h = max(0.0, float(rect_w)), max(0.0, float(rect_h))
    level = min(1.0, max(0.0, float(size)))
    shape_h = h * SHAPE_SHARE
    side = min(w, shape_h)
    max_r = max(0.0, side / 2 - side * MARGIN_SHARE)
    min_r = max_r * MIN_SHARE
    if reduced:
        radius = max_r
        lo, hi = REDUCED_LEVEL
        opacity = lo + (hi - lo) * level
    else:
        radius = min_r + (max_r - min_r) * level
        opacity = FILL_ALPHA
    word_h = h - shape_h
    return PacerGeometry(
        center_x=w / 2,
        center_y=shape_h / 2,
        radius=radius,
        min_radius=min_r,
        max_radius=max_r,
        level=level,
        fill_opacity=opacity,
        word_top=shape_h,
        word_height=word_h,
        word_px=word_h * WORD_SHARE,
        count_px=max_r * COUNT_SHARE,
    )


def blend_rgb(
    fg: tuple[int, int, int], bg: tuple[int, int, int], alpha: float
) -> tuple[int, int, int]:
    """``fg`` drawn with opacity ``alpha`` (clamped to 0..1) over an opaque ``bg``, as one
    opaque colour (what source-over compositing gives, rounded to 8 bits)."""
    a = min(1.0, max(0.0, float(alpha)))
    return tuple(round(b + (f - b) * a) for f, b in zip(fg, bg, strict=True))  # type: ignore[return-value]


def shape_bounds(
    center_x: float, center_y: float, radius: float, stroke: float
) -> tuple[int, int, int, int]:
    """The integer rectangle ``(x, y, w, h)`` that holds a circle of ``radius`` with a ring of
    width ``stroke`` on it, antialiasing included (what a frame repaints of the shape)."""
    reach = max(0.0, radius) + max(0.0, stroke) / 2 + 2  # + antialiasing and rounding
    x0, y0 = math.floor(center_x - reach), math.floor(center_y - reach)
    x1, y1 = math.ceil(center_x + reach), math.ceil(center_y + reach)
    return (x0, y0, x1 - x0, y1 - y0)


def ring_rects(
    center_x: float, center_y: float, r_in: float, r_out: float
) -> list[tuple[int, int, int, int]]:
    """Integer rectangles ``(x, y, w, h)`` that together cover every pixel whose centre lies
    between the circles of radius ``r_in`` and ``r_out`` round the centre, and as little of
    the disc inside ``r_in`` as a few bands allow: what changes when a filled circle with a
    ring grows or shrinks (the caller widens both radii by the ring and antialiasing)."""
    r_out = max(0.0, r_out)
    r_in = min(max(0.0, r_in), r_out)
    top, bottom = math.floor(center_y - r_out), math.ceil(center_y + r_out)
    if bottom <= top:
        return []
    band = max(RING_BAND_PX, math.ceil((bottom - top) / RING_BANDS))
    out = []
    for y0 in range(top, bottom, band):
        y1 = min(bottom, y0 + band)
        # the band's rows nearest to and farthest from the centre
        near = 0.0 if y0 <= center_y <= y1 else min(abs(y0 - center_y), abs(y1 - center_y))
        far = max(abs(y0 - center_y), abs(y1 - center_y))
        if near >= r_out:
            continue
        half_out = math.sqrt(r_out * r_out - near * near)
        left, right = math.floor(center_x - half_out), math.ceil(center_x + half_out)
        half_in = math.sqrt(r_in * r_in - far * far) if far < r_in else 0.0
        inner_left, inner_right = math.ceil(center_x - half_in), math.floor(center_x + half_in)
        if inner_right - inner_left < 2:  # nothing of the band lies wholly inside
            out.append((left, y0, right - left, y1 - y0))
        else:
            out.append((left, y0, inner_left - left, y1 - y0))
            out.append((inner_right, y0, right - inner_right, y1 - y0))
    return out


def phase_words() -> dict[str, str]:
    """The translated phase words, by phase name."""
    hold = translate("PacerWidget", "Hold", "hold the breath")
    return {
        "inhale": translate("PacerWidget", "Breathe in"),
        "hold_in": hold,
        "exhale": translate("PacerWidget", "Breathe out"),
        "hold_out": hold,
        "hold": hold,
    }


class _TextPixmap(NamedTuple):
    """A line of text rasterised once: the pixmap, where it goes, what it covers (logical px)."""

    pixmap: QPixmap
    origin: QPointF
    rect: QRect


def _text_pixmap(text: str, font: QFont, color: QColor, box: QRectF, dpr: float) -> _TextPixmap:
    """``text`` as ``drawText(box, AlignCenter, text)`` would draw it, in a small transparent
    pixmap at device pixel ratio ``dpr``, placed on a whole device pixel."""
    align = Qt.AlignmentFlag.AlignCenter
    ink = QFontMetricsF(font).boundingRect(box, int(align), text)
    ink.adjust(-2, -2, 2, 2)  # room for antialiasing and overhanging glyphs
    x = math.floor(ink.x() * dpr) / dpr  # a whole device pixel: the same glyph rasterisation
    y = math.floor(ink.y() * dpr) / dpr
    w = max(1, math.ceil((ink.right() - x) * dpr))
    h = max(1, math.ceil((ink.bottom() - y) * dpr))
    pixmap = QPixmap(w, h)
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setFont(font)
    p.setPen(QPen(color))
    p.drawText(box.translated(-x, -y), align, text)
    p.end()
    origin = QPointF(x, y)
    covers = QRectF(origin, QSize(w, h).toSizeF() / dpr).toAlignedRect()
    return _TextPixmap(pixmap, origin, covers)


class PacerWidget(Themed, QWidget):
    """Draws the breathing pacer from the numbers given to :meth:`set_state`."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
        reduced_motion: bool | None = None,
    ):
        super().__init__(parent)
        self._theme = theme
        if reduced_motion is None:
            reduced_motion = system_prefers_reduced_motion()
        self._reduced = bool(reduced_motion)
        self._size = 0.0
        self._word = ""
        self._count: int | None = None
        self._count_text = ""
        self._phase = ""
        self._counts = tuple(str(i) for i in range(100))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 240)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)  # paints its background
        self.setAccessibleName(self.tr("Breathing pacer"))
        self._word_fits: dict[str, float] = {}
        self._rebuild_paint_cache()

    # ---- API (called by the driver) ----

    def set_state(self, size: float, phase_word: str, count: int | None, phase: str) -> None:
        """Store one frame: breath ``size`` 0..1, the phase word, the count (or None), the phase.

        Asks for a repaint of only what changed: the ring between the shape's old and new
        edge (its whole square in a new phase, and in reduced motion, where the fill's
        colour changes), the count and the phase word when they changed (everything on a
        hidden resize)."""
        if (
            self.width() != self._cache_w
            or self.height() != self._cache_h
            or self.devicePixelRatioF() != self._cache_dpr
        ):
            self._rebuild_paint_cache()  # resized while hidden: no resize event yet
            self._dirty_all = True
        old_radius = self._radius
        self._size = min(1.0, max(0.0, float(size)))
        self._radius = self._radius_for(self._size)
        dirty = QRegion()
        if phase != self._phase:
            self._phase = phase
            self._choose_phase_pens()  # new colours: the whole shape changes
            dirty += self._full_shape_rect
        if self._reduced:
            self._fill_color = self._reduced_fill(self._size)
            self._fill = QBrush(self._fill_color)
            dirty += self._shape_rect  # the fill's colour changes: the whole shape
        elif self._radius != old_radius:
            reach = self._stroke / 2 + 2  # the ring's half width, antialiasing and rounding
            for r in ring_rects(
                self._center.x(),
                self._center.y(),
                min(old_radius, self._radius) - reach,
                max(old_radius, self._radius) + reach,
            ):
                dirty += QRect(*r)
        self._shape_rect = self._shape_rect_for(self._radius)
        if phase_word != self._word:
            dirty += self._word_rect.toAlignedRect()
            if self._word_pix is not None:
                dirty += self._word_pix.rect
            self._word = phase_word
            self._fit_word_font()
            self.setAccessibleDescription(phase_word)
            if self._word_pix is not None:
                dirty += self._word_pix.rect
        if count != self._count:
            self._count = count
            if count is None:
                self._count_text = ""
            elif 0 <= count < len(self._counts):
                self._count_text = self._counts[count]
            else:
                self._count_text = str(count)
            if self._count_pix is not None:
                dirty += self._count_pix.rect  # the old count
            self._render_count()
            if self._count_pix is not None:
                dirty += self._count_pix.rect
        if self._dirty_all:
            self._dirty_all = False
            self.update()
        elif not dirty.isEmpty():
            self.update(dirty)

    def set_reduced_motion(self, reduced: bool) -> None:
        if bool(reduced) != self._reduced:
            self._reduced = bool(reduced)
            self._rebuild_paint_cache()
            self.update()

    def _on_theme_change(self) -> None:
        self._rebuild_paint_cache()
        self.update()

    # ---- read-only state (for tests and accessibility) ----

    def size_value(self) -> float:
        return self._size

    def phase_word(self) -> str:
        return self._word

    def count(self) -> int | None:
        return self._count

    def phase(self) -> str:
        return self._phase

    def reduced_motion(self) -> bool:
        return self._reduced

    def theme(self) -> Theme:
        return self.painted_theme()

    def pacer_geometry(self) -> PacerGeometry:
        return pacer_geometry(self.width(), self.height(), self._size, self._reduced)

    def word_font(self) -> QFont:
        return QFont(self._word_font)

    def count_font(self) -> QFont:
        return QFont(self._count_font)

    def fill_color(self) -> QColor:
        """The colour ``paintEvent`` fills the shape with now (always opaque)."""
        return QColor(self._fill_color)

    # ---- QWidget ----

    def sizeHint(self) -> QSize:
        return QSize(480, 560)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 240)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rebuild_paint_cache()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._rebuild_paint_cache()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._rebuild_paint_cache()
            self.update()
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)  # clipped to the region asked for by update()
        region = event.region()
        if region.rectCount() == 1:
            p.drawPixmap(self._origin, self._background)  # window colour and the guide circle
        else:  # only the ring's bands: each a plain copy of its piece of the background
            dpr = self._cache_dpr
            for r in region:
                source = QRect(
                    round(r.x() * dpr), round(r.y() * dpr), round(r.width() * dpr),
                    round(r.height() * dpr),
                )  # fmt: skip
                p.drawPixmap(r, self._background, source)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # the ring as a disc of its colour under the fill's disc: two fills cost less than
        # an antialiased stroke (a third of the time at full screen), and look the same
        r, half = self._radius, self._stroke / 2
        p.setPen(self._no_pen)
        p.setBrush(self._ring_brush)
        p.drawEllipse(self._center, r + half, r + half)
        p.setBrush(self._fill)  # opaque: never blended on Qt's thread pool
        p.drawEllipse(self._center, r - half, r - half)
        if self._count_pix is not None and region.intersects(self._count_pix.rect):
            p.drawPixmap(self._count_pix.origin, self._count_pix.pixmap)
        if self._word_pix is not None and region.intersects(self._word_pix.rect):
            p.drawPixmap(self._word_pix.origin, self._word_pix.pixmap)

    # ---- the paint cache (rebuilt on resize, theme or mode change only) ----

    def _radius_for(self, size: float) -> float:
        if self._reduced:
            return self._max_r
        return self._min_r + (self._max_r - self._min_r) * size

    def _shape_rect_for(self, radius: float) -> QRect:
        return QRect(*shape_bounds(self._center.x(), self._center.y(), radius, self._stroke))

    def _reduced_fill(self, size: float) -> QColor:
        lo, hi = REDUCED_LEVEL
        return QColor(*blend_rgb(self._fill_rgb, self._window_rgb, lo + (hi - lo) * size))

    def _rebuild_paint_cache(self) -> None:
        t = self.theme()
        self._cache_w, self._cache_h = self.width(), self.height()
        self._cache_dpr = dpr = self.devicePixelRatioF()
        self._dirty_all = False
        g = pacer_geometry(self._cache_w, self._cache_h, self._size, self._reduced)
        self._center = QPointF(g.center_x, g.center_y)
        self._min_r, self._max_r = g.min_radius, g.max_radius
        self._radius = g.radius
        self._no_pen = QPen(Qt.PenStyle.NoPen)
        self._no_brush = QBrush(Qt.BrushStyle.NoBrush)
        self._text_color = QColor(t.text)
        window = QColor(t.window)
        self._window_rgb = (window.red(), window.green(), window.blue())
        self._stroke = stroke = max(2.0, g.max_radius * 0.035)
        self._ring_pens = {
            "breath": QPen(QColor(t.accent), stroke),
            "hold": QPen(QColor(t.hold), stroke),
        }
        # the fill, pre-blended with the window colour into one opaque colour per phase
        self._fill_rgbs = {}
        self._fills = {}
        for key, name in (("breath", t.accent), ("hold", t.hold)):
            c = QColor(name)
            self._fill_rgbs[key] = (c.red(), c.green(), c.blue())
            self._fills[key] = QColor(
                *blend_rgb(self._fill_rgbs[key], self._window_rgb, FILL_ALPHA)
            )
        self._choose_phase_pens()
        self._shape_rect = self._shape_rect_for(self._radius)
        self._full_shape_rect = self._shape_rect_for(self._max_r)
        count_font = QFont(self.font())
        count_font.setBold(True)
        count_font.setPixelSize(max(8, round(g.count_px)))
        self._count_font = count_font
        side = g.max_radius * 2
        self._count_rect = QRectF(g.center_x - side / 2, g.center_y - side / 2, side, side)
        margin = self.width() * 0.04
        self._word_rect = QRectF(margin, g.word_top, self.width() - 2 * margin, g.word_height)
        self._word_base_px = max(8.0, g.word_px)
        self._word_fits.clear()
        self._count_pix: _TextPixmap | None = None
        self._word_pix: _TextPixmap | None = None
        self._fit_word_font()
        self._render_count()
        self._render_background(t, g, dpr)

    def _render_background(self, t: Theme, g: PacerGeometry, dpr: float) -> None:
        """The static part, drawn once: the window colour and (full motion) the guide circle."""
        self._origin = QPointF(0, 0)
        pixmap = QPixmap(
            max(1, math.ceil(self._cache_w * dpr)), max(1, math.ceil(self._cache_h * dpr))
        )
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(QColor(t.window))  # opaque: a plain copy when painted
        if not self._reduced and g.max_radius > 0:
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            guide = QPen(QColor(t.muted), max(1.5, self._stroke / 2), Qt.PenStyle.DashLine)
            p.setPen(guide)
            p.setBrush(self._no_brush)
            p.drawEllipse(self._center, g.max_radius, g.max_radius)
            p.end()
        self._background = pixmap

    def _choose_phase_pens(self) -> None:
        key = "hold" if self._phase in HOLD_PHASES else "breath"
        self._ring_pen = self._ring_pens[key]
        self._ring_brush = QBrush(self._ring_pen.color())
        self._fill_rgb = self._fill_rgbs[key]
        if self._reduced:
            self._fill_color = self._reduced_fill(self._size)
        else:
            self._fill_color = self._fills[key]
        self._fill = QBrush(self._fill_color)

    def _render_count(self) -> None:
        if not self._count_text:
            self._count_pix = None
            return
        self._count_pix = _text_pixmap(
            self._count_text, self._count_font, self._text_color, self._count_rect, self._cache_dpr
        )

    def _fit_word_font(self) -> None:
        """The phase word's font: sized from the height, shrunk to fit the width; and its pixmap."""
        px = self._word_fits.get(self._word)
        if px is None:
            px = self._word_base_px
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(max(8, round(px)))
            avail = self._word_rect.width()
            if self._word and avail > 0:
                width = QFontMetricsF(font).horizontalAdvance(self._word)
                if width > avail:
                    px = max(8.0, px * avail / width)
            self._word_fits[self._word] = px
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(8, round(px)))
        self._word_font = font
        self._word_pix = (
            _text_pixmap(self._word, font, self._text_color, self._word_rect, self._cache_dpr)
            if self._word
            else None
        )
