"""Hypothesis properties of the engine (monotonicity, versions, robustness, contract shape)."""

import contextlib
import json
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from precheck_support import GEDULDET, REFUGEE, merge

from kim.residence.precheck import ROUTES, FactError, evaluate

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TIME_PREFIXES = ("STAY_", "PERMIT_", "RESIDENCE_", "TITLE_", "DULDUNG_", "STICHTAG_")
dates = st.dates(min_value=date(2014, 1, 1), max_value=date(2030, 12, 31))


def iso(d):
    return d.isoformat()


@SETTINGS
@given(start=st.dates(min_value=date(2012, 1, 1), max_value=date(2026, 6, 1)), extra=st.integers(1, 2500),
       on=st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 1, 1)),
       base=st.sampled_from(["duldung", "permit"]))
def test_more_residence_time_never_breaks_a_met_time_criterion(start, extra, on, base):
    assume(start <= on)
    status = {"duldung": {"status": "duldung_60a"}, "permit": {"status": "aufenthaltserlaubnis",
                                                               "title_basis": "§ 25 Abs. 2 S. 1 Alt. 1"}}[base]
    template = GEDULDET if base == "duldung" else REFUGEE
    facts = merge(template, {"status_history": [{**status, "from": iso(start), "to": None}],
                             "entry_date": "2011-01-01"})
    longer = merge(facts, {"status_history": [{**status, "from": iso(start - timedelta(days=extra)), "to": None}]})
    short = evaluate(facts, on=on)["results"]
    long_ = evaluate(longer, on=on)["results"]
    for a, b in zip(short, long_, strict=True):
        met_b = {c["code"]: c["met"] for c in b["criteria"]}
        for c in a["criteria"]:
            if c["code"].startswith(TIME_PREFIXES) and c["met"] is True and c["code"] in met_b:
                assert met_b[c["code"]] is True, (a["route"], c["code"])


FIRST_VERSION = {
    "AUFENTHG_104C": date(2022, 12, 31), "AUFENTHG_25A": date(2015, 8, 1), "AUFENTHG_25B": date(2015, 8, 1),
    "AUFENTHG_60C": date(2020, 1, 1), "AUFENTHG_60D": date(2020, 1, 1), "AUFENTHG_16G": date(2024, 3, 1),
    "AUFENTHG_19D": date(2020, 3, 1), "AUFENTHG_26_3": date(2016, 8, 6), "AUFENTHG_26_4": date(2016, 8, 6),
}


@SETTINGS
@given(route=st.sampled_from(sorted(FIRST_VERSION)), days_before=st.integers(1, 3000),
       template=st.sampled_from([GEDULDET, REFUGEE]))
def test_date_before_first_version_is_not_applicable(route, days_before, template):
    on = FIRST_VERSION[route] - timedelta(days=days_before)
    facts = merge(template, {"person": {"birth_date": "1980-01-01"}, "entry_date": "1990-01-01",
                             "status_history": [{"status": "duldung_60a", "from": "1995-01-01", "to": None}],
                             "asylum": {"applied_on": "1994-01-01", "outcome_date": "1994-12-01"},
                             "identity": {"clarified_on": "1994-01-01"}})
    res = {r["route"]: r for r in evaluate(facts, on=on)["results"]}[route]
    assert res["outcome"] == "NOT_APPLICABLE"
    assert res["version"] is None


def _paths(d, prefix=()):
    for key, value in d.items():
        if key in ("options",) or (prefix == ("person",) and key in ("evaluation_date", "application_dates")):
            continue
        yield (*prefix, key)
        if isinstance(value, dict):
            yield from _paths(value, (*prefix, key))


def _without(d, path):
    out = json.loads(json.dumps(d))
    node = out
    for key in path[:-1]:
        node = node[key]
    node.pop(path[-1])
    return out


varied = st.fixed_dictionaries({
    "template": st.sampled_from([GEDULDET, REFUGEE]),
    "share": st.integers(0, 100),
    "oral": st.sampled_from(["none", "A1", "A2", "B1", "C1"]),
    "written": st.sampled_from(["none", "A2", "B1", "C1"]),
    "ts": st.integers(0, 150),
    "ausl": st.booleans(),
    "prevents": st.booleans(),
    "own": st.booleans(),
    "sgb": st.booleans(),
    "start": st.dates(min_value=date(2014, 1, 1), max_value=date(2024, 1, 1)),
    "pension": st.integers(0, 80),
    "on": st.dates(min_value=date(2022, 1, 1), max_value=date(2028, 1, 1)),
})


