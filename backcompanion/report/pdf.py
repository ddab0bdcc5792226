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
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from backcompanion import __version__
from backcompanion.fonts import register_fonts
from backcompanion.i18n import format_date, translate
from backcompanion.program.safety import load_safety
from backcompanion.report.files import ExportError, check_target, write_atomic
from backcompanion.report.summary import (
    ExerciseLine,
    WeeklySummary,
    cadence_text,
    day_month,
    long_date,
    minutes_text,
    rating_text,
    short_day,
)

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

# Ink for paper: near-black text, one blue and one brown that stay apart in grey.
INK = QColor("#111418")
MUTED = QColor("#4a5361")
RULE = QColor("#8a94a1")
GRID = QColor("#d5d9de")
SHADE = QColor("#eef0f3")
OPENING = QColor("#1a5fb4")
CLOSING = QColor("#9a4a00")
BASELINE = QColor("#3c434d")
WARN = QColor("#b3261e")

MARGIN_MM = 15.0
BODY_PT = 10.0
SMALL_PT = 8.5
H1_PT = 20.0
H2_PT = 13.5
BIG_PT = 19.0


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

    doc = _Document(writer, family, summary)
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


# ---------------------------------------------------------------- the layout engine

Op = Callable[[QPainter], None]


@dataclass
class _Fonts:
    body: QFont
    bold: QFont
    small: QFont
    small_bold: QFont
    h1: QFont
    h2: QFont
    big: QFont


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # of the table's width
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


