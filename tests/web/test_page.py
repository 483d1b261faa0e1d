"""The resident page in headless Chromium at phone size: a resident types each life event in each
language, and the counter reads back the household that was typed, from the payload text the page
shows and from a screenshot of the code it draws (zxing-cpp, the counter's decoder)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kakanai.domain.household_doc import parse_household
from kakanai.domain.problems import InvalidInput
from kakanai.qr.payload import decode
from tests.web.browser import requests_made
from tests.web.resident import code_in_screenshot, errors_shown, fill, open_page, show_code

LANGUAGES = ["ja", "ja-easy", "en", "zh", "ko", "vi", "pt"]
NONE = {"dogs": 0, "mopeds": 0, "seal_registration": []}
YAMADA = {"family": "山田", "given": "太郎", "family_kana": "ヤマダ", "given_kana": "タロウ", "birth": "1981-05-10",
          "sex": "M", "relation": "世帯主"}
HANAKO = {"family": "山田", "given": "花子", "family_kana": "ヤマダ", "given_kana": "ハナコ", "birth": "1983-11-03",
          "sex": "F", "relation": "妻"}
MUFG = {"bank": "0005", "branch": "001", "kind": "ordinary", "number": "1234567", "holder_kana": "ヤマダ　タロウ"}
SON = {"family": "鈴木", "given": "一郎", "family_kana": "スズキ", "given_kana": "イチロウ", "relation": "子",
       "phone": "080-1111-2222"}
# one household per life event, as the counter should read it, and what the resident types differently
HOUSEHOLDS: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "move_in, a family of four with an account for the child allowance": ({
        "v": 2, "event": "move_in", "date": "2026-04-01", "phone": "090-1234-5678",
        "new": {"postal": "090-0001", "address": "北海道見本市北1条西1丁目1番地", "building": "コーポ見本101"},
        "old": {"postal": "980-0811", "address": "宮城県仙台市青葉区一番町3丁目2番1号", "head": "山田 太郎"},
        "notifier": 0,
        "members": [YAMADA | {"insurance": "nhi", "card": True, "care_certified": False,
                              "domicile": "宮城県仙台市青葉区本町3丁目8番", "domicile_head": "山田 太郎"},
                    HANAKO | {"insurance": "nhi", "card": True, "care_certified": False},
                    {"family": "山田", "given": "翔太", "family_kana": "ヤマダ", "given_kana": "ショウタ", "birth": "2009-08-20",
                     "sex": "M", "relation": "子", "insurance": "nhi", "card": False, "care_certified": False},
                    {"family": "山田", "given": "キヨ", "family_kana": "ヤマダ", "given_kana": "キヨ", "birth": "1950-12-01",
                     "sex": "F", "relation": "母", "insurance": "late_elderly", "card": False, "care_certified": True}],
        "extras": {"dogs": 1, "mopeds": 0, "seal_registration": [0]}, "bank": MUFG},
        {"1.family_kana": "やまだ", "1.given_kana": "ﾊﾅｺ", "phone": "０９０ー１２３４ー５６７８"}),
    "move_in from Hanoi, a Vietnamese couple with residence cards": ({
        "v": 2, "event": "move_in", "date": "2026-04-15",
        "new": {"postal": "090-0001", "address": "北海道見本市北1条西5丁目", "building": "グランハイツ203"},
        "old": {"country": "VN", "address": "12 Phố Huế, Hai Bà Trưng, Hà Nội", "head": "NGUYEN VAN AN"},
        "notifier": 0,
        "members": [{"family": "NGUYEN", "given": "VAN AN", "family_kana": "グエン", "given_kana": "ヴァン　アン",
                     "birth": "1988-10-02", "sex": "M", "relation": "世帯主", "insurance": "none", "card": False,
                     "care_certified": False, "nationality": "VN", "alias": "阮 文安",
                     "residence": {"card": "AB12345678CD", "status": "技術・人文知識・国際業務", "until": "2029-04-14",
                                   "category": "mid_long"}},
                    {"family": "TRAN", "given": "THI MAI", "family_kana": "チャン", "given_kana": "ティ　マイ",
                     "birth": "1990-04-12", "sex": "F", "relation": "妻", "insurance": "none", "card": False,
                     "care_certified": False, "nationality": "VN",
                     "residence": {"card": "CD87654321EF", "status": "家族滞在", "until": "2029-04-14",
                                   "category": "mid_long"}}],
        "extras": {"dogs": 0, "mopeds": 0, "seal_registration": [0, 1]}}, {"1.given_kana": "てぃ まい"}),
    "move_out alone, with a moped": ({
        "v": 2, "event": "move_out", "date": "2026-05-20",
        "old": {"postal": "090-0002", "address": "北海道見本市北2条西3丁目", "head": "佐藤 一郎"},
        "new": {"postal": "100-0001", "address": "東京都千代田区千代田1番1号"},
        "notifier": 0, "members": [{"family": "佐藤", "given": "一郎", "family_kana": "サトウ", "given_kana": "イチロウ",
                                    "birth": "1990-02-28", "sex": "M", "relation": "世帯主", "insurance": "employee"}],
        "extras": {"dogs": 0, "mopeds": 1, "seal_registration": []}}, {}),
    "move_out to another country": ({
        "v": 2, "event": "move_out", "date": "2026-09-01",
        "old": {"postal": "090-0002", "address": "北海道見本市北2条西3丁目", "head": "SILVA ANA"},
        "new": {"country": "BR", "address": "Rua Augusta 100, São Paulo"},
        "notifier": 0, "members": [{"family": "SILVA", "given": "ANA", "family_kana": "シルバ", "given_kana": "アナ",
                                    "birth": "1995-09-15", "sex": "F", "relation": "世帯主", "insurance": "nhi",
                                    "nationality": "BR"}],
        "extras": NONE}, {}),
    "move_within, her son from outside the household at the counter": ({
        "v": 2, "event": "move_within", "date": "2026-06-01",
        "new": {"postal": "090-0011", "address": "北海道見本市北1条東2丁目", "head": "鈴木 一郎"},
        "old": {"postal": "090-0002", "address": "北海道見本市北2条西3丁目", "head": "鈴木 花"},
        "notifier": SON, "members": [{"family": "鈴木", "given": "花", "family_kana": "スズキ", "given_kana": "ハナ",
                                      "birth": "1945-07-07", "sex": "F", "relation": "母", "insurance": "late_elderly",
                                      "card": True, "care_certified": True}],
        "extras": NONE}, {"phone": ""}),
    "birth of a second child, paid into the father's account": ({
        "v": 2, "event": "birth", "date": "2026-03-03", "notifier": 1, "subjects": [2],
        "new": {"postal": "090-0001", "address": "北海道見本市北1条西1丁目1番地", "building": "コーポ見本101"}, 
        "members": [YAMADA | {"insurance": "nhi"}, HANAKO | {"insurance": "nhi"},
                    {"family": "山田", "given": "陽菜", "family_kana": "ヤマダ", "given_kana": "ヒナ", "birth": "2026-03-03",
                     "sex": "F", "relation": "子", "insurance": "nhi", "birth_time": "05:42",
                     "birth_place": "見本市立病院"}],
        "extras": NONE, "bank": MUFG | {"branch": "002"}, "child_allowance": {"claimant": 0}}, {}),
    "death of the wife, the head listed first, a son from outside notifies": ({
        "v": 2, "event": "death", "date": "2026-02-10", "notifier": SON | {"family": "山田", "family_kana": "ヤマダ"},
        "new": {"postal": "090-0001", "address": "北海道見本市北1条西1丁目1番地", "building": "コーポ見本101"}, 
        "subjects": [1],
        "members": [YAMADA | {"insurance": "nhi", "care_certified": False},
                    HANAKO | {"birth": "1943-11-03", "insurance": "late_elderly", "care_certified": True,
                              "domicile": "北海道見本市北1条西1丁目1番", "domicile_head": "山田 太郎"}],
        "extras": NONE, "bank": MUFG,
        "death": {"time": "14:05", "place": "見本市立病院", "funeral": "2026-02-13", "mourner": "山田 一郎"}}, {}),
    "marriage with a Brazilian resident": ({
        "v": 2, "event": "marriage", "date": "2026-07-07", "notifier": 1, "subjects": [0, 1],
        "new": {"postal": "090-0011", "address": "北海道見本市北1条東2丁目"},
        "members": [{"family": "SILVA", "given": "ANA", "family_kana": "シルバ", "given_kana": "アナ", "birth": "1995-09-15",
                     "sex": "F", "relation": "本人", "card": True, "nationality": "BR"},
                    {"family": "田中", "given": "健", "family_kana": "タナカ", "given_kana": "ケン", "birth": "1992-01-31",
                     "sex": "M", "relation": "本人", "card": False, "domicile": "北海道見本市北1条西1丁目1番",
                     "domicile_head": "田中 健"}],
        "extras": NONE, "marriage": {"surname_of": 1, "domicile": "北海道見本市北1条西1丁目1番", "together": "2026-06-01"}},
        {"0.family_kana": "しるば"}),
}
# the older cases by name, for the tests below
CASES = {"move_within": ("ja-easy", HOUSEHOLDS["move_within, her son from outside the household at the counter"][0],
                         {}, True)}
SHOTS = Path(__file__).parents[2] / "docs" / "screenshots"


def _offered(browser: Any, doc: dict[str, Any]) -> bool:
    """Whether this build's page offers what ``doc`` needs (an address abroad the counter accepts)."""
    spec = browser.execute_script("return JSON.parse(document.getElementById('kakanai-spec').textContent).events")
    event = next(e for e in spec if e["code"] == doc["event"])
    return all(side in event["abroad"] for side in ("new", "old") if doc.get(side, {}).get("country"))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", list(HOUSEHOLDS))
