"""Where one answer gives two (氏名, フリガナ, 郵便番号 and 住所), in the real window: nothing is
taken half, and a clerk who answers the old way (one at a time) is asked the second on its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kakanai.ui.intake_page import split_answer
from tests.ui.conftest import Counter

K = Qt.Key
TOWNS = {"090-0024": "北海道見本市北4条東"}


def _town(code: str) -> str:
    return TOWNS.get(code.replace("-", "")[:3] + "-" + code.replace("-", "")[3:], "")


def test_a_name_splits_at_the_first_space_of_either_width() -> None:
    assert split_answer("name", "佐藤 健", _town) == ["佐藤", "健"]
    assert split_answer("name", "佐藤\u3000健", _town) == ["佐藤", "健"]
    assert split_answer("name", "NGUYEN VAN AN", _town) == ["NGUYEN", "VAN AN"]  # the rest is the given name
    assert split_answer("name", "佐藤", _town) == ["佐藤"]  # no space: the family name only


def test_an_address_is_taken_only_with_more_than_the_town() -> None:
    assert split_answer("address", "090-0024 北海道見本市北4条東2丁目5番地", _town) == [
        "090-0024", "北海道見本市北4条東2丁目5番地"]
    assert split_answer("address", "090-0024 北海道見本市北4条東", _town) == ["090-0024"]  # 丁目・番地 still to come
    assert split_answer("address", "0900024", _town) == ["0900024"]
    assert split_answer("address", "札幌市中央区北1条西2丁目", _town) == ["札幌市中央区北1条西2丁目"]  # no code: refused as one


def _to_the_new_postal_code(counter: Counter) -> None:
    clerk = counter.clerk
    clerk.press(K.Key_F1)
    clerk.choose(2)  # 転居
    clerk.type_ascii("R8.6.15")
    clerk.type_ascii("1")
    assert counter.window.intake_page._pair is not None
    assert counter.window.intake_page._pair[0].path == "new.postal"


def test_the_town_follows_the_code_and_enter_on_it_alone_asks_the_rest(counter: Counter) -> None:
    # Given the interview at the new address of a move within the city
    window, clerk = counter.window, counter.clerk
    _to_the_new_postal_code(counter)
    # When the clerk types the postal code and presses Enter at once
    clerk.type_ascii("0900024")
    # Then the code is taken, the address is not (the town alone is no address): it is asked next,
    # starting from the town
    draft = window.controller.interview().draft
    assert draft["new.postal"] == "090-0024" and draft.get("new.address") is None
    assert window.intake_page._current.path == "new.address"
    assert window.intake_page.text.text() == "北海道見本市北4条東"


def test_a_refused_code_takes_neither_answer(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    _to_the_new_postal_code(counter)
    clerk.commit_japanese("北海道見本市北4条東2丁目5番地")  # the address without its code
    assert "郵便番号" in window.intake_page.error.text()
    draft = window.controller.interview().draft
    assert draft.get("new.postal") is None and draft.get("new.address") is None


def test_enter_on_the_identity_after_printing_does_not_print_again(counter: Counter) -> None:
    # Given a visit printed from the review with Enter on the document checked
    from kakanai.demo import demo_residents
    from tests.ui.driver import wait_until

    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[1][1])  # 佐藤 健, moving within the city: no deadline passed
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    assert window.review_page.identity.hasFocus()
    clerk.choose(1)
    wait_until(lambda: "署名" in window.print_page.status.text())
    printed = window.print_run.bundle
    # When the clerk goes back to the print page's document list and presses Enter again
    window.print_page.identity.setFocus()
    clerk.press(K.Key_Return)
    # Then nothing new is sent to the printer (the same bundle, no new job)
    assert window.print_run.bundle is printed and "署名" in window.print_page.status.text()


def test_printing_again_asks_first_and_no_prints_nothing(counter: Counter) -> None:
    from kakanai.demo import demo_residents
    from kakanai.ui import dialogs
    from tests.ui.driver import wait_until

    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[1][1])
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    clerk.choose(1)
    wait_until(lambda: "署名" in window.print_page.status.text())
    saved = counter.saved / f"{window.controller.session.visit_id}.pdf"
    saved.unlink()
    # When F5 is pressed again by habit and the clerk answers いいえ
    dialogs.AUTO_ANSWER = False
    clerk.press(K.Key_F5)
    # Then nothing is printed again
    QTest.qWait(500)
    assert not saved.exists() and window.controller.bundle is not None


def test_a_code_from_another_city_brings_its_town_too(counter: Counter) -> None:
    # Given the interview of a 転入 at the address left (in 札幌: not in the city's own list)
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.choose(0)  # 転入
    clerk.type_ascii("R8.6.15")
    clerk.type_ascii("1")
    clerk.postal_then_address("0900024", "2丁目5番地")
    clerk.type_ascii("")  # no 方書
    assert window.intake_page._current.path == "old.postal"
    # When the clerk types that address's postal code
    for char in "0640820":
        QTest.keyClick(window.intake_page.text, char)
    # Then its town follows from Japan's list (日本郵便's KEN_ALL), as the city's own towns do
    assert window.intake_page.text.text().startswith("064-0820 北海道札幌市中央区大通西")
