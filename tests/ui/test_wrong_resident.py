"""Never the wrong resident: the real window, driven by keyboard, names whom it serves and never
swaps one household for another without asking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from kakanai.demo import demo_residents
from kakanai.ui import dialogs
from tests.ui.conftest import Counter
from tests.ui.driver import wait_until

K = Qt.Key
YAMADA, SATO = demo_residents()[0][1], demo_residents()[1][1]  # 転入 4人 / 転居 1人


class Asked(list[str]):
    """Every question the window asked; each answered with ``answer``."""

    answer = True


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    """Every question the window asks, answered はい unless a test says otherwise."""
    texts = Asked()

    def confirm(parent: object, title: str, text: str) -> bool:
        texts.append(text)
        return texts.answer

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return texts


def test_the_bar_names_the_resident_on_every_page(counter: Counter) -> None:
    # Given the 山田 family's code read at ticket 12
    window, clerk = counter.window, counter.clerk
    window.start_page.ticket.setText("12")
    clerk.press(K.Key_F1)
    clerk.scan(YAMADA)
    # Then every page shows whom the visit is for: 氏名, 届出, 人数, 整理券, 住所
    for key in (K.Key_F3, K.Key_F4, K.Key_F5, K.Key_F2):
        clerk.press(key)
        bar = window.resident.text()
        for part in ("山田　太郎", "届出 転入", "人数 4人", "整理券 12", "北海道見本市北1条西1丁目1番地"):
            assert part in bar, (key, bar)


def test_a_second_households_scan_asks_and_no_keeps_the_family(counter: Counter, asked: Asked) -> None:
    # Given the 山田 family of four being served, one name already corrected by the clerk
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(YAMADA)
    assert window.controller.answer("members[1].given", "はなこ") == ""
    visit_id = window.controller.session.visit_id
    sounds: list[bool] = []
    window.sound = sounds.append
    # When 佐藤 健's code is scanned on the household page and the clerk answers いいえ
    asked.answer = False
    window.household_page.procedures.setFocus()
    clerk.scan(SATO)
    # Then the question named both residents, and nothing of the family changed
    assert "山田　太郎" in asked[-1] and "佐藤　健" in asked[-1] and "転居" in asked[-1]
    session = window.controller.session
    assert session.visit_id == visit_id and session.answers["members[1].given"] == "はなこ"
    assert "人数 4人" in window.resident.text()
    assert "使いませんでした" in window.scan_note.text() and sounds == [False]


def test_yes_to_a_second_household_starts_its_own_visit(counter: Counter, asked: Asked) -> None:
    # Given the 山田 family being served
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(YAMADA)
    first = window.controller.session.visit_id
    counter.clock.advance(120)
    # When 佐藤 健's code is scanned and the clerk confirms it is the next resident
    clerk.scan(SATO)
    # Then 佐藤 健 has a visit of his own (new id, new timer) and the family waits, named
    session = window.controller.session
    assert session.visit_id != first and window.controller.elapsed() == 0
    assert "佐藤　健" in window.resident.text() and "人数 1人" in window.resident.text()
    assert [s.visit_id for s in window.suspended] == [first]
    assert "山田　太郎" in window.controller.describe(window.suspended[0])


def test_the_members_table_takes_no_stray_keys(counter: Counter) -> None:
    # Given the family's members on screen, the cursor on the wife's 続柄
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(YAMADA)
    table = window.household_page.members
    table.setFocus()
    table.setCurrentCell(1, 6)
    # When a key (or a scanner's burst) reaches the table
    clerk.press(K.Key_M)
    clerk.scan("hello123")
    # Then no value changed
    assert window.controller.interview().draft["members[1].relation"] == "妻"
    assert table.item(1, 6).text() == "妻" and table.item(1, 1).text() == "花子"
    # And F2 opens a list of 続柄 to choose from, not a free text
    table.setFocus()
    clerk.press(K.Key_F2)
    editor = table.findChild(QComboBox)
    assert editor is not None and editor.findText("世帯主") >= 0 and not editor.isEditable()


def test_dialogs_about_the_visit_name_the_resident(counter: Counter, asked: Asked) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(SATO)
    asked.answer = False
    clerk.press(K.Key_F9)
    clerk.press(K.Key_F6)
    assert len(asked) == 2 and all("佐藤　健" in text and "転居" in text for text in asked)
    assert window.controller.session is not None


def test_an_empty_visit_cannot_be_finished_as_served(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.press(K.Key_F6)
    assert window.controller.session is not None


def test_finishing_says_how_long_the_visit_took_without_its_pause(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(SATO)
    counter.clock.advance(100)
    clerk.press(K.Key_F8)
    counter.clock.advance(600)  # the resident fetched a document: not counted
    clerk.press(K.Key_F8)
    clerk.press(K.Key_Return)
    counter.clock.advance(35)
    assert window.controller.elapsed() == 135  # what the header's 経過 shows
    clerk.press(K.Key_F6)
    assert window.start_page.scan_status.text() == "完了しました（所要 2:15）"


def test_print_waits_for_the_identity_check_and_logs_only_its_kind(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(SATO)
    visit_id = window.controller.session.visit_id
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    clerk.press(K.Key_F5)
    assert window.print_page.identity.hasFocus()
    window.print_page.print_button.setFocus()
    clerk.press(K.Key_F5)  # printing before the check is refused
    assert "本人確認" in window.print_page.status.text() and not counter.saved.exists()
    window.print_page.identity.setFocus()
    clerk.choose(2)  # 運転免許証
    assert window.controller.session.identity == "driving_licence"
    counter.services.recorder.flush()
    kinds = [(e.kind.value, e.payload) for e in counter.services.visit_log.events(visit_id)]
    assert ("identity_checked", {"document": "driving_licence"}) in kinds


def test_the_review_lists_two_heads_of_household(counter: Counter) -> None:
    # Given the family, the wife's 続柄 changed to 世帯主 by mistake
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(YAMADA)
    assert window.controller.answer("members[1].relation", "世帯主") == ""
    # When the clerk reviews
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    problems = [window.review_page.problems.item(i).text() for i in range(window.review_page.problems.count())]
    # Then it is listed in plain Japanese before printing
    assert any("世帯主が2人" in p for p in problems), problems


def test_the_bar_names_a_card_read_before_how_many_is_asked() -> None:
    """A card read first gives the name before the interview asks how many move: the bar says whom
    the visit is for at once, not 「（未入力）」 under 「カードを読み取りました: 佐藤　健」."""
    from kakanai.ui.presenters import resident_parts

    parts = dict(resident_parts({"members[0].family": "佐藤", "members[0].given": "健"}, ""))
    assert parts["氏名"] == "佐藤\u3000健" and parts["人数"] == "―"
    assert dict(resident_parts({}, ""))["氏名"] == "（未入力）"
