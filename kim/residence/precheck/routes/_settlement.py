"""Shared conditions of the settlement permits: § 9 Abs. 2 S. 1 AufenthG (used by §§ 9, 9a, 26 Abs. 3 and 4).

Also the classification of the title basis ("§ 25 Abs. 2 S. 1 Alt. 1") of the current residence permit.
"""

from __future__ import annotations

from ..context import TITLES, Ctx, status_unknown
from ..dates import add_months, reaches_age_months, statutory_retirement_age_months
from ..facts import StatusPeriod
from ..outcome import TARGET, TIME, Criterion
from ..text import EMPTY, T

HUMANITARIAN = frozenset({"22", "23", "23a", "24", "25", "25a", "25b", "104c"})  # Kapitel 2 Abschnitt 5 (+ § 104c)
STUDY = frozenset({"16", "16a", "16b", "17"})  # study/vocational training: counts half (§ 9 Abs. 4 Nr. 3, § 9b)
AE = frozenset({"aufenthaltserlaubnis", "fiktion_81_4"})
AE_WITH_PROCEDURE = frozenset({"aufenthaltserlaubnis", "fiktion_81_4", "gestattung"})
ANY_TITLE_WITH_PROCEDURE = TITLES | {"gestattung"}


def current_title(ctx: Ctx) -> tuple[StatusPeriod | None, tuple | None]:
    """(period holding the current residence permit, its normalised title basis) – under Fiktion (§ 81 Abs. 4)
    the permit that is being extended."""
    cur = ctx.current
    if cur is None:
        return None, None
    if cur.status == "fiktion_81_4":
        prev = [p for p in ctx.periods if p.start < cur.start]
        if prev and prev[-1].status == "aufenthaltserlaubnis":
            return prev[-1], prev[-1].title
        return cur, None
    return cur, cur.title


_NO_BASIS = ("Aufenthaltserlaubnis (Rechtsgrundlage nicht angegeben)", "Residence permit (legal basis not stated)")


def title_label(period: StatusPeriod | None) -> tuple[str, str]:
    if period is None or not period.title_basis:
        return _NO_BASIS
    basis = period.title_basis
    return "Aufenthaltserlaubnis nach " + basis, "Residence permit under " + basis


def protection_group(ctx: Ctx, title: tuple | None) -> bool | None:
    """True for § 26 Abs. 3 persons (§ 25 Abs. 1, § 25 Abs. 2 S. 1 Alt. 1, § 23 Abs. 4); None if unknown."""
    outcome = ctx.f.asylum.outcome if ctx.f.asylum is not None else None
    if title is None:
        if outcome in ("recognised_refugee", "asylberechtigt"):
            return True
        return None
    para, abs_, _s, _nr, alt = title
    if para == "25" and abs_ == "1":
        return True
    if para == "23" and abs_ == "4":
        return True
    if para == "25" and abs_ == "2":
        if alt == "1":
            return True
        if alt == "2":
            return False
        if outcome in ("recognised_refugee", "asylberechtigt"):
            return True
        if outcome == "subsidiary":
            return False
        return None
    return False


def study_offset(ctx: Ctx, periods: tuple[StatusPeriod, ...]) -> int:
    """Days to shift the start of a waiting time because study/training periods count only half."""
    days = 0
    for p in periods:
        if p.title is not None and p.title[0] in STUDY:
            end = p.end if p.end is not None and p.end < ctx.on else ctx.on
            days += max(0, end.toordinal() - p.start.toordinal())
    return days // 2


def pension(ctx: Ctx, code: str, citation: str, kind: str = TIME) -> Criterion:
    f = ctx.f
    months = f.pension_contribution_months
    edu = f.education
    if edu is not None and edu.in_school_training_or_study:
        return Criterion(code, True, ("Die Person befindet sich in einer Ausbildung, die zu einem anerkannten "
                                       "Abschluss führt; die Beitragszeiten werden nicht verlangt.", "The person is in "
                                       "education leading to a recognised qualification; the contribution periods are "
                                       "not required."), citation, kind)
    if f.illness_or_disability_prevents:
        return Criterion(code, True, ("Wegen Krankheit oder Behinderung entfällt das Erfordernis der Beitragszeiten.",
                                       "The contribution periods are not required because of illness or disability."),
                         citation, kind)
    if months is None:
        return Criterion(code, None, ("Die Zahl der Pflichtbeitragsmonate zur Rentenversicherung ist nicht angegeben.",
                                       "The number of months of pension contributions is not stated."),
                         citation, kind, ("pension_contribution_months",))
    if months >= 60:
        return Criterion(code, True, T("{} Monate Pflicht- oder freiwillige Beiträge zur Rentenversicherung (mindestens "
                                       "60 erforderlich).", "{} months of compulsory or voluntary pension "
                                       "contributions (at least 60 required).", months), citation, kind)
    emp = f.employment
    employed = emp is not None and emp.svp_employed_since is not None and emp.svp_employed_since <= ctx.on
    earliest = add_months(ctx.on, 60 - months) if employed and kind == TIME else None
    when = T("; bei fortgesetzter Beschäftigung voraussichtlich ab {}", "; if the employment continues, expected from "
             "{}", earliest) if earliest else EMPTY
    return Criterion(code, False, T("Erst {} Monate Beiträge zur Rentenversicherung; erforderlich sind 60{}.", "Only {} "
                                    "months of pension contributions; 60 are required{}.", months, when),
                     citation, kind, earliest=earliest)


