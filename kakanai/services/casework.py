"""The case: the one path from what a resident brings to the bundle they sign.

A scanned code, a household file or the clerk's interview answers become a household → its
plan (with the clerk's changes) → the bundle. The counter window, every command and the
self-test go through `Casework`, so they read, plan, report what is still undecided and render
the same way. Qt-free: the window calls it from its controller (rendering in a background task).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import Draft, draft_from_household, split_member_path
from kakanai.domain.household import Household
from kakanai.domain.household_doc import ParsedHousehold, parse_household
from kakanai.domain.interview import Interview
from kakanai.domain.planner import Plan, member_name
from kakanai.domain.problems import Problem
from kakanai.domain.questions import HOUSEHOLD_SPECS, MEMBER_SPECS
from kakanai.domain.visit_session import VisitSession
from kakanai.qr.payload import decode
from kakanai.services.documents import Bundle
from kakanai.services.postal import PostalDirectory


@dataclass(frozen=True)
class Intake:
    """A household as read (from a code or a file): the validated household, its draft, and the
    warnings (unknown keys) that did not stop it."""

    household: Household
    draft: Draft
    warnings: tuple[Problem, ...]


@dataclass(frozen=True)
class Pending:
    """A procedure that cannot be decided yet: for whom, and which facts would settle it."""

    procedure_id: str
    title: str
    whom: tuple[str, ...]  # members named in what is missing (empty: the household)
    missing: tuple[str, ...]  # the facts, as the interview asks them (今の健康保険 …)

    def line(self) -> str:
        """One line for the clerk: 「国民健康保険 加入（山田　太郎: 今の健康保険）」."""
        who = f"{'、'.join(self.whom)}: " if self.whom else ""
        return f"{self.title}（{who}{'・'.join(self.missing)}が未確認）"


class Casework:
    """Reads households, plans their procedures and renders their bundles under one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.postal = PostalDirectory(catalog.postal_book)  # the city's postal codes, then Japan's

    # -- reading -----------------------------------------------------------------------------
    def read_code(self, text: str) -> Intake:
        """A scanned KKN code (raises `InvalidInput` with the clerk's message)."""
        return _intake(decode(text))

    def read_document(self, document: Any) -> Intake:
        """A household document (a file given to a command; raises `InvalidInput`)."""
        return _intake(parse_household(document))

    # -- the visit's case --------------------------------------------------------------------
    def interview(self, session: VisitSession) -> Interview:
        """The interview over a visit: what is known, what is still to ask."""
        interview = session.interview(self.catalog)
        interview.towns = self.postal.town  # a 転入's code from elsewhere suggests its town too
        return interview

    def plan(self, session: VisitSession) -> Plan:
        """The visit's procedures: the rules' plan with the clerk's drops and additions."""
        return session.final_plan(self.catalog)

    def household(self, session: VisitSession) -> ParsedHousehold:
        """The visit's complete household (raises `InvalidInput` while something is missing)."""
        return self.interview(session).household()

    def plan_of(self, intake: Intake, visit_date: date | None = None) -> Plan:
        """The plan of a household read from a code or a file, as the counter would start it on
        ``visit_date`` (None: on the event date)."""
        started = datetime.combine(visit_date, time(12), tzinfo=UTC) if visit_date else _EPOCH
        return self.plan(VisitSession("", started, base=intake.draft))

    def pending(self, plan: Plan, draft: Draft) -> tuple[Pending, ...]:
        """The undecided procedures of a plan, for whom and why (the same wording everywhere)."""
        return tuple(_pending(item.procedure.id, item.procedure.title, item.needs, draft) for item in plan.undecided)

    # -- the bundle --------------------------------------------------------------------------
    def printable_problems(self, household: Household) -> list[Problem]:
        """Characters the fonts cannot print (外字), by person and field; empty when all print."""
        from kakanai.pdf.bundle import check_printable  # reportlab only when a bundle is made

        return check_printable(household, self.catalog)

    def render(self, household: Household, plan: Plan, visit_id: str, issued: date) -> Bundle:
        """The visit's bundle, in memory (it holds resident data: never on disk)."""
        from kakanai.pdf.bundle import render_bundle

        buffer = io.BytesIO()
        report = render_bundle(household, plan, self.catalog, buffer, visit_id=visit_id, issued=issued)
        return Bundle(visit_id, buffer.getvalue(), report)

    def render_split(self, household: Household, plan: Plan, folder: Path, visit_id: str, issued: date) -> list[Path]:
        """One PDF per form in ``folder`` (for a command; the counter never writes bundles)."""
        from kakanai.pdf.bundle import render_split

        return render_split(household, plan, self.catalog, folder, visit_id=visit_id, issued=issued)


_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # a plan needs no visit time


def _intake(parsed: ParsedHousehold) -> Intake:
    return Intake(parsed.household, draft_from_household(parsed.household), tuple(parsed.warnings))


def _pending(procedure_id: str, title: str, needs: tuple[str, ...], draft: Draft) -> Pending:
    whom: list[str] = []
    missing: list[str] = []
    for path in needs:
        where = split_member_path(path)
        spec = MEMBER_SPECS.get(where[1]) if where else HOUSEHOLD_SPECS.get(path)
        label = spec.label if spec else path
        if where is not None and (name := member_name(draft, where[0])) not in whom:
            whom.append(name)
        if label not in missing:
            missing.append(label)
    return Pending(procedure_id, title, tuple(whom), tuple(missing))
