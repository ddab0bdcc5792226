"""Small things a new user met: a ticked check box shows a tick, and the 0-10 pain scale
is one named radio group to a screen reader (read through Qt's accessibility interface)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QCheckBox

from backcompanion.ui.session_screens.checkin import PainCheckIn
from backcompanion.ui.theme import DARK, LIGHT, apply_theme, check_mark_path


def _near(a: QColor, b: str, tol: int = 40) -> bool:
    c = QColor(b)
    return all(abs(x - y) <= tol for x, y in zip(a.getRgb()[:3], c.getRgb()[:3], strict=True))


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_a_ticked_check_box_shows_a_tick_not_a_solid_square(qtbot, qapp, theme):
    apply_theme(qapp, theme)
    try:
        assert check_mark_path(theme).endswith(f"check-{theme.name}.svg")
        box = QCheckBox("Keep the screen awake")
        qtbot.addWidget(box)
        box.resize(box.sizeHint())
        box.setChecked(True)
        image = box.grab().toImage()
        dpr = image.devicePixelRatio()
        # the indicator: a square at the left, as high as the style sheet makes it
        side = round(box.height() * dpr)
        pixels = [
            image.pixelColor(x, y)
            for x in range(0, min(side, image.width()))
            for y in range(0, min(side, image.height()))
        ]
        tick = sum(_near(p, theme.on_accent) for p in pixels)
        fill = sum(_near(p, theme.accent) for p in pixels)
        assert fill > 50, "the ticked box is filled with the accent colour"
        assert tick > 30, "and a tick in the colour that reads on it"
        box.setChecked(False)
        unticked = box.grab().toImage()
        assert not any(
            _near(unticked.pixelColor(x, y), theme.accent, tol=10)
            for x in range(0, min(side, unticked.width()), 2)
            for y in range(0, min(side, unticked.height()), 2)
        )
    finally:
        apply_theme(qapp, LIGHT)


def _interface(widget):
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return iface


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_pain_scale_is_one_named_radio_group(qtbot, light):
    check_in = PainCheckIn("How is your back right now?")
    qtbot.addWidget(check_in)
    check_in.show()
    group = _interface(check_in.scale_box)
    assert group.role() == QAccessible.Role.Grouping
    assert group.text(QAccessible.Text.Name) == "Pain rating, 0 to 10"
    assert "no pain" in group.text(QAccessible.Text.Description)
    radios = [
        group.child(i)
        for i in range(group.childCount())
        if group.child(i).role() == QAccessible.Role.RadioButton
    ]
    assert [r.text(QAccessible.Text.Name) for r in radios] == [
        "0 out of 10: no pain",
        *[f"{n} out of 10" for n in range(1, 10)],
        "10 out of 10: worst pain imaginable",
    ]
    assert all(r.state().checkable and not r.state().checked for r in radios)
    check_in.set_rating(3)
    assert [i for i, r in enumerate(radios) if r.state().checked] == [3]
    check_in.button(7).click()  # one group: choosing 7 unchooses 3
    assert [i for i, r in enumerate(radios) if r.state().checked] == [7]
    assert check_in.rating() == 7
    check_in.reset()
    assert not any(r.state().checked for r in radios)
