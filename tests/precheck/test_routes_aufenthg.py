"""Route tests for the AufenthG routes, built from the statute text: thresholds, cut-off days and version dates."""

import pytest
from precheck_support import DROP, GEDULDET, REFUGEE, crit, merge, result, with_status

ON = "2026-11-24"


def duldung_since(start, base=GEDULDET, **patch):
    return with_status(base, [{"status": "duldung_60a", "from": start, "to": None}], **patch)


# ---------------------------------------------------------------- § 104c AufenthG
CHANCE = merge(GEDULDET, {"status_history": [{"status": "duldung_60a", "from": "2017-10-31", "to": None}]})


@pytest.mark.parametrize(("on", "version", "outcome"), [
    ("2022-12-30", None, "NOT_APPLICABLE"),  # day before ChancenG Art. 1 in force
    ("2022-12-31", "AUFENTHG_104C_V1", "ELIGIBLE"),  # § 104c V1 first day
    ("2025-12-30", "AUFENTHG_104C_V1", "ELIGIBLE"),  # last day of V1
    ("2025-12-31", "AUFENTHG_104C_V2", "NOT_APPLICABLE"),  # Art. 5 ChancenG: transitional rule only
])
def test_104c_version_days(on, version, outcome):
    r = result(CHANCE, "AUFENTHG_104C", on)
    assert (r["version"], r["outcome"]) == (version, outcome)


def test_104c_stichtag_entry_31_october_2017_meets_five_years():  # § 104c Abs. 1 S. 1, §§ 187 I, 188 II BGB
    assert crit(result(CHANCE, "AUFENTHG_104C", "2024-01-10"), "STICHTAG_5Y")["met"] is True


def test_104c_stichtag_1_november_2017_fails_by_default_but_meets_with_start_day_counted():  # U-04
    facts = duldung_since("2017-11-01")
    r = result(facts, "AUFENTHG_104C", "2024-01-10")
    assert r["outcome"] == "NOT_ELIGIBLE" and r["earliest_date"] is None
    assert "§ 187 Abs. 2 BGB" in crit(r, "STICHTAG_5Y")["text"]
    assert result(facts, "AUFENTHG_104C", "2024-01-10", count_start_day=True)["outcome"] == "ELIGIBLE"


def test_104c_60b_periods_count():  # § 104c Abs. 1 S. 3
    facts = with_status(GEDULDET, [
        {"status": "duldung_60b_ungeklaerte_identitaet", "from": "2017-06-01", "to": "2020-01-01"},
        {"status": "duldung_60a", "from": "2020-01-01", "to": None}])
    assert crit(result(facts, "AUFENTHG_104C", "2024-01-10"), "STICHTAG_5Y")["met"] is True


@pytest.mark.parametrize(("convictions", "outcome"), [
    ([{"court_country": "DE", "intentional": True, "sanction_type": "geldstrafe", "tagessaetze": 50,
       "auslaenderspezifisch": False, "tilgungsreif": False}], "ELIGIBLE"),  # Abs. 1 S. 1 Nr. 2: up to 50 TS
    ([{"court_country": "DE", "intentional": True, "sanction_type": "geldstrafe", "tagessaetze": 51,
       "auslaenderspezifisch": False, "tilgungsreif": False}], "NOT_ELIGIBLE"),
    ([{"court_country": "DE", "intentional": True, "sanction_type": "jgg_other", "tilgungsreif": False}],
     "ELIGIBLE"),  # JGG measures other than Jugendstrafe are ignored
    ([{"court_country": "DE", "intentional": True, "sanction_type": "geldstrafe", "tagessaetze": 20,
       "auslaenderspezifisch": False, "tilgungsreif": False},
      {"court_country": "DE", "intentional": True, "sanction_type": "geldstrafe", "tagessaetze": 60,
       "auslaenderspezifisch": True, "tilgungsreif": False}], "ELIGIBLE_WITH_OPEN_CONDITIONS"),  # U-09
])
def test_104c_criminal_thresholds(convictions, outcome):
    assert result(merge(CHANCE, {"convictions": convictions}), "AUFENTHG_104C", "2024-01-10")["outcome"] == outcome


