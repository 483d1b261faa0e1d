"""Sending a bundle to a printer, the fewest and sharpest bytes the print system takes.

- Where the print system takes PDF (CUPS on Linux and macOS, which hands IPP Everywhere printers
  the PDF itself): the bundle's own bytes, one job per part (services.printing), through
  services.cups. Vector text, a few hundred kilobytes, accepted in milliseconds.
- Elsewhere (Windows): each page rendered by QtPdf at 300 dpi in grey and painted on a QPrinter,
  one page at a time, on the page's own paper when the printer has it, else fitted, proportions kept,
  centred. Only one page image is in memory at once.
- 「PDFファイルに保存」 only when IT has set a save folder (``pdf_save_dir``).

`submit` and `status` are safe to call from a worker; `PrintRun` drives them from the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kakanai.services import cups
from kakanai.services.documents import Bundle, save_copy
from kakanai.services.printing import Part, PrintState, PrintStatus, Route, bundle_pages, split_parts
from kakanai.ui.tasks import run_in_background

SAVE_AS_PDF = QT_TRANSLATE_NOOP("PrintPage", "PDFファイルに保存")  # a choice among the printers (shown translated)
RASTER_DPI = 300  # plenty for a form; grey, not RGB
POLL_MS = 500


@dataclass(frozen=True)
class PrintPlan:
    """IT's printing settings: which procedures go to which printer and tray, take-home copies."""

    routes: Mapping[str, Route] = field(default_factory=dict)
    takehome_copies: int = 1


@dataclass(frozen=True)
class Submission:
    """What was handed over: the bundle's parts and, through CUPS, their jobs (else already done)."""

    parts: tuple[Part, ...]
    jobs: tuple[cups.Job, ...] = ()
    where: str = ""  # the saved file, when saved to IT's folder


def printer_names(can_save: bool = False) -> list[str]:
    """The printers this PC knows, default first, then the save-as-PDF choice if IT allows it."""
    if cups.available():
        names = cups.printers()
    else:
        default = QPrinterInfo.defaultPrinterName()
        names = ([default] if default else []) + [n for n in QPrinterInfo.availablePrinterNames() if n != default]
    return names + [SAVE_AS_PDF] if can_save else names


def plan_parts(bundle: Bundle, printer: str, plan: PrintPlan) -> list[Part]:
    """The bundle's parts: same printer, tray, paper, sides and copies, in page order (one part
    when saving to IT's folder)."""
    if printer == SAVE_AS_PDF:
        return [Part(0, bundle.report.pages, SAVE_AS_PDF, "", False, False, 1)]
    pages = bundle_pages(bundle.pdf, bundle.report, routes=plan.routes, takehome_copies=plan.takehome_copies)
    return split_parts(pages, printer)


def submit(bundle: Bundle, parts: list[Part], save_folder: Path | None = None) -> Submission:
    """Hand the parts to the print system (or save the bundle to IT's folder); call from a worker."""
    if parts and all(p.printer == SAVE_AS_PDF for p in parts):
        if save_folder is None:
            raise cups.PrintSystemError(PrintState.NO_SAVE_FOLDER)
        return Submission(tuple(parts), where=str(save_copy(bundle, save_folder)))
    return Submission(tuple(parts), send(bundle.pdf, parts, bundle.visit_id))


def send(pdf: bytes, parts: list[Part], title: str) -> tuple[cups.Job, ...]:
    """The print system's path, titled ``title``: the PDF to CUPS where it exists (its jobs returned),
    else pages painted on QPrinter (nothing to follow: returns no jobs). Call from a worker."""
    if cups.available():
        return tuple(cups.submit(pdf, parts, title))
    paint_parts(pdf, parts, title)
    return ()


def status(submission: Submission) -> PrintStatus:
    """Where a submission stands; call from a worker."""
    if not submission.jobs:
        return PrintStatus(PrintState.SAVED, detail=submission.where) if submission.where else PrintStatus(PrintState.SENT)
    return cups.status(list(submission.jobs))


def print_bundle(bundle: Bundle, printer_name: str, save_folder: Path | None, plan: PrintPlan = PrintPlan()) -> str:
    """Submit a bundle in one call (no waiting for the printer); returns where it went."""
    submission = submit(bundle, plan_parts(bundle, printer_name, plan), save_folder)
    return submission.where or printer_name


# -- the raster path (no print system taking PDF) ---------------------------------------------
def paint_parts(pdf: bytes, parts: list[Part], title: str, dpi: int = RASTER_DPI) -> None:
    """Render each part's pages at ``dpi`` in grey and paint them, one page at a time, on a QPrinter."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready:
            raise cups.PrintSystemError(PrintState.UNREADABLE_PDF)
        for part in parts:
            _paint_part(document, part, title, dpi)
    finally:
        document.close()
        buffer.close()


def _printer_for(part: Part, title: str, dpi: int) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(part.printer)
    printer.setDocName(title)
    printer.setResolution(dpi)
    printer.setCopyCount(part.copies)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setDuplex(QPrinter.DuplexMode.DuplexNone if part.one_sided else QPrinter.DuplexMode.DuplexAuto)
    orientation = QPageLayout.Orientation.Landscape if part.landscape else QPageLayout.Orientation.Portrait
    wanted = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}.get(part.paper)
    info = QPrinterInfo.printerInfo(part.printer)
    offered = {size.id() for size in info.supportedPageSizes()}
    size = QPageSize(wanted) if wanted is not None and wanted in offered else info.defaultPageSize()
    printer.setPageLayout(QPageLayout(size, orientation, printer.pageLayout().margins()))
    return printer


def fitted(page: QSize | tuple[float, float], area: QRectF) -> QRectF:
    """The largest rectangle of the page's proportions inside ``area``, centred."""
    width, height = (page.width(), page.height()) if isinstance(page, QSize) else page
    scale = min(area.width() / width, area.height() / height)
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


