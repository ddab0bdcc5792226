"""Reminders reach a desktop without a tray: the freedesktop notification service, for real.

A ``dbus-daemon`` of the test's own (fake_screensaver.PrivateBus) carries a fake
``org.freedesktop.Notifications`` in a process of its own (fake_notifications.py),
which writes down every call and, when asked, clicks the notification's button
(emits ``ActionInvoked``). The app's side is the real code: DesktopNotifier on a
connection to that bus, the real TrayController (with the fake tray of
test_tray.py, present or absent) and, for "Start now", the real main window wired
as the app wires it. The four ways: a server with actions, a server without,
no server but a tray, no server and no tray.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from datetime import time as dtime
from pathlib import Path

import pytest
from fake_notifications import FIRST_ID, FakeNotifications
from fake_screensaver import PrivateBus, dbus_daemon
from PySide6.QtCore import QSettings
from PySide6.QtDBus import QDBusConnection
from test_tray import BERLIN, FakeWall, fake_tray
from window_helpers import Windows

from backcompanion.app import connect_tray
from backcompanion.ui.services.notifications import (
    DEFAULT,
    ICON_NAME,
    START,
    DesktopNotifier,
    make_notifier,
    server_icon,
)
from backcompanion.ui.services.tray import TrayController
from backcompanion.ui.settings_model import Settings

_names = itertools.count()
REMINDER = "Time for your exercises: a few gentle minutes, at your own pace."
# the offscreen platform cannot pass size hints on nor raise a window, and says so
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


@pytest.fixture(scope="module")
def private_bus(tmp_path_factory):
    if dbus_daemon() is None:
        pytest.skip("dbus-daemon is not installed: the D-Bus path cannot be tried for real")
    bus = PrivateBus(tmp_path_factory.mktemp("dbus"))
    yield bus.address
    bus.stop()


@pytest.fixture
def connection(qapp, private_bus):
    name = f"backcompanion-notify-{next(_names)}"
    bus = QDBusConnection.connectToBus(private_bus, name)
    assert bus.isConnected(), bus.lastError().message()
    yield bus
    QDBusConnection.disconnectFromBus(name)


@pytest.fixture
def server(private_bus, tmp_path, request):
    """Start the fake notification server: ``server(actions=..., invoke=..., expire=...)``."""

    def start(**kwargs) -> FakeNotifications:
        fake = FakeNotifications(private_bus, tmp_path / f"fake-{next(_names)}", **kwargs)
        request.addfinalizer(fake.stop)
        return fake

    return start


@pytest.fixture
def settings(tmp_path, qapp):
    s = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    s.update({"reminders_enabled": True, "reminder_time": dtime(18, 0)})
    return s


@pytest.fixture
def make(settings):
    made: list[TrayController] = []

    def controller(notifier, tray: bool) -> tuple[TrayController, FakeWall]:
        wall = FakeWall(datetime(2025, 3, 3, 17, 59, 59, tzinfo=BERLIN))  # a Monday
        c = TrayController(
            settings, wall=wall, tray_factory=fake_tray(available=tray), notifier=notifier
        )
        made.append(c)
        return c, wall

    yield controller
    for c in made:
        c.shutdown()


def remind(controller: TrayController, wall: FakeWall) -> None:
    """18:00 comes: the wall clock moves on two seconds, and the timer's check runs."""
    wall.jump(timedelta(seconds=2))
    controller._armed_wall = controller._now()  # not a sleep: the seconds passed awake
    controller.check_now()


# ---- a server with actions: "Start now" -----------------------------------------------------


def test_a_server_with_actions_shows_the_reminder_with_start_now(server, connection, make, qtbot):
    fake = server(actions=True)
    notifier = DesktopNotifier(connection)
    controller, wall = make(notifier, tray=False)
    assert "desktop notifications" in controller.explanation
    remind(controller, wall)
    assert controller.last_route == "desktop" and controller.last_text == REMINDER
    caps, notify = fake.calls()
    assert caps == {"call": "GetCapabilities", "answer": ["body", "actions"]}
    assert notify == {
        "call": "Notify",
        "app": "BackCompanion",
        "replaces": 0,
        "icon": server_icon(),
        "summary": "BackCompanion",
        "body": REMINDER,
        "actions": [DEFAULT, "Open", START, "Start now"],
        "hints": {"desktop-entry": "io.github.backcompanion.BackCompanion"},
        "timeout": 15_000,
        "id": FIRST_ID + 1,
    }
    assert notifier.shown == {FIRST_ID + 1}  # a uint above 2**31 comes back whole


def test_the_icon_is_the_theme_icon_or_the_apps_own_file(qapp):
    icon = server_icon()
    assert icon == ICON_NAME or (icon.endswith("backcompanion.svg") and Path(icon).is_file())


