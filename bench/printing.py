"""Time F5 → job accepted by the print system for the family bundle (14 A4 pages), beside ``lp``.

    python -m bench.printing [--runs N] [--printer NAME]

kakanai: what the window's worker does after F5 (kakanai.ui.printing: the bundle cut into parts,
each handed to CUPS as PDF on lp's stdin) until the print system has given every job an id; in a
child process of its own, whose peak memory (max RSS, Qt and the rendered bundle included) is
reported. Peer, in the same run: ``lp -d PRINTER`` of the same bytes on stdin, timed to its job id,
with its own peak memory. Needs CUPS and a printer (``scripts/dev bench`` sets up cups-pdf as root).

Peak memory is the process's own high-water mark since it started its program (Linux: VmHWM). Not
ru_maxrss: Linux carries the resident size a forked process had before exec into it, so every child
of the bench (~340 MiB by then) would report at least that. lp's is read by a small starter process
that forks it, so its figure is at most that starter's size (~10 MiB) too high.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

PRINTER = "kakanai-pdf"
VISIT = "V20260401-BENCHPRN"


@dataclass(frozen=True)
class Result:
    """Seconds per run and peak memory (MiB) of kakanai and of the lp peer."""

    kakanai: list[float]
    kakanai_mib: float
    peer: list[float]
    peer_mib: float
    pages: int
    jobs: int

    @property
    def ratio(self) -> float:
        """kakanai's median ÷ the peer's."""
        return statistics.median(self.kakanai) / statistics.median(self.peer)


def _child(runs: int, printer: str) -> None:
    """In a fresh process: render the bundle, then time F5's submission ``runs`` times."""
    from PySide6.QtGui import QGuiApplication

    from bench.pdf_bundle import ISSUED, load_case
    from kakanai.pdf.bundle import render_bundle
    from kakanai.services.documents import Bundle
    from kakanai.ui.printing import PrintPlan, plan_parts, submit

    _app = QGuiApplication.instance() or QGuiApplication([])  # as in the window
    case = load_case()
    out = io.BytesIO()
    report = render_bundle(case.household, case.plan, case.catalog, out, visit_id=VISIT, issued=ISSUED)
    bundle = Bundle(VISIT, out.getvalue(), report)
    times, jobs = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        submission = submit(bundle, plan_parts(bundle, printer, PrintPlan()))
        times.append(time.perf_counter() - start)
        jobs = len(submission.jobs)
    peak = _own_peak_mib()
    json.dump({"times": times, "mib": peak, "pages": report.pages, "jobs": jobs, "pdf": out.getvalue().hex()},
              sys.stdout)


def _own_peak_mib() -> float:
    """This process's peak resident memory since its program started (VmHWM; ru_maxrss elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# run by a fresh, small interpreter: lp forked from it, its peak as wait4 tells it
_LP_STARTER = ("import os, subprocess, sys; p = subprocess.Popen(sys.argv[1:], stdin=0, stdout=1); "
               "_, status, usage = os.wait4(p.pid, 0); sys.stderr.write(f'{usage.ru_maxrss} {status}')")


def _lp(pdf: bytes, printer: str) -> float:
    """Seconds from starting ``lp`` to its job id."""
    start = time.perf_counter()
    process = subprocess.Popen(["lp", "-d", printer, "-t", VISIT], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    process.stdin.write(pdf)  # type: ignore[union-attr]
    process.stdin.close()  # type: ignore[union-attr]
    answer = process.stdout.read()  # type: ignore[union-attr]
    _, status, _ = os.wait4(process.pid, 0)
    took = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or b"request id" not in answer:
        raise RuntimeError(f"lp failed ({process.returncode})")
    return took


def _lp_peak_mib(pdf: bytes, printer: str) -> float:
    """lp's own peak memory (MiB), lp started by a small interpreter (see the module's note)."""
    done = subprocess.run([sys.executable, "-S", "-c", _LP_STARTER, "lp", "-d", printer, "-t", VISIT], input=pdf,
                          capture_output=True, check=True)
    maxrss, status = done.stderr.decode().split()
    if os.waitstatus_to_exitcode(int(status)) != 0:
        raise RuntimeError("lp failed")
    return int(maxrss) / 1024


def measure(runs: int = 5, printer: str = PRINTER) -> Result:
    """Both routes on the same bundle, interleaved by process: kakanai's child, then lp ``runs`` times."""
    done = subprocess.run([sys.executable, "-m", "bench.printing", "--child", "--runs", str(runs),
                           "--printer", printer], capture_output=True, text=True, check=True,
                          env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
    child = json.loads(done.stdout)
    pdf = bytes.fromhex(child["pdf"])
    _lp(pdf, printer)  # warm-up
    peer = [_lp(pdf, printer) for _ in range(runs)]
    return Result(child["times"][1:] or child["times"], child["mib"], peer, _lp_peak_mib(pdf, printer),
                  child["pages"], child["jobs"])


def main(argv: list[str] | None = None) -> int:
    """Print both medians, the ratio and the peaks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--printer", default=PRINTER)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.runs + 1, args.printer)  # the first run warms up
        return 0
    result = measure(args.runs, args.printer)
    print(f"kakanai F5 → accepted: median {statistics.median(result.kakanai) * 1000:.1f} ms, "
          f"peak {result.kakanai_mib:.0f} MiB ({result.pages} pages, {result.jobs} jobs)")
    print(f"lp of the same PDF:    median {statistics.median(result.peer) * 1000:.1f} ms, peak {result.peer_mib:.0f} MiB")
    print(f"ratio kakanai ÷ lp: {result.ratio:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def report_lines(runs: int = 5, printer: str = PRINTER) -> list[str]:
    """The Markdown lines of bench/run's printing section (a note instead when CUPS is missing)."""
    import shutil

    if shutil.which("lp") is None or subprocess.run(["lpstat", "-p", printer], check=False, capture_output=True).returncode:
        return [f"Not measured: no CUPS printer `{printer}` (scripts/dev bench sets up cups-pdf as root)."]
    result = measure(runs, printer)
    kakanai, peer = statistics.median(result.kakanai), statistics.median(result.peer)
    verdict = "met" if kakanai <= 2.0 and result.kakanai_mib <= 300 else "NOT met"
    return [(f"The family bundle ({result.pages} A4 pages) from F5 to every job accepted by CUPS (a job id from "
            f"`lp`): what the window's worker does (kakanai.ui.printing: {result.jobs} jobs — forms one-sided, the "
            "take-home sheet — each the PDF itself on lp's stdin), in a process of its own whose peak memory "
            f"includes Qt and the bundle. Peer: `lp -d {printer}` of the same bytes. Printer: cups-pdf."), "",
            "| | median | peak memory | runs |", "|---|---:|---:|---:|",
            f"| kakanai F5 → accepted | {kakanai * 1000:,.1f} ms | {result.kakanai_mib:,.0f} MiB | {len(result.kakanai)} |",
            f"| peer: `lp` of the same PDF | {peer * 1000:,.1f} ms | {result.peer_mib:,.0f} MiB | {len(result.peer)} |",
            "", (f"Ratio kakanai ÷ peer: **{result.ratio:.1f}×** (one `lpoptions` and one `lp` per job, and the "
            f"pages split with pypdf). Target ≤ 2 s and ≤ 300 MB: **{verdict}**. Before: every page rasterised "
            "by QtPdf at the printer's resolution, 29.6 s and 1.08 GB (docs/printing.md).")]
