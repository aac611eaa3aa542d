"""Factories for client records, names, households and cases (for scope tests)."""

import datetime as dt
import itertools

import factory

from kim.clients.models import Client, ClientName, Household, HouseholdMember, Relation
from kim.clients.services import reindex_client
from tests.factories import OrganisationFactory, UserFactory

_case_numbers = itertools.count(1)


class ClientFactory(factory.django.DjangoModelFactory):
    """A client whose search index is built, as the services build it."""

    class Meta:
        model = Client
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    given_names = factory.Sequence(lambda n: f"Vorname{n}")
    family_name = factory.Sequence(lambda n: f"Familie{n}")
    birth_year = 1990

    @factory.post_generation
    def index(obj, create, extracted, **kwargs):
        if create:
            reindex_client(obj)


def add_name(client, given_names="", family_name="", kind="spelling"):
    name = ClientName.objects.create(client=client, given_names=given_names, family_name=family_name, kind=kind)
    reindex_client(client)
    return name


def make_case(client, case_manager, organisation=None, number=None, **fields):
    """A case of ``client`` managed by ``case_manager`` (a User), created directly with the model."""
    from kim.cases.models import Case

    return Case.objects.create(
        number=number or f"T-{next(_case_numbers):04d}",
        client=client,
        organisation=organisation or client.organisation,
        case_manager=case_manager,
        opened_on=fields.pop("opened_on", dt.date(2026, 1, 5)),
        **fields,
    )


def share_case(case, organisation, recorded_by, categories=("master_data", "residence"), valid=True):
    """Share ``case`` with ``organisation`` under a consent naming ``categories``."""
    from kim.cases.models import CaseShare
    from kim.clients.models import Consent, ConsentPurpose

    today = dt.date.today()
    consent = Consent.objects.create(
        client=case.client,
        purpose=ConsentPurpose.SHARE_WITH_ORGANISATION,
        recipient=organisation,
        data_categories=list(categories),
        valid_from=today - dt.timedelta(days=10),
        valid_until=None if valid else today - dt.timedelta(days=1),
        form_version="1",
        recorded_by=recorded_by,
    )
    return CaseShare.objects.create(case=case, organisation=organisation, consent=consent, created_by=recorded_by)


def make_household(client, name="Familie Test", relation=Relation.REFERENCE):
    household = Household.objects.create(organisation=client.organisation, name=name)
    HouseholdMember.objects.create(household=household, client=client, relation=relation)
    return household


__all__ = ["ClientFactory", "UserFactory", "add_name", "make_case", "share_case", "make_household"]
