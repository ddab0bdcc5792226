"""The real main window on a real store, driven by keys and clicks with a fake clock."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings, Qt

from backcompanion.companion import Companion
from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import State, Step
from backcompanion.session.rules import load_rules
from backcompanion.ui.dialogs import confirm
from backcompanion.ui.settings_model import Settings
from backcompanion.ui.window import main_window as mw
from backcompanion.ui.window.main_window import MainWindow

PROGRAM = builtin_program()


@pytest.fixture
def make_window(qtbot, tmp_path, light):
    stores = []

    def make(first_start_done: bool = True, folder=None, red_flags_answered: bool = True):
        folder = folder or tmp_path / "data"
        store = Store.open(folder, phases={e.id: e.phase.value for e in PROGRAM.exercises})
        stores.append(store)
        companion = Companion(PROGRAM, load_rules(), store)
        if red_flags_answered:
            companion.record_red_flags(())
        settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        settings.first_start_done = first_start_done
        settings.get_ready_s = 3
        settings.release_s = 2
        clock = FakeClock()
        window = MainWindow(companion, settings, clock=clock)
        qtbot.addWidget(window)
        return window, clock

    yield make
    for store in stores:
        store.close()


def advance(window, clock, seconds):
    """Let ``seconds`` pass the way the display timer would see them: one second at a time."""
    engine = window.bridge.engine
    end = clock() + seconds
    while clock() < end:
        clock.advance(min(1.0, end - clock()))
        engine.update()


def advance_until(window, clock, predicate, limit=20_000):
    engine = window.bridge.engine
    for _ in range(limit):
        if predicate(engine.snapshot()):
            return engine.snapshot()
        clock.advance(min(1.0, max(engine.snapshot().remaining_s, 1e-3)))
        engine.update()
    raise AssertionError("never reached")


def test_first_start_welcome_then_safety_check_then_home(make_window, qtbot):
    window, _ = make_window(first_start_done=False, red_flags_answered=False)
    assert window.current_page() == "welcome"
    qtbot.mouseClick(window.welcome.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "red_flags"
    window.red_flags.none_box.setChecked(True)  # "None of these apply"
    assert window.red_flags.save()
    assert window.current_page() == "home"
    assert window.home.start_button.isEnabled()
    assert window.settings.first_start_done


def test_a_ticked_red_flag_blocks_starting_until_clearance(make_window, qtbot):
    window, _ = make_window(first_start_done=False, red_flags_answered=False)
    window.show_page("red_flags")
    window.red_flags.set_ticked((16,))  # one leg: see a clinician first
    assert window.red_flags.save()
    assert window.current_page() == "clinician"
    window.go_home()
    assert not window.home.start_button.isEnabled()
    window.start_session()  # the menu action cannot bypass it either
    assert window.bridge.engine is None and window.current_page() == "clinician"
    window.clinician.ask_confirmation()
    assert not window.clinician.confirm()  # who cleared you? is needed
    assert window.current_page() == "clinician" and window.clinician.missing.text()
    window.clinician.who_edit.setText("Dr Lee")
    assert window.clinician.confirm()
    assert window.current_page() == "home"
    assert window.home.start_button.isEnabled()


def test_a_whole_session_by_keyboard_with_a_fake_clock(make_window, qtbot, monkeypatch):
    window, clock = make_window()
    assert window.current_page() == "home"
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.current_page() == "daily_check"
    qtbot.keyClick(window.daily_check, Qt.Key.Key_Return)  # nothing new
    assert window.current_page() == "check_in"
    qtbot.keyClick(window.check_in, Qt.Key.Key_6)
    qtbot.keyClick(window.check_in, Qt.Key.Key_Return)
    assert window.current_page() == "breathing"
    advance(window, clock, 1.5)
    qtbot.keyClick(window, Qt.Key.Key_N)
    snap = window.bridge.engine.snapshot()
    assert snap.state is State.STRETCHING and snap.exercise.id == "angry_cat"
    assert window.current_page() == "exercise"
    # pause and resume with Space: the remaining time does not move while paused
    advance(window, clock, 4)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    before = window.bridge.engine.snapshot()
    assert before.state is State.PAUSED
    clock.advance(600)
    window.bridge.engine.update()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    after = window.bridge.engine.snapshot()
    assert after.state is State.STRETCHING
    assert (after.rep, after.step, after.remaining_s) == (
        before.rep,
        before.step,
        before.remaining_s,
    )
    # hands-free to the hamstring's right side
    snap = advance_until(
        window,
        clock,
        lambda s: (
            s.exercise is not None
            and s.exercise.id == "hamstring_stretch"
            and s.side_index == 1
            and s.step is Step.HOLD
        ),
    )
    assert snap.side_label == "right leg"
    # "this hurts" asks how much, ends the exercise and moves on
    from backcompanion.ui.session_screens import checkin

    asked = []
    monkeypatch.setattr(
        checkin.PainNowDialog, "ask", classmethod(lambda cls, parent: asked.append(1) or 3)
    )
    advance(window, clock, 1.5)
    qtbot.keyClick(window, Qt.Key.Key_H)
    assert asked == [1]
    snap = window.bridge.engine.snapshot()
    assert snap.exercise.id == "piriformis_stretch"
    # the rest runs by itself up to the closing check-in
    advance_until(window, clock, lambda s: s.state is State.CHECK_IN_AFTER)
    assert window.current_page() == "check_in"
    qtbot.keyClick(window.check_in, Qt.Key.Key_1)
    qtbot.keyClick(window.check_in, Qt.Key.Key_0)
    qtbot.keyClick(window.check_in, Qt.Key.Key_Return)
    assert window.current_page() == "done"
    facts = window.companion.store.session_facts()
    assert [(f.opening, f.closing, f.outcome, f.hurt) for f in facts] == [(6, 10, "done", True)]
    window.done.home_requested.emit()
    assert window.current_page() == "home"


def test_escape_asks_before_stopping(make_window, qtbot, monkeypatch):
    window, _clock = make_window()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(mw.Event.CHECK_IN, rating=3)
    answers = iter([False, True])
    monkeypatch.setattr(confirm.StopConfirm, "ask", staticmethod(lambda parent: next(answers)))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.bridge.engine.state is State.BREATHING
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current_page() == "done"
    assert window.companion.store.session_facts()[0].outcome == "stopped"


def test_an_interrupted_session_is_offered_for_resume(make_window, qtbot, tmp_path):
    window, clock = make_window()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(mw.Event.CHECK_IN, rating=5)
    window.bridge.send(mw.Event.CONTINUE)
    advance_until(window, clock, lambda s: s.rep == 5 and s.step is Step.HOLD)
    # the process dies here: a new window on the same folder
    window.bridge.detach()
    again, _ = make_window(folder=tmp_path / "data")
    assert again.home.resume_banner.isVisibleTo(again.home)
    assert not again.home.start_button.isEnabled()
    qtbot.mouseClick(again.home.resume_button, Qt.MouseButton.LeftButton)
    snap = again.bridge.engine.snapshot()
    assert snap.state is State.PAUSED and snap.exercise.id == "angry_cat" and snap.rep == 5
    assert again.current_page() == "exercise"
    qtbot.keyClick(again, Qt.Key.Key_Space)
    assert again.bridge.engine.state is State.STRETCHING


def test_this_hurts_above_5_during_strengthening_ends_strengthening_for_the_session(
    make_window, qtbot, monkeypatch
):
    from backcompanion.ui.session_screens import checkin

    window, clock = make_window()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    engine = window.bridge.engine
    # open the gate for this session's plan, as the rules would after a few good weeks
    import dataclasses

    plan = dataclasses.replace(engine.plan, gate_open=True)
    window.bridge.detach()
    engine = window.companion.new_engine(plan, clock)
    window.bridge.attach(engine)
    window.bridge.send(mw.Event.START)
    window.bridge.send(mw.Event.CHECK_IN, rating=3)
    advance_until(
        window,
        clock,
        lambda s: s.exercise is not None and s.exercise.id == "plank" and s.step is Step.HOLD,
    )
    monkeypatch.setattr(checkin.PainNowDialog, "ask", classmethod(lambda cls, parent: 7))
    advance(window, clock, 1.5)
    qtbot.keyClick(window, Qt.Key.Key_H)
    snap = window.bridge.engine.snapshot()
    assert snap.state is State.CHECK_IN_AFTER  # no easier plank: pain is not "too hard"
    assert snap.offer_easier is None


def test_progress_page_shows_the_history_and_escape_goes_home(make_window, qtbot, tmp_path):
    from datetime import date, timedelta

    from backcompanion.simulate import simulate

    window, _ = make_window()
    simulate(window.companion.store, PROGRAM, load_rules(), 21, date.today() - timedelta(days=21))
    qtbot.mouseClick(window.home.progress_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "progress"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current_page() == "home"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_full_screen_view_follows_the_session_and_escape_leaves_it_first(make_window, qtbot):
    window, clock = make_window()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(mw.Event.CHECK_IN, rating=4)
    window.toggle_fullscreen()
    assert window.isFullScreen() and window.current_page() == "fullscreen"
    assert window.fullscreen.mode() == "breathing"
    # the frame timer drives the pacer on this page too
    assert window.bridge._frame.isActive()
    clock.advance(2.0)
    window.bridge._on_frame()
    assert window.fullscreen.pacer.size_value() > 0
    window.bridge.send(mw.Event.CONTINUE)
    advance(window, clock, 7)
    assert window.fullscreen.mode() == "exercise"
    assert window.fullscreen.name_text.text() == "Angry cat"
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # leaves full screen, does not stop
    assert not window.isFullScreen()
    assert window.bridge.engine.state is State.STRETCHING
    assert window.current_page() == "exercise"
    window.bridge.send(mw.Event.STOP)


def test_reduced_motion_setting_reaches_the_pacer_and_the_carousel(make_window):
    window, _ = make_window()
    window.settings.motion = "reduced"
    assert window.breathing.pacer.reduced_motion()
    assert window.carousel.reduced_motion()
    assert window.fullscreen.pacer.reduced_motion()
    assert window.fullscreen.figure.reduced_motion()
    assert window.exercise.figure.reduced_motion()
    assert window.carousel.card().figure.reduced_motion()
    window.settings.motion = "full"
    assert not window.carousel.reduced_motion()
    assert not window.fullscreen.pacer.reduced_motion()
    assert not window.exercise.figure.reduced_motion()


def test_the_bridge_frames_move_the_figure_only_while_it_moves_on_screen(make_window):
    from backcompanion.figure.motion import EASE_IN_S, session_moment

    window, clock = make_window()
    window.settings.motion = "full"
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(mw.Event.CHECK_IN, rating=4)
    window.bridge.send(mw.Event.CONTINUE)
    bridge, page = window.bridge, window.exercise
    assert window.current_page() == "exercise"
    assert bridge.snapshot().step is Step.GET_READY
    assert not bridge.frames_running()  # the start pose: nothing moves, no frames
    snap = advance_until(window, clock, lambda s: s.step is Step.HOLD)
    assert bridge.frames_running()  # easing into the stretch
    seen = []
    bridge.phaseFrame.connect(seen.append)
    clock.advance(0.7)
    bridge._on_frame()
    assert seen == [pytest.approx(0.7)]
    assert page.figure.moment() == session_moment("hold", seen[0], snap.phase_duration_s)
    clock.advance(EASE_IN_S)  # past the ease: one last frame, then the figure holds still
    bridge._on_frame()
    assert page.figure.moment().t == 1.0
    assert not bridge.frames_running()
    advance_until(window, clock, lambda s: s.step is Step.RELEASE)
    assert bridge.frames_running()  # easing back
    window.bridge.send(mw.Event.PAUSE)
    assert not bridge.frames_running()  # paused: still
    window.bridge.send(mw.Event.RESUME)
    assert bridge.frames_running()
    window.settings.motion = "reduced"
    assert not bridge.frames_running()  # reduced motion: the end pose, still
    assert page.figure.reduced_motion()
    window.bridge.send(mw.Event.STOP)


def test_quitting_with_records_still_unsaved_asks_to_stay_open(make_window, monkeypatch):
    window, _clock = make_window()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(mw.Event.CHECK_IN, rating=4)
    store = window.companion.store

    def full(_rec):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "record", full)
    window.bridge.send(mw.Event.STOP)  # records wait in memory now
    assert window.records.pending > 0
    asked = []
    monkeypatch.setattr(
        confirm.UnsavedOnQuit, "ask", staticmethod(lambda parent, n: asked.append(n) or True)
    )
    assert not window.close()  # the person chose to stay open
    assert asked and asked[0] == window.records.pending
    monkeypatch.undo()  # the disk has room again
    assert window.close()
    assert window.records.pending == 0


def test_the_settings_file_is_private(tmp_path):
    from backcompanion.app import private_settings

    qsettings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    qsettings.setValue("you/name", "Ana")
    private_settings(qsettings)
    assert oct((tmp_path / "s.ini").stat().st_mode & 0o777) == "0o600"


def test_only_the_home_page_is_built_at_start_and_the_others_on_first_use(make_window, qtbot):
    window, _ = make_window()
    names = {window.stack.widget(i).objectName() for i in range(window.stack.count())}
    assert names == {"home"}  # start-up time and memory: nothing else yet
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.current_page() == "daily_check"
    qtbot.keyClick(window.daily_check, Qt.Key.Key_Return)
    assert window.current_page() == "check_in"
    window.settings.motion = "reduced"
    assert window.breathing.pacer.reduced_motion()  # built now, with the setting of now
    window.settings.motion = "full"
    assert not window.breathing.pacer.reduced_motion()
    pages = [window.stack.widget(i).objectName() for i in range(window.stack.count())]
    assert sorted(pages) == ["breathing", "check_in", "daily_check", "home"]  # each built once


def test_a_started_session_builds_its_pages_while_the_check_in_waits(qtbot, make_window):
    """Start-up builds only the home page; a session builds the rest in idle turns of the
    event loop during the opening check-in, not at the moment each is first shown."""
    from backcompanion.ui.window.session_flow import SESSION_PAGES

    window, _clock = make_window()
    assert not set(SESSION_PAGES) & window.pages.built_names()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    qtbot.waitUntil(lambda: set(SESSION_PAGES) <= window.pages.built_names())
    assert window.current_page() == "check_in"


def test_the_progress_page_goes_back_home_with_its_button(qtbot, make_window):
    window, _clock = make_window()
    window.show_progress()
    assert window.current_page() == "progress"
    window.progress.home_button.click()
    assert window.current_page() == "home"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_f11_is_the_view_menus_full_screen_shortcut(make_window):
    """The README's F11 is a menu shortcut, not a key of keys.py: Qt delivers it to the action."""
    from PySide6.QtGui import QAction, QKeySequence

    window, _clock = make_window()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(mw.Event.CHECK_IN, rating=4)
    (action,) = [
        a for a in window.findChildren(QAction) if QKeySequence(Qt.Key.Key_F11) in a.shortcuts()
    ]
    action.trigger()
    assert window.isFullScreen() and window.current_page() == "fullscreen"
    action.trigger()
    assert not window.isFullScreen() and window.current_page() == "breathing"
    window.bridge.send(mw.Event.STOP)


