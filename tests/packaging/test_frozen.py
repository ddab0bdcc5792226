"""The frozen app: build packaging/backcompanion.spec with PyInstaller and run what it made.

Slow (a build takes about half a minute): ``make package-test`` runs it, after
installing PyInstaller, which is not one of the project's dependencies.
Everything runs offscreen, in temporary folders, with a private HOME.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from backcompanion import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "backcompanion.spec"
METAINFO = ROOT / "packaging" / "linux" / "io.github.backcompanion.BackCompanion.metainfo.xml"
IS_WIN = sys.platform == "win32"
# A budget for the Linux folder (about 110 MB in 0.1.0): a Qt add-on pulled in by
# mistake (WebEngine alone is several hundred MB) breaks it.
SIZE_BUDGET_MB = 150


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The one-folder app, built once for this module; returns its folder."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: `make package-test` installs it")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist" / "backcompanion"


@pytest.fixture
def run(bundle, tmp_path):
    """Run the frozen executable with a private HOME, offscreen, outside the source tree."""
    exe = bundle / ("backcompanion.exe" if IS_WIN else "backcompanion")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / "config"),
        XDG_DATA_HOME=str(tmp_path / "home" / "share"),
    )
    (tmp_path / "home").mkdir()

    def _run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(exe), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    return _run


def test_version(run):
    result = run("--version")
    assert result.returncode == 0, result.stderr
    if not IS_WIN:  # a windowed .exe has no stdout to print to
        assert result.stdout.strip() == f"BackCompanion {__version__}"


def test_screenshots(run, tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "shots"
    result = run("screenshots", "--out", str(out))
    assert result.returncode == 0, result.stderr[-4000:]
    pngs = sorted(out.glob("*.png"))
    assert len(pngs) >= 2, result.stdout
    for png in pngs:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png.name
    # every screenshot the metainfo shows is one the app makes, at the size it states
    for image in ET.parse(METAINFO).getroot().iterfind("screenshots/screenshot/image"):
        name = image.text.strip().rsplit("/", 1)[-1]
        assert (out / name).is_file(), f"the metainfo shows {name}, which the app does not make"
        shot = QImage(str(out / name))
        assert (shot.width(), shot.height()) == (int(image.get("width")), int(image.get("height")))


def test_commands_write_the_history_pdf_and_csv(run, tmp_path):
    data = tmp_path / "data"
    result = run("simulate", "--days", "21", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    result = run("export-summary", "--data-dir", str(data), "--out", str(tmp_path / "week.pdf"))
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / "week.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"AtkinsonHyperlegible" in pdf, "the bundled font did not reach the PDF"
    result = run("export-history", "--data-dir", str(data), "--out", str(tmp_path / "all.csv"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "all.csv").stat().st_size > 0


def test_bundle_carries_what_the_app_needs_and_no_more(bundle):
    internal = bundle / "_internal"
    files = {p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file()}
    for name in (
        "resources/program.yaml",
        "resources/progression.yaml",
        "resources/figure/poses.yaml",
        "resources/icons/backcompanion.svg",
        "resources/translations/backcompanion_es.qm",
        "resources/sounds/inhale.wav",
        "fontpkg_atkinson_hyperlegible/LICENSE",
        *(
            f"fontpkg_atkinson_hyperlegible/files/AtkinsonHyperlegible-{style}.ttf"
            for style in ("Regular", "Bold", "Italic", "BoldItalic")
        ),
        "LICENSE",
    ):
        assert name in files, f"the bundle lacks {name}"
    lowered = " ".join(sorted(files)).lower()
    assert not any(f.startswith("resources/illustrations/") for f in files)  # figures are drawn
    for heavy in ("webengine", "qt6quick", "qt6qml", "qt63d", "qt6pdf", "qt6charts"):
        assert heavy not in lowered, f"the bundle carries {heavy}"
    # the app never opens a network socket (tests/e2e/test_privacy.py): no QtNetwork module;
    # its C++ library comes only as a link dependency of QtMultimedia / QtTextToSpeech,
    # which a build with the 'sound' extra bundles
    assert "pyside6/qtnetwork" not in lowered, "the bundle carries the QtNetwork module"
    if "libqt6network" in lowered:
        assert "libqt6multimedia" in lowered or "libqt6texttospeech" in lowered
    qt_translations = {
        Path(f).name for f in files if "/translations/" in f and f.startswith("PySide6/")
    }
    languages = {name.rsplit(".", 1)[0].split("_", 1)[1] for name in qt_translations}
    assert languages <= {"en", "es"} | _app_languages(), sorted(qt_translations)


def _app_languages() -> set[str]:
    folder = ROOT / "resources" / "translations"
    return {
        p.stem.split("_", 1)[1].split("_")[0].lower()
        for p in folder.glob("*_*")
        if p.suffix in (".qm", ".ts")
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the budget is for Linux")
def test_bundle_size(bundle):
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < SIZE_BUDGET_MB * 2**20, f"{size / 2**20:.0f} MB"
