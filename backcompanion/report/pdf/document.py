"""The weekly PDF's page frame: a :class:`Document` of pages, laid out with a cursor.

How it is drawn: a layout pass walks the blocks, measuring with the PDF
device's font metrics, and records each page's drawing operations; the paint
pass then replays them with the page count known. Paragraphs break between
lines; every page carries the disclaimer and "Page n of N" in its footer, and
pages after the first repeat the week in a small running head.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPdfWriter, QPen

from backcompanion.i18n import translate
from backcompanion.program.safety import load_safety
from backcompanion.report.pdf.style import (
    BIG_PT,
    BODY_PT,
    GRID,
    H1_PT,
    H2_PT,
    INK,
    MUTED,
    RULE,
    SMALL_PT,
)
from backcompanion.report.pdf.words import week_span
from backcompanion.report.summary import WeeklySummary

Op = Callable[[QPainter], None]


@dataclass
class Fonts:
    body: QFont
    bold: QFont
    small: QFont
    small_bold: QFont
    h1: QFont
    h2: QFont
    big: QFont


class Document:
    """Pages of recorded drawing operations, laid out top to bottom with a cursor.

    The flowing blocks are here (heading, paragraph, notice); tables are
    ``pdf.tables.table``, the pain chart ``pdf.chart``.
    """

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

        self.fonts = Fonts(
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

    def notice(self, text: str, strong: bool = False) -> None:
        """A framed paragraph: a week without sessions, the clinician suggestion."""
        f = self.fonts.bold if strong else self.fonts.body
        pad = self.mm(3)
        lines = self.wrap(text, f, self.width - 2 * pad)
        h = len(lines) * self.line_h(f) + 2 * pad
        self.ensure(h)
        self.rect(QRectF(0, self.y, self.width, h), line=INK, w=0.5)
        y = self.y + pad
        for line in lines:
            self.text_at(pad, y, line, f)
            y += self.line_h(f)
        self.y += h

    def fitted(self, text: str, font: QFont, width: float) -> QFont:
        """``font``, or a smaller copy of it when ``text`` would not fit in ``width``."""
        wide = self.text_w(text, font)
        if wide <= width:
            return font
        smaller = QFont(font)
        smaller.setPointSizeF(max(8.0, font.pointSizeF() * width / wide * 0.98))
        return smaller

    # -- running head and footer

    @property
    def running_head_h(self) -> float:
        return self.line_h(self.fonts.small) + self.mm(4)

    def _running_head(self) -> None:
        s = self.summary
        if s.name:
            text = translate(
                "WeeklyPdf", "BackCompanion weekly summary {week} ({dates}), {name}"
            ).format(week=s.label, dates=week_span(s), name=s.name)
        else:
            text = translate("WeeklyPdf", "BackCompanion weekly summary {week} ({dates})").format(
                week=s.label, dates=week_span(s)
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
