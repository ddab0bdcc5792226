"""The exercise illustrations: present, well-formed, two-colour themable, rendered by QtSvg."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRectF, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ILLUSTRATIONS = Path(__file__).resolve().parents[2] / "resources" / "illustrations"

EXPECTED = (
    "breathing_90_90_wall.svg",
    "breathing_90_90_chair.svg",
    "angry_cat.svg",
    "childs_pose.svg",
    "hamstring_stretch.svg",
    "piriformis_stretch.svg",
    "hip_flexor_stretch.svg",
    "pelvic_tilt.svg",
    "bridge.svg",
    "bird_dog.svg",
    "plank.svg",
    "knee_plank.svg",
)

INK = "#1f2937"
ACCENT = "#2f80ed"
ALLOWED_PAINT = {INK, ACCENT, "none"}
SVG_NS = "{http://www.w3.org/2000/svg}"
FORBIDDEN_TAGS = frozenset(
    [
        "text",
        "tspan",
        "textArea",
        "style",
        "image",
        "use",
        "script",
        "foreignObject",
        "font",
        "linearGradient",
        "radialGradient",
        "filter",
        "mask",
        "clipPath",
        "pattern",
        "a",
    ]
)
PAINT_ATTRS = {"fill", "stroke", "color", "stop-color", "solid-color", "viewport-fill"}
# Geometry and stroke attributes the drawings use; anything else (style, class, href,
# font-*, transform, ...) is a sign the file drifted from the house rules.
ALLOWED_ATTRS = PAINT_ATTRS | frozenset(
    [
        "xmlns",
        "version",
        "baseProfile",
        "viewBox",
        "d",
        "cx",
        "cy",
        "r",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "rx",
        "ry",
        "width",
        "height",
        "points",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-opacity",
        "stroke-miterlimit",
        "fill-rule",
    ]
)
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")

_APP: QGuiApplication | None = None


def _app() -> QGuiApplication:
    """The running Qt application, creating one if there is none yet.

    A QApplication is a QGuiApplication; creating that kind keeps the instance usable by
    widget tests that run later in the same process.
    """
    global _APP
    app = QGuiApplication.instance()
    if app is None:
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
    _APP = app
    return app


def _local(tag: str) -> str:
    return tag[len(SVG_NS) :] if tag.startswith(SVG_NS) else tag


def _all_svgs() -> list[str]:
    present = sorted(p.name for p in ILLUSTRATIONS.glob("*.svg")) if ILLUSTRATIONS.is_dir() else []
    return sorted(set(EXPECTED) | set(present))


def _render(text: str, background: str) -> tuple[QImage, QImage, list[str]]:
    """Render the SVG text at 400x300 onto background; return (image, blank, Qt warnings)."""
    _app()
    messages: list[str] = []

    def handler(mode: QtMsgType, _context: object, message: str) -> None:
        if mode != QtMsgType.QtDebugMsg and mode != QtMsgType.QtInfoMsg:
            messages.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
        assert renderer.isValid()
        blank = QImage(400, 300, QImage.Format.Format_ARGB32)
        blank.fill(QColor(background))
        image = blank.copy()
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, 400, 300))
        painter.end()
    finally:
        qInstallMessageHandler(previous)
    return image, blank, messages


def _differing_pixels(image: QImage, blank: QImage) -> int:
    a = bytes(image.constBits())
    b = bytes(blank.constBits())
    assert len(a) == len(b)
    return sum(a[i : i + 4] != b[i : i + 4] for i in range(0, len(a), 4))


@pytest.mark.parametrize("name", EXPECTED)
def test_expected_file_exists(name: str) -> None:
    assert (ILLUSTRATIONS / name).is_file(), f"missing illustration {name}"


def test_readme_names_the_colour_tokens_and_licence() -> None:
    text = (ILLUSTRATIONS / "README.md").read_text(encoding="utf-8")
    assert INK in text and ACCENT in text
    assert "MIT" in text
    assert "left" in text.lower()


@pytest.mark.parametrize("name", _all_svgs())
def test_svg_follows_the_house_rules(name: str) -> None:
    path = ILLUSTRATIONS / name
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # our own files: parse errors fail the test

    assert _local(root.tag) == "svg"
    assert root.tag == f"{SVG_NS}svg", "the root needs xmlns='http://www.w3.org/2000/svg'"
    assert root.get("viewBox") == "0 0 400 300"
    assert root.get("width") is None and root.get("height") is None

    lowered = text.lower()
    assert "xlink" not in lowered
    assert "href" not in lowered
    assert "url(" not in lowered
    assert "rgb(" not in lowered and "hsl(" not in lowered
    assert "<!doctype" not in lowered and "<!entity" not in lowered

    for el in root.iter():
        tag = _local(el.tag)
        assert tag not in FORBIDDEN_TAGS, f"{name}: <{tag}> is not allowed"
        assert not (el.text or "").strip(), f"{name}: <{tag}> holds text"
        for attr, value in el.attrib.items():
            attr_name = attr.split("}")[-1]
            assert attr_name in ALLOWED_ATTRS, f"{name}: attribute {attr_name!r} on <{tag}>"
            if attr_name in PAINT_ATTRS:
                assert value in ALLOWED_PAINT, f"{name}: {attr_name}={value!r}"
            if attr_name == "stroke-opacity":
                assert el.get("stroke") == INK, f"{name}: only the ink floor line may be faded"

    colours = {c.lower() for c in HEX.findall(text)}
    assert colours == {INK, ACCENT}, f"{name}: colours {sorted(colours)}"


@pytest.mark.parametrize("name", _all_svgs())
def test_svg_renders_in_qt(name: str) -> None:
    text = (ILLUSTRATIONS / name).read_text(encoding="utf-8")

    image, blank, messages = _render(text, "#ffffff")
    assert messages == [], f"{name}: Qt warned: {messages}"
    drawn = _differing_pixels(image, blank)
    assert drawn > 0.02 * 400 * 300, f"{name}: only {drawn} pixels drawn"

    # Dark theme by plain string replacement of the two tokens.
    dark = text.replace(INK, "#e5e7eb").replace(ACCENT, "#7fb2ff")
    assert INK not in dark and ACCENT not in dark
    image, blank, messages = _render(dark, "#111827")
    assert messages == [], f"{name}: Qt warned (dark): {messages}"
    assert _differing_pixels(image, blank) > 0.02 * 400 * 300, f"{name}: blank in the dark theme"
