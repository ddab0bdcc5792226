"""What the exercise carousel works out without Qt: the words and numbers behind a card.

The dose in plain words (from the session plan when there is one), the phase's name,
how a mouse wheel or a trackpad swipe adds up to one card,
how much of a card's width the picture may take, and when a card has room for larger
text. Plain functions and one small class, tested without a widget; the texts keep
the translation context ``ExerciseCarousel`` they were written in.
"""

from __future__ import annotations

from collections.abc import Callable

from backcompanion.i18n import translate
from backcompanion.program import Exercise, Phase, Program
from backcompanion.session.plan import SessionPlan

__all__ = [
    "SHARES",
    "WHEEL_STEP",
    "WheelSteps",
    "body_room",
    "dose_text",
    "easier_of",
    "is_roomy",
    "phase_name",
    "picture_width",
]

SHARES = (0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3)  # the picture's share of the body, largest first
WHEEL_STEP = 120  # one mouse-wheel notch, in QWheelEvent.angleDelta() units


def easier_of(exercise: Exercise, program: Program | None) -> str | None:
    """The name of the exercise ``exercise`` is the easier version of (None: it is none)."""
    if not exercise.variant_of or program is None:
        return None
    try:
        return program.by_id(exercise.variant_of).name
    except KeyError:
        return None


def phase_name(phase: Phase) -> str:
    """ "Breathing", "Stretch" or "Strengthening", under the card."""
    names = {
        Phase.BREATHING: translate("ExerciseCarousel", "Breathing"),
        Phase.STRETCH: translate("ExerciseCarousel", "Stretch"),
        Phase.STRENGTH: translate("ExerciseCarousel", "Strengthening"),
    }
    return names[phase]


def dose_text(exercise: Exercise, plan: SessionPlan | None) -> str:
    """The dose in plain words: "Hold 7 s · 20 repeats per side (left leg, right leg)".

    The hold and repeats come from ``plan`` (what this person is at); without it, or
    for an exercise it does not hold, the low end of the program's range.
    """
    if exercise.phase is Phase.BREATHING:
        breaths = plan.cadence.breaths if plan else exercise.reps
        return translate("ExerciseCarousel", "%n breaths", "", breaths)
    hold, reps = exercise.hold_s[0], exercise.reps
    if plan is not None:
        try:
            step = plan.step(exercise.id)
        except KeyError:
            pass
        else:
            hold, reps = step.hold_s, step.reps
    if exercise.per_side:
        count = translate("ExerciseCarousel", "%n repeats per side", "", reps)
        count = translate("ExerciseCarousel", "{repeats} ({sides})").format(
            repeats=count, sides=", ".join(exercise.sides)
        )
    elif exercise.sides:  # a plan keeps one side of two
        count = translate("ExerciseCarousel", "%n repeats", "", reps)
        count = translate("ExerciseCarousel", "{repeats}, {side} only").format(
            repeats=count, side=exercise.sides[0]
        )
    else:
        count = translate("ExerciseCarousel", "%n repeats", "", reps)
    if hold <= 0:
        return count
    return translate("ExerciseCarousel", "Hold {seconds} s · {repeats}").format(
        seconds=hold, repeats=count
    )


class WheelSteps:
    """Turns wheel deltas into card steps: one notch of a mouse wheel (:data:`WHEEL_STEP`)
    is one card, and one trackpad gesture moves at most one card however long it runs."""

    def __init__(self) -> None:
        self.acc = 0
        self.spent = False  # this trackpad gesture already moved a card

    def reset(self) -> None:
        """A gesture begins or ends."""
        self.acc, self.spent = 0, False

    def feed(self, delta: int, gesture: bool) -> int:
        """The step for ``delta`` more (-1 back, +1 on, 0 not yet); ``gesture`` for a
        trackpad's update, False for a mouse wheel's notch."""
        if gesture and self.spent:
            return 0
        self.acc += delta
        if abs(self.acc) < WHEEL_STEP:
            return 0
        step = -1 if self.acc > 0 else 1  # away from the user / left = back
        self.acc = 0
        self.spent = gesture
        return step


def picture_width(
    avail: float, useful: float, body_h: float, text_height: Callable[[int], float]
) -> float:
    """How wide the card's picture may be: the largest share (:data:`SHARES`) of ``avail``,
    never wider than ``useful``, that leaves the instructions beside it, ``text_height(width)``
    high in the width left, within ``body_h``; the smallest share when none does."""
    chosen = min(avail * SHARES[-1], useful)
    for share in SHARES:
        picture = min(avail * share, useful)
        text_w = max(1, int(avail - picture))
        if text_height(text_w) <= body_h:
            chosen = picture
            break
    return chosen


def is_roomy(width_em: float, height_em: float, was_roomy: bool) -> bool:
    """Whether a card ``width_em`` x ``height_em`` lines of the base font has room for the
    instructions in a larger size; a margin between going up and coming down (no flicker)."""
    if not was_roomy:
        return width_em >= 44 and height_em >= 25
    return width_em >= 42 and height_em >= 23.5


def body_room(
    avail: float,
    body_h: float,
    text_height: Callable[[int], float],
    picture_min_h: float,
    aspect: float,
) -> tuple[float, float, bool]:
    """How the card's body (picture beside the instructions) fits ``body_h`` pixels of
    height and ``avail`` of width: (picture width, body height, cramped).

    With room, the picture is as large as :func:`picture_width` allows and the body takes
    ``body_h``. Cramped (the instructions, or a picture ``picture_min_h`` high, need more
    than ``body_h``), the instructions keep most of the width (they scroll), the picture
    the smallest share but never less than that useful minimum, and the body is as tall as
    the taller of the two: the card then scrolls."""
    useful = max(0.0, body_h) * aspect  # a wider picture would only grow empty margins
    chosen = picture_width(avail, useful, max(0.0, body_h), text_height)
    need = max(text_height(max(1, int(avail - chosen))), picture_min_h)
    if need <= body_h:
        return chosen, body_h, False
    least = min(avail * SHARES[0], picture_min_h * aspect)
    chosen = max(least, min(avail * SHARES[-1], max(picture_min_h, body_h) * aspect))
    return chosen, max(chosen / aspect, text_height(max(1, int(avail - chosen)))), True
