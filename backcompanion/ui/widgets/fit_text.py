"""One line of text as large as its widget's height allows, shrunk to fit its width.

The full-screen session view is built of these: every text there is sized from
the screen's height, never from points.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backcompanion.ui.theme import Themed

__all__ = ["FitText"]


class FitText(Themed, QWidget):
    """One line of text as large as the widget's height allows, shrunk to fit its width.

    The font's pixel size comes from the height (a line of it fills the height),
    then shrinks until the text fits the width; only a text that would need
    fewer than 8 pixels is elided. Fitted lazily (a hidden widget gets no resize
    event) and cached by size and text. ``boxed`` draws a thick rounded outline
    in the hold colour round the text (the switch-sides notice: by shape too).
    """

    ROLES = ("text", "muted", "hold", "release", "accent")

    def __init__(
        self,
        name: str,
        *,
        bold: bool = True,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName(name)
        self._text = ""
        self._bold = bold
        self._align = align | Qt.AlignmentFlag.AlignVCenter
        self._role = "text"
        self._boxed = False
        self._fit_key: tuple | None = None
        self._font = QFont()
        self._shown = ""
        self._text_rect = QRectF()
        self.setMinimumSize(1, 1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    # ---- API ----

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleName(text)
            self.update()

    def role(self) -> str:
        return self._role

    def set_role(self, role: str) -> None:
        if role not in self.ROLES:
            raise ValueError(f"a text role is one of {', '.join(self.ROLES)}, not {role!r}")
        if role != self._role:
            self._role = role
            self.update()

    def is_boxed(self) -> bool:
        return self._boxed

    def set_boxed(self, boxed: bool) -> None:
        if bool(boxed) != self._boxed:
            self._boxed = bool(boxed)
            self.update()

    def fitted_font(self) -> QFont:
        """The font the text is drawn in at the current size."""
        self._fit()
        return QFont(self._font)

    def shown_text(self) -> str:
        """The text as drawn: the whole text unless even 8 pixels would not fit."""
        self._fit()
        return self._shown

    def text_rect(self) -> QRectF:
        """Where the text's line is drawn (inside the outline when boxed)."""
        self._fit()
        return QRectF(self._text_rect)

    # ---- QWidget ----

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_key = None

    def paintEvent(self, event: QPaintEvent) -> None:
        self._fit()
        if not self._shown and not self._boxed:
            return
        t = self.painted_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._boxed and self._shown:
            line = self._line_width()
            half = line / 2
            width = QFontMetricsF(self._font).horizontalAdvance(self._shown)
            pad = self._pad()
            box_w = min(self.width() - line, width + 2 * pad)
            if self._align & Qt.AlignmentFlag.AlignHCenter:
                left = (self.width() - box_w) / 2
            elif self._align & Qt.AlignmentFlag.AlignRight:
                left = self.width() - box_w - half
            else:
                left = half
            box = QRectF(left, half, box_w, self.height() - line)
            p.setPen(QPen(QColor(t.hold), line))
            p.setBrush(QColor(t.card))
            radius = self.height() * 0.22
            p.drawRoundedRect(box, radius, radius)
        p.setPen(QColor(getattr(t, self._role)))
        p.setFont(self._font)
        p.drawText(self._text_rect, self._align, self._shown)

    # ---- internals ----

    def _line_width(self) -> float:
        return max(3.0, self.height() * 0.06)

    def _pad(self) -> float:
        return self.height() * 0.3

    def _fit(self) -> None:
        key = (self.width(), self.height(), self._text, self._boxed, self._bold)
        if key == self._fit_key:
            return
        self._fit_key = key
        rect = QRectF(self.rect())
        if self._boxed:
            line = self._line_width()
            inset = line + self._pad()
            rect = rect.adjusted(inset, line * 1.6, -inset, -line * 1.6)
        self._text_rect = rect
        font = QFont(self.font())
        font.setBold(self._bold)
        font.setPixelSize(100)
        per_px = QFontMetricsF(font).height() / 100  # a line's height per pixel of size
        px = max(1, math.floor(rect.height() / per_px))
        font.setPixelSize(px)
        text = self._text
        if text and rect.width() > 0:
            width = QFontMetricsF(font).horizontalAdvance(text)
            while width > rect.width() and px > 8:
                px = max(8, min(px - 1, math.floor(px * rect.width() / width)))
                font.setPixelSize(px)
                width = QFontMetricsF(font).horizontalAdvance(text)
            if width > rect.width():
                text = QFontMetricsF(font).elidedText(
                    text, Qt.TextElideMode.ElideRight, rect.width()
                )
        self._font = font
        self._shown = text
