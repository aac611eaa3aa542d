"""Pre-fill the pre-check's fact model (PRECHECK-CONTRACT.md) with what the platform knows about a client.

Only facts the platform records are filled in: the birth date (only when year, month and day are known), the
decision date, the date of entry and the residence-status timeline. Everything else stays out, so that the
engine reports it as missing instead of guessing. Statuses the engine's fact model has no value for (visa, EU
freedom of movement, German citizenship) are left out and named in the notes; so is a Fiktionsbescheinigung
that overlaps another status (the engine's timeline does not allow overlaps).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from kim.clients.models import Client
from kim.residence.models import ResidenceStatus, StatusKind

#: StatusKind → the engine's ``status_history[].status`` (kim.residence.precheck.facts.STATUSES).
STATUS_MAP = {
    StatusKind.ASYLUM_PROCEDURE: "gestattung",
    StatusKind.DULDUNG: "duldung_60a",
    StatusKind.DULDUNG_60A: "duldung_60a",
    StatusKind.DULDUNG_60B: "duldung_60b_ungeklaerte_identitaet",
    StatusKind.DULDUNG_60C: "duldung_60c",
    StatusKind.DULDUNG_60D: "duldung_60d",
    StatusKind.AUFENTHALTSERLAUBNIS: "aufenthaltserlaubnis",
    StatusKind.CHANCEN_104C: "aufenthaltserlaubnis",
    StatusKind.NIEDERLASSUNGSERLAUBNIS: "niederlassungserlaubnis",
    StatusKind.DAUERAUFENTHALT_EU: "daueraufenthalt_eu",
    StatusKind.FIKTION: "fiktion_81_4",
    StatusKind.NONE: "none",
}
#: Legal basis assumed where the kind names it and the record has none.
DEFAULT_BASIS = {StatusKind.CHANCEN_104C: "§ 104c AufenthG"}


def _birth_date(client: Client) -> dt.date | None:
    if not (client.birth_year and client.birth_month and client.birth_day):
        return None
    try:
        return dt.date(client.birth_year, client.birth_month, client.birth_day)
    except ValueError:
        return None


def _overlaps(a: ResidenceStatus, b: ResidenceStatus) -> bool:
    end_a = a.valid_to or dt.date.max
    end_b = b.valid_to or dt.date.max
    return a.valid_from < end_b and b.valid_from < end_a


def _period(status: ResidenceStatus) -> dict:
    entry = {
        "status": STATUS_MAP[status.kind],
        "from": status.valid_from.isoformat(),
        "to": status.valid_to.isoformat() if status.valid_to else None,
    }
    basis = status.legal_basis or DEFAULT_BASIS.get(status.kind, "")
    if basis:
        entry["title_basis"] = basis
    return entry


def prefill_from_client(
    client: Client, on: dt.date, *, statuses: list[ResidenceStatus] | None = None
) -> tuple[dict, list[str]]:
    """The facts the platform knows about ``client`` on decision date ``on``, and notes on what was left out.

    The caller has fetched ``client`` through the actor's scope. ``statuses``: the client's residence statuses
    already loaded (ordered by valid_from, pk), so that screening many persons needs no query per person."""
    facts: dict = {}
    notes: list[str] = []
    person: dict = {"evaluation_date": on.isoformat()}
    birth = _birth_date(client)
    if birth is not None:
        person["birth_date"] = birth.isoformat()
    elif client.birth_year:
        notes.append(_("The birth date in the client record is only partly known; enter the full birth date below if it is known."))
    facts["person"] = person
    if client.arrival_germany:
        facts["entry_date"] = client.arrival_germany.isoformat()

    if statuses is None:
        statuses = list(ResidenceStatus.objects.filter(client=client).order_by("valid_from", "pk"))
    mapped = [s for s in statuses if s.kind in STATUS_MAP]
    for status in statuses:
        if status.kind not in STATUS_MAP:
            notes.append(
                _(
                    "The status “%(status)s” from %(date)s has no counterpart in the pre-check and was left out."
                )
                % {"status": status.get_kind_display(), "date": status.valid_from.isoformat()}
            )
    kept = []
    for status in mapped:
        if status.kind == StatusKind.FIKTION and any(
            other is not status and _overlaps(status, other) for other in mapped
        ):
            notes.append(
                _("The Fiktionsbescheinigung from %(date)s overlaps another status and was left out.")
                % {"date": status.valid_from.isoformat()}
            )
            continue
        kept.append(status)
    if kept:
        facts["status_history"] = [_period(s) for s in kept]
    return facts, notes


def facts_from_client(client: Client, on: dt.date, *, statuses: list[ResidenceStatus] | None = None) -> dict:
    """The pre-filled facts alone (see :func:`prefill_from_client`)."""
    return prefill_from_client(client, on, statuses=statuses)[0]


# The guided form ("Vorprüfung"): questions for every fact of the engine's fact model ---------------------------
#
# A question names its fact by the engine's path ("livelihood.receives_wohngeld"). Kinds: bool (yes / no /
# unknown), date, level (German level none…C2), count (whole number ≥ 0), number, pct (0–100), text, choice.
# Every answer may stay "unknown": an unknown answer leaves the fact out of the facts (never "no").
# Repeatable groups (children, residence statuses, convictions, …) are lists of rows; see ROW_GROUPS.

from dataclasses import dataclass, field  # noqa: E402

from django.utils.translation import gettext_lazy  # noqa: E402

from kim.residence.precheck.facts import (  # noqa: E402
    ASYLUM_OUTCOMES,
    LEVELS,
    RELATIONS,
    ROUTE_IDS,
    SANCTIONS,
    STATUSES,
    TRAINING_KINDS,
)


@dataclass(frozen=True)
class Question:
    path: str
    kind: str
    label: str
    help: str = ""
    choices: tuple = ()

    @property
    def name(self) -> str:
        """The form field's name: the path with "__" for dots."""
        return self.path.replace(".", "__")


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    questions: tuple[Question, ...]
    intro: str = ""


