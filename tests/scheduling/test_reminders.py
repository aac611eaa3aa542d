"""``kim send-reminders``: one e-mail per person, German with English below, idempotent per day."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from kim.cases.models import Goal, Measure, Referral, ReferralStatus
from kim.scheduling.models import ReminderLog
from tests.scheduling.conftest import BERLIN, TODAY
from tests.scheduling.factories import CLIENT_FAMILY, make_appointment, make_case, make_deadline, make_status

TOMORROW = TODAY + dt.timedelta(days=1)


def run(*args):
    out = StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def due_items(cm, colleague, frozen_today):
    case = make_case(cm, number="K-2026-0007")
    tomorrow_10 = dt.datetime.combine(TOMORROW, dt.time(10), tzinfo=BERLIN)
    items = {
        "appointment": make_appointment(
            cm, case=case, starts_at=tomorrow_10, title=f"Gespräch {CLIENT_FAMILY}", interpreter_language="ar"
        ),
        "deadline": make_deadline(
            cm, case=case, due_on=TODAY + dt.timedelta(days=7), title=f"Pass {CLIENT_FAMILY}"
        ),
        "overdue": make_deadline(cm, due_on=TODAY - dt.timedelta(days=2)),
        "measure": Measure.objects.create(
            goal=Goal.objects.create(case=case, domain="work", wording="Arbeit"),
            description="Lebenslauf schreiben",
            responsible="client",
            due_date=TODAY - dt.timedelta(days=1),
        ),
        "referral": Referral.objects.create(
            case=case,
            domain="health",
            reason="Therapieplatz",
            created_by=cm.user,
            status=ReferralStatus.SENT,
            due_date=TODAY + dt.timedelta(days=3),
        ),
    }
    # not due: the day after tomorrow, a deadline in eight days, a colleague's appointment goes to the colleague
    make_appointment(cm, starts_at=tomorrow_10 + dt.timedelta(days=1))
    make_deadline(cm, due_on=TODAY + dt.timedelta(days=8))
    make_appointment(colleague, starts_at=tomorrow_10)
    return items


def test_one_mail_per_person_with_everything_due(cm, colleague, due_items, mailoutbox):
    output = run()
    assert "Sent 2 e-mail(s)" in output
    mail = next(m for m in mailoutbox if m.to == [cm.user.email])
    assert "K-2026-0007" in mail.body
    assert "-- English --" in mail.body
    assert (
        mail.body.count("K-2026-0007") == 2 * 4
    )  # appointment, deadline, measure, referral – in both languages
    for private in (CLIENT_FAMILY, "Lebenslauf", "Therapieplatz", "Gespräch"):
        assert private not in mail.body
    assert "10:00" in mail.body
    assert ReminderLog.objects.filter(user=cm.user, day=TODAY).count() == 5
    assert [m.to for m in mailoutbox].count([colleague.user.email]) == 1


def test_running_twice_on_the_same_day_sends_nothing_new(cm, due_items, mailoutbox, frozen_today):
    run()
    sent = len(mailoutbox)
    assert "Sent 0 e-mail(s)" in run()
    assert len(mailoutbox) == sent
    # a new item the same day: only it is mailed
    make_deadline(cm, due_on=TODAY, title="neu")
    assert "Sent 1 e-mail(s) with 1 item(s)" in run()
    assert len(mailoutbox) == sent + 1
    # the next day everything still due is mailed again
    with time_machine.travel(dt.datetime(2026, 11, 25, 8, 0, tzinfo=BERLIN), tick=False):
        run()
    assert len(mailoutbox) > sent + 1


def test_dry_run_prints_and_writes_nothing(cm, due_items, mailoutbox):
    output = run("--dry-run")
    assert "Would send 2 e-mail(s)" in output and cm.user.email in output
    assert mailoutbox == []
    assert ReminderLog.objects.count() == 0


def test_failed_mail_is_retried_on_the_next_run(cm, due_items, mailoutbox, monkeypatch):
    from kim.scheduling.management.commands import send_reminders

    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(send_reminders, "send_mail", broken)
    run()
    assert ReminderLog.objects.count() == 0
    monkeypatch.undo()
    run()
    assert ReminderLog.objects.filter(user=cm.user).count() == 5


def test_people_without_active_membership_get_nothing(cm, due_items, mailoutbox):
    cm.is_active = False
    cm.save()
    run()
    assert [cm.user.email] not in [m.to for m in mailoutbox]


def test_the_daily_run_applies_the_residence_rule(cm, frozen_today, mailoutbox):
    from kim.residence.models import ResidenceStatus
    from kim.scheduling.models import Deadline

    case = make_case(cm)
    status = make_status(case.client, valid_to=dt.date(2027, 2, 28), by=cm.user)  # due 28.11.2026
    ResidenceStatus.objects.filter(pk=status.pk).update(valid_to=dt.date(2027, 3, 1))  # no signal
    run()
    assert Deadline.objects.get(client=case.client).due_on == dt.date(2026, 12, 1)
    assert len(mailoutbox) == 1
