"""Names of the facts of the fact model in German and English, for missing facts and input errors.

``fact_label("person.children[1].school_age", "en")`` gives "Child 2: of school age". Every field of the fact
model (facts.py, including the extensions) has a name; tests/precheck/test_labels.py checks that.
"""

from __future__ import annotations

import re

from .facts import ROUTE_IDS

#: path pattern ("[]" for a list index) -> (German, English)
LABELS: dict[str, tuple[str, str]] = {
    "facts": ("Sachverhalt", "facts"),
    "--on": ("Entscheidungsdatum", "decision date"),
    "person": ("Angaben zur Person", "personal details"),
    "person.birth_date": ("Geburtsdatum", "date of birth"),
    "person.evaluation_date": ("Entscheidungsdatum", "decision date"),
    "person.application_dates": ("Antragsdaten", "application dates"),
    "person.application_dates.*": ("Antragsdatum", "application date"),
    "person.marital": ("Familienstand", "marital status"),
    "person.marital.spouse_id": ("Kennung des Ehegatten", "spouse's reference"),
    "person.marital.married_since": ("Datum der Eheschließung", "date of marriage"),
    "person.marital.spouse_is_german": ("Ehegatte deutsch", "spouse is German"),
    "person.marital.married": ("verheiratet oder verpartnert", "married or in a registered partnership"),
    "person.children": ("Kinder", "children"),
    "person.children[]": ("Kind", "child"),
    "person.children[].birth_date": ("Geburtsdatum", "date of birth"),
    "person.children[].unmarried": ("ledig", "unmarried"),
    "person.children[].lives_in_household": ("lebt im Haushalt", "lives in the household"),
    "person.children[].school_age": ("im schulpflichtigen Alter", "of school age"),
    "person.children[].school_attendance_proven": ("Schulbesuch nachgewiesen", "school attendance proven"),
    "person.children[].german_citizen": ("deutsche Staatsangehörigkeit", "German citizen"),
    "person.children[].serious_offence": ("schwere Straftat (§ 54 Abs. 2 Nr. 1–2 AufenthG, § 29 BtMG)",
                                          "serious offence (§ 54 Abs. 2 Nr. 1–2 AufenthG, § 29 BtMG)"),
    "person.single_parent": ("alleinerziehend", "single parent"),
    "status_history": ("Verlauf des Aufenthaltsstatus", "history of the residence status"),
    "status_history[]": ("Aufenthaltsstatus", "residence status"),
    "status_history[].status": ("Status", "status"),
    "status_history[].from": ("gültig ab", "valid from"),
    "status_history[].to": ("gültig bis", "valid until"),
    "status_history[].title_basis": ("Rechtsgrundlage", "legal basis"),
    "entry_date": ("Einreisedatum", "date of entry"),
    "asylum": ("Asylverfahren", "asylum procedure"),
    "asylum.applied_on": ("Asylantrag gestellt am", "asylum application filed on"),
    "asylum.outcome": ("Ausgang des Asylverfahrens", "outcome of the asylum procedure"),
    "asylum.outcome_date": ("Datum der Asylentscheidung", "date of the asylum decision"),
    "identity": ("Identität", "identity"),
    "identity.clarified": ("Identität geklärt", "identity clarified"),
    "identity.passport_valid": ("gültiger Pass", "valid passport"),
    "identity.reasonable_steps_taken": ("zumutbare Schritte zur Identitätsklärung unternommen",
                                        "reasonable steps to clarify identity taken"),
    "identity.clarified_on": ("Identität geklärt am", "identity clarified on"),
    "deception": ("Täuschung und Mitwirkung", "deception and cooperation"),
    "deception.own_false_statements_or_identity_deception": ("eigene falsche Angaben oder Identitätstäuschung",
                                                             "own false statements or identity deception"),
    "deception.repeated": ("Täuschung wiederholt", "deception repeated"),
    "deception.currently_prevents_removal": ("verhindert derzeit die Abschiebung", "currently prevents removal"),
    "deception.by_parents_only": ("Täuschung nur durch die Eltern", "deception by the parents only"),
    "deception.non_cooperation_only": ("nur fehlende Mitwirkung", "lack of cooperation only"),
    "fdgo_commitment_signed": ("Bekenntnis zur freiheitlichen demokratischen Grundordnung",
                               "commitment to the free democratic basic order"),
    "indications_against_fdgo": ("Anhaltspunkte gegen das Bekenntnis zur FDGO",
                                 "indications against the commitment to the basic order"),
    "historic_responsibility_declaration_signed": ("Bekenntnis zur historischen Verantwortung",
                                                   "commitment to Germany's historical responsibility"),
    "language": ("Deutschkenntnisse", "German language skills"),
    "language.oral": ("Deutsch mündlich (Niveau)", "spoken German (level)"),
    "language.written": ("Deutsch schriftlich (Niveau)", "written German (level)"),
    "language.certificate": ("Sprachzertifikat", "language certificate"),
    "knowledge_test": ("Tests und Integrationskurs", "tests and integration course"),
    "knowledge_test.leben_in_deutschland_passed": ("Test „Leben in Deutschland“ bestanden",
                                                   "“Leben in Deutschland” test passed"),
    "knowledge_test.einbuergerungstest_passed": ("Einbürgerungstest bestanden", "naturalisation test passed"),
    "knowledge_test.integrationskurs_completed": ("Integrationskurs abgeschlossen",
                                                  "integration course completed"),
    "education": ("Schule und Ausbildung", "school and training"),
    "education.years_successful_school_in_de": ("Jahre erfolgreicher Schulbesuch in Deutschland",
                                                "years of successful school attendance in Germany"),
    "education.school_start_in_de": ("Schulbeginn in Deutschland", "start of school in Germany"),
    "education.recognised_degree_in_de": ("anerkannter Schul- oder Berufsabschluss in Deutschland",
                                          "recognised school or vocational degree in Germany"),
    "education.in_school_training_or_study": ("in Schule, Ausbildung oder Studium",
                                              "at school, in training or studying"),
    "education.completed_qualified_vocational_training_in_de": ("qualifizierte Berufsausbildung in Deutschland "
                                                                "abgeschlossen am",
                                                                "qualified vocational training in Germany "
                                                                "completed on"),
    "education.foreign_degree_recognised": ("ausländischer Abschluss anerkannt", "foreign degree recognised"),
    "education.university_degree_in_de": ("Hochschulabschluss in Deutschland", "university degree in Germany"),
    "employment": ("Beschäftigung", "employment"),
    "employment.svp_employed_since": ("sozialversicherungspflichtig beschäftigt seit",
                                      "employed subject to social insurance since"),
    "employment.hours_per_week": ("Wochenstunden", "hours per week"),
    "employment.full_time_months_last_24": ("Monate in Vollzeit in den letzten 24 Monaten",
                                            "months in full-time work in the last 24 months"),
    "employment.qualified_employment_months": ("Monate qualifizierte Beschäftigung",
                                               "months of qualified employment"),
    "employment.job_offer_matching_qualification": ("passendes Arbeitsplatzangebot",
                                                    "job offer matching the qualification"),
    "employment.full_time_now": ("derzeit in Vollzeit beschäftigt", "currently employed full time"),
    "employment.spouse_full_time_exception": ("Ehegatte erfüllt die Vollzeitausnahme",
                                              "spouse meets the full-time exception"),
    "employment.employment_ban_60a_6": ("Beschäftigungsverbot (§ 60a Abs. 6 AufenthG)",
                                        "ban on employment (§ 60a Abs. 6 AufenthG)"),
    "livelihood": ("Lebensunterhalt", "livelihood"),
    "livelihood.share_of_need_covered_by_employment_pct": ("Anteil des Bedarfs aus Erwerbstätigkeit (%)",
                                                           "share of the need covered by employment (%)"),
    "livelihood.fully_secured_2_3": ("Lebensunterhalt ohne öffentliche Mittel gesichert",
                                     "livelihood secured without public funds"),
    "livelihood.receives_sgb2_or_sgb12": ("Leistungen nach SGB II oder SGB XII", "benefits under SGB II or XII"),
    "livelihood.receives_asylblg": ("Leistungen nach AsylbLG", "benefits under the AsylbLG"),
    "livelihood.receives_wohngeld": ("Wohngeld", "housing benefit"),
    "livelihood.secured_by_employment_last_12_months": ("in den letzten 12 Monaten durch Beschäftigung gesichert",
                                                        "secured by employment in the last 12 months"),
    "livelihood.nachhaltig_secured": ("nachhaltig gesichert", "secured sustainably"),
    "livelihood.cares_for_relative": ("pflegt nahe Angehörige", "cares for close relatives"),
    "livelihood.prognosis_secured": ("positive Prognose zur Sicherung", "positive prognosis for securing it"),
    "livelihood.benefit_receipt_not_attributable": ("Leistungsbezug nicht zu vertreten",
                                                    "not responsible for receiving benefits"),
    "pension_contribution_months": ("Beitragsmonate zur Rentenversicherung", "months of pension contributions"),
    "housing_sufficient": ("ausreichender Wohnraum", "sufficient housing"),
    "convictions": ("Verurteilungen", "convictions"),
    "convictions[]": ("Verurteilung", "conviction"),
    "spouse_convictions": ("Verurteilungen des Ehegatten", "spouse's convictions"),
    "spouse_convictions[]": ("Verurteilung des Ehegatten", "spouse's conviction"),
    "*conviction.date": ("Datum", "date"),
    "*conviction.court_country": ("Land des Gerichts", "country of the court"),
    "*conviction.intentional": ("vorsätzlich", "intentional"),
    "*conviction.sanction_type": ("Art der Strafe", "type of penalty"),
    "*conviction.tagessaetze": ("Tagessätze", "daily rates"),
    "*conviction.months": ("Monate", "months"),
    "*conviction.suspended": ("zur Bewährung ausgesetzt", "suspended on probation"),
    "*conviction.remitted_after_probation": ("nach Bewährung erlassen", "remitted after probation"),
    "*conviction.auslaenderspezifisch": ("ausländerspezifisches Delikt", "offence only foreigners can commit"),
    "*conviction.hate_motive_found_in_judgment": ("menschenverachtender Beweggrund im Urteil",
                                                  "inhuman motive found in the judgment"),
    "*conviction.gesamtstrafe_group": ("Gesamtstrafe (Gruppe)", "aggregate sentence (group)"),
    "*conviction.tilgungsreif": ("getilgt oder tilgungsreif", "erased or erasable"),
    "pending_criminal_investigation": ("laufendes Ermittlungsverfahren", "pending criminal investigation"),
    "ausweisungsinteresse": ("Ausweisungsinteresse", "interest in expulsion"),
    "ausweisungsinteresse.p54_1": ("besonders schwerwiegendes Ausweisungsinteresse (§ 54 Abs. 1)",
                                   "particularly serious interest in expulsion (§ 54 Abs. 1)"),
    "ausweisungsinteresse.p54_2_nr1_2": ("schwerwiegendes Ausweisungsinteresse (§ 54 Abs. 2 Nr. 1–2)",
                                         "serious interest in expulsion (§ 54 Abs. 2 Nr. 1–2)"),
    "ausweisungsinteresse.other": ("sonstiges Ausweisungsinteresse", "other interest in expulsion"),
    "extremism_links": ("Bezüge zu Extremismus", "links to extremism"),
    "integrationskurs_obligation_unfulfilled_culpably": ("Integrationskurspflicht schuldhaft nicht erfüllt",
                                                         "integration course obligation culpably not met"),
    "bamf_revocation_notice_73b": ("Mitteilung des BAMF (§ 73b Abs. 3 AsylG)", "BAMF notice (§ 73b Abs. 3 AsylG)"),
    "stays_abroad": ("Auslandsaufenthalte", "stays abroad"),
    "stays_abroad[]": ("Auslandsaufenthalt", "stay abroad"),
    "stays_abroad[].from": ("von", "from"),
    "stays_abroad[].to": ("bis", "until"),
    "stag_deception_finding_date": ("Datum der Feststellung (§ 35a StAG)", "date of the finding (§ 35a StAG)"),
    "stag_deception_finding": ("Feststellung einer Täuschung (§ 35a StAG)", "finding of deception (§ 35a StAG)"),
    "training": ("Berufsausbildung", "vocational training"),
    "training.kind": ("Art der Ausbildung", "kind of training"),
    "training.contract_signed": ("Ausbildungsvertrag geschlossen", "training contract signed"),
    "training.start_date": ("Ausbildungsbeginn", "start of training"),
    "training.started_during_asylum_procedure": ("im Asylverfahren begonnen", "started during the asylum procedure"),
    "expulsion_order": ("Ausweisungsverfügung oder Abschiebungsanordnung", "expulsion or deportation order"),
    "removal_measures_imminent": ("Maßnahmen zur Aufenthaltsbeendigung stehen bevor",
                                  "measures to end the stay imminent"),
    "integration_prognosis_positive": ("positive Integrationsprognose", "positive integration prognosis"),
    "illness_or_disability_prevents": ("Krankheit, Behinderung oder Alter verhindert Nachweise",
                                       "illness, disability or age prevents the proofs"),
    "gastarbeiter_or_vertragsarbeitnehmer": ("angeworbene(r) Arbeitnehmer(in) oder Vertragsarbeitnehmer(in)",
                                             "recruited or contract worker"),
    "special_integration_achievements": ("besondere Integrationsleistungen", "special integration achievements"),
    "family_links": ("Familienangehörige mit Aufenthaltsrecht", "family members with a right of residence"),
    "family_links[]": ("Familienbezug", "family link"),
    "family_links[].route": ("Rechtsgrundlage der Bezugsperson", "legal basis of the family member"),
    "family_links[].relation": ("Verwandtschaft", "relationship"),
    "family_links[].beneficiary_qualifies": ("Bezugsperson ist begünstigt", "family member qualifies"),
    "family_links[].lives_in_household": ("lebt in häuslicher Gemeinschaft", "lives in the same household"),
    "options": ("Einstellungen", "settings"),
    "options.*": ("Einstellung", "setting"),
}

