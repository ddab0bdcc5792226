"""The system-tray icon and the daily exercise reminder.

:class:`TrayController` owns a ``QSystemTrayIcon`` (menu: Start session, Open,
Quit) and ONE single-shot ``QTimer`` aimed at the next reminder
(:mod:`backcompanion.session.reminders` decides when that is). Nothing ticks
when nothing moves (docs/ARCHITECTURE.md §4): with reminders off there is no timer at
all; with reminders on, the timer is re-aimed after each fire, after a settings
change and after a wake, and never waits longer than :data:`MAX_WAIT_MS`.

Why the cap: a ``QTimer`` counts monotonic time, which stops while the computer
sleeps (Linux, macOS). A timer aimed at 18:00 from 10:00 on a laptop that slept
from 11:00 to 20:00 would fire at 03:00 the next night. Capping every wait at
ten minutes means a missed reminder is shown at most ten minutes after the
computer wakes; at six wake-ups an hour, far below docs/ARCHITECTURE.md §4's "less than once a
second". When the timer fires, wall-clock progress is compared with monotonic
progress: much more wall time than monotonic time means the computer slept
(:attr:`TrayController.last_wake`), and the reminder text says so.

Several reminders missed in one sleep are shown once
(:func:`~backcompanion.session.reminders.due_reminders`).

Where a reminder goes, first that works: the desktop's notification service
(``notifier``, :mod:`~backcompanion.ui.services.notifications`, on Linux; with a
"Start now" button where the service has actions), which many desktops run
without any tray; else the tray's message; else
:attr:`TrayController.reminderDue` for the main window's status line, while it
is open. Windows and macOS have no notifier: the tray's message is theirs.
:attr:`TrayController.last_route` says which one took the last reminder.

No system tray (GNOME on Wayland without the AppIndicator extension, for
example): :attr:`TrayController.tray_available` is False,
:attr:`TrayController.explanation` says why for the settings dialog and no tray
object is made. The same happens when a tray exists but cannot show
notifications.

"Keep running in the tray when the window closes" is the user's choice, read
from the optional setting ``reminders_keep_in_tray`` (False when the settings
do not have it): see :attr:`TrayController.keep_in_tray`.
"""

from __future__ import annotations

import logging
import math
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from backcompanion import APP_NAME, resources
from backcompanion.i18n import weekday_name
from backcompanion.session.reminders import Reminder, due_reminders, local_now, next_reminder, zoned
from backcompanion.ui.settings_model import Settings

if TYPE_CHECKING:  # QtDBus only where a notifier is made (make_notifier: not Windows, macOS)
    from backcompanion.ui.services.notifications import DesktopNotifier

__all__ = [
    "KEEP_IN_TRAY",
    "MAX_WAIT_MS",
    "WAKE_SLACK_S",
    "TrayController",
    "app_icon",
]

log = logging.getLogger(__name__)

KEEP_IN_TRAY = "reminders_keep_in_tray"  # optional setting (bool): stay in the tray on close
MAX_WAIT_MS = 10 * 60 * 1000  # the longest the reminder timer waits before looking again
WAKE_SLACK_S = 30.0  # wall time ahead of monotonic time by more than this: the computer slept
CLOCK_RESET_S = 12 * 3600  # the wall clock went back more than this: start counting afresh
NOTIFY_MS = 15_000  # how long a tray notification stays (where the desktop honours it)
ICON_NAME = "io.github.backcompanion.BackCompanion"  # the desktop file's Icon=
_SCHEDULE = frozenset({"reminders_enabled", "reminder_time", "reminder_days"})


def app_icon() -> QIcon:
    """The app icon: the SVG in resources, else the installed theme icon, else a drawn one."""
    try:
        icon = QIcon(str(resources.path("icons/backcompanion.svg")))
    except resources.ResourceError:
        icon = QIcon()
    if not icon.isNull() and not icon.pixmap(32, 32).isNull():
        return icon
    for name in (ICON_NAME, "backcompanion"):
        themed = QIcon.fromTheme(name)
        if not themed.isNull():
            return themed
    return _drawn_icon()


