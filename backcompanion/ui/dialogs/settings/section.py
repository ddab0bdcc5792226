"""What every page of the settings dialog is: a :class:`Section`.

A section builds its controls into the page's column, lists the settings they
show as :class:`Field` rows (each setting written once: its name, how to read
the control, how to show a value), and keeps its controls' enabling in
:meth:`Section.refresh`. The dialog only composes the sections.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QAbstractSpinBox, QFormLayout, QLabel, QTimeEdit, QVBoxLayout, QWidget

from backcompanion.ui.dialogs.settings.controls import Stepper

__all__ = ["Field", "Section"]


@dataclass(frozen=True)
class Field:
    """One setting as the controls show it: ``get()`` reads them, ``set(value)`` shows a value."""

    name: str  # as Settings.NAMES
    get: Callable[[], Any]
    set: Callable[[Any], None]


class Section:
    """One page of the settings dialog: its controls, the settings they show, their enabling.

    Texts go through ``translate("SettingsDialog", ...)``: they were the dialog's
    own (``self.tr``) and keep its translation context.
    """

    def __init__(self) -> None:
        self._steppers: dict[QAbstractSpinBox, Stepper] = {}

    def title(self) -> str:
        """The page's heading and its entry in the section list."""
        raise NotImplementedError

    def build(self, column: QVBoxLayout) -> None:
        """Put the controls in ``column``, top to bottom (the page adds the heading)."""
        raise NotImplementedError

    def fields(self) -> tuple[Field, ...]:
        """The settings this page shows, in the order OK writes them (after :meth:`build`)."""
        return ()

    def refresh(self) -> None:
        """Enable the controls the values allow and show what follows from them."""

    def values(self) -> dict[str, Any]:
        """Setting name -> value, as the controls show them now."""
        return {field.name: field.get() for field in self.fields()}

    def load(self, values: Mapping[str, Any]) -> None:
        """Show the values this page has a control for (other names are ignored)."""
        for field in self.fields():
            if field.name in values:
                field.set(values[field.name])
        self.refresh()

    def _row(self, form: QFormLayout, text: str, widget: QWidget, name: str | None = None) -> None:
        """A label and its control; a spin box goes in a :class:`Stepper`."""
        label = QLabel(text)
        label.setBuddy(widget)
        name = name or text.replace("&", "")
        if isinstance(widget, QAbstractSpinBox):
            if isinstance(widget, QTimeEdit):  # the buttons move by a quarter of an hour
                stepper = Stepper(
                    widget,
                    down=lambda: widget.setTime(widget.time().addSecs(-15 * 60)),
                    up=lambda: widget.setTime(widget.time().addSecs(15 * 60)),
                )
            else:
                stepper = Stepper(widget)
            stepper.set_accessible_name(name)
            self._steppers[widget] = stepper
            shown: QWidget = stepper
        else:
            widget.setAccessibleName(name)
            shown = widget
        form.addRow(label, shown)

    def _stepper(self, spin: QAbstractSpinBox) -> Stepper:
        """The stepper around a spin box put in by :meth:`_row` (enable that, not the box)."""
        return self._steppers[spin]
