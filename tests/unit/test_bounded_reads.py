"""Home status, plan and done screen read a bounded window: answers equal the whole history's.

Each simulated history is checked after every few days, at several moments
(just after the last session, days later, weeks later: back after a break), against the rules run
on every session the store holds: home status (safety, gate with its "since",
nudge, counts), the session plan (holds, repeats, gate), the done summary
(with its flare-up) and the flare-ups themselves.
"""

from __future__ import annotations

from datetime import date, timedelta

from backcompanion.companion import Companion, DoneSummary
from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.session import rules as R
from backcompanion.session.completion import session_completion
from backcompanion.session.plan import PRESETS
from backcompanion.simulate import simulate

PROGRAM = builtin_program()
PHASES = {e.id: e.phase.value for e in PROGRAM.exercises}
RULES = R.load_rules()
CADENCE = PRESETS["relaxed"]


def _full_done_summary(store: Store, session_id: str) -> DoneSummary:
    """The done summary as it was computed before the bounded read: from every session."""
    facts = store.session_facts()
    index = next(i for i, f in enumerate(facts) if f.session_id == session_id)
    this = facts[index]
    previous = next((f for f in reversed(facts[:index]) if f.opening is not None), None)
    flare = R.flare_up(RULES, this, previous)
    rows = store.sessions_between(this.day, this.day + timedelta(days=1))
    row = next(r for r in rows if r.session_id == session_id)
    exercises = store.session_exercises_between(date.min, date.max).get(session_id, ())
    done = session_completion(this.outcome, exercises, RULES.complete_share)
    return DoneSummary(
        this.opening,
        this.closing,
        done.exercises_done,
        row.minutes,
        flare.text if flare else None,
        done.exercises_offered,
        done.share,
        done.complete,
    )


def _complete_sessions(store: Store) -> int:
    """Sessions complete by session.completion's rule, counted in Python (the store uses SQL)."""
    exercises = store.session_exercises_between(date.min, date.max)
    return sum(
        session_completion(r.status, exercises.get(r.session_id, ()), RULES.complete_share).complete
        for r in store.sessions_between(date.min, date.max)
    )


class Checker:
    def __init__(self, store: Store):
        self.store = store
        self.companion = Companion(PROGRAM, RULES, store)
        self.checked = 0
        self.windowed = 0  # checks the window answered without reading everything

    def check(self, every: int = 1) -> None:
        facts = self.store.session_facts()
        if not facts:
            return
        self.checked += 1
        if self.checked % every:
            return
        safety = self.store.safety_facts()
        usable = [f for f in facts if f.outcome != "open"]
        last = facts[-1]
        for later in (timedelta(hours=1), timedelta(days=2), timedelta(days=9), timedelta(days=45)):
            now = last.started_at + later
            status = self.companion.home_status(now)
            assert status.safety == R.safety_state(RULES, safety, facts, now)
            assert status.gate == R.evaluate_gate(RULES, facts, safety, now), now
            nudge = R.nudge(RULES, facts, now, self.store.last_nudge_dismissed())
            assert status.nudge == nudge
            ended = sum(1 for f in facts if f.outcome in ("done", "stopped", "partial"))
            assert status.sessions_ended == ended
            assert status.sessions_done == _complete_sessions(self.store)
            assert status.last_session == last
            plan = self.companion.plan(CADENCE, now=now)
            assert plan == R.make_plan(RULES, PROGRAM, usable, safety, now, CADENCE), now
            self.windowed += self.companion.rule_facts(now)[2] is not None
        assert self.companion.done_summary(last.session_id) == _full_done_summary(
            self.store, last.session_id
        )
        # the window's flare-ups inside it are the whole history's
        window = self.companion.rule_facts(last.started_at)[0]
        start = window[-1].started_at - timedelta(days=14)
        inside = [(f.session_id, x) for f, x in R.flare_ups(RULES, window) if f.started_at > start]
        whole = [(f.session_id, x) for f, x in R.flare_ups(RULES, facts) if f.started_at > start]
        assert inside == whole


def _simulate(store, checker, days, start, seed, every):
    simulate(store, PROGRAM, RULES, days, start, seed, progress=lambda n, d: checker.check(every))


def test_a_short_history(tmp_path):
    with Store.open(tmp_path, phases=PHASES) as store:
        checker = Checker(store)
        _simulate(store, checker, 12, date(2026, 3, 2), seed=5, every=1)
        assert checker.checked > 8


def test_six_weeks(tmp_path):
    with Store.open(tmp_path, phases=PHASES) as store:
        checker = Checker(store)
        _simulate(store, checker, 42, date(2026, 1, 5), seed=7, every=2)
        assert checker.windowed > 0  # the window was used, not only the whole history


def test_two_years_with_gaps(tmp_path, seed=11):
    """Stretches of sessions with months away between them, and a clock set back."""
    with Store.open(tmp_path, phases=PHASES) as store:
        checker = Checker(store)
        start = date(2024, 2, 1)
        for days, gap in ((150, 60), (90, 5), (120, 200)):
            _simulate(store, checker, days, start, seed, every=6)
            start += timedelta(days=days + gap)
        # a session dated before the newest one (a clock set back)
        _simulate(store, checker, 10, start - timedelta(days=230), seed, every=1)
        assert checker.windowed > 20
