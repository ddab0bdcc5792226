"""The pages of a running session: exercise timer, breathing, the gate, the end.

Passive views. The session bridge owns the engine and the timers and calls
``show_snapshot(snap)`` on every change and every displayed second (and the
breathing page's ``show_breath(state)`` every frame); a button emits
``event_requested(event, payload)``. No page keeps its own idea of the session,
owns a timer or talks to the engine.

Everything is sized for a person on a mat two metres away: the key texts are
set in points and grow with the page's height (:func:`~.page_base.scale_factor`),
the countdown's digits with the dial's height. A phase is told by words and by
shape, never by colour alone. Every string goes through ``tr()``.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backcompanion.program import Exercise
from backcompanion.session.breathing import BreathState
from backcompanion.session.engine import Event, Snapshot, State, Step
from backcompanion.session.plan import SessionPlan
from backcompanion.session.records import Effort
from backcompanion.ui.session_screens.page_base import ScaledPage, SessionPage
from backcompanion.ui.theme import (
    BASE_PT,
    HEADING_PT,
    SUBTITLE_PT,
    TITLE_PT,
    Theme,
    current_theme,
    set_role,
)
from backcompanion.ui.widgets import labels
from backcompanion.ui.widgets.controls import (
    KeyButton,
    NoticeFrame,
    PictureBox,
    em,
    picture_names,
    set_text,
)
from backcompanion.ui.widgets.illustration import IllustrationView
from backcompanion.ui.widgets.pacer import PacerWidget, phase_words
from backcompanion.ui.widgets.timer_dial import TimerDial, dial_mode

__all__ = [
    "EFFORT_KEYS",
    "BreathingPage",
    "DonePage",
    "DoneSummary",
    "EasierBanner",
    "EffortStrip",
    "EndIcon",
    "ExercisePage",
    "ExerciseTile",
    "GatePage",
    "NextUpBox",
    "next_up",
]

EFFORT_KEYS: dict[Qt.Key, Effort] = {
    Qt.Key.Key_1: Effort.EASY,
    Qt.Key.Key_2: Effort.RIGHT,
    Qt.Key.Key_3: Effort.HARD,
    Qt.Key.Key_4: Effort.PAINFUL,
}
_EFFORT_BY_DIGIT = {str(i + 1): e for i, e in enumerate(EFFORT_KEYS.values())}


def next_up(snap: Snapshot) -> Exercise | None:
    """What the "Next up" box shows during get_ready: the exercise about to start when this
    get_ready opens it, else (switching sides) the exercise after this one. None outside."""
    if snap.step is not Step.GET_READY:
        return None
    if snap.switching_side:
        return snap.next_exercise
    return snap.exercise


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- exercise


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
    """Small: "Next up", a name and a picture, shown while getting ready."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = labels.label(self.tr("Next up"), "muted", wrap=False)
        self.name = labels.label(wrap=True)
        set_role(self.name, "strong")
        self.picture = IllustrationView()
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

    def exercise(self) -> Exercise | None:
        return self._exercise

    def set_exercise(self, exercise: Exercise | None) -> None:
        if exercise is self._exercise:
            return
        self._exercise = exercise
        name = exercise.name if exercise else ""
        set_text(self.name, name)
        names = picture_names(exercise)
        self.picture.set_illustration(
            names[0] if names else None,
            False,
            self.tr("Drawing: %1").replace("%1", name) if name else "",
        )
        self.setAccessibleName(self.tr("Next up: %1").replace("%1", name))


class ExercisePage(SessionPage):
    """The hold/repeat timer during stretching and strengthening."""

    SLOT_EMPTY, SLOT_CUE, SLOT_NEXT = 0, 1, 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._exercise: Exercise | None = None
        self._phase_colour: str | None = None  # the theme colour of the phase word

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

        # left: the picture and the short instructions
        self.illustration = IllustrationView()
        self.illustration.setObjectName("illustration")
        self.picture = PictureBox(self.illustration)
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
        if ex is not None and ex is not self._exercise:
            self._show_exercise(ex)
        self._show_header(snap)
        self._show_phase(snap)
        self._show_prompts(snap)

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
        self.illustration.set_theme(theme)
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
        text = notice if switching else _capitalised(side)
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
        mirrored = snap.side_index == 1
        names = picture_names(snap.exercise)
        name = snap.exercise.name if snap.exercise else ""
        self.illustration.set_illustration(
            names[0] if names else None,
            mirrored,
            self.tr("Drawing: %1").replace("%1", name) if name else "",
        )

    def _show_phase(self, snap: Snapshot) -> None:
        step = snap.step
        mode = dial_mode(step, snap.countdown)
        if step is None:  # between exercises (the closing check-in with an offer pending)
            set_text(self.phase_label, "")
            self.dial.set_phase("ready", None, 0.0)
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
        duration = snap.phase_duration_s
        fraction = snap.remaining_s / duration if duration > 0 else 0.0
        self.dial.set_phase(mode, snap.countdown, fraction)
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
            up = next_up(snap)
            self.next_up.set_exercise(up)
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


