"""The therapist's plan: the program tailored for one person (docs/ARCHITECTURE.md §13). No Qt.

A :class:`Plan` chooses and orders the program's stretches and strength
exercises and sets, for each, the hold range, the repeats, the sides, the rest
between repeats, whether the easier version is offered, and a short note; for
the whole plan the days per week, the breathing pattern and breaths, whether
strengthening waits for the gate or is unlocked now, a note, and who prescribed
it and when. :func:`apply_plan` turns it into a :class:`Program` the rules and
the engine use unchanged, so the holds grow inside the plan's ranges.

Every number has its limits in :data:`LIMITS`; :func:`check_plan` gives the
problems of a plan as (field, sentence) pairs in the person's language, the
same checks for the editor and for a plan file (``plan_file``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from backcompanion.i18n import translate
from backcompanion.program.model import Exercise, Phase, Program

# the breathing patterns of session/plan.py's PRESETS; OWN: the person's own setting
OWN = "own"
PATTERNS = ("relaxed", "extended_exhale", "box")
GATE, UNLOCKED = "gate", "unlocked"
BOTH, FIRST, SECOND = "both", "first", "second"

# Limits of every number in a plan. Holds and repeats: those of program.yaml's checks;
# rest: those of the "rest between repeats" setting; breaths: the breathing setting's.
LIMITS: dict[str, tuple[int, int]] = {
    "hold_s": (1, 120),
    "reps": (1, 100),
    "rest_s": (2, 30),
    "days_per_week": (1, 7),
    "breaths": (3, 30),
}
MAX_NOTE = 400
MAX_NAME = 80


@dataclass(frozen=True)
class PlanExercise:
    id: str
    hold_s: tuple[int, int]
    reps: int
    sides: str = BOTH  # BOTH, or FIRST / SECOND for one side only (two-sided exercises)
    rest_s: int | None = None  # None: the person's "rest between repeats" setting
    easier: bool = True  # offer the easier version, where the program has one
    note: str = ""


@dataclass(frozen=True)
class Plan:
    exercises: tuple[PlanExercise, ...]  # stretches, then strength, in the session's order
    days_per_week: int
    breathing: str = OWN  # a pattern of PATTERNS, or OWN
    breaths: int | None = None  # None: the person's setting
    strengthening: str = GATE  # GATE: waits for the gate; UNLOCKED: offered now
    note: str = ""
    prescribed_by: str = ""
    prescribed_on: date | None = None

    def item(self, exercise_id: str) -> PlanExercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.exercises)


@dataclass(frozen=True)
class Problem:
    field: str  # e.g. "exercises[2].hold_s"
    text: str  # one sentence, translated

    def __str__(self) -> str:
        return f"{self.field}: {self.text}"


@dataclass(frozen=True)
class Change:
    """One difference between two plans, for a person to read."""

    field: str
    before: str
    after: str
    exercise: str = ""  # the exercise's name, when it is about one

    def __str__(self) -> str:
        what = f"{self.exercise}: {self.field}" if self.exercise else self.field
        return f"{what}: {self.before} → {self.after}"


@dataclass(frozen=True)
class PlanSettings:
    standard_days_per_week: int = 5
    psfs_max: int = 5
    psfs_every_days: int = 14
    psfs_change_mean: float = 2.0
    psfs_change_single: float = 3.0


def main_exercises(program: Program) -> tuple[Exercise, ...]:
    """The exercises a plan can choose: stretches and strength, no breathing, no variants."""
    return (*program.stretches, *program.strength)


def standard_plan(program: Program, days_per_week: int) -> Plan:
    """The program as shipped: every exercise, its own ranges, the person's own settings."""
    return Plan(
        exercises=tuple(
            PlanExercise(id=e.id, hold_s=e.hold_s, reps=e.reps) for e in main_exercises(program)
        ),
        days_per_week=days_per_week,
    )


