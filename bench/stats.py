"""Pure helpers: medians, percentiles, ratios, frame statistics, interleaving, verdicts.

No Qt, no clocks: the smoke test runs these on made-up numbers.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from typing import Any

FRAME_HZ = 60.0


def median(values: Sequence[float]) -> float | None:
    """The median of ``values`` (None when there are none)."""
    xs = sorted(v for v in values if v is not None)
    if not xs:
        return None
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def percentile(values: Sequence[float], p: float) -> float | None:
    """The ``p``-th percentile (0-100) with linear interpolation between ranks."""
    xs = sorted(values)
    if not xs:
        return None
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be 0-100, not {p}")
    rank = (len(xs) - 1) * p / 100
    lo, hi = math.floor(rank), math.ceil(rank)
    return xs[lo] + (xs[hi] - xs[lo]) * (rank - lo)


def ratio(value: float | None, baseline: float | None) -> float | None:
    """``value / baseline``; None when either is missing or the baseline is not positive."""
    if value is None or baseline is None or baseline <= 0:
        return None
    return value / baseline


def spread(values: Sequence[float]) -> dict[str, float | int | None]:
    """Median, min, max and count of a list of runs."""
    xs = [v for v in values if v is not None]
    return {
        "median": median(xs),
        "min": min(xs) if xs else None,
        "max": max(xs) if xs else None,
        "n": len(xs),
    }


def intervals(stamps: Sequence[float]) -> list[float]:
    """Differences between consecutive timestamps."""
    return [b - a for a, b in itertools.pairwise(stamps)]


def frame_stats(stamps_s: Sequence[float], hz: float = FRAME_HZ) -> dict[str, float | int | None]:
    """Frame-interval statistics from paint timestamps (seconds).

    ``dropped`` counts the frames a ``hz`` display would have shown but got no
    new picture for: an interval of 2.4 periods hides one frame, 3.6 hide three
    (each interval of ``k`` periods, rounded, counts ``k - 1``).
    """
    gaps = intervals(stamps_s)
    period = 1.0 / hz
    dropped = sum(max(0, round(g / period) - 1) for g in gaps)
    span = stamps_s[-1] - stamps_s[0] if len(stamps_s) > 1 else 0.0
    ms = [g * 1000 for g in gaps]
    return {
        "frames": len(stamps_s),
        "fps": (len(gaps) / span) if span > 0 else None,
        "p50_ms": percentile(ms, 50),
        "p99_ms": percentile(ms, 99),
        "max_ms": max(ms) if ms else None,
        "dropped": dropped,
        "expected_frames": round(span * hz),
    }


def interleave(
    runners: Sequence[tuple[str, Callable[[], Any]]],
    rounds: int,
    on_run: Callable[[str, int, Any], None] | None = None,
) -> dict[str, list[Any]]:
    """Run each of ``runners`` once per round, in order (A B A B ...); results by name."""
    out: dict[str, list[Any]] = {name: [] for name, _ in runners}
    for i in range(rounds):
        for name, run in runners:
            result = run()
            out[name].append(result)
            if on_run is not None:
                on_run(name, i, result)
    return out


def linear_slope(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Least-squares slope of ``ys`` against ``xs`` (None with fewer than two points)."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx


def check(value: float | None, limit: float, kind: str = "max") -> bool | None:
    """Whether ``value`` meets a target: ``max`` means at most ``limit``, ``below`` under it,
    ``min`` at least it. None when the value is missing (not measured)."""
    if value is None:
        return None
    if kind == "max":
        return value <= limit
    if kind == "below":
        return value < limit
    if kind == "min":
        return value >= limit
    raise ValueError(f"unknown target kind {kind!r}")
