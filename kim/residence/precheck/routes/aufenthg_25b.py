"""§ 25b AufenthG – Aufenthaltsgewährung bei nachhaltiger Integration (RULES.md 6).

V1 (1.8.2015 – 30.12.2022): 8 years / 6 with a minor child. V2 (31.12.2022 – 30.6.2027): 6 / 4 years, § 104c
holders included (Abs. 7, 8). V3: without the § 104c privileges (U-13, U-22). Variants: ABS_6 (after 30 months
of Beschäftigungsduldung, § 25b Abs. 6) and ABS_4 (spouse/minor child of a beneficiary, § 25b Abs. 4).
"""

from __future__ import annotations

from datetime import date

from ..context import (
    DULDUNG_NO_60B,
    EMPTY,
    NO_DULDUNG_NOW,
    P60B,
    Ctx,
    duration,
    family_link,
    from_crim,
    identity_104c_holder,
    identity_regular,
    not_in_force,
    oral,
    status_unknown,
    stay_time,
)
from ..criminal import crim_25b
from ..facts import A2
from ..livelihood import mainly_25b
from ..outcome import ELIGIBLE, OUTCOME_RANK, TARGET, Criterion, RouteResult
from ..text import T, cat
from ..versions import Version, version_for
from .aufenthg_25a import BASIS_104C_UNKNOWN, HOLDER_104C, NEITHER_DULDUNG_NOR_104C, geduldet_on
from .aufenthg_104c import FDGO

ROUTE = "AUFENTHG_25B"
CIT1 = "§ 25b Abs. 1 S. 2 AufenthG"
STAY = frozenset({"gestattung", "aufenthaltserlaubnis", "niederlassungserlaubnis", "daueraufenthalt_eu",
                  "fiktion_81_4"} | DULDUNG_NO_60B)
STAY_WITH_60B = STAY | {P60B}


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    if v is None:
        return not_in_force(ROUTE, ("§ 25b AufenthG", "§ 25b AufenthG"), "§ 25b AufenthG", ctx.on, date(2015, 8, 1))
    best = _own(ctx, v)
    for alt in (_abs6(ctx, v), _family(ctx, v)):
        if alt is not None and OUTCOME_RANK[alt.outcome] > OUTCOME_RANK[best.outcome]:
            best = alt
    return best


def _target(ctx: Ctx, v: Version) -> tuple[Criterion, bool]:
    """(TARGET_STATUS criterion, is § 104c holder with privileges)."""
    v1 = v.id == "AUFENTHG_25B_V1"
    v3 = v.id == "AUFENTHG_25B_V3"
    holder = ctx.holder_104c() if not v1 else False
    cit = "§ 25b Abs. 1 S. 1 AufenthG"
    cur = ctx.current
    if holder and not v3:
        return Criterion("TARGET_STATUS", True, HOLDER_104C, cit, TARGET), True
    if ctx.geduldet():
        return Criterion("TARGET_STATUS", True, geduldet_on(ctx.on), cit, TARGET), False
    if holder and v3:
        return Criterion("TARGET_STATUS", None, ("Frühere Inhaberin/früherer Inhaber einer Aufenthaltserlaubnis nach "
                                                  "§ 104c: Seit dem Wegfall der Sonderregeln weder geduldet noch "
                                                  "§ 104c-Inhaber – Rechtsfrage ungeklärt (LEGAL_QUESTION).", "Former "
                                                  "holder of a residence permit under § 104c: since the special rules "
                                                  "lapsed, neither holding a Duldung nor a § 104c permit – unresolved "
                                                  "legal question (LEGAL_QUESTION)."), cit, TARGET,
                         uncertainty="U-13,U-22"), False
    if cur is None:
        return Criterion("TARGET_STATUS", None, status_unknown(ctx.on), cit, TARGET, ("status_history",)), False
    if holder is None:
        return Criterion("TARGET_STATUS", None, BASIS_104C_UNKNOWN, cit, TARGET,
                         (f"status_history[{cur.index}].title_basis",)), False
    if cur.status == "none":
        return Criterion("TARGET_STATUS", None, NO_DULDUNG_NOW, cit, TARGET), False
    if cur.status == "gestattung":
        return Criterion("TARGET_STATUS", False, ("Die Person befindet sich mit Aufenthaltsgestattung im "
                                                   "Asylverfahren; § 25b AufenthG setzt eine Duldung voraus.", "The "
                                                   "person is in the asylum procedure with an Aufenthaltsgestattung; "
                                                   "§ 25b AufenthG requires a Duldung."), cit, TARGET), False
    return Criterion("TARGET_STATUS", False, NEITHER_DULDUNG_NOR_104C, cit, TARGET), False


