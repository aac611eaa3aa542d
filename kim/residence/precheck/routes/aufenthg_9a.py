"""§ 9a AufenthG – Erlaubnis zum Daueraufenthalt – EU (RULES.md 8.5).

Not available (Abs. 3) for humanitarian titles other than international protection (§ 25 Abs. 1, 2) and
§ 23 Abs. 2, nor for study/vocational training (§§ 16a, 16b). For international protection holders the asylum
procedure counts (§ 9b Abs. 1 S. 1 Nr. 5); study periods count half.
"""

from __future__ import annotations

from ..context import TITLES, Ctx, fact, housing, knowledge_9, overall, stay_time
from ..facts import B1
from ..livelihood import secured_2_3
from ..outcome import ELIGIBLE, REGULAR, TARGET, Criterion, RouteResult
from ..text import T
from ..versions import version_for
from ._settlement import (
    ANY_TITLE_WITH_PROCEDURE,
    HUMANITARIAN,
    current_title,
    pension,
    public_security,
    study_offset,
    target_ae,
    title_label,
)

ROUTE = "AUFENTHG_9A"
CIT = "§ 9a Abs. 2 S. 1 AufenthG"


def evaluate(ctx: Ctx) -> RouteResult:
    v = version_for(ROUTE, ctx.on, ctx.opts)
    target = target_ae(ctx, CIT)
    if target.met is False:
        return ctx.result(ROUTE, v, None, [target], ELIGIBLE)
    criteria = [target]
    period, title = current_title(ctx)
    protection = False
    cit3 = "§ 9a Abs. 3 AufenthG"
    if target.met is True:
        if title is None:
            idx = period.index if period is not None else 0
            purpose = Criterion("PURPOSE_NOT_EXCLUDED", None, ("Die Rechtsgrundlage der Aufenthaltserlaubnis ist nicht "
                                                                "angegeben; davon hängt ab, ob § 9a Abs. 3 AufenthG die "
                                                                "Erteilung ausschließt.", "The legal basis of the "
                                                                "residence permit is not stated; whether § 9a Abs. 3 "
                                                                "AufenthG excludes the grant depends on it."), cit3,
                                TARGET, (f"status_history[{idx}].title_basis",))
        else:
            para, abs_ = title[0], title[1]
            protection = para == "25" and abs_ in ("1", "2")
            excluded = (para in HUMANITARIAN and not protection and not (para == "23" and abs_ == "2")) or \
                para in ("16a", "16b")
            if excluded:
                purpose = Criterion("PURPOSE_NOT_EXCLUDED", False, T("{}: Für diesen Aufenthaltszweck ist die Erlaubnis "
                                                                     "zum Daueraufenthalt – EU ausgeschlossen.", "{}: for "
                                                                     "this purpose of stay the EU long-term residence "
                                                                     "permit is excluded.", title_label(period)),
                                    cit3, TARGET)
                return ctx.result(ROUTE, v, None, [*criteria, purpose], ELIGIBLE)
            purpose = Criterion("PURPOSE_NOT_EXCLUDED", True, T("{}: Der Aufenthaltszweck schließt die Erteilung nicht "
                                                                "aus.", "{}: the purpose of stay does not exclude the "
                                                                "grant.", title_label(period)), cit3, TARGET)
        criteria.append(purpose)
    ch = ctx.chain(ANY_TITLE_WITH_PROCEDURE if protection else TITLES)
    f = ctx.f
    lv = f.livelihood
    criteria += [
        stay_time(ctx, "TITLE_5Y", CIT + " Nr. 1", ch, 60,
                   ("Aufenthalt mit Aufenthaltstitel (einschließlich Asylverfahren)", "Stay with a residence title "
                    "(including the asylum procedure)") if protection else  ("Aufenthalt mit Aufenthaltstitel",
                                                                             "Stay with a residence title"),
                  offset_days=study_offset(ctx, ch.periods)),
        secured_2_3(f, "LIVELIHOOD", CIT + " Nr. 2, § 9c AufenthG"),
        fact("LIVELIHOOD_STABLE", lv.nachhaltig_secured if lv is not None else None, "livelihood.nachhaltig_secured",
             "§ 9c S. 1 AufenthG",
              (("Der Lebensunterhalt ist durch feste und regelmäßige Einkünfte nachhaltig gesichert.", "The livelihood "
               "is secured sustainably by fixed and regular income."),
              ("Der Lebensunterhalt ist nicht durch feste und regelmäßige Einkünfte nachhaltig gesichert.",
               "The livelihood is not secured sustainably by fixed and regular income."),
              ("Ob feste und regelmäßige Einkünfte vorliegen, ist nicht angegeben.", "Whether there is fixed and "
               "regular income is not stated."))),
        pension(ctx, "PENSION_60M", "§ 9c S. 1 Nr. 2 AufenthG", REGULAR),
        overall(ctx, B1, "LANGUAGE_B1", CIT + " Nr. 3"),
        knowledge_9(ctx, "KNOWLEDGE", CIT + " Nr. 4"),
        public_security(ctx, "PUBLIC_SECURITY", CIT + " Nr. 5"),
        housing(ctx, "HOUSING", CIT + " Nr. 6"),
    ]
    return ctx.result(ROUTE, v, None, criteria, ELIGIBLE)
