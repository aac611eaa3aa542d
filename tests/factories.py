"""Test data factories for organisations, districts, users and memberships."""

import factory

from kim.accounts.models import (
    District,
    DistrictArea,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    StaffProfile,
    User,
)

PASSWORD = "correct-horse-battery-staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Wohlfahrtsverband {n} e.V.")
    kind = OrganisationKind.WELFARE_ORGANISATION
    provides_case_management = True


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Sozialraum {n}")
    number = factory.Sequence(lambda n: n + 100)


class DistrictAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DistrictArea

    district = factory.SubFactory(DistrictFactory)
    postcode = "46045"
    street = ""


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@staff.example")
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def profile(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            StaffProfile.objects.get_or_create(user=obj)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.CASE_MANAGER
