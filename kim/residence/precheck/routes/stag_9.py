"""§ 9 StAG – Einbürgerung von Ehegatten und eingetragenen Lebenspartnern Deutscher ("soll").

Three years of lawful habitual residence and a marriage/partnership existing for two years; all other
conditions of § 10 Abs. 1 StAG apply. Versions follow § 10 StAG (V0 until 26.6.2024, V1 from 27.6.2024).
"""

from __future__ import annotations

from ..context import Ctx
from ..dates import fmt
from ..outcome import ELIGIBLE, TARGET, TIME, Criterion, RouteResult
from ..versions import version_for
from ._stag import residence, stag_common

ROUTE = "STAG_9"
CIT = "§ 9 StAG"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    m = ctx.f.person.marital
    german = m.spouse_is_german if m is not None else None
    if m is not None and m.has_spouse is False:
        target = Criterion("TARGET_SPOUSE_OF_GERMAN", False, "Nach den Angaben ist die Person nicht verheiratet und lebt "
                           "nicht in eingetragener Lebenspartnerschaft.", CIT, TARGET)
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    if german is None:
        target = Criterion("TARGET_SPOUSE_OF_GERMAN", None, "Ob die Person mit einer/einem Deutschen verheiratet ist "
                           "oder in eingetragener Lebenspartnerschaft lebt, ist nicht angegeben.", CIT, TARGET,
                           ("person.marital.spouse_is_german",))
    elif german:
        target = Criterion("TARGET_SPOUSE_OF_GERMAN", True, "Die Person ist mit einer/einem Deutschen verheiratet bzw. "
                           "verpartnert.", CIT, TARGET)
    else:
        target = Criterion("TARGET_SPOUSE_OF_GERMAN", False, "Die Person ist nicht mit einer/einem Deutschen "
                           "verheiratet.", CIT, TARGET)
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    since = m.married_since if m is not None else None
    if since is None:
        marriage = Criterion("MARRIAGE_2Y", None, "Der Zeitpunkt der Eheschließung ist nicht angegeben.", CIT, TIME,
                             ("person.marital.married_since",))
    else:
        end = ctx.pe(since, 24)
        if end <= ctx.on:
            marriage = Criterion("MARRIAGE_2Y", True, f"Die Ehe besteht seit dem {fmt(since)}, also seit mindestens zwei "
                                 "Jahren.", CIT, TIME)
        else:
            marriage = Criterion("MARRIAGE_2Y", False, f"Die Ehe besteht erst seit dem {fmt(since)}; zwei Jahre sind am "
                                 f"{fmt(end)} erreicht.", CIT, TIME, earliest=end)
    criteria = [target, marriage, residence(ctx, 36, "RESIDENCE_3Y", CIT), *stag_common(ctx, ROUTE, v.id)]
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)
