"""The 90/90 breathing pacer: a shape that fills with the breath, a phase word and a count.

The widget owns no timer and no time. A driver (the session bridge) calls
:meth:`PacerWidget.set_state` once per frame with the values computed by the
session's breathing module; the widget stores them and asks for a repaint of
its own rectangle. All arithmetic lives in :func:`pacer_geometry` (pure, tested
without painting); pens, brushes, fonts and rectangles are rebuilt only on
resize, theme change or a new phase word, so ``paintEvent`` only draws.

Reduced motion (a setting; the default follows the platform): no growing
shape, but a calm ring of fixed size whose fill grows stronger and fainter
with the breath, plus the same words.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from backcompanion.ui.theme import Theme, current_theme

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
    "pacer_geometry",
    "phase_words",
    "system_prefers_reduced_motion",
]

SHAPE_SHARE = 0.7  # the top 70 % of the height holds the shape, the rest the phase word
MARGIN_SHARE = 0.04  # free space around the full shape, of the shape area's shorter side
MIN_SHARE = 0.35  # empty lungs: the radius is 35 % of the full radius
WORD_SHARE = 0.5  # the phase word's pixel size, of the word band's height
COUNT_SHARE = 0.6  # the count's pixel size, of the full radius
FILL_ALPHA = 0.3  # the fill's opacity in full motion
REDUCED_LEVEL = (0.05, 0.45)  # reduced motion: the fill's opacity at empty and full lungs
HOLD_PHASES = frozenset({"hold", "hold_in", "hold_out"})


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


def phase_words() -> dict[str, str]:
    """The translated phase words, by phase name."""
    tr = QCoreApplication.translate
    return {
        "inhale": tr("PacerWidget", "Breathe in"),
        "hold_in": tr("PacerWidget", "Hold"),
        "exhale": tr("PacerWidget", "Breathe out"),
        "hold_out": tr("PacerWidget", "Hold"),
        "hold": tr("PacerWidget", "Hold"),
    }


def system_prefers_reduced_motion() -> bool:
    """The platform's motion preference (False when it does not say)."""
    if QGuiApplication.instance() is None:
        return False
    hints = QGuiApplication.styleHints()  # keep the wrapper alive while asking it
    try:
        # Qt 6.12 added motionPreference; before it, the platform cannot tell us
        preference = hints.accessibility().motionPreference()
    except (RuntimeError, AttributeError):
        return False
    return preference == Qt.MotionPreference.ReducedMotion


class PacerWidget(QWidget):
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
        """Store one frame: breath ``size`` 0..1, the phase word, the count (or None), the phase."""
        if self.width() != self._cache_w or self.height() != self._cache_h:
            self._rebuild_paint_cache()  # resized while hidden: no resize event yet
        self._size = min(1.0, max(0.0, float(size)))
        self._radius = self._radius_for(self._size)
        if self._reduced:
            lo, hi = REDUCED_LEVEL
            self._fill_opacity = lo + (hi - lo) * self._size
        if phase_word != self._word:
            self._word = phase_word
            self._fit_word_font()
            self.setAccessibleDescription(phase_word)
        if count != self._count:
            self._count = count
            if count is None:
                self._count_text = ""
            elif 0 <= count < len(self._counts):
                self._count_text = self._counts[count]
            else:
                self._count_text = str(count)
        if phase != self._phase:
            self._phase = phase
            self._choose_phase_pens()
        self.update()

    def set_reduced_motion(self, reduced: bool) -> None:
        if bool(reduced) != self._reduced:
            self._reduced = bool(reduced)
            self._rebuild_paint_cache()
            self.update()

    def set_theme(self, theme: Theme | None) -> None:
        if theme != self._theme:
            self._theme = theme
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
        return self._theme or current_theme()

    def pacer_geometry(self) -> PacerGeometry:
        return pacer_geometry(self.width(), self.height(), self._size, self._reduced)

    def word_font(self) -> QFont:
        return QFont(self._word_font)

    def count_font(self) -> QFont:
        return QFont(self._count_font)

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

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self._bg_rect, self._background)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self._radius
        if not self._reduced:
            p.setPen(self._guide_pen)
            p.setBrush(self._no_brush)
            p.drawEllipse(self._center, self._max_r, self._max_r)
        p.setPen(self._no_pen)
        p.setBrush(self._fill)
        p.setOpacity(self._fill_opacity)
        p.drawEllipse(self._center, r, r)
        p.setOpacity(1.0)
        p.setPen(self._ring_pen)
        p.setBrush(self._no_brush)
        p.drawEllipse(self._center, r, r)
        p.setPen(self._text_pen)
        if self._count_text:
            p.setFont(self._count_font)
            p.drawText(self._count_rect, self._align, self._count_text)
        if self._word:
            p.setFont(self._word_font)
            p.drawText(self._word_rect, self._align, self._word)

    # ---- the paint cache (rebuilt on resize, theme or mode change only) ----

    def _radius_for(self, size: float) -> float:
        if self._reduced:
            return self._max_r
        return self._min_r + (self._max_r - self._min_r) * size

    def _rebuild_paint_cache(self) -> None:
        t = self.theme()
        self._cache_w, self._cache_h = self.width(), self.height()
        g = pacer_geometry(self._cache_w, self._cache_h, self._size, self._reduced)
        self._center = QPointF(g.center_x, g.center_y)
        self._min_r, self._max_r = g.min_radius, g.max_radius
        self._radius = g.radius
        self._fill_opacity = g.fill_opacity
        self._align = Qt.AlignmentFlag.AlignCenter
        self._no_pen = QPen(Qt.PenStyle.NoPen)
        self._no_brush = QBrush(Qt.BrushStyle.NoBrush)
        self._text_pen = QPen(QColor(t.text))
        stroke = max(2.0, g.max_radius * 0.035)
        self._ring_pens = {
            "breath": QPen(QColor(t.accent), stroke),
            "hold": QPen(QColor(t.hold), stroke),
        }
        self._fills = {"breath": QBrush(QColor(t.accent)), "hold": QBrush(QColor(t.hold))}
        guide = QColor(t.muted)
        self._guide_pen = QPen(guide, max(1.5, stroke / 2), Qt.PenStyle.DashLine)
        self._choose_phase_pens()
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
        self._fit_word_font()
        self._background = QBrush(QColor(t.window))
        self._bg_rect = QRectF(0, 0, self.width(), self.height())

    def _choose_phase_pens(self) -> None:
        key = "hold" if self._phase in HOLD_PHASES else "breath"
        self._ring_pen = self._ring_pens[key]
        self._fill = self._fills[key]

    def _fit_word_font(self) -> None:
        """The phase word's font: sized from the height, shrunk to fit the width."""
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
