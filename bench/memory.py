"""2. Memory: peak RSS after a whole session through the real window, and growth over 100.

Peak: interleaved with the bare QLabel script (its peak once painted), each
session on a fresh, empty store (in memory when /dev/shm exists: the figure is
memory, not disk). Leak: one process, ten warm-up sessions (the gate opens after
five, so the strength pages have appeared), then 100 more; RSS is sampled
every ten. Both figures are RSS, not time, so they may be taken while the
ten-year simulation runs on the other core.
"""

from __future__ import annotations

from bench.context import Context
from bench.report import figure
from bench.runner import BENCH, log, probe, run, script
from bench.stats import interleave, linear_slope, median

PEAK_TARGET = 1.3
LEAK_TARGET_MB = 5.0


def leak_growth(samples: list[dict]) -> dict:
    """RSS growth from the first sample (after the warm-up) to the last, and its trend."""
    if len(samples) < 2:
        return {"growth_mb": None, "kb_per_session": None}
    first, last = samples[0], samples[-1]
    slope = linear_slope([s["sessions"] for s in samples], [s["rss_kb"] for s in samples])
    return {
        "growth_mb": (last["rss_kb"] - first["rss_kb"]) / 1024,
        "anon_growth_mb": (last["anon_kb"] - first["anon_kb"]) / 1024,
        "py_objects_growth": last["py_objects"] - first["py_objects"],
        "kb_per_session": slope,
        "sessions": last["sessions"] - first["sessions"],
    }


def where_text(app, bare, py_app, py_bare, caches, objects) -> str:
    """The table of resident memory by kind, the app after a session against the bare window
    once painted, from /proc/self/smaps (pure)."""
    if not app or not bare:
        return "Not measured (no /proc/self/smaps)."
    kinds = sorted(set(app) | set(bare), key=lambda k: -(app.get(k, 0) - bare.get(k, 0)))
    lines = [
        "Resident memory by kind of mapping (/proc/self/smaps), the app at the end of a "
        "whole session against the bare QLabel window once painted, in the same run:",
        "",
        "| kind | app | bare | more |",
        "|---|---|---|---|",
    ]
    for k in kinds:
        a, b = app.get(k, 0) / 1024, bare.get(k, 0) / 1024
        lines.append(f"| {k} | {a:.1f} MB | {b:.1f} MB | {a - b:+.1f} MB |")
    ta, tb = sum(app.values()) / 1024, sum(bare.values()) / 1024
    lines.append(f"| total | {ta:.1f} MB | {tb:.1f} MB | {ta - tb:+.1f} MB |")
    lines.append("")
    if py_app is not None and py_bare is not None:
        lines.append(
            f"Of the heap and anonymous memory, Python's object allocator holds "
            f"{py_app / 1024:.1f} MB of live blocks in the app ({objects or 0:,} objects "
            f"tracked by the garbage collector) against {py_bare / 1024:.1f} MB in the bare "
            f"window (sys._debugmallocstats); the rest is Qt's and the C libraries' own "
            f"(widgets, style sheets, glyph caches, the backing store)."
        )
    if isinstance(caches.get("figure_pixmaps_mb"), float):
        lines.append(
            f"Images: the exercise figures keep {caches['figure_pixmaps']} pixmaps of their "
            f"still parts, {caches['figure_pixmaps_mb']:.1f} MB."
        )
    return "\n".join(lines)


