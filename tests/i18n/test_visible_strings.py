"""A visible string that does not go through the catalog fails here.

Every main screen of ``make screenshots`` (the same scenes), plus the
full-screen view, is built with a pseudo-translator that marks each
translated text with « »; any word left outside the marks, in a widget or
drawn with QPainter, is a string a translator could never reach.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from backcompanion.simulate import _NOTES_AFTER, _NOTES_BEFORE
from tests.i18n.visible_text import (
    painted_texts,
    pseudo_translation,
    widget_texts,
    words_outside_marks,
)

# words that are not the app's to translate: the name, the user's own notes (simulated)
ALLOWED = {"BackCompanion", "Atkinson", "Hyperlegible"}
USER_TEXT = {*_NOTES_BEFORE, *_NOTES_AFTER}

pytestmark = pytest.mark.qt_log_ignore(".*propagateSizeHints.*")


@pytest.fixture
def pseudo(qapp):
    with pseudo_translation() as translator:
        yield translator


def _leftovers(found: list[tuple[str, str]]) -> list[str]:
    out = []
    for where, text in found:
        if not text or text in USER_TEXT:
            continue
        words = [w for w in words_outside_marks(text) if w not in ALLOWED]
        if words:
            out.append(f"{where}: {text!r} -> {' '.join(words)}")
    return sorted(set(out))


def test_pseudo_marks_show_what_bypasses_the_catalog():
    assert words_outside_marks("«Start» «Hold for %n s»") == []
    assert words_outside_marks("<b>«Rest»</b> 5 s") == ["s"]
    assert words_outside_marks("«Breathe «in»» now") == ["now"]


def test_every_visible_string_on_every_screen_is_translatable(pseudo, qtbot, tmp_path: Path):
    from backcompanion.ui.devtools.screenshots import scenes

    found: list[tuple[str, str]] = []
    with painted_texts() as painted:
        for name, widget in scenes(tmp_path):
            QApplication.processEvents()
            widget.grab()  # paints every visible widget, so drawn text is seen
            found += [(f"{name}: {where}", text) for where, text in widget_texts(widget)]
    found += [("painted", text) for text in painted]
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = _leftovers(found)
    assert not left, f"{len(left)} texts bypass the catalog:\n" + "\n".join(left)


def test_the_full_screen_view_is_translatable(pseudo, qtbot, tmp_path: Path):
    from backcompanion.ui.devtools.screenshots_fullscreen import render_fullscreen

    with painted_texts() as painted:
        render_fullscreen(tmp_path, "light")
    left = _leftovers([("full screen", text) for text in painted])
    assert not left, f"{len(left)} texts bypass the catalog:\n" + "\n".join(left)