class _Document:
    """Pages of recorded drawing operations, laid out top to bottom with a cursor."""

    def __init__(self, writer: QPdfWriter, family: str, summary: WeeklySummary):
        self.writer = writer
        self.summary = summary
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.px_per_mm = writer.resolution() / 25.4

        def font(pt: float, bold: bool = False) -> QFont:
            f = QFont(family)
            f.setPointSizeF(pt)
            f.setBold(bold)
            f.setKerning(True)
            return f

        self.fonts = _Fonts(
            body=font(BODY_PT),
            bold=font(BODY_PT, True),
            small=font(SMALL_PT),
            small_bold=font(SMALL_PT, True),
            h1=font(H1_PT, True),
            h2=font(H2_PT, True),
            big=font(BIG_PT, True),
        )
        self._metrics: dict[str, QFontMetricsF] = {}
        self.footer_lines = self.wrap(
            load_safety().disclaimer.text, self.fonts.small, self.width * 0.98
        )
        small_h = self.line_h(self.fonts.small)
        self.footer_h = self.mm(3) + small_h * (len(self.footer_lines) + 1) + self.mm(1.5)
        self.bottom = self.height - self.footer_h - self.mm(4)  # the body ends here
        self.pages: list[list[Op]] = []
        self.y = 0.0
        self.new_page()

    # -- measuring

    def mm(self, value: float) -> float:
        return value * self.px_per_mm

    def fm(self, font: QFont) -> QFontMetricsF:
        key = font.key()
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(font, self.writer)
        return self._metrics[key]

    def line_h(self, font: QFont) -> float:
        return self.fm(font).lineSpacing()

    def text_w(self, text: str, font: QFont) -> float:
        return self.fm(font).horizontalAdvance(text)

    def wrap(self, text: str, font: QFont, width: float) -> list[str]:
        """Break ``text`` into lines no wider than ``width`` (newlines kept; long words split)."""
        fm = self.fm(font)
        lines: list[str] = []
        for para in text.split("\n"):
            words = para.split()
            if not words:
                lines.append("")
                continue
            line = ""
            for word in words:
                trial = f"{line} {word}" if line else word
                if fm.horizontalAdvance(trial) <= width:
                    line = trial
                    continue
                if line:
                    lines.append(line)
                while fm.horizontalAdvance(word) > width and len(word) > 1:
                    cut = len(word) - 1
                    while cut > 1 and fm.horizontalAdvance(word[:cut]) > width:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                line = word
            lines.append(line)
        return lines

    # -- pages and the cursor

    @property
    def page(self) -> list[Op]:
        return self.pages[-1]

    @property
    def room(self) -> float:
        return self.bottom - self.y

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0.0
        if len(self.pages) > 1:
            self._running_head()

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the cursor (a fresh page always fits)."""
        if height > self.room and self.y > self._top_of_page():
            self.new_page()

    def _top_of_page(self) -> float:
        return self.running_head_h if len(self.pages) > 1 else 0.0

    def space(self, mm: float) -> None:
        self.y = min(self.y + self.mm(mm), self.bottom)

    def add(self, op: Op) -> None:
        self.page.append(op)

    # -- drawing primitives (recorded)

    def text_at(self, x: float, y: float, text: str, font: QFont, color: QColor = INK) -> None:
        """One line of text whose top is at ``y``."""
        baseline = y + self.fm(font).ascent()

        def op(p: QPainter) -> None:
            p.setFont(font)
            p.setPen(color)
            p.drawText(QPointF(x, baseline), text)

        self.add(op)

    def text_right(self, right: float, y: float, text: str, font: QFont, color=INK) -> None:
        self.text_at(right - self.text_w(text, font), y, text, font, color)

    def text_center(self, cx: float, y: float, text: str, font: QFont, color=INK) -> None:
        self.text_at(cx - self.text_w(text, font) / 2, y, text, font, color)

    def rect(self, r: QRectF, fill: QColor | None = None, line: QColor | None = None, w=0.3):
        pen_w = self.mm(w)

        def op(p: QPainter) -> None:
            p.setPen(QPen(line, pen_w) if line is not None else Qt.PenStyle.NoPen)
            p.setBrush(QBrush(fill) if fill is not None else Qt.BrushStyle.NoBrush)
            p.drawRect(r)

        self.add(op)

    def hline(self, x1: float, x2: float, y: float, color: QColor = RULE, w: float = 0.3):
        pen = QPen(color, self.mm(w))

        def op(p: QPainter) -> None:
            p.setPen(pen)
            p.drawLine(QPointF(x1, y), QPointF(x2, y))

        self.add(op)

    # -- flowing blocks

    def heading(self, text: str, keep_with: float = 0.0) -> None:
        """A section title, kept on the same page as the first ``keep_with`` of what follows."""
        h = self.line_h(self.fonts.h2) + self.mm(1.5)
        self.ensure(self.mm(5) + h + keep_with)
        if self.y > self._top_of_page():
            self.space(5)
        self.text_at(0, self.y, text, self.fonts.h2)
        self.y += self.line_h(self.fonts.h2)
        self.hline(0, self.width, self.y + self.mm(0.3), RULE, 0.35)
        self.y += self.mm(1.8)

    def paragraph(
        self,
        text: str,
        font: QFont | None = None,
        color: QColor = INK,
        indent: float = 0.0,
        bullet: str = "",
    ) -> None:
        """Wrapped text; breaks between lines at the end of a page."""
        font = font or self.fonts.body
        lh = self.line_h(font)
        x = indent + (self.text_w(bullet + "  ", font) if bullet else 0.0)
        lines = self.wrap(text, font, self.width - x)
        for i, line in enumerate(lines):
            self.ensure(lh)
            if bullet and i == 0:
                self.text_at(indent, self.y, bullet, font, color)
            self.text_at(x, self.y, line, font, color)
            self.y += lh

    def table(
        self,
        title: str,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str] | str],
        muted_second_line: bool = True,
    ) -> None:
        """A table whose header repeats on every page it spans; a row is never cut.

        A row given as a plain string is a group label across the whole width.
        In a cell, text after a newline is drawn smaller and muted (a detail line).
        """
        f, fb, fs = self.fonts.body, self.fonts.bold, self.fonts.small
        pad_x, pad_y = self.mm(1.6), self.mm(1.2)
        widths = [c.share * self.width for c in columns]
        xs = [sum(widths[:i]) for i in range(len(widths))]

        def cell_lines(text: str, width: float, font: QFont) -> list[tuple[str, QFont, QColor]]:
            main, _, detail = text.partition("\n")
            out = [(ln, font, INK) for ln in self.wrap(main, font, width - 2 * pad_x)]
            if detail and muted_second_line:
                out += [(ln, fs, MUTED) for ln in self.wrap(detail, fs, width - 2 * pad_x)]
            return out

        def height_of(lines: list[tuple[str, QFont, QColor]]) -> float:
            return sum(self.line_h(ft) for _, ft, _ in lines)

        header = [cell_lines(c.title, w, fb) for c, w in zip(columns, widths, strict=True)]
        header_h = max(height_of(c) for c in header) + 2 * pad_y

        def draw_header(continued: bool) -> None:
            if continued:
                more = translate("WeeklyPdf", "{table}, continued").format(table=title)
                self.text_at(0, self.y, more, self.fonts.small_bold, MUTED)
                self.y += self.line_h(self.fonts.small_bold) + self.mm(0.8)
            self.rect(QRectF(0, self.y, self.width, header_h), fill=SHADE)
            for cell, x, w, col in zip(header, xs, widths, columns, strict=True):
                self._cell(cell, x, w, self.y + pad_y, pad_x, col.align)
            self.y += header_h
            self.hline(0, self.width, self.y, INK, 0.4)

        laid: list[tuple[float, list | str]] = []
        for row in rows:
            if isinstance(row, str):
                lines = self.wrap(row, fb, self.width - 2 * pad_x)
                laid.append((len(lines) * self.line_h(fb) + 2 * pad_y, row))
            else:
                cells = [cell_lines(t, w, f) for t, w in zip(row, widths, strict=True)]
                laid.append((max(height_of(c) for c in cells) + 2 * pad_y, cells))

        def needs(i: int) -> float:
            """A group label keeps the row after it on its page."""
            h = laid[i][0]
            if isinstance(laid[i][1], str) and i + 1 < len(laid):
                h += laid[i + 1][0]
            return h

        self.ensure(header_h + (needs(0) if laid else 0.0))
        draw_header(False)
        for i, (h, content) in enumerate(laid):
            if needs(i) > self.room:
                self.new_page()
                draw_header(True)
                if h > self.room:  # taller than a whole page: only a pathological note
                    h = self.room
            top = self.y
            if isinstance(content, str):
                y = top + pad_y
                for line in self.wrap(content, fb, self.width - 2 * pad_x):
                    self.text_at(pad_x, y, line, fb)
                    y += self.line_h(fb)
            else:
                for cell, x, w, col in zip(content, xs, widths, columns, strict=True):
                    self._cell(cell, x, w, top + pad_y, pad_x, col.align, limit=top + h)
            self.y = top + h
            last = i + 1 == len(laid)
            self.hline(0, self.width, self.y, INK if last else GRID, 0.4 if last else 0.25)

    def _cell(self, lines, x, w, y, pad_x, align, limit: float | None = None) -> None:
        for text, font, color in lines:
            lh = self.line_h(font)
            if limit is not None and y + lh > limit + 0.5:
                break
            if align & Qt.AlignmentFlag.AlignRight:
                self.text_right(x + w - pad_x, y, text, font, color)
            elif align & Qt.AlignmentFlag.AlignHCenter:
                self.text_center(x + w / 2, y, text, font, color)
            else:
                self.text_at(x + pad_x, y, text, font, color)
            y += lh

    # -- running head and footer

    @property
    def running_head_h(self) -> float:
        return self.line_h(self.fonts.small) + self.mm(4)

    def _running_head(self) -> None:
        s = self.summary
        if s.name:
            text = translate(
                "WeeklyPdf", "BackCompanion weekly summary {week} ({dates}), {name}"
            ).format(week=s.label, dates=_span(s), name=s.name)
        else:
            text = translate("WeeklyPdf", "BackCompanion weekly summary {week} ({dates})").format(
                week=s.label, dates=_span(s)
            )
        self.text_at(0, 0, text, self.fonts.small, MUTED)
        self.hline(0, self.width, self.line_h(self.fonts.small) + self.mm(1), GRID, 0.25)
        self.y = self.running_head_h

    def _footer(self, p: QPainter, number: int, count: int) -> None:
        fs = self.fonts.small
        lh = self.line_h(fs)
        ascent = self.fm(fs).ascent()
        top = self.height - self.footer_h + self.mm(1)
        p.setPen(QPen(RULE, self.mm(0.3)))
        p.drawLine(QPointF(0, top), QPointF(self.width, top))
        p.setFont(fs)
        p.setPen(MUTED)
        y = top + self.mm(2)
        for line in self.footer_lines:
            p.drawText(QPointF(0, y + ascent), line)
            y += lh
        s = self.summary
        left = f"{s.title}" + (f" · {s.name}" if s.name else "")
        p.drawText(QPointF(0, y + ascent), left)
        p.setFont(self.fonts.small_bold)
        p.setPen(INK)
        page = translate("WeeklyPdf", "Page {number} of {count}").format(number=number, count=count)
        w = QFontMetricsF(self.fonts.small_bold, self.writer).horizontalAdvance(page)
        p.drawText(QPointF(self.width - w, y + ascent), page)

    def paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        count = len(self.pages)
        for i, ops in enumerate(self.pages):
            if i:
                self.writer.newPage()
            for op in ops:
                op(p)
            self._footer(p, i + 1, count)


# ---------------------------------------------------------------- the content


def _span(s: WeeklySummary) -> str:
    """The week's days, short: "23 to 29 Nov 2026", "30 Nov to 6 Dec 2026"."""
    first, last = s.week.start, s.week.last_day
    if first.year != last.year:
        start = format_date(first, "day_month_year")
    elif first.month != last.month:
        start = day_month(first)
    else:
        start = str(first.day)
    return _range(start, format_date(last, "day_month_year"))


