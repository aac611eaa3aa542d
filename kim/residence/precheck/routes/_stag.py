"""Shared conditions of the naturalisation routes § 10 StAG and § 9 StAG (RULES.md 7).

Residence counting (§ 10 Abs. 1 S. 1, § 12b StAG, § 55 Abs. 3 AsylG): residence titles and Fiktion count; an
Aufenthaltsgestattung counts only if the person was later recognised or granted international protection
(unknown outcome → manual check); Duldung never counts; stays abroad of more than six months interrupt unless
within a deadline set by the authority (→ manual check).
"""

from __future__ import annotations

from ..context import TITLES, Ctx, fact, from_crim, overall, status_unknown, stay_time
from ..criminal import crim_stag
from ..dates import add_months
from ..facts import B1, B2
from ..livelihood import stag_livelihood
from ..outcome import REGULAR, TIME, Criterion
from ..stay import Chain
from ..text import T, cat
from ..versions import STAG_35A_ENACTED, STAG_40A_CUTOFF
from .aufenthg_25a import BIRTH_UNKNOWN

RECOGNISED = ("recognised_refugee", "asylberechtigt", "subsidiary")
EXCLUDED_TITLES = frozenset({"16a", "16b", "16d", "16e", "16f", "17", "18f", "19", "19b", "19e", "20", "20a", "22",
                             "23a", "24", "104c"})
WITH_GESTATTUNG = frozenset(TITLES | {"gestattung"})
GESTATTUNG = frozenset({"gestattung"})


def residence_chain(ctx: Ctx) -> Chain:
    asylum = ctx.f.asylum
    outcome = asylum.outcome if asylum is not None else None
    if outcome in RECOGNISED:
        ch = ctx.chain(WITH_GESTATTUNG)
    elif outcome is None:
        ch = ctx.chain(TITLES, GESTATTUNG)
    else:
        ch = ctx.chain(TITLES)
    stays = ctx.f.stays_abroad
    if not stays or ch.strict is None:
        return ch
    strict = ch.strict
    for s in stays:
        if s.end >= strict and s.start <= ctx.on and s.end > add_months(s.start, 6):
            strict = max(strict, s.end)
    if strict == ch.strict:
        return ch
    return Chain(strict, ch.tolerant, ch.periods)


_RESIDENCE = ("Rechtmäßiger gewöhnlicher Aufenthalt im Inland", "Lawful habitual residence in Germany")
_ABROAD_UNKNOWN = (" Angaben zu Auslandsaufenthalten fehlen (mehr als sechs Monate können den gewöhnlichen Aufenthalt "
                    "unterbrechen, § 12b StAG).", " Information on stays abroad is missing (more than six months can "
                    "interrupt habitual residence, § 12b StAG).")


def residence(ctx: Ctx, months: int, code: str, citation: str, *, discretion: bool = False) -> Criterion:
    c = stay_time(ctx, code, citation, residence_chain(ctx), months, _RESIDENCE)
    if c.met is True and ctx.f.stays_abroad is None:
        return Criterion(code, None, cat(c.msg, _ABROAD_UNKNOWN), citation, TIME, ("stays_abroad",))
    if discretion and c.met is True:
        c.discretion = True
    return c


_IDENTITY = (
     ("Identität und Staatsangehörigkeit sind geklärt.", "Identity and nationality are clarified."),
     ("Identität und Staatsangehörigkeit sind nicht geklärt.", "Identity and nationality are not clarified."),
     ("Ob Identität und Staatsangehörigkeit geklärt sind, ist nicht angegeben.", "Whether identity and nationality "
      "are clarified is not stated."),
)
_FDGO = (
     ("Das Bekenntnis zur freiheitlichen demokratischen Grundordnung und die Loyalitätserklärung liegen vor.",
      "The commitment to the free democratic basic order and the declaration of loyalty have been made."),
     ("Das Bekenntnis zur freiheitlichen demokratischen Grundordnung liegt nicht vor.",
      "The commitment to the free democratic basic order has not been made."),
     ("Ob das Bekenntnis zur freiheitlichen demokratischen Grundordnung abgegeben wurde, ist nicht angegeben.",
      "Whether the commitment to the free democratic basic order has been made is not stated."),
)
_HISTORIC = (
     ("Das Bekenntnis zur besonderen historischen Verantwortung Deutschlands liegt vor.",
      "The commitment to Germany's special historical responsibility has been made."),
     ("Das Bekenntnis zur besonderen historischen Verantwortung Deutschlands liegt nicht vor.",
      "The commitment to Germany's special historical responsibility has not been made."),
     ("Ob das Bekenntnis zur historischen Verantwortung abgegeben wurde, ist nicht angegeben.",
      "Whether the commitment to Germany's historical responsibility has been made is not stated."),
)
_INVESTIGATION = (
     ("Es ist kein Ermittlungsverfahren wegen des Verdachts einer Straftat anhängig.",
      "No criminal investigation is pending."),
     ("Es ist ein Ermittlungsverfahren anhängig; die Entscheidung über die Einbürgerung wird bis zu dessen Abschluss "
      "ausgesetzt.", "A criminal investigation is pending; the decision on naturalisation is suspended until it "
      "ends."),
     ("Ob ein Ermittlungsverfahren anhängig ist, ist nicht angegeben.", "Whether a criminal investigation is pending "
      "is not stated."),
)


