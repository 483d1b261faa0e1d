"""``kakanai plan`` and ``kakanai forms check``: a household's procedures, and a catalog's errors."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kakanai.cli.common import (
    EXIT_BAD_INPUT,
    CliError,
    casework_from,
    catalog_from,
    day_or_today,
    os_reason,
    read_json,
    report_intake,
    report_pending,
)
from kakanai.domain.catalog import Catalog
from kakanai.domain.catalog_doc import procedures_markdown
from kakanai.domain.interview import question_label
from kakanai.domain.planner import Plan, member_name
from kakanai.domain.problems import InvalidInput
from kakanai.domain.wareki import format_wareki
from kakanai.services.casework import Casework


def add_catalog_commands(sub: Any) -> None:
    """Register ``plan`` and ``forms check``."""
    p = sub.add_parser("plan", help="世帯の手続一覧を表示 (list a household's procedures)")
    p.add_argument("household", metavar="HOUSEHOLD.json", help="世帯の JSON（KKN1 の文書）。- で標準入力")
    p.add_argument("--json", action="store_true", help="JSON で出力")
    p.add_argument("--forms", help="様式・手続の定義フォルダ（既定: 同梱の forms/）")
    p.add_argument("--visit", metavar="DATE", help="来庁日（年齢・期限を見る日。既定: 今日）: 2026-04-01 か 令和8年4月1日")
    p.set_defaults(func=_cmd_plan)
    f = sub.add_parser("forms", help="様式・手続の定義 (catalog tools)")
    fsub = f.add_subparsers(dest="forms_command", required=True)
    check = fsub.add_parser("check", help="定義フォルダを検査し、誤りをすべて表示")
    check.add_argument("dir", nargs="?", metavar="DIR", help="定義フォルダ（既定: 同梱の forms/）")
    check.set_defaults(func=_cmd_forms_check)
    doc = fsub.add_parser("doc", help="手続の一覧（docs/procedures.md）をカタログから作る")
    doc.add_argument("-o", "--output", metavar="FILE", help="書き出すファイル（既定: 標準出力）")
    doc.add_argument("--forms", help="様式・手続の定義フォルダ（既定: 同梱の forms/）")
    doc.set_defaults(func=_cmd_forms_doc)


def plan_as_json(the_plan: Plan, draft: dict[str, Any], catalog: Catalog) -> list[dict[str, Any]]:
    """The plan as plain data for machines."""
    rows = []
    for item in the_plan.items:
        department = catalog.departments[item.procedure.definition.department]
        rows.append({
            "id": item.id, "title": item.procedure.title, "department": department.name,
            "counter": department.counter, "subjects": [member_name(draft, i) for i in item.subjects],
            "subject_indexes": list(item.subjects), "reasons": list(item.reasons),
            "forms": item.procedure.definition.forms, "bring": list(item.bring),
            "deadline": item.procedure.deadline.text if item.procedure.deadline else "",
            "last_day": item.last_day.isoformat() if item.last_day else None, "late": item.late,
            "basis": item.procedure.definition.basis,
        })
    return rows


def _cmd_plan(args: argparse.Namespace) -> int:
    casework = casework_from(args.forms)
    intake = casework.read_document(read_json(args.household))
    report_intake(intake)
    the_plan = casework.plan_of(intake, day_or_today(args.visit, "来庁日が読めません: {text}（{reason}）"))
    rows = plan_as_json(the_plan, intake.draft, casework.catalog)
    report_pending(casework.pending(the_plan, intake.draft))
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    h = intake.household
    print(f"{h.event.label}　{format_wareki(h.date)}　{len(h.members)}人　手続 {len(rows)}件")
    for n, row in enumerate(rows, 1):
        print(f"{n:2}. {row['title']}　［{row['department']} {row['counter']}］")
        if row["subjects"]:
            print(f"    対象: {'、'.join(row['subjects'])}")
        print(f"    理由: {' / '.join(row['reasons'])}")
        if row["bring"]:
            print(f"    持ち物: {'、'.join(row['bring'])}")
        if row["deadline"]:
            until = f"（{format_wareki(date.fromisoformat(row['last_day']))}まで）" if row["last_day"] else ""
            late = "　※期限を過ぎています。遅れた理由を伺ってください" if row["late"] else ""
            print(f"    期限: {row['deadline']}{until}{late}")
    _print_undecided(the_plan, intake.draft)
    return 0


def _print_undecided(the_plan: Plan, draft: dict[str, Any]) -> None:
    """Each undecided procedure with the questions that decide it, as the interview asks them."""
    if not the_plan.undecided:
        return
    print(f"未確定 {len(the_plan.undecided)}件（次の質問の答えで決まります）")
    for item in the_plan.undecided:
        questions = "、".join(dict.fromkeys(_question(path, draft) for path in item.needs))
        print(f" ? {item.procedure.title}: {questions or '入力済みの内容を確かめてください'}")


def _question(path: str, draft: dict[str, Any]) -> str:
    try:
        return question_label(path, draft)
    except KeyError:
        return path


def _cmd_forms_check(args: argparse.Namespace) -> int:
    if args.dir and not Path(args.dir).is_dir():
        raise CliError(f"定義フォルダがありません: {Path(args.dir).absolute()}（catalog.toml のあるフォルダを指定してください）")
    try:
        catalog = catalog_from(args.dir)
    except InvalidInput:
        # the errors name files from the folder's own name on (forms/procedures/…): say where that is
        print(f"検査したフォルダ: {_folder(args.dir)}", file=sys.stderr)
        raise
    from kakanai.pdf.overlay import template_problems  # reportlab and pypdf only when a command runs

    broken = template_problems(catalog)
    if broken:  # a city's blank form that no bundle could print on: said at load, not at a visit
        print(f"検査したフォルダ: {catalog.root.absolute()}", file=sys.stderr)
        raise InvalidInput(broken, "様式・手続の定義に誤りがあります")
    print(f"検査したフォルダ: {catalog.root.absolute()}")
    print(f"OK: {catalog.city.name} の手続 {len(catalog.procedures)}件・様式 {len(catalog.forms)}件に誤りはありません")
    failed = [name for name, ok in _check_examples(Casework(catalog)) if not ok]
    if failed:
        print(f"NG: 例の世帯 {len(failed)}件を印刷まで通せませんでした: {'、'.join(failed)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _cmd_forms_doc(args: argparse.Namespace) -> int:
    text = procedures_markdown(catalog_from(args.forms))
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"書き出せません: {args.output}（{os_reason(exc)}）") from None
        print(f"書き出しました: {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def _folder(given: str | None) -> Path:
    if given:
        return Path(given).absolute()
    from kakanai.resources import forms_dir
    from kakanai.settings import load_settings

    configured = load_settings().forms_dir
    return Path(configured).absolute() if configured else forms_dir()


def _check_examples(casework: Casework) -> list[tuple[str, bool]]:
    """Plan and render every example household of the catalog (``examples/*.json``), one line each."""
    results = []
    for path in sorted((casework.catalog.root / "examples").glob("*.json")):
        try:
            intake = casework.read_document(read_json(str(path)))
            plan = casework.plan_of(intake)
            problems = casework.printable_problems(intake.household)
            if problems:
                raise InvalidInput(problems, "印刷できない文字（外字）があります")
            bundle = casework.render(intake.household, plan, "FORMSCHECK", date.today())
        except (InvalidInput, CliError) as exc:
            message = exc.clerk_message() if isinstance(exc, InvalidInput) else str(exc)
            print(f"NG: 例 {path.name}: {message}", file=sys.stderr)
            results.append((path.name, False))
            continue
        h = intake.household
        print(f"OK: 例 {path.name}: {h.event.label} {len(h.members)}人　手続 {len(plan.items)}件・"
              f"様式 {len(bundle.report.forms)}件 {bundle.report.pages}ページ")
        report_pending(casework.pending(plan, intake.draft))
        results.append((path.name, True))
    return results
