"""Memory of the real window: the peak after one whole session, and growth over many.

``--mode peak``: build the window on an empty store in ``--data-dir``, show it
at its default size, drive one whole session with a fake clock (a repaint
after every phase), then report the peak RSS, with the RSS after each stage so
the difference from the bare window can be placed.

``--mode leak``: ``--warm N`` sessions first (caches fill, the gate opens after
five good sessions and the strength pages appear), then ``--sessions M`` more,
with RSS sampled every ten; the window is shown and repainted every
``--paint-every`` steps (all pages are painted, at a tenth of the cost).
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

from bench.probes.common import (
    arg,
    build_window,
    emit,
    make_app,
    maxrss_kb,
    python_heap_kb,
    run_session,
    smaps_breakdown,
    status_kb,
)


def stage(stages: dict, name: str) -> None:
    stages[name] = {"rss_kb": status_kb("VmRSS"), "anon_kb": status_kb("RssAnon")}


def pixmap_caches(window=None) -> dict:
    """What the drawing caches hold: the exercise figures' pictures of their still parts
    (pixmaps, MB) and the paths they keep per moment, and Qt's pixmap cache limit."""
    from PySide6.QtGui import QPixmapCache

    found: dict[str, object] = {"qpixmapcache_limit_mb": QPixmapCache.cacheLimit() / 1024}
    try:
        from backcompanion.ui.widgets.figure import FigureView

        views = window.findChildren(FigureView) if window is not None else []
        pixmaps = [
            layer.pixmap
            for v in views
            if v._still is not None
            for layer in v._still.layers
            if layer.pixmap is not None and not layer.pixmap.isNull()
        ]
        found["figures"] = len(views)
        found["figure_pixmaps"] = len(pixmaps)
        found["figure_pixmaps_mb"] = (
            sum(p.width() * p.height() * p.depth() // 8 for p in pixmaps) / 2**20
        )
        found["figure_moments"] = sum(len(v._cache) for v in views)
    except Exception as exc:  # a diagnostic only
        found["figures"] = f"? ({exc})"
    return found


def main() -> None:
    stages: dict[str, dict] = {}
    stage(stages, "python")
    import PySide6.QtWidgets  # noqa: F401  (the floor every Qt widget app pays)

    stage(stages, "pyside6_imported")
    from backcompanion.session.clock import FakeClock

    folder = Path(arg("--data-dir"))
    mode = arg("--mode", "peak")
    clock = FakeClock()
    app = make_app()
    stage(stages, "qapplication")
    # the app's modules alone, before any widget: what start-up imports costs in memory
    import backcompanion.app
    import backcompanion.ui.window.main_window  # noqa: F401

    stage(stages, "app_imported")
    window, store, _follower = build_window(folder / "data", folder / "settings.ini", clock)
    stage(stages, "window_built")
    window.show()
    app.processEvents()
    stage(stages, "window_painted")
    out: dict[str, object] = {"mode": mode, "modules": len(sys.modules)}
    if mode == "peak":
        t0 = time.monotonic()
        out["session"] = run_session(window, clock, app, per_second=False, paint_every=1)
        out["session_s"] = time.monotonic() - t0
        gc.collect()
        stage(stages, "after_session")
        out["maxrss_kb"] = maxrss_kb()
        out["pixmap_caches"] = pixmap_caches(window)
        # where the megabytes are: resident memory by kind of mapping, and how much of the
        # anonymous memory is Python's objects (the rest: Qt's and the C libraries' own)
        out["smaps_kb"] = smaps_breakdown(Path("/proc/self/smaps").read_text())
        out["python_heap_kb"] = python_heap_kb()
        out["python_objects"] = len(gc.get_objects())
    else:
        warm = int(arg("--warm", "10"))
        count = int(arg("--sessions", "100"))
        every = int(arg("--paint-every", "10"))
        window.resize(1024, 640)
        samples = []
        t0 = time.monotonic()
        gates = 0
        for i in range(warm + count):
            result = run_session(window, clock, app, per_second=False, paint_every=every)
            gates += bool(result["gate_open"])
            if i + 1 >= warm and (i + 1 - warm) % 10 == 0:
                app.processEvents()
                gc.collect()
                samples.append(
                    {
                        "sessions": i + 1,
                        "rss_kb": status_kb("VmRSS"),
                        "anon_kb": status_kb("RssAnon"),
                        "py_objects": len(gc.get_objects()),
                        "t": time.monotonic() - t0,
                    }
                )
        out.update(samples=samples, warm=warm, sessions=count, gate_open_sessions=gates)
        out["maxrss_kb"] = maxrss_kb()
    out["stages"] = stages
    store.close()
    emit(out)


if __name__ == "__main__":
    main()
