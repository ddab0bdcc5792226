"""Test setup shared by every test: Qt runs offscreen, with no display; parsed YAML is
cached in a temporary folder of this run, never in the user's cache folder."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
if "BACKCOMPANION_CACHE_DIR" not in os.environ:
    _cache = tempfile.mkdtemp(prefix="backcompanion-test-cache-")
    os.environ["BACKCOMPANION_CACHE_DIR"] = _cache
    atexit.register(shutil.rmtree, _cache, ignore_errors=True)
