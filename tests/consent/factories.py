"""Test data for consents: a client with a case of a case manager, and consents (directly with the models)."""

import datetime as dt

from django.utils import timezone

from kim.cases.models import Case
from kim.clients import consent_forms
from kim.clients.models import Client, Consent, ConsentPurpose, DataCategory

_numbers = iter(range(1, 100000))


def client_with_case(membership, **client_fields) -> Client:
    """A client of ``membership``'s organisation with an open case managed by that member."""
    fields = {
        "given_names": "Amal",
        "family_name": "Haddad",
        "birth_year": 1988,
        "birth_month": 3,
        "birth_day": 14,
    }
    fields.update(client_fields)
    client = Client.objects.create(organisation=membership.organisation, created_by=membership.user, **fields)
    Case.objects.create(
        number=f"T-C-{next(_numbers):05d}",
        client=client,
        organisation=membership.organisation,
        case_manager=membership.user,
        opened_on=timezone.localdate(),
    )
    return client


def make_consent(client, recorded_by, **fields) -> Consent:
    values = {
        "purpose": ConsentPurpose.SHARE_WITH_ORGANISATION,
        "data_categories": [DataCategory.MASTER_DATA, DataCategory.RESIDENCE],
        "valid_from": timezone.localdate() - dt.timedelta(days=30),
        "form_version": consent_forms.CURRENT_VERSION,
        "form_language": "de",
    }
    values.update(fields)
    return Consent.objects.create(client=client, recorded_by=recorded_by, **values)