def test_a_digit_rates_the_exercise_just_done(make_window, qtbot):
    window, clock = make_window()
    window.start_session()
    window.safety.nothing_new()  # "anything new today?": nothing
    window.bridge.send(mw.Event.CHECK_IN, rating=3)
    window.bridge.send(mw.Event.CONTINUE)
    advance_until(
        window,
        clock,
        lambda s: s.state is State.STRETCHING and mw.Event.RATE_EFFORT in s.allowed_events,
    )
    assert window.current_page() == "exercise" and window.exercise.effort_visible()
    qtbot.keyClick(window, Qt.Key.Key_2)
    assert mw.Event.RATE_EFFORT not in window.bridge.engine.snapshot().allowed_events
    window.bridge.send(mw.Event.STOP)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("height", [720, 800, 860, 938, 1080, 1200])
def test_every_card_lays_out_without_cutting_a_line_at_any_height(make_window, qapp, height):
    from PySide6.QtWidgets import QLabel

    from backcompanion.ui.home.card_badges import em_of
    from backcompanion.ui.home.exercise_card import PICTURE_MIN_LINES

    window, _ = make_window()
    window.show()
    window.setFixedSize(1280, height)
    carousel = window.carousel
    card = carousel.card()
    assert window.home_status.gate.texts  # the first week: strength cards are locked
    for exercise in PROGRAM.exercises:
        carousel.show(exercise.id)
        for _ in range(3):
            qapp.processEvents()
        shown = [lbl for lbl in card.findChildren(QLabel) if lbl.isVisibleTo(card) and lbl.text()]
        assert card.name in shown
        for label in shown:
            need = (
                label.heightForWidth(label.width())
                if label.wordWrap()
                else label.sizeHint().height()
            )
            assert label.height() >= need, (height, exercise.id, label.objectName(), label.text())
        em = em_of(card)
        picture = card.picture
        assert picture.height() >= em * PICTURE_MIN_LINES - 1, (height, exercise.id)
        assert picture.width() >= em * 6 - 1
        figure = card.figure.geometry()
        assert figure.height() >= em * 3 and figure.width() >= em * 4, (height, exercise.id)
        if carousel.is_locked(exercise.id):
            assert card.lock_panel.isVisibleTo(card)


