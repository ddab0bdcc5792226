"""A plan as a file to hand over (YAML), read with the same key-by-key checks as program.yaml.

A plan file is small, plain text and says what it is (``kind: backcompanion-plan``).
Anything else (too big, binary, another program's YAML, a wrong type, an
unknown exercise, a number out of range) raises :class:`DataError`: one line
naming the file, the line and the field. No Qt.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from backcompanion import resources
from backcompanion.i18n import translate
from backcompanion.program.model import Program
from backcompanion.program.plan import (
    BOTH,
    FIRST,
    GATE,
    LIMITS,
    MAX_NAME,
    MAX_NOTE,
    OWN,
    PATTERNS,
    SECOND,
    UNLOCKED,
    Plan,
    PlanExercise,
    PlanSettings,
    check_plan,
    main_exercises,
)
from backcompanion.program.yamlcheck import DataError, Node, Reader

if TYPE_CHECKING:  # PyYAML is imported where a file is parsed or written: a start needs neither
    import yaml

KIND = "backcompanion-plan"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAX_FILE_BYTES = 64 * 1024  # a plan with every exercise and long notes is under 8 KB
_TOP = {"version", "kind", "days_per_week", "exercises"}
_TOP_OPTIONAL = {"breathing", "breaths", "strengthening", "note", "prescribed_by", "prescribed_on"}
_ITEM = {"id", "hold_s", "reps"}
_ITEM_OPTIONAL = {"sides", "rest_s", "easier", "note"}


def read_plan_file(path: Path, program: Program, shown_name: str | None = None) -> Plan:
    """The plan in ``path``, checked against ``program``; raises DataError."""
    shown = shown_name or str(path)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise DataError(
            shown, None, "", translate("PlanFile", "this is a folder, not a plan file")
        ) from None
    except FileNotFoundError:
        raise DataError(shown, None, "", translate("PlanFile", "no such file")) from None
    except OSError as exc:
        problem = translate("PlanFile", "cannot read it ({reason})").format(
            reason=exc.strerror or exc
        )
        raise DataError(shown, None, "", problem) from None
    if len(data) > MAX_FILE_BYTES:
        problem = translate("PlanFile", "too big for a plan file (more than {kb} KB)").format(
            kb=MAX_FILE_BYTES // 1024
        )
        raise DataError(shown, None, "", problem)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\0" in text:
        raise DataError(shown, None, "", translate("PlanFile", "not a plan file (binary data)"))
    return read_plan_text(text, program, shown)


class _PlanReader(Reader):
    """program.yaml's reader, except that a date written plainly (2026-11-09) stays text."""

    def _convert(self, node: yaml.Node, field: str) -> Node:
        import yaml

        if isinstance(node, yaml.ScalarNode) and node.tag == _TIMESTAMP:
            return Node(node.value, node.start_mark.line + 1, field or "(top level)")
        return super()._convert(node, field)


def read_plan_text(text: str, program: Program, shown_name: str = "plan.yaml") -> Plan:
    r = _PlanReader(text, shown_name)
    root = r.read()
    if not isinstance(root.value, dict) or (
        "kind" in root.value and root.value["kind"].value != KIND
    ):
        raise r.error(root, translate("PlanFile", "not a BackCompanion plan file"))
    if "kind" not in root.value:
        raise r.error(
            root,
            translate("PlanFile", "not a BackCompanion plan file (no line 'kind: {kind}')").format(
                kind=KIND
            ),
        )
    top = r.mapping(root, _TOP, _TOP_OPTIONAL)
    r.integer(top["version"], 1, 1)
    known = {e.id: e for e in main_exercises(program)}
    items = []
    for node in r.seq(top["exercises"], min_len=1):
        items.append(_item(r, node, known))
    plan = Plan(
        exercises=tuple(items),
        days_per_week=r.integer(top["days_per_week"], *LIMITS["days_per_week"]),
        breathing=_choice(r, top.get("breathing"), (OWN, *PATTERNS), OWN),
        breaths=_own_or_int(r, top.get("breaths"), "breaths"),
        strengthening=_choice(r, top.get("strengthening"), (GATE, UNLOCKED), GATE),
        note=_text(r, top.get("note"), MAX_NOTE),
        prescribed_by=_text(r, top.get("prescribed_by"), MAX_NAME),
        prescribed_on=_date(r, top.get("prescribed_on")),
    )
    problems = check_plan(plan, program)
    if problems:  # what the types allow but the plan does not (order, twice, low above high)
        first = problems[0]
        node = _node_for(top, first.field)
        raise r.error(node, first.text, field=first.field)
    return plan


