"""Opening the history file: the checks before it is used, its settings, its migrations.

:func:`connect` is what :meth:`Store.open <backcompanion.history.store.Store.open>`
runs: a damaged file or one that is not ours raises :class:`CorruptStoreError`
(the caller then runs ``history.recover``), anything else that stops its use
:class:`StoreError`. A file is set aside byte for byte as it was found: the
checks only read. A clean close leaves a mark (:func:`mark_clean`) so the next
open can skip the full-file check.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from backcompanion.history import backup_files, queries, schema
from backcompanion.history.errors import (
    CorruptStoreError,
    StoreError,
    folder_problem,
    sqlite_problem,
)
from backcompanion.history.folder_lock import opening_lock
from backcompanion.history.paths import private_file, private_folder
from backcompanion.i18n import translate

# SQLite's primary result codes that mean "the bytes are not a sound database".
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL = 8, 10, 13


def connect(data_dir: Path) -> sqlite3.Connection:
    """Open (or create) the history in ``data_dir``, checked, set up and migrated."""
    data_dir = Path(data_dir)
    try:
        private_folder(data_dir)
    except OSError as exc:
        raise StoreError(folder_problem(data_dir, exc)) from exc
    try:
        with opening_lock(data_dir):  # two processes never create or migrate it at once
            return _connect(data_dir)
    except TimeoutError as exc:
        raise StoreError(
            translate(
                "StoreError", "another BackCompanion is still opening the history in {folder}"
            ).format(folder=data_dir)
        ) from exc


def _connect(data_dir: Path) -> sqlite3.Connection:
    path = data_dir / schema.DB_NAME
    try:
        if path.exists() and not path.is_file():
            raise CorruptStoreError(
                path, translate("StoreError", "something other than a file is in its place")
            )
        if path.is_file() and path.stat().st_size == 0 and backup_files.any_backup(data_dir):
            # an emptied file (a crash on some file systems, a sync tool) is not a new
            # history: treating it as one would hide every backup behind it
            raise CorruptStoreError(path, translate("StoreError", "the file is empty"))
        private_file(path)
    except OSError as exc:
        raise StoreError(folder_problem(data_dir, exc)) from exc
    checked = not _was_closed_cleanly(path)  # a file closed cleanly needs no full scan
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        _prepare(conn, path, data_dir, check=checked)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if exc.sqlite_errorcode & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise CorruptStoreError(path, str(exc)) from exc
        if exc.sqlite_errorcode & 0xFF in (_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL):
            raise StoreError(sqlite_problem(data_dir, exc)) from exc  # in the person's words
        raise StoreError(
            translate("StoreError", "cannot open the history file {path}: {error}").format(
                path=path, error=exc
            )
        ) from exc
    except OSError as exc:  # the backup before a migration could not be written
        conn.close()
        raise StoreError(
            translate(
                "StoreError", "cannot back up the history before updating it: {error}"
            ).format(error=exc)
        ) from exc
    except BaseException:
        conn.close()
        raise
    return conn


CLEAN_MARK = ".closed-cleanly"


def mark_clean(path: Path) -> None:
    """Note the file's size and time as this clean close left them (best effort)."""
    try:
        st = path.stat()
        fd = os.open(path.parent / CLEAN_MARK, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(f"{st.st_size} {st.st_mtime_ns}\n")
    except OSError:
        pass


def _was_closed_cleanly(path: Path) -> bool:
    """True when the file is exactly as the last clean close left it; the mark is used up.

    ``quick_check`` reads the whole file (about 0.4 s for ten years of history),
    so it runs only when the last close was not clean (a crash, a kill, a power
    cut) or the file changed since (another program, a sync tool, damage).
    """
    mark = path.parent / CLEAN_MARK
    try:
        size, mtime = (int(x) for x in mark.read_text().split())
        mark.unlink()
        st = path.stat()
    except (OSError, ValueError):
        return False
    return (st.st_size, st.st_mtime_ns) == (size, mtime)


def _prepare(conn: sqlite3.Connection, path: Path, data_dir: Path, check: bool = True) -> None:
    """Check the file, set the connection up, and migrate it to the latest schema.

    The checks only read, and come before the pragmas (WAL rewrites the file's
    header), so a file refused here is set aside byte for byte as it was found.
    """
    problems = [row[0] for row in conn.execute(queries.QUICK_CHECK)] if check else ["ok"]
    if problems != ["ok"]:
        first = " ".join(" ".join(problems[:2]).split())[:160]  # one line for the user
        raise CorruptStoreError(path, f"quick_check: {first}")
    (version,) = conn.execute(queries.USER_VERSION).fetchone()
    (app_id,) = conn.execute(queries.APPLICATION_ID).fetchone()
    (has_tables,) = conn.execute(queries.HAS_TABLES).fetchone()
    empty = version == 0 and app_id == 0 and not has_tables
    if app_id != schema.APPLICATION_ID and not empty:
        raise CorruptStoreError(
            path, translate("StoreError", "it is not a BackCompanion history file")
        )
    latest = schema.latest_version()
    if version > latest:  # refused before the pragmas: its bytes stay exactly as they were
        raise _newer(path, version)
    for pragma in schema.CONNECTION_PRAGMAS:
        conn.execute(pragma)
    if version == latest:
        return
    if version > 0:  # an empty file has nothing to save
        backup_files.backup_before_migration(conn, data_dir, version)
    schema.migrate(conn, version)


def _newer(path: Path, version: int) -> StoreError:
    return StoreError(
        translate(
            "StoreError",
            "the history file {path} was written by a newer BackCompanion "
            "(history version {version}, this one reads up to {latest}): update the app",
        ).format(path=path, version=version, latest=schema.latest_version())
    )


def writable(data_dir: Path) -> bool:
    """Whether the history in ``data_dir`` can be written (folder and file)."""
    path = Path(data_dir) / schema.DB_NAME
    return os.access(data_dir, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def connect_read_only(data_dir: Path) -> sqlite3.Connection:
    """Open the history in ``data_dir`` only to read it: nothing is written or created.

    For exports from a folder that cannot be written (a read-only disk or
    share, a backup copy). SQLite's read-only mode first; where even that needs
    to write (a WAL file's index beside it), the file is read as immutable, which
    is what it is while nobody can write to the folder. Raises StoreError when
    the file is missing, not ours, damaged, or needs an update it cannot get here.
    """
    path = Path(data_dir) / schema.DB_NAME
    if not path.is_file():
        raise StoreError(
            translate("StoreError", "cannot open the history file {path}: {error}").format(
                path=path, error=translate("StoreError", "there is no such file")
            )
        )
    base = path.resolve().as_uri()
    last: sqlite3.Error | None = None
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        conn = sqlite3.connect(base + query, uri=True, isolation_level=None)
        try:
            _check_read_only(conn, path)
            return conn
        except sqlite3.DatabaseError as exc:
            conn.close()
            if exc.sqlite_errorcode & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
                raise CorruptStoreError(path, str(exc)) from exc
            last = exc
        except BaseException:
            conn.close()
            raise
    raise StoreError(
        translate("StoreError", "cannot open the history file {path}: {error}").format(
            path=path, error=last
        )
    )


def _check_read_only(conn: sqlite3.Connection, path: Path) -> None:
    (version,) = conn.execute(queries.USER_VERSION).fetchone()
    (app_id,) = conn.execute(queries.APPLICATION_ID).fetchone()
    if app_id != schema.APPLICATION_ID:
        raise CorruptStoreError(
            path, translate("StoreError", "it is not a BackCompanion history file")
        )
    if version > schema.latest_version():
        raise _newer(path, version)
    if version < schema.latest_version():
        raise StoreError(
            translate(
                "StoreError",
                "the history file {path} needs an update, and its folder cannot be written to",
            ).format(path=path)
        )
    conn.execute("PRAGMA query_only = ON")
    conn.execute(queries.HAS_TABLES).fetchone()  # reads the schema now: fails here, not later
