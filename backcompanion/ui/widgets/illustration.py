"""Exercise illustrations: SVG files recoloured for the theme and rendered once per size.

The files (``resources/illustrations/NAME.svg``) use exactly two colours, ink
``#1f2937`` and accent ``#2f80ed``, a 400 x 300 viewBox, and show one-sided
exercises for the left side. Here the two colours become the theme's, the
drawing is rendered with QSvgRenderer into a QPixmap at the device pixel ratio,
mirrored for the right side when asked, and cached.

The cache is bounded by bytes (``CACHE_BYTES``, device pixels x 4), least
recently used out first. The views ask for sizes snapped down to a grid of
``SIZE_STEP`` x ``SIZE_STEP * 3/4`` logical pixels (:func:`snapped_size`), so a window
resized by a few pixels reuses the pixmap it has instead of rendering and
keeping another one. Snapping down (not up) keeps every pixmap drawn 1:1 at
its own size: never scaled, so never blurred, and at most ``SIZE_STEP - 1``
pixels narrower than the space it has, centred in it.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict

from PySide6.QtCore import QByteArray, QEvent, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from backcompanion import resources
from backcompanion.ui.theme import Theme, Themed, current_theme

__all__ = [
    "ACCENT",
    "ASPECT",
    "CACHE_BYTES",
    "INK",
    "SIZE_STEP",
    "IllustrationError",
    "IllustrationView",
    "cache_bytes",
    "cache_size",
    "clear_cache",
    "fitted_size",
    "pixmap_bytes",
    "recolored_svg",
    "render_illustration",
    "snapped_size",
]

log = logging.getLogger(__name__)

INK = "#1f2937"
ACCENT = "#2f80ed"
ASPECT = 400 / 300  # width / height of every drawing's viewBox
_NAME = re.compile(r"^[a-z0-9_]+$")
_INK_RE = re.compile(re.escape(INK), re.IGNORECASE)
_ACCENT_RE = re.compile(re.escape(ACCENT), re.IGNORECASE)
CACHE_BYTES = 4 * 2**20  # the cache keeps at most this many bytes of pixmaps (but the newest)
SIZE_STEP = 8  # views ask for widths in steps of 8 logical px (heights in steps of 6: 4:3)

_cache: OrderedDict[tuple, QPixmap] = OrderedDict()  # least recently used first
_cache_bytes = 0
_svg_text: dict[str, str] = {}


class IllustrationError(LookupError):
    """An illustration that is missing or not a valid SVG."""


def recolored_svg(name: str, theme: Theme) -> bytes:
    """The SVG of illustration ``name`` with ink and accent replaced by the theme's colours."""
    text = _read_svg(name)
    text = _INK_RE.sub(theme.ink, text)
    text = _ACCENT_RE.sub(theme.illustration_accent, text)
    return text.encode("utf-8")


def fitted_size(width: int, height: int) -> QSize:
    """The largest 4:3 size inside ``width`` x ``height`` (logical pixels)."""
    width, height = max(0, width), max(0, height)
    if width <= 0 or height <= 0:
        return QSize(0, 0)
    if width / height > ASPECT:
        return QSize(max(1, round(height * ASPECT)), height)
    return QSize(width, max(1, round(width / ASPECT)))


def snapped_size(width: int, height: int, step: int = SIZE_STEP) -> QSize:
    """The largest 4:3 size inside ``width`` x ``height`` whose width is a multiple of ``step``
    (a multiple of 4, so the height ``width * 3/4`` is whole); below one step, the fitted size."""
    box = fitted_size(width, height)
    step = max(4, step - step % 4)
    w = box.width() - box.width() % step
    if w <= 0:
        return box
    return QSize(w, w * 3 // 4)


def pixmap_bytes(pixmap: QPixmap) -> int:
    """What a pixmap holds in memory (device pixels x bytes per pixel)."""
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth()) // 8


