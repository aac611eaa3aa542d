"""Public contact page (address, opening hours, "open now") and the contact and appointment request form.

The contact page is cached like every public page, but only until what it says changes (the next opening or
closing, or midnight). The form is never cached: it carries the visitor's CSRF token.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache

from kim.accounts.models import ContactPoint
from kim.accounts.views import apply_service_errors
from kim.portal import cache as page_cache
from kim.portal import contact, opening_hours
from kim.portal.contact_forms import ContactForm
from kim.portal.contact_texts import consent_sections
from kim.portal.public import BROWSER_MAX_AGE, public_view, render_public

# Contact page ------------------------------------------------------------------------------------------------


def contact_points():
    return list(
        ContactPoint.objects.select_related("organisation")
        .prefetch_related("opening_hours")
        .order_by("-is_central", "name")
    )


def hours_context(point: ContactPoint, language, now: dt.datetime | None = None) -> dict:
    """Everything the page says about one contact point's hours, worded in the visitor's language."""
    locale = language.gettext_locale
    schedule = opening_hours.schedule_for(point, language=language.code)
    status = schedule.status(now)
    today = status.now.date()
    week = [
        {
            "weekday": opening_hours.weekday_name(weekday, locale),
            "hours": opening_hours.describe_slots(slots, locale),
            "is_today": weekday == today.weekday(),
        }
        for weekday, slots in schedule.week()
    ]
    changes = []
    for notice in opening_hours.upcoming_notices(schedule, today):
        if notice.first == notice.last:
            when = opening_hours.format_day(notice.first, locale)
        else:
            when = _("%(first)s to %(last)s") % {
                "first": opening_hours.format_day(notice.first, locale),
                "last": opening_hours.format_day(notice.last, locale),
            }
        if notice.slots:
            hours = _("open %(hours)s") % {"hours": opening_hours.describe_slots(notice.slots, locale)}
            if notice.exception is not None and not notice.exception.is_single_day:
                hours = _("%(hours)s on the usual opening days") % {"hours": hours}
        else:
            hours = pgettext("opening hours", "closed")
        if notice.holiday:
            reason = _("public holiday: %(name)s") % {"name": notice.holiday}
        else:
            reason = notice.exception.reason if notice.exception else ""
        changes.append(
            {
                "when": when,
                "hours": hours,
                "reason": reason,
                "note": notice.exception.note if notice.exception else "",
            }
        )
    return {
        "point": point,
        "has_hours": schedule.has_hours,
        "status": status,
        "status_text": opening_hours.status_sentence(status, locale) if schedule.has_hours else "",
        "today_note": opening_hours.today_note(status.today),
        "week": week,
        "changes": changes,
        "seconds_valid": opening_hours.seconds_until_change(status),
    }


@public_view(cache=False)
def index(request, lang):
    """Address, phone, e-mail and opening hours with "open now"; cached until that line would change."""
    generation = page_cache.current_generation()
    name = f"contact:{request.get_full_path()}"
    now = timezone.now()
    entry = page_cache.fetch(generation, name)
    if entry is not None and entry["valid_until"] > now.timestamp():
        response = HttpResponse(entry["content"], content_type=entry["content_type"])
        response["Content-Language"] = request.public_language.html_lang
    else:
        points = [hours_context(point, request.public_language, now) for point in contact_points()]
        response = render_public(request, "portal/contact/index.html", {"points": points})
        valid = min([p["seconds_valid"] for p in points] or [page_cache.TIMEOUT_SECONDS])
        page_cache.store(
            generation,
            name,
            {
                "content": response.content,
                "content_type": response["Content-Type"],
                "valid_until": now.timestamp() + valid,
            },
        )
        entry = {"valid_until": now.timestamp() + valid}
    remaining = int(entry["valid_until"] - now.timestamp())
    if "sessionid" not in request.COOKIES:
        response["Cache-Control"] = f"public, max-age={max(0, min(BROWSER_MAX_AGE, remaining))}"
    else:
        response["Cache-Control"] = "private, max-age=0"
    return response


# Request form -------------------------------------------------------------------------------------------------


def _locale(request) -> str:
    return request.public_language.gettext_locale


def _visitor_language_code(request) -> str:
    """The visitor's language as a language code for the request ("einfach" → German)."""
    return request.public_language.html_lang.split("-")[0]


def _render_form(request, form, *, problem: str = "", status: int = 200):
    central = ContactPoint.objects.filter(is_central=True).first()
    context = {
        "form": form,
        "problem": problem,
        "started": contact.form_token(),
        "consent": consent_sections(request.public_language, central),
        "central": central,
    }
    response = render_public(request, "portal/contact/form.html", context, status=status)
    return response


def _initial(request) -> dict:
    initial = {"preferred_language": _visitor_language_code(request)}
    language = request.GET.get("language", "")
    if language:
        initial["preferred_language"] = language[:10]
    district = request.GET.get("district", "")
    if district.isdigit():
        initial["district"] = district
    return initial


@never_cache
@public_view(cache=False)
def form(request, lang):
    """The contact and appointment request form; a valid request goes to the intake queue."""
    if request.method != "POST":
        return _render_form(request, ContactForm(initial=_initial(request), locale=_locale(request)))

    bound = ContactForm(request.POST, locale=_locale(request))
    allowance = contact.register_attempt(contact.client_address(request))
    if not allowance.allowed:
        return _render_form(
            request,
            bound,
            problem=_(
                "You have sent several requests in a short time. Please wait an hour, or call or write to us directly."
            ),
            status=429,
        )
    if request.POST.get("website", ""):
        return _render_form(
            request,
            bound,
            problem=_(
                "The form could not be sent. If your browser fills in forms automatically, please switch that off "
                "for this page and send it again – or call or write to us directly."
            ),
            status=400,
        )
    check = contact.check_form_token(request.POST.get("started", ""))
    if check == contact.TokenCheck.TOO_FAST:
        return _render_form(
            request,
            bound,
            problem=_("That was very quick. Please check your entries and send the form again."),
        )
    if check == contact.TokenCheck.EXPIRED:
        return _render_form(
            request,
            bound,
            problem=_("The form was open for a long time. Please check your entries and send it again."),
        )
    if check == contact.TokenCheck.MISSING:
        return _render_form(
            request, bound, problem=_("The form could not be checked. Please send it again."), status=400
        )
    if not bound.is_valid():
        return _render_form(request, bound)
    try:
        created = contact.submit_request(
            data=bound.cleaned_data, language=request.public_language.code, attempt_id=allowance.attempt_id
        )
    except ValidationError as error:
        apply_service_errors(bound, error)
        return _render_form(request, bound)
    url = reverse("portal_contact:thanks", kwargs={"lang": lang})
    return redirect(f"{url}?ref={contact.reference_token(created)}")


@never_cache
@public_view(cache=False)
def thanks(request, lang):
    """The confirmation with the request's reference number (from a signed, short-lived link)."""
    reference = contact.reference_from_token(request.GET.get("ref", ""))
    central = ContactPoint.objects.filter(is_central=True).first()
    return render_public(
        request,
        "portal/contact/thanks.html",
        {"reference": reference, "central": central},
        status=200 if reference else 404,
    )


@public_view(cache=False)
def refuse_oversized(request, lang):
    """What a visitor sees when the form was sent with far more data than it can hold (see the middleware)."""
    response = _render_form(
        request,
        ContactForm(initial=_initial(request), locale=_locale(request)),
        problem=_(
            "Your request was too large to be sent. Please shorten your message and send it again. "
            "What you typed is still in this browser if it allows that."
        ),
        status=413,
    )
    response["Cache-Control"] = "no-store"
    return response
