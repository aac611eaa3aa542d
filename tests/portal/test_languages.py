"""The public language definitions: one place, configurable, Kurmanji known to Django."""

from django.utils.translation import get_language_info

from kim.portal import languages
from kim.portal.kinds import KINDS
from kim.portal.languages import ContentKindConverter, public_languages


def test_default_languages_with_autonyms_and_direction():
    by_code = {language.code: language for language in public_languages()}
    assert list(by_code) == ["de", "einfach", "en", "ar", "tr", "uk", "ru", "bg", "ro", "fa", "ku"]
    assert by_code["ar"].direction == by_code["fa"].direction == "rtl"
    assert by_code["ku"].autonym == "Kurmancî" and by_code["uk"].autonym == "Українська"
    assert by_code["einfach"].html_lang == "de" and by_code["einfach"].gettext_locale == "de"
    assert by_code["einfach"].hreflang is None


def test_more_languages_by_configuration(settings):
    settings.KIM_PUBLIC_LANGUAGES = ["en", "pl", "ps", "de"]
    codes = [language.code for language in public_languages()]
    assert codes == ["de", "en", "pl", "ps"]  # German always first
    pashto = languages.get_public_language("ps")
    assert pashto.direction == "rtl" and pashto.autonym
    assert languages.get_public_language("pl").autonym.lower().startswith("pol")


def test_kurmanji_is_registered_with_django():
    info = get_language_info("ku")
    assert info["name_local"] == "Kurmancî" and info["bidi"] is False


def test_back_office_kind_converter_matches_the_kinds():
    assert set(ContentKindConverter.regex.split("|")) == set(KINDS)