def test_104c_repeated_deception_that_prevents_removal_excludes():  # Abs. 1 S. 2
    facts = merge(CHANCE, {"deception": {"own_false_statements_or_identity_deception": True, "repeated": True,
                                         "currently_prevents_removal": True}})
    assert result(facts, "AUFENTHG_104C", "2024-01-10")["outcome"] == "NOT_ELIGIBLE"
    past = merge(facts, {"deception": {"currently_prevents_removal": False}})
    r = result(past, "AUFENTHG_104C", "2024-01-10")
    assert r["outcome"] == "ELIGIBLE_WITH_OPEN_CONDITIONS"  # U-18


def test_104c_mere_non_cooperation_does_not_exclude():
    facts = merge(CHANCE, {"deception": {"non_cooperation_only": True, "currently_prevents_removal": True}})
    assert result(facts, "AUFENTHG_104C", "2024-01-10")["outcome"] == "ELIGIBLE"


@pytest.mark.parametrize(("applied", "outcome", "u19"), [
    ("2025-12-30", "ELIGIBLE_WITH_OPEN_CONDITIONS", False),  # U-03 pending application
    ("2025-12-31", "ELIGIBLE_WITH_OPEN_CONDITIONS", True),  # U-19 disputed last day
])
def test_104c_pending_application_after_repeal(applied, outcome, u19):
    facts = merge(CHANCE, {"person": {"application_dates": {"AUFENTHG_104C": applied}}})
    r = result(facts, "AUFENTHG_104C", "2026-02-01")
    assert (r["version"], r["variant"], r["outcome"]) == ("AUFENTHG_104C_V2", "PENDING_APPLICATION", outcome)
    assert crit(r, "PENDING_APPLICATION_AFTER_REPEAL")["met"] is None
    assert ("umstritten" in crit(r, "PENDING_APPLICATION_AFTER_REPEAL")["text"]) is u19
    closed = result(facts, "AUFENTHG_104C", "2026-02-01", pending_104c_applications="not_applicable")
    assert closed["outcome"] == "NOT_APPLICABLE"


def test_104c_holder_gets_expiry_warning_under_v2():  # § 104c Abs. 2 (V2): extension only via §§ 25a/25b
    facts = with_status(GEDULDET, [
        {"status": "duldung_60a", "from": "2016-01-01", "to": "2024-06-30"},
        {"status": "aufenthaltserlaubnis", "from": "2024-07-01", "to": "2026-01-20", "title_basis": "§ 104c"}])
    r = result(facts, "AUFENTHG_104C", "2026-01-01")
    assert r["outcome"] == "NOT_APPLICABLE"
    assert crit(r, "PERMIT_VALID_UNTIL")["met"] is False


def test_104c_family_member_abs_2_without_own_prior_stay():
    facts = merge(duldung_since("2021-01-01"), {"family_links": [
        {"route": "AUFENTHG_104C", "relation": "spouse", "beneficiary_qualifies": True, "lives_in_household": True}]})
    r = result(facts, "AUFENTHG_104C", "2024-01-10")
    assert (r["variant"], r["outcome"]) == ("ABS_2", "ELIGIBLE")


# ---------------------------------------------------------------- § 25a AufenthG
YOUNG = merge(GEDULDET, {"person": {"birth_date": "2004-02-29"},
                         "status_history": [{"status": "duldung_60a", "from": "2019-01-01", "to": None}],
                         "education": {"years_successful_school_in_de": 4}})


@pytest.mark.parametrize(("applied", "met"), [
    ("2031-02-28", True),  # § 25a Abs. 1 S. 1 Nr. 3: day before the 27th birthday (born 29 Feb → 1 March)
    ("2031-03-01", False),  # on the birthday: too late
])
def test_25a_application_before_27_for_29_february_birth(applied, met):
    facts = merge(YOUNG, {"person": {"application_dates": {"AUFENTHG_25A": applied}}})
    r = result(facts, "AUFENTHG_25A", "2031-06-01")
    assert crit(r, "APPLICATION_BEFORE_AGE_LIMIT")["met"] is met


@pytest.mark.parametrize(("on", "applicable"), [
    ("2018-02-28", False),  # day before the 14th birthday (1 March 2018 in a non-leap year), U-06
    ("2018-03-01", True),
])
def test_25a_lower_age_bound_14(on, applicable):
    facts = merge(YOUNG, {"status_history": [{"status": "duldung_60a", "from": "2012-01-01", "to": None}]})
    r = result(facts, "AUFENTHG_25A", on)
    assert (r["outcome"] != "NOT_APPLICABLE") is applicable


