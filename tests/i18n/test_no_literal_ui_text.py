"""No widget is handed an English literal: every text argument goes through translate().

The screen walk in test_visible_strings.py sees what the main screens show; this
reads the code for the places it cannot reach (dialogs, menus, notifications,
error messages): a string literal, or an f-string, with letters, passed straight
to a call that shows text is an untranslatable string.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "backcompanion"
SHOWS_TEXT = {
    # methods whose first text argument a person reads
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setStatusTip",
    "setTitle",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "addItem",
    "addAction",
    "addMenu",
    "addTab",
    "showMessage",
    "setInformativeText",
    "setLabelText",
    "warning",
    "critical",
    "information",
    "question",
    # widgets whose constructor takes the text
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QToolButton",
}
LETTERS = re.compile(r"[A-Za-z]{2,}")
MARKUP = re.compile(r"<[^>]*>|&\w+;")
LOGGERS = {"log", "logger", "logging", "_log", "warnings"}
SKIP_FILES = {"screenshots.py", "screenshots_fullscreen.py", "first_paint.py"}


def _literal_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in SHOWS_TEXT:
            continue
        if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in LOGGERS:
            continue
        for arg in node.args:
            text = _literal_text(arg)
            if text is not None and LETTERS.search(MARKUP.sub("", text)):
                found.append(f"{path.relative_to(ROOT.parent)}:{node.lineno}: {name}({text!r})")
    return found


def test_no_widget_text_is_an_english_literal():
    files = [p for p in sorted((ROOT / "ui").rglob("*.py")) if p.name not in SKIP_FILES]
    files.append(ROOT / "app.py")
    found = [line for p in files for line in _offences(p)]
    assert not found, f"{len(found)} untranslatable texts:\n" + "\n".join(found)
