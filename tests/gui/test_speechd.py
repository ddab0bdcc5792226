"""speech-dispatcher is asked, with a time limit, before Qt's speechd voice is made.

libspeechd waits for the daemon's reply for ever; a daemon that hangs froze the
settings dialog (seen in the test suite on a machine with speech-dispatcher
installed and no sound server). These tests stand up a socket that accepts and
never answers, and one that answers like the daemon.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from backcompanion.ui.services import speechd


@pytest.fixture
def daemon(tmp_path: Path, monkeypatch):
    """A unix socket at SPEECHD_ADDRESS; ``reply`` is what it sends back (None: nothing)."""
    path = tmp_path / "speechd.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(4)
    state = {"reply": None, "stop": False}

    def serve():
        server.settimeout(0.1)
        held = []
        while not state["stop"]:
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            held.append(conn)
            if state["reply"] is not None:
                conn.recv(256)
                conn.sendall(state["reply"])

        for conn in held:
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    yield state
    state["stop"] = True
    thread.join(2)
    server.close()


def test_a_daemon_that_never_answers_is_given_up_quickly(daemon):
    started = time.monotonic()
    why = speechd.problem(timeout=0.3)
    assert "does not answer" in why
    assert time.monotonic() - started < 2  # bounded, never the daemon's mercy


def test_a_daemon_that_answers_is_used(daemon):
    daemon["reply"] = b"208 OK CLIENT NAME SET\r\n"
    assert speechd.problem(timeout=1.0) == ""


def test_the_address_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert speechd.address() == ("unix", tmp_path / "speech-dispatcher" / "speechd.sock")
    monkeypatch.setenv("SPEECHD_ADDRESS", "inet_socket:127.0.0.1:6560")
    assert speechd.address() == ("inet", None)
    assert speechd.problem() == ""  # libspeechd's own TCP connect fails fast


def test_the_voice_backend_skips_a_speechd_that_hangs(daemon, qtbot):
    from backcompanion.ui.services.cue_player import QtCueBackend, _import

    try:
        speech = _import("QtTextToSpeech")  # quietly, as the app does
    except ImportError:
        pytest.skip("PySide6-Addons is not installed")
    if "speechd" not in speech.QTextToSpeech.availableEngines():
        pytest.skip("no speechd engine in this Qt")

    backend = QtCueBackend(engines=["speechd"])
    assert "does not answer" in backend.voice_problem()
