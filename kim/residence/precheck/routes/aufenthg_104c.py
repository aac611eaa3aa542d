"""§ 104c AufenthG – Chancen-Aufenthaltsrecht (RULES.md 4.1, 4.2).

V1 (31.12.2022 – 30.12.2025): "soll" grant for Geduldete with five years of prior stay on 31.10.2022.
V2 (from 31.12.2025): transitional rule only; no new grants. Applications filed before the repeal and decided
later are open (U-03, switch ``pending_104c_applications``); 31.12.2025 as last filing day is flagged (U-19).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..context import DULDUNG, Ctx, fact, family_link, from_crim, not_in_force, stay_time
from ..criminal import crim_50_90
from ..dates import fmt
from ..outcome import ELIGIBLE, OUTCOME_RANK, TARGET, Criterion, RouteResult
from ..versions import CHANCEN_STICHTAG, REPEAL_104C, Version, version_for

ROUTE = "AUFENTHG_104C"
CIT = "§ 104c Abs. 1 S. 1 AufenthG"
STAY = frozenset(DULDUNG | {"gestattung", "aufenthaltserlaubnis", "fiktion_81_4"})


def _target_duldung(ctx: Ctx, citation: str) -> Criterion:
    cur = ctx.current
    if cur is None:
        return Criterion("TARGET_DULDUNG", None, f"Der Aufenthaltsstatus am {fmt(ctx.on)} ist nicht angegeben.",
                         citation, TARGET, ("status_history",))
    status = cur.status
    if status in DULDUNG:
        return Criterion("TARGET_DULDUNG", True, f"Die Person ist am {fmt(ctx.on)} geduldet.", citation, TARGET)
    if status == "none":
        return Criterion("TARGET_DULDUNG", None, "Die Person hat derzeit keine Duldung; zu prüfen ist, ob ein Anspruch "
                         "auf Erteilung einer Duldung besteht.", citation, TARGET)
    if status == "aufenthaltserlaubnis" and ctx.holder_104c():
        return Criterion("TARGET_DULDUNG", False, "Die Person besitzt bereits eine Aufenthaltserlaubnis nach § 104c "
                         "AufenthG.", citation, TARGET)
    return Criterion("TARGET_DULDUNG", False, "Die Person ist nicht geduldet; das Chancen-Aufenthaltsrecht richtet sich "
                     "nur an Geduldete.", citation, TARGET)


def _fdgo(ctx: Ctx) -> Criterion:
    return fact("FDGO_COMMITMENT", ctx.f.fdgo_commitment_signed, "fdgo_commitment_signed",
                "§ 104c Abs. 1 S. 1 Nr. 1 AufenthG",
                "Das Bekenntnis zur freiheitlichen demokratischen Grundordnung liegt vor.",
                "Das Bekenntnis zur freiheitlichen demokratischen Grundordnung liegt nicht vor.",
                "Ob das Bekenntnis zur freiheitlichen demokratischen Grundordnung abgegeben wurde, ist nicht angegeben.")


def _criminal(ctx: Ctx) -> Criterion:
    r = crim_50_90(ctx.f.convictions, ctx.on, ignore_jgg_non_jugendstrafe=True)
    c = from_crim("CRIMINAL_50_90", r, "§ 104c Abs. 1 S. 1 Nr. 2 AufenthG", "U-09" if "Zusammenrechnen" in r.text
                  else None)
    ausw = ctx.f.ausweisungsinteresse
    if c.met is True and (ausw is None or ausw.p54_1 is None):
        return Criterion(c.code, None, c.text + " Ob ein besonders schwerwiegendes Ausweisungsinteresse (§ 54 Abs. 1 "
                         "AufenthG) besteht, ist nicht angegeben.", c.citation, missing=("ausweisungsinteresse.p54_1",),
                         uncertainty="U-28")
    if c.met is True and ausw.p54_1:
        # U-28: the specific clause decides, but a serious Ausweisungsinteresse needs a manual look.
        return Criterion(c.code, None, c.text + " Es besteht jedoch ein besonders schwerwiegendes Ausweisungsinteresse "
                         "(§ 54 Abs. 1 AufenthG); sein Verhältnis zur Sonderregel ist im Einzelfall zu prüfen.",
                         c.citation, uncertainty="U-28")
    return c


def _deception(ctx: Ctx) -> Criterion:
    code, cit = "NO_IDENTITY_DECEPTION", "§ 104c Abs. 1 S. 2 AufenthG"
    d = ctx.f.deception
    if d is None or d.own_false_statements_or_identity_deception is None:
        return Criterion(code, None, "Ob die Person selbst falsche Angaben gemacht oder über ihre Identität getäuscht hat, "
                         "ist nicht angegeben.", cit, missing=("deception.own_false_statements_or_identity_deception",))
    if not d.own_false_statements_or_identity_deception:
        return Criterion(code, True, "Die Person hat keine falschen Angaben gemacht und nicht über ihre Identität oder "
                         "Staatsangehörigkeit getäuscht; bloße fehlende Mitwirkung genügt für den Ausschluss nicht.", cit)
    if d.repeated is None:
        return Criterion(code, None, "Eigene falsche Angaben oder Täuschung liegen vor; ob wiederholt, ist nicht angegeben.",
                         cit, missing=("deception.repeated",))
    if not d.repeated:
        return Criterion(code, True, "Falsche Angaben wurden nicht wiederholt gemacht; der Versagungsgrund greift nicht.",
                         cit)
    if d.currently_prevents_removal is None:
        return Criterion(code, None, "Wiederholte falsche Angaben bzw. Identitätstäuschung liegen vor; ob dadurch die "
                         "Abschiebung verhindert wird, ist nicht angegeben.", cit,
                         missing=("deception.currently_prevents_removal",))
    if d.currently_prevents_removal:
        return Criterion(code, False, "Die Person hat wiederholt vorsätzlich falsche Angaben gemacht oder über ihre "
                         "Identität oder Staatsangehörigkeit getäuscht und verhindert dadurch ihre Abschiebung; die "
                         "Aufenthaltserlaubnis soll versagt werden.", cit)
    return Criterion(code, None, "Die Person hat früher wiederholt getäuscht, das verhindert die Abschiebung aber nicht "
                     "mehr. Ob eine abgeschlossene Täuschung noch zur Versagung führt, ist ungeklärt – "
                     "Einzelfallprüfung.", cit, uncertainty="U-18")


def _grant(ctx: Ctx, v: Version, variant: str | None, extra: list[Criterion]) -> RouteResult:
    ch = ctx.chain(STAY, ref=CHANCEN_STICHTAG)
    criteria = [
        _target_duldung(ctx, CIT),
        *extra,
        stay_time(ctx, "STICHTAG_5Y", CIT, ch, 60,
                  "Ununterbrochener Aufenthalt mit Duldung, Gestattung oder Aufenthaltserlaubnis zum Stichtag 31.10.2022",
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
                        "Familienangehörige(r) einer nach § 104c Abs. 1 AufenthG begünstigten Person")
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
        return not_in_force(ROUTE, "Das Chancen-Aufenthaltsrecht (§ 104c AufenthG)", "§ 104c AufenthG", ctx.on,
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
                    "noch zur Erteilung führen kann, ist ungeklärt.")
            unc = "U-03,U-19"
        else:
            text = (f"Der Antrag wurde am {fmt(applied)} und damit vor der Aufhebung gestellt. Eine Übergangsregel für "
                    "noch nicht entschiedene Anträge fehlt; maßgeblich ist grundsätzlich das Recht im "
                    "Entscheidungszeitpunkt. Ob noch erteilt werden kann, ist ungeklärt.")
            unc = "U-03"
        pending = Criterion("PENDING_APPLICATION_AFTER_REPEAL", None, text, cit, uncertainty=unc)
        return _grant(ctx, v, "PENDING_APPLICATION", [pending])
    no_grant = Criterion("NO_NEW_GRANT", False, "Seit dem 31.12.2025 werden keine Aufenthaltserlaubnisse nach § 104c "
                         "AufenthG mehr erteilt.", cit, TARGET)
    criteria = [no_grant]
    if ctx.holder_104c():
        cur = ctx.current
        expiry = cur.end if cur is not None and cur.status == "aufenthaltserlaubnis" else None
        if expiry is None:
            info = Criterion("PERMIT_VALID_UNTIL", None, "Die erteilte Aufenthaltserlaubnis nach § 104c bleibt bis zum "
                             "Ablauf gültig und kann nur als Aufenthaltserlaubnis nach § 25a oder § 25b verlängert "
                             "werden; das Ablaufdatum ist nicht angegeben.", "§ 104c Abs. 1, 2 AufenthG",
                             missing=("status_history",))
        elif expiry < ctx.on + timedelta(weeks=8):
            info = Criterion("PERMIT_VALID_UNTIL", False, f"Die Aufenthaltserlaubnis nach § 104c läuft am {fmt(expiry)} "
                             "ab, also in weniger als acht Wochen: Verlängerung nach § 25a oder § 25b AufenthG "
                             "rechtzeitig beantragen (ein anderer Antrag löst keine Fiktionswirkung aus).",
                             "§ 104c Abs. 2 AufenthG")
        else:
            info = Criterion("PERMIT_VALID_UNTIL", True, f"Die Aufenthaltserlaubnis nach § 104c gilt bis zum "
                             f"{fmt(expiry)}; eine Verlängerung ist nur nach § 25a oder § 25b AufenthG möglich.",
                             "§ 104c Abs. 1, 2 AufenthG")
        criteria.append(info)
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)
