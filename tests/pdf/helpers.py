"""Helpers for the PDF tests: households, their plans, rendering a bundle, and ways to read PDFs back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.household import Household
from kakanai.domain.household_doc import parse_household
from kakanai.domain.planner import Plan, plan
from kakanai.pdf.bundle import BundleReport, render_bundle
from tests.conftest import household_doc

ISSUED = date(2026, 4, 1)
VISIT = "V20260401-0001"


def household_of(doc: dict[str, Any]) -> Household:
    """A validated household from a document."""
    return parse_household(doc).household


def plan_of(household: Household, catalog: Catalog) -> Plan:
    """The plan for a household."""
    return plan(draft_from_household(household), catalog)


@dataclass(frozen=True)
class Rendered:
    """A bundle written to disk, with its report."""

    path: Path
    report: BundleReport
    household: Household
    plan: Plan

    def reader(self) -> PdfReader:
        """The PDF, opened."""
        return PdfReader(self.path)

    def lines(self, page: int) -> list[str]:
        """The extracted text lines of a 1-based page, without surrounding spaces."""
        return [line.strip() for line in self.reader().pages[page - 1].extract_text().splitlines()]


def render(tmp: Path, name: str, catalog: Catalog, doc: dict[str, Any] | None = None) -> Rendered:
    """Render the bundle of a fixture household (or of ``doc``) into ``tmp``."""
    household = household_of(doc if doc is not None else household_doc(name))
    the_plan = plan_of(household, catalog)
    path = tmp / f"{name}.pdf"
    report = render_bundle(household, the_plan, catalog, path, visit_id=VISIT, issued=ISSUED)
    return Rendered(path, report, household, the_plan)


def text_positions(reader: PdfReader, page: int) -> list[tuple[str, float, float]]:
    """Each text run of a 1-based page with where it starts, in PDF points."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if found and not found[-1][0].endswith("\n") and abs(found[-1][2] - y) < 0.5:
            found[-1] = (found[-1][0] + text, found[-1][1], found[-1][2])  # a font-subset switch mid-string
        elif text.strip():
            found.append((text, x, y))

    reader.pages[page - 1].extract_text(visitor_text=visit)
    return [(text.strip(), x, y) for text, x, y in found]


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font a PDF's pages use (including inside form XObjects: a city's template), and whether
    it is embedded."""
    fonts: dict[str, bool] = {}

    def visit(resources: Any, seen: set[int]) -> None:
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts[str(font["/BaseFont"])] = fonts.get(str(font["/BaseFont"]), True) and embedded
        for xobject in resources.get("/XObject", {}).values():
            key = getattr(xobject, "idnum", id(xobject))
            if key not in seen and xobject.get_object().get("/Subtype") == "/Form":
                seen.add(key)
                visit(xobject.get_object().get("/Resources", {}).get_object(), seen)

    for page in reader.pages:
        visit(page["/Resources"].get_object(), set())
    return fonts
