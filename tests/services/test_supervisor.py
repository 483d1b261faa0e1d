"""The supervisor's password and its growing delay, the dashboard's data (distribution edges, live
board, filter lists), the exports with pseudonymised clerks and no formulas, ``kakanai report``
behind the password, and ``kakanai supervisor set-password``."""

from __future__ import annotations

import base64
import csv
import hashlib
import logging
import time
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

import kakanai.settings
from kakanai.cli import main
from kakanai.cli import supervisor as supervisor_commands
from kakanai.domain.visits import JST, Kind, VisitEvent, VisitHeader, header_payload
from kakanai.services import supervisor, supervisor_password
from kakanai.services.supervisor import (
    BREAKDOWNS,
    FiguresPreparing,
    FiguresUnavailable,
    KpiService,
    PasswordGuard,
    check_password,
    csv_rows,
    export_csv,
    export_xlsx,
    hash_password,
    inert,
    pseudonym,
)
from kakanai.store import kpi_cache
from kakanai.store.db import make_engine, upgrade
from kakanai.store.kpi import KpiFilter, KpiSettings
from kakanai.store.visit_log import VisitLog
from tests.clock import Clock
from tests.visit_factory import visit_events

DAY = date(2026, 5, 11)
SECRET = b"secret"

# -- password ------------------------------------------------------------------------------------


def test_a_password_checks_against_its_own_hash_only() -> None:
    stored = hash_password("窓口の鍵-2026")
    assert stored.startswith("scrypt$") and "窓口の鍵" not in stored
    assert check_password("窓口の鍵-2026", stored)
    assert not check_password("窓口の鍵-2025", stored) and not check_password("", stored)


def test_each_hash_has_its_own_salt() -> None:
    assert hash_password("same-password") != hash_password("same-password")


@pytest.mark.parametrize("stored", ["", "plain-text", "scrypt$16384$8$1$AAAA", "md5$1$1$1$AAAA$AAAA",
                                    "scrypt$16384$8$1$not base64!$AAAA", "scrypt$3$8$1$AAAA$AAAA"])
def test_a_missing_or_malformed_hash_lets_no_one_in(stored: str) -> None:
    assert not check_password("anything", stored)


def test_a_hash_asking_for_gigabytes_is_refused_at_once() -> None:
    start = time.perf_counter()
    assert not check_password("x", "scrypt$1048576$64$1$AAAA$AAAA")
    assert time.perf_counter() - start < 0.5


def test_an_empty_password_cannot_be_hashed() -> None:
    with pytest.raises(ValueError):
        hash_password("")


def test_new_hashes_cost_2_to_the_17_and_older_ones_still_verify() -> None:
    assert hash_password("kanri-2026").split("$")[1:4] == [str(2**17), "8", "1"]
    salt = b"0123456789abcdef"
    old = hashlib.scrypt(b"kanri-2024", salt=salt, n=2**14, r=8, p=1, dklen=32)
    stored = f"scrypt${2**14}$8$1${base64.b64encode(salt).decode()}${base64.b64encode(old).decode()}"
    assert check_password("kanri-2024", stored) and not check_password("kanri-2025", stored)


class FakeTime:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


STORED = hash_password("kanri-2026")


def test_each_wrong_password_doubles_the_delay_up_to_a_minute(tmp_path: Path) -> None:
    clock = FakeTime()
    guard = PasswordGuard(STORED, tmp_path / "attempts.json", clock=clock)
    delays = []
    for _ in range(8):
        assert not guard.check("guess")
        delays.append(guard.wait_seconds())
        clock.now += guard.wait_seconds()
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60]


def test_a_password_typed_during_the_delay_is_not_even_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeTime()
    guard = PasswordGuard(STORED, tmp_path / "attempts.json", clock=clock)
    assert not guard.check("guess")
    checked: list[str] = []
    monkeypatch.setattr(supervisor_password, "check_password", lambda password, stored: checked.append(password) or True)
    assert not guard.check("kanri-2026") and checked == [] and guard.failures() == 1
    clock.now += 1
    assert guard.check("kanri-2026") and checked == ["kanri-2026"] and guard.failures() == 0


