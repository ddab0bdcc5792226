"""5. Scale: ten years of history (``backcompanion simulate --days 3650``) and what it costs.

The simulation runs once, through the real command, into a temporary folder;
every later measurement reuses that database. While it runs, a thread samples
its progress (the newest simulated day, read from the database) and its CPU
time (/proc), which gives the cost of a simulated day early and late in the
history. Then, each interleaved against a small history: the store and rules
operations (one process, ``bench/probes/queries.py``), app start-up against an
empty history (target at most 1.1x), the weekly PDF export against one week
of history (target at most 1.2x), and the file's size and first start after the
update against the same history at schema version 2 (``bench/migration.py``).
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bench.context import Context
from bench.migration import old_history, run_migration, size_figure_args
from bench.report import figure, fmt
from bench.runner import Child, finish, log, probe, python, run, script, start
from bench.startup import APP, first_paint_s, stage_medians
from bench.stats import interleave, median

STARTUP_TARGET = 1.1
PDF_TARGET = 1.2
DB_NAME = "backcompanion.sqlite3"


def last_full_week(today: date) -> tuple[date, str]:
    """The Monday of the last complete ISO week before ``today``, and its name (YYYY-Www)."""
    monday = today - timedelta(days=today.weekday() + 7)
    year, week, _ = monday.isocalendar()
    return monday, f"{year}-W{week:02d}"


def cost_per_day(samples: list[tuple[float, float, int]], days: int, span: int = 365) -> dict:
    """Seconds (wall and CPU) per simulated day over the first and the last ``span`` days.

    ``samples`` are (wall s, CPU s, days done) in time order, starting at (0, 0, 0)
    and ending when the simulation ended (``days`` done).
    """

    def at(done: float, index: int) -> float | None:
        for a, b in itertools.pairwise(samples):
            if a[2] <= done <= b[2] and b[2] > a[2]:
                return a[index] + (b[index] - a[index]) * (done - a[2]) / (b[2] - a[2])
        return None

    span = min(span, days)
    out: dict[str, float | None] = {}
    for i, kind in ((0, "wall"), (1, "cpu")):
        first = at(span, i)
        end = samples[-1][i] if samples else None
        begin_last = at(days - span, i)
        out[f"first_{kind}_s_per_day"] = first / span if first is not None else None
        out[f"last_{kind}_s_per_day"] = (
            (end - begin_last) / span if end is not None and begin_last is not None else None
        )
    return out


def _proc_cpu(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def simulate_watched(
    ctx: Context, folder: Path, days: int, first_day: date, meanwhile: Callable[[], None] | None
) -> tuple[Child, list[tuple[float, float, int]]]:
    """Run ``backcompanion simulate`` and sample its progress; run ``meanwhile`` alongside."""
    argv = [
        python(),
        "-m",
        "backcompanion",
        "simulate",
        "--days",
        str(days),
        "--start",
        first_day.isoformat(),
        "--seed",
        "1",
        "--data-dir",
        str(folder),
    ]
    env = ctx.env()
    proc, spawn, out = start(argv, env, ctx.workdir / "out")
    samples: list[tuple[float, float, int]] = [(0.0, 0.0, 0)]
    done = threading.Event()
    result: dict[str, Child] = {}

    def watch() -> None:
        db = folder / DB_NAME
        conn = None
        last_log = 0.0
        while not done.is_set():
            time.sleep(1.0)
            cpu = _proc_cpu(proc.pid)
            try:
                if conn is None and db.exists():
                    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
                row = conn.execute("SELECT max(day) FROM sessions").fetchone() if conn else None
            except sqlite3.Error:
                row = None
            if row and row[0] and cpu is not None:
                n = (date.fromisoformat(row[0]) - first_day).days + 1
                t = time.monotonic() - spawn
                samples.append((t, cpu, n))
                if t - last_log >= 30:
                    last_log = t
                    log(f"  simulate: day {n} of {days} after {t:.0f} s")
        if conn is not None:
            conn.close()

    def wait() -> None:
        result["child"] = finish(proc, spawn, out, timeout=3600, poll=0.2)
        done.set()

    watcher = threading.Thread(target=watch, daemon=True)
    waiter = threading.Thread(target=wait, daemon=True)
    watcher.start()
    waiter.start()
    if meanwhile is not None:
        try:
            meanwhile()
        except Exception as exc:
            ctx.errors.append(f"memory (run during the simulation): {exc!r}")
    waiter.join()
    watcher.join()
    child = result["child"]
    if child.code != 0:
        raise RuntimeError(f"simulate exited {child.code}: {child.stderr.strip()[-300:]}")
    cpu = child.cpu if child.cpu is not None else samples[-1][1]
    samples.append((child.wall, cpu, days))
    return child, samples


def db_facts(path: Path) -> dict:
    """Size of the file, rows per table, and the bytes each table and index takes."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        rows = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        try:
            space = dict(
                conn.execute(
                    "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
                ).fetchall()
            )
        except sqlite3.Error:
            space = {}
    finally:
        conn.close()
    wal = path.with_name(path.name + "-wal")
    return {
        "bytes": path.stat().st_size,
        "wal_bytes": wal.stat().st_size if wal.exists() else 0,
        "rows": rows,
        "space": space,
    }


