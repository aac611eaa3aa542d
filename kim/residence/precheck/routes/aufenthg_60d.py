"""§ 60d AufenthG – Beschäftigungsduldung (RULES.md 8.1).

V2 (from 1.3.2024): entry by 31.12.2022, 12 months Duldung, 12 months employment of at least 20 hours a week.
V1 (1.1.2020 – 29.2.2024) is known only from secondary sources and memory (U-16): it is evaluated with the
reported conditions but never answers more than "open" while ``unverified_versions_open`` is set.
"""

from __future__ import annotations

from datetime import date

from ..context import (
    DULDUNG,
    DULDUNG_NO_60B,
    IDENTITY_UNKNOWN,
    Ctx,
    expulsion,
    extremism,
    fact,
    from_crim,
    not_in_force,
    oral,
    status_unknown,
    stay_time,
)
from ..criminal import crim_60d
from ..dates import age_on
from ..facts import A2
from ..livelihood import secured_2_3
from ..outcome import ELIGIBLE, TARGET, TIME, Criterion, RouteResult
from ..routes.aufenthg_25b import NO_CHILDREN_DATA, _school_children
from ..text import T
from ..versions import version_for
from ._training import DEADLINE_DATA_MISSING, STEPS_UNKNOWN, clarified_in_time

ROUTE = "AUFENTHG_60D"
CIT = "§ 60d Abs. 1 AufenthG"


_LAST_12M = (
     ("Der Lebensunterhalt war in den letzten zwölf Monaten durch die Beschäftigung gesichert.",
      "The livelihood was secured by the employment during the last twelve months."),
     ("Der Lebensunterhalt war in den letzten zwölf Monaten nicht durch die Beschäftigung gesichert.",
      "The livelihood was not secured by the employment during the last twelve months."),
     ("Ob der Lebensunterhalt in den letzten zwölf Monaten durch die Beschäftigung gesichert war, ist nicht angegeben.",
      "Whether the livelihood was secured by the employment during the last twelve months is not stated."),
)
_COURSE = (
     ("Eine Pflicht zur Teilnahme am Integrationskurs wurde erfüllt oder bestand nicht.",
      "An obligation to attend an integration course was met or did not exist."),
     ("Die Pflicht zur Teilnahme am Integrationskurs wurde schuldhaft nicht erfüllt.",
      "The obligation to attend an integration course was culpably not met."),
     ("Ob eine Integrationskurspflicht schuldhaft nicht erfüllt wurde, ist nicht angegeben.",
      "Whether an obligation to attend an integration course was culpably not met is not stated."),
)


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    if v is None:
        return not_in_force(ROUTE, ("Die Beschäftigungsduldung (§ 60d AufenthG)", "The employment Duldung "
                                     "(Beschäftigungsduldung, § 60d AufenthG)"), "§ 60d AufenthG", ctx.on,
                            date(2020, 1, 1))
    v1 = v.id == "AUFENTHG_60D_V1"
    f = ctx.f
    cur = ctx.current
    if cur is None:
        target = Criterion("TARGET_AUSREISEPFLICHTIG", None, status_unknown(ctx.on), CIT, TARGET, ("status_history",))
    elif cur.status in DULDUNG or cur.status == "none":
        target = Criterion("TARGET_AUSREISEPFLICHTIG", True, ("Die Person ist vollziehbar ausreisepflichtig bzw. "
                                                               "geduldet.", "The person is enforceably obliged to "
                                                               "leave or holds a Duldung."), CIT, TARGET)
    else:
        target = Criterion("TARGET_AUSREISEPFLICHTIG", False, ("Die Person ist nicht ausreisepflichtig (Gestattung "
                                                                "oder Aufenthaltstitel); die Beschäftigungsduldung "
                                                                "kommt nicht in Betracht.", "The person is not obliged "
                                                                "to leave (Aufenthaltsgestattung or residence title); "
                                                                "the employment Duldung does not come into question."),
                           CIT, TARGET)
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    cutoff = date(2018, 8, 1) if v1 else date(2022, 12, 31)
    entry = f.entry_date
    if entry is None:
        entry_c = Criterion("ENTRY_CUTOFF", None, ("Das Einreisedatum ist nicht angegeben.", "The date of entry is not "
                                                    "stated."), CIT, missing=("entry_date",))
    elif entry <= cutoff:
        entry_c = Criterion("ENTRY_CUTOFF", True, T("Einreise am {}, also bis zum {}.", "Entry on {}, i.e. by {}.",
                                                    entry, cutoff), CIT)
    else:
        entry_c = Criterion("ENTRY_CUTOFF", False, T("Einreise am {}, also nach dem {}.", "Entry on {}, i.e. after {}.",
                                                     entry, cutoff), CIT)
    criteria = [target, entry_c]
    if v1 and ctx.opts.unverified_versions_open:
        criteria.append(Criterion("RULE_TEXT_UNVERIFIED", None, ("Die bis 29.02.2024 geltende Fassung ist nur aus "
                                                                  "Sekundärquellen rekonstruiert; das Ergebnis ist am "
                                                                  "Gesetzestext zu prüfen.", "The version in force "
                                                                  "until 29 Feb 2024 is reconstructed from secondary "
                                                                  "sources only; check the result against the statute "
                                                                  "text."), "§ 60d AufenthG a. F.", uncertainty="U-16"))
    criteria.append(_identity(ctx, v1))
    criteria.append(stay_time(ctx, "DULDUNG_12M", CIT + " Nr. 2", ctx.chain(DULDUNG_NO_60B), 12,
                               ("Besitz einer Duldung", "Holding a Duldung")))
    criteria.append(_employment(ctx, v1))
    lv = f.livelihood
    criteria.append(fact("LIVELIHOOD_LAST_12M", lv.secured_by_employment_last_12_months if lv else None,
                         "livelihood.secured_by_employment_last_12_months", CIT + " Nr. 4", _LAST_12M))
    criteria.append(secured_2_3(f, "LIVELIHOOD_NOW", CIT + " Nr. 5"))
    if not v1:
        criteria.append(oral(ctx, A2, "LANGUAGE_ORAL_A2", CIT + " Nr. 6"))
    criteria.append(from_crim("CRIMINAL_60D", ctx.crim(crim_60d, f.convictions), CIT + " Nr. 7"))
    m = f.person.marital
    if m is None or m.has_spouse is None:
        criteria.append(Criterion("CRIMINAL_60D_SPOUSE", None, ("Ob die Person verheiratet ist, ist nicht angegeben "
                                                                 "(die Voraussetzung gilt auch für den Ehegatten).",
                                                                 "Whether the person is married is not stated (the "
                                                                 "condition also applies to the spouse)."),
                                  CIT + " Nr. 7", missing=("person.marital.married",)))
    elif m.has_spouse:
        sc = ctx.crim(crim_60d, f.spouse_convictions, "spouse_convictions")
        criteria.append(from_crim("CRIMINAL_60D_SPOUSE", sc, CIT + " Nr. 7"))
    criteria.append(extremism(ctx, "NO_EXTREMISM", CIT + " Nr. 8"))
    criteria.append(expulsion(ctx, "NO_EXPULSION_ORDER", CIT + " Nr. 9"))
    criteria.append(_school_children(ctx, CIT + " Nr. 10"))
    criteria.append(_children_offences(ctx))
    criteria.append(fact("INTEGRATION_COURSE", f.integrationskurs_obligation_unfulfilled_culpably,
                         "integrationskurs_obligation_unfulfilled_culpably", CIT + " Nr. 11", _COURSE, good=False))
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)


