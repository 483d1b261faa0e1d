"""One call from a household and its plan to the print-ready bundle the resident only signs.

`render_bundle` prints every form of the plan in counter order (a page per plan item and form, a
page per person for an each-member procedure, more pages when a member table is long), then the
take-home sheet. `render_split` writes the same pages as one file per form. `check_printable`
lists the characters the fonts lack (外字) before anything is printed.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.household import Household
from kakanai.domain.planner import Plan
from kakanai.domain.planner import plan as make_plan
from kakanai.domain.problems import InvalidInput, Problem
from kakanai.pdf.content import FormSheet, form_sheets
from kakanai.pdf.draw import new_canvas
from kakanai.pdf.formpage import draw_form_page
from kakanai.pdf.layout import PAPER, page_layouts
from kakanai.pdf.overlay import draw_overlay_page, template_path
from kakanai.pdf.printable import printing_problems
from kakanai.pdf.takehome import draw_takehome

VISIT_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
TAKEHOME_FILE = "takehome"


@dataclass(frozen=True)
class FormPage:
    """A form in the bundle: its procedures, title, page numbers (1-based) and required fields left empty."""

    form_id: str
    procedure_ids: tuple[str, ...]
    title: str
    page_numbers: tuple[int, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class BundleReport:
    """What was printed: the page count, each form, and the characters printed as 〓 (外字)."""

    pages: int
    forms: tuple[FormPage, ...]
    unprintable: tuple[Problem, ...]


def check_printable(household: Household, catalog: Catalog) -> list[Problem]:
    """Every character the bundle for this household would print that the fonts lack (外字)."""
    return printing_problems(household, make_plan(draft_from_household(household), catalog), catalog)


@dataclass(frozen=True)
class _Job:
    """What every file of one printing needs."""

    household: Household
    plan: Plan
    catalog: Catalog
    visit_id: str
    issued: date


def render_bundle(household: Household, plan: Plan, catalog: Catalog, out: Path | BinaryIO, *, visit_id: str,
                  issued: date) -> BundleReport:
    """Write every form of ``plan`` in counter order, then the take-home sheet, as one PDF."""
    job = _Job(household, plan, catalog, visit_id, issued)
    forms, pages = _render(job, _prepare(job), out, first_page=1, takehome=True)
    return BundleReport(pages, tuple(forms), tuple(printing_problems(household, plan, catalog)))


def render_split(household: Household, plan: Plan, catalog: Catalog, folder: Path, *, visit_id: str,
                 issued: date) -> list[Path]:
    """Write one PDF per form (``01_juminido.pdf`` …, in counter order) and the take-home sheet last."""
    job = _Job(household, plan, catalog, visit_id, issued)
    sheets = _prepare(job)
    folder.mkdir(parents=True, exist_ok=True)
    written, page = [], 1
    for n, sheet in enumerate(sheets, 1):
        path = folder / f"{n:02d}_{sheet.form.id}.pdf"
        page += _render(job, [sheet], path, first_page=page, takehome=False)[1]
        written.append(path)
    path = folder / f"{len(sheets) + 1:02d}_{TAKEHOME_FILE}.pdf"
    _render(job, [], path, first_page=page, takehome=True)
    return written + [path]


def _prepare(job: _Job) -> list[FormSheet]:
    problems = [] if VISIT_ID.match(job.visit_id) else [
        Problem("visit_id", "受付番号は英数字・-・_ の40文字までで書きます", "visit id must be [A-Za-z0-9_-]{1,40}")]
    if problems:
        raise InvalidInput(problems, "印刷できません")
    return form_sheets(job.household, job.plan, job.catalog, job.issued)


def _render(job: _Job, sheets: list[FormSheet], out: Path | BinaryIO, *, first_page: int,
            takehome: bool) -> tuple[list[FormPage], int]:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, PAPER["A4"], f"{job.catalog.city.name} 届出書類")
    forms: list[FormPage] = []
    count = 0
    for sheet in sheets:
        numbers = []
        if sheet.form.template:
            template = template_path(sheet.form, job.catalog)
            draw_overlay_page(canvas, sheet, job.household, template, job.visit_id, first_page + count)
            numbers, count = [first_page + count], count + 1
        for layout in [] if sheet.form.template else page_layouts(sheet):
            canvas.setPageSize(layout.size)
            draw_form_page(canvas, sheet, layout, job.visit_id, first_page + count)
            numbers.append(first_page + count)
            count += 1
        forms.append(FormPage(sheet.form.id, sheet.procedure_ids, sheet.form.title, tuple(numbers), sheet.missing))
    if takehome:
        count += draw_takehome(canvas, job.household, job.plan, job.catalog, visit_id=job.visit_id, issued=job.issued)
    canvas.save()
    if isinstance(out, Path):  # whole or not at all: a disk that fills half-way leaves no half form behind
        temporary = out.with_name(f".{out.name}.part")
        try:
            temporary.write_bytes(buffer.getvalue())
            os.replace(temporary, out)
        except OSError:
            temporary.unlink(missing_ok=True)
            raise
    else:
        out.write(buffer.getvalue())
    return forms, count
