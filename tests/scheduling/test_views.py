"""Pages: the week calendar, appointment forms (input kept on errors), deadlines, subscriptions."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from kim.scheduling import selectors
from kim.scheduling.models import Appointment, CalendarFeedToken, Deadline
from tests.scheduling.conftest import BERLIN, TODAY
from tests.scheduling.factories import make_appointment, make_case, make_deadline

pytestmark = pytest.mark.usefixtures("frozen_today")
CALENDAR = reverse("scheduling:calendar")


def at(day, hour):
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BERLIN)


def test_own_week_shows_appointments_and_deadlines(cm, client_for):
    make_appointment(cm, starts_at=at(TODAY, 10), title="Erstgespräch", place="Büro 3")
    make_appointment(cm, starts_at=at(TODAY, 7), title="Frühtermin")
    make_deadline(cm, due_on=TODAY + dt.timedelta(days=1), title="Antrag abgeben")
    response = client_for(cm).get(CALENDAR)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Erstgespräch" in html and "Büro 3" in html and "Antrag abgeben" in html
    assert html.index("Frühtermin") < html.index("Erstgespräch")
    assert "<caption" in html and 'aria-current="date"' in html
    week = response.context["week"]
    assert [row.hour for row in week["rows"]][0] == 7  # the early appointment adds a row


def test_week_navigation(cm, client_for):
    make_appointment(cm, starts_at=at(dt.date(2026, 12, 2), 9), title="Termin in KW 49")
    client = client_for(cm)
    assert "Termin in KW 49" not in client.get(CALENDAR).content.decode()
    response = client.get(CALENDAR, {"woche": "2026-W49"})
    assert "Termin in KW 49" in response.content.decode()
    assert response.context["week_start"] == dt.date(2026, 11, 30)
    assert "woche=2026-W48" in response.context["prev_url"]
    assert client.get(CALENDAR, {"woche": "Unsinn"}).context["week_start"] == dt.date(2026, 11, 23)


def test_team_lead_picks_a_case_manager(cm, tl, client_for):
    make_appointment(cm, starts_at=at(TODAY, 10), title="Termin der Kollegin")
    client = client_for(tl)
    response = client.get(CALENDAR, {"person": cm.user.pk, "woche": "2026-W48"})
    url = reverse("scheduling:calendar_user", kwargs={"user_pk": cm.user.pk})
    assert response.status_code == 302 and response.url == f"{url}?woche=2026-W48"
    assert "Termin der Kollegin" in client.get(url).content.decode()


def test_colleague_and_other_organisation_get_404(cm, colleague, other_tl, client_for):
    appointment = make_appointment(cm)
    url = reverse("scheduling:calendar_user", kwargs={"user_pk": cm.user.pk})
    for member in (colleague, other_tl):
        client = client_for(member)
        assert client.get(url).status_code == 404
        assert (
            client.get(reverse("scheduling:appointment_detail", kwargs={"pk": appointment.pk})).status_code
            == 404
        )
        assert (
            client.post(reverse("scheduling:appointment_cancel", kwargs={"pk": appointment.pk})).status_code
            == 404
        )
    appointment.refresh_from_db()
    assert appointment.cancelled_at is None


def _form(**overrides):
    data = {
        "kind": "client",
        "title": "Beratung Wohnung",
        "case": "",
        "day": "2026-11-26",
        "start_time": "10:00",
        "end_time": "11:00",
        "place": "Büro",
        "interpreter_language": "",
        "note": "Mietvertrag mitbringen",
    }
    data.update(overrides)
    return data


def test_create_appointment_and_overlap_warning(cm, client_for):
    make_appointment(cm, starts_at=at(dt.date(2026, 11, 26), 10), title="Schon da")
    response = client_for(cm).post(reverse("scheduling:appointment_create"), _form(), follow=True)
    assert response.redirect_chain[0][0].endswith("?woche=2026-W48")
    html = response.content.decode()
    assert "Schon da" in html and "message--warning" in html
    created = Appointment.objects.get(title="Beratung Wohnung")
    assert created.starts_at == at(dt.date(2026, 11, 26), 10) and created.owner == cm.user


def test_invalid_appointment_keeps_the_input_and_saves_nothing(cm, client_for):
    response = client_for(cm).post(
        reverse("scheduling:appointment_create"), _form(end_time="09:00", interpreter_booked="on")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Beratung Wohnung"' in html and "Mietvertrag mitbringen" in html and 'value="09:00"' in html
    assert "error-summary" in html
    assert Appointment.objects.count() == 0


def test_appointment_from_a_case(cm, colleague, client_for):
    case = make_case(cm, number="K-2026-0100")
    client = client_for(cm)
    url = reverse("scheduling:case_appointment_create", kwargs={"case_pk": case.pk})
    response = client.get(url)
    assert response.status_code == 200 and "K-2026-0100" in response.content.decode()
    assert response.context["form"]["case"].value() == case.pk
    client.post(url, _form(case=case.pk))
    assert Appointment.objects.get().case == case
    foreign = make_case(colleague)
    assert (
        client.get(reverse("scheduling:case_appointment_create", kwargs={"case_pk": foreign.pk})).status_code
        == 404
    )


def test_edit_with_a_stale_version_shows_the_other_change(cm, tl, client_for, actor_for):
    from kim.scheduling import services

    appointment = make_appointment(cm, starts_at=at(TODAY, 10), title="Alt")
    url = reverse("scheduling:appointment_update", kwargs={"pk": appointment.pk})
    services.appointment_update(
        actor=actor_for(tl), appointment=appointment, expected_version=1, place="Raum der Leitung"
    )
    response = client_for(cm).post(url, _form(title="Meine Änderung", day="2026-11-24", version="1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Raum der Leitung" in html and 'value="Meine Änderung"' in html
    appointment.refresh_from_db()
    assert (appointment.title, appointment.version) == ("Alt", 2)
    assert response.context["form"]["version"].value() == 2
    client_for(cm).post(url, _form(title="Meine Änderung", day="2026-11-24", version="2"))
    appointment.refresh_from_db()
    assert appointment.title == "Meine Änderung"


def test_cancel_from_the_detail_page(cm, client_for):
    appointment = make_appointment(cm)
    client = client_for(cm)
    assert (
        client.post(reverse("scheduling:appointment_cancel", kwargs={"pk": appointment.pk})).status_code
        == 302
    )
    appointment.refresh_from_db()
    assert appointment.cancelled_at is not None
    assert (
        client.get(reverse("scheduling:appointment_update", kwargs={"pk": appointment.pk})).status_code == 302
    )


def test_deadline_form_keeps_input_and_list_completes_and_reopens(cm, client_for):
    client = client_for(cm)
    url = reverse("scheduling:deadline_create")
    response = client.post(
        url, {"title": "Kita-Antrag", "due_on": "", "kind": "other", "note": "mit Nachweis"}
    )
    assert response.status_code == 200
    assert 'value="Kita-Antrag"' in response.content.decode() and "mit Nachweis" in response.content.decode()
    assert Deadline.objects.count() == 0
    client.post(url, {"title": "Kita-Antrag", "due_on": "2026-11-20", "kind": "other"})
    deadline = Deadline.objects.get()
    html = client.get(reverse("scheduling:deadline_list")).content.decode()
    assert "Kita-Antrag" in html and f'id="deadline-{deadline.pk}"' in html
    client.post(reverse("scheduling:deadline_complete", kwargs={"pk": deadline.pk}))
    deadline.refresh_from_db()
    assert deadline.done_on == TODAY
    assert (
        "Kita-Antrag"
        in client.get(reverse("scheduling:deadline_list"), {"status": "erledigt"}).content.decode()
    )
    client.post(
        reverse("scheduling:deadline_reopen", kwargs={"pk": deadline.pk}), {"next": "https://evil.example/"}
    )
    deadline.refresh_from_db()
    assert deadline.done_on is None


def test_feed_page_shows_the_address_once(cm, client_for):
    client = client_for(cm)
    url = reverse("scheduling:feed_settings")
    response = client.post(url, {"label": "Diensthandy"})
    assert response.status_code == 200
    feed_url = response.context["new_url"]
    assert feed_url.startswith("http://testserver/kalender/feed/") and feed_url.endswith(".ics")
    assert feed_url in response.content.decode()
    token = feed_url.rsplit("/", 1)[1].removesuffix(".ics")
    again = client.get(url).content.decode()
    assert token not in again and "Diensthandy" in again
    assert client.get(feed_url.replace("http://testserver", "")).status_code == 200
    client.post(reverse("scheduling:feed_token_revoke", kwargs={"pk": CalendarFeedToken.objects.get().pk}))
    assert client.get(feed_url.replace("http://testserver", "")).status_code == 404


def test_my_week_partial(cm, actor_for, rf):
    empty = render_to_string("scheduling/_my_week.html", selectors.my_week_context(actor_for(cm)))
    assert empty.count('class="empty"') == 4
    make_appointment(cm, starts_at=at(TODAY, 15), title="Hausbesuch")
    make_deadline(cm, due_on=TODAY - dt.timedelta(days=1), title="Frist verpasst")
    html = render_to_string("scheduling/_my_week.html", selectors.my_week_context(actor_for(cm)))
    assert "Hausbesuch" in html and "Frist verpasst" in html and "cal-badge--overdue" in html


def test_arabic_pages_are_right_to_left(cm, client_for, settings):
    client = client_for(cm)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    for name in ("scheduling:calendar", "scheduling:feed_settings", "scheduling:deadline_list"):
        assert 'dir="rtl"' in client.get(reverse(name)).content.decode()