def _fdgo_knowledge(ctx: Ctx) -> Criterion:
    code, cit = "FDGO_AND_KNOWLEDGE", "§ 25b Abs. 1 S. 2 Nr. 2 AufenthG"
    f = ctx.f
    signed = f.fdgo_commitment_signed
    kt = f.knowledge_test
    knows = None
    if f.illness_or_disability_prevents:
        knows = True
    elif kt is not None:
        values = (kt.leben_in_deutschland_passed, kt.einbuergerungstest_passed, kt.integrationskurs_completed)
        knows = True if True in values else (None if None in values else False)
    if signed is False:
        return Criterion(code, False, FDGO[1], cit)
    if knows is False:
        return Criterion(code, False, ("Grundkenntnisse der Rechts- und Gesellschaftsordnung und der "
                                        "Lebensverhältnisse sind nicht nachgewiesen (z. B. Test „Leben in "
                                        "Deutschland“).", "Basic knowledge of the legal and social order and of living "
                                        "conditions is not proven (e.g. the “Leben in Deutschland” test)."), cit)
    if signed and knows:
        return Criterion(code, True, ("Bekenntnis zur freiheitlichen demokratischen Grundordnung und Grundkenntnisse "
                                       "der Rechts- und Gesellschaftsordnung liegen vor.", "The commitment to the free "
                                       "democratic basic order has been made and basic knowledge of the legal and "
                                       "social order is proven."), cit)
    missing = []
    if signed is None:
        missing.append("fdgo_commitment_signed")
    if knows is None:
        missing.append("knowledge_test.leben_in_deutschland_passed")
    return Criterion(code, None, ("Bekenntnis zur freiheitlichen demokratischen Grundordnung bzw. Nachweis von "
                                   "Grundkenntnissen ist nicht angegeben.", "The commitment to the free democratic "
                                   "basic order or the proof of basic knowledge is not stated."), cit,
                     missing=tuple(missing))


NO_CHILDREN_DATA = ("Angaben zu Kindern fehlen.", "Information on children is missing.")


def _school_children(ctx: Ctx, cit: str = "§ 25b Abs. 1 S. 2 Nr. 5 AufenthG") -> Criterion:
    code = "SCHOOL_ATTENDANCE_CHILDREN"
    children = ctx.f.person.children
    if children is None:
        return Criterion(code, None, NO_CHILDREN_DATA, cit, missing=("person.children",))
    missing = []
    failing = False
    for i, ch in enumerate(children):
        if ch.school_age is None:
            missing.append(f"person.children[{i}].school_age")
        elif ch.school_age:
            if ch.school_attendance_proven is None:
                missing.append(f"person.children[{i}].school_attendance_proven")
            elif not ch.school_attendance_proven:
                failing = True
    if failing:
        return Criterion(code, False, ("Der tatsächliche Schulbesuch eines Kindes im schulpflichtigen Alter ist nicht "
                                        "nachgewiesen.", "Actual school attendance of a child of school age is not "
                                        "proven."), cit)
    if missing:
        return Criterion(code, None, ("Ob alle Kinder im schulpflichtigen Alter die Schule tatsächlich besuchen, ist "
                                       "nicht vollständig angegeben.", "Whether all children of school age actually "
                                       "attend school is not fully stated."), cit, missing=tuple(missing))
    if any(ch.school_age for ch in children):
        return Criterion(code, True, ("Der tatsächliche Schulbesuch der Kinder im schulpflichtigen Alter ist "
                                       "nachgewiesen.", "Actual school attendance of the children of school age is "
                                       "proven."), cit)
    return Criterion(code, True, ("Es gibt keine Kinder im schulpflichtigen Alter.", "There are no children of school "
                                   "age."), cit)


