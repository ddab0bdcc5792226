"""A seeded, plausible pain story for ``backcompanion simulate`` (demo data).

Pain starts moderate and eases over a few weeks with day-to-day noise; now and
then a flare-up lifts it for a couple of days; some days are skipped and some
sessions are stopped early. Pure Python and deterministic for a seed.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Day:
    day: date
    skipped: bool
    opening: int
    closing: int
    stop_after_exercises: int | None  # stop the session after this many exercises
    hurts_exercise: int | None  # "this hurts" during the n-th exercise of the session
    start_minute: int  # minutes after midnight the session starts


def _clamp(value: float) -> int:
    return max(0, min(10, round(value)))


def pain_story(start: date, days: int, seed: int) -> list[Day]:
    rng = random.Random(seed)
    first = rng.uniform(5.5, 7.0)
    settled = rng.uniform(1.0, 2.0)
    weeks_to_ease = rng.uniform(3.0, 5.0)
    flare_left = 0
    story: list[Day] = []
    for n in range(days):
        eased = settled + (first - settled) * math.exp(-n / (7 * weeks_to_ease / 3))
        if flare_left == 0 and n > 10 and rng.random() < 0.035:
            flare_left = rng.choice((2, 3))
        flare = 0.0
        if flare_left:
            flare = 3.0 if flare_left > 1 else 1.5
            flare_left -= 1
        opening = _clamp(eased + flare + rng.gauss(0, 0.6))
        closing = _clamp(
            opening - rng.choice((0, 1, 1, 2)) + (2.5 if flare >= 3 and rng.random() < 0.5 else 0)
        )
        skipped = n > 0 and rng.random() < (0.10 if not flare else 0.25)
        stop = rng.randint(2, 5) if rng.random() < 0.04 else None
        hurts = rng.randint(1, 6) if flare and rng.random() < 0.4 else None
        story.append(
            Day(
                day=start + timedelta(days=n),
                skipped=skipped,
                opening=opening,
                closing=closing,
                stop_after_exercises=stop,
                hurts_exercise=hurts,
                start_minute=rng.choice((7 * 60 + 30, 12 * 60 + 15, 18 * 60, 20 * 60 + 45))
                + rng.randint(0, 40),
            )
        )
    return story
