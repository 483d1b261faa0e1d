"""Declarative conditions over facts: parsed from catalog data, evaluated in three values.

A condition is a table whose keys are fact names (see `facts`) and whose values say what must
hold, all of them together::

    { age = { min = 20, max = 59 }, insurance = ["nhi", "none"], card = true }

plus three combinators: ``any_of = [ {…}, {…} ]`` (one of them), ``not = {…}`` and, in a
household condition, ``any_member = {…}`` (some member matches). Nothing in a data file is ever
evaluated as code. Evaluation is three-valued: a clause on a fact whose data is missing is
*unknown* and reports the draft paths that would settle it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kakanai.domain.draft import Draft, member_count
from kakanai.domain.facts import HOUSEHOLD_FACTS, MEMBER_FACTS, STAGE_LABELS, Fact, Unknown, household_fact, member_fact
from kakanai.domain.phrases import Phrase, ReasonLine, phrase
from kakanai.domain.problems import Problem
from kakanai.domain.vocabulary import INSURED_KIND_LABELS, event_label, insurance_label, sex_label


@dataclass(frozen=True)
class Verdict:
    """A three-valued result: True, False or None (unknown), with the reasons or missing paths."""

    value: bool | None
    said: tuple[ReasonLine, ...] = ()  # why it held, as data (phrases.Phrase codes and values)
    needs: tuple[str, ...] = ()

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why it held, in the clerk's Japanese (one text per line)."""
        return tuple(line.text() for line in self.said)


@dataclass(frozen=True)
class Clause:
    """One fact test: an inclusive range (int), a flag (bool) or a set of allowed values."""

    fact: Fact
    low: int | None = None
    high: int | None = None
    flag: bool | None = None
    allowed: tuple[str, ...] = ()

    def holds(self, value: Any) -> bool:
        """Whether a known value satisfies the clause."""
        if self.fact.kind == "int":
            return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)
        if self.fact.kind == "bool":
            return bool(value) == self.flag
        return value in self.allowed

    def explain(self, value: Any, draft: Draft, index: int = -1) -> Phrase | None:
        """Why the clause held, as a colleague would note it (「国民健康保険に加入中」, 「未就学（5歳）」,
        「75歳の誕生日（令和8年12月2日）から後期高齢者医療」), as a phrase's code and values; None
        when it goes without saying (the person is one the event is about, the event itself)."""
        return phrase(self.fact, value, draft, index)

    def criterion(self) -> str:
        """What the clause asks for, in Japanese."""
        if self.fact.kind == "int":
            if self.low is not None and self.high is not None:
                return f"{self.low}" if self.low == self.high else f"{self.low}〜{self.high}"
            return f"{self.low}以上" if self.low is not None else f"{self.high}以下"
        if self.fact.kind == "bool":
            return "該当" if self.flag else "非該当"
        return "・".join(display(self.fact, v) for v in self.allowed)


@dataclass(frozen=True)
class Condition:
    """All clauses together, plus optional any-of, not and any-member parts."""

    clauses: tuple[Clause, ...] = ()
    any_of: tuple[Condition, ...] = ()
    negated: Condition | None = None
    any_member: Condition | None = None
    scope: str = "member"

    def describe(self) -> str:
        """The condition in words, for the catalog's documentation: 「年齢 20〜59、健康保険 国民健康保険・加入なし」."""
        parts = [f"{c.fact.label} {c.criterion()}" for c in self.clauses]
        if self.any_of:
            parts.append("（" + " または ".join(c.describe() for c in self.any_of) + "）")
        if self.negated is not None:
            parts.append(f"ただし「{self.negated.describe()}」を除く")
        if self.any_member is not None:
            parts.append(f"世帯に「{self.any_member.describe()}」の人がいる")
        return "、".join(parts)

    def facts(self) -> set[str]:
        """Every fact name the condition mentions (for documentation and checks)."""
        names = {c.fact.name for c in self.clauses}
        for sub in (*self.any_of, self.negated, self.any_member):
            names |= sub.facts() if sub else set()
        return names


def display(fact: Fact, value: Any) -> str:
    """A fact value as a clerk reads it (国民健康保険, 転入, 小学生, はい …)."""
    if fact.name == "insurance":
        return insurance_label(value)
    if fact.name == "event":
        return event_label(value)
    if fact.name == "school_stage":
        return STAGE_LABELS.get(value, str(value))
    if fact.name == "sex":
        return sex_label(value)
    if fact.name == "insured":
        return INSURED_KIND_LABELS.get(value, str(value))
    if fact.kind == "bool":
        return "はい" if value else "いいえ"
    return str(value)


_COMBINATORS = {"any_of", "not", "any_member"}


