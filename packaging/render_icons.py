"""Render the app icon (resources/icons/backcompanion.svg) to every file a platform needs.

    .venv/bin/python packaging/render_icons.py           write the files
    .venv/bin/python packaging/render_icons.py --check   exit 1 when a file is out of date

Writes, from the one SVG, with QSvgRenderer offscreen (no display needed):

* ``packaging/icons/hicolor/<N>x<N>/apps/io.github.backcompanion.BackCompanion.png``
  for N in 16, 32, 48, 64, 128, 256, 512 (Linux: the freedesktop icon theme);
* ``packaging/icons/backcompanion.ico`` (Windows: PyInstaller's ``icon=``, Inno Setup);
* ``packaging/icons/backcompanion.icns`` (macOS: the .app bundle).

Run it again after changing the SVG; ``tests/packaging/test_desktop_files.py``
fails while the PNGs no longer match the drawing.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "backcompanion.svg"
ICONS = ROOT / "packaging" / "icons"
APP_ID = "io.github.backcompanion.BackCompanion"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO = ICONS / "backcompanion.ico"
ICNS = ICONS / "backcompanion.icns"
# Windows picks the nearest size for 100-250 % scaling; 256 is the largest an .ico holds.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# macOS icon types that hold PNG data, with their pixel size (ic11-ic14 are the @2x ones).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def png_path(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def ensure_app():
    """A QGuiApplication (offscreen unless one exists already, as in the tests)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])


def render(size: int, svg: Path = SVG):
    """The icon as a straight-alpha ARGB32 QImage of ``size`` x ``size`` pixels."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise OSError("Qt could not encode a PNG")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (Windows Vista and later read these)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG data for each type in ICNS_TYPES."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def pixel_difference(a, b) -> float:
    """The share of pixels (0..1) where two same-sized images differ by more than 16 levels.

    0 for identical images; small differences come from another Qt's antialiasing.
    """
    from PySide6.QtGui import QImage

    if a.size() != b.size():
        return 1.0
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    da, db = bytes(a.constBits()), bytes(b.constBits())
    if da == db:
        return 0.0
    differing = sum(
        1 for i in range(0, len(da), 4) if max(abs(da[i + k] - db[i + k]) for k in range(4)) > 16
    )
    return differing / (a.width() * a.height())


def outputs() -> dict[Path, bytes]:
    """Every file this script writes, with its content."""
    ensure_app()
    wanted = set(SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: png_bytes(render(size)) for size in sorted(wanted)}
    files = {png_path(size): pngs[size] for size in SIZES}
    files[ICO] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files[ICNS] = icns_bytes(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--check", action="store_true", help="only report files that are missing or out of date"
    )
    args = parser.parse_args(argv)
    stale = []
    for path, data in outputs().items():
        if path.is_file() and path.read_bytes() == data:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for path in stale:
        verb = "out of date" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(ROOT)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
