"""How a public portal view is written: ``@public_view`` and ``render_public``.

::

    from kim.portal.public import public_view, render_public

    @public_view()                      # cached until the next publish; cache=False for forms/live data
    def index(request, lang):
        language = request.public_language   # PublicLanguage: code, autonym, html_lang, direction, …
        return render_public(request, "portal/directory/index.html", {...})

``public_view``

* takes the ``lang`` URL keyword (every public URL starts with ``/<lang>/``), answers 404 for a language
  that is not configured, sets ``request.public_language`` and activates the language's chrome catalogue
  (``gettext_locale``; Einfache Sprache → German) while the view runs, so ``{% translate %}`` follows it;
* sets ``Content-Language`` and a short public ``Cache-Control`` for browsers;
* with ``cache=True`` (default) keeps GET responses with status 200 and no cookie in the cache, keyed by the
  content generation (kim.portal.cache) and the full path; requests with a query string are cached only with
  ``cache_query=True``. Responses that use the CSRF token must be ``cache=False`` (the token is per visitor).

Nothing here touches the session or sets a cookie, so anonymous visitors get none.

``render_public`` adds what ``portal/base.html`` needs: the language chooser with the same page in every
language, the navigation, the canonical URL and hreflang alternates. Pass ``available_languages`` (codes)
when a page exists only in some languages (the others show German with a note): hreflang then lists only
those, and the canonical URL of a fallback page is the German one.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from kim.portal import cache as page_cache
from kim.portal.languages import SOURCE_LANGUAGE, get_public_language, public_languages
from kim.portal.navigation import navigation_for

BROWSER_MAX_AGE = 60
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")


def public_view(view=None, *, cache: bool = True, cache_query: bool = False):
    """Decorator for public views (see the module docstring)."""

    def decorator(view_function):
        @wraps(view_function)
        def wrapped(request, *args, lang: str, **kwargs):
            language = get_public_language(lang)
            if language is None:
                raise Http404
            request.public_language = language
            cacheable = cache and request.method in ("GET", "HEAD") and (cache_query or not request.GET)
            if cacheable:
                generation = page_cache.current_generation()
                name = "page:" + request.get_full_path()
                hit = page_cache.fetch(generation, name)
                if hit is not None:
                    return _finish(request, _from_cache(hit), cached=True)
            with translation.override(language.gettext_locale):
                response = view_function(request, *args, lang=lang, **kwargs)
            response.headers.setdefault("Content-Language", language.html_lang)
            stored = False
            if (
                cacheable
                and response.status_code == 200
                and not response.cookies
                and not getattr(response, "streaming", False)
            ):
                page_cache.store(generation, name, _to_cache(response))
                stored = True
            return _finish(request, response, cached=stored)

        wrapped.public_view = True
        return wrapped

    return decorator(view) if view is not None else decorator


def _to_cache(response: HttpResponse) -> dict:
    return {
        "status": response.status_code,
        "content": response.content,
        "headers": {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)},
    }


def _from_cache(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"].items():
        response[name] = value
    return response


def _finish(request, response: HttpResponse, *, cached: bool) -> HttpResponse:
    if cached and not response.has_header("Cache-Control"):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            response["Cache-Control"] = "private, max-age=0"
        else:
            response["Cache-Control"] = f"public, max-age={BROWSER_MAX_AGE}"
    return response


# Rendering -------------------------------------------------------------------------------------------------


def absolute_url(path: str) -> str:
    """An absolute URL on the configured site address (KIM_BASE_URL), never taken from the Host header."""
    return settings.KIM_BASE_URL.rstrip("/") + path


def url_in_language(request, code: str) -> str | None:
    """The URL of the current view in another public language (same slug), or None."""
    match = request.resolver_match
    if match is None or "lang" not in match.kwargs:
        return None
    try:
        return reverse(match.view_name, kwargs={**match.kwargs, "lang": code})
    except NoReverseMatch:
        return None


def portal_chrome(request, *, available_languages=None) -> dict:
    """The context of ``portal/base.html`` (language chooser, navigation, canonical URL, alternates)."""
    language = request.public_language
    available = set(available_languages) if available_languages is not None else None
    choices, alternates = [], []
    for other in public_languages():
        url = url_in_language(request, other.code)
        if url is None:
            continue
        choices.append({"language": other, "url": url, "current": other.code == language.code})
        if other.hreflang and (available is None or other.code in available):
            alternates.append({"hreflang": other.hreflang, "url": absolute_url(url)})
    if alternates:
        default_url = url_in_language(request, SOURCE_LANGUAGE)
        alternates.append({"hreflang": "x-default", "url": absolute_url(default_url)})
    is_fallback = available is not None and language.code not in available
    canonical_path = url_in_language(request, SOURCE_LANGUAGE if is_fallback else language.code)
    match = request.resolver_match
    return {
        "public_language": language,
        "language_choices": choices,
        "hreflang_alternates": alternates if len(alternates) > 2 else [],
        "canonical_url": absolute_url(canonical_path or request.path),
        "portal_navigation": navigation_for(language.code, match.view_name if match else ""),
        "site_name": settings.KIM_SITE_NAME,
    }


def render_public(
    request, template_name: str, context: dict | None = None, *, available_languages=None, status=200
):
    """Render a public page with the portal chrome."""
    full_context = {**portal_chrome(request, available_languages=available_languages), **(context or {})}
    return render(request, template_name, full_context, status=status)
