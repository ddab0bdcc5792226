"""The tray icon and the reminder timer, with a fake clock and a fake tray (ui/services/tray.py).

A reminder's own tests step a wall clock and a monotonic clock by hand
(:class:`SteppedWall`): the timer's wait is read and "passes" at once, so
nothing depends on how fast a loaded machine runs. The wall clock can jump
forward while the monotonic clock does not: a computer asleep. Where only the
schedule matters, :class:`FakeWall` runs at real speed from a chosen moment.
No test sleeps or waits on real time.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from backcompanion.ui.services.tray import KEEP_IN_TRAY, MAX_WAIT_MS, TrayController, app_icon
from backcompanion.ui.settings_model import Settings

BERLIN = ZoneInfo("Europe/Berlin")
NO_TRAY = (
    "Reminders need a system tray; your desktop does not offer one, "
    "so BackCompanion reminds you with a message when it is open."
)


class FakeWall:
    """A wall clock at real speed from ``start``; :meth:`jump` moves it on (a sleep).

    It starts running when first read (in the controller's constructor), so a slow
    set-up cannot eat the 50 ms before a reminder.
    """

    def __init__(self, start: datetime):
        self.start = start
        self.t0: float | None = None
        self.jumped = timedelta(0)

    def __call__(self) -> datetime:
        if self.t0 is None:
            self.t0 = time.monotonic()
        elapsed = timedelta(seconds=time.monotonic() - self.t0)
        return (self.start.astimezone(UTC) + elapsed + self.jumped).astimezone(self.start.tzinfo)

    def jump(self, delta: timedelta) -> None:
        self.jumped += delta


class FakeTray(QObject):
    """What TrayController uses of QSystemTrayIcon, recorded."""

    available = True
    messages = True
    activated = Signal(object)
    messageClicked = Signal()
    messageShown = Signal(str)  # the text: for qtbot.waitSignal

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shown: list[tuple[str, str]] = []
        self.visible = False
        self.menu = None
        self.icon = None
        self.tooltip = ""

    @classmethod
    def isSystemTrayAvailable(cls) -> bool:
        return cls.available

    @classmethod
    def supportsMessages(cls) -> bool:
        return cls.messages

    def setIcon(self, icon):
        self.icon = icon

    def setToolTip(self, text):
        self.tooltip = text

    def setContextMenu(self, menu):
        self.menu = menu

    def show(self):
        self.visible = True

    def hide(self):
        self.visible = False

    def showMessage(self, title, text, icon=None, msecs=10000):
        self.shown.append((title, text))
        self.messageShown.emit(text)


def fake_tray(available: bool = True, messages: bool = True) -> type[FakeTray]:
    return type("FakeTrayKind", (FakeTray,), {"available": available, "messages": messages})


@pytest.fixture
def settings(tmp_path, qapp):
    s = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    s.update({"reminders_enabled": True, "reminder_time": dtime(18, 0)})
    return s


@pytest.fixture
def make(settings):
    """Make a TrayController; every one made is shut down after the test."""
    made = []

    def make_controller(wall, tray=None, **kw) -> TrayController:
        if isinstance(wall, SteppedWall):
            kw.setdefault("monotonic", wall.monotonic)
        controller = TrayController(settings, wall=wall, tray_factory=tray or fake_tray(), **kw)
        made.append(controller)
        return controller

    yield make_controller
    for controller in made:
        controller.shutdown()
        assert not controller.timer.isActive()


class SteppedWall:
    """A wall clock and a monotonic clock that move only when the test steps them.

    The reminder tests wait for nothing real: the timer's wait is read, both clocks
    are stepped by it, and the timer's slot runs (:func:`fire`). They used to race a
    wall clock running at real speed against the real QTimer with a 2 s deadline,
    which a loaded ``make test`` missed now and then (issue 19: 8).
    """

    def __init__(self, start: datetime):
        self.at = start
        self.mono = 1000.0

    def __call__(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return self.mono

    def step(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)
        self.mono += seconds

    def jump(self, delta: timedelta) -> None:
        """A sleep: the wall clock moves on, the monotonic clock stands still."""
        self.at += delta


def just_before(at: datetime, ms: int = 50) -> SteppedWall:
    return SteppedWall(at - timedelta(milliseconds=ms))


def fire(controller: TrayController) -> None:
    """What the reminder timer does when it fires: its wait passes, then its slot runs."""
    assert controller.timer.isActive() and controller.timer.isSingleShot()
    controller._wall.step(controller.timer.interval() / 1000)
    controller.timer.stop()
    controller.check_now()


def same_instant(a: datetime | None, b: datetime) -> bool:
    return a is not None and a.astimezone(UTC) == b.astimezone(UTC)


# -- the reminder ----------------------------------------------------------------------------


def test_a_reminder_fires_in_the_tray_and_is_re_armed_for_the_next_day(qtbot, make):
    controller = make(just_before(datetime(2026, 5, 4, 18, tzinfo=BERLIN)))  # a Monday
    assert same_instant(controller.next_at, datetime(2026, 5, 4, 18, tzinfo=BERLIN))
    assert controller.timer.isActive() and controller.timer.isSingleShot()
    assert controller.timer.interval() <= 50
    with qtbot.waitSignal(controller.tray.messageShown, timeout=1000) as shown:
        fire(controller)
    assert shown.args == ["Time for your exercises: a few gentle minutes, at your own pace."]
    assert controller.tray.shown == [("BackCompanion", shown.args[0])]
    assert same_instant(controller.next_at, datetime(2026, 5, 5, 18, tzinfo=BERLIN))
    assert controller.timer.isActive() and controller.timer.interval() == MAX_WAIT_MS
    assert controller.last_wake is None


def test_the_next_reminder_skips_days_not_chosen(qtbot, make, settings):
    settings.reminder_days = frozenset({1, 3})  # Monday and Wednesday
    controller = make(just_before(datetime(2026, 5, 4, 18, tzinfo=BERLIN)))
    with qtbot.waitSignal(controller.tray.messageShown, timeout=1000):
        fire(controller)
    assert same_instant(controller.next_at, datetime(2026, 5, 6, 18, tzinfo=BERLIN))


def test_the_timer_never_waits_longer_than_the_cap(make):
    controller = make(FakeWall(datetime(2026, 5, 4, 18, 30, tzinfo=BERLIN)))
    assert same_instant(controller.next_at, datetime(2026, 5, 5, 18, tzinfo=BERLIN))
    assert controller.timer.isSingleShot() and controller.timer.interval() == MAX_WAIT_MS
    assert "Next reminder:" in controller.tray.tooltip


def test_a_long_sleep_shows_one_reminder_on_wake(qtbot, make):
    """Asleep from Monday 17:59:59.95 to Thursday 20:00: four reminders missed, shown once."""
    wall = just_before(datetime(2026, 5, 4, 18, tzinfo=BERLIN))
    controller = make(wall)
    wall.jump(timedelta(days=3, hours=2))  # the monotonic clock does not move while asleep
    with qtbot.waitSignal(controller.tray.messageShown, timeout=1000) as shown:
        fire(controller)
    assert shown.args == [
        "An exercise reminder came while the computer was asleep. "
        "A few gentle minutes, whenever suits you."
    ]
    assert controller.last_wake is not None
    assert same_instant(controller.next_at, datetime(2026, 5, 8, 18, tzinfo=BERLIN))
    controller.check_now()  # looking again (the window was activated) shows nothing new
    assert len(controller.tray.shown) == 1


def test_a_wake_without_a_due_reminder_only_re_aims(make):
    wall = FakeWall(datetime(2026, 5, 4, 9, tzinfo=BERLIN))
    controller = make(wall)
    wall.jump(timedelta(hours=8, minutes=59, seconds=50))  # asleep until 17:59:50
    controller.check_now()
    assert controller.tray.shown == []
    assert controller.last_wake is not None
    assert same_instant(controller.next_at, datetime(2026, 5, 4, 18, tzinfo=BERLIN))
    assert 0 < controller.timer.interval() <= 10_000


def test_a_late_reminder_without_sleep_names_its_time(make, qapp):
    from backcompanion.session.reminders import Reminder

    controller = make(FakeWall(datetime(2026, 5, 4, 18, 30, tzinfo=BERLIN)))
    at = datetime(2026, 5, 4, 18, tzinfo=BERLIN)
    text = controller.reminder_text(
        Reminder(at=at, missed=1, late_by=timedelta(minutes=30)), at + timedelta(minutes=30)
    )
    assert text.startswith("Your exercise reminder was at ") and "Later is fine too" in text


def test_a_reminder_during_a_session_passes_quietly(qtbot, make):
    busy = [True]
    controller = make(just_before(datetime(2026, 5, 4, 18, tzinfo=BERLIN)), quiet=lambda: busy[0])
    fire(controller)
    assert same_instant(controller.next_at, datetime(2026, 5, 5, 18, tzinfo=BERLIN))
    assert controller.tray.shown == []


# -- settings --------------------------------------------------------------------------------


def test_settings_changes_re_arm(make, settings):
    settings.reminders_enabled = False
    controller = make(FakeWall(datetime(2026, 5, 4, 9, tzinfo=BERLIN)))  # a Monday
    assert controller.next_at is None and not controller.timer.isActive()
    assert controller.tray.tooltip == "BackCompanion"

    settings.reminders_enabled = True
    assert same_instant(controller.next_at, datetime(2026, 5, 4, 18, tzinfo=BERLIN))
    assert controller.timer.isActive()

    settings.reminder_time = dtime(19, 30)
    assert same_instant(controller.next_at, datetime(2026, 5, 4, 19, 30, tzinfo=BERLIN))

    settings.reminder_days = frozenset({3})  # Wednesdays
    assert same_instant(controller.next_at, datetime(2026, 5, 6, 19, 30, tzinfo=BERLIN))

    settings.reminder_days = frozenset()
    assert controller.next_at is None and not controller.timer.isActive()


def test_moving_the_time_to_earlier_today_does_not_fire_now(make, settings):
    controller = make(FakeWall(datetime(2026, 5, 4, 12, tzinfo=BERLIN)))
    settings.reminder_time = dtime(8, 0)
    controller.check_now()
    assert controller.tray.shown == []
    assert same_instant(controller.next_at, datetime(2026, 5, 5, 8, tzinfo=BERLIN))


def test_shutdown_stops_following_the_settings(make, settings):
    controller = make(FakeWall(datetime(2026, 5, 4, 9, tzinfo=BERLIN)))
    tray = controller.tray
    controller.shutdown()
    assert not controller.timer.isActive() and not tray.visible and controller.tray is None
    settings.reminder_time = dtime(10, 0)
    assert not controller.timer.isActive()
    controller.shutdown()  # twice is fine


def test_keep_in_tray_only_when_chosen(make, settings, monkeypatch):
    controller = make(FakeWall(datetime(2026, 5, 4, 9, tzinfo=BERLIN)))
    assert controller.keep_in_tray is False  # the settings have no such value yet

    plain_get = settings.get
    chosen = {KEEP_IN_TRAY: True}
    monkeypatch.setattr(
        settings, "get", lambda name: chosen[name] if name in chosen else plain_get(name)
    )
    assert controller.keep_in_tray is True
    settings.reminders_enabled = False  # no reminder set: closing the window quits
    assert controller.keep_in_tray is False
    settings.reminders_enabled = True
    chosen[KEEP_IN_TRAY] = False
    assert controller.keep_in_tray is False


def test_keep_in_tray_never_without_a_tray(make, settings, monkeypatch):
    monkeypatch.setattr(settings, "get", lambda name: True)
    controller = make(FakeWall(datetime(2026, 5, 4, 9, tzinfo=BERLIN)), fake_tray(False))
    assert controller.keep_in_tray is False


# -- no tray ---------------------------------------------------------------------------------


def test_without_a_tray_the_reminder_comes_as_a_signal(qtbot, make):
    controller = make(just_before(datetime(2026, 5, 4, 18, tzinfo=BERLIN)), fake_tray(False))
    assert controller.tray_available is False and controller.tray is None
    assert controller.menu is None
    assert controller.explanation == NO_TRAY
    assert TrayController.unavailable_reason(fake_tray(False)) == NO_TRAY
    with qtbot.waitSignal(controller.reminderDue, timeout=1000) as due:
        fire(controller)
    assert due.args == ["Time for your exercises: a few gentle minutes, at your own pace."]
    assert same_instant(controller.next_at, datetime(2026, 5, 5, 18, tzinfo=BERLIN))


def test_a_tray_that_cannot_notify_also_falls_back(qtbot, make):
    controller = make(just_before(datetime(2026, 5, 4, 18, tzinfo=BERLIN)), fake_tray(True, False))
    assert controller.tray_available and not controller.notifications_available
    assert "cannot show notifications" in controller.explanation
    with qtbot.waitSignal(controller.reminderDue, timeout=1000):
        fire(controller)
    assert controller.tray.shown == []
    controller.tell_still_running()  # nothing to show it with
    assert controller.tray.shown == []


def test_with_a_tray_there_is_nothing_to_explain(make):
    controller = make(FakeWall(datetime(2026, 5, 4, 9, tzinfo=BERLIN)))
    assert controller.explanation == "" and TrayController.unavailable_reason(fake_tray()) == ""


def test_the_real_tray_class_offscreen(make):
    """Offscreen there is no tray: nothing is made and Qt prints no warning."""
    if QSystemTrayIcon.isSystemTrayAvailable():
        pytest.skip("this platform offers a tray")
    controller = make(FakeWall(datetime(2026, 5, 4, 9, tzinfo=BERLIN)), QSystemTrayIcon)
    assert controller.tray is None and controller.explanation == NO_TRAY
    assert controller.timer.isActive()  # reminders still come, as reminderDue


# -- the menu and the icon -------------------------------------------------------------------


def test_menu_actions_and_clicks_emit_requests(qtbot, make):
    controller = make(FakeWall(datetime(2026, 5, 4, 9, tzinfo=BERLIN)))
    tray = controller.tray
    assert tray.visible and tray.menu is controller.menu and not tray.icon.isNull()
    texts = [a.text() for a in controller.menu.actions() if not a.isSeparator()]
    assert texts == ["Start session", "Open", "Quit"]
    for action, signal in (
        (controller.start_action, controller.startRequested),
        (controller.open_action, controller.openRequested),
        (controller.quit_action, controller.quitRequested),
    ):
        with qtbot.waitSignal(signal, timeout=500):
            action.trigger()
    with qtbot.waitSignal(controller.openRequested, timeout=500):
        tray.activated.emit(QSystemTrayIcon.ActivationReason.DoubleClick)
    with qtbot.waitSignal(controller.openRequested, timeout=500):
        tray.messageClicked.emit()
    with qtbot.assertNotEmitted(controller.openRequested):
        tray.activated.emit(QSystemTrayIcon.ActivationReason.Context)


def test_tell_still_running_once(make):
    controller = make(FakeWall(datetime(2026, 5, 4, 9, tzinfo=BERLIN)))
    controller.tell_still_running()
    controller.tell_still_running()
    assert len(controller.tray.shown) == 1
    assert "keeps running" in controller.tray.shown[0][1]


def test_the_app_icon_is_not_empty(qapp):
    icon = app_icon()
    assert not icon.isNull() and not icon.pixmap(32, 32).isNull()


def test_the_drawn_icon_when_nothing_else_exists(qapp, monkeypatch):
    from backcompanion import resources
    from backcompanion.ui.services import tray

    def missing(name):
        raise resources.ResourceError(name)

    if not tray.QIcon.fromTheme(tray.ICON_NAME).isNull():
        pytest.skip("the icon theme has the app icon installed")
    monkeypatch.setattr(resources, "path", missing)
    icon = app_icon()
    assert not icon.isNull() and not icon.pixmap(32, 32).isNull()
