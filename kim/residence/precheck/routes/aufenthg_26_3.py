"""§ 26 Abs. 3 AufenthG – Niederlassungserlaubnis für Asylberechtigte, Flüchtlinge und Resettlement-Flüchtlinge.

Two tracks (RULES.md 8.6): S_1 (five years, A2, livelihood "überwiegend") and S_3 (three years, C1, livelihood
"weit überwiegend", placeholder U-08). The asylum procedure counts towards the waiting time. From 12.6.2026 the
GEAS-Anpassungsgesetz applies, whose wording could not be checked (U-02, switch ``geas_unverified_open``).
"""

from __future__ import annotations

from datetime import date

from ..context import Ctx, fact, housing, knowledge_9, not_in_force, overall, stay_time
from ..facts import A2, C1
from ..livelihood import largely_26_3, mainly_26_3
from ..outcome import ELIGIBLE, OUTCOME_RANK, TARGET, Criterion, RouteResult
from ..text import T
from ..versions import version_for
from ._settlement import (
    AE_WITH_PROCEDURE,
    current_title,
    employment_permitted,
    geas_marker,
    protection_group,
    public_security,
    retirement_age_reached,
    target_ae,
    title_label,
)

ROUTE = "AUFENTHG_26_3"
CIT = "§ 26 Abs. 3 AufenthG"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    if v is None:
        return not_in_force(ROUTE, ("§ 26 Abs. 3 AufenthG (in der modellierten Fassung)", "§ 26 Abs. 3 AufenthG (in "
                                     "the version modelled here)"), CIT, ctx.on, date(2016, 8, 6))
    target = target_ae(ctx, CIT + " S. 1")
    if target.met is False:
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    criteria = [target]
    if target.met is True:
        period, title = current_title(ctx)
        group = protection_group(ctx, title)
        if group is None:
            idx = period.index if period is not None else 0
            criteria.append(Criterion("TARGET_PROTECTION", None, ("Ob die Aufenthaltserlaubnis nach § 25 Abs. 1, § 25 "
                                                                   "Abs. 2 S. 1 Alt. 1 oder § 23 Abs. 4 AufenthG "
                                                                   "erteilt wurde, ist nicht angegeben.", "Whether the "
                                                                   "residence permit was granted under § 25 Abs. 1, "
                                                                   "§ 25 Abs. 2 S. 1 Alt. 1 or § 23 Abs. 4 AufenthG is "
                                                                   "not stated."), CIT + " S. 1", TARGET,
                                      (f"status_history[{idx}].title_basis",)))
        elif group:
            criteria.append(Criterion("TARGET_PROTECTION", True, T("{}: Asylberechtigung, Flüchtlingseigenschaft oder "
                                                                   "Resettlement.", "{}: asylum, refugee status or "
                                                                   "resettlement.", title_label(period)),
                                      CIT + " S. 1", TARGET))
        else:
            criteria.append(Criterion("TARGET_PROTECTION", False, T("{}: keine Aufenthaltserlaubnis nach § 25 Abs. 1, "
                                                                    "§ 25 Abs. 2 S. 1 Alt. 1 oder § 23 Abs. 4 "
                                                                    "AufenthG.", "{}: not a residence permit under "
                                                                    "§ 25 Abs. 1, § 25 Abs. 2 S. 1 Alt. 1 or § 23 "
                                                                    "Abs. 4 AufenthG.", title_label(period)),
                                      CIT + " S. 1", TARGET))
            return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)
    f = ctx.f
    ch = ctx.chain(AE_WITH_PROCEDURE)
    notice = fact("NO_REVOCATION_NOTICE", f.bamf_revocation_notice_73b, "bamf_revocation_notice_73b",
                  CIT + " S. 1 Nr. 2",
                   (("Eine Mitteilung des BAMF nach § 73b Abs. 3 AsylG liegt nicht vor.", "There is no notice from the "
                    "BAMF under § 73b Abs. 3 AsylG."),
                   ("Das BAMF hat mitgeteilt, dass die Voraussetzungen für Widerruf oder Rücknahme vorliegen (§ 73b "
                    "Abs. 3 AsylG).", "The BAMF has given notice that the conditions for revocation or withdrawal "
                    "are met (§ 73b Abs. 3 AsylG)."),
                   ("Ob eine Mitteilung des BAMF nach § 73b Abs. 3 AsylG vorliegt, ist nicht angegeben.", "Whether "
                    "there is a notice from the BAMF under § 73b Abs. 3 AsylG is not stated.")), good=False)
    common = [
        public_security(ctx, "PUBLIC_SECURITY", CIT + " i. V. m. § 9 Abs. 2 S. 1 Nr. 4 AufenthG"),
        employment_permitted(ctx, "EMPLOYMENT_PERMITTED", CIT + " i. V. m. § 9 Abs. 2 S. 1 Nr. 5, 6 AufenthG"),
        knowledge_9(ctx, "KNOWLEDGE", CIT + " i. V. m. § 9 Abs. 2 S. 1 Nr. 8 AufenthG"),
        housing(ctx, "HOUSING", CIT + " i. V. m. § 9 Abs. 2 S. 1 Nr. 9 AufenthG"),
    ]
    geas = geas_marker(ctx, CIT)
    if geas is not None:
        common.append(geas)
    what = ("Besitz der Aufenthaltserlaubnis (einschließlich Asylverfahren)", "Holding the residence permit "
             "(including the asylum procedure)")
    retired = retirement_age_reached(ctx)
    if retired or f.illness_or_disability_prevents:
        lu1 = Criterion("LIVELIHOOD_MAINLY", True, ("Die Sicherung des Lebensunterhalts wird wegen Erreichens der "
                                                     "Regelaltersgrenze oder wegen Krankheit bzw. Behinderung nicht "
                                                     "verlangt.", "A secured livelihood is not required because the "
                                                     "person has reached the statutory retirement age or because of "
                                                     "illness or disability."), CIT + " S. 2")
    else:
        lu1 = mainly_26_3(f, ctx.opts, "LIVELIHOOD_MAINLY", CIT + " S. 1 Nr. 3")
    s1 = ctx.result(ROUTE, v, "S_1", [
        *criteria,
        stay_time(ctx, "PERMIT_5Y", CIT + " S. 1 Nr. 1", ch, 60, what),
        notice,
        lu1,
        overall(ctx, A2, "LANGUAGE_A2", CIT + " S. 1 Nr. 4"),
        *common,
    ], ELIGIBLE)
    s3 = ctx.result(ROUTE, v, "S_3", [
        *criteria,
        stay_time(ctx, "PERMIT_3Y", CIT + " S. 3 Nr. 1", ch, 36, what),
        notice,
        overall(ctx, C1, "LANGUAGE_C1", CIT + " S. 3 Nr. 3", waivable=False),
        largely_26_3(f, ctx.opts, "LIVELIHOOD_LARGELY", CIT + " S. 3 Nr. 4"),
        *common,
    ], ELIGIBLE)
    return s3 if OUTCOME_RANK[s3.outcome] > OUTCOME_RANK[s1.outcome] else s1
