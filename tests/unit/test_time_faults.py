"""Time that misbehaves: wall-clock jumps, a suspend, midnight, daylight saving, a wrong date.

The engine runs on a monotonic clock and reads the wall clock once, at start
(docs/ARCHITECTURE.md §4). So:

- the wall clock jumping forward and back by hours during a hold changes
  neither the hold nor the session's day;
- a suspend (the monotonic clock jumping, or CLOCK_BOOTTIME running ahead of
  it) pauses the session at the moment before the gap and says why;
- a session that runs past midnight belongs to the day (and the ISO week) it began;
- the weekly report handles the weeks in which Europe/Berlin changes to and
  from summer time, read "as the week stood at its end" (Monday 00:00 local);
- a date that was once far off (a wrong clock at one start) does not make the
  recovery prefer an old backup over a newer one, nor stay the "newest" backup
  for the retention rule;
- a session ends at its start plus the monotonic time it took, whatever the wall
  clock did meanwhile; a history from a newer version is refused untouched.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from backcompanion.companion import Companion, RecordWriter
from backcompanion.history import Store, daily_backup_if_due, recover
from backcompanion.history.schema import DB_NAME
from backcompanion.program import builtin_program
from backcompanion.report.summary import weekly_summary
from backcompanion.report.weeks import IsoWeek
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, PauseReason, State, Step
from backcompanion.session.plan import PRESETS
from backcompanion.session.records import (
    CheckIn,
    RepeatDone,
    SessionEnded,
    SessionOutcome,
    SessionStarted,
)
from backcompanion.session.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = builtin_program()
PHASES = {e.id: e.phase.value for e in PROGRAM.exercises}
RULES = load_rules()
BERLIN = ZoneInfo("Europe/Berlin")


class JumpyWall:
    """A wall clock following the fake monotonic clock, plus a jump the test sets."""

    def __init__(self, clock: FakeClock, start: datetime):
        self.clock, self.start, self.at, self.jump = clock, start, clock(), timedelta()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=self.clock() - self.at) + self.jump


@pytest.fixture
def setup(tmp_path):
    def make(start: datetime):
        clock = FakeClock()
        wall = JumpyWall(clock, start)
        store = Store.open(tmp_path, phases=PHASES, wall_clock=wall)
        companion = Companion(PROGRAM, RULES, store, wall=wall)
        companion.record_red_flags(())
        made.append(store)
        return companion, clock, wall

    made: list[Store] = []
    yield make
    for store in made:
        store.close()


def to_step(engine, clock, step: Step, stretch_index: int | None = None, step_s: float = 1.0):
    """Advance the way the display timer does (about once a second) until ``step`` begins."""
    while True:
        snap = engine.snapshot()
        at_index = stretch_index is None or snap.exercise_index == stretch_index
        if snap.state is State.STRETCHING and snap.step is step and at_index:
            return snap
        clock.advance(min(step_s, max(snap.remaining_s, 1e-3)))
        engine.update()


# --- wall-clock jumps ------------------------------------------------------------------------


def test_wall_clock_jumps_during_a_hold_change_neither_the_hold_nor_the_day(setup):
    start = datetime(2026, 3, 2, 23, 40, tzinfo=BERLIN)  # Monday, 20 minutes before midnight
    companion, clock, wall = setup(start)
    records: list = []
    engine = companion.new_engine(companion.plan(PRESETS["relaxed"], 3, 2), clock)
    engine.add_recorder(records.append)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=4)
    engine.send(Event.CONTINUE)
    # child's pose: a hold long enough to jump around in
    hold = to_step(engine, clock, Step.HOLD, stretch_index=1)
    assert hold.remaining_s >= 5
    left = hold.remaining_s
    for jump_h, step_s in ((+3, 1.0), (-5, 1.5), (+26, 0.5), (-1, 1.0)):
        wall.jump = timedelta(hours=jump_h)  # NTP, DST, or the user setting the clock
        clock.advance(step_s)
        engine.update()
        left -= step_s
        snap = engine.snapshot()
        assert snap.step is Step.HOLD and snap.remaining_s == pytest.approx(left), jump_h
    clock.advance(left)
    engine.update()
    done = [r for r in records if isinstance(r, RepeatDone) and r.exercise_id == "childs_pose"]
    assert done[0].held_s == pytest.approx(done[0].hold_s)  # the hold was exactly as planned
    # finish the session with the wall clock still wrong
    wall.jump = timedelta(hours=-30)
    while engine.state is not State.CHECK_IN_AFTER:
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()
    engine.send(Event.CHECK_IN, rating=3)
    (started,) = [r for r in records if isinstance(r, SessionStarted)]
    assert started.started_at == start  # read once, at start
    rows = companion.store.sessions_between(start.date(), start.date() + timedelta(days=1))
    assert [(r.day, r.status) for r in rows] == [(start.date(), "done")]
    for other in (-2, -1, 1, 2):
        day = start.date() + timedelta(days=other)
        assert companion.store.sessions_between(day, day + timedelta(days=1)) == []
    # the active time is the monotonic one: the jumps added or removed nothing
    t_end = next(r for r in records if isinstance(r, SessionEnded)).active_s
    assert rows[0].active_s == pytest.approx(t_end) and 0 < t_end < 3 * 3600


def test_a_wall_clock_far_off_at_start_never_breaks_the_home_screen_or_the_plan(setup):
    companion, clock, wall = setup(datetime(2026, 3, 2, 18, 0, tzinfo=BERLIN))
    engine = companion.new_engine(companion.plan(PRESETS["relaxed"], 3, 2), clock)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=4)
    engine.send(Event.STOP)
    for jump in (timedelta(days=-400), timedelta(hours=-2), timedelta(days=3650)):
        wall.jump = jump  # a dead clock battery, a time zone slip, a typo in the year
        status = companion.home_status()
        assert (status.sessions_ended, status.sessions_done) == (1, 0)  # stopped: not done
        plan = companion.plan(PRESETS["relaxed"], 3, 2)
        assert plan.stretches


# --- a suspend ---------------------------------------------------------------------------------


@pytest.mark.parametrize("monotonic_counted_the_sleep", [True, False])
def test_a_suspend_pauses_at_the_moment_before_the_gap(setup, monotonic_counted_the_sleep):
    companion, clock, _wall = setup(datetime(2026, 3, 2, 18, 0, tzinfo=BERLIN))
    records: list = []
    engine = companion.new_engine(companion.plan(PRESETS["relaxed"], 3, 2), clock)
    engine.add_recorder(records.append)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=4)
    engine.send(Event.CONTINUE)
    to_step(engine, clock, Step.HOLD, stretch_index=1)
    clock.advance(1.0)
    engine.update()  # the display timer's last tick before the lid closed
    before = engine.snapshot()
    written = len(records)
    gap = 3 * 3600.0
    # 0.4 s awake after that tick, then the sleep; or the sleep, then 0.4 s until the tick
    # that noticed it (then the clock alone cannot tell: the last tick is the safe moment)
    clock.advance(0.4 + gap if monotonic_counted_the_sleep else 0.4)
    engine.suspend_detected(gap)
    snap = engine.snapshot()
    assert snap.state is State.PAUSED and snap.paused_reason is PauseReason.SUSPEND
    assert (snap.exercise, snap.rep, snap.step) == (before.exercise, before.rep, before.step)
    awake = 0.4 if monotonic_counted_the_sleep else 0.0
    assert snap.remaining_s == pytest.approx(before.remaining_s - awake)  # frozen at the gap
    assert len(records) == written  # no repeat "done" while asleep
    clock.advance(60)  # the person gets back on the mat
    engine.send(Event.RESUME)
    after = engine.snapshot()
    assert after.step is Step.HOLD and after.remaining_s == pytest.approx(snap.remaining_s)
    # the records' active time leaves the sleep out
    while engine.state is not State.CHECK_IN_AFTER:
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()
    engine.send(Event.CHECK_IN, rating=3)
    (ended,) = [r for r in records if isinstance(r, SessionEnded)]
    assert ended.active_s < 3600


def test_the_window_notices_a_suspend_and_says_so(qtbot, qapp, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLabel

    from backcompanion.ui.settings_model import Settings
    from backcompanion.ui.window.main_window import MainWindow

    store = Store.open(tmp_path / "data", phases=PHASES)
    companion = Companion(PROGRAM, RULES, store)
    companion.record_red_flags(())
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.first_start_done = True
    clock = FakeClock()
    window = MainWindow(companion, settings, clock=clock)
    qtbot.addWidget(window)
    slept = [0.0]
    window.bridge._sleep_offset = lambda: slept[0]  # CLOCK_BOOTTIME - CLOCK_MONOTONIC
    try:
        window.start_session()
        window.safety.nothing_new()  # "anything new today?": nothing
        window.bridge.send(Event.CHECK_IN, rating=4)
        window.bridge.send(Event.CONTINUE)
        engine = window.bridge.engine
        to_step(engine, clock, Step.HOLD)
        before = engine.snapshot()
        slept[0] += 2 * 3600  # the machine slept two hours; the monotonic clock did not move
        qtbot.waitUntil(lambda: engine.state is State.PAUSED, timeout=3000)  # the next tick
        snap = engine.snapshot()
        assert snap.paused_reason is PauseReason.SUSPEND
        assert snap.remaining_s == pytest.approx(before.remaining_s, abs=1.0)
        shown = [
            label.text()
            for label in window.findChildren(QLabel)
            if label.isVisibleTo(window) and "asleep" in label.text()
        ]
        assert shown == ["Paused while the computer was asleep"]
    finally:
        window.close()
        store.close()


# --- midnight ---------------------------------------------------------------------------------


def test_a_session_past_midnight_on_sunday_belongs_to_its_day_and_week(setup):
    sunday = datetime(2026, 3, 8, 23, 50, tzinfo=BERLIN)  # the last day of 2026-W10
    companion, clock, _wall = setup(sunday)
    writer = RecordWriter(companion.store)
    engine = companion.new_engine(companion.plan(PRESETS["relaxed"], 3, 2), clock, writer)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=5)
    while engine.state is not State.CHECK_IN_AFTER:
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()
    assert companion.wall().date() == date(2026, 3, 9)  # it is Monday now
    engine.send(Event.CHECK_IN, rating=3)
    store = companion.store
    (row,) = store.sessions_between(date(2026, 3, 8), date(2026, 3, 9))
    assert row.status == "done" and row.ended_at.date() == date(2026, 3, 9)
    assert store.sessions_between(date(2026, 3, 9), date(2026, 3, 10)) == []
    now = datetime(2026, 3, 20, 12, 0, tzinfo=BERLIN)
    w10 = weekly_summary(store, PROGRAM, RULES, 2026, 10, now)
    w11 = weekly_summary(store, PROGRAM, RULES, 2026, 11, now)
    assert (w10.sessions, w11.sessions) == (1, 0)
    assert [d.sessions for d in w10.pain] == [0, 0, 0, 0, 0, 0, 1]
    assert w10.minutes == pytest.approx(row.minutes) and w10.minutes > 10
    summary = companion.done_summary(row.session_id)
    assert (summary.opening, summary.closing) == (5, 3) and summary.minutes > 10


# --- daylight saving time in the weekly report ----------------------------------------------


def local(y, m, d, h, mi, fold=0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=BERLIN, fold=fold)


def add(store: Store, sid: str, at: datetime, opening: int, closing: int) -> None:
    with store.batch():
        store.record(SessionStarted(sid, at, False, (), "4-0-6-0"))
        store.record(CheckIn(sid, 1.0, "before", opening))
        store.record(CheckIn(sid, 600.0, "after", closing))
        store.record(SessionEnded(sid, 600.0, SessionOutcome.DONE, 600.0))


@pytest.fixture
def in_berlin():
    """The process's local time zone is Europe/Berlin, as on the person's computer; ``now``
    is then what ``session.clock.local_now`` gives: a fixed UTC offset, +01:00 or +02:00."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX")
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def local_now_at(y, m, d, h) -> datetime:
    """``local_now()`` as it would answer at that local time."""
    return datetime(y, m, d, h, 0).astimezone()


