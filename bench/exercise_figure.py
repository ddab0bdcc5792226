"""3b. The exercise figure moving in the full-screen view at 1920x1080 and 3840x2160.

The real full-screen view (``bench/probes/figure_view.py``) moves angry cat's figure (its
whole body moves: the worst case) as a session does, easing into the stretch and back
again without a pause, at the bridge's frame rate and the real clock; against a bare
QWidget painting one moving ellipse of the figure's size at the same rate
(``bench/baselines/bare_pacer.py``), interleaved. The same budget as the pacer's: frame
interval p99 under 25 ms, CPU at most 1.5x the bare window's. A frame that needs no new
picture (the ease so slow near its ends that the figure has not moved a step) counts as
shown on time.
"""

from __future__ import annotations

from bench.context import Context
from bench.pacer import CPU_RATIO_TARGET, P99_TARGET_MS
from bench.report import figure
from bench.runner import BENCH, log, probe, run, script
from bench.stats import FRAME_HZ, frame_stats, interleave, median

SCREENS = ((1920, 1080, "1080"), (3840, 2160, "4k"))


def summary(result: dict) -> dict:
    """Frame statistics and CPU from one probe's (or bare window's) result (pure)."""
    stats = frame_stats(result["stamps"], FRAME_HZ)
    wall = result["wall_s"]
    return {
        **stats,
        "cpu_pct": 100 * result["cpu_s"] / wall,
        "size": result.get("size"),
        "painted": result.get("painted"),
        "rss_mb": result["maxrss_kb"] / 1024 if result.get("maxrss_kb") else None,
    }


def figures_for(name: str, screen: str, app: list[dict], bare: list[dict]) -> list:
    """The report's figures for one screen size from the runs of both (pure)."""

    def med(rows, key):
        return median([r[key] for r in rows])

    size = app[-1].get("size") or ["?", "?"]
    painted = med(app, "painted") if all(r.get("painted") is not None for r in app) else None
    note = (
        f"the figure {size[0]}x{size[1]} px in the {screen} full-screen view, angry cat "
        f"moving all the time, frame timer 16 ms"
        + (f"; {painted:.0f} new pictures painted in the measured seconds" if painted else "")
        + "."
    )
    return [
        figure(
            f"figure.{name}.p99",
            f"Moving figure, full screen {screen}: frame interval p99",
            med(app, "p99_ms"),
            "ms",
            baseline=med(bare, "p99_ms"),
            baseline_label="bare ellipse",
            target=f"< {P99_TARGET_MS:g} ms",
            limit=P99_TARGET_MS,
            kind="below",
            runs=[r["p99_ms"] for r in app],
            baseline_runs=[r["p99_ms"] for r in bare],
            note=note,
        ),
        figure(
            f"figure.{name}.dropped",
            f"Moving figure, full screen {screen}: dropped frames",
            med(app, "dropped"),
            "frames",
            baseline=med(bare, "dropped"),
            baseline_label="bare ellipse",
            runs=[r["dropped"] for r in app],
        ),
        figure(
            f"figure.{name}.cpu_ratio",
            f"Moving figure, full screen {screen}: CPU against the bare ellipse",
            med(app, "cpu_pct"),
            "%",
            baseline=med(bare, "cpu_pct"),
            baseline_label="bare ellipse",
            target=f"<= {CPU_RATIO_TARGET:g}x bare",
            limit=CPU_RATIO_TARGET,
            on="ratio",
            runs=[r["cpu_pct"] for r in app],
            baseline_runs=[r["cpu_pct"] for r in bare],
            note="process CPU time (every thread) over the measured seconds; in a session "
            "the figure moves only over the first seconds of a hold or a release.",
        ),
        figure(
            f"figure.{name}.rss",
            f"Moving figure, full screen {screen}: peak RSS of the process",
            med(app, "rss_mb") if all(r.get("rss_mb") for r in app) else None,
            "MB",
            baseline=med(bare, "rss_mb") if all(r.get("rss_mb") for r in bare) else None,
            baseline_label="bare ellipse",
            note="the full-screen view alone (no main window, no store), its figure moving.",
        ),
    ]


def run_figure(ctx: Context) -> None:
    env = ctx.env()
    for w, h, name in SCREENS:
        screen = f"{w}x{h}"
        size = {"value": ""}

        def app_run(screen=screen, size=size):
            child = run(
                probe("figure_view", "--size", screen, "--seconds", str(ctx.pacer_s)),
                env,
                timeout=120,
            )
            fw, fh = child.result["size"]
            size["value"] = f"{fw}x{fh}"
            return summary(child.result)

        def bare_run(size=size):
            child = run(
                script(
                    BENCH / "baselines" / "bare_pacer.py",
                    "--size",
                    size["value"] or "981x508",
                    "--seconds",
                    str(ctx.pacer_s),
                    "--frame-ms",
                    "16",
                ),
                env,
                timeout=120,
            )
            return summary(child.result)

        def said(who, i, s, screen=screen):
            log(
                f"  figure {screen} {who} #{i + 1}: p50 {s['p50_ms']:.1f} ms, "
                f"p99 {s['p99_ms']:.1f} ms, dropped {s['dropped']}, CPU {s['cpu_pct']:.1f} %"
            )

        log(f"figure {screen}: {ctx.pacer_rounds} interleaved pairs of {ctx.pacer_s:g} s")
        runs = interleave([("app", app_run), ("bare", bare_run)], ctx.pacer_rounds, said)
        ctx.raw[f"figure_{name}"] = runs
        ctx.add(*figures_for(name, screen, runs["app"], runs["bare"]))
