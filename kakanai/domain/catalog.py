"""The form and procedure catalog: TOML files in ``forms/``, validated once into typed models.

Layout of a catalog folder::

    catalog.toml        schema_version, [city], [departments.<id>]
    procedures/*.toml   [[procedure]] entries: events, scope, conditions, bring, forms
    forms/*.toml        [[form]] entries: title, paper, fields and member columns by source
    templates/*.pdf     the city's own blank forms (optional, for overlay forms)

`load_catalog` reads every file, compiles what the drawing code needs (conditions of procedures
and checkboxes, overlay placements, deadlines as numbers) and reports every error at once, each as
``file:line [id] key.path: reason`` (in Japanese, with the English beside it in logs), listing the
valid names where a name was wrong. Nothing downstream parses catalog text again.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from kakanai.domain.household_doc import EventCode
from kakanai.domain.postal import PostalArea, PostalBook, area_of_line
from kakanai.domain.problems import InvalidInput, Problem, format_path
from kakanai.domain.rules import Condition, parse_condition
from kakanai.domain.sources import SOURCES

SCHEMA_VERSIONS = (1,)
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Label = Annotated[str, Field(min_length=1, max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class City(_Strict):
    """The city the catalog is for."""

    name: Label
    prefecture: Label
    code: str = ""


class Department(_Strict):
    """A department/counter a procedure is handled at, in the order a resident visits them."""

    name: Label
    counter: str = ""
    order: int = 100


class FormField(_Strict):
    """A labelled box on a form filled from a source (``new.address``)."""

    source: str
    label: str = ""
    required: bool = True
    width: Annotated[float, Field(gt=0, le=1)] = 1.0
    # an optional box left empty: "strike" (斜線: nothing applies) or "write" (blank: the real form always has
    # it, e.g. 振込先 on a claim or 死亡したところ; the resident writes it by hand)
    blank: Literal["strike", "write"] = "strike"


class Checkbox(_Strict):
    """A box ticked when a household condition holds, e.g. 加入 when the event is 転入."""

    label: Label
    when: dict[str, Any] = {}


class FormDef(_Strict):
    """A form as written in a catalog file: title, paper, household fields, one table row per
    person, checkboxes (conditions still raw tables), overlay placements (keys still text)."""

    id: Id
    title: Label
    department: Id
    paper: Literal["A4", "A3"] = "A4"
    note: str = ""
    fields: list[FormField] = []
    member_columns: list[FormField] = []
    checkboxes: list[Checkbox] = []
    template: str = ""
    overlay: dict[str, list[float]] = {}
    signature: Label = "届出人 署名"
    addressee: str = ""  # who the form is addressed to (宛先); "" for the city's mayor (見本市長)
    era: Literal["wareki", "seireki"] = "wareki"  # 届出日 in 和暦, or 西暦 (a foreign resident's form)


@dataclass(frozen=True)
class CompiledCheckbox:
    """A form's checkbox with its condition compiled: ticked when the condition holds."""

    label: str
    condition: Condition


@dataclass(frozen=True)
class OverlaySlot:
    """Where one value goes on a city's own blank form, in millimetres from the top-left.

    ``kind`` is ``field`` (a household source), ``member`` (the form's ``nth`` person, 1-based),
    ``issued`` (届出日), ``check`` (✓ for the checkbox labelled ``check``) or ``qr``."""

    key: str
    kind: str
    x_mm: float
    y_mm: float
    size: float | None = None
    width_mm: float | None = None
    source: str = ""
    nth: int = 0
    check: str = ""


@dataclass(frozen=True)
class Form:
    """A validated form: its definition, checkboxes and overlay compiled."""

    definition: FormDef
    checkboxes: tuple[CompiledCheckbox, ...]
    overlay: tuple[OverlaySlot, ...]

    id = property(lambda self: self.definition.id, doc="The form id (``juminido``).")
    title = property(lambda self: self.definition.title, doc="The title printed at the top.")
    department = property(lambda self: self.definition.department, doc="The department id.")
    paper = property(lambda self: self.definition.paper, doc="A4 or A3.")
    note = property(lambda self: self.definition.note, doc="A note printed under the title.")
    fields = property(lambda self: self.definition.fields, doc="Household fields.")
    member_columns = property(lambda self: self.definition.member_columns, doc="One column per member value.")
    signature = property(lambda self: self.definition.signature, doc="The signature box's label.")
    template = property(lambda self: self.definition.template, doc="The city's blank PDF, if any.")

    @property
    def qr_slot(self) -> OverlaySlot | None:
        """Where an overlay form's QR goes (None: the default corner)."""
        return next((s for s in self.overlay if s.kind == "qr"), None)


