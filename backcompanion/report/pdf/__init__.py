"""The weekly summary as a PDF: QPdfWriter + QPainter, vector text and drawings.

Layout, for a clinician who has a minute: a header (the week, the person), an
"at a glance" band (sessions, active time, pain at the start of the first and
last day, flare-ups, strengthening), the pain chart with the figures under
each day, then the exercise table, breathing, the gate, flare-ups, notes, the
safety check and the no-improvement suggestion. Every page carries the
disclaimer and "Page n of N" in its footer; pages after the first repeat the
week in a small running head.

It reads in grey: the two pain series differ by marker (filled circle, open
square) and by line (solid, dashed); the baseline is dotted; nothing relies
on colour alone.

How it is drawn: a layout pass walks the blocks, measuring with the PDF
device's font metrics, and records each page's drawing operations; the paint
pass then replays them with the page count known. Tables repeat their header
on a new page and never cut a row; paragraphs break between lines.

The text is Atkinson Hyperlegible (``fonts.register_fonts``); Qt embeds the
TrueType subset it uses (``/FontFile2``). The file is built in memory and
written atomically with mode 0600 (``report.files``).

Every word goes through ``backcompanion.i18n.translate`` (context
``WeeklyPdf``) and every date through ``i18n.format_date``, so the page is in
the language installed when it is made (``backcompanion export-summary
--language``); the person's name and notes are printed as written.

Needs a QGuiApplication (fonts); the command line makes an offscreen one.

The parts: ``document`` (the page frame, measuring, flowing text, running head
and footer), ``tables``, ``chart`` (the pain chart), ``glance`` (the title and
the week at a glance), ``sections`` (the rest), ``words`` (shared phrases) and
``style`` (ink and type sizes). This module puts them together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from backcompanion import __version__
from backcompanion.fonts import register_fonts
from backcompanion.i18n import translate
from backcompanion.report.files import ExportError, check_target, write_atomic
from backcompanion.report.pdf import therapist
from backcompanion.report.pdf.chart import pain_chart
from backcompanion.report.pdf.document import Document
from backcompanion.report.pdf.glance import glance, header
from backcompanion.report.pdf.sections import (
    breathing,
    exercises,
    flare_ups,
    gate,
    hurts,
    notes,
    nudge,
    safety,
)
from backcompanion.report.pdf.style import MARGIN_MM
from backcompanion.report.summary import WeeklySummary

__all__ = [
    "LETTER_TERRITORIES",
    "RESOLUTION",
    "ExportError",
    "PageSizeName",
    "default_page_size",
    "render_summary_pdf",
    "write_summary_pdf",
]

PageSizeName = Literal["A4", "Letter"]
RESOLUTION = 300  # dots per inch of the drawing coordinates; text and lines stay vectors

# Where US Letter is the usual paper (the rest of the world uses A4).
LETTER_TERRITORIES = frozenset(
    {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.CostaRica,
        QLocale.Country.DominicanRepublic,
        QLocale.Country.ElSalvador,
        QLocale.Country.Guatemala,
        QLocale.Country.Honduras,
        QLocale.Country.Nicaragua,
        QLocale.Country.Panama,
        QLocale.Country.PuertoRico,
        QLocale.Country.Venezuela,
        QLocale.Country.UnitedStatesOutlyingIslands,
        QLocale.Country.UnitedStatesVirginIslands,
    }
)


def default_page_size(locale: QLocale | None = None) -> PageSizeName:
    """Letter where it is the usual paper (the US, Canada, Mexico, ...), A4 elsewhere."""
    territory = (locale or QLocale()).territory()
    return "Letter" if territory in LETTER_TERRITORIES else "A4"


def write_summary_pdf(
    summary: WeeklySummary, out: Path, page_size: PageSizeName | None = None
) -> Path:
    """Write the summary to ``out`` (replaced whole or not at all; mode 0600); returns the path.

    ``page_size`` None picks A4 or Letter from the locale. Raises
    :class:`ExportError` (one line naming the path and what to do) when it
    cannot be written.
    """
    out = check_target(out)  # before drawing: a wrong path is said at once
    return write_atomic(out, render_summary_pdf(summary, page_size))


def render_summary_pdf(summary: WeeklySummary, page_size: PageSizeName | None = None) -> bytes:
    """The PDF's bytes."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("the weekly PDF needs a QGuiApplication (for its fonts)")
    size = page_size or default_page_size()
    if size not in ("A4", "Letter"):
        raise ValueError(f"page size must be 'A4' or 'Letter', not {size!r}")
    family = register_fonts()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    page_id = QPageSize.PageSizeId.A4 if size == "A4" else QPageSize.PageSizeId.Letter
    writer.setPageLayout(
        QPageLayout(
            QPageSize(page_id),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(summary.title)
    writer.setCreator(f"BackCompanion {__version__}")
    writer.setAuthor(summary.name or "")

    doc = Document(writer, family, summary)
    _build(doc, summary)
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("cannot start drawing the PDF")
    try:
        doc.paint(painter)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _build(doc: Document, s: WeeklySummary) -> None:
    header(doc, s)
    glance(doc, s)
    if not s.has_sessions:
        doc.space(5)
        doc.notice(translate("WeeklyPdf", "No sessions were recorded this week."), strong=True)
    else:
        pain_chart(doc, s)
        exercises(doc, s)
        breathing(doc, s)
    therapist.adherence(doc, s)
    therapist.psfs(doc, s)
    therapist.leg_pain(doc, s)
    therapist.plan(doc, s)
    gate(doc, s)
    if s.has_sessions:
        flare_ups(doc, s)
        hurts(doc, s)
        notes(doc, s)
    safety(doc, s)
    nudge(doc, s)
