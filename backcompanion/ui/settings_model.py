"""The user's settings: a thin typed layer over QSettings.

Every value has a name (the Python attribute, e.g. ``get_ready_s``), a key in
the settings file (e.g. ``session/get_ready_s``), a default, a type and an
allowed range. Reading never raises: a missing value gives the default; a
value of the wrong type, out of range or unparsable (a hand-edited INI file)
gives the default too and records one readable problem in
:attr:`Settings.problems`, e.g.
``settings: breathing/inhale = 'abc' is not a number; using 4``.
The file itself is left alone, so a user who edited it by hand can fix it;
the next write of that value (the settings dialog's OK) replaces it.

Writing goes through typed properties whose setters validate: an invalid
value there is a programming error and raises ``ValueError`` (user input is
already bounded by the widgets). Every write that changes a value emits
:attr:`Settings.changed` with the value's name.

The app sets the organisation and application names and uses
``Settings()``; tests pass an explicit ``QSettings`` on a temporary INI file::

    Settings(QSettings(str(path), QSettings.Format.IniFormat))
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from backcompanion.i18n import QT_TRANSLATE_NOOP, translate
from backcompanion.session.plan import PRESETS, Cadence

__all__ = [
    "DAY_NAMES",
    "LANGUAGE_RE",
    "MAX_NAME",
    "MAX_PATH",
    "MOTIONS",
    "PRESET_NAMES",
    "THEMES",
    "Settings",
]

PRESET_NAMES: tuple[str, ...] = (*PRESETS, "custom")  # relaxed, extended_exhale, box, custom
THEMES = ("system", "light", "dark")
MOTIONS = ("system", "full", "reduced")
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # ISO weekday 1..7
MAX_NAME = 80
MAX_PATH = 4096
LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?")
_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})")
_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NOT_NUMBER = QT_TRANSLATE_NOOP("Settings", "is not a number")

T = TypeVar("T")


class _Bad(Exception):
    """A stored value that cannot be used; the message says why (after ``key = 'raw'``).

    ``text`` is marked with QT_TRANSLATE_NOOP (context "Settings") and translated
    only when the problem is shown: the settings are read before the language
    is installed (the language is one of them).
    """

    def __init__(self, text: str, **values: object):
        super().__init__(text.format(**values))
        self.text = text
        self.values = values

    def why(self) -> str:
        values = {
            k: translate("Settings", v) if isinstance(v, _Words) else v
            for k, v in self.values.items()
        }
        return translate("Settings", self.text).format(**values)


class _Words(str):
    """A value for a :class:`_Bad` text that is itself translated (context "Settings")."""


class _Setting(Generic[T]):
    """One typed value: a data descriptor on :class:`Settings`.

    ``parse`` turns what QSettings returns (a str from an INI file, or an
    int/bool/float/QByteArray from the in-process cache or another backend)
    into the value, raising :class:`_Bad`. ``check`` validates a value given
    to the setter, raising ``ValueError``. ``store`` gives what is written.
    """

    def __init__(self, key: str, default: T):
        self.key = key
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Settings | None, owner: type | None = None) -> Any:
        if obj is None:
            return self
        return obj._read(self)

    def __set__(self, obj: Settings, value: T) -> None:
        obj._write(self, self.check(value))

    # overridden per type
    def parse(self, raw: object) -> T:
        raise NotImplementedError

    def check(self, value: object) -> T:
        raise NotImplementedError

    def store(self, value: T) -> object:
        return value

    def show(self, value: T) -> str:
        """The value as the problem message prints it after "using"."""
        return str(value)

    def bad_setter(self, value: object, why: str) -> ValueError:
        return ValueError(f"setting {self.name} must be {why}, not {value!r}")


def _text_of(raw: object) -> str:
    """An INI string; an unquoted hand-edited value with commas comes back as a list."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, list) and all(isinstance(p, str) for p in raw):
        return ", ".join(raw)
    raise _Bad(QT_TRANSLATE_NOOP("Settings", "is not text"))


