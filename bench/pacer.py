"""3. The breathing pacer animated for real, and the window sitting idle.

Pacer: the real window's breathing page driven by the bridge's frame timer with
the real clock (``bench/probes/pacer_app.py``), against a bare QWidget painting
one moving ellipse at the same rate and size (``bench/baselines/bare_pacer.py``),
interleaved. Each paint of the pacer is time-stamped; CPU is the process's CPU
time over the same seconds; wake-ups are voluntary context switches of every
thread (/proc/self/task/*/status).

Idle: the window on the home page, no session, against the bare QLabel idle, once the home
card's figure has come to rest.
"""

from __future__ import annotations

from bench.context import Context
from bench.report import figure
from bench.runner import BENCH, log, probe, run, script
from bench.stats import FRAME_HZ, frame_stats, interleave, median

P99_TARGET_MS = 25.0
CPU_TARGET_PCT = 5.0
CPU_RATIO_TARGET = 1.5
IDLE_CPU_TARGET_PCT = 0.1  # "effectively 0 %"
IDLE_WAKE_TARGET = 1.0  # per second
STRETCHLY_IDLE = "Stretchly reports 1-1.3 % idle CPU"


def _summary(child) -> dict:
    r = child.result
    stats = frame_stats(r["stamps"], FRAME_HZ)
    wall = r["wall_s"]
    return {
        **stats,
        "cpu_pct": 100 * r["cpu_s"] / wall,
        "wakeups_per_s": r["voluntary"] / wall,
        "involuntary_per_s": r["involuntary"] / wall,
        "size": r.get("size"),
        "wired": r.get("wired"),
        "timers": r.get("timers"),
    }


def run_pacer(ctx: Context) -> None:
    env = ctx.env()
    size = {"value": "703x560"}
    counter = iter(range(1000))

    def app_run():
        child = run(
            probe(
                "pacer_app",
                "--seconds",
                str(ctx.pacer_s),
                "--data-dir",
                str(ctx.memdir / f"pacer{next(counter)}"),
            ),
            env,
            timeout=120,
        )
        w, h = child.result["size"]
        size["value"] = f"{w}x{h}"
        return _summary(child)

    def bare_run():
        child = run(
            script(
                BENCH / "baselines" / "bare_pacer.py",
                "--size",
                size["value"],
                "--seconds",
                str(ctx.pacer_s),
                "--frame-ms",
                "16",
            ),
            env,
            timeout=120,
        )
        return _summary(child)

    def said(name, i, s):
        log(
            f"  pacer {name} #{i + 1}: p50 {s['p50_ms']:.1f} ms, p99 {s['p99_ms']:.1f} ms, "
            f"dropped {s['dropped']}, CPU {s['cpu_pct']:.1f} %, {s['wakeups_per_s']:.0f} wake-ups/s"
        )

    log(f"pacer: {ctx.pacer_rounds} interleaved pairs of {ctx.pacer_s:g} s (app, bare ellipse)")
    runs = interleave([("app", app_run), ("bare", bare_run)], ctx.pacer_rounds, said)
    app, bare = runs["app"], runs["bare"]
    ctx.raw["pacer"] = {"app": app, "bare": bare}

    def med(rows, key):
        return median([r[key] for r in rows])

    wired = all(r["wired"] for r in app)
    wiring = (
        "the window connects the bridge's breathFrame to the breathing page"
        if wired
        else "NOTE: MainWindow never connects bridge.breathFrame to BreathingPage.show_breath, so "
        "in the app the pacer does not move at all (the frame timer runs at 60 Hz for nothing); "
        "the probe connected it to measure the pacer"
    )
    woken = med(app, "wakeups_per_s") / max(med(bare, "wakeups_per_s") or 1, 1)
    threads = (
        f" The app wakes {woken:.0f}x as often as the bare ellipse: Qt's raster engine blends "
        "large semi-transparent fills (QPainter.setOpacity, alpha brushes) on its thread pool "
        "every frame."
        if woken > 5
        else ""
    )
    ctx.add(
        figure(
            "pacer.p99",
            "Pacer frame interval p99",
            med(app, "p99_ms"),
            "ms",
            baseline=med(bare, "p99_ms"),
            baseline_label="bare ellipse",
            target=f"< {P99_TARGET_MS:g} ms",
            limit=P99_TARGET_MS,
            kind="below",
            runs=[r["p99_ms"] for r in app],
            baseline_runs=[r["p99_ms"] for r in bare],
            note=f"pacer {size['value']} px, frame timer 16 ms; {wiring}.",
        ),
        figure(
            "pacer.p50",
            "Pacer frame interval p50",
            med(app, "p50_ms"),
            "ms",
            baseline=med(bare, "p50_ms"),
            baseline_label="bare ellipse",
            runs=[r["p50_ms"] for r in app],
        ),
        figure(
            "pacer.dropped",
            f"Dropped frames at 60 Hz in {ctx.pacer_s:g} s",
            med(app, "dropped"),
            "frames",
            baseline=med(bare, "dropped"),
            baseline_label="bare ellipse",
            runs=[r["dropped"] for r in app],
        ),
        figure(
            "pacer.cpu",
            "CPU while animating (% of one core)",
            med(app, "cpu_pct"),
            "%",
            baseline=med(bare, "cpu_pct"),
            baseline_label="bare ellipse",
            target=f"< {CPU_TARGET_PCT:g} %",
            limit=CPU_TARGET_PCT,
            kind="below",
            runs=[r["cpu_pct"] for r in app],
            baseline_runs=[r["cpu_pct"] for r in bare],
            note=("process CPU time (every thread) over the measured seconds." + threads),
        ),
        figure(
            "pacer.cpu_ratio",
            "CPU while animating, against the bare ellipse",
            med(app, "cpu_pct"),
            "%",
            baseline=med(bare, "cpu_pct"),
            baseline_label="bare ellipse",
            target=f"<= {CPU_RATIO_TARGET:g}x bare",
            limit=CPU_RATIO_TARGET,
            on="ratio",
        ),
        figure(
            "pacer.wakeups",
            "Wake-ups while animating (voluntary switches/s, all threads)",
            med(app, "wakeups_per_s"),
            "/s",
            baseline=med(bare, "wakeups_per_s"),
            baseline_label="bare ellipse",
            runs=[r["wakeups_per_s"] for r in app],
        ),
    )


