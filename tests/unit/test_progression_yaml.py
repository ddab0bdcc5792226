"""progression.yaml: the shipped numbers, and one clear line for each kind of mistake."""

from __future__ import annotations

import pytest

from backcompanion import resources
from backcompanion.session.progression_config import DataError, load_rules, load_rules_text

SHIPPED = resources.read_text("progression.yaml")
RED_FLAGS_GROUP = (
    "red_flags:\n"
    "  # ask the red-flag questions again after this many days [APP]\n"
    "  recheck_days: 7\n"
)


def test_the_shipped_file_holds_design_section_5():
    rules = load_rules()
    assert (rules.flare_up.closing_rise, rules.flare_up.opening_rise_vs_previous) == (2, 2)
    assert rules.too_much == 5  # one "above 5 is too much" line everywhere (issue 14)
    assert (rules.day_plan.breathing_only_from, rules.day_plan.stretch_only_from) == (7, 6)
    g = rules.gate
    assert rules.complete_share == 0.8
    assert (g.min_sessions, g.recent_sessions, g.recent_days) == (5, 3, 7)
    assert (g.low_pain_mean, g.mean_of_last, g.baseline_sessions) == (3, 3, 3)
    assert (g.improvement_points, g.improvement_fraction) == (2, 0.30)
    assert (g.no_flare_hours, g.red_flag_check_days) == (72, 7)
    assert (g.min_span_days, g.rise_points, g.rise_window) == (7, 2, 5)
    assert (rules.holds.sessions_in_a_row, rules.holds.max_closing_pain) == (2, 3)
    assert rules.holds.hurt_freeze_sessions == 2
    reps = rules.childs_pose_reps
    assert (reps.numerator, reps.min, reps.max) == (100, 3, 20)
    assert rules.red_flags.recheck_days == 7
    n = rules.nudge
    assert (n.first_weeks, n.plain_weeks, n.window_days, n.repeat_days) == (4, 6, 7, 7)
    assert (n.plain_repeat_days, n.worsening_points) == (1, 2)


def test_every_number_says_where_it_comes_from():
    """Each group of numbers sits under a comment naming its source."""
    lines = SHIPPED.splitlines()
    for i, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith("#") and ":" in line:
            key, value = (part.strip() for part in line.split(":", 1))
            if not value:
                continue  # a group heading
            comments = [c for c in lines[max(0, i - 4) : i] if c.lstrip().startswith("#")]
            assert any("[" in c for c in comments), f"line {i + 1} ({key}) has no source"


def test_the_rules_are_frozen():
    rules = load_rules()
    with pytest.raises(AttributeError):
        rules.gate.min_sessions = 1  # type: ignore[misc]


def _replace(old: str, new: str):
    def edit(text: str) -> str:
        assert text.count(old) == 1, old
        return text.replace(old, new)

    return edit


def _line_of(text: str, needle: str) -> int:
    (line,) = [i for i, row in enumerate(text.splitlines(), 1) if needle in row]
    return line


