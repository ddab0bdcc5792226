#!/usr/bin/env python3
"""Contact sheets of the exercise figure, to look at: every pose of every figure, both sides.

    python scripts/figure_sheet.py [--out DIR] [--only ID ...] [--full] [--frames] [--pairs]

For each theme (light, dark) it writes ``sheet_THEME.png``: one row per figure, cells of
400 x 300 px showing start, stretch (and release), then the same mirrored (the right side),
then the reduced-motion picture (end pose with its arrow); and each row on its own,
``row_ID_THEME.png``. ``--full`` also writes each
figure's start and stretch at full-screen size (1920 x 1080), ``full_ID_POSE_THEME.png``;
``--frames`` a strip of the movement as a session shows it (get ready, the hold easing in,
the release easing out), ``frames_ID_THEME.png``; ``--pairs`` the start and the stretch
side by side, titled, ``pair_ID_THEME.png`` (docs/screenshots/ keeps three of them).
Runs offscreen; nothing in the app changes.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from backcompanion.figure import Moment, builtin_figures, session_moment  # noqa: E402
from backcompanion.ui.theme import DARK, LIGHT, Theme  # noqa: E402
from backcompanion.ui.widgets.figure import paint_figure  # noqa: E402

CELL_W, CELL_H = 400, 300
LABEL_H = 26


def cells(figure) -> list[tuple[str, Moment | None, bool, bool]]:
    """(label, moment, mirrored, reduced) for each cell of a figure's row."""
    names = [k.name for k in figure.poses]
    out = [(n, Moment(n, n, 0.0, 0.5 if not figure.moves else 0.0), False, False) for n in names]
    out += [(f"{n} (mirrored)", Moment(n, n, 0.0), True, False) for n in names]
    out.append(("reduced motion", None, False, True))
    return out


def sheet(theme: Theme, only: list[str]) -> QImage:
    figures = [f for f in builtin_figures().figures if not only or f.id in only]
    columns = max(len(cells(f)) for f in figures)
    image = QImage(columns * CELL_W, len(figures) * (CELL_H + LABEL_H), QImage.Format.Format_RGB32)
    image.fill(QColor(theme.window))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(15)
    painter.setFont(font)
    for row, figure in enumerate(figures):
        y = row * (CELL_H + LABEL_H)
        for col, (label, moment, mirrored, reduced) in enumerate(cells(figure)):
            rect = QRectF(col * CELL_W, y + LABEL_H, CELL_W, CELL_H)
            painter.setPen(QColor(theme.muted))
            painter.drawText(
                QRectF(col * CELL_W + 8, y, CELL_W - 16, LABEL_H),
                Qt.AlignmentFlag.AlignVCenter,
                f"{figure.id}: {label}",
            )
            paint_figure(
                painter, rect, figure, moment, theme=theme, mirrored=mirrored, reduced=reduced
            )
    painter.end()
    return image


def full(theme: Theme, only: list[str], out: Path) -> None:
    for figure in builtin_figures().figures:
        if only and figure.id not in only:
            continue
        for key in figure.poses:
            image = QImage(1920, 1080, QImage.Format.Format_RGB32)
            image.fill(QColor(theme.window))
            painter = QPainter(image)
            moment = Moment(key.name, key.name, 0.0)
            paint_figure(painter, QRectF(0, 0, 1920, 1080), figure, moment, theme=theme)
            painter.end()
            image.save(str(out / f"full_{figure.id}_{key.name}_{theme.name}.png"))


def frames(theme: Theme, only: list[str], out: Path) -> None:
    """Each figure through one repeat: the moments a session shows, eight cells in a row."""
    steps = [("get_ready", 0.0, 5.0)]
    steps += [("hold", t, 6.0) for t in (0.5, 1.0, 1.5, 3.0)]
    steps += [("release", t, 3.0) for t in (0.6, 1.3, 2.0)]
    for figure in builtin_figures().figures:
        if only and figure.id not in only:
            continue
        if not figure.moves:
            cells_ = [("breathing", t, 8.0, b) for t, b in ((0, 0.0), (2, 0.5), (4, 1.0))]
        else:
            cells_ = [(step, t, d, 0.0) for step, t, d in steps]
        image = QImage(len(cells_) * CELL_W, CELL_H + LABEL_H, QImage.Format.Format_RGB32)
        image.fill(QColor(theme.window))
        painter = QPainter(image)
        for i, (step, t, duration, breath) in enumerate(cells_):
            moment = session_moment(step, t, duration, via=figure.via, breath=breath)
            rect = QRectF(i * CELL_W, LABEL_H, CELL_W, CELL_H)
            painter.setPen(QColor(theme.muted))
            painter.drawText(
                QRectF(i * CELL_W + 8, 0, CELL_W - 16, LABEL_H),
                Qt.AlignmentFlag.AlignVCenter,
                f"{step} {t:g} s: {moment.start}>{moment.end} {moment.t:.2f}",
            )
            paint_figure(painter, rect, figure, moment, theme=theme)
        painter.end()
        image.save(str(out / f"frames_{figure.id}_{theme.name}.png"))


PAIR_W, PAIR_H, TITLE_H = 820, 520, 64


def pairs(theme: Theme, only: list[str], out: Path) -> None:
    """Each moving figure's start and stretch side by side, each titled in the app's font."""
    from backcompanion.fonts import register_fonts

    family = register_fonts()
    for figure in builtin_figures().figures:
        if (only and figure.id not in only) or not figure.moves:
            continue
        image = QImage(2 * PAIR_W, PAIR_H + TITLE_H, QImage.Format.Format_RGB32)
        image.fill(QColor(theme.window))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = QFont(family)
        font.setPixelSize(30)
        font.setBold(True)
        painter.setFont(font)
        for i, (pose, words) in enumerate((("start", "start"), ("stretch", "the stretch"))):
            painter.setPen(QColor(theme.text))
            painter.drawText(
                QRectF(i * PAIR_W + 28, 0, PAIR_W - 56, TITLE_H),
                Qt.AlignmentFlag.AlignVCenter,
                f"{figure.exercise_name}: {words}",
            )
            rect = QRectF(i * PAIR_W + 20, TITLE_H, PAIR_W - 40, PAIR_H - 20)
            paint_figure(painter, rect, figure, Moment(pose, pose, 0.0), theme=theme)
        painter.end()
        image.save(str(out / f"pair_{figure.id}_{theme.name}.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("figure-sheets"))
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--frames", action="store_true")
    parser.add_argument("--pairs", action="store_true")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])  # noqa: F841 (fonts need an app)
    args.out.mkdir(parents=True, exist_ok=True)
    for theme in (LIGHT, DARK):
        image = sheet(theme, args.only)
        image.save(str(args.out / f"sheet_{theme.name}.png"))
        figures = [f for f in builtin_figures().figures if not args.only or f.id in args.only]
        for row, figure in enumerate(figures):  # one row per file, easier to look at
            strip = image.copy(0, row * (CELL_H + LABEL_H), image.width(), CELL_H + LABEL_H)
            strip.save(str(args.out / f"row_{figure.id}_{theme.name}.png"))
        if args.full:
            full(theme, args.only, args.out)
        if args.frames:
            frames(theme, args.only, args.out)
        if args.pairs:
            pairs(theme, args.only, args.out)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
