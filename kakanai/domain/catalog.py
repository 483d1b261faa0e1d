"""The form and procedure catalog: TOML files in ``forms/``, validated once into typed models.

Layout of a catalog folder::

    catalog.toml        schema_version, [city], [departments.<id>]
    procedures/*.toml   [[procedure]] entries: events, scope, conditions, bring, forms
    forms/*.toml        [[form]] entries: title, paper, fields and member columns by source
    templates/*.pdf     the city's own blank forms (optional, for overlay forms)

`load_catalog` reads every file and reports every error at once, each as
``file: key.path: reason`` (in Japanese, with the English beside it in logs).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kakanai.domain.household import LifeEvent
from kakanai.domain.kana import normalize_postal
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


class Checkbox(_Strict):
    """A box ticked when a household condition holds, e.g. 加入 when the event is 転入."""

    label: Label
    when: dict[str, Any] = {}


class FormDef(_Strict):
    """A form: title, paper, household fields, one table row per person, checkboxes."""

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


class ProcedureDef(_Strict):
    """A procedure as written in a catalog file (conditions still raw tables)."""

    id: Id
    title: Label
    department: Id
    events: Annotated[list[Literal["move_in", "move_out", "move_within", "birth", "death", "marriage"]],
                      Field(min_length=1)]
    scope: Literal["household", "members", "each_member"] = "household"
    member_when: dict[str, Any] = {}
    household_when: dict[str, Any] = {}
    bring: list[str] = []
    forms: list[Id] = []
    deadline: str = ""
    note: str = ""


@dataclass(frozen=True)
class Procedure:
    """A validated procedure with its conditions compiled."""

    definition: ProcedureDef
    member_when: Condition
    household_when: Condition
    source_file: str = ""

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
    forms: dict[str, FormDef]
    root: Path = field(default=Path("."))
    postal: dict[str, str] = field(default_factory=dict)  # 郵便番号 → 町域 (postal_codes.csv)

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


def _pydantic_reason(error: dict[str, Any]) -> str:
    reasons = {"missing": "必須の項目がありません", "extra_forbidden": "知らない項目名です（綴りを確認してください）",
               "string_pattern_mismatch": "英小文字・数字・_ で書きます"}
    return reasons.get(error["type"], "値が正しくありません") + f" ({error['msg']})"


class _Reader:
    """Collects problems while reading the files of one catalog folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def name(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, key: str, reason: str, english: str = "") -> None:
        self.problems.append(Problem(f"{self.name(path)}: {key}" if key else self.name(path), reason, english))

    def read(self, path: Path, model: type[BaseModel]) -> Any:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            self.add(path, "", f"TOML として読めません: {exc}", "not readable TOML")
            return None
        if data.get("schema_version") not in SCHEMA_VERSIONS:
            self.add(path, "schema_version", f"対応していない版です（対応: {SCHEMA_VERSIONS}）", "unsupported schema_version")
            return None
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                self.add(path, format_path(list(error["loc"])), _pydantic_reason(error))
            return None


def load_catalog(root: Path) -> Catalog:
    """Read and validate a catalog folder; raise `InvalidInput` listing every error with file and key."""
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
    postal = _read_postal(reader, root / "postal_codes.csv")
    if reader.problems:
        raise InvalidInput(reader.problems, "様式・手続の定義に誤りがあります")
    return Catalog(head.city, dict(head.departments), tuple(procedures), forms, root, postal)


def _read_postal(reader: _Reader, path: Path) -> dict[str, str]:
    """The city's postal codes (optional file): ``NNN-NNNN,町域`` per line, # for comments."""
    if not path.is_file():
        return {}
    postal: dict[str, str] = {}
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp932", errors="replace")  # KEN_ALL and Excel save Shift_JIS
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        code, _, address = line.partition(",")
        try:
            postal[normalize_postal(code)] = address.strip()
        except ValueError:
            reader.add(path, f"{number}行目", f"郵便番号として読めません: '{code}'", "bad postal code")
    return postal


def _read_procedures(reader: _Reader, files: list[Path]) -> list[Procedure]:
    procedures: list[Procedure] = []
    for path in files:
        parsed = reader.read(path, _ProceduresFile)
        for i, definition in enumerate(parsed.procedure if parsed else []):
            key = f"procedure[{i}]"
            found: list[Problem] = []
            member = parse_condition(definition.member_when, "member", f"{key}.member_when", found)
            household = parse_condition(definition.household_when, "household", f"{key}.household_when", found)
            for problem in found:
                reader.add(path, problem.path, problem.message_ja, problem.message_en)
            procedures.append(Procedure(definition, member, household, reader.name(path)))
    return procedures


def _read_forms(reader: _Reader, files: list[Path], departments: dict[str, Department]) -> dict[str, FormDef]:
    forms: dict[str, FormDef] = {}
    for path in files:
        parsed = reader.read(path, _FormsFile)
        for i, form in enumerate(parsed.form if parsed else []):
            if form.id in forms:
                reader.add(path, f"form[{i}].id", f"様式ID '{form.id}' が重複しています", "duplicate form id")
            forms[form.id] = form
            _check_form(reader, path, f"form[{i}]", form)
            if departments and form.department not in departments:
                reader.add(path, f"form[{i}].department", f"知らない担当課 '{form.department}'", "unknown department")
    return forms


def _check_form(reader: _Reader, path: Path, key: str, form: FormDef) -> None:
    for group, scope in (("fields", "household"), ("member_columns", "member")):
        for j, item in enumerate(getattr(form, group)):
            source = SOURCES.get(item.source)
            if source is None or source.scope != scope:
                names = ", ".join(s.name for s in SOURCES.values() if s.scope == scope)
                reader.add(path, f"{key}.{group}[{j}].source", f"知らない項目 '{item.source}'（使える項目: {names}）",
                           f"unknown source '{item.source}'")
    for j, box in enumerate(form.checkboxes):
        found: list[Problem] = []
        parse_condition(box.when, "household", f"{key}.checkboxes[{j}].when", found)
        for problem in found:
            reader.add(path, problem.path, problem.message_ja, problem.message_en)
    if form.template and not (reader.root / "templates" / form.template).is_file():
        reader.add(path, f"{key}.template", f"様式PDF '{form.template}' が templates/ にありません", "template missing")


def _check_references(reader: _Reader, departments: dict[str, Department], procedures: list[Procedure],
                      forms: dict[str, FormDef]) -> None:
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
            reader.add(path, f"{key}.department", f"知らない担当課 '{procedure.definition.department}'", "unknown department")
        for j, form_id in enumerate(procedure.definition.forms):
            if form_id not in forms:
                reader.add(path, f"{key}.forms[{j}]", f"知らない様式 '{form_id}'", "unknown form")
