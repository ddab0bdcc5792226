"""The pieces around the carousel's card: the neighbouring exercises as small thumbnails
(:class:`ExerciseThumb`) and the row of dots under it, one per exercise (:class:`DotButton`).

Both are clicked with the mouse only (the keyboard browses with Left and Right); the
carousel tells them what to show and in which theme.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from backcompanion.i18n import translate
from backcompanion.program import Exercise
from backcompanion.ui.home.card_badges import bold_of, draw_padlock, em_of
from backcompanion.ui.theme import Theme, Themed, set_role
from backcompanion.ui.widgets.figure import figure_image, figures_for, fitted_size

__all__ = ["DotButton", "ExerciseThumb", "NavRow", "widest_word"]


def widest_word(entries: Sequence[Exercise], font: QFont) -> float:
    """The widest word of the names of ``entries`` in ``font`` made bold (px): a thumbnail
    at least this wide never cuts a word (:meth:`ExerciseThumb.set_longest_word`)."""
    fm = QFontMetricsF(bold_of(font))
    words = [w for e in entries for w in e.name.split()]
    return max((fm.horizontalAdvance(w) for w in words), default=0.0)


class ExerciseThumb(Themed, QAbstractButton):
    """A neighbouring exercise, small: its figure (still, the pose that sums it up) and its
    name; a click jumps to it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard uses Left/Right instead
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._exercise: Exercise | None = None
        self._locked = False
        self._now = False
        self._pixmap = QPixmap()
        self._bold = QFont()
        self._box = QRectF()
        self._img = QRectF()
        self._text = QRectF()
        self._lock = QRectF()
        self._name = ""
        self._stale = True  # laid out and drawn again at the next paint
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

    def show_neighbour(
        self, exercise: Exercise | None, locked: bool, now: bool, theme: Theme
    ) -> None:
        """Show ``exercise`` beside the card and say where a click goes; None hides it."""
        self.set_entry(exercise, locked, now, theme)
        if exercise is None:
            self.setVisible(False)
            return
        label = translate("ExerciseCarousel", "Go to {name}").format(name=exercise.name)
        if locked:
            label += ". " + translate("ExerciseCarousel", "Locked")
        self.setAccessibleName(label)
        self.setToolTip(label)
        self.setVisible(True)

    def _on_theme_change(self) -> None:
        self._rebuild()  # the picture is rendered in the theme's colours

    def sizeHint(self) -> QSize:
        em = em_of(self)
        return QSize(self.minimumSizeHint().width(), round(em * 8))

    def minimumSizeHint(self) -> QSize:
        em = em_of(self)
        width = max(em * 4.4, self._word_w + QFontMetricsF(bold_of(self.font())).height() * 0.8)
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
        """Lay out and draw again at the next paint: a thumbnail changed several times before
        it is seen (the window's first layout, a theme, a size) draws its figure once."""
        self._stale = True
        self.update()

    def _lay_out(self) -> None:
        """Lay out picture and name for this size and draw the figure into a pixmap."""
        self._stale = False
        self._bold = bold_of(self.font())
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
        figures = figures_for(ex.id if ex else None)
        if figures and not img.isEmpty() and self._theme is not None:
            self._pixmap = figure_image(
                figures[0],
                img,
                theme=self._theme,
                background=self._theme.card,
                dpr=self.devicePixelRatioF(),
            )

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._exercise is None:
            return
        if self._stale:
            self._lay_out()
        t = self.painted_theme()
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
            draw_padlock(p, self._lock, QColor(t.text), max(2.0, em / 12))

    def enterEvent(self, event) -> None:
        super().enterEvent(event)
        self.update()

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.update()


class DotButton(Themed, QAbstractButton):
    """One exercise in the row of dots: filled when shown, a ring around it when "Now"."""

    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self._shown = False
        self._now = False
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
        side = round(em_of(self) * 1.05)  # at least 24 px at 100 %: a comfortable mouse target
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self.painted_theme()
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


