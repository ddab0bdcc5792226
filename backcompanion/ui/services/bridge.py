"""The session bridge: the one QObject between the engine and the widgets.

It owns the engine of the running session, re-emits its changes as Qt signals
and owns the only display timers:

- a single-shot ``Qt.PreciseTimer`` aimed at the engine's next deadline (the
  next whole second shown or a phase end), recomputed after every change, so a
  late tick never shifts the schedule and nothing wakes up when nothing moves;
- a frame timer for the breathing pacer, running only while the pacer is on
  screen and breathing is not paused, and for the exercise figure while it moves
  on screen: the first seconds of a hold (easing into the stretch) and of a
  release (easing back), never while paused, never once it holds still.

It also notices a suspend (CLOCK_BOOTTIME running ahead of CLOCK_MONOTONIC)
and holds back a key that lands just as the session moved on by itself.

The key hold: when a phase ends by itself (the timer), a key that moves on (N, B)
pressed within :data:`KEY_GUARD_S` was almost surely meant for the phase that just
ended, so it does not skip the new one. The press is not lost silently: the bridge
emits :attr:`SessionBridge.keyHeld` with its event, the page marks that key, and
``keyHeld(None)`` clears the mark when the second is over (the display timer is
aimed at that moment). A phase the person moved on by a key (or a button) holds
nothing back: N, N skips two repeats, as pressed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from backcompanion.figure.motion import moving_span
from backcompanion.session.breathing import BreathState
from backcompanion.session.snapshot import Snapshot
from backcompanion.session.states import Event, InvalidTransition, State, Step

if TYPE_CHECKING:  # the engine's modules load when a session is made (start-up time)
    from backcompanion.session.engine import SessionEngine

FRAME_MS = 16  # about 60 frames a second for the pacer and the moving figure
# docs/ARCHITECTURE.md §4: a jump of more than 2 s between the clocks means the machine slept
SUSPEND_GAP_S = 2.0
KEY_GUARD_S = 1.0  # a key in the first second of a phase begun by itself does not skip it
# events that move on: the guard keeps a key meant for the phase that just ended by itself
# from skipping the new one
GUARDED = frozenset({Event.SKIP_REPEAT, Event.SKIP_EXERCISE, Event.PREVIOUS, Event.CONTINUE})


def boottime_offset() -> float | None:
    """CLOCK_BOOTTIME - CLOCK_MONOTONIC: it grows by the time the machine slept (Linux only)."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is None:
        return None
    return time.clock_gettime(boottime) - time.clock_gettime(time.CLOCK_MONOTONIC)


