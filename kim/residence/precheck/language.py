"""German language levels (§ 2 Abs. 9–12 AufenthG, RULES.md 1.4): oral and written skills are kept apart.

Oral-only requirements (§ 25b Abs. 1 S. 2 Nr. 4, § 60d Abs. 1 Nr. 6 AufenthG) look at ``language.oral``;
the general levels ("hinreichende", "ausreichende" Kenntnisse …) require both skills.
"""

from __future__ import annotations

from .facts import LEVELS, Facts

STATUTE_TERM = {
    1: "einfache deutsche Sprachkenntnisse (A1)",
    2: "hinreichende deutsche Sprachkenntnisse (A2)",
    3: "ausreichende deutsche Sprachkenntnisse (B1)",
    4: "gute deutsche Sprachkenntnisse (B2)",
    5: "Kenntnisse, mit denen die deutsche Sprache beherrscht wird (C1)",
    6: "Kenntnisse, mit denen die deutsche Sprache beherrscht wird (C2)",
}


def level_name(level: int | None) -> str:
    if level is None:
        return "unbekannt"
    return "keine Kenntnisse" if level == 0 else LEVELS[level]


def check_oral(f: Facts, required: int) -> tuple[bool | None, str, tuple[str, ...]]:
    """(met, German explanation, missing facts) for an oral-only requirement."""
    lang = f.language
    oral = lang.oral if lang is not None else None
    need = LEVELS[required]
    if oral is None:
        return None, f"Mündliche Deutschkenntnisse auf Niveau {need} sind nicht nachgewiesen (Angabe fehlt).", (
            "language.oral",)
    if oral >= required:
        return True, f"Mündliche Deutschkenntnisse auf Niveau {level_name(oral)} liegen vor; erforderlich ist " \
                     f"{need}.", ()
    return False, f"Mündliche Deutschkenntnisse liegen nur auf Niveau {level_name(oral)} vor; erforderlich ist " \
                  f"{need}.", ()


def check_overall(f: Facts, required: int) -> tuple[bool | None, str, tuple[str, ...]]:
    """(met, German explanation, missing facts) for a level that requires oral and written skills."""
    lang = f.language
    oral = lang.oral if lang is not None else None
    written = lang.written if lang is not None else None
    term = STATUTE_TERM[required]
    if (oral is not None and oral < required) or (written is not None and written < required):
        return False, (f"Erforderlich sind {term} in Wort und Schrift; nachgewiesen sind mündlich "
                       f"{level_name(oral)}, schriftlich {level_name(written)}."), ()
    if oral is None or written is None:
        missing = tuple(p for p, v in (("language.oral", oral), ("language.written", written)) if v is None)
        return None, (f"Erforderlich sind {term} in Wort und Schrift; der Nachweis ist unvollständig "
                      f"(mündlich {level_name(oral)}, schriftlich {level_name(written)})."), missing
    return True, (f"Erforderlich sind {term} in Wort und Schrift; nachgewiesen sind mündlich "
                  f"{level_name(oral)}, schriftlich {level_name(written)}."), ()
