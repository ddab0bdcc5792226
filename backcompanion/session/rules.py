"""The progression and safety rules of DESIGN section 5, as pure functions.

No Qt, no clock, no storage: time comes in as a timezone-aware ``now``, the
history as :class:`SessionFacts` and the red-flag answers, and the numbers as
:class:`Rules` (``resources/progression.yaml``). So every rule can be tested
with a handful of hand-made facts, and the weekly report can replay the past.

Sessions whose outcome is "open" (running, or interrupted and not yet closed)
count for nothing here. "stopped" and "partial" sessions count like any other:
their ratings always, their stretching when enough of it was done.

Every function walks the history once after sorting it, so ten years of daily
sessions (3,650 facts) stay cheap; nothing compares each session with each other.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from backcompanion.i18n import QT_TRANSLATE_NOOP, format_decimal, translate
from backcompanion.program import Exercise, Program
from backcompanion.session.facts import Clearance, RedFlagCheck, SafetyFacts, SessionFacts
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan
from backcompanion.session.progression_config import Rules, load_rules

__all__ = [
    "GATE_OPEN_TEXT",
    "FlareKind",
    "FlareUp",
    "GateChange",
    "GateDecision",
    "Nudge",
    "NudgeLevel",
    "Reason",
    "ReasonCode",
    "Rules",
    "SafetyState",
    "baseline",
    "evaluate_gate",
    "flare_up",
    "flare_ups",
    "gate_changes",
    "hold_for",
    "load_rules",
    "make_plan",
    "nudge",
    "reps_for",
    "safety_state",
]

# Float slack for the threshold tests: 0.3 * 10 is 3.0000000000000004 in binary,
# and a drop of exactly 3 from a baseline of 10 must still count as 30 %.
_EPS = 1e-9

# English, marked for the catalog: translate("GateReason", GATE_OPEN_TEXT) where it is shown
GATE_OPEN_TEXT = QT_TRANSLATE_NOOP(
    "GateReason", "You have stretched regularly and your pain is easing: strengthening is open."
)


# ---------------------------------------------------------------- flare-ups


class FlareKind(enum.StrEnum):
    HIGH_RATING = "high_rating"  # any rating at or above flare_up.any_rating_at_least
    CLOSING_ROSE = "closing_rose"  # pain rose during the session
    OPENING_ROSE = "opening_rose"  # pain had not settled since the previous session


@dataclass(frozen=True)
class FlareUp:
    kind: FlareKind
    text: str  # one plain sentence saying what happened


def flare_up(rules: Rules, session: SessionFacts, previous: SessionFacts | None) -> FlareUp | None:
    """Why ``session`` counts as a flare-up, or None.

    ``previous`` is the session before it that has an opening rating. When
    several reasons hold, the highest rating is named first: it is the one a
    person remembers.
    """
    fr = rules.flare_up
    opening, closing = session.opening, session.closing
    ratings = [r for r in (opening, closing, session.max_pain) if r is not None]
    if ratings and max(ratings) >= fr.any_rating_at_least:
        text = translate("FlareUp", "Pain reached {rating} out of 10.")
        return FlareUp(FlareKind.HIGH_RATING, text.format(rating=max(ratings)))
    if opening is not None and closing is not None and closing - opening >= fr.closing_rise:
        text = translate("FlareUp", "Pain went from {before} to {after} during a session.")
        return FlareUp(FlareKind.CLOSING_ROSE, text.format(before=opening, after=closing))
    before = previous.opening if previous is not None else None
    rise = fr.opening_rise_vs_previous
    if opening is not None and before is not None and opening - before >= rise:
        return FlareUp(
            FlareKind.OPENING_ROSE,
            translate(
                "FlareUp", "Pain was {opening} at the start, up from {before} the time before."
            ).format(opening=opening, before=before),
        )
    return None


def flare_ups(rules: Rules, facts: Sequence[SessionFacts]) -> list[tuple[SessionFacts, FlareUp]]:
    """Every flare-up in the history, oldest first."""
    return [(f, flare) for f, flare in _timeline(rules, _usable(facts)) if flare is not None]


def baseline(rules: Rules, facts: Sequence[SessionFacts]) -> float | None:
    """The mean opening rating of the first sessions that have one; None until there are enough."""
    return _baseline(rules, _usable(facts))


# ---------------------------------------------------------------- the gate


class ReasonCode(enum.StrEnum):
    FEW_SESSIONS = "few_sessions"  # not enough completed stretching sessions in all
    FEW_RECENT = "few_recent"  # not enough of them in the last days
    PAIN_NOT_EASING = "pain_not_easing"  # too few ratings, or the recent mean is too high
    FLARE_UP = "flare_up"  # a flare-up too recently
    CHECK_MISSING = "check_missing"  # the red-flag questions were never answered
    CHECK_OLD = "check_old"  # ... or too long ago
    RED_FLAG = "red_flag"  # a red flag is ticked and no clinician has cleared it
    WORSENING = "worsening"  # pain getting worse: red flag 1, until answered or cleared


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    text: str  # what is missing and what opens the gate, in a short, kind sentence


@dataclass(frozen=True)
class GateDecision:
    open: bool
    reasons: tuple[Reason, ...]  # empty when open
    since: datetime | None  # when it last opened or closed; None: so from the start

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(r.text for r in self.reasons)


@dataclass(frozen=True)
class GateChange:
    at: datetime
    open: bool
    reasons: tuple[Reason, ...]  # why it closed; empty when it opened


def evaluate_gate(
    rules: Rules, facts: Sequence[SessionFacts], safety: SafetyFacts, now: datetime
) -> GateDecision:
    """Whether strengthening is offered now, and if not, every reason why.

    ``since`` is dated by replaying the history with the safety answers known
    here (the latest check and clearance): before the latest check the gate
    counts as closed, so ``since`` is never earlier than that check. The
    weekly report, which has every check, uses :func:`gate_changes` instead.

    A fact dated a little after ``now`` (a check stamped a moment later, a
    clock set back) is still taken into account: the rules are then read at
    the latest known moment.
    """
    _require_aware(now)
    checks = [safety.last_check] if safety.last_check else []
    clearances = [safety.last_clearance] if safety.last_clearance else []
    usable = _usable(facts)
    latest = _latest(usable, checks, clearances)
    at = now if latest is None else max(now, latest)
    changes, reasons = _walk(rules, usable, checks, clearances, until=at)
    since = changes[-1].at if len(changes) > 1 else None
    return GateDecision(not reasons, reasons, since)


def gate_changes(
    rules: Rules,
    facts: Sequence[SessionFacts],
    checks: Sequence[RedFlagCheck],
    clearances: Sequence[Clearance],
    until: datetime | None = None,
) -> list[GateChange]:
    """Each moment the gate opened or closed, oldest first; the first entry is its initial state.

    The gate is read at every session (dated at its start: the facts hold no
    end time), check and clearance, and at every moment a time window runs
    out (a flare-up's 72 hours, a session leaving the recent days, a check
    growing old), so "open since" is exact. ``until`` stops the replay
    (default: the latest session, check or clearance; nothing is predicted).
    """
    usable = _usable(facts)
    until = until or _latest(usable, checks, clearances)
    if until is None:
        return []
    _require_aware(until, "until")
    return _walk(rules, usable, checks, clearances, until)[0]


# ---------------------------------------------------------------- safety


@dataclass(frozen=True)
class SafetyState:
    sessions_blocked: bool  # a red flag stands: no session until a clinician clears it
    flags: tuple[int, ...]  # the standing red flags (1-7), 1 included when pain is worsening
    check_due: bool  # never answered, or older than red_flags.recheck_days: ask before a session
    worsening: bool  # pain getting worse and not yet answered or cleared (counts as flag 1)
    last_check_at: datetime | None


def safety_state(
    rules: Rules, safety: SafetyFacts, facts: Sequence[SessionFacts], now: datetime
) -> SafetyState:
    """What the safety screen shows before a session.

    A due check does not block by itself: the app asks the questions, and the
    answers decide. Worsening pain blocks like a ticked red flag 1 until the
    questions are answered again or a clinician's clearance is recorded after
    it began (see ``_Replay.worsening``).
    """
    _require_aware(now)
    replay = _Replay(rules)
    for f in _usable(facts):
        replay.add_session(f)
    replay.check, replay.clearance = safety.last_check, safety.last_clearance
    worsening = replay.worsening()
    flags = set(safety.blocking_flags()) | ({1} if worsening else set())
    check = safety.last_check
    due = check is None or now - check.at >= timedelta(days=rules.red_flags.recheck_days)
    return SafetyState(
        sessions_blocked=bool(flags),
        flags=tuple(sorted(flags)),
        check_due=due,
        worsening=worsening,
        last_check_at=check.at if check else None,
    )


# ---------------------------------------------------------------- holds and repeats


def hold_for(rules: Rules, exercise: Exercise, facts: Sequence[SessionFacts]) -> int:
    """The hold (seconds) for ``exercise`` in the next session.

    It starts at the low end of the exercise's range. Each time the exercise
    was done in ``holds.sessions_in_a_row`` rated sessions in a row that ended
    with pain of ``holds.max_closing_pain`` or less and no flare-up, the hold
    grows by the exercise's step, up to the top. A session without an opening
    rating, or without this exercise, neither counts nor breaks the run; one
    that ends with more pain (or no closing rating) breaks it. A flare-up in
    any session takes every hold one step back (never below the low end) and
    starts the run again: easing off is the safe answer to a flare-up, and
    one step keeps most of the progress.
    """
    return _hold(rules, exercise, list(_timeline(rules, _usable(facts))))


def reps_for(rules: Rules, exercise: Exercise, hold: int) -> int:
    """Repeats per side: the program's number, or for child's pose fewer as the hold grows.

    About ``numerator`` seconds in the pose in all: clamp(round(100 / hold), 3, 20),
    with halves rounded up as people expect.
    """
    if not exercise.reps_follow_hold:
        return exercise.reps
    if hold < 1:
        raise ValueError(f"a hold must be at least 1 s, not {hold}")
    r = rules.childs_pose_reps
    return max(r.min, min(r.max, math.floor(r.numerator / hold + 0.5)))


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
    toward a clinician, as DESIGN asks.
    """
    _require_aware(now)
    n = rules.nudge
    usable = _usable(facts)
    if not usable:
        return None
    elapsed = now - usable[0].started_at
    if elapsed < timedelta(weeks=n.first_weeks):
        return None
    window = timedelta(days=n.window_days)
    recent = [
        f.opening
        for f in usable
        if f.opening is not None and timedelta(0) <= now - f.started_at < window
    ]
    base = _baseline(rules, usable)
    if base is not None and recent and _improved(rules, base, sum(recent) / len(recent)):
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


