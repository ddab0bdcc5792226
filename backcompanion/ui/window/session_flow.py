"""A session from the window's side: start it, resume it, and pass the pages' requests on.

The companion plans the session and makes the engine; the engine decides
every move. This asks the questions that need a person (stop now? how much does
it hurt?) and builds the session's pages ahead while the opening check-in waits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from backcompanion.i18n import translate
from backcompanion.session.plan import SessionPlan
from backcompanion.session.states import Event

if TYPE_CHECKING:
    from backcompanion.ui.window.main_window import MainWindow

SESSION_PAGES = ("check_in", "breathing", "exercise", "gate", "flare_up", "done")  # in order


class SessionFlow:
    def __init__(self, window: MainWindow):
        self._window = window
        self._gate_plan: SessionPlan | None = None

    def factories(self) -> dict[str, Callable[[], QWidget]]:
        """The session's pages, for the window's page registry."""
        return {
            "check_in": self._build_check_in,
            "breathing": self._build_breathing,
            "exercise": self._build_exercise,
            "gate": self._build_gate,
            "flare_up": self._build_flare_up,
            "done": self._build_done,
        }

    def _build_flare_up(self) -> QWidget:
        from backcompanion.ui.session_screens.flare_page import FlareUpPage

        page = FlareUpPage()
        page.event_requested.connect(self._on_page_event)
        return page

    def _build_check_in(self) -> QWidget:
        from backcompanion.ui.session_screens.checkin import PainCheckIn

        page = PainCheckIn()
        page.submitted.connect(self._on_check_in)
        return page

    def _build_breathing(self) -> QWidget:
        from backcompanion.ui.session_screens.breathing_page import BreathingPage

        page = BreathingPage()
        page.event_requested.connect(self._on_page_event)
        page.set_reduced_motion(self._window.reduced_motion())
        return page

    def _build_exercise(self) -> QWidget:
        from backcompanion.ui.session_screens.exercise_page import ExercisePage

        page = ExercisePage()
        page.event_requested.connect(self._on_page_event)
        page.set_reduced_motion(self._window.reduced_motion())
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
        if self._window.pages.built("gate") is not None:
            self._window.gate.set_plan(plan)

    def _build_done(self) -> QWidget:
        from backcompanion.ui.session_screens.done_page import DonePage

        page = DonePage()
        page.home_requested.connect(self._window.go_home)
        return page

    def start(self) -> None:
        """Start a session: "anything new today?" first, then the opening check-in."""
        w = self._window
        if w.bridge.is_running():
            return
        w.refresh_home()
        status = w.home_status
        if status.interrupted is not None:
            w.show_page("home")
            return
        if not status.may_start:
            w.safety.request()
            return
        w.safety.ask_daily(self.begin)

    def begin(self) -> None:
        """The session itself, once the daily check found nothing new that stands."""
        w = self._window
        if w.bridge.is_running():
            return
        s = w.settings
        plan = w.companion.plan(s.cadence(), s.get_ready_s, s.release_s)
        engine = w.companion.new_engine(plan, w.bridge.clock, w.records.session_writer())
        w.carousel.set_program(w.companion.program, plan)
        self._set_gate_plan(plan)
        w.bridge.attach(engine)
        w.bridge.send(Event.START)
        self._build_pages_ahead()
        if s.fullscreen_on_start and not w.isFullScreen():
            w.toggle_fullscreen()

    def _build_pages_ahead(self) -> None:
        """Build the session's pages not built yet, one per turn of the event loop.

        Runs while the opening check-in waits for an answer: built at its first
        show, a page holds back what is on screen at that moment (measured offscreen,
        build + show + paint against a second show: breathing 37 vs 4 ms, exercise
        16 vs 3 ms, gate 9 vs 2 ms). Start-up and a window left on the home page
        build none of them.
        """
        w = self._window
        w.pages.build_in_turns(SESSION_PAGES, w.bridge.is_running)

    def resume(self) -> None:
        w = self._window
        if w.bridge.is_running() or not w.records.flush():
            return  # records of the last session still wait for the disk: not yet
        w.refresh_home()
        it = w.home_status.interrupted if w.home_status else None
        if it is None:
            w.go_home()
            return
        s = w.settings
        engine = None

        def resume() -> None:
            nonlocal engine
            engine = w.companion.resume_engine(
                it, w.bridge.clock, w.records.session_writer(), s.get_ready_s, s.release_s
            )

        if not w.records.save(resume):
            return
        if engine is None:
            QMessageBox.information(
                w,
                translate("MainWindow", "Nothing left to resume"),
                translate(
                    "MainWindow",
                    "That session cannot be picked up again; it is kept as partly done.",
                ),
            )
            self.close_partial()
            return
        self._set_gate_plan(engine.plan)
        w.bridge.attach(engine)
        self._build_pages_ahead()

    def close_partial(self) -> None:
        w = self._window
        it = w.home_status.interrupted if w.home_status else None
        if it is not None and not w.records.save(lambda: w.companion.close_interrupted(it)):
            return
        w.go_home()

    def _on_check_in(self, rating: int, note: str) -> None:
        w = self._window
        kind = w._pending_check
        leg = None
        if w.settings.leg_symptoms and kind is not None:  # asked before the session moves on
            from backcompanion.ui.session_screens.checkin import LegPainDialog

            leg = LegPainDialog.ask(w)
        w.bridge.send(Event.CHECK_IN, rating=rating, note=note)
        engine = w.bridge.engine
        if leg is not None and engine is not None:
            session_id = engine.snapshot().session_id
            try:
                w.companion.record_leg_pain(session_id, kind, leg)
            except (ValueError, sqlite3.Error, OSError):
                w.message.setText(
                    translate("SessionFlow", "The leg-pain rating could not be saved just now.")
                )
        if engine is not None:  # the opening rating may have trimmed today's plan
            self._set_gate_plan(engine.plan)

    def _on_page_event(self, event: Event, payload: dict) -> None:
        if event is Event.STOP:
            self.request_stop()
            return
        if event is Event.THIS_HURTS:
            self.this_hurts()
            return
        self._window.bridge.send(event, **(payload or {}))

    def this_hurts(self, from_key: bool = False) -> None:
        """Ask how much (0-10); the exercise ends either way and the rules weigh the number."""
        bridge = self._window.bridge
        snap = bridge.snapshot()
        if snap is None or Event.THIS_HURTS not in snap.allowed_events:
            return
        from backcompanion.ui.session_screens.checkin import PainNowDialog

        rating = PainNowDialog.ask(self._window)  # None: stopped with no number (too much)
        snap = bridge.snapshot()
        if snap is None or Event.THIS_HURTS not in snap.allowed_events:
            return  # the exercise moved on while the question was open
        bridge.send(Event.THIS_HURTS, rating=rating)  # answered on purpose: never held back

    def request_stop(self) -> None:
        from backcompanion.ui.dialogs.confirm import StopConfirm  # the first time it is asked

        bridge = self._window.bridge
        snap = bridge.snapshot()
        if snap is not None and Event.STOP in snap.allowed_events and StopConfirm.ask(self._window):
            bridge.send(Event.STOP)
