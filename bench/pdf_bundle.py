"""Time the four-person move-in bundle: kakanai against the spreadsheet way many cities print today.

    python -m bench.pdf_bundle [--runs N] [--peer-runs N]

kakanai: ``render_bundle`` into memory (12 forms and the take-home sheet), median of N runs after
one warm-up. The peer, measured in the same run: fill a spreadsheet template per form with
openpyxl (one .xlsx per form, same values), convert them all with ``libreoffice --headless
--convert-to pdf`` in one call and merge the PDFs into one bundle. LibreOffice is given the same
IPAex fonts so both produce real Japanese pages. Needs ``pip install -e .[bench]``; a missing
LibreOffice is installed with apt-get when running as root, else the peer is skipped with a note.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.household import Household
from kakanai.domain.household_doc import parse_household
from kakanai.domain.planner import Plan, plan
from kakanai.pdf.bundle import render_bundle
from kakanai.pdf.content import FormSheet, form_sheets
from kakanai.resources import FONT_GOTHIC, forms_dir, resource

HOUSEHOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "households" / "family_move_in.json"
ISSUED = date(2026, 4, 1)
VISIT = "V20260401-BENCH"


@dataclass(frozen=True)
class Case:
    """What both routes print: a household, its plan, the catalog."""

    household: Household
    plan: Plan
    catalog: Catalog

    def sheets(self) -> list[FormSheet]:
        """The forms of the plan with their values."""
        return form_sheets(self.household, self.plan, self.catalog, ISSUED)


def load_case() -> Case:
    """The family of four moving in, its plan and the shipped catalog."""
    catalog = load_catalog(forms_dir())
    household = parse_household(json.loads(HOUSEHOLD.read_text(encoding="utf-8"))).household
    return Case(household, plan(draft_from_household(household), catalog), catalog)


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Seconds for each of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def kakanai_bundle(case: Case) -> int:
    """Render the bundle into memory; returns its page count."""
    return render_bundle(case.household, case.plan, case.catalog, io.BytesIO(), visit_id=VISIT, issued=ISSUED).pages


def ensure_libreoffice() -> str | None:
    """The soffice command, installing LibreOffice Calc with apt-get when root; None when unavailable."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found or os.geteuid() != 0:
        return found
    print("LibreOffice がないため apt-get でインストールします (libreoffice-calc) …", file=sys.stderr)
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "libreoffice-calc"],
                   check=False, env=env, stdout=subprocess.DEVNULL)
    return shutil.which("soffice") or shutil.which("libreoffice")


def make_template(path: Path) -> None:
    """The city's spreadsheet template: title, date, labelled field rows, a member table, a signature row."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    book = Workbook()
    sheet = book.active
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    for column, width in zip("ABCDEF", (16, 22, 16, 16, 14, 14)):
        sheet.column_dimensions[column].width = width
    thin = Side(style="thin")
    for row in sheet.iter_rows(min_row=4, max_row=30, max_col=6):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.font = Font(name="IPAexGothic", size=10)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    for row in range(4, 14):
        sheet.cell(row, 1).fill = PatternFill("solid", fgColor="DDDDDD")
    sheet["A1"].font = Font(name="IPAexMincho", size=16)
    sheet["F2"].font = Font(name="IPAexMincho", size=10)
    book.save(path)


def fill_template(template: Path, sheet: FormSheet, out: Path) -> None:
    """One form's values written into a copy of the template, as a clerk's macro would."""
    from openpyxl import load_workbook

    book = load_workbook(template)
    cells = book.active
    cells["A1"] = sheet.form.title
    cells["A2"] = f"{sheet.city}　{sheet.department}"
    cells["F2"] = f"届出日 {sheet.issued}"
    row = 4
    for field in sheet.fields:
        cells.cell(row, 1, field.label)
        cells.cell(row, 2, field.text)
        row += 1
    cells.cell(row, 1, "　".join(("☑" if on else "☐") + label for label, on in sheet.checks))
    row += 2
    for n, column in enumerate(sheet.columns, 2):
        cells.cell(row, n, column.label or column.source)
    for person in sheet.rows:
        row += 1
        cells.cell(row, 1, person.kana)
        for n, cell in enumerate(person.cells, 2):
            cells.cell(row, n, cell.text)
    cells.cell(row + 2, 1, sheet.form.signature)
    book.save(out)


def font_config(folder: Path) -> Path:
    """A fontconfig file adding the bundled IPAex fonts, so LibreOffice sets the same faces."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{resource(*FONT_GOTHIC).parent}</dir><cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8")
    return conf


