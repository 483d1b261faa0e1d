"""``kakanai card read``: read the four basic facts of a My Number card, as the counter does (for
IT's checks of a reader), with the postal code the counter would fill for its address. The resident
types the 4-digit PIN (no echo); ``--my-number`` also reads 個人番号, only when asked."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from kakanai.cli.common import EXIT_BAD_INPUT, CliError


def add_card_commands(sub: Any) -> None:
    """Register ``card read``."""
    card = sub.add_parser("card", help="マイナンバーカード (券面事項入力補助AP) を読み取る")
    csub = card.add_subparsers(dest="card_command", required=True)
    read = csub.add_parser("read", help="基本4情報（氏名・住所・生年月日・性別）を読み取る")
    read.add_argument("--reader", default="", help="使うカードリーダーの名前（既定: 設定 card.reader、なければカードのある1台）")
    read.add_argument("--my-number", action="store_true", help="個人番号も読み取る（個人番号欄のある様式のときだけ）")
    read.set_defaults(func=_cmd_read)


def _cmd_read(args: argparse.Namespace) -> int:
    from kakanai.card.pcsc import read_basic_four, read_my_number
    from kakanai.card.protocol import CardError
    from kakanai.domain.vocabulary import sex_label
    from kakanai.domain.wareki import format_wareki
    from kakanai.settings import load_settings

    settings = load_settings().card
    if not settings.enabled:
        raise CliError("カード読取は情報システム係の設定で使わないことになっています（card.enabled = false）")
    reader = args.reader or settings.reader
    pin = getpass.getpass("券面事項入力補助用の暗証番号（数字4けた）: ")
    try:
        facts = read_basic_four(pin, reader)
        number = read_my_number(pin, reader) if args.my_number else ""
    except CardError as exc:
        print(exc.message_ja, file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        pin = ""
    print(f"氏名　　　{facts.family}　{facts.given}")
    print(f"住所　　　{facts.address}")
    print(f"郵便番号　{_postal_code(facts.address) or '（決まりません: 窓口で伺います）'}")
    print(f"生年月日　{format_wareki(facts.birth)}（{facts.birth.isoformat()}）")
    print(f"性別　　　{sex_label(facts.sex) or '記載なし'}")
    if number:
        print(f"個人番号　{number}")
    return 0


def _postal_code(address: str) -> str:
    """The code the counter fills for the card's address (the city's list, then Japan's); "" if none."""
    from kakanai.domain.catalog import load_catalog
    from kakanai.domain.postal import PostalBook
    from kakanai.domain.problems import InvalidInput
    from kakanai.resources import forms_dir
    from kakanai.services.postal import PostalDirectory
    from kakanai.settings import load_settings

    settings = load_settings()
    try:
        catalog = load_catalog(Path(settings.forms_dir) if settings.forms_dir else forms_dir())
    except InvalidInput:  # a broken catalog is `forms check`'s to tell; Japan's list still answers
        return PostalDirectory(PostalBook(())).code_of(address)
    return PostalDirectory(catalog.postal_book).code_of(address)