class SessionBridge(QObject):
    changed = Signal(object)  # Snapshot, after every engine change and every shown second
    breathFrame = Signal(object)  # BreathState, once per frame while breathing on screen
    # seconds into the current phase, once per frame while the exercise figure moves on screen
    phaseFrame = Signal(float)
    sessionEnded = Signal(object)  # the final Snapshot (done or stopped)
    refused = Signal(str)  # an event the engine refused (a message for the status line)
    keyHeld = Signal(object)  # Event: a key held back (see the module doc); None: mark off

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep_offset: Callable[[], float | None] = boottime_offset,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._clock = clock
        self._sleep_offset = sleep_offset
        self._engine: SessionEngine | None = None
        self._last_offset = sleep_offset()
        self._phase_key: tuple | None = None
        self._guard_until = -math.inf  # keys that move on are held back until then
        self._held: Event | None = None  # the key held back, while its mark shows
        self._sending = False  # an event is being sent: the change it makes is the person's
        self._pacer_visible = False
        self._figure_visible = False
        self._motion_end: float | None = None  # the figure moves until then (monotonic)
        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.timeout.connect(self._on_tick)
        self._frame = QTimer(self)
        self._frame.setInterval(FRAME_MS)
        self._frame.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame.timeout.connect(self._on_frame)

    # ---- the engine of the running session ----

    @property
    def engine(self) -> SessionEngine | None:
        return self._engine

    @property
    def clock(self) -> Callable[[], float]:
        return self._clock

    def attach(self, engine: SessionEngine) -> None:
        """Follow ``engine`` (a new session, or one resumed after a crash)."""
        self.detach()
        self._engine = engine
        engine.add_listener(self._on_engine_change)
        self._last_offset = self._sleep_offset()
        self._on_engine_change()

    def detach(self) -> None:
        self._engine = None
        self._tick.stop()
        self._frame.stop()
        self._phase_key = None
        self._motion_end = None
        self._guard_until = -math.inf
        self._held = None

    def snapshot(self) -> Snapshot | None:
        return self._engine.snapshot() if self._engine else None

    def is_running(self) -> bool:
        return self._engine is not None and self._engine.state not in (
            State.IDLE,
            State.DONE,
            State.STOPPED,
        )

    def send(self, event: Event, from_key: bool = False, **payload: object) -> bool:
        """Send ``event``; False (and nothing happens) when the engine or the key guard refuses."""
        engine = self._engine
        if engine is None:
            return False
        if from_key and event in GUARDED and self.in_key_guard():
            self._held = event
            self.keyHeld.emit(event)
            self._schedule_tick()  # wake when the hold ends, to take the mark off
            return False
        self._sending = True
        try:
            engine.send(event, **payload)
        except InvalidTransition as exc:
            self.refused.emit(str(exc))
            return False
        finally:
            self._sending = False
        return True

    def in_key_guard(self) -> bool:
        """True in the first second of a phase that began by itself (not by a key)."""
        return self._clock() < self._guard_until

    def held_key(self) -> Event | None:
        """The key held back whose mark shows now (None: no mark)."""
        return self._held

    def set_pacer_visible(self, visible: bool) -> None:
        """The main window says whether the pacer is on screen; frames run only then."""
        self._pacer_visible = visible
        self._schedule_frames()

    def set_figure_visible(self, visible: bool) -> None:
        """The main window says whether a moving exercise figure is on screen (not in reduced
        motion); its frames (:attr:`phaseFrame`) run only then, and only while it moves."""
        self._figure_visible = visible
        self._schedule_frames()

    def frames_running(self) -> bool:
        return self._frame.isActive()

    # ---- timers ----

    def _on_engine_change(self) -> None:
        engine = self._engine
        if engine is None:
            return
        snap = engine.snapshot()
        key = (snap.state, snap.paused_from, snap.step, snap.exercise, snap.side_index, snap.rep)
        if key != self._phase_key:
            self._phase_key = key
            # moved on by the person (a key, a button): nothing to hold back
            self._guard_until = -math.inf if self._sending else self._clock() + KEY_GUARD_S
            self._release_held()
        self._motion_end = self._motion_end_of(engine, snap)
        self._schedule_tick()
        self._schedule_frames()
        self.changed.emit(snap)
        if snap.state in (State.DONE, State.STOPPED):
            self._tick.stop()
            self._frame.stop()
            self.sessionEnded.emit(snap)

    def _release_held(self) -> None:
        if self._held is not None:
            self._held = None
            self.keyHeld.emit(None)

    def _schedule_tick(self) -> None:
        deadline = self._engine.next_deadline() if self._engine else None
        if self._held is not None:  # also wake when the held key's mark is to go
            deadline = self._guard_until if deadline is None else min(deadline, self._guard_until)
        if deadline is None:
            self._tick.stop()
            return
        wait_ms = max(0, math.ceil((deadline - self._clock()) * 1000))
        self._tick.start(wait_ms)

    def _on_tick(self) -> None:
        engine = self._engine
        if engine is None:
            return
        if self._held is not None and not self.in_key_guard():
            self._release_held()
        offset = self._sleep_offset()
        if offset is not None and self._last_offset is not None:
            gap = offset - self._last_offset
            if gap > SUSPEND_GAP_S:
                self._last_offset = offset
                engine.suspend_detected(gap)
                return  # the engine notified us: its listener re-armed the timers
        self._last_offset = offset
        if not engine.update():
            # a whole second passed within the phase: show it, then aim at the next one
            self.changed.emit(engine.snapshot())
            self._schedule_tick()

    def _motion_end_of(self, engine: SessionEngine, snap: Snapshot) -> float | None:
        """Until when (monotonic) the figure of this phase moves; None when it holds still."""
        if snap.state not in (State.STRETCHING, State.STRENGTHENING):
            return None  # paused, or not exercising
        if snap.step not in (Step.HOLD, Step.RELEASE):
            return None
        now = self._clock()
        elapsed = engine.phase_time_at(now)
        span = moving_span(snap.step.value, snap.phase_duration_s)
        if elapsed is None or elapsed >= span:
            return None
        return now + (span - elapsed)

    def _schedule_frames(self) -> None:
        engine = self._engine
        breathing = engine is not None and engine.state is State.BREATHING
        moving = (
            engine is not None
            and self._figure_visible
            and self._motion_end is not None
            and self._clock() < self._motion_end
        )
        if (breathing and self._pacer_visible) or moving:
            if not self._frame.isActive():
                self._frame.start()
        else:
            self._frame.stop()

    def _on_frame(self) -> None:
        engine = self._engine
        if engine is None:
            return
        now = self._clock()
        if engine.state is State.BREATHING:
            breath: BreathState | None = engine.breath_at(now)
            if breath is not None:
                self.breathFrame.emit(breath)
        if self._motion_end is not None:
            elapsed = engine.phase_time_at(now)
            if elapsed is not None:
                self.phaseFrame.emit(elapsed)
            if now >= self._motion_end:  # it reached its pose: one last frame, then still
                self._motion_end = None
                self._schedule_frames()