class SpreadsheetPeer:
    """The spreadsheet route: openpyxl fills, one LibreOffice conversion, pypdf merges."""

    def __init__(self, soffice: str, sheets: list[FormSheet], folder: Path) -> None:
        self.soffice, self.sheets, self.folder = soffice, sheets, folder
        self.template = folder / "template.xlsx"
        make_template(self.template)
        self.env = os.environ | {"FONTCONFIG_FILE": str(font_config(folder))}
        self.profile = f"-env:UserInstallation=file://{folder / 'lo-profile'}"

    def bundle(self) -> int:
        """Fill, convert and merge once; returns the page count of the merged bundle."""
        work = Path(tempfile.mkdtemp(dir=self.folder))
        books = [work / f"{n:02d}_{s.form.id}.xlsx" for n, s in enumerate(self.sheets, 1)]
        for sheet, book in zip(self.sheets, books):
            fill_template(self.template, sheet, book)
        subprocess.run([self.soffice, self.profile, "--headless", "--convert-to", "pdf", "--outdir", str(work),
                        *map(str, books)], check=True, env=self.env, capture_output=True)
        writer = PdfWriter()
        for book in books:
            for page in PdfReader(book.with_suffix(".pdf")).pages:
                writer.add_page(page)
        writer.write(work / "bundle.pdf")
        return len(writer.pages)


def main(argv: list[str] | None = None) -> int:
    """Print both medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="kakanai runs (default 15)")
    parser.add_argument("--peer-runs", type=int, default=3, help="spreadsheet + LibreOffice runs (default 3)")
    args = parser.parse_args(argv)
    case = load_case()
    cold = timed(lambda: kakanai_bundle(case), 1)[0]
    ours = timed(lambda: kakanai_bundle(case), args.runs)
    pages = kakanai_bundle(case)
    print(f"4人世帯の転入: 様式 {len(case.sheets())}件・{pages}ページ")
    print(f"kakanai (reportlab)         median {statistics.median(ours) * 1000:8.1f} ms"
          f"  (n={args.runs}; first run incl. font loading {cold * 1000:.0f} ms)")
    peer = peer_times(case, args.peer_runs)
    if peer:
        ratio = statistics.median(peer) / statistics.median(ours)
        print(f"spreadsheet + LibreOffice   median {statistics.median(peer) * 1000:8.1f} ms  (n={args.peer_runs})")
        print(f"ratio: kakanai is {ratio:.0f}x faster than the spreadsheet route (same run)")
    return 0


def peer_times(case: Case, runs: int) -> list[float]:
    """Times of the spreadsheet route, or [] with a note when openpyxl or LibreOffice is missing."""
    if runs < 1:
        return []
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("注: openpyxl がありません (pip install -e .[bench])。表計算での比較は省略します")
        return []
    soffice = ensure_libreoffice()
    if soffice is None:
        print("注: LibreOffice がなく、root でないためインストールできません。表計算での比較は省略します")
        return []
    with tempfile.TemporaryDirectory() as folder:
        peer = SpreadsheetPeer(soffice, case.sheets(), Path(folder))
        pages = peer.bundle()  # warm-up: creates LibreOffice's profile and font cache
        print(f"spreadsheet route: {pages} pages from {len(peer.sheets)} workbooks")
        return timed(peer.bundle, runs)


if __name__ == "__main__":
    sys.exit(main())
