"""Route tests for naturalisation (§§ 9, 10 StAG), built from the statute text."""

import pytest
from precheck_support import DROP, GEDULDET, REFUGEE, crit, merge, result

ON = "2026-11-24"
NE = merge(REFUGEE, {"status_history": [
    {"status": "aufenthaltserlaubnis", "from": "2019-11-24", "to": "2021-11-23", "title_basis": "§ 18b"},
    {"status": "niederlassungserlaubnis", "from": "2021-11-24", "to": None}], "asylum": DROP})


@pytest.mark.parametrize(("on", "version", "variant_possible"), [
    ("2024-06-26", "STAG_10_V0", False),  # before StARModG
    ("2024-06-27", "STAG_10_V1", True),  # StARModG in force
    ("2025-10-29", "STAG_10_V1", True),  # last day of § 10 Abs. 3 ("Turbo")
    ("2025-10-30", "STAG_10_V2", False),  # G v. 27.10.2025: Abs. 3 struck
])
def test_stag10_versions(on, version, variant_possible):
    facts = merge(NE, {"status_history": [{"status": "niederlassungserlaubnis", "from": "2021-06-01", "to": None}],
                       "language": {"oral": "C1", "written": "C1"}, "special_integration_achievements": True})
    r = result(facts, "STAG_10", on)
    assert r["version"] == version
    assert (r["variant"] == "ABS_3") is (variant_possible and r["variant"] == "ABS_3")
    if variant_possible:
        assert (r["variant"], r["outcome"]) == ("ABS_3", "ELIGIBLE_DISCRETION")
    if version == "STAG_10_V0":
        assert crit(r, "NATIONALITY_RENUNCIATION")["met"] is None  # U-14


@pytest.mark.parametrize(("on", "met", "earliest"), [
    ("2024-11-24", True, None),  # § 10 Abs. 1 S. 1: five years reached on 24.11.2024
    ("2024-11-23", False, "2024-11-24"),
])
def test_stag10_five_years(on, met, earliest):
    r = result(NE, "STAG_10", on)
    assert crit(r, "RESIDENCE_5Y")["met"] is met
    assert r["earliest_date"] == earliest


def test_stag10_gestattung_counts_only_after_recognition():  # § 55 Abs. 3 AsylG
    late = merge(REFUGEE, {"status_history": [
        {"status": "gestattung", "from": "2020-01-01", "to": "2022-06-30"},
        {"status": "aufenthaltserlaubnis", "from": "2022-07-01", "to": None, "title_basis": "§ 25 Abs. 2 S. 1 Alt. 1"}],
        "asylum": {"applied_on": "2020-01-01", "outcome_date": "2022-06-01"}})
    assert crit(result(late, "STAG_10", "2025-01-01"), "RESIDENCE_5Y")["met"] is True
    unknown = merge(late, {"asylum": {"outcome": DROP, "outcome_date": DROP}})
    assert crit(result(unknown, "STAG_10", "2025-01-01"), "RESIDENCE_5Y")["met"] is None
    rejected = merge(late, {"asylum": {"outcome": "rejected"}})
    assert crit(result(rejected, "STAG_10", "2025-01-01"), "RESIDENCE_5Y")["met"] is False


def test_stag10_duldung_never_counts():
    assert crit(result(GEDULDET, "STAG_10", ON), "RESIDENCE_5Y")["met"] is False


def test_stag10_stay_abroad_over_six_months_interrupts():  # § 12b Abs. 1 StAG
    long = merge(NE, {"stays_abroad": [{"from": "2022-01-01", "to": "2022-07-02"}]})
    assert crit(result(long, "STAG_10", ON), "RESIDENCE_5Y")["met"] is None
    short = merge(NE, {"stays_abroad": [{"from": "2022-01-01", "to": "2022-07-01"}]})
    assert crit(result(short, "STAG_10", ON), "RESIDENCE_5Y")["met"] is True


@pytest.mark.parametrize(("months", "met"), [(20, True), (19, False)])
def test_stag10_full_time_exception(months, met):  # § 10 Abs. 1 S. 1 Nr. 3 lit. b
    facts = merge(NE, {"livelihood": {"receives_sgb2_or_sgb12": True, "fully_secured_2_3": False},
                       "employment": {"full_time_now": True, "full_time_months_last_24": months}})
    assert crit(result(facts, "STAG_10", ON), "LIVELIHOOD_NO_SGB")["met"] is met