# ---------------------------------------------------------------- breathing


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
        self.pictures = [IllustrationView(), IllustrationView()]
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
        """One frame: forward the breath's numbers to the pacer (nothing else)."""
        if state is None:
            return
        phase = state.phase.value
        self.pacer.set_state(state.size, self._words[phase], state.count or None, phase)

    def set_reduced_motion(self, reduced: bool) -> None:
        self.pacer.set_reduced_motion(reduced)

    def _push_theme(self, theme: Theme) -> None:
        super()._push_theme(theme)
        self.pacer.set_theme(theme)
        for view in self.pictures:
            view.set_theme(theme)

    # ---- internals ----

    def _show_exercise(self, ex: Exercise) -> None:
        self._exercise = ex
        set_text(self.name_label, ex.name)
        names = picture_names(ex)
        for i, view in enumerate(self.pictures):
            name = names[i] if i < len(names) else None
            view.set_illustration(name, False, self.tr("Drawing: %1").replace("%1", ex.name))
            self.picture_boxes[i].setVisible(name is not None)
        self.or_label.setVisible(len(names) > 1)
        titles = (self.tr("Position"), self.tr("Breathing"))
        texts = (ex.instructions.position, ex.instructions.movement)
        for label, title, text in zip(
            (self.position_label, self.movement_label), titles, texts, strict=True
        ):
            label.setText(f"<b>{html.escape(title)}</b>&nbsp;&nbsp;{html.escape(text)}")
            label.setAccessibleName(f"{title}: {text}")


# ---------------------------------------------------------------- gate


class ExerciseTile(QFrame):
    """One strength exercise on the open gate: its picture and its name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "card")
        self.picture = IllustrationView()
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
        names = picture_names(exercise)
        self.picture.set_illustration(
            names[0] if names else None,
            False,
            self.tr("Drawing: %1").replace("%1", exercise.name),
        )
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


# ---------------------------------------------------------------- done


@dataclass(frozen=True)
class DoneSummary:
    """What the end page shows; the caller (who has the records) fills it in."""

    opening: int | None  # pain before, 0-10
    closing: int | None  # pain after, 0-10 (None when stopped before the check-in)
    exercises_done: int
    minutes: float
    flare_text: str | None = None  # why this looks like a flare-up, when it does


class EndIcon(QWidget):
    """A check mark in a ring (finished) or a square in a ring (stopped): the end by shape."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stopped = False
        self._theme: Theme | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_stopped(self, stopped: bool) -> None:
        if stopped != self._stopped:
            self._stopped = stopped
            self.update()

    def set_theme(self, theme: Theme | None) -> None:
        self._theme = theme
        self.update()

    def set_side(self, side: int) -> None:
        self.setFixedSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        t = self._theme or current_theme()
        side = min(self.width(), self.height())
        line = max(3.0, side / 12)
        ring = QRectF(line / 2, line / 2, side - line, side - line)
        colour = QColor(t.muted if self._stopped else t.release)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, line)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(ring)
        if self._stopped:
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
        """The numbers to show; ``stopped`` (when given) says whether the session was stopped."""
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
        if self._stopped:
            title = self.tr("Session stopped: what you did is saved")
        else:
            title = self.tr("Well done: session complete")
        set_text(self.title, title)
        self.icon.set_stopped(self._stopped)
        s = self._summary
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
        # English has no catalog: its singular and plural are two messages, and each
        # passes n so that a translation gives every plural form its language has
        n = s.exercises_done
        exercises = self.tr("%n exercise", "", n) if n == 1 else self.tr("%n exercises", "", n)
        minutes = max(0, round(s.minutes))
        if s.minutes > 0 and minutes == 0:
            time = self.tr("less than a minute")
        elif minutes == 1:
            time = self.tr("%n minute", "", minutes)
        else:
            time = self.tr("%n minutes", "", minutes)
        both = self.tr("{exercises} \u00b7 {time}", "what was done: exercises, then time")
        set_text(self.count_label, both.format(exercises=exercises, time=time))
        self.count_label.show()
        set_text(self.flare_label, s.flare_text or "")
        self.flare_frame.setVisible(bool(s.flare_text))
