"""The history leaves the old doubled folder (.../BackCompanion/BackCompanion) safely.

Real stores on disk: a history written by the store, moved by rename, opened again
at its new place. Nothing is ever overwritten or lost: with two histories the
newer is used and the other left byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from backcompanion.history import Store, relocate
from backcompanion.history.relocate import Settled, newest_session, settle_data_dir
from backcompanion.history.schema import DB_NAME
from backcompanion.program import builtin_program
from backcompanion.session.rules import load_rules
from backcompanion.simulate import simulate

PROGRAM = builtin_program()
PHASES = {e.id: e.phase.value for e in PROGRAM.exercises}


def history(folder: Path, start: date, days: int = 5) -> int:
    """A real history in ``folder``: ``days`` of simulated sessions from ``start``."""
    with Store.open(folder, phases=PHASES) as store:
        simulate(store, PROGRAM, load_rules(), days, start, 7)
        return len(store.session_facts())


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256: "left untouched" is this unchanged."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def sessions_in(folder: Path) -> int:
    with Store.open(folder, phases=PHASES) as store:
        return len(store.session_facts())


@pytest.fixture
def places(tmp_path):
    new = tmp_path / "share" / "BackCompanion"
    old = new / "BackCompanion"
    return new, old


def test_only_the_old_folder_has_a_history_it_moves_whole(places):
    new, old = places
    count = history(old, date(2025, 1, 6))
    (old / "program.yaml").write_text("# my own program\n", encoding="utf-8")
    (old / "backups").mkdir(exist_ok=True)
    (old / "backups" / "backcompanion-2025-01-06.sqlite3").write_bytes(b"backup")
    before = tree(old)
    settled = settle_data_dir(new, old)
    assert settled == Settled(new, None, settled.moved)
    assert set(settled.moved) >= {DB_NAME, "program.yaml", "backups"}
    assert not old.exists()  # the empty doubled folder is gone
    assert tree(new) == before  # every file, byte for byte, one level up
    assert sessions_in(new) == count


def test_a_history_left_with_its_journal_moves_with_it(places):
    """A crash left the database with its -wal file: both move, nothing committed is lost."""
    new, old = places
    live = places[0].parent / "live"
    store = Store.open(live, phases=PHASES)
    simulate(store, PROGRAM, load_rules(), 3, date(2025, 2, 3), 7)
    count = len(store.session_facts())
    old.mkdir(parents=True)
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
        if (live / name).exists():
            shutil.copy2(live / name, old / name)  # the files as the crash left them
    store.close()
    assert (old / (DB_NAME + "-wal")).exists()
    settled = settle_data_dir(new, old)
    assert settled.folder == new and not old.exists()
    assert sessions_in(new) == count


@pytest.mark.parametrize("newer", ["new", "old"])
def test_two_histories_the_newer_is_used_and_the_other_left_untouched(places, newer):
    new, old = places
    early, late = date(2024, 5, 6), date(2025, 5, 5)
    history(new, late if newer == "new" else early)
    history(old, late if newer == "old" else early)
    new_files = {k: v for k, v in tree(new).items() if not k.startswith("BackCompanion")}
    old_files = tree(old)
    settled = settle_data_dir(new, old)
    used, other = (new, old) if newer == "new" else (old, new)
    assert settled.folder == used and settled.moved == ()
    assert settled.message is not None
    assert str(used) in settled.message and str(other) in settled.message
    assert "left untouched" in settled.message
    assert tree(old) == old_files  # neither moved nor opened
    assert {k: v for k, v in tree(new).items() if not k.startswith("BackCompanion")} == new_files


def test_a_move_that_fails_half_way_puts_everything_back(places, monkeypatch):
    new, old = places
    count = history(old, date(2025, 1, 6))
    (old / "program.yaml").write_text("# mine\n", encoding="utf-8")
    before = tree(old)
    real = relocate._rename_no_overwrite
    calls = []

    def failing(src, dst):
        calls.append(src.name)
        if src.name == "program.yaml" and dst.parent == new:
            raise PermissionError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(relocate, "_rename_no_overwrite", failing)
    settled = settle_data_dir(new, old)
    assert settled.folder == old and "could not be moved" in settled.message
    assert "Permission denied" in settled.message
    assert tree(old) == before  # all back where it was
    assert not (new / DB_NAME).exists()
    assert sessions_in(old) == count


def test_an_entry_the_new_folder_already_has_stays_where_it_is(places):
    new, old = places
    history(old, date(2025, 1, 6))
    (old / "program.yaml").write_text("# old one\n", encoding="utf-8")
    new.mkdir(parents=True, exist_ok=True)
    (new / "program.yaml").write_text("# new one\n", encoding="utf-8")
    settled = settle_data_dir(new, old)
    assert settled.folder == new and "program.yaml" not in settled.moved
    assert (new / "program.yaml").read_text(encoding="utf-8") == "# new one\n"
    assert (old / "program.yaml").read_text(encoding="utf-8") == "# old one\n"
    assert (new / DB_NAME).exists() and old.is_dir()


def test_nothing_to_move_changes_nothing(places):
    new, old = places
    assert settle_data_dir(new, old) == Settled(new)
    assert not new.exists()
    history(new, date(2025, 1, 6))
    before = tree(new)
    assert settle_data_dir(new, old) == Settled(new)
    assert tree(new) == before


def test_the_newest_session_is_read_from_a_copy(places):
    new, _old = places
    history(new, date(2025, 3, 3), days=3)
    before = tree(new)
    assert newest_session(new) > newest_session(new.parent / "empty")
    assert tree(new) == before


def test_the_default_folder_says_the_name_once(tmp_path):
    # a fresh interpreter: pytest-qt may already have made an application in this one
    script = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from backcompanion import APP_NAME, ORG_NAME\n"
        "from backcompanion.history import default_data_dir\n"
        "from backcompanion.history.paths import legacy_data_dir\n"
        "print(default_data_dir(), legacy_data_dir())\n"
        "QCoreApplication.setOrganizationName(ORG_NAME)\n"
        "QCoreApplication.setApplicationName(APP_NAME)\n"
        "app = QCoreApplication([])\n"
        "print(default_data_dir(), legacy_data_dir())\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    expected = f"{tmp_path / 'BackCompanion'} {tmp_path / 'BackCompanion' / 'BackCompanion'}"
    assert out == [expected] * 2


def test_the_command_line_moves_the_old_history_first(tmp_path):
    old = tmp_path / "BackCompanion" / "BackCompanion"
    count = history(old, date(2025, 1, 6))
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "backcompanion", "export-history", "--out", str(tmp_path / "h.csv")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert not old.exists() and (tmp_path / "BackCompanion" / DB_NAME).is_file()
    assert sessions_in(tmp_path / "BackCompanion") == count
