#!/usr/bin/env python3
"""Compare every screenshot of a git revision with the working tree, pixel by pixel.

    python scripts/screenshot_diff.py [REV]        # default REV: HEAD

For a change that must not move a pixel (a refactor, a file move): renders
``backcompanion screenshots`` (English and Spanish, light and dark) once from
REV, checked out in a temporary git worktree, and once from the working tree,
with the same interpreter, then compares the images. Prints each file that
differs (with the number of changed pixels) or is missing, and exits 1 if any
does. Both renders use today's date, so run them in one go.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "es")


def render(source: Path, out: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(source))
    env.pop("BACKCOMPANION_QM_DIR", None)
    for code in LANGUAGES:
        args = ["screenshots", "--language", code, "--out", str(out / code)]
        run = subprocess.run(
            [sys.executable, "-m", "backcompanion", *args],
            cwd=source,
            env=env,
            capture_output=True,
            text=True,
        )
        if run.returncode:
            sys.exit(f"rendering {code} from {source} failed:\n{run.stderr}")


def differing_pixels(a: Path, b: Path) -> int | None:
    """How many pixels differ; None when the sizes differ."""
    from PySide6.QtGui import QImage

    one, two = QImage(str(a)), QImage(str(b))
    if one.size() != two.size():
        return None
    if one.convertToFormat(QImage.Format.Format_ARGB32) == two.convertToFormat(
        QImage.Format.Format_ARGB32
    ):
        return 0
    one = one.convertToFormat(QImage.Format.Format_ARGB32)
    two = two.convertToFormat(QImage.Format.Format_ARGB32)
    return sum(
        one.pixel(x, y) != two.pixel(x, y) for y in range(one.height()) for x in range(one.width())
    )


def compare(before: Path, after: Path) -> list[str]:
    problems = []
    names = {p.relative_to(before) for p in before.rglob("*.png")}
    names |= {p.relative_to(after) for p in after.rglob("*.png")}
    for name in sorted(names):
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            problems.append(f"{name}: only {'after' if b.exists() else 'before'}")
            continue
        if a.read_bytes() == b.read_bytes():
            continue
        changed = differing_pixels(a, b)
        if changed is None:
            problems.append(f"{name}: the size changed")
        elif changed:
            problems.append(f"{name}: {changed} pixels differ")
    return problems


def main(argv: list[str]) -> int:
    rev = argv[0] if argv else "HEAD"
    with tempfile.TemporaryDirectory(prefix="shots-") as tmp:
        tmp = Path(tmp)
        tree = tmp / "tree"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(tree), rev],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            render(tree, tmp / "before")
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=True
            )
        render(ROOT, tmp / "after")
        problems = compare(tmp / "before", tmp / "after")
        count = len(list((tmp / "after").rglob("*.png")))
    for line in problems:
        print(line)
    print(
        f"{count} screenshots compared with {rev}: "
        + (f"{len(problems)} differ" if problems else "all identical")
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
