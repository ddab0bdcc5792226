"""The program YAML: the shipped file, and a clear one-line message for each kind of mistake."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from backcompanion import resources
from backcompanion.program import DataError, Phase, builtin_program, load_program

SHIPPED = resources.read_text("program.yaml")


def test_shipped_program_has_the_source_order_and_numbers():
    program = builtin_program()
    got = [(e.id, e.phase.value, e.hold_s, e.reps, e.per_side) for e in program.exercises]
    assert got == [
        ("breathing_90_90", "breathing", (0, 0), 10, False),
        ("angry_cat", "stretch", (5, 5), 20, False),
        ("childs_pose", "stretch", (5, 30), 20, False),
        ("hamstring_stretch", "stretch", (5, 10), 20, True),
        ("piriformis_stretch", "stretch", (5, 10), 20, True),
        ("hip_flexor_stretch", "stretch", (5, 10), 20, True),
        ("pelvic_tilt", "stretch", (5, 10), 20, False),
        ("bridge", "strength", (5, 10), 15, False),
        ("bird_dog", "strength", (5, 5), 15, True),
        ("plank", "strength", (5, 10), 10, False),
        ("knee_plank", "strength", (5, 10), 10, False),
    ]
    assert len(program.stretches) == 6 and len(program.strength) == 3
    assert program.easier_version("plank").id == "knee_plank"
    assert program.by_id("knee_plank").note  # says the app supplies it
    assert program.by_id("childs_pose").hold_step_s == 5
    assert program.by_id("childs_pose").reps_follow_hold


@pytest.mark.parametrize("exercise", builtin_program().exercises, ids=lambda e: e.id)
def test_every_shipped_entry_is_complete(exercise):
    from backcompanion.figure import builtin_figures

    assert all(len(t) <= 160 for t in vars(exercise.instructions).values())
    assert exercise.exhale_cue == (exercise.phase is Phase.STRETCH)
    assert builtin_figures().for_exercise(exercise.id)  # drawn by the figure


def test_a_program_file_from_an_earlier_version_with_illustrations_still_loads():
    old = SHIPPED.replace("    reps: 15\n", "    reps: 15\n    illustrations: [bridge.svg]\n", 1)
    assert load_program(old).by_id("bridge").reps == 15
    bad = SHIPPED.replace("    reps: 15\n", "    reps: 15\n    illustrations: bridge.svg\n", 1)
    assert _error(bad).field == "exercises[7].illustrations"


def _error(text: str) -> DataError:
    with pytest.raises(DataError) as info:
        load_program(text)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("program.yaml:")
    return info.value


def _line_of(text: str, needle: str, nth: int = 0) -> int:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    return text.count("\n", 0, starts[nth]) + 1


CASES = [
    # (id, replace this, with this, expected field, words in the problem)
    ("wrong-type", "reps: 15", "reps: fifteen", "exercises[7].reps", "whole number"),
    ("out-of-range", "reps: 10\n", "reps: 1000\n", "exercises[0].reps", "out of range"),
    ("hold-reversed", "hold_s: [5, 10]", "hold_s: [10, 5]", "exercises[3].hold_s", "above"),
    ("hold-one-number", "hold_s: [5, 5]", "hold_s: [5]", "exercises[1].hold_s", "[low, high]"),
    ("unknown-phase", "phase: stretch", "phase: strech", "exercises[1].phase", "must be"),
    ("unknown-key", "    reps: 20\n", "    repeats: 20\n", "exercises[1].repeats", "unknown key"),
    (
        "duplicate-key",
        "    reps: 20\n",
        "    reps: 20\n    reps: 21\n",
        "exercises[1].reps",
        "twice",
    ),
    (
        "bad-variant",
        "variant_of: plank",
        "variant_of: plonk",
        "exercises[10].variant_of",
        "no exercise",
    ),
    ("empty-name", "name: Bridge", "name: ''", "exercises[7].name", "empty"),
    ("id-twice", "id: bird_dog", "id: bridge", "exercises[8].id", "used twice"),
]


@pytest.mark.parametrize(
    ("old", "new", "field", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_mistake_names_line_and_field(old, new, field, words):
    assert old in SHIPPED
    text = SHIPPED.replace(old, new, 1)
    err = _error(text)
    assert err.field == field
    assert words in err.problem
    start = SHIPPED.index(old)
    first = SHIPPED.count("\n", 0, start) + 1  # the first line the edit touched
    assert err.line is not None and first <= err.line <= first + new.count("\n")


def test_missing_key_points_at_its_exercise():
    text = SHIPPED.replace("    reps: 15\n", "", 1)
    err = _error(text)
    assert err.field == "exercises[7].reps"
    assert "missing" in err.problem
    assert err.line == _line_of(text, "- id: bridge")


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    text = SHIPPED.replace(
        "version: 1", f"version: !!python/object/apply:os.system ['touch {marker}']"
    )
    err = _error(text)
    assert "tag" in err.problem and err.line == _line_of(SHIPPED, "version: 1")
    assert not marker.exists()


def test_broken_yaml_and_empty_file():
    assert "not valid YAML" in _error(SHIPPED + "\n  - {").problem
    assert "empty" in _error("").problem
    assert _error("- just a list").field == "(top level)"


def test_cli_prints_json_with_the_documented_fields():
    out = subprocess.run(
        [sys.executable, "-m", "backcompanion", "program", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    assert [d["id"] for d in data][:2] == ["breathing_90_90", "angry_cat"]
    for d in data:
        assert {"id", "name", "phase", "hold_s", "reps", "per_side", "variant_of"} <= d.keys()
        assert d["phase"] in {"breathing", "stretch", "strength"}
        assert isinstance(d["hold_s"], list) and len(d["hold_s"]) == 2
    assert next(d for d in data if d["id"] == "knee_plank")["variant_of"] == "plank"


def test_cli_reports_a_bad_file_in_one_line_with_status_2(tmp_path: Path):
    bad = tmp_path / "mine.yaml"
    bad.write_text(SHIPPED.replace("reps: 15", "reps: -3", 1), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "backcompanion", "program", "--file", str(bad)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{bad}:" in lines[0] and "exercises[7].reps" in lines[0]
    assert "Traceback" not in run.stderr