@dataclass(frozen=True)
class RowGroup:
    """A repeatable group: ``path`` is the list in the facts (or the dict for application dates); ``known`` is the
    yes/no/unknown question whether there is anything at all (None: rows only)."""

    key: str
    path: str
    title: str
    item: str
    questions: tuple[Question, ...]
    known: Question | None = None
    add_label: str = ""
    after: str = ""  # the key of the Group after which the rows are shown
    extra: dict = field(default_factory=dict)


Q = Question
ASYLUM_OUTCOME_CHOICES = tuple(
    zip(
        ASYLUM_OUTCOMES,
        (
            gettext_lazy("recognised as a refugee"),
            gettext_lazy("entitled to asylum"),
            gettext_lazy("subsidiary protection"),
            gettext_lazy("rejected"),
            gettext_lazy("rejected as manifestly unfounded (§ 30 Abs. 1 Nr. 3–7 AsylG)"),
            gettext_lazy("pending"),
        ),
        strict=True,
    )
)
STATUS_CHOICES = tuple(
    zip(
        STATUSES,
        (
            gettext_lazy("Aufenthaltsgestattung (asylum procedure)"),
            gettext_lazy("Duldung § 60a"),
            gettext_lazy("Duldung § 60b (unclear identity)"),
            gettext_lazy("Ausbildungsduldung § 60c"),
            gettext_lazy("Beschäftigungsduldung § 60d"),
            gettext_lazy("residence permit"),
            gettext_lazy("settlement permit"),
            gettext_lazy("EU long-term residence"),
            gettext_lazy("Fiktionsbescheinigung (§ 81 Abs. 4)"),
            gettext_lazy("no status"),
        ),
        strict=True,
    )
)
SANCTION_CHOICES = tuple(
    zip(
        SANCTIONS,
        (
            gettext_lazy("fine (Geldstrafe)"),
            gettext_lazy("prison sentence (Freiheitsstrafe)"),
            gettext_lazy("youth custody (Jugendstrafe)"),
            gettext_lazy("other measures under the JGG"),
        ),
        strict=True,
    )
)
TRAINING_CHOICES = tuple(
    zip(
        TRAINING_KINDS,
        (
            gettext_lazy("qualified vocational training (at least 2 years)"),
            gettext_lazy("assistant or helper training leading into a shortage occupation"),
            gettext_lazy("other training"),
        ),
        strict=True,
    )
)
RELATION_CHOICES = tuple(
    zip(
        RELATIONS,
        (
            gettext_lazy("spouse or registered partner"),
            gettext_lazy("minor child"),
            gettext_lazy("adult child, minor at entry"),
            gettext_lazy("parent"),
            gettext_lazy("minor sibling"),
        ),
        strict=True,
    )
)
ROUTE_CHOICES = (
    ("AUFENTHG_104C", "§ 104c AufenthG"),
    ("AUFENTHG_25A", "§ 25a AufenthG"),
    ("AUFENTHG_25B", "§ 25b AufenthG"),
    ("AUFENTHG_60C", "§ 60c AufenthG"),
    ("AUFENTHG_60D", "§ 60d AufenthG"),
    ("AUFENTHG_16G", "§ 16g AufenthG"),
    ("AUFENTHG_19D", "§ 19d AufenthG"),
    ("AUFENTHG_9", "§ 9 AufenthG"),
    ("AUFENTHG_9A", "§ 9a AufenthG"),
    ("AUFENTHG_26_3", "§ 26 Abs. 3 AufenthG"),
    ("AUFENTHG_26_4", "§ 26 Abs. 4 AufenthG"),
    ("STAG_10", "§ 10 StAG"),
    ("STAG_9", "§ 9 StAG"),
)
assert tuple(r for r, _label in ROUTE_CHOICES) == ROUTE_IDS
LEVEL_CHOICES = tuple((level, gettext_lazy("no knowledge") if level == "none" else level) for level in LEVELS)

