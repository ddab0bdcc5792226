"""``backcompanion screenshots --out DIR``: every main screen as PNG, light and dark.

Renders the real main window offscreen on demo data from ``simulate``, drives
the real engine with a fake clock to each moment worth showing, and saves
``<screen>-<theme>.png``. Used to look at the app as a person would.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from backcompanion.companion import Companion
from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, State, Step
from backcompanion.session.rules import load_rules
from backcompanion.simulate import simulate
from backcompanion.ui.devtools.screenshots_fullscreen import render_fullscreen
from backcompanion.ui.devtools.screenshots_plan import render_plan
from backcompanion.ui.settings_model import Settings
from backcompanion.ui.theme import DARK, LIGHT, apply_theme
from backcompanion.ui.window.main_window import MainWindow

SIZE = (1280, 800)


class Shooter:
    def __init__(self, out: Path, theme_name: str):
        self.out, self.theme_name = out, theme_name
        self.saved: list[Path] = []

    def grab(self, widget: QWidget, name: str) -> None:
        if isinstance(widget, MainWindow):
            widget.setFixedSize(*SIZE)  # a page's size hint may not grow the window
        QApplication.processEvents()
        path = self.out / f"{name}-{self.theme_name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        self.saved.append(path)


def _window(folder: Path, days: int, clock: FakeClock, first_start_done: bool = True) -> MainWindow:
    program = builtin_program()
    rules = load_rules()
    store = Store.open(folder, phases={e.id: e.phase.value for e in program.exercises})
    if days:
        simulate(store, program, rules, days, date.today() - timedelta(days=days), seed=42)
    qsettings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings = Settings(qsettings)
    settings.first_start_done = first_start_done
    window = MainWindow(Companion(program, rules, store), settings, clock=clock)
    window.resize(*SIZE)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.show()
    return window


def _advance_until(window: MainWindow, clock: FakeClock, done: Callable) -> None:
    engine = window.bridge.engine
    for _ in range(100_000):
        snap = engine.snapshot()
        if done(snap):
            return
        clock.advance(max(1e-3, min(snap.remaining_s, 1.0)))
        engine.update()
    raise RuntimeError("the session never reached the screen to show")


def _skip_after_first(window: MainWindow, clock: FakeClock) -> None:
    """Hold every repeat of the first exercise, then press N through the rest."""
    engine = window.bridge.engine
    first = None
    for _ in range(100_000):
        snap = engine.snapshot()
        if snap.state is State.CHECK_IN_AFTER:
            return
        if snap.state is State.GATE:
            window.bridge.send(Event.CONTINUE)
            continue
        if snap.exercise is not None:
            first = first or snap.exercise.id
            if snap.exercise.id != first:
                window.bridge.send(Event.SKIP_REPEAT)
                continue
        clock.advance(max(1e-3, min(snap.remaining_s, 1.0)))
        engine.update()
    raise RuntimeError("the session never reached the closing check-in")


def render_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    saved: list[Path] = []
    for theme_name, theme in (("light", LIGHT), ("dark", DARK)):
        apply_theme(app, theme)
        shot = Shooter(out, theme_name)
        with tempfile.TemporaryDirectory() as tmp:
            for name, widget in scenes(Path(tmp)):
                shot.grab(widget, name)
        saved += shot.saved
        saved += render_fullscreen(out, theme_name)
        saved += render_plan(out, theme_name)
    return saved


def _triage(tmp: Path) -> Iterator[tuple[str, QWidget]]:
    """The three triage pages, each reached as a person reaches it."""
    for name, ticked, kind in (
        ("14-triage-emergency", (1, 2), "daily"),  # numb between the legs, bladder changes
        ("14-triage-urgent", (5,), "daily"),  # fever
        ("14-triage-see-clinician", (10, 16), "weekly"),  # cancer in the past, one leg
    ):
        clock = FakeClock()
        win = _window(tmp / name, 0, clock)
        if kind == "daily":
            win.companion.record_red_flags(())
            win.refresh_home()
            win.start_session()
            win.daily_check.set_ticked(ticked)
            win.daily_check.save()
        else:
            win.show_page("red_flags")
            win.red_flags.set_ticked(ticked)
            win.red_flags.save()
        yield name, win
        win.close()
        win.companion.store.close()
    # a flare-up day: the opening rating was 8, the breathing is over
    clock = FakeClock()
    win = _window(tmp / "flare-up", 0, clock)
    win.companion.record_red_flags(())
    win.refresh_home()
    win.start_session()
    win.safety.nothing_new()
    win.bridge.send(Event.CHECK_IN, rating=8, note="")
    win.bridge.send(Event.CONTINUE)
    yield "14-flare-up", win
    win.bridge.send(Event.STOP)
    win.close()
    win.companion.store.close()


def scenes(tmp: Path) -> Iterator[tuple[str, QWidget]]:
    """Each main screen in turn, as ``(name, widget)``, ready to grab or to read.

    The widget is only valid until the next step of the iteration; the
    translation tests walk the same scenes for text that bypasses the catalog.
    """
    # first start: welcome and the red-flag check
    clock = FakeClock()
    first = _window(tmp / "first", 0, clock, first_start_done=False)
    yield "01-welcome", first
    first.show_page("red_flags")
    first.red_flags.none_box.setChecked(True)
    yield "02-red-flag-check", first
    first.close()
    first.companion.store.close()

    # six weeks of history: the gate is open
    clock = FakeClock()
    win = _window(tmp / "demo", 42, clock)
    win.go_home()
    yield "03-home-carousel", win
    win.start_session()
    yield "03-anything-new-today", win
    win.safety.nothing_new()
    win.check_in.set_rating(4)
    yield "04-check-in", win
    win.bridge.send(Event.CHECK_IN, rating=4, note="")
    clock.advance(1.6)
    win.bridge.engine.update()
    win.breathing.show_breath(win.bridge.engine.breath_at(clock()))
    yield "05-pacer-mid-inhale", win
    win.bridge.send(Event.CONTINUE)
    _advance_until(
        win,
        clock,
        lambda s: (
            s.exercise is not None
            and s.exercise.id == "hamstring_stretch"
            and s.side_index == 1
            and s.rep == 3
            and s.step is Step.HOLD
            and s.remaining_s <= s.phase_duration_s / 2
        ),
    )
    yield "06-timer-mid-hold", win
    _advance_until(win, clock, lambda s: s.state is State.GATE)
    yield "07-gate-open", win
    _advance_until(win, clock, lambda s: s.state is State.CHECK_IN_AFTER)
    win.bridge.send(Event.CHECK_IN, rating=2, note="")
    yield "09-session-done", win
    win.go_home()
    win.show_progress()
    yield "11-progress", win
    win.close()
    win.companion.store.close()

    # the first week: the gate is still locked
    clock = FakeClock()
    early = _window(tmp / "early", 4, clock)
    early.start_session()
    early.safety.nothing_new()
    early.bridge.send(Event.CHECK_IN, rating=5, note="")
    early.bridge.send(Event.CONTINUE)
    _advance_until(early, clock, lambda s: s.state is State.GATE)
    yield "08-gate-locked", early
    early.bridge.send(Event.STOP)
    early.close()
    early.companion.store.close()

    # a session with every exercise after the first skipped (N): partly done
    clock = FakeClock()
    partly = _window(tmp / "partly", 4, clock)
    partly.start_session()
    partly.safety.nothing_new()
    partly.bridge.send(Event.CHECK_IN, rating=4, note="")
    partly.bridge.send(Event.CONTINUE)
    _skip_after_first(partly, clock)
    partly.bridge.send(Event.CHECK_IN, rating=3, note="")
    yield "16-partly-done", partly
    partly.close()
    partly.companion.store.close()
    yield from _triage(tmp)

    # settings, the export dialog and About
    from backcompanion.ui.dialogs.about import AboutDialog
    from backcompanion.ui.dialogs.export_dialog import ExportDialog
    from backcompanion.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)))
    dialog.resize(1000, 760)
    yield "10-settings", dialog
    dialog.deleteLater()
    today = date.today()
    week = today.isocalendar()
    export = ExportDialog([(week.year, week.week)], (week.year, week.week), today=today)
    export.resize(700, 520)
    yield "12-export", export
    export.deleteLater()
    about = AboutDialog()
    about.resize(900, 760)
    yield "13-about", about
    about.deleteLater()