_INDEX = re.compile(r"\[(\d+)\]")


def _pattern(path: str) -> str:
    pattern = _INDEX.sub("[]", path)
    for prefix in ("convictions[].", "spouse_convictions[]."):
        if pattern.startswith(prefix):
            return "*conviction." + pattern[len(prefix):]
    if pattern.startswith("person.application_dates."):
        return "person.application_dates.*"
    if pattern.startswith("options."):
        return "options.*"
    return pattern


def fact_label(path: str, lang: str = "de") -> str:
    """A readable name (capitalised) for a field path of the fact model; unknown paths are returned as they are."""
    label = _label(path, 0 if lang == "de" else 1)
    return label[:1].upper() + label[1:]


def _label(path: str, i: int) -> str:
    pattern = _pattern(path)
    entry = LABELS.get(pattern)
    if entry is None:
        return path
    label = entry[i]
    if pattern == "person.application_dates.*":
        route = path.rsplit(".", 1)[1]
        return f"{label} ({route})" if route in ROUTE_IDS else path
    if pattern == "options.*":
        return f"{label} {path.split('.', 1)[1]}"
    indices = _INDEX.findall(path)
    if indices:
        head = path[: path.index("[")]
        item = LABELS.get(_INDEX.sub("[]", head) + "[]")
        if item is not None:
            prefix = f"{item[i]} {int(indices[0]) + 1}"
            return prefix if pattern.endswith("[]") else f"{prefix}: {label}"
    return label
