"""Bad input everywhere a person can type or edit something: refused with one clear line.

- a pain rating that is not a whole number 0-10: refused by the engine (nothing
  moves, nothing is recorded) and by the store (nothing is written); the
  check-in widget, driven by any keys, only ever submits 0-10;
- ``--week`` for ``export-summary`` that is not an ISO week: exit 2, one line;
- an export path that is a folder, cannot be written, is too long, or meets a
  full disk: exit 2, one line, no file and no temporary file left behind;
- QSettings holding garbage of any type: :class:`Settings` reports each problem
  in one line and gives every value in range, and never raises.

The YAML files have their own fuzz test (``test_fuzz_yaml.py``).
"""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtTest import QTest

from backcompanion.history import Store
from backcompanion.program import builtin_program
from backcompanion.report.weeks import IsoWeek, WeekError
from backcompanion.session import rules as R
from backcompanion.session.clock import FakeClock
from backcompanion.session.engine import Event, SessionEngine, State, Step
from backcompanion.session.facts import SafetyFacts
from backcompanion.session.plan import PRESETS
from backcompanion.session.records import CheckIn, PainReported, SessionStarted

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = builtin_program()
RULES = R.load_rules()
CET = timezone(timedelta(hours=1))
START = datetime(2026, 3, 2, 18, 0, tzinfo=CET)
IS_ROOT = os.name == "posix" and os.geteuid() == 0

QUICK = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

NOT_A_RATING = st.one_of(
    st.integers().filter(lambda n: not 0 <= n <= 10),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=4),
    st.none(),
    st.sampled_from([5.0, "5", b"5", [5], 10.5, -0.0, 1e100]),
)

# --- a pain rating out of 0-10 -----------------------------------------------------------------


def new_engine(recorded: list) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    plan = R.make_plan(RULES, PROGRAM, [], SafetyFacts(None, None), START, PRESETS["relaxed"], 3, 2)
    engine = SessionEngine(plan, clock, lambda: START)
    engine.add_recorder(recorded.append)
    return engine, clock


@QUICK
@given(bad=NOT_A_RATING)
def test_the_engine_refuses_a_rating_outside_0_to_10_and_records_nothing(bad):
    recorded: list = []
    engine, clock = new_engine(recorded)
    engine.send(Event.START)
    # the opening check-in
    before = (engine.state, len(recorded))
    with pytest.raises(ValueError, match="whole number from 0 to 10"):
        engine.send(Event.CHECK_IN, rating=bad)
    assert (engine.state, len(recorded)) == before
    engine.send(Event.CHECK_IN, rating=4)
    # "this hurts" during a hold
    engine.send(Event.CONTINUE)
    while engine.snapshot().step is not Step.HOLD:
        clock.advance(engine.snapshot().remaining_s)
        engine.update()
    snap, count = engine.snapshot(), len(recorded)
    if bad is not None:  # "this hurts" without a number is allowed
        with pytest.raises(ValueError, match="whole number from 0 to 10"):
            engine.send(Event.THIS_HURTS, rating=bad)
    assert len(recorded) == count
    after = engine.snapshot()
    assert (after.state, after.exercise, after.rep, after.step) == (
        snap.state,
        snap.exercise,
        snap.rep,
        snap.step,
    )
    # the closing check-in
    while engine.state is not State.CHECK_IN_AFTER:
        allowed = engine.allowed_events()
        engine.send(Event.SKIP_EXERCISE if Event.SKIP_EXERCISE in allowed else Event.CONTINUE)
    count = len(recorded)
    with pytest.raises(ValueError, match="whole number from 0 to 10"):
        engine.send(Event.CHECK_IN, rating=bad)
    assert (engine.state, len(recorded)) == (State.CHECK_IN_AFTER, count)
    engine.send(Event.CHECK_IN, rating=0)
    assert engine.state is State.DONE


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("bad-ratings")) as s:
        s.record(SessionStarted("s1", START, False, (), "4-0-6-0"))
        yield s


def count_rows(store: Store) -> tuple[int, int]:
    conn = store._conn
    return (
        conn.execute("SELECT count(*) FROM check_ins").fetchone()[0],
        conn.execute("SELECT count(*) FROM pain_reports").fetchone()[0],
    )


