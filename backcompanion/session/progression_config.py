"""The numbers of the progression and safety rules, read from ``progression.yaml``.

Each group of the file is a frozen dataclass; each number is a field whose
metadata gives the range a hand-edited value may take. The loader walks the
dataclasses, so a field added here is read, range-checked and required in the
YAML without more code. Mistakes come back as one-line
:class:`~backcompanion.program.yamlcheck.DataError` messages
("progression.yaml:LINE: field.path: problem").
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from pathlib import Path

from backcompanion import resources
from backcompanion.program.yamlcheck import DataError, Node, Reader, read_file

__all__ = [
    "DataError",
    "DayPlanRules",
    "FlareUpRules",
    "GateRules",
    "HoldRules",
    "NudgeRules",
    "RedFlagRules",
    "RepsRule",
    "Rules",
    "load_rules",
    "load_rules_text",
]

SHOWN_NAME = "progression.yaml"


def _allowed(lo: float, hi: float):
    """A required field whose hand-edited value must lie in ``lo..hi``."""
    return field(metadata={"range": (lo, hi)})


@dataclass(frozen=True)
class FlareUpRules:
    closing_rise: int = _allowed(1, 10)
    opening_rise_vs_previous: int = _allowed(1, 10)


@dataclass(frozen=True)
class DayPlanRules:
    breathing_only_from: int = _allowed(1, 10)
    stretch_only_from: int = _allowed(1, 10)


@dataclass(frozen=True)
class GateRules:
    min_sessions: int = _allowed(1, 100)
    min_span_days: int = _allowed(1, 365)
    recent_sessions: int = _allowed(1, 100)
    recent_days: int = _allowed(1, 60)
    low_pain_mean: float = _allowed(0, 10)
    mean_of_last: int = _allowed(1, 30)
    baseline_sessions: int = _allowed(1, 30)
    improvement_points: float = _allowed(0.5, 10)
    improvement_fraction: float = _allowed(0.05, 1.0)
    no_flare_hours: int = _allowed(0, 30 * 24)
    rise_points: int = _allowed(1, 10)
    rise_window: int = _allowed(2, 30)
    red_flag_check_days: int = _allowed(1, 90)


@dataclass(frozen=True)
class HoldRules:
    sessions_in_a_row: int = _allowed(1, 30)
    max_closing_pain: int = _allowed(0, 10)
    hurt_freeze_sessions: int = _allowed(0, 30)


@dataclass(frozen=True)
class RepsRule:
    numerator: int = _allowed(1, 1000)
    min: int = _allowed(1, 100)
    max: int = _allowed(1, 100)


@dataclass(frozen=True)
class RedFlagRules:
    recheck_days: int = _allowed(1, 90)


@dataclass(frozen=True)
class NudgeRules:
    first_weeks: int = _allowed(1, 52)
    plain_weeks: int = _allowed(1, 52)
    window_days: int = _allowed(1, 60)
    repeat_days: int = _allowed(1, 60)
    plain_repeat_days: int = _allowed(0, 60)
    worsening_points: float = _allowed(0.5, 10)


@dataclass(frozen=True)
class Rules:
    complete_share: float = _allowed(0.1, 1.0)  # see session.completion
    too_much: int = _allowed(0, 9)  # a rating above it is too much; 10 could never be above 10
    flare_up: FlareUpRules
    day_plan: DayPlanRules
    gate: GateRules
    holds: HoldRules
    childs_pose_reps: RepsRule
    red_flags: RedFlagRules
    nudge: NudgeRules


def load_rules(path: Path | str | None = None) -> Rules:
    """The rules from ``path``, or the built-in ``progression.yaml`` when None."""
    if path is None:
        reader, root = read_file(resources.path(SHOWN_NAME), SHOWN_NAME)
    else:
        reader, root = read_file(Path(path))
    return _rules(reader, root)


def load_rules_text(text: str, shown_name: str = SHOWN_NAME) -> Rules:
    reader = Reader(text, shown_name)
    return _rules(reader, reader.read())


def _rules(r: Reader, root: Node) -> Rules:
    nodes: dict[str, Node] = {}
    rules = _group(r, root, Rules, nodes)
    _check_consistent(r, nodes)
    return rules


def _group(r: Reader, node: Node, cls: type, nodes: dict[str, Node]):
    """Read one mapping into ``cls`` key by key, remembering each value's node for later errors."""
    hints = typing.get_type_hints(cls)
    members = dataclasses.fields(cls)
    mapping = r.mapping(node, {f.name for f in members})
    values = {}
    for f in members:
        sub, kind = mapping[f.name], hints[f.name]
        if dataclasses.is_dataclass(kind):
            values[f.name] = _group(r, sub, kind, nodes)
            continue
        lo, hi = f.metadata["range"]
        values[f.name] = r.integer(sub, lo, hi) if kind is int else r.number(sub, lo, hi)
        nodes[sub.field] = sub
    return cls(**values)


def _check_consistent(r: Reader, nodes: dict[str, Node]) -> None:
    """Values that are each in range but contradict one another."""
    must_not_exceed = [
        ("childs_pose_reps.min", "childs_pose_reps.max", ""),
        (
            "day_plan.stretch_only_from",
            "day_plan.breathing_only_from",
            ": a higher rating would allow more exercise",
        ),
        ("gate.recent_sessions", "gate.min_sessions", ": the recent ones are part of them"),
        ("nudge.first_weeks", "nudge.plain_weeks", ": the plain message would come first"),
        (
            "red_flags.recheck_days",
            "gate.red_flag_check_days",
            ": the gate would close before the questions are asked again",
        ),
    ]
    for low_name, high_name, why in must_not_exceed:
        low, high = nodes[low_name], nodes[high_name]
        if low.value > high.value:
            raise r.error(low, f"{low.value} is above {high_name} ({high.value}){why}")
