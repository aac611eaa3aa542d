"""Per-evaluation context and the criterion builders shared by several routes.

The context is created once per person and decision date; derived values (current status, age, status chains)
are computed lazily and cached so that thirteen routes do not repeat the work.
"""

from __future__ import annotations

from datetime import date

from .criminal import FAIL, OPEN, PASS, CrimResult
from .dates import age_on, period_end
from .facts import DULDUNG, Facts, StatusPeriod
from .language import check_oral, check_overall
from .options import Options
from .outcome import HARD, NOT_APPLICABLE, REGULAR, TARGET, TIME, Criterion, RouteResult, decide
from .stay import Chain, chain, covering
from .text import T, cat
from .versions import Version, version_for

EMPTY: frozenset = frozenset()
TITLES = frozenset({"aufenthaltserlaubnis", "niederlassungserlaubnis", "daueraufenthalt_eu", "fiktion_81_4"})
DULDUNG_NO_60B = frozenset({"duldung_60a", "duldung_60c", "duldung_60d"})
P60B = "duldung_60b_ungeklaerte_identitaet"

_NUM = {1: "einem", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht", 9: "neun",
        10: "zehn", 12: "zwölf"}
_NUM_EN = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
           10: "ten", 12: "twelve"}
_DURATIONS: dict[int, tuple[str, str]] = {}


def duration(months: int) -> tuple[str, str]:
    """Duration as German dative ("sechs Jahren", "zwölf Monaten") and in English ("six years")."""
    hit = _DURATIONS.get(months)
    if hit is None:
        if months % 12 == 0 and months >= 24:
            n = months // 12
            hit = (f"{_NUM.get(n, n)} Jahren", f"{_NUM_EN.get(n, n)} years")
        else:
            hit = (f"{_NUM.get(months, months)} Monaten",
                   f"{_NUM_EN.get(months, months)} month" + ("" if months == 1 else "s"))
        _DURATIONS[months] = hit
    return hit


class Ctx:
    __slots__ = ("f", "on", "opts", "periods", "current", "_chains", "_age", "_holder", "_crim", "results")

    def __init__(self, f: Facts, on: date, opts: Options) -> None:
        self.f = f
        self.on = on
        self.opts = opts
        self.periods = f.status_history or ()
        #: The status period that covers the decision date (None if unknown); nearly every route needs it.
        self.current: StatusPeriod | None = covering(f.status_history, on)
        self._chains: dict = {}
        self._age: int | None | bool = False
        self._holder: bool | None | str = "unset"
        self._crim: dict = {}
        self.results: dict[str, RouteResult] = {}  # routes already evaluated for this person

    # ---------------------------------------------------------------- derived facts

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

    def crim(self, test, convictions, *args, **kwargs) -> CrimResult:
        """A criminal-record test of :mod:`.criminal`, computed once per person (several routes share it)."""
        key = (test, id(convictions), args, tuple(kwargs.items()))
        hit = self._crim.get(key)
        if hit is None:
            hit = self._crim[key] = test(convictions, self.on, *args, **kwargs)
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

def fact(code: str, value: bool | None, path: str, citation: str, texts: tuple, *, good: bool = True,
         kind: str = HARD, uncertainty: str | None = None) -> Criterion:
    """A criterion that depends on one boolean fact; ``good`` is the value that meets it; ``texts`` are the
    messages (met, not met, unknown)."""
    yes, no, unknown = texts
    if value is None:
        return Criterion(code, None, unknown, citation, kind, (path,), uncertainty=uncertainty)
    if value is good:
        return Criterion(code, True, yes, citation, kind, uncertainty=uncertainty)
    return Criterion(code, False, no, citation, kind, uncertainty=uncertainty)


