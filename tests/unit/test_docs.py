"""The design document is in the repository, and the code's citations of it point somewhere."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ARCHITECTURE.md"
CITE = re.compile(r"ARCHITECTURE(?:\.md)? §(\d+)")


def _sections() -> set[str]:
    return set(re.findall(r"^## §(\d+) ", DOC.read_text(encoding="utf-8"), flags=re.M))


def _tracked_text_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode:  # not a git checkout (an sdist): walk the tree instead
        return [p for p in ROOT.rglob("*") if p.suffix in {".py", ".yaml", ".md"}]
    return [ROOT / f for f in out.stdout.split() if Path(f).suffix in {".py", ".yaml", ".md"}]


def test_every_citation_names_a_section_that_exists():
    sections = _sections()
    assert {"1", "2", "6", "11"} <= sections
    bad = []
    for path in _tracked_text_files():
        if not path.is_file():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            bad += [
                f"{path.relative_to(ROOT)}:{n} §{s}"
                for s in CITE.findall(line)
                if s not in sections
            ]
    assert not bad, "citations of sections that do not exist:\n" + "\n".join(bad)


def test_nothing_cites_a_design_document_outside_the_repository():
    pattern = re.compile(r"\bDESIGN\b(?! document)")
    bad = []
    for path in _tracked_text_files():
        if path == DOC or not path.is_file() or path == Path(__file__).resolve():
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                bad.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not bad, "\n".join(bad)