# ---------------------------------------------------------------- the session plan


def make_plan(
    rules: Rules,
    program: Program,
    facts: Sequence[SessionFacts],
    safety: SafetyFacts,
    now: datetime,
    cadence: Cadence,
    get_ready_s: int = 5,
    release_s: int = 3,
) -> SessionPlan:
    """Everything the engine needs for the next session, decided before it starts.

    Strength steps are planned even when the gate is closed, so the gate
    screen can show what waits. ``gate_reasons`` holds why the gate is
    closed, or one sentence saying why it is open.
    """
    timeline = list(_timeline(rules, _usable(facts)))

    def step(exercise: Exercise) -> StepPlan:
        hold = _hold(rules, exercise, timeline)
        return StepPlan(exercise, hold, reps_for(rules, exercise, hold))

    easier: dict[str, StepPlan] = {}
    for exercise in (*program.stretches, *program.strength):
        variant = program.easier_version(exercise.id)
        if variant is not None:
            easier[exercise.id] = step(variant)
    gate = evaluate_gate(rules, facts, safety, now)
    return SessionPlan(
        breathing=program.breathing,
        cadence=cadence,
        stretches=tuple(step(e) for e in program.stretches),
        strength=tuple(step(e) for e in program.strength),
        gate_open=gate.open,
        gate_reasons=(translate("GateReason", GATE_OPEN_TEXT),) if gate.open else gate.texts,
        easier=easier,
        get_ready_s=get_ready_s,
        release_s=release_s,
        strength_pain_stop=rules.strength_pain_stop,
    )


