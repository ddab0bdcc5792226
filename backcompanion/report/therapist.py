"""What the therapist reads in the weekly summary: the plan in force and how it compares. No Qt.

The plan is the one in force at the moment the week is read (its end, or now),
each exercise's dose as words, with the fields that differ from the standard
program named in ``changed`` so the PDF can mark them (docs/ARCHITECTURE.md §13).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from backcompanion import prescription
from backcompanion.history import Store
from backcompanion.i18n import translate
from backcompanion.program import Program
from backcompanion.program.plan import (
    UNLOCKED,
    describe_hold,
    describe_sides,
    pattern_name,
    strengthening_name,
)

__all__ = ["PlanLine", "PlanSummary", "plan_summary"]


@dataclass(frozen=True)
class PlanLine:
    exercise_id: str
    name: str
    hold: str
    reps: str
    sides: str
    rest: str
    easier: str  # "-" when the exercise has no easier version
    note: str
    changed: frozenset[str]  # the fields above that differ from the standard program


@dataclass(frozen=True)
class PlanSummary:
    standard: bool  # no therapist's plan: the standard program
    since: datetime | None  # when it was put in force
    prescribed_by: str
    prescribed_on: date | None
    days_per_week: int
    breathing: str
    breaths: str
    strengthening: str
    note: str
    lines: tuple[PlanLine, ...]  # in the plan's order
    left_out: tuple[str, ...]  # names of the standard exercises the plan leaves out
    changes: tuple[str, ...]  # every difference from the standard, one sentence each
    changed: frozenset[str]  # plan fields that differ: days_per_week, breathing, ...
    unlocked: bool = False  # the therapist unlocked strengthening (the gate does not apply)


def plan_summary(store: Store, program: Program, at: datetime) -> PlanSummary:
    """The plan in force at ``at``; ``program`` is the program before any plan."""
    rows = [r for r in store.plans() if r.at <= at]
    row = rows[-1] if rows else None
    plan = prescription.decode(row, program)
    standard = prescription.standard(program)
    is_standard = plan is None
    plan = plan or standard
    own = translate("Plan", "your own setting")
    lines = []
    for item in plan.exercises:
        ex = program.by_id(item.id)
        base = standard.item(item.id)
        has_easier = program.easier_version(item.id) is not None
        values = {
            "hold": describe_hold(item.hold_s),
            "reps": str(item.reps),
            "sides": describe_sides(ex, item.sides),
            "rest": own if item.rest_s is None else describe_hold((item.rest_s, item.rest_s)),
            "easier": _offer(item.easier) if has_easier else "-",
        }
        changed = set()
        if base is not None:
            changed = {
                k
                for k, old, new in (
                    ("hold", base.hold_s, item.hold_s),
                    ("reps", base.reps, item.reps),
                    ("sides", base.sides, item.sides),
                    ("rest", base.rest_s, item.rest_s),
                    ("easier", base.easier, item.easier),
                )
                if old != new
            }
        if item.note:
            changed.add("note")
        lines.append(
            PlanLine(item.id, ex.name, note=item.note, changed=frozenset(changed), **values)
        )
    in_plan = set(plan.ids)
    fields = {
        "days_per_week": (standard.days_per_week, plan.days_per_week),
        "breathing": (standard.breathing, plan.breathing),
        "breaths": (standard.breaths, plan.breaths),
        "strengthening": (standard.strengthening, plan.strengthening),
        "order": ([i for i in standard.ids if i in in_plan], list(plan.ids)),
    }
    return PlanSummary(
        standard=is_standard,
        since=row.at if row is not None and not is_standard else None,
        prescribed_by=plan.prescribed_by,
        prescribed_on=plan.prescribed_on,
        days_per_week=plan.days_per_week,
        breathing=pattern_name(plan.breathing),
        breaths=own if plan.breaths is None else str(plan.breaths),
        strengthening=strengthening_name(plan.strengthening),
        note=plan.note,
        lines=tuple(lines),
        left_out=tuple(e.name for e in _mains(program) if e.id not in in_plan),
        changes=tuple(str(c) for c in prescription.changes_from_standard(plan, program)),
        changed=frozenset(k for k, (old, new) in fields.items() if old != new),
        unlocked=plan.strengthening == UNLOCKED,
    )


def _mains(program: Program):
    return (*program.stretches, *program.strength)


def _offer(value: bool) -> str:
    return translate("Plan", "offered") if value else translate("Plan", "not offered")
