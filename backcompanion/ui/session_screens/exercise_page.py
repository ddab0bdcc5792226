"""The exercise page: the hold/repeat timer during stretching and strengthening.

The exercise's name, repeat and side over its figure and short instructions on
the left, the phase in words over the countdown dial on the right, and under the
dial the breathing cue or what comes next. The effort strip ("How was Bridge?
1 Easy ... 4 Painful") and the easier-version offer come and go above it.

The figure shows the side being worked and moves with the session: the start pose
while getting ready, easing into the stretch over the first seconds of a hold (while
the cue says to breathe out into it), still for the rest, easing back on release.
The bridge's frame signal moves it between snapshots (:meth:`ExercisePage.show_phase_time`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backcompanion.program import Exercise
from backcompanion.session.engine import Event, Snapshot, State, Step
from backcompanion.session.records import Effort
from backcompanion.ui.session_screens.page_base import SessionPage, side_words
from backcompanion.ui.theme import (
    BASE_PT,
    HEADING_PT,
    SUBTITLE_PT,
    TITLE_PT,
    Theme,
    set_role,
)
from backcompanion.ui.widgets import labels
from backcompanion.ui.widgets.controls import (
    KeyButton,
    NoticeFrame,
    PictureBox,
    em,
    set_text,
)
from backcompanion.ui.widgets.figure import FigureView, figures_for
from backcompanion.ui.widgets.timer_dial import TimerDial, dial_mode

__all__ = [
    "EFFORT_KEYS",
    "EasierBanner",
    "EffortStrip",
    "ExercisePage",
    "NextUpBox",
    "next_up",
    "next_up_side",
]

EFFORT_KEYS: dict[Qt.Key, Effort] = {
    Qt.Key.Key_1: Effort.EASY,
    Qt.Key.Key_2: Effort.RIGHT,
    Qt.Key.Key_3: Effort.HARD,
    Qt.Key.Key_4: Effort.PAINFUL,
}
_EFFORT_BY_DIGIT = {str(i + 1): e for i, e in enumerate(EFFORT_KEYS.values())}


def next_up(snap: Snapshot) -> Exercise | None:
    """What the "Next up" box shows during get_ready: what this get_ready leads into, the
    exercise about to start (on a side switch: this exercise again, on its other side,
    see :func:`next_up_side`). None outside get_ready."""
    if snap.step is not Step.GET_READY:
        return None
    return snap.exercise


def next_up_side(snap: Snapshot) -> str:
    """The side "Next up" names with its exercise: the side about to start on a side
    switch, else "" (the first side is said by the page's header)."""
    if snap.step is Step.GET_READY and snap.switching_side and snap.side_label:
        return snap.side_label
    return ""


class EffortStrip(QFrame):
    """ "How was Bridge?  1 Easy  2 Right  3 Hard  4 Painful": one key rates the last exercise."""

    def __init__(self, page: SessionPage, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "card")
        self.question = page.scaled(labels.label(wrap=True), SUBTITLE_PT)
        self.question.setAccessibleName(self.tr("Effort question"))
        words = {
            Effort.EASY: self.tr("Easy"),
            Effort.RIGHT: self.tr("Right"),
            Effort.HARD: self.tr("Hard"),
            Effort.PAINFUL: self.tr("Painful"),
        }
        self.buttons: dict[Effort, KeyButton] = {}
        row = QHBoxLayout(self)
        line = round(em(self))
        row.setContentsMargins(line, round(line * 0.4), line, round(line * 0.4))
        row.setSpacing(round(line * 0.5))
        row.addWidget(self.question, 1)
        for digit, (effort, word) in enumerate(words.items(), start=1):
            key = str(digit)
            button = page.event_button(
                word,
                key,
                Event.RATE_EFFORT,
                self.tr("Effort: %1").replace("%1", word),
                self.tr("%1 (key %2)").replace("%1", word).replace("%2", key),
                {"effort": effort},
            )
            button.setObjectName(f"effort_{effort.value}")
            self.buttons[effort] = button
            row.addWidget(button)

    def set_exercise(self, exercise: Exercise | None) -> None:
        name = exercise.name if exercise else ""
        set_text(self.question, self.tr("How was %1?").replace("%1", name))


class EasierBanner(QFrame):
    """After "this hurts" in a strength exercise: "Try the easier version: ..." or skip it."""

    def __init__(self, page: SessionPage, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "card")
        self.text = page.scaled(labels.label(wrap=True), SUBTITLE_PT)
        self.take = page.event_button(
            self.tr("Easier version"),
            "",
            Event.TAKE_EASIER,
            self.tr("Do the easier version"),
            self.tr("Do the easier version instead"),
        )
        self.take.setObjectName("takeEasier")
        set_role(self.take, "primary")
        self.skip = page.event_button(
            self.tr("Skip"),
            "",
            Event.SKIP_EXERCISE,
            self.tr("Skip this exercise"),
            self.tr("Skip this exercise"),
        )
        self.skip.setObjectName("skipExercise")
        row = QHBoxLayout(self)
        line = round(em(self))
        row.setContentsMargins(line, round(line * 0.4), line, round(line * 0.4))
        row.setSpacing(round(line * 0.5))
        row.addWidget(self.text, 1)
        row.addWidget(self.take)
        row.addWidget(self.skip)

    def set_offer(self, exercise: Exercise | None) -> None:
        name = exercise.name if exercise else ""
        set_text(self.text, self.tr("Try the easier version: %1").replace("%1", name))


class NextUpBox(QFrame):
    """Small: "Next up", a name and its figure (still, in the pose that sums it up), shown
    while getting ready."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = labels.label(self.tr("Next up"), "muted", wrap=False)
        self.name = labels.label(wrap=True)
        set_role(self.name, "strong")
        self.picture = FigureView()
        self.picture.setObjectName("nextUpPicture")
        self.box = PictureBox(self.picture, lines=3)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addStretch(1)
        texts.addWidget(self.caption)
        texts.addWidget(self.name)
        texts.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(round(em(self) * 0.6))
        row.addWidget(self.box, 2)
        row.addLayout(texts, 3)
        self._exercise: Exercise | None = None
        self._side = ""
        self._mirrored = False

    def exercise(self) -> Exercise | None:
        return self._exercise

    def side(self) -> str:
        return self._side

    def set_exercise(self, exercise: Exercise | None, side: str = "", mirrored: bool = False):
        """Show ``exercise`` (None: nothing); ``side`` ("right leg") when it is the other
        side of the exercise on screen, its picture then ``mirrored`` as the page's."""
        if (exercise, side, mirrored) == (self._exercise, self._side, self._mirrored):
            return
        self._exercise, self._side, self._mirrored = exercise, side, mirrored
        name = exercise.name if exercise else ""
        if name and side:
            name = self.tr("%1 (%2)").replace("%1", name).replace("%2", side)
        set_text(self.name, name)
        figures = figures_for(exercise.id if exercise else None)
        self.picture.set_figure(
            figures[0] if figures else None, mirrored, exercise.name if exercise else None
        )
        self.picture.show_still()
        self.setAccessibleName(self.tr("Next up: %1").replace("%1", name))


class ExercisePage(SessionPage):
    """The hold/repeat timer during stretching and strengthening."""

    SLOT_EMPTY, SLOT_CUE, SLOT_NEXT = 0, 1, 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._exercise: Exercise | None = None
        self._phase_colour: str | None = None  # the theme colour of the phase word
        self._phase_shown: tuple | None = None  # (step, exercise, side, repeat) on the dial

        # header: name and repeat, side (or the switch-sides notice) and where in the section
        self.name_label = self.scaled(labels.label(), HEADING_PT)
        self.name_label.setObjectName("exerciseName")
        self.rep_label = self.scaled(labels.label(wrap=False), TITLE_PT)
        self.rep_label.setObjectName("repLabel")
        self.rep_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.side_label = self.scaled(labels.label(wrap=False), TITLE_PT)
        self.side_label.setObjectName("sideLabel")
        self.side_notice = NoticeFrame(self.side_label)
        self.side_notice.setObjectName("sideNotice")
        self.section_label = self.scaled(labels.label(wrap=False), BASE_PT, bold=False)
        self.section_label.setObjectName("sectionLabel")
        set_role(self.section_label, "muted")
        self.section_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.easier_banner = EasierBanner(self)
        self.easier_banner.setObjectName("easierBanner")
        self.effort_strip = EffortStrip(self)
        self.effort_strip.setObjectName("effortStrip")

        # left: the figure and the short instructions
        self.figure = FigureView()
        self.figure.setObjectName("figure")
        self.picture = PictureBox(self.figure)
        self.position_label = self.scaled(QLabel(), BASE_PT, bold=False)
        self.movement_label = self.scaled(QLabel(), BASE_PT, bold=False)
        for label in (self.position_label, self.movement_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.position_label.setObjectName("position")
        self.movement_label.setObjectName("movement")

        # right: the phase in words, the dial, and under it the cue or what comes next
        self.phase_label = self.scaled(labels.label(wrap=False), HEADING_PT)
        self.phase_label.setObjectName("phaseLabel")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dial = TimerDial()
        self.dial.setObjectName("dial")
        self.cue_label = self.scaled(labels.label(), SUBTITLE_PT)
        self.cue_label.setObjectName("cueLabel")
        self.cue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_up = NextUpBox()
        self.next_up.setObjectName("nextUp")
        self.scaled(self.next_up.caption, BASE_PT, bold=False)
        self.scaled(self.next_up.name, SUBTITLE_PT)
        self.slot = QStackedWidget()
        self.slot.addWidget(QWidget())
        self.slot.addWidget(self.cue_label)
        self.slot.addWidget(self.next_up)
        self.slot.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.slot.setObjectName("slot")

        # buttons
        self.back_button = self.event_button(
            self.tr("Back"),
            self.tr("B", "keyboard key"),
            Event.PREVIOUS,
            self.tr("Back: restart this exercise, or the one before"),
            self.tr("Back: restart this exercise, or go to the one before (B)"),
        )
        self.next_button = self.event_button(
            self.tr("Next"),
            self.tr("N", "keyboard key"),
            Event.SKIP_REPEAT,
            self.tr("Next: go on to the next repeat"),
            self.tr("Next: go on to the next repeat (N)"),
        )
        self.hurts_button = self.event_button(
            self.tr("This hurts"),
            self.tr("H", "keyboard key"),
            Event.THIS_HURTS,
            self.tr("This hurts: end this exercise"),
            self.tr("This hurts: end this exercise and note it (H)"),
        )
        self.too_hard_button = self.event_button(
            self.tr("Too hard"),
            self.tr("T", "keyboard key"),
            Event.TOO_HARD,
            self.tr("Too hard"),
            self.tr("Too hard: the easier version, or skip (T)"),
        )
        for name, b in (
            ("backButton", self.back_button),
            ("nextButton", self.next_button),
            ("hurtsButton", self.hurts_button),
            ("tooHardButton", self.too_hard_button),
        ):
            b.setObjectName(name)

        self._build_layout()
        self.finish()
        self.easier_banner.hide()
        self.effort_strip.hide()

    def _build_layout(self) -> None:
        line = em(self)
        header = QGridLayout()
        header.setHorizontalSpacing(round(line))
        header.setVerticalSpacing(round(line * 0.2))
        header.addWidget(self.name_label, 0, 0)
        header.addWidget(self.rep_label, 0, 1)
        header.addWidget(self.side_notice, 1, 0, Qt.AlignmentFlag.AlignLeft)
        header.addWidget(self.section_label, 1, 1)
        header.setColumnStretch(0, 1)

        left = QVBoxLayout()
        left.setSpacing(round(line * 0.4))
        left.addWidget(self.picture, 1)
        left.addWidget(self.position_label)
        left.addWidget(self.movement_label)

        right = QVBoxLayout()
        right.setSpacing(round(line * 0.3))
        right.addWidget(self.phase_label)
        right.addWidget(self.dial, 1)
        right.addWidget(self.slot)

        body = QHBoxLayout()
        body.setSpacing(round(line * 1.2))
        body.addLayout(left, 5)
        body.addLayout(right, 4)

        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(round(line * 0.4))
        column.addLayout(header)
        column.addWidget(self.easier_banner)
        column.addWidget(self.effort_strip)
        column.addLayout(body, 1)

        for b in (
            self.pause_button,
            self.back_button,
            self.next_button,
            self.hurts_button,
            self.too_hard_button,
        ):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.stop_button)

    def _scale_changed(self) -> None:
        # the cue or "Next up" under the dial: one fixed height for both, so the dial
        # keeps its size from phase to phase
        line = em(self)
        self.slot.setFixedHeight(round(max(line * 3.2, line * 3.2 * self.scale())))

    # ---- API ----

    def show_snapshot(self, snap: Snapshot) -> None:
        super().show_snapshot(snap)
        ex = snap.exercise
        phase = (snap.step, ex.id if ex else None, snap.side_index, snap.rep)
        if phase != self._phase_shown:
            self._phase_shown = phase
            if self.dial.isVisible():
                # a new phase: its number on screen first, before the page's slower work (a
                # new exercise's texts, the figure's next pose), so that it is never late
                self._show_dial(snap)
                self.dial.repaint()
        if ex is not None and ex is not self._exercise:
            self._show_exercise(ex)
        self._show_header(snap)
        self._show_phase(snap)
        self._show_prompts(snap)

    def show_phase_time(self, elapsed_s: float) -> None:
        """One frame of a moving figure: ``elapsed_s`` seconds into the current step."""
        self.figure.show_phase_time(elapsed_s)

    def set_reduced_motion(self, reduced: bool) -> None:
        """Reduced motion: the figure shows the end pose, still, with an arrow."""
        self.figure.set_reduced_motion(reduced)

    def effort_for_key(self, key: int | Qt.Key | str) -> Effort | None:
        """The effort rating key ``key`` (1-4, or the text "1"-"4") gives, while the effort
        strip is showing; None otherwise (so the caller never sends a rating not allowed)."""
        if not self.effort_visible():
            return None
        if isinstance(key, str):
            return _EFFORT_BY_DIGIT.get(key.strip())
        try:
            return EFFORT_KEYS.get(Qt.Key(int(key)))
        except ValueError:
            return None

    def effort_visible(self) -> bool:
        return not self.effort_strip.isHidden()

    def easier_visible(self) -> bool:
        return not self.easier_banner.isHidden()

    def phase_text(self) -> str:
        return self.phase_label.text()

    def switch_notice_shown(self) -> bool:
        """True while the switch-sides notice (outlined) is up."""
        return self.side_notice.is_on() and not self.side_notice.isHidden()

    def _push_theme(self, theme: Theme) -> None:
        super()._push_theme(theme)
        self.dial.set_theme(theme)
        self.side_notice.set_theme(theme)
        self.figure.set_theme(theme)
        self.next_up.picture.set_theme(theme)
        self.set_extra_style(self.phase_label, self._colour_style(self._phase_colour))

    # ---- internals ----

    def _show_exercise(self, ex: Exercise) -> None:
        self._exercise = ex
        set_text(self.name_label, ex.name)
        titles = (self.tr("Position"), self.tr("Movement"))
        texts = (ex.instructions.position, ex.instructions.movement)
        for label, title, text in zip(
            (self.position_label, self.movement_label), titles, texts, strict=True
        ):
            label.setText(f"<b>{html.escape(title)}</b>&nbsp;&nbsp;{html.escape(text)}")
            label.setAccessibleName(f"{title}: {text}")

    def _show_header(self, snap: Snapshot) -> None:
        if snap.rep is not None and snap.reps is not None:
            rep = self.tr("Rep %1 of %2").replace("%1", str(snap.rep)).replace("%2", str(snap.reps))
        else:
            rep = ""
        set_text(self.rep_label, rep)
        side = snap.side_label or ""
        switching = bool(snap.switching_side and side)
        notice = self.tr("Switch sides: %1").replace("%1", side)
        text = notice if switching else side_words(snap)
        changed = self.side_label.text() != text or self.side_notice.is_on() != switching
        set_text(self.side_label, text)
        self.side_notice.set_on(switching)
        self.side_notice.setVisible(bool(text))
        if changed and self.layout() is not None:
            # the label sits in a frame in the page's layout, two layout passes away from
            # its new width: settle it now, or the first frame painted with the new side
            # (and a screenshot) cuts it ("Right le")
            self.side_notice.layout().invalidate()
            self.side_notice.updateGeometry()
            self.layout().activate()
        live = snap.paused_from or snap.state
        if snap.exercise_index is not None and snap.exercise_count:
            n, count = str(snap.exercise_index + 1), str(snap.exercise_count)
            if live is State.STRENGTHENING:
                section = self.tr("Strengthening %1 of %2")
            else:
                section = self.tr("Stretch %1 of %2")
            section = section.replace("%1", n).replace("%2", count)
        else:
            section = ""
        set_text(self.section_label, section)
        self.figure.follow_session(snap)

    def _show_dial(self, snap: Snapshot) -> None:
        step = snap.step
        if step is None:  # between exercises (the closing check-in with an offer pending)
            self.dial.set_phase("ready", None, 0.0)
            return
        duration = snap.phase_duration_s
        fraction = snap.remaining_s / duration if duration > 0 else 0.0
        self.dial.set_phase(dial_mode(step, snap.countdown), snap.countdown, fraction)

    def _show_phase(self, snap: Snapshot) -> None:
        step = snap.step
        mode = dial_mode(step, snap.countdown)
        self._show_dial(snap)
        if step is None:
            set_text(self.phase_label, "")
            self.slot.setCurrentIndex(self.SLOT_EMPTY)
            return
        if step is Step.HOLD:
            phase = self.tr("Hold")
        elif step is Step.RELEASE:
            phase = self.tr("Release")
        elif mode == "count_in":
            phase = self.tr("Get ready: %1").replace("%1", str(snap.countdown))
        else:
            phase = self.tr("Get ready")
        set_text(self.phase_label, phase)
        self._phase_colour = {"hold": "hold", "release": "release", "count_in": "hold"}.get(mode)
        self.set_extra_style(self.phase_label, self._colour_style(self._phase_colour))

        if step is Step.HOLD:
            if snap.exhale_cue:
                cue = self.tr("Breathe out into the stretch")
            else:
                cue = self.tr("Keep breathing")
            set_text(self.cue_label, cue)
            slot = self.SLOT_CUE
        elif step is Step.RELEASE:
            set_text(self.cue_label, self.tr("Relax and breathe"))
            slot = self.SLOT_CUE
        else:
            up, side = next_up(snap), next_up_side(snap)
            # mirrored on the second side: a side switch, or a plan's second side only
            self.next_up.set_exercise(up, side, mirrored=snap.side_index == 1)
            slot = self.SLOT_NEXT if up is not None else self.SLOT_EMPTY
        if self.slot.currentIndex() != slot:
            self.slot.setCurrentIndex(slot)

    def _colour_style(self, role: str | None) -> str:
        if role is None:
            return ""
        return f"color: {getattr(self.theme(), role)};"

    def _show_prompts(self, snap: Snapshot) -> None:
        allowed = snap.allowed_events
        offer = snap.offer_easier if Event.TAKE_EASIER in allowed else None
        if offer is not None:
            self.easier_banner.set_offer(offer)
        self.easier_banner.setVisible(offer is not None)
        self.easier_banner.skip.setVisible(Event.SKIP_EXERCISE in allowed)
        rated = snap.last_finished_exercise if Event.RATE_EFFORT in allowed else None
        if rated is not None:
            self.effort_strip.set_exercise(rated)
        self.effort_strip.setVisible(rated is not None)
