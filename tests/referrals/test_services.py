"""Referral services: consent enforcement, sending (link or platform share), partner answers, locking, letter."""

import datetime as dt
import io
import re

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kim.accounts.models import OrganisationKind, Role
from kim.cases import referrals
from kim.cases.models import Case, CaseShare, Contact, LifeDomain, Referral, ReferralStatus
from kim.clients.consent import ConsentMissing
from kim.clients.models import DataCategory
from kim.core.concurrency import StaleRecordError
from kim.core.models import AuditEvent
from tests.factories import OrganisationFactory
from tests.referrals.factories import issue_token, make_case, make_consent, make_referral

TOKEN_RE = re.compile(r"/rueckmeldung/([A-Za-z0-9_\-]+)/")


@pytest.fixture
def owner(make_member):
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def case(owner):
    return make_case(owner, number="2026-00042")


@pytest.fixture
def partner(db):
    """A partner that does not use the platform (no members)."""
    return OrganisationFactory(
        name="Migrationsberatung Nord", kind=OrganisationKind.OTHER_OFFICE, email="info@mbe-nord.example"
    )


@pytest.fixture
def consent(case, partner):
    return make_consent(case.client, partner, categories=(DataCategory.MASTER_DATA, DataCategory.HEALTH))


def _create(actor, case, partner, **overrides):
    values = {
        "to_organisation": partner,
        "to_service": "Beratung",
        "partner_email": "",
        "domain": LifeDomain.HEALTH,
        "reason": "Begleitung zur Anmeldung in der Hausarztpraxis.",
        "due_date": timezone.localdate() + dt.timedelta(days=14),
    }
    values.update(overrides)
    return referrals.referral_create(actor=actor, case=case, **values)


# Create ------------------------------------------------------------------------------------------------


def test_create_without_consent_is_refused_naming_what_is_missing(owner, actor_for, case, partner):
    with pytest.raises(ConsentMissing) as caught:
        _create(actor_for(owner), case, partner)
    message = " ".join(caught.value.messages)
    assert "Migrationsberatung Nord" in message
    assert Referral.objects.count() == 0


def test_create_with_consent_lacking_the_domain_category_names_the_category(owner, actor_for, case, partner):
    make_consent(case.client, partner, categories=(DataCategory.MASTER_DATA,))
    with pytest.raises(ConsentMissing) as caught:
        _create(actor_for(owner), case, partner, domain=LifeDomain.HEALTH)
    assert caught.value.missing_categories == [DataCategory.HEALTH]
    assert str(DataCategory.HEALTH.label) in " ".join(caught.value.messages)
    assert Referral.objects.count() == 0


@pytest.mark.parametrize(
    ("domain", "category"),
    [
        (LifeDomain.HEALTH, DataCategory.HEALTH),
        (LifeDomain.RESIDENCE, DataCategory.RESIDENCE),
        (LifeDomain.WORK, DataCategory.EDUCATION_WORK),
        (LifeDomain.INCOME, DataCategory.EDUCATION_WORK),
        (LifeDomain.EDUCATION, DataCategory.EDUCATION_WORK),
        (LifeDomain.HOUSING, DataCategory.HOUSING),
        (LifeDomain.FAMILY, DataCategory.FAMILY),
    ],
)
def test_domain_needs_its_data_category(domain, category):
    assert referrals.categories_for_domain(domain) == (DataCategory.MASTER_DATA, category)


def test_create_stores_the_consent_and_is_audited(owner, actor_for, case, partner, consent):
    referral = _create(actor_for(owner), case, partner)
    assert referral.status == ReferralStatus.PLANNED
    assert referral.consent == consent
    assert referral.partner_email == "info@mbe-nord.example"  # the organisation's address by default
    event = AuditEvent.objects.get(action="cases.referral.create")
    assert event.details["consent"] == consent.pk
    assert "Hausarzt" not in str(event.details)


def test_create_refuses_bad_input_with_field_messages(owner, actor_for, case, partner, consent):
    with pytest.raises(ValidationError) as caught:
        _create(actor_for(owner), case, partner, reason="  ", due_date=timezone.localdate() - dt.timedelta(days=1))
    assert set(caught.value.error_dict) == {"reason", "due_date"}
    assert Referral.objects.count() == 0


def test_colleague_who_is_not_the_case_manager_may_not_refer(make_member, actor_for, case, partner, consent):
    colleague = make_member(Role.CASE_MANAGER)
    with pytest.raises(PermissionDenied):
        _create(actor_for(colleague), case, partner)


