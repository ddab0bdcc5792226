"""A fake ``org.freedesktop.Notifications`` on a private bus, for ``test_notifications.py``.

The notification server a desktop runs (dunst, GNOME Shell, Plasma...) as a QObject
exported with QtDBus, in a process of its own (``fake_screensaver.py`` says why the
server cannot live in the test process), on the test's own ``dbus-daemon``
(:class:`fake_screensaver.PrivateBus`):

- ``GetCapabilities() -> as``: ``body`` and, unless ``--no-actions``, ``actions``;
- ``Notify(s app, u replaces, s icon, s summary, s body, as actions, a{sv} hints,
  i timeout) -> u id``;
- ``CloseNotification(u id)``.

Its introspection is the XML a GLib-based server (dunst, GNOME Shell) gives: no Qt
type annotations. (A Qt-generated one would tell a Qt client that ``a{sv}`` is a
QVariantMap, which dunst's does not: the fake must not be kinder than the real.)

Every call is written as one JSON line to the log before the reply. With
``--invoke KEY`` the server then acts like a person clicking the notification's
button: it emits ``ActionInvoked(id, KEY)`` and ``NotificationClosed(id, 2)``
(2: dismissed by the user); with ``--expire`` it emits only
``NotificationClosed(id, 1)`` (1: expired).

    python fake_notifications.py ADDRESS LOG [--no-actions] [--invoke KEY] [--expire]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
FIRST_ID = 3_000_000_000  # above 2**31: an id sent back as int32 would not fit
INTROSPECTION = """
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities">
      <arg direction="out" name="capabilities" type="as"/>
    </method>
    <method name="Notify">
      <arg direction="in" name="app_name" type="s"/>
      <arg direction="in" name="replaces_id" type="u"/>
      <arg direction="in" name="app_icon" type="s"/>
      <arg direction="in" name="summary" type="s"/>
      <arg direction="in" name="body" type="s"/>
      <arg direction="in" name="actions" type="as"/>
      <arg direction="in" name="hints" type="a{sv}"/>
      <arg direction="in" name="expire_timeout" type="i"/>
      <arg direction="out" name="id" type="u"/>
    </method>
    <method name="CloseNotification">
      <arg direction="in" name="id" type="u"/>
    </method>
    <signal name="NotificationClosed">
      <arg name="id" type="u"/>
      <arg name="reason" type="u"/>
    </signal>
    <signal name="ActionInvoked">
      <arg name="id" type="u"/>
      <arg name="action_key" type="s"/>
    </signal>
  </interface>
"""  # as dunst 1.9 introspects it (GetServerInformation left out: never called)


class FakeNotifications:
    """The fake server in its own process on ``address``; :meth:`calls` reads its log."""

    def __init__(
        self,
        address: str,
        folder: Path,
        *,
        actions: bool = True,
        invoke: str | None = None,
        expire: bool = False,
    ):
        from fake_screensaver import _end

        self._end = _end
        folder.mkdir(parents=True, exist_ok=True)
        self.log = folder / "notifications.jsonl"
        self.log.write_text("", encoding="utf-8")
        self._errors_path = folder / "fake-notifications.err"
        self._errors = open(self._errors_path, "wb")  # noqa: SIM115 - closed in stop()
        argv = [sys.executable, str(Path(__file__).resolve()), address, str(self.log)]
        if not actions:
            argv.append("--no-actions")
        if invoke:
            argv += ["--invoke", invoke]
        if expire:
            argv.append("--expire")
        self.process = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=self._errors, text=True
        )
        with self.process.stdout:
            ready = self.process.stdout.readline().strip()
        if ready != "ready":
            self.stop()
            raise RuntimeError(f"the fake notification server did not start: {self.errors()}")

    def calls(self) -> list[dict[str, Any]]:
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line]

    def names(self) -> list[str]:
        return [c["call"] for c in self.calls()]

    def errors(self) -> str:
        self._errors.flush()
        return self._errors_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self._end(self.process)
        self._errors.close()


# ---- the fake server's process ------------------------------------------------------------


def main(argv: list[str]) -> int:
    from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QTimer, Signal, Slot
    from PySide6.QtDBus import QDBusConnection

    address, log_path = argv[0], argv[1]
    options = argv[2:]
    with_actions = "--no-actions" not in options
    invoke = options[options.index("--invoke") + 1] if "--invoke" in options else None
    expire = "--expire" in options
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "fake-notifications")
    if not bus.isConnected():
        print(f"cannot connect to {address}: {bus.lastError().message()}", file=sys.stderr)
        return 1
    journal = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - lives as long as the process

    def write(**call: Any) -> None:
        journal.write(json.dumps(call) + "\n")
        journal.flush()

    # introspected as a GLib server (dunst, GNOME Shell) describes itself: no Qt type
    # annotations, so a Qt client does not learn that a{sv} is a QVariantMap from it
    @ClassInfo({"D-Bus Interface": SERVICE, "D-Bus Introspection": INTROSPECTION})
    class Notifications(QObject):
        ActionInvoked = Signal("uint", str)
        NotificationClosed = Signal("uint", "uint")

        def __init__(self) -> None:
            super().__init__()
            self.next_id = FIRST_ID

        @Slot(result="QStringList")
        def GetCapabilities(self) -> list[str]:
            caps = ["body", "actions"] if with_actions else ["body"]
            write(call="GetCapabilities", answer=caps)
            return caps

        @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
        def Notify(self, app_name, replaces, icon, summary, body, actions, hints, timeout):
            self.next_id += 1
            nid = self.next_id
            write(
                call="Notify",
                app=app_name,
                replaces=replaces,
                icon=icon,
                summary=summary,
                body=body,
                actions=list(actions),
                hints={k: str(v) for k, v in hints.items()},
                timeout=timeout,
                id=nid,
            )
            if invoke:
                QTimer.singleShot(0, lambda: self._click(nid, invoke))
            elif expire:
                QTimer.singleShot(0, lambda: self.NotificationClosed.emit(nid, 1))
            return nid

        def _click(self, nid: int, key: str) -> None:
            write(call="emit ActionInvoked", id=nid, key=key)
            self.ActionInvoked.emit(nid, key)
            self.NotificationClosed.emit(nid, 2)

        @Slot("uint")
        def CloseNotification(self, nid: int) -> None:
            write(call="CloseNotification", id=nid)
            self.NotificationClosed.emit(nid, 3)

    server = Notifications()
    export = (
        QDBusConnection.RegisterOption.ExportAllSlots
        | QDBusConnection.RegisterOption.ExportAllSignals
    )
    if not (bus.registerObject(PATH, server, export) and bus.registerService(SERVICE)):
        print(f"cannot register {SERVICE}: {bus.lastError().message()}", file=sys.stderr)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
