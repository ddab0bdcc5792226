"""The safety rules (docs/ARCHITECTURE.md §6): red flags, worsening pain, the clinician nudge.

Pure functions: the red-flag answers come in as :class:`SafetyFacts`, the
history as :class:`SessionFacts`, time as a timezone-aware ``now``.
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from backcompanion.i18n import translate
from backcompanion.program.safety import Level, SafetyText, load_safety_english
from backcompanion.session.facts import Clearance, RedFlagCheck, SafetyFacts, SessionFacts
from backcompanion.session.progression_config import Rules
from backcompanion.session.rules.common import EPS, require_aware, usable
from backcompanion.session.rules.flare import PainMemory, improved, usable_baseline

# ---------------------------------------------------------------- before a session


WORSENING_FLAG = "not_improving"  # worsening pain counts as this flag


@dataclass(frozen=True)
class SafetyState:
    sessions_blocked: bool  # a red flag stands: no session (see ``level``)
    flags: tuple[int, ...]  # the standing red flags (1-16), not_improving when pain is worsening
    check_due: bool  # never answered, or older than red_flags.recheck_days: ask before a session
    worsening: bool  # pain getting worse and not yet answered or cleared (counts as not_improving)
    last_check_at: datetime | None
    level: Level | None = None  # the triage page to show, the most urgent standing level
    cleared_lifelong: tuple[int, ...] = ()  # history items once cleared: not asked weekly again
    hurt_exercises: tuple[str, ...] = ()  # "this hurts" above the limit two sessions in a row

    @property
    def clearable(self) -> bool:
        """A clinician's clearance may lift the block now (never on an emergency day)."""
        return self.sessions_blocked and self.level is not Level.EMERGENCY


def safety_state(
    rules: Rules,
    safety: SafetyFacts,
    facts: Sequence[SessionFacts],
    now: datetime,
    texts: SafetyText | None = None,
) -> SafetyState:
    """What the safety screen shows before a session: the triage level and its flags.

    A due check does not block by itself: the app asks the questions, and the
    answers decide, by each flag's level (resources/safety.yaml):

    - *emergency*, ticked at any check today: no session and no clearance
      today; tomorrow the "anything new today?" check asks again;
    - *urgent*, ticked today: no session today unless a clinician's clearance
      is recorded after it;
    - *see a clinician*, ticked at the last weekly check: blocked until a
      clearance is recorded after that check. Worsening pain counts as
      not_improving until the questions are answered again or a clearance is
      recorded after it began (see :meth:`Worsening.standing`); "this hurts"
      above the limit on the same exercise two sessions in a row, until a
      clearance after the second.
    """
    require_aware(now)
    texts = texts or load_safety_english()
    levels = {f.number: f.level for f in texts.red_flags}
    pain, worse = PainMemory(rules), Worsening(rules)
    hurts = HurtRun(rules)
    for f in usable(facts):
        pain.add_session(f)
        worse.add_session(f, pain.baseline)
        hurts.add_session(f)
    worsening = worse.standing(safety.last_check, safety.last_clearance)
    clearance = safety.last_clearance

    def cleared_since(at: datetime) -> bool:
        return clearance is not None and clearance.at >= at

    emergency: set[int] = set()
    urgent: set[int] = set()
    checks = {*safety.recent_checks, *([safety.last_check] if safety.last_check else [])}
    for c in checks:
        if c.at.date() != now.date() or c.at > now:
            continue
        for n in c.ticked:
            level = levels.get(n, Level.SEE_CLINICIAN)
            if level is Level.EMERGENCY:
                emergency.add(n)
            elif level is Level.URGENT and not cleared_since(c.at):
                urgent.add(n)
    see = {
        n
        for n in safety.blocking_flags()
        if levels.get(n, Level.SEE_CLINICIAN) is Level.SEE_CLINICIAN
    }
    if worsening:
        see.add(texts.by_id(WORSENING_FLAG).number)
    hurt = hurts.standing(clearance)
    level = (
        Level.EMERGENCY
        if emergency
        else Level.URGENT
        if urgent
        else Level.SEE_CLINICIAN
        if see or hurt
        else None
    )
    check = safety.last_check
    due = check is None or now - check.at >= timedelta(days=rules.red_flags.recheck_days)
    lifelong = {f.number for f in texts.red_flags if f.lifelong}
    return SafetyState(
        sessions_blocked=level is not None,
        flags=tuple(sorted(emergency | urgent | see)),
        check_due=due,
        worsening=worsening,
        last_check_at=check.at if check else None,
        level=level,
        cleared_lifelong=tuple(n for n in safety.cleared_flags if n in lifelong),
        hurt_exercises=hurt,
    )


