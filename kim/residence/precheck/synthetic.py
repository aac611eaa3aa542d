"""Synthetic fact sets for benchmarks and regression tests (no real persons; deterministic per seed).

* :func:`realistic` – a plausible person of the caseload a KIM site sees (Geduldete, asylum seekers, refugees,
  other permit holders, young people, spouses of Germans) with most facts known; used by the benchmarks.
* :func:`varied` – a broad sample for regression tests: every route, historical and future decision dates,
  unknown facts (keys left out at random), convictions of every kind, children, family links, training,
  pending applications and the switches of RULES.md section 10. Some sets are contradictory on purpose
  (the engine must refuse them with a FactError).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

LEVELS = ["none", "A1", "A2", "A2", "B1", "B1", "B2", "C1"]
TITLES = ["§ 25 Abs. 2 S. 1 Alt. 1", "§ 25 Abs. 2 S. 1 Alt. 2", "§ 25 Abs. 1", "§ 25 Abs. 5", "§ 25a Abs. 1",
          "§ 25b Abs. 1", "§ 18b Abs. 1", "§ 28 Abs. 1 S. 1 Nr. 1", "§ 104c", "§ 16a"]
ROUTES = ("AUFENTHG_104C", "AUFENTHG_25A", "AUFENTHG_25B", "AUFENTHG_60C", "AUFENTHG_60D", "AUFENTHG_16G",
          "AUFENTHG_19D", "AUFENTHG_9", "AUFENTHG_9A", "AUFENTHG_26_3", "AUFENTHG_26_4", "STAG_10", "STAG_9")


def _d(x: date) -> str:
    return x.isoformat()


def realistic(rng: random.Random, on: date) -> dict:
    """One plausible person with decision date ``on`` (most facts known)."""
    birth = date(rng.randint(1960, 2012), rng.randint(1, 12), rng.randint(1, 28))
    entry = max(birth + timedelta(days=rng.randint(0, 3000)), date(2012, 1, 1) + timedelta(days=rng.randint(0, 3800)))
    entry = min(entry, on - timedelta(days=30))
    kind = rng.choice(["duldung", "duldung", "gestattung", "refugee", "permit", "young"])
    history = []
    cursor = entry + timedelta(days=rng.randint(0, 40))
    if kind in ("duldung", "young", "refugee", "gestattung"):
        end = min(cursor + timedelta(days=rng.randint(100, 900)), on - timedelta(days=1))
        history.append({"status": "gestattung", "from": _d(cursor), "to": _d(end) if kind != "gestattung" else None})
        cursor = end + timedelta(days=1 if rng.random() < 0.9 else rng.randint(5, 150))
    if kind in ("duldung", "young") and cursor < on:
        history.append({"status": rng.choice(["duldung_60a", "duldung_60a", "duldung_60b_ungeklaerte_identitaet",
                                              "duldung_60d"]), "from": _d(cursor), "to": None})
    elif kind in ("refugee", "permit") and cursor < on:
        history.append({"status": "aufenthaltserlaubnis", "from": _d(cursor), "to": None,
                        "title_basis": rng.choice(TITLES)})
    if not history:
        history.append({"status": "duldung_60a", "from": _d(entry), "to": None})
    share = rng.choice([0, 20, 45, 50, 55, 70, 80, 100])
    facts = {
        "person": {"birth_date": _d(birth), "evaluation_date": _d(on), "single_parent": rng.random() < 0.1,
                   "marital": {"married": rng.random() < 0.5, "spouse_is_german": rng.random() < 0.1},
                   "children": [{"birth_date": _d(max(on - timedelta(days=rng.randint(100, 6000)),
                                                      birth + timedelta(days=6600))), "unmarried": True,
                                 "lives_in_household": True, "school_age": rng.random() < 0.6,
                                 "school_attendance_proven": rng.random() < 0.9}
                                for _ in range(rng.choice([0, 0, 1, 2, 3]) if birth.year < 2000 else 0)]},
        "status_history": history,
        "entry_date": _d(entry),
        "asylum": {"applied_on": _d(entry + timedelta(days=5)),
                   "outcome": rng.choice(["rejected", "recognised_refugee", "subsidiary", "pending",
                                          "rejected_ou_30_1_3_7"])},
        "identity": {"clarified": rng.random() < 0.7, "passport_valid": rng.random() < 0.6,
                     "reasonable_steps_taken": rng.random() < 0.8},
        "deception": {"own_false_statements_or_identity_deception": rng.random() < 0.1, "repeated": False,
                      "currently_prevents_removal": rng.random() < 0.1, "non_cooperation_only": rng.random() < 0.1},
        "fdgo_commitment_signed": rng.random() < 0.8,
        "indications_against_fdgo": False,
        "language": {"oral": rng.choice(LEVELS), "written": rng.choice(LEVELS)},
        "knowledge_test": {"leben_in_deutschland_passed": rng.random() < 0.5,
                           "einbuergerungstest_passed": rng.random() < 0.3,
                           "integrationskurs_completed": rng.random() < 0.5},
        "education": {"years_successful_school_in_de": rng.randint(0, 10), "recognised_degree_in_de": False,
                      "in_school_training_or_study": kind == "young"},
        "employment": {"svp_employed_since": _d(on - timedelta(days=rng.randint(10, 2000))),
                       "hours_per_week": rng.choice([10, 20, 30, 39]), "full_time_months_last_24": rng.randint(0, 24),
                       "qualified_employment_months": rng.randint(0, 60)},
        "livelihood": {"share_of_need_covered_by_employment_pct": share, "fully_secured_2_3": share == 100,
                       "receives_sgb2_or_sgb12": share < 100 and rng.random() < 0.5, "receives_asylblg": False,
                       "secured_by_employment_last_12_months": share == 100},
        "pension_contribution_months": rng.randint(0, 120),
        "housing_sufficient": rng.random() < 0.9,
        "convictions": [{"date": "2021-05-04", "court_country": "DE", "intentional": True,
                         "sanction_type": rng.choice(["geldstrafe", "geldstrafe", "freiheitsstrafe"]),
                         "tagessaetze": rng.choice([10, 30, 60, 90]), "auslaenderspezifisch": rng.random() < 0.5,
                         "tilgungsreif": False}] if rng.random() < 0.15 else [],
        "pending_criminal_investigation": False,
        "ausweisungsinteresse": {"p54_1": False, "p54_2_nr1_2": False, "other": False},
        "extremism_links": False,
        "stays_abroad": [],
        "stag_deception_finding": False,
    }
    for c in facts["convictions"]:
        if c["sanction_type"] == "freiheitsstrafe":
            c.pop("tagessaetze")
            c.update(months=rng.choice([2, 4, 8]), suspended=True, remitted_after_probation=False)
    return facts


def _maybe(rng: random.Random, value, p_unknown: float = 0.2):
    """``value`` or, with probability ``p_unknown``, the marker that the fact is left out."""
    return _DROP if rng.random() < p_unknown else value


_DROP = object()


def _clean(obj):
    """Remove the keys marked as unknown (recursively)."""
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items() if v is not _DROP}
    if isinstance(obj, list):
        return [_clean(v) for v in obj if v is not _DROP]
    return obj


def _bool(rng: random.Random, p_true: float = 0.5, p_unknown: float = 0.2):
    return _maybe(rng, rng.random() < p_true, p_unknown)


def _conviction(rng: random.Random, on: date, p: float) -> dict:
    sanction = rng.choice(["geldstrafe", "geldstrafe", "freiheitsstrafe", "jugendstrafe", "jgg_other"])
    c = {
        "date": _maybe(rng, _d(on - timedelta(days=rng.randint(-200, 4000))), p),
        "court_country": _maybe(rng, rng.choice(["DE", "DE", "DE", "TR", "Deutschland"]), p),
        "intentional": _bool(rng, 0.85, p),
        "sanction_type": _maybe(rng, sanction, p),
        "auslaenderspezifisch": _bool(rng, 0.3, p),
        "hate_motive_found_in_judgment": _bool(rng, 0.05, p),
        "tilgungsreif": _bool(rng, 0.1, p),
    }
    if sanction == "geldstrafe":
        c["tagessaetze"] = _maybe(rng, rng.choice([10, 30, 50, 51, 60, 90, 95, 120]), p)
    elif sanction in ("freiheitsstrafe", "jugendstrafe"):
        c["months"] = _maybe(rng, rng.choice([1, 2, 3, 5, 6, 11, 12, 18, 24, 30]), p)
        suspended = rng.random() < 0.6
        c["suspended"] = _maybe(rng, suspended, p)
        c["remitted_after_probation"] = _maybe(rng, suspended and rng.random() < 0.6, p)
    if rng.random() < 0.15:
        c["gesamtstrafe_group"] = rng.choice(["g1", "g2"])
    return c


def varied(rng: random.Random) -> dict:
    """A fact set from a broad distribution over every route, with unknown facts and edge cases."""
    on = date(2016, 1, 1) + timedelta(days=rng.randint(0, 4700))  # decision dates 2016 … 2028
    p = rng.choice([0.0, 0.1, 0.3, 0.6])  # share of unknown facts in this set
    facts = realistic(rng, on)
    # Vary the known facts and leave some out.
    birth = date.fromisoformat(facts["person"]["birth_date"])
    if rng.random() < 0.25:  # young people (§ 25a)
        birth = on - timedelta(days=rng.randint(14 * 365, 28 * 365))
        facts["person"]["birth_date"] = _d(birth)
        facts["person"]["children"] = []
    person = facts["person"]
    person["marital"] = _maybe(rng, {"married": _bool(rng, 0.5, p), "spouse_is_german": _bool(rng, 0.2, p),
                                     "married_since": _maybe(rng, _d(birth + timedelta(days=rng.randint(6570, 9000))),
                                                             0.5)}, p)
    person["single_parent"] = _bool(rng, 0.15, p)
    if rng.random() < 0.3:
        person["application_dates"] = {rng.choice(ROUTES): _d(on - timedelta(days=rng.randint(0, 1500)))}
    for ch in person.get("children", []):
        ch["serious_offence"] = _bool(rng, 0.05, p)
        ch["german_citizen"] = _bool(rng, 0.1, p)
        for key in ("school_age", "school_attendance_proven", "unmarried", "lives_in_household"):
            if rng.random() < p:
                ch.pop(key, None)
    hist = facts["status_history"]
    if rng.random() < 0.2:  # a Chancen permit or a settlement permit at the end of the chain
        last = hist[-1]
        if last["to"] is None:
            start = date.fromisoformat(last["from"])
            cut = start + timedelta(days=max(1, (on - start).days // 2))
            if cut < on:
                last["to"] = _d(cut)
                hist.append(rng.choice([
                    {"status": "aufenthaltserlaubnis", "from": _d(cut + timedelta(days=1)), "to": None,
                     "title_basis": "§ 104c AufenthG"},
                    {"status": "niederlassungserlaubnis", "from": _d(cut + timedelta(days=1)), "to": None},
                    {"status": "fiktion_81_4", "from": _d(cut + timedelta(days=1)), "to": None},
                    {"status": "duldung_60c", "from": _d(cut + timedelta(days=rng.randint(1, 60))), "to": None},
                    {"status": "none", "from": _d(cut + timedelta(days=1)), "to": None},
                ]))
    if rng.random() < p:
        hist[-1].pop("title_basis", None)
    facts["asylum"]["outcome_date"] = _maybe(rng, _d(date.fromisoformat(facts["asylum"]["applied_on"])
                                                     + timedelta(days=rng.randint(30, 900))), 0.5)
    if facts["asylum"].get("outcome") == "pending":
        facts["asylum"].pop("outcome_date", None)
    facts["identity"] = _maybe(rng, {"clarified": _bool(rng, 0.7, p), "passport_valid": _bool(rng, 0.6, p),
                                     "reasonable_steps_taken": _bool(rng, 0.8, p)}, p / 2)
    facts["deception"] = _maybe(rng, {k: _bool(rng, 0.1, p) for k in (
        "own_false_statements_or_identity_deception", "repeated", "currently_prevents_removal",
        "non_cooperation_only")}, p / 2)
    facts["historic_responsibility_declaration_signed"] = _bool(rng, 0.7, p)
    facts["indications_against_fdgo"] = _bool(rng, 0.05, p)
    facts["language"] = {"oral": _maybe(rng, rng.choice(LEVELS), p), "written": _maybe(rng, rng.choice(LEVELS), p),
                         "certificate": _maybe(rng, rng.choice(["telc B1", "DTZ A2/B1", "Goethe C1"]), 0.7)}
    kt = facts["knowledge_test"]
    for key in list(kt):
        if rng.random() < p:
            kt.pop(key)
    edu = facts["education"]
    edu.update(foreign_degree_recognised=_bool(rng, 0.2, p), university_degree_in_de=_bool(rng, 0.1, p),
               recognised_degree_in_de=_bool(rng, 0.2, p),
               school_start_in_de=_maybe(rng, _d(on - timedelta(days=rng.randint(200, 4000))), 0.5))
    if rng.random() < 0.2:
        edu["completed_qualified_vocational_training_in_de"] = _d(on - timedelta(days=rng.randint(0, 1500)))
    emp = facts["employment"]
    emp.update(full_time_now=_bool(rng, 0.5, p), spouse_full_time_exception=_bool(rng, 0.2, p),
               employment_ban_60a_6=_bool(rng, 0.05, p), job_offer_matching_qualification=_bool(rng, 0.3, p))
    if emp.get("full_time_now") is True and emp["hours_per_week"] < 15:
        emp["hours_per_week"] = 39
    for key in list(emp):
        if rng.random() < p / 2:
            emp.pop(key)
    lv = facts["livelihood"]
    lv.update(receives_wohngeld=_bool(rng, 0.2, p), nachhaltig_secured=_bool(rng, 0.4, p),
              cares_for_relative=_bool(rng, 0.05, p), prognosis_secured=_bool(rng, 0.4, p),
              benefit_receipt_not_attributable=_bool(rng, 0.3, p))
    for key in list(lv):
        if rng.random() < p / 2:
            lv.pop(key)
    if lv.get("fully_secured_2_3") is True and (lv.get("receives_sgb2_or_sgb12") or lv.get("receives_asylblg")):
        lv["fully_secured_2_3"] = False
    facts["convictions"] = _maybe(rng, [_conviction(rng, on, p) for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3]))],
                                  p / 2)
    if rng.random() < 0.2:
        facts["spouse_convictions"] = [_conviction(rng, on, p) for _ in range(rng.choice([0, 1]))]
    facts["pending_criminal_investigation"] = _bool(rng, 0.05, p)
    facts["ausweisungsinteresse"] = _maybe(rng, {"p54_1": _bool(rng, 0.03, p), "p54_2_nr1_2": _bool(rng, 0.05, p),
                                                 "other": _bool(rng, 0.1, p)}, p / 2)
    facts["extremism_links"] = _bool(rng, 0.02, p)
    facts["integrationskurs_obligation_unfulfilled_culpably"] = _bool(rng, 0.05, p)
    facts["bamf_revocation_notice_73b"] = _bool(rng, 0.05, p)
    if rng.random() < 0.2:
        start = on - timedelta(days=rng.randint(30, 2000))
        facts["stays_abroad"] = [{"from": _d(start), "to": _d(start + timedelta(days=rng.randint(5, 300)))}]
    if rng.random() < 0.1:
        facts["stag_deception_finding"] = True
        facts["stag_deception_finding_date"] = _d(on - timedelta(days=rng.randint(0, 5000)))
    elif rng.random() < p:
        facts.pop("stag_deception_finding")
    if rng.random() < 0.3:
        facts["training"] = {"kind": _maybe(rng, rng.choice(["qualified", "assistenz_shortage", "other"]), p),
                             "contract_signed": _bool(rng, 0.7, p),
                             "start_date": _maybe(rng, _d(on + timedelta(days=rng.randint(-400, 300))), p),
                             "started_during_asylum_procedure": _bool(rng, 0.4, p)}
    for key in ("expulsion_order", "removal_measures_imminent", "integration_prognosis_positive",
                "illness_or_disability_prevents", "gastarbeiter_or_vertragsarbeitnehmer",
                "special_integration_achievements"):
        facts[key] = _bool(rng, {"integration_prognosis_positive": 0.7}.get(key, 0.05), p)
    if rng.random() < 0.15:
        facts["family_links"] = [{"route": rng.choice(["AUFENTHG_104C", "AUFENTHG_25A", "AUFENTHG_25B"]),
                                  "relation": rng.choice(["spouse", "minor_child", "adult_child_minor_at_entry",
                                                          "parent", "minor_sibling"]),
                                  "beneficiary_qualifies": _bool(rng, 0.7, p),
                                  "lives_in_household": _bool(rng, 0.8, p)}]
    if rng.random() < 0.15:
        facts["options"] = rng.choice([{"count_start_day": True}, {"gap_tolerance_months": 0},
                                       {"p60b_periods": "manual_check"}, {"livelihood_mainly_pct": 45},
                                       {"geas_unverified_open": False, "unverified_versions_open": False},
                                       {"pending_104c_applications": "not_applicable"},
                                       {"chancen_transition_end": "2026-12-31"}])
    pension = facts.pop("pension_contribution_months")
    facts["pension_contribution_months"] = _maybe(rng, pension, p)
    facts["housing_sufficient"] = _maybe(rng, facts["housing_sufficient"], p)
    facts["fdgo_commitment_signed"] = _maybe(rng, facts["fdgo_commitment_signed"], p)
    for key in ("entry_date", "asylum", "education", "employment", "livelihood", "knowledge_test"):
        if rng.random() < p / 3:
            facts.pop(key)
    if rng.random() < p / 3:
        facts.pop("status_history")
    return _clean(facts)
