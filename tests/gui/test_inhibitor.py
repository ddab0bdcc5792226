"""Keeping the screen awake: the Linux path for real, on a private D-Bus session bus.

A ``dbus-daemon`` of the test's own carries a fake ``org.freedesktop.ScreenSaver``
(and a fake portal) in a process of its own (``fake_screensaver.py`` says why);
the app's side is the real code: a real SessionEngine with a FakeClock behind a
real SessionBridge, :class:`ScreenAwake` and the D-Bus backend on a connection
to that bus. The fake writes down every call it receives.

Windows and macOS cannot be tried here: their backends run against fake
``kernel32`` / IOKit objects that record the ctypes calls, and on Linux they
must say "not available" quietly.
"""

from __future__ import annotations

import ctypes
import itertools
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fake_screensaver import FIRST_COOKIE, REQUEST_ROOT, FakeService, PrivateBus, dbus_daemon
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtDBus import QDBusConnection

from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, SessionEngine, State
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan
from backcompanion.ui.services.bridge import SessionBridge
from backcompanion.ui.services.inhibitor import Inhibitor, make_inhibitor
from backcompanion.ui.services.inhibitor.linux_dbus import (
    PORTAL_INHIBIT,
    SCREENSAVER,
    DBusInhibitor,
    session_bus_address_known,
)
from backcompanion.ui.services.inhibitor.macos import (
    LEVEL_ON,
    PREVENT_DISPLAY_SLEEP,
    UTF8,
    MacInhibitor,
)
from backcompanion.ui.services.inhibitor.null import NullInhibitor
from backcompanion.ui.services.inhibitor.windows import (
    ES_CONTINUOUS,
    ES_DISPLAY_REQUIRED,
    ES_SYSTEM_REQUIRED,
    WindowsInhibitor,
)
from backcompanion.ui.services.screen_awake import ScreenAwake
from backcompanion.ui.settings_model import Settings

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = builtin_program()
WALL = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
RUNNING = (State.BREATHING, State.STRETCHING, State.GATE, State.STRENGTHENING)
_names = itertools.count()


def small_plan() -> SessionPlan:
    """Every part of a session, short: a few minutes of fake time, the gate open."""

    def step(exercise):
        return StepPlan(exercise, 2, 2)

    return SessionPlan(
        breathing=PROGRAM.breathing,
        cadence=Cadence(4, 0, 6, 0, 3),
        stretches=tuple(step(e) for e in PROGRAM.stretches[:2]),
        strength=tuple(step(e) for e in PROGRAM.strength[:2]),
        gate_open=True,
        gate_reasons=("test",),
        get_ready_s=2,
        release_s=1,
    )


class Session:
    """A real engine on a FakeClock behind a real bridge; the test presses for the person."""

    def __init__(self) -> None:
        self.clock = FakeClock()
        self.bridge = SessionBridge(clock=self.clock, sleep_offset=lambda: None)
        self.engine = SessionEngine(small_plan(), self.clock, lambda: WALL, gate_pause_s=3)
        self.bridge.attach(self.engine)
        self.seen: list[State] = []

    @property
    def state(self) -> State:
        return self.engine.state

    def send(self, event: Event, **payload) -> None:
        assert self.bridge.send(event, **payload), f"{event} refused in {self.state}"

    def start(self) -> None:
        """To the opening check-in, then past it: breathing."""
        self.send(Event.START)
        self.send(Event.CHECK_IN, rating=3)

    def tick(self) -> None:
        """What the bridge's display timer does: wake at the next deadline, update."""
        self.clock.advance(self.engine.next_deadline() - self.clock.now)
        self.engine.update()
        self.seen.append(self.state)

    def run_until(self, state: State, check=lambda: None) -> None:
        for _ in range(10_000):
            if self.state is state:
                return
            check()
            self.tick()
        raise AssertionError(f"never reached {state}; at {self.state}")

    def timers_running(self) -> list[str]:
        return [
            t.objectName() or "QTimer" for t in self.bridge.findChildren(QTimer) if t.isActive()
        ]

    def close(self) -> None:
        self.bridge.detach()


# ---- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def private_bus(tmp_path_factory):
    """A dbus-daemon of our own for this module; ended in the finalizer."""
    if dbus_daemon() is None:
        pytest.skip("dbus-daemon is not installed: the D-Bus path cannot be tried for real")
    bus = PrivateBus(tmp_path_factory.mktemp("dbus"))
    yield bus.address
    bus.stop()