def run_memory(ctx: Context, rounds: int = 3, note: str = "") -> None:
    env = ctx.env()
    counter = iter(range(1000))

    def app_run():
        return run(
            probe(
                "session_memory",
                "--mode",
                "peak",
                "--data-dir",
                str(ctx.memdir / f"peak{next(counter)}"),
            ),
            env,
            timeout=300,
        )

    def bare_run():
        return run(script(BENCH / "baselines" / "bare_label.py", "--smaps"), env)

    def said(name, i, child):
        log(f"  memory {name} #{i + 1}: peak {child.result['maxrss_kb'] / 1024:.1f} MB")

    log(f"memory: {rounds} interleaved pairs (bare QLabel, whole session in the real window)")
    runs = interleave([("bare", bare_run), ("app", app_run)], rounds, said)
    bare = [c.result["maxrss_kb"] / 1024 for c in runs["bare"]]
    app = [c.result["maxrss_kb"] / 1024 for c in runs["app"]]
    last = runs["app"][-1].result
    stages = last.get("stages", {})
    steps = " -> ".join(f"{k} {v['rss_kb'] / 1024:.0f}" for k, v in stages.items())
    caches = last.get("pixmap_caches") or {}
    if isinstance(caches.get("figure_pixmaps_mb"), float):
        steps += (
            f"; after the session the {caches['figures']} exercise figures keep "
            f"{caches['figure_pixmaps']} pixmaps of their still parts, "
            f"{caches['figure_pixmaps_mb']:.1f} MB, and the paths of "
            f"{caches['figure_moments']} moments"
        )
    floor = ""
    if "app_imported" in stages and bare:
        imported = stages["app_imported"]["rss_kb"] / 1024
        room = PEAK_TARGET * median(bare) - imported
        rest = median(app) - imported
        floor = (
            f" Floor: with the app's modules imported and no widget yet the process holds "
            f"{imported:.0f} MB ({imported / median(bare):.2f}x the bare window), leaving "
            f"{room:.0f} MB under the target for the window, its pages, the figures "
            f"and a session, which take {rest:.0f} MB here."
        )
    ctx.raw["memory_peak"] = {
        "bare_mb": bare,
        "app_mb": app,
        "stages": stages,
        "session": last.get("session"),
        "smaps_kb": last.get("smaps_kb"),
        "bare_smaps_kb": runs["bare"][-1].result.get("smaps_kb"),
    }
    ctx.section(
        "Where the megabytes go",
        where_text(
            last.get("smaps_kb"),
            runs["bare"][-1].result.get("smaps_kb"),
            last.get("python_heap_kb"),
            runs["bare"][-1].result.get("python_heap_kb"),
            caches,
            last.get("python_objects"),
        ),
    )
    ctx.add(
        figure(
            "memory.peak_session",
            "Peak RSS after a whole session",
            median(app),
            "MB",
            baseline=median(bare),
            baseline_label="bare QLabel",
            target=f"<= {PEAK_TARGET}x bare",
            limit=PEAK_TARGET,
            on="ratio",
            runs=app,
            baseline_runs=bare,
            note=f"RSS (MB) by stage in the app process: {steps}.{floor} {note}".strip(),
        )
    )

    log(
        f"memory: leak check, {ctx.leak_warm} warm-up + {ctx.leak_sessions} sessions in one process"
    )
    child = run(
        probe(
            "session_memory",
            "--mode",
            "leak",
            "--warm",
            str(ctx.leak_warm),
            "--sessions",
            str(ctx.leak_sessions),
            "--paint-every",
            "10",
            "--data-dir",
            str(ctx.memdir / "leak"),
        ),
        env,
        timeout=900,
    )
    samples = child.result["samples"]
    growth = leak_growth(samples)
    ctx.raw["memory_leak"] = {**growth, "samples": samples, "wall_s": child.wall}
    ctx.add(
        figure(
            "memory.leak_100",
            f"RSS growth over {growth.get('sessions')} sessions in one process",
            growth["growth_mb"],
            "MB",
            target=f"< {LEAK_TARGET_MB:g} MB",
            limit=LEAK_TARGET_MB,
            kind="below",
            note=(
                f"after {ctx.leak_warm} warm-up sessions; trend "
                f"{growth['kb_per_session']:.1f} kB per session, anonymous memory "
                f"{growth['anon_growth_mb']:+.1f} MB, Python objects "
                f"{growth['py_objects_growth']:+d}; {child.wall:.0f} s for "
                f"{ctx.leak_warm + ctx.leak_sessions} sessions. {note}"
            ).strip()
            if growth["growth_mb"] is not None
            else note,
        )
    )
