"""Tables in the weekly PDF: a header that repeats on every page, rows never cut."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont

from backcompanion.i18n import translate
from backcompanion.report.pdf.document import Document
from backcompanion.report.pdf.style import GRID, INK, MUTED, SHADE


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # of the table's width
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


Picture = Callable[[QRectF], Callable]  # given where to draw, a drawing operation


def table(
    doc: Document,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str] | str],
    muted_second_line: bool = True,
    pictures: Sequence[Picture | None] | None = None,
    picture_mm: tuple[float, float] = (14.0, 8.5),
) -> None:
    """A table whose header repeats on every page it spans; a row is never cut.

    A row given as a plain string is a group label across the whole width.
    In a cell, text after a newline is drawn smaller and muted (a detail line).
    ``pictures`` (one per row, None for none) puts a small drawing of ``picture_mm``
    (width, height) at the start of the row's first cell, its text beside it.
    """
    f, fb, fs = doc.fonts.body, doc.fonts.bold, doc.fonts.small
    pad_x, pad_y = doc.mm(1.6), doc.mm(1.2)
    widths = [c.share * doc.width for c in columns]
    xs = [sum(widths[:i]) for i in range(len(widths))]
    pictures = list(pictures or [None] * len(rows))
    pic_w, pic_h = doc.mm(picture_mm[0]), doc.mm(picture_mm[1])
    indent = pic_w + doc.mm(2.0)  # the first cell's text, beside a picture

    def cell_lines(text: str, width: float, font: QFont) -> list[tuple[str, QFont, QColor]]:
        main, _, detail = text.partition("\n")
        out = [(ln, font, INK) for ln in doc.wrap(main, font, width - 2 * pad_x)]
        if detail and muted_second_line:
            out += [(ln, fs, MUTED) for ln in doc.wrap(detail, fs, width - 2 * pad_x)]
        return out

    def height_of(lines: list[tuple[str, QFont, QColor]]) -> float:
        return sum(doc.line_h(ft) for _, ft, _ in lines)

    header = [cell_lines(c.title, w, fb) for c, w in zip(columns, widths, strict=True)]
    header_h = max(height_of(c) for c in header) + 2 * pad_y

    def draw_header(continued: bool) -> None:
        if continued:
            more = translate("WeeklyPdf", "{table}, continued").format(table=title)
            doc.text_at(0, doc.y, more, doc.fonts.small_bold, MUTED)
            doc.y += doc.line_h(doc.fonts.small_bold) + doc.mm(0.8)
        doc.rect(QRectF(0, doc.y, doc.width, header_h), fill=SHADE)
        for cell, x, w, col in zip(header, xs, widths, columns, strict=True):
            _cell(doc, cell, x, w, doc.y + pad_y, pad_x, col.align)
        doc.y += header_h
        doc.hline(0, doc.width, doc.y, INK, 0.4)

    laid: list[tuple[float, list | str]] = []
    for row, picture in zip(rows, pictures, strict=True):
        if isinstance(row, str):
            lines = doc.wrap(row, fb, doc.width - 2 * pad_x)
            laid.append((len(lines) * doc.line_h(fb) + 2 * pad_y, row))
        else:
            room = [w - (indent if picture and i == 0 else 0) for i, w in enumerate(widths)]
            cells = [cell_lines(t, w, f) for t, w in zip(row, room, strict=True)]
            tallest = max([height_of(c) for c in cells] + [pic_h if picture else 0.0])
            laid.append((tallest + 2 * pad_y, cells))

    def needs(i: int) -> float:
        """A group label keeps the row after it on its page."""
        h = laid[i][0]
        if isinstance(laid[i][1], str) and i + 1 < len(laid):
            h += laid[i + 1][0]
        return h

    doc.ensure(header_h + (needs(0) if laid else 0.0))
    draw_header(False)
    for i, (h, content) in enumerate(laid):
        if needs(i) > doc.room:
            doc.new_page()
            draw_header(True)
            if h > doc.room:  # taller than a whole page: only a pathological note
                h = doc.room
        top = doc.y
        if isinstance(content, str):
            y = top + pad_y
            for line in doc.wrap(content, fb, doc.width - 2 * pad_x):
                doc.text_at(pad_x, y, line, fb)
                y += doc.line_h(fb)
        else:
            picture = pictures[i]
            for n, (cell, x, w, col) in enumerate(zip(content, xs, widths, columns, strict=True)):
                if picture and n == 0:
                    doc.add(picture(QRectF(x + pad_x, top + pad_y, pic_w, pic_h)))
                    x, w = x + indent, w - indent
                _cell(doc, cell, x, w, top + pad_y, pad_x, col.align, limit=top + h)
        doc.y = top + h
        last = i + 1 == len(laid)
        doc.hline(0, doc.width, doc.y, INK if last else GRID, 0.4 if last else 0.25)


def _cell(doc: Document, lines, x, w, y, pad_x, align, limit: float | None = None) -> None:
    for text, font, color in lines:
        lh = doc.line_h(font)
        if limit is not None and y + lh > limit + 0.5:
            break
        if align & Qt.AlignmentFlag.AlignRight:
            doc.text_right(x + w - pad_x, y, text, font, color)
        elif align & Qt.AlignmentFlag.AlignHCenter:
            doc.text_center(x + w / 2, y, text, font, color)
        else:
            doc.text_at(x + pad_x, y, text, font, color)
        y += lh
