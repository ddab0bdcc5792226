"""The safety texts: the shipped file loads, has the 7 red flags in order, and stays short."""

from __future__ import annotations

import pytest

from backcompanion import resources
from backcompanion.program.safety import (
    FLAG_COUNT,
    MAX_LABEL,
    MAX_TEXT,
    DataError,
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


def test_exactly_seven_flags_numbered_one_to_seven():
    flags = load_safety().red_flags
    assert FLAG_COUNT == 7
    assert [f.number for f in flags] == [1, 2, 3, 4, 5, 6, 7]
    assert len({f.id for f in flags}) == 7
    assert load_safety().flag(3) is flags[2]
    assert load_safety().flags([6, 1]) == (flags[0], flags[5])
    with pytest.raises(KeyError):
        load_safety().flag(8)
    with pytest.raises(KeyError):
        load_safety().flags([0])


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
    assert "4 to 6 weeks" in text.flag(1).text
    assert "4 to 6 weeks" in text.no_improvement.text
    assert "physical therapist" in text.no_improvement.text
    assert "osteoporosis" in text.flag(6).text and "cancer" in text.flag(6).text
    assert "weight" in text.flag(7).text


def _edit(old: str, new: str) -> str:
    assert old in SHIPPED
    return SHIPPED.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_edit("  - number: 7\n", "  - number: 8\n"), "red_flags[6].number: 8 is out of range"),
        (_edit("  - number: 2\n", "  - number: 3\n"), "red_flags[1].number: number the red"),
        (_edit("    id: injury\n", "    id: worsening\n"), "red_flags[3].id: the id 'worsening'"),
        (_edit("  title: Before you start\n", ""), "disclaimer.title: this key is missing"),
        (_edit("    label: A recent injury\n", "    label: ''\n"), "label: must not be empty"),
        (_edit("    id: injury\n", "    id: Injury!\n"), "red_flags[3].id: use lower-case"),
    ],
)
def test_mistakes_name_the_line_and_field(text, expected):
    with pytest.raises(DataError) as err:
        load_safety_text(text, "safety.yaml")
    assert expected in str(err.value)
    assert str(err.value).startswith("safety.yaml:")


def test_a_missing_flag_is_reported():
    start = SHIPPED.index("  - number: 7\n")
    end = SHIPPED.index("\nsee_clinician:")
    with pytest.raises(DataError, match="expected exactly 7 red flags, found 6"):
        load_safety_text(SHIPPED[:start] + SHIPPED[end:])
