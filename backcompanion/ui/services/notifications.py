"""Desktop notifications on Linux: the freedesktop notification service over D-Bus.

Most Linux desktops run a notification server on the session bus,
``org.freedesktop.Notifications`` (GNOME Shell, Plasma, dunst, mako, xfce4-notifyd...),
whether or not they have a system tray: GNOME without extensions and most tiling
window managers have none. :class:`DesktopNotifier` sends the reminder there:

- ``GetCapabilities() -> as``, asked before each notification: the service may
  have started, stopped or been replaced since the last one;
- ``Notify(app, replaces_id, icon, summary, body, actions, hints, timeout) -> id``
  with the app's name, its icon (:func:`server_icon`), the reminder, and,
  where the capabilities list ``actions``, a "Start now" button (key ``start``)
  and the default action (key ``default``: a click on the notification);
- the signals ``ActionInvoked(id, key)``: :attr:`DesktopNotifier.actionInvoked`
  with ``start`` or ``default``, for a notification of ours; and
  ``NotificationClosed(id, reason)``: the notification is forgotten (a later
  action on it is ignored), :attr:`DesktopNotifier.closed` says why.

The calls block with a short timeout, like the screen-awake inhibitor's
(inhibitor/linux_dbus.py: the same PySide6 details decide how they are made: a
``uint`` argument only goes out as one through a ``QDBusInterface``, whose
methods Qt builds from the interface's introspection). They are made once per
reminder, a few times a day.

One more detail, found against dunst: a server written with GLib (dunst, GNOME
Shell) introspects ``Notify``'s hints as a plain ``a{sv}``, which QtDBus maps to
no Qt type without a Qt annotation, so the interface it builds has no callable
``Notify``. QtDBus builds an interface's methods once per connection and
interface name, from the first introspection it reads; so before the first call
:func:`_teach_shape` has it read the interface's shape from a small object of
ours (:class:`_Shape`, the same methods with Qt's types), exported on the same
connection for that moment only. The server is then called with these types,
which are the specification's.

Where nothing answers (no session bus, no service) :meth:`notify` returns False
and the caller falls back to the tray, then to the window's status line
(tray.py). Windows and macOS have no such service: :func:`make_notifier` gives
None there and the tray's message is used.
"""

from __future__ import annotations

import logging
import sys

