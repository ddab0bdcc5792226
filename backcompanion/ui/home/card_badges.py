"""The small drawn pieces of an exercise card: the "Now" and "Locked" badges, the panel
that says why strengthening is locked, and the padlock and "playing" shapes.

Also the unit every size of the carousel is measured in: :func:`em_of`, the height of
a line of a widget's text, so that everything grows with the font.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from backcompanion.ui.theme import Themed, set_role

__all__ = ["Badge", "LockPanel", "bold_of", "draw_padlock", "draw_play", "em_of"]


def em_of(widget: QWidget) -> float:
    """The height of a line of the widget's text (logical pixels): the unit of every size here."""
    return QFontMetricsF(widget.font()).height()


def bold_of(font: QFont) -> QFont:
    """``font`` in bold (a copy)."""
    bold = QFont(font)
    bold.setBold(True)
    return bold


def draw_padlock(p: QPainter, box: QRectF, color: QColor, line: float) -> None:
    """A padlock (shackle and body) inside ``box``: the lock shown by shape, not by colour."""
    w, h = box.width(), box.height()
    body = QRectF(box.left() + w * 0.12, box.top() + h * 0.45, w * 0.76, h * 0.55)
    pen = QPen(color, line)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QPainterPath(QPointF(body.left() + w * 0.14, body.top()))
    shackle.lineTo(body.left() + w * 0.14, box.top() + h * 0.3)
    shackle.arcTo(
        QRectF(body.left() + w * 0.14, box.top() + line / 2, body.width() - w * 0.28, h * 0.5),
        180,
        -180,
    )
    shackle.lineTo(body.right() - w * 0.14, body.top())
    p.drawPath(shackle)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawRoundedRect(body, w * 0.1, w * 0.1)


def draw_play(p: QPainter, box: QRectF, color: QColor) -> None:
    """A "now playing" triangle inside ``box``."""
    path = QPainterPath(QPointF(box.left() + box.width() * 0.15, box.top()))
    path.lineTo(box.right(), box.center().y())
    path.lineTo(box.left() + box.width() * 0.15, box.bottom())
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawPath(path)


class Badge(Themed, QWidget):
    """A pill with an icon shape and a word: "Now" (filled, accent) or "Locked" (outlined)."""

    NOW = "now"
    LOCKED = "locked"

    def __init__(self, kind: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._kind = kind
        self._text = text
        self._font = QFont()
        self.setAccessibleName(text)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._metrics()

    def text(self) -> str:
        return self._text

    def kind(self) -> str:
        return self._kind

    def _metrics(self) -> None:
        self._font = bold_of(self.font())
        fm = QFontMetricsF(self._font)
        self._h = fm.height() * 1.5
        self._icon = fm.height() * 0.8
        self._pad = fm.height() * 0.5
        self._gap = fm.height() * 0.3
        self._w = self._pad * 2 + self._icon + self._gap + fm.horizontalAdvance(self._text)
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._metrics()

    def sizeHint(self) -> QSize:
        return QSize(round(self._w) + 1, round(self._h) + 1)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self.painted_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = max(2.0, self._h / 16)
        pill = QRectF(self.rect()).adjusted(line / 2, line / 2, -line / 2, -line / 2)
        icon = QRectF(
            pill.left() + self._pad, pill.center().y() - self._icon / 2, self._icon, self._icon
        )
        if self._kind == self.NOW:
            fg = QColor(t.on_accent)
            p.setPen(QPen(QColor(t.accent), line))
            p.setBrush(QColor(t.accent))
            p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            draw_play(p, icon.adjusted(icon.width() * 0.1, 0, -icon.width() * 0.1, 0), fg)
        else:
            fg = QColor(t.text)
            p.setPen(QPen(fg, line))
            p.setBrush(QColor(t.window))
            p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            draw_padlock(p, icon, fg, max(2.0, icon.width() / 7))
        p.setPen(fg)
        p.setFont(self._font)
        text = QRectF(icon.right() + self._gap, pill.top(), pill.width(), pill.height())
        p.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._text)


class LockPanel(Themed, QWidget):
    """Why a strengthening card is locked: "Unlocks when:" and one short line per reason."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._reasons: tuple[str, ...] = ()
        self.heading = QLabel(self.tr("Unlocks when:"))
        self.heading.setObjectName("unlocksWhen")
        set_role(self.heading, "strong")
        self._rows = QGridLayout()
        self._rows.setColumnStretch(1, 1)
        self._row_labels: list[QLabel] = []
        self._large = ""
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self._rows)
        self._metrics()

    def reasons(self) -> tuple[str, ...]:
        return self._reasons

    def reason_labels(self) -> list[QLabel]:
        return [lbl for lbl in self._row_labels if lbl.objectName() == "reason"]

    def set_reasons(self, reasons: tuple[str, ...]) -> None:
        if reasons == self._reasons:
            return
        self._reasons = reasons
        for label in self._row_labels:
            self._rows.removeWidget(label)
            label.setParent(None)
            label.deleteLater()
        self._row_labels = []
        for row, reason in enumerate(reasons):
            bullet = QLabel("•")
            text = QLabel(reason)
            text.setObjectName("reason")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            bullet.setStyleSheet(self._large)
            text.setStyleSheet(self._large)
            self._rows.addWidget(bullet, row, 0, Qt.AlignmentFlag.AlignTop)
            self._rows.addWidget(text, row, 1)
            self._row_labels += [bullet, text]
            bullet.show()  # at once, not on the next turn of the event loop
            text.show()
        self.setAccessibleDescription("\n".join(reasons))

    def set_text_style(self, style: str) -> None:
        """A style sheet for the reason lines (the card makes them larger when there is room)."""
        if style != self._large:
            self._large = style
            for label in (self.heading, *self._row_labels):
                label.setStyleSheet(style)

    def _metrics(self) -> None:
        em = em_of(self)
        pad = round(em * 0.45)
        layout = self.layout()
        layout.setContentsMargins(round(em * 0.6), pad, round(em * 0.6), pad)
        layout.setSpacing(round(em * 0.1))
        self._rows.setHorizontalSpacing(round(em * 0.35))
        self._rows.setVerticalSpacing(round(em * 0.1))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._metrics()

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self.painted_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = max(2.0, em_of(self) / 14)
        box = QRectF(self.rect()).adjusted(line / 2, line / 2, -line / 2, -line / 2)
        pen = QPen(QColor(t.border), line)
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(QColor(t.window))
        radius = em_of(self) * 0.3
        p.drawRoundedRect(box, radius, radius)
