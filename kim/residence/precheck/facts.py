"""The fact model of RULES.md section 3: parsing and validation of the input JSON into frozen dataclasses.

Every fact is optional; ``None`` always means "unknown", never "no". An empty list of ``convictions`` means
"no convictions"; an empty ``status_history`` is treated like a missing one (a person always has some status).
Unknown keys, wrong types, impossible dates and unknown enum values raise :class:`FactError` naming the field
path (e.g. ``status_history[2].to``). Contradictory facts are reported by :func:`check_consistency`.

Extensions to RULES.md section 3 (optional; "the model is a floor, not a ceiling"):

* ``person.marital.married`` (bool) – married or registered partnership (an empty ``marital`` object is
  "unknown", not "unmarried").
* ``person.children[].serious_offence`` (bool) – child has an Ausweisungsinteresse under § 54 Abs. 2 Nr. 1–2 or
  a conviction under § 29 BtMG (§ 60d Abs. 1 Nr. 10 AufenthG).
* ``education.university_degree_in_de`` (bool) – German university degree (§ 19d Abs. 1 Nr. 1 lit. a AufenthG).
* ``employment.full_time_now`` (bool) – currently in full-time employment (§ 10 Abs. 1 S. 1 Nr. 3 lit. b StAG).
* ``employment.spouse_full_time_exception`` (bool) – the spouse meets § 10 Abs. 1 S. 1 Nr. 3 lit. b StAG.
* ``employment.employment_ban_60a_6`` (bool) – ban on employment under § 60a Abs. 6 AufenthG.
* ``livelihood.prognosis_secured`` (bool) – the authority expects the livelihood to be secured (§ 25b Abs. 1
  S. 2 Nr. 3 Alt. 2 AufenthG).
* ``livelihood.benefit_receipt_not_attributable`` (bool) – benefit receipt "nicht zu vertreten" (§ 10 Abs. 1
  S. 1 Nr. 3 StAG, old version and lit. a; § 40a StAG).
* ``training`` – {``kind``: qualified | assistenz_shortage | other, ``contract_signed``: bool, ``start_date``:
  date, ``started_during_asylum_procedure``: bool} for §§ 16g, 60c AufenthG.
* ``spouse_convictions`` – convictions of the spouse, same shape as ``convictions`` (§ 60d Abs. 1 Nr. 7).
* ``expulsion_order`` (bool) – Ausweisungsverfügung or Abschiebungsanordnung nach § 58a.
* ``removal_measures_imminent`` (bool) – konkrete Maßnahmen zur Aufenthaltsbeendigung (§§ 16g, 60c).
* ``integration_prognosis_positive`` (bool) – positive Integrationsprognose (§ 25a Abs. 1 S. 1 Nr. 4).
* ``illness_or_disability_prevents`` (bool) – a physical, mental or psychological illness or disability or
  age makes the language/knowledge/livelihood requirements impossible to meet (statutory waivers).
* ``gastarbeiter_or_vertragsarbeitnehmer`` (bool) – § 10 Abs. 1 S. 1 Nr. 3 lit. a, Abs. 4 S. 3 StAG.
* ``special_integration_achievements`` (bool) – besondere Integrationsleistungen (§ 10 Abs. 3 StAG old).
* ``family_links`` – [{``route``: route id, ``relation``: spouse | minor_child | adult_child_minor_at_entry |
  parent | minor_sibling, ``beneficiary_qualifies``: bool, ``lives_in_household``: bool}] for derived rights
  (§ 104c Abs. 2, § 25a Abs. 2, § 25b Abs. 4 AufenthG).
* ``stag_deception_finding`` (bool) – whether a finding under § 35a StAG exists (``false`` = none; the date
  field alone cannot express "none").
* ``options`` – the switches of RULES.md section 10 (see :mod:`.options`).

A missing ``person.application_dates.<route>`` means "application filed on the decision date" (the pre-check of a
new application); enter the date for applications that are already pending.

``status_history[].from`` and ``status`` are required within an entry; ``to: null`` means "still running".
Periods may touch (one ends on the day the next begins) but must not overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .dates import fmt, parse_iso_date

STATUSES = (
    "gestattung", "duldung_60a", "duldung_60b_ungeklaerte_identitaet", "duldung_60c", "duldung_60d",
    "aufenthaltserlaubnis", "niederlassungserlaubnis", "daueraufenthalt_eu", "fiktion_81_4", "none",
)
DULDUNG = frozenset({"duldung_60a", "duldung_60b_ungeklaerte_identitaet", "duldung_60c", "duldung_60d"})
ASYLUM_OUTCOMES = (
    "recognised_refugee", "asylberechtigt", "subsidiary", "rejected", "rejected_ou_30_1_3_7", "pending",
)
SANCTIONS = ("geldstrafe", "freiheitsstrafe", "jugendstrafe", "jgg_other")
TRAINING_KINDS = ("qualified", "assistenz_shortage", "other")
RELATIONS = ("spouse", "minor_child", "adult_child_minor_at_entry", "parent", "minor_sibling")
LEVELS = ("none", "A1", "A2", "B1", "B2", "C1", "C2")
LEVEL_INDEX = {name: i for i, name in enumerate(LEVELS)}
A1, A2, B1, B2, C1, C2 = 1, 2, 3, 4, 5, 6
ROUTE_IDS = (
    "AUFENTHG_104C", "AUFENTHG_25A", "AUFENTHG_25B", "AUFENTHG_60C", "AUFENTHG_60D", "AUFENTHG_16G",
    "AUFENTHG_19D", "AUFENTHG_9", "AUFENTHG_9A", "AUFENTHG_26_3", "AUFENTHG_26_4", "STAG_10", "STAG_9",
)


class FactError(ValueError):
    """Invalid input: ``field`` is the path in the fact model, ``message`` German, ``message_en`` English."""

    def __init__(self, field: str, message: str, message_en: str = "") -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.message_en = message_en or message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


# --------------------------------------------------------------------------------------------------
# dataclasses
#
# Frozen dataclasses without slots: the parser builds them with :func:`_build` (one dict update instead of one
# frozen ``__setattr__`` per field – a fifth of the cost); fields left out fall back to the class defaults.

@dataclass(frozen=True)
class Marital:
    spouse_id: str | None = None
    married_since: date | None = None
    spouse_is_german: bool | None = None
    married: bool | None = None

    @property
    def has_spouse(self) -> bool | None:
        """Married or in a registered partnership; None if unknown."""
        if self.married is not None:
            return self.married
        if self.spouse_id is not None or self.married_since is not None or self.spouse_is_german is not None:
            return True
        return None


@dataclass(frozen=True)
class Child:
    birth_date: date | None = None
    unmarried: bool | None = None
    lives_in_household: bool | None = None
    school_age: bool | None = None
    school_attendance_proven: bool | None = None
    german_citizen: bool | None = None
    serious_offence: bool | None = None


@dataclass(frozen=True)
class Person:
    birth_date: date | None = None
    evaluation_date: date | None = None
    application_dates: dict | None = None
    marital: Marital | None = None
    children: tuple[Child, ...] | None = None
    single_parent: bool | None = None


@dataclass(frozen=True)
class StatusPeriod:
    status: str
    start: date
    end: date | None
    title_basis: str | None
    title: tuple | None  # normalised title basis (paragraph, Abs., S., Nr., Alt.), see normalise_title
    index: int  # position in the input list, for field paths


@dataclass(frozen=True)
class Asylum:
    applied_on: date | None = None
    outcome: str | None = None
    outcome_date: date | None = None


@dataclass(frozen=True)
class Identity:
    clarified: bool | None = None
    passport_valid: bool | None = None
    reasonable_steps_taken: bool | None = None
    clarified_on: date | None = None


@dataclass(frozen=True)
class Deception:
    own_false_statements_or_identity_deception: bool | None = None
    repeated: bool | None = None
    currently_prevents_removal: bool | None = None
    by_parents_only: bool | None = None
    non_cooperation_only: bool | None = None


@dataclass(frozen=True)
class Language:
    oral: int | None = None
    written: int | None = None
    certificate: str | None = None


@dataclass(frozen=True)
class KnowledgeTest:
    leben_in_deutschland_passed: bool | None = None
    einbuergerungstest_passed: bool | None = None
    integrationskurs_completed: bool | None = None


@dataclass(frozen=True)
class Education:
    years_successful_school_in_de: float | None = None
    school_start_in_de: date | None = None
    recognised_degree_in_de: bool | None = None
    in_school_training_or_study: bool | None = None
    completed_qualified_vocational_training_in_de: date | None = None
    foreign_degree_recognised: bool | None = None
    university_degree_in_de: bool | None = None


@dataclass(frozen=True)
class Employment:
    svp_employed_since: date | None = None
    hours_per_week: float | None = None
    full_time_months_last_24: int | None = None
    qualified_employment_months: int | None = None
    job_offer_matching_qualification: bool | None = None
    full_time_now: bool | None = None
    spouse_full_time_exception: bool | None = None
    employment_ban_60a_6: bool | None = None


@dataclass(frozen=True)
class Livelihood:
    share_of_need_covered_by_employment_pct: float | None = None
    fully_secured_2_3: bool | None = None
    receives_sgb2_or_sgb12: bool | None = None
    receives_asylblg: bool | None = None
    receives_wohngeld: bool | None = None
    secured_by_employment_last_12_months: bool | None = None
    nachhaltig_secured: bool | None = None
    cares_for_relative: bool | None = None
    prognosis_secured: bool | None = None
    benefit_receipt_not_attributable: bool | None = None


@dataclass(frozen=True)
class Conviction:
    date: date | None = None
    court_country: str | None = None
    intentional: bool | None = None
    sanction_type: str | None = None
    tagessaetze: int | None = None
    months: float | None = None
    suspended: bool | None = None
    remitted_after_probation: bool | None = None
    auslaenderspezifisch: bool | None = None
    hate_motive_found_in_judgment: bool | None = None
    gesamtstrafe_group: str | None = None
    tilgungsreif: bool | None = None


@dataclass(frozen=True)
class Ausweisungsinteresse:
    p54_1: bool | None = None
    p54_2_nr1_2: bool | None = None
    other: bool | None = None


@dataclass(frozen=True)
class StayAbroad:
    start: date
    end: date


@dataclass(frozen=True)
class Training:
    kind: str | None = None
    contract_signed: bool | None = None
    start_date: date | None = None
    started_during_asylum_procedure: bool | None = None


@dataclass(frozen=True)
class FamilyLink:
    route: str
    relation: str
    beneficiary_qualifies: bool | None = None
    lives_in_household: bool | None = None


@dataclass(frozen=True)
class Facts:
    person: Person = Person()
    status_history: tuple[StatusPeriod, ...] | None = None  # sorted by start
    entry_date: date | None = None
    asylum: Asylum | None = None
    identity: Identity | None = None
    deception: Deception | None = None
    fdgo_commitment_signed: bool | None = None
    indications_against_fdgo: bool | None = None
    historic_responsibility_declaration_signed: bool | None = None
    language: Language | None = None
    knowledge_test: KnowledgeTest | None = None
    education: Education | None = None
    employment: Employment | None = None
    livelihood: Livelihood | None = None
    pension_contribution_months: int | None = None
    housing_sufficient: bool | None = None
    convictions: tuple[Conviction, ...] | None = None
    pending_criminal_investigation: bool | None = None
    ausweisungsinteresse: Ausweisungsinteresse | None = None
    extremism_links: bool | None = None
    integrationskurs_obligation_unfulfilled_culpably: bool | None = None
    bamf_revocation_notice_73b: bool | None = None
    stays_abroad: tuple[StayAbroad, ...] | None = None
    stag_deception_finding_date: date | None = None
    stag_deception_finding: bool | None = None
    training: Training | None = None
    spouse_convictions: tuple[Conviction, ...] | None = None
    expulsion_order: bool | None = None
    removal_measures_imminent: bool | None = None
    integration_prognosis_positive: bool | None = None
    illness_or_disability_prevents: bool | None = None
    gastarbeiter_or_vertragsarbeitnehmer: bool | None = None
    special_integration_achievements: bool | None = None
    family_links: tuple[FamilyLink, ...] | None = None
    options: dict | None = None


# --------------------------------------------------------------------------------------------------
# title basis ("§ 25 Abs. 2 S. 1 Alt. 1") normalisation

_TITLE_WORDS = {"abs": 1, "absatz": 1, "s": 2, "satz": 2, "nr": 3, "nummer": 3, "alt": 4, "alternative": 4}
_TITLE_DROP = {"aufenthg", "aufenthaltsgesetz", "i", "v", "m", "iv", "ivm"}


@lru_cache(maxsize=4096)
def normalise_title(text: str) -> tuple | None:
    """(paragraph, Abs., S., Nr., Alt.) from a free-text title basis, e.g. ("25", "2", "1", None, "1").

    Returns None when the text does not start with a paragraph number (e.g. "Blaue Karte EU"); the engine
    then treats the basis as unknown. Cached: title bases repeat across persons and must not cost time.
    """
    cleaned = "".join(ch if ch.isalnum() else " " for ch in text.lower())
    tokens = [t for t in cleaned.split() if t not in _TITLE_DROP]
    if not tokens or not tokens[0][:1].isdigit():
        return None
    para = tokens[0]
    if not (para.isdigit() or (para[:-1].isdigit() and para[-1].isalpha())):
        return None
    parts: list[str | None] = [para, None, None, None, None]
    i = 1
    while i < len(tokens) - 1:
        slot = _TITLE_WORDS.get(tokens[i])
        if slot is not None and parts[slot] is None:
            parts[slot] = tokens[i + 1]
            i += 2
        else:
            i += 1
    return tuple(parts)


# --------------------------------------------------------------------------------------------------
# primitive parsers (each takes the raw value and its field path; None is handled by the caller)

def _err(path: str, de: str, en: str) -> FactError:
    return FactError(path, de, en)


_DATES: dict[str, date] = {}  # parsed date strings; dates repeat across persons (bounded, see p_date)


def p_date(v: object, path: str) -> date:
    d = parse_iso_date(v)
    if d is None:
        raise _err(path, "kein gültiges Datum (erwartet JJJJ-MM-TT)", "not a valid date (expected YYYY-MM-DD)")
    if len(_DATES) > 100_000:
        _DATES.clear()
    _DATES[v] = d
    return d


def p_bool(v: object, path: str) -> bool:
    if v is True or v is False:
        return v
    raise _err(path, "muss true oder false sein", "must be true or false")


def p_number(v: object, path: str) -> float:
    if type(v) is int:
        if v < 0:
            raise _err(path, "darf nicht negativ sein", "must not be negative")
        return v
    if type(v) is float:
        if not math.isfinite(v):
            raise _err(path, "muss eine endliche Zahl sein", "must be a finite number")
        if v < 0:
            raise _err(path, "darf nicht negativ sein", "must not be negative")
        return v
    raise _err(path, "muss eine Zahl sein", "must be a number")


def p_int(v: object, path: str) -> int:
    if type(v) is float and math.isfinite(v) and v == int(v):
        v = int(v)
    if type(v) is not int:
        raise _err(path, "muss eine ganze Zahl sein", "must be an integer")
    if v < 0:
        raise _err(path, "darf nicht negativ sein", "must not be negative")
    return v


def p_pct(v: object, path: str) -> float:
    n = p_number(v, path)
    if n > 100:
        raise _err(path, "muss zwischen 0 und 100 liegen (Prozent)", "must be between 0 and 100 (percent)")
    return n


def p_str(v: object, path: str) -> str:
    if type(v) is str:
        return v
    if type(v) is int:  # ids such as spouse_id or gesamtstrafe_group are often numeric
        return str(v)
    raise _err(path, "muss ein Text sein", "must be a string")


def p_level(v: object, path: str) -> int:
    if type(v) is str:
        key = v.strip()
        idx = LEVEL_INDEX.get(key.upper() if key.lower() != "none" else "none")
        if idx is not None:
            return idx
        raise _err(path, f"unbekannte Sprachstufe „{v}“ (zulässig: {', '.join(LEVELS)})",
                   f"unknown language level '{v}' (allowed: {', '.join(LEVELS)})")
    raise _err(path, "muss eine Sprachstufe als Text sein (none, A1 … C2)", "must be a level (none, A1 … C2)")


def _enum(values: tuple[str, ...]):
    allowed = frozenset(values)
    listing = ", ".join(values)

    def parse(v: object, path: str) -> str:
        if type(v) is str and v in allowed:
            return v
        shown = v if type(v) is str else type(v).__name__
        raise _err(path, f"unbekannter Wert „{shown}“ (zulässig: {listing})",
                   f"unknown value '{shown}' (allowed: {listing})")

    parse.allowed = allowed
    return parse


p_status = _enum(STATUSES)
p_asylum_outcome = _enum(ASYLUM_OUTCOMES)
p_sanction = _enum(SANCTIONS)
p_training_kind = _enum(TRAINING_KINDS)
p_relation = _enum(RELATIONS)
p_route = _enum(ROUTE_IDS)


def _obj(v: object, path: str) -> dict:
    if type(v) is not dict:
        raise _err(path, "muss ein Objekt sein", "must be an object")
    return v


def _list(v: object, path: str) -> list:
    if type(v) is not list:
        raise _err(path, "muss eine Liste sein", "must be a list")
    return v


_BOOL, _DATE, _COUNT, _OTHER = 1, 2, 3, 0


def _compile(spec: dict) -> dict:
    """name -> (parser, kind, enum values): the kind selects a fast path for valid values of common types."""
    out = {}
    for name, parser in spec.items():
        kind = {p_bool: _BOOL, p_date: _DATE, p_int: _COUNT, p_number: _COUNT}.get(parser, _OTHER)
        out[name] = (parser, kind, getattr(parser, "allowed", None))
    return out


def _fields(raw: dict, path: str, spec: dict) -> dict:
    """Parse the known keys of ``raw`` with a compiled ``spec`` (see :func:`_compile`); unknown keys are errors.

    Valid values of the common field types take a fast path that builds no field path string; anything else
    goes through the field's parser, which names the field in its error."""
    out = {}
    dates = _DATES
    for key, value in raw.items():
        entry = spec.get(key)
        if entry is None:
            name = str(key) if key != "" else '""'
            shown = f"{path}.{name}" if path else name
            raise _err(shown, "unbekanntes Feld", "unknown field (not part of the fact model)")
        if value is None:
            continue
        kind = entry[1]
        if kind == _BOOL:
            if value is True or value is False:
                out[key] = value
                continue
        elif kind == _DATE:
            if type(value) is str:
                d = dates.get(value)
                if d is not None:
                    out[key] = d
                    continue
        elif kind == _COUNT:
            if type(value) is int and value >= 0:
                out[key] = value
                continue
        elif entry[2] is not None and type(value) is str and value in entry[2]:
            out[key] = value
            continue
        out[key] = entry[0](value, f"{path}.{key}" if path else key)
    return out


