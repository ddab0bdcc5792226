"""Export from the GUI: the week picker and the whole flow, with every modal dialog replaced."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from report_helpers import NOW, PROGRAM, open_store, reference_week

from backcompanion.report.weeks import IsoWeek
from backcompanion.session.rules import load_rules
from backcompanion.ui.dialogs import export_dialog
from backcompanion.ui.dialogs.export_dialog import (
    ExportDialog,
    ask_save_path,
    export_week_interactive,
    offer_to_open,
    week_text,
)

RULES = load_rules()
TODAY = NOW.date()  # Wednesday 25 November 2026: this week is 2026-W48


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "data") as s:
        reference_week(s)
        yield s


class Recorder:
    """Stands in for a dialog: records what it was asked and gives a set answer."""

    def __init__(self, answer=None):
        self.answer = answer
        self.calls: list[tuple] = []

    def __call__(self, *args):
        self.calls.append(args)
        return self.answer


def flow(store, settings, **dialogs):
    return export_week_interactive(None, store, PROGRAM, RULES, settings, NOW, **dialogs)


# --- the week picker ------------------------------------------------------------------


def test_weeks_newest_first_with_the_default_chosen(qtbot, light):
    weeks = [IsoWeek(2026, 46), IsoWeek(2026, 48), IsoWeek(2026, 47)]
    dialog = ExportDialog(weeks, IsoWeek(2026, 47), today=TODAY)
    qtbot.addWidget(dialog)
    texts = [dialog.weeks.item(i).text() for i in range(dialog.weeks.count())]
    assert texts == [
        "Week 48, 2026: Mon 23 Nov to Sun 29 Nov (this week, not over yet)",
        "Week 47, 2026: Mon 16 Nov to Sun 22 Nov (last full week)",
        "Week 46, 2026: Mon 9 Nov to Sun 15 Nov",
    ]
    assert dialog.selected_week() == (2026, 47)
    assert dialog.select_week((2026, 46)) and dialog.selected_week() == (2026, 46)
    assert not dialog.select_week((2020, 1))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_default_week_is_offered_even_without_sessions(qtbot, light):
    dialog = ExportDialog([], (2026, 47), today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.weeks.count() == 1 and dialog.selected_week() == (2026, 47)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_ask_returns_the_choice_or_none(qtbot, light, monkeypatch):
    def choose_46(self):
        self.select_week((2026, 46))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", choose_46)
    weeks = [(2026, 46), (2026, 47)]
    assert ExportDialog.ask(None, weeks, (2026, 47)) == (2026, 46)
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert ExportDialog.ask(None, weeks, (2026, 47)) is None


def test_week_text_across_the_new_year():
    assert week_text(IsoWeek(2026, 53), date(2027, 2, 1)) == (
        "Week 53, 2026: Mon 28 Dec to Sun 3 Jan"
    )


# --- the whole flow -------------------------------------------------------------------


def test_export_a_week(qtbot, light, store, tmp_path):
    ask_week = Recorder((2026, 47))
    ask_path = Recorder(tmp_path / "out" / "summary.pdf")
    (tmp_path / "out").mkdir()
    offer = Recorder()
    settings = SimpleNamespace(person_name="Alex Example", last_export_folder="")
    written = flow(store, settings, ask_week=ask_week, ask_path=ask_path, offer_open=offer)

    assert written == tmp_path / "out" / "summary.pdf"
    ((_parent, weeks, default),) = ask_week.calls
    assert default == (2026, 47)
    assert weeks == [(2026, 48), (2026, 47), (2026, 46)]
    reader = PdfReader(written)
    assert reader.metadata.author == "Alex Example"
    assert "2026-W47" in reader.pages[0].extract_text()
    assert settings.last_export_folder == str(tmp_path / "out")  # remembered for next time
    assert offer.calls == [(None, written)]
    assert QApplication.overrideCursor() is None


def test_the_save_dialog_opens_in_the_remembered_folder(qtbot, light, store, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    ask_path = Recorder(None)  # cancelled
    settings = SimpleNamespace(person_name="", last_export_folder=str(folder))
    assert flow(store, settings, ask_week=Recorder((2026, 46)), ask_path=ask_path) is None
    ((_parent, suggested),) = ask_path.calls
    assert suggested == folder / "BackCompanion-summary-2026-W46.pdf"
    assert list(folder.iterdir()) == []
    assert settings.last_export_folder == str(folder)


def test_cancelling_the_week_asks_nothing_more(qtbot, light, store):
    ask_path, offer = Recorder(Path("/never")), Recorder()
    settings = SimpleNamespace(person_name="", last_export_folder="")
    assert (
        flow(store, settings, ask_week=Recorder(None), ask_path=ask_path, offer_open=offer) is None
    )
    assert ask_path.calls == [] and offer.calls == []


def test_a_failed_export_is_said_in_one_sentence(qtbot, light, store, tmp_path):
    errors, offer = Recorder(), Recorder()
    settings = SimpleNamespace(person_name="", last_export_folder="")
    result = flow(
        store,
        settings,
        ask_week=Recorder((2026, 47)),
        ask_path=Recorder(tmp_path),  # a folder
        show_error=errors,
        offer_open=offer,
    )
    assert result is None and offer.calls == []
    ((_parent, message),) = errors.calls
    assert message == (
        f"The summary was not saved: cannot write {tmp_path}: it is a folder; "
        "add a file name to the path."
    )
    assert "\n" not in message
    assert settings.last_export_folder == ""
    assert QApplication.overrideCursor() is None


def test_the_default_dialogs_are_the_real_ones(qtbot, light, store, tmp_path, monkeypatch):
    """With no dialogs given, the flow uses ExportDialog.ask, QFileDialog and QMessageBox."""
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, p, w, d: d))
    target = tmp_path / "chosen"  # typed without ".pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF"))
    )
    shown = []
    monkeypatch.setattr(export_dialog, "offer_to_open", lambda parent, path: shown.append(path))
    settings = SimpleNamespace(person_name="", last_export_folder="")
    written = flow(store, settings)
    assert written == tmp_path / "chosen.pdf" and written.is_file()
    assert shown == [written]


def test_ask_save_path_cancel_and_suffix(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert ask_save_path(None, tmp_path / "a.pdf") is None
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(tmp_path / "b.PDF"), ""))
    )
    assert ask_save_path(None, tmp_path / "a.pdf") == tmp_path / "b.PDF"


def test_offer_to_open_opens_with_the_system_viewer(qtbot, light, monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: self.buttons()[0].click())
    path = tmp_path / "summary.pdf"
    offer_to_open(None, path)
    assert [u.toLocalFile() for u in opened] == [str(path)]
    opened.clear()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Close)
    offer_to_open(None, path)
    assert opened == []
