"""The app's typeface: Atkinson Hyperlegible, registered once with Qt.

Used by the widgets (through ``ui.theme``) and by the weekly PDF. QtGui only,
so the PDF can use it without widgets. The four TTFs come from the installed
package ``fontpkg_atkinson_hyperlegible`` (its folder ``files/``); when that
package or its files are missing the app falls back to the system sans-serif
font and says so once in the log (at INFO level: a missing font is not an error).
"""

from __future__ import annotations

import importlib.resources
import logging

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

__all__ = ["FAMILY", "FONT_FILES", "PACKAGE", "register_fonts", "registered_family"]

log = logging.getLogger(__name__)

PACKAGE = "fontpkg_atkinson_hyperlegible"
FAMILY = "Atkinson Hyperlegible"
FONT_FILES = (
    "AtkinsonHyperlegible-Regular.ttf",
    "AtkinsonHyperlegible-Bold.ttf",
    "AtkinsonHyperlegible-Italic.ttf",
    "AtkinsonHyperlegible-BoldItalic.ttf",
)

_family: str | None = None


def register_fonts() -> str:
    """Register the four Atkinson Hyperlegible files (once) and return the family to use.

    Needs a QGuiApplication. Calling it again returns the same family without
    touching the font database. When the files cannot be found or loaded, the
    system's sans-serif family is returned instead and one INFO message is logged.
    """
    global _family
    if _family is not None:
        return _family
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_fonts() needs a QGuiApplication")
    family, problem = _register_package_fonts()
    if family is None:
        family = _fallback_family()
        log.info("Atkinson Hyperlegible is not available (%s); using %s", problem, family)
    _family = family
    return family


def registered_family() -> str | None:
    """The family chosen by :func:`register_fonts`, or None before it ran."""
    return _family


def _register_package_fonts() -> tuple[str | None, str]:
    try:
        folder = importlib.resources.files(PACKAGE).joinpath("files")
    except ModuleNotFoundError:
        return None, f"the package {PACKAGE} is not installed"
    families: list[str] = []
    for name in FONT_FILES:
        entry = folder.joinpath(name)
        try:
            data = entry.read_bytes()  # works for folders and zipped installs alike
        except OSError:
            return None, f"{name} is missing"
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        if font_id < 0:
            return None, f"{name} could not be loaded"
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY in families:
        return FAMILY, ""
    return (families[0], "") if families else (None, "the files name no font family")


def _fallback_family() -> str:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    if not font.family():
        font = QFont()
        font.setStyleHint(QFont.StyleHint.SansSerif)
    return font.family()
