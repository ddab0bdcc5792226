"""The program's and the safety texts' words in the person's language.

The YAML files are written in English; their words are translated in the
contexts ``program`` and ``safety`` (``scripts/translations.py`` lists them for
Qt's lupdate with :func:`texts`, which walks the same fields). Ids, numbers and
file names never change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields, replace

from backcompanion.i18n import translate
from backcompanion.program.model import Exercise, Instructions, Program

PROGRAM = "program"
SAFETY = "safety"
_KEEP = {"id", "number", "level", "lifelong"}  # safety fields that are not words

Words = Callable[[str], str]


def _in(context: str) -> Words:
    return lambda text: translate(context, text)


def _exercise(ex: Exercise, t: Words) -> Exercise:
    i = ex.instructions
    return replace(
        ex,
        name=t(ex.name),
        sides=tuple(t(s) for s in ex.sides),
        note=t(ex.note) if ex.note else "",
        instructions=Instructions(
            position=t(i.position), movement=t(i.movement), feel=t(i.feel), mistake=t(i.mistake)
        ),
    )


def _words(obj, t: Words):
    return replace(
        obj, **{f.name: t(getattr(obj, f.name)) for f in fields(obj) if f.name not in _KEEP}
    )


def localize_program(program: Program, t: Words | None = None) -> Program:
    t = t or _in(PROGRAM)
    return replace(program, exercises=tuple(_exercise(ex, t) for ex in program.exercises))


def localize_safety(safety, t: Words | None = None):
    """A :class:`~backcompanion.program.safety.SafetyText` with every text translated."""
    t = t or _in(SAFETY)
    return replace(
        safety,
        disclaimer=_words(safety.disclaimer, t),
        red_flag_check=_words(safety.red_flag_check, t),
        daily_check=_words(safety.daily_check, t),
        red_flags=tuple(_words(f, t) for f in safety.red_flags),
        emergency=_words(safety.emergency, t),
        urgent=_words(safety.urgent, t),
        see_clinician=_words(safety.see_clinician, t),
        flare_up=_words(safety.flare_up, t),
        no_improvement=_words(safety.no_improvement, t),
    )


def texts(program: Program, safety) -> Iterator[tuple[str, str]]:
    """Every (context, text) that the two localizers translate, in file order."""
    seen: dict[tuple[str, str], None] = {}

    def collect(context: str) -> Words:
        return lambda text: seen.setdefault((context, text)) or text

    localize_program(program, collect(PROGRAM))
    localize_safety(safety, collect(SAFETY))
    yield from seen
