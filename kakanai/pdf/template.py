"""A city's blank template page, read once per process and drawn under the values as a form XObject.

Before, every bundle with an overlay form was drawn by reportlab, read back by pypdf and each
template page merged by pypdf (`merge_page` parses both content streams to rename resources):
~17 ms of a ~60 ms bundle. Now the template's first page is read once per file and change time
(`template_page`): its content streams become one Form XObject, and it and every object it uses
(fonts, images, graphics states, nested forms) are kept as serialised PDF bytes with the places of
their references. A bundle copies them into reportlab's document (`use_template`) and paints the
form first on the page (``/Tpl Do``); the values are drawn over it, as the merge did. What the
page shows and its text layer are the same; the bundle is written in one pass, without pypdf.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, PdfObject, StreamObject
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from kakanai.domain.problems import InvalidInput, Problem

Part = bytes | int  # serialised bytes, or the template's object number a reference points to
_SKIPPED = {"/Parent", "/Length"}  # a resource's way back to the page tree is not copied; lengths are rewritten


@dataclass(frozen=True)
class TemplatePage:
    """A template's first page: its size, and its content as a form XObject with the objects it uses."""

    width: float
    height: float
    name: str  # the form's name in a bundle (unique per file and change time)
    form: tuple[Part, ...]  # the form XObject (a stream object)
    objects: tuple[tuple[int, tuple[Part, ...]], ...]  # template object number → the object

    def reference(self, number: int) -> str:
        """The name under which the template's object ``number`` is registered in a bundle."""
        return f"{self.name}.{number}"


TEMPLATE_TITLE = "市の様式PDFを使えません（情報システム担当へ連絡してください）"


def template_page(path: Path) -> TemplatePage:
    """The first page of ``path``, read once per process while the file is unchanged; InvalidInput
    naming the file and why when it is missing, unreadable or not a PDF pypdf can read."""
    try:
        stat = path.stat()
        return _read(path.resolve(), stat.st_mtime_ns, stat.st_size)
    except OSError:
        reason = ("ファイルを開けません（ないか、権限がありません）。templates/ に元のPDFを置いてください",
                  "template file cannot be opened")
    except Exception:  # noqa: BLE001 - a city's file may break pypdf in any way: said, not raised
        reason = ("PDFとして読めません（壊れているか、PDFではありません）。templates/ に元のPDFを置き直してください",
                  "template is not a readable PDF")
    raise InvalidInput([Problem(f"templates/{path.name}", *reason)], TEMPLATE_TITLE)


@lru_cache(maxsize=16)
def _read(path: Path, mtime_ns: int, size: int) -> TemplatePage:
    reader = PdfReader(path)
    page = reader.pages[0]  # IndexError for a PDF without pages: unreadable, as any other break
    box = [float(v) for v in page.mediabox]
    name = "Tpl" + hashlib.sha1(f"{path}\0{mtime_ns}\0{size}".encode(), usedforsecurity=False).hexdigest()[:12]
    found: dict[int, tuple[Part, ...]] = {}
    pending: list[IndirectObject] = []

    def parts_of(obj: PdfObject | None) -> list[Part]:
        out: list[Part] = []
        _serialise(obj, out, pending)
        return out

    resources = page.get("/Resources")
    form = _form(page.get("/Contents"), box, parts_of(resources) if resources is not None else [b"<< >>"])
    while pending:
        ref = pending.pop()
        if ref.idnum in found:
            continue
        found[ref.idnum] = ()  # a reference cycle (a font's descendants) ends here
        found[ref.idnum] = tuple(_joined(parts_of(ref.get_object())))
    return TemplatePage(box[2] - box[0], box[3] - box[1], name, tuple(_joined(form)),
                        tuple(sorted(found.items())))


def _form(contents: PdfObject | None, box: list[float], resources: list[Part]) -> list[Part]:
    """The page's content streams, decoded and joined, as one compressed Form XObject."""
    streams = contents.get_object() if contents is not None else None
    if streams is None:
        streams = ArrayObject()
    elif not isinstance(streams, ArrayObject):
        streams = ArrayObject([streams])
    data = zlib.compress(b"\n".join(s.get_object().get_data() for s in streams))
    head = (f"<< /Type /XObject /Subtype /Form /FormType 1 /BBox [{' '.join(_num(v) for v in box)}] "
            f"/Matrix [1 0 0 1 0 0] /Filter /FlateDecode /Length {len(data)} /Resources ").encode()
    return [head, *resources, b" >>\nstream\n", data, b"\nendstream"]


def _num(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _serialise(obj: PdfObject | None, out: list[Part], pending: list[IndirectObject]) -> None:
    """``obj`` as PDF bytes into ``out``, each indirect reference as its object number (queued in ``pending``)."""
    if obj is None:  # a reference to an object the file lacks reads as null (PDF 7.3.10)
        out.append(b"null")
    elif isinstance(obj, IndirectObject):
        out.append(obj.idnum)
        pending.append(obj)
    elif isinstance(obj, StreamObject):
        raw = obj._data  # the stream's bytes as stored (still encoded), copied as they are
        _dictionary(obj, out, pending, extra=f" /Length {len(raw)}".encode())
        out += [b"\nstream\n", bytes(raw), b"\nendstream"]
    elif isinstance(obj, DictionaryObject):
        _dictionary(obj, out, pending)
    elif isinstance(obj, ArrayObject):
        out.append(b"[")
        for item in obj:
            out.append(b" ")
            _serialise(item, out, pending)
        out.append(b" ]")
    else:
        buffer = io.BytesIO()
        obj.write_to_stream(buffer)
        out.append(buffer.getvalue())


def _dictionary(obj: DictionaryObject, out: list[Part], pending: list[IndirectObject], extra: bytes = b"") -> None:
    out.append(b"<<")
    for key, value in obj.items():
        if key in _SKIPPED:
            continue
        buffer = io.BytesIO()
        NameObject(key).write_to_stream(buffer)
        out.append(b" " + buffer.getvalue() + b" ")
        _serialise(value, out, pending)
    out.append(extra + b" >>")


def _joined(parts: list[Part]) -> list[Part]:
    """Runs of bytes joined into one, references left as numbers."""
    joined: list[Part] = []
    for part in parts:
        if isinstance(part, bytes) and joined and isinstance(joined[-1], bytes):
            joined[-1] += part
        else:
            joined.append(part)
    return joined


class _Copied(pdfdoc.PDFObject):
    """A template object in a reportlab document: its bytes, its references renumbered when written."""

    __RefOnly__ = 1

    def __init__(self, page: TemplatePage, parts: tuple[Part, ...]) -> None:
        self.page = page
        self.parts = parts

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        return b"".join(part if isinstance(part, bytes) else
                        b"%d %d R" % numbers[self.page.reference(part)] for part in self.parts)


def use_template(canvas: Canvas, page: TemplatePage) -> None:
    """Paint ``page`` on the canvas's current page (its objects copied into the document once)."""
    doc = canvas._doc  # reportlab's document, where external forms are registered
    if not canvas.hasForm(page.name):
        for number, parts in page.objects:
            doc.Reference(_Copied(page, parts), page.reference(number))
        doc.Reference(_Copied(page, page.form), pdfdoc.xObjectName(page.name))
    canvas.doForm(page.name)
