import sys

from backcompanion.cli import main

sys.exit(main())