def test_a_new_exercise_reaches_its_page_before_the_hidden_home_carousel(make_window, monkeypatch):
    """At a page switch the session's page is told first; the home carousel (hidden during a
    session) follows it, so its card's figure never makes the number on screen late."""
    window, _clock = make_window()
    told = []
    real_page = window.exercise.show_snapshot
    real_carousel = window.carousel.set_current
    monkeypatch.setattr(
        window.exercise, "show_snapshot", lambda snap: (told.append("page"), real_page(snap))
    )
    monkeypatch.setattr(
        window.carousel, "set_current", lambda ex: (told.append("carousel"), real_carousel(ex))
    )
    window.start_session()
    assert window.safety.nothing_new()
    window.bridge.send(mw.Event.CHECK_IN, rating=2)
    told.clear()
    window.bridge.send(mw.Event.CONTINUE)  # breathing -> the first stretch's get ready
    assert told[:2] == ["page", "carousel"]
    assert window.carousel.current_exercise() == window.bridge.engine.snapshot().exercise.id


def test_the_sources_read_at_import_are_not_kept(make_window):
    """PySide6's import hook reads each imported module's source into linecache; the window
    lets it go once its pages are built (4 MB for the app's modules)."""
    import linecache

    from backcompanion.ui.window import main_window as module

    linecache.getlines(module.__file__)  # as PySide6's hook does at an import
    assert module.__file__ in linecache.cache
    window, _clock = make_window()
    window.pages.get("breathing")
    assert module.__file__ not in linecache.cache


