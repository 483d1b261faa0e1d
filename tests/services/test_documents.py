"""The document service renders a visit's bundle into memory: no file is written, and only IT's
save folder ever receives a copy (owner-only)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from kakanai.domain.catalog import Catalog
from kakanai.services.casework import Casework
from kakanai.services.documents import Bundle, remove_legacy_copies, save_copy
from tests.conftest import household_doc
from tests.pdf.helpers import ISSUED, VISIT, household_of, plan_of


@pytest.fixture(scope="module")
def bundle(catalog: Catalog) -> Bundle:
    household = household_of(household_doc("single_move_within"))
    return Casework(catalog).render(household, plan_of(household, catalog), VISIT, ISSUED)


def test_a_bundle_is_rendered_in_memory_and_writes_no_file(catalog: Catalog, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    household = household_of(household_doc("single_move_within"))
    rendered = Casework(catalog).render(household, plan_of(household, catalog), VISIT, ISSUED)
    assert rendered.pdf.startswith(b"%PDF") and rendered.visit_id == VISIT
    assert list(tmp_path.iterdir()) == []


def test_a_saved_copy_goes_into_the_folder_only_and_is_owner_only(bundle: Bundle, tmp_path: Path) -> None:
    target = save_copy(bundle, tmp_path / "pdf")
    assert [p.name for p in (tmp_path / "pdf").iterdir()] == [f"{VISIT}.pdf"] and target.parent == tmp_path / "pdf"
    assert len(PdfReader(target).pages) == bundle.report.pages
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_it_s_save_folder_is_kept_even_inside_the_data_folder(tmp_path: Path) -> None:
    for name in ("out/V1.pdf", "printed/V2.pdf"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"%PDF")
    assert remove_legacy_copies(tmp_path, keep=tmp_path / "printed") == 1
    assert not (tmp_path / "out").exists() and (tmp_path / "printed" / "V2.pdf").exists()


def test_a_saved_copy_the_disk_refuses_half_way_leaves_nothing(bundle: Bundle, tmp_path: Path) -> None:
    # Given IT's save folder on a disk with room for a part of the bundle only (a file size limit here)
    import resource
    import subprocess
    import sys

    folder = tmp_path / "saved"
    pdf = tmp_path / "bundle.pdf"
    pdf.write_bytes(bundle.pdf)
    script = ("import sys; from pathlib import Path; from kakanai.services.documents import Bundle, save_copy\n"
              "save_copy(Bundle('V20260401-0001', Path(sys.argv[1]).read_bytes(), None), Path(sys.argv[2]))")
    limit = len(bundle.pdf) // 2
    done = subprocess.run([sys.executable, "-c", script, str(pdf), str(folder)], capture_output=True, text=True,
                          check=False, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
    # Then the save fails (the print page says so), and no half PDF of the family stays in the folder
    assert done.returncode != 0 and "File too large" in done.stderr
    assert list(folder.iterdir()) == []
