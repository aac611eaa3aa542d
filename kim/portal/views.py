"""Public portal views: thin – read through kim.portal.selectors, render with kim.portal.public."""

from __future__ import annotations

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from kim.core.pdf import pdf_response
from kim.portal import selectors, seo
from kim.portal.flyer import FLYER_PAGE_SLUG, flyer_entry, flyer_filename, flyer_pdf_bytes
from kim.portal.languages import best_language_for, public_languages
from kim.portal.public import public_view, render_public

HOME_PAGE_SLUG = "start"


def root_redirect(request) -> HttpResponseRedirect:
    """``/`` for visitors: the portal home in the language their browser asks for (German by default)."""
    language = best_language_for(request.headers.get("Accept-Language", ""))
    response = HttpResponseRedirect(reverse("portal:home", kwargs={"lang": language.code}))
    response["Vary"] = "Accept-Language, Cookie"
    return response


@public_view()
def home(request, lang):
    intro = selectors.public_page_or_none(HOME_PAGE_SLUG, lang)
    context = {
        "intro": intro,
        "pages": [entry for entry in selectors.public_pages(lang) if entry.item.slug != HOME_PAGE_SLUG],
        "news": selectors.public_news(lang, limit=3),
        "languages": public_languages(),
    }
    return render_public(request, "portal/home.html", context)


@public_view()
def page_list(request, lang):
    pages = [entry for entry in selectors.public_pages(lang) if entry.item.slug != HOME_PAGE_SLUG]
    return render_public(request, "portal/page_list.html", {"pages": pages})


@public_view()
def page(request, lang, slug):
    entry, children = selectors.public_page(slug, lang)
    if slug == HOME_PAGE_SLUG:
        return HttpResponseRedirect(reverse("portal:home", kwargs={"lang": lang}))
    parents = [selectors.localize(parent, lang) for parent in selectors.page_parents(entry.item)]
    return render_public(
        request,
        "portal/page.html",
        {"entry": entry, "children": children, "parents": [p for p in parents if p]},
        available_languages=entry.available_languages,
    )


@public_view()
def faq(request, lang):
    query = (request.GET.get("q") or "").strip()[:200]
    category = (request.GET.get("thema") or "").strip()[:60]
    groups = selectors.public_faqs(lang, query=query, category=category)
    context = {
        "groups": groups,
        "query": query,
        "category": category,
        "categories": selectors.public_faq_categories(lang),
        "result_count": sum(len(group.entries) for group in groups),
    }
    return render_public(request, "portal/faq.html", context)


@public_view()
def news(request, lang):
    return render_public(
        request,
        "portal/news_list.html",
        {"items": selectors.public_news(lang, limit=10), "years": selectors.news_years(), "year": None},
    )


@public_view()
def news_year(request, lang, year):
    items = selectors.public_news(lang, year=year)
    if not items:
        raise Http404
    return render_public(
        request, "portal/news_list.html", {"items": items, "years": selectors.news_years(), "year": year}
    )


@public_view()
def news_detail(request, lang, year, slug):
    entry = selectors.public_news_item(year, slug, lang)
    return render_public(
        request, "portal/news_detail.html", {"entry": entry}, available_languages=entry.available_languages
    )


@public_view()
def downloads(request, lang):
    flyer = selectors.public_page_or_none(FLYER_PAGE_SLUG, lang)
    flyers = []
    if flyer is not None:
        available = set(flyer.available_languages)
        flyers = [
            {"language": language, "url": reverse("portal:download_flyer", kwargs={"lang": language.code})}
            for language in public_languages()
            if language.code in available
        ]
    context = {"flyer": flyer, "flyers": flyers, "documents": selectors.public_downloads(lang)}
    return render_public(request, "portal/downloads.html", context)


@public_view()
def download_flyer(request, lang):
    entry = flyer_entry(lang)
    if entry is None:
        raise Http404
    if entry.is_fallback:
        return HttpResponseRedirect(reverse("portal:download_flyer", kwargs={"lang": entry.language}))
    content = flyer_pdf_bytes(lang)
    response = pdf_response(content, flyer_filename(lang), inline=True)
    del response[
        "Cache-Control"
    ]  # public, cached like the pages (pdf_response says no-store for personal data)
    return response


@public_view(cache=False)
def download_file(request, lang, slug):
    from django.http import FileResponse

    document = selectors.public_download(slug)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="application/pdf", filename=f"{document.slug}.pdf")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=300"
    return response


def sitemap(request) -> HttpResponse:
    return HttpResponse(seo.sitemap_xml(), content_type="application/xml; charset=utf-8")
