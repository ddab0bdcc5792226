"""Load and validate the program YAML (built-in, a user override, or any file)."""

from __future__ import annotations

import re
from pathlib import Path

from backcompanion import resources
from backcompanion.program.localize import localize_program
from backcompanion.program.model import Exercise, Instructions, Phase, Program
from backcompanion.program.yamlcheck import DataError, Node, Reader, read_file

__all__ = ["DataError", "builtin_program", "load_program", "load_program_file"]

_ID = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
_EXERCISE_KEYS = {"id", "name", "phase", "hold_s", "reps", "instructions"}
_EXERCISE_OPTIONAL = {
    "sides",
    "exhale_cue",
    "hold_step_s",
    "reps_follow_hold",
    "variant_of",
    "note",
    # no longer read: an exercise's figure is found by its id in figure/poses.yaml; kept as
    # a known key so that a person's program file from an earlier version still loads
    "illustrations",
}
_INSTRUCTION_KEYS = {"position", "movement", "feel", "mistake"}
MAX_TEXT = 160  # an instruction line must stay short enough to read from the floor


def builtin_program() -> Program:
    """The shipped program, its words in the person's language."""
    return localize_program(builtin_program_english())


def builtin_program_english() -> Program:
    return load_program_file(
        resources.path("program.yaml"), shown_name="program.yaml", english=True
    )


def load_program_file(path: Path, shown_name: str | None = None, english: bool = False) -> Program:
    """A program file; its words translated where the catalog knows them (unless ``english``)."""
    reader, root = read_file(Path(path), shown_name)
    program = _program(reader, root, source=shown_name or str(path))
    return program if english else localize_program(program)


def load_program(text: str, shown_name: str = "program.yaml") -> Program:
    reader = Reader(text, shown_name)
    return _program(reader, reader.read(), source=shown_name)


def _program(r: Reader, root: Node, source: str) -> Program:
    top = r.mapping(root, {"version", "exercises"})
    r.integer(top["version"], 1, 1)
    items = r.seq(top["exercises"], min_len=1)
    exercises: list[Exercise] = []
    seen: dict[str, Node] = {}
    for item in items:
        ex = _exercise(r, item)
        if ex.id in seen:
            raise r.error(item.value["id"], f"the id {ex.id!r} is used twice")
        seen[ex.id] = item
        exercises.append(ex)
    for ex in exercises:
        if ex.variant_of is None:
            continue
        node = seen[ex.id].value["variant_of"]
        if ex.variant_of not in seen or ex.variant_of == ex.id:
            raise r.error(node, f"no exercise with the id {ex.variant_of!r}")
        base = next(e for e in exercises if e.id == ex.variant_of)
        if base.variant_of is not None:
            raise r.error(node, "a variant must point at a main exercise, not another variant")
        if base.phase is not ex.phase:
            raise r.error(node, "a variant must be in the same phase as its exercise")
    phases = [e.phase for e in exercises if e.variant_of is None]
    if phases.count(Phase.BREATHING) != 1:
        raise r.error(top["exercises"], "the program needs exactly one breathing step")
    if Phase.STRETCH not in phases:
        raise r.error(top["exercises"], "the program needs at least one stretch")
    order = [list(Phase).index(p) for p in phases]
    if order != sorted(order):
        raise r.error(top["exercises"], "keep the order: breathing, then stretches, then strength")
    return Program(tuple(exercises), source=source)


def _exercise(r: Reader, node: Node) -> Exercise:
    m = r.mapping(node, _EXERCISE_KEYS, _EXERCISE_OPTIONAL)
    ex_id = r.text(m["id"], 41)
    if not _ID.match(ex_id):
        raise r.error(m["id"], "use lower-case letters, digits and _ only, starting with a letter")
    phase_text = r.text(m["phase"], 20)
    try:
        phase = Phase(phase_text)
    except ValueError:
        raise r.error(m["phase"], "must be breathing, stretch or strength") from None
    hold = _hold(r, m["hold_s"], phase)
    reps = r.integer(m["reps"], 1, 100)
    sides: tuple[str, ...] = ()
    if "sides" in m:
        side_nodes = r.seq(m["sides"])
        if len(side_nodes) != 2:
            raise r.error(m["sides"], "give exactly two sides, for example [left leg, right leg]")
        sides = tuple(r.text(s, 40) for s in side_nodes)
        if sides[0] == sides[1]:
            raise r.error(m["sides"], "the two sides need different names")
    if "illustrations" in m:  # an earlier version's picture files: checked, not used
        for p in r.seq(m["illustrations"]):
            r.text(p, 60)
    ins = r.mapping(m["instructions"], _INSTRUCTION_KEYS)
    instructions = Instructions(**{k: r.text(ins[k], MAX_TEXT) for k in sorted(_INSTRUCTION_KEYS)})
    step = r.integer(m["hold_step_s"], 1, 30) if "hold_step_s" in m else 1
    return Exercise(
        id=ex_id,
        name=r.text(m["name"], 60),
        phase=phase,
        hold_s=hold,
        reps=reps,
        sides=sides,
        instructions=instructions,
        exhale_cue=r.boolean(m["exhale_cue"]) if "exhale_cue" in m else False,
        hold_step_s=step,
        reps_follow_hold=r.boolean(m["reps_follow_hold"]) if "reps_follow_hold" in m else False,
        variant_of=r.text(m["variant_of"], 41) if "variant_of" in m else None,
        note=r.text(m["note"], 400) if "note" in m else "",
    )


def _hold(r: Reader, node: Node, phase: Phase) -> tuple[int, int]:
    items = r.seq(node)
    if len(items) != 2:
        raise r.error(node, "expected [low, high] in seconds, for example [5, 10]")
    lo_limit = 0 if phase is Phase.BREATHING else 1
    hi_limit = 0 if phase is Phase.BREATHING else 120
    low = r.integer(items[0], lo_limit, hi_limit)
    high = r.integer(items[1], lo_limit, hi_limit)
    if low > high:
        raise r.error(node, f"the low end ({low}) is above the high end ({high})")
    return (low, high)
