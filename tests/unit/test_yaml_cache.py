"""YAML parsed once: a start with unchanged files reads the tree from the cache folder, an
edited file is parsed again, and nothing wrong with the cache changes what is read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backcompanion.program import DataError, load_program, yaml_cache
from backcompanion.program.yamlcheck import Reader
from backcompanion.resources import read_text

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "version: 1\nitems:\n  - name: one\n    hold: 30\n    ratio: 0.5\n    flag: true\n    empty:\n"
)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BACKCOMPANION_CACHE_DIR", str(folder))
    return folder


def never_parsed(monkeypatch):
    def refuse(self):
        raise AssertionError("parsed although the cache knows the text")

    monkeypatch.setattr(Reader, "_read", refuse)


def test_second_read_comes_from_the_cache_unchanged(cache, monkeypatch):
    first = Reader(TEXT, "a.yaml").read()
    assert len(list(cache.glob("yaml-*.bin"))) == 1
    never_parsed(monkeypatch)
    again = Reader(TEXT, "b.yaml").read()
    assert again == first
    items = again.value["items"].value
    assert items[0].value["hold"].value == 30 and items[0].value["hold"].line == 4
    assert items[0].value["ratio"].value == 0.5 and items[0].value["flag"].value is True
    empty = items[0].value["empty"]
    assert empty.value is None and empty.field == "items[0].empty"


def test_an_edited_text_is_parsed_again(cache):
    Reader(TEXT, "a.yaml").read()
    edited = TEXT.replace("hold: 30", "hold: 45")
    node = Reader(edited, "a.yaml").read()
    assert node.value["items"].value[0].value["hold"].value == 45
    assert len(list(cache.glob("yaml-*.bin"))) == 2


def test_bad_yaml_is_not_kept_and_says_the_same_twice(cache):
    bad = "version: 1\nitems: [one\n"
    messages = []
    for _ in range(2):
        with pytest.raises(DataError) as err:
            Reader(bad, "bad.yaml").read()
        messages.append(str(err.value))
    assert messages[0] == messages[1] and messages[0].startswith("bad.yaml:")
    assert not list(cache.glob("yaml-*.bin"))


def test_a_validation_error_is_the_same_from_the_cache(cache):
    text = read_text("program.yaml").replace("version: 1", "version: 7", 1)
    messages = []
    for _ in range(2):
        with pytest.raises(DataError) as err:
            load_program(text, "program.yaml")
        messages.append(str(err.value))
    assert messages[0] == messages[1] and "version" in messages[0]


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", None])
def test_a_damaged_cache_file_means_parsing_again(cache, damage):
    first = Reader(TEXT, "a.yaml").read()
    (kept,) = cache.glob("yaml-*.bin")
    if damage is None:  # well-formed marshal data of the wrong shape
        import marshal

        damage = marshal.dumps((yaml_cache.FORMAT, TEXT, ("x", "not a line", 3)))
    kept.write_bytes(damage)
    assert Reader(TEXT, "a.yaml").read() == first


def test_an_unusable_cache_folder_changes_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BACKCOMPANION_CACHE_DIR", str(blocker / "cache"))
    assert Reader(TEXT, "a.yaml").read().value["version"].value == 1
    monkeypatch.setenv("BACKCOMPANION_CACHE_DIR", "")  # turned off
    assert yaml_cache.cache_dir() is None
    assert Reader(TEXT, "a.yaml").read().value["version"].value == 1


def test_a_kept_tree_is_used_only_for_the_very_same_text(cache, monkeypatch):
    """Two texts whose file names collide never share a tree: the text is kept and compared."""
    monkeypatch.setattr(yaml_cache, "_key", lambda text: "same")
    Reader(TEXT, "a.yaml").read()
    other = TEXT.replace("hold: 30", "hold: 31")
    assert Reader(other, "a.yaml").read().value["items"].value[0].value["hold"].value == 31
    assert Reader(TEXT, "a.yaml").read().value["items"].value[0].value["hold"].value == 30


def test_only_the_newest_files_are_kept(cache):
    for i in range(yaml_cache.KEEP + 5):
        Reader(f"n: {i}\n", "n.yaml").read()
    assert len(list(cache.glob("yaml-*.bin"))) == yaml_cache.KEEP


def test_the_default_folder_is_the_platforms_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("BACKCOMPANION_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert yaml_cache.cache_dir() == tmp_path / "BackCompanion"


def test_a_start_with_a_warm_cache_does_not_import_pyyaml(cache):
    code = (
        "import sys\n"
        "from backcompanion.program import builtin_program\n"
        "from backcompanion.session.rules import load_rules\n"
        "from backcompanion.program.safety import load_safety_english\n"
        "from backcompanion.figure.poses import builtin_figures\n"
        "builtin_program(); load_rules(); load_safety_english(); builtin_figures()\n"
        "print('yaml' in sys.modules, 'hashlib' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    said = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    ]
    assert said == ["True False", "False False"]
