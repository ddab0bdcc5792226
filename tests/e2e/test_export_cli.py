"""`backcompanion export-summary` and `export-history` in a subprocess, as a user runs them."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from cli_helpers import private_home, week_of_data
from pypdf import PdfReader
from report_helpers import open_store, session

from backcompanion.report.weeks import last_full_week

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path):
    """A private home for the run: settings and the default data folder live under it."""
    return private_home(tmp_path)


@pytest.fixture
def data(tmp_path):
    return week_of_data(tmp_path)


def run(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "backcompanion", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def one_line_error(result) -> str:
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_good_week_gives_a_real_pdf(home, data, tmp_path):
    settings = tmp_path / "config" / "BackCompanion" / "BackCompanion.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text("[you]\nname=Alex Example\n", encoding="utf-8")
    out = tmp_path / "w47.pdf"
    result = run(home, "export-summary", "--data-dir", data, "--week", "2026-W47", "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    reader = PdfReader(out)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "2026-W47" in text and "Before 5 4 - 4 4.5 - 3" in text
    assert reader.metadata.author == "Alex Example"
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600


def test_the_default_week_is_the_last_full_one(home, tmp_path):
    week = last_full_week(date.today())
    folder = tmp_path / "data"
    with open_store(folder) as store:
        start = datetime.combine(week.start, time(18)).astimezone()
        session(store, "a", start, 5, 3)
        session(store, "b", start + timedelta(days=2), 4, 2)
    out = tmp_path / "summary.pdf"
    result = run(home, "--data-dir", folder, "export-summary", "--out", out)
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert week.label in text and "SESSIONS 2" in text


@pytest.mark.parametrize("bad", ["2026-47", "2026-W54", "week 7", "2025-W53"])
def test_a_bad_week_is_one_line_and_exit_2(home, data, tmp_path, bad):
    result = run(
        home, "export-summary", "--data-dir", data, "--week", bad, "--out", tmp_path / "x.pdf"
    )
    line = one_line_error(result)
    assert line.startswith(f"backcompanion: --week: expected YYYY-Www like 2026-W07, not {bad!r}")
    assert not (tmp_path / "x.pdf").exists()


def test_a_week_still_to_come(home, data, tmp_path):
    result = run(
        home,
        "export-summary",
        "--data-dir",
        data,
        "--week",
        "9998-W01",
        "--out",
        tmp_path / "x.pdf",
    )
    assert "has not begun yet" in one_line_error(result)


def test_an_unwritable_path_is_one_line_and_exit_2(home, data, tmp_path):
    line = one_line_error(
        run(home, "export-summary", "--data-dir", data, "--week", "2026-W47", "--out", tmp_path)
    )
    assert (
        line
        == f"backcompanion: cannot write {tmp_path}: it is a folder; add a file name to the path"
    )
    missing = tmp_path / "no" / "such" / "folder" / "w.pdf"
    line = one_line_error(
        run(home, "export-summary", "--data-dir", data, "--week", "2026-W47", "--out", missing)
    )
    assert "does not exist; create it first" in line
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    line = one_line_error(
        run(home, "export-history", "--data-dir", data, "--out", a_file / "h.csv")
    )
    assert "is not a folder" in line


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_one_line_and_exit_2(home, data, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    try:
        line = one_line_error(
            run(home, "export-summary", "--data-dir", data, "--out", folder / "w.pdf")
        )
        assert "permission denied" in line
    finally:
        folder.chmod(0o700)


def test_no_history_in_the_folder(home, tmp_path):
    empty = tmp_path / "nothing-here"
    line = one_line_error(
        run(home, "export-summary", "--data-dir", empty, "--out", tmp_path / "x.pdf")
    )
    assert line == (
        f"backcompanion: no history in {empty}: nothing was recorded there yet (check --data-dir)"
    )
    assert not empty.exists()  # the export created nothing


def test_a_damaged_history_is_one_line(home, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "backcompanion.sqlite3").write_bytes(b"this is not a database" * 100)
    line = one_line_error(
        run(home, "export-history", "--data-dir", folder, "--out", tmp_path / "h.csv")
    )
    assert "cannot be read" in line


def test_export_history_writes_csv(home, data, tmp_path):
    out = tmp_path / "history.csv"
    result = run(home, "export-history", "--data-dir", data, "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert sum(r["row_type"] == "session" for r in rows) == 9
