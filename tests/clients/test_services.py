"""Services of client records: validation, permission, audit, duplicates, optimistic locking, households."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kim.accounts.models import Role
from kim.clients import services
from kim.clients.models import Client, ClientSearchKey, Household, HouseholdMember, Relation
from kim.core.concurrency import StaleRecordError
from kim.core.models import AuditEvent
from tests.clients.factories import ClientFactory, add_name, make_household
from tests.factories import DistrictAreaFactory

BASE = {"given_names": "Layla", "family_name": "Haddad", "birth_year": 1992, "gender": "female"}


def test_create_records_the_client_in_the_actors_organisation(owner, actor_for, welfare):
    client = services.client_create(
        actor=actor_for(owner),
        **BASE,
        phone="+49 208 123456",
        nationalities=["sy", "XX"],
        languages=[{"code": "ar", "level": "native"}, {"code": "de", "level": "A2"}],
    )
    assert client.organisation == welfare and client.created_by == owner.user
    assert client.nationalities == ["SY", "XX"]
    assert client.phone_digits == "49208123456"
    assert ClientSearchKey.objects.filter(client=client, key="s:hd").exists()
    event = AuditEvent.objects.get(action="clients.client.create")
    assert event.object_id == str(client.pk) and event.actor == owner.user


def test_create_maps_the_address_to_a_district(owner, actor_for):
    area = DistrictAreaFactory(postcode="46045")
    client = services.client_create(actor=actor_for(owner), **BASE, postcode="46045", street="Marktstraße 1")
    assert client.district == area.district


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"birth_day": 31, "birth_month": 2, "birth_year": 1990}, "birth_day"),
        ({"birth_day": 3, "birth_month": None}, "birth_month"),
        ({"birth_year": 2999}, "birth_year"),
        ({"interpreter_needed": True, "interpreter_language": ""}, "interpreter_language"),
        ({"postcode": "123"}, "postcode"),
        ({"nationalities": ["QQ"]}, "nationalities"),
        ({"languages": [{"code": "xx", "level": ""}]}, "languages"),
        ({"given_names": ""}, "given_names"),
    ],
)
def test_create_validates_and_saves_nothing(owner, actor_for, fields, field):
    with pytest.raises(ValidationError) as error:
        services.client_create(actor=actor_for(owner), **{**BASE, **fields})
    assert field in error.value.message_dict
    assert not Client.objects.exists()
    assert not AuditEvent.objects.filter(action="clients.client.create").exists()


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.AUTHORITY_STAFF, Role.SYSTEM_ADMIN, Role.ADMIN_ASSISTANT])
def test_only_case_managers_and_team_leads_create(make_member, actor_for, role):
    with pytest.raises(PermissionDenied):
        services.client_create(actor=actor_for(make_member(role)), **BASE)
    assert not Client.objects.exists()


def test_create_refuses_a_possible_duplicate_until_confirmed(person, owner, actor_for):
    actor = actor_for(owner)
    data = {"given_names": "Muhammad", "family_name": "Alahmad", "birth_year": 1988}
    with pytest.raises(services.PossibleDuplicate) as duplicate:
        services.client_create(actor=actor, **data)
    assert [m.client for m in duplicate.value.matches] == [person]
    assert Client.objects.count() == 1
    client = services.client_create(actor=actor, confirmed_different_person=True, **data)
    assert Client.objects.count() == 2
    assert AuditEvent.objects.get(action="clients.client.create", object_id=str(client.pk)).details == {
        "confirmed_different_person": True
    }


def test_duplicate_elsewhere_is_reported_without_details(person, stranger, actor_for):
    with pytest.raises(services.PossibleDuplicate) as duplicate:
        services.client_create(actor=actor_for(stranger), given_names="Mohamad", family_name="El Ahmad", birth_year=1988)
    assert duplicate.value.matches == [] and duplicate.value.hidden_elsewhere is True


def test_update_saves_with_the_current_version(person, owner, actor_for):
    services.client_update(
        actor=actor_for(owner), client=person, expected_version=1, **{**BASE, "phone": "0208 999999"}
    )
    person.refresh_from_db()
    assert person.version == 2 and person.given_names == "Layla" and person.phone_digits == "49208999999"
    assert "p:lai" in set(ClientSearchKey.objects.filter(client=person).values_list("key", flat=True))
    event = AuditEvent.objects.get(action="clients.client.update")
    assert "given_names" in event.details["fields"] and "Layla" not in str(event.details)


def test_stale_update_is_refused_and_changes_nothing(person, owner, lead, actor_for):
    first = Client.objects.get(pk=person.pk)
    second = Client.objects.get(pk=person.pk)
    services.client_update(actor=actor_for(lead), client=first, expected_version=1, given_names="Muhammad", family_name="Al-Ahmad")
    with pytest.raises(StaleRecordError) as stale:
        services.client_update(actor=actor_for(owner), client=second, expected_version=1, given_names="Mohamed", family_name="Al-Ahmad")
    assert stale.value.current.given_names == "Muhammad"
    person.refresh_from_db()
    assert person.given_names == "Muhammad" and person.version == 2
    assert AuditEvent.objects.filter(action="clients.client.update").count() == 1


def test_update_out_of_scope_is_refused(person, colleague, stranger, actor_for):
    for member in (colleague, stranger):
        with pytest.raises(PermissionDenied):
            services.client_update(actor=actor_for(member), client=person, expected_version=1, **BASE)
    person.refresh_from_db()
    assert person.given_names == "Mohammed"


def test_further_names_are_indexed_and_audited(person, owner, actor_for):
    actor = actor_for(owner)
    name = services.client_name_create(actor=actor, client=person, kind="document", given_names="Mohamad", family_name="Alakhmad")
    assert "p:ala" in set(person.search_key_rows.values_list("key", flat=True))
    services.client_name_update(actor=actor, name=name, kind="document", given_names="Mohamad", family_name="Koval")
    assert "s:kl" in set(person.search_key_rows.values_list("key", flat=True))
    services.client_name_delete(actor=actor, name=name)
    assert "s:kl" not in set(person.search_key_rows.values_list("key", flat=True))
    assert list(AuditEvent.objects.filter(action__startswith="clients.name.").order_by("id").values_list("action", flat=True)) == [
        "clients.name.create",
        "clients.name.update",
        "clients.name.delete",
    ]


def test_further_name_needs_a_name(person, owner, actor_for):
    with pytest.raises(ValidationError):
        services.client_name_create(actor=actor_for(owner), client=person, kind="spelling", given_names=" ", family_name="")
    assert not person.other_names.exists()


def test_further_name_of_out_of_scope_client_is_refused(person, colleague, actor_for):
    name = add_name(person, "Muhammad", "Alahmad")
    with pytest.raises(PermissionDenied):
        services.client_name_delete(actor=actor_for(colleague), name=name)
    assert person.other_names.count() == 1


# Households ----------------------------------------------------------------------------------------------


def test_household_with_members_and_relations(person, owner, welfare, actor_for):
    actor = actor_for(owner)
    child = ClientFactory(organisation=welfare, created_by=owner.user, given_names="Sara", family_name="Al-Ahmad")
    household = services.household_create(actor=actor, client=person, name="Familie Al-Ahmad")
    assert household.members.get().relation == Relation.REFERENCE
    member = services.household_member_add(actor=actor, household=household, client=child, relation=Relation.CHILD)
    with pytest.raises(ValidationError):
        services.household_member_add(actor=actor, household=household, client=child, relation=Relation.CHILD)
    with pytest.raises(ValidationError):
        services.household_member_update(actor=actor, member=member, relation=Relation.REFERENCE)
    services.household_member_update(actor=actor, member=member, relation=Relation.SIBLING)
    member.refresh_from_db()
    assert member.relation == Relation.SIBLING
    assert services.household_member_remove(actor=actor, member=member) is True
    assert services.household_member_remove(actor=actor, member=household.members.get()) is False
    assert not Household.objects.exists()
    actions = list(AuditEvent.objects.filter(action__startswith="clients.household").order_by("id").values_list("action", flat=True))
    assert actions == [
        "clients.household.create",
        "clients.household_member.create",
        "clients.household_member.update",
        "clients.household_member.delete",
        "clients.household_member.delete",
        "clients.household.delete",
    ]


def test_household_refuses_clients_of_other_organisations(person, owner, lead, stranger, actor_for):
    household = make_household(person)
    foreign = ClientFactory(organisation=stranger.organisation, created_by=stranger.user)
    with pytest.raises(PermissionDenied):
        services.household_member_add(actor=actor_for(lead), household=household, client=foreign, relation=Relation.CHILD)
    with pytest.raises(PermissionDenied):
        services.household_update(actor=actor_for(stranger), household=household, name="X")
    assert HouseholdMember.objects.count() == 1


def test_household_delete_keeps_the_clients(person, owner, actor_for):
    household = make_household(person)
    services.household_delete(actor=actor_for(owner), household=household)
    assert not Household.objects.exists() and Client.objects.filter(pk=person.pk).exists()


def test_index_follows_names_saved_anywhere(welfare, lead, actor_for):
    """Clients created outside the services (request intake, seeds) are found too; deleting works."""
    from kim.clients import selectors
    from kim.clients.models import ClientName

    client = Client.objects.create(organisation=welfare, given_names="Олена", family_name="Бондаренко")
    assert [h.client for h in selectors.client_search(actor=actor_for(lead), query="Olena Bondarenko")] == [client]
    ClientName.objects.create(client=client, given_names="Elena", family_name="Kowalska")
    assert [h.client for h in selectors.client_search(actor=actor_for(lead), query="Kowalska")] == [client]
    ClientName.objects.filter(client=client).delete()
    assert selectors.client_search(actor=actor_for(lead), query="Kowalska") == []
    client.delete()
    assert not ClientSearchKey.objects.exists()
