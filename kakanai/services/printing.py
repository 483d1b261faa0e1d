"""What a bundle becomes at the printer: jobs of consecutive same-kind pages, and what the clerk is told.

Qt-free. A bundle is cut into *parts*: consecutive pages going to the same printer and tray, on the
same paper, with the same sides and copies. Each part is one job of the print system (a job has one
medium), titled with the visit id only. Form pages carry a 署名欄 and go one-sided; the take-home
sheet is printed ``takehome_copies`` times. A page prints on its own paper (A4, A3) when the
printer has it, otherwise on the printer's default paper scaled to fit, proportions kept, centred.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pypdf and reportlab load on the first print, not with the window
    from kakanai.pdf.bundle import BundleReport

POINTS_PER_MM = 72 / 25.4
# ISO sizes a form can have, in points (portrait); a page within TOLERANCE of one is that size
SIZES = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55)}
TOLERANCE = 3.0


@dataclass(frozen=True)
class Route:
    """Where a procedure's forms go: a printer ("" = the counter's) and a tray ("" = the printer's own)."""

    printer: str = ""
    tray: str = ""


@dataclass(frozen=True)
class PageFacts:
    """One page as the printer sees it: size in points, whether it has a 署名欄, its route, copies."""

    width: float
    height: float
    signature: bool = True
    route: Route = Route()
    copies: int = 1

    @property
    def paper(self) -> str:
        """"A4"/"A3" when the page is one of them (either orientation), else ""."""
        short, long_ = sorted((self.width, self.height))
        return next((name for name, (w, h) in SIZES.items()
                     if abs(short - w) <= TOLERANCE and abs(long_ - h) <= TOLERANCE), "")

    @property
    def landscape(self) -> bool:
        """Wider than tall."""
        return self.width > self.height


@dataclass(frozen=True)
class Part:
    """Consecutive pages printed as one job (``first`` and ``stop`` 0-based, ``stop`` excluded)."""

    first: int
    stop: int
    printer: str
    paper: str  # "A4", "A3", or "" (unknown size: the printer's paper, fitted)
    landscape: bool
    one_sided: bool
    copies: int
    tray: str = ""

    @property
    def pages(self) -> int:
        """How many pages the part holds."""
        return self.stop - self.first


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's size in points as it is shown (its /Rotate applied)."""
    from pypdf import PdfReader

    sizes = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        sizes.append((height, width) if page.rotation % 180 else (width, height))
    return sizes


def bundle_pages(pdf: bytes, report: BundleReport | None, *, routes: Mapping[str, Route] | None = None,
                 takehome_copies: int = 1) -> list[PageFacts]:
    """The facts of every page of a bundle. Without a report (a PDF from elsewhere) every page is
    treated as a form: one-sided, one copy, the counter's printer."""
    routes = routes or {}
    facts = [PageFacts(w, h) for w, h in page_sizes(pdf)]
    if report is None:
        return facts
    owner: dict[int, Route] = {}
    for form in report.forms:
        route = next((routes[p] for p in form.procedure_ids if p in routes), Route())
        owner.update({number - 1: route for number in form.page_numbers})
    return [replace(f, route=owner[i]) if i in owner else replace(f, signature=False, copies=takehome_copies)
            for i, f in enumerate(facts)]


def split_parts(pages: list[PageFacts], printer: str) -> list[Part]:
    """Consecutive pages of the same kind as one part each; ``printer`` for pages with no route.
    Parts with no copies to print are left out."""
    parts: list[Part] = []
    for index, page in enumerate(pages):
        part = Part(index, index + 1, page.route.printer or printer, page.paper, page.landscape, page.signature,
                    page.copies, page.route.tray)
        last = parts[-1] if parts else None
        if last is not None and replace(last, first=0, stop=1) == replace(part, first=0, stop=1):
            parts[-1] = replace(last, stop=part.stop)
        else:
            parts.append(part)
    return [p for p in parts if p.copies > 0]


def part_pdf(pdf: bytes, part: Part) -> bytes:
    """The pages of one part as a PDF of their own, in memory."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(pdf))
    if part.first == 0 and part.stop == len(reader.pages):
        return pdf
    writer = PdfWriter()
    for index in range(part.first, part.stop):
        writer.add_page(reader.pages[index])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -- what the clerk is told ---------------------------------------------------------------------
Phase = Literal["accepted", "printing", "done", "problem"]

# printer-state-reasons (RFC 8011 / PWG 5100.x keywords, suffixes -error/-warning/-report removed)
REASONS = {
    "media-empty": "用紙がありません。用紙を補給してください",
    "media-needed": "用紙がありません。用紙を補給してください",
    "media-jam": "紙が詰まっています。詰まった紙を取り除いてください",
    "media-low": "",  # a warning only: printing goes on
    "offline": "プリンターの電源・ケーブルを確認してください（オフライン）",
    "connecting-to-device": "プリンターにつながりません。電源・ケーブルを確認してください",
    "timed-out": "プリンターにつながりません。電源・ケーブルを確認してください",
    "toner-empty": "トナーがありません。トナーを交換してください",
    "marker-supply-empty": "インク・トナーがありません。交換してください",
    "door-open": "プリンターのカバーが開いています。閉じてください",
    "cover-open": "プリンターのカバーが開いています。閉じてください",
    "input-tray-missing": "用紙トレイが入っていません。トレイを差し込んでください",
    "output-area-full": "排紙トレイがいっぱいです。印刷物を取り出してください",
    "paused": "プリンターが止まっています。別のプリンターを選んで［再試行］、または情報システム係へ",
    "stopped": "プリンターが停止中です（情報システム係へ）",
    "shutdown": "プリンターが停止中です（情報システム係へ）",
}


def reason_text(reasons: Iterable[str]) -> str:
    """The clerk's message for a printer's state reasons ("" when none stops printing)."""
    for reason in reasons:
        key = reason.strip().lower()
        for suffix in ("-error", "-warning", "-report"):
            key = key.removesuffix(suffix)
        if REASONS.get(key):
            return REASONS[key]
    return ""


@dataclass(frozen=True)
class PrintStatus:
    """Where a submission stands, in the clerk's words."""

    phase: Phase
    text: str
    pending: tuple[str, ...] = field(default=())  # jobs not finished yet (to cancel before a retry)

    @property
    def finished(self) -> bool:
        """Every job is done."""
        return self.phase == "done"