def _build(cls, values: dict):
    """An instance of the frozen dataclass ``cls`` with ``values`` (validated field names; the rest defaults)."""
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj


def _simple(cls, spec: dict):
    compiled = _compile(spec)

    def parse(v: object, path: str):
        return _build(cls, _fields(_obj(v, path), path, compiled))

    return parse


p_marital = _simple(Marital, {"spouse_id": p_str, "married_since": p_date, "spouse_is_german": p_bool,
                              "married": p_bool})
p_child = _simple(Child, {
    "birth_date": p_date, "unmarried": p_bool, "lives_in_household": p_bool, "school_age": p_bool,
    "school_attendance_proven": p_bool, "german_citizen": p_bool, "serious_offence": p_bool,
})
p_asylum = _simple(Asylum, {"applied_on": p_date, "outcome": p_asylum_outcome, "outcome_date": p_date})
p_identity = _simple(Identity, {
    "clarified": p_bool, "passport_valid": p_bool, "reasonable_steps_taken": p_bool, "clarified_on": p_date,
})
p_deception = _simple(Deception, {
    "own_false_statements_or_identity_deception": p_bool, "repeated": p_bool,
    "currently_prevents_removal": p_bool, "by_parents_only": p_bool, "non_cooperation_only": p_bool,
})
p_language = _simple(Language, {"oral": p_level, "written": p_level, "certificate": p_str})
p_knowledge = _simple(KnowledgeTest, {
    "leben_in_deutschland_passed": p_bool, "einbuergerungstest_passed": p_bool,
    "integrationskurs_completed": p_bool,
})


