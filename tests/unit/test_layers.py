"""Imports point one way (DESIGN section 1): the core never imports Qt or the widgets.

An AST scan of every import statement, function-level (lazy) imports included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "backcompanion"

# folder -> packages it must never import
FORBIDDEN = {
    "program": (
        "PySide6",
        "backcompanion.session",
        "backcompanion.history",
        "backcompanion.report",
        "backcompanion.ui",
        "backcompanion.app",
        "backcompanion.cli",
    ),
    "session": (
        "PySide6",
        "backcompanion.history",
        "backcompanion.report",
        "backcompanion.ui",
        "backcompanion.app",
        "backcompanion.cli",
    ),
    "history": (
        "PySide6",
        "backcompanion.report",
        "backcompanion.ui",
        "backcompanion.app",
        "backcompanion.cli",
    ),
    "report": ("backcompanion.ui", "backcompanion.app", "backcompanion.cli"),
    "ui": ("backcompanion.app", "backcompanion.cli"),
}
# the few files allowed a Qt import inside a core folder, and why
ALLOWED_QT = {
    "history/paths.py",  # QStandardPaths for the default data folder, imported lazily
    "report/pdf.py",  # the PDF is drawn with QPdfWriter; the numbers in summary.py stay Qt-free
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _files(folder: str) -> list[Path]:
    return sorted((PKG / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_folder_respects_its_import_direction(folder):
    problems = []
    for path in _files(folder):
        rel = path.relative_to(PKG).as_posix()
        for line, module in _imports(path):
            for bad in FORBIDDEN[folder]:
                if module == bad or module.startswith(bad + "."):
                    if bad == "PySide6" and rel in ALLOWED_QT:
                        continue
                    problems.append(f"{rel}:{line} imports {module}")
    assert not problems, "\n".join(problems)


def test_the_scan_sees_lazy_imports(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from PySide6.QtCore import QTimer\n")
    assert _imports(probe) == [(2, "PySide6.QtCore")]