def test_25a_duldung_12_months_and_earliest_date():  # § 25a Abs. 1 S. 1: "seit mindestens zwölf Monaten"
    base = merge(YOUNG, {"status_history": [{"status": "gestattung", "from": "2019-01-01", "to": "2025-11-23"},
                                            {"status": "duldung_60a", "from": "2025-11-24", "to": None}]})
    assert crit(result(base, "AUFENTHG_25A", "2026-11-24"), "DULDUNG_12M")["met"] is True
    later = merge(YOUNG, {"status_history": [{"status": "gestattung", "from": "2019-01-01", "to": "2025-11-24"},
                                             {"status": "duldung_60a", "from": "2025-11-25", "to": None}]})
    r = result(later, "AUFENTHG_25A", "2026-11-24")
    assert crit(r, "DULDUNG_12M")["met"] is False
    assert (r["outcome"], r["earliest_date"]) == ("NOT_ELIGIBLE", "2026-11-25")


def test_25a_v1_four_years_until_30_december_2022_then_three():  # ChancenG Art. 1 Nr. 3
    facts = merge(YOUNG, {"status_history": [{"status": "duldung_60a", "from": "2019-06-01", "to": None}]})
    r1 = result(facts, "AUFENTHG_25A", "2022-12-30")
    assert r1["version"] == "AUFENTHG_25A_V1" and crit(r1, "STAY_4Y")["met"] is False
    r2 = result(facts, "AUFENTHG_25A", "2022-12-31")
    assert r2["version"] == "AUFENTHG_25A_V2" and crit(r2, "STAY_3Y")["met"] is True


def test_25a_before_first_modelled_version():
    assert result(YOUNG, "AUFENTHG_25A", "2015-07-31")["outcome"] == "NOT_APPLICABLE"


def test_25a_eligible_and_own_deception_excludes():  # § 25a Abs. 1 S. 3
    assert result(YOUNG, "AUFENTHG_25A", "2026-11-24")["outcome"] == "ELIGIBLE"
    own = merge(YOUNG, {"deception": {"own_false_statements_or_identity_deception": True,
                                      "currently_prevents_removal": True}})
    assert result(own, "AUFENTHG_25A", "2026-11-24")["outcome"] == "NOT_ELIGIBLE"
    parents = merge(YOUNG, {"deception": {"by_parents_only": True, "currently_prevents_removal": True}})
    assert result(parents, "AUFENTHG_25A", "2026-11-24")["outcome"] == "ELIGIBLE"


def test_25a_v3_from_1_july_2027_former_104c_holder_is_a_legal_question():  # U-13, U-22
    facts = merge(YOUNG, {"status_history": [
        {"status": "duldung_60a", "from": "2016-01-01", "to": "2025-12-29"},
        {"status": "aufenthaltserlaubnis", "from": "2025-12-30", "to": "2027-06-29", "title_basis": "§ 104c"},
        {"status": "fiktion_81_4", "from": "2027-06-30", "to": None}]})
    assert result(facts, "AUFENTHG_25A", "2027-06-30")["version"] == "AUFENTHG_25A_V2"
    r = result(facts, "AUFENTHG_25A", "2027-07-01")
    assert r["version"] == "AUFENTHG_25A_V3"
    assert crit(r, "TARGET_STATUS")["met"] is None


# ---------------------------------------------------------------- § 25b AufenthG
@pytest.mark.parametrize(("start", "met", "earliest"), [
    ("2020-11-24", True, None),  # § 25b Abs. 1 S. 2 Nr. 1: six years reached on 24.11.2026
    ("2020-11-25", False, "2026-11-25"),
])
def test_25b_six_years(start, met, earliest):
    r = result(duldung_since(start), "AUFENTHG_25B", ON)
    assert crit(r, "STAY_6Y")["met"] is met
    assert r["earliest_date"] == earliest


def test_25b_four_years_with_minor_child_until_the_day_before_its_18th_birthday():
    child = {"birth_date": "2008-11-25", "unmarried": True, "lives_in_household": True, "school_age": False,
             "school_attendance_proven": True}
    facts = duldung_since("2022-11-01", person={"children": [child]})
    assert crit(result(facts, "AUFENTHG_25B", "2026-11-24"), "STAY_4Y")["met"] is True
    r = result(facts, "AUFENTHG_25B", "2026-11-25")  # child is 18: six years needed
    assert crit(r, "STAY_6Y")["met"] is False


