"""The PDF itself to the print system, where it takes PDF: CUPS (Linux, macOS) through ``lp`` and ``lpstat``.

Qt-free. The bundle's bytes go to ``lp`` on its standard input, so resident data never touches the
disk on our side; each part of the bundle (services.printing) is one job titled with the visit id
only. ``lpstat`` tells where the jobs are. Every command runs in the C locale so its answers can be
read; each call takes milliseconds, but call from a worker, never the UI thread.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

from kakanai.services.printing import STATE_TEXTS, Part, PrintState, PrintStatus, part_pdf, reason_code

TIMEOUT = 20.0  # seconds a command may take before the print system counts as not answering
STUCK_AFTER = 90.0  # seconds a job may wait in the queue, unprinted, before the clerk is told
_REQUEST = re.compile(r"request id is (\S+)")
_JOB = re.compile(r"^(\S+-\d+)\s")
_FAILED = ("canceled", "cancelled", "aborted", "stopped")  # job-state-reasons of a job that did not print


class PrintSystemError(OSError):
    """The print system refused or did not answer: ``state`` says which (the text is the clerk's
    Japanese message for it, printing.STATE_TEXTS)."""

    def __init__(self, state: PrintState) -> None:
        super().__init__(STATE_TEXTS[state])
        self.state = state


@dataclass(frozen=True)
class Job:
    """A job the print system accepted: its id, printer, the part it prints, when it was submitted."""

    job_id: str
    printer: str
    part: Part
    submitted: float  # time.monotonic()


def available() -> bool:
    """True where CUPS' commands exist (Linux, macOS; not Windows)."""
    return sys.platform != "win32" and shutil.which("lp") is not None and shutil.which("lpstat") is not None


def _run(args: list[str], data: bytes | None = None) -> str:
    env = os.environ | {"LC_ALL": "C", "LANG": "C"}
    try:
        done = subprocess.run(args, input=data, capture_output=True, timeout=TIMEOUT, env=env, check=False)
    except FileNotFoundError:
        raise PrintSystemError(PrintState.NO_CUPS) from None
    except subprocess.TimeoutExpired:
        raise PrintSystemError(PrintState.NO_ANSWER) from None
    if done.returncode != 0:
        raise PrintSystemError(_refusal(done.stderr.decode("utf-8", "replace")))
    return done.stdout.decode("utf-8", "replace")


def _refusal(error: str) -> PrintState:
    if "not accepting" in error:
        return PrintState.NOT_ACCEPTING
    if "does not exist" in error or "Invalid destination" in error or "Unknown destination" in error:
        return PrintState.NO_SUCH_PRINTER
    if "scheduler" in error or "connect" in error:
        return PrintState.CUPS_DOWN
    return PrintState.REFUSED


def printers() -> list[str]:
    """The print system's printers, its default first."""
    try:
        names = _run(["lpstat", "-e"]).split()
        default = _run(["lpstat", "-d"]).rpartition(":")[2].strip()
    except PrintSystemError:
        return []
    return ([default] if default in names else []) + [n for n in names if n != default]


def papers(printer: str) -> tuple[frozenset[str], str]:
    """The paper sizes a printer offers and its default one (empty when the queue does not say)."""
    for line in _run(["lpoptions", "-p", printer, "-l"]).splitlines():
        key, _, choices = line.partition(":")
        if key.split("/")[0] in ("PageSize", "media"):
            names = choices.split()
            default = next((n[1:] for n in names if n.startswith("*")), "")
            return frozenset(n.lstrip("*") for n in names), default
    return frozenset(), ""


def job_options(part: Part, offered: frozenset[str], default_paper: str) -> list[str]:
    """``lp`` options for a part: its own paper when offered, else the printer's, fitted and centred."""
    options = ["-n", str(part.copies)]
    if part.paper and part.paper in offered:
        options += ["-o", f"media={part.paper}", "-o", "print-scaling=none"]
    else:
        options += ["-o", f"media={default_paper or 'A4'}", "-o", "fit-to-page", "-o", "print-scaling=fit"]
    options += ["-o", "orientation-requested=" + ("4" if part.landscape else "3")]
    if part.one_sided:
        options += ["-o", "sides=one-sided"]
    if part.tray:
        options += ["-o", f"media-source={part.tray}"]
    return options


