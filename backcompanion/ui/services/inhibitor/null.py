"""The backend that does nothing: where no other can work, the app runs on without it."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class NullInhibitor:
    """Never keeps the screen awake; says so once in the log, never complains."""

    name = "none"

    def __init__(self, why: str = "not available"):
        self.why = why
        self._said = False

    @property
    def active(self) -> bool:
        return False

    def inhibit(self, reason: str) -> bool:
        if not self._said:
            self._said = True
            log.info("keeping the screen awake is not available: %s", self.why)
        return False

    def release(self) -> None:
        pass
