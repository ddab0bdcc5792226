"""The floor PySide6 sets: a script that only shows a QLabel.

docs/ARCHITECTURE.md §10 calls it the "bare window".

Run by path, exactly like ``bench/probes/app_start.py``, so both pay the same
interpreter start. It prints one ``BENCH {json}`` line:

- ``paint_mono``: ``time.monotonic()`` once the first paint of the label has
  been flushed (a zero-delay call queued from its first paint event runs after
  the whole backing-store sync); the parent subtracts its spawn time;
- ``maxrss_kb``: the peak resident set size so far;
- with ``--smaps``: its resident memory by kind of mapping (``bench/memory.py``);
- with ``--idle S``: CPU time, wall time and context switches over ``S``
  seconds of sitting idle after a short settle (the idle baseline).
"""

# ruff: noqa: E402  (the first stamp is taken before the imports it times)
from __future__ import annotations

import time

T_SCRIPT = time.monotonic()  # the interpreter is up: what follows is imports

import json
import resource
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

T_IMPORTED = time.monotonic()

SETTLE_MS = 1500


def ctx_switches() -> tuple[int, int]:
    """Voluntary and involuntary context switches of every thread of this process."""
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


class FirstPaint(QObject):
    def __init__(self, done):
        super().__init__()
        self._done = done
        self._seen = False

    def eventFilter(self, obj, event):
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            QTimer.singleShot(0, self._done)
        return False


def main() -> int:
    idle_s = float(sys.argv[sys.argv.index("--idle") + 1]) if "--idle" in sys.argv else 0.0
    app = QApplication(sys.argv[:1])
    label = QLabel("BackCompanion")
    label.resize(1280, 800)
    out: dict[str, object] = {"t_script": T_SCRIPT, "t_imported": T_IMPORTED}

    def finish() -> None:
        out["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if "--smaps" in sys.argv:  # where its megabytes are (bench/memory.py), after the peak
            from bench.probes.common import python_heap_kb, smaps_breakdown

            out["smaps_kb"] = smaps_breakdown(Path("/proc/self/smaps").read_text())
            out["python_heap_kb"] = python_heap_kb()
        print("BENCH " + json.dumps(out), flush=True)
        app.quit()

    def idle_start() -> None:
        mark = (time.monotonic(), time.process_time(), ctx_switches())

        def idle_end() -> None:
            wall = time.monotonic() - mark[0]
            vol, inv = ctx_switches()
            out["idle"] = {
                "wall_s": wall,
                "cpu_s": time.process_time() - mark[1],
                "voluntary": vol - mark[2][0],
                "involuntary": inv - mark[2][1],
            }
            finish()

        QTimer.singleShot(round(idle_s * 1000), idle_end)

    def painted() -> None:
        out["paint_mono"] = time.monotonic()
        if idle_s > 0:
            QTimer.singleShot(SETTLE_MS, idle_start)
        else:
            finish()

    watcher = FirstPaint(painted)
    label.installEventFilter(watcher)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
