"""YAML parsed once: the checked node tree of a data file kept in the cache folder.

Parsing the program, the rules, the safety texts and the figure's poses, and
importing PyYAML to do it, was a fifth of the app's own start-up. The tree
:class:`~backcompanion.program.yamlcheck.Reader` builds (values, lines, field
paths; before any validation) is kept with :mod:`marshal` (plain values only:
loading it runs no code) in a file named by a hash of the text it came from,
with the text itself: it is used only when the text read now is the same,
character for character, so an edited file can never be answered from an old
tree (the name, a CRC of the text, only finds the file quickly; no hashing
library is loaded for it: OpenSSL's alone was 3 MB of memory). Only a tree
that was read without error is kept; validation still runs on every start, so
a message about a bad file is the same either way.

The folder is the platform's cache folder (``$XDG_CACHE_HOME/BackCompanion``,
``~/.cache/BackCompanion`` on Linux; ``~/Library/Caches/BackCompanion`` on
macOS; ``%LOCALAPPDATA%\\BackCompanion\\cache`` on Windows), or
``$BACKCOMPANION_CACHE_DIR`` (the tests use it; empty turns the cache off).
Anything wrong with it (read-only, full, a damaged file) only means parsing again.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from backcompanion import APP_NAME

FORMAT = 2  # bump when the tree's shape changes
KEEP = 16  # files kept; the oldest go first (a user's program edited many times)
_ENV = "BACKCOMPANION_CACHE_DIR"


def cache_dir() -> Path | None:
    """The folder for parsed files, or None when the cache is turned off."""
    if _ENV in os.environ:
        value = os.environ[_ENV]
        return Path(value) if value else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / APP_NAME / "cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base / APP_NAME


def _key(text: str) -> str:
    data = text.encode("utf-8")
    return f"{zlib.crc32(data):08x}-{len(data)}-{FORMAT}{marshal.version}"


def _file(text: str) -> Path | None:
    folder = cache_dir()
    return folder / f"yaml-{_key(text)}.bin" if folder is not None else None


def load(text: str) -> Any | None:
    """The tree kept for ``text``, or None."""
    path = _file(text)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        version, kept_text, tree = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return tree if version == FORMAT and kept_text == text else None


def store(text: str, tree: Any) -> None:
    """Keep ``tree`` (plain values: tuples, lists, dicts, str, numbers, None) for ``text``."""
    path = _file(text)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_bytes(marshal.dumps((FORMAT, text, tree)))
        os.replace(part, path)
        _prune(path.parent)
    except (OSError, ValueError):  # no room, read-only, a value marshal cannot keep
        return


def _prune(folder: Path) -> None:
    found = []
    for p in folder.glob("yaml-*.bin"):
        try:
            found.append((p.stat().st_mtime, p))
        except OSError:
            continue
    found.sort(reverse=True)
    for _mtime, p in found[KEEP:]:
        with contextlib.suppress(OSError):
            p.unlink()
