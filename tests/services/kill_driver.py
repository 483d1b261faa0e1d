"""A counter serving visits, run as a child process that is killed with SIGKILL (see test_kill).

``python -m tests.services.kill_driver <data dir> <point> [visits]``: serves ``visits`` complete
visits, printing ``finished <id>`` after each 完了 returns, then one more visit that kills its own
process at ``point`` (after_scan, printing, after_finish); ``never`` keeps serving until killed.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from kakanai.bootstrap import build_services
from kakanai.services.visit_service import VisitService
from kakanai.settings import load_settings


def _kill_at(point: str, here: str) -> None:
    if point == here:
        os.kill(os.getpid(), signal.SIGKILL)


def serve(visits: VisitService, point: str = "") -> str:
    """One visit from 次の方 to 完了, killed at ``point`` if given."""
    session = visits.start(ticket="A-1")
    print("started", session.visit_id, flush=True)
    visits.identify(session, "move_in", 2)  # the QR was scanned
    visits.reach(session, "household")
    _kill_at(point, "after_scan")
    visits.set_procedures(session, ["juminido_move_in"], forms=1)
    visits.printing(session)
    _kill_at(point, "printing")
    visits.printed(session)
    visits.finish(session)
    print("finished", session.visit_id, flush=True)
    _kill_at(point, "after_finish")
    return session.visit_id


def main(data: Path, point: str, count: int) -> None:
    """Serve ``count`` visits, then one killed at ``point`` (or forever with ``never``)."""
    services = build_services(load_settings([], {"data_dir": str(data), "clerk_id": "c1", "counter": "1"}))
    print("ready", flush=True)
    for _ in range(count):
        serve(services.visits)
    while point == "never":
        serve(services.visits)
    serve(services.visits, point)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 3)
