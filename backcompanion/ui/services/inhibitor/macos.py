"""macOS: an IOKit power assertion that prevents idle display sleep.

``IOPMAssertionCreateWithName("PreventUserIdleDisplaySleep", kIOPMAssertionLevelOn,
reason, &id)`` holds until ``IOPMAssertionRelease(id)`` or the process ends (a
crash releases it too). The two strings are CoreFoundation strings made with
``CFStringCreateWithCString`` and released after the call. It shows in
``pmset -g assertions`` with the reason.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from typing import Any

log = logging.getLogger(__name__)

IOKIT = "/System/Library/Frameworks/IOKit.framework/IOKit"
CORE_FOUNDATION = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
PREVENT_DISPLAY_SLEEP = (
    b"PreventUserIdleDisplaySleep"  # kIOPMAssertionTypePreventUserIdleDisplaySleep
)
LEVEL_ON = 255  # kIOPMAssertionLevelOn
UTF8 = 0x08000100  # kCFStringEncodingUTF8
SUCCESS = 0  # kIOReturnSuccess


def _load(path: str, name: str) -> Any | None:
    try:
        return ctypes.cdll.LoadLibrary(ctypes.util.find_library(name) or path)
    except OSError:
        return None


def _load_frameworks() -> tuple[Any, Any] | None:
    if sys.platform != "darwin":
        return None
    iokit, cf = _load(IOKIT, "IOKit"), _load(CORE_FOUNDATION, "CoreFoundation")
    if iokit is None or cf is None:
        return None
    try:
        cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
        cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        cf.CFRelease.argtypes = [ctypes.c_void_p]
        cf.CFRelease.restype = None
        iokit.IOPMAssertionCreateWithName.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint32,
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_uint32),
        ]
        iokit.IOPMAssertionCreateWithName.restype = ctypes.c_int32
        iokit.IOPMAssertionRelease.argtypes = [ctypes.c_uint32]
        iokit.IOPMAssertionRelease.restype = ctypes.c_int32
    except AttributeError:  # a library of that name that is not the framework
        return None
    return iokit, cf


class MacInhibitor:
    """One IOKit assertion. ``iokit`` and ``cf`` are for tests (loaded lazily)."""

    name = "IOPMAssertion PreventUserIdleDisplaySleep"

    def __init__(self, iokit: Any | None = None, cf: Any | None = None):
        self._libs = (iokit, cf) if iokit is not None and cf is not None else None
        self._loaded = self._libs is not None
        self._assertion: int | None = None

    @property
    def active(self) -> bool:
        return self._assertion is not None

    def _frameworks(self) -> tuple[Any, Any] | None:
        if not self._loaded:
            self._loaded = True
            self._libs = _load_frameworks()
            if self._libs is None:
                log.info("IOKit power assertions are not available (not on macOS)")
        return self._libs

    def inhibit(self, reason: str) -> bool:
        if self._assertion is not None:
            return True
        libs = self._frameworks()
        if libs is None:
            return False
        iokit, cf = libs
        kind = cf.CFStringCreateWithCString(None, PREVENT_DISPLAY_SLEEP, UTF8)
        why = cf.CFStringCreateWithCString(None, reason.encode("utf-8"), UTF8)
        try:
            if not kind or not why:
                log.info("could not make the strings for an IOKit assertion")
                return False
            assertion = ctypes.c_uint32(0)
            result = iokit.IOPMAssertionCreateWithName(kind, LEVEL_ON, why, ctypes.byref(assertion))
        finally:
            for string in (kind, why):
                if string:
                    cf.CFRelease(string)
        if result != SUCCESS:
            log.info("IOPMAssertionCreateWithName failed: 0x%08x", result & 0xFFFFFFFF)
            return False
        self._assertion = assertion.value
        log.debug("IOKit assertion %d: %s", self._assertion, reason)
        return True

    def release(self) -> None:
        if self._assertion is None:
            return
        assertion, self._assertion = self._assertion, None
        iokit, _cf = self._libs
        result = iokit.IOPMAssertionRelease(assertion)
        if result != SUCCESS:
            log.info("IOPMAssertionRelease(%d) failed: 0x%08x", assertion, result & 0xFFFFFFFF)
