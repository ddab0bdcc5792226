"""What the pages of a running session share: the scaled page and the session page.

The pages (exercise_page, breathing_page, gate_page, done_page) are passive views.
The session bridge owns the engine and the timers and calls ``show_snapshot(snap)``
on every change and every displayed second (and the breathing page's
``show_breath(state)`` every frame); a button emits ``event_requested(event,
payload)``. No page keeps its own idea of the session, owns a timer or talks to
the engine.

Everything is sized for a person on a mat two metres away: :class:`ScaledPage`
sets a page's key texts in points and grows them with its height
(:func:`scale_factor`), the countdown's digits grow with the dial's height. A
phase is told by words and by shape, never by colour alone. Every string goes
through ``tr()``. :class:`SessionPage` adds what every page shows while a session
is live: a thin progress line on top, the page's content, a "Paused" overlay over
that content, and a row of buttons that send engine events. Sizes come from font
metrics and the page's height; colours from :mod:`backcompanion.ui.theme`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from backcompanion.i18n import translate
from backcompanion.session.engine import Event, Snapshot, State
from backcompanion.ui.theme import Theme, current_theme
from backcompanion.ui.widgets.controls import KeyButton, PausedOverlay, ProgressLine, em

__all__ = [
    "REFERENCE_LINES",
    "ScaledPage",
    "SessionPage",
    "capitalised",
    "scale_factor",
    "side_words",
]

_RETHEME = QEvent.Type(QEvent.registerEventType())
REFERENCE_LINES = 28.0  # a page this many base lines high shows text at its nominal size
MAX_SCALE = 3.0


def scale_factor(height: float, line: float) -> float:
    """How much larger the page's key texts are drawn: 1 up to ``REFERENCE_LINES`` lines of
    ``line`` pixels, then growing with the height (a 4K screen at 100 %), at most 3."""
    if line <= 0 or height <= 0:
        return 1.0
    return max(1.0, min(MAX_SCALE, height / (REFERENCE_LINES * line)))


def capitalised(text: str) -> str:
    """``text`` with its first letter in capitals ("left leg" -> "Left leg"), the rest kept."""
    return text[:1].upper() + text[1:]


def side_words(snap: Snapshot) -> str:
    """The side under the exercise's name: "Left leg", or "Right leg only" when a plan keeps
    one side of two (ARCHITECTURE §13); "" for an exercise done once."""
    side = snap.side_label or ""
    if side and snap.exercise is not None and snap.exercise.only_side is not None:
        return capitalised(translate("SessionPage", "{side} only").format(side=side))
    return capitalised(side)


class ScaledPage(QWidget):
    """A page whose key texts are set in points and grow with its height (see scale_factor).

    The style sheet decides every label's font, so a scaled label gets its own
    one-line style sheet (``font-size``, weight and any extra such as a border),
    rewritten only when the scale moves by 5 % or more.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme: Theme | None = None  # None: follow the app's theme
        self._retheme_pending = False
        self._scaled: list[tuple[QLabel, float, bool, str]] = []
        self._scale = 0.0

    # ---- theme ----

    def set_theme(self, theme: Theme | None) -> None:
        """Show ``theme``; None follows the app's theme (``apply_theme``) from then on."""
        self._theme = theme
        self._push_theme(theme or current_theme())

    def theme(self) -> Theme:
        return self._theme or current_theme()

    def _push_theme(self, theme: Theme) -> None:
        """Subclasses hand ``theme`` to what caches colours (pens, pictures, a label's sheet)."""

    def event(self, event: QEvent) -> bool:
        if event.type() == _RETHEME:
            self._retheme_pending = False
            if self._theme is None:
                self._push_theme(current_theme())
            return True
        return super().event(event)

    def _queue_retheme(self) -> None:
        # apply_theme() sets the palette and the style sheet before it records the new theme,
        # so the palette change is answered once apply_theme() has returned
        if not self._retheme_pending:
            self._retheme_pending = True
            QCoreApplication.postEvent(self, QEvent(_RETHEME))

    def scaled(self, label: QLabel, pt: float, bold: bool = True, extra: str = "") -> QLabel:
        """Register ``label``: drawn at ``pt`` points, more on a tall page (see scale_factor)."""
        self._scaled = [x for x in self._scaled if x[0] is not label]
        self._scaled.append((label, pt, bold, extra))
        self._style_label(label, pt, bold, extra)
        return label

    def unscale(self, label: QLabel) -> None:
        self._scaled = [x for x in self._scaled if x[0] is not label]

    def set_extra_style(self, label: QLabel, extra: str) -> None:
        """Change the extra style sheet text of a scaled label (a border, a colour)."""
        for i, (lab, pt, bold, old) in enumerate(self._scaled):
            if lab is label and old != extra:
                self._scaled[i] = (lab, pt, bold, extra)
                self._style_label(lab, pt, bold, extra)

    def scale(self) -> float:
        """How much larger than their nominal size the key texts are drawn now."""
        return self._scale or 1.0

    def _style_label(self, label: QLabel, pt: float, bold: bool, extra: str) -> None:
        weight = "font-weight: 700;" if bold else "font-weight: 400;"
        scale = self._scale or 1.0
        size = round(pt * scale, 1)
        sheet = f"font-size: {size:.1f}pt; {weight} {extra}".strip()
        if label.styleSheet() != sheet:
            label.setStyleSheet(sheet)
            if abs(label.font().pointSizeF() - size) > 0.05:
                # Qt 6 sometimes keeps the old font when a sheet with a box (border,
                # padding) changes while the label is hidden: polish it again
                label.style().unpolish(label)
                label.style().polish(label)
                label.updateGeometry()

    def _apply_scale(self, force: bool = False) -> None:
        scale = round(scale_factor(self.height(), em(self)) * 20) / 20  # steps of 5 %
        if scale == self._scale and not force:
            return
        self._scale = scale
        for label, pt, bold, extra in self._scaled:
            self._style_label(label, pt, bold, extra)
        self._scale_changed()

    def _scale_changed(self) -> None:
        """Subclasses resize what is not text (a picture slot) here."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_scale()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_scale(force=True)
        elif event.type() == QEvent.Type.PaletteChange:
            self._queue_retheme()


class SessionPage(ScaledPage):
    """A page shown while a session runs: progress line, content, pause overlay, buttons.

    Passive: :meth:`show_snapshot` shows what the engine says; a button emits
    :attr:`event_requested` with the engine event and its payload. No timers,
    no copy of the session.
    """

    # (Event, payload dict); "object" so that the payload reaches Python untouched (a "dict"
    # signal would go through QVariantMap and turn an Effort into a plain str)
    event_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._buttons: dict[QPushButton, Event] = {}
        self._payloads: dict[QPushButton, dict] = {}
        self._pause_event = Event.PAUSE

        self.progress = ProgressLine()
        self.progress.setObjectName("sessionProgress")
        self.content = QWidget()
        self.content.setObjectName("content")
        self.content.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.buttons = QHBoxLayout()

        self.pause_button = KeyButton(
            translate("SessionPage", "Pause"), translate("SessionPage", "Space", "keyboard key")
        )
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.stop_button = self.event_button(
            translate("SessionPage", "Stop"),
            translate("SessionPage", "Esc", "keyboard key"),
            Event.STOP,
            translate("SessionPage", "Stop the session (what you did is saved)"),
            translate("SessionPage", "Stop the session (Esc)"),
        )
        self.stop_button.setObjectName("stopButton")
        self._set_pause_texts(paused=False, force=True)

        outer = QVBoxLayout(self)
        self._outer = outer
        outer.addWidget(self.progress)
        outer.addWidget(self.content, 1)
        outer.addLayout(self.buttons)
        self._metrics()

    # ---- for subclasses ----

    def finish(self) -> None:
        """Call at the end of a subclass's __init__: puts the overlay above the content."""
        self.overlay = PausedOverlay(self.content)
        self.overlay.setObjectName("pausedOverlay")
        self.overlay.raise_()
        self._apply_scale(force=True)

    def event_button(
        self,
        text: str,
        key: str,
        event: Event,
        accessible: str,
        tooltip: str,
        payload: dict | None = None,
    ) -> KeyButton:
        """A button that sends ``event`` (with ``payload``); enabled from ``allowed_events``."""
        button = KeyButton(text, key)
        button.setAccessibleName(accessible)
        button.setToolTip(tooltip)
        self._payloads[button] = dict(payload or {})
        # a bound method, not a lambda: a lambda holding ``self`` would keep the page alive
        button.clicked.connect(self._on_event_button)
        self._buttons[button] = event
        return button

    # ---- API ----

    def show_snapshot(self, snap: Snapshot) -> None:
        """Show what the engine says: progress, paused or not, which buttons may be used."""
        self.progress.set_value(snap.session_progress)
        paused = snap.state is State.PAUSED
        if paused:
            self.overlay.set_reason(snap.paused_reason)
        if paused == self.overlay.isHidden():
            self.overlay.setVisible(paused)
            if paused:
                self.overlay.raise_()
        self._set_pause_texts(paused)
        allowed = snap.allowed_events
        self.pause_button.setEnabled(self._pause_event in allowed)
        for button, event in self._buttons.items():
            enabled = event in allowed
            if button.isEnabled() != enabled:
                button.setEnabled(enabled)

    def is_paused_shown(self) -> bool:
        return not self.overlay.isHidden()

    def show_key_held(self, event: Event | None) -> None:
        """Mark the buttons of ``event`` as pressed by key but held back (the session
        had just moved on by itself); None takes every mark off."""
        for button, sends in self._buttons.items():
            button.set_held(event is not None and sends is event)

    def held_buttons(self) -> list[KeyButton]:
        return [b for b in self._buttons if b.is_held()]

    def _push_theme(self, theme: Theme) -> None:
        self.progress.set_theme(theme)
        self.overlay.set_theme(theme)
        for button in self.findChildren(KeyButton):
            button.set_theme(theme)

    # ---- internals ----

    def _emit(self, event: Event, payload: dict) -> None:
        self.event_requested.emit(event, dict(payload))

    def _on_event_button(self) -> None:
        button = self.sender()
        event = self._buttons.get(button)
        if event is not None:
            self._emit(event, self._payloads[button])

    def _on_pause_clicked(self) -> None:
        self._emit(self._pause_event, {})

    def _set_pause_texts(self, paused: bool, force: bool = False) -> None:
        event = Event.RESUME if paused else Event.PAUSE
        if event is self._pause_event and not force:
            return
        self._pause_event = event
        b = self.pause_button
        if paused:
            b.setText(translate("SessionPage", "Resume"))
            b.setAccessibleName(translate("SessionPage", "Resume the session"))
            b.setToolTip(translate("SessionPage", "Resume (Space)"))
        else:
            b.setText(translate("SessionPage", "Pause"))
            b.setAccessibleName(translate("SessionPage", "Pause the session"))
            b.setToolTip(translate("SessionPage", "Pause (Space)"))

    def _metrics(self) -> None:
        line = em(self)
        side = round(line * 1.2)
        self._outer.setContentsMargins(side, round(line * 0.4), side, round(line * 0.6))
        self._outer.setSpacing(round(line * 0.5))
        self.buttons.setSpacing(round(line * 0.5))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._metrics()
