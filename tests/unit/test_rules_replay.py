"""``backcompanion rules replay``: each scenario in docs/scenarios gives its lines (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backcompanion.cli import main

SCENARIOS = Path(__file__).resolve().parents[2] / "docs" / "scenarios"
NAMES = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))


def run(capsys, path: Path) -> tuple[int, list[str], str]:
    rc = main(["rules", "replay", str(path)])
    out, err = capsys.readouterr()
    return rc, out.splitlines(), err


def test_there_are_enough_scenarios():
    assert len(NAMES) >= 8
    for name in NAMES:
        assert (SCENARIOS / f"{name}.jsonl").is_file(), name


@pytest.mark.parametrize("name", NAMES)
def test_scenario_gives_its_expected_output(capsys, name):
    rc, lines, err = run(capsys, SCENARIOS / f"{name}.yaml")
    assert (rc, err) == (0, "")
    expected = (SCENARIOS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines] == [json.loads(x) for x in expected]


def test_every_screen_is_covered():
    screens = set()
    for name in NAMES:
        for line in (SCENARIOS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            screens.add(json.loads(line)["screen"])
    assert screens == {"session", "flare_up", "emergency", "urgent", "see_clinician"}


GOOD = "start: 2026-03-02\nsessions:\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD + "  - {day: 1, opening: 11, closing: 2}\n",
            "session 1: opening: must be a whole number 0-10, not 11",
        ),
        (
            GOOD + "  - {day: 0, opening: 2}\n",
            "session 1: day: must be a whole number 1-100000, not 0",
        ),
        (
            GOOD
            + "  - {day: 1, opening: 2, closing: 2}\n"
            + "  - {day: 2, opening: 2, new_today: [sadle]}\n",
            "session 2: new_today: unknown red-flag id 'sadle'",
        ),
        (
            GOOD + "  - {day: 1, opening: 2, hurts: [{exercise: plonk, rating: 7}]}\n",
            "session 1: hurts: unknown exercise 'plonk'",
        ),
        (
            GOOD + "  - {day: 1, opening: 2, hurts: [{exercise: plank, rating: 7}]}\n",
            "session 1: hurts: 'plank' was not offered in that session",
        ),
        (
            GOOD + "  - {day: 1, opening: 2, stretch_done: 1.5}\n",
            "session 1: stretch_done: must be a share 0-1, not 1.5",
        ),
        (GOOD + "  - {day: 1, opening: 2, pain: 3}\n", "session 1: unknown field 'pain'"),
        (
            GOOD + "  - {day: 1, opening: 2}\nchecks:\n  - {day: 1, ticked: [fever]}\n",
            "check 1: ticked: unknown red-flag id 'fever'",
        ),
        ("start: March\nsessions: []\n", "start: must be a date, YYYY-MM-DD"),
        ("start: 2026-03-02\nsessions: [\n", "not valid YAML"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(capsys, tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    rc, lines, err = run(capsys, path)
    assert rc == 2
    assert lines == []
    assert len(err.splitlines()) == 1
    assert message in err
    assert str(path) in err


def test_a_missing_file_is_one_line(capsys, tmp_path):
    rc, lines, err = run(capsys, tmp_path / "nowhere.yaml")
    assert rc == 2 and lines == [] and len(err.splitlines()) == 1


def test_a_press_above_the_limit_in_strengthening_keeps_it_offered(tmp_path):
    from backcompanion.report.replay import replay

    days = [1, 3, 5, 6, 7, 8]
    sessions = [{"day": d, "opening": 2, "closing": 1} for d in days]
    sessions.append(
        {"day": 9, "opening": 2, "hurts": [{"exercise": "plank", "rating": 7}], "closing": 3}
    )
    checks = [{"day": 1, "ticked": [], "cleared": []}, {"day": 8, "ticked": [], "cleared": []}]
    last = list(replay({"start": "2026-03-02", "sessions": sessions, "checks": checks}))[-1]
    assert last["gate_open"] is True
    assert "strength" in last["offered"]
    assert "plank" in last["holds"]
    assert last["advice"][:2] == ["hurt_stop:plank", "hurt_too_much:plank"]
    assert "no_strength_today" not in last["advice"]
