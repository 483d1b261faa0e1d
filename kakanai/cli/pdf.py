"""The printing commands of ``kakanai``.

    kakanai render HOUSEHOLD.json -o OUT.pdf [--split DIR]   print a household's forms, take-home sheet last
    kakanai forms grid TEMPLATE.pdf -o OUT.pdf               a millimetre grid over a city template

`render` refuses to print while a name or address holds a character the fonts lack (外字),
naming the person, the field and the character, unless ``--allow-missing-glyphs`` (then it
prints 〓 in its place). Rendering modules are imported only when a command runs, so the
window starts without loading reportlab.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kakanai.cli.common import (
    CliError,
    casework_from,
    day_or_today,
    os_reason,
    read_json,
    report_intake,
    report_pending,
    write_whole,
)
from kakanai.domain.problems import InvalidInput
from kakanai.domain.wareki import format_wareki

if TYPE_CHECKING:
    from kakanai.pdf.bundle import BundleReport

GLYPHS_TITLE = "印刷できない文字（外字）があります"  # a title is cut at MAX_TITLE: what to do is its own line
GLYPHS_HINT = "正しい字形を確認して直すか、--allow-missing-glyphs で〓と印字して手書きで補ってください"


def add_pdf_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``render`` and, under the existing ``forms`` command, ``grid``."""
    render = sub.add_parser("render", help="記入済みの届出書類をPDFで作成 (print a household's forms)")
    render.add_argument("household", metavar="HOUSEHOLD.json", help="世帯の JSON（KKN1 の文書）。- で標準入力")
    render.add_argument("-o", "--output", metavar="OUT.pdf", help="1つにまとめたPDFの出力先")
    render.add_argument("--split", metavar="DIR", help="様式ごとに別のPDFにして、このフォルダへ出力")
    render.add_argument("--forms", help="様式・手続の定義フォルダ（既定: 同梱の forms/）")
    render.add_argument("--visit-id", help="受付番号（QRコードに入ります。既定: 自動で付番）")
    render.add_argument("--issued", help="届出日（既定: 今日。例 2026-04-01、令和8年4月1日）")
    render.add_argument("--allow-missing-glyphs", action="store_true",
                        help="外字があっても〓に置き換えて印刷する")
    render.set_defaults(func=_cmd_render)
    grid = _subcommands(sub.choices["forms"]).add_parser("grid", help="様式PDFに座標の方眼（mm）を重ねる")
    grid.add_argument("template", metavar="TEMPLATE.pdf", help="市の様式PDF")
    grid.add_argument("-o", "--output", required=True, metavar="GRID.pdf", help="出力先のPDF")
    grid.set_defaults(func=_cmd_grid)


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def _cmd_render(args: argparse.Namespace) -> int:
    if not args.output and not args.split:
        raise CliError("出力先がありません: -o OUT.pdf か --split DIR を指定してください")
    if args.split and not Path(args.split).is_dir() and not Path(args.split).parent.is_dir():
        # the last folder is made; a mistyped path above it must not become a tree of resident forms
        raise CliError(f"フォルダがありません: {Path(args.split).parent}（--split の場所を確かめてください）")
    casework = casework_from(args.forms)
    intake = casework.read_document(read_json(args.household))
    report_intake(intake)
    household, issued = intake.household, day_or_today(args.issued, "--issued: {reason}")
    problems = casework.printable_problems(household)
    if problems and not args.allow_missing_glyphs:
        raise CliError(f"{InvalidInput(problems, GLYPHS_TITLE).clerk_message()}\n{GLYPHS_HINT}")
    the_plan = casework.plan_of(intake, issued)  # ages and deadlines on the day it is filed
    if not the_plan.items:
        raise CliError("この世帯に必要な手続がないため、印刷する様式がありません")
    visit_id = args.visit_id or f"V{issued:%Y%m%d}-{secrets.token_hex(3).upper()}"
    try:
        if args.output:
            bundle = casework.render(household, the_plan, visit_id, issued)
            write_whole(Path(args.output), bundle.pdf)
            _summary(args.output, bundle.report, visit_id, issued)
        if args.split:
            files = casework.render_split(household, the_plan, Path(args.split), visit_id, issued)
            print(f"様式ごとのPDF {len(files)}件: {args.split}")
    except OSError as exc:
        raise CliError(f"PDFを書き込めません: {exc.filename or args.output}（{os_reason(exc)}）") from None
    report_pending(casework.pending(the_plan, intake.draft))
    return 0


def _summary(out: str, report: BundleReport, visit_id: str, issued: date) -> None:
    print(f"{out}: 様式 {len(report.forms)}件・{report.pages}ページ（お手続き案内を含む）"
          f"　受付番号 {visit_id}　届出日 {format_wareki(issued)}")
    for form in report.forms:
        if form.missing:
            empty = "、".join(form.missing)
            print(f"注意: {form.title}（{form.page_numbers[0]}ページ）の空欄: {empty}", file=sys.stderr)
    for problem in report.unprintable:
        print(f"注意: 〓で印字しました: {problem}", file=sys.stderr)


def _cmd_grid(args: argparse.Namespace) -> int:
    from pypdf.errors import PdfReadError

    from kakanai.pdf.overlay import render_grid

    template = Path(args.template)
    not_pdf = CliError(f"PDF ではありません: {template}（市の様式の PDF ファイルを指定してください）")
    try:
        with template.open("rb") as head:
            if not head.read(1024).lstrip().startswith(b"%PDF-"):
                raise not_pdf
    except OSError as exc:
        raise CliError(f"ファイルを読めません: {template}（{os_reason(exc)}）") from None
    try:
        pages = render_grid(template, Path(args.output))
    except PdfReadError:
        raise CliError(f"PDF として読めません: {template}（壊れているかもしれません。元の PDF を指定してください）") from None
    except OSError as exc:
        raise CliError(f"書き込めません: {args.output}（{os_reason(exc)}）") from None
    print(f"{args.output}: {pages}ページに方眼（10mm ごと、左上が原点）を重ねました")
    return 0
