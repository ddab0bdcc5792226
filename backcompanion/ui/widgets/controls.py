"""Small parts of the session pages: key buttons, the progress line, the pause overlay.

Also the switch-sides notice frame and the picture box, and the few helpers they
and the pages size and fill themselves with. Sizes come from font metrics; colours
from :mod:`backcompanion.ui.theme`. The page bases are in
:mod:`backcompanion.ui.session_screens.page_base`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from backcompanion.i18n import QT_TRANSLATE_NOOP, translate
from backcompanion.session.engine import PauseReason
from backcompanion.ui.theme import Themed, set_role

__all__ = [
    "KeyButton",
    "NoticeFrame",
    "PauseIcon",
    "PausedOverlay",
    "PictureBox",
    "ProgressLine",
    "em",
    "pause_reason_text",
    "set_text",
]


def em(widget: QWidget) -> float:
    """The height of a line of the widget's text (logical pixels): the unit of sizes here."""
    return QFontMetricsF(widget.font()).height()


def set_text(label: QLabel, text: str) -> None:
    """Set a label's text only when it changed (the pages are told the same thing every second)."""
    if label.text() != text:
        label.setText(text)


# Why a session is paused. Both pause covers show these words, PausedOverlay on the
# pages and PausedCover in full screen, each under its own context in the catalog;
# lupdate reads only literal contexts, hence one table per cover.
_PAUSE_REASONS: dict[str, dict[PauseReason, str]] = {
    "PausedOverlay": {
        PauseReason.SUSPEND: QT_TRANSLATE_NOOP(
            "PausedOverlay", "Paused while the computer was asleep"
        ),
        PauseReason.RESTORED: QT_TRANSLATE_NOOP(
            "PausedOverlay", "Your last session was interrupted: it picks up where you left off"
        ),
    },
    "PausedCover": {
        PauseReason.SUSPEND: QT_TRANSLATE_NOOP(
            "PausedCover", "Paused while the computer was asleep"
        ),
        PauseReason.RESTORED: QT_TRANSLATE_NOOP(
            "PausedCover", "Your last session was interrupted: it picks up where you left off"
        ),
    },
}


def pause_reason_text(reason: PauseReason | None, context: str) -> str:
    """Why the session is paused, in the person's language ("" when paused by hand);
    ``context`` is the cover's: "PausedOverlay" or "PausedCover"."""
    text = _PAUSE_REASONS[context].get(reason) if reason is not None else None
    return translate(context, text) if text else ""


