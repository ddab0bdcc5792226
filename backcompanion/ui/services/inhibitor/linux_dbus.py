"""Linux (and the BSDs): ask the desktop over D-Bus to leave the screen on.

``org.freedesktop.ScreenSaver.Inhibit(app, reason) -> cookie`` and
``UnInhibit(cookie)`` on the session bus (KDE Plasma, Xfce, LXQt, Cinnamon,
MATE, xscreensaver's systemd bridge and others). Inside Flatpak, and as a
fallback where no screen saver service answers (GNOME), the portal:
``org.freedesktop.portal.Inhibit.Inhibit(window, flags, options) -> handle``
with the idle flag, released by ``org.freedesktop.portal.Request.Close`` on
the returned handle.

Crash safety: both services tie an inhibition to the caller's bus connection
and drop it when that connection closes, which the bus does when the process
ends for any reason. Nothing has to run at a crash for the screen to blank again.

Two details of PySide6 decide how the calls are made:

- both methods take a D-Bus ``uint32`` (the cookie, the flags), but a Python
  ``int`` in ``QDBusMessage.setArguments`` is sent as ``int32``, which the
  services refuse ("no such method ... signature 'i'"); so the calls go
  through a ``QDBusInterface``, whose methods Qt builds from the service's
  introspection with the right types, invoked with ``Q_ARG("uint", ...)``;
- the calls block, with a short timeout (:data:`TIMEOUT_MS`): they are made
  a few times a session, at the opening check-in, a pause and the end, and a
  desktop service answers within milliseconds.

Where it cannot work (no session bus, no service, a service that does not
answer) it logs one line at debug or info level and returns False: never an
exception, never a Qt warning, and it never makes libdbus start a bus.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Mapping

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QCoreApplication, QMetaObject, Qt
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusInterface, QDBusMessage

from backcompanion import APP_NAME

log = logging.getLogger(__name__)

SCREENSAVER = "org.freedesktop.ScreenSaver"
SCREENSAVER_PATH = "/org/freedesktop/ScreenSaver"
PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
PORTAL_INHIBIT = "org.freedesktop.portal.Inhibit"
PORTAL_REQUEST = "org.freedesktop.portal.Request"
INTROSPECTABLE = "org.freedesktop.DBus.Introspectable"
PORTAL_IDLE = 8  # the portal's flag for "inhibit idleness" (1 logout, 2 user switch, 4 suspend)
TIMEOUT_MS = 2000  # a desktop service answers within milliseconds


def session_bus_address_known(environ: Mapping[str, str] | None = None) -> bool:
    """Whether libdbus would find a session bus without starting one.

    ``DBUS_SESSION_BUS_ADDRESS``, or the systemd user bus socket
    ``$XDG_RUNTIME_DIR/bus``. Without either, libdbus would try to "autolaunch"
    a new bus (with ``$DISPLAY`` set), which a screen saver is never on.
    """
    env = os.environ if environ is None else environ
    if env.get("DBUS_SESSION_BUS_ADDRESS", "").strip():
        return True
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if not runtime:
        return False
    try:
        return stat.S_ISSOCK(os.stat(os.path.join(runtime, "bus")).st_mode)
    except OSError:
        return False


class DBusInhibitor:
    """The screen saver's or the portal's inhibition, on ``bus`` or the session bus.

    ``portal_only`` (inside Flatpak) skips ``org.freedesktop.ScreenSaver``.
    ``name`` says which of the two is used (or was tried last).
    """

    def __init__(
        self,
        bus: QDBusConnection | None = None,
        *,
        portal_only: bool = False,
        app_name: str | None = None,
        timeout_ms: int = TIMEOUT_MS,
    ):
        self._bus = bus  # None: the session bus, opened at the first inhibit()
        self._portal_only = portal_only
        self._app_name = app_name
        self._timeout_ms = timeout_ms
        self.name = PORTAL_INHIBIT if portal_only else SCREENSAVER
        self._iface: QDBusInterface | None = None  # the screen saver holding our cookie
        self._cookie: int | None = None
        self._handle: str | None = None  # the portal's request object path
        self._handle_bus: QDBusConnection | None = None

    @property
    def active(self) -> bool:
        return self._cookie is not None or self._handle is not None

    def inhibit(self, reason: str) -> bool:
        if self.active:
            return True
        bus = self._connection()
        if bus is None:
            return False
        if not self._portal_only and self._screensaver_inhibit(bus, reason):
            self.name = SCREENSAVER
            return True
        if self._portal_inhibit(bus, reason):
            self.name = PORTAL_INHIBIT
            return True
        return False

    def release(self) -> None:
        if self._cookie is not None:
            iface, cookie = self._iface, self._cookie
            self._iface = self._cookie = None
            self._screensaver_release(iface, cookie)
        if self._handle is not None:
            bus, handle = self._handle_bus, self._handle
            self._handle_bus = self._handle = None
            self._portal_release(bus, handle)

    # ---- the bus ----

    def _connection(self) -> QDBusConnection | None:
        if self._bus is None:
            if QCoreApplication.instance() is None:
                log.debug("no QCoreApplication yet: not opening the session bus")
                return None
            if not session_bus_address_known():
                log.info("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)")
                return None
            bus = QDBusConnection.sessionBus()
        else:
            bus = self._bus
        if not bus.isConnected():
            log.info("the D-Bus session bus is not reachable: %s", bus.lastError().message())
            return None
        return bus

    def _interface(
        self, bus: QDBusConnection, service: str, path: str, interface: str, method: str
    ) -> QDBusInterface | None:
        """A proxy for ``interface`` that has ``method``, or None (and a log line).

        Introspecting first, with our short timeout, tells "no such service"
        and "not answering" apart without the proxy's own 25 s default wait.
        """
        probe = QDBusMessage.createMethodCall(service, path, INTROSPECTABLE, "Introspect")
        reply = bus.call(probe, QDBus.CallMode.Block, self._timeout_ms)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            log.info("%s is not available: %s", service, reply.errorName() or reply.errorMessage())
            return None
        iface = QDBusInterface(service, path, interface, bus)
        if not iface.isValid():
            log.info("%s at %s is not usable: %s", interface, path, iface.lastError().message())
            return None
        if iface.metaObject().indexOfMethod(method) < 0:
            log.info("%s at %s has no method %s", interface, path, method)
            return None
        iface.setTimeout(self._timeout_ms)
        return iface

    def _app(self) -> str:
        if self._app_name:
            return self._app_name
        app = QCoreApplication.instance()
        return (app.applicationName() if app is not None else "") or APP_NAME

    # ---- org.freedesktop.ScreenSaver ----

    def _screensaver_inhibit(self, bus: QDBusConnection, reason: str) -> bool:
        iface = self._interface(
            bus, SCREENSAVER, SCREENSAVER_PATH, SCREENSAVER, "Inhibit(QString,QString)"
        )
        if iface is None or iface.metaObject().indexOfMethod("UnInhibit(uint)") < 0:
            return False
        try:
            cookie = QMetaObject.invokeMethod(
                iface,
                "Inhibit",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("uint"),
                Q_ARG(str, self._app()),
                Q_ARG(str, reason),
            )
        except RuntimeError as exc:  # PySide raises when the call cannot be made at all
            log.info("%s.Inhibit could not be called: %s", SCREENSAVER, exc)
            return False
        error = iface.lastError()
        if error.isValid() or not isinstance(cookie, int):
            log.info("%s.Inhibit failed: %s", SCREENSAVER, error.message() or repr(cookie))
            return False
        self._iface, self._cookie = iface, cookie
        log.debug("%s.Inhibit: cookie %d", SCREENSAVER, cookie)
        return True

    def _screensaver_release(self, iface: QDBusInterface, cookie: int) -> None:
        try:
            QMetaObject.invokeMethod(
                iface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
            )
        except RuntimeError as exc:
            log.info("%s.UnInhibit could not be called: %s", SCREENSAVER, exc)
            return
        error = iface.lastError()
        if error.isValid():  # the service went away: the inhibition went with it
            log.info("%s.UnInhibit(%d) failed: %s", SCREENSAVER, cookie, error.message())
        else:
            log.debug("%s.UnInhibit(%d)", SCREENSAVER, cookie)

    # ---- the portal ----

    def _portal_inhibit(self, bus: QDBusConnection, reason: str) -> bool:
        iface = self._interface(
            bus, PORTAL, PORTAL_PATH, PORTAL_INHIBIT, "Inhibit(QString,uint,QVariantMap)"
        )
        if iface is None:
            return False
        try:
            handle = QMetaObject.invokeMethod(
                iface,
                "Inhibit",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("QDBusObjectPath"),
                Q_ARG(str, ""),  # no parent window identifier
                Q_ARG("uint", PORTAL_IDLE),
                Q_ARG("QVariantMap", {"reason": reason}),
            )
        except RuntimeError as exc:
            log.info("%s.Inhibit could not be called: %s", PORTAL_INHIBIT, exc)
            return False
        error = iface.lastError()
        path = handle.path() if hasattr(handle, "path") else ""
        if error.isValid() or not path or path == "/":
            log.info("%s.Inhibit failed: %s", PORTAL_INHIBIT, error.message() or repr(handle))
            return False
        self._handle_bus, self._handle = bus, path
        log.debug("%s.Inhibit: request %s", PORTAL_INHIBIT, path)
        return True

    def _portal_release(self, bus: QDBusConnection, handle: str) -> None:
        close = QDBusMessage.createMethodCall(PORTAL, handle, PORTAL_REQUEST, "Close")
        reply = bus.call(close, QDBus.CallMode.Block, self._timeout_ms)
        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            log.info("%s.Close on %s failed: %s", PORTAL_REQUEST, handle, reply.errorMessage())
        else:
            log.debug("%s.Close on %s", PORTAL_REQUEST, handle)