GROUPS: tuple[Group, ...] = (
    Group(
        "person",
        gettext_lazy("Person and family"),
        (
            Q("person.birth_date", "date", gettext_lazy("Date of birth")),
            Q("entry_date", "date", gettext_lazy("Date of entry into Germany")),
            Q("person.marital.married", "bool", gettext_lazy("Is the person married or in a registered partnership?")),
            Q("person.marital.married_since", "date", gettext_lazy("Married since")),
            Q("person.marital.spouse_is_german", "bool", gettext_lazy("Is the spouse or partner German?")),
            Q("person.single_parent", "bool", gettext_lazy("Is the person a single parent?")),
        ),
    ),
    Group(
        "asylum",
        gettext_lazy("Asylum procedure"),
        (
            Q("asylum.applied_on", "date", gettext_lazy("Asylum application filed on")),
            Q(
                "asylum.outcome",
                "choice",
                gettext_lazy("Outcome of the asylum procedure"),
                choices=ASYLUM_OUTCOME_CHOICES,
            ),
            Q("asylum.outcome_date", "date", gettext_lazy("Date of the decision on the asylum application")),
        ),
    ),
    Group(
        "identity",
        gettext_lazy("Identity and passport"),
        (
            Q("identity.clarified", "bool", gettext_lazy("Are identity and nationality clarified?")),
            Q("identity.clarified_on", "date", gettext_lazy("Identity clarified on")),
            Q("identity.passport_valid", "bool", gettext_lazy("Does the person have a valid passport?")),
            Q(
                "identity.reasonable_steps_taken",
                "bool",
                gettext_lazy("Has the person taken all reasonable steps to clarify their identity?"),
            ),
        ),
    ),
    Group(
        "conduct",
        gettext_lazy("Cooperation with the authorities"),
        (
            Q(
                "deception.own_false_statements_or_identity_deception",
                "bool",
                gettext_lazy("Did the person make false statements or deceive about identity or nationality?"),
            ),
            Q("deception.repeated", "bool", gettext_lazy("Was this repeated?")),
            Q("deception.currently_prevents_removal", "bool", gettext_lazy("Does this currently prevent removal?")),
            Q(
                "deception.by_parents_only",
                "bool",
                gettext_lazy("Was the deception only by the parents?"),
                gettext_lazy("Relevant for young people (§ 25a)."),
            ),
            Q(
                "deception.non_cooperation_only",
                "bool",
                gettext_lazy("Did the person only fail to cooperate (e.g. not apply for a passport)?"),
            ),
            Q("expulsion_order", "bool", gettext_lazy("Is there an expulsion order or a deportation order (§ 58a)?")),
            Q("removal_measures_imminent", "bool", gettext_lazy("Are concrete measures to end the stay imminent?")),
        ),
    ),
    Group(
        "language",
        gettext_lazy("German language and integration"),
        (
            Q("language.oral", "level", gettext_lazy("Spoken German (level)"), choices=LEVEL_CHOICES),
            Q("language.written", "level", gettext_lazy("Written German (level)"), choices=LEVEL_CHOICES),
            Q(
                "language.certificate",
                "text",
                gettext_lazy("Language certificate"),
                gettext_lazy("e.g. DTZ B1, telc B1, Goethe C1"),
            ),
            Q(
                "knowledge_test.integrationskurs_completed",
                "bool",
                gettext_lazy("Integration course completed?"),
                gettext_lazy("Including the orientation course (Orientierungskurs)."),
            ),
            Q(
                "knowledge_test.leben_in_deutschland_passed",
                "bool",
                gettext_lazy("“Leben in Deutschland” test passed?"),
            ),
            Q("knowledge_test.einbuergerungstest_passed", "bool", gettext_lazy("Naturalisation test passed?")),
            Q(
                "integrationskurs_obligation_unfulfilled_culpably",
                "bool",
                gettext_lazy("Was an obligation to attend an integration course culpably not met?"),
            ),
            Q(
                "fdgo_commitment_signed",
                "bool",
                gettext_lazy("Has the person signed the commitment to the free democratic basic order?"),
            ),
            Q(
                "indications_against_fdgo",
                "bool",
                gettext_lazy("Are there concrete indications against this commitment?"),
            ),
            Q(
                "historic_responsibility_declaration_signed",
                "bool",
                gettext_lazy(
                    "Has the person declared the commitment to Germany's historical responsibility (naturalisation)?"
                ),
            ),
        ),
    ),
    Group(
        "education",
        gettext_lazy("School and vocational training"),
        (
            Q(
                "education.years_successful_school_in_de",
                "number",
                gettext_lazy("Years of successful school attendance in Germany"),
            ),
            Q("education.school_start_in_de", "date", gettext_lazy("Started school in Germany on")),
            Q(
                "education.recognised_degree_in_de",
                "bool",
                gettext_lazy("Recognised school or vocational degree in Germany?"),
            ),
            Q(
                "education.in_school_training_or_study",
                "bool",
                gettext_lazy("Is the person at school, in vocational training or studying now?"),
            ),
            Q(
                "education.completed_qualified_vocational_training_in_de",
                "date",
                gettext_lazy("Qualified vocational training in Germany completed on"),
            ),
            Q("education.university_degree_in_de", "bool", gettext_lazy("University degree from Germany?")),
            Q("education.foreign_degree_recognised", "bool", gettext_lazy("Foreign degree recognised or comparable?")),
            Q("training.kind", "choice", gettext_lazy("Training taken up or planned"), choices=TRAINING_CHOICES),
            Q("training.contract_signed", "bool", gettext_lazy("Is the training contract signed?")),
            Q("training.start_date", "date", gettext_lazy("Training starts on")),
            Q(
                "training.started_during_asylum_procedure",
                "bool",
                gettext_lazy("Was the training started during the asylum procedure?"),
            ),
        ),
    ),
    Group(
        "employment",
        gettext_lazy("Employment"),
        (
            Q("employment.svp_employed_since", "date", gettext_lazy("In employment subject to social insurance since")),
            Q("employment.hours_per_week", "number", gettext_lazy("Working hours per week")),
            Q("employment.full_time_now", "bool", gettext_lazy("Employed full time now?")),
            Q(
                "employment.full_time_months_last_24",
                "count",
                gettext_lazy("Months in full-time work during the last 24 months"),
            ),
            Q(
                "employment.qualified_employment_months",
                "count",
                gettext_lazy("Months of employment matching a qualification"),
            ),
            Q(
                "employment.job_offer_matching_qualification",
                "bool",
                gettext_lazy("Job offer matching the qualification?"),
            ),
            Q(
                "employment.spouse_full_time_exception",
                "bool",
                gettext_lazy("Is the spouse in full-time work (20 of the last 24 months)?"),
            ),
            Q("employment.employment_ban_60a_6", "bool", gettext_lazy("Is there a ban on employment (§ 60a Abs. 6)?")),
            Q("pension_contribution_months", "count", gettext_lazy("Months of pension contributions")),
        ),
    ),
    Group(
        "livelihood",
        gettext_lazy("Livelihood and household"),
        (
            Q(
                "livelihood.share_of_need_covered_by_employment_pct",
                "pct",
                gettext_lazy("Share of the household's need covered by work (%)"),
                gettext_lazy("0 to 100."),
            ),
            Q(
                "livelihood.fully_secured_2_3",
                "bool",
                gettext_lazy("Is the livelihood fully secured without public funds?"),
            ),
            Q(
                "livelihood.receives_sgb2_or_sgb12",
                "bool",
                gettext_lazy("Benefits under SGB II (Bürgergeld) or SGB XII?"),
            ),
            Q("livelihood.receives_asylblg", "bool", gettext_lazy("Benefits under the AsylbLG?")),
            Q("livelihood.receives_wohngeld", "bool", gettext_lazy("Housing benefit (Wohngeld)?")),
            Q(
                "livelihood.secured_by_employment_last_12_months",
                "bool",
                gettext_lazy("Was the livelihood secured by work during the last 12 months?"),
            ),
            Q(
                "livelihood.nachhaltig_secured",
                "bool",
                gettext_lazy("Is the livelihood secured sustainably (fixed, regular income)?"),
            ),
            Q(
                "livelihood.prognosis_secured",
                "bool",
                gettext_lazy("Is the livelihood expected to be secured in future?"),
            ),
            Q("livelihood.cares_for_relative", "bool", gettext_lazy("Does the person care for a close relative?")),
            Q(
                "livelihood.benefit_receipt_not_attributable",
                "bool",
                gettext_lazy("Is the person not responsible for receiving benefits?"),
            ),
            Q("housing_sufficient", "bool", gettext_lazy("Is there sufficient housing?")),
            Q(
                "gastarbeiter_or_vertragsarbeitnehmer",
                "bool",
                gettext_lazy("Recruited worker before 1974 or contract worker in the GDR?"),
            ),
        ),
    ),
    Group(
        "security",
        gettext_lazy("Convictions and security"),
        (
            Q("pending_criminal_investigation", "bool", gettext_lazy("Is a criminal investigation pending?")),
            Q(
                "ausweisungsinteresse.p54_1",
                "bool",
                gettext_lazy("Particularly serious interest in expulsion (§ 54 Abs. 1)?"),
            ),
            Q(
                "ausweisungsinteresse.p54_2_nr1_2",
                "bool",
                gettext_lazy("Serious interest in expulsion (§ 54 Abs. 2 Nr. 1–2)?"),
            ),
            Q("ausweisungsinteresse.other", "bool", gettext_lazy("Any other interest in expulsion?")),
            Q("extremism_links", "bool", gettext_lazy("Links to extremist or terrorist organisations?")),
        ),
    ),
    Group(
        "other",
        gettext_lazy("Further facts"),
        (
            Q("integration_prognosis_positive", "bool", gettext_lazy("Positive integration prognosis (§ 25a)?")),
            Q(
                "illness_or_disability_prevents",
                "bool",
                gettext_lazy(
                    "Do illness, disability or age make the language, knowledge or livelihood requirements impossible?"
                ),
            ),
            Q("special_integration_achievements", "bool", gettext_lazy("Special integration achievements?")),
            Q(
                "bamf_revocation_notice_73b",
                "bool",
                gettext_lazy("Has the BAMF given notice under § 73b Abs. 3 AsylG?"),
            ),
            Q(
                "stag_deception_finding",
                "bool",
                gettext_lazy("Is there a finding of deception in a naturalisation procedure (§ 35a StAG)?"),
            ),
            Q("stag_deception_finding_date", "date", gettext_lazy("Date of that finding")),
        ),
    ),
)

