"""``backcompanion rules replay``: a scripted history through the app's own rules (issue 14).

A scenario (docs/rules-replay.md) lists sessions and weekly red-flag checks by
day. Each session is replayed the way the app runs one: the "anything new
today?" answers and the weekly checks go into a real :class:`Store` in a
temporary folder (so the safety answers are read back as the app reads them);
then :func:`safety_state`, :func:`make_plan` and :func:`plan_the_day` decide
the screen, what is offered and the holds; the "this hurts" presses end their
exercise and take strengthening off; and the session's facts join the history
for the next one. No Qt, no clock: every moment comes from the scenario.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from backcompanion.history.store import Store
from backcompanion.program import Program
from backcompanion.program.loader import builtin_program_english
from backcompanion.program.safety import load_safety_english
from backcompanion.session import rules as R
from backcompanion.session.facts import SessionFacts
from backcompanion.session.plan import Cadence, StepPlan

SESSION_HOUR = 9  # the first session of a day starts at 09:00; each next one 3 hours later
CHECK_HOUR = 8  # weekly checks at 08:00, a clearance five minutes after: before that day's sessions


class ScenarioError(ValueError):
    """A scenario that cannot be replayed: one line naming the field and where."""


@dataclasses.dataclass(frozen=True)
class Hurt:
    exercise: str
    rating: int


@dataclasses.dataclass(frozen=True)
class ScriptedSession:
    day: int
    opening: int
    new_today: tuple[str, ...]
    stretch_done: float
    hurts: tuple[Hurt, ...]
    strength_done: float
    closing: int | None


@dataclasses.dataclass(frozen=True)
class ScriptedCheck:
    day: int
    ticked: tuple[str, ...]
    cleared: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Scenario:
    start: date
    sessions: tuple[ScriptedSession, ...]
    checks: tuple[ScriptedCheck, ...]


# ---------------------------------------------------------------- reading the scenario


def parse_scenario(data: Any, program: Program, flag_ids: set[str]) -> Scenario:
    """The scenario in ``data`` (parsed YAML), or :class:`ScenarioError` naming what is wrong."""
    if not isinstance(data, Mapping):
        raise ScenarioError("the scenario must be a mapping with 'start' and 'sessions'")
    _keys(data, {"start", "sessions", "checks"}, "the scenario")
    start = data.get("start")
    if isinstance(start, str):
        try:
            start = date.fromisoformat(start)
        except ValueError:
            start = None
    if not isinstance(start, date) or isinstance(start, datetime):
        raise ScenarioError("start: must be a date, YYYY-MM-DD")
    exercises = {e.id for e in (*program.stretches, *program.strength)}
    sessions = data.get("sessions")
    if not isinstance(sessions, list) or not sessions:
        raise ScenarioError("sessions: must be a list of at least one session")
    parsed = tuple(_session(s, i, exercises, flag_ids) for i, s in enumerate(sessions, 1))
    checks = data.get("checks") or []
    if not isinstance(checks, list):
        raise ScenarioError("checks: must be a list")
    return Scenario(start, parsed, tuple(_check(c, i, flag_ids) for i, c in enumerate(checks, 1)))


def _session(s: Any, i: int, exercises: set[str], flags: set[str]) -> ScriptedSession:
    where = f"session {i}"
    if not isinstance(s, Mapping):
        raise ScenarioError(f"{where}: must be a mapping")
    _keys(s, {*(f.name for f in dataclasses.fields(ScriptedSession))}, where)
    hurts = s.get("hurts") or []
    if not isinstance(hurts, list):
        raise ScenarioError(f"{where}: hurts: must be a list")
    parsed = []
    for h in hurts:
        if not isinstance(h, Mapping):
            raise ScenarioError(f"{where}: hurts: each must be {{exercise: ID, rating: 0-10}}")
        _keys(h, {"exercise", "rating"}, f"{where}: hurts")
        if h.get("exercise") not in exercises:
            raise ScenarioError(f"{where}: hurts: unknown exercise {h.get('exercise')!r}")
        parsed.append(Hurt(h["exercise"], _int(h.get("rating"), 0, 10, f"{where}: hurts: rating")))
    closing = s.get("closing")
    return ScriptedSession(
        day=_int(s.get("day"), 1, 100_000, f"{where}: day"),
        opening=_int(s.get("opening"), 0, 10, f"{where}: opening"),
        new_today=_flags(s.get("new_today"), flags, f"{where}: new_today"),
        stretch_done=_share(s.get("stretch_done", 1.0), f"{where}: stretch_done"),
        hurts=tuple(parsed),
        strength_done=_share(s.get("strength_done", 1.0), f"{where}: strength_done"),
        closing=None if closing is None else _int(closing, 0, 10, f"{where}: closing"),
    )


def _check(c: Any, i: int, flags: set[str]) -> ScriptedCheck:
    where = f"check {i}"
    if not isinstance(c, Mapping):
        raise ScenarioError(f"{where}: must be a mapping")
    _keys(c, {"day", "ticked", "cleared"}, where)
    return ScriptedCheck(
        day=_int(c.get("day"), 1, 100_000, f"{where}: day"),
        ticked=_flags(c.get("ticked"), flags, f"{where}: ticked"),
        cleared=_flags(c.get("cleared"), flags, f"{where}: cleared"),
    )


def _keys(m: Mapping, allowed: set[str], where: str) -> None:
    for k in m:
        if k not in allowed:
            raise ScenarioError(
                f"{where}: unknown field {k!r} (allowed: {', '.join(sorted(allowed))})"
            )


def _int(v: Any, lo: int, hi: int, where: str) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
        raise ScenarioError(f"{where}: must be a whole number {lo}-{hi}, not {v!r}")
    return v


def _share(v: Any, where: str) -> float:
    if not isinstance(v, int | float) or isinstance(v, bool) or not 0 <= v <= 1:
        raise ScenarioError(f"{where}: must be a share 0-1, not {v!r}")
    return float(v)


def _flags(v: Any, flags: set[str], where: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if not isinstance(v, list):
        raise ScenarioError(f"{where}: must be a list of red-flag ids")
    for f in v:
        if f not in flags:
            raise ScenarioError(f"{where}: unknown red-flag id {f!r}")
    return tuple(v)


# ---------------------------------------------------------------- replaying it


def replay(data: Any) -> Iterator[dict[str, Any]]:
    """One result per scripted session, in order (see docs/rules-replay.md for the keys)."""
    program = builtin_program_english()
    texts = load_safety_english()
    numbers = {f.id: f.number for f in texts.red_flags}
    ids = {f.number: f.id for f in texts.red_flags}
    scenario = parse_scenario(data, program, set(numbers))
    rules = R.load_rules()
    with tempfile.TemporaryDirectory(prefix="backcompanion-replay-") as folder:
        store = Store.open(Path(folder))
        try:
            yield from _Replay(rules, program, store, scenario, numbers, ids).run()
        finally:
            store.close()


class _Replay:
    """The scenario's sessions in order, each read and then added to the history."""

    def __init__(
        self,
        rules: R.Rules,
        program: Program,
        store: Store,
        scenario: Scenario,
        numbers: dict[str, int],
        ids: dict[int, str],
    ):
        self.rules, self.program, self.store, self.scenario = rules, program, store, scenario
        self.numbers, self.ids = numbers, ids
        self.facts: list[SessionFacts] = []
        self.checks_done = 0

    def at(self, day: int, hour: int, minute: int = 0) -> datetime:
        d = self.scenario.start + timedelta(days=day - 1)
        return datetime.combine(d, time(hour, minute), tzinfo=UTC)

    def record_checks_up_to(self, now: datetime) -> None:
        checks = sorted(self.scenario.checks, key=lambda c: c.day)
        while (
            self.checks_done < len(checks)
            and self.at(checks[self.checks_done].day, CHECK_HOUR) <= now
        ):
            c = checks[self.checks_done]
            at = self.at(c.day, CHECK_HOUR)
            self.store.record_red_flag_check(at, [self.numbers[f] for f in c.ticked], "weekly")
            if c.cleared:
                self.store.record_clearance(at + timedelta(minutes=5), who="replay", on=at.date())
            self.checks_done += 1

    def run(self) -> Iterator[dict[str, Any]]:
        per_day: dict[int, int] = {}
        for s in sorted(self.scenario.sessions, key=lambda s: s.day):
            k = per_day[s.day] = per_day.get(s.day, -1) + 1
            now = self.at(s.day, SESSION_HOUR) + timedelta(hours=3 * k)
            self.record_checks_up_to(now)
            yield self.session(s, now, k)

    def session(self, s: ScriptedSession, now: datetime, k: int) -> dict[str, Any]:
        rules = self.rules
        self.store.record_red_flag_check(now, [self.numbers[f] for f in s.new_today], "daily")
        safety = self.store.safety_facts(now)
        state = R.safety_state(rules, safety, self.facts, now)
        gate_open = R.evaluate_gate(rules, self.facts, safety, now).open
        out: dict[str, Any] = {"day": s.day, "screen": "session", "offered": [], "holds": {}}
        out["gate_open"] = gate_open
        advice: list[str] = []
        if state.sessions_blocked:
            out["screen"] = state.level.value if state.level else "see_clinician"
            advice += [f"flag:{self.ids[n]}" for n in state.flags]
            advice += [f"hurt_twice:{e}" for e in state.hurt_exercises]
            out["advice"] = advice
            return out  # the session does not start; nothing is recorded
        plan = R.make_plan(rules, self.program, self.facts, safety, now, Cadence())
        plan = R.plan_the_day(rules, plan, s.opening)
        kind = R.DayKind(plan.day)
        if kind is R.DayKind.BREATHING_ONLY:
            out["screen"] = "flare_up"
            advice.append("flare_up_page")
        elif kind is R.DayKind.STRETCH_ONLY:
            advice.append("stretch_only")
        offered = {e.exercise.id for e in plan.stretches}
        for h in s.hurts:
            if h.exercise not in offered and not (
                plan.gate_open and h.exercise in _ids(plan.strength)
            ):
                raise ScenarioError(
                    f"session {self.scenario.sessions.index(s) + 1}: hurts: "
                    f"{h.exercise!r} was not offered in that session"
                )
        # every press ends its exercise; above the limit, a press while stretching
        # takes strengthening off, and one in strengthening ends it (it was offered)
        too_much = [h.exercise for h in s.hurts if h.rating > rules.too_much]
        strength = plan.gate_open and not (set(too_much) & offered)
        for h in s.hurts:
            advice.append(f"hurt_stop:{h.exercise}")
            if h.rating > rules.too_much:
                advice.append(f"hurt_too_much:{h.exercise}")
        if plan.gate_open and not strength:
            advice.append("no_strength_today")
        steps = (*plan.stretches, *(plan.strength if strength else ()))
        out["offered"] = [
            "breathing",
            *(["stretch"] if plan.stretches else []),
            *(["strength"] if strength and plan.strength else []),
        ]
        out["holds"] = {st.exercise.id: st.hold_s for st in steps}
        # each exercise's repeats done, as the shares say: a hold grows only from one done
        shares = {
            **{st.exercise.id: s.stretch_done for st in plan.stretches},
            **{st.exercise.id: s.strength_done for st in plan.strength},
        }
        reps = {
            st.exercise.id: (st.total_reps, round(st.total_reps * shares[st.exercise.id]))
            for st in steps
        }
        planned = sum(st.total_reps for st in plan.stretches)
        ratings = [s.opening, *(h.rating for h in s.hurts)]
        if s.closing is not None:
            ratings.append(s.closing)
        fact = SessionFacts(
            session_id=f"replay-{s.day}-{k}",
            started_at=now,
            outcome="done" if s.closing is not None else "stopped",
            opening=s.opening,
            closing=s.closing,
            stretch_reps_planned=planned,
            stretch_reps_done=round(planned * s.stretch_done),
            holds=dict(out["holds"]),
            reps=reps,
            max_pain=max(ratings),
            hurt=bool(s.hurts),
            hurts=tuple((h.exercise, h.rating) for h in s.hurts),
        )
        previous = next((f for f in reversed(self.facts) if f.opening is not None), None)
        flare = R.flare_up(rules, fact, previous)
        if flare is not None:
            advice.append(f"flare_up:{flare.kind.value}")
        self.facts.append(fact)
        out["advice"] = advice
        return out


def _ids(steps: tuple[StepPlan, ...]) -> set[str]:
    return {st.exercise.id for st in steps}
