"""Windows: ``SetThreadExecutionState`` keeps the display (and the machine) awake.

``ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED`` holds until the
same thread sets ``ES_CONTINUOUS`` alone (the release) or the process ends
(a crash releases it too). Both calls come from the GUI thread. The system
flag keeps the machine from sleeping under a display kept on; it is what
video players ask for.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Any

log = logging.getLogger(__name__)

ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002
ES_CONTINUOUS = 0x80000000
KEEP_AWAKE = ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED


def _load_kernel32() -> Any | None:
    windll = getattr(ctypes, "WinDLL", None)  # only on Windows
    if windll is None:
        return None
    try:
        kernel32 = windll("kernel32", use_last_error=True)
        function = kernel32.SetThreadExecutionState
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_uint32]
    function.restype = ctypes.c_uint32  # EXECUTION_STATE: the previous state, 0 on failure
    return kernel32


class WindowsInhibitor:
    """The execution state of the GUI thread. ``kernel32`` is for tests (loaded lazily)."""

    name = "SetThreadExecutionState"

    def __init__(self, kernel32: Any | None = None):
        self._kernel32 = kernel32
        self._loaded = kernel32 is not None
        self._active = False

    @property
    def active(self) -> bool:
        return self._active

    def _lib(self) -> Any | None:
        if not self._loaded:
            self._loaded = True
            self._kernel32 = _load_kernel32()
            if self._kernel32 is None:
                log.info("SetThreadExecutionState is not available (not on Windows)")
        return self._kernel32

    def inhibit(self, reason: str) -> bool:
        if self._active:
            return True
        kernel32 = self._lib()
        if kernel32 is None:
            return False
        try:
            previous = kernel32.SetThreadExecutionState(KEEP_AWAKE)
        except OSError as exc:
            log.info("SetThreadExecutionState failed: %s", exc)
            return False
        if not previous:
            log.info("SetThreadExecutionState refused to keep the display on")
            return False
        self._active = True
        log.debug("SetThreadExecutionState(display required): %s", reason)
        return True

    def release(self) -> None:
        if not self._active:
            return
        self._active = False
        try:
            if not self._kernel32.SetThreadExecutionState(ES_CONTINUOUS):
                log.info("SetThreadExecutionState(ES_CONTINUOUS) failed")
        except OSError as exc:
            log.info("SetThreadExecutionState failed: %s", exc)
