"""The breathing pacer: pure geometry, the state the driver sets, reduced motion, painting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QRegion

from backcompanion.ui.theme import DARK, LIGHT, apply_theme
from backcompanion.ui.widgets.pacer import (
    FILL_ALPHA,
    REDUCED_LEVEL,
    PacerWidget,
    blend_rgb,
    pacer_geometry,
    phase_words,
    ring_rects,
    shape_bounds,
)

# A 400 x 500 pacer, worked by hand:
#   shape area: 70 % of 500 = 350 high, centre (200, 175); shorter side min(400, 350) = 350
#   full radius: 350 / 2 - 4 % of 350 = 175 - 14 = 161; empty lungs: 35 % of 161 = 56.35
#   half full: 56.35 + 0.5 * (161 - 56.35) = 108.675
#   word band: from y = 350, 150 high, word 50 % of that = 75 px; count 60 % of 161 = 96.6 px
HAND = {0.0: 56.35, 0.5: 108.675, 1.0: 161.0}


@pytest.mark.parametrize("size", [0.0, 0.5, 1.0])
def test_geometry_by_hand(size):
    g = pacer_geometry(400, 500, size)
    assert g.center == (200.0, 175.0)
    assert g.radius == pytest.approx(HAND[size])
    assert g.min_radius == pytest.approx(56.35)
    assert g.max_radius == pytest.approx(161.0)
    assert g.level == size
    assert (g.word_top, g.word_height) == (pytest.approx(350.0), pytest.approx(150.0))
    assert g.word_px == pytest.approx(75.0)
    assert g.count_px == pytest.approx(96.6)


def test_geometry_narrow_and_wide():
    # narrow: 200 x 1000 -> shape area 700 high, shorter side 200: 100 - 8 = 92
    narrow = pacer_geometry(200, 1000, 1.0)
    assert narrow.center == (100.0, 350.0)
    assert narrow.max_radius == pytest.approx(92.0)
    # wide: the height limits the shape, the word band stays the bottom 30 %
    wide = pacer_geometry(2000, 500, 1.0)
    assert wide.max_radius == pytest.approx(161.0)
    assert wide.center == (1000.0, 175.0)


def test_geometry_clamps_and_degenerate_sizes():
    assert pacer_geometry(400, 500, -3).radius == pytest.approx(HAND[0.0])
    assert pacer_geometry(400, 500, 7).radius == pytest.approx(HAND[1.0])
    empty = pacer_geometry(0, 0, 0.5)
    assert empty.radius == 0 and empty.max_radius == 0


def test_radius_grows_monotonically_in_full_motion():
    radii = [pacer_geometry(640, 480, i / 20).radius for i in range(21)]
    assert radii == sorted(radii) and radii[0] < radii[-1]


def test_reduced_motion_has_no_growing_shape():
    sizes = [i / 10 for i in range(11)]
    geoms = [pacer_geometry(400, 500, s, reduced=True) for s in sizes]
    assert {g.radius for g in geoms} == {geoms[0].max_radius}
    assert geoms[0].radius == pytest.approx(161.0)
    # only the fill's strength follows the breath
    assert geoms[0].fill_opacity == pytest.approx(REDUCED_LEVEL[0])
    assert geoms[-1].fill_opacity == pytest.approx(REDUCED_LEVEL[1])
    assert [g.fill_opacity for g in geoms] == sorted(g.fill_opacity for g in geoms)


def test_blend_rgb_is_source_over_on_an_opaque_background():
    assert blend_rgb((255, 0, 0), (0, 0, 255), 0.0) == (0, 0, 255)
    assert blend_rgb((255, 0, 0), (0, 0, 255), 1.0) == (255, 0, 0)
    assert blend_rgb((200, 100, 0), (100, 100, 100), 0.3) == (130, 100, 70)
    assert blend_rgb((10, 20, 30), (40, 50, 60), 5) == (10, 20, 30)  # clamped


def test_shape_bounds_hold_the_ring_and_its_antialiasing():
    # radius 100 at (200, 175), ring 4 wide: reach 100 + 2 + 2 = 104
    assert shape_bounds(200, 175, 100, 4) == (96, 71, 208, 208)
    x, y, w, h = shape_bounds(200.5, 175.25, 56.35, 5.6)
    assert x <= 200.5 - 56.35 - 2.8 and x + w >= 200.5 + 56.35 + 2.8
    assert y <= 175.25 - 56.35 - 2.8 and y + h >= 175.25 + 56.35 + 2.8
    assert shape_bounds(10, 10, -5, -1) == (8, 8, 4, 4)


def _pacer(qtbot, reduced=False, w=400, h=500, theme=None) -> PacerWidget:
    pacer = PacerWidget(reduced_motion=reduced, theme=theme)
    qtbot.addWidget(pacer)
    pacer.resize(w, h)
    return pacer


def test_set_state_stores_the_frame(qtbot, light):
    pacer = _pacer(qtbot)
    pacer.set_state(0.5, "Breathe out", 3, "exhale")
    assert pacer.size_value() == 0.5
    assert pacer.phase_word() == "Breathe out"
    assert pacer.count() == 3
    assert pacer.phase() == "exhale"
    assert pacer.pacer_geometry().radius == pytest.approx(HAND[0.5])
    assert pacer.accessibleDescription() == "Breathe out"
    pacer.set_state(2.0, "Breathe in", None, "inhale")
    assert pacer.size_value() == 1.0
    assert pacer.count() is None
    assert pacer.pacer_geometry().radius == pytest.approx(HAND[1.0])


def _changed_pixels(a: QImage, b: QImage) -> list[tuple[int, int]]:
    """Every pixel (x, y) that differs between two images of the same size."""
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    row = a.bytesPerLine()
    da, db = bytes(a.constBits()), bytes(b.constBits())
    out = []
    for y in range(a.height()):
        ra, rb = da[y * row : (y + 1) * row], db[y * row : (y + 1) * row]
        if ra != rb:
            out += [
                (x, y) for x in range(a.width()) if ra[4 * x : 4 * x + 4] != rb[4 * x : 4 * x + 4]
            ]
    return out


def test_ring_rects_cover_the_ring_and_little_inside():
    cx, cy, r_in, r_out = 300.5, 250.25, 180.0, 200.0
    rects = ring_rects(cx, cy, r_in, r_out)
    region = QRegion()
    for r in rects:
        region += QRect(*r)
    for y in range(40, 460):
        for x in range(90, 510):
            d = ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2) ** 0.5
            if r_in <= d <= r_out:
                assert region.contains(QPoint(x, y)), (x, y)
    area = sum(w * h for _x, _y, w, h in rects)
    assert area < 0.25 * (2 * r_out) ** 2  # the square round the shape: 4x as much or more
    assert ring_rects(10, 10, 5, 0) == [] or all(w >= 0 and h > 0 for _x, _y, w, h in rects)


@pytest.mark.parametrize("sizes", [(0.25, 0.3), (0.9, 0.85), (0.0, 0.01), (1.0, 0.995)])
def test_set_state_repaints_every_changed_pixel_and_only_the_ring(qtbot, light, monkeypatch, sizes):
    pacer = _pacer(qtbot)
    pacer.show()
    qtbot.waitExposed(pacer)
    pacer.set_state(sizes[0], "Breathe in", 2, "inhale")
    before = pacer.grab().toImage()
    calls = []
    monkeypatch.setattr(pacer, "update", lambda *a: calls.append(a))
    monkeypatch.setattr(pacer, "repaint", lambda *a: pytest.fail("no synchronous repaint"))
    pacer.set_state(sizes[1], "Breathe in", 2, "inhale")
    after = pacer.grab().toImage()
    assert len(calls) == 1 and len(calls[0]) == 1
    (dirty,) = calls[0]
    assert isinstance(dirty, QRegion)
    changed = _changed_pixels(before, after)
    assert changed  # the shape moved
    missed = [xy for xy in changed if not dirty.contains(QPoint(*xy))]
    assert not missed  # every pixel that changed is repainted
    g = pacer.pacer_geometry()
    assert dirty.boundingRect().bottom() < g.word_top  # the phase word did not change
    area = sum(r.width() * r.height() for r in dirty)
    square = (2 * g.max_radius) ** 2
    assert area < 0.35 * square


def test_a_new_phase_word_and_count_are_repainted(qtbot, light, monkeypatch):
    pacer = _pacer(qtbot)
    pacer.show()
    qtbot.waitExposed(pacer)
    pacer.set_state(0.3, "Breathe in", 2, "inhale")
    g1 = pacer.pacer_geometry()
    stroke = max(2.0, g1.max_radius * 0.035)
    before = pacer.grab().toImage()
    calls = []
    monkeypatch.setattr(pacer, "update", lambda *a: calls.append(a))
    pacer.set_state(0.3, "Hold", 3, "hold_in")
    after = pacer.grab().toImage()
    (dirty,) = calls[0]
    assert dirty.boundingRect().bottom() >= g1.word_top + g1.word_height / 2
    assert dirty.contains(QRect(*shape_bounds(g1.center_x, g1.center_y, g1.max_radius, stroke)))
    assert not [xy for xy in _changed_pixels(before, after) if not dirty.contains(QPoint(*xy))]


def test_a_hidden_resize_repaints_everything(qtbot, light, monkeypatch):
    pacer = _pacer(qtbot)
    calls = []
    monkeypatch.setattr(pacer, "update", lambda *a: calls.append(a))
    pacer.set_state(0.25, "Breathe in", 2, "inhale")
    assert calls == [()]  # no resize event yet: the whole widget


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("phase", ["inhale", "hold_in"])
def test_the_fill_is_opaque_and_looks_translucent(qtbot, qapp, theme, phase):
    pacer = _pacer(qtbot, theme=theme)
    pacer.set_state(0.5, "Breathe in", None, phase)
    fill = pacer.fill_color()
    assert fill.alpha() == 255  # never blended by Qt at paint time
    stroke = QColor(theme.hold if phase == "hold_in" else theme.accent)
    window = QColor(theme.window)
    want = blend_rgb(stroke.getRgb()[:3], window.getRgb()[:3], FILL_ALPHA)
    assert fill.getRgb()[:3] == want  # what FILL_ALPHA over the window looked like
    image = pacer.grab().toImage()
    g = pacer.pacer_geometry()
    painted = _colour_near(image, g.center_x - g.radius / 2, g.center_y + g.radius / 2)
    assert painted.getRgb()[:3] == want


def test_reduced_motion_fill_is_opaque_and_follows_the_breath(qtbot, light):
    pacer = _pacer(qtbot, reduced=True, theme=LIGHT)
    window = QColor(LIGHT.window)
    distances = []
    for size in (0.0, 0.5, 1.0):
        pacer.set_state(size, "Breathe in", None, "inhale")
        fill = pacer.fill_color()
        assert fill.alpha() == 255
        distances.append(
            sum(abs(a - b) for a, b in zip(fill.getRgb(), window.getRgb(), strict=True))
        )
    assert distances == sorted(distances) and distances[0] < distances[-1]


def test_reduced_motion_widget_keeps_its_radius(qtbot, light):
    pacer = _pacer(qtbot, reduced=True)
    radii = set()
    for size in (0.0, 0.5, 1.0):
        pacer.set_state(size, "Breathe in", 1, "inhale")
        radii.add(pacer.pacer_geometry().radius)
    assert len(radii) == 1 and radii.pop() == pytest.approx(161.0)
    pacer.set_reduced_motion(False)
    assert not pacer.reduced_motion()
    assert pacer.pacer_geometry().radius == pytest.approx(HAND[1.0])


def test_phase_words_are_translatable_and_short(qapp):
    words = phase_words()
    assert words["inhale"] == "Breathe in"
    assert words["exhale"] == "Breathe out"
    assert words["hold_in"] == words["hold_out"] == "Hold"


def test_the_word_fits_a_narrow_pacer(qtbot, light):
    pacer = _pacer(qtbot, w=220, h=500)
    pacer.set_state(0.3, "Breathe out", 4, "exhale")
    width = QFontMetricsF(pacer.word_font()).horizontalAdvance("Breathe out")
    assert width <= 220
    # and the word is sized from the height: a taller pacer never gets a smaller word
    tall = _pacer(qtbot, w=1200, h=900)
    tall.set_state(0.3, "Breathe out", 4, "exhale")
    assert tall.word_font().pixelSize() > pacer.word_font().pixelSize()
    assert tall.word_font().pixelSize() >= 100  # readable from across a room


def _colour_near(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(round(x), round(y))


def _close(a: QColor, b: QColor, tol: int = 40) -> bool:
    return all(abs(p - q) <= tol for p, q in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_grab_paints_the_pacer(qtbot, qapp, theme):
    apply_theme(qapp, theme)
    pacer = _pacer(qtbot, theme=theme)
    pacer.set_state(1.0, "Breathe in", 4, "inhale")
    image = pacer.grab().toImage()
    assert not image.isNull()
    g = pacer.pacer_geometry()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 500, 7)}
    assert len(colours) > 5
    assert _close(_colour_near(image, 2, 2), QColor(theme.window), 2)
    # the ring sits on the full radius, in the accent colour
    assert _close(_colour_near(image, g.center_x + g.radius, g.center_y), QColor(theme.accent))
    # a hold phase uses the hold colour
    pacer.set_state(1.0, "Hold", 2, "hold_in")
    image = pacer.grab().toImage()
    assert _close(_colour_near(image, g.center_x + g.radius, g.center_y), QColor(theme.hold))
    apply_theme(qapp, LIGHT)


def test_reduced_motion_paints_the_same_ring_at_every_size(qtbot, light):
    pacer = _pacer(qtbot, reduced=True, theme=LIGHT)
    g = pacer.pacer_geometry()
    edge = (g.center_x + g.max_radius, g.center_y)
    for size in (0.0, 1.0):
        pacer.set_state(size, "Breathe in", None, "inhale")
        image = pacer.grab().toImage()
        assert _close(_colour_near(image, *edge), QColor(LIGHT.accent))
    # in full motion, empty lungs leave the full radius without the ring
    pacer.set_reduced_motion(False)
    pacer.set_state(0.0, "Breathe in", None, "inhale")
    image = pacer.grab().toImage()
    assert not _close(_colour_near(image, *edge), QColor(LIGHT.accent))


def test_the_pacer_owns_no_timer(qtbot, light):
    pacer = _pacer(qtbot)
    pacer.set_state(0.5, "Breathe in", 3, "inhale")
    assert pacer.findChildren(QTimer) == []


def test_theme_change_rebuilds_the_paint_cache(qtbot, light):
    pacer = _pacer(qtbot, theme=LIGHT)
    pacer.set_state(1.0, "Breathe in", 4, "inhale")
    g = pacer.pacer_geometry()
    pacer.set_theme(DARK)
    image = pacer.grab().toImage()
    assert _close(_colour_near(image, 2, 2), QColor(DARK.window), 2)
    assert _close(_colour_near(image, g.center_x + g.radius, g.center_y), QColor(DARK.accent))


@pytest.mark.parametrize("sizes", [(0.2, 0.26), (0.97, 1.0), (0.6, 0.55)])
def test_painting_only_the_repainted_region_gives_the_whole_picture(qtbot, light, sizes):
    """What the screen shows after a frame (the old picture with only the region repainted)
    is exactly what painting the whole pacer gives."""
    pacer = _pacer(qtbot, w=700, h=800)
    pacer.show()
    qtbot.waitExposed(pacer)
    pacer.set_state(sizes[0], "Breathe in", 2, "inhale")
    shown = pacer.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    calls = []
    pacer.update = lambda *a: calls.append(a)  # type: ignore[method-assign]
    pacer.set_state(sizes[1], "Breathe in", 2, "inhale")
    del pacer.update
    (dirty,) = calls[0]
    assert dirty.rectCount() > 1  # the bands of the ring, not one rectangle
    painter = QPainter(shown)
    pacer.render(painter, dirty.boundingRect().topLeft(), dirty)  # where the region sits
    painter.end()
    whole = pacer.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert not _changed_pixels(shown, whole)
