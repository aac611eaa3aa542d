"""§ 25a AufenthG – gut integrierte Jugendliche und junge Volljährige (RULES.md 5).

V1 (1.8.2015 – 30.12.2022): geduldete Jugendliche/Heranwachsende, four years, application before 21.
V2 (31.12.2022 – 30.6.2027, switch ``chancen_transition_end``): three years, application before 27, Duldung for
12 months or § 104c holder (Abs. 5, 6). V3: without the § 104c privileges (U-13; pending former holders U-22).
Family members (Abs. 2) are evaluated as variant ABS_2 when ``family_links`` names this route.
"""

from __future__ import annotations

from datetime import date

from ..context import (
    DULDUNG_NO_60B,
    EMPTY,
    NO_DULDUNG_NOW,
    P60B,
    Ctx,
    fact,
    family_link,
    from_crim,
    identity_104c_holder,
    identity_regular,
    not_in_force,
    status_unknown,
    stay_time,
)
from ..criminal import NO_CONVICTION_DATA, crim_50_90
from ..dates import birthday
from ..livelihood import secured_2_3
from ..outcome import (
    ELIGIBLE,
    ELIGIBLE_DISCRETION,
    OUTCOME_RANK,
    REGULAR,
    TARGET,
    Criterion,
    RouteResult,
)
from ..text import EMPTY as NO_TEXT
from ..text import T, cat
from ..versions import Version, version_for

ROUTE = "AUFENTHG_25A"
CIT = "§ 25a Abs. 1 S. 1 AufenthG"
STAY = frozenset({"gestattung", "aufenthaltserlaubnis", "niederlassungserlaubnis", "daueraufenthalt_eu",
                  "fiktion_81_4"} | DULDUNG_NO_60B)
STAY_WITH_60B = STAY | {P60B}


BIRTH_UNKNOWN = ("Das Geburtsdatum ist nicht angegeben.", "The date of birth is not stated.")
HOLDER_104C = ("Die Person besitzt eine Aufenthaltserlaubnis nach § 104c AufenthG (auch im Wege der Fiktion).",
                "The person holds a residence permit under § 104c AufenthG (also as a continuing permit while an "
                "extension is pending).")
BASIS_104C_UNKNOWN = ("Die Rechtsgrundlage der Aufenthaltserlaubnis ist nicht angegeben (§ 104c?).",
                       "The legal basis of the residence permit is not stated (§ 104c?).")
NEITHER_DULDUNG_NOR_104C = ("Die Person ist weder geduldet noch Inhaber einer Aufenthaltserlaubnis nach § 104c "
                             "AufenthG.", "The person neither holds a Duldung nor a residence permit under § 104c "
                             "AufenthG.")
_STAY = ("Ununterbrochener Aufenthalt mit Duldung, Gestattung oder Aufenthaltserlaubnis",
          "Uninterrupted stay with a Duldung, Aufenthaltsgestattung or residence permit")


def geduldet_on(on: date) -> T:
    return T("Die Person ist am {} geduldet.", "The person holds a Duldung (toleration) on {}.", on)


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    if v is None:
        return not_in_force(ROUTE, ("§ 25a AufenthG (in der modellierten Fassung)", "§ 25a AufenthG (in the "
                                     "version modelled here)"), "§ 25a AufenthG", ctx.on, date(2015, 8, 1))
    own = _own(ctx, v)
    fam = _family(ctx, v)
    if fam is not None and OUTCOME_RANK[fam.outcome] > OUTCOME_RANK[own.outcome]:
        return fam
    return own


_PROGNOSIS = (
     ("Es ist gewährleistet, dass sich die Person aufgrund ihrer bisherigen Ausbildung und Lebensverhältnisse in die "
      "Lebensverhältnisse einfügen kann (positive Integrationsprognose).", "Given their education and living "
      "conditions so far, the person can be expected to integrate (positive integration prognosis)."),
     ("Eine positive Integrationsprognose kann nicht gestellt werden.", "A positive integration prognosis cannot be "
      "made."),
     ("Die Integrationsprognose ist noch nicht getroffen; sie ist von der Behörde zu stellen.", "The integration "
      "prognosis has not been made yet; the authority has to make it."),
)
_FDGO_INDICATIONS = (
     ("Konkrete Anhaltspunkte gegen ein Bekenntnis zur freiheitlichen demokratischen Grundordnung bestehen nicht.",
      "There are no concrete indications against a commitment to the free democratic basic order."),
     ("Es bestehen konkrete Anhaltspunkte, dass sich die Person nicht zur freiheitlichen demokratischen Grundordnung "
      "bekennt.", "There are concrete indications that the person is not committed to the free democratic basic "
      "order."),
     ("Ob Anhaltspunkte gegen ein Bekenntnis zur freiheitlichen demokratischen Grundordnung bestehen, ist nicht "
      "angegeben.", "Whether there are indications against a commitment to the free democratic basic order is not "
      "stated."),
)