@pytest.fixture
def dst_store(tmp_path):
    with Store.open(tmp_path, phases=PHASES, wall_clock=lambda: local(2030, 1, 1, 0, 0)) as s:
        yield s


def test_the_week_summer_time_begins_2026_w13(dst_store, in_berlin):
    """Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST; the day has 23 hours."""
    s = dst_store
    add(s, "sun-before", local(2026, 3, 22, 23, 30), 4, 4)  # 2026-W12
    add(s, "mon-early", local(2026, 3, 23, 0, 15), 4, 3)
    for day in range(24, 29):
        add(s, f"day{day}", local(2026, 3, day, 18, 0), 4, 3)
    add(s, "sun-0130-cet", local(2026, 3, 29, 1, 30), 4, 3)
    add(s, "sun-0330-cest", local(2026, 3, 29, 3, 30), 4, 3)
    add(s, "sun-2330-cest", local(2026, 3, 29, 23, 30), 5, 3)
    add(s, "mon-after", local(2026, 3, 30, 0, 30), 4, 3)  # 2026-W14
    s.record_red_flag_check(local(2026, 3, 30, 0, 20), ())  # after the week
    summer_now = local_now_at(2026, 4, 10, 12)
    winter_now = local_now_at(2026, 12, 1, 12)
    assert summer_now.utcoffset() == timedelta(hours=2) != winter_now.utcoffset()
    for now in (summer_now, winter_now, summer_now.astimezone(BERLIN)):
        w13 = weekly_summary(s, PROGRAM, RULES, 2026, 13, now)
        assert w13.week == IsoWeek(2026, 13)
        assert w13.sessions == 9, now
        assert [d.sessions for d in w13.pain] == [1, 1, 1, 1, 1, 1, 3]
        assert w13.pain[-1].opening == pytest.approx(13 / 3)
        # read as the week stood at its end (Monday 00:00 in Berlin): the check made
        # twenty minutes into Monday is not part of it
        assert w13.safety.at is None or w13.safety.at < local(2026, 3, 30, 0, 0), (
            now.tzinfo,
            w13.read_at,
            w13.safety.at,
        )


