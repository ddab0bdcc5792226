"""Builds the QApplication and wires the parts together: store, rules, program, window.

Only this module and ``cli.py`` know every part.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from backcompanion import APP_NAME, ORG_NAME
from backcompanion.i18n import translate

log = logging.getLogger(__name__)
DEMO_DAYS = 42
DESKTOP_ID = "io.github.backcompanion.BackCompanion"
USER_PROGRAM = "program.yaml"  # a user's own program in the data folder overrides the built-in


def make_qapp(argv: list[str] | None = None):
    """The QApplication with names, font and theme; reused when one exists (tests)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from backcompanion import resources
    from backcompanion.fonts import register_fonts

    app = QApplication.instance()
    if app is None:
        QApplication.setOrganizationName(ORG_NAME)
        QApplication.setApplicationName(APP_NAME)
        QApplication.setApplicationDisplayName(APP_NAME)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        # Wayland matches the window to the desktop file and its icon by this id
        QApplication.setDesktopFileName(DESKTOP_ID)
        QApplication.setWindowIcon(QIcon(str(resources.path("icons/backcompanion.svg"))))
    register_fonts()
    return app


def load_program_for(folder: Path):
    """The user's program.yaml from the data folder when valid, else the built-in one.

    Returns (program, problem): ``problem`` is one line naming file, line and field
    when the user's file was refused, and saying that the built-in program is in use.
    A file over ``MAX_FILE_BYTES`` is refused before it is parsed.
    """
    from backcompanion.program import DataError, builtin_program, load_program_file

    own = folder / USER_PROGRAM
    if own.is_file():
        try:
            return load_program_file(own), None
        except DataError as exc:
            problem = translate("App", "{problem}. The built-in program is in use instead.")
            return builtin_program(), problem.format(problem=exc)
    return builtin_program(), None


def settings_file() -> Path | None:
    """Where ``QSettings()`` keeps the settings, found without reading them; None where
    they are not a file of ours (the Windows registry)."""
    from PySide6.QtCore import QStandardPaths

    if os.name != "posix" or sys.platform == "darwin":  # the registry; a plist Qt names
        return None
    location = QStandardPaths.StandardLocation.GenericConfigLocation
    return Path(QStandardPaths.writableLocation(location)) / ORG_NAME / f"{APP_NAME}.conf"


def set_aside_huge_settings(path: Path | None = None) -> str | None:
    """A settings file larger than any real one is moved aside before Qt reads it.

    Returns one line for the person (what, where, and that the defaults are in use),
    or None when the file is fine. Nothing is deleted.
    """
    from backcompanion.program.yamlcheck import MAX_FILE_BYTES

    path = path if path is not None else settings_file()
    try:
        if path is None or not path.is_file() or path.stat().st_size <= MAX_FILE_BYTES:
            return None
        aside = path.with_name(path.name + ".too-big")
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"{path.name}.too-big-{n}")
        os.replace(path, aside)
    except OSError as exc:
        log.warning("could not look at the settings file %s: %s", path, exc)
        return None
    return translate(
        "App",
        "The settings file {file} is larger than 1 MB, far more than settings need, so it "
        "was not read: it was kept as {aside}, and the default settings are in use.",
    ).format(file=path, aside=aside.name)


def open_store_with_recovery(folder: Path, program, backup: bool = True):
    """Open the store; a corrupt file is moved aside and the newest backup restored.

    Returns (store, message for the user or None). A store written by a newer
    version raises StoreError: the caller tells the user and stops.
    """
    from backcompanion.history import CorruptStoreError, Store, recover

    phases = {e.id: e.phase.value for e in program.exercises}
    message = None
    try:
        store = Store.open(folder, phases=phases)
    except CorruptStoreError:
        result = recover(folder)
        message = result.message
        store = Store.open(folder, phases=phases)
    if backup:
        daily_backup(store)
    return store, message


def daily_backup(store) -> None:
    """The day's backup; run after the window is on screen (ten years take ~0.5 s)."""
    from backcompanion.history import daily_backup_if_due

    try:
        daily_backup_if_due(store, date.today())
    except Exception as exc:  # a failed backup must never stop the app
        log.warning("daily backup failed: %s", exc)