def public_security(ctx: Ctx, code: str, citation: str) -> Criterion:
    """§ 9 Abs. 2 S. 1 Nr. 4: weighing of public-security grounds; only grave Ausweisungsinteressen fail hard."""
    f = ctx.f
    ausw = f.ausweisungsinteresse
    if ausw is not None and (ausw.p54_1 or ausw.p54_2_nr1_2):
        return Criterion(code, False, ("Es besteht ein schwerwiegendes oder besonders schwerwiegendes "
                                        "Ausweisungsinteresse (§ 54 Abs. 1 bzw. Abs. 2 Nr. 1, 2 AufenthG); Gründe der "
                                        "öffentlichen Sicherheit und Ordnung stehen entgegen.", "There is a serious or "
                                        "particularly serious interest in expulsion (§ 54 Abs. 1 or Abs. 2 Nr. 1, 2 "
                                        "AufenthG); grounds of public security and order stand in the way."),
                         citation)
    convs = f.convictions
    if convs is None or ausw is None or ausw.p54_1 is None or ausw.p54_2_nr1_2 is None:
        missing = []
        if convs is None:
            missing.append("convictions")
        if ausw is None or ausw.p54_1 is None or ausw.p54_2_nr1_2 is None:
            missing.append("ausweisungsinteresse")
        return Criterion(code, None, ("Angaben zu Verurteilungen oder Ausweisungsinteressen fehlen.", "Information on "
                                       "convictions or interests in expulsion is missing."), citation,
                         missing=tuple(missing))
    relevant = [c for c in convs if c.tilgungsreif is not True and (c.date is None or c.date <= ctx.on)]
    if relevant or ausw.other:
        return Criterion(code, None, ("Es liegen Verurteilungen oder ein sonstiges Ausweisungsinteresse vor; ob Gründe "
                                       "der öffentlichen Sicherheit und Ordnung entgegenstehen, ist unter "
                                       "Berücksichtigung von Schwere und Art des Verstoßes abzuwägen.", "There are "
                                       "convictions or another interest in expulsion; whether grounds of public "
                                       "security and order stand in the way must be weighed, taking into account the "
                                       "seriousness and kind of the offence."), citation)
    return Criterion(code, True, ("Gründe der öffentlichen Sicherheit und Ordnung stehen nicht entgegen.", "No grounds "
                                   "of public security and order stand in the way."), citation)


_EMPLOYMENT_PERMITTED = ("Die Aufenthaltserlaubnis berechtigt zur Erwerbstätigkeit (§ 4a Abs. 1 AufenthG); "
                          "erforderliche Erlaubnisse für die Tätigkeit liegen vor.", "The residence permit allows "
                          "employment (§ 4a Abs. 1 AufenthG); permits needed for the work are in place.")


def employment_permitted(ctx: Ctx, code: str, citation: str) -> Criterion:
    return Criterion(code, True, _EMPLOYMENT_PERMITTED, citation)


def retirement_age_reached(ctx: Ctx) -> bool | None:
    birth = ctx.f.person.birth_date
    if birth is None:
        return None
    return reaches_age_months(birth, statutory_retirement_age_months(birth)) <= ctx.on


_GEAS = ("Das GEAS-Anpassungsgesetz ändert das AufenthG mit Wirkung vom 12.06.2026; der ab dann geltende Wortlaut von "
          "§ 26 AufenthG ist nicht geprüft. Das Ergebnis ist am aktuellen Gesetzestext zu verifizieren.", "The "
          "GEAS-Anpassungsgesetz (CEAS adaptation act) amends the AufenthG with effect from 12 Jun 2026; the wording of "
          "§ 26 AufenthG in force from then has not been checked. Verify the result against the current statute text.")


def geas_marker(ctx: Ctx, citation: str) -> Criterion | None:
    from ..versions import GEAS_DATE

    if ctx.on < GEAS_DATE or not ctx.opts.geas_unverified_open:
        return None
    return Criterion("GEAS_TEXT_UNVERIFIED", None, _GEAS, citation, uncertainty="U-02")


def target_ae(ctx: Ctx, citation: str) -> Criterion:
    """The person holds a residence permit (Aufenthaltserlaubnis, also under Fiktion) on the decision date."""
    cur = ctx.current
    if cur is None:
        return Criterion("TARGET_PERMIT", None, status_unknown(ctx.on), citation, TARGET, ("status_history",))
    if cur.status in AE:
        return Criterion("TARGET_PERMIT", True, ("Die Person besitzt eine Aufenthaltserlaubnis.", "The person holds a "
                                                  "residence permit."), citation, TARGET)
    if cur.status in ("niederlassungserlaubnis", "daueraufenthalt_eu"):
        return Criterion("TARGET_PERMIT", False, ("Die Person besitzt bereits einen unbefristeten Aufenthaltstitel.",
                                                   "The person already holds a permanent residence title."),
                         citation, TARGET)
    return Criterion("TARGET_PERMIT", False, ("Die Person besitzt keine Aufenthaltserlaubnis.", "The person does not "
                                               "hold a residence permit."), citation, TARGET)

