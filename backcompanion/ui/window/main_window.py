"""The main window: one stack of pages that follows the session engine through the bridge.

Which page shows is read from the engine's snapshot (and, between sessions,
from the companion's home status); the pages send events back through the
bridge. The window keeps no copy of the session and decides no rule: the
companion (rules + store) decides, the engine runs the session.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from backcompanion import APP_NAME
from backcompanion.companion import Companion, HomeStatus
from backcompanion.session.engine import Event, Snapshot, State
from backcompanion.session.plan import SessionPlan
from backcompanion.ui.dialogs.confirm import StopConfirm, UnsavedOnQuit
from backcompanion.ui.home.carousel import ExerciseCarousel
from backcompanion.ui.home.home_page import HomePage
from backcompanion.ui.services.bridge import SessionBridge
from backcompanion.ui.services.inhibitor import Inhibitor
from backcompanion.ui.services.inhibitor.null import NullInhibitor
from backcompanion.ui.services.screen_awake import ScreenAwake
from backcompanion.ui.settings_model import Settings
from backcompanion.ui.theme import system_prefers_reduced_motion
from backcompanion.ui.window.keys import EXERCISING, Do, key_action
from backcompanion.ui.window.menus import Menus
from backcompanion.ui.window.pages import PageAttr, PageRegistry
from backcompanion.ui.window.record_keeper import RecordKeeper
from backcompanion.ui.window.safety_flow import SafetyFlow

SESSION_PAGES = ("check_in", "breathing", "exercise", "gate", "done")  # in session order


class MainWindow(QMainWindow):
    pageChanged = Signal(str)  # the object name of the page now shown
    # the pages other than home, each built the first time it is asked for
    welcome = PageAttr()
    red_flags = PageAttr()
    clinician = PageAttr()
    check_in = PageAttr()
    breathing = PageAttr()
    exercise = PageAttr()
    gate = PageAttr()
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
        self.setWindowTitle(APP_NAME + (self.tr(" (demo)") if demo else ""))
        self.bridge = SessionBridge(clock=clock, parent=self)
        self.bridge.changed.connect(self._on_snapshot)
        self.bridge.sessionEnded.connect(self._on_session_ended)
        self.home_status: HomeStatus | None = None  # the companion's, as last read
        self._pending_check: str | None = None  # "before" or "after": the check-in shown
        self.tray = None  # the TrayController, set by the app when reminders are wired
        self._quitting = False

        self.carousel = ExerciseCarousel()
        self.carousel.set_program(companion.program, None)
        self.home = HomePage(self.carousel)
        self.home.set_demo(demo)
        self._gate_plan: SessionPlan | None = None
        self.stack = QStackedWidget()
        # the other pages are built the first time they are needed (start-up time and memory)
        self.pages = PageRegistry(self.stack, self)
        self.pages.add("home", self.home)
        self.safety = SafetyFlow(self)
        factories = {
            **self.safety.factories(),
            "check_in": self._build_check_in,
            "breathing": self._build_breathing,
            "exercise": self._build_exercise,
            "gate": self._build_gate,
            "done": self._build_done,
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
        self._restore_geometry()
        self._apply_motion()
        settings.changed.connect(self._on_setting_changed)
        self.refresh_home()
        self.safety.open_at_start()

    # ---- building ----

    def _wire_home(self) -> None:
        self.home.startRequested.connect(self.start_session)
        self.home.resumeRequested.connect(self.resume_session)
        self.home.closePartialRequested.connect(self._close_partial)
        self.home.safetyCheckRequested.connect(self.safety.request)
        self.home.nudgeDismissed.connect(self.safety.dismiss_nudge)
        self.home.progressRequested.connect(self.show_progress)
        self.bridge.breathFrame.connect(self._on_breath_frame)
        self.stack.currentChanged.connect(self._on_page_shown)

    # ---- pages built on first use ----

    def _build_check_in(self) -> QWidget:
        from backcompanion.ui.session_screens.checkin import PainCheckIn

        page = PainCheckIn()
        page.submitted.connect(self._on_check_in)
        return page

    def _build_breathing(self) -> QWidget:
        from backcompanion.ui.session_screens.breathing_page import BreathingPage

        page = BreathingPage()
        page.event_requested.connect(self._on_page_event)
        page.set_reduced_motion(self.reduced_motion())
        return page

    def _build_exercise(self) -> QWidget:
        from backcompanion.ui.session_screens.exercise_page import ExercisePage

        page = ExercisePage()
        page.event_requested.connect(self._on_page_event)
        return page

    def _build_gate(self) -> QWidget:
        from backcompanion.ui.session_screens.gate_page import GatePage

        page = GatePage()
        page.event_requested.connect(self._on_page_event)
        if self._gate_plan is not None:
            page.set_plan(self._gate_plan)
        return page

    def _set_gate_plan(self, plan: SessionPlan) -> None:
        """The plan the gate page shows; given to it now if it exists, else when it is built."""
        self._gate_plan = plan
        if self.pages.built("gate") is not None:
            self.gate.set_plan(plan)

    def _build_done(self) -> QWidget:
        from backcompanion.ui.session_screens.done_page import DonePage

        page = DonePage()
        page.home_requested.connect(self.go_home)
        return page

    def _build_progress(self) -> QWidget:
        from backcompanion.ui.progress.progress_view import ProgressView

        page = ProgressView()
        page.exportRequested.connect(self.menus.export)
        page.homeRequested.connect(self.go_home)
        return page

    def _build_fullscreen(self) -> QWidget:
        from backcompanion.ui.session_screens.fullscreen_view import FullscreenSessionView

        page = FullscreenSessionView()
        page.exitRequested.connect(self.toggle_fullscreen)
        page.set_reduced_motion(self.reduced_motion())
        return page

    # ---- settings ----

    def _on_setting_changed(self, name: str) -> None:
        if name == "motion":
            self._apply_motion()

    def reduced_motion(self) -> bool:
        motion = self.settings.motion
        return system_prefers_reduced_motion() if motion == "system" else motion == "reduced"

    def _apply_motion(self) -> None:
        reduced = self.reduced_motion()
        pages = self.pages
        for widget in (pages.built("breathing"), pages.built("fullscreen"), self.carousel):
            if widget is None:
                continue
            widget.set_reduced_motion(reduced)

    # ---- pages ----

    def show_page(self, name: str) -> None:
        page = self.pages.get(name) if self.pages.knows(name) else None
        if page is not None and self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)

    def current_page(self) -> str:
        return self.stack.currentWidget().objectName()

    def _on_page_shown(self, _index: int) -> None:
        name = self.current_page()
        self.bridge.set_pacer_visible(name in ("breathing", "fullscreen"))
        self.stack.currentWidget().setFocus()  # the check-in and red flags take keys
        self.pageChanged.emit(name)

    def refresh_home(self) -> None:
        status = self.companion.home_status()
        self.home_status = status
        self.home.set_status(status)
        self.carousel.set_gate(status.gate.open, status.gate.texts)
        self.menus.start_action.setEnabled(status.may_start and status.interrupted is None)

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

        self.progress.set_data(progress_data(c.store, c.rules, c.wall()))
        self.show_page("progress")

    # ---- a session ----

    def start_session(self) -> None:
        if self.bridge.is_running():
            return
        self.refresh_home()
        status = self.home_status
        if status.interrupted is not None:
            self.show_page("home")
            return
        if not status.may_start:
            self.safety.request()
            return
        s = self.settings
        plan = self.companion.plan(s.cadence(), s.get_ready_s, s.release_s)
        engine = self.companion.new_engine(plan, self.bridge.clock, self.records.session_writer())
        self.carousel.set_program(self.companion.program, plan)
        self._set_gate_plan(plan)
        self.bridge.attach(engine)
        self.bridge.send(Event.START)
        self._warm_session_pages()
        if s.fullscreen_on_start and not self.isFullScreen():
            self.toggle_fullscreen()

    def _warm_session_pages(self) -> None:
        """Build the session's pages not built yet, one per turn of the event loop.

        Runs while the opening check-in waits for an answer: built at its first
        show, a page holds back what is on screen at that moment (measured offscreen,
        build + show + paint against a second show: breathing 37 vs 4 ms, exercise
        16 vs 3 ms, gate 9 vs 2 ms). Start-up and a window left on the home page
        build none of them.
        """
        self.pages.build_in_turns(SESSION_PAGES, self.bridge.is_running)

    def resume_session(self) -> None:
        if self.bridge.is_running() or not self.records.flush():
            return  # records of the last session still wait for the disk: not yet
        self.refresh_home()
        it = self.home_status.interrupted if self.home_status else None
        if it is None:
            self.go_home()
            return
        s = self.settings
        engine = None

        def resume() -> None:
            nonlocal engine
            engine = self.companion.resume_engine(
                it, self.bridge.clock, self.records.session_writer(), s.get_ready_s, s.release_s
            )

        if not self.records.save(resume):
            return
        if engine is None:
            QMessageBox.information(
                self,
                self.tr("Nothing left to resume"),
                self.tr("That session cannot be picked up again; it is kept as partly done."),
            )
            self._close_partial()
            return
        self._set_gate_plan(engine.plan)
        self.bridge.attach(engine)
        self._warm_session_pages()

    def _close_partial(self) -> None:
        it = self.home_status.interrupted if self.home_status else None
        if it is not None and not self.records.save(lambda: self.companion.close_interrupted(it)):
            return
        self.go_home()

    def _on_check_in(self, rating: int, note: str) -> None:
        self.bridge.send(Event.CHECK_IN, rating=rating, note=note)

    def _on_page_event(self, event: Event, payload: dict) -> None:
        if event is Event.STOP:
            self.request_stop()
            return
        if event is Event.THIS_HURTS:
            self.this_hurts()
            return
        self.bridge.send(event, **(payload or {}))

    def this_hurts(self, from_key: bool = False) -> None:
        """During strengthening, ask how much: above the limit, the easier version is offered."""
        snap = self.bridge.snapshot()
        if snap is None or Event.THIS_HURTS not in snap.allowed_events:
            return
        if snap.state is State.STRENGTHENING:
            from backcompanion.ui.session_screens.checkin import PainNowDialog

            rating = PainNowDialog.ask(self)
            if rating is None:
                return
            self.bridge.send(Event.THIS_HURTS, rating=rating)
        else:
            self.bridge.send(Event.THIS_HURTS, from_key=from_key)

    def request_stop(self) -> None:
        snap = self.bridge.snapshot()
        if snap is not None and Event.STOP in snap.allowed_events and StopConfirm.ask(self):
            self.bridge.send(Event.STOP)

    def _on_snapshot(self, snap: Snapshot) -> None:
        self.records.flush()
        state = snap.paused_from if snap.state is State.PAUSED else snap.state
        if snap.exercise is not None and state in EXERCISING:
            self.carousel.set_current(snap.exercise.id)
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

    def _on_session_ended(self, snap: Snapshot) -> None:
        from backcompanion.companion import DoneSummary

        if snap.session_id:
            summary = self.companion.done_summary(snap.session_id)
        else:
            summary = DoneSummary(None, None, 0, 0.0, None)
        self.done.set_summary(summary, stopped=snap.state is State.STOPPED)
        self.bridge.detach()
        self.carousel.set_current(None)
        self.show_page("done")
        if self.isFullScreen():
            self.toggle_fullscreen()

    # ---- keys ----

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._do_key(Qt.Key(event.key())):
            event.accept()
            return
        super().keyPressEvent(event)

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
                self.request_stop()
            case Do.SEND:
                self.bridge.send(action.event, from_key=action.from_key)
            case Do.THIS_HURTS:
                self.this_hurts(from_key=True)
            case Do.RATE_EFFORT:
                effort = self.exercise.effort_for_key(key)
                if effort is None:
                    return False
                self.bridge.send(Event.RATE_EFFORT, effort=effort)
        return True

    # ---- menus ----

    def _on_breath_frame(self, breath) -> None:
        page = self.stack.currentWidget()
        pacers = (self.pages.built("breathing"), self.pages.built("fullscreen"))
        if page is not None and page in pacers:
            page.show_breath(breath)

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

    # ---- geometry ----

    def _restore_geometry(self) -> None:
        geometry = self.settings.window_geometry
        if not geometry or not self.restoreGeometry(QByteArray(geometry)):
            self.resize(1280, 800)

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
        self._quitting = True
        self.close()
        QApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        keep = self.tray is not None and self.tray.keep_in_tray and not self._quitting
        if keep and not self.bridge.is_running():  # reminders go on from the tray
            event.ignore()
            self.hide()
            self.tray.tell_still_running()
            return
        if self.bridge.is_running():
            snap = self.bridge.snapshot()
            if snap and Event.PAUSE in snap.allowed_events:
                self.bridge.send(Event.PAUSE)
        if not self.records.flush() and UnsavedOnQuit.ask(self, self.records.pending):
            event.ignore()  # the person chose to stay open until the disk takes them
            return
        if not self.isFullScreen():
            self.settings.window_geometry = bytes(self.saveGeometry().data())
        self.screen_awake.shutdown()
        self.records.stop()
        self.bridge.detach()
        super().closeEvent(event)