def test_the_counter_reads_what_the_resident_typed(browser: Any, built_page: Path, case: str, lang: str,
                                                   tmp_path: Path) -> None:
    # Given a resident with the page in their language
    expected, typed = HOUSEHOLDS[case]
    open_page(browser, built_page, lang)
    if not _offered(browser, expected):
        pytest.skip("the counter does not accept this address abroad yet (the page offers it once it does)")
    requests_made(browser)
    # When they type their household (和暦 in Japanese, 西暦 otherwise) and show the code
    fill(browser, expected, typed, wareki=lang.startswith("ja"))
    text = show_code(browser)
    # Then the counter's decoder reads the same household from the text and from the drawn code
    assert decode(text).household == parse_household(expected).household
    assert code_in_screenshot(browser, tmp_path / "code.png") == text
    # and the page asked no host for anything (nor itself again)
    assert requests_made(browser) == []


def test_the_page_asks_only_what_the_event_needs(browser: Any, built_page: Path) -> None:
    open_page(browser, built_page, "ja")
    browser.find_element("id", "event-marriage").click()
    shown = {i: browser.find_element("id", i).is_displayed() for i in ("f-new", "f-old", "m0-seal", "m0-card",
                                                                         "m0-subject", "dogs", "m0-school-kind")}
    assert shown == {"f-new": True, "f-old": False, "m0-seal": False, "m0-card": True, "m0-subject": True,
                     "dogs": False, "m0-school-kind": False}  # the couple's address, as the interview asks it
    assert browser.find_element("css selector", "#f-new legend").text == "住所（世帯の住所）"
    browser.find_element("id", "event-move_in").click()
    assert browser.find_element("id", "f-old").is_displayed() and browser.find_element("id", "dogs").is_displayed()
    assert not browser.find_element("id", "m0-subject").is_displayed()


