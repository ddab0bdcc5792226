"""A full disk or a data folder that cannot be written, during a session and at the start.

A write that fails must keep the session going with the records in memory
(``companion.RecordWriter``), tell the user once, and retry; when the failure
clears, every record reaches the store in order, and nothing saved before is lost.

The failures are real where the platform allows it:

- the kernel refuses to grow a file past ``RLIMIT_FSIZE`` (``EFBIG``, as a full
  disk refuses with ``ENOSPC``), set around each write of the store, so SQLite
  meets the failure where a full disk hits it: writing the ``-wal`` at commit;
- otherwise a connection wrapper raises what SQLite raises on a full disk,
  ``sqlite3.OperationalError("database or disk is full")``, at the statement or
  at the commit (leaving SQLite's transaction open, as a failed commit does);
- a read-only data folder (``chmod``, when not running as root; ``/sys`` on
  Linux, which even root cannot write, otherwise).

``tests/unit/test_companion.py`` covers RecordWriter against a fake store.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSettings

from backcompanion.app import open_store_with_recovery
from backcompanion.companion import Companion, RecordWriter
from backcompanion.history import Store, StoreError
from backcompanion.history.schema import DB_NAME
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, State
from backcompanion.session.plan import PRESETS
from backcompanion.session.records import RepeatDone
from backcompanion.session.rules import load_rules

PROGRAM = builtin_program()
PHASES = {e.id: e.phase.value for e in PROGRAM.exercises}
TZ = ZoneInfo("Europe/Berlin")
FULL = "database or disk is full"
ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = os.name == "posix" and os.geteuid() == 0

try:
    import resource
except ImportError:  # Windows
    resource = None


class Wall:
    """A wall clock that follows the fake monotonic clock from a fixed evening."""

    def __init__(self, clock: FakeClock):
        self.clock, self.at = clock, clock()
        self.base = datetime(2026, 3, 2, 18, 0, tzinfo=TZ)

    def __call__(self) -> datetime:
        return self.base + timedelta(seconds=self.clock() - self.at)


class FailingConnection:
    """The store's connection, raising SQLite's "disk is full" while ``failing`` is set.

    ``at="statement"``: the INSERT or UPDATE fails (SQLite undoes that statement).
    ``at="commit"``: the commit (``RELEASE``) fails and, as after a real failed
    commit, SQLite's transaction stays open.
    """

    def __init__(self, conn: sqlite3.Connection, at: str):
        self._conn, self.at, self.failing, self.failures = conn, at, False, 0

    def execute(self, sql: str, *params):
        if self.failing:
            words = sql.split()
            hit = words[0].upper() in ("INSERT", "UPDATE") if self.at == "statement" else False
            hit = hit or (self.at == "commit" and words[:2] == ["RELEASE", "write"])
            if hit:
                self.failures += 1
                raise sqlite3.OperationalError(FULL)
        return self._conn.execute(sql, *params)

    def __getattr__(self, name):
        return getattr(self._conn, name)


class RlimitStore(Store):
    """A store whose writes meet a real ``EFBIG`` from the kernel while ``full`` is set."""

    full = False

    def record(self, rec) -> None:
        if not self.full:
            return super().record(rec)
        wal = Path(f"{self.path}-wal")
        soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (wal.stat().st_size, hard))
        try:
            return super().record(rec)
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


@pytest.fixture
def no_sigxfsz():
    """Growing a file past RLIMIT_FSIZE sends SIGXFSZ, which would end the process."""
    before = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    yield
    signal.signal(signal.SIGXFSZ, before)


def open_companion(folder: Path, clock: FakeClock, store_class=Store) -> Companion:
    wall = Wall(clock)
    store = store_class.open(folder, phases=PHASES, wall_clock=wall)
    companion = Companion(PROGRAM, load_rules(), store, wall=wall)
    companion.record_red_flags(())
    return companion


def run_session(companion, clock, failing_between, set_failing, told, stop_after=20):
    """One session through the engine with a RecordWriter, stopped after ``stop_after``
    repeats; the write failure starts when ``failing_between[0]`` repeats are done and
    clears at ``failing_between[1]``.

    Returns the records the engine emitted in order, the writer, and the most records
    that waited in memory at once.
    """
    emitted = []
    writer = RecordWriter(companion.store, on_failure=told.append)
    engine = companion.new_engine(companion.plan(PRESETS["relaxed"], 3, 2), clock, writer)
    engine.add_recorder(emitted.append)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=4)
    pending_seen = 0
    while True:
        repeats = sum(isinstance(r, RepeatDone) for r in emitted)
        if repeats == failing_between[0]:
            set_failing(True)
        if repeats == failing_between[1]:
            set_failing(False)
        if repeats == stop_after:
            break
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()
        pending_seen = max(pending_seen, writer.pending)
    engine.send(Event.PAUSE)  # a pause changes nothing stored: the writer is not called
    clock.advance(30)
    engine.send(Event.RESUME)
    engine.send(Event.STOP)
    assert engine.state is State.STOPPED  # the session went on to its end
    return emitted, writer, pending_seen


def stored_repeats(path: Path) -> list[tuple]:
    """What is committed, read through a second connection."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT s.id, r.t_ms, x.id, r.side, r.rep FROM repeats AS r "
            "JOIN sessions AS s ON s.key = r.session "
            "JOIN exercise_ids AS x ON x.key = r.exercise ORDER BY r.session, r.seq"
        ).fetchall()
    finally:
        conn.close()


