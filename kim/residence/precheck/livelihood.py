"""Livelihood tests (RULES.md 1.5): § 2 Abs. 3 AufenthG, "überwiegend", "weit überwiegend", § 10 StAG.

Public funds in the sense of § 2 Abs. 3 AufenthG include SGB II/XII, AsylbLG and – unless a norm says otherwise –
Wohngeld. For the StAG only SGB II and SGB XII benefits are harmful.
"""

from __future__ import annotations

from datetime import date

from .dates import age_on
from .facts import Facts
from .options import Options
from .outcome import HARD, REGULAR, Criterion
from .text import EMPTY, T

_PCT = "livelihood.share_of_need_covered_by_employment_pct"
_FULLY = ("Der Lebensunterhalt ist vollständig gesichert.", "The livelihood is fully secured.")
_NO_DATA = ("Angaben zur Deckung des Lebensunterhalts fehlen.", "Information on how far the livelihood is covered "
             "is missing.")


def secured_2_3(f: Facts, code: str, citation: str, kind: str = HARD, *, what: T = EMPTY) -> Criterion:
    """Livelihood fully secured without public funds (§ 2 Abs. 3 AufenthG)."""
    lv = f.livelihood
    if lv is not None and lv.fully_secured_2_3 is not None:
        if lv.fully_secured_2_3:
            return Criterion(code, True, T("Der Lebensunterhalt{} ist ohne Inanspruchnahme öffentlicher Mittel "
                                           "gesichert (§ 2 Abs. 3 AufenthG).", "The livelihood{} is secured without "
                                           "recourse to public funds (§ 2 Abs. 3 AufenthG).", what), citation, kind)
        return Criterion(code, False, T("Der Lebensunterhalt{} ist nicht ohne Inanspruchnahme öffentlicher Mittel "
                                        "gesichert (§ 2 Abs. 3 AufenthG).", "The livelihood{} is not secured without "
                                        "recourse to public funds (§ 2 Abs. 3 AufenthG).", what), citation, kind)
    if lv is not None and (lv.receives_sgb2_or_sgb12 or lv.receives_asylblg or lv.receives_wohngeld):
        return Criterion(code, False, T("Der Lebensunterhalt{} ist nicht gesichert: Es werden öffentliche Mittel "
                                        "(SGB II/XII, AsylbLG oder Wohngeld) bezogen.", "The livelihood{} is not "
                                        "secured: public funds (SGB II/XII, AsylbLG or housing benefit) are received.",
                                        what), citation, kind)
    return Criterion(code, None, T("Ob der Lebensunterhalt{} ohne öffentliche Mittel gesichert ist, ist nicht "
                                   "angegeben.", "Whether the livelihood{} is secured without public funds is not "
                                   "stated.", what), citation, kind, ("livelihood.fully_secured_2_3",))


def share_state(f: Facts, threshold: float) -> tuple[bool | None, float | None]:
    """(share > threshold, share); a fully secured livelihood counts as covered."""
    lv = f.livelihood
    if lv is None:
        return None, None
    share = lv.share_of_need_covered_by_employment_pct
    if share is None:
        return None, None
    return share > threshold, share


def _minor_children(f: Facts, on: date) -> bool | None:
    children = f.person.children
    if children is None:
        return None
    return any(ch.birth_date is not None and age_on(ch.birth_date, on) < 18 for ch in children)


