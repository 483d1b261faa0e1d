"""The command line: plan a household, check a catalog, and fail clearly on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kakanai.cli import main
from tests.conftest import FIXTURES

FAMILY = str(FIXTURES / "households" / "family_move_in.json")


def _care_line(path: Path) -> int:
    """The line of care_certification_transfer's member_when (the catalog grows; the line moves)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("member_when = { care = true"))


def test_plan_prints_each_procedure_with_whom_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", FAMILY, "--visit", "2026-04-01"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "転入　令和8年4月1日　4人　手続 12件"
    assert "後期高齢者医療 加入（他の都道府県から転入）　［保険年金課 後期高齢者医療係 7番窓口］" in out
    assert "対象: 山田　キヨ" in out and "理由: 他の都道府県からの転入 / 山田　キヨ: 75歳" in out
    assert "期限: 住み始めた日から14日以内（令和8年4月15日まで）" in out and "過ぎています" not in out


def test_plan_flags_a_deadline_passed_on_the_visit_day(capsys: pytest.CaptureFixture[str]) -> None:
    # Given the family comes eight months after moving in
    assert main(["plan", FAMILY, "--visit", "令和8年12月1日"]) == 0
    out = capsys.readouterr().out
    # Then the 転入届 is late, but the card's 90 days count from today's 転入届
    assert "期限: 住み始めた日から14日以内（令和8年4月15日まで）　※期限を過ぎています" in out
    assert "期限: 転入届の日から90日以内（過ぎるとカードが失効します）（令和9年3月1日まで）\n" in out


def test_plan_shows_undecided_procedures_with_the_question_that_decides_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(Path(FAMILY).read_text(encoding="utf-8"))
    doc["members"][1]["insurance"] = None
    path = tmp_path / "h.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["plan", str(path), "--visit", "2026-04-01"]) == 0
    out = capsys.readouterr().out
    assert " ? 国民健康保険 加入: 山田　花子さんの今の健康保険" in out


def test_plan_json_is_machine_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", FAMILY, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == "juminido_move_in" and rows[0]["subject_indexes"] == [0, 1, 2, 3]
    assert {r["id"] for r in rows} >= {"nhi_join", "dog_registration_move_in"}


def test_plan_of_an_invalid_household_exits_2_naming_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(Path(FAMILY).read_text(encoding="utf-8"))
    doc["members"][3]["birth"] = "1950-02-30"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["plan", str(bad)]) == 2
    assert "members[3].birth: 存在しない日付です" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "words"), [(None, "ファイルを読めません"), ("{oops", "JSON として読めません")])
def test_plan_of_an_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None,
                                            words: str) -> None:
    path = tmp_path / "household.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["plan", str(path)]) == 2
    assert words in capsys.readouterr().err


def test_forms_check_passes_on_the_shipped_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms", "check"]) == 0
    assert "誤りはありません" in capsys.readouterr().out


def test_forms_check_lists_every_error_of_a_broken_catalog(catalog_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (catalog_copy / "forms" / "other.toml").write_text(
        (catalog_copy / "forms" / "other.toml").read_text(encoding="utf-8").replace('"dogs"', '"cats"'), encoding="utf-8")
    kaigo = catalog_copy / "procedures" / "kaigo.toml"
    kaigo.write_text(kaigo.read_text(encoding="utf-8").replace("care_certified = true, age", "care = true, age"),
                     encoding="utf-8")
    assert main(["forms", "check", str(catalog_copy)]) == 2
    err = capsys.readouterr().err
    assert "forms/forms/other.toml:9 [inu]: form[0].fields[6].source: 知らない項目 'cats'" in err
    assert f"forms/procedures/kaigo.toml:{_care_line(kaigo)} [care_certification_transfer]: procedure[1].member_when.care: 知らない条件名です 'care'" in err


def test_commands_use_the_catalog_it_configured_for_the_window(catalog_copy: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # Given IT's settings file naming a catalog where the city renamed 住民異動届
    procedures = catalog_copy / "procedures" / "shimin.toml"
    procedures.write_text(procedures.read_text(encoding="utf-8").replace("住民異動届", "住民異動届（見本市様式）", 1),
                          encoding="utf-8")
    it_dir = tmp_path / "install"
    it_dir.mkdir()
    (it_dir / "kakanai.toml").write_text(f"forms_dir = '{catalog_copy.as_posix()}'\n", encoding="utf-8")
    monkeypatch.setattr("kakanai.settings.install_dir", lambda: it_dir)
    # When a command runs without --forms
    assert main(["plan", FAMILY]) == 0
    # Then it used IT's catalog, as the window does
    assert "住民異動届（見本市様式）" in capsys.readouterr().out


def test_plan_and_render_report_the_same_undecided_procedures_for_whom_and_why(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given a family's file that does not say who holds which health insurance
    doc = json.loads(Path(FAMILY).read_text(encoding="utf-8"))
    for member in doc["members"]:
        member["insurance"] = None
    household = tmp_path / "family.json"
    household.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    # When IT plans it and renders it
    assert main(["plan", str(household)]) == 0
    planned = [line for line in capsys.readouterr().err.splitlines() if "未確定" in line]
    assert main(["render", str(household), "-o", str(tmp_path / "out.pdf")]) == 0
    rendered = [line for line in capsys.readouterr().err.splitlines() if "未確定" in line]
    # Then both name the same undecided procedures, for whom, and what is missing
    assert planned == rendered
    assert "注意: 未確定の手続（聞き取りが必要）: 国民健康保険 加入（山田　太郎、山田　花子、山田　翔太: 今の健康保険が未確認）" in planned


def test_forms_check_plans_and_renders_every_example_household(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms", "check"]) == 0
    out = capsys.readouterr().out
    assert "OK: 例 family_move_in.json: 転入 4人　手続 12件・様式 12件 14ページ" in out
    assert out.count("OK: 例 ") == len(list((FIXTURES.parents[1] / "forms" / "examples").glob("*.json")))


def test_forms_check_fails_on_an_example_the_edited_catalog_cannot_print(catalog_copy: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # Given a city's example household with a mistake (a birth date that does not exist)
    example = catalog_copy / "examples" / "family_move_in.json"
    example.write_text(example.read_text(encoding="utf-8").replace("1950-", "1950-02-30x", 1), encoding="utf-8")
    # When IT checks the catalog, Then the example is named with what is wrong, and the check fails
    assert main(["forms", "check", str(catalog_copy)]) == 2
    err = capsys.readouterr().err
    assert "NG: 例 family_move_in.json:" in err and "members[3].birth" in err
