"""§ 9 AufenthG – Niederlassungserlaubnis (RULES.md 8.4): entitlement under § 9 Abs. 2 S. 1 Nr. 1–9.

Study and vocational-training periods count half (§ 9 Abs. 4 Nr. 3); the other crediting rules of Abs. 4
(former settlement permits, stays abroad) are not modelled and are mentioned for manual review.
"""

from __future__ import annotations

from ..context import Ctx, housing, knowledge_9, overall, stay_time
from ..facts import B1
from ..livelihood import secured_2_3
from ..outcome import ELIGIBLE, RouteResult
from ..versions import version_for
from ._settlement import AE, employment_permitted, pension, public_security, study_offset, target_ae

ROUTE = "AUFENTHG_9"
CIT = "§ 9 Abs. 2 S. 1 AufenthG"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    target = target_ae(ctx, CIT)
    if target.met is False:
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    ch = ctx.chain(AE)
    criteria = [
        target,
        stay_time(ctx, "PERMIT_5Y", CIT + " Nr. 1", ch, 60, ("Ununterbrochener Besitz einer Aufenthaltserlaubnis",
                                                              "Holding a residence permit without interruption"),
                  offset_days=study_offset(ctx, ch.periods)),
        secured_2_3(ctx.f, "LIVELIHOOD", CIT + " Nr. 2"),
        pension(ctx, "PENSION_60M", CIT + " Nr. 3"),
        public_security(ctx, "PUBLIC_SECURITY", CIT + " Nr. 4"),
        employment_permitted(ctx, "EMPLOYMENT_PERMITTED", CIT + " Nr. 5, 6"),
        overall(ctx, B1, "LANGUAGE_B1", CIT + " Nr. 7"),
        knowledge_9(ctx, "KNOWLEDGE", CIT + " Nr. 8"),
        housing(ctx, "HOUSING", CIT + " Nr. 9"),
    ]
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)
