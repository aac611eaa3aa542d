"""Every version of the consent form text is complete in every language."""

import re

import pytest

from kim.clients import consent_forms
from kim.clients.models import ConsentPurpose, DataCategory

PLACEHOLDER = re.compile(r"\{(\w*)\}")


def test_current_version_exists():
    assert consent_forms.CURRENT_VERSION in consent_forms.versions()


@pytest.mark.parametrize("version", consent_forms.versions())
def test_every_version_has_every_language_and_key(version):
    data = consent_forms.load(version)
    assert data["version"] == version
    assert data["leading_language"] == "de"
    assert set(data["texts"]) >= set(consent_forms.FORM_LANGUAGES)
    for language in consent_forms.FORM_LANGUAGES:
        texts = data["texts"][language]
        for key in consent_forms.TEXT_KEYS:
            assert isinstance(texts.get(key), str) and texts[key].strip(), (language, key)
        assert set(texts["purposes"]) == set(ConsentPurpose.values), language
        for purpose, entry in texts["purposes"].items():
            for key in consent_forms.PURPOSE_KEYS:
                assert entry.get(key, "").strip(), (language, purpose, key)
        assert set(texts["categories"]) == set(DataCategory.values), language
        assert all(name.strip() for name in texts["categories"].values()), language
        unexpected = set(texts) - set(consent_forms.TEXT_KEYS) - {"purposes", "categories"}
        assert not unexpected, (language, unexpected)


@pytest.mark.parametrize("version", consent_forms.versions())
def test_placeholders_are_the_same_in_every_language(version):
    data = consent_forms.load(version)
    german = data["texts"]["de"]

    def placeholders(texts):
        found = {}
        for key, value in texts.items():
            if isinstance(value, str):
                found[key] = set(PLACEHOLDER.findall(value))
        for purpose, entry in texts["purposes"].items():
            found[f"purposes.{purpose}"] = set(PLACEHOLDER.findall(entry["text"]))
        return found

    expected = placeholders(german)
    assert all(names <= {"organisation", "recipient"} for names in expected.values())
    for language in consent_forms.FORM_LANGUAGES:
        assert placeholders(data["texts"][language]) == expected, language


def test_translations_differ_from_german():
    data = consent_forms.load(consent_forms.CURRENT_VERSION)
    german = data["texts"]["de"]
    for language in consent_forms.FORM_LANGUAGES[1:]:
        assert data["texts"][language]["withdrawal_text"] != german["withdrawal_text"]


def test_arabic_text_is_arabic_script():
    texts = consent_forms.texts(consent_forms.CURRENT_VERSION, "ar")
    assert re.search(r"[\u0600-\u06FF]", texts["title"])