def _build(v):
    status = "duldung_60a" if v["template"] is GEDULDET else "aufenthaltserlaubnis"
    facts = merge(v["template"], {
        "livelihood": {"share_of_need_covered_by_employment_pct": v["share"], "fully_secured_2_3": not v["sgb"],
                       "receives_sgb2_or_sgb12": v["sgb"]},
        "language": {"oral": v["oral"], "written": v["written"]},
        "convictions": [{"court_country": "DE", "intentional": True, "sanction_type": "geldstrafe",
                         "tagessaetze": v["ts"], "auslaenderspezifisch": v["ausl"], "tilgungsreif": False,
                         "hate_motive_found_in_judgment": False, "date": "2020-01-01"}] if v["ts"] else [],
        "deception": {"own_false_statements_or_identity_deception": v["own"],
                      "currently_prevents_removal": v["prevents"]},
        "status_history": [{"status": status, "from": iso(v["start"]), "to": None,
                            "title_basis": "§ 25 Abs. 2 S. 1 Alt. 1"}],
        "pension_contribution_months": v["pension"],
        "entry_date": "2013-06-01", "identity": {"clarified_on": "2013-07-01"},
        "asylum": {"applied_on": "2013-06-02", "outcome_date": "2013-12-01"},
    })
    if status == "duldung_60a":
        facts["status_history"][0].pop("title_basis")
    return facts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(v=varied, data=st.data())
def test_removing_a_fact_never_turns_not_eligible_into_eligible(v, data):
    facts = _build(v)
    on = v["on"]
    before = {r["route"]: r["outcome"] for r in evaluate(facts, on=on)["results"]}
    paths = list(_paths(facts))
    for path in data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=6, unique=True)):
        after = {r["route"]: r["outcome"] for r in evaluate(_without(facts, path), on=on)["results"]}
        for route, outcome in before.items():
            if outcome == "NOT_ELIGIBLE":
                assert after[route] not in ("ELIGIBLE", "ELIGIBLE_DISCRETION"), (route, path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12) | st.sampled_from(["2020-02-29", "2021-02-29", "A2", "duldung_60a", "DE", "geldstrafe"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=12,
)
FIELDS = ["person", "status_history", "entry_date", "asylum", "identity", "deception", "language", "convictions",
          "livelihood", "employment", "education", "knowledge_test", "fdgo_commitment_signed", "stays_abroad",
          "training", "family_links", "options", "ausweisungsinteresse", "pension_contribution_months"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=5) | json_values)
def test_engine_never_raises_anything_but_fact_error(raw):
    try:
        out = evaluate(raw, on="2026-11-24")
    except FactError as exc:
        assert exc.field and exc.message and exc.message_en
        return
    assert [r["route"] for r in out["results"]] == list(ROUTES)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(v=varied, mutate=st.dictionaries(st.sampled_from(["status_history", "convictions", "deception", "person"]),
                                        json_values, max_size=2))
def test_engine_robust_on_mutated_realistic_facts(v, mutate):
    facts = {**_build(v), **mutate}
    with contextlib.suppress(FactError):
        evaluate(facts, on=v["on"])


CRITERION_KEYS = {"code", "met", "text", "citation"}
RESULT_KEYS = {"route", "version", "variant", "outcome", "criteria", "missing_facts", "earliest_date"}
OUTCOMES = {"ELIGIBLE", "ELIGIBLE_DISCRETION", "ELIGIBLE_WITH_OPEN_CONDITIONS", "NOT_ELIGIBLE", "NOT_APPLICABLE"}


@SETTINGS
@given(v=varied)
def test_output_is_json_and_matches_the_contract(v):
    out = evaluate(_build(v), on=v["on"])
    again = json.loads(json.dumps(out))
    assert again == out
    assert set(out) == {"evaluation_date", "engine_version", "results"}
    assert out["evaluation_date"] == v["on"].isoformat()
    assert [r["route"] for r in out["results"]] == list(ROUTES)
    for r in out["results"]:
        assert set(r) == RESULT_KEYS
        assert r["outcome"] in OUTCOMES
        assert r["criteria"], r["route"]
        for c in r["criteria"]:
            assert set(c) == CRITERION_KEYS
            assert c["met"] in (True, False, None)
            assert c["text"] and c["citation"]
        if r["earliest_date"] is not None:
            assert r["outcome"] == "NOT_ELIGIBLE"
            assert date.fromisoformat(r["earliest_date"]) > v["on"]
        if r["outcome"] == "ELIGIBLE":
            assert all(c["met"] is True for c in r["criteria"]), r["route"]
