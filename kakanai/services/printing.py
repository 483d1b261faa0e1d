"""What a bundle becomes at the printer: jobs of consecutive same-kind pages, and what the clerk is told.

Qt-free. A bundle is cut into *parts*: consecutive pages going to the same printer and tray, on the
same paper, with the same sides and copies. Each part is one job of the print system (a job has one
medium), titled with the visit id only. Form pages carry a 署名欄 and go one-sided; the take-home
sheet is printed ``takehome_copies`` times. A page prints on its own paper (A4, A3) when the
printer has it, otherwise on the printer's default paper scaled to fit, proportions kept, centred.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
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


def reason_code(reasons: Iterable[str]) -> str:
    """The first of a printer's state reasons that stops printing, as a key of REASONS ("" when none)."""
    for reason in reasons:
        key = reason.strip().lower()
        for suffix in ("-error", "-warning", "-report"):
            key = key.removesuffix(suffix)
        if REASONS.get(key):
            return key
    return ""


def reason_text(reasons: Iterable[str]) -> str:
    """The clerk's message for a printer's state reasons ("" when none stops printing)."""
    return REASONS.get(reason_code(reasons), "")


class PrintState(StrEnum):
    """Where printing stands, as a code: the services report it, STATE_TEXTS words it in Japanese
    and the UI words it by the same code (scripts/translations.py has English for each)."""

    SENDING = "sending"
    ACCEPTED = "accepted"
    PRINTING = "printing"  # count: the jobs still to print
    PRINTED = "printed"
    SENT = "sent"  # painted on a printer without a print system to follow (nothing to wait for)
    SAVED = "saved"  # detail: the file saved in IT's folder
    CANCELLED = "cancelled"
    PRINTER_ALERT = "printer_alert"  # printer, detail: the printer's reason (a key of REASONS)
    PRINTER_STOPPED = "printer_stopped"  # printer
    STUCK = "stuck"  # printer
    FAILED = "failed"  # could not hand over: cause (a refusal below) or detail (an error's own text)
    ERROR = "error"  # detail: an error's own text (following the jobs failed)
    # the print system's refusals (cups.PrintSystemError), and what stops a hand-over before it
    NO_CUPS = "no_cups"
    NO_ANSWER = "no_answer"
    NOT_ACCEPTING = "not_accepting"
    NO_SUCH_PRINTER = "no_such_printer"
    CUPS_DOWN = "cups_down"
    REFUSED = "refused"
    NO_SAVE_FOLDER = "no_save_folder"
    UNREADABLE_PDF = "unreadable_pdf"


# The clerk's words for each state, the one place they are written; {count}, {printer}, {where},
# {alert} (the printer's reason, REASONS), {error} (a refusal's words or an error's own text), {detail}.
STATE_TEXTS: dict[PrintState, str] = {
    PrintState.SENDING: "プリンターに送っています…",
    PrintState.ACCEPTED: "プリンターが受け付けました。印刷を待っています",
    PrintState.PRINTING: "印刷中です（残り {count} 件）",
    PrintState.PRINTED: "印刷が終わりました。署名をお願いします",
    PrintState.SENT: "プリンターに送りました。署名をお願いします",
    PrintState.SAVED: "保存しました（{where}）。署名をお願いします",
    PrintState.CANCELLED: "印刷が取り消されました。［再試行］で印刷し直してください",
    PrintState.PRINTER_ALERT: "{printer}: {alert}",
    PrintState.PRINTER_STOPPED: "{printer}: プリンターが止まっています。別のプリンターを選んで［再試行］、または情報システム係へ",
    PrintState.STUCK: "{printer}: 印刷待ちのまま進みません。プリンターを確認して［再試行］を押してください",
    PrintState.FAILED: "印刷できませんでした: {error}",
    PrintState.ERROR: "{detail}",
    PrintState.NO_CUPS: "印刷の仕組み（CUPS）がありません（情報システム係へ）",
    PrintState.NO_ANSWER: "印刷の仕組みが応答しません。しばらく待って［再試行］を押してください",
    PrintState.NOT_ACCEPTING: "プリンターが受け付けを止めています。別のプリンターを選ぶか、情報システム係へ",
    PrintState.NO_SUCH_PRINTER: "そのプリンターは見つかりません。一覧から選び直してください",
    PrintState.CUPS_DOWN: "印刷の仕組み（CUPS）が動いていません（情報システム係へ）",
    PrintState.REFUSED: "プリンターが印刷を受け付けませんでした。［再試行］を押してください",
    PrintState.NO_SAVE_FOLDER: "PDFの保存先が設定されていません（設定 pdf_save_dir）",
    PrintState.UNREADABLE_PDF: "PDFを開けません",
}
_PHASES: dict[PrintState, Phase] = {PrintState.SENDING: "accepted", PrintState.ACCEPTED: "accepted",
                                    PrintState.PRINTING: "printing", PrintState.PRINTED: "done",
                                    PrintState.SENT: "done", PrintState.SAVED: "done"}


@dataclass(frozen=True)
class PrintStatus:
    """Where a submission stands, as a code and its parts (`text`: in the clerk's Japanese)."""

    state: PrintState
    pending: tuple[str, ...] = field(default=())  # jobs not finished yet (to cancel before a retry)
    count: int = 0
    printer: str = ""
    detail: str = ""  # the printer's reason code, the saved file, or an error's own text (see PrintState)
    cause: PrintState | None = None  # FAILED: the refusal that stopped the hand-over

    @property
    def phase(self) -> Phase:
        """accepted, printing, done, or problem (anything else)."""
        return _PHASES.get(self.state, "problem")

    @property
    def finished(self) -> bool:
        """Every job is done."""
        return self.phase == "done"

    @property
    def text(self) -> str:
        """The clerk's message in Japanese."""
        return state_text(self)


def _same(text: str) -> str:
    return text


def state_text(status: PrintStatus, words: Callable[[str], str] = _same) -> str:
    """A status in words: each template (STATE_TEXTS, REASONS) passed through ``words`` (the UI's
    translation; Japanese as it is by default), then filled with the status's parts."""
    error = words(STATE_TEXTS[status.cause]) if status.cause is not None else status.detail
    alert = words(REASONS[status.detail]) if status.state is PrintState.PRINTER_ALERT and REASONS.get(status.detail) else ""
    return words(STATE_TEXTS[status.state]).format(count=status.count, printer=status.printer, where=status.detail,
                                                   alert=alert, error=error, detail=status.detail)
