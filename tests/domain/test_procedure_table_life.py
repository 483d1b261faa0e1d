"""The procedure table for 死亡・出生・婚姻: households a careful clerk planned by hand, each row with
the law or municipal practice it rests on (the format: tests/domain/procedure_table.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kakanai.domain.catalog import Catalog
from tests.domain.procedure_table import Row, check_row, household, person, plan_row

DOG = {"dogs": 1, "mopeds": 0, "seal_registration": []}


def _death(on: str, *members: dict, notifier: int = 1, subjects: list[int] | None = None, **extra: object) -> dict:
    return household("death", on, *members, subjects=subjects or [0], notifier=notifier, **extra)


def _marriage(on: str, *members: dict, surname_of: int | None = 0, **extra: object) -> dict:
    facts = {"marriage": {"surname_of": surname_of}} if surname_of is not None else {}
    return household("marriage", on, *members, subjects=[0, 1], **facts, **extra)


DEATH_ROWS = [
    Row("death_of_a_pensioner", "国民年金法105条4項（受給権者の死亡の届出）・19条（未支給年金）、墓地埋葬法5条（火葬許可）",
        _death("2026-06-10", person("一郎", "1948-03-01", insurance="late_elderly", pensioner=True),
               person("花子", "1950-05-05", "妻", sex="F", insurance="late_elderly", pensioner=True)),
        expect={"death_registration": ("一郎",), "cremation_permit": ("一郎",), "pension_death": ("一郎",),
                "late_elderly_leave": ("一郎",), "funeral_allowance_late_elderly": ("一郎",), "care_leave": ("一郎",)},
        absent=("survivors_basic_pension", "death_lump_sum", "widow_pension", "head_change", "care_card_return_2go")),
    Row("death_at_70_without_a_pension", "年金の受給は年齢では決まらない: 受給権者死亡届は受給者だけ（国民年金法105条4項）",
        _death("2026-06-10", person("一郎", "1956-01-01", pensioner=False),
               person("花子", "1958-05-05", "妻", sex="F")),
        absent=("pension_death",)),
    Row("death_at_66_pension_not_known_is_asked", "年金の受給は年齢では決まらない（窓口で伺う）",
        _death("2026-06-10", person("一郎", "1960-01-01"), person("花子", "1962-05-05", "妻", sex="F")),
        undecided=("pension_death",), absent=("pension_death",)),
    Row("death_of_a_1go_head_leaving_children", "国民年金法37条・37条の2（遺族基礎年金: 子のある配偶者・子）、児童扶養手当法4条",
        _death("2026-06-10", person("一郎", "1981-04-10", pensioner=False, allowance=True),
               person("花子", "1983-05-05", "妻", sex="F"),
               person("健", "2016-07-07", "子"), person("葵", "2008-09-01", "子", sex="F")),
        expect={"survivors_basic_pension": ("一郎",), "nhi_leave": ("一郎",), "nhi_head_change_death": ("花子", "健", "葵"),
                "child_allowance_recipient_death": ("健", "葵"), "child_medical_guardian_death": ("健", "葵"),
                "child_support_death": ("健", "葵")},
        absent=("death_lump_sum", "widow_pension", "pension_death")),
    Row("death_of_a_1go_head_whose_child_is_past_grade_12", "国民年金法37条の2（子は18歳到達年度の末日まで）",
        _death("2026-06-10", person("一郎", "1970-04-10", pensioner=False),
               person("花子", "1972-05-05", "妻", sex="F"), person("葵", "2007-09-01", "子", sex="F")),
        expect={"death_lump_sum": ("一郎",), "widow_pension": ("一郎",)},
        absent=("survivors_basic_pension", "child_support_death", "child_allowance_recipient_death")),
    Row("death_of_a_1go_husband_without_children", "国民年金法49条（寡婦年金）・52条の2（死亡一時金）・52条の6（選択）",
        _death("2026-06-10", person("一郎", "1970-04-10", pensioner=False), person("花子", "1972-05-05", "妻", sex="F")),
        expect={"widow_pension": ("一郎",), "death_lump_sum": ("一郎",)}, absent=("survivors_basic_pension",)),
    Row("death_of_a_1go_wife_gives_no_widow_pension", "国民年金法49条（寡婦年金は夫の死亡で妻に）",
        _death("2026-06-10", person("一郎", "1970-04-10"),
               person("花子", "1972-05-05", "妻", sex="F", pensioner=False), subjects=[1], notifier=0),
        expect={"death_lump_sum": ("花子",)}, absent=("widow_pension", "head_change")),
    Row("death_of_an_employee_leaves_dependants_to_kokuho", "国民健康保険法5条・7条（被扶養者は資格喪失の日に国保へ）、国民年金法7条（3号→1号）"
        "・37条1号（第2号被保険者の死亡も遺族基礎年金: 13歳の子が残る）、厚生年金保険法58条",
        _death("2026-06-10", person("一郎", "1970-04-10", insurance="employee", insured="insured", pensioner=False),
               person("花子", "1972-05-05", "妻", sex="F", insurance="employee", insured="dependent"),
               person("健", "2012-07-07", "子", insurance="employee", insured="dependent"),
               person("葵", "2001-09-01", "子", sex="F")),
        expect={"nhi_join_dependants": ("花子", "健"), "pension_class_change_survivor": ("花子",),
                "survivors_basic_pension": ("一郎",), "survivors_employee_pension": ("一郎",)},
        absent=("death_lump_sum", "nhi_leave")),
    Row("death_at_58_with_a_2go_care_certification", "介護保険法9条2号・11条（第2号被保険者の資格喪失と被保険者証の返還）",
        _death("2026-06-10", person("一郎", "1968-04-10", care=True, pensioner=False),
               person("花子", "1968-05-05", "妻", sex="F")),
        expect={"care_card_return_2go": ("一郎",)}, absent=("care_leave",)),
    Row("death_at_65_with_a_care_certification_is_a_1go_loss", "介護保険法9条1号（65歳以上は第1号被保険者）",
        _death("2026-06-10", person("一郎", "1961-04-10", care=True, pensioner=True),
               person("花子", "1963-05-05", "妻", sex="F")),
        expect={"care_leave": ("一郎",)}, absent=("care_card_return_2go",)),
    Row("death_at_39_with_a_care_flag_returns_no_card", "介護保険法9条（40歳未満は被保険者でない）",
        _death("2026-06-10", person("一郎", "1987-04-10", care=True, pensioner=False),
               person("花子", "1988-05-05", "妻", sex="F")),
        absent=("care_card_return_2go", "care_leave")),
    Row("death_leaves_a_dog", "狂犬病予防法4条4項・同法施行規則6条（所有者の変更・30日以内）",
        _death("2026-06-10", person("一郎", "1948-03-01", insurance="late_elderly", pensioner=True),
               person("花子", "1950-05-05", "妻", sex="F", insurance="late_elderly"), extras=DOG),
        expect={"dog_owner_death": ()}),
    Row("death_of_a_handbook_holder_with_high_medical_costs", "身体障害者福祉法施行令10条（手帳の返還）、国民健康保険法57条の2（高額療養費）",
        _death("2026-06-10", person("一郎", "1960-04-10", pensioner=True, high_cost=True,
                                    disability={"kind": "physical", "grade": "1級"}),
               person("花子", "1962-05-05", "妻", sex="F")),
        expect={"disability_return_death": ("一郎",), "high_cost_nhi": ("一郎",)}, absent=("high_cost_late_elderly",)),
    Row("death_of_the_wife_who_received_the_child_allowance", "児童手当法7条・8条3項（受給者の死亡: 新しい請求者が15日以内に認定請求）",
        _death("2026-06-10", person("一郎", "1985-04-10", insurance="employee", insured="insured"),
               person("花子", "1986-05-05", "妻", sex="F", allowance=True, pensioner=False, insurance="employee",
                      insured="insured"),
               person("健", "2020-07-07", "子", insurance="employee", insured="dependent"), subjects=[1], notifier=0),
        expect={"child_allowance_recipient_death": ("健",), "child_support_death": ("健",)},
        absent=("nhi_join_dependants", "head_change")),
    Row("death_without_children_asks_nothing_about_the_child_allowance", "児童手当法4条（児童を養育する者に支給）",
        _death("2026-06-10", person("一郎", "1948-03-01", insurance="late_elderly", pensioner=True),
               person("花子", "1950-05-05", "妻", sex="F", insurance="late_elderly")),
        absent=("child_allowance_recipient_death",)),
    Row("death_with_a_child_in_nursery", "子ども・子育て支援法23条（支給認定の変更）、市の保育所等利用規則",
        _death("2026-06-10", person("一郎", "1985-04-10", pensioner=False), person("花子", "1986-05-05", "妻", sex="F"),
               person("健", "2022-07-07", "子", school={"kind": "nursery", "name": "見本市立北保育園"})),
        expect={"nursery_change_death": ("健",), "survivors_basic_pension": ("一郎",)}),
    Row("death_of_a_foreign_resident_returns_the_residence_card", "入管法61条の9の3（在留カードの返納・14日以内）",
        _death("2026-06-10", person("VAN AN", "1980-04-10", nationality="VN", pensioner=False),
               person("THI HOA", "1982-05-05", "妻", sex="F", nationality="VN")),
        expect={"residence_card_return_death": ("VAN AN",), "death_registration": ("VAN AN",)}),
]

BIRTH_ROWS = [
    Row("twins_born_to_a_mother_on_kokuho", "戸籍法49条（子ごとの出生届）、国民健康保険法58条（出産育児一時金）、国民年金法88条の2",
        household("birth", "2026-06-10", person("一郎", "1990-04-10"), person("花子", "1992-05-05", "妻", sex="F"),
                  person("蓮", "2026-06-10", "子", insurance=None), person("葵", "2026-06-10", "子", sex="F", insurance=None),
                  subjects=[2, 3]),
        expect={"birth_registration": ("蓮", "葵"), "nhi_join_birth": ("蓮", "葵"), "maternity_lump_sum": ("花子",),
                "pension_maternity_exemption": ("花子",), "maternal_child_health_birth": ()}),
    Row("birth_to_a_mother_dependent_on_employee_insurance", "国民健康保険法58条（国保の被保険者の出産のみ）、国民年金法88条の2（第1号のみ）",
        household("birth", "2026-06-10", person("一郎", "1990-04-10", insurance="employee", insured="insured"),
                  person("花子", "1992-05-05", "妻", sex="F", insurance="employee", insured="dependent"),
                  person("蓮", "2026-06-10", "子", insurance=None), subjects=[2]),
        expect={"birth_registration": ("蓮",)},
        absent=("maternity_lump_sum", "pension_maternity_exemption", "nhi_join_birth")),
    Row("birth_to_foreign_parents", "入管法22条の2（出生による在留資格の取得・30日以内）、住民基本台帳法30条の45",
        household("birth", "2026-06-10", person("VAN AN", "1990-04-10", nationality="VN"),
                  person("THI HOA", "1992-05-05", "妻", sex="F", nationality="VN"),
                  person("MINH", "2026-06-10", "子", insurance=None, nationality="VN"), subjects=[2]),
        expect={"residence_status_newborn": ("MINH",), "birth_acceptance_certificate": ("MINH",),
                "foreign_resident_entries": ("MINH",), "birth_registration": ("MINH",)}),
    Row("birth_abroad_with_nationality_reserved", "戸籍法104条（3か月以内）・国籍法12条（国籍の留保）",
        household("birth", "2026-06-10", person("一郎", "1990-04-10"), person("花子", "1992-05-05", "妻", sex="F"),
                  person("蓮", "2026-06-01", "子", insurance=None, birth_country="US"), subjects=[2]),
        expect={"birth_registration_abroad": ("蓮",)}, absent=("birth_registration", "residence_status_newborn")),
    Row("birth_with_an_older_child_in_nursery", "子ども・子育て支援法施行規則1条の5（育児休業中の継続利用）",
        household("birth", "2026-06-10", person("一郎", "1990-04-10"), person("花子", "1992-05-05", "妻", sex="F"),
                  person("健", "2023-07-07", "子", school={"kind": "nursery"}),
                  person("蓮", "2026-06-10", "子", insurance=None), subjects=[3]),
        expect={"nursery_continue_birth": ("健",), "birth_registration": ("蓮",)}),
    Row("birth_the_claimant_is_a_civil_servant", "児童手当法17条（公務員は所属庁が認定・支給）",
        household("birth", "2026-06-10", person("一郎", "1990-04-10", insurance="employee", insured="insured",
                                                civil_servant=True),
                  person("花子", "1992-05-05", "妻", sex="F", insurance="employee", insured="dependent"),
                  person("蓮", "2026-06-10", "子", insurance=None), subjects=[2], child_allowance={"claimant": 0}),
        expect={"child_allowance_civil_servant": ()}, absent=("child_allowance_birth",)),
    Row("birth_the_claimant_is_the_mother_not_the_civil_servant_father", "児童手当法4条（所得の高い方が受給者）・17条",
        household("birth", "2026-06-10", person("一郎", "1990-04-10", civil_servant=True),
                  person("花子", "1992-05-05", "妻", sex="F"),
                  person("蓮", "2026-06-10", "子", insurance=None), subjects=[2], child_allowance={"claimant": 1}),
        expect={"child_allowance_birth": ("蓮",)}, absent=("child_allowance_civil_servant",)),
    Row("birth_with_a_civil_servant_parent_asks_who_claims", "児童手当法4条・17条（請求者は所得の高い方: 伺う）",
        household("birth", "2026-06-10", person("一郎", "1990-04-10", civil_servant=True),
                  person("花子", "1992-05-05", "妻", sex="F"),
                  person("蓮", "2026-06-10", "子", insurance=None), subjects=[2]),
        undecided=("child_allowance_birth", "child_allowance_civil_servant"),
        absent=("child_allowance_birth", "child_allowance_civil_servant")),
]

MARRIAGE_ROWS = [
    Row("marriage_the_wife_takes_the_husbands_surname", "番号利用法17条4項、国民健康保険法9条、国民年金法12条（氏名変更は氏の変わる方）",
        _marriage("2026-06-10", person("一郎", "1994-04-10", card=True, family="佐藤"),
                  person("花子", "1996-05-05", "妻", sex="F", card=True, family="鈴木")),
        expect={"marriage_registration": ("一郎", "花子"), "mynumber_card_update_marriage": ("花子",),
                "nhi_name_change": ("花子",), "pension_name_change": ("花子",)}),
    Row("marriage_the_husband_takes_the_wifes_surname", "民法750条（夫または妻の氏）",
        _marriage("2026-06-10", person("一郎", "1994-04-10", card=True, family="佐藤"),
                  person("花子", "1996-05-05", "妻", sex="F", card=True, family="鈴木"), surname_of=1),
        expect={"mynumber_card_update_marriage": ("一郎",), "nhi_name_change": ("一郎",)}),
    Row("marriage_of_two_sato_in_one_household", "民法750条: 同じ氏どうしの婚姻では氏も住所も変わらない",
        _marriage("2026-06-10", person("一郎", "1994-04-10", card=True, family="佐藤"),
                  person("花子", "1996-05-05", "同居人", sex="F", card=True, family="佐藤")),
        expect={"marriage_registration": ("一郎", "花子")},
        absent=("mynumber_card_update_marriage", "nhi_name_change", "pension_name_change", "seal_reregistration_marriage")),
    Row("marriage_on_employee_insurance_changes_no_kokuho", "国民健康保険法9条（国保の被保険者の氏名変更のみ）",
        _marriage("2026-06-10", person("一郎", "1994-04-10", family="佐藤", insurance="employee", insured="insured"),
                  person("花子", "1996-05-05", "妻", sex="F", family="鈴木", insurance="employee", insured="insured")),
        absent=("nhi_name_change", "pension_name_change", "mynumber_card_update_marriage")),
    Row("marriage_lapses_a_seal_in_the_old_surname", "印鑑条例（氏の変更による登録の抹消）",
        _marriage("2026-06-10", person("一郎", "1994-04-10", family="佐藤", seal_registered=True),
                  person("花子", "1996-05-05", "妻", sex="F", family="鈴木", seal_registered=True)),
        expect={"seal_reregistration_marriage": ("花子",)}),
    Row("marriage_at_76_changes_the_late_elderly_and_care_cards", "高齢者医療確保法施行規則・介護保険法施行規則（氏名の変更の届出）",
        _marriage("2026-06-10", person("一郎", "1948-04-10", family="佐藤", insurance="late_elderly"),
                  person("花子", "1950-05-05", "妻", sex="F", family="鈴木", insurance="late_elderly")),
        expect={"late_elderly_name_change": ("花子",), "care_name_change": ("花子",)},
        absent=("pension_name_change", "nhi_name_change")),
    Row("marriage_with_a_foreign_national_changes_no_surname", "戸籍法107条2項（外国人との婚姻: 氏の変更は別の届出）",
        _marriage("2026-06-10", person("大輔", "1994-04-10", card=True, family="伊藤"),
                  person("EMMA", "1995-09-09", "妻", sex="F", family="MARTIN", card=True, nationality="FR")),
        absent=("mynumber_card_update_marriage", "nhi_name_change")),
    Row("marriage_of_a_single_mother_with_a_child", "児童扶養手当法4条2項（婚姻で要件を欠く）、児童手当法7条",
        _marriage("2026-06-10", person("一郎", "1990-04-10", family="佐藤"),
                  person("花子", "1992-05-05", "妻", sex="F", family="鈴木", child_support=True),
                  person("健", "2018-07-07", "子", family="鈴木")),
        expect={"child_support_marriage": ("花子",), "child_allowance_marriage": ("健",),
                "child_medical_marriage": ("健",)}),
    Row("marriage_whose_surname_unknown_is_asked", "民法750条（婚姻の際に定める夫婦の氏）",
        _marriage("2026-06-10", person("一郎", "1994-04-10", card=True, family="佐藤"),
                  person("花子", "1996-05-05", "妻", sex="F", card=True, family="鈴木"), surname_of=None),
        undecided=("mynumber_card_update_marriage", "marriage_registration"), absent=("mynumber_card_update_marriage",)),
    Row("marriage_of_a_handbook_holder", "身体障害者福祉法施行令9条（記載事項の変更）",
        _marriage("2026-06-10", person("一郎", "1994-04-10", family="佐藤"),
                  person("花子", "1996-05-05", "妻", sex="F", family="鈴木",
                         disability={"kind": "mental", "grade": "2級"})),
        expect={"disability_name_change_marriage": ("花子",)}),
]


@pytest.mark.parametrize("row", DEATH_ROWS + BIRTH_ROWS + MARRIAGE_ROWS, ids=str)
def test_row(row: Row, catalog: Catalog) -> None:
    check_row(row, catalog)


def test_twins_get_one_birth_registration_each(catalog: Catalog) -> None:
    # Given twins born on the same day to a household on 国保
    the_plan = plan_row(BIRTH_ROWS[0], catalog)
    # Then each newborn has an 出生届 of their own, but the family one 出生連絡票
    assert [item.subjects for item in the_plan.items if item.id == "birth_registration"] == [(2,), (3,)]
    assert [item.subjects for item in the_plan.items if item.id == "maternal_child_health_birth"] == [()]


def test_a_death_reported_82_days_later_is_flagged_late(catalog: Catalog) -> None:
    # Given a pensioner who died on 10 June, reported 82 days later
    row = DEATH_ROWS[0]
    visit = (date(2026, 6, 10) + timedelta(days=82)).isoformat()
    the_plan = plan_row(Row(row.case, row.basis, row.household, visit=visit), catalog)
    late = {item.id for item in the_plan.items if item.late}
    # Then the 死亡届 (7 days) is flagged to the clerk, and so is nothing without a counted deadline
    assert "death_registration" in late
    assert "funeral_allowance_late_elderly" not in late  # 2 years from the funeral
