"""Every text a person can see in a widget tree, and text drawn with QPainter.

Used with a pseudo-translator that wraps each translated text in « »: what is
left outside the marks after stripping them did not go through the catalog.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QPainter, QStaticText
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from backcompanion import i18n

OPEN, CLOSE = "«", "»"
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]+")


class PseudoTranslator(QTranslator):
    """Wraps every text Qt is asked to translate, ours and Qt's own, in « »."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"{OPEN}{source}{CLOSE}" if source else source

    def isEmpty(self) -> bool:
        return False


@contextmanager
def pseudo_translation() -> Iterator[PseudoTranslator]:
    """Every translated text, Qt's and every layer's, marked with « » meanwhile."""
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    i18n.install(QCoreApplication.translate)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
        i18n.install(None)


def words_outside_marks(text: str) -> list[str]:
    """The words of ``text`` that no « » encloses (markup and mnemonics removed)."""
    text = html.unescape(_TAG.sub(" ", text)).replace("&&", "\0").replace("&", "")
    while True:
        stripped = _MARKED.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    return _WORD.findall(text)


def _menu_texts(menu: QMenu) -> Iterator[str]:
    for action in menu.actions():
        if action.isVisible():
            yield action.text()
            yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
            if action.menu():
                yield from _menu_texts(action.menu())


def widget_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text shown by ``top`` and its visible children."""
    yield f"{type(top).__name__} title", top.windowTitle()
    if isinstance(top, QMainWindow) and top.menuBar().isVisible():
        for action in top.menuBar().actions():
            yield "menu", action.text()
            if action.menu():
                for text in _menu_texts(action.menu()):
                    yield "menu", text
    for w in [top, *top.findChildren(QWidget)]:
        if w is not top and not w.isVisibleTo(top):
            continue
        where = f"{type(w).__name__} {w.objectName()}".strip()
        yield where + " tooltip", w.toolTip()
        yield where + " accessible name", w.accessibleName()
        yield where + " accessible description", w.accessibleDescription()
        if isinstance(w, QLabel | QAbstractButton):
            yield where, w.text()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield where, w.itemText(i)
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            yield where, w.placeholderText()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield where, w.tabText(i)
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                yield where, w.item(i).text()
        if isinstance(w, QSpinBox):
            yield where, w.prefix() + " " + w.suffix()
        if isinstance(w, QAbstractSpinBox):
            yield where, w.specialValueText()


@contextmanager
def painted_texts() -> Iterator[list[str]]:
    """Collects every string drawn with QPainter.drawText / drawStaticText meanwhile."""
    seen: list[str] = []
    draw_text, draw_static = QPainter.drawText, QPainter.drawStaticText

    def text_spy(self, *args):
        seen.extend(a for a in args if isinstance(a, str))
        return draw_text(self, *args)

    def static_spy(self, *args):
        seen.extend(a.text() for a in args if isinstance(a, QStaticText))
        return draw_static(self, *args)

    QPainter.drawText, QPainter.drawStaticText = text_spy, static_spy
    try:
        yield seen
    finally:
        QPainter.drawText, QPainter.drawStaticText = draw_text, draw_static