# ---------------------------------------------------------------- internals


def _usable(facts: Iterable[SessionFacts]) -> list[SessionFacts]:
    """The sessions that count, oldest first."""
    return sorted((f for f in facts if f.outcome != "open"), key=lambda f: f.started_at)


def _latest(
    usable: Sequence[SessionFacts],
    checks: Sequence[RedFlagCheck],
    clearances: Sequence[Clearance],
) -> datetime | None:
    """The moment of the newest fact, or None when there is none."""
    moments = [x.at for x in (*checks, *clearances)] + [f.started_at for f in usable[-1:]]
    return max(moments, default=None)


def _require_aware(when: datetime, name: str = "now") -> None:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")


def _timeline(
    rules: Rules, usable: Sequence[SessionFacts]
) -> Iterator[tuple[SessionFacts, FlareUp | None]]:
    """Each session with its flare-up (or None), each compared with the last rated one before it."""
    previous = None
    for f in usable:
        yield f, flare_up(rules, f, previous)
        if f.opening is not None:
            previous = f


def _baseline(rules: Rules, usable: Sequence[SessionFacts]) -> float | None:
    n = rules.gate.baseline_sessions
    first = list(itertools.islice((f.opening for f in usable if f.opening is not None), n))
    return sum(first) / n if len(first) == n else None


