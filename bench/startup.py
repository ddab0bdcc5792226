"""1. Start-up: process start to the first painted main window, against a bare QLabel script.

Both are run by path with the same interpreter and environment, interleaved
(bare, app, bare, app ...), after one discarded warm-up each (the first start
of the day also makes the daily backup, and the first run warms the page
cache). Offscreen always; on Xvfb too when it is installed. Also: whether
``BACKCOMPANION_EXIT_AFTER_FIRST_PAINT`` fires after a real paint, and
``python -X importtime`` of the app's start, with what it need not import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from bench.context import Context
from bench.report import figure, fmt
from bench.runner import BENCH, Env, log, run, script, xvfb
from bench.stats import interleave, median

TARGET = 1.5
IMPORT_RUNS = 3
APP = BENCH / "probes" / "app_start.py"
BARE = BENCH / "baselines" / "bare_label.py"

# What a start to the home page need not import, and why (module prefix -> reason).
LAZY = {
    "backcompanion.report.pdf": "the PDF writer: only File > Export",
    "backcompanion.report.summary": "the weekly summary: only File > Export",
    "backcompanion.report.csv_export": "the CSV export: only its command",
    "backcompanion.report.progress": "the history view's numbers: only when it is opened",
    "backcompanion.ui.progress.progress_view": "the history view: only when it is opened",
    "backcompanion.ui.dialogs.export_dialog": "the export dialog: only File > Export",
    "backcompanion.ui.dialogs.settings": "the settings dialog: only File > Settings",
    "backcompanion.ui.devtools.screenshots": "screenshots: only its command",
    "backcompanion.simulate": "the simulator: only --demo and its command",
    "backcompanion.simulate_story": "the simulator: only --demo and its command",
    "PySide6.QtPrintSupport": "printing",
    "PySide6.QtPdf": "PDF viewing",
    "PySide6.QtMultimedia": "sound cues (off by default)",
    "PySide6.QtTextToSpeech": "voice cues (off by default)",
    "PySide6.QtNetwork": "nothing in the app uses the network",
    "PySide6.QtDBus": "the screen-saver inhibit: only when a session starts",
    "csv": "the CSV export",
    "tempfile": "only --demo",
    "email": "nothing at start",
    "http": "nothing at start",
    "urllib": "nothing at start",
    "xml": "nothing at start",
}

_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)\s*$")


def parse_importtime(stderr: str) -> list[dict]:
    """``-X importtime`` lines as dicts: module, self_ms, cumulative_ms, depth (0 = top level)."""
    rows = []
    for line in stderr.splitlines():
        m = _LINE.match(line)
        if m:
            self_us, cum_us, indent, name = m.groups()
            rows.append(
                {
                    "module": name,
                    "self_ms": int(self_us) / 1000,
                    "cumulative_ms": int(cum_us) / 1000,
                    "depth": max(0, (len(indent) - 1) // 2),
                }
            )
    return rows


def median_rows(runs: Sequence[Sequence[dict]]) -> list[dict]:
    """Per module, the median self and cumulative times over several ``-X importtime`` runs."""
    if not runs:
        return []
    by_name: dict[str, list[dict]] = {}
    for rows in runs:
        for row in rows:
            by_name.setdefault(row["module"], []).append(row)
    out = []
    for row in runs[0]:  # the first run's order and depths
        seen = by_name.get(row["module"], [row])
        out.append(
            {
                **row,
                "self_ms": median([r["self_ms"] for r in seen]),
                "cumulative_ms": median([r["cumulative_ms"] for r in seen]),
            }
        )
    return out


def lazy_candidates(rows: Sequence[dict]) -> list[dict]:
    """Imported modules a start to the home page need not load, with their cost and why."""
    found = []
    for row in rows:
        for prefix, why in LAZY.items():
            if row["module"] == prefix or row["module"].startswith(prefix + "."):
                if row["module"] == prefix:
                    found.append({**row, "why": why})
                break
    return sorted(found, key=lambda r: -r["cumulative_ms"])


def importtime_table(rows: Sequence[dict], top: int = 12) -> str:
    tops = sorted((r for r in rows if r["depth"] == 0), key=lambda r: -r["cumulative_ms"])[:top]
    ours = sorted(
        (r for r in rows if r["module"].startswith("backcompanion")),
        key=lambda r: -r["self_ms"],
    )[:top]
    lines = [
        "Top-level imports by cumulative time:",
        "",
        "| module | cumulative | self |",
        "|---|---|---|",
    ]
    lines += [
        f"| {r['module']} | {r['cumulative_ms']:.1f} ms | {r['self_ms']:.1f} ms |" for r in tops
    ]
    lines += [
        "",
        "The app's own modules by self time (their own code, not what they import):",
        "",
        "| module | self | cumulative |",
        "|---|---|---|",
    ]
    lines += [
        f"| {r['module']} | {r['self_ms']:.1f} ms | {r['cumulative_ms']:.1f} ms |" for r in ours
    ]
    lazy = lazy_candidates(rows)
    lines += ["", "Imported at start though a start to the home page does not need them:", ""]
    if lazy:
        lines += ["| module | cumulative | why it can wait |", "|---|---|---|"]
        lines += [f"| {r['module']} | {r['cumulative_ms']:.1f} ms | {r['why']} |" for r in lazy]
    else:
        lines += [
            "None of the known lazy candidates (PDF writer, history view, dialogs, "
            "simulator, sound, printing) is imported at start."
        ]
    return "\n".join(lines)


def first_paint_s(child) -> float:
    return child.result["paint_mono"] - child.spawn


def stages(child) -> dict[str, float]:
    """Seconds in each stage of a start: interpreter, imports, set-up, window, first paint."""
    r = child.result
    out = {
        "interpreter": r["t_script"] - child.spawn,
        "imports": r["t_imported"] - r["t_script"],
    }
    if "t_window_start" in r and "t_window_built" in r:
        out["setup"] = r["t_window_start"] - r["t_imported"]
        out["window"] = r["t_window_built"] - r["t_window_start"]
        out["show_to_paint"] = r["paint_mono"] - r["t_window_built"]
    else:
        out["show_to_paint"] = r["paint_mono"] - r["t_imported"]
    return out


def stage_medians(children) -> dict[str, float]:
    found = [stages(c) for c in children]
    return {k: median([s[k] for s in found]) for k in found[0]} if found else {}


def stage_text(app: dict[str, float], bare: dict[str, float]) -> str:
    """'interpreter 40 ms (bare 38), imports 300 ms (bare 90), ...' (medians)."""
    parts = []
    for k, v in app.items():
        label = k.replace("_", " ")
        if k in bare:
            parts.append(f"{label} {v * 1000:.0f} ms (bare {bare[k] * 1000:.0f})")
        else:
            parts.append(f"{label} {v * 1000:.0f} ms")
    return ", ".join(parts)


def floor_text(app: dict[str, float], bare_s: float) -> str:
    """How far the interpreter and the imports alone already are from the target."""
    if not bare_s or "imports" not in app:
        return ""
    before = app.get("interpreter", 0.0) + app["imports"]
    rest = sum(v for k, v in app.items() if k not in ("interpreter", "imports"))
    return (
        f" Floor: the interpreter and the imports alone take {before * 1000:.0f} ms "
        f"({before / bare_s:.2f}x the bare start), leaving "
        f"{(TARGET * bare_s - before) * 1000:.0f} ms under the target for opening the "
        f"store, building the window and painting it, which take {rest * 1000:.0f} ms here."
    )


def compare(ctx: Context, env: Env, folder: Path, label: str, rounds: int) -> dict:
    """Interleaved bare/app start-ups on one platform; seconds to the first paint."""
    bare_argv = script(BARE)
    app_argv = script(APP, "--data-dir", str(folder))
    for argv in (bare_argv, app_argv):  # warm-up, discarded
        run(argv, env)

    def one(argv):
        return lambda: run(argv, env)

    def said(name, i, child):
        log(f"  start-up {label} {name} #{i + 1}: {first_paint_s(child):.3f} s")

    runs = interleave([("bare", one(bare_argv)), ("app", one(app_argv))], rounds, said)
    bare = [first_paint_s(c) for c in runs["bare"]]
    app = [first_paint_s(c) for c in runs["app"]]
    return {
        "bare": bare,
        "app": app,
        "bare_rss_kb": median([c.result["maxrss_kb"] for c in runs["bare"]]),
        "app_rss_kb": median([c.result["maxrss_kb"] for c in runs["app"]]),
        "page": runs["app"][-1].result.get("page"),
        "app_stages": stage_medians(runs["app"]),
        "bare_stages": stage_medians(runs["bare"]),
        "qt_modules": runs["app"][-1].result.get("qt_modules"),
    }


def switch_check(env: Env, folder: Path) -> dict:
    """Does app.py's BACKCOMPANION_EXIT_AFTER_FIRST_PAINT quit after a real paint?"""
    child = run(
        script(APP, "--data-dir", str(folder)),
        Env(env.workdir, env.display, {**env.extra, "BACKCOMPANION_EXIT_AFTER_FIRST_PAINT": "1"}),
    )
    r = child.result
    said = re.search(r"first paint after ([0-9.]+) s", child.stdout)
    paint = r.get("paint_event_mono")
    quit_at = r.get("quit_mono")
    return {
        "switch_says_s": float(said.group(1)) if said else None,
        "painted_before_quit": paint is not None and quit_at is not None and paint <= quit_at,
        "paint_minus_quit_ms": (paint - quit_at) * 1000 if paint and quit_at else None,
        "process_to_quit_s": (quit_at - child.spawn) if quit_at else None,
    }