def stag_common(ctx: Ctx, route: str, version_id: str, *, language_level: int = B1) -> list[Criterion]:
    """All conditions of § 10 Abs. 1 StAG except the residence period (and § 11, § 12a, § 35a StAG)."""
    f = ctx.f
    age = ctx.age
    v0 = version_id.endswith("_V0")
    cit = "§ 10 Abs. 1 S. 1 StAG"
    items: list[Criterion] = []
    if age is None:
        items.append(Criterion("CAPACITY", None, BIRTH_UNKNOWN, "§ 37 Abs. 1 StAG", missing=("person.birth_date",)))
    elif age >= 16:
        items.append(Criterion("CAPACITY", True, ("Die Person ist handlungsfähig (ab 16 Jahren).", "The person has "
                                                   "capacity to act (16 or older)."), "§ 37 Abs. 1 StAG"))
    else:
        items.append(Criterion("CAPACITY", True, ("Die Person ist unter 16 Jahre alt; der Antrag wird von der "
                                                   "gesetzlichen Vertretung gestellt.", "The person is under 16; the "
                                                   "legal representative files the application."), "§ 37 Abs. 1 StAG"))
    ident = f.identity
    items.append(fact("IDENTITY", ident.clarified if ident is not None else None, "identity.clarified", cit,
                      _IDENTITY))
    under16 = age is not None and age < 16
    if under16:
        items.append(Criterion("FDGO_COMMITMENT", True, ("Bekenntnis und Loyalitätserklärung werden von Personen unter "
                                                          "16 Jahren nicht verlangt.", "The commitment and the "
                                                          "declaration of loyalty are not required from persons under "
                                                          "16."), "§ 10 Abs. 1 S. 2 StAG"))
    else:
        items.append(fact("FDGO_COMMITMENT", f.fdgo_commitment_signed, "fdgo_commitment_signed", cit + " Nr. 1",
                          _FDGO))
    if not v0:
        if under16:
            items.append(Criterion("HISTORIC_RESPONSIBILITY", True, ("Von Personen unter 16 Jahren wird die Erklärung "
                                                                      "nicht verlangt (§ 10 Abs. 1 S. 2 StAG nennt "
                                                                      "Nr. 1a allerdings nicht – Handhabung "
                                                                      "ungeklärt).", "The declaration is not required "
                                                                      "from persons under 16 (although § 10 Abs. 1 "
                                                                      "S. 2 StAG does not name Nr. 1a – practice "
                                                                      "unresolved)."), cit + " Nr. 1a",
                                   uncertainty="U-29"))
        else:
            items.append(fact("HISTORIC_RESPONSIBILITY", f.historic_responsibility_declaration_signed,
                              "historic_responsibility_declaration_signed", cit + " Nr. 1a", _HISTORIC))
    items.append(_title(ctx, cit + " Nr. 2"))
    applied = ctx.application_date(route)
    old_lu = v0 or (applied is not None and applied <= STAG_40A_CUTOFF)
    lu_cit = cit + " Nr. 3" + (" a. F." if v0 else (", § 40a StAG" if old_lu else ""))
    items.append(stag_livelihood(f, "LIVELIHOOD_NO_SGB", lu_cit, ctx.on, old_rule=old_lu,
                                 is_minor=age is not None and age < 18))
    if v0:
        items.append(Criterion("NATIONALITY_RENUNCIATION", None, ("Nach dem bis 26.06.2024 geltenden Recht war die "
                                                                   "bisherige Staatsangehörigkeit grundsätzlich "
                                                                   "aufzugeben (§ 10 Abs. 1 S. 1 Nr. 4 StAG a. F., "
                                                                   "Ausnahmen § 12 StAG a. F.); die alte Fassung ist "
                                                                   "hier nicht am Gesetzestext geprüft.", "Under the "
                                                                   "law in force until 26 Jun 2024 the previous "
                                                                   "nationality had, as a rule, to be given up (§ 10 "
                                                                   "Abs. 1 S. 1 Nr. 4 StAG old version, exceptions "
                                                                   "§ 12 StAG old version); the old version has not "
                                                                   "been checked against the statute text here."),
                               cit + " Nr. 4 a. F.", uncertainty="U-14"))
    opts = ctx.opts
    items.append(from_crim("CRIMINAL_12A", ctx.crim(crim_stag, f.convictions, opts.stag_days_per_month,
                                                     opts.stag_minor_excess_max), cit + " Nr. 5, § 12a StAG",
                           "U-11,U-12"))
    pending = f.pending_criminal_investigation
    items.append(fact("NO_PENDING_INVESTIGATION", pending, "pending_criminal_investigation", "§ 12a Abs. 3 StAG",
                      _INVESTIGATION, good=False, kind=REGULAR))
    items.append(_language(ctx, language_level, under16))
    items.append(_knowledge(ctx, under16))
    items.append(_exclusions_11(ctx))
    sperr = _sperrfrist(ctx)
    if sperr is not None:
        items.append(sperr)
    return items


