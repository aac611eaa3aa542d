"""Test world of the directory, finder, contact and opening-hours tests (a fixture module without tests of its
own; test modules import ``town``): a small Oberhausen with districts and split postcodes, case managers with
and without a published profile, and the central contact point with its hours."""

import datetime as dt

import pytest

from kim.accounts.models import ContactPoint, District, DistrictArea, OpeningHours, Role, StaffProfile
from tests.factories import MembershipFactory


def _profile(
    membership, *, languages, districts, published=True, phone="0208 000000", title="Case Managerin"
):
    profile = StaffProfile.objects.get(user=membership.user)
    profile.languages = languages
    profile.is_published = published
    profile.phone = phone
    profile.job_title = title
    profile.save()
    profile.districts.set(districts)
    return profile


@pytest.fixture
def town(db, city, welfare, other_welfare):
    mitte = District.objects.create(number=1, name="Alt-Oberhausen Mitte")
    sued = District.objects.create(number=2, name="Alt-Oberhausen Süd/Styrum")
    ost = District.objects.create(number=3, name="Alt-Oberhausen Ost")
    for district, areas in (
        (mitte, ["46045", "46045 Mülheimer Straße", "46045 Marktstraße", "46045 Helmholtzstraße"]),
        (sued, ["46049", "46047 Lipperheidstraße", "46049 Styrumer Straße"]),
        (ost, ["46047", "46047 Mülheimer Straße", "46047 Dümptener Straße", "46048 Nordstraße"]),
    ):
        for area in areas:
            postcode, _sep, street = area.partition(" ")
            DistrictArea.objects.create(district=district, postcode=postcode, street=street)

    def member(first, last, organisation, role=Role.CASE_MANAGER):
        return MembershipFactory(
            role=role,
            organisation=organisation,
            user__first_name=first,
            user__last_name=last,
            user__email=f"{first.lower()}.{last.lower()}@staff.example",
        )

    layla = member("Layla", "Haddad", city)
    murat = member("Murat", "Yildiz", welfare)
    elena = member("Elena", "Petrova", other_welfare)
    hidden = member("Verena", "Verborgen", welfare)
    gone = member("Gerd", "Gegangen", welfare)
    ended = member("Enno", "Ehemalig", welfare)
    lead = member("Thomas", "Schmitz", welfare, role=Role.TEAM_LEAD)
    _profile(layla, languages=["ar", "en"], districts=[mitte, sued], phone="0208 000001")
    _profile(murat, languages=["tr", "ku"], districts=[sued, ost], phone="0208 000003")
    _profile(elena, languages=["bg", "ru"], districts=[ost], phone="0208 000005")
    _profile(hidden, languages=["uk"], districts=[mitte], published=False, phone="0208 999999")
    _profile(gone, languages=["uk"], districts=[mitte], phone="0208 888888")
    gone.user.is_active = False
    gone.user.save()
    _profile(ended, languages=["fa"], districts=[mitte], phone="0208 777777")
    ended.is_active = False
    ended.save()
    _profile(lead, languages=["en"], districts=[], title="Fachbereichsleitung")

    point = ContactPoint.objects.create(
        organisation=city,
        name="KIM Case Management – zentrale Anlaufstelle",
        building="Renate-Weckwerth-Haus",
        street="Mülheimer Straße 200",
        postcode="46045",
        phone="0208 825-0",
        email="kim@oberhausen.example",
        is_central=True,
    )
    for weekday in range(4):
        OpeningHours.objects.create(
            contact_point=point, weekday=weekday, opens=dt.time(9), closes=dt.time(15)
        )
    OpeningHours.objects.create(contact_point=point, weekday=4, opens=dt.time(9), closes=dt.time(12))
    return {
        "districts": {"mitte": mitte, "sued": sued, "ost": ost},
        "members": {
            "layla": layla,
            "murat": murat,
            "elena": elena,
            "hidden": hidden,
            "gone": gone,
            "ended": ended,
            "lead": lead,
        },
        "point": point,
    }
