"""お手続きのご案内: today's procedures by counter in visit order, for whom, what to bring, by when."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.phrases import CLERK_ADDED
from kakanai.domain.planner import Plan, PlannedProcedure, plan
from kakanai.pdf.bundle import render_bundle
from tests.conftest import household_doc
from tests.pdf.helpers import ISSUED, VISIT, Rendered, household_of, render


def _takehome(bundle: Rendered) -> list[str]:
    first = max(p for f in bundle.report.forms for p in f.page_numbers) + 1
    return [line for page in range(first, bundle.report.pages + 1) for line in bundle.lines(page)]


def test_counters_are_listed_in_the_order_the_family_visits_them(family_bundle: Rendered) -> None:
    lines = _takehome(family_bundle)
    assert lines[0] == "お手続きのご案内" and "山田　太郎 様" in lines
    headings = [line for line in lines if line[:1] in "①②③④⑤⑥⑦"]
    assert headings == ["① 市民課　1番窓口", "② 保険年金課 国保係　5番窓口", "③ 保険年金課 年金係　6番窓口",
                        "④ 保険年金課 後期高齢者医療係　7番窓口", "⑤ 介護保険課　8番窓口", "⑥ こども家庭課　10番窓口",
                        "⑦ 環境衛生課　別館1階"]


def test_each_procedure_says_for_whom_by_when_and_what_to_bring(family_bundle: Rendered) -> None:
    text = "".join(_takehome(family_bundle))
    assert "□ 要介護・要支援認定の引継ぎ（受給資格証明書の提出）対象: 山田　キヨ" in text
    assert "期限: 令和8年4月15日まで　※転入日から14日以内（過ぎると認定の申請からやり直しになります）" in text
    assert "期限: 14日以内" in text  # no date where the deadline does not count from the event
    assert "お持ちいただくもの: 前の市区町村の犬鑑札、今年度の狂犬病予防注射済票" in text
    assert "対象: 世帯全体" in text


def test_the_same_procedure_for_two_people_is_listed_once(family_bundle: Rendered) -> None:
    lines = _takehome(family_bundle)
    assert lines.count("□ マイナンバーカード 継続利用の手続") == 1
    assert "対象: 山田　太郎、山田　花子" in lines


def test_what_is_still_undecided_is_listed_as_maybe_needed(tmp_path: Path, catalog: Catalog) -> None:
    doc = household_doc("family_move_in")
    doc["members"][1]["insurance"] = None
    lines = _takehome(render(tmp_path, "undecided", catalog, doc))
    start = lines.index("このほか必要になるかもしれない手続（窓口でご確認ください）")
    assert "□ 国民健康保険 加入　［保険年金課 国保係 5番窓口］" in lines[start:]




def test_procedures_the_clerk_added_join_their_counter_once(tmp_path: Path, catalog: Catalog,
                                                          family_bundle: Rendered) -> None:
    # Given the 山田 family's plan, and 印鑑登録 for 花子 that the clerk added (it comes last in the plan)
    seal = catalog.procedure("seal_registration")
    plan = Plan((*family_bundle.plan.items, PlannedProcedure(seal, (1,), (CLERK_ADDED,))), family_bundle.plan.undecided)
    path = tmp_path / "added.pdf"
    report = render_bundle(family_bundle.household, plan, catalog, path, visit_id=VISIT, issued=ISSUED)
    # When the take-home sheet is printed
    lines = _takehome(Rendered(path, report, family_bundle.household, plan))
    # Then 市民課 is still the first counter and appears once, with both people's 印鑑登録 together
    headings = [line for line in lines if line[:1] in "①②③④⑤⑥⑦⑧"]
    assert headings[0] == "① 市民課　1番窓口" and len(headings) == 7, headings
    assert lines.count("□ 印鑑登録申請") == 1
    assert lines[lines.index("□ 印鑑登録申請") + 1] == "対象: 山田　太郎、山田　花子"
    assert lines.index("□ 印鑑登録申請") < lines.index(headings[1])


def test_a_deadline_passed_on_the_visit_day_is_worded_for_the_resident(tmp_path: Path, catalog: Catalog) -> None:
    # Given a family that moved in on 1 April and comes on 1 December (the 14 days are long gone)
    household = household_of(household_doc("family_move_in"))
    visit = date(2026, 12, 1)
    the_plan = plan(draft_from_household(household), catalog, visit_date=visit)
    path = tmp_path / "late.pdf"
    report = render_bundle(household, the_plan, catalog, path, visit_id=VISIT, issued=visit)
    late = Rendered(path, report, household, the_plan)
    text = "".join(_takehome(late))
    # Then the sheet tells them plainly, and the card's 90 days count from today's 転入届
    assert "期限: 令和8年4月15日まで（住み始めた日から14日以内）でしたが、過ぎています。本日お手続きください" in text
    assert "期限: 令和9年3月1日まで　※転入届の日から90日以内（過ぎるとカードが失効します）" in text
