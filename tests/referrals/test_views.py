"""Referral pages: form with consent refusal, scope, stale save, send, letter, and the public partner page."""

import datetime as dt

import pytest
import time_machine
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from kim.accounts.models import OrganisationKind, Role
from kim.cases.models import LifeDomain, Referral, ReferralStatus
from kim.clients.models import DataCategory
from kim.core.models import AuditEvent
from kim.core.scoping import Actor
from tests.factories import OrganisationFactory
from tests.referrals.factories import issue_token, make_case, make_consent, make_referral


@pytest.fixture
def owner(make_member):
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def case(owner):
    return make_case(owner, number="2026-00077")


@pytest.fixture
def partner(db):
    return OrganisationFactory(name="Schuldnerberatung Mitte", kind=OrganisationKind.OTHER_OFFICE, email="sb@example.org")


@pytest.fixture
def consent(case, partner):
    return make_consent(case.client, partner, categories=(DataCategory.MASTER_DATA, DataCategory.EDUCATION_WORK))


@pytest.fixture
def referral(case, partner, consent):
    return make_referral(case, partner, consent, domain=LifeDomain.CONSUMER, reason="Schulden bei Mobilfunkanbieter klären.")


# Create ------------------------------------------------------------------------------------------------


def _form_data(partner, **overrides):
    data = {
        "to_organisation": partner.pk,
        "to_service": "Offene Sprechstunde",
        "partner_email": "",
        "domain": LifeDomain.CONSUMER,
        "reason": "Schulden bei Mobilfunkanbieter klären.",
        "due_date": (timezone.localdate() + dt.timedelta(days=10)).isoformat(),
    }
    data.update(overrides)
    return data


