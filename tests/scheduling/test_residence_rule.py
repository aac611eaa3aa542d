"""The residence rule: an expiring document makes ONE deadline three months before, for the case manager of
the client's most recent open case; it follows changes of the timeline and of the cases."""

import datetime as dt

import pytest

from kim.cases.models import CaseStatus
from kim.core.models import AuditEvent
from kim.residence.models import StatusKind
from kim.scheduling.models import Deadline, DeadlineKind
from kim.scheduling.residence import sync_all_residence_deadlines, sync_residence_deadline
from tests.scheduling.factories import make_case, make_client, make_status

pytestmark = pytest.mark.usefixtures("frozen_today")


def _auto(client):
    return list(Deadline.objects.filter(client=client, is_automatic=True))


@pytest.fixture
def case(cm):
    return make_case(cm)


def test_permit_expiry_creates_one_deadline_three_months_before(case, cm):
    status = make_status(case.client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    [deadline] = _auto(case.client)
    assert deadline.due_on == dt.date(2027, 2, 28)  # 31 May → end of February
    assert deadline.expires_on == dt.date(2027, 5, 31)
    assert deadline.kind == DeadlineKind.PERMIT_EXPIRY
    assert (deadline.responsible, deadline.case, deadline.organisation) == (cm.user, case, cm.organisation)
    assert deadline.residence_status == status
    assert deadline.done_on is None
    assert "31.05.2027" in deadline.title
    assert AuditEvent.objects.filter(
        action="scheduling.deadline.auto_create", object_id=str(deadline.pk)
    ).exists()


def test_leap_year_month_end(case, cm):
    make_status(case.client, valid_to=dt.date(2028, 5, 31), by=cm.user)
    assert _auto(case.client)[0].due_on == dt.date(2028, 2, 29)


@pytest.mark.parametrize("kind", [StatusKind.DULDUNG, StatusKind.DULDUNG_60C, StatusKind.DULDUNG_60D])
def test_duldung_kinds(case, cm, kind):
    make_status(case.client, kind=kind, valid_to=dt.date(2027, 3, 15), by=cm.user)
    [deadline] = _auto(case.client)
    assert (deadline.kind, deadline.due_on) == (DeadlineKind.DULDUNG_EXPIRY, dt.date(2026, 12, 15))


@pytest.mark.parametrize(
    "kind",
    [
        StatusKind.ASYLUM_PROCEDURE,
        StatusKind.FIKTION,
        StatusKind.VISA,
        StatusKind.CHANCEN_104C,
        StatusKind.AUFENTHALTSERLAUBNIS,
    ],
)
def test_other_expiring_kinds(case, cm, kind):
    make_status(case.client, kind=kind, valid_to=dt.date(2027, 9, 30), by=cm.user)
    assert _auto(case.client)[0].due_on == dt.date(2027, 6, 30)


@pytest.mark.parametrize(
    "kind", [StatusKind.NIEDERLASSUNGSERLAUBNIS, StatusKind.GERMAN, StatusKind.EU_FREEDOM]
)
def test_kinds_that_do_not_expire_make_no_deadline(case, cm, kind):
    make_status(case.client, kind=kind, valid_to=dt.date(2027, 9, 30), by=cm.user)
    assert _auto(case.client) == []


def test_without_valid_to_or_already_expired_no_deadline(case, cm):
    make_status(case.client, valid_to=None, by=cm.user)
    assert _auto(case.client) == []
    make_status(case.client, valid_from=dt.date(2025, 2, 1), valid_to=dt.date(2026, 11, 23), by=cm.user)
    assert _auto(case.client) == []


def test_expiry_within_three_months_gives_an_overdue_deadline(case, cm, frozen_today):
    make_status(case.client, valid_to=dt.date(2027, 1, 10), by=cm.user)
    [deadline] = _auto(case.client)
    assert deadline.due_on == dt.date(2026, 10, 10) < frozen_today


def test_changing_valid_to_moves_the_same_deadline(case, cm):
    status = make_status(case.client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    [before] = _auto(case.client)
    status.valid_to = dt.date(2029, 5, 31)
    status.save()
    [after] = _auto(case.client)
    assert after.pk == before.pk
    assert after.due_on == dt.date(2029, 2, 28)
    assert AuditEvent.objects.filter(
        action="scheduling.deadline.auto_update", object_id=str(after.pk)
    ).exists()


def test_resaving_without_change_writes_nothing(case, cm):
    status = make_status(case.client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    events = AuditEvent.objects.count()
    status.issuing_authority = "Stadt Oberhausen"
    status.save()
    assert AuditEvent.objects.count() == events
    assert len(_auto(case.client)) == 1


def test_extension_recorded_as_new_entry_moves_the_deadline(case, cm):
    make_status(case.client, valid_from=dt.date(2025, 1, 1), valid_to=dt.date(2027, 1, 31), by=cm.user)
    newer = make_status(
        case.client, valid_from=dt.date(2027, 2, 1), valid_to=dt.date(2029, 1, 31), by=cm.user
    )
    [deadline] = _auto(case.client)
    assert (deadline.residence_status, deadline.due_on) == (newer, dt.date(2028, 10, 31))


def test_settlement_permit_after_a_permit_removes_the_deadline(case, cm):
    make_status(case.client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    make_status(
        case.client, kind=StatusKind.NIEDERLASSUNGSERLAUBNIS, valid_from=dt.date(2026, 11, 1), by=cm.user
    )
    assert _auto(case.client) == []


def test_deleting_the_status_or_removing_valid_to_removes_the_open_deadline(case, cm):
    status = make_status(case.client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    status.valid_to = None
    status.save()
    assert _auto(case.client) == []
    status.valid_to = dt.date(2027, 5, 31)
    status.save()
    assert len(_auto(case.client)) == 1
    status.delete()
    assert _auto(case.client) == []


def test_deleting_the_newest_status_brings_back_the_previous_one(case, cm):
    older = make_status(
        case.client, valid_from=dt.date(2025, 1, 1), valid_to=dt.date(2027, 6, 30), by=cm.user
    )
    newer = make_status(
        case.client, valid_from=dt.date(2026, 6, 1), valid_to=dt.date(2028, 6, 30), by=cm.user
    )
    newer.delete()
    [deadline] = _auto(case.client)
    assert (deadline.residence_status, deadline.due_on) == (older, dt.date(2027, 3, 30))


def test_done_deadline_is_not_recreated_but_a_new_expiry_is(case, cm, frozen_today):
    status = make_status(case.client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    Deadline.objects.filter(client=case.client).update(done_on=frozen_today)
    status.save()
    sync_residence_deadline(case.client_id)
    assert Deadline.objects.filter(client=case.client, done_on__isnull=True).count() == 0
    status.valid_to = dt.date(2029, 5, 31)
    status.save()
    [open_one] = Deadline.objects.filter(client=case.client, done_on__isnull=True)
    assert open_one.due_on == dt.date(2029, 2, 28)
    assert Deadline.objects.filter(client=case.client).count() == 2


def test_no_open_case_no_deadline_until_a_case_is_opened(cm, colleague):
    client = make_client(cm.organisation)
    make_status(client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    assert _auto(client) == []
    closed = make_case(cm, client=client, status=CaseStatus.CLOSED)
    assert _auto(client) == []
    case = make_case(colleague, client=client, opened_on=dt.date(2026, 3, 1))
    [deadline] = _auto(client)
    assert (deadline.responsible, deadline.case) == (colleague.user, case)
    assert closed.pk != case.pk


def test_responsible_follows_reassignment_and_closing(case, cm, colleague):
    make_status(case.client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    case.case_manager = colleague.user
    case.save()
    assert _auto(case.client)[0].responsible == colleague.user
    case.status = CaseStatus.CLOSED
    case.save()
    assert _auto(case.client) == []


def test_most_recent_open_case_wins(cm, colleague):
    client = make_client(cm.organisation)
    make_case(cm, client=client, opened_on=dt.date(2025, 1, 1))
    newer = make_case(colleague, client=client, opened_on=dt.date(2026, 1, 1))
    make_status(client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    assert _auto(client)[0].case == newer


def test_104c_deadline_carries_the_note(case, cm):
    make_status(case.client, kind=StatusKind.CHANCEN_104C, valid_to=dt.date(2027, 6, 30), by=cm.user)
    [deadline] = Deadline.objects.select_related("residence_status").filter(client=case.client)
    assert "§ 25a" in deadline.rule_note and "§ 25b" in deadline.rule_note


def test_daily_sync_catches_changes_without_signals_and_is_idempotent(case, cm):
    status = make_status(case.client, valid_to=dt.date(2027, 5, 31), by=cm.user)
    type(status).objects.filter(pk=status.pk).update(valid_to=dt.date(2027, 8, 31))  # no signal
    assert sync_all_residence_deadlines() == 1
    [deadline] = _auto(case.client)
    assert deadline.due_on == dt.date(2027, 5, 31)
    events = AuditEvent.objects.count()
    sync_all_residence_deadlines()
    assert AuditEvent.objects.count() == events
