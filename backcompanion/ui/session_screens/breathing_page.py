"""The breathing page: 90/90 breathing with its two positions and the pacer.

Both figures breathe with the pacer: each frame's breath widens their belly and ribs
(:meth:`BreathingPage.show_breath`); in reduced motion they hold still, half a breath in.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from backcompanion.program import Exercise
from backcompanion.session.breathing import BreathState
from backcompanion.session.engine import Event, Snapshot
from backcompanion.ui.session_screens.page_base import SessionPage
from backcompanion.ui.theme import (
    BASE_PT,
    HEADING_PT,
    TITLE_PT,
    Theme,
    set_role,
    system_prefers_reduced_motion,
)
from backcompanion.ui.widgets import labels
from backcompanion.ui.widgets.controls import (
    PictureBox,
    em,
    set_text,
)
from backcompanion.ui.widgets.figure import FigureView, figures_for
from backcompanion.ui.widgets.pacer import PacerWidget, phase_words

__all__ = [
    "BreathingPage",
]


class BreathingPage(SessionPage):
    """90/90 breathing: the two positions, short instructions, the pacer, "Breath 3 of 10"."""

    def __init__(self, parent: QWidget | None = None, *, reduced_motion: bool | None = None):
        super().__init__(parent)
        self._words = phase_words()
        self._exercise: Exercise | None = None
        self.name_label = self.scaled(labels.label(self.tr("90/90 breathing")), HEADING_PT)
        self.name_label.setObjectName("exerciseName")
        self.breath_label = self.scaled(labels.label(wrap=False), TITLE_PT)
        self.breath_label.setObjectName("breathLabel")
        self.breath_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if reduced_motion is None:
            reduced_motion = system_prefers_reduced_motion()
        self.pictures = [FigureView(reduced_motion=reduced_motion) for _ in range(2)]
        self.picture_boxes = [PictureBox(v, lines=5) for v in self.pictures]
        self.or_label = labels.label(self.tr("or"), "muted", wrap=False)
        self.or_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position_label = self.scaled(QLabel(), BASE_PT, bold=False)
        self.movement_label = self.scaled(QLabel(), BASE_PT, bold=False)
        for label in (self.position_label, self.movement_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.pacer = PacerWidget(reduced_motion=reduced_motion)
        self.pacer.setObjectName("pacer")
        self.done_button = self.event_button(
            self.tr("Done breathing"),
            self.tr("N", "keyboard key"),
            Event.CONTINUE,
            self.tr("Done breathing: go on to the stretches"),
            self.tr("Done breathing: go on to the stretches (N)"),
        )
        self.done_button.setObjectName("doneBreathing")
        set_role(self.done_button, "primary")

        line = em(self)
        header = QHBoxLayout()
        header.setSpacing(round(line))
        header.addWidget(self.name_label, 1)
        header.addWidget(self.breath_label)
        pics = QVBoxLayout()
        pics.setSpacing(round(line * 0.2))
        pics.addWidget(self.picture_boxes[0], 1)
        pics.addWidget(self.or_label)
        pics.addWidget(self.picture_boxes[1], 1)
        left = QVBoxLayout()
        left.setSpacing(round(line * 0.4))
        left.addLayout(pics, 1)
        left.addWidget(self.position_label)
        left.addWidget(self.movement_label)
        body = QHBoxLayout()
        body.setSpacing(round(line * 1.2))
        body.addLayout(left, 2)
        body.addWidget(self.pacer, 3)
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(round(line * 0.4))
        column.addLayout(header)
        column.addLayout(body, 1)
        self.buttons.addWidget(self.pause_button)
        self.buttons.addWidget(self.done_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.stop_button)
        self.finish()

    # ---- API ----

    def show_snapshot(self, snap: Snapshot) -> None:
        super().show_snapshot(snap)
        ex = snap.exercise
        if ex is not None and ex is not self._exercise:
            self._show_exercise(ex)
        if snap.rep is not None and snap.reps is not None:
            text = self.tr("Breath %1 of %2").replace("%1", str(snap.rep))
            text = text.replace("%2", str(snap.reps))
        else:
            text = ""
        set_text(self.breath_label, text)

    def show_breath(self, state: BreathState | None) -> None:
        """One frame: the breath's numbers to the pacer, how full the lungs are to the figures."""
        if state is None:
            return
        phase = state.phase.value
        self.pacer.set_state(state.size, self._words[phase], state.count or None, phase)
        for view in self.pictures:
            if not view.isHidden():
                view.show_breath(state.size)

    def set_reduced_motion(self, reduced: bool) -> None:
        self.pacer.set_reduced_motion(reduced)
        for view in self.pictures:
            view.set_reduced_motion(reduced)

    def _push_theme(self, theme: Theme) -> None:
        super()._push_theme(theme)
        self.pacer.set_theme(theme)
        for view in self.pictures:
            view.set_theme(theme)

    # ---- internals ----

    def _show_exercise(self, ex: Exercise) -> None:
        self._exercise = ex
        set_text(self.name_label, ex.name)
        figures = figures_for(ex.id)
        for i, view in enumerate(self.pictures):
            figure = figures[i] if i < len(figures) else None
            view.set_figure(figure, False, ex.name)
            self.picture_boxes[i].setVisible(figure is not None)
        self.or_label.setVisible(len(figures) > 1)
        titles = (self.tr("Position"), self.tr("Breathing"))
        texts = (ex.instructions.position, ex.instructions.movement)
        for label, title, text in zip(
            (self.position_label, self.movement_label), titles, texts, strict=True
        ):
            label.setText(f"<b>{html.escape(title)}</b>&nbsp;&nbsp;{html.escape(text)}")
            label.setAccessibleName(f"{title}: {text}")