def from_crim(code: str, r: CrimResult, citation: str, uncertainty: str | None = None) -> Criterion:
    status = r.status
    if status == PASS:
        return Criterion(code, True, r.msg, citation, uncertainty=uncertainty)
    if status == FAIL:
        return Criterion(code, False, r.msg, citation, uncertainty=uncertainty)
    if status == OPEN:
        return Criterion(code, None, r.msg, citation, missing=r.missing, uncertainty=uncertainty)
    return Criterion(code, False, r.msg, citation, REGULAR, uncertainty=uncertainty)


def stay_time(ctx: Ctx, code: str, citation: str, ch: Chain, months: int, what: T, *, ref: date | None = None,
              projectable: bool = True, uncertainty: str | None = None, offset_days: int = 0) -> Criterion:
    """Waiting time "seit mindestens ``months``" on a status chain (BGB period arithmetic, U-04/U-05).

    ``offset_days`` shifts the start later (periods that count only half, § 9 Abs. 4 AufenthG)."""
    r = ref or ctx.on
    need = duration(months)
    if ctx.f.status_history is None:
        return Criterion(code, None, T("{}: Für die Prüfung der erforderlichen Dauer von {} fehlt der Verlauf des "
                                       "Aufenthaltsstatus.", "{}: the history of the residence status is missing, so "
                                       "the required period of {} cannot be checked.", what, need),
                         citation, TIME, ("status_history",), uncertainty=uncertainty)
    if ch.strict is not None:
        start = ch.strict if not offset_days else date.fromordinal(ch.strict.toordinal() + offset_days)
        end = ctx.pe(start, months)
        if end <= r:
            return Criterion(code, True, T("{} seit dem {}; die erforderliche Dauer von {} war am {} erreicht.",
                                           "{} since {}; the required period of {} was reached on {}.",
                                           what, ch.strict, need, end), citation, TIME, uncertainty=uncertainty)
    if ch.tolerant is not None and ch.tolerant != ch.strict:
        start = ch.tolerant if not offset_days else date.fromordinal(ch.tolerant.toordinal() + offset_days)
        end = ctx.pe(start, months)
        if end <= r:
            unc = "U-05" if uncertainty is None else f"{uncertainty},U-05"
            return Criterion(code, None, T("{}: Die Dauer von {} ist nur erreicht, wenn kurze Lücken oder nicht sicher "
                                           "anrechenbare Zeiten seit dem {} überbrückt werden – Einzelfallprüfung "
                                           "erforderlich.", "{}: the period of {} is reached only if short gaps or "
                                           "periods that may not count since {} are bridged – case-by-case review "
                                           "needed.", what, need, ch.tolerant), citation, TIME, uncertainty=unc)
    if ch.tolerant is None:
        return Criterion(code, False, T("{}: Am {} liegt keine anrechenbare Zeit vor; erforderlich ist eine Dauer von "
                                        "{}.", "{}: on {} there is no period that counts; a period of {} is required.",
                                        what, r, need), citation, TIME, uncertainty=uncertainty)
    start = ch.strict or ch.tolerant
    if offset_days:
        start = date.fromordinal(start.toordinal() + offset_days)
    end = ctx.pe(start, months)
    text = T("{} erst seit dem {}; die erforderliche Dauer von {} ist erst am {} erreicht.",
             "{} only since {}; the required period of {} is reached only on {}.",
             what, ch.strict or ch.tolerant, need, end)
    if not ctx.opts.count_start_day and period_end(start, months, True) <= r:
        # U-04: the result depends on whether the day of the event is counted (§ 187 Abs. 1 or Abs. 2 BGB).
        text = cat(text, _START_DAY)
        uncertainty = "U-04" if uncertainty is None else f"{uncertainty},U-04"
    return Criterion(code, False, text, citation, TIME, earliest=end if projectable and ref is None else None,
                     uncertainty=uncertainty)


_START_DAY = (" Wird der Anfangstag mitgezählt (§ 187 Abs. 2 BGB), wäre die Frist erfüllt – Einzelfallprüfung.",
               " If the first day is counted (§ 187 Abs. 2 BGB), the period would be met – case-by-case review.")