def run_scale(ctx: Context, meanwhile: Callable[[], None] | None = None) -> None:
    today = date.today()
    monday, week = last_full_week(today)
    days = ctx.sim_days
    ten = ctx.workdir / "ten_years"
    first = today - timedelta(days=days)
    log(f"scale: simulate --days {days} into a temporary folder (measured once, then reused)")
    child, samples = simulate_watched(ctx, ten, days, first, meanwhile)
    per_day = cost_per_day(samples, days)
    facts = db_facts(ten / DB_NAME)
    sessions = facts["rows"].get("sessions", 0)
    old = old_history(ctx, ten)
    ctx.folders["ten_years"] = ten
    ctx.raw["simulate"] = {
        "wall_s": child.wall,
        "cpu_s": child.cpu,
        "days": days,
        **per_day,
        "db": facts,
        "samples": samples,
        "stdout": child.stdout.strip(),
    }
    log(
        f"  simulate: {child.wall:.0f} s wall, {fmt(child.cpu, 's')} CPU, "
        f"{facts['bytes'] / 2**20:.1f} MB, {sessions} sessions"
    )
    growth = (per_day["last_cpu_s_per_day"] or 0) / (per_day["first_cpu_s_per_day"] or 1)
    space = ", ".join(f"{k} {v / 2**20:.1f} MB" for k, v in list(facts["space"].items())[:6])
    concurrent = " (the memory figures were taken on the other core meanwhile)" if meanwhile else ""
    ctx.add(
        figure(
            "scale.db_size",
            f"Database after {days} simulated days",
            facts["bytes"] / 2**20,
            "MB",
            **size_figure_args(old),
            note=f"{sessions} sessions, {facts['rows'].get('repeats', 0):,} repeat rows, "
            f"{facts['bytes'] / max(sessions, 1) / 1024:.1f} kB per session"
            + (f"; largest: {space}" if space else "")
            + ".",
        ),
        figure(
            "scale.sim_total",
            f"simulate --days {days}: total",
            child.wall,
            "s",
            note=f"CPU {fmt(child.cpu, 's')}{concurrent}.",
        ),
        figure(
            "scale.sim_day_cpu",
            "simulate: CPU per simulated day, last 365 days against the first 365",
            _ms(per_day["last_cpu_s_per_day"]),
            "ms",
            baseline=_ms(per_day["first_cpu_s_per_day"]),
            baseline_label="first 365 days",
            note=(
                f"wall: {fmt(_ms(per_day['first_wall_s_per_day']), 'ms')} per day in the first "
                f"year, "
                f"{fmt(_ms(per_day['last_wall_s_per_day']), 'ms')} in the last; the cost of a day "
                + ("grows with the history" if growth > 1.5 else "stays flat")
                + f" ({growth:.1f}x)."
            ),
        ),
    )

    log(f"scale: one week of history ({week}) for the comparisons")
    small = ctx.workdir / "one_week"
    run(
        [
            python(),
            "-m",
            "backcompanion",
            "simulate",
            "--days",
            "7",
            "--start",
            monday.isoformat(),
            "--seed",
            "1",
            "--data-dir",
            str(small),
        ],
        ctx.env(),
        need_result=False,
        timeout=300,
    )
    ctx.folders["one_week"] = small

    log("scale: store and rules operations, one week against ten years, interleaved")
    q = run(
        probe(
            "queries",
            "--folders",
            f"one_week={small},ten_years={ten}",
            "--week",
            week,
            "--repeat",
            str(ctx.rounds),
            "--profile",
            "ten_years",
        ),
        ctx.env(),
        timeout=600,
    ).result
    ctx.raw["queries"] = q
    for op in (
        "session_facts",
        "rule_facts",
        "gate_evaluation",
        "home_status",
        "session_plan",
        "done_summary",
        "weekly_summary",
        "progress_data",
        "store_open",
    ):
        big = q["times"]["ten_years"].get(op)
        little = q["times"]["one_week"].get(op)
        if not big:
            continue
        ctx.add(
            figure(
                f"scale.op.{op}",
                f"{_OP_LABELS.get(op, op.replace('_', ' '))} with ten years",
                _ms(median(big)),
                "ms",
                baseline=_ms(median(little)) if little else None,
                baseline_label="one week",
                runs=[_ms(x) for x in big],
            )
        )
    prof = "\n\n".join(
        f"`{op}` on ten years:\n\n```\n{text}\n```" for op, text in q.get("profiles", {}).items()
    )
    if prof:
        ctx.section("Where the time goes with ten years (cProfile)", prof)

    _startup_with_history(ctx)
    _pdf(ctx, week, q)
    run_migration(ctx, old)


