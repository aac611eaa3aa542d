import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kim.core.concurrency import StaleRecordError
from kim.core.models import AuditEvent
from kim.scheduling import services
from kim.scheduling.models import Appointment, CalendarFeedToken, Deadline
from tests.scheduling.conftest import BERLIN
from tests.scheduling.factories import make_appointment, make_case, make_deadline


def at(hour, minute=0, day=dt.date(2026, 12, 1)):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def _create(actor, **fields):
    values = {"title": "Erstgespräch", "starts_at": at(10), "ends_at": at(11), "note": "Arztbrief mitbringen"}
    values.update(fields)
    return services.appointment_create(actor=actor, **values)


def test_create_appointment_with_case_place_and_interpreter(cm, actor_for):
    case = make_case(cm)
    appointment, overlaps = _create(
        actor_for(cm),
        case=case,
        place="Büro",
        interpreter_language="ar",
        interpreter_booked=True,
        kind="accompaniment",
    )
    assert overlaps == []
    appointment.refresh_from_db()
    assert (appointment.owner, appointment.organisation, appointment.case) == (cm.user, cm.organisation, case)
    assert appointment.note == "Arztbrief mitbringen"
    event = AuditEvent.objects.get(action="scheduling.appointment.create")
    assert event.details["case"] == case.number
    assert "Arztbrief" not in str(event.details) and "Erstgespräch" not in str(event.details)


@pytest.mark.parametrize("end", [at(9), at(10)])
def test_end_not_after_start_is_refused_and_nothing_saved(cm, actor_for, end):
    with pytest.raises(ValidationError) as error:
        _create(actor_for(cm), ends_at=end)
    assert "ends_at" in error.value.error_dict
    assert Appointment.objects.count() == 0
    assert not AuditEvent.objects.filter(action="scheduling.appointment.create").exists()


def test_booked_interpreter_needs_a_language_and_unknown_language_refused(cm, actor_for):
    with pytest.raises(ValidationError):
        _create(actor_for(cm), interpreter_booked=True)
    with pytest.raises(ValidationError):
        _create(actor_for(cm), interpreter_language="xx")
    assert Appointment.objects.count() == 0


def test_overlap_warning_for_the_same_owner_only(cm, colleague, actor_for):
    first, _ = _create(actor_for(cm), starts_at=at(10), ends_at=at(11))
    _create(actor_for(colleague), starts_at=at(10), ends_at=at(11))
    cancelled, _ = _create(actor_for(cm), starts_at=at(10, 30), ends_at=at(11, 30))
    services.appointment_cancel(actor=actor_for(cm), appointment=cancelled)
    _second, overlaps = _create(actor_for(cm), starts_at=at(10, 30), ends_at=at(12))
    assert overlaps == [first]
    _third, overlaps = _create(
        actor_for(cm), starts_at=at(11), ends_at=at(11, 30)
    )  # touching is no overlap with 10–11
    assert first not in overlaps


def test_case_manager_plans_only_for_themselves_and_own_cases(cm, colleague, actor_for):
    with pytest.raises(PermissionDenied):
        _create(actor_for(cm), owner=colleague.user)
    with pytest.raises(PermissionDenied):
        _create(actor_for(cm), case=make_case(colleague))
    assert Appointment.objects.count() == 0


def test_team_lead_plans_for_own_organisation_only(cm, tl, other_cm, actor_for):
    appointment, _ = _create(actor_for(tl), owner=cm.user, case=make_case(cm))
    assert appointment.owner == cm.user and appointment.organisation == tl.organisation
    with pytest.raises(PermissionDenied):
        _create(actor_for(tl), owner=other_cm.user)
    with pytest.raises(PermissionDenied):
        _create(actor_for(tl), case=make_case(other_cm))


def test_other_roles_cannot_plan(coordinator, actor_for):
    with pytest.raises(PermissionDenied):
        _create(actor_for(coordinator))


def test_update_with_stale_version_changes_nothing(cm, tl, actor_for):
    appointment, _ = _create(actor_for(cm))
    services.appointment_update(
        actor=actor_for(tl), appointment=appointment, expected_version=1, place="Raum 1"
    )
    with pytest.raises(StaleRecordError) as error:
        services.appointment_update(
            actor=actor_for(cm), appointment=appointment, expected_version=1, place="Raum 2"
        )
    assert error.value.current.place == "Raum 1"
    appointment.refresh_from_db()
    assert (appointment.place, appointment.version) == ("Raum 1", 2)


