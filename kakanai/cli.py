"""The ``kakanai`` command: the window by default, and tools for clerks' supervisors and IT.

    kakanai                         open the counter window
    kakanai plan HOUSEHOLD.json     list the procedures a household needs, and why
    kakanai forms check [DIR]       validate a catalog folder and list every error
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.household_doc import parse_household
from kakanai.domain.planner import Plan, member_name, plan
from kakanai.domain.problems import InvalidInput
from kakanai.domain.wareki import format_wareki
from kakanai.resources import forms_dir

EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A failure to report to the user in one clear message, then exit non-zero."""


def _read_json(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"ファイルを読めません: {path} ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise CliError(f"文字コードが UTF-8 ではありません: {path}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"JSON として読めません: {path} {exc.lineno}行 {exc.colno}文字目 ({exc.msg})") from None


def _catalog(folder: str | None) -> Catalog:
    return load_catalog(Path(folder) if folder else forms_dir())


def plan_as_json(the_plan: Plan, draft: dict[str, Any], catalog: Catalog) -> list[dict[str, Any]]:
    """The plan as plain data for machines."""
    rows = []
    for item in the_plan.items:
        department = catalog.departments[item.procedure.definition.department]
        rows.append({
            "id": item.id, "title": item.procedure.title, "department": department.name,
            "counter": department.counter, "subjects": [member_name(draft, i) for i in item.subjects],
            "subject_indexes": list(item.subjects), "reasons": list(item.reasons),
            "forms": item.procedure.definition.forms, "bring": item.procedure.definition.bring,
            "deadline": item.procedure.definition.deadline,
        })
    return rows


def _cmd_plan(args: argparse.Namespace) -> int:
    catalog = _catalog(args.forms)
    parsed = parse_household(_read_json(args.household))
    for warning in parsed.warnings:
        print(f"注意: {warning}", file=sys.stderr)
    draft = draft_from_household(parsed.household)
    the_plan = plan(draft, catalog)
    rows = plan_as_json(the_plan, draft, catalog)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    h = parsed.household
    print(f"{h.event.label}　{format_wareki(h.date)}　{len(h.members)}人　手続 {len(rows)}件")
    for n, row in enumerate(rows, 1):
        print(f"{n:2}. {row['title']}　［{row['department']} {row['counter']}］")
        if row["subjects"]:
            print(f"    対象: {'、'.join(row['subjects'])}")
        print(f"    理由: {' / '.join(row['reasons'])}")
        if row["bring"]:
            print(f"    持ち物: {'、'.join(row['bring'])}")
    return 0


def _cmd_forms_check(args: argparse.Namespace) -> int:
    catalog = _catalog(args.dir)
    print(f"OK: {catalog.city.name} の手続 {len(catalog.procedures)}件・様式 {len(catalog.forms)}件に誤りはありません")
    return 0


def _run_app(*, demo: bool = False, selftest: bool = False) -> int:
    from kakanai.app import run  # the window pulls in Qt: import only when asked for

    return run(demo=demo, selftest=selftest)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``kakanai`` command."""
    parser = argparse.ArgumentParser(prog="kakanai", description="書かない窓口 kakanai")
    parser.add_argument("--selftest", action="store_true", help="画面を表示せずに1件の受付を通して試す (exit 0 = OK)")
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="デモの待ち行列つきで窓口画面を開く (open the window with demo residents)")
    demo.set_defaults(func=lambda args: _run_app(demo=True))
    p = sub.add_parser("plan", help="世帯の手続一覧を表示 (list a household's procedures)")
    p.add_argument("household", help="世帯の JSON（KKN1 の文書）。- で標準入力")
    p.add_argument("--json", action="store_true", help="JSON で出力")
    p.add_argument("--forms", help="様式・手続の定義フォルダ（既定: 同梱の forms/）")
    p.set_defaults(func=_cmd_plan)
    f = sub.add_parser("forms", help="様式・手続の定義 (catalog tools)")
    fsub = f.add_subparsers(dest="forms_command", required=True)
    check = fsub.add_parser("check", help="定義フォルダを検査し、誤りをすべて表示")
    check.add_argument("dir", nargs="?", help="定義フォルダ（既定: 同梱の forms/）")
    check.set_defaults(func=_cmd_forms_check)
    from kakanai.store.commands import add_store_commands

    add_store_commands(sub)
    from kakanai.services.supervisor_commands import add_supervisor_commands

    add_supervisor_commands(sub)
    from kakanai.qr.commands import add_qr_commands

    add_qr_commands(sub)
    from kakanai.pdf.commands import add_pdf_commands

    add_pdf_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 2 bad input)."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _run_app(selftest=args.selftest)
    try:
        return args.func(args)
    except InvalidInput as exc:
        print(exc.clerk_message(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
