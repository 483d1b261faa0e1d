#!/usr/bin/env python3
"""Draw the example city template: a blank 犬の登録事項変更届 in forms/templates/inu_template.pdf.

It stands in for a city's own approved blank form, which kakanai fills by overlay (see
forms/forms/overlay_example.toml). Run once; the PDF is kept in the repository:

    .venv/bin/python scripts/make_example_template.py [OUT.pdf]

Coordinates here are millimetres from the page's top-left corner, as in overlay tables.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kakanai.pdf.draw import SHADE, Canvas, draw_box, draw_checkbox, draw_fitted, new_canvas
from kakanai.pdf.fonts import GOTHIC, MINCHO
from kakanai.pdf.layout import MM, PAPER, Rect
from kakanai.resources import forms_dir

HEIGHT = PAPER["A4"][1]
LEFT, LABEL, VALUE, RIGHT = 15, 40, 68, 195
CHOICES = (("所在地の変更", 71), ("所有者の変更", 105), ("犬の死亡", 139), ("その他", 168))


def box(x: float, y: float, w: float, h: float) -> Rect:
    """A rectangle given in mm from the top-left corner."""
    return Rect(x * MM, HEIGHT - (y + h) * MM, w * MM, h * MM)


def text(canvas: Canvas, words: str, x: float, y: float, size: float, font: str = MINCHO) -> None:
    """Words on a baseline given in mm from the top-left corner."""
    canvas.setFont(font, size)
    canvas.drawString(x * MM, HEIGHT - y * MM, words)


def labelled_rows(canvas: Canvas, top: float, rows: list[tuple[str, float]]) -> float:
    """Rows of a shaded label cell and an empty value cell; returns the bottom (mm)."""
    y = top
    for label, height in rows:
        draw_box(canvas, box(LABEL, y, VALUE - LABEL, height), 0.5, SHADE)
        draw_fitted(canvas, label, box(LABEL, y, VALUE - LABEL, height), MINCHO, 9.5, 7, align="center")
        draw_box(canvas, box(VALUE, y, RIGHT - VALUE, height), 0.5)
        y += height
    return y


def group(canvas: Canvas, top: float, bottom: float, title: str) -> None:
    """The tall label at the left of a group of rows, and the group's frame."""
    draw_box(canvas, box(LEFT, top, LABEL - LEFT, bottom - top), 0.5, SHADE)
    draw_fitted(canvas, title, box(LEFT, top, LABEL - LEFT, bottom - top), MINCHO, 10.5, 8, align="center")
    draw_box(canvas, box(LEFT, top, RIGHT - LEFT, bottom - top), 1.2)


def header(canvas: Canvas) -> None:
    """Form number, title, addressee, date line and the legal preamble."""
    text(canvas, "様式第2号（第4条関係）", LEFT, 16, 9)
    title = canvas.beginText(0, HEIGHT - 33 * MM)
    title.setFont(MINCHO, 19)
    title.setCharSpace(4)
    width = canvas.stringWidth("犬の登録事項変更届", MINCHO, 19) + 4 * 8
    title.setTextOrigin((PAPER["A4"][0] - width) / 2, HEIGHT - 33 * MM)
    title.textOut("犬の登録事項変更届")
    title.setCharSpace(0)
    canvas.drawText(title)
    text(canvas, "（宛先）見本市長", LEFT, 46, 11)
    text(canvas, "届出日", 118, 46, 11)
    canvas.setLineWidth(0.5)
    canvas.line(133 * MM, HEIGHT - 47.5 * MM, RIGHT * MM, HEIGHT - 47.5 * MM)
    text(canvas, "狂犬病予防法施行規則第6条の規定により、次のとおり届け出ます。", LEFT, 56, 10)


def body(canvas: Canvas) -> None:
    """The owner's rows, the change's rows, the signature and the office box."""
    bottom = labelled_rows(canvas, 62, [("住所", 14), ("フリガナ", 6), ("氏名", 12), ("電話番号", 10)])
    group(canvas, 62, bottom, "届出者\n（所有者）".replace("\n", ""))
    bottom = labelled_rows(canvas, 110, [("変更の種類", 12), ("変更年月日", 10), ("新しい所在地", 16),
                                         ("前の所在地", 14), ("頭数", 10)])
    group(canvas, 110, bottom, "変更の内容")
    for label, x in CHOICES:
        draw_checkbox(canvas, box(x, 114, 4, 4), False)
        text(canvas, label, x + 5.5, 117.6, 10)
    text(canvas, "頭", 88, 169, 11)
    draw_box(canvas, box(LEFT, 180, VALUE - LEFT, 20), 0.5, SHADE)
    draw_fitted(canvas, "所有者 署名", box(LEFT, 180, VALUE - LEFT, 20), MINCHO, 11, 8, align="center")
    draw_box(canvas, box(LEFT, 180, RIGHT - LEFT, 20), 1.6)
    text(canvas, "※ 署名欄は所有者ご本人が自署してください。", LEFT, 206, 9)
    office(canvas)


def office(canvas: Canvas) -> None:
    """The office-use box: tag and vaccination numbers, register, reception stamp."""
    text(canvas, "― 以下は市役所で記入 ―", 88, 219, 8, GOTHIC)
    for n, label in enumerate(("鑑札番号", "注射済票番号", "登録原簿", "受付印")):
        x = LEFT + n * 45
        draw_box(canvas, box(x, 222, 45, 6), 0.5, SHADE)
        draw_fitted(canvas, label, box(x, 222, 45, 6), MINCHO, 9, 7, align="center")
        draw_box(canvas, box(x, 228, 45, 26), 0.5)
    draw_box(canvas, box(LEFT, 222, 180, 32), 1.2)
    text(canvas, "見本市 環境衛生課　電話 0000-00-0000（代表）", LEFT, 285, 8, GOTHIC)


def main(argv: list[str]) -> int:
    """Write the template to ``argv[0]`` or to forms/templates/inu_template.pdf."""
    out = Path(argv[0]) if argv else forms_dir() / "templates" / "inu_template.pdf"
    canvas = new_canvas(out, PAPER["A4"], "犬の登録事項変更届（見本市 様式第2号）", invariant=True)
    header(canvas)
    body(canvas)
    canvas.showPage()
    canvas.save()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
