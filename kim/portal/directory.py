"""The public staff directory and the responsibility finder (street or postcode → Sozialraum → people).

Reads only what staff chose to publish: profiles with ``is_published`` of active users, and of them only
name, job title, organisation, languages, districts, phone and e-mail – never anything from case work.
The result objects are plain dataclasses, so a template cannot reach further into the models.

Addresses are matched on a normalised key (case, ß/ss, umlauts, "Str."/"Straße", spaces and hyphens do not
matter). A street row of kim.accounts.DistrictArea wins over the row for its whole postcode. DistrictArea
has no house-number ranges, so a house number is accepted and shown but does not change the result.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch
from django.db.models.functions import Lower
from rapidfuzz import fuzz, process

from kim.accounts.models import District, DistrictArea, Membership, Role, StaffProfile
from kim.accounts.selectors import normalise_street
from kim.core.languages import autonym, is_rtl, language_name

MAX_SUGGESTIONS = 5
SUGGESTION_CUTOFF = 72

_POSTCODE = re.compile(r"(?<!\d)(\d{5})(?!\d)")
# A house number at the end: "12", "12a", "12 a", "12-14", "12/1"
_HOUSE_NUMBER = re.compile(r"(?:[\s,]+|(?<=\.))(\d{1,4}\s?[a-zA-Z]?(?:\s?[-–/]\s?\d{1,4}\s?[a-zA-Z]?)?)\s*$")
_CITY = re.compile(r"[\s,]*\b(oberhausen)(\s*\(rhld\.?\))?\s*$", re.IGNORECASE)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


_ENDING = re.compile(r"(stra?s{1,2}e|weg|platz|allee|ring|gasse|damm|ufer)$")


def _stem(key: str) -> str:
    """A street key without its generic ending ("marktstrasse" → "markt"), so endings do not make names alike."""
    stem = _ENDING.sub("", key)
    return stem if len(stem) >= 3 else key


def _similarity(query: str, candidate: str, *, score_cutoff=None, **_kwargs) -> float:
    """Edit similarity of two stems; a query of four or more letters that starts a candidate counts as close."""
    score = fuzz.ratio(query, candidate)
    if len(query) >= 4 and candidate.startswith(query):
        score = max(score, 90.0)
    return score


def street_key(street: str) -> str:
    """A comparison key for street names: "Mülheimer Str." and "muelheimerstrasse" give the same key."""
    key = normalise_street(street).translate(_UMLAUTS)
    key = re.sub(r"str(asse|\.)?\b", "strasse", key)
    return re.sub(r"[\s.\-'’]", "", key)


@dataclass(frozen=True)
class ParsedAddress:
    street: str = ""
    house_number: str = ""
    postcode: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.street or self.postcode)


def parse_address(street_text: str, postcode_text: str = "") -> ParsedAddress:
    """Split what a visitor typed: "Marktstraße 12, 46045 Oberhausen" → street, number, postcode."""
    text = " ".join((street_text or "").split())
    postcode = (postcode_text or "").strip()
    found = _POSTCODE.search(text)
    if found:
        if not postcode:
            postcode = found.group(1)
        text = (text[: found.start()] + " " + text[found.end() :]).strip(" ,")
    text = _CITY.sub("", text).strip(" ,")
    house_number = ""
    number = _HOUSE_NUMBER.search(" " + text)
    if number and len(text) > len(number.group(1)):
        house_number = re.sub(r"\s+", "", number.group(1))
        text = (" " + text)[: number.start()].strip(" ,")
    elif text.isdigit():
        text = ""
    return ParsedAddress(street=text, house_number=house_number, postcode=postcode)


# Published profiles ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicDistrict:
    pk: int
    number: int
    name: str


@dataclass(frozen=True)
class PublicProfile:
    """What the public site may show of a staff member who opted in."""

    pk: int
    name: str
    job_title: str
    organisations: tuple[str, ...]
    languages: tuple[str, ...]
    districts: tuple[PublicDistrict, ...]
    phone: str
    email: str
    is_case_manager: bool

    def speaks(self, code: str) -> bool:
        return code in self.languages

    @property
    def tel(self) -> str:
        return tel_uri(self.phone)


def tel_uri(phone: str) -> str:
    """The digits of a phone number for a ``tel:`` link ("0208 825-0" → "02088250")."""
    return re.sub(r"[^\d+]", "", phone or "")


def published_profiles() -> list[PublicProfile]:
    """Every published profile of an active user with an active membership, ordered by name."""
    memberships = Membership.objects.active().select_related("organisation").order_by("organisation__name")
    profiles = (
        StaffProfile.objects.published()
        .filter(Exists(Membership.objects.active().filter(user=OuterRef("user"))))
        .select_related("user")
        .prefetch_related(
            Prefetch("districts", queryset=District.objects.order_by("number")),
            Prefetch("user__memberships", queryset=memberships, to_attr="active_memberships"),
        )
        .order_by(Lower("user__last_name"), Lower("user__first_name"), "pk")
    )
    result = []
    for profile in profiles:
        user = profile.user
        organisations = tuple(dict.fromkeys(str(m.organisation.name) for m in user.active_memberships))
        result.append(
            PublicProfile(
                pk=profile.pk,
                name=user.get_full_name(),
                job_title=profile.job_title,
                organisations=organisations,
                languages=tuple(dict.fromkeys(str(code) for code in profile.languages or [])),
                districts=tuple(PublicDistrict(d.pk, d.number, d.name) for d in profile.districts.all()),
                phone=profile.phone,
                email=user.email,
                is_case_manager=any(m.role == Role.CASE_MANAGER for m in user.active_memberships),
            )
        )
    return result


def filter_profiles(
    profiles: list[PublicProfile], *, language: str = "", district_id: int | None = None
) -> list[PublicProfile]:
    return [
        p
        for p in profiles
        if (not language or p.speaks(language))
        and (district_id is None or any(d.pk == district_id for d in p.districts))
    ]


@dataclass(frozen=True)
class LanguageLabel:
    code: str
    autonym: str
    name: str  # in the visitor's language
    direction: str

    @property
    def label(self) -> str:
        return (
            self.autonym
            if self.autonym.casefold() == self.name.casefold()
            else f"{self.autonym} – {self.name}"
        )


def _capitalise(text: str) -> str:
    """Upper-case the first letter, except in Georgian (whose capitals are not used in running text)."""
    if not text or "\u10a0" <= text[0] <= "\u10ff":
        return text
    return text[:1].upper() + text[1:]


def language_label(code: str, locale: str) -> LanguageLabel:
    name = language_name(code, locale)
    return LanguageLabel(
        code, _capitalise(autonym(code)), _capitalise(name), "rtl" if is_rtl(code) else "ltr"
    )


def offered_languages(profiles: list[PublicProfile], locale: str) -> list[LanguageLabel]:
    """The languages published staff speak, German first, then by their name in the visitor's language."""
    codes = {code for p in profiles for code in p.languages}
    labels = [language_label(code, locale) for code in codes]
    return sorted(labels, key=lambda lab: (lab.code != "de", lab.name.casefold()))