def test_25b_v1_eight_years_until_30_december_2022():
    facts = duldung_since("2016-01-01")
    r = result(facts, "AUFENTHG_25B", "2022-12-30")
    assert r["version"] == "AUFENTHG_25B_V1" and crit(r, "STAY_8Y")["met"] is False
    r = result(facts, "AUFENTHG_25B", "2022-12-31")
    assert r["version"] == "AUFENTHG_25B_V2" and r["outcome"] == "ELIGIBLE"


@pytest.mark.parametrize(("share", "met", "outcome"), [
    (51, True, "ELIGIBLE"),  # "überwiegend": more than 50 % (U-07)
    (50, False, "ELIGIBLE_WITH_OPEN_CONDITIONS"),  # exactly 50 % → manual check
])
def test_25b_livelihood_mainly_by_work(share, met, outcome):
    facts = merge(GEDULDET, {"livelihood": {"share_of_need_covered_by_employment_pct": share,
                                            "fully_secured_2_3": False, "prognosis_secured": DROP}})
    r = result(facts, "AUFENTHG_25B", ON)
    assert crit(r, "LIVELIHOOD_MAINLY_WORK")["met"] is met
    assert r["outcome"] == outcome


def test_25b_low_share_without_prognosis_fails_and_unknown_prognosis_is_open():
    facts = merge(GEDULDET, {"livelihood": {"share_of_need_covered_by_employment_pct": 30,
                                            "fully_secured_2_3": False, "prognosis_secured": False,
                                            "receives_sgb2_or_sgb12": True}})
    assert result(facts, "AUFENTHG_25B", ON)["outcome"] == "NOT_ELIGIBLE"
    unknown = merge(facts, {"livelihood": {"prognosis_secured": DROP}})
    r = result(unknown, "AUFENTHG_25B", ON)
    assert r["outcome"] == "ELIGIBLE_WITH_OPEN_CONDITIONS"
    assert "livelihood.prognosis_secured" in r["missing_facts"]


def test_25b_oral_a2_suffices_written_is_irrelevant():  # § 25b Abs. 1 S. 2 Nr. 4, RULES 1.4
    facts = merge(GEDULDET, {"language": {"oral": "A2", "written": "none"}})
    assert result(facts, "AUFENTHG_25B", ON)["outcome"] == "ELIGIBLE"
    a1 = merge(GEDULDET, {"language": {"oral": "A1", "written": "B1"}})
    assert result(a1, "AUFENTHG_25B", ON)["outcome"] == "NOT_ELIGIBLE"


@pytest.mark.parametrize(("months", "outcome"), [
    (6, "NOT_ELIGIBLE"),  # § 25b Abs. 2 Nr. 2 with § 54 Abs. 2 Nr. 1: at least six months
    (5, "ELIGIBLE_WITH_OPEN_CONDITIONS"),  # below: regular requirement § 5 Abs. 1 Nr. 2 (U-10)
])
def test_25b_criminal(months, outcome):
    conv = [{"court_country": "DE", "intentional": True, "sanction_type": "freiheitsstrafe", "months": months,
             "suspended": True, "remitted_after_probation": False, "tilgungsreif": False}]
    assert result(merge(GEDULDET, {"convictions": conv}), "AUFENTHG_25B", ON)["outcome"] == outcome


def test_25b_non_cooperation_excludes_unlike_104c():  # § 25b Abs. 2 Nr. 1
    facts = merge(GEDULDET, {"deception": {"non_cooperation_only": True, "currently_prevents_removal": True}})
    assert result(facts, "AUFENTHG_25B", ON)["outcome"] == "NOT_ELIGIBLE"


def test_25b_gestattung_is_not_target_group():
    facts = with_status(GEDULDET, [{"status": "gestattung", "from": "2016-03-01", "to": None}],
                        asylum={"outcome": "pending", "outcome_date": DROP})
    assert result(facts, "AUFENTHG_25B", ON)["outcome"] == "NOT_APPLICABLE"


