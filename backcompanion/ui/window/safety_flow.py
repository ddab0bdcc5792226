"""The safety flow between sessions: welcome, the red-flag checks, the triage pages.

No rule is decided here: the companion says whether a check is due, whether
sessions are blocked and at which level (its home status); this walks the
person through the pages and saves the answers. The weekly check asks all 16
flags (less the lifelong history items a clinician has cleared); "anything new
today?" comes before every session; a blocked start shows the page of the
most urgent level: emergency, urgent, or see a clinician.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from backcompanion.program.safety import Level

if TYPE_CHECKING:
    from backcompanion.session.rules import SafetyState
    from backcompanion.ui.window.main_window import MainWindow


class SafetyFlow:
    def __init__(self, window: MainWindow):
        self._window = window
        self._then: Callable[[], None] | None = None  # what a clear daily check goes on to

    def factories(self) -> dict[str, Callable[[], QWidget]]:
        """The flow's pages, for the window's page registry."""
        return {
            "welcome": self._build_welcome,
            "red_flags": self._build_red_flags,
            "daily_check": self._build_daily_check,
            "clinician": self._build_clinician,
            "emergency": lambda: self._build_urgent_care(Level.EMERGENCY),
            "urgent": lambda: self._build_urgent_care(Level.URGENT),
        }

    def _build_welcome(self) -> QWidget:
        from backcompanion.ui.home.safety_pages import WelcomePage

        page = WelcomePage()
        page.continued.connect(self._show_weekly_check)
        return page

    def _build_red_flags(self) -> QWidget:
        from backcompanion.ui.home.safety_pages import RedFlagPage

        page = RedFlagPage()
        page.answered.connect(self._on_red_flags)
        return page

    def _build_daily_check(self) -> QWidget:
        from backcompanion.ui.home.safety_pages import DailyCheckPage

        page = DailyCheckPage()
        page.answered.connect(self._on_daily_check)
        return page

    def _build_clinician(self) -> QWidget:
        from backcompanion.ui.home.safety_pages import SeeClinicianPage

        page = SeeClinicianPage()
        page.cleared.connect(self._on_cleared)
        page.back.connect(self._window.go_home)
        return page

    def _build_urgent_care(self, level: Level) -> QWidget:
        from backcompanion.ui.home.triage_pages import UrgentCarePage

        page = UrgentCarePage(level)
        page.back.connect(self._window.go_home)
        page.clearance_requested.connect(self._clear_urgent)
        return page

    def open_at_start(self) -> None:
        """The first start welcomes; a check that is due comes before the home page."""
        w = self._window
        status = w.home_status
        if not w.settings.first_start_done:
            w.show_page("welcome")
        elif status and (status.safety.check_due and not status.interrupted):
            self._show_weekly_check()

    def update_clinician(self) -> None:
        """While sessions are blocked, the triage pages show the flags of now."""
        status = self._window.home_status
        if status and status.safety.sessions_blocked:
            self._fill(status.safety)

    def request(self) -> None:
        """Help > Safety check, the home page's banner, or a start that may not start."""
        w = self._window
        if w.bridge.is_running():
            return
        status = w.home_status
        if status and status.safety.sessions_blocked:
            self.show_triage(status.safety)
        else:
            self._show_weekly_check()

    def ask_daily(self, then: Callable[[], None]) -> None:
        """ "Anything new today?" before a session; ``then`` starts it when nothing stands."""
        w = self._window
        self._then = then
        w.daily_check.reset()
        w.show_page("daily_check")

    def nothing_new(self) -> bool:
        """Answer "anything new today?" with nothing new when it is asked, as Enter does."""
        w = self._window
        if w.pages.built("daily_check") is None or w.stack.currentWidget() is not w.daily_check:
            return False
        w.daily_check.reset()
        return w.daily_check.save()

    def show_triage(self, safety: SafetyState) -> None:
        """The page of the most urgent standing level."""
        self._fill(safety)
        page = {Level.EMERGENCY: "emergency", Level.URGENT: "urgent"}.get(safety.level, "clinician")
        self._window.show_page(page)

    def _fill(self, safety: SafetyState) -> None:
        w = self._window
        if safety.level is Level.EMERGENCY:
            w.emergency.set_flags(safety.flags)
        elif safety.level is Level.URGENT:
            w.urgent.set_flags(safety.flags)
        else:
            program = w.companion.program
            names = [program.by_id(e).name for e in safety.hurt_exercises]
            w.clinician.set_flags(safety.flags)  # the most urgent level: all see-a-clinician
            w.clinician.set_hurts(names)

    def _show_weekly_check(self) -> None:
        w = self._window
        w.red_flags.reset()
        status = w.home_status
        w.red_flags.set_hidden(status.safety.cleared_lifelong if status else ())
        w.show_page("red_flags")

    def _after_answer(self, go_on: Callable[[], None]) -> None:
        w = self._window
        w.refresh_home()
        if w.home_status.safety.sessions_blocked:
            self._then = None
            self.show_triage(w.home_status.safety)
        else:
            go_on()

    def _on_red_flags(self, ticked: tuple[int, ...]) -> None:
        w = self._window
        if not w.records.save(lambda: w.companion.record_red_flags(tuple(ticked))):
            return
        if not w.settings.first_start_done:
            w.settings.first_start_done = True
        self._after_answer(lambda: w.show_page("home"))

    def _on_daily_check(self, ticked: tuple[int, ...]) -> None:
        w = self._window
        if not w.records.save(lambda: w.companion.record_red_flags(tuple(ticked), kind="daily")):
            return
        then, self._then = self._then, None
        self._after_answer(then or (lambda: w.show_page("home")))

    def _clear_urgent(self) -> None:
        w = self._window
        status = w.home_status
        if status is not None:
            w.clinician.set_flags(status.safety.flags)
        w.show_page("clinician")
        w.clinician.ask_confirmation(w.companion.wall().date())

    def _on_cleared(self, who: str, day: date) -> None:
        w = self._window
        if not w.records.save(lambda: w.companion.record_clearance(who=who, on=day)):
            return
        w.go_home()

    def dismiss_nudge(self) -> None:
        """The home page's "time to see a physical therapist?" put away."""
        w = self._window
        if not w.records.save(w.companion.dismiss_nudge):
            return
        w.refresh_home()
