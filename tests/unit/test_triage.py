"""Triage levels (issue 14): emergency, urgent and see-a-clinician flags, and the history's move.

Every level with hand-made answers (``safety_state``), then the real store: a
file of the version before keeps what its old answers meant under the new
numbers, and a clearance keeps who and when.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backcompanion.history import Store, schema
from backcompanion.program.safety import Level, load_safety_english
from backcompanion.session.facts import Clearance, RedFlagCheck, SafetyFacts, SessionFacts
from backcompanion.session.rules import load_rules, safety_state

RULES = load_rules()
SAFETY = load_safety_english()
BERLIN = ZoneInfo("Europe/Berlin")
MORNING = datetime(2026, 3, 2, 8, 0, tzinfo=BERLIN)


def n(flag_id: str) -> int:
    return SAFETY.by_id(flag_id).number


def weekly(at: datetime, *ids: str) -> RedFlagCheck:
    return RedFlagCheck(at, tuple(sorted(n(i) for i in ids)), "weekly")


def daily(at: datetime, *ids: str) -> RedFlagCheck:
    return RedFlagCheck(at, tuple(sorted(n(i) for i in ids)), "daily")


def facts(*checks: RedFlagCheck, clearance: Clearance | None = None, cleared=()) -> SafetyFacts:
    weeklies = [c for c in checks if c.kind == "weekly"]
    return SafetyFacts(
        weeklies[-1] if weeklies else None,
        clearance,
        recent_checks=tuple(checks),
        cleared_flags=tuple(n(i) for i in cleared),
    )


def state(safety: SafetyFacts, now: datetime, history=()):
    return safety_state(RULES, safety, list(history), now)


EMERGENCY = ("saddle_numbness", "bladder_bowel_sexual", "both_legs", "leg_weakness")
URGENT = ("fever_unwell", "belly_pain", "injury", "chest_upper_back", "weight_loss")
SEE = (
    "cancer_history",
    "osteoporosis",
    "steroids",
    "first_over_50",
    "night_pain",
    "not_improving",
    "one_leg",
)


@pytest.mark.parametrize("flag", EMERGENCY)
def test_an_emergency_flag_stops_the_day_and_no_clearance_lifts_it(flag):
    cleared = Clearance(MORNING + timedelta(hours=1), who="Dr Lee", on=MORNING.date())
    safety = facts(weekly(MORNING - timedelta(days=2)), daily(MORNING, flag), clearance=cleared)
    s = state(safety, MORNING + timedelta(hours=2))
    assert s.level is Level.EMERGENCY and s.sessions_blocked and not s.clearable
    assert s.flags == (n(flag),)
    # the same evening, an answer of "nothing new" changes nothing
    evening = facts(
        weekly(MORNING - timedelta(days=2)),
        daily(MORNING, flag),
        daily(MORNING + timedelta(hours=10)),
    )
    assert state(evening, MORNING + timedelta(hours=11)).level is Level.EMERGENCY


def test_an_emergency_yesterday_is_asked_again_today():
    safety = facts(weekly(MORNING - timedelta(days=2)), daily(MORNING, "both_legs"))
    s = state(safety, MORNING + timedelta(days=1))
    assert not s.sessions_blocked and s.level is None


def test_an_emergency_ticked_at_the_weekly_check_counts_that_day():
    safety = facts(weekly(MORNING, "leg_weakness"))
    assert state(safety, MORNING + timedelta(minutes=1)).level is Level.EMERGENCY
    # the next day it is no longer a standing see-a-clinician flag either
    assert not state(safety, MORNING + timedelta(days=1)).sessions_blocked


@pytest.mark.parametrize("flag", URGENT)
def test_an_urgent_flag_blocks_the_day_until_a_clearance_after_it(flag):
    safety = facts(weekly(MORNING - timedelta(days=1)), daily(MORNING, flag))
    s = state(safety, MORNING + timedelta(minutes=5))
    assert s.level is Level.URGENT and s.clearable and s.flags == (n(flag),)
    before = Clearance(MORNING - timedelta(minutes=5), who="Dr Lee")
    after = Clearance(MORNING + timedelta(hours=3), who="Dr Lee", on=MORNING.date())
    blocked = facts(weekly(MORNING - timedelta(days=1)), daily(MORNING, flag), clearance=before)
    assert state(blocked, MORNING + timedelta(hours=4)).level is Level.URGENT
    seen = facts(weekly(MORNING - timedelta(days=1)), daily(MORNING, flag), clearance=after)
    assert not state(seen, MORNING + timedelta(hours=4)).sessions_blocked


@pytest.mark.parametrize("flag", SEE)
def test_a_see_clinician_flag_blocks_until_a_clearance_whatever_the_days(flag):
    safety = facts(weekly(MORNING, flag))
    for later in (timedelta(minutes=1), timedelta(days=3)):
        s = state(safety, MORNING + later)
        assert s.level is Level.SEE_CLINICIAN and s.clearable and s.flags == (n(flag),)
    cleared = Clearance(MORNING + timedelta(days=1), who="Dr Lee", on=MORNING.date())
    assert not state(
        facts(weekly(MORNING, flag), clearance=cleared), MORNING + timedelta(days=2)
    ).sessions_blocked


def test_the_most_urgent_level_is_the_page_and_every_flag_is_named():
    safety = facts(
        weekly(MORNING, "one_leg", "injury"), daily(MORNING + timedelta(minutes=1), "both_legs")
    )
    s = state(safety, MORNING + timedelta(minutes=2))
    assert s.level is Level.EMERGENCY
    assert s.flags == tuple(sorted((n("one_leg"), n("injury"), n("both_legs"))))
    urgent = facts(weekly(MORNING, "one_leg", "injury"))
    assert state(urgent, MORNING + timedelta(minutes=2)).level is Level.URGENT


def test_a_cleared_lifelong_item_is_not_asked_again_but_a_new_symptom_blocks():
    s = state(facts(weekly(MORNING), cleared=("cancer_history", "one_leg")), MORNING)
    assert s.cleared_lifelong == (n("cancer_history"),)  # one_leg is a symptom: asked each week
    again = facts(weekly(MORNING, "one_leg"), cleared=("cancer_history", "one_leg"))
    assert state(again, MORNING + timedelta(minutes=1)).level is Level.SEE_CLINICIAN


def test_worsening_pain_is_the_not_improving_flag_at_see_clinician_level():
    history = [
        SessionFacts(f"s{i}", MORNING - timedelta(days=7 - i), "done", o, o, 10, 10)
        for i, o in enumerate([2, 2, 2, 6, 6, 6])
    ]
    s = state(facts(weekly(MORNING - timedelta(days=8))), MORNING, history)
    assert s.worsening and s.level is Level.SEE_CLINICIAN and s.flags == (n("not_improving"),)


# ---------------------------------------------------------------- the store


def v3_file(folder, ticked_rows: list[str]):
    """A version-3 history (the version before triage levels) with these answers."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / schema.DB_NAME
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in schema.V1:
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
    finally:
        conn.close()
    # up to version 3 by the real steps, then the old answers as version 3 wrote them
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for step in schema.MIGRATIONS[1:3]:
            conn.execute("BEGIN")
            step(conn) if callable(step) else [conn.execute(s) for s in step]
            conn.execute("COMMIT")
        conn.execute("PRAGMA user_version = 3")
        for i, ticked in enumerate(ticked_rows):
            at = MORNING + timedelta(days=i)
            conn.execute(
                "INSERT INTO red_flag_checks (at, at_ts, ticked) VALUES (?, ?, ?)",
                (at.isoformat(), at.timestamp(), ticked),
            )
        at = MORNING + timedelta(days=len(ticked_rows))
        conn.execute(
            "INSERT INTO clearances (at, at_ts, note) VALUES (?, ?, 'physio, 3 March')",
            (at.isoformat(), at.timestamp()),
        )
    finally:
        conn.close()
    return path