def test_the_week_summer_time_ends_2026_w43(dst_store):
    """Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens twice."""
    s = dst_store
    add(s, "first-0230", local(2026, 10, 25, 2, 30, fold=0), 4, 3)  # CEST
    add(s, "second-0230", local(2026, 10, 25, 2, 30, fold=1), 4, 3)  # CET, an hour later
    add(s, "mon", local(2026, 10, 19, 18, 0), 4, 3)
    now = datetime(2026, 11, 3, 12, 0, tzinfo=timezone(timedelta(hours=1)))
    w43 = weekly_summary(s, PROGRAM, RULES, 2026, 43, now)
    assert w43.sessions == 3 and [d.sessions for d in w43.pain] == [1, 0, 0, 0, 0, 0, 2]
    facts = [f.session_id for f in s.session_facts()]
    assert facts == ["mon", "first-0230", "second-0230"]  # in order of the instant


def test_a_flare_up_late_on_a_winter_sunday_is_in_its_week_when_exported_in_summer(
    dst_store, in_berlin
):
    """2026-W44 ends Monday 2 November 00:00 CET; exported in July (+02:00) it must still
    hold Sunday 23:30 CET, which is 00:30 of Monday in +02:00."""
    s = dst_store
    for n, day in enumerate((26, 27, 28)):
        add(s, f"base{n}", local(2026, 10, day, 18, 0), 4, 3)
    add(s, "sunday-late", local(2026, 11, 1, 23, 30), 4, 9)  # 9: a flare-up
    s.record_red_flag_check(local(2026, 11, 1, 23, 45), ())
    for now in (local_now_at(2027, 7, 1, 12), datetime(2027, 7, 1, 12, 0, tzinfo=BERLIN)):
        w44 = weekly_summary(s, PROGRAM, RULES, 2026, 44, now)
        assert w44.sessions == 4
        assert [f.day for f in w44.flare_ups] == [date(2026, 11, 1)], (now.tzinfo, w44.read_at)
        assert w44.safety.at == local(2026, 11, 1, 23, 45), (now.tzinfo, w44.read_at)


