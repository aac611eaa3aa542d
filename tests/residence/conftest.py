"""Fixtures of the residence tests (the same members and client as in tests/clients)."""

import pytest

from kim.accounts.models import Role
from tests.clients.factories import ClientFactory, make_case


@pytest.fixture
def owner(make_member):
    """The case manager of the client's case."""
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def colleague(make_member):
    """Another case manager of the same organisation."""
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def lead(make_member):
    return make_member(Role.TEAM_LEAD)


@pytest.fixture
def stranger(make_member, other_welfare):
    """A case manager of another organisation."""
    return make_member(Role.CASE_MANAGER, organisation=other_welfare)


@pytest.fixture
def person(welfare, owner):
    """A client of the welfare organisation with a case managed by ``owner``."""
    client = ClientFactory(
        organisation=welfare,
        given_names="Mohammed",
        family_name="Al-Ahmad",
        name_original_script="محمد الأحمد",
        birth_year=1988,
        phone="0170 1234567",
        phone_digits="491701234567",
        created_by=owner.user,
    )
    make_case(client, owner.user, number="T-2026-0042")
    return client


@pytest.fixture(autouse=True)
def _english(settings):
    """These tests read the English message ids; German is checked by tests/core/test_i18n.py."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
