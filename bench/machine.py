"""What the run ran on: CPUs, load, Python, Qt, SQLite (no Qt import in this process)."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
import sys
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def qt_versions(python: str) -> dict[str, str]:
    """PySide6 and Qt versions, asked of a child so this process never loads Qt."""
    code = "import PySide6, PySide6.QtCore as c; print(PySide6.__version__, c.qVersion())"
    try:
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=60)
        pyside, qt = out.stdout.split()
        return {"pyside6": pyside, "qt": qt}
    except (OSError, ValueError, subprocess.SubprocessError):
        return {"pyside6": "?", "qt": "?"}


def source_state(root: Path) -> dict[str, object]:
    """The commit measured and how many files differ from it (read-only git commands)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True
        ).stdout.splitlines()
        return {"commit": head or None, "uncommitted_files": len(changed)}
    except OSError:
        return {"commit": None, "uncommitted_files": None}


def machine_info(python: str = sys.executable) -> dict[str, object]:
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_mb": mem,
        "loadavg_start": loadavg(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        **qt_versions(python),
        **source_state(Path(__file__).resolve().parents[1]),
    }
