"""Light and dark themes: named colours, the QPalette and one app-wide style sheet.

The theme follows the system colour scheme (``QStyleHints.colorScheme()``)
unless the user picks "light" or "dark". Text is sized in points and control
sizes come from font metrics, so 100-200 % display scaling keeps the layout.
Every text colour reaches WCAG AA (4.5:1) on the window and card colours;
``tests/gui/test_theme.py`` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from backcompanion import resources
from backcompanion.fonts import register_fonts

__all__ = [
    "BASE_PT",
    "DARK",
    "HEADING_PT",
    "LIGHT",
    "OVERRIDES",
    "RATING_PT",
    "SUBTITLE_PT",
    "TITLE_PT",
    "Theme",
    "ThemeFollower",
    "apply_theme",
    "check_mark_path",
    "contrast_ratio",
    "control_height",
    "current_theme",
    "palette",
    "resolve_scheme",
    "set_role",
    "settings_style_sheet",
    "style_sheet",
    "system_scheme",
    "theme_for",
]

BASE_PT = 18  # body text: comfortably readable on a laptop from a mat 2 m away
SUBTITLE_PT = 22
TITLE_PT = 28
HEADING_PT = 36
RATING_PT = 28  # the numbers of the 0-10 scale
OVERRIDES = ("system", "light", "dark")


@dataclass(frozen=True)
class Theme:
    """Named colours (``#rrggbb``). ``ink``/``illustration_accent`` colour the exercise figure."""

    name: str  # "light" or "dark"
    window: str
    card: str
    text: str
    muted: str  # secondary text, still AA on window and card
    accent: str  # primary buttons, the pacer, links
    on_accent: str  # text on an accent background
    hold: str  # an exercise hold (working)
    release: str  # the rest between repeats
    danger: str  # red-flag and warning text
    border: str  # control outlines (3:1, WCAG 1.4.11)
    focus: str  # the focus ring
    selected: str  # background of a chosen option (never the only cue)
    ink: str  # the exercise figure's body
    illustration_accent: str  # the figure's highlight (the body part at work)

    @property
    def is_dark(self) -> bool:
        return self.name == "dark"

    def color(self, name: str) -> QColor:
        return QColor(getattr(self, name))

    def colors(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "name"}


LIGHT = Theme(
    name="light",
    window="#f6f4ef",
    card="#ffffff",
    text="#1b1f24",
    muted="#4a5361",
    accent="#1a5fb4",
    on_accent="#ffffff",
    hold="#9a4a00",
    release="#08735a",
    danger="#b3261e",
    border="#6b7380",
    focus="#1a5fb4",
    selected="#dce9fb",
    ink="#1f2937",
    illustration_accent="#2f80ed",
)

DARK = Theme(
    name="dark",
    window="#15181c",
    card="#22272e",
    text="#f1f3f5",
    muted="#b9c1cc",
    accent="#78aeff",
    on_accent="#0b1626",
    hold="#f2b35b",
    release="#5fd0a5",
    danger="#ff8f86",
    border="#8a94a1",
    focus="#78aeff",
    selected="#1f3a5f",
    ink="#e6e9ee",
    illustration_accent="#6fa8ff",
)

_current: Theme = LIGHT


def contrast_ratio(a: str | QColor, b: str | QColor) -> float:
    """WCAG 2 contrast ratio between two opaque colours (1.0 to 21.0)."""
    la, lb = _luminance(QColor(a)), _luminance(QColor(b))
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def system_scheme() -> str:
    """``"dark"`` or ``"light"`` as the platform reports it (light when it does not say)."""
    app = QGuiApplication.instance()
    if app is None:
        return "light"
    hints = QGuiApplication.styleHints()  # keep the wrapper alive while asking it
    scheme = hints.colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def resolve_scheme(override: str, system: str) -> str:
    """The scheme to show: the override unless it is ``"system"``."""
    if override not in OVERRIDES:
        raise ValueError(f"theme must be one of {', '.join(OVERRIDES)}, not {override!r}")
    if override == "system":
        return "dark" if system == "dark" else "light"
    return override


def theme_for(override: str = "system") -> Theme:
    return DARK if resolve_scheme(override, system_scheme()) == "dark" else LIGHT


def current_theme() -> Theme:
    """The theme last passed to :func:`apply_theme` (light before that)."""
    return _current


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the style sheet (``heading``, ``title``, ``muted``, ``primary`` ...)."""
    widget.setProperty("role", role)
    if widget.style() is not None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def control_height(font: QFont) -> int:
    """The minimum height of a button or field: at least 56 px, more for a larger font."""
    return max(56, round(QFontMetricsF(font).height() * 2.0))


def check_mark_path(theme: Theme) -> str:
    """The tick drawn in a ticked check box (its colour is the theme's ``on_accent``), as
    a path for the style sheet's ``url()``; "" when the file is missing (a solid box then)."""
    try:
        return resources.path(f"icons/check-{theme.name}.svg").as_posix()
    except resources.ResourceError:
        return ""


def style_sheet(theme: Theme, family: str, base_pt: int = BASE_PT) -> str:
    """The app-wide style sheet: large type, big controls, clear focus rings."""
    base = QFont(family)
    base.setPointSizeF(base_pt)
    control_h = control_height(base)
    indicator = max(28, round(QFontMetricsF(base).height() * 1.1))
    radius = max(8, control_h // 6)
    rating = QFont(family)
    rating.setPointSizeF(RATING_PT)
    rating_line = QFontMetricsF(rating).height()
    rating_pad = round(rating_line * 0.8)  # room under the number for the check mark
    rating_h = round(rating_line * 1.3) + rating_pad
    scroll_w = max(16, round(QFontMetricsF(base).height() * 0.7))
    tick = check_mark_path(theme)
    t = theme
    return f"""
* {{ font-family: "{family}"; font-size: {base_pt}pt; }}
QWidget {{ color: {t.text}; }}
QMainWindow, QDialog, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {t.window};
}}
QLabel {{ background: transparent; }}
QLabel[role="heading"] {{ font-size: {HEADING_PT}pt; font-weight: 700; }}
QLabel[role="title"] {{ font-size: {TITLE_PT}pt; font-weight: 700; }}
QLabel[role="subtitle"] {{ font-size: {SUBTITLE_PT}pt; font-weight: 700; }}
QLabel[role="muted"] {{ color: {t.muted}; }}
QLabel[role="danger"] {{ color: {t.danger}; font-weight: 700; }}
QFrame[role="card"] {{
    background: {t.card}; border: 2px solid {t.border}; border-radius: {radius}px;
}}
QFrame[role="card-checked"] {{
    background: {t.selected}; border: 3px solid {t.text}; border-radius: {radius}px;
}}
QFrame[role="danger-card"] {{
    background: {t.card}; border: 4px solid {t.danger}; border-radius: {radius}px;
}}
QToolTip {{
    color: {t.text}; background: {t.card}; border: 2px solid {t.border}; padding: 6px;
}}

QPushButton {{
    min-height: {control_h}px; min-width: {control_h * 2}px; padding: 4px 28px;
    color: {t.text}; background: {t.card};
    border: 3px solid {t.border}; border-radius: {radius}px;
    font-weight: 700;
}}
QPushButton:hover {{ border-color: {t.text}; }}
QPushButton:focus {{ border: 5px solid {t.focus}; text-decoration: underline; }}
QPushButton:disabled {{ color: {t.muted}; background: {t.window}; border-style: dashed; }}
QPushButton[role="primary"] {{
    color: {t.on_accent}; background: {t.accent}; border-color: {t.accent};
}}
QPushButton[role="primary"]:hover {{ border-color: {t.text}; }}
QPushButton[role="primary"]:focus {{ border: 5px solid {t.text}; }}
QPushButton[role="primary"]:disabled {{
    color: {t.muted}; background: {t.window}; border: 3px dashed {t.border};
}}
QPushButton[role="rating"] {{
    font-size: {RATING_PT}pt; min-width: 0px;
    min-height: {rating_h}px; max-height: {rating_h}px;
    padding: 0px 2px {rating_pad}px 2px;
}}
QPushButton[role="rating"]:checked {{ background: {t.selected}; border: 6px solid {t.text}; }}
QPushButton[role="rating"]:focus {{ border: 6px solid {t.focus}; }}
QPushButton[role="rating"]:checked:focus {{ border: 6px solid {t.focus}; }}

QCheckBox {{
    spacing: {indicator // 2}px; padding: 4px 8px;
    border: 4px solid transparent; border-radius: {radius}px;
}}
QCheckBox:focus {{ border: 4px solid {t.focus}; }}
QCheckBox::indicator {{
    width: {indicator}px; height: {indicator}px;
    border: 3px solid {t.text}; border-radius: 6px; background: {t.card};
}}
QCheckBox::indicator:checked {{
    background: {t.accent}; border-color: {t.text}; image: url("{tick}");
}}
QCheckBox[role="strong"], QLabel[role="strong"] {{ font-weight: 700; }}

QScrollBar:vertical {{
    width: {scroll_w}px; background: {t.window}; border: none; margin: 0px;
}}
QScrollBar::handle:vertical {{
    background: {t.border}; min-height: {control_h}px;
    border-radius: {scroll_w // 2 - 3}px; margin: 3px;
}}
QScrollBar::handle:vertical:hover {{ background: {t.muted}; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; border: none; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}

QLineEdit {{
    min-height: {control_h - 8}px; padding: 2px 12px;
    color: {t.text}; background: {t.card};
    border: 3px solid {t.border}; border-radius: {radius}px;
    selection-background-color: {t.accent}; selection-color: {t.on_accent};
}}
QLineEdit:focus {{ border: 4px solid {t.focus}; }}
"""


def settings_style_sheet(theme: Theme, font: QFont) -> str:
    """The settings dialog's sheet over the app's (which sizes the rest): large spin boxes,
    radio buttons and the section list, for ``font`` (the app's font)."""
    fm = QFontMetricsF(font)
    h = control_height(font)
    indicator = max(28, round(fm.height() * 1.1))
    radius = max(8, h // 6)
    scroll_w = max(16, round(fm.height() * 0.7))  # as the app's vertical scroll bar
    t = theme
    return f"""
QAbstractSpinBox {{
    min-height: {h - 8}px; min-width: {round(fm.horizontalAdvance("100 %") + 36)}px;
    padding: 2px 12px;
    color: {t.text}; background: {t.card};
    border: 3px solid {t.border}; border-radius: {radius}px;
    selection-background-color: {t.accent}; selection-color: {t.on_accent};
}}
QAbstractSpinBox:focus {{ border: 4px solid {t.focus}; }}
QComboBox {{
    min-height: {h - 8}px; padding: 2px 12px;
    color: {t.text}; background: {t.card};
    border: 3px solid {t.border}; border-radius: {radius}px;
}}
QComboBox:focus {{ border: 4px solid {t.focus}; }}
QComboBox QAbstractItemView {{
    color: {t.text}; background: {t.card}; border: 2px solid {t.border};
    selection-background-color: {t.selected}; selection-color: {t.text};
}}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    width: 0px; border: none; image: none;
}}
QAbstractSpinBox QLineEdit {{
    min-height: 0px; padding: 0px; border: none; background: transparent;
}}
QAbstractSpinBox:disabled {{ color: {t.muted}; background: {t.window}; border-style: dashed; }}
QPushButton[role="step"] {{
    min-width: {h}px; max-width: {h}px; min-height: {h}px; max-height: {h}px;
    padding: 0px; font-size: {round(QFontInfo(font).pointSizeF() * 1.3)}pt;
}}
QCheckBox:disabled, QRadioButton:disabled, QLabel:disabled {{ color: {t.muted}; }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
    border: 3px dashed {t.border}; background: {t.window};
}}
QCheckBox::indicator:checked:disabled {{ background: {t.muted}; }}
QRadioButton {{
    spacing: {indicator // 2}px; padding: 4px 8px;
    border: 4px solid transparent; border-radius: {radius}px;
}}
QRadioButton:focus {{ border: 4px solid {t.focus}; }}
QRadioButton::indicator {{
    width: {indicator}px; height: {indicator}px; border-radius: {indicator // 2 + 2}px;
    border: 3px solid {t.text}; background: {t.card};
}}
QRadioButton::indicator:checked {{
    background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
        stop:0 {t.text}, stop:0.5 {t.text}, stop:0.56 {t.card}, stop:1 {t.card});
}}
QListWidget#sections {{
    background: {t.card}; border: 2px solid {t.border}; border-radius: {radius}px;
    padding: 6px; outline: none;
}}
QListWidget#sections::item {{
    min-height: {h - 8}px; padding: 0px 16px; border-radius: {radius}px;
    border: 3px solid transparent; color: {t.text};
}}
QListWidget#sections::item:selected {{
    background: {t.selected}; border: 3px solid {t.text}; color: {t.text}; font-weight: 700;
}}
QListWidget#sections:focus::item:selected {{ border: 4px solid {t.focus}; }}
QScrollArea, QWidget#page {{ background: {t.window}; }}
QAbstractScrollArea::corner {{ background: {t.window}; border: none; }}
QScrollBar:horizontal {{
    height: {scroll_w}px; background: {t.window}; border: none; margin: 0px;
}}
QScrollBar::handle:horizontal {{
    background: {t.border}; min-width: {h}px; border-radius: {scroll_w // 2 - 3}px; margin: 3px;
}}
QScrollBar::handle:horizontal:hover {{ background: {t.muted}; }}
QScrollBar::add-line:horizontal, QScrollBar::sub-line:horizontal {{ width: 0px; border: none; }}
QScrollBar::add-page:horizontal, QScrollBar::sub-page:horizontal {{ background: none; }}
"""


def palette(theme: Theme) -> QPalette:
    t = theme
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: t.window,
        QPalette.ColorRole.WindowText: t.text,
        QPalette.ColorRole.Base: t.card,
        QPalette.ColorRole.AlternateBase: t.window,
        QPalette.ColorRole.Text: t.text,
        QPalette.ColorRole.PlaceholderText: t.muted,
        QPalette.ColorRole.Button: t.card,
        QPalette.ColorRole.ButtonText: t.text,
        QPalette.ColorRole.BrightText: t.on_accent,
        QPalette.ColorRole.Highlight: t.accent,
        QPalette.ColorRole.HighlightedText: t.on_accent,
        QPalette.ColorRole.Link: t.accent,
        QPalette.ColorRole.LinkVisited: t.accent,
        QPalette.ColorRole.ToolTipBase: t.card,
        QPalette.ColorRole.ToolTipText: t.text,
        QPalette.ColorRole.Light: t.card,
        QPalette.ColorRole.Midlight: t.card,
        QPalette.ColorRole.Mid: t.border,
        QPalette.ColorRole.Dark: t.border,
        QPalette.ColorRole.Shadow: t.text,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(t.muted))
    return pal


def apply_theme(app: QApplication, theme: Theme, base_pt: int = BASE_PT) -> None:
    """Set the palette, the base font (Atkinson Hyperlegible) and the style sheet app-wide."""
    global _current
    _current = theme  # first: widgets that restyle on the palette change read it
    family = register_fonts()
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # honours the palette on every platform
    font = QFont(family)
    font.setPointSizeF(base_pt)
    app.setFont(font)
    app.setPalette(palette(theme))
    app.setStyleSheet(style_sheet(theme, family, base_pt))


class ThemeFollower(QObject):
    """Keeps the app's theme in step with the system scheme and the user's override."""

    themeChanged = Signal(object)  # the new Theme

    def __init__(self, app: QApplication, override: str = "system", parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self._override = "system"
        self._theme: Theme | None = None
        self._hints = QGuiApplication.styleHints()
        self._hints.colorSchemeChanged.connect(self._on_system_change)
        self.set_override(override)

    @property
    def theme(self) -> Theme:
        assert self._theme is not None
        return self._theme

    @property
    def override(self) -> str:
        return self._override

    def set_override(self, override: str) -> None:
        resolve_scheme(override, "light")  # validates
        self._override = override
        self._refresh()

    def _on_system_change(self, _scheme: Qt.ColorScheme) -> None:
        if self._override == "system":
            self._refresh()

    def _refresh(self) -> None:
        theme = theme_for(self._override)
        if theme == self._theme:
            return
        self._theme = theme
        apply_theme(self._app, theme)
        self.themeChanged.emit(theme)


def system_prefers_reduced_motion() -> bool:
    """The platform's motion preference (False when it does not say)."""
    if QGuiApplication.instance() is None:
        return False
    hints = QGuiApplication.styleHints()  # keep the wrapper alive while asking it
    try:
        # Qt 6.12 added motionPreference; before it, the platform cannot tell us
        preference = hints.accessibility().motionPreference()
    except (RuntimeError, AttributeError):
        return False
    return preference == Qt.MotionPreference.ReducedMotion


class Themed:
    """Mixin for a drawn widget that holds its own theme (None: follow the app's).

    ``set_theme`` stores it and, when it changed, calls :meth:`_on_theme_change`
    (repaint by default; override to rebuild a paint cache first); ``painted_theme``
    is what to paint with. Put it before the Qt class: ``class Dial(Themed, QWidget)``.
    """

    _theme: Theme | None = None

    def set_theme(self, theme: Theme | None) -> None:
        if theme != self._theme:
            self._theme = theme
            self._on_theme_change()

    def painted_theme(self) -> Theme:
        return self._theme or current_theme()

    def _on_theme_change(self) -> None:
        self.update()  # type: ignore[attr-defined]
