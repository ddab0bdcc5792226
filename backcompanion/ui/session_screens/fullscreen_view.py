"""The full-screen session view: only what a person on the floor two metres away needs.

Everything is sized from the widget's height (the screen's, in full screen), never
from points: the step name, "Rep 7 of 20", the side and the cue down the left with
the exercise's figure (mirrored on the second side, moving with the session as on
the exercise page); the phase word over the countdown dial on the right, whose
digits' cap height is more than a fifth of the height; a thin bar for the whole
session at the bottom. During breathing the pacer takes the dial's place with its
phase word and "Breath 3 of 10", the figure breathing with it; at the gate, one
large line; paused, a large "Paused - press Space" over the dimmed view.

All placement is in :func:`~.fullscreen_layout.fullscreen_layout` (pure, tested at
1366 x 768, 1920 x 1080 and 3840 x 2160 without painting); every text is a
:class:`~backcompanion.ui.widgets.fit_text.FitText`, the paused cover is in
:mod:`.fullscreen_paused`. The view is passive like the session pages: the bridge
calls :meth:`FullscreenSessionView.show_snapshot` on every change and displayed
second, :meth:`~FullscreenSessionView.show_breath` every frame of the breathing and
:meth:`~FullscreenSessionView.show_phase_time` every frame of a moving figure. It
owns no timer and no engine; Esc only emits ``exitRequested``: the main window decides what
leaving means (full screen first; stopping asks).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from backcompanion.session.breathing import BreathState
from backcompanion.session.engine import Snapshot, State, Step
from backcompanion.ui.session_screens.fullscreen_layout import Layout, fullscreen_layout
from backcompanion.ui.session_screens.fullscreen_paused import PausedCover
from backcompanion.ui.session_screens.page_base import side_words
from backcompanion.ui.theme import Theme, current_theme, system_prefers_reduced_motion
from backcompanion.ui.widgets.controls import ProgressLine
from backcompanion.ui.widgets.figure import FigureView, figures_for
from backcompanion.ui.widgets.fit_text import FitText
from backcompanion.ui.widgets.pacer import PacerWidget, phase_words
from backcompanion.ui.widgets.timer_dial import TimerDial, dial_mode

__all__ = ["FullscreenSessionView"]

_RETHEME = QEvent.Type(QEvent.registerEventType())


class FullscreenSessionView(QWidget):
    """The session for a person on the floor: passive, sized from its own height."""

    exitRequested = Signal()  # Esc: the main window decides (leave full screen first)

    MODES = ("blank", "exercise", "breathing", "gate")

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
        reduced_motion: bool | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("fullscreenSession")
        self.setAccessibleName(self.tr("Full-screen session"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._theme = theme
        self._retheme_pending = False
        self._mode = "blank"
        self._words = phase_words()
        self._held = False  # a key held back as the session moved on by itself
        self._last: Snapshot | None = None
        self._layout = fullscreen_layout(0, 0)

        left = Qt.AlignmentFlag.AlignLeft
        centre = Qt.AlignmentFlag.AlignHCenter
        self.name_text = FitText("fsName", align=left, parent=self)
        self.rep_text = FitText("fsRep", align=left, parent=self)
        self.side_text = FitText("fsSide", align=left, parent=self)
        self.cue_text = FitText("fsCue", align=left, parent=self)
        self.phase_text = FitText("fsPhase", align=centre, parent=self)
        self.message_text = FitText("fsMessage", align=centre, parent=self)
        self.detail_text = FitText("fsDetail", bold=False, align=centre, parent=self)
        self.detail_text.set_role("muted")
        if reduced_motion is None:
            reduced_motion = system_prefers_reduced_motion()
        self.figure = FigureView(parent=self, reduced_motion=reduced_motion)
        self.figure.setObjectName("fsFigure")
        self.dial = TimerDial(self)
        self.dial.setObjectName("fsDial")
        self.pacer = PacerWidget(self, reduced_motion=reduced_motion)
        self.pacer.setObjectName("fsPacer")
        self.progress = ProgressLine(self)
        self.progress.setObjectName("fsProgress")
        for child in (self.figure, self.dial, self.pacer, self.progress):
            child.setMinimumSize(1, 1)
        self.paused = PausedCover(self)
        self._parts = {
            "exercise": (
                self.name_text,
                self.rep_text,
                self.side_text,
                self.figure,
                self.cue_text,
                self.phase_text,
                self.dial,
            ),
            "breathing": (self.name_text, self.rep_text, self.figure, self.pacer),
            "gate": (self.message_text, self.detail_text),
            "blank": (),
        }
        self._set_mode("blank", force=True)
        if theme is not None:
            self._push_theme(theme)

    # ---- API ----

    def show_key_held(self, event: object | None) -> None:
        """A key (N, B) held back because the session had just moved on by itself: the
        cue line (the gate's line) says it was received, until ``None`` (bridge.py)."""
        held = event is not None
        if held != self._held:
            self._held = held
            if self._last is not None:
                self.show_snapshot(self._last)

    def held_text(self) -> str:
        return self.tr("It had just moved on by itself: press again")

    def show_snapshot(self, snap: Snapshot) -> None:
        """Show what the engine says (every change and every displayed second)."""
        self._last = snap
        self.progress.set_value(snap.session_progress)
        live = snap.paused_from or snap.state
        if live is State.BREATHING:
            self._show_breathing(snap)
        elif live in (State.STRETCHING, State.STRENGTHENING) and snap.step is not None:
            self._show_exercise(snap)
        elif live is State.GATE:
            self._show_gate(snap)
        else:
            self._set_mode("blank")
        paused = snap.state is State.PAUSED
        if paused:
            self.paused.set_reason(snap.paused_reason)
        if paused == self.paused.isHidden():
            self.paused.setVisible(paused)
            if paused:
                self.paused.raise_()

    def show_breath(self, state: BreathState | None) -> None:
        """One frame of the breath: to the pacer, and to the figure (its belly and ribs)."""
        if state is None:
            return
        phase = state.phase.value
        self.pacer.set_state(state.size, self._words[phase], state.count or None, phase)
        if self._mode == "breathing":
            self.figure.show_breath(state.size)

    def show_phase_time(self, elapsed_s: float) -> None:
        """One frame of a moving figure: ``elapsed_s`` seconds into the current step."""
        if self._mode == "exercise":
            self.figure.show_phase_time(elapsed_s)

    def set_theme(self, theme: Theme | None) -> None:
        """Show ``theme``; None follows the app's theme (``apply_theme``) from then on."""
        self._theme = theme
        self._push_theme(theme or current_theme())
        self.update()

    def theme(self) -> Theme:
        return self._theme or current_theme()

    def set_reduced_motion(self, reduced: bool) -> None:
        self.pacer.set_reduced_motion(reduced)
        self.figure.set_reduced_motion(reduced)

    # ---- read-only state (tests, accessibility) ----

    def mode(self) -> str:
        """What the view shows: one of :attr:`MODES`."""
        return self._mode

    def layout_now(self) -> Layout:
        """The layout the children were last placed by."""
        return self._layout

    def is_paused_shown(self) -> bool:
        return not self.paused.isHidden()

    def visible_parts(self) -> tuple[QWidget, ...]:
        """The children showing in the current mode (the paused cover aside)."""
        return (*self._parts[self._mode], self.progress)

    # ---- QWidget ----

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.exitRequested.emit()
            return
        super().keyPressEvent(event)  # the rest (Space, N, ...) goes on to the main window

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._retheme_pending:
            # apply_theme() records the new theme after setting the palette: follow it after
            self._retheme_pending = True
            QCoreApplication.postEvent(self, QEvent(_RETHEME))

    def event(self, event: QEvent) -> bool:
        if event.type() == _RETHEME:
            self._retheme_pending = False
            if self._theme is None:
                self._push_theme(current_theme())
                self.update()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(self.theme().window))

    # ---- internals ----

    def _place(self) -> None:
        lay = fullscreen_layout(self.width(), self.height())
        self._layout = lay
        self.name_text.setGeometry(lay.name.qrect())
        self.rep_text.setGeometry(lay.rep.qrect())
        self.side_text.setGeometry(lay.side.qrect())
        self.cue_text.setGeometry(lay.cue.qrect())
        self.phase_text.setGeometry(lay.phase.qrect())
        self.dial.setGeometry(lay.dial.qrect())
        self.pacer.setGeometry(lay.pacer.qrect())
        self.progress.setGeometry(lay.bar.qrect())
        self.message_text.setGeometry(lay.message.qrect())
        self.detail_text.setGeometry(lay.detail.qrect())
        picture = lay.breath_picture if self._mode == "breathing" else lay.figure
        self.figure.setGeometry(picture.qrect())
        self.paused.place(lay)

    def _set_mode(self, mode: str, force: bool = False) -> None:
        if mode == self._mode and not force:
            return
        previous, self._mode = self._mode, mode
        shown = set(self._parts[mode])
        for part in {p for parts in self._parts.values() for p in parts}:
            part.setVisible(part in shown)
        self.progress.show()
        if (previous == "breathing") != (mode == "breathing"):
            self._place()  # the picture grows into the side's and the cue's room

    def _push_theme(self, theme: Theme) -> None:
        for text in self.findChildren(FitText):
            text.set_theme(theme)
        self.figure.set_theme(theme)
        self.dial.set_theme(theme)
        self.pacer.set_theme(theme)
        self.progress.set_theme(theme)
        self.paused.set_theme(theme)

    def _show_exercise(self, snap: Snapshot) -> None:
        self._set_mode("exercise")
        ex = snap.exercise
        name = ex.name if ex else ""
        self.name_text.set_text(name)
        if snap.rep is not None and snap.reps is not None:
            rep = self.tr("Rep %1 of %2").replace("%1", str(snap.rep)).replace("%2", str(snap.reps))
        else:
            rep = ""
        self.rep_text.set_text(rep)
        side = snap.side_label or ""
        switching = bool(snap.switching_side and side)
        if switching:
            self.side_text.set_text(self.tr("Switch sides: %1").replace("%1", side))
        else:
            self.side_text.set_text(side_words(snap))
        self.side_text.set_boxed(switching)
        self.figure.follow_session(snap)

        step = snap.step
        mode = dial_mode(step, snap.countdown)
        if step is Step.HOLD:
            phase, role = self.tr("Hold"), "hold"
        elif step is Step.RELEASE:
            phase, role = self.tr("Release"), "release"
        elif mode == "count_in":
            phase, role = self.tr("Get ready: %1").replace("%1", str(snap.countdown)), "hold"
        else:
            phase, role = self.tr("Get ready"), "text"
        self.phase_text.set_text(phase)
        self.phase_text.set_role(role)
        duration = snap.phase_duration_s
        fraction = snap.remaining_s / duration if duration > 0 else 0.0
        self.dial.set_phase(mode, snap.countdown, fraction)

        if step is Step.HOLD:
            if snap.exhale_cue:
                cue = self.tr("Breathe out into the stretch")
            else:
                cue = self.tr("Keep breathing")
        elif step is Step.RELEASE:
            cue = self.tr("Relax and breathe")
        elif switching:
            cue = self.tr("Change sides and get into position")
        else:
            cue = self.tr("Get into position")
        self.cue_text.set_text(self.held_text() if self._held else cue)

    def _show_breathing(self, snap: Snapshot) -> None:
        self._set_mode("breathing")
        ex = snap.exercise
        name = ex.name if ex else self.tr("90/90 breathing")
        self.name_text.set_text(name)
        if snap.rep is not None and snap.reps is not None:
            text = self.tr("Breath %1 of %2").replace("%1", str(snap.rep))
            text = text.replace("%2", str(snap.reps))
        else:
            text = ""
        self.rep_text.set_text(text)
        figures = figures_for(ex.id if ex is not None else None)
        self.figure.set_figure(figures[0] if figures else None, False, name)
        if snap.breath is not None and self.pacer.phase() == "":
            self.show_breath(snap.breath)  # the first frame, before the frame driver's

    def _show_gate(self, snap: Snapshot) -> None:
        self._set_mode("gate")
        if snap.gate_open:
            self.message_text.set_text(self.tr("Strengthening is open"))
        else:
            self.message_text.set_text(self.tr("Strengthening stays locked for now"))
        if snap.state is State.PAUSED:
            detail = ""
        else:
            seconds = max(0, math.ceil(snap.remaining_s))
            detail = self.tr("Continuing by itself in %1 s").replace("%1", str(seconds))
        self.detail_text.set_text(self.held_text() if self._held else detail)