def test_a_postal_code_of_the_city_fills_in_the_town(browser: Any, built_page: Path) -> None:
    open_page(browser, built_page, "ja")
    browser.find_element("id", "event-move_in").click()
    browser.find_element("id", "new-postal").send_keys("０９００００１")
    assert browser.find_element("id", "new-town").text == "北海道見本市北1条西"
    assert browser.find_element("id", "new-address").get_attribute("value") == "北海道見本市北1条西"


def test_the_demo_shows_its_code_and_nothing_is_stored(browser: Any, built_page: Path) -> None:
    open_page(browser, built_page, "ja", "demo")
    text = browser.execute_script("return document.getElementById('payload').value")
    assert decode(text).household.members[0].family == "山田"
    assert browser.execute_script("return localStorage.length") == 0


def test_a_draft_is_kept_only_when_asked(browser: Any, built_page: Path) -> None:
    lang, doc, typed, wareki = CASES["move_within"]
    open_page(browser, built_page, lang)
    fill(browser, doc, typed, wareki)
    browser.find_element("id", "keep-draft").click()
    show_code(browser)
    browser.refresh()
    assert browser.find_element("id", "m0-family").get_attribute("value") == "鈴木"
    browser.find_element("id", "forget-draft").click()
    assert browser.execute_script("return localStorage.length") == 0


