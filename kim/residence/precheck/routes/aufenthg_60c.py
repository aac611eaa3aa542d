"""§ 60c AufenthG – Ausbildungsduldung (RULES.md 8.2).

In force (in this structure) since 1.1.2020; "ist zu erteilen". Evaluated next to § 16g; its practical residual
scope are cases where § 10 Abs. 3 S. 2 AufenthG bars a residence title (U-23).
"""

from __future__ import annotations

from datetime import date

from ..context import Ctx, not_in_force
from ..outcome import RouteResult
from ..versions import version_for
from ._training import evaluate_training

ROUTE = "AUFENTHG_60C"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    if v is None:
        return not_in_force(ROUTE, ("Die Ausbildungsduldung (§ 60c AufenthG)", "The training Duldung "
                                     "(Ausbildungsduldung, § 60c AufenthG)"), "§ 60c AufenthG", ctx.on,
                            date(2020, 1, 1))
    return evaluate_training(ctx, ROUTE, v, "§ 60c", ("die Ausbildungsduldung", "the training Duldung"))
