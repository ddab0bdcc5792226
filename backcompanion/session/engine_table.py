"""Every move the session engine allows: (state, event) -> where it may land, what it does, when.

A move that is not in :data:`TRANSITIONS` raises
:class:`~backcompanion.session.states.InvalidTransition`. The handlers are the
``on_*`` methods of :class:`~backcompanion.session.flow.SessionFlow`; guards
are plain functions of the flow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from backcompanion.session.flow import SessionFlow
from backcompanion.session.states import TIMED, Event, State, Step

Handler = Callable[..., None]
Guard = Callable[[SessionFlow], bool]


@dataclass(frozen=True)
class Move:
    """One allowed (state, event) move: where it may land, what it does, when it is allowed."""

    to: frozenset[State]
    do: Handler  # called as do(flow, now, **payload); sets the new state
    guard: Guard | None = None

    def allowed(self, flow: SessionFlow) -> bool:
        return self.guard is None or self.guard(flow)


# ---- guards: plain functions of the flow ----


def _in_lead_in(flow: SessionFlow) -> bool:
    """``continue`` during get_ready or a release starts the hold now; a hold runs its course."""
    return flow.cursor.step in (Step.GET_READY, Step.RELEASE)


def _effort_pending(flow: SessionFlow) -> bool:
    return flow.effort_for is not None


# ---- every allowed move: (state, event) -> Move(where it may land, handler, guard) ----

_S, _E, _X = State, Event, SessionFlow


def _to(*states: State) -> frozenset[State]:
    return frozenset(states)


# the last stretch ends in the gate; a breathing-only day goes to the flare-up page
_STRETCH_ON = _to(_S.STRETCHING, _S.GATE, _S.FLARE_UP)
_STRENGTH_ON = _to(_S.STRENGTHENING, _S.CHECK_IN_AFTER)  # the last one ends in the check-in
_STOP = Move(_to(_S.STOPPED), _X.on_stop)
_PAUSE = Move(_to(_S.PAUSED), _X.on_pause)

TRANSITIONS: dict[tuple[State, Event], Move] = {
    (_S.IDLE, _E.START): Move(_to(_S.CHECK_IN_BEFORE), _X.on_start),
    (_S.CHECK_IN_BEFORE, _E.CHECK_IN): Move(_to(_S.BREATHING), _X.on_opening_check_in),
    (_S.CHECK_IN_BEFORE, _E.STOP): _STOP,
    (_S.BREATHING, _E.CONTINUE): Move(_STRETCH_ON, _X.on_end_breathing),
    (_S.BREATHING, _E.SKIP_EXERCISE): Move(_STRETCH_ON, _X.on_end_breathing),
    (_S.BREATHING, _E.PAUSE): _PAUSE,
    (_S.BREATHING, _E.STOP): _STOP,
    (_S.FLARE_UP, _E.CONTINUE): Move(_to(_S.CHECK_IN_AFTER), _X.on_leave_flare_up),
    (_S.FLARE_UP, _E.STOP): _STOP,
    (_S.STRETCHING, _E.CONTINUE): Move(_to(_S.STRETCHING), _X.on_start_hold, _in_lead_in),
    (_S.STRETCHING, _E.SKIP_REPEAT): Move(_STRETCH_ON, _X.on_skip_repeat),
    (_S.STRETCHING, _E.SKIP_EXERCISE): Move(_STRETCH_ON, _X.on_skip_exercise),
    (_S.STRETCHING, _E.PREVIOUS): Move(_to(_S.STRETCHING), _X.on_previous),
    (_S.STRETCHING, _E.TOO_HARD): Move(_STRETCH_ON, _X.on_too_hard),
    (_S.STRETCHING, _E.THIS_HURTS): Move(_STRETCH_ON, _X.on_this_hurts),
    (_S.STRETCHING, _E.RATE_EFFORT): Move(_to(_S.STRETCHING), _X.on_rate_effort, _effort_pending),
    (_S.STRETCHING, _E.PAUSE): _PAUSE,
    (_S.STRETCHING, _E.STOP): _STOP,
    (_S.GATE, _E.CONTINUE): Move(_STRENGTH_ON, _X.on_leave_gate),
    (_S.GATE, _E.RATE_EFFORT): Move(_to(_S.GATE), _X.on_rate_effort, _effort_pending),
    (_S.GATE, _E.PAUSE): _PAUSE,
    (_S.GATE, _E.STOP): _STOP,
    (_S.STRENGTHENING, _E.CONTINUE): Move(_to(_S.STRENGTHENING), _X.on_start_hold, _in_lead_in),
    (_S.STRENGTHENING, _E.SKIP_REPEAT): Move(_STRENGTH_ON, _X.on_skip_repeat),
    (_S.STRENGTHENING, _E.SKIP_EXERCISE): Move(_STRENGTH_ON, _X.on_skip_exercise),
    (_S.STRENGTHENING, _E.PREVIOUS): Move(_to(_S.STRENGTHENING), _X.on_previous),
    (_S.STRENGTHENING, _E.TOO_HARD): Move(_STRENGTH_ON, _X.on_too_hard),
    (_S.STRENGTHENING, _E.THIS_HURTS): Move(_STRENGTH_ON, _X.on_this_hurts),
    (_S.STRENGTHENING, _E.RATE_EFFORT): Move(
        _to(_S.STRENGTHENING), _X.on_rate_effort, _effort_pending
    ),
    (_S.STRENGTHENING, _E.PAUSE): _PAUSE,
    (_S.STRENGTHENING, _E.STOP): _STOP,
    (_S.CHECK_IN_AFTER, _E.CHECK_IN): Move(_to(_S.DONE), _X.on_closing_check_in),
    (_S.CHECK_IN_AFTER, _E.RATE_EFFORT): Move(
        _to(_S.CHECK_IN_AFTER), _X.on_rate_effort, _effort_pending
    ),
    (_S.CHECK_IN_AFTER, _E.STOP): _STOP,
    (_S.PAUSED, _E.RESUME): Move(TIMED, _X.on_resume),
    (_S.PAUSED, _E.STOP): _STOP,
}
