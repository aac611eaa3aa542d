"""Per-evaluation context and the criterion builders shared by several routes.

The context is created once per person and decision date; derived values (current status, age, status chains)
are computed lazily and cached so that thirteen routes do not repeat the work.
"""

from __future__ import annotations

from datetime import date

from .criminal import FAIL, OPEN, PASS, CrimResult
from .dates import age_on, fmt, period_end
from .facts import DULDUNG, Facts, StatusPeriod
from .language import check_oral, check_overall
from .options import Options
from .outcome import HARD, NOT_APPLICABLE, REGULAR, TARGET, TIME, Criterion, RouteResult, decide
from .stay import Chain, chain, covering
from .versions import Version, version_for

EMPTY: frozenset = frozenset()
TITLES = frozenset({"aufenthaltserlaubnis", "niederlassungserlaubnis", "daueraufenthalt_eu", "fiktion_81_4"})
DULDUNG_NO_60B = frozenset({"duldung_60a", "duldung_60c", "duldung_60d"})
P60B = "duldung_60b_ungeklaerte_identitaet"

_NUM = {1: "einem", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht", 9: "neun",
        10: "zehn", 12: "zwölf"}


def duration(months: int) -> str:
    """German dative duration: "sechs Jahren", "zwölf Monaten", "einem Jahr"."""
    if months % 12 == 0 and months >= 24:
        n = months // 12
        return "einem Jahr" if n == 1 else f"{_NUM.get(n, n)} Jahren"
    return f"{_NUM.get(months, months)} Monaten"


class Ctx:
    __slots__ = ("f", "on", "opts", "periods", "_current", "_chains", "_age", "_holder", "results")

    def __init__(self, f: Facts, on: date, opts: Options) -> None:
        self.f = f
        self.on = on
        self.opts = opts
        self.periods = f.status_history or ()
        self._current: StatusPeriod | None | bool = False
        self._chains: dict = {}
        self._age: int | None | bool = False
        self._holder: bool | None | str = "unset"
        self.results: dict[str, RouteResult] = {}  # routes already evaluated for this person

    # ---------------------------------------------------------------- derived facts
    @property
    def current(self) -> StatusPeriod | None:
        if self._current is False:
            self._current = covering(self.f.status_history, self.on)
        return self._current

    @property
    def age(self) -> int | None:
        if self._age is False:
            b = self.f.person.birth_date
            self._age = age_on(b, self.on) if b is not None else None
        return self._age

    def pe(self, start: date, months: int) -> date:
        return period_end(start, months, self.opts.count_start_day)

    def chain(self, full: frozenset, conditional: frozenset = EMPTY, ref: date | None = None) -> Chain:
        key = (full, conditional, ref)
        hit = self._chains.get(key)
        if hit is None:
            hit = self._chains[key] = chain(self.periods, ref or self.on, full, conditional,
                                            self.opts.gap_tolerance_months)
        return hit

    def holder_104c(self) -> bool | None:
        """Holds an Aufenthaltserlaubnis nach § 104c on the decision date (also under Fiktion, § 81 Abs. 4)."""
        if self._holder != "unset":
            return self._holder
        result: bool | None
        cur = self.current
        if cur is None:
            result = None if self.f.status_history is None else False
        elif cur.status == "aufenthaltserlaubnis":
            result = None if cur.title is None else cur.title[0] == "104c"
        elif cur.status == "fiktion_81_4":
            prev = [p for p in self.periods if p.start < cur.start]
            if prev and prev[-1].status == "aufenthaltserlaubnis":
                result = None if prev[-1].title is None else prev[-1].title[0] == "104c"
            else:
                result = False
        else:
            result = False
        self._holder = result
        return result

    def geduldet(self) -> bool | None:
        cur = self.current
        if cur is None:
            return None
        return cur.status in DULDUNG

    def minor_child_in_household(self) -> bool | None:
        children = self.f.person.children
        if children is None:
            return None
        unknown = False
        for ch in children:
            if ch.birth_date is None or ch.unmarried is None or ch.lives_in_household is None:
                unknown = True
                continue
            if age_on(ch.birth_date, self.on) < 18 and ch.unmarried and ch.lives_in_household:
                return True
        return None if unknown else False

    def application_date(self, route: str) -> date | None:
        ad = self.f.person.application_dates
        return ad.get(route) if ad else None

    # ---------------------------------------------------------------- results
    def result(self, route: str, version: Version | None, variant: str | None, criteria: list[Criterion],
               effect: str) -> RouteResult:
        outcome, earliest, missing = decide(criteria, effect)
        if earliest is not None and version_for(route, earliest, self.opts) is None:
            earliest = None
        return RouteResult(route, version.id if version else None, variant, outcome, tuple(criteria), missing,
                           earliest)


