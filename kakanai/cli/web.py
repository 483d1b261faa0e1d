"""The ``kakanai web`` command: build the resident's offline pre-fill page.

    kakanai web build -o DIR [--forms DIR]     write DIR/index.html for the city's catalog
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kakanai.cli.common import CliError, catalog_from, os_reason


def add_web_commands(sub: Any) -> None:
    """Register ``web build`` on the ``kakanai`` subcommand parsers."""
    web = sub.add_parser("web", help="住民の事前入力ページ (the resident's pre-fill page)")
    wsub = web.add_subparsers(dest="web_command", required=True)
    build = wsub.add_parser("build", help="通信しない事前入力ページ（index.html 1つ）を書き出す")
    build.add_argument("-o", "--output", required=True, metavar="DIR", help="index.html を書き出すフォルダ")
    build.add_argument("--forms", metavar="DIR", help="カタログのフォルダ（既定: 窓口と同じ）")
    build.set_defaults(func=_cmd_build)


def _cmd_build(args: argparse.Namespace) -> int:
    from kakanai.web.build import PageError, build_page, prepare

    catalog = catalog_from(args.forms)
    try:
        inputs = prepare(catalog)  # the spec once, for the page and for the note on missing texts
        target = build_page(inputs, Path(args.output))
    except PageError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"書き出せません: {args.output}（{os_reason(exc)}）") from None
    size = target.stat().st_size
    print(f"住民ページを書き出しました: {target}（{size:,} バイト・{catalog.city.name}）")
    # a language without words for a shown text shows the counter's Japanese there: say which, by language
    missing: dict[str, list[str]] = {}
    for language, key in inputs.missing_texts():
        missing.setdefault(language, []).append(key)
    for language, keys in missing.items():
        print(f"注意: 言語 {language} に訳のない文言 {len(keys)}件（日本語で表示されます）: {'、'.join(keys[:10])}"
              f"{' …' if len(keys) > 10 else ''}", file=sys.stderr)
    return 0