_LANGUAGE_WAIVED = ("Der Sprachnachweis entfällt wegen Krankheit, Behinderung oder Alters.",
                     "Proof of German is not required because of illness, disability or age.")


def oral(ctx: Ctx, level: int, code: str, citation: str, *, waivable: bool = True) -> Criterion:
    if waivable and ctx.f.illness_or_disability_prevents:
        return Criterion(code, True, _LANGUAGE_WAIVED, citation)
    met, text, missing = check_oral(ctx.f, level)
    return Criterion(code, met, text, citation, missing=missing)


def overall(ctx: Ctx, level: int, code: str, citation: str, *, waivable: bool = True) -> Criterion:
    if waivable and ctx.f.illness_or_disability_prevents:
        return Criterion(code, True, _LANGUAGE_WAIVED, citation)
    met, text, missing = check_overall(ctx.f, level)
    return Criterion(code, met, text, citation, missing=missing)


def knowledge_9(ctx: Ctx, code: str, citation: str) -> Criterion:
    """Grundkenntnisse der Rechts- und Gesellschaftsordnung (§ 9 Abs. 2 S. 1 Nr. 8, S. 2 AufenthG)."""
    f = ctx.f
    if f.illness_or_disability_prevents:
        return Criterion(code, True, ("Der Nachweis von Grundkenntnissen entfällt wegen Krankheit oder Behinderung.",
                                       "Proof of basic knowledge is not required because of illness or disability."),
                         citation)
    kt = f.knowledge_test
    if kt is not None and (kt.leben_in_deutschland_passed or kt.einbuergerungstest_passed or
                           kt.integrationskurs_completed):
        return Criterion(code, True, ("Grundkenntnisse der Rechts- und Gesellschaftsordnung sind nachgewiesen (Test "
                                       "„Leben in Deutschland“, Einbürgerungstest oder abgeschlossener "
                                       "Integrationskurs).", "Basic knowledge of the legal and social order is proven "
                                       "(“Leben in Deutschland” test, naturalisation test or completed integration "
                                       "course)."), citation)
    if kt is None or None in (kt.leben_in_deutschland_passed, kt.einbuergerungstest_passed,
                              kt.integrationskurs_completed):
        return Criterion(code, None, ("Ein Nachweis von Grundkenntnissen der Rechts- und Gesellschaftsordnung ist "
                                       "nicht angegeben.", "Proof of basic knowledge of the legal and social order is "
                                       "not stated."), citation, missing=("knowledge_test.leben_in_deutschland_passed",))
    return Criterion(code, False, ("Grundkenntnisse der Rechts- und Gesellschaftsordnung sind nicht nachgewiesen.",
                                    "Basic knowledge of the legal and social order is not proven."), citation)


_HOUSING = (
     ("Ausreichender Wohnraum ist vorhanden.", "Sufficient housing is available."),
     ("Ausreichender Wohnraum ist nicht vorhanden.", "Sufficient housing is not available."),
     ("Ob ausreichender Wohnraum vorhanden ist, ist nicht angegeben.", "Whether sufficient housing is available is not "
      "stated."),
)
_EXTREMISM = (
     ("Bezüge zu extremistischen oder terroristischen Organisationen sind nicht bekannt.",
      "No links to extremist or terrorist organisations are known."),
     ("Es bestehen Bezüge zu extremistischen oder terroristischen Organisationen.",
      "There are links to extremist or terrorist organisations."),
     ("Ob Bezüge zu extremistischen oder terroristischen Organisationen bestehen, ist nicht angegeben.",
      "Whether there are links to extremist or terrorist organisations is not stated."),
)
_EXPULSION = (
     ("Eine Ausweisungsverfügung oder Abschiebungsanordnung nach § 58a AufenthG besteht nicht.",
      "There is no expulsion order and no deportation order under § 58a AufenthG."),
     ("Es besteht eine Ausweisungsverfügung oder Abschiebungsanordnung nach § 58a AufenthG.",
      "There is an expulsion order or a deportation order under § 58a AufenthG."),
     ("Ob eine Ausweisungsverfügung oder Abschiebungsanordnung nach § 58a AufenthG besteht, ist nicht angegeben.",
      "Whether there is an expulsion order or a deportation order under § 58a AufenthG is not stated."),
)