def _own(ctx: Ctx, v: Version) -> RouteResult:
    f = ctx.f
    v1 = v.id == "AUFENTHG_25A_V1"
    v3 = v.id == "AUFENTHG_25A_V3"
    years = 4 if v1 else 3
    age_limit = 21 if v1 else 27
    holder = ctx.holder_104c() if not v1 else False
    manual_60b = ctx.opts.p60b_periods == "manual_check"
    criteria: list[Criterion] = []

    # Target group: Jugendlicher (>= 14, U-06) or junger Volljähriger.
    age = ctx.age
    if age is None:
        criteria.append(Criterion("TARGET_AGE", None, BIRTH_UNKNOWN, CIT, TARGET, ("person.birth_date",)))
    elif age < ctx.opts.youth_min_age:
        criteria.append(Criterion("TARGET_AGE", False, T("Die Person ist {} Jahre alt und damit noch keine Jugendliche "
                                                         "bzw. kein Jugendlicher (ab {} Jahren).", "The person is {} "
                                                         "years old and thus not yet a young person (from {} "
                                                         "years).", age, ctx.opts.youth_min_age), CIT, TARGET,
                                  uncertainty="U-06"))
        return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)
    else:
        criteria.append(Criterion("TARGET_AGE", True, T("Die Person ist {} Jahre alt und gehört damit zur Zielgruppe "
                                                        "(Jugendliche ab 14 Jahren oder junge Volljährige).", "The "
                                                        "person is {} years old and belongs to the target group "
                                                        "(young people from 14 or young adults).", age), CIT, TARGET,
                                  uncertainty="U-06"))

    # Target group: status.
    cur = ctx.current
    geduldet = ctx.geduldet()
    status_cit = CIT
    if holder and not v3:
        criteria.append(Criterion("TARGET_STATUS", True, HOLDER_104C, status_cit, TARGET))
    elif geduldet:
        criteria.append(Criterion("TARGET_STATUS", True, geduldet_on(ctx.on), status_cit, TARGET))
    elif holder and v3:
        criteria.append(Criterion("TARGET_STATUS", None, ("Die Person ist frühere Inhaberin/früherer Inhaber einer "
                                                           "Aufenthaltserlaubnis nach § 104c; seit dem Wegfall der "
                                                           "Sonderregeln ist sie weder geduldet noch Inhaber nach "
                                                           "§ 104c – Rechtsfrage ungeklärt (LEGAL_QUESTION).", "The "
                                                           "person formerly held a residence permit under § 104c; "
                                                           "since the special rules lapsed they neither hold a Duldung "
                                                           "nor a § 104c permit – unresolved legal question "
                                                           "(LEGAL_QUESTION)."), status_cit, TARGET,
                                  uncertainty="U-13,U-22"))
    elif cur is None:
        criteria.append(Criterion("TARGET_STATUS", None, status_unknown(ctx.on), status_cit, TARGET,
                                  ("status_history",)))
    elif holder is None:
        criteria.append(Criterion("TARGET_STATUS", None, BASIS_104C_UNKNOWN, status_cit, TARGET,
                                  (f"status_history[{cur.index}].title_basis",)))
    elif cur.status == "none":
        criteria.append(Criterion("TARGET_STATUS", None, NO_DULDUNG_NOW, status_cit, TARGET))
    else:
        criteria.append(Criterion("TARGET_STATUS", False, NEITHER_DULDUNG_NOR_104C, status_cit, TARGET))
        return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)

    if not v1 and not (holder and not v3) and geduldet is not False:
        ch12 = ctx.chain(DULDUNG_NO_60B, frozenset({P60B}) if manual_60b else EMPTY)
        criteria.append(stay_time(ctx, "DULDUNG_12M", CIT, ch12, 12, ("Ununterbrochener Besitz einer Duldung",
                                                                       "Holding a Duldung without interruption"),
                                  uncertainty="U-24" if manual_60b else None))

    # Nr. 1: prior stay; § 60b periods count only for § 104c holders (Abs. 5).
    if holder and not v3:
        ch = ctx.chain(STAY_WITH_60B)
    else:
        ch = ctx.chain(STAY, frozenset({P60B}) if manual_60b else EMPTY)
    stay = stay_time(ctx, f"STAY_{years}Y", "§ 25a Abs. 1 S. 1 Nr. 1 AufenthG", ch, years * 12, _STAY)
    birth = f.person.birth_date
    if stay.met is True and birth is not None and ch.strict is not None and \
            ctx.pe(ch.strict, years * 12) >= birthday(birth, age_limit):
        stay = Criterion(stay.code, None, cat(stay.msg, T(" Die Voraufenthaltszeit war jedoch erst nach Vollendung des "
                                                          "{}. Lebensjahres erfüllt; ob das genügt, ist ungeklärt – "
                                                          "Einzelfallprüfung.", " However, the prior stay was "
                                                          "completed only after the person turned {}; whether that "
                                                          "suffices is unresolved – case-by-case review.", age_limit)),
                         stay.citation, stay.kind, uncertainty="U-21")
    criteria.append(stay)

    criteria.append(_school(ctx, years))
    criteria.append(_application_age(ctx, age_limit))
    criteria.append(fact("INTEGRATION_PROGNOSIS", f.integration_prognosis_positive, "integration_prognosis_positive",
                         "§ 25a Abs. 1 S. 1 Nr. 4 AufenthG", _PROGNOSIS))
    criteria.append(fact("NO_FDGO_INDICATIONS", f.indications_against_fdgo, "indications_against_fdgo",
                         "§ 25a Abs. 1 S. 1 Nr. 5 AufenthG", _FDGO_INDICATIONS, good=False))
    edu = f.education
    if edu is not None and edu.in_school_training_or_study:
        criteria.append(Criterion("LIVELIHOOD", True, ("Die Person besucht eine Schule, macht eine Ausbildung oder "
                                                        "studiert; die Inanspruchnahme öffentlicher Leistungen für den "
                                                        "eigenen Lebensunterhalt ist unschädlich.", "The person is at "
                                                        "school, in vocational training or studying; receiving public "
                                                        "benefits for their own livelihood does no harm."),
                                  "§ 25a Abs. 1 S. 2 AufenthG"))
    else:
        criteria.append(secured_2_3(f, "LIVELIHOOD", "§ 5 Abs. 1 Nr. 1 AufenthG", REGULAR))
    if holder and not v3:
        criteria.append(identity_104c_holder(ctx, "IDENTITY", "§ 25a Abs. 6 AufenthG"))
    else:
        criteria.append(identity_regular(ctx, "IDENTITY", "§ 5 Abs. 1 Nr. 1a, Nr. 4 AufenthG"))
    criteria.append(_own_deception(ctx))
    criteria.append(_criminal(ctx))
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)


