"""Soak: 1,000 sessions in one process through the real main window, offscreen.

Run by ``make soak`` (``pytest -m slow``), not by ``make test``. Each session
goes the way a person's does: the home page, the opening check-in, breathing,
every stretch (and the strengthening once the gate opens), the closing
check-in, the done page, home again; a red-flag check when it falls due. The
wall clock moves on a day per session, so the history the home page and the
rules read grows to 1,000 days. The store lives on a RAM disk when there is
one: this test is about memory and file handles, not about fsync.

After each session the resident memory (``/proc/self/statm``) and the open
file handles (``/proc/self/fd``) are read; the last 100 sessions must sit
where the first 100 did: no widget, timer, cursor or file left behind per session.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings

from backcompanion.companion import Companion
from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, State
from backcompanion.session.rules import load_rules

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self"),
]

SESSIONS = int(os.environ.get("BACKCOMPANION_SOAK_SESSIONS", "1000"))
WINDOW = 100  # compare the first and the last this many sessions
RSS_GROWTH_LIMIT = 8 * 2**20  # bytes: median of the last 100 over the median of the first
PROGRAM = builtin_program()
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


class DayByDay:
    """The wall clock: follows the fake monotonic clock, and moves on a day per session."""

    def __init__(self, clock: FakeClock):
        self.clock, self.at = clock, clock()
        self.base = datetime(2024, 1, 1, 18, 0, tzinfo=ZoneInfo("Europe/Berlin"))

    def next_day(self) -> None:
        self.base += timedelta(days=1)
        self.at = self.clock()

    def __call__(self) -> datetime:
        return self.base + timedelta(seconds=self.clock() - self.at)


@pytest.fixture
def folder(tmp_path):
    ram = Path("/dev/shm")
    if ram.is_dir() and os.access(ram, os.W_OK):
        with tempfile.TemporaryDirectory(dir=ram, prefix="backcompanion-soak-") as d:
            yield Path(d)
    else:
        yield tmp_path


def one_session(window, clock, n: int) -> None:
    companion = window.companion
    status = companion.home_status()
    if status.safety.check_due:
        window.show_page("red_flags")
        window.red_flags.reset()
        window.red_flags.none_box.setChecked(True)
        assert window.red_flags.save()
    assert window.current_page() == "home", window.current_page()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    engine = window.bridge.engine
    assert engine is not None and engine.state is State.CHECK_IN_BEFORE
    window.check_in.set_rating(3 + n % 3)
    assert window.check_in.submit()
    while engine.state is not State.CHECK_IN_AFTER:
        allowed = engine.allowed_events()
        if Event.RATE_EFFORT in allowed and n % 4 == 0:
            window.bridge.send(Event.RATE_EFFORT, effort="right")
            continue
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()
    window.check_in.set_rating(2 + n % 2)
    assert window.check_in.submit()
    assert window.current_page() == "done"
    window.done.home_requested.emit()


def test_a_thousand_sessions_keep_memory_and_file_handles_flat(qtbot, qapp, folder):
    from backcompanion.ui.settings_model import Settings
    from backcompanion.ui.window.main_window import MainWindow

    clock = FakeClock()
    wall = DayByDay(clock)
    program = PROGRAM
    store = Store.open(
        folder / "data", phases={e.id: e.phase.value for e in program.exercises}, wall_clock=wall
    )
    companion = Companion(program, load_rules(), store, wall=wall)
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.first_start_done = True
    settings.get_ready_s, settings.release_s = 3, 2
    window = MainWindow(companion, settings, clock=clock)
    qtbot.addWidget(window)
    memory, handles = [], []
    started = time.perf_counter()
    try:
        for n in range(SESSIONS):
            wall.next_day()
            clock.advance(3600)
            one_session(window, clock, n)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            qapp.processEvents()
            if n % 50 == 0:
                gc.collect()
            memory.append(rss())
            handles.append(open_files())
    finally:
        window.close()
        store.close()
    elapsed = time.perf_counter() - started
    with Store.open(folder / "data") as again:
        done = [f.outcome for f in again.session_facts()]
    assert done.count("done") == SESSIONS
    first, last = memory[:WINDOW], memory[-WINDOW:]
    growth = statistics.median(last) - statistics.median(first)
    report = (
        f"{SESSIONS} sessions in {elapsed:.0f} s; RSS median first {WINDOW}: "
        f"{statistics.median(first) / 2**20:.1f} MiB, last {WINDOW}: "
        f"{statistics.median(last) / 2**20:.1f} MiB; handles {max(handles[:WINDOW])} -> "
        f"{max(handles[-WINDOW:])}; medians per {WINDOW}: "
        + ", ".join(
            f"{statistics.median(memory[i : i + WINDOW]) / 2**20:.1f}"
            for i in range(0, len(memory), WINDOW)
        )
    )
    print(report)
    assert growth < RSS_GROWTH_LIMIT, report
    assert max(last) - min(last) < RSS_GROWTH_LIMIT / 2, report  # flat within the last 100 too
    assert max(handles[-WINDOW:]) <= max(handles[:WINDOW]), report