@pytest.fixture
def connection(qapp, private_bus):
    """The app's connection to the private bus (what the session bus is in production)."""
    name = f"backcompanion-test-{next(_names)}"
    bus = QDBusConnection.connectToBus(private_bus, name)
    assert bus.isConnected(), bus.lastError().message()
    yield bus
    QDBusConnection.disconnectFromBus(name)


def _fake(private_bus, tmp_path, request, **kwargs):
    service = FakeService(private_bus, tmp_path / f"fake-{next(_names)}", **kwargs)
    request.addfinalizer(service.stop)
    return service


@pytest.fixture
def fake(private_bus, tmp_path, request):
    """The fake org.freedesktop.ScreenSaver on the private bus."""
    return _fake(private_bus, tmp_path, request)


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def session():
    s = Session()
    yield s
    s.close()
    assert not s.timers_running(), f"bridge timers left running: {s.timers_running()}"


@pytest.fixture
def make_awake(session, settings):
    """ScreenAwake on the test's session; shut down and checked for running timers after."""
    made: list[ScreenAwake] = []

    def make(inhibitor: Inhibitor, **kwargs) -> ScreenAwake:
        awake = ScreenAwake(session.bridge, settings, inhibitor, **kwargs)
        made.append(awake)
        return awake

    yield make
    for awake in made:
        awake.shutdown()
        running = [t.objectName() for t in awake.findChildren(QTimer) if t.isActive()]
        assert not running, f"ScreenAwake left timers running: {running}"


def _signals(awake: ScreenAwake) -> list[bool]:
    said: list[bool] = []
    awake.activeChanged.connect(said.append)
    return said


# ---- the Linux path, for real ----------------------------------------------------------------


def test_the_screen_stays_awake_from_the_opening_check_in_to_the_closing_one(
    fake, connection, session, make_awake
):
    inhibitor = make_inhibitor(connection, platform="linux", flatpak=False)
    assert isinstance(inhibitor, DBusInhibitor)
    awake = make_awake(inhibitor)
    said = _signals(awake)
    assert fake.calls() == [] and not awake.active and awake.status_text() == ""

    session.send(Event.START)  # the opening check-in is on screen
    assert session.state is State.CHECK_IN_BEFORE
    [call] = fake.calls()
    assert call["call"] == "Inhibit" and call["cookie"] == FIRST_COOKIE + 1
    assert call["app"] and call["reason"] == "An exercise session is running"
    assert awake.active and awake.property("active") is True and said == [True]
    assert awake.status_text() == "Keeping the screen awake"
    assert inhibitor.name == SCREENSAVER

    session.send(Event.CHECK_IN, rating=3)

    def still_awake():
        assert fake.names() == ["Inhibit"], f"released during {session.state}"
        assert awake.active

    session.run_until(State.CHECK_IN_AFTER, still_awake)  # nobody touches anything
    assert set(RUNNING) <= set(session.seen), session.seen

    # the closing check-in: released at once, with the cookie the screen saver gave
    assert fake.calls()[1:] == [{"call": "UnInhibit", "cookie": FIRST_COOKIE + 1, "known": True}]
    assert not awake.active and said == [True, False] and awake.status_text() == ""

    session.send(Event.CHECK_IN, rating=2)  # done: nothing more to release
    assert session.state is State.DONE
    assert fake.names() == ["Inhibit", "UnInhibit"] and said == [True, False]


def test_stop_releases_at_once(fake, connection, session, make_awake):
    awake = make_awake(make_inhibitor(connection, platform="linux", flatpak=False))
    session.start()
    session.tick()
    assert session.state is State.BREATHING and awake.active
    session.send(Event.STOP)
    assert fake.names() == ["Inhibit", "UnInhibit"]
    assert fake.calls()[1]["known"] and not awake.active


def test_a_long_pause_releases_and_resuming_keeps_the_screen_awake_again(
    fake, connection, session, make_awake, qtbot
):
    awake = make_awake(
        make_inhibitor(connection, platform="linux", flatpak=False), pause_limit_s=0.05
    )
    session.start()
    session.run_until(State.STRETCHING)
    session.send(Event.PAUSE)
    assert awake.active and fake.names() == ["Inhibit"]  # a pause alone keeps it

    with qtbot.waitSignal(awake.activeChanged, timeout=5000) as blocker:
        pass  # the pause timer runs out on the event loop
    assert blocker.args == [False]
    assert fake.names() == ["Inhibit", "UnInhibit"] and awake.pause_limit_reached
    assert awake.status_text() == ""

    session.send(Event.RESUME)  # back on the mat: kept awake again, a new cookie
    assert awake.active and not awake.pause_limit_reached
    assert [c.get("cookie") for c in fake.calls()] == [FIRST_COOKIE + 1] * 2 + [FIRST_COOKIE + 2]

    session.send(Event.STOP)
    assert fake.calls()[-1] == {"call": "UnInhibit", "cookie": FIRST_COOKIE + 2, "known": True}


