"""A private D-Bus session bus with a fake screen saver and portal, for ``test_inhibitor.py``.

The fake services are QObjects exported with QtDBus (a ``D-Bus Interface``
class info and typed ``@Slot`` s, ``registerObject`` + ``registerService``):

- ``org.freedesktop.ScreenSaver`` at ``/org/freedesktop/ScreenSaver``:
  ``Inhibit(s app, s reason) -> u cookie`` and ``UnInhibit(u cookie)``;
- ``org.freedesktop.portal.Desktop`` at ``/org/freedesktop/portal/desktop``:
  ``org.freedesktop.portal.Inhibit.Inhibit(s window, u flags, a{sv} options) -> o handle``,
  with an ``org.freedesktop.portal.Request`` object at the handle whose
  ``Close()`` ends the inhibition.

They run in a process of their own (``python fake_screensaver.py ADDRESS LOG
[--portal] [--no-screensaver]``), not in the test process: the app's D-Bus
calls block until the reply, and PySide6 keeps the GIL during a blocking
``QDBusConnection.call``, so a Python slot in the same process, even on another
thread with its own connection, cannot answer before the call times out (tried:
the reply comes after the timeout). The process writes one JSON line per call
to ``LOG`` and flushes it before it replies, so a test reads it as soon as the
app's call returns.

The bus is a ``dbus-daemon`` with a session-type configuration of its own: no
service directories, so nothing on the machine (a real portal, a real screen
saver) can be started on it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

SCREENSAVER = "org.freedesktop.ScreenSaver"
SCREENSAVER_PATH = "/org/freedesktop/ScreenSaver"
PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
REQUEST_ROOT = "/org/freedesktop/portal/desktop/request/fake"
FIRST_COOKIE = 4_000_000_000  # above 2**31: a cookie sent back as int32 would not fit

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


# ---- the test process's side ------------------------------------------------------------


def dbus_daemon() -> str | None:
    return shutil.which("dbus-daemon") or (
        "/usr/bin/dbus-daemon" if os.path.exists("/usr/bin/dbus-daemon") else None
    )


class PrivateBus:
    """A ``dbus-daemon`` of our own; :attr:`address` to connect to, :meth:`stop` to end it."""

    def __init__(self, folder: Path):
        daemon = dbus_daemon()
        if daemon is None:
            raise FileNotFoundError("dbus-daemon")
        folder.mkdir(parents=True, exist_ok=True)
        config = folder / "bus.conf"
        config.write_text(BUS_CONFIG.format(folder=folder), encoding="utf-8")
        self._log = open(folder / "dbus-daemon.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [daemon, f"--config-file={config}", "--print-address", "--nofork"],
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        with self.process.stdout:
            self.address = self.process.stdout.readline().strip()
        if not self.address:
            self.stop()
            raise RuntimeError(f"dbus-daemon did not start: {(folder / 'dbus-daemon.log')}")

    def stop(self) -> None:
        _end(self.process)
        self._log.close()


class FakeService:
    """The fake services in their own process on ``address``; :meth:`calls` reads their log."""

    def __init__(
        self, address: str, folder: Path, *, screensaver: bool = True, portal: bool = False
    ):
        folder.mkdir(parents=True, exist_ok=True)
        self.log = folder / "calls.jsonl"
        self.log.write_text("", encoding="utf-8")
        self._errors_path = folder / "fake-service.err"
        self._errors = open(self._errors_path, "wb")  # noqa: SIM115 - closed in stop()
        argv = [sys.executable, str(Path(__file__).resolve()), address, str(self.log)]
        if portal:
            argv.append("--portal")
        if not screensaver:
            argv.append("--no-screensaver")
        self.process = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=self._errors, text=True
        )
        with self.process.stdout:
            ready = self.process.stdout.readline().strip()
        if ready != "ready":
            self.stop()
            raise RuntimeError(f"the fake service did not start: {self.errors()}")

    def calls(self) -> list[dict[str, Any]]:
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line]

    def names(self) -> list[str]:
        return [c["call"] for c in self.calls()]

    def errors(self) -> str:
        self._errors.flush()
        return self._errors_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        _end(self.process)
        self._errors.close()


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# ---- the fake services' process -----------------------------------------------------------


def main(argv: list[str]) -> int:
    from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection, QDBusObjectPath

    address, log_path = argv[0], argv[1]
    with_portal = "--portal" in argv[2:]
    with_screensaver = "--no-screensaver" not in argv[2:]
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "fake-services")
    if not bus.isConnected():
        print(f"cannot connect to {address}: {bus.lastError().message()}", file=sys.stderr)
        return 1
    journal = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    export = QDBusConnection.RegisterOption.ExportAllSlots

    def write(**call: Any) -> None:
        journal.write(json.dumps(call) + "\n")
        journal.flush()

    @ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
    class ScreenSaver(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.next_cookie = FIRST_COOKIE
            self.held: set[int] = set()

        @Slot(str, str, result="uint")
        def Inhibit(self, app_name: str, reason: str) -> int:
            self.next_cookie += 1
            self.held.add(self.next_cookie)
            write(call="Inhibit", app=app_name, reason=reason, cookie=self.next_cookie)
            return self.next_cookie

        @Slot("uint")
        def UnInhibit(self, cookie: int) -> None:
            write(call="UnInhibit", cookie=cookie, known=cookie in self.held)
            self.held.discard(cookie)

    @ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Request"})
    class Request(QObject):
        def __init__(self, path: str) -> None:
            super().__init__()
            self.path = path

        @Slot()
        def Close(self) -> None:
            write(call="Close", handle=self.path)
            bus.unregisterObject(self.path)
            requests.pop(self.path, None)

    @ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Inhibit"})
    class PortalInhibit(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        @Slot(str, "uint", "QVariantMap", result=QDBusObjectPath)
        def Inhibit(self, window: str, flags: int, options: dict) -> QDBusObjectPath:
            self.count += 1
            path = f"{REQUEST_ROOT}/t{self.count}"
            request = Request(path)
            requests[path] = request
            bus.registerObject(path, request, export)
            write(
                call="PortalInhibit",
                window=window,
                flags=flags,
                options={k: str(v) for k, v in options.items()},
                handle=path,
            )
            return QDBusObjectPath(path)

    requests: dict[str, QObject] = {}
    keep: list[QObject] = []
    if with_screensaver:
        keep.append(ScreenSaver())
        ok = bus.registerObject(SCREENSAVER_PATH, keep[-1], export)
        ok = ok and bus.registerService(SCREENSAVER)
        if not ok:
            print(f"cannot register {SCREENSAVER}", file=sys.stderr)
            return 1
    if with_portal:
        keep.append(PortalInhibit())
        ok = bus.registerObject(PORTAL_PATH, keep[-1], export) and bus.registerService(PORTAL)
        if not ok:
            print(f"cannot register {PORTAL}", file=sys.stderr)
            return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
