"""Client pages: status codes per scope, input kept on errors, duplicate hint, stale save, audit."""

import pytest
from django.urls import reverse

from kim.accounts.models import Role
from kim.clients.models import Client, ClientName, Household
from kim.core.models import AuditEvent
from tests.clients.factories import ClientFactory, add_name, make_household

FORM = {
    "given_names": "Layla",
    "family_name": "Haddad",
    "birth_year": "1992",
    "birth_month": "",
    "birth_day": "",
    "gender": "female",
    "nationality_1": "SY",
    "language_1": "ar",
    "level_1": "native",
    "language_2": "de",
    "level_2": "A2",
    "city": "Oberhausen",
}


def detail(client):
    return reverse("clients:client_detail", kwargs={"pk": client.pk})


# Scope of the pages --------------------------------------------------------------------------------------


def test_owner_sees_the_page_and_it_is_audited(person, owner, client_for):
    response = client_for(owner).get(detail(person))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Al-Ahmad" in body and "محمد الأحمد" in body and "T-2026-0042" in body
    assert AuditEvent.objects.filter(action="clients.client.view", object_id=str(person.pk), actor=owner.user).exists()


def test_team_lead_sees_the_page(person, lead, client_for):
    assert client_for(lead).get(detail(person)).status_code == 200


@pytest.mark.parametrize("who", ["colleague", "stranger"])
def test_out_of_scope_answers_404(person, who, request, client_for):
    member = request.getfixturevalue(who)
    http = client_for(member)
    for name in ("client_detail", "client_update", "client_similar", "client_name_create", "household_create"):
        assert http.get(reverse(f"clients:{name}", kwargs={"pk": person.pk})).status_code == 404, name
    assert not AuditEvent.objects.filter(action="clients.client.view").exists()


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.SYSTEM_ADMIN])
def test_coordination_and_administrators_get_403(person, make_member, role, client_for):
    http = client_for(make_member(role))
    assert http.get(detail(person)).status_code == 403
    assert http.get(reverse("clients:client_list")).status_code == 403


def test_authority_reads_shared_record_without_edit_links(person, owner, make_member, authority, client_for):
    from tests.clients.factories import share_case

    officer = make_member(Role.AUTHORITY_STAFF)
    http = client_for(officer)
    assert http.get(detail(person)).status_code == 404
    share_case(person.cases.get(), authority, owner.user, categories=["residence"])
    response = http.get(detail(person))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("clients:client_update", kwargs={"pk": person.pk}) not in body
    assert "0170 1234567" not in body  # master data is not covered by this consent
    assert 'id="residence"' in body
    assert http.get(reverse("clients:client_update", kwargs={"pk": person.pk})).status_code == 403


def test_list_shows_only_own_clients(person, welfare, colleague, owner, client_for):
    ClientFactory(organisation=welfare, given_names="Fremd", family_name="Colleague", created_by=colleague.user)
    body = client_for(owner).get(reverse("clients:client_list")).content.decode()
    assert "Al-Ahmad" in body and "Colleague" not in body


# Create with duplicate check -----------------------------------------------------------------------------


def test_create_and_redirect(owner, client_for):
    response = client_for(owner).post(reverse("clients:client_create"), FORM)
    client = Client.objects.get()
    assert response.status_code == 302 and response.url == detail(client)
    assert client.languages == [{"code": "ar", "level": "native"}, {"code": "de", "level": "A2"}]
    assert client.nationalities == ["SY"]