def stored_status(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, status FROM sessions ORDER BY started_ts").fetchall()
    finally:
        conn.close()


def as_rows(records) -> list[tuple]:
    return [
        (r.session_id, round(r.t * 1000), r.exercise_id, r.side, r.rep)  # stored in ms
        for r in records
        if isinstance(r, RepeatDone)
    ]


def check_everything_kept(companion, emitted, earlier, writer, pending_seen, told):
    path = companion.store.path
    assert writer.pending == 0
    assert stored_repeats(path) == earlier + as_rows(emitted)  # all, in order, none twice
    sid = emitted[0].session_id
    assert stored_status(path)[-1] == (sid, "stopped")
    assert pending_seen > 3  # records did wait in memory
    assert len(told) == 1 and "keeps trying" in told[0]  # told once for the whole run
    companion.store.close()  # closing must not drop anything either
    assert stored_repeats(path) == earlier + as_rows(emitted)


def a_first_session(companion, clock) -> list[tuple]:
    """A session saved before the trouble: it must survive it."""
    told = []
    run_session(companion, clock, (-1, -1), lambda _: None, told, stop_after=6)
    return stored_repeats(companion.store.path)


@pytest.mark.skipif(resource is None, reason="RLIMIT_FSIZE is POSIX")
def test_a_real_write_failure_keeps_the_session_and_every_record(tmp_path, no_sigxfsz):
    clock = FakeClock()
    companion = open_companion(tmp_path, clock, RlimitStore)
    earlier = a_first_session(companion, clock)
    assert len(earlier) == 6

    def set_full(on: bool) -> None:
        if on and not companion.store.full:
            # an empty -wal: from here every commit must grow it, as a disk filling up would
            companion.store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        companion.store.full = on

    told = []
    emitted, writer, pending_seen = run_session(companion, clock, (5, 12), set_full, told)
    check_everything_kept(companion, emitted, earlier, writer, pending_seen, told)


@pytest.mark.parametrize("at", ["statement", "commit"])
def test_disk_full_keeps_the_session_and_every_record(tmp_path, at):
    clock = FakeClock()
    companion = open_companion(tmp_path, clock)
    earlier = a_first_session(companion, clock)
    wrapper = FailingConnection(companion.store._conn, at)
    companion.store._conn = wrapper

    def set_failing(on: bool) -> None:
        wrapper.failing = on

    told = []
    emitted, writer, pending_seen = run_session(companion, clock, (5, 12), set_failing, told)
    assert wrapper.failures > 3
    check_everything_kept(companion, emitted, earlier, writer, pending_seen, told)


# --- through the main window -----------------------------------------------------------------


@pytest.fixture
def window_on_a_failing_disk(qtbot, qapp, tmp_path):
    from backcompanion.ui.settings_model import Settings
    from backcompanion.ui.window.main_window import MainWindow

    clock = FakeClock()
    store = Store.open(tmp_path / "data", phases=PHASES)
    companion = Companion(PROGRAM, load_rules(), store)
    companion.record_red_flags(())
    wrapper = FailingConnection(store._conn, "statement")
    store._conn = wrapper
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.first_start_done = True
    settings.get_ready_s, settings.release_s = 3, 2
    window = MainWindow(companion, settings, clock=clock)
    qtbot.addWidget(window)
    shown = []
    original = window.message.setText
    window.message.setText = lambda text: (shown.append(text), original(text))
    yield window, clock, wrapper, shown
    window.close()
    store.close()


def advance_until(window, clock, predicate, limit=20_000):
    engine = window.bridge.engine
    for _ in range(limit):
        if predicate(engine.snapshot()):
            return engine.snapshot()
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))  # to the end of the phase
        engine.update()
    raise AssertionError("never reached")