def _school(ctx: Ctx, years: int) -> Criterion:
    code, cit = "SCHOOL", "§ 25a Abs. 1 S. 1 Nr. 2 AufenthG"
    edu = ctx.f.education
    if ctx.f.illness_or_disability_prevents:
        return Criterion(code, True, ("Der Schulbesuch bzw. Abschluss war wegen Krankheit oder Behinderung nicht "
                                       "möglich; die Voraussetzung entfällt.", "School attendance or a degree was not "
                                       "possible because of illness or disability; the requirement does not apply."),
                         cit)
    n = edu.years_successful_school_in_de if edu is not None else None
    degree = edu.recognised_degree_in_de if edu is not None else None
    if degree:
        return Criterion(code, True, ("Ein anerkannter Schul- oder Berufsabschluss wurde im Bundesgebiet erworben.",
                                       "A recognised school or vocational degree was obtained in Germany."), cit)
    if n is not None and n >= years:
        return Criterion(code, True, T("{:g} Jahre erfolgreicher Schulbesuch im Bundesgebiet (erforderlich in der Regel "
                                       "{} Jahre).", "{:g} years of successful school attendance in Germany (as a "
                                       "rule {} years required).", n, years), cit)
    if n is None or degree is None:
        missing = tuple(p for p, val in (("education.years_successful_school_in_de", n),
                                         ("education.recognised_degree_in_de", degree)) if val is None)
        return Criterion(code, None, T("Erforderlich sind in der Regel {} Jahre erfolgreicher Schulbesuch oder ein "
                                       "anerkannter Abschluss im Bundesgebiet; die Angaben sind unvollständig.",
                                       "As a rule, {} years of successful school attendance or a recognised degree in "
                                       "Germany are required; the information is incomplete.", years), cit,
                         missing=missing)
    return Criterion(code, False, T("Nur {:g} Jahre erfolgreicher Schulbesuch und kein anerkannter Abschluss im "
                                    "Bundesgebiet; erforderlich sind in der Regel {} Jahre.", "Only {:g} years of "
                                    "successful school attendance and no recognised degree in Germany; as a rule {} "
                                    "years are required.", n, years), cit)


