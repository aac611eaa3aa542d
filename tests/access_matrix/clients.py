"""Access rules of the clients URLs (client records, names, households, residence timeline).

The world's client belongs to the case manager's organisation and has a case managed by that case manager,
so the case manager and the team lead get the pages; authority staff are allowed readers but the case is not
shared with them (404); coordination and administrators have no client pages (403).
"""

import datetime as dt

from kim.accounts.models import Role
from tests.access_matrix import Entry

READERS = (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF)
EDITORS = (Role.CASE_MANAGER, Role.TEAM_LEAD)
NOT_SHARED = {Role.AUTHORITY_STAFF: 404}


def _client(w):
    return {"pk": w["clients_client"].pk}


def _name(w):
    return {"pk": w["clients_client"].pk, "name_pk": w["clients_client_name"].pk}


def _status(w):
    return {"pk": w["clients_client"].pk, "status_pk": w["clients_residence_status"].pk}


ENTRIES: list = [
    Entry("clients:client_list", READERS),
    Entry("clients:client_search", READERS, data=lambda w: {"q": "Haddad"}),
    Entry("clients:client_create", EDITORS),
    Entry("clients:client_detail", READERS, kwargs=_client, overrides=NOT_SHARED),
    Entry("clients:client_update", EDITORS, kwargs=_client),
    Entry("clients:client_similar", EDITORS, kwargs=_client),
    Entry("clients:client_name_create", EDITORS, kwargs=_client),
    Entry("clients:client_name_update", EDITORS, kwargs=_name),
    Entry("clients:client_name_delete", EDITORS, kwargs=_name, method="post", ok=302, anonymous=302),
    Entry("clients:household_create", EDITORS, kwargs=_client),
    Entry("clients:household_detail", EDITORS, kwargs=lambda w: {"pk": w["clients_household"].pk}),
    Entry("clients:household_update", EDITORS, kwargs=lambda w: {"pk": w["clients_household"].pk}),
    Entry("clients:household_delete", EDITORS, kwargs=lambda w: {"pk": w["clients_household"].pk}, method="post", ok=302),
    Entry(
        "clients:household_member_add",
        EDITORS,
        kwargs=lambda w: {"pk": w["clients_household"].pk},
        method="post",
        ok=302,
        data=lambda w: {"client": w["clients_household_child"].pk, "relation": "child"},
    ),
    Entry(
        "clients:household_member_update",
        EDITORS,
        kwargs=lambda w: {"pk": w["clients_household_member"].pk},
        method="post",
        ok=302,
        data=lambda w: {"relation": "spouse"},
    ),
    Entry(
        "clients:household_member_remove",
        EDITORS,
        kwargs=lambda w: {"pk": w["clients_household_member"].pk},
        method="post",
        ok=302,
    ),
    Entry("clients:residence_create", EDITORS, kwargs=_client),
    Entry("clients:residence_update", EDITORS, kwargs=_status),
    Entry("clients:residence_delete", EDITORS, kwargs=_status, method="post", ok=302),
    Entry("clients:precheck_form", EDITORS, kwargs=_client),
    Entry(
        "clients:precheck_form",
        EDITORS,
        kwargs=_client,
        method="post",
        ok=302,
        data=lambda w: {"decision_date": "2026-11-24", "facts": "{}", "mode": "json"},
    ),
    Entry("clients:precheck_detail", EDITORS, kwargs=lambda w: {"run_pk": w["clients_precheck_run"].pk}),
    Entry("clients:precheck_pdf", EDITORS, kwargs=lambda w: {"run_pk": w["clients_precheck_run"].pk}),
]


def build(world: dict) -> None:
    """World keys prefixed ``clients_``: a client of the case manager's organisation with a case of that case manager, a further spelling,
    a household with a second member, a residence status and a saved pre-check run."""
    from kim.cases.models import Case
    from kim.clients.models import Client, ClientName, Household, HouseholdMember
    from kim.residence.models import PrecheckRun, ResidenceStatus
    from kim.residence.precheck import ENGINE_VERSION, evaluate

    member = world["members"][Role.CASE_MANAGER]
    organisation = member.organisation
    client = Client.objects.create(
        organisation=organisation, given_names="Layla", family_name="Haddad", birth_year=1990, created_by=member.user
    )
    Case.objects.create(
        number="T-0001", client=client, organisation=organisation, case_manager=member.user, opened_on=dt.date(2026, 1, 5)
    )
    spouse = Client.objects.create(
        organisation=organisation, given_names="Omar", family_name="Haddad", birth_year=1987, created_by=member.user
    )
    Case.objects.create(
        number="T-0002", client=spouse, organisation=organisation, case_manager=member.user, opened_on=dt.date(2026, 1, 5)
    )
    child = Client.objects.create(
        organisation=organisation, given_names="Sara", family_name="Haddad", birth_year=2015, created_by=member.user
    )
    world["clients_client"] = client
    world["clients_client_name"] = ClientName.objects.create(client=client, given_names="Leila", family_name="Hadad")
    household = Household.objects.create(organisation=organisation, name="Familie Haddad")
    HouseholdMember.objects.create(household=household, client=client, relation="reference")
    world["clients_household"] = household
    world["clients_household_member"] = HouseholdMember.objects.create(household=household, client=spouse, relation="spouse")
    world["clients_household_child"] = child
    world["clients_residence_status"] = ResidenceStatus.objects.create(
        client=client, kind="duldung", valid_from=dt.date(2024, 1, 1), valid_to=dt.date(2024, 6, 30), recorded_by=member.user
    )
    world["clients_precheck_run"] = PrecheckRun.objects.create(
        client=client,
        created_by=member.user,
        decision_date=dt.date(2026, 11, 24),
        engine_version=ENGINE_VERSION,
        facts={},
        result=evaluate({}, on=dt.date(2026, 11, 24)),
    )
