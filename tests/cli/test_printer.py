"""`kakanai print` takes the counter's path to a real print system (CUPS with cups-pdf)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from kakanai.cli import main
from kakanai.domain.catalog import Catalog
from tests.cups_pdf import QUEUE, job_attributes, printed, require_cups
from tests.services.printing_cases import family_bundle


def test_a_bundle_file_prints_as_one_pdf_job_titled_with_its_name(catalog: Catalog, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    require_cups()
    bundle = tmp_path / "V20260401-CLI1.pdf"
    bundle.write_bytes(family_bundle(catalog, "V20260401-CLI1").pdf)
    assert main(["print", str(bundle), "--printer", QUEUE]) == 0
    out = capsys.readouterr().out
    assert "受け付けました" in out and "印刷が終わりました" in out
    job_id = re.search(rf"{QUEUE}-\d+", out).group(0)  # type: ignore[union-attr]
    attributes = job_attributes(job_id, tmp_path)
    assert attributes["job-name"] == "V20260401-CLI1" and attributes["document-format"] == "application/pdf"
    assert attributes["sides"] == "one-sided"
    assert len(PdfReader(printed(job_id)).pages) == 14


def test_what_is_not_a_pdf_or_not_a_printer_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "notes.pdf"
    text.write_text("hello", encoding="utf-8")
    assert main(["print", str(text), "--printer", QUEUE]) == 2
    assert "PDF ではありません" in capsys.readouterr().err
    pdf = tmp_path / "V1.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert main(["print", str(pdf), "--printer", "kakanai-no-such-printer"]) == 2
    assert "見つかりません" in capsys.readouterr().err


@pytest.mark.parametrize(("kind", "words"), [
    ("cut", "PDF として読めません"), ("locked", "パスワードで保護されています"), ("no pages", "ページのない PDF です"),
])
def test_a_pdf_that_cannot_be_printed_is_said_so_before_any_job(catalog: Catalog, tmp_path: Path, kind: str, words: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    require_cups()
    from pypdf import PdfWriter

    pdf = tmp_path / "V1.pdf"
    writer = PdfWriter()
    if kind == "cut":
        pdf.write_bytes(family_bundle(catalog, "V20260401-CUT1").pdf[:3000])
    else:
        if kind == "locked":
            writer.add_blank_page(595, 842)
            writer.encrypt("secret")
        writer.write(pdf)
    assert main(["print", str(pdf), "--printer", QUEUE, "--no-wait"]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and "受け付けました" not in err
