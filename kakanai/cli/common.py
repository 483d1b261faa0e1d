"""What every command shares: reading the user's files, the catalog IT configured, clear errors."""

from __future__ import annotations

import errno
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.domain.problems import DomainValueError, InvalidInput, Problem
from kakanai.domain.wareki import parse_date
from kakanai.resources import forms_dir
from kakanai.services.casework import Casework, Intake, Pending

EXIT_BAD_INPUT = 2


def casework_from(folder: str | None) -> Casework:
    """The case service over the catalog in ``folder``, else the one the window uses."""
    return Casework(catalog_from(folder))


def report_intake(intake: Intake) -> None:
    """Warnings about what was read (unknown keys), on standard error."""
    for warning in intake.warnings:
        print(f"注意: {warning}", file=sys.stderr)


def report_pending(pending: tuple[Pending, ...]) -> None:
    """The undecided procedures, for whom and why: the same lines from `plan` and `render`."""
    for item in pending:
        print(f"注意: 未確定の手続（聞き取りが必要）: {item.line()}", file=sys.stderr)


class CliError(Exception):
    """A failure to report to the user in one clear message, then exit non-zero."""


_OS_REASONS = {
    errno.ENOENT: "ありません。名前と場所を確かめてください",
    errno.EACCES: "権限がありません。権限を確かめるか、管理者として実行してください",
    errno.EPERM: "権限がありません。権限を確かめるか、管理者として実行してください",
    errno.EISDIR: "フォルダです。ファイルを指定してください",
    errno.ENOTDIR: "途中にフォルダでないものがあります。場所を確かめてください",
    errno.ENOSPC: "ディスクがいっぱいです。空きを作ってから、もう一度実行してください",
    errno.EROFS: "書き込めない場所です。別の場所を指定してください",
    errno.EEXIST: "同じ名前のファイルがあります（フォルダを作れません）。別の名前か場所を指定してください",
    errno.ENAMETOOLONG: "名前が長すぎます。短い名前にしてください",
    errno.EDQUOT: "ディスクの割り当てを使い切っています。空きを作ってから、もう一度実行してください",
    errno.EFBIG: "ファイルが大きすぎて書けません（ファイルの大きさの上限）",
}
_JSON_REASONS = {
    "Expecting value": "値がありません（空のファイルか、, や : の後が空です）",
    "Expecting property name enclosed in double quotes": "項目名は \"…\" で囲みます（最後の , が余分かもしれません）",
    "Expecting ',' delimiter": ", が足りません",
    "Expecting ':' delimiter": ": が足りません",
    "Unterminated string starting at": "\" が閉じていません",
    "Extra data": "余分な文字があります（全体を { } 1つにしてください）",
    "Invalid control character at": "文字列の中に改行などの制御文字があります",
    "Invalid \\escape": "\\ の使い方が正しくありません",
}


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: into a temporary file beside it, then renamed
    over it; if the disk refuses (full, a size limit), the temporary file is removed and OSError
    raised, so no half PDF or image with a resident's data is left to be printed by mistake."""
    if path.is_dir():  # the rename would fail with a less telling error
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        if exc.filename == str(temporary):
            exc.filename = str(path)
        raise


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in Japanese, with what to do next."""
    return _OS_REASONS.get(exc.errno or 0, f"読み書きできません（{errno.errorcode.get(exc.errno or 0, '?')}）")


NOT_JSON = "{ で始まっていません。forms/examples/*.json の形のファイルを指定してください"


def not_json_at_all(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether the text fails on its very first character (a TOML, CSV or text file), not inside a JSON document."""
    start = len(text) - len(text.lstrip(" \t\r\n\ufeff"))
    return exc.msg == "Expecting value" and exc.pos == start < len(text)


def json_reason(exc: json.JSONDecodeError) -> str:
    """Where and why a text is not JSON, in Japanese (``3行 5文字目: , が足りません``)."""
    return f"{exc.lineno}行 {exc.colno}文字目: {_JSON_REASONS.get(exc.msg, '書き方が正しくありません')}"


