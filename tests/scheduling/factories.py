"""Records the scheduling tests need: clients, cases, appointments, deadlines (made directly with the models)."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from kim.cases.models import Case, CaseStatus
from kim.clients.models import Client
from kim.residence.models import ResidenceStatus
from kim.scheduling.models import Appointment, Deadline

_numbers = itertools.count(1)

CLIENT_GIVEN = "Amal"
CLIENT_FAMILY = "Nachtigall-Testfrau"


def make_client(organisation, **fields) -> Client:
    fields.setdefault("given_names", CLIENT_GIVEN)
    fields.setdefault("family_name", CLIENT_FAMILY)
    return Client.objects.create(organisation=organisation, **fields)


def make_case(
    membership, *, client=None, number=None, status=CaseStatus.IMPLEMENTATION, opened_on=None
) -> Case:
    """A case of ``membership``'s organisation with its user as case manager."""
    return Case.objects.create(
        number=number or f"T-S-{next(_numbers):04d}",
        client=client or make_client(membership.organisation),
        organisation=membership.organisation,
        case_manager=membership.user,
        status=status,
        opened_on=opened_on or dt.date(2026, 1, 5),
    )


def make_appointment(membership, *, starts_at=None, minutes=60, case=None, **fields) -> Appointment:
    starts_at = starts_at or timezone.now() + dt.timedelta(days=1)
    fields.setdefault("title", "Beratung")
    return Appointment.objects.create(
        owner=membership.user,
        organisation=membership.organisation,
        case=case,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes),
        created_by=membership.user,
        **fields,
    )


def make_deadline(membership, *, due_on, case=None, **fields) -> Deadline:
    fields.setdefault("title", "Unterlagen nachreichen")
    return Deadline.objects.create(
        organisation=membership.organisation, responsible=membership.user, case=case, due_on=due_on, **fields
    )


def make_status(
    client, *, kind="aufenthaltserlaubnis", valid_from=dt.date(2025, 1, 1), valid_to=None, by
) -> ResidenceStatus:
    return ResidenceStatus.objects.create(
        client=client, kind=kind, valid_from=valid_from, valid_to=valid_to, recorded_by=by
    )
