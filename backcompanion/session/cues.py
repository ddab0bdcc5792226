"""Which cue to give, and when: a short sound and a few spoken words (issue 7, part 3).

A cue marks a change a person lying on the floor would otherwise have to look
up for: a breathing phase beginning (breathe in, hold, breathe out), a hold
beginning and ending, a change of side, the next exercise, the pause at the
gate, the end of the exercises. Everything a cue says is already on the screen
(the pacer's word, the timer's phase, "Switch sides", "Next up"): cues are extra.

This module decides, the Qt layer (``ui/services/cue_player.py``) plays. It is pure: a
:class:`CueTracker` is fed the engine's :class:`~backcompanion.session.engine.Snapshot`
after every change and, optionally, the pacer's per-frame
:class:`~backcompanion.session.breathing.BreathState`, and answers with the cues
to give now. It remembers only what it last saw, so a second that ticks by, a
pause and its resume, or the same breathing phase reported by both the frame
and the snapshot give no cue twice.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from backcompanion.i18n import translate
from backcompanion.session.breathing import BreathPhase, BreathState
from backcompanion.session.engine import Snapshot, State, Step

__all__ = ["SOUNDS", "Cue", "CueKind", "CueTracker", "breath_cue", "sample_phrase", "step_cues"]


class CueKind(enum.StrEnum):
    INHALE = "inhale"
    HOLD = "hold"  # a breathing hold, or the hold of an exercise beginning
    EXHALE = "exhale"
    RELEASE = "release"  # the end of a hold: the short rest before the next repeat
    SWITCH = "switch"  # the end of a hold, and the other side comes next
    NEXT = "next"  # the next exercise (its name)
    REST = "rest"  # the pause at the gate between stretching and strengthening
    DONE = "done"  # the exercises are over


# the sound file for each kind: resources/sounds/<name>.wav (scripts/make_sounds.py)
SOUNDS: dict[CueKind, str] = {kind: kind.value for kind in CueKind}


@dataclass(frozen=True, slots=True)
class Cue:
    kind: CueKind
    text: str  # what the voice says ("" = a sound only); already translated

    @property
    def sound(self) -> str:
        """The name of the sound (a file in resources/sounds without ``.wav``)."""
        return SOUNDS[self.kind]


_ORDER = {
    BreathPhase.INHALE: 0,
    BreathPhase.HOLD_IN: 1,
    BreathPhase.EXHALE: 2,
    BreathPhase.HOLD_OUT: 3,
}
_EXERCISING = (State.STRETCHING, State.STRENGTHENING)
_TIMED = (State.BREATHING, State.STRETCHING, State.GATE, State.STRENGTHENING)


def sample_phrase() -> str:
    """What "Say a test phrase" says in the settings."""
    return translate("Cues", "Breathe in")


def breath_cue(phase: BreathPhase) -> Cue:
    """The cue at the start of a breathing phase: the pacer's word, said aloud."""
    if phase is BreathPhase.INHALE:
        return Cue(CueKind.INHALE, translate("Cues", "Breathe in"))
    if phase is BreathPhase.EXHALE:
        return Cue(CueKind.EXHALE, translate("Cues", "Breathe out"))
    return Cue(CueKind.HOLD, translate("Cues", "Hold"))


def _position(breath: BreathState) -> int | None:
    """Where in the breathing a state is, as one growing number (None once finished)."""
    if breath.finished:
        return None
    return breath.breath_index * 4 + _ORDER[breath.phase]


def _key(snap: Snapshot) -> tuple:
    live = snap.paused_from or snap.state
    exercise = snap.exercise.id if snap.exercise is not None else None
    return (live, exercise, snap.side_index, snap.rep, snap.step)


def step_cues(before: Snapshot | None, now: Snapshot) -> list[Cue]:
    """The cues for going from ``before`` to ``now`` outside breathing phases (pure).

    ``before`` is None at the start of a session (or a session picked up after
    a crash). Paused and stopped snapshots give no cue: the caller keeps the
    snapshot from before the pause, so resuming gives none either.
    """
    if now.state in (State.PAUSED, State.STOPPED, State.IDLE):
        return []
    if before is not None and _key(before) == _key(now):
        return []
    was = (before.paused_from or before.state) if before is not None else State.IDLE
    live = now.state
    if live in _EXERCISING:
        name = now.exercise.name if now.exercise is not None else ""
        if now.step is Step.HOLD:
            return [Cue(CueKind.HOLD, translate("Cues", "Hold"))]
        if now.step is Step.RELEASE:
            return [Cue(CueKind.RELEASE, translate("Cues", "Release"))]
        if now.step is Step.GET_READY:
            if now.switching_side and now.side_label:
                text = translate("Cues", "Switch sides: {side}").format(side=now.side_label)
                return [Cue(CueKind.SWITCH, text)]
            if name:
                return [Cue(CueKind.NEXT, translate("Cues", "Next up: {name}").format(name=name))]
        return []
    if live is State.GATE and was is not State.GATE:
        return [Cue(CueKind.REST, "")]
    if live is State.CHECK_IN_AFTER and was in _TIMED:
        return [Cue(CueKind.DONE, translate("Cues", "And now, after the session?"))]
    if live is State.DONE and was in _TIMED:
        return [Cue(CueKind.DONE, translate("Cues", "Well done: session complete"))]
    return []


class CueTracker:
    """Remembers what it last saw of one session and gives each cue once.

    Feed it every snapshot (:meth:`on_snapshot`) and, when the pacer runs, every
    frame's breath (:meth:`on_breath`); whichever reports a new breathing phase
    first gives its cue. The snapshot is the authority: when it says the
    breathing went back (a restart), the tracker follows it.
    """

    def __init__(self) -> None:
        self._last: Snapshot | None = None
        self._session: str | None = None
        self._breath_at: int | None = None  # the last breathing position cued

    def reset(self) -> None:
        self._last = None
        self._session = None
        self._breath_at = None

    def on_snapshot(self, snap: Snapshot) -> list[Cue]:
        if snap.session_id != self._session:
            self.reset()
            self._session = snap.session_id
        if snap.state in (State.PAUSED, State.STOPPED):
            return []  # keep the snapshot from before the pause: resuming is no change
        cues = step_cues(self._last, snap)
        self._last = snap
        if snap.state is State.BREATHING and snap.breath is not None:
            at = _position(snap.breath)
            if at is not None and at != self._breath_at:
                self._breath_at = at
                cues.append(breath_cue(snap.breath.phase))
        else:
            self._breath_at = None
        return cues

    def on_breath(self, breath: BreathState) -> list[Cue]:
        """A frame of the pacer: a cue when it shows a later phase than the last cued."""
        if self._last is None or self._last.state is not State.BREATHING:
            return []
        at = _position(breath)
        if at is None or (self._breath_at is not None and at <= self._breath_at):
            return []
        self._breath_at = at
        return [breath_cue(breath.phase)]
