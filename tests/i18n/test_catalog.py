"""The translation catalogs under resources/translations/ match the code and are complete.

`make translations` (scripts/translations.py update + release) fixes the first three.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts/translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _tool()
FIX = "run `make translations`"


def test_program_texts_match_the_yaml(tmp_path: Path):
    fresh = tmp_path / "program_texts.py"
    tool.write_program_texts(fresh)
    assert fresh.read_text("utf-8") == tool.PROGRAM_TEXTS.read_text("utf-8"), FIX


@pytest.mark.parametrize("code", tool.LANGUAGES)
def test_catalog_holds_every_text_of_the_code_and_nothing_else(code: str, tmp_path: Path):
    committed = tool.ts_path(code)
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    tool.update(fresh, code)
    new = set(tool.messages(fresh)) - set(tool.messages(committed))
    gone = set(tool.messages(committed)) - set(tool.messages(fresh))
    assert not new, f"texts missing from {committed.name} ({FIX}): {sorted(new)[:10]}"
    assert not gone, f"texts no longer in the code ({FIX}): {sorted(gone)[:10]}"


@pytest.mark.parametrize("code", tool.LANGUAGES)
def test_every_text_is_translated_with_its_placeholders(code: str):
    problems = tool.problems(tool.ts_path(code))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", tool.LANGUAGES)
def test_compiled_catalog_is_up_to_date(code: str, tmp_path: Path):
    fresh = tmp_path / f"backcompanion_{code}.qm"
    tool.release(tool.ts_path(code), fresh)
    committed = tool.ts_path(code).with_suffix(".qm")
    assert committed.read_bytes() == fresh.read_bytes(), FIX


def test_spanish_catalog_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(tool.ts_path("es").with_suffix(".qm")))
    assert translator.translate("MainWindow", "&Quit") not in ("", "&Quit")


@pytest.mark.parametrize("code", tool.LANGUAGES)
def test_plural_texts_are_plural_messages(code: str):
    """English "(s)" is only resolved with a count, and every %n text has its plural forms."""
    for (context, source), msg in tool.messages(tool.ts_path(code)).items():
        if "(s)" in source:
            assert "%n" in source, f"{context}: {source!r} has (s) but no %n"
        if "%n" in source:
            assert msg.get("numerus") == "yes", f"{context}: {source!r}"