# -------------------------------------------------------------------- shared criterion builders

def fact(code: str, value: bool | None, path: str, citation: str, yes: str, no: str, unknown: str, *,
         good: bool = True, kind: str = HARD, uncertainty: str | None = None) -> Criterion:
    """A criterion that depends on one boolean fact; ``good`` is the value that meets it."""
    if value is None:
        return Criterion(code, None, unknown, citation, kind, (path,), uncertainty=uncertainty)
    if value is good:
        return Criterion(code, True, yes, citation, kind, uncertainty=uncertainty)
    return Criterion(code, False, no, citation, kind, uncertainty=uncertainty)


def from_crim(code: str, r: CrimResult, citation: str, uncertainty: str | None = None) -> Criterion:
    status = r.status
    if status == PASS:
        return Criterion(code, True, r.text, citation, uncertainty=uncertainty)
    if status == FAIL:
        return Criterion(code, False, r.text, citation, uncertainty=uncertainty)
    if status == OPEN:
        return Criterion(code, None, r.text, citation, missing=r.missing, uncertainty=uncertainty)
    return Criterion(code, False, r.text, citation, REGULAR, uncertainty=uncertainty)


def stay_time(ctx: Ctx, code: str, citation: str, ch: Chain, months: int, what: str, *, ref: date | None = None,
              projectable: bool = True, uncertainty: str | None = None, offset_days: int = 0) -> Criterion:
    """Waiting time "seit mindestens ``months``" on a status chain (BGB period arithmetic, U-04/U-05).

    ``offset_days`` shifts the start later (periods that count only half, § 9 Abs. 4 AufenthG)."""
    r = ref or ctx.on
    need = duration(months)
    if ctx.f.status_history is None:
        return Criterion(code, None, f"{what}: Für die Prüfung der erforderlichen Dauer von {need} fehlt der Verlauf "
                         "des Aufenthaltsstatus.", citation, TIME, ("status_history",), uncertainty=uncertainty)
    if ch.strict is not None:
        start = ch.strict if not offset_days else date.fromordinal(ch.strict.toordinal() + offset_days)
        end = ctx.pe(start, months)
        if end <= r:
            return Criterion(code, True, f"{what} seit dem {fmt(ch.strict)}; die erforderliche Dauer von {need} war "
                             f"am {fmt(end)} erreicht.", citation, TIME, uncertainty=uncertainty)
    if ch.tolerant is not None and ch.tolerant != ch.strict:
        start = ch.tolerant if not offset_days else date.fromordinal(ch.tolerant.toordinal() + offset_days)
        end = ctx.pe(start, months)
        if end <= r:
            unc = "U-05" if uncertainty is None else f"{uncertainty},U-05"
            return Criterion(code, None, f"{what}: Die Dauer von {need} ist nur erreicht, wenn kurze Lücken oder nicht "
                             f"sicher anrechenbare Zeiten seit dem {fmt(ch.tolerant)} überbrückt werden – "
                             "Einzelfallprüfung erforderlich.", citation, TIME, uncertainty=unc)
    if ch.tolerant is None:
        return Criterion(code, False, f"{what}: Am {fmt(r)} liegt keine anrechenbare Zeit vor; erforderlich ist eine "
                         f"Dauer von {need}.", citation, TIME, uncertainty=uncertainty)
    start = ch.strict or ch.tolerant
    if offset_days:
        start = date.fromordinal(start.toordinal() + offset_days)
    end = ctx.pe(start, months)
    text = f"{what} erst seit dem {fmt(ch.strict or ch.tolerant)}; die erforderliche Dauer von {need} ist erst am " \
           f"{fmt(end)} erreicht."
    if not ctx.opts.count_start_day and period_end(start, months, True) <= r:
        # U-04: the result depends on whether the day of the event is counted (§ 187 Abs. 1 or Abs. 2 BGB).
        text += " Wird der Anfangstag mitgezählt (§ 187 Abs. 2 BGB), wäre die Frist erfüllt – Einzelfallprüfung."
        uncertainty = "U-04" if uncertainty is None else f"{uncertainty},U-04"
    return Criterion(code, False, text, citation, TIME, earliest=end if projectable and ref is None else None,
                     uncertainty=uncertainty)


