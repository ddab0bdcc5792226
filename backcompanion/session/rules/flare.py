"""Flare-ups and the pain lines the other rules read (docs/ARCHITECTURE.md §6), as pure functions.

A flare-up is read from one session and the last rated one before it; the
baseline is the mean opening rating of the first sessions; "improved" is the
gate's test of pain easing against it. :class:`PainMemory` keeps all of that
while the gate and the safety rules walk the history, oldest first.
"""

from __future__ import annotations

import enum
import itertools
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from backcompanion.i18n import translate
from backcompanion.session.facts import SessionFacts
from backcompanion.session.progression_config import Rules
from backcompanion.session.rules.common import EPS, usable


class FlareKind(enum.StrEnum):
    HIGH_RATING = "high_rating"  # any rating above too_much ("above 5 is too much")
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
    if ratings and max(ratings) > rules.too_much:
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
    return [(f, flare) for f, flare in timeline(rules, usable(facts)) if flare is not None]


def baseline(rules: Rules, facts: Sequence[SessionFacts]) -> float | None:
    """The mean opening rating of the first sessions that have one; None until there are enough."""
    return usable_baseline(rules, usable(facts))


def timeline(
    rules: Rules, usable: Sequence[SessionFacts]
) -> Iterator[tuple[SessionFacts, FlareUp | None]]:
    """Each session with its flare-up (or None), each compared with the last rated one before it."""
    previous = None
    for f in usable:
        yield f, flare_up(rules, f, previous)
        if f.opening is not None:
            previous = f


def usable_baseline(rules: Rules, usable: Sequence[SessionFacts]) -> float | None:
    """:func:`baseline` of sessions already sorted and filtered (``common.usable``)."""
    n = rules.gate.baseline_sessions
    first = list(itertools.islice((f.opening for f in usable if f.opening is not None), n))
    return sum(first) / n if len(first) == n else None


def improved(rules: Rules, base: float, mean: float) -> bool:
    """At least the points AND the fraction below the baseline (the stricter reading)."""
    g = rules.gate
    drop = base - mean
    return drop + EPS >= g.improvement_points and drop + EPS >= g.improvement_fraction * base


def easing_target(rules: Rules, base: float | None) -> float:
    """The highest recent mean that counts as pain lessening, for telling the person a number."""
    g = rules.gate
    if base is None:
        return g.low_pain_mean
    return max(g.low_pain_mean, base - max(g.improvement_points, g.improvement_fraction * base))


class PainMemory:
    """What the rules remember of pain while walking the history, oldest first, in O(1) a step.

    The last flare-up, the first opening ratings (the baseline), the last ones
    (the gate's recent mean) and the last session with an opening rating.
    """

    def __init__(self, rules: Rules):
        self.rules = rules
        self.last_openings: deque[int] = deque(maxlen=rules.gate.mean_of_last)
        self.first_openings: list[int] = []  # up to gate.baseline_sessions
        self.previous: SessionFacts | None = None  # the last session with an opening rating
        self.last_flare: tuple[SessionFacts, FlareUp] | None = None

    @property
    def baseline(self) -> float | None:
        n = self.rules.gate.baseline_sessions
        return sum(self.first_openings) / n if len(self.first_openings) == n else None

    def add_session(self, f: SessionFacts) -> None:
        flare = flare_up(self.rules, f, self.previous)
        if flare is not None:
            self.last_flare = (f, flare)
        if f.opening is not None:
            if len(self.first_openings) < self.rules.gate.baseline_sessions:
                self.first_openings.append(f.opening)
            self.last_openings.append(f.opening)
            self.previous = f
