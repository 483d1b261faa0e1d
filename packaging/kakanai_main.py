"""Entry script of the frozen app (PyInstaller): the same ``kakanai`` command as the console script.

``kakanai`` with no arguments opens the counter window; ``kakanai --selftest`` walks one visit
offscreen; ``kakanai db upgrade --url …`` and the other tools work as in a checkout.
"""

import sys

from kakanai.cli import main

if __name__ == "__main__":
    sys.exit(main())
