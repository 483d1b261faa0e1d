"""The procedure table from a second clerk's audit (December 2026): households a careful 市民課 clerk
planned by hand that the earlier tables did not hold, each row with the law or municipal practice it
rests on (the format: tests/domain/procedure_table.py). Where kakanai planned otherwise, the catalog
was fixed and the row says what was wrong."""

from __future__ import annotations

from datetime import date

import pytest

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import from_document
from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.domain.interview import Interview
from tests.domain.procedure_table import NEW_OTHER_PREFECTURE as NEW_OTHER
from tests.domain.procedure_table import Row, check_row, household, person

D = "2026-11-20"
KOKUHO_BIRTH = "国民健康保険法5条・6条（被用者保険の被扶養者は適用除外）・9条、健康保険法3条7項（被扶養者: 子）"


def _birth(*members: dict, subjects: list[int]) -> dict:
    return household("birth", D, *members, subjects=subjects)


NEWBORN_INSURANCE_ROWS = [
    # was: any member on 国保 planned 国保 加入 for the child; a clerk asks which insurance the child joins
    Row("birth_father_employee_mother_kokuho_is_asked_which_insurance", KOKUHO_BIRTH,
        _birth(person("一郎", "1990-04-10", insurance="employee", insured="insured"),
               person("花子", "1992-05-05", "妻", sex="F"), person("蓮", D, "子", insurance=None), subjects=[2]),
        expect={"birth_registration": ("蓮",), "maternity_lump_sum": ("花子",), "child_allowance_birth": ("蓮",)},
        absent=("nhi_join_birth", "employee_insurance_birth"),
        undecided=("nhi_join_birth", "employee_insurance_birth")),
    Row("birth_the_child_becomes_the_employee_father_s_dependant", KOKUHO_BIRTH + "、健康保険法施行規則38条（被扶養者の届出は事業主経由）",
        _birth(person("一郎", "1990-04-10", insurance="employee", insured="insured"),
               person("花子", "1992-05-05", "妻", sex="F"), person("蓮", D, "子", insurance="employee"), subjects=[2]),
        expect={"employee_insurance_birth": ("蓮",), "maternity_lump_sum": ("花子",)}, absent=("nhi_join_birth",)),
    Row("birth_the_child_joins_kokuho_with_the_mother", KOKUHO_BIRTH,
        _birth(person("一郎", "1990-04-10", insurance="employee", insured="insured"),
               person("花子", "1992-05-05", "妻", sex="F"), person("蓮", D, "子", insurance="nhi"), subjects=[2]),
        expect={"nhi_join_birth": ("蓮",)}, absent=("employee_insurance_birth",)),
    Row("birth_father_kokuho_mother_employee_is_asked_too", KOKUHO_BIRTH,
        _birth(person("一郎", "1990-04-10"), person("花子", "1992-05-05", "妻", sex="F", insurance="employee",
                                                    insured="insured"),
               person("蓮", D, "子", insurance=None), subjects=[2]),
        absent=("nhi_join_birth", "maternity_lump_sum"), undecided=("nhi_join_birth",)),
    Row("birth_both_parents_on_an_employee_insurance_joins_it", KOKUHO_BIRTH,
        _birth(person("一郎", "1990-04-10", insurance="employee", insured="insured"),
               person("花子", "1992-05-05", "妻", sex="F", insurance="employee", insured="dependent"),
               person("蓮", D, "子", insurance=None), subjects=[2]),
        expect={"employee_insurance_birth": ("蓮",), "child_medical_birth": ("蓮",)}, absent=("nhi_join_birth",)),
    # was: the grandparents' 国保 made the baby of a young couple on employee insurance join 国保
    Row("birth_to_a_couple_on_employee_insurance_living_with_kokuho_grandparents", KOKUHO_BIRTH,
        _birth(person("太郎", "1962-01-01"), person("良子", "1964-01-01", "妻", sex="F"),
               person("花子", "1995-05-05", "子", sex="F", insurance="employee", insured="insured"),
               person("翔", "1994-03-03", "子の夫", family="佐藤", insurance="employee", insured="insured"),
               person("蓮", D, "孫", family="佐藤", insurance=None), subjects=[4]),
        expect={"employee_insurance_birth": ("蓮",)},
        absent=("nhi_join_birth", "maternity_lump_sum_grandchild", "maternity_lump_sum")),
    Row("birth_to_an_unmarried_mother_with_no_insurance_joins_kokuho", "国民健康保険法5条（住所を有する者は被保険者）",
        _birth(person("花子", "1998-05-05", sex="F", insurance="none"), person("蓮", D, "子", insurance=None),
               subjects=[1]),
        expect={"nhi_join_birth": ("蓮",)}, absent=("employee_insurance_birth",)),
]

