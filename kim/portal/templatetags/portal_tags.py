"""Template helpers of the public portal."""

from django import template

from kim.portal.languages import get_public_language
from kim.portal.markup import isolate_plain, render_markup

register = template.Library()


@register.filter
def markup(text: str, language: str = "de"):
    """Editor text (kim.portal.markup) as HTML; links to portal pages point into ``language``."""
    return render_markup(text, language)


@register.filter
def markup_sub(text: str, language: str = "de"):
    """As ``markup``, for text under an h2: its "##" headings become h3."""
    return render_markup(text, language, heading_offset=1)


@register.filter
def public_autonym(code: str) -> str:
    language = get_public_language(code)
    return language.autonym if language else code


@register.filter
def public_html_lang(code: str) -> str:
    """The BCP-47 tag of a public language code (``einfach`` → ``de``) for ``lang`` attributes."""
    language = get_public_language(code)
    return language.html_lang if language else code


@register.filter
def isolated(text: str):
    """Plain text, escaped, with dates, phone numbers and "§ 25a" kept left to right inside RTL text."""
    return isolate_plain(text)
