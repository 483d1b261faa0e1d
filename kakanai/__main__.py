"""``python -m kakanai`` runs the command line (the window itself starts without the parser)."""

import sys


def main() -> int:
    """The counter window for ``kakanai`` / ``--selftest`` / ``demo``, else the command line's tools."""
    from kakanai.app import run_window_command

    code = run_window_command(sys.argv[1:])
    if code is not None:
        return code
    from kakanai.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
