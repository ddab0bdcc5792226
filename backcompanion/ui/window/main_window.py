"""The main window: one stack of pages that follows the session engine through the bridge.

Which page shows is read from the engine's snapshot (and, between sessions,
from the companion's home status); the pages send events back through the
bridge. The window keeps no copy of the session and decides no rule: the
companion (rules + store) decides, the engine runs the session.

The window composes its parts and routes between them; each job is a module of
its own: pages.py (pages built on first use), session_flow.py and
safety_flow.py (what the pages ask for), record_keeper.py (records written,
retried), keys.py (what a key does), menus.py, closing.py (tray and quit).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from backcompanion import APP_NAME
from backcompanion.companion import Companion, HomeStatus
from backcompanion.i18n import translate
from backcompanion.session.snapshot import Snapshot
from backcompanion.session.states import Event, State
from backcompanion.ui.home.carousel import ExerciseCarousel
from backcompanion.ui.home.home_page import HomePage
from backcompanion.ui.services.bridge import SessionBridge
from backcompanion.ui.services.inhibitor import Inhibitor
from backcompanion.ui.services.inhibitor.null import NullInhibitor
from backcompanion.ui.services.screen_awake import ScreenAwake
from backcompanion.ui.settings_model import Settings
from backcompanion.ui.theme import system_prefers_reduced_motion
from backcompanion.ui.window.closing import CloseGuard
from backcompanion.ui.window.keys import EXERCISING, Do, key_action
from backcompanion.ui.window.menus import Menus
from backcompanion.ui.window.pages import PageAttr, PageRegistry
from backcompanion.ui.window.plan_flow import PlanFlow
from backcompanion.ui.window.record_keeper import RecordKeeper
from backcompanion.ui.window.safety_flow import SafetyFlow
from backcompanion.ui.window.session_flow import SessionFlow

DEFAULT_SIZE = QSize(1280, 800)  # the first start's size, on a screen big enough for it
FRAME_ALLOWANCE = QSize(0, 40)  # a title bar's height, before the desktop says how tall


class MainWindow(QMainWindow):
    """Builds the parts, routes the session's snapshots to the pages and keys to actions."""

    pageChanged = Signal(str)  # the object name of the page now shown
    # the pages other than home, each built the first time it is asked for
    welcome = PageAttr()
    red_flags = PageAttr()
    daily_check = PageAttr()
    clinician = PageAttr()
    emergency = PageAttr()
    urgent = PageAttr()
    check_in = PageAttr()
    breathing = PageAttr()
    exercise = PageAttr()
    gate = PageAttr()
    flare_up = PageAttr()
    done = PageAttr()
    progress = PageAttr()
    fullscreen = PageAttr()

    def __init__(
        self,
        companion: Companion,
        settings: Settings,
        clock: Callable[[], float] = time.monotonic,
        demo: bool = False,
        open_settings: Callable[[QWidget], None] | None = None,
        export_summary: Callable[[QWidget], None] | None = None,
        inhibitor: Inhibitor | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.companion = companion
        self.settings = settings
        self.demo = demo
        # the desktop adds " — BackCompanion" (the display name) to a title that does not
        # end with it: the demo's title names the demo, the name comes once
        self.setWindowTitle(
            translate("HomePage", "Demo: nothing here is saved") if demo else APP_NAME
        )
        self.bridge = SessionBridge(clock=clock, parent=self)
        self.bridge.changed.connect(self._on_snapshot)
        self.bridge.sessionEnded.connect(self._on_session_ended)
        self.home_status: HomeStatus | None = None  # the companion's, as last read
        self._pending_check: str | None = None  # "before" or "after": the check-in shown
        self.tray = None  # the TrayController, set by the app when reminders are wired

        self.carousel = ExerciseCarousel(clock=clock)  # browsing and the card figure's loop
        self.carousel.set_program(companion.program, None)
        self.home = HomePage(self.carousel)
        self.home.set_demo(demo)
        self.stack = QStackedWidget()
        # the other pages are built the first time they are needed (start-up time and memory)
        self.pages = PageRegistry(self.stack, self)
        self.pages.add("home", self.home)
        self.safety = SafetyFlow(self)
        self.session = SessionFlow(self)
        self.plan = PlanFlow(self)
        factories = {
            **self.safety.factories(),
            **self.session.factories(),
            "progress": self._build_progress,
            "fullscreen": self._build_fullscreen,
        }
        for name, build in factories.items():
            self.pages.register(name, build)
        self.setCentralWidget(self.stack)
        self._wire_home()
        self.menus = Menus(self, open_settings, export_summary)
        self.message = QLabel()
        self.statusBar().addWidget(self.message, 1)
        # keep the screen awake while a session runs (tests pass no inhibitor: a null one)
        self.screen_awake = ScreenAwake(
            self.bridge, settings, inhibitor or NullInhibitor("not requested"), clock, parent=self
        )
        self.awake_label = QLabel()
        self.statusBar().addPermanentWidget(self.awake_label)
        self.screen_awake.activeChanged.connect(
            lambda _active: self.awake_label.setText(self.screen_awake.status_text())
        )
        # the records reach the disk, a failed write is retried; the status line says so
        self.records = RecordKeeper(companion.store, lambda text: self.message.setText(text), self)
        self.closing = CloseGuard(self)
        self._restore_geometry()
        self._apply_motion()
        settings.changed.connect(self._on_setting_changed)
        self.refresh_home()
        self.safety.open_at_start()

    # ---- wiring ----

    def _wire_home(self) -> None:
        self.home.startRequested.connect(self.session.start)
        self.home.resumeRequested.connect(self.session.resume)
        self.home.closePartialRequested.connect(self.session.close_partial)
        self.home.safetyCheckRequested.connect(self.safety.request)
        self.home.nudgeDismissed.connect(self.safety.dismiss_nudge)
        self.home.progressRequested.connect(self.show_progress)
        self.bridge.breathFrame.connect(self._on_breath_frame)
        self.bridge.phaseFrame.connect(self._on_phase_frame)
        self.bridge.keyHeld.connect(self._on_key_held)
        self.stack.currentChanged.connect(self._on_page_shown)

    # ---- the window's own pages (the flows build theirs) ----

    def _build_progress(self) -> QWidget:
        from backcompanion.ui.progress.progress_view import ProgressView

        page = ProgressView()
        page.exportRequested.connect(self.menus.export)
        page.homeRequested.connect(self.go_home)
        page.psfsRequested.connect(self._rate_from_progress)
        return page

    def _rate_from_progress(self) -> None:
        self.plan.rate_activities()
        self.show_progress()  # the new rating in the trend

    def _build_fullscreen(self) -> QWidget:
        from backcompanion.ui.session_screens.fullscreen_view import FullscreenSessionView

        page = FullscreenSessionView()
        page.exitRequested.connect(self.toggle_fullscreen)
        page.set_reduced_motion(self.reduced_motion())
        return page

    # ---- motion ----

    def _on_setting_changed(self, name: str) -> None:
        if name == "motion":
            self._apply_motion()

    def reduced_motion(self) -> bool:
        motion = self.settings.motion
        return system_prefers_reduced_motion() if motion == "system" else motion == "reduced"

    def _apply_motion(self) -> None:
        reduced = self.reduced_motion()
        built = [self.pages.built(n) for n in ("breathing", "exercise", "fullscreen")]
        for widget in (*built, self.carousel):
            if widget is None:
                continue
            widget.set_reduced_motion(reduced)
        self._figure_frames()

    def _figure_frames(self) -> None:
        """A moving exercise figure on screen gets the bridge's frames (none in reduced motion)."""
        shown = self.current_page() in ("exercise", "fullscreen")
        self.bridge.set_figure_visible(shown and not self.reduced_motion())

    # ---- which page shows ----

    def show_page(self, name: str) -> None:
        page = self.pages.get(name) if self.pages.knows(name) else None
        if page is not None and self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)

    def current_page(self) -> str:
        return self.stack.currentWidget().objectName()

    def _on_page_shown(self, _index: int) -> None:
        name = self.current_page()
        self.bridge.set_pacer_visible(name in ("breathing", "fullscreen"))
        self._figure_frames()
        self.stack.currentWidget().setFocus()  # the check-in and red flags take keys
        if self.home_status is not None:  # the PSFS reminder belongs to the home page only
            self._psfs_reminder(self.home_status)
        self.pageChanged.emit(name)

    def refresh_home(self) -> None:
        status = self.companion.home_status()
        self.home_status = status
        self.home.set_status(status)
        self.carousel.set_gate(status.gate.open, status.gate.texts)
        self.menus.start_action.setEnabled(status.may_start and status.interrupted is None)
        self._psfs_reminder(status)

    def _psfs_reminder(self, status: HomeStatus) -> None:
        """When the everyday activities are due (PSFS), the home page's status line says where
        to rate them; on any other page (a session, a warning) the line does not carry it."""
        reminder = translate(
            "MainWindow",
            "Time to rate your everyday activities: Plan > Rate everyday activities (Ctrl+R).",
        )
        shown = self.message.text()
        wanted = status.psfs_due and status.may_start and self.current_page() == "home"
        if wanted and not shown:
            self.message.setText(reminder)
        elif not wanted and shown == reminder:
            self.message.setText("")

    def go_home(self) -> None:
        if self.bridge.is_running():
            return
        self.records.flush()
        self.refresh_home()
        self.safety.update_clinician()
        self.show_page("home")

    def show_progress(self) -> None:
        if self.bridge.is_running():
            return
        c = self.companion
        from backcompanion.report.progress import progress_data

        self.progress.set_data(progress_data(c.store, c.rules, c.wall(), program=c.program))
        self.show_page("progress")

    def start_session(self) -> None:
        """File > Start session, Enter on the home page, the tray's start."""
        self.session.start()

    # ---- the session's snapshots to the pages ----

    def _on_snapshot(self, snap: Snapshot) -> None:
        self.records.flush()
        state = snap.paused_from if snap.state is State.PAUSED else snap.state
        if state is State.CHECK_IN_BEFORE or state is State.CHECK_IN_AFTER:
            kind = "before" if state is State.CHECK_IN_BEFORE else "after"
            if self._pending_check != kind:
                self._pending_check = kind
                self.check_in.reset()
                self.check_in.set_title(
                    self.tr("How is your back right now?")
                    if kind == "before"
                    else self.tr("And now, after the session?")
                )
            self.show_page("check_in")
            return
        self._pending_check = None
        if state is State.FLARE_UP:  # a page of its own, full screen or not
            reasons = self.bridge.engine.plan.gate_reasons if self.bridge.engine else ()
            self.flare_up.show_snapshot(snap, reasons[0] if reasons else "")
            self.show_page("flare_up")
            return
        name = {
            State.BREATHING: "breathing",
            State.STRETCHING: "exercise",
            State.STRENGTHENING: "exercise",
            State.GATE: "gate",
        }.get(state)
        if name is not None:
            # only what a person on the floor needs in full screen (the page is built when shown)
            page = self.pages.get("fullscreen" if self.isFullScreen() else name)
            page.show_snapshot(snap)
            self.show_page(page.objectName())
        if snap.exercise is not None and state in EXERCISING:
            # the home carousel (hidden now) follows after the page: its card's figure for a
            # new exercise must not make the number on screen late
            self.carousel.set_current(snap.exercise.id)

    def _on_session_ended(self, snap: Snapshot) -> None:
        from backcompanion.companion import DoneSummary

        if snap.session_id:
            engine = self.bridge.engine
            plan = engine.plan if engine is not None else None
            summary = self.companion.done_summary(snap.session_id, plan)
        else:
            summary = DoneSummary(None, None, 0, 0.0, None, complete=False)
        self.done.set_summary(summary, stopped=snap.state is State.STOPPED)
        self.bridge.detach()
        self.carousel.set_current(None)
        self.show_page("done")
        if self.isFullScreen():
            self.toggle_fullscreen()

    # ---- keys ----

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat() and self._takes_key(Qt.Key(event.key())):
            event.accept()  # a key held down is one press: N held must not skip the lot
            return
        if self._do_key(Qt.Key(event.key())):
            event.accept()
            return
        super().keyPressEvent(event)

    def _takes_key(self, key: Qt.Key) -> bool:
        snap = self.bridge.snapshot() if self.bridge.is_running() else None
        return key_action(key, snap, self.current_page(), self.isFullScreen()) is not None

    def _do_key(self, key: Qt.Key) -> bool:
        """Does what ``key`` does here (see keys.py); False when the window does not take it."""
        snap = self.bridge.snapshot() if self.bridge.is_running() else None
        action = key_action(key, snap, self.current_page(), self.isFullScreen())
        if action is None:
            return False
        match action.do:
            case Do.START_SESSION:
                self.start_session()
            case Do.GO_HOME:
                self.go_home()
            case Do.LEAVE_FULLSCREEN:
                self.toggle_fullscreen()
            case Do.ASK_TO_STOP:
                self.session.request_stop()
            case Do.SEND:
                self.bridge.send(action.event, from_key=action.from_key)
            case Do.THIS_HURTS:
                self.session.this_hurts(from_key=True)
            case Do.RATE_EFFORT:
                effort = self.exercise.effort_for_key(key)
                if effort is None:
                    return False
                self.bridge.send(Event.RATE_EFFORT, effort=effort)
        return True

    def _on_key_held(self, event: Event | None) -> None:
        """A key held back as the session moved on by itself: its button says so."""
        for name in ("breathing", "exercise", "gate", "fullscreen"):
            page = self.pages.built(name)
            if page is not None:
                page.show_key_held(event)

    # ---- the pacer, the moving figure and full screen ----

    def _on_breath_frame(self, breath) -> None:
        page = self.stack.currentWidget()
        pacers = (self.pages.built("breathing"), self.pages.built("fullscreen"))
        if page is not None and page in pacers:
            page.show_breath(breath)

    def _on_phase_frame(self, elapsed_s: float) -> None:
        page = self.stack.currentWidget()
        figures = (self.pages.built("exercise"), self.pages.built("fullscreen"))
        if page is not None and page in figures:
            page.show_phase_time(elapsed_s)

    def toggle_fullscreen(self) -> None:
        """F11: the full-screen session view while a session runs; Esc leaves it first."""
        leaving = self.isFullScreen()
        if leaving:
            self.showNormal()
        else:
            self.showFullScreen()
        self.menuBar().setVisible(leaving)
        self.statusBar().setVisible(leaving)
        snap = self.bridge.snapshot()
        if snap is not None and self.bridge.is_running():
            self._on_snapshot(snap)

    # ---- the window itself: geometry, tray, closing ----

    def _restore_geometry(self) -> None:
        """The size and place the window had (Qt keeps it on a screen), else 1280x800, or
        less high on a screen that has less free height: every button stays on screen."""
        geometry = self.settings.window_geometry
        if geometry and self.restoreGeometry(QByteArray(geometry)):
            return
        screen = self.screen() or QApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        if free is None or free.isEmpty():
            self.resize(DEFAULT_SIZE)
            return
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar, borders
        if frame.height() <= 0:  # not known before the window is first shown
            frame = FRAME_ALLOWANCE
        # the height is what a laptop lacks (1280x800 less its panels, 1280x720); the pages
        # need about 1080 px of width in any case, so the width stays as it is
        height = min(DEFAULT_SIZE.height(), free.height() - frame.height())
        self.resize(DEFAULT_SIZE.width(), max(height, self.minimumSizeHint().height()))
        if height < DEFAULT_SIZE.height():
            self.move(self.x(), free.top())

    def bring_to_front(self) -> None:
        if self.isMinimized() or not self.isVisible():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_reminder(self, text: str) -> None:
        """A reminder no tray can show: the status line, and the window asks for attention."""
        self.message.setText(text)
        QApplication.alert(self)

    def quit_app(self) -> None:
        self.closing.quit_app()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.closing.may_close(event):
            super().closeEvent(event)
