"""The printer list offers 「PDFファイルに保存」 only when IT set a folder, and saving writes only there."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.pdf.bundle import BundleReport
from kakanai.services.documents import Bundle
from kakanai.ui.printing import SAVE_AS_PDF, print_bundle, printer_names


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