def parse_condition(raw: Any, scope: str, path: str, problems: list[Problem]) -> Condition:
    """Parse a condition table for ``scope`` ("member" or "household"); errors go to ``problems``."""
    if not isinstance(raw, Mapping):
        problems.append(Problem(path, "条件は { 事実 = 値 } の表で書きます", "condition must be a table"))
        return Condition(scope=scope)
    vocabulary = MEMBER_FACTS if scope == "member" else HOUSEHOLD_FACTS
    clauses: list[Clause] = []
    parts: dict[str, Any] = {}
    for key, value in raw.items():
        where = f"{path}.{key}"
        if key == "any_of":
            parts["any_of"] = tuple(_parse_list(value, scope, where, problems))
        elif key == "not":
            parts["negated"] = parse_condition(value, scope, where, problems)
        elif key == "any_member" and scope == "household":
            parts["any_member"] = parse_condition(value, "member", where, problems)
        elif key in vocabulary:
            clause = _parse_clause(vocabulary[key], value, where, problems)
            clauses.extend([clause] if clause else [])
        else:
            known = ", ".join(sorted(vocabulary) + (["any_member"] if scope == "household" else []))
            problems.append(Problem(where, f"知らない条件名です '{key}'（使える名前: {known}）", f"unknown fact '{key}'"))
    return Condition(clauses=tuple(clauses), scope=scope, **parts)


def _parse_list(value: Any, scope: str, path: str, problems: list[Problem]) -> list[Condition]:
    if not isinstance(value, list) or not value:
        problems.append(Problem(path, "any_of は条件の表を並べたリストで書きます", "any_of must be a non-empty list"))
        return []
    return [parse_condition(item, scope, f"{path}[{i}]", problems) for i, item in enumerate(value)]


def _parse_clause(fact: Fact, value: Any, path: str, problems: list[Problem]) -> Clause | None:
    if fact.kind == "int":
        return _parse_range(fact, value, path, problems)
    if fact.kind == "bool":
        if isinstance(value, bool):
            return Clause(fact, flag=value)
        problems.append(Problem(path, "true か false で書きます", "must be true or false"))
        return None
    allowed = tuple(value) if isinstance(value, list) else (value,)
    if not allowed or not all(isinstance(v, str) for v in allowed):
        problems.append(Problem(path, "文字列か文字列のリストで書きます", "must be a string or list of strings"))
        return None
    bad = [v for v in allowed if fact.choices and v not in fact.choices]
    if bad:
        problems.append(Problem(path, f"使えない値です {bad}（使える値: {', '.join(fact.choices)}）", f"unknown value {bad}"))
        return None
    return Clause(fact, allowed=allowed)


def _parse_range(fact: Fact, value: Any, path: str, problems: list[Problem]) -> Clause | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return Clause(fact, low=value, high=value)
    if isinstance(value, Mapping) and value and set(value) <= {"min", "max"}:
        bounds = {k: v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}
        if len(bounds) == len(value) and bounds.get("min", -10**9) <= bounds.get("max", 10**9):
            return Clause(fact, low=bounds.get("min"), high=bounds.get("max"))
    problems.append(Problem(path, "整数か { min = 数, max = 数 } で書きます", "must be an integer or {min, max}"))
    return None


def evaluate(condition: Condition, draft: Draft, index: int = -1) -> Verdict:
    """Evaluate a condition on a draft (for member ``index`` when the scope is member)."""
    results = [_clause(c, draft, index) for c in condition.clauses]
    if condition.any_of:
        results.append(_any([evaluate(c, draft, index) for c in condition.any_of]))
    if condition.negated is not None:
        inner = evaluate(condition.negated, draft, index)
        value = None if inner.value is None else not inner.value
        results.append(Verdict(value, (), inner.needs))  # why something is excluded is no reason to do it
    if condition.any_member is not None:
        results.append(_any_member(condition.any_member, draft))
    return _all(results)


def _clause(clause: Clause, draft: Draft, index: int) -> Verdict:
    fact = clause.fact
    value = member_fact(draft, index, fact.name) if fact.scope == "member" else household_fact(draft, fact.name)
    if isinstance(value, Unknown):
        return Verdict(None, needs=value.needs)
    ok = clause.holds(value)
    said = clause.explain(value, draft, index) if ok else None
    return Verdict(ok, (ReasonLine((said,)),) if said else ())


def _all(results: list[Verdict]) -> Verdict:
    if any(r.value is False for r in results):
        return Verdict(False)
    needs = tuple(dict.fromkeys(p for r in results for p in r.needs))
    said = tuple(x for r in results for x in r.said)
    return Verdict(None, needs=needs) if needs else Verdict(True, said)


def _any(results: list[Verdict]) -> Verdict:
    for result in results:
        if result.value:
            return result
    needs = tuple(dict.fromkeys(p for r in results for p in r.needs))
    return Verdict(None, needs=needs) if needs else Verdict(False)


def _any_member(condition: Condition, draft: Draft) -> Verdict:
    count = member_count(draft)
    if count is None:
        return Verdict(None, needs=("member_count",))
    verdicts = [evaluate(condition, draft, i) for i in range(count)]
    found = _any(verdicts)
    if found.value and found.said:  # say whose fact it is: 「高橋　正男: 世帯主」
        index = verdicts.index(found)
        name = "　".join(str(draft.get(f"members[{index}].{k}") or "") for k in ("family", "given")).strip("　")
        return Verdict(True, (ReasonLine(tuple(p for line in found.said for p in line.phrases), index, name),))
    return found