def private_settings(qsettings) -> None:
    """The settings file holds the person's name: readable by the user only (POSIX)."""
    qsettings.sync()
    path = Path(qsettings.fileName())
    if os.name == "posix" and path.is_file():
        try:
            path.chmod(0o600)
        except OSError as exc:
            log.info("could not make %s private: %s", path, exc)


def fill_demo(folder: Path) -> None:
    from backcompanion.history import Store
    from backcompanion.program import builtin_program
    from backcompanion.session.rules import load_rules
    from backcompanion.simulate import simulate

    program = builtin_program()
    with Store.open(folder, phases={e.id: e.phase.value for e in program.exercises}) as store:
        simulate(
            store, program, load_rules(), DEMO_DAYS, date.today() - timedelta(days=DEMO_DAYS), 42
        )


def run_app(data_dir: Path | None = None, demo: bool = False) -> int:
    # the interface first: it makes PySide6's import hook quicker for every module after it
    from backcompanion.ui import language  # isort: skip
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QMessageBox

    from backcompanion.companion import Companion
    from backcompanion.history import StoreError, settled_data_dir
    from backcompanion.session.rules import load_rules
    from backcompanion.ui.services.inhibitor import make_inhibitor
    from backcompanion.ui.services.inhibitor.lazy import LazyInhibitor
    from backcompanion.ui.settings_model import Settings
    from backcompanion.ui.theme import ThemeFollower
    from backcompanion.ui.window.main_window import MainWindow

    started = time.perf_counter()
    app = make_qapp()
    demo_dir = None
    folder_note = None  # the history moved out of the old doubled folder, or could not
    settings_note = None  # a settings file too big to read was set aside
    if demo:
        import tempfile

        demo_dir = tempfile.TemporaryDirectory(prefix="backcompanion-demo-")
        folder = Path(demo_dir.name)
        fill_demo(folder)
        qsettings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        qsettings.setValue("app/first_start_done", True)
    else:
        if data_dir is None:
            settled = settled_data_dir()
            folder, folder_note = settled.folder, settled.message
        else:
            folder = data_dir
        settings_note = set_aside_huge_settings()  # before Qt reads it
        qsettings = QSettings()
    claim = None
    if not demo:  # one window per data folder: a second start brings the first up
        claim = _claim_folder(folder)
        if isinstance(claim, int):
            return claim
    settings = Settings(qsettings)
    language.install(language.choose(settings.language), app)
    follower = ThemeFollower(app, settings.theme)
    settings.changed.connect(lambda name: name == "theme" and follower.set_override(settings.theme))

    program, program_problem = load_program_for(folder)
    try:
        # the day's backup waits until the window is on screen (below)
        store, recovery_message = open_store_with_recovery(folder, program, backup=False)
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        if claim is not None:
            claim.release()
        return 2
    except OSError as exc:
        from backcompanion.history.errors import folder_problem

        QMessageBox.critical(None, APP_NAME, folder_problem(folder, exc))
        if claim is not None:
            claim.release()
        return 2
    companion = Companion(program, load_rules(), store)
    window = MainWindow(
        companion,
        settings,
        demo=demo,
        open_settings=lambda parent: _open_settings(parent, settings, store, window.tray),
        export_summary=lambda parent: _export(parent, companion, settings),
        inhibitor=LazyInhibitor(make_inhibitor),  # QtDBus loads when a session first asks
    )
    if claim is not None:
        claim.raiseRequested.connect(window.bring_to_front)
    # the cue player, the tray and the desktop's notification service (which may ask the
    # session bus) come once the window has painted: nothing on the first screen needs them
    after_first_paint(window, lambda: start_services(app, window, settings))
    window.show()
    QTimer.singleShot(1000, lambda: daily_backup(store))
    problems = [folder_note, settings_note, recovery_message, program_problem]
    for problem in [*problems, *settings.take_problems()]:
        if problem:
            window.message.setText(problem)
            QMessageBox.warning(window, APP_NAME, problem)
    if os.environ.get("BACKCOMPANION_EXIT_AFTER_FIRST_PAINT"):
        from backcompanion.ui.window.first_paint import FirstPaint

        watcher = FirstPaint(window, started)  # for `make bench`: time to the first painted window
        watcher.painted.connect(app.quit)
    try:
        return app.exec()
    finally:
        if window.tray is not None:
            window.tray.shutdown()
        store.close()
        if claim is not None:
            claim.release()
        private_settings(qsettings)
        if demo_dir is not None:
            demo_dir.cleanup()