def test_team_lead_may_refer(make_member, actor_for, case, partner, consent):
    lead = make_member(Role.TEAM_LEAD)
    assert _create(actor_for(lead), case, partner).created_by == lead.user


# Send --------------------------------------------------------------------------------------------------


def test_send_to_partner_without_platform_users_mails_letter_and_single_use_link(
    settings, owner, actor_for, case, partner, consent
):
    settings.KIM_BASE_URL = "https://kim.example"
    referral = _create(actor_for(owner), case, partner, partner_email="team@mbe-nord.example")
    before = timezone.now()
    result = referrals.referral_send(actor=actor_for(owner), referral=referral, base_url="https://evil.example/")
    referral.refresh_from_db()
    assert result.channel == "link"
    assert referral.status == ReferralStatus.SENT
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["team@mbe-nord.example"]
    assert message.reply_to == [owner.user.email]
    token = TOKEN_RE.search(message.body).group(1)
    assert "https://kim.example/rueckmeldung/" in message.body
    # Only the hash is stored, never the token.
    assert referral.answer_token_hash == referrals.hash_token(token)
    assert token not in referral.answer_token_hash
    assert Referral.objects.filter(answer_token_hash=token).count() == 0
    days = (referral.answer_token_expires_at - before).total_seconds() / 86400
    assert 13.99 < days < 14.01
    (name, content, mimetype), = message.attachments
    assert mimetype == "application/pdf" and content.startswith(b"%PDF-") and "2026-00042" in name
    assert not CaseShare.objects.exists()
    assert AuditEvent.objects.get(action="cases.referral.send").details["channel"] == "link"


def test_link_lifetime_comes_from_the_setting(settings, owner, actor_for, case, partner, consent):
    settings.KIM_REFERRAL_LINK_DAYS = 3
    referral = _create(actor_for(owner), case, partner)
    result = referrals.referral_send(actor=actor_for(owner), referral=referral)
    assert (result.expires_at - timezone.now()).days == 2  # 3 days minus the seconds since


def test_send_to_authority_with_platform_users_shares_the_case(owner, actor_for, make_member, authority, case):
    consent = make_consent(case.client, authority, categories=(DataCategory.MASTER_DATA, DataCategory.RESIDENCE))
    officer = make_member(Role.AUTHORITY_STAFF, organisation=authority)
    assert not Case.objects.for_actor(actor_for(officer)).exists()
    referral = _create(actor_for(owner), case, authority, domain=LifeDomain.RESIDENCE, partner_email="")
    result = referrals.referral_send(actor=actor_for(owner), referral=referral)
    referral.refresh_from_db()
    assert result.channel == "platform"
    assert referral.status == ReferralStatus.SENT
    assert referral.answer_token_hash == ""
    share = CaseShare.objects.get(case=case, organisation=authority)
    assert share.consent == consent
    assert list(Case.objects.for_actor(actor_for(officer))) == [case]
    assert list(referrals.referrals_in_scope(actor=actor_for(officer))) == [referral]
    assert AuditEvent.objects.filter(action="cases.case.share").exists()