def test_start_now_brings_the_window_up_at_the_opening_check_in(
    server, connection, make, qtbot, tmp_path, light
):
    fake = server(actions=True, invoke=START)  # the person presses "Start now"
    notifier = DesktopNotifier(connection)
    controller, wall = make(notifier, tray=False)
    windows = Windows(qtbot, tmp_path)
    try:
        window, _clock = windows.make()
        connect_tray(controller, window)  # as the app wires them
        assert not window.isVisible()  # closed to the desktop, say
        with (
            qtbot.waitSignal(notifier.closed, timeout=5000) as closed,
            qtbot.waitSignal(controller.startRequested, timeout=5000),
        ):
            remind(controller, wall)
        assert window.isVisible() and window.current_page() == "daily_check"
        assert window.safety.nothing_new()  # "anything new today?" comes first
        assert window.current_page() == "check_in" and window.bridge.is_running()
        assert closed.args == [FIRST_ID + 1, "dismissed"]  # NotificationClosed, handled
        assert notifier.shown == set()
        assert [c["call"] for c in fake.calls()] == [
            "GetCapabilities",
            "Notify",
            "emit ActionInvoked",
        ]
    finally:
        windows.close()


def test_a_click_on_the_notification_opens_the_window(server, connection, make, qtbot):
    server(actions=True, invoke=DEFAULT)
    controller, wall = make(DesktopNotifier(connection), tray=False)
    with qtbot.waitSignal(controller.openRequested, timeout=5000):
        remind(controller, wall)


def test_an_expired_notification_is_forgotten_and_its_actions_ignored(
    server, connection, make, qtbot
):
    server(actions=True, expire=True)
    notifier = DesktopNotifier(connection)
    controller, wall = make(notifier, tray=False)
    started: list[bool] = []
    controller.startRequested.connect(lambda: started.append(True))
    with qtbot.waitSignal(notifier.closed, timeout=5000) as closed:
        remind(controller, wall)
    assert closed.args == [FIRST_ID + 1, "expired"] and notifier.shown == set()
    notifier._on_action(FIRST_ID + 1, START)  # too late, or another app's notification
    assert started == []


# ---- a server without actions -----------------------------------------------------------------


def test_a_server_without_actions_shows_the_reminder_without_buttons(server, connection, make):
    fake = server(actions=False)
    controller, wall = make(DesktopNotifier(connection), tray=True)
    remind(controller, wall)
    assert controller.last_route == "desktop"
    assert controller.tray.shown == []  # the service took it: not twice
    [notify] = [c for c in fake.calls() if c["call"] == "Notify"]
    assert notify["actions"] == [] and notify["body"] == REMINDER


# ---- no server: the tray, then the window --------------------------------------------------


def test_no_server_but_a_tray_the_tray_shows_it(connection, make):
    controller, wall = make(DesktopNotifier(connection), tray=True)
    assert controller.explanation == ""
    remind(controller, wall)
    assert controller.last_route == "tray"
    assert controller.tray.shown == [("BackCompanion", REMINDER)]


def test_no_server_and_no_tray_the_window_says_it(connection, make, qtbot, tmp_path, light):
    controller, wall = make(DesktopNotifier(connection), tray=False)
    windows = Windows(qtbot, tmp_path)
    try:
        window, _clock = windows.make()
        connect_tray(controller, window)
        with qtbot.waitSignal(controller.reminderDue, timeout=2000):
            remind(controller, wall)
        assert controller.last_route == "window"
        assert window.message.text() == REMINDER  # the status line: the last resort
    finally:
        windows.close()


def test_an_unreachable_bus_falls_back_quietly(qapp, make, caplog):
    caplog.set_level("INFO")
    notifier = DesktopNotifier(QDBusConnection("backcompanion-never-connected"))
    controller, wall = make(notifier, tray=True)
    remind(controller, wall)
    assert controller.last_route == "tray"
    assert "not reachable" in caplog.text


def test_shutdown_closes_the_notifier_here_and_now(server, connection, make):
    """The notifier leaves the connection on this thread (notifications.py says why)."""
    import shiboken6

    server(actions=True)
    notifier = DesktopNotifier(connection)
    controller, wall = make(notifier, tray=False)
    remind(controller, wall)  # it follows the service's signals now
    controller.shutdown()
    assert controller.notifier is None and not shiboken6.isValid(notifier)
    controller.shutdown()  # twice is harmless


def test_windows_and_macos_keep_the_tray_message():
    assert make_notifier("win32") is None and make_notifier("darwin") is None
    assert isinstance(make_notifier("linux"), DesktopNotifier)
