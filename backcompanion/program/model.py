"""The exercise program as plain, immutable data."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Phase(enum.StrEnum):
    BREATHING = "breathing"
    STRETCH = "stretch"
    STRENGTH = "strength"


@dataclass(frozen=True)
class Instructions:
    position: str
    movement: str
    feel: str
    mistake: str


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    phase: Phase
    hold_s: tuple[int, int]  # (low, high); (0, 0) for the breathing step
    reps: int  # repeats per side; breaths for the breathing step
    sides: tuple[str, ...]  # () when done once; two labels when done on each side
    instructions: Instructions
    exhale_cue: bool = False
    hold_step_s: int = 1  # how much the hold grows when the rules allow it
    reps_follow_hold: bool = False  # child's pose: fewer repeats as the hold grows
    variant_of: str | None = None
    note: str = ""  # e.g. where the app adds something the source does not give
    rest_s: int | None = None  # rest between repeats set by a plan; None: the person's setting
    # a plan's one side of two (``sides`` then holds its label only): 0 the program's first,
    # 1 its second, which the figure draws mirrored; None: both sides, or done once
    only_side: int | None = None

    @property
    def per_side(self) -> bool:
        return len(self.sides) > 1

    @property
    def is_variant(self) -> bool:
        return self.variant_of is not None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "phase": self.phase.value,
            "hold_s": list(self.hold_s),
            "reps": self.reps,
            "per_side": self.per_side,
            "sides": list(self.sides),
            "variant_of": self.variant_of,
            "exhale_cue": self.exhale_cue,
            "hold_step_s": self.hold_step_s,
            "instructions": {
                "position": self.instructions.position,
                "movement": self.instructions.movement,
                "feel": self.instructions.feel,
                "mistake": self.instructions.mistake,
            },
            "note": self.note,
        }


@dataclass(frozen=True)
class Program:
    exercises: tuple[Exercise, ...]  # in the source's order, variants included
    source: str = "built-in"  # where it was loaded from

    def by_id(self, exercise_id: str) -> Exercise:
        for ex in self.exercises:
            if ex.id == exercise_id:
                return ex
        raise KeyError(exercise_id)

    def _main(self, phase: Phase) -> tuple[Exercise, ...]:
        return tuple(e for e in self.exercises if e.phase is phase and not e.is_variant)

    @property
    def breathing(self) -> Exercise:
        return self._main(Phase.BREATHING)[0]

    @property
    def stretches(self) -> tuple[Exercise, ...]:
        return self._main(Phase.STRETCH)

    @property
    def strength(self) -> tuple[Exercise, ...]:
        return self._main(Phase.STRENGTH)

    def easier_version(self, exercise_id: str) -> Exercise | None:
        for ex in self.exercises:
            if ex.variant_of == exercise_id:
                return ex
        return None