def _drawn_icon(size: int = 64) -> QIcon:
    """A small stand-in: a teal disc with a gentle curve (a back, stretching)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#2a7f80"))
    p.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    curve = QPainterPath(QPointF(size * 0.25, size * 0.70))
    curve.cubicTo(
        QPointF(size * 0.40, size * 0.30),
        QPointF(size * 0.60, size * 0.30),
        QPointF(size * 0.75, size * 0.70),
    )
    pen = QPen(QColor("white"), size * 0.09)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(curve)
    p.end()
    return QIcon(pixmap)


def _reason(tray: bool, notifications: bool, desktop: bool = False) -> str:
    """The settings dialog's line on why reminders do not use the tray ("" when they do);
    ``desktop``: the desktop's notification service is asked first."""
    if desktop and not (tray and notifications):
        return QCoreApplication.translate(
            "TrayController",
            "Your desktop has no system tray for BackCompanion: reminders come as "
            "desktop notifications, or as a message in the window when it is open.",
        )
    if not tray:
        return QCoreApplication.translate(
            "TrayController",
            "Reminders need a system tray; your desktop does not offer one, "
            "so BackCompanion reminds you with a message when it is open.",
        )
    if not notifications:
        return QCoreApplication.translate(
            "TrayController",
            "Your desktop's tray cannot show notifications, "
            "so BackCompanion reminds you with a message when it is open.",
        )
    return ""


