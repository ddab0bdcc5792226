"""What the probes share: process statistics, the one output line, and the real window
built the way ``app.run_app`` builds it, on a given folder and a private settings file
(the way tests/gui/test_main_window.py does), driven with any clock.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PREFIX = "BENCH "


def emit(data: dict[str, Any]) -> None:
    """The probe's result: one line the parent looks for."""
    print(PREFIX + json.dumps(data), flush=True)


def arg(name: str, default: str | None = None) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def ctx_switches() -> tuple[int, int]:
    """Voluntary and involuntary context switches summed over every thread of this process."""
    vol = inv = 0
    for status in Path("/proc/self/task").glob("*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                vol += int(line.split()[1])
            elif line.startswith("nonvoluntary_ctxt_switches:"):
                inv += int(line.split()[1])
    return vol, inv


def status_kb(field: str) -> int | None:
    """A ``kB`` field of /proc/self/status (VmRSS, VmHWM, RssAnon ...)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def maxrss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Meter:
    """Wall time, process CPU time (every thread) and context switches since ``start``."""

    def start(self) -> Meter:
        self.t0, self.c0, self.x0 = time.monotonic(), time.process_time(), ctx_switches()
        return self

    def read(self) -> dict[str, float]:
        vol, inv = ctx_switches()
        wall = time.monotonic() - self.t0
        cpu = time.process_time() - self.c0
        return {
            "wall_s": wall,
            "cpu_s": cpu,
            "cpu_pct": 100 * cpu / wall if wall > 0 else None,
            "voluntary": vol - self.x0[0],
            "involuntary": inv - self.x0[1],
        }


def make_app():
    """The QApplication exactly as the app makes it (names, font), plus the theme follower."""
    from backcompanion.app import make_qapp

    app = make_qapp([sys.argv[0]])
    return app


def build_window(
    folder: Path,
    settings_file: Path,
    clock: Callable[[], float] = time.monotonic,
    *,
    get_ready_s: int = 3,
    release_s: int = 2,
    answer_red_flags: bool = True,
):
    """The real MainWindow on the store in ``folder`` (returns window, store, follower)."""
    from PySide6.QtCore import QSettings

    from backcompanion.app import load_program_for
    from backcompanion.companion import Companion
    from backcompanion.history import Store
    from backcompanion.session.rules import load_rules
    from backcompanion.ui.settings_model import Settings
    from backcompanion.ui.theme import ThemeFollower
    from backcompanion.ui.window.main_window import MainWindow

    app = make_app()
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.first_start_done = True
    settings.get_ready_s = get_ready_s
    settings.release_s = release_s
    follower = ThemeFollower(app, settings.theme)
    program, _problem = load_program_for(folder)
    store = Store.open(folder, phases={e.id: e.phase.value for e in program.exercises})
    companion = Companion(program, load_rules(), store)
    if answer_red_flags:
        companion.record_red_flags(())
    window = MainWindow(companion, settings, clock=clock)
    return window, store, follower


def pacer_wired(window) -> bool:
    """Whether the bridge's frame signal reaches the breathing page (as the app must wire it)."""
    from PySide6.QtCore import SIGNAL

    try:
        return window.bridge.receivers(SIGNAL("breathFrame(PyObject)")) > 0
    except (TypeError, RuntimeError):
        return False


def wire_pacer(window) -> bool:
    """Connect the frame signal to the pacer if the window does not; True if it already did."""
    if pacer_wired(window):
        return True
    window.bridge.breathFrame.connect(window.breathing.show_breath)
    return False


def flush_deletes() -> None:
    """Delete the objects given to ``deleteLater``, as the event loop does when control returns
    to it (``processEvents`` alone never does; without this a driven session "leaks" them)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def tick(window) -> None:
    """What the display timer's timeout does (the bridge's slot), for a fake clock."""
    bridge = window.bridge
    on_tick = getattr(bridge, "_on_tick", None)
    if on_tick is not None:
        on_tick()
    elif bridge.engine is not None:
        bridge.engine.update()


def run_session(
    window,
    clock,
    app,
    *,
    opening: int = 2,
    closing: int = 2,
    per_second: bool = True,
    paint_every: int = 1,
) -> dict[str, Any]:
    """One whole session through the real window with a fake clock, hands-free.

    ``per_second``: the clock moves one second at a time (as the display tick
    sees it); otherwise phase by phase. ``paint_every``: process Qt events
    (repaints) after every that many steps, as the event loop would (0: never).
    """
    from backcompanion.session.engine import Event, State
    from backcompanion.session.records import Effort

    window.start_session()
    window.safety.nothing_new()  # "Anything new today?": nothing new, as Enter answers it
    bridge = window.bridge
    engine = bridge.engine
    if engine is None:
        raise RuntimeError(f"the session did not start (page {window.current_page()})")
    bridge.send(Event.CHECK_IN, rating=opening)
    steps = 0
    while engine.state not in (State.CHECK_IN_AFTER, State.DONE, State.STOPPED):
        snap = engine.snapshot()
        if Event.RATE_EFFORT in snap.allowed_events:
            bridge.send(Event.RATE_EFFORT, effort=Effort.RIGHT)
        left = max(snap.remaining_s, 1e-3)
        clock.advance(min(1.0, left) if per_second else left)
        tick(window)
        steps += 1
        if paint_every and steps % paint_every == 0:
            app.processEvents()
        if steps > 100_000:
            raise RuntimeError("the session never reached its end")
    if engine.state is State.CHECK_IN_AFTER:
        clock.advance(5)
        bridge.send(Event.CHECK_IN, rating=closing)
    if paint_every:
        app.processEvents()
    final = engine.state.value
    window.go_home()
    if paint_every:
        app.processEvents()
    flush_deletes()
    return {"steps": steps, "state": final, "gate_open": engine.plan.gate_open}


def smaps_kind(name: str) -> str:
    """What a mapping of /proc/PID/smaps holds, by its path (pure)."""
    base = name.rsplit("/", 1)[-1]
    if not name or name.startswith("[anon") or name == "[heap]":
        return "heap and anonymous (Python objects, Qt's own allocations, images)"
    if name.startswith("["):
        return "stacks and kernel"
    if "icudt" in base or "libicu" in base:
        return "ICU (Unicode data)"
    if "libQt6" in base or "/Qt/lib/" in name or "/Qt/plugins/" in name:
        return "Qt libraries and plugins"
    if "shiboken" in name or "pyside" in name.lower():
        return "PySide6 and shiboken bindings"
    if base.startswith(("libpython", "python")) or "/lib-dynload/" in name:
        return "Python interpreter and extension modules"
    if base.endswith((".ttf", ".otf", ".ttc", ".pfb")):
        return "font files"
    if ".so" in base:
        return "other shared libraries"
    return "other files (locales, caches)"


def smaps_breakdown(text: str) -> dict[str, int]:
    """Resident kB by kind of mapping from the text of /proc/PID/smaps (pure)."""
    out: dict[str, int] = {}
    kind = None
    for line in text.splitlines():
        head = line.split(None, 5)
        if not head:
            continue
        if "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
            kind = smaps_kind(head[5].strip() if len(head) == 6 else "")
        elif head[0] == "Rss:" and kind is not None:
            out[kind] = out.get(kind, 0) + int(head[1])
    return out


def python_heap_kb() -> int | None:
    """Bytes Python's object allocator holds in live blocks (sys._debugmallocstats), in kB."""
    import os
    import tempfile

    with tempfile.TemporaryFile(mode="w+") as f:
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(f.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        for line in f.read().splitlines():
            if line.startswith("# bytes in allocated blocks"):
                return int(line.split("=")[-1].strip().replace(",", "")) // 1024
    return None
