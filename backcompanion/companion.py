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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from backcompanion import prescription
from backcompanion.history import InterruptedSession, Store
from backcompanion.history.facts_window import LOOKBACK_DAYS, facts_now
from backcompanion.i18n import translate
from backcompanion.program import Program
from backcompanion.program.plan import OWN, UNLOCKED, Plan
from backcompanion.program.plan_file import load_plan_settings
from backcompanion.program.safety import FLAG_COUNT
from backcompanion.report.psfs import psfs_due
from backcompanion.session import rules as R
from backcompanion.session.clock import Clock, WallClock, local_now
from backcompanion.session.completion import session_completion
from backcompanion.session.facts import SafetyFacts, SessionFacts
from backcompanion.session.plan import PRESETS, Cadence, SessionPlan
from backcompanion.session.resume import ResumePoint

if TYPE_CHECKING:  # the engine's modules load when a session is made (start-up time)
    from backcompanion.session.engine import SessionEngine
    from backcompanion.session.records import Record

log = logging.getLogger(__name__)

# The second, longer window the plan tries when a hold is not settled in the first.
_HOLDS_LOOKBACK_DAYS = 182


@dataclass(frozen=True)
class HomeStatus:
    """What the start screen shows before a session."""

    safety: R.SafetyState
    gate: R.GateDecision
    nudge: R.Nudge | None
    interrupted: InterruptedSession | None
    sessions_done: int  # complete sessions (session.completion), all history
    last_session: SessionFacts | None
    sessions_ended: int = 0  # every session that ended: complete, partly done, stopped
    psfs_due: bool = False  # time to rate the everyday activities (docs/ARCHITECTURE.md §13)
    # the strength exercises the next session offers when the gate is open (the plan in force;
    # none on a day the opening rating trimmed, see ``day_text``)
    strength_count: int = 0
    # an interrupted session whose opening rating planned a lighter day (ARCHITECTURE §14):
    # what that day is, in a sentence; None on an ordinary day
    day_text: str | None = None
    # the questions of the weekly safety check: every red flag but the lifelong history
    # items once cleared (ARCHITECTURE §14)
    weekly_questions: int = FLAG_COUNT

    @property
    def may_start(self) -> bool:
        return not self.safety.sessions_blocked and not self.safety.check_due