def _improved(rules: Rules, base: float, mean: float) -> bool:
    """At least the points AND the fraction below the baseline (the stricter reading)."""
    g = rules.gate
    drop = base - mean
    return drop + _EPS >= g.improvement_points and drop + _EPS >= g.improvement_fraction * base


def _easing_target(rules: Rules, base: float | None) -> float:
    """The highest recent mean that counts as pain lessening, for telling the person a number."""
    g = rules.gate
    if base is None:
        return g.low_pain_mean
    return max(g.low_pain_mean, base - max(g.improvement_points, g.improvement_fraction * base))


def _hold(
    rules: Rules, exercise: Exercise, timeline: Sequence[tuple[SessionFacts, FlareUp | None]]
) -> int:
    low, high = exercise.hold_s
    step = exercise.hold_step_s
    need, calm = rules.holds.sessions_in_a_row, rules.holds.max_closing_pain
    hold, good = low, 0
    for f, flare in timeline:
        if flare is not None:
            hold, good = max(low, hold - step), 0
        elif f.opening is None or exercise.id not in f.holds:
            continue
        elif f.closing is not None and f.closing <= calm:
            good += 1
            if good == need:
                hold, good = min(high, hold + step), 0
        else:
            good = 0
    return hold


class _Replay:
    """What the gate and the safety rules remember while walking the history, oldest first.

    Feeding a session, check or clearance and reading the gate each cost O(1)
    (amortised), so reading the gate at every moment of ten years stays linear.
    """

    def __init__(self, rules: Rules):
        self.rules = rules
        self.completed = 0  # stretching sessions with enough repeats done
        self.recent: deque[datetime] = deque()  # their starts, trimmed to the recent days
        self.last_openings: deque[int] = deque(maxlen=rules.gate.mean_of_last)
        self.first_openings: list[int] = []  # up to gate.baseline_sessions
        self.previous: SessionFacts | None = None  # the last session with an opening rating
        self.last_flare: tuple[SessionFacts, FlareUp] | None = None
        self.window: deque[tuple[datetime, int]] = deque()  # ratings for the worsening test
        self.window_sum = 0
        self.worse_since: datetime | None = None
        self.check: RedFlagCheck | None = None
        self.clearance: Clearance | None = None

    @property
    def baseline(self) -> float | None:
        n = self.rules.gate.baseline_sessions
        return sum(self.first_openings) / n if len(self.first_openings) == n else None

    def add_session(self, f: SessionFacts) -> None:
        flare = flare_up(self.rules, f, self.previous)
        if flare is not None:
            self.last_flare = (f, flare)
        if f.stretch_ratio + _EPS >= self.rules.gate.min_completion:
            self.completed += 1
            self.recent.append(f.started_at)
        if f.opening is not None:
            self._add_rating(f, f.opening)
            self.previous = f

    def _add_rating(self, f: SessionFacts, opening: int) -> None:
        """Keep the pain means, and note when pain started to run above the baseline.

        Worsening is judged at each rated session over the ratings of the
        ``nudge.window_days`` up to it. It begins at the first session of a
        run of such sessions; a session back within the limit ends the run,
        and so does a gap longer than the window (a new episode is asked about
        afresh).
        """
        if len(self.first_openings) < self.rules.gate.baseline_sessions:
            self.first_openings.append(opening)
        self.last_openings.append(opening)
        span = timedelta(days=self.rules.nudge.window_days)
        if self.previous is not None and f.started_at - self.previous.started_at >= span:
            self.worse_since = None
        self.window.append((f.started_at, opening))
        self.window_sum += opening
        while f.started_at - self.window[0][0] >= span:
            self.window_sum -= self.window.popleft()[1]
        base = self.baseline
        mean = self.window_sum / len(self.window)
        if base is None or mean + _EPS < base + self.rules.nudge.worsening_points:
            self.worse_since = None
        elif self.worse_since is None:
            self.worse_since = f.started_at

    def worsening(self) -> bool:
        """Pain is running worse than the baseline and nobody has looked at it since it began.

        Answering the red-flag questions again, or recording a clinician's
        clearance, after it began lifts it. It does not lapse with time alone:
        the sessions it blocks are what would bring new ratings.
        """
        if self.worse_since is None:
            return False
        answered = [x.at for x in (self.check, self.clearance) if x is not None]
        return not any(at >= self.worse_since for at in answered)

    def gate_reasons(self, now: datetime) -> tuple[Reason, ...]:
        """Every unmet gate condition at ``now`` (never earlier than the last fed event)."""
        g = self.rules.gate
        reasons: list[Reason] = []
        if self.completed < g.min_sessions:
            more = g.min_sessions - self.completed
            reasons.append(
                Reason(
                    ReasonCode.FEW_SESSIONS,
                    translate(
                        "GateReason",
                        "%n more stretching session(s) with at least {percent} % of the "
                        "repeats done.",
                        None,
                        more,
                    ).format(percent=round(g.min_completion * 100)),
                )
            )
        while self.recent and now - self.recent[0] >= timedelta(days=g.recent_days):
            self.recent.popleft()
        if len(self.recent) < g.recent_sessions:
            have, wanted = len(self.recent), g.recent_sessions
            reasons.append(
                Reason(
                    ReasonCode.FEW_RECENT,
                    translate(
                        "GateReason",
                        "%n stretching session(s) within {days}: {done} so far, {left} to go.",
                        None,
                        wanted,
                    ).format(days=_days(g.recent_days), done=have, left=g.recent_sessions - have),
                )
            )
        reasons += self._pain_reasons()
        if self.last_flare is not None:
            session, flare = self.last_flare
            left = session.started_at + timedelta(hours=g.no_flare_hours) - now
            if left > timedelta(0):
                reasons.append(
                    Reason(
                        ReasonCode.FLARE_UP,
                        translate(
                            "GateReason",
                            "{flare_up} Strengthening waits for {wait} without a flare-up: "
                            "{left} to go.",
                        ).format(
                            flare_up=flare.text,
                            wait=_span(timedelta(hours=g.no_flare_hours)),
                            left=_span(left),
                        ),
                    )
                )
        reasons += self._safety_reasons(now)
        return tuple(reasons)

    def _pain_reasons(self) -> list[Reason]:
        g = self.rules.gate
        rated = len(self.last_openings)
        if rated < g.mean_of_last:
            wanted = g.mean_of_last
            return [
                Reason(
                    ReasonCode.PAIN_NOT_EASING,
                    translate(
                        "GateReason",
                        "A pain rating at the start of %n session(s): {done} so far.",
                        None,
                        wanted,
                    ).format(done=rated),
                )
            ]
        mean = sum(self.last_openings) / rated
        base = self.baseline
        improved = base is not None and _improved(self.rules, base, mean)
        if improved or mean <= g.low_pain_mean + _EPS:
            return []
        target = math.floor(_easing_target(self.rules, base) * 10 + _EPS) / 10
        return [
            Reason(
                ReasonCode.PAIN_NOT_EASING,
                translate(
                    "GateReason",
                    "Pain easing: your last %n session(s) started at {mean} on average; "
                    "{target} or lower opens strengthening.",
                    None,
                    rated,
                ).format(mean=format_decimal(mean), target=format_decimal(target)),
            )
        ]

    def _safety_reasons(self, now: datetime) -> list[Reason]:
        g = self.rules.gate
        reasons = []
        if self.check is None:
            reasons.append(
                Reason(
                    ReasonCode.CHECK_MISSING,
                    translate("GateReason", "Answer the safety questions: it takes a minute."),
                )
            )
        else:
            if SafetyFacts(self.check, self.clearance).blocking_flags():
                reasons.append(
                    Reason(
                        ReasonCode.RED_FLAG,
                        translate(
                            "GateReason",
                            "A safety answer needs a clinician's view first. Once a clinician "
                            "has cleared you, record it in the app.",
                        ),
                    )
                )
            age = now - self.check.at
            days = age.days
            if age >= timedelta(days=g.red_flag_check_days):
                reasons.append(
                    Reason(
                        ReasonCode.CHECK_OLD,
                        translate(
                            "GateReason",
                            "The safety check is %n day(s) old: answer it again.",
                            None,
                            days,
                        ),
                    )
                )
        if self.worsening():
            reasons.append(
                Reason(
                    ReasonCode.WORSENING,
                    translate(
                        "GateReason",
                        "Your pain has been higher lately than when you began. Please check "
                        "with a clinician, then answer the safety questions again or record "
                        "that they cleared you.",
                    ),
                )
            )
        return reasons