class TrayController(QObject):
    """The tray icon, its menu and the reminder timer (module doc).

    ``wall`` gives the time of day (zone-aware; a fixed offset or naive time is
    read in the computer's real zone), ``monotonic`` seconds that never jump
    (used to notice a sleep), ``tray_factory`` makes the tray icon (a
    ``QSystemTrayIcon`` look-alike; its static ``isSystemTrayAvailable`` and
    ``supportsMessages`` are asked first), ``quiet`` says when to let a reminder
    pass silently (a session is running): tests inject all four. ``notifier``
    (the desktop's notification service) becomes the controller's: :meth:`shutdown`
    closes it. Call :meth:`shutdown` before the app quits.
    """

    reminderDue = Signal(str)  # a reminder the tray cannot show: the window shows the text
    startRequested = Signal()  # menu "Start session"
    openRequested = Signal()  # menu "Open", a click on the icon or on a notification
    quitRequested = Signal()  # menu "Quit"

    def __init__(
        self,
        settings: Settings,
        wall: Callable[[], datetime] = local_now,
        monotonic: Callable[[], float] = time.monotonic,
        tray_factory: type = QSystemTrayIcon,
        quiet: Callable[[], bool] | None = None,
        notifier: DesktopNotifier | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.settings = settings
        self.notifier = notifier
        self._wall = wall
        self._monotonic = monotonic
        self._quiet = quiet
        self.tray_available = bool(tray_factory.isSystemTrayAvailable())
        self.notifications_available = self.tray_available and bool(tray_factory.supportsMessages())
        self.explanation = _reason(
            self.tray_available, self.notifications_available, notifier is not None
        )
        self.icon = app_icon()
        self.next_at: datetime | None = None  # when the next reminder is due (None: off)
        self.last_wake: datetime | None = None  # when a sleep was last noticed
        self.last_text = ""  # the last reminder text shown
        self.last_route = ""  # where it went: "desktop", "tray" or "window"
        self._told_running = False
        self._closed = False

        self.timer = QTimer(self)
        self.timer.setObjectName("reminder_timer")
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self.check_now)

        self.start_action = QAction(self.tr("Start session"), self)
        self.open_action = QAction(self.tr("Open"), self)
        self.quit_action = QAction(self.tr("Quit"), self)
        if notifier is not None:  # "Start now" on the notification, or a click on it
            notifier.actionInvoked.connect(self._on_notification_action)
        self.start_action.triggered.connect(self.startRequested)
        self.open_action.triggered.connect(self.openRequested)
        self.quit_action.triggered.connect(self.quitRequested)
        self.menu: QMenu | None = None
        self.tray = None
        if self.tray_available:
            self._make_tray(tray_factory)

        now = self._now()
        self._last_check = now
        self._armed_wall = now
        self._armed_mono = self._monotonic()
        settings.changed.connect(self._on_setting)
        self._arm()

    # -- what the rest of the app asks -------------------------------------------------------

    @staticmethod
    def unavailable_reason(tray_factory: type = QSystemTrayIcon) -> str:
        """Why reminders cannot use the tray here ("" when they can), for the settings dialog."""
        available = bool(tray_factory.isSystemTrayAvailable())
        return _reason(available, available and bool(tray_factory.supportsMessages()))

    @property
    def keep_in_tray(self) -> bool:
        """Whether closing the window should only hide it: the user chose so, a reminder is
        set and there is a tray to come back from."""
        s = self.settings
        return bool(
            self.tray_available
            and self.tray is not None
            and s.reminders_enabled
            and s.reminder_days
            and self._keep_choice()
        )

    def _keep_choice(self) -> bool:
        try:
            return bool(self.settings.get(KEEP_IN_TRAY))
        except KeyError:  # the settings do not know this value (yet): never keep running
            return False

    def tell_still_running(self) -> None:
        """Say once per run, after the window hid to the tray, where the app went."""
        if self._told_running or not self.notifications_available or self.tray is None:
            return
        self._told_running = True
        self.tray.showMessage(
            APP_NAME,
            self.tr(
                "BackCompanion keeps running here to remind you. "
                "Choose Quit from this icon's menu to close it."
            ),
            self.icon,
            NOTIFY_MS,
        )

    def shutdown(self) -> None:
        """Stop the timer, remove the icon, stop following the settings. Safe to repeat."""
        self.timer.stop()
        if self._closed:
            return
        self._closed = True
        self.settings.changed.disconnect(self._on_setting)
        if self.notifier is not None:  # the controller owns it: deleted here (its doc)
            notifier, self.notifier = self.notifier, None
            notifier.close()
        if self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None
        if self.menu is not None:
            self.menu.deleteLater()
            self.menu = None

    # -- the tray ----------------------------------------------------------------------------

    def _make_tray(self, factory: type) -> None:
        self.menu = QMenu()
        self.menu.addAction(self.start_action)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        tray = factory(self)
        tray.setIcon(self.icon)
        tray.setToolTip(APP_NAME)
        tray.setContextMenu(self.menu)
        tray.activated.connect(self._on_activated)
        tray.messageClicked.connect(self.openRequested)
        tray.show()
        self.tray = tray

    def _on_activated(self, reason) -> None:
        opens = {QSystemTrayIcon.ActivationReason.DoubleClick}
        if sys.platform != "darwin":  # on macOS a click opens the menu
            opens.add(QSystemTrayIcon.ActivationReason.Trigger)
        if reason in opens:
            self.openRequested.emit()

    # -- the reminder ------------------------------------------------------------------------

    def _now(self) -> datetime:
        return zoned(self._wall())

    def _on_setting(self, name: str) -> None:
        if name in _SCHEDULE:
            self._last_check = self._now()  # a new schedule starts now: nothing is overdue
            self._arm()

    def _arm(self) -> None:
        """Aim the single-shot timer at the next reminder (or at most MAX_WAIT_MS ahead)."""
        self.timer.stop()
        s = self.settings
        now = self._now()
        self._armed_wall, self._armed_mono = now, self._monotonic()
        self.next_at = None
        if not self._closed and s.reminders_enabled and s.reminder_days:
            after = max(now, self._last_check, key=lambda d: d.astimezone(UTC))
            self.next_at = next_reminder(
                after.astimezone(now.tzinfo), s.reminder_time, s.reminder_days
            )
        self._update_tooltip()
        if self.next_at is None:
            return
        wait_s = (self.next_at.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
        self.timer.start(max(0, min(MAX_WAIT_MS, math.ceil(wait_s * 1000))))

    def check_now(self) -> None:
        """Show a reminder that fell due (at most one), then re-aim the timer.

        The timer calls this; the window may too when it is activated (another
        hint that the computer just woke up).
        """
        if self._closed:
            return
        now, mono = self._now(), self._monotonic()
        wall_s = (now.astimezone(UTC) - self._armed_wall.astimezone(UTC)).total_seconds()
        woke = wall_s - (mono - self._armed_mono) > WAKE_SLACK_S
        if woke:
            self.last_wake = now
            log.info(
                "the computer slept: %.0f s of wall time passed in %.0f s",
                wall_s,
                mono - self._armed_mono,
            )
        s = self.settings
        reminder = None
        if s.reminders_enabled and s.reminder_days:
            reminder = due_reminders(self._last_check, now, s.reminder_time, s.reminder_days)
        self._advance(now)
        if reminder is not None and not (self._quiet is not None and self._quiet()):
            self._show(self.reminder_text(reminder, now, woke))
        self._arm()

    def _advance(self, now: datetime) -> None:
        back_s = (self._last_check.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
        if back_s <= 0 or back_s > CLOCK_RESET_S:
            self._last_check = now
        # else the clock stepped back a little: keep the later mark so no reminder repeats

    def reminder_text(self, reminder: Reminder, now: datetime, woke: bool = False) -> str:
        """A kind, short text for ``reminder`` shown at ``now``."""
        if not reminder.late:
            return self.tr("Time for your exercises: a few gentle minutes, at your own pace.")
        if woke:
            return self.tr(
                "An exercise reminder came while the computer was asleep. "
                "A few gentle minutes, whenever suits you."
            )
        day, time = self._when(reminder.at, now)
        if day is None:
            return self.tr(
                "Your exercise reminder was at {time}. Later is fine too: "
                "a few gentle minutes, whenever suits you."
            ).format(time=time)
        return self.tr(
            "Your exercise reminder was on {day} at {time}. Later is fine too: "
            "a few gentle minutes, whenever suits you."
        ).format(day=day, time=time)

    def _when(self, at: datetime, now: datetime) -> tuple[str | None, str]:
        """The weekday (None when it is ``now``'s day) and the time (24-hour) of ``at``."""
        wall = at.astimezone(UTC).astimezone(now.tzinfo)
        time = f"{wall:%H:%M}"
        if wall.date() == now.date():
            return None, time
        return weekday_name(wall.date()), time

    def _show(self, text: str) -> None:
        """The reminder, where it reaches the person first (module doc)."""
        self.last_text = text
        if self.notifier is not None and self.notifier.notify(APP_NAME, text):
            self.last_route = "desktop"
        elif self.tray is not None and self.notifications_available:
            self.last_route = "tray"
            self.tray.showMessage(APP_NAME, text, self.icon, NOTIFY_MS)
        else:
            self.last_route = "window"
            self.reminderDue.emit(text)

    def _on_notification_action(self, key: str) -> None:
        if self._closed:
            return
        if key == "start":  # notifications.START
            self.startRequested.emit()  # the window comes up with the opening check-in
        else:
            self.openRequested.emit()

    def _update_tooltip(self) -> None:
        if self.tray is None:
            return
        tip = APP_NAME
        if self.next_at is not None:
            day, time = self._when(self.next_at, self._armed_wall)
            if day is None:
                line = self.tr("Next reminder: today at {time}").format(time=time)
            else:
                line = self.tr("Next reminder: {day} at {time}").format(day=day, time=time)
            tip += "\n" + line
        self.tray.setToolTip(tip)
