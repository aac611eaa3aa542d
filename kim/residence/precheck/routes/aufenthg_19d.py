"""§ 19d AufenthG – Aufenthaltserlaubnis für qualifizierte Geduldete zum Zweck der Beschäftigung (RULES.md 8.3).

Abs. 1 ("soll"): qualification (Nr. 1 a–c), housing, B1, no deception, no delaying of removal, no extremism,
CRIM_50_90. Abs. 1a ("ist zu erteilen", variant ABS_1A): after a completed training under an Ausbildungsduldung
(§ 60c), only Nr. 2, 3, 6 and 7.
"""

from __future__ import annotations

from datetime import date

from ..context import (
    DULDUNG,
    NO_DULDUNG_NOW,
    Ctx,
    expulsion,
    extremism,
    fact,
    from_crim,
    housing,
    not_in_force,
    overall,
    status_unknown,
)
from ..criminal import crim_50_90
from ..dates import add_months
from ..facts import B1
from ..outcome import ELIGIBLE, OUTCOME_RANK, TARGET, TIME, Criterion, RouteResult
from ..text import EMPTY, T
from ..versions import Version, version_for

ROUTE = "AUFENTHG_19D"
CIT = "§ 19d Abs. 1 AufenthG"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    if v is None:
        return not_in_force(ROUTE, ("§ 19d AufenthG (in der modellierten Fassung)", "§ 19d AufenthG (in the version "
                                     "modelled here)"), "§ 19d AufenthG", ctx.on, date(2020, 3, 1))
    cur = ctx.current
    if cur is None:
        target = Criterion("TARGET_DULDUNG", None, status_unknown(ctx.on), CIT, TARGET, ("status_history",))
    elif cur.status in DULDUNG:
        target = Criterion("TARGET_DULDUNG", True, ("Die Person ist geduldet.", "The person holds a Duldung "
                                                     "(toleration)."), CIT, TARGET)
    elif cur.status == "none":
        target = Criterion("TARGET_DULDUNG", None, NO_DULDUNG_NOW, CIT, TARGET)
    else:
        target = Criterion("TARGET_DULDUNG", False, ("Die Person ist nicht geduldet; § 19d AufenthG richtet sich an "
                                                      "Geduldete.", "The person does not hold a Duldung; § 19d "
                                                      "AufenthG is for persons with a Duldung."), CIT, TARGET)
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    shared = _shared(ctx)
    own = ctx.result(ROUTE, v, None, [target, _qualification(ctx), *shared[:2], *_conduct(ctx), *shared[2:]],
                     ELIGIBLE)
    alt = _abs1a(ctx, v, target, shared)
    if alt is not None and OUTCOME_RANK[alt.outcome] > OUTCOME_RANK[own.outcome]:
        return alt
    return own


def _shared(ctx: Ctx) -> list[Criterion]:
    """Nr. 2, 3, 6, 7 (also the conditions of Abs. 1a)."""
    return [
        housing(ctx, "HOUSING", CIT + " Nr. 2"),
        overall(ctx, B1, "LANGUAGE_B1", CIT + " Nr. 3", waivable=False),
        extremism(ctx, "NO_EXTREMISM", CIT + " Nr. 6"),
        from_crim("CRIMINAL_50_90", ctx.crim(crim_50_90, ctx.f.convictions), CIT + " Nr. 7"),
        expulsion(ctx, "NO_EXPULSION_ORDER", "§ 11 Abs. 1, § 58a AufenthG"),
    ]


_DECEPTION = (
     ("Die Person hat die Ausländerbehörde nicht vorsätzlich über aufenthaltsrechtlich relevante Umstände getäuscht.",
      "The person did not intentionally deceive the immigration authority about facts relevant to residence."),
     ("Die Person hat die Ausländerbehörde über aufenthaltsrechtlich relevante Umstände getäuscht.",
      "The person deceived the immigration authority about facts relevant to residence."),
     ("Ob die Person die Ausländerbehörde getäuscht hat, ist nicht angegeben.",
      "Whether the person deceived the immigration authority is not stated."),
)
_DELAY = (
     ("Behördliche Maßnahmen zur Aufenthaltsbeendigung wurden nicht vorsätzlich hinausgezögert oder behindert.",
      "Official measures to end the stay were not intentionally delayed or obstructed."),
     ("Die Person hat behördliche Maßnahmen zur Aufenthaltsbeendigung hinausgezögert oder behindert.",
      "The person delayed or obstructed official measures to end the stay."),
     ("Ob die Person Maßnahmen zur Aufenthaltsbeendigung hinausgezögert oder behindert hat, ist nicht angegeben.",
      "Whether the person delayed or obstructed measures to end the stay is not stated."),
)


