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

import contextlib
import errno
import os
import socket
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier, Signal

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


def _sha256(data: bytes):
    """SHA-256 from Python's own implementation where it has one: ``hashlib`` would load
    OpenSSL (~3 MB resident, ~3 ms) at every start for this one short digest."""
    try:
        from _sha2 import sha256  # Python 3.12 and later
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:  # a Python built without them
            from hashlib import sha256
    return sha256(data)


def socket_path(folder: Path) -> Path | None:
    """The window's socket for ``folder``: the same for every start on this folder by this
    user, in a folder only this user can enter; None where there are no local sockets."""
    if not hasattr(socket, "AF_UNIX") or not hasattr(os, "getuid"):
        return None
    key = str(Path(folder).resolve())
    digest = _sha256(f"{os.getuid()}\0{key}".encode()).hexdigest()[:20]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    base = Path(runtime) if runtime and os.path.isabs(runtime) else None
    if base is None or not _private_dir(base):
        base = Path(tempfile.gettempdir()) / f"backcompanion-{os.getuid()}"
        with contextlib.suppress(FileExistsError):
            base.mkdir(mode=0o700)
        if not _private_dir(base):
            return None  # someone else's, or open to others: no socket there
    return base / f"backcompanion-{digest}.sock"


def _private_dir(path: Path) -> bool:
    """A real folder of this user's that nobody else may enter."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077


def folder_lock(folder: Path) -> QLockFile:
    """The lock of ``folder`` (not taken). A lock whose holder died is stale at once."""
    lock = QLockFile(str(Path(folder) / LOCK_FILE))
    lock.setStaleLockTime(0)  # only a dead holder makes it stale, never its age
    return lock


def _ask(folder: Path, message: bytes, timeout_s: float = 2.0) -> bool:
    """Send ``message`` to the window on ``folder``; True when it answered."""
    path = socket_path(folder)
    if path is None:
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout_s)
        try:
            client.connect(str(path))
            client.sendall(message)
            answer = b""
            while not answer.endswith(b"\n") and len(answer) < 16:
                got = client.recv(16)
                if not got:
                    break
                answer += got
        except OSError:  # no window (no socket, or one a crash left), or it did not answer
            return False
    return answer == ANSWER


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
    folder asks this one to come to the front. The socket is a local (Unix) one
    in a folder only this user can enter; the app opens no network socket.
    """

    raiseRequested = Signal()

    def __init__(self, folder: Path, lock: QLockFile, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = folder
        self._lock = lock
        self._server: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self.path = socket_path(folder)
        self.listening = self.path is not None and self._listen(self.path)

    def _listen(self, path: Path) -> bool:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # a socket left by a crash: the lock is ours now
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(str(path))
            os.chmod(path, 0o600)
            server.listen(4)
            server.setblocking(False)
        except OSError:
            server.close()
            return False
        self._server = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_connection)
        return True

    def _on_connection(self) -> None:
        if self._server is None:
            return
        try:
            conn, _ = self._server.accept()
        except OSError:  # BlockingIOError: another wake-up took it
            return
        with conn:
            conn.settimeout(1.0)  # a caller writes its line at once
            try:
                line = conn.recv(16)
                conn.sendall(ANSWER)
            except OSError:
                return
        if line == RAISE:
            self.raiseRequested.emit()

    def release(self) -> None:
        """Stop listening and unlock the folder. Safe to call twice."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._server is not None:
            self._server.close()
            self._server = None
            if self.path is not None:
                with contextlib.suppress(OSError):
                    self.path.unlink()
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
