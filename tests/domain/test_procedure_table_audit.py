"""The procedure table from a 市民課 clerk's audit (December 2026): households planned by hand as a
careful clerk would, mixing events and circumstances, each row with the law or municipal practice it
rests on (the format: tests/domain/procedure_table.py). Where the catalog disagreed with the clerk,
the catalog was fixed and the row says why; the rest are kept as they agreed, so they stay so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kakanai.domain.catalog import Catalog
from tests.domain.procedure_table import (
    NEW_OTHER_PREFECTURE,
    OLD_OTHER_PREFECTURE,
    Row,
    check_row,
    household,
    person,
    plan_row,
)

D = "2026-11-20"
ABROAD_VN = {"country": "VN", "address": "ハノイ市ホアンキエム区1"}
TO_US = {"country": "US", "address": "カリフォルニア州ロサンゼルス市1"}
DOG = {"dogs": 1, "mopeds": 0, "seal_registration": []}
FUYO = "児童扶養手当法4条1項（ひとり親の児童）・6条、同法施行規則（住所変更の届出）"
HITORIOYA = "市のひとり親家庭等医療費助成条例（都道府県のひとり親家庭等医療費助成事業、所得基準は児童扶養手当に準じる）"


def _mother(**extra: object) -> dict:
    return person("花子", "1990-05-05", sex="F", **extra)  # type: ignore[arg-type]


def _death(*members: dict, subjects: list[int] | None = None, notifier: int = 1, **extra: object) -> dict:
    return household("death", D, *members, subjects=subjects or [0], notifier=notifier, **extra)


SINGLE_PARENT_ROWS = [
    Row("single_mother_moves_in_with_two_children", FUYO + "、" + HITORIOYA + "、児童手当法7条、学校教育法施行令7条",
        household("move_in", D, _mother(child_support=True, allowance=True), person("健", "2018-05-10", "子"),
                  person("葵", "2023-02-01", "子", sex="F", school={"kind": "nursery"}), old=OLD_OTHER_PREFECTURE),
        expect={"juminido_move_in": ("花子", "健", "葵"), "nhi_join": ("花子", "健", "葵"), "pension_address": ("花子",),
                "child_allowance_claim": ("健", "葵"), "child_medical_apply": ("健", "葵"),
                "child_support_move_in": ("花子",), "single_parent_medical_move_in": ("花子", "健", "葵"),
                "school_transfer_in": ("健",), "nursery_move_in": ("葵",)},
        reasons={"child_support_move_in": "児童扶養手当を受給中"}),
    Row("single_father_moves_in_with_his_son", FUYO + "（父子家庭: 4条1項2号）、" + HITORIOYA,
        household("move_in", D, person("太郎", "1985-06-01", child_support=True, allowance=True),
                  person("健", "2018-05-10", "子"), old=OLD_OTHER_PREFECTURE),
        expect={"child_support_move_in": ("太郎",), "single_parent_medical_move_in": ("太郎", "健"),
                "child_allowance_claim": ("健",)}),
    Row("single_mother_not_on_child_support_gets_no_single_parent_procedures", FUYO,
        household("move_in", D, _mother(child_support=False), person("健", "2018-05-10", "子")),
        expect={"child_allowance_claim": ("健",)}, absent=("child_support_move_in", "single_parent_medical_move_in")),
    Row("mother_on_child_support_and_welfare_gets_no_single_parent_medical", HITORIOYA + "、生活保護法15条（医療扶助）",
        household("move_in", D, _mother(child_support=True, insurance="welfare"),
                  person("健", "2018-05-10", "子", insurance="welfare")),
        expect={"child_support_move_in": ("花子",), "welfare_transfer_in": ("花子", "健")},
        absent=("single_parent_medical_move_in", "child_medical_apply")),
    Row("a_couple_with_children_is_not_asked_about_child_support", FUYO + "（婚姻している父母には支給されない）",
        household("move_in", D, person("太郎", "1988-01-01"), _mother(relation="妻"), person("健", "2018-05-10", "子")),
        absent=("child_support_move_in", "single_parent_medical_move_in")),
    Row("an_adult_alone_is_not_asked_about_child_support", FUYO + "（児童を養育する者）",
        household("move_in", D, _mother()), absent=("child_support_move_in", "single_parent_medical_move_in")),
    Row("single_mother_moves_within", FUYO + "、" + HITORIOYA,
        household("move_within", D, _mother(child_support=True, allowance=True), person("健", "2018-05-10", "子")),
        expect={"child_support_move_within": ("花子",), "single_parent_medical_move_within": ("花子", "健"),
                "child_allowance_address": ("健",), "child_medical_address": ("健",), "nhi_address": ("花子", "健")}),
    Row("single_mother_moves_out", FUYO + "（転出先で住所変更届）、" + HITORIOYA + "（転出で資格喪失）",
        household("move_out", D, _mother(child_support=True, allowance=True, seal_registered=False),
                  person("健", "2018-05-10", "子"), new=NEW_OTHER_PREFECTURE),
        expect={"child_support_move_out": ("花子",), "single_parent_medical_move_out": ("花子", "健"),
                "child_allowance_end": ("健",), "child_medical_end": ("健",)}),
    Row("single_mother_marries", "児童扶養手当法4条2項（婚姻で要件を欠く）、" + HITORIOYA + "（婚姻で資格喪失）",
        household("marriage", D, person("一郎", "1990-04-10", family="佐藤", insurance="employee", insured="insured",
                                         child_support=False),
                  _mother(relation="妻", family="鈴木", child_support=True), person("健", "2018-07-07", "子", family="鈴木"),
                  subjects=[0, 1], marriage={"surname_of": 0}),
        expect={"child_support_marriage": ("花子",), "single_parent_medical_marriage": ("花子", "健"),
                "nhi_name_change": ("花子",), "pension_name_change": ("花子",)}),
    Row("unmarried_mother_gives_birth_claims_child_support", "児童扶養手当法4条1項1号ホ（婚姻によらないで生まれた児童）・6条・7条",
        household("birth", D, _mother(child_support=False), person("蓮", D, "子", insurance=None), subjects=[1]),
        expect={"child_support_claim_birth": ("花子",), "birth_registration": ("蓮",)}, absent=("child_support_birth",)),
    Row("mother_on_child_support_gives_birth_revises_the_amount", "児童扶養手当法8条（額の改定）",
        household("birth", D, _mother(child_support=True), person("健", "2018-05-10", "子"),
                  person("蓮", D, "子", insurance=None), subjects=[2]),
        expect={"child_support_birth": ("花子",)}, absent=("child_support_claim_birth",)),
    Row("death_of_a_single_mother_leaves_the_child_with_grandmother",
        "国民年金法37条の2（子が遺族基礎年金を受ける）、児童扶養手当法4条1項（父母のいない児童の養育者）、児童手当法7条",
        _death(_mother(pensioner=False, allowance=True, child_support=True), person("健", "2015-01-01", "子"),
               person("ヨネ", "1958-01-01", "母", sex="F"), notifier=2),
        expect={"survivors_basic_pension": ("花子",), "child_support_death": ("健",),
                "child_allowance_recipient_death": ("健",), "nhi_head_change_death": ("健", "ヨネ")},
        absent=("head_change", "death_lump_sum")),
]

PENSION_ROWS = [
    Row("death_of_a_40_year_old_employee_leaving_wife_and_a_3_year_old",
        "国民年金法37条1号（第2号被保険者の死亡も遺族基礎年金）、厚生年金保険法58条（遺族厚生年金）、国民健康保険法5条・7条、"
        "国民年金法7条（3号→1号）、児童手当法7条・8条3項",
        _death(person("一郎", "1986-04-10", insurance="employee", insured="insured", pensioner=False, allowance=True,
                      seal_registered=False),
               person("花子", "1988-05-05", "妻", sex="F", insurance="employee", insured="dependent"),
               person("健", "2023-07-07", "子", insurance="employee", insured="dependent")),
        expect={"death_registration": ("一郎",), "cremation_permit": ("一郎",), "survivors_basic_pension": ("一郎",),
                "survivors_employee_pension": ("一郎",), "nhi_join_dependants": ("花子", "健"),
                "pension_class_change_survivor": ("花子",), "child_allowance_recipient_death": ("健",),
                "child_medical_guardian_death": ("健",), "child_support_death": ("健",)},
        absent=("head_change", "death_lump_sum", "widow_pension", "nhi_leave", "funeral_allowance_nhi")),
    Row("death_of_a_3go_wife_leaving_a_child", "国民年金法37条1号（第3号被保険者の死亡）・37条の2（子のある夫も対象: 2014年4月から）",
        _death(person("一郎", "1986-04-10", insurance="employee", insured="insured"),
               person("花子", "1988-05-05", "妻", sex="F", insurance="employee", insured="dependent", pensioner=False,
                      seal_registered=False),
               person("健", "2020-07-07", "子", insurance="employee", insured="dependent"), subjects=[1], notifier=0),
        expect={"survivors_basic_pension": ("花子",)},
        absent=("survivors_employee_pension", "nhi_join_dependants", "death_lump_sum")),
    Row("death_of_an_employee_leaving_a_wife_without_children", "厚生年金保険法58条・59条（子のない妻も遺族厚生年金）、国民年金法37条の2",
        _death(person("一郎", "1970-04-10", insurance="employee", insured="insured", pensioner=False, seal_registered=False),
               person("花子", "1972-05-05", "妻", sex="F", insurance="nhi")),
        expect={"survivors_employee_pension": ("一郎",)},
        absent=("survivors_basic_pension", "widow_pension", "death_lump_sum")),
    Row("foreign_student_from_abroad_joins_kokuho_and_pension", "国民年金法7条1項1号・8条、国民健康保険法5条、住民基本台帳法30条の46",
        household("move_in", D, person("MINH", "2004-03-03", family="NGUYEN", insurance="none", nationality="VN",
                                       residence={"card": "AB12345678CD", "status": "留学", "until": "2028-03-31",
                                                  "category": "mid_long"}), old=ABROAD_VN),
        expect={"juminido_move_in_abroad": ("MINH",), "foreign_resident_entries": ("MINH",),
                "residence_card_address": ("MINH",), "nhi_join": ("MINH",), "pension_join_abroad": ("MINH",)},
        absent=("pension_address", "juminido_move_in")),
    Row("foreign_family_moves_abroad_returns_cards_and_hears_of_the_lump_sum",
        "番号利用法17条（国外転出者の継続利用は戸籍の附票に記録される日本国籍の方のみ）、国民年金法附則9条の3の2（脱退一時金）",
        household("move_out", D, person("AN", "1990-01-01", family="NGUYEN", nationality="VN", card=True, seal_registered=False),
                  person("HOA", "1992-01-01", "妻", family="NGUYEN", sex="F", nationality="VN", card=True,
                         seal_registered=False), new={"country": "VN", "address": "ハノイ市2"}),
        expect={"juminido_move_out_abroad": ("AN", "HOA"), "mynumber_card_return_abroad": ("AN", "HOA"),
                "pension_withdrawal_lump_sum_notice": ("AN", "HOA"), "nhi_leave": ("AN", "HOA")},
        absent=("mynumber_abroad", "pension_voluntary_abroad", "mynumber_move_out_notice")),
    Row("japanese_and_foreign_spouse_move_abroad", "番号利用法17条（国外転出者の継続利用は日本国籍の方）、国民年金法附則5条1項3号・附則9条の3の2",
        household("move_out", D, person("大輔", "1985-01-01", card=True, seal_registered=True),
                  person("EMMA", "1987-01-01", "妻", family="MARTIN", sex="F", nationality="FR", card=True,
                         seal_registered=False), new=TO_US),
        expect={"mynumber_abroad": ("大輔",), "mynumber_card_return_abroad": ("EMMA",),
                "pension_voluntary_abroad": ("大輔",), "pension_withdrawal_lump_sum_notice": ("EMMA",),
                "seal_registration_lapse": ("大輔",)}),
    Row("japanese_60_year_old_moving_abroad_hears_of_voluntary_pension", "国民年金法附則5条1項3号（日本国籍の国外居住者 20〜64歳の任意加入）",
        household("move_out", D, person("太郎", "1965-01-01", card=False, seal_registered=False), new=TO_US),
        expect={"pension_voluntary_abroad": ("太郎",)}, absent=("pension_withdrawal_lump_sum_notice",)),
    Row("death_at_63_of_a_self_employed_man_before_his_pension", "国民年金法49条（寡婦年金: 60〜64歳で死亡しても第1号の納付済期間10年以上の夫）・"
        "52条の2（死亡一時金: 第1号の納付済期間36月以上）・52条の6（どちらか一方）",
        _death(person("一郎", "1963-05-01", pensioner=False, seal_registered=False),
               person("花子", "1966-05-05", "妻", sex="F")),
        expect={"widow_pension": ("一郎",), "death_lump_sum": ("一郎",), "nhi_leave": ("一郎",)},
        absent=("survivors_basic_pension", "pension_death")),
    Row("death_at_63_of_a_pensioner_gives_no_widow_pension", "国民年金法49条（老齢基礎年金を受けた夫の死亡は対象外）・52条の2",
        _death(person("一郎", "1963-05-01", pensioner=True, seal_registered=False),
               person("花子", "1966-05-05", "妻", sex="F")),
        expect={"pension_death": ("一郎",)}, absent=("widow_pension", "death_lump_sum")),
    Row("death_of_a_pensioner_father_of_a_15_year_old", "国民年金法37条4号（老齢基礎年金の受給資格期間25年以上の方の死亡）・37条の2（子のある配偶者）",
        _death(person("一郎", "1958-04-10", pensioner=True, seal_registered=False),
               person("花子", "1975-05-05", "妻", sex="F"), person("健", "2011-07-07", "子")),
        expect={"survivors_basic_pension": ("一郎",), "pension_death": ("一郎",)},
        absent=("death_lump_sum", "widow_pension")),
]

OTHER_ROWS = [
    Row("age64_kokuho_with_a_2go_care_certification_moves_out_of_the_prefecture",
        "介護保険法36条・同法施行規則（受給資格証明書）、介護保険法9条2号（40〜64歳は第2号: 65歳の資格喪失届はない）",
        household("move_out", D, person("太郎", "1962-06-01", care=True, seal_registered=True, card=True),
                  new=NEW_OTHER_PREFECTURE),
        expect={"juminido_move_out": ("太郎",), "nhi_leave": ("太郎",), "care_certificate_issue": ("太郎",),
                "seal_registration_lapse": ("太郎",), "mynumber_move_out_notice": ("太郎",)},
        absent=("care_leave", "pension_voluntary_abroad")),
    Row("marriage_the_employee_insured_wife_becomes_a_dependant", "国民年金法7条1項3号（第3号の届出は配偶者の勤務先経由）、国民健康保険法6条",
        household("marriage", D, person("一郎", "1994-04-10", family="佐藤", insurance="employee", insured="insured", card=True),
                  person("花子", "1996-05-05", "妻", family="鈴木", sex="F", insurance="employee", insured="insured",
                         card=True, seal_registered=False), subjects=[0, 1], marriage={"surname_of": 0}),
        expect={"marriage_registration": ("一郎", "花子"), "mynumber_card_update_marriage": ("花子",)},
        absent=("nhi_name_change", "pension_name_change", "seal_reregistration_marriage")),
    Row("twins_born_to_a_foreign_mother_and_a_japanese_father", "国籍法2条1号（父が日本国民の子は日本国籍）、戸籍法49条、国民健康保険法58条",
        household("birth", D, person("一郎", "1990-04-10"), person("LAN", "1993-05-05", "妻", family="TRAN", sex="F", nationality="VN"),
                  person("蓮", D, "子", insurance=None), person("葵", D, "子", sex="F", insurance=None), subjects=[2, 3]),
        expect={"birth_registration": ("蓮", "葵"), "nhi_join_birth": ("蓮", "葵"), "maternity_lump_sum": ("LAN",),
                "pension_maternity_exemption": ("LAN",), "child_allowance_birth": ("蓮", "葵")},
        absent=("residence_status_newborn", "birth_acceptance_certificate", "foreign_resident_entries")),
    Row("twins_born_to_an_unmarried_foreign_mother", "入管法22条の2（子ごとに30日以内）、住民基本台帳法30条の45、児童扶養手当法4条",
        household("birth", D, person("LAN", "1993-05-05", family="TRAN", sex="F", nationality="VN"),
                  person("AN", D, "子", family="TRAN", insurance=None, nationality="VN"),
                  person("BINH", D, "子", family="TRAN", sex="F", insurance=None, nationality="VN"), subjects=[1, 2]),
        expect={"residence_status_newborn": ("AN", "BINH"), "birth_acceptance_certificate": ("AN", "BINH"),
                "foreign_resident_entries": ("AN", "BINH"), "birth_registration": ("AN", "BINH")},
        undecided=("child_support_claim_birth",)),
    Row("turns_20_nine_days_after_moving_in", "国民年金法8条1号（20歳に達した日に資格取得）・12条（14日以内）",
        household("move_in", D, person("花子", "2006-11-28", sex="F")), visit="2026-12-01",
        expect={"pension_join_20": ("花子",), "nhi_join": ("花子",)}, absent=("pension_address",)),
    Row("age75_moves_within_the_city", "高齢者医療確保法施行規則（住所の変更）、介護保険法12条、番号利用法17条4項",
        household("move_within", D, person("太郎", "1950-01-01", insurance="late_elderly", card=True)),
        expect={"late_elderly_address": ("太郎",), "care_address": ("太郎",), "mynumber_card_update": ("太郎",)},
        absent=("nhi_address", "late_elderly_join")),
    Row("physical_handbook_holder_moves_in_from_another_prefecture", "身体障害者福祉法施行令11条（居住地の変更）",
        household("move_in", D, person("太郎", "1976-01-01", disability={"kind": "physical", "grade": "3級"}),
                  old=OLD_OTHER_PREFECTURE),
        expect={"disability_address_move_in": ("太郎",), "nhi_join": ("太郎",), "pension_address": ("太郎",)}),
    Row("grandmother_on_welfare_moves_within_with_her_grandson", "生活保護法61条、児童手当法（生活保護でも支給）、介護保険法9条1号",
        household("move_within", D, person("花子", "1960-01-01", sex="F", insurance="welfare", card=True, child_support=False),
                  person("健", "2014-01-01", "孫", insurance="welfare")),
        expect={"welfare_address": ("花子", "健"), "care_address": ("花子",), "child_allowance_address": ("健",),
                "school_transfer_within": ("健",), "mynumber_card_update": ("花子",)},
        absent=("child_medical_address", "nhi_address", "child_support_move_within")),
    Row("death_of_a_dog_owner_with_a_registered_seal", "印鑑条例（住民票の消除による登録の抹消）、狂犬病予防法4条4項・同法施行規則6条",
        _death(person("一郎", "1950-03-01", insurance="late_elderly", pensioner=True, seal_registered=True, card=True),
               person("花子", "1952-05-05", "妻", sex="F", insurance="late_elderly"), extras=DOG),
        expect={"death_registration": ("一郎",), "dog_owner_death": (), "pension_death": ("一郎",),
                "late_elderly_leave": ("一郎",), "funeral_allowance_late_elderly": ("一郎",), "care_leave": ("一郎",)}),
    Row("death_of_a_man_on_welfare", "生活保護法18条（葬祭扶助は葬儀の前に）・26条（保護の廃止）・61条",
        _death(person("一郎", "1955-03-01", insurance="welfare", pensioner=False, seal_registered=False),
               person("花子", "1957-05-05", "妻", sex="F", insurance="welfare")),
        expect={"welfare_death": ("一郎",), "care_leave": ("一郎",)},
        absent=("nhi_leave", "funeral_allowance_nhi", "nhi_head_change_death", "late_elderly_leave")),
    Row("birth_in_a_household_on_welfare", "生活保護法61条・16条（出産扶助）・15条（医療扶助: 子ども医療費助成は対象外）、児童手当法（生活保護でも支給）",
        household("birth", D, person("一郎", "1990-04-10", insurance="welfare"),
                  person("花子", "1992-05-05", "妻", sex="F", insurance="welfare"),
                  person("蓮", D, "子", insurance=None), subjects=[2]),
        expect={"welfare_birth": ("蓮",), "birth_registration": ("蓮",), "child_allowance_birth": ("蓮",)},
        absent=("child_medical_birth", "nhi_join_birth", "maternity_lump_sum")),
    Row("daughter_living_with_her_parents_gives_birth", "国民健康保険法58条1項（被保険者の出産: 出産したのは世帯主の娘）、国民年金法88条の2",
        household("birth", D, person("太郎", "1965-01-01"), person("良子", "1967-01-01", "妻", sex="F"),
                  person("花子", "2000-05-05", "子", sex="F"), person("蓮", D, "孫", insurance=None), subjects=[3]),
        expect={"maternity_lump_sum_grandchild": ("花子",), "pension_maternity_exemption_grandchild": ("花子",),
                "birth_registration": ("蓮",), "nhi_join_birth": ("蓮",)},
        absent=("maternity_lump_sum", "pension_maternity_exemption")),
    Row("death_of_a_five_year_old_in_nursery", "児童手当法9条・26条（支給要件児童の減少）、市の子ども医療費助成条例、児童福祉法24条",
        household("death", D, person("太郎", "1985-01-01", allowance=True), person("良子", "1987-01-01", "妻", sex="F"),
                  person("健", "2021-05-05", "子", school={"kind": "nursery"}), person("葵", "2018-01-01", "子", sex="F"),
                  subjects=[2], notifier=0),
        expect={"death_registration": ("健",), "child_allowance_child_death": ("健",), "child_medical_child_death": ("健",),
                "nursery_child_death": ("健",), "nhi_leave": ("健",), "funeral_allowance_nhi": ("健",)},
        absent=("child_allowance_recipient_death", "head_change",
                "child_medical_guardian_death", "child_support_death")),
    Row("handbook_holder_moves_out", "身体障害者福祉法施行令11条（転出先で居住地変更）、障害者総合支援法19条（支給決定は居住地の市町村）",
        household("move_out", D, person("太郎", "1970-01-01", seal_registered=False,
                                        disability={"kind": "physical", "grade": "1級"}), new=NEW_OTHER_PREFECTURE),
        expect={"disability_move_out_notice": ("太郎",), "juminido_move_out": ("太郎",), "nhi_leave": ("太郎",)}),
    Row("age58_with_a_2go_care_certification_moves_within", "介護保険法9条2号・12条（認定を受けた第2号被保険者は被保険者証を持つ: 住所の変更の届出）",
        household("move_within", D, person("太郎", "1968-01-01", care=True)),
        expect={"care_address_2go": ("太郎",), "nhi_address": ("太郎",)}, absent=("care_address",)),
    Row("age58_without_a_care_certification_has_no_care_card_to_change", "介護保険法9条2号（第2号の被保険者証は認定を受けた方に交付）",
        household("move_within", D, person("太郎", "1968-01-01", care=False)), absent=("care_address", "care_address_2go")),
    Row("marriage_of_a_2go_certified_woman_changes_her_care_card", "介護保険法12条・同法施行規則（氏名の変更）",
        household("marriage", D, person("一郎", "1970-04-10", family="佐藤"),
                  person("花子", "1972-05-05", "妻", sex="F", family="鈴木", care=True, seal_registered=False),
                  subjects=[0, 1], marriage={"surname_of": 0}),
        expect={"care_name_change_2go": ("花子",), "nhi_name_change": ("花子",)}, absent=("care_name_change",)),
]

ROWS = SINGLE_PARENT_ROWS + PENSION_ROWS + OTHER_ROWS


def test_every_row_is_named_once_and_names_its_basis() -> None:
    assert len({row.case for row in ROWS}) == len(ROWS) >= 12
    assert all(row.basis.strip() for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_row(row: Row, catalog: Catalog) -> None:
    check_row(row, catalog)


def test_joining_the_pension_tells_a_student_of_the_student_deferment(catalog: Catalog) -> None:
    # Given a foreign student joining 国民年金 from abroad, and a 20-year-old joining after moving in
    notes = {p.id: p.definition.note or "" for p in catalog.procedures}
    # Then the clerk is reminded of 学生納付特例 (the catalog has no fact for being a student yet)
    assert "学生納付特例" in notes["pension_join_abroad"] and "学生納付特例" in notes["pension_join_20"]


_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2"
_FIXTURE_PLANS = {
    # a single mother on 児童扶養手当 moves in with a pupil and a nursery child from 仙台
    "single_mother_move_in": {"child_support_move_in": [0], "single_parent_medical_move_in": [0, 1, 2],
                              "child_allowance_claim": [1, 2], "school_transfer_in": [1], "nursery_move_in": [2],
                              "mynumber_continue": [0]},
    # a 40-year-old employee dies leaving his dependent wife and their 3-year-old
    "death_of_employee": {"survivors_basic_pension": [0], "survivors_employee_pension": [0],
                          "nhi_join_dependants": [1, 2], "pension_class_change_survivor": [1],
                          "child_allowance_recipient_death": [2]},
    # a Vietnamese couple leaves Japan: their cards lapse and they can claim the 脱退一時金
    "foreign_family_move_out_abroad": {"mynumber_card_return_abroad": [0, 1], "pension_withdrawal_lump_sum_notice": [0, 1],
                                       "nhi_leave": [0, 1], "juminido_move_out_abroad": [0, 1]},
}


@pytest.mark.parametrize("name", sorted(_FIXTURE_PLANS))
def test_the_audit_fixtures_plan_as_the_clerk_did(name: str, catalog: Catalog) -> None:
    doc = json.loads((_FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    the_plan = plan_row(Row(name, "audit fixture", doc), catalog)
    planned: dict[str, list[int]] = {}
    for item in the_plan.items:
        planned.setdefault(item.id, []).extend(item.subjects)
    for procedure_id, whom in _FIXTURE_PLANS[name].items():
        assert sorted(planned.get(procedure_id, [-1])) == whom, (name, procedure_id, planned.get(procedure_id))
    assert "mynumber_abroad" not in planned and "pension_voluntary_abroad" not in planned


def test_a_child_s_death_asks_nothing_only_an_adult_can_have(catalog: Catalog) -> None:
    # Given a five-year-old who died (児童手当 is received by the parent, never by the child)
    row = next(row for row in ROWS if row.case == "death_of_a_five_year_old_in_nursery")
    undecided = {u.procedure.id for u in plan_row(row, catalog).undecided}
    # Then the clerk is not made to ask the parents whether the child received 児童手当
    assert "child_allowance_recipient_death" not in undecided, undecided


@pytest.mark.parametrize(("registered", "told"), [(True, True), (False, False), (None, False)])
def test_a_registered_seal_is_returned_with_the_death_registration(registered: bool | None, told: bool,
                                                                    catalog: Catalog) -> None:
    # Given a death where the deceased had (or had not, or nobody said) a registered seal
    extra = {} if registered is None else {"seal_registered": registered}
    row = Row("seal", "印鑑条例（住民票の消除による登録の抹消）",
              _death(person("一郎", "1950-03-01", insurance="late_elderly", pensioner=True, **extra),  # type: ignore[arg-type]
                     person("花子", "1952-05-05", "妻", sex="F", insurance="late_elderly")))
    the_plan = plan_row(row, catalog)
    death = next(item for item in the_plan.items if item.id == "death_registration")
    # Then the 死亡届 asks for the 印鑑登録証 back only when the seal is known to be registered, and no
    # question is added to every death (the registration lapses by itself)
    assert any("印鑑登録証" in text for text in death.bring) is told
    assert "seal_registered" not in " ".join(p for u in the_plan.undecided for p in u.needs)