def p_school_years(v: object, path: str) -> float:
    n = p_number(v, path)
    if n > 30:
        raise _err(path, "unplausibel hoch (höchstens 30 Jahre)", "implausibly high (at most 30 years)")
    return n


p_education = _simple(Education, {
    "years_successful_school_in_de": p_school_years, "school_start_in_de": p_date,
    "recognised_degree_in_de": p_bool, "in_school_training_or_study": p_bool,
    "completed_qualified_vocational_training_in_de": p_date, "foreign_degree_recognised": p_bool,
    "university_degree_in_de": p_bool,
})


def p_hours(v: object, path: str) -> float:
    n = p_number(v, path)
    if n > 168:
        raise _err(path, "mehr als 168 Stunden pro Woche sind unmöglich", "more than 168 hours a week are impossible")
    return n


def p_months24(v: object, path: str) -> int:
    n = p_int(v, path)
    if n > 24:
        raise _err(path, "kann nicht größer als 24 sein", "cannot exceed 24")
    return n


p_employment = _simple(Employment, {
    "svp_employed_since": p_date, "hours_per_week": p_hours, "full_time_months_last_24": p_months24,
    "qualified_employment_months": p_int, "job_offer_matching_qualification": p_bool,
    "full_time_now": p_bool, "spouse_full_time_exception": p_bool,
    "employment_ban_60a_6": p_bool,
})
p_livelihood = _simple(Livelihood, {
    "share_of_need_covered_by_employment_pct": p_pct, "fully_secured_2_3": p_bool,
    "receives_sgb2_or_sgb12": p_bool, "receives_asylblg": p_bool, "receives_wohngeld": p_bool,
    "secured_by_employment_last_12_months": p_bool, "nachhaltig_secured": p_bool, "cares_for_relative": p_bool,
    "prognosis_secured": p_bool, "benefit_receipt_not_attributable": p_bool,
})
p_conviction = _simple(Conviction, {
    "date": p_date, "court_country": p_str, "intentional": p_bool, "sanction_type": p_sanction,
    "tagessaetze": p_int, "months": p_number, "suspended": p_bool, "remitted_after_probation": p_bool,
    "auslaenderspezifisch": p_bool, "hate_motive_found_in_judgment": p_bool, "gesamtstrafe_group": p_str,
    "tilgungsreif": p_bool,
})
p_ausweisung = _simple(Ausweisungsinteresse, {"p54_1": p_bool, "p54_2_nr1_2": p_bool, "other": p_bool})
p_training = _simple(Training, {
    "kind": p_training_kind, "contract_signed": p_bool, "start_date": p_date,
    "started_during_asylum_procedure": p_bool,
})