def test_the_cli_in_berlin_across_the_change_to_summer_time(tmp_path):
    """A real process with TZ=Europe/Berlin: simulate the DST week, export it."""
    env = {
        **os.environ,
        "TZ": "Europe/Berlin",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "share"),
    }
    data = tmp_path / "data"

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "backcompanion", *args, "--data-dir", str(data)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    sim = run("simulate", "--days", "14", "--start", "2026-03-23", "--seed", "3")
    assert sim.returncode == 0, sim.stderr
    pdf = tmp_path / "w13.pdf"
    out = run("export-summary", "--week", "2026-W13", "--out", str(pdf))
    assert out.returncode == 0 and out.stderr == "", out.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    conn = sqlite3.connect(data / DB_NAME)
    try:
        days = [d for (d,) in conn.execute("SELECT day FROM sessions ORDER BY started_ts")]
        offsets = {d: at[-6:] for d, at in conn.execute("SELECT day, started_at FROM sessions")}
    finally:
        conn.close()
    assert days == sorted(days) and all("2026-03-23" <= d <= "2026-04-05" for d in days)
    # each session carries the offset in force at its time: +01:00 before, +02:00 after
    for d, offset in offsets.items():
        assert offset == ("+01:00" if d < "2026-03-29" else "+02:00"), (d, offset)


# --- a date far off once, then right again: recovery still restores the newest backup -----------


