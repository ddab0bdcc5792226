"""Watching an X display for the first window an app maps (Xlib through ctypes, no extra package).

The watcher listens to the root window's SubstructureNotify events: every
top-level window that is mapped sends a MapNotify, which arrives the moment
the server maps it. Override-redirect windows (menus, tooltips) and windows
smaller than ``MIN_SIDE`` pixels (helpers some toolkits map) are skipped, so
what is seen is a window a person would see. Waiting is a ``select`` on the
connection, not polling, so the watcher takes no CPU from the app it times.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import select
import time

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
MIN_SIDE = 50


class _MapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _Event(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", _MapEvent), ("pad", ctypes.c_long * 24)]


class _Attributes(ctypes.Structure):  # the start of XWindowAttributes; the rest is padding
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("rest", ctypes.c_char * 256),
    ]


def xlib() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("X11")
    if not name:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XGetWindowAttributes.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.POINTER(_Attributes),
    ]
    lib.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
    lib.XSetErrorHandler.restype = ctypes.c_void_p
    lib.XSetErrorHandler.argtypes = [ctypes.c_void_p]
    return lib


# A window can be gone before its attributes are asked for: ignore X errors instead of exiting.
_HANDLER_TYPE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_IGNORE = _HANDLER_TYPE(lambda _display, _error: 0)


class MapWatcher:
    """``with MapWatcher(":1") as w: w.arm(); spawn(); w.first_map(deadline)``."""

    def __init__(self, display: str) -> None:
        self.lib = xlib()
        if self.lib is None:
            raise OSError("libX11 not found")
        self.dpy = self.lib.XOpenDisplay(display.encode())
        if not self.dpy:
            raise OSError(f"cannot open X display {display}")
        self.lib.XSetErrorHandler(ctypes.cast(_IGNORE, ctypes.c_void_p))
        self.root = self.lib.XDefaultRootWindow(self.dpy)
        self.lib.XSelectInput(self.dpy, self.root, SUBSTRUCTURE_NOTIFY_MASK)
        self.lib.XSync(self.dpy, 0)
        self.fd = self.lib.XConnectionNumber(self.dpy)

    def __enter__(self) -> MapWatcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.dpy:
            self.lib.XCloseDisplay(self.dpy)
            self.dpy = None

    def arm(self) -> None:
        """Forget every event so far (windows of an earlier run)."""
        self.lib.XSync(self.dpy, 0)
        event = _Event()
        while self.lib.XPending(self.dpy):
            self.lib.XNextEvent(self.dpy, ctypes.byref(event))

    def _seen(self, window: int) -> tuple[int, int, str] | None:
        attrs = _Attributes()
        if not self.lib.XGetWindowAttributes(self.dpy, window, ctypes.byref(attrs)):
            return None
        if attrs.width < MIN_SIDE or attrs.height < MIN_SIDE:
            return None
        name = ctypes.c_char_p()
        self.lib.XFetchName(self.dpy, window, ctypes.byref(name))
        title = name.value.decode(errors="replace") if name.value else ""
        return attrs.width, attrs.height, title

    def first_map(self, deadline: float) -> dict | None:
        """The first top-level window mapped before ``deadline`` (monotonic), or None."""
        event = _Event()
        while True:
            while self.lib.XPending(self.dpy):
                self.lib.XNextEvent(self.dpy, ctypes.byref(event))
                now = time.monotonic()
                if event.type != MAP_NOTIFY:
                    continue
                m = event.xmap
                if m.event != self.root or m.override_redirect:
                    continue
                seen = self._seen(m.window)
                if seen:
                    width, height, title = seen
                    return {"mono": now, "width": width, "height": height, "title": title}
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            select.select([self.fd], [], [], min(left, 0.5))
