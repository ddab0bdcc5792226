"""Where a session is in its plan: the section, the exercise, the side and the repeat.

Inside an exercise, a repeat is a lead-in followed by a hold: the lead-in is
``get_ready`` for the first repeat on each side (time to get into position, or to
switch sides) and ``release`` (the short rest) for every other repeat. So the
flow on one side is get_ready, hold, release, hold, ..., hold; the next side or the
next exercise starts with its own get_ready, which is the rest after the last hold.

The :class:`Cursor` is pure position: it knows nothing of time or records; the
engine's flow (``session.flow``) moves it and times each step.
"""

from __future__ import annotations

from backcompanion.program import Exercise
from backcompanion.session.plan import SessionPlan, StepPlan
from backcompanion.session.states import EXERCISING, State, Step


class Cursor:
    """The exercise slot, side and repeat within the current section of ``plan``.

    An exercise swapped for its easier version stays swapped for the rest of
    the session (``swapped``: the base exercise's id -> the easier version).
    """

    def __init__(self, plan: SessionPlan):
        self.plan = plan
        self.section = State.STRETCHING
        self.steps: tuple[StepPlan, ...] = ()
        self.index = 0
        self.current: StepPlan | None = None
        self.step: Step | None = None
        self.side = 0
        self.rep = 1
        self.reps_done = 0
        self.swapped: dict[str, StepPlan] = {}  # exercise id -> the easier version chosen

    def enter_section(self, section: State) -> None:
        """Stand before the first exercise of the stretches or the strength exercises."""
        self.section = section
        self.steps = self.plan.stretches if section is State.STRETCHING else self.plan.strength
        self.index = 0

    def slot(self, index: int) -> StepPlan:
        """The exercise in slot ``index`` of the section, as swapped."""
        base = self.steps[index]
        return self.swapped.get(base.exercise.id, base)

    @property
    def slot_left(self) -> bool:
        """Whether ``index`` names an exercise (False once the section is over)."""
        return self.index < len(self.steps)

    def begin_exercise(self, side: int = 0, rep: int = 1, reps_done: int = 0) -> None:
        self.current = self.slot(self.index)
        self.side, self.rep, self.reps_done = side, rep, reps_done

    def next_repeat(self) -> Step | None:
        """Move on to the next repeat and return its lead-in; None when the exercise is over.

        ``release`` leads into the next repeat on the same side, ``get_ready`` into
        the first repeat of the next side. Past the last repeat nothing moves.
        """
        sp = self.current
        if self.rep < sp.reps:
            self.rep += 1
            return Step.RELEASE
        if self.side + 1 < len(sp.sides):
            self.side, self.rep = self.side + 1, 1
            return Step.GET_READY
        return None

    def leave_exercises(self) -> None:
        """Between the sections (the gate) or after them: no exercise is current."""
        self.current, self.step = None, None

    def locate(self, exercise_id: str) -> tuple[State, int, StepPlan | None]:
        """The section and slot of ``exercise_id``, and its easier version when it is one."""
        for i, sp in enumerate(self.plan.stretches):
            if sp.exercise.id == exercise_id:
                return State.STRETCHING, i, None
        if self.plan.gate_open:
            for i, sp in enumerate(self.plan.strength):
                easier = self.plan.easier.get(sp.exercise.id)
                if sp.exercise.id == exercise_id:
                    return State.STRENGTHENING, i, None
                if easier is not None and easier.exercise.id == exercise_id:
                    return State.STRENGTHENING, i, easier
        raise ValueError(f"cannot resume at {exercise_id!r}: not in this session's plan")

    def next_up(self, live: State) -> Exercise | None:
        """The exercise after the current one; during get_ready, the one to get ready for."""
        plan = self.plan
        if live in (State.IDLE, State.CHECK_IN_BEFORE):
            return plan.breathing
        if live is State.BREATHING:
            return plan.stretches[0].exercise if plan.stretches else self.first_strength()
        if live is State.GATE:
            return self.first_strength()
        if live in EXERCISING and self.index + 1 < len(self.steps):
            return self.slot(self.index + 1).exercise
        if live is State.STRETCHING:
            return self.first_strength()
        return None

    def first_strength(self) -> Exercise | None:
        plan = self.plan
        if not (plan.gate_open and plan.strength):
            return None
        first = plan.strength[0]
        return self.swapped.get(first.exercise.id, first).exercise
