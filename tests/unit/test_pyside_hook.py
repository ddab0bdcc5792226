"""PySide6's import hook asks of every module imported after it whether its source mentions
PySide6; backcompanion.pyside_hook answers the same, without inspect and linecache."""

from __future__ import annotations

import importlib.util
import linecache
import sys

import pytest

pytest.importorskip("PySide6.QtCore")

from backcompanion import pyside_hook

feature = pytest.importorskip("shibokensupport.feature")


def _module_from(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def original():
    """PySide6's own check, whatever the session installed; put back afterwards."""
    current = feature._mod_uses_pyside
    own = getattr(current, "__wrapped__", current)
    yield own
    feature._mod_uses_pyside = current


def test_the_quick_check_answers_as_pysides_own(tmp_path, original):
    uses = tmp_path / "uses_qt.py"
    uses.write_text("from PySide6.QtCore import QObject\nVALUE = 1\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("VALUE = 2  # no Qt here\n", encoding="utf-8")
    feature._mod_uses_pyside = original
    assert pyside_hook.quicken()
    quick = feature._mod_uses_pyside
    assert quick is not original and quick.__wrapped__ is original
    for module in (
        _module_from(uses, "bc_hook_uses_qt"),
        _module_from(plain, "bc_hook_plain"),
        sys,  # built in: no source, PySide6's own check answers
        importlib.import_module("backcompanion.ui.theme"),
        importlib.import_module("backcompanion.session.states"),
    ):
        assert quick(module) == original(module), module.__name__
    assert pyside_hook.quicken()  # a second call keeps the one check
    assert feature._mod_uses_pyside is quick


def test_the_quick_check_keeps_no_source_in_linecache(tmp_path, original):
    """PySide6's own check left every imported module's lines in linecache (4 MB at start)."""
    path = tmp_path / "kept.py"
    path.write_text("import PySide6\n" + "X = 1\n" * 1000, encoding="utf-8")
    module = _module_from(path, "bc_hook_kept")
    feature._mod_uses_pyside = original
    pyside_hook.quicken()
    linecache.checkcache(str(path))
    assert feature._mod_uses_pyside(module) is True
    assert str(path) not in linecache.cache


def test_a_file_gone_since_the_import_goes_to_pysides_own_check(tmp_path, original):
    path = tmp_path / "gone.py"
    path.write_text("VALUE = 3\n", encoding="utf-8")
    module = _module_from(path, "bc_hook_gone")
    path.unlink()
    feature._mod_uses_pyside = original
    pyside_hook.quicken()
    assert feature._mod_uses_pyside(module) is original(module) is False
