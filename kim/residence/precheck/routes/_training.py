"""Shared conditions of § 16g (Aufenthaltserlaubnis) and § 60c (Ausbildungsduldung) AufenthG (RULES.md 8.2).

Both norms have the same structure: Abs. 1 S. 1 Nr. 1 (training started as an asylum seeker, continued after
rejection) and Nr. 2 (Geduldete taking up training); Abs. 2 Nr. 1–5 exclusions; Abs. 3 timing.
"""

from __future__ import annotations

from datetime import date

from ..context import DULDUNG, DULDUNG_NO_60B, Ctx, expulsion, extremism, fact, from_crim, stay_time
from ..criminal import crim_50_90
from ..dates import add_months, fmt
from ..outcome import ELIGIBLE, TARGET, TIME, Criterion, RouteResult
from ..versions import Version

REJECTED = ("rejected", "rejected_ou_30_1_3_7")


def evaluate_training(ctx: Ctx, route: str, v: Version, para: str, doc: str) -> RouteResult:
    """``para``: "§ 16g" or "§ 60c"; ``doc``: "die Aufenthaltserlaubnis" / "die Ausbildungsduldung"."""
    f = ctx.f
    abs1 = f"{para} Abs. 1 S. 1"
    abs2 = f"{para} Abs. 2"
    tr = f.training
    cur = ctx.current
    asylum_rejected = f.asylum is not None and f.asylum.outcome in REJECTED
    case: str | None = None
    if tr is not None and tr.started_during_asylum_procedure and asylum_rejected:
        case = "NR_1"
        target = Criterion("TARGET_STATUS", True, "Die Person hat die Ausbildung als Asylbewerberin/Asylbewerber "
                           "aufgenommen; der Asylantrag ist abgelehnt und die Ausbildung soll fortgesetzt werden.",
                           f"{abs1} Nr. 1 AufenthG", TARGET)
    elif cur is None:
        target = Criterion("TARGET_STATUS", None, f"Der Aufenthaltsstatus am {fmt(ctx.on)} ist nicht angegeben.",
                           f"{abs1} AufenthG", TARGET, ("status_history",))
    elif cur.status in DULDUNG:
        case = "NR_2"
        target = Criterion("TARGET_STATUS", True, "Die Person ist im Besitz einer Duldung.",
                           f"{abs1} Nr. 2 AufenthG", TARGET)
    elif cur.status == "gestattung":
        target = Criterion("TARGET_STATUS", False, "Die Person befindet sich mit Aufenthaltsgestattung im Asylverfahren; "
                           f"{doc} kommt erst nach Ablehnung des Asylantrags in Betracht.", f"{abs1} AufenthG", TARGET)
    elif cur.status == "none":
        target = Criterion("TARGET_STATUS", None, "Die Person hat derzeit keine Duldung; zu prüfen ist, ob ein Anspruch "
                           "auf eine Duldung besteht.", f"{abs1} Nr. 2 AufenthG", TARGET)
    else:
        target = Criterion("TARGET_STATUS", False, "Die Person besitzt einen Aufenthaltstitel; die Regelung richtet sich "
                           "an ausreisepflichtige Personen.", f"{abs1} AufenthG", TARGET)
    if target.met is False:
        return ctx.result(route, v, None, [target], ELIGIBLE)

    criteria = [target, _training_kind(f, abs1)]
    applied = ctx.application_date(route)
    criteria.append(_timing(ctx, tr, f"{para} Abs. 3 AufenthG", case))
    emp = f.employment
    criteria.append(fact("NO_EMPLOYMENT_BAN", emp.employment_ban_60a_6 if emp is not None else None,
                         "employment.employment_ban_60a_6", f"{abs2} Nr. 1 AufenthG",
                         "Ein Beschäftigungsverbot nach § 60a Abs. 6 AufenthG besteht nicht.",
                         "Es besteht ein Beschäftigungsverbot nach § 60a Abs. 6 AufenthG.",
                         "Ob ein Beschäftigungsverbot nach § 60a Abs. 6 AufenthG besteht, ist nicht angegeben.",
                         good=False))
    if case != "NR_1":
        ref = applied if applied is not None and applied < ctx.on else None
        criteria.append(stay_time(ctx, "DULDUNG_3M", f"{abs2} Nr. 2 AufenthG", ctx.chain(DULDUNG_NO_60B, ref=ref), 3,
                                  "Besitz einer Duldung bei Antragstellung", ref=ref))
    criteria.append(_identity(ctx, applied or ctx.on, f"{abs2} Nr. 3 AufenthG", para))
    r = crim_50_90(f.convictions, ctx.on)
    criteria.append(from_crim("CRIMINAL_50_90", r, f"{abs2} Nr. 4, § 19d Abs. 1 Nr. 7 AufenthG"))
    criteria.append(extremism(ctx, "NO_EXTREMISM", f"{abs2} Nr. 4, § 19d Abs. 1 Nr. 6 AufenthG"))
    criteria.append(expulsion(ctx, "NO_EXPULSION_ORDER", f"{abs2} Nr. 4 AufenthG"))
    if case != "NR_1":
        criteria.append(fact("NO_IMMINENT_REMOVAL", f.removal_measures_imminent, "removal_measures_imminent",
                             f"{abs2} Nr. 5 AufenthG",
                             "Konkrete Maßnahmen zur Aufenthaltsbeendigung stehen nicht bevor.",
                             "Konkrete Maßnahmen zur Aufenthaltsbeendigung stehen bevor.",
                             "Ob konkrete Maßnahmen zur Aufenthaltsbeendigung bevorstehen, ist nicht angegeben.",
                             good=False))
    return ctx.result(route, v, case, criteria, ELIGIBLE)


