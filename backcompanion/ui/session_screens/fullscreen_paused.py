"""The full-screen view's cover while paused: a large "Paused - press Space" over the view."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from backcompanion.session.engine import PauseReason
from backcompanion.ui.session_screens.fullscreen_layout import Layout, Rect
from backcompanion.ui.theme import Themed
from backcompanion.ui.widgets.controls import pause_reason_text
from backcompanion.ui.widgets.fit_text import FitText

__all__ = ["PausedCover"]


class PausedCover(Themed, QWidget):
    """Over the whole view while paused: the view dimmed, two bars and "Paused - press Space"."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("fsPaused")
        self.title = FitText("fsPausedTitle", align=Qt.AlignmentFlag.AlignHCenter, parent=self)
        self.title.set_text(self.tr("Paused - press Space"))
        self.reason = FitText(
            "fsPausedReason", bold=False, align=Qt.AlignmentFlag.AlignHCenter, parent=self
        )
        self.reason.set_role("muted")
        self.setAccessibleName(self.tr("Paused"))
        self.hide()

    def set_reason(self, reason: PauseReason | None) -> None:
        text = pause_reason_text(reason, "PausedCover")
        self.reason.set_text(text)
        self.setAccessibleDescription(" ".join(x for x in (self.title.text(), text) if x))

    def _on_theme_change(self) -> None:
        self.title.set_theme(self._theme)
        self.reason.set_theme(self._theme)
        self.update()

    def place(self, layout: Layout) -> None:
        """Over the whole view; the line in the message's place, the reason under it."""
        self.setGeometry(0, 0, layout.width, layout.height)
        msg = layout.message
        icon, gap = self._icon_metrics(msg.h)
        # the text is centred in what is right of the icon's room, so that the icon and
        # the text together are centred on the screen
        self.title.setGeometry(Rect(msg.x + icon + gap, msg.y, msg.w - icon - gap, msg.h).qrect())
        self.reason.setGeometry(layout.detail.qrect())

    @staticmethod
    def _icon_metrics(line_h: int) -> tuple[int, int]:
        return round(line_h * 0.7), round(line_h * 0.25)

    def icon_rect(self) -> QRectF:
        """The two bars: just left of the line's text (read when painting: the font is final)."""
        title = self.title.geometry()
        icon, gap = self._icon_metrics(title.height())
        text_w = self._text_width(self.title)
        left = title.left() + (title.width() - text_w) / 2 - gap - icon
        return QRectF(left, title.top() + (title.height() - icon) / 2, icon, icon)

    def card_rect(self) -> QRectF:
        """The card behind the line and the reason: round both, with a margin."""
        title, reason = self.title.geometry(), self.reason.geometry()
        icon = self.icon_rect()
        pad = title.height() * 0.35
        left = icon.left()
        right = title.left() + (title.width() + self._text_width(self.title)) / 2
        if self.reason.shown_text():
            width = self._text_width(self.reason)
            centre = reason.left() + reason.width() / 2
            left, right = min(left, centre - width / 2), max(right, centre + width / 2)
            bottom = float(reason.top() + reason.height())
        else:
            bottom = float(title.top() + title.height())
        card = QRectF(left - pad, title.top() - pad / 2, right - left + 2 * pad, 0)
        card.setBottom(bottom + pad / 2)
        return card.intersected(QRectF(self.rect()))

    @staticmethod
    def _text_width(text: FitText) -> float:
        shown = text.shown_text()
        width = QFontMetricsF(text.fitted_font()).horizontalAdvance(shown) if shown else 0.0
        return min(width, float(text.width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self.painted_theme()
        p = QPainter(self)
        p.setOpacity(0.9)
        p.fillRect(self.rect(), QColor(t.window))
        p.setOpacity(1.0)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = self.card_rect()
        line = max(2.0, self.height() * 0.004)
        half = line / 2
        p.setPen(QPen(QColor(t.border), line))
        p.setBrush(QColor(t.card))
        radius = self.title.height() * 0.25
        p.drawRoundedRect(card.adjusted(half, half, -half, -half), radius, radius)
        # "paused" by shape too: two upright bars
        icon = self.icon_rect()
        bar = icon.width() * 0.32
        r = bar * 0.25
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.text))
        p.drawRoundedRect(
            QRectF(icon.left() + icon.width() * 0.06, icon.top(), bar, icon.height()), r, r
        )
        p.drawRoundedRect(
            QRectF(icon.right() - icon.width() * 0.06 - bar, icon.top(), bar, icon.height()), r, r
        )
