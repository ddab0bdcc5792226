"""Where the history lives, and files only the user can read (it is health data).

The only module in ``history`` that may import Qt, and only inside
:func:`legacy_data_dir`, so the store stays usable without Qt.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from backcompanion import APP_NAME, ORG_NAME


def default_data_dir() -> Path:
    """The app's data folder: ``~/.local/share/BackCompanion`` on Linux (``$XDG_DATA_HOME``
    honoured), ``%APPDATA%\\BackCompanion`` on Windows, ``~/Library/Application
    Support/BackCompanion`` on macOS.

    It is Qt's ``AppDataLocation`` without the organisation folder, which with our
    names only repeated the app's name (:func:`legacy_data_dir`;
    :mod:`~backcompanion.history.relocate` moves a history from there).
    """
    old = legacy_data_dir()
    if old.name == APP_NAME and old.parent.name == ORG_NAME:
        return old.parent
    return old


def legacy_data_dir() -> Path:
    """Where version 0.1 kept the history: ``QStandardPaths.AppDataLocation`` with both
    names set (``.../BackCompanion/BackCompanion``).

    Without a Qt application (a command run before Qt starts, a test) Qt cannot
    know the app's name, so this returns where Qt puts it on Linux for our names
    (``$XDG_DATA_HOME`` or ``~/.local/share``, then ``ORG_NAME/APP_NAME``), and
    the command line sees the same history as the window.
    """
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    app = QCoreApplication.instance()
    if app is not None and app.organizationName() == ORG_NAME:
        found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        if found:
            return Path(found)
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / ORG_NAME / APP_NAME


def settled_data_dir():
    """The default data folder, after moving a history from the legacy one: a
    :class:`~backcompanion.history.relocate.Settled` (folder and message)."""
    from backcompanion.history.relocate import settle_data_dir

    return settle_data_dir(default_data_dir(), legacy_data_dir())


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) if needed; a folder created here gets mode 0700.

    Safe when another process creates it at the same moment. A file (or anything
    but a folder) in its place raises NotADirectoryError.
    """
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError:  # a file in its place (or above it), or made this very moment
        if folder.is_dir():
            return  # another process made it at the same moment: it sets its mode
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)) from None
    if os.name == "posix":
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask


def private_file(path: Path) -> None:
    """Create ``path`` empty if missing; on POSIX make it 0600.

    SQLite gives its ``-wal`` and ``-shm`` files the mode of the database
    file, so setting it here covers them too.
    """
    if not path.exists():
        with contextlib.suppress(FileExistsError):  # made at this moment by another process
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    if os.name == "posix":
        os.chmod(path, 0o600)


def sync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX; Windows has no folder fsync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