def mainly_25b(f: Facts, opts: Options, code: str, citation: str, on: date) -> Criterion:
    """§ 25b Abs. 1 S. 2 Nr. 3, S. 3 and Abs. 3 AufenthG: livelihood predominantly by work, or prognosis,
    or a regular exception; Wohngeld is harmless. "überwiegend" = more than 50 % (U-07)."""
    lv = f.livelihood
    if f.illness_or_disability_prevents:
        return Criterion(code, True, ("Die Sicherung des Lebensunterhalts ist wegen Krankheit, Behinderung oder "
                                       "Alters nicht möglich; die Voraussetzung entfällt (§ 25b Abs. 3 AufenthG).",
                                       "Securing the livelihood is impossible because of illness, disability or age; "
                                       "the requirement does not apply (§ 25b Abs. 3 AufenthG)."), citation)
    limit = opts.livelihood_mainly_pct
    share = lv.share_of_need_covered_by_employment_pct if lv is not None else None
    if share is not None and share > limit:
        return Criterion(code, True, T("Der Lebensunterhalt wird zu {:g} % durch Erwerbstätigkeit gedeckt, also "
                                       "überwiegend; Wohngeld ist unschädlich.", "Employment covers {:g} % of the "
                                       "livelihood, i.e. predominantly; housing benefit does no harm.", share),
                         citation, uncertainty="U-07")
    if lv is not None and lv.fully_secured_2_3:
        return Criterion(code, True, _FULLY, citation)
    if lv is not None and lv.prognosis_secured:
        return Criterion(code, True, ("Nach der bisherigen Schul-, Ausbildungs-, Einkommens- und familiären Situation "
                                       "ist zu erwarten, dass der Lebensunterhalt künftig gesichert wird (§ 25b Abs. 1 "
                                       "S. 2 Nr. 3 Alt. 2 AufenthG).", "Given the person's schooling, training, "
                                       "income and family situation so far, the livelihood can be expected to be "
                                       "secured in future (§ 25b Abs. 1 S. 2 Nr. 3 Alt. 2 AufenthG)."), citation)
    exceptions = _exceptions_25b(f, on)
    if exceptions is not None:
        met, text = exceptions
        return Criterion(code, met, text, citation)
    if share is not None and share == limit:
        return Criterion(code, False, T("Der Lebensunterhalt wird zu genau {:g} % durch Erwerbstätigkeit gedeckt; das "
                                        "ist nicht „überwiegend“. Einzelfallprüfung (Prognose, Ausnahmen) "
                                        "erforderlich.", "Employment covers exactly {:g} % of the livelihood; that is "
                                        "not “predominantly”. Case-by-case review (prognosis, exceptions) "
                                        "needed.", share), citation, REGULAR, uncertainty="U-07")
    missing = []
    if share is None:
        missing.append(_PCT)
    if lv is None or lv.prognosis_secured is None:
        missing.append("livelihood.prognosis_secured")
    if share is not None and lv is not None and lv.prognosis_secured is False:
        return Criterion(code, False, T("Der Lebensunterhalt wird nur zu {:g} % durch Erwerbstätigkeit gedeckt, eine "
                                        "positive Prognose besteht nicht und kein Ausnahmefall nach § 25b Abs. 1 S. 3 "
                                        "AufenthG ist ersichtlich.", "Employment covers only {:g} % of the "
                                        "livelihood, there is no positive prognosis and no exception under § 25b "
                                        "Abs. 1 S. 3 AufenthG is apparent.", share), citation)
    if share is not None:
        text = T("Der Lebensunterhalt wird nur zu {:g} % durch Erwerbstätigkeit gedeckt; es ist zu prüfen, ob eine "
                 "positive Prognose zur künftigen Sicherung besteht (§ 25b Abs. 1 S. 2 Nr. 3 Alt. 2 AufenthG).",
                 "Employment covers only {:g} % of the livelihood; it must be checked whether the livelihood can be "
                 "expected to be secured in future (§ 25b Abs. 1 S. 2 Nr. 3 Alt. 2 AufenthG).", share)
    else:
        text = ("Angaben zur Deckung des Lebensunterhalts durch Erwerbstätigkeit fehlen.",
                 "Information on how far employment covers the livelihood is missing.")
    return Criterion(code, None, text, citation, missing=tuple(missing))


def _exceptions_25b(f: Facts, on: date) -> tuple[bool | None, T] | None:
    """§ 25b Abs. 1 S. 3 AufenthG: temporary benefit receipt is "in der Regel unschädlich" for these groups."""
    edu = f.education
    if edu is not None and edu.in_school_training_or_study:
        return True, ("Die Person befindet sich in Schule, Ausbildung oder Studium; ein vorübergehender "
                       "Leistungsbezug ist in der Regel unschädlich (§ 25b Abs. 1 S. 3 Nr. 1 AufenthG).",
                       "The person is at school, in vocational training or studying; receiving benefits temporarily "
                       "does, as a rule, no harm (§ 25b Abs. 1 S. 3 Nr. 1 AufenthG).")
    lv = f.livelihood
    if lv is not None and lv.cares_for_relative:
        return True, ("Die Person pflegt nahe Angehörige; ein Leistungsbezug ist in der Regel unschädlich "
                       "(§ 25b Abs. 1 S. 3 Nr. 4 AufenthG).", "The person cares for close relatives; receiving "
                       "benefits does, as a rule, no harm (§ 25b Abs. 1 S. 3 Nr. 4 AufenthG).")
    p = f.person
    if p.single_parent and p.children:
        for ch in p.children:
            if ch.birth_date is not None and age_on(ch.birth_date, on) < 3:
                return True, ("Alleinerziehend mit einem Kind unter drei Jahren; Erwerbstätigkeit ist nach § 10 "
                               "Abs. 1 Nr. 3 SGB II nicht zumutbar (§ 25b Abs. 1 S. 3 Nr. 3 AufenthG).",
                               "Single parent of a child under three; work cannot reasonably be expected under § 10 "
                               "Abs. 1 Nr. 3 SGB II (§ 25b Abs. 1 S. 3 Nr. 3 AufenthG).")
    if lv is not None and lv.receives_sgb2_or_sgb12 and _minor_children(f, on):
        return None, ("Familie mit minderjährigen Kindern, die ergänzende Sozialleistungen bezieht: Ein nur "
                       "vorübergehender Bezug ist in der Regel unschädlich (§ 25b Abs. 1 S. 3 Nr. 2 AufenthG); ob er "
                       "vorübergehend ist, muss die Behörde prüfen.", "Family with minor children receiving "
                       "supplementary benefits: receipt that is only temporary does, as a rule, no harm (§ 25b Abs. 1 "
                       "S. 3 Nr. 2 AufenthG); the authority must check whether it is temporary.")
    return None


