"""What one session will do: decided by the rules before it starts, read by the engine.

Plain data, no Qt. The rules (``session.rules``) build a :class:`SessionPlan`
from the program, the history and the settings; the engine only follows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from backcompanion.program import Exercise


@dataclass(frozen=True)
class Cadence:
    """One breath: inhale, optional hold, exhale, optional hold (seconds); how many breaths."""

    inhale: float = 4.0
    hold_in: float = 0.0
    exhale: float = 6.0
    hold_out: float = 0.0
    breaths: int = 10

    LIMITS = {  # noqa: RUF012 - class constant, not a field
        "inhale": (2.0, 8.0),
        "hold_in": (0.0, 7.0),
        "exhale": (2.0, 12.0),
        "hold_out": (0.0, 7.0),
        "breaths": (3, 30),
    }

    def __post_init__(self) -> None:
        for name, (lo, hi) in self.LIMITS.items():
            value = getattr(self, name)
            if not lo <= value <= hi:
                raise ValueError(f"breathing {name} must be {lo}-{hi}, not {value}")

    @property
    def breath_s(self) -> float:
        return self.inhale + self.hold_in + self.exhale + self.hold_out

    @property
    def total_s(self) -> float:
        return self.breath_s * self.breaths

    @property
    def label(self) -> str:
        parts = (self.inhale, self.hold_in, self.exhale, self.hold_out)
        return "-".join(f"{p:g}" for p in parts)


PRESETS: dict[str, Cadence] = {
    "relaxed": Cadence(4, 0, 6, 0),
    "extended_exhale": Cadence(4, 0, 7, 0),
    "box": Cadence(4, 4, 4, 4),
}


@dataclass(frozen=True)
class StepPlan:
    """One exercise as this session will do it."""

    exercise: Exercise
    hold_s: int
    reps: int  # per side

    @property
    def sides(self) -> tuple[str, ...]:
        return self.exercise.sides

    def rest_s(self, default: float) -> float:
        """The rest between repeats: the plan's for this exercise, else ``default``."""
        rest = self.exercise.rest_s
        return default if rest is None else rest

    @property
    def total_reps(self) -> int:
        return self.reps * max(1, len(self.exercise.sides))


@dataclass(frozen=True)
class SessionPlan:
    breathing: Exercise
    cadence: Cadence
    stretches: tuple[StepPlan, ...]
    strength: tuple[StepPlan, ...]  # planned even when the gate is closed
    gate_open: bool
    gate_reasons: tuple[str, ...] = ()  # why it is closed (or why it opened)
    easier: dict[str, StepPlan] = field(default_factory=dict)  # exercise id -> easier version
    get_ready_s: int = 5
    release_s: int = 3
    # a "this hurts" rating above this is too much (docs/ARCHITECTURE.md §6)
    strength_pain_stop: int = 5
    # today's plan after the opening rating (session.rules.day): "full",
    # "stretch_only" or "breathing_only" (then the flare-up page follows the breathing)
    day: str = "full"

    def step(self, exercise_id: str) -> StepPlan:
        for s in (*self.stretches, *self.strength, *self.easier.values()):
            if s.exercise.id == exercise_id:
                return s
        raise KeyError(exercise_id)
