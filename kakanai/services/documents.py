"""The visit's PDF bundle (forms in counter order, take-home sheet last), kept in memory only.

`Casework.render` makes it. The bundle holds resident data, so it never touches the disk: the preview and the printer read it
from memory, and it goes with the visit (a visit open at a crash is rendered again from its
encrypted open-visit file). Only the folder IT sets as ``pdf_save_dir`` ever receives a copy.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kakanai.pdf.bundle import BundleReport

log = logging.getLogger(__name__)

# Where earlier versions left clear-text bundles in the data folder (purged at start).
LEGACY_FOLDERS = ("out", "printed")


@dataclass(frozen=True)
class Bundle:
    """A rendered bundle (the PDF's bytes, never a file) and what the renderer reported about it."""

    visit_id: str
    pdf: bytes
    report: BundleReport


def save_copy(bundle: Bundle, folder: Path) -> Path:
    """Write the bundle to IT's save folder as ``<visit id>.pdf`` (atomically); returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{bundle.visit_id}.pdf"
    temporary = target.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(bundle.pdf)
        os.replace(temporary, target)
    except OSError:  # a full disk: no half bundle with the family's data stays behind
        temporary.unlink(missing_ok=True)
        raise
    return target


def remove_legacy_copies(data_dir: Path, keep: Path | None = None) -> int:
    """Delete the clear-text bundles earlier versions left in ``<data>/out`` and ``<data>/printed``
    (never the folder ``keep``, IT's save folder); returns how many files were deleted."""
    removed = 0
    for name in LEGACY_FOLDERS:
        folder = data_dir / name
        if not folder.is_dir() or (keep is not None and _same(folder, keep)):
            continue
        for path in folder.iterdir():
            if path.is_file() and path.suffix in (".pdf", ".tmp"):
                path.unlink(missing_ok=True)
                removed += 1
        _remove_if_empty(folder)
    if removed:
        log.warning("deleted %d clear-text bundle(s) left in the data folder by an earlier version", removed)
    return removed


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # something else lives there: leave it
