"""What a clerk or IT reads when a command goes wrong: Japanese, one or two lines, what to do next,
and no English from argparse, the OS, the JSON reader or pypdf in front of it."""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kakanai.cli import main
from kakanai.cli.common import os_reason
from kakanai.cli.parser import in_japanese
from kakanai.cli.supervisor import write_setting
from kakanai.domain.problems import InvalidInput
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
FAMILY = str(FIXTURES / "households" / "family_move_in.json")
ENGLISH = ("usage", "error:", "invalid", "required", "argument", "No such file", "Expecting", "pdf header",
           "EOF marker", "Permission denied", "Is a directory")


def err_of(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 2) -> str:
    """Run ``kakanai argv``; check the exit code and that standard error has no English; return it."""
    assert main(list(argv)) == code
    err = capsys.readouterr().err
    assert not [word for word in ENGLISH if word in err], err
    return err


@pytest.mark.parametrize(("argv", "said"), [
    (["plan"], "kakanai plan: 指定が足りません: HOUSEHOLD.json\n（使い方は kakanai plan --help で表示します）"),
    (["bogus"], "kakanai: 知らないコマンドです: 'bogus'（あるもの: demo, plan, forms"),
    (["db"], "kakanai db: 指定が足りません: コマンド"),
    (["report", "--by", "week"], "kakanai report: --by: 使えない値です: 'week'（使えるもの: clerk, counter, day"),
    (["report", "--to", "2026/04/01"], "--to: 日付は YYYY-MM-DD で書いてください（例 2026-04-01）: '2026/04/01'"),
    (["print", "x.pdf", "--timeout", "soon"], "kakanai print: --timeout: 数で書いてください: 'soon'"),
    (["qr", "make", FAMILY], "kakanai qr make: 指定が足りません: -o/--output"),
    (["plan", FAMILY, "--jsn"], "kakanai: 知らない指定です: --jsn"),
])
def test_command_line_mistakes_are_told_in_japanese_with_where_the_help_is(
        capsys: pytest.CaptureFixture[str], argv: list[str], said: str) -> None:
    assert said in err_of(capsys, *argv)


def test_help_is_in_japanese_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("使い方: kakanai render") and "オプション:" in out and "この説明を表示する" in out


def test_an_unknown_argparse_message_still_reads_as_japanese() -> None:
    assert in_japanese("something new").startswith("指定が正しくありません（")


def test_a_missing_file_says_so_in_japanese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nai.json"
    assert f"ファイルを読めません: {missing}（ありません。名前と場所を確かめてください）" in err_of(capsys, "plan", str(missing))
    assert "ファイルを読めません（ありません。名前と場所を確かめてください）" in err_of(capsys, "qr", "make", str(missing),
                                                                          "-o", str(tmp_path / "qr.png"))


@pytest.mark.parametrize(("text", "reason"), [
    ("", "1行 1文字目: 値がありません"),
    ('{"event": "move_in",}', "1行 21文字目: 項目名は \"…\" で囲みます（最後の , が余分かもしれません）"),
    ('{"event" "move_in"}', ": が足りません"),
    ('{"a": 1} {"b": 2}', "余分な文字があります"),
])
def test_json_that_is_not_json_says_where_and_why_in_japanese(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                              text: str, reason: str) -> None:
    path = tmp_path / "household.json"
    path.write_text(text, encoding="utf-8")
    assert reason in err_of(capsys, "plan", str(path))
    assert reason in err_of(capsys, "qr", "make", str(path), "-o", str(tmp_path / "qr.png"))


@pytest.mark.parametrize(("number", "words"), [
    (errno.EACCES, "権限がありません"), (errno.EISDIR, "フォルダです。ファイルを指定してください"),
    (errno.ENOSPC, "ディスクがいっぱいです"), (errno.EIO, "読み書きできません（EIO）"),
    (errno.EEXIST, "同じ名前のファイルがあります"), (errno.ENAMETOOLONG, "名前が長すぎます"),
    (errno.EFBIG, "ファイルが大きすぎて書けません"),
])
def test_os_reasons_are_japanese(number: int, words: str) -> None:
    assert words in os_reason(OSError(number, "English from the OS"))


