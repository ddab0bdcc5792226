"""Rating everyday activities (PSFS) from the window, and leg pain at the check-ins."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtTest import QTest
from report_helpers import PROGRAM, at, open_store, session
from test_pdf import pages_text
from window_helpers import Windows

from backcompanion.report.pdf import write_summary_pdf
from backcompanion.report.summary import weekly_summary
from backcompanion.session.engine import Event, State
from backcompanion.session.rules import load_rules
from backcompanion.ui.dialogs.plan.psfs import PsfsDialog
from backcompanion.ui.session_screens.checkin import LegPainDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def windows(qtbot, tmp_path, light):
    made = Windows(qtbot, tmp_path)
    yield made
    made.close()


def test_the_dialog_names_what_is_missing_row_by_row(qtbot, light):
    dialog = PsfsDialog(["putting on socks"])
    qtbot.addWidget(dialog)
    assert dialog.activities[0].text() == "putting on socks"
    assert dialog.problem.text() == "Activity 1: choose a rating from 0 to 10."
    assert not dialog.save_button.isEnabled()
    dialog.ratings[0].setValue(3)
    dialog.ratings[1].setValue(6)
    assert dialog.problem.text() == "Activity 2: name the activity."
    dialog.activities[1].setFocus()
    QTest.keyClicks(dialog.activities[1], "sitting in the car")
    assert dialog.problem.text() == "" and dialog.save_button.isEnabled()
    assert dialog.scores() == [("putting on socks", 3), ("sitting in the car", 6)]


def test_rated_from_the_plan_menu_and_asked_again_in_two_weeks(windows, monkeypatch):
    window, _clock = windows.make()
    c = window.companion
    assert c.home_status().psfs_due
    assert "rate your everyday activities" in window.message.text()
    asked = []

    def ask(parent, activities):
        asked.append(tuple(activities))
        return [("putting on socks", 4), ("lifting a bag", 2)]

    monkeypatch.setattr(PsfsDialog, "ask", ask)
    action = next(a for a in window.menus.plan_actions if "activities" in a.text())
    action.trigger()
    assert asked == [()]
    assert [r.scores for r in c.store.psfs_rounds()] == [
        (("putting on socks", 4), ("lifting a bag", 2))
    ]
    assert not c.home_status().psfs_due
    assert window.message.text() == "Your ratings are saved."
    later = c.wall() + timedelta(days=14)
    assert c.home_status(later).psfs_due
    window.plan.rate_activities()
    assert asked[-1] == ("putting on socks", "lifting a bag")  # the same ones, to rate again


def test_leg_pain_is_asked_at_each_check_in_only_with_leg_symptoms(windows, monkeypatch):
    window, _clock = windows.make()
    asked = []
    monkeypatch.setattr(LegPainDialog, "ask", lambda parent: asked.append(1) or 5)
    window.start_session()
    assert window.safety.nothing_new()
    window.check_in.set_rating(3)
    window.check_in.submit()
    assert asked == []  # off by default
    window.bridge.send(Event.STOP)

    window.settings.leg_symptoms = True
    window.go_home()
    window.start_session()
    assert window.safety.nothing_new()
    session_id = window.bridge.engine.snapshot().session_id
    window.check_in.set_rating(3)
    window.check_in.submit()
    assert asked == [1] and window.bridge.engine.state is State.BREATHING
    monkeypatch.setattr(LegPainDialog, "ask", lambda parent: None)  # Space: skipped
    window.bridge.send(Event.STOP)
    day = window.companion.wall().date()
    rows = window.companion.store.leg_pain_between(day, day + timedelta(days=1))
    assert [(r.session_id, r.kind, r.rating) for r in rows] == [(session_id, "before", 5)]


def test_the_pdf_shows_the_psfs_trend_and_the_leg_pain(qapp, tmp_path):
    start = date(2026, 11, 2)
    with open_store(tmp_path / "data") as store:
        store.record_psfs(at(start - timedelta(days=14), 9), [("socks", 2), ("sitting", 4)])
        store.record_psfs(at(start, 9), [("socks", 3), ("sitting", 5)])
        store.record_psfs(at(start + timedelta(days=3), 9), [("socks", 6), ("sitting", 5)])
        session(store, "s1", at(start + timedelta(days=1), 9), 4, 3)
        store.record_leg_pain("s1", "before", 6)
        store.record_leg_pain("s1", "after", 4)
        summary = weekly_summary(
            store, PROGRAM, load_rules(), 2026, 45, at(start, 9) + timedelta(days=9)
        )
    text = " ".join(pages_text(write_summary_pdf(summary, tmp_path / "w45.pdf")))
    assert "Everyday activities (PSFS)" in text
    assert "Mean score 5.5 of 10 on Thursday 5 November 2026; 3 at the first rating" in text
    assert "+2.5 points: at least the minimal important change (2 points)." in text
    assert "socks 2 6 +4 *" in text and "sitting 4 5 +1" in text
    assert (
        "* at least the minimal important change: 2 points for the mean score, 3 for one activity"
        in text
    )
    assert "Leg pain (0-10)" in text and "Tuesday 3 November 2026 6 4" in text


def test_the_psfs_reminder_stays_on_the_home_page(windows):
    """A warning page or a session is no place for 'time to rate your everyday activities'."""
    window, _clock = windows.make()
    window.show_page("home")
    window.refresh_home()
    assert "rate your everyday activities" in window.message.text()
    window.start_session()  # "anything new today?" comes first
    assert window.current_page() != "home"
    assert "rate your everyday activities" not in window.message.text()
    window.show_page("home")
    assert "rate your everyday activities" in window.message.text()
