"""Sound and voice cues during a session: short tones and a few spoken words.

:class:`CuePlayer` listens to the session bridge (``changed`` and
``breathFrame``), asks :class:`~backcompanion.session.cues.CueTracker` which cue
is due and gives it: a tone with ``QSoundEffect`` when the sound cues are on, the
words with ``QTextToSpeech`` when the voice cues are on. Both are off by default,
both have a volume, and the settings are followed live.

QtMultimedia and QtTextToSpeech come from PySide6-Addons, an optional extra
(``pip install 'backcompanion[sound]'``); they are imported on first use, never
at start-up. When the add-on is missing, when the machine has no sound output,
or when no voice speaks the app's language, the player says why
(:meth:`CuePlayer.sound_problem`, :meth:`CuePlayer.voice_problem`; the settings
dialog shows it) and does nothing else: it never raises and never waits.

The app wires it with one line once the main window exists::

    attach_cues(window.bridge, settings)
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from PySide6.QtCore import (
    QLocale,
    QLoggingCategory,
    QObject,
    QtMsgType,
    QUrl,
    qInstallMessageHandler,
)

from backcompanion import resources
from backcompanion.i18n import translate
from backcompanion.session.breathing import BreathState
from backcompanion.session.cues import SOUNDS, Cue, CueKind, CueTracker, sample_phrase
from backcompanion.session.engine import Snapshot
from backcompanion.ui.language import language_name
from backcompanion.ui.settings_model import Settings

__all__ = [
    "CueBackend",
    "CuePlayer",
    "QtCueBackend",
    "addon_problem",
    "attach_cues",
    "language_name",
    "shared_player",
]

log = logging.getLogger(__name__)

_SETTINGS = ("sound_cues", "sound_volume", "voice_cues", "voice_volume")
# What Qt prints when a machine has no sound server, no speech-dispatcher or no
# video acceleration: expected where cues cannot play, and said once, in the
# settings, in words a person can act on. Only these are hidden, and only while
# the add-on is being set up.
_NOISE = (
    "PulseAudioService:",
    "No QtMultimedia backends found",
    "Error loading text-to-speech plug-in",
    "QSoundEffect: playback of this format is not supported",
)
_NOISY_CATEGORIES = ("qt.multimedia.symbolsresolver",)
_rules_set = False
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def addon_problem() -> str:
    return translate(
        "CuePlayer", "Install BackCompanion's sound extra: pip install 'backcompanion[sound]'"
    )


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Hide Qt's messages about missing sound and speech services while the block runs.

    Everything else goes to the message handler that was there before (pytest-qt's
    in the tests), or to this module's log when Qt's own handler was in place.
    """
    previous: Callable[..., Any] | None = None

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        category = getattr(context, "category", "") or ""
        if category in _NOISY_CATEGORIES or message.startswith(_NOISE):
            log.debug("Qt (%s): %s", category, message)
        elif previous is not None:
            previous(kind, context, message)
        else:
            log.log(_LEVELS.get(kind, logging.WARNING), "Qt (%s): %s", category, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _import(module: str) -> Any:
    """``PySide6.<module>``, imported quietly; raises ImportError when it is not installed."""
    global _rules_set
    if not _rules_set:
        # "Couldn't load pipewire-0.3 library": QtMultimedia tries PipeWire, then PulseAudio
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        _rules_set = True
    with _quiet():
        return __import__(f"PySide6.{module}", fromlist=[module])


# A language's own name without a country: Qt 6.11's nativeLanguageName() gives
# "español de España" and "American English" for plain "es" and "en".
def _wanted_locale() -> QLocale:
    """The app's language (language.install sets the default); the C locale reads as English."""
    want = QLocale()
    return QLocale("en") if want.language() == QLocale.Language.C else want


class CueBackend(Protocol):
    """What plays the cues (the Qt one below; the tests pass a fake that records calls)."""

    def sound_problem(self) -> str: ...  # "" when sounds can play, else why not

    def voice_problem(self) -> str: ...

    def play(self, sound: str, volume: int) -> None: ...  # volume 0-100

    def say(self, text: str, volume: int) -> None: ...


def _speechd_problem() -> str:
    from backcompanion.ui.services import (
        speechd,  # sockets and subprocesses: only when a voice is sought
    )

    return speechd.problem()


class QtCueBackend(QObject):
    """Tones through ``QSoundEffect``, words through ``QTextToSpeech``, both set up on first use.

    ``engines`` limits the text-to-speech engines tried (the tests use Qt's "mock"
    engine); by default every engine but "mock", which makes no sound, is tried.
    """

    def __init__(self, parent: QObject | None = None, engines: list[str] | None = None):
        super().__init__(parent)
        self._engines = engines
        self._effects: dict[str, Any] = {}
        self._sound_why: str | None = None  # None: not looked at yet
        self._tts: Any = None
        self._voice_why: str | None = None
        self._qaudio: Any = None

    # ---- sound ----

    def sound_problem(self) -> str:
        if self._sound_why is None or self._sound_why == self._no_output():
            self._sound_why = self._set_up_sound()  # a device may have been plugged in since
        return self._sound_why

    @staticmethod
    def _no_output() -> str:
        return translate("CuePlayer", "No sound output found")

    def _set_up_sound(self) -> str:
        if self._effects:
            return ""
        try:
            multimedia = _import("QtMultimedia")
        except ImportError:
            return addon_problem()
        try:
            with _quiet():
                if not multimedia.QMediaDevices.audioOutputs():
                    return self._no_output()
                for name in SOUNDS.values():
                    effect = multimedia.QSoundEffect(self)
                    effect.setSource(QUrl.fromLocalFile(str(resources.path(f"sounds/{name}.wav"))))
                    self._effects[name] = effect
            self._qaudio = multimedia.QtAudio
        except Exception as error:  # a broken installation: say so in the settings, go on
            log.exception("the sound cues could not be set up")
            self._effects.clear()
            return translate("CuePlayer", "The sound could not start: {error}").format(error=error)
        return ""

    def play(self, sound: str, volume: int) -> None:
        if self.sound_problem():
            return
        effect = self._effects.get(sound)
        if effect is None:
            return
        for other in self._effects.values():
            if other is not effect and other.isPlaying():
                other.stop()
        scale = self._qaudio.VolumeScale
        effect.setVolume(
            self._qaudio.convertVolume(
                volume / 100, scale.LogarithmicVolumeScale, scale.LinearVolumeScale
            )
        )
        with _quiet():
            effect.play()

    # ---- voice ----

    def voice_problem(self) -> str:
        if self._voice_why is None:
            self._voice_why = self._set_up_voice()
        return self._voice_why

    def _set_up_voice(self) -> str:
        try:
            speech = _import("QtTextToSpeech")
        except ImportError:
            return addon_problem()
        tts_class = speech.QTextToSpeech
        want = _wanted_locale()
        found_engine = False
        silent = ""  # why a voice service that is installed could not be asked
        try:
            available = list(tts_class.availableEngines())
            engines = self._engines
            if engines is None:
                engines = [e for e in available if e != "mock"]
            for engine in (e for e in engines if e in available):
                if engine == "speechd" and (why := _speechd_problem()):
                    log.info("text-to-speech engine speechd: %s", why)
                    silent = why  # its client library would wait for ever: not made
                    continue
                with _quiet():
                    tts = tts_class(engine, self)
                if tts.state() == tts_class.State.Error:
                    log.info("text-to-speech engine %s: %s", engine, tts.errorString())
                    tts.deleteLater()
                    continue
                found_engine = True
                locale = self._match(tts.availableLocales(), want)
                if locale is None:
                    tts.deleteLater()
                    continue
                tts.setLocale(locale)
                self._tts = tts
                log.info("voice cues: engine %s, %s", engine, locale.name())
                return ""
        except Exception as error:
            log.exception("the voice cues could not be set up")
            return translate("CuePlayer", "The voice could not start: {error}").format(error=error)
        if not found_engine:
            return silent or translate("CuePlayer", "No voice installed")
        return translate("CuePlayer", "No voice installed for {language}").format(
            language=language_name(QLocale.languageToCode(want.language()), capital=False)
        )

    @staticmethod
    def _match(locales: list[QLocale], want: QLocale) -> QLocale | None:
        same = [loc for loc in locales if loc.language() == want.language()]
        for loc in same:
            if loc.territory() == want.territory():
                return loc
        return same[0] if same else None

    def say(self, text: str, volume: int) -> None:
        if not text or self.voice_problem():
            return
        tts = self._tts
        tts.setVolume(volume / 100)
        if tts.state() == type(tts).State.Speaking:
            tts.stop()  # the newest cue is the one that matters
        with _quiet():
            tts.say(text)


class CuePlayer(QObject):
    """Gives the due cue as a tone and as words, each when its setting is on.

    ``backend`` is made on first need (a cue with sound or voice on, or the
    settings dialog asking): with both cues off, nothing is imported.
    """

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        *,
        backend: CueBackend | None = None,
        make_backend: Callable[[QObject], CueBackend] | None = None,
    ):
        super().__init__(parent)
        self._settings = settings
        self._backend = backend
        self._make_backend = make_backend or (lambda owner: QtCueBackend(owner))
        self._tracker = CueTracker()
        self._values: dict[str, Any] = {}
        self._reported: set[tuple[str, str]] = set()
        for name in _SETTINGS:
            self._values[name] = settings.get(name)
        settings.changed.connect(self._setting_changed)

    # ---- wiring ----

    def follow(self, bridge: QObject) -> None:
        """Listen to a :class:`~backcompanion.ui.services.bridge.SessionBridge`."""
        bridge.changed.connect(self.on_snapshot)
        bridge.breathFrame.connect(self.on_breath)

    def _setting_changed(self, name: str) -> None:
        if name in _SETTINGS:
            self._values[name] = self._settings.get(name)

    @property
    def sound_on(self) -> bool:
        return bool(self._values["sound_cues"])

    @property
    def voice_on(self) -> bool:
        return bool(self._values["voice_cues"])

    def backend(self) -> CueBackend:
        if self._backend is None:
            self._backend = self._make_backend(self)
        return self._backend

    # ---- what the settings dialog asks ----

    def sound_problem(self) -> str:
        return self._safely(lambda: self.backend().sound_problem(), addon_problem)

    def voice_problem(self) -> str:
        return self._safely(lambda: self.backend().voice_problem(), addon_problem)

    def play_test_sound(self, volume: int | None = None) -> None:
        level = self._values["sound_volume"] if volume is None else volume
        self._safely(lambda: self.backend().play(SOUNDS[CueKind.INHALE], level))

    def say_test_phrase(self, volume: int | None = None) -> None:
        level = self._values["voice_volume"] if volume is None else volume
        self._safely(lambda: self.backend().say(sample_phrase(), level))

    # ---- the session ----

    def on_snapshot(self, snap: Snapshot) -> None:
        self._give(self._tracker.on_snapshot(snap))

    def on_breath(self, breath: BreathState) -> None:
        self._give(self._tracker.on_breath(breath))

    def _give(self, cues: list[Cue]) -> None:
        if not cues or not (self.sound_on or self.voice_on):
            return
        for cue in cues:
            if self.sound_on:
                self._safely(lambda c=cue: self._play(c))
            if self.voice_on and cue.text:
                self._safely(lambda c=cue: self._say(c))

    def _play(self, cue: Cue) -> None:
        backend = self.backend()
        why = backend.sound_problem()
        if why:
            self._report("sound", why)
            return
        backend.play(cue.sound, int(self._values["sound_volume"]))

    def _say(self, cue: Cue) -> None:
        backend = self.backend()
        why = backend.voice_problem()
        if why:
            self._report("voice", why)
            return
        backend.say(cue.text, int(self._values["voice_volume"]))

    def _report(self, what: str, why: str) -> None:
        if (what, why) not in self._reported:
            self._reported.add((what, why))
            log.info("%s cues are on but cannot play: %s", what, why)

    @staticmethod
    def _safely(call: Callable[[], Any], fallback: Callable[[], Any] | None = None) -> Any:
        """A cue is never worth a crash: log what went wrong and carry on."""
        try:
            return call()
        except Exception:
            log.exception("a sound or voice cue failed")
            return fallback() if fallback is not None else None


_current: CuePlayer | None = None


def _alive(player: CuePlayer | None) -> bool:
    if player is None:
        return False
    try:
        import shiboken6

        return shiboken6.isValid(player)
    except ImportError:  # pragma: no cover - shiboken6 comes with PySide6
        return True


def attach_cues(bridge: QObject, settings: Settings) -> CuePlayer:
    """Make the app's cue player, listening to ``bridge``; the settings dialog finds it."""
    global _current
    player = CuePlayer(settings, parent=bridge)
    player.follow(bridge)
    _current = player
    return player


def shared_player(settings: Settings) -> CuePlayer:
    """The app's cue player, or (no session bridge yet, the screenshots) one for the dialog."""
    global _current
    if not _alive(_current):
        _current = CuePlayer(settings)
    return _current  # type: ignore[return-value]