class HurtRun:
    """ "This hurts" above the limit on the same exercise in two sessions in a row.

    Fed the history oldest first; ``standing`` says which exercises did so in
    the last two sessions with a rating, unless a clearance came after.
    """

    def __init__(self, rules: Rules):
        self.limit = rules.too_much
        self.previous: frozenset[str] = frozenset()
        self.run: tuple[str, ...] = ()
        self.run_at: datetime | None = None

    def add_session(self, f: SessionFacts) -> None:
        if f.opening is None:
            return  # no session happened
        now = f.hurt_too_much(self.limit)
        both = sorted(now & self.previous)
        if both:  # stands until a clearance after it (the page blocks the sessions between)
            self.run, self.run_at = tuple(both), f.started_at
        self.previous = now

    def standing(self, clearance: Clearance | None) -> tuple[str, ...]:
        if self.run_at is None or (clearance is not None and clearance.at >= self.run_at):
            return ()
        return self.run


class Worsening:
    """Whether pain runs worse than the baseline, fed the history oldest first in O(1) a step."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.window: deque[tuple[datetime, int]] = deque()  # ratings for the worsening test
        self.window_sum = 0
        self.since: datetime | None = None
        self.last_rated_at: datetime | None = None  # the last session with an opening rating

    def add_session(self, f: SessionFacts, baseline: float | None) -> None:
        """Note when pain started to run above the baseline (``baseline`` includes ``f``).

        Worsening is judged at each rated session over the ratings of the
        ``nudge.window_days`` up to it. It begins at the first session of a
        run of such sessions; a session back within the limit ends the run,
        and so does a gap longer than the window (a new episode is asked about
        afresh).
        """
        if f.opening is None:
            return
        span = timedelta(days=self.rules.nudge.window_days)
        if self.last_rated_at is not None and f.started_at - self.last_rated_at >= span:
            self.since = None
        self.last_rated_at = f.started_at
        self.window.append((f.started_at, f.opening))
        self.window_sum += f.opening
        while f.started_at - self.window[0][0] >= span:
            self.window_sum -= self.window.popleft()[1]
        mean = self.window_sum / len(self.window)
        if baseline is None or mean + EPS < baseline + self.rules.nudge.worsening_points:
            self.since = None
        elif self.since is None:
            self.since = f.started_at

    def standing(self, check: RedFlagCheck | None, clearance: Clearance | None) -> bool:
        """Pain is running worse than the baseline and nobody has looked at it since it began.

        Answering the red-flag questions again, or recording a clinician's
        clearance, after it began lifts it. It does not lapse with time alone:
        the sessions it blocks are what would bring new ratings.
        """
        if self.since is None:
            return False
        answered = [x.at for x in (check, clearance) if x is not None]
        return not any(at >= self.since for at in answered)


# ---------------------------------------------------------------- the no-improvement nudge


class NudgeLevel(enum.StrEnum):
    SUGGEST = "suggest"  # from nudge.first_weeks: a gentle, dismissible suggestion
    PLAIN = "plain"  # from nudge.plain_weeks: said plainly at the start


@dataclass(frozen=True)
class Nudge:
    level: NudgeLevel
    text: str
    weeks: int  # whole weeks since the first session


def nudge(
    rules: Rules, facts: Sequence[SessionFacts], now: datetime, last_dismissed: datetime | None
) -> Nudge | None:
    """Suggest seeing a physical therapist when pain has not clearly eased after some weeks.

    Uses the gate's improvement test (points AND fraction below the baseline)
    on the mean opening rating of the last ``window_days``. When that cannot
    be shown (no baseline yet, no ratings lately) the nudge is given: it errs
    toward a clinician, as docs/ARCHITECTURE.md §6 asks.
    """
    require_aware(now)
    n = rules.nudge
    facts = usable(facts)
    if not facts:
        return None
    elapsed = now - facts[0].started_at
    if elapsed < timedelta(weeks=n.first_weeks):
        return None
    window = timedelta(days=n.window_days)
    recent = [
        f.opening
        for f in facts
        if f.opening is not None and timedelta(0) <= now - f.started_at < window
    ]
    base = usable_baseline(rules, facts)
    if base is not None and recent and improved(rules, base, sum(recent) / len(recent)):
        return None
    plain = elapsed >= timedelta(weeks=n.plain_weeks)
    quiet = timedelta(days=n.plain_repeat_days if plain else n.repeat_days)
    if last_dismissed is not None and now - last_dismissed < quiet:
        return None
    weeks = elapsed.days // 7
    if plain:
        text = translate(
            "Nudge",
            "It has been %n week(s) and your pain has not clearly eased. Please book a visit "
            "with a physical therapist or your doctor: they can examine your back and plan "
            "the next steps with you.",
            None,
            weeks,
        )
        return Nudge(NudgeLevel.PLAIN, text, weeks)
    text = translate(
        "Nudge",
        "You have kept at the program for %n week(s), and your pain has not eased as much "
        "as hoped. A physical therapist can examine your back and shape a plan around you: "
        "it may be worth booking a visit.",
        None,
        weeks,
    )
    return Nudge(NudgeLevel.SUGGEST, text, weeks)
