"""Themes: WCAG contrast, the system scheme and the override, the app-wide look, the font."""

from __future__ import annotations

import logging
from dataclasses import fields

import pytest
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QPushButton

from backcompanion import fonts
from backcompanion.ui import theme as theme_mod
from backcompanion.ui.theme import (
    BASE_PT,
    DARK,
    HEADING_PT,
    LIGHT,
    Theme,
    ThemeFollower,
    apply_theme,
    contrast_ratio,
    current_theme,
    resolve_scheme,
    set_role,
    style_sheet,
    theme_for,
)

THEMES = pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
TEXT = ("text", "muted", "accent", "hold", "release", "danger")  # used as text colours
GRAPHICS = ("border", "focus", "ink", "illustration_accent")  # lines and shapes


def test_pyside_keeps_none_alive(pyside_leaks):
    """PySide6 6.12.0 on CPython 3.11 loses a reference to None on every void call and to
    True on every Signal.emit, so a running app (the pacer calls update() 60 times a
    second) aborts with "none_dealloc" within seconds. Use a PySide6 without the defect
    (6.11.3 is sound) or Python 3.12+."""
    assert pyside_leaks == {"None": 0, "True": 0}, (
        f"the installed PySide6 leaks references: {pyside_leaks} in 200 calls"
    )


def test_contrast_ratio_matches_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#ffffff"), "#000000") == pytest.approx(21.0)


@THEMES
def test_text_colours_reach_aa(theme):
    for name in TEXT:
        for ground in ("window", "card"):
            ratio = contrast_ratio(getattr(theme, name), getattr(theme, ground))
            assert ratio >= 4.5, f"{theme.name}: {name} on {ground} is {ratio:.2f}:1"
    assert contrast_ratio(theme.on_accent, theme.accent) >= 4.5
    assert contrast_ratio(theme.text, theme.selected) >= 4.5
    assert contrast_ratio(theme.muted, theme.window) >= 4.5  # disabled text stays readable


@THEMES
def test_graphics_reach_three_to_one(theme):
    for name in GRAPHICS:
        ratio = contrast_ratio(getattr(theme, name), theme.window)
        assert ratio >= 3.0, f"{theme.name}: {name} on window is {ratio:.2f}:1"
    assert contrast_ratio(theme.focus, theme.card) >= 3.0
    # the focus ring differs from a chosen option's border (text colour); a primary button,
    # filled with the accent, takes a text-coloured ring that stands out from the window
    assert theme.focus != theme.text
    assert contrast_ratio(theme.text, theme.window) >= 3.0


def test_focus_is_shown_by_more_than_colour():
    sheet = style_sheet(LIGHT, "Atkinson Hyperlegible")
    focus_rule = sheet.split("QPushButton:focus {")[1].split("}")[0]
    assert "text-decoration: underline" in focus_rule  # and a thicker border
    assert "5px" in focus_rule


def test_themes_name_every_colour_as_hex():
    for theme in (LIGHT, DARK):
        for f in fields(Theme):
            value = getattr(theme, f.name)
            if f.name != "name":
                assert QColor(value).isValid() and value.startswith("#") and len(value) == 7
    assert LIGHT.is_dark is False and DARK.is_dark is True
    assert LIGHT.colors().keys() == DARK.colors().keys()


def test_resolve_scheme():
    assert resolve_scheme("system", "dark") == "dark"
    assert resolve_scheme("system", "light") == "light"
    assert resolve_scheme("system", "unknown") == "light"
    assert resolve_scheme("light", "dark") == "light"
    assert resolve_scheme("dark", "light") == "dark"
    with pytest.raises(ValueError, match="system, light, dark"):
        resolve_scheme("blue", "light")


def test_theme_for_follows_the_system(qapp, monkeypatch):
    monkeypatch.setattr(theme_mod, "system_scheme", lambda: "dark")
    assert theme_for("system") is DARK
    assert theme_for("light") is LIGHT
    monkeypatch.setattr(theme_mod, "system_scheme", lambda: "light")
    assert theme_for("system") is LIGHT
    assert theme_for("dark") is DARK


def test_system_scheme_reads_the_style_hints(qapp):
    expected = QGuiApplication.styleHints().colorScheme()
    got = theme_mod.system_scheme()
    assert got == ("dark" if expected.name == "Dark" else "light")


