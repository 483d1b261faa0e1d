"""Turn domain objects into the display texts the pages show (no widgets, so it is easy to test; texts go
through QCoreApplication.translate, which needs no application: Japanese without a translation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import OUTSIDE_NOTIFIER, Draft, member_count, member_path, split_member_path
from kakanai.domain.event_dates import MOVE_OUT_AHEAD_DAYS, event_date_question
from kakanai.domain.household import Household
from kakanai.domain.interview import Question
from kakanai.domain.planner import Plan, member_name
from kakanai.domain.problems import Problem
from kakanai.domain.questions import HOUSEHOLD_SPECS, MEMBER_SPECS
from kakanai.domain.sources import current_head
from kakanai.domain.visit_session import VisitSession, item_key
from kakanai.domain.vocabulary import event_label, insurance_label, sex_label
from kakanai.domain.wareki import format_wareki
from kakanai.ui import domain_text

OUTSIDE_LABEL = "世帯外の方"  # the notifier answer for someone from outside the household


def display(key: str, value: Any) -> str:
    """A draft value as the clerk reads it (和暦 dates, 男/女, はい/いいえ, insurance names, a choice's
    label)."""
    if value is None:
        return ""
    spec = HOUSEHOLD_SPECS.get(key) or MEMBER_SPECS.get(key)  # no key is both a household's and a member's
    if key in ("birth", "date") or (spec is not None and spec.kind == "date"):  # 葬儀の日, 同居を始めた日 too
        try:
            return format_wareki(date.fromisoformat(value))
        except ValueError:
            return str(value)
    if key == "sex":
        return sex_label(value)
    if key == "insurance":
        return insurance_label(value)
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if spec and spec.choices:
        return dict(spec.choices).get(value, str(value))
    return str(value)


def member_rows(draft: Draft) -> list[dict[str, str]]:
    """One dict of display texts per member."""
    rows = []
    for i in range(member_count(draft) or 0):
        rows.append({k: display(k, draft.get(member_path(i, k))) for k in MEMBER_SPECS})
    return rows


def answered_rows(session: VisitSession, draft: Draft) -> list[tuple[str, str, str]]:
    """(path, label, shown value) of everything known (from the QR, then the clerk's answers), so
    any value can be revisited and corrected; members beyond the head count are left out."""
    rows = []
    count = member_count(draft) or 0
    for path in dict.fromkeys([*session.base, *session.answers]):
        where = split_member_path(path)
        if where is not None and where[0] >= count:
            continue
        key = where[1] if where else path
        spec = MEMBER_SPECS.get(key) if where else HOUSEHOLD_SPECS.get(path)
        if spec is None:
            continue
        label = domain_text.field(path, draft)
        value = draft.get(path)
        if spec.kind == "notifier" and isinstance(value, int):  # a member chosen (届出人, 新世帯主, 請求者 …)
            rows.append((path, label, domain_text.vocabulary(OUTSIDE_LABEL) if value == OUTSIDE_NOTIFIER
                         else domain_text.member_of(draft, value)))
        else:
            shown = display(key, value)  # a choice or yes/no in the UI language; typed values as they are
            rows.append((path, label, domain_text.vocabulary(shown) if spec.kind in ("choice", "bool") else shown))
    return rows


def procedure_rows(rules_plan: Plan, final: Plan, draft: Draft, catalog: Catalog
                   ) -> list[tuple[str, str, str, str, str, bool]]:
    """Checklist rows: every item the rules planned (kept or dropped) and the clerk's additions."""
    kept = {item_key(i) for i in final.items}
    rows = []
    items = list(rules_plan.items) + [i for i in final.items if item_key(i) not in {item_key(r) for r in rules_plan.items}]
    for item in items:
        department = catalog.departments[item.procedure.definition.department]
        whom = (QCoreApplication.translate("Reasons", "、").join(domain_text.member_of(draft, i) for i in item.subjects)
                or QCoreApplication.translate("Presenters", "世帯"))
        why = domain_text.reasons(item)
        rows.append((item_key(item), item.procedure.title, whom, f"{department.name} {department.counter}", why,
                     item_key(item) in kept))
    return rows


def bring_lines(plan: Plan) -> list[str]:
    """What to bring, once each, in plan order."""
    return list(dict.fromkeys(b for item in plan.items for b in item.bring))


def resident_name(draft: Draft) -> str:
    """Whom the visit is for: the notifier (a member, or someone from outside once named), else
    the head of household, else the first member."""
    index = _resident_member(draft)
    if index is not None:
        return member_name(draft, index)
    outsider = _outsider(draft)
    return f"{outsider}（{OUTSIDE_LABEL}）" if outsider else ""


def _resident_member(draft: Draft) -> int | None:
    """The member resident_name names (None when it names someone from outside, or no one)."""
    count = member_count(draft) or 0
    notifier = draft.get("notifier")
    if not count:  # how many is not asked yet: a name already known (a card read first) is still shown
        named = draft.get(member_path(0, "family")) or draft.get(member_path(0, "given"))
        return 0 if named else None
    if isinstance(notifier, int) and 0 <= notifier < count:
        return notifier
    if _outsider(draft):
        return None
    return next((i for i in range(count) if draft.get(member_path(i, "relation")) == "世帯主"), 0)


def _outsider(draft: Draft) -> str:
    """The name of someone from outside filing for the household, once named (answered in the
    interview, or an object in the code); "" otherwise."""
    notifier = draft.get("notifier")
    named = notifier if isinstance(notifier, dict) else {k: draft.get(f"notifier.{k}") for k in ("family", "given")}
    outsider = f"{named.get('family') or ''}　{named.get('given') or ''}".strip("　")
    return outsider if notifier == OUTSIDE_NOTIFIER or isinstance(notifier, dict) else ""


def resident_parts(draft: Draft, ticket: str) -> list[tuple[str, str]]:
    """(label, text) of what tells this resident from the next: 氏名, 届出, 人数, 整理券, 住所."""
    event = draft.get("event")
    count = member_count(draft)
    address = draft.get("new.address") if event != "move_out" else draft.get("old.address")
    address = address or draft.get("new.address") or draft.get("old.address") or ""
    translate = QCoreApplication.translate
    unknown = translate("Resident", "（未入力）")
    index, outsider = _resident_member(draft), _outsider(draft)
    shown = (domain_text.member_of(draft, index) if index is not None else
             translate("Resident", "{0}（{1}）").format(outsider, domain_text.vocabulary(OUTSIDE_LABEL)) if outsider else "")
    return [(translate("Resident", "氏名"), shown or unknown),
            (translate("Resident", "届出"), domain_text.vocabulary(event_label(event)) if event else unknown),
            (translate("Resident", "人数"), translate("Resident", "{0}人").format(count) if count else "―"),
            (translate("Resident", "整理券"), ticket or translate("Resident", "なし")),
            (translate("Resident", "住所"), str(address) or "―")]


def resident_line(draft: Draft, ticket: str) -> str:
    """One line naming the resident and event, for the bar and for every dialog about the visit."""
    return "　".join(f"{label} {text}" for label, text in resident_parts(draft, ticket))


def review_checks(draft: Draft, plan: Plan, household: Household | None = None,
                  visit_date: date | None = None) -> list[tuple[str, str]]:
    """(message, path) of what to fix or ask before printing, in plain Japanese: exactly one 世帯主,
    no procedure for a person with no one chosen, who the 新世帯主 is where 世帯主変更 is planned
    (or that no one is), an event dated after the visit day (a 転出 far ahead), and the deadlines
    the planner found passed on the visit day (to ask why)."""
    count = member_count(draft) or 0
    heads = [i for i in range(count) if draft.get(member_path(i, "relation")) == "世帯主"]
    problems = []
    if count and len(heads) != 1:
        where = member_path(heads[1] if heads[1:] else 0, "relation")
        problems.append((QCoreApplication.translate("Review", "世帯主が{0}人になっています。続柄で世帯主を1人にしてください").format(len(heads)),
                         where))
    for item in plan.items:
        if item.procedure.definition.scope in ("each_member", "members") and not item.subjects:
            problems.append((QCoreApplication.translate("Review", "{0}: 対象の方が選ばれていません（世帯・手続で追加し直してください）").format(
                item.procedure.title), ""))
    if household is not None and any(item.id == "head_change" for item in plan.items):
        problems.append(_new_head(household))
    return problems + _date_after_visit(draft, visit_date) + _late(plan)


def _date_after_visit(draft: Draft, visit_date: date | None) -> list[tuple[str, str]]:
    """The event's date when it is after the visit day (kakanai.domain.event_dates), to ask."""
    raw = draft.get("date")
    if visit_date is None or not isinstance(raw, str):
        return []
    try:
        when = date.fromisoformat(raw)
    except ValueError:
        return []
    question = event_date_question(draft.get("event"), when, visit_date)
    if question is None:
        return []
    label = domain_text.field("date", draft)
    translate = QCoreApplication.translate
    if question.ahead:
        text = translate("Review", "{0}（{1}）は{2}日先です。予定日に間違いがないか伺ってください（{3}日より先の転出届は"
                                   "受け付けない市もあります）").format(label, format_wareki(when), question.days,
                                                              MOVE_OUT_AHEAD_DAYS)
    else:
        text = translate("Review", "{0}（{1}）が来庁日より{2}日後になっています。日付を確かめてください").format(
            label, format_wareki(when), question.days)
    return [(text, "date")]


def _new_head(household: Household) -> tuple[str, str]:
    head = current_head(household)
    index = household.members.index(head) if head is not None else -1
    if head is None or household.is_subject(index):  # the notifier names the new head: Enter asks who
        return QCoreApplication.translate("Review", "世帯主変更届: 新世帯主が決まっていません（届出人に伺ってください）"), "new_head"
    if household.new_head is not None:  # named by the notifier: Enter asks again, to change it
        return (QCoreApplication.translate("Review", "世帯主変更届: 新世帯主は {0}さん（{1}）です（届出人が指名）").format(
            head.full_name, head.relation), "new_head")
    return (QCoreApplication.translate("Review", "世帯主変更届: 新世帯主は {0}さん（{1}）です。違うときは続柄を直してください").format(
        head.full_name, head.relation),
            member_path(index, "relation"))


def _late(plan: Plan) -> list[tuple[str, str]]:
    """The procedures the planner found late on the visit day (each item's own last day, counted
    from the event or from the filing), each once."""
    late = []
    for item in plan.items:
        deadline = item.procedure.deadline
        if item.late and deadline is not None and item.last_day is not None:
            text = QCoreApplication.translate("Review", "{0}: 期限（{1}、{2}まで）を過ぎています。遅れた理由を伺ってください").format(
                item.procedure.title, deadline.text, format_wareki(item.last_day))
            late.append((text, "date"))
    return list(dict.fromkeys(late))


def missing_lines(questions: list[Question]) -> list[tuple[str, str]]:
    """(message, path) for each question still open, named as the interview asks it."""
    return [(QCoreApplication.translate("Review", "{0}が未入力です").format(domain_text.label(q)), q.path) for q in questions]


def problem_lines(problems: tuple[Problem, ...] | list[Problem], draft: Draft) -> list[tuple[str, str]]:
    """(message, path) for problems found in the data, named by the question that asks the field
    (「山田　花子さんの氏: 印刷できない文字…」, not a draft path)."""
    return [(f"{_path_label(p.path, draft)}: {_message(p)}" if p.path else _message(p), p.path) for p in problems]


def _message(problem: Problem) -> str:
    return problem.message_en if problem.message_en and domain_text.in_english() else problem.message_ja


def _path_label(path: str, draft: Draft) -> str:
    try:
        return domain_text.field(path, draft)
    except KeyError:
        where = split_member_path(path)
        return (QCoreApplication.translate("Review", "{0}さん").format(domain_text.member_of(draft, where[0])) if where
                else QCoreApplication.translate("Review", "届出の内容"))


def form_rows(report_forms: list[tuple[str, tuple[int, ...], str]], pages: int) -> list[tuple[str, int]]:
    """(line, first page) per form of the bundle: 「1/14ページ　住民異動届　✍ 届出人 署名」; the
    take-home sheet last, with no signature."""
    rows = []
    for title, numbers, signature in report_forms:
        where = f"{numbers[0]}/{pages}" if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}/{pages}"
        rows.append((QCoreApplication.translate("Review", "{0}ページ　{1}　✍ {2}").format(where, title, signature),
                     numbers[0]))
    last = max((n for _, numbers, _ in report_forms for n in numbers), default=0)
    if last < pages:
        where = f"{last + 1}/{pages}" if last + 1 == pages else f"{last + 1}–{pages}/{pages}"
        rows.append((QCoreApplication.translate("Review", "{0}ページ　お手続きのご案内（お持ち帰り用）").format(where),
                     last + 1))
    return rows


@dataclass(frozen=True)
class Addable:
    """A procedure the clerk may add: under its counter, and whether it is for chosen people."""

    procedure_id: str
    title: str
    counter: str  # 「市民課　1番窓口」
    for_people: bool  # scope members / each_member: the clerk chooses whom
    of_event: bool  # the visit's event is one of the procedure's events


def addable_groups(catalog: Catalog, event: str | None, planned: set[str]) -> list[tuple[str, list[Addable]]]:
    """The procedures not planned yet, grouped by counter in walking order (the departments' order,
    then the catalog's); ``of_event`` marks those of this visit's event (all when it is unknown)."""
    groups: dict[str, list[Addable]] = {}
    departments = sorted(catalog.departments, key=catalog.department_order)
    for department_id in departments:
        department = catalog.departments[department_id]
        label = f"{department.name}　{department.counter}".strip()
        for p in catalog.procedures:
            if p.definition.department == department_id and p.id not in planned:
                groups.setdefault(label, []).append(Addable(
                    p.id, p.title, label, p.definition.scope != "household",
                    event is None or event in p.definition.events))
    return list(groups.items())
