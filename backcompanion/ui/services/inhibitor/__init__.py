"""Keep the screen awake while a session runs (docs/ARCHITECTURE.md §4).

A person on the mat touches nothing for 15-25 minutes; without help the desktop
blanks and locks the screen after about five. One backend per platform asks the
system to leave the display on, and a null backend says "not available" where
none works:

- Linux and the BSDs (:mod:`.linux_dbus`): ``org.freedesktop.ScreenSaver``
  ``Inhibit``/``UnInhibit`` on the session bus through QtDBus; inside Flatpak
  (and where no screen saver service answers) the portal's
  ``org.freedesktop.portal.Inhibit`` with the idle flag;
- Windows (:mod:`.windows`): ``SetThreadExecutionState``;
- macOS (:mod:`.macos`): an IOKit ``PreventUserIdleDisplaySleep`` assertion;
- anything else, or a backend that cannot work here (:mod:`.null`): nothing.

Every backend fails quietly: where it cannot work (no session bus, no service,
the wrong platform) :meth:`Inhibitor.inhibit` logs one debug or info line and
returns False. It never raises and never makes Qt print a warning.

Nothing outlives the process: a D-Bus inhibition belongs to the app's bus
connection, which the bus closes when the process ends (the screen saver and
the portal drop the inhibitions of a peer that left), the Windows execution
state belongs to the app's thread and an IOKit assertion to the process. So a
crash releases the screen too; :meth:`Inhibitor.release` is for every other end.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

__all__ = ["FLATPAK_INFO", "Inhibitor", "in_flatpak", "make_inhibitor"]

FLATPAK_INFO = "/.flatpak-info"  # exists inside every Flatpak sandbox


@runtime_checkable
class Inhibitor(Protocol):
    """Keeps the display from blanking or locking for idleness while ``active``."""

    @property
    def name(self) -> str:
        """What does the work, for logs and the about box (e.g. ``org.freedesktop.ScreenSaver``)."""
        ...

    @property
    def active(self) -> bool:
        """True while the screen is being kept awake."""
        ...

    def inhibit(self, reason: str) -> bool:
        """Keep the screen awake; True when it now is. Idempotent: a second call asks nothing."""
        ...

    def release(self) -> None:
        """Let the screen blank again. Idempotent; never raises."""
        ...


def in_flatpak() -> bool:
    return os.path.exists(FLATPAK_INFO)


def make_inhibitor(
    bus: QDBusConnection | None = None,
    *,
    platform: str | None = None,
    flatpak: bool | None = None,
) -> Inhibitor:
    """The backend for this platform (``sys.platform`` unless ``platform`` is given).

    ``bus`` is the D-Bus connection to use on Linux (default: the session bus,
    opened at the first :meth:`~Inhibitor.inhibit`); tests pass one to a private
    bus. ``flatpak`` says whether to use the portal only (default: whether
    ``/.flatpak-info`` exists). Nothing is loaded or connected here; without
    any session bus to find (CI, a bare console) the null backend is returned.
    """
    platform = sys.platform if platform is None else platform
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        from backcompanion.ui.services.inhibitor.linux_dbus import (
            DBusInhibitor,
            session_bus_address_known,
        )

        if bus is None and not session_bus_address_known():
            from backcompanion.ui.services.inhibitor.null import NullInhibitor

            return NullInhibitor("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
        return DBusInhibitor(bus, portal_only=in_flatpak() if flatpak is None else flatpak)
    if platform in ("win32", "cygwin"):
        from backcompanion.ui.services.inhibitor.windows import WindowsInhibitor

        return WindowsInhibitor()
    if platform == "darwin":
        from backcompanion.ui.services.inhibitor.macos import MacInhibitor

        return MacInhibitor()
    from backcompanion.ui.services.inhibitor.null import NullInhibitor

    return NullInhibitor(f"no way to keep the screen awake on {platform}")
