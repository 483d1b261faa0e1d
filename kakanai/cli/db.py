"""``kakanai db upgrade`` and ``kakanai report``: database set-up and the KPI report for IT and supervisors."""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from kakanai.cli.common import CliError
from kakanai.cli.parser import iso_date
from kakanai.domain.problems import InvalidInput, Problem
from kakanai.store.db import make_engine, upgrade
from kakanai.store.kpi import DIMENSIONS, KpiFilter


def _url(args: argparse.Namespace) -> str:
    """The database URL given, else the configured one; InvalidInput when it is neither SQLite nor
    PostgreSQL (said before SQLAlchemy or Alembic tries to load a driver for it)."""
    from kakanai.bootstrap import check_database_url
    from kakanai.settings import load_settings

    if not args.url:
        url = load_settings().effective_database_url()
        check_database_url(url)  # IT's settings file: said as its mistake
        return url
    try:
        check_database_url(args.url)
    except InvalidInput:
        raise CliError("--url: データベースの接続先の書き方が正しくありません（例: sqlite:////srv/kakanai/visits.db、"
                       "postgresql+psycopg://ユーザー:パスワード@サーバー/kakanai）") from None
    return str(args.url)


def _db_error(exc: SQLAlchemyError) -> InvalidInput:
    return InvalidInput([Problem("database", "データベースに接続できません。接続先の設定とサーバーの状態を確認してください",
                                 type(exc).__name__)], "データベースのエラー")


def _cmd_upgrade(args: argparse.Namespace) -> int:
    url = _url(args)
    database = _sqlite_file(url)
    if database is not None and not database.parent.is_dir():
        if args.url and not args.create:  # a mistyped path must not become a new empty database
            raise CliError(f"フォルダがありません: {database.parent}（場所を確かめてください。"
                           "新しく作るときは --create を付けます）")
        database.parent.mkdir(parents=True, exist_ok=True)
    new = database is not None and not database.exists()
    try:
        upgrade(url)
    except SQLAlchemyError as exc:
        raise _db_error(exc) from None
    print(f"新しいデータベースを作りました: {database}" if new else "データベースを最新の版にしました")
    return 0


def _sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (``sqlite:////srv/k.db`` → /srv/k.db); None for a server or memory."""
    name = url.removeprefix("sqlite:///").split("?")[0] if url.startswith("sqlite:///") else ""
    return Path(name) if name and name != ":memory:" else None


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f}"


BY_HELP = ("集計の区分: event=届出の種類 clerk=職員（仮名） counter=窓口 office=庁舎 hour=時間帯 day=日 "
           "procedure=手続 all=全体（既定 event）")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: 2 for full-width (漢字, かな), 1 otherwise."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table_lines(rows: list[list[Any]]) -> list[str]:
    """Rows as aligned text: the first column to the left, the figures to the right, by display width."""
    cells = [[str(v) for v in row] for row in rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(cells[0]))]
    lines = []
    for row in cells:
        parts = [row[0] + " " * (widths[0] - display_width(row[0]))]
        parts += [" " * (w - display_width(v)) + v for v, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(parts).rstrip())
    return lines


def _period(args: argparse.Namespace) -> KpiFilter:
    end = args.to or date.today()
    start = args.start or end - timedelta(days=30)
    if start > end:
        raise CliError(f"期間が逆です: 開始 {start} が終了 {end} より後です（--from と --to を入れ替えてください）")
    return KpiFilter(start, end, office=args.office, counter=args.counter)


def _procedure_titles(by: str) -> dict[str, str]:
    """Procedure ids → titles from the catalog the window uses (only when the report is by procedure)."""
    if by != "procedure":
        return {}
    from kakanai.cli.common import catalog_from

    return {p.id: p.title for p in catalog_from(None).procedures}


def _cmd_report(args: argparse.Namespace) -> int:
    from kakanai.cli.supervisor import require_supervisor
    from kakanai.services.supervisor import FiguresUnavailable, inert, kpi_service_for, password_guard
    from kakanai.settings import load_settings

    settings = load_settings()
    require_supervisor(password_guard(settings), args.password_file)  # the dashboard's password and delay
    flt = _period(args)
    try:
        service = kpi_service_for(settings, make_engine(_url(args)), _procedure_titles(args.by))
        summary, stats = service.report(flt, args.by)  # rebuilds any stale day of the period first
    except SQLAlchemyError as exc:
        raise _db_error(exc) from None
    except FiguresUnavailable as exc:
        raise InvalidInput([Problem("database", exc.message)], "集計のエラー") from None
    table = service.stats_table(args.by, stats)  # header first; no 目標超過 by procedure, as on the dashboard
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerows([inert(v) for v in row] for row in table)  # no office name becomes a formula
        return 0
    if not (summary.visits or summary.cancelled or table[1:]):
        print(f"期間 {flt.start} 〜 {flt.end}　この期間の来庁はありません（期間・--office・--counter を確かめてください）")
        return 0
    print(f"期間 {flt.start} 〜 {flt.end}　件数 {summary.visits}（取消 {summary.cancelled}、"
          f"時間不正確で除外 {summary.inaccurate}）　1件あたり様式 {summary.forms_per_visit:.1f}枚")
    print(f"平均処理時間 {_minutes(summary.handling.mean)}分　中央値 {_minutes(summary.handling.median)}分　"
          f"手書きに比べた短縮 {summary.time_saved_seconds / 3600:.1f}時間")
    print("\n".join(table_lines(table)))
    return 0


def add_store_commands(sub: Any) -> None:
    """Register ``db upgrade`` and ``report`` on the top-level sub-parsers."""
    db = sub.add_parser("db", help="データベース (database tools)")
    dbsub = db.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help="データベースを最新の版にする (run migrations)")
    up.add_argument("--url", help="接続先（既定: 設定の database_url、なければ端末内の SQLite）")
    up.add_argument("--create", action="store_true", help="--url の SQLite のフォルダがなければ作る")
    up.set_defaults(func=_cmd_upgrade)
    report = sub.add_parser("report", help="処理時間の集計 (KPI report)")
    report.add_argument("--from", dest="start", type=iso_date, help="開始日 YYYY-MM-DD（既定: 30日前）")
    report.add_argument("--to", type=iso_date, help="終了日 YYYY-MM-DD（既定: 今日）")
    report.add_argument("--by", choices=sorted(DIMENSIONS) + ["all"], default="event", help=BY_HELP)
    report.add_argument("--office", help="この庁舎だけ（既定: すべて）")
    report.add_argument("--counter", help="この窓口だけ（既定: すべて）")
    report.add_argument("--csv", action="store_true", help="CSV で出力")
    report.add_argument("--url", help="接続先")
    report.add_argument("--password-file", type=Path,
                        help="監督者パスワードを1行目に書いたファイル（スクリプト用。既定: 端末で入力）")
    report.set_defaults(func=_cmd_report)