class NavRow:
    """The row under the card: Previous, a dot per exercise, "3 of 11" and the phase, Next.

    Not a widget of its own: its :attr:`layout` goes into the carousel's, so the buttons
    and dots are the carousel's children (one focus chain). Key presses on the buttons go
    to ``owner``'s event filter (Left and Right still browse), and ``owner`` takes the
    focus from a button that becomes disabled at either end. A button calls ``step(-1)``
    or ``step(1)``, a dot ``go(its index)``. The texts are the carousel's (translation
    context ``ExerciseCarousel``).
    """

    def __init__(self, owner: QWidget, step: Callable[[int], None], go: Callable[[int], None]):
        self._owner = owner
        self._go = go
        self.prev_button = QPushButton(translate("ExerciseCarousel", "‹  Previous"))
        self.prev_button.setObjectName("previousButton")
        self.prev_button.setAccessibleName(translate("ExerciseCarousel", "Previous exercise"))
        self.prev_button.setToolTip(
            translate("ExerciseCarousel", "Previous exercise (Left arrow key)")
        )
        self.next_button = QPushButton(translate("ExerciseCarousel", "Next  ›"))
        self.next_button.setObjectName("nextButton")
        self.next_button.setAccessibleName(translate("ExerciseCarousel", "Next exercise"))
        self.next_button.setToolTip(
            translate("ExerciseCarousel", "Next exercise (Right arrow key)")
        )
        for button, direction in ((self.prev_button, -1), (self.next_button, 1)):
            button.setAutoDefault(False)
            button.installEventFilter(owner)  # Left/Right still browse while a button has focus
            button.clicked.connect(lambda _=False, d=direction: step(d))
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        set_role(self.counter, "subtitle")
        self.phase = QLabel()
        self.phase.setObjectName("phase")
        set_role(self.phase, "muted")
        self.dots: list[DotButton] = []
        self._dot_row = QHBoxLayout()
        self._dot_row.setSpacing(0)
        self.layout = QHBoxLayout()
        self.layout.addWidget(self.prev_button)
        self.layout.addStretch(1)
        self.layout.addLayout(self._dot_row)
        self.layout.addWidget(self.counter)
        self.layout.addWidget(self.phase)
        self.layout.addStretch(1)
        self.layout.addWidget(self.next_button)

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.prev_button, self.next_button

    def build_dots(self, entries: Sequence[Exercise]) -> None:
        """A dot for each of ``entries`` (the ones before are deleted)."""
        for dot in self.dots:
            self._dot_row.removeWidget(dot)
            dot.setParent(None)
            dot.deleteLater()
        self.dots = []
        for i, exercise in enumerate(entries):
            dot = DotButton(i)
            dot.setObjectName(f"dot_{exercise.id}")
            dot.setToolTip(exercise.name)
            dot.clicked.connect(lambda _=False, i=i: self._go(i))
            self._dot_row.addWidget(dot)
            self.dots.append(dot)
            dot.show()

    def clear(self) -> None:
        """Nothing to browse: both buttons disabled, no counter."""
        self.prev_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.counter.setText("")
        self.phase.setText("")

    def set_state(
        self,
        position: str,
        phase: str,
        index: int,
        entries: Sequence[Exercise],
        current: str | None,
        t: Theme,
    ) -> None:
        """Card ``index`` of ``entries`` shown (``position`` says so, ``phase`` names its
        phase); ``current`` is the session's exercise. A button is disabled at its end."""
        self.counter.setText(position)
        self.phase.setText(phase)
        n = len(entries)
        for dot, other in zip(self.dots, entries, strict=True):
            dot.set_state(dot.index == index, other.id == current, t)
            dot.setAccessibleName(
                translate("ExerciseCarousel", "Go to exercise {index} of {count}: {name}").format(
                    index=dot.index + 1, count=n, name=other.name
                )
            )
        at_start, at_end = index == 0, index == n - 1
        for button, disable in ((self.prev_button, at_start), (self.next_button, at_end)):
            if disable and button.hasFocus():
                self._owner.setFocus(Qt.FocusReason.OtherFocusReason)  # keep focus in the carousel
            button.setEnabled(not disable)
