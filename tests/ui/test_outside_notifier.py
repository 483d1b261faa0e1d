"""Scenario tests: someone from outside the household files at the counter (a daughter who lives
elsewhere reports her father's death). The window offers 「世帯外の方」 for the 届出人 only, asks
their name, フリガナ, relation and address, and the forms name them."""

from __future__ import annotations

import re

from pypdf import PdfReader
from PySide6.QtCore import Qt

from kakanai.qr.payload import encode_document
from tests.conftest import household_doc
from tests.ui.conftest import Counter
from tests.ui.driver import wait_until

K = Qt.Key
OUTSIDE = "世帯外の方（別世帯の親族・代理人など）"


def _choices(counter: Counter) -> list[str]:
    page = counter.window.intake_page
    assert page.editor.currentWidget() is page.choice
    return [page.choice.itemText(i) for i in range(page.choice.count())]


def _left(counter: Counter) -> int:
    """The 残り count the question shows."""
    match = re.search("残り ([0-9]+)", counter.window.intake_page.question.text())
    assert match, counter.window.intake_page.question.text()
    return int(match.group(1))


def _print(counter: Counter) -> list[str]:
    """F4 review, 本人確認 (マイナンバーカード) with Enter prints to IT's folder: each printed page's text."""
    window, clerk = counter.window, counter.clerk
    visit_id = window.controller.session.visit_id
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    if not window.review_page.identity.hasFocus():
        clerk.press(K.Key_F5)
    clerk.choose(1)
    wait_until(lambda: (counter.saved / f"{visit_id}.pdf").exists())
    wait_until(lambda: "署名" in window.print_page.status.text())
    return [page.extract_text() for page in PdfReader(counter.saved / f"{visit_id}.pdf").pages]


