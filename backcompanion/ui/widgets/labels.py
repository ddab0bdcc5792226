"""The plain text label and push button every page builds its layout from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

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