def test_markup_is_kept_literal(browser: Any, built_page: Path) -> None:
    # Given a name that is markup and a building that is a script tag
    lang, doc, _, _ = CASES["move_within"]
    sly = '<img src=x onerror="window.pwned=1">'
    doc = doc | {"members": [doc["members"][0] | {"given": sly}],
                 "new": doc["new"] | {"building": "</script><script>window.pwned=2</script>"}}
    open_page(browser, built_page, lang)
    fill(browser, doc, {})
    # When the code is shown, Then the text went into the code as typed, and nothing ran
    text = show_code(browser)
    assert decode(text).household.members[0].given == sly
    assert browser.execute_script("return window.pwned === undefined && document.images.length === 0")


@pytest.mark.parametrize(("value", "message"), [
    ("\u202eabc", "使えない記号"),  # a bidi override: refused, as the counter refuses it
    ("あ" * 5000, "200文字以内"),  # a huge paste (past the field's maxlength, as a script could)
    ("\u200b\u3000", "入力してください"),  # only invisible characters: blank
])
def test_hostile_text_is_refused(browser: Any, built_page: Path, value: str, message: str) -> None:
    doc = CASES["move_within"][1]
    open_page(browser, built_page, "ja")
    fill(browser, doc, {})
    browser.execute_script("document.getElementById('m0-family').value = arguments[0]", value)
    browser.find_element("id", "check").click()
    assert any(message in line for line in errors_shown(browser))
    assert not browser.find_element("id", "code").is_displayed()
    assert browser.find_element("id", "m0-family").get_attribute("aria-invalid") == "true"


def test_a_date_outside_its_era_is_refused(browser: Any, built_page: Path) -> None:
    open_page(browser, built_page, "ja")
    browser.find_element("id", "event-move_in").click()
    from selenium.webdriver.support.select import Select

    Select(browser.find_element("id", "date-era")).select_by_value("平成")
    for part, value in (("y", "32"), ("m", "1"), ("d", "1")):  # 平成32年 is 令和2年
        browser.find_element("id", f"date-{part}").send_keys(value)
    browser.find_element("id", "check").click()
    assert any("その元号にない日付です" in line for line in errors_shown(browser))


def test_twenty_members_at_most(browser: Any, built_page: Path) -> None:
    open_page(browser, built_page, "ja")
    browser.find_element("id", "event-move_in").click()
    for _ in range(19):
        browser.execute_script("document.getElementById('add-member').click()")
    assert len(browser.find_elements("css selector", ".member")) == 20
    assert not browser.find_element("id", "add-member").is_enabled()