@pytest.mark.parametrize(("gap_to", "met"), [
    ("2019-03-31", None),  # gap of exactly three months → manual check (U-05)
    ("2019-04-01", False),  # longer gap breaks the chain
])
def test_25b_gaps_in_the_status_history(gap_to, met):
    facts = with_status(GEDULDET, [
        {"status": "duldung_60a", "from": "2016-01-01", "to": "2018-12-31"},
        {"status": "none", "from": "2019-01-01", "to": gap_to},
        {"status": "duldung_60a", "from": f"2019-04-{'01' if gap_to.endswith('31') else '02'}", "to": None}])
    assert crit(result(facts, "AUFENTHG_25B", "2024-11-24"), "STAY_6Y")["met"] is met


def test_25b_60b_periods_break_or_need_manual_check():  # U-24
    facts = with_status(GEDULDET, [
        {"status": "duldung_60a", "from": "2016-01-01", "to": "2018-12-31"},
        {"status": "duldung_60b_ungeklaerte_identitaet", "from": "2019-01-01", "to": "2019-06-30"},
        {"status": "duldung_60a", "from": "2019-07-01", "to": None}])
    assert crit(result(facts, "AUFENTHG_25B", "2024-11-24"), "STAY_6Y")["met"] is False
    assert crit(result(facts, "AUFENTHG_25B", "2024-11-24", p60b_periods="manual_check"), "STAY_6Y")["met"] is None


def test_25b_v2_ends_30_june_2027():  # U-13
    assert result(GEDULDET, "AUFENTHG_25B", "2027-06-30")["version"] == "AUFENTHG_25B_V2"
    assert result(GEDULDET, "AUFENTHG_25B", "2027-07-01")["version"] == "AUFENTHG_25B_V3"


# ---------------------------------------------------------------- § 60d AufenthG
@pytest.mark.parametrize(("entry", "met"), [("2022-12-31", True), ("2023-01-01", False)])  # § 60d Abs. 1 (V2)
def test_60d_entry_cut_off(entry, met):
    facts = merge(GEDULDET, {"entry_date": entry, "identity": {"clarified_on": "2024-12-31"},
                             "status_history": [{"status": "duldung_60a", "from": "2023-02-01", "to": None}]})
    r = result(facts, "AUFENTHG_60D", ON)
    assert crit(r, "ENTRY_CUTOFF")["met"] is met


@pytest.mark.parametrize(("on", "version"), [("2024-02-29", "AUFENTHG_60D_V1"), ("2024-03-01", "AUFENTHG_60D_V2")])
def test_60d_version_change_on_1_march_2024(on, version):
    r = result(GEDULDET, "AUFENTHG_60D", on)
    assert r["version"] == version
    if version.endswith("V1"):
        assert r["outcome"] == "ELIGIBLE_WITH_OPEN_CONDITIONS"  # U-16: old text unverified
        assert crit(r, "RULE_TEXT_UNVERIFIED")["met"] is None


@pytest.mark.parametrize(("since", "hours", "met"), [
    ("2025-11-24", 20, True),  # § 60d Abs. 1 Nr. 3: twelve months, at least 20 hours
    ("2025-11-25", 20, False),
    ("2024-01-01", 19.5, False),
])
def test_60d_employment(since, hours, met):
    facts = merge(GEDULDET, {"employment": {"svp_employed_since": since, "hours_per_week": hours}})
    assert crit(result(facts, "AUFENTHG_60D", ON), "EMPLOYMENT_12M")["met"] is met


def test_60d_thirty_day_fine_for_theft_excludes_person_and_spouse():  # § 60d Abs. 1 Nr. 7
    theft = [{"court_country": "DE", "intentional": True, "sanction_type": "geldstrafe", "tagessaetze": 30,
              "auslaenderspezifisch": False, "tilgungsreif": False}]
    assert result(merge(GEDULDET, {"convictions": theft}), "AUFENTHG_60D", ON)["outcome"] == "NOT_ELIGIBLE"
    married = merge(GEDULDET, {"person": {"marital": {"married": True}}, "spouse_convictions": theft})
    assert crit(result(married, "AUFENTHG_60D", ON), "CRIMINAL_60D_SPOUSE")["met"] is False


# ---------------------------------------------------------------- §§ 16g, 60c AufenthG
TRAINEE = merge(GEDULDET, {"training": {"kind": "qualified", "contract_signed": True, "start_date": "2027-05-24",
                                        "started_during_asylum_procedure": False}})


@pytest.mark.parametrize(("route", "on", "applicable"), [
    ("AUFENTHG_16G", "2024-02-29", False), ("AUFENTHG_16G", "2024-03-01", True),
    ("AUFENTHG_60C", "2019-12-31", False), ("AUFENTHG_60C", "2020-01-01", True),
])
def test_training_routes_in_force(route, on, applicable):
    r = result(merge(TRAINEE, {"training": {"start_date": "2020-03-01"}}), route, on)
    assert (r["version"] is not None) is applicable


