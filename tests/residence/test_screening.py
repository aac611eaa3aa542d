"""Residence screening (kim.residence.screening): scope, consent, facts, results, filters, queries, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kim.accounts.models import Role
from kim.cases.models import CaseStatus
from kim.clients.models import Consent, ConsentPurpose, DataCategory
from kim.core.models import AuditEvent
from kim.core.scoping import Actor
from kim.residence import screening
from kim.residence.models import PrecheckRun, StatusKind
from kim.residence.precheck import evaluate
from kim.residence.precheck.labels import fact_label
from kim.residence.precheck_facts import facts_from_client
from tests.clients.factories import ClientFactory, make_case, share_case
from tests.residence.test_pipeline_support import status


def today() -> dt.date:
    return timezone.localdate()


def years_ago(years: int, days: int = 0) -> dt.date:
    day = today()
    try:
        day = day.replace(year=day.year - years)
    except ValueError:
        day = day.replace(year=day.year - years, day=28)
    return day + dt.timedelta(days=days)


def actor(membership) -> Actor:
    return Actor(user=membership.user, membership=membership)


def cm_consent(client, user, **extra) -> Consent:
    values = {"valid_from": today() - dt.timedelta(days=30), "form_version": "2026-01"}
    values.update(extra)
    return Consent.objects.create(
        client=client,
        purpose=ConsentPurpose.CASE_MANAGEMENT,
        data_categories=[DataCategory.MASTER_DATA, DataCategory.RESIDENCE],
        recorded_by=user,
        **values,
    )


def refugee(organisation, manager, *, number=None, consent=True, **fields):
    """A recognised refugee whose settlement permit (§ 9) is reachable within the year: a candidate."""
    client = ClientFactory(
        organisation=organisation,
        birth_year=1990,
        birth_month=3,
        birth_day=1,
        arrival_germany=years_ago(5, -30),
        created_by=manager.user,
        **fields,
    )
    status(
        client,
        manager.user,
        StatusKind.AUFENTHALTSERLAUBNIS,
        years_ago(5, 120),
        legal_basis="§ 25 Abs. 2 S. 1 Alt. 1",
    )
    case = make_case(client, manager.user, number=number)
    if consent:
        cm_consent(client, manager.user)
    return case


def screened_cases(result) -> set[str]:
    return {c.case.number for g in result.groups for c in g.candidates}


def expected_candidates(facts, day, options=None) -> set[tuple]:
    """What the screening must list for ``facts``, computed from the engine's JSON answer directly."""
    answer = evaluate(facts, on=day, options=options)
    rows = set()
    for item in answer["results"]:
        earliest = dt.date.fromisoformat(item["earliest_date"]) if item["earliest_date"] else None
        kind = screening.screening_outcome(item["outcome"], earliest, day)
        if kind:
            missing = tuple(fact_label(path, "en") for path in item["missing_facts"])
            rows.add((item["route"], kind, missing, earliest))
    return rows


def listed(result, number) -> set[tuple]:
    return {
        (c.route, c.outcome, tuple(c.missing), c.earliest)
        for g in result.groups
        for c in g.candidates
        if c.case.number == number
    }


@pytest.fixture
def people(welfare, other_welfare, owner, colleague, stranger):
    return {
        "own": refugee(welfare, owner, number="S-OWN"),
        "own_closed": refugee(welfare, owner, number="S-CLOSED"),
        "colleague": refugee(welfare, colleague, number="S-COLL"),
        "other_org": refugee(other_welfare, stranger, number="S-OTHER"),
        "withdrawn": refugee(welfare, owner, number="S-WITHDRAWN", consent=False),
        "expired": refugee(welfare, owner, number="S-EXPIRED", consent=False),
        "none": refugee(welfare, owner, number="S-NONE", consent=False),
    }


@pytest.fixture
def world(people, owner):
    people["own_closed"].status = CaseStatus.CLOSED
    people["own_closed"].save()
    cm_consent(people["withdrawn"].client, owner.user, withdrawn_on=today())
    cm_consent(people["expired"].client, owner.user, valid_until=today() - dt.timedelta(days=1))
    # a consent for another purpose does not count
    Consent.objects.create(
        client=people["none"].client,
        purpose=ConsentPurpose.CONTACT_PHONE,
        valid_from=today() - dt.timedelta(days=5),
        form_version="1",
        recorded_by=owner.user,
    )
    return people


# Scope ------------------------------------------------------------------------------------------------------


def test_case_manager_screens_own_open_consented_cases_only(world, owner):
    result = screening.screen(actor=actor(owner))
    assert screened_cases(result) == {"S-OWN"}
    assert result.evaluated == 1
    assert result.no_consent == 3  # withdrawn, expired, only a phone consent


def test_colleague_sees_only_own_case(world, colleague):
    result = screening.screen(actor=actor(colleague))
    assert screened_cases(result) == {"S-COLL"}
    assert result.no_consent == 0


def test_team_lead_screens_open_cases_of_own_organisation(world, lead):
    result = screening.screen(actor=actor(lead))
    assert screened_cases(result) == {"S-OWN", "S-COLL"}
    assert result.evaluated == 2
    assert result.no_consent == 3


