"""The printing command of ``kakanai``, for IT's checks and scripts.

    kakanai print BUNDLE.pdf [--printer NAME] [--title ID] [--no-wait] [--timeout S]

The same path as the counter's F5 (kakanai.ui.printing.send): the PDF itself to CUPS where it
exists, else pages rendered at 300 dpi in grey onto the Windows printer. Each page on its own paper
when the printer has it, else fitted and centred; every page one-sided (a PDF from a file says not
which pages carry a 署名欄). The job is titled with the file's name without ``.pdf`` (the visit id
for a bundle saved by kakanai), or ``--title``. Exit 0 once printed, 1 when the printer reports a
problem or does not finish within the timeout, 2 on bad input.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kakanai.cli.common import CliError, os_reason

EXIT_NOT_PRINTED = 1


def add_print_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``print``."""
    command = sub.add_parser("print", help="PDFを印刷する（窓口の印刷と同じ経路。IT の確認用）")
    command.add_argument("pdf", metavar="BUNDLE.pdf", help="印刷するPDF。- で標準入力")
    command.add_argument("--printer", help="プリンター名（既定: 設定の printer、なければ OS の既定）")
    command.add_argument("--title", help="印刷ジョブの名前（既定: ファイル名から .pdf を除いたもの）")
    command.add_argument("--no-wait", action="store_true", help="受け付けられたら待たずに終わる")
    command.add_argument("--timeout", type=float, default=300.0, help="印刷が終わるまで待つ秒数（既定 300）")
    command.set_defaults(func=_cmd_print)


def _read(path: str) -> bytes:
    not_pdf = CliError(f"PDF ではありません: {path}（kakanai render などで作った PDF を指定してください）")
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with Path(path).open("rb") as file:
                if file.read(5) != b"%PDF-":  # before reading the rest: /dev/zero never ends
                    raise not_pdf
                data = b"%PDF-" + file.read()
    except OSError as exc:
        raise CliError(f"ファイルを読めません: {path}（{os_reason(exc)}）") from None
    if not data.startswith(b"%PDF-"):
        raise not_pdf
    return data


def _printer(name: str | None) -> str:
    from kakanai.settings import load_settings
    from kakanai.ui.printing import printer_names

    known = printer_names()
    chosen = name or load_settings().printer or (known[0] if known else "")
    if not chosen:
        raise CliError("使えるプリンターがありません（--printer で指定してください）")
    if known and chosen not in known:
        raise CliError(f"そのプリンターは見つかりません: {chosen}（あるもの: {', '.join(known)}）")
    return chosen


def _cmd_print(args: argparse.Namespace) -> int:
    from pypdf.errors import PdfReadError

    from kakanai.services import cups
    from kakanai.services.printing import bundle_pages, split_parts

    pdf = _read(args.pdf)
    title = args.title or (Path(args.pdf).stem if args.pdf != "-" else "kakanai")
    if not cups.available():
        from PySide6.QtGui import QGuiApplication  # the raster path paints with Qt

        _app = QGuiApplication.instance() or QGuiApplication([])
    from kakanai.ui.printing import send

    printer = _printer(args.printer)
    try:
        parts = split_parts(bundle_pages(pdf, None), printer)
    except PdfReadError:  # cut short, damaged, or locked with a password
        raise CliError(f"PDF として読めません: {args.pdf}（壊れているか、パスワードで保護されています）") from None
    if not parts:
        raise CliError(f"ページのない PDF です: {args.pdf}（印刷するものがありません）")
    started = time.monotonic()
    try:
        jobs = send(pdf, parts, title)
    except OSError as exc:
        reason = os_reason(exc) if exc.errno else str(exc)  # kakanai's own reasons are Japanese already
        print(f"印刷できませんでした: {reason}", file=sys.stderr)
        return EXIT_NOT_PRINTED
    accepted = time.monotonic() - started
    print(f"受け付けました: {', '.join(j.job_id for j in jobs) or parts[0].printer}"
          f"（{sum(p.pages for p in parts)} ページ、{len(parts)} ジョブ、{accepted * 1000:.0f} ms）")
    return 0 if args.no_wait or not jobs else _wait(list(jobs), args.timeout, started)


def _wait(jobs: list, timeout: float, started: float) -> int:  # type: ignore[type-arg]
    """Follow the jobs until done (0) or the timeout (1), telling what the printer says."""
    from kakanai.services import cups

    shown = ""
    while True:
        result = cups.status(jobs)
        if result.text != shown and not result.finished:
            shown = result.text
            print(shown, file=sys.stderr if result.phase == "problem" else sys.stdout)
        if result.finished:
            print(f"印刷が終わりました（{time.monotonic() - started:.1f} 秒）")
            return 0
        if time.monotonic() - started > timeout:
            print(f"{timeout:.0f} 秒待っても終わりません: {result.text}", file=sys.stderr)
            return EXIT_NOT_PRINTED
        time.sleep(0.25)
