"""The KIM flyer as PDF in every public language, generated from the "flyer" page (kim.core.pdf, WeasyPrint).

Arabic and Farsi are set right to left and shaped by Pango/HarfBuzz (fonts: Noto Sans Arabic). A language
without a published flyer text has no flyer of its own (the download page lists only real ones; its URL
answers with the German flyer). Rendering takes a few hundred milliseconds, so the bytes are cached under
the content generation like the pages (a publish makes a fresh one).
"""

from __future__ import annotations

from django.urls import reverse

from kim.core.pdf import render_pdf
from kim.portal import cache as page_cache
from kim.portal.languages import get_public_language
from kim.portal.public import absolute_url
from kim.portal.selectors import public_page_or_none

FLYER_PAGE_SLUG = "flyer"


def flyer_filename(language: str) -> str:
    return f"kim-flyer-{language}.pdf"


def flyer_entry(language: str):
    """The flyer text in ``language`` (None when the flyer page is not published at all)."""
    return public_page_or_none(FLYER_PAGE_SLUG, language)


def render_flyer(language: str) -> bytes | None:
    from kim.accounts.selectors import central_contact_point

    entry = flyer_entry(language)
    if entry is None:
        return None
    shown = get_public_language(entry.language)
    context = {
        "entry": entry,
        "public_language": shown,
        "contact": central_contact_point(),
        "portal_url": absolute_url(reverse("portal:home", kwargs={"lang": shown.code})),
    }
    return render_pdf("portal/flyer_pdf.html", context, language=shown.html_lang)


def flyer_pdf_bytes(language: str) -> bytes | None:
    generation = page_cache.current_generation()
    name = f"flyer:{language}"
    content = page_cache.fetch(generation, name)
    if content is None:
        content = render_flyer(language)
        if content is not None:
            page_cache.store(generation, name, content)
    return content
