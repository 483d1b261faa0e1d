"""``python -m kakanai`` runs the command line."""

import sys

from kakanai.cli import main

sys.exit(main())