def _identity(ctx: Ctx, v1: bool) -> Criterion:
    code, cit = "IDENTITY_TIMELY", CIT + " Nr. 1"
    f = ctx.f
    ident = f.identity
    if ident is not None and ident.clarified is False:
        if ident.reasonable_steps_taken:
            return Criterion(code, True, ("Die Identität ist nicht geklärt, die Person hat aber alle erforderlichen und "
                                           "zumutbaren Maßnahmen zur Klärung ergriffen.", "Identity is not clarified, "
                                           "but the person has taken all necessary and reasonable steps to clarify "
                                           "it."), cit)
        if ident.reasonable_steps_taken is None:
            return Criterion(code, None, STEPS_UNKNOWN, cit, missing=("identity.reasonable_steps_taken",))
        return Criterion(code, False, ("Die Identität ist nicht geklärt und nicht alle zumutbaren Maßnahmen zur "
                                        "Klärung wurden ergriffen.", "Identity is not clarified and not all reasonable "
                                        "steps to clarify it were taken."), cit)
    if ident is None or ident.clarified is None:
        return Criterion(code, None, IDENTITY_UNKNOWN, cit, missing=("identity.clarified",))
    if v1:
        return Criterion(code, True, ("Die Identität ist geklärt.", "Identity is clarified."), cit)
    when = ident.clarified_on
    entry = f.entry_date
    applied = ctx.application_date(ROUTE) or ctx.on
    if entry is None or when is None:
        missing = tuple(p for p, val in (("entry_date", entry), ("identity.clarified_on", when)) if val is None)
        return Criterion(code, None, DEADLINE_DATA_MISSING, cit, missing=missing)
    deadline = applied if entry <= date(2016, 12, 31) or applied <= date(2024, 12, 31) else date(2024, 12, 31)
    if when <= deadline:
        return Criterion(code, True, clarified_in_time(when, deadline), cit)
    if ident.reasonable_steps_taken:
        return Criterion(code, True, T("Die Identität wurde erst am {} geklärt; die Person hatte aber alle zumutbaren "
                                       "Maßnahmen rechtzeitig ergriffen.", "Identity was clarified only on {}; but the "
                                       "person had taken all reasonable steps in time.", when), cit)
    return Criterion(code, False, T("Die Identität wurde erst am {} geklärt, Frist war der {}.", "Identity was "
                                    "clarified only on {}; the deadline was {}.", when, deadline), cit)


