"""Nothing with a resident's data outlives the visit in clear text: the bundle lives in memory only
(the preview holds no file open), a crash leaves no PDF behind, and 「PDFファイルに保存」 exists only
when IT set a folder, and writes only there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kakanai.app import build_window
from kakanai.bootstrap import build_services
from kakanai.demo import demo_residents
from kakanai.settings import load_settings
from kakanai.ui import dialogs
from kakanai.ui.printing import SAVE_AS_PDF
from kakanai.ui.tasks import pending_tasks
from tests.ui.conftest import Counter, _counter_clock, open_counter
from tests.ui.driver import wait_until

K = Qt.Key
YAMADA = demo_residents()[0][1]  # the 山田 family's QR


def clear_text_copies(folder: Path) -> list[Path]:
    """Files under ``folder`` that hold a PDF or the family's name in clear text."""
    markers = (b"%PDF", "山田".encode(), "山田".encode("utf-16-le"))
    return [p for p in folder.rglob("*") if p.is_file() and any(m in p.read_bytes() for m in markers)]


def open_pdf_files() -> list[str]:
    """PDF files this process holds open (Linux: /proc/self/fd)."""
    links = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            links.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue  # closed meanwhile
    return [link for link in links if ".pdf" in link]


def _review(c: Counter) -> str:
    c.clerk.press(K.Key_F1)
    c.clerk.scan(YAMADA)
    c.clerk.press(K.Key_F4)
    wait_until(lambda: c.window.controller.bundle is not None and c.window.review_page.document.pageCount() > 0)
    return c.window.controller.session.visit_id


def test_a_finished_visit_leaves_its_forms_only_in_it_s_save_folder(counter: Counter) -> None:
    # Given a visit reviewed, saved as PDF (IT set a folder) and finished
    visit_id = _review(counter)
    counter.clerk.press(K.Key_F5)
    counter.window.print_page.printers.setCurrentText(SAVE_AS_PDF)
    counter.clerk.choose(1)  # 本人確認: マイナンバーカード, and Enter prints
    wait_until(lambda: "署名" in counter.window.print_page.status.text())
    counter.clerk.press(K.Key_F6)
    # Then the PDF went to IT's folder and nowhere else
    assert [p.name for p in counter.saved.iterdir()] == [f"{visit_id}.pdf"]
    assert clear_text_copies(counter.data) == []
    # And the preview has let go of the forms
    assert counter.window.review_page.document.pageCount() == 0


def test_a_cancelled_visit_leaves_no_forms_behind(counter: Counter) -> None:
    _review(counter)
    counter.clerk.press(K.Key_F9)
    assert counter.window.controller.session is None
    assert clear_text_copies(counter.data) == [] and not counter.saved.exists()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")
def test_the_preview_holds_no_file_open(counter: Counter) -> None:
    # QPdfDocument keeps a file it loaded open even after close(): on Windows it could not be deleted
    _review(counter)
    assert open_pdf_files() == []
    counter.clerk.press(K.Key_F9)
    assert open_pdf_files() == []


def test_a_crash_leaves_no_forms_on_disk(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Given a visit whose forms are on screen when the power goes off
    dialogs.AUTO_ANSWER = True
    clock = _counter_clock()
    first = open_counter(qapp, tmp_path, clock)
    second = None
    try:
        _review(first)
        first.services.recorder.writer.flush()
        first.window.close()
        assert clear_text_copies(tmp_path) == []
        # When the counter starts again and the clerk resumes the visit (its forms are made again)
        second = open_counter(qapp, tmp_path, clock)
        wait_until(lambda: second.window.controller.bundle is not None and pending_tasks() == 0)
        # Then no PDF of the resident is on disk, before or after
        assert clear_text_copies(tmp_path) == []
    finally:
        for c in filter(None, [second, first]):
            c.window.close()
            c.services.close()
        dialogs.AUTO_ANSWER = None


def test_saving_as_pdf_is_not_offered_unless_it_set_a_folder(  # type: ignore[no-untyped-def]
        qapp, tmp_path: Path) -> None:
    services = build_services(load_settings([], {"data_dir": str(tmp_path)}))
    window = build_window(services, demo=False)
    try:
        offered = [window.print_page.printers.itemText(i) for i in range(window.print_page.printers.count())]
        assert SAVE_AS_PDF not in offered
        assert window.options.save_folder is None
    finally:
        window.close()
        services.close()


def test_bundles_left_in_the_data_folder_by_an_earlier_version_are_deleted_at_start(  # type: ignore[no-untyped-def]
        qapp, tmp_path: Path) -> None:
    for name in ("out/V1.pdf", "out/V2.tmp", "printed/V0.pdf"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"%PDF-1.4 resident")
    services = build_services(load_settings([], {"data_dir": str(tmp_path)}))
    window = build_window(services, demo=False)
    try:
        assert clear_text_copies(tmp_path) == []
        assert not (tmp_path / "out").exists() and not (tmp_path / "printed").exists()
    finally:
        window.close()
        services.close()
