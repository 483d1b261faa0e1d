"""A real print system for the printing tests: CUPS with the cups-pdf virtual printer.

`scripts/dev test` sets up (as root) the queues ``kakanai-pdf`` (A4 and A3 offered) and
``kakanai-letter`` (Letter only) and sets KAKANAI_REQUIRE_CUPS=1: then a missing queue fails the
tests; elsewhere they skip and say why. cups-pdf writes each job to its ``Out`` folder
(/etc/cups/cups-pdf.conf) as ``<title>…-job_<n>.pdf``, where the tests read it back.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

QUEUE = "kakanai-pdf"  # offers A4 and A3
LETTER = "kakanai-letter"  # offers Letter only
CONF = Path("/etc/cups/cups-pdf.conf")


def require_cups() -> None:
    """Skip (or fail, when the test command set CUPS up) unless both cups-pdf queues answer."""
    reason = _unavailable()
    if reason and os.environ.get("KAKANAI_REQUIRE_CUPS") == "1":
        pytest.fail(f"CUPS is required (KAKANAI_REQUIRE_CUPS=1) but {reason}")
    if reason:
        pytest.skip(f"no CUPS test printer: {reason} (scripts/dev test sets it up as root)")


def _unavailable() -> str:
    if shutil.which("lpstat") is None:
        return "CUPS is not installed"
    for queue in (QUEUE, LETTER):
        if subprocess.run(["lpstat", "-p", queue], check=False, capture_output=True).returncode != 0:
            return f"the queue {queue} does not exist"
    if not CONF.is_file():
        return "cups-pdf is not installed"
    return ""


def out_folder() -> Path:
    """Where cups-pdf writes the jobs of the current user."""
    text = CONF.read_text(encoding="utf-8", errors="replace")
    match = re.search(r"^Out\s+(\S+)", text, re.MULTILINE)
    folder = match.group(1) if match else "/var/spool/cups-pdf/${USER}"
    user = pwd.getpwuid(os.getuid())
    return Path(folder.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def printed(job_id: str, timeout: float = 120.0) -> Path:
    """The PDF cups-pdf made of a job, once the job is completed."""
    number = job_id.rpartition("-")[2]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = subprocess.run(["lpstat", "-W", "completed", "-o"], check=False, capture_output=True, text=True).stdout
        found = list(out_folder().glob(f"*-job_{number}.pdf"))
        if found and re.search(rf"^{re.escape(job_id)}\s", done, re.MULTILINE):
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"cups-pdf wrote nothing for {job_id} in {timeout:.0f} s")


def content_box(pdf: Path, page: int, folder: Path, dpi: int = 100) -> tuple[int, int]:
    """Width and height in pixels of what is drawn on a page (1-based), as shown (rotation applied)."""
    root = folder / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(root)], check=True)
    with Image.open(root.with_suffix(".pgm")) as image:
        box = image.point(lambda v: 255 if v < 160 else 0).getbbox()
    assert box is not None, f"page {page} of {pdf.name} is blank"
    return box[2] - box[0], box[3] - box[1]


def aspect(box: tuple[int, int]) -> float:
    """Width ÷ height."""
    return box[0] / box[1]


_GET_JOB = """{
  OPERATION Get-Job-Attributes
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri job-uri $uri
  ATTR name requesting-user-name $user
  ATTR keyword requested-attributes all
  %s
}
"""
_SHOWN = ("job-name", "job-state", "media", "sides", "copies", "document-format", "media-source")


def job_attributes(job_id: str, folder: Path) -> dict[str, str]:
    """What CUPS holds about a job (IPP Get-Job-Attributes through ipptool): name, media, sides …"""
    test = folder / "get-job.test"
    test.write_text(_GET_JOB % "\n  ".join(f"DISPLAY {name}" for name in _SHOWN), encoding="utf-8")
    number = job_id.rpartition("-")[2]
    out = subprocess.run(["ipptool", "-t", f"ipp://localhost/jobs/{number}", str(test)],
                         check=True, capture_output=True, text=True).stdout
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^\s+(\S+) \([^)]*\) = (.*)$", out, re.MULTILINE)}


# -- queues made for one test (root only) ---------------------------------------------------
def _queue(name: str, *options: str) -> None:
    made = subprocess.run(["lpadmin", "-p", name, "-v", "cups-pdf:/", *options], check=False, capture_output=True)
    if made.returncode != 0 and os.environ.get("KAKANAI_REQUIRE_CUPS") == "1":
        pytest.fail(f"cannot add the CUPS queue {name}: {made.stderr.decode(errors='replace')}")
    if made.returncode != 0:
        pytest.skip("cannot add a CUPS queue (lpadmin needs root)")


@pytest.fixture
def holding_queue() -> Iterator[str]:
    """An enabled, idle queue that holds every job (as one stuck behind a driver problem)."""
    _queue("kakanai-holding", "-E", "-o", "job-hold-until-default=indefinite")
    yield "kakanai-holding"
    subprocess.run(["lpadmin", "-x", "kakanai-holding"], check=False, capture_output=True)


@pytest.fixture
def stopped_queue() -> Iterator[str]:
    """A queue that accepts jobs but is stopped (as a printer switched off or paused)."""
    _queue("kakanai-stopped")
    subprocess.run(["cupsaccept", "kakanai-stopped"], check=True)
    subprocess.run(["cupsdisable", "kakanai-stopped"], check=True)
    yield "kakanai-stopped"
    subprocess.run(["lpadmin", "-x", "kakanai-stopped"], check=False, capture_output=True)