class DeadlineDef(_Strict):
    """``deadline = { text = "転入日から14日以内", days = 14 }``: the wording, and the days counted
    from the event date (``event_day_counts = true`` when the event day is the first day), or from
    the day the notification is filed (``counts_from = "filing"``: カードの継続利用は転入届の日から)."""

    text: Label
    days: Annotated[int, Field(ge=1, le=3650)] | None = None
    event_day_counts: bool = False
    counts_from: Literal["event", "filing"] = "event"


class BringIfDef(_Strict):
    """Something to bring only when a person the procedure is for meets a condition (外国籍の方は
    婚姻要件具備証明書): ``bring_if = [{ text = "…", member_when = { foreign = true } }]``."""

    text: Label
    member_when: Annotated[dict[str, Any], Field(min_length=1)]


class ProcedureDef(_Strict):
    """A procedure as written in a catalog file (conditions still raw tables)."""

    id: Id
    title: Label
    department: Id
    events: Annotated[list[EventCode],
                      Field(min_length=1)]
    scope: Literal["household", "members", "each_member"] = "household"
    member_when: dict[str, Any] = {}
    household_when: dict[str, Any] = {}
    bring: list[str] = []
    bring_if: list[BringIfDef] = []
    forms: list[Id] = []
    deadline: str | DeadlineDef = ""
    note: str = ""
    # why the counter does it: the law and article, or 市の運用 (municipal practice); docs/procedures.md
    basis: Label


@dataclass(frozen=True)
class Deadline:
    """By when a procedure must be done: the resident's wording, and where the law counts days
    from the event date, the number (``days`` after it; ``event_day_counts`` when the event day is
    day 1, as for a birth)."""

    text: str
    days: int | None = None
    event_day_counts: bool = False
    counts_from: str = "event"  # or "filing": from the day the notification is filed (the visit)

    def last_day(self, event_date: date, filed: date | None = None) -> date | None:
        """The last day to do it, or None when the deadline does not count from a known day. A
        deadline counted from the filing counts from ``filed`` (the visit): without it, None."""
        if self.days is None or (self.counts_from == "filing" and filed is None):
            return None
        start = filed if self.counts_from == "filing" and filed is not None else event_date
        return start + timedelta(days=self.days - (1 if self.event_day_counts else 0))

    def passed(self, event_date: date, visit: date) -> bool:
        """True when the last day is before the visit (a 転入 filed 8 months late)."""
        last = self.last_day(event_date, visit)
        return last is not None and last < visit


@dataclass(frozen=True)
class Procedure:
    """A validated procedure with its conditions and deadline compiled."""

    definition: ProcedureDef
    member_when: Condition
    household_when: Condition
    source_file: str = ""
    deadline: Deadline | None = None
    bring_if: tuple[tuple[str, Condition], ...] = ()  # (what to bring, when a person it is for meets this)

    @property
    def id(self) -> str:
        """The procedure id (``kokuho_join``)."""
        return self.definition.id

    @property
    def title(self) -> str:
        """The procedure's title as the resident reads it."""
        return self.definition.title


@dataclass(frozen=True)
class Catalog:
    """Every procedure and form of a city, with its departments."""

    city: City
    departments: dict[str, Department]
    procedures: tuple[Procedure, ...]
    forms: dict[str, Form]
    root: Path = field(default=Path("."))
    postal_areas: tuple[PostalArea, ...] = ()  # every line of postal_codes.csv, KEN_ALL's brackets kept apart

    @cached_property
    def postal_book(self) -> PostalBook:
        """The city's postal codes indexed both ways (the 町域 of a code, the code of an address)."""
        return PostalBook(self.postal_areas)

    @property
    def postal(self) -> dict[str, str]:
        """郵便番号 → 町域 of the city's list (brackets left out; the first line of a code)."""
        return self.postal_book.towns

    def procedure(self, procedure_id: str) -> Procedure:
        """The procedure with that id (KeyError if none)."""
        return next(p for p in self.procedures if p.id == procedure_id)

    def department_order(self, department_id: str) -> int:
        """The counter order of a department (lower first)."""
        return self.departments[department_id].order


class _CatalogFile(_Strict):
    schema_version: int
    city: City
    departments: dict[Id, Department]


class _ProceduresFile(_Strict):
    schema_version: int
    procedure: list[ProcedureDef] = []


class _FormsFile(_Strict):
    schema_version: int
    form: list[FormDef] = []


