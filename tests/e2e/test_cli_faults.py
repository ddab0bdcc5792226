"""No traceback from any command: a full disk, a read-only folder, a file as the folder.

Each case runs the real command in a subprocess and expects one line on stderr
naming the cause in the person's words, exit status 2, and nothing lost: the
history's bytes are unchanged where nothing could be written. Root can write
anywhere, so a read-only folder is a read-only bind mount here (as root), or a
folder without write permission (as another user); a full disk is a real
small tmpfs where this user may mount one, and the kernel's file-size limit
(``prlimit --fsize``) everywhere on POSIX.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import private_home

from backcompanion import cli
from backcompanion.history import Store
from backcompanion.history.schema import DB_NAME

pytestmark = pytest.mark.skipif(os.name != "posix", reason="mounts and rlimits are POSIX")

ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = os.geteuid() == 0


@pytest.fixture
def env(tmp_path):
    return private_home(tmp_path)


def run(env, *args, preexec_fn=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backcompanion", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        preexec_fn=preexec_fn,
    )


def one_line_exit_2(result) -> str:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("backcompanion: ")
    return line


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@contextlib.contextmanager
def mounted(*args: str):
    """Run ``mount *args``; unmount after. Skips when this user may not mount."""
    target = args[-1]
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({done.stderr.strip() or 'mount failed'})")
    try:
        yield Path(target)
    finally:
        subprocess.run(["umount", "-l", target], check=False)


# --- a full disk ----------------------------------------------------------------------------


@pytest.mark.skipif(not IS_ROOT, reason="mounting a tmpfs needs root")
def test_a_full_disk_is_one_line_that_says_so(tmp_path, env):
    disk = tmp_path / "disk"
    disk.mkdir()
    with mounted("-t", "tmpfs", "-o", "size=512k", "tmpfs", str(disk)):
        folder = disk / "data"
        line = one_line_exit_2(run(env, "simulate", "--days", "3000", "--data-dir", folder))
        assert line == f"backcompanion: the disk holding {folder} is full"


def _file_size_limit():
    """In the child: the kernel refuses to grow a file past 100 KB (``prlimit --fsize``)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, hard))


def test_a_file_size_limit_is_one_line_that_says_so(tmp_path, env):
    folder = tmp_path / "data"
    result = run(
        env, "simulate", "--days", "3000", "--data-dir", folder, preexec_fn=_file_size_limit
    )
    line = one_line_exit_2(result)
    assert str(folder) in line and "file size limit" in line, line


def test_an_unexpected_error_is_one_line_too(monkeypatch, capsys, tmp_path):
    def broken(args):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(cli, "_cmd_simulate", broken)
    monkeypatch.delenv("BACKCOMPANION_DEBUG", raising=False)
    code = cli.main(["simulate", "--days", "1", "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1
    assert "something nobody foresaw" in err and "BACKCOMPANION_DEBUG" in err


# --- a read-only data folder ----------------------------------------------------------------


@pytest.fixture
def history(tmp_path) -> Path:
    folder = tmp_path / "data"
    assert cli.main(["simulate", "--days", "20", "--data-dir", str(folder)]) == 0
    return folder


@pytest.fixture
def sessions(history) -> int:
    with Store.open(history) as store:
        return len(store.session_facts())


@pytest.fixture
def read_only(tmp_path, history):
    """``history`` where it cannot be written: a read-only bind mount (root) or mode 0500."""
    if IS_ROOT:
        view = tmp_path / "read-only"
        view.mkdir()
        with mounted("--bind", str(history), str(view)):
            done = subprocess.run(
                ["mount", "-o", "remount,ro,bind", str(view)], capture_output=True, text=True
            )
            if done.returncode != 0:
                pytest.skip(f"cannot make a read-only bind mount ({done.stderr.strip()})")
            yield view
        return
    os.chmod(history / DB_NAME, 0o400)
    os.chmod(history, 0o500)
    try:
        yield history
    finally:
        os.chmod(history, 0o700)


def test_exports_work_from_a_read_only_folder_and_change_nothing(
    tmp_path, env, sessions, read_only
):
    assert not os.access(read_only, os.W_OK)
    before = digest(read_only)
    out = tmp_path / "out"
    out.mkdir()
    result = run(env, "export-history", "--data-dir", read_only, "--out", out / "h.csv")
    assert result.returncode == 0, result.stderr
    assert (out / "h.csv").read_text(encoding="utf-8-sig").count("\nsession,") == sessions
    result = run(env, "export-summary", "--data-dir", read_only, "--out", out / "w.pdf")
    assert result.returncode == 0, result.stderr
    assert (out / "w.pdf").read_bytes().startswith(b"%PDF")
    assert digest(read_only) == before


def test_a_writing_command_on_a_read_only_folder_is_one_line(env, read_only):
    before = digest(read_only)
    line = one_line_exit_2(run(env, "simulate", "--days", "2", "--data-dir", read_only))
    assert line == f"backcompanion: {read_only} cannot be written to"
    assert digest(read_only) == before


def test_the_store_opened_to_read_writes_nothing_even_on_close(sessions, read_only):
    before = digest(read_only)
    store = Store.open_to_read(read_only)
    assert store.read_only and len(store.session_facts()) == sessions
    store.close()
    assert digest(read_only) == before


# --- a file given as the data folder --------------------------------------------------------


@pytest.mark.parametrize(
    "command", [("simulate", "--days", "1"), ("export-history", "--out", "h.csv")]
)
def test_a_file_as_the_data_folder_is_one_line(tmp_path, env, command):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("my notes\n")
    for given in (a_file, a_file / "data"):
        line = one_line_exit_2(run(env, *command, "--data-dir", given))
        assert line == f"backcompanion: {a_file} is a file, not a folder", line
    assert a_file.read_text() == "my notes\n"