def _list_of(item):
    def parse(v: object, path: str) -> tuple:
        return tuple(item(x, f"{path}[{i}]") for i, x in enumerate(_list(v, path)))

    return parse


p_children = _list_of(p_child)
p_convictions = _list_of(p_conviction)


def p_application_dates(v: object, path: str) -> dict:
    raw = _obj(v, path)
    out = {}
    for key, value in raw.items():
        p_route(key, f"{path}.{key}")
        if value is not None:
            out[key] = p_date(value, f"{path}.{key}")
    return out


p_person = _simple(Person, {
    "birth_date": p_date, "evaluation_date": p_date, "application_dates": p_application_dates,
    "marital": p_marital, "children": p_children, "single_parent": p_bool,
})


def _required(raw: dict, key: str, path: str) -> object:
    value = raw.get(key)
    if value is None:
        raise _err(f"{path}.{key}", "Pflichtangabe fehlt", "required, but missing")
    return value


def p_status_history(v: object, path: str) -> tuple[StatusPeriod, ...] | None:
    items = _list(v, path)
    periods = []
    for i, x in enumerate(items):
        ip = f"{path}[{i}]"
        raw = _obj(x, ip)
        for key in raw:
            if key not in ("status", "from", "to", "title_basis"):
                raise _err(f"{ip}.{key}", "unbekanntes Feld", "unknown field")
        status = p_status(_required(raw, "status", ip), f"{ip}.status")
        start = p_date(_required(raw, "from", ip), f"{ip}.from")
        end_raw = raw.get("to")
        end = p_date(end_raw, f"{ip}.to") if end_raw is not None else None
        basis_raw = raw.get("title_basis")
        basis = p_str(basis_raw, f"{ip}.title_basis") if basis_raw is not None else None
        if end is not None and end < start:
            raise _err(f"{ip}.to", f"Ende ({fmt(end)}) liegt vor dem Beginn ({fmt(start)})",
                       f"the end ({end.isoformat()}) lies before the start ({start.isoformat()})")
        periods.append(StatusPeriod(status, start, end, basis, normalise_title(basis) if basis else None, i))
    if not periods:
        return None
    periods.sort(key=lambda p: p.start)
    for prev, nxt in zip(periods, periods[1:], strict=False):
        # Touching periods (one ends on the day the next begins) are accepted: data entry commonly records
        # the renewal day as both end and start.
        if prev.end is None or prev.end > nxt.start:
            raise _err(f"{path}[{nxt.index}].from",
                       f"Zeitraum überschneidet sich mit status_history[{prev.index}] "
                       f"(ab {fmt(prev.start)} bis {fmt(prev.end) if prev.end else 'offen'})",
                       f"the period overlaps status_history[{prev.index}] (from {prev.start.isoformat()} to "
                       f"{prev.end.isoformat() if prev.end else 'open'})")
    return tuple(periods)


