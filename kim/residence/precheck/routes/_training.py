"""Shared conditions of § 16g (Aufenthaltserlaubnis) and § 60c (Ausbildungsduldung) AufenthG (RULES.md 8.2).

Both norms have the same structure: Abs. 1 S. 1 Nr. 1 (training started as an asylum seeker, continued after
rejection) and Nr. 2 (Geduldete taking up training); Abs. 2 Nr. 1–5 exclusions; Abs. 3 timing.
"""

from __future__ import annotations

from datetime import date

from ..context import (
    DULDUNG,
    DULDUNG_NO_60B,
    IDENTITY_UNKNOWN,
    NO_DULDUNG_NOW,
    Ctx,
    expulsion,
    extremism,
    fact,
    from_crim,
    status_unknown,
    stay_time,
)
from ..criminal import crim_50_90
from ..dates import add_months
from ..outcome import ELIGIBLE, TARGET, TIME, Criterion, RouteResult
from ..text import T
from ..versions import Version

REJECTED = ("rejected", "rejected_ou_30_1_3_7")


_BAN = (
     ("Ein Beschäftigungsverbot nach § 60a Abs. 6 AufenthG besteht nicht.",
      "There is no ban on employment under § 60a Abs. 6 AufenthG."),
     ("Es besteht ein Beschäftigungsverbot nach § 60a Abs. 6 AufenthG.",
      "There is a ban on employment under § 60a Abs. 6 AufenthG."),
     ("Ob ein Beschäftigungsverbot nach § 60a Abs. 6 AufenthG besteht, ist nicht angegeben.",
      "Whether there is a ban on employment under § 60a Abs. 6 AufenthG is not stated."),
)
_REMOVAL = (
     ("Konkrete Maßnahmen zur Aufenthaltsbeendigung stehen nicht bevor.",
      "No concrete measures to end the stay are imminent."),
     ("Konkrete Maßnahmen zur Aufenthaltsbeendigung stehen bevor.", "Concrete measures to end the stay are imminent."),
     ("Ob konkrete Maßnahmen zur Aufenthaltsbeendigung bevorstehen, ist nicht angegeben.",
      "Whether concrete measures to end the stay are imminent is not stated."),
)


def evaluate_training(ctx: Ctx, route: str, v: Version, para: str, doc: T) -> RouteResult:
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
        target = Criterion("TARGET_STATUS", True, ("Die Person hat die Ausbildung als Asylbewerberin/Asylbewerber "
                                                    "aufgenommen; der Asylantrag ist abgelehnt und die Ausbildung soll "
                                                    "fortgesetzt werden.", "The person started the training as an "
                                                    "asylum seeker; the asylum application has been rejected and the "
                                                    "training is to be continued."), f"{abs1} Nr. 1 AufenthG", TARGET)
    elif cur is None:
        target = Criterion("TARGET_STATUS", None, status_unknown(ctx.on), f"{abs1} AufenthG", TARGET,
                           ("status_history",))
    elif cur.status in DULDUNG:
        case = "NR_2"
        target = Criterion("TARGET_STATUS", True, ("Die Person ist im Besitz einer Duldung.", "The person holds a "
                                                    "Duldung (toleration)."), f"{abs1} Nr. 2 AufenthG", TARGET)
    elif cur.status == "gestattung":
        target = Criterion("TARGET_STATUS", False, T("Die Person befindet sich mit Aufenthaltsgestattung im "
                                                     "Asylverfahren; {} kommt erst nach Ablehnung des Asylantrags in "
                                                     "Betracht.", "The person is in the asylum procedure with an "
                                                     "Aufenthaltsgestattung; {} comes into question only after the "
                                                     "asylum application has been rejected.", doc), f"{abs1} AufenthG",
                           TARGET)
    elif cur.status == "none":
        target = Criterion("TARGET_STATUS", None, NO_DULDUNG_NOW, f"{abs1} Nr. 2 AufenthG", TARGET)
    else:
        target = Criterion("TARGET_STATUS", False, ("Die Person besitzt einen Aufenthaltstitel; die Regelung richtet "
                                                     "sich an ausreisepflichtige Personen.", "The person holds a "
                                                     "residence title; the rule is for persons who are obliged to "
                                                     "leave."), f"{abs1} AufenthG", TARGET)
    if target.met is False:
        return ctx.result(route, v, None, [target], ELIGIBLE)

    criteria = [target, _training_kind(f, abs1)]
    applied = ctx.application_date(route)
    criteria.append(_timing(ctx, tr, f"{para} Abs. 3 AufenthG", case))
    emp = f.employment
    criteria.append(fact("NO_EMPLOYMENT_BAN", emp.employment_ban_60a_6 if emp is not None else None,
                         "employment.employment_ban_60a_6", f"{abs2} Nr. 1 AufenthG", _BAN, good=False))
    if case != "NR_1":
        ref = applied if applied is not None and applied < ctx.on else None
        criteria.append(stay_time(ctx, "DULDUNG_3M", f"{abs2} Nr. 2 AufenthG", ctx.chain(DULDUNG_NO_60B, ref=ref), 3,
                                   ("Besitz einer Duldung bei Antragstellung", "Holding a Duldung when applying"),
                                  ref=ref))
    criteria.append(_identity(ctx, applied or ctx.on, f"{abs2} Nr. 3 AufenthG", para))
    r = ctx.crim(crim_50_90, f.convictions)
    criteria.append(from_crim("CRIMINAL_50_90", r, f"{abs2} Nr. 4, § 19d Abs. 1 Nr. 7 AufenthG"))
    criteria.append(extremism(ctx, "NO_EXTREMISM", f"{abs2} Nr. 4, § 19d Abs. 1 Nr. 6 AufenthG"))
    criteria.append(expulsion(ctx, "NO_EXPULSION_ORDER", f"{abs2} Nr. 4 AufenthG"))
    if case != "NR_1":
        criteria.append(fact("NO_IMMINENT_REMOVAL", f.removal_measures_imminent, "removal_measures_imminent",
                             f"{abs2} Nr. 5 AufenthG", _REMOVAL, good=False))
    return ctx.result(route, v, case, criteria, ELIGIBLE)