def housing(ctx: Ctx, code: str, citation: str) -> Criterion:
    return fact(code, ctx.f.housing_sufficient, "housing_sufficient", citation, _HOUSING)


def extremism(ctx: Ctx, code: str, citation: str) -> Criterion:
    return fact(code, ctx.f.extremism_links, "extremism_links", citation, _EXTREMISM, good=False)


def expulsion(ctx: Ctx, code: str, citation: str) -> Criterion:
    return fact(code, ctx.f.expulsion_order, "expulsion_order", citation, _EXPULSION, good=False)


def identity_regular(ctx: Ctx, code: str, citation: str) -> Criterion:
    """§ 5 Abs. 1 Nr. 1a and Nr. 4 AufenthG as regular requirements (discretion under § 5 Abs. 3 S. 2)."""
    ident = ctx.f.identity
    clarified = ident.clarified if ident is not None else None
    passport = ident.passport_valid if ident is not None else None
    if clarified and passport:
        return Criterion(code, True, ("Identität und Staatsangehörigkeit sind geklärt und ein gültiger Pass liegt "
                                       "vor.", "Identity and nationality are clarified and a valid passport is "
                                       "available."), citation, REGULAR)
    if clarified is False or passport is False:
        what = ("Die Identität ist nicht geklärt", "Identity is not clarified") if clarified is False else \
             ("Ein gültiger Pass liegt nicht vor", "There is no valid passport")
        return Criterion(code, False, T("{}. Das ist eine Regelerteilungsvoraussetzung (§ 5 Abs. 1 Nr. 1a, Nr. 4 "
                                        "AufenthG); die Behörde kann nach § 5 Abs. 3 S. 2 AufenthG davon absehen.",
                                        "{}. This is a regular requirement for a permit (§ 5 Abs. 1 Nr. 1a, Nr. 4 "
                                        "AufenthG); the authority may waive it under § 5 Abs. 3 S. 2 AufenthG.", what),
                         citation, REGULAR)
    missing = tuple(p for p, v in (("identity.clarified", clarified), ("identity.passport_valid", passport))
                    if v is None)
    return Criterion(code, None, ("Ob die Identität geklärt ist und ein gültiger Pass vorliegt, ist nicht vollständig "
                                   "angegeben.", "Whether identity is clarified and a valid passport is available is "
                                   "not fully stated."), citation, REGULAR, missing)


IDENTITY_UNKNOWN = ("Ob die Identität geklärt ist, ist nicht angegeben.", "Whether identity is clarified is not "
                     "stated.")
STATUS_UNKNOWN = ("Der Aufenthaltsstatus am {} ist nicht angegeben.", "The residence status on {} is not stated.")
NO_DULDUNG_NOW = ("Die Person hat derzeit keine Duldung; zu prüfen ist, ob ein Anspruch auf eine Duldung besteht.",
                   "The person has no Duldung at present; it must be checked whether there is a right to one.")


def status_unknown(on: date) -> T:
    return T(*STATUS_UNKNOWN, on)


