"""The safety texts: the shipped file loads, has the 16 red flags in order with their levels."""

from __future__ import annotations

import pytest

from backcompanion import resources
from backcompanion.program.safety import (
    FLAG_COUNT,
    FLAG_IDS,
    MAX_LABEL,
    MAX_TEXT,
    DataError,
    Level,
    load_safety,
    load_safety_text,
)

SHIPPED = resources.read_text("safety.yaml")


def test_shipped_file_loads():
    text = load_safety()
    assert text is load_safety()  # read once
    assert text.disclaimer.title and text.disclaimer.text and text.disclaimer.ask_first
    assert text.see_clinician.title and text.see_clinician.text and text.see_clinician.cleared
    assert text.red_flag_check.none
    assert text.daily_check.none and text.daily_check.question
    assert "emergency" in text.emergency.text and text.urgent.text and text.flare_up.seek_help


def test_sixteen_flags_numbered_in_order_with_the_issues_ids():
    flags = load_safety().red_flags
    assert FLAG_COUNT == 16
    assert [f.number for f in flags] == list(range(1, 17))
    assert tuple(f.id for f in flags) == FLAG_IDS
    assert load_safety().flag(3) is flags[2]
    assert load_safety().flags([6, 1]) == (flags[0], flags[5])
    with pytest.raises(KeyError):
        load_safety().flag(17)
    with pytest.raises(KeyError):
        load_safety().flags([0])


def test_each_flag_has_the_level_of_issue_14():
    s = load_safety()
    levels = {f.id: f.level for f in s.red_flags}
    emergency = {"saddle_numbness", "bladder_bowel_sexual", "both_legs", "leg_weakness"}
    urgent = {"fever_unwell", "belly_pain", "injury", "chest_upper_back", "weight_loss"}
    assert {i for i, lv in levels.items() if lv is Level.EMERGENCY} == emergency
    assert {i for i, lv in levels.items() if lv is Level.URGENT} == urgent
    assert {f.id for f in s.red_flags if f.lifelong} == {
        "cancer_history",
        "osteoporosis",
        "steroids",
        "first_over_50",
    }
    assert {f.id for f in s.daily_flags()} == emergency | urgent


def test_each_flag_cites_its_source_in_a_comment():
    lines = SHIPPED.splitlines()
    for flag_id in FLAG_IDS:
        (line,) = [row for row in lines if row.strip().startswith(f"id: {flag_id}")]
        assert "# [" in line, flag_id


def test_the_stop_page_says_what_the_issue_says():
    s = load_safety()
    assert s.emergency.text == (
        "Stop. Call your local emergency number or go to an emergency department now."
    )


def test_texts_are_short_and_plain():
    text = load_safety()
    for f in text.red_flags:
        assert 0 < len(f.label) <= MAX_LABEL
        assert 0 < len(f.text) <= 160, f.id
        assert "\n" not in f.text
        assert f.text.endswith(".")
        assert f.title.startswith(f"{f.number}. ")
    for part in (text.disclaimer.text, text.disclaimer.ask_first, text.see_clinician.text):
        assert len(part) <= MAX_TEXT


def test_texts_keep_the_facts():
    """The numbers and the framing of program-facts.md, restated."""
    text = load_safety()
    d = text.disclaimer.full_text.lower()
    assert "self-care" in d and "diagnose" in d and "prescribe" in d
    assert "4 to 6 weeks" in text.by_id("not_improving").text
    assert "4 to 6 weeks" in text.no_improvement.text
    assert "physical therapist" in text.no_improvement.text
    assert "osteoporosis" in text.by_id("osteoporosis").text
    assert "cancer" in text.by_id("cancer_history").text
    assert "weight" in text.by_id("weight_loss").text


def _edit(old: str, new: str) -> str:
    assert old in SHIPPED
    return SHIPPED.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_edit("  - number: 7\n", "  - number: 17\n"), "red_flags[6].number: 17 is out of range"),
        (_edit("  - number: 2\n", "  - number: 3\n"), "red_flags[1].number: number the red"),
        (
            _edit("    id: injury  #", "    id: worsening  #"),
            "red_flags[6].id: red flag 7 must have the id 'injury'",
        ),
        (
            _edit("    level: urgent\n", "    level: soon\n"),
            "red_flags[4].level: the level must be one of emergency, urgent, see_clinician",
        ),
        (
            _edit("    id: fever_unwell", "    lifelong: true\n    id: fever_unwell"),
            "red_flags[4].lifelong: only a see_clinician flag can be lifelong",
        ),
        (_edit("  title: Before you start\n", ""), "disclaimer.title: this key is missing"),
        (_edit("    label: A fall or injury\n", "    label: ''\n"), "label: must not be empty"),
        (_edit("    id: injury  #", "    id: Injury!  #"), "red_flags[6].id: use lower-case"),
    ],
)
def test_mistakes_name_the_line_and_field(text, expected):
    with pytest.raises(DataError) as err:
        load_safety_text(text, "safety.yaml")
    assert expected in str(err.value)
    assert str(err.value).startswith("safety.yaml:")


def test_a_missing_flag_is_reported():
    start = SHIPPED.index("  - number: 16\n")
    end = SHIPPED.index("\nemergency:")
    with pytest.raises(DataError, match="expected exactly 16 red flags, found 15"):
        load_safety_text(SHIPPED[:start] + SHIPPED[end:])