# The finder ------------------------------------------------------------------------------------------------


class Outcome:
    EMPTY = "empty"
    FOUND = "found"
    CHOOSE_POSTCODE = "choose_postcode"  # the street lies in several postcodes with different districts
    STREET_NEEDED = "street_needed"  # the postcode is split and has no district as a whole
    UNKNOWN_STREET = "unknown_street"
    UNKNOWN_POSTCODE = "unknown_postcode"


@dataclass(frozen=True)
class Place:
    """A street (or a whole postcode when ``street`` is empty) and its district."""

    postcode: str
    street: str
    district: PublicDistrict


@dataclass
class FinderResult:
    outcome: str
    address: ParsedAddress
    district: PublicDistrict | None = None
    matched: Place | None = None  # the row that decided
    choices: list[Place] = field(default_factory=list)  # CHOOSE_POSTCODE / STREET_NEEDED
    suggestions: list[Place] = field(default_factory=list)  # streets like the unknown one
    nearby_postcodes: list[Place] = field(default_factory=list)  # for an unknown postcode
    split_streets: list[Place] = field(default_factory=list)  # streets of the postcode in other districts


@dataclass
class AreaIndex:
    """All DistrictArea rows, for one lookup (a few hundred rows even for a large city)."""

    whole: dict[str, Place]  # postcode → district of the whole postcode
    streets: dict[str, list[Place]]  # street key → places (one per postcode)
    by_postcode: dict[str, list[Place]]  # postcode → street places
    postcodes: list[str]

    @classmethod
    def load(cls) -> AreaIndex:
        districts = {d.pk: PublicDistrict(d.pk, d.number, d.name) for d in District.objects.all()}
        whole: dict[str, Place] = {}
        streets: dict[str, list[Place]] = defaultdict(list)
        by_postcode: dict[str, list[Place]] = defaultdict(list)
        for postcode, street, district_id in DistrictArea.objects.values_list(
            "postcode", "street", "district_id"
        ):
            place = Place(postcode, street, districts[district_id])
            if street:
                streets[street_key(street)].append(place)
                by_postcode[postcode].append(place)
            else:
                whole[postcode] = place
        postcodes = sorted(set(whole) | set(by_postcode))
        return cls(whole, dict(streets), dict(by_postcode), postcodes)

    def city_postcodes(self) -> list[Place]:
        """One line per postcode: its whole-postcode district, or its first street's for split-only ones."""
        return [self.whole.get(pc) or self.by_postcode[pc][0] for pc in self.postcodes]

    def similar_streets(self, street: str, postcode: str = "") -> list[Place]:
        """Known streets that look like ``street`` (typing errors, a missing or different ending, a prefix)."""
        key = street_key(street)
        if not key:
            return []
        stems = {k: _stem(k) for k in self.streets}
        matches = process.extract(
            _stem(key), stems, scorer=_similarity, limit=MAX_SUGGESTIONS * 2, score_cutoff=SUGGESTION_CUTOFF
        )
        places = []
        for _stem_value, _score, match_key in matches:
            candidates = self.streets[match_key]
            if postcode:
                candidates = sorted(candidates, key=lambda p: p.postcode != postcode)
            places.extend(candidates)
        return list(dict.fromkeys(places))[:MAX_SUGGESTIONS]

    def same_name(self, street: str) -> list[Place]:
        """The places of the one known street whose name is ``street`` plus an ending ("Helmholtz" →
        Helmholtzstraße); nothing if the visitor wrote an ending or several streets fit."""
        key = street_key(street)
        if _stem(key) != key:
            return []
        fitting = [k for k in self.streets if _stem(k) == key]
        return self.streets[fitting[0]] if len(fitting) == 1 else []

    def nearest_postcodes(self, postcode: str) -> list[Place]:
        if not postcode.isdigit():
            return []
        number = int(postcode)
        ranked = sorted(self.city_postcodes(), key=lambda p: (abs(int(p.postcode) - number), p.postcode))
        return ranked[:3]