def _claim_folder(folder: Path):
    """The window's claim on ``folder`` (``backcompanion.instance``), or the exit status
    when this start must end: 0 when the window already open on it came to the front."""
    from PySide6.QtWidgets import QMessageBox

    from backcompanion.history.errors import folder_problem
    from backcompanion.instance import Outcome, claim_for_window

    try:
        outcome, claim = claim_for_window(folder)
    except OSError as exc:
        QMessageBox.critical(None, APP_NAME, folder_problem(folder, exc))
        return 2
    if outcome == Outcome.RAISED:
        log.info("BackCompanion is already open on %s: it was brought to the front", folder)
        return 0
    if outcome == Outcome.BUSY:
        QMessageBox.critical(
            None,
            APP_NAME,
            translate(
                "App",
                "Another BackCompanion is writing to {folder}. Try again in a moment.",
            ).format(folder=folder),
        )
        return 2
    return claim


def after_first_paint(window, start, fallback_ms: int = 2000) -> None:
    """``start()`` once, two turns of the event loop after ``window``'s first paint (the
    frame is on screen then, and whatever else the paint queued has run), or after
    ``fallback_ms`` if no paint comes (a window that starts hidden)."""
    from PySide6.QtCore import QTimer

    from backcompanion.ui.window.first_paint import FirstPaint

    done = []

    def once() -> None:
        if not done:
            done.append(True)
            start()

    FirstPaint(window).painted.connect(lambda: QTimer.singleShot(0, window, once))
    QTimer.singleShot(fallback_ms, window, once)


def start_services(app, window, settings) -> None:
    """What the window needs but its first paint does not: the sound and voice cues, the
    reminders (the desktop's notification service first on Linux, then the tray)."""
    from PySide6.QtCore import Qt

    from backcompanion.ui.services.cue_player import attach_cues
    from backcompanion.ui.services.notifications import make_notifier
    from backcompanion.ui.services.tray import TrayController

    attach_cues(window.bridge, settings)  # sound and voice cues (off unless chosen)
    tray = TrayController(
        settings, quiet=window.bridge.is_running, notifier=make_notifier(), parent=app
    )
    connect_tray(tray, window)
    app.applicationStateChanged.connect(
        lambda state: state == Qt.ApplicationState.ApplicationActive and tray.check_now()
    )


def connect_tray(tray, window) -> None:
    """The tray's (and the desktop notification's) requests to the window: "Start now"
    brings the window up with the opening check-in; the last resort for a reminder is
    the window's status line."""
    window.tray = tray
    tray.openRequested.connect(window.bring_to_front)
    tray.startRequested.connect(lambda: (window.bring_to_front(), window.start_session()))
    tray.quitRequested.connect(window.quit_app)
    tray.reminderDue.connect(window.show_reminder)


def _open_settings(parent, settings, store, tray=None) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from backcompanion.history import backup_now
    from backcompanion.ui.dialogs.settings import SettingsDialog
    from backcompanion.ui.services.tray import TrayController

    def backup() -> str:
        try:
            path = backup_now(store)
        except Exception as exc:
            return translate("App", "The backup failed: {reason}").format(reason=exc)
        return translate("App", "Backed up to {path}").format(path=path)

    SettingsDialog.ask(
        parent,
        settings,
        data_folder=str(store.data_dir),
        open_data_folder=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(store.data_dir))),
        backup_now=backup,
        tray_problem=tray.explanation if tray else TrayController.unavailable_reason(),
    )


def _export(parent, companion, settings) -> None:
    try:
        from backcompanion.ui.dialogs.export_dialog import export_week_interactive
    except ImportError:
        return
    export_week_interactive(
        parent,
        companion.store,
        companion.program,
        companion.rules,
        settings,
        companion.wall(),
        plan_program=companion.base_program,
    )
