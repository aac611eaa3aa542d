"""Scope of client records, the search and the duplicate check."""

import pytest

from kim.accounts.models import Role
from kim.clients import selectors
from kim.clients.models import Client, Household
from tests.clients.factories import ClientFactory, add_name, make_case, make_household, share_case


def visible(actor):
    return set(Client.objects.for_actor(actor).values_list("pk", flat=True))


# Scope ---------------------------------------------------------------------------------------------------


def test_case_manager_sees_clients_of_own_cases(person, owner, actor_for):
    assert visible(actor_for(owner)) == {person.pk}


def test_case_manager_sees_closed_cases_too(person, owner, actor_for):
    person.cases.update(status="closed")
    assert person.pk in visible(actor_for(owner))


def test_colleague_does_not_see_the_client(person, colleague, actor_for):
    assert visible(actor_for(colleague)) == set()


def test_case_manager_sees_own_client_without_case_but_not_once_a_colleague_has_the_case(
    welfare, owner, colleague, actor_for
):
    client = ClientFactory(organisation=welfare, created_by=owner.user)
    assert visible(actor_for(owner)) == {client.pk}
    assert visible(actor_for(colleague)) == set()
    make_case(client, colleague.user)
    assert visible(actor_for(owner)) == set()
    assert visible(actor_for(colleague)) == {client.pk}


def test_team_lead_sees_every_client_of_the_organisation(person, welfare, lead, actor_for):
    without_case = ClientFactory(organisation=welfare)
    assert visible(actor_for(lead)) == {person.pk, without_case.pk}


def test_other_organisation_sees_nothing(person, stranger, make_member, other_welfare, actor_for):
    assert visible(actor_for(stranger)) == set()
    assert visible(actor_for(make_member(Role.TEAM_LEAD, organisation=other_welfare))) == set()


def test_authority_sees_only_shared_clients(person, owner, make_member, authority, actor_for):
    officer = actor_for(make_member(Role.AUTHORITY_STAFF))
    assert visible(officer) == set()
    share = share_case(person.cases.get(), authority, owner.user)
    assert visible(officer) == {person.pk}
    share.revoked_at = share.created_at
    share.save()
    assert visible(officer) == set()


def test_authority_does_not_see_clients_after_the_consent_expired(person, owner, make_member, authority, actor_for):
    share_case(person.cases.get(), authority, owner.user, valid=False)
    assert visible(actor_for(make_member(Role.AUTHORITY_STAFF))) == set()


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN_ASSISTANT, Role.SYSTEM_ADMIN])
def test_coordination_and_administrators_see_no_clients(person, make_member, welfare, role, actor_for):
    assert visible(actor_for(make_member(role))) == set()
    assert visible(actor_for(make_member(role, organisation=welfare))) == set()


def test_authority_reads_only_the_consented_categories(person, owner, make_member, authority, actor_for):
    officer = actor_for(make_member(Role.AUTHORITY_STAFF))
    share_case(person.cases.get(), authority, owner.user, categories=["residence"])
    assert selectors.client_data_categories(actor=officer, client=person) == {"residence"}
    assert "health" in selectors.client_data_categories(actor=actor_for(owner), client=person)


def test_households_are_seen_through_visible_members(person, owner, colleague, lead, stranger, actor_for):
    household = make_household(person)
    assert set(Household.objects.for_actor(actor_for(owner))) == {household}
    assert set(Household.objects.for_actor(actor_for(colleague))) == set()
    assert set(Household.objects.for_actor(actor_for(lead))) == {household}
    assert set(Household.objects.for_actor(actor_for(stranger))) == set()


# Search --------------------------------------------------------------------------------------------------


@pytest.fixture
def crowd(welfare, lead):
    """A few clients of the welfare organisation, visible to its team lead."""
    return {
        "oleksandr": ClientFactory(organisation=welfare, given_names="Oleksandr", family_name="Koval", birth_year=1979),
        "anna": ClientFactory(organisation=welfare, given_names="Anna", family_name="Schmidt", birth_year=1990),
        "mahmoud": ClientFactory(organisation=welfare, given_names="Mahmoud", family_name="Haddad", birth_year=1988),
    }


def _names(hits):
    return [hit.client.given_names for hit in hits]


@pytest.mark.parametrize("query", ["Muhammad", "mohamad al ahmad", "محمد", "Alahmad", "Moham"])
def test_search_finds_every_spelling(query, person, crowd, lead, actor_for):
    hits = selectors.client_search(actor=actor_for(lead), query=query)
    assert hits and hits[0].client == person and hits[0].matched_by == "name"


@pytest.mark.parametrize("query", ["Олександр", "Aleksandr Kowal", "Alexander"])
def test_search_finds_cyrillic_and_transliterations(query, crowd, lead, actor_for):
    hits = selectors.client_search(actor=actor_for(lead), query=query)
    assert _names(hits)[:1] == ["Oleksandr"]


