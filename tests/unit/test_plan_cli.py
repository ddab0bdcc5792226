"""`backcompanion plan ...`: show, export, import with its differences, previous, standard."""

from __future__ import annotations

import json

import pytest
from test_plan import PHASES, PROGRAM, tailored

from backcompanion import cli, prescription
from backcompanion.history import Store
from backcompanion.history.schema import DB_NAME
from backcompanion.program.plan_file import plan_to_yaml, write_plan_file


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def plans_stored(folder):
    if not (folder / DB_NAME).exists():
        return None
    with Store.open(folder, phases=PHASES) as store:
        return [(r.source, r.body) for r in store.plans()]


def test_show_and_export_the_standard_program_without_making_a_history(tmp_path, capsys):
    data = tmp_path / "data"
    code, out, _ = run(capsys, "plan", "show", "--data-dir", str(data))
    assert code == 0 and out.startswith("Plan in force: the standard program")
    assert " 3. Hamstring stretch: hold 5-10 s, 20 repeats, both sides, own rest" in out
    code, out, _ = run(capsys, "plan", "show", "--json", "--data-dir", str(data))
    shown = json.loads(out)
    assert shown["standard"] and shown["changes_from_standard"] == []
    assert shown["plan"]["exercises"][0] == {
        "id": "angry_cat",
        "hold_s": [5, 5],
        "reps": 20,
        "sides": "both",
        "rest_s": "own",
        "easier": True,
        "note": "",
    }
    code, out, _ = run(
        capsys, "plan", "export", "--out", str(tmp_path / "p.yaml"), "--data-dir", str(data)
    )
    assert code == 0 and "hold_s: [5, 10]" in (tmp_path / "p.yaml").read_text()
    assert not data.exists()


def test_import_prints_the_differences_applies_and_previous_undoes_it(tmp_path, capsys):
    data = tmp_path / "data"
    file = write_plan_file(tailored(), tmp_path / "from-the-clinic.yaml")
    code, out, _ = run(capsys, "plan", "import", str(file), "--dry-run", "--data-dir", str(data))
    assert code == 0
    assert "Hamstring stretch: hold: 5-10 s → 8-12 s" in out and "Dry run" in out
    assert plans_stored(data) is None  # a dry run writes nothing, not even a new history

    code, out, _ = run(capsys, "plan", "import", str(file), "--data-dir", str(data))
    assert code == 0 and "days per week: 5 → 3" in out
    code, out, _ = run(capsys, "plan", "show", "--json", "--data-dir", str(data))
    shown = json.loads(out)
    assert not shown["standard"] and shown["source"] == "file"
    assert "strengthening: waits for the gate → unlocked now" in shown["changes_from_standard"]

    code, out, _ = run(capsys, "plan", "import", str(file), "--data-dir", str(data))
    assert "No differences from the plan in force." in out

    code, out, _ = run(capsys, "plan", "previous", "--data-dir", str(data))
    assert code == 0 and out.strip() == "Back to the plan before."
    code, out, _ = run(capsys, "plan", "previous", "--data-dir", str(data))
    with Store.open(data, phases=PHASES) as store:
        assert prescription.in_force(store, PROGRAM).plan == tailored()
    code, out, _ = run(capsys, "plan", "standard", "--data-dir", str(data))
    assert out.strip() == "The standard program is in force again."
    code, out, _ = run(capsys, "plan", "show", "--data-dir", str(data))
    assert out.startswith("Plan in force: the standard program (since ")


BAD = {
    "wrong type": ("reps: 4", "reps: four", "exercises[6].reps: expected a whole number"),
    "unknown exercise": ("id: bridge", "id: deadlift", "exercises[5].id: no exercise 'deadlift'"),
    "out of range": ("days_per_week: 3", "days_per_week: 8", "days_per_week: 8 is out of range"),
}


@pytest.mark.parametrize("case", [*BAD, "10 MB", "binary", "foreign", "missing"])
def test_a_bad_or_foreign_file_is_one_line_exit_2_and_nothing_changes(tmp_path, capsys, case):
    data = tmp_path / "data"
    file = write_plan_file(tailored(), tmp_path / "first.yaml")
    assert run(capsys, "plan", "import", str(file), "--data-dir", str(data))[0] == 0
    before = plans_stored(data)
    bad = tmp_path / "bad.yaml"
    if case in BAD:
        old, new, expected = BAD[case]
        bad.write_text(plan_to_yaml(tailored()).replace(old, new, 1), encoding="utf-8")
    elif case == "10 MB":
        bad.write_bytes(b"a" * (10 * 1024 * 1024))
        expected = "too big for a plan file"
    elif case == "binary":
        bad.write_bytes(bytes(range(256)) * 4)
        expected = "not a plan file (binary data)"
    elif case == "foreign":
        bad.write_text("version: 1\nexercises:\n- id: x\n", encoding="utf-8")
        expected = "not a BackCompanion plan file"
    else:
        bad = tmp_path / "nowhere.yaml"
        expected = "no such file"
    for argv in (("import", str(bad)), ("import", str(bad), "--dry-run")):
        code, out, err = run(capsys, "plan", *argv, "--data-dir", str(data))
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and err.startswith("backcompanion: ") and expected in err, err
    assert plans_stored(data) == before


def test_previous_without_an_earlier_plan_is_one_line(tmp_path, capsys):
    code, _out, err = run(capsys, "plan", "previous", "--data-dir", str(tmp_path))
    assert code == 2 and err == "backcompanion: no earlier plan to go back to\n"
    with pytest.raises(SystemExit) as exit_:
        cli.main(["plan", "--data-dir", str(tmp_path)])
    assert exit_.value.code == 2 and capsys.readouterr().err.count("\n") == 1
