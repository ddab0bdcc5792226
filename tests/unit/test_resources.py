"""Resources: one way in, no escaping the folder, and the wheel carries them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from backcompanion import resources

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["/etc/passwd", "../pyproject.toml", "a/../../x", "", "a\\b"])
def test_refuses_paths_outside_the_folder(name):
    with pytest.raises(resources.ResourceError):
        resources.path(name)


def test_missing_resource_is_a_clear_error():
    with pytest.raises(resources.ResourceError, match=r"not found: nope\.yaml"):
        resources.path("nope.yaml")


def test_wheel_contains_the_resources(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("backcompanion-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "backcompanion/_data/" + p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    }
    assert "backcompanion/_data/program.yaml" in shipped
    assert shipped <= names
