"""A short lock around creating and migrating the history, across processes.

Two commands started at once on a new folder (``simulate`` twice, a command
and the window) would both find an empty file and both create the tables
("table sessions already exists"). :func:`opening_lock` makes the second wait
until the first has created or migrated the file; it then finds it up to date.

The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on
Windows) on a small file in the data folder: the kernel releases it when the
holder dies, so a crash or a kill never leaves it stuck. It is held only for
the checks and migrations on open, never while the history is in use (the
window's own lock is ``backcompanion.instance``'s).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

OPENING_LOCK = ".opening.lock"
WAIT_S = 120.0  # a migration of ten years of history takes about a second: this is generous


@contextmanager
def opening_lock(data_dir: Path, wait_s: float = WAIT_S) -> Iterator[None]:
    """Hold the opening lock of ``data_dir`` (which must exist) for the block.

    Raises TimeoutError when another process holds it for longer than ``wait_s``.
    A folder the lock file cannot be created in (read-only) is not locked:
    nothing can be created or migrated there either.
    """
    path = Path(data_dir) / OPENING_LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield  # nothing can be written here: nothing to race for
        return
    try:
        _lock(fd, wait_s)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


if os.name == "posix":
    import fcntl

    def _lock(fd: int, wait_s: float) -> None:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError("another process is opening the history") from None
                time.sleep(0.02)  # waiting for another process, not for time to pass

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

else:  # Windows
    import msvcrt

    def _lock(fd: int, wait_s: float) -> None:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError("another process is opening the history") from None
                time.sleep(0.02)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