def oral(ctx: Ctx, level: int, code: str, citation: str, *, waivable: bool = True) -> Criterion:
    if waivable and ctx.f.illness_or_disability_prevents:
        return Criterion(code, True, "Der Sprachnachweis entfällt wegen Krankheit, Behinderung oder Alters.", citation)
    met, text, missing = check_oral(ctx.f, level)
    return Criterion(code, met, text, citation, missing=missing)


def overall(ctx: Ctx, level: int, code: str, citation: str, *, waivable: bool = True) -> Criterion:
    if waivable and ctx.f.illness_or_disability_prevents:
        return Criterion(code, True, "Der Sprachnachweis entfällt wegen Krankheit, Behinderung oder Alters.", citation)
    met, text, missing = check_overall(ctx.f, level)
    return Criterion(code, met, text, citation, missing=missing)


def knowledge_9(ctx: Ctx, code: str, citation: str) -> Criterion:
    """Grundkenntnisse der Rechts- und Gesellschaftsordnung (§ 9 Abs. 2 S. 1 Nr. 8, S. 2 AufenthG)."""
    f = ctx.f
    if f.illness_or_disability_prevents:
        return Criterion(code, True, "Der Nachweis von Grundkenntnissen entfällt wegen Krankheit oder Behinderung.",
                         citation)
    kt = f.knowledge_test
    if kt is not None and (kt.leben_in_deutschland_passed or kt.einbuergerungstest_passed or
                           kt.integrationskurs_completed):
        return Criterion(code, True, "Grundkenntnisse der Rechts- und Gesellschaftsordnung sind nachgewiesen (Test "
                         "„Leben in Deutschland“, Einbürgerungstest oder abgeschlossener Integrationskurs).", citation)
    if kt is None or None in (kt.leben_in_deutschland_passed, kt.einbuergerungstest_passed,
                              kt.integrationskurs_completed):
        return Criterion(code, None, "Ein Nachweis von Grundkenntnissen der Rechts- und Gesellschaftsordnung ist nicht "
                         "angegeben.", citation, missing=("knowledge_test.leben_in_deutschland_passed",))
    return Criterion(code, False, "Grundkenntnisse der Rechts- und Gesellschaftsordnung sind nicht nachgewiesen.",
                     citation)


def housing(ctx: Ctx, code: str, citation: str) -> Criterion:
    return fact(code, ctx.f.housing_sufficient, "housing_sufficient", citation,
                "Ausreichender Wohnraum ist vorhanden.", "Ausreichender Wohnraum ist nicht vorhanden.",
                "Ob ausreichender Wohnraum vorhanden ist, ist nicht angegeben.")


def extremism(ctx: Ctx, code: str, citation: str) -> Criterion:
    return fact(code, ctx.f.extremism_links, "extremism_links", citation,
                "Bezüge zu extremistischen oder terroristischen Organisationen sind nicht bekannt.",
                "Es bestehen Bezüge zu extremistischen oder terroristischen Organisationen.",
                "Ob Bezüge zu extremistischen oder terroristischen Organisationen bestehen, ist nicht angegeben.",
                good=False)


def expulsion(ctx: Ctx, code: str, citation: str) -> Criterion:
    return fact(code, ctx.f.expulsion_order, "expulsion_order", citation,
                "Eine Ausweisungsverfügung oder Abschiebungsanordnung nach § 58a AufenthG besteht nicht.",
                "Es besteht eine Ausweisungsverfügung oder Abschiebungsanordnung nach § 58a AufenthG.",
                "Ob eine Ausweisungsverfügung oder Abschiebungsanordnung nach § 58a AufenthG besteht, ist nicht "
                "angegeben.", good=False)


