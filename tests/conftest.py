"""Shared fixtures: one organisation per kind of actor, and a logged-in client per role."""

import os

import pytest

os.environ.setdefault("KIM_TESTING", "1")

from kim.accounts.models import OrganisationKind, Role  # noqa: E402
from kim.core.scoping import Actor  # noqa: E402
from tests.factories import MembershipFactory, OrganisationFactory  # noqa: E402


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.KIM_REQUIRE_SECOND_FACTOR = False
    settings.KIM_DEMO = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AXES_ENABLED = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()  # rate limits of one test must not leak into the next


@pytest.fixture
def city(db):
    return OrganisationFactory(
        name="Stadt Testhausen – Kommunales Integrationszentrum", kind=OrganisationKind.INTEGRATION_CENTRE
    )


@pytest.fixture
def welfare(db):
    return OrganisationFactory(name="Testverband e.V.")


@pytest.fixture
def other_welfare(db):
    return OrganisationFactory(name="Anderer Verband e.V.")


@pytest.fixture
def authority(db):
    return OrganisationFactory(
        name="Ausländerbehörde Testhausen", kind=OrganisationKind.FOREIGNERS_AUTHORITY, provides_case_management=False
    )


ROLE_HOME = {
    Role.CASE_MANAGER: "welfare",
    Role.TEAM_LEAD: "welfare",
    Role.COORDINATOR: "city",
    Role.ADMIN_ASSISTANT: "city",
    Role.AUTHORITY_STAFF: "authority",
    Role.SYSTEM_ADMIN: "city",
}


@pytest.fixture
def make_member(request, db):
    """make_member(role, organisation=None) → Membership, with the role's usual organisation by default."""

    def make(role, organisation=None, **user_fields):
        if organisation is None:
            organisation = request.getfixturevalue(ROLE_HOME[role])
        user_kwargs = {f"user__{k}": v for k, v in user_fields.items()}
        return MembershipFactory(role=role, organisation=organisation, **user_kwargs)

    return make


@pytest.fixture
def actor_for():
    def make(membership):
        return Actor(user=membership.user, membership=membership)

    return make


@pytest.fixture
def client_for(client):
    """client_for(membership) → a test client logged in as that member."""

    def login(membership):
        client.force_login(membership.user, backend="allauth.account.auth_backends.AuthenticationBackend")
        return client

    return login
