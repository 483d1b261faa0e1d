"""The KKN1 envelope: round trips, every error class with the clerk's message, and a fuzz run."""

from __future__ import annotations

import base64
import json
import random
import zlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kakanai.domain.household_doc import parse_household
from kakanai.domain.problems import InvalidInput
from kakanai.qr.payload import MAX_TEXT, QrPayloadError, decode, decode_document, encode_document, encode_household
from tests.conftest import FULL, household_doc


def _wrap(raw: bytes) -> str:
    return "KKN1" + base64.b32encode(zlib.compress(raw)).decode().rstrip("=")


def _message(text: str) -> tuple[str, str]:
    with pytest.raises(InvalidInput) as caught:
        decode(text)
    error = caught.value
    return getattr(error, "step", "validate"), error.clerk_message()


@pytest.mark.parametrize("name", ["family_move_in", "single_move_within", "birth", "death_of_head", "marriage"])
def test_every_example_household_round_trips_in_both_envelopes(name: str) -> None:
    household = parse_household(household_doc(name)).household
    text = encode_household(household)
    assert text.startswith("KKN2") and text[4:].isdigit()
    assert decode(text).household == household
    old = encode_household(household, "KKN1")
    assert old.startswith("KKN1") and set(old[4:]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert decode(old).household == household


@pytest.mark.parametrize("envelope", ["KKN1", "KKN2"])
def test_a_code_typed_through_a_japanese_input_method_in_full_width_still_reads(envelope: str) -> None:
    # Given the code arrived as ＫＫＮ２０１２… (a Japanese input method left on, full-width letters and digits)
    text = encode_document(household_doc("birth"), envelope)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in text)
    # Then it reads as the code itself
    assert decode(full_width).household == decode(text).household


def test_a_code_saved_in_a_text_file_with_a_byte_order_mark_still_reads() -> None:
    text = encode_document(household_doc("birth"))
    assert decode("\ufeff" + text + "\r\n").household == decode(text).household


def test_a_scanner_with_caps_lock_and_line_breaks_still_reads() -> None:
    text = encode_document(household_doc("birth"))
    mangled = " " + "\r\n".join(text[i:i + 40] for i in range(0, len(text), 40)).swapcase() + "\t\n"
    assert decode(mangled).household == decode(text).household


@pytest.mark.parametrize(
    ("text", "step", "words"),
    [
        ("HELLO WORLD", "prefix", "QRコードの形式が違います（KKN2・KKN1で始まっていません）"),
        ("KKN3ABCDEF", "prefix", "新しい版のQRコード"),
        ("KKN2", "digits", "空"),
        ("KKN2ABCDEF", "digits", "文字が正しくありません"),
        ("KKN1", "base32", "空"),
        ("KKN1ABC!DEF", "base32", "文字が正しくありません"),
        ("KKN1" + "A" * (MAX_TEXT), "length", "長すぎます"),
        ("KKN1" + base64.b32encode(b"not zlib at all").decode().rstrip("="), "zlib", "壊れています"),
        (_wrap(b"\xff\xfe{}"), "utf8", "文字コード"),
        (_wrap(b'{"v": 1, '), "json", "形式の誤り"),
        (_wrap(b"[" * 30000 + b"]" * 30000), "depth", "入れ子が深すぎます"),
        (_wrap(b"1" * 5000), "json", "桁数の多すぎる数"),
    ],
)
def test_each_decoding_step_has_its_own_clerk_message(text: str, step: str, words: str) -> None:
    got_step, message = _message(text)
    assert (got_step, words in message) == (step, True), message


