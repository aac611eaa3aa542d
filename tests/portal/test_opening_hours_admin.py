"""The coordination's back office for opening hours: exceptions and weekly hours, validated and audited."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from kim.accounts.models import OpeningExceptionReason, OpeningHours, OpeningHoursException, Role
from kim.core.models import AuditEvent
from kim.portal import opening_hours_services as services
from kim.portal.cache import current_generation
from tests.portal import test_directory_world

town = test_directory_world.town  # the shared fixture


def german(message: str) -> str:
    """The message as the staff UI shows it (German is the staff default language)."""
    if not message:
        return message
    with translation.override("de"):
        return escape(translation.gettext(message))


@pytest.fixture
def coordinator(make_member):
    return make_member(Role.COORDINATOR)


def exception_data(**changes):
    data = {
        "starts_on": "2026-12-24",
        "ends_on": "2027-01-01",
        "kind": "closed",
        "opens": "",
        "closes": "",
        "reason": OpeningExceptionReason.BETWEEN_HOLIDAYS,
        "note": "In Notfällen: 0208 825-1",
    }
    data.update(changes)
    return data


def test_overview_shows_hours_exceptions_and_holidays(town, coordinator, client_for):
    OpeningHoursException.objects.create(
        contact_point=town["point"],
        starts_on=dt.date(2099, 5, 4),
        ends_on=dt.date(2099, 5, 4),
        reason=OpeningExceptionReason.TEAM_DAY,
    )
    html = client_for(coordinator).get(reverse("portal_hours:overview")).content.decode()
    assert "KIM Case Management – zentrale Anlaufstelle" in html
    assert "09:00–12:00" in html
    assert "04.05.2099" in html


def test_coordinator_adds_a_closed_period(town, coordinator, client_for):
    generation = current_generation()
    url = reverse("portal_hours:exception_create", kwargs={"point_pk": town["point"].pk})
    response = client_for(coordinator).post(url, exception_data())
    assert response.status_code == 302
    exception = OpeningHoursException.objects.get()
    assert (exception.starts_on, exception.ends_on, exception.is_closed) == (
        dt.date(2026, 12, 24),
        dt.date(2027, 1, 1),
        True,
    )
    assert exception.opens is None and exception.note == "In Notfällen: 0208 825-1"
    event = AuditEvent.objects.get(action="accounts.opening_exception.create")
    assert event.actor == coordinator.user and event.details["ends_on"] == "2027-01-01"
    assert current_generation() > generation  # the public contact page is rendered afresh


def test_single_day_special_hours(town, coordinator, client_for):
    url = reverse("portal_hours:exception_create", kwargs={"point_pk": town["point"].pk})
    data = exception_data(ends_on="", kind="special", opens="10:00", closes="14:00", reason="event", note="")
    assert client_for(coordinator).post(url, data).status_code == 302
    exception = OpeningHoursException.objects.get()
    assert exception.ends_on == exception.starts_on
    assert (exception.opens, exception.closes) == (dt.time(10), dt.time(14))


@pytest.mark.parametrize(
    ("changes", "field_text"),
    [
        ({"ends_on": "2026-12-20"}, "The last day cannot be before the first day."),
        ({"kind": "special"}, "Give the time it opens."),
        ({"kind": "special", "opens": "14:00", "closes": "10:00"}, "It must close after it opens."),
        ({"starts_on": "kein Datum"}, ""),
        ({"ends_on": "2028-06-01"}, "A period can be at most one year long."),
    ],
)
def test_invalid_exception_keeps_input_and_saves_nothing(town, coordinator, client_for, changes, field_text):
    url = reverse("portal_hours:exception_create", kwargs={"point_pk": town["point"].pk})
    response = client_for(coordinator).post(url, exception_data(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html
    assert german(field_text) in html
    assert "In Notfällen: 0208 825-1" in html
    assert not OpeningHoursException.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="accounts.opening_exception").exists()


def test_overlapping_periods_are_refused(town, coordinator, actor_for):
    actor = actor_for(coordinator)
    services.exception_create(
        actor=actor,
        contact_point=town["point"],
        starts_on=dt.date(2026, 12, 24),
        ends_on=dt.date(2026, 12, 31),
        is_closed=True,
        reason="between_holidays",
    )
    with pytest.raises(ValidationError) as error:
        services.exception_create(
            actor=actor,
            contact_point=town["point"],
            starts_on=dt.date(2026, 12, 31),
            ends_on=None,
            is_closed=True,
            reason="team_day",
        )
    assert "starts_on" in error.value.message_dict
    assert OpeningHoursException.objects.count() == 1


def test_update_with_a_stale_version_saves_nothing(town, coordinator, client_for, actor_for):
    exception = services.exception_create(
        actor=actor_for(coordinator),
        contact_point=town["point"],
        starts_on=dt.date(2026, 12, 24),
        ends_on=dt.date(2026, 12, 31),
        is_closed=True,
        reason="between_holidays",
    )
    services.exception_update(
        actor=actor_for(coordinator), exception=exception, expected_version=1, note="Neu"
    )
    url = reverse("portal_hours:exception_update", kwargs={"pk": exception.pk})
    response = client_for(coordinator).post(url, exception_data(note="Meine Änderung", version="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Meine Änderung" in html and "Neu" in html
    exception.refresh_from_db()
    assert exception.note == "Neu" and exception.version == 2


def test_update_and_delete(town, coordinator, client_for, actor_for):
    exception = services.exception_create(
        actor=actor_for(coordinator),
        contact_point=town["point"],
        starts_on=dt.date(2026, 12, 24),
        ends_on=None,
        is_closed=True,
        reason="team_day",
    )
    client = client_for(coordinator)
    url = reverse("portal_hours:exception_update", kwargs={"pk": exception.pk})
    data = exception_data(
        starts_on="2026-12-24",
        ends_on="",
        kind="special",
        opens="09:00",
        closes="11:00",
        reason="staff_shortage",
        version="1",
    )
    assert client.post(url, data).status_code == 302
    exception.refresh_from_db()
    assert not exception.is_closed and exception.closes == dt.time(11) and exception.version == 2
    assert (
        client.post(reverse("portal_hours:exception_delete", kwargs={"pk": exception.pk})).status_code == 302
    )
    assert not OpeningHoursException.objects.exists()
    assert AuditEvent.objects.filter(action="accounts.opening_exception.delete").count() == 1


def test_only_coordination_may_write(town, make_member, actor_for):
    case_manager = actor_for(make_member(Role.CASE_MANAGER))
    with pytest.raises(PermissionDenied):
        services.exception_create(
            actor=case_manager,
            contact_point=town["point"],
            starts_on=dt.date(2026, 12, 24),
            ends_on=None,
            is_closed=True,
            reason="team_day",
        )
    with pytest.raises(PermissionDenied):
        services.weekly_hours_replace(
            actor=case_manager,
            contact_point=town["point"],
            slots={},
            based_on=services.weekly_fingerprint(town["point"]),
        )


def test_weekly_hours_with_a_lunch_break(town, coordinator, client_for):
    url = reverse("portal_hours:weekly_hours", kwargs={"point_pk": town["point"].pk})
    client = client_for(coordinator)
    page = client.get(url).content.decode()
    assert 'value="09:00"' in page
    data = {"based_on": services.weekly_fingerprint(town["point"])}
    for day in range(5):
        data |= {
            f"d{day}_opens_1": "08:30",
            f"d{day}_closes_1": "12:00",
            f"d{day}_opens_2": "",
            f"d{day}_closes_2": "",
        }
    data |= {"d1_opens_2": "13:00", "d1_closes_2": "16:00"}
    assert client.post(url, data).status_code == 302
    tuesday = OpeningHours.objects.filter(contact_point=town["point"], weekday=1).order_by("opens")
    assert [(h.opens, h.closes) for h in tuesday] == [
        (dt.time(8, 30), dt.time(12)),
        (dt.time(13), dt.time(16)),
    ]
    assert not OpeningHours.objects.filter(contact_point=town["point"], weekday=5).exists()
    assert AuditEvent.objects.filter(action="accounts.opening_hours.replace").count() == 1


def test_weekly_hours_invalid_or_stale_save_nothing(town, coordinator, client_for):
    url = reverse("portal_hours:weekly_hours", kwargs={"point_pk": town["point"].pk})
    client = client_for(coordinator)
    before = services.weekly_fingerprint(town["point"])
    wrong_order = {"based_on": before, "d0_opens_1": "15:00", "d0_closes_1": "09:00"}
    response = client.post(url, wrong_order)
    assert (
        response.status_code == 200 and german("It must close after it opens.") in response.content.decode()
    )
    only_one_time = {"based_on": before, "d0_opens_1": "09:00"}
    assert (
        german("Give both times of the period, or neither.")
        in client.post(url, only_one_time).content.decode()
    )
    stale = {"based_on": "0:0800-0900", "d0_opens_1": "09:00", "d0_closes_1": "10:00"}
    html = client.post(url, stale).content.decode()
    assert (
        german(
            "Someone else changed the weekly hours in the meantime. Nothing was saved. Check the current hours "
            "below and send again."
        )
        in html
    )
    assert f'value="{before}"' in html  # a second send now goes through deliberately
    assert services.weekly_fingerprint(town["point"]) == before


def test_case_manager_cannot_open_the_back_office(town, make_member, client_for):
    client = client_for(make_member(Role.CASE_MANAGER))
    assert client.get(reverse("portal_hours:overview")).status_code == 403
