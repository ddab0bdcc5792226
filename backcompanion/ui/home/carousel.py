"""The exercise carousel: every exercise of the program as one large card.

One card in the centre (the exercise's figure, name, dose in plain words, the four
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
:mod:`backcompanion.ui.theme`, the figures from :mod:`backcompanion.ui.widgets.figure`;
``paintEvent`` only draws what resize, content or theme changes prepared. The slide
animation (one QVariantAnimation, about a fifth of a second) is skipped in reduced
motion and stops when it ends or the widget is hidden; the card's figure loops slowly
on one timer that runs only while the card is on screen (:mod:`.card_motion`), and in
reduced motion shows the end pose, still, with an arrow.

Where things are: this module holds the carousel (browsing, keys, wheel, slide,
theme); the card is :mod:`.exercise_card`, its badges and lock panel
:mod:`.card_badges`, the thumbnails and dots :mod:`.carousel_strip`, and the
arithmetic and words without Qt (dose, wheel steps, picture share)
:mod:`.carousel_model`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractAnimation,
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QObject,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backcompanion.program import Exercise, Phase, Program
from backcompanion.session.plan import SessionPlan
from backcompanion.ui.home.card_badges import em_of
from backcompanion.ui.home.carousel_model import WheelSteps, dose_text, easier_of, phase_name
from backcompanion.ui.home.carousel_strip import DotButton, ExerciseThumb, NavRow, widest_word
from backcompanion.ui.home.exercise_card import ExerciseCard
from backcompanion.ui.theme import (
    Theme,
    Themed,
    current_theme,
    system_prefers_reduced_motion,
)

__all__ = ["BROWSE_HOLD_S", "SLIDE_MS", "ExerciseCarousel"]

BROWSE_HOLD_S = 10.0  # after the user browsed, the carousel does not follow the session this long
SLIDE_MS = 220  # the slide when moving one card (none in reduced motion)
SLIDE_SHARE = 0.12  # how far (of the card's width) the new card slides in from
_RETHEME = QEvent.Type(QEvent.registerEventType())
_NAV_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End})
_SCROLL_KEYS = {  # in a cramped window the instructions scroll
    Qt.Key.Key_Up: QAbstractSlider.SliderAction.SliderSingleStepSub,
    Qt.Key.Key_Down: QAbstractSlider.SliderAction.SliderSingleStepAdd,
    Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
    Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd,
}


class _Slide:
    """The card's slide to a new exercise: one QVariantAnimation, a child of ``owner``,
    that moves the card's page from one side to its place. None in reduced motion or
    while ``owner`` is hidden; stopping puts the page home at once."""

    def __init__(self, owner: QWidget, card: ExerciseCard):
        self._owner = owner
        self._card = card
        self._anim = QVariantAnimation(owner)
        self._anim.setDuration(SLIDE_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(card.set_offset)
        self._anim.finished.connect(lambda: card.set_offset(0.0))

    def running(self) -> bool:
        return self._anim.state() != QAbstractAnimation.State.Stopped

    def start(self, direction: int, reduced: bool) -> None:
        """Slide in from the right (``direction`` 1: forward) or the left (-1)."""
        self._anim.stop()
        if reduced or not self._owner.isVisible():
            self._card.set_offset(0.0)
            return
        if self._owner.isRightToLeft():
            direction = -direction
        self._anim.setStartValue(float(direction * self._card.width() * SLIDE_SHARE))
        self._anim.setEndValue(0.0)
        self._anim.start()

    def stop(self) -> None:
        if self.running():
            self._anim.stop()
        self._card.set_offset(0.0)


class ExerciseCarousel(Themed, QWidget):
    """Every exercise of the program as a card; browsing emits :attr:`browsed` and nothing else.

    :meth:`set_theme` pins the theme of the painted parts; None follows the app's
    theme (:func:`~backcompanion.ui.theme.apply_theme`).
    """

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
        self._wheel = WheelSteps()
        self._retheme_pending = False
        self._applied: Theme | None = None

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Exercises"))
        self.setAccessibleDescription(
            self.tr("Left and Right arrow keys move between the exercises.")
        )

        self._card = ExerciseCard(self, clock=clock, reduced_motion=self._reduced)
        self._prev_thumb = ExerciseThumb(self)
        self._prev_thumb.setObjectName("previousThumb")
        self._next_thumb = ExerciseThumb(self)
        self._next_thumb.setObjectName("nextThumb")
        for thumb, step in ((self._prev_thumb, -1), (self._next_thumb, 1)):
            policy = thumb.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the card keeps its width at either end
            thumb.setSizePolicy(policy)
            thumb.clicked.connect(lambda _=False, s=step: self._step(s))

        self._nav = NavRow(self, self._step, lambda i: self._go(i, user=True))

        self._slide = _Slide(self, self._card)

        row = QHBoxLayout()
        row.addWidget(self._prev_thumb, 1)
        row.addWidget(self._card, 8)
        row.addWidget(self._next_thumb, 1)
        self._row = row
        outer = QVBoxLayout(self)
        outer.addLayout(row, 1)
        outer.addLayout(self._nav.layout)
        self._outer = outer
        self.setTabOrder(self._nav.prev_button, self)
        self.setTabOrder(self, self._nav.next_button)
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
        self._slide.stop()
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
        self._nav.build_dots(self._entries)
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
        """No slide at all in reduced motion (a running one stops at once), and the card's
        figure holds still."""
        self._reduced = bool(reduced)
        if self._reduced:
            self._slide.stop()
        self._card.set_reduced_motion(self._reduced)

    def reduced_motion(self) -> bool:
        return self._reduced

    def is_animating(self) -> bool:
        return self._slide.running()

    def theme(self) -> Theme:
        return self.painted_theme()

    def card(self) -> ExerciseCard:
        return self._card

    def dots(self) -> list[DotButton]:
        return list(self._nav.dots)

    def thumbnails(self) -> tuple[ExerciseThumb, ExerciseThumb]:
        return self._prev_thumb, self._next_thumb

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self._nav.buttons()

    def dose_text(self, exercise: Exercise) -> str:
        """The dose in plain words: "Hold 7 s · 20 repeats per side (left leg, right leg)"."""
        return dose_text(exercise, self._plan)

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
        self._slide.start(direction, self._reduced)
        if user:
            self.browsed.emit(self._entries[index].id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._nav_key(event):
            return
        bar = self._card.scroll.verticalScrollBar()
        action = _SCROLL_KEYS.get(Qt.Key(event.key()))
        if action is not None and bar.maximum() > 0:
            bar.triggerAction(action)
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
            and watched in self._nav.buttons()
            and self._nav_key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """One notch of a mouse wheel, or one trackpad swipe, moves one card."""
        phase = event.phase()
        if phase in (Qt.ScrollPhase.ScrollBegin, Qt.ScrollPhase.ScrollEnd):
            self._wheel.reset()
            event.accept()
            return
        if phase == Qt.ScrollPhase.ScrollMomentum:  # the glide after a swipe: ignore
            event.accept()
            return
        d = event.angleDelta()
        delta = d.x() if abs(d.x()) >= abs(d.y()) else d.y()
        if event.inverted():
            delta = -delta
        event.accept()
        step = self._wheel.feed(delta, gesture=phase == Qt.ScrollPhase.ScrollUpdate)
        if step:
            self._step(step)

    # ---------------------------------------------------------------- showing

    def _refresh(self) -> None:
        """Put the shown exercise, its neighbours and the states on screen."""
        t = self._applied or self.theme()
        n = len(self._entries)
        card = self._card
        if not 0 <= self._index < n:
            card.page.setVisible(False)
            self._prev_thumb.setVisible(False)
            self._next_thumb.setVisible(False)
            self._nav.clear()
            return
        card.page.setVisible(True)
        ex = self._entries[self._index]
        locked = self._locked(ex)
        now = ex.id == self._current
        dose = self.dose_text(ex)
        card.show_exercise(
            ex,
            easier_of=easier_of(ex, self._program),
            dose=dose,
            now=now,
            locked=locked,
            reasons=self._reasons,
        )
        position = self.tr("{index} of {count}").format(index=self._index + 1, count=n)
        phase = phase_name(ex.phase)
        states = [position, phase, ex.name, dose]
        if now:
            states.append(self.tr("Now"))
        if locked:
            states.append(self.tr("Locked"))
        card.setAccessibleName(". ".join(states))
        for thumb, i in ((self._prev_thumb, self._index - 1), (self._next_thumb, self._index + 1)):
            if 0 <= i < n:
                other = self._entries[i]
                thumb.show_neighbour(other, self._locked(other), other.id == self._current, t)
            else:
                thumb.show_neighbour(None, False, False, t)
        self._nav.set_state(position, phase, self._index, self._entries, self._current, t)

    # ---------------------------------------------------------------- theme and size

    def _on_theme_change(self) -> None:
        self._push_theme()

    def _push_theme(self) -> None:
        t = self.theme()
        self._applied = t
        self._card.set_theme(t)
        self._refresh()

    def _measure_names(self) -> None:
        widest = widest_word(self._entries, self._prev_thumb.font())
        for thumb in (self._prev_thumb, self._next_thumb):
            thumb.set_longest_word(widest)

    def _metrics(self) -> None:
        if hasattr(self, "_prev_thumb"):
            self._measure_names()
        em = em_of(self)
        m = round(em * 0.4)
        self._outer.setContentsMargins(m, m, m, m)
        self._outer.setSpacing(round(em * 0.5))
        self._row.setSpacing(round(em * 0.5))
        self._nav.layout.setSpacing(round(em * 0.6))

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
        self._slide.stop()
        super().hideEvent(event)
