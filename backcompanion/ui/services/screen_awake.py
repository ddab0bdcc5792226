"""Keeps the screen awake while a session runs, and only then (docs/ARCHITECTURE.md §4).

:class:`ScreenAwake` follows the session bridge and drives an
:class:`~backcompanion.ui.services.inhibitor.Inhibitor`:

- it inhibits from the opening check-in (``CHECK_IN_BEFORE``) through
  breathing, stretching, the gate, strengthening and their pauses;
- it releases at once when the closing check-in is reached
  (``CHECK_IN_AFTER``), on stop, when the session is done, when the app quits
  (:meth:`ScreenAwake.shutdown`, also connected to ``aboutToQuit``), and after
  ``pause_limit_s`` (10 minutes) of pause; resuming after that inhibits again;
- the ``keep_screen_awake`` setting turned off releases at once and never
  inhibits; turned on again during a session, it inhibits.

A crash needs nothing from here: every backend's hold dies with the process
(a D-Bus inhibition with the app's bus connection, which the bus closes when
the process ends; the Windows execution state and the macOS IOKit assertion
with the process itself).

It asks the inhibitor only when what it wants changes (the bridge reports every
shown second), so a backend that cannot work is tried once per session, not
once a second. :attr:`ScreenAwake.active` and ``activeChanged`` say whether the
screen is really being kept awake, for the session screen's small
"Keeping the screen awake" (:meth:`ScreenAwake.status_text`).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import Property, QCoreApplication, QObject, QTimer, Signal, Slot

from backcompanion.session.snapshot import Snapshot
from backcompanion.session.states import State
from backcompanion.ui.services.bridge import SessionBridge
from backcompanion.ui.services.inhibitor import Inhibitor
from backcompanion.ui.settings_model import Settings

log = logging.getLogger(__name__)

PAUSE_LIMIT_S = 600.0  # docs/ARCHITECTURE.md §4: released after 10 minutes paused
SETTING = "keep_screen_awake"
# from the opening check-in to the closing one: the screen stays awake (pauses: see above)
AWAKE_STATES = frozenset(
    {State.CHECK_IN_BEFORE, State.BREATHING, State.STRETCHING, State.GATE, State.STRENGTHENING}
)


class ScreenAwake(QObject):
    """Drives ``inhibitor`` from the session on ``bridge`` and the user's ``settings``.

    ``clock`` (monotonic seconds) measures pauses: the single-shot pause timer
    is checked against it when it fires, so a coarse timer firing a little
    early re-arms for the rest instead of releasing too soon.
    """

    activeChanged = Signal(bool)

    def __init__(
        self,
        bridge: SessionBridge,
        settings: Settings,
        inhibitor: Inhibitor,
        clock: Callable[[], float] = time.monotonic,
        pause_limit_s: float = PAUSE_LIMIT_S,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        if not pause_limit_s > 0:
            raise ValueError("pause_limit_s must be positive")
        self._bridge = bridge
        self._settings = settings
        self._inhibitor = inhibitor
        self._clock = clock
        self._pause_limit_s = float(pause_limit_s)
        self._enabled = bool(settings.keep_screen_awake)
        self._in_session = False  # between the opening and the closing check-in
        self._paused_since: float | None = None  # on our clock, while the session is paused
        self._pause_expired = False
        self._shut = False
        self._wanted = False  # what we last asked the inhibitor for
        self._active = False  # what activeChanged last said
        self._pause_timer = QTimer(self)
        self._pause_timer.setObjectName("screenAwakePauseLimit")
        self._pause_timer.setSingleShot(True)
        self._pause_timer.timeout.connect(self._on_pause_limit)
        bridge.changed.connect(self._on_changed)
        bridge.sessionEnded.connect(self._on_ended)
        settings.changed.connect(self._on_setting)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        snap = bridge.snapshot()
        if snap is not None:  # created while a session runs (or was restored)
            self._on_changed(snap)

    # ---- what the window reads ----

    def _get_active(self) -> bool:
        return self._active

    active = Property(bool, _get_active, notify=activeChanged)

    @property
    def inhibitor(self) -> Inhibitor:
        return self._inhibitor

    @property
    def pause_limit_reached(self) -> bool:
        """True while a pause has lasted past the limit (the screen may blank now)."""
        return self._pause_expired

    def status_text(self) -> str:
        """The small line for the session screen: "Keeping the screen awake", or nothing."""
        return self.tr("Keeping the screen awake") if self._active else ""

    @Slot()
    def shutdown(self) -> None:
        """The app quits: release now and never inhibit again (main window's closeEvent)."""
        if self._shut:
            return
        self._shut = True
        self._pause_timer.stop()
        self._apply()
        self._inhibitor.release()  # idempotent; whatever happened before, nothing is held now
        self._sync_active()

    # ---- following the session ----

    @Slot(object)
    def _on_changed(self, snap: Snapshot) -> None:
        state = snap.state
        live = snap.paused_from if state is State.PAUSED else state
        self._in_session = live in AWAKE_STATES
        if state is State.PAUSED and self._in_session:
            if self._paused_since is None:
                self._pause_began()
            elif not self._pause_expired and self._pause_left() <= 0:
                self._expire_pause()  # the timer was late (a suspend): the clock says it is over
        elif self._paused_since is not None:
            self._pause_ended()
        self._apply()

    @Slot(object)
    def _on_ended(self, snap: Snapshot) -> None:
        self._in_session = False
        if self._paused_since is not None:
            self._pause_ended()
        self._apply()

    @Slot(str)
    def _on_setting(self, name: str) -> None:
        if name == SETTING:
            self._enabled = bool(self._settings.keep_screen_awake)
            self._apply()

    # ---- pauses ----

    def _pause_began(self) -> None:
        self._paused_since = self._clock()
        self._pause_expired = False
        self._arm(self._pause_limit_s)

    def _pause_ended(self) -> None:
        self._pause_timer.stop()
        self._paused_since = None
        self._pause_expired = False

    def _pause_left(self) -> float:
        return self._pause_limit_s - (self._clock() - self._paused_since)

    def _arm(self, seconds: float) -> None:
        self._pause_timer.start(max(1, math.ceil(seconds * 1000)))

    @Slot()
    def _on_pause_limit(self) -> None:
        if self._paused_since is None or self._pause_expired:
            return
        left = self._pause_left()
        if left > 0:
            self._arm(left)  # a coarse timer fired early: wait for the rest
            return
        self._expire_pause()
        self._apply()

    def _expire_pause(self) -> None:
        self._pause_timer.stop()
        self._pause_expired = True
        log.info("paused for %g s: the screen may blank again", self._pause_limit_s)

    # ---- the inhibitor ----

    def _apply(self) -> None:
        want = self._in_session and self._enabled and not self._pause_expired and not self._shut
        if want != self._wanted:
            self._wanted = want
            if want:
                if not self._inhibitor.inhibit(self.tr("An exercise session is running")):
                    log.info("the screen cannot be kept awake (%s)", self._inhibitor.name)
            else:
                self._inhibitor.release()
        self._sync_active()

    def _sync_active(self) -> None:
        active = bool(self._inhibitor.active)
        if active != self._active:
            self._active = active
            self.activeChanged.emit(active)