def _range(first: str, last: str) -> str:
    return translate("WeeklyPdf", "{first} to {last}").format(first=first, last=last)


def _when(at: datetime) -> str:
    return f"{short_day(at.date())}, {at:%H:%M}"


def _weekday(day) -> str:
    return format_date(day, "weekday")


def _build(doc: _Document, s: WeeklySummary) -> None:
    _header(doc, s)
    _glance(doc, s)
    if not s.has_sessions:
        doc.space(5)
        _notice(doc, translate("WeeklyPdf", "No sessions were recorded this week."), strong=True)
    else:
        _pain(doc, s)
        _exercises(doc, s)
        _breathing(doc, s)
    _gate(doc, s)
    if s.has_sessions:
        _flare_ups(doc, s)
        _notes(doc, s)
    _safety(doc, s)
    _nudge(doc, s)


def _header(doc: _Document, s: WeeklySummary) -> None:
    f = doc.fonts
    title = translate("WeeklyPdf", "BackCompanion weekly summary")
    label_w = doc.text_w(s.label, f.h2) + doc.mm(4)
    doc.text_at(0, 0, title, _fitted(doc, title, f.h1, doc.width - label_w))
    doc.text_right(doc.width, doc.mm(1.5), s.label, f.h2, MUTED)
    doc.y = doc.line_h(f.h1) + doc.mm(0.5)
    first, last = s.week.start, s.week.last_day
    days = _range(long_date(first), long_date(last))
    doc.text_at(0, doc.y, days[:1].upper() + days[1:], f.bold)  # "lunes, ..." starts a line
    doc.y += doc.line_h(f.bold)
    if s.name:
        who = translate("WeeklyPdf", "For {name}").format(name=s.name)
    else:
        who = translate("WeeklyPdf", "Name not given")
    made_on = long_date(s.made_at.date())
    if s.complete:
        made = translate("WeeklyPdf", "Made on {date}").format(date=made_on)
    else:
        made = translate("WeeklyPdf", "Made on {date} (the week was not over yet)").format(
            date=made_on
        )
    doc.text_at(0, doc.y, f"{who}  ·  {made}", f.body, MUTED)
    doc.y += doc.line_h(f.body) + doc.mm(4)