def test_the_window_tells_once_goes_on_and_saves_everything_later(window_on_a_failing_disk):
    window, clock, wrapper, shown = window_on_a_failing_disk
    store = window.companion.store
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(Event.CHECK_IN, rating=5)
    sid = window.bridge.engine.session_id
    advance_until(window, clock, lambda s: s.state is State.STRETCHING and s.rep == 3)
    wrapper.failing = True
    advance_until(window, clock, lambda s: s.exercise.id == "childs_pose" and s.rep == 4)
    assert window.current_page() == "exercise"  # the session goes on
    assert window.records.pending > 5
    told = [t for t in shown if "could not be saved" in t]
    assert len(told) == 1  # said once, not at every failed write
    assert "keeps trying" in window.message.text()
    wrapper.failing = False
    engine = window.bridge.engine
    clock.advance(engine.snapshot().remaining_s)
    engine.update()  # the next change of the session retries
    assert window.records.pending == 0
    advance_until(window, clock, lambda s: s.state is State.CHECK_IN_AFTER)
    window.bridge.send(Event.CHECK_IN, rating=3)
    assert window.current_page() == "done"
    reps = [r for r in stored_repeats(store.path) if r[0] == sid]
    assert [r[2:] for r in reps[:3]] == [
        ("angry_cat", None, 1),
        ("angry_cat", None, 2),
        ("angry_cat", None, 3),
    ]
    assert [r[1] for r in reps] == sorted(r[1] for r in reps)  # in order
    assert stored_status(store.path) == [(sid, "done")]


def test_records_still_waiting_when_the_session_ends_are_saved_once_the_disk_recovers(
    window_on_a_failing_disk,
):
    """The disk fills at the closing check-in and frees up while the done page shows."""
    window, clock, wrapper, _shown = window_on_a_failing_disk
    store = window.companion.store
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(Event.CHECK_IN, rating=5)
    sid = window.bridge.engine.session_id
    advance_until(window, clock, lambda s: s.state is State.CHECK_IN_AFTER)
    wrapper.failing = True
    window.bridge.send(Event.CHECK_IN, rating=2)
    assert window.current_page() == "done"
    wrapper.failing = False  # space was freed
    window.done.home_requested.emit()  # back to the start screen
    assert stored_status(store.path) == [(sid, "done")], (
        "the closing check-in and the end of the session were never retried"
    )
    assert not window.home.resume_banner.isVisibleTo(window.home)