_CONVICTION = (
    Q("date", "date", gettext_lazy("Date of the judgment")),
    Q("court_country", "text", gettext_lazy("Country of the court"), gettext_lazy("DE for Germany.")),
    Q("sanction_type", "choice", gettext_lazy("Type of penalty"), choices=SANCTION_CHOICES),
    Q("tagessaetze", "count", gettext_lazy("Daily rates (fine)")),
    Q("months", "number", gettext_lazy("Months (prison or youth custody)")),
    Q("intentional", "bool", gettext_lazy("Intentional offence?")),
    Q("suspended", "bool", gettext_lazy("Suspended on probation?")),
    Q("remitted_after_probation", "bool", gettext_lazy("Remitted after probation?")),
    Q("auslaenderspezifisch", "bool", gettext_lazy("Offence only foreigners can commit (e.g. § 95 AufenthG)?")),
    Q("hate_motive_found_in_judgment", "bool", gettext_lazy("Antisemitic, racist or other inhuman motive found?")),
    Q("tilgungsreif", "bool", gettext_lazy("Erased or erasable from the register?")),
    Q(
        "gesamtstrafe_group",
        "text",
        gettext_lazy("Aggregate sentence group"),
        gettext_lazy("The same word for convictions combined into one aggregate sentence."),
    ),
)