_ASSUMED = (" (kein Antragsdatum angegeben; angenommen wird Antragstellung am Entscheidungstag)",
             " (no application date stated; the application is assumed to be filed on the decision date)")


def _application_age(ctx: Ctx, limit: int) -> Criterion:
    code, cit = "APPLICATION_BEFORE_AGE_LIMIT", "§ 25a Abs. 1 S. 1 Nr. 3 AufenthG"
    birth = ctx.f.person.birth_date
    if birth is None:
        return Criterion(code, None, BIRTH_UNKNOWN, cit, missing=("person.birth_date",))
    deadline = birthday(birth, limit)
    last_day = date.fromordinal(deadline.toordinal() - 1)
    applied = ctx.application_date(ROUTE)
    if applied is None:
        assumed = _ASSUMED
        applied = ctx.on
    else:
        assumed = NO_TEXT
    if applied < deadline:
        return Criterion(code, True, T("Antrag am {}{}, also vor Vollendung des {}. Lebensjahres (letzter möglicher "
                                       "Tag: {}).", "Application on {}{}, i.e. before the person turned {} (last "
                                       "possible day: {}).", applied, assumed, limit, last_day), cit)
    return Criterion(code, False, T("Antrag am {}{}; das {}. Lebensjahr war mit Ablauf des {} vollendet. Ein früher "
                                    "gestellter Antrag ist mit Datum zu erfassen.", "Application on {}{}; the person "
                                    "turned {} at the end of {}. An application filed earlier must be entered with its "
                                    "date.", applied, assumed, limit, last_day), cit)


def _own_deception(ctx: Ctx) -> Criterion:
    code, cit = "NO_OWN_DECEPTION", "§ 25a Abs. 1 S. 3 AufenthG"
    d = ctx.f.deception
    if d is None:
        return Criterion(code, None, ("Angaben zu falschen Angaben oder Identitätstäuschung fehlen.", "Information "
                                       "on false statements or identity deception is missing."), cit,
                         missing=("deception.own_false_statements_or_identity_deception",))
    if d.own_false_statements_or_identity_deception is False or d.by_parents_only:
        return Criterion(code, True, ("Die Abschiebung ist nicht wegen eigener falscher Angaben oder eigener Täuschung "
                                       "über Identität oder Staatsangehörigkeit ausgesetzt (Täuschung allein durch die "
                                       "Eltern ist unschädlich).", "Removal is not suspended because of the person's "
                                       "own false statements or own deception about identity or nationality "
                                       "(deception by the parents alone does no harm)."), cit)
    if d.own_false_statements_or_identity_deception is None:
        return Criterion(code, None, ("Ob die Person selbst getäuscht hat, ist nicht angegeben.", "Whether the person "
                                       "deceived personally is not stated."), cit,
                         missing=("deception.own_false_statements_or_identity_deception",))
    if d.currently_prevents_removal is None:
        return Criterion(code, None, ("Die Person hat selbst getäuscht; ob die Abschiebung deswegen ausgesetzt ist, "
                                       "ist nicht angegeben.", "The person deceived personally; whether removal is "
                                       "suspended because of this is not stated."), cit,
                         missing=("deception.currently_prevents_removal",))
    if d.currently_prevents_removal:
        return Criterion(code, False, ("Die Abschiebung ist aufgrund eigener falscher Angaben oder eigener Täuschung "
                                        "über Identität oder Staatsangehörigkeit ausgesetzt; die Erteilung ist zu "
                                        "versagen.", "Removal is suspended because of the person's own false "
                                        "statements or own deception about identity or nationality; the permit must be "
                                        "refused."), cit)
    return Criterion(code, True, ("Frühere eigene Täuschung ist nicht (mehr) ursächlich für die Aussetzung der "
                                   "Abschiebung.", "Earlier deception by the person is no longer the reason why "
                                   "removal is suspended."), cit)


