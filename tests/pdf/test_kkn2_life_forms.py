"""Forms of a death, a birth and a marriage from KKN2 households: every form of the plan renders, and
each new fact is printed where the real form has it (scenario tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kakanai.domain.catalog import Catalog
from kakanai.domain.household import Household
from kakanai.pdf.bundle import render_bundle
from kakanai.pdf.content import FormSheet, form_sheets
from kakanai.qr.payload import decode, encode_document
from tests.pdf.helpers import ISSUED, VISIT, plan_of

V2 = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2"


def _household(name: str) -> Household:
    """The household read back from its KKN2 code, as the counter's scanner reads it."""
    document: dict[str, Any] = json.loads((V2 / f"{name}.json").read_text(encoding="utf-8"))
    return decode(encode_document(document)).household


def _sheets(household: Household, catalog: Catalog) -> list[FormSheet]:
    return form_sheets(household, plan_of(household, catalog), catalog, ISSUED)


def _by_procedure(sheets: list[FormSheet]) -> dict[str, FormSheet]:
    return {s.procedure_ids[0]: s for s in sheets}


def _fields(sheet: FormSheet) -> dict[str, str]:
    return {c.label: c.text for c in sheet.fields}


def _row(sheet: FormSheet, index: int = 0) -> dict[str, str]:
    return {c.label: c.text for c in sheet.rows[index].cells}


def _renders_whole(household: Household, catalog: Catalog, tmp_path: Path) -> str:
    """Render the bundle; every form present and no required box empty; the take-home sheet's text."""
    from pypdf import PdfReader

    plan = plan_of(household, catalog)
    out = tmp_path / "bundle.pdf"
    report = render_bundle(household, plan, catalog, out, visit_id=VISIT, issued=ISSUED)
    assert {f.form_id for f in report.forms} == {form for item in plan.items
                                                 for form in item.procedure.definition.forms}
    assert {f.form_id: f.missing for f in report.forms if f.missing} == {}
    pages = PdfReader(out).pages
    return "".join(page.extract_text() for page in pages[-2:])


def test_a_pensioner_dies_every_form_prints_the_death_facts(catalog: Catalog, tmp_path: Path) -> None:
    # Given an 82-year-old pensioner on 後期高齢者医療 with a handbook and a dog dies in hospital; his son files
    household = _household("death_of_pensioner")
    sheets = _by_procedure(_sheets(household, catalog))
    # Then the 死亡届 prints when and where, the address, the head at the time and the 本籍・筆頭者
    death = _fields(sheets["death_registration"])
    assert death["死亡したとき"] == "令和8年3月28日　午後2時30分"
    assert death["死亡したところ"] == "見本市立病院（北海道見本市南2条東3丁目1番地）"
    assert death["住所"] == "北海道見本市北1条西1丁目1番地" and death["世帯主の氏名"] == "高橋　正男"
    assert _row(sheets["death_registration"])["本籍（外国人は国籍）"] == "北海道見本市北1条西1丁目1番地"
    assert _row(sheets["death_registration"])["筆頭者"] == "高橋　正男"  # a name as forms print names
    # And the 火葬許可申請 goes with it, filed by the son
    cremation = _fields(sheets["cremation_permit"])
    assert cremation["死亡年月日時"] == "令和8年3月28日　午後2時30分" and cremation["申請者"] == "高橋　誠"
    assert cremation["死亡者との続柄"] == "長男"
    # And the pension is the 日本年金機構's 未支給年金 claim with the son's account, not the 被保険者関係届書
    pension = sheets["pension_death"]
    assert pension.form.id == "mishikyu" and pension.department == "保険年金課 年金係"
    assert (_fields(pension)["受取機関 金融機関"], _fields(pension)["口座番号"]) == ("三菱ＵＦＪ", "7654321")
    assert _fields(pension)["請求者の氏名"] == "高橋　誠"
    # And the 後期 葬祭費 sheet is headed by the counter the plan sends him to (7番), with funeral and 喪主
    funeral = sheets["funeral_allowance_late_elderly"]
    assert (funeral.department, funeral.counter) == ("保険年金課 後期高齢者医療係", "7番窓口")
    assert _fields(funeral)["葬祭を行った日"] == "令和8年3月31日" and _fields(funeral)["申請者（喪主）"] == "高橋　誠"
    assert _fields(funeral)["口座名義（カナ）"] == "タカハシ　マコト"
    # And the handbook, the 高額療養費 and the dog are planned (their departments' own forms)
    assert {"disability_return_death", "high_cost_late_elderly", "dog_owner_death"} <= set(sheets) | {
        i.id for i in plan_of(household, catalog).items}
    # And the take-home sheet opens with condolences
    takehome = _renders_whole(household, catalog, tmp_path)
    assert "お悔やみ申し上げます" in takehome and "ご来庁ありがとうございました" not in takehome


