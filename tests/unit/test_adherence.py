"""Adherence: days with a session against the plan's days per week, per week and overall."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from report_helpers import PROGRAM, at, open_store, session

from backcompanion import prescription
from backcompanion.report.adherence import adherence, full_stretch_reps, session_share
from backcompanion.report.weeks import IsoWeek

FRI_13 = date(2026, 11, 13)  # W46
MON_16, WED_18, THU_19, FRI_20 = (date(2026, 11, d) for d in (16, 18, 19, 20))  # W47
MON_23, WED_25 = date(2026, 11, 23), date(2026, 11, 25)  # W48, not over


def plan_with(days: int):
    return dataclasses.replace(prescription.standard(PROGRAM), days_per_week=days)


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path)
    yield s
    s.close()


def test_a_partly_done_session_counts_for_its_share_of_the_whole_session(store):
    session(store, "stopped", at(WED_18, 9), 3, 2, outcome="stopped", stretches=2)
    (fact,) = store.session_facts()
    assert fact.stretch_ratio == 1.0  # only the two stretches it reached have an end
    full = full_stretch_reps(PROGRAM)
    assert full == 20 + 20 + 40 + 40 + 40 + 20
    assert session_share(fact, full) == pytest.approx(40 / 180)
    done = dataclasses.replace(fact, outcome="done")
    assert session_share(done, full) == 1.0
    assert session_share(dataclasses.replace(fact, outcome="open"), full) == 0.0


def test_weeks_and_overall_against_the_plans_days(store):
    prescription.put_in_force(store, plan_with(4), "editor", at(FRI_13, 8))
    session(store, "w46-fri", at(FRI_13, 9), 3, 2)
    session(store, "w46-sat", at(date(2026, 11, 14), 9), 3, 2)
    session(store, "w47-mon", at(MON_16, 9), 3, 2)
    session(store, "w47-mon-2", at(MON_16, 18), 3, 2)  # the same day counts once
    session(store, "w47-wed", at(WED_18, 9), 3, 2, outcome="stopped", stretches=2)
    session(store, "w47-thu", at(THU_19, 9), 3, None, outcome="open")  # still open: nothing
    session(store, "w47-fri", at(FRI_20, 9), 3, 2)
    session(store, "w48-mon", at(MON_23, 9), 3, 2)

    result = adherence(store, WED_25, standard_days=5, program=PROGRAM)
    assert result.since == FRI_13 and result.days_per_week == 4
    w46, w47, w48 = result.weeks
    assert w46.week == IsoWeek(2026, 46)
    # the plan began on a Friday: 3 of the week's 7 days, ceil(4 * 3 / 7) = 2 days asked
    assert (w46.target, w46.done, w46.sessions, w46.complete) == (2, 2.0, 2, True)
    assert (w47.target, w47.done, w47.sessions, w47.partly) == (4, round(2 + 40 / 180, 2), 4, 1)
    assert w47.text == "2.2 of 4 days"
    assert (w48.target, w48.done, w48.complete) == (4, 1.0, False)
    assert w48.text == "1 of 4 days"
    # the week not over yet stays out of the overall figure
    assert result.overall == pytest.approx((2 + 2.22) / (2 + 4))
    assert result.overall_text == "70 % of the days asked"


def test_each_week_is_measured_against_the_plan_in_force_at_its_end(store):
    prescription.put_in_force(store, plan_with(4), "editor", at(FRI_13, 8))
    session(store, "a", at(MON_16, 9), 3, 2)
    prescription.put_in_force(store, plan_with(2), "file", at(MON_23, 8))
    session(store, "b", at(MON_23, 9), 3, 2)
    result = adherence(store, WED_25, standard_days=5, program=PROGRAM)
    # the new plan starts the count again: only its own week
    assert [(w.week.week, w.target, w.done) for w in result.weeks] == [(48, 2, 1.0)]
    later = adherence(store, date(2026, 11, 30), standard_days=5, program=PROGRAM)
    assert [(w.week.week, w.target, w.complete) for w in later.weeks] == [
        (48, 2, True),
        (49, 2, False),
    ]
    assert later.overall == 0.5


def test_the_standard_program_counts_from_the_first_session_with_its_own_days(store):
    assert adherence(store, WED_25, standard_days=5).weeks == ()
    session(store, "a", at(MON_16, 9), 3, 2)
    result = adherence(store, WED_25, standard_days=5, program=PROGRAM)
    assert [(w.target, w.done) for w in result.weeks] == [(5, 1.0), (5, 0.0)]
    assert result.overall == pytest.approx(1 / 5)


def test_the_overall_figure_reaches_back_twelve_weeks_at_most(store):
    session(store, "old", at(date(2026, 1, 5), 9), 3, 2)
    result = adherence(store, WED_25, standard_days=5, program=PROGRAM)
    assert len(result.weeks) == 12 and result.weeks[-1].week == IsoWeek(2026, 48)


def test_the_history_page_and_the_csv_carry_it(store, tmp_path):
    import csv

    from backcompanion.report.adherence import adherence_line
    from backcompanion.report.csv_export import export_history_csv
    from backcompanion.report.progress import progress_data
    from backcompanion.session.rules import load_rules

    prescription.put_in_force(store, plan_with(4), "editor", at(FRI_13, 8))
    session(store, "w46-fri", at(FRI_13, 9), 3, 2)
    session(store, "w47-mon", at(MON_16, 9), 3, 2)
    session(store, "w47-wed", at(WED_18, 9), 3, 2, outcome="stopped", stretches=2)
    data = progress_data(store, load_rules(), at(WED_25, 12), program=PROGRAM)
    assert adherence_line(data.adherence) == (
        "This week: 0 of 4 days. Since 13 Nov: 37 % of the days asked."
    )

    out = export_history_csv(store, tmp_path / "h.csv", PROGRAM, today=WED_25)
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    by_session = {r["session_id"]: r for r in rows if r["row_type"] == "session"}
    assert by_session["w47-wed"]["share"] == "0.22" and by_session["w47-mon"]["share"] == "1.00"
    assert by_session["w47-mon"]["plan_id"] == "1"
    (plan,) = [r for r in rows if r["row_type"] == "plan"]
    assert (plan["plan_id"], plan["date"], plan["item"]) == ("1", "2026-11-13", "editor")
    assert plan["changed"] == "days per week: 5 → 4"
    weeks = [
        (r["week"], r["days_asked"], r["days_done"]) for r in rows if r["row_type"] == "adherence"
    ]
    assert weeks == [("2026-W46", "2", "1"), ("2026-W47", "4", "1.22"), ("2026-W48", "4", "0")]
