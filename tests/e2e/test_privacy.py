"""Health data stays with the person: private files, and no network at all.

- POSIX: the data folder and the backups folder are 0700, the history file,
  its ``-wal`` and ``-shm``, every backup, a restored history and every export
  (PDF and CSV) are 0600, even under the most permissive umask (0000), so the
  modes come from the app and not from the user's umask;
- the app opens no network connection: during a whole session through the real
  main window (the production screen-awake inhibitor included) and an export
  through the real export flow, every way Python has to reach the network fails
  the test, and on Linux no internet socket is ever open in the process (read
  from ``/proc/self/fd`` and ``/proc/self/net``, which also sees what Qt's C++
  would open, at every change of the session).
"""

from __future__ import annotations

import os
import socket
import stat
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from backcompanion.app import open_store_with_recovery
from backcompanion.companion import Companion
from backcompanion.history import Store, backup_now
from backcompanion.history.backup_files import backups_dir
from backcompanion.history.schema import DB_NAME
from backcompanion.program import builtin_program
from backcompanion.report.csv_export import export_history_csv
from backcompanion.report.weeks import IsoWeek
from backcompanion.session.clock import FakeClock, local_now
from backcompanion.session.engine import Event, State
from backcompanion.session.plan import PRESETS
from backcompanion.session.rules import load_rules

PROGRAM = builtin_program()
RULES = load_rules()
POSIX = os.name == "posix"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """The most permissive umask: whatever is private is so because the app made it so."""
    before = os.umask(0)
    yield
    os.umask(before)


# --- file modes ------------------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_every_file_with_health_data_is_readable_by_the_user_only(tmp_path, open_umask, qapp):
    from backcompanion.report.pdf import write_summary_pdf
    from backcompanion.report.summary import weekly_summary

    folder = tmp_path / "share" / "BackCompanion" / "BackCompanion"
    store, message = open_store_with_recovery(folder, PROGRAM)  # creates it, as at first start
    assert message is None
    with store:
        companion = Companion(PROGRAM, RULES, store)
        companion.record_red_flags(())
        engine = companion.new_engine(companion.plan(PRESETS["relaxed"]), FakeClock())
        engine.send(Event.START)
        engine.send(Event.CHECK_IN, rating=4, note="a private note")
        assert mode(folder) == 0o700
        for suffix in ("", "-wal", "-shm"):  # while open, all three hold the data
            assert mode(folder / f"{DB_NAME}{suffix}") == 0o600, suffix
        assert mode(backups_dir(folder)) == 0o700
        made = backup_now(store, date(2026, 3, 2))
        assert mode(made) == 0o600
        for backup in backups_dir(folder).iterdir():
            assert mode(backup) == 0o600, backup.name
        exports = tmp_path / "exports"
        exports.mkdir()
        csv = export_history_csv(store, exports / "history.csv", PROGRAM)
        week = IsoWeek.of(date.today())
        summary = weekly_summary(store, PROGRAM, RULES, week.year, week.week, local_now())
        pdf = write_summary_pdf(summary, exports / "summary.pdf")
        assert mode(csv) == 0o600 and mode(pdf) == 0o600
        # replacing an export the user had made world-readable makes it private again
        os.chmod(csv, 0o644)
        assert mode(export_history_csv(store, csv, PROGRAM)) == 0o600
        assert sorted(p.name for p in exports.iterdir()) == ["history.csv", "summary.pdf"]
    # a damaged file is set aside and the backup restored: the restored history is private too
    (folder / DB_NAME).write_bytes(b"garbage" * 1000)
    store, message = open_store_with_recovery(folder, PROGRAM)
    with store:
        assert message is not None
        assert mode(folder / DB_NAME) == 0o600
    assert mode(folder) == 0o700


