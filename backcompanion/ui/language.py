"""Choosing and installing the language: our catalog, Qt's own, and the Qt-free hook.

The language follows the system locale unless the settings name one; it is
read at start-up (a change in the settings applies at the next start). Every
layer translates through :func:`backcompanion.i18n.translate`; this module
points that at ``QCoreApplication.translate`` once the translators are in.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from backcompanion import i18n, resources

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
CATALOG = "backcompanion"  # resources/translations/backcompanion_<code>.qm
QM_DIR_ENV = "BACKCOMPANION_QM_DIR"  # a folder of .qm files to use instead (translators' preview)


def catalog_dir() -> Path:
    override = os.environ.get(QM_DIR_ENV)
    if override:
        return Path(override)
    try:
        return resources.path("translations")
    except resources.ResourceError:  # a build without catalogs: English only
        return resources.root() / "translations"


_AUTONYMS = {
    "ca": "català",
    "de": "Deutsch",
    "en": "English",
    "es": "español",
    "eu": "euskara",
    "fr": "français",
    "gl": "galego",
    "it": "italiano",
    "nl": "Nederlands",
    "pt": "português",
}


def language_name(code: str, capital: bool = True) -> str:
    """A language in its own words: "English", "Español" (``capital=False``: "español")."""
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    base = QLocale.languageToCode(locale.language())
    name = _AUTONYMS.get(base) or locale.nativeLanguageName() or code
    if "_" in code or "-" in code:  # a chosen variant keeps its country: "português do Brasil"
        name = locale.nativeLanguageName() or name
    return name[:1].upper() + name[1:] if capital else name


def _codes() -> list[str]:
    """The languages with a compiled catalog, English (the source) first."""
    codes = {SOURCE_LANGUAGE}
    for qm in catalog_dir().glob(f"{CATALOG}_*.qm"):
        codes.add(qm.stem.removeprefix(f"{CATALOG}_"))
    return sorted(codes, key=lambda c: (c != SOURCE_LANGUAGE, c))


def available() -> dict[str, str]:
    """Language code -> its own name ("es" -> "Español"), English first."""
    return {code: language_name(code) for code in _codes()}


def choose(setting: str, system: QLocale | None = None) -> str:
    """The code to use: the setting's when it names a language we have, else the system's."""
    have = _codes()
    if setting and setting != "system":
        if setting in have:
            return setting
        base = setting.split("_")[0]
        if base in have:
            return base
    for name in (system or QLocale.system()).uiLanguages():
        code = name.replace("-", "_")
        for candidate in (code, code.split("_")[0]):
            if candidate in have:
                return candidate
    return SOURCE_LANGUAGE


@dataclass
class Installed:
    code: str
    translators: list[QTranslator] = field(default_factory=list)  # kept alive here
    locale_before: QLocale | None = None  # the default locale it replaced

    def remove(self) -> None:
        """Take the catalogs out and give back the default locale (numbers, dates) from before."""
        for t in self.translators:
            QCoreApplication.removeTranslator(t)
        self.translators.clear()
        i18n.install(None)
        if self.locale_before is not None:
            QLocale.setDefault(self.locale_before)


def install(code: str, app: QCoreApplication | None = None) -> Installed:
    """Load the catalogs for ``code`` into the application and route translate() to Qt.

    Kept alive by the application; :meth:`Installed.remove` takes them out again.
    """
    app = app or QCoreApplication.instance()
    done = Installed(code, locale_before=QLocale())
    QLocale.setDefault(QLocale(code))
    if code != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"{CATALOG}_{code}", str(catalog_dir())):
            done.translators.append(ours)
        else:
            log.warning("no translation catalog for %s in %s", code, catalog_dir())
        qt = QTranslator(app)
        if qt.load(
            QLocale(code),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            done.translators.append(qt)  # Qt's own words: OK, Cancel, Close...
    for t in done.translators:
        QCoreApplication.installTranslator(t)
    # English has no catalog: translate() keeps its plain English path (and the program
    # and safety texts their read-once objects) instead of a call into Qt for each text
    i18n.install(QCoreApplication.translate if done.translators else None)
    return done