def p_stays_abroad(v: object, path: str) -> tuple[StayAbroad, ...]:
    out = []
    for i, x in enumerate(_list(v, path)):
        ip = f"{path}[{i}]"
        raw = _obj(x, ip)
        for key in raw:
            if key not in ("from", "to"):
                raise _err(f"{ip}.{key}", "unbekanntes Feld", "unknown field")
        start = p_date(_required(raw, "from", ip), f"{ip}.from")
        end = p_date(_required(raw, "to", ip), f"{ip}.to")
        if end < start:
            raise _err(f"{ip}.to", f"Ende ({fmt(end)}) liegt vor dem Beginn ({fmt(start)})",
                       f"the end ({end.isoformat()}) lies before the start ({start.isoformat()})")
        out.append(StayAbroad(start, end))
    return tuple(out)


def p_family_links(v: object, path: str) -> tuple[FamilyLink, ...]:
    out = []
    for i, x in enumerate(_list(v, path)):
        ip = f"{path}[{i}]"
        raw = _obj(x, ip)
        for key in raw:
            if key not in ("route", "relation", "beneficiary_qualifies", "lives_in_household"):
                raise _err(f"{ip}.{key}", "unbekanntes Feld", "unknown field")
        route = p_route(_required(raw, "route", ip), f"{ip}.route")
        relation = p_relation(_required(raw, "relation", ip), f"{ip}.relation")
        bq = raw.get("beneficiary_qualifies")
        lh = raw.get("lives_in_household")
        out.append(FamilyLink(route, relation,
                              p_bool(bq, f"{ip}.beneficiary_qualifies") if bq is not None else None,
                              p_bool(lh, f"{ip}.lives_in_household") if lh is not None else None))
    return tuple(out)


