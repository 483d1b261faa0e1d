"""The procedure table for moves and the ages every event shares: each row a household a careful
clerk planned by hand, with the basis of its answer (``procedure_table.Row``).

The move date is 2026-04-01 unless a row says otherwise. Ages follow 年齢計算ニ関スル法律: one
reaches N on the day before the N-th birthday, so "birthday tomorrow" is already N today; only
後期高齢者医療 starts on the 75th birthday itself."""

from __future__ import annotations

import pytest

from kakanai.domain.catalog import Catalog
from tests.domain.procedure_table import (
    NEW_OTHER_PREFECTURE,
    OLD_OTHER_PREFECTURE,
    Row,
    check_row,
    household,
    person,
)

D = "2026-04-01"
ABROAD = {"country": "VN", "address": "ハノイ市ホアンキエム区1"}
OUTSIDER = {"family": "佐藤", "given": "一郎", "family_kana": "サトウ", "given_kana": "イチロウ", "relation": "知人"}
NENKIN = "国民年金法7条1項1号（20〜59歳の住民で2号・3号でない方は第1号）・8条（20歳に達した日に資格取得）・9条（60歳で喪失）"
KOKI = "高齢者医療確保法50条・52条（75歳の誕生日に資格取得）"
KAIGO = "介護保険法9条1号・10条（65歳に達した日に第1号被保険者）"
JIDO = "児童手当法3条（18歳到達後最初の3月31日までの児童）・7条"
HEAD = "住民基本台帳法25条（世帯主変更）、住民基本台帳事務処理要領（残る15歳以上が1人なら届出不要）"


def one(birth: str, **extra: object) -> dict[str, object]:
    """A one-person household moving in from 札幌 (same prefecture) on D."""
    return household("move_in", D, person("太郎", birth, **extra))  # type: ignore[arg-type]