@pytest.fixture()
def served(built_page: Path) -> Iterator[str]:
    """The page on a static web server (127.0.0.1, a free port)."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(built_page.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


def test_it_works_from_a_static_web_server_and_asks_for_nothing_else(browser: Any, served: str) -> None:
    requests_made(browser)
    browser.get(served + "#demo")
    text = browser.execute_script("return document.getElementById('payload').value")
    assert decode(text).household.event.value == "move_in"
    assert code_in_screenshot(browser) == text
    assert [u for u in requests_made(browser) if not u.startswith("chrome")] == [served]


DEATH = HOUSEHOLDS["death of the wife, the head listed first, a son from outside notifies"][0]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("n-family", "\u2066山田\u2069", "使えない記号"),  # bidi isolates in the notifier's name
    ("bank-holder_kana", "ア" * 500, "200文字以内"),  # a huge paste into a generated field
    ("m1-domicile", "\u202e本町", "使えない記号"),  # a fact the page generates from the model
    ("bank-bank", "9999", "その金融機関コードはありません"),  # no such bank in the 全銀 list
    ("bank-branch", "999", "その支店コードはありません"),
    ("bank-number", "12345", "形式"),  # 7 digits, as on the passbook
])
def test_hostile_or_wrong_text_in_the_new_fields_is_refused(browser: Any, built_page: Path, field: str, value: str,
                                                            message: str) -> None:
    open_page(browser, built_page, "ja")
    fill(browser, DEATH, {})
    browser.execute_script("const f = document.getElementById(arguments[0]); f.value = arguments[1];"
                           "f.dispatchEvent(new Event('input'))", field, value)
    browser.find_element("id", "check").click()
    assert any(message in line for line in errors_shown(browser)), errors_shown(browser)
    assert not browser.find_element("id", "code").is_displayed()
    assert browser.find_element("id", field).get_attribute("aria-invalid") == "true"


def test_markup_in_generated_fields_is_kept_literal(browser: Any, built_page: Path) -> None:
    sly = '<img src=x onerror="window.pwned=1">'
    doc = DEATH | {"notifier": DEATH["notifier"] | {"relation": sly},
                   "members": [DEATH["members"][0], DEATH["members"][1] | {"domicile": "</script>" + sly}]}
    open_page(browser, built_page, "en")
    fill(browser, doc, {})
    text = show_code(browser)
    household = decode(text).household
    assert household.members[1].domicile == "</script>" + sly and household.notifier_person.relation == sly
    assert browser.execute_script("return window.pwned === undefined && document.images.length === 0")


def test_the_bank_and_branch_names_are_shown_as_typed(browser: Any, built_page: Path) -> None:
    from kakanai.domain.banks import bank_name, branch_name

    open_page(browser, built_page, "ja")
    browser.find_element("id", "event-birth").click()
    browser.find_element("id", "bank-bank").send_keys("０００５")  # full-width, as a phone keyboard may type
    browser.find_element("id", "bank-branch").send_keys("001")
    assert browser.find_element("id", "bank-name").text == bank_name("0005")
    assert browser.find_element("id", "branch-name").text == branch_name("0005", "001")


_CODES = st.sampled_from(["0005", "0001", "0009", "9999", "0000", "00a5", "５０００", ""])
_BRANCHES = st.sampled_from(["001", "002", "100", "999", "000", "01", ""])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bank=_CODES, branch=_BRANCHES, number=st.sampled_from(["1234567", "123456", "１２３４５６７", ""]),
       kind=st.sampled_from(["ordinary", "savings", "current", "other"]))
def test_an_account_the_page_accepts_the_counter_accepts(browser: Any, built_page: Path, bank: str, branch: str,
                                                         number: str, kind: str) -> None:
    if browser.execute_script("return typeof window.kakanai") != "object":
        open_page(browser, built_page, "ja")
    doc = DEATH | {"bank": {"bank": bank, "branch": branch, "kind": kind, "number": number, "holder_kana": "ヤマダ"}}
    result = browser.execute_script("return window.kakanai.validate(arguments[0])", doc)
    try:
        counter = parse_household(result["doc"]).household
    except InvalidInput:
        counter = None
    assert (result["errors"] == []) == (counter is not None), (result["errors"], doc["bank"])


@pytest.mark.parametrize(("lang", "message"), [("ja", "1から20までの数"), ("en", "from 1 to 20")])
def test_a_number_out_of_its_range_is_told_with_that_range(browser: Any, built_page: Path, lang: str,
                                                           message: str) -> None:
    # Given the second child's birth typed in, then a 父母との続柄 of 25 (the counter takes 1–20)
    open_page(browser, built_page, lang)
    fill(browser, HOUSEHOLDS["birth of a second child, paid into the father's account"][0], {})
    field = next(f.get_attribute("id") for f in browser.find_elements("css selector", "input[id$='-birth_order']")
                 if f.is_displayed())
    browser.execute_script("const f = document.getElementById(arguments[0]); f.value = arguments[1];"
                           "f.dispatchEvent(new Event('input'))", field, "25")
    browser.find_element("id", "check").click()
    # Then the message names the field's own range, not a range of some other number
    assert any(message in line for line in errors_shown(browser)), errors_shown(browser)
    assert not browser.find_element("id", "code").is_displayed()


@pytest.mark.parametrize(("case", "legend"), [("death of the wife, the head listed first, a son from outside notifies", "住所（世帯の住所）"),
                                              ("move_out alone, with a moped", "新しい住所")])
def test_the_summary_names_the_address_as_the_form_does(browser: Any, built_page: Path, case: str, legend: str) -> None:
    # Given a death (the household's address, where they live) or a move (the new address) typed in
    open_page(browser, built_page, "ja")
    fill(browser, HOUSEHOLDS[case][0], HOUSEHOLDS[case][1])
    browser.find_element("id", "check").click()
    # Then the summary's row for it says what the form's box said
    terms = [dt.text for dt in browser.find_elements("css selector", "#summary-list dt")]
    assert legend in terms and (legend == "新しい住所") is ("新しい住所" in terms), terms
    assert browser.find_element("css selector", "#f-new legend").get_attribute("data-t") == \
        ("home.legend" if legend != "新しい住所" else "new.legend")


# what one QR code holds of a KKN2 text ("KKN2" alphanumeric, then digits): version 40 at error
# correction M and L (ISO/IEC 18004: 5,596 and 7,089 numeric characters alone, less the prefix's bits)
M_DIGITS, L_DIGITS = 5584, 7077
_KANJI = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 400))
_KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"


def _crowded(given_length: int) -> dict[str, Any]:
    """Twenty people with long names drawn at random (fixed seed): a code that hardly compresses."""
    import random

    rng = random.Random(7)

    def text(alphabet: str, length: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(length))

    members = [{"family": text(_KANJI, 2), "given": text(_KANJI, given_length), "family_kana": text(_KATAKANA, 4),
                "given_kana": text(_KATAKANA, given_length),
                "birth": f"{rng.randint(1940, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "sex": rng.choice("MF"), "relation": "世帯主" if i == 0 else "同居人"} for i in range(20)]
    return {"v": 2, "event": "move_within", "date": "2026-04-01", "notifier": 0,
            "new": {"postal": "090-0001", "address": "北海道見本市北1条西1丁目1番地"},
            "old": {"postal": "090-0002", "address": "北海道見本市北2条西3丁目", "head": ""},
            "members": members, "extras": NONE}


def test_a_household_too_big_for_level_m_gets_a_code_at_level_l(browser: Any, built_page: Path,
                                                                tmp_path: Path) -> None:
    # Given twenty people whose long names make a code just over what error correction M holds
    doc = _crowded(28)
    open_page(browser, built_page, "ja")
    browser.execute_script("window.kakanai.fill(arguments[0])", doc)
    # When the resident checks it and shows the code
    text = show_code(browser)
    # Then the page draws it at L (not "too big"), and the counter reads the household from the screen
    assert M_DIGITS < len(text) - 4 <= L_DIGITS, len(text)
    assert browser.find_element("id", "qr").get_attribute("data-level") == "L"
    assert code_in_screenshot(browser, tmp_path / "code.png") == text
    assert decode(text).household == parse_household(doc).household


def test_a_household_that_fits_level_m_is_drawn_at_m(browser: Any, built_page: Path) -> None:
    open_page(browser, built_page, "ja")
    browser.execute_script("window.kakanai.fill(arguments[0])", _crowded(20))
    text = show_code(browser)
    assert len(text) - 4 <= M_DIGITS
    assert browser.find_element("id", "qr").get_attribute("data-level") == "M"


def test_too_big_comes_exactly_where_no_code_holds_the_household(browser: Any, built_page: Path) -> None:
    from kakanai.qr.payload import KKN2, MAX_TEXT_KKN2
    from kakanai.web.checks import qr_capacity

    open_page(browser, built_page, "ja")
    # the page's limit is the counter's (MAX_TEXT_KKN2), or one QR code's where that holds less
    assert qr_capacity() == len(KKN2) + L_DIGITS
    limit = browser.execute_script("return JSON.parse(document.getElementById('kakanai-spec').textContent).kkn2.maxText")
    assert limit == min(MAX_TEXT_KKN2, qr_capacity())
    # M while it fits, then L up to version 40, then nothing
    drawn = {n: browser.execute_script("return window.kakanai.code(arguments[0])", KKN2 + "1" * n)
             for n in (M_DIGITS, M_DIGITS + 1, limit - len(KKN2), limit - len(KKN2) + 1)}
    assert [d and (d["level"], d["version"]) for d in drawn.values()] == [("M", 40), ("L", 36), ("L", 40), None]
    # and a household whose code is over the limit is told so when checked, not drawn
    result = browser.execute_script("return window.kakanai.validate(arguments[0])", _crowded(40))
    assert [e["key"] for e in result["errors"]] == ["err.too_big"]


def test_the_errors_are_listed_in_the_order_of_the_form(browser: Any, built_page: Path) -> None:
    # Given a death typed in English with the first person's katakana and the account number left out
    open_page(browser, built_page, "en")
    fill(browser, DEATH, {})
    for field in ("m0-family_kana", "bank-number"):
        browser.find_element("id", field).clear()
    browser.find_element("id", "check").click()
    # Then the list reads top to bottom as the form does (the person comes before the bank account),
    # each line "what: what to do" in English punctuation
    lines = errors_shown(browser)
    assert [line.split(":")[0] for line in lines] == ["Person 1 Family name in katakana",
                                                     "Bank account for payments (optional) Account number (7 digits)"]
    assert all(line.endswith(": Please fill this in") for line in lines), lines


def test_the_summary_shows_each_person_s_answers_under_that_person(browser: Any, built_page: Path) -> None:
    doc = HOUSEHOLDS["move_in, a family of four with an account for the child allowance"]
    open_page(browser, built_page, "ja")
    fill(browser, *doc)
    browser.find_element("id", "check").click()
    rows = [(dt.text, dt.find_element("xpath", "following-sibling::dd[1]").text)
            for dt in browser.find_elements("css selector", "#summary-list dt")]
    terms = [term for term, _ in rows]
    # the insurance, the card, 要介護 and 印鑑登録 the resident chose are there to check, after their person
    assert ("1人目 今の健康保険", "国民健康保険") in rows and ("4人目 今の健康保険", "後期高齢者医療（75歳以上）") in rows
    assert ("1人目 印鑑登録をする", "はい") in rows and ("2人目 印鑑登録をする", "はい") not in rows
    assert ("飼っている犬の数", "1") in rows, rows
    # dates as a Japanese reader typed them (令和, 昭和), not 2026-04-01
    assert "令和8年4月1日" in dict(rows).values(), rows
    assert dict(rows)["1人目"].startswith("山田 太郎 (ヤマダ タロウ) 昭和56年5月10日"), dict(rows)["1人目"]
    first, second = terms.index("1人目"), terms.index("2人目")
    assert all(first < terms.index(t) < second for t in terms if t.startswith("1人目 "))


def test_the_whole_code_is_on_the_screen_when_shown(built_page: Path) -> None:
    from tests.web.browser import chromium

    lang, doc, typed, wareki = CASES["move_within"]
    with chromium((320, 640)) as driver:
        open_page(driver, built_page, lang)
        fill(driver, doc, typed, wareki)
        show_code(driver)
        top, bottom = driver.execute_script("var r = document.getElementById('qr').getBoundingClientRect();"
                                            "return [r.top, r.bottom - window.innerHeight];")
        assert top >= 0 and bottom <= 0, (top, bottom)


def test_a_household_too_big_for_any_code_is_told_so_in_words(browser: Any, built_page: Path) -> None:
    # Given twenty people whose long names make a code no QR code holds, typed in
    open_page(browser, built_page, "ja")
    browser.execute_script("window.kakanai.fill(arguments[0])", _crowded(40))
    # When they check it, Then the list says so about the people (not a key name), and no summary follows
    browser.find_element("id", "check").click()
    assert errors_shown(browser) == ["届出をする人：情報が多すぎて1つのQRコードに入りません。窓口で職員にお伝えください"]
    assert not browser.find_element("id", "summary").is_displayed()
