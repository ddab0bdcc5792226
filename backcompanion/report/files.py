"""Writing an export: whole or not at all, readable by the user only. No Qt.

The PDF and the CSV are built in memory (a week's PDF is tens of kilobytes,
ten years of CSV a few megabytes) and handed to :func:`write_atomic`, which
writes a temporary file next to the target, flushes it to disk and renames it
over the target. An existing file is therefore replaced whole or left as it
was; a failure leaves no temporary file behind. The new file has mode 0600 on
POSIX (it is health data), whatever the mode of the file it replaces.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from backcompanion.history.paths import sync_folder
from backcompanion.i18n import translate

__all__ = ["ExportError", "write_atomic"]


class ExportError(Exception):
    """An export could not be written; ``str()`` is one line naming the path and what to do."""

    def __init__(self, path: Path, message: str):
        self.path = Path(path)
        super().__init__(message)


def check_target(out: Path) -> Path:
    """Refuse, with a clear :class:`ExportError`, a target that cannot be a file.

    Returns the absolute path. Called before any work, so a mistyped path is
    reported before the PDF is drawn; :func:`write_atomic` still copes with
    what changes in between.
    """
    out = Path(out).expanduser().absolute()
    try:
        out.stat()
    except (FileNotFoundError, NotADirectoryError):
        pass  # said below in plainer words
    except OSError as exc:  # a name too long, a loop of links, no permission to look
        raise ExportError(out, _cannot(_short(out), exc.strerror)) from None
    if out.is_dir():
        raise ExportError(out, _is_folder(out))
    parent = out.parent
    if not parent.is_dir():
        if parent.exists():
            text = translate("ExportError", "cannot write {path}: {folder} is not a folder")
            raise ExportError(out, text.format(path=out, folder=parent))
        text = translate(
            "ExportError",
            "cannot write {path}: the folder {folder} does not exist; create it first",
        )
        raise ExportError(out, text.format(path=out, folder=parent))
    return out


def _short(path: Path) -> str:
    """A path short enough for one line of a message."""
    text = str(path)
    return text if len(text) <= 120 else text[:60] + "..." + text[-50:]


def write_atomic(out: Path, data: bytes) -> Path:
    """Write ``data`` to ``out`` atomically (see the module's docstring); returns the path.

    Raises :class:`ExportError` for a folder in the way, a missing folder, no
    permission, a full disk or any other failure.
    """
    out = check_target(out)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
        with os.fdopen(fd, "wb") as f:  # mkstemp creates it 0600
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)
        tmp = None
        sync_folder(out.parent)
    except OSError as exc:
        raise ExportError(out, _message(out, exc)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return out


def _write_all(f, data: bytes) -> None:
    """The one place bytes reach the file (tests make it fail half-way)."""
    f.write(data)


def _cannot(path: Path | str, error: str) -> str:
    return translate("ExportError", "cannot write {path}: {error}").format(path=path, error=error)


def _is_folder(out: Path) -> str:
    return translate(
        "ExportError", "cannot write {path}: it is a folder; add a file name to the path"
    ).format(path=out)


def _message(out: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = translate(
            "ExportError",
            "cannot write {path}: permission denied; choose a folder you can write to",
        )
    elif exc.errno == errno.ENOSPC:
        text = translate(
            "ExportError",
            "cannot write {path}: the disk is full; free some space or choose another disk",
        )
    elif exc.errno == errno.EISDIR:
        return _is_folder(out)
    else:
        text = translate("ExportError", "cannot write {path}: {error}; choose another place")
    return text.format(path=out, error=exc.strerror or str(exc))
