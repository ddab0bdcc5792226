"""The exercise carousel: every exercise of the program as one large card.

One card in the centre (illustration, name, dose in plain words, the four
instruction lines), the neighbouring exercises as small thumbnails on each
side, and under it Previous / a row of dots with "3 of 11" / Next. Left and
Right (Home and End) move when the carousel or one of its buttons has focus;
a click on a thumbnail or a dot jumps there; one wheel notch or one trackpad
swipe moves one card. Browsing stops at both ends (no wrap-around): the cards
follow the order of a session, breathing first, so wrapping would put the
breathing step right after the easier plank and hide where the list ends; the
counter and a disabled button say "this is the end", and Home/End jump there.

The carousel never talks to the session engine. It shows what it is told
(:meth:`ExerciseCarousel.set_program`, :meth:`~ExerciseCarousel.set_gate`,
:meth:`~ExerciseCarousel.set_current`) and reports the user's browsing with
:attr:`~ExerciseCarousel.browsed`, nothing else. When the session moves on to
another exercise the carousel follows it, unless the user browsed in the last
:data:`BROWSE_HOLD_S` seconds (read from an injectable clock; no timer).

Sizes come from font metrics and the theme's point sizes, colours from
:mod:`backcompanion.ui.theme`, pictures from the cache in
:mod:`backcompanion.ui.widgets.illustration`; ``paintEvent`` only draws what resize,
content or theme changes prepared. The slide animation (one
QVariantAnimation, about a fifth of a second) is skipped in reduced motion
and stops when it ends or the widget is hidden.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractAnimation,
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backcompanion.program import Exercise, Phase, Program
from backcompanion.session.plan import SessionPlan
from backcompanion.ui.theme import (
    SUBTITLE_PT,
    TITLE_PT,
    Theme,
    current_theme,
    set_role,
    system_prefers_reduced_motion,
)
from backcompanion.ui.widgets.illustration import (
    ASPECT,
    IllustrationError,
    IllustrationView,
    fitted_size,
    render_illustration,
)

__all__ = [
    "BROWSE_HOLD_S",
    "SLIDE_MS",
    "Badge",
    "DotButton",
    "ExerciseCard",
    "ExerciseCarousel",
    "ExerciseThumb",
    "LockPanel",
    "illustration_name",
]

BROWSE_HOLD_S = 10.0  # after the user browsed, the carousel does not follow the session this long
SLIDE_MS = 220  # the slide when moving one card (none in reduced motion)
SLIDE_SHARE = 0.12  # how far (of the card's width) the new card slides in from
SHARES = (0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3)  # the picture's share of the body, largest first
WHEEL_STEP = 120  # one mouse-wheel notch, in QWheelEvent.angleDelta() units
_RETHEME = QEvent.Type(QEvent.registerEventType())
_NAV_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End})


def illustration_name(exercise: Exercise) -> str | None:
    """The name the illustration module (ui/widgets/illustration.py) knows its first picture by."""
    if not exercise.illustrations:
        return None
    file = exercise.illustrations[0]
    return file[:-4] if file.endswith(".svg") else file


def _em(widget: QWidget) -> float:
    """The height of a line of the widget's text (logical pixels): the unit of every size here."""
    return QFontMetricsF(widget.font()).height()


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _draw_padlock(p: QPainter, box: QRectF, color: QColor, line: float) -> None:
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


def _draw_play(p: QPainter, box: QRectF, color: QColor) -> None:
    """A "now playing" triangle inside ``box``."""
    path = QPainterPath(QPointF(box.left() + box.width() * 0.15, box.top()))
    path.lineTo(box.right(), box.center().y())
    path.lineTo(box.left() + box.width() * 0.15, box.bottom())
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawPath(path)


class Badge(QWidget):
    """A pill with an icon shape and a word: "Now" (filled, accent) or "Locked" (outlined)."""

    NOW = "now"
    LOCKED = "locked"

    def __init__(self, kind: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._kind = kind
        self._text = text
        self._theme: Theme | None = None
        self._font = QFont()
        self.setAccessibleName(text)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._metrics()

    def text(self) -> str:
        return self._text

    def kind(self) -> str:
        return self._kind

    def set_theme(self, theme: Theme) -> None:
        if theme != self._theme:
            self._theme = theme
            self.update()

    def _metrics(self) -> None:
        self._font = _bold(self.font())
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
        t = self._theme or current_theme()
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
            _draw_play(p, icon.adjusted(icon.width() * 0.1, 0, -icon.width() * 0.1, 0), fg)
        else:
            fg = QColor(t.text)
            p.setPen(QPen(fg, line))
            p.setBrush(QColor(t.window))
            p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            _draw_padlock(p, icon, fg, max(2.0, icon.width() / 7))
        p.setPen(fg)
        p.setFont(self._font)
        text = QRectF(icon.right() + self._gap, pill.top(), pill.width(), pill.height())
        p.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._text)


