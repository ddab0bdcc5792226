"""`backcompanion simulate` drives the real engine into the real store, and the gate reads it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime, time, timedelta

from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.session import rules as R
from backcompanion.simulate import simulate

PROGRAM = builtin_program()
PHASES = {e.id: e.phase.value for e in PROGRAM.exercises}


def _run(tmp_path, days=28, seed=3, start=date(2026, 3, 2)):
    with Store.open(tmp_path, phases=PHASES) as store:
        result = simulate(store, PROGRAM, R.load_rules(), days, start, seed)
        facts = store.session_facts()
        safety = store.safety_facts()
    return result, facts, safety


def test_four_weeks_fill_a_store_the_gate_can_read(tmp_path):
    result, facts, safety = _run(tmp_path)
    assert result.sessions == len(facts) and result.sessions + result.skipped == 28
    assert 18 <= result.sessions <= 27
    assert all(f.opening is not None for f in facts)
    assert all(0 <= f.opening <= 10 for f in facts)
    rules = R.load_rules()
    end = datetime.combine(date(2026, 3, 30), time(23)).astimezone()
    gate = R.evaluate_gate(rules, facts, safety, end)
    assert gate.open, gate.texts  # four weeks of easing pain open the gate in this story
    # pain eases: the last week's mean opening is below the first week's
    first = [f.opening for f in facts[:5]]
    last = [f.opening for f in facts[-5:]]
    assert sum(last) / 5 < sum(first) / 5
    # complete sessions did every planned stretch repeat
    done = [f for f in facts if f.outcome == "done"]
    assert done and all(f.stretch_ratio >= 0.8 for f in done)


def test_same_seed_same_story_different_seed_different(tmp_path):
    _, a, _ = _run(tmp_path / "a", seed=7)
    _, b, _ = _run(tmp_path / "b", seed=7)
    _, c, _ = _run(tmp_path / "c", seed=8)
    key = lambda facts: [(f.day, f.opening, f.closing, f.outcome) for f in facts]  # noqa: E731
    assert key(a) == key(b)
    assert key(a) != key(c)


def test_long_run_has_flare_ups_skips_and_stopped_sessions(tmp_path):
    result, facts, _ = _run(tmp_path, days=120, seed=5)
    rules = R.load_rules()
    assert R.flare_ups(rules, facts)
    assert result.skipped > 0
    assert {f.outcome for f in facts} <= {"done", "stopped"}
    # a session belongs to the day it started, one per day at most
    days = [f.day for f in facts]
    assert len(days) == len(set(days))
    assert days[0] == date(2026, 3, 2) and days[-1] <= date(2026, 3, 2) + timedelta(days=119)


def test_cli_simulate_writes_a_real_database(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "backcompanion",
            "simulate",
            "--days",
            "14",
            "--start",
            "2026-01-05",
            "--seed",
            "2",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Simulated 14 days" in run.stdout
    db = sqlite3.connect(tmp_path / "backcompanion.sqlite3")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        n_sessions, n_repeats = db.execute(
            "SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM repeats)"
        ).fetchone()
    finally:
        db.close()
    assert n_sessions >= 9 and n_repeats > 100 * n_sessions


def test_cli_rejects_bad_arguments_in_one_line(tmp_path):
    for args in (["--days", "0"], ["--days", "5", "--start", "2026-13-01"]):
        run = subprocess.run(
            [sys.executable, "-m", "backcompanion", "simulate", *args, "--data-dir", str(tmp_path)],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 2
        assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