def find(street_text: str = "", postcode_text: str = "", index: AreaIndex | None = None) -> FinderResult:
    """Resolve an address to its Sozialraum, or say why not and what the visitor can do instead."""
    address = parse_address(street_text, postcode_text)
    if address.is_empty:
        return FinderResult(Outcome.EMPTY, address)
    index = index or AreaIndex.load()
    postcode, street = address.postcode, address.street

    if postcode and postcode not in index.postcodes:
        return FinderResult(
            Outcome.UNKNOWN_POSTCODE,
            address,
            nearby_postcodes=index.nearest_postcodes(postcode),
            suggestions=index.similar_streets(street) if street else [],
        )

    if street:
        places = index.streets.get(street_key(street), []) or index.same_name(street)
        if postcode:
            exact = [p for p in places if p.postcode == postcode]
            if exact:
                return _found(index, address, exact[0])
            if postcode in index.whole:
                return _found(index, address, index.whole[postcode])
            return FinderResult(
                Outcome.UNKNOWN_STREET,
                address,
                choices=sorted(index.by_postcode.get(postcode, []), key=lambda p: p.street),
                suggestions=index.similar_streets(street, postcode),
            )
        if places:
            districts = {p.district for p in places}
            if len(districts) == 1:
                return _found(index, address, places[0])
            return FinderResult(
                Outcome.CHOOSE_POSTCODE, address, choices=sorted(places, key=lambda p: p.postcode)
            )
        return FinderResult(Outcome.UNKNOWN_STREET, address, suggestions=index.similar_streets(street))

    if postcode in index.whole:
        return _found(index, address, index.whole[postcode])
    return FinderResult(
        Outcome.STREET_NEEDED,
        address,
        choices=sorted(index.by_postcode.get(postcode, []), key=lambda p: p.street),
    )


def _found(index: AreaIndex, address: ParsedAddress, place: Place) -> FinderResult:
    split = []
    if not place.street:
        # A postcode answer: name the streets of the postcode that belong to another district.
        split = sorted(
            (p for p in index.by_postcode.get(place.postcode, []) if p.district != place.district),
            key=lambda p: p.street,
        )
    return FinderResult(Outcome.FOUND, address, district=place.district, matched=place, split_streets=split)


@dataclass
class Responsible:
    """The people for a found district, narrowed to a language if one was asked for."""

    team: list[PublicProfile]  # case managers of the district (in the language, if one was chosen)
    language_missing: bool = False  # nobody in the district speaks the language
    elsewhere: list[PublicProfile] = field(default_factory=list)  # case managers of other districts who do


def responsible_for(district: PublicDistrict, language: str = "", profiles=None) -> Responsible:
    profiles = [p for p in (profiles if profiles is not None else published_profiles()) if p.is_case_manager]
    team = filter_profiles(profiles, district_id=district.pk)
    if not language:
        return Responsible(team)
    speaking = [p for p in team if p.speaks(language)]
    if speaking:
        return Responsible(speaking)
    others = [p for p in profiles if p.speaks(language) and p not in team]
    return Responsible(team, language_missing=True, elsewhere=others)


@dataclass(frozen=True)
class ProfileCard:
    """A profile with its languages named for the visitor (what the templates get)."""

    profile: PublicProfile
    languages: tuple[LanguageLabel, ...]


def cards(profiles: list[PublicProfile], locale: str) -> list[ProfileCard]:
    return [ProfileCard(p, tuple(language_label(code, locale) for code in p.languages)) for p in profiles]
