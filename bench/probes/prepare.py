"""Make a folder and a settings file look like a returning user's, before start-up is timed.

``--data-dir D``: answer the red-flag questions now in D's store (so the home
page shows, not the safety check), unless ``--no-check``. The app's default
QSettings (under ``XDG_CONFIG_HOME``, which the parent points at a temporary
folder) gets ``first_start_done``, so the welcome page does not show.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.probes.common import arg, emit


def main() -> None:
    from PySide6.QtCore import QCoreApplication, QSettings

    from backcompanion import APP_NAME, ORG_NAME
    from backcompanion.companion import Companion
    from backcompanion.history import Store
    from backcompanion.program import builtin_program
    from backcompanion.session.rules import load_rules
    from backcompanion.ui.settings_model import Settings

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QCoreApplication([])
    settings = Settings(QSettings())
    settings.first_start_done = True
    settings.sync()
    folder = arg("--data-dir")
    if folder and "--no-check" not in sys.argv:
        program = builtin_program()
        with Store.open(Path(folder), phases={e.id: e.phase.value for e in program.exercises}) as s:
            Companion(program, load_rules(), s).record_red_flags(())
    emit({"settings": settings.file_name})
    del app


if __name__ == "__main__":
    main()