def _criminal(ctx: Ctx) -> Criterion:
    """U-20: no statutory threshold for the young person; any relevant conviction → manual check."""
    code, cit = "CRIMINAL", "§ 25a Abs. 1 S. 1 Nr. 4, § 5 Abs. 1 Nr. 2 AufenthG"
    convs = ctx.f.convictions
    if convs is None:
        return Criterion(code, None, NO_CONVICTION_DATA, cit, missing=("convictions",))
    relevant = [c for c in convs if c.tilgungsreif is not True and (c.date is None or c.date <= ctx.on)]
    if relevant:
        return Criterion(code, None, T("Es liegen {} nicht getilgte Verurteilung(en) vor. § 25a enthält für die junge "
                                       "Person keine feste Grenze; die Verurteilungen fließen in die "
                                       "Integrationsprognose und das Ausweisungsinteresse ein – Einzelfallprüfung.",
                                       "There are {} conviction(s) not yet erased. § 25a sets no fixed limit for the "
                                       "young person; the convictions enter the integration prognosis and the interest "
                                       "in expulsion – case-by-case review.", len(relevant)), cit, uncertainty="U-20")
    ausw = ctx.f.ausweisungsinteresse
    if ausw is None or None in (ausw.p54_1, ausw.p54_2_nr1_2, ausw.other):
        return Criterion(code, None, ("Keine Verurteilungen; Angaben zu einem Ausweisungsinteresse fehlen.", "No "
                                       "convictions; information on an interest in expulsion is missing."), cit,
                         missing=("ausweisungsinteresse",))
    if ausw.p54_1 or ausw.p54_2_nr1_2 or ausw.other:
        return Criterion(code, None, ("Es besteht ein Ausweisungsinteresse; es fließt in die Integrationsprognose und "
                                       "§ 5 Abs. 1 Nr. 2 AufenthG ein – Einzelfallprüfung.", "There is an interest in "
                                       "expulsion; it enters the integration prognosis and § 5 Abs. 1 Nr. 2 AufenthG – "
                                       "case-by-case review."), cit, uncertainty="U-20")
    return Criterion(code, True, ("Keine zu berücksichtigenden Verurteilungen.", "No convictions to be taken into "
                                   "account."), cit)


_OBSTRUCTION = (
     ("Die Abschiebung wird nicht durch falsche Angaben, Identitätstäuschung oder fehlende Mitwirkung verhindert oder "
      "verzögert.", "Removal is not prevented or delayed by false statements, identity deception or lack of "
      "cooperation."),
     ("Die Abschiebung wird durch falsche Angaben, Identitätstäuschung oder fehlende Mitwirkung verhindert oder "
      "verzögert.", "Removal is prevented or delayed by false statements, identity deception or lack of cooperation."),
     ("Ob die Abschiebung durch eigenes Verhalten verhindert oder verzögert wird, ist nicht angegeben.",
      "Whether removal is prevented or delayed by the person's own conduct is not stated."),
)


def _family(ctx: Ctx, v: Version) -> RouteResult | None:
    """§ 25a Abs. 2, 3: parents and minor siblings (kann), spouse and minor children (soll) of a beneficiary."""
    cit = "§ 25a Abs. 2 AufenthG"
    found = family_link(ctx, ROUTE, ("parent", "minor_sibling", "spouse", "minor_child"), cit,
                         ("Familienangehörige(r) einer nach § 25a Abs. 1 AufenthG begünstigten Person",
                          "Family member of a person who qualifies under § 25a Abs. 1 AufenthG"))
    if found is None:
        return None
    relation, link = found
    f = ctx.f
    criteria = [link]
    if relation in ("parent", "spouse"):
        d = f.deception
        if d is None:
            obstruction = None
        else:
            flags = (d.own_false_statements_or_identity_deception, d.non_cooperation_only)
            if True in flags and d.currently_prevents_removal is not False:
                obstruction = True if d.currently_prevents_removal else None
            elif None in flags:
                obstruction = None
            else:
                obstruction = False
        criteria.append(fact("NO_OBSTRUCTION", obstruction, "deception", "§ 25a Abs. 2 S. 1 Nr. 1 AufenthG",
                             _OBSTRUCTION, good=False))
        criteria.append(secured_2_3(f, "LIVELIHOOD_BY_WORK", "§ 25a Abs. 2 S. 1 Nr. 2 AufenthG",
                                    what= (" durch Erwerbstätigkeit", " by employment")))
    r = ctx.crim(crim_50_90, f.convictions)
    criteria.append(from_crim("CRIMINAL_50_90", r, "§ 25a Abs. 3 AufenthG"))
    effect = ELIGIBLE if relation in ("spouse", "minor_child") else ELIGIBLE_DISCRETION
    return ctx.result(ROUTE, v, "ABS_2", criteria, effect)
