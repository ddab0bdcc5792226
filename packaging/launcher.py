"""The frozen app's entry script (PyInstaller runs this file as ``__main__``).

``backcompanion/__main__.py`` is not used directly: PyInstaller puts an entry
script's folder on the module search path, and the package's own modules
(``resources``, ``history``, ``session``...) must not become top-level names.
"""

import sys

from backcompanion.cli import main

if __name__ == "__main__":
    sys.exit(main())