FUYO = "児童扶養手当法4条1項（父母が婚姻を解消した児童等を監護する母・父、父母のいない児童の養育者）・6条・9条の2（同居の扶養義務者の所得）"
HITORIOYA = "市のひとり親家庭等医療費助成条例（ひとり親と18歳到達年度末までの児童がそれぞれ受給者）"

SINGLE_PARENT_ROWS = [
    # was: the procedure named only the parent; each child has its own 受給者証
    Row("single_mother_moves_in_the_children_are_subjects_of_the_medical_aid", HITORIOYA,
        household("move_in", D, person("花子", "1990-05-05", sex="F", child_support=True, allowance=True),
                  person("健", "2012-05-10", "子"), person("葵", "2008-09-01", "子", sex="F"),
                  person("翔", "2006-01-01", "子")),
        expect={"single_parent_medical_move_in": ("花子", "健", "葵"), "child_support_move_in": ("花子",)}),
    # was: only the 世帯主 was asked about 児童扶養手当, so a single mother living with her parents got nothing
    Row("single_mother_living_with_her_parents_moves_within", FUYO + "、" + HITORIOYA,
        household("move_within", D, person("太郎", "1960-01-01"), person("良子", "1962-01-01", "妻", sex="F"),
                  person("花子", "1990-05-05", "子", sex="F", child_support=True), person("健", "2018-05-05", "孫")),
        expect={"child_support_move_within": ("花子",), "single_parent_medical_move_within": ("花子", "健"),
                "child_allowance_address": ("健",), "nhi_address": ("太郎", "良子", "花子", "健")}),
    Row("single_father_living_with_his_mother_moves_out", FUYO + "（父子家庭: 4条1項2号）、" + HITORIOYA + "（転出で資格喪失）",
        household("move_out", D, person("ヨネ", "1958-01-01", sex="F", seal_registered=False),
                  person("一郎", "1985-05-05", "子", child_support=True, seal_registered=False),
                  person("健", "2015-05-05", "孫"), new=NEW_OTHER),
        expect={"child_support_move_out": ("一郎",), "single_parent_medical_move_out": ("一郎", "健"),
                "child_allowance_end": ("健",)}),
    Row("grandmother_raising_her_grandson_moves_in", FUYO + "（父母のいない児童の養育者）、" + HITORIOYA,
        household("move_in", D, person("ヨネ", "1965-01-01", sex="F", child_support=True),
                  person("健", "2015-05-05", "孫")),
        expect={"child_support_move_in": ("ヨネ",), "single_parent_medical_move_in": ("ヨネ", "健")}),
    Row("a_couple_living_with_the_grandparents_is_no_single_parent_family", FUYO + "（婚姻している父母）",
        household("move_within", D, person("太郎", "1960-01-01"), person("良子", "1962-01-01", "妻", sex="F"),
                  person("一郎", "1988-01-01", "子"), person("花子", "1990-05-05", "子の妻", sex="F"),
                  person("健", "2018-05-05", "孫")),
        absent=("child_support_move_within", "single_parent_medical_move_within")),
    Row("unmarried_daughter_living_with_her_parents_gives_birth",
        "児童扶養手当法4条1項1号ホ（婚姻によらないで生まれた児童）・6条、国民健康保険法58条",
        _birth(person("太郎", "1965-01-01"), person("良子", "1967-01-01", "妻", sex="F"),
               person("花子", "2000-05-05", "子", sex="F", child_support=False), person("蓮", D, "孫", insurance=None),
               subjects=[3]),
        expect={"child_support_claim_birth": ("花子",), "maternity_lump_sum_grandchild": ("花子",),
                "nhi_join_birth": ("蓮",)}, absent=("child_support_birth",)),
    Row("single_mother_marries_her_children_lose_the_medical_aid_too", "児童扶養手当法4条2項、" + HITORIOYA + "（婚姻で資格喪失）",
        household("marriage", D, person("一郎", "1990-04-10", family="佐藤", child_support=False),
                  person("花子", "1991-05-05", "妻", family="鈴木", sex="F", child_support=True),
                  person("健", "2016-07-07", "子", family="鈴木"), person("葵", "2019-07-07", "子", family="鈴木", sex="F"),
                  subjects=[0, 1], marriage={"surname_of": 0}),
        expect={"single_parent_medical_marriage": ("花子", "健", "葵"), "child_support_marriage": ("花子",)}),
]

