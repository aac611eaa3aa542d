from django import template

from kim.core.languages import autonym, is_rtl, language_name

register = template.Library()


@register.filter
def language_names(codes) -> str:
    """A list of ISO codes as names in the UI language: ["ar", "tr"] → "Arabisch, Türkisch"."""
    return ", ".join(language_name(code) for code in codes or [])


@register.filter(name="language_name")
def language_name_filter(code) -> str:
    return language_name(code)


@register.filter(name="autonym")
def autonym_filter(code) -> str:
    return autonym(code)


@register.filter
def text_dir(code) -> str:
    return "rtl" if is_rtl(code or "") else "ltr"
