"""Bank and branch names for 全銀 codes, from the zengin-code data package (offline, no network).

A KKN2 document carries only the codes (金融機関コード 4 digits, 支店コード 3 digits); the forms print
the names. A code the data does not know is an error for the clerk, not a blank on a form.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _banks() -> dict[str, Any]:
    import zengin_code  # type: ignore[import-untyped]  # ~70 ms to load every bank, so only when asked

    return dict(zengin_code.Bank.all)


def bank_name(code: str) -> str | None:
    """The bank's name (三菱ＵＦＪ …) for a 4-digit code, None if there is no such bank."""
    bank = _banks().get(code)
    return str(bank.name) if bank is not None else None


def branch_name(bank_code: str, branch_code: str) -> str | None:
    """The branch's name (本店 …), None if the bank or the branch does not exist."""
    bank = _banks().get(bank_code)
    branch = bank.branches.get(branch_code) if bank is not None else None
    return str(branch.name) if branch is not None else None
