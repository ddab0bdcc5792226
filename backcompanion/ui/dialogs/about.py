"""Help > About: the app and its version, the disclaimer, the red flags and when to
see a clinician, from ``resources/safety.yaml`` (:func:`backcompanion.program.safety.load_safety`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from backcompanion import APP_NAME, __version__
from backcompanion.program.safety import SafetyText, load_safety
from backcompanion.ui.widgets.labels import label, scrolling

__all__ = ["AboutDialog"]


class AboutDialog(QDialog):
    """Help > About: the app, the disclaimer, the red flags and when to see a clinician."""

    def __init__(self, parent: QWidget | None = None, *, safety: SafetyText | None = None):
        super().__init__(parent)
        s = safety or load_safety()
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.setModal(True)
        content = QWidget()
        col = QVBoxLayout(content)
        col.setContentsMargins(36, 28, 36, 12)
        col.setSpacing(14)
        self.heading = label(f"{APP_NAME} {__version__}", "title")
        col.addWidget(self.heading)
        col.addWidget(label(self.tr("A companion for a home exercise program for low back pain.")))
        col.addWidget(label(s.disclaimer.title, "subtitle"))
        self.disclaimer = label(s.disclaimer.full_text)
        col.addWidget(self.disclaimer)
        col.addWidget(label(self.tr("Stop and get medical advice if:"), "subtitle"))
        self.flag_labels: list[QLabel] = []
        for f in s.red_flags:
            title, text = label(f.title, "strong"), label(f.text)
            self.flag_labels += [title, text]
            pair = QVBoxLayout()
            pair.setSpacing(2)
            pair.addWidget(title)
            pair.addWidget(text)
            col.addLayout(pair)
        col.addWidget(label(s.no_improvement.title, "subtitle"))
        col.addWidget(label(s.no_improvement.text))
        col.addWidget(
            label(
                self.tr(
                    "Text set in Atkinson Hyperlegible by the Braille Institute "
                    "(SIL Open Font License)."
                ),
                "muted",
            )
        )
        col.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        self.close_button = box.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 24)
        layout.addWidget(scrolling(content), 1)
        row = QHBoxLayout()
        row.setContentsMargins(36, 0, 36, 0)
        row.addWidget(box)
        layout.addLayout(row)
        self.resize(900, 700)
