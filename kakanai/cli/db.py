"""``kakanai db upgrade`` and ``kakanai report``: database set-up and the KPI report for IT and supervisors."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from kakanai.domain.problems import InvalidInput, Problem
from kakanai.store.db import make_engine, upgrade
from kakanai.store.kpi import DIMENSIONS, KpiFilter, Stat


def _url(args: argparse.Namespace) -> str:
    from kakanai.settings import load_settings

    return args.url or load_settings().effective_database_url()


def _db_error(exc: SQLAlchemyError) -> InvalidInput:
    return InvalidInput([Problem("database", "データベースに接続できません。接続先の設定とサーバーの状態を確認してください",
                                 type(exc).__name__)], "データベースのエラー")


def _cmd_upgrade(args: argparse.Namespace) -> int:
    url = _url(args)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    try:
        upgrade(url)
    except SQLAlchemyError as exc:
        raise _db_error(exc) from None
    print("データベースを最新の版にしました")
    return 0


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f}"


def _rows(stats: list[Stat], name: Callable[[str], str]) -> list[list[Any]]:
    rows = []
    for s in stats:
        group = name(s.group)
        rows.append([group, s.visits, _minutes(s.mean), _minutes(s.median), _minutes(s.p90), _minutes(s.max),
                     f"{s.over_target * 100:.0f}%"])
    return rows


HEADER = ["区分", "件数", "平均(分)", "中央値(分)", "90%(分)", "最大(分)", "目標超過"]


def _cmd_report(args: argparse.Namespace) -> int:
    from kakanai.cli.supervisor import require_supervisor
    from kakanai.services.supervisor import FiguresUnavailable, inert, kpi_service_for, password_guard
    from kakanai.settings import load_settings

    settings = load_settings()
    require_supervisor(password_guard(settings), args.password_file)  # the dashboard's password and delay
    end = args.to or date.today()
    flt = KpiFilter(args.start or end - timedelta(days=30), end, office=args.office, counter=args.counter)
    try:
        service = kpi_service_for(settings, make_engine(_url(args)))
        summary, stats = service.report(flt, args.by)  # rebuilds any stale day of the period first
    except SQLAlchemyError as exc:
        raise _db_error(exc) from None
    except FiguresUnavailable as exc:
        raise InvalidInput([Problem("database", exc.message)], "集計のエラー") from None
    rows = _rows(stats, service.pseudonym if args.by == "clerk" else str)
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerows([inert(v) for v in row] for row in [HEADER, *rows])  # no office name becomes a formula
        return 0
    print(f"期間 {flt.start} 〜 {flt.end}　件数 {summary.visits}（取消 {summary.cancelled}、"
          f"時間不正確で除外 {summary.inaccurate}）　1件あたり様式 {summary.forms_per_visit:.1f}枚")
    print(f"平均処理時間 {_minutes(summary.handling.mean)}分　中央値 {_minutes(summary.handling.median)}分　"
          f"手書きに比べた短縮 {summary.time_saved_seconds / 3600:.1f}時間")
    widths = [max(len(str(r[i])) for r in [HEADER, *rows]) + 2 for i in range(len(HEADER))]
    for row in [HEADER, *rows]:
        print("".join(str(v).ljust(w) for v, w in zip(row, widths)))
    return 0


def add_store_commands(sub: Any) -> None:
    """Register ``db upgrade`` and ``report`` on the top-level sub-parsers."""
    db = sub.add_parser("db", help="データベース (database tools)")
    dbsub = db.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help="データベースを最新の版にする (run migrations)")
    up.add_argument("--url", help="接続先（既定: 設定の database_url、なければ端末内の SQLite）")
    up.set_defaults(func=_cmd_upgrade)
    report = sub.add_parser("report", help="処理時間の集計 (KPI report)")
    report.add_argument("--from", dest="start", type=date.fromisoformat, help="開始日 YYYY-MM-DD（既定: 30日前）")
    report.add_argument("--to", type=date.fromisoformat, help="終了日 YYYY-MM-DD（既定: 今日）")
    report.add_argument("--by", choices=sorted(DIMENSIONS) + ["all"], default="event", help="集計の区分")
    report.add_argument("--office")
    report.add_argument("--counter")
    report.add_argument("--csv", action="store_true", help="CSV で出力")
    report.add_argument("--url", help="接続先")
    report.add_argument("--password-file", type=Path,
                        help="監督者パスワードを1行目に書いたファイル（スクリプト用。既定: 端末で入力）")
    report.set_defaults(func=_cmd_report)
