"""お手続きのご案内: the sheet the resident takes home, last in every bundle.

Today's procedures grouped by counter in the order the resident visits them, for whom, what to
bring and by when (with the date worked out where the deadline counts from the event date), and
what may still be needed. Large, friendly text; it flows onto more pages when it has to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from reportlab.pdfgen.canvas import Canvas

from kakanai.domain.catalog import Catalog
from kakanai.domain.household import Household, LifeEvent
from kakanai.domain.planner import Plan, PlannedProcedure
from kakanai.domain.wareki import format_wareki
from kakanai.pdf.draw import SHADE, draw_box, draw_fitted, wrap
from kakanai.pdf.fonts import GOTHIC, MINCHO, printable
from kakanai.pdf.layout import MM, PAPER, Rect

TITLE = "お手続きのご案内"
BODY, SMALL, HEAD = 12.0, 10.5, 13.5
SIDE, TOP, BOTTOM = 18 * MM, 16 * MM, 16 * MM
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass
class _Flow:
    """A cursor that lays text down the page and starts a new page when it runs out of room."""

    canvas: Canvas
    footer: str
    y: float = 0.0
    pages: int = 0

    @property
    def width(self) -> float:
        """The width of a line of text."""
        return PAPER["A4"][0] - 2 * SIDE

    def new_page(self) -> None:
        """Finish the current page (if any) and start the next at its top."""
        if self.pages:
            self.end_page()
        self.canvas.setPageSize(PAPER["A4"])
        self.pages += 1
        self.y = PAPER["A4"][1] - TOP

    def room(self, height: float) -> None:
        """Start a new page unless ``height`` points still fit above the footer."""
        if self.y - height < BOTTOM + 8 * MM:
            self.new_page()

    def text(self, text: str, size: float = BODY, indent: float = 0, font: str = GOTHIC, gap: float = 1.5) -> None:
        """Lay ``text`` down as wrapped lines (plain drawString, never markup)."""
        for line in wrap(printable(text), font, size, self.width - indent):
            self.room(size * 1.45)
            self.y -= size * 1.45
            self.canvas.setFont(font, size)
            self.canvas.drawString(SIDE + indent, self.y + size * 0.3, line)
        self.y -= gap

    def bar(self, text: str) -> None:
        """A shaded heading bar across the page."""
        self.room(11 * MM + 3 * BODY * 1.45)
        self.y -= 11 * MM
        box = Rect(SIDE, self.y, self.width, 9 * MM)
        draw_box(self.canvas, box, 0.8, SHADE)
        draw_fitted(self.canvas, text, box, GOTHIC, HEAD, 9, pad=3 * MM)
        self.y -= 2 * MM

    def end_page(self) -> None:
        """Draw the footer and page number and end the page."""
        self.canvas.setFillGray(0.3)
        self.canvas.setFont(GOTHIC, 7.5)
        self.canvas.drawString(SIDE, BOTTOM - 2 * MM, printable(self.footer))
        self.canvas.drawRightString(PAPER["A4"][0] - SIDE, BOTTOM - 2 * MM, f"{self.pages} 枚目")
        self.canvas.setFillGray(0)
        self.canvas.showPage()


def draw_takehome(canvas: Canvas, household: Household, plan: Plan, catalog: Catalog, *, visit_id: str,
                  issued: date) -> int:
    """Draw the take-home sheet after whatever the canvas holds; returns how many pages it took."""
    flow = _Flow(canvas, f"{catalog.city.name}　受付番号 {visit_id}　ご不明な点は各窓口へお尋ねください")
    flow.new_page()
    _heading(flow, household, catalog, issued)
    flow.bar("本日のお手続き（この順に窓口をお回りください）")
    groups = groupby(walking_order(plan, catalog), key=lambda item: item.procedure.definition.department)
    for n, (department_id, items) in enumerate(groups):
        department = catalog.departments[department_id]
        mark = CIRCLED[n] if n < len(CIRCLED) else f"({n + 1})"
        flow.room(3 * HEAD * 1.45)
        flow.text(f"{mark} {department.name}　{department.counter}", HEAD, font=GOTHIC, gap=1 * MM)
        for _, same in groupby(items, key=lambda item: item.id):
            _procedure(flow, household, list(same))
    _undecided(flow, plan, catalog)
    flow.end_page()
    return flow.pages


def walking_order(plan: Plan, catalog: Catalog) -> list[PlannedProcedure]:
    """The plan's items by counter in the order the resident walks (the departments' `order` in
    catalog.toml), each counter once and each procedure's people together, also for procedures the
    clerk added (they come last in the plan)."""
    first: dict[str, int] = {}
    for n, item in enumerate(plan.items):
        first.setdefault(item.id, n)
    return sorted(plan.items, key=lambda item: (catalog.department_order(item.procedure.definition.department),
                                                first[item.id]))


def _heading(flow: _Flow, household: Household, catalog: Catalog, issued: date) -> None:
    canvas, top = flow.canvas, flow.y
    draw_fitted(canvas, TITLE, Rect(SIDE, top - 14 * MM, flow.width, 14 * MM), GOTHIC, 24, 16, align="center")
    draw_fitted(canvas, catalog.city.name, Rect(SIDE, top - 14 * MM, flow.width, 14 * MM), GOTHIC, 11, 9,
                align="right", pad=0)
    flow.y = top - 18 * MM
    flow.text(f"{household.notifier_person.full_name} 様", 16, font=MINCHO, gap=1 * MM)
    flow.text(f"ご来庁日 {format_wareki(issued)}　　届出 {household.event.label}（{format_wareki(household.date)}）",
              SMALL, gap=1 * MM)
    flow.text(opening(household), SMALL)


def opening(household: Household) -> str:
    """The sheet's first words: condolences for a death (おくやみ), thanks for everything else."""
    if household.event is LifeEvent.DEATH:
        return "このたびは心よりお悔やみ申し上げます。本日のお手続きの内容と、これからのご案内をお渡しします。"
    return "本日はご来庁ありがとうございました。手続の内容と、これからのご案内をお渡しします。"


