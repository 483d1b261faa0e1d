"""What each form shows: one sheet per plan item and form, rows for the item's people, ticks from rules."""

from __future__ import annotations

from kakanai.domain.catalog import Catalog
from kakanai.pdf.content import FormSheet, form_sheets, label_of
from tests.conftest import household_doc
from tests.pdf.helpers import ISSUED, household_of, plan_of


def _sheets(name: str, catalog: Catalog) -> list[FormSheet]:
    household = household_of(household_doc(name))
    return form_sheets(household, plan_of(household, catalog), catalog, ISSUED)


def test_rows_list_the_people_the_procedure_is_for(catalog: Catalog) -> None:
    sheets = {s.procedure_ids[0]: s for s in _sheets("family_move_in", catalog)}
    assert [r.member_index for r in sheets["nhi_join"].rows] == [0, 1, 2]
    assert [r.member_index for r in sheets["late_elderly_join"].rows] == [3]
    assert sheets["nhi_join"].rows[1].kana == "ヤマダ　ハナコ"  # normalised from やまだ / ﾊﾅｺ
    assert sheets["dog_registration_move_in"].rows == ()


def test_values_are_the_domains_texts_with_wareki_dates(catalog: Catalog) -> None:
    sheet = _sheets("family_move_in", catalog)[0]
    fields = {c.source: c.text for c in sheet.fields}
    assert fields["date"] == "令和8年4月1日" and fields["event"] == "転入"
    assert [c.text for c in sheet.rows[3].cells] == ["山田　キヨ", "昭和25年12月1日", "女", "母", "日本", "", ""]
    assert sheet.issued == "令和8年4月1日" and sheet.city == "見本市" and sheet.counter == "1番窓口"


def test_checkboxes_are_ticked_by_their_conditions_on_the_household(catalog: Catalog) -> None:
    sheets = {s.procedure_ids[0]: s for s in _sheets("death_of_head", catalog)}
    assert sheets["care_leave"].checks == (("資格取得（転入）", False), ("資格喪失（転出・死亡）", True), ("住所変更", False))
    assert dict(sheets["death_registration"].checks) == {}
    assert dict(sheets["head_change"].checks)["世帯主変更"] is True


def test_a_label_left_out_falls_back_to_the_sources_name(catalog: Catalog) -> None:
    field = catalog.forms["juminido"].fields[0].model_copy(update={"label": ""})
    assert label_of(field) == "異動の種類"