def test_authority_staff_answer_on_the_platform_with_status_and_feedback_only(
    owner, actor_for, make_member, authority, case
):
    make_consent(case.client, authority, categories=(DataCategory.MASTER_DATA, DataCategory.RESIDENCE))
    officer = make_member(Role.AUTHORITY_STAFF, organisation=authority)
    referral = _create(actor_for(owner), case, authority, domain=LifeDomain.RESIDENCE)
    referrals.referral_send(actor=actor_for(owner), referral=referral)
    referral.refresh_from_db()
    referrals.referral_update(
        actor=actor_for(officer),
        referral=referral,
        expected_version=referral.version,
        status=ReferralStatus.APPOINTMENT,
        feedback="Termin am 12.",
        outcome="should be ignored",
        due_date=None,
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.APPOINTMENT
    assert referral.outcome == "" and referral.due_date is not None


def test_send_without_any_email_is_marked_sent_for_manual_handover(owner, actor_for, case, consent):
    partner = consent.recipient
    partner.email = ""
    partner.save()
    referral = _create(actor_for(owner), case, partner, partner_email="")
    result = referrals.referral_send(actor=actor_for(owner), referral=referral)
    assert result.channel == "manual"
    assert mail.outbox == []


def test_withdrawn_consent_stops_the_sending(owner, actor_for, case, partner, consent):
    referral = _create(actor_for(owner), case, partner)
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    with pytest.raises(ConsentMissing) as caught:
        referrals.referral_send(actor=actor_for(owner), referral=referral)
    assert "withdrawn" in " ".join(caught.value.messages).lower() or "widerrufen" in " ".join(caught.value.messages)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PLANNED
    assert referral.answer_token_hash == ""
    assert mail.outbox == []


def test_sending_again_replaces_the_link(owner, actor_for, case, partner, consent):
    referral = _create(actor_for(owner), case, partner)
    referrals.referral_send(actor=actor_for(owner), referral=referral)
    first = TOKEN_RE.search(mail.outbox[0].body).group(1)
    referral.refresh_from_db()
    referrals.referral_send(actor=actor_for(owner), referral=referral)
    second = TOKEN_RE.search(mail.outbox[1].body).group(1)
    assert first != second
    with pytest.raises(referrals.ReferralLinkError) as caught:
        referrals.referral_for_token(token=first)
    assert caught.value.status_code == 404
    assert referrals.referral_for_token(token=second).pk == referral.pk


def test_mail_failure_changes_nothing(owner, actor_for, case, partner, consent, monkeypatch):
    referral = _create(actor_for(owner), case, partner)

    def broken(self, *args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with pytest.raises(ValidationError):
        referrals.referral_send(actor=actor_for(owner), referral=referral)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.PLANNED and referral.answer_token_hash == ""


# Partner answer ---------------------------------------------------------------------------------------


def test_partner_answer_records_status_and_feedback_once(case, partner, consent):
    referral = make_referral(case, partner, consent)
    token = issue_token(referral)
    answered = referrals.referral_answer_by_partner(
        token=token, status=ReferralStatus.APPOINTMENT, feedback="Bitte Pass mitbringen.",
        appointment_date=timezone.localdate() + dt.timedelta(days=5),
    )
    assert answered.status == ReferralStatus.APPOINTMENT
    assert "Bitte Pass mitbringen." in answered.feedback
    assert answered.answered_at is not None
    assert answered.version == referral.version + 1
    event = AuditEvent.objects.get(action="cases.referral.partner_answer")
    assert event.actor is None and event.actor_label == "system: partner-answer"
    assert "Pass" not in str(event.details)
    with pytest.raises(referrals.ReferralLinkError) as caught:
        referrals.referral_answer_by_partner(token=token, status=ReferralStatus.DECLINED)
    assert caught.value.link_code == "used" and caught.value.status_code == 410
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.APPOINTMENT


def test_expired_link_is_refused(case, partner, consent):
    referral = make_referral(case, partner, consent)
    token = issue_token(referral, days=14)
    with (
        time_machine.travel(timezone.now() + dt.timedelta(days=14, minutes=1)),
        pytest.raises(referrals.ReferralLinkError) as caught,
    ):
        referrals.referral_answer_by_partner(token=token, status=ReferralStatus.ACCEPTED)
    assert caught.value.link_code == "expired" and caught.value.status_code == 410
    referral.refresh_from_db()
    assert referral.answered_at is None and referral.status == ReferralStatus.SENT


def test_unknown_link_is_refused(db):
    with pytest.raises(referrals.ReferralLinkError) as caught:
        referrals.referral_for_token(token="nothing-like-this")
    assert caught.value.status_code == 404


def test_link_of_a_withdrawn_consent_is_gone(case, partner, consent):
    token = issue_token(make_referral(case, partner, consent))
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    with pytest.raises(referrals.ReferralLinkError) as caught:
        referrals.referral_for_token(token=token)
    assert caught.value.status_code == 410


@pytest.mark.parametrize("status", [ReferralStatus.PLANNED, ReferralStatus.SENT, "nonsense"])
def test_partner_cannot_choose_other_statuses(case, partner, consent, status):
    token = issue_token(make_referral(case, partner, consent))
    with pytest.raises(ValidationError) as caught:
        referrals.referral_answer_by_partner(token=token, status=status)
    assert "status" in caught.value.error_dict
    assert Referral.objects.get().answered_at is None


def test_appointment_needs_its_date(case, partner, consent):
    token = issue_token(make_referral(case, partner, consent))
    with pytest.raises(ValidationError) as caught:
        referrals.referral_answer_by_partner(token=token, status=ReferralStatus.APPOINTMENT)
    assert "appointment_date" in caught.value.error_dict


# Update with optimistic locking ------------------------------------------------------------------------


def test_second_save_from_the_same_version_is_refused(owner, make_member, actor_for, case, partner, consent):
    lead = make_member(Role.TEAM_LEAD)
    referral = make_referral(case, partner, consent, status=ReferralStatus.SENT)
    version = referral.version
    referrals.referral_update(
        actor=actor_for(owner), referral=Referral.objects.get(pk=referral.pk), expected_version=version,
        status=ReferralStatus.ACCEPTED, feedback="Aufgenommen.", outcome="", due_date=referral.due_date,
    )
    with pytest.raises(StaleRecordError) as caught:
        referrals.referral_update(
            actor=actor_for(lead), referral=Referral.objects.get(pk=referral.pk), expected_version=version,
            status=ReferralStatus.DECLINED, feedback="Abgelehnt.", outcome="", due_date=referral.due_date,
        )
    assert caught.value.current.feedback == "Aufgenommen."
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED and referral.feedback == "Aufgenommen."


def test_update_cannot_skip_the_consent_check_of_sending(owner, actor_for, case, partner, consent):
    referral = make_referral(case, partner, consent)
    with pytest.raises(ValidationError):
        referrals.referral_update(
            actor=actor_for(owner), referral=referral, expected_version=referral.version,
            status=ReferralStatus.SENT, feedback="", outcome="", due_date=None,
        )


# Selectors ---------------------------------------------------------------------------------------------


def test_awaiting_feedback_lists_sent_referrals_due_within_a_week(owner, actor_for, case, partner, consent):
    today = timezone.localdate()
    due = make_referral(case, partner, consent, status=ReferralStatus.SENT, due_date=today + dt.timedelta(days=7))
    overdue = make_referral(case, partner, consent, status=ReferralStatus.ACCEPTED, due_date=today - dt.timedelta(days=2))
    make_referral(case, partner, consent, status=ReferralStatus.SENT, due_date=today + dt.timedelta(days=8))
    make_referral(case, partner, consent, status=ReferralStatus.COMPLETED, due_date=today)
    make_referral(case, partner, consent, status=ReferralStatus.PLANNED, due_date=today)
    assert list(referrals.referrals_awaiting_feedback(actor=actor_for(owner))) == [overdue, due]


def test_referrals_of_a_case_are_scoped(owner, make_member, actor_for, other_welfare, case, partner, consent):
    referral = make_referral(case, partner, consent)
    assert list(referrals.referrals_for_case(actor=actor_for(owner), case=case)) == [referral]
    assert list(referrals.referrals_for_case(actor=actor_for(make_member(Role.TEAM_LEAD)), case=case)) == [referral]
    for outsider in (
        make_member(Role.CASE_MANAGER),
        make_member(Role.CASE_MANAGER, organisation=other_welfare),
        make_member(Role.COORDINATOR),
        make_member(Role.SYSTEM_ADMIN),
    ):
        assert not referrals.referrals_for_case(actor=actor_for(outsider), case=case).exists()


# Letter ------------------------------------------------------------------------------------------------


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_letter_contains_case_number_client_and_reason_but_no_case_notes(owner, actor_for, case, partner, consent):
    Contact.objects.create(
        case=case, happened_on=timezone.localdate(), minutes=30, mode="office", note="<p>GEHEIME NOTIZ</p>",
        created_by=owner.user,
    )
    referral = make_referral(case, partner, consent, reason="Sprachkurs mit Kinderbetreuung")
    content = referrals.referral_letter_pdf(actor=actor_for(owner), referral=referral)
    text = _pdf_text(content)
    assert "2026-00042" in text
    assert f"V{referral.pk}" in text
    assert "Amina Sara Haddad" in text
    assert "14.03.1990" in text
    assert "Sprachkurs mit Kinderbetreuung" in text
    assert owner.user.email in text
    assert "GEHEIME NOTIZ" not in text
    assert AuditEvent.objects.filter(action="cases.referral.letter", object_id=str(referral.pk)).count() == 1


def test_letter_is_refused_outside_the_case_workers(make_member, actor_for, case, partner, consent):
    referral = make_referral(case, partner, consent)
    with pytest.raises(PermissionDenied):
        referrals.referral_letter_pdf(actor=actor_for(make_member(Role.CASE_MANAGER)), referral=referral)
