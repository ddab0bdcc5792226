"""Exercise illustrations: SVG files recoloured for the theme and rendered once per size.

The files (``resources/illustrations/NAME.svg``) use exactly two colours, ink
``#1f2937`` and accent ``#2f80ed``, a 400 x 300 viewBox, and show one-sided
exercises for the left side. Here the two colours become the theme's, the
drawing is rendered with QSvgRenderer into a QPixmap at the device pixel ratio,
mirrored for the right side when asked, and cached.
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
from backcompanion.ui.theme import Theme, current_theme

__all__ = [
    "ACCENT",
    "ASPECT",
    "INK",
    "IllustrationError",
    "IllustrationView",
    "cache_size",
    "clear_cache",
    "fitted_size",
    "recolored_svg",
    "render_illustration",
]

log = logging.getLogger(__name__)

INK = "#1f2937"
ACCENT = "#2f80ed"
ASPECT = 400 / 300  # width / height of every drawing's viewBox
_NAME = re.compile(r"^[a-z0-9_]+$")
_INK_RE = re.compile(re.escape(INK), re.IGNORECASE)
_ACCENT_RE = re.compile(re.escape(ACCENT), re.IGNORECASE)
_CACHE_MAX = 48

_cache: OrderedDict[tuple, QPixmap] = OrderedDict()
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


def render_illustration(
    name: str,
    size: QSize,
    theme: Theme | None = None,
    *,
    mirrored: bool = False,
    dpr: float = 1.0,
) -> QPixmap:
    """Illustration ``name`` as a pixmap of ``size`` logical pixels (the drawing keeps 4:3,
    centred), at device pixel ratio ``dpr``, mirrored left-right when asked. Cached."""
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
    while len(_cache) > _CACHE_MAX:
        _cache.popitem(last=False)
    return pixmap


def clear_cache() -> None:
    _cache.clear()
    _svg_text.clear()


def cache_size() -> int:
    return len(_cache)


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


class IllustrationView(QWidget):
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

    def set_theme(self, theme: Theme | None) -> None:
        if theme != self._theme:
            self._theme = theme
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
            box = fitted_size(self.width(), self.height())
            if not box.isEmpty():
                try:
                    self._pixmap = render_illustration(
                        self._name,
                        box,
                        self._theme or current_theme(),
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
