"""Scenario tests: the review is a checklist — the forms with their pages and signatures, problems in
plain Japanese that jump to the field, late deadlines and a missing 新世帯主 flagged, and a preview
that opens at page 1 for every visit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kakanai.qr.payload import encode_document
from tests.conftest import household_doc
from tests.ui.conftest import Counter, family_doc
from tests.ui.driver import wait_until

K = Qt.Key


def _review(counter: Counter, document: dict) -> None:
    counter.clerk.press(K.Key_F1)
    counter.clerk.scan(encode_document(document))
    counter.clerk.press(K.Key_F4)
    wait_until(lambda: counter.window.controller.bundle is not None)


def _problems(counter: Counter) -> list[str]:
    listing = counter.window.review_page.problems
    return [listing.item(i).text() for i in range(listing.count())]


def test_the_forms_are_listed_with_pages_and_signatures_and_the_preview_starts_at_page_1(counter: Counter) -> None:
    # Given a family of four moving in, reviewed
    window, clerk = counter.window, counter.clerk
    page = window.review_page
    _review(counter, household_doc("family_move_in"))
    pages = window.controller.bundle.report.pages
    forms = [page.forms.item(i).text() for i in range(page.forms.count())]
    # Then each form is a line with its pages of all and whose signature it needs, the take-home sheet last
    assert forms[0].startswith(f"1/{pages}ページ　住民異動届") and "✍ 届出人 署名" in forms[0]
    assert f"/{pages}ページ　お手続きのご案内" in forms[-1] and "✍" not in forms[-1]
    assert page.current_page() == 1
    # When the clerk presses End in the preview, zooms in, and Enter on the third form
    page.view.setFocus()
    clerk.press(K.Key_End)
    assert page.current_page() == pages
    QTest.keyClick(page.view, K.Key_Plus, Qt.KeyboardModifier.ControlModifier)  # a bare + would be a scan's
    assert page.view.zoomFactor() > 1.0 and f"/{pages}ページ" in page.page_label.text()
    clerk.press(K.Key_Home)
    assert page.current_page() == 1
    page.forms.setFocus()
    page.forms.setCurrentRow(2)
    clerk.press(K.Key_Return)
    first = window.controller.bundle.report.forms[2].page_numbers[0]
    assert page.current_page() == first > 1
    page.view.setFocus()
    clerk.press(K.Key_End)
    # And when this visit is finished and the next resident's forms are reviewed
    clerk.press(K.Key_F6)
    clerk.press(K.Key_Return) if window.controller.session is not None else None
    _review(counter, household_doc("single_move_within"))
    # Then their preview opens at page 1 again, fitted to the width
    assert page.current_page() == 1 and "幅に合わせる" in page.page_label.text()


def test_a_late_procedure_is_flagged_and_enter_asks_the_date_again(counter: Counter) -> None:
    # Given a family that moved in on 1 April and comes on 15 June (転入届: 14 days)
    window, clerk = counter.window, counter.clerk
    _review(counter, household_doc("family_move_in"))
    late = [p for p in _problems(counter) if "過ぎています" in p]
    # Then the review says which procedure is late, by how much, and to ask why
    assert any(p.startswith("住民異動届（転入届）: 期限（住み始めた日から14日以内、令和8年4月15日まで）を過ぎています")
               for p in late), late
    # When the clerk presses Enter on it
    listing = window.review_page.problems
    listing.setCurrentRow(_problems(counter).index(late[0]))
    clerk.press(K.Key_Return)
    # Then the interview asks the 転入日, with the date known
    assert window.stack.currentWidget() is window.intake_page
    assert window.intake_page.question.text().startswith("転入日")
    assert window.intake_page.text.text() == "2026-04-01"


def _late_lines(counter: Counter) -> list[str]:
    return [p for p in _problems(counter) if "を過ぎています" in p]


def test_a_move_in_filed_8_months_late_is_flagged_exactly_as_the_planner_finds_it(counter: Counter) -> None:
    # Given the 山田 family who moved in on 15 October 2025 and come on 15 June 2026 (8 months later)
    _review(counter, family_doc() | {"date": "2025-10-15"})
    plan = counter.window.controller.plan()
    late = _late_lines(counter)
    # Then the 転入届 is flagged with its last day counted from the move (14 days)
    assert any(p.startswith("住民異動届（転入届）: 期限（住み始めた日から14日以内、令和7年10月29日まで）を過ぎています")
               for p in late), late
    # And the review flags exactly the procedures the planner found late on the visit day, once each
    assert [p.split(":")[0] for p in late] == list(dict.fromkeys(i.procedure.title for i in plan.items if i.late))
    assert len(late) >= 3  # 転入届, 国保, 児童手当 … not just one
    # But the card's 継続利用 (90 days from the 転入届, that is from today) is planned and not late
    assert "mynumber_continue" in plan.ids()
    assert not any(p.startswith("マイナンバーカード 継続利用") for p in late), late


def test_a_move_in_100_days_ago_does_not_flag_the_card_s_continued_use(counter: Counter) -> None:
    # Given the family who moved in on 7 March 2026, 100 days before they come (15 June)
    _review(counter, family_doc() | {"date": "2026-03-07"})
    plan = counter.window.controller.plan()
    card = [i for i in plan.items if i.id == "mynumber_continue"]
    # Then the card's 継続利用 counts its 90 days from the filing: its last day is 90 days from today, not late
    assert card and all(i.last_day is not None and i.last_day.isoformat() == "2026-09-13" and not i.late for i in card)
    late = _late_lines(counter)
    assert not any("継続利用" in p for p in late), late
    # While the 転入届 itself (14 days from the move) is flagged
    assert any(p.startswith("住民異動届（転入届）: 期限（住み始めた日から14日以内、令和8年3月21日まで）") for p in late), late


def test_an_unfinished_interview_is_listed_by_its_questions_not_by_paths(counter: Counter) -> None:
    # Given a clerk who has asked only the event, the date and the headcount of a birth
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.choose(3)  # 出生
    clerk.type_ascii("R8.6.10")
    clerk.type_ascii("2")
    # When they go to the review
    clerk.press(K.Key_F4)
    wait_until(lambda: window.review_page.status.text() == "まだ様式を作れません")
    problems = _problems(counter)
    # Then what is missing is named as the interview asks it, never as a key path
    assert "世帯員1さんの氏が未入力です" in problems and "世帯員2さんの生年月日が未入力です" in problems, problems
    assert not any(":" in p.split("が未入力")[0] or "members[" in p or "new." in p for p in problems), problems
    # And Enter on a line asks that very question (a name goes to the members table)
    window.review_page.problems.setCurrentRow(problems.index("届出人（窓口に来た方）が未入力です"))
    clerk.press(K.Key_Return)
    assert window.stack.currentWidget() is window.intake_page
    assert window.intake_page.question.text().startswith("届出人")
    clerk.press(K.Key_F4)
    wait_until(lambda: window.review_page.status.text() == "まだ様式を作れません")
    window.review_page.problems.setCurrentRow(_problems(counter).index("世帯員2さんの生年月日が未入力です"))
    clerk.press(K.Key_Return)
    assert window.stack.currentWidget() is window.household_page
    assert window.household_page.members.currentRow() == 1


def test_a_head_s_death_names_the_new_head_the_notifier_chose_and_enter_asks_again(counter: Counter) -> None:
    # Given the death of 高橋 正男, head of a household of three, and 和子 named the new head by the notifier
    window, clerk = counter.window, counter.clerk
    _review(counter, household_doc("death_of_head") | {"v": 2, "subjects": [0], "new_head": 1})
    # Then the review names who becomes head (世帯主変更届 is planned), to be checked
    assert "head_change" in window.controller.plan().ids()
    line = next(p for p in _problems(counter) if p.startswith("世帯主変更届"))
    assert line == "世帯主変更届: 新世帯主は 高橋\u3000和子さん（妻）です（届出人が指名）"
    # And Enter on it asks the question again, to change it
    window.review_page.problems.setCurrentRow(_problems(counter).index(line))
    clerk.press(K.Key_Return)
    assert window.stack.currentWidget() is window.intake_page
    assert window.intake_page.question.text().startswith("新しい世帯主")


def test_a_head_s_death_with_no_new_head_named_says_so(counter: Counter) -> None:
    # Given the same death, two adults staying and no one named: the app never chooses the new head
    window = counter.window
    _review(counter, household_doc("death_of_head") | {"v": 2, "subjects": [0]})
    problems = _problems(counter)
    assert "世帯主変更届: 新世帯主が決まっていません（届出人に伺ってください）" in problems, problems
    assert "head_change" in window.controller.plan().ids()


def test_an_event_dated_after_the_visit_day_is_asked_before_printing(counter: Counter) -> None:
    # Given a code whose 転居日 is five days after the visit (a resident's slip, or a code made ahead)
    document = household_doc("single_move_within") | {"date": "2026-06-20"}
    _review(counter, document)
    # Then the review asks about it, and Enter on the line goes to the date
    line = "転居日（令和8年6月20日）が来庁日より5日後になっています。日付を確かめてください"
    assert line in _problems(counter)
    listing = counter.window.review_page.problems
    listing.setCurrentRow(_problems(counter).index(line))
    listing.setFocus()
    counter.clerk.press(K.Key_Return)
    assert counter.window.intake_page._current.path == "date"


def test_a_move_out_a_week_ahead_is_usual_and_not_listed(counter: Counter) -> None:
    document = household_doc("single_move_within") | {"event": "move_out", "date": "2026-06-22",
                                                      "new": {"postal": "100-0001", "address": "東京都千代田区千代田1番1号"}}
    document.pop("old", None)
    document["old"] = household_doc("single_move_within")["new"]
    _review(counter, document)
    assert not any("転出予定日" in line for line in _problems(counter))
