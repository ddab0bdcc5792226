"""The strengthening gate (docs/ARCHITECTURE.md §6): whether it is open, why not, and since when.

The gate is read by replaying the history oldest first (:class:`GateReplay`):
the stretching sessions done, the pain lines and the last flare-up
(``flare.PainMemory``), and the safety answers and worsening pain
(``safety``). Feeding a fact and reading the gate each cost O(1)
(amortised), so reading it at every moment of ten years stays linear.
"""

from __future__ import annotations

import enum
import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from backcompanion.i18n import QT_TRANSLATE_NOOP, format_decimal, translate
from backcompanion.session.completion import stretching_counts
from backcompanion.session.facts import Clearance, RedFlagCheck, SafetyFacts, SessionFacts
from backcompanion.session.progression_config import Rules
from backcompanion.session.rules.common import EPS, latest, require_aware, usable
from backcompanion.session.rules.flare import PainMemory
from backcompanion.session.rules.safety import Worsening

# English, marked for the catalog: translate("GateReason", GATE_OPEN_TEXT) where it is shown
GATE_OPEN_TEXT = QT_TRANSLATE_NOOP(
    "GateReason", "You have stretched regularly and your pain is easing: strengthening is open."
)


class ReasonCode(enum.StrEnum):
    FEW_SESSIONS = "few_sessions"  # not enough completed stretching sessions in all
    SHORT_SPAN = "short_span"  # their days do not yet spread over gate.min_span_days
    FEW_RECENT = "few_recent"  # not enough of them in the last days
    PAIN_NOT_EASING = "pain_not_easing"  # too few ratings, or the recent mean is too high
    RISING = "rising"  # the last opening is well above the lowest of the last few
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
    require_aware(now)
    checks = [safety.last_check] if safety.last_check else []
    clearances = [safety.last_clearance] if safety.last_clearance else []
    sessions = usable(facts)
    newest = latest(sessions, checks, clearances)
    at = now if newest is None else max(now, newest)
    changes, reasons = _walk(rules, sessions, checks, clearances, until=at)
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
    sessions = usable(facts)
    until = until or latest(sessions, checks, clearances)
    if until is None:
        return []
    require_aware(until, "until")
    return _walk(rules, sessions, checks, clearances, until)[0]


def counts_for_gate(rules: Rules, f: SessionFacts) -> bool:
    """Whether the gate counts ``f``: stretching done (``stretching_counts``) and a closing rating.

    A session without a closing rating (stopped, or the closing check-in left
    unanswered) says nothing about how the stretching went, so it never counts.
    """
    return f.closing is not None and stretching_counts(f, rules.complete_share)


class GateReplay:
    """What the gate remembers while walking the history, oldest first."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.days: set[date] = set()  # the days with a session the gate counts
        self.first_day: date | None = None  # the first of them
        self.last_day: date | None = None  # ... and the last
        self.recent: deque[datetime] = deque()  # their starts, trimmed to the recent days
        # the last opening ratings, for the slow creep (gate.rise_window)
        self.openings: deque[int] = deque(maxlen=rules.gate.rise_window)
        self.pain = PainMemory(rules)
        self.worsening = Worsening(rules)
        self.check: RedFlagCheck | None = None
        self.clearance: Clearance | None = None

    def add_session(self, f: SessionFacts) -> None:
        self.pain.add_session(f)
        if f.opening is not None:
            self.openings.append(f.opening)
        if counts_for_gate(self.rules, f):
            self.days.add(f.day)
            self.first_day = f.day if self.first_day is None else min(self.first_day, f.day)
            self.last_day = f.day if self.last_day is None else max(self.last_day, f.day)
            self.recent.append(f.started_at)
        self.worsening.add_session(f, self.pain.baseline)

    @property
    def completed(self) -> int:
        """The different days with a session the gate counts."""
        return len(self.days)

    @property
    def span_days(self) -> int:
        """Days from the first counted day to the last, counting both (0: none yet)."""
        if self.first_day is None or self.last_day is None:
            return 0
        return (self.last_day - self.first_day).days + 1

    def gate_reasons(self, now: datetime) -> tuple[Reason, ...]:
        """Every unmet gate condition at ``now`` (never earlier than the last fed event)."""
        g = self.rules.gate
        reasons: list[Reason] = []
        # plain names as the count: lupdate skips a call whose count is g.x or len(...)
        days_wanted, span_wanted = g.min_sessions, g.min_span_days
        if self.completed < days_wanted:
            reasons.append(
                Reason(
                    ReasonCode.FEW_SESSIONS,
                    translate(
                        "GateReason",
                        "Stretching on %n different day(s), each time with at least {percent} % "
                        "of the repeats done and a pain rating at the end. Now: {done}.",
                        None,
                        days_wanted,
                    ).format(percent=round(self.rules.complete_share * 100), done=self.completed),
                )
            )
        if self.span_days < span_wanted:
            reasons.append(
                Reason(
                    ReasonCode.SHORT_SPAN,
                    translate(
                        "GateReason",
                        "Those days spread over at least %n day(s), first to last. Now: {span}.",
                        None,
                        span_wanted,
                    ).format(span=_days(self.span_days)),
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
                        "%n of them within the last {days}. Now: {done}.",
                        None,
                        wanted,
                    ).format(days=_days(g.recent_days), done=have),
                )
            )
        reasons += self._pain_reasons()
        reasons += self._rise_reasons()
        if self.pain.last_flare is not None:
            session, flare = self.pain.last_flare
            left = session.started_at + timedelta(hours=g.no_flare_hours) - now
            if left > timedelta(0):
                reasons.append(
                    Reason(
                        ReasonCode.FLARE_UP,
                        translate(
                            "GateReason",
                            "No flare-up for {wait}. Now: {left} to go; the last: {flare_up}",
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
        last_openings = self.pain.last_openings
        rated = len(last_openings)
        if rated < g.mean_of_last:
            wanted = g.mean_of_last
            return [
                Reason(
                    ReasonCode.PAIN_NOT_EASING,
                    translate(
                        "GateReason",
                        "A pain rating at the start of %n session(s). Now: {done}.",
                        None,
                        wanted,
                    ).format(done=rated),
                )
            ]
        mean = sum(last_openings) / rated
        # a drop from the baseline alone never opens the gate while the mean is
        # above low_pain_mean (issue 14): the mean itself decides
        if mean <= g.low_pain_mean + EPS:
            return []
        target = g.low_pain_mean
        return [
            Reason(
                ReasonCode.PAIN_NOT_EASING,
                translate(
                    "GateReason",
                    "Pain at the start of a session: {target} or less on average over your "
                    "last %n session(s). Now: {mean}.",
                    None,
                    rated,
                ).format(mean=format_decimal(mean), target=format_decimal(target)),
            )
        ]

    def _rise_reasons(self) -> list[Reason]:
        """A slow creep: the last opening rise_points or more above the lowest of the last few."""
        g = self.rules.gate
        if not self.openings:
            return []
        last, lowest = self.openings[-1], min(self.openings)
        if last - lowest < g.rise_points:
            return []
        count = len(self.openings)
        return [
            Reason(
                ReasonCode.RISING,
                translate(
                    "GateReason",
                    "Pain at the start of a session less than {points} above the lowest of your "
                    "last %n session(s). Now: {last}, the lowest {lowest}.",
                    None,
                    count,
                ).format(points=g.rise_points, last=last, lowest=lowest),
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
        if self.worsening.standing(self.check, self.clearance):
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

    replay = GateReplay(rules)
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