ROW_GROUPS: tuple[RowGroup, ...] = (
    RowGroup(
        "status",
        "status_history",
        gettext_lazy("Residence statuses"),
        gettext_lazy("Residence status"),
        (
            Q("status", "choice", gettext_lazy("Status"), choices=STATUS_CHOICES),
            Q("from", "date", gettext_lazy("Valid from")),
            Q("to", "date", gettext_lazy("Valid until"), gettext_lazy("Empty if still valid.")),
            Q("title_basis", "text", gettext_lazy("Legal basis"), gettext_lazy("e.g. § 25 Abs. 2 S. 1 Alt. 1 AufenthG")),
        ),
        add_label=gettext_lazy("Add another residence status"),
        after="person",
    ),
    RowGroup(
        "children",
        "person.children",
        gettext_lazy("Children"),
        gettext_lazy("Child"),
        (
            Q("birth_date", "date", gettext_lazy("Date of birth")),
            Q("unmarried", "bool", gettext_lazy("Unmarried?")),
            Q("lives_in_household", "bool", gettext_lazy("Lives in the household?")),
            Q("school_age", "bool", gettext_lazy("Of school age?")),
            Q("school_attendance_proven", "bool", gettext_lazy("School attendance proven?")),
            Q("german_citizen", "bool", gettext_lazy("German citizen?")),
            Q("serious_offence", "bool", gettext_lazy("Serious offence (§ 54 Abs. 2 Nr. 1–2 AufenthG, § 29 BtMG)?")),
        ),
        known=Q("person.children", "bool", gettext_lazy("Does the person have children?")),
        add_label=gettext_lazy("Add another child"),
        after="person",
    ),
    RowGroup(
        "family",
        "family_links",
        gettext_lazy("Family members with a right of residence"),
        gettext_lazy("Family member"),
        (
            Q("route", "choice", gettext_lazy("Their legal basis"), choices=ROUTE_CHOICES),
            Q("relation", "choice", gettext_lazy("The person is their"), choices=RELATION_CHOICES),
            Q("beneficiary_qualifies", "bool", gettext_lazy("Does that family member qualify?")),
            Q("lives_in_household", "bool", gettext_lazy("Do they live together?")),
        ),
        add_label=gettext_lazy("Add another family member"),
        after="person",
    ),
    RowGroup(
        "convictions",
        "convictions",
        gettext_lazy("Convictions of the person"),
        gettext_lazy("Conviction"),
        _CONVICTION,
        known=Q("convictions", "bool", gettext_lazy("Has the person been convicted of a criminal offence?")),
        add_label=gettext_lazy("Add another conviction"),
        after="security",
    ),
    RowGroup(
        "spouse_convictions",
        "spouse_convictions",
        gettext_lazy("Convictions of the spouse"),
        gettext_lazy("Conviction of the spouse"),
        _CONVICTION,
        known=Q("spouse_convictions", "bool", gettext_lazy("Has the spouse been convicted of a criminal offence?")),
        add_label=gettext_lazy("Add another conviction of the spouse"),
        after="security",
    ),
    RowGroup(
        "abroad",
        "stays_abroad",
        gettext_lazy("Stays abroad"),
        gettext_lazy("Stay abroad"),
        (
            Q("from", "date", gettext_lazy("From")),
            Q("to", "date", gettext_lazy("Until")),
        ),
        known=Q(
            "stays_abroad",
            "bool",
            gettext_lazy("Has the person stayed abroad since entering Germany?"),
            gettext_lazy("Stays of more than six months can interrupt the residence (naturalisation)."),
        ),
        add_label=gettext_lazy("Add another stay abroad"),
        after="other",
    ),
    RowGroup(
        "applications",
        "person.application_dates",
        gettext_lazy("Applications already filed"),
        gettext_lazy("Application"),
        (
            Q("route", "choice", gettext_lazy("Route"), choices=ROUTE_CHOICES),
            Q("date", "date", gettext_lazy("Filed on")),
        ),
        add_label=gettext_lazy("Add another application"),
        after="other",
    ),
)

