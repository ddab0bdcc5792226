"""Moving the history out of the old doubled folder (``.../BackCompanion/BackCompanion``).

Up to version 0.1 the data folder was Qt's ``AppDataLocation`` with both the
organisation and the application named BackCompanion, so the name came twice
(``~/.local/share/BackCompanion/BackCompanion``). The folder is now the outer one
(:func:`~backcompanion.history.paths.default_data_dir`). At the first start after
that change :func:`settle_data_dir` moves what the old folder holds into the new
one, entry by entry, by rename (atomic on one file system), never over anything:

- only the old folder has a history: everything moves (the ``-wal``/``-shm``
  files before the database, so a stop half-way never leaves a database without
  its journal), and the empty old folder is removed;
- both have a history: nothing moves. The one with the newer history (its last
  session started later; the files' times when that cannot be read) is used and
  the other is left as it is; the message says where each is;
- a move fails half-way (permissions, another file system): what moved goes
  back, the old folder is used, and the message says why.

No Qt here: the folders are passed in.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from backcompanion.history.schema import DB_NAME
from backcompanion.i18n import translate

log = logging.getLogger(__name__)

JOURNALS = (DB_NAME + "-wal", DB_NAME + "-shm")


@dataclass(frozen=True)
class Settled:
    """The folder to use, and what to tell the person (None: nothing worth a word)."""

    folder: Path
    message: str | None = None
    moved: tuple[str, ...] = ()  # the entries moved from the old folder


def settle_data_dir(new: Path, old: Path) -> Settled:
    """The data folder to use, after moving the history from ``old`` into ``new`` if
    that is safe (module doc). ``old`` is normally a folder inside ``new``."""
    new, old = Path(new), Path(old)
    if new == old or not (old / DB_NAME).is_file():
        return Settled(new)
    if (new / DB_NAME).is_file():
        return _both(new, old)
    try:
        moved = _move_entries(old, new)
    except OSError as exc:
        log.warning("could not move the history from %s to %s: %s", old, new, exc)
        return Settled(
            old,
            translate(
                "DataFolder",
                "Your history stays in {old}: it could not be moved to {new} ({reason}).",
            ).format(old=old, new=new, reason=exc.strerror or exc),
        )
    try:
        old.rmdir()
    except OSError:
        log.info("%s is not empty after the move: left in place", old)
    log.info("the history moved from %s to %s: %s", old, new, ", ".join(moved))
    return Settled(new, None, moved)


def newest_session(folder: Path) -> float:
    """When the last session in ``folder``'s history started (Unix seconds); the newest
    file time when the history cannot be read; -inf for an empty history.

    Reads a copy (the database and its journal), so the folder is left untouched.
    """
    db = folder / DB_NAME
    with tempfile.TemporaryDirectory(prefix="backcompanion-compare-") as tmp:
        try:
            for name in (DB_NAME, JOURNALS[0]):
                if (folder / name).is_file():
                    shutil.copy2(folder / name, Path(tmp) / name)
            conn = sqlite3.connect(Path(tmp) / DB_NAME)
            try:
                row = conn.execute("SELECT max(started_ts) FROM sessions").fetchone()
            finally:
                conn.close()
            return -math.inf if row is None or row[0] is None else float(row[0])
        except (OSError, sqlite3.Error) as exc:
            log.info("cannot read %s (%s): comparing file times", db, exc)
    times = [p.stat().st_mtime for p in (db, folder / JOURNALS[0]) if p.is_file()]
    return max(times, default=-math.inf)


def _both(new: Path, old: Path) -> Settled:
    used, other = (old, new) if newest_session(old) > newest_session(new) else (new, old)
    log.warning("two histories: using %s, leaving %s untouched", used, other)
    return Settled(
        used,
        translate(
            "DataFolder",
            "There are two histories. BackCompanion uses the newer one, in {used}; "
            "the other, in {other}, is left untouched.",
        ).format(used=used, other=other),
    )


def _move_entries(old: Path, new: Path) -> tuple[str, ...]:
    """Rename each entry of ``old`` into ``new`` (journals first, the database next, the
    rest after); an entry ``new`` already has stays where it is. All or nothing: a
    failure moves back what moved and raises."""
    names = [p.name for p in old.iterdir() if p.name != old.name]
    first = [n for n in (*JOURNALS, DB_NAME) if n in names]
    order = first + sorted(n for n in names if n not in first)
    moved: list[str] = []
    try:
        for name in order:
            if (new / name).exists() or (new / name).is_symlink():
                log.info("%s already exists: %s stays in %s", new / name, name, old)
                continue
            _rename_no_overwrite(old / name, new / name)
            moved.append(name)
        _sync(new)
    except OSError:
        for name in reversed(moved):
            try:
                _rename_no_overwrite(new / name, old / name)
            except OSError as back:  # both copies cannot be lost: the file is in new
                log.error("could not move %s back to %s: %s", new / name, old, back)
        raise
    return tuple(moved)


def _rename_no_overwrite(src: Path, dst: Path) -> None:
    """Move ``src`` to ``dst``, failing (FileExistsError) rather than replacing anything."""
    if src.is_file() and not src.is_symlink():
        try:
            os.link(src, dst)  # fails when dst exists: nothing is ever replaced
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            if dst.exists():
                raise FileExistsError(dst) from None
            os.rename(src, dst)
            return
        os.unlink(src)
        return
    if dst.exists():
        raise FileExistsError(dst)
    os.rename(src, dst)


def _sync(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
