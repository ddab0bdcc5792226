"""What can go wrong with the history file, in terms the app can act on."""

from __future__ import annotations

import errno
from pathlib import Path

from backcompanion.i18n import translate


class StoreError(Exception):
    """The history cannot be used as it is; ``str()`` is one line to show the user."""


class CorruptStoreError(StoreError):
    """The file is damaged or is not a history file: ``history.recover`` sets it aside.

    ``path`` is the file (or whatever is in its place) that could not be read.
    """

    def __init__(self, path: Path, detail: str):
        self.path = path
        super().__init__(
            translate("StoreError", "the history file {path} cannot be read ({detail})").format(
                path=path, detail=detail
            )
        )


# errno values that mean "no room left" (EDQUOT: the user's quota; EFBIG: a file-size limit)
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def folder_problem(folder: Path, exc: OSError) -> str:
    """What stops the use of ``folder``, in the person's words (one line)."""
    if exc.errno in _FULL:
        text = translate("StoreError", "the disk holding {folder} is full")
    elif exc.errno in _READ_ONLY:
        text = translate("StoreError", "{folder} cannot be written to")
    elif exc.errno in (errno.ENOTDIR, errno.EEXIST) and not Path(folder).is_dir():
        text = translate("StoreError", "{folder} is a file, not a folder")
        folder = _the_file_in_the_way(Path(folder))
    else:
        text = translate("StoreError", "cannot use the data folder {folder}: {error}")
    return text.format(folder=folder, error=exc.strerror or exc)


# SQLite's primary result codes that say why a write failed
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 8, 10, 13, 14
_ALMOST_FULL = 1_000_000  # bytes: less than this free, an I/O error is the disk being full


def sqlite_problem(folder: Path, exc: Exception) -> str:
    """What a failed SQLite call on the history in ``folder`` means, in the person's words."""
    import shutil

    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == _SQLITE_IOERR:  # a write refused by the disk: full, or something else
        try:
            if shutil.disk_usage(folder).free < _ALMOST_FULL:
                code = _SQLITE_FULL
        except OSError:
            pass
        if code == _SQLITE_IOERR and _file_size_limited():
            return translate(
                "StoreError",
                "the history in {folder} cannot grow: a file size limit is set for this program",
            ).format(folder=folder)
    if code == _SQLITE_FULL:
        return translate("StoreError", "the disk holding {folder} is full").format(folder=folder)
    if code == _SQLITE_READONLY:
        return translate("StoreError", "{folder} cannot be written to").format(folder=folder)
    return translate("StoreError", "the history in {folder} cannot be used: {error}").format(
        folder=folder, error=exc
    )


def _file_size_limited() -> bool:
    """Whether this process may not grow files past a size (``ulimit -f``, ``prlimit``)."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def _the_file_in_the_way(folder: Path) -> Path:
    """``folder`` or the first of its parents that exists and is not a folder."""
    for path in (folder, *folder.parents):
        if path.exists() or path.is_symlink():
            return folder if path.is_dir() else path
    return folder