def run_idle(ctx: Context, rounds: int = 1) -> None:
    env = ctx.env()
    counter = iter(range(1000))

    def app_run():
        return run(
            probe(
                "pacer_app",
                "--idle",
                "--seconds",
                str(ctx.idle_s),
                "--data-dir",
                str(ctx.memdir / f"idle{next(counter)}"),
            ),
            env,
            timeout=120,
        ).result

    def bare_run():
        r = run(script(BENCH / "baselines" / "bare_label.py", "--idle", str(ctx.idle_s)), env)
        return {**r.result["idle"], "timers": []}

    def said(name, i, r):
        log(
            f"  idle {name} #{i + 1}: CPU {100 * r['cpu_s'] / r['wall_s']:.3f} %, "
            f"{r['voluntary'] / r['wall_s']:.2f} wake-ups/s"
        )

    log(f"idle: {rounds} interleaved pair(s) of {ctx.idle_s:g} s (bare QLabel, app home page)")
    runs = interleave([("bare", bare_run), ("app", app_run)], rounds, said)

    def pct(r):
        return 100 * r["cpu_s"] / r["wall_s"]

    def wake(r):
        return r["voluntary"] / r["wall_s"]

    app, bare = runs["app"], runs["bare"]
    timers = app[-1].get("timers") or []
    ctx.raw["idle"] = {"app": app, "bare": bare}
    timer_text = (
        "no timer or animation running"
        if not timers
        else "running: " + ", ".join(str(t) for t in timers)
    )
    rest = app[-1].get("rest_s")
    if rest is not None:
        timer_text += (
            f"; measured once the home card's figure had shown its movement and come to "
            f"rest ({rest:g} s after the window was shown)"
        )
    ctx.add(
        figure(
            "idle.cpu",
            "Idle CPU, window open, no session (% of one core)",
            median([pct(r) for r in app]),
            "%",
            baseline=median([pct(r) for r in bare]),
            baseline_label="bare QLabel",
            target=f"< {IDLE_CPU_TARGET_PCT:g} % (effectively 0)",
            limit=IDLE_CPU_TARGET_PCT,
            kind="below",
            runs=[pct(r) for r in app],
            note=f"{STRETCHLY_IDLE}; {timer_text}.",
        ),
        figure(
            "idle.wakeups",
            "Idle wake-ups (voluntary context switches/s, all threads)",
            median([wake(r) for r in app]),
            "/s",
            baseline=median([wake(r) for r in bare]),
            baseline_label="bare QLabel",
            target=f"< {IDLE_WAKE_TARGET:g} /s",
            limit=IDLE_WAKE_TARGET,
            kind="below",
            runs=[wake(r) for r in app],
        ),
    )


