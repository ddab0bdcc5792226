"""Where in the breath we are, as a pure function of the time since breathing began.

The pacer draws from this, the engine times the breathing step with it and the
tests check it, so the picture, the phase word and the count can never disagree,
and none of it needs painting to be tested (docs/ARCHITECTURE.md §5). It is called once per
frame: a handful of float operations, no loops over breaths, no caching needed.

A breath is inhale, hold_in, exhale, hold_out, each phase a half-open interval
[start, end) inside the breath: at the very end of a phase the next one has
begun, and a zero-length hold is an empty interval, so it never shows.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from backcompanion.session.plan import Cadence


class BreathPhase(enum.StrEnum):
    INHALE = "inhale"
    HOLD_IN = "hold_in"
    EXHALE = "exhale"
    HOLD_OUT = "hold_out"


@dataclass(frozen=True, slots=True)
class BreathState:
    phase: BreathPhase
    phase_elapsed: float  # seconds into this phase
    phase_remaining: float  # seconds left in this phase
    breath_index: int  # 0-based
    count: int  # whole seconds left in the phase, as shown: 4, 3, 2, 1 (0 once finished)
    size: float  # 0.0 = empty lungs, 1.0 = full; eased, never a step
    finished: bool  # every breath of the cadence is done

    @property
    def until_change(self) -> float:
        """Seconds until the count or the phase next changes (for aiming a one-shot timer)."""
        return self.phase_remaining - max(self.count - 1, 0)


def ease(p: float) -> float:
    """Cosine ease-in-out on 0..1: starts and ends at rest, so the shape never jerks."""
    return (1.0 - math.cos(math.pi * p)) / 2.0


def breath_position(cadence: Cadence, t: float) -> BreathState:
    """The breath at ``t`` seconds since breathing began (times before 0 read as 0).

    Exact at the boundaries: at t = 4.0 with a 4 s inhale the exhale (or the
    hold) has just begun, with its full length remaining and size exactly 1.
    """
    if t >= cadence.total_s:
        last_is_hold = cadence.hold_out > 0
        return BreathState(
            phase=BreathPhase.HOLD_OUT if last_is_hold else BreathPhase.EXHALE,
            phase_elapsed=cadence.hold_out if last_is_hold else cadence.exhale,
            phase_remaining=0.0,
            breath_index=cadence.breaths - 1,
            count=0,
            size=0.0,
            finished=True,
        )
    t = max(t, 0.0)
    breath_s = cadence.breath_s
    within = t % breath_s  # float modulo is exact; division only picks the breath number
    index = round((t - within) / breath_s)
    # Phase ends inside one breath, summed in the same order as Cadence.breath_s so
    # that the last end equals breath_s exactly and ``within`` always falls inside.
    inhale_end = cadence.inhale
    hold_in_end = inhale_end + cadence.hold_in
    exhale_end = hold_in_end + cadence.exhale
    if within < inhale_end:
        phase, start, end = BreathPhase.INHALE, 0.0, inhale_end
        size = ease(within / cadence.inhale)
    elif within < hold_in_end:
        phase, start, end, size = BreathPhase.HOLD_IN, inhale_end, hold_in_end, 1.0
    elif within < exhale_end:
        phase, start, end = BreathPhase.EXHALE, hold_in_end, exhale_end
        size = 1.0 - ease((within - hold_in_end) / cadence.exhale)
    else:
        phase, start, end, size = BreathPhase.HOLD_OUT, exhale_end, breath_s, 0.0
    remaining = end - within
    return BreathState(
        phase=phase,
        phase_elapsed=within - start,
        phase_remaining=remaining,
        breath_index=index,
        count=math.ceil(remaining),
        size=size,
        finished=False,
    )
