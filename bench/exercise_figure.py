"""3b. The exercise figure moving in the full-screen view at 1920x1080 and 3840x2160.

The real full-screen view (``bench/probes/figure_view.py``) moves angry cat's figure (its
whole body moves: the worst case) as a session does, easing into the stretch and back
again without a pause, at the bridge's frame rate and the real clock; against a bare
QWidget painting one moving ellipse of the figure's size at the same rate
(``bench/baselines/bare_pacer.py``), interleaved. The same budget as the pacer's: frame
interval p99 under 25 ms, CPU at most 1.5x the bare window's. A frame that needs no new
picture (``FigureView.set_moment`` says so: the figure has not moved far enough to be worth
one yet, see ``STEP_SHARE`` in ``ui/widgets/figure.py``) counts as shown on time.

Alone: ``python -m bench.exercise_figure`` runs only this part and writes its section of
``bench/RESULTS.md`` (and its figures in ``results.json``), leaving the rest as it is;
``--quick`` for a short smoke run that writes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from bench.context import Context
from bench.machine import loadavg, machine_info
from bench.pacer import CPU_RATIO_TARGET, P99_TARGET_MS
from bench.report import figure, fmt, verdict
from bench.runner import BENCH, log, probe, run, script
from bench.stats import FRAME_HZ, frame_stats, interleave, median

SCREENS = ((1920, 1080, "1080"), (3840, 2160, "4k"))
SECTION = "Moving exercise figure at full screen"


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
    ours = [f for f in ctx.figures if f["id"].startswith("figure.")]
    ctx.section(SECTION, section_text(ours, ctx.raw, ctx.pacer_rounds, ctx.pacer_s))


def section_text(figures: list[dict], raw: dict, rounds: int, seconds: float) -> str:
    """The figure's own section of RESULTS.md: its rows, what was measured, how (pure)."""
    lines = [
        f"Angry cat easing into its stretch and back without a pause (its whole body moves: "
        f"the worst case), {rounds} interleaved pairs of {seconds:g} s per screen against a "
        f"bare window painting one moving ellipse of the figure's size every 16 ms. "
        f"`python -m bench.exercise_figure` runs this part alone.",
        "",
        "| Figure | Value | Baseline | Ratio | Target | Result |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        base = fmt(f.get("baseline"), f.get("unit", ""))
        r = f"{f['ratio']:.2f}x" if f.get("ratio") is not None else "-"
        cells = (f["title"], fmt(f.get("value"), f.get("unit", "")), base, r)
        lines.append("| " + " | ".join((*cells, f.get("target") or "", verdict(f))) + " |")
    lines.append("")
    for _, _, name in SCREENS:
        app = raw.get(f"figure_{name}", {}).get("app", [])
        painted = [r.get("painted") for r in app if r.get("painted") is not None]
        frames = [r.get("frames") for r in app if r.get("frames")]
        if painted and frames:
            lines.append(
                f"- {name}: the figure {app[-1].get('size')} px got a new picture on "
                f"{median(painted):.0f} of {median(frames):.0f} frames (median of the runs); "
                f"the others had moved less than a step worth a picture."
            )
    lines += [
        "- Per new picture: the pose's joints, the trunk's and the pelvis's outlines (Python; "
        "the limbs', hands', feet', neck's and head's outlines are built once and placed by "
        "their frames, see ARCHITECTURE §5) and about 26 anti-aliased fills (the limbs, the "
        "trunk and the outlines in the background colour round the near limbs), against one "
        "ellipse for the bare window. A frame without a new picture costs the pose's joints "
        "only.",
        "- The frame interval and the dropped frames follow the load of the machine (other "
        "processes take the cores for tens of milliseconds at a time); the bare window's, "
        "measured between the figure's runs, is the baseline.",
    ]
    return "\n".join(lines) + "\n"


def splice_section(markdown: str, title: str, body: str) -> str:
    """``markdown`` with its section ``## title`` replaced by ``body`` (added at the end when
    it has none); every other line kept as it is (pure)."""
    head = f"## {title}"
    block = f"{head}\n\n{body.rstrip()}\n"
    lines = markdown.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == head), None)
    if start is None:
        return markdown.rstrip("\n") + "\n\n" + block
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    after = "".join(lines[end:])
    return "".join(lines[:start]) + block + ("\n" + after if after else "")


def _write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_alone(ctx: Context, machine: dict, folder: Path) -> None:
    """This part's results into ``folder``'s RESULTS.md (its section) and results.json (its
    figures, raw runs and section), the rest of both files as they were."""
    when = datetime.now().astimezone().isoformat(timespec="seconds")
    said = (
        f"Measured alone (`python -m bench.exercise_figure`) on {when}, source at commit "
        f"{machine.get('commit')} with {machine.get('uncommitted_files')} files changed or "
        f"new, load average {machine.get('loadavg_start')} at the start and "
        f"{machine.get('loadavg_end')} at the end on {machine.get('cpu_count')} CPUs."
    )
    body = said + "\n\n" + ctx.sections[SECTION]
    md = folder / "RESULTS.md"
    old = md.read_text(encoding="utf-8") if md.exists() else "# Benchmark results\n"
    _write(md, splice_section(old, SECTION, body))
    js = folder / "results.json"
    results = json.loads(js.read_text(encoding="utf-8")) if js.exists() else {}
    kept = [f for f in results.get("figures", []) if not f["id"].startswith("figure.")]
    results["figures"] = kept + [f for f in ctx.figures if f["id"].startswith("figure.")]
    results.setdefault("sections", {})[SECTION] = body
    results.setdefault("raw", {}).update({k: v for k, v in ctx.raw.items() if "figure" in k})
    _write(js, json.dumps(results, indent=2, default=str) + "\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bench.exercise_figure", description=__doc__.splitlines()[0]
    )
    p.add_argument("--quick", action="store_true", help="one short pair per screen, no files")
    p.add_argument("--rounds", type=int, default=None, help="interleaved pairs per screen")
    p.add_argument("--seconds", type=float, default=None, help="seconds measured per run")
    p.add_argument("--out", type=Path, default=BENCH, help="where RESULTS.md and results.json are")
    args = p.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="backcompanion-figure-bench-"))
    ctx = Context(workdir=workdir, memdir=workdir)
    if args.quick:
        ctx.pacer_rounds, ctx.pacer_s = 1, 3.0
    ctx.pacer_rounds = args.rounds or ctx.pacer_rounds
    ctx.pacer_s = args.seconds or ctx.pacer_s
    machine = machine_info()
    try:
        run_figure(ctx)
    finally:
        machine["loadavg_end"] = loadavg()
        shutil.rmtree(workdir, ignore_errors=True)
    print(ctx.sections.get(SECTION, ""))
    if not args.quick:
        write_alone(ctx, machine, args.out)
        log(f"wrote the section '{SECTION}' of {args.out / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