def test_a_short_pause_keeps_the_screen_awake(fake, connection, session, make_awake):
    awake = make_awake(make_inhibitor(connection, platform="linux", flatpak=False))
    [timer] = awake.findChildren(QTimer)
    session.start()
    session.send(Event.PAUSE)
    assert timer.isActive() and timer.isSingleShot() and timer.interval() == 600_000
    session.send(Event.RESUME)
    assert not timer.isActive()
    assert awake.active and fake.names() == ["Inhibit"]
    session.send(Event.STOP)
    assert fake.names() == ["Inhibit", "UnInhibit"]


def test_shutdown_releases_and_nothing_inhibits_after_it(fake, connection, session, make_awake):
    awake = make_awake(make_inhibitor(connection, platform="linux", flatpak=False))
    session.start()
    awake.shutdown()  # what the main window's closeEvent and aboutToQuit call
    assert fake.names() == ["Inhibit", "UnInhibit"] and not awake.active
    awake.shutdown()
    session.tick()
    session.send(Event.PAUSE)
    session.send(Event.RESUME)
    assert fake.names() == ["Inhibit", "UnInhibit"]


QUIT_SCRIPT = """
import sys
from datetime import UTC, datetime
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtDBus import QDBusConnection
sys.path.insert(0, {tests!r})
from test_inhibitor import small_plan
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, SessionEngine
from backcompanion.ui.services.bridge import SessionBridge
from backcompanion.ui.services.inhibitor import make_inhibitor
from backcompanion.ui.services.screen_awake import ScreenAwake
from backcompanion.ui.settings_model import Settings

app = QCoreApplication([])
bus = QDBusConnection.connectToBus({address!r}, "app")
clock = FakeClock()
bridge = SessionBridge(clock=clock, sleep_offset=lambda: None)
settings = Settings(QSettings({ini!r}, QSettings.Format.IniFormat))
awake = ScreenAwake(bridge, settings, make_inhibitor(bus, platform="linux", flatpak=False))
bridge.attach(SessionEngine(small_plan(), clock, lambda: datetime.now(UTC)))
bridge.send(Event.START)
bridge.send(Event.CHECK_IN, rating=3)
print("active before quit:", awake.active, flush=True)
QTimer.singleShot(0, app.quit)  # the app quits in the middle of breathing
app.exec()
print("active after quit:", awake.active, flush=True)
"""