def submit(pdf: bytes, parts: list[Part], title: str) -> list[Job]:
    """Hand each part to its printer as a PDF job titled ``title``; returns the jobs accepted.
    A refusal cancels the parts already accepted, so a retry never prints twice."""
    jobs: list[Job] = []
    try:
        for part in parts:
            offered, default_paper = papers(part.printer)
            out = _run(["lp", "-d", part.printer, "-t", title, *job_options(part, offered, default_paper)],
                       part_pdf(pdf, part))
            match = _REQUEST.search(out)
            if match is None:
                raise PrintSystemError(PrintState.REFUSED)
            jobs.append(Job(match.group(1), part.printer, part, time.monotonic()))
    except PrintSystemError:
        cancel([job.job_id for job in jobs])
        raise
    return jobs


def cancel(job_ids: list[str]) -> None:
    """Withdraw jobs that have not printed (those already done are left alone)."""
    for job_id in job_ids:
        try:
            _run(["cancel", job_id])
        except PrintSystemError:
            pass  # finished meanwhile, or already gone


def _jobs(printer: str, which: str) -> dict[str, str]:
    """Job id → its long listing (status and alerts) for ``which`` = completed / not-completed."""
    jobs: dict[str, str] = {}
    current = ""
    for line in _run(["lpstat", "-l", "-W", which, "-o", printer]).splitlines():
        match = _JOB.match(line)
        if match:
            current = match.group(1)
            jobs[current] = ""
        elif current:
            jobs[current] += line.strip() + "\n"
    return jobs


def _alerts(listing: str) -> list[str]:
    for line in listing.splitlines():
        if line.startswith("Alerts:"):
            return line.removeprefix("Alerts:").split()
    return []


def printer_state(printer: str) -> tuple[bool, bool, list[str], str]:
    """(enabled, printing now, state reasons, state message) of a printer."""
    lines = _run(["lpstat", "-l", "-p", printer]).splitlines()
    head = lines[0] if lines else ""
    message = lines[1].strip() if len(lines) > 1 and not lines[1].strip().endswith(":") else ""
    reasons = _alerts("\n".join(line.strip() for line in lines))
    return "disabled" not in head, "now printing" in head, [r for r in reasons if r != "none"], message


def status(jobs: list[Job], now: float | None = None) -> PrintStatus:
    """Where the jobs stand: all done, printing, waiting, or what stops them (with what to do)."""
    now = time.monotonic() if now is None else now
    pending: list[str] = []
    printing = False
    for printer in dict.fromkeys(job.printer for job in jobs):
        mine = [job for job in jobs if job.printer == printer]
        waiting = _jobs(printer, "not-completed")
        finished = _jobs(printer, "completed")
        failed = [j for j in mine if j.job_id in finished and any(w in finished[j.job_id] for w in _FAILED)]
        if failed:
            unprinted = [j.job_id for j in mine if j.job_id in waiting] + [j.job_id for j in failed]
            return PrintStatus(PrintState.CANCELLED, tuple(unprinted))
        queued = [j for j in mine if j.job_id in waiting]
        if not queued:
            continue
        pending += [j.job_id for j in queued]
        problem, busy = _printer_problem(printer, queued, now)
        if problem is not None:
            return PrintStatus(problem.state, tuple(pending), printer=printer, detail=problem.detail)
        printing = printing or busy
    if not pending:
        return PrintStatus(PrintState.PRINTED)
    if printing:
        return PrintStatus(PrintState.PRINTING, tuple(pending), count=len(pending))
    return PrintStatus(PrintState.ACCEPTED, tuple(pending))


def _printer_problem(printer: str, queued: list[Job], now: float) -> tuple[PrintStatus | None, bool]:
    """What stops the printer (None if nothing), and whether it is printing now."""
    enabled, busy, reasons, _ = printer_state(printer)
    code = reason_code(reasons)
    if code:
        return PrintStatus(PrintState.PRINTER_ALERT, detail=code), busy
    if not enabled:
        return PrintStatus(PrintState.PRINTER_STOPPED), busy
    oldest = min(job.submitted for job in queued)
    if not busy and now - oldest > STUCK_AFTER:
        return PrintStatus(PrintState.STUCK), busy
    return None, busy