@dataclass(frozen=True)
class DoneSummary:
    opening: int | None
    closing: int | None
    exercises_done: int  # with at least complete_share of their repeats done
    minutes: float
    flare_text: str | None
    exercises_offered: int = 0
    share: float | None = None  # of the planned repeats done, 0-1
    complete: bool = True  # see session.completion; False: partly done (or stopped)


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
                        translate(
                            "RecordWriter",
                            "Your progress could not be saved just now (the disk may be full or "
                            "read-only). The session goes on and BackCompanion keeps trying.",
                        )
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
        self.base_program = program  # the program before the therapist's plan
        self.rules = rules
        self.store = store
        self.wall = wall
        self.reload_plan()

    # ---- the therapist's plan (docs/ARCHITECTURE.md §13) ----

    def reload_plan(self) -> None:
        """Read the plan in force again (after the editor, an import or a restore)."""
        self.plan_in_force = prescription.in_force(self.store, self.base_program)
        self.program = prescription.program_for(self.plan_in_force, self.base_program)

    def set_plan(self, plan: Plan | None, source: str) -> None:
        """Put ``plan`` (None: the standard program) in force from now on."""
        prescription.put_in_force(self.store, plan, source, self.wall())
        self.reload_plan()

    def restore_previous_plan(self) -> bool:
        """Put the plan before the current one back in force; False when there is none."""
        restored = prescription.restore_previous(self.store, self.base_program, self.wall())
        self.reload_plan()
        return restored is not None

    def psfs_activities(self) -> tuple[str, ...]:
        """The activities of the last PSFS rating, to rate again (empty before the first)."""
        rounds = self.store.psfs_rounds()
        return tuple(a for a, _ in rounds[-1].scores) if rounds else ()

    def record_psfs(self, scores, now: datetime | None = None) -> None:
        """Keep a PSFS rating: (activity, 0-10) pairs."""
        self.store.record_psfs(now or self.wall(), scores)

    def record_leg_pain(self, session_id: str, kind: str, rating: int) -> None:
        """Keep the leg-pain rating of a session's check-in ("before" or "after")."""
        self.store.record_leg_pain(session_id, kind, rating)

    def standard_plan(self) -> Plan:
        return prescription.standard(self.base_program)

    def _gate(self, gate: R.GateDecision) -> R.GateDecision:
        """The gate as the plan has it: open when the therapist unlocked strengthening."""
        if self.plan_in_force.plan.strengthening == UNLOCKED and not gate.open:
            return R.GateDecision(True, (), gate.since)
        return gate

    def _plan_cadence(self, cadence: Cadence) -> Cadence:
        plan = self.plan_in_force.plan
        if plan.breathing != OWN:
            cadence = dataclasses.replace(PRESETS[plan.breathing], breaths=cadence.breaths)
        if plan.breaths is not None:
            cadence = dataclasses.replace(cadence, breaths=plan.breaths)
        return cadence

    # ---- before a session ----

    def home_status(self, now: datetime | None = None) -> HomeStatus:
        now = now or self.wall()
        facts, safety, _ = self.rule_facts(now)
        interrupted = self.store.interrupted_session()
        strength, today = len(self.program.strength), None
        if interrupted is not None:  # it resumes as its opening rating planned the day
            opening = self._opening_of(interrupted)
            today = R.day_text(self.rules, opening) if opening is not None else None
            if today is not None:
                strength = 0
        state = R.safety_state(self.rules, safety, facts, now)
        return HomeStatus(
            safety=state,
            gate=self._gate(R.evaluate_gate(self.rules, facts, safety, now)),
            nudge=R.nudge(self.rules, facts, now, self.store.last_nudge_dismissed()),
            interrupted=interrupted,
            sessions_done=self.store.complete_sessions_count(self.rules.complete_share),
            last_session=facts[-1] if facts else None,
            sessions_ended=self.store.sessions_ended_count(),
            psfs_due=psfs_due(self.store.psfs_rounds(), now, load_plan_settings()),
            strength_count=strength,
            day_text=today,
            weekly_questions=FLAG_COUNT - len(state.cleared_lifelong),
        )

    def _opening_of(self, it: InterruptedSession) -> int | None:
        """The opening rating an interrupted session stored (None: it has none)."""
        facts = self.store.session_facts(since=it.started_at)
        this = next((f for f in facts if f.session_id == it.session_id), None)
        return this.opening if this is not None else None

    def safety_state(self, now: datetime | None = None) -> R.SafetyState:
        """What the safety screen shows now (the first part of :meth:`home_status`)."""
        now = now or self.wall()
        facts, safety, _ = self.rule_facts(now)
        return R.safety_state(self.rules, safety, facts, now)

    def plan(
        self,
        cadence: Cadence,
        get_ready_s: int = 5,
        release_s: int = 3,
        now: datetime | None = None,
    ) -> SessionPlan:
        now = now or self.wall()
        cadence = self._plan_cadence(cadence)
        unlocked = self.plan_in_force.plan.strengthening == UNLOCKED

        def make(facts: Sequence[SessionFacts], safety: SafetyFacts) -> SessionPlan:
            usable = [f for f in facts if f.outcome != "open"]
            plan = R.make_plan(
                self.rules,
                self.program,
                usable,
                safety,
                now,
                cadence,
                get_ready_s=get_ready_s,
                release_s=release_s,
            )
            if unlocked and not plan.gate_open:
                reason = translate("GateReason", "Your therapist's plan unlocks strengthening now.")
                plan = dataclasses.replace(plan, gate_open=True, gate_reasons=(reason,))
            return plan

        # a hold still climbing after a long break in strengthening may need a longer window
        for lookback in (LOOKBACK_DAYS, _HOLDS_LOOKBACK_DAYS):
            facts, safety, start = self.rule_facts(now, lookback)
            plan = make(facts, safety)
            if start is None or self._holds_exact(plan, facts, start):
                return plan
        return make(self.store.session_facts(), safety)

    def rule_facts(
        self, now: datetime, lookback_days: int = LOOKBACK_DAYS
    ) -> tuple[Sequence[SessionFacts], SafetyFacts, datetime | None]:
        """The session facts whose replay gives the same answers at ``now`` as the whole history.

        A window of recent weeks plus the few older sessions the rules need
        (``history.facts_window``), so the cost does not grow with the years
        kept. The gate, the nudge and the safety state read from it equal the
        whole history's when the window is exact before the latest red-flag
        check by at least the days the worsening test looks at: before that
        check the gate is closed in both replays (it is the only check they
        are given), and a run of worsening pain that the window starts late
        began before the check, which lifted it in both. After a break (an old
        check) the window reaches back before the check; failing that (no
        check, a thin window) the whole history is read. The third
        value is where the window starts, None when the facts are the whole
        history. The holds need one more test: :meth:`_holds_exact`.
        ``lookback_days``: how far before ``now`` the window starts.
        """
        safety = self.store.safety_facts(now)
        check = safety.last_check
        margin = timedelta(days=self.rules.nudge.window_days)
        tries = [lookback_days]
        if check is not None:  # after a break: a window reaching back before the last check
            tries.append(max(0, (now.date() - check.at.date()).days) + lookback_days)
        for days in dict.fromkeys(tries):
            window = facts_now(self.store, self.rules, now, days, whole_if_inexact=False)
            if window is None:
                continue  # too few sessions in it to be exact: a longer one, or everything
            if window.exact_from is None:
                return window.facts, safety, None  # the window holds the whole history
            if check is not None and check.at >= window.exact_from + margin:
                return window.facts, safety, window.start
        return self.store.session_facts(), safety, None

    def _holds_exact(
        self, plan: SessionPlan, facts: Sequence[SessionFacts], start: datetime
    ) -> bool:
        """The plan's holds, replayed from a window starting at ``start``, are the whole history's.

        The rules walk each hold from its low end: a good session adds one to
        a count that raises the hold a step, a bad one resets the count, a
        flare-up takes a step back. The window's replay starts at the low
        end, below (or at) the state the whole history reaches by then, and
        that order survives every session; replayed from the top instead
        (sessions made up to raise it, placed before the last rated session
        ahead of the window), it stays above or at it. So the whole history's
        hold is the window's when the window's is at the top, when both
        replays end equal, or when the exercise was never offered before the
        window (the whole history's replay is still at the low end there).
        Else the caller reads everything.
        """
        usable = sorted((f for f in facts if f.outcome != "open"), key=lambda f: f.started_at)
        rated_before = [
            i for i, f in enumerate(usable) if f.started_at < start and f.opening is not None
        ]
        if not rated_before:
            return True  # no rating before the window: nothing raised a hold there
        seed, after = usable[rated_before[-1]], usable[rated_before[-1] + 1 :]
        if seed.opening is None:
            return False
        rules = self.rules
        opening = min(seed.opening, rules.too_much)
        closing = min(opening, rules.holds.max_closing_pain)
        for step in (*plan.stretches, *plan.strength, *plan.easier.values()):
            exercise = step.exercise
            low, high = exercise.hold_s
            if step.hold_s == high:
                continue
            made_up = [
                SessionFacts(
                    f"made-up-{i}",
                    seed.started_at - timedelta(minutes=100 + i),
                    "done",
                    opening,
                    closing,
                    0,
                    0,
                    holds={exercise.id: high},
                    reps={exercise.id: (1, 1)},
                )
                for i in range(rules.holds.sessions_in_a_row * (high - low), 0, -1)
            ]
            sound = (
                exercise.hold_step_s > 0
                and made_up
                and R.flare_up(rules, made_up[-1], made_up[-1]) is None
                and (
                    R.flare_up(rules, seed, made_up[-1]) is None
                    or R.flare_up(rules, seed, None) is not None
                )
            )
            if sound and R.hold_for(rules, exercise, [*made_up, seed, *after]) == step.hold_s:
                continue
            if self.store.offered_before(exercise.id, start.date()):
                return False
        return True

    def new_engine(
        self,
        plan: SessionPlan,
        clock: Clock,
        writer: Callable[[Record], None] | None = None,
        gate_pause_s: float = 8.0,
    ) -> SessionEngine:
        from backcompanion.session.engine import SessionEngine  # when a session starts

        engine = SessionEngine(
            plan, clock, self.wall, gate_pause_s=gate_pause_s, day_planner=self.plan_the_day
        )
        engine.add_recorder(writer or RecordWriter(self.store))
        return engine

    def plan_the_day(self, plan: SessionPlan, opening: int) -> SessionPlan:
        """Today's plan once the opening rating is in (``session.rules.day``)."""
        return R.plan_the_day(self.rules, plan, opening)

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
        opening = self._opening_of(it)
        if opening is not None:  # the day as its opening planned it
            plan = self.plan_the_day(plan, opening)
        point = self.resume_point(it, plan)
        if point is None:
            return None
        from backcompanion.session.engine import SessionEngine  # when a session resumes

        engine = SessionEngine(plan, clock, self.wall, session_id=it.session_id, resume=point)
        engine.add_recorder(writer or RecordWriter(self.store))
        self.store.mark_resumed(it.session_id)
        return engine

    def close_interrupted(self, it: InterruptedSession) -> None:
        self.store.close_as_partial(it.session_id, self.wall())

    # ---- safety answers ----

    def record_red_flags(
        self, ticked: tuple[int, ...], now: datetime | None = None, kind: str = "weekly"
    ) -> None:
        """The answers to the weekly check, or (``kind="daily"``) to "anything new today?"."""
        self.store.record_red_flag_check(now or self.wall(), ticked, kind)

    def record_clearance(
        self, note: str = "", now: datetime | None = None, who: str = "", on: date | None = None
    ) -> None:
        """The person says ``who`` (a clinician) cleared them on the day ``on``."""
        self.store.record_clearance(now or self.wall(), note, who, on)

    def dismiss_nudge(self, now: datetime | None = None) -> None:
        self.store.record_nudge_dismissed(now or self.wall())

    # ---- after a session ----

    def done_summary(self, session_id: str, plan: SessionPlan | None = None) -> DoneSummary:
        """The done screen: read from the session's own day on, whatever the years kept.

        ``plan``: the session's plan when known, so that a stopped session counts
        the exercises it never reached among those offered.
        """
        found = self.store.session_day(session_id)
        if found is None:
            return DoneSummary(None, None, 0, 0.0, None, complete=False)
        day, started_ts = found
        this = next(f for f in self.store.session_facts(since=day) if f.session_id == session_id)
        previous = self.store.previous_rated(started_ts)
        flare = R.flare_up(self.rules, this, previous)
        rows = self.store.sessions_between(this.day, this.day + timedelta(days=1))
        row = next((r for r in rows if r.session_id == session_id), None)
        exercises = self.store.session_exercises_between(this.day, this.day + timedelta(days=1))
        expected = None
        if plan is not None:
            expected = len(plan.stretches) + (len(plan.strength) if plan.gate_open else 0)
        done = session_completion(
            this.outcome, exercises.get(session_id, ()), self.rules.complete_share, expected
        )
        return DoneSummary(
            opening=this.opening,
            closing=this.closing,
            exercises_done=done.exercises_done,
            minutes=row.minutes if row else 0.0,
            flare_text=flare.text if flare else None,
            exercises_offered=done.exercises_offered,
            share=done.share,
            complete=done.complete,
        )


def cadence_from_label(label: str) -> Cadence:
    """'4-0-6-0' back into a Cadence (the store keeps the label); the default when unreadable."""
    try:
        inhale, hold_in, exhale, hold_out = (float(p) for p in label.split("-"))
        return Cadence(inhale, hold_in, exhale, hold_out)
    except (ValueError, TypeError):
        return PRESETS["relaxed"]
