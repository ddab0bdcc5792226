"""Illustrations: recoloured for the theme, rendered at the device pixel ratio, mirrored, cached."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from backcompanion import resources
from backcompanion.ui.theme import DARK, LIGHT
from backcompanion.ui.widgets import illustration as ill
from backcompanion.ui.widgets.illustration import (
    ACCENT,
    INK,
    IllustrationError,
    IllustrationView,
    fitted_size,
    pixmap_bytes,
    recolored_svg,
    render_illustration,
    snapped_size,
)

NAMES = ["bridge", "angry_cat"]


def _need(name: str) -> None:
    try:
        resources.path(f"illustrations/{name}.svg")
    except resources.ResourceError:
        pytest.skip(f"illustrations/{name}.svg is not drawn yet")


@pytest.fixture(autouse=True)
def fresh_cache():
    ill.clear_cache()
    yield
    ill.clear_cache()


def _opaque_colours(image: QImage) -> set[int]:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    out = set()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if c.alpha() == 255:
                out.add(c.rgb() & 0xFFFFFF)
    return out


def test_fitted_size_keeps_four_to_three():
    assert fitted_size(400, 300) == QSize(400, 300)
    assert fitted_size(800, 300) == QSize(400, 300)
    assert fitted_size(400, 900) == QSize(400, 300)
    assert fitted_size(0, 300) == QSize(0, 0)


def test_snapped_size_steps_down_and_keeps_four_to_three():
    for w, h in [(400, 300), (200, 150), (320, 240), (800, 600)]:
        assert snapped_size(w, h) == QSize(w, h)  # the sizes the tests use are on the grid
    assert snapped_size(403, 303) == QSize(400, 300)
    assert snapped_size(407, 900) == QSize(400, 300)
    assert snapped_size(1000, 301) == QSize(400, 300)
    assert snapped_size(5, 4) == fitted_size(5, 4)  # below one step: as fitted
    for w in range(160, 420, 3):  # never larger than the space, never more than a step smaller
        s = snapped_size(w, w)
        assert s.width() % 8 == 0 and s.width() * 3 == s.height() * 4
        assert w - 8 < s.width() <= w


@pytest.mark.parametrize("name", NAMES)
def test_recoloured_svg_uses_only_the_theme_colours(name):
    _need(name)
    original = resources.read_text(f"illustrations/{name}.svg").lower()
    assert INK in original or ACCENT in original
    # the light theme keeps the drawn colours; the dark one swaps both
    assert (LIGHT.ink, LIGHT.illustration_accent) == (INK, ACCENT)
    assert recolored_svg(name, LIGHT).decode().lower() == original
    dark = recolored_svg(name, DARK).decode().lower()
    assert INK not in dark and ACCENT not in dark
    assert DARK.ink in dark


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_render_draws_in_the_theme_colours(qapp, name, theme):
    _need(name)
    pixmap = render_illustration(name, QSize(400, 300), theme)
    assert pixmap.size() == QSize(400, 300)
    colours = _opaque_colours(pixmap.toImage())
    assert colours, "nothing drawn"
    ink = QColor(theme.ink).rgb() & 0xFFFFFF
    assert ink in colours


@pytest.mark.parametrize("name", NAMES)
def test_render_at_device_pixel_ratio(qapp, name):
    _need(name)
    pixmap = render_illustration(name, QSize(200, 150), LIGHT, dpr=2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.size() == QSize(400, 300)  # device pixels
    assert pixmap.deviceIndependentSize().toSize() == QSize(200, 150)


@pytest.mark.parametrize("name", NAMES)
def test_mirrored_equals_the_flipped_original(qapp, name):
    _need(name)
    plain = render_illustration(name, QSize(320, 240), LIGHT).toImage()
    mirrored = render_illustration(name, QSize(320, 240), LIGHT, mirrored=True).toImage()
    assert mirrored != plain
    assert mirrored == plain.flipped(Qt.Orientation.Horizontal)


def test_cache_reuses_pixmaps(qapp):
    _need("bridge")
    a = render_illustration("bridge", QSize(200, 150), LIGHT)
    assert render_illustration("bridge", QSize(200, 150), LIGHT).cacheKey() == a.cacheKey()
    assert render_illustration("bridge", QSize(200, 150), DARK).cacheKey() != a.cacheKey()
    assert render_illustration("bridge", QSize(200, 150), LIGHT, dpr=2).cacheKey() != a.cacheKey()
    before = ill.cache_size()
    render_illustration("bridge", QSize(200, 150), LIGHT, mirrored=True)
    assert ill.cache_size() == before + 1


def test_cache_is_capped_by_bytes_least_recently_used_out(qapp, monkeypatch):
    for name in NAMES:
        _need(name)
    one = 200 * 150 * 4
    monkeypatch.setattr(ill, "CACHE_BYTES", 3 * one)
    size = QSize(200, 150)
    a = render_illustration("bridge", size, LIGHT)
    assert pixmap_bytes(a) == one and ill.cache_bytes() == one
    b = render_illustration("bridge", size, DARK)
    c = render_illustration("angry_cat", size, LIGHT)
    assert ill.cache_size() == 3 and ill.cache_bytes() == 3 * one
    assert render_illustration("bridge", size, LIGHT).cacheKey() == a.cacheKey()  # a used again
    render_illustration("angry_cat", size, DARK)  # one more than the cap holds
    assert ill.cache_size() == 3 and ill.cache_bytes() == 3 * one
    # b was the least recently used: out; a and c are kept
    assert render_illustration("bridge", size, LIGHT).cacheKey() == a.cacheKey()
    assert render_illustration("angry_cat", size, LIGHT).cacheKey() == c.cacheKey()
    assert render_illustration("bridge", size, DARK).cacheKey() != b.cacheKey()
    assert ill.cache_size() == 3 and ill.cache_bytes() == 3 * one


def test_a_pixmap_over_the_cap_is_kept_alone(qapp, monkeypatch):
    _need("bridge")
    monkeypatch.setattr(ill, "CACHE_BYTES", 1000)
    render_illustration("bridge", QSize(200, 150), LIGHT)
    big = render_illustration("bridge", QSize(400, 300), LIGHT)
    assert ill.cache_size() == 1 and ill.cache_bytes() == pixmap_bytes(big)
    ill.clear_cache()
    assert ill.cache_size() == 0 and ill.cache_bytes() == 0


def test_the_default_cap_is_about_four_megabytes():
    assert 3 * 2**20 <= ill.CACHE_BYTES <= 5 * 2**20


def test_view_shares_a_pixmap_across_small_resizes(qtbot, light):
    _need("bridge")
    view = IllustrationView("bridge", theme=LIGHT)
    qtbot.addWidget(view)
    view.resize(403, 303)
    view.grab()
    key = view.pixmap().cacheKey()
    assert view.pixmap().deviceIndependentSize().toSize() == QSize(400, 300)
    for w, h in [(405, 304), (407, 305), (401, 302)]:
        view.resize(w, h)
        assert view.pixmap().cacheKey() == key  # the same pixmap, drawn 1:1 (never scaled)
    assert ill.cache_size() == 1
    image = view.grab().toImage()
    assert image.size() == QSize(401, 302)


def test_missing_and_bad_names(qapp):
    with pytest.raises(IllustrationError):
        render_illustration("no_such_drawing", QSize(100, 75), LIGHT)
    with pytest.raises(IllustrationError):
        render_illustration("../program", QSize(100, 75), LIGHT)


def test_view_keeps_aspect_and_paints_the_cached_pixmap(qtbot, light):
    _need("bridge")
    view = IllustrationView("bridge", theme=LIGHT)
    qtbot.addWidget(view)
    view.resize(800, 300)
    image = view.grab().toImage()
    assert view.pixmap().deviceIndependentSize().toSize() == QSize(400, 300)
    assert view.heightForWidth(400) == 300
    assert not image.isNull()
    key = view.pixmap().cacheKey()
    view.update()
    view.grab()
    assert view.pixmap().cacheKey() == key  # repainting renders nothing new
    view.set_illustration("bridge", mirrored=True)
    assert view.is_mirrored() and view.pixmap().cacheKey() != key


def test_view_with_a_missing_file_stays_empty(qtbot, light):
    view = IllustrationView("no_such_drawing", theme=LIGHT)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.grab()
    assert view.is_missing()
    assert view.pixmap().isNull()