def _conduct(ctx: Ctx) -> list[Criterion]:
    d = ctx.f.deception
    own = d.own_false_statements_or_identity_deception if d is not None else None
    delay = None
    if d is not None:
        flags = (d.own_false_statements_or_identity_deception, d.non_cooperation_only)
        if True in flags:
            delay = d.currently_prevents_removal
        elif None not in flags:
            delay = False
    return [
        fact("NO_DECEPTION_OF_AUTHORITY", own, "deception.own_false_statements_or_identity_deception", CIT + " Nr. 4",
             _DECEPTION, good=False),
        fact("NO_DELAY_OF_REMOVAL", delay, "deception.currently_prevents_removal", CIT + " Nr. 5", _DELAY,
             good=False),
    ]


def _qualification(ctx: Ctx) -> Criterion:
    code, cit = "QUALIFICATION", CIT + " Nr. 1"
    f = ctx.f
    edu = f.education
    emp = f.employment
    done = edu.completed_qualified_vocational_training_in_de if edu is not None else None
    if done is not None and done <= ctx.on:
        return Criterion(code, True, T("Qualifizierte Berufsausbildung im Bundesgebiet am {} abgeschlossen (Buchst. a).",
                                       "Qualified vocational training completed in Germany on {} (Buchst. a).", done),
                         cit)
    if edu is not None and edu.university_degree_in_de:
        return Criterion(code, True, ("Hochschulstudium im Bundesgebiet abgeschlossen (Buchst. a).", "University "
                                       "degree completed in Germany (Buchst. a)."), cit)
    months = emp.qualified_employment_months if emp is not None else None
    foreign = edu.foreign_degree_recognised if edu is not None else None
    if foreign and months is not None and months >= 24:
        return Criterion(code, True, T("Anerkannter ausländischer Hochschulabschluss und seit {} Monaten "
                                       "ununterbrochen angemessen beschäftigt (Buchst. b).", "Recognised foreign "
                                       "degree and employed in a matching job without interruption for {} months "
                                       "(Buchst. b).", months), cit)
    lv = f.livelihood
    no_funds = lv.secured_by_employment_last_12_months if lv is not None else None
    if months is not None and months >= 36:
        if no_funds:
            return Criterion(code, True, T("Seit {} Monaten ununterbrochen qualifiziert beschäftigt und im letzten "
                                           "Jahr nicht auf öffentliche Mittel angewiesen (Buchst. c).", "In qualified "
                                           "employment without interruption for {} months and not dependent on public "
                                           "funds in the last year (Buchst. c).", months), cit)
        return Criterion(code, None, T("Seit {} Monaten qualifiziert beschäftigt; ob im letzten Jahr vor Antragstellung "
                                       "öffentliche Mittel (außer Kosten der Unterkunft und Heizung) bezogen wurden, "
                                       "ist zu prüfen (Buchst. c).", "In qualified employment for {} months; whether "
                                       "public funds (other than housing and heating costs) were received in the year "
                                       "before the application must be checked (Buchst. c).", months), cit,
                         missing=("livelihood.secured_by_employment_last_12_months",) if no_funds is None else ())
    missing = []
    if edu is None or (edu.completed_qualified_vocational_training_in_de is None and edu.university_degree_in_de is None):
        missing.append("education.completed_qualified_vocational_training_in_de")
    if months is None:
        missing.append("employment.qualified_employment_months")
    if missing:
        return Criterion(code, None, ("Angaben zu Abschluss oder qualifizierter Beschäftigung fehlen.", "Information "
                                       "on a degree or on qualified employment is missing."), cit,
                         missing=tuple(missing))
    # Only waiting time is missing if the person is in matching employment now.
    need = 24 if foreign else 36
    employed = emp is not None and emp.svp_employed_since is not None
    earliest = add_months(ctx.on, need - months) if employed else None
    when = T("; bei Fortsetzung der Beschäftigung erfüllt ab {}", "; if the employment continues, met from {}",
             earliest) if earliest else EMPTY
    return Criterion(code, False, T("Kein Abschluss im Bundesgebiet und erst {} Monate qualifizierte Beschäftigung "
                                    "(erforderlich: {} Monate){}.", "No degree in Germany and only {} months of "
                                    "qualified employment (required: {} months){}.", months, need, when), cit, TIME,
                     earliest=earliest)


def _abs1a(ctx: Ctx, v: Version, target: Criterion, shared: list[Criterion]) -> RouteResult | None:
    """§ 19d Abs. 1a: after completing the training of an Ausbildungsduldung (§ 60c)."""
    f = ctx.f
    edu = f.education
    done = edu.completed_qualified_vocational_training_in_de if edu is not None else None
    if done is None or done > ctx.on or not any(p.status == "duldung_60c" for p in ctx.periods):
        return None
    first = Criterion("COMPLETED_60C_TRAINING", True, T("Die während einer Ausbildungsduldung begonnene Ausbildung "
                                                        "wurde am {} erfolgreich abgeschlossen.", "The training begun "
                                                        "under a training Duldung was completed successfully on {}.",
                                                        done), "§ 19d Abs. 1a AufenthG", TARGET)
    return ctx.result(ROUTE, v, "ABS_1A", [target, first, *shared], ELIGIBLE)
