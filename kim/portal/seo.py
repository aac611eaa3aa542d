"""Findability: sitemap.xml with hreflang alternates, and robots.txt.

Sitemap: every public URL in every language it really exists in – a page or news item appears only in the
languages it has a published translation in (fallback pages are German and name the German page as
canonical), each with ``xhtml:link`` alternates to its other languages and ``x-default`` (German).
Sections that exist in every language (home, overview, FAQ, news, downloads) and the URL names other portal
modules list in a module-level ``SITEMAP`` of their urls module are listed in every language.

robots.txt: allows the portal (each language prefix, static files, the sitemap) and disallows every other
top-level path of the URL configuration – the staff platform – computed from the resolver, so a new staff
app is disallowed without anyone remembering to add it here.
"""

from __future__ import annotations

import importlib
from xml.sax.saxutils import escape, quoteattr

from django.urls import NoReverseMatch, get_resolver, reverse

from kim.portal.languages import SOURCE_LANGUAGE, public_language_codes, public_languages
from kim.portal.public import absolute_url
from kim.portal.selectors import news_years, sitemap_items

SECTION_NAMES = ["portal:home", "portal:page_list", "portal:faq", "portal:news", "portal:downloads"]
OTHER_URL_MODULES = ["kim.portal.directory_urls", "kim.portal.contact_urls"]


def _other_sections() -> list[str]:
    names = []
    for module_name in OTHER_URL_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # pragma: no cover - the modules exist; a missing one adds nothing
            continue
        names += list(getattr(module, "SITEMAP", []))
    return names


def _url_set(name: str, kwargs: dict, languages: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(url, [(hreflang, url), …])] for one page in the given languages."""
    by_code = {language.code: language for language in public_languages()}
    urls = {}
    for code in languages:
        try:
            urls[code] = absolute_url(reverse(name, kwargs={**kwargs, "lang": code}))
        except NoReverseMatch:
            return []
    alternates = [(by_code[code].hreflang, url) for code, url in urls.items() if by_code[code].hreflang]
    if len(alternates) > 1 and SOURCE_LANGUAGE in urls:
        alternates.append(("x-default", urls[SOURCE_LANGUAGE]))
    else:
        alternates = []
    return [(url, alternates) for url in urls.values()]


def sitemap_entries() -> list[tuple[str, list[tuple[str, str]]]]:
    codes = public_language_codes()
    entries = []
    for name in SECTION_NAMES + _other_sections():
        entries += _url_set(name, {}, codes)
    items = sitemap_items()
    for page in items["pages"]:
        if page.slug == "start":
            continue
        entries += _url_set("portal:page", {"slug": page.slug}, _available(page, codes))
    for year in news_years():
        entries += _url_set("portal:news_year", {"year": year}, codes)
    for news in items["news"]:
        entries += _url_set(
            "portal:news_detail", {"year": news.date.year, "slug": news.slug}, _available(news, codes)
        )
    return entries


def _available(item, codes: list[str]) -> list[str]:
    public = {row.language for row in item.translations.all() if row.is_public}
    return [code for code in codes if code in public]


def sitemap_xml() -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url, alternates in sitemap_entries():
        lines.append(f"  <url><loc>{escape(url)}</loc>")
        for hreflang, href in alternates:
            lines.append(
                f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} href={quoteattr(href)}/>'
            )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _top_level_prefixes() -> set[str]:
    prefixes = set()

    def walk(patterns):
        for pattern in patterns:
            route = str(pattern.pattern)
            first = route.lstrip("^").split("/", 1)[0]
            if not first:
                if hasattr(pattern, "url_patterns"):
                    walk(pattern.url_patterns)
                continue
            if "<" in first or "(" in first or "\\" in first:
                continue
            prefixes.add(first if "/" in route.lstrip("^") else first.rstrip("$"))

    walk(get_resolver().url_patterns)
    return prefixes


def robots_txt() -> str:
    public_prefixes = {f"/{code}/" for code in public_language_codes()}
    allowed_files = {"robots.txt", "sitemap.xml", "favicon.ico", "static", "healthz"}
    staff = sorted(
        p for p in _top_level_prefixes() if p not in allowed_files and f"/{p}/" not in public_prefixes
    )
    lines = ["User-agent: *"]
    lines += [f"Allow: {prefix}" for prefix in sorted(public_prefixes)]
    lines += [f"Disallow: /{prefix}/" for prefix in staff]
    lines += ["Disallow: /healthz", "", f"Sitemap: {absolute_url(reverse('portal:sitemap'))}"]
    return "\n".join(lines) + "\n"