class LockPanel(QWidget):
    """Why a strengthening card is locked: "Unlocks when:" and one short line per reason."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme: Theme | None = None
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

    def set_theme(self, theme: Theme) -> None:
        if theme != self._theme:
            self._theme = theme
            self.update()

    def _metrics(self) -> None:
        em = _em(self)
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
        t = self._theme or current_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = max(2.0, _em(self) / 14)
        box = QRectF(self.rect()).adjusted(line / 2, line / 2, -line / 2, -line / 2)
        pen = QPen(QColor(t.border), line)
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(QColor(t.window))
        radius = _em(self) * 0.3
        p.drawRoundedRect(box, radius, radius)


class _PictureBox(QWidget):
    """Holds the IllustrationView without passing on its height-for-width, so the picture
    takes whatever room the text leaves instead of squeezing the text; top-aligned."""

    def __init__(self, view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        view.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        em = _em(self)
        return QSize(round(em * 12), round(em * 9))

    def minimumSizeHint(self) -> QSize:
        em = _em(self)
        return QSize(round(em * 6), round(em * 4.5))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        fit = fitted_size(self.width(), self.height())  # top-aligned, like the text beside it
        self.view.setGeometry((self.width() - fit.width()) // 2, 0, fit.width(), fit.height())


class ExerciseCard(QWidget):
    """The large card in the centre. Its content sits on an inner page that slides."""

    LABELS = ("position", "movement", "feel", "avoid")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme: Theme | None = None
        self._now = False
        self._focus_ring = False
        self._offset = 0.0
        self._texts: dict[str, str] = dict.fromkeys(self.LABELS, "")
        self._roomy = False
        self._fitted = (0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self._clip = QWidget(self)  # the inside of the border: a sliding page never covers it
        self.page = QWidget(self._clip)
        self.variant = QLabel()
        self.variant.setObjectName("variant")
        set_role(self.variant, "strong")
        self.name = QLabel()
        self.name.setObjectName("name")
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.name, "heading")
        self.now_badge = Badge(Badge.NOW, self.tr("Now"))
        self.now_badge.setObjectName("nowBadge")
        self.lock_badge = Badge(Badge.LOCKED, self.tr("Locked"))
        self.lock_badge.setObjectName("lockBadge")
        self.dose = QLabel()
        self.dose.setObjectName("dose")
        self.dose.setWordWrap(True)
        set_role(self.dose, "subtitle")
        self.lock_panel = LockPanel()
        self.lock_panel.setObjectName("lockPanel")
        self.illustration = IllustrationView()
        self.illustration.setObjectName("illustration")
        self.picture = _PictureBox(self.illustration)

        self.titles = {
            "position": self.tr("Position"),
            "movement": self.tr("Movement"),
            "feel": self.tr("Feel"),
            "avoid": self.tr("Avoid"),
        }
        self.instructions: dict[str, QLabel] = {}
        text_column = QWidget()
        text_column.setObjectName("instructionColumn")
        steps = QVBoxLayout(text_column)
        steps.setContentsMargins(0, 0, 0, 0)
        for key in self.LABELS:
            label = QLabel()
            label.setObjectName(key)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            steps.addWidget(label)
            self.instructions[key] = label
        steps.addStretch(1)
        self._steps = steps
        # a last resort for a cramped window: the text scrolls (Up/Down) rather than clip
        self.scroll = QScrollArea()
        self.scroll.setObjectName("instructionScroll")
        self.scroll.setWidget(text_column)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )

        title_row = QHBoxLayout()
        title_row.addWidget(self.name, 1)
        title_row.addWidget(self.now_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(self.lock_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self._title_row = title_row
        body = QHBoxLayout()
        body.addWidget(self.picture, 1)
        body.addWidget(self.scroll, 1)
        self._body = body
        column = QVBoxLayout(self.page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(title_row)
        column.addWidget(self.variant)
        column.addWidget(self.dose)
        column.addWidget(self.lock_panel)
        column.addLayout(body, 1)
        self._column = column
        self._metrics()

    def set_instructions(self, position: str, movement: str, feel: str, avoid: str) -> None:
        self._texts = dict(zip(self.LABELS, (position, movement, feel, avoid), strict=True))
        for key, text in self._texts.items():
            self.instructions[key].setText(
                f"<b>{html.escape(self.titles[key])}</b>&nbsp;&nbsp;{html.escape(text)}"
            )
            self.instructions[key].setAccessibleName(f"{self.titles[key]}: {text}")
        self.scroll.verticalScrollBar().setValue(0)

    def instruction(self, key: str) -> str:
        """The plain text of one instruction: ``position``, ``movement``, ``feel`` or ``avoid``."""
        return self._texts[key]

    def fit(self) -> None:
        """Share the body's width between picture and text: the largest picture (up to what
        the height can show) that leaves the instructions room for all their lines."""
        width, height = self.page.width(), self.page.height()
        if width <= 0 or height <= 0:
            return
        gap = self._column.spacing()
        badges = [b for b in (self.now_badge, self.lock_badge) if not b.isHidden()]
        name_w = width - sum(b.sizeHint().width() + self._title_row.spacing() for b in badges)
        used = max(
            [self.name.heightForWidth(max(1, name_w))] + [b.sizeHint().height() for b in badges]
        )
        for item in (self.variant, self.dose, self.lock_panel):
            if not item.isHidden():
                hfw = item.heightForWidth(width) if item.hasHeightForWidth() else -1
                used += gap + (hfw if hfw >= 0 else item.sizeHint().height())
        body_h = height - used - gap
        avail = width - self._body.spacing()
        useful = max(0.0, body_h * ASPECT)  # a wider picture would only grow empty margins
        labels = list(self.instructions.values())
        between = self._steps.spacing() * (len(labels) - 1)
        chosen = min(avail * SHARES[-1], useful)
        for share in SHARES:
            picture = min(avail * share, useful)
            text_w = max(1, int(avail - picture))
            if sum(lbl.heightForWidth(text_w) for lbl in labels) + between <= body_h:
                chosen = picture
                break
        self.picture.setFixedWidth(max(self.picture.minimumSizeHint().width(), int(chosen)))

    # ---- what the carousel tells it ----

    def set_theme(self, theme: Theme) -> None:
        self.now_badge.set_theme(theme)
        self.lock_badge.set_theme(theme)
        self.lock_panel.set_theme(theme)
        self.illustration.set_theme(theme)
        if theme != self._theme:
            self._theme = theme
            self.update()

    def set_now(self, now: bool) -> None:
        self.now_badge.setVisible(now)
        if now != self._now:
            self._now = now
            self._metrics()

    def is_now(self) -> bool:
        return self._now

    def set_focus_ring(self, on: bool) -> None:
        if on != self._focus_ring:
            self._focus_ring = on
            self.update()

    def set_offset(self, offset: float) -> None:
        """Shift the content sideways by ``offset`` pixels (the slide); 0 puts it home."""
        self._offset = float(offset or 0.0)
        self._place_page()

    def offset(self) -> float:
        return self._offset

    # ---- geometry ----

    def _metrics(self) -> None:
        em = _em(self)
        self._line = max(2.0, em / 14)
        self._now_line = max(4.0, em / 5)
        self._ring = max(3.0, em / 7)
        self._ring_gap = max(2.0, em / 10)
        self._radius = em * 0.5
        self._pad = em * 0.55
        self._column.setSpacing(round(em * 0.3))
        self._title_row.setSpacing(round(em * 0.4))
        self._body.setSpacing(round(em * 0.8))
        self._steps.setSpacing(round(em * 0.3))
        self._place_page()
        self.update()

    def _frame(self) -> QRectF:
        """The card's rounded rectangle (the focus ring goes in the margin around it)."""
        out = self._ring + self._ring_gap
        return QRectF(self.rect()).adjusted(out, out, -out, -out)

    def _place_page(self) -> None:
        frame = self._frame()
        line = self._now_line if self._now else self._line
        clip = frame.adjusted(line, line, -line, -line).toAlignedRect()
        self._clip.setGeometry(clip)
        inset = self._now_line + self._pad
        inner = frame.adjusted(inset, inset * 0.8, -inset, -inset * 0.8).toAlignedRect()
        inner.translate(-clip.left() + round(self._offset), -clip.top())
        self.page.setGeometry(inner)
        if (inner.width(), inner.height()) != self._fitted:  # not on every frame of a slide
            self._fitted = (inner.width(), inner.height())
            self.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_page()
        self._update_room()

    def is_roomy(self) -> bool:
        """True when the card is large enough for the instructions in a larger size."""
        return self._roomy

    def _update_room(self) -> None:
        # in base-font lines, with a margin between going up and coming down (no flicker)
        em = _em(self)
        w, h = self.width() / em, self.height() / em
        roomy = (w >= 44 and h >= 25) if not self._roomy else (w >= 42 and h >= 23.5)
        if roomy == self._roomy:
            return
        self._roomy = roomy
        style = f"font-size: {SUBTITLE_PT}pt;" if roomy else ""
        for label in self.instructions.values():
            label.setStyleSheet(style)
        self.lock_panel.set_text_style(style)
        self.dose.setStyleSheet(f"font-size: {TITLE_PT}pt;" if roomy else "")
        self.variant.setStyleSheet(style)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._metrics()
            self._update_room()

    def sizeHint(self) -> QSize:
        em = _em(self)
        return QSize(round(em * 30), round(em * 20))

    def minimumSizeHint(self) -> QSize:
        em = _em(self)
        return QSize(round(em * 14), round(em * 12))

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme or current_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self._frame()
        if self._focus_ring:
            ring = QRectF(self.rect()).adjusted(
                self._ring / 2, self._ring / 2, -self._ring / 2, -self._ring / 2
            )
            p.setPen(QPen(QColor(t.focus), self._ring))
            p.setBrush(Qt.BrushStyle.NoBrush)
            r = self._radius + self._ring_gap + self._ring / 2
            p.drawRoundedRect(ring, r, r)
        line = self._now_line if self._now else self._line
        colour = t.accent if self._now else t.border
        box = frame.adjusted(line / 2, line / 2, -line / 2, -line / 2)
        p.setPen(QPen(QColor(colour), line))
        p.setBrush(QColor(t.card))
        p.drawRoundedRect(box, self._radius, self._radius)


