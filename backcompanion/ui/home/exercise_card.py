"""The large card in the centre of the carousel: the exercise's figure, name, dose and the four
instruction lines (position, movement, feel, avoid), with the "Now" and "Locked" badges
and the panel that says why strengthening is locked. The figure loops slowly through its
movement while the card is on screen (:mod:`.card_motion`).

Its content sits on an inner page that slides sideways when the carousel moves; the
carousel tells it what to show (:meth:`ExerciseCard.show_exercise`) and where the page
is during a slide (:meth:`ExerciseCard.set_offset`). How the body's width is shared
between picture and text is :func:`~backcompanion.ui.home.carousel_model.picture_width`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backcompanion.i18n import translate
from backcompanion.program import Exercise
from backcompanion.ui.home.card_badges import Badge, LockPanel, em_of
from backcompanion.ui.home.card_motion import FigureLoop
from backcompanion.ui.home.carousel_model import body_room, is_roomy
from backcompanion.ui.theme import SUBTITLE_PT, TITLE_PT, Theme, Themed, set_role
from backcompanion.ui.widgets.figure import ASPECT, FigureView, figures_for

__all__ = ["ExerciseCard"]

PICTURE_MIN_LINES = 4.5  # the picture's least useful height, in lines of text
NAME_SHARE = 0.25  # a name taking more of the card's height than this is set smaller


def _height(widget: QWidget, width: int) -> int:
    """How tall ``widget`` wants to be at ``width`` (all its lines, for wrapped text)."""
    hfw = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
    return hfw if hfw >= 0 else widget.sizeHint().height()


def _escape(text: str) -> str:
    """``html.escape`` without importing :mod:`html` (its entity table) at start-up."""
    for plain, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")):
        text = text.replace(plain, entity)
    return text.replace("'", "&#x27;")


class _PictureBox(QWidget):
    """Holds the figure without passing on its height-for-width, so the picture takes
    whatever room the text leaves instead of squeezing the text; top-aligned."""

    def __init__(self, view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        view.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        em = em_of(self)
        return QSize(round(em * 12), round(em * 9))

    def minimumSizeHint(self) -> QSize:
        em = em_of(self)
        return QSize(round(em * 6), round(em * PICTURE_MIN_LINES))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.place()

    def place(self) -> None:
        """The drawing as large as fits, top-aligned like the text beside it."""
        w, h = self.width(), self.height()
        aspect = self.view.drawing_aspect()
        if w <= 0 or h <= 0:
            return
        fit = (
            QSize(w, max(1, round(w / aspect))) if w / h <= aspect else QSize(round(h * aspect), h)
        )
        self.view.setGeometry((w - fit.width()) // 2, 0, fit.width(), fit.height())


class ExerciseCard(Themed, QWidget):
    """The large card in the centre. Its content sits on an inner page that slides."""

    LABELS = ("position", "movement", "feel", "avoid")

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        reduced_motion: bool = False,
    ):
        super().__init__(parent)
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
        self.figure = FigureView(background="card", reduced_motion=reduced_motion)
        self.figure.setObjectName("figure")
        self.picture = _PictureBox(self.figure)
        self.loop = FigureLoop(self.figure, clock, self)

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
        # the variant, the dose and why it is locked: across the card over the picture and
        # the instructions, or (a short window) in the column beside the picture
        self.about = QWidget()
        self.about.setObjectName("about")
        about = QVBoxLayout(self.about)
        about.setContentsMargins(0, 0, 0, 0)
        about.addWidget(self.variant)
        about.addWidget(self.dose)
        about.addWidget(self.lock_panel)
        self._about = about
        self._side = QVBoxLayout()
        self._side.setContentsMargins(0, 0, 0, 0)
        self._side.addWidget(text_column, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.picture, 1)
        body.addLayout(self._side, 1)
        self._body = body
        # everything under the name; a last resort for a cramped window: it scrolls (Up/Down)
        # as one, every line whole, rather than squeeze a label or the picture to a sliver
        self.content = QWidget()
        self.content.setObjectName("cardContent")
        below = QVBoxLayout(self.content)
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.about)
        below.addLayout(body, 1)
        self._below = below
        self._about_beside = False
        self.scroll = QScrollArea()
        self.scroll.setObjectName("instructionScroll")
        self.scroll.setWidget(self.content)
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
        column = QVBoxLayout(self.page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(title_row)
        column.addWidget(self.scroll, 1)
        self._column = column
        self._compact_name = False
        self._cramped = False
        self._fit_pending = False  # asked to fit while hidden: fits when shown
        self._metrics()

    def set_instructions(self, position: str, movement: str, feel: str, avoid: str) -> None:
        self._texts = dict(zip(self.LABELS, (position, movement, feel, avoid), strict=True))
        for key, text in self._texts.items():
            self.instructions[key].setText(
                f"<b>{_escape(self.titles[key])}</b>&nbsp;&nbsp;{_escape(text)}"
            )
            self.instructions[key].setAccessibleName(f"{self.titles[key]}: {text}")
        self.scroll.verticalScrollBar().setValue(0)

    def instruction(self, key: str) -> str:
        """The plain text of one instruction: ``position``, ``movement``, ``feel`` or ``avoid``."""
        return self._texts[key]

    def fit(self) -> None:
        """Lay the card out for its size: the name whole (smaller when it would take too much
        of a short card), and under it the variant, dose and lock panel, each with all its
        lines; the rest for the picture and the instructions, the largest picture (up to what
        the height can show) that leaves the instructions room for all their lines. When even
        a useful picture and the instructions do not fit, everything under the name scrolls."""
        if not self.isVisible():  # measured when shown (start-up: not for a size never seen)
            self._fit_pending = True
            return
        self._fit_pending = False
        width, height = self.page.width(), self.page.height()
        if width <= 0 or height <= 0:
            return
        gap = self._column.spacing()
        badges = [b for b in (self.now_badge, self.lock_badge) if not b.isHidden()]
        name_w = max(
            1, width - sum(b.sizeHint().width() + self._title_row.spacing() for b in badges)
        )
        self._set_compact_name(False)
        if self.name.heightForWidth(name_w) > NAME_SHARE * height:
            self._set_compact_name(True)
        name_h = max(0, self.name.heightForWidth(name_w))
        self.name.setMinimumHeight(name_h)
        top = max([name_h] + [b.sizeHint().height() for b in badges])
        view_h = height - top - gap
        picture_min = em_of(self) * PICTURE_MIN_LINES
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        chosen, body_h, fixed, cramped = self._body_room(width, view_h, picture_min, False)
        beside = cramped
        if beside:  # short: the picture goes up beside the texts, and they may scroll
            room = self._body_room(width, view_h, picture_min, True)
            if room[3]:  # the scroll bar takes a strip of the width
                room = self._body_room(width - bar, view_h, picture_min, True)
            chosen, body_h, fixed, cramped = room
        self._place_about(beside)
        self._cramped = cramped
        self.picture.setFixedWidth(max(self.picture.minimumSizeHint().width(), int(chosen)))
        self.content.setMinimumHeight(round(fixed + body_h) if cramped else 0)

    def _body_room(self, width: int, view_h: float, picture_min: float, beside: bool):
        """(picture width, body height, height above the body, cramped) for a content
        ``width`` wide in a view ``view_h`` high; ``beside``: the variant, dose and lock
        panel in the column beside the picture instead of across the card."""
        gap = self._below.spacing()
        labels = list(self.instructions.values())
        between = self._steps.spacing() * (len(labels) - 1)

        def about_height(w: int) -> float:
            sizes = [
                _height(i, w)
                for i in (self.variant, self.dose, self.lock_panel)
                if not i.isHidden()
            ]
            return sum(sizes) + self._about.spacing() * max(0, len(sizes) - 1)

        def text_height(text_w: int) -> float:
            own = sum(lbl.heightForWidth(text_w) for lbl in labels) + between
            return own + (about_height(text_w) + gap if beside else 0.0)

        fixed = 0.0 if beside else about_height(width) + gap
        avail = width - self._body.spacing()
        chosen, body_h, cramped = body_room(avail, view_h - fixed, text_height, picture_min, ASPECT)
        return chosen, body_h, fixed, cramped

    def _place_about(self, beside: bool) -> None:
        if beside == self._about_beside:
            return
        self._about_beside = beside
        (self._below if beside else self._side).removeWidget(self.about)
        if beside:
            self._side.insertWidget(0, self.about)
        else:
            self._below.insertWidget(0, self.about)

    def is_cramped(self) -> bool:
        """True when the card's content scrolls (a window too short for all of it)."""
        return self._cramped

    def _set_compact_name(self, compact: bool) -> None:
        if compact != self._compact_name:
            self._compact_name = compact
            self.name.setStyleSheet(f"font-size: {TITLE_PT}pt;" if compact else "")
            self.name.ensurePolished()

    # ---- what the carousel tells it ----

    def show_exercise(
        self,
        exercise: Exercise,
        *,
        easier_of: str | None,
        dose: str,
        now: bool,
        locked: bool,
        reasons: tuple[str, ...],
    ) -> None:
        """Show ``exercise``: ``easier_of`` names the exercise it is the easier version of,
        ``dose`` is the dose in words, ``now`` marks the session's exercise, ``locked``
        shows the lock and, when there are any, the ``reasons`` it opens after."""
        variant = translate("ExerciseCarousel", "Easier version of {name}")
        self.variant.setText(variant.format(name=easier_of) if easier_of else "")
        self.variant.setVisible(bool(easier_of))
        self.name.setText(exercise.name)
        self.dose.setText(dose)
        texts = exercise.instructions
        self.set_instructions(texts.position, texts.movement, texts.feel, texts.mistake)
        figures = figures_for(exercise.id)
        figure = figures[0] if figures else None
        mirrored = exercise.only_side == 1  # a plan's second side only: drawn as it is done
        if figure != self.figure.figure() or mirrored != self.figure.is_mirrored():
            self.figure.set_figure(figure, mirrored, exercise.name)
            self.picture.place()
            self.loop.restart()
        self.set_now(now)
        self.lock_badge.setVisible(locked)
        self.lock_panel.set_reasons(reasons)
        self.lock_panel.setVisible(locked and bool(reasons))
        self.fit()

    def set_theme(self, theme: Theme | None) -> None:
        self.now_badge.set_theme(theme)
        self.lock_badge.set_theme(theme)
        self.lock_panel.set_theme(theme)
        self.figure.set_theme(theme)
        super().set_theme(theme)

    def set_reduced_motion(self, reduced: bool) -> None:
        """Reduced motion: the figure shows the end pose, still, with an arrow; no loop."""
        self.loop.set_reduced_motion(reduced)

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
        em = em_of(self)
        self._line = max(2.0, em / 14)
        self._now_line = max(4.0, em / 5)
        self._ring = max(3.0, em / 7)
        self._ring_gap = max(2.0, em / 10)
        self._radius = em * 0.5
        self._pad = em * 0.55
        self._column.setSpacing(round(em * 0.3))
        self._below.setSpacing(round(em * 0.3))
        self._about.setSpacing(round(em * 0.3))
        self._side.setSpacing(round(em * 0.3))
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

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self.fit()
        self.loop.set_shown(True)

    def hideEvent(self, event) -> None:
        # also the spontaneous hide of a minimised window (isVisible() stays true then)
        self.loop.set_shown(False)
        super().hideEvent(event)

    def is_roomy(self) -> bool:
        """True when the card is large enough for the instructions in a larger size."""
        return self._roomy

    def _update_room(self) -> None:
        em = em_of(self)
        roomy = is_roomy(self.width() / em, self.height() / em, self._roomy)
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
        em = em_of(self)
        return QSize(round(em * 30), round(em * 20))

    def minimumSizeHint(self) -> QSize:
        em = em_of(self)
        return QSize(round(em * 14), round(em * 12))

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self.painted_theme()
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
