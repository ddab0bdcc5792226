"""The pieces every page builds its layout from: a plain text label, a push button, a
scrolling column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QWidget

from backcompanion.ui.theme import set_role


def label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    """A plain-text label (no rich text from data), wrapping unless told not to."""
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        set_role(widget, role)
    return widget


def button(text: str, tip: str = "", primary: bool = False) -> QPushButton:
    """A push button that never becomes the default by taking focus (Enter stays with
    the page); ``tip`` is its tooltip, ``primary`` the accent style. Its accessible name
    is its text without the mnemonic's ``&``."""
    widget = QPushButton(text)
    if tip:
        widget.setToolTip(tip)
    widget.setAccessibleName(text.replace("&", ""))
    widget.setAutoDefault(False)
    if primary:
        set_role(widget, "primary")
    return widget


def scrolling(content: QWidget, horizontal: bool = False) -> QScrollArea:
    """``content`` in a frameless scroll area that resizes it to its width: a page that
    scrolls when the window is too short for it, and only then. No horizontal scroll bar
    unless ``horizontal``."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
