"""The session engine's parts on their own: the cursor, the timer, the transition table."""

import pytest

from backcompanion.program import builtin_program
from backcompanion.session.cursor import Cursor
from backcompanion.session.engine_table import TRANSITIONS
from backcompanion.session.flow import SessionFlow
from backcompanion.session.plan import Cadence, SessionPlan, StepPlan
from backcompanion.session.snapshot import PlannedTime, planned_length
from backcompanion.session.states import State, Step
from backcompanion.session.timing import PhaseTimer

PROGRAM = builtin_program()


def plan(gate_open=True, strength=("bridge", "bird_dog", "plank")) -> SessionPlan:
    return SessionPlan(
        breathing=PROGRAM.breathing,
        cadence=Cadence(4, 0, 6, 0, 3),
        stretches=tuple(StepPlan(e, 2, 2) for e in PROGRAM.stretches),
        strength=tuple(StepPlan(PROGRAM.by_id(i), 2, 2) for i in strength),
        gate_open=gate_open,
        easier={"plank": StepPlan(PROGRAM.by_id("knee_plank"), 2, 2)},
        get_ready_s=2,
        release_s=1,
    )


def test_the_cursor_walks_repeats_then_sides_then_stops():
    cursor = Cursor(plan())
    cursor.enter_section(State.STRETCHING)
    cursor.index = [s.exercise.id for s in cursor.steps].index("hamstring_stretch")
    cursor.begin_exercise()
    walked = []
    while (lead_in := cursor.next_repeat()) is not None:
        walked.append((lead_in, cursor.side, cursor.rep))
    assert walked == [(Step.RELEASE, 0, 2), (Step.GET_READY, 1, 1), (Step.RELEASE, 1, 2)]
    assert (cursor.side, cursor.rep) == (1, 2)  # past the last repeat nothing moves


def test_the_cursor_finds_an_easier_version_only_when_the_gate_is_open():
    plank = [s.exercise.id for s in plan().strength].index("plank")
    easier = plan().easier["plank"]
    assert Cursor(plan()).locate("knee_plank") == (State.STRENGTHENING, plank, easier)
    with pytest.raises(ValueError):
        Cursor(plan(gate_open=False)).locate("knee_plank")


def test_a_swapped_slot_and_what_comes_next():
    p = plan(strength=("plank", "bridge"))
    cursor = Cursor(p)
    cursor.enter_section(State.STRENGTHENING)
    cursor.swapped["plank"] = p.easier["plank"]
    assert [cursor.slot(i).exercise.id for i in (0, 1)] == ["knee_plank", "bridge"]
    assert cursor.first_strength().id == "knee_plank"
    assert cursor.next_up(State.GATE).id == "knee_plank"
    assert cursor.next_up(State.STRENGTHENING).id == "bridge"


def test_the_timer_moves_the_phase_on_by_the_pause():
    timer = PhaseTimer(100.0)
    timer.begin(100.0, 5)
    timer.frozen_at = 102.0
    timer.thaw(110.0)
    assert (timer.start, timer.end, timer.paused_total, timer.frozen_at) == (108, 113, 8, None)
    assert timer.active_s(111.0) == 3.0


def test_planned_time_adds_every_part():
    p = plan()
    planned = PlannedTime(p, 8.0)
    stretches = sum(planned_length(s, 2, 1) for s in p.stretches)
    strength = sum(planned_length(s, 2, 1) for s in p.strength)
    assert planned.total == pytest.approx(30 + stretches + 8 + strength)
    assert planned_length(StepPlan(PROGRAM.by_id("hamstring_stretch"), 2, 2), 2, 1) == 14


def test_every_move_names_a_handler_of_the_flow():
    for move in TRANSITIONS.values():
        assert getattr(SessionFlow, move.do.__name__) is move.do
        assert move.do.__name__.startswith("on_")