def test_other_organisation_sees_only_its_own(world, stranger):
    assert screened_cases(screening.screen(actor=actor(stranger))) == {"S-OTHER"}


def test_authority_sees_shared_cases_under_valid_consent_only(world, owner, authority, make_member):
    officer = make_member(Role.AUTHORITY_STAFF)
    share_case(world["own"], authority, owner.user)
    share_case(world["colleague"], authority, owner.user, valid=False)  # share consent expired
    revoked = share_case(world["other_org"], authority, owner.user)
    revoked.revoked_at = timezone.now()
    revoked.save()
    share_case(world["withdrawn"], authority, owner.user)  # shared, but no consent for case management
    result = screening.screen(actor=actor(officer))
    assert screened_cases(result) == {"S-OWN"}
    assert result.evaluated == 1
    assert result.no_consent == 1
    assert all(c.show_name for g in result.groups for c in g.candidates)


def test_authority_needs_residence_category_and_name_follows_master_data(
    world, owner, authority, make_member
):
    officer = make_member(Role.AUTHORITY_STAFF)
    share_case(world["own"], authority, owner.user, categories=(DataCategory.RESIDENCE,))
    share_case(world["colleague"], authority, owner.user, categories=(DataCategory.MASTER_DATA,))
    result = screening.screen(actor=actor(officer))
    assert screened_cases(result) == {"S-OWN"}
    assert result.no_residence_share == 1
    assert not any(c.show_name for g in result.groups for c in g.candidates)


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN_ASSISTANT, Role.SYSTEM_ADMIN])
def test_other_roles_are_refused(world, make_member, role):
    with pytest.raises(PermissionDenied):
        screening.screen(actor=actor(make_member(role)))


# Facts and results ------------------------------------------------------------------------------------------


def test_results_equal_engine_on_record_facts(world, owner):
    result = screening.screen(actor=actor(owner))
    facts = facts_from_client(world["own"].client, today())
    expected = expected_candidates(facts, today())
    assert expected  # the refugee is a candidate for several routes
    assert listed(result, "S-OWN") == expected
    assert any(kind == screening.SOON for _route, kind, _m, _e in expected)
    candidate = next(c for g in result.groups for c in g.candidates)
    assert candidate.run is None


def test_latest_run_facts_are_preferred(world, owner):
    client = world["own"].client
    old = {"person": {"birth_date": "1990-03-01"}}
    latest = {
        "person": {"birth_date": "2000-01-01"},
        "entry_date": years_ago(8).isoformat(),
        "status_history": [{"status": "duldung_60a", "from": years_ago(8, 10).isoformat(), "to": None}],
        "language": {"oral": "B1", "written": "B1"},
    }
    PrecheckRun.objects.create(
        client=client, created_by=owner.user, decision_date=today(), facts=old, result={}
    )
    run = PrecheckRun.objects.create(
        client=client, created_by=owner.user, decision_date=years_ago(1), facts=latest, result={}
    )
    result = screening.screen(actor=actor(owner))
    assert listed(result, "S-OWN") == expected_candidates(latest, today())
    assert listed(result, "S-OWN") != expected_candidates(facts_from_client(client, today()), today())
    assert {c.run.pk for g in result.groups for c in g.candidates} == {run.pk}


def test_record_facts_match_precheck_prefill(welfare, owner):
    client = ClientFactory(
        organisation=welfare,
        birth_year=1985,
        birth_month=7,
        birth_day=9,
        arrival_germany=dt.date(2015, 9, 1),
        created_by=owner.user,
    )
    status(client, owner.user, StatusKind.ASYLUM_PROCEDURE, dt.date(2015, 9, 3), dt.date(2017, 1, 31))
    status(client, owner.user, StatusKind.DULDUNG_60A, dt.date(2017, 2, 1), dt.date(2023, 5, 31))
    status(client, owner.user, StatusKind.FIKTION, dt.date(2023, 5, 1), dt.date(2023, 8, 1))
    status(client, owner.user, StatusKind.VISA, dt.date(2014, 1, 1), dt.date(2014, 2, 1))
    status(client, owner.user, StatusKind.CHANCEN_104C, dt.date(2023, 6, 1), None)
    partial = ClientFactory(organisation=welfare, birth_year=1999, created_by=owner.user)
    for person in (client, partial):
        statuses = list(person.residence_statuses.order_by("valid_from", "pk"))
        assert screening.record_facts(person, statuses, today()) == facts_from_client(person, today())


def test_contradictory_run_is_counted_not_listed(world, owner):
    PrecheckRun.objects.create(
        client=world["own"].client,
        created_by=owner.user,
        decision_date=today(),
        facts={"person": {"birth_date": "not a date"}},
        result={},
    )
    result = screening.screen(actor=actor(owner))
    assert result.failed == 1
    assert result.evaluated == 0
    assert screened_cases(result) == set()


