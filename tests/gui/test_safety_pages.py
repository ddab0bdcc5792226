"""The safety pages: welcome and disclaimer, the red-flag check, "see a clinician", About."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QStyle, QStyleOptionButton

from backcompanion.program.safety import load_safety
from backcompanion.ui.dialogs.about import AboutDialog
from backcompanion.ui.home.safety_pages import RedFlagPage, SeeClinicianPage, WelcomePage

SAFETY = load_safety()
KEYS = {d: getattr(Qt.Key, f"Key_{d}") for d in range(10)}


def _texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def _click_box(qtbot, box: QCheckBox) -> None:
    """Click the indicator of a checkbox, as a person would."""
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=rect.center())


def _page(qtbot, page, w=1280, h=800):
    qtbot.addWidget(page)
    page.resize(w, h)
    page.grab()  # lays the page out without opening a window
    return page


# ---- welcome ----


def test_welcome_shows_the_disclaimer_and_continues(qtbot, light):
    page = _page(qtbot, WelcomePage())
    text = _texts(page)
    assert SAFETY.disclaimer.text in text
    assert SAFETY.disclaimer.ask_first in text
    assert "Welcome to BackCompanion" in text
    with qtbot.waitSignal(page.continued, timeout=0):
        qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.continued, timeout=0):
        qtbot.keyClick(page, Qt.Key.Key_Return)


# ---- red flags ----


def test_red_flag_page_lists_the_sixteen_flags(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    assert sorted(page.rows) == list(range(1, 17))
    for flag in SAFETY.red_flags:
        box = page.checkbox(flag.number)
        assert box.text() == flag.title
        assert box.accessibleDescription() == flag.text
        assert not box.isChecked()
    assert SAFETY.red_flag_check.question in _texts(page)
    assert page.none_box.text() == SAFETY.red_flag_check.none
    assert not page.save_button.isEnabled()  # nothing chosen yet


def test_answered_with_the_ticked_flags(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    _click_box(qtbot, page.checkbox(5))
    _click_box(qtbot, page.checkbox(3))
    assert page.ticked() == (3, 5)
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(page.answered, timeout=0) as got:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert got.args == [(3, 5)]


def test_answered_with_none(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    _click_box(qtbot, page.none_box)
    assert page.none_apply() and page.save_button.isEnabled()
    with qtbot.waitSignal(page.answered, timeout=0) as got:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert got.args == [()]


def test_a_choice_is_required(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    with qtbot.assertNotEmitted(page.answered):
        assert page.save() is False
        qtbot.keyClick(page, Qt.Key.Key_Return)
    _click_box(qtbot, page.checkbox(2))
    _click_box(qtbot, page.checkbox(2))  # ticked and unticked again: still no choice
    assert not page.save_button.isEnabled()


def test_none_and_flags_exclude_each_other(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    page.set_ticked([1, 7])
    _click_box(qtbot, page.none_box)
    assert page.ticked() == () and page.none_apply()
    _click_box(qtbot, page.checkbox(4))
    assert page.ticked() == (4,) and not page.none_apply()
    with qtbot.waitSignal(page.answered, timeout=0) as got:
        page.save()
    assert got.args == [(4,)]


def test_keys_tick_flags_and_none_and_enter_saves(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    for d in (1, 6, 1, 7):
        qtbot.keyClick(page, KEYS[d])
    assert page.ticked() == (6, 7)
    qtbot.keyClick(page, KEYS[0])
    assert page.ticked() == () and page.none_apply()
    with qtbot.waitSignal(page.answered, timeout=0) as got:
        qtbot.keyClick(page, Qt.Key.Key_Enter)
    assert got.args == [()]


def test_a_cleared_lifelong_item_is_not_asked_and_the_keys_follow_what_is_shown(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    page.set_hidden([2, 10])
    assert page.rows[2].isHidden() and page.rows[10].isHidden()
    assert page.checkbox(3).text() == f"2. {SAFETY.flag(3).label}"  # numbered as shown
    qtbot.keyClick(page, KEYS[2])
    assert page.ticked() == (3,)
    page.set_ticked([10, 3])
    assert page.ticked() == (3,)  # a hidden flag is never answered


def test_anything_new_today_asks_only_emergency_and_urgent_signs(qtbot, light):
    from backcompanion.ui.home.safety_pages import DailyCheckPage

    page = _page(qtbot, DailyCheckPage())
    assert sorted(page.rows) == [f.number for f in SAFETY.daily_flags()] == list(range(1, 10))
    assert SAFETY.daily_check.question in _texts(page)
    assert page.save_button.text() == SAFETY.daily_check.none and page.save_button.isEnabled()
    with qtbot.waitSignal(page.answered, timeout=0) as got:
        qtbot.keyClick(page, Qt.Key.Key_Return)  # one key: nothing new
    assert got.args == [()]
    qtbot.keyClick(page, KEYS[1])
    assert page.save_button.text() == "Save"
    with qtbot.waitSignal(page.answered, timeout=0) as got:
        qtbot.keyClick(page, Qt.Key.Key_Return)
    assert got.args == [(1,)]


def test_keys_past_the_flags_do_nothing(qtbot, light):
    from backcompanion.ui.home.safety_pages import DailyCheckPage

    page = _page(qtbot, DailyCheckPage())
    page.reset()
    with qtbot.assertNotEmitted(page.answered):
        qtbot.keyClick(page, KEYS[0])  # no "none" box here: Enter is "nothing new"
    assert page.ticked() == ()


def test_enter_saves_none(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    qtbot.keyClick(page, KEYS[0])
    assert page.ticked() == () and page.none_apply()
    with qtbot.waitSignal(page.answered, timeout=0) as got:
        qtbot.keyClick(page, Qt.Key.Key_Enter)
    assert got.args == [()]


def test_clicking_the_card_text_toggles_the_flag(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    row = page.rows[3]
    assert row.text is not None
    qtbot.mouseClick(row.text, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert page.ticked() == (3,)
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton, pos=QPoint(row.width() - 6, 6))
    assert page.ticked() == ()


def test_reset_and_bad_numbers(qtbot, light):
    page = _page(qtbot, RedFlagPage())
    page.set_ticked([2])
    page.reset()
    assert page.ticked() == () and not page.none_apply() and not page.save_button.isEnabled()
    with pytest.raises(ValueError):
        page.set_ticked([17])


def test_two_columns_when_wide_one_when_narrow(qtbot, light):
    wide = _page(qtbot, RedFlagPage(), 1280, 800)
    assert wide.columns() == 2
    narrow = _page(qtbot, RedFlagPage(), 700, 600)
    assert narrow.columns() == 1


# ---- see a clinician ----


def test_see_clinician_names_the_ticked_flags(qtbot, light):
    page = _page(qtbot, SeeClinicianPage([16, 14]))
    assert page.flags() == (14, 16)
    shown = "\n".join(page.flag_texts())
    for n in (14, 16):
        assert SAFETY.flag(n).label in shown and SAFETY.flag(n).text in shown
    for n in (10, 11, 12, 13, 15):
        assert SAFETY.flag(n).label not in shown
    assert SAFETY.see_clinician.text in _texts(page)
    page.set_flags([10])
    assert page.flags() == (10,)
    assert SAFETY.flag(16).label not in "\n".join(page.flag_texts())
    with pytest.raises(KeyError):
        page.set_flags([17])


def test_see_clinician_names_an_exercise_that_hurt_twice(qtbot, light):
    page = _page(qtbot, SeeClinicianPage())
    page.set_hurts(["Plank"])
    shown = "\n".join(page.flag_texts())
    assert "two sessions in a row" in shown and "Plank" in shown


def test_cleared_flow_asks_for_confirmation(qtbot, light):
    page = _page(qtbot, SeeClinicianPage([1]))
    assert not page.is_confirming()
    with qtbot.assertNotEmitted(page.cleared):
        qtbot.mouseClick(page.cleared_button, Qt.MouseButton.LeftButton)
    assert page.is_confirming()
    assert page.confirm_button.isVisibleTo(page) and page.cancel_button.isVisibleTo(page)
    assert not page.cleared_button.isVisibleTo(page)
    qtbot.keyClicks(page.who_edit, "  Dr Lee,   physio ")
    with qtbot.waitSignal(page.cleared, timeout=0) as got:
        qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert got.args[0] == "Dr Lee, physio"
    assert isinstance(got.args[1], date)
    assert not page.is_confirming()
    assert page.who_edit.text() == ""


def test_a_clearance_needs_who_and_keeps_what_was_typed(qtbot, light):
    page = _page(qtbot, SeeClinicianPage([12]))
    page.ask_confirmation(date(2026, 3, 4))
    assert page.date_edit.maximumDate() == QDate(2026, 3, 4)  # not in the future
    with qtbot.assertNotEmitted(page.cleared):
        qtbot.keyClick(page.who_edit, Qt.Key.Key_Return)
    assert "who cleared you" in page.missing.text() and page.is_confirming()
    page.date_edit.setDate(QDate(2026, 3, 2))
    qtbot.keyClicks(page.who_edit, "Dr Ng")
    assert page.missing.text() == ""
    with qtbot.waitSignal(page.cleared, timeout=0) as got:
        qtbot.keyClick(page.who_edit, Qt.Key.Key_Return)
    assert got.args == ["Dr Ng", date(2026, 3, 2)]


def test_cancel_and_escape_return_without_clearing(qtbot, light):
    page = _page(qtbot, SeeClinicianPage([4]))
    with qtbot.assertNotEmitted(page.cleared):
        page.ask_confirmation()
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        assert not page.is_confirming()
        page.ask_confirmation()
        qtbot.keyClick(page, Qt.Key.Key_Escape)
        assert not page.is_confirming()
        assert page.confirm() is False  # only from the confirmation step


def test_back(qtbot, light):
    page = _page(qtbot, SeeClinicianPage([6]))
    with qtbot.waitSignal(page.back, timeout=0):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)


# ---- about ----


def test_about_has_the_disclaimer_and_the_flags(qtbot, light):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.grab()
    text = _texts(dialog)
    assert SAFETY.disclaimer.text in text and SAFETY.disclaimer.ask_first in text
    for flag in SAFETY.red_flags:
        assert flag.title in text and flag.text in text
    assert SAFETY.no_improvement.text in text
    assert "BackCompanion" in dialog.windowTitle()
    with qtbot.waitSignal(dialog.rejected, timeout=0):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
