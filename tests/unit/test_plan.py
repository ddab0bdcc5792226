"""The therapist's plan: the model, its checks, the file, the history and the rules inside it."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backcompanion import prescription
from backcompanion.companion import Companion
from backcompanion.history import Store, schema
from backcompanion.program import DataError, builtin_program
from backcompanion.program.plan import (
    FIRST,
    SECOND,
    UNLOCKED,
    PlanExercise,
    apply_plan,
    check_plan,
    plan_changes,
)
from backcompanion.program.plan_file import (
    MAX_FILE_BYTES,
    load_plan_settings,
    plan_to_yaml,
    read_plan_file,
    read_plan_text,
    write_plan_file,
)
from backcompanion.session import rules as R
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, State, Step
from backcompanion.session.facts import SessionFacts
from backcompanion.session.plan import PRESETS, SessionPlan

PROGRAM = builtin_program()
PHASES = {e.id: e.phase.value for e in PROGRAM.exercises}
TZ = ZoneInfo("Europe/Berlin")
AT = datetime(2026, 3, 2, 18, 0, tzinfo=TZ)


def standard():
    return prescription.standard(PROGRAM)


def tailored():
    """Hamstring first with a longer range on the left only, no piriformis, plank without
    its easier version, strengthening unlocked, box breathing."""
    plan = standard()
    items = {e.id: e for e in plan.exercises}
    order = ["hamstring_stretch", "angry_cat", "childs_pose", "hip_flexor_stretch"]
    order += ["pelvic_tilt", "bridge", "plank"]
    items["hamstring_stretch"] = dataclasses.replace(
        items["hamstring_stretch"], hold_s=(8, 12), reps=6, sides=FIRST, rest_s=10, note="gently"
    )
    items["plank"] = dataclasses.replace(items["plank"], easier=False, reps=4)
    return dataclasses.replace(
        plan,
        exercises=tuple(items[i] for i in order),
        days_per_week=3,
        breathing="box",
        breaths=6,
        strengthening=UNLOCKED,
        note="Walk every day as well.",
        prescribed_by="A. Therapist",
        prescribed_on=date(2026, 3, 1),
    )


# ---- the model --------------------------------------------------------------------------


def test_the_standard_plan_is_the_program_unchanged():
    plan = standard()
    assert check_plan(plan, PROGRAM) == []
    assert apply_plan(plan, PROGRAM).exercises == PROGRAM.exercises
    assert plan.days_per_week == load_plan_settings().standard_days_per_week
    assert plan_changes(plan, plan, PROGRAM) == []


def test_a_plan_chooses_orders_and_doses_the_exercises():
    program = apply_plan(tailored(), PROGRAM)
    assert [e.id for e in program.stretches] == [
        "hamstring_stretch",
        "angry_cat",
        "childs_pose",
        "hip_flexor_stretch",
        "pelvic_tilt",
    ]
    assert [e.id for e in program.strength] == ["bridge", "plank"]
    assert program.easier_version("plank") is None  # not offered
    ham = program.by_id("hamstring_stretch")
    assert (ham.hold_s, ham.reps, ham.sides, ham.rest_s) == ((8, 12), 6, ("left leg",), 10)
    assert program.breathing == PROGRAM.breathing


def test_each_problem_names_its_field():
    plan = tailored()
    bad = dataclasses.replace(
        plan,
        exercises=(
            dataclasses.replace(plan.exercises[0], hold_s=(20, 10)),
            PlanExercise("bridge", (5, 10), 500),
            PlanExercise("angry_cat", (5, 5), 3, sides=SECOND),
            PlanExercise("no_such", (5, 5), 3),
        ),
        days_per_week=9,
    )
    fields = [p.field for p in check_plan(bad, PROGRAM)]
    assert fields == [
        "exercises[0].hold_s",
        "exercises[1].reps",
        "exercises[2].sides",
        "exercises[3].id",
        "exercises",  # a strength exercise before a stretch
        "days_per_week",
    ]


def test_changes_are_told_field_by_field():
    changes = [str(c) for c in plan_changes(standard(), tailored(), PROGRAM)]
    assert "Hamstring stretch: hold: 5-10 s → 8-12 s" in changes
    assert "Hamstring stretch: sides: both sides → left leg only" in changes
    assert "Piriformis stretch: exercise: in the plan → left out" in changes
    assert "Plank: easier version: offered → not offered" in changes
    assert "days per week: 5 → 3" in changes
    assert "strengthening: waits for the gate → unlocked now" in changes


# ---- the file ----------------------------------------------------------------------------


def test_a_plan_file_reads_back_as_written(tmp_path):
    path = write_plan_file(tailored(), tmp_path / "plan.yaml")
    assert read_plan_file(path, PROGRAM) == tailored()
    assert not (tmp_path / "plan.yaml.part").exists()


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("days_per_week: 3", "days_per_week: three"), ":8: days_per_week: expected a whole"),
        (("- id: bridge", "- id: squat"), "exercises[5].id: no exercise 'squat' in the program"),
        (("reps: 4", "reps: 400"), "exercises[6].reps: 400 is out of range (1 to 100)"),
        (("[8, 12]", "[80, 12]"), "exercises[0].hold_s: the shortest hold (80 s) is above"),
        (("breathing: box", "breathing: fast"), "breathing: use one of: own, relaxed"),
        (("kind: backcompanion-plan", "kind: other"), "not a BackCompanion plan file"),
        (("kind: backcompanion-plan\n", ""), "not a BackCompanion plan file (no line"),
        (("easier: false", "easier: 'no'"), "exercises[6].easier: expected true or false"),
    ],
)
def test_a_bad_plan_file_is_one_line_naming_the_field(tmp_path, edit, expected):
    text = plan_to_yaml(tailored())
    assert edit[0] in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_plan_file(path, PROGRAM)
    message = str(err.value)
    assert expected in message and "\n" not in message, message


def test_big_binary_and_foreign_files_are_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (10 * 1024 * 1024))
    binary = tmp_path / "plan.pdf"
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff\xfe")
    program_yaml = tmp_path / "program.yaml"
    program_yaml.write_text("version: 1\nexercises: []\n", encoding="utf-8")
    messages = []
    for path in (big, binary, program_yaml, tmp_path / "missing.yaml", tmp_path):
        with pytest.raises(DataError) as err:
            read_plan_file(path, PROGRAM)
        messages.append(str(err.value))
    assert f"more than {MAX_FILE_BYTES // 1024} KB" in messages[0]
    assert "binary data" in messages[1]
    assert "not a BackCompanion plan file" in messages[2]
    assert "no such file" in messages[3]
    assert "a folder" in messages[4]
    assert all("\n" not in m for m in messages)


def test_a_date_written_plainly_by_hand_is_read():
    text = plan_to_yaml(tailored()).replace(
        "prescribed_on: '2026-03-01'", "prescribed_on: 2026-03-01"
    )
    assert "prescribed_on: 2026-03-01" in text
    assert read_plan_text(text, PROGRAM).prescribed_on == date(2026, 3, 1)
    with pytest.raises(DataError, match=r":7: prescribed_on: expected a date like 2026-01-31"):
        read_plan_text(text.replace("2026-03-01", "2026-13-01"), PROGRAM)


def test_a_text_file_that_is_not_yaml_is_refused():
    with pytest.raises(DataError, match=r"plan.yaml:1: not valid YAML"):
        read_plan_text("{{{ :", PROGRAM)


# ---- the history ---------------------------------------------------------------------------


def test_the_history_keeps_every_plan_and_one_step_restores_the_previous(tmp_path):
    with Store.open(tmp_path, phases=PHASES) as store:
        assert prescription.in_force(store, PROGRAM).standard
        assert prescription.restore_previous(store, PROGRAM, AT) is None
        prescription.put_in_force(store, tailored(), "file", AT)
        now = prescription.in_force(store, PROGRAM)
        assert not now.standard and now.plan == tailored()
        # a second plan, then back: the first comes back as a new row, nothing is lost
        second = dataclasses.replace(tailored(), days_per_week=6)
        prescription.put_in_force(store, second, "editor", AT + timedelta(hours=1))
        assert prescription.restore_previous(store, PROGRAM, AT + timedelta(hours=2)) == tailored()
        assert prescription.in_force(store, PROGRAM).plan == tailored()
        assert [r.source for r in store.plans()] == ["file", "editor", "previous"]
        prescription.put_in_force(store, None, "standard", AT + timedelta(hours=3))
        assert prescription.in_force(store, PROGRAM).standard
        with pytest.raises(ValueError, match="source"):
            store.set_plan(AT, None, "hacked")


def test_each_session_records_the_plan_it_started_under(tmp_path):
    clock = FakeClock()
    with Store.open(tmp_path, phases=PHASES, wall_clock=lambda: AT) as store:
        companion = Companion(PROGRAM, R.load_rules(), store, wall=lambda: AT)
        companion.record_red_flags(())
        first = companion.new_engine(companion.plan(PRESETS["relaxed"]), clock)
        first.send(Event.START)
        plan_id = prescription.put_in_force(store, tailored(), "editor", AT)
        companion.reload_plan()
        second = companion.new_engine(companion.plan(PRESETS["relaxed"]), clock)
        second.send(Event.START)
        ids = store.session_plans_between(AT.date(), AT.date() + timedelta(days=1))
    assert ids == {first.snapshot().session_id: None, second.snapshot().session_id: plan_id}


def test_a_version_3_history_gains_the_plan_tables_and_keeps_its_sessions(tmp_path):
    path = tmp_path / schema.DB_NAME
    conn = sqlite3.connect(path, isolation_level=None)
    for step in schema.MIGRATIONS[:3]:
        conn.execute("BEGIN")
        for statement in step if not callable(step) else ():
            conn.execute(statement)
        if callable(step):
            step(conn)
        conn.execute("COMMIT")
    conn.execute("PRAGMA user_version = 3")
    conn.execute(
        "INSERT INTO sessions (id, started_at, started_ts, day, status, gate_open, cadence)"
        " VALUES ('s1', ?, ?, ?, 'done', 0, '4-0-6-0')",
        (AT.isoformat(), AT.timestamp(), AT.date().isoformat()),
    )
    conn.close()
    with Store.open(tmp_path, phases=PHASES) as store:
        assert store.session_plans_between(AT.date(), AT.date() + timedelta(days=1)) == {"s1": None}
        assert store.plans() == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (schema.latest_version(),)
    conn.close()


# ---- the rules inside the plan ---------------------------------------------------------------


def good_sessions(n: int, exercise_id: str) -> list[SessionFacts]:
    return [
        SessionFacts(
            f"s{i}",
            AT - timedelta(days=n - i),
            "done",
            3,
            2,
            100,
            100,
            {exercise_id: 8},
            {exercise_id: (10, 10)},
        )
        for i in range(n)
    ]


def test_holds_grow_inside_the_plans_range_and_no_further():
    rules = R.load_rules()
    ham = apply_plan(tailored(), PROGRAM).by_id("hamstring_stretch")
    assert R.hold_for(rules, ham, []) == 8  # the plan's shortest, not the program's 5
    grown = [R.hold_for(rules, ham, good_sessions(n, ham.id)) for n in range(0, 40, 3)]
    assert grown == sorted(grown) and max(grown) == 12 and min(grown) == 8


def test_the_companion_follows_the_plan_in_force(tmp_path):
    with Store.open(tmp_path, phases=PHASES) as store:
        companion = Companion(PROGRAM, R.load_rules(), store, wall=lambda: AT)
        companion.record_red_flags(())
        before: SessionPlan = companion.plan(PRESETS["relaxed"])
        assert not before.gate_open and before.cadence == PRESETS["relaxed"]
        assert not companion.home_status().gate.open
        prescription.put_in_force(store, tailored(), "editor", AT)
        companion.reload_plan()
        after = companion.plan(PRESETS["relaxed"])
        assert after.gate_open and "therapist" in after.gate_reasons[0]
        assert companion.home_status().gate.open
        assert after.cadence == dataclasses.replace(PRESETS["box"], breaths=6)
        assert after.stretches[0].exercise.id == "hamstring_stretch"
        assert after.stretches[0].hold_s == 8 and after.stretches[0].reps == 6
        assert "plank" not in after.easier


def test_the_plans_rest_is_the_pause_between_repeats(tmp_path):
    clock = FakeClock()
    with Store.open(tmp_path, phases=PHASES) as store:
        prescription.put_in_force(store, tailored(), "editor", AT)
        companion = Companion(PROGRAM, R.load_rules(), store, wall=lambda: AT)
        companion.record_red_flags(())
        engine = companion.new_engine(companion.plan(PRESETS["relaxed"], release_s=3), clock)
        engine.send(Event.START)
        engine.send(Event.CHECK_IN, rating=3)
        while not (engine.snapshot().state is State.STRETCHING and engine.snapshot().rep == 2):
            clock.advance(max(engine.snapshot().remaining_s, 1e-3))
            engine.update()
        snap = engine.snapshot()
        assert snap.step is Step.RELEASE and snap.side_label == "left leg"
        assert snap.remaining_s == pytest.approx(10)
