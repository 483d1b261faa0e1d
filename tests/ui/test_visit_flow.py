"""Scenario tests: the real window, driven by keyboard, from 次の方 to 完了."""

from __future__ import annotations

import re

from pypdf import PdfReader
from PySide6.QtCore import Qt

from kakanai.demo import demo_residents
from kakanai.qr.payload import encode_document
from tests.ui.conftest import Counter, family_doc
from tests.ui.driver import wait_until

K = Qt.Key


def _finish_after_review(c: Counter) -> str:
    """F4 review → 本人確認 with Enter prints (to PDF) → F6 finish; returns the visit id. When the review
    lists problems they have the focus: F5 goes to the print page, where 本人確認 with Enter prints."""
    window, clerk = c.window, c.clerk
    visit_id = window.controller.session.visit_id
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    c.clock.advance(60)
    if not window.review_page.identity.hasFocus():
        assert window.review_page.problems.hasFocus()
        clerk.press(K.Key_F5)
    clerk.choose(1)  # 本人確認: マイナンバーカード, and Enter prints
    wait_until(lambda: (c.saved / f"{visit_id}.pdf").exists())
    wait_until(lambda: "署名" in window.print_page.status.text())
    c.clock.advance(120)
    clerk.press(K.Key_F6)
    return visit_id


def test_a_family_of_four_moves_in_by_qr(counter: Counter) -> None:
    # Given a family of four at the window with their QR code on a phone
    window, clerk = counter.window, counter.clerk
    # When the clerk calls them, scans, checks the procedures, prints and finishes
    clerk.press(K.Key_F1)
    assert window.stack.currentWidget() is window.intake_page
    assert window.intake_page.choice.hasFocus()  # the interview's first question; the scanner is heard anyway
    counter.clock.advance(30)
    clerk.scan(encode_document(family_doc()))
    assert window.stack.currentWidget() is window.household_page
    assert window.household_page.procedures.topLevelItemCount() == 12
    counter.clock.advance(90)
    visit_id = _finish_after_review(counter)
    # Then the printed bundle holds every form, the take-home sheet last
    printed = PdfReader(counter.saved / f"{visit_id}.pdf")
    assert len(printed.pages) >= 13
    assert any("お手続きのご案内" in page.extract_text() for page in printed.pages[-2:])
    assert "山田" in printed.pages[0].extract_text()
    # And the visit log has the visit with its step times and no personal data
    counter.services.recorder.flush()
    summary = counter.services.visit_log.summary(visit_id)
    assert summary.status == "finished" and summary.header.event == "move_in" and summary.header.household_size == 4
    assert summary.handling_seconds == 300 and summary.seconds_by_state["signing"] == 120
    assert len(summary.procedure_ids) == 12 and summary.forms >= 12
    assert window.stack.currentWidget() is window.start_page
    # And the clerk needed 6 actions from 次の方 to 完了 (F1, scan, F4, F5, 本人確認 ↓ Enter, F6)
    assert clerk.actions == 6, clerk.log


def test_a_single_resident_moves_within_the_city_by_interview(counter: Counter) -> None:
    # Given 佐藤 健, alone, moving within the city, with no QR code
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)  # no QR today: the first question has the focus
    assert window.intake_page.question.text().startswith("届出の種類")
    clerk.choose(2)  # 転居
    assert window.intake_page.question.text() == "転居日"  # the date by the event's own name, no count yet
    clerk.type_ascii("R8.6.15")
    # the postal code and the address are one answer: the town of a known code fills in as it is
    # typed, the clerk goes on with the 丁目・番地; 氏名 and フリガナ are one answer each (a space
    # between); an empty 方書 is Enter; the old head is suggested (he was the head); no 届出人,
    # dogs or mopeds asked
    answers = [("ascii", "1"), ("address", ("0900024", "2丁目5番地")), ("jp", "メゾン北4条 203"),
               ("address", ("090-0001", "1丁目1番地")), ("ascii", ""), ("jp", "佐藤 健"), ("jp", "さとう　けん"),
               ("ascii", "4080229"), ("choose", 0), ("jp", "世帯主"), ("choose", 1), ("choose", 0),
               ("ascii", ""), ("ascii", "080-2222-3333")]
    shown: list[int] = []
    for kind, value in answers:
        assert window.intake_page.error.text() == ""
        if match := re.search("残り ([0-9]+)", window.intake_page.question.text()):
            shown.append(int(match.group(1)))
        if kind == "address":
            clerk.postal_then_address(*value)  # type: ignore[misc]
        else:
            {"ascii": clerk.type_ascii, "jp": clerk.commit_japanese, "choose": clerk.choose}[kind](value)  # type: ignore[operator]
    # Then the count shown only went down, and the last answer moved on to 世帯・手続 by itself
    assert shown == sorted(shown, reverse=True) and shown[-1] == 1, shown
    assert window.intake_page.error.text() == ""
    assert window.stack.currentWidget() is window.household_page
    draft = window.controller.interview().draft
    assert (draft["new.address"], draft["old.address"]) == ("北海道見本市北4条東2丁目5番地", "北海道見本市北1条西1丁目1番地")
    assert (draft["old.head"], draft["old.building"], draft["notifier"]) == ("佐藤 健", "", 0)
    assert (draft["members[0].family"], draft["members[0].given"], draft["members[0].given_kana"]) == ("佐藤", "健", "ケン")
    assert (draft["new.postal"], draft["old.postal"]) == ("090-0024", "090-0001")
    titles = [window.household_page.procedures.topLevelItem(i).text(0)
              for i in range(window.household_page.procedures.topLevelItemCount())]
    assert titles == ["住民異動届（転居届）", "マイナンバーカード 券面記載事項変更"]
    visit_id = _finish_after_review(counter)
    text = "".join(p.extract_text() for p in PdfReader(counter.saved / f"{visit_id}.pdf").pages)
    assert "佐藤" in text and "平成8年2月29日" in text and "090-0024" in text
    assert "メゾン北4条 203" in text and "080-2222-3333" in text
    counter.services.recorder.flush()
    assert counter.services.visit_log.summary(visit_id).header.event == "move_within"
    assert (clerk.actions, clerk.keystrokes) == (20, 102), clerk.log


