"""PSFS: when it is asked, its trend against the first rating, the store, the CSV; leg pain."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from report_helpers import PROGRAM, at, open_store, session

from backcompanion import resources
from backcompanion.program.plan_file import load_plan_settings
from backcompanion.report.csv_export import export_history_csv
from backcompanion.report.psfs import psfs_due, psfs_line, psfs_trend

SETTINGS = load_plan_settings()
DAY = date(2026, 11, 2)


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path)
    yield s
    s.close()


def test_the_numbers_come_from_plan_yaml_with_their_source():
    text = resources.read_text("plan.yaml")
    assert "Horn et al" in text and "Stratford et al" in text
    assert (SETTINGS.psfs_max, SETTINGS.psfs_every_days) == (5, 14)
    assert (SETTINGS.psfs_change_mean, SETTINGS.psfs_change_single) == (2.0, 3.0)


def test_asked_at_the_start_then_every_two_weeks(store):
    assert psfs_due(store.psfs_rounds(), at(DAY, 9), SETTINGS)  # never asked: at the start
    store.record_psfs(at(DAY, 9), [("putting on socks", 3), ("sitting 30 minutes", 5)])
    rounds = store.psfs_rounds()
    assert not psfs_due(rounds, at(DAY, 10), SETTINGS)
    assert not psfs_due(rounds, at(DAY + timedelta(days=13), 23), SETTINGS)
    assert psfs_due(rounds, at(DAY + timedelta(days=14), 9), SETTINGS)


def test_the_trend_against_the_first_rating_marks_the_important_change(store):
    store.record_psfs(at(DAY, 9), [("socks", 2), ("sitting", 4), ("lifting", 3)])
    store.record_psfs(
        at(DAY + timedelta(days=14), 9), [("socks", 3), ("sitting", 5), ("lifting", 3)]
    )
    store.record_psfs(
        at(DAY + timedelta(days=28), 9), [("socks", 6), ("sitting", 6), ("lifting", 4)]
    )
    trend = psfs_trend(store.psfs_rounds(), SETTINGS)
    assert [round(m, 2) for _, m in trend.points] == [3.0, 3.67, 5.33]
    assert trend.change == pytest.approx(7 / 3) and trend.important
    assert trend.threshold == 5.0
    socks, sitting, lifting = trend.activities
    assert (socks.first, socks.last, socks.change, socks.important) == (2, 6, 4, True)
    assert (sitting.change, sitting.important) == (2, False)  # 3 points for one activity
    assert lifting.change == 1
    # read as it stood two weeks in: the change was small
    early = psfs_trend(store.psfs_rounds(), SETTINGS, until=at(DAY + timedelta(days=20), 9))
    assert early.change == pytest.approx(2 / 3) and not early.important
    assert psfs_line(trend) == (
        "Everyday activities (PSFS): 3 at the start, 5.3 now. "
        "A change that matters (at least 2 points)."
    )
    assert psfs_line(early) == "Everyday activities (PSFS): 3 at the start, 3.7 now."
    assert psfs_line(psfs_trend([], SETTINGS)) == ""


def test_the_store_refuses_bad_ratings_and_keeps_nothing_of_them(store):
    for scores in ([], [("a", 11)], [("", 3)], [("a", True)], [("x", 1)] * 6):
        with pytest.raises(ValueError):
            store.record_psfs(at(DAY, 9), scores)
    assert store.psfs_rounds() == []


def test_the_csv_carries_the_ratings_and_the_leg_pain(store, tmp_path):
    session(store, "s1", at(DAY, 9), 4, 3)
    store.record_leg_pain("s1", "before", 6)
    store.record_leg_pain("s1", "after", 4)
    store.record_leg_pain("s1", "after", 3)  # a new answer replaces the old one
    with pytest.raises(ValueError):
        store.record_leg_pain("nope", "before", 2)
    with pytest.raises(ValueError):
        store.record_leg_pain("s1", "during", 2)
    store.record_psfs(at(DAY, 10), [("=socks", 3)])
    out = export_history_csv(store, tmp_path / "h.csv", PROGRAM, today=DAY)
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    (s1,) = [r for r in rows if r["row_type"] == "session"]
    assert (s1["leg_pain_before"], s1["leg_pain_after"]) == ("6", "3")
    (psfs,) = [r for r in rows if r["row_type"] == "psfs"]
    assert (psfs["date"], psfs["item"], psfs["value"]) == ("2026-11-02", "'=socks", "3")