def test_old_answers_keep_their_meaning_under_the_new_numbers(tmp_path):
    v3_file(tmp_path, ["1,3", "5", "6,7", "", "2,4"])
    with Store.open(tmp_path) as store:
        checks = store.red_flag_checks()
        clearance = store.safety_facts().last_clearance
        cleared = store.safety_facts().cleared_flags
    ids = [tuple(SAFETY.flag(x).id for x in c.ticked) for c in checks]
    assert ids == [
        ("not_improving", "one_leg"),
        ("bladder_bowel_sexual", "belly_pain"),
        ("weight_loss", "cancer_history", "osteoporosis"),
        (),
        ("injury", "night_pain"),
    ]
    assert all(c.kind == "weekly" for c in checks)
    assert (clearance.note, clearance.who, clearance.on) == ("physio, 3 March", "", None)
    assert n("cancer_history") in cleared


def test_a_daily_check_and_a_clearance_with_who_and_when_are_kept(tmp_path):
    with Store.open(tmp_path) as store:
        store.record_red_flag_check(MORNING, (n("one_leg"),))
        store.record_red_flag_check(MORNING + timedelta(hours=1), (n("injury"),), "daily")
        store.record_clearance(MORNING + timedelta(hours=2), "", "Dr Lee", date(2026, 3, 1))
        with pytest.raises(ValueError, match="weekly or daily"):
            store.record_red_flag_check(MORNING, (), "monthly")
        got = store.safety_facts(MORNING + timedelta(hours=3))
    assert got.last_check.ticked == (n("one_leg"),)  # the weekly one, not the daily
    assert [c.kind for c in got.recent_checks] == ["weekly", "daily"]
    assert (got.last_clearance.who, got.last_clearance.on) == ("Dr Lee", date(2026, 3, 1))
    assert got.cleared_flags == (n("one_leg"),)