@pytest.mark.parametrize(("on", "met", "earliest"), [
    ("2026-11-24", True, None),  # § 16g Abs. 3 S. 2: at the earliest six months before the start (24.5.2027)
    ("2026-11-23", False, "2026-11-24"),
])
def test_16g_grant_six_months_before_start(on, met, earliest):
    r = result(TRAINEE, "AUFENTHG_16G", on)
    assert crit(r, "TRAINING_START_TIMING")["met"] is met
    assert r["earliest_date"] == earliest


def test_16g_barred_after_ou_rejection_but_60c_possible():  # § 10 Abs. 3 S. 2, U-23
    facts = merge(TRAINEE, {"asylum": {"outcome": "rejected_ou_30_1_3_7"}})
    assert result(facts, "AUFENTHG_16G", ON)["outcome"] == "NOT_ELIGIBLE"
    assert result(facts, "AUFENTHG_60C", ON)["outcome"] == "ELIGIBLE"


@pytest.mark.parametrize(("start", "met"), [("2026-08-24", True), ("2026-08-25", False)])
def test_16g_duldung_three_months(start, met):  # § 16g Abs. 2 Nr. 2
    facts = with_status(TRAINEE, [{"status": "gestattung", "from": "2016-03-01", "to": "2018-06-30"},
                                  {"status": "none", "from": "2018-07-01", "to": "2026-08-23"},
                                  {"status": "duldung_60a", "from": start, "to": None}])
    assert crit(result(facts, "AUFENTHG_16G", ON), "DULDUNG_3M")["met"] is met


@pytest.mark.parametrize(("clarified_on", "met"), [("2020-07-10", True), ("2020-07-11", False)])
def test_16g_identity_within_six_months_after_entry(clarified_on, met):  # § 16g Abs. 2 Nr. 3 lit. c
    facts = merge(TRAINEE, {"entry_date": "2020-01-10", "identity": {"clarified_on": clarified_on,
                                                                      "reasonable_steps_taken": False},
                            "status_history": [{"status": "duldung_60a", "from": "2021-01-01", "to": None}],
                            "asylum": DROP})
    assert crit(result(facts, "AUFENTHG_16G", ON), "IDENTITY_TIMELY")["met"] is met


# ---------------------------------------------------------------- § 19d AufenthG
@pytest.mark.parametrize(("on", "applicable"), [("2020-02-29", False), ("2020-03-01", True)])
def test_19d_in_force_from_1_march_2020(on, applicable):
    assert (result(GEDULDET, "AUFENTHG_19D", on)["version"] is not None) is applicable


@pytest.mark.parametrize(("months", "outcome"), [(24, "ELIGIBLE"), (23, "NOT_ELIGIBLE")])
def test_19d_foreign_degree_two_years_of_matching_work(months, outcome):  # § 19d Abs. 1 Nr. 1 lit. b
    facts = merge(GEDULDET, {"education": {"foreign_degree_recognised": True},
                             "employment": {"qualified_employment_months": months}})
    r = result(facts, "AUFENTHG_19D", ON)
    assert r["outcome"] == outcome
    if outcome == "NOT_ELIGIBLE":
        assert r["earliest_date"] == "2026-12-24"


def test_19d_needs_b1_in_speech_and_writing():  # § 19d Abs. 1 Nr. 3
    facts = merge(GEDULDET, {"education": {"completed_qualified_vocational_training_in_de": "2025-07-31"},
                             "language": {"oral": "B1", "written": "A2"}})
    assert crit(result(facts, "AUFENTHG_19D", ON), "LANGUAGE_B1")["met"] is False


# ---------------------------------------------------------------- § 9, § 9a AufenthG
PERMIT = with_status(GEDULDET, [{"status": "aufenthaltserlaubnis", "from": "2021-11-24", "to": None,
                                 "title_basis": "§ 18b AufenthG"}])


@pytest.mark.parametrize(("on", "met"), [("2026-11-24", True), ("2026-11-23", False)])
def test_9_five_years_permit(on, met):  # § 9 Abs. 2 S. 1 Nr. 1
    r = result(PERMIT, "AUFENTHG_9", on)
    assert crit(r, "PERMIT_5Y")["met"] is met
    assert r["outcome"] == ("ELIGIBLE" if met else "NOT_ELIGIBLE")