def identity_regular(ctx: Ctx, code: str, citation: str) -> Criterion:
    """§ 5 Abs. 1 Nr. 1a and Nr. 4 AufenthG as regular requirements (discretion under § 5 Abs. 3 S. 2)."""
    ident = ctx.f.identity
    clarified = ident.clarified if ident is not None else None
    passport = ident.passport_valid if ident is not None else None
    if clarified and passport:
        return Criterion(code, True, "Identität und Staatsangehörigkeit sind geklärt und ein gültiger Pass liegt vor.",
                         citation, REGULAR)
    if clarified is False or passport is False:
        what = "Die Identität ist nicht geklärt" if clarified is False else "Ein gültiger Pass liegt nicht vor"
        return Criterion(code, False, f"{what}. Das ist eine Regelerteilungsvoraussetzung (§ 5 Abs. 1 Nr. 1a, Nr. 4 "
                         "AufenthG); die Behörde kann nach § 5 Abs. 3 S. 2 AufenthG davon absehen.", citation, REGULAR)
    missing = tuple(p for p, v in (("identity.clarified", clarified), ("identity.passport_valid", passport))
                    if v is None)
    return Criterion(code, None, "Ob die Identität geklärt ist und ein gültiger Pass vorliegt, ist nicht vollständig "
                     "angegeben.", citation, REGULAR, missing)


def identity_104c_holder(ctx: Ctx, code: str, citation: str) -> Criterion:
    """§ 25a Abs. 6 / § 25b Abs. 8 AufenthG: "soll nur" with clarified identity; "kann" after all steps."""
    ident = ctx.f.identity
    clarified = ident.clarified if ident is not None else None
    if clarified:
        return Criterion(code, True, "Die Identität ist geklärt (§ 5 Abs. 1 Nr. 1a AufenthG).", citation)
    steps = ident.reasonable_steps_taken if ident is not None else None
    if clarified is None:
        return Criterion(code, None, "Ob die Identität geklärt ist, ist nicht angegeben.", citation,
                         missing=("identity.clarified",))
    if steps:
        return Criterion(code, True, "Die Identität ist nicht geklärt, die Person hat aber alle erforderlichen und "
                         "zumutbaren Maßnahmen zur Klärung ergriffen; die Erteilung steht im Ermessen („kann“).",
                         citation, discretion=True)
    if steps is None:
        return Criterion(code, None, "Die Identität ist nicht geklärt; ob alle zumutbaren Maßnahmen zur Klärung "
                         "ergriffen wurden, ist nicht angegeben.", citation, missing=("identity.reasonable_steps_taken",))
    return Criterion(code, False, "Die Identität ist nicht geklärt und nicht alle zumutbaren Maßnahmen zur Klärung "
                     "wurden ergriffen; die Erteilung „soll“ dann nicht erfolgen.", citation, REGULAR)


def not_in_force(route: str, label: str, citation: str, on: date, first: date | None) -> RouteResult:
    """Result for a decision date on which no version of the route is in force."""
    when = f"; die Regelung gilt erst ab dem {fmt(first)}" if first is not None and first > on else ""
    c = Criterion("VERSION_IN_FORCE", False, f"{label} ist am {fmt(on)} nicht in Kraft{when}.", citation, TARGET)
    return RouteResult(route, None, None, NOT_APPLICABLE, (c,), (), None)


def family_link(ctx: Ctx, route: str, relations: tuple[str, ...], citation: str, description: str
                ) -> tuple[str, Criterion] | None:
    """(relation, FAMILY_LINK criterion) for the first family link of ``route`` with one of ``relations``."""
    links = ctx.f.family_links
    if not links:
        return None
    for i, lk in enumerate(links):
        if lk.route != route or lk.relation not in relations:
            continue
        if lk.beneficiary_qualifies and lk.lives_in_household:
            return lk.relation, Criterion("FAMILY_LINK", True, f"{description}; die Bezugsperson ist begünstigt und "
                                          "es besteht häusliche bzw. familiäre Lebensgemeinschaft.", citation, TARGET)
        if lk.beneficiary_qualifies is False or lk.lives_in_household is False:
            return lk.relation, Criterion("FAMILY_LINK", False, f"{description}; die Bezugsperson ist nicht "
                                          "begünstigt oder es besteht keine Lebensgemeinschaft.", citation, TARGET)
        missing = tuple(f"family_links[{i}].{n}" for n, val in (("beneficiary_qualifies", lk.beneficiary_qualifies),
                        ("lives_in_household", lk.lives_in_household)) if val is None)
        return lk.relation, Criterion("FAMILY_LINK", None, f"{description}; ob die Bezugsperson begünstigt ist und eine "
                                      "Lebensgemeinschaft besteht, ist nicht angegeben.", citation, TARGET, missing)
    return None