def mainly_26_3(f: Facts, opts: Options, code: str, citation: str) -> Criterion:
    """§ 26 Abs. 3 S. 1 Nr. 3 AufenthG: livelihood "überwiegend" secured (> 50 %, U-07)."""
    lv = f.livelihood
    if lv is not None and lv.fully_secured_2_3:
        return Criterion(code, True, _FULLY, citation)
    limit = opts.livelihood_mainly_pct
    share = lv.share_of_need_covered_by_employment_pct if lv is not None else None
    if share is None:
        return Criterion(code, None, _NO_DATA, citation, missing=(_PCT,))
    if share > limit:
        return Criterion(code, True, T("Der Lebensunterhalt ist zu {:g} % und damit überwiegend gesichert.",
                                       "The livelihood is {:g} % secured, i.e. predominantly.", share),
                         citation, uncertainty="U-07")
    if share == limit:
        return Criterion(code, False, T("Der Lebensunterhalt ist zu genau {:g} % gesichert; das ist nicht "
                                        "„überwiegend“ – Einzelfallprüfung erforderlich.", "The livelihood is exactly "
                                        "{:g} % secured; that is not “predominantly” – case-by-case "
                                        "review needed.", share), citation, REGULAR, uncertainty="U-07")
    return Criterion(code, False, T("Der Lebensunterhalt ist nur zu {:g} % gesichert und damit nicht überwiegend.",
                                    "The livelihood is only {:g} % secured, i.e. not predominantly.", share), citation)


def largely_26_3(f: Facts, opts: Options, code: str, citation: str) -> Criterion:
    """§ 26 Abs. 3 S. 3 Nr. 4 AufenthG: "weit überwiegend" – no statutory number; placeholder (U-08)."""
    lv = f.livelihood
    if lv is not None and lv.fully_secured_2_3:
        return Criterion(code, True, _FULLY, citation)
    share = lv.share_of_need_covered_by_employment_pct if lv is not None else None
    if share is None:
        return Criterion(code, None, _NO_DATA, citation, missing=(_PCT,))
    largely = opts.livelihood_largely_pct
    if share >= largely:
        return Criterion(code, True, T("Der Lebensunterhalt ist zu {:g} % gesichert; das gilt als „weit überwiegend“ "
                                       "(Arbeitsschwelle {:g} %, gesetzlich nicht festgelegt).", "The livelihood is "
                                       "{:g} % secured; that counts as “largely” (working threshold {:g} %, "
                                       "not fixed by statute).", share, largely), citation, uncertainty="U-08")
    if share > opts.livelihood_mainly_pct:
        return Criterion(code, None, T("Der Lebensunterhalt ist zu {:g} % gesichert; ob das „weit überwiegend“ ist, "
                                       "ist gesetzlich nicht festgelegt – Einzelfallprüfung.", "The livelihood is {:g} "
                                       "% secured; whether that is “largely” is not fixed by statute "
                                       "– case-by-case review.", share), citation, uncertainty="U-08")
    return Criterion(code, False, T("Der Lebensunterhalt ist nur zu {:g} % gesichert und damit nicht weit "
                                    "überwiegend.", "The livelihood is only {:g} % secured, i.e. not largely.", share),
                     citation)