def _glance(doc: _Document, s: WeeklySummary) -> None:
    """Five boxes across the page: the week in one look."""
    f = doc.fonts
    sessions_detail = []
    # (lupdate reads the count only when it is a plain name)
    done, stopped, partial, unfinished = s.done, s.stopped, s.partial, s.unfinished
    if done:
        sessions_detail.append(translate("WeeklyPdf", "%n done", None, done))
    if stopped:
        sessions_detail.append(translate("WeeklyPdf", "%n stopped early", None, stopped))
    if partial:
        sessions_detail.append(translate("WeeklyPdf", "%n interrupted", None, partial))
    if unfinished:
        sessions_detail.append(translate("WeeklyPdf", "%n not finished", None, unfinished))
    sessions_detail.append(
        translate("WeeklyPdf", "on {days} of 7 days").format(days=s.days_with_sessions)
    )

    pair = s.first_and_last_opening
    if pair is None:
        pain_value, pain_detail = "-", translate("WeeklyPdf", "no ratings this week")
    else:
        a, b = pair
        if a.day == b.day:
            pain_value = rating_text(a.opening)
            pain_detail = translate("WeeklyPdf", "{day} only").format(day=short_day(a.day))
        else:
            pain_value = _range(rating_text(a.opening), rating_text(b.opening))
            pain_detail = translate("WeeklyPdf", "{first} to {last}, out of 10").format(
                first=_weekday(a.day), last=_weekday(b.day)
            )
    if s.baseline is not None:
        pain_detail = translate("WeeklyPdf", "{detail}; baseline {baseline}").format(
            detail=pain_detail, baseline=rating_text(s.baseline)
        )

    if s.flare_ups:
        flare_detail = ", ".join(_weekday(fl.day) for fl in s.flare_ups)
    else:
        flare_detail = translate("WeeklyPdf", "none")
    gate_value = translate("WeeklyPdf", "Open") if s.gate.open else translate("WeeklyPdf", "Locked")
    gate_detail = _since(s, lambda at: short_day(at.date()), lambda at: short_day(at.date()))

    cells = [
        (translate("WeeklyPdf", "Sessions"), str(s.sessions), ", ".join(sessions_detail)),
        (
            translate("WeeklyPdf", "Active time"),
            minutes_text(s.minutes),
            translate("WeeklyPdf", "pauses not counted"),
        ),
        (translate("WeeklyPdf", "Pain at the start"), pain_value, pain_detail),
        (translate("WeeklyPdf", "Flare-ups"), str(len(s.flare_ups)), flare_detail),
        (translate("WeeklyPdf", "Strengthening"), gate_value, gate_detail),
    ]
    gap = doc.mm(2)
    w = (doc.width - gap * (len(cells) - 1)) / len(cells)
    pad = doc.mm(2)
    details = [doc.wrap(d, f.small, w - 2 * pad) for _, _, d in cells]
    h = (
        pad
        + doc.line_h(f.small_bold)
        + doc.line_h(f.big)
        + max(len(d) for d in details) * doc.line_h(f.small)
        + pad
    )
    doc.ensure(h)
    top = doc.y
    for i, ((label, value, _), lines) in enumerate(zip(cells, details, strict=True)):
        x = i * (w + gap)
        doc.rect(QRectF(x, top, w, h), fill=SHADE, line=RULE, w=0.3)
        y = top + pad
        caps = label.upper()
        doc.text_at(x + pad, y, caps, _fitted(doc, caps, f.small_bold, w - 2 * pad), MUTED)
        y += doc.line_h(f.small_bold)
        doc.text_at(x + pad, y, value, _fitted(doc, value, f.big, w - 2 * pad))
        y += doc.line_h(f.big)
        for line in lines:
            doc.text_at(x + pad, y, line, f.small, MUTED)
            y += doc.line_h(f.small)
    doc.y = top + h
    _safety_line(doc, s)