_QUALIFIED = ("eine qualifizierte Berufsausbildung in einem staatlich anerkannten oder vergleichbar geregelten "
               "Ausbildungsberuf", "a qualified vocational training in a state-recognised or similarly regulated "
               "occupation")
_ASSISTENZ = ("eine Assistenz- oder Helferausbildung mit Anschluss an eine Engpass-Ausbildung und "
               "Ausbildungsplatzzusage", "an assistant or helper training leading into training for a shortage "
               "occupation, with a promised training place")


def _training_kind(f, cit: str) -> Criterion:
    code = "QUALIFIED_TRAINING"
    tr = f.training
    if tr is None or tr.kind is None:
        return Criterion(code, None, ("Angaben zu einer Berufsausbildung fehlen.", "Information on vocational training "
                                       "is missing."), cit + " AufenthG", missing=("training.kind",))
    if tr.kind == "other":
        return Criterion(code, False, ("Die Ausbildung ist weder eine qualifizierte Berufsausbildung noch eine "
                                        "anschlussfähige Assistenz- oder Helferausbildung in einem Engpassberuf.",
                                        "The training is neither a qualified vocational training nor an assistant or "
                                        "helper training leading into a shortage occupation."), cit + " AufenthG")
    what = _QUALIFIED if tr.kind == "qualified" else _ASSISTENZ
    if tr.contract_signed is None:
        return Criterion(code, None, T("Es geht um {}; ob der Ausbildungsvertrag geschlossen ist, ist nicht angegeben.",
                                       "This concerns {}; whether the training contract has been signed is not "
                                       "stated.", what), cit + " AufenthG", missing=("training.contract_signed",))
    if not tr.contract_signed:
        return Criterion(code, False, T("Es geht um {}, ein Ausbildungsvertrag liegt aber noch nicht vor.",
                                        "This concerns {}, but there is no training contract yet.", what),
                         cit + " AufenthG")
    return Criterion(code, True, T("Ausbildungsvertrag über {} liegt vor.", "There is a training contract for {}.", what),
                     cit + " AufenthG")