_REASONS = {
    "missing": "必須の項目がありません", "extra_forbidden": "知らない項目名です（綴りを確認してください）",
    "string_pattern_mismatch": "英小文字・数字・_ で書きます", "string_type": '文字（"…"）で書きます',
    "int_type": "整数で書きます", "float_type": "数で書きます", "bool_type": "true か false で書きます",
    "list_type": "[ … ] のリストで書きます", "dict_type": "{ … } の表で書きます", "model_type": "{ … } の表で書きます",
    "too_short": "1つ以上書きます", "string_too_short": "空にできません", "string_too_long": "長すぎます",
    "greater_than": "もっと大きな数にします", "greater_than_equal": "もっと大きな数にします",
    "less_than_equal": "もっと小さな数にします",
}


def _pydantic_reason(error: ErrorDetails) -> tuple[str, str]:
    """The clerk's (IT's) reason in Japanese, and pydantic's English for the log."""
    reason = _REASONS.get(error["type"], "値が正しくありません")
    if error["type"] == "literal_error":
        reason = f"使えない値です（使える値: {error.get('ctx', {}).get('expected', '')}）"
    return reason, error["msg"]


_BLOCK = re.compile(r"^\s*\[\[(procedure|form)\]\]", re.MULTILINE)
_KEY_HEAD = re.compile(r"^(procedure|form)\[(\d+)\]\.?([A-Za-z_]*)")


class _Reader:
    """Collects problems while reading the files of one catalog folder; each names its file, the
    line (1-based) and the id of the procedure or form it is in."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self._texts: dict[Path, str] = {}
        self._data: dict[Path, dict[str, Any]] = {}

    def name(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, key: str, reason: str, english: str = "") -> None:
        where = self.name(path)
        line, entry_id = self._locate(path, key)
        if line:
            where += f":{line}"
        if entry_id:
            where += f" [{entry_id}]"
        self.problems.append(Problem(f"{where}: {key}" if key else where, reason, english))

    def _locate(self, path: Path, key: str) -> tuple[int, str]:
        """The line of ``key`` (its block's first line, or the line of its first part in the
        block) and the id of its procedure or form."""
        text = self._texts.get(path, "")
        if not text:
            return 0, ""
        head = _KEY_HEAD.match(key)
        if head is None:
            top = re.search(rf"^\s*{re.escape(key.split('.')[0].split('[')[0])}\s*=", text, re.MULTILINE) if key else None
            return (text.count("\n", 0, top.start()) + 1 if top else 0), ""
        kind, index = head.group(1), int(head.group(2))
        blocks = [m.start() for m in _BLOCK.finditer(text) if m.group(1) == kind]
        if index >= len(blocks):
            return 0, ""
        begin = blocks[index]
        after = [m.start() for m in _BLOCK.finditer(text) if m.start() > begin]
        block = text[begin:after[0] if after else len(text)]
        offset = begin + _key_offset(block, key[head.end():].lstrip("."), head.group(3))
        entries = self._data.get(path, {}).get(kind, [])
        entry_id = entries[index].get("id", "") if index < len(entries) and isinstance(entries[index], dict) else ""
        return text.count("\n", 0, offset) + 1, str(entry_id)

    def read(self, path: Path, model: type[BaseModel]) -> Any:
        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            self.add(path, "", f"TOML として読めません: {exc}", "not readable TOML")
            return None
        except RecursionError:  # a table or list nested thousands deep
            self.add(path, "", "TOML として読めません: 入れ子が深すぎます", "nested too deep")
            return None
        self._texts[path], self._data[path] = text, data
        if data.get("schema_version") not in SCHEMA_VERSIONS:
            self.add(path, "schema_version", f"対応していない版です（対応: {SCHEMA_VERSIONS}）", "unsupported schema_version")
            return None
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                self.add(path, format_path(list(error["loc"])), *_pydantic_reason(error))
            return None


def _key_offset(block: str, rest: str, first: str) -> int:
    """Where in a ``[[procedure]]``/``[[form]]`` block a key is written: the most specific part
    of its path that starts a line (``"hed.name" = …`` under ``[form.overlay]``), else its first
    part (``member_when = { … }``), else the block's first line."""
    parts = rest.split(".")
    candidates = [".".join(parts[i:]) for i in range(len(parts)) if parts[i]] + ([first] if first else [])
    for candidate in candidates:
        name = re.escape(re.sub(r"\[\d+\]$", "", candidate))
        found = re.search(rf'^[ \t]*"?{name}"?[ \t]*=', block, re.MULTILINE)
        if found:
            return found.start()
    return 0


