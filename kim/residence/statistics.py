"""Statistics of the candidate pipeline: per route and stage, the candidates who reached the stage in each
quarter of a year, and the current stock per stage – on the page and as an XLSX file with the same figures.

Who sees what:

* authority staff of an ABH or EBH: their own authority's figures, exact;
* coordination (coordinator, administrative assistant): all authorities together, aggregates only, with
  small cells suppressed – counts from 1 to 4 are shown as "< 5", as in the funder reports (DESIGN.md,
  Baustein 1: "dashboards and funder reports with small-cell suppression"): a route with two grants in a
  quarter would otherwise point to persons the coordination may not know. No totals are shown, so a
  suppressed cell cannot be worked out from a sum.

"Reached" counts distinct candidates per route, stage and quarter by the day the stage was reached (as the
staff recorded it); a candidate reopened and moved on again counts once per quarter. Candidacies whose access
ended with a withdrawn consent stay in these counts – counts are not personal data (statistics survive as
counts, DESIGN.md 5) – but not in the stock, which is what the authority works today.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from django.db.models import Count, Min
from django.db.models.functions import ExtractQuarter
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kim.accounts.models import Organisation, Role
from kim.core.scoping import Actor
from kim.residence.models import Candidate, CandidateStageChange, PipelineStage
from kim.residence.pipeline import AUTHORITY_KINDS, STAGE_ORDER, is_pipeline_authority, route_label

COORDINATION = (Role.COORDINATOR, Role.ADMIN_ASSISTANT)
SMALL_CELL_MAX = 4
SUPPRESSED = "< 5"
#: First characters a spreadsheet may read as the start of a formula (CSV/formula injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def can_see(actor: Actor) -> bool:
    return actor.membership is not None and (actor.role in COORDINATION or is_pipeline_authority(actor))


@dataclass
class Cell:
    value: int
    shown: str

    @property
    def suppressed(self) -> bool:
        return self.shown == SUPPRESSED


@dataclass
class StageRow:
    stage: str
    label: str
    quarters: list[Cell]
    stock: Cell


@dataclass
class RouteTable:
    route: str
    label: str
    rows: list[StageRow]


@dataclass
class Quarter:
    number: int
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return _("Q%(quarter)s %(year)s") % {"quarter": self.number, "year": self.start.year}


@dataclass
class Report:
    year: int
    quarters: list[Quarter]
    tables: list[RouteTable]
    scope: str
    suppressed: bool
    generated_at: dt.datetime
    years: list[int] = field(default_factory=list)

    @property
    def period(self) -> str:
        return _("%(start)s to %(end)s") % {
            "start": date_format(self.quarters[0].start, "SHORT_DATE_FORMAT"),
            "end": date_format(self.quarters[-1].end, "SHORT_DATE_FORMAT"),
        }


def quarters_of(year: int) -> list[Quarter]:
    starts = [dt.date(year, month, 1) for month in (1, 4, 7, 10)]
    ends = [start - dt.timedelta(days=1) for start in starts[1:]] + [dt.date(year, 12, 31)]
    return [
        Quarter(number, start, end) for number, (start, end) in enumerate(zip(starts, ends, strict=True), 1)
    ]


def _authorities(actor: Actor):
    if is_pipeline_authority(actor):
        return Organisation.objects.filter(pk=actor.organisation_id)
    return Organisation.objects.filter(kind__in=AUTHORITY_KINDS)


def years_available(actor: Actor) -> list[int]:
    this_year = timezone.localdate().year
    first = CandidateStageChange.objects.filter(candidate__authority__in=_authorities(actor)).aggregate(
        first=Min("reached_on")
    )["first"]
    start = min(first.year, this_year) if first else this_year
    return list(range(this_year, start - 1, -1))


def _cell(value: int, suppress: bool) -> Cell:
    if suppress and 1 <= value <= SMALL_CELL_MAX:
        return Cell(value, SUPPRESSED)
    return Cell(value, str(value))


def report(*, actor: Actor, year: int | None = None) -> Report:
    """The figures the actor may see for ``year`` (the current year by default)."""
    today = timezone.localdate()
    years = years_available(actor)
    year = year if year in years else today.year
    authorities = _authorities(actor)
    suppress = not is_pipeline_authority(actor)
    reached = {
        (row["candidate__route"], row["to_stage"], row["quarter"]): row["n"]
        for row in CandidateStageChange.objects.filter(
            candidate__authority__in=authorities, reached_on__year=year
        )
        .annotate(quarter=ExtractQuarter("reached_on"))
        .values("candidate__route", "to_stage", "quarter")
        .annotate(n=Count("candidate", distinct=True))
        .order_by()
    }
    stock = {
        (row["route"], row["stage"]): row["n"]
        for row in Candidate.objects.filter(authority__in=authorities)
        .accessible(today)
        .values("route", "stage")
        .annotate(n=Count("pk"))
        .order_by()
    }
    routes = sorted({key[0] for key in reached} | {key[0] for key in stock}, key=route_label)
    quarters = quarters_of(year)
    tables = [
        RouteTable(
            route=route,
            label=route_label(route),
            rows=[
                StageRow(
                    stage=stage,
                    label=str(PipelineStage(stage).label),
                    quarters=[_cell(reached.get((route, stage, q.number), 0), suppress) for q in quarters],
                    stock=_cell(stock.get((route, stage), 0), suppress),
                )
                for stage in STAGE_ORDER
            ],
        )
        for route in routes
    ]
    if suppress:
        scope = _("All foreigners' and naturalisation authorities, aggregated")
    else:
        scope = str(actor.organisation.name)
    return Report(
        year=year,
        quarters=quarters,
        tables=tables,
        scope=scope,
        suppressed=suppress,
        generated_at=timezone.localtime(),
        years=years,
    )


# XLSX ---------------------------------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """Text a spreadsheet must show as text: a leading formula character gets an apostrophe in front."""
    text = str(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def suppression_note() -> str:
    return _(
        "Counts from 1 to 4 are shown as “< 5” (small-cell suppression, as in the funder reports), so that "
        "no person can be recognised; no totals are given, so the hidden counts cannot be worked out."
    )


def xlsx(report: Report) -> bytes:
    """The report as an XLSX workbook: a header with scope, period and generation time, then one line per route
    and stage. Every text is written as a string (never a formula) and neutralised."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = workbook.add_worksheet(neutralise(_("Statistics"))[:31])
    bold = workbook.add_format({"bold": True})
    title = workbook.add_format({"bold": True, "font_size": 14})

    def text(row, col, value, fmt=None):
        sheet.write_string(row, col, neutralise(value), fmt)

    text(0, 0, _("Residence and naturalisation pipeline: statistics"), title)
    header = [
        (_("Scope"), report.scope),
        (_("Period"), f"{report.year}: {report.period}"),
        (_("Generated"), date_format(report.generated_at, "SHORT_DATETIME_FORMAT")),
    ]
    if report.suppressed:
        header.append((_("Note"), suppression_note()))
    row = 2
    for label, value in header:
        text(row, 0, label, bold)
        text(row, 1, value)
        row += 1
    row += 1
    columns = [_("Route"), _("Stage"), *[q.label for q in report.quarters], _("Current stock")]
    for col, label in enumerate(columns):
        text(row, col, label, bold)
    for table in report.tables:
        for stage_row in table.rows:
            row += 1
            text(row, 0, table.label)
            text(row, 1, stage_row.label)
            for col, cell in enumerate([*stage_row.quarters, stage_row.stock], start=2):
                if cell.suppressed:
                    text(row, col, cell.shown)
                else:
                    sheet.write_number(row, col, cell.value)
    sheet.set_column(0, 1, 24)
    sheet.set_column(2, len(columns), 12)
    workbook.close()
    return buffer.getvalue()