def _walk(
    rules: Rules,
    usable: Sequence[SessionFacts],
    checks: Sequence[RedFlagCheck],
    clearances: Sequence[Clearance],
    until: datetime,
) -> tuple[list[GateChange], tuple[Reason, ...]]:
    """Replay everything up to ``until``, reading the gate at every moment it could change.

    Those moments are the facts themselves and the ends of the time windows
    they start; the last reading is at ``until``, and its reasons are returned
    with the changes. Facts at the same moment are all fed before the gate is read.
    """
    g = rules.gate
    # (moment, fact to feed or None when only a window ends there)
    events: list[tuple[datetime, object]] = [(until, None)]
    for f in usable:
        events.append((f.started_at, f))
        events.append((f.started_at + timedelta(hours=g.no_flare_hours), None))
        events.append((f.started_at + timedelta(days=g.recent_days), None))
    for c in checks:
        events.append((c.at, c))
        events.append((c.at + timedelta(days=g.red_flag_check_days), None))
    events += [(c.at, c) for c in clearances]
    events.sort(key=lambda e: e[0])

    replay = _Replay(rules)
    changes: list[GateChange] = []
    reasons: tuple[Reason, ...] = ()
    for i, (at, item) in enumerate(events):
        if at > until:
            break
        if isinstance(item, SessionFacts):
            replay.add_session(item)
        elif isinstance(item, RedFlagCheck):
            replay.check = item
        elif isinstance(item, Clearance):
            replay.clearance = item
        if i + 1 < len(events) and events[i + 1][0] == at:
            continue  # read the gate once everything at this moment is in
        reasons = replay.gate_reasons(at)
        if not changes or changes[-1].open != (not reasons):
            changes.append(GateChange(at, not reasons, reasons))
    return changes, reasons


def _days(n: int) -> str:
    return translate("Duration", "%n day(s)", None, n)


def _span(delta: timedelta) -> str:
    """A waiting time, rounded up so the app never promises too early: "5 hours", "2 days"."""
    hours = math.ceil(delta.total_seconds() / 3600)
    if hours < 24:
        hours = max(hours, 1)
        return translate("Duration", "%n hour(s)", None, hours)
    return _days(math.ceil(hours / 24))
