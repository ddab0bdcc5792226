"""Make sure speech-dispatcher answers before Qt's "speechd" voice is made.

Qt's speechd engine connects with libspeechd, which waits for the daemon's
reply with no time limit: a daemon that hangs (seen here: one autospawned with
no sound server) would freeze the app the moment the settings dialog looked
for a voice. This asks the daemon first, over its socket, with a timeout, and
starts it the way libspeechd would when it is not running. Linux and the BSDs
only; elsewhere there is no speechd engine to ask about.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
from pathlib import Path

from backcompanion.i18n import translate

TIMEOUT_S = 1.5
_HELLO = b"SET SELF CLIENT_NAME user:backcompanion:probe\r\n"


def address() -> tuple[str, Path | None]:
    """("unix", path) of the daemon's socket, or ("inet", None) when it listens on TCP."""
    given = os.environ.get("SPEECHD_ADDRESS", "")
    if given.startswith("inet_socket"):
        return "inet", None
    if given.startswith("unix_socket:"):
        return "unix", Path(given.split(":", 1)[1])
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime else Path.home() / ".cache"
    return "unix", base / "speech-dispatcher" / "speechd.sock"


def _answers(path: Path, timeout: float) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout)
        try:
            conn.connect(str(path))
            conn.sendall(_HELLO)
            reply = conn.recv(256)
            conn.sendall(b"QUIT\r\n")
        except OSError:
            return False
    return reply.startswith(b"2")


def _start(path: Path, timeout: float) -> None:
    """Start the daemon as libspeechd's autospawn does; never waits longer than ``timeout``."""
    program = shutil.which("speech-dispatcher")
    if program is None:
        return
    cmd = [program, "--spawn", "--communication-method", "unix_socket", "--socket-path", str(path)]
    with contextlib.suppress(OSError, subprocess.SubprocessError):  # then it does not answer
        subprocess.run(cmd, timeout=timeout, capture_output=True, check=False)


def problem(timeout: float = TIMEOUT_S) -> str:
    """ "" when speech-dispatcher answers (started first if need be), else why not."""
    kind, path = address()
    if kind == "inet" or path is None:
        return ""  # a TCP daemon: libspeechd's own connect fails fast when it is down
    if not path.exists():
        _start(path, timeout * 2)
    if path.exists() and _answers(path, timeout):
        return ""
    return translate("CuePlayer", "The speech service (speech-dispatcher) does not answer")