def identity_104c_holder(ctx: Ctx, code: str, citation: str) -> Criterion:
    """§ 25a Abs. 6 / § 25b Abs. 8 AufenthG: "soll nur" with clarified identity; "kann" after all steps."""
    ident = ctx.f.identity
    clarified = ident.clarified if ident is not None else None
    if clarified:
        return Criterion(code, True, ("Die Identität ist geklärt (§ 5 Abs. 1 Nr. 1a AufenthG).",
                                       "Identity is clarified (§ 5 Abs. 1 Nr. 1a AufenthG)."), citation)
    steps = ident.reasonable_steps_taken if ident is not None else None
    if clarified is None:
        return Criterion(code, None, IDENTITY_UNKNOWN, citation, missing=("identity.clarified",))
    if steps:
        return Criterion(code, True, ("Die Identität ist nicht geklärt, die Person hat aber alle erforderlichen und "
                                       "zumutbaren Maßnahmen zur Klärung ergriffen; die Erteilung steht im Ermessen "
                                       "(„kann“).", "Identity is not clarified, but the person has taken all necessary "
                                       "and reasonable steps to clarify it; the grant is at the authority's "
                                       "discretion (“kann”)."), citation, discretion=True)
    if steps is None:
        return Criterion(code, None, ("Die Identität ist nicht geklärt; ob alle zumutbaren Maßnahmen zur Klärung "
                                       "ergriffen wurden, ist nicht angegeben.", "Identity is not clarified; whether "
                                       "all reasonable steps to clarify it were taken is not stated."), citation,
                         missing=("identity.reasonable_steps_taken",))
    return Criterion(code, False, ("Die Identität ist nicht geklärt und nicht alle zumutbaren Maßnahmen zur Klärung "
                                    "wurden ergriffen; die Erteilung „soll“ dann nicht erfolgen.", "Identity is not "
                                    "clarified and not all reasonable steps to clarify it were taken; the permit is "
                                    "then, as a rule (“soll”), not granted."), citation, REGULAR)


def not_in_force(route: str, label: T, citation: str, on: date, first: date | None) -> RouteResult:
    """Result for a decision date on which no version of the route is in force."""
    if first is not None and first > on:
        text = T("{} ist am {} nicht in Kraft; die Regelung gilt erst ab dem {}.",
                 "{} is not in force on {}; the rule applies only from {}.", label, on, first)
    else:
        text = T("{} ist am {} nicht in Kraft.", "{} is not in force on {}.", label, on)
    c = Criterion("VERSION_IN_FORCE", False, text, citation, TARGET)
    return RouteResult(route, None, None, NOT_APPLICABLE, (c,), (), None)


def family_link(ctx: Ctx, route: str, relations: tuple[str, ...], citation: str, description: T
                ) -> tuple[str, Criterion] | None:
    """(relation, FAMILY_LINK criterion) for the first family link of ``route`` with one of ``relations``."""
    links = ctx.f.family_links
    if not links:
        return None
    for i, lk in enumerate(links):
        if lk.route != route or lk.relation not in relations:
            continue
        if lk.beneficiary_qualifies and lk.lives_in_household:
            return lk.relation, Criterion("FAMILY_LINK", True, T("{}; die Bezugsperson ist begünstigt und es besteht "
                                                                 "häusliche bzw. familiäre Lebensgemeinschaft.",
                                                                 "{}; that family member qualifies and they live "
                                                                 "together as a family.", description),
                                          citation, TARGET)
        if lk.beneficiary_qualifies is False or lk.lives_in_household is False:
            return lk.relation, Criterion("FAMILY_LINK", False, T("{}; die Bezugsperson ist nicht begünstigt oder es "
                                                                  "besteht keine Lebensgemeinschaft.", "{}; that "
                                                                  "family member does not qualify or they do not live "
                                                                  "together.", description), citation, TARGET)
        missing = tuple(f"family_links[{i}].{n}" for n, val in (("beneficiary_qualifies", lk.beneficiary_qualifies),
                        ("lives_in_household", lk.lives_in_household)) if val is None)
        return lk.relation, Criterion("FAMILY_LINK", None, T("{}; ob die Bezugsperson begünstigt ist und eine "
                                                             "Lebensgemeinschaft besteht, ist nicht angegeben.",
                                                             "{}; whether that family member qualifies and they live "
                                                             "together is not stated.", description),
                                      citation, TARGET, missing)
    return None