def p_options_raw(v: object, path: str) -> dict:
    return _obj(v, path)  # validated in options.parse_options


_TOP = {
    "person": p_person,
    "status_history": p_status_history,
    "entry_date": p_date,
    "asylum": p_asylum,
    "identity": p_identity,
    "deception": p_deception,
    "fdgo_commitment_signed": p_bool,
    "indications_against_fdgo": p_bool,
    "historic_responsibility_declaration_signed": p_bool,
    "language": p_language,
    "knowledge_test": p_knowledge,
    "education": p_education,
    "employment": p_employment,
    "livelihood": p_livelihood,
    "pension_contribution_months": p_int,
    "housing_sufficient": p_bool,
    "convictions": p_convictions,
    "pending_criminal_investigation": p_bool,
    "ausweisungsinteresse": p_ausweisung,
    "extremism_links": p_bool,
    "integrationskurs_obligation_unfulfilled_culpably": p_bool,
    "bamf_revocation_notice_73b": p_bool,
    "stays_abroad": p_stays_abroad,
    "stag_deception_finding_date": p_date,
    "stag_deception_finding": p_bool,
    "training": p_training,
    "spouse_convictions": p_convictions,
    "expulsion_order": p_bool,
    "removal_measures_imminent": p_bool,
    "integration_prognosis_positive": p_bool,
    "illness_or_disability_prevents": p_bool,
    "gastarbeiter_or_vertragsarbeitnehmer": p_bool,
    "special_integration_achievements": p_bool,
    "family_links": p_family_links,
    "options": p_options_raw,
}


