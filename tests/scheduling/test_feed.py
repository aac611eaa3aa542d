"""The iCalendar feed: secret token, no login, 404 when revoked or unknown, and no client names."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from kim.scheduling import services
from kim.scheduling.models import CalendarFeedToken
from tests.scheduling.factories import CLIENT_FAMILY, CLIENT_GIVEN, make_appointment, make_case, make_deadline


@pytest.fixture
def token(cm, actor_for):
    _token, raw = services.feed_token_create(actor=actor_for(cm), label="Handy")
    return raw


def _get(client, raw):
    return client.get(reverse("scheduling:feed", kwargs={"token": raw}))


def test_feed_with_valid_token_needs_no_login(cm, colleague, token, client):
    case = make_case(cm, number="K-2026-0042")
    appointment = make_appointment(
        cm,
        case=case,
        title=f"Termin mit {CLIENT_GIVEN} {CLIENT_FAMILY}",
        place="Wohnung Marktstraße 5",
        note="Psychotherapie",
        interpreter_language="ar",
        kind="accompaniment",
    )
    make_appointment(cm, starts_at=timezone.now() - dt.timedelta(days=40))  # too old
    make_appointment(cm, starts_at=timezone.now() + dt.timedelta(days=400))  # too far ahead
    cancelled = make_appointment(cm, title="abgesagt")
    cancelled.cancelled_at = timezone.now()
    cancelled.save()
    make_appointment(colleague, title="Kollegentermin")
    deadline = make_deadline(
        cm, case=case, due_on=timezone.localdate() + dt.timedelta(days=5), title=f"Pass {CLIENT_FAMILY}"
    )
    make_deadline(cm, due_on=timezone.localdate(), done_on=timezone.localdate())

    response = _get(client, token)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    for secret in (
        CLIENT_GIVEN,
        CLIENT_FAMILY,
        "Marktstraße",
        "Psychotherapie",
        "Termin mit",
        "Kollegentermin",
        "abgesagt",
    ):
        assert secret not in body
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    by_uid = {str(e["UID"]): e for e in events}
    event = next(e for uid, e in by_uid.items() if f"appointment-{appointment.pk}@" in uid)
    assert "K-2026-0042" in str(event["SUMMARY"])
    assert event.decoded("DTSTART") == appointment.starts_at.replace(microsecond=0)
    assert reverse("scheduling:appointment_detail", kwargs={"pk": appointment.pk}) in str(
        event["DESCRIPTION"]
    )
    all_day = next(e for uid, e in by_uid.items() if f"deadline-{deadline.pk}@" in uid)
    assert all_day.decoded("DTSTART") == deadline.due_on  # a date: an all-day event
    assert "K-2026-0042" in str(all_day["SUMMARY"])
    assert CalendarFeedToken.objects.get().last_used_at is not None


def test_revoked_unknown_and_deactivated_tokens_answer_404(cm, actor_for, token, client):
    assert _get(client, token + "x").status_code == 404
    assert _get(client, "nothing").status_code == 404
    cm.user.is_active = False
    cm.user.save()
    assert _get(client, token).status_code == 404
    cm.user.is_active = True
    cm.user.save()
    assert _get(client, token).status_code == 200
    services.feed_token_revoke(actor=actor_for(cm), token=CalendarFeedToken.objects.get())
    assert _get(client, token).status_code == 404


def test_feed_stops_showing_an_organisation_when_the_membership_ends(cm, token, client):
    make_appointment(cm)
    cm.is_active = False
    cm.save()
    response = _get(client, token)
    assert response.status_code == 200
    assert Calendar.from_ical(response.content).walk("VEVENT") == []


def test_feed_query_count_is_constant(cm, token, client, django_assert_max_num_queries):
    for _ in range(10):
        make_appointment(cm, case=make_case(cm))
        make_deadline(cm, case=make_case(cm), due_on=timezone.localdate())
    with django_assert_max_num_queries(6):
        assert _get(client, token).status_code == 200
