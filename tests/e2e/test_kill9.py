"""SIGKILL at random moments of whole sessions run through the real engine, companion and store.

A helper process (the "zygote") imports the app once and forks one worker per
round, so each kill costs milliseconds, not an interpreter start. A worker
opens the data folder the way the app does (``open_store_with_recovery``),
answers the safety check when it is due, resumes the interrupted session the
store offers (or closes it when there is nothing to resume) and then runs
sessions forever: a fake monotonic clock advanced in small steps, random
events now and then (skip, "this hurts", pause, effort, too hard, rarely
stop), check-ins with random ratings. After each repeat is committed it
writes ``done <session> <exercise> <side> <rep>`` to its log with one
``write()``, so what the log says was saved before the kill was saved.

The parent kills the worker after a seeded random delay, several times into
the same folder, and after every kill checks:

- ``PRAGMA integrity_check`` is ok and no recovery was needed (no file set aside);
- every session and repeat the log reported is in the store;
- the store offers the interrupted session with a resume point right after the
  last repeat stored, in an exercise that has not ended yet; or the session
  cannot go on because it is finished (its opening check-in is missing, or its
  last repeat was the plan's last one); and the next worker resumes exactly there.
"""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backcompanion.companion import Companion
from backcompanion.history import Store
from backcompanion.history.schema import DB_NAME, latest_version
from backcompanion.program import builtin_program
from backcompanion.session.engine import Event, ResumePoint, Step
from backcompanion.session.plan import PRESETS
from backcompanion.session.rules import load_rules

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork are POSIX")

ROOT = Path(__file__).resolve().parents[2]
SEED = 20260906
FOLDERS = 6
KILLS_PER_FOLDER = 10  # 60 kills in all
DELAY_S = (0.005, 0.25)  # CPU seconds the worker runs from the fork to the kill
GET_READY_S, RELEASE_S = 3, 2
PROGRAM = builtin_program()
PHASES = {e.id: e.phase.value for e in PROGRAM.exercises}

ZYGOTE = r"""
import os, random, sys, traceback
from pathlib import Path

from backcompanion.app import open_store_with_recovery
from backcompanion.companion import Companion, RecordWriter
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, State, Step
from backcompanion.session.plan import PRESETS
from backcompanion.session.records import Effort, RepeatDone
from backcompanion.session.rules import load_rules

GET_READY_S, RELEASE_S = int(sys.argv[1]), int(sys.argv[2])
PROGRAM, RULES = builtin_program(), load_rules()
RARE = (Event.SKIP_REPEAT, Event.SKIP_EXERCISE, Event.THIS_HURTS, Event.PAUSE,
        Event.RATE_EFFORT, Event.TOO_HARD, Event.TAKE_EASIER, Event.CONTINUE)


def drive(folder, seed, log):
    def say(text):
        os.write(log, (text + "\n").encode())

    rng = random.Random(seed)
    store, message = open_store_with_recovery(Path(folder), PROGRAM)
    if message:
        say("recovered " + message)
    companion = Companion(PROGRAM, RULES, store)
    clock = FakeClock()
    while True:
        status = companion.home_status()
        if status.safety.check_due:
            companion.record_red_flags(())
        writer = RecordWriter(store)

        def recorder(rec):
            writer(rec)
            if isinstance(rec, RepeatDone) and writer.pending == 0:
                side = "-" if rec.side is None else rec.side
                say(f"done {rec.session_id} {rec.exercise_id} {side} {rec.rep}")

        engine = None
        it = status.interrupted
        if it is not None:
            engine = companion.resume_engine(
                it, clock, recorder, GET_READY_S, RELEASE_S
            )
            if engine is None:
                companion.close_interrupted(it)
                say(f"closed {it.session_id}")
            else:
                snap = engine.snapshot()
                say(f"resumed {it.session_id} {snap.exercise.id} {snap.side_index or 0} {snap.rep}")
                engine.send(Event.RESUME)
        if engine is None:
            plan = companion.plan(PRESETS["relaxed"], GET_READY_S, RELEASE_S)
            engine = companion.new_engine(plan, clock, recorder)
            engine.send(Event.START)
            say(f"started {engine.session_id}")
            engine.send(Event.CHECK_IN, rating=rng.randint(0, 6))
        while engine.state not in (State.DONE, State.STOPPED):
            snap = engine.snapshot()
            allowed = snap.allowed_events
            if snap.state is State.CHECK_IN_AFTER:
                engine.send(Event.CHECK_IN, rating=rng.randint(0, 6))
                continue
            if snap.state is State.PAUSED:
                clock.advance(rng.uniform(0, 30))
                engine.send(Event.RESUME)
                continue
            if rng.random() < 0.004 and Event.STOP in allowed:
                engine.send(Event.STOP)
                break
            if rng.random() < 0.03:
                choices = [e for e in RARE if e in allowed]
                if choices:
                    event = rng.choice(choices)
                    if event is Event.THIS_HURTS:
                        engine.send(event, rating=rng.randint(0, 9))
                    elif event is Event.RATE_EFFORT:
                        engine.send(event, effort=rng.choice(list(Effort)))
                    else:
                        engine.send(event)
                    continue
            clock.advance(max(1e-3, min(snap.remaining_s, rng.uniform(0.3, 1.5))))
            engine.update()


for line in sys.stdin:
    folder, seed, log_path = line.split()
    pid = os.fork()
    if pid == 0:
        log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            drive(folder, int(seed), log)
        except BaseException:
            os.write(log, ("error " + traceback.format_exc().replace("\n", " | ") + "\n").encode())
        os._exit(3)
    print(f"pid {pid}", flush=True)
    _, status = os.waitpid(pid, 0)
    print(f"status {status}", flush=True)
"""


