"""A damaged or unreadable history, through the app's opening path and through the CLI.

``tests/unit/test_backup.py`` tests ``history.recover`` on its own; here the
file is damaged in a folder the app really used (sessions recorded, its own
automatic daily backup made by ``open_store_with_recovery``, more sessions
after it), and then:

- the app's opening path (``backcompanion.app.open_store_with_recovery``) sets
  the bad file aside byte for byte (never deletes it), restores the newest
  automatic backup or starts fresh, returns one sentence for the user, and
  gives a store that works;
- ``backcompanion export-history`` and ``simulate`` exit with status 2 and one
  clear line on stderr, no traceback, and leave the file as it was.

A history written by a newer BackCompanion is not damaged: it is left where it
is, untouched, and the app and the CLI say "update the app".
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backcompanion.app import open_store_with_recovery
from backcompanion.history import Store, StoreError
from backcompanion.history.backup_files import backups_dir
from backcompanion.history.schema import DB_NAME
from backcompanion.i18n import format_date
from backcompanion.program import builtin_program
from backcompanion.session.records import CheckIn, SessionEnded, SessionOutcome, SessionStarted

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = builtin_program()
CET = timezone(timedelta(hours=1))
BEFORE_BACKUP = [f"kept{n:02}" for n in range(40)]  # enough pages that damage hits data
AFTER_BACKUP = ["lost-after-backup"]


def add_session(store: Store, sid: str, day: int) -> None:
    start = datetime(2026, 1, 5, 18, 0, tzinfo=CET) + timedelta(days=day)
    store.record(SessionStarted(sid, start, False, (), "4-0-6-0"))
    store.record(CheckIn(sid, 1.0, "before", 4, note="x" * 300))
    store.record(CheckIn(sid, 900.0, "after", 3))
    store.record(SessionEnded(sid, 900.0, SessionOutcome.DONE, 900.0))


def make_used_folder(folder: Path) -> Path:
    """A data folder as the app leaves it: sessions, today's automatic backup, a later session."""
    store, message = open_store_with_recovery(folder, PROGRAM)
    assert message is None
    with store, store.batch():
        for n, sid in enumerate(BEFORE_BACKUP):
            add_session(store, sid, n)
    # the next start makes the day's backup: nothing made one yet for an empty history
    for p in backups_dir(folder).iterdir():
        p.unlink()
    store, message = open_store_with_recovery(folder, PROGRAM)
    assert message is None
    with store:
        add_session(store, AFTER_BACKUP[0], 60)
    assert [p.name for p in backups_dir(folder).iterdir()] == [
        f"backcompanion-{date.today().isoformat()}.sqlite3"
    ]
    return folder


@pytest.fixture
def used_folder(tmp_path) -> Path:
    return make_used_folder(tmp_path / "data")


# --- the damage ---------------------------------------------------------------------------


def truncated(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 3)


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(path.stat().st_size))


def garbage_page_inside(path: Path) -> None:
    """One 4 KiB page in the middle overwritten: the header still says "SQLite format 3"."""
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = random.Random(8).randbytes(4096)
    path.write_bytes(bytes(data))


def emptied(path: Path) -> None:
    """Zero bytes: what a crash on some file systems, or a sync tool, can leave behind."""
    os.truncate(path, 0)


def a_folder_in_its_place(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "notes.txt").write_text("someone's files", encoding="utf-8")


