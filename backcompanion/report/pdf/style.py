"""The weekly PDF's ink and type sizes: it reads in grey, nothing relies on colour alone."""

from __future__ import annotations

from PySide6.QtGui import QColor

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