def _paint_part(document: QPdfDocument, part: Part, title: str, dpi: int) -> None:
    printer = _printer_for(part, title, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"プリンター「{part.printer}」を使えません")
    try:
        for index in range(part.first, part.stop):
            if index > part.first:
                printer.newPage()
            point_size = document.pagePointSize(index)
            target = fitted((point_size.width(), point_size.height()), QRectF(painter.viewport()))
            painter.drawImage(target, _grey_page(document, index, QSize(round(target.width()), round(target.height()))))
    finally:
        painter.end()


def _grey_page(document: QPdfDocument, index: int, size: QSize) -> QImage:
    """One page as an 8-bit grey image on white paper (QtPdf leaves the background transparent)."""
    page = QImage(size, QImage.Format.Format_Grayscale8)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, document.render(index, size))
    painter.end()
    return page


# -- the UI thread's side ------------------------------------------------------------------------
class PrintRun(QObject):
    """One visit's printing: submit in the background, poll the print system, retry what did not print.

    Signals: ``changed(PrintStatus)`` on every new state; ``finished()`` once, when all is done.
    """

    changed = Signal(object)
    finished = Signal()

    def __init__(self, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.bundle: Bundle | None = None
        self.submission: Submission | None = None
        self.last: PrintStatus | None = None
        self._polling = False
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        """Handed over and not done, with nothing wrong: pressing 印刷 again would print twice."""
        return self.last is not None and self.last.phase in ("accepted", "printing")

    @property
    def failed(self) -> bool:
        """Something is wrong; ``retry`` sends again what has not printed."""
        return self.last is not None and self.last.phase == "problem"

    def start(self, bundle: Bundle, printer: str, plan: PrintPlan, save_folder: Path | None) -> None:
        """Print the whole bundle on ``printer`` (procedures IT routed elsewhere go there)."""
        self._begin(bundle, lambda: plan_parts(bundle, printer, plan), save_folder, pending=[])

    def retry(self, printer: str, plan: PrintPlan, save_folder: Path | None) -> None:
        """Withdraw what still waits and send again what has not printed, the counter's parts to ``printer``."""
        if self.bundle is None:
            return
        bundle, pending = self.bundle, list(self.last.pending) if self.last else []
        unprinted = self._unprinted()
        if not unprinted:
            self.start(bundle, printer, plan, save_folder)
            return
        routed = {route.printer for route in plan.routes.values() if route.printer}  # IT's, kept
        parts = [p if p.printer in routed else replace(p, printer=printer) for p in unprinted]
        self._begin(bundle, lambda: parts, save_folder, pending)

    def stop(self) -> None:
        """Stop watching (the visit ended or has a new bundle); jobs accepted go on printing."""
        self._timer.stop()
        self.bundle = self.submission = self.last = None

    def _begin(self, bundle: Bundle, parts: Callable[[], list[Part]], save_folder: Path | None,
               pending: list[str]) -> None:
        self._timer.stop()
        self.bundle, self.submission = bundle, None
        self._report(PrintStatus(PrintState.SENDING))

        def work() -> Submission:
            if pending:
                cups.cancel(pending)  # a retry never prints a part twice
            return submit(bundle, parts(), save_folder)

        run_in_background(work, self._on_submitted, self._on_failed)

    def _unprinted(self) -> list[Part]:
        """The parts whose jobs have not printed ([] when nothing was handed over)."""
        if self.submission is None or self.last is None:
            return []
        pending = set(self.last.pending)
        return [job.part for job in self.submission.jobs if job.job_id in pending]

    def _on_submitted(self, submission: Submission) -> None:
        if self.bundle is None:
            return  # the visit ended meanwhile
        self.submission = submission
        self._timer.start()
        self._poll()

    def _on_failed(self, exc: Exception) -> None:
        if self.bundle is not None:
            cause = exc.state if isinstance(exc, cups.PrintSystemError) else None
            self._report(PrintStatus(PrintState.FAILED, cause=cause, detail="" if cause else str(exc)))

    def _poll(self) -> None:
        if self._polling or self.submission is None:
            return
        self._polling = True
        submission = self.submission

        def done(result: PrintStatus) -> None:
            self._polling = False
            if submission is self.submission:
                self._report(result)

        def failed(exc: Exception) -> None:
            self._polling = False
            if submission is self.submission:
                pending = self.last.pending if self.last else ()
                self._report(PrintStatus(exc.state, pending) if isinstance(exc, cups.PrintSystemError)
                             else PrintStatus(PrintState.ERROR, pending, detail=str(exc)))

        run_in_background(lambda: status(submission), done, failed)

    def _report(self, result: PrintStatus) -> None:
        if result.finished:
            self._timer.stop()
        changed = result != self.last
        self.last = result
        if changed:
            self.changed.emit(result)
        if result.finished and changed:
            self.finished.emit()

