"""The full-screen session view: only what a person on the floor two metres away needs.

Everything is sized from the widget's height (the screen's, in full screen), never
from points: the step name, "Rep 7 of 20", the side and the cue down the left with
the picture (mirrored on the second side); the phase word over the countdown dial
on the right, whose digits' cap height is more than a fifth of the height; a thin
bar for the whole session at the bottom. During breathing the pacer takes the
dial's place with its phase word and "Breath 3 of 10"; at the gate, one large line;
paused, a large "Paused - press Space" over the dimmed view.

All placement is in :func:`fullscreen_layout` (pure, tested at 1366 x 768,
1920 x 1080 and 3840 x 2160 without painting). The view is passive like the
session pages: the bridge calls :meth:`FullscreenSessionView.show_snapshot` on
every change and displayed second and :meth:`~FullscreenSessionView.show_breath`
every frame. It owns no timer and no engine; Esc only emits ``exitRequested``:
the main window decides what leaving means (full screen first; stopping asks).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backcompanion.session.breathing import BreathState
from backcompanion.session.engine import PauseReason, Snapshot, State, Step
from backcompanion.ui.theme import Theme, current_theme
from backcompanion.ui.widgets.controls import ProgressLine, picture_names
from backcompanion.ui.widgets.illustration import IllustrationView
from backcompanion.ui.widgets.pacer import PacerWidget, phase_words
from backcompanion.ui.widgets.timer_dial import TimerDial, dial_geometry, dial_mode

__all__ = [
    "CUE_H",
    "LINE_H",
    "MARGIN",
    "NAME_H",
    "PHASE_H",
    "FitText",
    "FullscreenSessionView",
    "Layout",
    "PausedCover",
    "Rect",
    "fullscreen_layout",
]

# Shares of the height (the unit of everything here)
MARGIN = 0.035  # round the edges
GAP = 0.02  # between the blocks of a column
ROW_GAP = 0.008  # between two lines of text
COLUMN_GAP = 0.04  # between the left column and the dial
NAME_H = 0.10  # the step name's line
LINE_H = 0.085  # "Rep 7 of 20", the side
CUE_H = 0.09  # the cue under the picture
PHASE_H = 0.12  # the phase word over the dial
BAR_H = 0.012  # the session bar
BAR_GAP = 0.03  # above the bar
MESSAGE_TOP = 0.3775  # the gate's or the pause's large line: with the detail, centred
MESSAGE_H = 0.14
DETAIL_H = 0.085  # the smaller line under it
DIAL_MAX_SHARE = 0.55  # the dial never takes more than this share of the width inside
_RETHEME = QEvent.Type(QEvent.registerEventType())


class Rect(NamedTuple):
    """A rectangle in logical pixels; ``right`` and ``bottom`` are exclusive."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def is_empty(self) -> bool:
        return self.w <= 0 or self.h <= 0

    def inside(self, w: int, h: int) -> bool:
        """True when the whole rectangle lies within a ``w`` x ``h`` screen."""
        return self.x >= 0 and self.y >= 0 and self.right <= w and self.bottom <= h

    def overlaps(self, other: Rect) -> bool:
        """True when the two share an area (touching edges do not count)."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def qrect(self) -> QRect:
        return QRect(self.x, self.y, max(0, self.w), max(0, self.h))


class Layout(NamedTuple):
    """Where everything goes on a ``width`` x ``height`` screen (see :func:`fullscreen_layout`)."""

    width: int
    height: int
    name: Rect  # left column, top: the step name
    rep: Rect  # "Rep 7 of 20" / "Breath 3 of 10"
    side: Rect  # "Right leg" or "Switch sides: right leg"
    illustration: Rect
    cue: Rect  # "Breathe out into the stretch"
    phase: Rect  # right column, top: "Hold", "Release", "Get ready"
    dial: Rect  # a square: the dial and its digits
    bar: Rect  # the whole session, along the bottom
    pacer: Rect  # breathing: the pacer takes the phase word's and the dial's place
    breath_picture: Rect  # breathing: the picture takes the side's and the cue's place too
    message: Rect  # the gate's one line, the pause's "Paused - press Space"
    detail: Rect  # a smaller line under the message
    digit_px: float  # the dial's digits' pixel size (before fitting the ring)

    def exercise_rects(self) -> dict[str, Rect]:
        return {
            "name": self.name,
            "rep": self.rep,
            "side": self.side,
            "illustration": self.illustration,
            "cue": self.cue,
            "phase": self.phase,
            "dial": self.dial,
            "bar": self.bar,
        }

    def breathing_rects(self) -> dict[str, Rect]:
        return {
            "name": self.name,
            "rep": self.rep,
            "breath_picture": self.breath_picture,
            "pacer": self.pacer,
            "bar": self.bar,
        }

    def message_rects(self) -> dict[str, Rect]:
        return {"message": self.message, "detail": self.detail, "bar": self.bar}


def fullscreen_layout(w: int, h: int) -> Layout:
    """Pure layout of the full-screen view on a ``w`` x ``h`` screen (logical pixels).

    Every size is a share of the height. The right column is the phase word over
    a square dial as tall as the rest of the height allows (at most
    ``DIAL_MAX_SHARE`` of the width); the left column takes the rest of the width:
    name, rep, side, picture, cue. The session bar runs along the bottom.
    """
    w, h = max(0, int(w)), max(0, int(h))

    def share(x: float) -> int:
        return round(x * h)

    m = share(MARGIN)
    gap, row_gap, col_gap = share(GAP), share(ROW_GAP), share(COLUMN_GAP)
    inner_w = max(0, w - 2 * m)
    bar_h = max(3, share(BAR_H))
    bar = Rect(m, max(0, h - m - bar_h), inner_w, bar_h)
    top = m
    bottom = max(top, bar.y - share(BAR_GAP))  # the content ends here (exclusive)

    # right column: the phase word, then the dial, as large as fits
    phase_h = share(PHASE_H)
    dial_top = top + phase_h + row_gap
    room = max(0, bottom - dial_top)
    side = max(0, min(room, math.floor((inner_w - col_gap) * DIAL_MAX_SHARE)))
    right_x = w - m - side
    phase = Rect(right_x, top, side, phase_h)
    dial = Rect(right_x, dial_top + (room - side) // 2, side, side)
    pacer = Rect(right_x, top, side, bottom - top)

    # left column: everything else
    left_w = max(0, right_x - col_gap - m)
    name = Rect(m, top, left_w, share(NAME_H))
    rep = Rect(m, name.bottom + row_gap, left_w, share(LINE_H))
    side_r = Rect(m, rep.bottom + row_gap, left_w, share(LINE_H))
    cue_h = share(CUE_H)
    cue = Rect(m, max(side_r.bottom, bottom - cue_h), left_w, min(cue_h, bottom - side_r.bottom))
    picture_top = side_r.bottom + gap
    illustration = Rect(m, picture_top, left_w, max(0, cue.y - gap - picture_top))
    breath_picture = Rect(m, side_r.y, left_w, max(0, cue.bottom - side_r.y))

    message = Rect(m, share(MESSAGE_TOP), inner_w, share(MESSAGE_H))
    detail = Rect(m, message.bottom + gap, inner_w, share(DETAIL_H))
    return Layout(
        width=w,
        height=h,
        name=name,
        rep=rep,
        side=side_r,
        illustration=illustration,
        cue=cue,
        phase=phase,
        dial=dial,
        bar=bar,
        pacer=pacer,
        breath_picture=breath_picture,
        message=message,
        detail=detail,
        digit_px=dial_geometry(side, side, 1.0).digit_px,
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- one line of text


class FitText(QWidget):
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
        self._theme: Theme | None = None
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

    def set_theme(self, theme: Theme | None) -> None:
        if theme != self._theme:
            self._theme = theme
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
        t = self._theme or current_theme()
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


# ---------------------------------------------------------------- paused


class PausedCover(QWidget):
    """Over the whole view while paused: the view dimmed, two bars and "Paused - press Space"."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("fsPaused")
        self._theme: Theme | None = None
        self.title = FitText("fsPausedTitle", align=Qt.AlignmentFlag.AlignHCenter, parent=self)
        self.title.set_text(self.tr("Paused - press Space"))
        self.reason = FitText(
            "fsPausedReason", bold=False, align=Qt.AlignmentFlag.AlignHCenter, parent=self
        )
        self.reason.set_role("muted")
        self.setAccessibleName(self.tr("Paused"))
        self.hide()

    def set_reason(self, reason: PauseReason | None) -> None:
        if reason is PauseReason.SUSPEND:
            text = self.tr("Paused while the computer was asleep")
        elif reason is PauseReason.RESTORED:
            text = self.tr("Your last session was interrupted: it picks up where you left off")
        else:
            text = ""
        self.reason.set_text(text)
        self.setAccessibleDescription(" ".join(x for x in (self.title.text(), text) if x))

    def set_theme(self, theme: Theme | None) -> None:
        self._theme = theme
        self.title.set_theme(theme)
        self.reason.set_theme(theme)
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
        t = self._theme or current_theme()
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


