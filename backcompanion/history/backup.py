"""Backups of the history, and recovery from a damaged file.

Above the store: making the day's backup of an open
:class:`~backcompanion.history.store.Store` and recovering from a damaged
file; the files themselves (names, copies, pruning) are in
:mod:`backcompanion.history.backup_files`, below the store.

Backups go to ``<data dir>/backups/``, one a day (``backcompanion-YYYY-MM-DD.sqlite3``)
and one before every migration (``backcompanion-YYYY-MM-DD-HHMMSS-before-vN.sqlite3``).
Of the daily ones the newest of the last 7 days with a backup are kept and the
newest of each of the last 4 ISO weeks with a backup (the two sets overlap,
as in restic's ``--keep-daily 7 --keep-weekly 4``); the ones before a
migration are never pruned, as each may be the only copy in the old format.

Every copy is made with SQLite's backup API, which reads a consistent
snapshot through SQLite itself, ``-wal`` content included; the live file is
never copied byte by byte and no ``-wal`` file is ever deleted. A damaged file
is renamed aside, never deleted.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from backcompanion.history import queries, schema
from backcompanion.history.backup_files import ANY, backups_dir, copy_database, prune
from backcompanion.history.paths import private_folder, sync_folder
from backcompanion.history.store import Store
from backcompanion.i18n import format_date, translate

# SQLite's companions of a database file, moved together with it.
_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RecoveryResult:
    moved_to: Path | None  # where the unreadable file went; None if there was none
    restored_from: Path | None  # the backup restored; None when a fresh history was started
    message: str  # what happened, in a sentence for the user


def backup_now(store: Store, day: date | None = None) -> Path:
    """Back the history up as the backup of ``day`` (today by default), then prune old ones."""
    folder = backups_dir(store.data_dir)
    private_folder(folder)
    day = day or date.today()
    dest = folder / f"backcompanion-{day.isoformat()}.sqlite3"
    store.backup_to(dest)
    prune(folder, day)
    return dest


def daily_backup_if_due(store: Store, today: date) -> Path | None:
    """Make today's backup unless there is one; return it, or None when it was not due."""
    if (backups_dir(store.data_dir) / f"backcompanion-{today.isoformat()}.sqlite3").exists():
        return None
    return backup_now(store, today)


def recover(data_dir: Path) -> RecoveryResult:
    """Set an unreadable history file aside, then restore the newest good backup or start fresh.

    For after :class:`CorruptStoreError`, with no store open. The file (or
    whatever is in its place) and its ``-wal``/``-shm`` are renamed to
    ``backcompanion.sqlite3.corrupt-YYYYmmdd-HHMMSS``; nothing is deleted.
    A backup counts as good when it passes ``quick_check`` and is a history
    file this version can read. Open the store again afterwards.
    """
    data_dir = Path(data_dir)
    live = data_dir / schema.DB_NAME
    moved = _set_aside(live)
    restored = _freshest_good(data_dir)
    if restored is not None:
        source = sqlite3.connect(_read_only_uri(restored), uri=True)
        try:
            copy_database(source, live)
        finally:
            source.close()
    return RecoveryResult(moved, restored, _recovery_message(moved, restored))


def _set_aside(live: Path) -> Path | None:
    present = [s for s in ("", *_COMPANIONS) if os.path.lexists(f"{live}{s}")]
    if not present:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = live.with_name(f"{live.name}.corrupt-{stamp}")
    n = 1
    while any(os.path.lexists(f"{aside}{s}") for s in ("", *_COMPANIONS)):
        n += 1
        aside = live.with_name(f"{live.name}.corrupt-{stamp}-{n}")
    for suffix in present:  # the companions too: a stray -wal must not meet a restored file
        os.rename(f"{live}{suffix}", f"{aside}{suffix}")
    sync_folder(live.parent)
    return aside if "" in present else None


def _newest_first(data_dir: Path) -> list[Path]:
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [(m[1], p.stat().st_mtime, p) for p in folder.iterdir() if (m := ANY.match(p.name))]
    return [path for _, _, path in sorted(found, reverse=True)]


def _freshest_good(data_dir: Path) -> Path | None:
    """The good backup holding the latest session; the name's date only breaks ties.

    A backup's name comes from the clock of the day it was made, and a clock can
    be wrong (years ahead): what a backup holds is the better witness.
    """
    best, best_key = None, None
    for rank, path in enumerate(reversed(_newest_first(data_dir))):
        if not _is_good(path):
            continue
        key = (_latest_session(path), rank)
        if best_key is None or key > best_key:
            best, best_key = path, key
    return best


def _latest_session(path: Path) -> float:
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            (latest,) = conn.execute(queries.LATEST_SESSION_TS).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return float("-inf")
    return latest if latest is not None else float("-inf")


def _is_good(path: Path) -> bool:
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            problems = [row[0] for row in conn.execute(queries.QUICK_CHECK)]
            (version,) = conn.execute(queries.USER_VERSION).fetchone()
            (app_id,) = conn.execute(queries.APPLICATION_ID).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return (
        problems == ["ok"]
        and app_id == schema.APPLICATION_ID
        and 1 <= version <= schema.latest_version()
    )


def _read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def _recovery_message(moved: Path | None, restored: Path | None) -> str:
    """One sentence for the person, in their language: what was kept, what was restored."""
    day = format_date(date.fromisoformat(ANY.match(restored.name)[1]), "long") if restored else ""
    if moved is not None and restored is not None:
        text = translate(
            "Recovery",
            "The history file could not be read; it was kept as {file} (nothing was deleted), "
            "and the backup of {date} was restored: sessions after it are missing.",
        )
    elif moved is not None:
        text = translate(
            "Recovery",
            "The history file could not be read; it was kept as {file} (nothing was deleted), "
            "and no usable backup was found, so a new, empty history was started.",
        )
    elif restored is not None:
        text = translate(
            "Recovery",
            "There was no readable history file, and the backup of {date} was restored: "
            "sessions after it are missing.",
        )
    else:
        text = translate(
            "Recovery",
            "There was no readable history file, and no usable backup was found, so a new, "
            "empty history was started.",
        )
    return text.format(file=moved.name if moved else "", date=day)