@QUICK
@given(bad=NOT_A_RATING.filter(lambda v: v is not None))
def test_the_store_refuses_a_rating_outside_0_to_10_and_writes_nothing(store, bad):
    before = count_rows(store)
    with pytest.raises(ValueError):
        store.record(CheckIn("s1", 1.0, "before", bad))
    with pytest.raises(ValueError):
        store.record(PainReported("s1", 2.0, "angry_cat", bad))
    assert count_rows(store) == before
    assert not store._conn.in_transaction


KEYS = [getattr(Qt.Key, f"Key_{d}") for d in range(10)] + [
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Minus,
    Qt.Key.Key_Plus,
    Qt.Key.Key_Period,
    Qt.Key.Key_Backspace,
]


@QUICK
@given(keys=st.lists(st.tuples(st.sampled_from(KEYS), st.floats(0, 3)), max_size=25))
def test_the_check_in_only_ever_submits_0_to_10_whatever_is_typed(qapp, keys):
    from backcompanion.ui.session_screens.checkin import PainCheckIn

    clock = FakeClock()
    widget = PainCheckIn("How is your back?", clock=clock)
    sent: list = []
    widget.submitted.connect(lambda rating, note: sent.append(rating))
    try:
        for key, pause in keys:
            clock.advance(pause)
            QTest.keyClick(widget, key)
        QTest.keyClick(widget, Qt.Key.Key_Return)
    finally:
        widget.deleteLater()
    assert all(type(r) is int and 0 <= r <= 10 for r in sent), sent


# --- the command line: --week and the export path --------------------------------------------


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    data = home / "data"
    with Store.open(data) as s:
        s.record(SessionStarted("s1", START, False, (), "4-0-6-0"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "share"),
    }
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env, data, home


def start_cli(env, *args, preexec_fn=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "backcompanion", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=preexec_fn,
    )


def finish(runs: dict) -> dict:
    """Wait for every process (even when one fails the test, none is left open)."""
    return {what: (*p.communicate(timeout=120), p.returncode) for what, p in runs.items()}


def one_line_exit_2(result, what, prefix: str = "backcompanion: ") -> str:
    stdout, stderr, returncode = result
    assert "Traceback" not in stderr, (what, stderr)
    assert returncode == 2, (what, returncode, stdout, stderr)
    assert stdout == "", (what, stdout)
    lines = stderr.splitlines()
    assert len(lines) == 1, (what, stderr)
    assert lines[0].startswith(prefix), (what, lines[0])
    return lines[0]


BAD_WEEKS = [
    " ",
    "2026-W00",
    "2026-W1",
    "2026-W007",
    "0000-W01",
    "9999-W01",
    "2026W07",
    "2026-w",
    "W07-2026",
    "2026-07",
    "２０２６-W07",  # full-width digits
    "2026-W07\n--out",
    "2026-W07; rm -rf ~",
    "2026-W" + "9" * 400,
    "-1-W01",
]


@given(text=st.text(max_size=20))
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
def test_parsing_a_week_gives_a_week_or_one_line(text):
    try:
        week = IsoWeek.parse(text)
    except WeekError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("expected YYYY-Www")
    else:
        assert 1 <= week.week <= 53 and IsoWeek.parse(week.label) == week


def test_a_malformed_week_is_one_line_and_exit_2(cli_env):
    env, data, home = cli_env
    out = home / "summary.pdf"
    runs = {
        # --week=VALUE: a value starting with "-" is still the week, not an option
        bad: start_cli(env, "export-summary", "--data-dir", data, f"--week={bad}", "--out", out)
        for bad in BAD_WEEKS
    }
    for bad, result in finish(runs).items():
        line = one_line_exit_2(result, bad)
        assert line.startswith("backcompanion: --week: "), (bad, line)
    assert not out.exists()


