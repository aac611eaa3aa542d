"""The residence-status timeline: overlap rule, permissions, audit, pages."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kim.core.models import AuditEvent
from kim.residence import services
from kim.residence.models import ResidenceStatus, StatusKind

D = dt.date


def add(actor, client, kind, start, end=None, **extra):
    return services.residence_status_create(actor=actor, client=client, kind=kind, valid_from=start, valid_to=end, **extra)


def test_create_update_delete_are_audited(person, owner, actor_for):
    actor = actor_for(owner)
    status = add(actor, person, StatusKind.AUFENTHALTSERLAUBNIS, D(2024, 1, 1), D(2026, 12, 31), legal_basis="§ 25 Abs. 2 AufenthG")
    services.residence_status_update(
        actor=actor, status=status, kind=status.kind, legal_basis="§ 25 Abs. 1 AufenthG", valid_from=status.valid_from,
        valid_to=D(2027, 6, 30), issuing_authority="ABH Oberhausen",
    )
    status.refresh_from_db()
    assert status.valid_to == D(2027, 6, 30) and status.recorded_by == owner.user
    services.residence_status_delete(actor=actor, status=status)
    assert not ResidenceStatus.objects.exists()
    events = list(AuditEvent.objects.filter(action__startswith="residence.status.").order_by("id"))
    assert [e.action for e in events] == ["residence.status.create", "residence.status.update", "residence.status.delete"]
    assert events[1].details["fields"] == ["issuing_authority", "legal_basis", "valid_to"]
    assert all(e.object_id == str(person.pk) for e in events)


def test_overlap_is_refused_with_a_clear_message(person, owner, actor_for):
    actor = actor_for(owner)
    add(actor, person, StatusKind.ASYLUM_PROCEDURE, D(2022, 3, 1), D(2024, 2, 29))
    with pytest.raises(ValidationError) as error:
        add(actor, person, StatusKind.AUFENTHALTSERLAUBNIS, D(2024, 1, 1), D(2026, 12, 31))
    message = " ".join(error.value.messages)
    assert "Aufenthaltsgestattung" in message and "Fiktionsbescheinigung" in message
    assert ResidenceStatus.objects.count() == 1


def test_open_ended_status_blocks_a_later_one(person, owner, actor_for):
    actor = actor_for(owner)
    add(actor, person, StatusKind.DULDUNG, D(2023, 1, 1))
    with pytest.raises(ValidationError) as error:
        add(actor, person, StatusKind.AUFENTHALTSERLAUBNIS, D(2024, 1, 1))
    assert "no end date" in " ".join(error.value.messages)


def test_fiktionsbescheinigung_may_overlap(person, owner, actor_for):
    actor = actor_for(owner)
    add(actor, person, StatusKind.AUFENTHALTSERLAUBNIS, D(2023, 1, 1), D(2025, 12, 31))
    add(actor, person, StatusKind.FIKTION, D(2025, 11, 15), D(2026, 5, 15))
    add(actor, person, StatusKind.AUFENTHALTSERLAUBNIS, D(2026, 1, 1), D(2028, 12, 31))
    assert ResidenceStatus.objects.count() == 3


def test_touching_periods_are_not_an_overlap(person, owner, actor_for):
    actor = actor_for(owner)
    add(actor, person, StatusKind.VISA, D(2023, 1, 1), D(2023, 6, 30))
    add(actor, person, StatusKind.AUFENTHALTSERLAUBNIS, D(2023, 6, 30), D(2025, 6, 30))
    assert ResidenceStatus.objects.count() == 2


def test_update_may_not_create_an_overlap(person, owner, actor_for):
    actor = actor_for(owner)
    add(actor, person, StatusKind.VISA, D(2023, 1, 1), D(2023, 6, 30))
    later = add(actor, person, StatusKind.AUFENTHALTSERLAUBNIS, D(2023, 7, 1), D(2025, 6, 30))
    with pytest.raises(ValidationError):
        services.residence_status_update(actor=actor, status=later, kind=later.kind, valid_from=D(2023, 3, 1), valid_to=later.valid_to)
    later.refresh_from_db()
    assert later.valid_from == D(2023, 7, 1)


def test_end_before_start_is_refused(person, owner, actor_for):
    with pytest.raises(ValidationError):
        add(actor_for(owner), person, StatusKind.DULDUNG, D(2024, 1, 1), D(2023, 1, 1))
    assert not ResidenceStatus.objects.exists()


def test_out_of_scope_and_wrong_roles_are_refused(person, colleague, stranger, make_member, actor_for):
    from kim.accounts.models import Role

    for member in (colleague, stranger, make_member(Role.COORDINATOR), make_member(Role.AUTHORITY_STAFF)):
        with pytest.raises(PermissionDenied):
            add(actor_for(member), person, StatusKind.DULDUNG, D(2024, 1, 1))
    assert not ResidenceStatus.objects.exists()


# Pages ---------------------------------------------------------------------------------------------------


def test_timeline_on_the_client_page(person, owner, client_for, actor_for):
    add(actor_for(owner), person, StatusKind.FIKTION, D(2020, 1, 1), D(2099, 1, 1))
    body = client_for(owner).get(reverse("clients:client_detail", kwargs={"pk": person.pk})).content.decode()
    assert "Fiktionsbescheinigung" in body and "Valid today" in body


def test_create_page_keeps_input_on_overlap(person, owner, client_for, actor_for):
    add(actor_for(owner), person, StatusKind.DULDUNG, D(2023, 1, 1))
    url = reverse("clients:residence_create", kwargs={"pk": person.pk})
    data = {"kind": StatusKind.AUFENTHALTSERLAUBNIS, "legal_basis": "§ 25b AufenthG", "valid_from": "2024-01-01", "valid_to": "", "issuing_authority": "ABH"}
    response = client_for(owner).post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "overlaps" in body and 'value="§ 25b AufenthG"' in body and 'value="2024-01-01"' in body
    assert ResidenceStatus.objects.count() == 1


def test_create_edit_delete_pages(person, owner, client_for):
    http = client_for(owner)
    url = reverse("clients:residence_create", kwargs={"pk": person.pk})
    assert http.get(url).status_code == 200
    assert http.post(url, {"kind": "", "valid_from": ""}).status_code == 200
    response = http.post(url, {"kind": StatusKind.DULDUNG, "valid_from": "2024-01-01", "valid_to": "2024-06-30"})
    assert response.status_code == 302
    status = ResidenceStatus.objects.get()
    kwargs = {"pk": person.pk, "status_pk": status.pk}
    assert http.get(reverse("clients:residence_update", kwargs=kwargs)).status_code == 200
    response = http.post(reverse("clients:residence_update", kwargs=kwargs), {"kind": StatusKind.DULDUNG, "valid_from": "2024-01-01", "valid_to": "2023-06-30"})
    assert response.status_code == 200
    status.refresh_from_db()
    assert status.valid_to == D(2024, 6, 30)
    assert http.post(reverse("clients:residence_delete", kwargs=kwargs)).status_code == 302
    assert not ResidenceStatus.objects.exists()


def test_status_of_another_client_answers_404(person, owner, welfare, client_for, actor_for):
    from tests.clients.factories import ClientFactory

    other = ClientFactory(organisation=welfare, created_by=owner.user)
    status = add(actor_for(owner), other, StatusKind.DULDUNG, D(2024, 1, 1))
    url = reverse("clients:residence_delete", kwargs={"pk": person.pk, "status_pk": status.pk})
    assert client_for(owner).post(url).status_code == 404
    assert ResidenceStatus.objects.filter(pk=status.pk).exists()


def test_colleague_gets_404(person, colleague, client_for):
    assert client_for(colleague).get(reverse("clients:residence_create", kwargs={"pk": person.pk})).status_code == 404