@pytest.mark.parametrize(("envelope", "unit"), [("KKN1", 8), ("KKN2", 17)])
def test_a_truncated_code_is_reported_as_cut_off(envelope: str, unit: int) -> None:
    text = encode_document(household_doc("family_move_in"), envelope)
    step, message = _message(text[: len(text) // 2 // unit * unit + 4])
    assert step == "zlib" and ("切れて" in message or "壊れて" in message)


def test_a_zlib_bomb_stops_at_64_kib() -> None:
    # Given 2 MB of JSON that compresses into a code small enough to print
    bomb = zlib.compress(b'{"v":1,"pad":"' + b"A" * 2_000_000 + b'"}', 9)
    text = "KKN1" + base64.b32encode(bomb).decode().rstrip("=")
    assert len(text) <= MAX_TEXT
    # Then decoding stops at 64 KiB with its own message
    step, message = _message(text)
    assert step == "size" and "64KiB" in message


def test_a_valid_envelope_with_a_bad_household_names_the_key() -> None:
    doc = household_doc("family_move_in")
    doc["members"][2]["birth"] = "2026-02-30"
    step, message = _message(encode_document(doc))
    assert step == "validate" and "members[2].birth: 存在しない日付です" in message


def test_unknown_keys_come_back_as_warnings() -> None:
    doc = household_doc("marriage") | {"ceremony": "神前式"}
    assert [w.path for w in decode(encode_document(doc)).warnings] == ["ceremony"]


def _mutations(text: str, rng: random.Random) -> str:
    kind = rng.randrange(6)
    chars = list(text)
    if kind == 0:
        return text[: rng.randrange(len(text))]
    if kind == 1:
        i = rng.randrange(4, len(chars))
        chars[i] = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ2345670189=!あ\x00")
    elif kind == 2:
        del chars[rng.randrange(4, len(chars))]
    elif kind == 3:
        chars.insert(rng.randrange(len(chars)), rng.choice("A7 \n"))
    elif kind == 4:
        return text + "".join(rng.choice("ABC234") for _ in range(rng.randrange(1, 20)))
    elif kind == 5 and rng.random() < 0.5:
        return "KKN2" + "".join(rng.choice("0123456789") for _ in range(rng.randrange(400)))
    else:
        return "KKN1" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(rng.randrange(200)))
    return "".join(chars)


def test_fuzz_twenty_thousand_mutated_codes_end_in_a_result_or_a_clear_error() -> None:
    rng = random.Random(20261123)
    seeds = [encode_document(household_doc(n), envelope) for n in ("family_move_in", "birth", "death_of_head")
             for envelope in ("KKN1", "KKN2")]
    outcomes = {"ok": 0, "error": 0}
    for _ in range(20_000):
        text = _mutations(rng.choice(seeds), rng)
        try:
            decode(text)
            outcomes["ok"] += 1
        except InvalidInput as exc:
            assert exc.problems and exc.problems[0].message_ja
            outcomes["error"] += 1
    assert outcomes["error"] > 15_000  # nearly every mutation is caught by the checksum or the schema


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=3000 if FULL else 200, deadline=None)
@given(_json_values)
def test_any_json_document_is_a_household_or_a_clear_error(document: Any) -> None:
    try:
        decode(encode_document(document) if not isinstance(document, float) else _wrap(json.dumps(document).encode()))
    except InvalidInput as exc:
        assert exc.problems


@settings(max_examples=3000 if FULL else 200, deadline=None)
@given(st.text(max_size=300))
def test_any_typed_text_is_a_household_or_a_clear_error(text: str) -> None:
    with pytest.raises(InvalidInput):
        decode(text)


def test_documents_with_wrong_types_in_every_field_fail_cleanly() -> None:
    base = household_doc("family_move_in")
    wrong_values = [None, 1, -5, 1.5, "x" * 250, [], {}, True, "2026-13-45", "\u202e"]
    for key in list(base) + [f"members.{k}" for k in base["members"][0]]:
        for value in wrong_values:
            doc = json.loads(json.dumps(base))
            if key.startswith("members."):
                doc["members"][1][key.split(".")[1]] = value
            else:
                doc[key] = value
            try:
                decode_document(encode_document(doc))
                parse_household(doc)
            except QrPayloadError as exc:
                assert value == "\u202e" and "制御文字" in exc.clerk_message()  # refused by the envelope
            except InvalidInput as exc:
                assert exc.problems


@pytest.mark.parametrize(("text", "kind"), [
    ("https://www.city.example.lg.jp/kakanai", "ホームページのアドレス（URL）"), ("WIFI:S:city-free;T:WPA;P:x;;", "Wi-Fi の設定"),
    ("BEGIN:VCARD\nFN:山田\nEND:VCARD", "連絡先（名刺）"), ("tel:0120-000-000", "電話番号"),
])
def test_another_kind_of_code_is_named_so_the_clerk_asks_for_the_right_one(text: str, kind: str) -> None:
    message = _message(text)[1]
    assert "QRコードの形式が違います（KKN2・KKN1で始まっていません）" in message
    assert f"{kind}のQRコードです。住民の方の事前入力ページで作ったQRコードを読み取ってください" in message
    assert "山田" not in message  # nothing of what the other code holds is echoed