def test_update_validates_and_keeps_the_old_values(cm, actor_for):
    appointment, _ = _create(actor_for(cm))
    with pytest.raises(ValidationError):
        services.appointment_update(
            actor=actor_for(cm), appointment=appointment, expected_version=1, starts_at=at(12), ends_at=at(11)
        )
    appointment.refresh_from_db()
    assert (appointment.starts_at, appointment.version) == (at(10), 1)


def test_update_returns_overlaps_and_audits_field_names(cm, actor_for):
    first, _ = _create(actor_for(cm), starts_at=at(8), ends_at=at(9))
    second, _ = _create(actor_for(cm))
    _updated, overlaps = services.appointment_update(
        actor=actor_for(cm), appointment=second, expected_version=1, starts_at=at(8, 30), note="neu"
    )
    assert overlaps == [first]
    event = AuditEvent.objects.filter(action="scheduling.appointment.update").get()
    assert event.details == {"fields": ["note", "starts_at"]}


def test_cancel_once_and_no_edits_afterwards(cm, colleague, actor_for):
    appointment, _ = _create(actor_for(cm))
    from django.http import Http404

    with pytest.raises(Http404):
        services.appointment_cancel(actor=actor_for(colleague), appointment=appointment)
    services.appointment_cancel(actor=actor_for(cm), appointment=appointment)
    appointment.refresh_from_db()
    assert appointment.cancelled_at is not None and appointment.cancelled_by == cm.user
    with pytest.raises(ValidationError):
        services.appointment_cancel(actor=actor_for(cm), appointment=appointment)
    with pytest.raises(ValidationError):
        services.appointment_update(
            actor=actor_for(cm), appointment=appointment, expected_version=2, place="x"
        )


def test_deadline_create_complete_reopen(cm, actor_for):
    case = make_case(cm)
    today = timezone.localdate()
    deadline = services.deadline_create(
        actor=actor_for(cm), title="Jobcenter-Antrag", due_on=today, case=case
    )
    assert (deadline.responsible, deadline.client_id) == (cm.user, case.client_id)
    services.deadline_complete(actor=actor_for(cm), deadline=deadline)
    deadline.refresh_from_db()
    assert deadline.done_on == today and deadline.done_by == cm.user
    with pytest.raises(ValidationError):
        services.deadline_complete(actor=actor_for(cm), deadline=deadline)
    services.deadline_reopen(actor=actor_for(cm), deadline=deadline)
    deadline.refresh_from_db()
    assert deadline.done_on is None
    with pytest.raises(ValidationError):
        services.deadline_reopen(actor=actor_for(cm), deadline=deadline)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "scheduling.deadline.create",
        "scheduling.deadline.complete",
        "scheduling.deadline.reopen",
    } <= actions


def test_deadline_needs_title_and_date(cm, actor_for):
    with pytest.raises(ValidationError):
        services.deadline_create(actor=actor_for(cm), title="", due_on=timezone.localdate())
    assert Deadline.objects.count() == 0


def test_deadline_of_a_colleague_cannot_be_completed(cm, colleague, tl, actor_for):
    from django.http import Http404

    deadline = make_deadline(cm, due_on=timezone.localdate())
    with pytest.raises(Http404):
        services.deadline_complete(actor=actor_for(colleague), deadline=deadline)
    services.deadline_complete(actor=actor_for(tl), deadline=deadline)  # the team lead may


def test_feed_token_is_stored_as_hash_and_revocable(cm, actor_for):
    token, raw = services.feed_token_create(actor=actor_for(cm), label="Diensthandy")
    assert len(raw) >= 40
    stored = CalendarFeedToken.objects.get()
    assert raw not in stored.token_hash and len(stored.token_hash) == 64
    services.feed_token_revoke(actor=actor_for(cm), token=token)
    stored.refresh_from_db()
    assert stored.revoked_at is not None


def test_make_appointment_factory_sanity(cm):
    assert make_appointment(cm).ends_at > timezone.now()
