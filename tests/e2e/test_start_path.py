"""A start to the home page loads only what the first screen needs (issue 20, start-up).

The real app runs in a child process on a returning person's empty folder; when the
window has painted, ``app.start_services`` (the cue player, the tray, the desktop's
notification service) notes which modules are loaded then, starts the services and quits.
"""

from __future__ import annotations

import json
import subprocess
import sys

from cli_helpers import ROOT, private_home

CHILD = """
import json, sys
import backcompanion.app as app

seen = {}
original = app.start_services

def start_services(qapp, window, settings):
    roots = ("backcompanion", "yaml", "PySide6", "hashlib", "html")
    seen["at_paint"] = sorted(m for m in sys.modules if m.split(".")[0] in roots)
    seen["page"] = window.current_page()
    seen["tray_before"] = window.tray is not None
    original(qapp, window, settings)
    seen["tray_after"] = window.tray is not None
    qapp.quit()

app.start_services = start_services
from backcompanion import cli
code = cli.main(["--data-dir", sys.argv[1]])
print("RESULT " + json.dumps({"code": code, **seen}))
"""

# what a start to the home page must not have loaded by its first paint, and why
NOT_AT_START = {
    "backcompanion.session.engine": "the session engine: when a session starts",
    "backcompanion.session.records": "the records: when a session writes them",
    "backcompanion.session.cues": "the cues: the cue player starts after the first paint",
    "backcompanion.ui.services.tray": "the tray: after the first paint",
    "backcompanion.ui.services.cue_player": "the cue player: after the first paint",
    "backcompanion.ui.services.notifications": "the notification service: after the first paint",
    "backcompanion.ui.dialogs.plan": "the plan dialogs: the Plan menu",
    "backcompanion.ui.dialogs.confirm": "the questions: stopping or quitting a session",
    "backcompanion.ui.session_screens": "the session's pages: when a session starts",
    "backcompanion.report.pdf": "the weekly PDF: File > Export",
    "yaml": "PyYAML: the parsed YAML is cached, a plan file is read from the Plan menu",
    "PySide6.QtDBus": "QtDBus: the screen-awake back-end, made when a session first asks",
    "hashlib": "hashlib loads OpenSSL: the folder's socket name uses Python's own SHA-256",
    "html": "html: the card escapes its few characters itself",
}


def test_the_first_paint_comes_before_the_services_and_the_session_modules(tmp_path):
    env = private_home(tmp_path)
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    data = tmp_path / "data"
    # a returning person's folder and settings (the bench's own preparation): the home page
    prepare = [sys.executable, "-m", "bench.probes.prepare", "--data-dir", str(data)]
    subprocess.run(prepare, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
    runs = []
    for _ in range(2):  # the first start fills the YAML cache; the second is a usual start
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(data)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        lines = [x for x in done.stdout.splitlines() if x.startswith("RESULT ")]
        assert lines, done.stderr[-2000:]
        runs.append(json.loads(lines[-1].removeprefix("RESULT ")))
    result = runs[-1]
    assert result["code"] == 0
    assert result["page"] == "home"
    loaded = set(result["at_paint"])
    early = {
        name: why
        for name, why in NOT_AT_START.items()
        if any(m == name or m.startswith(name + ".") for m in loaded)
    }
    assert early == {}
    assert "backcompanion.ui.home.home_page" in loaded  # the check sees the app's modules
    assert not result["tray_before"] and result["tray_after"]
