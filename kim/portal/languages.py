"""The public languages of the portal: one definition per language, configured by KIM_PUBLIC_LANGUAGES.

The public languages are separate from the staff UI languages (settings.LANGUAGES = de/en/ar). Each one has

* ``code`` – the URL prefix (``/ar/…``) and the key of its translations in the database;
* ``autonym`` – its own name, shown in the language chooser (``lang`` = ``html_lang``);
* ``html_lang`` – the BCP-47 tag for ``<html lang>``; ``hreflang`` – the tag for hreflang alternates (None:
  no alternate – Einfache Sprache is German for search engines and has no tag of its own);
* ``direction`` – ``ltr`` or ``rtl`` (Arabic, Farsi);
* ``gettext_locale`` – the catalogue the chrome (navigation, buttons, notes) is translated with.
  Einfache Sprache uses the German catalogue.

German (``de``) is the source language: every other language is a translation of it and falls back to it.
A code that is not in the built-in table gets its autonym from CLDR and its direction from kim.core.languages,
so adding a language is a settings change: ``KIM_PUBLIC_LANGUAGES=de,einfach,en,…,pl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import trans_real

from kim.core.languages import autonym as cldr_autonym
from kim.core.languages import is_rtl

SOURCE_LANGUAGE = "de"
DEFAULT_PUBLIC_LANGUAGES = ["de", "einfach", "en", "ar", "tr", "uk", "ru", "bg", "ro", "fa", "ku"]


@dataclass(frozen=True)
class PublicLanguage:
    code: str
    autonym: str
    name: str  # English name (gettext_lazy), for editors
    html_lang: str
    hreflang: str | None
    direction: str
    gettext_locale: str

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LANGUAGE

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    def __str__(self) -> str:
        return self.autonym


# code: (autonym, English name, html lang, hreflang, gettext locale)
_BUILT_IN = {
    "de": ("Deutsch", _("German"), "de", "de", "de"),
    "einfach": ("Einfache Sprache", _("German – plain language"), "de", None, "de"),
    "en": ("English", _("English"), "en", "en", "en"),
    "ar": ("العربية", _("Arabic"), "ar", "ar", "ar"),
    "tr": ("Türkçe", _("Turkish"), "tr", "tr", "tr"),
    "uk": ("Українська", _("Ukrainian"), "uk", "uk", "uk"),
    "ru": ("Русский", _("Russian"), "ru", "ru", "ru"),
    "bg": ("Български", _("Bulgarian"), "bg", "bg", "bg"),
    "ro": ("Română", _("Romanian"), "ro", "ro", "ro"),
    "fa": ("فارسی", _("Persian (Farsi)"), "fa", "fa", "fa"),
    "ku": ("Kurmancî", _("Kurdish (Kurmanji)"), "ku", "ku", "ku"),
}


def _define(code: str) -> PublicLanguage:
    if code in _BUILT_IN:
        own_name, name, html_lang, hreflang, locale = _BUILT_IN[code]
    else:
        own_name, name, html_lang, hreflang, locale = cldr_autonym(code), code, code, code, code
    direction = "rtl" if is_rtl(html_lang) else "ltr"
    return PublicLanguage(code, own_name, name, html_lang, hreflang, direction, locale)


@lru_cache(maxsize=8)
def _languages(codes: tuple[str, ...]) -> tuple[PublicLanguage, ...]:
    ordered = list(dict.fromkeys(code.strip() for code in codes if code.strip()))
    if SOURCE_LANGUAGE in ordered:
        ordered.remove(SOURCE_LANGUAGE)
    return tuple(_define(code) for code in [SOURCE_LANGUAGE, *ordered])


def public_languages() -> tuple[PublicLanguage, ...]:
    """All public languages, German first, in the configured order."""
    return _languages(tuple(getattr(settings, "KIM_PUBLIC_LANGUAGES", DEFAULT_PUBLIC_LANGUAGES)))


def public_language_codes() -> list[str]:
    return [language.code for language in public_languages()]


def translation_languages() -> tuple[PublicLanguage, ...]:
    """The languages German is translated into (every public language but German)."""
    return public_languages()[1:]


def get_public_language(code: str) -> PublicLanguage | None:
    return next((language for language in public_languages() if language.code == code), None)


def source_language() -> PublicLanguage:
    return public_languages()[0]


def best_language_for(accept_language: str) -> PublicLanguage:
    """The public language that fits an Accept-Language header best; German if none fits."""
    languages = public_languages()
    by_tag: dict[str, PublicLanguage] = {}
    for language in languages:
        by_tag.setdefault(language.html_lang.lower(), language)
        by_tag.setdefault(language.code.lower(), language)
    for tag, _quality in trans_real.parse_accept_lang_header(accept_language or ""):
        tag = tag.lower()
        if tag == "*":
            break
        if tag in by_tag:
            return by_tag[tag]
        primary = tag.split("-")[0]
        if primary in by_tag:
            return by_tag[primary]
    return languages[0]


def register_language_info() -> None:
    """Django knows no Kurmanji ("ku"): register it so get_language_info() and the i18n tags work."""
    from django.conf.locale import LANG_INFO

    LANG_INFO.setdefault(
        "ku", {"bidi": False, "code": "ku", "name": "Kurdish (Kurmanji)", "name_local": "Kurmancî"}
    )


class PublicLanguageConverter:
    """URL converter ``<publang:lang>``: matches only the configured public language codes."""

    def __init__(self):
        codes = sorted(public_language_codes(), key=len, reverse=True)
        self.regex = "|".join(re.escape(code) for code in codes)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class ContentKindConverter:
    """URL converter ``<portalkind:kind>`` of the back office: seiten, fragen, meldungen, downloads."""

    regex = "seiten|fragen|meldungen|downloads"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def register_converter() -> None:
    from django.urls import converters
    from django.urls import register_converter as register

    if "publang" not in converters.get_converters():
        register(PublicLanguageConverter, "publang")
    if "portalkind" not in converters.get_converters():
        register(ContentKindConverter, "portalkind")
