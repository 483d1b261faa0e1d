"""Refresh resources/translations/kakanai_en.ts from the UI sources and compile it to .qm.

    .venv/bin/python scripts/translations.py

The English texts live in EN below (the Japanese source text is the key); a source text without
an English entry is reported so it is not forgotten.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "kakanai_en.ts"
BIN = Path(sys.executable).parent

EN = {
    "カード読取": "Read card", "読み取る": "Read", "やめる": "Stop",
    "カードをリーダーに置き、ご本人が暗証番号（数字4けた）を入力してください":
        "Place the card on the reader; the resident types its PIN (4 digits)",
    "カードを読み取っています…": "Reading the card…",
    "手続": "Procedure", "対象": "For", "窓口": "Counter", "理由": "Why", "手続を追加": "Add procedure",
    "世帯員（F2 で入力、セルを直接直すこともできます）": "Household members (enter with F2, or edit a cell)",
    "手続（チェックを外すと今回は行いません）": "Procedures (untick to skip today)",
    "お持ちいただくもの": "Please bring", "世帯・手続\u3000（F4 で確認へ）": "Household & procedures  (F4: review)",
    "（追加する手続を選ぶ）": "(choose a procedure to add)", "特になし": "Nothing",
    "ここでQRコードを読み取ってください（スキャナーをかざす）": "Scan the resident's QR code here",
    "回答\u3000［Enter］": "Answer  [Enter]", "読取・聞き取り": "Scan / interview",
    "入力済み（Enter で直す）": "Answered (Enter to change)",
    "必要な項目はすべてそろいました\u3000→ ［F3］世帯・手続へ": "Everything needed is known  → [F3] household & procedures",
    "QRコードがない方は Tab で聞き取りに進みます": "No QR code? Press Tab to interview",
    "まだ入力されていない項目が {0} 件あります（F2）": "{0} items still missing (F2)",
    "手続 {0} 件。様式とお手続き案内を印刷します。": "{0} procedures. Prints the forms and the take-home sheet.",
    "様式 {0} ページ（お手続き案内を含む）を印刷します。": "Prints {0} pages (take-home sheet included).",
    "先に「確認」（F4）で様式を作ってください": "Make the forms first with Review (F4)",
    "印刷しています…": "Printing…", "印刷しました（{0}）。署名をお願いします。": "Printed ({0}). Please ask for signatures.",
    "すべて印刷\u3000［F5］": "Print all  [F5]", "完了\u3000［F6］": "Finish  [F6]", "印刷・署名": "Print & sign",
    "プリンター": "Printer", "署名をいただいたら「完了」を押してください。": "Press Finish once the forms are signed.",
    "確認\u3000（F5 で印刷へ）": "Review  (F5: print)", "直すところ（Enter でその項目へ）": "To fix (Enter jumps there)",
    "様式を作成しています…": "Making the forms…", "様式 {0} ページ": "{0} form pages", "問題はありません": "No problems",
    "受付": "Reception", "整理券番号（任意）": "Ticket number (optional)", "次の方\u3000［F1］": "Next please  [F1]",
    "デモ：窓口で待っている方（Enter でQRを読み取り）": "Demo: residents waiting (Enter scans their QR)",
    "中断中の方（Enter で再開）": "Suspended visits (Enter resumes)",
    "中断中の方（F8 で選び、Enter で再開）": "Suspended visits (F8 to pick, Enter resumes)",
    "世帯員（直すときはセルを選んで F2 またはダブルクリック）": "Household members (to correct: select a cell, F2 or double-click)",
    "追加する手続を入力して検索": "Type to search a procedure to add", "世帯（特定の方なし）": "Household (no one person)",
    "受付待ち（QRコードを読み取ると受付を始めます）": "Waiting (scanning a QR code starts a visit)",
    "QRコードを読み取ると、そのまま受付を始めます": "Scanning a QR code starts the visit",
    "使えるプリンターがありません（情報システム係に連絡してください）": "No printer is available (call IT)",
    "中断しました（F8 で選んで再開）": "Suspended (F8 to pick and resume)",
    "（確認した書類を選ぶ）": "(choose the document checked)",
    "本人確認（書類の種類だけを記録します）": "Identity check (only the kind of document is recorded)",
    "先に本人確認をして、確認した書類を選んでください": "Check the resident's identity first and choose the document",
    "様式（Enter でそのページへ・✍ は署名欄）": "Forms (Enter shows the page; ✍ marks a signature)",
    "縮小 [Ctrl -]": "Zoom out [Ctrl -]", "拡大 [Ctrl +]": "Zoom in [Ctrl +]", "幅に合わせる": "fit to width",
    "{0}/{1}ページ\u3000{2}\u3000（Home/End・Ctrl +/-）": "page {0}/{1}  {2}  (Home/End, Ctrl +/-)",
    "まだ様式を作れません": "The forms cannot be made yet",
    "\u3000（残り {0}）": "  ({0} to go)", "なければ空のまま Enter": "if none, leave empty and press Enter",
    "再試行\u3000［F5］": "Retry  [F5]", "取り消しました": "Cancelled", "完了しました（所要 {0}）": "Finished (took {0})",
    "手続を追加…\u3000［Insert］": "Add a procedure…  [Insert]",
    "ほかの手続は検索して追加できます（窓口ごとに表示）": "Other procedures: search and add them (listed by counter)",
    "手続名で検索（例: 印鑑）\u3000↓ で一覧へ、Enter で選ぶ": "Search by name (e.g. 印鑑)  ↓ to the list, Enter chooses",
    "「{0}」の手続だけ": "Only procedures of {0}", "この届出の手続だけ": "Only procedures of this event",
    "追加\u3000［Enter］": "Add  [Enter]", "やめる\u3000［Esc］": "Cancel  [Esc]",
    "対象の方（Space で選ぶ・外す、Enter で追加）": "For whom (Space ticks or unticks, Enter adds)",
    "対象: 世帯（特定の方を選ぶ手続ではありません）": "For: the household (not a procedure for chosen people)",
    "見つかりません（「この届出の手続だけ」を外すと、ほかの届出の手続も探せます）":
        "Nothing found (untick “only this event” to search the other events’ procedures too)",
    "「{0}」の対象の方を選んでください": "Choose whom {0} is for", "追加する手続を選んでください": "Choose a procedure to add",
}


def main() -> int:
    """Update the .ts, fill in English, compile the .qm; non-zero if a text has no English."""
    subprocess.run([BIN / "pyside6-lupdate", *sorted(map(str, (ROOT / "kakanai" / "ui").glob("*.py"))),
                    "-no-obsolete", "-ts", str(TS)], check=True, capture_output=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if source in EN and translation is not None:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        elif source not in EN:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([BIN / "pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True,
                   capture_output=True)
    for source in missing:
        print(f"no English for: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