@pytest.mark.parametrize(("months", "met"), [(60, True), (59, False)])
def test_9_sixty_months_pension(months, met):  # § 9 Abs. 2 S. 1 Nr. 3
    assert crit(result(merge(PERMIT, {"pension_contribution_months": months}), "AUFENTHG_9", ON),
                "PENSION_60M")["met"] is met


def test_9a_excluded_for_25b_holders_but_open_to_refugees():  # § 9a Abs. 3
    facts = with_status(GEDULDET, [{"status": "aufenthaltserlaubnis", "from": "2018-01-01", "to": None,
                                    "title_basis": "§ 25b Abs. 1 AufenthG"}])
    assert result(facts, "AUFENTHG_9A", ON)["outcome"] == "NOT_APPLICABLE"
    assert result(REFUGEE, "AUFENTHG_9A", ON)["outcome"] == "ELIGIBLE"


# ---------------------------------------------------------------- § 26 Abs. 3, 4 AufenthG
@pytest.mark.parametrize(("on", "outcome"), [
    ("2026-06-11", "ELIGIBLE"),  # before the GEAS-Anpassungsgesetz
    ("2026-06-12", "ELIGIBLE_WITH_OPEN_CONDITIONS"),  # U-02: text after 12.6.2026 not verified
])
def test_26_3_geas_marker(on, outcome):
    assert result(REFUGEE, "AUFENTHG_26_3", on)["outcome"] == outcome
    assert result(REFUGEE, "AUFENTHG_26_3", on, geas_unverified_open=False)["outcome"] == "ELIGIBLE"


def test_26_3_asylum_procedure_counts_towards_five_years():  # § 26 Abs. 3 S. 1 Nr. 1
    r = result(REFUGEE, "AUFENTHG_26_3", "2021-03-01")
    assert crit(r, "PERMIT_5Y")["met"] is True
    r = result(REFUGEE, "AUFENTHG_26_3", "2021-02-28")
    assert crit(r, "PERMIT_5Y")["met"] is False and r["earliest_date"] == "2021-03-01"


@pytest.mark.parametrize(("share", "variant", "outcome"), [
    (75, "S_3", "ELIGIBLE"),  # § 26 Abs. 3 S. 3: three years, C1, "weit überwiegend" (placeholder 75 %, U-08)
    (60, "S_3", "ELIGIBLE_WITH_OPEN_CONDITIONS"),  # between 50 and 75 %: manual check (U-08)
    (50, "S_1", "NOT_ELIGIBLE"),  # neither track: five years not reached, not even "überwiegend"
])
def test_26_3_fast_track_after_three_years(share, variant, outcome):
    facts = merge(REFUGEE, {"language": {"oral": "C1", "written": "C1"},
                            "livelihood": {"fully_secured_2_3": False, "share_of_need_covered_by_employment_pct": share},
                            "status_history": [{"status": "aufenthaltserlaubnis", "from": "2022-06-01", "to": None,
                                                "title_basis": "§ 25 Abs. 1"}]})
    r = result(facts, "AUFENTHG_26_3", "2026-06-01")
    assert (r["variant"], r["outcome"]) == (variant, outcome)


def test_26_3_before_structure_in_force():
    assert result(REFUGEE, "AUFENTHG_26_3", "2016-08-05")["outcome"] == "NOT_APPLICABLE"


def test_26_4_subsidiary_protection_is_discretion_and_refugees_are_referred_to_abs_3():
    sub = merge(REFUGEE, {"asylum": {"outcome": "subsidiary"}, "status_history": [
        {"status": "gestattung", "from": "2016-03-01", "to": "2017-02-28"},
        {"status": "aufenthaltserlaubnis", "from": "2017-03-01", "to": None, "title_basis": "§ 25 Abs. 2 S. 1 Alt. 2"}]})
    assert result(sub, "AUFENTHG_26_4", "2026-06-11")["outcome"] == "ELIGIBLE_DISCRETION"
    assert result(REFUGEE, "AUFENTHG_26_4", "2026-06-11")["outcome"] == "NOT_APPLICABLE"
    assert result(sub, "AUFENTHG_26_3", "2026-06-11")["outcome"] == "NOT_APPLICABLE"