import shiboken6
from PySide6.QtCore import (
    Q_ARG,
    Q_RETURN_ARG,
    SLOT,
    ClassInfo,
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusInterface, QDBusMessage
from PySide6.QtGui import QIcon

from backcompanion import APP_NAME, resources
from backcompanion.i18n import translate
from backcompanion.ui.services.inhibitor.linux_dbus import session_bus_address_known

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
INTROSPECTABLE = "org.freedesktop.DBus.Introspectable"
ICON_NAME = "io.github.backcompanion.BackCompanion"  # the desktop file's Icon= (and its id)
DESKTOP_ENTRY = "io.github.backcompanion.BackCompanion"
START = "start"  # the action key of "Start now"
DEFAULT = "default"  # the action key of a click on the notification itself
TIMEOUT_MS = 2000  # a desktop service answers within milliseconds
SHOW_MS = 15_000  # how long the notification stays (where the server honours it)
CLOSE_REASONS = {1: "expired", 2: "dismissed", 3: "closed by the app", 4: "undefined"}
# the service's signals and the slots that receive them
SIGNALS = {
    "ActionInvoked": "_on_action(uint,QString)",
    "NotificationClosed": "_on_closed(uint,uint)",
}


class DesktopNotifier(QObject):
    """The freedesktop notification service on ``bus`` (None: the session bus).

    :meth:`notify` shows one notification and says whether the service took it.
    """

    actionInvoked = Signal(str)  # START or DEFAULT, for one of our notifications
    closed = Signal(object, str)  # notification id (a uint), why ("expired", "dismissed"...)

    def __init__(
        self,
        bus: QDBusConnection | None = None,
        *,
        app_name: str = APP_NAME,
        icon: str = "",
        timeout_ms: int = TIMEOUT_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._bus = bus
        self._app_name = app_name
        self._icon = icon or server_icon()
        self._timeout_ms = timeout_ms
        self._listening: QDBusConnection | None = None
        self.shown: set[int] = set()  # ids of our notifications still on screen
        self.last_id: int | None = None
        self.capabilities: tuple[str, ...] = ()  # as the service last said

    # ---- what the tray asks ----

    def notify(self, summary: str, body: str) -> bool:
        """Show ``summary``/``body``; True when the service took it (False: fall back)."""
        bus = self._connection()
        if bus is None:
            return False
        iface = self._interface(bus)
        if iface is None:
            return False
        caps = self._capabilities(iface)
        if caps is None:
            return False
        actions: list[str] = []
        if "actions" in caps:
            actions = [DEFAULT, translate("TrayController", "Open"), START, self.start_text()]
        self._listen(bus)
        hints = {"desktop-entry": DESKTOP_ENTRY}
        try:
            nid = QMetaObject.invokeMethod(
                iface,
                "Notify",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("uint"),
                Q_ARG(str, self._app_name),
                Q_ARG("uint", 0),
                Q_ARG(str, self._icon),
                Q_ARG(str, summary),
                Q_ARG(str, body),
                Q_ARG("QStringList", actions),
                Q_ARG("QVariantMap", hints),
                Q_ARG(int, SHOW_MS),
            )
        except RuntimeError as exc:  # PySide raises when the call cannot be made at all
            log.info("%s.Notify could not be called: %s", SERVICE, exc)
            return False
        error = iface.lastError()
        if error.isValid() or not isinstance(nid, int):
            log.info("%s.Notify failed: %s", SERVICE, error.message() or repr(nid))
            return False
        self.shown.add(nid)
        self.last_id = nid
        log.debug("%s.Notify: id %d, actions %s", SERVICE, nid, actions[::2])
        return True

    def close(self) -> None:
        """Stop following the service's signals, then delete this object, here, in the
        thread that holds Python's lock (call it once, last).

        QtDBus links every object that receives a bus signal to the connection. Were
        the connection to go while this object lives (at exit, in a test), Qt would
        unlink it on its own D-Bus thread, which then waits for Python's lock, which
        the main thread may hold in a blocking D-Bus call: a deadlock (seen in the
        tests). Deleting it here unlinks it on this thread.
        """
        bus, self._listening = self._listening, None
        if bus is not None and bus.isConnected():
            for name, slot in SIGNALS.items():
                bus.disconnect(SERVICE, PATH, INTERFACE, name, self, SLOT(slot))
        shiboken6.delete(self)

    @staticmethod
    def start_text() -> str:
        return translate("DesktopNotifier", "Start now")

    # ---- D-Bus ----

    def _connection(self) -> QDBusConnection | None:
        if self._bus is None:
            if QCoreApplication.instance() is None or not session_bus_address_known():
                log.info("no D-Bus session bus: no desktop notifications")
                return None
            bus = QDBusConnection.sessionBus()
        else:
            bus = self._bus
        if not bus.isConnected():
            log.info("the D-Bus session bus is not reachable: %s", bus.lastError().message())
            return None
        return bus

    def _interface(self, bus: QDBusConnection) -> QDBusInterface | None:
        _teach_shape(bus)
        # introspect first, with our short timeout: "no service" and "not answering" are
        # told apart without the proxy's own 25 s wait (as the inhibitor does)
        probe = QDBusMessage.createMethodCall(SERVICE, PATH, INTROSPECTABLE, "Introspect")
        reply = bus.call(probe, QDBus.CallMode.Block, self._timeout_ms)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            log.info("%s is not available: %s", SERVICE, reply.errorName() or "no reply")
            return None
        iface = QDBusInterface(SERVICE, PATH, INTERFACE, bus)
        if (
            not iface.isValid()
            or iface.metaObject().indexOfMethod(
                "Notify(QString,uint,QString,QString,QString,QStringList,QVariantMap,int)"
            )
            < 0
        ):
            log.info("%s at %s has no usable Notify", INTERFACE, PATH)
            return None
        iface.setTimeout(self._timeout_ms)
        return iface

    def _capabilities(self, iface: QDBusInterface) -> tuple[str, ...] | None:
        reply = iface.call("GetCapabilities")
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            log.info("%s.GetCapabilities failed: %s", SERVICE, reply.errorMessage())
            return None
        self.capabilities = tuple(str(c) for c in reply.arguments()[0])
        return self.capabilities

    def _listen(self, bus: QDBusConnection) -> None:
        """Follow the service's two signals (once per connection)."""
        if self._listening is not None and self._listening.name() == bus.name():
            return
        ok = all(
            bus.connect(SERVICE, PATH, INTERFACE, name, self, SLOT(slot))
            for name, slot in SIGNALS.items()
        )
        if not ok:
            log.info("cannot follow %s's signals: %s", SERVICE, bus.lastError().message())
        self._listening = bus

    @Slot("uint", str)
    def _on_action(self, nid: int, key: str) -> None:
        if nid not in self.shown:
            return  # another app's notification (the signals go to every listener)
        log.info("notification %d: action %r", nid, key)
        if key in (START, DEFAULT):
            self.actionInvoked.emit(key)

    @Slot("uint", "uint")
    def _on_closed(self, nid: int, reason: int) -> None:
        if nid not in self.shown:
            return
        self.shown.discard(nid)
        why = CLOSE_REASONS.get(reason, "undefined")
        log.debug("notification %d closed: %s", nid, why)
        self.closed.emit(nid, why)


def server_icon() -> str:
    """The icon to name in ``Notify``: the installed theme icon (the desktop file's
    ``Icon=``), else the absolute path of the app's own SVG (not installed: a
    source checkout, a one-folder bundle), which the specification also allows."""
    if QIcon.hasThemeIcon(ICON_NAME):
        return ICON_NAME
    try:
        return str(resources.path("icons/backcompanion.svg"))
    except resources.ResourceError:
        return ICON_NAME


@ClassInfo({"D-Bus Interface": INTERFACE})
class _Shape(QObject):
    """The specification's methods with Qt's types (``a{sv}`` is a QVariantMap): only
    introspected (module doc), never called."""

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return []

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout) -> int:
        return 0

    @Slot("uint")
    def CloseNotification(self, nid: int) -> None:
        pass


_taught: set[str] = set()  # the connections (by name) that know the interface's shape
SHAPE_PATH = "/io/github/backcompanion/NotificationsShape"


def _teach_shape(bus: QDBusConnection) -> None:
    """Have QtDBus read the interface from :class:`_Shape` before any server's (once per
    connection): it keeps the first shape it reads for an interface name."""
    if bus.name() in _taught:
        return
    shape = _Shape()
    if bus.registerObject(SHAPE_PATH, shape, QDBusConnection.RegisterOption.ExportAllSlots):
        try:
            local = QDBusInterface(bus.baseService(), SHAPE_PATH, INTERFACE, bus)
            if local.isValid():
                _taught.add(bus.name())
            else:
                log.info("could not read our own %s shape: %s", INTERFACE, local.lastError())
        finally:
            bus.unregisterObject(SHAPE_PATH)
    shiboken6.delete(shape)  # here and now, not on the D-Bus thread (DesktopNotifier.close)


def make_notifier(platform: str = sys.platform) -> DesktopNotifier | None:
    """The desktop's notification service where there is one to ask (Linux and the BSDs);
    None on Windows and macOS, whose tray message is the notification."""
    if platform.startswith(("win", "darwin")):
        return None
    return DesktopNotifier()
