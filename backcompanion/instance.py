"""One app per data folder (docs/ARCHITECTURE.md §12).

The window holds a lock in the data folder (``QLockFile``: it names its
holder's process, and a lock whose process is gone, after a crash or a
``kill -9``, is taken over at once) and listens on a local socket only this
user can reach, named after the folder. A second start of the window on the
same folder finds the lock held, asks the first window to come to the front
through the socket, and exits.

Commands that write (``simulate``, ``plan import``) take the same lock for as
long as they write (:func:`hold_for_writing`): while the window holds it they
refuse with one line; while another command holds it they wait their turn.
Commands that only read (the exports, ``program``) take no lock and work
alongside the window.
"""

from __future__ import annotations

import errno
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from backcompanion.history.paths import private_folder
from backcompanion.i18n import translate

LOCK_FILE = "backcompanion.lock"
RAISE = b"raise\n"  # the second window to the first: come to the front
PING = b"ping\n"  # a command to the window: are you there?
ANSWER = b"ok\n"
COMMAND_WAIT_S = 120.0  # how long a command waits for another command to finish writing
POLL_MS = 200  # between tries of the lock (each try waits this long on the lock itself)


class FolderInUse(Exception):
    """The folder is held by the window (or, for too long, by another command): one line."""


def server_name(folder: Path) -> str:
    """The local socket's name: the same for every start on this folder by this user."""
    key = str(Path(folder).resolve())
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{key}".encode()).hexdigest()[:20]
    return f"backcompanion-{digest}"


def folder_lock(folder: Path) -> QLockFile:
    """The lock of ``folder`` (not taken). A lock whose holder died is stale at once."""
    lock = QLockFile(str(Path(folder) / LOCK_FILE))
    lock.setStaleLockTime(0)  # only a dead holder makes it stale, never its age
    return lock


def _ask(folder: Path, message: bytes, timeout_ms: int = 2000) -> bool:
    """Send ``message`` to the window on ``folder``; True when it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(message)
        socket.waitForBytesWritten(timeout_ms)
        answer = b""
        deadline = time.monotonic() + timeout_ms / 1000
        while not answer.endswith(b"\n") and time.monotonic() < deadline:
            if not socket.waitForReadyRead(timeout_ms):
                break
            answer += bytes(socket.readAll().data())
        return answer == ANSWER
    finally:
        socket.abort()


def window_answers(folder: Path) -> bool:
    """Whether a window is running on ``folder`` (it answers on its socket)."""
    return _ask(folder, PING)


def ask_window_to_raise(folder: Path) -> bool:
    """Ask the window running on ``folder`` to come to the front; True when it did."""
    return _ask(folder, RAISE)


def lock_folder(lock: QLockFile, folder: Path, wait_s: float, give_up: Callable[[], bool]) -> bool:
    """Try the lock until it is ours (True), ``give_up()`` says so, or ``wait_s`` passed."""
    deadline = time.monotonic() + wait_s
    while True:
        if lock.tryLock(POLL_MS):
            return True
        if lock.error() == QLockFile.LockError.PermissionError:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))
        if lock.error() != QLockFile.LockError.LockFailedError:
            raise OSError(
                translate("Instance", "{folder}: the folder's lock cannot be made").format(
                    folder=folder
                )
            )
        if give_up() or time.monotonic() > deadline:
            return False


def lock_for_writing(folder: Path, wait_s: float = COMMAND_WAIT_S) -> QLockFile:
    """Take ``folder``'s lock for a command that writes to its history (module doc).

    Creates the folder if needed; the caller unlocks the lock it gets. Raises
    :class:`FolderInUse` when the window holds it, or another command held it for
    longer than ``wait_s``; OSError when the folder cannot be made or locked.
    """
    folder = Path(folder)
    private_folder(folder)
    lock = folder_lock(folder)
    window = False

    def window_is_there() -> bool:
        nonlocal window
        window = window_answers(folder)
        return window

    if lock_folder(lock, folder, wait_s, window_is_there):
        return lock
    if window:
        raise FolderInUse(
            translate(
                "Instance",
                "BackCompanion is open on {folder}: close its window first, then try again",
            ).format(folder=folder)
        )
    raise FolderInUse(
        translate("Instance", "another BackCompanion command is still writing to {folder}").format(
            folder=folder
        )
    )


@contextmanager
def hold_for_writing(folder: Path, wait_s: float = COMMAND_WAIT_S) -> Iterator[None]:
    """Hold ``folder`` while a command writes to its history: :func:`lock_for_writing`."""
    lock = lock_for_writing(folder, wait_s)
    try:
        yield
    finally:
        lock.unlock()


class WindowClaim(QObject):
    """The window's hold on its data folder: the lock, and the socket a second start calls.

    :attr:`raiseRequested` fires when another start of the window on the same
    folder asks this one to come to the front.
    """

    raiseRequested = Signal()

    def __init__(self, folder: Path, lock: QLockFile, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = folder
        self._lock = lock
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(folder)
        QLocalServer.removeServer(name)  # a socket left by a crash: we hold the lock now
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_message(socket)

    def _on_message(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        socket.write(ANSWER)
        socket.flush()
        if line == RAISE:
            self.raiseRequested.emit()

    def release(self) -> None:
        """Stop listening and unlock the folder. Safe to call twice."""
        self.server.close()
        if self._lock.isLocked():
            self._lock.unlock()


class Outcome:
    """What :func:`claim_for_window` found."""

    CLAIMED = "claimed"  # this window holds the folder
    RAISED = "raised"  # another window holds it and came to the front: exit
    BUSY = "busy"  # another process holds it and did not let go


def claim_for_window(folder: Path, wait_s: float = 10.0) -> tuple[str, WindowClaim | None]:
    """Claim ``folder`` for the window, or bring up the window that has it (module doc).

    Returns ``(Outcome.CLAIMED, claim)``, ``(Outcome.RAISED, None)`` or
    ``(Outcome.BUSY, None)``: a command held the folder for ``wait_s``. Raises
    OSError when the folder cannot be made or locked.
    """
    folder = Path(folder)
    private_folder(folder)
    lock = folder_lock(folder)
    raised = False

    def other_window_came_up() -> bool:
        nonlocal raised
        raised = ask_window_to_raise(folder)
        return raised

    if lock_folder(lock, folder, wait_s, other_window_came_up):
        return Outcome.CLAIMED, WindowClaim(folder, lock)
    return (Outcome.RAISED if raised else Outcome.BUSY), None
