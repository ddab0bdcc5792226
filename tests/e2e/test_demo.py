"""`backcompanion --demo` opens the real app on a throwaway folder; real data is untouched."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
        BACKCOMPANION_EXIT_AFTER_FIRST_PAINT="1",
    )
    return env


def test_demo_leaves_the_configured_data_folder_byte_for_byte_unchanged(tmp_path):
    home = tmp_path / "home"
    env = _env(home)
    # the person's own history and settings, made by the real commands
    subprocess.run(
        [sys.executable, "-m", "backcompanion", "simulate", "--days", "5", "--seed", "4"],
        env=env,
        check=True,
        capture_output=True,
    )
    config = home / "config" / "BackCompanion"
    config.mkdir(parents=True, exist_ok=True)
    (config / "BackCompanion.conf").write_text("[app]\nfirst_start_done=true\n")
    before = _tree(home)
    assert any(name.endswith("backcompanion.sqlite3") for name in before)

    run = subprocess.run(
        [sys.executable, "-m", "backcompanion", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "first paint after" in run.stdout
    assert _tree(home) == before


def test_the_started_app_never_loads_qtsvg(tmp_path):
    """The exercise figures are painted with QPainter: nothing at start-up needs the QtSvg
    module any more (the SVG icon goes through Qt's own image plugin, not this module)."""
    code = (
        "import sys\n"
        "from backcompanion.cli import main\n"
        "code = main(['--demo'])\n"
        "print('QT MODULES', sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))\n"
        "sys.exit(code)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        env=_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "first paint after" in run.stdout
    line = next(x for x in run.stdout.splitlines() if x.startswith("QT MODULES"))
    assert "PySide6.QtWidgets" in line  # the app really started
    assert "PySide6.QtSvg" not in line
