"""Language names and text direction for ISO 639 codes, in the language of the user interface.

Names come from CLDR (Babel); the few codes CLDR names too broadly or not at all (Kurmanji, Dari) are named
by the project's own catalogue, so they read right in every UI language.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Languages offered for staff profiles and client records, most frequent in NRW integration work first.
LANGUAGE_CHOICES_CODES = [
    "de", "ar", "tr", "uk", "ru", "bg", "ro", "fa", "prs", "ku", "ckb", "en", "fr", "pl", "sq", "sr", "bs",
    "hr", "el", "it", "es", "pt", "ti", "am", "so", "ps", "ur", "hi", "bn", "ta", "vi", "zh", "ku", "az",
    "hy", "ka", "ha", "yo", "ig", "ln", "sw", "rom", "he", "nl", "hu", "cs", "sk", "lt", "lv", "mk", "sh",
]
LANGUAGE_CHOICES_CODES = list(dict.fromkeys(c for c in LANGUAGE_CHOICES_CODES if c != "sh"))

_OWN_NAMES = {
    "ku": _("Kurdish (Kurmanji)"),
    "ckb": _("Kurdish (Sorani)"),
    "prs": _("Dari"),
    "rom": _("Romani"),
}
_OWN_AUTONYMS = {"ku": "Kurmancî", "ckb": "کوردیی ناوەندی", "prs": "دری", "rom": "Romanes"}
RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ckb", "ps", "ur", "he", "yi", "dv", "sd", "ug"})


@lru_cache(maxsize=64)
def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def language_name(code: str, ui_language: str | None = None) -> str:
    """The name of language ``code`` in the UI language, e.g. ``ar`` → "Arabisch" in German."""
    if code in _OWN_NAMES:
        return str(_OWN_NAMES[code])
    locale = _locale(ui_language or get_language() or "de") or _locale("de")
    name = locale.languages.get(code) if locale else None
    return name or code


def autonym(code: str) -> str:
    """The language's own name for itself, e.g. ``uk`` → "українська"."""
    if code in _OWN_AUTONYMS:
        return _OWN_AUTONYMS[code]
    locale = _locale(code)
    return locale.get_display_name(code) if locale else code


def is_rtl(code: str) -> bool:
    return code.split("-")[0] in RTL_LANGUAGES


def language_choices(ui_language: str | None = None) -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name in the UI language; German first."""
    pairs = [(code, language_name(code, ui_language)) for code in LANGUAGE_CHOICES_CODES]
    return sorted(pairs, key=lambda pair: (pair[0] != "de", pair[1].casefold()))


def normalise_language_codes(codes) -> list[str]:
    """Validate and de-duplicate a list of codes; unknown codes raise ValueError naming them."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext

    result = []
    unknown = []
    for code in codes or []:
        code = str(code).strip().lower()
        if not code:
            continue
        if code not in LANGUAGE_CHOICES_CODES:
            unknown.append(code)
        elif code not in result:
            result.append(code)
    if unknown:
        raise ValidationError(
            {"languages": gettext("Unknown language code: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    return result
