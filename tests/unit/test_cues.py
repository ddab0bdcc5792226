"""Which cue, when: the tracker fed by a real engine on a fake clock; the sound files."""

from __future__ import annotations

import importlib.util
import itertools
import wave
from array import array
from datetime import UTC, datetime
from pathlib import Path

import pytest

from backcompanion import i18n, resources
from backcompanion.program import builtin_program
from backcompanion.session.breathing import BreathPhase
from backcompanion.session.clock import FakeClock
from backcompanion.session.cues import SOUNDS, CueKind, CueTracker, breath_cue, sample_phrase
from backcompanion.session.engine import Event, SessionEngine, State
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = builtin_program()
WALL = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
K = CueKind


def plan(cadence: Cadence | None = None, gate_open: bool = True, reps: int = 2) -> SessionPlan:
    def step(ex):
        return StepPlan(ex, 2, reps)

    return SessionPlan(
        breathing=PROGRAM.breathing,
        cadence=cadence or Cadence(4, 0, 6, 0, 3),
        stretches=tuple(step(e) for e in PROGRAM.stretches),
        strength=tuple(step(e) for e in PROGRAM.strength),
        gate_open=gate_open,
        gate_reasons=("test reason",),
        get_ready_s=2,
        release_s=1,
    )


class Session:
    """An engine on a fake clock, its every change fed to a tracker as the bridge does."""

    def __init__(self, p: SessionPlan | None = None):
        self.plan = p or plan()
        self.clock = FakeClock()
        self.engine = SessionEngine(self.plan, self.clock, lambda: WALL)
        self.tracker = CueTracker()
        self.cues = []
        self.engine.add_listener(self._changed)

    def _changed(self):
        self.cues += self.tracker.on_snapshot(self.engine.snapshot())

    def tick(self):
        """The bridge's one-shot timer: wake at the next deadline, update, show the second."""
        self.clock.advance(self.engine.next_deadline() - self.clock.now)
        if not self.engine.update():
            self.cues += self.tracker.on_snapshot(self.engine.snapshot())

    def start(self):
        self.engine.send(Event.START)
        self.engine.send(Event.CHECK_IN, rating=3)

    def run_until(self, state: State, limit: int = 5000):
        for _ in range(limit):
            if self.engine.state is state:
                return
            self.tick()
        raise AssertionError(f"never reached {state}")

    def kinds(self):
        return [c.kind for c in self.cues]


def test_a_whole_session_gives_each_cue_once_in_order():
    s = Session()
    s.start()
    s.run_until(State.CHECK_IN_AFTER)
    kinds = s.kinds()
    # breathing: three breaths of inhale and exhale (no holds in 4-0-6-0)
    assert kinds[:6] == [K.INHALE, K.EXHALE] * 3
    exercises = [*s.plan.stretches, *s.plan.strength]
    holds = sum(max(1, len(e.sides)) * e.reps for e in exercises)
    sides = sum(1 for e in exercises if e.exercise.per_side)
    assert kinds.count(K.HOLD) == holds
    assert kinds.count(K.RELEASE) == holds - sum(max(1, len(e.sides)) for e in exercises)
    assert kinds.count(K.SWITCH) == sides
    assert kinds.count(K.REST) == 1  # the gate
    assert kinds[-1] is K.DONE and kinds.count(K.DONE) == 1
    nexts = [c.text for c in s.cues if c.kind is K.NEXT]
    assert nexts == [f"Next up: {e.exercise.name}" for e in exercises]
    # the rest sits between the last stretch and the first strengthening exercise
    assert kinds.index(K.REST) < kinds.index(K.NEXT, kinds.index(K.REST))
    # each hold is followed by its end: a release, a switch, the next exercise, rest or done
    for i, kind in enumerate(kinds):
        if kind is K.HOLD and i >= 6:
            assert kinds[i + 1] in (K.RELEASE, K.SWITCH, K.NEXT, K.REST, K.DONE)
    assert s.cues[-1].text == "And now, after the session?"
    assert next(c.text for c in s.cues if c.kind is K.SWITCH).startswith("Switch sides: ")


def test_the_cues_say_what_the_screen_shows():
    s = Session()
    s.start()
    s.run_until(State.STRETCHING)
    s.run_until(State.GATE)
    texts = {c.kind: c.text for c in s.cues}
    assert texts[K.INHALE] == "Breathe in" and texts[K.EXHALE] == "Breathe out"
    assert texts[K.HOLD] == "Hold" and texts[K.RELEASE] == "Release"
    assert texts[K.REST] == ""  # a sound only: the gate page says the rest
    assert {c.sound for c in s.cues} <= set(SOUNDS.values())


