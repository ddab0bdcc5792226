"""Peers: BackCompanion beside Workrave and Safe Eyes (when installed) and the bare window, on Xvfb.

Every contender is started the same way, interleaved in one run (bare, ours,
Workrave, Safe Eyes, bare, ours ...): under its own ``dbus-run-session`` (a
private session bus, as a desktop session gives each login) with a private
``HOME`` and XDG folders, on one Xvfb display. The clock is the same for all:
from the spawn to the first top-level window the X server maps
(:mod:`bench.xwatch`, woken by the MapNotify event, not polling). A mapped
window is not yet a painted one, so this is slightly earlier than the
"first painted window" of the start-up figures.

Then, in one more interleaved round, each one is left alone on the display:
after ``settle`` seconds (long enough for our home card's figure to finish its
loops and rest), idle CPU (utime + stime of the app's own process, every
thread, from /proc) over ``idle`` seconds, and its resident memory at the end
(VmRSS). Only the app's own process counts: services the bus starts for it
(dconf, the accessibility bus) are not added.

When Xvfb, Workrave or Safe Eyes is not installed, the run says so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from bench.context import Context
from bench.report import figure, fmt
from bench.runner import BENCH, Env, log, python, xvfb
from bench.stats import interleave, median

BARE = BENCH / "baselines" / "bare_label.py"
FIRST_WINDOW_TIMEOUT_S = 15.0
PEERS = (  # (label, command, package)
    ("Workrave", ["workrave"], "workrave"),
    ("Safe Eyes", ["safeeyes"], "safeeyes"),
)
CLK_TCK = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(p) for p in task.read_text().split()]
        except OSError:
            continue
    return found


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = _children(p)
        out += kids
        todo += kids
    return out


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def app_pid(session_pid: int) -> int | None:
    """The app under ``dbus-run-session``: its child that is not the bus daemon."""
    for pid in _children(session_pid):
        if _comm(pid) != "dbus-daemon":
            return pid
    return None


def cpu_s(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime (every thread)


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Contender:
    """One app to start: its command, and the environment it runs in."""

    def __init__(self, label: str, argv: list[str], env: dict[str, str]) -> None:
        self.label, self.argv, self.env = label, argv, env

    def start(self) -> tuple[subprocess.Popen, float]:
        spawn = time.monotonic()
        proc = subprocess.Popen(
            ["dbus-run-session", "--", *self.argv],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.env.get("HOME"),
            start_new_session=True,
        )
        return proc, spawn


def stop(proc: subprocess.Popen) -> None:
    """End the session: the app, its bus and whatever the bus started (each by its pid)."""
    pids = [*_descendants(proc.pid), proc.pid]
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        try:
            proc.wait(timeout=5)
            break
        except subprocess.TimeoutExpired:
            continue
    time.sleep(0.2)  # let the bus' activated services go before the next start


def _environment(ctx: Context, display: str, label: str) -> dict[str, str]:
    env = Env(ctx.workdir, display).variables()
    home = ctx.workdir / "peers" / label.replace(" ", "_")
    for sub in ("", ".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(home),
        NO_AT_BRIDGE="1",
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    if label not in ("bare", "BackCompanion"):
        # a peer reads its own settings from its private HOME, not our settings folder
        env["XDG_CONFIG_HOME"] = str(home / ".config")
        env.pop("PYTHONPATH", None)
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def contenders(ctx: Context, display: str) -> tuple[list[Contender], list[str]]:
    folder = ctx.folders["empty"]
    found = [
        Contender(
            "bare", [python(), str(BARE), "--idle", "3600"], _environment(ctx, display, "bare")
        ),
        Contender(
            "BackCompanion",
            [python(), "-m", "backcompanion", "--data-dir", str(folder)],
            _environment(ctx, display, "BackCompanion"),
        ),
    ]
    missing = []
    for label, argv, package in PEERS:
        if shutil.which(argv[0]):
            found.append(Contender(label, argv, _environment(ctx, display, label)))
        else:
            missing.append(f"{label} (Debian package `{package}`)")
    return found, missing


def first_window(watcher, who: Contender) -> dict:
    watcher.arm()
    proc, spawn = who.start()
    try:
        seen = watcher.first_map(spawn + FIRST_WINDOW_TIMEOUT_S)
        return {
            "first_window_s": (seen["mono"] - spawn) if seen else None,
            "window": seen and {k: seen[k] for k in ("width", "height", "title")},
        }
    finally:
        stop(proc)


def idle(who: Contender, settle_s: float, idle_s: float) -> dict:
    proc, _spawn = who.start()
    try:
        deadline = time.monotonic() + 10
        pid = None
        while pid is None and time.monotonic() < deadline:
            time.sleep(0.05)
            pid = app_pid(proc.pid)
        if pid is None:
            return {"error": "no app process under dbus-run-session"}
        time.sleep(settle_s)
        c0, t0 = cpu_s(pid), time.monotonic()
        time.sleep(idle_s)
        c1, t1 = cpu_s(pid), time.monotonic()
        mem = rss_mb(pid)
        if c0 is None or c1 is None or proc.poll() is not None:
            return {"error": f"it exited (status {proc.poll()})"}
        return {"cpu_pct": 100 * (c1 - c0) / (t1 - t0), "rss_mb": mem, "comm": _comm(pid)}
    finally:
        stop(proc)


def run_peers(ctx: Context) -> None:
    if shutil.which("dbus-run-session") is None:
        ctx.section("Peers", "dbus-run-session is not installed: the peers were not measured.")
        return
    try:
        from bench.xwatch import MapWatcher
    except OSError as exc:  # pragma: no cover - libX11 missing
        ctx.section("Peers", f"The X watcher cannot run ({exc}): the peers were not measured.")
        return
    with xvfb() as display:
        if not display:
            ctx.section("Peers", "Xvfb is not installed: the peers were not measured.")
            return
        who, missing = contenders(ctx, display)
        # the first start of each warms the caches (ours also makes its daily backup): not
        # timed; one that maps no window then (Safe Eyes lives in the tray) is not timed again
        windowless = []
        with MapWatcher(display) as watcher:
            for c in who:
                if first_window(watcher, c)["first_window_s"] is None:
                    windowless.append(c.label)
            timed = [c for c in who if c.label not in windowless]
            log(f"peers: first window, {ctx.rounds} interleaved rounds of {len(timed)} on Xvfb")

            def said(name, i, r):
                log(f"  first window {name} #{i + 1}: {fmt(r['first_window_s'], 's')}")

            starts = interleave(
                [(c.label, lambda c=c: first_window(watcher, c)) for c in timed], ctx.rounds, said
            )
            for label in windowless:
                starts[label] = [{"first_window_s": None, "window": None}]
        log(f"peers: idle, {ctx.peer_settle_s:g} s to settle then {ctx.idle_s:g} s each")

        def said_idle(name, i, r):
            log(f"  idle {name}: {fmt(r.get('cpu_pct'), '%')}, {fmt(r.get('rss_mb'), 'MB')}")

        idles = interleave(
            [(c.label, lambda c=c: idle(c, ctx.peer_settle_s, ctx.idle_s)) for c in who],
            1,
            said_idle,
        )
    _report(ctx, who, missing, starts, idles)


def _report(ctx, who, missing, starts, idles) -> None:
    rows = {}
    for c in who:
        times = [r["first_window_s"] for r in starts[c.label]]
        shown = [r["window"] for r in starts[c.label] if r["window"]]
        idle_run = idles[c.label][0]
        rows[c.label] = {
            "first_window_s": median([t for t in times if t is not None]),
            "runs": times,
            "window": shown[-1] if shown else None,
            "idle_cpu_pct": idle_run.get("cpu_pct"),
            "idle_rss_mb": idle_run.get("rss_mb"),
            "idle_error": idle_run.get("error"),
        }
    ctx.raw["peers"] = {"rows": rows, "missing": missing}
    ours, bare = rows["BackCompanion"], rows["bare"]
    workrave = rows.get("Workrave")
    if workrave is not None:
        ctx.add(
            figure(
                "peers.first_window_vs_workrave",
                "First window on Xvfb against Workrave's (mapped, own session bus each)",
                ours["first_window_s"],
                "s",
                baseline=workrave["first_window_s"],
                baseline_label="Workrave",
                target="sooner than Workrave (< 1x)",
                limit=1.0,
                kind="below",
                on="ratio",
                runs=ours["runs"],
                baseline_runs=workrave["runs"],
                note=f"the bare window's first window in the same rounds: "
                f"{fmt(bare['first_window_s'], 's')}.",
            )
        )
    lines = [
        "Each under its own `dbus-run-session` on one Xvfb display, interleaved in one run; "
        "first window: spawn to the first top-level window mapped (median of "
        f"{ctx.rounds}); idle: after {ctx.peer_settle_s:g} s, CPU over {ctx.idle_s:g} s "
        "and resident memory of the app's own process.",
        "",
        "| app | first window | idle RSS | idle CPU (% of one core) | window seen |",
        "|---|---|---|---|---|",
    ]
    for label, r in rows.items():
        window = r["window"]
        seen = (
            f"{window['width']}x{window['height']} '{window['title']}'"
            if window
            else f"none within {FIRST_WINDOW_TIMEOUT_S:g} s (no window at start)"
        )
        name = "bare PySide6 QLabel" if label == "bare" else label
        cpu = fmt(r["idle_cpu_pct"], "%") if r["idle_error"] is None else r["idle_error"]
        lines.append(
            f"| {name} | {fmt(r['first_window_s'], 's')} | {fmt(r['idle_rss_mb'], 'MB')} | "
            f"{cpu} | {seen} |"
        )
    if missing:
        lines += ["", "Not installed, so not measured: " + ", ".join(missing) + "."]
    ctx.section("Peers", "\n".join(lines))
