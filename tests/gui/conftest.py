"""GUI test setup: the app theme and font, and a check that no widget leaves a timer running.

``pyside_leaks`` measures a PySide6 defect: 6.12.0 on CPython 3.11 drops a
reference to ``None`` on every void C++ call and to ``True`` on every emit, so
the app aborts with "none_dealloc" within seconds of animation. pyproject.toml
excludes that release; ``test_theme.py::test_pyside_keeps_none_alive`` fails
loudly if it ever comes back.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from backcompanion.ui.theme import LIGHT, apply_theme


class _Emitter(QObject):
    ping = Signal()


def pyside_leaked_references(calls: int = 200) -> dict[str, int]:
    """References to ``None``/``True`` lost by ``calls`` void calls and emits (0 when sound)."""
    probe = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(calls):
        probe.setObjectName("probe")
        probe.ping.emit()
    return {
        "None": max(0, none_before - sys.getrefcount(None)),
        "True": max(0, true_before - sys.getrefcount(True)),
    }


@pytest.fixture
def pyside_leaks() -> dict[str, int]:
    """References to None/True lost by 200 void calls and emits."""
    return pyside_leaked_references()


@pytest.fixture
def light(qapp):
    """The light theme applied app-wide (the default look of every GUI test)."""
    apply_theme(qapp, LIGHT)
    return LIGHT


def _allowed(timer: QTimer) -> bool:
    """The one timer a widget may run by design: the carousel card's figure loop, while the
    card is on screen (tests/gui/test_carousel.py checks that it stops once it is not)."""
    if timer.objectName() != "figureLoop":
        return False
    card = timer.parent().parent() if timer.parent() is not None else None
    return card is not None and card.isVisible() and not card.window().isMinimized()


@pytest.fixture(autouse=True)
def no_running_timers(qtbot):
    """After each GUI test, no widget may own an active QTimer (the widgets own no time),
    but for the carousel's figure loop on a card still on screen.

    Depends on ``qtbot`` so that it runs before qtbot closes the test's widgets.
    """
    yield
    app = QApplication.instance()
    running = [
        f"{type(w).__name__}: {t.objectName() or 'QTimer'}"
        for w in app.topLevelWidgets()
        for t in w.findChildren(QTimer)
        if t.isActive() and not _allowed(t)
    ]
    assert not running, f"timers left running: {running}"
