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

from .dates import fmt
from .facts import Ausweisungsinteresse, Conviction

PASS = "pass"  # noqa: S105 - a result code, not a password
FAIL = "fail"
OPEN = "open"
SOFT = "soft"  # regular requirement not met; the authority may deviate (§ 5 Abs. 3 S. 2 AufenthG)

_HUGE = 10**6


class CrimResult(NamedTuple):
    status: str
    text: str
    missing: tuple[str, ...] = ()


class _Resolver:
    """Resolves unknown facts pessimistically or optimistically and records what was unknown."""

    __slots__ = ("optimistic", "missing", "notes", "prefix")

    def __init__(self, optimistic: bool, prefix: str) -> None:
        self.optimistic = optimistic
        self.missing: list[str] = []
        self.notes: list[str] = []
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


def _describe(c: Conviction) -> str:
    st = c.sanction_type
    when = f" vom {fmt(c.date)}" if c.date is not None else ""
    if st == "geldstrafe":
        amount = f" zu {c.tagessaetze} Tagessätzen" if c.tagessaetze is not None else ""
        return f"Geldstrafe{amount}{when}"
    if st in ("freiheitsstrafe", "jugendstrafe"):
        name = "Freiheitsstrafe" if st == "freiheitsstrafe" else "Jugendstrafe"
        amount = f" von {c.months:g} Monaten" if c.months is not None else ""
        susp = " (zur Bewährung ausgesetzt)" if c.suspended else ""
        return f"{name}{amount}{susp}{when}"
    if st == "jgg_other":
        return f"Erziehungsmaßregeln oder Zuchtmittel nach dem JGG{when}"
    return f"Verurteilung{when} (Art der Strafe nicht angegeben)"


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
            r.notes.append(f"Höhe der Gesamtstrafe der Gruppe „{name}“ nicht erfasst")
            total += max(values) if r.optimistic else sum(values)
        else:
            total += values[0]
    return total


def _run(fn, convictions: tuple[Conviction, ...] | None, prefix: str, *args) -> CrimResult:
    if convictions is None:
        return CrimResult(OPEN, "Angaben zu strafrechtlichen Verurteilungen fehlen.", (prefix,))
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
        reasons.append("es fehlen Angaben zu den Verurteilungen")
    reasons.extend(dict.fromkeys(pess_r.notes))
    return CrimResult(OPEN, "Strafrechtliche Voraussetzung kann nicht abschließend beurteilt werden: "
                      + "; ".join(reasons) + ".", missing)


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
            return CrimResult(FAIL, f"Verurteilung wegen einer im Bundesgebiet begangenen vorsätzlichen Straftat: "
                              f"{_describe(c)}. Nur Geldstrafen bleiben außer Betracht.")
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
            return CrimResult(OPEN, "Es liegen Maßnahmen nach dem Jugendstrafrecht (Erziehungsmaßregeln oder "
                              "Zuchtmittel) vor; ob sie als Verurteilung zu werten sind, ist im Einzelfall zu "
                              "prüfen.")
        if g == 0 and a == 0:
            return CrimResult(PASS, "Keine zu berücksichtigende Verurteilung wegen einer im Bundesgebiet begangenen "
                              "vorsätzlichen Straftat.")
        return CrimResult(PASS, f"Geldstrafen von insgesamt {g:g} Tagessätzen (allgemein) bzw. {a:g} Tagessätzen "
                          "(ausländerspezifische Delikte) bleiben grundsätzlich außer Betracht.")
    if g > 0 and a > 0 and g <= 50 and g + a <= 90:
        return CrimResult(OPEN, f"Geldstrafen von {g:g} Tagessätzen (allgemein) und {a:g} Tagessätzen "
                          "(ausländerspezifische Delikte): Das Zusammenrechnen beider Grenzen ist nicht geklärt; "
                          "Einzelfallprüfung erforderlich.")
    return CrimResult(FAIL, f"Geldstrafen von insgesamt {g:g} Tagessätzen (allgemein) bzw. {a:g} Tagessätzen "
                      "(ausländerspezifische Delikte) überschreiten die Grenzen von 50 bzw. 90 Tagessätzen; "
                      "nur in einem atypischen Ausnahmefall bleiben sie außer Betracht.")


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
        return CrimResult(FAIL, f"Verurteilung wegen einer im Bundesgebiet begangenen vorsätzlichen Straftat: "
                          f"{_describe(c)}. Außer Betracht bleiben nur Geldstrafen bis 90 Tagessätze wegen "
                          "ausländerspezifischer Delikte.")
    if exempt and penalties > 1:
        return CrimResult(OPEN, "Geldstrafe wegen eines ausländerspezifischen Delikts bis 90 Tagessätze; § 32 Abs. 2 "
                          "Nr. 5 Buchst. a BZRG setzt voraus, dass keine weitere Strafe eingetragen ist – "
                          "Einzelfallprüfung erforderlich.")
    if jgg_open:
        return CrimResult(OPEN, "Es liegen Maßnahmen nach dem Jugendstrafrecht vor; ob sie als Verurteilung zu "
                          "werten sind, ist im Einzelfall zu prüfen.")
    if exempt:
        return CrimResult(PASS, "Nur eine Geldstrafe bis 90 Tagessätze wegen eines ausländerspezifischen Delikts; "
                          "sie bleibt außer Betracht.")
    return CrimResult(PASS, "Keine Verurteilung wegen einer im Bundesgebiet begangenen vorsätzlichen Straftat.")