def test_twins_are_born_each_gets_a_birth_registration_with_time_and_place(catalog: Catalog, tmp_path: Path) -> None:
    # Given twins born 26 minutes apart to a couple on 国保; the mother earns more and claims 児童手当
    household = _household("birth_of_twins")
    sheets = _sheets(household, catalog)
    # Then there is one 出生届 per child, each with its own time and place of birth
    births = [s for s in sheets if s.procedure_ids == ("birth_registration",)]
    assert [_row(s)["子の氏名"] for s in births] == ["鈴木　蓮", "鈴木　葵"]
    assert [_row(s)["生まれたとき"] for s in births] == ["令和8年3月20日　午前3時15分", "令和8年3月20日　午前3時41分"]
    assert _row(births[0])["生まれたところ"] == "見本市立病院（北海道見本市南2条東3丁目1番地）"
    # And each names the parents (the 世帯主 and his 妻: a 子's parents by the relations), their birth dates
    # and ages, the 本籍 and 筆頭者 the children enter, 父母との続柄 (長男, 長女) and the father as 届出人
    for sheet in births:
        fields = _fields(sheet)
        assert (fields["父の氏名"], fields["母の氏名"]) == ("鈴木　一郎", "鈴木　花子")
        assert fields["父の生年月日（年齢）"] == "平成2年7月7日（満35歳）"
        assert fields["母の生年月日（年齢）"] == "平成4年2月2日（満34歳）"
        assert (fields["本籍"], fields["筆頭者の氏名"]) == ("北海道見本市北1条西1丁目1番地", "鈴木　一郎")
        assert (fields["届出人"], fields["届出人の資格"]) == ("鈴木　一郎", "父")
    assert [_row(s)["父母との続柄"] for s in births] == ["嫡出子　長男", "嫡出子　長女"]
    assert [_row(s)["世帯主との続柄"] for s in births] == ["子", "子"]
    by_id = _by_procedure(sheets)
    # And the 児童手当 claimant is the mother as asked, never assumed to be the head, with her account
    allowance = _fields(by_id["child_allowance_birth"])
    assert allowance["請求者（父母のうち所得の高い方）"] == "鈴木　花子" and allowance["請求者の続柄"] == "妻"
    assert allowance["口座名義（カナ）"] == "スズキ　ハナコ"
    # And the mother on 国保 gets the 出産育児一時金 (with the account) and the 産前産後 exemption for twins
    lump = by_id["maternity_lump_sum"]
    assert _row(lump)["出産した被保険者"] == "鈴木　花子" and _fields(lump)["口座番号"] == "1234567"
    assert _fields(by_id["pension_maternity_exemption"])["単胎・多胎の別"] == "多胎"
    # And the 子ども医療 refunds go to the same account
    assert _fields(by_id["child_medical_birth"])["医療費払戻しの振込先 金融機関"] == "三菱ＵＦＪ"
    takehome = _renders_whole(household, catalog, tmp_path)
    assert "ご来庁ありがとうございました" in takehome


def test_a_marriage_prints_the_surname_and_changes_only_the_wifes_name(catalog: Catalog, tmp_path: Path) -> None:
    # Given 佐藤 大輔 and 鈴木 美咲, living together since 1 March, take his surname and a new 本籍
    household = _household("marriage_surname_change")
    sheets = _by_procedure(_sheets(household, catalog))
    marriage = _fields(sheets["marriage_registration"])
    # Then the 婚姻届 says whose surname, the new 本籍 and when living together began
    assert marriage["婚姻後の夫婦の氏"] == "夫の氏（佐藤）"
    assert marriage["新しい本籍"] == "北海道見本市北4条東2丁目5番地"
    assert marriage["同居を始めたとき"] == "令和8年3月1日"
    assert _row(sheets["marriage_registration"], 1)["本籍（外国人は国籍）"] == "宮城県仙台市青葉区一番町3丁目2番"
    # And only the wife, whose surname changes, gets the card, 国保, 年金 and seal changes
    for procedure in ("mynumber_card_update_marriage", "nhi_name_change", "pension_name_change",
                      "seal_reregistration_marriage"):
        assert [household.members[i].given for i in sheets[procedure].subjects] == ["美咲"], procedure
    change = _row(sheets["nhi_name_change"])
    assert (change["変更前の氏名"], change["変更後の氏"]) == ("鈴木　美咲", "佐藤")
    assert dict(sheets["nhi_name_change"].checks)["氏名変更"] is True
    _renders_whole(household, catalog, tmp_path)
