"""§ 104c AufenthG – Chancen-Aufenthaltsrecht (RULES.md 4.1, 4.2).

V1 (31.12.2022 – 30.12.2025): "soll" grant for Geduldete with five years of prior stay on 31.10.2022.
V2 (from 31.12.2025): transitional rule only; no new grants. Applications filed before the repeal and decided
later are open (U-03, switch ``pending_104c_applications``); 31.12.2025 as last filing day is flagged (U-19).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..context import DULDUNG, Ctx, fact, family_link, from_crim, not_in_force, status_unknown, stay_time
from ..criminal import crim_50_90
from ..outcome import ELIGIBLE, OUTCOME_RANK, TARGET, Criterion, RouteResult
from ..text import T, cat
from ..versions import CHANCEN_STICHTAG, REPEAL_104C, Version, version_for

ROUTE = "AUFENTHG_104C"
CIT = "§ 104c Abs. 1 S. 1 AufenthG"
STAY = frozenset(DULDUNG | {"gestattung", "aufenthaltserlaubnis", "fiktion_81_4"})


def _target_duldung(ctx: Ctx, citation: str) -> Criterion:
    cur = ctx.current
    if cur is None:
        return Criterion("TARGET_DULDUNG", None, status_unknown(ctx.on), citation, TARGET, ("status_history",))
    status = cur.status
    if status in DULDUNG:
        return Criterion("TARGET_DULDUNG", True, T("Die Person ist am {} geduldet.", "The person holds a Duldung "
                                                   "(toleration) on {}.", ctx.on), citation, TARGET)
    if status == "none":
        return Criterion("TARGET_DULDUNG", None, ("Die Person hat derzeit keine Duldung; zu prüfen ist, ob ein Anspruch "
                                                   "auf Erteilung einer Duldung besteht.", "The person has no Duldung "
                                                   "at present; it must be checked whether there is a right to be "
                                                   "granted one."), citation, TARGET)
    if status == "aufenthaltserlaubnis" and ctx.holder_104c():
        return Criterion("TARGET_DULDUNG", False, ("Die Person besitzt bereits eine Aufenthaltserlaubnis nach § 104c "
                                                    "AufenthG.", "The person already holds a residence permit under "
                                                    "§ 104c AufenthG."), citation, TARGET)
    return Criterion("TARGET_DULDUNG", False, ("Die Person ist nicht geduldet; das Chancen-Aufenthaltsrecht richtet "
                                                "sich nur an Geduldete.", "The person does not hold a Duldung; the "
                                                "opportunity residence right is only for persons with a Duldung."),
                     citation, TARGET)


FDGO = (
     ("Das Bekenntnis zur freiheitlichen demokratischen Grundordnung liegt vor.",
      "The commitment to the free democratic basic order has been made."),
     ("Das Bekenntnis zur freiheitlichen demokratischen Grundordnung liegt nicht vor.",
      "The commitment to the free democratic basic order has not been made."),
     ("Ob das Bekenntnis zur freiheitlichen demokratischen Grundordnung abgegeben wurde, ist nicht angegeben.",
      "Whether the commitment to the free democratic basic order has been made is not stated."),
)


def _fdgo(ctx: Ctx) -> Criterion:
    return fact("FDGO_COMMITMENT", ctx.f.fdgo_commitment_signed, "fdgo_commitment_signed",
                "§ 104c Abs. 1 S. 1 Nr. 1 AufenthG", FDGO)


def _criminal(ctx: Ctx) -> Criterion:
    r = ctx.crim(crim_50_90, ctx.f.convictions, ignore_jgg_non_jugendstrafe=True)
    c = from_crim("CRIMINAL_50_90", r, "§ 104c Abs. 1 S. 1 Nr. 2 AufenthG", "U-09" if r.mixed_fines else None)
    ausw = ctx.f.ausweisungsinteresse
    if c.met is True and (ausw is None or ausw.p54_1 is None):
        return Criterion(c.code, None, cat(c.msg, (" Ob ein besonders schwerwiegendes Ausweisungsinteresse (§ 54 Abs. 1 "
                                                   "AufenthG) besteht, ist nicht angegeben.", " Whether there is a "
                                                   "particularly serious interest in expulsion (§ 54 Abs. 1 AufenthG) "
                                                   "is not stated.")), c.citation,
                         missing=("ausweisungsinteresse.p54_1",), uncertainty="U-28")
    if c.met is True and ausw.p54_1:
        # U-28: the specific clause decides, but a serious Ausweisungsinteresse needs a manual look.
        return Criterion(c.code, None, cat(c.msg, (" Es besteht jedoch ein besonders schwerwiegendes "
                                                   "Ausweisungsinteresse (§ 54 Abs. 1 AufenthG); sein Verhältnis zur "
                                                   "Sonderregel ist im Einzelfall zu prüfen.", " However, there is a "
                                                   "particularly serious interest in expulsion (§ 54 Abs. 1 AufenthG); "
                                                   "how it relates to the special rule must be checked case by "
                                                   "case.")), c.citation, uncertainty="U-28")
    return c


def _deception(ctx: Ctx) -> Criterion:
    code, cit = "NO_IDENTITY_DECEPTION", "§ 104c Abs. 1 S. 2 AufenthG"
    d = ctx.f.deception
    if d is None or d.own_false_statements_or_identity_deception is None:
        return Criterion(code, None, ("Ob die Person selbst falsche Angaben gemacht oder über ihre Identität "
                                       "getäuscht hat, ist nicht angegeben.", "Whether the person made false "
                                       "statements or deceived about their identity is not stated."), cit,
                         missing=("deception.own_false_statements_or_identity_deception",))
    if not d.own_false_statements_or_identity_deception:
        return Criterion(code, True, ("Die Person hat keine falschen Angaben gemacht und nicht über ihre Identität oder "
                                       "Staatsangehörigkeit getäuscht; bloße fehlende Mitwirkung genügt für den "
                                       "Ausschluss nicht.", "The person made no false statements and did not deceive "
                                       "about identity or nationality; mere lack of cooperation does not exclude the "
                                       "permit."), cit)
    if d.repeated is None:
        return Criterion(code, None, ("Eigene falsche Angaben oder Täuschung liegen vor; ob wiederholt, ist nicht "
                                       "angegeben.", "The person made false statements or deceived; whether "
                                       "repeatedly is not stated."), cit, missing=("deception.repeated",))
    if not d.repeated:
        return Criterion(code, True, ("Falsche Angaben wurden nicht wiederholt gemacht; der Versagungsgrund greift "
                                       "nicht.", "False statements were not made repeatedly; the ground for refusal "
                                       "does not apply."), cit)
    if d.currently_prevents_removal is None:
        return Criterion(code, None, ("Wiederholte falsche Angaben bzw. Identitätstäuschung liegen vor; ob dadurch die "
                                       "Abschiebung verhindert wird, ist nicht angegeben.", "There were repeated false "
                                       "statements or identity deception; whether this prevents removal is not "
                                       "stated."), cit, missing=("deception.currently_prevents_removal",))
    if d.currently_prevents_removal:
        return Criterion(code, False, ("Die Person hat wiederholt vorsätzlich falsche Angaben gemacht oder über ihre "
                                        "Identität oder Staatsangehörigkeit getäuscht und verhindert dadurch ihre "
                                        "Abschiebung; die Aufenthaltserlaubnis soll versagt werden.", "The person "
                                        "repeatedly and intentionally made false statements or deceived about identity "
                                        "or nationality and thereby prevents removal; the residence permit is, as a "
                                        "rule, to be refused."), cit)
    return Criterion(code, None, ("Die Person hat früher wiederholt getäuscht, das verhindert die Abschiebung aber "
                                   "nicht mehr. Ob eine abgeschlossene Täuschung noch zur Versagung führt, ist "
                                   "ungeklärt – Einzelfallprüfung.", "The person deceived repeatedly in the past, but "
                                   "this no longer prevents removal. Whether past deception still leads to refusal is "
                                   "unresolved – case-by-case review."), cit, uncertainty="U-18")


def _grant(ctx: Ctx, v: Version, variant: str | None, extra: list[Criterion]) -> RouteResult:
    ch = ctx.chain(STAY, ref=CHANCEN_STICHTAG)
    criteria = [
        _target_duldung(ctx, CIT),
        *extra,
        stay_time(ctx, "STICHTAG_5Y", CIT, ch, 60,
                   ("Ununterbrochener Aufenthalt mit Duldung, Gestattung oder Aufenthaltserlaubnis zum Stichtag "
                    "31.10.2022", "Uninterrupted stay with a Duldung, Aufenthaltsgestattung or residence permit on the "
                    "cut-off date 31 Oct 2022"),
                  ref=CHANCEN_STICHTAG, projectable=False),
        _fdgo(ctx),
        _criminal(ctx),
        _deception(ctx),
    ]
    own = ctx.result(ROUTE, v, variant, criteria, ELIGIBLE)
    family = _family(ctx, v, variant, extra)
    if family is not None and OUTCOME_RANK[family.outcome] > OUTCOME_RANK[own.outcome]:
        return family
    return own


def _family(ctx: Ctx, v: Version, variant: str | None, extra: list[Criterion]) -> RouteResult | None:
    """§ 104c Abs. 2: spouse, minor child or adult child (minor at entry) of a beneficiary."""
    cit = "§ 104c Abs. 2 AufenthG"
    found = family_link(ctx, ROUTE, ("spouse", "minor_child", "adult_child_minor_at_entry"), cit,
                         ("Familienangehörige(r) einer nach § 104c Abs. 1 AufenthG begünstigten Person",
                          "Family member of a person who qualifies under § 104c Abs. 1 AufenthG"))
    if found is None:
        return None
    duldung = _target_duldung(ctx, cit)
    if duldung.met is True:
        duldung.uncertainty = "U-27"
    criteria = [found[1], duldung, *extra, _fdgo(ctx), _criminal(ctx), _deception(ctx)]
    return ctx.result(ROUTE, v, "ABS_2" if variant is None else f"{variant}+ABS_2", criteria, ELIGIBLE)


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    if v is None:
        return not_in_force(ROUTE, ("Das Chancen-Aufenthaltsrecht (§ 104c AufenthG)", "The opportunity residence "
                                     "right (Chancen-Aufenthaltsrecht, § 104c AufenthG)"), "§ 104c AufenthG", ctx.on,
                            date(2022, 12, 31))
    if v.id == "AUFENTHG_104C_V1":
        return _grant(ctx, v, None, [])
    return _transition(ctx, v)


def _transition(ctx: Ctx, v: Version) -> RouteResult:
    cit = "§ 104c AufenthG i. d. F. ab 31.12.2025"
    applied = ctx.application_date(ROUTE)
    if applied is not None and applied <= REPEAL_104C and ctx.opts.pending_104c_applications == "open":
        if applied == REPEAL_104C:
            text = ("Der Antrag wurde am 31.12.2025 gestellt, dem Tag des Inkrafttretens der Übergangsregelung. Ob "
                     "Anträge an diesem Tag noch möglich waren, ist umstritten; ob ein später entschiedener Antrag "
                     "noch zur Erteilung führen kann, ist ungeklärt.", "The application was filed on 31 Dec 2025, the "
                     "day the transitional rule came into force. Whether applications were still possible on that day "
                     "is disputed; whether an application decided later can still lead to a grant is unresolved.")
            unc = "U-03,U-19"
        else:
            text = T("Der Antrag wurde am {} und damit vor der Aufhebung gestellt. Eine Übergangsregel für noch nicht "
                     "entschiedene Anträge fehlt; maßgeblich ist grundsätzlich das Recht im Entscheidungszeitpunkt. Ob "
                     "noch erteilt werden kann, ist ungeklärt.", "The application was filed on {}, i.e. before the "
                     "repeal. There is no transitional rule for applications not yet decided; as a rule the law on the "
                     "decision date applies. Whether the permit can still be granted is unresolved.", applied)
            unc = "U-03"
        pending = Criterion("PENDING_APPLICATION_AFTER_REPEAL", None, text, cit, uncertainty=unc)
        return _grant(ctx, v, "PENDING_APPLICATION", [pending])
    no_grant = Criterion("NO_NEW_GRANT", False, ("Seit dem 31.12.2025 werden keine Aufenthaltserlaubnisse nach § 104c "
                                                  "AufenthG mehr erteilt.", "Since 31 Dec 2025 no new residence "
                                                  "permits under § 104c AufenthG are granted."), cit, TARGET)
    criteria = [no_grant]
    if ctx.holder_104c():
        cur = ctx.current
        expiry = cur.end if cur is not None and cur.status == "aufenthaltserlaubnis" else None
        if expiry is None:
            info = Criterion("PERMIT_VALID_UNTIL", None, ("Die erteilte Aufenthaltserlaubnis nach § 104c bleibt bis "
                                                           "zum Ablauf gültig und kann nur als Aufenthaltserlaubnis "
                                                           "nach § 25a oder § 25b verlängert werden; das Ablaufdatum "
                                                           "ist nicht angegeben.", "The residence permit granted under "
                                                           "§ 104c stays valid until it expires and can only be "
                                                           "extended as a permit under § 25a or § 25b; the expiry date "
                                                           "is not stated."), "§ 104c Abs. 1, 2 AufenthG",
                             missing=("status_history",))
        elif expiry < ctx.on + timedelta(weeks=8):
            info = Criterion("PERMIT_VALID_UNTIL", False, T("Die Aufenthaltserlaubnis nach § 104c läuft am {} ab, also "
                                                            "in weniger als acht Wochen: Verlängerung nach § 25a oder "
                                                            "§ 25b AufenthG rechtzeitig beantragen (ein anderer Antrag "
                                                            "löst keine Fiktionswirkung aus).", "The residence permit "
                                                            "under § 104c expires on {}, in less than eight weeks: apply "
                                                            "in time for an extension under § 25a or § 25b AufenthG "
                                                            "(any other application does not keep the permit in force "
                                                            "provisionally).", expiry), "§ 104c Abs. 2 AufenthG")
        else:
            info = Criterion("PERMIT_VALID_UNTIL", True, T("Die Aufenthaltserlaubnis nach § 104c gilt bis zum {}; eine "
                                                           "Verlängerung ist nur nach § 25a oder § 25b AufenthG "
                                                           "möglich.", "The residence permit under § 104c is valid "
                                                           "until {}; it can only be extended under § 25a or § 25b "
                                                           "AufenthG.", expiry), "§ 104c Abs. 1, 2 AufenthG")
        criteria.append(info)
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)
