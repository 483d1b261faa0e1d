"""What a 市民課 clerk refused in the rendered forms, each fixed and checked where the real form has it
(scenario tests; the findings are listed in the review notes of December 2026)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.household import Household
from kakanai.domain.interview import Interview
from kakanai.domain.problems import InvalidInput
from kakanai.pdf.content import FormSheet, form_sheets
from kakanai.pdf.formpage import struck
from kakanai.qr.payload import decode, encode_document
from tests.conftest import household_doc
from tests.domain.interviewing import answer_in_turn, from_answers, went_down
from tests.domain.procedure_table import NEW_HERE, household, person
from tests.pdf.helpers import ISSUED, household_of, plan_of


def _sheets(h: Household, catalog: Catalog) -> dict[str, FormSheet]:
    return {s.procedure_ids[0]: s for s in form_sheets(h, plan_of(h, catalog), catalog, ISSUED)}


def _cells(sheet: FormSheet) -> dict[str, Any]:
    return {c.label: c for c in sheet.fields}


def _fields(sheet: FormSheet) -> dict[str, str]:
    return {c.label: c.text for c in sheet.fields}


def _row(sheet: FormSheet, index: int = 0) -> dict[str, str]:
    return {c.label: c.text for c in sheet.rows[index].cells}


def _interview(doc: dict[str, Any], catalog: Catalog) -> Interview:
    return Interview(catalog, draft_from_household(household_of(doc)))


def _paths(interview: Interview) -> list[str]:
    return [q.path for q in interview.questions()]


def test_a_father_files_a_birth_and_the_mother_lives_elsewhere(catalog: Catalog) -> None:
    # Given the demo code: 鈴木 一郎 (世帯主) and his newborn daughter 陽菜 (子), the mother not in his household
    interview = _interview(household_doc("birth"), catalog)
    # Then the interview asks the daughter's 父母との続柄 (starting from 1: no older sister here), who claims
    # 児童手当, and the mother's name; never the father, whom the relations make certain
    questions = interview.questions()
    assert [q.path for q in questions] == ["members[1].birth_order", "child_allowance.claimant", "birth.mother"]
    assert questions[0].suggestion == "1" and questions[0].label.startswith("鈴木　陽菜さんの父母との続柄")
    interview.answer("members[1].birth_order", "１")
    interview.answer("child_allowance.claimant", 0)
    interview.answer("birth.mother", "鈴木 美咲")
    assert _paths(interview) == []
    # And the 出生届 names both parents, the father as 届出人 (資格: 父) and the daughter as 長女
    h = interview.household().household
    shussei = _sheets(h, catalog)["birth_registration"]
    fields = _fields(shussei)
    assert (fields["父の氏名"], fields["母の氏名"]) == ("鈴木　一郎", "鈴木　美咲")
    assert fields["父の生年月日（年齢）"] == "平成2年7月7日（満35歳）"
    assert (fields["届出人"], fields["届出人の資格"]) == ("鈴木　一郎", "父")
    assert _row(shussei)["父母との続柄"] == "長女"  # 嫡出子 only when the relations show a married couple
    assert _row(shussei)["世帯主との続柄"] == "子"
    # And the mother's birth date, not known here, is left blank for her to write, not struck through
    assert fields["母の生年月日（年齢）"] == "" and not struck(_cells(shussei)["母の生年月日（年齢）"])
    assert shussei.missing == ()


def test_a_second_daughter_is_born_to_the_head_and_his_wife(catalog: Catalog) -> None:
    # Given a couple with a daughter of 3, and a newborn daughter
    doc = household("birth", "2026-05-20", person("一郎", "1990-07-07", family="鈴木"),
                    person("花子", "1992-02-02", "妻", family="鈴木", sex="F"),
                    person("結衣", "2023-01-10", "子", family="鈴木", sex="F"),
                    person("陽菜", "2026-05-20", "子", family="鈴木", sex="F", insurance=None), subjects=[3], new=NEW_HERE,
                    child_allowance={"claimant": 0})
    interview = _interview(doc, catalog)
    # Then only her place among the couple's daughters is asked, starting from 2 (the sister here)
    questions = interview.questions()
    assert [q.path for q in questions] == ["members[3].birth_order"] and questions[0].suggestion == "2"
    interview.answer("members[3].birth_order", questions[0].suggestion)
    shussei = _sheets(interview.household().household, catalog)["birth_registration"]
    # And the 出生届 prints 嫡出子 二女 with both parents from the household
    assert _row(shussei)["父母との続柄"] == "嫡出子　二女"
    assert (_fields(shussei)["父の氏名"], _fields(shussei)["母の氏名"]) == ("鈴木　一郎", "鈴木　花子")


def test_a_grandchild_is_born_to_the_son_and_his_wife_living_with_his_parents(catalog: Catalog) -> None:
    # Given grandparents, their son, his wife and the newborn (孫); the wife files
    members = [person("茂", "1960-01-01", family="鈴木"), person("和子", "1962-01-01", "妻", family="鈴木", sex="F"),
               person("一郎", "1990-07-07", "子", family="鈴木"),
               person("花子", "1992-02-02", "子の妻", family="鈴木", sex="F"),
               person("蓮", "2026-05-20", "孫", family="鈴木", insurance=None, birth_order=1)]
    doc = household("birth", "2026-05-20", *members, subjects=[4], new=NEW_HERE, notifier=3, child_allowance={"claimant": 2})
    fields = _fields(_sheets(household_of(doc), catalog)["birth_registration"])
    # Then the parents are the son and his wife, she files as 母, and the head is the grandfather
    assert (fields["父の氏名"], fields["母の氏名"]) == ("鈴木　一郎", "鈴木　花子")
    assert (fields["届出人の資格"], fields["世帯主の氏名"]) == ("母", "鈴木　茂")
    # And filed by the grandmother it is 同居者 (her relation is to the 世帯主, not to the child)
    doc_grandmother = doc | {"notifier": 1}
    assert _fields(_sheets(household_of(doc_grandmother), catalog)["birth_registration"])["届出人の資格"] == "同居者"
    # And with a second son in the household the father is not certain: the interview asks him
    doc["members"].insert(3, person("二郎", "1993-03-03", "子", family="鈴木"))
    doc.update(subjects=[5], notifier=4, child_allowance={"claimant": 2})
    interview = _interview(doc, catalog)
    assert _paths(interview) == ["birth.father"]
    interview.answer("birth.father", "鈴木 一郎")
    assert _fields(_sheets(interview.household().household, catalog)["birth_registration"])["父の氏名"] == "鈴木　一郎"


def test_a_grandchild_with_an_unmarried_son_and_daughter_at_home_asks_both_parents(catalog: Catalog) -> None:
    # Given grandparents, their son and their daughter (no 子の妻・子の夫) and a newborn 孫
    members = [person("茂", "1960-01-01", family="鈴木"), person("和子", "1962-01-01", "妻", family="鈴木", sex="F"),
               person("一郎", "1990-07-07", "子", family="鈴木"), person("花", "1995-02-02", "子", family="鈴木", sex="F"),
               person("蓮", "2026-05-20", "孫", family="鈴木", insurance=None, birth_order=1)]
    doc = household("birth", "2026-05-20", *members, subjects=[4], new=NEW_HERE, notifier=3, child_allowance={"claimant": 3})
    # Then neither is taken from the relations (a son and a daughter are not a couple): both are asked
    # (beside them the interview may ask other facts, e.g. whether the daughter receives 児童扶養手当)
    asked = _paths(_interview(doc, catalog))
    assert [path for path in asked if path.startswith("birth.")] == ["birth.father", "birth.mother"]


def test_the_child_allowance_claimant_is_asked_after_a_kkn1_code_and_printed(catalog: Catalog) -> None:
    # Given the demo family moving in with two children, read from its KKN1 code (which cannot say who claims)
    interview = _interview(household_doc("family_move_in"), catalog)
    # Then the interview asks who claims 児童手当, by the member's name
    assert _paths(interview) == ["child_allowance.claimant"]
    interview.answer("child_allowance.claimant", 1)
    # And the 認定請求書 prints her as 請求者 with her 続柄 (never crossed out)
    claim = _sheets(interview.household().household, catalog)["child_allowance_claim"]
    assert (_fields(claim)["請求者（父母のうち所得の高い方）"], _fields(claim)["請求者の続柄"]) == ("山田　花子", "妻")
    # And a household without children is not asked
    assert _paths(_interview(household_doc("single_move_within"), catalog)) == []


def test_what_a_real_form_always_has_is_left_blank_to_write_not_struck_through(catalog: Catalog) -> None:
    # Given the KKN1 death of the head (no place of death, 本籍, funeral day or account in the code)
    doc = household_doc("death_of_head") | {"v": 2, "subjects": [0], "new_head": 1}
    sheets = _sheets(household_of(doc), catalog)
    death = _cells(sheets["death_registration"])
    # Then the 死亡届's 死亡したところ and the deceased's 本籍・筆頭者 are blank to write, not 斜線
    assert death["死亡したところ"].text == "" and not struck(death["死亡したところ"])
    assert not any(struck(c) for c in sheets["death_registration"].rows[0].cells)
    # And so are the 葬祭費's funeral day and account, which the 後期 広域連合 pays into
    funeral = _cells(sheets["funeral_allowance_late_elderly"])
    assert not struck(funeral["葬祭を行った日"]) and not struck(funeral["振込先 金融機関"])
    # But what does not apply to a death, like the previous address on the 後期 資格喪失, is struck through
    assert struck(_cells(sheets["late_elderly_end_death"] if "late_elderly_end_death" in sheets
                         else next(s for s in sheets.values() if s.form.id == "koki"))["前住所"])


def test_a_move_out_s_child_allowance_notice_has_no_account_and_names_the_recipient(catalog: Catalog) -> None:
    # Given the demo family moving out with its children, the father receiving 児童手当
    doc = household_doc("family_move_in") | {"v": 2, "event": "move_out", "child_allowance": {"claimant": 0}}
    doc["old"], doc["new"] = doc["new"] | {"head": ""}, doc["old"]
    sheets = _sheets(household_of(doc), catalog)
    notice = sheets["child_allowance_end"]
    # Then it is the 受給事由消滅届 (no 振込先 boxes to cross out or fill), signed by the 受給者
    assert notice.form.id == "jido_teate_todoke" and notice.form.signature == "受給者 署名"
    assert not any(c.source.startswith("bank.") for c in notice.fields)
    assert _fields(notice)["受給者（手当を受けている方）"] == "山田　太郎"
    assert dict(notice.checks)["受給事由消滅（転出）"] is True
    assert not any(c.source.startswith("bank.") for c in sheets["child_medical_end"].fields)


def test_a_foreign_resident_s_death_prints_the_nationality_where_the_honseki_goes(catalog: Catalog) -> None:
    doc = household("death", "2026-05-01", person("Van An", "1960-01-01", family="NGUYEN", nationality="VN"),
                    person("Thi Lan", "1965-01-01", "妻", family="NGUYEN", sex="F", nationality="VN"),
                    subjects=[0], notifier=1)
    row = _row(_sheets(household_of(doc), catalog)["death_registration"])
    assert row["本籍（外国人は国籍）"] == "国籍　ベトナム"


def test_a_dog_whose_owner_died_is_registered_to_the_new_owner(catalog: Catalog) -> None:
    # Given the head dies and leaves a dog; his wife, who keeps it, files
    doc = household("death", "2026-05-01", person("正男", "1944-03-15", insurance="late_elderly"),
                    person("和子", "1948-06-01", "妻", sex="F", insurance="late_elderly"),
                    subjects=[0], notifier=1, new=NEW_HERE, extras={"dogs": 1, "mopeds": 0, "seal_registration": []})
    dog = _sheets(household_of(doc), catalog)["dog_owner_death"]
    fields = _fields(dog)
    # Then the form is the change of owner: the deceased before, the notifier after, where the dog lives
    assert dog.form.id == "inu_shoyusha" and dog.form.signature == "新しい所有者 署名"
    assert (fields["前の所有者（亡くなった方）"], fields["新しい所有者（届出人）"]) == ("山田　正男", "山田　和子")
    assert fields["犬の所在地"] == NEW_HERE["address"] and "新しい所在地" not in fields


def test_the_death_registration_says_in_what_capacity_the_notifier_files(catalog: Catalog) -> None:
    # Given the head's death filed by his son, who lives elsewhere (KKN1 demo code)
    doc = household_doc("death_of_head") | {"v": 2, "subjects": [0], "new_head": 1}
    fields = _fields(_sheets(household_of(doc), catalog)["death_registration"])
    # Then the 死亡届 prints his 資格 as the real form asks it (戸籍法87条), not a bare 続柄
    assert (fields["届出人"], fields["届出人の資格"]) == ("高橋　誠", "同居していない親族（長男）")
    # And filed by the wife, who lives with him, it is 同居の親族
    doc["notifier"] = 1
    assert _fields(_sheets(household_of(doc), catalog)["death_registration"])["届出人の資格"] == "同居の親族"


def test_names_typed_with_a_half_width_space_print_as_names_do(catalog: Catalog) -> None:
    # Given a move-in whose previous head was typed "山田 太郎"
    h = household_of(household_doc("family_move_in") | {"v": 2, "child_allowance": {"claimant": 0}})
    assert _fields(_sheets(h, catalog)["juminido_move_in"])["旧世帯主"] == "山田　太郎"


def test_a_code_carries_the_mother_and_the_birth_order_back_and_forth(catalog: Catalog) -> None:
    doc = household_doc("birth") | {"v": 2, "subjects": [1], "birth": {"mother": "鈴木 美咲"},
                                    "child_allowance": {"claimant": 0}}
    doc["members"][1]["birth_order"] = 2
    h = decode(encode_document(doc)).household
    assert h.birth is not None and h.birth.mother == "鈴木 美咲" and h.members[1].birth_order == 2
    assert _row(_sheets(h, catalog)["birth_registration"])["父母との続柄"] == "二女"
    # And a wrong order is refused by its key
    doc["members"][1]["birth_order"] = 0
    with pytest.raises(InvalidInput) as refused:
        household_of(doc)
    assert "members[1].birth_order" in refused.value.clerk_message()


def test_the_husband_files_his_wife_s_death_as_her_husband_not_as_the_head(catalog: Catalog) -> None:
    # Given the wife dies and her husband, the 世帯主, files everything
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2" / "death_of_wife.json"
    sheets = _sheets(household_of(json.loads(fixture.read_text(encoding="utf-8"))), catalog)
    # Then each form asking his 続柄 to the deceased says 夫 (his 続柄 to the 世帯主 would be 世帯主)
    assert _fields(sheets["cremation_permit"])["死亡者との続柄"] == "夫"
    funeral = next(s for s in sheets.values() if s.form.id in ("sosaihi", "sosaihi_koki"))
    assert "夫" in {c.text for c in funeral.fields if "続柄" in c.label}
    assert _fields(sheets["death_registration"])["届出人の資格"] == "同居の親族"


def test_a_mourner_other_than_the_notifier_leaves_the_mourner_s_relation_to_write(catalog: Catalog) -> None:
    doc = household_doc("death_of_head") | {"v": 2, "subjects": [0], "new_head": 1,
                                            "death": {"mourner": "高橋 和子"}}
    funeral = _cells(_sheets(household_of(doc), catalog)["funeral_allowance_late_elderly"])
    assert funeral["申請者（喪主）"].text == "高橋　和子"
    assert funeral["被保険者との続柄"].text == "" and not struck(funeral["被保険者との続柄"])


def test_the_cremation_permit_has_the_crematorium_and_cause_boxes_to_write(catalog: Catalog) -> None:
    doc = household_doc("death_of_head") | {"v": 2, "subjects": [0], "new_head": 1}
    permit = _cells(_sheets(household_of(doc), catalog)["cremation_permit"])
    for label in ("火葬の場所（火葬場）", "死因（一類感染症等・その他）"):
        assert permit[label].text == "" and not struck(permit[label])
    # And the 申請者's address: the son from outside told none, so it is left to write
    assert permit["申請者の住所"].text == "" and not struck(permit["申請者の住所"])


def test_the_child_medical_guardian_is_the_claimant_whose_account_it_is(catalog: Catalog) -> None:
    # Given twins whose mother claims 児童手当 into her account
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2" / "birth_of_twins.json"
    sheets = _sheets(household_of(json.loads(fixture.read_text(encoding="utf-8"))), catalog)
    medical = _cells(sheets["child_medical_birth"])
    # Then the 子ども医療 保護者 is she, not the head, and the newborns' insurance is left to write after 加入
    assert medical["保護者（所得の高い方）"].text == "鈴木　花子"
    assert not any(struck(c) for c in sheets["child_medical_birth"].rows[0].cells)


def test_a_benefit_paid_to_someone_else_s_account_has_the_delegation_box(catalog: Catalog) -> None:
    # Given twins: the 出産育児一時金 is claimed by the 世帯主 (一郎) into the mother's account
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2" / "birth_of_twins.json"
    lump = _cells(_sheets(household_of(json.loads(fixture.read_text(encoding="utf-8"))), catalog)["maternity_lump_sum"])
    assert (lump["申請者（世帯主）"].text, lump["口座名義（カナ）"].text) == ("鈴木　一郎", "スズキ　ハナコ")
    # Then the form has the 委任欄 for the account holder to sign, left blank to write
    box = lump["委任（口座名義人署名）"]
    assert box.text == "" and not struck(box)


def test_a_birth_interview_from_nothing_never_counts_up(catalog: Catalog) -> None:
    # Given the demo birth (the mother not in the household) interviewed from nothing
    answers = draft_from_household(household_of(household_doc("birth")))
    answers |= {"birth.mother": "鈴木 美咲", "child_allowance.claimant": 0, "members[1].birth_order": 1}
    interview = Interview(catalog)
    for path in ("event", "date", "member_count"):
        interview.answer(path, answers[path])
    asked, counts = answer_in_turn(interview, from_answers(answers))
    # Then the count shown never went up, and the parent and the order came after the people
    assert went_down(counts), counts
    assert asked.index("birth.mother") > asked.index("members[1].relation")
    assert "birth.father" not in asked  # the 世帯主 is the father of his 子


def test_a_death_without_its_time_leaves_the_time_to_write(catalog: Catalog) -> None:
    doc = household_doc("death_of_head") | {"v": 2, "subjects": [0], "new_head": 1}
    sheets = _sheets(household_of(doc), catalog)
    assert _fields(sheets["death_registration"])["死亡したとき"] == "令和8年9月10日　午前・午後　　時　　分"
    assert _fields(sheets["cremation_permit"])["死亡年月日時"] == "令和8年9月10日　午前・午後　　時　　分"


def test_the_delegation_box_says_not_needed_when_the_account_is_the_applicant_s(catalog: Catalog) -> None:
    # Given the wife's death: her husband, the 喪主, is paid the 葬祭費 into his own account
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2" / "death_of_wife.json"
    sheets = _sheets(household_of(json.loads(fixture.read_text(encoding="utf-8"))), catalog)
    funeral = next(s for s in sheets.values() if s.form.id in ("sosaihi", "sosaihi_koki"))
    assert _fields(funeral)["委任（口座名義人署名）"] == "不要（口座名義が申請者と同じ）"
    # And so for the son named 喪主 (as 「高橋 誠」) paid into his own account; a 喪主 not filing: to write
    fixture = fixture.with_name("death_of_pensioner.json")
    doc = json.loads(fixture.read_text(encoding="utf-8"))
    funeral = _sheets(household_of(doc), catalog)["funeral_allowance_late_elderly"]
    assert _fields(funeral)["委任（口座名義人署名）"] == "不要（口座名義が申請者と同じ）"
    doc["death"]["mourner"] = "高橋 和子"
    funeral = _sheets(household_of(doc), catalog)["funeral_allowance_late_elderly"]
    assert _fields(funeral)["委任（口座名義人署名）"] == ""


def test_a_move_leaves_the_honseki_to_write_for_japanese_nationals_only(catalog: Catalog) -> None:
    # Given the demo family moving in (their code has no 本籍), and a Vietnamese family moving in from abroad
    family = _sheets(household_of(household_doc("family_move_in")), catalog)["juminido_move_in"]
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2" / "move_in_from_abroad.json"
    abroad = _sheets(household_of(json.loads(fixture.read_text(encoding="utf-8"))), catalog)
    foreign = next(s for s in abroad.values() if s.form.id == "juminido")
    # Then the 本籍・筆頭者 of each Japanese national is blank to write; a foreign resident's is struck (国籍 instead)
    for sheet, expected in ((family, False), (foreign, True)):
        for row in sheet.rows:
            cells = {c.label: c for c in row.cells}
            assert struck(cells["本籍"]) is expected and struck(cells["筆頭者"]) is expected


def test_the_marriage_registration_prints_each_spouse_s_parents_and_both_sign(catalog: Catalog) -> None:
    # Given a couple's code without their parents: the 婚姻届's 父母 box is left to write, never struck
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2" / "marriage_surname_change.json"
    doc = json.loads(fixture.read_text(encoding="utf-8"))
    konin = _sheets(household_of(doc), catalog)["marriage_registration"]
    for row in konin.rows:
        cell = next(c for c in row.cells if c.label == "父母の氏名・父母との続柄")
        assert cell.text == "" and not struck(cell)
    assert konin.form.signature == "夫・妻 署名（お二人とも）"
    # Given the parents as told (the husband's father has died: still written; the wife's 二女)
    doc["members"][0] |= {"father": "佐藤 一郎", "mother": "佐藤 和子", "birth_order": 1}
    doc["members"][1] |= {"mother": "田中 恵", "birth_order": 2}
    konin = _sheets(household_of(doc), catalog)["marriage_registration"]
    # Then each spouse's row prints them as the 婚姻届 writes them (父・母 and 長男・二女; no father: left out)
    parents = [next(c.text for c in row.cells if c.label == "父母の氏名・父母との続柄") for row in konin.rows]
    assert parents == ["父　佐藤　一郎　母　佐藤　和子（長男）", "母　田中　恵（二女）"]


def test_a_marriage_interviewed_from_nothing_asks_each_spouse_s_parents(catalog: Catalog) -> None:
    # Given the demo couple's facts told at the counter, with no code
    doc = json.loads((Path(__file__).parents[2] / "kakanai" / "demo" / "marriage.json").read_text(encoding="utf-8"))
    answers = draft_from_household(household_of(doc)) | {"members[1].seal_registered": False}
    interview = Interview(catalog)
    for path in ("event", "date", "member_count"):
        interview.answer(path, answers[path])
    asked, _ = answer_in_turn(interview, from_answers(answers))
    # Then the 婚姻届 asks each spouse's father, mother and 父母との続柄 (no suggestion: siblings are not here)
    for i in (0, 1):
        assert [p for p in asked if p.startswith(f"members[{i}].") and p.split(".")[1] in ("father", "mother",
                "birth_order")] == [f"members[{i}].father", f"members[{i}].mother", f"members[{i}].birth_order"]
        assert interview.question(f"members[{i}].birth_order").suggestion == ""
    # And the form prints what was told
    konin = _sheets(interview.household().household, catalog)["marriage_registration"]
    parents = [next(c.text for c in row.cells if c.label == "父母の氏名・父母との続柄") for row in konin.rows]
    assert parents == ["父　伊藤　正　母　伊藤　京子（長男）", "父　MARTIN　PIERRE　母　MARTIN　CLAIRE（二女）"]


def test_a_son_from_outside_files_his_father_s_death_and_his_own_phone_is_printed(catalog: Catalog) -> None:
    # Given the demo death: the head died, his son 誠 from 札幌 files (phone 090-7777-8888); the household's is 0157-…
    doc = json.loads((Path(__file__).parents[2] / "kakanai" / "demo" / "death_of_head.json").read_text(encoding="utf-8"))
    h = household_of(doc)
    sheets = _sheets(h, catalog)
    death, cremation = (next(s for s in sheets.values() if s.form.id == form) for form in ("shibou", "kaso"))
    # Then the 死亡届's 連絡先 and the 火葬許可申請書's 申請者の電話番号 are his, not the household's
    assert _fields(death)["連絡先電話番号"] == "090-7777-8888"
    assert _fields(cremation)["申請者の電話番号"] == "090-7777-8888"
    # And filed by the wife (a member), they are the household's phone
    wife = household_of(doc | {"notifier": 1})
    assert _fields(next(s for s in _sheets(wife, catalog).values() if s.form.id == "shibou"))["連絡先電話番号"] \
        == "0157-23-4567"


def test_claims_after_a_death_print_the_claimant_s_phone_not_the_deceased_s_home(catalog: Catalog) -> None:
    # Given the demo death: the pensioner head died; his son 誠 from 札幌 (090-7777-8888) files and is 喪主
    doc = json.loads((Path(__file__).parents[2] / "kakanai" / "demo" / "death_of_head.json").read_text(encoding="utf-8"))
    sheets = {s.form.id: s for s in _sheets(household_of(doc), catalog).values()}
    # Then the pension claim (未支給年金) and the 葬祭費 applications print his phone, not the home's 0157-…
    assert _fields(sheets["mishikyu"])["請求者の電話番号"] == "090-7777-8888"
    assert _fields(sheets["sosaihi_koki"])["電話番号"] == "090-7777-8888"
    # And when another relative was named 喪主, the 葬祭費 form leaves the phone for the 喪主 to write
    other = {s.form.id: s for s in _sheets(household_of(doc | {"death": doc["death"] | {"mourner": "高橋 和子"}}),
                                           catalog).values()}
    phone = _cells(other["sosaihi_koki"])["電話番号"]
    assert phone.text == "" and not struck(phone)
    # And filed by the widow (a member), the pension claim prints the household's phone
    widow = {s.form.id: s for s in _sheets(household_of(doc | {"notifier": 1}), catalog).values()}
    assert _fields(widow["mishikyu"])["請求者の電話番号"] == "0157-23-4567"
