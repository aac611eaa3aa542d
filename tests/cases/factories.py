"""Factories for clients and cases (created directly with the models, as test data)."""

import factory
from django.utils import timezone

from kim.cases.models import Case, Request
from kim.clients.models import Client


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    given_names = factory.Faker("first_name")
    family_name = factory.Faker("last_name")
    birth_year = 1990


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    number = factory.Sequence(lambda n: f"T-{n:05d}")
    opened_on = factory.LazyFunction(timezone.localdate)


class RequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Request

    reference = factory.Sequence(lambda n: f"A-T-{n:05d}")
    channel = "phone"
    received_at = factory.LazyFunction(timezone.now)
    name = "Rana Test"
    phone = "0208 555"


def case_for(membership, **kwargs):
    client = kwargs.pop("client", None) or ClientFactory(organisation=membership.organisation, created_by=membership.user)
    return CaseFactory(client=client, organisation=membership.organisation, case_manager=membership.user, **kwargs)
