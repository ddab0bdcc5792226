"""The one way to reach the files under the top-level ``resources/`` folder.

In a wheel the folder is installed as ``backcompanion/_data``; in a source
checkout (editable install, tests) it is the repository's ``resources/``;
in a PyInstaller bundle it sits under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path, PurePosixPath


class ResourceError(LookupError):
    """A resource name that is not a plain relative path, or a missing file."""


@cache
def root() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "_data", here.parent / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for cand in candidates:
        if (cand / "program.yaml").is_file():
            return cand
    raise ResourceError("the resources folder is missing: reinstall BackCompanion")


def path(name: str) -> Path:
    """The path of resource ``name`` (a relative POSIX path like ``figure/poses.yaml``)."""
    pure = PurePosixPath(name)
    if not name or pure.is_absolute() or ".." in pure.parts or "\\" in name:
        raise ResourceError(f"not a resource name: {name!r}")
    full = root().joinpath(*pure.parts)
    if not full.exists():
        raise ResourceError(f"resource not found: {name}")
    return full


def read_text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    return path(name).read_bytes()
