"""The start screen: what today holds, the safety and gate state, the exercises to browse.

A passive view: the main window gives it a :class:`~backcompanion.companion.HomeStatus`
(computed by the rules) and it shows it; its buttons only emit signals.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from backcompanion.companion import HomeStatus
from backcompanion.i18n import month_name, translate, weekday_name
from backcompanion.session.rules import NudgeLevel
from backcompanion.ui.theme import set_role
from backcompanion.ui.widgets.labels import button, label, scrolling


class Banner(QFrame):
    """A framed message with optional buttons (nudge, resume offer, safety check due)."""

    def __init__(self, role: str = "card", parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, role)
        self.title = label("", "subtitle")
        self.text = label()
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 16, 24, 16)
        box.addWidget(self.title)
        box.addWidget(self.text)
        box.addLayout(self._buttons)

    def add_button(self, button: QPushButton) -> QPushButton:
        self._buttons.addWidget(button)
        return button


class _Column(QVBoxLayout):
    """The home page's column. The scroll area around it sizes it by its minimum (the
    card's least useful height), never by the height every line of the card's
    instructions would want: that would make the page scroll at any window height."""

    def hasHeightForWidth(self) -> bool:
        return False


class _Body(QWidget):
    """What the home page scrolls: its minimum counts each wrapped title line at the
    width it has, not at its narrowest (one word a line), so that a 1280x720 screen
    shows the whole page without scrolling."""

    def __init__(self, wrapped: tuple[QWidget, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self._wrapped = wrapped

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        spare = 0
        for text in self._wrapped:
            if text.isVisibleTo(self) and text.width() > 0 and text.hasHeightForWidth():
                spare += max(0, text.minimumSizeHint().height() - text.heightForWidth(text.width()))
        return QSize(hint.width(), hint.height() - spare)


class HomePage(QWidget):
    startRequested = Signal()
    resumeRequested = Signal()
    closePartialRequested = Signal()
    safetyCheckRequested = Signal()
    nudgeDismissed = Signal()
    progressRequested = Signal()

    def __init__(self, carousel: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.greeting = label(self.tr("Today's session"), "title")
        self.summary = label("", "muted")
        self.demo_banner = Banner("danger-card")
        self.demo_banner.title.setText(self.tr("Demo: nothing here is saved"))
        self.demo_banner.text.setText(
            self.tr("Six weeks of made-up history to explore. Close the app to leave the demo.")
        )
        self.demo_banner.hide()

        self.resume_banner = Banner("card-checked")
        self.resume_banner.title.setText(self.tr("Your last session was interrupted"))
        self.resume_button = self.resume_banner.add_button(
            button(self.tr("&Resume it"), self.tr("Carry on where it stopped"), primary=True)
        )
        self.partial_button = self.resume_banner.add_button(
            button(self.tr("Save it as &partly done"), self.tr("Keep what was done and close it"))
        )
        self.resume_button.clicked.connect(self.resumeRequested)
        self.partial_button.clicked.connect(self.closePartialRequested)

        self.safety_banner = Banner("danger-card")
        self.safety_button = self.safety_banner.add_button(
            button(self.tr("Answer the &safety check"), primary=True)
        )
        self.safety_button.clicked.connect(self.safetyCheckRequested)

        self.nudge_banner = Banner("card-checked")
        self.nudge_banner.title.setText(self.tr("Time to see a physical therapist?"))
        self.nudge_dismiss = self.nudge_banner.add_button(
            button(self.tr("&Got it"), self.tr("Hide this message for a week"))
        )
        self.nudge_dismiss.clicked.connect(self.nudgeDismissed)

        self.gate_line = label()
        self.start_button = button(
            self.tr("&Start session"), self.tr("Start today's session (Enter)"), primary=True
        )
        self.start_button.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 18)
        self.start_button.clicked.connect(self.startRequested)
        self.progress_button = button(self.tr("See &progress"), self.tr("Your pain and sessions"))
        self.progress_button.clicked.connect(self.progressRequested)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.greeting)
        titles.addWidget(self.summary)
        titles.addWidget(self.gate_line)
        top.addLayout(titles, 1)
        buttons = QHBoxLayout()  # side by side: the exercises below get the height
        buttons.addWidget(self.progress_button)
        buttons.addWidget(self.start_button)
        top.addLayout(buttons)

        # a short screen (1280x720 with a big font) scrolls the page rather than pushing
        # the window past the screen; at any usual height it simply fills it
        body = self._body = _Body((self.greeting, self.summary, self.gate_line))
        self.scroll_area = scrolling(body)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        layout = _Column(body)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(10)
        for banner in (self.demo_banner, self.resume_banner, self.safety_banner, self.nudge_banner):
            layout.addWidget(banner)
        layout.addLayout(top)
        layout.addWidget(carousel, 1)
        self.carousel = carousel

    def minimumSizeHint(self) -> QSize:
        """As narrow as the page's content allows (it scrolls only up and down)."""
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        width = self._body.minimumSizeHint().width() + bar
        return QSize(width, super().minimumSizeHint().height())

    def set_demo(self, demo: bool) -> None:
        self.demo_banner.setVisible(demo)

    def set_status(self, status: HomeStatus) -> None:
        """Show what the rules decided; the page decides nothing itself."""
        if status.sessions_ended == 0 and status.sessions_done == 0:
            self.summary.setText(self.tr("Your first session: take it gently."))
        else:
            last = status.last_session
            done = status.sessions_done  # complete ones only: partly done ones are not counted
            if last is None:
                text = translate("HomePage", "%n session(s) done so far.", "", done)
            else:
                day = last.started_at
                text = translate(
                    "HomePage",
                    "%n session(s) done so far. Last: {weekday} {day} {month}.",
                    "",
                    done,
                ).format(weekday=weekday_name(day), day=day.day, month=month_name(day))
            self.summary.setText(text)
        it = status.interrupted
        self.resume_banner.setVisible(it is not None)
        if it is not None:
            began = it.started_at
            self.resume_banner.text.setText(
                self.tr(
                    "Started {weekday} at {time}. "
                    "Resume it, or keep what was done as a partly done session."
                ).format(weekday=weekday_name(began), time=f"{began:%H:%M}")
            )
        safety = status.safety
        questions = status.weekly_questions  # a plain name: lupdate skips a count it cannot read
        self.safety_button.setToolTip(translate("HomePage", "%n short question(s)", "", questions))
        if safety.sessions_blocked:
            self.safety_banner.title.setText(self.tr("Please see a clinician before you go on"))
            self.safety_banner.text.setText(
                self.tr("Sessions are paused because of your answers to the safety check.")
            )
            self.safety_button.setText(self.tr("&Review the safety check"))
        elif safety.check_due:
            self.safety_banner.title.setText(self.tr("Weekly safety check"))
            self.safety_banner.text.setText(
                translate(
                    "HomePage",
                    "Before your session, answer %n short question(s) about warning signs.",
                    "",
                    questions,
                )
            )
            self.safety_button.setText(self.tr("Answer the &safety check"))
        self.safety_banner.setVisible(safety.sessions_blocked or safety.check_due)
        nudge = status.nudge
        self.nudge_banner.setVisible(nudge is not None)
        if nudge is not None:
            self.nudge_banner.text.setText(nudge.text)
            self.nudge_dismiss.setVisible(nudge.level is NudgeLevel.SUGGEST)
        gate = status.gate
        strength = status.strength_count  # a plain name: lupdate skips a count it cannot read
        if status.day_text is not None:  # the interrupted session's day, as its opening set it
            self.gate_line.setText(status.day_text)
        elif strength == 0:
            self.gate_line.setText(self.tr("Stretches today: your plan has no strength exercises."))
        elif gate.open:
            text = translate(
                "HomePage",
                "Strengthening is open: stretches, then %n strength exercise(s).",
                "",
                strength,
            )
            self.gate_line.setText(text)
        else:
            reasons = "\n".join("\u2022 " + text for text in gate.texts)
            self.gate_line.setText(
                self.tr("Stretches today. Strengthening opens after:") + "\n" + reasons
            )
        self.start_button.setEnabled(status.may_start and it is None)
        self._focus_main()

    def main_button(self) -> QPushButton:
        """The button Space presses when the page is shown: start the session, or, when it
        cannot start, what comes first (resume the interrupted one, the safety check)."""
        if self.start_button.isEnabled():
            return self.start_button
        if not self.resume_banner.isHidden():
            return self.resume_button
        if not self.safety_banner.isHidden():
            return self.safety_button
        return self.start_button

    def _focus_main(self) -> None:
        # the page passes its focus on: the window focuses the page it shows, and Space
        # (the README's one key) then starts the session instead of opening Progress
        main = self.main_button()
        self.setFocusProxy(main)
        if self.isVisible():  # never a hidden page's button: a key would press it unseen
            main.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._focus_main()  # also the window's first show, before any page change
