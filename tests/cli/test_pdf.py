"""``kakanai render`` and ``kakanai forms grid``: files written, 外字 refused by name, bad input exits 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from kakanai.cli import main
from tests.conftest import FIXTURES, household_doc

FAMILY = str(FIXTURES / "households" / "family_move_in.json")
TEMPLATE = str(Path(__file__).resolve().parents[2] / "forms" / "templates" / "inu_template.pdf")


def _write(tmp_path: Path, doc: dict[str, object]) -> str:
    path = tmp_path / "household.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_render_writes_the_bundle_and_says_what_it_holds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bundle.pdf"
    assert main(["render", FAMILY, "-o", str(out), "--visit-id", "V1", "--issued", "令和8年4月1日"]) == 0
    assert len(PdfReader(out).pages) == 14
    assert capsys.readouterr().out.strip() == (
        f"{out}: 様式 12件・14ページ（お手続き案内を含む）　受付番号 V1　届出日 令和8年4月1日")


def test_render_split_writes_one_file_per_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", FAMILY, "--split", str(tmp_path / "split"), "--issued", "2026-04-01"]) == 0
    names = sorted(p.name for p in (tmp_path / "split").iterdir())
    assert names[0] == "01_juminido.pdf" and names[-1] == "13_takehome.pdf" and len(names) == 13
    assert "様式ごとのPDF 13件" in capsys.readouterr().out


def test_render_refuses_a_name_the_fonts_cannot_print(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = household_doc("family_move_in")
    doc["members"][1]["given"] = "𠮷子"
    out = tmp_path / "bundle.pdf"
    assert main(["render", _write(tmp_path, doc), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("印刷できない文字（外字）があります")
    assert ("・members[1].given: 山田　𠮷子（2人目）の名「𠮷子」の「𠮷」（U+20BB7）"
            "は印刷用フォントにない文字（外字）です") in err
    assert not out.exists()


def test_render_prints_geta_for_missing_glyphs_when_allowed(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    doc = household_doc("family_move_in")
    doc["members"][1]["given"] = "𠮷子"
    out = tmp_path / "bundle.pdf"
    assert main(["render", _write(tmp_path, doc), "-o", str(out), "--allow-missing-glyphs"]) == 0
    assert "〓で印字しました: members[1].given" in capsys.readouterr().err
    assert "山田　〓子" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize(("args", "message"), [
    (["render", FAMILY], "出力先がありません"),
    (["render", FAMILY, "-o", "/nonexistent/dir/x.pdf"], "PDFを書き込めません"),
    (["render", FAMILY, "-o", "x.pdf", "--issued", "令和8年2月30日"], "--issued: 存在しない日付です"),
    (["render", FAMILY, "-o", "x.pdf", "--visit-id", "山田"], "受付番号は英数字"),
    (["render", "missing.json", "-o", "x.pdf"], "ファイルを読めません"),
    (["forms", "grid", "missing.pdf", "-o", "x.pdf"], "ファイルを読めません: missing.pdf（ありません"),
])
def test_bad_input_gets_the_clerks_message_and_exit_2(args: list[str], message: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_render_of_an_invalid_household_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = household_doc("family_move_in")
    doc["members"][0]["family"] = "山\u202e田"
    assert main(["render", _write(tmp_path, doc), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "members[0].family: 制御文字" in capsys.readouterr().err


def test_grid_of_a_file_that_is_not_a_pdf_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    assert main(["forms", "grid", str(fake), "-o", str(tmp_path / "g.pdf")]) == 2
    assert "PDF ではありません" in capsys.readouterr().err


def test_grid_writes_the_template_with_a_grid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "grid.pdf"
    assert main(["forms", "grid", TEMPLATE, "-o", str(out)]) == 0
    assert len(PdfReader(out).pages) == 1
    assert "1ページに方眼" in capsys.readouterr().out