def _title(ctx: Ctx, cit: str) -> Criterion:
    code = "RESIDENCE_TITLE"
    cur = ctx.current
    if cur is None:
        return Criterion(code, None, status_unknown(ctx.on), cit, missing=("status_history",))
    status = cur.status
    if status in ("niederlassungserlaubnis", "daueraufenthalt_eu"):
        return Criterion(code, True, ("Die Person besitzt ein unbefristetes Aufenthaltsrecht.", "The person has a "
                                       "permanent right of residence."), cit)
    period = cur
    if status == "fiktion_81_4":
        prev = [p for p in ctx.periods if p.start < cur.start]
        if not prev or prev[-1].status != "aufenthaltserlaubnis":
            return Criterion(code, None, ("Die Person hat einen Fiktionsstatus; maßgeblich ist der beantragte Titel.",
                                           "The person has a provisional status (Fiktion); the title applied for "
                                           "decides."), cit)
        period = prev[-1]
    elif status != "aufenthaltserlaubnis":
        return Criterion(code, False, ("Die Person besitzt weder ein unbefristetes Aufenthaltsrecht noch eine "
                                        "Aufenthaltserlaubnis, die zur Einbürgerung berechtigt.", "The person has "
                                        "neither a permanent right of residence nor a residence permit that allows "
                                        "naturalisation."), cit)
    title = period.title
    if title is None:
        return Criterion(code, None, ("Die Rechtsgrundlage der Aufenthaltserlaubnis ist nicht angegeben; davon hängt "
                                       "ab, ob sie zur Einbürgerung berechtigt.", "The legal basis of the residence "
                                       "permit is not stated; whether it allows naturalisation depends on it."), cit,
                         missing=(f"status_history[{period.index}].title_basis",))
    para, abs_ = title[0], title[1]
    if para in EXCLUDED_TITLES or (para == "25" and abs_ in ("3", "4", "5")):
        return Criterion(code, False, T("Die Aufenthaltserlaubnis nach {} berechtigt nicht zur Einbürgerung.",
                                        "The residence permit under {} does not allow naturalisation.",
                                        period.title_basis), cit)
    return Criterion(code, True, T("Die Aufenthaltserlaubnis nach {} berechtigt zur Einbürgerung.", "The residence "
                                   "permit under {} allows naturalisation.", period.title_basis), cit)


def stag_language(ctx: Ctx, level: int) -> Criterion:
    age = ctx.age
    return _language(ctx, level, age is not None and age < 16)