# ---------------------------------------------------------------- the view


class FullscreenSessionView(QWidget):
    """The session for a person on the floor: passive, sized from its own height."""

    exitRequested = Signal()  # Esc: the main window decides (leave full screen first)

    MODES = ("blank", "exercise", "breathing", "gate")

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
        reduced_motion: bool | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("fullscreenSession")
        self.setAccessibleName(self.tr("Full-screen session"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._theme = theme
        self._retheme_pending = False
        self._mode = "blank"
        self._words = phase_words()
        self._picture: tuple[str | None, bool] | None = None
        self._layout = fullscreen_layout(0, 0)

        left = Qt.AlignmentFlag.AlignLeft
        centre = Qt.AlignmentFlag.AlignHCenter
        self.name_text = FitText("fsName", align=left, parent=self)
        self.rep_text = FitText("fsRep", align=left, parent=self)
        self.side_text = FitText("fsSide", align=left, parent=self)
        self.cue_text = FitText("fsCue", align=left, parent=self)
        self.phase_text = FitText("fsPhase", align=centre, parent=self)
        self.message_text = FitText("fsMessage", align=centre, parent=self)
        self.detail_text = FitText("fsDetail", bold=False, align=centre, parent=self)
        self.detail_text.set_role("muted")
        self.illustration = IllustrationView(parent=self)
        self.illustration.setObjectName("fsIllustration")
        self.dial = TimerDial(self)
        self.dial.setObjectName("fsDial")
        self.pacer = PacerWidget(self, reduced_motion=reduced_motion)
        self.pacer.setObjectName("fsPacer")
        self.progress = ProgressLine(self)
        self.progress.setObjectName("fsProgress")
        for child in (self.illustration, self.dial, self.pacer, self.progress):
            child.setMinimumSize(1, 1)
        self.paused = PausedCover(self)
        self._parts = {
            "exercise": (
                self.name_text,
                self.rep_text,
                self.side_text,
                self.illustration,
                self.cue_text,
                self.phase_text,
                self.dial,
            ),
            "breathing": (self.name_text, self.rep_text, self.illustration, self.pacer),
            "gate": (self.message_text, self.detail_text),
            "blank": (),
        }
        self._set_mode("blank", force=True)
        if theme is not None:
            self._push_theme(theme)

    # ---- API ----

    def show_snapshot(self, snap: Snapshot) -> None:
        """Show what the engine says (every change and every displayed second)."""
        self.progress.set_value(snap.session_progress)
        live = snap.paused_from or snap.state
        if live is State.BREATHING:
            self._show_breathing(snap)
        elif live in (State.STRETCHING, State.STRENGTHENING) and snap.step is not None:
            self._show_exercise(snap)
        elif live is State.GATE:
            self._show_gate(snap)
        else:
            self._set_mode("blank")
        paused = snap.state is State.PAUSED
        if paused:
            self.paused.set_reason(snap.paused_reason)
        if paused == self.paused.isHidden():
            self.paused.setVisible(paused)
            if paused:
                self.paused.raise_()

    def show_breath(self, state: BreathState | None) -> None:
        """One frame of the breath: forwarded to the pacer (nothing else)."""
        if state is None:
            return
        phase = state.phase.value
        self.pacer.set_state(state.size, self._words[phase], state.count or None, phase)

    def set_theme(self, theme: Theme | None) -> None:
        """Show ``theme``; None follows the app's theme (``apply_theme``) from then on."""
        self._theme = theme
        self._push_theme(theme or current_theme())
        self.update()

    def theme(self) -> Theme:
        return self._theme or current_theme()

    def set_reduced_motion(self, reduced: bool) -> None:
        self.pacer.set_reduced_motion(reduced)

    # ---- read-only state (tests, accessibility) ----

    def mode(self) -> str:
        """What the view shows: one of :attr:`MODES`."""
        return self._mode

    def layout_now(self) -> Layout:
        """The layout the children were last placed by."""
        return self._layout

    def is_paused_shown(self) -> bool:
        return not self.paused.isHidden()

    def visible_parts(self) -> tuple[QWidget, ...]:
        """The children showing in the current mode (the paused cover aside)."""
        return (*self._parts[self._mode], self.progress)

    # ---- QWidget ----

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.exitRequested.emit()
            return
        super().keyPressEvent(event)  # the rest (Space, N, ...) goes on to the main window

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._retheme_pending:
            # apply_theme() records the new theme after setting the palette: follow it after
            self._retheme_pending = True
            QCoreApplication.postEvent(self, QEvent(_RETHEME))

    def event(self, event: QEvent) -> bool:
        if event.type() == _RETHEME:
            self._retheme_pending = False
            if self._theme is None:
                self._push_theme(current_theme())
                self.update()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(self.theme().window))

    # ---- internals ----

    def _place(self) -> None:
        lay = fullscreen_layout(self.width(), self.height())
        self._layout = lay
        self.name_text.setGeometry(lay.name.qrect())
        self.rep_text.setGeometry(lay.rep.qrect())
        self.side_text.setGeometry(lay.side.qrect())
        self.cue_text.setGeometry(lay.cue.qrect())
        self.phase_text.setGeometry(lay.phase.qrect())
        self.dial.setGeometry(lay.dial.qrect())
        self.pacer.setGeometry(lay.pacer.qrect())
        self.progress.setGeometry(lay.bar.qrect())
        self.message_text.setGeometry(lay.message.qrect())
        self.detail_text.setGeometry(lay.detail.qrect())
        picture = lay.breath_picture if self._mode == "breathing" else lay.illustration
        self.illustration.setGeometry(picture.qrect())
        self.paused.place(lay)

    def _set_mode(self, mode: str, force: bool = False) -> None:
        if mode == self._mode and not force:
            return
        previous, self._mode = self._mode, mode
        shown = set(self._parts[mode])
        for part in {p for parts in self._parts.values() for p in parts}:
            part.setVisible(part in shown)
        self.progress.show()
        if (previous == "breathing") != (mode == "breathing"):
            self._place()  # the picture grows into the side's and the cue's room

    def _push_theme(self, theme: Theme) -> None:
        for text in self.findChildren(FitText):
            text.set_theme(theme)
        self.illustration.set_theme(theme)
        self.dial.set_theme(theme)
        self.pacer.set_theme(theme)
        self.progress.set_theme(theme)
        self.paused.set_theme(theme)

    def _show_picture(self, name: str | None, mirrored: bool, title: str) -> None:
        if (name, mirrored) != self._picture:
            self._picture = (name, mirrored)
            self.illustration.set_illustration(
                name, mirrored, self.tr("Drawing: %1").replace("%1", title) if title else ""
            )

    def _show_exercise(self, snap: Snapshot) -> None:
        self._set_mode("exercise")
        ex = snap.exercise
        name = ex.name if ex else ""
        self.name_text.set_text(name)
        if snap.rep is not None and snap.reps is not None:
            rep = self.tr("Rep %1 of %2").replace("%1", str(snap.rep)).replace("%2", str(snap.reps))
        else:
            rep = ""
        self.rep_text.set_text(rep)
        side = snap.side_label or ""
        switching = bool(snap.switching_side and side)
        if switching:
            self.side_text.set_text(self.tr("Switch sides: %1").replace("%1", side))
        else:
            self.side_text.set_text(_capitalised(side))
        self.side_text.set_boxed(switching)
        names = picture_names(ex)
        self._show_picture(names[0] if names else None, snap.side_index == 1, name)

        step = snap.step
        mode = dial_mode(step, snap.countdown)
        if step is Step.HOLD:
            phase, role = self.tr("Hold"), "hold"
        elif step is Step.RELEASE:
            phase, role = self.tr("Release"), "release"
        elif mode == "count_in":
            phase, role = self.tr("Get ready: %1").replace("%1", str(snap.countdown)), "hold"
        else:
            phase, role = self.tr("Get ready"), "text"
        self.phase_text.set_text(phase)
        self.phase_text.set_role(role)
        duration = snap.phase_duration_s
        fraction = snap.remaining_s / duration if duration > 0 else 0.0
        self.dial.set_phase(mode, snap.countdown, fraction)

        if step is Step.HOLD:
            if snap.exhale_cue:
                cue = self.tr("Breathe out into the stretch")
            else:
                cue = self.tr("Keep breathing")
        elif step is Step.RELEASE:
            cue = self.tr("Relax and breathe")
        elif switching:
            cue = self.tr("Change sides and get into position")
        else:
            cue = self.tr("Get into position")
        self.cue_text.set_text(cue)

    def _show_breathing(self, snap: Snapshot) -> None:
        self._set_mode("breathing")
        ex = snap.exercise
        name = ex.name if ex else self.tr("90/90 breathing")
        self.name_text.set_text(name)
        if snap.rep is not None and snap.reps is not None:
            text = self.tr("Breath %1 of %2").replace("%1", str(snap.rep))
            text = text.replace("%2", str(snap.reps))
        else:
            text = ""
        self.rep_text.set_text(text)
        names = picture_names(ex)
        self._show_picture(names[0] if names else None, False, name)
        if snap.breath is not None and self.pacer.phase() == "":
            self.show_breath(snap.breath)  # the first frame, before the frame driver's

    def _show_gate(self, snap: Snapshot) -> None:
        self._set_mode("gate")
        if snap.gate_open:
            self.message_text.set_text(self.tr("Strengthening is open"))
        else:
            self.message_text.set_text(self.tr("Strengthening stays locked for now"))
        if snap.state is State.PAUSED:
            detail = ""
        else:
            seconds = max(0, math.ceil(snap.remaining_s))
            detail = self.tr("Continuing by itself in %1 s").replace("%1", str(seconds))
        self.detail_text.set_text(detail)
