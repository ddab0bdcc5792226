"""What a key does in the main window: a pure function of the key, the session and the page.

From the floor one key is enough (the README's table): Space pauses and carries
on, N, B, H and T move the session, 1-4 rate the effort, Esc leaves full screen
or asks to stop. Between sessions Enter starts one from the home page and Esc
goes home from the progress and done pages. F11 is the View menu's shortcut,
not handled here. :func:`key_action` only decides; the window does it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import Qt

from backcompanion.session.snapshot import Snapshot
from backcompanion.session.states import Event, State

# keys during a session (also as buttons on the pages)
SESSION_KEYS: dict[Qt.Key, Event] = {
    Qt.Key.Key_N: Event.SKIP_REPEAT,
    Qt.Key.Key_B: Event.PREVIOUS,
    Qt.Key.Key_H: Event.THIS_HURTS,
    Qt.Key.Key_T: Event.TOO_HARD,
}
# the effort keys; which effort each one is, and whether its strip shows, the exercise
# page says (exercise_page.EFFORT_KEYS, imported there: not needed at start-up)
EFFORT_DIGITS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)
EXERCISING = (State.STRETCHING, State.STRENGTHENING)
_CHECK_IN = (State.CHECK_IN_BEFORE, State.CHECK_IN_AFTER)


class Do(Enum):
    START_SESSION = auto()
    GO_HOME = auto()
    LEAVE_FULLSCREEN = auto()
    ASK_TO_STOP = auto()
    SEND = auto()  # send ``event`` to the session (``from_key`` as given)
    THIS_HURTS = auto()  # the window asks how much during strengthening
    RATE_EFFORT = auto()  # the exercise page turns the key into an effort, if its strip shows


@dataclass(frozen=True)
class KeyAction:
    do: Do
    event: Event | None = None
    from_key: bool = False


def key_action(key: Qt.Key, snap: Snapshot | None, page: str, fullscreen: bool) -> KeyAction | None:
    """What ``key`` does on ``page``; None when the window does not take it.

    ``snap``: the running session's snapshot, None when no session runs.
    ``fullscreen``: whether the window is in full screen now.
    """
    if snap is None:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and page == "home":
            return KeyAction(Do.START_SESSION)
        if key == Qt.Key.Key_Escape and page in ("progress", "done"):
            return KeyAction(Do.GO_HOME)
        return None
    allowed = snap.allowed_events
    if key == Qt.Key.Key_Escape:
        return KeyAction(Do.LEAVE_FULLSCREEN if fullscreen else Do.ASK_TO_STOP)
    if key == Qt.Key.Key_Space:
        if Event.RESUME in allowed:
            return KeyAction(Do.SEND, Event.RESUME)
        if Event.PAUSE in allowed:
            return KeyAction(Do.SEND, Event.PAUSE)
        return None
    if snap.state in _CHECK_IN:
        return None  # the check-in page takes its own keys (0-9, Enter)
    if key == Qt.Key.Key_N and snap.state in (State.BREATHING, State.GATE, State.FLARE_UP):
        return KeyAction(Do.SEND, Event.CONTINUE, from_key=True)
    if key == Qt.Key.Key_H and Event.THIS_HURTS in allowed:
        return KeyAction(Do.THIS_HURTS)
    if key in SESSION_KEYS and SESSION_KEYS[key] in allowed:
        return KeyAction(Do.SEND, SESSION_KEYS[key], from_key=True)
    if key in EFFORT_DIGITS and snap.state in EXERCISING and Event.RATE_EFFORT in allowed:
        return KeyAction(Do.RATE_EFFORT)
    return None
