"""4. Timer accuracy: a real hold against ``time.monotonic``, 10 s and 60 s, each run alone.

For every whole second of the hold (and its start and end) the truth is the
moment the remaining time crossed it, from the moment the probe sent "done
breathing" plus the get-ready and the seconds gone. The error is how late the
new number reached the page (the bridge's ``changed``) and the screen (the
dial's next paint); an early number counts as much as a late one. The store is
on disk, as a user's is, so a phase end pays its real commit.
"""

from __future__ import annotations

from bench.context import Context
from bench.report import figure
from bench.runner import log, probe, run
from bench.stats import linear_slope, median

TARGET_MS = 20.0
GROWTH_TARGET_MS = 5.0  # a timer re-armed from "now" would gather about 1 ms a second


def hold_errors(r: dict) -> dict:
    """Lateness of each second of a hold, from a hold probe's records (pure)."""
    hold, start, end = r["hold_s"], r["hold_start"], r["hold_end"]
    recs = [tuple(x) for x in r["records"]]  # (t, state, step, countdown, remaining)
    paints = [tuple(x) for x in r["paints"]]  # (t, text)
    seconds = []
    for k in range(hold, -1, -1):
        b = end - k
        if k == hold:
            shown = [x for x in recs if x[2] == "hold"]
        elif k == 0:
            shown = [x for x in recs if x[0] > start + 0.5 and x[2] != "hold"]
        else:
            shown = [x for x in recs if x[2] == "hold" and x[3] <= k]
        if not shown:
            seconds.append({"k": k, "boundary": b, "page_ms": None, "screen_ms": None})
            continue
        t_page = shown[0][0]
        after = [p for p in paints if p[0] >= t_page]
        t_screen = after[0][0] if after else None
        seconds.append(
            {
                "k": k,
                "boundary": b,
                "page_ms": (t_page - b) * 1000,
                "screen_ms": (t_screen - b) * 1000 if t_screen is not None else None,
                "text": after[0][1] if after else None,
            }
        )
    remaining = [abs(x[4] - (end - x[0])) * 1000 for x in recs if x[2] == "hold"]

    def worst(rows, key):
        vals = [abs(s[key]) for s in rows if s[key] is not None]
        return max(vals) if vals else None

    inner = [s for s in seconds if 0 < s["k"] < hold]
    slope = linear_slope(
        [s["boundary"] - start for s in inner if s["page_ms"] is not None],
        [s["page_ms"] for s in inner if s["page_ms"] is not None],
    )
    late = [s["page_ms"] for s in inner if s["page_ms"] is not None]
    n = min(10, len(late) // 2)
    growth = median(late[-n:]) - median(late[:n]) if n else None
    edge = {s["k"]: s for s in seconds}
    return {
        "hold_s": hold,
        "max_page_ms": worst(seconds, "page_ms"),
        "max_screen_ms": worst(seconds, "screen_ms"),
        "inner_max_page_ms": worst(inner, "page_ms"),
        "inner_max_screen_ms": worst(inner, "screen_ms"),
        "start_screen_ms": edge.get(hold, {}).get("screen_ms"),
        "end_page_ms": edge.get(0, {}).get("page_ms"),
        "end_screen_ms": edge.get(0, {}).get("screen_ms"),
        "max_remaining_error_ms": max(remaining) if remaining else None,
        "drift_ms_per_min": slope * 60 if slope is not None else None,
        "growth_ms": growth,
        "send_uncertainty_ms": (r["sent_after"] - r["sent_before"]) * 1000,
        "seconds": seconds,
    }


def _num(x: float | None) -> str:
    return f"{x:.1f}" if x is not None else "-"


def run_timer(ctx: Context) -> None:
    env = ctx.env()
    found = {}
    for hold in (ctx.hold_short_s, ctx.hold_long_s):
        log(f"timer: a real {hold} s hold (nothing else runs)")
        child = run(
            probe("hold", "--hold", str(hold), "--data-dir", str(ctx.workdir / f"hold{hold}")),
            env,
            timeout=hold + 90,
        )
        e = hold_errors(child.result)
        found[hold] = e
        log(
            f"  {hold} s hold: worst {e['max_screen_ms']:.1f} ms on screen, "
            f"{e['max_page_ms']:.1f} ms to the page; "
            f"inside the hold {e['inner_max_screen_ms']:.1f} ms"
        )
    ctx.raw["timer"] = found
    short, long_ = found[ctx.hold_short_s], found[ctx.hold_long_s]
    where = (
        f"inside the hold the worst second was {long_['inner_max_screen_ms']:.1f} ms late on "
        f"screen; the hold's start {long_['start_screen_ms']:.1f} ms and its end "
        f"{long_['end_screen_ms']:.1f} ms (the hold ends the exercise here, so the page "
        f"switches to the next exercise before it paints the new number)"
    )
    ctx.add(
        figure(
            "timer.remaining",
            f"Real {ctx.hold_long_s} s hold: largest error of the remaining time at a display tick",
            long_["max_remaining_error_ms"],
            "ms",
            baseline=short["max_remaining_error_ms"],
            baseline_label=f"{ctx.hold_short_s} s hold",
            target=f"< {TARGET_MS:g} ms",
            limit=TARGET_MS,
            kind="below",
            note="the snapshot's remaining time, as the page received it, against the hold's "
            "end by time.monotonic minus the moment the page received it.",
        ),
        figure(
            "timer.screen",
            f"Real {ctx.hold_long_s} s hold: worst lateness of a new number on screen",
            long_["max_screen_ms"],
            "ms",
            baseline=short["max_screen_ms"],
            baseline_label=f"{ctx.hold_short_s} s hold",
            target=f"< {TARGET_MS:g} ms",
            limit=TARGET_MS,
            kind="below",
            note=where
            + f"; to the page (before painting) the worst was {long_['max_page_ms']:.1f} ms.",
        ),
        figure(
            "timer.growth",
            f"Lateness growth over the {ctx.hold_long_s} s hold (last 10 s against the first 10)",
            long_["growth_ms"],
            "ms",
            baseline=short["growth_ms"],
            baseline_label=f"{ctx.hold_short_s} s hold",
            target=f"|x| < {GROWTH_TARGET_MS:g} ms (no growth with length)",
            limit=GROWTH_TARGET_MS,
            kind="below",
            note="median lateness of the number given to the page in the last seconds of the "
            "hold minus that in the first; least-squares trend "
            f"{_num(long_['drift_ms_per_min'])} ms per minute; the worst second was "
            f"{_num(long_['max_screen_ms'])} ms late over {ctx.hold_long_s} s and "
            f"{_num(short['max_screen_ms'])} ms over {ctx.hold_short_s} s. A timer re-armed "
            "from 'now' would fall about a millisecond behind every second.",
        ),
    )
    growth = long_["growth_ms"]
    ctx.figures[-1]["pass"] = abs(growth) < GROWTH_TARGET_MS if growth is not None else None
