"""What every command shares: reading the user's files, the catalog IT configured, clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.resources import forms_dir
from kakanai.services.casework import Casework, Intake, Pending

EXIT_BAD_INPUT = 2


def casework_from(folder: str | None) -> Casework:
    """The case service over the catalog in ``folder``, else the one the window uses."""
    return Casework(catalog_from(folder))


def report_intake(intake: Intake) -> None:
    """Warnings about what was read (unknown keys), on standard error."""
    for warning in intake.warnings:
        print(f"注意: {warning}", file=sys.stderr)


def report_pending(pending: tuple[Pending, ...]) -> None:
    """The undecided procedures, for whom and why: the same lines from `plan` and `render`."""
    for item in pending:
        print(f"注意: 未確定の手続（聞き取りが必要）: {item.line()}", file=sys.stderr)


class CliError(Exception):
    """A failure to report to the user in one clear message, then exit non-zero."""


def read_json(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"ファイルを読めません: {path} ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise CliError(f"文字コードが UTF-8 ではありません: {path}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"JSON として読めません: {path} {exc.lineno}行 {exc.colno}文字目 ({exc.msg})") from None


def catalog_from(folder: str | None) -> Catalog:
    """The catalog in ``folder``, else the one the window uses: IT's ``forms_dir``, else the shipped one."""
    if folder:
        return load_catalog(Path(folder))
    from kakanai.settings import load_settings

    configured = load_settings().forms_dir
    return load_catalog(Path(configured) if configured else forms_dir())
