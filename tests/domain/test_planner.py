"""Scenario tests: each life event's household gets exactly the procedures it needs, and why."""

from __future__ import annotations

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import from_document
from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.domain.planner import Plan, member_name, plan
from tests.conftest import household_doc


def _plan_doc(doc: dict, catalog: Catalog) -> Plan:
    return plan(from_document(household_to_document(parse_household(doc).household)), catalog)


def _plan_for(name: str, catalog: Catalog, **changes: object) -> Plan:
    doc = household_doc(name)
    doc.update(changes)
    return _plan_doc(doc, catalog)


def _who(the_plan: Plan) -> list[tuple[str, tuple[int, ...]]]:
    return [(item.id, item.subjects) for item in the_plan.items]


def _reasons(the_plan: Plan, procedure_id: str) -> str:
    return " / ".join(r for item in the_plan.items if item.id == procedure_id for r in item.reasons)


def test_a_family_of_four_moves_in_from_another_prefecture(catalog: Catalog) -> None:
    # Given a family of four moving in: parents on 国保 with My Number cards, a high-school son,
    # a 75-year-old grandmother with a care certification, and a dog; the father registers a seal
    # When the clerk plans the visit
    the_plan = _plan_for("family_move_in", catalog)
    # Then every procedure appears once, for the right people, in counter order
    assert _who(the_plan) == [
        ("juminido_move_in", (0, 1, 2, 3)),
        ("seal_registration", (0,)),
        ("mynumber_continue", (0,)),
        ("mynumber_continue", (1,)),
        ("nhi_join", (0, 1, 2)),
        ("pension_address", (0, 1)),
        ("late_elderly_join", (3,)),
        ("care_join", (3,)),
        ("care_certification_transfer", (3,)),
        ("child_allowance_claim", (2,)),
        ("child_medical_apply", (2,)),
        ("dog_registration_move_in", ()),
    ]
    assert the_plan.undecided == ()
    # And each says why
    assert _reasons(the_plan, "late_elderly_join") == "他の都道府県からの転入 / 山田　キヨ: 75歳"
    assert "山田　翔太: 高校2年生相当" in _reasons(the_plan, "child_allowance_claim")
    assert _reasons(the_plan, "dog_registration_move_in") == "犬 1頭"
    assert "山田　花子: 国民年金の第1号被保険者、42歳" in _reasons(the_plan, "pension_address")
    assert _reasons(the_plan, "nhi_join").startswith("山田　太郎: 国民健康保険に加入中、44歳")
    # what goes without saying is not said: being one of the movers, the event itself
    assert _reasons(the_plan, "juminido_move_in") == "届出: 転入"


def test_a_younger_child_in_the_family_also_changes_school(catalog: Catalog) -> None:
    doc = household_doc("family_move_in")
    doc["members"][2]["birth"] = "2014-04-01"  # 小学6年 in the 2026 school year
    the_plan = _plan_doc(doc, catalog)
    assert ("school_transfer_in", (2,)) in _who(the_plan)


def test_a_single_worker_moves_within_the_city(catalog: Catalog) -> None:
    # Given a single employee-insured worker with a card and a moped, born on 29 February
    the_plan = _plan_for("single_move_within", catalog)
    # Then only the address change, the card update and the moped follow; no 国保, no 年金
    assert _who(the_plan) == [
        ("juminido_move_within", (0,)),
        ("mynumber_card_update", (0,)),
        ("moped_address", ()),
    ]


def test_a_baby_is_born_into_a_household_on_kokuho(catalog: Catalog) -> None:
    the_plan = _plan_for("birth", catalog)
    assert _who(the_plan) == [
        ("birth_registration", (1,)),
        ("nhi_join_birth", (1,)),
        ("child_allowance_birth", (1,)),
        ("child_medical_birth", (1,)),
        ("maternal_child_health_birth", ()),
    ]
    assert _reasons(the_plan, "birth_registration") == "届出: 出生"  # who the event is about goes without saying


def test_a_baby_born_into_an_employee_insured_household_needs_no_kokuho(catalog: Catalog) -> None:
    doc = household_doc("birth")
    doc["members"][0]["insurance"] = "employee"
    the_plan = _plan_doc(doc, catalog)
    assert "nhi_join_birth" not in the_plan.ids()