@pytest.mark.parametrize(
    ("edit", "field", "at_line", "problem"),
    [
        pytest.param(
            _replace("  min_sessions: 5\n", "  min_sessions: 5\n  max_sessions: 9\n"),
            "gate.max_sessions",
            "max_sessions: 9",
            "unknown key",
            id="unknown-key",
        ),
        pytest.param(
            _replace("too_much: 5\n", "too_much: 5\nstop_pain: 6\n"),
            "stop_pain",
            "stop_pain: 6",
            "unknown key",
            id="unknown-top-level-key",
        ),
        pytest.param(
            _replace("  min_sessions: 5\n", ""),
            "gate.min_sessions",
            "min_span_days:",  # the group's first line
            "this key is missing",
            id="missing-key",
        ),
        pytest.param(
            _replace(RED_FLAGS_GROUP, ""),
            "red_flags",
            "too_much:",
            "this key is missing",
            id="missing-group",
        ),
        pytest.param(
            _replace("min_sessions: 5", "min_sessions: five"),
            "gate.min_sessions",
            "min_sessions: five",
            "expected a whole number, found the text 'five'",
            id="text-for-a-number",
        ),
        pytest.param(
            _replace("recent_days: 7", "recent_days: 7.5"),
            "gate.recent_days",
            "recent_days: 7.5",
            "expected a whole number, found the number 7.5",
            id="fraction-for-a-whole-number",
        ),
        pytest.param(
            _replace("complete_share: 0.8", "complete_share: yes"),
            "complete_share",
            "complete_share: yes",
            "expected a number, found true",
            id="boolean-for-a-number",
        ),
        pytest.param(
            _replace(RED_FLAGS_GROUP, "red_flags: 7\n"),
            "red_flags",
            "red_flags: 7",
            "expected a mapping, found the number 7",
            id="number-for-a-group",
        ),
        pytest.param(
            _replace("improvement_fraction: 0.30", "improvement_fraction: 30"),
            "gate.improvement_fraction",
            "improvement_fraction: 30",
            "30 is out of range (0.05 to 1.0)",
            id="percent-for-a-fraction",
        ),
        pytest.param(
            _replace("closing_rise: 2", "closing_rise: 11"),
            "flare_up.closing_rise",
            "closing_rise: 11",
            "11 is out of range (1 to 10)",
            id="rating-out-of-range",
        ),
        pytest.param(
            _replace("  min: 3\n", "  min: 25\n"),
            "childs_pose_reps.min",
            "min: 25",
            "25 is above childs_pose_reps.max (20)",
            id="min-above-max",
        ),
        pytest.param(
            _replace("recent_sessions: 3", "recent_sessions: 6"),
            "gate.recent_sessions",
            "recent_sessions: 6",
            "6 is above gate.min_sessions (5)",
            id="recent-above-total",
        ),
        pytest.param(
            _replace("first_weeks: 4", "first_weeks: 8"),
            "nudge.first_weeks",
            "first_weeks: 8",
            "8 is above nudge.plain_weeks (6): the plain message would come first",
            id="suggest-after-plain",
        ),
        pytest.param(
            _replace("recheck_days: 7", "recheck_days: 10"),
            "red_flags.recheck_days",
            "recheck_days: 10",
            "the gate would close before the questions are asked again",
            id="recheck-after-the-gate-closes",
        ),
        pytest.param(
            _replace("too_much: 5", "too_much: !!python/object/apply:os.system [ls]"),
            "too_much",
            "too_much: !!python",
            "the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
            id="python-tag",
        ),
        pytest.param(
            _replace("  max: 20\n", "  max: 20\n  max: 30\n"),
            "childs_pose_reps.max",
            "max: 30",
            "this key appears twice",
            id="key-twice",
        ),
    ],
)
def test_each_mistake_gives_one_line_naming_file_line_and_field(edit, field, at_line, problem):
    text = edit(SHIPPED)
    with pytest.raises(DataError) as caught:
        load_rules_text(text)
    err = caught.value
    line = _line_of(text, at_line)
    assert (err.file, err.line, err.field) == ("progression.yaml", line, field)
    assert problem in err.problem
    assert str(err).startswith(f"progression.yaml:{line}: {field}: ")
    assert "\n" not in str(err)


def test_a_file_elsewhere_loads_and_its_mistakes_name_its_path(tmp_path):
    path = tmp_path / "tuned.yaml"
    path.write_text(SHIPPED.replace("no_flare_hours: 72", "no_flare_hours: 48"), encoding="utf-8")
    assert load_rules(path).gate.no_flare_hours == 48
    path.write_text(SHIPPED.replace("too_much: 5", "too_much: 10"))
    with pytest.raises(DataError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(f"{path}:")
    assert caught.value.field == "too_much"


def test_an_empty_or_broken_file_is_one_line_too():
    with pytest.raises(DataError, match=r"^progression\.yaml:1: the file is empty$"):
        load_rules_text("")
    with pytest.raises(DataError, match=r"^progression\.yaml:\d+: not valid YAML"):
        load_rules_text("gate: [1, 2\n")
