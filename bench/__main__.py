"""``python -m bench`` (``make bench``): run every benchmark, write results.json and RESULTS.md.

Order: start-up (offscreen, then Xvfb when installed), the peers (Workrave, Safe Eyes, when
installed, on Xvfb), the pacer (in the window, then full screen at 1920x1080 and
3840x2160), the moving exercise figure at full screen (1920x1080, 3840x2160) and the idle
window, the real-time holds (each alone), then scale: the ten-year simulation runs once
while the memory benchmarks (RSS only, not time) use the other core, and the rest of scale
reuses its database. About twelve minutes on two cores;
``--quick`` is a much shorter smoke run for working on the benchmarks.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import traceback
from datetime import datetime
from pathlib import Path

from bench.context import Context
from bench.exercise_figure import run_figure
from bench.machine import loadavg, machine_info
from bench.memory import run_memory
from bench.pacer import run_idle, run_pacer, run_pacer_fullscreen
from bench.peers import run_peers
from bench.report import render_markdown, summary_counts, write_results
from bench.runner import BENCH, log, probe, run
from bench.scale import run_scale
from bench.startup import run_startup
from bench.timer import run_timer

PARTS = ("startup", "peers", "pacer", "timer", "scale", "memory")


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("--only", help=f"comma-separated parts to run, of: {', '.join(PARTS)}")
    p.add_argument("--quick", action="store_true", help="few, short runs (not for the record)")
    p.add_argument("--out", type=Path, default=BENCH, help="where to write the results")
    p.add_argument("--keep", action="store_true", help="keep the temporary folders")
    return p.parse_args(argv)


def _memdir(workdir: Path) -> Path:
    shm = Path("/dev/shm")
    if shm.is_dir():
        try:
            return Path(tempfile.mkdtemp(prefix="backcompanion-bench-", dir=shm))
        except OSError:
            pass
    path = workdir / "mem"
    path.mkdir()
    return path


def _attempt(ctx: Context, name: str, fn, *args, **kwargs) -> None:
    try:
        fn(ctx, *args, **kwargs)
    except Exception as exc:
        log(f"{name} failed: {exc!r}")
        ctx.errors.append(f"{name}: {exc!r}")
        traceback.print_exc()


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    parts = set(args.only.split(",")) if args.only else set(PARTS)
    unknown = parts - set(PARTS)
    if unknown:
        print(f"unknown part(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    began = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="backcompanion-bench-"))
    memdir = _memdir(workdir)
    ctx = Context(workdir=workdir, memdir=memdir)
    if args.quick:
        ctx.rounds, ctx.pacer_rounds, ctx.pacer_s, ctx.idle_s = 2, 1, 3.0, 3.0
        ctx.hold_short_s, ctx.hold_long_s, ctx.sim_days = 5, 10, 400
        ctx.leak_warm, ctx.leak_sessions = 3, 10
        ctx.peer_settle_s = 3.0
    log(
        f"BackCompanion benchmarks: {', '.join(p for p in PARTS if p in parts)}"
        f"{' (quick)' if args.quick else ''}; temporary files in {workdir}"
    )
    machine = machine_info()
    log(
        f"machine: {machine['cpu_count']} CPUs ({machine['cpu_model']}), load "
        f"{machine['loadavg_start']}, Qt {machine['qt']}"
    )
    try:
        empty = workdir / "empty"
        run(probe("prepare", "--data-dir", str(empty)), ctx.env())
        ctx.folders["empty"] = empty
        if "startup" in parts:
            _attempt(ctx, "start-up", run_startup)
        if "peers" in parts:
            _attempt(ctx, "peers", run_peers)
        if "pacer" in parts:
            _attempt(ctx, "pacer", run_pacer)
            _attempt(ctx, "pacer full screen", run_pacer_fullscreen)
            _attempt(ctx, "figure", run_figure)
            _attempt(ctx, "idle", run_idle)
        if "timer" in parts:
            _attempt(ctx, "timer", run_timer)
        if "scale" in parts:
            meanwhile = (lambda: run_memory(ctx, note=_MEM_NOTE)) if "memory" in parts else None
            _attempt(ctx, "scale", run_scale, meanwhile)
        elif "memory" in parts:
            _attempt(ctx, "memory", run_memory)
    finally:
        machine["loadavg_end"] = loadavg()
        results = {
            "finished": datetime.now().astimezone().isoformat(timespec="seconds"),
            "duration_s": round(time.monotonic() - began, 1),
            "quick": args.quick,
            "parts": sorted(parts),
            "machine": machine,
            "summary": summary_counts(ctx.figures),
            "figures": ctx.figures,
            "sections": ctx.sections,
            "errors": ctx.errors,
            "raw": ctx.raw,
        }
        json_path, md_path = write_results(results, args.out)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
            shutil.rmtree(memdir, ignore_errors=True)
    print()
    print(render_markdown(results))
    log(f"wrote {json_path} and {md_path} in {results['duration_s']:.0f} s")
    return 1 if ctx.errors else 0


_MEM_NOTE = "Taken while the ten-year simulation ran on the other core (RSS, not time)."

if __name__ == "__main__":
    sys.exit(main())