def check_plan(plan: Plan, program: Program) -> list[Problem]:
    """Every problem of ``plan`` against ``program``; empty when it can be used."""
    problems: list[Problem] = []

    def add(where: str, text: str) -> None:
        problems.append(Problem(where, text))

    def within(where: str, value: int, limit: str) -> None:
        lo, hi = LIMITS[limit]
        if not lo <= value <= hi:
            add(
                where,
                translate("Plan", "{value} is out of range ({lo} to {hi})").format(
                    value=value, lo=lo, hi=hi
                ),
            )

    known = {e.id: e for e in main_exercises(program)}
    if not plan.exercises:
        add("exercises", translate("Plan", "choose at least one stretch"))
    seen: set[str] = set()
    phases: list[int] = []
    for i, item in enumerate(plan.exercises):
        where = f"exercises[{i}]"
        ex = known.get(item.id)
        if ex is None:
            add(
                f"{where}.id",
                translate("Plan", "no exercise '{id}' in the program").format(id=item.id),
            )
            continue
        if item.id in seen:
            add(
                f"{where}.id", translate("Plan", "{name} is in the plan twice").format(name=ex.name)
            )
        seen.add(item.id)
        phases.append(list(Phase).index(ex.phase))
        low, high = item.hold_s
        within(f"{where}.hold_s", low, "hold_s")
        within(f"{where}.hold_s", high, "hold_s")
        if low > high:
            add(
                f"{where}.hold_s",
                translate(
                    "Plan", "the shortest hold ({low} s) is above the longest ({high} s)"
                ).format(low=low, high=high),
            )
        within(f"{where}.reps", item.reps, "reps")
        if item.rest_s is not None:
            within(f"{where}.rest_s", item.rest_s, "rest_s")
        if item.sides not in (BOTH, FIRST, SECOND) or (item.sides != BOTH and not ex.per_side):
            add(
                f"{where}.sides",
                translate("Plan", "{name} is done on both sides or on one of them").format(
                    name=ex.name
                )
                if ex.per_side
                else translate("Plan", "{name} has no sides: leave it at both").format(
                    name=ex.name
                ),
            )
        if len(item.note) > MAX_NOTE:
            add(f"{where}.note", _too_long(len(item.note), MAX_NOTE))
    if phases != sorted(phases):
        add("exercises", translate("Plan", "keep the order: stretches first, then strength"))
    if plan.exercises and not any(
        known[i.id].phase is Phase.STRETCH for i in plan.exercises if i.id in known
    ):
        add("exercises", translate("Plan", "choose at least one stretch"))
    within("days_per_week", plan.days_per_week, "days_per_week")
    if plan.breathing != OWN and plan.breathing not in PATTERNS:
        add(
            "breathing",
            translate("Plan", "use one of: {names}").format(names=", ".join((OWN, *PATTERNS))),
        )
    if plan.breaths is not None:
        within("breaths", plan.breaths, "breaths")
    if plan.strengthening not in (GATE, UNLOCKED):
        add("strengthening", translate("Plan", "use gate or unlocked"))
    if len(plan.note) > MAX_NOTE:
        add("note", _too_long(len(plan.note), MAX_NOTE))
    if len(plan.prescribed_by) > MAX_NAME:
        add("prescribed_by", _too_long(len(plan.prescribed_by), MAX_NAME))
    return problems


def _too_long(length: int, limit: int) -> str:
    return translate("Plan", "too long ({length} characters, at most {limit})").format(
        length=length, limit=limit
    )


def apply_plan(plan: Plan, program: Program) -> Program:
    """The program as this plan has it: chosen, ordered and dosed (the plan must check clean).

    The breathing step keeps its place; each exercise takes the plan's hold range,
    repeats, sides and rest; its easier version follows it when offered. A
    therapist's own number of repeats replaces the child's pose rule that
    lowers them as the hold grows.
    """
    exercises: list[Exercise] = [program.breathing]
    for item in plan.exercises:
        base = program.by_id(item.id)
        changed = _dosed(base, item)
        if item.reps != base.reps:
            changed = replace(changed, reps_follow_hold=False)
        exercises.append(changed)
        variant = program.easier_version(item.id)
        if variant is not None and item.easier:
            exercises.append(replace(_sided(variant, item.sides), rest_s=item.rest_s))
    return Program(tuple(exercises), source=program.source)


def _dosed(ex: Exercise, item: PlanExercise) -> Exercise:
    return replace(_sided(ex, item.sides), hold_s=item.hold_s, reps=item.reps, rest_s=item.rest_s)