def test_holds_in_the_breath_are_cued():
    s = Session(plan(Cadence(4, 4, 4, 4, 3)))
    s.start()
    s.run_until(State.STRETCHING)
    assert s.kinds()[:8] == [K.INHALE, K.HOLD, K.EXHALE, K.HOLD] * 2


def test_the_pacer_frames_and_the_snapshots_give_each_phase_once():
    s = Session()
    s.start()
    cued = len(s.cues)
    for _ in range(int(30 / 0.016)):  # half a minute of frames, seconds ticking in between
        s.clock.advance(0.016)
        if s.clock.now >= s.engine.next_deadline():
            s.engine.update() or s._changed()
        breath = s.engine.breath_at(s.clock.now)
        if breath is not None:
            s.cues += s.tracker.on_breath(breath)
    breathing = s.kinds()[: cued + 6]
    assert breathing == [K.INHALE, K.EXHALE] * 3
    assert s.kinds().count(K.INHALE) == 3


def test_a_frame_cues_the_new_phase_before_the_timer():
    s = Session()
    s.start()
    assert s.kinds() == [K.INHALE]
    s.clock.advance(4.01)  # the frame comes before the late timer
    assert [c.kind for c in s.tracker.on_breath(s.engine.breath_at(s.clock.now))] == [K.EXHALE]
    s.engine.update()  # the timer: the same phase, no second cue
    assert s.kinds() == [K.INHALE]


def test_pause_and_resume_give_no_cue_and_stop_gives_none():
    s = Session()
    s.start()
    s.run_until(State.STRETCHING)
    s.tick()
    s.tick()  # into the hold
    before = len(s.cues)
    s.engine.send(Event.PAUSE)
    s.clock.advance(60)
    s.engine.send(Event.RESUME)
    assert len(s.cues) == before
    s.engine.send(Event.STOP)
    assert len(s.cues) == before


def test_skipping_cues_the_phase_it_lands_in():
    s = Session()
    s.start()
    s.run_until(State.STRETCHING)
    assert s.cues[-1].kind is K.NEXT
    s.engine.send(Event.SKIP_REPEAT)  # the first repeat: on to the rest before the second
    assert s.cues[-1].kind is K.RELEASE and s.engine.snapshot().rep == 2


def test_a_new_session_starts_afresh():
    tracker = CueTracker()
    for _ in range(2):
        s = Session()
        s.tracker = tracker
        s.start()
        assert s.kinds() == [K.INHALE]


def test_a_session_picked_up_after_a_crash_cues_where_it_resumes():
    s = Session()
    s.start()
    s.run_until(State.STRETCHING)
    fresh = CueTracker()  # the app restarted: nothing seen yet
    snap = s.engine.snapshot()
    assert [c.kind for c in fresh.on_snapshot(snap)] == [K.NEXT]


def test_the_texts_go_through_the_catalog():
    seen = []

    def translator(context, text, disambiguation=None, n=-1):
        seen.append(context)
        return f"\u00ab{text}\u00bb"

    i18n.install(translator)
    try:
        assert breath_cue(BreathPhase.INHALE).text == "\u00abBreathe in\u00bb"
        assert sample_phrase() == "\u00abBreathe in\u00bb"
        s = Session()
        s.start()
        s.run_until(State.GATE)
        texts = [c.text for c in s.cues if c.text]
        assert all(t.startswith("\u00ab") for t in texts)
        switch = next(c.text for c in s.cues if c.kind is K.SWITCH)
        assert switch.startswith("\u00abSwitch sides: ") and "{side}" not in switch
    finally:
        i18n.install(None)
    assert set(seen) == {"Cues"}


# -- the sound files ---------------------------------------------------------------------


def _script():
    spec = importlib.util.spec_from_file_location(
        "make_sounds", ROOT / "scripts" / "make_sounds.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_sounds_are_what_the_script_makes():
    made = _script().all_sounds()
    assert set(made) == set(SOUNDS.values())
    for name, data in made.items():
        assert resources.read_bytes(f"sounds/{name}.wav") == data, name


@pytest.mark.parametrize("name", sorted(set(SOUNDS.values())))
def test_each_sound_is_short_soft_and_without_clicks(name):
    path = resources.path(f"sounds/{name}.wav")
    assert path.stat().st_size < 20_000
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getcomptype()) == (1, 2, "NONE")
        assert 0.2 <= w.getnframes() / w.getframerate() <= 0.5
        samples = array("h", w.readframes(w.getnframes()))
    assert max(abs(x) for x in samples) < 0.4 * 32767  # soft, with room for the volume
    assert abs(samples[0]) < 50 and abs(samples[-1]) < 50  # faded in and out: no click
    steps = [abs(b - a) for a, b in itertools.pairwise(samples)]
    assert max(steps) < 0.1 * 32767  # no jump anywhere