def test_create_without_consent_keeps_input_and_says_what_is_missing(owner, client_for, case, partner):
    response = client_for(owner).post(
        reverse("referrals:referral_create", kwargs={"case_pk": case.pk}), _form_data(partner)
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Schuldnerberatung Mitte" in content
    assert "error-summary" in content
    assert "Schulden bei Mobilfunkanbieter klären." in content  # the input stays
    assert Referral.objects.count() == 0


def test_create_with_consent_plans_the_referral(owner, client_for, case, partner, consent):
    response = client_for(owner).post(
        reverse("referrals:referral_create", kwargs={"case_pk": case.pk}), _form_data(partner)
    )
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("referrals:referral_detail", kwargs={"pk": referral.pk})
    assert referral.consent == consent and referral.status == ReferralStatus.PLANNED


def test_create_form_of_someone_elses_case_is_not_found(make_member, client_for, case, other_welfare):
    for member in (make_member(Role.CASE_MANAGER), make_member(Role.TEAM_LEAD, organisation=other_welfare)):
        response = client_for(member).get(reverse("referrals:referral_create", kwargs={"case_pk": case.pk}))
        assert response.status_code == 404


# Record views: owner / colleague / team lead / other organisation -------------------------------------


@pytest.mark.parametrize("name", ["referral_detail", "referral_update", "referral_letter"])
def test_referral_pages_in_scope_only(name, owner, make_member, client_for, referral, other_welfare):
    url = reverse(f"referrals:{name}", kwargs={"pk": referral.pk})
    assert client_for(owner).get(url).status_code == 200
    assert client_for(make_member(Role.TEAM_LEAD)).get(url).status_code == 200
    assert client_for(make_member(Role.CASE_MANAGER)).get(url).status_code == 404  # colleague, not the owner
    assert client_for(make_member(Role.TEAM_LEAD, organisation=other_welfare)).get(url).status_code == 404
    assert client_for(make_member(Role.COORDINATOR)).get(url).status_code == 403


def test_detail_view_is_audited(owner, client_for, referral):
    client_for(owner).get(reverse("referrals:referral_detail", kwargs={"pk": referral.pk}))
    assert AuditEvent.objects.filter(action="cases.referral.view", object_id=str(referral.pk)).exists()


def test_letter_download_is_a_pdf_and_audited(owner, client_for, referral):
    response = client_for(owner).get(reverse("referrals:referral_letter", kwargs={"pk": referral.pk}))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content.startswith(b"%PDF-")
    assert AuditEvent.objects.filter(action="cases.referral.letter").count() == 1


# Stale save --------------------------------------------------------------------------------------------


def test_stale_save_is_refused_and_shows_the_other_change(owner, make_member, client_for, referral):
    url = reverse("referrals:referral_update", kwargs={"pk": referral.pk})
    version = referral.version
    lead_client = client_for(make_member(Role.TEAM_LEAD))
    first = lead_client.post(
        url, {"version": version, "status": ReferralStatus.PLANNED, "feedback": "Telefonat: Termin folgt.", "outcome": ""}
    )
    assert first.status_code == 302
    response = client_for(owner).post(
        url, {"version": version, "status": ReferralStatus.PLANNED, "feedback": "Meine eigene Notiz", "outcome": "x"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Telefonat: Termin folgt." in content  # the other person's change
    assert "Meine eigene Notiz" in content  # the user's own input is kept
    referral.refresh_from_db()
    assert referral.feedback == "Telefonat: Termin folgt." and referral.outcome == ""
    # The form now carries the current version: saving again after comparing goes through.
    assert f'value="{version + 1}"' in content


def test_invalid_update_keeps_input_and_changes_nothing(owner, client_for, referral):
    url = reverse("referrals:referral_update", kwargs={"pk": referral.pk})
    response = client_for(owner).post(
        url, {"version": referral.version, "status": "nonsense", "feedback": "Bleibt stehen", "due_date": "31.02.x"}
    )
    assert response.status_code == 200
    assert "Bleibt stehen" in response.content.decode()
    assert Referral.objects.get(pk=referral.pk).feedback == ""


# Send --------------------------------------------------------------------------------------------------


def test_send_view_sends_and_reports_the_link(settings, owner, client_for, referral, mailoutbox):
    settings.KIM_BASE_URL = "https://kim.oberhausen.example/"
    response = client_for(owner).post(reverse("referrals:referral_send", kwargs={"pk": referral.pk}), follow=True)
    assert response.status_code == 200
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT
    assert len(mailoutbox) == 1
    assert "https://kim.oberhausen.example/rueckmeldung/" in mailoutbox[0].body  # the configured address


def test_send_view_with_withdrawn_consent_shows_the_message_and_changes_nothing(
    owner, client_for, referral, consent, mailoutbox
):
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    response = client_for(owner).post(reverse("referrals:referral_send", kwargs={"pk": referral.pk}), follow=True)
    assert "Schuldnerberatung Mitte" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PLANNED
    assert mailoutbox == []


def test_send_needs_post(owner, client_for, referral):
    assert client_for(owner).get(reverse("referrals:referral_send", kwargs={"pk": referral.pk})).status_code == 405


# Public partner page -----------------------------------------------------------------------------------


def _answer_url(token):
    return reverse("referrals:partner_answer", kwargs={"token": token})


def test_partner_page_shows_only_the_referral_and_is_not_indexed(client, referral):
    token = issue_token(referral)
    response = client.get(_answer_url(token))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Schulden bei Mobilfunkanbieter klären." in content
    assert "Schuldnerberatung Mitte" in content
    assert "Amina H." in content
    for secret in ("Haddad", "Sara", "0208 123456", "amina.haddad@example.org", "1990"):
        assert secret not in content
    assert '<meta name="robots" content="noindex' in content
    assert response["Referrer-Policy"] == "strict-origin"
    assert "no-store" in response["Cache-Control"]
    # Looking does not use the link up.
    assert client.get(_answer_url(token)).status_code == 200


def test_partner_answers_once_then_the_link_is_dead(client, referral):
    token = issue_token(referral)
    response = client.post(
        _answer_url(token), {"status": ReferralStatus.ACCEPTED, "feedback": "Erstgespräch am Montag."}
    )
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "strict-origin"
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert "Erstgespräch am Montag." in referral.feedback
    assert AuditEvent.objects.filter(action="cases.referral.partner_answer", actor_label="system: partner-answer").count() == 1
    again = client.post(_answer_url(token), {"status": ReferralStatus.DECLINED, "feedback": "Doch nicht."})
    assert again.status_code == 410
    assert "Schulden" not in again.content.decode()
    assert client.get(_answer_url(token)).status_code == 410
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED and "Doch nicht." not in referral.feedback


def test_invalid_partner_answer_keeps_input_and_changes_nothing(client, referral):
    token = issue_token(referral)
    response = client.post(_answer_url(token), {"status": ReferralStatus.APPOINTMENT, "feedback": "Mein Text"})
    assert response.status_code == 200
    assert "Mein Text" in response.content.decode()
    referral.refresh_from_db()
    assert referral.answered_at is None and referral.status == ReferralStatus.SENT


def test_expired_link_answers_410_with_german_and_english(client, referral):
    token = issue_token(referral, days=14)
    with time_machine.travel(timezone.now() + dt.timedelta(days=15)):
        response = client.get(_answer_url(token), HTTP_ACCEPT_LANGUAGE="de")
        post = client.post(_answer_url(token), {"status": ReferralStatus.ACCEPTED})
    assert response.status_code == 410 and post.status_code == 410
    content = response.content.decode()
    assert "This link has expired." in content  # the English line (German comes from the catalogue)
    assert 'lang="en"' in content
    assert "Schulden" not in content and "Amina" not in content
    assert response["Referrer-Policy"] == "strict-origin"
    referral.refresh_from_db()
    assert referral.answered_at is None


def test_unknown_link_answers_404(client, db):
    response = client.get(_answer_url("abcdefghijklmnopqrstuvwxyz0123456789"))
    assert response.status_code == 404
    assert "This link is not valid." in response.content.decode()


# Case page sections ------------------------------------------------------------------------------------


def _render_sections(member, case):
    request = RequestFactory().get("/")
    request.actor = Actor(user=member.user, membership=member)
    request.user = member.user
    template = Template("{% load case_sections %}{% case_referrals case %}{% case_documents case %}")
    return template.render(Context({"request": request, "case": case}))


def test_case_sections_show_empty_states_and_how_to_begin(owner, case):
    html = _render_sections(owner, case)
    assert reverse("referrals:referral_create", kwargs={"case_pk": case.pk}) in html
    assert reverse("documents:document_upload", kwargs={"case_pk": case.pk}) in html
    assert html.count('class="empty"') == 2


def test_case_section_highlights_overdue_referrals(owner, case, partner, consent, make_member):
    make_referral(case, partner, consent, status=ReferralStatus.SENT, due_date=timezone.localdate() - dt.timedelta(days=1))
    html = _render_sections(owner, case)
    assert "<caption" in html and 'scope="col"' in html
    assert "is-overdue" in html
    # Someone outside the case sees nothing of it.
    outsider = _render_sections(make_member(Role.CASE_MANAGER), case)
    assert "Schuldnerberatung" not in outsider