def test_an_emergency_sign_before_a_session_stops_the_day_with_no_way_round(make_window, qtbot):
    window, _ = make_window()
    window.start_session()
    assert window.current_page() == "daily_check"
    qtbot.keyClick(window.daily_check, Qt.Key.Key_1)  # numbness between the legs
    qtbot.keyClick(window.daily_check, Qt.Key.Key_Return)
    assert window.current_page() == "emergency" and window.bridge.engine is None
    page = window.emergency
    assert "Call your local emergency number" in page.instruction.text()
    assert not page.cleared_button.isVisibleTo(page)  # no "cleared" that day
    qtbot.keyClick(page, Qt.Key.Key_Return)  # one key leaves
    assert window.current_page() == "home"
    assert not window.home.start_button.isEnabled()
    window.start_session()
    assert window.current_page() == "emergency" and window.bridge.engine is None


def test_an_urgent_sign_needs_same_day_advice_then_a_clearance(make_window, qtbot):
    window, _ = make_window()
    window.start_session()
    qtbot.keyClick(window.daily_check, Qt.Key.Key_7)  # a fall or injury
    qtbot.keyClick(window.daily_check, Qt.Key.Key_Return)
    assert window.current_page() == "urgent" and window.bridge.engine is None
    assert "today" in window.urgent.instruction.text()
    qtbot.mouseClick(window.urgent.cleared_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "clinician" and window.clinician.is_confirming()
    window.clinician.who_edit.setText("Out-of-hours GP")
    assert window.clinician.confirm()
    assert window.current_page() == "home" and window.home.start_button.isEnabled()
    window.start_session()
    assert window.safety.nothing_new()
    assert window.current_page() == "check_in"


def test_an_opening_of_7_or_more_is_breathing_and_the_flare_up_page_only(make_window, qtbot):
    window, clock = make_window()
    window.start_session()
    assert window.safety.nothing_new()
    qtbot.keyClick(window.check_in, Qt.Key.Key_8)
    qtbot.keyClick(window.check_in, Qt.Key.Key_Return)
    assert window.current_page() == "breathing"
    assert window.bridge.engine.plan.stretches == ()
    advance(window, clock, 1.5)
    qtbot.keyClick(window, Qt.Key.Key_N)  # the end of the breathing
    assert window.current_page() == "flare_up"
    page = window.flare_up
    assert "8 out of 10" in page.today.text() and "breathing only" in page.today.text()
    assert "get medical advice" in page.seek_help.text()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert window.current_page() == "check_in"
    assert window.bridge.engine.state is State.CHECK_IN_AFTER


def test_a_resumed_stretch_only_day_stays_stretching_only_at_the_lowest_holds(
    make_window, qtbot, tmp_path
):
    window, clock = make_window()
    window.start_session()
    assert window.safety.nothing_new()
    window.bridge.send(mw.Event.CHECK_IN, rating=6)  # 6: stretching only, lowest holds
    window.bridge.send(mw.Event.CONTINUE)
    advance_until(window, clock, lambda s: s.rep == 2 and s.step is Step.HOLD)
    window.bridge.detach()  # the process dies here
    again, clock = make_window(folder=tmp_path / "data")
    assert again.home.resume_banner.isVisibleTo(again.home)
    qtbot.mouseClick(again.home.resume_button, Qt.MouseButton.LeftButton)
    plan = again.bridge.engine.plan
    assert plan.day == "stretch_only" and not plan.gate_open  # strengthening stays locked
    assert all(step.hold_s == step.exercise.hold_s[0] for step in plan.stretches)
    snap = again.bridge.engine.snapshot()
    assert snap.state is State.PAUSED and snap.exercise.id == "angry_cat" and snap.rep == 2
    qtbot.keyClick(again, Qt.Key.Key_Space)
    advance_until(again, clock, lambda s: s.state is State.CHECK_IN_AFTER)
    assert again.current_page() == "check_in"  # no gate, no strengthening


def test_a_flare_up_day_interrupted_in_the_breathing_is_kept_and_not_resumed_into_exercise(
    make_window, qtbot, tmp_path, monkeypatch
):
    from backcompanion.ui.window import session_flow

    window, clock = make_window()
    window.start_session()
    assert window.safety.nothing_new()
    window.bridge.send(mw.Event.CHECK_IN, rating=8)  # 7 or more: breathing only
    advance(window, clock, 5)
    window.bridge.detach()  # the process dies in the breathing
    again, _ = make_window(folder=tmp_path / "data")
    said = []
    monkeypatch.setattr(
        session_flow.QMessageBox, "information", lambda parent, title, text: said.append(text)
    )
    qtbot.mouseClick(again.home.resume_button, Qt.MouseButton.LeftButton)
    # nothing of a breathing-only day is left to pick up: said, and kept as partly done
    assert said == ["That session cannot be picked up again; it is kept as partly done."]
    assert again.current_page() == "home" and again.bridge.engine is None
    sessions = again.companion.store.session_facts()
    assert [(s.outcome, s.opening) for s in sessions] == [("partial", 8)]
    again.start_session()
    assert again.safety.nothing_new()
    assert again.current_page() == "check_in"  # a new session plans from a new rating