def _timing(ctx: Ctx, tr, cit: str, case: str | None) -> Criterion:
    code = "TRAINING_START_TIMING"
    start = tr.start_date if tr is not None else None
    if start is None:
        return Criterion(code, None, ("Der Beginn der Ausbildung ist nicht angegeben.", "The start of the training is "
                                       "not stated."), cit, TIME, ("training.start_date",))
    if case == "NR_1" or start <= ctx.on:
        return Criterion(code, True, T("Ausbildungsbeginn am {}.", "Training starts on {}.", start), cit, TIME)
    earliest = add_months(start, -6)
    if earliest <= ctx.on:
        return Criterion(code, True, T("Ausbildungsbeginn am {}; die Erteilung ist frühestens sechs Monate vorher ({}) "
                                       "möglich.", "Training starts on {}; the grant is possible at the earliest six "
                                       "months before ({}).", start, earliest), cit, TIME)
    return Criterion(code, False, T("Ausbildungsbeginn am {}; die Erteilung ist erst ab dem {} möglich (Antrag "
                                    "frühestens ab dem {}).", "Training starts on {}; the grant is possible only from "
                                    "{} (application from {} at the earliest).", start, earliest,
                                    add_months(start, -7)), cit, TIME, earliest=earliest)


STEPS_UNKNOWN = ("Die Identität ist nicht geklärt; ob alle zumutbaren Maßnahmen ergriffen wurden, ist nicht "
                  "angegeben.", "Identity is not clarified; whether all reasonable steps were taken is not stated.")
DEADLINE_DATA_MISSING = ("Die Identität ist geklärt; für die Fristprüfung fehlen Einreisedatum oder Datum der Klärung.",
                          "Identity is clarified; the date of entry or of clarification is missing for checking the "
                          "deadline.")


def clarified_in_time(when: date, deadline: date) -> T:
    return T("Die Identität wurde am {} und damit fristgerecht (bis {}) geklärt.", "Identity was clarified on {}, i.e. "
             "within the deadline ({}).", when, deadline)


def _identity(ctx: Ctx, applied: date, cit: str, para: str) -> Criterion:
    code = "IDENTITY_TIMELY"
    f = ctx.f
    ident = f.identity
    steps = ident.reasonable_steps_taken if ident is not None else None
    discretion_cit = f"{para} Abs. {'6' if para == '§ 16g' else '7'} AufenthG"
    if ident is None or ident.clarified is None:
        return Criterion(code, None, IDENTITY_UNKNOWN, cit, missing=("identity.clarified",))
    if ident.clarified is False:
        if steps:
            return Criterion(code, True, T("Die Identität ist nicht geklärt; die Person hat aber die erforderlichen und "
                                           "zumutbaren Maßnahmen ergriffen, daher Ermessen ({}).", "Identity is not "
                                           "clarified, but the person has taken the necessary and reasonable steps, so "
                                           "the authority has discretion ({}).", discretion_cit), cit,
                             discretion=True)
        if steps is None:
            return Criterion(code, None, STEPS_UNKNOWN, cit, missing=("identity.reasonable_steps_taken",))
        return Criterion(code, False, ("Die Identität ist nicht geklärt und die zumutbaren Maßnahmen zur Klärung "
                                        "wurden nicht ergriffen.", "Identity is not clarified and the reasonable steps "
                                        "to clarify it were not taken."), cit)
    entry = f.entry_date
    when = ident.clarified_on
    if entry is None or when is None:
        missing = tuple(p for p, val in (("entry_date", entry), ("identity.clarified_on", when)) if val is None)
        return Criterion(code, None, DEADLINE_DATA_MISSING, cit, missing=missing)
    if entry <= date(2016, 12, 31):
        deadline = applied
    elif entry < date(2020, 1, 1):
        deadline = min(applied, date(2020, 6, 30))
    else:
        deadline = add_months(entry, 6)
    if when <= deadline:
        return Criterion(code, True, clarified_in_time(when, deadline), cit)
    if steps:
        return Criterion(code, True, T("Die Identität wurde erst am {} geklärt (Frist {}); die Frist gilt als gewahrt, "
                                       "weil die Person alle zumutbaren Maßnahmen rechtzeitig ergriffen hat.",
                                       "Identity was clarified only on {} (deadline {}); the deadline counts as met "
                                       "because the person took all reasonable steps in time.", when, deadline), cit)
    if steps is None:
        return Criterion(code, None, T("Die Identität wurde erst am {} geklärt (Frist {}); ob rechtzeitig alle "
                                       "zumutbaren Maßnahmen ergriffen wurden, ist nicht angegeben.", "Identity was "
                                       "clarified only on {} (deadline {}); whether all reasonable steps were taken in "
                                       "time is not stated.", when, deadline), cit,
                         missing=("identity.reasonable_steps_taken",))
    return Criterion(code, False, T("Die Identität wurde erst am {} geklärt; Frist war der {}.", "Identity was "
                                    "clarified only on {}; the deadline was {}.", when, deadline), cit)
