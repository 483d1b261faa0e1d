"""A visit interviewed from nothing (no QR code) ends with every box its planned forms print filled:
a box is empty only when it is left to write by hand (blank = "write": 本籍, 振込先 …) or when the
fact does not exist for the event (a newborn had no health insurance before). Before, a death, a
birth or a marriage never asked the household's address, and the 死亡届, 火葬許可申請書 … printed
住所 struck through with no question left and nothing in the review."""

from __future__ import annotations

from datetime import date

import pytest

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import OUTSIDE_NOTIFIER
from kakanai.domain.interview import Interview, Question
from kakanai.pdf.content import form_sheets
from tests.domain.interviewing import answer_in_turn, went_down

_KEYS = ("family", "given", "family_kana", "given_kana", "birth", "sex", "relation")
_COUPLE = [("山田", "太郎", "ヤマダ", "タロウ", "1980-04-01", "男", "世帯主"),
           ("山田", "花子", "ヤマダ", "ハナコ", "1982-05-02", "女", "妻")]
# who each household is, and the one empty box each event may print struck through (the fact is not there)
_EVENTS = {
    "move_in": (_COUPLE, {"加入する世帯の世帯主"}),  # they set up their own household
    "move_out": (_COUPLE, set()),
    "move_within": (_COUPLE, {"加入する世帯の世帯主"}),
    "birth": (_COUPLE + [("山田", "一郎", "ヤマダ", "イチロウ", "2026-03-01", "男", "子")],
              {"前住所", "これまでの保険"}),  # no move; a newborn had no insurance before
    "death": ([("高橋", "正男", "タカハシ", "マサオ", "1944-03-15", "男", "世帯主"),
               ("高橋", "和子", "タカハシ", "カズコ", "1948-06-01", "女", "妻")], {"前住所"}),  # no move
    "marriage": ([("山田", "太郎", "ヤマダ", "タロウ", "1990-04-01", "男", "世帯主"),
                  ("鈴木", "花子", "スズキ", "ハナコ", "1992-05-02", "女", "妻")], set()),
}


def _answer(question: Question, event: str) -> object:
    """What the resident tells the clerk: the people as above, then a plain answer of each kind."""
    path, spec = question.path, question.spec
    people = _EVENTS[event][0]
    if path == "member_count":
        return str(len(people))
    if path.startswith("members[") and path.split(".", 1)[1] in _KEYS:
        return people[int(path[8:path.index("]")])][_KEYS.index(path.split(".", 1)[1])]
    if spec.kind == "notifier":  # the wife files a death and is the new head; else the head files
        return 1 if event == "death" or path == "new_head" else 0
    answers = {"bool": "はい" if path.endswith(".moving") else "いいえ", "date": "2026-03-10", "clock": "10:00",
               "postal": "100-0001", "phone": "03-1234-5678", "int": "1", "kana": "テスト",
               "text": "東京都千代田区千代田1-1" if "address" in path else "見本市立病院"}
    return spec.choices[0][0] if spec.kind == "choice" else answers[spec.kind]


@pytest.mark.parametrize("event", list(_EVENTS))
def test_an_interview_from_nothing_fills_every_box_its_forms_print(catalog: Catalog, event: str) -> None:
    # Given a household that comes with no code: the clerk answers every question the interview asks
    interview = Interview(catalog, visit_date=date(2026, 3, 12))
    interview.answer("event", event)
    interview.answer("date", "2026-03-01")
    answer_in_turn(interview, lambda question: _answer(question, event))
    # When the planned forms are filled from the household
    household = interview.household().household
    sheets = form_sheets(household, interview.plan(), catalog, date(2026, 3, 12))
    assert sheets
    # Then every box is filled, left to write by hand, or a fact this event does not have
    empty = {f"{sheet.form.title}: {cell.label}" for sheet in sheets
             for cell in (*sheet.fields, *(c for row in sheet.rows for c in row.cells))
             if not cell.text.strip() and not cell.write and cell.label not in _EVENTS[event][1]}
    assert empty == set()


def test_a_death_from_nothing_asks_where_the_deceased_lived(catalog: Catalog) -> None:
    # Given a death told at the counter with no code
    interview = Interview(catalog)
    interview.answer("event", "死亡")
    interview.answer("date", "2026-03-28")
    interview.answer("member_count", "1")
    # Then the household's address is asked (the 死亡届's 住所, the 火葬許可申請書's 死亡者の住所)
    paths = [q.path for q in interview.questions()]
    assert {"new.postal", "new.address"} <= set(paths)
    assert "old.address" not in paths


@pytest.mark.parametrize("notifier", [OUTSIDE_NOTIFIER, 1])
def test_the_remaining_count_never_goes_up_when_someone_from_outside_files(catalog: Catalog, notifier: int) -> None:
    # Given a death told from nothing; the 届出人 is the daughter living elsewhere (世帯外の方) or the wife
    interview = Interview(catalog, visit_date=date(2026, 3, 12))
    interview.answer("event", "death")
    interview.answer("date", "2026-03-01")
    outsider = {"notifier.relation": "長女", "notifier.address": "北海道札幌市中央区北1条西2丁目3番地"}
    # When the clerk answers every question in turn
    asked, counts = answer_in_turn(interview, lambda question: notifier if question.path == "notifier"
                                   else outsider.get(question.path) or _answer(question, "death"))
    # Then the count shown never went up (choosing 「世帯外の方」 opens her details, counted already) and ends at 0
    assert went_down(counts), counts
    assert ("notifier.family" in asked) is (notifier == OUTSIDE_NOTIFIER)
