"""The breathing pacer's model: positions checked against values worked out by hand."""

import math
import time

import pytest

from backcompanion.session.breathing import BreathPhase, breath_position, ease
from backcompanion.session.plan import PRESETS, Cadence

RELAXED = PRESETS["relaxed"]  # 4-0-6-0, 10 s a breath
EXTENDED = PRESETS["extended_exhale"]  # 4-0-7-0, 11 s
BOX = PRESETS["box"]  # 4-4-4-4, 16 s

IN, HOLD_IN, OUT, HOLD_OUT = (
    BreathPhase.INHALE,
    BreathPhase.HOLD_IN,
    BreathPhase.EXHALE,
    BreathPhase.HOLD_OUT,
)


@pytest.mark.parametrize(
    ("cadence", "t", "phase", "elapsed", "remaining", "index", "count", "size"),
    [
        # Relaxed 4-6: inhale 0-4, exhale 4-10
        (RELAXED, 0.0, IN, 0.0, 4.0, 0, 4, 0.0),
        (RELAXED, 4 / 3, IN, 4 / 3, 8 / 3, 0, 3, 0.25),  # (1 - cos(pi/3)) / 2
        (RELAXED, 2.0, IN, 2.0, 2.0, 0, 2, 0.5),
        (RELAXED, 3.5, IN, 3.5, 0.5, 0, 1, (1 - math.cos(math.pi * 7 / 8)) / 2),
        (RELAXED, 4.0, OUT, 0.0, 6.0, 0, 6, 1.0),  # the boundary belongs to the exhale
        (RELAXED, 7.0, OUT, 3.0, 3.0, 0, 3, 0.5),
        (RELAXED, 10.0, IN, 0.0, 4.0, 1, 4, 0.0),
        (RELAXED, 99.5, OUT, 5.5, 0.5, 9, 1, (1 + math.cos(math.pi * 5.5 / 6)) / 2),
        # Extended exhale 4-0-7-0
        (EXTENDED, 4.0, OUT, 0.0, 7.0, 0, 7, 1.0),
        (EXTENDED, 4 + 7 / 3, OUT, 7 / 3, 14 / 3, 0, 5, 0.75),  # 1 - (1 - cos(pi/3)) / 2
        (EXTENDED, 11.0, IN, 0.0, 4.0, 1, 4, 0.0),
        (EXTENDED, 54.5, OUT, 6.5, 0.5, 4, 1, (1 + math.cos(math.pi * 6.5 / 7)) / 2),
        # Box 4-4-4-4: inhale 0-4, hold 4-8, exhale 8-12, hold 12-16
        (BOX, 3.0, IN, 3.0, 1.0, 0, 1, (1 - math.cos(math.pi * 0.75)) / 2),
        (BOX, 4.0, HOLD_IN, 0.0, 4.0, 0, 4, 1.0),
        (BOX, 6.5, HOLD_IN, 2.5, 1.5, 0, 2, 1.0),
        (BOX, 8.0, OUT, 0.0, 4.0, 0, 4, 1.0),
        (BOX, 10.0, OUT, 2.0, 2.0, 0, 2, 0.5),
        (BOX, 12.0, HOLD_OUT, 0.0, 4.0, 0, 4, 0.0),
        (BOX, 15.25, HOLD_OUT, 3.25, 0.75, 0, 1, 0.0),
        (BOX, 16.0, IN, 0.0, 4.0, 1, 4, 0.0),
        (BOX, 152.0, OUT, 0.0, 4.0, 9, 4, 1.0),
    ],
)
def test_position_matches_hand_computed(cadence, t, phase, elapsed, remaining, index, count, size):
    b = breath_position(cadence, t)
    assert b.phase is phase
    assert b.phase_elapsed == pytest.approx(elapsed, abs=1e-12)
    assert b.phase_remaining == pytest.approx(remaining, abs=1e-12)
    assert b.breath_index == index
    assert b.count == count
    assert b.size == pytest.approx(size, abs=1e-12)
    assert not b.finished


