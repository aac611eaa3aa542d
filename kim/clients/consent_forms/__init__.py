"""Versioned texts of the consent form (Einwilligung und Schweigepflichtentbindung).

One JSON file per form version (``2026-11.json``), each with the complete text in every form language.
German is the legally leading text; every translation carries a note saying so. A version's file is never
changed once consents were recorded with it – a new wording is a new file with a new version id, and
:data:`CURRENT_VERSION` names the one new consents are recorded with. Old versions stay, so the form of an
old consent can be printed again exactly as it was signed.

Structure of a version file::

    {"version": "2026-11", "published": "2026-11-24", "leading_language": "de",
     "texts": {"de": {"title": …, "purposes": {"share": {"title": …, "text": …}, …},
                      "categories": {"health": …, …}, …}, "en": {…}, …}}

Placeholders in texts: ``{organisation}`` (the controller, the client's organisation) and ``{recipient}``
(the named recipient of a sharing).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

#: The version new consents are recorded with.
CURRENT_VERSION = "2026-11"

#: Languages every version must provide, German (the leading text) first.
FORM_LANGUAGES = ("de", "en", "ar", "tr", "uk", "ru")
LEADING_LANGUAGE = "de"

#: Keys every language of every version must have (plain strings) …
TEXT_KEYS = (
    "language_name",
    "title",
    "subtitle",
    "translation_note",
    "section_person",
    "label_name",
    "label_birth_date",
    "section_consent",
    "label_purpose",
    "label_recipient",
    "label_categories",
    "label_valid_from",
    "label_valid_until",
    "until_withdrawn",
    "label_form_version",
    "label_consent_number",
    "label_language",
    "special_categories_text",
    "voluntary_heading",
    "voluntary_text",
    "withdrawal_heading",
    "withdrawal_text",
    "controller_heading",
    "controller_text",
    "retention_heading",
    "retention_text",
    "rights_heading",
    "rights_text",
    "signature_heading",
    "signature_statement",
    "label_place_date",
    "label_signature_client",
    "label_signature_staff",
    "label_interpreter",
)
#: … and a title and text per purpose and a name per data category (kim.clients.models).
PURPOSE_KEYS = ("title", "text")

_DIRECTORY = Path(__file__).resolve().parent


def versions() -> list[str]:
    """Every form version on file, oldest first."""
    return sorted(path.stem for path in _DIRECTORY.glob("*.json"))


@lru_cache(maxsize=16)
def load(version: str) -> dict:
    """The whole version file; KeyError for a version that does not exist."""
    if version not in versions():
        raise KeyError(version)
    with (_DIRECTORY / f"{version}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def texts(version: str, language: str) -> dict:
    """The texts of one version in one language; KeyError if either does not exist."""
    return load(version)["texts"][language]