class ExerciseThumb(QAbstractButton):
    """A neighbouring exercise, small: picture and name; a click jumps to it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard uses Left/Right instead
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._exercise: Exercise | None = None
        self._locked = False
        self._now = False
        self._theme: Theme | None = None
        self._pixmap = QPixmap()
        self._bold = QFont()
        self._box = QRectF()
        self._img = QRectF()
        self._text = QRectF()
        self._lock = QRectF()
        self._name = ""
        self._word_w = 0.0

    def set_longest_word(self, width: float) -> None:
        """The widest word of any name it may show (px): the thumbnail never cuts a word."""
        if width != self._word_w:
            self._word_w = width
            self.updateGeometry()

    def exercise(self) -> Exercise | None:
        return self._exercise

    def is_locked(self) -> bool:
        return self._locked

    def is_now(self) -> bool:
        return self._now

    def set_entry(self, exercise: Exercise | None, locked: bool, now: bool, theme: Theme) -> None:
        changed = exercise != self._exercise or theme != self._theme
        self._exercise, self._locked, self._now, self._theme = exercise, locked, now, theme
        if changed:
            self._rebuild()
        self.update()

    def sizeHint(self) -> QSize:
        em = _em(self)
        return QSize(self.minimumSizeHint().width(), round(em * 8))

    def minimumSizeHint(self) -> QSize:
        em = _em(self)
        width = max(em * 4.4, self._word_w + QFontMetricsF(_bold(self.font())).height() * 0.8)
        return QSize(round(width) + 2, round(em * 5))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._rebuild()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._rebuild()
        return super().event(event)

    def _rebuild(self) -> None:
        """Lay out picture and name for this size and render the picture (from the cache)."""
        self._bold = _bold(self.font())
        fm = QFontMetricsF(self._bold)
        em = fm.height()
        ex = self._exercise
        self._name = ex.name if ex else ""
        self._pixmap = QPixmap()
        pad = em * 0.35
        width = max(0.0, self.width() - 2 * pad)
        img = fitted_size(round(width), round(width / 4 * 3))
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        text_h = fm.boundingRect(QRectF(0, 0, width, em * 4), flags, self._name).height()
        text_h = min(max(text_h, fm.lineSpacing() * 2), em * 3.2)  # two lines, so most match
        box_h = pad + img.height() + pad * 0.6 + text_h + pad
        box_h = min(box_h, float(self.height()))
        top = (self.height() - box_h) / 2
        self._box = QRectF(1, top, self.width() - 2, box_h)
        self._img = QRectF((self.width() - img.width()) / 2, top + pad, img.width(), img.height())
        self._text = QRectF(pad, self._img.bottom() + pad * 0.6, width, text_h)
        side = em * 1.0
        self._lock = QRectF(self._box.right() - side - pad, self._box.top() + pad, side, side)
        name = illustration_name(ex) if ex else None
        if name and not img.isEmpty() and self._theme is not None:
            try:
                self._pixmap = render_illustration(
                    name, img, self._theme, dpr=self.devicePixelRatioF()
                )
            except IllustrationError:
                self._pixmap = QPixmap()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._exercise is None:
            return
        t = self._theme or current_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        em = QFontMetricsF(self._bold).height()
        line = max(3.0, em / 8) if self._now else max(2.0, em / 14)
        colour = QColor(t.accent if self._now else t.border)
        if self.underMouse():
            colour = QColor(t.text)
        box = self._box.adjusted(line / 2, line / 2, -line / 2, -line / 2)
        p.setPen(QPen(colour, line))
        p.setBrush(QColor(t.card))
        p.drawRoundedRect(box, em * 0.35, em * 0.35)
        if not self._pixmap.isNull():
            if self._locked:
                p.setOpacity(0.55)  # the padlock and the word say "locked"; this only softens
            p.drawPixmap(self._img.topLeft(), self._pixmap)
            p.setOpacity(1.0)
        p.setPen(QColor(t.text))
        p.setFont(self._bold)
        p.drawText(
            self._text,
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            self._name,
        )
        if self._locked:
            back = self._lock.adjusted(-em * 0.15, -em * 0.1, em * 0.15, em * 0.15)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(t.card))
            p.drawRoundedRect(back, em * 0.2, em * 0.2)
            _draw_padlock(p, self._lock, QColor(t.text), max(2.0, em / 12))

    def enterEvent(self, event) -> None:
        super().enterEvent(event)
        self.update()

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.update()


class DotButton(QAbstractButton):
    """One exercise in the row of dots: filled when shown, a ring around it when "Now"."""

    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self._shown = False
        self._now = False
        self._theme: Theme | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_state(self, shown: bool, now: bool, theme: Theme) -> None:
        if (shown, now, theme) != (self._shown, self._now, self._theme):
            self._shown, self._now, self._theme = shown, now, theme
            self.update()

    def is_shown_dot(self) -> bool:
        return self._shown

    def is_now(self) -> bool:
        return self._now

    def sizeHint(self) -> QSize:
        side = round(_em(self) * 1.05)  # at least 24 px at 100 %: a comfortable mouse target
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme or current_theme()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = QRectF(self.rect()).center()
        side = min(self.width(), self.height())
        line = max(2.0, side / 14)
        if self._now:
            p.setPen(QPen(QColor(t.accent), line * 1.4))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(c, side * 0.42, side * 0.42)
        if self._shown:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(t.text))
            p.drawEllipse(c, side * 0.27, side * 0.27)
        else:
            p.setPen(QPen(QColor(t.border if not self.underMouse() else t.text), line))
            p.setBrush(QColor(t.card))
            p.drawEllipse(c, side * 0.17, side * 0.17)

    def enterEvent(self, event) -> None:
        super().enterEvent(event)
        self.update()

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.update()


class ExerciseCarousel(QWidget):
    """Every exercise of the program as a card; browsing emits :attr:`browsed` and nothing else."""

    browsed = Signal(str)  # the id of the exercise the user moved to

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        theme: Theme | None = None,
        reduced_motion: bool | None = None,
        follow_current: bool = True,
    ):
        super().__init__(parent)
        self._clock = clock
        self._theme = theme
        if reduced_motion is None:
            reduced_motion = system_prefers_reduced_motion()
        self._reduced = bool(reduced_motion)
        self._follow = bool(follow_current)
        self._program: Program | None = None
        self._plan: SessionPlan | None = None
        self._entries: tuple[Exercise, ...] = ()
        self._index = -1
        self._current: str | None = None
        self._gate_open = False
        self._reasons: tuple[str, ...] = ()
        self._browsed_at: float | None = None
        self._wheel_acc = 0
        self._wheel_spent = False  # this trackpad gesture already moved a card
        self._retheme_pending = False
        self._applied: Theme | None = None

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Exercises"))
        self.setAccessibleDescription(
            self.tr("Left and Right arrow keys move between the exercises.")
        )

        self._card = ExerciseCard(self)
        self._prev_thumb = ExerciseThumb(self)
        self._prev_thumb.setObjectName("previousThumb")
        self._next_thumb = ExerciseThumb(self)
        self._next_thumb.setObjectName("nextThumb")
        for thumb, step in ((self._prev_thumb, -1), (self._next_thumb, 1)):
            policy = thumb.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the card keeps its width at either end
            thumb.setSizePolicy(policy)
            thumb.clicked.connect(lambda _=False, s=step: self._step(s))

        self._prev_button = QPushButton(self.tr("‹  Previous"))
        self._prev_button.setObjectName("previousButton")
        self._prev_button.setAccessibleName(self.tr("Previous exercise"))
        self._prev_button.setToolTip(self.tr("Previous exercise (Left arrow key)"))
        self._next_button = QPushButton(self.tr("Next  ›"))
        self._next_button.setObjectName("nextButton")
        self._next_button.setAccessibleName(self.tr("Next exercise"))
        self._next_button.setToolTip(self.tr("Next exercise (Right arrow key)"))
        for button, step in ((self._prev_button, -1), (self._next_button, 1)):
            button.setAutoDefault(False)
            button.installEventFilter(self)  # Left/Right still browse while a button has focus
            button.clicked.connect(lambda _=False, s=step: self._step(s))
        self._counter = QLabel()
        self._counter.setObjectName("counter")
        set_role(self._counter, "subtitle")
        self._phase = QLabel()
        self._phase.setObjectName("phase")
        set_role(self._phase, "muted")
        self._dots: list[DotButton] = []
        self._dot_row = QHBoxLayout()
        self._dot_row.setSpacing(0)

        self._anim = QVariantAnimation(self)
        self._anim.setDuration(SLIDE_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(self._card.set_offset)
        self._anim.finished.connect(lambda: self._card.set_offset(0.0))

        row = QHBoxLayout()
        row.addWidget(self._prev_thumb, 1)
        row.addWidget(self._card, 8)
        row.addWidget(self._next_thumb, 1)
        self._row = row
        nav = QHBoxLayout()
        nav.addWidget(self._prev_button)
        nav.addStretch(1)
        nav.addLayout(self._dot_row)
        nav.addWidget(self._counter)
        nav.addWidget(self._phase)
        nav.addStretch(1)
        nav.addWidget(self._next_button)
        self._nav = nav
        outer = QVBoxLayout(self)
        outer.addLayout(row, 1)
        outer.addLayout(nav)
        self._outer = outer
        self.setTabOrder(self._prev_button, self)
        self.setTabOrder(self, self._next_button)
        self._metrics()
        self._push_theme()
        self._refresh()

    # ---------------------------------------------------------------- public API

    def set_program(self, program: Program, plan: SessionPlan | None = None) -> None:
        """Show every exercise of ``program`` (variants included, in its order).

        ``plan`` gives the hold and repeats this person is at; without it each
        card shows the low end of the program's range. The card shown stays
        the same exercise when it is still in the program.
        """
        self._stop_slide()
        shown = self.shown_id()
        self._program, self._plan = program, plan
        self._entries = tuple(program.exercises)
        ids = [e.id for e in self._entries]
        if self._current in ids and self._follow and not self.is_browsing():
            self._index = ids.index(self._current)
        elif shown in ids:
            self._index = ids.index(shown)
        else:
            self._index = 0 if ids else -1
        self._build_dots()
        self._measure_names()
        self._refresh()

    def set_gate(self, open: bool, reasons: tuple[str, ...] = ()) -> None:
        """Strengthening open or not; when closed its cards show "Locked" and ``reasons``."""
        self._gate_open = bool(open)
        self._reasons = tuple(reasons)
        self._refresh()

    def set_current(self, exercise_id: str | None) -> None:
        """Mark the exercise the session is doing ("Now"); None when no session runs.

        When it changes and :attr:`follow_current` is on, the carousel moves to
        it, unless the user browsed in the last :data:`BROWSE_HOLD_S` seconds.
        """
        if exercise_id == self._current:
            return
        self._current = exercise_id
        ids = self._ids()
        if exercise_id in ids and self._follow and not self.is_browsing():
            self._go(ids.index(exercise_id), user=False)
        else:
            self._refresh()

    def current_exercise(self) -> str | None:
        """The exercise marked "Now" (what :meth:`set_current` was last told)."""
        return self._current

    def show(self, exercise_id: str | None = None) -> None:  # type: ignore[override]
        """``show(exercise_id)`` moves to that card; plain ``show()`` is QWidget.show()."""
        if exercise_id is None:
            super().show()
        else:
            self.show_exercise(exercise_id)

    def show_exercise(self, exercise_id: str) -> None:
        """Move to the card of ``exercise_id`` (KeyError if unknown). Not user browsing:
        emits nothing and does not hold off :attr:`follow_current`."""
        ids = self._ids()
        if exercise_id not in ids:
            raise KeyError(exercise_id)
        self._go(ids.index(exercise_id), user=False)

    def current_index(self) -> int:
        """The index of the card shown (program order); -1 before a program is set."""
        return self._index

    def shown_id(self) -> str | None:
        """The id of the exercise on the card shown."""
        return self._entries[self._index].id if 0 <= self._index < len(self._entries) else None

    def count(self) -> int:
        return len(self._entries)

    def is_locked(self, exercise_id: str) -> bool:
        """Whether that exercise's card shows the lock (strength, while the gate is closed)."""
        return self._locked(self._program.by_id(exercise_id)) if self._program else False

    def is_browsing(self) -> bool:
        """True for :data:`BROWSE_HOLD_S` seconds after the user last browsed."""
        return self._browsed_at is not None and self._clock() - self._browsed_at < BROWSE_HOLD_S

    @property
    def follow_current(self) -> bool:
        """Whether the carousel moves to the session's exercise when it changes."""
        return self._follow

    @follow_current.setter
    def follow_current(self, on: bool) -> None:
        self._follow = bool(on)

    def set_reduced_motion(self, reduced: bool) -> None:
        """No slide at all in reduced motion (a running one stops at once)."""
        self._reduced = bool(reduced)
        if self._reduced:
            self._stop_slide()

    def reduced_motion(self) -> bool:
        return self._reduced

    def is_animating(self) -> bool:
        return self._anim.state() != QAbstractAnimation.State.Stopped

    def set_theme(self, theme: Theme | None) -> None:
        """Use ``theme`` for the painted parts; None follows the app's theme (apply_theme)."""
        self._theme = theme
        self._push_theme()

    def theme(self) -> Theme:
        return self._theme or current_theme()

    def card(self) -> ExerciseCard:
        return self._card

    def dots(self) -> list[DotButton]:
        return list(self._dots)

    def thumbnails(self) -> tuple[ExerciseThumb, ExerciseThumb]:
        return self._prev_thumb, self._next_thumb

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self._prev_button, self._next_button

    def dose_text(self, exercise: Exercise) -> str:
        """The dose in plain words: "Hold 7 s · 20 repeats per side (left leg, right leg)"."""
        if exercise.phase is Phase.BREATHING:
            breaths = self._plan.cadence.breaths if self._plan else exercise.reps
            return self.tr("%n breaths", "", breaths)
        hold, reps = exercise.hold_s[0], exercise.reps
        if self._plan is not None:
            try:
                step = self._plan.step(exercise.id)
            except KeyError:
                pass
            else:
                hold, reps = step.hold_s, step.reps
        if exercise.per_side:
            count = self.tr("%n repeats per side", "", reps)
            count = self.tr("{repeats} ({sides})").format(
                repeats=count, sides=", ".join(exercise.sides)
            )
        else:
            count = self.tr("%n repeats", "", reps)
        if hold <= 0:
            return count
        return self.tr("Hold {seconds} s · {repeats}").format(seconds=hold, repeats=count)

    # ---------------------------------------------------------------- browsing

    def _ids(self) -> list[str]:
        return [e.id for e in self._entries]

    def _locked(self, exercise: Exercise) -> bool:
        return exercise.phase is Phase.STRENGTH and not self._gate_open

    def _step(self, step: int) -> None:
        if self._entries:
            self._go(self._index + step, user=True)

    def _go(self, index: int, *, user: bool) -> None:
        if not self._entries:
            return
        if user:
            self._browsed_at = self._clock()
        index = max(0, min(len(self._entries) - 1, index))
        if index == self._index:
            self._refresh()
            return
        direction = 1 if index > self._index else -1
        self._index = index
        self._refresh()
        self._slide(direction)
        if user:
            self.browsed.emit(self._entries[index].id)

    def _slide(self, direction: int) -> None:
        self._anim.stop()
        if self._reduced or not self.isVisible():
            self._card.set_offset(0.0)
            return
        if self.isRightToLeft():
            direction = -direction
        self._anim.setStartValue(float(direction * self._card.width() * SLIDE_SHARE))
        self._anim.setEndValue(0.0)
        self._anim.start()

    def _stop_slide(self) -> None:
        if self._anim.state() != QAbstractAnimation.State.Stopped:
            self._anim.stop()
        self._card.set_offset(0.0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._nav_key(event):
            return
        bar = self._card.scroll.verticalScrollBar()
        actions = {
            Qt.Key.Key_Up: QAbstractSlider.SliderAction.SliderSingleStepSub,
            Qt.Key.Key_Down: QAbstractSlider.SliderAction.SliderSingleStepAdd,
            Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
            Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd,
        }
        action = actions.get(Qt.Key(event.key()))
        if action is not None and bar.maximum() > 0:
            bar.triggerAction(action)  # a cramped window: the instructions scroll
            event.accept()
            return
        super().keyPressEvent(event)

    def _nav_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key not in _NAV_KEYS or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if key == Qt.Key.Key_Home:
            self._go(0, user=True)
        elif key == Qt.Key.Key_End:
            self._go(len(self._entries) - 1, user=True)
        else:
            forward = key == Qt.Key.Key_Right
            if self.isRightToLeft():
                forward = not forward
            self._step(1 if forward else -1)
        event.accept()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and watched in (self._prev_button, self._next_button)
            and self._nav_key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """One notch of a mouse wheel, or one trackpad swipe, moves one card."""
        phase = event.phase()
        if phase in (Qt.ScrollPhase.ScrollBegin, Qt.ScrollPhase.ScrollEnd):
            self._wheel_acc, self._wheel_spent = 0, False
            event.accept()
            return
        if phase == Qt.ScrollPhase.ScrollMomentum:  # the glide after a swipe: ignore
            event.accept()
            return
        d = event.angleDelta()
        delta = d.x() if abs(d.x()) >= abs(d.y()) else d.y()
        if event.inverted():
            delta = -delta
        gesture = phase == Qt.ScrollPhase.ScrollUpdate
        event.accept()
        if gesture and self._wheel_spent:
            return
        self._wheel_acc += delta
        if abs(self._wheel_acc) >= WHEEL_STEP:
            step = -1 if self._wheel_acc > 0 else 1  # away from the user / left = back
            self._wheel_acc = 0
            self._wheel_spent = gesture
            self._step(step)

    # ---------------------------------------------------------------- showing

    def _build_dots(self) -> None:
        for dot in self._dots:
            self._dot_row.removeWidget(dot)
            dot.setParent(None)
            dot.deleteLater()
        self._dots = []
        for i, exercise in enumerate(self._entries):
            dot = DotButton(i)
            dot.setObjectName(f"dot_{exercise.id}")
            dot.setToolTip(exercise.name)
            dot.clicked.connect(lambda _=False, i=i: self._go(i, user=True))
            self._dot_row.addWidget(dot)
            self._dots.append(dot)
            dot.show()

    def _refresh(self) -> None:
        """Put the shown exercise, its neighbours and the states on screen."""
        t = self._applied or self.theme()
        n = len(self._entries)
        card = self._card
        if not 0 <= self._index < n:
            card.page.setVisible(False)
            self._prev_thumb.setVisible(False)
            self._next_thumb.setVisible(False)
            self._prev_button.setEnabled(False)
            self._next_button.setEnabled(False)
            self._counter.setText("")
            self._phase.setText("")
            return
        card.page.setVisible(True)
        ex = self._entries[self._index]
        locked = self._locked(ex)
        phases = {
            Phase.BREATHING: self.tr("Breathing"),
            Phase.STRETCH: self.tr("Stretch"),
            Phase.STRENGTH: self.tr("Strengthening"),
        }
        base = None
        if ex.variant_of and self._program is not None:
            try:
                base = self._program.by_id(ex.variant_of).name
            except KeyError:
                base = None
        variant = self.tr("Easier version of {name}").format(name=base) if base else ""
        card.variant.setText(variant)
        card.variant.setVisible(bool(base))
        card.name.setText(ex.name)
        dose = self.dose_text(ex)
        card.dose.setText(dose)
        texts = ex.instructions
        card.set_instructions(texts.position, texts.movement, texts.feel, texts.mistake)
        card.illustration.set_illustration(
            illustration_name(ex), False, self.tr("Drawing: {name}").format(name=ex.name)
        )
        now = ex.id == self._current
        card.set_now(now)
        card.lock_badge.setVisible(locked)
        card.lock_panel.set_reasons(self._reasons)
        card.lock_panel.setVisible(locked and bool(self._reasons))
        card.fit()
        position = self.tr("{index} of {count}").format(index=self._index + 1, count=n)
        self._counter.setText(position)
        states = [position, phases[ex.phase], ex.name, dose]
        if now:
            states.append(self.tr("Now"))
        if locked:
            states.append(self.tr("Locked"))
        self._phase.setText(phases[ex.phase])
        card.setAccessibleName(". ".join(states))

        for thumb, i in ((self._prev_thumb, self._index - 1), (self._next_thumb, self._index + 1)):
            if 0 <= i < n:
                other = self._entries[i]
                thumb.set_entry(other, self._locked(other), other.id == self._current, t)
                label = self.tr("Go to {name}").format(name=other.name)
                if self._locked(other):
                    label += ". " + self.tr("Locked")
                thumb.setAccessibleName(label)
                thumb.setToolTip(label)
                thumb.setVisible(True)
            else:
                thumb.set_entry(None, False, False, t)
                thumb.setVisible(False)
        for dot, other in zip(self._dots, self._entries, strict=True):
            dot.set_state(dot.index == self._index, other.id == self._current, t)
            dot.setAccessibleName(
                self.tr("Go to exercise {index} of {count}: {name}").format(
                    index=dot.index + 1, count=n, name=other.name
                )
            )
        at_start, at_end = self._index == 0, self._index == n - 1
        for button, disable in ((self._prev_button, at_start), (self._next_button, at_end)):
            if disable and button.hasFocus():
                self.setFocus(Qt.FocusReason.OtherFocusReason)  # keep focus in the carousel
            button.setEnabled(not disable)

    # ---------------------------------------------------------------- theme and size

    def _push_theme(self) -> None:
        t = self.theme()
        self._applied = t
        self._card.set_theme(t)
        self._refresh()

    def _measure_names(self) -> None:
        fm = QFontMetricsF(_bold(self._prev_thumb.font()))
        words = [w for e in self._entries for w in e.name.split()]
        widest = max((fm.horizontalAdvance(w) for w in words), default=0.0)
        for thumb in (self._prev_thumb, self._next_thumb):
            thumb.set_longest_word(widest)

    def _metrics(self) -> None:
        if hasattr(self, "_prev_thumb"):
            self._measure_names()
        em = _em(self)
        m = round(em * 0.4)
        self._outer.setContentsMargins(m, m, m, m)
        self._outer.setSpacing(round(em * 0.5))
        self._row.setSpacing(round(em * 0.5))
        self._nav.setSpacing(round(em * 0.6))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind == QEvent.Type.FontChange:
            self._metrics()
        themed = kind in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if themed and self._theme is None and not self._retheme_pending:
            # apply_theme() changes the palette before current_theme(): look once it returned
            self._retheme_pending = True
            QCoreApplication.postEvent(self, QEvent(_RETHEME))

    def event(self, event: QEvent) -> bool:
        if event.type() == _RETHEME:
            self._retheme_pending = False
            if self._theme is None and current_theme() != self._applied:
                self._push_theme()
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._card.set_focus_ring(True)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._card.set_focus_ring(False)

    def hideEvent(self, event) -> None:
        self._stop_slide()
        super().hideEvent(event)