def _safety_line(doc: _Document, s: WeeklySummary) -> None:
    """Under the boxes, the safety answers a clinician looks for first, in one or two lines."""
    c = s.safety
    f = doc.fonts
    sentences = []
    if not c.answered:
        sentences.append(translate("WeeklyPdf", "Red-flag check: never answered."))
        warn = True
    elif c.ticked:
        ticked = ", ".join(f"{n}. {label}" for n, label in zip(c.ticked, c.flags, strict=True))
        sentences.append(
            translate("WeeklyPdf", "Red-flag check {day}: ticked {flags}.").format(
                day=short_day(c.at.date()), flags=ticked
            )
        )
        warn = True
        if c.cleared_at is not None:
            sentences.append(
                translate("WeeklyPdf", "Clinician's clearance recorded {day}.").format(
                    day=short_day(c.cleared_at.date())
                )
            )
    else:
        sentences.append(
            translate("WeeklyPdf", "Red-flag check {day}: none applied.").format(
                day=short_day(c.at.date())
            )
        )
        warn = False
    if c.answered and c.due:
        sentences.append(translate("WeeklyPdf", "Due again."))
    if s.nudge:
        sentences.append(
            translate(
                "WeeklyPdf", "The app suggested seeing a physical therapist (see the last section)."
            )
        )
        warn = True
    doc.space(2)
    doc.paragraph(" ".join(sentences), f.bold, WARN if warn else INK)


def _since(
    s: WeeklySummary, exact: Callable[[datetime], str], before: Callable[[datetime], str]
) -> str:
    """Since when the gate is as it is: "since Mon 23 Nov", "... or earlier", "from the start"."""
    g = s.gate
    if g.since is not None:
        return translate("WeeklyPdf", "since {day}").format(day=exact(g.since))
    if g.since_before is not None:
        return translate("WeeklyPdf", "since {day} or earlier").format(day=before(g.since_before))
    return translate("WeeklyPdf", "from the start")


def _fitted(doc: _Document, text: str, font: QFont, width: float) -> QFont:
    """``font``, or a smaller copy of it when ``text`` would not fit in ``width``."""
    wide = doc.text_w(text, font)
    if wide <= width:
        return font
    smaller = QFont(font)
    smaller.setPointSizeF(max(8.0, font.pointSizeF() * width / wide * 0.98))
    return smaller


def _notice(doc: _Document, text: str, strong: bool = False) -> None:
    f = doc.fonts.bold if strong else doc.fonts.body
    pad = doc.mm(3)
    lines = doc.wrap(text, f, doc.width - 2 * pad)
    h = len(lines) * doc.line_h(f) + 2 * pad
    doc.ensure(h)
    doc.rect(QRectF(0, doc.y, doc.width, h), line=INK, w=0.5)
    y = doc.y + pad
    for line in lines:
        doc.text_at(pad, y, line, f)
        y += doc.line_h(f)
    doc.y += h


# -- the pain chart