ROWS = NEWBORN_INSURANCE_ROWS + SINGLE_PARENT_ROWS


def test_every_row_is_named_once_and_names_its_basis() -> None:
    assert len({row.case for row in ROWS}) == len(ROWS)
    assert all(row.basis.strip() for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_row(row: Row, catalog: Catalog) -> None:
    check_row(row, catalog)


def _interview(doc: dict, catalog: Catalog) -> Interview:
    parsed = parse_household(doc)
    return Interview(catalog, from_document(household_to_document(parsed.household)), visit_date=date.fromisoformat(D))


def test_the_newborn_s_insurance_is_asked_only_when_the_parents_differ(catalog: Catalog) -> None:
    # Given a birth where the father is on his employer's insurance and the mother on 国保
    mixed = _interview(_birth(person("一郎", "1990-04-10", insurance="employee", insured="insured"),
                              person("花子", "1992-05-05", "妻", sex="F"), person("蓮", D, "子", insurance=None),
                              subjects=[2]), catalog)
    asked = {q.path: q for q in mixed.questions()}
    # Then the clerk is asked which insurance the child joins, in a newborn's words and choices
    question = asked["members[2].insurance"]
    assert "加入する健康保険" in question.label and "国民健康保険 加入（出生）" in question.reason
    assert [value for value, _ in question.spec.choices] == ["nhi", "employee", "welfare"]
    # When the child becomes the father's dependant
    mixed.answer("members[2].insurance", "被用者保険（社会保険）")
    ids = mixed.plan().ids()
    # Then no 国保 加入 is planned, and the family is told to apply at the employer
    assert "employee_insurance_birth" in ids and "nhi_join_birth" not in ids
    # And where both parents are on 国保, nothing about the child's insurance is asked
    both = _interview(_birth(person("一郎", "1990-04-10"), person("花子", "1992-05-05", "妻", sex="F"),
                             person("蓮", D, "子", insurance=None), subjects=[2]), catalog)
    assert "members[2].insurance" not in {q.path for q in both.questions()}
    assert "nhi_join_birth" in both.plan().ids()


def test_a_single_mother_living_with_her_parents_is_asked_not_her_father(catalog: Catalog) -> None:
    # Given a daughter with her son moving in with her parents, and nobody has said who receives 児童扶養手当
    doc = household("move_in", D, person("太郎", "1960-01-01"), person("良子", "1962-01-01", "妻", sex="F"),
                    person("花子", "1990-05-05", "子", sex="F"), person("健", "2018-05-05", "孫"),
                    child_allowance={"claimant": 2})
    asked = {q.path for q in _interview(doc, catalog).questions()}
    # Then the clerk asks the mother, the one raising the child alone, and not the head of household
    assert "members[2].child_support" in asked
    assert "members[0].child_support" not in asked and "members[1].child_support" not in asked