class _Bool(_Setting[bool]):
    def parse(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int) and raw in (0, 1):
            return bool(raw)
        if isinstance(raw, str):
            word = raw.strip().lower()
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
        raise _Bad(QT_TRANSLATE_NOOP("Settings", "is not true or false"))

    def check(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise self.bad_setter(value, "True or False")
        return value

    def show(self, value: bool) -> str:
        return "true" if value else "false"


class _Number(_Setting[T]):
    def __init__(self, key: str, default: T, lo: T, hi: T, kind: type):
        super().__init__(key, default)
        self.lo, self.hi, self.kind = lo, hi, kind

    @property
    def range_text(self) -> str:
        return f"{self.lo:g}-{self.hi:g}"

    def parse(self, raw: object) -> T:
        if isinstance(raw, bool):
            raise _Bad(_NOT_NUMBER)
        if isinstance(raw, int | float):
            number = float(raw)
        elif isinstance(raw, str):
            try:
                number = float(raw.strip())
            except ValueError:
                raise _Bad(_NOT_NUMBER) from None
        else:
            raise _Bad(_NOT_NUMBER)
        if not math.isfinite(number):
            raise _Bad(_NOT_NUMBER)
        if not self.lo <= number <= self.hi:
            raise _Bad(QT_TRANSLATE_NOOP("Settings", "is outside {range}"), range=self.range_text)
        if self.kind is int:
            if not number.is_integer():
                raise _Bad(QT_TRANSLATE_NOOP("Settings", "is not a whole number"))
            return int(number)  # type: ignore[return-value]
        return number  # type: ignore[return-value]

    def check(self, value: object) -> T:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.bad_setter(value, f"a number {self.range_text}")
        if self.kind is int and not float(value).is_integer():
            raise self.bad_setter(value, f"a whole number {self.range_text}")
        if not math.isfinite(value) or not self.lo <= value <= self.hi:
            raise self.bad_setter(value, f"{self.range_text}")
        return self.kind(value)

    def show(self, value: T) -> str:
        return f"{value:g}"


class _Choice(_Setting[str]):
    def __init__(self, key: str, default: str, choices: Iterable[str]):
        super().__init__(key, default)
        self.choices = tuple(choices)

    def parse(self, raw: object) -> str:
        text = _text_of(raw).strip().lower()  # a hand-typed "Dark" means dark
        if text not in self.choices:
            raise _Bad(
                QT_TRANSLATE_NOOP("Settings", "is not one of {choices}"),
                choices=", ".join(self.choices),
            )
        return text

    def check(self, value: object) -> str:
        if value not in self.choices:
            raise self.bad_setter(value, f"one of {', '.join(self.choices)}")
        return str(value)


class _Text(_Setting[str]):
    """One line of text, at most ``limit`` characters, no control characters."""

    def __init__(
        self,
        key: str,
        default: str,
        limit: int,
        test: Callable[[str], bool] | None = None,
        expected: str = "",
    ):
        super().__init__(key, default)
        self.limit = limit
        self.test = test
        self.expected = expected  # what ``test`` wants, for the message

    def _why_not(self, text: str) -> _Bad | None:
        if len(text) > self.limit:
            return _Bad(
                QT_TRANSLATE_NOOP("Settings", "is longer than {limit} characters"),
                limit=self.limit,
            )
        if _CONTROL.search(text):
            return _Bad(QT_TRANSLATE_NOOP("Settings", "holds a line break or control character"))
        if self.test is not None and not self.test(text):
            return _Bad(
                QT_TRANSLATE_NOOP("Settings", "is not {expected}"), expected=_Words(self.expected)
            )
        return None

    def parse(self, raw: object) -> str:
        text = _text_of(raw)
        why = self._why_not(text)
        if why:
            raise why
        return text

    def check(self, value: object) -> str:
        if not isinstance(value, str):
            raise self.bad_setter(value, "text")
        why = self._why_not(value)
        if why:
            raise ValueError(f"setting {self.name} {why}: {value!r}")  # a programming error
        return value

    def show(self, value: str) -> str:
        return repr(value)


class _Time(_Setting[dt.time]):
    """A time of day to the minute, stored as ``HH:MM``."""

    def parse(self, raw: object) -> dt.time:
        if isinstance(raw, str):
            m = _TIME_RE.fullmatch(raw.strip())
            if m and int(m[1]) < 24 and int(m[2]) < 60:
                return dt.time(int(m[1]), int(m[2]))
        raise _Bad(QT_TRANSLATE_NOOP("Settings", "is not a time (HH:MM)"))

    def check(self, value: object) -> dt.time:
        if isinstance(value, str):
            try:
                return self.parse(value)
            except _Bad:
                raise self.bad_setter(value, "a time HH:MM") from None
        if not isinstance(value, dt.time) or value.tzinfo is not None:
            raise self.bad_setter(value, "a datetime.time")
        if value.second or value.microsecond:
            raise self.bad_setter(value, "a whole minute")
        return value

    def store(self, value: dt.time) -> object:
        return value.strftime("%H:%M")

    def show(self, value: dt.time) -> str:
        return value.strftime("%H:%M")


class _Days(_Setting[frozenset[int]]):
    """A set of ISO weekdays (1 = Monday ... 7 = Sunday), stored as ``mon,tue,...``."""

    _full = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

    def parse(self, raw: object) -> frozenset[int]:
        if isinstance(raw, str):
            words = raw.split(",")
        elif isinstance(raw, list) and all(isinstance(p, str) for p in raw):
            words = list(raw)
        else:
            raise _Bad(QT_TRANSLATE_NOOP("Settings", "is not a list of days"))
        days = set()
        for word in (w.strip().lower() for w in words):
            if not word:
                continue
            if word in DAY_NAMES:
                days.add(DAY_NAMES.index(word) + 1)
            elif word in self._full:
                days.add(self._full.index(word) + 1)
            else:
                raise _Bad(
                    QT_TRANSLATE_NOOP("Settings", "names an unknown day {word} (use {days})"),
                    word=repr(word),
                    days=",".join(DAY_NAMES),
                )
        return frozenset(days)

    def check(self, value: object) -> frozenset[int]:
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise self.bad_setter(value, "a set of weekdays 1-7")
        days = frozenset(value)
        if not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 7 for d in days):
            raise self.bad_setter(value, "a set of weekdays 1-7 (1 = Monday)")
        return days

    def store(self, value: frozenset[int]) -> object:
        return ",".join(DAY_NAMES[d - 1] for d in sorted(value))

    def show(self, value: frozenset[int]) -> str:
        return self.store(value) or translate("Settings", "no days")  # type: ignore[return-value]


