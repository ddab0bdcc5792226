"""Where in its movement the figure is, as a pure function of the session moment or the clock."""

from __future__ import annotations

import pytest

from backcompanion.figure import builtin_figures
from backcompanion.figure.motion import (
    CAROUSEL_S,
    EASE_IN_S,
    EASE_OUT_S,
    VIA_S,
    Moment,
    carousel_moment,
    reduced_moment,
    session_moment,
)


def test_get_ready_shows_the_start_pose_still():
    for elapsed in (0.0, 1.0, 4.9):
        assert session_moment("get_ready", elapsed, 5.0) == Moment("start", "start", 0.0)


def test_a_hold_eases_into_the_stretch_while_breathing_out_then_stays():
    assert session_moment("hold", 0.0, 10.0) == Moment("start", "stretch", 0.0)
    middle = session_moment("hold", EASE_IN_S / 2, 10.0)
    assert middle.start == "start" and middle.end == "stretch"
    assert middle.t == pytest.approx(0.5)
    early = session_moment("hold", EASE_IN_S / 10, 10.0)
    assert 0 < early.t < 0.1  # eased: it starts gently
    for elapsed in (EASE_IN_S, 3.0, 9.99):
        assert session_moment("hold", elapsed, 10.0) == Moment("start", "stretch", 1.0)


def test_a_very_short_hold_still_reaches_the_stretch_before_it_ends():
    assert session_moment("hold", 0.6, 1.0).t == pytest.approx(1.0)


def test_the_release_eases_back_to_the_start():
    assert session_moment("release", 0.0, 3.0) == Moment("stretch", "start", 0.0)
    assert session_moment("release", EASE_OUT_S / 2, 3.0).t == pytest.approx(0.5)
    assert session_moment("release", EASE_OUT_S, 3.0) == Moment("stretch", "start", 1.0)
    assert session_moment("release", 2.9, 3.0).t == 1.0


def test_a_release_through_a_via_pose_goes_there_first_then_home():
    first = session_moment("release", VIA_S / 4, 3.0, via="release")
    assert (first.start, first.end) == ("stretch", "release")
    assert first.t == pytest.approx(0.5)
    halfway = session_moment("release", VIA_S / 2, 3.0, via="release")
    assert (halfway.start, halfway.end, halfway.t) == ("release", "start", 0.0)
    assert session_moment("release", 2.99, 3.0, via="release") == Moment("release", "start", 1.0)


def test_breathing_passes_the_breath_through_and_clamps_it():
    assert session_moment("breathing", 3.0, 60.0, breath=0.4) == Moment("start", "start", 0, 0.4)
    assert session_moment("breathing", 3.0, 60.0, breath=1.7).breath == 1.0
    assert session_moment(None, 0.0, 0.0) == Moment()
    assert session_moment("hold", -5.0, 10.0).t == 0.0  # time before the step reads as 0


def test_the_carousel_loops_slowly_and_is_still_at_the_start_of_each_loop():
    assert carousel_moment(0.0) == Moment("start", "start", 0.0)
    assert carousel_moment(CAROUSEL_S) == carousel_moment(0.0)
    assert carousel_moment(CAROUSEL_S * 0.5) == Moment("stretch", "stretch", 1.0)
    later, first = carousel_moment(CAROUSEL_S * 3 + 1.234), carousel_moment(1.234)
    assert (later.start, later.end) == (first.start, first.end)
    assert later.t == pytest.approx(first.t)
    ts = [carousel_moment(CAROUSEL_S * i / 200) for i in range(200)]
    into = [m.t for m in ts if (m.start, m.end) == ("start", "stretch")]
    assert into == sorted(into)  # it only ever moves forward into the stretch


def test_the_carousel_goes_through_a_via_pose_and_breathes_a_still_figure():
    names = {(m.start, m.end) for m in (carousel_moment(i / 10, via="release") for i in range(90))}
    assert ("stretch", "release") in names and ("release", "start") in names
    breaths = [carousel_moment(CAROUSEL_S * i / 8, moves=False).breath for i in range(9)]
    assert breaths[0] == pytest.approx(0) and breaths[4] == pytest.approx(1)
    assert breaths[8] == pytest.approx(0, abs=1e-9)


