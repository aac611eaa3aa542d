"""Consent services: validity boundaries, coverage by purpose/recipient/categories, messages, withdrawal."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from kim.accounts.models import OrganisationKind, Role
from kim.cases.models import Case, CaseShare
from kim.clients import consent_forms
from kim.clients.consent import (
    ConsentMissing,
    ConsentStatus,
    consent_find,
    consent_record,
    consent_require,
    consent_status,
    consent_withdraw,
)
from kim.clients.models import Consent, ConsentPurpose, DataCategory
from kim.core.models import AuditEvent
from tests.consent.factories import client_with_case, make_consent
from tests.factories import OrganisationFactory

SHARE = ConsentPurpose.SHARE_WITH_ORGANISATION
TODAY = dt.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def cm(make_member):
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def jobcenter(db):
    return OrganisationFactory(name="Jobcenter Oberhausen", kind=OrganisationKind.JOB_CENTRE)


@pytest.fixture
def person(cm):
    return client_with_case(cm)


# Validity on the day --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "covered"),
    [
        (dt.date(2026, 2, 28), False),  # the day before valid_from
        (dt.date(2026, 3, 1), True),  # valid_from
        (dt.date(2026, 6, 30), True),  # valid_until
        (dt.date(2026, 7, 1), False),  # the day after
    ],
)
def test_validity_boundaries(person, cm, jobcenter, day, covered):
    consent = make_consent(
        person, cm.user, recipient=jobcenter, valid_from=dt.date(2026, 3, 1), valid_until=dt.date(2026, 6, 30)
    )
    found = consent_find(client=person, purpose=SHARE, recipient=jobcenter, on=day)
    assert (found == consent) is covered
    if covered:
        assert consent_require(client=person, purpose=SHARE, recipient=jobcenter, on=day) == consent
    else:
        with pytest.raises(ConsentMissing):
            consent_require(client=person, purpose=SHARE, recipient=jobcenter, on=day)


@pytest.mark.parametrize(
    ("day", "covered"),
    [(dt.date(2026, 4, 9), True), (dt.date(2026, 4, 10), False), (dt.date(2026, 5, 1), False)],
)
def test_a_withdrawal_ends_validity_on_its_day(person, cm, jobcenter, day, covered):
    make_consent(
        person,
        cm.user,
        recipient=jobcenter,
        valid_from=dt.date(2026, 3, 1),
        withdrawn_on=dt.date(2026, 4, 10),
    )
    assert (consent_find(client=person, purpose=SHARE, recipient=jobcenter, on=day) is not None) is covered


def test_open_ended_consent_stays_valid(person, cm, jobcenter):
    consent = make_consent(person, cm.user, recipient=jobcenter, valid_from=dt.date(2026, 3, 1))
    assert (
        consent_require(client=person, purpose=SHARE, recipient=jobcenter, on=dt.date(2040, 1, 1)) == consent
    )


def test_status(person, cm, jobcenter):
    consent = make_consent(
        person, cm.user, recipient=jobcenter, valid_from=dt.date(2026, 3, 1), valid_until=dt.date(2026, 6, 30)
    )
    assert consent_status(consent, dt.date(2026, 2, 1)) == ConsentStatus.NOT_YET_VALID
    assert consent_status(consent, dt.date(2026, 3, 1)) == ConsentStatus.VALID
    assert consent_status(consent, dt.date(2026, 7, 1)) == ConsentStatus.EXPIRED
    consent.withdrawn_on = dt.date(2026, 4, 1)
    assert consent_status(consent, dt.date(2026, 4, 1)) == ConsentStatus.WITHDRAWN


# Coverage and the message ---------------------------------------------------------------------------------


def test_categories_must_all_be_named_and_the_message_names_the_missing_one(person, cm, jobcenter):
    consent = make_consent(person, cm.user, recipient=jobcenter, data_categories=["master_data", "residence"])
    assert (
        consent_require(client=person, purpose=SHARE, recipient=jobcenter, categories=["master_data"])
        == consent
    )
    assert (
        consent_require(
            client=person, purpose=SHARE, recipient=jobcenter, categories=["residence", "master_data"]
        )
        == consent
    )
    with pytest.raises(ConsentMissing) as caught:
        consent_require(
            client=person,
            purpose=SHARE,
            recipient=jobcenter,
            categories=[DataCategory.MASTER_DATA, DataCategory.HEALTH],
        )
    assert caught.value.messages == [
        "No valid consent: sharing with Jobcenter Oberhausen for health is missing."
    ]
    assert caught.value.missing_categories == ["health"]
    assert caught.value.recipient == jobcenter


def test_categories_of_two_consents_are_not_combined(person, cm, jobcenter):
    make_consent(person, cm.user, recipient=jobcenter, data_categories=["master_data"])
    make_consent(person, cm.user, recipient=jobcenter, data_categories=["health"])
    with pytest.raises(ConsentMissing):
        consent_require(
            client=person, purpose=SHARE, recipient=jobcenter, categories=["master_data", "health"]
        )


def test_recipient_must_match(person, cm, jobcenter, authority):
    make_consent(person, cm.user, recipient=authority)
    with pytest.raises(ConsentMissing) as caught:
        consent_require(client=person, purpose=SHARE, recipient=jobcenter, categories=["master_data"])
    assert str(caught.value.messages[0]) == (
        "No valid consent: sharing with Jobcenter Oberhausen for name, birth date, contact is missing."
    )
    assert consent_require(client=person, purpose=SHARE, recipient=authority.pk)  # a pk works too


def test_purpose_must_match(person, cm, jobcenter):
    make_consent(
        person, cm.user, purpose=ConsentPurpose.CASE_MANAGEMENT, data_categories=["master_data", "health"]
    )
    with pytest.raises(ConsentMissing) as caught:
        consent_require(client=person, purpose=ConsentPurpose.CONTACT_PHONE)
    assert caught.value.messages == ["No valid consent: contact by phone is missing."]
    with pytest.raises(ConsentMissing):
        consent_require(client=person, purpose=SHARE, recipient=jobcenter)
    assert consent_require(client=person, purpose=ConsentPurpose.CASE_MANAGEMENT, categories=["health"])


def test_another_clients_consent_does_not_count(person, cm, jobcenter):
    other = client_with_case(cm, given_names="Omar")
    make_consent(other, cm.user, recipient=jobcenter)
    with pytest.raises(ConsentMissing):
        consent_require(client=person, purpose=SHARE, recipient=jobcenter)


def test_message_says_when_the_consent_was_withdrawn(person, cm, jobcenter):
    make_consent(
        person,
        cm.user,
        recipient=jobcenter,
        valid_from=dt.date(2026, 3, 1),
        withdrawn_on=dt.date(2026, 4, 10),
    )
    with pytest.raises(ConsentMissing) as caught:
        consent_require(client=person, purpose=SHARE, recipient=jobcenter, categories=["residence"], on=TODAY)
    message = caught.value.messages[0]
    assert message.startswith(
        "No valid consent: sharing with Jobcenter Oberhausen for residence status is missing."
    )
    assert "withdrawn" in message and "04/10/2026" in message


def test_message_says_when_the_consent_expired_or_starts(person, cm, jobcenter):
    make_consent(
        person, cm.user, recipient=jobcenter, valid_from=dt.date(2026, 3, 1), valid_until=dt.date(2026, 3, 31)
    )
    with pytest.raises(ConsentMissing) as caught:
        consent_require(client=person, purpose=SHARE, recipient=jobcenter, on=TODAY)
    assert "expired on 03/31/2026" in caught.value.messages[0]
    with pytest.raises(ConsentMissing) as caught:
        consent_require(client=person, purpose=SHARE, recipient=jobcenter, on=dt.date(2026, 1, 1))
    assert "valid only from 03/01/2026" in caught.value.messages[0]


def test_consent_missing_is_a_validation_error_for_forms(person, jobcenter):
    with pytest.raises(ValidationError) as caught:
        consent_require(client=person, purpose=SHARE, recipient=jobcenter)
    assert caught.value.code == "consent_missing"


def test_malformed_requests_are_programming_errors(person, jobcenter):
    with pytest.raises(ValueError, match="recipient"):
        consent_require(client=person, purpose=SHARE)
    with pytest.raises(ValueError, match="categories"):
        consent_require(client=person, purpose=SHARE, recipient=jobcenter, categories=["shoe size"])
    with pytest.raises(ValueError, match="purpose"):
        consent_require(client=person, purpose="gossip")


# Recording --------------------------------------------------------------------------------------------------


def _record(actor, person, **overrides):
    values = {
        "purpose": SHARE,
        "recipient": None,
        "data_categories": ["residence", "master_data"],
        "valid_from": TODAY,
        "valid_until": None,
        "form_language": "ar",
    }
    values.update(overrides)
    return consent_record(actor=actor, client=person, **values)


def test_record_stores_the_current_form_version_and_audits(person, cm, jobcenter, actor_for):
    consent = _record(
        actor_for(cm), person, recipient=jobcenter, data_categories=["health", "master_data", "health"]
    )
    assert consent.form_version == consent_forms.CURRENT_VERSION
    assert consent.data_categories == ["master_data", "health"]  # ordered, without duplicates
    assert consent.recorded_by == cm.user
    event = AuditEvent.objects.get(action="clients.consent.record")
    assert event.object_id == str(consent.pk)
    assert event.details["data_categories"] == ["master_data", "health"]
    assert (
        consent_require(client=person, purpose=SHARE, recipient=jobcenter, categories=["health"], on=TODAY)
        == consent
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({}, "recipient"),  # sharing without recipient
        ({"recipient": "jobcenter", "data_categories": []}, "data_categories"),
        ({"purpose": ConsentPurpose.CASE_MANAGEMENT, "recipient": "jobcenter"}, "recipient"),
        ({"purpose": ConsentPurpose.CASE_MANAGEMENT, "data_categories": []}, "data_categories"),
        ({"recipient": "own"}, "recipient"),
        ({"recipient": "jobcenter", "data_categories": ["shoe size"]}, "data_categories"),
        ({"recipient": "jobcenter", "valid_until": TODAY - dt.timedelta(days=1)}, "valid_until"),
        ({"recipient": "jobcenter", "form_language": "xx"}, "form_language"),
        ({"purpose": "gossip"}, "purpose"),
    ],
)
def test_record_refuses_bad_input_and_stores_nothing(person, cm, jobcenter, actor_for, overrides, field):
    if overrides.get("recipient") == "jobcenter":
        overrides["recipient"] = jobcenter
    elif overrides.get("recipient") == "own":
        overrides["recipient"] = person.organisation
    with pytest.raises(ValidationError) as caught:
        _record(actor_for(cm), person, **overrides)
    assert field in caught.value.message_dict
    assert not Consent.objects.exists()
    assert not AuditEvent.objects.filter(action="clients.consent.record").exists()


def test_contact_consent_needs_no_categories(person, cm, actor_for):
    consent = _record(actor_for(cm), person, purpose=ConsentPurpose.CONTACT_MESSENGER, data_categories=[])
    assert consent.recipient is None
    assert consent_require(client=person, purpose=ConsentPurpose.CONTACT_MESSENGER, on=TODAY) == consent


def test_who_may_record(person, cm, make_member, other_welfare, actor_for, jobcenter):
    team_lead = make_member(Role.TEAM_LEAD)  # same organisation as the case manager
    assert _record(actor_for(team_lead), person, recipient=jobcenter)
    for member in (
        make_member(Role.CASE_MANAGER),  # colleague without a case of this client
        make_member(Role.CASE_MANAGER, organisation=other_welfare),
        make_member(Role.TEAM_LEAD, organisation=other_welfare),
        make_member(Role.COORDINATOR),
        make_member(Role.SYSTEM_ADMIN),
    ):
        with pytest.raises(PermissionDenied):
            _record(actor_for(member), person, recipient=jobcenter)
    assert Consent.objects.count() == 1


# Withdrawal -------------------------------------------------------------------------------------------------


def test_withdrawal_ends_sharing_at_once(person, cm, authority, make_member, actor_for):
    consent = make_consent(person, cm.user, recipient=authority)
    case = Case.objects.get(client=person)
    share = CaseShare.objects.create(case=case, organisation=authority, consent=consent, created_by=cm.user)
    officer = actor_for(make_member(Role.AUTHORITY_STAFF))
    assert Case.objects.for_actor(officer).filter(pk=case.pk).exists()

    today = timezone.localdate()
    consent = consent_withdraw(actor=actor_for(cm), consent=consent, on=today, note="per Telefon")
    share.refresh_from_db()
    assert share.revoked_at is not None
    assert consent.withdrawn_on == today and consent.withdrawal_note == "per Telefon"
    assert not Case.objects.for_actor(officer).filter(pk=case.pk).exists()
    with pytest.raises(ConsentMissing):
        consent_require(client=person, purpose=SHARE, recipient=authority)
    event = AuditEvent.objects.get(action="clients.consent.withdraw")
    assert event.details["revoked_case_shares"] == [{"case": case.pk, "organisation": authority.pk}]
    assert "per Telefon" not in str(event.details)  # the note's words stay out of the log


@pytest.mark.parametrize("offset", [1, 30])
def test_withdrawal_cannot_lie_in_the_future(person, cm, jobcenter, actor_for, offset):
    consent = make_consent(person, cm.user, recipient=jobcenter)
    with pytest.raises(ValidationError) as caught:
        consent_withdraw(
            actor=actor_for(cm), consent=consent, on=timezone.localdate() + dt.timedelta(days=offset)
        )
    assert "withdrawn_on" in caught.value.message_dict
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_withdrawal_cannot_precede_the_consent(person, cm, jobcenter, actor_for):
    consent = make_consent(
        person, cm.user, recipient=jobcenter, valid_from=timezone.localdate() - dt.timedelta(days=5)
    )
    with pytest.raises(ValidationError):
        consent_withdraw(actor=actor_for(cm), consent=consent, on=timezone.localdate() - dt.timedelta(days=6))
    consent_withdraw(actor=actor_for(cm), consent=consent, on=timezone.localdate() - dt.timedelta(days=5))


def test_withdrawal_only_once(person, cm, jobcenter, actor_for):
    consent = make_consent(person, cm.user, recipient=jobcenter)
    consent_withdraw(actor=actor_for(cm), consent=consent, on=timezone.localdate())
    with pytest.raises(ValidationError) as caught:
        consent_withdraw(actor=actor_for(cm), consent=consent, on=timezone.localdate())
    assert "already withdrawn" in caught.value.message_dict["withdrawn_on"][0]


def test_withdrawal_needs_scope(person, cm, jobcenter, make_member, other_welfare, actor_for):
    consent = make_consent(person, cm.user, recipient=jobcenter)
    with pytest.raises(PermissionDenied):
        consent_withdraw(
            actor=actor_for(make_member(Role.TEAM_LEAD, organisation=other_welfare)),
            consent=consent,
            on=timezone.localdate(),
        )
    consent.refresh_from_db()
    assert consent.withdrawn_on is None
