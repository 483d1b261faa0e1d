"""The bundle printed through a real print system: CUPS with the cups-pdf virtual printer.

What came out of the printer is read back: page count, each page's paper and orientation, the text
(the PDF went as PDF, not as images), the proportions of what is drawn, and the job's own attributes
(title = visit id only, one-sided, copies). Skipped only where CUPS cannot be set up (not root).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from kakanai.domain.catalog import Catalog
from kakanai.services import cups
from kakanai.services.printing import bundle_pages, page_sizes, split_parts
from tests.cups_pdf import LETTER, QUEUE, aspect, content_box, job_attributes, printed, require_cups
from tests.services.printing_cases import a3_catalog, family_bundle

A4, A3, LETTER_SIZE = (595, 842), (842, 1191), (612, 792)


@pytest.fixture(autouse=True)
def _cups() -> None:
    require_cups()


def _print(bundle, printer: str, takehome_copies: int = 1) -> list[cups.Job]:  # type: ignore[no-untyped-def]
    parts = split_parts(bundle_pages(bundle.pdf, bundle.report, takehome_copies=takehome_copies), printer)
    return cups.submit(bundle.pdf, parts, bundle.visit_id)


def _pages(jobs: list[cups.Job]) -> list[tuple[Path, int]]:
    """Every printed page in order, as (the job's PDF, 1-based page number)."""
    pages = []
    for job in jobs:
        path = printed(job.job_id)
        pages += [(path, n + 1) for n in range(len(PdfReader(path).pages))]
    return pages


def _size(path: Path, page: int) -> tuple[int, int]:
    width, height = page_sizes(path.read_bytes())[page - 1]
    return round(width), round(height)


def _assert_not_distorted(source: Path, printed_pages: list[tuple[Path, int]], folder: Path) -> None:
    for number, (path, page) in enumerate(printed_pages, 1):
        wanted, got = aspect(content_box(source, number, folder)), aspect(content_box(path, page, folder))
        assert abs(got / wanted - 1) <= 0.005, f"page {number}: proportions {got:.4f} vs {wanted:.4f}"


def test_the_family_bundle_goes_as_pdf_on_a4_portrait_with_its_text(catalog: Catalog, tmp_path: Path) -> None:
    # Given the family of four's bundle of 14 A4 pages
    bundle = family_bundle(catalog, "V20260401-PRN1")
    # When it is printed on the counter's printer
    started = time.perf_counter()
    jobs = _print(bundle, QUEUE)
    accepted = time.perf_counter() - started
    # Then the print system accepted it at once, as PDF, titled with the visit id only
    assert accepted < 2.0
    attributes = [job_attributes(job.job_id, tmp_path) for job in jobs]
    assert [a["job-name"] for a in attributes] == [bundle.visit_id] * 2
    assert {a["document-format"] for a in attributes} == {"application/pdf"}
    assert [a.get("sides") for a in attributes] == ["one-sided", None]  # forms have a 署名欄, the sheet not
    # and every page came out on A4 portrait, its text still text, its proportions kept
    pages = _pages(jobs)
    assert len(pages) == 14
    assert {_size(path, page) for path, page in pages} == {A4}
    assert "住民異動届" in PdfReader(pages[0][0]).pages[0].extract_text()
    assert "お手続きのご案内" in PdfReader(pages[-1][0]).pages[0].extract_text()
    source = tmp_path / "source.pdf"
    source.write_bytes(bundle.pdf)
    _assert_not_distorted(source, pages, tmp_path)


def test_an_a3_form_prints_on_a3_where_the_printer_has_it(catalog_copy: Path, tmp_path: Path) -> None:
    bundle = family_bundle(a3_catalog(catalog_copy), "V20260401-PRN2")
    pages = _pages(_print(bundle, QUEUE))
    assert [_size(path, page) for path, page in pages] == [A4] * 4 + [A3] + [A4] * 9
    source = tmp_path / "source.pdf"
    source.write_bytes(bundle.pdf)
    _assert_not_distorted(source, pages, tmp_path)


def test_on_letter_paper_every_page_is_fitted_undistorted(catalog_copy: Path, tmp_path: Path) -> None:
    # Given a printer with Letter paper only and a bundle of A4 pages and one A3 form
    bundle = family_bundle(a3_catalog(catalog_copy), "V20260401-PRN3")
    pages = _pages(_print(bundle, LETTER))
    # Then every page is on Letter, portrait, and what is drawn keeps its proportions
    assert [_size(path, page) for path, page in pages] == [LETTER_SIZE] * 14
    source = tmp_path / "source.pdf"
    source.write_bytes(bundle.pdf)
    _assert_not_distorted(source, pages, tmp_path)


def test_take_home_copies_are_the_jobs_copies(catalog: Catalog, tmp_path: Path) -> None:
    jobs = _print(family_bundle(catalog, "V20260401-PRN4"), QUEUE, takehome_copies=2)
    assert [job_attributes(job.job_id, tmp_path).get("copies") for job in jobs] == ["1", "2"]
    printed(jobs[-1].job_id)


def test_the_clerk_sees_accepted_or_printing_then_done(catalog: Catalog) -> None:
    jobs = _print(family_bundle(catalog, "V20260401-PRN5"), QUEUE)
    first = cups.status(jobs)
    assert first.phase in ("accepted", "printing", "done")
    for job in jobs:
        printed(job.job_id)
    final = cups.status(jobs)
    assert final.finished and "署名" in final.text and final.pending == ()


def test_an_unknown_printer_is_refused_with_what_to_do(catalog: Catalog) -> None:
    with pytest.raises(cups.PrintSystemError, match="見つかりません"):
        _print(family_bundle(catalog, "V20260401-PRN6"), "kakanai-no-such-printer")


def test_a_job_that_stays_in_the_queue_is_told_as_stuck(catalog: Catalog, holding_queue: str) -> None:
    jobs = _print(family_bundle(catalog, "V20260401-PRN7"), holding_queue)
    assert cups.status(jobs).phase == "accepted"  # waiting is normal at first
    result = cups.status(jobs, now=jobs[0].submitted + cups.STUCK_AFTER + 1)
    assert result.phase == "problem" and "進みません" in result.text and "再試行" in result.text
    assert set(result.pending) == {job.job_id for job in jobs}
    cups.cancel(list(result.pending))


def test_a_stopped_printer_is_told_with_what_to_do(catalog: Catalog, stopped_queue: str) -> None:
    jobs = _print(family_bundle(catalog, "V20260401-PRN8"), stopped_queue)
    result = cups.status(jobs)
    assert result.phase == "problem" and "止まっています" in result.text and "再試行" in result.text
    assert set(result.pending) == {job.job_id for job in jobs}
    cups.cancel(list(result.pending))
    assert cups.status(jobs).phase == "problem"  # cancelled is not printed: the clerk is told


def test_a_landscape_page_is_turned_onto_the_paper_undistorted(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4 as A4_POINTS
    from reportlab.lib.pagesizes import landscape
    from reportlab.pdfgen.canvas import Canvas

    source = tmp_path / "V20260401-LAND.pdf"
    canvas = Canvas(str(source), pagesize=landscape(A4_POINTS))
    canvas.rect(40, 60, landscape(A4_POINTS)[0] - 80, landscape(A4_POINTS)[1] - 120)
    canvas.drawString(60, 500, "landscape form")
    canvas.save()
    pdf = source.read_bytes()
    jobs = cups.submit(pdf, split_parts(bundle_pages(pdf, None), QUEUE), "V20260401-LAND")
    (path, page), = _pages(jobs)
    # Then it is on A4, turned a quarter (its long side along the paper's), not squeezed into portrait
    assert sorted(_size(path, page)) == sorted(A4)
    drawn, printed_box = content_box(source, 1, tmp_path), content_box(path, page, tmp_path)
    paper_portrait = _size(path, page)[0] < _size(path, page)[1]
    assert (printed_box[0] < printed_box[1]) == paper_portrait and drawn[0] > drawn[1]
    assert abs(aspect(printed_box) * aspect(drawn) - 1) <= 0.005 if paper_portrait else \
        abs(aspect(printed_box) / aspect(drawn) - 1) <= 0.005
