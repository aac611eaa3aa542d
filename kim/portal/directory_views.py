"""Public views of the staff directory and the responsibility finder.

Both are GET pages without cookies; their responses are cached per query (kim.portal.public) until the
next change of the staff data bumps the content generation (kim.portal.directory_signals).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from kim.accounts.selectors import central_contact_point
from kim.portal import directory
from kim.portal.directory_forms import FinderForm, StaffFilterForm
from kim.portal.public import public_view, render_public


def _locale(request) -> str:
    return request.public_language.gettext_locale


def finder_url(lang: str, **params) -> str:
    query = urlencode({k: v for k, v in params.items() if v})
    url = reverse("portal_directory:index", kwargs={"lang": lang})
    return f"{url}?{query}" if query else url


@public_view(cache_query=True)
def index(request, lang):
    """The responsibility finder: street or postcode → Sozialraum → the responsible case managers."""
    locale = _locale(request)
    profiles = directory.published_profiles()
    languages = directory.offered_languages([p for p in profiles if p.is_case_manager], locale)
    form = FinderForm(request.GET or None, languages=languages)
    context = {"form": form, "result": None}
    if request.GET and form.is_valid():
        data = form.cleaned_data
        result = directory.find(data["street"], data["postcode"])
        context["result"] = result
        language = data["language"]
        context["language"] = directory.language_label(language, locale) if language else None
        if result.district is not None:
            responsible = directory.responsible_for(result.district, language, profiles)
            context["team"] = directory.cards(responsible.team, locale)
            context["language_missing"] = responsible.language_missing
            context["elsewhere"] = directory.cards(responsible.elsewhere, locale)
        context["links"] = _result_links(lang, result, language)
    central = central_contact_point()
    context["city"] = central.city if central else _("this city")
    if (
        context["result"] is None
        or context["result"].outcome != directory.Outcome.FOUND
        or not context.get("team")
    ):
        context["central"] = central
    context["contact_url"] = _contact_url(lang, context)
    return render_public(request, "portal/directory/index.html", context)


def _result_links(lang: str, result: directory.FinderResult, language: str) -> dict:
    """Finder links for the places a result offers (choose a postcode, a suggested street …)."""

    def link(place: directory.Place) -> str:
        return finder_url(lang, street=place.street, postcode=place.postcode, language=language)

    return {
        "choices": [(place, link(place)) for place in result.choices],
        "suggestions": [(place, link(place)) for place in result.suggestions],
        "nearby": [
            (place, finder_url(lang, postcode=place.postcode, language=language))
            for place in result.nearby_postcodes
        ],
        "split": [(place, link(place)) for place in result.split_streets],
    }


def _contact_url(lang: str, context: dict) -> str:
    url = reverse("portal_contact:form", kwargs={"lang": lang})
    params = {}
    result = context.get("result")
    if result is not None and result.district is not None:
        params["district"] = result.district.pk
    if context.get("language"):
        params["language"] = context["language"].code
    return f"{url}?{urlencode(params)}" if params else url


@public_view(cache_query=True)
def staff(request, lang):
    """Every published profile, filterable by language and district."""
    locale = _locale(request)
    profiles = directory.published_profiles()
    languages = directory.offered_languages(profiles, locale)
    form = StaffFilterForm(request.GET or None, languages=languages)
    language, district_id = "", None
    if request.GET and form.is_valid():
        language, district_id = form.cleaned_data["language"], form.cleaned_data["district"]
    shown = directory.filter_profiles(profiles, language=language, district_id=district_id)
    context = {
        "form": form,
        "cards": directory.cards(shown, locale),
        "total": len(profiles),
        "filtered": bool(language or district_id),
        "central": central_contact_point(),
    }
    return render_public(request, "portal/directory/staff.html", context)
