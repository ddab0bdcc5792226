"""``backcompanion simulate``: days of sessions through the real engine, into the real store.

A fake monotonic clock drives the engine exactly as the display timer would
(each phase ends at its scheduled end); the wall clock follows it from each
day's start time. Ratings come from a seeded pain story
(``simulate_story``); the safety check is answered every week. Each session
is written in one transaction (``Store.batch``): demo data, not a live session.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from backcompanion.companion import Companion
from backcompanion.history import Store
from backcompanion.program import Program
from backcompanion.session import rules as R
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, SessionEngine, State, Step
from backcompanion.session.plan import PRESETS
from backcompanion.session.records import Effort, ExerciseEnded, Record
from backcompanion.simulate_story import Day, pain_story


class FollowingWall:
    """A wall clock that moves with the fake monotonic clock from a chosen moment."""

    def __init__(self, clock: FakeClock):
        self._clock = clock
        self._base = datetime.now().astimezone()
        self._at = clock()

    def set(self, when: datetime) -> None:
        self._base, self._at = when, self._clock()

    def __call__(self) -> datetime:
        return self._base + timedelta(seconds=self._clock() - self._at)


@dataclass(frozen=True)
class SimulationResult:
    days: int
    sessions: int
    skipped: int
    first_day: date
    last_day: date


def simulate(
    store: Store,
    program: Program,
    rules: R.Rules,
    days: int,
    start: date,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> SimulationResult:
    rng = random.Random(seed ^ 0x5EED)
    clock = FakeClock(start=10_000.0)
    wall = FollowingWall(clock)
    # the same bounded reads as the app: a day costs the same in the tenth year as in the first
    companion = Companion(program, rules, store, wall=wall)
    sessions = skipped = 0
    story = pain_story(start, days, seed)
    for n, day in enumerate(story):
        # the local time of day with that moment's own UTC offset (DST days included)
        clock_time = time(day.start_minute // 60, day.start_minute % 60)
        when = datetime.combine(day.day, clock_time).astimezone()
        clock.advance(3600.0)  # time passes between sessions; the engine only sees its own
        wall.set(when - timedelta(minutes=2))
        state = companion.safety_state(wall())
        if state.check_due or state.worsening:
            store.record_red_flag_check(wall(), ())  # nothing ticked: a simulated person is well
        if day.skipped:
            skipped += 1
        else:
            wall.set(when)
            plan = companion.plan(PRESETS["relaxed"], now=wall())
            engine = SessionEngine(plan, clock, wall)
            with store.batch():
                _run_session(engine, clock, day, rng, store.record)
            sessions += 1
        if progress:
            progress(n + 1, days)
    return SimulationResult(days, sessions, skipped, start, start + timedelta(days=days - 1))


def _run_session(
    engine: SessionEngine,
    clock: FakeClock,
    day: Day,
    rng: random.Random,
    write: Callable[[Record], None],
) -> None:
    ended = 0

    def recorder(record: Record) -> None:
        nonlocal ended
        write(record)
        if isinstance(record, ExerciseEnded):
            ended += 1

    engine.add_recorder(recorder)
    engine.send(Event.START)
    clock.advance(rng.uniform(5, 20))
    engine.send(Event.CHECK_IN, rating=day.opening, note=_note(day, rng, opening=True))
    hurt_sent = False
    exercise_no = 0
    last_exercise = None
    while engine.state not in (State.CHECK_IN_AFTER, State.DONE, State.STOPPED):
        snap = engine.snapshot()
        if snap.exercise is not None and snap.exercise != last_exercise:
            last_exercise = snap.exercise
            if snap.state in (State.STRETCHING, State.STRENGTHENING):
                exercise_no += 1
        if day.stop_after_exercises is not None and ended >= day.stop_after_exercises:
            engine.send(Event.STOP)
            return
        allowed = snap.allowed_events
        if Event.RATE_EFFORT in allowed and rng.random() < 0.7:
            effort = rng.choice((Effort.EASY, Effort.RIGHT, Effort.RIGHT, Effort.HARD))
            engine.send(Event.RATE_EFFORT, effort=effort)
            continue
        if (
            not hurt_sent
            and day.hurts_exercise == exercise_no
            and snap.step is Step.HOLD
            and Event.THIS_HURTS in allowed
        ):
            hurt_sent = True
            engine.send(Event.THIS_HURTS, rating=min(10, day.opening + 2))
            continue
        if Event.TAKE_EASIER in allowed:
            engine.send(Event.TAKE_EASIER)
            continue
        clock.advance(max(snap.remaining_s, 1e-3))
        engine.update()
    if engine.state is State.CHECK_IN_AFTER:
        clock.advance(rng.uniform(5, 30))
        engine.send(Event.CHECK_IN, rating=day.closing, note=_note(day, rng, opening=False))


_NOTES_BEFORE = (
    "Stiff after a long day at the desk.",
    "Slept badly, back sore this morning.",
    "Walked to work, felt fine.",
    "Long drive yesterday.",
)
_NOTES_AFTER = (
    "Felt looser afterwards.",
    "Hamstrings tight on the left.",
    "Child's pose helped a lot.",
    "Bird dog wobbly on the right side.",
)


def _note(day: Day, rng: random.Random, opening: bool) -> str:
    if rng.random() > 0.15:
        return ""
    return rng.choice(_NOTES_BEFORE if opening else _NOTES_AFTER)