def test_boundaries_are_exact():
    """At a phase boundary the new phase has just begun: no float fuzz in the values shown."""
    b = breath_position(RELAXED, 4.0)
    assert (b.phase, b.phase_elapsed, b.phase_remaining, b.size) == (OUT, 0.0, 6.0, 1.0)
    b = breath_position(BOX, 12.0)
    assert (b.phase, b.phase_elapsed, b.phase_remaining, b.size) == (HOLD_OUT, 0.0, 4.0, 0.0)
    for k in range(RELAXED.breaths):
        b = breath_position(RELAXED, k * RELAXED.breath_s)
        assert (b.phase, b.breath_index, b.phase_elapsed, b.size) == (IN, k, 0.0, 0.0)


@pytest.mark.parametrize("cadence", [RELAXED, EXTENDED, BOX], ids=["relaxed", "extended", "box"])
def test_finished_at_the_total_and_after(cadence):
    just_before = breath_position(cadence, cadence.total_s - 1e-9)
    assert not just_before.finished
    assert just_before.breath_index == cadence.breaths - 1
    for t in (cadence.total_s, cadence.total_s + 100):
        b = breath_position(cadence, t)
        assert b.finished
        assert (b.count, b.size, b.phase_remaining) == (0, 0.0, 0.0)
        assert b.breath_index == cadence.breaths - 1
    assert breath_position(BOX, BOX.total_s).phase is HOLD_OUT
    assert breath_position(RELAXED, RELAXED.total_s).phase is OUT


def test_count_shows_whole_seconds_down_to_one():
    inhale = [breath_position(RELAXED, t / 10).count for t in range(0, 40)]
    assert inhale == [4] * 10 + [3] * 10 + [2] * 10 + [1] * 10
    exhale = [breath_position(RELAXED, 4 + s).count for s in range(6)]
    assert exhale == [6, 5, 4, 3, 2, 1]


@pytest.mark.parametrize("cadence", [RELAXED, EXTENDED, BOX], ids=["relaxed", "extended", "box"])
def test_size_rises_in_the_inhale_and_falls_in_the_exhale(cadence):
    previous = None
    for ms in range(round(cadence.breath_s * 1000) * 2):
        b = breath_position(cadence, ms / 1000)
        assert 0.0 <= b.size <= 1.0
        if previous is not None and previous.phase is b.phase:
            if b.phase is IN:
                assert b.size >= previous.size
            elif b.phase is OUT:
                assert b.size <= previous.size
            else:
                assert b.size == previous.size == (1.0 if b.phase is HOLD_IN else 0.0)
        if previous is not None and previous.phase is not b.phase:
            # smooth: the shape never jumps at a phase change
            assert abs(b.size - previous.size) < 1e-4
        previous = b


def test_zero_length_holds_never_show():
    seen = {breath_position(RELAXED, ms / 100).phase for ms in range(0, 10_000)}
    assert seen == {IN, OUT}
    only_out = Cadence(4, 0, 6, 3, breaths=3)
    seen = {breath_position(only_out, ms / 100).phase for ms in range(0, 3900)}
    assert seen == {IN, OUT, HOLD_OUT}
    b = breath_position(only_out, 4.0)
    assert (b.phase, b.phase_remaining) == (OUT, 6.0)


def test_until_change_points_at_the_next_count_or_phase():
    assert breath_position(RELAXED, 0.0).until_change == 1.0
    assert breath_position(RELAXED, 2.25).until_change == pytest.approx(0.75)
    assert breath_position(RELAXED, 3.5).until_change == pytest.approx(0.5)  # phase end
    b = breath_position(Cadence(4.5, 0, 6, 0), 0.0)
    assert (b.count, b.until_change) == (5, 0.5)


def test_times_before_the_start_read_as_the_start():
    assert breath_position(RELAXED, -3.0) == breath_position(RELAXED, 0.0)


def test_ease_is_symmetric_and_pinned_at_the_ends():
    assert (ease(0.0), ease(1.0)) == (0.0, 1.0)
    for p in (0.1, 0.3, 0.45):
        assert ease(p) + ease(1 - p) == pytest.approx(1.0)


def test_cheap_enough_for_every_frame():
    start = time.perf_counter()
    for i in range(20_000):
        breath_position(BOX, i * 0.0167)
    assert time.perf_counter() - start < 1.0  # about 1 µs a call; 60 frames a second need 17 ms