def load_catalog(root: Path) -> Catalog:
    """Read, validate and compile a catalog folder; raise `InvalidInput` listing every error with
    file, line, id and key."""
    reader = _Reader(root)
    head_file = root / "catalog.toml"
    if not head_file.is_file():
        raise InvalidInput([Problem(reader.name(head_file), "ファイルがありません", "catalog.toml missing")],
                           "様式・手続の定義を読めません")
    head = reader.read(head_file, _CatalogFile)
    procedures = _read_procedures(reader, sorted((root / "procedures").glob("*.toml")))
    departments = dict(head.departments) if head else {}
    forms = _read_forms(reader, sorted((root / "forms").glob("*.toml")), departments)
    if head is not None:
        _check_references(reader, departments, procedures, forms)
    areas = _read_postal(reader, root / "postal_codes.csv")
    if reader.problems:
        raise InvalidInput(reader.problems, "様式・手続の定義に誤りがあります")
    return Catalog(head.city, dict(head.departments), tuple(procedures), forms, root, areas)


def _read_postal(reader: _Reader, path: Path) -> tuple[PostalArea, ...]:
    """The city's postal codes (optional file): ``NNN-NNNN,町域`` per line, # for comments; a 町域 may
    end in KEN_ALL's brackets (「北1条西（1～5丁目）」: kept apart, see kakanai.domain.postal)."""
    if not path.is_file():
        return ()
    areas: list[PostalArea] = []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp932", errors="replace")  # KEN_ALL and Excel save Shift_JIS
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            areas.append(area_of_line(line))
        except ValueError:
            code = line.partition(",")[0]
            reader.add(path, f"{number}行目", f"郵便番号として読めません: '{code}'", "bad postal code")
    return tuple(areas)


def _read_procedures(reader: _Reader, files: list[Path]) -> list[Procedure]:
    procedures: list[Procedure] = []
    for path in files:
        parsed = reader.read(path, _ProceduresFile)
        for i, definition in enumerate(parsed.procedure if parsed else []):
            key = f"procedure[{i}]"
            found: list[Problem] = []
            member = parse_condition(definition.member_when, "member", f"{key}.member_when", found)
            household = parse_condition(definition.household_when, "household", f"{key}.household_when", found)
            if definition.member_when and definition.scope == "household":
                found.append(Problem(f"{key}.member_when", "member_when は scope が members か each_member の手続で"
                                     "だけ使えます（この手続は scope = household: 世帯全体が対象です）",
                                     "member_when needs scope members or each_member"))
            bring_if = tuple((item.text, parse_condition(item.member_when, "member", f"{key}.bring_if[{j}].member_when",
                                                         found)) for j, item in enumerate(definition.bring_if))
            if definition.bring_if and definition.scope == "household":
                found.append(Problem(f"{key}.bring_if", "bring_if は scope が members か each_member の手続で"
                                     "だけ使えます（対象者の条件で持ち物を足します）",
                                     "bring_if needs scope members or each_member"))
            for problem in found:
                reader.add(path, problem.path, problem.message_ja, problem.message_en)
            procedures.append(Procedure(definition, member, household, reader.name(path), _deadline(definition.deadline),
                                        bring_if))
    return procedures


def _deadline(raw: str | DeadlineDef) -> Deadline | None:
    if isinstance(raw, DeadlineDef):
        return Deadline(raw.text, raw.days, raw.event_day_counts, raw.counts_from)
    return Deadline(raw) if raw else None


def _read_forms(reader: _Reader, files: list[Path], departments: dict[str, Department]) -> dict[str, Form]:
    forms: dict[str, Form] = {}
    for path in files:
        parsed = reader.read(path, _FormsFile)
        for i, definition in enumerate(parsed.form if parsed else []):
            if definition.id in forms:
                reader.add(path, f"form[{i}].id", f"様式ID '{definition.id}' が重複しています", "duplicate form id")
            forms[definition.id] = _compile_form(reader, path, f"form[{i}]", definition)
            if departments and definition.department not in departments:
                reader.add(path, f"form[{i}].department", f"知らない担当課 '{definition.department}'"
                           f"（使える担当課: {', '.join(departments)}）", "unknown department")
    return forms


