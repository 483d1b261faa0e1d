"""The table format of the procedure-table tests: one row per household a careful clerk planned by
hand, the procedures it needs (for whom), those it must not get, and the basis (law or municipal
practice) the row rests on.

    Row("turns_75_tomorrow_moves_in", "高齢者医療確保法52条（75歳の誕生日に資格取得）",
        household("move_in", "2026-12-01", person("太郎", "1951-12-02")),
        expect={"nhi_join": ("太郎",), "late_elderly_turns_75": ("太郎",)},
        absent=("late_elderly_join",),
        reasons={"late_elderly_turns_75": "75歳の誕生日（令和8年12月2日）から後期高齢者医療"})

`check_row` plans the row's household under the shipped catalog (on ``visit``, the day the resident
comes, when given) and asserts every expectation, naming the row and its basis when one fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import from_document
from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.domain.planner import Plan, plan

OLD_SAME_PREFECTURE = {"postal": "060-0001", "address": "北海道札幌市中央区北一条西2丁目1番地", "head": ""}
OLD_OTHER_PREFECTURE = {"postal": "980-0811", "address": "宮城県仙台市青葉区一番町1丁目1番1号", "head": ""}
NEW_HERE = {"postal": "099-9999", "address": "北海道見本市本町1丁目2番3号"}
NEW_HERE_2 = {"postal": "099-9999", "address": "北海道見本市本町4丁目5番6号"}
NEW_SAME_PREFECTURE = {"postal": "060-0001", "address": "北海道札幌市中央区北一条西3丁目1番地"}
NEW_OTHER_PREFECTURE = {"postal": "980-0811", "address": "宮城県仙台市青葉区一番町2丁目2番2号"}


def person(given: str, birth: str, relation: str = "世帯主", *, family: str = "山田", sex: str = "M",
           insurance: str | None = "nhi", card: bool | None = False, care: bool | None = False,
           **extra: Any) -> dict[str, Any]:
    """A member of a KKN2 document (v = 2); ``extra`` adds any other member key (``pension_class``,
    ``insured``, ``nationality`` …) as the document spells it."""
    kana = {"山田": "ヤマダ", "佐藤": "サトウ", "鈴木": "スズキ"}.get(family, "ヤマダ")
    member = {"family": family, "given": given, "family_kana": kana, "given_kana": "タロウ", "birth": birth,
              "sex": sex, "relation": relation, "insurance": insurance, "card": card, "care_certified": care}
    return {k: v for k, v in member.items() if v is not None} | extra


def household(event: str, on: str, *members: dict[str, Any], old: dict[str, Any] | None = None,
              new: dict[str, Any] | None = None, notifier: int | dict[str, Any] = 0,
              subjects: list[int] | None = None, **extra: Any) -> dict[str, Any]:
    """A KKN2 household document: the event, its date, the members; addresses default to a move
    into (or within, or out of) 見本市 from the same prefecture; ``extra`` adds household keys."""
    default_old = OLD_SAME_PREFECTURE if event == "move_in" else {**NEW_HERE, "head": ""}
    default_new = {"move_out": NEW_SAME_PREFECTURE, "move_within": NEW_HERE_2}.get(event, NEW_HERE)
    doc: dict[str, Any] = {"v": 2, "event": event, "date": on, "notifier": notifier, "members": list(members)}
    if event in ("move_in", "move_out", "move_within") or new is not None:
        doc["new"] = new or default_new
    if event in ("move_in", "move_out", "move_within") or old is not None:
        doc["old"] = old or default_old
    if subjects is not None:
        doc["subjects"] = subjects
    return doc | extra


@dataclass(frozen=True)
class Row:
    """One household of the table.

    ``expect``: procedure id → the given names of the members it is planned for (``()`` for a
    household procedure; for an each-member procedure, everyone it is planned for). ``absent``:
    procedure ids that must not be planned. ``reasons``: procedure id → text that must appear in
    its reasons. ``undecided``: procedure ids still undecided (their facts are missing). ``visit``:
    the day the resident comes (ISO), when it is not the event date. ``late`` / ``on_time``:
    procedure ids whose deadline has / has not passed on the visit day."""

    case: str
    basis: str
    household: dict[str, Any]
    expect: dict[str, tuple[str, ...]] = field(default_factory=dict)
    absent: tuple[str, ...] = ()
    reasons: dict[str, str] = field(default_factory=dict)
    undecided: tuple[str, ...] = ()
    visit: str | None = None
    late: tuple[str, ...] = ()
    on_time: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.case


def plan_row(row: Row, catalog: Catalog) -> Plan:
    """The plan of a row's household, on its visit day."""
    parsed = parse_household(row.household)
    draft = from_document(household_to_document(parsed.household))
    visit = date.fromisoformat(row.visit) if row.visit else None
    return plan(draft, catalog, visit_date=visit)


def check_row(row: Row, catalog: Catalog) -> None:
    """Assert a row: every expected procedure planned for exactly those people, none of the absent
    ones, the reasons and the undecided; the message names the row and its basis."""
    assert row.basis.strip(), f"{row.case}: every row names its basis (law or municipal practice)"
    the_plan = plan_row(row, catalog)
    given = [m["given"] for m in row.household["members"]]
    planned: dict[str, list[str]] = {}
    for item in the_plan.items:
        planned.setdefault(item.id, []).extend(given[i] for i in item.subjects)
    where = f"{row.case}（根拠: {row.basis}）"
    for procedure_id, whom in row.expect.items():
        assert procedure_id in planned, f"{where}: {procedure_id} が計画にありません（計画: {sorted(planned)}）"
        assert sorted(planned[procedure_id]) == sorted(whom), \
            f"{where}: {procedure_id} の対象 {planned[procedure_id]} ≠ {list(whom)}"
    for procedure_id in row.absent:
        assert procedure_id not in planned, f"{where}: {procedure_id} は不要です（対象 {planned.get(procedure_id)}）"
    for procedure_id, text in row.reasons.items():
        reasons = " / ".join(r for item in the_plan.items if item.id == procedure_id for r in item.reasons)
        assert text in reasons, f"{where}: {procedure_id} の理由に「{text}」がありません（{reasons}）"
    late = {item.id for item in the_plan.items if item.late}
    for procedure_id in row.late:
        assert procedure_id in late, f"{where}: {procedure_id} の期限は過ぎているはずです（過ぎたもの: {sorted(late)}）"
    for procedure_id in row.on_time:
        assert procedure_id in planned and procedure_id not in late, f"{where}: {procedure_id} は期限内のはずです"
    undecided = {u.procedure.id for u in the_plan.undecided}
    for procedure_id in row.undecided:
        assert procedure_id in undecided, f"{where}: {procedure_id} は未確定のはずです（未確定: {sorted(undecided)}）"