def render_illustration(
    name: str,
    size: QSize,
    theme: Theme | None = None,
    *,
    mirrored: bool = False,
    dpr: float = 1.0,
) -> QPixmap:
    """Illustration ``name`` as a pixmap of ``size`` logical pixels (the drawing keeps 4:3,
    centred), at device pixel ratio ``dpr``, mirrored left-right when asked.

    Cached by exact size, least recently used out first once the cache holds more than
    ``CACHE_BYTES`` (the pixmap just made always stays). Pass a :func:`snapped_size` to
    share entries across small resizes."""
    global _cache_bytes
    theme = theme or current_theme()
    w, h = max(0, size.width()), max(0, size.height())
    dpr = max(0.5, float(dpr))
    key = (name, w, h, theme, mirrored, round(dpr, 3))
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    if mirrored:
        image = render_illustration(name, QSize(w, h), theme, dpr=dpr).toImage()
        image = image.flipped(Qt.Orientation.Horizontal)
    else:
        image = _render(name, w, h, theme, dpr)
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(dpr)
    _cache[key] = pixmap
    _cache_bytes += pixmap_bytes(pixmap)
    while _cache_bytes > CACHE_BYTES and len(_cache) > 1:
        _, old = _cache.popitem(last=False)
        _cache_bytes -= pixmap_bytes(old)
    return pixmap


def clear_cache() -> None:
    global _cache_bytes
    _cache.clear()
    _cache_bytes = 0
    _svg_text.clear()


def cache_size() -> int:
    """How many pixmaps the cache holds."""
    return len(_cache)


def cache_bytes() -> int:
    """How many bytes of pixmaps the cache holds (at most ``CACHE_BYTES``, or one pixmap)."""
    return _cache_bytes


def _read_svg(name: str) -> str:
    if not _NAME.match(name):
        raise IllustrationError(f"not an illustration name: {name!r}")
    text = _svg_text.get(name)
    if text is None:
        try:
            text = resources.read_text(f"illustrations/{name}.svg")
        except (resources.ResourceError, OSError, UnicodeDecodeError) as exc:
            raise IllustrationError(f"illustration {name!r} is not available: {exc}") from None
        _svg_text[name] = text
    return text


def _render(name: str, w: int, h: int, theme: Theme, dpr: float) -> QImage:
    pw, ph = max(1, round(w * dpr)), max(1, round(h * dpr))
    image = QImage(pw, ph, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(recolored_svg(name, theme)))
    if not renderer.isValid():
        raise IllustrationError(f"illustration {name!r} is not a valid SVG")
    box = fitted_size(pw, ph)
    target = QRectF(QPointF((pw - box.width()) / 2, (ph - box.height()) / 2), QSizeF(box))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, target)
    painter.end()
    return image


class IllustrationView(Themed, QWidget):
    """Shows one illustration at the largest 4:3 size that fits; paints a cached pixmap only."""

    def __init__(
        self,
        name: str | None = None,
        *,
        mirrored: bool = False,
        theme: Theme | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._name = name
        self._mirrored = mirrored
        self._theme = theme
        self._pixmap = QPixmap()
        self._origin = QPointF(0, 0)
        self._missing = False
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 120)
        # the first pixmap is rendered on the first resize, at the real size

    # ---- API ----

    def name(self) -> str | None:
        return self._name

    def is_mirrored(self) -> bool:
        return self._mirrored

    def is_missing(self) -> bool:
        """True when the illustration could not be loaded (the view then stays empty)."""
        return self._missing

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def set_illustration(
        self, name: str | None, mirrored: bool = False, description: str = ""
    ) -> None:
        if description:
            self.setAccessibleDescription(description)
        if (name, mirrored) == (self._name, self._mirrored):
            return
        self._name, self._mirrored = name, mirrored
        self._rebuild()

    def _on_theme_change(self) -> None:
        self._rebuild()

    # ---- QWidget ----

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width / ASPECT)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._theme is None:
            self._rebuild()  # apply_theme() sets a new palette: follow the app theme

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._rebuild()
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pixmap.isNull():
            return
        painter = QPainter(self)
        painter.drawPixmap(self._origin, self._pixmap)

    # ---- internals ----

    def _rebuild(self) -> None:
        self._missing = False
        self._pixmap = QPixmap()
        if self._name:
            box = snapped_size(self.width(), self.height())  # small resizes share a pixmap
            if not box.isEmpty():
                try:
                    self._pixmap = render_illustration(
                        self._name,
                        box,
                        self.painted_theme(),
                        mirrored=self._mirrored,
                        dpr=self.devicePixelRatioF(),
                    )
                except IllustrationError as exc:
                    self._missing = True
                    log.info("%s", exc)
                self._origin = QPointF(
                    (self.width() - box.width()) / 2, (self.height() - box.height()) / 2
                )
        self.update()
