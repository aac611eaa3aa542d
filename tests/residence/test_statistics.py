"""Statistics of the pipeline: counts per route, stage and quarter, stock, small-cell suppression, XLSX."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from kim.accounts.models import OrganisationKind, Role
from kim.core.models import AuditEvent
from kim.residence import statistics
from kim.residence.models import Candidate
from tests.factories import OrganisationFactory
from tests.residence.test_pipeline_support import actor, make_candidate

D = dt.date
YEAR = 2026
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _person(organisation, n):
    from tests.clients.factories import ClientFactory

    return ClientFactory(organisation=organisation, family_name=f"Statistik{n}")


def _walk(authority, user, n, steps, route="AUFENTHG_25B"):
    """``n`` candidates, each with the history ``steps`` [(to_stage, day), …] starting with "identified"."""
    made = []
    for i in range(n):
        history, previous = [], ""
        for to_stage, day in steps:
            history.append((previous, to_stage, day))
            previous = to_stage
        made.append(
            make_candidate(
                _person(authority, i),
                authority,
                user,
                route=route,
                stage=previous,
                since=steps[-1][1],
                history=history,
            )
        )
    return made


@pytest.fixture
def figures(authority, officer, other_abh, other_officer, ebh, ebh_officer):
    """ABH: 3 candidates identified in Q1, counselled in Q2, applied in Q3 (one granted in Q4);
    2 identified in Q3. Another ABH: 3 identified in Q1. EBH: 6 naturalisation candidates identified in Q2."""
    main = _walk(
        authority,
        officer.user,
        3,
        [("identified", D(YEAR, 2, 1)), ("counselled", D(YEAR, 5, 2)), ("applied", D(YEAR, 9, 30))],
    )
    main[0].stage = "granted"
    main[0].save()
    main[0].stage_changes.create(
        from_stage="applied", to_stage="granted", reached_on=D(YEAR, 10, 1), by=officer.user
    )
    _walk(authority, officer.user, 2, [("identified", D(YEAR, 7, 1))])
    _walk(other_abh, other_officer.user, 3, [("identified", D(YEAR, 3, 31))])
    _walk(ebh, ebh_officer.user, 6, [("identified", D(YEAR, 4, 1))], route="STAG_10")
    return main


def _table(report, route):
    table = next(t for t in report.tables if t.route == route)
    return {row.stage: ([c.shown for c in row.quarters], row.stock.shown) for row in table.rows}


def test_authority_sees_exact_figures_of_its_own(figures, officer):
    report = statistics.report(actor=actor(officer), year=YEAR)
    assert not report.suppressed and report.scope == "Ausländerbehörde Testhausen"
    assert [t.route for t in report.tables] == ["AUFENTHG_25B"]
    table = _table(report, "AUFENTHG_25B")
    assert table["identified"] == (["3", "0", "2", "0"], "2")
    assert table["counselled"] == (["0", "3", "0", "0"], "0")
    assert table["applied"] == (["0", "0", "3", "0"], "2")
    assert table["granted"] == (["0", "0", "0", "1"], "1")
    assert table["refused"] == (["0", "0", "0", "0"], "0")


def test_quarter_boundaries(figures, officer):
    # 31.03. is Q1, 01.04. Q2, 30.09. Q3, 01.10. Q4 – seen in the fixture's dates above
    quarters = statistics.quarters_of(YEAR)
    assert [(q.start, q.end) for q in quarters] == [
        (D(YEAR, 1, 1), D(YEAR, 3, 31)),
        (D(YEAR, 4, 1), D(YEAR, 6, 30)),
        (D(YEAR, 7, 1), D(YEAR, 9, 30)),
        (D(YEAR, 10, 1), D(YEAR, 12, 31)),
    ]


def test_a_candidate_counts_once_per_stage_and_quarter(authority, officer):
    candidate = _walk(
        authority,
        officer.user,
        1,
        [("identified", D(YEAR, 1, 5)), ("applied", D(YEAR, 1, 6)), ("refused", D(YEAR, 1, 7))],
    )[0]
    candidate.stage_changes.create(
        from_stage="refused", to_stage="applied", reached_on=D(YEAR, 2, 1), is_reopening=True, by=officer.user
    )
    table = _table(statistics.report(actor=actor(officer), year=YEAR), "AUFENTHG_25B")
    assert table["applied"][0] == ["1", "0", "0", "0"]


def test_ended_access_counts_in_quarters_not_in_stock(figures, officer):
    from django.utils import timezone

    Candidate.objects.filter(pk=figures[1].pk).update(
        access_ended_at=timezone.now(), access_end_reason="consent_withdrawn"
    )
    table = _table(statistics.report(actor=actor(officer), year=YEAR), "AUFENTHG_25B")
    assert table["applied"] == (["0", "0", "3", "0"], "1")


def test_coordination_sees_all_authorities_with_small_cells_suppressed(figures, make_member):
    report = statistics.report(actor=actor(make_member(Role.COORDINATOR)), year=YEAR)
    assert report.suppressed
    abh = _table(report, "AUFENTHG_25B")
    # ABH 3 + other ABH 3 in Q1 = 6 (shown); 2 in Q3 (suppressed); 0 stays 0
    assert abh["identified"] == (["6", "0", "< 5", "0"], "5")
    assert abh["granted"] == (["0", "0", "0", "< 5"], "< 5")
    assert _table(report, "STAG_10")["identified"] == (["0", "6", "0", "0"], "6")
    cell = next(t for t in report.tables if t.route == "AUFENTHG_25B").rows[0].quarters[2]
    assert cell.suppressed and cell.value == 2 and cell.shown == "< 5"


def test_suppression_edges():
    assert [statistics._cell(n, True).shown for n in (0, 1, 4, 5)] == ["0", "< 5", "< 5", "5"]
    assert [statistics._cell(n, False).shown for n in (0, 1, 4, 5)] == ["0", "1", "4", "5"]


def test_page_access(figures, officer, make_member, client_for):
    url = reverse("pipeline:statistics")
    page = client_for(officer).get(url, {"year": YEAR})
    assert page.status_code == 200 and "Ausländerbehörde Testhausen" in page.content.decode()
    coordination = client_for(make_member(Role.ADMIN_ASSISTANT)).get(url, {"year": YEAR}).content.decode()
    assert "&lt; 5" in coordination and "Statistik0" not in coordination
    for role in (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.SYSTEM_ADMIN):
        assert client_for(make_member(role)).get(url).status_code == 403
    jobcenter = OrganisationFactory(name="Jobcenter X", kind=OrganisationKind.JOB_CENTRE)
    assert client_for(make_member(Role.AUTHORITY_STAFF, organisation=jobcenter)).get(url).status_code == 403


def test_unknown_year_falls_back_to_the_current_year(officer, client_for):
    from django.utils import timezone

    response = client_for(officer).get(reverse("pipeline:statistics"), {"year": "1850"})
    assert response.status_code == 200
    assert response.context["report"].year == timezone.localdate().year


# XLSX ---------------------------------------------------------------------------------------------------------


def read_xlsx(content: bytes) -> list[list]:
    """The first sheet as rows of values (strings resolved from the shared strings; numbers as float)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        shared = []
        if "xl/sharedStrings.xml" in archive.namelist():
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))  # noqa: S314 - our own file
            shared = [
                "".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root.findall("m:si", NS)
            ]
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))  # noqa: S314 - our own file
    assert not sheet.findall(".//m:f", NS), "the sheet must not contain formulas"
    rows = []
    for row in sheet.findall(".//m:sheetData/m:row", NS):
        values = {}
        for cell in row.findall("m:c", NS):
            column = re.match(r"[A-Z]+", cell.get("r")).group()
            raw = cell.find("m:v", NS).text
            values[ord(column) - ord("A")] = shared[int(raw)] if cell.get("t") == "s" else float(raw)
        rows.append([values.get(i) for i in range(max(values) + 1)] if values else [])
    return rows


