"""The 0-10 pain check-in: by click, by key (including "1 then 0"), the note, Save."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from backcompanion.session.clock import FakeClock
from backcompanion.ui.session_screens.checkin import (
    MAX_NOTE,
    TEN_WINDOW_S,
    PainCheckIn,
    PainNowDialog,
    RatingButton,
)
from backcompanion.ui.theme import DARK, LIGHT

KEYS = {d: getattr(Qt.Key, f"Key_{d}") for d in range(10)}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def checkin(qtbot, light, clock) -> PainCheckIn:
    widget = PainCheckIn("How is your back right now?", clock=clock)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def press(qtbot, widget, *digits: int) -> None:
    for d in digits:
        qtbot.keyClick(widget, KEYS[d])


def test_title_anchors_and_accessible_names(checkin):
    assert checkin.title() == "How is your back right now?"
    checkin.set_title("And now, after the session?")
    assert checkin.title() == "And now, after the session?"
    buttons = checkin.buttons()
    assert [b.text() for b in buttons] == [str(n) for n in range(11)]
    for b in buttons:
        assert b.accessibleName() and b.toolTip() == b.accessibleName()
        assert b.isCheckable()
    assert "no pain" in buttons[0].accessibleName().lower()
    assert "worst pain imaginable" in buttons[10].accessibleName().lower()
    assert "5" in buttons[5].accessibleName()
    assert checkin.rating() is None
    assert not checkin.save_button().isEnabled()


@pytest.mark.parametrize("value", range(11))
def test_rating_by_click(qtbot, checkin, value):
    with qtbot.waitSignal(checkin.ratingChanged, timeout=0) as changed:
        qtbot.mouseClick(checkin.button(value), Qt.MouseButton.LeftButton)
    assert changed.args == [value]
    assert checkin.rating() == value
    assert checkin.button(value).isChecked()
    assert sum(b.isChecked() for b in checkin.buttons()) == 1
    assert checkin.save_button().isEnabled()
    with qtbot.waitSignal(checkin.submitted, timeout=0) as sent:
        qtbot.mouseClick(checkin.save_button(), Qt.MouseButton.LeftButton)
    assert sent.args == [value, ""]


@pytest.mark.parametrize("digit", range(10))
def test_rating_by_each_key_then_enter(qtbot, checkin, digit):
    press(qtbot, checkin, digit)
    assert checkin.rating() == digit
    assert checkin.button(digit).isChecked()
    with qtbot.waitSignal(checkin.submitted, timeout=0) as sent:
        qtbot.keyClick(checkin, Qt.Key.Key_Return)
    assert sent.args == [digit, ""]


def test_keypad_digits_and_enter(qtbot, checkin):
    qtbot.keyClick(checkin, Qt.Key.Key_7, Qt.KeyboardModifier.KeypadModifier)
    assert checkin.rating() == 7
    with qtbot.waitSignal(checkin.submitted, timeout=0) as sent:
        qtbot.keyClick(checkin, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert sent.args == [7, ""]


def test_one_then_zero_within_the_window_is_ten(qtbot, checkin, clock):
    press(qtbot, checkin, 1)
    assert checkin.rating() == 1  # "1" alone is shown at once
    assert checkin.button(1).isChecked()
    clock.advance(TEN_WINDOW_S - 0.1)
    press(qtbot, checkin, 0)
    assert checkin.rating() == 10
    assert checkin.button(10).isChecked() and not checkin.button(1).isChecked()


def test_one_then_zero_at_the_edge_of_the_window_is_ten(qtbot, checkin, clock):
    press(qtbot, checkin, 1)
    clock.advance(TEN_WINDOW_S)
    press(qtbot, checkin, 0)
    assert checkin.rating() == 10


def test_one_then_waiting_keeps_one(qtbot, checkin, clock):
    press(qtbot, checkin, 1)
    clock.advance(TEN_WINDOW_S + 0.5)
    assert checkin.rating() == 1  # nothing changes by itself
    with qtbot.waitSignal(checkin.submitted, timeout=0) as sent:
        qtbot.keyClick(checkin, Qt.Key.Key_Return)
    assert sent.args == [1, ""]


def test_one_then_late_zero_is_zero(qtbot, checkin, clock):
    press(qtbot, checkin, 1)
    clock.advance(TEN_WINDOW_S + 0.01)
    press(qtbot, checkin, 0)
    assert checkin.rating() == 0


def test_ten_then_zero_again_is_zero(qtbot, checkin, clock):
    press(qtbot, checkin, 1, 0)
    assert checkin.rating() == 10
    press(qtbot, checkin, 0)
    assert checkin.rating() == 0


def test_a_click_between_one_and_zero_breaks_the_pair(qtbot, checkin, clock):
    press(qtbot, checkin, 1)
    qtbot.mouseClick(checkin.button(1), Qt.MouseButton.LeftButton)
    press(qtbot, checkin, 0)
    assert checkin.rating() == 0
    press(qtbot, checkin, 1)
    qtbot.keyClick(checkin, Qt.Key.Key_Space)  # any other key breaks it too
    press(qtbot, checkin, 0)
    assert checkin.rating() == 0


def test_no_key_sequence_leaves_the_scale(qtbot, checkin, clock):
    for seq in itertools.product(range(10), repeat=3):
        checkin.reset()
        for d in seq:
            press(qtbot, checkin, d)
            assert checkin.rating() in range(11)
        clock.advance(0.2)
    assert checkin.rating() in range(11)


@pytest.mark.parametrize("bad", [-1, 11, 100, 2.5, True, "3"])
def test_out_of_range_is_refused(checkin, bad):
    with pytest.raises(ValueError):
        checkin.set_rating(bad)
    assert checkin.rating() is None


def test_the_note_is_passed_through(qtbot, checkin):
    checkin.set_rating(4)
    qtbot.keyClicks(checkin.note_edit(), "  stiff after sitting 2 hours ")
    assert checkin.rating() == 4  # digits typed in the note stay in the note
    with qtbot.waitSignal(checkin.submitted, timeout=0) as sent:
        qtbot.mouseClick(checkin.save_button(), Qt.MouseButton.LeftButton)
    assert sent.args == [4, "stiff after sitting 2 hours"]


def test_enter_in_the_note_saves(qtbot, checkin):
    checkin.set_rating(6)
    qtbot.keyClicks(checkin.note_edit(), "ok")
    with qtbot.waitSignal(checkin.submitted, timeout=0) as sent:
        qtbot.keyClick(checkin.note_edit(), Qt.Key.Key_Return)
    assert sent.args == [6, "ok"]


def test_the_note_is_limited(checkin):
    checkin.set_note("x" * (MAX_NOTE + 100))
    assert len(checkin.note()) == MAX_NOTE
    assert checkin.note_edit().maxLength() == MAX_NOTE


def test_nothing_is_sent_without_a_rating(qtbot, checkin):
    with qtbot.assertNotEmitted(checkin.submitted):
        qtbot.keyClick(checkin, Qt.Key.Key_Return)
        assert checkin.submit() is False
    assert not checkin.save_button().isEnabled()


def test_arrow_keys_move_the_rating(qtbot, checkin):
    checkin.set_rating(9)
    qtbot.keyClick(checkin, Qt.Key.Key_Right)
    assert checkin.rating() == 10
    qtbot.keyClick(checkin, Qt.Key.Key_Right)
    assert checkin.rating() == 10
    checkin.set_rating(0)
    qtbot.keyClick(checkin, Qt.Key.Key_Left)
    assert checkin.rating() == 0


def test_reset_clears_rating_and_note(checkin):
    checkin.set_rating(3)
    checkin.set_note("x")
    checkin.reset()
    assert checkin.rating() is None and checkin.note() == ""
    assert not any(b.isChecked() for b in checkin.buttons())
    assert not checkin.save_button().isEnabled()


def test_the_choice_shows_a_check_mark_not_only_a_colour(qtbot, checkin):
    checkin.grab()  # lays the widget out without showing a window
    button = checkin.button(7)
    w, h = button.width(), button.height()
    assert h >= 56 and w >= 40
    dark = QColor(LIGHT.text)

    def marked() -> bool:
        image = button.grab().toImage()
        # the check mark sits under the number, centred
        xs, ys = range(w // 3, 2 * w // 3), range(h * 2 // 3, h - 8)
        return any(
            all(
                abs(a - b) < 30
                for a, b in zip(image.pixelColor(x, y).getRgb()[:3], dark.getRgb()[:3], strict=True)
            )
            for x in xs
            for y in ys
        )

    assert not marked()
    checkin.set_rating(7)
    assert marked()


def test_the_pain_now_dialog_shows_no_note_and_no_note_label(qtbot, light):
    dialog = PainNowDialog()
    qtbot.addWidget(dialog)
    shown = [label.text() for label in dialog.findChildren(QLabel) if not label.isHidden()]
    assert "Note (optional)" not in shown
    assert dialog.check_in.note_edit().isHidden()
    assert dialog.check_in.title() == "How much does it hurt right now?"


def test_the_rating_buttons_take_the_check_ins_theme(checkin):
    checkin.set_theme(DARK)
    assert {b.painted_theme() for b in checkin.findChildren(RatingButton)} == {DARK}
