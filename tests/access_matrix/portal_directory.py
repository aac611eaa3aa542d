"""Access rules of the staff directory, the responsibility finder, the contact page and request form (public:
everyone, also anonymous visitors) and of the opening-hours back office (coordination only)."""

import datetime as dt

from kim.accounts.models import Role
from tests.access_matrix import ALL_ROLES, Entry

COORD = (Role.COORDINATOR, Role.ADMIN_ASSISTANT)


def build(world: dict) -> None:
    from kim.accounts.models import ContactPoint, OpeningExceptionReason, OpeningHoursException
    from kim.cases.models import Request
    from kim.portal.contact import reference_token

    organisation = world["members"][Role.COORDINATOR].organisation
    point = ContactPoint.objects.create(
        organisation=organisation,
        name="Zentrale Anlaufstelle",
        street="Mülheimer Straße 200",
        postcode="46045",
        is_central=True,
    )
    exception = OpeningHoursException.objects.create(
        contact_point=point,
        starts_on=dt.date(2030, 12, 24),
        ends_on=dt.date(2030, 12, 31),
        reason=OpeningExceptionReason.BETWEEN_HOLIDAYS,
    )
    public_request = Request.objects.create(
        reference="A-P-0001",
        channel="public_form",
        received_at=dt.datetime(2030, 1, 2, tzinfo=dt.UTC),
        name="Matrix",
        phone="0208 1",
    )
    world.update(
        contact_point=point, opening_exception=exception, public_reference=reference_token(public_request)
    )


def _public(name: str, **extra) -> Entry:
    return Entry(name, ALL_ROLES, kwargs=lambda w: {"lang": "de"}, anonymous=200, **extra)


ENTRIES = [
    _public("portal_directory:index"),
    _public("portal_directory:staff"),
    _public("portal_contact:index"),
    _public("portal_contact:form"),
    _public("portal_contact:thanks", data=lambda w: {"ref": w["public_reference"]}),
    Entry("portal_hours:overview", COORD),
    Entry("portal_hours:weekly_hours", COORD, kwargs=lambda w: {"point_pk": w["contact_point"].pk}),
    Entry("portal_hours:exception_create", COORD, kwargs=lambda w: {"point_pk": w["contact_point"].pk}),
    Entry("portal_hours:exception_update", COORD, kwargs=lambda w: {"pk": w["opening_exception"].pk}),
    Entry(
        "portal_hours:exception_delete",
        COORD,
        kwargs=lambda w: {"pk": w["opening_exception"].pk},
        method="post",
        ok=302,
    ),
]