def test_a_wrong_answer_is_refused_with_a_message_and_kept_out(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.choose(0)
    clerk.type_ascii("R8.2.30")
    assert "存在しない日付" in window.intake_page.error.text()
    assert "date" not in window.controller.session.answers


def test_a_broken_qr_gets_a_clear_message_and_the_visit_goes_on(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    text = encode_document(family_doc())
    clerk.scan(text[:-12])
    assert "QRコード" in window.intake_page.error.text(), window.intake_page.error.text()
    assert window.intake_page.choice.hasFocus() and window.intake_page.scan.text() == ""  # the clerk's place kept
    assert window.controller.session is not None and window.stack.currentWidget() is window.intake_page
    clerk.scan(text)
    assert window.stack.currentWidget() is window.household_page


def test_a_visit_suspended_while_the_resident_fetches_a_document(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[1][1])
    counter.clock.advance(60)
    visit_id = window.controller.session.visit_id
    clerk.press(K.Key_F8)  # the resident goes to fetch a document
    assert window.controller.session is None and window.start_page.suspended.count() == 1
    assert "届出 転居" in window.start_page.suspended.item(0).text()  # the waiting visit names the resident
    counter.clock.advance(600)
    clerk.press(K.Key_F8)  # back: F8 goes to the waiting list, Enter resumes the visit named there
    assert window.start_page.suspended.hasFocus()
    clerk.press(K.Key_Return)
    assert window.controller.session.visit_id == visit_id
    assert window.stack.currentWidget() is window.household_page
    _finish_after_review(counter)
    counter.services.recorder.flush()
    summary = counter.services.visit_log.summary(visit_id)
    assert summary.seconds_by_state["suspended"] == 600 and summary.handling_seconds == 240


def test_a_cancelled_visit_is_recorded_and_prints_nothing(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[2][1])
    visit_id = window.controller.session.visit_id
    counter.clock.advance(45)
    clerk.press(K.Key_F9)
    assert window.controller.session is None
    counter.services.recorder.flush()
    summary = counter.services.visit_log.summary(visit_id)
    assert (summary.status, summary.handling_seconds) == ("cancelled", 45)
    assert not counter.saved.exists()


def test_the_clerk_drops_and_adds_a_procedure_for_a_member(counter: Counter) -> None:
    # Given the 山田 family of four moving in, with a dog they gave away and no 印鑑登録 asked for
    window, clerk = counter.window, counter.clerk
    doc = family_doc()
    doc["extras"]["seal_registration"] = []
    clerk.press(K.Key_F1)
    clerk.scan(encode_document(doc))
    page = window.household_page
    tree = page.procedures
    row = next(i for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(0).startswith("犬"))
    # When the clerk unticks the dog with Space (the reason asked is kept as a code)
    tree.setCurrentItem(tree.topLevelItem(row))
    clerk.press(K.Key_Space)
    wait_until(lambda: "dog_registration_move_in" in window.controller.session.dropped)
    # Then the cursor stays on that row
    assert tree.currentItem().text(0).startswith("犬")
    # When they press Insert, the procedures of a 転入 not planned yet are offered by counter, in walking order
    clerk.press(K.Key_Insert)
    dialog = window.add_dialog
    assert dialog is not None and dialog.isVisible()
    wait_until(dialog.search.hasFocus)
    counters = [counter_label for counter_label, _ in dialog.visible_titles()]
    assert counters[0].startswith("市民課") and len(counters) == len(set(counters))
    order = {f"{d.name}　{d.counter}": d.order for d in counter.services.casework.catalog.departments.values()}
    assert [order[c] for c in counters] == sorted(order[c] for c in counters)
    shown = [title for _, titles in dialog.visible_titles() for title in titles]
    assert "印鑑登録申請" in shown and not any("転居" in t or "出生" in t for t in shown), shown
    # And typing 印鑑 leaves only 印鑑登録 under 市民課; Enter asks for whom (no one is chosen for them)
    clerk.commit_japanese("印鑑")
    assert dialog.visible_titles() == [("市民課　1番窓口", ["印鑑登録申請"])]
    assert dialog.people.hasFocus() and dialog.chosen_people() == [] and dialog.isVisible()
    clerk.press(K.Key_Down)  # 山田 花子
    clerk.press(K.Key_Space)
    clerk.press(K.Key_Return)
    assert not dialog.isVisible()
    wait_until(tree.hasFocus)  # back on the list, on the row just added
    session = window.controller.session
    ids = window.controller.plan().ids()
    assert "dog_registration_move_in" not in ids and "seal_registration" in ids
    assert session.drop_reasons == {"dog_registration_move_in": "later"}
    assert session.added == ["seal_registration"] and session.added_for == {"seal_registration": [1]}
    assert tree.currentItem().text(0) == "印鑑登録申請" and tree.currentItem().text(1) == "山田　花子"
    # Then the printed 印鑑登録 form names the person it was added for
    visit_id = _finish_after_review(counter)
    pages = [p.extract_text() for p in PdfReader(counter.saved / f"{visit_id}.pdf").pages]
    seal = next(text for text in pages if "印鑑登録" in text and "登録する方" in text)
    assert "花子" in seal and "太郎" not in seal
    # And the visit log keeps the drop with its reason's code (no names)
    counter.services.recorder.flush()
    assert counter.services.visit_log.summary(visit_id).dropped == ("dog_registration_move_in",)
    payloads = [e.payload for e in counter.services.visit_log.events(visit_id) if e.kind.value == "procedures"]
    assert payloads[-1]["drop_reasons"] == {"dog_registration_move_in": "later"}


def test_a_procedure_for_people_is_not_added_without_one(counter: Counter) -> None:
    # Given a family of four and the search for 印鑑登録
    window, clerk = counter.window, counter.clerk
    doc = family_doc()
    doc["extras"]["seal_registration"] = []
    clerk.press(K.Key_F1)
    clerk.scan(encode_document(doc))
    clerk.press(K.Key_Insert)
    dialog = window.add_dialog
    wait_until(dialog.search.hasFocus)
    clerk.commit_japanese("いんかん")  # kana finds nothing in a kanji title: the clerk is told
    assert dialog.visible_titles() == [] and "見つかりません" in dialog.error.text()
    dialog.search.clear()
    clerk.commit_japanese("印鑑")
    # When the clerk presses Enter again without ticking anyone
    clerk.press(K.Key_Return)
    # Then nothing is added and the dialog says whom to choose
    assert dialog.isVisible() and "対象の方を選んでください" in dialog.error.text()
    assert "seal_registration" not in window.controller.plan().ids()
    clerk.press(K.Key_Escape)
    assert not dialog.isVisible()
    wait_until(window.household_page.procedures.hasFocus)


def test_a_per_person_procedure_is_added_for_one_more_person(counter: Counter) -> None:
    # Given the 山田 family: 印鑑登録 planned for 太郎, who asked for it in their code
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(encode_document(family_doc()))
    assert [i.subjects for i in window.controller.plan().items if i.id == "seal_registration"] == [(0,)]
    # When 花子 wants to register her seal too and the clerk adds it for her
    clerk.press(K.Key_Insert)
    dialog = window.add_dialog
    wait_until(dialog.search.hasFocus)
    clerk.commit_japanese("印鑑")
    assert dialog.visible_titles() == [("市民課　1番窓口", ["印鑑登録申請"])]
    clerk.press(K.Key_Down)
    clerk.press(K.Key_Space)
    clerk.press(K.Key_Return)
    # Then both are planned, each with their own form line, and unticking hers drops only hers
    assert [i.subjects for i in window.controller.plan().items if i.id == "seal_registration"] == [(0,), (1,)]
    window.controller.toggle("seal_registration#1", False, "later")
    assert [i.subjects for i in window.controller.plan().items if i.id == "seal_registration"] == [(0,)]
