"""Forms from KKN2 households: each new fact printed where the real form has it (scenario tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kakanai.domain.catalog import Catalog
from kakanai.pdf.content import FormSheet, form_sheets
from kakanai.qr.payload import decode, encode_document
from tests.pdf.helpers import ISSUED, plan_of

V2 = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2"


def _doc(name: str) -> dict[str, Any]:
    return json.loads((V2 / f"{name}.json").read_text(encoding="utf-8"))


def _sheets(document: dict[str, Any], catalog: Catalog) -> dict[str, FormSheet]:
    """Every form of the plan for a household read from its KKN2 code, by procedure id."""
    household = decode(encode_document(document)).household
    return {s.procedure_ids[0]: s for s in form_sheets(household, plan_of(household, catalog), catalog, ISSUED)}


def _fields(sheet: FormSheet) -> dict[str, str]:
    return {c.label: c.text for c in sheet.fields}


def _row(sheet: FormSheet, index: int) -> dict[str, str]:
    return {c.label: c.text for c in sheet.rows[index].cells}


def test_a_foreign_family_moving_in_from_abroad(catalog: Catalog) -> None:
    # Given a Vietnamese family of three moving in from Hanoi, with their 在留カード and an account
    sheets = _sheets(_doc("move_in_from_abroad"), catalog)
    # Then it is a move from abroad (passports, no 転出証明書), never a domestic move-in
    assert "juminido_move_in" not in sheets
    move_in = sheets["juminido_move_in_abroad"]
    assert _fields(move_in)["旧住所"] == "ベトナム　ハノイ市バーディン区キムマー通り12番"
    assert dict(move_in.checks)["国外からの転入"] is True
    # And the register's form prints the country in Japanese and the birth date in 西暦
    assert _row(move_in, 0)["国籍・地域"] == "ベトナム" and _row(move_in, 0)["生年月日"] == "1990年5月10日"
    # And the foreign residents' sheet carries every 30条の45 fact
    entries = _row(sheets["foreign_resident_entries"], 0)
    assert entries == {"氏名": "NGUYEN　VAN AN", "生年月日": "1990年5月10日", "国籍・地域": "ベトナム",
                       "通称": "阮 文安", "在留カード等番号": "AB12345678CD", "在留資格": "技術・人文知識・国際業務",
                       "在留期間等の満了日": "2029年3月31日", "30条の45区分": "中長期在留者"}
    assert _fields(sheets["foreign_resident_entries"])["転入前の国・地域"] == "ベトナム"
    # And the 児童手当 claim prints the account with bank and branch names from the zengin data
    allowance = _fields(sheets["child_allowance_claim"])
    assert (allowance["振込先 金融機関"], allowance["支店"], allowance["金融機関・支店コード"]) == ("三菱ＵＦＪ", "本店", "0005・001")
    assert (allowance["種目"], allowance["口座番号"], allowance["口座名義（カナ）"]) == ("普通", "1234567", "グエン　ヴァン　アン")


def test_the_bring_list_of_a_move_from_abroad_asks_for_passports(catalog: Catalog) -> None:
    household = decode(encode_document(_doc("move_in_from_abroad"))).household
    plan = plan_of(household, catalog)
    item = next(i for i in plan.items if i.id == "juminido_move_in_abroad")
    assert "全員の旅券（パスポート）" in item.procedure.definition.bring
    assert not any("転出証明書" in b for i in plan.items for b in i.procedure.definition.bring)


def test_a_wifes_death_with_the_head_listed_first_files_for_the_wife(catalog: Catalog) -> None:
    # Given the husband (head) first and his wife second, the wife named as the deceased
    sheets = _sheets(_doc("death_of_wife"), catalog)
    # Then the 死亡届 is for the wife, and the husband stays head (no 世帯主変更)
    assert _row(sheets["death_registration"], 0)["亡くなった方の氏名"] == "佐藤　和子"
    assert "head_change" not in sheets
    funeral = sheets["funeral_allowance_late_elderly"]
    assert _row(funeral, 0)["亡くなった被保険者"] == "佐藤　和子" and _fields(funeral)["口座番号"] == "7654321"


def test_the_same_household_in_kkn1_order_files_for_the_husband(catalog: Catalog) -> None:
    # The KKN1 fallback (docs/kkn2.md): without subjects, members[0] is taken as the deceased
    document = {k: v for k, v in _doc("death_of_wife").items() if k not in ("subjects", "bank")} | {"v": 1}
    for member in document["members"]:
        for key in ("domicile", "domicile_head"):
            member.pop(key)
    sheets = _sheets(document, catalog)
    assert _row(sheets["death_registration"], 0)["亡くなった方の氏名"] == "佐藤　一郎"


def test_a_move_out_prints_the_destination_and_the_planned_day(catalog: Catalog) -> None:
    document = _doc("death_of_wife") | {"event": "move_out", "date": "2026-04-20", "subjects": None, "bank": None}
    document = {k: v for k, v in document.items() if v is not None}
    document["old"] = document.pop("new") | {"head": "佐藤 一郎"}
    document["new"] = {"postal": "980-0811", "address": "宮城県仙台市青葉区一番町3丁目2番1号", "building": ""}
    sheet = _sheets(document, catalog)["juminido_move_out"]
    fields = _fields(sheet)
    assert fields["転出先"] == "宮城県仙台市青葉区一番町3丁目2番1号" and fields["転出予定日"] == "令和8年4月20日"
    assert _row(sheet, 0)["本籍"] == "北海道見本市北1条西1丁目1番地" and _row(sheet, 0)["筆頭者"] == "佐藤　一郎"


def test_the_head_leaves_and_the_head_change_prints_the_head_the_family_named(catalog: Catalog) -> None:
    # Given the head moves out alone to 仙台 through a 代理人, his wife and adult son stay, the son becomes head
    document = _doc("death_of_wife") | {"event": "move_out", "date": "2026-04-20", "subjects": [0]}
    document = {k: v for k, v in document.items() if k != "bank"}
    document["members"].append(document["members"][1] | {"relation": "子", "given": "健", "given_kana": "ケン",
                                                         "birth": "1990-01-01", "sex": "M"})
    document["new_head"] = 2
    document["old"] = document.pop("new") | {"head": "佐藤 一郎"}
    document["new"] = {"postal": "980-0811", "address": "宮城県仙台市青葉区一番町3丁目2番1号", "building": ""}
    document["notifier"] = {"family": "田中", "given": "進", "family_kana": "タナカ", "given_kana": "ススム",
                            "relation": "知人", "agent": True, "address": "北海道札幌市中央区北1条西2丁目"}
    sheets = _sheets(document, catalog)
    head = _fields(sheets["head_change"])
    # Then the 世帯主変更届 prints the old head, the new one as told, and the 代理人 with their address
    assert (head["旧世帯主"], head["新しい世帯主"]) == ("佐藤　一郎", "佐藤　健")
    assert head["届出人"] == "田中　進" and head["届出人の住所"] == "北海道札幌市中央区北1条西2丁目"
    assert dict(sheets["head_change"].checks)["代理人による届出（委任状あり）"] is True
    # And the 転出届 is for him alone, to the 転出先 on the 転出予定日
    move_out = sheets["juminido_move_out"]
    assert [r.cells[0].text for r in move_out.rows] == ["佐藤　一郎"]
    assert _fields(move_out)["転出先"].startswith("宮城県仙台市") and _fields(move_out)["転出予定日"] == "令和8年4月20日"
    # And the 委任状 is on what to bring
    plan = plan_of(decode(encode_document(document)).household, catalog)
    letter = next(i for i in plan.items if i.id == "agent_letter")
    assert letter.procedure.definition.bring[0].startswith("委任状")


def test_the_kouki_form_is_addressed_to_the_kouiki_rengou_and_the_foreign_sheet_is_in_seireki(catalog: Catalog) -> None:
    document = _doc("move_in_from_abroad")
    document["members"][0]["birth"] = "1948-05-10"  # a grandfather of 77 among them
    sheets = form_sheets_of(document, catalog)
    koki = next(s for s in sheets if s.form.id == "koki")
    assert koki.form.definition.addressee == "北海道後期高齢者医療広域連合長"
    assert dict(koki.checks)["資格取得（他の都道府県・国外から転入）"] is True
    foreign = next(s for s in sheets if s.form.id == "juminido_gaikoku")
    assert foreign.issued == "2026年4月1日" and _fields(foreign)["異動日"].startswith("20")


def form_sheets_of(document: dict[str, Any], catalog: Catalog) -> list[FormSheet]:
    household = decode(encode_document(document)).household
    return form_sheets(household, plan_of(household, catalog), catalog, ISSUED)