SCREENS = ((1920, 1080, "1080"), (3840, 2160, "4K"))
FULL_CPU_RATIO_TARGET = 1.0  # no more than a bare window that repaints only what changes


def run_pacer_fullscreen(ctx: Context) -> None:
    """The pacer in the full-screen view at 1920x1080 and 3840x2160 (``probes/pacer_view.py``),
    against a bare ellipse of the pacer's size that repaints only the square round the
    ellipse where it was and where it is (``bare_pacer.py --changed``), interleaved."""
    env = ctx.env()
    for w, h, name in SCREENS:
        size = {"value": None}

        def app_run(w=w, h=h, size=size):
            child = run(
                probe("pacer_view", "--size", f"{w}x{h}", "--seconds", str(ctx.pacer_s)),
                env,
                timeout=120,
            )
            pw, ph = child.result["size"]
            size["value"] = f"{pw}x{ph}"
            return {**_summary(child), "share": child.result.get("repainted_share")}

        def bare_run(size=size):
            child = run(
                script(
                    BENCH / "baselines" / "bare_pacer.py",
                    "--size",
                    size["value"] or "1000x1000",
                    "--seconds",
                    str(ctx.pacer_s),
                    "--frame-ms",
                    "16",
                    "--changed",
                ),
                env,
                timeout=120,
            )
            return _summary(child)

        def said(who, i, s, name=name):
            log(
                f"  pacer {name} {who} #{i + 1}: p99 {s['p99_ms']:.1f} ms, CPU {s['cpu_pct']:.1f} %"
            )

        log(f"pacer, full screen {w}x{h}: {ctx.pacer_rounds} interleaved pairs (app, bare)")
        runs = interleave([("app", app_run), ("bare", bare_run)], ctx.pacer_rounds, said)
        app, bare = runs["app"], runs["bare"]
        ctx.raw[f"pacer_full_{name}"] = {"app": app, "bare": bare}

        def med(rows, key):
            return median([r[key] for r in rows])

        share = med(app, "share") if all(r.get("share") is not None for r in app) else None
        note = (
            f"the pacer {size['value']} px in the {w}x{h} full-screen view (only the pacer "
            f"driven; the breathing figure is the figure's benchmark), frame timer 16 ms"
            + (
                f"; a frame repaints {100 * share:.0f} % of the square round the full shape"
                if share is not None
                else ""
            )
            + "; the bare window repaints the square round its ellipse's old and new place."
        )
        limit = CPU_TARGET_PCT if name == "1080" else None
        ctx.add(
            figure(
                f"pacer.full_{name}.cpu",
                f"Pacer, full screen {name}: CPU while animating (% of one core)",
                med(app, "cpu_pct"),
                "%",
                baseline=med(bare, "cpu_pct"),
                baseline_label="bare ellipse, changes only",
                target=f"< {CPU_TARGET_PCT:g} %" if limit else "",
                limit=limit,
                kind="below",
                runs=[r["cpu_pct"] for r in app],
                baseline_runs=[r["cpu_pct"] for r in bare],
                note=note,
            ),
            figure(
                f"pacer.full_{name}.cpu_ratio",
                f"Pacer, full screen {name}: CPU against the bare window repainting only changes",
                med(app, "cpu_pct"),
                "%",
                baseline=med(bare, "cpu_pct"),
                baseline_label="bare ellipse, changes only",
                target=f"<= {FULL_CPU_RATIO_TARGET:g}x bare",
                limit=FULL_CPU_RATIO_TARGET,
                on="ratio",
            ),
            figure(
                f"pacer.full_{name}.p99",
                f"Pacer, full screen {name}: frame interval p99",
                med(app, "p99_ms"),
                "ms",
                baseline=med(bare, "p99_ms"),
                baseline_label="bare ellipse, changes only",
                target=f"< {P99_TARGET_MS:g} ms",
                limit=P99_TARGET_MS,
                kind="below",
                runs=[r["p99_ms"] for r in app],
            ),
        )
