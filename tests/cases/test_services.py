"""Requests, intake, life cycle, transfers, assessment, plan and contacts."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kim.accounts.models import Role, StaffProfile
from kim.cases import selectors, services
from kim.cases.models import CaseEvent, CaseStatus, Contact, RequestStatus, TransferStatus
from kim.core.concurrency import StaleRecordError
from kim.core.models import AuditEvent
from tests.cases.factories import RequestFactory, case_for
from tests.factories import DistrictAreaFactory, DistrictFactory


@pytest.fixture
def cm(make_member):
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def coord(make_member, actor_for):
    return actor_for(make_member(Role.COORDINATOR))


def test_request_create_maps_district_and_numbers(coord):
    district = DistrictFactory()
    DistrictAreaFactory(district=district, postcode="46045")
    first = services.request_create(actor=coord, channel="phone", name="Rana K", phone="0208 1", postcode="46045")
    second = services.request_create(actor=coord, channel="walk_in", name="Omar K", email="o@example.org")
    assert first.district == district
    year = timezone.localdate().year
    assert first.reference == f"A-{year}-00001" and second.reference == f"A-{year}-00002"
    assert AuditEvent.objects.filter(action="cases.request.create").count() == 2


def test_request_needs_a_way_to_answer(coord):
    with pytest.raises(ValidationError):
        services.request_create(actor=coord, channel="phone", name="Niemand")


def test_case_managers_cannot_record_requests(cm, actor_for):
    with pytest.raises(PermissionDenied):
        services.request_create(actor=actor_for(cm), channel="phone", name="X", phone="1")


def test_suggestions_rank_district_language_and_capacity(make_member, other_welfare):
    district = DistrictFactory()
    request = RequestFactory(district=district, preferred_language="ar")
    match = make_member(Role.CASE_MANAGER, last_name="Passt")
    StaffProfile.objects.filter(user=match.user).update(languages=["ar"], max_caseload=10)
    match.user.staff_profile.districts.add(district)
    full = make_member(Role.CASE_MANAGER, organisation=other_welfare, last_name="Voll")
    StaffProfile.objects.filter(user=full.user).update(languages=["ar"], max_caseload=1)
    full.user.staff_profile.districts.add(district)
    case_for(full)  # full caseload
    other = make_member(Role.CASE_MANAGER, last_name="Anders")
    StaffProfile.objects.filter(user=other.user).update(max_caseload=10)
    ranked = [s.membership for s in selectors.suggest_case_managers(request=request)]
    assert ranked.index(match) < ranked.index(other) < ranked.index(full)


def test_assign_and_reject_with_reason(coord, cm, actor_for):
    request = RequestFactory()
    services.request_assign(actor=coord, request=request, membership=cm)
    assert request.status == RequestStatus.ASSIGNED
    with pytest.raises(ValidationError):
        services.request_decide(actor=actor_for(cm), request=request, admit=False, need_areas=[], admission_rule_met=False)
    services.request_decide(
        actor=actor_for(cm), request=request, admit=False, need_areas=[], admission_rule_met=False,
        not_admitted_reason="Anderes Fallmanagement zuständig",
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.NOT_ADMITTED
    assert request.not_admitted_reason


def test_only_the_assigned_case_manager_decides(coord, cm, make_member, actor_for):
    colleague = make_member(Role.CASE_MANAGER)
    request = RequestFactory()
    services.request_assign(actor=coord, request=request, membership=cm)
    with pytest.raises(PermissionDenied):
        services.request_decide(actor=actor_for(colleague), request=request, admit=False, need_areas=[], admission_rule_met=None, not_admitted_reason="x")


def test_admission_opens_case(coord, cm, actor_for):
    from tests.cases.factories import ClientFactory

    request = RequestFactory()
    services.request_assign(actor=coord, request=request, membership=cm)
    client = ClientFactory(organisation=cm.organisation, created_by=cm.user)
    case = services.request_decide(
        actor=actor_for(cm), request=request, admit=True, need_areas=["first_integration"], admission_rule_met=True, client=client
    )
    assert case.status == CaseStatus.INTAKE and case.case_manager == cm.user and case.request == request
    assert case.number.startswith(f"{timezone.localdate().year}-")


def test_lifecycle_allows_only_defined_transitions(cm, actor_for):
    actor = actor_for(cm)
    case = case_for(cm)
    with pytest.raises(ValidationError):
        services.case_change_status(actor=actor, case=case, to_status=CaseStatus.IMPLEMENTATION, expected_version=case.version)
    services.case_change_status(actor=actor, case=case, to_status=CaseStatus.ASSESSMENT, expected_version=case.version)
    services.case_change_status(actor=actor, case=case, to_status=CaseStatus.PAUSED, expected_version=case.version)
    case.refresh_from_db()
    assert case.status_before_pause == CaseStatus.ASSESSMENT
    services.case_change_status(actor=actor, case=case, to_status=CaseStatus.ASSESSMENT, expected_version=case.version)
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSMENT and case.status_before_pause == ""
    with pytest.raises(ValidationError):
        services.case_change_status(actor=actor, case=case, to_status=CaseStatus.CLOSED, expected_version=case.version)
    assert list(CaseEvent.objects.filter(case=case, kind="status").values_list("to_status", flat=True)) == [
        "assessment", "paused", "assessment"
    ]


def test_second_save_with_old_version_is_refused(cm, actor_for):
    actor = actor_for(cm)
    case = case_for(cm)
    stale_version = case.version
    services.case_change_status(actor=actor, case=case, to_status=CaseStatus.ASSESSMENT, expected_version=stale_version)
    other_view = type(case).objects.get(pk=case.pk)
    with pytest.raises(StaleRecordError) as error:
        services.case_change_status(actor=actor, case=other_view, to_status=CaseStatus.PAUSED, expected_version=stale_version)
    assert error.value.current.status == CaseStatus.ASSESSMENT
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSMENT


def test_close_and_reopen(cm, actor_for):
    actor = actor_for(cm)
    case = case_for(cm)
    services.case_close(actor=actor, case=case, reason="goals_reached", goal_attainment=4, note="", expected_version=case.version)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.closed_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.case_reopen(actor=actor, case=case, note=" ", expected_version=case.version)
    services.case_reopen(actor=actor, case=case, note="Neue Probleme", expected_version=case.version)
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSESSMENT and case.closed_on is None


def test_colleague_cannot_work_on_anothers_case_but_team_lead_can(cm, make_member, actor_for):
    case = case_for(cm)
    colleague = make_member(Role.CASE_MANAGER)
    lead = make_member(Role.TEAM_LEAD)
    with pytest.raises(PermissionDenied):
        services.case_change_status(actor=actor_for(colleague), case=case, to_status="assessment", expected_version=case.version)
    services.case_change_status(actor=actor_for(lead), case=case, to_status="assessment", expected_version=case.version)


def test_transfer_within_organisation_accept(cm, make_member, actor_for):
    case = case_for(cm)
    receiver = make_member(Role.CASE_MANAGER)
    transfer = services.transfer_request(actor=actor_for(cm), case=case, to_membership=receiver, reason="Urlaub")
    with pytest.raises(ValidationError):
        services.transfer_request(actor=actor_for(cm), case=case, to_membership=receiver, reason="nochmal")
    with pytest.raises(PermissionDenied):
        services.transfer_decide(actor=actor_for(cm), transfer=transfer, accept=True)
    services.transfer_decide(actor=actor_for(receiver), transfer=transfer, accept=True)
    case.refresh_from_db()
    assert case.case_manager == receiver.user
    assert transfer.status == TransferStatus.ACCEPTED


def test_transfer_to_other_organisation_needs_consent(cm, make_member, actor_for, other_welfare):
    case = case_for(cm)
    receiver = make_member(Role.CASE_MANAGER, organisation=other_welfare)
    with pytest.raises(ValidationError) as error:
        services.transfer_request(actor=actor_for(cm), case=case, to_membership=receiver, reason="Umzug")
    assert other_welfare.name in " ".join(error.value.messages)
    assert not case.transfers.exists()


def test_transfer_to_other_organisation_with_consent_moves_case_and_client(cm, make_member, actor_for, other_welfare):
    from kim.clients.models import Consent

    case = case_for(cm)
    receiver = make_member(Role.CASE_MANAGER, organisation=other_welfare)
    Consent.objects.create(
        client=case.client, purpose="share", recipient=other_welfare, data_categories=["master_data", "case_history"],
        valid_from=timezone.localdate(), form_version="2026-11", recorded_by=cm.user,
    )
    transfer = services.transfer_request(actor=actor_for(cm), case=case, to_membership=receiver, reason="Umzug")
    services.transfer_decide(actor=actor_for(receiver), transfer=transfer, accept=True)
    case.refresh_from_db()
    case.client.refresh_from_db()
    assert case.organisation == other_welfare and case.client.organisation == other_welfare
    # the former case manager no longer sees it
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.case_get(actor=actor_for(cm), pk=case.pk)


def test_assessment_series_and_domains(cm, actor_for):
    actor = actor_for(cm)
    case = case_for(cm)
    today = timezone.localdate()
    services.assessment_create(actor=actor, case=case, assessed_on=today - dt.timedelta(days=60), levels={"language": 4, "work": 3}, resources={"language": "motiviert"})
    services.assessment_create(actor=actor, case=case, assessed_on=today, levels={"language": 2, "work": 0}, resources={})
    with pytest.raises(ValidationError):
        services.assessment_create(actor=actor, case=case, assessed_on=today + dt.timedelta(days=1), levels={"language": 1}, resources={})
    with pytest.raises(ValidationError):
        services.assessment_create(actor=actor, case=case, assessed_on=today, levels={"language": 5}, resources={})
    data = selectors.case_page_data(case=case)
    series = {s["domain"]: [lv for _d, lv in s["points"]] for s in selectors.assessment_series(data["assessments"])}
    assert series == {"language": [4, 2], "work": [3, 0]}
    case.refresh_from_db()
    assert set(case.domains) == {"language", "work"}


def test_contact_note_is_sanitised_and_encrypted(cm, actor_for):
    from django.db import connection

    case = case_for(cm)
    contact = services.contact_create(
        actor=actor_for(cm), case=case, happened_on=timezone.localdate(), minutes=45, mode="office",
        interpreter_language="ar", domains=["health"], note='<p>Arzttermin <script>alert(1)</script><b>wichtig</b></p>',
    )
    contact.refresh_from_db()
    assert "<script>" not in contact.note and "Arzttermin" in contact.note
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM cases_contact WHERE id = %s", [contact.pk])
        raw = cursor.fetchone()[0]
    assert raw.startswith("enc1:") and "Arzttermin" not in raw
    event = AuditEvent.objects.get(action="cases.contact.create")
    assert "Arzttermin" not in str(event.details)
    assert Contact.objects.filter(case=case).count() == 1


def test_contact_in_future_refused(cm, actor_for):
    case = case_for(cm)
    with pytest.raises(ValidationError):
        services.contact_create(
            actor=actor_for(cm), case=case, happened_on=timezone.localdate() + dt.timedelta(days=1), minutes=10,
            mode="phone", interpreter_language="", domains=[], note="",
        )


def test_help_plan_goal_and_measure(cm, actor_for):
    actor = actor_for(cm)
    case = case_for(cm)
    goal = services.goal_create(actor=actor, case=case, domain="work", wording="Ausbildungsplatz", agreed_with_client=True, target_date=None)
    measure = services.measure_create(actor=actor, goal=goal, description="Bewerbung", responsible="client", partner="", due_date=timezone.localdate())
    services.measure_set_done(actor=actor, measure=measure, done=True)
    assert measure.done_on == timezone.localdate()
    stale = goal.version
    services.goal_update(actor=actor, goal=goal, expected_version=stale, domain="work", wording="Ausbildung", agreed_with_client=True, target_date=None, status="in_progress")
    with pytest.raises(StaleRecordError):
        services.goal_update(actor=actor, goal=type(goal).objects.get(pk=goal.pk), expected_version=stale, domain="work", wording="X", agreed_with_client=False, target_date=None, status="open")


def test_pseudonymised_list_has_no_names(cm, coord):
    case_for(cm)
    rows = list(selectors.pseudonymised_cases(actor=coord, status=""))
    assert rows and all("client__family_name" not in r and "client__given_names" not in r for r in rows)
    assert set(rows[0]) >= {"number", "status", "domains"}


def test_caseload_figures(cm, coord, actor_for):
    StaffProfile.objects.filter(user=cm.user).update(max_caseload=4)
    case_for(cm)
    case_for(cm)
    row = next(r for r in selectors.caseload_figures(actor=coord) if r["membership"] == cm)
    assert row["open_cases"] == 2 and row["utilisation"] == 50


def test_closed_case_is_read_only_until_reopened(cm, actor_for):
    actor = actor_for(cm)
    case = case_for(cm)
    services.case_close(actor=actor, case=case, reason="goals_reached", goal_attainment=3, note="", expected_version=case.version)
    with pytest.raises(ValidationError):
        services.contact_create(actor=actor, case=case, happened_on=timezone.localdate(), minutes=10, mode="phone",
                                interpreter_language="", domains=[], note="")
    with pytest.raises(ValidationError):
        services.goal_create(actor=actor, case=case, domain="work", wording="x", agreed_with_client=False, target_date=None)
    assert not Contact.objects.filter(case=case).exists()