class KeyButton(Themed, QPushButton):
    """A large button that also shows its keyboard key in a small key cap on its left.

    The cap needs room: the button asks for it in :meth:`sizeHint`, but may shrink to
    a plain button (:meth:`minimumSizeHint`) on a narrow window, and then leaves the
    cap out (the key stays in the tooltip and the accessible name).
    """

    def __init__(self, text: str, key_hint: str = "", parent: QWidget | None = None):
        self._key = key_hint
        self._sheet = ""
        super().__init__(text, parent)
        self.setAutoDefault(False)
        # Tab reaches it; a click leaves no focus behind that Space or Enter would press again
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # may shrink to the minimum
        self.setSizePolicy(policy)
        self._sheet = ""
        self._held = False
        self._metrics()

    def set_held(self, held: bool) -> None:
        """Mark the key as received but held back (the session had just moved on by
        itself): the whole button is outlined and its key cap filled, until unmarked."""
        if held == self._held:
            return
        self._held = held
        self.setAccessibleDescription(
            self.tr("Key received just as the session moved on: press it again") if held else ""
        )
        self.update()

    def is_held(self) -> bool:
        return self._held

    def setText(self, text: str) -> None:
        super().setText(text)
        self._metrics()

    def key_hint(self) -> str:
        return self._key

    def set_key_hint(self, key_hint: str) -> None:
        if key_hint != self._key:
            self._key = key_hint
            self._metrics()
            self.updateGeometry()
            self.update()

    def cap_shown(self) -> bool:
        """True when the key cap is drawn (there is a key and room for it)."""
        return bool(self._key) and self.width() >= self.sizeHint().width()

    def _metrics(self) -> None:
        line = em(self)
        font = QFont(self.font())
        font.setBold(False)
        font.setUnderline(False)
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(max(6.0, size * 0.72))
        else:
            font.setPixelSize(max(8, round(line * 0.55)))
        self._cap_font = font
        fm = QFontMetricsF(font)
        self._cap_h = fm.height() * 1.3
        self._cap_w = max(self._cap_h, fm.horizontalAdvance(self._key) + fm.height() * 0.8)
        self._cap_left = line * 0.45
        self._shift = round(self._cap_w + line * 0.1) if self._key else 0
        # The style sheet's min-width becomes the button's minimum size: make it the text's
        # width (not the app's wide default) so that a row of these fits a narrow window.
        bold = QFont(self.font())
        bold.setBold(True)
        text_w = math.ceil(QFontMetricsF(bold).horizontalAdvance(self.text()))
        pad = round(line * 0.7)
        sheet = f"min-width: {text_w}px; padding-left: {pad}px; padding-right: {pad}px;"
        if sheet != self._sheet:  # guarded: setting a sheet sends another StyleChange
            self._sheet = sheet
            self.setStyleSheet(sheet)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self._shift, hint.height())

    def minimumSizeHint(self) -> QSize:
        return super().sizeHint()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._metrics()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint_button(event)
        if self._held:
            self._paint_held()

    def _paint_held(self) -> None:
        t = self.painted_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(3.0, em(self) * 0.18)
        p.setPen(QPen(QColor(t.hold), width))
        p.setBrush(Qt.BrushStyle.NoBrush)
        r = min(self.height() / 4, em(self) * 0.5)
        inset = width / 2
        p.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), r, r)
        if self.cap_shown():
            box = self._cap_box()
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(t.hold))
            p.drawRoundedRect(box, self._cap_h * 0.22, self._cap_h * 0.22)
            p.setPen(QColor(t.window))
            p.setFont(self._cap_font)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, self._key)
        p.end()

    def _cap_box(self) -> QRectF:
        return QRectF(self._cap_left, (self.height() - self._cap_h) / 2, self._cap_w, self._cap_h)

    def _paint_button(self, event: QPaintEvent) -> None:
        if not self.cap_shown():
            super().paintEvent(event)
            return
        option = QStyleOptionButton()
        self.initStyleOption(option)
        p = QStylePainter(self)
        p.drawControl(QStyle.ControlElement.CE_PushButtonBevel, option)
        label = QStyleOptionButton(option)
        label.rect = option.rect.adjusted(self._shift, 0, 0, 0)
        p.drawControl(QStyle.ControlElement.CE_PushButtonLabel, label)
        t = self.painted_theme()
        if not self.isEnabled():
            colour = t.muted
        elif self.property("role") == "primary":
            colour = t.on_accent
        else:
            colour = t.text
        box = self._cap_box()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(colour), max(1.5, self._cap_h / 14)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        r = self._cap_h * 0.22
        p.drawRoundedRect(box, r, r)
        p.setFont(self._cap_font)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, self._key)
        p.end()


class ProgressLine(Themed, QWidget):
    """A thin bar for the whole session: how much of the planned time is behind us."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._value = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Session progress"))
        self._percent = -1
        self.set_value(0.0)

    def value(self) -> float:
        return self._value

    def set_value(self, value: float) -> None:
        value = min(1.0, max(0.0, float(value)))
        percent = round(value * 100)
        if percent != self._percent:
            self._percent = percent
            self.setAccessibleDescription(self.tr("%1 % done").replace("%1", str(percent)))
        if value != self._value:
            self._value = value
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, max(6, round(em(self) * 0.35)))

    def minimumSizeHint(self) -> QSize:
        return QSize(20, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self.painted_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        h = self.height()
        r = h / 2
        p.setBrush(QColor(t.border))
        p.setOpacity(0.35)
        p.drawRoundedRect(QRectF(0, 0, self.width(), h), r, r)
        p.setOpacity(1.0)
        if self._value > 0:
            p.setBrush(QColor(t.accent))
            p.drawRoundedRect(QRectF(0, 0, max(h, self.width() * self._value), h), r, r)


class PauseIcon(Themed, QWidget):
    """Two upright bars: "paused" by shape, not by colour or words alone."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        side = round(em(self) * 2.2)
        return QSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self.painted_theme()
        w, h = self.width(), self.height()
        bar = w * 0.28
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(t.text))
        r = bar * 0.25
        p.drawRoundedRect(QRectF(w * 0.14, h * 0.1, bar, h * 0.8), r, r)
        p.drawRoundedRect(QRectF(w - w * 0.14 - bar, h * 0.1, bar, h * 0.8), r, r)


