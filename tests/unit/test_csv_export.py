"""The history as CSV: read back with csv.DictReader and compared with the store."""

from __future__ import annotations

import csv
import os
import stat
from collections import defaultdict
from datetime import date

import pytest
from report_helpers import PROGRAM, at, day, open_store, reference_week, session

from backcompanion.report import files
from backcompanion.report.csv_export import COLUMNS, export_history_csv, history_csv_text
from backcompanion.report.files import ExportError


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "data") as s:
        reference_week(s)
        yield s


def read_back(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_round_trip_sessions(store, tmp_path):
    out = export_history_csv(store, tmp_path / "history.csv", PROGRAM)
    rows = read_back(out)
    assert tuple(rows[0].keys()) == COLUMNS
    sessions = [r for r in rows if r["row_type"] == "session"]
    expected = store.sessions_between(date.min, date.max)
    assert [r["session_id"] for r in sessions] == [s.session_id for s in expected]
    for row, s in zip(sessions, expected, strict=True):
        assert row["date"] == s.day.isoformat()
        assert row["start_time"] == s.started_at.strftime("%H:%M")
        assert row["status"] == s.status
        assert float(row["minutes"]) == pytest.approx(s.minutes, abs=0.05)
        assert row["opening"] == ("" if s.opening is None else str(s.opening))
        assert row["closing"] == ("" if s.closing is None else str(s.closing))
        assert row["gate"] == ("open" if s.gate_open else "locked")
        assert row["cadence"] == s.cadence
        assert row["notes"] == " | ".join(s.notes)
        assert row["exercise_id"] == row["outcome"] == ""
    by_id = {r["session_id"]: r for r in sessions}
    assert by_id["fri-pm"]["status"] == "partial" and by_id["fri-pm"]["closing"] == ""
    assert by_id["thu"]["notes"] == "sharp pain in the hip"


def test_round_trip_exercises_add_up_to_the_stores_totals(store, tmp_path):
    rows = read_back(export_history_csv(store, tmp_path / "history.csv", PROGRAM))
    exercises = [r for r in rows if r["row_type"] == "exercise"]
    # each exercise row follows its session's row
    current = None
    for r in rows:
        if r["row_type"] == "session":
            current = r["session_id"]
        elif r["row_type"] == "exercise":
            assert r["session_id"] == current
    # offered exercises (not locked) add up to the store's totals for the same days
    planned: dict[str, int] = defaultdict(int)
    done: dict[str, int] = defaultdict(int)
    sessions: dict[str, int] = defaultdict(int)
    for r in exercises:
        if r["outcome"] != "locked":
            planned[r["exercise_id"]] += int(r["reps_planned"])
            done[r["exercise_id"]] += int(r["reps_done"])
            sessions[r["exercise_id"]] += 1
    totals = store.exercise_totals_between(date.min, date.max)
    assert {t.exercise_id: (t.sessions, t.reps_planned, t.reps_done) for t in totals} == {
        k: (sessions[k], planned[k], done[k]) for k in planned
    }
    # the locked strength exercises are kept too, by name
    locked = [r for r in exercises if r["outcome"] == "locked"]
    assert {r["exercise"] for r in locked} == {"Bridge", "Bird dog", "Plank"}
    assert all(r["reps_done"] == "0" for r in locked)
    cat = next(r for r in exercises if r["exercise_id"] == "angry_cat")
    assert (cat["exercise"], cat["outcome"], cat["hold_s"]) == ("Angry cat", "done", "5")


def test_a_note_that_looks_like_a_formula_stays_text(tmp_path):
    with open_store(tmp_path / "d") as s:
        session(s, "a", at(day(0), 18), 3, 2, note_before="=HYPERLINK(1)", note_after="-2 today")
        session(s, "b", at(day(1), 18), 3, 2, note_before="+ better")
        text = history_csv_text(s, PROGRAM)
    rows = list(csv.DictReader(text.splitlines()))
    notes = [r["notes"] for r in rows if r["row_type"] == "session"]
    assert notes == ["'=HYPERLINK(1) | -2 today", "'+ better"]


def test_file_format_bom_crlf_and_mode(store, tmp_path):
    out = export_history_csv(store, tmp_path / "history.csv", PROGRAM)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfrow_type,session_id,date,")
    assert b"\r\n" in raw and b"\n\n" not in raw
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_an_empty_history_gives_the_header_only(tmp_path):
    with open_store(tmp_path / "d") as s:
        out = export_history_csv(s, tmp_path / "empty.csv", PROGRAM)
    assert read_back(out) == []
    assert out.read_text(encoding="utf-8-sig").strip() == ",".join(COLUMNS)


def test_existing_file_replaced_whole_or_left_alone(store, tmp_path, monkeypatch):
    out = tmp_path / "history.csv"
    out.write_text("old contents", encoding="utf-8")
    os.chmod(out, 0o644)
    export_history_csv(store, out, PROGRAM)
    assert read_back(out)[0]["row_type"] == "session"
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    good = out.read_bytes()

    def half_then_fail(f, data):
        f.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "_write_all", half_then_fail)
    with pytest.raises(ExportError, match="disk is full"):
        export_history_csv(store, out, PROGRAM)
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "history.csv"]


def test_unwritable_targets(store, tmp_path):
    with pytest.raises(ExportError, match="it is a folder") as caught:
        export_history_csv(store, tmp_path, PROGRAM)
    assert str(tmp_path) in str(caught.value)
    with pytest.raises(ExportError, match="does not exist"):
        export_history_csv(store, tmp_path / "missing" / "h.csv", PROGRAM)