def crim_60d(convictions, on: date, prefix: str = "convictions") -> CrimResult:
    return _run(_crim_60d, convictions, prefix, on)


# --------------------------------------------------------------------------------------------------
# CRIM_25B – § 25b Abs. 2 Nr. 2 with § 54 Abs. 1, Abs. 2 Nr. 1–2 AufenthG; § 5 Abs. 1 Nr. 2 as regular requirement

def _crim_25b(convs, r: _Resolver, on: date, ausw: Ausweisungsinteresse | None) -> CrimResult:
    unknown = ausw is None
    p54_1 = r.plain(None if unknown else ausw.p54_1, "ausweisungsinteresse.p54_1", False, True)
    p54_2 = r.plain(None if unknown else ausw.p54_2_nr1_2, "ausweisungsinteresse.p54_2_nr1_2", False, True)
    if p54_1:
        return CrimResult(FAIL, "Es besteht ein besonders schwerwiegendes Ausweisungsinteresse nach § 54 Abs. 1 "
                          "AufenthG; die Aufenthaltserlaubnis ist zu versagen.")
    if p54_2:
        return CrimResult(FAIL, "Es besteht ein schwerwiegendes Ausweisungsinteresse nach § 54 Abs. 2 Nr. 1 oder 2 "
                          "AufenthG; die Aufenthaltserlaubnis ist zu versagen.")
    soft = []
    for i, c in enumerate(convs):
        if not _relevant(c, i, r, on):
            continue
        if not _is_de(r.get(c.court_country, i, "court_country", "XX", "DE")):
            if r.optimistic:
                continue
            r.notes.append("ausländische Verurteilung – Gewicht nach § 54 AufenthG im Einzelfall prüfen")
        st = r.get(c.sanction_type, i, "sanction_type", "geldstrafe", "freiheitsstrafe")
        intentional = r.get(c.intentional, i, "intentional", False, True)
        if intentional and st in ("freiheitsstrafe", "jugendstrafe"):
            m = r.get(c.months, i, "months", 0, _HUGE)
            if m >= 24:
                return CrimResult(FAIL, f"{_describe(c)}: Verurteilung zu mindestens zwei Jahren begründet ein "
                                  "besonders schwerwiegendes Ausweisungsinteresse (§ 54 Abs. 1 Nr. 1 AufenthG).")
            if st == "freiheitsstrafe" and m >= 6:
                return CrimResult(FAIL, f"{_describe(c)}: Freiheitsstrafe von mindestens sechs Monaten wegen "
                                  "vorsätzlicher Straftaten (§ 54 Abs. 2 Nr. 1 AufenthG).")
            if st == "jugendstrafe" and m >= 12 and not r.get(c.suspended, i, "suspended", True, False):
                return CrimResult(FAIL, f"{_describe(c)}: Jugendstrafe von mindestens einem Jahr ohne Bewährung "
                                  "(§ 54 Abs. 2 Nr. 2 AufenthG).")
        soft.append(_describe(c))
    other = r.plain(None if unknown else ausw.other, "ausweisungsinteresse.other", False, True)
    if other:
        soft.append("sonstiges Ausweisungsinteresse")
    if soft:
        return CrimResult(SOFT, "Kein zwingender Versagungsgrund nach § 25b Abs. 2 Nr. 2 AufenthG, aber ein "
                          f"Ausweisungsinteresse kommt in Betracht ({'; '.join(soft)}). Das ist eine "
                          "Regelerteilungsvoraussetzung (§ 5 Abs. 1 Nr. 2 AufenthG); die Behörde kann nach § 5 "
                          "Abs. 3 S. 2 AufenthG davon absehen.")
    return CrimResult(PASS, "Kein Ausweisungsinteresse nach § 54 Abs. 1 oder Abs. 2 Nr. 1, 2 AufenthG und keine "
                      "zu berücksichtigende Verurteilung.")


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
            r.notes.append("ausländische Verurteilung – Berücksichtigung nach § 12a Abs. 2 StAG prüfen")
        st = r.get(c.sanction_type, i, "sanction_type", "jgg_other", "freiheitsstrafe")
        if st == "jgg_other":
            continue
        if r.get(c.hate_motive_found_in_judgment, i, "hate_motive_found_in_judgment", False, True):
            return CrimResult(FAIL, f"{_describe(c)}: Im Urteil ist ein antisemitischer, rassistischer oder sonstiger "
                              "menschenverachtender Beweggrund festgestellt; die Verurteilung bleibt nie außer "
                              "Betracht (§ 12a Abs. 1 S. 2 StAG).")
        if st == "jugendstrafe":
            return CrimResult(FAIL, f"{_describe(c)}: Eine Jugendstrafe bleibt nach § 12a Abs. 1 StAG nicht außer "
                              "Betracht.")
        if st == "freiheitsstrafe":
            suspended = r.get(c.suspended, i, "suspended", True, False)
            remitted = r.get(c.remitted_after_probation, i, "remitted_after_probation", True, False)
            if not (suspended and remitted):
                return CrimResult(FAIL, f"{_describe(c)}: Nur eine zur Bewährung ausgesetzte und nach Ablauf der "
                                  "Bewährungszeit erlassene Freiheitsstrafe bis zu drei Monaten bleibt außer "
                                  "Betracht.")
            units.append((c.gesamtstrafe_group, r.get(c.months, i, "months", 0, _HUGE) * days_per_month))
        else:
            units.append((c.gesamtstrafe_group, r.get(c.tagessaetze, i, "tagessaetze", 0, _HUGE)))
    total = _total(units, r)
    if total == 0:
        return CrimResult(PASS, "Keine zu berücksichtigende Verurteilung zu einer Strafe.")
    if total <= 90:
        return CrimResult(PASS, f"Strafen von zusammen {total:g} Tagessätzen bzw. Tagen bleiben außer Betracht "
                          "(§ 12a Abs. 1 StAG: bis 90 Tagessätze, Freiheitsstrafe bis drei Monate mit Bewährung "
                          "und Erlass).")
    if total <= excess_max:
        return CrimResult(OPEN, f"Strafen von zusammen {total:g} Tagessätzen bzw. Tagen überschreiten den Rahmen "
                          "von 90 nur geringfügig; die Behörde entscheidet im Einzelfall, ob sie außer Betracht "
                          "bleiben (§ 12a Abs. 1 S. 4 StAG).")
    return CrimResult(FAIL, f"Strafen von zusammen {total:g} Tagessätzen bzw. Tagen überschreiten den Rahmen des "
                      "§ 12a Abs. 1 StAG (90 Tagessätze bzw. drei Monate).")


def crim_stag(convictions, on: date, days_per_month: int = 30, excess_max: int = 100) -> CrimResult:
    return _run(_crim_stag, convictions, "convictions", on, days_per_month, excess_max)
