"""Hand-edited YAML, mutated at random: a valid result or one clear line, never anything else.

The shipped ``program.yaml`` is mutated the ways a person editing it by hand
(or a broken sync, or a stray paste) mutates it: lines deleted, duplicated or
re-indented, values swapped or replaced, tags and anchors inserted, random
bytes inserted, the file cut short. Every result must be either a valid
:class:`Program` or one :class:`DataError` whose text is one line naming the
file, the line and (unless the YAML itself is broken) the field; any other
exception is a bug: the app would show a traceback at start, since it reads a
user's ``program.yaml`` from the data folder.

``progression.yaml``: every number out of its range, chosen by hypothesis.
Both files: ``!!python/...`` tags are refused and never run. Known hard cases
(a tag on a value that does not fit it, a control character, anchors and
aliases) are listed explicitly, so each one is reported on its own.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import signal
import subprocess
import sys
import time
import typing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from backcompanion import resources
from backcompanion.app import load_program_for
from backcompanion.program import DataError, Program, builtin_program, load_program_file
from backcompanion.program.yamlcheck import MAX_FILE_BYTES
from backcompanion.session.progression_config import Rules, load_rules

ROOT = Path(__file__).resolve().parents[2]
PROGRAM_TEXT = resources.read_text("program.yaml")
PROGRESSION_TEXT = resources.read_text("progression.yaml")
LINES = PROGRAM_TEXT.splitlines(keepends=True)
BUILTIN = builtin_program()

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,  # the same examples on every run and every machine
    database=None,
    # no shrinking: a failure is reported as found (the mutations print short), so a
    # product bug costs seconds, not minutes of shrinking a 150-line file
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TAGS = [
    "!!int",
    "!!float",
    "!!bool",
    "!!str",
    "!!null",
    "!!binary",
    "!!timestamp",
    "!!set",
    "!!omap",
    "!!seq",
    "!!map",
    "!custom",
    "!<tag:example.com,2026:x>",
    "!!python/object/apply:os.system",
    "!!python/name:os.system",
    "&anchor",
    "*anchor",
]
VALUES = [
    "",
    "~",
    "null",
    "yes",
    "off",
    "0",
    "-1",
    "1e309",
    ".nan",
    "-.inf",
    "0x1F",
    "0o17",
    "1_000",
    "99999999999999999999999",
    "3.5",
    "[]",
    "{}",
    "[1, 2, 3]",
    "[5]",
    "'quoted'",
    '"\\x00\\t"',
    "|",
    ">-",
    "?",
    "- item",
    "&a [*a]",
    "*undefined",
    "<<: *x",
    "2026-03-29",
    "a: b: c",
    "{a: 1, a: 2}",
]


INDENTS = ["", " ", "   ", "      ", "\t"]
_AT = st.integers(0, 10_000)  # a line, taken modulo the number of lines
MUTATION = st.one_of(
    st.tuples(st.just("delete"), _AT),
    st.tuples(st.just("duplicate"), _AT),
    st.tuples(st.just("swap"), _AT, _AT),
    st.tuples(st.just("tag"), _AT, st.sampled_from(TAGS)),
    st.tuples(st.just("indent"), _AT, st.sampled_from(INDENTS)),
    st.tuples(st.just("value"), _AT, st.one_of(st.sampled_from(VALUES), st.text(max_size=12))),
    st.tuples(st.just("bytes"), _AT, st.binary(min_size=1, max_size=6)),
    st.tuples(st.just("cut"), _AT),
)


def mutate(ops) -> bytes:
    """Apply the mutations (each a small tuple, so a failing example prints short)."""
    lines = list(LINES)
    tail = b""
    for op, at, *extra in ops:
        if not lines:
            break
        i = at % len(lines)
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "swap":
            j = extra[0] % len(lines)
            a, b = lines[i].partition(": "), lines[j].partition(": ")
            if a[1] and b[1]:
                lines[i], lines[j] = a[0] + ": " + b[2], b[0] + ": " + a[2]
        elif op == "tag":
            head, sep, rest = line.partition(": ") if ": " in line else line.partition("- ")
            lines[i] = head + sep + extra[0] + " " + rest if sep else extra[0] + " " + line
        elif op == "indent":
            lines[i] = extra[0] + line.lstrip(" ")
        elif op == "value":
            head, sep, _ = line.partition(": ")
            lines[i] = (head + sep if sep else line.rstrip("\n") + " ") + extra[0] + "\n"
        elif op == "cut":
            lines = lines[:i]
        elif op == "bytes":  # inserted into the line's bytes, applied at the end
            raw = line.encode("utf-8")
            cut = at % (len(raw) + 1)
            tail_line = raw[:cut] + extra[0] + raw[cut:]
            lines[i] = f"\x00BYTES{len(tail)}\x00"
            tail += tail_line + b"\x00END\x00"
    data = "".join(lines).encode("utf-8", "surrogatepass")
    for n, chunk in enumerate(tail.split(b"\x00END\x00")[:-1]):
        data = data.replace(f"\x00BYTES{n}\x00".encode(), chunk, 1)
    return data


SYNTAX = ("not valid YAML", "the file is not UTF-8 text", "the file is empty")


def check_outcome(path: Path, shown: str, text_lines: int) -> Program | DataError:
    """Load ``path``: a valid program, or one DataError of one line naming file, line and field."""
    try:
        program = load_program_file(path, shown_name=shown)
    except DataError as err:
        message = str(err)
        assert "\n" not in message and "\r" not in message, message
        assert message.startswith(f"{shown}:"), message
        assert err.line is not None and 1 <= err.line <= text_lines + 1, message
        assert re.match(rf"{re.escape(shown)}:{err.line}: ", message), message
        if err.field:
            assert f":{err.line}: {err.field}: " in message, message
        else:
            assert err.problem.startswith(SYNTAX), message
        return err
    assert isinstance(program, Program)
    assert program.exercises and program.breathing is not None and program.stretches
    return program


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("yaml") / "program.yaml"


@FUZZ
@given(ops=st.lists(MUTATION, min_size=1, max_size=3))
def test_a_mutated_program_is_valid_or_one_clear_line(scratch, ops):
    data = mutate(ops)
    scratch.write_bytes(data)
    check_outcome(scratch, "program.yaml", data.count(b"\n") + 1)


# --- the hard cases, one by one -------------------------------------------------------------

HARD_CASES = {
    "int-tag-on-text": ("    reps: 20\n", "    reps: !!int twenty\n"),
    "float-tag-on-text": ("version: 1\n", "version: !!float one\n"),
    "bool-tag-on-text": ("    exhale_cue: true\n", "    exhale_cue: !!bool maybe\n"),
    "tagged-key": ("    reps: 20\n", "    !!int reps: 20\n"),
    "control-character": ("    name: Angry cat\n", "    name: Angry\x01cat\n"),
    "recursive-alias": ("version: 1\n", "version: 1\nloop: &a [*a]\n"),
}


@pytest.mark.parametrize("case", sorted(HARD_CASES))
def test_hard_cases_are_one_clear_line(tmp_path, case):
    old, new = HARD_CASES[case]
    assert PROGRAM_TEXT.count(old) >= 1, old
    path = tmp_path / "program.yaml"
    path.write_text(PROGRAM_TEXT.replace(old, new, 1), encoding="utf-8")
    err = check_outcome(path, "program.yaml", PROGRAM_TEXT.count("\n") + 3)
    assert isinstance(err, DataError)
    # it names the line of the edit
    first = PROGRAM_TEXT.count("\n", 0, PROGRAM_TEXT.index(old)) + 1
    assert first <= err.line <= first + new.count("\n"), str(err)


def billion_laughs(levels: int) -> str:
    rows = ["l0: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    rows += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return PROGRAM_TEXT + "\n".join(rows) + "\n"


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="POSIX interval timer")
def test_a_small_file_of_nested_aliases_is_refused_at_once(tmp_path):
    """Under 1 KB of anchors and aliases expands to a million nodes: refuse, do not expand."""
    path = tmp_path / "program.yaml"
    path.write_text(billion_laughs(6), encoding="utf-8")
    assert path.stat().st_size - len(PROGRAM_TEXT.encode()) < 1024

    def too_slow(signum, frame):
        raise TimeoutError("still expanding aliases after 2 s")

    before = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    started = time.perf_counter()
    try:
        with pytest.raises(DataError) as caught:
            load_program_file(path, shown_name="program.yaml")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)
    assert time.perf_counter() - started < 2.0
    assert "\n" not in str(caught.value)


# --- the app and the CLI with a user's own program.yaml -----------------------------------


@pytest.mark.parametrize("case", sorted(HARD_CASES))
def test_the_app_falls_back_to_the_built_in_program_and_says_why(tmp_path, case):
    old, new = HARD_CASES[case]
    (tmp_path / "program.yaml").write_text(PROGRAM_TEXT.replace(old, new, 1), encoding="utf-8")
    program, problem = load_program_for(tmp_path)  # never raises
    assert program == BUILTIN
    assert problem is not None and "\n" not in problem
    assert problem.startswith(f"{tmp_path / 'program.yaml'}:")


def test_the_cli_reports_a_tag_that_does_not_fit_in_one_line(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(PROGRAM_TEXT.replace("    reps: 20\n", "    reps: !!int twenty\n", 1))
    run = subprocess.run(
        [sys.executable, "-m", "backcompanion", "program", "--file", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 2 and run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"backcompanion: {path}:") and "reps" in line


# --- progression.yaml: every number out of its range ------------------------------------------


def _numbers(cls=Rules, prefix="") -> list[tuple[str, type, float, float]]:
    found = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        kind = hints[f.name]
        if dataclasses.is_dataclass(kind):
            found += _numbers(kind, f"{prefix}{f.name}.")
        else:
            lo, hi = f.metadata["range"]
            found.append((f"{prefix}{f.name}", kind, lo, hi))
    return found


NUMBERS = _numbers()


def _line_of(field: str) -> int:
    """The line of ``field`` (``group.key`` or ``key``) in the shipped file."""
    *group, key = field.split(".")
    lines = PROGRESSION_TEXT.splitlines()
    start = 0
    if group:
        start = next(i for i, row in enumerate(lines) if row.startswith(f"{group[0]}:"))
    indent = "  " if group else ""
    return next(i + 1 for i in range(start, len(lines)) if lines[i].startswith(f"{indent}{key}:"))


@st.composite
def out_of_range(draw):
    field, kind, lo, hi = draw(st.sampled_from(NUMBERS))
    below = st.integers(max_value=math.floor(lo) - 1) if lo > -math.inf else st.nothing()
    above = st.integers(min_value=math.floor(hi) + 1)
    choices = [below, above]
    if kind is float:
        choices += [
            st.floats(max_value=lo, exclude_max=True, allow_nan=False),
            st.floats(min_value=hi, exclude_min=True, allow_nan=False),
            st.sampled_from([".nan", ".inf", "-.inf"]),
        ]
    value = draw(st.one_of(choices))
    text = value if isinstance(value, str) else repr(value)
    if text in ("inf", "-inf"):
        text = text.replace("inf", ".inf")
    return field, text


@FUZZ
@given(case=out_of_range())
def test_a_progression_number_out_of_range_is_one_line_naming_it(tmp_path_factory, case):
    field, text = case
    line = _line_of(field)
    rows = PROGRESSION_TEXT.splitlines(keepends=True)
    key = rows[line - 1].partition(":")[0]
    rows[line - 1] = f"{key}: {text}\n"
    path = tmp_path_factory.getbasetemp() / "progression.yaml"
    path.write_text("".join(rows), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_rules(path)
    err = caught.value
    assert (err.line, err.field) == (line, field), str(err)
    assert str(err).startswith(f"{path}:{line}: {field}: ") and "\n" not in str(err)


# --- !!python tags: refused, never run, in both files -------------------------------------------

PAYLOADS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.call [['touch', '{marker}']]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:os.stat_result {{}}",
    "!!python/tuple [1, 2]",
]


def _program_with(payload: str) -> tuple[str, str]:
    return "program", PROGRAM_TEXT.replace("    reps: 20\n", f"    reps: {payload}\n", 1)


def _progression_with(payload: str) -> tuple[str, str]:
    return "progression", PROGRESSION_TEXT.replace(
        "  min_sessions: 5\n", f"  min_sessions: {payload}\n"
    )


def _as_a_key(payload: str) -> tuple[str, str]:
    return "progression", PROGRESSION_TEXT + f"? {payload}\n: 1\n"


def _as_an_item(payload: str) -> tuple[str, str]:
    return "program", PROGRAM_TEXT.replace(
        "    sides: [left leg, right leg]\n", f"    sides:\n      - {payload}\n      - right\n", 1
    )


@pytest.mark.parametrize("place", [_program_with, _progression_with, _as_a_key, _as_an_item])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_python_tags_are_refused_and_never_run(tmp_path, place, payload):
    marker = tmp_path / "it-ran"
    kind, text = place(payload.format(marker=marker))
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_program_file(path) if kind == "program" else load_rules(path)
    message = str(caught.value)
    assert "\n" not in message
    assert "'tag:yaml.org,2002:python/" in message or "a key must be a plain word" in message
    assert not marker.exists()


# --- a huge file is refused before it is parsed (issue 19: 3) -------------------------------


def ten_megabytes(path: Path) -> Path:
    """A 10 MB YAML list: 15 s and 600 MB to parse before the size bound."""
    entry = "- {id: a, name: b, phase: stretch, hold_s: [5, 10], reps: 3}\n"
    with path.open("w", encoding="utf-8") as f:
        f.write("exercises:\n")
        for _ in range(10_000_000 // len(entry) + 1):
            f.write("  " + entry)
    assert path.stat().st_size > 10_000_000
    return path


def test_a_10_mb_program_file_is_refused_in_one_line_before_parsing(tmp_path):
    path = ten_megabytes(tmp_path / "program.yaml")
    started = time.process_time()
    with pytest.raises(DataError) as caught:
        load_program_file(path)
    assert time.process_time() - started < 0.5  # CPU time: the machine's load does not count
    text = str(caught.value)
    assert "\n" not in text and text.startswith(str(path)) and "1 MB" in text
    program, problem = load_program_for(tmp_path)  # in the data folder: the window's message
    assert program == BUILTIN
    assert problem.startswith(str(path)) and "built-in program is in use" in problem
    assert "\n" not in problem


def test_a_10_mb_program_file_from_the_cli_is_one_line_and_exit_2(tmp_path):
    path = ten_megabytes(tmp_path / "mine.yaml")
    run = subprocess.run(
        [sys.executable, "-m", "backcompanion", "program", "--file", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert run.returncode == 2 and run.stdout == "" and "Traceback" not in run.stderr
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"backcompanion: {path}:") and "1 MB" in line


def test_a_program_file_just_under_the_bound_is_read(tmp_path):
    text = PROGRAM_TEXT + "#" * (MAX_FILE_BYTES - len(PROGRAM_TEXT.encode()) - 1) + "\n"
    path = tmp_path / "program.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_program_file(path).exercises
