"""The page's checks are the counter's (issue 16): households generated over every fact the page can
enter — valid ones and ones broken on purpose, one fact or several at a time — are checked by the
page's own validation in Chromium and read by the counter from the code the page makes (digits →
zlib → strict JSON → the household model and its cross checks).

- whatever the page accepts and encodes, the counter decodes to the household the page showed
  (the counter's reading of what was typed), without refusing it;
- whatever the counter refuses, the page refuses too, with a message the page has words for;
- and the page refuses nothing the counter accepts (a stricter page turns residents away for nothing).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from kakanai.domain.draft import draft_from_household, to_document
from kakanai.domain.household_doc import parse_household
from kakanai.domain.problems import InvalidInput
from kakanai.domain.vocabulary import (
    ACCOUNT_KINDS,
    DISABILITY_KINDS,
    EVENTS,
    INSURANCES,
    INSURED_KINDS,
    RESIDENCE_CATEGORIES,
    SCHOOL_KINDS,
    SEXES,
)
from kakanai.qr import kkn2
from kakanai.qr.payload import QrPayloadError, decode
from kakanai.web.build import page_texts
from kakanai.web.checks import qr_capacity
from tests.web.resident import open_page

BATCH = 12  # households per call into the page


@pytest.fixture(scope="module")
def page(browser: Any, built_page: Path) -> Any:
    open_page(browser, built_page, "ja")
    return browser


# -- what a resident may type, fact by fact: (what the counter takes, what it refuses) ---------------

TEXT_OK = ["見本", " 見本 ", "山田<b>&\"'", "髙橋", "Ｓｍｉｔｈ", "あ" * 200, "1-2-3 ハイツ201", "a\u3000b", "🍣"]
TEXT_BAD = ["山\u202e田", "\udc00a", "a\ud83c", "x\u0000y", "\u0085", "a\u2066", "\ud800", "あ" * 201, "\x7f", 3, None]
BLANK = ["", " ", "\u3000", "\u200b", "\ufeff\u00ad"]
KANA_OK = ["ミホン", "みほん", "ｶﾞｯｺｳ", "ミホン　タロウ", "ヴァイオリン", "ワﾞ", " ハナコ ", "ニャー・ン"]
KANA_BAD = ["Mihon", "ミ\ufeffホ", "見本", "みほん1", "ゝ", "ﾐﾎﾝA", "ミ\u202eホ", "カ" * 201]
DATE_OK = ["1990-02-28", "1992-02-29", "1868-01-01", "2000-12-31", "2026-04-01", "1926-12-25"]
DATE_BAD = ["1990-02-29", "1867-12-31", "2201-01-01", "2026-4-1", "２０２６-04-01", "", "2026-13-01", "20260401", 20260401]
POSTAL_OK = ["090-0001", "090–0001", "090﹣0001", "0900001", "〒０９０ー０００１", "090ｰ0001", " 100-0001", "090－0001"]
POSTAL_BAD = ["090-001", "12345678", "090 0001x", "〒", "090--0001", "ABC-DEFG", "090\u202e0001"]
PHONE_OK = ["0157-23-4567", "090—1234—5678", "０９０ー１２３４ー５６７８", "+81-90-1234-5678", "0901234567", " 03 1234 5678"]
PHONE_BAD = ["123", "090ー 1234-5678", "0901234567\ufeff", "090-1234-567a", "--0901234567", "+", "0901234567-", "090‐1234‐56", "090 1234 567\u202e8"]
COUNTRY_OK = ["US", "VN", "CN", "KR", "BR", "PH"]
COUNTRY_BAD = ["XX", "us", "", "ZZ", "USA", 1]
CLOCK_OK = ["00:00", "14:30", "23:59", "09:05"]
CLOCK_BAD = ["24:00", "9:30", "09:60", "", "14時30分", "14:30 "]
CARD_OK = ["AB12345678CD", "ZZ00000000ZZ"]
CARD_BAD = ["ab12345678cd", "AB1234567CD", "AB12345678C", ""]
BANKS_OK = [("0005", "001"), ("0001", "001"), ("0009", "100")]
BANKS_BAD = [("9999", "001"), ("0005", "999"), ("05", "001"), ("0005", "1"), ("０００５", "001")]
BOOL_OK = [True, False]
BOOL_BAD = ["yes", 1, 0]


@st.composite
def _pick(draw: Any, ok: Any, bad: Any, rate: float) -> Any:
    """A value the counter takes, or (with probability ``rate``) one it refuses."""
    broken = rate > 0 and draw(st.integers(0, 999)) < rate * 1000
    source = bad if broken else ok
    return draw(source if isinstance(source, st.SearchStrategy) else st.sampled_from(source))


def _codes(codes: tuple[str, ...]) -> list[Any]:
    return [*codes[:1], "", "x", codes[0].upper() if codes[0] != codes[0].upper() else codes[0].lower(), 1]


@st.composite
def _member(draw: Any, p: Callable[[Any, Any], Any], event_date: str, foreign: bool) -> dict[str, Any]:
    m: dict[str, Any] = {"family": p(TEXT_OK, BLANK + TEXT_BAD), "given": p(TEXT_OK + [""], TEXT_BAD),
                         "family_kana": p(KANA_OK, BLANK + KANA_BAD), "given_kana": p(KANA_OK + [""], KANA_BAD),
                         "birth": p([d for d in DATE_OK if d <= event_date], DATE_BAD + ["2030-01-01"]),
                         "sex": p(list(SEXES), _codes(SEXES)), "relation": p(["世帯主", "妻", "子", "同居人"], BLANK + TEXT_BAD)}
    optional: dict[str, Callable[[], Any]] = {
        "insurance": lambda: p(list(INSURANCES), _codes(INSURANCES)),
        "card": lambda: p(BOOL_OK, BOOL_BAD), "care_certified": lambda: p(BOOL_OK, BOOL_BAD),
        "nationality": lambda: p(COUNTRY_OK if foreign else ["JP"], COUNTRY_BAD),
        "domicile": lambda: p(TEXT_OK + [""], TEXT_BAD), "domicile_head": lambda: p(TEXT_OK, TEXT_BAD),
        "alias": lambda: p(TEXT_OK, TEXT_BAD),
        "residence": lambda: {k: v for k, v in {
            "card": p(CARD_OK, CARD_BAD), "status": p(["永住者", "留学", ""], TEXT_BAD), "until": p(DATE_OK, DATE_BAD),
            "category": p(list(RESIDENCE_CATEGORIES), _codes(RESIDENCE_CATEGORIES))}.items() if draw(st.booleans())},
        "birth_time": lambda: p(CLOCK_OK, CLOCK_BAD), "birth_place": lambda: p(TEXT_OK, TEXT_BAD),
        "birth_country": lambda: p(COUNTRY_OK + ["JP"], COUNTRY_BAD),
        **{k: (lambda: p(BOOL_OK, BOOL_BAD)) for k in ("pensioner", "allowance", "child_support", "seal_registered",
                                                        "high_cost", "civil_servant", "late_disability")},
        "school": lambda: {"kind": p(list(SCHOOL_KINDS), _codes(SCHOOL_KINDS)), "name": p(TEXT_OK + [""], TEXT_BAD),
                           **({"grade": p([1, 3, 6], [0, 7, "2", True])} if draw(st.booleans()) else {})},
        "disability": lambda: {"kind": p(list(DISABILITY_KINDS), _codes(DISABILITY_KINDS)),
                               "grade": p(["1級", "A", ""], TEXT_BAD)},
        "insured": lambda: p(list(INSURED_KINDS), _codes(INSURED_KINDS)),
        "pension_class": lambda: p([1, 2, 3], [0, 4, "1"]), "birth_order": lambda: p([1, 2, 20], [0, 21, -1]),
        "father": lambda: p(TEXT_OK + [""], TEXT_BAD), "mother": lambda: p(TEXT_OK + [""], TEXT_BAD),
    }
    for key in draw(st.sets(st.sampled_from(sorted(optional)), max_size=6)):
        m[key] = optional[key]()
    if foreign and "nationality" not in m:
        m["nationality"] = p(COUNTRY_OK, COUNTRY_BAD)
    for key in draw(st.sets(st.sampled_from(["family", "birth", "sex", "relation", "family_kana"]), max_size=1)) \
            if p([False], [True]) else ():
        del m[key]  # a required fact left out
    return m


@st.composite
def _address(draw: Any, p: Callable[[Any, Any], Any], abroad: bool, with_head: bool) -> dict[str, Any]:
    a: dict[str, Any] = {"address": p(["東京都千代田区千代田1番1号", "見本市本町1-2"], BLANK + TEXT_BAD)}
    if abroad:
        a["country"] = p(COUNTRY_OK, COUNTRY_BAD)
        if p([False], [True]):
            a["postal"] = draw(st.sampled_from(POSTAL_OK))  # both: the counter wants one of the two
    else:
        a["postal"] = p(POSTAL_OK, POSTAL_BAD + [""])
        if p([False], [True]):  # abroad where the counter wants a postal code (with one, or instead)
            a["country"] = draw(st.sampled_from(COUNTRY_OK))
            if draw(st.booleans()):
                del a["postal"]
    if draw(st.booleans()):
        a["building"] = p(TEXT_OK + [""], TEXT_BAD)
    if with_head or draw(st.booleans()):
        a["head"] = p(TEXT_OK + [""], TEXT_BAD)
    return a


_ADDRESSES = {"move_in": ("new", "old"), "move_out": ("old", "new"), "move_within": ("new", "old"),
              "birth": ("new",), "death": ("new",), "marriage": ("new",)}
_ABROAD = {"move_in": "old", "move_out": "new"}
_SUBJECTS = {"birth": (1, 2), "death": (1, 1), "marriage": (2, 2)}


_LONG_KEYS = ("given", "relation", "domicile", "domicile_head", "alias", "birth_place")


def _long(draw: Any) -> dict[str, Any]:
    """A member's texts at their longest: varied kanji (a code too long for the counter) or one
    character again and again (a code short enough, of a document over the counter's 64 KiB)."""
    if draw(st.booleans()):
        return {"given": draw(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                                      min_size=20, max_size=200))}
    return {key: draw(st.sampled_from(["あ", "亜"])) * draw(st.sampled_from([150, 200])) for key in _LONG_KEYS}


