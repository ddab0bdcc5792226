"""The slow loop of the figure on the carousel's card: rest, ease into the stretch, hold, ease
back, rest (:func:`~backcompanion.figure.motion.carousel_moment`), a few times over when the
card comes into view (:data:`LOOPS`), then at rest in the stretch, the pose that sums the
exercise up: a home screen left open all day does not keep drawing.

One single-shot QTimer drives it, and only while the card is on screen: not while the home
page is hidden behind another page, nor while the window is minimised (Qt then sends the
card a spontaneous hide event although ``isVisible()`` stays true), nor in reduced motion
(the card then shows the end pose, still, with an arrow). Where the figure is is a pure
function of the time since the loop began, read from a monotonic clock: no ticks are
counted, so a late timer only skips a frame. While the figure rests between its moves the
timer sleeps until the next move instead of waking every frame.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

from backcompanion.figure.motion import CAROUSEL_S, carousel_moment, carousel_wait
from backcompanion.ui.widgets.figure import FigureView

__all__ = ["LOOPS", "LOOP_FRAME_MS", "FigureLoop", "loop_end_s"]

LOOP_FRAME_MS = 33  # about 30 frames a second while the figure moves (it moves slowly)
LOOPS = 3  # times the movement is shown when a card comes into view (the app's choice)
HELD_AT = 0.5  # where in its last loop the figure stops: held in the stretch (carousel_moment)


def loop_end_s(moves: bool, period_s: float = CAROUSEL_S) -> float:
    """Seconds after the loop began when it stops: in the stretch of its last time round (a
    figure that only breathes stops with its lungs full, at the middle of a breath)."""
    return ((LOOPS - 1) + HELD_AT) * period_s


class FigureLoop(QObject):
    """Moves ``view``'s figure through the carousel loop while it is shown and motion is on."""

    def __init__(
        self,
        view: FigureView,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._view = view
        self._clock = clock
        self._start = clock()
        self._shown = False
        self._reduced = view.reduced_motion()
        self._timer = QTimer(self)
        self._timer.setObjectName("figureLoop")
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.step)

    def running(self) -> bool:
        return self._timer.isActive()

    def timer(self) -> QTimer:
        return self._timer

    def restart(self) -> None:
        """A new figure (or the same one shown again): the loop begins at rest."""
        self._start = self._clock()
        self._go()

    def set_shown(self, shown: bool) -> None:
        """Whether the card is on screen (its show and hide events, spontaneous ones too)."""
        if shown != self._shown:
            self._shown = shown
            if shown:
                self.restart()
            else:
                self._timer.stop()

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced = reduced
        self._view.set_reduced_motion(reduced)
        self._go()

    def step(self) -> None:
        """Show where the loop is now and aim the timer at the next change."""
        figure = self._view.figure()
        if figure is None or not self._shown or self._reduced:
            self._timer.stop()
            return
        end = loop_end_s(figure.moves)
        t = min(self._clock() - self._start, end)
        self._view.set_moment(carousel_moment(t, moves=figure.moves, via=figure.via))
        if t >= end:
            self._timer.stop()  # at rest for good, until the card comes into view again
            return
        wait = min(carousel_wait(t, moves=figure.moves), end - t)
        self._timer.start(max(LOOP_FRAME_MS, round(wait * 1000)))

    def _go(self) -> None:
        if self._shown and not self._reduced and self._view.figure() is not None:
            self.step()
        else:
            self._timer.stop()