_TOP_COMPILED = _compile(_TOP)


def parse_facts(raw: object) -> Facts:
    """Parse the JSON fact model; raises :class:`FactError` on the first malformed field."""
    if type(raw) is not dict:
        raise FactError("facts", "die Eingabe muss ein JSON-Objekt sein", "input must be a JSON object")
    return _build(Facts, _fields(raw, "", _TOP_COMPILED))


# --------------------------------------------------------------------------------------------------
# consistency (impossible or contradictory facts)

def check_consistency(f: Facts, on: date) -> list[FactError]:
    """All contradictions between the facts and with the decision date ``on``; empty if consistent."""
    problems: list[FactError] = []
    add = problems.append
    p = f.person
    birth = p.birth_date
    if birth is not None and birth > on:
        add(FactError("person.birth_date",
                      f"Geburtsdatum ({fmt(birth)}) liegt nach dem Entscheidungsdatum ({fmt(on)})",
                      f"the date of birth ({birth.isoformat()}) lies after the decision date ({on.isoformat()})"))
    if birth is not None:
        # (date, path template, index, German name, English name) of every date that cannot precede the birth;
        # the path is built only for an error.
        dated = [(f.entry_date, "entry_date", None, "Einreisedatum", "date of entry")]
        if p.marital is not None:
            dated.append((p.marital.married_since, "person.marital.married_since", None, "Eheschließung", "marriage"))
        if f.status_history:
            dated += [(sp.end, "status_history[{}].to", sp.index, "Ende des Aufenthaltsstatus",
                       "end of the residence status") for sp in f.status_history]
        if f.asylum is not None:
            dated.append((f.asylum.applied_on, "asylum.applied_on", None, "Asylantrag", "asylum application"))
        if p.application_dates:
            dated += [(d, "person.application_dates.{}", route, "Antragsdatum", "application date")
                      for route, d in p.application_dates.items()]
        if f.convictions:
            dated += [(c.date, "convictions[{}].date", i, "Verurteilung", "conviction")
                      for i, c in enumerate(f.convictions)]
        if f.identity is not None:
            dated.append((f.identity.clarified_on, "identity.clarified_on", None, "Identitätsklärung",
                          "clarification of identity"))
        if p.children:
            dated += [(ch.birth_date, "person.children[{}].birth_date", i, "Geburtsdatum des Kindes",
                       "child's birth date") for i, ch in enumerate(p.children)]
        for d, path, index, what, what_en in dated:
            if d is not None and d < birth:
                add(FactError(path.format(index), f"{what} ({fmt(d)}) liegt vor dem Geburtsdatum ({fmt(birth)})",
                              f"{what_en} ({d.isoformat()}) lies before the birth date ({birth.isoformat()})"))
    if p.children:
        for i, ch in enumerate(p.children):
            if ch.birth_date is not None and ch.birth_date > on:
                add(FactError(f"person.children[{i}].birth_date",
                              f"Geburtsdatum des Kindes ({fmt(ch.birth_date)}) liegt nach dem Entscheidungsdatum",
                              f"the child's date of birth ({ch.birth_date.isoformat()}) lies after the decision date"))
    if p.application_dates:
        for route, d in p.application_dates.items():
            if d > on:
                add(FactError(f"person.application_dates.{route}", f"Antragsdatum ({fmt(d)}) liegt nach dem "
                              f"Entscheidungsdatum ({fmt(on)})", f"the application date ({d.isoformat()}) lies after "
                              f"the decision date ({on.isoformat()})"))
    if f.stag_deception_finding is False and f.stag_deception_finding_date is not None:
        add(FactError("stag_deception_finding", "widerspricht stag_deception_finding_date (Feststellung mit Datum "
                      "angegeben)", "contradicts stag_deception_finding_date (a finding with a date is stated)"))
    a = f.asylum
    if a is not None and a.applied_on is not None and a.outcome_date is not None and a.outcome_date < a.applied_on:
        add(FactError("asylum.outcome_date",
                      f"Entscheidung über den Asylantrag ({fmt(a.outcome_date)}) liegt vor der Antragstellung "
                      f"({fmt(a.applied_on)})", f"the decision on the asylum application ({a.outcome_date.isoformat()}) "
                      f"lies before the application ({a.applied_on.isoformat()})"))
    if a is not None and a.outcome == "pending" and a.outcome_date is not None:
        add(FactError("asylum.outcome_date", "Asylverfahren ist als anhängig angegeben, hat aber ein "
                      "Entscheidungsdatum", "the asylum procedure is stated as pending but has a decision date"))
    ident = f.identity
    if ident is not None and ident.clarified is False and ident.clarified_on is not None:
        add(FactError("identity.clarified_on", "Identität ist als ungeklärt angegeben, hat aber ein Datum der "
                      "Klärung", "identity is stated as not clarified but has a date of clarification"))
    d = f.deception
    if d is not None and d.by_parents_only and d.own_false_statements_or_identity_deception:
        add(FactError("deception.by_parents_only", "widerspricht deception.own_false_statements_or_identity_"
                      "deception (Täuschung nur durch die Eltern und zugleich eigene Täuschung)",
                      "contradicts deception.own_false_statements_or_identity_deception (deception by the parents only "
                      "and at the same time own deception)"))
    for label, convs in (("convictions", f.convictions), ("spouse_convictions", f.spouse_convictions)):
        if not convs:
            continue
        for i, c in enumerate(convs):
            st = c.sanction_type
            if st == "geldstrafe" and c.months:
                add(FactError(f"{label}[{i}].months", "eine Geldstrafe hat keine Monate (Tagessätze angeben)",
                              "a fine has no months (enter daily rates)"))
            elif st in ("freiheitsstrafe", "jugendstrafe") and c.tagessaetze:
                add(FactError(f"{label}[{i}].tagessaetze", "eine Freiheits- oder Jugendstrafe hat keine "
                              "Tagessätze", "a prison or youth custody sentence has no daily rates"))
            if c.remitted_after_probation and c.suspended is False:
                add(FactError(f"{label}[{i}].remitted_after_probation", "Straferlass nach Bewährung setzt "
                              "eine Aussetzung zur Bewährung voraus (suspended = false)",
                              "remission after probation requires a suspended sentence (suspended = false)"))
    e = f.employment
    if e is not None and e.full_time_now is True and e.hours_per_week is not None and e.hours_per_week < 15:
        add(FactError("employment.full_time_now", f"Vollzeit bei {e.hours_per_week:g} Wochenstunden ist "
                      "widersprüchlich", f"full time with {e.hours_per_week:g} hours a week is contradictory"))
    lv = f.livelihood
    if lv is not None and lv.fully_secured_2_3 is True and (lv.receives_sgb2_or_sgb12 or lv.receives_asylblg):
        add(FactError("livelihood.fully_secured_2_3", "Lebensunterhalt als gesichert angegeben, obwohl Leistungen "
                      "nach SGB II/XII oder AsylbLG bezogen werden", "the livelihood is stated as secured although benefits "
                      "under SGB II/XII or the AsylbLG are received"))
    return problems