@pytest.mark.parametrize(("applied", "met"), [("2023-08-23", True), ("2023-08-24", False)])
def test_stag10_section_40a_old_livelihood_rule(applied, met):  # § 40a StAG
    facts = merge(NE, {"person": {"application_dates": {"STAG_10": applied}},
                       "livelihood": {"receives_sgb2_or_sgb12": True, "fully_secured_2_3": False,
                                      "benefit_receipt_not_attributable": True},
                       "employment": {"full_time_now": False}})
    assert crit(result(facts, "STAG_10", ON), "LIVELIHOOD_NO_SGB")["met"] is met


@pytest.mark.parametrize(("ts", "outcome"), [
    (90, "ELIGIBLE"), (91, "ELIGIBLE_WITH_OPEN_CONDITIONS"), (101, "NOT_ELIGIBLE"),  # § 12a Abs. 1 StAG
])
def test_stag10_fines(ts, outcome):
    conv = [{"court_country": "DE", "intentional": True, "sanction_type": "geldstrafe", "tagessaetze": ts,
             "tilgungsreif": False, "hate_motive_found_in_judgment": False}]
    assert result(merge(NE, {"convictions": conv}), "STAG_10", ON)["outcome"] == outcome


@pytest.mark.parametrize(("on", "met"), [
    ("2026-01-31", None),  # U-15: § 35a perhaps not yet in force
    ("2026-02-01", False),  # applied from 1.2.2026
    ("2030-01-01", True),  # ten years after the finding of 1.1.2020
])
def test_stag10_sperrfrist_35a(on, met):
    facts = merge(NE, {"stag_deception_finding": True, "stag_deception_finding_date": "2020-01-01"})
    assert crit(result(facts, "STAG_10", on), "NO_SPERRFRIST_35A")["met"] is met


def test_stag10_children_under_16_need_no_test_or_commitment():  # § 10 Abs. 1 S. 2 StAG
    child = merge(NE, {"person": {"birth_date": "2012-01-01"}, "fdgo_commitment_signed": False,
                       "knowledge_test": {"einbuergerungstest_passed": False}})
    r = result(child, "STAG_10", ON)
    assert crit(r, "NATURALISATION_TEST")["met"] is True
    assert crit(r, "FDGO_COMMITMENT")["met"] is True


def test_stag10_pending_investigation_suspends():  # § 12a Abs. 3 StAG
    r = result(merge(NE, {"pending_criminal_investigation": True}), "STAG_10", ON)
    assert r["outcome"] == "ELIGIBLE_WITH_OPEN_CONDITIONS"


def test_stag10_title_25_abs_5_does_not_qualify():  # § 10 Abs. 1 S. 1 Nr. 2 StAG
    facts = merge(NE, {"status_history": [{"status": "aufenthaltserlaubnis", "from": "2018-01-01", "to": None,
                                           "title_basis": "§ 25 Abs. 5 AufenthG"}]})
    assert crit(result(facts, "STAG_10", ON), "RESIDENCE_TITLE")["met"] is False


SPOUSE = merge(NE, {"person": {"marital": {"married": True, "spouse_is_german": True,
                                           "married_since": "2024-11-24"}},
                    "status_history": [{"status": "aufenthaltserlaubnis", "from": "2023-11-24", "to": None,
                                        "title_basis": "§ 28 Abs. 1 S. 1 Nr. 1"}]})


@pytest.mark.parametrize(("on", "outcome", "earliest"), [
    ("2026-11-24", "ELIGIBLE", None),  # § 9 StAG: marriage two years, residence three years
    ("2026-11-23", "NOT_ELIGIBLE", "2026-11-24"),
])
def test_stag9_spouse_of_german(on, outcome, earliest):
    r = result(SPOUSE, "STAG_9", on)
    assert (r["outcome"], r["earliest_date"]) == (outcome, earliest)


def test_stag9_not_married_is_not_applicable():
    assert result(NE, "STAG_9", ON)["outcome"] == "NOT_APPLICABLE"