def test_invalid_create_keeps_input_and_saves_nothing(owner, client_for):
    data = {**FORM, "birth_day": "31", "birth_month": "2", "postcode": "12", "level_3": "B1"}
    response = client_for(owner).post(reverse("clients:client_create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Layla"' in body and 'value="Haddad"' in body and 'value="12"' in body
    assert "error-summary" in body
    assert not Client.objects.exists()


def test_create_shows_visible_duplicate_and_needs_confirmation(person, owner, client_for):
    http = client_for(owner)
    data = {**FORM, "given_names": "Muhammad", "family_name": "Alahmad", "birth_year": "1988"}
    response = http.post(reverse("clients:client_create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert detail(person) in body and 'value="Muhammad"' in body
    assert 'name="confirmed_different_person"' in body
    assert Client.objects.count() == 1
    response = http.post(reverse("clients:client_create"), {**data, "confirmed_different_person": "on"})
    assert response.status_code == 302 and Client.objects.count() == 2


def test_duplicate_in_another_organisation_reveals_nothing(person, stranger, client_for):
    data = {**FORM, "given_names": "Mohamad", "family_name": "El Ahmad", "birth_year": "1988"}
    response = client_for(stranger).post(reverse("clients:client_create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "A similar person is known elsewhere – ask the coordination." in body
    for secret in ("Al-Ahmad", "T-2026-0042", "1988</", detail(person), f"/{person.pk}/", "Testverband"):
        assert secret not in body, secret
    assert "Similar records you may open" not in body
    assert Client.objects.count() == 1


# Edit with optimistic locking ----------------------------------------------------------------------------


def _edit_data(client, **changes):
    return {**FORM, "given_names": client.given_names, "family_name": client.family_name, "version": client.version, **changes}


def test_update_saves(person, owner, client_for):
    response = client_for(owner).post(
        reverse("clients:client_update", kwargs={"pk": person.pk}), _edit_data(person, phone="0208 55555")
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.phone == "0208 55555" and person.version == 2


def test_stale_save_is_refused_and_shows_the_other_change(person, owner, lead, client_for, actor_for):
    from kim.clients import services

    url = reverse("clients:client_update", kwargs={"pk": person.pk})
    form_of_owner = _edit_data(person, phone="0208 11111", messenger="Signal")
    services.client_update(
        actor=actor_for(lead), client=Client.objects.get(pk=person.pk), expected_version=1,
        given_names="Mohammed", family_name="Al-Ahmad", phone="0208 22222",
    )
    response = client_for(owner).post(url, form_of_owner)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Someone else has saved this record in the meantime" in body
    assert "0208 22222" in body and 'value="0208 11111"' in body  # theirs next to mine
    assert 'name="version" value="2"' in body
    person.refresh_from_db()
    assert person.phone == "0208 22222" and person.messenger == "" and person.version == 2
    # Saving again after seeing the difference is a deliberate decision.
    assert client_for(owner).post(url, {**form_of_owner, "version": 2}).status_code == 302
    person.refresh_from_db()
    assert person.phone == "0208 11111"


def test_invalid_update_keeps_input(person, owner, client_for):
    response = client_for(owner).post(
        reverse("clients:client_update", kwargs={"pk": person.pk}), _edit_data(person, email="no-mail", given_names="Neu")
    )
    assert response.status_code == 200
    assert 'value="no-mail"' in response.content.decode() and 'value="Neu"' in response.content.decode()
    person.refresh_from_db()
    assert person.given_names == "Mohammed" and person.version == 1


# Search and similar --------------------------------------------------------------------------------------


def test_search_page_audits_the_length_not_the_text(person, owner, client_for):
    response = client_for(owner).get(reverse("clients:client_search"), {"q": "Muhammad"})
    assert response.status_code == 200 and detail(person) in response.content.decode()
    event = AuditEvent.objects.get(action="clients.client.search")
    assert event.details["query_length"] == 8 and "Muhammad" not in str(event.details)


def test_search_page_without_query(owner, client_for):
    response = client_for(owner).get(reverse("clients:client_search"))
    assert response.status_code == 200 and not AuditEvent.objects.filter(action="clients.client.search").exists()


def test_similar_page(person, owner, welfare, client_for):
    twin = ClientFactory(organisation=welfare, given_names="Muhamad", family_name="Alahmad", birth_year=1988, created_by=owner.user)
    ClientFactory(organisation=welfare, given_names="Mohamed", family_name="Al Ahmad", birth_year=1988)  # not visible
    response = client_for(owner).get(reverse("clients:client_similar", kwargs={"pk": person.pk}))
    body = response.content.decode()
    assert response.status_code == 200 and detail(twin) in body
    assert "A similar person is known elsewhere" in body
    assert AuditEvent.objects.filter(action="clients.client.similar").exists()


# Names and households ------------------------------------------------------------------------------------


def test_name_pages(person, owner, client_for):
    http = client_for(owner)
    url = reverse("clients:client_name_create", kwargs={"pk": person.pk})
    response = http.post(url, {"kind": "spelling", "given_names": "", "family_name": ""})
    assert response.status_code == 200 and not ClientName.objects.exists()
    assert http.post(url, {"kind": "document", "given_names": "Mohamad", "family_name": "Alahmad"}).status_code == 302
    name = ClientName.objects.get()
    kwargs = {"pk": person.pk, "name_pk": name.pk}
    assert http.get(reverse("clients:client_name_update", kwargs=kwargs)).status_code == 200
    assert http.post(reverse("clients:client_name_update", kwargs=kwargs), {"kind": "previous", "given_names": "M", "family_name": "A"}).status_code == 302
    assert http.get(reverse("clients:client_name_delete", kwargs=kwargs)).status_code == 405
    assert http.post(reverse("clients:client_name_delete", kwargs=kwargs)).status_code == 302
    assert not ClientName.objects.exists()


def test_name_of_another_client_answers_404(person, owner, welfare, client_for):
    other = ClientFactory(organisation=welfare, created_by=owner.user)
    name = add_name(other, "X", "Y")
    url = reverse("clients:client_name_delete", kwargs={"pk": person.pk, "name_pk": name.pk})
    assert client_for(owner).post(url).status_code == 404
    assert ClientName.objects.filter(pk=name.pk).exists()


def test_household_pages(person, owner, welfare, client_for):
    http = client_for(owner)
    child = ClientFactory(organisation=welfare, given_names="Sara", family_name="Al-Ahmad", created_by=owner.user)
    response = http.post(reverse("clients:household_create", kwargs={"pk": person.pk}), {"name": ""})
    assert response.status_code == 200 and not Household.objects.exists()
    response = http.post(reverse("clients:household_create", kwargs={"pk": person.pk}), {"name": "Familie Al-Ahmad"})
    household = Household.objects.get()
    assert response.status_code == 302
    page = http.get(reverse("clients:household_detail", kwargs={"pk": household.pk}), {"q": "Sara"})
    assert page.status_code == 200 and f'name="client" value="{child.pk}"' in page.content.decode()
    add = reverse("clients:household_member_add", kwargs={"pk": household.pk})
    assert http.post(add, {"client": child.pk, "relation": "child"}).status_code == 302
    member = household.members.get(client=child)
    assert http.post(reverse("clients:household_member_update", kwargs={"pk": member.pk}), {"relation": "sibling"}).status_code == 302
    member.refresh_from_db()
    assert member.relation == "sibling"
    assert http.post(reverse("clients:household_member_remove", kwargs={"pk": member.pk})).status_code == 302
    assert http.post(reverse("clients:household_update", kwargs={"pk": household.pk}), {"name": "Haushalt A"}).status_code == 302
    assert http.post(reverse("clients:household_delete", kwargs={"pk": household.pk})).status_code == 302
    assert not Household.objects.exists()


def test_household_of_another_organisation_answers_404(person, stranger, client_for):
    household = make_household(person)
    http = client_for(stranger)
    assert http.get(reverse("clients:household_detail", kwargs={"pk": household.pk})).status_code == 404
    assert http.post(reverse("clients:household_delete", kwargs={"pk": household.pk})).status_code == 404
    assert Household.objects.exists()


def test_pages_render_in_arabic(person, owner, client_for):
    http = client_for(owner)
    http.cookies.load({"kim_language": "ar"})
    response = http.get(detail(person), HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200 and 'dir="rtl"' in response.content.decode()
