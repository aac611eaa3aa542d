"""Parsing and validation of the fact model (RULES.md section 3)."""

import pytest
from precheck_support import GEDULDET, merge

from kim.residence.precheck import FactError, evaluate, validate

ON = "2026-11-24"


@pytest.mark.parametrize(("patch", "field", "fragment"), [
    ({"person": {"birth_date": "17.05.1990"}}, "person.birth_date", "kein gültiges Datum (erwartet JJJJ-MM-TT)"),
    ({"person": {"birth_date": "1990-02-30"}}, "person.birth_date", "kein gültiges Datum"),
    ({"person": {"birth_date": "2027-01-01"}}, "person.birth_date", "nach dem Entscheidungsdatum"),
    ({"entry_date": 20160220}, "entry_date", "kein gültiges Datum"),
    ({"fdgo_commitment_signed": "yes"}, "fdgo_commitment_signed", "true oder false"),
    ({"fdgo_commitment_signed": 1}, "fdgo_commitment_signed", "true oder false"),
    ({"language": {"oral": "B3"}}, "language.oral", "unbekannte Sprachstufe"),
    ({"asylum": {"outcome": "granted"}}, "asylum.outcome", "unbekannter Wert"),
    ({"livelihood": {"share_of_need_covered_by_employment_pct": 120}},
     "livelihood.share_of_need_covered_by_employment_pct", "zwischen 0 und 100"),
    ({"pension_contribution_months": -1}, "pension_contribution_months", "nicht negativ"),
    ({"pension_contribution_months": 12.5}, "pension_contribution_months", "ganze Zahl"),
    ({"langauge": {}}, "langauge", "unbekanntes Feld"),
    ({"person": {"application_dates": {"AUFENTHG_99": "2026-01-01"}}}, "person.application_dates.AUFENTHG_99",
     "unbekannter Wert"),
    ({"convictions": {"date": "2020-01-01"}}, "convictions", "Liste"),
    ({"identity": {"clarified": False, "clarified_on": "2020-01-01"}}, "identity.clarified_on", "ungeklärt"),
    ({"entry_date": "1989-01-01"}, "entry_date", "vor dem Geburtsdatum"),
    ({"person": {"application_dates": {"STAG_10": "2027-01-01"}}}, "person.application_dates.STAG_10",
     "nach dem Entscheidungsdatum"),
])
def test_invalid_facts_name_the_field(patch, field, fragment):
    with pytest.raises(FactError) as exc:
        evaluate(merge(GEDULDET, patch), on=ON)
    assert exc.value.field == field
    assert fragment in exc.value.message
    assert exc.value.message_en


def test_status_period_end_before_start():
    facts = merge(GEDULDET, {"status_history": [{"status": "duldung_60a", "from": "2020-05-01", "to": "2020-04-30"}]})
    with pytest.raises(FactError) as exc:
        evaluate(facts, on=ON)
    assert exc.value.field == "status_history[0].to"


def test_overlapping_status_periods_are_contradictory():
    facts = merge(GEDULDET, {"status_history": [
        {"status": "gestattung", "from": "2016-03-01", "to": "2018-07-10"},
        {"status": "duldung_60a", "from": "2018-07-01", "to": None},
    ]})
    with pytest.raises(FactError) as exc:
        evaluate(facts, on=ON)
    assert exc.value.field == "status_history[1].from"
    assert "überschneidet" in exc.value.message


def test_touching_status_periods_are_accepted():
    facts = merge(GEDULDET, {"status_history": [
        {"status": "gestattung", "from": "2016-03-01", "to": "2018-07-01"},
        {"status": "duldung_60a", "from": "2018-07-01", "to": None},
    ]})
    assert evaluate(facts, on=ON)["results"]


def test_open_period_followed_by_another_overlaps():
    facts = merge(GEDULDET, {"status_history": [
        {"status": "gestattung", "from": "2016-03-01", "to": None},
        {"status": "duldung_60a", "from": "2018-07-01", "to": None},
    ]})
    with pytest.raises(FactError):
        evaluate(facts, on=ON)


def test_unknown_status_enum():
    facts = merge(GEDULDET, {"status_history": [{"status": "visum", "from": "2016-03-01"}]})
    with pytest.raises(FactError) as exc:
        evaluate(facts, on=ON)
    assert exc.value.field == "status_history[0].status"


def test_validate_reports_all_consistency_problems():
    facts = merge(GEDULDET, {"person": {"birth_date": "2027-01-01"}, "asylum": {"outcome_date": "2015-01-01"}})
    problems = validate(facts, on=ON)
    assert {p.field for p in problems} >= {"person.birth_date", "asylum.outcome_date"}


def test_bad_option_is_a_fact_error():
    with pytest.raises(FactError) as exc:
        evaluate(merge(GEDULDET, {"options": {"count_start_day": "ja"}}), on=ON)
    assert exc.value.field == "options.count_start_day"


def test_top_level_must_be_object():
    with pytest.raises(FactError):
        evaluate([], on=ON)


def test_empty_facts_give_open_answers_not_errors():
    out = evaluate({}, on=ON)
    assert all(r["outcome"] != "ELIGIBLE" for r in out["results"])
