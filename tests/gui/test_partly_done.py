"""Issue 16, item 2: a session with nearly every repeat skipped is partly done, everywhere.

Two sessions through the real engine with a fake clock, stored in a real SQLite
file: one with every repeat held, one with all but the first exercise skipped
by N and T, as a person on the floor would. The stored session, the done page,
the home count, the calendar, the weekly PDF and the CSV all tell them apart.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QWidget

from backcompanion.companion import Companion
from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.report.csv_export import history_csv_text
from backcompanion.report.pdf import write_summary_pdf
from backcompanion.report.progress import DayState, progress_data
from backcompanion.report.summary import weekly_summary
from backcompanion.report.weeks import IsoWeek
from backcompanion.session import rules as R
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, State
from backcompanion.session.plan import PRESETS
from backcompanion.ui.home.home_page import HomePage
from backcompanion.ui.session_screens.done_page import DonePage

PROGRAM = builtin_program()
RULES = R.load_rules()
TZ = ZoneInfo("Europe/Berlin")


class Wall:
    """Wall-clock time that moves with the fake monotonic clock."""

    def __init__(self, clock: FakeClock):
        self.clock, self.base, self.at = clock, datetime(2026, 3, 2, 9, 0, tzinfo=TZ), clock()

    def __call__(self) -> datetime:
        return self.base + timedelta(seconds=self.clock() - self.at)


@pytest.fixture
def setup(tmp_path):
    clock = FakeClock()
    wall = Wall(clock)
    phases = {e.id: e.phase.value for e in PROGRAM.exercises}
    store = Store.open(tmp_path, phases=phases, wall_clock=wall)
    companion = Companion(PROGRAM, RULES, store, wall=wall)
    companion.record_red_flags(())
    yield companion, clock
    store.close()


def _run(companion: Companion, clock: FakeClock, skip_after_first: bool) -> str:
    """One whole session; with ``skip_after_first``, N through every exercise after the first
    (T on one of them). Returns the session id."""
    plan = companion.plan(PRESETS["relaxed"], 3, 2)
    engine = companion.new_engine(plan, clock)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=4)
    first = plan.stretches[0].exercise.id
    presses = 0
    while (snap := engine.snapshot()).state is not State.CHECK_IN_AFTER:
        in_exercise = snap.state is State.STRETCHING and snap.exercise is not None
        if skip_after_first and in_exercise and snap.exercise.id != first:
            presses += 1
            engine.send(Event.TOO_HARD if presses == 3 else Event.SKIP_REPEAT)
            continue
        clock.advance(max(snap.remaining_s, 1e-3))
        engine.update()
    engine.send(Event.CHECK_IN, rating=3)
    return engine.snapshot().session_id


def test_a_mostly_skipped_session_is_partly_done_everywhere(setup, qtbot, tmp_path):
    companion, clock = setup
    skipped = _run(companion, clock, skip_after_first=True)

    # the record says what was done: the first exercise held, the others skipped
    day = companion.wall().date()
    (row,) = companion.store.sessions_between(day, day + timedelta(days=1))
    assert row.status == "done"  # it ended with the closing check-in ...
    ends = companion.store.session_exercises_between(day, day + timedelta(days=1))[skipped]
    assert [e.outcome for e in ends[:2]] == ["done", "skipped"]
    assert all(e.reps_done == 0 for e in ends[1:] if e.outcome != "locked")

    # ... but it is not a session complete: the done page says what was done
    summary = companion.done_summary(skipped)
    assert (summary.complete, summary.exercises_done, summary.exercises_offered) == (False, 1, 6)
    done = DonePage()
    qtbot.addWidget(done)
    done.set_summary(summary, stopped=False)
    assert done.title.text() == "Partly done: 1 of 6 exercises"
    assert "Well done" not in done.title.text()
    assert done.count_label.text().startswith(f"{round(summary.share * 100)} % of the repeats")

    # the home page's count, the calendar and the progress page
    status = companion.home_status()
    assert (status.sessions_done, status.sessions_ended) == (0, 1)
    home = HomePage(QWidget())
    qtbot.addWidget(home)
    home.set_status(status)
    assert home.summary.text() == "0 sessions done so far. Last: Monday 2 March."
    today = progress_data(companion.store, RULES, companion.wall())
    (cell,) = [d for week in today.calendar for d in week if d.today]
    assert cell.state == DayState.PARTIAL
    assert (today.sessions_7_days, today.partly_7_days) == (0, 1)

    # a second session the same day, every repeat held: that one is done
    clock.advance(3600)
    held = _run(companion, clock, skip_after_first=False)
    summary = companion.done_summary(held)
    assert (summary.complete, summary.exercises_done, summary.exercises_offered) == (True, 6, 6)
    done.set_summary(summary, stopped=False)
    assert done.title.text() == "Well done: session complete"
    assert companion.home_status().sessions_done == 1
    home.set_status(companion.home_status())
    assert home.summary.text() == "1 session done so far. Last: Monday 2 March."
    (cell,) = [
        d
        for week in progress_data(companion.store, RULES, companion.wall()).calendar
        for d in week
        if d.today
    ]
    assert cell.state == DayState.DONE

    # the weekly PDF counts one done and one partly done
    week = IsoWeek.of(day)
    week_summary = weekly_summary(
        companion.store, PROGRAM, RULES, week.year, week.week, companion.wall()
    )
    assert (week_summary.sessions, week_summary.done, week_summary.partly) == (2, 1, 1)
    out = write_summary_pdf(week_summary, tmp_path / "week.pdf", "A4")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "SESSIONS 2 1 done, 1 partly done, on 1 of 7 days" in text

    # the CSV: whether each session is complete, and what was done
    rows = list(csv.DictReader(io.StringIO(history_csv_text(companion.store, PROGRAM))))
    sessions = {r["session_id"]: r for r in rows if r["row_type"] == "session"}
    first, second = sessions[skipped], sessions[held]
    assert (first["status"], first["complete"]) == ("done", "no")
    assert (first["exercises_done"], first["exercises_offered"]) == ("1", "6")
    assert float(first["repeats_share"]) == pytest.approx(round(summary_share(ends), 2))
    assert (second["complete"], second["exercises_done"], second["repeats_share"]) == (
        "yes",
        "6",
        "1.00",
    )


def summary_share(ends) -> float:
    counted = [e for e in ends if e.outcome not in ("locked", "easier")]
    return sum(e.reps_done for e in counted) / sum(e.reps_planned for e in counted)


def test_a_stopped_session_counts_the_exercises_it_never_reached(setup):
    companion, clock = setup
    plan = companion.plan(PRESETS["relaxed"], 3, 2)
    engine = companion.new_engine(plan, clock)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=4)
    while engine.snapshot().state is not State.STRETCHING:
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()
    engine.send(Event.STOP)
    summary = companion.done_summary(engine.snapshot().session_id, plan)
    assert (summary.complete, summary.exercises_done, summary.exercises_offered) == (False, 0, 6)
