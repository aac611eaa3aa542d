"""Fact builders and helpers for the pre-check tests: complete fact sets that meet everything, so that a test
changes exactly the fact under test."""

from __future__ import annotations

import copy

from kim.residence.precheck import evaluate

DROP = object()


def merge(base: dict, patch: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in patch.items():
        if value is DROP:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


CLEAN = {
    "identity": {"clarified": True, "passport_valid": True, "reasonable_steps_taken": True,
                 "clarified_on": "2016-09-01"},
    "deception": {"own_false_statements_or_identity_deception": False, "repeated": False,
                  "currently_prevents_removal": False, "by_parents_only": False, "non_cooperation_only": False},
    "fdgo_commitment_signed": True,
    "indications_against_fdgo": False,
    "historic_responsibility_declaration_signed": True,
    "language": {"oral": "B1", "written": "B1"},
    "knowledge_test": {"leben_in_deutschland_passed": True, "einbuergerungstest_passed": True,
                       "integrationskurs_completed": True},
    "education": {"years_successful_school_in_de": 0, "recognised_degree_in_de": False,
                  "in_school_training_or_study": False, "foreign_degree_recognised": False,
                  "university_degree_in_de": False},
    "employment": {"svp_employed_since": "2021-04-01", "hours_per_week": 39, "full_time_months_last_24": 24,
                   "qualified_employment_months": 0, "full_time_now": True, "employment_ban_60a_6": False},
    "livelihood": {"share_of_need_covered_by_employment_pct": 100, "fully_secured_2_3": True,
                   "receives_sgb2_or_sgb12": False, "receives_asylblg": False, "receives_wohngeld": False,
                   "secured_by_employment_last_12_months": True, "nachhaltig_secured": True,
                   "cares_for_relative": False, "prognosis_secured": True},
    "pension_contribution_months": 60,
    "housing_sufficient": True,
    "convictions": [],
    "spouse_convictions": [],
    "pending_criminal_investigation": False,
    "ausweisungsinteresse": {"p54_1": False, "p54_2_nr1_2": False, "other": False},
    "extremism_links": False,
    "integrationskurs_obligation_unfulfilled_culpably": False,
    "bamf_revocation_notice_73b": False,
    "stays_abroad": [],
    "stag_deception_finding": False,
    "expulsion_order": False,
    "removal_measures_imminent": False,
    "integration_prognosis_positive": True,
    "illness_or_disability_prevents": False,
    "gastarbeiter_or_vertragsarbeitnehmer": False,
}

# A Geduldeter: asylum seeker from 1.3.2016, geduldet since 1.7.2018, in full employment.
GEDULDET = merge(CLEAN, {
    "person": {"birth_date": "1990-05-17", "marital": {"married": False}, "children": [], "single_parent": False},
    "status_history": [
        {"status": "gestattung", "from": "2016-03-01", "to": "2018-06-30"},
        {"status": "duldung_60a", "from": "2018-07-01", "to": None},
    ],
    "entry_date": "2016-02-20",
    "asylum": {"applied_on": "2016-03-01", "outcome": "rejected", "outcome_date": "2018-06-15"},
})

# A recognised refugee (§ 25 Abs. 2 S. 1 Alt. 1): asylum procedure from 1.3.2016, permit from 1.3.2017.
REFUGEE = merge(CLEAN, {
    "person": {"birth_date": "1990-05-17", "marital": {"married": False}, "children": [], "single_parent": False},
    "status_history": [
        {"status": "gestattung", "from": "2016-03-01", "to": "2017-02-28"},
        {"status": "aufenthaltserlaubnis", "from": "2017-03-01", "to": None,
         "title_basis": "§ 25 Abs. 2 S. 1 Alt. 1 AufenthG"},
    ],
    "entry_date": "2016-02-20",
    "asylum": {"applied_on": "2016-03-01", "outcome": "recognised_refugee", "outcome_date": "2017-02-01"},
})


def with_status(base: dict, history: list[dict], **patch) -> dict:
    return merge(merge(base, {"status_history": history}), patch)


def run(facts: dict, on: str, **options) -> dict:
    """Evaluate and return {route: result}."""
    out = evaluate(facts, on=on, options=options or None)
    return {r["route"]: r for r in out["results"]}


def result(facts: dict, route: str, on: str, **options) -> dict:
    return run(facts, on, **options)[route]


def crit(res: dict, code: str) -> dict:
    for c in res["criteria"]:
        if c["code"] == code:
            return c
    raise AssertionError(f"criterion {code} missing in {[c['code'] for c in res['criteria']]}")
