"""The safety flow between sessions: welcome, the red-flag check, the clinician's page.

No rule is decided here: the companion says whether a check is due and whether
sessions are blocked (its home status); this walks the person through the
pages and saves the answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from backcompanion.ui.window.main_window import MainWindow


class SafetyFlow:
    def __init__(self, window: MainWindow):
        self._window = window

    def factories(self) -> dict[str, Callable[[], QWidget]]:
        """The flow's pages, for the window's page registry."""
        return {
            "welcome": self._build_welcome,
            "red_flags": self._build_red_flags,
            "clinician": self._build_clinician,
        }

    def _build_welcome(self) -> QWidget:
        from backcompanion.ui.home.safety_pages import WelcomePage

        page = WelcomePage()
        page.continued.connect(lambda: self._window.show_page("red_flags"))
        return page

    def _build_red_flags(self) -> QWidget:
        from backcompanion.ui.home.safety_pages import RedFlagPage

        page = RedFlagPage()
        page.answered.connect(self._on_red_flags)
        return page

    def _build_clinician(self) -> QWidget:
        from backcompanion.ui.home.safety_pages import SeeClinicianPage

        page = SeeClinicianPage()
        page.cleared.connect(self._on_cleared)
        page.back.connect(self._window.go_home)
        return page

    def open_at_start(self) -> None:
        """The first start welcomes; a check that is due comes before the home page."""
        w = self._window
        status = w.home_status
        if not w.settings.first_start_done:
            w.show_page("welcome")
        elif status and (status.safety.check_due and not status.interrupted):
            w.show_page("red_flags")

    def update_clinician(self) -> None:
        """While sessions are blocked, the clinician's page shows the flags of now."""
        status = self._window.home_status
        if status and status.safety.sessions_blocked:
            self._window.clinician.set_flags(status.safety.flags)

    def request(self) -> None:
        """Help > Safety check, the home page's banner, or a start that may not start."""
        w = self._window
        if w.bridge.is_running():
            return
        status = w.home_status
        if status and status.safety.sessions_blocked:
            w.clinician.set_flags(status.safety.flags)
            w.show_page("clinician")
        else:
            w.red_flags.reset()
            w.show_page("red_flags")

    def _on_red_flags(self, ticked: tuple[int, ...]) -> None:
        w = self._window
        if not w.records.save(lambda: w.companion.record_red_flags(tuple(ticked))):
            return
        if not w.settings.first_start_done:
            w.settings.first_start_done = True
        w.refresh_home()
        if w.home_status.safety.sessions_blocked:
            w.clinician.set_flags(w.home_status.safety.flags)
            w.show_page("clinician")
        else:
            w.show_page("home")

    def _on_cleared(self, note: str) -> None:
        w = self._window
        if not w.records.save(lambda: w.companion.record_clearance(note)):
            return
        w.go_home()

    def dismiss_nudge(self) -> None:
        """The home page's "time to see a physical therapist?" put away."""
        w = self._window
        if not w.records.save(w.companion.dismiss_nudge):
            return
        w.refresh_home()