def _obstruction(ctx: Ctx) -> Criterion:
    """§ 25b Abs. 2 Nr. 1: here, unlike § 104c, failure to cooperate also excludes."""
    code, cit = "NO_OBSTRUCTION", "§ 25b Abs. 2 Nr. 1 AufenthG"
    d = ctx.f.deception
    if d is None:
        return Criterion(code, None, ("Angaben zu Täuschung oder fehlender Mitwirkung fehlen.", "Information on "
                                       "deception or lack of cooperation is missing."), cit, missing=("deception",))
    conduct = (d.own_false_statements_or_identity_deception, d.non_cooperation_only)
    if True in conduct:
        if d.currently_prevents_removal:
            return Criterion(code, False, ("Die Person verhindert oder verzögert die Aufenthaltsbeendigung durch "
                                            "falsche Angaben, Täuschung über Identität oder Staatsangehörigkeit oder "
                                            "Nichterfüllung zumutbarer Mitwirkungspflichten; die Aufenthaltserlaubnis "
                                            "ist zu versagen.", "The person prevents or delays the end of their stay "
                                            "by false statements, deception about identity or nationality or failure "
                                            "to meet reasonable duties to cooperate; the residence permit must be "
                                            "refused."), cit)
        if d.currently_prevents_removal is None:
            return Criterion(code, None, ("Täuschung oder fehlende Mitwirkung liegt vor; ob dadurch die "
                                           "Aufenthaltsbeendigung verhindert oder verzögert wird, ist nicht angegeben.",
                                           "There was deception or lack of cooperation; whether this prevents or "
                                           "delays the end of the stay is not stated."), cit,
                             missing=("deception.currently_prevents_removal",))
        return Criterion(code, True, ("Frühere Täuschung oder fehlende Mitwirkung verhindert oder verzögert die "
                                       "Aufenthaltsbeendigung nicht mehr.", "Earlier deception or lack of cooperation "
                                       "no longer prevents or delays the end of the stay."), cit)
    if None in conduct:
        return Criterion(code, None, ("Ob die Person getäuscht oder zumutbare Mitwirkung unterlassen hat, ist nicht "
                                       "vollständig angegeben.", "Whether the person deceived or failed to cooperate "
                                       "reasonably is not fully stated."), cit, missing=tuple(
                             p for p, val in (("deception.own_false_statements_or_identity_deception", conduct[0]),
                                              ("deception.non_cooperation_only", conduct[1])) if val is None))
    return Criterion(code, True, ("Keine Täuschung und keine fehlende Mitwirkung bei der Beseitigung von "
                                   "Ausreisehindernissen.", "No deception and no lack of cooperation in removing "
                                   "obstacles to departure."), cit)


def _common(ctx: Ctx, holder: bool, v3: bool) -> list[Criterion]:
    """Abs. 1 S. 2 Nr. 2–5, identity and the exclusions of Abs. 2 (shared by all tracks)."""
    f = ctx.f
    items = [
        _fdgo_knowledge(ctx),
        mainly_25b(f, ctx.opts, "LIVELIHOOD_MAINLY_WORK", "§ 25b Abs. 1 S. 2 Nr. 3 AufenthG", ctx.on),
        oral(ctx, A2, "LANGUAGE_ORAL_A2", "§ 25b Abs. 1 S. 2 Nr. 4 AufenthG"),
        _school_children(ctx),
    ]
    if holder and not v3:
        items.append(identity_104c_holder(ctx, "IDENTITY", "§ 25b Abs. 8 AufenthG"))
    else:
        items.append(identity_regular(ctx, "IDENTITY", "§ 5 Abs. 1 Nr. 1a, Nr. 4 AufenthG"))
    items.append(_obstruction(ctx))
    items.append(from_crim("CRIMINAL_25B", ctx.crim(crim_25b, f.convictions, f.ausweisungsinteresse),
                           "§ 25b Abs. 2 Nr. 2 AufenthG", "U-10"))
    return items


def _own(ctx: Ctx, v: Version) -> RouteResult:
    v1 = v.id == "AUFENTHG_25B_V1"
    v3 = v.id == "AUFENTHG_25B_V3"
    target, holder = _target(ctx, v)
    if target.met is False:
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    long_m, short_m = (96, 72) if v1 else (72, 48)
    manual_60b = ctx.opts.p60b_periods == "manual_check"
    ch = ctx.chain(STAY_WITH_60B) if holder else ctx.chain(STAY, frozenset({P60B}) if manual_60b else EMPTY)
    child = ctx.minor_child_in_household()
    what = ("Ununterbrochener Aufenthalt geduldet, gestattet oder mit Aufenthaltserlaubnis", "Uninterrupted stay "
             "with a Duldung, Aufenthaltsgestattung or residence permit")
    unc = "U-24" if manual_60b and not holder else None
    long_c = stay_time(ctx, f"STAY_{long_m // 12}Y", CIT1 + " Nr. 1", ch, long_m, what, uncertainty=unc)
    if long_c.met is True or child is False:
        stay = long_c
    else:
        short_c = stay_time(ctx, f"STAY_{short_m // 12}Y", CIT1 + " Nr. 1", ch, short_m,
                            cat(what, (" (mit minderjährigem ledigem Kind in häuslicher Gemeinschaft)", " (living "
                                       "with a minor unmarried child)")), uncertainty=unc)
        if child:
            stay = short_c
        elif short_c.met is True:
            stay = Criterion(short_c.code, None, cat(short_c.msg, T(" Die verkürzte Frist von {} gilt nur mit einem "
                                                                    "minderjährigen ledigen Kind in häuslicher "
                                                                    "Gemeinschaft; die Angaben dazu fehlen.", " The "
                                                                    "shorter period of {} applies only when living "
                                                                    "with a minor unmarried child; that information "
                                                                    "is missing.", duration(short_m))),
                             short_c.citation, short_c.kind, ("person.children",))
        else:
            stay = long_c
    criteria = [target, stay, *_common(ctx, holder, v3)]
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)


