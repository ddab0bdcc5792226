"""Rate everyday activities: the Patient-Specific Functional Scale (PSFS) as a small form.

Up to five activities the back makes hard, each rated 0 (unable) to 10 (as
before). The last rating's activities come filled in, so the same ones are
rated again. A row with an activity needs a rating before Save; what is wrong
is said by row. Tests replace :meth:`PsfsDialog.ask`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backcompanion.ui.theme import set_role

__all__ = ["MAX_ACTIVITY", "PsfsDialog"]

MAX_ACTIVITY = 80
ROWS = 5


class PsfsDialog(QDialog):
    def __init__(self, activities: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your everyday activities"))
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "Name up to five activities that your back makes hard, then rate how well "
                "you can do each today: 0 = unable to do it, 10 = able to do it as before."
            )
        )
        intro.setWordWrap(True)
        self.activities: list[QLineEdit] = []
        self.ratings: list[QSpinBox] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        head_activity = QLabel(self.tr("Activity (for example: putting on socks)"))
        head_rating = QLabel(self.tr("Today, 0 to 10"))
        set_role(head_activity, "strong")
        set_role(head_rating, "strong")
        grid.addWidget(head_activity, 0, 0)
        grid.addWidget(head_rating, 0, 1)
        for row in range(ROWS):
            edit = QLineEdit()
            edit.setMaxLength(MAX_ACTIVITY)
            edit.setAccessibleName(self.tr("Activity %1").replace("%1", str(row + 1)))
            if row < len(activities):
                edit.setText(activities[row])
            spin = QSpinBox()
            spin.setRange(-1, 10)
            spin.setSpecialValueText(self.tr("not rated"))
            spin.setValue(-1)
            spin.setAccessibleName(self.tr("Rating of activity %1").replace("%1", str(row + 1)))
            edit.textChanged.connect(self._refresh)
            spin.valueChanged.connect(self._refresh)
            self.activities.append(edit)
            self.ratings.append(spin)
            grid.addWidget(edit, row + 1, 0)
            grid.addWidget(spin, row + 1, 1)
        grid.setColumnStretch(0, 1)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.problem, "danger")
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Save the ratings"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.later_button = self.buttons.addButton(
            self.tr("&Not now"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        self.activities[0].setFocus()
        self._refresh()

    def scores(self) -> list[tuple[str, int]]:
        """The rows with an activity and a rating, in order."""
        return [
            (edit.text().strip(), spin.value())
            for edit, spin in zip(self.activities, self.ratings, strict=True)
            if edit.text().strip() and spin.value() >= 0
        ]

    def problems(self) -> list[str]:
        found = []
        for row, (edit, spin) in enumerate(zip(self.activities, self.ratings, strict=True), 1):
            named, rated = bool(edit.text().strip()), spin.value() >= 0
            if named and not rated:
                found.append(
                    self.tr("Activity %1: choose a rating from 0 to 10.").replace("%1", str(row))
                )
            elif rated and not named:
                found.append(self.tr("Activity %1: name the activity.").replace("%1", str(row)))
        if not found and not self.scores():
            found.append(self.tr("Name at least one activity and rate it."))
        return found

    def _refresh(self, *_args) -> None:
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        self.save_button.setEnabled(not problems)

    def _save(self) -> None:
        if not self.problems():
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, activities: Sequence[str]) -> list[tuple[str, int]] | None:
        """The ratings, or None when the person chose "Not now"."""
        dialog = cls(activities, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.scores()
        finally:
            dialog.deleteLater()