def run_startup(ctx: Context) -> None:
    folder = ctx.folders["empty"]
    platforms = [("offscreen", None)]
    with xvfb() as display:
        if display:
            platforms.append(("Xvfb", display))
        else:
            ctx.section("Start-up", "Xvfb is not installed: start-up measured offscreen only.")
        for label, disp in platforms:
            env = ctx.env(disp)
            log(f"start-up, {label}: {ctx.rounds} interleaved pairs (bare QLabel, app)")
            res = compare(ctx, env, folder, label, ctx.rounds)
            sw = switch_check(env, folder)
            ctx.raw[f"startup_{label}"] = {**res, "switch": sw}
            app, bare = median(res["app"]), median(res["bare"])
            if sw["painted_before_quit"]:
                sw_note = "it quit after the first paint"
            else:
                sw_note = (
                    "it quit BEFORE any paint event reached the window, so it does not "
                    "measure a paint"
                )
            ctx.add(
                figure(
                    f"startup.{label.lower()}",
                    f"Start to first painted window ({label})",
                    app,
                    "s",
                    baseline=bare,
                    baseline_label="bare QLabel",
                    target=f"<= {TARGET}x bare",
                    limit=TARGET,
                    on="ratio",
                    runs=res["app"],
                    baseline_runs=res["bare"],
                    note=(
                        f"stages (medians): {stage_text(res['app_stages'], res['bare_stages'])}. "
                        f"Page shown: {res['page']}; Qt modules loaded: "
                        f"{', '.join(m.removeprefix('PySide6.') for m in res['qt_modules'] or [])}"
                        ". "
                        f"app.py's BACKCOMPANION_EXIT_AFTER_FIRST_PAINT printed "
                        f"{fmt(sw['switch_says_s'], 's')} (timed from after the imports); {sw_note}"
                        + (
                            f" ({sw['paint_minus_quit_ms']:.0f} ms before the paint)"
                            if sw["paint_minus_quit_ms"] and sw["paint_minus_quit_ms"] > 0
                            else ""
                        )
                        + "."
                        + floor_text(res["app_stages"], bare)
                    ),
                )
            )

    log(f"start-up: python -X importtime (offscreen), {IMPORT_RUNS} interleaved pairs")
    env = ctx.env()
    app_argv = [script(APP)[0], "-X", "importtime", str(APP), "--data-dir", str(folder)]
    bare_argv = [script(BARE)[0], "-X", "importtime", str(BARE)]
    runs = interleave(
        [
            ("bare", lambda: parse_importtime(run(bare_argv, env).stderr)),
            ("app", lambda: parse_importtime(run(app_argv, env).stderr)),
        ],
        IMPORT_RUNS,
    )
    rows, bare_rows = median_rows(runs["app"]), median_rows(runs["bare"])
    total = sum(r["self_ms"] for r in rows)
    bare_total = sum(r["self_ms"] for r in bare_rows)
    lazy = lazy_candidates(rows)
    ctx.raw["importtime"] = {
        "total_ms": total,
        "bare_total_ms": bare_total,
        "top": sorted((r for r in rows if r["depth"] == 0), key=lambda r: -r["cumulative_ms"])[:25],
        "lazy_candidates": lazy,
        "modules": len(rows),
    }
    ctx.add(
        figure(
            "startup.import_ms",
            f"Import time at start (-X importtime, sum of self times, median of {IMPORT_RUNS})",
            total,
            "ms",
            baseline=bare_total,
            baseline_label="bare QLabel script",
            note=f"{len(rows)} modules imported (bare QLabel script: {len(bare_rows)}); "
            f"{len(lazy)} of them could wait (see 'Start-up imports').",
        )
    )
    ctx.section("Start-up imports", importtime_table(rows))
