"""Fixtures and helpers of the pipeline tests (test_pipeline*.py, test_alerts.py, test_statistics.py).

Imported by those modules; holds no tests itself. Records are made directly with the models, so a test can
set up any state; the services under test are called by the tests themselves.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from kim.accounts.models import OrganisationKind, Role
from kim.clients.models import Consent, ConsentPurpose, DataCategory
from kim.core.scoping import Actor
from kim.residence.models import Candidate, CandidateSource, CandidateStageChange, ResidenceStatus
from tests.factories import OrganisationFactory


def today() -> dt.date:
    return timezone.localdate()


def actor(membership) -> Actor:
    return Actor(user=membership.user, membership=membership)


def share_consent(
    client, authority, recorded_by, categories=(DataCategory.MASTER_DATA, DataCategory.RESIDENCE), **extra
):
    values = {"valid_from": today() - dt.timedelta(days=30), "form_version": "2026-01"}
    values.update(extra)
    return Consent.objects.create(
        client=client,
        purpose=ConsentPurpose.SHARE_WITH_ORGANISATION,
        recipient=authority,
        data_categories=list(categories),
        recorded_by=recorded_by,
        **values,
    )


def make_candidate(
    person,
    authority,
    created_by,
    *,
    route="AUFENTHG_25B",
    stage="identified",
    since=None,
    source=CandidateSource.AUTHORITY,
    consent=None,
    responsible=None,
    history=(),
):
    """A candidate with its history: ``history`` is a list of (from, to, reached_on); without it one entry
    "identified" on ``since``."""
    since = since or today()
    candidate = Candidate.objects.create(
        person=person,
        authority=authority,
        route=route,
        source=source,
        consent=consent,
        stage=stage,
        stage_since=since,
        responsible=responsible,
        created_by=created_by,
        referred_by=created_by if source == CandidateSource.REFERRAL else None,
    )
    for from_stage, to_stage, day in history or [("", "identified", since)]:
        CandidateStageChange.objects.create(
            candidate=candidate, from_stage=from_stage, to_stage=to_stage, reached_on=day, by=created_by
        )
    return candidate


def status(client, user, kind, start, end=None, **extra):
    return ResidenceStatus.objects.create(
        client=client, kind=kind, valid_from=start, valid_to=end, recorded_by=user, **extra
    )


@pytest.fixture
def ebh(db):
    return OrganisationFactory(
        name="Einbürgerungsbehörde Testhausen",
        kind=OrganisationKind.NATURALISATION_AUTHORITY,
        provides_case_management=False,
    )


@pytest.fixture
def other_abh(db):
    return OrganisationFactory(
        name="Ausländerbehörde Nachbarstadt",
        kind=OrganisationKind.FOREIGNERS_AUTHORITY,
        provides_case_management=False,
    )


@pytest.fixture
def officer(make_member):
    """Authority staff of the foreigners' authority (the ``authority`` fixture)."""
    return make_member(Role.AUTHORITY_STAFF)


@pytest.fixture
def officer_colleague(make_member):
    return make_member(Role.AUTHORITY_STAFF)


@pytest.fixture
def other_officer(make_member, other_abh):
    return make_member(Role.AUTHORITY_STAFF, organisation=other_abh)


@pytest.fixture
def ebh_officer(make_member, ebh):
    return make_member(Role.AUTHORITY_STAFF, organisation=ebh)


@pytest.fixture
def consent(person, authority, owner):
    """The person's consent to share master data and residence status with the foreigners' authority."""
    return share_consent(person, authority, owner.user)


@pytest.fixture
def referred(person, authority, owner, consent):
    """``person`` referred to the foreigners' authority for § 25b under ``consent``."""
    return make_candidate(person, authority, owner.user, source=CandidateSource.REFERRAL, consent=consent)


@pytest.fixture
def own_person(authority, officer):
    """A person the foreigners' authority registered itself (its own record)."""
    from tests.clients.factories import ClientFactory

    return ClientFactory(
        organisation=authority,
        given_names="Samir",
        family_name="Nouri",
        birth_year=1991,
        birth_month=5,
        birth_day=12,
        created_by=officer.user,
    )


@pytest.fixture
def own(own_person, authority, officer):
    return make_candidate(own_person, authority, officer.user, responsible=officer.user)
