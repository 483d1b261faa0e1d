"""The ``kakanai qr`` commands: print a resident's code, and read one from an image or scanned text.

    kakanai qr make HOUSEHOLD.json -o QR.png        draw the code (smallest version, correction M)
    kakanai qr read IMAGE_OR_TEXT [--backend B]     print the household the code holds, as JSON

Every failure prints the clerk's message to stderr and exits 2, like the rest of the command line.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path
from typing import Any

from PIL import Image
from qrcode.exceptions import DataOverflowError

from kakanai.cli.common import (
    EXIT_BAD_INPUT,
    NOT_JSON,
    json_reason,
    not_json_at_all,
    os_reason,
    read_household_text,
    write_whole,
)
from kakanai.domain.household_doc import ParsedHousehold, household_to_document, parse_household
from kakanai.domain.problems import InvalidInput, Problem
from kakanai.qr.images import BACKENDS, DEFAULT_BACKEND, DecoderUnavailable, make_qr_image, read_image_file
from kakanai.qr.payload import MAX_TEXT_KKN2, QrPayloadError, decode, encode_household, strict_json


def add_qr_commands(sub: Any) -> None:
    """Register ``qr make`` and ``qr read`` on the ``kakanai`` subcommand parsers."""
    qr = sub.add_parser("qr", help="住民のQRコード (resident QR codes)")
    qsub = qr.add_subparsers(dest="qr_command", required=True)
    make = qsub.add_parser("make", help="世帯の JSON からQRコード画像を作る")
    make.add_argument("household", metavar="HOUSEHOLD.json", help="世帯の JSON（KKN2・KKN1 の文書）。- で標準入力")
    make.add_argument("-o", "--output", required=True, metavar="QR.png", help="書き出す画像（PNG など）")
    make.set_defaults(func=_cmd_make)
    read = qsub.add_parser("read", help="QRコードを読み、世帯の JSON を表示")
    read.add_argument("source", metavar="IMAGE_OR_TEXT", help="QRコードの画像ファイル、またはスキャナが読んだ文字列（- で標準入力）")
    read.add_argument("--backend", choices=BACKENDS, default=DEFAULT_BACKEND, help="画像の読取方式（既定: zxing）")
    read.set_defaults(func=_cmd_read)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_BAD_INPUT


def _print_warnings(parsed: ParsedHousehold) -> None:
    for warning in parsed.warnings:
        print(f"注意: {warning}", file=sys.stderr)


def _read_household(source: str) -> ParsedHousehold:
    """The validated household in a JSON file (or stdin for ``-``); `InvalidInput` if unreadable."""
    try:
        text = read_household_text(source)
        document = strict_json(text, "ファイル")
    except OSError as exc:
        raise InvalidInput([Problem(source, f"ファイルを読めません（{os_reason(exc)}）", "cannot read file")],
                           "世帯の JSON を読めませんでした") from None
    except UnicodeDecodeError:
        raise InvalidInput([Problem(source, "文字コードが UTF-8 ではありません（UTF-8 で保存し直してください）",
                                    "not UTF-8")], "世帯の JSON を読めませんでした") from None
    except json.JSONDecodeError as exc:
        said = f"世帯の JSON ファイルではありません（{NOT_JSON}）" if not_json_at_all(text, exc) else \
            f"JSON として読めません（{json_reason(exc)}）"
        raise InvalidInput([Problem(source, said, exc.msg)], "世帯の JSON を読めませんでした") from None
    except QrPayloadError as exc:  # NaN, a key twice, nesting, a control character: as in a code
        raise InvalidInput([Problem(source, str(p), p.message_en) for p in exc.problems],
                           "世帯の JSON を読めませんでした") from None
    return parse_household(document)


def _cmd_make(args: argparse.Namespace) -> int:
    parsed = _read_household(args.household)
    _print_warnings(parsed)
    text = encode_household(parsed.household)
    try:
        image, version = make_qr_image(text)
    except DataOverflowError:
        return _fail(f"世帯の情報が多すぎて1つのQRコード（誤り訂正M）に入りません（{len(text)}文字）")
    try:
        buffer = io.BytesIO()
        image.save(buffer, format=Image.registered_extensions().get(Path(args.output).suffix.lower(), ""))
        write_whole(Path(args.output), buffer.getvalue())  # whole or nothing: the code holds the household
    except OSError as exc:
        return _fail(f"画像を書き出せません: {args.output}（{os_reason(exc)}）")
    except ValueError:
        return _fail(f"画像を書き出せません: {args.output}（名前の最後を .png にしてください）")
    print(f"QRコード バージョン {version}（誤り訂正M・{len(text)}文字）を書き出しました: {args.output}")
    return 0


def _cmd_read(args: argparse.Namespace) -> int:
    source: str = args.source
    try:
        if not source.strip():  # "" is no file name (Path("") is the current folder): an empty scan
            raise QrPayloadError("empty", "QRコードの中身が空です（画像ファイルか、読み取った文字を指定してください）",
                                 "empty source")
        if source != "-" and _is_file(source):
            text = read_image_file(Path(source), args.backend)
        elif source != "-" and _is_dir(source):
            raise QrPayloadError("image", f"フォルダです: {source}（QRコードの画像ファイルを1つ指定してください）",
                                 "a folder, not an image")
        elif _looks_like_path(source):
            raise QrPayloadError("image", f"画像ファイルが見つかりません: {source}（名前と場所を確かめてください）",
                                 "image file not found")
        else:
            text = sys.stdin.read(2 * MAX_TEXT_KKN2 + 1) if source == "-" else source  # longer is refused as too long
    except DecoderUnavailable as exc:
        return _fail(str(exc))
    parsed = decode(text)
    _print_warnings(parsed)
    json.dump(household_to_document(parsed.household), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def _is_file(source: str) -> bool:
    try:
        return Path(source).is_file()
    except (OSError, ValueError):  # a scanned code is longer than any file name
        return False


def _is_dir(source: str) -> bool:
    try:
        return Path(source).is_dir()
    except (OSError, ValueError):
        return False


def _looks_like_path(source: str) -> bool:
    """A KKN text is letters and digits only, so a dot or a slash means a file name (a URL a scanner
    typed is a scanned text: said to be a URL's code)."""
    return "://" not in source and any(mark in source for mark in "./\\")
