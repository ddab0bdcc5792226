"""The plan in force (docs/ARCHITECTURE.md §13): read from the history, put in force, restored.

Without Qt: the window, the command line and the tests share it. The history
keeps every plan put in force, newest last; the newest is the one in force (no
row, or a row without a body: the standard program). Restoring the previous
plan adds it again, so nothing is ever lost and a second restore goes back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from backcompanion.history import Store
from backcompanion.history.rows import PlanRow
from backcompanion.program import DataError, Program
from backcompanion.program.plan import Change, Plan, apply_plan, plan_changes, standard_plan
from backcompanion.program.plan_file import load_plan_settings, plan_from_json, plan_to_json

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InForce:
    plan: Plan
    row: PlanRow | None  # None: nothing stored yet (the standard program)
    standard: bool  # the standard program (no therapist's plan)

    @property
    def plan_id(self) -> int | None:
        return self.row.id if self.row else None


def standard(program: Program) -> Plan:
    return standard_plan(program, load_plan_settings().standard_days_per_week)


def decode(row: PlanRow | None, program: Program) -> Plan | None:
    """The plan a row holds; None for the standard program or a body this program cannot use."""
    if row is None or row.body is None:
        return None
    try:
        return plan_from_json(row.body, program)
    except DataError as exc:  # e.g. a user's program.yaml without an exercise the plan names
        log.warning("plan %s cannot be used with this program (%s)", row.id, exc)
        return None


def in_force(store: Store, program: Program) -> InForce:
    rows = store.plans(newest=1)
    row = rows[-1] if rows else None
    plan = decode(row, program)
    if plan is None:
        return InForce(standard(program), row, True)
    return InForce(plan, row, False)


def previous(store: Store, program: Program) -> tuple[Plan, bool] | None:
    """The plan in force before the current one (and whether it is the standard); None if none."""
    rows = store.plans(newest=2)
    if len(rows) < 2:
        return None
    plan = decode(rows[0], program)
    return (standard(program), True) if plan is None else (plan, False)


def put_in_force(store: Store, plan: Plan | None, source: str, at: datetime) -> int:
    """Make ``plan`` (None: the standard program) the plan in force; its row's id."""
    return store.set_plan(at, None if plan is None else plan_to_json(plan), source)


def restore_previous(store: Store, program: Program, at: datetime) -> Plan | None:
    """Put the plan before the current one back in force; None when there is none."""
    found = previous(store, program)
    if found is None:
        return None
    plan, is_standard = found
    put_in_force(store, None if is_standard else plan, "previous", at)
    return plan


def program_for(plan_in_force: InForce, program: Program) -> Program:
    """The program the sessions follow: the base one for the standard, else the plan's."""
    return program if plan_in_force.standard else apply_plan(plan_in_force.plan, program)


def changes_from_standard(plan: Plan, program: Program) -> list[Change]:
    return plan_changes(standard(program), plan, program)
