"""Packaging files: the .desktop entry, the AppStream metainfo, the icons and the PyInstaller spec.

Fast: no build. The two freedesktop validators run when installed
(``apt-get install desktop-file-utils appstream``) and are skipped otherwise.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from backcompanion import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.backcompanion.BackCompanion"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
SPEC = PACKAGING / "backcompanion.spec"
SVG = ROOT / "resources" / "icons" / "backcompanion.svg"


def _render_icons():
    """packaging/render_icons.py as a module (packaging/ is not a package: PyPI owns the name)."""
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_icons = _render_icons()


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


# --- the .desktop file ----------------------------------------------------------------


def test_desktop_file_names_the_app_and_its_icon():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "BackCompanion"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    # Exec runs the script pyproject.toml installs (and the bundle's executable name)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(rf'^{re.escape(entry["Exec"])} = "backcompanion.cli:main"$', pyproject, re.M)


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (apt-get install desktop-file-utils)",
)
def test_desktop_file_validates():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    # not even a hint: the validator prints nothing for a clean file
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), result.stdout


# --- the AppStream metainfo -----------------------------------------------------------


def test_metainfo_describes_the_app():
    root = _metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.find("launchable[@type='desktop-id']").text == DESKTOP.name
    assert root.find("developer/name").text.strip()
    assert len(root.findall("description/p")) >= 2
    assert root.find("content_rating").get("type") == "oars-1.1"


def test_metainfo_has_release_notes_for_this_version():
    releases = _metainfo().findall("releases/release")
    assert releases, "no <release>"
    newest = releases[0]
    assert newest.get("version") == __version__
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", newest.get("date", ""))
    assert newest.find("description/p") is not None or newest.find("description/ul") is not None


def test_metainfo_screenshots_point_at_the_repository():
    shots = _metainfo().findall("screenshots/screenshot")
    assert shots, "no <screenshot>"
    assert [s.get("type") for s in shots].count("default") == 1
    for shot in shots:
        assert shot.findtext("caption", "").strip()
        url = shot.find("image").text.strip()
        assert re.fullmatch(
            r"https://raw\.githubusercontent\.com/.+/docs/screenshots/[\w.-]+\.png", url
        )


def test_metainfo_and_desktop_file_agree_on_categories():
    desktop = [c for c in _desktop_entry()["Categories"].split(";") if c]
    assert [c.text for c in _metainfo().findall("categories/category")] == desktop


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli is not installed (apt-get install appstream)",
)
def test_metainfo_validates():
    # --no-net: the screenshot URLs are only reachable once docs/screenshots/ is published
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # no errors and no warnings; infos are allowed (AppStream 0.16 does not know <developer>)
    problems = [line for line in result.stdout.splitlines() if re.match(r"[EW]: ", line)]
    assert not problems, result.stdout


# --- the icon --------------------------------------------------------------------------


def test_icon_svg_uses_two_colours():
    root = ET.parse(SVG).getroot()
    colours = {
        el.get(attr).lower()
        for el in root.iter()
        for attr in ("fill", "stroke")
        if el.get(attr) and el.get(attr) != "none"
    }
    assert len(colours) == 2, colours
    assert root.get("viewBox") == "0 0 128 128"


def test_desktop_icon_name_is_the_png_name():
    assert render_icons.APP_ID == _desktop_entry()["Icon"] == APP_ID


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256, 512])
def test_icon_png_matches_the_svg(qapp, size):
    from PySide6.QtGui import QImage

    assert size in render_icons.SIZES
    path = render_icons.png_path(size)
    assert path == (PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is missing or not a PNG"
    assert (image.width(), image.height()) == (size, size)
    # antialiasing may differ a little between Qt versions; a changed drawing does not pass
    difference = render_icons.pixel_difference(render_icons.render(size), image)
    assert difference < 0.01, (
        f"{path.name} at {size} px no longer matches {SVG.name}: "
        "run .venv/bin/python packaging/render_icons.py"
    )


def test_ico_holds_each_windows_size():
    data = render_icons.ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _planes, _bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sorted(sizes) == sorted(render_icons.ICO_SIZES)


def test_icns_holds_each_macos_size():
    data = render_icons.ICNS.read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, pos = [], 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        assert data[pos + 8 : pos + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        pos += length
    assert pos == len(data)
    assert kinds == [kind for kind, _ in render_icons.ICNS_TYPES]


# --- the PyInstaller spec ----------------------------------------------------------------


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def _spec_list(name: str) -> list[str]:
    for node in _spec_tree().body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} does not set {name}")


def test_spec_bundles_resources_fonts_and_the_launcher():
    text = SPEC.read_text(encoding="utf-8")
    # resources/ lands where backcompanion/resources.py looks: sys._MEIPASS/resources
    assert '(str(ROOT / "resources"), "resources")' in text
    assert "collect_data_files(FONT_PACKAGE)" in text
    assert 'FONT_PACKAGE = "fontpkg_atkinson_hyperlegible"' in text
    assert 'PACKAGING / "launcher.py"' in text
    assert (PACKAGING / "launcher.py").is_file()
    from backcompanion import fonts

    assert fonts.PACKAGE == "fontpkg_atkinson_hyperlegible"


def test_spec_keeps_every_qt_module_the_app_imports():
    """A Qt module imported by the app but excluded by the spec would fail only when frozen."""
    kept = set(_spec_list("QT_USED")) | set(_spec_list("QT_OPTIONAL"))
    imported = set()
    for path in (ROOT / "backcompanion").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.Qt\w+", path.read_text(encoding="utf-8")))
    assert imported, "no PySide6 module found: the scan is broken"
    assert imported <= kept, f"add to QT_USED in {SPEC.name}: {sorted(imported - kept)}"
    heavy = {"PySide6.QtWebEngineCore", "PySide6.QtQuick", "PySide6.QtQml", "PySide6.Qt3DCore"}
    assert not kept & heavy
