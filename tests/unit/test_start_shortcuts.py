"""The start-up's short cuts answer exactly as the long way (issue 20): the window's own
arguments without the whole parser, the socket's digest without hashlib, the card's escaping
without the html module, the screen-awake back-end made at its first use."""

from __future__ import annotations

import hashlib
import html

import pytest

from backcompanion import cli, instance

WINDOW_STARTS = [
    [],
    ["--demo"],
    ["--data-dir", "/tmp/x"],
    ["--data-dir=/tmp/x"],
    ["--data-dir", "/tmp/x", "--demo"],
    ["--demo", "--data-dir", "a", "--data-dir", "b"],  # the last one counts, as in argparse
    ["--data-dir=a", "--data-dir", "b b"],
]


@pytest.mark.parametrize("argv", WINDOW_STARTS)
def test_a_window_start_reads_as_the_parser_reads_it(argv):
    quick = cli._window_args(argv)
    assert quick is not None
    assert vars(quick) == vars(cli._parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir"],  # no folder: the parser's one-line error
        ["--data-dir="],
        ["--data-dir", ""],
        ["--data-dir", "-x"],
        ["--data", "/tmp/x"],  # an abbreviation argparse accepts
        ["--help"],
        ["--version"],
        ["--bogus"],
        ["program"],
        ["--data-dir", "d", "simulate", "--days", "3"],
    ],
)
def test_anything_else_goes_to_the_parser(argv):
    assert cli._window_args(argv) is None


def test_the_socket_digest_is_sha256():
    for data in (b"", b"0\0/home/someone/.local/share/BackCompanion", "ñ/é".encode()):
        assert instance._sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_the_cards_escaping_is_html_escape():
    pytest.importorskip("PySide6.QtWidgets")
    from backcompanion.ui.home.exercise_card import _escape

    for text in ("", "plain", "a & b < c > d \" e ' f", "&amp; already", "<b>x</b>"):
        assert _escape(text) == html.escape(text)


class _Recording:
    """An inhibitor that notes what it was asked."""

    name = "recording"

    def __init__(self):
        self.calls = []
        self.active = False

    def inhibit(self, reason):
        self.calls.append(("inhibit", reason))
        self.active = True
        return True

    def release(self):
        self.calls.append(("release",))
        self.active = False


def test_the_lazy_inhibitor_makes_the_back_end_at_the_first_inhibit():
    pytest.importorskip("PySide6.QtCore")
    from backcompanion.ui.services.inhibitor import Inhibitor
    from backcompanion.ui.services.inhibitor.lazy import LazyInhibitor

    made = []

    def make():
        made.append(_Recording())
        return made[-1]

    lazy = LazyInhibitor(make)
    lazy.release()  # nothing held, nothing made
    assert not lazy.active and not lazy.made and made == []
    assert lazy.inhibit("a session") is True
    assert lazy.active and len(made) == 1
    lazy.inhibit("again")
    lazy.release()
    assert not lazy.active and len(made) == 1
    assert made[0].calls == [("inhibit", "a session"), ("inhibit", "again"), ("release",)]
    assert lazy.name == "recording"
    assert isinstance(lazy, Inhibitor)  # (the protocol check reads the name: last)


def test_the_lazy_inhibitor_makes_the_back_end_when_its_name_is_asked():
    pytest.importorskip("PySide6.QtCore")
    from backcompanion.ui.services.inhibitor.lazy import LazyInhibitor

    lazy = LazyInhibitor(_Recording)
    assert lazy.name == "recording" and lazy.made
