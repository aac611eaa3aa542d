"""Every URL × every role: the status code each one gets (see tests/access_matrix.py)."""

import pytest
from django.urls import reverse

from kim.accounts.models import Role
from tests.access_matrix import ALL_ROLES, BUILDERS, ENTRIES
from tests.factories import DistrictFactory, MembershipFactory, OrganisationFactory


@pytest.fixture
def world(db, make_member):
    other_org = OrganisationFactory(name="Organisation X e.V.")
    world = {
        "members": {role: make_member(role) for role in ALL_ROLES},
        "other_org": other_org,
        "district": DistrictFactory(),
        "target": MembershipFactory(organisation=other_org, role=Role.CASE_MANAGER),
    }
    for build in BUILDERS:
        build(world)
    return world


def _request(client, entry, world):
    url = reverse(entry.name, kwargs=entry.kwargs(world))
    return getattr(client, entry.method)(url, data=entry.data(world))


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_role_gets_expected_status(entry, role, world, client_for):
    client = client_for(world["members"][role])
    response = _request(client, entry, world)
    expected = entry.expected(role)
    assert response.status_code == expected, f"{entry.id} as {role}: {response.status_code}, expected {expected}"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_anonymous_is_sent_to_login(entry, world, client):
    response = _request(client, entry, world)
    assert response.status_code == entry.anonymous
    if entry.name == "core:home":  # visitors get the public portal (kim.portal.views.root_redirect)
        assert response.url == reverse("portal:home", kwargs={"lang": "de"})
    elif entry.anonymous == 302 and entry.name != "accounts:logout_everywhere":
        assert response.url.startswith(reverse("account_login"))


def test_every_named_url_of_our_apps_is_in_the_matrix():
    from django.urls import get_resolver

    names = set()
    for namespace, (_prefix, resolver) in get_resolver().namespace_dict.items():
        if namespace in ("admin",):
            continue
        names |= {f"{namespace}:{name}" for name in resolver.reverse_dict if isinstance(name, str)}
    covered = {entry.name for entry in ENTRIES}
    assert names - covered == set(), f"URLs without an access rule in tests/access_matrix.py: {names - covered}"


def test_member_without_membership_gets_403(db, client):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    assert client.get(reverse("core:home")).status_code == 403
