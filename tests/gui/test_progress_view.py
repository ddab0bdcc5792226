"""The history page: pure geometry by hand, what the labels say, and what the squares look like."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from report_helpers import at, day, open_store, reference_week

from backcompanion.i18n import translate
from backcompanion.report.progress import progress_data
from backcompanion.report.summary import DayPain
from backcompanion.session.rules import GATE_OPEN_TEXT, load_rules
from backcompanion.ui.progress import charts
from backcompanion.ui.progress.charts import calendar_geometry, trend_geometry
from backcompanion.ui.progress.progress_view import ProgressView
from backcompanion.ui.theme import DARK, LIGHT, apply_theme

RULES = load_rules()


# --- pure geometry, worked by hand ----------------------------------------------------


def test_trend_geometry_by_hand():
    # 400 x 300 with 40 left, 30 bottom, 20 top, 10 right: plot (40, 20, 350, 250);
    # two weeks from Monday 2 November: 14 days of 25 px; a day's centre is 12.5 px in;
    # a rating v at 20 + 250 - 25 v
    pain = [
        DayPain(date(2026, 11, 2), 4, 2, 1),
        DayPain(date(2026, 11, 4), None, 7.5, 1),  # no opening rating
        DayPain(date(2026, 11, 15), 10, 0, 1),
        DayPain(date(2026, 11, 16), 5, 5, 1),  # outside the range: left out
    ]
    g = trend_geometry(
        400,
        300,
        date(2026, 11, 2),
        date(2026, 11, 16),
        pain,
        6,
        left=40,
        bottom=30,
        top=20,
        right=10,
    )
    assert g.plot == (40, 20, 350, 250)
    assert g.day_width == 25
    assert g.y_ticks == ((0, 270), (2, 220), (4, 170), (6, 120), (8, 70), (10, 20))
    assert g.x_ticks == ((date(2026, 11, 2), 52.5), (date(2026, 11, 9), 227.5))
    assert g.opening == ((52.5, 170), (377.5, 20))
    assert g.closing == ((52.5, 220), (102.5, 82.5), (377.5, 270))
    assert g.baseline_y == 120
    assert g.x_of(date(2026, 11, 3), date(2026, 11, 2)) == 77.5


def test_trend_geometry_degenerate_sizes():
    g = trend_geometry(10, 10, date(2026, 1, 5), date(2026, 1, 5), [], None, 40, 30, 20)
    assert g.plot[2:] == (0, 0) and g.baseline_y is None and g.opening == ()


def test_calendar_geometry_by_hand():
    # 480 x 500; 60 for the week labels, 40 for the day names, 50 for the legend:
    # 420 wide for 7 cells and 6 gaps of a sixth of a cell = 8 cells: 52.5;
    # 410 high for 6 rows and 5 gaps = 6.83 cells: 60; the smaller wins
    g = calendar_geometry(480, 500, 6, 60, 40, 50)
    assert g.cell == 52.5 and g.gap == 8.75
    assert g.cell_rect(0, 0) == (60, 40, 52.5, 52.5)
    assert g.cell_rect(1, 2) == (60 + 2 * 61.25, 40 + 61.25, 52.5, 52.5)
    big = calendar_geometry(4000, 4000, 6, 60, 40, 50)
    assert big.cell == 64  # never larger than max_cell
    assert calendar_geometry(0, 0, 6, 60, 40, 50).cell == 0


# --- the page -------------------------------------------------------------------------


@pytest.fixture
def data(tmp_path):
    with open_store(tmp_path / "data") as store:
        reference_week(store)
        yield progress_data(store, RULES, at(day(6), 20))  # Sunday evening


@pytest.fixture
def locked(tmp_path):
    with open_store(tmp_path / "data2") as store:
        reference_week(store)
        yield progress_data(store, RULES, at(day(3), 19))  # Thursday, after the flare-up


def _view(qtbot, data, theme=LIGHT):
    view = ProgressView(theme=theme)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.set_data(data)
    view.grab()  # lays it out without opening a window
    return view


def test_texts_say_what_the_drawings_show(qtbot, light, data):
    view = _view(qtbot, data)
    assert view.recent.text() == "Last 7 days: 4 sessions done, 1 h 51 min. 2 partly done."
    assert view.gate_state.text().startswith("Strengthening: locked")
    assert "3 or less on average" in view.gate_reasons.text()
    chart = view.chart.accessibleDescription()
    assert "8 days with ratings" in chart and "Baseline 6" in chart
    assert "5 on Mon 9 Nov" not in chart and "6 on Mon 9 Nov" in chart
    assert "3 on Sun 22 Nov" in chart
    assert view.calendar.accessibleDescription() == (
        "In the last 42 days: 7 with a finished session, 1 partly done."
    )


def test_an_open_gate_says_since_when(qtbot, light, data):
    opened = dataclasses.replace(
        data,
        gate_open=True,
        gate_since=at(day(6), 18),
        gate_since_before=None,
        gate_reasons=(translate("GateReason", GATE_OPEN_TEXT),),
    )
    view = _view(qtbot, opened)
    assert view.gate_state.text() == "Strengthening: open since Sun 22 Nov"
    assert "strengthening is open" in view.gate_reasons.text()


def test_a_locked_gate_lists_what_opens_it(qtbot, light, locked):
    view = _view(qtbot, locked)
    assert view.gate_state.text().startswith("Strengthening: locked")
    lines = view.gate_reasons.text().splitlines()
    assert lines[0] == "What opens it:"
    assert any("flare-up" in line.lower() or "Pain reached 7" in line for line in lines[1:])
    assert all(line.startswith("\u2022 ") for line in lines[1:])


def _pixel(view, widget, x, y) -> QColor:
    image = view.grab().toImage()
    point = widget.mapTo(view, QPoint(round(x), round(y)))
    return image.pixelColor(point)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_day_squares_filled_outlined_or_empty(qtbot, qapp, theme, data):
    apply_theme(qapp, theme)
    try:
        view = _view(qtbot, data, theme)
        cal = view.calendar
        g = cal.geometry_now()
        assert g.cell >= 36  # about a centimetre on a laptop: visible from the floor

        def centre(col):
            x, y, w, h = g.cell_rect(5, col)  # the reference week is the last row
            return x + w / 2, y + h / 2

        def edge(col):
            x, y, _w, h = g.cell_rect(5, col)
            return x + 2, y + h / 2

        accent, card = QColor(theme.accent), QColor(theme.card)
        assert _pixel(view, cal, *centre(0)) == accent  # Monday: done, filled
        assert _pixel(view, cal, *centre(3)) == card  # Thursday: stopped, outlined only ...
        assert _pixel(view, cal, *edge(3)) == accent  # ... with a thick edge
        assert _pixel(view, cal, *edge(2)) == card  # Wednesday: nothing but a small dot
    finally:
        apply_theme(qapp, LIGHT)


def test_markers_are_drawn_where_the_geometry_says(qtbot, light, data):
    view = _view(qtbot, data)
    g = view.chart.geometry_now()
    x, y = g.opening[-1]  # Sunday's opening: a filled circle, a little left of the day's centre
    dodge = view.chart._dodge
    assert _pixel(view, view.chart, x - dodge, y) == QColor(LIGHT.accent)
    cx, cy = g.closing[-1]  # Sunday's closing: an open square, its middle is the card's colour
    assert _pixel(view, view.chart, cx + dodge, cy) == QColor(LIGHT.card)


def test_paint_only_draws(qtbot, light, data, monkeypatch):
    view = _view(qtbot, data)
    calls = []
    real = charts.trend_geometry
    monkeypatch.setattr(charts, "trend_geometry", lambda *a, **k: calls.append(1) or real(*a, **k))
    view.grab()
    view.grab()
    assert calls == []  # nothing changed: the cached layout is drawn again
    view.set_data(data)
    view.grab()
    view.grab()
    assert len(calls) == 1
    view.resize(1000, 700)
    view.grab()
    assert len(calls) == 2


def test_no_data_and_no_sessions(qtbot, light, tmp_path):
    view = _view(qtbot, None)
    assert view.recent.text() == "" and view.gate_state.text() == ""
    with open_store(tmp_path / "empty") as store:
        empty = progress_data(store, RULES, at(day(0), 12))
    view.set_data(empty)
    view.grab()
    assert view.recent.text() == "Last 7 days: 0 sessions."
    assert view.chart.accessibleDescription() == "No pain ratings in the last 8 weeks."
    assert view.gate_state.text() == "Strengthening: locked"


def test_export_button_asks_for_the_export(qtbot, light, data):
    view = _view(qtbot, data)
    with qtbot.waitSignal(view.exportRequested, timeout=1000):
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)


def test_switching_theme_redraws_in_the_new_colours(qtbot, qapp, data):
    view = _view(qtbot, data, LIGHT)
    cal = view.calendar
    x, y, w, h = cal.geometry_now().cell_rect(5, 0)
    assert _pixel(view, cal, x + w / 2, y + h / 2) == QColor(LIGHT.accent)
    apply_theme(qapp, DARK)
    try:
        view.set_theme(DARK)
        assert _pixel(view, cal, x + w / 2, y + h / 2) == QColor(DARK.accent)
    finally:
        apply_theme(qapp, LIGHT)


def test_back_to_start_is_a_button_as_well_as_esc(qtbot):
    view = ProgressView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.homeRequested, timeout=1000):
        view.home_button.click()


def test_set_theme_reaches_both_charts_and_none_follows_the_app(qtbot, light):
    view = ProgressView(theme=LIGHT)
    qtbot.addWidget(view)
    view.set_theme(DARK)
    assert view.chart.theme() is DARK and view.calendar.theme() is DARK
    view.set_theme(None)
    assert view.chart.theme() is LIGHT and view.calendar.theme() is LIGHT  # the app's