def _training_kind(f, cit: str) -> Criterion:
    code = "QUALIFIED_TRAINING"
    tr = f.training
    if tr is None or tr.kind is None:
        return Criterion(code, None, "Angaben zu einer Berufsausbildung fehlen.", cit + " AufenthG",
                         missing=("training.kind",))
    if tr.kind == "other":
        return Criterion(code, False, "Die Ausbildung ist weder eine qualifizierte Berufsausbildung noch eine "
                         "anschlussfähige Assistenz- oder Helferausbildung in einem Engpassberuf.", cit + " AufenthG")
    what = ("eine qualifizierte Berufsausbildung in einem staatlich anerkannten oder vergleichbar geregelten "
            "Ausbildungsberuf" if tr.kind == "qualified" else
            "eine Assistenz- oder Helferausbildung mit Anschluss an eine Engpass-Ausbildung und Ausbildungsplatzzusage")
    if tr.contract_signed is None:
        return Criterion(code, None, f"Es geht um {what}; ob der Ausbildungsvertrag geschlossen ist, ist nicht angegeben.",
                         cit + " AufenthG", missing=("training.contract_signed",))
    if not tr.contract_signed:
        return Criterion(code, False, f"Es geht um {what}, ein Ausbildungsvertrag liegt aber noch nicht vor.",
                         cit + " AufenthG")
    return Criterion(code, True, f"Ausbildungsvertrag über {what} liegt vor.", cit + " AufenthG")


def _timing(ctx: Ctx, tr, cit: str, case: str | None) -> Criterion:
    code = "TRAINING_START_TIMING"
    start = tr.start_date if tr is not None else None
    if start is None:
        return Criterion(code, None, "Der Beginn der Ausbildung ist nicht angegeben.", cit, TIME,
                         ("training.start_date",))
    if case == "NR_1" or start <= ctx.on:
        return Criterion(code, True, f"Ausbildungsbeginn am {fmt(start)}.", cit, TIME)
    earliest = add_months(start, -6)
    if earliest <= ctx.on:
        return Criterion(code, True, f"Ausbildungsbeginn am {fmt(start)}; die Erteilung ist frühestens sechs Monate "
                         f"vorher ({fmt(earliest)}) möglich.", cit, TIME)
    return Criterion(code, False, f"Ausbildungsbeginn am {fmt(start)}; die Erteilung ist erst ab dem {fmt(earliest)} "
                     f"möglich (Antrag frühestens ab dem {fmt(add_months(start, -7))}).", cit, TIME, earliest=earliest)


def _identity(ctx: Ctx, applied: date, cit: str, para: str) -> Criterion:
    code = "IDENTITY_TIMELY"
    f = ctx.f
    ident = f.identity
    steps = ident.reasonable_steps_taken if ident is not None else None
    discretion_cit = f"{para} Abs. {'6' if para == '§ 16g' else '7'} AufenthG"
    if ident is None or ident.clarified is None:
        return Criterion(code, None, "Ob die Identität geklärt ist, ist nicht angegeben.", cit,
                         missing=("identity.clarified",))
    if ident.clarified is False:
        if steps:
            return Criterion(code, True, "Die Identität ist nicht geklärt; die Person hat aber die erforderlichen und "
                             f"zumutbaren Maßnahmen ergriffen, daher Ermessen ({discretion_cit}).", cit, discretion=True)
        if steps is None:
            return Criterion(code, None, "Die Identität ist nicht geklärt; ob alle zumutbaren Maßnahmen ergriffen wurden, "
                             "ist nicht angegeben.", cit, missing=("identity.reasonable_steps_taken",))
        return Criterion(code, False, "Die Identität ist nicht geklärt und die zumutbaren Maßnahmen zur Klärung wurden "
                         "nicht ergriffen.", cit)
    entry = f.entry_date
    when = ident.clarified_on
    if entry is None or when is None:
        missing = tuple(p for p, val in (("entry_date", entry), ("identity.clarified_on", when)) if val is None)
        return Criterion(code, None, "Die Identität ist geklärt; für die Fristprüfung fehlen Einreisedatum oder Datum der "
                         "Klärung.", cit, missing=missing)
    if entry <= date(2016, 12, 31):
        deadline = applied
    elif entry < date(2020, 1, 1):
        deadline = min(applied, date(2020, 6, 30))
    else:
        deadline = add_months(entry, 6)
    if when <= deadline:
        return Criterion(code, True, f"Die Identität wurde am {fmt(when)} und damit fristgerecht (bis {fmt(deadline)}) "
                         "geklärt.", cit)
    if steps:
        return Criterion(code, True, f"Die Identität wurde erst am {fmt(when)} geklärt (Frist {fmt(deadline)}); die Frist "
                         "gilt als gewahrt, weil die Person alle zumutbaren Maßnahmen rechtzeitig ergriffen hat.", cit)
    if steps is None:
        return Criterion(code, None, f"Die Identität wurde erst am {fmt(when)} geklärt (Frist {fmt(deadline)}); ob "
                         "rechtzeitig alle zumutbaren Maßnahmen ergriffen wurden, ist nicht angegeben.", cit,
                         missing=("identity.reasonable_steps_taken",))
    return Criterion(code, False, f"Die Identität wurde erst am {fmt(when)} geklärt; Frist war der {fmt(deadline)}.",
                     cit)