def _abs6(ctx: Ctx, v: Version) -> RouteResult | None:
    """§ 25b Abs. 6: holder of a Beschäftigungsduldung for 30 months, without the 6/4-year prior stay."""
    cur = ctx.current
    if cur is None or cur.status != "duldung_60d":
        return None
    cit = "§ 25b Abs. 6 AufenthG"
    from . import aufenthg_60d  # local import: the routes reference each other only here

    ch = ctx.chain(frozenset({"duldung_60d"}))
    criteria = [
        Criterion("TARGET_STATUS", True, ("Die Person besitzt eine Beschäftigungsduldung nach § 60d AufenthG.", "The "
                                           "person holds an employment Duldung under § 60d AufenthG."), cit, TARGET),
        stay_time(ctx, "DULDUNG_60D_30M", cit, ch, 30, ("Besitz der Beschäftigungsduldung", "Holding the "
                                                         "employment Duldung")),
    ]
    d60 = ctx.results.get(aufenthg_60d.ROUTE)
    if d60 is None:
        d60 = ctx.results[aufenthg_60d.ROUTE] = aufenthg_60d.evaluate(ctx)
    if d60.outcome == "ELIGIBLE":
        criteria.append(Criterion("P60D_CONDITIONS", True, ("Die Voraussetzungen der Beschäftigungsduldung sind "
                                                             "weiterhin erfüllt.", "The conditions of the employment "
                                                             "Duldung are still met."), cit))
    elif d60.outcome in ("NOT_ELIGIBLE", "NOT_APPLICABLE"):
        criteria.append(Criterion("P60D_CONDITIONS", False, ("Die Voraussetzungen der Beschäftigungsduldung sind nicht "
                                                              "mehr erfüllt (siehe § 60d).", "The conditions of the "
                                                              "employment Duldung are no longer met (see § 60d)."),
                                  cit))
    else:
        criteria.append(Criterion("P60D_CONDITIONS", None, ("Ob die Voraussetzungen der Beschäftigungsduldung "
                                                             "weiterhin erfüllt sind, ist offen (siehe § 60d).",
                                                             "Whether the conditions of the employment Duldung are "
                                                             "still met is open (see § 60d)."), cit,
                                  missing=d60.missing_facts))
    criteria.append(oral(ctx, A2, "LANGUAGE_ORAL_A2", cit))
    lang = ctx.f.language
    written = lang.written if lang is not None else None
    if written is not None and written >= A2:
        criteria.append(Criterion("LANGUAGE_WRITTEN_A2", True, ("Schriftliche Deutschkenntnisse auf Niveau A2 liegen "
                                                                 "vor.", "Written German at level A2 is proven."), cit))
    else:
        criteria.append(Criterion("LANGUAGE_WRITTEN_A2", None, ("War ein Integrationskurs verfügbar, werden auch "
                                                                 "schriftliche Kenntnisse auf Niveau A2 (der Person "
                                                                 "oder des Ehegatten) verlangt; das ist zu prüfen.",
                                                                 "If an integration course was available, written "
                                                                 "German at level A2 (of the person or the spouse) is "
                                                                 "also required; this must be checked."), cit,
                                  missing=("language.written",) if written is None else ()))
    criteria.append(_obstruction(ctx))
    criteria.append(from_crim("CRIMINAL_25B", ctx.crim(crim_25b, ctx.f.convictions, ctx.f.ausweisungsinteresse),
                              "§ 25b Abs. 2 Nr. 2 AufenthG", "U-10"))
    return ctx.result(ROUTE, v, "ABS_6", criteria, ELIGIBLE)


def _family(ctx: Ctx, v: Version) -> RouteResult | None:
    """§ 25b Abs. 4: spouse/partner and minor unmarried children of a beneficiary (no own prior stay)."""
    cit = "§ 25b Abs. 4 AufenthG"
    found = family_link(ctx, ROUTE, ("spouse", "minor_child"), cit,
                         ("Ehegatte/Lebenspartner oder minderjähriges lediges Kind einer nach § 25b Abs. 1 "
                          "begünstigten Person", "Spouse/partner or minor unmarried child of a person who qualifies "
                          "under § 25b Abs. 1"))
    if found is None:
        return None
    items = _common(ctx, False, v.id == "AUFENTHG_25B_V3")
    for c in items:
        if c.code == "LIVELIHOOD_MAINLY_WORK":
            c.uncertainty = "U-25"  # assessed on the family's income
    return ctx.result(ROUTE, v, "ABS_4", [found[1], *items], ELIGIBLE)