MAX_HOUSEHOLD_FILE = 1024 * 1024  # a code's document is at most 64 KiB; a file may be indented, never this


def read_household_text(path: str) -> str:
    """The text of a household file (``-``: standard input), read up to `MAX_HOUSEHOLD_FILE` bytes
    (/dev/zero or a wrong file of gigabytes is refused, not read into memory); OSError,
    UnicodeDecodeError, or `CliError` when it is larger."""
    if path == "-":
        raw = sys.stdin.buffer.read(MAX_HOUSEHOLD_FILE + 1)
    else:
        with Path(path).open("rb") as file:
            raw = file.read(MAX_HOUSEHOLD_FILE + 1)
    if len(raw) > MAX_HOUSEHOLD_FILE:
        raise CliError(f"ファイルが大きすぎます: {path}（世帯の JSON は {MAX_HOUSEHOLD_FILE // 1024 // 1024}MB まで。"
                       "別のファイルを指定していないか確かめてください）")
    kind = _other_kind(raw)
    if kind:
        raise CliError(f"世帯の JSON ファイルではありません: {path}（{kind}）")
    return raw.decode("utf-8")


# what a clerk or IT may give instead of a household's JSON, told by its first bytes
_OTHER_KINDS = ((b"%PDF-", "PDF です。世帯の JSON ファイル（forms/examples/*.json の形）を指定してください"),
                (b"\x89PNG", "画像です。QRコードの画像は kakanai qr read で読みます"),
                (b"\xff\xd8\xff", "画像です。QRコードの画像は kakanai qr read で読みます"),
                (b"KKN", "QRコードの文字です。kakanai qr read で読みます"),
                (b"kkn", "QRコードの文字です。kakanai qr read で読みます"))


def _other_kind(raw: bytes) -> str:
    head = raw.lstrip(b" \t\r\n\xef\xbb\xbf")[:8]
    for magic, said in _OTHER_KINDS:
        if head.startswith(magic):
            return said
    return ""


def read_json(path: str) -> Any:
    """The JSON in the file ``path`` (``-``: standard input); `CliError` in Japanese if unreadable."""
    try:
        text = read_household_text(path)
    except OSError as exc:
        raise CliError(f"ファイルを読めません: {path}（{os_reason(exc)}）") from None
    except UnicodeDecodeError:
        raise CliError(f"文字コードが UTF-8 ではありません: {path}（UTF-8 で保存し直してください）") from None
    return household_json(text, path)


def household_json(text: str, source: str) -> Any:
    """The JSON document of a household file, by the rules a QR code's document follows (no NaN,
    no duplicate key, bounded nesting, no control or bidi character); `CliError` or `InvalidInput`
    naming ``source`` and the reason in Japanese."""
    from kakanai.qr.payload import QrPayloadError, strict_json

    try:
        return strict_json(text, "ファイル")
    except json.JSONDecodeError as exc:
        if not_json_at_all(text, exc):
            raise CliError(f"世帯の JSON ファイルではありません: {source}（{NOT_JSON}）") from None
        raise CliError(f"JSON として読めません: {source} {json_reason(exc)}") from None
    except QrPayloadError as exc:
        raise InvalidInput([Problem(source, str(p), p.message_en) for p in exc.problems],
                           "世帯の JSON を読めませんでした") from None


def catalog_from(folder: str | None) -> Catalog:
    """The catalog in ``folder``, else the one the window uses: IT's ``forms_dir``, else the shipped one."""
    if folder:
        return load_catalog(Path(folder))
    from kakanai.settings import load_settings

    configured = load_settings().forms_dir
    return load_catalog(Path(configured) if configured else forms_dir())


def day_or_today(text: str | None, message: str) -> date:
    """The day an option names (和暦 or 西暦, as the interview takes it), today without one; a day that
    cannot be read is a CliError of `message` with {text} (as typed) and {reason} (the Japanese part)."""
    if not text:
        return date.today()
    try:
        return parse_date(text)
    except ValueError as exc:
        reason = exc.ja if isinstance(exc, DomainValueError) else str(exc)
        raise CliError(message.format(text=text, reason=reason)) from None