def test_reduced_motion_shows_the_end_pose_still():
    cat = builtin_figures().get("angry_cat")
    assert reduced_moment(cat) == Moment("stretch", "stretch", 1.0, 0.0)
    wall = builtin_figures().get("breathing_90_90_wall")
    assert reduced_moment(wall) == Moment("start", "start", 0.0, 0.5)


def test_rounded_moments_repeat_so_they_can_key_a_cache():
    a = Moment("start", "stretch", 0.50001, 0.3333)
    b = Moment("start", "stretch", 0.49999, 0.3334)
    assert a.rounded() == b.rounded()
    assert Moment("start", "stretch", 0.5).rounded() != Moment("start", "stretch", 0.52).rounded()


def test_moving_span_covers_every_figure_ease_and_nothing_else():
    from backcompanion.figure.motion import moving_span

    assert moving_span("get_ready", 5.0) == 0.0 and moving_span(None, 5.0) == 0.0
    assert moving_span("hold", 10.0) == EASE_IN_S
    assert moving_span("release", 10.0) == max(EASE_OUT_S, VIA_S)
    assert moving_span("hold", 1.0) == pytest.approx(0.6)  # a short hold: a short ease
    for via in (None, "release"):  # past the span every figure has reached its pose
        span = moving_span("release", 3.0)
        assert session_moment("release", span, 3.0, via=via).t == 1.0
        assert session_moment("release", span, 3.0, via=via).end == "start"


def test_carousel_wait_sleeps_through_the_rests_and_wakes_for_the_moves():
    from backcompanion.figure.motion import carousel_wait

    p = CAROUSEL_S
    assert carousel_wait(0.0) == pytest.approx(0.12 * p)
    assert carousel_wait(0.2 * p) == 0.0  # easing in
    assert carousel_wait(0.4 * p) == pytest.approx(0.2 * p)  # held in the stretch
    assert carousel_wait(0.7 * p) == 0.0  # easing back
    assert carousel_wait(0.9 * p) == pytest.approx(0.22 * p)  # this rest and the next loop's
    assert carousel_wait(0.4 * p, moves=False) == 0.0  # breathing never rests
    for t in (0.0, 0.4 * p, 0.9 * p, 1.5 * p):  # nothing changes while it sleeps
        wait = carousel_wait(t)
        if wait:
            assert carousel_moment(t) == carousel_moment(t + wait * 0.999)


def test_still_mask_keeps_the_props_and_the_limbs_an_exercise_does_not_use():
    from backcompanion.figure.scene import scene, still_mask

    book = builtin_figures()
    for fig in book.figures:
        mask = still_mask(fig)
        shapes = scene(fig).shapes
        assert len(mask) == len(shapes)
        still = {s.part for s, ok in zip(shapes, mask, strict=True) if ok}
        assert {"floor", "mat"} <= still, fig.id
        for group in {s.group for s in shapes if s.group}:  # a limb goes whole or not at all
            flags = {ok for s, ok in zip(shapes, mask, strict=True) if s.group == group}
            assert len(flags) == 1, (fig.id, group)
    ham = dict(
        zip(
            (s.part for s in scene(book.get("hamstring_stretch")).shapes),
            still_mask(book.get("hamstring_stretch")),
            strict=True,
        )
    )
    assert ham["torso"] and ham["far_thigh"] and not ham["near_thigh"]
    cat = dict(
        zip(
            (s.part for s in scene(book.get("angry_cat")).shapes),
            still_mask(book.get("angry_cat")),
            strict=True,
        )
    )
    assert not cat["torso"]  # the back rounds
    wall = dict(
        zip(
            (s.part for s in scene(book.get("breathing_90_90_wall")).shapes),
            still_mask(book.get("breathing_90_90_wall")),
            strict=True,
        )
    )
    assert wall["wall"] and wall["near_shin"] and not wall["torso"]  # the belly breathes
