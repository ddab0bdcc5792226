"""The session engine's vocabulary: its states, the steps of a repeat, the events it accepts.

Importable from :mod:`backcompanion.session.engine` too, where callers find them.
"""

from __future__ import annotations

import enum


class State(enum.StrEnum):
    IDLE = "idle"
    CHECK_IN_BEFORE = "check_in_before"
    BREATHING = "breathing"
    FLARE_UP = "flare_up"  # a breathing-only day: what to do today, after the breathing
    STRETCHING = "stretching"
    GATE = "gate"
    STRENGTHENING = "strengthening"
    CHECK_IN_AFTER = "check_in_after"
    DONE = "done"
    PAUSED = "paused"
    STOPPED = "stopped"


class Step(enum.StrEnum):
    """Where we are inside one repeat of an exercise."""

    GET_READY = "get_ready"
    HOLD = "hold"
    RELEASE = "release"


class Event(enum.StrEnum):
    START = "start"
    CHECK_IN = "check_in"  # payload: rating (int 0-10), note (str, optional)
    PAUSE = "pause"
    RESUME = "resume"
    SKIP_REPEAT = "skip_repeat"
    SKIP_EXERCISE = "skip_exercise"
    PREVIOUS = "previous"
    STOP = "stop"
    TOO_HARD = "too_hard"
    THIS_HURTS = "this_hurts"  # payload: rating (int 0-10 or None, optional)
    CONTINUE = "continue"
    RATE_EFFORT = "rate_effort"  # payload: effort (Effort)
    TAKE_EASIER = "take_easier"  # accept the easier version offered after "this hurts"


class PauseReason(enum.StrEnum):
    USER = "user"
    SUSPEND = "suspend"  # the machine slept; the UI noticed the clocks part
    RESTORED = "restored"  # a session picked up again after a crash


class InvalidTransition(Exception):
    """An event the current state does not accept (or whose guard says not now)."""

    def __init__(self, state: State, event: Event):
        self.state, self.event = state, event
        super().__init__(f"the event {event.value!r} is not allowed in the state {state.value!r}")


# the states with a scheduled end on the clock, and the two that walk through exercises
TIMED = frozenset({State.BREATHING, State.STRETCHING, State.GATE, State.STRENGTHENING})
EXERCISING = frozenset({State.STRETCHING, State.STRENGTHENING})
