"""A plan file's type problems, opened from the Plan menu, are in the person's language.

``check_plan`` words what the plan allows; the reader below it (program.yamlcheck)
words what the YAML types allow ("expected a whole number"). Both reach the
person through Plan > Open plan…, so both are translated (context DataFile).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from backcompanion import prescription
from backcompanion.program import DataError, builtin_program
from backcompanion.program.plan_file import plan_to_yaml, read_plan_file
from backcompanion.ui import language

PROGRAM = builtin_program()
GOOD = plan_to_yaml(prescription.standard(PROGRAM))

# (what is changed in a good plan file, the English problem, the Spanish problem)
CASES = [
    (
        ("  reps: 20\n", "  reps: lots\n"),
        "exercises[0].reps: expected a whole number, found the text 'lots'",
        "exercises[0].reps: se esperaba un número entero y hay el texto 'lots'",
    ),
    (
        ("  reps: 20\n", "  reps: 900\n"),
        "exercises[0].reps: 900 is out of range (1 to 100)",
        "exercises[0].reps: 900 está fuera del intervalo permitido (de 1 a 100)",
    ),
    (
        ("  easier: true\n", "  easier: 3\n"),
        "exercises[0].easier: expected true or false, found the number 3",
        "exercises[0].easier: se esperaba true o false y hay el número 3",
    ),
    (
        ("  hold_s: [5, 5]\n", "  hold_s: 5\n"),
        "exercises[0].hold_s: expected a list, found the number 5",
        "exercises[0].hold_s: se esperaba una lista y hay el número 5",
    ),
    (
        ("note: ''\n", "note: ''\ncolour: blue\n"),
        "colour: unknown key (allowed:",
        "colour: clave desconocida (se admiten:",
    ),
    (
        ("days_per_week: 5\n", ""),
        "days_per_week: this key is missing",
        "days_per_week: falta esta clave",
    ),
    (
        ("days_per_week: 5\n", "days_per_week: 5\ndays_per_week: 4\n"),
        "days_per_week: this key appears twice",
        "days_per_week: esta clave aparece dos veces",
    ),
    (
        ("- id: angry_cat\n", "- id: [angry_cat]\n"),
        "exercises[0].id: expected text, found a list",
        "exercises[0].id: se esperaba un texto y hay una lista",
    ),
    (
        ("- id: angry_cat\n", "- id: ''\n"),
        "exercises[0].id: must not be empty",
        "exercises[0].id: no puede estar vacío",
    ),
    (
        ("days_per_week: 5\n", "days_per_week: !!int five\n"),
        "days_per_week: 'five' is not a valid int",
        "days_per_week: 'five' no es un valor int válido",
    ),
]


@pytest.fixture
def spanish(qapp):
    before = QLocale()
    installed = language.install("es", qapp)
    yield
    installed.remove()
    QLocale.setDefault(before)


def problem(tmp_path, change: tuple[str, str]) -> str:
    old, new = change
    assert old in GOOD
    path = tmp_path / "plan.yaml"
    path.write_text(GOOD.replace(old, new, 1), "utf-8")
    with pytest.raises(DataError) as caught:
        read_plan_file(path, PROGRAM, shown_name="plan.yaml")
    return str(caught.value)


@pytest.mark.parametrize(("change", "english", "spanish_text"), CASES)
def test_a_type_problem_is_said_in_english(tmp_path, change, english, spanish_text):
    assert english in problem(tmp_path, change)


@pytest.mark.parametrize(("change", "english", "spanish_text"), CASES)
def test_a_type_problem_is_said_in_spanish(tmp_path, spanish, change, english, spanish_text):
    said = problem(tmp_path, change)
    assert spanish_text in said, said
    assert english not in said


def test_an_empty_file_a_foreign_tag_and_broken_yaml_are_said_in_spanish(tmp_path, spanish):
    path = tmp_path / "plan.yaml"
    path.write_text("# nothing here\n", "utf-8")
    with pytest.raises(DataError, match="el archivo está vacío"):
        read_plan_file(path, PROGRAM, shown_name="plan.yaml")
    path.write_text(GOOD.replace("note: ''", "note: !!python/name:os.system ''"), "utf-8")
    with pytest.raises(DataError, match="no se admite la etiqueta"):
        read_plan_file(path, PROGRAM, shown_name="plan.yaml")
    path.write_text("a: [1, 2\n", "utf-8")
    with pytest.raises(DataError, match="no es YAML válido: "):
        read_plan_file(path, PROGRAM, shown_name="plan.yaml")