def test_quitting_the_app_releases(fake, private_bus, tmp_path):
    """aboutToQuit reaches ScreenAwake.shutdown in a real application that quits."""
    script = QUIT_SCRIPT.format(
        tests=str(Path(__file__).parent), address=private_bus, ini=str(tmp_path / "s.ini")
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["active before quit: True", "active after quit: False"]
    assert fake.names() == ["Inhibit", "UnInhibit"] and fake.calls()[1]["known"]


def test_the_setting_turned_off_releases_and_never_inhibits(
    fake, connection, session, settings, make_awake
):
    awake = make_awake(make_inhibitor(connection, platform="linux", flatpak=False))
    session.start()
    assert awake.active
    settings.keep_screen_awake = False
    assert fake.names() == ["Inhibit", "UnInhibit"] and not awake.active
    session.run_until(State.STRETCHING)
    session.send(Event.PAUSE)
    session.send(Event.RESUME)
    assert fake.names() == ["Inhibit", "UnInhibit"]

    settings.keep_screen_awake = True  # on again while the session runs
    assert awake.active and fake.names() == ["Inhibit", "UnInhibit", "Inhibit"]
    session.send(Event.STOP)
    assert fake.names()[-1] == "UnInhibit"


def test_with_the_setting_off_a_whole_session_asks_nothing(
    fake, connection, session, settings, make_awake
):
    settings.keep_screen_awake = False
    awake = make_awake(make_inhibitor(connection, platform="linux", flatpak=False))
    session.start()
    session.run_until(State.CHECK_IN_AFTER)
    session.send(Event.CHECK_IN, rating=1)
    assert fake.calls() == [] and not awake.active


def test_inside_flatpak_the_portal_keeps_the_screen_awake(
    private_bus, tmp_path, request, connection
):
    fake = _fake(private_bus, tmp_path, request, portal=True)
    inhibitor = make_inhibitor(connection, platform="linux", flatpak=True)
    assert inhibitor.inhibit("An exercise session is running") and inhibitor.active
    assert inhibitor.inhibit("again") and inhibitor.name == PORTAL_INHIBIT  # idempotent
    handle = f"{REQUEST_ROOT}/t1"
    assert fake.calls() == [
        {
            "call": "PortalInhibit",
            "window": "",
            "flags": 8,  # idle
            "options": {"reason": "An exercise session is running"},
            "handle": handle,
        }
    ]
    inhibitor.release()
    inhibitor.release()
    assert fake.calls()[1:] == [{"call": "Close", "handle": handle}] and not inhibitor.active


def test_without_a_screen_saver_the_portal_is_used(private_bus, tmp_path, request, connection):
    """GNOME has no org.freedesktop.ScreenSaver; its portal does the work."""
    fake = _fake(private_bus, tmp_path, request, portal=True, screensaver=False)
    inhibitor = make_inhibitor(connection, platform="linux", flatpak=False)
    assert inhibitor.inhibit("reason") and inhibitor.name == PORTAL_INHIBIT
    inhibitor.release()
    assert fake.names() == ["PortalInhibit", "Close"]


def test_the_screen_saver_is_asked_once_and_released_once(fake, connection):
    inhibitor = make_inhibitor(connection, platform="linux", flatpak=False)
    inhibitor.release()  # nothing held: nothing sent
    assert inhibitor.inhibit("r") and inhibitor.inhibit("r") and inhibitor.active
    inhibitor.release()
    inhibitor.release()
    assert fake.names() == ["Inhibit", "UnInhibit"] and not inhibitor.active


# ---- no D-Bus, no service: quiet ------------------------------------------------------------


def test_no_service_on_the_bus_fails_quietly(connection, session, make_awake, caplog):
    """The bus works but nothing provides a screen saver or a portal."""
    caplog.set_level("INFO")
    inhibitor = make_inhibitor(connection, platform="linux", flatpak=False)
    awake = make_awake(inhibitor)
    session.start()
    assert not inhibitor.active and not awake.active and awake.status_text() == ""
    assert "org.freedesktop.ScreenSaver is not available" in caplog.text
    session.send(Event.STOP)


def test_an_unconnected_bus_fails_quietly(qapp, session, make_awake):
    inhibitor = DBusInhibitor(QDBusConnection("backcompanion-never-connected"))
    assert not inhibitor.inhibit("r") and not inhibitor.active
    inhibitor.release()
    awake = make_awake(inhibitor)
    session.start()
    session.run_until(State.CHECK_IN_AFTER)
    assert not awake.active


NO_BUS_SCRIPT = """
import json
from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
messages = []
qInstallMessageHandler(lambda kind, context, text: messages.append(text))
app = QCoreApplication([])
from backcompanion.ui.services.inhibitor import make_inhibitor
from backcompanion.ui.services.inhibitor.linux_dbus import DBusInhibitor
found = []
for inhibitor in (make_inhibitor(platform="linux"), DBusInhibitor()):
    result = inhibitor.inhibit("reason")
    inhibitor.release()
    found.append([type(inhibitor).__name__, result, inhibitor.active])
print(json.dumps({"found": found, "messages": messages}))
"""


@pytest.mark.parametrize(
    ("address", "backend"),
    [
        pytest.param(None, "NullInhibitor", id="no-address"),
        pytest.param("unix:path=/nonexistent/bus", "DBusInhibitor", id="unreachable"),
    ],
)
def test_no_session_bus_fails_quietly(tmp_path, address, backend):
    """CI without D-Bus: nothing to find (libdbus must not start a bus), or nothing there."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(XDG_RUNTIME_DIR=str(tmp_path), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    if address:
        env["DBUS_SESSION_BUS_ADDRESS"] = address
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", NO_BUS_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "found": [[backend, False, False], ["DBusInhibitor", False, False]],
        "messages": [],
    }


def test_where_a_session_bus_is_found():
    assert not session_bus_address_known({})
    assert session_bus_address_known({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/x"})
    assert not session_bus_address_known({"DBUS_SESSION_BUS_ADDRESS": " "})
    assert not session_bus_address_known({"XDG_RUNTIME_DIR": "/nonexistent"})


def test_a_backend_that_cannot_work_is_tried_once_per_session(session, make_awake):
    """The bridge reports every second; the inhibitor is asked only when the wish changes."""

    class Refusing(NullInhibitor):
        asked = 0

        def inhibit(self, reason: str) -> bool:
            self.asked += 1
            return super().inhibit(reason)

    inhibitor = Refusing()
    awake = make_awake(inhibitor)
    session.start()
    session.run_until(State.CHECK_IN_AFTER)
    assert inhibitor.asked == 1 and not awake.active


def test_a_controller_made_during_a_session_keeps_the_screen_awake(
    fake, connection, session, make_awake
):
    session.start()
    awake = make_awake(make_inhibitor(connection, platform="linux", flatpak=False))
    assert awake.active and fake.names() == ["Inhibit"]


def test_the_null_backend_does_nothing_and_says_so(caplog):
    caplog.set_level("INFO")
    inhibitor = make_inhibitor(platform="sunos5")
    assert isinstance(inhibitor, NullInhibitor) and isinstance(inhibitor, Inhibitor)
    assert not inhibitor.inhibit("r") and not inhibitor.active
    inhibitor.release()
    assert "not available" in caplog.text and inhibitor.name == "none"


# ---- Windows and macOS: their code paths against recording fakes --------------------------


class FakeKernel32:
    def __init__(self, answer: int = 0x80000000):
        self.calls: list[int] = []
        self.answer = answer

    def SetThreadExecutionState(self, flags: int) -> int:
        self.calls.append(flags)
        return self.answer


def test_windows_asks_for_the_display_until_released():
    kernel32 = FakeKernel32()
    inhibitor = WindowsInhibitor(kernel32)
    assert inhibitor.inhibit("r") and inhibitor.inhibit("r") and inhibitor.active
    inhibitor.release()
    inhibitor.release()
    keep = ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED
    assert kernel32.calls == [keep, ES_CONTINUOUS] and not inhibitor.active


def test_windows_refusal_is_quiet():
    inhibitor = WindowsInhibitor(FakeKernel32(answer=0))
    assert not inhibitor.inhibit("r") and not inhibitor.active


def test_the_windows_and_macos_backends_are_quiet_elsewhere():
    if sys.platform in ("win32", "darwin"):
        pytest.skip("this checks the backends on a platform they do not serve")
    for platform, kind in (("win32", WindowsInhibitor), ("darwin", MacInhibitor)):
        inhibitor = make_inhibitor(platform=platform)
        assert isinstance(inhibitor, kind) and isinstance(inhibitor, Inhibitor)
        assert not inhibitor.inhibit("r") and not inhibitor.active
        inhibitor.release()


class FakeCoreFoundation:
    def __init__(self):
        self.strings: dict[int, bytes] = {}
        self.released: list[int] = []

    def CFStringCreateWithCString(self, allocator, text: bytes, encoding: int) -> int:
        assert allocator is None and encoding == UTF8
        ref = 0x1000 + len(self.strings)
        self.strings[ref] = text
        return ref

    def CFRelease(self, ref: int) -> None:
        self.released.append(ref)


class FakeIOKit:
    def __init__(self, cf: FakeCoreFoundation, result: int = 0):
        self.cf = cf
        self.result = result
        self.created: list[tuple[bytes, int, bytes]] = []
        self.released: list[int] = []

    def IOPMAssertionCreateWithName(self, kind, level, name, out) -> int:
        self.created.append((self.cf.strings[kind], level, self.cf.strings[name]))
        target = out._obj  # what ctypes.byref points at: the backend's c_uint32
        assert isinstance(target, ctypes.c_uint32)
        target.value = 77
        return self.result

    def IOPMAssertionRelease(self, assertion: int) -> int:
        self.released.append(assertion)
        return 0


def test_macos_holds_an_assertion_until_released():
    cf = FakeCoreFoundation()
    iokit = FakeIOKit(cf)
    inhibitor = MacInhibitor(iokit, cf)
    assert inhibitor.inhibit("An exercise session is running") and inhibitor.inhibit("again")
    assert iokit.created == [(PREVENT_DISPLAY_SLEEP, LEVEL_ON, b"An exercise session is running")]
    assert sorted(cf.released) == sorted(cf.strings)  # both strings given back
    inhibitor.release()
    inhibitor.release()
    assert iokit.released == [77] and not inhibitor.active


def test_macos_refusal_is_quiet():
    cf = FakeCoreFoundation()
    inhibitor = MacInhibitor(FakeIOKit(cf, result=-536870212), cf)  # kIOReturnError
    assert not inhibitor.inhibit("r") and not inhibitor.active
    assert len(cf.released) == 2
