"""§ 9 StAG – Einbürgerung von Ehegatten und eingetragenen Lebenspartnern Deutscher ("soll").

Three years of lawful habitual residence and a marriage/partnership existing for two years; all other
conditions of § 10 Abs. 1 StAG apply. Versions follow § 10 StAG (V0 until 26.6.2024, V1 from 27.6.2024).
"""

from __future__ import annotations

from ..context import Ctx
from ..outcome import ELIGIBLE, TARGET, TIME, Criterion, RouteResult
from ..text import T
from ..versions import version_for
from ._stag import residence, stag_common

ROUTE = "STAG_9"
CIT = "§ 9 StAG"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    m = ctx.f.person.marital
    german = m.spouse_is_german if m is not None else None
    if m is not None and m.has_spouse is False:
        target = Criterion("TARGET_SPOUSE_OF_GERMAN", False, ("Nach den Angaben ist die Person nicht verheiratet und "
                                                               "lebt nicht in eingetragener Lebenspartnerschaft.",
                                                               "According to the information the person is neither "
                                                               "married nor in a registered partnership."), CIT,
                           TARGET)
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    if german is None:
        target = Criterion("TARGET_SPOUSE_OF_GERMAN", None, ("Ob die Person mit einer/einem Deutschen verheiratet ist "
                                                              "oder in eingetragener Lebenspartnerschaft lebt, ist "
                                                              "nicht angegeben.", "Whether the person is married to or "
                                                              "in a registered partnership with a German is not "
                                                              "stated."), CIT, TARGET,
                           ("person.marital.spouse_is_german",))
    elif german:
        target = Criterion("TARGET_SPOUSE_OF_GERMAN", True, ("Die Person ist mit einer/einem Deutschen verheiratet "
                                                              "bzw. verpartnert.", "The person is married to or in a "
                                                              "registered partnership with a German."), CIT, TARGET)
    else:
        target = Criterion("TARGET_SPOUSE_OF_GERMAN", False, ("Die Person ist nicht mit einer/einem Deutschen "
                                                               "verheiratet.", "The person is not married to a "
                                                               "German."), CIT, TARGET)
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    since = m.married_since if m is not None else None
    if since is None:
        marriage = Criterion("MARRIAGE_2Y", None, ("Der Zeitpunkt der Eheschließung ist nicht angegeben.", "The date "
                                                    "of the marriage is not stated."), CIT, TIME,
                             ("person.marital.married_since",))
    else:
        end = ctx.pe(since, 24)
        if end <= ctx.on:
            marriage = Criterion("MARRIAGE_2Y", True, T("Die Ehe besteht seit dem {}, also seit mindestens zwei Jahren.",
                                                        "The marriage has existed since {}, i.e. for at least two "
                                                        "years.", since), CIT, TIME)
        else:
            marriage = Criterion("MARRIAGE_2Y", False, T("Die Ehe besteht erst seit dem {}; zwei Jahre sind am {} "
                                                         "erreicht.", "The marriage has existed only since {}; two "
                                                         "years are reached on {}.", since, end), CIT, TIME,
                                 earliest=end)
    criteria = [target, marriage, residence(ctx, 36, "RESIDENCE_3Y", CIT), *stag_common(ctx, ROUTE, v.id)]
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)
