"""The gate page, after the stretches: strengthening open (and what it holds) or locked (why)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from backcompanion.program import Exercise
from backcompanion.session.engine import Event, Snapshot, State
from backcompanion.session.plan import SessionPlan
from backcompanion.ui.session_screens.page_base import SessionPage
from backcompanion.ui.theme import (
    HEADING_PT,
    SUBTITLE_PT,
    Theme,
    set_role,
)
from backcompanion.ui.widgets import labels
from backcompanion.ui.widgets.controls import (
    PictureBox,
    em,
    set_text,
)
from backcompanion.ui.widgets.figure import FigureView, figures_for

__all__ = [
    "ExerciseTile",
    "GatePage",
]


class ExerciseTile(QFrame):
    """One strength exercise on the open gate: its figure (still, in the pose that sums it
    up) and its name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "card")
        self.picture = FigureView(background="card")
        self.box = PictureBox(self.picture, lines=5)
        self.name = labels.label(wrap=True)
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        line = round(em(self))
        column.setContentsMargins(line // 2, line // 2, line // 2, line // 2)
        column.setSpacing(line // 3)
        column.addWidget(self.box, 1)
        column.addWidget(self.name)

    def set_exercise(self, exercise: Exercise) -> None:
        set_text(self.name, exercise.name)
        figures = figures_for(exercise.id)
        self.picture.set_figure(figures[0] if figures else None, False, exercise.name)
        self.picture.show_still()
        self.setAccessibleName(exercise.name)


class GatePage(SessionPage):
    """After the stretches: strengthening open (and what it holds) or locked (and why)."""

    MAX_TILES = 4

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._strength: tuple[Exercise, ...] = ()
        self._shown: tuple | None = None
        self.title = self.scaled(labels.label(), HEADING_PT)
        self.title.setObjectName("gateTitle")
        self.line = self.scaled(labels.label(), SUBTITLE_PT, bold=False)
        self.line.setObjectName("gateLine")
        self.list_title = self.scaled(labels.label(), SUBTITLE_PT)
        self.list_title.setObjectName("listTitle")
        # open: the strength exercises as tiles with their pictures
        self.tiles_row = QWidget()
        self.tiles_row.setObjectName("tiles")
        tiles = QHBoxLayout(self.tiles_row)
        tiles.setContentsMargins(0, 0, 0, 0)
        tiles.setSpacing(round(em(self) * 0.8))
        self.tiles: list[ExerciseTile] = []
        for _ in range(self.MAX_TILES):
            tile = ExerciseTile()
            self.scaled(tile.name, SUBTITLE_PT)
            tiles.addWidget(tile, 1)
            self.tiles.append(tile)
        # closed: the reasons, one per line, in a card
        self.items = QFrame()
        self.items.setObjectName("reasons")
        set_role(self.items, "card")
        self.items_layout = QVBoxLayout(self.items)
        self.item_labels: list[QLabel] = []
        self.next_line = self.scaled(labels.label(), SUBTITLE_PT)
        self.next_line.setObjectName("nextLine")
        self.auto_label = self.scaled(labels.label(wrap=False), SUBTITLE_PT, bold=False)
        self.auto_label.setObjectName("autoContinue")
        set_role(self.auto_label, "muted")
        self.continue_button = self.event_button(
            self.tr("Continue"),
            self.tr("N", "keyboard key"),
            Event.CONTINUE,
            self.tr("Continue now"),
            self.tr("Continue now, without waiting (N)"),
        )
        self.continue_button.setObjectName("continueButton")
        set_role(self.continue_button, "primary")

        line = em(self)
        self.items_layout.setContentsMargins(
            round(line), round(line * 0.6), round(line), round(line * 0.6)
        )
        self.items_layout.setSpacing(round(line * 0.4))
        column = QVBoxLayout(self.content)
        column.setContentsMargins(round(line), round(line * 0.5), round(line), 0)
        column.setSpacing(round(line * 0.6))
        column.addWidget(self.title)
        column.addWidget(self.line)
        column.addWidget(self.list_title)
        column.addWidget(self.tiles_row, 1)
        column.addWidget(self.items)
        column.addWidget(self.next_line)
        column.addStretch(0)
        self._column = column
        self.buttons.addWidget(self.pause_button)
        self.buttons.addWidget(self.continue_button)
        self.buttons.addWidget(self.auto_label, 1)
        self.buttons.addWidget(self.stop_button)
        self.finish()

    # ---- API ----

    def set_plan(self, plan: SessionPlan | None) -> None:
        """The session's plan, read once for the strength exercises (static data)."""
        self._strength = tuple(sp.exercise for sp in plan.strength) if plan else ()
        self._shown = None  # redraw

    def show_snapshot(self, snap: Snapshot) -> None:
        super().show_snapshot(snap)
        shown = (snap.gate_open, snap.gate_reasons, snap.next_exercise)
        if shown != self._shown:
            self._shown = shown
            if snap.gate_open:
                self._show_open(snap)
            else:
                self._show_closed(snap)
        if snap.state is State.PAUSED:
            auto = ""
        elif (snap.paused_from or snap.state) is State.GATE:
            seconds = max(0, math.ceil(snap.remaining_s))
            auto = self.tr("Continuing by itself in %1 s").replace("%1", str(seconds))
        else:
            auto = ""
        set_text(self.auto_label, auto)

    def item_texts(self) -> tuple[str, ...]:
        """What the page lists: the strength exercises' names (open) or the reasons (closed)."""
        if self._shown and self._shown[0]:
            return tuple(t.name.text() for t in self.tiles if not t.isHidden())
        return tuple(label.accessibleName() for label in self.item_labels)

    def auto_continue_text(self) -> str:
        return self.auto_label.text()

    def _push_theme(self, theme: Theme) -> None:
        super()._push_theme(theme)
        for tile in self.tiles:
            tile.picture.set_theme(theme)

    # ---- internals ----

    def _set_reasons(self, texts: Sequence[str]) -> None:
        for label in self.item_labels:
            self.unscale(label)
            label.deleteLater()
        self.item_labels = []
        for text in texts:
            label = self.scaled(labels.label(f"\u2022  {text}"), SUBTITLE_PT, bold=False)
            label.setAccessibleName(text)
            self.items_layout.addWidget(label)
            self.item_labels.append(label)
        self.items.setVisible(bool(texts))

    def _show_open(self, snap: Snapshot) -> None:
        set_text(self.title, self.tr("Strengthening is open"))
        set_text(
            self.line,
            snap.gate_reasons[0]
            if snap.gate_reasons
            else self.tr("Your stretching is paying off: well done."),
        )
        self.line.show()
        exercises = list(self._strength)
        if not exercises and snap.next_exercise is not None:
            exercises = [snap.next_exercise]
        exercises = exercises[: self.MAX_TILES]
        count = len(exercises)
        if count == 1:
            title = self.tr("Next, one strengthening exercise:")
        elif count:
            # English picks the singular above; a catalog still gets every plural form
            title = self.tr("Next, %n strengthening exercises:", "", count)
        else:
            title = ""
        set_text(self.list_title, title)
        self.list_title.setVisible(bool(title))
        for i, tile in enumerate(self.tiles):
            if i < count:
                tile.set_exercise(exercises[i])
            tile.setVisible(i < count)
        self.tiles_row.setVisible(bool(count))
        self._set_reasons(())
        self._column.setStretchFactor(self.tiles_row, 1)
        set_text(self.next_line, self.tr("Take a moment to get ready."))

    def _show_closed(self, snap: Snapshot) -> None:
        set_text(self.title, self.tr("Strengthening stays locked for now"))
        set_text(self.line, self.tr("It opens when all of these are met:"))
        self.line.setVisible(bool(snap.gate_reasons))
        self.list_title.hide()
        self.tiles_row.hide()
        self._set_reasons(snap.gate_reasons)
        set_text(self.next_line, self.tr("We go straight to your closing check-in."))