def test_the_count_survives_a_new_guard_and_is_forgotten_after_a_quiet_quarter_hour(tmp_path: Path) -> None:
    clock, attempts = FakeTime(), tmp_path / "data" / "attempts.json"
    for _ in range(3):
        PasswordGuard(STORED, attempts, clock=clock).check("guess")
        clock.now += 60
    assert PasswordGuard(STORED, attempts, clock=clock).failures() == 3  # another dialog, or `kakanai report`
    assert "guess" not in attempts.read_text(encoding="utf-8")
    clock.now += 15 * 60
    assert PasswordGuard(STORED, attempts, clock=clock).wait_seconds() == 0
    assert PasswordGuard(STORED, attempts, clock=clock).failures() == 0


# -- the dashboard's data ------------------------------------------------------------------------


@pytest.fixture
def service(tmp_path: Path) -> KpiService:
    """Four finished visits on DAY at two offices, and one being served at 11:00."""
    url = f"sqlite:///{tmp_path / 'kpi.db'}"
    upgrade(url)
    log = VisitLog(make_engine(url))
    at = datetime(2026, 5, 11, 9, 0)
    for n, (office, counter, clerk, seconds) in enumerate(
            [("本庁", "1番窓口", "c1", 299.0), ("本庁", "2番窓口", "c2", 300.0), ("本庁", "10番窓口", "c1", 3599.0),
             ("南支所", "1番窓口", "c3", 3600.0)]):
        log.append(visit_events(f"v{n}", start=at + timedelta(minutes=5 * n), office=office, counter=counter,
                                clerk=clerk, segments=(("serving", seconds),), procedures=("p1",)))
    started = datetime(2026, 5, 11, 10, 48, tzinfo=JST)
    header = VisitHeader("open", "南支所", "2番窓口", "c3", "birth", 3)
    log.append([VisitEvent("open", Kind.OPENED, started, header_payload(header)),
                VisitEvent("open", Kind.STARTED, started),
                VisitEvent("open", Kind.SUSPENDED, started + timedelta(minutes=2))])
    clock = Clock(datetime(2026, 5, 11, 2, 0, tzinfo=UTC))  # 11:00 JST
    return KpiService(log.engine, KpiSettings(), SECRET, clock=clock, procedure_titles={"p1": "転入届"})


def test_distribution_bins_include_their_lower_edge(service: KpiService) -> None:
    bins = service.histogram(KpiFilter(DAY, DAY))
    assert [b.label for b in bins][:2] == ["0–5", "5–10"] and bins[-1].label == "60以上"
    assert {b.label: b.visits for b in bins if b.visits} == {"0–5": 1, "5–10": 1, "55–60": 1, "60以上": 1}


def test_live_board_counts_from_the_call_and_keeps_pauses_apart(service: KpiService) -> None:
    [live] = service.open_visits()
    assert (live.office, live.counter, live.event) == ("南支所", "2番窓口", "birth")
    assert (live.elapsed_seconds, live.handling_seconds) == (720.0, 120.0)  # suspended since 10:50
    assert service.open_visits(office="本庁") == []


def test_filter_lists_offices_and_their_counters(service: KpiService) -> None:
    choices = service.choices()
    assert choices.offices == ["南支所", "本庁"]
    assert choices.counters["南支所"] == ["1番窓口", "2番窓口"]


def test_today_is_the_office_date(service: KpiService) -> None:
    service.clock = Clock(datetime(2026, 5, 11, 15, 30, tzinfo=UTC))  # 00:30 on the 12th in Japan
    assert service.today() == date(2026, 5, 12)


