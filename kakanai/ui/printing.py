"""Sending a bundle to a printer: pages rendered by QtPdf from memory, painted on a QPrinter off the
UI thread. Saving as a PDF file is offered only when IT has set a save folder (``pdf_save_dir``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kakanai.services.documents import Bundle, save_copy

SAVE_AS_PDF = "PDFファイルに保存"


def printer_names(can_save: bool = False) -> list[str]:
    """The printers this PC knows, default first, then the save-as-PDF choice if IT allows it."""
    default = QPrinterInfo.defaultPrinterName()
    names = [default] if default else []
    names += [n for n in QPrinterInfo.availablePrinterNames() if n != default]
    return names + [SAVE_AS_PDF] if can_save else names


def print_bundle(bundle: Bundle, printer_name: str, save_folder: Path | None) -> str:
    """Print (or save to IT's folder) a bundle; returns where it went. Safe to call from a worker."""
    if printer_name == SAVE_AS_PDF:
        if save_folder is None:
            raise OSError("PDFの保存先が設定されていません（設定 pdf_save_dir）")
        return str(save_copy(bundle, save_folder))
    buffer = QBuffer()
    buffer.setData(QByteArray(bundle.pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready:
            raise OSError("PDFを開けません")
        _paint(document, printer_name, bundle.visit_id)
    finally:
        document.close()
        buffer.close()
    return printer_name


def _paint(document: QPdfDocument, printer_name: str, doc_name: str) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    printer.setDocName(doc_name)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"プリンター「{printer_name}」を使えません")
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            target = painter.viewport()
            image = document.render(index, QSize(target.width(), target.height()))
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
