"""Entry script of the frozen app (PyInstaller): the same ``kakanai`` command as ``python -m kakanai``.

``kakanai`` with no arguments opens the counter window (without building the command line's parser,
whose tools import SQLAlchemy, numpy and pydantic); ``kakanai --selftest`` walks one visit
offscreen; ``kakanai db upgrade --url …`` and the other tools work as in a checkout.
"""

import sys

from kakanai.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
