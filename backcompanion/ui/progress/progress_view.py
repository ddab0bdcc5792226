"""The history page: the pain trend, the days with a session, and the strengthening gate.

The page holds no rules: it draws a :class:`report.progress.ProgressData`
given to :meth:`ProgressView.set_data` (built by ``report.progress.progress_data``).
The two drawings, :class:`~backcompanion.ui.progress.charts.TrendChart` and
:class:`~backcompanion.ui.progress.charts.SessionCalendar`, are in
:mod:`backcompanion.ui.progress.charts`; this page puts them on cards with their
titles, the last week's numbers and what opens strengthening.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backcompanion.i18n import translate
from backcompanion.report.adherence import adherence_line
from backcompanion.report.progress import ProgressData
from backcompanion.report.psfs import psfs_line
from backcompanion.report.summary import minutes_text
from backcompanion.ui.progress.charts import SessionCalendar, TrendChart, short_day
from backcompanion.ui.theme import Theme, Themed, set_role
from backcompanion.ui.widgets.labels import scrolling

__all__ = ["ProgressView"]


class ProgressView(Themed, QWidget):
    """The history page. Call :meth:`set_data` whenever the history changes."""

    exportRequested = Signal()  # "Export weekly summary..." was pressed
    homeRequested = Signal()  # "Back to start" was pressed (Esc does the same)
    psfsRequested = Signal()  # "Rate everyday activities" was pressed

    def __init__(self, parent: QWidget | None = None, theme: Theme | None = None):
        super().__init__(parent)
        self._theme = theme
        self._data: ProgressData | None = None

        self.title = QLabel(self.tr("Your progress"))
        set_role(self.title, "title")
        self.export_button = QPushButton(self.tr("Export weekly summary..."))
        self.export_button.setAccessibleName(self.tr("Export weekly summary"))
        self.export_button.clicked.connect(self.exportRequested)
        self.home_button = QPushButton(self.tr("‹  Back to start"))
        self.home_button.setAccessibleName(self.tr("Back to the start page"))
        self.home_button.setToolTip(self.tr("Back to the start page (Esc)"))
        self.home_button.clicked.connect(self.homeRequested)
        self.recent = QLabel()
        self.recent.setWordWrap(True)
        self.adherence = QLabel()  # days done against the plan's days per week, and the PSFS
        self.adherence.setWordWrap(True)
        self.adherence.setTextFormat(Qt.TextFormat.PlainText)
        self.psfs_button = QPushButton(self.tr("Rate everyday &activities..."))
        self.psfs_button.setAccessibleName(self.tr("Rate everyday activities"))
        self.psfs_button.clicked.connect(self.psfsRequested)

        self.chart = TrendChart(theme=theme)
        chart_title = QLabel(self.tr("Pain over the last 8 weeks (0 = none, 10 = worst)"))
        chart_title.setWordWrap(True)  # longer in some languages
        set_role(chart_title, "strong")
        chart_card = _card(chart_title, self.chart)

        self.calendar = SessionCalendar(theme=theme)
        calendar_title = QLabel(self.tr("Session days, last 6 weeks"))
        calendar_title.setWordWrap(True)
        set_role(calendar_title, "strong")
        calendar_card = _card(calendar_title, self.calendar)
        calendar_card.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)

        self.gate_state = QLabel()
        set_role(self.gate_state, "subtitle")
        self.gate_reasons = QLabel()
        self.gate_reasons.setWordWrap(True)
        self.gate_reasons.setTextFormat(Qt.TextFormat.PlainText)
        gate_card = _card(self.gate_state, self.gate_reasons)
        gate_card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(self.home_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.export_button)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(chart_card, 1)
        top.addWidget(calendar_card)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(12)
        column.addLayout(head)
        column.addWidget(self.recent)
        plan_row = QHBoxLayout()  # the days against the plan and the PSFS, and rating it
        plan_row.setSpacing(16)
        plan_row.addWidget(self.adherence, 1)
        plan_row.addWidget(self.psfs_button)
        column.addLayout(plan_row)
        column.addLayout(top, 1)
        column.addWidget(gate_card)

        scroll = scrolling(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.set_data(None)

    def _on_theme_change(self) -> None:
        self.chart.set_theme(self._theme)
        self.calendar.set_theme(self._theme)

    def data(self) -> ProgressData | None:
        return self._data

    def set_data(self, data: ProgressData | None) -> None:
        self._data = data
        self.chart.set_data(data)
        self.calendar.set_data(data)
        lines = []
        if data is not None and data.adherence is not None:
            lines.append(adherence_line(data.adherence))
        if data is not None and data.psfs is not None:
            lines.append(psfs_line(data.psfs))
        self.adherence.setText("\n".join(line for line in lines if line))
        if data is None:
            self.recent.setText("")
            self.gate_state.setText("")
            self.gate_reasons.setText("")
            return
        self.recent.setText(self._recent_text(data))
        since = short_day(data.gate_since.date()) if data.gate_since is not None else None
        if data.gate_open:
            if since is None:
                state = self.tr("Strengthening: open")
            else:
                state = self.tr("Strengthening: open since {day}").format(day=since)
            self.gate_state.setText(state)
            self.gate_reasons.setText(" ".join(data.gate_reasons))
        else:
            if since is None:
                state = self.tr("Strengthening: locked")
            else:
                state = self.tr("Strengthening: locked since {day}").format(day=since)
            self.gate_state.setText(state)
            lines = [self.tr("What opens it:")] + [f"\u2022 {r}" for r in data.gate_reasons]
            self.gate_reasons.setText("\n".join(lines))

    def _recent_text(self, data: ProgressData) -> str:
        n, partly = data.sessions_7_days, data.partly_7_days
        if n or partly:
            text = translate(
                "ProgressView", "Last 7 days: %n session(s) done, {time}.", "", n
            ).format(time=minutes_text(data.minutes_7_days))
            if partly:
                text += " " + translate("ProgressView", "%n partly done.", "", partly)
        else:
            text = self.tr("Last 7 days: 0 sessions.")
        if data.streak_days > 1:
            streak = data.streak_days
            text += " " + translate("ProgressView", "%n days in a row.", "", streak)
        return text


def _card(*widgets: QWidget) -> QFrame:
    frame = QFrame()
    frame.setProperty("role", "card")
    box = QVBoxLayout(frame)
    box.setContentsMargins(16, 12, 16, 12)
    box.setSpacing(8)
    for w in widgets:
        box.addWidget(w)
    return frame
