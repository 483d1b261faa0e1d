"""``kakanai db upgrade`` and ``kakanai report`` on a real database, and on a dead one."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

import kakanai.settings
from kakanai.cli import main
from kakanai.services.supervisor import hash_password
from kakanai.store.db import make_engine
from kakanai.store.kpi import KpiFilter
from kakanai.store.visit_log import VisitLog
from tests.visit_factory import visit_events


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    it = tmp_path / "it"  # IT's settings file, with the supervisor password that `report` asks for
    it.mkdir()
    (it / "kakanai.toml").write_text(f'supervisor_password_hash = "{HASH}"\n', encoding="utf-8")
    (tmp_path / "password.txt").write_text("kanri-2026\n", encoding="utf-8")
    monkeypatch.setattr(kakanai.settings, "install_dir", lambda: it)


HASH = hash_password("kanri-2026")


def report(tmp_path: Path, *args: str) -> int:
    """``kakanai report`` with the supervisor password from a file."""
    return main(["report", "--password-file", str(tmp_path / "password.txt"), *args])


def test_upgrade_then_report_by_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'sub' / 'k.db'}"
    assert main(["db", "upgrade", "--url", url, "--create"]) == 0
    assert capsys.readouterr().out.startswith("新しいデータベースを作りました: ")
    assert main(["db", "upgrade", "--url", url]) == 0
    assert capsys.readouterr().out == "データベースを最新の版にしました\n"
    log = VisitLog(make_engine(url))
    log.append(visit_events("v1", start=datetime(2026, 4, 1, 9), segments=(("serving", 600),), procedures=("a", "b")))
    log.append(visit_events("v2", start=datetime(2026, 4, 1, 10), segments=(("serving", 1200),), event="birth"))
    capsys.readouterr()
    assert report(tmp_path, "--url", url, "--from", "2026-04-01", "--to", "2026-04-30", "--csv") == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["区分", "件数", "平均(分)", "中央値(分)", "90%(分)", "最大(分)", "目標超過(%)"]
    assert rows[1:] == [["転入", "1", "10.0", "10.0", "10.0", "10.0", "0.0"],  # the events in counter order
                        ["出生", "1", "20.0", "20.0", "20.0", "20.0", "100.0"]]
    assert report(tmp_path, "--url", url, "--from", "2026-04-01", "--to", "2026-04-30", "--by", "clerk") == 0
    out = capsys.readouterr().out
    assert "件数 2" in out and "職員-" in out and " c1 " not in out


def test_a_dead_database_gives_the_clerk_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(tmp_path, "--url", "postgresql+psycopg://nobody@127.0.0.1:9/none") == 2
    assert "データベースに接続できません" in capsys.readouterr().err


@pytest.fixture
def two_visits(tmp_path: Path) -> str:
    """A visit log with a move-in (procedures juminido_move_in and care_join) and a death, 1 April 2026."""
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert main(["db", "upgrade", "--url", url]) == 0
    log = VisitLog(make_engine(url))
    log.append(visit_events("v1", start=datetime(2026, 4, 1, 9), segments=(("serving", 600),),
                            procedures=("juminido_move_in", "care_join")))
    log.append(visit_events("v2", start=datetime(2026, 4, 1, 10), segments=(("serving", 1200),), event="death",
                            procedures=("juminido_move_in",)))
    return url


@pytest.mark.parametrize(("by", "labels", "codes"), [
    ("event", ["死亡", "転入"], ["death", "move_in"]),
    ("procedure", ["住民異動届（転入届）", "介護保険 資格取得（転入・65歳以上）"], ["juminido_move_in", "care_join"]),
    ("all", ["全体"], ["all"]),
    ("hour", ["9時", "10時"], []),
])
def test_the_report_names_groups_as_a_supervisor_reads_them(tmp_path: Path, two_visits: str, by: str,
                                                            labels: list[str], codes: list[str],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # When the supervisor asks for the figures of April, as a table and as CSV
    period = ["--url", two_visits, "--from", "2026-04-01", "--to", "2026-04-30", "--by", by]
    capsys.readouterr()
    assert report(tmp_path, *period) == 0
    table = capsys.readouterr().out
    assert report(tmp_path, *period, "--csv") == 0
    groups = [row[0] for row in csv.reader(io.StringIO(capsys.readouterr().out))][1:]
    # Then both name each group in Japanese, never by its internal code
    assert sorted(groups) == sorted(labels)
    for code in codes:
        assert code not in table and code not in groups
    assert all(label in table for label in labels)


def test_the_report_columns_line_up_with_japanese_text(tmp_path: Path, two_visits: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from kakanai.cli.db import display_width

    capsys.readouterr()
    assert report(tmp_path, "--url", two_visits, "--from", "2026-04-01", "--to", "2026-04-30", "--by", "procedure") == 0
    table = capsys.readouterr().out.splitlines()[2:]
    # every row is as wide as the header on screen, and each row's 件数 ends under the header's 件数
    assert len(table) == 3 and len({display_width(line) for line in table}) == 1
    end = display_width(table[0][:table[0].index("件数") + 2])
    for row in table[1:]:
        cut = next(n for n in range(len(row) + 1) if display_width(row[:n]) == end)
        assert row[cut - 1].isdigit() and row[cut] == " "


def test_the_report_by_procedure_has_no_target_column_as_on_the_dashboard(tmp_path: Path, two_visits: str,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    # Given April's move-in (転入届, 介護保険) of 10 minutes and death (転入届 again) of 20 minutes
    period = ["--url", two_visits, "--from", "2026-04-01", "--to", "2026-04-30"]
    capsys.readouterr()
    # When the supervisor asks for the figures by procedure, as CSV and as a table
    assert report(tmp_path, *period, "--by", "procedure", "--csv") == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert report(tmp_path, *period, "--by", "procedure") == 0
    table = capsys.readouterr().out.splitlines()
    # Then there is no 目標超過 column (a procedure's time is a share of a visit, the target a visit's)
    assert rows[0] == ["区分", "件数", "平均(分)", "中央値(分)", "90%(分)", "最大(分)"]
    assert all(len(row) == 6 for row in rows)
    assert "目標超過" not in "\n".join(table) and table[2].split() == rows[0]
    # And the rows are the dashboard's export of the same period, cell for cell
    from kakanai.services.supervisor import kpi_service_for
    from kakanai.settings import load_settings
    from kakanai.store.db import make_engine as engine_for

    titles = {"juminido_move_in": "住民異動届（転入届）", "care_join": "介護保険 資格取得（転入・65歳以上）"}
    service = kpi_service_for(load_settings(), engine_for(two_visits), titles)
    exported = service.export_tables(_april())["手続別"]
    assert rows == [[str(v) for v in row] for row in exported]
    # While by event the 目標超過 column stays
    assert report(tmp_path, *period, "--by", "event", "--csv") == 0
    assert next(csv.reader(io.StringIO(capsys.readouterr().out)))[-1] == "目標超過(%)"


def _april() -> KpiFilter:
    from datetime import date

    return KpiFilter(date(2026, 4, 1), date(2026, 4, 30))


def test_a_reversed_period_is_an_error_that_says_what_to_do(tmp_path: Path, two_visits: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert report(tmp_path, "--url", two_visits, "--from", "2026-04-30", "--to", "2026-04-01") == 2
    assert "期間が逆です: 開始 2026-04-30 が終了 2026-04-01 より後です（--from と --to を入れ替えてください）" \
        in capsys.readouterr().err


def test_an_empty_period_says_there_were_no_visits(tmp_path: Path, two_visits: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert report(tmp_path, "--url", two_visits, "--from", "2025-04-01", "--to", "2025-04-30") == 0
    out = capsys.readouterr().out
    assert "この期間の来庁はありません" in out and "平均" not in out


def test_a_date_that_is_not_a_date_is_told_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(tmp_path, "--from", "2026-4-1") == 2
    err = capsys.readouterr().err
    assert "kakanai report: --from: 日付は YYYY-MM-DD で書いてください（例 2026-04-01）: '2026-4-1'" in err
    assert "invalid" not in err and "usage" not in err


def test_upgrade_of_a_mistyped_folder_is_an_error_unless_asked_to_create_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'x.db'}"
    assert main(["db", "upgrade", "--url", url]) == 2
    err = capsys.readouterr().err
    assert f"フォルダがありません: {tmp_path / 'no-such-folder'}" in err and "--create を付けます" in err
    assert not (tmp_path / "no-such-folder").exists()
    assert main(["db", "upgrade", "--url", url, "--create"]) == 0
    assert (tmp_path / "no-such-folder" / "x.db").is_file()


def test_a_password_file_that_never_ends_is_read_to_its_first_line_only(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # the right password on the first line of a longer file is taken
    (tmp_path / "password.txt").write_text("kanri-2026\r\nsomething else\n", encoding="utf-8")
    assert main(["db", "upgrade", "--url", f"sqlite:///{tmp_path / 'k.db'}"]) == 0
    assert report(tmp_path, "--url", f"sqlite:///{tmp_path / 'k.db'}") == 0
    # /dev/zero given by mistake: one line of at most 4 KiB is read (a wrong password), not the endless rest
    assert main(["report", "--password-file", "/dev/zero", "--url", f"sqlite:///{tmp_path / 'k.db'}"]) == 2
    assert "パスワードが違います" in capsys.readouterr().err