class _Bytes(_Setting[bytes]):
    """Opaque bytes (window geometry and state), stored as ``@ByteArray(...)``."""

    def parse(self, raw: object) -> bytes:
        if isinstance(raw, QByteArray):
            return raw.data()
        if isinstance(raw, bytes):
            return raw
        raise _Bad(QT_TRANSLATE_NOOP("Settings", "is not saved window data"))

    def check(self, value: object) -> bytes:
        if isinstance(value, QByteArray):
            return value.data()
        if not isinstance(value, bytes):
            raise self.bad_setter(value, "bytes")
        return value

    def store(self, value: bytes) -> object:
        return QByteArray(value)  # never Python bytes: PySide would pickle them

    def show(self, value: bytes) -> str:
        if not value:
            return translate("Settings", "nothing")
        size = len(value)  # lupdate reads a plain name as the count, not an expression
        return translate("Settings", "%n byte(s)", "", size)


def _is_language(text: str) -> bool:
    return text == "system" or LANGUAGE_RE.fullmatch(text) is not None


_L = Cadence.LIMITS
_C = Cadence()


class Settings(QObject):
    """Typed, validated access to the app's QSettings. Reading never raises."""

    changed = Signal(str)  # the name of the value that changed, e.g. "theme"

    # breathing (docs/ARCHITECTURE.md §5); the four seconds are used when the preset is "custom",
    # the number of breaths by every preset
    breathing_preset = _Choice("breathing/preset", "relaxed", PRESET_NAMES)
    inhale = _Number("breathing/inhale", _C.inhale, *_L["inhale"], kind=float)
    hold_in = _Number("breathing/hold_in", _C.hold_in, *_L["hold_in"], kind=float)
    exhale = _Number("breathing/exhale", _C.exhale, *_L["exhale"], kind=float)
    hold_out = _Number("breathing/hold_out", _C.hold_out, *_L["hold_out"], kind=float)
    breaths = _Number("breathing/breaths", _C.breaths, *_L["breaths"], kind=int)
    # session
    get_ready_s = _Number("session/get_ready_s", 5, 3, 30, kind=int)
    release_s = _Number("session/release_s", 3, 2, 30, kind=int)
    fullscreen_on_start = _Bool("session/fullscreen_on_start", False)
    keep_screen_awake = _Bool("session/keep_screen_awake", True)
    # leg symptoms: each check-in also asks about leg pain, 0-10 (docs/ARCHITECTURE.md §13)
    leg_symptoms = _Bool("session/leg_symptoms", False)
    # look
    theme = _Choice("look/theme", "system", THEMES)
    motion = _Choice("look/motion", "system", MOTIONS)
    language = _Text(
        "look/language",
        "system",
        35,
        _is_language,
        QT_TRANSLATE_NOOP("Settings", "'system' or a language code like en or pt_BR"),
    )
    # sound
    sound_cues = _Bool("sound/cues", False)
    sound_volume = _Number("sound/volume", 60, 0, 100, kind=int)
    voice_cues = _Bool("sound/voice", False)
    voice_volume = _Number("sound/voice_volume", 80, 0, 100, kind=int)
    # reminders
    reminders_enabled = _Bool("reminders/enabled", False)
    reminder_time = _Time("reminders/time", dt.time(18, 0))
    reminder_days = _Days("reminders/days", frozenset(range(1, 8)))
    reminders_keep_in_tray = _Bool("reminders/keep_in_tray", False)
    # you
    person_name = _Text("you/name", "", MAX_NAME)
    # window and files
    window_geometry = _Bytes("window/geometry", b"")
    window_state = _Bytes("window/state", b"")
    last_export_folder = _Text("files/last_export_folder", "", MAX_PATH)
    first_start_done = _Bool("app/first_start_done", False)

    NAMES: ClassVar[tuple[str, ...]]  # every value's name, in the order above
    KEYS: ClassVar[dict[str, str]]  # name -> key in the settings file

    def __init__(self, qsettings: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._q = qsettings if qsettings is not None else QSettings()
        # each problem is put into words when it is shown: the settings are read before the
        # language is installed (the language is one of them)
        self._problems: list[Callable[[], str]] = []
        self._reported: set[str] = set()  # names whose problem is already in the list
        if self._q.status() == QSettings.Status.FormatError:
            file = self._q.fileName()
            self._problems.append(
                lambda: translate(
                    "Settings",
                    "settings: {file} could not be read in full; some values use defaults",
                ).format(file=file)
            )
        for name in self.NAMES:  # find every problem now, so the app can show them at once
            self.get(name)

    # -- reading and writing ---------------------------------------------------------------

    @classmethod
    def _spec(cls, name: str) -> _Setting:
        spec = getattr(cls, name, None) if name in cls.NAMES else None
        if not isinstance(spec, _Setting):
            raise KeyError(f"no setting named {name!r}")
        return spec

    @classmethod
    def default(cls, name: str) -> Any:
        """The default of the value called ``name``."""
        return cls._spec(name).default

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        return {name: cls.default(name) for name in cls.NAMES}

    def get(self, name: str) -> Any:
        """The value called ``name`` (same as the attribute)."""
        return self._read(self._spec(name))

    def set(self, name: str, value: Any) -> None:
        """Set the value called ``name`` (same as assigning the attribute)."""
        setattr(self, self._spec(name).name, value)

    def update(self, values: dict[str, Any]) -> None:
        """Check every value first, then write them all: nothing is written if one is invalid."""
        checked = {name: self._spec(name).check(value) for name, value in values.items()}
        for name, value in checked.items():
            self._write(self._spec(name), value)

    def reset(self, name: str) -> None:
        """Forget the stored value: reading gives the default again."""
        spec = self._spec(name)
        before = self._read(spec)
        self._q.remove(spec.key)
        self._reported.discard(name)
        if before != spec.default:
            self.changed.emit(name)

    def _read(self, spec: _Setting) -> Any:
        raw = self._q.value(spec.key)
        if raw is None:
            return spec.default
        try:
            return spec.parse(raw)
        except _Bad as why:
            if spec.name not in self._reported:
                self._reported.add(spec.name)
                shown, bad = _raw_text(raw), why  # ``why`` is unbound after the except
                self._problems.append(
                    lambda: translate(
                        "Settings", "settings: {key} = {raw} {why}; using {default}"
                    ).format(
                        key=spec.key, raw=shown, why=bad.why(), default=spec.show(spec.default)
                    )
                )
            return spec.default

    def _write(self, spec: _Setting, value: Any) -> None:
        before = self._read(spec)
        self._q.setValue(spec.key, spec.store(value))
        self._reported.discard(spec.name)
        if before != value:
            self.changed.emit(spec.name)

    def sync(self) -> bool:
        """Write to disk now (Qt also does it later and on exit); False when that failed."""
        self._q.sync()
        if self._q.status() == QSettings.Status.AccessError:
            file = self._q.fileName()
            self._problems.append(
                lambda: translate("Settings", "settings: could not write {file}").format(file=file)
            )
            return False
        return True

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    # -- problems ----------------------------------------------------------------------------

    @property
    def problems(self) -> list[str]:
        """Every problem found so far, one readable line each (a copy)."""
        return [problem() for problem in self._problems]

    def take_problems(self) -> list[str]:
        """The problems not yet taken, then forget them (the app shows each once)."""
        taken, self._problems = self._problems, []
        return [problem() for problem in taken]

    # -- derived values ----------------------------------------------------------------------

    def cadence(self) -> Cadence:
        """The breathing pattern to use: the preset's, or the custom one; with our breaths."""
        preset = self.breathing_preset
        if preset == "custom":
            return Cadence(self.inhale, self.hold_in, self.exhale, self.hold_out, self.breaths)
        return replace(PRESETS[preset], breaths=self.breaths)

    def set_cadence(self, preset: str, custom: Cadence | None = None) -> None:
        """Choose a preset; with ``custom`` also store its seconds and breaths."""
        values: dict[str, Any] = {"breathing_preset": preset}
        if custom is not None:
            values.update(
                inhale=custom.inhale,
                hold_in=custom.hold_in,
                exhale=custom.exhale,
                hold_out=custom.hold_out,
                breaths=custom.breaths,
            )
        self.update(values)

    # -- window geometry ---------------------------------------------------------------------

    def save_window(self, window: QWidget) -> None:
        """Remember the window's geometry (and a main window's toolbars and docks)."""
        self.window_geometry = window.saveGeometry().data()
        if isinstance(window, QMainWindow):
            self.window_state = window.saveState().data()

    def restore_window(self, window: QWidget) -> bool:
        """Put the window back where it was; False (and a problem) when the data was unusable."""
        ok = True
        geometry = self.window_geometry
        if geometry and not window.restoreGeometry(QByteArray(geometry)):
            ok = False
            key = type(self).window_geometry.key
            self._problems.append(
                lambda: translate(
                    "Settings",
                    "settings: {key} could not be used; the window opens at its usual size",
                ).format(key=key)
            )
        state = self.window_state
        if isinstance(window, QMainWindow) and state and not window.restoreState(QByteArray(state)):
            ok = False
            key = type(self).window_state.key
            self._problems.append(
                lambda: translate(
                    "Settings", "settings: {key} could not be used; toolbars are where they start"
                ).format(key=key)
            )
        return ok


def _raw_text(raw: object) -> str:
    if isinstance(raw, list):
        raw = ", ".join(str(p) for p in raw)
    if isinstance(raw, QByteArray):
        raw = raw.data()
    text = repr(raw) if isinstance(raw, str | bytes) else str(raw)
    return text if len(text) <= 60 else text[:57] + "..."


Settings.NAMES = tuple(n for n, v in vars(Settings).items() if isinstance(v, _Setting))
Settings.KEYS = {n: vars(Settings)[n].key for n in Settings.NAMES}
