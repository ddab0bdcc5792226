"""The end of a session, finished or stopped: pain before and after, what was done."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backcompanion.companion import DoneSummary
from backcompanion.i18n import translate
from backcompanion.session.engine import Snapshot, State
from backcompanion.ui.session_screens.page_base import ScaledPage
from backcompanion.ui.theme import (
    HEADING_PT,
    SUBTITLE_PT,
    TITLE_PT,
    Theme,
    Themed,
    set_role,
)
from backcompanion.ui.widgets import labels
from backcompanion.ui.widgets.controls import (
    em,
    set_text,
)

__all__ = [
    "DonePage",
    "EndIcon",
]


class EndIcon(Themed, QWidget):
    """The end by shape: a check mark in a ring (complete), a square in a ring (stopped),
    a half-filled ring (partly done)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stopped = False
        self._partly = False
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_stopped(self, stopped: bool) -> None:
        if stopped != self._stopped:
            self._stopped = stopped
            self.update()

    def set_partly(self, partly: bool) -> None:
        if partly != self._partly:
            self._partly = partly
            self.update()

    def set_side(self, side: int) -> None:
        self.setFixedSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self.painted_theme()
        side = min(self.width(), self.height())
        line = max(3.0, side / 12)
        ring = QRectF(line / 2, line / 2, side - line, side - line)
        colour = QColor(t.muted if self._stopped or self._partly else t.release)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, line)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(ring)
        if self._partly and not self._stopped:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            inner = ring.adjusted(line * 1.5, line * 1.5, -line * 1.5, -line * 1.5)
            p.drawPie(inner, 90 * 16, 180 * 16)  # the left half: part of the way round
        elif self._stopped:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            q = side * 0.3
            p.drawRoundedRect(QRectF(side / 2 - q / 2, side / 2 - q / 2, q, q), q / 8, q / 8)
        else:
            path = QPainterPath(QPointF(side * 0.29, side * 0.52))
            path.lineTo(side * 0.44, side * 0.67)
            path.lineTo(side * 0.72, side * 0.36)
            p.drawPath(path)