def test_a_backup_named_by_a_wrong_date_is_not_preferred_over_a_newer_one(tmp_path):
    with Store.open(tmp_path, phases=PHASES) as store:
        add(store, "old", local(2026, 3, 2, 18, 0), 4, 3)
        # one start with the clock five years ahead: that day's backup is named 2031
        daily_backup_if_due(store, date(2031, 3, 2))
        for n in range(5):
            add(store, f"later{n}", local(2026, 3, 3 + n, 18, 0), 4, 3)
        daily_backup_if_due(store, date(2026, 3, 8))  # the clock is right again
    (tmp_path / DB_NAME).write_bytes(b"\0" * 8192)  # then the file is damaged
    result = recover(tmp_path)
    with Store.open(tmp_path, phases=PHASES) as store:
        kept = [f.session_id for f in store.session_facts()]
    assert kept == ["old", *(f"later{n}" for n in range(5))], (result.restored_from, kept)


# --- issue 19 (7): a backward jump, a backup dated in the future, a newer file ------------------


def test_a_wall_clock_set_back_a_day_mid_session_never_ends_it_before_it_began(setup):
    start = datetime(2026, 3, 4, 18, 0, tzinfo=BERLIN)
    companion, clock, wall = setup(start)
    records: list = []
    engine = companion.new_engine(companion.plan(PRESETS["relaxed"], 3, 2), clock)
    engine.add_recorder(records.append)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=4)
    engine.send(Event.CONTINUE)
    to_step(engine, clock, Step.HOLD, stretch_index=1)
    wall.jump = timedelta(days=-1)  # the clock is set back a day while the person stretches
    engine.send(Event.PAUSE)
    clock.advance(40)
    engine.send(Event.RESUME)
    while engine.state is not State.CHECK_IN_AFTER:
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()
    engine.send(Event.CHECK_IN, rating=3)
    ended = next(r for r in records if isinstance(r, SessionEnded))
    assert ended.elapsed_s is not None and ended.elapsed_s > ended.active_s  # the pause counts
    conn = sqlite3.connect(companion.store.path)
    try:
        ((started_at, ended_at),) = conn.execute("SELECT started_at, ended_at FROM sessions")
    finally:
        conn.close()
    began, finished = datetime.fromisoformat(started_at), datetime.fromisoformat(ended_at)
    assert began == start
    assert finished == start + timedelta(seconds=ended.elapsed_s)  # start + monotonic time
    assert finished >= began


def test_a_resumed_session_never_ends_before_its_start_plus_its_active_time(tmp_path):
    start = local(2026, 3, 4, 18, 0)
    set_back = start - timedelta(days=1)
    with Store.open(tmp_path, phases=PHASES, wall_clock=lambda: set_back) as store:
        store.record(SessionStarted("s", start, False, (), "4-0-6-0"))
        store.record(SessionEnded("s", 600.0, SessionOutcome.DONE, 600.0))  # elapsed unknown
        (row,) = store.sessions_between(start.date(), start.date() + timedelta(days=1))
    conn = sqlite3.connect(tmp_path / DB_NAME)
    try:
        ((ended_at,),) = conn.execute("SELECT ended_at FROM sessions")
    finally:
        conn.close()
    assert datetime.fromisoformat(ended_at) == start + timedelta(seconds=600)
    assert row.active_s == 600


def test_a_backup_dated_in_the_future_does_not_stay_newest_forever(tmp_path):
    with Store.open(tmp_path, phases=PHASES) as store:
        add(store, "s", local(2026, 3, 2, 18, 0), 4, 3)
        daily_backup_if_due(store, date(2038, 1, 19))  # one start with the clock in 2038
        for n in range(30):  # the clock is right again: a month of daily backups
            daily_backup_if_due(store, date(2026, 3, 1) + timedelta(days=n))
    names = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert "backcompanion-2038-01-19.sqlite3" not in names
    kept = [p for p in names if p.startswith("backcompanion-2026-03")]
    # the last 7 days, and the newest of each of the last 4 weeks (as with no wrong date)
    days = [15, 22, *range(24, 31)]  # ISO weeks 11 and 12, then the last seven days
    assert kept == [f"backcompanion-2026-03-{d:02d}.sqlite3" for d in days]


def test_a_history_from_a_newer_version_is_refused_and_left_byte_for_byte(tmp_path):
    from backcompanion.history import StoreError
    from backcompanion.history.schema import latest_version

    with Store.open(tmp_path, phases=PHASES) as store:
        add(store, "s", local(2026, 3, 2, 18, 0), 4, 3)
    conn = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a newer app might leave it
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(StoreError, match="newer BackCompanion"):
        Store.open(tmp_path, phases=PHASES)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after[DB_NAME] == before[DB_NAME]
    assert not [n for n in after if n.startswith(DB_NAME + "-")]  # no -wal or -shm left
