"""``kakanai qr make`` and ``kakanai qr read``: codes out, households back, exit 2 with the clerk's message."""

from __future__ import annotations

import io
import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest
import qrcode
from PIL import Image

from kakanai.cli import main
from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.qr.images import BACKENDS, pick_code
from kakanai.qr.payload import encode_document, encode_household
from tests.conftest import FIXTURES, household_doc

FAMILY = str(FIXTURES / "households" / "family_move_in.json")


def _normalised(name: str) -> dict[str, Any]:
    return household_to_document(parse_household(household_doc(name)).household)


def _write(tmp_path: Path, document: dict[str, Any]) -> str:
    path = tmp_path / "household.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("backend", BACKENDS)
def test_make_then_read_gives_back_the_normalised_household(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            backend: str) -> None:
    # Given a family's QR code made from its JSON
    png = tmp_path / "qr.png"
    assert main(["qr", "make", FAMILY, "-o", str(png)]) == 0
    assert "QRコード バージョン 12（誤り訂正M" in capsys.readouterr().out
    # When the image is read with either backend
    assert main(["qr", "read", str(png), "--backend", backend]) == 0
    # Then the household comes back normalised (ﾊﾅｺ → ハナコ)
    printed = json.loads(capsys.readouterr().out)
    assert printed == _normalised("family_move_in")
    assert printed["members"][1]["given_kana"] == "ハナコ"


def test_read_takes_the_text_a_scanner_typed(capsys: pytest.CaptureFixture[str]) -> None:
    text = encode_household(parse_household(household_doc("birth")).household)
    assert main(["qr", "read", text.lower()]) == 0
    assert json.loads(capsys.readouterr().out) == _normalised("birth")


def test_read_takes_text_on_standard_input(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    text = encode_household(parse_household(household_doc("marriage")).household)
    monkeypatch.setattr(sys, "stdin", io.StringIO(text + "\r\n"))
    assert main(["qr", "read", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["members"][1]["nationality"] == "FR"


def test_unknown_keys_are_warned_about_but_read_and_not_passed_on(capsys: pytest.CaptureFixture[str]) -> None:
    text = encode_document(household_doc("birth") | {"kiosk_id": "K-7"})
    assert main(["qr", "read", text]) == 0
    captured = capsys.readouterr()
    assert "kiosk_id" not in captured.out
    assert json.loads(captured.out)["event"] == "birth"
    assert "注意: kiosk_id: この版では使わない項目です" in captured.err


def test_a_broken_code_exits_2_with_the_clerks_message(capsys: pytest.CaptureFixture[str]) -> None:
    text = encode_household(parse_household(household_doc("birth")).household)
    broken = text[:40] + ("1" if text[40] != "1" else "2") + text[41:]  # a misread digit
    assert main(["qr", "read", broken]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == ["QRコードを読み取れませんでした",
                                         "・QRコードが壊れています（読み取り誤りか、一部が欠けています）"]


def test_text_that_is_not_a_resident_code_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["qr", "read", "HELLO"]) == 2
    assert "QRコードの形式が違います（KKN2・KKN1で始まっていません）" in capsys.readouterr().err


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_image_without_a_code_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (640, 480), 230).save(blank)
    assert main(["qr", "read", str(blank), "--backend", backend]) == 2
    assert "・画像にQRコードが見つかりません" in capsys.readouterr().err


@pytest.mark.parametrize(("make", "words"), [(True, "画像として開けません: notes.txt"),
                                             (False, "画像ファイルが見つかりません")])
def test_a_file_that_is_no_image_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], make: bool,
                                         words: str) -> None:
    path = tmp_path / "notes.txt"
    if make:
        path.write_text("not an image", encoding="utf-8")
    assert main(["qr", "read", str(path)]) == 2
    assert words in capsys.readouterr().err


def test_a_missing_backend_library_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "qr.png"
    assert main(["qr", "make", FAMILY, "-o", str(png)]) == 0
    monkeypatch.setitem(sys.modules, "pyzbar", None)
    assert main(["qr", "read", str(png), "--backend", "zbar"]) == 2
    assert "zbar（libzbar）が見つかりません" in capsys.readouterr().err


def test_make_refuses_an_invalid_household_naming_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = household_doc("family_move_in")
    document["members"][2]["birth"] = "2009-02-30"
    png = tmp_path / "qr.png"
    assert main(["qr", "make", _write(tmp_path, document), "-o", str(png)]) == 2
    assert "members[2].birth: 存在しない日付です" in capsys.readouterr().err
    assert not png.exists()


@pytest.mark.parametrize(("content", "words"), [(None, "ファイルを読めません"), ("{oops", "JSON として読めません")])
def test_make_of_an_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None,
                                            words: str) -> None:
    path = tmp_path / "household.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["qr", "make", str(path), "-o", str(tmp_path / "qr.png")]) == 2
    assert words in capsys.readouterr().err


def test_make_says_when_a_household_does_not_fit_one_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Given 20 members whose addresses-worth of random kanji do not compress
    rng = random.Random(4)
    document = household_doc("family_move_in")
    member = document["members"][0]
    document["members"] = [member | {"given": "".join(chr(rng.randint(0x4E00, 0x9FA0)) for _ in range(60))}
                           for _ in range(20)]
    assert main(["qr", "make", _write(tmp_path, document), "-o", str(tmp_path / "qr.png")]) == 2
    assert "1つのQRコード（誤り訂正M）に入りません" in capsys.readouterr().err


def test_an_image_of_another_kind_of_code_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "poster.png"
    qrcode.make("https://example.jp/counter").save(png)
    assert main(["qr", "read", str(png)]) == 2
    assert "QRコードの形式が違います（KKN2・KKN1で始まっていません）" in capsys.readouterr().err


def test_of_several_codes_the_residents_is_picked() -> None:
    assert pick_code(["https://example.jp/", "kkn1abcd", "KKN1EFGH"]) == "kkn1abcd"
    assert pick_code(["https://example.jp/", "OTHER"]) == "https://example.jp/"