class DonePage(ScaledPage):
    """The end of a session (finished or stopped): pain before and after, what was done."""

    home_requested = Signal()
    event_requested = Signal(object, object)  # never emitted: the session is over

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stopped = False
        self._summary: DoneSummary | None = None
        self.icon = EndIcon()
        self.icon.setObjectName("endIcon")
        self.title = self.scaled(labels.label(), HEADING_PT)
        self.title.setObjectName("doneTitle")
        self.pain_label = self.scaled(labels.label(), TITLE_PT)
        self.pain_label.setObjectName("painLabel")
        self.count_label = self.scaled(labels.label(), SUBTITLE_PT, bold=False)
        self.count_label.setObjectName("countLabel")
        self.flare_frame = QFrame()
        self.flare_frame.setObjectName("flare")
        set_role(self.flare_frame, "danger-card")
        self.flare_label = self.scaled(labels.label(), SUBTITLE_PT)
        self.flare_label.setObjectName("flareLabel")
        set_role(self.flare_label, "danger")
        flare = QVBoxLayout(self.flare_frame)
        line = em(self)
        flare.setContentsMargins(round(line), round(line * 0.6), round(line), round(line * 0.6))
        flare.addWidget(self.flare_label)
        self.flare_frame.hide()
        self.home_button = QPushButton(self.tr("Back to start"))
        self.home_button.setObjectName("homeButton")
        self.home_button.setAutoDefault(False)
        self.home_button.setAccessibleName(self.tr("Back to the start page"))
        self.home_button.setToolTip(self.tr("Back to the start page"))
        set_role(self.home_button, "primary")
        self.home_button.clicked.connect(self.home_requested)

        head = QHBoxLayout()
        head.setSpacing(round(line * 0.8))
        head.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.title, 1)
        column = QVBoxLayout(self)
        side = round(line * 2)
        column.setContentsMargins(side, round(line), side, round(line))
        column.setSpacing(round(line * 0.8))
        column.addStretch(1)
        column.addLayout(head)
        column.addSpacing(round(line * 0.4))
        column.addWidget(self.pain_label)
        column.addWidget(self.count_label)
        column.addWidget(self.flare_frame)
        column.addStretch(2)
        row = QHBoxLayout()
        row.addWidget(self.home_button)
        row.addStretch(1)
        column.addLayout(row)
        self._apply_scale(force=True)
        self._show()

    # ---- API ----

    def show_snapshot(self, snap: Snapshot) -> None:
        """Finished or stopped, as the engine says (the numbers come from set_summary)."""
        stopped = snap.state is State.STOPPED
        if stopped != self._stopped:
            self._stopped = stopped
            self._show()

    def set_summary(self, summary: DoneSummary | None, stopped: bool | None = None) -> None:
        """The numbers to show, as the companion reads them from the records (None: none);
        ``stopped`` (when given) says whether the session was stopped."""
        self._summary = summary
        if stopped is not None:
            self._stopped = bool(stopped)
        self._show()

    def set_stopped(self, stopped: bool) -> None:
        self._stopped = bool(stopped)
        self._show()

    def is_stopped(self) -> bool:
        return self._stopped

    def _push_theme(self, theme: Theme) -> None:
        self.icon.set_theme(theme)

    # ---- internals ----

    def _scale_changed(self) -> None:
        self.icon.set_side(round(em(self) * 2.6 * self.scale()))

    def _show(self) -> None:
        s = self._summary
        partly = s is not None and not s.complete and not self._stopped
        if self._stopped:
            title = self.tr("Session stopped: what you did is saved")
        elif partly:
            offered = s.exercises_offered
            title = translate("DonePage", "Partly done: {done} of %n exercise(s)", "", offered)
            title = title.format(done=s.exercises_done)
        else:
            title = self.tr("Well done: session complete")
        set_text(self.title, title)
        self.icon.set_stopped(self._stopped)
        self.icon.set_partly(partly)
        if s is None:
            self.pain_label.hide()
            self.count_label.hide()
            self.flare_frame.hide()
            return
        if s.opening is not None and s.closing is not None:
            pain = self.tr("Pain before: %1 \u00b7 after: %2")
            pain = pain.replace("%1", str(s.opening)).replace("%2", str(s.closing))
        elif s.opening is not None:
            pain = self.tr("Pain before: %1").replace("%1", str(s.opening))
        elif s.closing is not None:
            pain = self.tr("Pain after: %1").replace("%1", str(s.closing))
        else:
            pain = ""
        set_text(self.pain_label, pain)
        self.pain_label.setVisible(bool(pain))
        minutes = max(0, round(s.minutes))
        if s.minutes > 0 and minutes == 0:
            time = self.tr("less than a minute")
        elif minutes == 1:
            time = self.tr("%n minute", "", minutes)
        else:
            time = self.tr("%n minutes", "", minutes)
        both = self.tr("{exercises} \u00b7 {time}", "what was done: exercises, then time")
        set_text(self.count_label, both.format(exercises=self._what_was_done(s), time=time))
        self.count_label.show()
        set_text(self.flare_label, s.flare_text or "")
        self.flare_frame.setVisible(bool(s.flare_text))

    def _what_was_done(self, s: DoneSummary) -> str:
        """ "6 exercises" (complete), "1 of 6 exercises done" (stopped), "15 % of the repeats"."""
        if self._stopped:
            offered = s.exercises_offered
            text = translate("DonePage", "{done} of %n exercise(s) done", "", offered)
            return text.format(done=s.exercises_done)
        if not s.complete:
            percent = round((s.share or 0.0) * 100)
            return translate("DonePage", "{percent} % of the repeats done").format(percent=percent)
        # English has no catalog: its singular and plural are two messages, and each
        # passes n so that a translation gives every plural form its language has
        n = s.exercises_done
        return self.tr("%n exercise", "", n) if n == 1 else self.tr("%n exercises", "", n)