class PausedOverlay(Themed, QWidget):
    """Covers its parent with the window colour, dimmed, and a card: "Paused", why, what next."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.card = QFrame(self)
        set_role(self.card, "card")
        self.icon = PauseIcon()
        self.title = QLabel(self.tr("Paused"))
        set_role(self.title, "heading")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        set_role(self.reason, "subtitle")
        self.hint = QLabel(self.tr("Press Space to continue"))
        self.hint.setWordWrap(True)
        set_role(self.hint, "subtitle")
        for label in (self.title, self.reason, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.icon)
        top.addWidget(self.title)
        top.addStretch(1)
        self._inner = QVBoxLayout(self.card)
        line = round(em(self))
        self._inner.setContentsMargins(line * 2, line, line * 2, line)
        self._inner.setSpacing(round(line * 0.5))
        self._inner.addLayout(top)
        self._inner.addWidget(self.reason)
        self._inner.addWidget(self.hint)
        self.reason.hide()
        self.setAccessibleName(self.tr("Paused"))
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def set_reason(self, reason: PauseReason | None) -> None:
        text = pause_reason_text(reason, "PausedOverlay")
        set_text(self.reason, text)
        self.reason.setVisible(bool(text))
        self._place_card()
        self.setAccessibleDescription(" ".join(x for x in (text, self.hint.text()) if x))

    def _on_theme_change(self) -> None:
        self.icon.set_theme(self._theme)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_card()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._place_card()

    def _place_card(self) -> None:
        """The card: centred, at most 30 lines wide, as high as its wrapped text needs."""
        line = em(self)
        w = max(1, min(round(self.width() - 2 * line), round(line * 30)))
        self._inner.activate()
        h = self._inner.totalHeightForWidth(w) if self._inner.hasHeightForWidth() else -1
        if h < 0:
            h = self._inner.totalSizeHint().height()
        h = min(h, self.height())
        self.card.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self.painted_theme()
        p = QPainter(self)
        p.setOpacity(0.86)
        p.fillRect(self.rect(), QColor(t.window))


class NoticeFrame(Themed, QWidget):
    """Holds one widget; when on, draws a thick rounded outline round it (the switch-sides
    notice). The height is the same on and off, so nothing below moves."""

    def __init__(self, child: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self._on = False
        self.child = child
        layout = QHBoxLayout(self)
        layout.addWidget(child)
        self._layout = layout
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self._metrics()

    def is_on(self) -> bool:
        return self._on

    def set_on(self, on: bool) -> None:
        if on != self._on:
            self._on = on
            self._apply_margins()
            self.update()

    def _metrics(self) -> None:
        line = em(self)
        self._line = max(3.0, line / 8)
        self._radius = line * 0.45
        self._pad_v = round(line * 0.15 + self._line)
        self._pad_h = round(line * 0.5 + self._line)
        self._apply_margins()

    def _apply_margins(self) -> None:
        # the height stays (nothing below moves); off, the text lines up with the name above
        h = self._pad_h if self._on else 0
        self._layout.setContentsMargins(h, self._pad_v, h, self._pad_v)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._metrics()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._on:
            return
        t = self.painted_theme()
        half = self._line / 2
        box = QRectF(self.rect()).adjusted(half, half, -half, -half)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(t.hold), self._line))
        p.setBrush(QColor(t.card))
        p.drawRoundedRect(box, self._radius, self._radius)


class PictureBox(QWidget):
    """Holds a picture (the exercise figure) without passing on its height-for-width, so the
    picture takes whatever room the texts leave instead of squeezing them."""

    def __init__(self, view: QWidget, parent: QWidget | None = None, *, lines: float = 9.0):
        super().__init__(parent)
        self.view = view
        self._lines = lines
        view.setParent(self)
        view.setMinimumSize(1, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        line = em(self)
        return QSize(round(line * self._lines * 4 / 3), round(line * self._lines))

    def minimumSizeHint(self) -> QSize:
        line = em(self)
        return QSize(round(line * 4), round(line * 3))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.view.setGeometry(self.rect())
