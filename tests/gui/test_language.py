"""Choosing and installing the language (ui/language.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from backcompanion import i18n
from backcompanion.program.safety import load_safety
from backcompanion.ui import language


@pytest.fixture
def restore_locale():
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_the_shipped_languages_are_english_and_spanish(qapp):
    assert list(language.available()) == ["en", "es"]
    assert language.available()["es"] == "Español"


@pytest.mark.parametrize(
    ("setting", "system", "chosen"),
    [
        ("system", "es_MX", "es"),  # a country we have no catalog for: its language
        ("system", "fr_FR", "en"),  # a language we lack: English
        ("es", "en_GB", "es"),  # the setting wins over the system
        ("es_AR", "en_GB", "es"),
        ("pt_BR", "es_ES", "es"),  # a setting we lack: the system's
    ],
)
def test_choose_follows_the_setting_then_the_system(qapp, setting, system, chosen):
    assert language.choose(setting, QLocale(system)) == chosen


def test_spanish_translates_every_layer_and_english_stays_plain(qapp, restore_locale):
    english_flags = load_safety()
    spanish = language.install("es", qapp)
    try:
        assert i18n.installed()
        assert i18n.translate("MainWindow", "&Quit") != "&Quit"
        assert load_safety().red_flag_check.none != english_flags.red_flag_check.none
        assert i18n.format_decimal(4.5) == "4,5"
    finally:
        spanish.remove()
    english = language.install("en", qapp)
    try:
        assert not english.translators and not i18n.installed()
        assert load_safety() is english_flags  # the read-once English texts, no copy
        assert i18n.translate("HomePage", "%n session(s) so far.", None, 1) == "1 session so far."
    finally:
        english.remove()


def test_without_catalogs_only_english_is_offered(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv(language.QM_DIR_ENV, str(tmp_path))
    assert list(language.available()) == ["en"]
    assert language.choose("es", QLocale("es_ES")) == "en"


def test_removing_a_language_gives_back_the_number_format_from_before(qapp, restore_locale):
    QLocale.setDefault(QLocale("en_GB"))
    spanish = language.install("es", qapp)
    assert QLocale().toString(3.8, "f", 1) == "3,8"
    spanish.remove()
    assert QLocale().toString(3.8, "f", 1) == "3.8"