@st.composite
def households(draw: Any) -> dict[str, Any]:
    """A KKN2 document as the page could make it: every fact the page can enter, each valid or (at a
    rate drawn per household: none, a few, many) one the counter refuses."""
    rate = draw(st.sampled_from([0.0, 0.0, 0.005, 0.01, 0.03, 0.12]))  # low rates: mostly one fault alone

    def p(ok: Any, bad: Any) -> Any:
        return draw(_pick(ok, bad, rate))

    event = p(list(EVENTS), ["move", "", "MOVE_IN"])
    date = p(["2026-04-01", "2025-12-31", "2019-05-01"], DATE_BAD)
    event_date = date if date in ("2026-04-01", "2025-12-31", "2019-05-01") else "2026-04-01"
    count = draw(st.integers(1, 4))
    foreign = draw(st.booleans())
    doc: dict[str, Any] = {"v": p([2], [3, "2", True, 2.5]), "event": event, "date": date}
    for side in _ADDRESSES.get(event, ()):
        if p([True], [False]):  # an address the event needs left out
            abroad = _ABROAD.get(event) == side and draw(st.booleans())
            doc[side] = draw(_address(p, abroad, side == "old"))
    if p([False], [True]):  # an address the event has no place for
        doc["old" if "old" not in doc else "new"] = draw(_address(p, False, False))
    members = [draw(_member(p, event_date, foreign)) for _ in range(count)]
    if p([False], [True]):
        members = [] if draw(st.booleans()) else members * 6  # none, or more than the counter takes
    elif draw(st.integers(0, 14)) == 0:  # a large household: near what one code holds, and beyond
        members = [dict(m, **_long(draw)) for m in members * 10][:draw(st.integers(8, 20))]
    doc["members"] = members
    index = lambda: p(list(range(count)), [count, count + 1, -1, "0", True])
    if p([True], [False]):
        doc["notifier"] = index()
    elif draw(st.booleans()):
        doc["notifier"] = {"family": p(TEXT_OK, BLANK + TEXT_BAD), "given": p(TEXT_OK + [""], TEXT_BAD),
                           "family_kana": p(KANA_OK, BLANK + KANA_BAD), "given_kana": p(KANA_OK + [""], KANA_BAD),
                           "relation": p(["長男", "代理人", ""], TEXT_BAD), "phone": p(PHONE_OK + [""], PHONE_BAD),
                           "address": p(TEXT_OK + [""], TEXT_BAD), "agent": p(BOOL_OK, BOOL_BAD)}
    low, high = _SUBJECTS.get(event, (0, 2))
    if event in _SUBJECTS or draw(st.booleans()):
        size = p(list(range(min(low, count), min(high, count) + 1)), [0, 3, count + 1])
        subjects = draw(st.permutations(range(count)))[:size]
        if p([False], [True]):
            subjects = [*subjects, subjects[0] if subjects else count]  # twice, or no such member
        doc["subjects"] = subjects
    if p([True], [False]) and draw(st.booleans()):
        stays = [i for i in range(count) if i not in doc.get("subjects", [])]
        doc["new_head"] = p(stays, list(range(count + 1))) if stays else index()
        doc["new_relation"] = p(["世帯主", ""], TEXT_BAD)
    if draw(st.booleans()):
        bank, branch = p(BANKS_OK, BANKS_BAD)
        doc["bank"] = {"bank": bank, "branch": branch, "kind": p(list(ACCOUNT_KINDS), _codes(ACCOUNT_KINDS)),
                       "number": p(["1234567", "0000001"], ["123456", "12345678", "１２３４５６７"]),
                       "holder_kana": p(KANA_OK, BLANK + KANA_BAD)}
    if draw(st.booleans()):
        doc["death"] = {"time": p(CLOCK_OK, CLOCK_BAD), "place": p(TEXT_OK, TEXT_BAD),
                        "funeral": p(DATE_OK, DATE_BAD), "mourner": p(TEXT_OK, TEXT_BAD)}
    if draw(st.booleans()):
        couple = doc.get("subjects") if event == "marriage" and doc.get("subjects") else list(range(min(2, count)))
        doc["marriage"] = {"surname_of": p(couple, list(range(count + 1))), "family": p(TEXT_OK, TEXT_BAD),
                           "domicile": p(TEXT_OK, TEXT_BAD), "together": p(DATE_OK, DATE_BAD)}
    if draw(st.booleans()):
        doc["child_allowance"] = {"claimant": index()}
    if draw(st.booleans()):
        doc["birth"] = {"father": p(TEXT_OK + [""], TEXT_BAD), "mother": p(TEXT_OK, TEXT_BAD)}
    if draw(st.booleans()):
        doc["phone"] = p(PHONE_OK, PHONE_BAD)
    if draw(st.integers(0, 9)) == 0:  # a key the model does not know (a later page's): kept, but read strictly
        where = draw(st.sampled_from([doc, *doc["members"][:1], doc.get("new") or doc]))
        deep = draw(st.integers(0, 15))
        value: Any = p(["メモ", 1, True, None], TEXT_BAD)
        for _ in range(deep):
            value = [value] if deep % 2 else {"k": value}
        where[p(["note", "メモ"], ["n\u202eote", "\ud800"])] = value
    doc["extras"] = {"dogs": p([0, 1, 99], [-1, 100, "2"]), "mopeds": p([0, 2], [-1, 100, 1.5]),
                     "seal_registration": draw(st.lists(st.sampled_from(list(range(count)) + ([count] if rate else [])),
                                                        max_size=2, unique=True).map(sorted))}  # as the page writes it: in order
    return doc