def cpu_seconds(pid: int) -> float | None:
    """The CPU time ``pid`` has used (user + system), from /proc; None where there is none."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after "pid (name)": field 3 onwards
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_for_cpu(pid: int, seconds: float, cap_s: float = 30.0) -> None:
    """Let the worker run until it has used ``seconds`` of CPU time (not of wall time).

    On a loaded machine a wall-time delay may end before the worker ran at all, and the
    test then sees too few repeats; CPU time is the work the worker has done. Where
    /proc is missing, a wall-time sleep; ``cap_s`` bounds the wait either way.
    """
    if cpu_seconds(pid) is None:
        time.sleep(seconds)
        return
    deadline = time.monotonic() + cap_s
    while time.monotonic() < deadline:
        used = cpu_seconds(pid)
        if used is None or used >= seconds:
            return
        time.sleep(0.002)  # polling the worker's progress, not waiting for time to pass


class Zygote:
    """The helper process: one line in ("folder seed log"), a forked worker out."""

    def __init__(self):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE, str(GET_READY_S), str(RELEASE_S)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def run_and_kill(self, folder: Path, seed: int, log: Path, delay: float) -> list[str]:
        """Fork a worker on ``folder``, SIGKILL it after ``delay`` s; return its log lines."""
        self.proc.stdin.write(f"{folder} {seed} {log}\n")
        self.proc.stdin.flush()
        kind, pid = self.proc.stdout.readline().split()
        assert kind == "pid"
        run_for_cpu(int(pid), delay)
        os.kill(int(pid), signal.SIGKILL)
        kind, status = self.proc.stdout.readline().split()
        assert kind == "status"
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        errors = [line for line in lines if line.startswith("error")]
        assert not errors, errors[0].replace(" | ", "\n")
        status = int(status)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
        return lines

    def close(self) -> None:
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()


@pytest.fixture
def zygote():
    z = Zygote()
    yield z
    z.close()


def integrity(folder: Path) -> list[tuple]:
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def has_schema(folder: Path) -> bool:
    """The file has the latest tables (a kill between two migration steps leaves an older
    version, which the next start migrates before any session is written)."""
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    finally:
        conn.close()


def stored(folder: Path):
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        sessions = {row[0] for row in conn.execute("SELECT id FROM sessions")}
        repeats = {
            (sid, ex, "-" if side is None else str(side), str(rep))
            for sid, ex, side, rep in conn.execute(
                "SELECT s.id, x.id, r.side, r.rep FROM repeats AS r "
                "JOIN sessions AS s ON s.key = r.session "
                "JOIN exercise_ids AS x ON x.key = r.exercise"
            )
        }
        ends = {
            (sid, ex): t
            for sid, ex, t in conn.execute(
                "SELECT s.id, x.id, e.t_ms / 1000.0 FROM exercises AS e "
                "JOIN sessions AS s ON s.key = e.session "
                "JOIN exercise_ids AS x ON x.key = e.exercise"
            )
        }
        return sessions, repeats, ends
    finally:
        conn.close()


def finished(plan, it, ends) -> bool:
    """Nothing is left to do but the closing check-in: the last repeat was the plan's last,
    or every exercise from the last repeat's on ended after it (skipped, hurt, locked)."""
    last = it.last_repeat
    if last is None:
        return False
    if ResumePoint.after(plan, last, it.started_at) is None:
        return True
    order = [*plan.stretches, *(plan.strength if plan.gate_open else ())]
    ids = [(sp.exercise.id, plan.easier.get(sp.exercise.id, sp).exercise.id) for sp in order]
    slot = next(i for i, pair in enumerate(ids) if last.exercise_id in pair)
    return all(
        any(ends.get((it.session_id, ex), -1.0) >= last.t for ex in pair) for pair in ids[slot:]
    )