def test_the_head_of_a_household_of_three_dies(catalog: Catalog) -> None:
    # Given an 82-year-old head on 後期高齢者医療 with a care certification dies; his son files
    the_plan = _plan_for("death_of_head", catalog)
    # Then the おくやみ procedures follow: 火葬許可, head change, 後期 loss and 葬祭費, 介護 loss
    assert _who(the_plan) == [
        ("death_registration", (0,)),
        ("cremation_permit", (0,)),
        ("head_change", ()),
        ("late_elderly_leave", (0,)),
        ("funeral_allowance_late_elderly", (0,)),
        ("care_leave", (0,)),
    ]
    # And whether he received a pension is asked, not assumed from his age
    assert "pension_death" in {u.procedure.id for u in the_plan.undecided}


def test_no_head_change_when_only_one_member_remains(catalog: Catalog) -> None:
    doc = household_doc("death_of_head")
    doc["members"] = doc["members"][:2]
    the_plan = _plan_doc(doc, catalog)
    assert "head_change" not in the_plan.ids()


def test_a_couple_marries(catalog: Catalog) -> None:
    # A Japanese man marries a French woman: neither surname changes by the marriage (氏の変更届 is separate)
    the_plan = _plan_for("marriage", catalog)
    assert _who(the_plan) == [("marriage_registration", (0, 1))]
    # and she brings what a foreign national brings to marry here (the city's bring_if), he does not add it
    foreign = "外国籍の方: パスポート、婚姻要件具備証明書（日本語訳を添えて）"
    assert the_plan.items[0].bring[-1] == foreign
    doc = household_doc("marriage")
    doc["members"][1]["nationality"] = None
    doc |= {"v": 2, "subjects": [0, 1], "marriage": {"surname_of": 0, "domicile": doc["new"]["address"]}}
    assert foreign not in _plan_doc(doc, catalog).items[0].bring


def test_a_family_moves_out(catalog: Catalog) -> None:
    doc = household_doc("family_move_in")
    # to 仙台 (another prefecture: the grandmother's 後期高齢者医療 ends here and the city issues her
    # 負担区分等証明書 for the new 広域連合)
    doc.update(event="move_out", old=doc["new"] | {"head": "山田 太郎"}, new=doc["old"])
    the_plan = _plan_doc(doc, catalog)
    assert _who(the_plan) == [
        ("juminido_move_out", (0, 1, 2, 3)),
        ("mynumber_move_out_notice", (0, 1)),
        ("nhi_leave", (0, 1, 2)),
        ("late_elderly_leave", (3,)),
        ("late_elderly_certificate_out", (3,)),
        ("care_certificate_issue", (3,)),
        ("care_leave", (3,)),
        ("child_allowance_end", (2,)),
        ("child_medical_end", (2,)),
        ("dog_registration_move_out", ()),
    ]


def test_an_unknown_insurance_leaves_kokuho_undecided_and_names_what_to_ask(catalog: Catalog) -> None:
    doc = household_doc("family_move_in")
    doc["members"][1]["insurance"] = None
    the_plan = _plan_doc(doc, catalog)
    undecided = {u.procedure.id: u.needs for u in the_plan.undecided}
    assert undecided["nhi_join"] == ("members[1].insurance",)
    assert undecided["pension_address"] == ("members[1].insurance",)
    # the members whose insurance is known are still planned
    assert ("nhi_join", (0, 2)) in _who(the_plan)


def test_kouki_follows_who_is_insured_not_age_alone(catalog: Catalog) -> None:
    # Given an 80-year-old on 生活保護 and a 70-year-old on 後期高齢者医療 (障害認定) moving in
    doc = household_doc("family_move_in")
    doc["members"][3]["insurance"] = "welfare"
    assert "late_elderly_join" not in _plan_doc(doc, catalog).ids()
    doc["members"][3].update(insurance="late_elderly", birth="1956-01-01")
    the_plan = _plan_doc(doc, catalog)
    assert ("late_elderly_join", (3,)) in _who(the_plan)
    assert "山田　キヨ: 後期高齢者医療に加入中" in _reasons(the_plan, "late_elderly_join")
    # and, from another prefecture at 70, says what proves her 障害認定 to the new 広域連合
    assert ("late_elderly_disability_proof", (3,)) in _who(the_plan)


def test_a_member_known_by_the_family_name_only_is_named_by_it() -> None:
    # Given an interview where the clerk typed 「佐藤」 alone: the 名 is asked next
    draft = {"members[0].family": "佐藤"}
    # Then the question names 「佐藤」, never 「佐藤　None」
    assert member_name(draft, 0) == "佐藤"
    assert member_name({"members[0].given": "健"}, 0) == "健"
