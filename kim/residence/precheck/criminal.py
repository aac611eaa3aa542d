"""Statute-specific criminal-record tests (RULES.md 1.6): CRIM_50_90, CRIM_60D, CRIM_25B and CRIM_STAG.

Unknown facts are never guessed. Each test runs once with every unknown fact resolved against the person
(pessimistic); only if that run hit an unknown or a legal uncertainty (foreign conviction, Gesamtstrafe of
unknown size) it runs again with everything resolved in the person's favour (optimistic). If both runs agree,
the answer is certain; otherwise it is OPEN and names the missing facts. Because every fact enters the tests
monotonically, removing a fact can never turn a FAIL into a PASS.

Convictions dated after the decision date are ignored (they have not happened on that day); erased or
erasable convictions (``tilgungsreif``, § 51 BZRG) are ignored by every test.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .facts import Ausweisungsinteresse, Conviction
from .text import Join, T

PASS = "pass"  # noqa: S105 - a result code, not a password
FAIL = "fail"
OPEN = "open"
SOFT = "soft"  # regular requirement not met; the authority may deviate (§ 5 Abs. 3 S. 2 AufenthG)

_HUGE = 10**6


class CrimResult(NamedTuple):
    status: str
    msg: tuple | T
    missing: tuple[str, ...] = ()
    mixed_fines: bool = False  # the open mixed-fines case of CRIM_50_90 (U-09)


class _Resolver:
    """Resolves unknown facts pessimistically or optimistically and records what was unknown."""

    __slots__ = ("optimistic", "missing", "notes", "prefix")

    def __init__(self, optimistic: bool, prefix: str) -> None:
        self.optimistic = optimistic
        self.missing: list[str] = []
        self.notes: list[T] = []
        self.prefix = prefix

    def get(self, value, i: int, name: str, favourable, unfavourable):
        if value is not None:
            return value
        self.missing.append(f"{self.prefix}[{i}].{name}")
        return favourable if self.optimistic else unfavourable

    def plain(self, value, path: str, favourable, unfavourable):
        if value is not None:
            return value
        self.missing.append(path)
        return favourable if self.optimistic else unfavourable


def _is_de(country: str) -> bool:
    return country.strip().upper() in ("DE", "DEU", "DEUTSCHLAND", "GERMANY")


_NO = ("", "")
_SUSPENDED = (" (zur Bewährung ausgesetzt)", " (suspended on probation)")
_PRISON = ("Freiheitsstrafe", "Prison sentence")
_YOUTH = ("Jugendstrafe", "Youth custody")


def _describe(c: Conviction) -> T:
    st = c.sanction_type
    when = T(" vom {}", " of {}", c.date) if c.date is not None else _NO
    if st == "geldstrafe":
        amount = T(" zu {} Tagessätzen", " of {} daily rates", c.tagessaetze) if c.tagessaetze is not None else _NO
        return T("Geldstrafe{}{}", "Fine{}{}", amount, when)
    if st in ("freiheitsstrafe", "jugendstrafe"):
        name = _PRISON if st == "freiheitsstrafe" else _YOUTH
        amount = T(" von {:g} Monaten", " of {:g} months", c.months) if c.months is not None else _NO
        susp = _SUSPENDED if c.suspended else _NO
        return T("{}{}{}{}", "{}{}{}{}", name, amount, susp, when)
    if st == "jgg_other":
        return T("Erziehungsmaßregeln oder Zuchtmittel nach dem JGG{}",
                 "Educational or disciplinary measures under the Youth Courts Act (JGG){}", when)
    return T("Verurteilung{} (Art der Strafe nicht angegeben)", "Conviction{} (type of penalty not stated)", when)


def _total(items: list[tuple[str | None, float]], r: _Resolver) -> float:
    """Sum of penalties; members of one Gesamtstrafe group count with the group's unknown Gesamtstrafe,
    which lies between their maximum (optimistic) and their sum (pessimistic)."""
    total = 0.0
    groups: dict[str, list[float]] = {}
    for group, value in items:
        if group is None:
            total += value
        else:
            groups.setdefault(group, []).append(value)
    for name, values in groups.items():
        if len(values) > 1:
            r.notes.append(T("Höhe der Gesamtstrafe der Gruppe „{}“ nicht erfasst",
                             "the aggregate sentence of group “{}” is not recorded", name))
            total += max(values) if r.optimistic else sum(values)
        else:
            total += values[0]
    return total


NO_CONVICTION_DATA = ("Angaben zu strafrechtlichen Verurteilungen fehlen.", "Information on criminal convictions is "
                       "missing.")
_MISSING_DETAILS = ("es fehlen Angaben zu den Verurteilungen", "details of the convictions are missing")


def _run(fn, convictions: tuple[Conviction, ...] | None, prefix: str, *args) -> CrimResult:
    if convictions is None:
        return CrimResult(OPEN, NO_CONVICTION_DATA, (prefix,))
    pess_r = _Resolver(False, prefix)
    pess = fn(convictions, pess_r, *args)
    if not pess_r.missing and not pess_r.notes:
        return pess
    opt = fn(convictions, _Resolver(True, prefix), *args)
    if opt.status == pess.status:
        return opt if pess.status == FAIL else pess
    missing = tuple(dict.fromkeys(pess_r.missing))
    reasons = []
    if missing:
        reasons.append(_MISSING_DETAILS)
    reasons.extend(dict.fromkeys(pess_r.notes))
    return CrimResult(OPEN, T("Strafrechtliche Voraussetzung kann nicht abschließend beurteilt werden: {}.",
                              "The criminal-record condition cannot be decided yet: {}.", Join("; ", reasons)),
                      missing)


def _relevant(c: Conviction, i: int, r: _Resolver, on: date) -> bool:
    """Conviction on or before the decision date, not erasable."""
    if c.date is not None and c.date > on:
        return False
    return not r.get(c.tilgungsreif, i, "tilgungsreif", True, False)


# --------------------------------------------------------------------------------------------------
# CRIM_50_90 – § 104c Abs. 1 S. 1 Nr. 2, § 19d Abs. 1 Nr. 7, § 25a Abs. 3 AufenthG

def _crim_50_90(convs, r: _Resolver, on: date, ignore_jgg: bool) -> CrimResult:
    general: list = []
    foreigner_only: list = []
    jgg_open = False
    for i, c in enumerate(convs):
        if not _relevant(c, i, r, on):
            continue
        if not _is_de(r.get(c.court_country, i, "court_country", "XX", "DE")):
            continue
        if not r.get(c.intentional, i, "intentional", False, True):
            continue
        st = r.get(c.sanction_type, i, "sanction_type", "jgg_other" if ignore_jgg else "geldstrafe",
                   "freiheitsstrafe")
        if st == "freiheitsstrafe" or st == "jugendstrafe":
            return CrimResult(FAIL, T("Verurteilung wegen einer im Bundesgebiet begangenen vorsätzlichen Straftat: "
                                      "{}. Nur Geldstrafen bleiben außer Betracht.", "Conviction for an intentional "
                                      "offence committed in Germany: {}. Only fines are disregarded.", _describe(c)))
        if st == "jgg_other":
            if not ignore_jgg:
                jgg_open = True
            continue
        ts = r.get(c.tagessaetze, i, "tagessaetze", 0, _HUGE)
        target = foreigner_only if r.get(c.auslaenderspezifisch, i, "auslaenderspezifisch", True, False) else general
        target.append((c.gesamtstrafe_group, ts))
    g = _total(general, r)
    a = _total(foreigner_only, r)
    if (a == 0 and g <= 50) or (g == 0 and a <= 90):
        if jgg_open:
            return CrimResult(OPEN, ("Es liegen Maßnahmen nach dem Jugendstrafrecht (Erziehungsmaßregeln oder "
                                      "Zuchtmittel) vor; ob sie als Verurteilung zu werten sind, ist im Einzelfall zu "
                                      "prüfen.", "There are measures under juvenile criminal law (educational or "
                                      "disciplinary measures); whether they count as a conviction must be checked "
                                      "case by case."))
        if g == 0 and a == 0:
            return CrimResult(PASS, ("Keine zu berücksichtigende Verurteilung wegen einer im Bundesgebiet begangenen "
                                      "vorsätzlichen Straftat.", "No conviction to be taken into account for an "
                                      "intentional offence committed in Germany."))
        return CrimResult(PASS, T("Geldstrafen von insgesamt {:g} Tagessätzen (allgemein) bzw. {:g} Tagessätzen "
                                  "(ausländerspezifische Delikte) bleiben grundsätzlich außer Betracht.", "Fines of "
                                  "{:g} daily rates in total (general offences) and {:g} daily rates (offences only "
                                  "foreigners can commit) are, as a rule, disregarded.", g, a))
    if g > 0 and a > 0 and g <= 50 and g + a <= 90:
        return CrimResult(OPEN, T("Geldstrafen von {:g} Tagessätzen (allgemein) und {:g} Tagessätzen "
                                  "(ausländerspezifische Delikte): Das Zusammenrechnen beider Grenzen ist nicht "
                                  "geklärt; Einzelfallprüfung erforderlich.", "Fines of {:g} daily rates (general "
                                  "offences) and {:g} daily rates (offences only foreigners can commit): how the two "
                                  "limits combine is unresolved; case-by-case review needed.", g, a),
                          mixed_fines=True)
    return CrimResult(FAIL, T("Geldstrafen von insgesamt {:g} Tagessätzen (allgemein) bzw. {:g} Tagessätzen "
                              "(ausländerspezifische Delikte) überschreiten die Grenzen von 50 bzw. 90 Tagessätzen; "
                              "nur in einem atypischen Ausnahmefall bleiben sie außer Betracht.", "Fines of {:g} daily "
                              "rates in total (general offences) and {:g} daily rates (offences only foreigners can "
                              "commit) exceed the limits of 50 and 90 daily rates; they are disregarded only in an "
                              "atypical exceptional case.", g, a))


def crim_50_90(convictions, on: date, *, ignore_jgg_non_jugendstrafe: bool = False) -> CrimResult:
    return _run(_crim_50_90, convictions, "convictions", on, ignore_jgg_non_jugendstrafe)


# --------------------------------------------------------------------------------------------------
# CRIM_60D – § 60d Abs. 1 Nr. 7 AufenthG

def _crim_60d(convs, r: _Resolver, on: date) -> CrimResult:
    penalties = 0
    exempt = 0
    jgg_open = False
    for i, c in enumerate(convs):
        if not _relevant(c, i, r, on):
            continue
        st = r.get(c.sanction_type, i, "sanction_type", "geldstrafe", "freiheitsstrafe")
        if st != "jgg_other":
            penalties += 1
        if not _is_de(r.get(c.court_country, i, "court_country", "XX", "DE")):
            continue
        if not r.get(c.intentional, i, "intentional", False, True):
            continue
        if st == "geldstrafe" and r.get(c.auslaenderspezifisch, i, "auslaenderspezifisch", True, False) and \
                r.get(c.tagessaetze, i, "tagessaetze", 0, _HUGE) <= 90:
            exempt += 1
            continue
        if st == "jgg_other":
            jgg_open = True
            continue
        return CrimResult(FAIL, T("Verurteilung wegen einer im Bundesgebiet begangenen vorsätzlichen Straftat: {}. "
                                  "Außer Betracht bleiben nur Geldstrafen bis 90 Tagessätze wegen "
                                  "ausländerspezifischer Delikte.", "Conviction for an intentional offence committed "
                                  "in Germany: {}. Only fines of up to 90 daily rates for offences only foreigners can "
                                  "commit are disregarded.", _describe(c)))
    if exempt and penalties > 1:
        return CrimResult(OPEN, ("Geldstrafe wegen eines ausländerspezifischen Delikts bis 90 Tagessätze; § 32 Abs. 2 "
                                  "Nr. 5 Buchst. a BZRG setzt voraus, dass keine weitere Strafe eingetragen ist – "
                                  "Einzelfallprüfung erforderlich.", "Fine of up to 90 daily rates for an offence "
                                  "only foreigners can commit; § 32 Abs. 2 Nr. 5 Buchst. a BZRG requires that no "
                                  "further penalty is registered – case-by-case review needed."))
    if jgg_open:
        return CrimResult(OPEN, ("Es liegen Maßnahmen nach dem Jugendstrafrecht vor; ob sie als Verurteilung zu "
                                  "werten sind, ist im Einzelfall zu prüfen.", "There are measures under juvenile "
                                  "criminal law; whether they count as a conviction must be checked case by case."))
    if exempt:
        return CrimResult(PASS, ("Nur eine Geldstrafe bis 90 Tagessätze wegen eines ausländerspezifischen Delikts; "
                                  "sie bleibt außer Betracht.", "Only one fine of up to 90 daily rates for an offence "
                                  "only foreigners can commit; it is disregarded."))
    return CrimResult(PASS, ("Keine Verurteilung wegen einer im Bundesgebiet begangenen vorsätzlichen Straftat.",
                              "No conviction for an intentional offence committed in Germany."))


def crim_60d(convictions, on: date, prefix: str = "convictions") -> CrimResult:
    return _run(_crim_60d, convictions, prefix, on)


# --------------------------------------------------------------------------------------------------
# CRIM_25B – § 25b Abs. 2 Nr. 2 with § 54 Abs. 1, Abs. 2 Nr. 1–2 AufenthG; § 5 Abs. 1 Nr. 2 as regular requirement

_FOREIGN_54 = ("ausländische Verurteilung – Gewicht nach § 54 AufenthG im Einzelfall prüfen",
                "foreign conviction – weight under § 54 AufenthG to be checked case by case")
_OTHER_INTEREST = ("sonstiges Ausweisungsinteresse", "other interest in expulsion")
_FOREIGN_12A = ("ausländische Verurteilung – Berücksichtigung nach § 12a Abs. 2 StAG prüfen",
                 "foreign conviction – whether it counts under § 12a Abs. 2 StAG to be checked")


def _crim_25b(convs, r: _Resolver, on: date, ausw: Ausweisungsinteresse | None) -> CrimResult:
    unknown = ausw is None
    p54_1 = r.plain(None if unknown else ausw.p54_1, "ausweisungsinteresse.p54_1", False, True)
    p54_2 = r.plain(None if unknown else ausw.p54_2_nr1_2, "ausweisungsinteresse.p54_2_nr1_2", False, True)
    if p54_1:
        return CrimResult(FAIL, ("Es besteht ein besonders schwerwiegendes Ausweisungsinteresse nach § 54 Abs. 1 "
                                  "AufenthG; die Aufenthaltserlaubnis ist zu versagen.", "There is a particularly "
                                  "serious public interest in expulsion under § 54 Abs. 1 AufenthG; the residence "
                                  "permit must be refused."))
    if p54_2:
        return CrimResult(FAIL, ("Es besteht ein schwerwiegendes Ausweisungsinteresse nach § 54 Abs. 2 Nr. 1 oder 2 "
                                  "AufenthG; die Aufenthaltserlaubnis ist zu versagen.", "There is a serious public "
                                  "interest in expulsion under § 54 Abs. 2 Nr. 1 or 2 AufenthG; the residence permit "
                                  "must be refused."))
    soft = []
    for i, c in enumerate(convs):
        if not _relevant(c, i, r, on):
            continue
        if not _is_de(r.get(c.court_country, i, "court_country", "XX", "DE")):
            if r.optimistic:
                continue
            r.notes.append(_FOREIGN_54)
        st = r.get(c.sanction_type, i, "sanction_type", "geldstrafe", "freiheitsstrafe")
        intentional = r.get(c.intentional, i, "intentional", False, True)
        if intentional and st in ("freiheitsstrafe", "jugendstrafe"):
            m = r.get(c.months, i, "months", 0, _HUGE)
            if m >= 24:
                return CrimResult(FAIL, T("{}: Verurteilung zu mindestens zwei Jahren begründet ein besonders "
                                          "schwerwiegendes Ausweisungsinteresse (§ 54 Abs. 1 Nr. 1 AufenthG).", "{}: a "
                                          "sentence of at least two years is a particularly serious interest in "
                                          "expulsion (§ 54 Abs. 1 Nr. 1 AufenthG).", _describe(c)))
            if st == "freiheitsstrafe" and m >= 6:
                return CrimResult(FAIL, T("{}: Freiheitsstrafe von mindestens sechs Monaten wegen vorsätzlicher "
                                          "Straftaten (§ 54 Abs. 2 Nr. 1 AufenthG).", "{}: prison sentence of at least "
                                          "six months for intentional offences (§ 54 Abs. 2 Nr. 1 AufenthG).",
                                          _describe(c)))
            if st == "jugendstrafe" and m >= 12 and not r.get(c.suspended, i, "suspended", True, False):
                return CrimResult(FAIL, T("{}: Jugendstrafe von mindestens einem Jahr ohne Bewährung (§ 54 Abs. 2 "
                                          "Nr. 2 AufenthG).", "{}: youth custody of at least one year without "
                                          "probation (§ 54 Abs. 2 Nr. 2 AufenthG).", _describe(c)))
        soft.append(_describe(c))
    other = r.plain(None if unknown else ausw.other, "ausweisungsinteresse.other", False, True)
    if other:
        soft.append(_OTHER_INTEREST)
    if soft:
        return CrimResult(SOFT, T("Kein zwingender Versagungsgrund nach § 25b Abs. 2 Nr. 2 AufenthG, aber ein "
                                  "Ausweisungsinteresse kommt in Betracht ({}). Das ist eine "
                                  "Regelerteilungsvoraussetzung (§ 5 Abs. 1 Nr. 2 AufenthG); die Behörde kann nach § 5 "
                                  "Abs. 3 S. 2 AufenthG davon absehen.", "No mandatory ground for refusal under § 25b "
                                  "Abs. 2 Nr. 2 AufenthG, but an interest in expulsion may exist ({}). This is a "
                                  "regular requirement for a permit (§ 5 Abs. 1 Nr. 2 AufenthG); the authority may "
                                  "waive it under § 5 Abs. 3 S. 2 AufenthG.", Join("; ", soft)))
    return CrimResult(PASS, ("Kein Ausweisungsinteresse nach § 54 Abs. 1 oder Abs. 2 Nr. 1, 2 AufenthG und keine "
                              "zu berücksichtigende Verurteilung.", "No interest in expulsion under § 54 Abs. 1 or "
                              "Abs. 2 Nr. 1, 2 AufenthG and no conviction to be taken into account."))


def crim_25b(convictions, on: date, ausw: Ausweisungsinteresse | None) -> CrimResult:
    return _run(_crim_25b, convictions, "convictions", on, ausw)


# --------------------------------------------------------------------------------------------------
# CRIM_STAG – § 10 Abs. 1 S. 1 Nr. 5, § 12a StAG

def _crim_stag(convs, r: _Resolver, on: date, days_per_month: int, excess_max: int) -> CrimResult:
    units: list = []
    for i, c in enumerate(convs):
        if not _relevant(c, i, r, on):
            continue
        if not _is_de(r.get(c.court_country, i, "court_country", "XX", "DE")):
            if r.optimistic:
                continue
            r.notes.append(_FOREIGN_12A)
        st = r.get(c.sanction_type, i, "sanction_type", "jgg_other", "freiheitsstrafe")
        if st == "jgg_other":
            continue
        if r.get(c.hate_motive_found_in_judgment, i, "hate_motive_found_in_judgment", False, True):
            return CrimResult(FAIL, T("{}: Im Urteil ist ein antisemitischer, rassistischer oder sonstiger "
                                      "menschenverachtender Beweggrund festgestellt; die Verurteilung bleibt nie außer "
                                      "Betracht (§ 12a Abs. 1 S. 2 StAG).", "{}: the judgment establishes an "
                                      "antisemitic, racist or other inhuman motive; such a conviction is never "
                                      "disregarded (§ 12a Abs. 1 S. 2 StAG).", _describe(c)))
        if st == "jugendstrafe":
            return CrimResult(FAIL, T("{}: Eine Jugendstrafe bleibt nach § 12a Abs. 1 StAG nicht außer Betracht.",
                                      "{}: youth custody is not disregarded under § 12a Abs. 1 StAG.", _describe(c)))
        if st == "freiheitsstrafe":
            suspended = r.get(c.suspended, i, "suspended", True, False)
            remitted = r.get(c.remitted_after_probation, i, "remitted_after_probation", True, False)
            if not (suspended and remitted):
                return CrimResult(FAIL, T("{}: Nur eine zur Bewährung ausgesetzte und nach Ablauf der "
                                          "Bewährungszeit erlassene Freiheitsstrafe bis zu drei Monaten bleibt außer "
                                          "Betracht.", "{}: only a prison sentence of up to three months that was "
                                          "suspended on probation and remitted after the probation period is "
                                          "disregarded.", _describe(c)))
            units.append((c.gesamtstrafe_group, r.get(c.months, i, "months", 0, _HUGE) * days_per_month))
        else:
            units.append((c.gesamtstrafe_group, r.get(c.tagessaetze, i, "tagessaetze", 0, _HUGE)))
    total = _total(units, r)
    if total == 0:
        return CrimResult(PASS, ("Keine zu berücksichtigende Verurteilung zu einer Strafe.",
                                  "No conviction to a penalty to be taken into account."))
    if total <= 90:
        return CrimResult(PASS, T("Strafen von zusammen {:g} Tagessätzen bzw. Tagen bleiben außer Betracht (§ 12a "
                                  "Abs. 1 StAG: bis 90 Tagessätze, Freiheitsstrafe bis drei Monate mit Bewährung und "
                                  "Erlass).", "Penalties of {:g} daily rates or days in total are disregarded (§ 12a "
                                  "Abs. 1 StAG: up to 90 daily rates, prison sentence of up to three months suspended "
                                  "and remitted).", total))
    if total <= excess_max:
        return CrimResult(OPEN, T("Strafen von zusammen {:g} Tagessätzen bzw. Tagen überschreiten den Rahmen von 90 "
                                  "nur geringfügig; die Behörde entscheidet im Einzelfall, ob sie außer Betracht "
                                  "bleiben (§ 12a Abs. 1 S. 4 StAG).", "Penalties of {:g} daily rates or days in total "
                                  "exceed the limit of 90 only slightly; the authority decides case by case whether "
                                  "they are disregarded (§ 12a Abs. 1 S. 4 StAG).", total))
    return CrimResult(FAIL, T("Strafen von zusammen {:g} Tagessätzen bzw. Tagen überschreiten den Rahmen des § 12a "
                              "Abs. 1 StAG (90 Tagessätze bzw. drei Monate).", "Penalties of {:g} daily rates or days "
                              "in total exceed the limit of § 12a Abs. 1 StAG (90 daily rates or three months).",
                              total))


def crim_stag(convictions, on: date, days_per_month: int = 30, excess_max: int = 100) -> CrimResult:
    return _run(_crim_stag, convictions, "convictions", on, days_per_month, excess_max)
