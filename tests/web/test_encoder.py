"""The page's KKN2 encoder and checks against the counter's decoder and validator, in Chromium:
every example household encodes to a code the counter reads back unchanged, and a document the
page's checks accept is never one the counter refuses (a property test over hostile text)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.domain.problems import InvalidInput
from kakanai.qr.payload import decode
from tests.web.resident import open_page

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted((ROOT / "forms" / "examples").glob("*.json")) + sorted((ROOT / "tests" / "fixtures").glob("households_v2/*.json"))


@pytest.fixture(scope="module")
def page(browser: Any, built_page: Path) -> Any:
    open_page(browser, built_page, "ja")
    return browser


def _encode(page: Any, doc: dict[str, Any]) -> Any:
    return page.execute_script("return window.kakanai.encode(arguments[0])", doc)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_counter_reads_every_example_the_page_encodes(page: Any, path: Path) -> None:
    try:
        parsed = parse_household(json.loads(path.read_text(encoding="utf-8")))
    except InvalidInput:
        pytest.skip("a fixture the counter refuses")
    doc = household_to_document(parsed.household)
    text = _encode(page, doc)
    assert isinstance(text, str), text
    assert decode(text).household == parse_household(doc).household


def test_the_digits_are_the_spec_s(page: Any) -> None:
    """7 bytes → 17 digits, a tail of n bytes → 3, 5, 8, 10, 13, 15 digits (as kakanai.qr.kkn2)."""
    from kakanai.qr.kkn2 import to_digits

    for size in range(30):
        data = bytes((i * 37 + 255) % 256 for i in range(size))
        got = page.execute_script("return KKN2.toDigits(new Uint8Array(arguments[0]))", list(data))
        assert got == to_digits(data)


_HOSTILE = st.text(alphabet=st.sampled_from(list("山田あいうアイウｱｲｳ ﾞ　abc<>&\"'\u202e\u2066\u200b\u0000\u007f\ufeff\u00ad-ー1０")),
                   max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(family=_HOSTILE, kana=_HOSTILE, postal=_HOSTILE, phone=_HOSTILE, birth=st.sampled_from(
    ["1990-02-29", "1992-02-29", "1867-12-31", "1868-01-01", "2200-12-31", "2026-04-02", "1990-1-1", ""]))
def test_what_the_page_accepts_the_counter_accepts(page: Any, family: str, kana: str, postal: str, phone: str,
                                                   birth: str) -> None:
    doc = {"v": 2, "event": "move_within", "date": "2026-04-01", "phone": phone, "notifier": 0,
           "new": {"postal": postal, "address": family}, "old": {"postal": "090-0001", "address": "見本市", "head": ""},
           "members": [{"family": family, "given": "", "family_kana": kana, "given_kana": kana, "birth": birth,
                        "sex": "F", "relation": "世帯主"}],
           "extras": {"dogs": 0, "mopeds": 0, "seal_registration": []}}
    result = page.execute_script("return window.kakanai.validate(arguments[0])", doc)
    if result["errors"]:
        return
    text = _encode(page, result["doc"])
    assert decode(text).household == parse_household(result["doc"]).household


def test_the_page_normalises_as_the_counter_does(page: Any) -> None:
    """Half-width and hiragana kana, full-width postal code and phone, markup: accepted, normalised alike."""
    doc = {"v": 2, "event": "move_within", "date": "2026-04-01", "phone": "０９０ー１２３４ー５６７８", "notifier": 0,
           "new": {"postal": "〒０９０ー０００１", "address": "見本市<b>&"},
           "old": {"postal": "0900002", "address": "見本市", "head": ""},
           "members": [{"family": " 山田<b>& ", "given": "", "family_kana": "ｶﾞｯｺｳ　ええ", "given_kana": "ゔぁ",
                        "birth": "1992-02-29", "sex": "F", "relation": "世帯主"}],
           "extras": {"dogs": 0, "mopeds": 0, "seal_registration": []}}
    result = page.execute_script("return window.kakanai.validate(arguments[0])", doc)
    assert result["errors"] == []
    assert parse_household(result["doc"]).household == parse_household(doc).household


_THREE = [{"family": "見本", "given": "一郎", "family_kana": "ミホン", "given_kana": "イチロウ", "birth": "1960-01-01",
           "sex": "M", "relation": "世帯主"},
          {"family": "見本", "given": "花子", "family_kana": "ミホン", "given_kana": "ハナコ", "birth": "1962-02-02",
           "sex": "F", "relation": "妻"},
          {"family": "見本", "given": "陽", "family_kana": "ミホン", "given_kana": "ヒナタ", "birth": "2026-03-01",
           "sex": "F", "relation": "子"}]
_INDEX = st.one_of(st.none(), st.integers(min_value=0, max_value=4))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(event=st.sampled_from(["death", "marriage", "birth", "move_out", "move_within"]),
       subjects=st.one_of(st.none(), st.lists(st.integers(min_value=0, max_value=3), max_size=3)),
       new_head=_INDEX, surname_of=_INDEX, claimant=_INDEX, notifier=st.integers(min_value=0, max_value=3),
       seal=st.lists(st.integers(min_value=0, max_value=3), max_size=2))
def test_the_page_and_the_counter_agree_on_who_is_named(page: Any, event: str, subjects: list[int] | None,
                                                         new_head: int | None, surname_of: int | None,
                                                         claimant: int | None, notifier: int, seal: list[int]) -> None:
    """Every fact naming a member (the event's subjects, the new head, whose surname, the claimant, the
    notifier, 印鑑登録) is accepted by the page exactly when the counter accepts it."""
    doc: dict[str, Any] = {"v": 2, "event": event, "date": "2026-04-01", "notifier": notifier, "members": _THREE,
                           "extras": {"dogs": 0, "mopeds": 0, "seal_registration": seal}}
    if event in ("move_out", "move_within"):
        doc["old"] = {"postal": "090-0001", "address": "見本市"}
        doc["new"] = {"postal": "090-0002", "address": "見本市"}
    for key, value in (("subjects", subjects), ("new_head", new_head), ("marriage", surname_of),
                       ("child_allowance", claimant)):
        if value is not None:
            doc[key] = {"marriage": {"surname_of": value}, "child_allowance": {"claimant": value}}.get(key, value)
    result = page.execute_script("return window.kakanai.validate(arguments[0])", doc)
    try:
        parse_household(doc)
        counter_accepts = True
    except InvalidInput:
        counter_accepts = False
    assert (result["errors"] == []) == counter_accepts, (result["errors"], doc)
