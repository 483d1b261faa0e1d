"""Sending a bundle to a printer: pages rendered by QtPdf, painted on a QPrinter off the UI thread."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

SAVE_AS_PDF = "PDFファイルに保存"


def printer_names() -> list[str]:
    """The printers this PC knows, default first, then the save-as-PDF choice."""
    default = QPrinterInfo.defaultPrinterName()
    names = [default] if default else []
    names += [n for n in QPrinterInfo.availablePrinterNames() if n != default]
    return names + [SAVE_AS_PDF]


def print_bundle(path: Path, printer_name: str, save_folder: Path) -> str:
    """Print (or save) a bundle; returns where it went. Safe to call from a worker thread."""
    if printer_name == SAVE_AS_PDF:
        save_folder.mkdir(parents=True, exist_ok=True)
        target = save_folder / path.name
        shutil.copyfile(path, target)
        return str(target)
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise OSError(f"PDFを開けません: {path}")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    printer.setDocName(path.stem)
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
    return printer_name