def _employment(ctx: Ctx, v1: bool) -> Criterion:
    code = "EMPLOYMENT_18M" if v1 else "EMPLOYMENT_12M"
    cit = CIT + " Nr. 3"
    months = 18 if v1 else 12
    emp = ctx.f.employment
    since = emp.svp_employed_since if emp is not None else None
    hours = emp.hours_per_week if emp is not None else None
    min_hours = (20 if ctx.f.person.single_parent else 35) if v1 else 20
    if hours is not None and hours < min_hours:
        return Criterion(code, False, T("Die Beschäftigung umfasst {:g} Wochenstunden; erforderlich sind mindestens {}.",
                                        "The employment covers {:g} hours a week; at least {} are required.", hours,
                                        min_hours), cit, TIME)
    if since is None:
        return Criterion(code, None, ("Beginn einer sozialversicherungspflichtigen Beschäftigung ist nicht angegeben.",
                                       "The start of employment subject to social insurance is not stated."),
                         cit, TIME, ("employment.svp_employed_since",))
    end = ctx.pe(since, months)
    if hours is None:
        return Criterion(code, None, ("Die Wochenarbeitszeit der Beschäftigung ist nicht angegeben.", "The weekly "
                                       "working hours of the employment are not stated."), cit, TIME,
                         ("employment.hours_per_week",))
    if end <= ctx.on:
        return Criterion(code, True, T("Sozialversicherungspflichtig beschäftigt seit dem {} mit {:g} Wochenstunden; {} "
                                       "Monate waren am {} erreicht.", "In employment subject to social insurance "
                                       "since {} with {:g} hours a week; {} months were reached on {}.", since, hours,
                                       months, end), cit, TIME)
    return Criterion(code, False, T("Sozialversicherungspflichtig beschäftigt erst seit dem {}; {} Monate sind am {} "
                                    "erreicht.", "In employment subject to social insurance only since {}; {} months "
                                    "are reached on {}.", since, months, end), cit, TIME, earliest=end)


def _children_offences(ctx: Ctx) -> Criterion:
    code, cit = "CHILDREN_NO_SERIOUS_OFFENCES", CIT + " Nr. 10"
    children = ctx.f.person.children
    if children is None:
        return Criterion(code, None, NO_CHILDREN_DATA, cit, missing=("person.children",))
    missing = []
    for i, ch in enumerate(children):
        if ch.serious_offence:
            return Criterion(code, False, ("Bei einem minderjährigen Kind liegt ein Ausweisungsinteresse nach § 54 "
                                            "Abs. 2 Nr. 1 oder 2 AufenthG oder eine Verurteilung nach § 29 BtMG vor.",
                                            "A minor child has an interest in expulsion under § 54 Abs. 2 Nr. 1 or 2 "
                                            "AufenthG or a conviction under § 29 BtMG."), cit)
        if ch.serious_offence is None:
            # Children under 14 cannot be convicted (§ 19 StGB).
            if ch.birth_date is not None and age_on(ch.birth_date, ctx.on) < 14:
                continue
            if ch.birth_date is not None and age_on(ch.birth_date, ctx.on) >= 18:
                continue
            missing.append(f"person.children[{i}].serious_offence")
    if missing:
        return Criterion(code, None, ("Ob bei minderjährigen Kindern ab 14 Jahren Straftaten im Sinne von § 60d Abs. 1 "
                                       "Nr. 10 AufenthG vorliegen, ist nicht angegeben.", "Whether minor children aged "
                                       "14 or over have offences within § 60d Abs. 1 Nr. 10 AufenthG is not stated."),
                         cit, missing=tuple(missing))
    return Criterion(code, True, ("Bei den minderjährigen Kindern liegen keine Ausschlussgründe vor.", "There are no "
                                   "grounds for exclusion concerning the minor children."), cit)