#: The switches of RULES.md section 10 (kim.residence.precheck.options), for the expert user.
OPTION_QUESTIONS: tuple[Question, ...] = (
    Q("options.count_start_day", "bool", gettext_lazy("Count the day of the event (§ 187 Abs. 2 BGB) – U-04")),
    Q("options.gap_tolerance_months", "count", gettext_lazy("Gaps up to this many months need a manual check – U-05")),
    Q("options.youth_min_age", "count", gettext_lazy("Lower age limit of a young person (§ 25a) – U-06")),
    Q("options.livelihood_mainly_pct", "pct", gettext_lazy("“Predominantly” secured means more than (%) – U-07")),
    Q("options.livelihood_largely_pct", "pct", gettext_lazy("“Largely” secured means at least (%) – U-08")),
    Q("options.stag_minor_excess_max", "count", gettext_lazy("§ 12a StAG: sums up to this are a slight excess – U-11")),
    Q("options.stag_days_per_month", "count", gettext_lazy("§ 12a StAG: days per month of prison – U-12")),
    Q("options.chancen_transition_end", "date", gettext_lazy("Last day of the § 104c privileges – U-13")),
    Q("options.stag_35a_from", "date", gettext_lazy("§ 35a StAG applied from – U-15")),
    Q(
        "options.pending_104c_applications",
        "choice",
        gettext_lazy("§ 104c applications filed before the repeal – U-03"),
        choices=(("open", gettext_lazy("open (manual check)")), ("not_applicable", gettext_lazy("not applicable"))),
    ),
    Q(
        "options.p60b_periods",
        "choice",
        gettext_lazy("§ 60b periods of ordinary Duldung holders – U-24"),
        choices=(("break", gettext_lazy("break the stay")), ("manual_check", gettext_lazy("manual check"))),
    ),
    Q(
        "options.geas_unverified_open",
        "bool",
        gettext_lazy("§ 26 results from 12 Jun 2026 stay open (GEAS text not verified) – U-02"),
    ),
    Q(
        "options.unverified_versions_open",
        "bool",
        gettext_lazy("Versions known only from memory give at most “open” – U-14, U-16"),
    ),
)