def expected_resume(folder: Path, ends) -> tuple[str, str, int, int] | None:
    """What the next start must offer, checked against the store; None: nothing to resume."""
    with Store.open(folder, phases=PHASES) as store:
        companion = Companion(PROGRAM, load_rules(), store)
        it = store.interrupted_session()
        if it is None:
            return None
        plan = companion.plan(PRESETS["relaxed"], GET_READY_S, RELEASE_S)
        plan = dataclasses.replace(plan, gate_open=it.gate_open, gate_reasons=it.gate_reasons)
        point = companion.resume_point(it, plan)
        last = it.last_repeat
        if point is None:
            assert not it.opening_done or finished(plan, it, ends), (
                f"{it.session_id}: no resume offered after {last}"
            )
            return None
        assert it.opening_done
        if last is not None:
            ended_at = ends.get((it.session_id, point.exercise_id))
            assert ended_at is None or ended_at < last.t, (
                f"{it.session_id}: resumes {point.exercise_id} side {point.side_index} "
                f"rep {point.rep}, an exercise that already ended (at t={ended_at}, "
                f"after the last repeat at t={last.t})"
            )
        return (it.session_id, point.exercise_id, point.side_index, point.rep)


def test_sixty_kills_lose_nothing_reported_and_always_offer_to_resume(tmp_path, zygote):
    rng = random.Random(SEED)
    kills = reported_repeats = resumed = 0
    for f in range(FOLDERS):
        folder = tmp_path / f"data{f}"
        expect = None
        for k in range(KILLS_PER_FOLDER):
            log = tmp_path / f"log{f}-{k}.txt"
            lines = zygote.run_and_kill(folder, rng.randrange(1 << 30), log, rng.uniform(*DELAY_S))
            kills += 1
            where = f"folder {f}, kill {k}"
            assert not any(line.startswith("recovered") for line in lines), where
            if not (folder / DB_NAME).exists():
                continue  # killed before the file was created
            assert integrity(folder) == [("ok",)], where
            assert not [p for p in folder.iterdir() if ".corrupt-" in p.name], where
            if not has_schema(folder):  # killed before the first start finished the tables
                assert not [line for line in lines if line.startswith(("started", "done"))]
                continue

            # the previous kill's resume point is where this worker went on
            said = [line.split() for line in lines]
            first = next((s for s in said if s[0] in ("resumed", "closed", "started")), None)
            if expect is not None and first is not None:
                sid, ex, side, rep = expect
                assert first == ["resumed", sid, ex, str(side), str(rep)], (where, first)
                resumed += 1

            sessions, repeats, ends = stored(folder)
            for s in said:
                if s[0] == "started":
                    assert s[1] in sessions, (where, s)
                if s[0] == "done":
                    assert tuple(s[1:]) in repeats, (where, s)
                    reported_repeats += 1
            expect = expected_resume(folder, ends)
    assert kills == FOLDERS * KILLS_PER_FOLDER
    assert reported_repeats > 500 and resumed > 10, (reported_repeats, resumed)


# --- the two resume cases the kills found, made deterministic ---------------------------------


@pytest.fixture
def crashed(tmp_path):
    """A session run to a chosen point and then abandoned, as a kill leaves it."""
    from backcompanion.session.clock import FakeClock

    store = Store.open(tmp_path, phases=PHASES)
    companion = Companion(PROGRAM, load_rules(), store)
    companion.record_red_flags(())
    clock = FakeClock()
    engine = companion.new_engine(companion.plan(PRESETS["relaxed"], GET_READY_S, RELEASE_S), clock)
    engine.send(Event.START)
    engine.send(Event.CHECK_IN, rating=4)
    engine.send(Event.CONTINUE)  # breathing done
    yield companion, engine, clock
    store.close()


def resume_offered(companion: Companion) -> tuple[str, int, int] | None:
    it = companion.home_status().interrupted
    assert it is not None
    plan = companion.plan(PRESETS["relaxed"], GET_READY_S, RELEASE_S)
    plan = dataclasses.replace(plan, gate_open=it.gate_open, gate_reasons=it.gate_reasons)
    point = companion.resume_point(it, plan)
    return None if point is None else (point.exercise_id, point.side_index, point.rep)


def test_after_this_hurts_a_restart_never_resumes_the_exercise_that_hurt(crashed):
    companion, engine, clock = crashed
    while not (engine.snapshot().rep == 3 and engine.snapshot().step is Step.HOLD):
        clock.advance(max(engine.snapshot().remaining_s, 1e-3))
        engine.update()
    engine.send(Event.THIS_HURTS, rating=6)  # angry cat ends, hurt; child's pose gets ready
    assert engine.snapshot().exercise.id == "childs_pose"
    # the app is killed here, before child's pose has a repeat
    assert resume_offered(companion) == ("childs_pose", 0, 1)


def test_after_skipping_the_first_stretch_a_restart_still_offers_the_rest(crashed):
    companion, engine, _clock = crashed
    engine.send(Event.SKIP_EXERCISE)  # angry cat skipped before any repeat
    assert engine.snapshot().exercise.id == "childs_pose"
    # the app is killed during child's pose's get-ready
    assert resume_offered(companion) == ("childs_pose", 0, 1)