def _compile_form(reader: _Reader, path: Path, key: str, form: FormDef) -> Form:
    for group, scope in (("fields", "household"), ("member_columns", "member")):
        for j, item in enumerate(getattr(form, group)):
            source = SOURCES.get(item.source)
            if source is None or source.scope != scope:
                names = ", ".join(s.name for s in SOURCES.values() if s.scope == scope)
                reader.add(path, f"{key}.{group}[{j}].source", f"知らない項目 '{item.source}'（使える項目: {names}）",
                           f"unknown source '{item.source}'")
    checkboxes = []
    for j, box in enumerate(form.checkboxes):
        found: list[Problem] = []
        checkboxes.append(CompiledCheckbox(box.label, parse_condition(box.when, "household",
                                                                      f"{key}.checkboxes[{j}].when", found)))
        for problem in found:
            reader.add(path, problem.path, problem.message_ja, problem.message_en)
    if form.template and not (reader.root / "templates" / form.template).is_file():
        reader.add(path, f"{key}.template", f"様式PDF '{form.template}' が templates/ にありません", "template missing")
    if form.overlay and not form.template:
        reader.add(path, f"{key}.overlay", "overlay は template（市の様式PDF）と一緒に書きます", "overlay without template")
    slots = []
    for name, numbers in form.overlay.items():
        slot, wrong = overlay_slot(name, numbers, {b.label for b in form.checkboxes})
        if wrong:
            reader.add(path, f"{key}.overlay.{name}", *wrong)
        if slot:
            slots.append(slot)
    return Form(form, tuple(checkboxes), tuple(slots))


_MEMBER_KEY = re.compile(r"^([a-z_.]+)#([1-9][0-9]?)$")


def overlay_slot(key: str, numbers: list[float], checks: set[str]) -> tuple[OverlaySlot | None, tuple[str, str] | None]:
    """An overlay key and its numbers, compiled; or the reason it is wrong, listing valid names."""
    if not 2 <= len(numbers) <= 4 or any(n < 0 for n in numbers):
        return None, ("[横mm, 縦mm, 文字サイズ, 幅mm] の形で、0以上の数を2〜4個書きます",
                      "coordinates must be 2 to 4 non-negative numbers")
    x, y = float(numbers[0]), float(numbers[1])
    size = float(numbers[2]) if len(numbers) > 2 else None
    width = float(numbers[3]) if len(numbers) > 3 else None

    def slot(kind: str, source: str = "", nth: int = 0, check: str = "") -> OverlaySlot:
        return OverlaySlot(key, kind, x, y, size, width, source, nth, check)

    name = key.partition("@")[0]
    if name in ("issued", "qr"):
        return slot(name), None
    if name.startswith("check:"):
        if name[6:] in checks:
            return slot("check", check=name[6:]), None
        return None, (f"この様式にないチェック欄です '{name[6:]}'（使えるチェック欄: {', '.join(sorted(checks)) or 'なし'}）",
                      f"unknown checkbox '{name[6:]}'")
    member = _MEMBER_KEY.match(name)
    if member and member.group(1) in SOURCES and SOURCES[member.group(1)].scope == "member":
        return slot("member", source=member.group(1), nth=int(member.group(2))), None
    if name in SOURCES and SOURCES[name].scope == "household":
        return slot("field", source=name), None
    household = ", ".join(s.name for s in SOURCES.values() if s.scope == "household")
    members = ", ".join(f"{s.name}#1" for s in SOURCES.values() if s.scope == "member")
    reason = (f"重ね書きする項目名が分かりません '{key}'（使える名前: {household}, {members}, issued, qr, "
              "check:チェック欄の名前。同じ項目を2か所に書くときは @2 のように付けます）")
    return None, (reason, f"unknown overlay key '{key}'")


def _check_references(reader: _Reader, departments: dict[str, Department], procedures: list[Procedure],
                      forms: dict[str, Form]) -> None:
    seen: set[str] = set()
    for procedure in procedures:
        path = reader.root.parent / procedure.source_file
        index = next(i for i, p in enumerate(q for q in procedures if q.source_file == procedure.source_file)
                     if p is procedure)
        key = f"procedure[{index}]"
        if procedure.id in seen:
            reader.add(path, f"{key}.id", f"手続ID '{procedure.id}' が重複しています", "duplicate procedure id")
        seen.add(procedure.id)
        if procedure.definition.department not in departments:
            reader.add(path, f"{key}.department", f"知らない担当課 '{procedure.definition.department}'"
                       f"（使える担当課: {', '.join(departments)}）", "unknown department")
        for j, form_id in enumerate(procedure.definition.forms):
            if form_id not in forms:
                reader.add(path, f"{key}.forms[{j}]", f"知らない様式 '{form_id}'（使える様式: {', '.join(forms)}）",
                           "unknown form")