def _sided(ex: Exercise, sides: str) -> Exercise:
    if not ex.per_side or sides == BOTH:
        return ex
    only = 0 if sides == FIRST else 1
    return replace(ex, sides=(ex.sides[only],), only_side=only)


# ---- differences, for a person to read --------------------------------------------------


def describe_sides(ex: Exercise, sides: str) -> str:
    if not ex.per_side:
        return "-"  # done once: no sides to choose
    if sides == BOTH:
        return translate("Plan", "both sides")
    label = ex.sides[0 if sides == FIRST else 1]
    return translate("Plan", "{side} only").format(side=label)


def describe_hold(hold: tuple[int, int]) -> str:
    low, high = hold
    if low == high:
        return translate("Plan", "{s} s").format(s=low)
    return translate("Plan", "{low}-{high} s").format(low=low, high=high)


def describe_own(value: object) -> str:
    return translate("Plan", "your own setting") if value is None or value == OWN else str(value)


def pattern_name(pattern: str) -> str:
    names = {
        OWN: translate("Plan", "your own setting"),
        "relaxed": translate("Plan", "relaxed (4 in, 6 out)"),
        "extended_exhale": translate("Plan", "longer exhale (4 in, 7 out)"),
        "box": translate("Plan", "box (4-4-4-4)"),
    }
    return names.get(pattern, pattern)


def strengthening_name(value: str) -> str:
    if value == UNLOCKED:
        return translate("Plan", "unlocked now")
    return translate("Plan", "waits for the gate")


def plan_changes(before: Plan, after: Plan, program: Program) -> list[Change]:
    """What changes from ``before`` to ``after``, exercise by exercise, then the plan's fields."""
    changes: list[Change] = []
    names = {e.id: e.name for e in program.exercises}

    def add(label: str, old: str, new: str, exercise: str = "") -> None:
        if old != new:
            changes.append(Change(label, old, new, exercise))

    no, yes = translate("Plan", "left out"), translate("Plan", "in the plan")
    for ex in main_exercises(program):
        old, new = before.item(ex.id), after.item(ex.id)
        if old is None and new is None:
            continue
        if old is None or new is None:
            add(translate("Plan", "exercise"), yes if old else no, yes if new else no, ex.name)
            continue
        add(
            translate("Plan", "hold"), describe_hold(old.hold_s), describe_hold(new.hold_s), ex.name
        )
        add(translate("Plan", "repeats"), str(old.reps), str(new.reps), ex.name)
        add(
            translate("Plan", "sides"),
            describe_sides(ex, old.sides),
            describe_sides(ex, new.sides),
            ex.name,
        )
        add(translate("Plan", "rest"), _rest(old.rest_s), _rest(new.rest_s), ex.name)
        if program.easier_version(ex.id) is not None:
            add(
                translate("Plan", "easier version"), _offer(old.easier), _offer(new.easier), ex.name
            )
        add(translate("Plan", "note"), old.note or "-", new.note or "-", ex.name)
    kept = [i for i in after.ids if i in before.ids]
    if kept != [i for i in before.ids if i in after.ids]:
        add(
            translate("Plan", "order"),
            ", ".join(names.get(i, i) for i in before.ids),
            ", ".join(names.get(i, i) for i in after.ids),
        )
    add(translate("Plan", "days per week"), str(before.days_per_week), str(after.days_per_week))
    add(
        translate("Plan", "breathing"),
        pattern_name(before.breathing),
        pattern_name(after.breathing),
    )
    add(translate("Plan", "breaths"), describe_own(before.breaths), describe_own(after.breaths))
    add(
        translate("Plan", "strengthening"),
        strengthening_name(before.strengthening),
        strengthening_name(after.strengthening),
    )
    add(translate("Plan", "plan note"), before.note or "-", after.note or "-")
    add(translate("Plan", "prescribed by"), before.prescribed_by or "-", after.prescribed_by or "-")
    add(
        translate("Plan", "prescribed on"),
        before.prescribed_on.isoformat() if before.prescribed_on else "-",
        after.prescribed_on.isoformat() if after.prescribed_on else "-",
    )
    return changes


def _rest(value: int | None) -> str:
    return describe_own(None) if value is None else translate("Plan", "{s} s").format(s=value)


def _offer(value: bool) -> str:
    return translate("Plan", "offered") if value else translate("Plan", "not offered")
