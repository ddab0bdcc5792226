"""A quicker check in PySide6's import hook (start-up time and memory; ARCHITECTURE §10).

Once PySide6 is loaded, shiboken calls ``shibokensupport.feature.feature_imported`` after
every import, and it asks ``_mod_uses_pyside(module)`` whether the module's source
mentions "PySide6" (for the ``__feature__`` switches, which this app does not use). It
reads the source through ``inspect.getsource``, which goes through ``linecache`` and
keeps every line of every module imported after PySide6: about 0.17 ms a module, 28 ms
for the ~170 modules of a start to the home page, and 4 MB of memory.

:func:`quicken` puts a check with the same answer in its place: for a module loaded from
a ``.py`` file it reads the file's bytes and looks for ``b"PySide6"`` (a few
microseconds, nothing kept); any other module (built in, compiled, from a zip) goes to
PySide6's own check, as before. This module imports no Qt: it only acts when PySide6
is loaded already, and does nothing when PySide6's internals are not as expected.
"""

from __future__ import annotations

import sys
from types import ModuleType

__all__ = ["quicken"]

_FEATURE = "shibokensupport.feature"


def quicken() -> bool:
    """Replace PySide6's source check by :func:`_uses_pyside` (once); True when in place."""
    feature = sys.modules.get(_FEATURE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "__wrapped__", None) is not None:
        return True  # done already

    def uses_pyside(module: ModuleType) -> bool:
        found = _uses_pyside(module)
        return original(module) if found is None else found

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
    return True


def _uses_pyside(module: ModuleType) -> bool | None:
    """Whether a module loaded from a ``.py`` file mentions PySide6; None for any other
    module (or a file that cannot be read), which PySide6's own check then answers."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return None
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return None
