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
    else:
        text = translate("StoreError", "cannot use the data folder {folder}: {error}")
    return text.format(folder=folder, error=exc.strerror or exc)