def stag_livelihood(f: Facts, code: str, citation: str, on: date, *, old_rule: bool,
                    is_minor: bool | None) -> Criterion:
    """§ 10 Abs. 1 S. 1 Nr. 3 StAG: no SGB II/XII benefits, with the exceptions lit. a–c; ``old_rule``: version
    before 27.6.2024 (benefit receipt harmless if "nicht zu vertreten", also via § 40a StAG)."""
    lv = f.livelihood
    receives = lv.receives_sgb2_or_sgb12 if lv is not None else None
    if receives is None:
        return Criterion(code, None, ("Ob Leistungen nach dem SGB II oder SGB XII bezogen werden, ist nicht "
                                       "angegeben.", "Whether benefits under SGB II or SGB XII are received is not "
                                       "stated."), citation, missing=("livelihood.receives_sgb2_or_sgb12",))
    if not receives:
        return Criterion(code, True, ("Es werden keine Leistungen nach dem SGB II oder SGB XII bezogen; Wohngeld, "
                                       "Kinderzuschlag und BAföG sind unschädlich.", "No benefits under SGB II or "
                                       "SGB XII are received; housing benefit, child supplement and BAföG do no "
                                       "harm."), citation)
    not_attributable = lv.benefit_receipt_not_attributable
    if old_rule:
        if not_attributable:
            return Criterion(code, True, ("Es werden Leistungen nach dem SGB II/XII bezogen; die Person hat den Bezug "
                                           "nicht zu vertreten (§ 10 Abs. 1 S. 1 Nr. 3 StAG a. F.).", "Benefits under "
                                           "SGB II/XII are received; the person is not responsible for this (§ 10 "
                                           "Abs. 1 S. 1 Nr. 3 StAG old version)."), citation)
        if not_attributable is None:
            return Criterion(code, None, ("Es werden Leistungen nach dem SGB II/XII bezogen; ob die Person den Bezug "
                                           "zu vertreten hat, ist nicht angegeben (§ 10 Abs. 1 S. 1 Nr. 3 StAG a. F.).",
                                           "Benefits under SGB II/XII are received; whether the person is responsible "
                                           "for this is not stated (§ 10 Abs. 1 S. 1 Nr. 3 StAG old version)."),
                             citation, missing=("livelihood.benefit_receipt_not_attributable",))
    if f.gastarbeiter_or_vertragsarbeitnehmer and not_attributable:
        return Criterion(code, True, ("Angeworbene Arbeitnehmerin/angeworbener Arbeitnehmer bzw. "
                                       "Vertragsarbeitnehmer ohne Vertretenmüssen des Leistungsbezugs (§ 10 Abs. 1 "
                                       "S. 1 Nr. 3 Buchst. a StAG).", "Recruited worker (Gastarbeiter) or contract "
                                       "worker (Vertragsarbeitnehmer) not responsible for receiving benefits (§ 10 "
                                       "Abs. 1 S. 1 Nr. 3 Buchst. a StAG)."), citation)
    emp = f.employment
    if emp is not None and emp.full_time_now and emp.full_time_months_last_24 is not None and \
            emp.full_time_months_last_24 >= 20:
        return Criterion(code, True, T("Vollzeitbeschäftigt und in den letzten 24 Monaten {} Monate in Vollzeit "
                                       "erwerbstätig (§ 10 Abs. 1 S. 1 Nr. 3 Buchst. b StAG).", "Employed full time "
                                       "and in full-time work for {} of the last 24 months (§ 10 Abs. 1 S. 1 Nr. 3 "
                                       "Buchst. b StAG).", emp.full_time_months_last_24), citation)
    if emp is not None and emp.spouse_full_time_exception and _minor_children(f, on):
        return Criterion(code, True, ("Ehegatte erfüllt die Vollzeitausnahme und es lebt ein minderjähriges Kind in "
                                       "der Familie (§ 10 Abs. 1 S. 1 Nr. 3 Buchst. c StAG).", "The spouse meets the "
                                       "full-time exception and a minor child lives in the family (§ 10 Abs. 1 S. 1 "
                                       "Nr. 3 Buchst. c StAG)."), citation)
    if is_minor:
        return Criterion(code, None, ("Das minderjährige Kind bezieht Leistungen nach dem SGB II/XII; ob die "
                                       "Ausnahmen für Kinder gelten, ist ungeklärt – Einzelfallprüfung.", "The minor "
                                       "receives benefits under SGB II/XII; whether the exceptions apply to children "
                                       "is unresolved – case-by-case review."), citation, uncertainty="U-26")
    missing = []
    if f.gastarbeiter_or_vertragsarbeitnehmer is None:
        missing.append("gastarbeiter_or_vertragsarbeitnehmer")
    if emp is None or emp.full_time_now is None:
        missing.append("employment.full_time_now")
    elif emp.full_time_now and emp.full_time_months_last_24 is None:
        missing.append("employment.full_time_months_last_24")
    if missing:
        return Criterion(code, None, ("Es werden Leistungen nach dem SGB II/XII bezogen; ob eine gesetzliche Ausnahme "
                                       "(§ 10 Abs. 1 S. 1 Nr. 3 Buchst. a–c StAG) greift, lässt sich nicht "
                                       "abschließend beurteilen.", "Benefits under SGB II/XII are received; whether a "
                                       "statutory exception (§ 10 Abs. 1 S. 1 Nr. 3 Buchst. a–c StAG) applies cannot "
                                       "be decided yet."), citation, missing=tuple(missing))
    return Criterion(code, False, ("Es werden Leistungen nach dem SGB II/XII bezogen und keine Ausnahme nach § 10 "
                                    "Abs. 1 S. 1 Nr. 3 Buchst. a–c StAG greift.", "Benefits under SGB II/XII are "
                                    "received and no exception under § 10 Abs. 1 S. 1 Nr. 3 Buchst. a–c StAG "
                                    "applies."), citation)
