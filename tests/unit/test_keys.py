"""What each key of the README's table does, in each state and on each page (ui/window/keys.py).

key_action() reads the snapshot's state and allowed events only: the rows give
those two, as the engine would in that state.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from backcompanion.session.engine import Event as E
from backcompanion.session.engine import State as S
from backcompanion.ui.window.keys import EFFORT_DIGITS, Do, KeyAction, key_action

K = Qt.Key
DIGITS = (K.Key_1, K.Key_2, K.Key_3, K.Key_4)


def running(state: S, *allowed: E) -> SimpleNamespace:
    return SimpleNamespace(state=state, allowed_events=frozenset(allowed))


def send(event: E, from_key: bool = True) -> KeyAction:
    return KeyAction(Do.SEND, event, from_key)


IDLE = None  # no session runs
CHECK_IN = running(S.CHECK_IN_BEFORE, E.CHECK_IN, E.STOP)
CLOSING_CHECK_IN = running(S.CHECK_IN_AFTER, E.CHECK_IN, E.STOP, E.RATE_EFFORT)
BREATHING = running(S.BREATHING, E.PAUSE, E.CONTINUE, E.SKIP_EXERCISE, E.STOP)
_MOVES = (E.PAUSE, E.SKIP_REPEAT, E.SKIP_EXERCISE, E.PREVIOUS, E.TOO_HARD, E.THIS_HURTS, E.STOP)
STRETCH = running(S.STRETCHING, *_MOVES)
STRETCH_RATING = running(S.STRETCHING, *_MOVES, E.RATE_EFFORT)  # the last one may be rated
STRENGTH = running(S.STRENGTHENING, *_MOVES, E.RATE_EFFORT)
# the engine allows every move in every exercising step today; the key asks the snapshot
STRENGTH_NO_MOVES = running(S.STRENGTHENING, E.PAUSE, E.STOP)
GATE = running(S.GATE, E.PAUSE, E.CONTINUE, E.STOP, E.RATE_EFFORT)
PAUSED = running(S.PAUSED, E.RESUME, E.STOP)

# (key, snapshot, page, full screen) -> action; None: the window leaves the key alone
ROWS = [
    # Enter: starts a session from the home page, between sessions only
    (K.Key_Return, IDLE, "home", False, KeyAction(Do.START_SESSION)),
    (K.Key_Enter, IDLE, "home", False, KeyAction(Do.START_SESSION)),
    (K.Key_Return, IDLE, "progress", False, None),
    (K.Key_Return, IDLE, "done", False, None),
    (K.Key_Return, IDLE, "red_flags", False, None),
    (K.Key_Return, CHECK_IN, "check_in", False, None),  # the check-in page takes it
    (K.Key_Return, STRETCH_RATING, "exercise", False, None),
    # Esc: home from progress and done; during a session leave full screen, else ask to stop
    (K.Key_Escape, IDLE, "progress", False, KeyAction(Do.GO_HOME)),
    (K.Key_Escape, IDLE, "done", False, KeyAction(Do.GO_HOME)),
    (K.Key_Escape, IDLE, "home", False, None),
    (K.Key_Escape, IDLE, "clinician", False, None),
    (K.Key_Escape, CHECK_IN, "check_in", False, KeyAction(Do.ASK_TO_STOP)),
    (K.Key_Escape, BREATHING, "breathing", False, KeyAction(Do.ASK_TO_STOP)),
    (K.Key_Escape, STRETCH, "exercise", False, KeyAction(Do.ASK_TO_STOP)),
    (K.Key_Escape, PAUSED, "exercise", False, KeyAction(Do.ASK_TO_STOP)),
    (K.Key_Escape, GATE, "gate", False, KeyAction(Do.ASK_TO_STOP)),
    (K.Key_Escape, BREATHING, "fullscreen", True, KeyAction(Do.LEAVE_FULLSCREEN)),
    (K.Key_Escape, STRENGTH, "fullscreen", True, KeyAction(Do.LEAVE_FULLSCREEN)),
    (K.Key_Escape, CHECK_IN, "check_in", True, KeyAction(Do.LEAVE_FULLSCREEN)),
    # Space: pause / carry on (also from full screen); nothing to pause at a check-in
    (K.Key_Space, BREATHING, "breathing", False, send(E.PAUSE, from_key=False)),
    (K.Key_Space, STRETCH, "exercise", False, send(E.PAUSE, from_key=False)),
    (K.Key_Space, STRENGTH, "fullscreen", True, send(E.PAUSE, from_key=False)),
    (K.Key_Space, GATE, "gate", False, send(E.PAUSE, from_key=False)),
    (K.Key_Space, PAUSED, "exercise", False, send(E.RESUME, from_key=False)),
    (K.Key_Space, CHECK_IN, "check_in", False, None),
    (K.Key_Space, CLOSING_CHECK_IN, "check_in", False, None),
    (K.Key_Space, IDLE, "home", False, None),
    # N: continue during breathing and at the gate, else the next repeat
    (K.Key_N, BREATHING, "breathing", False, send(E.CONTINUE)),
    (K.Key_N, GATE, "gate", False, send(E.CONTINUE)),
    (K.Key_N, STRETCH, "exercise", False, send(E.SKIP_REPEAT)),
    (K.Key_N, STRENGTH, "fullscreen", True, send(E.SKIP_REPEAT)),
    (K.Key_N, PAUSED, "exercise", False, None),
    (K.Key_N, CHECK_IN, "check_in", False, None),
    (K.Key_N, IDLE, "home", False, None),
    # B: back, where there is something to go back to
    (K.Key_B, STRETCH, "exercise", False, send(E.PREVIOUS)),
    (K.Key_B, STRENGTH, "exercise", False, send(E.PREVIOUS)),
    (K.Key_B, STRENGTH_NO_MOVES, "exercise", False, None),
    (K.Key_B, BREATHING, "breathing", False, None),
    (K.Key_B, PAUSED, "exercise", False, None),
    (K.Key_B, CHECK_IN, "check_in", False, None),
    (K.Key_B, IDLE, "home", False, None),
    # H: this hurts (the window asks how much during strengthening)
    (K.Key_H, STRETCH, "exercise", False, KeyAction(Do.THIS_HURTS)),
    (K.Key_H, STRENGTH, "fullscreen", True, KeyAction(Do.THIS_HURTS)),
    (K.Key_H, STRENGTH_NO_MOVES, "exercise", False, None),
    (K.Key_H, BREATHING, "breathing", False, None),
    (K.Key_H, PAUSED, "exercise", False, None),
    (K.Key_H, CHECK_IN, "check_in", False, None),
    (K.Key_H, IDLE, "home", False, None),
    # T: too hard, where there is an easier version
    (K.Key_T, STRENGTH, "exercise", False, send(E.TOO_HARD)),
    (K.Key_T, STRENGTH_NO_MOVES, "exercise", False, None),
    (K.Key_T, STRETCH, "exercise", False, send(E.TOO_HARD)),
    (K.Key_T, GATE, "gate", False, None),
    (K.Key_T, CHECK_IN, "check_in", False, None),
    (K.Key_T, IDLE, "home", False, None),
    # 1-4: the effort, while an exercise may be rated (the exercise page maps the digit)
    *[(d, STRETCH_RATING, "exercise", False, KeyAction(Do.RATE_EFFORT)) for d in DIGITS],
    *[(d, STRENGTH, "fullscreen", True, KeyAction(Do.RATE_EFFORT)) for d in DIGITS],
    *[(d, STRETCH, "exercise", False, None) for d in DIGITS],  # nothing to rate yet
    *[(d, BREATHING, "breathing", False, None) for d in DIGITS],
    *[(d, PAUSED, "exercise", False, None) for d in DIGITS],
    *[(d, GATE, "gate", False, None) for d in DIGITS],  # not by key (as before)
    *[(d, CLOSING_CHECK_IN, "check_in", False, None) for d in DIGITS],
    *[(d, CHECK_IN, "check_in", False, None) for d in DIGITS],  # the rating 0-10
    *[(d, IDLE, "home", False, None) for d in DIGITS],
    (K.Key_5, STRENGTH, "exercise", False, None),
    (K.Key_0, STRETCH_RATING, "exercise", False, None),
    # F11: the View menu's shortcut (tests/gui/test_main_window.py), never a key here
    (K.Key_F11, IDLE, "home", False, None),
    (K.Key_F11, BREATHING, "breathing", False, None),
    (K.Key_F11, STRENGTH, "fullscreen", True, None),
    (K.Key_F11, CHECK_IN, "check_in", False, None),
    # any other key
    (K.Key_A, STRENGTH, "exercise", False, None),
    (K.Key_A, IDLE, "home", False, None),
]


def _id(row) -> str:
    key, snap, page, full, _ = row
    state = "idle" if snap is None else snap.state.value
    return f"{key.name}-{state}-{page}" + ("-full" if full else "")


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_what_each_key_does(row):
    key, snap, page, fullscreen, expected = row
    assert key_action(key, snap, page, fullscreen) == expected


def test_the_effort_digits_are_the_exercise_pages_keys():
    from backcompanion.ui.session_screens.exercise_page import EFFORT_KEYS

    assert set(EFFORT_DIGITS) == set(EFFORT_KEYS) == set(DIGITS)