def test_search_by_further_spelling(crowd, lead, actor_for):
    add_name(crowd["anna"], "Anna", "Kowalska", kind="birth_name")
    assert _names(selectors.client_search(actor=actor_for(lead), query="Kowalska"))[0] == "Anna"


def test_search_by_case_number_phone_and_year(person, crowd, lead, actor_for):
    actor = actor_for(lead)
    assert [h.client for h in selectors.client_search(actor=actor, query="2026-0042")] == [person]
    assert selectors.client_search(actor=actor, query="2026-0042")[0].matched_by == "case_number"
    for phone in ("+49 170 1234567", "0170/1234567", "1234567"):
        hits = selectors.client_search(actor=actor, query=phone)
        assert [h.client for h in hits] == [person] and hits[0].matched_by == "phone", phone
    assert {h.client.given_names for h in selectors.client_search(actor=actor, query="1988")} == {"Mohammed", "Mahmoud"}
    assert [h.client for h in selectors.client_search(actor=actor, query="Haddad 1988")] == [crowd["mahmoud"]]
    assert selectors.client_search(actor=actor, query="Haddad", birth_year=1990) == []


def test_search_stays_in_scope(person, crowd, colleague, stranger, actor_for):
    for member in (colleague, stranger):
        assert selectors.client_search(actor=actor_for(member), query="Mohammed") == []
        assert selectors.client_search(actor=actor_for(member), query="T-2026-0042") == []
        assert selectors.client_search(actor=actor_for(member), query="0170 1234567") == []


def test_search_ignores_unrelated_names(crowd, lead, actor_for):
    assert selectors.client_search(actor=actor_for(lead), query="Xaver Zimmermann") == []


def test_search_shows_only_visible_case_numbers(person, owner, colleague, lead, actor_for):
    make_case(person, colleague.user, number="T-2026-0099")
    hits = selectors.client_search(actor=actor_for(owner), query="Mohammed")
    assert [case.number for case in hits[0].client.cases.all()] == ["T-2026-0042"]


# Duplicates ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("given", ["Mohammed", "Muhammad", "Mohamad", "محمد"])
def test_duplicate_spellings_with_the_same_birth_year_match(given, person, owner, actor_for):
    matches, hidden = selectors.client_find_similar(actor_for(owner), given, "Al-Ahmad", 1988)
    assert [m.client for m in matches] == [person]
    assert matches[0].score >= 90
    assert hidden is False


def test_cyrillic_and_latin_spellings_match(welfare, lead, actor_for):
    client = ClientFactory(organisation=welfare, given_names="Олександр", family_name="Коваль", birth_year=1979)
    for given, family in [("Oleksandr", "Koval"), ("Aleksandr", "Kowal"), ("Олександр", "Коваль")]:
        matches, _hidden = selectors.client_find_similar(actor_for(lead), given, family, 1979)
        assert [m.client for m in matches] == [client], given


def test_arabic_script_matches_latin_record(person, owner, actor_for):
    matches, _hidden = selectors.client_find_similar(actor_for(owner), "محمد", "الأحمد", 1988)
    assert [m.client for m in matches] == [person]


def test_birth_year_lowers_or_excludes(person, owner, actor_for):
    actor = actor_for(owner)
    same = selectors.client_find_similar(actor, "Muhammad", "Al-Ahmad", 1988)[0][0].score
    near = selectors.client_find_similar(actor, "Muhammad", "Al-Ahmad", 1989)[0][0].score
    unknown = selectors.client_find_similar(actor, "Muhammad", "Al-Ahmad", None)[0][0].score
    assert same > unknown > near
    assert selectors.client_find_similar(actor, "Muhammad", "Al-Ahmad", 1970) == ([], False)


def test_different_person_does_not_match(person, owner, actor_for):
    assert selectors.client_find_similar(actor_for(owner), "Mahmoud", "Al-Ahmad", 1988) == ([], False)
    assert selectors.client_find_similar(actor_for(owner), "Anna", "Schmidt", 1988) == ([], False)


def test_match_in_another_organisation_is_only_a_hint(person, stranger, actor_for):
    matches, hidden = selectors.client_find_similar(actor_for(stranger), "Muhammad", "Alahmad", 1988)
    assert matches == [] and hidden is True


def test_match_of_a_colleague_is_only_a_hint(person, colleague, actor_for):
    matches, hidden = selectors.client_find_similar(actor_for(colleague), "Muhammad", "Alahmad", 1988)
    assert matches == [] and hidden is True


def test_similar_excludes_the_record_itself(person, owner, actor_for):
    assert selectors.client_find_similar(actor_for(owner), "Mohammed", "Al-Ahmad", 1988, exclude_pk=person.pk) == (
        [],
        False,
    )


def test_further_spellings_are_compared(welfare, lead, actor_for):
    client = ClientFactory(organisation=welfare, given_names="Anna", family_name="Schmidt", birth_year=1990)
    add_name(client, "Anna", "Kowalska", kind="birth_name")
    matches, _hidden = selectors.client_find_similar(actor_for(lead), "Anna", "Kovalska", 1990)
    assert [m.client for m in matches] == [client]
