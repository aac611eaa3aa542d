"""Statute-specific criminal-record tests (RULES.md 1.6)."""

from datetime import date

import pytest

from kim.residence.precheck.criminal import FAIL, OPEN, PASS, SOFT, crim_25b, crim_50_90, crim_60d, crim_stag
from kim.residence.precheck.facts import Ausweisungsinteresse, Conviction

ON = date(2026, 11, 24)
NONE = Ausweisungsinteresse(False, False, False)


def fine(ts, ausl=False, **kw):
    base = {"date": date(2022, 1, 1), "court_country": "DE", "intentional": True, "sanction_type": "geldstrafe",
                "tagessaetze": ts, "auslaenderspezifisch": ausl, "tilgungsreif": False, "hate_motive_found_in_judgment": False}
    base.update(kw)
    return Conviction(**base)


def prison(months, suspended=True, remitted=True, **kw):
    base = {"date": date(2022, 1, 1), "court_country": "DE", "intentional": True, "sanction_type": "freiheitsstrafe",
                "months": months, "suspended": suspended, "remitted_after_probation": remitted, "auslaenderspezifisch": False,
                "tilgungsreif": False, "hate_motive_found_in_judgment": False}
    base.update(kw)
    return Conviction(**base)


@pytest.mark.parametrize(("convictions", "status"), [
    ((), PASS),
    ((fine(50),), PASS),  # § 19d Abs. 1 Nr. 7: "bis zu 50 Tagessätzen" inclusive
    ((fine(51),), FAIL),
    ((fine(30), fine(20)), PASS),  # "insgesamt"
    ((fine(30), fine(21)), FAIL),
    ((fine(90, ausl=True),), PASS),  # "bis zu 90 Tagessätzen" for ausländerspezifische offences
    ((fine(91, ausl=True),), FAIL),
    ((fine(30), fine(40, ausl=True)), OPEN),  # U-09 mixed case
    ((fine(30), fine(61, ausl=True)), FAIL),  # G + A > 90
    ((prison(2),), FAIL),  # any Freiheitsstrafe
    ((fine(200, intentional=False),), PASS),  # only intentional offences
    ((fine(200, court_country="TR"),), PASS),  # only offences in the Bundesgebiet
    ((fine(200, tilgungsreif=True),), PASS),  # § 51 BZRG
    ((fine(200, date=date(2027, 1, 1)),), PASS),  # after the decision date
])
def test_crim_50_90(convictions, status):
    assert crim_50_90(convictions, ON).status == status


def test_crim_50_90_jgg_measures_ignored_only_for_104c():
    jgg = Conviction(date=date(2020, 1, 1), court_country="DE", intentional=True, sanction_type="jgg_other",
                     tilgungsreif=False)
    assert crim_50_90((jgg,), ON, ignore_jgg_non_jugendstrafe=True).status == PASS  # § 104c Abs. 1 S. 1 Nr. 2
    assert crim_50_90((jgg,), ON).status == OPEN


def test_crim_50_90_unknown_amount_is_open_and_names_the_fact():
    r = crim_50_90((fine(None),), ON)
    assert r.status == OPEN
    assert "convictions[0].tagessaetze" in r.missing


def test_crim_50_90_unknown_fact_does_not_hide_a_certain_failure():
    assert crim_50_90((fine(None), prison(4)), ON).status == FAIL


def test_crim_50_90_missing_list_is_open():
    assert crim_50_90(None, ON).status == OPEN


def test_crim_50_90_gesamtstrafe_group_bounds():
    # 40 + 40 TS combined into one Gesamtstrafe: between 40 and 80 → open
    assert crim_50_90((fine(40, gesamtstrafe_group="g1"), fine(40, gesamtstrafe_group="g1")), ON).status == OPEN
    assert crim_50_90((fine(20, gesamtstrafe_group="g1"), fine(20, gesamtstrafe_group="g1")), ON).status == PASS


@pytest.mark.parametrize(("convictions", "status"), [
    ((fine(30),), FAIL),  # RULES 1.6: a 30-TS theft conviction excludes from § 60d
    ((fine(90, ausl=True),), PASS),  # § 32 Abs. 2 Nr. 5 lit. a BZRG
    ((fine(91, ausl=True),), FAIL),
    ((fine(90, ausl=True), fine(10, ausl=True)), OPEN),  # "keine weitere Strafe eingetragen"
    ((fine(30, intentional=False),), PASS),
])
def test_crim_60d(convictions, status):
    assert crim_60d(convictions, ON).status == status


@pytest.mark.parametrize(("convictions", "status"), [
    ((fine(90),), PASS),  # § 12a Abs. 1 S. 1 Nr. 2 StAG
    ((fine(91),), OPEN),  # "geringfügig" (U-11)
    ((fine(100),), OPEN),
    ((fine(101),), FAIL),
    ((prison(3),), PASS),  # Nr. 3: ≤ 3 months, suspended and remitted
    ((prison(3, remitted=False),), FAIL),
    ((prison(2, suspended=False, remitted=False),), FAIL),
    ((prison(2), fine(30)), PASS),  # 60 + 30 = 90 (1 month = 30 days, U-12)
    ((prison(2), fine(31)), OPEN),
    ((fine(10, hate_motive_found_in_judgment=True),), FAIL),  # § 12a Abs. 1 S. 2
    ((fine(10, intentional=False),), PASS),
    ((Conviction(date=date(2020, 1, 1), court_country="DE", sanction_type="jugendstrafe", months=6,
                 suspended=True, tilgungsreif=False, hate_motive_found_in_judgment=False),), FAIL),
    ((fine(200, court_country="US"),), OPEN),  # § 12a Abs. 2: foreign convictions need a manual look
])
def test_crim_stag(convictions, status):
    assert crim_stag(convictions, ON).status == status


def test_crim_stag_excess_switch():
    assert crim_stag((fine(95),), ON, excess_max=94).status == FAIL


@pytest.mark.parametrize(("convictions", "ausw", "status"), [
    ((), NONE, PASS),
    ((prison(6, suspended=True),), NONE, FAIL),  # § 54 Abs. 2 Nr. 1: at least six months
    ((prison(5),), NONE, SOFT),  # below: § 5 Abs. 1 Nr. 2, discretion (U-10)
    ((fine(30),), NONE, SOFT),
    ((), Ausweisungsinteresse(True, False, False), FAIL),
    ((), Ausweisungsinteresse(False, True, False), FAIL),
    ((), None, OPEN),
])
def test_crim_25b(convictions, ausw, status):
    assert crim_25b(convictions, ON, ausw).status == status