ROWS = [
    # -- 20: 国民年金 第1号 from the day before the 20th birthday --------------------------------
    Row("age20_day_before_reaching", NENKIN, one("2006-04-03"), absent=("pension_address", "pension_join_20")),
    Row("age20_reached_today_birthday_tomorrow", NENKIN, one("2006-04-02"), expect={"pension_address": ("太郎",)},
        reasons={"pension_address": "国民年金の第1号被保険者、20歳"}),
    Row("age20_birthday_today", NENKIN, one("2006-04-01"), expect={"pension_address": ("太郎",)}),
    Row("age20_turned_20_after_moving_in_before_the_visit", NENKIN + "・12条（14日以内の届出）",
        household("move_in", "2026-11-26", person("花子", "2006-11-30", sex="F")), visit="2026-12-01",
        expect={"pension_join_20": ("花子",)}, absent=("pension_address",),
        reasons={"pension_join_20": "20歳の誕生日（令和8年11月30日）を迎えて20歳"}),
    Row("age20_not_yet_on_the_visit_day", NENKIN,
        household("move_in", "2026-11-26", person("花子", "2006-11-30", sex="F")), visit="2026-11-28",
        absent=("pension_join_20", "pension_address")),
    Row("age20_employee_insured_worker_is_2go", "国民年金法7条1項2号（被用者年金の被保険者は第2号）",
        household("move_in", "2026-11-26", person("花子", "2006-11-30", sex="F", insurance="employee",
                                                   insured="insured")),
        visit="2026-12-01", absent=("pension_join_20", "pension_address", "nhi_join")),
    # -- 60: 第1号 ends on the day before the 60th birthday -----------------------------------------
    Row("age60_day_before_reaching", NENKIN, one("1966-04-03"), expect={"pension_address": ("太郎",)}),
    Row("age60_reached_today", NENKIN, one("1966-04-02"), absent=("pension_address",)),
    Row("age60_birthday_today", NENKIN, one("1966-04-01"), absent=("pension_address",)),
    # -- 第1号 is everyone 20–59 who is not 2号 or 3号 --------------------------------------------
    Row("student_21_on_a_parents_employee_insurance_is_1go", NENKIN + "・7条1項3号（第3号は2号の被扶養配偶者だけ）",
        household("move_in", D, person("太郎", "1975-06-01", insurance="employee", insured="insured"),
                  person("花子", "1977-06-01", "妻", sex="F", insurance="employee", insured="dependent"),
                  person("一郎", "2004-06-01", "子", insurance="employee", insured="dependent")),
        expect={"pension_address": ("一郎",)}, absent=("nhi_join",),
        reasons={"pension_address": "山田　一郎: 国民年金の第1号被保険者、21歳"}),
    Row("employee_insurance_without_insured_or_dependent_is_asked", NENKIN,
        one("1990-06-01", insurance="employee"), undecided=("pension_address",)),
    Row("pension_class_as_told_wins", "国民年金法7条（種別は本人の届出・勤務先の届出による）",
        one("1990-06-01", insurance="none", pension_class=2), absent=("pension_address",),
        expect={"nhi_join": ("太郎",)}),
    # -- 65: 介護保険 第1号 -----------------------------------------------------------------------
    Row("age65_day_before_reaching", KAIGO, one("1961-04-03"), absent=("care_join",)),
    Row("age65_reached_today", KAIGO, one("1961-04-02"), expect={"care_join": ("太郎",)}),
    Row("age65_birthday_today", KAIGO, one("1961-04-01"), expect={"care_join": ("太郎",)}),
    Row("age65_on_welfare_is_still_kaigo_1go", KAIGO + "（生活保護の65歳以上も第1号）",
        one("1958-01-01", insurance="welfare"), expect={"care_join": ("太郎",), "welfare_transfer_in": ("太郎",)},
        absent=("nhi_join",)),
    # -- 75: 後期高齢者医療 from the birthday itself ------------------------------------------------
    Row("age75_birthday_tomorrow_joins_kokuho_now", KOKI + "、国民健康保険法6条（75歳の誕生日の前日まで国保）",
        household("move_in", "2026-12-01", person("太郎", "1951-12-02"), old=OLD_OTHER_PREFECTURE),
        expect={"nhi_join": ("太郎",), "late_elderly_turns_75": ("太郎",)},
        absent=("late_elderly_join", "late_elderly_move_in_same_prefecture"),
        reasons={"late_elderly_turns_75": "75歳の誕生日（令和8年12月2日）から後期高齢者医療",
                 "nhi_join": "国民健康保険に加入中、74歳"}),
    Row("age75_birthday_today", KOKI, household("move_in", D, person("太郎", "1951-04-01"), old=OLD_OTHER_PREFECTURE),
        expect={"late_elderly_join": ("太郎",)}, absent=("nhi_join", "late_elderly_turns_75")),
    Row("age75_birthday_yesterday", KOKI,
        household("move_in", D, person("太郎", "1951-03-31", insurance="late_elderly"), old=OLD_OTHER_PREFECTURE),
        expect={"late_elderly_join": ("太郎",)}, absent=("nhi_join",), reasons={"late_elderly_join": "他の都道府県からの転入"}),
    Row("age75_within_the_same_prefecture_is_an_address_change", "高齢者医療確保法52条・55条（同一広域連合内は資格継続）",
        one("1948-05-05", insurance="late_elderly"), expect={"late_elderly_move_in_same_prefecture": ("太郎",)},
        absent=("late_elderly_join",)),
    Row("age68_disability_certified_from_another_prefecture", "高齢者医療確保法50条2号（65〜74歳の障害認定）",
        household("move_in", D, person("太郎", "1958-01-01", insurance="late_elderly"), old=OLD_OTHER_PREFECTURE),
        expect={"late_elderly_join": ("太郎",), "late_elderly_disability_proof": ("太郎",)}, absent=("nhi_join",)),
    Row("age68_disability_certified_within_the_prefecture", "高齢者医療確保法52条・55条",
        one("1958-01-01", insurance="late_elderly"), expect={"late_elderly_move_in_same_prefecture": ("太郎",)},
        absent=("late_elderly_disability_proof", "late_elderly_join")),
    Row("age80_on_welfare_gets_no_kouki", "高齢者医療確保法51条1号（生活保護の方は適用除外）",
        one("1946-01-01", insurance="welfare"), expect={"welfare_transfer_in": ("太郎",), "care_join": ("太郎",)},
        absent=("late_elderly_join", "late_elderly_move_in_same_prefecture", "nhi_join")),
    Row("age80_from_abroad", KOKI, household("move_in", D, person("太郎", "1946-01-01", insurance="none"), old=ABROAD),
        expect={"late_elderly_join_abroad": ("太郎",), "juminido_move_in_abroad": ("太郎",)},
        absent=("late_elderly_join", "juminido_move_in")),
    # -- 後期 on a 転出 -----------------------------------------------------------------------------
    Row("kouki_moves_out_of_the_prefecture", "高齢者医療確保法53条、同法施行規則（負担区分等証明書）",
        household("move_out", D, person("太郎", "1945-01-01", insurance="late_elderly"), new=NEW_OTHER_PREFECTURE),
        expect={"late_elderly_leave": ("太郎",), "late_elderly_certificate_out": ("太郎",)},
        absent=("late_elderly_address_out",)),
    Row("kouki_moves_out_within_the_prefecture", "高齢者医療確保法52条・55条（同一広域連合内は資格継続）",
        household("move_out", D, person("太郎", "1945-01-01", insurance="late_elderly")),
        expect={"late_elderly_address_out": ("太郎",)}, absent=("late_elderly_leave", "late_elderly_certificate_out")),
    # -- 児童手当: to the 31 March after 18 (grade 12) ----------------------------------------------
    Row("grade12_last_day_31_march", JIDO,
        household("move_in", "2026-03-31", person("太郎", "1980-01-01"), person("一郎", "2007-04-02", "子")),
        expect={"child_allowance_claim": ("一郎",), "child_medical_apply": ("一郎",)}),
    Row("grade12_over_on_1_april", JIDO,
        household("move_in", D, person("太郎", "1980-01-01"), person("一郎", "2007-04-02", "子")),
        absent=("child_allowance_claim", "child_medical_apply")),
    Row("born_1_april_is_a_grade_above", JIDO + "、学校教育法17条（4月1日生まれは早生まれ）",
        household("move_in", D, person("太郎", "1980-01-01"), person("一郎", "2008-04-01", "子")),
        absent=("child_allowance_claim",)),
    Row("born_2_april_is_grade_12", JIDO,
        household("move_in", D, person("太郎", "1980-01-01"), person("一郎", "2008-04-02", "子")),
        expect={"child_allowance_claim": ("一郎",)}, reasons={"child_allowance_claim": "高校3年生相当"}),
    Row("preschooler_reads_as_preschool_with_age", JIDO,
        household("move_in", D, person("太郎", "1990-01-01"), person("一郎", "2020-06-01", "子")),
        expect={"child_allowance_claim": ("一郎",)}, reasons={"child_allowance_claim": "未就学（5歳）"}),
    # -- 生活保護 ----------------------------------------------------------------------------------
    Row("children_on_welfare_get_no_child_medical", "生活保護法15条（医療扶助）、市の子ども医療費助成条例（生活保護受給者を除く）",
        household("move_in", D, person("花子", "1990-01-01", sex="F", insurance="welfare"),
                  person("一郎", "2018-06-01", "子", insurance="welfare")),
        expect={"welfare_transfer_in": ("花子", "一郎"), "child_allowance_claim": ("一郎",)},
        absent=("child_medical_apply", "nhi_join")),
    Row("welfare_moves_within_the_city", "生活保護法61条（居住地の変更の届出）",
        household("move_within", D, person("花子", "1990-01-01", sex="F", insurance="welfare")),
        expect={"welfare_address": ("花子",)}, absent=("nhi_address",)),
    # -- 世帯主変更: two or more aged 15+ remain ------------------------------------------------
    Row("head_moves_out_child_reaches_15_today", HEAD,
        household("move_out", D, person("太郎", "1980-01-01"), person("花子", "1982-01-01", "妻", sex="F"),
                  person("一郎", "2011-04-02", "子"), subjects=[0]),
        expect={"head_change": (), "juminido_move_out": ("太郎",)}),
    Row("head_moves_out_child_14_the_day_before", HEAD,
        household("move_out", D, person("太郎", "1980-01-01"), person("花子", "1982-01-01", "妻", sex="F"),
                  person("一郎", "2011-04-03", "子"), subjects=[0]),
        absent=("head_change",)),
    Row("head_moves_out_child_15_since_yesterday", HEAD,
        household("move_out", D, person("太郎", "1980-01-01"), person("花子", "1982-01-01", "妻", sex="F"),
                  person("一郎", "2011-04-01", "子"), subjects=[0]),
        expect={"head_change": ()}, reasons={"head_change": "残る15歳以上の世帯員 2人"}),
    Row("spouse_left_with_children_under_15_needs_no_head_change", HEAD,
        household("move_out", D, person("太郎", "1980-01-01"), person("花子", "1982-01-01", "妻", sex="F"),
                  person("一郎", "2016-01-01", "子"), person("二郎", "2018-01-01", "子"), subjects=[0]),
        absent=("head_change",)),
    Row("head_leaves_within_the_city_adults_remain", HEAD,
        household("move_within", D, person("太郎", "1950-01-01"), person("花子", "1952-01-01", "妻", sex="F"),
                  person("一郎", "1980-01-01", "子"), subjects=[0]),
        expect={"head_change": (), "juminido_move_within": ("太郎",)}),
    Row("head_moves_within_alone_only_his_insurance_changes_address", HEAD + "、国民健康保険法9条（異動した方の届出）",
        household("move_within", D, person("太郎", "1960-01-01", card=True), person("花子", "1962-01-01", "妻", sex="F", card=True),
                  person("一郎", "1990-01-01", "子"), person("ヨネ", "1940-01-01", "母", sex="F", insurance="late_elderly"),
                  subjects=[0]),
        expect={"juminido_move_within": ("太郎",), "nhi_address": ("太郎",), "mynumber_card_update": ("太郎",),
                "care_address": ("太郎",), "head_change": ()},
        absent=("late_elderly_address",)),
    Row("whole_family_moves_out_no_head_change", "住民基本台帳法24条（世帯全員の転出）",
        household("move_out", D, person("太郎", "1980-01-01"), person("花子", "1982-01-01", "妻", sex="F"),
                  person("一郎", "2000-01-01", "子")),
        absent=("head_change",)),
    Row("head_dies_wife_and_adult_son_remain", HEAD,
        household("death", D, person("太郎", "1950-01-01"), person("花子", "1952-01-01", "妻", sex="F"),
                  person("一郎", "1980-01-01", "子"), subjects=[0], notifier=1),
        expect={"head_change": ()}),
    Row("head_dies_wife_and_children_under_15_remain", HEAD,
        household("death", D, person("太郎", "1985-01-01"), person("花子", "1987-01-01", "妻", sex="F"),
                  person("一郎", "2015-01-01", "子"), person("二郎", "2017-01-01", "子"), subjects=[0], notifier=1),
        absent=("head_change",)),
    # -- foreign residents: the 在留カード only from them ---------------------------------------
    Row("japanese_moves_within_no_residence_card", "入管法19条の9（在留カードの住居地は外国人住民だけ）",
        household("move_within", D, person("太郎", "1990-01-01")),
        expect={"juminido_move_within": ("太郎",)}, absent=("residence_card_address", "foreign_resident_entries")),
    Row("foreign_resident_moves_within_card_gets_new_address", "入管法19条の9、住民基本台帳法30条の46〜48",
        household("move_within", D, person("アン", "1995-01-01", family="グエン", nationality="VN")),
        expect={"residence_card_address": ("アン",), "foreign_resident_entries": ("アン",)}),
    Row("foreign_couple_from_abroad_join_pension", "国民年金法7条・8条、住民基本台帳法30条の46",
        household("move_in", D, person("アン", "1995-01-01", family="グエン", nationality="VN", insurance="none"),
                  person("ラン", "1996-01-01", "妻", family="グエン", sex="F", nationality="VN", insurance="none"),
                  old=ABROAD),
        expect={"pension_join_abroad": ("アン", "ラン"), "residence_card_address": ("アン", "ラン"),
                "nhi_join": ("アン", "ラン")},
        absent=("pension_address", "juminido_move_in")),
    # -- 転出: the seal registration lapses --------------------------------------------------------
    Row("seal_registration_lapses_on_move_out", "印鑑条例（転出による登録の抹消）",
        household("move_out", D, person("太郎", "1980-01-01", seal_registered=True),
                  person("一郎", "2016-01-01", "子")),
        expect={"seal_registration_lapse": ("太郎",)}),
    Row("seal_registration_unknown_is_asked", "印鑑条例（転出による登録の抹消）",
        household("move_out", D, person("太郎", "1980-01-01")), undecided=("seal_registration_lapse",)),
    # -- what the resident is told on a 転出 (the new city does the rest) ---------------------------
    Row("move_out_card_dog_and_pupil_told_what_the_new_city_needs", "番号利用法17条、狂犬病予防法4条4項、学校教育法施行令13条",
        household("move_out", D, person("太郎", "1985-01-01", card=True), person("一郎", "2016-06-01", "子"),
                  extras={"dogs": 1, "mopeds": 0, "seal_registration": []}),
        expect={"mynumber_move_out_notice": ("太郎",), "school_transfer_out": ("一郎",), "dog_registration_move_out": ()}),
    Row("family_moves_abroad", "住民基本台帳法24条（国外転出: 転出証明書なし）、国民年金法附則5条、番号利用法17条（国外転出者のカード利用）",
        household("move_out", D, person("太郎", "1985-01-01", card=True, seal_registered=False),
                  person("花子", "1987-01-01", "妻", sex="F", card=True, seal_registered=False),
                  person("一郎", "2016-06-01", "子"),
                  person("キヨ", "1946-01-01", "母", sex="F", insurance="late_elderly", care=True, seal_registered=False),
                  new={"country": "US", "address": "ニューヨーク州ニューヨーク市5番街1"}),
        expect={"juminido_move_out_abroad": ("太郎", "花子", "一郎", "キヨ"), "mynumber_abroad": ("太郎", "花子"),
                "nhi_leave": ("太郎", "花子", "一郎"), "pension_voluntary_abroad": ("太郎", "花子"),
                "late_elderly_leave": ("キヨ",), "care_leave": ("キヨ",)},
        absent=("juminido_move_out", "mynumber_move_out_notice", "late_elderly_certificate_out",
                "late_elderly_address_out", "care_certificate_issue")),
    Row("nursery_child_moves_in_out_and_within", "子ども・子育て支援法19条・20条、児童福祉法24条",
        household("move_in", D, person("太郎", "1990-01-01"),
                  person("一郎", "2022-06-01", "子", school={"kind": "nursery", "name": "札幌ひまわり保育園"})),
        expect={"nursery_move_in": ("一郎",)}),
    Row("kindergarten_child_gets_no_nursery_procedure", "児童福祉法24条（保育所は保育の必要な子）",
        household("move_in", D, person("太郎", "1990-01-01"),
                  person("一郎", "2021-06-01", "子", school={"kind": "kindergarten"})),
        absent=("nursery_move_in",)),
    Row("disability_card_follows_the_move", "身体障害者福祉法施行令9条・11条",
        household("move_within", D, person("太郎", "1970-01-01", disability={"kind": "physical", "grade": "2級"}),
                  person("花子", "1972-01-01", "妻", sex="F")),
        expect={"disability_address_move_within": ("太郎",)}),
    # -- 代理人 ------------------------------------------------------------------------------------
    Row("agent_brings_a_letter_of_attorney", "住民基本台帳法27条・同法施行令26条（代理人の届出）",
        household("move_in", D, person("太郎", "1990-01-01"), notifier=OUTSIDER | {"agent": True, "address": "札幌市"}),
        expect={"agent_letter": ()}),
    Row("a_member_files_no_letter", "住民基本台帳法26条（世帯主・世帯員の届出）",
        household("move_in", D, person("太郎", "1990-01-01")), absent=("agent_letter",)),
    # -- deadlines on the visit day ----------------------------------------------------------------
    Row("move_in_filed_8_months_late", "住民基本台帳法22条（14日以内）・52条（過料）、番号利用法施行令（転入届の日から90日）",
        household("move_in", D, person("太郎", "1990-01-01", card=True)), visit="2026-12-01",
        late=("juminido_move_in", "nhi_join"), on_time=("mynumber_continue",)),
    Row("move_out_filed_after_moving_late", "住民基本台帳法24条（転出届: 転出の日から14日以内）",
        household("move_out", D, person("太郎", "1990-01-01", seal_registered=False)), visit="2026-05-01",
        late=("juminido_move_out",)),
    Row("move_out_filed_before_the_move", "住民基本台帳法24条（転出届: 転出予定日の14日前から）",
        household("move_out", D, person("太郎", "1990-01-01", seal_registered=False)), visit="2026-03-25",
        on_time=("juminido_move_out",)),
    Row("move_in_filed_in_time", "住民基本台帳法22条（14日以内）",
        household("move_in", D, person("太郎", "1990-01-01")), visit="2026-04-15", on_time=("juminido_move_in",)),
]


def test_the_table_is_big_enough_and_every_row_names_its_basis() -> None:
    assert len(ROWS) >= 40
    assert len({row.case for row in ROWS}) == len(ROWS)
    assert all(row.basis.strip() for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_row(row: Row, catalog: Catalog) -> None:
    check_row(row, catalog)
