"""File > Export weekly summary...: pick a week, pick a file, write the PDF, offer to open it.

:class:`ExportDialog` is the week picker; :func:`export_week_interactive` is the
whole flow the main window calls. Every dialog in the flow is a parameter, so
tests replace them (pytest-qt's pattern for modal dialogs) and nothing blocks.

``settings_like`` is anything with two read/write attributes, as
``ui.settings_model.Settings`` has: ``person_name`` (str, may be empty: goes on the
PDF) and ``last_export_folder`` (str, may be empty: where the save dialog
opens; the folder of the last export is kept there).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backcompanion.history import Store, StoreError
from backcompanion.i18n import format_date, translate
from backcompanion.program import Program
from backcompanion.report.files import ExportError
from backcompanion.report.pdf import write_summary_pdf
from backcompanion.report.summary import session_weeks, weekly_summary
from backcompanion.report.weeks import IsoWeek, last_full_week
from backcompanion.session.rules import Rules
from backcompanion.ui.theme import set_role

__all__ = [
    "AskPath",
    "AskWeek",
    "ExportDialog",
    "ask_save_path",
    "export_week_interactive",
    "offer_to_open",
    "show_export_error",
    "suggested_file_name",
    "week_text",
]

AskWeek = Callable[[QWidget | None, Sequence[IsoWeek], IsoWeek], "tuple[int, int] | None"]
AskPath = Callable[[QWidget | None, Path], "Path | None"]


def _short_day(day: date) -> str:
    """ "Mon 16 Nov" / "lun 16 nov"."""
    return format_date(day, "weekday_day_month")


def week_text(week: IsoWeek, today: date) -> str:
    """ "Week 47, 2026: Mon 16 Nov to Sun 22 Nov (last full week)"."""
    values = {
        "week": week.week,
        "year": week.year,
        "first": _short_day(week.start),
        "last": _short_day(week.last_day),
    }
    if week == IsoWeek.of(today):
        text = translate(
            "ExportDialog", "Week {week}, {year}: {first} to {last} (this week, not over yet)"
        )
    elif week == last_full_week(today):
        text = translate("ExportDialog", "Week {week}, {year}: {first} to {last} (last full week)")
    else:
        text = translate("ExportDialog", "Week {week}, {year}: {first} to {last}")
    return text.format(**values)


def suggested_file_name(week: IsoWeek) -> str:
    return f"BackCompanion-summary-{week.label}.pdf"


class ExportDialog(QDialog):
    """Choose the ISO week for the summary; newest first, the default selected."""

    def __init__(
        self,
        weeks: Sequence[tuple[int, int]],
        default: tuple[int, int],
        parent: QWidget | None = None,
        today: date | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export weekly summary"))
        today = today or date.today()
        choices = sorted({IsoWeek(*w) for w in (*weeks, default)}, reverse=True)

        question = QLabel(self.tr("Which week should the summary cover?"))
        set_role(question, "subtitle")
        hint = QLabel(
            self.tr(
                "The PDF is for your physical therapist or doctor: your sessions, "
                "pain ratings, exercises and notes for one week."
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "muted")

        self.weeks = QListWidget()
        self.weeks.setAccessibleName(self.tr("Weeks"))
        for wk in choices:
            item = QListWidgetItem(week_text(wk, today))
            item.setData(Qt.ItemDataRole.UserRole, (wk.year, wk.week))
            self.weeks.addItem(item)
            if wk == IsoWeek(*default):
                self.weeks.setCurrentItem(item)
        self.weeks.itemActivated.connect(lambda _item: self.accept())
        rows = min(len(choices), 6)
        row_h = self.weeks.sizeHintForRow(0) if choices else 40
        self.weeks.setMinimumHeight(row_h * rows + 8)
        width = self.weeks.sizeHintForColumn(0) + 48
        self.weeks.setMinimumWidth(max(480, width))

        self.export_button = QPushButton(self.tr("Export..."))
        set_role(self.export_button, "primary")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        box = QVBoxLayout(self)
        box.setSpacing(12)
        box.addWidget(question)
        box.addWidget(hint)
        box.addWidget(self.weeks, 1)
        box.addLayout(buttons)
        self.weeks.setFocus()

    def selected_week(self) -> tuple[int, int] | None:
        item = self.weeks.currentItem()
        if item is None:
            return None
        year, week = item.data(Qt.ItemDataRole.UserRole)
        return IsoWeek(int(year), int(week))

    def select_week(self, week: tuple[int, int]) -> bool:
        """Select ``week`` in the list; False when it is not offered."""
        for i in range(self.weeks.count()):
            item = self.weeks.item(i)
            if tuple(item.data(Qt.ItemDataRole.UserRole)) == tuple(week):
                self.weeks.setCurrentItem(item)
                return True
        return False

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        weeks: Sequence[tuple[int, int]],
        default: tuple[int, int],
    ) -> tuple[int, int] | None:
        """Show the dialog; the chosen ``(year, week)``, or None when cancelled."""
        dialog = cls(weeks, default, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.selected_week()
            return None
        finally:
            dialog.deleteLater()


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """The save dialog; the chosen path (".pdf" added when missing), or None when cancelled."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QApplication.translate("ExportDialog", "Save the weekly summary"),
        str(suggested),
        QApplication.translate("ExportDialog", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def show_export_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(
        parent, QApplication.translate("ExportDialog", "Export weekly summary"), message
    )


def offer_to_open(parent: QWidget | None, path: Path) -> None:
    """Say where the PDF is and offer to open it with the system's viewer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QApplication.translate("ExportDialog", "Export weekly summary"))
    box.setText(
        QApplication.translate("ExportDialog", "The summary is saved as {path}.").format(path=path)
    )
    open_button = box.addButton(
        QApplication.translate("ExportDialog", "Open"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QApplication.translate("ExportDialog", "Close"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(open_button)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    box.deleteLater()


def _start_folder(settings_like: Any) -> Path:
    remembered = getattr(settings_like, "last_export_folder", "") or ""
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def export_week_interactive(
    parent: QWidget | None,
    store: Store,
    program: Program,
    rules: Rules,
    settings_like: Any,
    now: datetime,
    ask_week: AskWeek | None = None,
    ask_path: AskPath | None = None,
    show_error: Callable[[QWidget | None, str], None] | None = None,
    offer_open: Callable[[QWidget | None, Path], None] | None = None,
    plan_program: Program | None = None,
) -> Path | None:
    """Ask the week and the file, write the PDF, offer to open it; the path written, or None.

    None when the person cancels either dialog, or when the export failed
    (then ``show_error`` has told them why in one sentence). The folder of a
    successful export is remembered in ``settings_like.last_export_folder``.
    """
    ask_week = ask_week or ExportDialog.ask
    ask_path = ask_path or ask_save_path
    show_error = show_error or show_export_error
    offer_open = offer_open or offer_to_open

    today = now.date()
    try:
        weeks = session_weeks(store, today)
    except StoreError as exc:
        show_error(
            parent,
            translate("ExportDialog", "The history could not be read: {reason}.").format(
                reason=exc
            ),
        )
        return None
    chosen = ask_week(parent, weeks, last_full_week(today))
    if chosen is None:
        return None
    week = IsoWeek(*chosen)
    path = ask_path(parent, _start_folder(settings_like) / suggested_file_name(week))
    if path is None:
        return None
    path = Path(path)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        name = (getattr(settings_like, "person_name", "") or "").strip() or None
        summary = weekly_summary(
            store, program, rules, week.year, week.week, now, name=name, plan_program=plan_program
        )
        written = write_summary_pdf(summary, path)
    except ExportError as exc:
        QApplication.restoreOverrideCursor()
        show_error(
            parent,
            translate("ExportDialog", "The summary was not saved: {reason}.").format(reason=exc),
        )
        return None
    except StoreError as exc:
        QApplication.restoreOverrideCursor()
        show_error(
            parent,
            translate("ExportDialog", "The history could not be read: {reason}.").format(
                reason=exc
            ),
        )
        return None
    except RuntimeError as exc:  # the PDF could not be drawn (no fonts, no painter)
        QApplication.restoreOverrideCursor()
        show_error(
            parent,
            translate("ExportDialog", "The summary could not be made: {reason}.").format(
                reason=exc
            ),
        )
        return None
    else:
        QApplication.restoreOverrideCursor()
    settings_like.last_export_folder = str(written.parent)
    offer_open(parent, written)
    return written
