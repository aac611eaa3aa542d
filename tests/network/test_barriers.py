import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kim.accounts.models import Role
from kim.network import services
from kim.network.models import StructuralBarrier
from tests.cases.factories import case_for


def test_report_without_personal_data_and_coordination_sees_it(make_member, actor_for, client_for):
    cm = make_member(Role.CASE_MANAGER)
    case = case_for(cm)
    # A name that cannot occur in the page by chance (a random surname such as "English" would, in the language menu).
    case.client.family_name = "Qarawzynski"
    case.client.save(update_fields=["family_name"])
    with pytest.raises(ValidationError):
        services.barrier_report(
            actor=actor_for(cm), case=case, category="waiting", institution="Ausländerbehörde",
            description=f"{case.client.family_name} wartet seit Monaten",
        )
    assert not StructuralBarrier.objects.exists()
    barrier = services.barrier_report(
        actor=actor_for(cm), case=case, category="waiting", institution="Ausländerbehörde",
        description="Termine erst nach drei Monaten",
    )
    coordinator = make_member(Role.COORDINATOR)
    body = client_for(coordinator).get(reverse("network:barrier_list")).content.decode()
    assert "Termine erst nach drei Monaten" in body
    assert case.number not in body and case.client.family_name not in body
    with pytest.raises(PermissionDenied):
        services.barrier_update(actor=actor_for(cm), barrier=barrier, status="resolved", note="")
    services.barrier_update(actor=actor_for(coordinator), barrier=barrier, status="steering_group", note="Lenkungsgruppe 03/2027")
    barrier.refresh_from_db()
    assert barrier.status == "steering_group"


def test_other_organisation_does_not_see_reports(make_member, actor_for, client_for, other_welfare):
    cm = make_member(Role.CASE_MANAGER)
    case = case_for(cm)
    services.barrier_report(actor=actor_for(cm), case=case, category="language", institution="Jobcenter", description="Keine Dolmetscher")
    outsider = make_member(Role.CASE_MANAGER, organisation=other_welfare)
    body = client_for(outsider).get(reverse("network:barrier_list")).content.decode()
    assert "Keine Dolmetscher" not in body
