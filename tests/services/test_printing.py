"""A bundle is cut into print jobs of consecutive same-kind pages: paper, sides, copies, printer, tray."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.domain.catalog import Catalog
from kakanai.services.printing import Route, bundle_pages, page_sizes, part_pdf, reason_text, split_parts
from tests.services.printing_cases import a3_catalog, family_bundle


def test_the_family_bundle_is_one_job_of_forms_one_sided_and_one_of_the_take_home_sheet(catalog: Catalog) -> None:
    bundle = family_bundle(catalog, "V1")
    parts = split_parts(bundle_pages(bundle.pdf, bundle.report, takehome_copies=2), "counter")
    assert [(p.first, p.stop, p.paper, p.one_sided, p.copies) for p in parts] == [
        (0, 12, "A4", True, 1), (12, 14, "A4", False, 2)]
    assert {p.printer for p in parts} == {"counter"} and not any(p.landscape for p in parts)


def test_an_a3_form_is_a_job_of_its_own_between_a4_ones(catalog_copy: Path) -> None:
    bundle = family_bundle(a3_catalog(catalog_copy), "V1")
    parts = split_parts(bundle_pages(bundle.pdf, bundle.report), "counter")
    assert [(p.first, p.stop, p.paper) for p in parts] == [(0, 4, "A4"), (4, 5, "A3"), (5, 12, "A4"), (12, 14, "A4")]
    (width, height), = page_sizes(part_pdf(bundle.pdf, parts[1]))  # the part alone, in memory
    assert (width, height) == (pytest.approx(841.89, abs=1), pytest.approx(1190.55, abs=1))


def test_a_procedure_routed_to_a_tray_or_printer_gets_its_own_job(catalog: Catalog) -> None:
    bundle = family_bundle(catalog, "V1")
    routes = {"juminido_move_in": Route(tray="tray-2"), "seal_registration": Route(printer="shimin-mfp")}
    parts = split_parts(bundle_pages(bundle.pdf, bundle.report, routes=routes), "counter")
    assert [(p.first, p.stop, p.printer, p.tray) for p in parts] == [
        (0, 1, "counter", "tray-2"), (1, 2, "shimin-mfp", ""), (2, 12, "counter", ""), (12, 14, "counter", "")]


def test_no_take_home_copies_leaves_the_sheet_out(catalog: Catalog) -> None:
    bundle = family_bundle(catalog, "V1")
    parts = split_parts(bundle_pages(bundle.pdf, bundle.report, takehome_copies=0), "counter")
    assert [(p.first, p.stop) for p in parts] == [(0, 12)]


def test_a_pdf_without_a_report_prints_every_page_one_sided(catalog: Catalog) -> None:
    bundle = family_bundle(catalog, "V1")
    assert [(p.first, p.stop, p.one_sided) for p in split_parts(bundle_pages(bundle.pdf, None), "x")] == [(0, 14, True)]


def test_printer_reasons_become_what_the_clerk_does_next() -> None:
    assert "用紙を補給" in reason_text(["media-empty-error"])
    assert "オフライン" in reason_text(["none", "offline-report"])
    assert "紙が詰まって" in reason_text(["media-jam"])
    assert reason_text(["media-low-warning"]) == "" and reason_text([]) == ""
