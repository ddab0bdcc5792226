"""Everything a person sees: the Qt side of BackCompanion (docs/ARCHITECTURE.md, "Layers").

The floor, at the top of this folder, is what every part of the interface may use:
``theme`` (colours, fonts, the style sheet), ``language`` (choosing and installing
the translation catalog) and ``settings_model`` (the person's settings over
QSettings). Above it, one subpackage per concern: ``widgets`` (drawn pieces with
no business rules), ``services`` (Qt objects with no window of their own: the
session bridge, screen-awake, cues, tray), ``home``, ``session_screens`` and
``progress`` (the pages), ``dialogs``, ``window`` (the main window that composes
them) and ``devtools`` (screenshots). tests/unit/test_layers.py says who may
import whom.
"""

import PySide6.QtCore  # noqa: F401  (loads shiboken's import hook, made quicker below)

from backcompanion.pyside_hook import quicken

quicken()  # every module imported from here on: see backcompanion/pyside_hook.py