def _procedure(flow: _Flow, household: Household, items: list[PlannedProcedure]) -> None:
    definition = items[0].procedure.definition
    flow.room(2 * BODY * 1.45)
    flow.text(f"□ {definition.title}", BODY, indent=4 * MM, font=GOTHIC, gap=0)
    subjects = [i for item in items for i in item.subjects]
    who = "、".join(household.members[i].full_name for i in subjects) if subjects else "世帯全体"
    flow.text(f"対象: {who}", SMALL, indent=10 * MM, gap=0)
    deadline = items[0].procedure.deadline
    if deadline:
        last = items[0].last_day or deadline.last_day(household.date)
        until = f"{format_wareki(last)}まで　※" if last else ""
        if items[0].late and last:  # the visit is after the last day: say so kindly, and what to do
            text = f"期限: {format_wareki(last)}まで（{deadline.text}）でしたが、過ぎています。本日お手続きください"
        else:
            text = f"期限: {until}{deadline.text}"
        flow.text(text, SMALL, indent=10 * MM, gap=0)
    bring = list(dict.fromkeys(b for item in items for b in item.bring))
    if bring:
        flow.text(f"お持ちいただくもの: {'、'.join(bring)}", SMALL, indent=10 * MM, gap=0)
    if definition.note:
        flow.text(f"ご注意: {definition.note}", SMALL, indent=10 * MM, gap=0)
    flow.y -= 2 * MM


def _undecided(flow: _Flow, plan: Plan, catalog: Catalog) -> None:
    if not plan.undecided:
        return
    flow.bar("このほか必要になるかもしれない手続（窓口でご確認ください）")
    for pending in plan.undecided:
        department = catalog.departments[pending.procedure.definition.department]
        flow.text(f"□ {pending.procedure.title}　［{department.name} {department.counter}］", BODY, indent=4 * MM)