def _pain(doc: _Document, s: WeeklySummary) -> None:
    f = doc.fonts
    chart_h = doc.mm(58)
    figures_h = 2 * doc.line_h(f.body) + doc.mm(2)
    doc.heading(
        translate("WeeklyPdf", "Pain before and after each session (0 = none, 10 = worst)"),
        chart_h + figures_h,
    )
    _legend(doc, s)
    top = doc.y
    label_w = doc.mm(24)
    plot = QRectF(label_w, top + doc.mm(2), doc.width - label_w - doc.mm(2), chart_h - doc.mm(14))
    slot = plot.width() / 7

    def x_of(i: int) -> float:
        return plot.left() + slot * (i + 0.5)

    def y_of(v: float) -> float:
        return plot.bottom() - v / 10 * plot.height()

    # a flare-up's day: a shaded column marked at its top (text, so it reads in grey)
    flare_days = {fl.day for fl in s.flare_ups}
    flare_word = translate("WeeklyPdf", "flare-up")
    flare_font = _fitted(doc, flare_word, f.small_bold, slot - doc.mm(1))
    for i, d in enumerate(s.days):
        if d in flare_days:
            doc.rect(QRectF(x_of(i) - slot / 2, plot.top(), slot, plot.height()), fill=SHADE)
            doc.text_center(x_of(i), plot.top() + doc.mm(0.8), flare_word, flare_font, WARN)
    # grid and axis
    for v in range(0, 11, 2):
        y = y_of(v)
        doc.hline(plot.left(), plot.right(), y, INK if v == 0 else GRID, 0.35 if v == 0 else 0.2)
        doc.text_right(plot.left() - doc.mm(1.5), y - doc.line_h(f.small) / 2, str(v), f.small)
    for i, d in enumerate(s.days):
        doc.text_center(x_of(i), plot.bottom() + doc.mm(2.2), _weekday(d), f.small_bold)
        doc.text_center(
            x_of(i), plot.bottom() + doc.mm(2.2) + doc.line_h(f.small_bold), day_month(d), f.small
        )
    if s.baseline is not None:
        by = y_of(s.baseline)
        pen = QPen(BASELINE, doc.mm(0.45), Qt.PenStyle.DotLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)

        def draw_base(p: QPainter, pen=pen, by=by) -> None:
            p.setPen(pen)
            p.drawLine(QPointF(plot.left(), by), QPointF(plot.right(), by))

        doc.add(draw_base)

    # the two series sit a little apart in each day, so equal ratings never hide a marker
    dodge = doc.mm(1.6)
    opening = [
        (x_of(i) - dodge, y_of(d.opening)) for i, d in enumerate(s.pain) if d.opening is not None
    ]
    closing = [
        (x_of(i) + dodge, y_of(d.closing)) for i, d in enumerate(s.pain) if d.closing is not None
    ]
    _series(doc, opening, OPENING, Qt.PenStyle.SolidLine, "circle")
    _series(doc, closing, CLOSING, Qt.PenStyle.DashLine, "square")

    # the figures under each day, in line with the chart
    y = top + chart_h
    for name, values, colour, marker in (
        (translate("WeeklyPdf", "Before"), [d.opening for d in s.pain], OPENING, "circle"),
        (translate("WeeklyPdf", "After"), [d.closing for d in s.pain], CLOSING, "square"),
    ):
        lh = doc.line_h(f.body)
        _marker_op(doc, doc.mm(2.2), y + lh / 2, colour, marker)
        doc.text_at(doc.mm(5), y, name, _fitted(doc, name, f.bold, doc.mm(24) - doc.mm(6)))
        for i, v in enumerate(values):
            doc.text_center(x_of(i), y, rating_text(v), f.bold if v is not None else f.body)
        y += lh
    two = [d for d in s.pain if d.sessions > 1]
    doc.y = y + doc.mm(1)
    if two:
        days = ", ".join(_weekday(d.day) for d in two)
        doc.paragraph(
            translate(
                "WeeklyPdf",
                "Days with more than one session ({days}) show the mean of their ratings.",
            ).format(days=days),
            f.small,
            MUTED,
        )


def _legend(doc: _Document, s: WeeklySummary) -> None:
    """The key above the chart; an item that does not fit on the line starts the next one."""
    f = doc.fonts.small
    lh = doc.line_h(f)
    items = [
        (
            translate("WeeklyPdf", "Before the session (opening)"),
            OPENING,
            Qt.PenStyle.SolidLine,
            "circle",
        ),
        (
            translate("WeeklyPdf", "After the session (closing)"),
            CLOSING,
            Qt.PenStyle.DashLine,
            "square",
        ),
    ]
    if s.baseline is not None:
        label = translate(
            "WeeklyPdf", "Baseline {value}: mean at the start of the first sessions"
        ).format(value=rating_text(s.baseline))
        items.append((label, BASELINE, Qt.PenStyle.DotLine, None))
    left = doc.mm(24)
    x, y = left, doc.y
    for label, colour, style, marker in items:
        w = doc.mm(15) + doc.text_w(label, f)
        if x > left and x + w > doc.width:
            x, y = left, y + lh + doc.mm(0.5)
        _sample(doc, x, y + lh / 2, colour, style, marker)
        doc.text_at(x + doc.mm(15), y, label, f)
        x += w + doc.mm(5)
    doc.y = y + lh


def _sample(doc: _Document, x: float, y: float, colour, style, marker) -> None:
    pen = QPen(colour, doc.mm(0.45 if style is Qt.PenStyle.DotLine else 0.5), style)
    if style is Qt.PenStyle.DotLine:
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    end = x + doc.mm(13)

    def op(p: QPainter) -> None:
        p.setPen(pen)
        p.drawLine(QPointF(x, y), QPointF(end, y))

    doc.add(op)
    if marker:
        _marker_op(doc, (x + end) / 2, y, colour, marker)


def _series(doc: _Document, points, colour: QColor, style: Qt.PenStyle, marker: str) -> None:
    pen = QPen(colour, doc.mm(0.5), style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if len(points) > 1:
        path = QPainterPath(QPointF(*points[0]))
        for pt in points[1:]:
            path.lineTo(QPointF(*pt))

        def op(p: QPainter) -> None:
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)

        doc.add(op)
    for x, y in points:
        _marker_op(doc, x, y, colour, marker)