@THEMES
def test_apply_theme_sets_palette_font_and_style(qapp, theme):
    apply_theme(qapp, theme)
    try:
        assert current_theme() is theme
        pal = qapp.palette()
        assert pal.color(QPalette.ColorRole.Window) == QColor(theme.window)
        assert pal.color(QPalette.ColorRole.WindowText) == QColor(theme.text)
        assert pal.color(QPalette.ColorRole.Highlight) == QColor(theme.accent)
        font = qapp.font()
        assert font.family() == fonts.register_fonts()
        assert font.pointSizeF() >= 16
        sheet = qapp.styleSheet()
        assert theme.window in sheet and theme.focus in sheet
        assert f"font-size: {BASE_PT}pt" in sheet
        assert "px; }" not in sheet.split("font-size")[1][:20]  # text sized in points
    finally:
        apply_theme(qapp, LIGHT)


def test_controls_are_large_and_headings_larger(qtbot, light):
    button = QPushButton("Continue")
    heading = QLabel("Welcome")
    body = QLabel("Body text")
    set_role(heading, "heading")
    for w in (button, heading, body):
        qtbot.addWidget(w)
        w.ensurePolished()
    assert button.minimumSizeHint().height() >= 56 or button.sizeHint().height() >= 56
    assert QFontInfo(body.font()).pointSizeF() >= 16
    assert QFontInfo(heading.font()).pointSizeF() >= HEADING_PT - 1
    assert QFontInfo(heading.font()).pointSizeF() >= 1.8 * QFontInfo(body.font()).pointSizeF()
    assert heading.font().bold()


def test_style_sheet_uses_points_for_text():
    sheet = style_sheet(LIGHT, "Atkinson Hyperlegible")
    sizes = [part.split(";")[0].strip() for part in sheet.split("font-size:")[1:]]
    assert sizes and all(s.endswith("pt") for s in sizes)
    assert ":focus" in sheet


def test_follower_applies_the_override(qtbot, qapp, monkeypatch):
    monkeypatch.setattr(theme_mod, "system_scheme", lambda: "light")
    follower = ThemeFollower(qapp)
    try:
        assert follower.theme is LIGHT and follower.override == "system"
        with qtbot.waitSignal(follower.themeChanged, timeout=0) as changed:
            follower.set_override("dark")
        assert changed.args == [DARK]
        assert current_theme() is DARK
        assert qapp.palette().color(QPalette.ColorRole.Window) == QColor(DARK.window)
        # the system turning dark or light changes nothing while an override holds
        follower._on_system_change(None)
        assert follower.theme is DARK
        with pytest.raises(ValueError):
            follower.set_override("sepia")
        monkeypatch.setattr(theme_mod, "system_scheme", lambda: "dark")
        follower.set_override("system")
        assert follower.theme is DARK
        monkeypatch.setattr(theme_mod, "system_scheme", lambda: "light")
        with qtbot.waitSignal(follower.themeChanged, timeout=0):
            follower._on_system_change(None)
        assert follower.theme is LIGHT
    finally:
        follower.deleteLater()
        apply_theme(qapp, LIGHT)


# ---- fonts ----


def test_register_fonts_once(qapp):
    family = fonts.register_fonts()
    assert family == fonts.FAMILY == "Atkinson Hyperlegible"
    assert family in QFontDatabase.families()
    assert fonts.register_fonts() == family  # idempotent
    assert fonts.registered_family() == family
    styles = set(QFontDatabase.styles(family))
    assert {"Regular", "Bold", "Italic", "Bold Italic"} <= styles
    assert QFontInfo(QFont(family, 18)).family() == family


def test_register_fonts_falls_back_when_the_package_is_missing(qapp, monkeypatch, caplog):
    monkeypatch.setattr(fonts, "PACKAGE", "no_such_font_package")
    monkeypatch.setattr(fonts, "_family", None)
    with caplog.at_level(logging.INFO, logger="backcompanion.fonts"):
        family = fonts.register_fonts()
        assert fonts.register_fonts() == family
    assert family and family != "Atkinson Hyperlegible"
    records = [r for r in caplog.records if r.name == "backcompanion.fonts"]
    assert len(records) == 1 and records[0].levelno == logging.INFO
    assert "not installed" in records[0].getMessage()
