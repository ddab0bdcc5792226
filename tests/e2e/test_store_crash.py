"""A session killed with SIGKILL mid-way loses at most the repeat in progress.

A child process records a session start, the opening check-in and then repeats
one by one, printing "done N" each time ``record()`` has returned. The parent
kills it after a seeded random number of lines, then checks the file and that
the next start offers to resume right after the last stored repeat. Every
round uses the same folder, so reopening after earlier kills is tested too.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backcompanion.history import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 10

CHILD = """
import sys
from datetime import datetime
from pathlib import Path

from backcompanion.history import Store
from backcompanion.session.records import CheckIn, RepeatDone, SessionStarted

data_dir, sid = Path(sys.argv[1]), sys.argv[2]
store = Store.open(data_dir)
store.record(SessionStarted(sid, datetime.now().astimezone(), False, (), "4-0-6-0"))
store.record(CheckIn(sid, 1.0, "before", 4))
print("ready", flush=True)
rep = 0
while True:
    rep += 1
    store.record(RepeatDone(sid, 1.0 + rep, "angry_cat", None, rep, 5, 5.0))
    print(f"done {rep}", flush=True)
"""


def run_and_kill(data_dir: Path, sid: str, lines: int, delay: float) -> int:
    """Start the child, SIGKILL it ``delay`` s after ``lines`` "done" lines; return the last N
    it printed. The delay, shorter than a few records, lands the kill anywhere in a commit."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), sid],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout.readline() == "ready\n"
        for _ in range(lines):
            child.stdout.readline()
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        # whatever was printed before the kill was recorded before it
        printed = [line for line in child.stdout.read().splitlines() if line.startswith("done")]
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return int(printed[-1].split()[1]) if printed else lines


def test_a_killed_session_keeps_every_finished_repeat_and_offers_to_resume(tmp_path):
    rng = random.Random(20240304)
    for round_ in range(ROUNDS):
        sid = f"round{round_}"
        last_printed = run_and_kill(tmp_path, sid, rng.randint(1, 80), rng.uniform(0, 0.003))

        conn = sqlite3.connect(tmp_path / "backcompanion.sqlite3")
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            query = (
                "SELECT rep FROM repeats WHERE session = "
                "(SELECT key FROM sessions WHERE id = ?) ORDER BY seq"
            )
            reps = [row[0] for row in conn.execute(query, (sid,))]
        finally:
            conn.close()
        assert reps == list(range(1, len(reps) + 1))  # no gap, no duplicate
        assert last_printed <= len(reps) <= last_printed + 1  # at most the one in progress
        with Store.open(tmp_path) as store:
            found = store.interrupted_session()
            assert found.session_id == sid
            assert (found.exercise_id, found.rep) == ("angry_cat", len(reps) + 1)
            assert found.last_repeat.rep == len(reps)
            assert found.opening_done
            assert found.active_s == 1.0 + len(reps)
            store.close_as_partial(sid, found.started_at)
