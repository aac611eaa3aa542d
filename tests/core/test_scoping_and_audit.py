"""The scoping mechanism and the append-only audit log."""

import pytest
from django.db import connection, transaction
from django.http import Http404

from kim.accounts.models import Membership, Organisation, Role, User
from kim.core.audit import audit_log
from kim.core.models import AuditEvent
from kim.core.scoping import Actor, get_for_actor_or_404


def test_for_actor_limits_to_own_organisation(make_member, actor_for, welfare, other_welfare):
    member = make_member(Role.CASE_MANAGER)
    foreign = make_member(Role.CASE_MANAGER, organisation=other_welfare)
    actor = actor_for(member)
    assert list(Membership.objects.for_actor(actor)) == [member]
    assert set(User.objects.for_actor(actor)) == {member.user}
    assert list(Organisation.objects.for_actor(actor)) == [welfare]
    with pytest.raises(Http404):
        get_for_actor_or_404(Membership.objects.all(), actor, pk=foreign.pk)


def test_system_admin_sees_everything(make_member, actor_for, other_welfare):
    admin = actor_for(make_member(Role.SYSTEM_ADMIN))
    foreign = make_member(Role.CASE_MANAGER, organisation=other_welfare)
    assert get_for_actor_or_404(Membership.objects.all(), admin, pk=foreign.pk) == foreign


def test_actor_without_membership_sees_nothing(db, welfare):
    assert Organisation.objects.for_actor(Actor(user=None, membership=None)).count() == 0


def test_bad_lookup_value_is_404_not_500(make_member, actor_for):
    actor = actor_for(make_member(Role.SYSTEM_ADMIN))
    with pytest.raises(Http404):
        get_for_actor_or_404(Membership.objects.all(), actor, pk="not-a-number")


def test_audit_needs_a_person_or_a_system_job(db):
    with pytest.raises(ValueError):
        audit_log(actor=Actor.system(), action="x.y")
    event = audit_log(actor=Actor.system(), action="x.y", system="send-reminders")
    assert event.actor_label == "system: send-reminders"


def test_audit_log_is_append_only(make_member, actor_for):
    event = audit_log(actor=actor_for(make_member(Role.CASE_MANAGER)), action="test.read")
    event.purpose = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(purpose="changed")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).purpose == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL")
def test_database_refuses_changes_to_audit_rows(make_member, actor_for):
    from django.db.utils import DatabaseError

    event = audit_log(actor=actor_for(make_member(Role.CASE_MANAGER)), action="test.read")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET purpose = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])


def test_audit_view_filters_by_person_object_and_date(make_member, actor_for, client_for):
    admin = make_member(Role.SYSTEM_ADMIN)
    member = make_member(Role.CASE_MANAGER)
    audit_log(actor=actor_for(member), action="accounts.user.view", object_type="accounts.user", object_id=7)
    audit_log(actor=actor_for(admin), action="accounts.user.view", object_type="accounts.user", object_id=8)
    client = client_for(admin)
    body = client.get("/verwaltung/protokoll/", {"person": member.user.pk}).content.decode()
    assert "accounts.user#7" in body and "accounts.user#8" not in body
    body = client.get("/verwaltung/protokoll/", {"object_id": "8"}).content.decode()
    assert "accounts.user#8" in body and "accounts.user#7" not in body
    body = client.get("/verwaltung/protokoll/", {"date_from": "2000-01-01", "date_to": "2000-01-02"}).content.decode()
    assert "accounts.user#" not in body
    response = client.get("/verwaltung/protokoll/", {"date_from": "2020-01-02", "date_to": "2020-01-01"})
    assert response.status_code == 200  # an impossible range is explained, not a server error


def test_audit_entries_cannot_be_edited_in_django_admin(db):
    from django.contrib import admin

    assert AuditEvent not in admin.site._registry
