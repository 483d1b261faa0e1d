"""The ``kakanai`` command: the window by default, and tools for clerks' supervisors and IT.

    kakanai                         open the counter window
    kakanai plan HOUSEHOLD.json     list the procedures a household needs, and why
    kakanai forms check [DIR]       validate a catalog folder and list every error
    kakanai print BUNDLE.pdf        print a PDF the way the counter prints (IT's check)
"""

from __future__ import annotations

import argparse
import logging
import sys

from kakanai.cli.common import EXIT_BAD_INPUT, CliError, os_reason
from kakanai.cli.parser import JapaneseParser
from kakanai.domain.problems import InvalidInput

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILED", "CliError", "build_parser", "main"]

EXIT_FAILED = 1  # something went wrong that is not the input's fault (said in Japanese, no traceback)


def _run_app(*, demo: bool = False, selftest: bool = False) -> int:
    from kakanai.app import run  # the window pulls in Qt: import only when asked for

    return run(demo=demo, selftest=selftest)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``kakanai`` command."""
    parser = JapaneseParser(prog="kakanai", description="書かない窓口 kakanai")
    parser.add_argument("--selftest", action="store_true", help="画面を表示せずに1件の受付を通して試す (exit 0 = OK)")
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="デモの待ち行列つきで窓口画面を開く (open the window with demo residents)")
    demo.set_defaults(func=lambda args: _run_app(demo=True))
    # each module imports what its commands need only when they run (the window starts lean)
    from kakanai.cli.card import add_card_commands
    from kakanai.cli.catalog import add_catalog_commands
    from kakanai.cli.db import add_store_commands
    from kakanai.cli.pdf import add_pdf_commands
    from kakanai.cli.printer import add_print_commands
    from kakanai.cli.qr import add_qr_commands
    from kakanai.cli.supervisor import add_supervisor_commands
    from kakanai.cli.web import add_web_commands

    add_catalog_commands(sub)
    add_card_commands(sub)
    add_store_commands(sub)
    add_supervisor_commands(sub)
    add_qr_commands(sub)
    add_pdf_commands(sub)
    add_print_commands(sub)
    add_web_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 2 bad input)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a mistake argparse found (2, said in Japanese)
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    if args.command is None:
        return _run_app(selftest=args.selftest)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its English warnings would come before our Japanese
    try:
        return args.func(args)
    except InvalidInput as exc:
        print(exc.clerk_message(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # a file a command reads or writes (each command names its own where it can)
        where = f": {exc.filename}" if exc.filename else ""
        print(f"ファイルを読み書きできません{where}（{os_reason(exc)}）", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - never a traceback (RecursionError too) to a clerk or IT
        return _unexpected(exc)


def _unexpected(exc: BaseException) -> int:
    """An error no command foresaw: its type (never its text, which may hold a resident's data),
    what to do next in Japanese, and a non-zero exit."""
    print(f"予期しないエラーで中断しました（{type(exc).__name__}）。入力したファイルと設定を確かめて、"
          "直らなければ情報システム担当へ連絡してください", file=sys.stderr)
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
