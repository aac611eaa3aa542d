"""Case pages: owner / colleague / other organisation; forms keep input; coordination sees no names."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kim.accounts.models import Role
from kim.cases.models import Assessment, Case, CaseStatus, Contact, Goal
from kim.core.models import AuditEvent
from tests.cases.factories import RequestFactory, case_for


@pytest.fixture
def cm(make_member):
    return make_member(Role.CASE_MANAGER)


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("colleague", 404), ("team_lead", 200), ("other_org", 404), ("authority", 404)],
)
def test_case_page_scope(who, status, cm, make_member, client_for, other_welfare):
    case = case_for(cm)
    member = {
        "owner": lambda: cm,
        "colleague": lambda: make_member(Role.CASE_MANAGER),
        "team_lead": lambda: make_member(Role.TEAM_LEAD),
        "other_org": lambda: make_member(Role.CASE_MANAGER, organisation=other_welfare),
        "authority": lambda: make_member(Role.AUTHORITY_STAFF),
    }[who]()
    response = client_for(member).get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == status
    if status == 200:
        assert case.client.family_name in response.content.decode()
        assert AuditEvent.objects.filter(action="cases.case.view", object_id=str(case.pk)).exists()


def test_authority_sees_case_shared_with_valid_consent(cm, make_member, client_for, authority):
    from kim.cases.models import CaseShare
    from kim.clients.models import Consent

    case = case_for(cm)
    officer = make_member(Role.AUTHORITY_STAFF)
    consent = Consent.objects.create(
        client=case.client, purpose="share", recipient=authority, data_categories=["master_data", "residence"],
        valid_from=timezone.localdate(), form_version="2026-11", recorded_by=cm.user,
    )
    CaseShare.objects.create(case=case, organisation=authority, consent=consent, created_by=cm.user)
    client = client_for(officer)
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 200
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=timezone.localdate())
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 404


def test_contact_form_keeps_input_and_saves_nothing_on_error(cm, client_for):
    case = case_for(cm)
    response = client_for(cm).post(
        reverse("cases:contact_create", args=[case.pk]),
        {"happened_on": "2999-01-01", "minutes": "45", "mode": "office", "note": "Gespräch über Sprachkurs"},
    )
    assert response.status_code == 200
    assert "Gespräch über Sprachkurs" in response.content.decode()
    assert not Contact.objects.exists()


def test_full_case_page_with_data_renders_chart_and_table(cm, client_for):
    from kim.cases import services
    from kim.core.scoping import Actor

    case = case_for(cm)
    actor = Actor(cm.user, cm)
    services.assessment_create(actor=actor, case=case, assessed_on=timezone.localdate(), levels={"language": 3}, resources={})
    services.goal_create(actor=actor, case=case, domain="language", wording="B1", agreed_with_client=True, target_date=None)
    body = client_for(cm).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert '<svg' in body and 'role="img"' in body
    assert "<table" in body and "B1" in body


def test_assessment_form_post(cm, client_for):
    case = case_for(cm)
    response = client_for(cm).post(
        reverse("cases:assessment_create", args=[case.pk]),
        {"assessed_on": timezone.localdate().isoformat(), "level_language": "3", "resources_language": "Kurs besucht"},
    )
    assert response.status_code == 302
    assert Assessment.objects.get(case=case).items.get().need_level == 3


def test_goal_update_stale_shows_other_change(cm, client_for):
    case = case_for(cm)
    goal = Goal.objects.create(case=case, domain="work", wording="Alt")
    url = reverse("cases:goal_update", args=[goal.pk])
    client = client_for(cm)
    data = {"domain": "work", "wording": "Meine Fassung", "status": "open", "version": goal.version}
    Goal.objects.filter(pk=goal.pk).update(wording="Andere Fassung", version=goal.version + 1)
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Andere Fassung" in body and "Meine Fassung" in body
    assert Goal.objects.get(pk=goal.pk).wording == "Andere Fassung"


def test_status_buttons_move_case(cm, client_for):
    case = case_for(cm)
    client_for(cm).post(reverse("cases:case_status", args=[case.pk]), {"to_status": "assessment", "version": case.version})
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ASSESSMENT


def test_coordination_list_reveals_no_names(cm, make_member, client_for):
    case = case_for(cm)
    # Names that cannot occur in the page by chance (a random surname such as "English" would, in the language menu).
    case.client.family_name, case.client.given_names = "Qarawzynski", "Xolwenia"
    case.client.save(update_fields=["family_name", "given_names"])
    coordinator = make_member(Role.COORDINATOR)
    body = client_for(coordinator).get(reverse("cases:coordination_cases")).content.decode()
    assert case.number in body
    assert case.client.family_name not in body and case.client.given_names not in body


def test_request_queue_shows_waiting_time(make_member, client_for):
    import datetime as dt

    coordinator = make_member(Role.COORDINATOR)
    RequestFactory(received_at=timezone.now() - dt.timedelta(days=20), name="Wartende Person")
    body = client_for(coordinator).get(reverse("cases:request_list")).content.decode()
    assert "Wartende Person" in body and ">20<" in body


def test_request_form_keeps_input(make_member, client_for):
    from kim.cases.models import Request

    coordinator = make_member(Role.COORDINATOR)
    response = client_for(coordinator).post(reverse("cases:request_create"), {"channel": "phone", "name": "Ohne Kontakt"})
    assert response.status_code == 200 and "Ohne Kontakt" in response.content.decode()
    assert not Request.objects.exists()