def _marker_op(doc: _Document, x: float, y: float, colour: QColor, marker: str) -> None:
    """A filled circle (opening) or a white square with a thick outline (closing)."""
    r = doc.mm(1.3)
    pen = QPen(colour, doc.mm(0.45))

    def op(p: QPainter) -> None:
        p.setPen(pen)
        if marker == "circle":
            p.setBrush(QBrush(colour))
            p.drawEllipse(QPointF(x, y), r, r)
        else:
            p.setBrush(QBrush(QColor("white")))
            p.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))

    doc.add(op)


# -- the tables and sections


def _exercise_row(e: ExerciseLine) -> list[str]:
    name = e.name
    if e.easier_version_of:
        easier = translate("WeeklyPdf", "easier version of {exercise}")
        name += "\n" + easier.format(exercise=e.easier_version_of)
    if not e.offered:
        return [name, "0", e.not_offered_why, "-", "-"]
    if e.share_done is not None:
        reps = translate("WeeklyPdf", "{done} of {planned} ({percent} %)").format(
            done=e.reps_done, planned=e.reps_planned, percent=round(e.share_done * 100)
        )
    else:
        reps = translate("WeeklyPdf", "{done} of {planned}").format(
            done=e.reps_done, planned=e.reps_planned
        )
    low, high = e.hold_range
    if e.hold_s is None:
        hold = "-"
    elif high and low == high:
        hold = translate("WeeklyPdf", "{hold} s ({low} s)").format(hold=e.hold_s, low=low)
    elif high:
        hold = translate("WeeklyPdf", "{hold} s ({low}-{high} s)").format(
            hold=e.hold_s, low=low, high=high
        )
    else:
        hold = translate("WeeklyPdf", "{hold} s").format(hold=e.hold_s)
    if not e.per_side:
        sides = "-"
    elif len(e.sides) >= 2:
        sides = translate("WeeklyPdf", "both")
    elif e.sides:
        sides = translate("WeeklyPdf", "{side} only").format(side=e.sides[0])
    else:
        sides = translate("WeeklyPdf", "none finished")
    return [name, str(e.sessions), reps, hold, sides]


def _exercises(doc: _Document, s: WeeklySummary) -> None:
    title = translate("WeeklyPdf", "Exercises this week")
    doc.heading(title, doc.mm(20))
    columns = [
        Column(translate("WeeklyPdf", "Exercise"), 0.34),
        Column(translate("WeeklyPdf", "Sessions"), 0.11, Qt.AlignmentFlag.AlignRight),
        Column(translate("WeeklyPdf", "Repeats done\nall sides, all sessions"), 0.23),
        Column(translate("WeeklyPdf", "Longest hold\n(the range)"), 0.17),
        Column(translate("WeeklyPdf", "Sides"), 0.15),
    ]
    rows: list[Sequence[str] | str] = []
    groups: dict[str, list[ExerciseLine]] = {}
    for e in s.exercises:
        groups.setdefault(e.phase, []).append(e)
    for phase, lines in groups.items():
        if phase == "stretch":
            group = translate("WeeklyPdf", "Stretches")
        elif phase == "strength":
            group = translate("WeeklyPdf", "Strengthening")
        else:
            group = translate("WeeklyPdf", "Other")
        whys = {e.not_offered_why for e in lines if not e.offered}
        if all(not e.offered for e in lines) and len(whys) == 1:
            names = ", ".join(e.name for e in lines)
            rows.append(
                translate("WeeklyPdf", "{group} ({exercises}): {why}.").format(
                    group=group, exercises=names, why=whys.pop()
                )
            )
            continue
        rows.append(group)
        rows.extend(_exercise_row(e) for e in lines)
    doc.table(title, columns, rows)


def _breathing(doc: _Document, s: WeeklySummary) -> None:
    b = s.breathing
    doc.heading(translate("WeeklyPdf", "Breathing (90/90)"), doc.line_h(doc.fonts.body) * 2)
    if not b.sessions:
        doc.paragraph(translate("WeeklyPdf", "No breathing recorded this week."))
        return
    sessions, breaths = b.sessions, b.breaths
    text = translate("WeeklyPdf", "{time} in %n session(s), {breaths} in all.", None, sessions)
    doc.paragraph(
        text.format(
            time=minutes_text(b.minutes),
            breaths=translate("WeeklyPdf", "%n breath(s)", None, breaths),
        )
    )
    paces = "; ".join(cadence_text(c) for c in b.cadences)
    if len(b.cadences) == 1:
        doc.paragraph(translate("WeeklyPdf", "Pace: {pace}.").format(pace=paces))
    else:
        doc.paragraph(translate("WeeklyPdf", "Paces: {paces}.").format(paces=paces))