def another_apps_database(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()


DAMAGE = [
    truncated,
    random_bytes,
    garbage_page_inside,
    emptied,
    a_folder_in_its_place,
    another_apps_database,
]


def fingerprint(path: Path) -> str:
    """The bytes of a file, or the names and bytes inside a folder."""
    if path.is_dir():
        return "dir:" + ",".join(f"{p.name}={fingerprint(p)}" for p in sorted(path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def session_ids(store: Store) -> list[str]:
    return [f.session_id for f in store.session_facts()]


# --- the app's opening path ---------------------------------------------------------------


@pytest.mark.parametrize("damage", DAMAGE)
def test_the_app_sets_the_bad_file_aside_and_restores_the_newest_backup(used_folder, damage):
    live = used_folder / DB_NAME
    damage(live)
    bad = fingerprint(live)

    store, message = open_store_with_recovery(used_folder, PROGRAM)
    with store:
        # what the user is told: one sentence, naming the file kept and the backup's day
        assert message is not None and "\n" not in message
        aside = [p for p in used_folder.iterdir() if p.name.startswith(f"{DB_NAME}.corrupt-")]
        assert len(aside) == 1, sorted(p.name for p in used_folder.iterdir())
        assert aside[0].name in message and "nothing was deleted" in message
        assert f"backup of {format_date(date.today(), 'long')} was restored" in message
        # the bad file is still on disk, byte for byte
        assert fingerprint(aside[0]) == bad
        # what is kept: everything up to the backup, in a store that works
        assert session_ids(store) == BEFORE_BACKUP
        add_session(store, "after-recovery", 61)
        assert session_ids(store)[-1] == "after-recovery"
    assert fingerprint(aside[0]) == bad


def test_without_a_backup_the_app_starts_fresh_and_says_so(used_folder):
    for p in backups_dir(used_folder).iterdir():
        p.unlink()
    live = used_folder / DB_NAME
    random_bytes(live)
    bad = fingerprint(live)
    store, message = open_store_with_recovery(used_folder, PROGRAM)
    with store:
        assert message is not None and "new, empty history was started" in message
        assert session_ids(store) == []
    (aside,) = [p for p in used_folder.iterdir() if ".corrupt-" in p.name]
    assert fingerprint(aside) == bad


def test_a_damaged_file_is_never_backed_up_over_a_good_backup(used_folder):
    """The day's backup exists already; recovery must not replace it with the bad file."""
    backup = backups_dir(used_folder) / f"backcompanion-{date.today().isoformat()}.sqlite3"
    good = fingerprint(backup)
    truncated(used_folder / DB_NAME)
    store, _ = open_store_with_recovery(used_folder, PROGRAM)
    store.close()
    assert fingerprint(backup) == good


def newer_version(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


def test_a_history_from_a_newer_app_is_left_alone_with_a_clear_word(used_folder):
    live = used_folder / DB_NAME
    newer_version(live)
    before = fingerprint(live)
    with pytest.raises(StoreError) as caught:
        open_store_with_recovery(used_folder, PROGRAM)
    text = str(caught.value)
    assert "\n" not in text and "newer BackCompanion" in text and "update the app" in text
    assert fingerprint(live) == before  # not set aside, not migrated, not touched
    assert not [p for p in used_folder.iterdir() if ".corrupt-" in p.name]


# --- the command line ---------------------------------------------------------------------


def cli(folder: Path, *args: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "HOME": str(folder.parent),
        "XDG_CONFIG_HOME": str(folder.parent / "config"),
        "XDG_DATA_HOME": str(folder.parent / "share"),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "backcompanion", *args, "--data-dir", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=folder.parent,
    )


CLI_DAMAGE = [*DAMAGE, newer_version]


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    """Every damage kind, both commands, all started at once (each is a fresh interpreter)."""
    started = {}
    for damage in CLI_DAMAGE:
        folder = make_used_folder(tmp_path_factory.mktemp(damage.__name__) / "data")
        live = folder / DB_NAME
        damage(live)
        out = folder.parent / "history.csv"
        started[damage.__name__] = (
            live,
            fingerprint(live),
            out,
            {
                "export-history": cli(folder, "export-history", "--out", str(out)),
                "simulate": cli(folder, "simulate", "--days", "1"),
            },
        )
    results = {}
    for key, (live, before, out, procs) in started.items():
        done = {name: (*p.communicate(timeout=120), p.returncode) for name, p in procs.items()}
        results[key] = (live, before, out, done)
    return results


@pytest.mark.parametrize("damage", CLI_DAMAGE)
def test_the_cli_exits_2_with_one_clear_line(cli_runs, damage):
    live, before, out, results = cli_runs[damage.__name__]
    for name, (stdout, stderr, returncode) in results.items():
        assert returncode == 2, (name, stdout, stderr)
        assert "Traceback" not in stderr, (name, stderr)
        assert stdout == "", (name, stdout)
        lines = stderr.splitlines()
        assert len(lines) == 1, (name, stderr)
        line = lines[0]
        assert line.startswith("backcompanion: "), (name, line)
        # clear: it names the history file and what is wrong with it
        assert str(live) in line, (name, line)
        if damage is newer_version:
            assert "newer BackCompanion" in line and "update the app" in line, (name, line)
        else:
            assert "cannot be read" in line or "in its place" in line, (name, line)
    assert not out.exists()
    assert fingerprint(live) == before  # the CLI reports; only the app recovers
