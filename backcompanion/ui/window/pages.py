"""The main window's pages, each built the first time it is needed.

Start-up builds the home page only (start-up time and memory). Every other
page has a factory that builds and wires it; :class:`PageRegistry` calls it on
first use, names the page and puts it in the window's stack. A session builds
its pages ahead, one per turn of the event loop, while the opening check-in
waits (:meth:`PageRegistry.build_in_turns`).

Each page added also empties :mod:`linecache`: PySide6's import hook reads the
source of every module imported (to see whether it uses PySide6) through
``inspect``, and linecache keeps every line of it, 4 MB for the app's modules,
for nothing but a traceback that may never come (it reads the file again then).
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget


class PageRegistry(QObject):
    def __init__(self, stack: QStackedWidget, parent: QObject | None = None):
        super().__init__(parent)
        self._stack = stack
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._built: dict[str, QWidget] = {}

    def add(self, name: str, page: QWidget) -> QWidget:
        """A page built already (the home page): named and put in the stack."""
        page.setObjectName(name)
        self._stack.addWidget(page)
        self._built[name] = page
        linecache.clearcache()  # the sources PySide6's import hook read for the page's modules
        return page

    def register(self, name: str, build: Callable[[], QWidget]) -> None:
        """``build()`` makes (and wires) the page called ``name`` when it is first asked for."""
        self._factories[name] = build

    def knows(self, name: str) -> bool:
        return name in self._built or name in self._factories

    def get(self, name: str) -> QWidget:
        """The page called ``name``, built the first time it is asked for."""
        page = self._built.get(name)
        if page is None:
            page = self.add(name, self._factories[name]())
        return page

    def built(self, name: str) -> QWidget | None:
        """The page called ``name`` if it is built, without building it."""
        return self._built.get(name)

    def built_names(self) -> set[str]:
        return set(self._built)

    def build_in_turns(self, names: Iterable[str], go_on: Callable[[], bool]) -> None:
        """Build those of ``names`` not built yet, one per turn of the event loop, in their
        order, for as long as ``go_on()`` says so (the first one at once)."""
        names = tuple(names)
        missing = [name for name in names if name not in self._built]
        if missing and go_on():
            self.get(missing[0])
            if len(missing) > 1:
                QTimer.singleShot(0, self, lambda: self.build_in_turns(names, go_on))


class PageAttr:
    """``window.exercise`` and the like: the registry's page of that name, built on first use.

    The owner keeps its registry in ``self.pages``.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: object, owner: type | None = None) -> QWidget | PageAttr:
        if window is None:
            return self  # the class attribute itself
        return window.pages.get(self.name)