def _get(facts: dict, path: str):
    node = facts
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _put(facts: dict, path: str, value) -> None:
    parts = path.split(".")
    node = facts
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def answers_from_facts(facts: dict) -> tuple[dict, dict]:
    """The guided form's initial values for ``facts`` (a fact model dict): (main answers by field name, rows by
    row group key). Values stay as in JSON (ISO dates, "yes"/"no" for booleans)."""
    main: dict = {}
    for question in (*[q for g in GROUPS for q in g.questions], *OPTION_QUESTIONS):
        value = (
            _get(facts, question.path)
            if not question.path.startswith("options.")
            else (facts.get("options") or {}).get(question.path.split(".", 1)[1])
        )
        if value is not None:
            main[question.name] = _initial(question, value)
    rows: dict = {}
    for group in ROW_GROUPS:
        value = _get(facts, group.path)
        if group.key == "applications":
            items = (
                [{"route": route, "date": day} for route, day in (value or {}).items()]
                if isinstance(value, dict)
                else []
            )
        else:
            items = value if isinstance(value, list) else []
        rows[group.key] = [
            {
                q.path: _initial(q, item.get(q.path))
                for q in group.questions
                if isinstance(item, dict) and item.get(q.path) is not None
            }
            for item in items
        ]
        if group.known is not None and isinstance(value, list):
            main[group.known.name] = "yes" if value else "no"
    return main, rows


