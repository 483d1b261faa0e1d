"""Makes the visit's PDF bundle (forms in counter order, take-home sheet last) in the data folder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kakanai.domain.catalog import Catalog
from kakanai.domain.household import Household
from kakanai.domain.planner import Plan
from kakanai.pdf.bundle import BundleReport, render_bundle


@dataclass(frozen=True)
class Bundle:
    """A rendered bundle on disk and what the renderer reported about it."""

    path: Path
    report: BundleReport


class DocumentService:
    """Renders bundles into ``<data>/out``; call from a background task, never the UI thread."""

    def __init__(self, catalog: Catalog, out_dir: Path) -> None:
        self.catalog = catalog
        self.out_dir = out_dir

    def render(self, household: Household, plan: Plan, visit_id: str, issued: date) -> Bundle:
        """Render the bundle of a visit (overwrites an earlier render of the same visit)."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        path = self.out_dir / f"{visit_id}.pdf"
        temporary = path.with_suffix(".tmp")
        report = render_bundle(household, plan, self.catalog, temporary, visit_id=visit_id, issued=issued)
        temporary.replace(path)
        return Bundle(path, report)

    def discard(self, visit_id: str) -> None:
        """Delete a visit's rendered bundle (resident data) once the visit has ended."""
        for suffix in (".pdf", ".tmp"):
            (self.out_dir / f"{visit_id}{suffix}").unlink(missing_ok=True)

    def purge(self, keep: set[str]) -> None:
        """Delete bundles of visits that are no longer open (left behind by a crash)."""
        for path in self.out_dir.glob("*.pdf"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
