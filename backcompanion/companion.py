"""The app's use cases, without Qt: what the window, the CLI and ``simulate`` share.

It joins the program, the rules and the store: the state of the home screen
(safety, gate, nudge, an interrupted session), a new or resumed session engine
wired to the store, and the answers to the safety questions. Widgets call it;
it never calls a widget.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from backcompanion.history import InterruptedSession, Store
from backcompanion.program import Program
from backcompanion.session import rules as R
from backcompanion.session.clock import Clock, WallClock, local_now
from backcompanion.session.engine import ResumePoint, SessionEngine
from backcompanion.session.facts import SessionFacts
from backcompanion.session.plan import PRESETS, Cadence, SessionPlan
from backcompanion.session.records import Record

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HomeStatus:
    """What the start screen shows before a session."""

    safety: R.SafetyState
    gate: R.GateDecision
    nudge: R.Nudge | None
    interrupted: InterruptedSession | None
    sessions_done: int
    last_session: SessionFacts | None

    @property
    def may_start(self) -> bool:
        return not self.safety.sessions_blocked and not self.safety.check_due


@dataclass(frozen=True)
class DoneSummary:
    opening: int | None
    closing: int | None
    exercises_done: int
    minutes: float
    flare_text: str | None


class RecordWriter:
    """Writes each record at once; when a write fails, keeps it in memory and retries.

    A full disk or a read-only folder must not end the session: the records
    wait in order and go out with the next successful write. ``on_failure`` is
    called once per run of failures, with one sentence for the user.
    """

    def __init__(self, store: Store, on_failure: Callable[[str], None] | None = None):
        self._store = store
        self._pending: list[Record] = []
        self._on_failure = on_failure
        self._told = False

    @property
    def pending(self) -> int:
        return len(self._pending)

    def __call__(self, record: Record) -> None:
        self._pending.append(record)
        self.flush()

    def flush(self) -> bool:
        """Try to write everything waiting; True when nothing is left."""
        while self._pending:
            try:
                self._store.record(self._pending[0])
            except (sqlite3.Error, OSError) as exc:
                log.warning("could not save a record (%s); keeping it in memory", exc)
                if not self._told and self._on_failure:
                    self._told = True
                    self._on_failure(
                        "Your progress could not be saved just now (the disk may be full or "
                        "read-only). The session goes on and BackCompanion keeps trying."
                    )
                return False
            self._pending.pop(0)
        self._told = False
        return True


class Companion:
    def __init__(
        self,
        program: Program,
        rules: R.Rules,
        store: Store,
        wall: WallClock = local_now,
    ):
        self.program = program
        self.rules = rules
        self.store = store
        self.wall = wall

    # ---- before a session ----

    def home_status(self, now: datetime | None = None) -> HomeStatus:
        now = now or self.wall()
        facts = self.store.session_facts()
        safety = self.store.safety_facts()
        interrupted = self.store.interrupted_session()
        return HomeStatus(
            safety=R.safety_state(self.rules, safety, facts, now),
            gate=R.evaluate_gate(self.rules, facts, safety, now),
            nudge=R.nudge(self.rules, facts, now, self.store.last_nudge_dismissed()),
            interrupted=interrupted,
            sessions_done=sum(1 for f in facts if f.outcome in ("done", "stopped", "partial")),
            last_session=facts[-1] if facts else None,
        )

    def plan(
        self,
        cadence: Cadence,
        get_ready_s: int = 5,
        release_s: int = 3,
        now: datetime | None = None,
    ) -> SessionPlan:
        now = now or self.wall()
        facts = [f for f in self.store.session_facts() if f.outcome != "open"]
        return R.make_plan(
            self.rules,
            self.program,
            facts,
            self.store.safety_facts(),
            now,
            cadence,
            get_ready_s=get_ready_s,
            release_s=release_s,
        )

    def new_engine(
        self,
        plan: SessionPlan,
        clock: Clock,
        writer: Callable[[Record], None] | None = None,
        gate_pause_s: float = 8.0,
    ) -> SessionEngine:
        engine = SessionEngine(plan, clock, self.wall, gate_pause_s=gate_pause_s)
        engine.add_recorder(writer or RecordWriter(self.store))
        return engine

    def resume_point(self, it: InterruptedSession, plan: SessionPlan) -> ResumePoint | None:
        """Where the interrupted session goes on, or None when it cannot (then close it).

        The repeat after the last one stored; when that exercise already ended
        (skipped, "this hurts") the first exercise after it that has not ended.
        """
        if not it.opening_done:
            return None
        strength = plan.strength if it.gate_open else ()
        order = [step.exercise.id for step in (*plan.stretches, *strength)]
        start = 0
        if it.last_repeat is not None:
            try:
                point = ResumePoint.after(plan, it.last_repeat, it.started_at)
            except ValueError:
                return None
            if point is None or point.exercise_id not in it.exercises_ended:
                return point
            if point.exercise_id not in order:
                return None
            start = order.index(point.exercise_id) + 1
        for exercise_id in order[start:]:
            if exercise_id not in it.exercises_ended:
                return ResumePoint(it.session_id, it.started_at, exercise_id, 0, 1, it.active_s)
        return None

    def resume_engine(
        self,
        it: InterruptedSession,
        clock: Clock,
        writer: Callable[[Record], None] | None = None,
        get_ready_s: int = 5,
        release_s: int = 3,
    ) -> SessionEngine | None:
        # the cadence the session started with (the store keeps its label)
        plan = self.plan(cadence_from_label(it.cadence), get_ready_s, release_s)
        plan = dataclasses.replace(plan, gate_open=it.gate_open, gate_reasons=it.gate_reasons)
        point = self.resume_point(it, plan)
        if point is None:
            return None
        engine = SessionEngine(plan, clock, self.wall, session_id=it.session_id, resume=point)
        engine.add_recorder(writer or RecordWriter(self.store))
        self.store.mark_resumed(it.session_id)
        return engine

    def close_interrupted(self, it: InterruptedSession) -> None:
        self.store.close_as_partial(it.session_id, self.wall())

    # ---- safety answers ----

    def record_red_flags(self, ticked: tuple[int, ...], now: datetime | None = None) -> None:
        self.store.record_red_flag_check(now or self.wall(), ticked)

    def record_clearance(self, note: str, now: datetime | None = None) -> None:
        self.store.record_clearance(now or self.wall(), note)

    def dismiss_nudge(self, now: datetime | None = None) -> None:
        self.store.record_nudge_dismissed(now or self.wall())

    # ---- after a session ----

    def done_summary(self, session_id: str) -> DoneSummary:
        facts = self.store.session_facts()
        index = next((i for i, f in enumerate(facts) if f.session_id == session_id), None)
        if index is None:
            return DoneSummary(None, None, 0, 0.0, None)
        this = facts[index]
        previous = next((f for f in reversed(facts[:index]) if f.opening is not None), None)
        flare = R.flare_up(self.rules, this, previous)
        rows = self.store.sessions_between(this.day, this.day + timedelta(days=1))
        row = next((r for r in rows if r.session_id == session_id), None)
        return DoneSummary(
            opening=this.opening,
            closing=this.closing,
            exercises_done=len(this.holds),
            minutes=row.minutes if row else 0.0,
            flare_text=flare.text if flare else None,
        )


def cadence_from_label(label: str) -> Cadence:
    """'4-0-6-0' back into a Cadence (the store keeps the label); the default when unreadable."""
    try:
        inhale, hold_in, exhale, hold_out = (float(p) for p in label.split("-"))
        return Cadence(inhale, hold_in, exhale, hold_out)
    except (ValueError, TypeError):
        return PRESETS["relaxed"]
