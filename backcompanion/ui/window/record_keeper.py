"""What the person does reaches the disk, even when the disk says no for a while.

A session's records go through a :class:`RecordWriter`: a failed write keeps
them in memory and they are retried every few seconds (and with each new
snapshot) until the disk takes them. An answer given between sessions is saved
at once; a failed write is said on the status line and the page stays, so the
answer can be given again.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from backcompanion.companion import RecordWriter
from backcompanion.history import Store, StoreError
from backcompanion.i18n import translate

RETRY_WRITE_MS = 5000
log = logging.getLogger(__name__)


class RecordKeeper(QObject):
    """Hands each session its writer and keeps retrying what a failed write left behind.

    ``tell`` shows one sentence to the person (the window's status line).
    """

    def __init__(self, store: Store, tell: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._tell = tell
        self._writer: RecordWriter | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_WRITE_MS)
        self._retry.timeout.connect(self.flush)

    @property
    def pending(self) -> int:
        """How many records wait in memory for the disk."""
        return self._writer.pending if self._writer is not None else 0

    def session_writer(self) -> RecordWriter:
        """The writer for a session about to start or resume."""
        # a writer still holding records from a failed write keeps them (and goes on)
        if self._writer is None or not self._writer.pending:
            self._writer = RecordWriter(self._store, on_failure=self._tell)
        return self._writer

    def flush(self) -> bool:
        """Write what a failed write left in memory; True when nothing waits any more."""
        writer = self._writer
        if writer is None or not writer.pending:
            return True
        if writer.flush():
            self._tell(translate("MainWindow", "Everything is saved again."))
            return True
        self._retry.start()
        return False

    def save(self, write: Callable[[], object]) -> bool:
        """An answer given outside a session, saved at once; a failed write is said, not raised."""
        try:
            write()
        except (sqlite3.Error, OSError, StoreError):
            log.warning("could not save an answer", exc_info=True)
            self._tell(
                translate(
                    "MainWindow",
                    "Your answer could not be saved (the disk may be full or read-only). "
                    "Please try again.",
                )
            )  # the page stays, so the answer can be given again
            return False
        return True

    def stop(self) -> None:
        """No more retries (the window closes)."""
        self._retry.stop()