# -- the counter's side: the code's way in, from the digits to the household ---------------------------


def code_of(doc: dict[str, Any]) -> str:
    """The KKN2 text of ``doc`` as a browser writes it (JSON.stringify escapes a lone surrogate)."""
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    raw = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")
    return "KKN2" + kkn2.to_digits(kkn2.compress(raw))


_SURROGATE = re.compile("[\ud800-\udfff]")


def counter_reads(doc: dict[str, Any]) -> Any:
    """The household the counter reads from the code of ``doc``, or the InvalidInput it refuses with."""
    try:
        return decode(code_of(doc)).household
    except InvalidInput as refused:
        return refused


def _too_big(refused: Any) -> bool:
    return isinstance(refused, QrPayloadError) and refused.step in ("size", "length")


_PAGE = """
var out = [];
JSON.parse(arguments[0]).forEach(function (doc) {
  var r = window.kakanai.validate(doc);
  var text = null;
  if (!r.errors.length) { try { text = window.kakanai.encode(r.doc); } catch (e) { text = {error: String(e)}; } }
  if (Array.isArray(text)) { r.errors = text; text = null; }
  r.labels = r.errors.map(function (e) { return window.kakanai.label(e.path); });
  out.push({errors: r.errors, doc: r.doc, text: text, labels: r.labels});
});
return JSON.stringify(out);
"""


