"""What the command-line tests share: a private home for a child process, a week of data."""

from __future__ import annotations

import os
from pathlib import Path

from report_helpers import open_store, reference_week

ROOT = Path(__file__).resolve().parents[1]


def private_home(tmp_path: Path) -> dict[str, str]:
    """The environment for a child ``backcompanion``: settings and the default data folder under
    ``tmp_path``, offscreen, no display, this checkout first on the path."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "share"),
        HOME=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def week_of_data(tmp_path: Path) -> Path:
    """A data folder under ``tmp_path`` holding the reference week."""
    folder = tmp_path / "data"
    with open_store(folder) as store:
        reference_week(store)
    return folder