def test_export_tables_show_clerks_only_as_pseudonyms(service: KpiService, tmp_path: Path) -> None:
    tables = service.export_tables(KpiFilter(DAY, DAY))
    assert sorted(row[0] for row in tables["職員別"][1:]) == sorted(pseudonym(c, SECRET) for c in ("c1", "c2", "c3"))
    assert tables["手続別"][1][:2] == ["転入届", 4]
    assert dict(tables["概要"][1:])["件数"] == 4
    export_csv(tmp_path / "k.csv", csv_rows(tables))
    export_xlsx(tmp_path / "k.xlsx", tables)
    text = (tmp_path / "k.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and b"c1" not in text and pseudonym("c1", SECRET).encode() in text
    book = load_workbook(tmp_path / "k.xlsx")
    assert book.sheetnames == list(tables)
    assert book["全体"]["B2"].value == 4 and book["全体"]["A1"].font.bold
    rows = list(csv.reader((tmp_path / "k.csv").open(encoding="utf-8-sig")))
    assert {r[0] for r in rows[1:]} == {"全体", "届出別", "時間帯別", "日別", "庁舎別", "窓口別", "職員別", "手続別"}


def test_a_lost_database_is_a_typed_error_in_japanese(tmp_path: Path) -> None:
    # Given a service whose database cannot be reached (a folder that does not exist)
    service = KpiService(make_engine(f"sqlite:///{tmp_path / 'gone' / 'kpi.db'}"), KpiSettings(), SECRET)
    # Then every call the screens make raises FiguresUnavailable with a message for the supervisor
    for call in (lambda: service.dashboard(KpiFilter(DAY, DAY)), service.choices, service.open_visits,
                 lambda: service.export_tables(KpiFilter(DAY, DAY)), lambda: service.report(KpiFilter(DAY, DAY), "event")):
        with pytest.raises(FiguresUnavailable) as raised:
            call()
        assert raised.value.message.startswith("データベースに接続できません")
        assert raised.value.__cause__ is None and raised.value.__suppress_context__


def test_a_long_stale_period_is_prepared_in_the_background(service: KpiService) -> None:
    # Given a cache with every day stale (as after an upgrade or a bulk load), over more days than are rebuilt inline
    service.rebuild_inline_days = 0
    with service.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM kpi_days")
    kpi_cache.mark_all_dirty(service.engine)
    # When the supervisor asks, Then they are told the figures are being prepared, not kept waiting
    with pytest.raises(FiguresPreparing) as raised:
        service.dashboard(KpiFilter(DAY, DAY))
    assert raised.value.days_left == 1 and raised.value.message.startswith("集計を準備しています")
    # and the days are rebuilt in the background, after which the same call answers
    assert service._rebuilder is not None
    service._rebuilder.join(timeout=20)
    assert kpi_cache.stale_days(service.engine) == []
    assert service.dashboard(KpiFilter(DAY, DAY)).overview.visits == 4
    # while `kakanai report` simply waits for the stale days of its period
    kpi_cache.mark_all_dirty(service.engine)
    assert service.report(KpiFilter(DAY, DAY), "event")[0].visits == 4


def test_a_few_stale_days_are_rebuilt_on_the_spot(service: KpiService) -> None:
    log = VisitLog(service.engine)
    log.append(visit_events("more", start=datetime(2026, 5, 11, 14, 0), segments=(("serving", 100.0),)))
    assert kpi_cache.stale_days(service.engine) == ["2026-05-11"]
    assert service.overview(KpiFilter(DAY, DAY)).visits == 5  # rebuilt inline: no FiguresPreparing


@pytest.mark.parametrize(("value", "cell"), [
    ('=HYPERLINK("http://evil.example","本庁")', '\'=HYPERLINK("http://evil.example","本庁")'),
    ("+1番窓口", "'+1番窓口"), ("-南支所", "'-南支所"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"), ("本庁", "本庁"), ("1番窓口", "1番窓口"), (-0.3, -0.3), (4, 4), (None, None)])
def test_text_that_starts_like_a_formula_is_made_inert(value: object, cell: object) -> None:
    assert inert(value) == cell


def test_names_from_the_log_and_the_catalog_never_become_formulas_in_exports(tmp_path: Path) -> None:
    # Given a log whose office, counter and procedure names start like formulas
    url = f"sqlite:///{tmp_path / 'kpi.db'}"
    upgrade(url)
    log = VisitLog(make_engine(url))
    log.append(visit_events("v1", start=datetime(2026, 5, 11, 9), office="=HYPERLINK(\"http://x\",\"本庁\")",
                            counter="+1番窓口", procedures=("p1",), segments=(("serving", 600),)))
    service = KpiService(log.engine, KpiSettings(), SECRET, procedure_titles={"p1": "@SUM(A1)"})
    # When the supervisor exports CSV and Excel
    tables = service.export_tables(KpiFilter(DAY, DAY))
    export_csv(tmp_path / "k.csv", csv_rows(tables))
    export_xlsx(tmp_path / "k.xlsx", tables)
    # Then every such name is quoted, in both files, and the figures are still numbers
    rows = list(csv.reader((tmp_path / "k.csv").open(encoding="utf-8-sig")))
    names = {r[1] for r in rows[1:] if r[0] in ("庁舎別", "窓口別", "手続別")}
    assert names == {"'=HYPERLINK(\"http://x\",\"本庁\")", "'+1番窓口", "'@SUM(A1)"}
    book = load_workbook(tmp_path / "k.xlsx")
    for sheet, name in (("庁舎別", "'=HYPERLINK(\"http://x\",\"本庁\")"), ("窓口別", "'+1番窓口"), ("手続別", "'@SUM(A1)")):
        assert (book[sheet]["A2"].value, book[sheet]["A2"].data_type) == (name, "s")
        assert book[sheet]["B2"].value == 1 and book[sheet]["C2"].value == 10.0
    every_cell = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in every_cell if c.data_type == "f"]


# -- kakanai report, behind the same password -----------------------------------------------------


@pytest.fixture
def report_setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log with one visit at an office named like a formula, an IT file with the password; returns the URL."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "it").mkdir()
    monkeypatch.setattr(kakanai.settings, "install_dir", lambda: tmp_path / "it")
    (tmp_path / "right.txt").write_text("kanri-2026\n", encoding="utf-8")
    (tmp_path / "wrong.txt").write_text("kanri-2025\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'kpi.db'}"
    upgrade(url)
    VisitLog(make_engine(url)).append(visit_events("v1", start=datetime(2026, 5, 11, 9), office="=1+1"))
    return tmp_path


def report(folder: Path, password: str, *args: str) -> int:
    return main(["report", "--url", f"sqlite:///{folder / 'kpi.db'}", "--from", "2026-05-11", "--to", "2026-05-11",
                 "--password-file", str(folder / f"{password}.txt"), *args])


def set_it_password(folder: Path) -> None:
    (folder / "it" / "kakanai.toml").write_text(f'supervisor_password_hash = "{STORED}"\n', encoding="utf-8")


def test_report_without_a_password_set_tells_it_how_to_set_one(report_setup: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert report(report_setup, "right") == 2
    captured = capsys.readouterr()
    assert "kakanai supervisor set-password" in captured.err and "情報システム" in captured.err
    assert "件数" not in captured.out


def test_report_refuses_a_wrong_password_and_counts_it_with_the_dashboards(report_setup: Path,
                                                                          capsys: pytest.CaptureFixture[str],
                                                                          caplog: pytest.LogCaptureFixture) -> None:
    set_it_password(report_setup)
    with caplog.at_level(logging.WARNING):
        assert report(report_setup, "wrong") == 2
    captured = capsys.readouterr()
    assert "パスワードが違います" in captured.err and "件数" not in captured.out
    assert "supervisor password rejected (attempt 1)" in caplog.text and "kanri" not in caplog.text
    data = report_setup / "data" / "kakanai"
    assert PasswordGuard(STORED, data / supervisor.ATTEMPTS_FILE).failures() == 1


def test_report_with_the_password_waits_out_the_delay_then_prints(report_setup: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    set_it_password(report_setup)
    assert report(report_setup, "wrong") == 2
    capsys.readouterr()
    assert report(report_setup, "right", "--by", "office", "--csv") == 0  # at once: up to 1 s of delay left
    captured = capsys.readouterr()
    assert "秒待ってから確認します" in captured.err
    rows = list(csv.reader(captured.out.splitlines()))
    assert rows[1][:2] == ["'=1+1", "1"]  # the office name cannot become a formula in the CSV either


def test_report_without_a_terminal_or_password_file_refuses(report_setup: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    set_it_password(report_setup)
    monkeypatch.setattr(supervisor_commands.sys.stdin, "isatty", lambda: False)
    assert main(["report", "--url", f"sqlite:///{report_setup / 'kpi.db'}"]) == 2
    assert "--password-file" in capsys.readouterr().err


# -- kakanai supervisor set-password -------------------------------------------------------------

IT_FILE = '# IT の設定\noffice = "北支所"\ndatabase_url = "postgresql+psycopg://kakanai@db/kakanai"\n\n[kpi]\ntarget_minutes = 12\n'


def answers(monkeypatch: pytest.MonkeyPatch, *typed: str) -> None:
    replies = iter(typed)
    monkeypatch.setattr(supervisor_commands.getpass, "getpass", lambda prompt: next(replies))


def test_set_password_writes_the_hash_and_keeps_every_other_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kakanai.toml"
    path.write_text(IT_FILE, encoding="utf-8")
    answers(monkeypatch, "kanri-2026", "kanri-2026")
    assert main(["supervisor", "set-password", "--file", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.replace(text.splitlines()[3] + "\n", "") == IT_FILE  # one line added before [kpi]
    settings = tomllib.loads(text)
    assert check_password("kanri-2026", settings["supervisor_password_hash"]) and settings["kpi"]["target_minutes"] == 12
    answers(monkeypatch, "kanri-2027", "kanri-2027")
    assert main(["supervisor", "set-password", "--file", str(path)]) == 0
    again = tomllib.loads(path.read_text(encoding="utf-8"))
    assert check_password("kanri-2027", again["supervisor_password_hash"]) and len(path.read_text().splitlines()) == 7
    assert "設定しました" in capsys.readouterr().out


def test_set_password_defaults_to_the_file_beside_the_executable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(supervisor_commands, "install_dir", lambda: tmp_path)
    answers(monkeypatch, "kanri-2026", "kanri-2026")
    assert main(["supervisor", "set-password"]) == 0
    assert check_password("kanri-2026", tomllib.loads((tmp_path / "kakanai.toml").read_text())["supervisor_password_hash"])


@pytest.mark.parametrize(("typed", "reason"), [(("kanri-2026", "kanri-2062"), "一致しません"),
                                               (("short", "short"), "8文字以上")])
def test_set_password_refuses_mismatch_and_short_passwords(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str], typed: tuple[str, str],
                                                          reason: str) -> None:
    path = tmp_path / "kakanai.toml"
    path.write_text(IT_FILE, encoding="utf-8")
    answers(monkeypatch, *typed)
    assert main(["supervisor", "set-password", "--file", str(path)]) == 2
    assert reason in capsys.readouterr().err and path.read_text(encoding="utf-8") == IT_FILE


def test_a_broken_settings_file_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kakanai.toml"
    path.write_text("office = \n", encoding="utf-8")
    answers(monkeypatch, "kanri-2026", "kanri-2026")
    assert main(["supervisor", "set-password", "--file", str(path)]) == 2
    assert path.read_text(encoding="utf-8") == "office = \n"


def test_the_key_is_added_even_when_the_file_has_no_final_newline() -> None:
    text = supervisor_commands.with_top_level_string('office = "本庁"', "supervisor_password_hash", "scrypt$x")
    assert tomllib.loads(text) == {"office": "本庁", "supervisor_password_hash": "scrypt$x"}


def test_a_breakdown_is_worked_out_when_asked_with_the_figures_of_the_refresh(service: KpiService) -> None:
    # Given the dashboard's first view of DAY (the charts tab): no breakdown is worked out for it
    flt = KpiFilter(DAY, DAY)
    first = service.dashboard(flt)
    assert first.breakdowns == {} and first.overview.visits == 4
    # When the supervisor opens each breakdown tab, Then its rows are those of today's SQL, cell for cell
    reference = KpiService(service.engine, KpiSettings(), SECRET, procedure_titles={"p1": "転入届"}, source="sql")
    for dimension in BREAKDOWNS:
        rows = service.breakdown(flt, dimension)
        assert rows == reference.dashboard(flt, BREAKDOWNS).breakdowns[dimension] == reference.breakdown(flt, dimension)
    assert [(r.label, r.stat.visits) for r in service.breakdown(flt, "counter")][:1] == [("1番窓口", 2)]
    # and a tab on screen during a refresh is worked out with it, the same rows
    assert service.dashboard(flt, ("clerk",)).breakdowns == {"clerk": service.breakdown(flt, "clerk")}
    # A visit logged after the refresh shows in the breakdowns of the next refresh (the figures on screen
    # and their tabs agree until then)
    VisitLog(service.engine).append(visit_events("late", start=datetime(2026, 5, 11, 15, 0), office="本庁",
                                                 counter="1番窓口", clerk="c1", segments=(("serving", 100.0),)))
    assert [r.stat.visits for r in service.breakdown(flt, "counter") if r.label == "1番窓口"] == [2]
    assert service.dashboard(flt).overview.visits == 5
    assert [r.stat.visits for r in service.breakdown(flt, "counter") if r.label == "1番窓口"] == [3]
    service.release()
    assert [r.stat.visits for r in service.breakdown(flt, "counter") if r.label == "1番窓口"] == [3]