@pytest.mark.parametrize("button", ["resume", "keep as partly done", "start"])
def test_records_still_waiting_are_not_dropped_by_whatever_the_home_page_offers(
    window_on_a_failing_disk, monkeypatch, button
):
    """The disk is still full when the person goes home, so the session just finished looks
    interrupted; space is freed, and before the next retry they press a button."""
    from PySide6.QtWidgets import QMessageBox

    window, clock, wrapper, _shown = window_on_a_failing_disk
    store = window.companion.store
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(Event.CHECK_IN, rating=5)
    sid = window.bridge.engine.session_id
    advance_until(window, clock, lambda s: s.state is State.CHECK_IN_AFTER)
    wrapper.failing = True
    window.bridge.send(Event.CHECK_IN, rating=2)
    window.done.home_requested.emit()  # the retry on going home fails: still full
    wrapper.failing = False  # space was freed, the 5 s retry has not come yet
    if button == "resume":
        window.home.resume_button.click()
    elif button == "keep as partly done":
        window.home.partial_button.click()
    else:
        window.start_session()
        window.safety.nothing_new()  # "anything new today?": nothing
    if window.bridge.engine is not None:  # whatever started, stop it: only the first counts
        window.bridge.send(Event.STOP)
    window.records.flush()
    assert dict(stored_status(store.path))[sid] == "done", (button, told)
    conn = sqlite3.connect(store.path)
    try:
        closing = conn.execute(
            "SELECT c.rating FROM check_ins AS c JOIN sessions AS s ON s.key = c.session "
            "WHERE s.id = ? AND c.kind = 'after'",
            (sid,),
        ).fetchall()
    finally:
        conn.close()
    assert closing == [(2,)], button


def test_answers_outside_a_session_meet_a_full_disk_with_a_word_not_a_traceback(
    window_on_a_failing_disk,
):
    """The safety answers, a clearance, a dismissed nudge, closing a session as partly done
    are written straight to the store, not through the session's RecordWriter."""
    window, _clock, wrapper, shown = window_on_a_failing_disk
    store = window.companion.store
    before = len(store.red_flag_checks())
    wrapper.failing = True
    window.show_page("red_flags")
    window.red_flags.reset()
    window.red_flags.none_box.setChecked(True)
    window.red_flags.save()  # an exception escaping the slot fails this test (pytest-qt)
    assert len(store.red_flag_checks()) == before
    assert any("could not be saved" in text or "not saved" in text for text in shown), shown
    wrapper.failing = False
    window.show_page("red_flags")
    window.red_flags.reset()
    window.red_flags.none_box.setChecked(True)
    window.red_flags.save()
    assert len(store.red_flag_checks()) == before + 1


# --- a data folder that cannot be written, at the start ---------------------------------------


def unwritable_folder(tmp_path: Path) -> Path | None:
    if not IS_ROOT and os.name == "posix":
        folder = tmp_path / "locked"
        folder.mkdir(mode=0o500)
        return folder / "data"
    if sys.platform.startswith("linux") and Path("/sys/kernel").is_dir():
        return Path("/sys/kernel/backcompanion-test-data")  # read-only even for root
    return None


def test_a_data_folder_that_cannot_be_written_is_one_clear_line(tmp_path):
    folder = unwritable_folder(tmp_path)
    if folder is None:
        pytest.skip("no folder this user cannot write")
    with pytest.raises(StoreError) as caught:
        open_store_with_recovery(folder, PROGRAM)
    text = str(caught.value)
    assert "\n" not in text and str(folder) in text and "cannot be written to" in text
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "backcompanion",
            "simulate",
            "--days",
            "1",
            "--data-dir",
            str(folder),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert str(folder) in result.stderr


@pytest.mark.skipif(os.name != "posix" or IS_ROOT, reason="root writes into read-only files")
def test_a_read_only_history_file_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "data"
    Store.open(folder).close()
    os.chmod(folder / DB_NAME, 0o400)
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(StoreError) as caught:
            open_store_with_recovery(folder, PROGRAM)
        assert "\n" not in str(caught.value)
    finally:
        os.chmod(folder, 0o700)