# --- no network -------------------------------------------------------------------------------


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Every Python way to the network fails the test (and is recorded, in case it is caught)."""
    used: list[str] = []

    def refuse(what):
        def call(*args, **kwargs):
            used.append(f"{what}{args[1:2] or args[:1]}")
            raise NetworkUsed(f"the app used the network: {what}")

        return call

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    original_init = socket.socket.__init__

    def init(self, family=-1, type=-1, proto=-1, fileno=None):
        if family in (socket.AF_INET, socket.AF_INET6):
            used.append(f"socket.socket({family!r})")
            raise NetworkUsed("the app made an internet socket")
        original_init(self, family, type, proto, fileno)

    monkeypatch.setattr(socket.socket, "__init__", init)
    yield used
    assert used == [], used


_CLASSIFIED: dict[str, str | None] = {}  # socket inode -> "tcp ..." or None (not internet)


def inet_sockets() -> list[str]:
    """The internet sockets this process holds open (Linux); [] elsewhere.

    The socket tables are read only when a socket not seen before is open, so a
    check at every change of the session costs a directory listing.
    """
    if not sys.platform.startswith("linux"):
        return []
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    new = inodes - _CLASSIFIED.keys()
    if new:
        for inode in new:
            _CLASSIFIED[inode] = None
        for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
            try:
                rows = Path(f"/proc/self/net/{table}").read_text().splitlines()[1:]
            except OSError:
                continue
            for row in rows:
                fields = row.split()
                if len(fields) > 9 and fields[9] in new:
                    _CLASSIFIED[fields[9]] = f"{table} {fields[1]} -> {fields[2]}"
    return [kind for inode in sorted(inodes) if (kind := _CLASSIFIED[inode])]


def test_the_probe_sees_an_internet_socket():
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.bind(("127.0.0.1", 0))
        if sys.platform.startswith("linux"):
            assert inet_sockets()
    finally:
        probe.close()
    assert inet_sockets() == []


def test_a_whole_session_and_an_export_use_no_network(qtbot, qapp, tmp_path, no_network):
    from backcompanion.ui.dialogs.export_dialog import export_week_interactive
    from backcompanion.ui.services.inhibitor import make_inhibitor
    from backcompanion.ui.settings_model import Settings
    from backcompanion.ui.window.main_window import MainWindow

    assert inet_sockets() == []
    store, _ = open_store_with_recovery(tmp_path / "data", PROGRAM)
    companion = Companion(PROGRAM, RULES, store)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.get_ready_s, settings.release_s = 3, 2
    clock = FakeClock()
    window = MainWindow(companion, settings, clock=clock, inhibitor=make_inhibitor())
    qtbot.addWidget(window)
    seen_sockets: list[str] = []
    window.bridge.changed.connect(lambda _snap: seen_sockets.extend(inet_sockets()))
    try:
        # first start: welcome, the safety questions, then a whole session
        window.welcome.continued.emit()
        window.red_flags.none_box.setChecked(True)
        assert window.red_flags.save()
        window.start_session()
        window.safety.nothing_new()  # "anything new today?": nothing
        window.bridge.send(Event.CHECK_IN, rating=5, note="private")
        engine = window.bridge.engine
        while engine.state is not State.CHECK_IN_AFTER:
            clock.advance(max(engine.snapshot().remaining_s, 1e-3))  # each phase to its end
            engine.update()
        window.bridge.send(Event.CHECK_IN, rating=3)
        assert window.current_page() == "done"
        # the export, through the real flow with its dialogs answered
        now = datetime.now().astimezone()
        week = IsoWeek.of(now.date())
        written = export_week_interactive(
            window,
            store,
            PROGRAM,
            RULES,
            settings,
            now,
            ask_week=lambda parent, weeks, default: (week.year, week.week),
            ask_path=lambda parent, suggested: tmp_path / suggested.name,
            show_error=lambda parent, text: pytest.fail(text),
            offer_open=lambda parent, path: None,
        )
        assert written is not None and written.read_bytes().startswith(b"%PDF")
        export_history_csv(store, tmp_path / "history.csv", PROGRAM)
        seen_sockets.extend(inet_sockets())
    finally:
        window.close()
        store.close()
    assert seen_sockets == []
    with Store.open(tmp_path / "data") as again:
        assert [f.outcome for f in again.session_facts()] == ["done"]
