"""The poses file is checked key by key; a mistake names the file, the line and the field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from backcompanion.figure import builtin_figures, load_figures, load_figures_file
from backcompanion.figure.model import PARTS
from backcompanion.figure.poses import MAX_BYTES
from backcompanion.program.loader import builtin_program_english
from backcompanion.program.yamlcheck import DataError

GOOD = textwrap.dedent(
    """\
    version: 1
    figures:
      - id: lying
        exercise: pelvic_tilt
        description: Lying on the back.
        accent: [pelvis, near_leg]
        props: {mat: [-80, 80], wall: {x: -60, side: left}}
        arrow: sacrum
        poses:
          start:
            hip: [0, 11]
            torso: 0
            near_arm: {shoulder: 10, elbow: 0, wrist: 0}
            far_arm: {shoulder: 10, elbow: 0, wrist: 0}
            near_leg: {hip: 40, knee: 80, ankle: 0}
            far_leg: {hip: 40, knee: 80, ankle: 0}
            contacts: {back: floor, near_sole: floor}
          stretch:
            hip: [0, 11]
            torso: 0
            pelvis: 10
            near_arm: {shoulder: 10, elbow: 0, wrist: 0, shown: 0.5, rests_on: belly}
            far_arm: {shoulder: 10, elbow: 0, wrist: 0}
            near_leg: {hip: 40, knee: 80, ankle: 0, shin_shown: 0.6}
            far_leg: {hip: 40, knee: 80, ankle: 0}
    """
)


def load(text: str, exercises=None):
    return load_figures(text, "poses.yaml", exercises)


def test_a_good_file_reads_into_frozen_figures():
    book = load(GOOD)
    fig = book.get("lying")
    assert fig.exercise == "pelvic_tilt" and fig.moves and fig.via is None
    assert fig.accent == {"pelvis", "near_thigh", "near_shin", "near_foot"}
    assert fig.props.wall == -60 and fig.props.wall_side == -1 and fig.props.mat == (-80, 80)
    assert fig.key("start").contact_map() == {"back": "floor", "near_sole": "floor"}
    assert fig.key("stretch").pose.near_arm.on == "belly"
    assert fig.key("stretch").pose.near_leg.shin_shown == 0.6
    assert book.for_exercise("pelvic_tilt") == (fig,)
    with pytest.raises(AttributeError):
        fig.id = "other"  # frozen
    with pytest.raises(KeyError):
        book.get("nope")
    with pytest.raises(KeyError):
        fig.key("release")


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "problem"),
    [
        ("version: 1", "version: 2", 1, "version", "out of range"),
        ("  - id: lying", "  - id: Lying", 3, "id", "lower-case"),
        ("Lying on the back.", "''", 5, "description", "must not be empty"),
        ("[pelvis, near_leg]", "[tail]", 6, "accent[0]", "not a body part"),
        ("mat: [-80, 80]", "mat: [80, -80]", 7, "props.mat", "must end to the right"),
        ("side: left", "side: up", 7, "props.wall.side", "must be left or right"),
        ("arrow: sacrum", "arrow: elbow", 8, "arrow", "not a joint"),
        ("hip: [0, 11]", "hip: [0]", 11, "poses.start.hip", "expected [x, y]"),
        ("torso: 0", "torso: 900", 12, "poses.start.torso", "out of range"),
        ("knee: 80", "knee: 200", 15, "poses.start.near_leg.knee", "out of range"),
        ("knee: 80", "knee: bent", 15, "near_leg.knee", "expected a number"),
        ("near_sole: floor", "near_sole: ceiling", 17, "contacts.near_sole", "must be one of"),
        ("near_sole: floor", "near_sole: chair", 17, "contacts.near_sole", "no chair"),
        ("near_sole: floor", "tail: floor", 17, "contacts.tail", "unknown key"),
        ("rests_on: belly", "rests_on: knee", 22, "near_arm.rests_on", "belly or the chest"),
        ("shown: 0.5", "shown: 5", 22, "poses.stretch.near_arm.shown", "out of range"),
    ],
)
def test_mistakes_name_the_line_and_the_field(old, new, line, field, problem):
    text = GOOD.replace(old, new, 1)
    assert text != GOOD, "the mutation did not apply"
    with pytest.raises(DataError) as err:
        load(text)
    message = str(err.value)
    assert message.startswith(f"poses.yaml:{line}: {'' if line == 1 else 'figures[0].'}"), message
    assert field in message and problem in message, message
    assert (err.value.file, err.value.line) == ("poses.yaml", line)


def test_paint_order_and_a_turning_arrow_can_be_asked_for():
    layers = "    layers: [far_arm, body, near_arm, far_leg, near_leg]\n    poses:"
    fig = load(GOOD.replace("arrow: sacrum", "arrow: pelvis").replace("    poses:", layers)).get(
        "lying"
    )
    assert fig.arrow == "pelvis"
    assert fig.layers == ("far_arm", "body", "near_arm", "far_leg", "near_leg")
    assert load(GOOD).get("lying").layers == ("far_arm", "far_leg", "body", "near_leg", "near_arm")
    with pytest.raises(DataError, match=r"poses\.yaml:9: figures\[0\]\.layers: list each of"):
        load(GOOD.replace("    poses:", "    layers: [body, body]\n    poses:"))


def test_a_release_pose_needs_a_stretch_and_ids_are_unique():
    no_stretch = GOOD.replace("      stretch:", "      release:")
    with pytest.raises(DataError, match="a release pose needs a stretch pose"):
        load(no_stretch)
    body = GOOD.split("figures:\n", 1)[1]
    with pytest.raises(DataError, match="the id 'lying' is used twice"):
        load(GOOD + body)


def test_the_start_pose_is_required_and_unknown_keys_are_refused():
    with pytest.raises(DataError, match=r"poses\.begin: unknown key \(allowed: release"):
        load(GOOD.replace("      start:", "      begin:"))
    with pytest.raises(DataError, match=r"poses\.start: this key is missing"):
        load(
            GOOD.replace("      start:", "      stretch:", 1).replace(
                "      stretch:\n        hip: [0, 11]\n        torso: 0\n        pelvis",
                "      release:\n        hip: [0, 11]\n        torso: 0\n        pelvis",
            )
        )
    with pytest.raises(DataError, match=r"poses\.start\.tail: unknown key"):
        load(GOOD.replace("torso: 0", "torso: 0\n        tail: 3", 1))
    with pytest.raises(DataError, match=r"poses\.start\.near_arm\.wrist: this key is missing"):
        load(GOOD.replace(", wrist: 0}", "}", 1))


def test_exercise_ids_are_checked_against_the_program_when_given():
    names = {"pelvic_tilt": "Pelvic tilt", "bridge": "Bridge"}
    with pytest.raises(DataError, match=r"no figure for the exercise\(s\) bridge"):
        load(GOOD, names)
    with pytest.raises(DataError, match=r"poses\.yaml:4: .*exercise: the program has no exercise"):
        load(GOOD, {"bridge": "Bridge"})
    book = load(GOOD, {"pelvic_tilt": "Pelvic tilt"})
    assert book.get("lying").exercise_name == "Pelvic tilt"


def test_yaml_tricks_are_refused_like_in_the_program_file():
    aliased = GOOD.replace("near_arm: {", "near_arm: &a {", 1).replace(
        "far_arm: {shoulder: 10, elbow: 0, wrist: 0}", "far_arm: *a", 1
    )
    with pytest.raises(DataError, match="anchors and aliases"):
        load(aliased)
    with pytest.raises(DataError, match="not valid YAML"):
        load("version: [1\n")
    with pytest.raises(DataError, match="the file is empty"):
        load("")


def test_a_file_over_one_megabyte_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch):
    big = tmp_path / "poses.yaml"
    big.write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))
    parsed = []
    monkeypatch.setattr("backcompanion.figure.poses.Reader.read", lambda self: parsed.append(1))
    with pytest.raises(DataError, match=r"too large .* at most 1 MB"):
        load_figures_file(big, "poses.yaml")
    with pytest.raises(DataError, match="too large"):
        load("#" * (MAX_BYTES + 1))
    assert parsed == []


def test_unreadable_and_non_utf8_files_are_clear_errors(tmp_path: Path):
    with pytest.raises(DataError, match="cannot read the file"):
        load_figures_file(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"version: 1\n\xff\xfe\n")
    with pytest.raises(DataError, match=r"bad\.yaml:2: the file is not UTF-8"):
        load_figures_file(bad, "bad.yaml")


def test_the_shipped_file_draws_every_exercise_of_the_program():
    book = builtin_figures()
    program = builtin_program_english()
    for ex in program.exercises:
        figures = book.for_exercise(ex.id)
        assert figures, f"no figure for {ex.id}"
        assert all(f.exercise_name == ex.name for f in figures)
    assert {f.id for f in book.for_exercise("breathing_90_90")} == {
        "breathing_90_90_wall",
        "breathing_90_90_chair",
    }
    for fig in book.figures:
        assert fig.description.endswith(".") and len(fig.description) < 200
        assert fig.accent and fig.accent <= set(PARTS)
        assert fig.props.mat is not None
        assert fig.moves == (fig.exercise != "breathing_90_90")
    assert book.get("angry_cat").via == "release"
    assert builtin_figures() is builtin_figures()  # read once
