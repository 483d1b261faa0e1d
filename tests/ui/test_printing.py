"""The printer list offers 「PDFファイルに保存」 only when IT set a folder, and saving writes only there; through
a real print system (CUPS with cups-pdf) the clerk follows the job to done, retries on another printer, and the
raster path (no print system taking PDF) keeps each page's proportions."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from PySide6.QtCore import Qt

from kakanai.demo import demo_residents
from kakanai.pdf.bundle import BundleReport
from kakanai.services.documents import Bundle
from kakanai.services.printing import bundle_pages, page_sizes, split_parts
from kakanai.ui.printing import SAVE_AS_PDF, paint_parts, print_bundle, printer_names
from tests.cups_pdf import LETTER, QUEUE, aspect, content_box, out_folder, printed, require_cups
from tests.services.printing_cases import a3_catalog, family_bundle
from tests.ui.conftest import Counter
from tests.ui.driver import wait_until


def test_saving_is_a_choice_only_when_allowed(qapp) -> None:  # type: ignore[no-untyped-def]
    assert SAVE_AS_PDF not in printer_names()
    assert printer_names(can_save=True)[-1] == SAVE_AS_PDF


def test_saving_without_a_folder_is_refused_and_writes_nothing(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bundle = Bundle("V1", b"%PDF-1.4", BundleReport(1, (), ()))
    with pytest.raises(OSError, match="pdf_save_dir"):
        print_bundle(bundle, SAVE_AS_PDF, None)
    assert list(tmp_path.iterdir()) == []
    assert print_bundle(bundle, SAVE_AS_PDF, tmp_path / "it") == str(tmp_path / "it" / "V1.pdf")


# -- through a real print system (CUPS with cups-pdf; tests/cups_pdf.py) -----------------------
def _press_print(counter: Counter, printer: str) -> str:
    """A QR family move-in up to the print page, ``printer`` chosen, 本人確認 with Enter; returns the visit id."""
    window, clerk = counter.window, counter.clerk
    clerk.press(Qt.Key.Key_F1)
    clerk.scan(demo_residents()[0][1])
    visit_id = window.controller.session.visit_id
    clerk.press(Qt.Key.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    clerk.press(Qt.Key.Key_F5)
    window.print_page.set_printers(printer_names() + [printer], printer)
    clerk.choose(1)  # 本人確認: マイナンバーカード, and Enter prints
    return visit_id


def test_the_visit_counts_printing_from_job_submitted_to_done(counter: Counter, holding_queue: str) -> None:
    require_cups()
    # Given a printer that keeps the job waiting (warming up, busy with another job)
    window = counter.window
    visit_id = _press_print(counter, holding_queue)
    # When the print system has the job, the clerk sees it accepted, not printed
    wait_until(lambda: window.print_run.submission is not None and "受け付けました" in window.print_page.status.text())
    counter.clock.advance(40)
    assert window.controller.bundle is not None and "署名" not in window.print_page.status.text()
    # and once it has printed, the resident signs
    for job in window.print_run.submission.jobs:
        subprocess.run(["lp", "-i", job.job_id, "-H", "resume"], check=True, capture_output=True)
    wait_until(lambda: "署名" in window.print_page.status.text(), seconds=60)
    counter.clock.advance(60)
    counter.clerk.press(Qt.Key.Key_F6)
    counter.services.recorder.flush()
    # Then the visit's printing time is job submitted → done
    summary = counter.services.visit_log.summary(visit_id)
    assert summary is not None and summary.seconds_by_state["printing"] == pytest.approx(40, abs=1)


def test_a_stopped_printer_is_shown_and_retry_prints_on_another(counter: Counter, stopped_queue: str) -> None:
    require_cups()
    window = counter.window
    _press_print(counter, stopped_queue)
    wait_until(lambda: "止まっています" in window.print_page.status.text(), seconds=30)
    assert window.print_page.retry_button.isVisible()
    stuck = [job.job_id for job in window.print_run.submission.jobs]
    # When the clerk picks the other printer and presses 再試行
    window.print_page.printers.setCurrentText(QUEUE)
    window.print_page.retry_button.click()
    wait_until(lambda: "署名" in window.print_page.status.text(), seconds=60)
    # Then it printed there, and nothing waits on the stopped one to print twice later
    assert not window.print_page.retry_button.isVisible()
    assert {job.printer for job in window.print_run.submission.jobs} == {QUEUE}
    for job in window.print_run.submission.jobs:
        printed(job.job_id)
    waiting = subprocess.run(["lpstat", "-W", "not-completed", "-o", stopped_queue], check=False, capture_output=True, text=True)
    assert not any(job_id in waiting.stdout for job_id in stuck)


def test_without_cups_pages_are_rasterised_and_fitted_on_letter_undistorted(qapp, catalog_copy: Path,  # type: ignore[no-untyped-def]
                                                                    tmp_path: Path) -> None:
    require_cups()
    # Given the raster path (Windows' path, here through CUPS so the result can be read back)
    bundle = family_bundle(a3_catalog(catalog_copy), "V20260401-RAST")
    parts = [p for p in split_parts(bundle_pages(bundle.pdf, bundle.report), LETTER) if p.first < 5]
    before = set(out_folder().glob("V20260401-RAST*.pdf")) if out_folder().is_dir() else set()
    paint_parts(bundle.pdf, parts, bundle.visit_id)
    # Then each page is on the tray's Letter, its proportions kept
    outputs: list[Path] = []
    wait_until(lambda: len(outputs := sorted(set(out_folder().glob("V20260401-RAST*.pdf")) - before)) == len(parts)
               and all(_complete(o) for o in outputs), seconds=120)
    outputs = sorted(set(out_folder().glob("V20260401-RAST*.pdf")) - before, key=lambda o: o.stat().st_mtime)
    pages = [(path, n + 1) for path in outputs for n in range(len(PdfReader(path).pages))]
    assert len(pages) == 5
    source = tmp_path / "source.pdf"
    source.write_bytes(bundle.pdf)
    for number, (path, page) in enumerate(pages, 1):
        width, height = page_sizes(path.read_bytes())[page - 1]
        assert (round(width), round(height)) == (612, 792)
        wanted, got = aspect(content_box(source, number, tmp_path)), aspect(content_box(path, page, tmp_path))
        assert abs(got / wanted - 1) <= 0.005, f"page {number}: {got:.4f} vs {wanted:.4f}"


def _complete(path: Path) -> bool:
    try:
        return len(PdfReader(path).pages) > 0
    except (OSError, PdfReadError):  # still being written
        return False