def _initial(question: Question, value):
    if question.kind == "bool":
        return {True: "yes", False: "no"}.get(value, "")
    return value


def facts_from_answers(main: dict, rows: dict, on: dt.date) -> tuple[dict, dict, dict]:
    """The engine's facts from cleaned answers: (facts, options, row index maps).

    ``main`` maps field names to cleaned values (None = unknown); ``rows`` maps row group keys to lists of cleaned
    rows (dicts, blank rows already left out). Unknown answers are left out; a row group with rows gives a list,
    with the answer "no" an empty list, otherwise nothing. The index map says which form row each list item came
    from (for error messages)."""
    facts: dict = {"person": {"evaluation_date": on.isoformat()}}
    for group in GROUPS:
        for question in group.questions:
            value = main.get(question.name)
            if value is not None:
                _put(facts, question.path, _json(value))
    options: dict = {}
    for question in OPTION_QUESTIONS:
        value = main.get(question.name)
        if value is not None:
            options[question.path.split(".", 1)[1]] = _json(value)
    index_maps: dict = {}
    for group in ROW_GROUPS:
        items = rows.get(group.key) or []
        index_maps[group.key] = [index for index, _row in items]
        cleaned = [{k: _json(v) for k, v in row.items() if v is not None} for _index, row in items]
        if group.key == "applications":
            if cleaned:
                _put(facts, group.path, {row.get("route"): row.get("date") for row in cleaned})
            continue
        if cleaned:
            _put(facts, group.path, cleaned)
        elif group.known is not None and main.get(group.known.name) is False:
            _put(facts, group.path, [])
    return facts, options, index_maps


def _json(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def prefill_for_form(client: Client, on: dt.date, run=None) -> tuple[dict, dict, dict, list[str]]:
    """What the guided form starts with: (facts, options, sources, notes).

    The facts of ``run`` (a saved PrecheckRun, usually the client's latest) are the base; what the client record
    knows (birth date, entry, residence statuses) replaces them. ``sources`` names where each prefilled fact
    comes from (by fact path) so that the form can say so."""
    import copy

    from django.utils.formats import date_format

    record, notes = prefill_from_client(client, on)
    facts: dict = copy.deepcopy(run.facts) if run is not None and isinstance(run.facts, dict) else {}
    options: dict = dict(run.options) if run is not None and isinstance(run.options, dict) else {}
    if isinstance(facts.get("options"), dict):
        options = {**facts.pop("options"), **options}
    sources: dict = {}
    if run is not None:
        label = _("the pre-check of %(date)s") % {"date": date_format(run.created_at, "SHORT_DATE_FORMAT")}
        paths = [q.path for g in GROUPS for q in g.questions] + [g.path for g in ROW_GROUPS]
        sources = {path: label for path in paths if _get(facts, path) is not None}
    person = facts.get("person") if isinstance(facts.get("person"), dict) else {}
    person.pop("evaluation_date", None)
    facts["person"] = person
    record_label = _("the client record")
    for path in ("person.birth_date", "entry_date", "status_history"):
        value = _get(record, path)
        if value is not None:
            _put(facts, path, value)
            sources[path] = record_label
    return facts, options, sources, notes