def _pdf_parts(queries: dict | None, gap_s: float) -> str:
    """Which part of the export's extra time with ten years the store operations explain."""
    if not queries:
        return ""
    t = queries["times"]

    def med_ms(name: str, op: str) -> float | None:
        vals = t.get(name, {}).get(op)
        return median(vals) * 1000 if vals else None

    parts = []
    for op, label in (("store_open", "opening the store"), ("weekly_summary", "the summary")):
        big, little = med_ms("ten_years", op), med_ms("one_week", op)
        if big is not None and little is not None:
            parts.append(f"{label} {big:.0f} ms against {little:.0f} ms")
    if not parts:
        return ""
    return f" Of the {gap_s * 1000:.0f} ms more with ten years: " + "; ".join(parts) + "."


_OP_LABELS = {
    "session_facts": "every session's facts (the whole history; no longer read at start)",
    "rule_facts": "the facts the rules read (bounded window)",
    "gate_evaluation": "gate evaluation on those facts",
}


def _ms(seconds: float | None) -> float | None:
    return seconds * 1000 if seconds is not None else None


def _startup_with_history(ctx: Context) -> None:
    env = ctx.env()
    empty, ten = ctx.folders["empty"], ctx.folders["ten_years"]
    log("scale: start-up with ten years against an empty history")
    first_day = run(script(APP, "--data-dir", str(ten)), env)  # the day's first start: backup
    run(script(APP, "--data-dir", str(empty)), env)

    def one(folder):
        return lambda: run(script(APP, "--data-dir", str(folder)), env)

    def said(name, i, child):
        log(f"  start-up {name} #{i + 1}: {first_paint_s(child):.3f} s")

    runs = interleave([("empty", one(empty)), ("ten_years", one(ten))], ctx.rounds, said)
    big = [first_paint_s(c) for c in runs["ten_years"]]
    little = [first_paint_s(c) for c in runs["empty"]]
    pages = {c.result.get("page") for c in runs["ten_years"] + runs["empty"]}
    big_st, little_st = stage_medians(runs["ten_years"]), stage_medians(runs["empty"])
    steps = ", ".join(
        f"{k.replace('_', ' ')} {big_st[k] * 1000:.0f} ms (empty {little_st[k] * 1000:.0f})"
        for k in big_st
    )
    ctx.raw["startup_history"] = {
        "ten_years": big,
        "empty": little,
        "first_of_day_s": first_paint_s(first_day),
    }
    ctx.add(
        figure(
            "scale.startup",
            "Start to first painted window with ten years of history",
            median(big),
            "s",
            baseline=median(little),
            baseline_label="empty history",
            target=f"<= {STARTUP_TARGET}x empty",
            limit=STARTUP_TARGET,
            on="ratio",
            runs=big,
            baseline_runs=little,
            note=f"offscreen; stages (medians): {steps}; 'setup' opens the store (with its "
            f"quick_check) and 'window' reads the home status; page shown: "
            f"{', '.join(sorted(map(str, pages)))}; the day's first "
            f"start (which also writes the daily backup) took {first_paint_s(first_day):.2f} s.",
        )
    )


def _pdf(ctx: Context, week: str, queries: dict | None = None) -> None:
    env = ctx.env()
    helptext = run([python(), "-m", "backcompanion", "--help"], env, need_result=False).stdout
    if "export-summary" not in helptext:
        ctx.add(
            figure(
                "scale.pdf",
                "Weekly PDF export with ten years",
                None,
                "s",
                target=f"<= {PDF_TARGET}x one week",
                limit=PDF_TARGET,
                on="ratio",
                note="the export-summary command does not exist yet.",
            )
        )
        return
    log(f"scale: export-summary --week {week}, ten years against one week")
    out = ctx.workdir / "pdf"
    out.mkdir(exist_ok=True)

    def one(name):
        folder = ctx.folders[name]

        def go():
            child = run(
                [
                    python(),
                    "-m",
                    "backcompanion",
                    "export-summary",
                    "--week",
                    week,
                    "--out",
                    str(out / f"{name}.pdf"),
                    "--data-dir",
                    str(folder),
                ],
                env,
                need_result=False,
                timeout=300,
            )
            if child.code != 0:
                raise RuntimeError(f"export-summary exited {child.code}: {child.stderr[-300:]}")
            return child

        return go

    for name in ("one_week", "ten_years"):
        one(name)()  # warm-up

    def said(name, i, child):
        log(f"  export {name} #{i + 1}: {child.wall:.3f} s")

    runs = interleave(
        [("one_week", one("one_week")), ("ten_years", one("ten_years"))], ctx.rounds, said
    )
    big = [c.wall for c in runs["ten_years"]]
    little = [c.wall for c in runs["one_week"]]
    sizes = {n: (out / f"{n}.pdf").stat().st_size for n in ("one_week", "ten_years")}
    ctx.raw["pdf"] = {"ten_years": big, "one_week": little, "bytes": sizes}
    ctx.add(
        figure(
            "scale.pdf",
            f"Weekly PDF export ({week}) with ten years, whole command",
            median(big),
            "s",
            baseline=median(little),
            baseline_label="one week",
            target=f"<= {PDF_TARGET}x one week",
            limit=PDF_TARGET,
            on="ratio",
            runs=big,
            baseline_runs=little,
            note=f"process start to exit; PDFs of {sizes['ten_years']:,} and "
            f"{sizes['one_week']:,} bytes." + _pdf_parts(queries, median(big) - median(little)),
        )
    )
