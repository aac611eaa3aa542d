"""§ 16g AufenthG – Aufenthaltserlaubnis zur Berufsausbildung für ausreisepflichtige Ausländer (RULES.md 8.2).

In force since 1.3.2024; "ist zu erteilen". Unlike § 60c, the permit is not granted "abweichend von § 10 Abs. 3
Satz 2": after rejection of the asylum application as offensichtlich unbegründet under § 30 Abs. 1 Nr. 3–7 AsylG
the bar of § 10 Abs. 3 S. 2 AufenthG applies (U-23: § 60c then keeps its residual scope).
"""

from __future__ import annotations

from datetime import date

from ..context import Ctx, not_in_force
from ..outcome import Criterion, RouteResult
from ..versions import version_for
from ._training import evaluate_training

ROUTE = "AUFENTHG_16G"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    if v is None:
        return not_in_force(ROUTE, ("Die Aufenthaltserlaubnis zur Berufsausbildung (§ 16g AufenthG)", "The "
                                     "residence permit for vocational training (§ 16g AufenthG)"), "§ 16g AufenthG",
                            ctx.on, date(2024, 3, 1))
    res = evaluate_training(ctx, ROUTE, v, "§ 16g", ("die Aufenthaltserlaubnis", "the residence permit"))
    if res.outcome == "NOT_APPLICABLE":
        return res
    asylum = ctx.f.asylum
    outcome = asylum.outcome if asylum is not None else None
    cit = "§ 10 Abs. 3 S. 2 AufenthG"
    if outcome == "rejected_ou_30_1_3_7":
        bar = Criterion("NO_BAR_10_3_S2", False, ("Der Asylantrag wurde nach § 30 Abs. 1 Nr. 3 bis 7 AsylG als "
                                                   "offensichtlich unbegründet abgelehnt; § 16g AufenthG weicht von "
                                                   "dieser Titelerteilungssperre nicht ab. In Betracht kommt die "
                                                   "Ausbildungsduldung nach § 60c AufenthG.", "The asylum application "
                                                   "was rejected as manifestly unfounded under § 30 Abs. 1 Nr. 3 to 7 "
                                                   "AsylG; § 16g AufenthG does not override this bar on residence "
                                                   "titles. The training Duldung under § 60c AufenthG may be an "
                                                   "option."), cit, uncertainty="U-23")
    elif outcome is None:
        bar = Criterion("NO_BAR_10_3_S2", None, ("Ob ein Asylantrag als offensichtlich unbegründet abgelehnt wurde, ist "
                                                  "nicht angegeben.", "Whether an asylum application was rejected as "
                                                  "manifestly unfounded is not stated."), cit,
                        missing=("asylum.outcome",))
    else:
        bar = Criterion("NO_BAR_10_3_S2", True, ("Keine Ablehnung als offensichtlich unbegründet nach § 30 Abs. 1 Nr. 3 "
                                                  "bis 7 AsylG; § 10 Abs. 3 S. 2 AufenthG steht nicht entgegen.", "No "
                                                  "rejection as manifestly unfounded under § 30 Abs. 1 Nr. 3 to 7 "
                                                  "AsylG; § 10 Abs. 3 S. 2 AufenthG is no bar."), cit)
    return ctx.result(ROUTE, v, res.variant, [*res.criteria, bar], "ELIGIBLE")
