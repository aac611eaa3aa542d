"""§ 26 Abs. 4 AufenthG – Niederlassungserlaubnis for other holders of humanitarian permits ("kann").

Covers subsidiary protection, § 25 Abs. 3–5, §§ 25a, 25b, 104c and other Abschnitt-5 titles; requires all
conditions of § 9 Abs. 2 S. 1 AufenthG; the asylum procedure counts. Persons of § 26 Abs. 3 are referred there.
"""

from __future__ import annotations

from datetime import date

from ..context import Ctx, housing, knowledge_9, not_in_force, overall, stay_time
from ..facts import B1
from ..livelihood import secured_2_3
from ..outcome import ELIGIBLE_DISCRETION, TARGET, Criterion, RouteResult
from ..text import T
from ..versions import version_for
from ._settlement import (
    AE_WITH_PROCEDURE,
    HUMANITARIAN,
    current_title,
    employment_permitted,
    geas_marker,
    pension,
    protection_group,
    public_security,
    target_ae,
    title_label,
)

ROUTE = "AUFENTHG_26_4"
CIT = "§ 26 Abs. 4 AufenthG"
C9 = " i. V. m. § 9 Abs. 2 S. 1"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    if v is None:
        return not_in_force(ROUTE, ("§ 26 Abs. 4 AufenthG (in der modellierten Fassung)", "§ 26 Abs. 4 AufenthG (in "
                                     "the version modelled here)"), CIT, ctx.on, date(2016, 8, 6))
    target = target_ae(ctx, CIT)
    if target.met is False:
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE_DISCRETION)
    criteria = [target]
    if target.met is True:
        period, title = current_title(ctx)
        if title is None:
            idx = period.index if period is not None else 0
            criteria.append(Criterion("TARGET_HUMANITARIAN", None, ("Die Rechtsgrundlage der Aufenthaltserlaubnis ist "
                                                                     "nicht angegeben (Kapitel 2 Abschnitt 5 "
                                                                     "AufenthG?).", "The legal basis of the residence "
                                                                     "permit is not stated (Chapter 2 Part 5 "
                                                                     "AufenthG?)."), CIT, TARGET,
                                      (f"status_history[{idx}].title_basis",)))
        elif title[0] not in HUMANITARIAN:
            criteria.append(Criterion("TARGET_HUMANITARIAN", False, T("{}: kein Aufenthaltstitel aus humanitären Gründen "
                                                                      "(Kapitel 2 Abschnitt 5 AufenthG).", "{}: not a "
                                                                      "residence title on humanitarian grounds "
                                                                      "(Chapter 2 Part 5 AufenthG).",
                                                                      title_label(period)), CIT, TARGET))
            return ctx.result(ROUTE, v, None, criteria, ELIGIBLE_DISCRETION)
        elif protection_group(ctx, title):
            criteria.append(Criterion("TARGET_HUMANITARIAN", False, T("{}: Für Asylberechtigte und Flüchtlinge gilt die "
                                                                      "günstigere Regelung des § 26 Abs. 3 AufenthG.",
                                                                      "{}: for persons granted asylum and refugees the "
                                                                      "more favourable rule of § 26 Abs. 3 AufenthG "
                                                                      "applies.", title_label(period)), CIT, TARGET))
            return ctx.result(ROUTE, v, None, criteria, ELIGIBLE_DISCRETION)
        else:
            criteria.append(Criterion("TARGET_HUMANITARIAN", True, T("{}: Aufenthaltstitel aus humanitären Gründen.",
                                                                     "{}: residence title on humanitarian grounds.",
                                                                     title_label(period)), CIT, TARGET))
    ch = ctx.chain(AE_WITH_PROCEDURE)
    criteria += [
        stay_time(ctx, "PERMIT_5Y", CIT + " S. 1", ch, 60,
                   ("Besitz einer Aufenthaltserlaubnis (einschließlich Asylverfahren)", "Holding a residence permit "
                    "(including the asylum procedure)")),
        secured_2_3(ctx.f, "LIVELIHOOD", CIT + C9 + " Nr. 2 AufenthG"),
        pension(ctx, "PENSION_60M", CIT + C9 + " Nr. 3 AufenthG"),
        public_security(ctx, "PUBLIC_SECURITY", CIT + C9 + " Nr. 4 AufenthG"),
        employment_permitted(ctx, "EMPLOYMENT_PERMITTED", CIT + C9 + " Nr. 5, 6 AufenthG"),
        overall(ctx, B1, "LANGUAGE_B1", CIT + C9 + " Nr. 7 AufenthG"),
        knowledge_9(ctx, "KNOWLEDGE", CIT + C9 + " Nr. 8 AufenthG"),
        housing(ctx, "HOUSING", CIT + C9 + " Nr. 9 AufenthG"),
    ]
    geas = geas_marker(ctx, CIT)
    if geas is not None:
        criteria.append(geas)
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE_DISCRETION)
