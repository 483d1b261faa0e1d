"""The catalog in words: for each life event, every procedure the catalog decides, for whom, by
when and on what basis (law or municipal practice). ``docs/procedures.md`` is this text, made by
``kakanai forms doc`` from the shipped catalog, so the document cannot drift from the rules."""

from __future__ import annotations

from kakanai.domain.catalog import Catalog, Procedure
from kakanai.domain.facts import HOUSEHOLD_FACTS, MEMBER_FACTS
from kakanai.domain.vocabulary import EVENT_LABELS, LifeEvent

_SCOPES = {"household": "世帯で1件", "members": "対象の方をまとめて1件", "each_member": "対象の方ごとに1件"}
_HEADER = """# 手続の一覧（カタログから生成）

この文書は `kakanai forms doc -o docs/procedures.md` が `forms/` の手続カタログから作ります（手で
編集しないでください。`tests/domain/test_catalog_doc.py` が古くなったことを検出します）。届出ごとに、
カタログが決める手続・対象となる条件・期限・根拠（法令の条文、または市の運用）を並べます。
条件の「届出の対象者」は、転入・転出・転居では届け出る全員、出生は生まれた子、死亡は亡くなった方、
婚姻はお二人です。年齢は法律上の年齢（誕生日の前日に1つ増える）、後期高齢者医療だけは誕生日当日から
数えます（「誕生日で数えた年齢」）。
"""


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ") or "―"


def _who(procedure: Procedure) -> str:
    parts = []
    if procedure.household_when.clauses or procedure.household_when.any_of or procedure.household_when.any_member \
            or procedure.household_when.negated:
        parts.append(f"世帯: {procedure.household_when.describe()}")
    member = procedure.member_when
    if member.clauses or member.any_of or member.negated:
        parts.append(f"対象: {member.describe()}")
    return "／".join(parts) or "全員"


def _row(procedure: Procedure, catalog: Catalog) -> str:
    definition = procedure.definition
    department = catalog.departments[definition.department]
    deadline = procedure.deadline.text if procedure.deadline else ""
    forms = "、".join(catalog.forms[f].title for f in definition.forms) or "（様式なし: 案内のみ）"
    cells = (definition.title, f"{department.name} {department.counter}", _who(procedure), _SCOPES[definition.scope],
             deadline, forms, definition.basis)
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def procedures_markdown(catalog: Catalog) -> str:
    """The Markdown of ``docs/procedures.md`` for a catalog."""
    lines = [_HEADER]
    for event in LifeEvent:
        procedures = sorted((p for p in catalog.procedures if event.value in p.definition.events),
                            key=lambda p: catalog.department_order(p.definition.department))  # counter order, as planned
        lines += [f"## {EVENT_LABELS[event]}（{event.value}）: {len(procedures)}件", "",
                  "| 手続 | 窓口 | 条件 | 件数 | 期限 | 様式 | 根拠 |", "|---|---|---|---|---|---|---|"]
        lines += [_row(p, catalog) for p in procedures]
        lines.append("")
    lines += ["## 条件に使える事実", "", "| 名前 | 意味 | 範囲 |", "|---|---|---|"]
    for fact in (*MEMBER_FACTS.values(), *HOUSEHOLD_FACTS.values()):
        scope = "世帯員ごと" if fact.scope == "member" else "世帯"
        lines.append(f"| `{fact.name}` | {_cell(fact.label)} | {scope} |")
    return "\n".join(lines) + "\n"