@pytest.mark.parametrize(
    ("outcome", "offset", "expected"),
    [
        ("ELIGIBLE", None, "ELIGIBLE"),
        ("ELIGIBLE_WITH_OPEN_CONDITIONS", None, "ELIGIBLE_WITH_OPEN_CONDITIONS"),
        ("NOT_ELIGIBLE", 30, screening.SOON),
        ("NOT_ELIGIBLE", 365, screening.SOON),
        ("NOT_ELIGIBLE", 400, None),
        ("NOT_ELIGIBLE", None, None),
        ("NOT_APPLICABLE", None, None),
    ],
)
def test_screening_outcome(outcome, offset, expected):
    day = dt.date(2026, 3, 1)
    earliest = day + dt.timedelta(days=offset) if offset is not None else None
    assert screening.screening_outcome(outcome, earliest, day) == expected


def test_soon_limit_on_29_february():
    assert screening.soon_limit(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


# Filters ----------------------------------------------------------------------------------------------------


def test_route_and_outcome_filters(world, owner):
    everything = screening.screen(actor=actor(owner))
    by_route = screening.screen(actor=actor(owner), route="AUFENTHG_9")
    assert [g.route for g in by_route.groups] == ["AUFENTHG_9"]
    assert listed(by_route, "S-OWN") == {row for row in listed(everything, "S-OWN") if row[0] == "AUFENTHG_9"}
    soon = screening.screen(actor=actor(owner), outcome=screening.SOON)
    assert listed(soon, "S-OWN") == {row for row in listed(everything, "S-OWN") if row[1] == screening.SOON}
    assert soon.total_cells[3] == len(listed(soon, "S-OWN")) and sum(soon.total_cells[:3]) == 0


def test_page_filters_and_bad_filter(world, owner, client_for):
    web = client_for(owner)
    url = reverse("screening:screening")
    response = web.get(url, {"route": "AUFENTHG_9", "outcome": screening.SOON})
    assert response.status_code == 200
    assert [g.route for g in response.context["screening"].groups] == ["AUFENTHG_9"]
    before = AuditEvent.objects.filter(action="residence.screening.run").count()
    response = web.get(url, {"route": "NOT_A_ROUTE"})
    assert response.status_code == 200
    assert response.context["screening"] is None
    assert response.context["form"].errors["route"]
    assert response.context["form"]["route"].value() == "NOT_A_ROUTE"
    assert AuditEvent.objects.filter(action="residence.screening.run").count() == before


# Page, audit, navigation ------------------------------------------------------------------------------------


def test_page_lists_candidates_with_counts_and_links(world, owner, client_for):
    response = client_for(owner).get(reverse("screening:screening"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Not screened: no valid consent – 3" in html
    assert "facts from the record" in html
    assert reverse("clients:precheck_form", kwargs={"pk": world["own"].client_id}) in html
    assert "S-COLL" not in html and "S-WITHDRAWN" not in html
    assert str(world["own"].client) in html
    assert "<caption>Number of candidates per route and result</caption>" in html


def test_page_names_the_run_date(world, owner, client_for):
    PrecheckRun.objects.create(
        client=world["own"].client,
        created_by=owner.user,
        decision_date=today(),
        facts=facts_from_client(world["own"].client, today()),
        result={},
    )
    html = client_for(owner).get(reverse("screening:screening")).content.decode()
    assert "facts of the pre-check of" in html
    assert "facts from the record" not in html


def test_empty_state_without_consented_persons(owner, client_for):
    html = client_for(owner).get(reverse("screening:screening")).content.decode()
    assert "once a valid consent for case management is recorded" in html


def test_one_audit_entry_with_counts_only(world, owner, client_for):
    client_for(owner).get(reverse("screening:screening"))
    events = AuditEvent.objects.filter(action="residence.screening.run")
    assert events.count() == 1
    details = events.get().details
    assert details["evaluated"] == 1
    assert details["not_screened_no_consent"] == 3
    assert "S-OWN" not in str(details) and str(world["own"].client) not in str(details)


def test_navigation_entry_for_screeners(world, owner, make_member, client_for):
    url = reverse("screening:screening")
    assert f'href="{url}"' in client_for(owner).get(reverse("clients:client_list")).content.decode()
    coordinator = make_member(Role.COORDINATOR)
    assert f'href="{url}"' not in client_for(coordinator).get(reverse("core:home")).content.decode()


# Queries ----------------------------------------------------------------------------------------------------


def _queries(membership) -> int:
    with CaptureQueriesContext(connection) as ctx:
        screening.screen(actor=actor(membership))
    return len(ctx.captured_queries)


@pytest.mark.parametrize("role", [Role.TEAM_LEAD, Role.AUTHORITY_STAFF])
def test_query_count_does_not_grow_with_persons(welfare, owner, authority, make_member, role):
    member = make_member(role)

    def add(n):
        for _i in range(n):
            case = refugee(welfare, owner)
            PrecheckRun.objects.create(
                client=case.client,
                created_by=owner.user,
                decision_date=today(),
                facts=facts_from_client(case.client, today()),
                result={},
            )
            share_case(case, authority, owner.user)

    add(2)
    small = _queries(member)
    add(12)
    large = _queries(member)
    assert large == small <= 8
    assert screening.screen(actor=actor(member)).evaluated == 14
