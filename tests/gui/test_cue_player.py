"""The cue player: follows the bridge and the settings; never raises, never warns.

Most tests use a fake backend that records what it was asked to play and say.
The real QSoundEffect/QTextToSpeech path runs too: this machine has no sound
output, and Qt's "mock" speech engine stands in for a voice. The add-on missing
is simulated by hiding the modules in ``sys.modules``.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale, QSettings

from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, SessionEngine, State
from backcompanion.ui.dialogs.settings import SettingsDialog
from backcompanion.ui.services import cue_player as cues_module
from backcompanion.ui.services.bridge import SessionBridge
from backcompanion.ui.services.cue_player import CuePlayer, QtCueBackend, attach_cues, shared_player
from backcompanion.ui.settings_model import Settings
from tests.unit.test_cues import plan

WALL = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
NO_OUTPUT = "No sound output found"


class FakeBackend:
    def __init__(self, sound_why: str = "", voice_why: str = "", broken: bool = False):
        self.calls: list[tuple] = []
        self.sound_why, self.voice_why, self.broken = sound_why, voice_why, broken

    def sound_problem(self) -> str:
        return self.sound_why

    def voice_problem(self) -> str:
        return self.voice_why

    def play(self, sound: str, volume: int) -> None:
        if self.broken:
            raise RuntimeError("the sound card caught fire")
        self.calls.append(("play", sound, volume))

    def say(self, text: str, volume: int) -> None:
        if self.broken:
            raise RuntimeError("the voice went hoarse")
        self.calls.append(("say", text, volume))


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def english():
    before = QLocale()
    QLocale.setDefault(QLocale("en"))
    yield
    QLocale.setDefault(before)


class Rig:
    """A real bridge and engine on a fake clock, a player with a fake backend."""

    def __init__(self, settings: Settings, backend: FakeBackend | None = None):
        self.clock = FakeClock()
        self.bridge = SessionBridge(clock=self.clock, sleep_offset=lambda: None)
        self.made: list[FakeBackend] = []
        self.backend = backend or FakeBackend()

        def make(owner):
            self.made.append(self.backend)
            return self.backend

        self.player = CuePlayer(settings, self.bridge, make_backend=make)
        self.player.follow(self.bridge)
        self.engine = SessionEngine(plan(), self.clock, lambda: WALL)
        self.bridge.attach(self.engine)

    def start(self) -> None:
        self.bridge.send(Event.START)
        self.bridge.send(Event.CHECK_IN, rating=2)

    def tick(self) -> None:
        self.clock.advance(self.engine.next_deadline() - self.clock.now)
        self.bridge._on_tick()  # what the one-shot timer does

    def run_until(self, state: State) -> None:
        for _ in range(2000):
            if self.engine.state is state:
                return
            self.tick()
        raise AssertionError(state)

    def close(self) -> None:
        self.bridge.detach()


@pytest.fixture
def rig(qtbot, settings):
    r = Rig(settings)
    yield r
    r.close()


def test_both_cues_are_off_by_default_and_nothing_is_loaded(rig):
    rig.start()
    rig.run_until(State.STRETCHING)
    assert rig.made == []  # no backend: QtMultimedia is not even imported


def test_sound_cues_play_tones_at_the_volume_set(rig, settings):
    settings.sound_cues = True
    settings.sound_volume = 40
    rig.start()
    rig.run_until(State.STRETCHING)
    assert rig.backend.calls[:3] == [
        ("play", "inhale", 40),
        ("play", "exhale", 40),
        ("play", "inhale", 40),
    ]
    assert all(call[0] == "play" for call in rig.backend.calls)  # the voice is off
    assert rig.backend.calls[-1] == ("play", "next", 40)


def test_voice_cues_say_the_words_and_follow_the_settings_live(rig, settings):
    settings.voice_cues = True
    rig.start()
    assert rig.backend.calls == [("say", "Breathe in", 80)]
    settings.voice_volume = 30  # the dialog's OK, in the middle of a session
    settings.sound_cues = True
    rig.tick()  # a second passes: no cue
    rig.tick()
    rig.tick()
    rig.tick()  # 4 s: breathe out
    assert rig.backend.calls[-2:] == [("play", "exhale", 60), ("say", "Breathe out", 30)]
    settings.voice_cues = False
    settings.sound_cues = False
    before = len(rig.backend.calls)
    rig.run_until(State.STRETCHING)
    assert len(rig.backend.calls) == before


def test_pacer_frames_give_the_breathing_cue_once(rig, settings):
    settings.sound_cues = True
    rig.start()
    rig.clock.advance(4.005)  # a frame just after the phase change, before the timer
    rig.bridge.breathFrame.emit(rig.engine.breath_at(rig.clock()))
    rig.bridge.breathFrame.emit(rig.engine.breath_at(rig.clock()))
    rig.engine.update()
    assert [c[1] for c in rig.backend.calls] == ["inhale", "exhale"]


def test_a_cue_that_cannot_play_is_reported_once_and_skipped(qtbot, settings, caplog):
    rig = Rig(settings, FakeBackend(sound_why=NO_OUTPUT, voice_why="No voice installed"))
    try:
        settings.sound_cues = settings.voice_cues = True
        with caplog.at_level("INFO", logger="backcompanion.ui.services.cue_player"):
            rig.start()
            rig.run_until(State.STRETCHING)
        assert rig.backend.calls == []
        reports = [r.getMessage() for r in caplog.records if "cannot play" in r.getMessage()]
        assert len(reports) == 2 and NO_OUTPUT in reports[0]
    finally:
        rig.close()


def test_a_failing_backend_never_stops_the_session(qtbot, settings, caplog):
    rig = Rig(settings, FakeBackend(broken=True))
    try:
        settings.sound_cues = settings.voice_cues = True
        with caplog.at_level("CRITICAL", logger="backcompanion.ui.services.cue_player"):
            rig.start()
            rig.run_until(State.STRETCHING)
        assert rig.engine.state is State.STRETCHING
    finally:
        rig.close()


def test_attach_cues_makes_the_player_the_dialog_uses(qtbot, settings, monkeypatch):
    monkeypatch.setattr(cues_module, "_current", None)
    bridge = SessionBridge(clock=FakeClock(), sleep_offset=lambda: None)
    player = attach_cues(bridge, settings)
    assert player.parent() is bridge
    assert shared_player(settings) is player
    assert bridge.receivers("2changed(PyObject)") >= 1
    assert bridge.receivers("2breathFrame(PyObject)") >= 1


# -- the real Qt path, where there is no sound device ------------------------------------


def test_the_real_backend_without_a_sound_device(qtbot, english):
    backend = QtCueBackend(engines=["mock"])
    problem = backend.sound_problem()  # imports QtMultimedia, quietly
    from PySide6.QtMultimedia import QMediaDevices

    if QMediaDevices.audioOutputs():
        pytest.skip("this machine has a sound output")
    assert problem == NO_OUTPUT
    backend.play("inhale", 60)  # nothing happens, nothing is raised or printed
    assert backend.voice_problem() == ""  # the mock engine speaks English
    backend.say("Breathe in", 50)
    backend.say("Breathe out", 50)  # stops the first if it still speaks


def test_the_real_backend_has_no_voice_for_a_language_it_lacks(qtbot):
    before = QLocale()
    QLocale.setDefault(QLocale("es"))
    try:
        backend = QtCueBackend(engines=["mock"])  # English, Finnish and Norwegian only
        assert backend.voice_problem() == "No voice installed for español"
        backend.say("Inspira", 50)
    finally:
        QLocale.setDefault(before)


def test_the_real_backend_skips_mock_and_broken_engines(qtbot, english):
    backend = QtCueBackend()  # "mock" is not a voice; speechd here lacks libspeechd
    problem = backend.voice_problem()
    assert isinstance(problem, str)  # "" where a real voice is installed
    backend.say("Breathe in", 50)


def test_the_real_player_with_cues_on_and_no_device(rig_real):
    rig_real.start()
    rig_real.run_until(State.STRETCHING)
    assert rig_real.engine.state is State.STRETCHING


@pytest.fixture
def rig_real(qtbot, settings, english):
    settings.sound_cues = settings.voice_cues = True
    r = Rig(settings)
    r.player._make_backend = lambda owner: QtCueBackend(owner, engines=["mock"])
    r.player._backend = None
    yield r
    r.close()


def test_without_the_add_on_the_player_says_how_to_get_it(qtbot, settings, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    player = CuePlayer(settings)
    for why in (player.sound_problem(), player.voice_problem()):
        assert why == "Install BackCompanion's sound extra: pip install 'backcompanion[sound]'"
    settings.sound_cues = settings.voice_cues = True
    player.play_test_sound()
    player.say_test_phrase()
    d = SettingsDialog(settings, cues=player)
    qtbot.addWidget(d)
    assert (
        not d.parts["sound"].sound_check.isEnabled()
        and not d.parts["sound"].voice_test_button.isEnabled()
    )
    assert "backcompanion[sound]" in d.parts["sound"].sound_reason.text()


# -- the settings dialog with a cue player ------------------------------------------------


def test_the_dialog_shows_why_and_tests_at_the_volume_shown(qtbot, light, settings):
    backend = FakeBackend(voice_why="No voice installed for español")
    player = CuePlayer(settings, backend=backend)
    d = SettingsDialog(settings, cues=player)
    qtbot.addWidget(d)
    d.show_page("sound")
    assert d.parts["sound"].sound_check.isEnabled() and d.parts["sound"].sound_reason.isHidden()
    assert (
        not d.parts["sound"].voice_check.isEnabled()
        and not d.parts["sound"].voice_test_button.isEnabled()
    )
    assert d.parts["sound"].voice_reason.text() == "No voice installed for español"
    assert not d.parts["sound"].voice_reason.isHidden()
    d.parts["sound"].sound_volume_spin.setValue(20)
    d.parts["sound"].sound_test_button.click()
    assert backend.calls == [("play", "inhale", 20)]


def test_the_dialog_says_a_test_phrase(qtbot, light, settings):
    backend = FakeBackend()
    d = SettingsDialog(settings, cues=CuePlayer(settings, backend=backend))
    qtbot.addWidget(d)
    d.parts["sound"].voice_volume_spin.setValue(70)
    d.parts["sound"].voice_test_button.click()
    assert backend.calls == [("say", "Breathe in", 70)]


def test_the_language_list_follows_the_system_or_names_one(qtbot, light, settings, monkeypatch):
    from backcompanion.ui import language

    monkeypatch.setattr(language, "available", lambda: {"en": "English", "es": "Español"})
    d = SettingsDialog(settings, cues=CuePlayer(settings, backend=FakeBackend()))
    qtbot.addWidget(d)
    combo = d.parts["look"].language_combo
    assert combo.currentData() == "system"
    assert combo.itemText(0).startswith("Follow the system (")
    codes = [combo.itemData(i) for i in range(combo.count())]
    assert codes == ["system", "en", "es"]
    assert combo.itemText(codes.index("es")) == "Español"
    combo.setCurrentIndex(codes.index("es"))
    d.accept()
    assert settings.language == "es"
