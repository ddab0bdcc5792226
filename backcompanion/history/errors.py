"""What can go wrong with the history file, in terms the app can act on."""

from __future__ import annotations

from pathlib import Path

from backcompanion.i18n import translate


class StoreError(Exception):
    """The history cannot be used as it is; ``str()`` is one line to show the user."""


class CorruptStoreError(StoreError):
    """The file is damaged or is not a history file: ``history.recover`` sets it aside.

    ``path`` is the file (or whatever is in its place) that could not be read.
    """

    def __init__(self, path: Path, detail: str):
        self.path = path
        super().__init__(
            translate("StoreError", "the history file {path} cannot be read ({detail})").format(
                path=path, detail=detail
            )
        )