def test_qr_read_of_a_folder_asks_for_an_image_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert f"フォルダです: {tmp_path}（QRコードの画像ファイルを1つ指定してください）" in err_of(capsys, "qr", "read",
                                                                                 str(tmp_path))


@pytest.mark.parametrize("content", [b'{"not": "a pdf"}', b"%PDF-1.7\nbroken"])
def test_forms_grid_of_a_file_that_is_not_a_pdf_says_so_first_and_only_in_japanese(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes) -> None:
    template = tmp_path / "yoshiki.pdf"
    template.write_bytes(content)
    err = err_of(capsys, "forms", "grid", str(template), "-o", str(tmp_path / "grid.pdf"))
    assert err.startswith("PDF ")
    assert err.count("\n") == 1 and "指定してください" in err


def test_forms_check_of_a_missing_folder_names_it_in_full(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "city" / "forms"
    assert f"定義フォルダがありません: {missing}（catalog.toml のあるフォルダを指定してください）" in \
        err_of(capsys, "forms", "check", str(missing))


def test_forms_check_says_in_full_which_folder_it_checked(capsys: pytest.CaptureFixture[str], catalog_copy: Path) -> None:
    (catalog_copy / "catalog.toml").unlink()
    err = err_of(capsys, "forms", "check", str(catalog_copy))
    assert err.startswith(f"検査したフォルダ: {catalog_copy.absolute()}\n")
    assert f"・{catalog_copy.name}/catalog.toml: " in err


@pytest.mark.parametrize(("old", "words"), [
    ("office = \n", "1行目の書き方が TOML として正しくありません。直してから実行してください"),
    (b"office = '\xff'\n", "文字コードが UTF-8 ではありません"),
])
def test_set_password_on_a_broken_settings_file_says_what_to_fix(tmp_path: Path, old: str | bytes,
                                                                 words: str) -> None:
    path = tmp_path / "kakanai.toml"
    path.write_bytes(old if isinstance(old, bytes) else old.encode())
    with pytest.raises(InvalidInput) as caught:
        write_setting(path, "supervisor_password_hash", "x")
    assert words in caught.value.clerk_message() and "Invalid" not in caught.value.clerk_message()


@pytest.mark.skipif(not (ROOT / ".git").exists() or not shutil.which("git"), reason="not a git checkout")
def test_the_settings_file_set_password_writes_in_a_checkout_stays_out_of_git() -> None:
    # In a checkout the executable's folder is the checkout: IT's kakanai.toml (with the hash) lands there
    ignored = subprocess.run(["git", "check-ignore", "-q", "kakanai.toml"], cwd=ROOT, check=False)
    assert ignored.returncode == 0


def test_plan_says_mosikashite_for_a_misspelt_key(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import json

    doc = json.loads(Path(FAMILY).read_text(encoding="utf-8"))
    doc["extra"] = doc.pop("extras")
    path = tmp_path / "household.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["plan", str(path)]) == 0
    assert capsys.readouterr().err.startswith("注意: extra: もしかして extras？ 綴りが違うため読み飛ばしました。直してください\n")


# -- what no command foresaw: still Japanese, a non-zero exit, never a traceback -----------------------


def test_forms_doc_to_a_folder_that_does_not_exist_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "none" / "procedures.md"
    assert f"書き出せません: {target}（ありません。名前と場所を確かめてください）" in err_of(
        capsys, "forms", "doc", "-o", str(target))


@pytest.mark.parametrize("url", ["mysql://kakanai@db/kakanai", "oracle://x", "sqlite", "kakanai.db"])
def test_db_upgrade_with_a_url_of_no_supported_database_names_the_option(
        capsys: pytest.CaptureFixture[str], url: str) -> None:
    err = err_of(capsys, "db", "upgrade", "--url", url)
    assert err.startswith("--url: データベースの接続先の書き方が正しくありません") and "Traceback" not in err


def test_a_catalog_nested_deeper_than_the_toml_reader_goes_is_no_traceback(
        capsys: pytest.CaptureFixture[str], catalog_copy: Path) -> None:
    # Given a city's form file with an array nested thousands deep (a paste gone wrong)
    (catalog_copy / "forms" / "deep.toml").write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    # When IT checks the catalog, Then the file is named with what is wrong, as any unreadable form file
    err = err_of(capsys, "forms", "check", str(catalog_copy))
    assert "forms/deep.toml: TOML として読めません: 入れ子が深すぎます" in err and "Traceback" not in err


def test_a_broken_blank_form_is_found_by_forms_check_with_its_form_and_file(
        capsys: pytest.CaptureFixture[str], catalog_copy: Path) -> None:
    # Given the city's blank dog form was copied half-way
    template = catalog_copy / "templates" / "inu_template.pdf"
    template.write_bytes(template.read_bytes()[:500])
    # When IT checks the catalog, Then it names the form's key and the file, before any example is printed
    err = err_of(capsys, "forms", "check", str(catalog_copy))
    assert "・inu_overlay.template: templates/inu_template.pdf: PDFとして読めません（壊れているか、PDFではありません）" in err
    assert "EOF marker" not in err and "Traceback" not in err


def test_render_refusing_a_missing_glyph_keeps_what_to_do_whole(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    doc = json.loads(Path(FAMILY).read_text(encoding="utf-8"))
    doc["members"][0]["family"] = "山\u200d田"  # a zero-width joiner inside the name
    household = tmp_path / "h.json"
    household.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    err = err_of(capsys, "render", str(household), "-o", str(tmp_path / "out.pdf"), "--issued", "2026-04-01")
    assert err.startswith("印刷できない文字（外字）があります\n") and "U+200D" in err
    assert err.rstrip().endswith("--allow-missing-glyphs で〓と印字して手書きで補ってください") and "…" not in err
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize(("change", "words"), [
    (lambda t: t.replace('"event":', '"event": "death", "event":', 1), "ファイルに同じ項目が2回書かれています"),
    (lambda t: t.replace('"dogs": 1', '"dogs": NaN', 1), "ファイルに数として使えない値（NaN・Infinity）があります"),
    (lambda t: t.replace('"notifier": 0', '"notifier": ' + "9" * 5000, 1), "ファイルに桁数の多すぎる数"),
    (lambda t: t.replace('"extras":', '"x": ' + "[" * 100_000 + "]" * 100_000 + ', "extras":', 1), "入れ子が深すぎます"),
    (lambda t: t.replace('"太郎"', '"太\\ud800郎"', 1), "members[0].given: ファイルに使えない文字（対になっていないサロゲート）"),
])
def test_a_household_file_is_held_to_the_rules_of_a_code(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                         change: Any, words: str) -> None:
    # Given a household file with what a code may not carry (a key twice is read two ways by two parsers)
    text = change(Path(FAMILY).read_text(encoding="utf-8"))
    path = tmp_path / "household.json"
    path.write_text(text, encoding="utf-8")
    # Then plan, render and qr make refuse it alike, naming the file, in Japanese, without a traceback
    for argv in (["plan", str(path)], ["render", str(path), "-o", str(tmp_path / "o.pdf")],
                 ["qr", "make", str(path), "-o", str(tmp_path / "q.png")]):
        err = err_of(capsys, *argv)
        assert err.startswith("世帯の JSON を読めませんでした\n") and f"・{path}: " in err and words in err, argv
    assert not (tmp_path / "o.pdf").exists() and not (tmp_path / "q.png").exists()


def test_render_split_into_a_folder_whose_parent_is_missing_makes_no_folders(capsys: pytest.CaptureFixture[str],
                                                                             tmp_path: Path) -> None:
    # Given a mistyped place for the split forms (resident data: no tree of folders may appear by mistake)
    target = tmp_path / "typo" / "forms"
    err = err_of(capsys, "render", FAMILY, "--split", str(target), "--issued", "2026-04-01")
    assert f"フォルダがありません: {target.parent}（--split の場所を確かめてください）" in err
    assert not (tmp_path / "typo").exists()


def test_qr_read_of_an_empty_argument_says_the_code_is_empty(capsys: pytest.CaptureFixture[str]) -> None:
    # "" is no file: before, it was taken for the current folder (フォルダです: ）
    assert "QRコードの中身が空です" in err_of(capsys, "qr", "read", "")
    assert "QRコードの中身が空です" in err_of(capsys, "qr", "read", "   ")


@pytest.mark.parametrize("argv", [["plan", "/dev/zero"], ["qr", "make", "/dev/zero", "-o", "/dev/null"],
                                  ["render", "/dev/zero", "-o", "/dev/null"], ["print", "/dev/zero"]])
def test_a_file_that_never_ends_is_refused_not_read_into_memory(capsys: pytest.CaptureFixture[str],
                                                                argv: list[str]) -> None:
    err = err_of(capsys, *argv)
    assert "ファイルが大きすぎます: /dev/zero" in err or "PDF ではありません: /dev/zero" in err


def test_a_household_file_of_ten_thousand_members_is_refused_by_its_size(capsys: pytest.CaptureFixture[str],
                                                                         tmp_path: Path) -> None:
    doc = json.loads(Path(FAMILY).read_text(encoding="utf-8"))
    doc["members"] *= 2500
    path = tmp_path / "household.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    assert "世帯の JSON は 1MB まで" in err_of(capsys, "plan", str(path))
    doc["members"] = doc["members"][:100]  # under the size, over the 20 members a household may have
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert "members: 人数・件数が多すぎます（20まで）" in err_of(capsys, "plan", str(path))


def test_qr_read_from_a_standard_input_that_never_ends_is_refused(capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with open("/dev/zero", encoding="latin-1") as endless:
        monkeypatch.setattr("sys.stdin", endless)
        assert "QRコードの内容が長すぎます" in err_of(capsys, "qr", "read", "-")


@pytest.mark.parametrize(("argv", "name"), [(["render", FAMILY, "--issued", "2026-04-10", "-o"], "bundle.pdf"),
                                            (["qr", "make", FAMILY, "-o"], "code.png")])
def test_an_output_the_disk_refuses_half_way_leaves_no_half_file(tmp_path: Path, argv: list[str], name: str) -> None:
    # Given a file size limit smaller than the bundle (as a full disk or a quota stops a write half-way)
    import resource
    import sys

    out = tmp_path / name
    limit = 2_000 if name.endswith(".png") else 100_000
    done = subprocess.run([sys.executable, "-m", "kakanai", *argv, str(out)], capture_output=True, text=True,
                          cwd=ROOT, check=False, timeout=120,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
    # Then the command says why in Japanese, and no half PDF or image with the family's data is left to print
    assert done.returncode == 2 and "ファイルが大きすぎて書けません" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_split_forms_the_disk_refuses_half_way_leave_no_half_file(tmp_path: Path) -> None:
    import resource
    import sys

    folder = tmp_path / "forms"
    done = subprocess.run([sys.executable, "-m", "kakanai", "render", FAMILY, "--issued", "2026-04-10", "--split",
                           str(folder)], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000)))
    assert done.returncode == 2 and "ファイルが大きすぎて書けません" in done.stderr
    written = list(folder.iterdir())
    # every file left is a whole PDF (the forms before the refusal), none half-written or a temporary one
    assert all(p.suffix == ".pdf" and p.read_bytes().rstrip().endswith(b"%%EOF") for p in written), written


@pytest.mark.parametrize(("content", "words"), [
    (b"schema_version = 1\n[city]\nname = '\xe8\xa6\x8b\xe6\x9c\xac\xe5\xb8\x82'\n", "{ で始まっていません"),  # a form file
    (b"# \xe6\x89\x8b\xe7\xb6\x9a\nschema_version = 1\n", "{ で始まっていません"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF です"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "画像です。QRコードの画像は kakanai qr read で読みます"),
    (b"KKN2012345678901234567\n", "QRコードの文字です。kakanai qr read で読みます"),
])
def test_a_wrong_kind_of_file_given_as_a_household_says_what_it_is(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path, content: bytes, words: str) -> None:
    # Given a clerk's supervisor who picked the wrong file (a form's TOML, the bundle, the QR image, the code's text)
    path = tmp_path / "household.json"
    path.write_bytes(content)
    # Then plan and qr make say it is not a household's JSON and what to use, not "1行 1文字目: 値がありません"
    for argv in (["plan", str(path)], ["qr", "make", str(path), "-o", str(tmp_path / "q.png")]):
        err = err_of(capsys, *argv)
        assert "世帯の JSON ファイルではありません" in err and words in err and "値がありません" not in err, argv
