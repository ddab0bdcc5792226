"""One app per data folder (backcompanion/instance.py), with real processes.

A second start of the window brings the first up and exits 0; a command that
writes refuses in one line while the window holds the folder, and commands
that only read work alongside; a lock left by a killed window is taken over;
two commands creating a new folder at once both succeed.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_helpers import private_home, week_of_data

from backcompanion.history import Store
from backcompanion.instance import (
    LOCK_FILE,
    FolderInUse,
    Outcome,
    claim_for_window,
    hold_for_writing,
    window_answers,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 and the env are POSIX")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path):
    return private_home(tmp_path)


@pytest.fixture
def data(tmp_path):
    return week_of_data(tmp_path)


def start(env, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "backcompanion", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def finish(qtbot, proc: subprocess.Popen, timeout_ms: int = 60_000) -> tuple[int, str, str]:
    """Let Qt's event loop run (this process may be the window it talks to) until it ends."""
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=timeout_ms)
    out, err = proc.communicate()
    return proc.returncode, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_a_second_window_brings_the_first_up_and_exits_0(qtbot, env, data):
    outcome, claim = claim_for_window(data)
    assert outcome == Outcome.CLAIMED and claim.listening
    # a local socket only this user can reach: 0600, in a folder nobody else may enter
    assert stat.S_ISSOCK(claim.path.stat().st_mode)
    assert claim.path.stat().st_mode & 0o777 == 0o600
    assert claim.path.parent.stat().st_mode & 0o077 == 0
    try:
        with qtbot.waitSignal(claim.raiseRequested, timeout=60_000):
            second = start(env, "--data-dir", data)
        code, _out, err = finish(qtbot, second)
        assert code == 0, err
    finally:
        claim.release()
    assert not (data / LOCK_FILE).exists() and not claim.path.exists()


def test_writing_commands_refuse_while_the_window_holds_the_folder_reading_ones_work(
    qtbot, env, data, tmp_path
):
    with Store.open(data) as store:
        before = len(store.session_facts())
    outcome, claim = claim_for_window(data)
    assert outcome == Outcome.CLAIMED
    try:
        code, out, err = finish(qtbot, start(env, "simulate", "--days", "3", "--data-dir", data))
        assert code == 2 and out == ""
        line = one_line(err)
        assert str(data) in line and "close its window" in line, line
        csv_out = tmp_path / "history.csv"
        code, out, err = finish(
            qtbot, start(env, "export-history", "--data-dir", data, "--out", csv_out)
        )
        assert code == 0, err
        assert csv_out.stat().st_size > 0
        code, out, err = finish(qtbot, start(env, "program", "--data-dir", data))
        assert code == 0 and "breathing" in out, err
        plan_file = tmp_path / "plan.yaml"  # exporting the plan only reads
        code, out, err = finish(
            qtbot, start(env, "plan", "export", "--out", plan_file, "--data-dir", data)
        )
        assert code == 0 and plan_file.stat().st_size > 0, err
        for words in (("plan", "import", plan_file), ("plan", "standard")):
            code, out, err = finish(qtbot, start(env, *words, "--data-dir", data))
            assert code == 2, (words, out, err)
            assert "close its window" in one_line(err), err
    finally:
        claim.release()
    with Store.open(data) as store:  # the refused commands wrote nothing
        assert len(store.session_facts()) == before
        assert store.plans() == []


LOCK_AND_WAIT = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from backcompanion.instance import claim_for_window
app = QCoreApplication([])
outcome, claim = claim_for_window(Path(sys.argv[1]))
print(outcome, flush=True)
while True:
    app.processEvents()
    time.sleep(0.01)
"""


def test_a_lock_left_by_a_killed_window_is_taken_over_at_once(qtbot, env, data):
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_AND_WAIT, str(data)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == Outcome.CLAIMED
        assert window_answers(data)
        with pytest.raises(FolderInUse), hold_for_writing(data, wait_s=0.3):
            pass
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()  # reaped: a zombie would still count as running
        holder.stdout.close()
    assert (data / LOCK_FILE).exists()  # the crash left it behind
    started = time.monotonic()
    outcome, claim = claim_for_window(data, wait_s=0.0)
    try:
        assert outcome == Outcome.CLAIMED
        assert time.monotonic() - started < 5
    finally:
        claim.release()
    code, _out, err = finish(qtbot, start(env, "simulate", "--days", "2", "--data-dir", data))
    assert code == 0, err


RACER = r"""
import sys, time
from pathlib import Path
from backcompanion import cli
base, me, other, rounds = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
for n in range(rounds):
    (base / f"ready-{n}-{me}").touch()
    while not (base / f"ready-{n}-{other}").exists():  # both start the round together
        time.sleep(0.001)
    code = cli.main(["simulate", "--days", "2", "--seed", me, "--data-dir", str(base / str(n))])
    print("round", n, code, flush=True)
"""


def test_two_commands_creating_a_new_folder_at_once_both_succeed(tmp_path, env):
    rounds = 20
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(tmp_path), me, other, str(rounds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for me, other in (("1", "2"), ("2", "1"))
    ]
    results = [racer.communicate(timeout=600) for racer in racers]
    for racer, (out, err) in zip(racers, results, strict=True):
        assert racer.returncode == 0, err
        codes = [line.split()[2] for line in out.splitlines() if line.startswith("round")]
        assert codes == ["0"] * rounds, (out, err)
        assert "error" not in err.lower(), err
    for n in range(rounds):
        with Store.open(tmp_path / str(n)) as store:
            assert len(store.session_facts()) == 4  # two days from each
