"""German language levels (§ 2 Abs. 9–12 AufenthG, RULES.md 1.4): oral and written skills are kept apart.

Oral-only requirements (§ 25b Abs. 1 S. 2 Nr. 4, § 60d Abs. 1 Nr. 6 AufenthG) look at ``language.oral``;
the general levels ("hinreichende", "ausreichende" Kenntnisse …) require both skills.
"""

from __future__ import annotations

from .facts import LEVELS, Facts
from .text import T

STATUTE_TERM = {
    1: ("einfache deutsche Sprachkenntnisse (A1)", "basic German (einfache Sprachkenntnisse, A1)"),
    2: ("hinreichende deutsche Sprachkenntnisse (A2)", "elementary German (hinreichende Sprachkenntnisse, A2)"),
    3: ("ausreichende deutsche Sprachkenntnisse (B1)", "sufficient German (ausreichende Sprachkenntnisse, B1)"),
    4: ("gute deutsche Sprachkenntnisse (B2)", "good German (gute Sprachkenntnisse, B2)"),
    5: ("Kenntnisse, mit denen die deutsche Sprache beherrscht wird (C1)", "command of the German language (C1)"),
    6: ("Kenntnisse, mit denen die deutsche Sprache beherrscht wird (C2)", "command of the German language (C2)"),
}
_UNKNOWN = ("unbekannt", "unknown")
_NONE = ("keine Kenntnisse", "no knowledge")


def level_name(level: int | None) -> T | str:
    if level is None:
        return _UNKNOWN
    return _NONE if level == 0 else LEVELS[level]


def check_oral(f: Facts, required: int) -> tuple[bool | None, T, tuple[str, ...]]:
    """(met, explanation, missing facts) for an oral-only requirement."""
    lang = f.language
    oral = lang.oral if lang is not None else None
    need = LEVELS[required]
    if oral is None:
        return None, T("Mündliche Deutschkenntnisse auf Niveau {} sind nicht nachgewiesen (Angabe fehlt).",
                       "Oral German at level {} is not proven (not stated).", need), ("language.oral",)
    if oral >= required:
        return True, T("Mündliche Deutschkenntnisse auf Niveau {} liegen vor; erforderlich ist {}.",
                       "Oral German at level {} is proven; {} is required.", level_name(oral), need), ()
    return False, T("Mündliche Deutschkenntnisse liegen nur auf Niveau {} vor; erforderlich ist {}.",
                    "Oral German is proven only at level {}; {} is required.", level_name(oral), need), ()


def check_overall(f: Facts, required: int) -> tuple[bool | None, T, tuple[str, ...]]:
    """(met, explanation, missing facts) for a level that requires oral and written skills."""
    lang = f.language
    oral = lang.oral if lang is not None else None
    written = lang.written if lang is not None else None
    term = STATUTE_TERM[required]
    if (oral is not None and oral < required) or (written is not None and written < required):
        return False, T("Erforderlich sind {} in Wort und Schrift; nachgewiesen sind mündlich {}, schriftlich {}.",
                        "Required: {}, spoken and written; proven: oral {}, written {}.",
                        term, level_name(oral), level_name(written)), ()
    if oral is None or written is None:
        missing = tuple(p for p, v in (("language.oral", oral), ("language.written", written)) if v is None)
        return None, T("Erforderlich sind {} in Wort und Schrift; der Nachweis ist unvollständig (mündlich {}, "
                       "schriftlich {}).", "Required: {}, spoken and written; the proof is incomplete (oral {}, "
                       "written {}).", term, level_name(oral), level_name(written)), missing
    return True, T("Erforderlich sind {} in Wort und Schrift; nachgewiesen sind mündlich {}, schriftlich {}.",
                   "Required: {}, spoken and written; proven: oral {}, written {}.",
                   term, level_name(oral), level_name(written)), ()