def _language(ctx: Ctx, level: int, under16: bool) -> Criterion:
    code = "LANGUAGE_B1" if level == B1 else "LANGUAGE_C1"
    cit = "§ 10 Abs. 1 S. 1 Nr. 6, Abs. 4 StAG" if level == B1 else "§ 10 Abs. 3 StAG a. F."
    f = ctx.f
    c = overall(ctx, level, code, cit, waivable=level == B1)
    if c.met is True or level != B1:
        return c
    if f.illness_or_disability_prevents:
        return Criterion(code, True, ("Der Sprachnachweis entfällt wegen Krankheit, Behinderung oder Alters (§ 10 "
                                       "Abs. 6 StAG).", "Proof of German is not required because of illness, "
                                       "disability or age (§ 10 Abs. 6 StAG)."), "§ 10 Abs. 6 StAG")
    if under16:
        return Criterion(code, None, ("Bei Kindern unter 16 Jahren genügt eine altersgemäße Sprachentwicklung; diese "
                                       "ist von der Behörde festzustellen.", "For children under 16, language "
                                       "development appropriate to their age suffices; the authority has to "
                                       "establish it."), "§ 10 Abs. 4 S. 2 StAG")
    lang = f.language
    if f.gastarbeiter_or_vertragsarbeitnehmer and lang is not None and lang.oral is not None and lang.oral >= B1:
        return Criterion(code, True, ("Angeworbene Arbeitnehmer bzw. Vertragsarbeitnehmer: Mündliche Verständigung im "
                                       "Alltag ohne nennenswerte Probleme genügt.", "Recruited workers "
                                       "(Gastarbeiter) or contract workers (Vertragsarbeitnehmer): everyday oral "
                                       "communication without notable problems suffices."), "§ 10 Abs. 4 S. 3 StAG")
    return c


_TEST = (
     ("Der Einbürgerungstest ist bestanden.", "The naturalisation test has been passed."),
     ("Der Einbürgerungstest ist nicht bestanden.", "The naturalisation test has not been passed."),
     ("Ob der Einbürgerungstest bestanden ist, ist nicht angegeben.", "Whether the naturalisation test has been passed "
      "is not stated."),
)


def _knowledge(ctx: Ctx, under16: bool) -> Criterion:
    code, cit = "NATURALISATION_TEST", "§ 10 Abs. 1 S. 1 Nr. 7, Abs. 5 StAG"
    f = ctx.f
    if under16:
        return Criterion(code, True, ("Der Einbürgerungstest wird von Personen unter 16 Jahren nicht verlangt.",
                                       "The naturalisation test is not required from persons under 16."),
                         "§ 10 Abs. 1 S. 2 StAG")
    if f.illness_or_disability_prevents:
        return Criterion(code, True, ("Der Einbürgerungstest entfällt wegen Krankheit, Behinderung oder Alters.",
                                       "The naturalisation test is not required because of illness, disability or "
                                       "age."), "§ 10 Abs. 6 StAG")
    if f.gastarbeiter_or_vertragsarbeitnehmer:
        return Criterion(code, True, ("Für angeworbene Arbeitnehmer bzw. Vertragsarbeitnehmer entfällt der "
                                       "Einbürgerungstest.", "Recruited workers (Gastarbeiter) and contract workers "
                                       "(Vertragsarbeitnehmer) do not need the naturalisation test."),
                         "§ 10 Abs. 6 S. 2 StAG")
    kt = f.knowledge_test
    return fact(code, kt.einbuergerungstest_passed if kt is not None else None, "knowledge_test.einbuergerungstest_passed",
                cit, _TEST)


def _exclusions_11(ctx: Ctx) -> Criterion:
    code, cit = "NO_EXCLUSION_11", "§ 11 StAG"
    f = ctx.f
    ext, ind = f.extremism_links, f.indications_against_fdgo
    if ext or ind:
        return Criterion(code, False, ("Tatsächliche Anhaltspunkte für verfassungsfeindliche Bestrebungen oder Zweifel "
                                        "am Bekenntnis zur freiheitlichen demokratischen Grundordnung schließen die "
                                        "Einbürgerung aus (sofern keine glaubhafte Abwendung).", "Actual indications "
                                        "of activities against the constitution or doubts about the commitment to the "
                                        "free democratic basic order exclude naturalisation (unless the person has "
                                        "credibly turned away)."), cit)
    ausw = f.ausweisungsinteresse
    if ausw is not None and ausw.p54_1:
        return Criterion(code, None, ("Es besteht ein besonders schwerwiegendes Ausweisungsinteresse; ausgeschlossen "
                                       "ist die Einbürgerung bei § 54 Abs. 1 Nr. 2 oder 4 AufenthG – "
                                       "Einzelfallprüfung.", "There is a particularly serious interest in expulsion; "
                                       "naturalisation is excluded in cases of § 54 Abs. 1 Nr. 2 or 4 AufenthG – "
                                       "case-by-case review."), cit)
    if ext is None or ind is None:
        missing = tuple(p for p, val in (("extremism_links", ext), ("indications_against_fdgo", ind)) if val is None)
        return Criterion(code, None, ("Angaben zu Ausschlussgründen nach § 11 StAG fehlen.", "Information on grounds "
                                       "for exclusion under § 11 StAG is missing."), cit, missing=missing)
    return Criterion(code, True, ("Ausschlussgründe nach § 11 StAG sind nicht ersichtlich.", "No grounds for "
                                   "exclusion under § 11 StAG are apparent."), cit)