def _item(r: Reader, node: Node, known: dict) -> PlanExercise:
    m = r.mapping(node, _ITEM, _ITEM_OPTIONAL)
    ex_id = r.text(m["id"], 41)
    ex = known.get(ex_id)
    if ex is None:
        problem = translate("PlanFile", "no exercise '{id}' in the program (known: {ids})").format(
            id=ex_id, ids=", ".join(known)
        )
        raise r.error(m["id"], problem)
    hold = r.seq(m["hold_s"])
    if len(hold) != 2:
        raise r.error(m["hold_s"], translate("PlanFile", "expected [shortest, longest] in seconds"))
    low, high = (r.integer(h, *LIMITS["hold_s"]) for h in hold)
    if low > high:
        problem = translate(
            "PlanFile", "the shortest hold ({low} s) is above the longest ({high} s)"
        )
        raise r.error(m["hold_s"], problem.format(low=low, high=high))
    sides = _choice(r, m.get("sides"), (BOTH, FIRST, SECOND), BOTH)
    if sides != BOTH and not ex.per_side:
        raise r.error(
            m["sides"], translate("PlanFile", "this exercise has no sides: leave it at both")
        )
    easier = r.boolean(m["easier"]) if "easier" in m else True
    return PlanExercise(
        id=ex_id,
        hold_s=(low, high),
        reps=r.integer(m["reps"], *LIMITS["reps"]),
        sides=sides,
        rest_s=_own_or_int(r, m.get("rest_s"), "rest_s"),
        easier=easier,
        note=_text(r, m.get("note"), MAX_NOTE),
    )


def _choice(r: Reader, node: Node | None, allowed: tuple[str, ...], default: str) -> str:
    if node is None:
        return default
    value = r.text(node, 40)
    if value not in allowed:
        problem = translate("PlanFile", "use one of: {names}").format(names=", ".join(allowed))
        raise r.error(node, problem)
    return value


def _own_or_int(r: Reader, node: Node | None, limit: str) -> int | None:
    if node is None or node.value == OWN:
        return None
    return r.integer(node, *LIMITS[limit])


def _text(r: Reader, node: Node | None, limit: int) -> str:
    return "" if node is None else r.text(node, limit, allow_empty=True)


def _date(r: Reader, node: Node | None) -> date | None:
    if node is None or node.value in (None, ""):
        return None
    if isinstance(node.value, date):
        return node.value
    if isinstance(node.value, str):
        try:
            return date.fromisoformat(node.value)
        except ValueError:
            pass
    raise r.error(node, translate("PlanFile", "expected a date like 2026-01-31"))


def _node_for(top: dict, where: str) -> Node | None:
    """The node a problem's field names, for its line (the list itself when not found)."""
    head, _, rest = where.partition(".")
    if head.startswith("exercises["):
        items = top["exercises"].value
        index = int(head[len("exercises[") : -1])
        item = items[index] if index < len(items) else None
        if item is not None and rest in item.value:
            return item.value[rest]
        return item or top["exercises"]
    return top.get(head, top["exercises"])


# ---- writing -----------------------------------------------------------------------------


def plan_to_data(plan: Plan) -> dict:
    """The plan as plain data, in the file's shape (JSON and YAML)."""
    data: dict = {
        "version": 1,
        "kind": KIND,
        "prescribed_by": plan.prescribed_by,
        "prescribed_on": plan.prescribed_on.isoformat() if plan.prescribed_on else "",
        "days_per_week": plan.days_per_week,
        "breathing": plan.breathing,
        "breaths": OWN if plan.breaths is None else plan.breaths,
        "strengthening": plan.strengthening,
        "note": plan.note,
        "exercises": [],
    }
    for item in plan.exercises:
        data["exercises"].append(
            {
                "id": item.id,
                "hold_s": list(item.hold_s),
                "reps": item.reps,
                "sides": item.sides,
                "rest_s": OWN if item.rest_s is None else item.rest_s,
                "easier": item.easier,
                "note": item.note,
            }
        )
    return data


def plan_to_yaml(plan: Plan) -> str:
    head = (
        "# A BackCompanion plan: the home program as a therapist set it for one person.\n"
        "# hold_s is [shortest, longest] in seconds; reps counts repeats per side;\n"
        "# 'own' means the person's own setting.\n"
    )
    import yaml

    body = yaml.safe_dump(
        plan_to_data(plan), sort_keys=False, allow_unicode=True, width=88, default_flow_style=None
    )
    return head + body


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_data(plan), ensure_ascii=False, sort_keys=False)


def plan_from_json(text: str, program: Program) -> Plan:
    """A plan stored by the history (JSON is YAML): the same checks as a file."""
    return read_plan_text(text, program, "history")


def write_plan_file(plan: Plan, path: Path) -> Path:
    """Write ``plan`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(plan_to_yaml(plan), encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


# ---- the numbers of resources/plan.yaml ------------------------------------------------------


@cache
def load_plan_settings() -> PlanSettings:
    r = Reader(resources.read_text("plan.yaml"), "plan.yaml")
    top = r.mapping(r.read(), {"version", "plan", "psfs"})
    r.integer(top["version"], 1, 1)
    p = r.mapping(top["plan"], {"standard_days_per_week"})
    s = r.mapping(
        top["psfs"],
        {"max_activities", "every_days", "important_change_mean", "important_change_single"},
    )
    return PlanSettings(
        standard_days_per_week=r.integer(p["standard_days_per_week"], 1, 7),
        psfs_max=r.integer(s["max_activities"], 1, 5),
        psfs_every_days=r.integer(s["every_days"], 1, 90),
        psfs_change_mean=r.number(s["important_change_mean"], 0, 10),
        psfs_change_single=r.number(s["important_change_single"], 0, 10),
    )
