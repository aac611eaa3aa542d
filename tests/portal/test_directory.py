"""The responsibility finder and the published staff profiles (selectors, no HTTP)."""

import pytest

from kim.portal.directory import (
    Outcome,
    filter_profiles,
    find,
    parse_address,
    published_profiles,
    responsible_for,
    street_key,
)
from tests.portal import test_directory_world

town = test_directory_world.town  # the shared fixture

# Parsing -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("street", "postcode", "expected"),
    [
        ("Marktstraße 12", "", ("Marktstraße", "12", "")),
        ("Marktstraße 12a, 46045 Oberhausen", "", ("Marktstraße", "12a", "46045")),
        ("Mülheimer Str. 12 - 14", "", ("Mülheimer Str.", "12-14", "")),
        ("Marktstr.5", "", ("Marktstr.", "5", "")),
        ("46045", "", ("", "", "46045")),
        ("Straße des 17. Juni", "", ("Straße des 17. Juni", "", "")),
        ("Helmholtzstraße", " 46045 ", ("Helmholtzstraße", "", "46045")),
        ("", "", ("", "", "")),
    ],
)
def test_parse_address(street, postcode, expected):
    parsed = parse_address(street, postcode)
    assert (parsed.street, parsed.house_number, parsed.postcode) == expected


@pytest.mark.parametrize(
    "variant",
    [
        "Mülheimer Straße",
        "mülheimer strasse",
        "Mülheimer Str.",
        "Mülheimer Str",
        "Muelheimer Strasse",
        "Mülheimerstraße",
        "MÜLHEIMER-STRASSE",
    ],
)
def test_street_key_ignores_spelling_variants(variant):
    assert street_key(variant) == street_key("Mülheimer Straße")


# Finder --------------------------------------------------------------------------------------------------------


def test_postcode_gives_its_district_and_names_split_streets(town):
    result = find("", "46047")
    assert result.outcome == Outcome.FOUND
    assert result.district.name == "Alt-Oberhausen Ost"
    assert [(p.street, p.district.name) for p in result.split_streets] == [
        ("Lipperheidstraße", "Alt-Oberhausen Süd/Styrum")
    ]


def test_street_row_wins_over_its_postcode(town):
    result = find("Lipperheidstraße 3", "46047")
    assert result.outcome == Outcome.FOUND
    assert result.district.name == "Alt-Oberhausen Süd/Styrum"
    assert result.address.house_number == "3"


@pytest.mark.parametrize("typed", ["Marktstraße", "Marktstraße 12", "marktstr. 12a", "Marktstr.12"])
def test_street_without_postcode_with_and_without_house_number(town, typed):
    result = find(typed)
    assert result.outcome == Outcome.FOUND
    assert result.district.name == "Alt-Oberhausen Mitte"
    assert result.matched.street == "Marktstraße"


def test_street_name_without_ending_is_found_when_unique(town):
    result = find("Helmholtz")
    assert result.outcome == Outcome.FOUND and result.matched.street == "Helmholtzstraße"


def test_street_in_two_postcodes_of_different_districts_asks_for_the_postcode(town):
    result = find("Mülheimer Str. 100")
    assert result.outcome == Outcome.CHOOSE_POSTCODE
    assert [(p.postcode, p.district.name) for p in result.choices] == [
        ("46045", "Alt-Oberhausen Mitte"),
        ("46047", "Alt-Oberhausen Ost"),
    ]
    assert find("Mülheimer Straße 100", "46047").district.name == "Alt-Oberhausen Ost"
    assert find("Mülheimer Straße 100, 46045").district.name == "Alt-Oberhausen Mitte"


def test_unlisted_street_with_a_known_postcode_gets_the_postcode_district(town):
    result = find("Lothringer Straße 7", "46045")
    assert result.outcome == Outcome.FOUND
    assert result.district.name == "Alt-Oberhausen Mitte"
    assert result.matched.street == ""


def test_unknown_street_gets_suggestions(town):
    result = find("Markstrase 4")
    assert result.outcome == Outcome.UNKNOWN_STREET
    assert result.district is None
    assert [p.street for p in result.suggestions][0] == "Marktstraße"
    assert find("Dümptner Strasse").suggestions[0].street == "Dümptener Straße"


def test_unknown_street_without_anything_alike_has_no_suggestions(town):
    result = find("Xylophonweg")
    assert result.outcome == Outcome.UNKNOWN_STREET
    assert result.suggestions == []


def test_unknown_postcode_gets_the_nearest_city_postcodes(town):
    result = find("", "46050")
    assert result.outcome == Outcome.UNKNOWN_POSTCODE
    assert [p.postcode for p in result.nearby_postcodes] == ["46049", "46048", "46047"]


def test_postcode_without_a_district_of_its_own_needs_the_street(town):
    result = find("", "46048")
    assert result.outcome == Outcome.STREET_NEEDED
    assert [p.street for p in result.choices] == ["Nordstraße"]
    assert find("Nordstraße 1", "46048").district.name == "Alt-Oberhausen Ost"
    unknown = find("Südstraße", "46048")
    assert unknown.outcome == Outcome.UNKNOWN_STREET
    assert [p.street for p in unknown.choices] == ["Nordstraße"]


def test_nothing_entered_is_empty(town):
    assert find("  ", "").outcome == Outcome.EMPTY


# Profiles -----------------------------------------------------------------------------------------------------


def test_only_published_profiles_of_active_staff_with_an_active_membership(town):
    names = [p.name for p in published_profiles()]
    assert names == ["Layla Haddad", "Elena Petrova", "Thomas Schmitz", "Murat Yildiz"]
    for hidden in ("Verena Verborgen", "Gerd Gegangen", "Enno Ehemalig"):
        assert hidden not in names


def test_public_profile_carries_only_public_fields(town):
    layla = next(p for p in published_profiles() if p.name == "Layla Haddad")
    assert layla.organisations == ("Stadt Testhausen – Kommunales Integrationszentrum",)
    assert layla.languages == ("ar", "en")
    assert [d.name for d in layla.districts] == ["Alt-Oberhausen Mitte", "Alt-Oberhausen Süd/Styrum"]
    assert layla.phone == "0208 000001" and layla.tel == "0208000001"
    assert layla.email == "layla.haddad@staff.example"
    assert set(vars(layla)) == {
        "pk",
        "name",
        "job_title",
        "organisations",
        "languages",
        "districts",
        "phone",
        "email",
        "is_case_manager",
    }


def test_responsible_case_managers_of_a_district(town):
    sued = find("", "46049").district
    team = responsible_for(sued)
    assert [p.name for p in team.team] == ["Layla Haddad", "Murat Yildiz"]


def test_language_filter_narrows_the_team(town):
    sued = find("", "46049").district
    result = responsible_for(sued, "tr")
    assert [p.name for p in result.team] == ["Murat Yildiz"]
    assert not result.language_missing


def test_language_nobody_in_the_district_speaks_shows_the_team_and_speakers_elsewhere(town):
    mitte = find("Marktstraße").district
    result = responsible_for(mitte, "bg")
    assert result.language_missing
    assert [p.name for p in result.team] == ["Layla Haddad"]
    assert [p.name for p in result.elsewhere] == ["Elena Petrova"]


def test_team_leads_are_listed_but_not_responsible_for_a_district(town):
    profiles = published_profiles()
    assert "Thomas Schmitz" in [p.name for p in filter_profiles(profiles, language="en")]
    mitte = find("Marktstraße").district
    assert "Thomas Schmitz" not in [p.name for p in responsible_for(mitte, "en").team]