def _sperrfrist(ctx: Ctx) -> Criterion | None:
    """§ 35a StAG: ten-year bar after a finding of deception in a naturalisation procedure (U-15)."""
    code, cit = "NO_SPERRFRIST_35A", "§ 35a StAG"
    on = ctx.on
    if on < STAG_35A_ENACTED:
        return None
    finding = ctx.f.stag_deception_finding_date
    if finding is None:
        if ctx.f.stag_deception_finding is False:
            return Criterion(code, True, ("Eine Rücknahme oder Feststellung nach § 35a StAG liegt nicht vor.", "There "
                                           "is no withdrawal and no finding under § 35a StAG."), cit)
        if ctx.f.stag_deception_finding:
            return Criterion(code, None, ("Eine Feststellung nach § 35a StAG liegt vor; ihr Datum ist nicht "
                                           "angegeben.", "There is a finding under § 35a StAG; its date is not "
                                           "stated."), cit, missing=("stag_deception_finding_date",))
        return Criterion(code, None, ("Ob eine Rücknahme oder Feststellung nach § 35a StAG (zehnjährige Sperrfrist) "
                                       "vorliegt, ist nicht angegeben.", "Whether there is a withdrawal or finding "
                                       "under § 35a StAG (ten-year bar) is not stated."), cit,
                         missing=("stag_deception_finding",))
    end = ctx.pe(finding, 120)
    if end <= on:
        return Criterion(code, True, T("Die zehnjährige Sperrfrist seit dem {} ist abgelaufen.", "The ten-year bar "
                                       "since {} has expired.", finding), cit)
    if on < ctx.opts.stag_35a_from:
        return Criterion(code, None, T("Feststellung einer Täuschung am {}: Ob § 35a StAG am {} schon in Kraft war, ist "
                                       "ungeklärt (angewendet ab {}).", "Finding of deception on {}: whether § 35a "
                                       "StAG was already in force on {} is unresolved (applied from {}).", finding, on,
                                       ctx.opts.stag_35a_from), cit, uncertainty="U-15")
    return Criterion(code, False, T("Wegen der Feststellung vom {} ist die Einbürgerung für zehn Jahre ausgeschlossen, "
                                    "also bis {}.", "Because of the finding of {} naturalisation is excluded for ten "
                                    "years, i.e. until {}.", finding, end), cit, TIME, earliest=end)


def special_track_v1(ctx: Ctx) -> list[Criterion]:
    """§ 10 Abs. 3 StAG i. d. F. 27.6.2024–29.10.2025: shortening to three years ("kann")."""
    f = ctx.f
    lv = f.livelihood
    cit = "§ 10 Abs. 3 StAG a. F."
    return [
        fact("SPECIAL_INTEGRATION", f.special_integration_achievements, "special_integration_achievements", cit,
              (("Besondere Integrationsleistungen sind nachgewiesen.", "Special integration achievements are proven."),
              ("Besondere Integrationsleistungen sind nicht nachgewiesen.", "Special integration achievements are not "
               "proven."),
              ("Ob besondere Integrationsleistungen vorliegen, ist nicht angegeben.", "Whether there are special "
               "integration achievements is not stated."))),
        fact("LIVELIHOOD_SUSTAINABLE", lv.nachhaltig_secured if lv is not None else None, "livelihood.nachhaltig_secured",
             cit, (("Der Lebensunterhalt ist nachhaltig gesichert.", "The livelihood is secured sustainably."),
              ("Der Lebensunterhalt ist nicht nachhaltig gesichert.", "The livelihood is not secured sustainably."),
              ("Ob der Lebensunterhalt nachhaltig gesichert ist, ist nicht angegeben.", "Whether the livelihood is "
               "secured sustainably is not stated."))),
    ]


def v0_reduction(ctx: Ctx) -> tuple[int, bool]:
    """(months, discretionary) for § 10 Abs. 1, 3 StAG a. F.: 8 years, 7 after an integration course, 6 with
    special integration achievements (esp. B2) at the authority's discretion (U-14)."""
    f = ctx.f
    kt = f.knowledge_test
    lang = f.language
    b2 = lang is not None and lang.oral is not None and lang.written is not None and min(lang.oral, lang.written) >= B2
    if f.special_integration_achievements and b2:
        return 72, True
    if kt is not None and kt.integrationskurs_completed:
        return 84, False
    return 96, False


def years_label(months: int) -> str:
    return f"{months // 12}Y"

