"""Hostile QR codes (issue 10, items 2 and 3): unknown keys never change validated data, and what
the spec forbids is refused with its own short Japanese message that echoes nothing dangerous."""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import pytest

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.household_doc import parse_household
from kakanai.domain.interview import Interview
from kakanai.domain.problems import InvalidInput
from kakanai.qr import kkn2
from kakanai.qr.payload import MAX_MESSAGE, decode, encode_document
from tests.conftest import household_doc

_DANGEROUS = ("\u202e", "\u2066", "\u0000", "\u001b", "\u200b")


def _code(raw: str | bytes, envelope: str = "KKN1") -> str:
    """``raw`` as it is, in a KKN1 or a KKN2 envelope (the rules below hold for both)."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if envelope == "KKN2":
        return "KKN2" + kkn2.to_digits(kkn2.compress(data))
    return "KKN1" + base64.b32encode(zlib.compress(data)).decode().rstrip("=")


def _doc_code(document: dict[str, Any], envelope: str = "KKN1") -> str:
    return _code(json.dumps(document, ensure_ascii=False), envelope)


def _refusal(text: str) -> str:
    with pytest.raises(InvalidInput) as caught:
        decode(text)
    return caught.value.clerk_message()


def _family_of_five() -> dict[str, Any]:
    doc = household_doc("family_move_in")
    child = dict(doc["members"][-1], given="三郎", given_kana="サブロウ", birth="2019-06-01")
    doc["members"].append(child)
    return doc


def _scan_plan(text: str, catalog: Catalog) -> tuple[int, list[str]]:
    """What the counter does with a scan: decode, draft, plan (member count, procedure ids)."""
    parsed = decode(text)
    interview = Interview(catalog, draft_from_household(parsed.household))
    household = interview.household().household
    return len(household.members), sorted(item.id for item in interview.plan().items)


# -- item 2: unknown keys are kept apart ------------------------------------------------------


@pytest.mark.parametrize("extra", [
    {"member_count": 2},
    {"member_count": 10**80},
    {"members[0].birth": "1900-01-01"},
    {"members[0].family": "偽名"},
    {"extras.dogs": 5},
    {"new.address": "別の住所"},
    {"subjects[0]": 3},
])
@pytest.mark.parametrize("envelope", ["KKN1", "KKN2"])
def test_unknown_keys_change_nothing_that_was_validated(catalog: Catalog, extra: dict[str, Any],
                                                         envelope: str) -> None:
    # Given a family of five moving in, and the same code with a hostile unknown key
    clean = _family_of_five()
    hostile = {**clean, **{k: v for k, v in extra.items() if k not in clean}}
    # When the counter reads both
    expected = _scan_plan(_doc_code(clean, envelope), catalog)
    got = _scan_plan(_doc_code(hostile, envelope), catalog)
    # Then the household and its procedures are the same
    assert got == expected and got[0] == 5


def test_unknown_keys_are_reported_by_name_and_kept_out_of_the_household(catalog: Catalog) -> None:
    doc = {**_family_of_five(), "member_count": 2, "pet": {"name": "ポチ"}}
    parsed = decode(_doc_code(doc))
    assert {w.path for w in parsed.warnings} == {"member_count", "pet"}
    draft = draft_from_household(parsed.household)
    assert "pet" not in json.dumps(draft, ensure_ascii=False) and draft["member_count"] == 5


def test_a_huge_member_count_in_an_unknown_key_does_not_hang(catalog: Catalog) -> None:
    doc = {**household_doc("single_move_within"), "member_count": 10**80}
    count, procedures = _scan_plan(_doc_code(doc), catalog)
    assert count == 1 and procedures


def test_many_unknown_keys_give_one_short_warning_list() -> None:
    doc = {**household_doc("birth"), **{f"k{i}": i for i in range(500)}}
    parsed = decode(_doc_code(doc))
    assert len(parsed.warnings) <= 11
    assert "ほか490件" in str(parsed.warnings[-1])


# -- item 3: what the spec forbids is refused --------------------------------------------------


def _raw_family() -> str:
    return json.dumps(household_doc("single_move_within"), ensure_ascii=False)


@pytest.mark.parametrize(("raw", "words"), [
    (_raw_family().replace('"extras": {', '"extras": {"x": NaN, '), "NaN"),
    (_raw_family().replace('"extras": {', '"extras": {"x": Infinity, '), "NaN"),
    (_raw_family().replace('"extras": {', '"extras": {"x": -Infinity, '), "NaN"),
    (_raw_family().replace('"event":', '"event": "death", "event":'), "同じ項目"),
    (_raw_family().replace('"v": 1', '"v": true'), "版"),
    (_raw_family().replace('"v": 1', '"v": 1.0'), "版"),
    (_raw_family().replace('"extras": {', '"extras": {"a\\u202eb": 1, '), "制御文字"),
    (_raw_family().replace('"extras": {', '"a\\u0007": 1, "extras": {'), "制御文字"),
    (_raw_family().replace('"extras": {', '"deep": ' + "[" * 200 + "]" * 200 + ', "extras": {'), "入れ子"),
    (_raw_family().replace('"extras": {', '"x": "\\ud800", "extras": {'), "文字"),
    (_raw_family().replace('"extras": {', '"\\udc00": 1, "extras": {'), "文字"),
])
@pytest.mark.parametrize("envelope", ["KKN1", "KKN2"])
def test_what_the_spec_forbids_is_refused_with_its_own_message(raw: str, words: str, envelope: str) -> None:
    message = _refusal(_code(raw, envelope))
    assert words in message
    assert len(message) <= MAX_MESSAGE


def test_the_version_must_be_the_integer_one_or_two() -> None:
    assert "版" in _refusal(_code(_raw_family().replace('"v": 1', '"v": "1"')))
    assert "版" in _refusal(_code(_raw_family().replace('"v": 1', '"v": 3'), "KKN2"))


def test_a_kkn2_bomb_stops_at_64_kib_and_digits_that_fit_no_bytes_are_refused() -> None:
    bomb = _code(b'{"v":2,"pad":"' + b"A" * 2_000_000 + b'"}', "KKN2")
    assert "64KiB" in _refusal(bomb)
    assert "文字が正しくありません" in _refusal("KKN2" + "9" * 17)  # larger than 7 bytes hold
    assert "文字が正しくありません" in _refusal("KKN2" + "1" * 18)  # 18 digits are no byte count
    assert "文字が正しくありません" in _refusal("KKN2" + "12A4")


def test_messages_are_capped_and_never_echo_control_or_bidi_characters() -> None:
    doc = household_doc("family_move_in")
    for member in doc["members"]:
        member["birth"] = "\u202e2020-1-1"
        member["sex"] = "\u202eX" + "\u200b" * 400
        member["relation"] = 5
    doc["members"] = doc["members"] * 5
    # a household file given to `kakanai plan` is validated without the QR envelope's checks
    with pytest.raises(InvalidInput) as caught:
        parse_household(doc)
    message = caught.value.clerk_message()
    assert len(message) <= MAX_MESSAGE and "ほか" in message
    assert not any(ch in message for ch in _DANGEROUS)


def test_a_lone_surrogate_never_crashes_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from kakanai.cli import main

    code = main(["qr", "read", _code(_raw_family().replace('"phone":', '"x": "\\ud800", "phone":'))])
    out = capsys.readouterr()
    assert code == 2 and "文字" in out.err


def test_a_code_made_with_another_preset_dictionary_is_told_as_such() -> None:
    # Given another vendor's encoder compressed the document with its own zlib dictionary
    raw = _raw_family().replace('"v": 1', '"v": 2').encode("utf-8")
    compressor = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY, zdict=b'"family":"","given":"')
    text = "KKN2" + kkn2.to_digits(compressor.compress(raw) + compressor.flush())
    # Then the clerk learns the code was made the wrong way, not that it was misread
    message = _refusal(text)
    assert "KKN2 の辞書で作られていません" in message and "壊れています" not in message
    # And a misread code (a digit changed in the middle) is still said to be broken
    good = encode_document(json.loads(raw))
    middle = len(good) // 2
    assert "壊れています" in _refusal(good[:middle] + str((int(good[middle]) + 1) % 10) + good[middle + 1:])


@pytest.mark.parametrize("index", [10**300, 10**5000, -(10**400)], ids=["300 digits", "5000 digits", "negative"])
def test_a_member_index_of_hundreds_of_digits_is_not_echoed(index: int) -> None:
    # Given a document (a file, or a code under the parser's digit limit) naming member 10**300
    doc = household_doc("family_move_in") | {"v": 2, "notifier": index, "subjects": [0, index], "new_head": index,
                                             "extras": {"seal_registration": [index]},
                                             "child_allowance": {"claimant": index}}
    with pytest.raises(InvalidInput) as caught:
        parse_household(doc)
    # Then every message names the key and says the number is too long, short and without a crash
    message = caught.value.clerk_message()
    assert index < 0 or "notifier: 届出人の番号 （桁数の多すぎる数） に当たる世帯員がいません" in message
    assert "000000" not in message and len(message) <= MAX_MESSAGE