def _gate(doc: _Document, s: WeeklySummary) -> None:
    g = s.gate
    f = doc.fonts
    doc.heading(translate("WeeklyPdf", "Strengthening"), doc.line_h(f.body) * 3)
    when = _since(
        s, lambda at: f"{long_date(at.date())}, {at:%H:%M}", lambda at: long_date(at.date())
    )
    if g.open and s.complete:
        state = translate("WeeklyPdf", "Open at the end of the week ({since}).")
    elif g.open:
        state = translate("WeeklyPdf", "Open when this summary was made ({since}).")
    elif s.complete:
        state = translate("WeeklyPdf", "Locked at the end of the week ({since}).")
    else:
        state = translate("WeeklyPdf", "Locked when this summary was made ({since}).")
    doc.paragraph(state.format(since=when), f.bold)
    if g.open:
        doc.paragraph(
            translate(
                "WeeklyPdf",
                "The strengthening exercises are offered: the stretching, pain and safety "
                "conditions are met.",
            )
        )
    else:
        doc.paragraph(translate("WeeklyPdf", "What the app is waiting for:"), f.body)
        for reason in g.reasons:
            doc.paragraph(reason, f.body, indent=doc.mm(2), bullet="•")
    if g.changes:
        doc.space(2)
        rows = [
            [
                _when(c.at),
                translate("WeeklyPdf", "Opened") if c.open else translate("WeeklyPdf", "Locked"),
                "; ".join(c.reasons)
                if c.reasons
                else translate("WeeklyPdf", "All conditions met."),
            ]
            for c in g.changes
        ]
        columns = [
            Column(translate("WeeklyPdf", "When"), 0.2),
            Column(translate("WeeklyPdf", "Change"), 0.18),
            Column(translate("WeeklyPdf", "Why"), 0.62),
        ]
        doc.table(translate("WeeklyPdf", "Changes this week"), columns, rows)
    else:
        doc.paragraph(translate("WeeklyPdf", "No change during the week."), f.body, MUTED)


def _flare_ups(doc: _Document, s: WeeklySummary) -> None:
    title = translate("WeeklyPdf", "Flare-ups")
    doc.heading(title, doc.line_h(doc.fonts.body) * 2)
    if not s.flare_ups:
        doc.paragraph(translate("WeeklyPdf", "None this week."))
        return
    rows = [[_when(fl.started_at), fl.text] for fl in s.flare_ups]
    columns = [
        Column(translate("WeeklyPdf", "Session"), 0.2),
        Column(translate("WeeklyPdf", "What happened"), 0.8),
    ]
    doc.table(title, columns, rows)


def _notes(doc: _Document, s: WeeklySummary) -> None:
    doc.heading(
        translate("WeeklyPdf", "Notes written at the check-ins"), doc.line_h(doc.fonts.body) * 2
    )
    if not s.notes:
        doc.paragraph(translate("WeeklyPdf", "No notes this week."))
        return
    rows = [[_when(n.started_at), n.text] for n in s.notes]
    columns = [
        Column(translate("WeeklyPdf", "Session"), 0.2),
        Column(translate("WeeklyPdf", "Note"), 0.8),
    ]
    doc.table(translate("WeeklyPdf", "Notes"), columns, rows)


def _safety(doc: _Document, s: WeeklySummary) -> None:
    c = s.safety
    f = doc.fonts
    doc.heading(translate("WeeklyPdf", "Safety check (red flags)"), doc.line_h(f.body) * 2)
    if not c.answered:
        doc.paragraph(
            translate("WeeklyPdf", "The red-flag questions were not answered yet."), f.bold, WARN
        )
        return
    when = f"{long_date(c.at.date())}, {c.at:%H:%M}"
    if not c.ticked:
        doc.paragraph(
            translate("WeeklyPdf", "Last answered {when}: none of the red flags applied.").format(
                when=when
            )
        )
    else:
        doc.paragraph(
            translate("WeeklyPdf", "Last answered {when}: these applied:").format(when=when),
            f.bold,
            WARN,
        )
        for n, label in zip(c.ticked, c.flags, strict=True):
            doc.paragraph(f"{n}. {label}", f.bold, WARN, indent=doc.mm(2), bullet="•")
        if c.cleared_at is not None:
            doc.paragraph(
                translate(
                    "WeeklyPdf", "The person recorded that a clinician cleared them on {date}."
                ).format(date=long_date(c.cleared_at.date()))
            )
        else:
            doc.paragraph(translate("WeeklyPdf", "No clinician's clearance was recorded after it."))
    if c.due:
        doc.paragraph(
            translate("WeeklyPdf", "The check was due again (it is asked every week)."),
            f.body,
            MUTED,
        )


def _nudge(doc: _Document, s: WeeklySummary) -> None:
    if not s.nudge:
        return
    doc.heading(translate("WeeklyPdf", "Suggestion to see a clinician"), doc.mm(20))
    if s.nudge_plain:
        text = translate("WeeklyPdf", "Shown plainly at the start of each session: {suggestion}")
    else:
        text = translate("WeeklyPdf", "Suggested to the person this week: {suggestion}")
    _notice(doc, text.format(suggestion=s.nudge))
