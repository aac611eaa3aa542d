"""The public contact and appointment request form: validation keeps input and creates nothing, spam
protection (honeypot, time stamp, rate limit per address), oversized and malicious input, CSRF for anonymous
visitors, and a successful request that reaches the intake queue with its reference number."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kim.accounts.models import Role
from kim.cases.models import PublicFormAttempt, Request, RequestChannel
from kim.core.models import AuditEvent
from kim.portal import contact
from tests.portal import test_directory_world

town = test_directory_world.town  # the shared fixture

START = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def form_url(lang="de"):
    return reverse("portal_contact:form", kwargs={"lang": lang})


def token_from(html: str) -> str:
    return re.search(r'name="started" value="([^"]+)"', html).group(1)


def csrf_from(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def valid_data(**changes):
    data = {
        "name": "Amina Yusuf",
        "preferred_language": "ar",
        "phone": "0176 1234567",
        "email": "",
        "topics": ["first_integration", "housing"],
        "message": "Ich brauche Hilfe bei der Wohnungssuche.",
        "district": "",
        "postcode": "46049",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def send(town):
    """send(data, lang="de", wait=10, address="192.0.2.1") → response of a POST made ``wait`` seconds after
    the form was shown (with the time stamp the form page handed out)."""

    def post(data, *, lang="de", wait=10, address="192.0.2.1", client=None):
        client = client or Client(REMOTE_ADDR=address)
        with time_machine.travel(START, tick=False) as traveller:
            page = client.get(form_url(lang))
            payload = {"started": token_from(page.content.decode()), **data}
            traveller.shift(dt.timedelta(seconds=wait))
            return client.post(form_url(lang), payload, REMOTE_ADDR=address)

    return post


def assert_nothing_created():
    assert Request.objects.count() == 0
    assert not AuditEvent.objects.filter(action="cases.request.create").exists()


# The form page ---------------------------------------------------------------------------------------------------


def test_form_page_is_never_cached_and_sets_the_csrf_cookie(town, client):
    response = client.get(form_url())
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert "csrftoken" in response.cookies
    html = response.content.decode()
    assert "data-keep-input" in html and "novalidate" in html
    assert 'name="website"' in html and "hidden" in html


def test_preferred_language_defaults_to_the_visitors_language(town, client):
    assert 'value="ar" selected' in client.get(form_url("ar")).content.decode()
    assert 'value="de" selected' in client.get(form_url("einfach")).content.decode()
    html = client.get(
        form_url("de"), {"district": town["districts"]["ost"].pk, "language": "tr"}
    ).content.decode()
    assert f'value="{town["districts"]["ost"].pk}" selected' in html
    assert 'value="tr" selected' in html


def test_topics_are_the_intake_choices(town):
    from kim.cases.forms import RequestForm
    from kim.portal.contact_forms import ContactForm

    intake = [value for value, _label in RequestForm().fields["topics"].choices]
    public = [value for value, _label in ContactForm().fields["topics"].choices]
    assert public == intake


def test_consent_text_names_controller_purpose_retention_withdrawal_and_rights(town, client):
    with translation.override("en"):
        html = client.get(form_url("en")).content.decode()
    assert "Stadt Testhausen – Kommunales Integrationszentrum, Mülheimer Straße 200, 46045 Oberhausen" in html
    assert "only to answer your request" in html
    assert "Testverband e.V." in html  # the organisations of the case management
    assert f"{contact.RETENTION_MONTHS} months" in html
    assert "withdraw your consent at any time" in html
    assert "supervisory authority" in html
    einfach = client.get(form_url("einfach")).content.decode()
    assert "Sie dürfen Nein sagen" in einfach


# Success ------------------------------------------------------------------------------------------------------


def test_successful_request_reaches_the_intake_queue_with_reference(town, send, make_member, client_for):
    response = send(valid_data(), lang="ar")
    assert response.status_code == 302
    request = Request.objects.get()
    assert request.channel == RequestChannel.PUBLIC_FORM
    assert request.preferred_language == "ar"
    assert request.topics == ["first_integration", "housing"]
    assert request.contact_consent is True
    assert request.district == town["districts"]["sued"]  # derived from the postcode
    assert request.created_by is None
    assert re.fullmatch(r"A-\d{4}-\d{5}", request.reference)
    assert response.url.startswith(reverse("portal_contact:thanks", kwargs={"lang": "ar"}))

    thanks = Client().get(response.url)
    html = thanks.content.decode()
    assert thanks.status_code == 200
    assert request.reference in html and '<html lang="ar" dir="rtl">' in html
    assert "message--success" in html  # kim.js forgets the draft on this page

    created = AuditEvent.objects.get(action="cases.request.create")
    assert created.actor is None and created.actor_label == "system: portal"
    assert created.object_id == str(request.pk)
    consent = AuditEvent.objects.get(action="portal.contact_request.consent")
    assert consent.details == {"consent_version": contact.CONSENT_VERSION, "shown_in": "ar"}

    coordinator = make_member(Role.COORDINATOR)
    queue = client_for(coordinator).get(reverse("cases:request_list")).content.decode()
    assert request.reference in queue and "Amina Yusuf" in queue
    with translation.override("de"):
        assert (
            str(RequestChannel.PUBLIC_FORM.label) in queue
            or translation.gettext("public contact form") in queue
        )


def test_chosen_district_wins_over_the_postcode(town, send):
    ost = town["districts"]["ost"]
    assert send(valid_data(district=str(ost.pk), postcode="46049")).status_code == 302
    assert Request.objects.get().district == ost


def test_email_alone_is_enough(town, send):
    assert send(valid_data(phone="", email="amina@example.org")).status_code == 302
    assert Request.objects.get().email == "amina@example.org"


def test_confirmation_link_is_signed(town, client):
    response = client.get(reverse("portal_contact:thanks", kwargs={"lang": "de"}), {"ref": "A-2026-00001"})
    assert response.status_code == 404
    assert "A-2026-00001" not in response.content.decode()


# Validation keeps the input and creates nothing ------------------------------------------------------------------


def test_missing_contact_and_consent_keep_input_and_create_nothing(town, send):
    response = send(valid_data(phone="", email="", consent=None, message="Bitte rufen Sie mich an"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html
    assert 'value="Amina Yusuf"' in html
    assert "Bitte rufen Sie mich an" in html
    assert 'value="housing" id="id_topics_9" checked' in html or re.search(
        r'value="housing"[^>]*checked', html
    )
    with translation.override("de"):
        assert (
            translation.gettext(
                "Please give a phone number or an e-mail address (or both), so that we can answer you."
            )
            in html
        )
    assert_nothing_created()
    assert not PublicFormAttempt.objects.filter(accepted=True).exists()


def test_errors_are_shown_in_the_chosen_language(town, send):
    html = send(valid_data(email="not-an-address", phone=""), lang="ar").content.decode()
    with translation.override("ar"):
        expected = translation.gettext("Please enter a valid e-mail address, like name@example.org.")
        summary = translation.gettext("Please check your input")
    assert expected in html and summary in html
    assert '<html lang="ar" dir="rtl">' in html
    assert_nothing_created()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "A" * 201}, "Please shorten this to at most 200 characters (now 201)."),
        ({"message": "x" * 2001}, "Please shorten this to at most 2000 characters (now 2001)."),
        (
            {"phone": "call me maybe"},
            "Enter the phone number with digits only – spaces and the signs + ( ) / - are allowed.",
        ),
        ({"postcode": "4604"}, "A German postcode has five digits."),
        ({"preferred_language": "xx"}, "Please choose a language from the list."),
        ({"topics": ["housing", "bribery"]}, "Please choose topics from the list only."),
        ({"district": "99999"}, "Please choose a district from the list."),
        (
            {"name": "<b>Amina</b>"},
            "Please enter only your name here – without the signs < and > and without code.",
        ),
        ({"name": "Amina https://spam.example"}, "Please enter only your name here, without web addresses."),
        (
            {"message": "Hallo <script>alert('x')</script>"},
            "Please write your message as plain text – without HTML or program code (for example <script>).",
        ),
        (
            {"message": "see http://a.example http://b.example www.c.example https://d.example"},
            "Please include at most 3 web addresses.",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(town, send, changes, message):
    response = send(valid_data(**changes), lang="en")
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override("en"):
        from django.utils.html import escape

        assert escape(translation.gettext(message)) in html
    assert "<script>alert" not in html and "<b>Amina</b>" not in html
    assert_nothing_created()


def test_too_many_topics_are_refused(town, send):
    response = send(valid_data(topics=["housing"] * 40), lang="en")
    assert "Too many topics were sent. Please choose at most 14." in response.content.decode()
    assert_nothing_created()


def test_invisible_direction_overrides_are_removed_from_the_name(town, send):
    assert send(valid_data(name="Amina\u202e Yusuf\u0000")).status_code == 302
    assert Request.objects.get().name == "Amina Yusuf"


# Spam protection --------------------------------------------------------------------------------------------------


def test_honeypot_filled_creates_nothing(town, send):
    response = send(valid_data(website="http://spam.example"))
    assert response.status_code == 400
    assert 'value="Amina Yusuf"' in response.content.decode()
    assert_nothing_created()


def test_sent_faster_than_a_person_can_type_creates_nothing_and_keeps_input(town, send):
    response = send(valid_data(), wait=1)
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override("de"):
        assert (
            translation.gettext("That was very quick. Please check your entries and send the form again.")
            in html
        )
    assert 'value="Amina Yusuf"' in html
    assert_nothing_created()


def test_form_open_too_long_is_refused_with_a_fresh_time_stamp(town, send):
    response = send(valid_data(), wait=13 * 3600)
    assert response.status_code == 200
    assert 'name="started"' in response.content.decode()
    assert_nothing_created()


def test_missing_or_forged_time_stamp_is_refused(town):
    client = Client()
    client.get(form_url())
    response = client.post(form_url(), {**valid_data(), "started": "forged"})
    assert response.status_code == 400
    assert_nothing_created()


def test_rate_limit_per_address(town, send):
    for _attempt in range(contact.MAX_ACCEPTED):
        assert send(valid_data()).status_code == 302
    refused = send(valid_data())
    assert refused.status_code == 429
    assert 'value="Amina Yusuf"' in refused.content.decode()
    assert Request.objects.count() == contact.MAX_ACCEPTED
    # Another address is not affected.
    assert send(valid_data(), address="198.51.100.7").status_code == 302


def test_rate_limit_counts_refused_submissions_too(town, send):
    for _attempt in range(contact.MAX_ATTEMPTS):
        send(valid_data(consent=None))
    assert send(valid_data()).status_code == 429
    assert_nothing_created()


def test_rate_limit_window_passes_and_old_rows_are_deleted(town):
    with time_machine.travel(START, tick=False) as traveller:
        for _attempt in range(contact.MAX_ATTEMPTS):
            assert contact.register_attempt("192.0.2.9").allowed
        assert not contact.register_attempt("192.0.2.9").allowed
        traveller.shift(contact.RATE_WINDOW + dt.timedelta(seconds=1))
        assert contact.register_attempt("192.0.2.9").allowed
    assert PublicFormAttempt.objects.count() == 1


def test_only_a_hash_of_the_address_is_stored(town, send):
    send(valid_data(), address="203.0.113.5")
    stored = PublicFormAttempt.objects.get()
    assert "203.0.113.5" not in stored.ip_hash
    assert stored.ip_hash == contact.sender_hash("203.0.113.5")
    assert stored.accepted


# Oversized bodies and CSRF ------------------------------------------------------------------------------------------


def test_oversized_body_is_refused_in_the_visitors_language(town, client):
    client.get(form_url("ar"))
    response = client.post(form_url("ar"), {**valid_data(), "message": "x" * (contact.MAX_BODY_BYTES + 10)})
    assert response.status_code == 413
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    with translation.override("ar"):
        assert (
            translation.gettext(
                "Your request was too large to be sent. Please shorten your message and send it again. "
                "What you typed is still in this browser if it allows that."
            )
            in html
        )
    assert "error-summary" in html  # kim.js restores the browser's draft on a page with errors
    assert_nothing_created()


def test_too_many_fields_are_refused(town, client):
    client.get(form_url())
    body = "&".join(["topics=housing"] * (contact.MAX_FIELDS + 5))
    response = client.post(form_url(), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert_nothing_created()


def test_csrf_works_for_anonymous_visitors(town):
    client = Client(enforce_csrf_checks=True)
    with time_machine.travel(START, tick=False) as traveller:
        page = client.get(form_url()).content.decode()
        traveller.shift(dt.timedelta(seconds=20))
        without = client.post(form_url(), {**valid_data(), "started": token_from(page)})
        assert without.status_code == 403
        with_token = client.post(
            form_url(), {**valid_data(), "started": token_from(page), "csrfmiddlewaretoken": csrf_from(page)}
        )
    assert with_token.status_code == 302
    assert Request.objects.count() == 1


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no trusted proxy: the header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a client-supplied prefix does not count
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.1"),  # fewer entries than proxies: not trustworthy
    ],
)
def test_client_address_behind_trusted_proxies(settings, rf, proxies, forwarded, expected):
    settings.KIM_TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert contact.client_address(request) == expected
