"""What each form of a plan shows: its filled fields, one table row per person, ticked boxes.

This is the data side of printing, free of any drawing: `form_sheets` turns a household and its
plan into `FormSheet`s (one per plan item and form, or per subject for an each-member item), and
the layout and drawing modules only place and draw what is here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kakanai.domain.catalog import Catalog, Form, FormField
from kakanai.domain.draft import Draft, draft_from_household
from kakanai.domain.household import Household
from kakanai.domain.planner import Plan, PlannedProcedure, in_context
from kakanai.domain.rules import evaluate
from kakanai.domain.sources import SOURCES, format_seireki, source_applies, source_text
from kakanai.domain.wareki import format_wareki


@dataclass(frozen=True)
class Cell:
    """A labelled value: a household field or a member-table column."""

    label: str
    text: str
    width: float
    source: str
    required: bool
    write: bool = False  # an empty optional box is left blank to write by hand (not struck through)


@dataclass(frozen=True)
class Row:
    """One person's row in a form's member table; ``kana`` is printed small above the name."""

    member_index: int
    kana: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class FormSheet:
    """Everything one form instance prints (before it is split into pages)."""

    form: Form
    procedure_ids: tuple[str, ...]
    procedure_title: str
    subjects: tuple[int, ...]
    city: str
    department: str
    counter: str
    issued: str
    fields: tuple[Cell, ...]
    columns: tuple[FormField, ...]
    rows: tuple[Row, ...]
    checks: tuple[tuple[str, bool], ...]
    missing: tuple[str, ...]


def label_of(item: FormField) -> str:
    """The label a form shows for a field: its own, or the source's default."""
    return item.label or SOURCES[item.source].label


def form_sheets(household: Household, plan: Plan, catalog: Catalog, issued: date) -> list[FormSheet]:
    """One sheet per (plan item, form) in plan order; an each-member item gives one per subject."""
    draft = in_context(draft_from_household(household), catalog, issued)
    sheets: list[FormSheet] = []
    for item in plan.items:
        groups = _subject_groups(item, len(household.members))
        for form_id in item.procedure.definition.forms:
            form = catalog.forms[form_id]
            sheets.extend(_sheet(household, draft, catalog, item, form, who, issued) for who in groups)
    return sheets


def _subject_groups(item: PlannedProcedure, count: int) -> list[tuple[int, ...]]:
    scope = item.procedure.definition.scope
    if scope == "household":
        return [tuple(range(count))]
    if scope == "each_member":
        return [(i,) for i in item.subjects] or [()]
    return [item.subjects]


def _sheet(household: Household, draft: Draft, catalog: Catalog, item: PlannedProcedure, form: Form,
           subjects: tuple[int, ...], issued: date) -> FormSheet:
    department = catalog.departments[form.department]
    fields = tuple(_cell(f, source_text(f.source, household), source_applies(f.source, household)) for f in form.fields)
    columns = tuple(form.member_columns)
    rows = tuple(_row(household, columns, i) for i in subjects) if columns else ()
    missing = [c.label for c in fields if c.required and not c.text.strip()]
    missing += [f"{c.label}（{household.members[r.member_index].full_name}）"
                for r in rows for c in r.cells if c.required and not c.text.strip()]
    filed = format_seireki(issued) if form.definition.era == "seireki" else format_wareki(issued)
    return FormSheet(form, (item.id,), item.procedure.title, subjects, catalog.city.name, department.name,
                     department.counter, filed, fields, columns, rows,
                     tuple((box.label, evaluate(box.condition, draft).value is True) for box in form.checkboxes), tuple(missing))


def _cell(item: FormField, text: str, applies: bool = True) -> Cell:
    return Cell(label_of(item), text, item.width, item.source, item.required, item.blank == "write" and applies)


def _row(household: Household, columns: tuple[FormField, ...], index: int) -> Row:
    cells = tuple(_cell(c, source_text(c.source, household, index), source_applies(c.source, household, index))
                  for c in columns)
    return Row(index, household.members[index].full_kana, cells)

