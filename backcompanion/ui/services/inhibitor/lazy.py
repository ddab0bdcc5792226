"""An inhibitor made at its first use: the platform's back-end (and on Linux, QtDBus) loads
when a session first asks to keep the screen awake, not at start-up (ARCHITECTURE §10)."""

from __future__ import annotations

from collections.abc import Callable

from backcompanion.ui.services.inhibitor import Inhibitor


class LazyInhibitor:
    """Stands for ``make()``'s inhibitor, calling ``make`` the first time it is needed:
    :meth:`inhibit` or :attr:`name`. Before that it is not active and releasing does
    nothing (nothing is held)."""

    def __init__(self, make: Callable[[], Inhibitor]):
        self._make = make
        self._real: Inhibitor | None = None

    def _inhibitor(self) -> Inhibitor:
        if self._real is None:
            self._real = self._make()
        return self._real

    @property
    def made(self) -> bool:
        """Whether the real inhibitor exists yet."""
        return self._real is not None

    @property
    def name(self) -> str:
        return self._inhibitor().name

    @property
    def active(self) -> bool:
        return self._real is not None and bool(self._real.active)

    def inhibit(self, reason: str) -> bool:
        return self._inhibitor().inhibit(reason)

    def release(self) -> None:
        if self._real is not None:
            self._real.release()
