"""Running the children: environment, spawn time, the ``BENCH`` line, Xvfb, progress output.

Each child gets a private ``XDG_CONFIG_HOME`` (so the app's QSettings never
touch the user's) and ``XDG_CACHE_HOME`` (the parsed YAML the first run
leaves), compiled bytecode kept in the temporary folder (as an installed app
has it, even where ``PYTHONDONTWRITEBYTECODE`` is set),
``QT_QPA_PLATFORM`` (offscreen unless a display is given),
and writes its output to files (no pipe can fill up and stall it). The spawn
moment is ``time.monotonic()`` just before the fork: CLOCK_MONOTONIC is shared
by every process, so a child's own ``time.monotonic()`` at its first paint minus
the spawn moment is "process start to first paint".
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
PREFIX = "BENCH "
_T0 = time.monotonic()


def log(message: str) -> None:
    """Progress on stdout, with the minutes and seconds since the run began."""
    elapsed = time.monotonic() - _T0
    print(f"[{int(elapsed // 60):2d}:{int(elapsed % 60):02d}] {message}", flush=True)


class ProbeError(RuntimeError):
    pass


@dataclass
class Child:
    """One finished child process."""

    argv: list[str]
    spawn: float
    end: float
    code: int
    result: dict[str, Any] | None
    stdout: str
    stderr: str
    rusage: Any = None

    @property
    def wall(self) -> float:
        return self.end - self.spawn

    @property
    def cpu(self) -> float | None:
        if self.rusage is None:
            return None
        return self.rusage.ru_utime + self.rusage.ru_stime


@dataclass
class Env:
    """Where the children keep their settings and which display they use."""

    workdir: Path
    display: str | None = None  # an X display (Xvfb) or None for offscreen
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def platform(self) -> str:
        return "xcb" if self.display else "offscreen"

    def variables(self) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("BACKCOMPANION_EXIT_AFTER_FIRST_PAINT", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            env.pop(name, None)
        env["XDG_CONFIG_HOME"] = str(self.workdir / "config")
        env["XDG_CACHE_HOME"] = str(self.workdir / "cache")  # parsed YAML (warm after a first run)
        env.pop("BACKCOMPANION_CACHE_DIR", None)
        env["PYTHONPATH"] = str(ROOT)
        # An installed app runs from compiled bytecode (pip and PyInstaller compile it);
        # keep it in the temporary folder, not in the source tree.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.workdir / "pycache")
        if self.display:
            env["DISPLAY"] = self.display
            env["QT_QPA_PLATFORM"] = "xcb"
        else:
            env.pop("DISPLAY", None)
            env["QT_QPA_PLATFORM"] = "offscreen"
        env.update(self.extra)
        return env


def python() -> str:
    return sys.executable


def parse_result(stdout: str) -> dict[str, Any] | None:
    """The last ``BENCH {json}`` line of a child's output."""
    found = None
    for line in stdout.splitlines():
        if line.startswith(PREFIX):
            found = json.loads(line[len(PREFIX) :])
    return found


def start(argv: Sequence[str], env: Env, outdir: Path) -> tuple[subprocess.Popen, float, Path]:
    """Start a child with its output going to files; returns it with its spawn moment."""
    outdir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="child-", dir=outdir)
    os.close(fd)
    out = Path(name)
    with open(out, "wb") as so, open(out.with_suffix(".err"), "wb") as se:
        spawn = time.monotonic()
        proc = subprocess.Popen(
            list(argv), env=env.variables(), stdout=so, stderr=se, cwd=ROOT, start_new_session=True
        )
    return proc, spawn, out


def finish(
    proc: subprocess.Popen, spawn: float, out: Path, timeout: float, poll: float = 0.02
) -> Child:
    """Wait for a child (killing its group after ``timeout`` s) and read what it said."""
    deadline = spawn + timeout
    rusage = None
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            proc.returncode = code
            break
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = code = -9
            break
        time.sleep(poll)
    end = time.monotonic()
    stdout = out.read_text(errors="replace")
    stderr = out.with_suffix(".err").read_text(errors="replace")
    out.unlink(missing_ok=True)
    out.with_suffix(".err").unlink(missing_ok=True)
    return Child(list(proc.args), spawn, end, code, parse_result(stdout), stdout, stderr, rusage)


def run(argv: Sequence[str], env: Env, timeout: float = 120, need_result: bool = True) -> Child:
    proc, spawn, out = start(argv, env, env.workdir / "out")
    child = finish(proc, spawn, out, timeout)
    if need_result and (child.result is None or child.code not in (0,)):
        tail = (child.stderr.strip().splitlines() or ["(no output)"])[-3:]
        raise ProbeError(f"{' '.join(map(str, argv[1:3]))} exited {child.code}: {' / '.join(tail)}")
    return child


def probe(name: str, *args: str) -> list[str]:
    """The argv of ``python -m bench.probes.NAME ARGS``."""
    return [python(), "-m", f"bench.probes.{name}", *args]


def script(path: Path, *args: str) -> list[str]:
    """The argv of ``python PATH ARGS`` (the start-up scripts run by path)."""
    return [python(), str(path), *args]


@contextmanager
def xvfb() -> Iterator[str | None]:
    """An Xvfb server for the duration (its display name), or None when Xvfb is not installed."""
    exe = shutil.which("Xvfb")
    if exe is None:
        yield None
        return
    read, write = os.pipe()
    proc = subprocess.Popen(
        [exe, "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        os.close(read)
        yield f":{number.decode().strip()}" if number.strip() else None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
