"""The public contact page: address, weekly hours, "open now", holidays and exceptions, cached correctly."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from kim.accounts.models import OpeningExceptionReason, OpeningHoursException
from kim.portal.opening_hours import BERLIN
from tests.portal import test_directory_world

town = test_directory_world.town  # the shared fixture


def page(lang="en", client=None) -> str:
    response = (client or Client()).get(reverse("portal_contact:index", kwargs={"lang": lang}))
    assert response.status_code == 200
    return response.content.decode()


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=BERLIN), tick=False)


def test_contact_details_and_weekly_hours(town):
    with at(2026, 11, 25, 10, 0):
        html = page()
    assert "Mülheimer Straße 200" in html and "0208 825-0" in html and "kim@oberhausen.example" in html
    assert "Open now – closes at 15:00" in html
    assert "Friday" in html and "09:00–12:00" in html
    assert '<tr class="is-today">' in html  # Wednesday is marked
    assert reverse("portal_contact:form", kwargs={"lang": "en"}) in html


def test_closed_on_a_public_holiday_names_it_in_the_visitors_language(town):
    with at(2026, 12, 25, 10, 0):
        english = page("en")
        ukrainian = page("uk")
        arabic = page("ar")
    assert "Closed today: public holiday (Christmas Day)." in english
    assert "Closed now – opens on Monday at 09:00" in english
    assert "Перший день Різдва" in ukrainian
    assert "Erster Weihnachtstag" in arabic  # no Arabic holiday names in the holidays package: German


def test_exception_is_shown_with_its_reason_and_note(town):
    OpeningHoursException.objects.create(
        contact_point=town["point"],
        starts_on=dt.date(2026, 12, 24),
        ends_on=dt.date(2027, 1, 1),
        reason=OpeningExceptionReason.BETWEEN_HOLIDAYS,
        note="In Notfällen: 0208 825-1",
    )
    with at(2026, 12, 21, 10, 0):
        html = page("en")
    assert "closed between the holidays" in html
    assert '<span lang="de">(In Notfällen: 0208 825-1)</span>' in html
    assert "Thursday, December 24 to Friday, January 1" in html
    with at(2026, 12, 23, 16, 0):
        assert "Closed now – opens on Monday, January 4 at 09:00" in page("en")


def test_turn_of_the_year_without_exceptions(town):
    with at(2026, 12, 31, 15, 30):
        html = page("en")
    assert "Closed now – opens on Monday at 09:00" in html
    assert "New Year&#x27;s Day" in html or "New Year's Day" in html


def test_cached_page_changes_when_the_status_changes(town):
    client = Client()
    with at(2026, 11, 25, 14, 59) as traveller:
        assert "Open now – closes at 15:00" in page(client=client)
        traveller.shift(dt.timedelta(seconds=30))
        assert "Open now – closes at 15:00" in page(client=client)  # from the cache
        traveller.shift(dt.timedelta(seconds=40))  # 15:00:10
        assert "Closed now – opens tomorrow (Thursday) at 09:00" in page(client=client)


def test_cached_page_is_served_without_reading_the_hours(town, django_assert_max_num_queries):
    client = Client()
    with at(2026, 11, 25, 10, 0):
        page(client=client)
        with django_assert_max_num_queries(1):
            response = client.get(reverse("portal_contact:index", kwargs={"lang": "en"}))
    assert response["Cache-Control"].startswith("public")


def test_new_exception_is_visible_at_once(town):
    client = Client()
    with at(2026, 11, 25, 10, 0):
        assert "Open now" in page(client=client)
        OpeningHoursException.objects.create(
            contact_point=town["point"],
            starts_on=dt.date(2026, 11, 25),
            ends_on=dt.date(2026, 11, 25),
            reason=OpeningExceptionReason.TEAM_DAY,
        )
        html = page(client=client)
    assert "Closed today: team day." in html


@pytest.mark.parametrize("lang", ["de", "einfach", "ar", "fa", "ku", "tr", "uk", "ru", "bg", "ro", "en"])
def test_contact_page_renders_in_every_public_language(town, lang):
    with at(2026, 11, 27, 14, 0):
        assert "0208 825-0" in page(lang)


def test_no_contact_point_yet(db, client):
    html = page("en", client)
    assert "The contact details will appear here soon." in html
