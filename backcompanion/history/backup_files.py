"""The backup files themselves: where they live, their names, copying and pruning.

What :class:`~backcompanion.history.store.Store` needs below it (a copy of an
open database, the copy before a migration, whether any backup exists) is
here; making the day's backup and recovering from a damaged file, which open
or use a Store, are in :mod:`backcompanion.history.backup`, above it.
Retention: the newest of the last 7 days with a backup and the newest of each
of the last 4 ISO weeks with one (restic's ``--keep-daily 7 --keep-weekly 4``);
the copies made before a migration are never pruned, as each may be the only
one in the old format. Every copy goes through SQLite's backup API.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

from backcompanion.history.paths import private_file, private_folder, sync_folder

BACKUP_DIR = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4

DAILY = re.compile(r"^backcompanion-(\d{4}-\d{2}-\d{2})\.sqlite3$")
ANY = re.compile(r"^backcompanion-(\d{4}-\d{2}-\d{2})(-\d{6}-before-v\d+)?\.sqlite3$")


def backup_before_migration(conn: sqlite3.Connection, data_dir: Path, version: int) -> Path:
    """Save the file as it is at ``version`` before a migration changes it."""
    folder = backups_dir(data_dir)
    private_folder(folder)
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    dest = folder / f"backcompanion-{stamp}-before-v{version + 1}.sqlite3"
    copy_database(conn, dest)
    return dest


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def any_backup(data_dir: Path) -> bool:
    folder = backups_dir(data_dir)
    return folder.is_dir() and any(folder.glob("*.sqlite3"))


def prune(folder: Path, today: date | None = None) -> list[Path]:
    """Delete the daily backups the retention rule does not keep; return them.

    A backup dated after ``today`` was named by a clock that was wrong (or is
    wrong now): it counts as older than every backup dated up to today, so it
    does not stay "newest" forever, and it is not one of the weekly ones.
    """
    today = today or date.today()
    found = [(date.fromisoformat(m[1]), p) for p in folder.iterdir() if (m := DAILY.match(p.name))]
    present = sorted(((d, p) for d, p in found if d <= today), reverse=True)
    future = sorted(((d, p) for d, p in found if d > today), reverse=True)
    daily = present + future
    keep = {path for _, path in daily[:KEEP_DAILY]}
    weeks: set[tuple[int, int]] = set()
    for day, path in present:  # newest first, so the first seen of a week is its newest
        week = day.isocalendar()[:2]
        if week not in weeks:
            if len(weeks) == KEEP_WEEKLY:
                break
            weeks.add(week)
            keep.add(path)
    removed = [path for _, path in daily if path not in keep]
    for path in removed:
        path.unlink()
    return removed


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Write a consistent copy of ``source`` to ``dest``, replacing it atomically.

    The copy is switched to the rollback journal so it is one self-contained
    file with no ``-wal`` beside it; :class:`Store` switches it back to WAL
    when it opens a restored copy. Refused while ``source`` has a transaction
    open (a :meth:`Store.batch`): the copy would wait for it forever.
    """
    if source.in_transaction:
        raise RuntimeError("cannot back up while a batch of records is being written")
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)  # left by a copy that was interrupted
    private_file(partial)
    target = sqlite3.connect(partial, isolation_level=None)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    os.replace(partial, dest)
    sync_folder(dest.parent)