def test_a_daughter_living_elsewhere_reports_her_father_s_death(counter: Counter) -> None:
    # Given 佐藤 一郎, who lived alone and died in hospital, and his daughter 田中 美和 from 札幌 at the counter
    window, clerk = counter.window, counter.clerk
    page = window.intake_page
    clerk.press(K.Key_F1)
    clerk.choose(4)  # 死亡
    clerk.type_ascii("R8.6.12")
    clerk.type_ascii("1")
    assert page.question.text().startswith("新しい住所")  # where he lived: the 死亡届's 住所
    clerk.postal_then_address("0900024", "2丁目5番地")
    clerk.commit_japanese("佐藤 一郎")
    clerk.commit_japanese("さとう いちろう")
    clerk.type_ascii("S19.3.15")
    clerk.choose(0)  # 男
    clerk.commit_japanese("世帯主")
    clerk.choose(2)  # 後期高齢者医療
    clerk.choose(1)  # 要介護認定: いいえ
    clerk.choose(0)  # 年金を受けていた: はい
    clerk.choose(1)  # 高額療養費: いいえ
    # When the clerk comes to the 届出人, the choice offers the household and someone from outside it
    assert page.question.text().startswith("届出人（窓口に来た方）")
    assert _choices(counter) == ["佐藤\u3000一郎", OUTSIDE]
    before = _left(counter)
    clerk.choose(1)
    assert _left(counter) < before  # her details were counted already: 残り never goes up (issue 14)
    # Then the interview asks who she is: 氏名 and フリガナ one answer each, her relation and her address
    assert page.error.text() == "", page.error.text()
    assert page.question.text().startswith("届出人（世帯外の方）の氏名（氏と名の間を空ける）")
    clerk.commit_japanese("田中 美和")
    assert page.question.text().startswith("届出人（世帯外の方）のフリガナ")
    clerk.commit_japanese("たなか みわ")
    assert page.question.text().startswith("届出人と届出の方との関係")
    clerk.commit_japanese("長女")
    assert page.question.text().startswith("届出人（世帯外の方）の住所")
    clerk.commit_japanese("北海道札幌市中央区北1条西2丁目3番地")
    assert page.question.text().startswith("届出人（世帯外の方）の電話番号")  # hers, for the 連絡先 and 申請者 boxes
    clerk.type_ascii("090-3333-4444")
    # And then what the death's forms need, down to nothing
    for answer in ("0157-23-4567", "14:30"):  # the household's phone (for the 国保・介護 forms), the time
        clerk.type_ascii(answer)
    clerk.commit_japanese("見本市立病院")
    clerk.type_ascii("R8.6.15")  # 葬儀の日
    assert page.error.text() == "", page.error.text()
    assert window.stack.currentWidget() is window.household_page
    # And the answers list her as 世帯外の方 with her name; the bar names her as the one filing
    answered = [page.answered_list.item(i).text() for i in range(page.answered_list.count())]
    assert "届出人（窓口に来た方）：世帯外の方" in answered and "届出人（世帯外の方）の氏：田中" in answered
    assert "葬儀（葬祭）を行った日：令和8年6月15日" in answered
    assert window.controller.describe().startswith("氏名 田中\u3000美和（世帯外の方）　届出 死亡")
    notifier = window.controller.household().household.notifier
    assert (notifier.family, notifier.given, notifier.given_kana, notifier.relation) == ("田中", "美和", "ミワ", "長女")
    # And the printed forms name her as 届出人 (a relative not living with him) and print her address;
    # printed after midnight, every form's 届出日 is still the day of the visit (the app's clock, not the machine's)
    counter.clock.advance(15 * 3600)  # 09:30 → 00:30 the next day
    pages = _print(counter)
    sheet = next(i for i, text in enumerate(pages) if text.startswith("お手続きのご案内"))  # the take-home sheet ends the bundle
    forms, sheet_pages = pages[:sheet], pages[sheet:]
    assert all("届出日\u3000令和8年6月15日" in text for text in forms), [t[:200] for t in forms]
    death = next(text for text in pages if "死亡届" in text.split("\n")[2])
    assert re.search(r"届出人\n田中\u3000美和\n届出人の資格\n同居していない親族（長女）", death), death
    cremation = next(text for text in pages if "火葬許可申請書" in text.split("\n")[2])
    assert re.search(r"申請者\n田中\u3000美和\n死亡者との続柄\n長女\n申請者の住所\n北海道札幌市中央区北1条西2丁目3番地"
                     r"\n申請者の電話番号\n090-3333-4444", cremation), cremation
    assert "連絡先電話番号\n090-3333-4444" in death, death  # her phone, not the household's
    assert "死亡者の住所\n北海道見本市北4条東2丁目5番地" in cremation, cremation  # where he lived, not blank
    assert "田中\u3000美和 様" in sheet_pages[0]  # the take-home sheet is hers
    assert not any(re.search(r"(届出人|申請者|請求者)\n佐藤", text) for text in pages)  # he files nothing


def test_only_the_notifier_may_be_someone_from_outside(counter: Counter) -> None:
    # Given the death of 高橋 正男 by code, his wife and daughter staying and no new head named, reviewed
    window, clerk = counter.window, counter.clerk
    page = window.intake_page
    clerk.press(K.Key_F1)
    clerk.scan(encode_document(household_doc("death_of_head") | {"v": 2, "subjects": [0]}))
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    problems = window.review_page.problems
    lines = [problems.item(i).text() for i in range(problems.count())]
    # When the clerk presses Enter on 「新世帯主が決まっていません」
    problems.setCurrentRow(lines.index("世帯主変更届: 新世帯主が決まっていません（届出人に伺ってください）"))
    clerk.press(K.Key_Return)
    # Then the new head is chosen among the household only (someone from outside cannot be its head)
    assert page.question.text().startswith("新しい世帯主")
    assert OUTSIDE not in _choices(counter) and "高橋\u3000和子" in _choices(counter)
    clerk.choose(1)  # 和子
    # And the answers name her, not an index
    answered = [page.answered_list.item(i).text() for i in range(page.answered_list.count())]
    assert "新しい世帯主（届出人に伺ってください）：高橋\u3000和子" in answered, answered