def test_arguments_argparse_refuses_are_one_line_too(cli_env):
    """docs/ARCHITECTURE.md §9: "one line that says what and where", also for what argparse
    itself refuses (its default is a usage line and an error line)."""
    env, data, home = cli_env
    out = home / "x.pdf"
    runs = {
        "a week that looks like an option": start_cli(
            env, "export-summary", "--data-dir", data, "--week", "-1-W01", "--out", out
        ),
        "a number of days that is not a number": start_cli(
            env, "simulate", "--data-dir", home / "sim", "--days", "ten"
        ),
        "no --out": start_cli(env, "export-history", "--data-dir", data),
    }
    for what, result in finish(runs).items():
        line = one_line_exit_2(result, what, prefix="backcompanion")
        assert "--" in line, (what, line)  # it names the argument


def _full_disk():
    """In the child: the kernel refuses to grow any file past 200 bytes (as a full disk)."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200, hard))


def unwritable_folder(home: Path) -> Path | None:
    if os.name == "posix" and not IS_ROOT:
        folder = home / "read-only"
        folder.mkdir(mode=0o500, exist_ok=True)
        return folder
    if sys.platform.startswith("linux") and Path("/sys/kernel").is_dir():
        return Path("/sys/kernel")  # even root cannot create files there
    return None


def test_an_export_path_that_cannot_be_written_is_one_line_and_exit_2(cli_env):
    env, data, home = cli_env
    exports = home / "exports"
    exports.mkdir()
    cases = {
        "a folder (history)": ("export-history", exports),
        "a folder (summary)": ("export-summary", exports),
        "a name too long": ("export-history", exports / ("h" * 300 + ".csv")),
        "a missing folder": ("export-history", exports / "nope" / "h.csv"),
        "a folder name too long": ("export-history", exports / ("d" * 300) / "h.csv"),
    }
    locked = unwritable_folder(home)
    if locked is not None:
        cases["a folder that cannot be written (history)"] = ("export-history", locked / "h.csv")
        cases["a folder that cannot be written (summary)"] = ("export-summary", locked / "s.pdf")
    runs = {}
    for what, (command, out) in cases.items():
        week = ["--week", "2026-W10"] if command == "export-summary" else []
        runs[what] = start_cli(env, command, "--data-dir", data, *week, "--out", out)
    if os.name == "posix":
        runs["a disk that refuses every write"] = start_cli(
            env,
            "export-history",
            "--data-dir",
            data,
            "--out",
            exports / "h.csv",
            preexec_fn=_full_disk,
        )
    try:
        results = finish(runs)
    finally:
        if locked is not None and locked.is_relative_to(home):
            locked.chmod(0o700)
    for what, result in results.items():
        line = one_line_exit_2(result, what)
        assert "cannot" in line or "does not exist" in line, (what, line)
    assert sorted(p.name for p in exports.iterdir()) == []  # nothing written, nothing left


# --- QSettings holding garbage ------------------------------------------------------------------

RAW_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "nan",
            "inf",
            "-inf",
            "1e309",
            "0x10",
            " 5 ",
            "5,5",
            "true",
            "",
            "@Invalid()",
            "\x00",
            "99:99",
            "mon,,funday",
            "x" * 5000,
            "line\nbreak",
        ]
    ),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),
    st.booleans(),
    st.lists(st.text(max_size=5), max_size=4),
    st.lists(st.integers(-(2**31), 2**31 - 1), min_size=1, max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(-(2**31), 2**31 - 1), max_size=2),
    st.binary(max_size=20).map(QByteArray),
    st.just(QRect(1, 2, 3, 4)),
    st.just(QSize(5, 6)),
)


def check_settings(s) -> None:
    from backcompanion.ui.settings_model import Settings

    for name in Settings.NAMES:
        value = s.get(name)
        default = Settings.default(name)
        assert type(value) is type(default) or (
            isinstance(default, frozenset) and isinstance(value, frozenset)
        ), (name, value)
        if isinstance(value, float):
            assert math.isfinite(value)
    s.cadence()  # the breathing pattern is always a valid one
    for problem in s.problems:
        assert problem.startswith("settings: ") and "\n" not in problem, problem


@pytest.fixture(scope="module")
def ini_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("settings") / "settings.ini"


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
)
@given(values=st.dictionaries(st.integers(0, 100), RAW_VALUES, min_size=1, max_size=5))
def test_settings_with_garbage_of_any_type_never_raise(qapp, ini_path, values):
    from backcompanion.ui.settings_model import Settings

    ini_path.unlink(missing_ok=True)
    raw = QSettings(str(ini_path), QSettings.Format.IniFormat)
    keys = list(Settings.KEYS.values())
    for index, value in values.items():
        raw.setValue(keys[index % len(keys)], value)
    raw.sync()
    del raw
    check_settings(Settings(QSettings(str(ini_path), QSettings.Format.IniFormat)))


@pytest.mark.qt_log_ignore("Trying to construct an instance of an invalid type")
@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(
    lines=st.lists(
        st.tuples(
            st.sampled_from(["breathing", "session", "look", "sound", "reminders", "you", "x"]),
            st.sampled_from(["inhale", "breaths", "get_ready_s", "theme", "time", "days", "name"]),
            st.one_of(
                st.binary(max_size=30).map(lambda b: b.decode("latin-1")),
                st.binary(max_size=30).map(lambda b: "@Variant(" + b.decode("latin-1") + ")"),
                st.sampled_from(["@ByteArray(", "@Rect(1 2 3)", "@Size(", "@DateTime(\\0)"]),
            ),
        ),
        max_size=8,
    )
)
def test_a_garbled_settings_file_never_raises(qapp, ini_path, lines):
    from backcompanion.ui.settings_model import Settings

    text = "".join(f"[{g}]\n{k}={v.replace(chr(10), ' ')}\n" for g, k, v in lines)
    ini_path.write_bytes(text.encode("latin-1"))
    check_settings(Settings(QSettings(str(ini_path), QSettings.Format.IniFormat)))


def test_a_settings_path_that_is_a_folder_never_raises(qapp, tmp_path):
    from backcompanion.ui.settings_model import Settings

    folder = tmp_path / "settings.ini"
    folder.mkdir()
    s = Settings(QSettings(str(folder), QSettings.Format.IniFormat))
    check_settings(s)
    s.theme = "dark"  # writing into it fails: reported, not raised
    assert s.sync() is False
    assert any("could not write" in p for p in s.problems)


# --- a settings file larger than any real one (issue 19: 3) ---------------------------------

HUGE_SETTINGS = r"""
import sys, time
from backcompanion.app import make_qapp, set_aside_huge_settings, settings_file
app = make_qapp()
from PySide6.QtCore import QSettings
started = time.process_time()
print(set_aside_huge_settings())
print(time.process_time() - started)
print(settings_file())
print(QSettings().fileName())
"""


def test_a_settings_file_over_1_mb_is_set_aside_before_it_is_read(tmp_path):
    config = tmp_path / "config"
    conf = config / "BackCompanion" / "BackCompanion.conf"
    conf.parent.mkdir(parents=True)
    with conf.open("w", encoding="utf-8") as f:
        f.write("[General]\n")
        for n in range(400_000):
            f.write(f"junk{n}=some value that no setting has\n")
    size = conf.stat().st_size
    assert size > 10_000_000
    run = subprocess.run(
        [sys.executable, "-c", HUGE_SETTINGS],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "XDG_CONFIG_HOME": str(config),
            "QT_QPA_PLATFORM": "offscreen",
        },
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    message, seconds, found, qt_uses = run.stdout.splitlines()
    assert found == qt_uses == str(conf)  # the file Qt would have read
    assert str(conf) in message and "1 MB" in message and "default settings" in message
    assert float(seconds) < 0.5
    assert not conf.exists()
    kept = conf.with_name("BackCompanion.conf.too-big")
    assert kept.stat().st_size == size  # kept whole, nothing deleted


def test_a_settings_file_of_a_usual_size_is_left_alone(tmp_path):
    from backcompanion.app import set_aside_huge_settings

    conf = tmp_path / "BackCompanion.conf"
    conf.write_text("[General]\nlanguage=es\n", encoding="utf-8")
    assert set_aside_huge_settings(conf) is None
    assert conf.read_text(encoding="utf-8") == "[General]\nlanguage=es\n"