def test_xlsx_has_the_same_figures_and_a_header(figures, officer, client_for):
    response = client_for(officer).get(reverse("pipeline:statistics_xlsx"), {"year": YEAR})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f"pipeline-statistik-{YEAR}.xlsx" in response["Content-Disposition"]
    rows = read_xlsx(response.content)
    flat = [value for row in rows for value in row if value is not None]
    assert "Ausländerbehörde Testhausen" in flat
    assert f"{YEAR}: 01/01/{YEAR} to 12/31/{YEAR}" in flat
    assert any(row and row[0] == "Generated" for row in rows)
    header = next(row for row in rows if row and row[0] == "Route")
    assert header == ["Route", "Stage", "Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026", "Current stock"]
    applied = next(row for row in rows if row[:2] == ["§ 25b AufenthG", "applied"])
    assert applied[2:] == [0.0, 0.0, 3.0, 0.0, 2.0]
    assert AuditEvent.objects.filter(action="residence.pipeline.statistics_export").exists()


def test_xlsx_for_coordination_keeps_the_suppression(figures, make_member, client_for):
    rows = read_xlsx(
        client_for(make_member(Role.COORDINATOR))
        .get(reverse("pipeline:statistics_xlsx"), {"year": YEAR})
        .content
    )
    identified = next(row for row in rows if row[:2] == ["§ 25b AufenthG", "identified"])
    assert identified[2:] == [6.0, 0.0, "< 5", 0.0, 5.0]
    assert any(row and row[0] == "Note" and "< 5" in row[1] for row in rows)


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x.example")', "+1+1", "-2", "@SUM(A1)"])
def test_xlsx_neutralises_formula_starts(dangerous, authority, officer):
    authority.name = dangerous
    authority.save()
    officer.organisation.refresh_from_db()
    content = statistics.xlsx(statistics.report(actor=actor(officer), year=YEAR))
    flat = [value for row in read_xlsx(content) for value in row]
    assert "'" + dangerous in flat and dangerous not in flat


def test_neutralise():
    assert statistics.neutralise("=1+1") == "'=1+1"
    assert statistics.neutralise("\tx") == "'\tx"
    assert statistics.neutralise("§ 25b AufenthG") == "§ 25b AufenthG"
    assert statistics.neutralise("< 5") == "< 5"
