"""Services of the accounts app: validation, permissions, audit."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kim.accounts import selectors, services
from kim.accounts.models import District, Membership, Organisation, OrganisationKind, Role, User
from kim.core.models import AuditEvent
from tests.factories import DistrictAreaFactory, DistrictFactory, UserFactory


@pytest.fixture
def admin(make_member, actor_for):
    return actor_for(make_member(Role.SYSTEM_ADMIN))


def test_organisation_create_is_audited(admin):
    org = services.organisation_create(actor=admin, name="Diakoniewerk", kind=OrganisationKind.WELFARE_ORGANISATION)
    event = AuditEvent.objects.get(action="accounts.organisation.create")
    assert event.object_id == str(org.pk)
    assert event.actor == admin.user
    assert event.organisation_id == admin.organisation_id


def test_organisation_create_refuses_non_admins(make_member, actor_for):
    actor = actor_for(make_member(Role.COORDINATOR))
    with pytest.raises(PermissionDenied):
        services.organisation_create(actor=actor, name="X", kind=OrganisationKind.OTHER_OFFICE)
    assert not Organisation.objects.filter(name="X").exists()


def test_organisation_update_records_only_changes(admin, welfare):
    services.organisation_update(actor=admin, organisation=welfare, name="Neuer Name", kind=welfare.kind)
    event = AuditEvent.objects.get(action="accounts.organisation.update")
    assert event.details["changes"] == {"name": ["Testverband e.V.", "Neuer Name"]}


def test_organisation_update_validates_and_changes_nothing(admin, welfare):
    with pytest.raises(ValidationError):
        services.organisation_update(actor=admin, organisation=welfare, postcode="123")
    welfare.refresh_from_db()
    assert welfare.postcode == ""


def test_parse_district_areas_accepts_postcodes_and_streets():
    assert services.parse_district_areas("46045\n 46045  Mülheimer   Straße \n\n46045 mülheimer straße") == [
        ("46045", ""),
        ("46045", "Mülheimer Straße"),
    ]


def test_parse_district_areas_names_bad_lines():
    with pytest.raises(ValidationError) as error:
        services.parse_district_areas("46045\nMülheimer Straße\n4604 Kurz")
    text = " ".join(error.value.messages)
    assert "2" in text and "3" in text


def test_district_save_refuses_area_of_another_district(admin):
    first = DistrictFactory(name="Mitte")
    DistrictAreaFactory(district=first, postcode="46045", street="")
    with pytest.raises(ValidationError):
        services.district_save(
            actor=admin, district=None, name="Neu", number=99, description="", areas_text="46045"
        )
    assert not District.objects.filter(name="Neu").exists()


def test_district_for_address_prefers_street(admin):
    mitte = DistrictFactory(name="Mitte")
    ost = DistrictFactory(name="Ost")
    DistrictAreaFactory(district=mitte, postcode="46047", street="")
    DistrictAreaFactory(district=ost, postcode="46047", street="Mülheimer Straße")
    assert selectors.district_for_address(postcode="46047", street="Dorfstraße") == mitte
    assert selectors.district_for_address(postcode="46047", street="Mülheimer Str.") == ost
    assert selectors.district_for_address(postcode="46047", street="mülheimer strasse") == ost
    assert selectors.district_for_address(postcode="99999") is None


def test_user_create_with_membership(admin, welfare):
    user = services.user_create(
        actor=admin, email=" New@Example.ORG ", first_name="Ada", last_name="Lovelace",
        organisation=welfare, role=Role.CASE_MANAGER,
    )
    assert user.email == "new@example.org"
    assert not user.has_usable_password()
    assert Membership.objects.filter(user=user, organisation=welfare, role=Role.CASE_MANAGER).exists()
    assert hasattr(user, "staff_profile")


def test_user_create_refuses_duplicate_email(admin):
    UserFactory(email="taken@example.org")
    with pytest.raises(ValidationError) as error:
        services.user_create(actor=admin, email="TAKEN@example.org", first_name="A", last_name="B")
    assert "email" in error.value.message_dict
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


def test_user_cannot_deactivate_themself(admin):
    with pytest.raises(ValidationError):
        services.user_set_active(actor=admin, user=admin.user, active=False)


def test_last_system_admin_cannot_be_removed(admin):
    with pytest.raises(ValidationError):
        services.membership_end(actor=admin, membership=admin.membership)
    admin.membership.refresh_from_db()
    assert admin.membership.is_active


def test_membership_create_twice_is_refused(admin, welfare):
    user = UserFactory()
    services.membership_create(actor=admin, user=user, organisation=welfare, role=Role.TEAM_LEAD)
    with pytest.raises(ValidationError):
        services.membership_create(actor=admin, user=user, organisation=welfare, role=Role.TEAM_LEAD)


def test_ended_membership_no_longer_gives_access(admin, make_member, client_for):
    member = make_member(Role.CASE_MANAGER)
    services.membership_end(actor=admin, membership=member)
    client = client_for(member)
    assert client.get("/").status_code == 403


def test_staff_profile_update_own_only(make_member, actor_for, welfare):
    member = make_member(Role.CASE_MANAGER)
    colleague = make_member(Role.CASE_MANAGER)
    district = DistrictFactory()
    profile = selectors.staff_profile_for_user(member.user)
    services.staff_profile_update(
        actor=actor_for(member), profile=profile, languages=["ar", "tr", "ar"], districts=[district], max_caseload=40
    )
    profile.refresh_from_db()
    assert profile.languages == ["ar", "tr"]
    assert list(profile.districts.all()) == [district]
    with pytest.raises(PermissionDenied):
        services.staff_profile_update(actor=actor_for(colleague), profile=profile, max_caseload=10)


def test_staff_profile_update_refuses_unknown_language(make_member, actor_for):
    member = make_member(Role.CASE_MANAGER)
    profile = selectors.staff_profile_for_user(member.user)
    with pytest.raises(ValidationError):
        services.staff_profile_update(actor=actor_for(member), profile=profile, languages=["xx"])
    profile.refresh_from_db()
    assert profile.languages == []