def page_checks(page: Any, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's own verdicts: its errors, its normalised document and the code it makes."""
    # as JSON text both ways: a lone surrogate travels as its escape, as in the page's own JSON
    return json.loads(page.execute_script(_PAGE, json.dumps(docs)))  # type: ignore[no-any-return]


_MESSAGES = page_texts()["strings"]["ja"]
_KEY = re.compile(r"[a-z_]+\.[a-z_]+")  # a translation key shown as it is ("members.legend")
QR_CAPACITY = qr_capacity()  # the longest KKN2 text one QR code holds (40-L)


def _compare(doc: dict[str, Any], verdict: dict[str, Any]) -> None:
    counter = counter_reads(doc)
    if _too_big(counter):  # the typed document is too big: the counter reads its model, the page's code its size
        try:
            counter = parse_household(doc).household
        except InvalidInput as refused:
            counter = refused
    if verdict["text"] is not None:
        assert isinstance(verdict["text"], str), verdict["text"]
        assert not isinstance(counter, InvalidInput), (f"the page accepts what the counter refuses: {counter.problems}", doc)
        read = decode(verdict["text"]).household
        assert read == counter, ("the counter reads the page's code as another household", doc)
        # and the counter keeps it through its interview (draft → document → household)
        assert parse_household(to_document(draft_from_household(read))).household == read, ("interview", doc)
        return
    errors = verdict["errors"]
    assert errors, ("the page neither encodes nor says why", doc)
    for error, label in zip(errors, verdict["labels"], strict=True):
        assert _MESSAGES.get(error["key"]), ("an error without words", error)
        assert not _KEY.search(label), ("an error list line names a key, not the field", error, label)
    if [e["key"] for e in errors] == ["err.too_big"]:  # the counter would refuse the page's code, or no QR code holds it
        held = len(code_of(verdict["doc"])) <= QR_CAPACITY
        assert _too_big(counter_reads(verdict["doc"])) or not held, ("the page refuses a code the counter reads", doc)
        return
    assert isinstance(counter, InvalidInput), (f"the page refuses what the counter accepts: {errors}", doc)


# no shrinking: a batch shrinks slowly, and the failure's message names the household already
@settings(max_examples=40, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(docs=st.lists(households(), min_size=BATCH, max_size=BATCH))
def test_the_page_accepts_exactly_what_the_counter_accepts(page: Any, docs: list[dict[str, Any]]) -> None:
    for doc, verdict in zip(docs, page_checks(page, docs), strict=True):
        _compare(doc, verdict)


def _sample(count: int) -> list[dict[str, Any]]:
    """``count`` households as the property test draws them, from a fixed seed (not ``.example()``, whose
    few cached examples repeat under CI's profile). The order of sets still varies with the process's
    hash seed, so the tests using it sample enough to hold for any (240 failed one hash seed in four;
    480 held for nine)."""
    drawn: list[dict[str, Any]] = []

    @seed(20261201)
    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(households())
    def collect(doc: dict[str, Any]) -> None:
        drawn.append(doc)

    collect()
    return drawn


def test_the_generated_households_are_both_kinds(page: Any) -> None:
    """The property above is worth something only if many households pass and many fail, for (nearly)
    every event."""
    examples = _sample(480)
    verdicts = page_checks(page, examples)
    accepted = [d["event"] for d, v in zip(examples, verdicts, strict=True) if v["text"]]
    assert len(set(accepted)) >= 5 and 0.15 <= len(accepted) / len(examples) <= 0.8, accepted


def _member_of(**texts: str) -> dict[str, Any]:
    return {"family": "見本", "given": "", "family_kana": "ミホン", "given_kana": "", "birth": "1990-01-01", "sex": "F",
            "relation": "子", **texts}


def _kanji(seed: int) -> str:
    return "".join(chr(0x4E00 + (i * i * 7919 + seed * 104729) % 20000) for i in range(200))


@pytest.mark.parametrize("members", [
    [_member_of(given=_kanji(k)) for k in range(20)],  # too long for one code
    [_member_of(**{key: "あ" * 200 for key in _LONG_KEYS})] * 20,  # a short code of a document over 64 KiB
], ids=["code-too-long", "document-too-big"])
def test_a_household_too_big_for_the_counter_is_refused_by_the_page(page: Any, members: list[dict[str, Any]]) -> None:
    # Given twenty people each with long texts
    doc = {"v": 2, "event": "move_within", "date": "2026-04-01", "notifier": 0, "members": members,
           "new": {"postal": "090-0001", "address": "見本市本町1-2"}, "old": {"postal": "090-0002", "address": "見本市"}}
    # When the page checks it, Then it refuses it as the counter would refuse its code, with words
    verdict = page_checks(page, [doc])[0]
    assert verdict["errors"] == [{"path": "members", "key": "err.too_big"}]
    assert _too_big(counter_reads(doc))
    _compare(doc, verdict)


_CONTEXTS = ("{}", "ア{}ア", "0{}1", "か{}", "ｶ{}", "{}\u3099")


def test_the_page_s_text_steps_are_the_counter_s_for_every_character(page: Any) -> None:
    """Each character of the Basic Multilingual Plane, alone and between others: the page's kana,
    digits, refused and blank are the counter's (the tables come from the counter; the steps around
    them are code, held here)."""
    from kakanai.domain.household_schema import check_characters, is_blank
    from kakanai.domain.kana import normalize_digits, to_katakana

    # characters Python's Unicode tables do not know yet are left out: the browser's may know them as
    # combining marks and order them otherwise in NFC (a kana field refuses them either way)
    probes = [ctx.format(chr(c)) for c in range(0x20, 0x10000) if unicodedata.category(chr(c)) not in ("Cs", "Cn")
              for ctx in _CONTEXTS]
    script = """var out = JSON.parse(arguments[0]).map(function (c) {  // a name: characters, then not blank
      var refused = "";
      try { KKN2.runCheck("not_blank", KKN2.runCheck("characters", c)); } catch (key) { refused = key; }
      return [KKN2.toKatakana(c), KKN2.digits(c), refused];
    }); return JSON.stringify(out);"""
    got = json.loads(page.execute_script(script, json.dumps(probes)))
    differ = []
    for text, (kana, digits, errors) in zip(probes, got, strict=True):
        try:
            refused = "err.characters" if check_characters(text) is None else ("err.required" if is_blank(text.strip()) else "")
        except ValueError:
            refused = "err.characters"
        if refused == "err.characters":  # refused before any conversion (control characters)
            kana, digits = to_katakana(text), normalize_digits(text)
        if (kana, digits, errors) != (to_katakana(text), normalize_digits(text), refused):
            differ.append((text, (kana, digits, errors), (to_katakana(text), normalize_digits(text), refused)))
    assert differ == [], differ[:20]


def _paths(model: Any, prefix: str = "") -> set[str]:
    """Every key path of a document model (``members.residence.card`` …)."""
    out = set()
    for name, info in model.model_fields.items():
        out.add(prefix + name)
        for inner in (*getattr(info.annotation, "__args__", ()), info.annotation):
            inner = getattr(inner, "__args__", (inner,))[0] if getattr(inner, "__origin__", None) is list else inner
            if isinstance(inner, type) and hasattr(inner, "model_fields"):
                out |= _paths(inner, f"{prefix}{name}.")
    return out


def _seen(value: Any, prefix: str = "") -> set[str]:
    if isinstance(value, list):
        return set().union(*(_seen(v, prefix) for v in value)) if value else set()
    if not isinstance(value, dict):
        return set()
    return set().union(*({prefix + k} | _seen(v, f"{prefix}{k}.") for k, v in value.items())) if value else set()


def test_the_generated_households_have_every_fact_of_the_model() -> None:
    """A fact added to the household model must be added to the generator above, else the page's
    check of it is held to nothing."""
    from kakanai.domain.household_schema import HouseholdDocV2

    seen = set().union(*(_seen(doc) for doc in _sample(300)))
    assert sorted(_paths(HouseholdDocV2) - seen) == []
